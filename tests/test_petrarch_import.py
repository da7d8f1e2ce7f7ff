"""Importing PETRARCH/Phoenix actor and agent dictionaries (eventwire.actors.petrarch)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.actors.knowledge import COUNTRY, ORG, PERSON, ROLE, load_knowledge
from eventwire.actors.petrarch import (ImportedActor, ImportedAgent, ImportReport, add_to_knowledge, detect_kind,
                                       knowledge_with_dictionaries, load_dictionaries, name_form, parse_actors,
                                       parse_agents, parse_date)

DICTIONARIES = Path(__file__).resolve().parents[2] / "shared" / "reference" / "petrarch2-dictionaries"

# Small dictionaries written for these tests (invented names, real PETRARCH syntax).
ACTORS = """\
# A test actor dictionary
# with a header comment

QUXHAR_PROVINCE_  [AFG]
+QUXHARI_
+QUX_VALLEY  # an end-of-line comment

ZEBULON_MARSH_LEAGUE_ [USAGOV] # comment after the code
ORVILLE_TANSLEY_
+O._TANSLEY_
+PRESIDENT_TANSLEY
\t[USAELI 650101-891231]
\t[USAGOV 900101-20010120]
\t[USAELI]
<!-- an XML-style comment line -->
FIRST_UNCODED_PHRASE_
SECOND_UNCODED_PHRASE_
\t[IGOUNOKID]
"""

AGENTS = """\
# A test agents dictionary
!PERSON! = MAN, WOMAN
BORDER_GUARD [~MIL]
RIOT_POLICE {} [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVJUD]
SHIP!PERSON! [~BUS]   # substitution set
HUMAN_RIGHTS_BODY [NGO~]
IMAM [~MUS]
"""


def fresh_kb():
    """A knowledge base of its own: the cached one is shared by every other test."""
    return load_knowledge.__wrapped__()


# --- reading actor files -----------------------------------------------------------------------


def test_parse_date_reads_both_widths_and_the_century_rule():
    assert parse_date("650101") == "1965-01-01"
    assert parse_date("010120") == "2001-01-20"  # YY <= 30 is 20YY
    assert parse_date("19411207") == "1941-12-07"
    for bad in ("6501", "19411331", "abcdef"):
        with pytest.raises(ValueError):
            parse_date(bad)


def test_actor_entries_keep_synonyms_and_codes():
    actors = {a.name: a for a in parse_actors(ACTORS)}
    quxhar = actors["QUXHAR PROVINCE"]
    assert quxhar.aliases == ("QUXHARI", "QUX VALLEY")  # underscores -> spaces, comment dropped
    assert quxhar.codes == (("AFG", None, None),)
    assert actors["ZEBULON MARSH LEAGUE"].codes == (("USAGOV", None, None),)


def test_dated_codes_become_iso_ranges_and_the_default_is_kept():
    tansley = next(a for a in parse_actors(ACTORS) if a.name == "ORVILLE TANSLEY")
    assert tansley.aliases == ("O. TANSLEY", "PRESIDENT TANSLEY")
    assert tansley.codes == (("USAELI", "1965-01-01", "1989-12-31"),
                             ("USAGOV", "1990-01-01", "2001-01-20"),
                             ("USAELI", None, None))


def test_before_and_after_restrictions():
    [actor] = parse_actors("SOMEONE_\n\t[FRAGOV <19990101]\n\t[FRAOPP >990102]\n")
    assert actor.codes == (("FRAGOV", None, "1999-01-01"), ("FRAOPP", "1999-01-02", None))


def test_uncoded_phrases_share_the_next_codes_as_in_petrarch():
    actors = {a.name: a for a in parse_actors(ACTORS)}
    assert actors["FIRST UNCODED PHRASE"].codes == (("IGOUNOKID", None, None),)
    assert actors["SECOND UNCODED PHRASE"].codes == (("IGOUNOKID", None, None),)


def test_comment_lines_are_ignored():
    names = [a.name for a in parse_actors(ACTORS)]
    assert len(names) == 5
    assert not any("COMMENT" in n or n.startswith("#") or n.startswith("<") for n in names)


def test_malformed_actor_lines_are_counted_and_skipped():
    text = ("\t[USAGOV]\n"                    # a code before any phrase
            "+ORPHAN_SYNONYM\n"               # a synonym before any phrase
            "GOOD_ONE_ [RUSMIL]\n"
            "\t[RUSGOV 991301-000101]\n"      # month 13
            "\t[RUSGOV 010101-990101]\n"      # ends before it starts
            "\t[RUS GOV]\n"                   # not a date
            "\t[RUSGOV 010101-020101\n"       # unclosed bracket
            "ANOTHER_ [12X]\n"                # not a code
            "STRAY_PHRASE_WITHOUT_CODE_\n")   # never gets a code
    report = ImportReport()
    actors = list(parse_actors(text, report, source="t.actors"))
    assert [(a.name, a.codes) for a in actors] == [("GOOD ONE", (("RUSMIL", None, None),))]
    assert report.counts["malformed_lines"] == 7
    assert report.counts["actors_without_code"] == 1
    assert report.problems[0].startswith("t.actors:1:")


# --- reading agent files -----------------------------------------------------------------------


def test_agents_plurals_substitutions_and_sectors():
    agents = {a.noun: a for a in parse_agents(AGENTS)}
    assert agents["BORDER GUARD"].code == "~MIL" and agents["BORDER GUARD"].sector == "MIL"
    assert agents["BORDER GUARD"].forms() == ["border guard", "border guards"]  # regular plural
    assert agents["RIOT POLICE"].forms() == ["riot police"]  # {}: no plural
    assert agents["ATTORNEY GENERAL"].forms() == ["attorney general", "attorneys general"]
    assert agents["ATTORNEY GENERAL"].sector == "GOV"  # ~GOVJUD: the first block
    assert agents["SHIPMAN"].forms() == ["shipman"] and agents["SHIPWOMAN"].sector == "BUS"
    assert agents["HUMAN RIGHTS BODY"].code == "NGO~" and agents["HUMAN RIGHTS BODY"].sector == "NGO"
    assert agents["IMAM"].sector == "REL"  # CAMEO religion codes file under REL
    assert "SHIP!PERSON!" not in agents


def test_malformed_agent_lines_are_counted_and_skipped():
    report = ImportReport()
    agents = list(parse_agents("NO_CODE_HERE\nBAD_CODE [GOV]\nHALF {OPEN [~GOV]\nUNDEFINED!SET! [~GOV]\n"
                               "BROKEN [~ENV}\nFINE [~GOV]\n", report))
    assert [a.noun for a in agents] == ["FINE"]
    assert report.counts["malformed_lines"] == 5


def test_file_kind_is_detected_from_content():
    assert detect_kind(ACTORS) == "actors"
    assert detect_kind(AGENTS) == "agents"
    assert detect_kind("ATTACK [190]\n- * BOMB [183]\n") is None  # a verb dictionary
    assert detect_kind("just some text\n") is None


def test_load_dictionaries_sorts_files_by_kind(tmp_path):
    (tmp_path / "mine.actors.txt").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "words.txt").write_text(AGENTS, encoding="utf-8")
    (tmp_path / "verbs.txt").write_text("ATTACK [190]\n", encoding="utf-8")
    report = ImportReport()
    actors, agents = load_dictionaries([tmp_path, tmp_path / "missing.txt"], report)
    assert len(actors) == 5 and all(isinstance(a, ImportedActor) for a in actors)
    assert len(agents) == 7 and all(isinstance(a, ImportedAgent) for a in agents)
    assert report.counts["files_skipped"] == 1 and report.counts["files_unreadable"] == 1


# --- into the knowledge base -------------------------------------------------------------------


def test_name_form_title_cases_dictionary_capitals():
    assert name_form("UNITED NATIONS CHILDREN'S FUND") == "United Nations Children's Fund"
    assert name_form("SECRETARY GENERAL OF THE UN") == "Secretary General of the UN"
    assert name_form("MAZAR-I-SHARIF") == "Mazar-I-Sharif"
    assert name_form("WHO") == "WHO"  # three letters or fewer: kept, matched as written
    assert name_form("Al Jazeera") == "Al Jazeera"  # written in mixed case: kept


@pytest.fixture(scope="module")
def imported():
    kb = fresh_kb()
    report = ImportReport()
    add_to_knowledge(kb, parse_actors(ACTORS, report), parse_agents(AGENTS, report), report)
    return kb, report


def test_country_code_gives_a_country_term(imported):
    kb, _ = imported
    [term] = kb.terms["Quxhar Province"]
    assert (term.kind, term.key, term.country, term.sector) == (COUNTRY, "AFG", "AFG", None)
    assert kb.terms["Quxhari"] == [term] and kb.terms["Qux Valley"] == [term]


def test_country_sector_code_gives_an_organisation(imported):
    kb, _ = imported
    [term] = kb.terms["Zebulon Marsh League"]
    assert (term.kind, term.country, term.sector, term.code) == (ORG, "USA", "GOV", "USAGOV")
    assert kb.organizations[term.key].name == "Zebulon Marsh League"


def test_igo_code_gives_an_igo_organisation(imported):
    kb, _ = imported
    [term] = kb.terms["First Uncoded Phrase"]
    assert (term.kind, term.country, term.code) == (ORG, "IGO", "IGOUNOKID")


@pytest.mark.parametrize("code, country, sector", [
    ("NGOISRHRI", "ISR", "HRI"), ("MNCUSA", "USA", "BUS"), ("IMGMUSALQ", "IMG", "INS"),
    ("IGOUNOREFHCR", "IGO", "REF"), ("ELI", None, "ELI"), ("RUSGOVBUS", "RUS", "GOV")])
def test_code_prefixes(code, country, sector):
    kb = fresh_kb()
    add_to_knowledge(kb, [ImportedActor("QWERTY ZUBLOCK GROUP", (), ((code, None, None),))])
    [term] = kb.terms["Qwerty Zublock Group"]
    assert (term.kind, term.country, term.sector, term.code) == (ORG, country, sector, code)


def test_dated_codes_give_a_person_with_offices(imported):
    kb, _ = imported
    [term] = kb.terms["Orville Tansley"]
    assert term.kind == PERSON and kb.terms["President Tansley"] == [term]
    offices = kb.offices[term.key]
    assert [(o.sector, o.start, o.end) for o in offices] == [
        ("ELI", "0000", None), ("ELI", "1965-01-01", "1989-12-31"), ("GOV", "1990-01-01", "2001-01-20")]
    assert kb.office_of(term.key, "1995-06-01").sector == "GOV"
    assert kb.office_of(term.key, "1970-06-01").sector == "ELI"
    assert kb.office_of(term.key, "2010-06-01").sector == "ELI"  # the default after the last term
    assert {o.country for o in offices} == {"USA"}


def test_agents_become_lower_case_role_nouns(imported):
    kb, _ = imported
    [term] = kb.terms["border guards"]
    assert (term.kind, term.key, term.sector) == (ROLE, "border guard", "MIL")
    assert kb.terms["shipwoman"][0].sector == "BUS"
    assert "riot polices" not in kb.terms


def test_short_aliases_stay_in_capitals():
    kb = fresh_kb()
    add_to_knowledge(kb, parse_actors("QZX_ [IGOUNO]\n+ZZYZX_TANGLE_FRONT_ [SYRREB]\n"))
    assert "QZX" in kb.terms and "Qzx" not in kb.terms
    assert "Zzyzx Tangle Front" in kb.terms


def test_curated_aliases_win_and_curated_rows_gain_spellings():
    kb = fresh_kb()
    before = list(kb.terms["Russia"])
    report = ImportReport()
    add_to_knowledge(kb, parse_actors("RUSSIA_ [USA]\nVLADIMIR_PUTIN_ [RUSELI]\n+VOVA_PUTINSKY_QUUX_\n"),
                     report=report)
    assert kb.terms["Russia"] == before
    [term] = kb.terms["Vova Putinsky Quux"]
    assert (term.kind, term.key) == (PERSON, "vladimir-putin")
    assert report.counts["aliases_already_known"] >= 2


def test_one_word_aliases_are_marked_exact_with_a_capitals_form(imported):
    kb, _ = imported
    assert kb.terms["QUXHARI"] == kb.terms["Quxhari"]
    assert {"Quxhari", "QUXHARI"} <= kb.exact_aliases
    assert "Quxhar Province" not in kb.exact_aliases


def test_unknown_country_block_is_added_as_a_country():
    kb = fresh_kb()
    report = ImportReport()
    add_to_knowledge(kb, parse_actors("QUARNIA_ [QRN]\n"), report=report)
    assert kb.countries["QRN"].name == "Quarnia"
    assert kb.terms["Quarnia"][0].kind == COUNTRY and report.counts["countries_added"] == 1


def test_imported_names_are_matched_in_text_in_any_case(imported):
    spacy = pytest.importorskip("spacy")
    from eventwire.actors.matcher import TermMatcher

    kb, _ = imported
    nlp = spacy.blank("en")
    matcher = TermMatcher(nlp.vocab, kb, nlp.make_doc)
    found = {span.text: terms for span, terms in matcher(nlp("ZEBULON MARSH LEAGUE and the zebulon marsh league "
                                                             "met two border guards."))}
    assert found["ZEBULON MARSH LEAGUE"][0].code == "USAGOV"
    assert found["zebulon marsh league"][0].code == "USAGOV"
    assert found["border guards"][0].sector == "MIL"


def test_cached_knowledge_base_is_left_alone(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("QUBBLESTAN_ [QBS]\n", encoding="utf-8")
    kb, report = knowledge_with_dictionaries([path])
    assert "Qubblestan" in kb.terms and report.counts["countries_added"] == 1
    assert "Qubblestan" not in load_knowledge().terms


# --- the real Phoenix dictionaries -------------------------------------------------------------

needs_dictionaries = pytest.mark.skipif(not (DICTIONARIES / "Phoenix.Countries.actors.txt").exists(),
                                        reason="../shared/reference/petrarch2-dictionaries is not here")


@pytest.fixture(scope="module")
def phoenix():
    report = ImportReport()
    actors, agents = load_dictionaries([DICTIONARIES], report)
    kb = fresh_kb()
    add_to_knowledge(kb, actors, agents, report)
    return actors, agents, kb, report


@needs_dictionaries
def test_phoenix_files_parse_into_thousands_of_entries(phoenix):
    actors, agents, _, report = phoenix
    assert len(actors) > 20000 and len(agents) > 2000
    assert report.counts["actors_files"] == 3 and report.counts["agents_files"] == 1
    # The verb, issue and discard dictionaries and the licence are recognised as something else.
    assert report.counts["files_skipped"] >= 3
    # A few lines are malformed; they are counted, not fatal, and not the bulk of the files.
    assert 0 < report.counts["malformed_lines"] < 100


@needs_dictionaries
def test_phoenix_country_entries_give_country_terms(phoenix):
    actors, _, kb, _ = phoenix
    afghanistan = next(a for a in actors if a.name == "AFGHANISTAN")
    assert ("AFG", None, None) in afghanistan.codes and len(afghanistan.aliases) > 10
    for alias in ("Kandahar", "Helmand"):
        assert [(t.kind, t.country) for t in kb.terms[alias]] == [(COUNTRY, "AFG")]


@needs_dictionaries
def test_phoenix_agents_give_sectors(phoenix):
    _, agents, kb, _ = phoenix
    sectors = {a.sector for a in agents}
    assert {"GOV", "MIL", "REB", "COP", "BUS"} <= sectors
    assert next(a for a in agents if a.noun == "SOLDIER").sector == "MIL"
    assert kb.terms["border guard"][0].sector == "MIL"


@needs_dictionaries
def test_phoenix_dated_entries_give_dated_people(phoenix):
    actors, _, kb, report = phoenix
    zahir = next(a for a in actors if a.name == "MOHAMMAD ZAHIR SHAH")
    assert any(start and end for _, start, end in zahir.codes)
    [term] = kb.terms["Mohammad Zahir Shah"]
    assert term.kind == PERSON
    assert kb.office_of(term.key, "1950-01-01").sector == "GOV"
    assert kb.office_of(term.key, "1990-01-01").sector == "ELI"
    assert report.counts["offices_added"] > 10000


@needs_dictionaries
def test_phoenix_international_and_non_state_codes(phoenix):
    _, _, kb, _ = phoenix
    [firm] = kb.terms["Arcelor Mittal"]  # MNCLUX
    assert (firm.kind, firm.country, firm.sector) == (ORG, "LUX", "BUS")
    [group] = kb.terms["Abu Nidal Organization"]  # IMGMUSALQ, with synonyms
    assert (group.kind, group.country, group.sector, group.code) == (ORG, "IMG", "INS", "IMGMUSALQ")
    assert kb.terms["Fatah Revolutionary Council"] == [group]
