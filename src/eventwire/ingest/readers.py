"""One reader per input kind. Each takes raw bytes and where they came from, and yields
Articles or Failures; none of them touches the file system or the pipeline."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

from ..model import Article, Failure
from .articles import make_article

Item = Article | Failure
# Fewer words than this after boilerplate removal is a navigation or index page, not an article.
MIN_PAGE_WORDS = 15


def decode(data: bytes, origin: str) -> str | Failure:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Failure(origin, f"not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); "
                               "re-encode the file as UTF-8")


def read_jsonl(data: bytes, origin: str) -> Iterator[Item]:
    """One article per line; a bad line is reported and the rest go on."""
    for lineno, raw in enumerate(data.splitlines(), start=1):
        where = f"{origin}:{lineno}"
        if not raw.strip():
            continue
        line = decode(raw, where)
        if isinstance(line, Failure):
            yield line
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"malformed JSON line ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield Failure(where, "a JSONL line must be an object with at least a 'text' field")
            continue
        yield from make_article(
            record.get("text"), origin=where, id=record.get("id"), title=record.get("title"),
            published=record.get("published"), url=record.get("url"), source=record.get("source"),
        )


def read_text(data: bytes, origin: str) -> Iterator[Item]:
    """A plain text file is one article."""
    text = decode(data, origin)
    if isinstance(text, Failure):
        yield text
        return
    yield from make_article(text, origin=origin)


def read_html(data: bytes, origin: str, url: str | None = None) -> Iterator[Item]:
    """A web page: the article text, title and date as trafilatura finds them."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    doc = trafilatura.bare_extraction(
        data, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True,
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.split()) < MIN_PAGE_WORDS:
        yield Failure(origin, "no article text found in the HTML page")
        return
    yield from make_article(
        text, origin=origin, title=doc.title, published=doc.date, url=doc.url or url,
        source=doc.sitename or doc.hostname,
    )


def read_feed(data: bytes, origin: str) -> Iterator[Item]:
    """An RSS or Atom file: one article per item, dated by the item."""
    import feedparser

    from .html_text import html_to_text

    feed = feedparser.parse(data)
    if not feed.entries:
        why = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        yield Failure(origin, f"feed has no items{why}")
        return
    source = feed.feed.get("title")
    for n, entry in enumerate(feed.entries, start=1):
        body = entry.get("content", [{}])[0].get("value") if entry.get("content") else None
        text = html_to_text(body or entry.get("summary") or "")
        yield from make_article(
            text, origin=f"{origin}#item{n}", id=entry.get("id") or entry.get("link"),
            title=entry.get("title"), published=entry.get("published") or entry.get("updated"),
            url=entry.get("link"), source=source,
        )


def read_warc(stream: io.BufferedIOBase, origin: str) -> Iterator[Item]:
    """HTML response records of a WARC archive (.warc or .warc.gz), read as a stream."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if "html" not in content_type.lower():
                continue
            found += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            yield from read_html(record.content_stream().read(), f"{origin}#{url}", url=url)
    except ArchiveLoadFailed as exc:
        yield Failure(origin, f"not a readable WARC archive: {exc}")
        return
    if not found:
        yield Failure(origin, "WARC archive has no HTML response records")
