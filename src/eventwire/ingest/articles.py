"""Turning raw fields into an Article, or saying clearly why not.

Every reader funnels through `make_article`, so the checks (empty, too long, not English,
unparseable date) and the id rule are the same whatever the input format.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import date, datetime

from dateutil import parser as dateutil_parser

from ..model import Article, Failure

# spaCy's default limit is 1,000,000 characters; longer "articles" are almost always dumps.
MAX_ARTICLE_CHARS = 1_000_000

# Frequent English function words. Their share in running English text is far above any
# other language's; a cheap test that needs no language-id model.
_ENGLISH_WORDS = frozenset(
    "the of and to is was that for on with said by he it as at from has have are were be an "
    "this which their its after his not but who they had will would been also more than".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def text_hash(text: str) -> str:
    """A stable fingerprint of an article's text, blind to whitespace differences."""
    normal = " ".join(text.split())
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()


def looks_english(text: str, sample_words: int = 400) -> bool:
    words = [w.lower() for w in _WORD.findall(text[:20_000])][:sample_words]
    if len(words) < 25:  # too short to judge: let it through
        return True
    share = sum(w in _ENGLISH_WORDS for w in words) / len(words)
    return share >= 0.05  # running English is ~0.25; headline-style English ~0.1; other languages ~0


def normalize_published(value: object) -> str | None:
    """An ISO date or datetime string, or None. Raises ValueError when the value is unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        raise ValueError(f"published must be a string, got {type(value).__name__}")
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return date.fromisoformat(text).isoformat()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    # RFC 2822 and other written-out forms from feeds and pages.
    parsed = dateutil_parser.parse(text)  # raises ValueError / OverflowError
    return parsed.isoformat() if (parsed.hour or parsed.minute or parsed.tzinfo) else parsed.date().isoformat()


_MONTH = (r"(January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?")
_DATELINE = re.compile(rf"(?:^|\n|, |\(|— |- ){_MONTH} (\d{{1,2}}),? (\d{{4}})\b|"
                       rf"(?:^|\n|, |\(|— |- )(\d{{1,2}}) {_MONTH},? (\d{{4}})\b")


def dateline_date(text: str) -> str | None:
    """A full date in the article's first lines ("KABUL, March 3, 2024 (Reuters) -", or a date line
    under the headline): the publication date when none was given."""
    m = _DATELINE.search(text[:300])
    if not m:
        return None
    month, day, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
    try:
        return date(int(year), _month_number(month), int(day)).isoformat()
    except ValueError:
        return None


def _month_number(name: str) -> int:
    return ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].index(
        name.lower()[:3]) + 1


def make_article(
    text: object,
    *,
    origin: str,
    id: object = None,
    title: object = None,
    published: object = None,
    url: object = None,
    source: object = None,
) -> Iterator[Article | Failure]:
    """Yield the Article (plus any warnings), or a single Failure saying why it was refused."""
    if not isinstance(text, str):
        yield Failure(origin, "no 'text' field (a string) in the record")
        return
    if not text.strip():
        yield Failure(origin, "empty article text")
        return
    if len(text) > MAX_ARTICLE_CHARS:
        yield Failure(
            origin,
            f"article has {len(text):,} characters; eventwire codes at most {MAX_ARTICLE_CHARS:,} "
            "per article: split it into articles",
        )
        return
    article_id = str(id) if id not in (None, "") else (str(url) if url else "sha1:" + text_hash(text)[:20])
    if not looks_english(text):
        yield Failure(origin, "article does not look English; eventwire codes English text only",
                      article_id=article_id)
        return
    warning = None
    try:
        published_iso = normalize_published(published)
    except (ValueError, OverflowError, TypeError):
        published_iso = None
        warning = f"unparseable 'published' value {str(published)[:40]!r}"
    if published_iso is None:
        published_iso = dateline_date(text)
        if published_iso:
            warning = (warning + "; " if warning else "") + f"publication date {published_iso} taken from the dateline"
        else:
            warning = (warning or "no publication date") + "; relative dates stay unresolved"
    yield Article(
        id=article_id,
        text=text,
        title=str(title) if title else None,
        published=published_iso,
        url=str(url) if url else None,
        source=str(source) if source else None,
        origin=origin,
    )
    if warning:
        yield Failure(origin, warning, severity="warning", article_id=article_id)
