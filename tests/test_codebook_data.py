"""Checks on the CAMEO codebook and its crosswalks (src/eventwire/data/cameo).

The first group checks the files against each other and needs nothing else. The second group
compares them with the reference copies in ../shared and skips when that folder is absent (as in
a fresh clone). Every place where our data knowingly differs from a reference is listed below with
its reason; an unlisted difference fails, and so does a listed one that no longer differs.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / ".." / "src" / "eventwire" / "data" / "cameo"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ICEWS_CODES = SHARED / "eval" / "events" / "cameo_codes_icews.csv"
CAMEO2PLOVER = SHARED / "eval" / "events" / "CAMEO2PLOVER-2021.txt"

PLOVER_QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    # The manual's quad table puts SANCTION in verbal conflict, its own SANCTION section in
    # material conflict; we follow the section (see DEVIATIONS.md).
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}

ACLED = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    },
}

# --- deliberate differences from shared/eval/events/cameo_codes_icews.csv -------------------
CODES_NOT_IN_ICEWS = {
    "155": "CAMEO 1.1b3 code (mobilize cyber-forces) missing from the ICEWS codebook; Goldstein of its siblings",
    "176": "CAMEO 1.1b3 code (attack cybernetically) missing from ICEWS; PETRARCH2 verbs emit it; Goldstein of 170",
    "1834": "CAMEO 1.1b3 code (location bombing) missing from ICEWS; Goldstein of its siblings",
    "1951": "CAMEO 1.1b3 code (precision-guided aerial munitions) missing from ICEWS; Goldstein of 195",
    "1952": "CAMEO 1.1b3 code (remotely piloted aerial munitions) missing from ICEWS; Goldstein of 195",
}
ICEWS_CODES_LEFT_OUT: dict[str, str] = {}
GOLDSTEIN_DIFFERS_FROM_ICEWS: dict[str, str] = {}

# --- deliberate differences from shared/eval/events/CAMEO2PLOVER-2021.txt -------------------
# That table predates PLOVER 2.0 in places; these renames are applied to it before comparing.
OLD_EVENT_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
OLD_CONTEXT_NAMES = {
    "humanitarian": ("human_security", "PLOVER 2.0 defines no humanitarian context; human_security is closest"),
    "democracy": ("pro_democracy", "PLOVER 2.0 renamed it pro_democracy"),
}
# Codes the crosswalk does not list, by root (2 digits) or by code.
NOT_IN_CROSSWALK = {
    "01": "statements: PLOVER drops CAMEO 01; a few (018, 019) we map to SUPPORT",
    "02": "appeals: PLOVER drops CAMEO 02 but its REQUEST covers all requests, so 02x maps like 10x",
    "155": "CAMEO 1.1b3 code the crosswalk does not list",
    "176": "CAMEO 1.1b3 code the crosswalk does not list",
    "1834": "CAMEO 1.1b3 code the crosswalk does not list",
    "1951": "CAMEO 1.1b3 code the crosswalk does not list",
    "1952": "CAMEO 1.1b3 code the crosswalk does not list",
}
CROSSWALK_ONLY = {
    "1214": "reject intelligence cooperation: in no CAMEO codebook (neither ICEWS nor the 1.1b3 manual)",
}
PLOVER_DEVIATIONS = {
    "0813": "lifting a curfew is CONCEDE per the manual's CONCEDE text; CAMEO 081-083 are CONCEDE",
    "0814": "easing emergency rule is CONCEDE like 0813",
    "0842": "the 'return' mode was retired in PLOVER 2.0",
    "085": "the 'ease' mode was retired in PLOVER 2.0",
    "0874": "retreat/pull-out is RETREAT withdraw, not disarm",
    "105": "umbrella of 1051-1056, which are all 'yield'",
    "124": "refusing to yield is REJECT yield, as 1243-1246",
    "1241": "refusing to ease sanctions is REJECT yield",
    "1242": "refusing to ease dissent is REJECT yield",
    "132": "'ban' is not a PLOVER 2.0 THREATEN mode; 'restrict' covers bans",
    "1321": "'political' is not a mode; restrict + rights_freedoms, as 1721",
    "1322": "'ban' is not a PLOVER 2.0 THREATEN mode; 'restrict' covers bans",
    "133": "threatened strikes/boycotts/blockades are THREATEN restrict",
    "143": "PLOVER 2.0 added a 'strike' mode; most 143 reports are strikes",
    "1431": "as 143",
    "1432": "as 143",
    "1433": "as 143",
    "1434": "as 143",
    "163": "manual: international sanctions are SANCTION discontinue",
    "1712": "'seize' is not an ASSAULT mode; 'destroy' is",
    "1722": "'ban' is not a PLOVER 2.0 COERCE mode; 'restrict' covers bans from political life",
    "175": "crosswalk puts a context in the mode slot; crowd control against dissent, repression context",
    "1823": "killing by beating is ASSAULT beat",
    "183": "umbrella for all non-military bombs; only 1831 is suicide",
    "185": "'assassinate' was folded into 'targeted' in PLOVER 2.0",
    "186": "'assassinate' was folded into 'targeted' in PLOVER 2.0",
    "192": "occupation also gets the territory context",
    "195": "PLOVER 2.0 has an 'aerial' mode for aircraft",
    "200": "'massacre' mode retired; umbrella code left without mode",
    "201": "'cleansing' mode retired; forced displacement gets migration context",
    "202": "'massacre' mode retired; 'targeted' covers mass killing",
    "203": "'cleansing' mode retired; forced displacement gets migration context",
}


def read(name: str) -> list[dict[str, str]]:
    with open(DATA / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def split(value: str) -> set[str]:
    return {v.strip() for v in value.split("|") if v.strip()}


@pytest.fixture(scope="module")
def codes() -> dict[str, dict[str, str]]:
    rows = read("codes.csv")
    counts = Counter(r["code"] for r in rows)
    assert [c for c, n in counts.items() if n > 1] == []
    return {r["code"]: r for r in rows}


@pytest.fixture(scope="module")
def plover() -> list[dict[str, str]]:
    return read("plover.csv")


@pytest.fixture(scope="module")
def cameo_plover() -> dict[str, dict[str, str]]:
    rows = read("cameo_plover.csv")
    counts = Counter(r["cameo"] for r in rows)
    assert [c for c, n in counts.items() if n > 1] == []
    return {r["cameo"]: r for r in rows}


# --- the files on their own ------------------------------------------------------------------

def test_codes_are_2_to_4_digit_strings(codes):
    bad = [c for c in codes if not re.fullmatch(r"\d{2,4}", c)]
    assert bad == []
    assert 300 <= len(codes) <= 330


def test_every_code_has_an_existing_root_and_parent(codes):
    for code, row in codes.items():
        assert row["root"] == code[:2], code
        assert row["root"] in codes, code
        if len(code) == 4:
            assert code[:3] in codes, f"{code} has no 3-digit parent"
    assert sorted(c for c in codes if len(c) == 2) == [f"{i:02d}" for i in range(1, 21)]


def test_goldstein_is_a_number_in_range(codes):
    for code, row in codes.items():
        assert -10.0 <= float(row["goldstein"]) <= 10.0, code


def test_quad_class_follows_root(codes):
    def expected(root: str) -> int:
        r = int(root)
        return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4

    for code, row in codes.items():
        assert int(row["quad_class"]) == expected(row["root"]), code


def test_plover_has_the_16_events_with_their_quads(plover):
    events = {r["event"] for r in plover}
    assert events == set(PLOVER_QUAD)
    for r in plover:
        assert int(r["quad_class"]) == PLOVER_QUAD[r["event"]], r
        assert r["description"].strip(), r
    bare = Counter(r["event"] for r in plover if not r["mode"])
    assert bare == Counter(PLOVER_QUAD.keys()), "one row with empty mode per event"
    pairs = Counter((r["event"], r["mode"]) for r in plover)
    assert [p for p, n in pairs.items() if n > 1] == []


def test_plover_modes_include_known_ones(plover):
    modes = {(r["event"], r["mode"]) for r in plover if r["mode"]}
    for pair in [("ASSAULT", "aerial"), ("ASSAULT", "firearms"), ("PROTEST", "demo"),
                 ("PROTEST", "strike"), ("CONSULT", "phone"), ("COERCE", "arrest")]:
        assert pair in modes


def test_plover_contexts_are_unique_and_described():
    rows = read("plover_contexts.csv")
    names = [r["context"] for r in rows]
    assert len(names) == len(set(names))
    assert {"military", "economic", "diplomatic", "human_security", "cbrn"} <= set(names)
    assert all(r["description"].strip() for r in rows)


def test_every_cameo_code_has_one_plover_row_with_known_labels(codes, cameo_plover, plover):
    assert set(cameo_plover) == set(codes)
    events = {r["event"] for r in plover}
    modes = {(r["event"], r["mode"]) for r in plover if r["mode"]}
    contexts = {r["context"] for r in read("plover_contexts.csv")}
    for code, row in cameo_plover.items():
        event, mode = row["plover_event"], row["plover_mode"]
        if not event:
            assert not mode and not row["plover_context"], code
            continue
        assert event in events, code
        if mode:
            assert (event, mode) in modes, f"{code}: {event} has no mode {mode!r}"
        assert split(row["plover_context"]) <= contexts, code


def test_plover_by_verb_rows_name_known_codes_types_and_modes(codes, plover):
    modes = {(r["event"], r["mode"]) for r in plover if r["mode"]}
    contexts = {r["context"] for r in read("plover_contexts.csv")}
    rows = read("plover_by_verb.csv")
    assert rows
    for row in rows:
        assert row["cameo"] in codes and split(row["lemmas"]), row
        assert (row["plover_event"], row["plover_mode"]) in modes, row
        assert split(row["plover_context"]) <= contexts, row


def test_statements_have_no_plover_event(cameo_plover):
    for code in ["01", "010", "011", "012", "013", "014", "015", "016", "017"]:
        assert cameo_plover[code]["plover_event"] == "", code


def test_acled_ontology_has_6_types_and_25_sub_types():
    rows = read("acled.csv")
    assert {r["event_type"] for r in rows} == set(ACLED)
    assert len(rows) == 25
    assert {(r["event_type"], r["sub_event_type"]) for r in rows} == {
        (t, s) for t, subs in ACLED.items() for s in subs
    }
    assert all(r["description"].strip() for r in rows)


def test_cameo_acled_rows_use_known_codes_and_labels(codes):
    rows = read("cameo_acled.csv")
    assert rows
    known = {(r["event_type"], r["sub_event_type"]) for r in read("acled.csv")}
    assert len({r["cameo"] for r in rows}) == len(rows), "one ACLED row per CAMEO code"
    for r in rows:
        assert r["cameo"] in codes, r
        assert (r["acled_event_type"], r["acled_sub_event_type"]) in known, r


def test_cameo_acled_key_examples():
    by_code = {r["cameo"]: (r["acled_event_type"], r["acled_sub_event_type"]) for r in read("cameo_acled.csv")}
    assert by_code["195"] == ("Explosions/Remote violence", "Air/drone strike")
    assert by_code["190"] == ("Battles", "Armed clash")
    assert by_code["1831"] == ("Explosions/Remote violence", "Suicide bomb")
    assert by_code["145"] == ("Riots", "Violent demonstration")
    assert by_code["173"] == ("Strategic developments", "Arrests")
    assert "010" not in by_code and "042" not in by_code


# --- comparison with the references in ../shared -----------------------------------------------

needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared reference data not present")


def reference_codes() -> dict[str, float]:
    with open(ICEWS_CODES, newline="", encoding="utf-8") as f:
        return {r["code"].strip(): float(r["goldstein"]) for r in csv.DictReader(f)}


def reference_crosswalk() -> dict[str, list[tuple[str, str, frozenset[str]]]]:
    """code -> every (event, mode, contexts) the 2021 crosswalk gives it, old labels renamed."""
    out: dict[str, list[tuple[str, str, frozenset[str]]]] = {}
    for line in CAMEO2PLOVER.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):(.*)$", line.split("#", 1)[0].strip())
        if not m:
            continue
        parts = [p.strip() for p in m.group(2).split(",")] + ["", ""]
        event = OLD_EVENT_NAMES.get(parts[0], parts[0])
        names = [c.strip() for c in re.split(r"[;|]", parts[2]) if c.strip()]
        contexts = frozenset(OLD_CONTEXT_NAMES.get(c, (c, ""))[0] for c in names)
        out.setdefault(m.group(1), []).append((event, parts[1], contexts))
    return out


def as_tuple(row: dict[str, str]) -> tuple[str, str, frozenset[str]]:
    return (row["plover_event"], row["plover_mode"], frozenset(split(row["plover_context"])))


@needs_shared
def test_codes_match_the_icews_codebook(codes):
    ref = reference_codes()
    assert set(codes) - set(ref) == set(CODES_NOT_IN_ICEWS)
    assert set(ref) - set(codes) == set(ICEWS_CODES_LEFT_OUT)
    differs = {c for c in set(codes) & set(ref) if float(codes[c]["goldstein"]) != ref[c]}
    assert differs == set(GOLDSTEIN_DIFFERS_FROM_ICEWS)


@needs_shared
def test_plover_mapping_matches_the_2021_crosswalk(cameo_plover):
    ref = reference_crosswalk()
    assert set(ref) - set(cameo_plover) == set(CROSSWALK_ONLY)
    missing = {c for c in cameo_plover if c not in ref}
    assert missing == {c for c in cameo_plover if c in NOT_IN_CROSSWALK or c[:2] in NOT_IN_CROSSWALK}
    differs = {c for c in set(cameo_plover) & set(ref) if as_tuple(cameo_plover[c]) not in ref[c]}
    assert sorted(differs) == sorted(PLOVER_DEVIATIONS)


def test_appeals_map_like_the_demands_they_soften(cameo_plover):
    # 02x and 10x share their sub-structure (0211 ~ 1011, ..., 028 ~ 108).
    for code, row in cameo_plover.items():
        if code[:2] == "02" and len(code) > 2 and code != "020":
            twin = cameo_plover["10" + code[2:]]
            assert row["plover_event"] == "REQUEST", code
            assert row["plover_mode"] == twin["plover_mode"], code
