"""The trigger lexicon (data/events/verbs.csv, nouns.csv): which words signal which CAMEO event.

A verb row may carry one complement restriction (`to:LEMMA`, `prep:WORD`, `prt:WORD`,
`state:LEMMA`, `obj:LEMMA`); the most specific matching row wins, and a row with an empty code says
"this pattern is not an event".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from ..data_files import data_path, read_csv, split_list

# Which complement kinds are most telling, first to last.
# Particles before objects: "called off the strike" is calling off, whatever is called off.
_SPECIFICITY = {"to": 0, "prt": 1, "state": 1, "obj": 2, "prep": 3, "": 4}
_OBJECT_DEPS = ("dobj", "obj", "nsubjpass", "attr")


@dataclass(frozen=True, slots=True)
class Rule:
    lemma: str
    kind: str  # "", "to", "prep", "prt", "state", "obj"; "acled" for a row of data/events/acled_rules.csv;
    # "gather" for a crowd's gathering with a protest's purpose (data/events/protest_cues.csv)
    value: str  # the complement's word or lemma; "*" for any
    cameo: str | None  # None: explicitly not an event

    @property
    def label(self) -> str:
        return self.lemma + (f" +{self.kind}:{self.value}" if self.kind else "")


@dataclass(frozen=True, slots=True)
class Match:
    rule: Rule
    complement: Token | None  # the token the restriction matched (the xcomp verb, the object noun...)


class Lexicon:
    def __init__(self) -> None:
        self.verbs: dict[str, list[Rule]] = {}
        for row in read_csv("events", "verbs.csv"):
            kind, _, value = (row.get("complement") or "").partition(":")
            rule = Rule(row["lemma"].lower(), kind.strip(), value.strip().lower(), row.get("cameo") or None)
            self.verbs.setdefault(rule.lemma, []).append(rule)
        for rules in self.verbs.values():  # a compound object ("hunger strike") before its head
            rules.sort(key=lambda r: (_SPECIFICITY.get(r.kind, 9), r.value == "*", -r.value.count(" ")))
        # verbs that share another's object rows ("cancelled the curfew" as "lifted the curfew")
        self.likes: dict[str, list[str]] = {}
        for row in read_csv("events", "verb_classes.csv"):
            self.likes.setdefault(row["lemma"].lower(), []).append(row["like"].lower())
        self.light_verbs = _word_list("light_verbs.txt")
        self.sports_words = _word_list("sports_words.txt")
        self.nouns: dict[str, tuple[frozenset[str], str]] = {}
        for row in read_csv("events", "nouns.csv"):
            if row.get("cameo"):
                self.nouns[row["lemma"].lower()] = (frozenset(split_list(row.get("light_verbs", ""))), row["cameo"])

    def match_verb(self, verb: Token, places: frozenset[int] = frozenset()) -> Match | None:
        """The most specific rule that matches; an event noun as object ("gave aid", "held talks")
        is more specific than the verb's bare sense. `places`: the indices of words the places
        stage found to be places, which an object row of places ("entered X") accepts."""
        tried_compounds = False
        lemma = verb.lemma_.lower()
        read = _Complements(verb)
        for rule in self.verbs.get(lemma, ()):
            # an event noun named by a compound ("continued their hunger strike") beats a row that
            # knows only the head ("continue,obj:strike"), not one that knows the compound
            if not tried_compounds and (rule.kind not in ("to", "prt") and " " not in rule.value):
                tried_compounds = True
                compound = self.match_light_verb(verb, compounds_only=True)
                if compound is not None:
                    return compound
            if rule.kind == "":
                return (self.match_light_verb(verb) or self.match_like(verb, places)
                        or self._named_by_subject(verb) or Match(rule, None))
            complement = _complement(verb, rule, places, read)
            if complement is not None:
                return Match(rule, complement)
        # no row fits
        return self.match_like(verb, places) or self.match_light_verb(verb, eventless=True) or match_gathering(verb)

    def _named_by_subject(self, verb: Token) -> Match | None:
        """A verb of happening whose subject names the event ("rockets slammed into a school", "a
        car bomb exploded"): the noun's event, not the verb's own sense ("critics slammed the plan")."""
        if verb.lemma_.lower() not in HAPPENING:
            return None
        match = self.match_light_verb(verb, eventless=True)
        return match if match is not None and _subject_noun(verb, match.complement) else None

    def match_like(self, verb: Token, places: frozenset[int] = frozenset()) -> Match | None:
        """An object row of a verb this one is like (data/events/verb_classes.csv), for an object
        its own rows do not name: 'cancelled the curfew' as 'lifted the curfew'. The rule's label
        says whose row it was ('cancel~lift +obj:curfew')."""
        lemma = verb.lemma_.lower()
        read = _Complements(verb)
        for like in self.likes.get(lemma, ()):
            for rule in self.verbs.get(like, ()):
                if rule.kind == "obj" and rule.cameo is not None:
                    complement = _complement(verb, rule, places, read)
                    if complement is not None:
                        return Match(Rule(f"{lemma}~{like}", rule.kind, rule.value, rule.cameo), complement)
        return None

    def noun_codes(self, noun: Token):
        """(key, CAMEO code) for each name the noun goes by that nouns.csv lists, most specific
        first ("hunger strike" before "strike")."""
        for key in noun_keys(noun):
            entry = self.nouns.get(key)
            if entry is not None:
                yield key, entry[1]

    def match_light_verb(self, verb: Token, compounds_only: bool = False, eventless: bool = False) -> Match | None:
        """'launched an airstrike', 'held talks': the event is in the object noun; 'went on
        strike', 'returned to Geneva for talks', 'engaged in ethnic cleansing': in the noun of a
        preposition on a verb of going or taking part."""
        objects = [(c, "") for c in verb.children if c.dep_ in _OBJECT_DEPS]
        # "went on strike", "clashes erupted": the preposition, or "" for the subject
        objects += [(n, n.head.lower_ if n.dep_ == "pobj" else "") for n in _event_pobjs(verb, eventless)]
        lemma = verb.lemma_.lower()
        for obj, prep in objects:
            joined = prep != "" or obj.dep_ == "nsubj"
            obj = quantified(obj)
            for key in noun_keys(obj):
                if compounds_only and " " not in key:
                    continue
                entry = self.nouns.get(key)
                # after "to" only a verb the noun names ("took to the streets", not "went to the street")
                if entry and ((joined and prep != "to") or not entry[0] or lemma in entry[0]
                              or (prep != "to" and lemma in self.light_verbs)):
                    return Match(Rule(lemma, "prep" if joined else "obj", key, entry[1]), obj)
        return None


@lru_cache(maxsize=1)
def protest_cues() -> tuple[frozenset[str], frozenset[str]]:
    """data/events/protest_cues.csv: verbs of a crowd gathering or moving, and the verbs of purpose
    that make such a gathering a protest."""
    rows = list(read_csv("events", "protest_cues.csv"))
    return (frozenset(r["lemma"] for r in rows if r["cue"] == "gathering"),
            frozenset(r["lemma"] for r in rows if r["cue"] == "purpose"))


def match_gathering(verb: Token) -> Match | None:
    """'Thousands walked through the city centre demanding that the government resign', 'teachers
    gathered outside parliament to demand their pay': a gathering with a protest's purpose is a
    demonstration (141), and the purpose is an event of its own (the demand, the condemnation)."""
    gathering, purposes = protest_cues()
    lemma = verb.lemma_.lower()
    if lemma not in gathering:
        return None
    for child in verb.children:
        if child.dep_ in ("xcomp", "advcl") and child.i > verb.i and child.lemma_.lower() in purposes and (
                child.tag_ == "VBG" or _infinitive_complement(child)):
            return Match(Rule(lemma, "gather", child.lemma_.lower(), "141"), child)
    return None


# Verbs that take part in or travel to the event a prepositional noun names, and the prepositions.
_EVENT_PREPS = frozenset({"for", "on", "into", "in", "to"})
_GOING = frozenset({"go", "come", "return", "arrive", "travel", "head", "fly", "enter", "engage", "embark",
                    "participate", "join", "take", "step"})


# Verbs that put someone in the state an event noun names, and the prepositions: "put under
# investigation", "placed under house arrest", "remained on high alert", "kept under siege".
_PLACING = {"put": frozenset({"under", "on"}), "place": frozenset({"under", "on"}),
            "keep": frozenset({"under", "on"}), "remain": frozenset({"under", "on"}),
            "stay": frozenset({"on"}),
            "set": frozenset({"on"}),  # "set vehicles on fire": as "set fire to vehicles"
            # "booked into the county jail", "thrown into jail"
            "book": frozenset({"into"}), "throw": frozenset({"into", "in"})}


# Verbs whose subject suffers the event that a noun after these prepositions names ("the convoy
# came under attack", "30 people died in clashes"): the subject is the event's target.
UNDERGOING = {"come": frozenset({"under"}), "die": frozenset({"in", "during"}),
              "perish": frozenset({"in", "during"})}


def undergone(match: Match) -> bool:
    """Whether a match is an event its verb's subject suffered ("came under fire")."""
    noun = match.complement
    return (match.rule.kind == "prep" and noun is not None and noun.dep_ == "pobj"
            and noun.head.lower_ in UNDERGOING.get(noun.head.head.lemma_.lower(), ()))


# Verbs that only say an event took place: its noun is the subject ("clashes erupted").
HAPPENING = frozenset({"occur", "happen", "erupt", "break", "take", "continue", "resume", "rage", "flare",
                        "spread", "escalate", "intensify", "unfold", "begin", "start", "persist", "ensue",
                        "rag",  # spaCy's lemma of "raged" and "raging"
                        # what projectiles and bombs do: "shells landed on the market", "a bomb went off"
                        "land", "fall", "explode", "go", "rain", "slam", "crash",
                        # what a blast does to the place it hits: "a bomb ripped through a market",
                        # "an explosion rocked the capital"
                        "rip", "tear", "rock", "shake"})


def _event_pobjs(verb: Token, eventless: bool = False) -> list[Token]:
    """Nouns that may name the event a verb takes part in. `eventless`: no lexicon row fits the
    verb, so "walked during a tour" tells of the tour, and "clashes erupted", "the raid took
    place" of the clashes and the raid."""
    lemma = verb.lemma_.lower()
    # "went on strike", and a crowd's gathering: "camped outside the ministry in a sit-in"
    going = lemma in _GOING or lemma in protest_cues()[0]
    preps = (_EVENT_PREPS if going else frozenset()) | UNDERGOING.get(lemma, frozenset()) | \
        _PLACING.get(lemma, frozenset()) | (
        {"during"} if eventless else frozenset())
    found = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in preps
             for p in c.children if p.dep_ == "pobj"]
    # not a trend ("violence against women continues to rise"): a level, no event
    if eventless and lemma in HAPPENING and not any(
            c.dep_ == "xcomp" and c.lemma_.lower() in _TRENDS for c in verb.children):
        found += [c for c in (*verb.children, verb.head) if _subject_noun(verb, c)]
    return found


