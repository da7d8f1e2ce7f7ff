"""The records every stage shares.

Stages return these frozen dataclasses; nothing else crosses a stage boundary. Their JSON form
is the output contract documented in docs/output.md and checked by data/schema/annotation.json.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]  # Python string indexes into the article's text: text[start:end]

MODALITIES = ("asserted", "negated", "hypothetical", "intended", "reported", "historical")
# Exports and the default query leave these out; the store keeps them.
UNREAL_MODALITIES = ("negated", "hypothetical")


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date or datetime, as given or normalized by ingest
    url: str | None = None
    source: str | None = None
    origin: str | None = None  # where it was read from (file and line), for failures and logs

    @property
    def published_date(self) -> str | None:
        return self.published[:10] if self.published else None


@dataclass(frozen=True, slots=True)
class Actor:
    text: str
    span: Span
    name: str | None
    id: str | None
    country: str | None  # ISO 3166 alpha-3, or IGO / IMG / NGO / MNC
    sector: str | None  # CAMEO agent code: GOV, MIL, REB, ...
    code: str | None  # CAMEO actor code, e.g. RUSMIL
    plover_sector: str | None = None  # PLOVER sector: CAMEO's crosswalked (INS -> REB, MED -> JRN)


@dataclass(frozen=True, slots=True)
class Place:
    text: str
    span: Span
    name: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str | None  # ISO 3166 alpha-3
    admin1: str | None
    feature_code: str | None
    precision: str | None  # point | city | admin2 | admin1 | country | region; None if unresolved


@dataclass(frozen=True, slots=True)
class TimeRef:
    text: str
    span: Span
    type: str  # DATE | TIME | DURATION | SET
    value: str | None  # TIMEX3 value; None when it cannot be resolved


@dataclass(frozen=True, slots=True)
class TextSpan:
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: Actor | None
    cue: TextSpan | None
    content: TextSpan
    direct: bool
    via: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Cameo:
    code: str
    root: str
    goldstein: float
    quad_class: int


@dataclass(frozen=True, slots=True)
class Plover:
    event: str
    mode: str | None
    context: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Acled:
    event_type: str
    sub_event_type: str


@dataclass(frozen=True, slots=True)
class EventDate:
    value: str
    precision: str  # day | week | month | year
    basis: str  # explicit | relative | publication


@dataclass(frozen=True, slots=True)
class Size:
    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    sentence: int
    span: Span
    evidence: str
    trigger: str
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    cameo: Cameo
    plover: Plover | None
    acled: Acled | None
    date: EventDate | None
    location: Place | None
    modality: str
    claimant: Actor | None
    size: Size | None
    confidence: float
    # Clause boundaries between the trigger and the sentence's main clause (0: the main clause).
    # Internal: used to pick a sentence's headline event; not part of the output contract.
    depth: int = field(default=0, metadata={"internal": True})
    # Why `location` is where the event happened: "clause" (a place attached to the event's own
    # clause), "sentence" (the sentence's only place), "dateline" (where the story was filed); None
    # when there is no location.
    location_basis: str | None = None
    # The trigger words of events in the same sentence that `dedupe` folded into this one (same
    # code, source and target: "a bomb targeting a mosque killed 22" is one incident), and the
    # word of the state a toll tells ("injured" in "left five injured"). Internal:
    # lets scorers find the incident by any of its verbs.
    also: tuple[str, ...] = field(default=(), metadata={"internal": True})


@dataclass(frozen=True, slots=True)
class Annotation:
    article: Article
    events: tuple[Event, ...] = ()
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeRef, ...] = ()
    quotes: tuple[Quote, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": {k: getattr(self.article, k) for k in ("id", "title", "published", "url", "source")},
            "events": [to_json(e) for e in self.events],
            "actors": [to_json(a) for a in self.actors],
            "places": [to_json(p) for p in self.places],
            "times": [to_json(t) for t in self.times],
            "quotes": [to_json(q) for q in self.quotes],
        }


@dataclass(frozen=True, slots=True)
class Failure:
    """An input item that could not be coded, or was coded with a caveat (severity 'warning')."""

    origin: str  # file (and line or record) it came from
    reason: str
    stage: str = "ingest"
    severity: str = "error"  # error: the item was not coded; warning: coded, with a caveat
    article_id: str | None = None


def to_json(record: Any) -> Any:
    """A record as JSON-ready data: dataclasses become dicts, tuples become lists."""
    if dataclasses.is_dataclass(record):
        return {f.name: to_json(getattr(record, f.name)) for f in dataclasses.fields(record)
                if not f.metadata.get("internal")}
    if isinstance(record, (list, tuple)):
        return [to_json(x) for x in record]
    return record


__all__ = [
    "Acled", "Actor", "Annotation", "Article", "Cameo", "Event", "EventDate", "Failure",
    "MODALITIES", "Place", "Plover", "Quote", "Size", "Span", "TextSpan", "TimeRef",
    "UNREAL_MODALITIES", "to_json",
]
