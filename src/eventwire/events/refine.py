"""Refining a violent event's code by the weapon the sentence names (data/events/instruments.csv):
'bombers hit ISIS targets' is an aerial attack (195), not just force (190)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from ..data_files import read_csv, split_list
from ..model import Acled
from .codebook import Codebook
from .lexicon import noun_keys, prepositional_objects, quantified


@lru_cache(maxsize=None)
def load_recoding(name: str) -> dict[str, str]:
    """A table of CAMEO code prefixes and the code an event with that prefix becomes."""
    return {r["from"]: r["to"] for r in read_csv("events", name)}


def _recode(code: str, table: dict[str, str], codebook: Codebook) -> str:
    for length in (4, 3, 2):  # the longest prefix the table knows
        target = table.get(code[:length])
        if target and target in codebook:
            return target
    return code


def as_intention(code: str, codebook: Codebook) -> str:
    """A cooperative act announced for the future is CAMEO's 'express intent' (03x); a violent or
    punitive one is a threat (13x). 'will provide aid' -> 033, 'will strike' -> 138."""
    return _recode(code, load_recoding("intentions.csv"), codebook)


def as_refusal(code: str, codebook: Codebook) -> str | None:
    """A cooperative act someone will not do or failed to do is their refusal (12x): 'will not
    accept refugees' -> 122, 'failed to reach agreement' -> 127. None: no refusal reading."""
    refused = _recode(code, load_recoding("refusals.csv"), codebook)
    return refused if refused != code else None


def as_show_of_force(code: str, verb: Token, codebook: Codebook) -> str:
    """Missiles fired into the sea hit no one: a test or a show of force (150), not an attack
    ("North Korea fired two ballistic missiles into the sea off its east coast")."""
    if code[:2] not in ("18", "19") or "150" not in codebook:
        return code
    into = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("into", "toward", "towards")
            for g in c.children if g.dep_ == "pobj"]
    return "150" if any(g.lemma_.lower() in _OPEN_WATER for g in into) else code


# Where a missile lands on no one.
_OPEN_WATER = frozenset({"sea", "ocean", "water", "waters"})


@lru_cache(maxsize=1)
def load_instruments() -> list[tuple[str, tuple[str, ...], str]]:
    return [(r["lemma"].lower(), tuple(split_list(r["applies_to"])), r["cameo"])
            for r in read_csv("events", "instruments.csv")]


def refine_code(code: str, clause, sentence, codebook: Codebook) -> str:
    """A general violent code made specific by the weapon its sentence names ('troops attacked with
    tanks' -> 194; 'were killed when a suicide bomber targeted a rally' -> 1831). A specific act
    takes only a finer form of itself, from its own clause: a kidnapping next to a bombing is a
    kidnapping."""
    general = code in (code[:2], code[:2] + "0")
    words = list(sentence if general else clause)
    lemmas = {t.lemma_.lower() for t in words}
    # and compounds ("air strike", "air raid"): the weapon a modifier makes of its noun
    # (a compound's noun is in the words whenever the compound is: the clause drops whole subtrees)
    lemmas |= {f"{t.lemma_.lower()} {t.head.lemma_.lower()}" for t in words if t.dep_ == "compound"}
    for lemma, roots, better in load_instruments():
        if lemma in lemmas and code[:2] in roots and better in codebook and (
                (general and len(better) >= len(code)) or (better.startswith(code) and better != code)
                or better[:2] == "20"):  # a chemical weapon is that, whatever fired it
            return better
    return code


_REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself"})