def _subject_noun(verb: Token, word: Token) -> bool:
    """The verb's subject noun, or the noun its relative clause is on when "that" or "which" is
    the subject ("the car bomb that ripped through the market")."""
    if word.pos_ != "NOUN":
        return False
    if word.head.i == verb.i and word.i != verb.i:
        return word.dep_ == "nsubj"
    return verb.dep_ == "relcl" and word.i == verb.head.i and any(
        c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in verb.children)


# Words that open a relative clause and stand for the noun it is on.
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})


# Verbs of a level changing, after "continue to", "began to".
_TRENDS = frozenset({"rise", "grow", "increase", "climb", "soar", "mount", "decline", "fall", "drop", "decrease",
                     "ease", "worsen", "subside"})


def noun_keys(noun: Token) -> list[str]:
    """The names a noun phrase's head goes by, most specific first: "hunger strike" before
    "strike"; and for a head that only frames another noun ("a mediation effort", "the peace
    process"), that noun too."""
    mods: list[Token] = []
    for left in reversed(list(noun.lefts)):
        if left.dep_ not in ("compound", "amod") or left.i != (mods[-1].i if mods else noun.i) - 1:
            break
        mods.append(left)
    words = [m.lemma_.lower() for m in reversed(mods)]
    head = noun.lemma_.lower()
    keys = [" ".join([*words[i:], head]) for i in range(len(words))] + [head]
    if head in _FRAMES and mods and mods[0].dep_ == "compound":
        keys.append(mods[0].lemma_.lower())
    return keys


