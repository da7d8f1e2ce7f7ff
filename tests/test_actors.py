"""Actor resolution: people and titles as of the date, coordination, backers, context countries."""

from __future__ import annotations

from click.testing import CliRunner

from eventwire.actors import find_actors
from eventwire.cli import main


def actors(pipeline, text, day):
    return find_actors(pipeline.nlp(text), pipeline.kb, pipeline.matcher, day)


def test_a_title_resolves_to_whoever_held_the_office_that_day(pipeline):
    [then] = actors(pipeline, "The Iraqi oil minister toured the field.", "2017-12-06")
    assert (then.name, then.country, then.sector) == ("Jabbar al-Luaibi", "IRQ", "GOV")
    [later] = actors(pipeline, "The Iraqi oil minister toured the field.", "2019-06-01")
    assert later.country == "IRQ" and later.name != "Jabbar al-Luaibi"


def test_a_known_surname_is_the_person(pipeline):
    [putin] = actors(pipeline, "Putin warned the West on Tuesday.", "2022-03-01")
    assert (putin.id, putin.code) == ("person:vladimir-putin", "RUSGOV")


def test_backer_is_not_the_actors_country(pipeline):
    found = actors(pipeline, "An Iran-backed Iraqi Shiite militia fired rockets.", "2017-12-06")
    assert [(a.country, a.sector) for a in found] == [("IRQ", "UAF")]


def test_coordinated_countries_are_separate_actors(pipeline):
    found = actors(pipeline, "Russia, Iran and Syria claimed victory.", "2017-12-06")
    assert [a.country for a in found] == ["RUS", "IRN", "SYR"]


def test_actors_command_gives_reasons():
    result = CliRunner().invoke(main, ["actors", "The Kremlin said Russian troops left Kherson.",
                                       "--date", "2022-11-11"])
    assert result.exit_code == 0, result.output
    assert "RUSGOV" in result.output and "seat of power of RUS" in result.output
    assert "RUSMIL" in result.output and "because" in result.output


def test_pro_country_is_a_backer(pipeline):
    [militia] = actors(pipeline, "Pro-Iranian militias fired rockets at the base.", "2024-03-06")
    assert militia.country is None and militia.sector == "UAF"


def test_leader_takes_the_sector_of_what_it_leads(pipeline):
    [leader] = actors(pipeline, "The Hamas leader was killed in Tehran.", "2024-08-01")
    assert (leader.country, leader.sector) == ("PSE", "INS")
