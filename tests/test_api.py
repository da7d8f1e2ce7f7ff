"""The Python API mirrors the CLI: eventwire.code and eventwire.Store."""

from __future__ import annotations

import pytest

import eventwire


def test_code_returns_an_annotation_with_to_dict():
    ann = eventwire.code("Israeli jets struck targets in southern Lebanon on Tuesday.", published="2024-03-06")
    assert isinstance(ann, eventwire.Annotation)
    data = ann.to_dict()
    assert data["article"]["published"] == "2024-03-06"
    assert data["events"][0]["cameo"]["code"] == "195"
    assert data["events"][0]["date"] == {"value": "2024-03-05", "precision": "day", "basis": "relative"}


def test_code_refuses_empty_text_clearly():
    with pytest.raises(ValueError, match="empty"):
        eventwire.code("   ")


def test_store_events_is_a_dataframe(tmp_path, pipeline):
    ann = pipeline.code("Police arrested 12 protesters in Lagos on Monday.", published="2024-03-06", id="lagos-1")
    with eventwire.Store(str(tmp_path / "api.duckdb")) as store:
        assert store.write([ann]) == 1
        frame = store.events(cameo="17")
    assert list(frame["arrested"]) == [12]
    assert list(frame["date"]) == ["2024-03-04"]
