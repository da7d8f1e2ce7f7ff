"""Times: time expressions found and normalized to TIMEX3 values against the publication date.

Rules cover the forms news uses most ("Wednesday", "November 25", "last month", "two years
ago", "in 2003"); dateparser takes what they miss. Relative expressions need a publication
date: without one their value stays None rather than being guessed.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span

from ..model import TimeRef
from .normalize import MONTHS, REFERENCES, normalize, precision_of

__all__ = ["find_times", "normalize", "precision_of"]

_FUTURE_AUX = frozenset({"will", "'ll", "shall"})
_SCHEDULING = frozenset({"schedule", "plan", "expect", "due", "set", "slate", "intend", "scheduled", "upcoming"})


def find_times(doc: Doc, published: date | None) -> list[TimeRef]:
    refs = []
    text = doc.text  # spaCy rebuilds doc.text from its tokens on every access
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        ent = _trimmed(ent)
        if ent is None:
            continue
        tense = tense_of(ent)
        kind, value = normalize(ent.text, published, future=tense == "future", is_time=ent.label_ == "TIME",
                                past=tense == "past")
        if kind is None:
            continue
        start, end = _unhedged((ent.start_char, ent.end_char), ent.text)
        refs.append(TimeRef(text[start:end], (start, end), kind, value))
    taken = [r.span for r in refs]
    for start, end in _extra_expressions(text):  # what the entity recognizer does not tag
        if not any(s < end and start < e for s, e in taken):
            kind, value = normalize(text[start:end], published)
            if kind is not None:
                refs.append(TimeRef(text[start:end], (start, end), kind, value))
    return sorted(refs, key=lambda r: r.span)


# Clock times ("16:08 UTC", "0800 GMT") and reference words ("currently", "recently").
_EXTRA = re.compile(r"\b(?:\d{1,2}:\d{2}(?:\s*(?:UTC|GMT))?|\d{4}\s*(?:UTC|GMT)|"
                    + "|".join(re.escape(w) for w in sorted(REFERENCES, key=len, reverse=True)) + r")\b", re.I)


def _extra_expressions(text: str):
    for m in _EXTRA.finditer(text):
        yield m.start(), m.end()


_LEFT = frozenset({"this", "last", "next", "early", "late", "mid"})
_RIGHT = frozenset({"morning", "afternoon", "evening", "night", "monday", "tuesday", "wednesday", "thursday",
                    "friday", "saturday", "sunday", "utc", "gmt"})
_MONTH_NAMES = frozenset(m for m in MONTHS if len(m) > 3)


def _trimmed(ent: Span) -> Span | None:
    """The expression's own words: no surrounding whitespace, punctuation or trailing "and"; a
    month or a "this"/"last" the recognizer left outside taken in ("October 10, 2008", "this
    year"); a part of day after it too ("Friday morning")."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while start < end and (doc[start].is_space or doc[start].is_punct) and doc[start].text not in ("'", "\u2019"):
        start += 1  # an apostrophe stays: it is part of "'82"
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct or doc[end - 1].pos_ == "CCONJ"):
        end -= 1
    if end <= start:
        return None
    while start > 0 and (doc[start - 1].lower_ in _LEFT or doc[start - 1].lower_ in _MONTH_NAMES):
        start -= 1
    while end < len(doc) and doc[end].lower_ in _RIGHT:
        end += 1
    return Span(doc, start, end, label=ent.label_)


_HEDGES = ("just ", "more than ", "less than ", "nearly ", "almost ", "about ", "around ", "some ", "over ",
           "at least ", "roughly ", "approximately ", "only ")


def _unhedged(span: tuple[int, int], text: str) -> tuple[int, int]:
    """The span without a leading hedge ("more than a week" -> "a week"): the hedge still shapes
    the value, but TIMEX3 spans leave it out."""
    lower = text.lower()
    for hedge in _HEDGES:
        if lower.startswith(hedge):
            return span[0] + len(hedge), span[1]
    return span


def tense_of(ent: Span) -> str | None:
    """'future' ("will meet on Monday", "is scheduled for Friday"), 'past' ("met on Monday"), or
    None when the clause does not say."""
    verb = ent.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    chain = {verb.lemma_.lower(), verb.head.lemma_.lower()}
    if aux & _FUTURE_AUX or "going" in aux or chain & _SCHEDULING or verb.lower_ in ("upcoming", "next"):
        return "future"
    if verb.tag_ in ("VBD", "VBN") or aux & {"did", "had", "was", "were"}:
        return "past"
    return None


def points_ahead(ent: Span) -> bool:
    return tense_of(ent) == "future"
