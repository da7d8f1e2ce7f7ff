"""Places: toponyms found in the parsed document and resolved against the gazetteer.

A capital or country acting as a government ("Moscow said") is an actor, not a place: the
actors stage has already claimed it, and spans it covers are skipped here. Demonyms are NORP
entities and never places.
"""

from __future__ import annotations

import math

from spacy.tokens import Doc, Span

from ..model import Actor, Place
from ..sentences import dateline_span
from .gazetteer import Entry, Gazetteer, load_gazetteer

__all__ = ["find_places", "load_gazetteer", "Gazetteer", "resolve"]

_TOPONYM_LABELS = frozenset({"GPE", "LOC", "FAC"})
_ADMIN_WORDS = frozenset({"province", "governorate", "state", "region", "oblast", "district", "county",
                          "prefecture", "department"})
_PLACE_PREPS = frozenset({"in", "near", "outside", "at", "around", "across", "into", "from", "inside"})
_FEATURE_RANK = {"country": 3.0, "admin1": 2.0, "region": 2.0, "point": 1.5, "city": 0.0, "admin2": 1.0}


def find_places(doc: Doc, actors: list[Actor], gazetteer: Gazetteer) -> list[Place]:
    claimed = [a.span for a in actors]
    mentions = [e for e in doc.ents if (e.label_ in _TOPONYM_LABELS or mislabelled_place(e, gazetteer))
                and e.text[:1].isupper()
                and not (acts(e) and not names_country(e, gazetteer)
                         and any(s < e.end_char and e.start_char < t for s, t in claimed))]
    dateline = dateline_place(doc)
    if dateline is not None and not any(m.start < dateline.end and dateline.start < m.end for m in mentions):
        mentions.insert(0, dateline)
    context = {a.country for a in actors if a.country}
    resolved: list[tuple[Span, Entry | None]] = []
    for ent in mentions:  # countries first: they are the context cities are ranked by
        hits = gazetteer.lookup(ent.text)
        if any(h.precision == "country" for h in hits):
            context.update(h.country for h in hits if h.precision == "country")
    chosen = containment_pairs(doc, mentions, gazetteer)
    for ent in mentions:
        resolved.append((ent, chosen.get(ent.start_char) or resolve(ent, gazetteer, context)))
    return [to_place(ent, entry) for ent, entry in resolved]


def containment_pairs(doc: Doc, mentions: list[Span], gazetteer: Gazetteer) -> dict[int, Entry]:
    """'Atlanta, Georgia', 'Goma, North Kivu', 'Kut, Iraq': a place followed by the division or
    country containing it. Both are resolved together, to the pair that fits."""
    chosen: dict[int, Entry] = {}
    ordered = sorted(mentions, key=lambda m: m.start_char)
    for place, container in zip(ordered, ordered[1:]):
        if doc.text[place.end_char:container.start_char].strip() != ",":
            continue
        inner, outer = gazetteer.lookup(place.text), gazetteer.lookup(container.text)
        fits = [(a, b) for a in inner for b in outer if a is not b and b.precision in ("admin1", "country")
                and a.country == b.country and (b.precision == "country" or a.admin1 == b.name)]
        if fits:
            a, b = max(fits, key=lambda ab: (ab[1].precision == "admin1", ab[0].population))
            chosen[place.start_char], chosen[container.start_char] = a, b
    return chosen


def dateline_place(doc: Doc) -> Span | None:
    """'KABUL, March 3 (Wire) -': the all-capitals city opening the story (after any headline)."""
    found = dateline_span(doc.text)
    if found is None:
        return None
    span = doc.char_span(found[0], found[1], label="GPE", alignment_mode="contract")
    return span if span is not None and len(span) else None


def names_country(ent: Span, gazetteer: Gazetteer) -> bool:
    """A country is a polity and a place at once: its name stays a place even where it acts
    ("Kenya has maintained ties"); capitals and seats of power acting ("Moscow said") do not."""
    return any(e.precision == "country" for e in gazetteer.lookup(ent.text))


def acts(ent: Span) -> bool:
    """A name that does something ("Moscow said", "Iraq's minister") names an actor, not a place;
    anywhere else ("fled to Russia", "Australia, France and Japan") it is a place, even when the
    actors stage also made it an event's target."""
    head = ent.root
    while head.dep_ in ("compound", "amod", "flat") and head.head.i != head.i:
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass", "poss", "agent", "csubj") or ent.root.dep_ == "poss"


def mislabelled_place(ent: Span, gazetteer: Gazetteer) -> bool:
    """A 'person' or 'organization' right after "in", "near", "outside"... that the gazetteer knows:
    the small English model often takes African and Asian town names for people ("near Goma")."""
    return (ent.label_ in ("PERSON", "ORG") and ent.root.dep_ == "pobj"
            and ent.root.head.lower_ in _PLACE_PREPS and bool(gazetteer.lookup(ent.text)))


def admin_cue(ent: Span) -> bool:
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return bool(nxt is not None and nxt.lower_ in _ADMIN_WORDS) or ent[-1].lower_ in _ADMIN_WORDS


def resolve(ent: Span, gazetteer: Gazetteer, context: set[str]) -> Entry | None:
    name = ent.text
    candidates = gazetteer.lookup(name)
    if not candidates and ent[-1].lower_ in _ADMIN_WORDS and len(ent) > 1:
        candidates = gazetteer.lookup(ent[:-1].text)
    if not candidates:
        return None
    cue = admin_cue(ent)

    def score(e: Entry) -> float:
        s = _FEATURE_RANK.get(e.precision, 0.0) + math.log10(e.population + 1) / 2
        if e.country in context:
            s += 2.0
        if e.curated:
            s += 2.5
        if cue and e.precision == "admin1":
            s += 3.0
        return s

    return max(candidates, key=score)


def to_place(ent: Span, entry: Entry | None) -> Place:
    span = (ent.start_char, ent.end_char)
    if entry is None:  # recognized but not in the gazetteer: keep the mention, invent nothing
        return Place(ent.text, span, None, None, None, None, None, None, None, None)
    return Place(ent.text, span, entry.name, entry.geonameid, round(entry.lat, 5), round(entry.lon, 5),
                 entry.country, entry.admin1, entry.feature_code, entry.precision)
