"""Quotes and claims: who said (thought, wants, called for) what, through whom.

Direct quotes come from quotation marks (straight or curly, across sentences and paragraphs);
indirect ones from attribution cues outside the marks — verbs and nouns listed in
data/quotes/cues.csv with the complement that carries their content ("X said that ...", "X wants
to ...", "X called for talks", "the claim that ...") — and from "according to X". The speaker is
the actor at the cue's subject; outlets named by "according to" or "citing" next to a speaker are
the chain it came through (`via`). A quoted fragment inside a reported clause ('said the charges
were "lies"') is part of that clause's claim, not a quote of its own.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Actor, Quote
from ..nlp import by_token
from .cues import Cues, load_cues
from .direct import SPEECH_VERBS, direct_quotes, headline_claim, quote_spans
from .indirect import indirect_quotes
from .speakers import Speakers

__all__ = ["SPEECH_VERBS", "find_quotes", "quote_spans", "load_cues"]


def find_quotes(doc: Doc, actors: list[Actor], cues: Cues | None = None) -> list[Quote]:
    cues = cues or load_cues()
    speakers = Speakers(doc, actors, by_token(doc, actors))
    text = doc.text  # built anew on every access
    spans = quote_spans(text)
    direct = direct_quotes(doc, text, cues, speakers, spans)
    indirect = indirect_quotes(doc, cues, speakers, spans)
    headline = headline_claim(doc, text, speakers)
    if headline is not None:
        indirect.append(headline)
    kept = [q for q in direct if not any(_within(q, claim) for claim in indirect)]
    found = kept + _distinct(indirect)
    return sorted((q for q in found if not _nested(q, found)), key=lambda q: q.content.span)


def _within(quote: Quote, claim: Quote) -> bool:
    """A quoted fragment inside a reported clause that has words of its own around it."""
    (start, end), (outer_start, outer_end) = quote.content.span, claim.content.span
    return outer_start <= start and end <= outer_end and (outer_end - outer_start) > (end - start) + 2


def _nested(quote: Quote, quotes: list[Quote]) -> bool:
    """A claim whose cue lies inside another's content ('said she plans to ...'): the outer claim,
    the one the text asserts, carries it whole."""
    if quote.direct or quote.cue is None:
        return False
    at = quote.cue.span[0]
    return any(o.content.span[0] <= at < o.content.span[1] for o in quotes if o is not quote)


def _distinct(quotes: list[Quote]) -> list[Quote]:
    """One claim per content span (two cues of one clause: 'said and believes that ...')."""
    seen: set[tuple[int, int]] = set()
    out = []
    for q in quotes:
        if q.content.span not in seen:
            seen.add(q.content.span)
            out.append(q)
    return out
