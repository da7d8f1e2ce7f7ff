"""The article eventwire grew from (../shared/seed): what an analyst expects from it."""

from __future__ import annotations

from eventwire.times import precision_of


def events_where(ann, root, source, target=None):
    return [e for e in ann.events if e.cameo.root == root and source in {a.country for a in e.source}
            and (target is None or target in {a.country for a in e.target})]


def test_russian_bombers_strike_isis_in_syria_on_november_25(seed_annotation):
    strikes = [e for e in events_where(seed_annotation, "19", "RUS") if "bombers" in e.evidence]
    assert len(strikes) == 1, "the caption printed twice must yield one strike"
    [strike] = strikes
    assert strike.date.value == "2017-11-25" and strike.date.basis == "explicit"
    assert strike.plover.event == "ASSAULT"
    assert any(a.id == "isis" for a in strike.target)
    assert strike.location is not None and strike.location.country == "SYR"


def test_russia_offers_to_help_the_us(seed_annotation):
    offers = events_where(seed_annotation, "03", "RUS", "USA")
    assert offers, [(e.trigger, e.cameo.code) for e in seed_annotation.events]
    offer = offers[0]
    assert offer.date.value == "2017-12-06"
    assert offer.plover.event == "AGREE"
    assert offer.modality == "asserted"


def test_related_link_line_adds_no_event(seed_annotation):
    text = seed_annotation.article.text
    start = text.index("Related:")
    end = text.index("\n", start)
    assert not [e for e in seed_annotation.events if start <= e.span[0] < end]


def test_gerasimov_quotes_are_his_via_tass(seed_annotation):
    quotes = [q for q in seed_annotation.quotes if q.direct and q.speaker and "Gerasimov" in (q.speaker.name or "")]
    assert len(quotes) >= 3
    assert any("Tass" in v for q in quotes for v in q.via)
    assert all(q.speaker.country == "RUS" for q in quotes)


def test_liberation_claim_is_reported_by_gerasimov(seed_annotation):
    [claim] = [e for e in seed_annotation.events if "liberated" in e.trigger]
    assert claim.modality == "reported" and "Gerasimov" in claim.claimant.name


def test_iraqi_statement_via_reuters(seed_annotation):
    [q] = [q for q in seed_annotation.quotes if q.content.text.startswith("We caution")]
    assert q.speaker.country == "IRQ" and q.via == ("Reuters",)


def test_seed_time_expressions(seed_annotation):
    value = {t.text: t.value for t in seed_annotation.times}
    assert value["Wednesday"] == "2017-12-06" and value["November 25"] == "2017-11-25"
    assert value["last month"] == "2017-11" and value["2003"] == "2003"
    assert precision_of(value["two years"]) != "day"  # "more than two years": the hedge is outside the span


def test_militias_crossing_last_month_is_dated_to_the_month(seed_annotation):
    crossing = [e for e in seed_annotation.events if "last month" in e.evidence and e.date.precision == "month"]
    assert crossing and all(e.date.value == "2017-11" for e in crossing)


def test_ministers_tour_the_badra_oilfield_in_wasit(seed_annotation):
    import math

    tours = [e for e in seed_annotation.events if "Badra" in e.evidence and e.cameo.root == "04"]
    assert tours, [(e.trigger, e.cameo.code) for e in seed_annotation.events if "Badra" in e.evidence]
    [tour] = tours
    assert {a.country for a in tour.source} == {"IRQ", "RUS"}
    assert tour.date.value == "2017-12-06"
    # within 161 km of Badrah, Wasit (33.1 N, 45.9 E)
    lat, lon = math.radians(tour.location.lat), math.radians(tour.location.lon)
    d = 6371 * math.acos(math.sin(lat) * math.sin(math.radians(33.1151)) + math.cos(lat)
                         * math.cos(math.radians(33.1151)) * math.cos(lon - math.radians(45.9334)))
    assert d < 161 and tour.location.country == "IRQ"