# Heads that frame the event another noun names: "mediation effort", "peace process", "rescue mission".
_FRAMES = frozenset({"effort", "attempt", "bid", "campaign", "mission", "drive", "process", "initiative",
                     "operation", "move", "plan", "programme", "program", "deal", "talk"})


def _word_list(name: str) -> frozenset[str]:
    lines = data_path("events", name).read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def quantified(noun: Token) -> Token:
    """'5 million dollars of aid', 'tons of food', 'acts of sexual violence', 'barrels of
    chlorine': the substance or the events, not the measure or the vessel."""
    if noun.lemma_.lower() in _MEASURES or noun.like_num:  # "26 of 31 drones"
        # a sum is given "in" what it buys: "$500 million in humanitarian aid"
        preps = ("of", "in") if noun.lemma_.lower() in _SUMS else ("of",)
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return pobj
    return noun


# Sums of money, which are also given "in" what they buy.
_SUMS = frozenset({"dollar", "euro", "pound", "yen", "yuan", "rupee", "million", "billion"})
_MEASURES = _SUMS | frozenset({
    "dozen", "hundred", "thousand", "score",  # "dozens of villagers"
    "ton", "tonne", "worth", "amount", "package", "shipment", "consignment", "round", "series", "wave",
    "number", "lot", "batch", "convoy", "load", "truckload", "kilogram", "litre", "liter",
    "day", "week", "month", "hour", "year", "night",  # "10 days of war games"
    "act", "spate", "string", "spree",  # "acts of violence", "a spate of arrests"
    "barrel", "canister", "cylinder", "drum",  # "dropped barrels of chlorine"
    # shares of a whole: "captured 40 percent of the province", "much of the city"
    "percent", "%", "part", "portion", "swath", "swathe", "chunk", "stretch", "half", "most", "much", "rest",
    "bulk"})


