"""`eventwire eval events`: event type, and source/target country, against PLOVER GSR and the
CAMEO codebook's example sentences (../shared/eval/events)."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from ..model import Event
from .actors import GOLD_TYPOS
from .metrics import Scores

# PLOVER 0.5b1 labels in the gold standard, as PLOVER 2.0 names them.
OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


@dataclass
class Example:
    text: str
    label: str
    sources: set[str]
    targets: set[str]


def plover_gsr(shared: Path) -> list[Example]:
    records = json.loads((shared / "eval" / "events" / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    out = []
    for r in records:
        if r.get("event") in (None, "DOCUMENT") or not r.get("text"):
            continue
        out.append(Example(r["text"], OLD_LABELS.get(r["event"], r["event"]), _countries(r.get("source")),
                           _countries(r.get("target"))))
    return out


def _countries(actors) -> set[str]:
    if not isinstance(actors, list):
        return set()
    return {GOLD_TYPOS.get(a["code"][:3], a["code"][:3]) for a in actors if isinstance(a, dict) and a.get("code")}


def cameo_examples(shared: Path) -> list[Example]:
    path = shared / "eval" / "events" / "cameo_codes_icews.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [Example(r["example"].strip(), r["code"][:2], set(), set()) for r in rows
            if r.get("example") and r["example"] not in ("NA", "") and len(r["code"]) >= 3]


def main_event(events: tuple[Event, ...], need_plover: bool) -> Event | None:
    """The sentence's headline event: a non-statement (and, for PLOVER, one with a PLOVER type)
    before a statement; then the one in the highest clause; then the most confident; then the first."""
    candidates = [e for e in events if e.plover is not None] if need_plover else list(events)
    if not candidates:
        return None
    return min(enumerate(candidates),
               key=lambda ie: (ie[1].cameo.root == "01", ie[1].depth, -ie[1].confidence, ie[0]))[1]


@dataclass
class Result:
    dataset: str
    types: Scores
    source_hits: int
    source_total: int
    target_hits: int
    target_total: int

    def report(self) -> str:
        lines = [f"dataset: {self.dataset}  sentences: {len(self.types.pairs)}",
                 f"event-type accuracy: {self.types.accuracy:.3f}"]
        if self.source_total:
            lines.append(f"source-country accuracy: {self.source_hits / self.source_total:.3f} "
                         f"({self.source_hits}/{self.source_total})")
        if self.target_total:
            lines.append(f"target-country accuracy: {self.target_hits / self.target_total:.3f} "
                         f"({self.target_hits}/{self.target_total})")
        lines += ["", self.types.table(), "", "most frequent confusions (gold -> predicted):", self.types.confusion()]
        return "\n".join(lines)


def evaluate(pipeline, dataset: str, shared: Path) -> Result:
    examples = plover_gsr(shared) if dataset == "plover-gsr" else cameo_examples(shared)
    need_plover = dataset == "plover-gsr"
    scores = Scores()
    hits = {"source": [0, 0], "target": [0, 0]}
    for ex in examples:
        ann = pipeline.code(ex.text, published="2000-01-01")
        event = main_event(ann.events, need_plover)
        if need_plover:
            scores.add(ex.label, event.plover.event if event else None)
        else:
            scores.add(ex.label, event.cameo.root if event else None)
        for role, gold in (("source", ex.sources), ("target", ex.targets)):
            if gold:
                hits[role][1] += 1
                got = {a.country for a in getattr(event, role)} if event else set()
                hits[role][0] += bool(gold & got)
    return Result(dataset, scores, hits["source"][0], hits["source"][1], hits["target"][0], hits["target"][1])
