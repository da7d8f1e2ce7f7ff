"""Which sentences are worth coding.

Newswire pages repeat photo captions and carry "Related:" link lines; coding them would
double-count events or invent them. A sentence is skipped when its paragraph is a link line,
or when it nearly repeats a sentence already kept (the same caption printed twice, lightly
edited).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

_LINK_LINE = re.compile(r"\s*(related|read more|see also|also read|read also|watch|listen|recommended|"
                        r"more from \w+|click here|sign up|subscribe)\b[^\n:]{0,20}:", re.I)
_WORD = re.compile(r"\w+")
NEAR_DUPLICATE = 0.7  # Jaccard overlap of word sets above which a sentence repeats an earlier one
MIN_WORDS = 6  # shorter sentences ("He added.") may legitimately repeat


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int  # position among all the document's sentences; events report it
    span: Span


def select_sentences(doc: Doc) -> list[Sentence]:
    kept: list[Sentence] = []
    seen: list[set[str]] = []
    text = doc.text  # spaCy rebuilds doc.text from its tokens on every access
    for index, sent in enumerate(doc.sents):
        if not sent.text.strip() or is_link_line(text, sent.start_char):
            continue
        words = {w.lower() for w in _WORD.findall(sent.text)}
        if len(words) >= MIN_WORDS and any(jaccard(words, s) >= NEAR_DUPLICATE for s in seen):
            continue
        seen.append(words)
        kept.append(Sentence(index, sent))
    return kept


def is_link_line(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    return bool(_LINK_LINE.match(text, line_start))


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


_DATELINE = re.compile(r"^\s*(?:[^\n]{0,200}\n\s*\n\s*)?([A-Z][A-Z.'\- ]{2,40}[A-Z])(?=,| \u2014| -| \()")


def dateline_span(text: str) -> tuple[int, int] | None:
    """Where the dateline's all-capitals place name is ("KABUL, March 3 (Wire) -"), after any
    headline: it says where the story was filed, so it is a place and never an actor."""
    m = _DATELINE.match(text)
    return (m.start(1), m.end(1)) if m else None


def dateline_header(text: str) -> tuple[int, int]:
    """The whole dateline, place to dash ("KABUL, March 3 (Example Wire) -"); (0, 0) if none.
    Its wire name and place are where the story came from, not who acted in it."""
    found = dateline_span(text)
    if found is None:
        return (0, 0)
    dash = re.search(r" [-\u2014\u2013] ", text[found[1]:found[1] + 120])
    return (found[0], found[1] + dash.end()) if dash else found
