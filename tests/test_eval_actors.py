"""The PLOVER GSR actor scorer, on a small gold file written for the test."""

from __future__ import annotations

import json

from eventwire.evaluation.actors import evaluate, plover_gsr_actors

RECORDS = [
    {"event": "DOCUMENT", "text": ""},
    {"event": "AGREE", "text": "Senior Hungarian and Romanian officials agreed to cooperate on Wednesday.",
     "source": [{"actorText": "Hungarian", "code": "HUN", "sector": "GOV"},
                {"actorText": "Romanian", "code": "ROU", "sector": "GOV"}]},
    {"event": "AID", "text": "Britain promised to continue military aid to Mozambique.",
     "source": [{"actorText": "Britain", "code": "GBR"}],
     "target": [{"actorText": "Mozambique", "code": "MOZ"}, {"actorText": "Not in the text", "code": "XXX"}]},
    {"event": "ASSAULT", "text": "Al-Shabaab militants attacked a base.",
     "source": [{"actorText": "Al-Shabaab militants", "code": "SOM", "sector": "REB"}]},
]


def write_gold(tmp_path, records) -> None:
    folder = tmp_path / "eval" / "events"
    folder.mkdir(parents=True)
    (folder / "PLOVER_GSR_CAMEO.json").write_text(json.dumps(records), encoding="utf-8")


def test_reader_locates_gold_actors_and_skips_those_not_in_the_text(tmp_path):
    write_gold(tmp_path, RECORDS)
    sentences = plover_gsr_actors(tmp_path)
    assert len(sentences) == 3
    first = sentences[0]
    assert [(g.text, g.country, g.sector) for g in first.actors] == [("Hungarian", "HUN", "GOV"),
                                                                     ("Romanian", "ROU", "GOV")]
    assert first.text[slice(*first.actors[1].span)] == "Romanian"
    assert [g.text for g in sentences[1].actors] == ["Britain", "Mozambique"]


def test_scorer_counts_countries_and_plover_sectors(tmp_path, pipeline):
    write_gold(tmp_path, RECORDS)
    result = evaluate(pipeline, tmp_path)
    assert result.mentions == 5
    assert result.country_hits == 5  # the place "Mozambique" counts as its state
    assert (result.sector_hits, result.sector_total) == (3, 3)  # INS militants are PLOVER REB
    assert "country accuracy: 1.000" in result.report()
