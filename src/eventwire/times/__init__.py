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
from .normalize import REFERENCES, normalize, precision_of

__all__ = ["find_times", "normalize", "precision_of"]

_FUTURE_AUX = frozenset({"will", "'ll", "shall"})
_SCHEDULING = frozenset({"schedule", "plan", "expect", "due", "set", "slate", "intend", "scheduled", "upcoming"})


def find_times(doc: Doc, published: date | None) -> list[TimeRef]:
    refs = []
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
        refs.append(TimeRef(ent.text, (ent.start_char, ent.end_char), kind, value))
    taken = [r.span for r in refs]
    for start, end in _extra_expressions(doc.text):  # what the entity recognizer does not tag
        if not any(s < end and start < e for s, e in taken):
            kind, value = normalize(doc.text[start:end], published)
            if kind is not None:
                refs.append(TimeRef(doc.text[start:end], (start, end), kind, value))
    return sorted(refs, key=lambda r: r.span)


# Clock times ("16:08 UTC", "0800 GMT") and reference words ("currently", "recently").
_EXTRA = re.compile(r"\b(?:\d{1,2}:\d{2}(?:\s*(?:UTC|GMT))?|\d{4}\s*(?:UTC|GMT)|"
                    + "|".join(re.escape(w) for w in sorted(REFERENCES, key=len, reverse=True)) + r")\b", re.I)


def _extra_expressions(text: str):
    for m in _EXTRA.finditer(text):
        yield m.start(), m.end()


def _trimmed(ent: Span) -> Span | None:
    """The entity without surrounding whitespace or punctuation tokens ("Friday\n\n")."""
    start, end = ent.start, ent.end
    while start < end and (ent.doc[start].is_space or ent.doc[start].is_punct) and ent.doc[start].text not in ("'", "\u2019"):
        start += 1  # an apostrophe stays: it is part of "'82"
    while end > start and (ent.doc[end - 1].is_space or ent.doc[end - 1].is_punct):
        end -= 1
    return Span(ent.doc, start, end, label=ent.label_) if end > start else None


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
