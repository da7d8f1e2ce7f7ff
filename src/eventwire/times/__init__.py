"""Times: time expressions found and normalized to TIMEX3 values against the publication date.

Rules cover the forms news uses most ("Wednesday", "November 25", "last month", "two years
ago", "in 2003"); dateparser takes what they miss. Relative expressions need a publication
date: without one their value stays None rather than being guessed.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span

from ..model import TimeRef
from .normalize import normalize, precision_of

__all__ = ["find_times", "normalize", "precision_of"]

_FUTURE_AUX = frozenset({"will", "'ll", "shall"})


def find_times(doc: Doc, published: date | None) -> list[TimeRef]:
    refs = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        kind, value = normalize(ent.text, published, future=points_ahead(ent), is_time=ent.label_ == "TIME")
        if kind is None:
            continue
        refs.append(TimeRef(ent.text, (ent.start_char, ent.end_char), kind, value))
    return refs


def points_ahead(ent: Span) -> bool:
    """Whether the clause the expression sits in is in the future tense ("will meet on Monday")."""
    verb = ent.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(a in _FUTURE_AUX for a in aux) or ("going" in aux) or (verb.lower_ in ("upcoming", "next"))
