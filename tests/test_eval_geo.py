"""`eventwire eval geo` / `eval event-location`: readers and scoring on tiny hand-made fixtures,
then one quick smoke run per dataset on the real files when ../shared is here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.evaluation.geo import (
    ACCURATE_KM,
    EventLocationResult,
    GeoDocument,
    GeoResult,
    LocatedEvent,
    Toponym,
    anchor,
    evaluate_event_location,
    evaluate_geo,
    event_on,
    haversine_km,
    match_spans,
    read_event_locations,
    read_geovirus,
    read_gwn,
    score_document,
    score_event,
    trigger_spans,
)
from eventwire.model import Cameo, Event, Place

SHARED = Path(__file__).resolve().parents[2] / "shared"


def place(text: str, start: int, lat: float | None = None, lon: float | None = None, gid: int | None = None):
    return Place(text, (start, start + len(text)), text if lat is not None else None, gid, lat, lon,
                 None, None, None, "city" if lat is not None else None)


def event(text: str, trigger: str, location: Place | None = None) -> Event:
    return Event("e1", 0, (0, len(text)), text, f"{trigger} [{trigger} -> 190]", (), (),
                 Cameo("190", "19", -10.0, 4), None, None, None, location, "asserted", None, None, 0.9)


# -- spans and distances ----------------------------------------------------------------------------

def test_anchor_keeps_a_right_span_and_repairs_shifted_and_token_indexed_ones():
    text = "Fighting in Aleppo spread to Aleppo province and Idlib."
    assert anchor(text, "Aleppo", 12, 18) == (12, 18)
    assert anchor(text, "Aleppo", 13, 19) == (12, 18)  # GeoVirus counts from 1
    # token 5 is the second "Aleppo" ("Fighting in Aleppo spread to Aleppo"): token indexes win
    assert anchor(text, "Aleppo", 5, 5, token_start=5) == (29, 35)
    assert anchor(text, "Homs", 0, 4) is None
    assert anchor(text, "Idlib", 300, 305) is None  # too far from where the file says it is


def test_match_spans_is_one_to_one_and_prefers_the_larger_overlap():
    gold = [(0, 5), (6, 12)]
    assert match_spans(gold, [(0, 12)]) == {1: 0}  # covers "6..12" more than "0..5"
    assert match_spans(gold, [(0, 5), (0, 5)]) == {0: 0}
    assert match_spans(gold, [(20, 25)]) == {}


def test_a_prediction_takes_the_gold_span_it_coincides_with_not_the_first_listed():
    # "the Lagos Daily Mail": the gold marks the paper (0..16, listed first) and the city (0..5)
    gold = [(0, 16), (0, 5)]
    assert match_spans(gold, [(0, 5)]) == {1: 0}
    # no exact match: among equal overlaps a counted (preferred) annotation wins
    assert match_spans([(0, 16), (0, 8)], [(0, 5)], preferred={1}) == {1: 0}
    assert match_spans([(0, 16), (0, 8)], [(0, 5)]) == {0: 0}


def test_scoring_a_city_inside_an_annotated_newspaper_name_counts_the_city():
    text = "Lagos Daily Mail reporters saw it."
    doc = GeoDocument(text, (Toponym("Lagos Daily Mail", (0, 16), None, None, "Non_Toponym", False, False),
                             Toponym("Lagos", (0, 5), 6.45, 3.40, "Embedded_Non_Lit", True)))
    outcomes = score_document(0, doc, [place("Lagos", 0, 6.45, 3.40)])
    assert [o.kind for o in outcomes] == ["ok", "near"]


def test_haversine_km():
    assert haversine_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(343.5, abs=1.0)  # London-Paris
    assert haversine_km(10.0, 20.0, 10.0, 20.0) == 0.0


# -- readers ----------------------------------------------------------------------------------------

GEOVIRUS = """<articles><article><source>x</source>
<text>Cases in Pandi, Bulacan and across Africa.</text>
<locations>
<location><name>Pandi</name><start>10</start><end>15</end><lat>14.87</lat><lon>120.95</lon><page>p</page></location>
<location><name>Africa</name><start>36</start><end>42</end><lat>7.18</lat><lon>21.09</lon><page>p</page><continent/></location>
</locations></article></articles>"""


def test_read_geovirus_corrects_its_one_based_offsets(tmp_path):
    path = tmp_path / "gv.xml"
    path.write_text(GEOVIRUS, encoding="utf-8")
    [doc] = read_geovirus(path)
    pandi, africa = doc.toponyms
    assert doc.text[slice(*pandi.span)] == "Pandi" and pandi.counted and pandi.lat == 14.87
    assert doc.text[slice(*africa.span)] == "Africa" and africa.type == "continent"


def _gwn_toponym(name, kind, start, lat="", modifier="", gid=""):
    end = start + len(name)
    return (f"<toponym><extractedName>{name}</extractedName><type>{kind}</type><modifierType>{modifier}"
            f"</modifierType><start>{start}</start><end>{end}</end><geonamesID>{gid}</geonamesID>"
            f"<latitude>{lat}</latitude><longitude>{'1.0' if lat else ''}</longitude></toponym>")


def test_read_gwn_applies_the_counting_rule(tmp_path):
    text = "Russia said Russian troops in Paris met Iceland staff and citizens at the Old Mill."
    parts = [_gwn_toponym("Russia", "Metonymic", 0, "60", gid="2017370"),
             _gwn_toponym("Russian", "Non_Literal_Modifier", 12, "60", modifier="Adjective"),
             _gwn_toponym("Paris", "Literal", 30, "48.85", gid="2988507"),
             _gwn_toponym("Iceland", "Homonym", 40),
             _gwn_toponym("citizens", "Non_Lit_Expression", 58),
             _gwn_toponym("Old Mill", "Coercion", 74)]
    path = tmp_path / "gwn.xml"
    path.write_text(f"<articles><article><text>{text}</text><toponyms>{''.join(parts)}</toponyms></article></articles>",
                    encoding="utf-8")
    [doc] = read_gwn(path)
    by_name = {t.text: t for t in doc.toponyms}
    assert "citizens" not in by_name  # expression cue words are not read
    assert by_name["Russia"].counted and by_name["Paris"].counted and by_name["Paris"].geonameid == 2988507
    assert not by_name["Russian"].counted and by_name["Russian"].type == "Non_Literal_Modifier/adj"
    assert not by_name["Iceland"].counted and not by_name["Iceland"].place
    assert not by_name["Old Mill"].counted and by_name["Old Mill"].type == "Coercion/no-coords"
    assert all(doc.text[slice(*t.span)] == t.text for t in doc.toponyms)


def test_read_event_locations_repairs_token_offsets_and_skips_rejects(tmp_path):
    records = [
        {"text": "Gunmen killed five people in Mosul.", "answer": "accept", "source": "A",
         "spans": [{"start": 7, "end": 13, "label": "VERB"},
                   {"start": 5, "end": 5, "token_start": 5, "token_end": 5, "label": "LOCATION", "text": "Mosul"}]},
        {"text": "They protested.", "answer": None, "source": "B", "spans": [{"start": 5, "end": 14, "label": "VERB"}]},
        {"text": "Rejected one.", "answer": "reject", "source": "C", "spans": [{"start": 0, "end": 8, "label": "VERB"}]},
        {"text": "No verb here.", "answer": "accept", "source": "D", "spans": []},
    ]
    path = tmp_path / "el.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    first, second = read_event_locations(path)
    assert first.text[slice(*first.verb)] == "killed" and [first.text[s:e] for s, e in first.places] == ["Mosul"]
    assert second.places == () and second.answer is None


# -- geoparsing scores ------------------------------------------------------------------------------

def test_score_document_and_geo_result_metrics():
    text = "From Paris to Lyon, then Springfield and Mars."
    gold = (Toponym("Paris", (5, 10), 48.85, 2.35, "Literal", True, geonameid=2988507),
            Toponym("Lyon", (14, 18), 45.76, 4.84, "Literal", True),
            Toponym("Springfield", (25, 36), 39.80, -89.64, "Literal", True),
            Toponym("Mars", (41, 45), None, None, "Non_Toponym", False, place=False))
    doc = GeoDocument(text, gold)
    places = [place("Paris", 5, 48.86, 2.35, gid=2988507),
              place("Springfield", 25, 37.21, -93.29),  # the Missouri one: ~420 km off
              place("Mars", 41, 0.0, 0.0)]  # not a place: a false positive
    outcomes = score_document(0, doc, places)
    kinds = [o.kind for o in outcomes]
    assert kinds == ["near", "missed", "far", "spurious"]
    result = GeoResult("gwn", [doc], outcomes)
    assert result.precision == pytest.approx(2 / 3)
    assert result.recall == pytest.approx(2 / 3)
    assert result.accuracy_161 == pytest.approx(1 / 2)
    assert result.share_161() == pytest.approx(1 / 3)
    assert result.same_id() == (1, 1)
    assert result.median_km == pytest.approx((outcomes[0].km + outcomes[2].km) / 2)
    assert outcomes[2].km > ACCURATE_KM
    report = result.report()
    assert "precision 0.667" in report and "Literal" in report and "rule:" in report
    assert "far" in result.errors(5)


def test_a_country_at_another_point_than_the_gold_is_reported_apart_not_counted_right():
    # GeoVirus places Canada at Wikipedia's point (60, -95); GeoNames' point is 60.1, -113.6
    doc = GeoDocument("Canada and Peru", (Toponym("Canada", (0, 6), 60.0, -95.0, "toponym", True, page="Canada"),
                                          Toponym("Peru", (11, 15), -10.0, -76.0, "toponym", True, page="Peru")))
    canada = Place("Canada", (0, 6), "Canada", 6251999, 60.1, -113.6, "CAN", None, "PCLI", "country")
    chile = Place("Peru", (11, 15), "Chile", 3895114, -31.0, -71.0, "CHL", None, "PCLI", "country")
    result = GeoResult("geovirus", [doc], score_document(0, doc, [canada, chile]))
    assert [o.kind for o in result.outcomes] == ["far", "far"]
    assert result.accuracy_161 == 0.0  # the headline figure is untouched
    assert result.same_article_far() == 1  # Canada is the gold's own article; Chile is not Peru
    assert "counting those as resolved, accuracy@161km 0.500" in result.report()


def test_a_prediction_on_a_set_aside_toponym_is_neither_right_nor_wrong():
    doc = GeoDocument("Russian ships", (Toponym("Russian", (0, 7), 60.0, 100.0, "Metonymic/adj", False),))
    result = GeoResult("gwn", [doc], score_document(0, doc, [place("Russian", 0, 60.0, 100.0)]))
    assert result.predicted == 0 and result.counted() == []


def test_unresolved_recognized_toponym_counts_as_recognized_but_not_accurate():
    doc = GeoDocument("In Mombo.", (Toponym("Mombo", (3, 8), -5.0, 23.0, "toponym", True),))
    result = GeoResult("geovirus", [doc], score_document(0, doc, [place("Mombo", 3)]))
    assert result.recall == 1.0 and result.accuracy_161 == 0.0 and result.median_km is None


# -- event location ---------------------------------------------------------------------------------

def test_trigger_spans_find_the_trigger_word_as_a_whole_word():
    text = "Troops shot at shoppers; police shot back."
    assert trigger_spans(text, event(text, "shot")) == [(7, 11), (32, 36)]
    assert trigger_spans(text, event(text, "shop")) == []


def test_score_event_outcomes():
    text = "Gunmen killed five people in Mosul on Monday."
    mosul = place("Mosul", 29, 36.3, 43.1)
    gold = LocatedEvent(text, (7, 13), ((29, 34),), "accept", "A")
    none = LocatedEvent(text, (7, 13), (), None, "A")
    assert event_on(text, (7, 13), [event(text, "Monday"), event(text, "killed")]).trigger.startswith("killed")
    assert score_event(gold, [event(text, "killed", mosul)]).kind == "right place"
    assert score_event(gold, [event(text, "killed")]).kind == "missed place"
    assert score_event(gold, [event(text, "people", mosul)]).kind == "no event"
    assert score_event(none, [event(text, "killed")]).kind == "both none"
    assert score_event(none, [event(text, "killed", mosul)]).kind == "spurious place"
    other = place("Monday", 38, 1.0, 1.0)
    assert score_event(gold, [event(text, "killed", other)]).kind == "wrong place"


def test_event_location_result_metrics():
    text = "Gunmen killed five people in Mosul."
    mosul = place("Mosul", 29, 36.3, 43.1)
    gold = LocatedEvent(text, (7, 13), ((29, 34),), "accept", "A")
    none = LocatedEvent(text, (7, 13), (), None, "B")
    outcomes = [score_event(gold, [event(text, "killed", mosul)]),  # right place
                score_event(gold, [event(text, "killed")]),  # missed place
                score_event(none, [event(text, "killed", mosul)]),  # spurious place
                score_event(none, [event(text, "killed")])]  # both none
    result = EventLocationResult(outcomes)
    assert result.accuracy == 0.5
    assert result.has_location() == (0.5, 0.5)
    assert result.right_place() == (0.5, 0.5)
    assert "accuracy: 0.500" in result.report()


# -- the real files ---------------------------------------------------------------------------------

needs_shared = pytest.mark.skipif(not (SHARED / "eval" / "geo").is_dir(),
                                  reason="../shared/eval is not here (a user's clone has none)")


@needs_shared
@pytest.mark.parametrize("dataset", ["geovirus", "gwn"])
def test_geo_smoke_on_the_real_files(pipeline, dataset):
    result = evaluate_geo(pipeline, SHARED, dataset, limit=3)
    assert len(result.documents) == 3 and result.counted()
    assert all(d.text[slice(*t.span)] == t.text for d in result.documents for t in d.toponyms)
    assert 0.0 < result.recall <= 1.0 and 0.0 <= result.share_161() <= 1.0
    assert "end to end (Mordecai3-comparable)" in result.report()


@needs_shared
def test_event_location_smoke_on_the_real_file(pipeline):
    if not (SHARED / "eval" / "event_location").is_dir():
        pytest.skip("no event_location set")
    result = evaluate_event_location(pipeline, SHARED, limit=25)
    assert len(result.outcomes) == 25
    assert 0.0 <= result.accuracy <= 1.0 and any(o.found for o in result.outcomes)
    assert "has a location" in result.report()
