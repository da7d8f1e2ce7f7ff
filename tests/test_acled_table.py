"""ACLED event and sub-event types measured on a hand-written table of short event snippets.

tests/data/acled_snippets.csv holds one row per snippet, in the register of ACLED event notes and
wire news (the kind of text the CASE 2021 shared task 2 codes): the text, the date it was
published, the ACLED event type and sub-event type a careful coder would give its main event, and
a note on why. Every one of the 25 sub-event types has at least eight rows, chosen to exercise the
distinctions that matter (clash vs attack on civilians vs abduction; air strike vs shelling vs IED
vs suicide bomb vs grenade vs chemical weapon; regained vs overtaken vs handed-over territory;
peaceful protest vs intervention vs excessive force; violent demonstration vs mob violence; the
strategic developments). The snippets were written for this table from scratch: none is taken
from ACLED, CASE or any evaluation data, and none shares a span of eight or more consecutive words
with the training sentences in src/eventwire/data/training/ (test_independent_of_training_data).

The accuracy tests code every snippet with the real pipeline, take its main event (see
`main_event`) and compare that event's ACLED types with the table. Their floors sit a little below
what eventwire achieves now, so a drop fails the test; raise them when coding improves. Run with
`-s` to see the confusion summary and every miss.
"""

from __future__ import annotations

import csv
import datetime
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from eventwire.data_files import data_path

TABLE = Path(__file__).resolve().parent / "data" / "acled_snippets.csv"
COLUMNS = ["text", "published", "event_type", "sub_event_type", "note"]
MIN_PER_SUB_EVENT_TYPE = 8
SHARED_SPAN = 8  # words in a row that a snippet may not share with any training sentence

# Measured on 2026-11-26 (spaCy 3.8.18, en_core_web_sm 3.8.0) on 228 rows: event type 193/228 =
# 0.846, sub-event type 188/228 = 0.825 (0.579 / 0.544 when the table was written, before the
# ACLED rules of data/events/acled_rules.csv, the protest and actor refinements; 0.741 / 0.711 before
# the rules made events of their own and "March" stopped being a protest; 0.798 / 0.768 before
# event nouns as subjects; 0.807 / 0.776 before tolls, legal coercion, buildings as property and
# "acts of" as a measure; 0.838 / 0.807 before protests by gathering, suicide blasts, weapons
# named as evidence and grenades). The floors allow about six more misses each.
EVENT_TYPE_FLOOR = 0.820
SUB_EVENT_TYPE_FLOOR = 0.800


def acled_labels() -> dict[str, str]:
    """Sub-event type -> event type, from the package's ACLED table."""
    with data_path("cameo", "acled.csv").open(encoding="utf-8", newline="") as f:
        return {r["sub_event_type"]: r["event_type"] for r in csv.DictReader(f)}


def load_rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == COLUMNS, reader.fieldnames
        return list(reader)


def test_table_is_well_formed():
    rows = load_rows()
    labels = acled_labels()
    assert len(labels) == 25
    problems = []
    for n, row in enumerate(rows, start=2):  # line 1 is the header
        where = f"line {n}: {row['text'][:60]!r}"
        if not row["text"].strip() or row["text"] != row["text"].strip():
            problems.append(f"{where} has empty text or stray whitespace")
        try:
            datetime.date.fromisoformat(row["published"])
        except ValueError:
            problems.append(f"{where} has a bad date {row['published']!r}")
        if row["sub_event_type"] not in labels:
            problems.append(f"{where} has an unknown sub-event type {row['sub_event_type']!r}")
        elif labels[row["sub_event_type"]] != row["event_type"]:
            problems.append(f"{where}: {row['sub_event_type']!r} belongs to {labels[row['sub_event_type']]!r}, "
                            f"not {row['event_type']!r}")
        if not row["note"].strip():
            problems.append(f"{where} has no note")
    counts = Counter(row["sub_event_type"] for row in rows)
    problems += [f"only {counts[s]} rows for {s!r}" for s in labels if counts[s] < MIN_PER_SUB_EVENT_TYPE]
    texts = Counter(row["text"] for row in rows)
    problems += [f"duplicate text {t!r}" for t, k in texts.items() if k > 1]
    assert not problems, "\n".join(problems)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def _spans(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + SHARED_SPAN]) for i in range(len(words) - SHARED_SPAN + 1)}


def test_independent_of_training_data():
    """A test set must not overlap the training data: no snippet shares SHARED_SPAN consecutive
    words (case and punctuation ignored) with a training sentence."""
    training = set()
    for path in sorted(data_path("training").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                training |= _spans(_words(json.loads(line)["text"]))
    shared = [(row["text"], " ".join(span)) for row in load_rows() for span in _spans(_words(row["text"]))
              if span in training]
    assert not shared, "\n".join(f"{text!r} shares {span!r}" for text, span in shared)


def main_event(events):
    """The snippet's main event for ACLED scoring: among the events that have an ACLED type, the
    one in the highest clause (lowest `depth`: the main clause before its subordinates, so 'X
    killed ..., officials said' scores the killing, and 'police dispersed teachers protesting
    ...' scores the dispersal); then the earliest sentence; then the most confident; then the
    first. This is evaluation.events.main_event restricted to events with an ACLED type (reported
    speech has none, so it is never picked). None when no event has an ACLED type."""
    candidates = [(i, e) for i, e in enumerate(events) if e.acled is not None]
    if not candidates:
        return None
    return min(candidates, key=lambda ie: (ie[1].depth, ie[1].sentence, -ie[1].confidence, ie[0]))[1]


@pytest.fixture(scope="module")
def coded(pipeline):
    """Each row with its main event (or None)."""
    return [(row, main_event(pipeline.code(row["text"], published=row["published"]).events))
            for row in load_rows()]


def predicted(event, field: str) -> str:
    return getattr(event.acled, field) if event is not None else "(none)"


def report(coded, field: str) -> tuple[int, int, str]:
    total = len(coded)
    misses = [(row, event) for row, event in coded if predicted(event, field) != row[field]]
    hits = total - len(misses)
    lines = [f"ACLED {field}: {hits}/{total} = {hits / total:.3f}"]
    gold = Counter(row[field] for row, _ in coded)
    right = Counter(row[field] for row, event in coded if predicted(event, field) == row[field])
    lines.append("per gold label (hits/rows):")
    lines += [f"  {label:<40} {right[label]:>3}/{n:<3}" for label, n in sorted(gold.items())]
    lines.append("confusions (gold -> predicted: count):")
    pairs = Counter((row[field], predicted(event, field)) for row, event in misses)
    lines += [f"  {g} -> {p}: {k}" for (g, p), k in pairs.most_common()]
    lines.append("misses:")
    for row, event in misses:
        got = "(none)" if event is None else f"{predicted(event, field)} [{event.trigger!r} {event.cameo.code}]"
        lines.append(f"  {row[field]} -> {got} | {row['text']}")
    return hits, total, "\n".join(lines)


def test_event_type_accuracy(coded):
    hits, total, text = report(coded, "event_type")
    print("\n" + text)
    assert hits / total >= EVENT_TYPE_FLOOR, text


def test_sub_event_type_accuracy(coded):
    hits, total, text = report(coded, "sub_event_type")
    print("\n" + text)
    assert hits / total >= SUB_EVENT_TYPE_FLOOR, text
