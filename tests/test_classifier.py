"""The event classifier: deterministic training, and vetoes of non-political 'events'."""

from __future__ import annotations

import numpy as np

from eventwire.events.classifier import load_model, reconcile, train
from eventwire.events.training import _examples, featurize


def test_training_is_deterministic(pipeline):
    rows = _examples("plover", lambda r: r["label"])[:120]
    examples = list(featurize(pipeline.nlp, rows))
    a, b = train(examples, epochs=20), train(examples, epochs=20)
    assert a.labels == b.labels and np.array_equal(a.weights, b.weights)


def test_shipped_models_cover_every_type():
    plover, acled = load_model("plover"), load_model("acled")
    assert len(plover.labels) == 17 and "NONE" in plover.labels
    assert len(acled.labels) == 26 and "Air/drone strike" in acled.labels


def test_reconcile_keeps_retypes_and_drops():
    default = {"AID": "07"}.get
    assert reconcile("190", "ASSAULT", {"ASSAULT": 0.5, "NONE": 0.5}, default)[0] == "190"
    assert reconcile("084", "RETREAT", {"AID": 0.8, "RETREAT": 0.01, "NONE": 0.19}, default)[0] == "07"
    assert reconcile("182", "ASSAULT", {"NONE": 0.9, "ASSAULT": 0.1}, default)[0] is None


def test_sports_is_not_an_assault(pipeline):
    ann = pipeline.code("Brazil beat Argentina 2-1 in a World Cup qualifier on Tuesday.", published="2024-03-06")
    assert not [e for e in ann.events if e.cameo.root in ("18", "19")]