def as_weapon_act(code: str, verb: Token, codebook: Codebook) -> str:
    """What a weapon does is an attack with it: a bomber who 'blew himself up', 'detonated
    herself' or set off a blast 'killing himself and four soldiers' is a suicide bombing (1831);
    property a weapon destroys or damages ('an IED destroyed a military truck', 'rockets set
    several fires') is that weapon's attack, not arson or looting."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    # ... and one whose blast killed the bomber too: "detonated it, killing himself and four soldiers"
    results = [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG"]
    objects += [o for r in results for c in r.children if c.dep_ in ("dobj", "obj") for o in (c, *c.conjuncts)]
    if code[:3] == "183" and any(o.lower_ in _REFLEXIVES for o in objects) and "1831" in codebook:
        return "1831"
    if code[:3] != "171":
        return code
    # the weapon is the subject, or the passive's agent ("was destroyed by a suicide bomber")
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    for subject in doers:
        words = {subject.lemma_.lower(),
                 *(c.lemma_.lower() for c in subject.children if c.dep_ in ("compound", "amod"))}
        for lemma, roots, better in load_instruments():
            if lemma in words and better[:2] in ("18", "19") and better in codebook:
                return better
    return code


@lru_cache(maxsize=1)
def load_modal_demands() -> dict[str, str]:
    return {r["modal"]: r["cameo"] for r in read_csv("events", "modal_demands.csv")}


def as_demand(code: str, verb: Token, codebook: Codebook) -> tuple[str, Token | None]:
    """A statement whose reported clause says what someone else must or should do is a demand
    or an appeal ("X said Y must withdraw" -> 100, target Y). Returns the code and that someone."""
    if code[:2] != "01":
        return code, None
    table = load_modal_demands()
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
        words = {a.lower_ for a in auxes} | {f"{a.lower_} to" for a in auxes if a.lower_ == "ought"}
        if clause.lemma_.lower() in ("have", "need") and any(c.dep_ == "xcomp" for c in clause.children):
            words.add(f"{clause.lower_} to")
        demanded = next((table[w] for w in table if w in words), None)
        if demanded and demanded in codebook:
            subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            return demanded, subject
    return code, None


# Armed groups that are not a state's forces: their violence against anyone but soldiers is
# CAMEO's unconventional violence (18), not conventional military force (19).
NON_STATE_ARMED = frozenset({"REB", "INS", "SEP", "UAF", "RAD", "CRM"})
_STATE_FORCES = frozenset({"MIL", "COP"})


def as_unconventional(code: str, source, target, codebook: Codebook) -> str:
    """'Gunmen killed four villagers', 'militants shot two journalists': 190 -> 180 (ACLED:
    violence against civilians); 'rebels attacked an army post', or a target no one names, stays
    a fight (190; ACLED: armed clash)."""
    if code not in ("19", "190", "193") or not source or "180" not in codebook:
        return code
    unarmed = bool(target) and all(a.sector and a.sector not in _STATE_FORCES | NON_STATE_ARMED for a in target)
    if all(a.sector in NON_STATE_ARMED for a in source) and unarmed:
        return "180"
    return code


def as_done_to_people(code: str, source, on_people: bool, codebook: Codebook) -> str:
    """What is done to people is not done to places or property. 'Captured the town' is
    occupying territory (192); 'captured two aid workers' or 'seized the ship's crew' is taking
    people: an abduction (181) by an armed group ("the Taliban captured 11 Iranians"), else an
    arrest (173: "police seized two suspects", "he was captured in Sudan"). Burning people
    ("burned 11 villagers alive") is an attack on them (180), not arson (1712); releasing or
    returning people is releasing persons (0841)."""
    if not on_people:
        return code
    if code[:4] == "1712":  # "burned 11 villagers alive" is violence on people, not on property
        return "180" if "180" in codebook else code
    if code == "084":  # "released the opposition leader", "handed over two suspects": persons
        return "0841" if "0841" in codebook else code
    if code[:3] != "192":
        return code
    taken = "181" if any(a.sector in NON_STATE_ARMED for a in source) else "173"
    return taken if taken in codebook else code


@dataclass(frozen=True, slots=True)
class AcledRule:
    particle: str
    objects: frozenset[str] | None  # None: any object
    acled: Acled
    cameo: str | None  # the event's CAMEO code when no lexicon row finds one ("foiled a bombing")


@lru_cache(maxsize=1)
def load_acled_rules() -> dict[str, list[AcledRule]]:
    """data/events/acled_rules.csv: verb (+ particle) and object that decide an ACLED sub-event type
    the CAMEO code cannot ('shot down drones': disrupted weapons use)."""
    rules: dict[str, list[AcledRule]] = {}
    for r in read_csv("events", "acled_rules.csv"):
        objects = None if r["objects"] == "*" else frozenset(split_list(r["objects"]))
        rules.setdefault(r["verb"], []).append(AcledRule(r.get("particle") or "", objects,
                                                         Acled(r["event_type"], r["sub_event_type"]),
                                                         r.get("cameo") or None))
    return rules


def matching_acled_rule(verb: Token) -> AcledRule | None:
    rules = load_acled_rules().get(verb.lemma_.lower())
    if not rules:
        return None
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod")}
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")] + prepositional_objects(verb)
    keys = {k for c in objects for k in noun_keys(quantified(c))}
    for rule in rules:
        if (not rule.particle or rule.particle in particles) and (rule.objects is None or keys & rule.objects):
            return rule
    return None


def acled_rule(verb: Token) -> Acled | None:
    rule = matching_acled_rule(verb)
    return rule.acled if rule else None


# Words that put an arrest or a crackdown at a protest.
_PROTEST_WORDS = frozenset({"protest", "protester", "protestor", "demonstration", "demonstrator", "rally", "march",
                            "marcher", "sit-in", "picket", "vigil"})


# Words that tell of a death ("killed a young protester", "died in hospital").
_DEATH_WORDS = frozenset({"kill", "die", "dead", "death", "fatally", "lethal"})


def _mentions(sentence: Span, lemmas: frozenset[str], unless=None) -> bool:
    """A word of the set, not in a date ("on 14 March" is no march) nor one `unless` rules out."""
    return any(t.lemma_.lower() in lemmas and t.ent_type_ not in ("DATE", "TIME") and not (unless and unless(t))
               for t in sentence)


def at_a_protest(sentence: Span) -> bool:
    """A protest the sentence tells of as happening, not one still to come ("arrested 150
    activists ahead of Saturday's rally", "before the march", "a planned protest")."""
    return _mentions(sentence, _PROTEST_WORDS, unless=_to_come)


def _to_come(word: Token) -> bool:
    """A protest word after "before" or "ahead of", or one called planned or upcoming."""
    prep = word.head if word.dep_ == "pobj" else None
    if prep is not None and (prep.lower_ == "before" or (prep.lower_ == "of" and prep.head.lower_ == "ahead")):
        return True
    return any(c.dep_ in ("amod", "compound") and c.lower_ in _TO_COME for c in word.children)


_TO_COME = frozenset({"planned", "upcoming", "proposed", "scheduled"})


def lethal(sentence: Span) -> bool:
    return _mentions(sentence, _DEATH_WORDS)
