"""Reading articles from files, folders and stdin.

`read_inputs` is the one entry point: it walks what the user named, picks a reader by
`--format` or by file extension (sniffing content where the extension says nothing), and
yields Articles and Failures in input order. A failure never stops the walk.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..model import Article, Failure
from .articles import MAX_ARTICLE_CHARS, make_article, text_hash
from .readers import read_feed, read_html, read_jsonl, read_text, read_warc

FORMATS = ("jsonl", "text", "html", "feed", "warc")
_EXTENSIONS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html",
    ".rss": "feed", ".atom": "feed",
    ".warc": "warc", ".gz": "warc",  # .warc.gz; other .gz files fail with a clear WARC error
}
# A text or HTML file larger than this is refused unread: it cannot be one article.
MAX_FILE_BYTES = 4 * MAX_ARTICLE_CHARS

__all__ = ["FORMATS", "read_inputs", "read_path", "make_article", "text_hash", "Article", "Failure"]


def read_inputs(inputs: Iterable[str], format: str | None = None) -> Iterator[Article | Failure]:
    for name in inputs:
        if name == "-":
            yield from read_bytes(sys.stdin.buffer.read(), "<stdin>", format)
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(p.startswith(".") for p in child.relative_to(path).parts):
                    yield from read_path(child, format)
        elif path.is_file():
            yield from read_path(path, format)
        else:
            yield Failure(name, "no such file or folder")


def read_path(path: Path, format: str | None = None) -> Iterator[Article | Failure]:
    origin = str(path)
    kind = format or detect_format(path)
    try:
        size = path.stat().st_size
        if size == 0:
            yield Failure(origin, "empty file")
            return
        if kind == "warc":
            with path.open("rb") as stream:
                yield from read_warc(stream, origin)
            return
        if kind in ("text", "html") and size > MAX_FILE_BYTES:
            yield Failure(origin, f"file is {size / 1e6:.0f} MB; one article may have at most "
                                  f"{MAX_ARTICLE_CHARS:,} characters: split it into articles")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(origin, f"cannot read: {exc.strerror or exc}")
        return
    yield from read_bytes(data, origin, kind)


def read_bytes(data: bytes, origin: str, kind: str | None) -> Iterator[Article | Failure]:
    if not data.strip():
        yield Failure(origin, "empty file")
        return
    if kind != "warc" and b"\x00" in data[:8192]:
        yield Failure(origin, "binary file, not text: give JSONL, text, HTML, RSS/Atom or WARC")
        return
    kind = kind or sniff_format(data)
    if kind == "jsonl":
        yield from read_jsonl(data, origin)
    elif kind == "html":
        yield from read_html(data, origin)
    elif kind == "feed":
        yield from read_feed(data, origin)
    elif kind == "warc":
        import io

        yield from read_warc(io.BytesIO(data), origin)
    else:
        yield from read_text(data, origin)


def detect_format(path: Path) -> str | None:
    """The format an extension names; None means: look at the content."""
    suffix = path.suffix.lower()
    if suffix == ".gz" and not path.name.lower().endswith(".warc.gz"):
        return None
    if suffix == ".xml":
        return None  # a feed or something else: sniff
    return _EXTENSIONS.get(suffix)


def sniff_format(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if data[:2] == b"\x1f\x8b" or head.startswith(b"warc/"):
        return "warc"
    if head.startswith(b"{"):
        return "jsonl"
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    if head.startswith(b"<"):
        return "html"
    return "text"


