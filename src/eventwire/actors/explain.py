"""Why each actor was resolved as it was: the knowledge-base terms inside its mention."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Actor
from .knowledge import PERSON, KnowledgeBase
from .matcher import TermMatcher


def explain(doc: Doc, actors: list[Actor], kb: KnowledgeBase, matcher: TermMatcher, day: str | None) -> list[str]:
    """One line per actor: mention, resolution, and the terms (or context) that decided it."""
    matches = matcher(doc)
    lines = []
    for actor in actors:
        start, end = actor.span
        inside = [(span, terms) for span, terms in matches if start <= span.start_char and span.end_char <= end]
        reasons = [f"{span.text!r}: {_describe(t, kb, day)}" for span, terms in inside for t in terms]
        if not reasons:
            reasons = ["no knowledge-base term: " + ("a name the model found" if actor.name else "context")
                       + (f"; country {actor.country} from the text around it" if actor.country else "")]
        lines.append(f"{actor.text!r} [{actor.span[0]}:{actor.span[1]}] -> {actor.code or '-'} "
                     f"(country {actor.country or '?'}, sector {actor.sector or '?'}, PLOVER sector "
                     f"{actor.plover_sector or '?'}, id {actor.id or '-'}, "
                     f"name {actor.name or '-'})\n    because " + "; ".join(reasons))
    return lines


def _describe(term, kb: KnowledgeBase, day: str | None) -> str:
    if term.kind == PERSON:
        office = kb.office_of(term.key, day)
        if office:
            return (f"person {office.name}, {office.role} of {office.country} ({office.sector}) "
                    f"from {office.start} to {office.end or 'now'}")
    what = {"country": "name of", "adjective": "adjective of", "capital": "capital of (acting as its government)",
            "seat": "seat of power of", "org": "organization", "role": "role noun, sector"}.get(term.kind, term.kind)
    target = term.sector if term.kind == "role" else (term.name if term.kind == "org" else term.country)
    return f"{what} {target}" + (f" ({term.country}, {term.sector})" if term.kind == "org" else "")
