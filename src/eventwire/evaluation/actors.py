"""`eventwire eval actors`: how the gold source and target actors of PLOVER GSR resolve.

This scores actor resolution alone, apart from event detection: for each gold actor we find the
mention eventwire resolved at the same words and compare its country, and its sector where the
gold gives one. A country or capital named as a place ("aid to Mozambique", "arrived in Amman")
counts as its state (a town as its civilians), as the events stage takes it for a target. Which actor an event picks as
source or target is scored by `eval events`."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..actors import place_as_actor
from ..model import Actor, Span
from .metrics import share


# Country codes in the gold that exist in neither ISO 3166 nor CAMEO, read as the code meant.
GOLD_TYPOS = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


@dataclass(frozen=True)
class GoldActor:
    text: str
    span: Span
    country: str
    sector: str | None  # CAMEO agent code, or None where the gold gives none


@dataclass(frozen=True)
class Sentence:
    text: str
    actors: tuple[GoldActor, ...]


def plover_gsr_actors(shared: Path) -> list[Sentence]:
    records = json.loads((shared / "eval" / "events" / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    out = []
    for record in records:
        text = record.get("text")
        if record.get("event") in (None, "DOCUMENT") or not text:
            continue
        actors = tuple(gold for role in ("source", "target") for gold in _gold_actors(text, record.get(role)))
        if actors:
            out.append(Sentence(text, actors))
    return out


def _gold_actors(text: str, actors) -> list[GoldActor]:
    out = []
    for actor in actors if isinstance(actors, list) else ():
        if not isinstance(actor, dict) or not actor.get("code") or not actor.get("actorText"):
            continue
        start = text.find(actor["actorText"])
        if start < 0:  # the gold's text is not in the sentence (a typo in the gold): nothing to score
            continue
        sector = (actor.get("sector") or "")[:3].upper()
        out.append(GoldActor(actor["actorText"], (start, start + len(actor["actorText"])), GOLD_TYPOS.get(actor["code"][:3], actor["code"][:3]),
                             sector if sector.isalpha() else None))
    return out


def matching_actor(gold: GoldActor, actors: tuple[Actor, ...]) -> Actor | None:
    """The resolved mention sharing the most characters with the gold span (a resolved one first,
    then the shortest: "Romanian" in "Hungarian and Romanian officials" is an actor of its own)."""
    def overlap(actor: Actor) -> int:
        return max(0, min(actor.span[1], gold.span[1]) - max(actor.span[0], gold.span[0]))
    candidates = [a for a in actors if overlap(a) > 0]
    return max(candidates, key=lambda a: (a.country is not None, overlap(a), a.span[0] - a.span[1]), default=None)


def _country_codes(actor: Actor | None) -> set[str]:
    if actor is None:
        return set()
    return {c for c in (actor.country, (actor.code or "")[:3]) if c}


@dataclass
class Result:
    dataset: str
    mentions: int = 0
    found: int = 0
    country_hits: int = 0
    sector_total: int = 0
    sector_hits: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (sentence, gold, got)

    def report(self, show_errors: int = 0) -> str:
        lines = [f"dataset: {self.dataset}  gold actors: {self.mentions}",
                 f"found (a resolved mention at the gold words): {share(self.found, self.mentions):.3f}",
                 f"country accuracy: {share(self.country_hits, self.mentions):.3f} "
                 f"({self.country_hits}/{self.mentions})",
                 f"PLOVER sector accuracy (gold actors with a sector): {share(self.sector_hits, self.sector_total):.3f} "
                 f"({self.sector_hits}/{self.sector_total})"]
        kinds = Counter(got for _, _, got in self.errors)
        if kinds:
            lines.append("most frequent wrong answers: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common(8)))
        for sentence, gold, got in self.errors[:show_errors]:
            lines.append(f"  gold {gold:<34} got {got:<22} | {sentence[:110]}")
        return "\n".join(lines)


def evaluate(pipeline, shared: Path) -> Result:
    result = Result("plover-gsr")
    for sentence in plover_gsr_actors(shared):
        ann = pipeline.code(sentence.text, published="2000-01-01")
        states = tuple(place_as_actor(p) for p in ann.places if p.country)
        for gold in sentence.actors:
            _score(result, sentence.text, gold, matching_actor(gold, ann.actors) or matching_actor(gold, states))
    return result


def _score(result: Result, text: str, gold: GoldActor, actor: Actor | None) -> None:
    result.mentions += 1
    result.found += actor is not None and actor.country is not None
    country_ok = gold.country in _country_codes(actor)
    result.country_hits += country_ok
    sector_ok = True
    if gold.sector:
        result.sector_total += 1
        sector_ok = actor is not None and actor.plover_sector == gold.sector
        result.sector_hits += sector_ok
    if not (country_ok and sector_ok):
        got = f"{actor.country}/{actor.plover_sector}" if actor else "nothing"
        result.errors.append((text, f"{gold.text[:24]} {gold.country}/{gold.sector}", got))