def _infinitive_complement(child: Token) -> bool:
    """'offered to help': an open complement, or a to-infinitive the parser hung on as an adverbial
    clause when a phrase came between ("offered on Wednesday to help")."""
    if child.pos_ not in ("VERB", "AUX"):
        return False
    if child.dep_ in ("xcomp", "ccomp"):
        return True
    return child.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)


def prepositional_objects(verb: Token) -> list[Token]:
    """'Agreed to a truce', 'agreed on a ceasefire': for a verb with no direct object, the noun
    after "to" or "on"."""
    if any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return []
    return [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "on", "upon")
            for p in c.children if p.dep_ == "pobj"]


def _when(prep: Token) -> bool:
    """'on Sunday', 'in March': a preposition that only dates the act restricts nothing."""
    return any(p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in prep.children)


class _Complements:
    """A verb's children, the nouns of its event prepositions and its objects' keys, read once for
    all the rows tried on it (a verb may have dozens of object rows)."""

    def __init__(self, verb: Token) -> None:
        self.verb = verb
        self.children = list(verb.children)
        self._pobjs: list[Token] | None = None
        self._keys: dict[int, list[str]] = {}

    def of(self, kind: str) -> list[Token]:
        """The words a row of this kind may match: the children, and for an object row the nouns
        of the verb's event prepositions too ("went on strike")."""
        if kind != "obj":
            return self.children
        if self._pobjs is None:
            self._pobjs = _event_pobjs(self.verb)
        return [*self.children, *self._pobjs]

    def keys(self, noun: Token) -> list[str]:
        if noun.i not in self._keys:
            self._keys[noun.i] = noun_keys(noun)
        return self._keys[noun.i]


def _complement(verb: Token, rule: Rule, places: frozenset[int] = frozenset(),
                read: _Complements | None = None) -> Token | None:
    read = read or _Complements(verb)
    for child in read.of(rule.kind):
        if rule.kind == "to" and _infinitive_complement(child):
            if rule.value in ("*", child.lemma_.lower()):
                return child
        elif rule.kind == "prep" and child.dep_ in ("prep", "agent", "dative") and child.lower_ == rule.value \
                and not _when(child):
            return child
        elif rule.kind == "prt" and child.dep_ in ("prt", "advmod", "oprd") and child.lower_ == rule.value:
            # spaCy often attaches the particle as advmod ("stepped down", "walked out"), or an
            # adjective as the object's predicate ("set two buses ablaze")
            return child
        elif rule.kind == "prt" and child.dep_ in _OBJECT_DEPS and child.i > verb.i + 1 and (
                word := verb.doc[verb.i + 1]).lower_ == rule.value and word.dep_ == "quantmod":
            return word  # "handed over 90 soldiers": the particle read as "over 90", more than 90
        elif rule.kind == "prt" and child.dep_ in _OBJECT_DEPS and (word := next(
                (g for g in child.rights if g.dep_ == "amod" and g.lower_ == rule.value), None)) is not None:
            return word  # ... or as the object's modifier ("set a primary school ablaze")
        elif rule.kind == "state" and (state := resulting_state(child, rule.value)) is not None:
            return state
        elif rule.kind == "obj" and child.dep_ in (*_OBJECT_DEPS, "pobj"):
            noun = quantified(child)
            if rule.value in read.keys(noun) or (rule.value == PLACE_CLASS and child.dep_ in _OBJECT_DEPS
                                                 and (placelike(noun) or noun.i in places)):
                return noun
    return None


def resulting_state(child: Token, lemma: str) -> Token | None:
    """The state a verb leaves its object in, when its lemma is this one: the predicate after the
    object ("left 14 people dead", "left three officers injured"), or a participle on the object
    ("left 12 civilians wounded")."""
    if child.dep_ in ("oprd", "xcomp", "acomp"):
        return child if child.lemma_.lower() == lemma else None
    if child.dep_ in ("dobj", "obj"):
        return next((g for g in child.rights if g.dep_ in ("acl", "amod") and g.lemma_.lower() == lemma), None)
    return None


# The object class of rows whose object is a place ("enter,obj:@place": "entered Kunduz", "entered
# the town").
PLACE_CLASS = "@place"
PLACE_NOUNS = frozenset({"town", "city", "village", "district", "area", "province", "region", "capital",
                          "territory", "neighbourhood", "neighborhood", "suburb", "quarter", "camp", "country",
                          "governorate", "island", "islet", "peninsula", "enclave"})


def placelike(noun: Token) -> bool:
    """A noun that names a place: a place name as the tagger sees it, or a settlement word."""
    return noun.ent_type_ in ("GPE", "LOC", "FAC") or noun.lemma_.lower() in PLACE_NOUNS


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    return Lexicon()
