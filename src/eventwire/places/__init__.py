"""Places: toponyms found in the parsed document and resolved against the gazetteer.

Recognition starts from spaCy's GPE, LOC and FAC entities (rejoined where the tagger cut a known
name in two) and adds what the small model gets wrong: names it tags PERSON, ORG or NORP where the
sentence treats them as places ("near Goma", "Uttar Pradesh state", "Bulacan, Pampanga and
Tarlac", "the Durban court"), countries it tags as anything or nothing, places named inside
organizations, sums of money and untagged runs of capitals ("the U.S. Centers for Disease
Control", "15 billion US dollars", "Air France KLM"), and all-capitals datelines opening a
paragraph or following a byline. Proper names of streets, buildings, campuses, waters and
landmarks ("Royal Street", "the University of Westbrook", "the Rwenzori Mountains"), whatever the tagger
called them, are places too; a name the article gives a virus or disease ("Lassa fever") is not.

A capital or other seat of power acting as a government ("Moscow said") is an actor, not a place:
where the actors stage resolved it to a polity's government, spans it covers are skipped here.
Polities themselves (countries, first-level divisions, unions) stay places when they act. Demonyms
are NORP entities and never places.

Resolution ranks the gazetteer's candidates by kind and population, then by what the rest of the
article says: the countries it names or its actors belong to, the divisions its unambiguous places
lie in, the towns it surely names (a namesake near one of them wins), the place a name is paired
with ("Atlanta, Georgia", which then holds wherever the article repeats the name) and the places
it is listed with. A name the gazetteer does not know is placed where the text puts it: at the
place that follows as its container ("X Hospital in Rome"), at a place its name holds ("Lima
Cathedral"), or, for a street or facility, at the article's own town (`place_unknown`).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..actors.knowledge import ROLE, load_knowledge
from ..data_files import read_csv
from ..model import Actor, Place
from ..sentences import dateline_span
from .gazetteer import Entry, Gazetteer, fold, km_between, load_gazetteer

__all__ = ["find_places", "load_gazetteer", "Gazetteer", "resolve"]

_TOPONYM_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels the small model gives place names by mistake; a name under one of them is a place only
# where the gazetteer knows it and the sentence treats it as one (see `_accept`).
_MISLABELS = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
# Names that can hold a place's name inside them ("the Kenya Red Cross", "Taco Bell Canada").
_HOLDERS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})
_ADMIN_WORDS = frozenset({"province", "governorate", "state", "region", "oblast", "district", "county",
                          "prefecture", "department", "parish", "municipality", "borough", "shire"})
_SETTLEMENT_WORDS = frozenset({"city", "town", "village", "island", "islands", "township", "suburb",
                               "cities", "towns", "villages", "provinces", "districts", "regions", "states",
                               "counties", "suburbs", "ports", "communities", "neighbourhoods", "neighborhoods",
                               "capital", "port", "area", "valley", "community", "neighbourhood",
                               "neighborhood", "outskirts", "residents", "people", "coast", "border",
                               "south", "north", "east", "west", "centre", "center", *_ADMIN_WORDS})
# Verbs whose object is a place more often than anything a name may stand for: what is patrolled,
# shelled, besieged, overrun or entered (not "encircled" or "visited": people are too; for
# "captured" and "seized" see _TAKING_VERBS).
_PLACE_TAKING_VERBS = frozenset({"patrol", "shell", "bomb", "besiege", "overrun", "occupy", "liberate", "retake",
                                 "recapture", "storm", "blockade", "evacuate", "raid", "bombard", "invade", "annex",
                                 "enter"})
# Verbs that take ground and people alike ("captured Goma", "captured Hamdan"): their object is a
# place only where the tagger did not call the name a person's.
_TAKING_VERBS = frozenset({"capture", "seize"})
_TAKEN_OR_HIT = _PLACE_TAKING_VERBS | _TAKING_VERBS
# Verbs whose "control of X" is ground taken ("regained control of X"); not "won control of the
# Senate", "lost control of the party" or "took control of Congress". ("retook" is spaCy's lemma.)
_CONTROL_TAKING = frozenset({"retake", "retook", "regain", "seize", "wrest", "capture", "recapture", "overrun"})
# Participles after "X-" that make X where something is ("a Kent-based team").
_BASED = frozenset({"based", "headquartered"})
# Words that make a settlement noun after "X and" mean places like X ("X and other towns").
_OTHER_WORDS = frozenset({"other", "nearby", "neighbouring", "neighboring", "surrounding", "several", "many"})
_AFTER_WORDS = frozenset({"city", "town", "village", "area", "suburb", "township", "residents", "metropolis",
                          "peninsula", "island", "neighbourhood", "neighborhood", "countryside", "outskirts",
                          "suburbs", "districts", *_ADMIN_WORDS})
# Adjectives of a part of a place by its bearing, which people's names do not take ("southern
# Aleppo", "the northern Hama countryside", "rural Damascus").
_BEARING_ADJECTIVES = frozenset({"northern", "southern", "eastern", "western", "central", "northeastern",
                                 "northwestern", "southeastern", "southwestern", "north-eastern", "north-western",
                                 "south-eastern", "south-western", "rural"})
# Nouns for parts and sites of a place, which a place's name owns ("X's business district",
# "X's northern skies") or completes ("the outskirts of X").
_PLACE_PARTS = frozenset({"countryside", "outskirts", "suburbs", "streets", "centre", "center", "heart", "stronghold",
                          "district", "districts", "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods",
                          "slum", "slums", "quarter", "environs", "periphery", "port", "harbour", "harbor", "airport",
                          "downtown", "outskirt", "suburb", "area", "areas", "province", "governorate",
                          "coast", "coastline", "waters", "skies", "airspace", "border", "borders", "frontier",
                          "territory", "soil", "cities", "towns", "villages", "installations", "oilfields",
                          "oilfield", "ports"})
_OF_PLACE_WORDS = _SETTLEMENT_WORDS | _PLACE_PARTS  # "the town of X", "the outskirts of X"
_PLACE_PREPS = frozenset({"in", "near", "outside", "at", "around", "across", "into", "from", "inside",
                          "to", "toward", "towards", "through", "throughout", "within", "via", "between",
                          "across", "off", "beyond", "nearby"})
_PERSON_PREPS = frozenset({"in", "near", "outside", "around", "across", "into", "inside", "throughout",
                           "within", "off"})
_DETERMINERS = frozenset({"the", "The", "THE"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_FEATURE_RANK = {"country": 3.0, "admin1": 1.0, "region": 2.0, "point": 1.5, "city": 0.0, "admin2": 0.5}
# Capitalized words that are names of some village or division somewhere but, alone, almost never
# the place meant ("South Kilburn Estate" is not South Region, Cameroon).
_GENERIC = frozenset({"north", "south", "east", "west", "central", "northern", "southern", "eastern",
                      "western", "valley", "city", "state", "union", "capital", "centre", "center",
                      "island", "lake", "river", "mount", "bay", "beach", "park", "hills", "springs",
                      "grove", "falls", "heights", "national", "new", "upper", "lower", "middle"})
# Words for kinds of place that, alone and capitalised, are no place's name ("Eva's Village").
_PLACE_NOUNS = frozenset({"village", "town", "islands", "coast", "county", "province", "region", "district",
                          "square", "street", "road", "border", "harbour", "harbor", "desert", "mountains"})
_BARE_WORDS = _GENERIC | _PLACE_NOUNS
_TYPE_WORDS = frozenset({"sheng", "shi", "zizhiqu", "county", "parish", "province", "region", "state",
                         "oblast", "kray", "krai", "governorate", "district", "prefecture", "department"})
# A city this size is a place by its own name inside an organization's name, and when weapons
# or armed men struck it, whatever the tagger called the name.
_BIG_CITY = 100_000
_NEARBY, _NEARBY_KM = 2.0, 100.0  # a town this close to one the article surely names is preferred
_KNOWN_TOWN = 15_000  # a town this size is a place by any of its GeoNames names, in a place's context
_MEGACITY = 5_000_000  # "New York" is New York City, which GeoNames names with its "City"
# Common nouns a place's name modifies when it means the place's people or institutions ("a Cork
# mother", "the Durban court", "Nenagh councillors", "Harare residents").
_LOCAL_NOUNS = frozenset({"mayor", "mayors", "council", "councils", "councillor", "councillors", "councilor",
                          "councilors", "councilman", "councilwoman", "police", "policemen", "sheriff", "court",
                          "courts", "courthouse", "hospital", "hospitals", "residents", "resident", "native",
                          "natives", "man", "woman", "men", "women", "mother", "father", "family", "families",
                          "teen", "teenager", "boy", "girl", "student", "students", "school", "schools",
                          "suburb", "suburbs", "neighbourhood", "neighborhood", "airport", "hotspot",
                          "assembly", "legislature", "lawmakers", "voters", "constituency", "municipality",
                          # "a Kano market" (not "home": "the Turner home" is a family's)
                          "market", "mosque", "prison"})
# ... of which these, after a name tagged as a person, more often mean that person's kin ("the
# Jordan family").
_KIN_NOUNS = frozenset({"man", "woman", "men", "women", "mother", "father", "family", "families", "boy", "girl"})
# Words that, after a place's name in an untagged run of capitals, make the run an institution of
# that place ("Mississippi State", "Oregon Police"), not a person's first and last names.
_INSTITUTION_WORDS = frozenset({"state", "university", "college", "police", "times", "post", "herald", "county",
                                "airport", "airlines", "airways", "railways", "council", "assembly", "government",
                                "limited", "ltd", "inc", "city"})
# Words that, after a town's or county's name inside an organization's name, make it that
# place's local body or paper ("Ithaca Police", "Kerry County Council", "the Dorset Echo").
_LOCAL_BODIES = frozenset({"police", "pd", "sheriff", "sheriff's", "fire", "council", "county", "city",
                           "borough", "municipal", "mayor", "courthouse", "times", "herald", "gazette", "tribune",
                           "chronicle", "courier", "post", "star", "chamber", "board", "schools", "public"})
# Words after a name that make it a disease's or its agent's ("Ebola virus", "Lassa fever").
_DISEASE_WORDS = frozenset({"virus", "viruses", "ebolavirus", "fever", "disease", "flu", "encephalitis"})
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "governor", "president",
                     "judge", "justice", "sir", "lord", "lady", "coach", "captain", "gen", "general", "mr.",
                     "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "prof", "prof."})


# Words that, alone before a facility's word, make a common noun phrase rather than a name ("High
# School", "the City Hospital", "Main Street"): a name needs one word before its head not here.
_FACILITY_GENERIC = frozenset({"high", "middle", "elementary", "primary", "secondary", "junior", "senior",
                               "national", "central", "main", "city", "state", "north", "south", "east", "west",
                               "new", "old", "international", "regional", "general", "public", "community",
                               "memorial", "the", "this", "that", "our", "their", "his", "her", "its"})
# Capitalised words of dates: months, days, feasts and seasons are never read as places when the
# tagger labels them a date.
_CALENDAR_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "christmas",
    "easter", "ramadan", "eid", "passover", "hanukkah", "diwali", "nowruz", "thanksgiving", "lent",
    "advent", "spring", "summer", "autumn", "fall", "winter", "new", "year", "day", "eve", "holy", "week",
    "independence", "memorial", "labor", "labour", "victory"})
# Labels whose names are titles, events or laws: a facility's word in one ("Jurassic Park", "the
# Good Friday Agreement") does not make it a place.
_NOT_FACILITY = frozenset({"WORK_OF_ART", "EVENT", "LAW", "DATE", "TIME", "MONEY", "PERCENT"})


@lru_cache(maxsize=None)
def _word_column(name: str) -> frozenset[str]:
    """The `word` column of a data/places file, lower case."""
    return frozenset(row["word"].lower() for row in read_csv("places", name))


def facility_words() -> frozenset[str]:
    """Head words of facilities' and landmarks' names: streets, buildings, campuses, waters
    (data/places/facility_words.csv)."""
    return _word_column("facility_words.csv")


@dataclass(frozen=True, slots=True)
class Mention:
    span: Span
    kind: str  # entity | mislabel | embedded | bare | dateline | facility | settlement


def find_places(doc: Doc, actors: list[Actor], gazetteer: Gazetteer) -> list[Place]:
    """Toponyms in the document, resolved."""
    mentions = find_mentions(doc, actors, gazetteer)
    entries = resolve_all(doc, mentions, gazetteer, {a.country for a in actors if a.country})
    return [to_place(m.span, e) for m, e in zip(mentions, entries)]


# -- recognition ------------------------------------------------------------------------------------

def find_mentions(doc: Doc, actors: list[Actor], gazetteer: Gazetteer) -> list[Mention]:
    # The actors stage resolved these to a polity's government ("Moscow said" is Russia's): a
    # name it claimed without a country ("a Cork mother", "Liverpool said") is left to the rules here.
    claimed = [a.span for a in actors if a.country]

    def free(span: Span) -> bool:
        """Not a seat of power acting for its government ("Moscow said"), unless it names a polity:
        a country, a first-level division or a union ("Kenya has maintained ties", "Tamil Nadu said",
        "the EU's airports")."""
        return not (acts(span) and any(s < span.end_char and span.start_char < t for s, t in claimed)
                    and not names_polity(span, gazetteer))

    people = [e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]
    # People the actor stage knows ("Ocalan") and nationalities it read ("the Somali town of X"),
    # whatever the tagger called them, are not places
    known_people = [a.span for a in actors if (a.id or "").startswith("person:") and (a.sector or a.country)]
    nations = [a.span for a in actors if a.country]

    def person(span: Span) -> bool:
        return (span.start_char, span.end_char) in known_people

    def demonym(span: Span) -> bool:  # an adjective or a people, not "the Central African Republic"
        if fold(span.text) in peoples():
            return True  # "the southern Angolan city of X", "the Arab town of X", whatever the tag
        return span.label_ == "NORP" and span[-1].tag_ in ("JJ", "NNS", "NNPS") and any(
            s <= span.start_char and span.end_char <= e for s, e in nations)

    found: list[Mention] = []
    pending: list[Span] = []  # mislabelled names that may be places, judged once places are known
    for ent in joined_entities(doc, gazetteer):
        span = trim(ent, gazetteer)
        if span is None or not span.text[:1].isupper() or _given_an_age(span) or _a_relatives_name(span):
            continue
        if ent.label_ in _TOPONYM_LABELS:
            if _bare_word(span):
                continue  # "the Valley", "Islands", "the West": a word, not a name, even tagged
            if demonym(span):
                continue
            if person(span) and not _after_place_prep(span):
                continue  # "captured Ocalan", but "officials in Hammond, Indiana"
            if free(span) and not _common_word(span, gazetteer):
                found.append(Mention(span, "entity"))
        elif ent.label_ in _MISLABELS or (ent.label_ in ("DATE", "TIME") and _name_not_date(span)) or (
                ent.label_ == "LANGUAGE" and not _a_language(span)):
            if demonym(span):
                continue
            if gazetteer.knows(span.text) or (len(span) > 1 and span[-1].lower_ in _ADMIN_WORDS
                                               and gazetteer.knows(span[:-1].text)):
                pending.append(span)
            elif ent.label_ in _HOLDERS:
                found += [Mention(s, "embedded") for s in embedded_places(span, gazetteer)]
        elif ent.label_ == "MONEY":  # "six billion US dollars", "Hong Kong dollars"
            found += [Mention(s, "embedded") for s in embedded_places(span, gazetteer)
                      if any(e.precision == "country" for e in gazetteer.lookup(s.text))]
    bare, inside = bare_names(doc, gazetteer)
    pending += bare
    found += [Mention(s, "embedded") for s in inside]
    for _ in range(2):  # twice: a list's members vouch for one another once some are known
        known = {m.span.root.i for m in found}
        rest = []
        for span in pending:
            if accept(span, known, gazetteer, people) and free(span) and not _given_an_age(span):
                found.append(Mention(span, "mislabel"))
                known.add(span.root.i)
            else:
                rest.append(span)
        pending = rest
    for span in pending:  # a holder's name refused whole may still hold a place ("Liverpool FC")
        if span.label_ in _HOLDERS and len(span) > 1:
            found += [Mention(s, "embedded") for s in embedded_places(span, gazetteer)]
    for span in datelines(doc, gazetteer):
        if not any(m.span.start < span.end and span.start < m.span.end for m in found):
            found.append(Mention(span, "dateline"))
    # A facility's whole name ("Uhuru Stadium", "the Royal College of Music") replaces the
    # places found inside or across it: it is the place the sentence names.
    for span in facilities(doc):
        if free(span):
            found = [m for m in found if not (m.span.start < span.end and span.start < m.span.end)]
            found.append(Mention(span, "facility"))
    # "the village of X", "the X neighbourhood": a settlement no one tagged, by the word for it
    # (not a known group's name: "a Hamas camp"; an unknown name the tagger called a group may be one)
    # a person's name may be a village's ("the village of Nasrallah")
    actor_tokens = {t.i for a in actors if (a.country or a.sector) and not (a.id or "").startswith("person:")
                    for t in doc.char_span(*a.span, alignment_mode="expand") or ()}
    for span in [*settlements(doc), *toponymic_names(doc)]:
        if not any(m.span.start < span.end and span.start < m.span.end for m in found) and not any(
                t.i in actor_tokens for t in span):
            found.append(Mention(span, "settlement"))
    diseases = disease_names(doc)
    if diseases:
        found = [m for m in found if fold(m.span.text) not in diseases or names_polity(m.span, gazetteer)
                 or _after_place_prep(m.span)]
    found.sort(key=lambda m: m.span.start)
    out: list[Mention] = []
    for m in found:  # one mention per stretch of text
        if not out or m.span.start >= out[-1].span.end:
            out.append(m)
    return out


@lru_cache(maxsize=1)
def peoples() -> frozenset[str]:
    """Words for peoples and faiths: the adjectives of countries (data/actors/countries.csv:
    "Angolan", "Iraqis") and of peoples and religions (data/places/peoples.csv: "Sunni",
    "Kurdish"). None is a place's name, though the tagger sometimes says so."""
    countries = (a for row in read_csv("actors", "countries.csv") for a in (row.get("adjectives") or "").split("|"))
    return frozenset(fold(a) for a in (*countries, *_word_column("peoples.csv")) if a.strip())


@lru_cache(maxsize=1)
def _languages() -> frozenset[str]:
    import pycountry

    return frozenset(fold(part) for language in pycountry.languages for part in language.name.split(";"))


def _a_language(span: Span) -> bool:
    """Whether a name the tagger called a language is one ("in Arabic"); "the countryside of
    Aleppo" is not."""
    return fold(span.text) in _languages() or fold(span.text) in peoples()


def _name_not_date(span: Span) -> bool:
    """A proper name the tagger took for a date ("in Manbij near the border"): no number, no
    month, day or feast in it."""
    return all(t.pos_ == "PROPN" and t.is_alpha and t.lower_ not in _CALENDAR_WORDS for t in span)


def joined_entities(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """The tagger's entities, with a place name it cut in two put back together where the gazetteer
    knows the whole and one part was tagged a place ("Boa" GPE + "Vista" ORG is Boa Vista) or the
    name runs on over a hyphen ("Gilgit" + "-Baltistan"); and names it ran together taken apart
    (`_split_run`)."""
    ents = list(doc.ents)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        if i + 1 < len(ents) and ents[i + 1].start == ent.end and _TOPONYM_LABELS & {ent.label_, ents[i + 1].label_}:
            whole = doc[ent.start:ents[i + 1].end]
            if gazetteer.knows(whole.text):
                out.append(Span(doc, whole.start, whole.end, label="GPE"))
                i += 2
                continue
        if ent.end + 1 < len(doc) and doc[ent.end].text == "-" and doc[ent.end + 1].text[:1].isupper() and (
                gazetteer.knows(doc[ent.start:ent.end + 2].text)):
            out.append(Span(doc, ent.start, ent.end + 2, label="GPE"))
            i += 2 if i + 1 < len(ents) and ents[i + 1].start == ent.end + 1 and ents[i + 1].end == ent.end + 2 else 1
            continue
        out += _split_run(ent, gazetteer)
        i += 1
    return out


def _split_run(ent: Span, gazetteer: Gazetteer) -> list[Span]:
    """An entity the gazetteer does not know that is places run together: a name and its container
    ("Thruxton, Hampshire", "Donington Park, Leicestershire", "Jilib (Middle Juba") or countries
    listed without a comma ("Greece Italy")."""
    doc = ent.doc
    if len(ent) < 2 or gazetteer.knows(ent.text):
        return [ent]
    commas = [t.i for t in ent if t.text in (",", "(", ")")]
    if commas:
        # what a bracket holds is the division the name before it lies in, whatever the tag
        bracketed = any(doc[c].text == "(" for c in commas)
        parts, start = [], ent.start
        for c in [*commas, ent.end]:
            if c > start:
                container = bracketed and start > ent.start and gazetteer.knows(doc[start:c].text)
                parts.append(Span(doc, start, c, label="GPE" if container else ent.label_))
            start = c + 1
        if bracketed and not any(e.precision in ("country", "admin1", "admin2", "region")
                                 for e in gazetteer.lookup(parts[-1].text)):
            return [ent]  # "the Department of Agriculture (DA": an acronym, no division
        return parts if gazetteer.knows(parts[-1].text) else [ent]
    if ent.label_ == "GPE" and all(any(e.precision == "country" for e in gazetteer.lookup(t.text)) for t in ent):
        return [Span(doc, t.i, t.i + 1, label="GPE") for t in ent]
    return [ent]


def trim(ent: Span, gazetteer: Gazetteer) -> Span | None:
    """The name itself: no leading "the" or lower-case word ("east Africa" is Africa unless the
    gazetteer knows "east Africa"), no possessive ending."""
    start, end = ent.start, ent.end
    while end > start and (ent.doc[end - 1].text in _POSSESSIVE or ent.doc[end - 1].is_punct):
        end -= 1
    while start < end and ent.doc[start].text in _DETERMINERS:
        start += 1
    span = ent.doc[start:end]
    if start < end and not span.text[:1].isupper() and not gazetteer.knows(span.text):
        while start < end and not ent.doc[start].text[:1].isupper():
            start += 1
    if start >= end:
        return None
    return Span(ent.doc, start, end, label=ent.label_)


def _bare_word(span: Span) -> bool:
    return len(span) == 1 and span[0].lower_ in _BARE_WORDS


def _common_word(span: Span, gazetteer: Gazetteer) -> bool:
    """A capitalised common noun the tagger took for a place ("Gunmen ambushed...") that no
    gazetteer knows: a word, not a name."""
    return len(span) == 1 and span[0].tag_ in ("NN", "NNS") and not gazetteer.knows(span.text)


def accept(span: Span, known: set[int], gazetteer: Gazetteer, people: list[Span] = ()) -> bool:
    """Whether a name spaCy did not tag as a place (or did not tag at all) is one here. A name
    tagged as a person counts as one only after the prepositions that rarely take people ("in",
    "near"), unless the article never names it as a person (no "Lewis Hamilton" for "Hamilton", no
    title before it): then after any locative one ("flew to Cirencester")."""
    hits = candidates(span, gazetteer)
    if not hits:
        return False
    label = span.label_
    country = any(e.precision == "country" for e in hits)
    if country and label != "NORP" and not (label == "PERSON" and (named_as_person(span, people) or _kin_after(span))):
        return True  # "Mozambique", "DRC": countries are places whatever the tagger thought (not "the Jordan family")
    if label != "NORP" and any(e.curated and e.precision == "region" for e in hits):
        return True  # our own list's regions and unions ("the EU", "the Sahel")
    if label != "NORP" and len(span) > 1 and any(e.precision == "admin1" and primary(e, span.text) for e in hits):
        return True  # "Uttar Pradesh", "Tamil Nadu": multi-word division names, whatever the tag
    # A town by its own name, or a sizeable one by a name GeoNames lists as another of its names
    # (Misrata for Misratah, Clacton for Clacton-on-Sea): small places' other names are too often
    # old names or words. A first-level division by any of its names: their English names are
    # GeoNames' other names ("Corsica" for Corse, "Muthanna" for Al Muthanná).
    strong = any(e.precision in ("admin1", "admin2", "region") or e.curated or e.population >= 1000
                 for e in hits if primary(e, span.text)) or any(
        (e.precision == "city" and e.population >= _KNOWN_TOWN) or e.precision == "admin1" for e in hits)
    if not strong:
        return False
    division = any(e.precision in ("country", "admin1", "admin2") for e in hits)
    if division and _county_of_a_site(span):
        return True
    # what missiles or armed men struck or seized is a place when the name is a division's or a city's
    # ("Russian missiles struck Kharkiv", whatever the tagger called it); small towns share
    # their names with too many people
    big = division or any(e.precision == "city" and e.population >= _BIG_CITY for e in hits if primary(e, span.text))
    if big and not named_as_person(span, people) and _struck_by_arms(span):
        return True
    person = label == "PERSON" and named_as_person(span, people)
    if place_context(span, known, person=person, container=division or label != "PERSON",
                     kin=label != "PERSON"):
        return True
    return False


def _struck_by_arms(span: Span) -> bool:
    """The name is what weapons or armed forces struck or took: the object of a verb of striking
    or of taking ground whose subject is one ("Russian missiles hit X", "rebels seized X"), or its
    passive subject with one as the agent ("X was struck by drones"); not "a bus hit X" or
    "police struck X". What is patrolled or besieged is one whoever does it ("police patrolled X")."""
    root = span.root
    verb = root.head
    if root.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in _STRIKING | _CONTROL_TAKING:
        return False
    if verb.lemma_.lower() in _CONTROL_TAKING and any(
            t.lower_ in _PERSONAL for t in verb.subtree if t.i >= span.end):
        return False  # "soldiers seized Arad at his home": a person is taken, not a town
    if verb.lemma_.lower() in _HELD:
        return True
    if root.dep_ == "dobj":
        strikers = [c for c in verb.children if c.dep_ == "nsubj"]
    else:
        strikers = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    armed = _armed_words()
    return any(w.lemma_.lower() in armed for s in strikers
               for w in (s, *(c for c in s.children if c.dep_ in ("compound", "amod"))))


_PERSONAL = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})


# Verbs whose object is a place whoever their subject ("police patrolled Harare"), here even for a
# name tagged as a person's (place_context takes the others, among _PLACE_TAKING_VERBS).
_HELD = frozenset({"patrol", "besiege"})
# Verbs of striking at a place from afar or by force ("struck" is a lemma spaCy sometimes gives),
# and of holding one ("troops patrolled Harare", "besieged Homs"); not "encircled X", which
# may be a person.
_STRIKING = frozenset({"strike", "hit", "target", "pound", "attack", "raid", "rocket", "bomb", "shell", "struck",
                       *_HELD})


@lru_cache(maxsize=1)
def _armed_words() -> frozenset[str]:
    """Weapons (the event stage's instruments) and one-word nouns the actor stage knows for armed
    forces and groups (soldiers, rebels, militants, gunmen...)."""
    from ..events.refine import load_instruments  # the events package loads this one's gazetteer

    weapons = {lemma for lemma, _, _ in load_instruments()}
    forces = {t.key for terms in load_knowledge().terms.values() for t in terms
              if t.kind == ROLE and t.sector in _ARMED and " " not in t.key}
    return frozenset(weapons | forces)


_ARMED = frozenset({"MIL", "REB", "INS", "UAF", "SEP"})


def _given_an_age(span: Span) -> bool:
    """A name followed by an age between commas is a person's ("shot Jordan, 23, in west
    Belfast", "Georgia, 17, was arrested")."""
    doc, end = span.doc, span.end
    if end + 2 >= len(doc) or doc[end].text != "," or not doc[end + 1].is_digit or doc[end + 2].text not in (",", ")"):
        return False
    return 0 < int(doc[end + 1].text) < 110


# Kin one person has ("Pereira's cousin"), not a place's people ("Gaza's mothers").
_RELATIVES = frozenset({"cousin", "brother", "sister", "son", "daughter", "wife", "husband", "uncle", "aunt",
                        "nephew", "niece", "grandson", "granddaughter", "stepson", "stepdaughter", "fiancee",
                        "fiance", "girlfriend", "boyfriend"})


def _a_relatives_name(span: Span) -> bool:
    """A name that owns a relative is a person's ("Pereira's cousin was shot"), whatever the tagger
    called it."""
    doc, end = span.doc, span.end
    return end + 1 < len(doc) and doc[end].text in _POSSESSIVE and doc[end + 1].lower_ in _RELATIVES


def _county_of_a_site(span: Span) -> bool:
    """A division in apposition to a name that is not a person's: the county or state of a venue,
    firm or site ("the race at Brands Hatch, Kent"; not "Amy Smith, Kent")."""
    doc, root = span.doc, span.root
    if span.start < 2 or doc[span.start - 1].text != "," or root.dep_ != "appos":
        return False
    before = doc[span.start - 2]
    return before.pos_ == "PROPN" and before.ent_type_ not in ("PERSON", "NORP") and root.head.i == before.i


def _kin_after(span: Span) -> bool:
    return span.end < len(span.doc) and span.doc[span.end].lower_ in _KIN_NOUNS


def named_as_person(span: Span, people: list[Span]) -> bool:
    """The article names this person elsewhere in full ("Lewis Hamilton"... "Hamilton") or gives the
    name a title ("Mr Nelson")."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in _TITLES:
        return True
    words = {t.lower_ for t in span}
    return any(p.start != span.start and words <= {t.lower_ for t in p} for p in people)


def place_context(span: Span, known: set[int], person: bool = False, container: bool = True,
                  kin: bool = True) -> bool:
    """The sentence treats the name as a place: after a locative preposition ("near Goma"), with a
    division word ("Guerrero state", "the province of Aceh"), modifying a noun for a place's people
    or institutions ("a Cork mother", "the Durban court"; with `kin`, also "man", "family"...),
    paired by a comma with a known place ("Ubay, Bohol"), or listed with known places."""
    doc, root = span.doc, span.root
    preps = _PERSON_PREPS if person else _PLACE_PREPS
    if root.dep_ == "compound" and root.head.ent_type_ in ("DATE", "TIME"):
        root = root.head  # "marched in Sanaa Friday": the parser hung the name on the day
    if root.dep_ == "pobj":
        head = root.head
        if head.lower_ in preps:
            return True
        if head.lower_ == "of" and head.head.lower_ in _OF_PLACE_WORDS:
            return True  # "the town of X", "the eastern countryside of X", "the rebel stronghold of X"
        if head.lower_ == "of" and head.head.lemma_.lower() == "control" and \
                head.head.head.lemma_.lower() in _CONTROL_TAKING:
            return True  # "retook control of X", "wrested control of X from"
    if root.dep_ == "poss" and root.head.lower_ in _PLACE_PARTS:
        return True  # "X's business district", "X's largest slum"
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in _AFTER_WORDS:
        return True
    if span.start > 0 and doc[span.start - 1].lower_ in _BEARING_ADJECTIVES:
        return True  # "airstrikes over southern Aleppo"
    if after is not None and after.text == "-" and span.end + 1 < len(doc) and doc[span.end + 1].lower_ in _BASED:
        return True  # "the Kent-based team"
    if span[-1].lower_ in _ADMIN_WORDS and len(span) > 1:
        return True
    if after is not None and after.lower_ in _LOCAL_NOUNS and (kin or after.lower_ not in _KIN_NOUNS) and (
            root.dep_ in ("compound", "nmod", "amod") and root.head.i == after.i):
        return True
    if (container and span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2].i in known
            and root.dep_ not in ("nsubj", "nsubjpass")):
        return True  # "Ubay, Bohol" (but "In Mosul, Guhdar said" names a man)
    if after is not None and after.text == "," and span.end + 1 < len(doc) and doc[span.end + 1].i in known:
        return True
    if root.dep_ == "conj" and root.head.i in known:
        return True
    if any(c.dep_ == "conj" and c.lower_ in _SETTLEMENT_WORDS and any(a.lower_ in _OTHER_WORDS for a in c.children)
           for c in root.children):
        return True  # "Qamishli and other towns along the border"
    if any(c.dep_ == "conj" and c.i in known for c in root.children):
        return True
    if root.dep_ == "appos" and (root.head.i in known or root.head.lower_ in _SETTLEMENT_WORDS):
        return True  # "Aceh's capital, Banda Aceh", "the capital city Lashkar Gah"
    taken = root.head.lemma_.lower()
    if not person and root.dep_ in ("dobj", "nsubjpass") and (
            taken in _PLACE_TAKING_VERBS or (taken in _TAKING_VERBS and span.label_ != "PERSON")):
        return True  # "patrolled Bari", "shelled Rutshuru", "Vukovar was captured"
    return False


def embedded_places(span: Span, gazetteer: Gazetteer) -> list[Span]:
    """Place names inside an organization's or facility's name: countries and first-level divisions
    by any of their names, big cities by their own ("the U.S. Centers for Disease Control", "the
    Kenya Red Cross", "the New York Times"). Longest first; never a person's name."""
    out: list[Span] = []
    doc = span.doc
    i = span.start
    while i < span.end:
        taken = False
        for j in range(min(span.end, i + 4), i, -1):
            sub = doc[i:j]
            if not all(_capital(t) for t in sub) or (sub.start == span.start and sub.end == span.end) or (
                    len(sub) == 1 and sub[0].lower_ in _GENERIC):
                continue
            local = j < span.end and doc[j].lower_ in _LOCAL_BODIES
            if any(_strong(e, sub.text) or (local and _local_seat(e, sub.text)) for e in gazetteer.lookup(sub.text)):
                out.append(Span(doc, i, j, label="GPE"))
                i, taken = j, True
                break
        if not taken:
            i += 1
    return out


def _local_seat(e: Entry, text: str) -> bool:
    """A town or county by its own name, seat of the local body named after it ("the Ithaca
    Police Department", "Polk County Sheriff's Office")."""
    return primary(e, text) and (e.precision == "admin2" or (e.precision == "city" and e.population >= _KNOWN_TOWN))


def _capital(token) -> bool:
    return token.text[:1].isupper() and token.is_alpha or token.text in ("U.S.", "U.K.", "U.N.")


def _strong(e: Entry, text: str) -> bool:
    abbreviation = _abbreviation(text)
    if e.precision == "country":
        return True
    if e.curated and e.precision == "region" and (len(text) > 3 or abbreviation):
        return True
    if e.precision == "admin1" and abbreviation:
        return True  # "the NSW Rural Fire Service", "FrontCounter BC"
    return primary(e, text) and (e.precision == "admin1" or (e.precision == "city" and e.population >= _BIG_CITY))


def _abbreviation(text: str) -> bool:
    letters = text.replace(".", "").replace("&", "")
    return letters.isupper() and letters.isalpha() and 2 <= len(letters) <= 4


def bare_names(doc: Doc, gazetteer: Gazetteer) -> tuple[list[Span], list[Span]]:
    """Runs of capitalized proper nouns outside any entity that the gazetteer knows ("outbreaks in
    Sudan and DRC"): the tagger missed them; `accept` decides. And countries and divisions inside
    runs it does not know ("Air France KLM", "Mississippi State"), but never a first name ("Jordan
    Peele"): a place opening a run of two is taken only before an institution's word."""
    in_ent = {t.i for e in doc.ents for t in e}
    out: list[Span] = []
    inside: list[Span] = []
    i = 0
    while i < len(doc):
        t = doc[i]
        if t.i in in_ent or t.pos_ != "PROPN" or not t.text[:1].isupper():
            i += 1
            continue
        j = i
        while j < len(doc) and j - i < 4 and doc[j].i not in in_ent and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
            j += 1
        span = Span(doc, i, j, label="")
        if gazetteer.knows(span.text):
            if not _bare_word(span):
                out.append(span)
        elif len(span) > 1:
            for sub in embedded_places(span, gazetteer):
                first_name = sub.start == i and j - i == 2 and doc[j - 1].lower_ not in _INSTITUTION_WORDS
                if not first_name and any(e.precision in ("country", "admin1") for e in gazetteer.lookup(sub.text)):
                    inside.append(sub)
        i = j
    return out, inside


def facilities(doc: Doc) -> list[Span]:
    """Proper names of streets, buildings, campuses, waters and landmarks: a run of capitalized
    words ending in a facility's word ("Royal Street", "Riverside Memorial Hospital", "the Rwenzori
    Mountains") or opening with one before "of" ("the University of Westbrook"); a name the word
    opens otherwise ("Lake Kivu") is left to the tagger. The gazetteer rarely knows them; the
    tagger calls them organizations or people as often as facilities."""
    words = facility_words()
    skip = {t.i for e in doc.ents if e.label_ in _NOT_FACILITY for t in e}
    out: list[Span] = []
    for t in doc:
        if t.lower_ not in words or not t.text[:1].isupper() or t.i in skip:
            continue
        if t.i + 1 < len(doc) and doc[t.i + 1].is_alpha and doc[t.i + 1].is_title:
            continue  # the name goes on: "Queens Park Rangers", "St. Louis", "University Hospital"
        start = _name_start(doc, t.i)
        end = _of_complement_end(doc, t.i + 1)
        if start < t.i and any(x.lower_ not in _FACILITY_GENERIC for x in doc[start:t.i] if x.is_alpha):
            out.append(Span(doc, start, max(end, t.i + 1), label="FAC"))
        elif end > t.i + 1:
            out.append(Span(doc, start, end, label="FAC"))
    return [s for i, s in enumerate(out) if i == 0 or s.start >= out[i - 1].end]


# Words for settlements and parts of them, which say the proper name beside them is a place
# ("the village of X", "the X district", "X neighbourhood").
_SETTLEMENT_NOUNS = frozenset({"village", "town", "city", "district", "subdistrict", "area", "neighbourhood",
                               "neighborhood", "quarter", "suburb", "sector", "settlement", "community", "camp",
                               "locality", "hamlet", "township", "municipality", "county", "streets"})
_NAME_JOINERS = frozenset({"-", "'", "’", "‘"})


def settlements(doc: Doc) -> list[Span]:
    """Proper names a settlement word puts on the map: after "<word> of" ("the village of
    Rasm al-Abed") or before the word ("the Sheikh Lufti area", "Gaidamgari village"). Only the
    name: the word is not part of it. Villages and neighbourhoods are what the gazetteer lacks."""
    out: list[Span] = []
    for t in doc:
        if t.lower_ not in _SETTLEMENT_NOUNS:
            continue
        if t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "of":
            end = _proper_run_end(doc, t.i + 2)
            if end > t.i + 2:
                out.append(Span(doc, t.i + 2, end, label="GPE"))
        start = _proper_run_start(doc, t.i)
        # a people or a faith before the word says whose the place is ("the Sunni city of X")
        if start < t.i and not any(fold(w.text) in peoples() for w in doc[start:t.i]):
            out.append(Span(doc, start, t.i, label="GPE"))
        named = _named_after(doc, t.i)  # "a township called X"
        if named is not None:
            out.append(named)
        described = _described_before(doc, t.i)  # "X, a village in Y"
        if described is not None:
            out.append(described)
    return sorted(out, key=lambda span: span.start)


def toponym_words() -> frozenset[str]:
    """data/places/toponym_words.csv: words that begin place names in the languages news
    transliterates ("Kafr", "Jabal", "Wadi", "Kampung", "Puerto")."""
    return _word_column("toponym_words.csv")


def toponymic_names(doc: Doc) -> list[Span]:
    """Names that say they are places by their first word ("Kafr Sousah", "Jabal al-Akrad",
    "Wadi Barada", "Kampung Baru"): such a word and at least one more proper noun."""
    words = toponym_words()
    out: list[Span] = []
    for t in doc:
        if t.lower_ in words and _proper(t) and (not out or t.i >= out[-1].end):
            end = _proper_run_end(doc, t.i)
            if end > t.i + 1:
                out.append(Span(doc, t.i, end, label="GPE"))
    return out


_NAMING = frozenset({"called", "named", "dubbed"})


def _named_after(doc: Doc, i: int) -> Span | None:
    """'In another township called Mabvuku': the name a settlement word is given."""
    if i + 2 < len(doc) and doc[i + 1].lower_ in _NAMING:
        end = _proper_run_end(doc, i + 2)
        if end > i + 2:
            return Span(doc, i + 2, end, label="GPE")
    return None


def _described_before(doc: Doc, i: int) -> Span | None:
    """'Ngabe, a village in the central region': a name that an apposition says is a settlement.
    The word must head the apposition ("a small village", not "a village chief")."""
    j = i - 1
    while j > 0 and doc[j].pos_ in ("ADJ", "NOUN") and doc[j].dep_ in ("amod", "compound") and i - j < 4:
        j -= 1
    if j < 2 or doc[j].lower_ not in ("a", "an", "the") or doc[j - 1].text != ",":
        return None
    if i + 1 < len(doc) and doc[i + 1].pos_ in ("NOUN", "PROPN"):
        return None
    end = j - 1
    start = _proper_run_start(doc, end)
    return Span(doc, start, end, label="GPE") if start < end else None


def _proper(token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_type_ not in _NOT_FACILITY


# Articles inside transliterated names ("Jabal al-Akrad", "Deir ez-Zor", "Villa de Leyva").
_NAME_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ez", "es", "de", "del", "la",
                            "da", "do", "dos", "das"})


def _proper_run_end(doc: Doc, i: int) -> int:
    """Where a run of proper nouns from `i` ends, over joiners inside a name ("Al-Haba", "Ma'arrat",
    "Jabal al-Akrad")."""
    end = i
    while end < len(doc) and end - i < 5:
        if _proper(doc[end]):
            end += 1
        elif doc[end].lower_ in _NAME_ARTICLES and end > i and end + 1 < len(doc) and (
                _proper(doc[end + 1]) or (doc[end + 1].text in _NAME_JOINERS and end + 2 < len(doc)
                                          and doc[end + 2].text[:1].isupper())):
            end += 1 if _proper(doc[end + 1]) else 3
        elif doc[end].text in _NAME_JOINERS and end > i and end + 1 < len(doc) and _proper(doc[end + 1]) \
                and not doc[end - 1].whitespace_:
            end += 2
        else:
            break
    return end


def _proper_run_start(doc: Doc, i: int) -> int:
    start = i
    while start > 0 and i - start < 5:
        prev = doc[start - 1]
        if _proper(prev):
            start -= 1
        elif prev.text in _NAME_JOINERS and start - 2 >= 0 and _proper(doc[start - 2]) and not doc[start - 2].whitespace_:
            start -= 2
        else:
            break
    return start


def disease_names(doc: Doc) -> set[str]:
    """Names the article gives a disease or its agent ("Rift Valley fever", "Hendra virus", "Lassa
    fever"): the virus, not the place, wherever the article repeats the name alone ("Lassa is
    spread by rats"). Countries and divisions are kept (see `find_mentions`): "Congo" stays the
    country."""
    out: set[str] = set()
    for t in doc:
        if t.lower_ not in _DISEASE_WORDS or t.i == 0 or not doc[t.i - 1].text[:1].isupper():
            continue
        start = t.i - 1
        while start > 0 and t.i - start < 3 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha:
            start -= 1
        out.update(fold(doc[i:t.i].text) for i in range(start, t.i))
    return out


def _after_place_prep(span: Span) -> bool:
    """ "cases in Lassa", "near Hendra": a place, whatever virus bears its name."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return (nxt is None or nxt.lower_ not in _DISEASE_WORDS) and prev is not None and prev.lower_ in _PLACE_PREPS


def _name_start(doc: Doc, head: int) -> int:
    """Where the capitalized name before a facility's word starts: up to four words back, over
    possessives inside it ("St George's Chapel"), never over the sentence's first word unless it
    is a proper noun ("At Royal Street" starts at Royal)."""
    start = head
    while start > 0 and head - start < 4:
        prev = doc[start - 1]
        if prev.text in _POSSESSIVE and start - 2 >= 0 and doc[start - 2].text[:1].isupper():
            if doc[start - 2].ent_type_ in ("GPE", "LOC"):
                break  # "Mombasa's Uhuru Stadium": the place that holds it, not its name
            start -= 1
            continue
        ordinal = prev.text[:1].isdigit() and prev.lower_.endswith(("st", "nd", "rd", "th"))  # "22nd Street"
        if not (prev.text[:1].isupper() or ordinal):
            break
        if prev.is_sent_start and prev.pos_ != "PROPN":
            break
        if prev.pos_ in ("DET", "ADP", "PRON", "CCONJ", "AUX", "VERB", "PUNCT") or prev.text in _DETERMINERS:
            break
        start -= 1
    while start < head and doc[start].text in _POSSESSIVE:
        start += 1
    return start


def _of_complement_end(doc: Doc, i: int) -> int:
    """After a facility's word, "of" and a capitalized name ("of St. Thomas", "of the Republic of
    Armenia"): where that name ends; `i` itself when there is none."""
    if i >= len(doc) or doc[i].lower_ != "of":
        return i
    j = i + 1
    if j < len(doc) and doc[j].lower_ == "the":
        j += 1
    end = j
    while end < len(doc) and end - j < 4 and (doc[end].text[:1].isupper() or (
            doc[end].lower_ == "of" and end + 1 < len(doc) and doc[end + 1].text[:1].isupper())):
        end += 1
    return end if end > j else i


def datelines(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """'KABUL, March 3 (Wire) -' at the top, and 'COLUMBUS, Ohio (AP) —' opening any paragraph or
    sentence ('By Jane Roe. BOSTON (Wire) -', 'NEW DELHI: The court...'): the all-capitals place the
    story was filed from. At the very top of a paragraph a big city's name may run straight into
    the story ('LONDON The Latest on...')."""
    out: list[Span] = []
    found = dateline_span(doc.text)
    if found is not None:
        span = doc.char_span(found[0], found[1], label="GPE", alignment_mode="contract")
        if span is not None and len(span):
            out.append(span)
    elif (opening := _title_case_dateline(doc, gazetteer)) is not None:
        out.append(opening)
    for t in doc:
        paragraph = t.i == 0 or "\n" in doc[t.i - 1].whitespace_ or doc[t.i - 1].is_space
        if not (paragraph or doc[t.i - 1].text in (".", "!", "?") or t.is_sent_start):
            continue
        j = t.i
        while j < len(doc) and j - t.i < 4 and doc[j].is_upper and doc[j].is_alpha and len(doc[j]) > 1:
            j += 1
        if j == t.i or j >= len(doc) or sum(len(x) for x in doc[t.i:j]) < 4:
            continue
        nxt = doc[j]
        marked = nxt.text in (",", "(", "—", "–", "-", ":", "&") or (nxt.is_space and "\n" in nxt.text)
        bare = paragraph and nxt.text[:1].isupper() and not nxt.is_upper
        if not (marked or bare):
            continue
        span = Span(doc, t.i, j, label="GPE")
        hits = gazetteer.lookup(span.text)
        if marked and any(e.precision in ("city", "country") for e in hits) or bare and any(
                e.precision == "city" and e.population >= _BIG_CITY and primary(e, span.text) for e in hits):
            out.append(span)
    return out


def _title_case_dateline(doc: Doc, gazetteer: Gazetteer) -> Span | None:
    """A dateline in title case opening the text, marked by its agency or a colon: "Hanoi (VNA)
    -", "Moscow, SANA -", "Muscat: The festival...". Only a big city by its own name: an opening
    word before a colon is more often a label ("Update:")."""
    j = 0
    while j < len(doc) and j < 3 and doc[j].is_title and doc[j].is_alpha and doc[j].pos_ == "PROPN":
        j += 1
    if j == 0 or j + 1 >= len(doc):
        return None
    mark, after = doc[j], doc[j + 1]
    agency = after.is_upper and after.is_alpha and len(after) >= 2
    if not (mark.text == ":" or (mark.text in ("(", ",") and agency)):
        return None
    span = Span(doc, 0, j, label="GPE")
    if any(e.precision == "city" and primary(e, span.text) and (e.population >= _BIG_CITY or e.feature_code == "PPLC")
           for e in gazetteer.lookup(span.text)):
        return span
    return None


def names_country(ent: Span, gazetteer: Gazetteer) -> bool:
    return any(e.precision == "country" for e in gazetteer.lookup(ent.text))


def names_polity(ent: Span, gazetteer: Gazetteer) -> bool:
    """A country, a first-level division or a union is a polity and a place at once: its name
    stays a place even where it acts ("Kenya has maintained ties", "Tamil Nadu said", "the EU
    agreed"); capitals and seats of power acting ("Moscow said", "Washington warned") do not."""
    if names_country(ent, gazetteer):
        return True
    top = resolve(ent, gazetteer, set())
    return top is not None and (top.precision == "admin1" or (top.curated and top.precision == "region"))


def acts(ent: Span) -> bool:
    """A name that does something ("Moscow said", "Iraq's minister") names an actor, not a place;
    anywhere else ("fled to Russia", "Australia, France and Japan") it is a place, even when the
    actors stage also made it an event's target. A name right after a town and a comma holds the
    town, whatever the parser made of it ("a baker from Tacoma, Washington shares...")."""
    if _container_after_town(ent):
        return False
    if ent.root.dep_ == "poss" and ent.root.head.lower_ in _PLACE_PARTS:
        return False  # "Baghdad's largest slum" is part of the place, no act of its government
    head = ent.root
    while head.dep_ in ("compound", "amod", "flat") and head.head.i != head.i:
        head = head.head
    if head.dep_ == "nsubjpass" and head.head.lemma_.lower() in _TAKEN_OR_HIT:
        return False  # "Baghdad was heavily bombed": the city, no act of its government
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return (head.dep_ in ("nsubj", "nsubjpass", "poss", "agent", "csubj") or ent.root.dep_ == "poss"
            or (nxt is not None and nxt.text in _POSSESSIVE))


def _container_after_town(ent: Span) -> bool:
    """"Tacoma, Washington": after a place and a comma, unless the place closes a phrase the name's
    own verb governs ("In Mosul, Washington said...")."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].text != "," or doc[ent.start - 2].ent_type_ not in ("GPE", "LOC"):
        return False
    prep = doc[ent.start - 2].head
    while prep.dep_ == "compound" and prep.head.i != prep.i:
        prep = prep.head
    return not (prep.dep_ == "prep" and prep.head.i == ent.root.head.i)


def mislabelled_place(ent: Span, gazetteer: Gazetteer) -> bool:
    """A 'person' or 'organization' after "in", "near", "outside"... that the gazetteer knows."""
    return ent.label_ in _MISLABELS and place_context(ent, set(), ent.label_ == "PERSON") and bool(
        gazetteer.lookup(ent.text))


def admin_cue(ent: Span) -> bool:
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    before = ent.doc[ent.start - 2:ent.start] if ent.start >= 2 else None
    return (bool(nxt is not None and nxt.lower_ in _ADMIN_WORDS) or ent[-1].lower_ in _ADMIN_WORDS
            or bool(before is not None and before[1].lower_ == "of" and before[0].lower_ in _ADMIN_WORDS))


# -- resolution -------------------------------------------------------------------------------------

def primary(e: Entry, text: str) -> bool:
    """The name is the entry's own, not one of its alternate names (Fremont was once Centerville).
    Every name on our own list is deliberate, so all count as its own."""
    if e.curated:
        return True
    key, name = _saint(fold(text)), _saint(fold(e.name))
    if e.precision == "city" and e.feature_code != "PPLC" and e.population >= _MEGACITY and name == key + " city":
        return True  # "New York" for New York City
    # "Jiangsu" for Jiangsu Sheng: a division's name less its one-word type
    return key == name or (e.precision in ("admin1", "admin2") and name.startswith(key + " ")
                           and " " not in name[len(key) + 1:] and name[len(key) + 1:] in _TYPE_WORDS)


def _saint(name: str) -> str:
    for short in ("st. ", "st "):
        if name.startswith(short):
            return "saint " + name[len(short):]
    return name


def candidates(span: Span, gazetteer: Gazetteer) -> list[Entry]:
    """The entries a mention may name: its text's, else without a division word ("Aceh province",
    "Kent County" when only Kent is known). An all-capitals abbreviation ("US", "EU", "NSW") names a
    country, division or region, never a village spelled the same."""
    text = span.text
    hits = gazetteer.lookup(text)
    if not hits and len(span) > 1 and span[-1].lower_ in _ADMIN_WORDS and not (
            len(span) == 2 and span[0].lower_ in _GENERIC):
        hits = [e for e in gazetteer.lookup(span[:-1].text) if e.precision != "city"] or gazetteer.lookup(span[:-1].text)
    letters = text.replace(".", "").replace("&", "")
    if letters.isupper() and len(letters) <= 4:
        hits = [e for e in hits if e.precision in ("country", "admin1", "region") or e.curated
                or e.name.replace(".", "") == letters]
    return hits


def site_candidates(m: Mention, gazetteer: Gazetteer) -> list[Entry]:
    """A facility's or street's name names a populated place only on our own list: GeoNames'
    hamlets called "Washington Square" or "Old Town" are not the square or the quarter meant."""
    hits = candidates(m.span, gazetteer)
    if m.kind != "facility":
        return hits
    return [e for e in hits if e.curated or e.precision != "city"]


def resolve_all(doc: Doc, mentions: list[Mention], gazetteer: Gazetteer, actor_countries: set[str]) -> list[Entry | None]:
    """Two passes: every mention ranked on its own and the countries the article names; then again
    with the countries and divisions its confident mentions point to."""
    hits = [site_candidates(m, gazetteer) for m in mentions]
    context = Counter(actor_countries)
    for cands in hits:
        for e in cands:
            if e.precision == "country":
                context[e.country] += 1
    pairs = containment_pairs(doc, mentions, hits)
    first = [pairs.get(i) or best(m, c, context, Counter(), {}) for i, (m, c) in enumerate(zip(mentions, hits))]
    # Confident: a country or division named as such, a place paired with its container, or a
    # name whose best reading outranks every reading elsewhere by a clear margin.
    countries, divisions = Counter(), Counter()
    confident: list[int] = []
    for i, (m, cands, e) in enumerate(zip(mentions, hits, first)):
        if e is None or e.country is None:
            continue
        if i in pairs or e.precision == "country" or _clear_winner(m, e, [x for x in cands if x.country != e.country],
                                                                   context):
            if i in pairs or len(cands) == 1:
                confident.append(i)
            countries[e.country] += 1
            # sure of the country is not sure of the division: four Red Oaks in four US states
            if e.admin1 and (i in pairs or e.precision == "admin1" or _clear_winner(
                    m, e, [x for x in cands if x.admin1 != e.admin1], context)):
                divisions[(e.country, e.admin1)] += 1
    context = context + countries
    siblings = list_siblings(mentions)
    # One sense per article: a name placed by its container once ("Parkland, Florida") is that
    # place wherever the article repeats it.
    settled = {fold(mentions[i].span.text): e for i, e in sorted(pairs.items(), reverse=True)}
    # Towns and districts the article places for certain: a namesake near one of them is the one meant.
    anchors = [first[i] for i in confident if first[i].precision in ("city", "admin2", "point")]
    out: list[Entry | None] = []
    for i, (m, cands) in enumerate(zip(mentions, hits)):
        if i in pairs:
            out.append(pairs[i])
            continue
        same = settled.get(fold(m.span.text))
        if same is not None and same in cands:
            out.append(same)
            continue
        near = {}
        for j in siblings.get(i, ()):
            if first[j] is not None and first[j].country:
                near[first[j].country] = first[j].precision
        around = [a for j, a in zip(confident, anchors) if j != i] if len(cands) > 1 else []
        out.append(best(m, cands, context, divisions, near, around))
    for part, town in town_parts(mentions):
        if out[part] is not None and out[town] is not None and not _inside_town(out[part], out[town]):
            out[part] = None  # a namesake elsewhere: "Baghdad's neighborhood of Kamaliya" is not Kamalia, Pakistan
    return place_unknown(doc, mentions, out, gazetteer, context)


def town_parts(mentions: list[Mention]) -> list[tuple[int, int]]:
    """(part, town) for each mention named as part of the town that owns it: "Baghdad's
    neighborhood of Kamaliya". ("The X district of Y" is left alone: X is the part in "the Sadriya
    district of Baghdad", the town in "the Tijuana district of La Presa".)"""
    at = {t.i: k for k, m in enumerate(mentions) for t in m.span}
    pairs = []
    for k, m in enumerate(mentions):
        root = m.span.root
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _TOWN_PARTS:
            pairs += [(k, at[c.i]) for c in root.head.head.children if c.dep_ == "poss" and c.i in at]
    return [(part, town) for part, town in pairs if part != town]


# Nouns for the parts of a town.
_TOWN_PARTS = frozenset({"neighborhood", "neighbourhood", "district", "quarter", "suburb", "area", "sector",
                         "locality", "township"})


def _inside_town(part: Entry, town: Entry) -> bool:
    """Whether a place can be part of a town or city: in its country, within a day's walk of it."""
    return part.country == town.country and km_between(part, town) <= _TOWN_REACH_KM


_TOWN_REACH_KM = 60.0


def _clear_winner(m: Mention, e: Entry, rivals: list[Entry], context: Counter) -> bool:
    """No rival reading, or none within a clear margin of the best one."""
    return not rivals or score(m, e, context, Counter(), {}) - max(
        score(m, x, context, Counter(), {}) for x in rivals) >= _CLEAR_MARGIN


_CLEAR_MARGIN = 1.5


def place_unknown(doc: Doc, mentions: list[Mention], entries: list[Entry | None], gazetteer: Gazetteer,
                  context: Counter) -> list[Entry | None]:
    """Names the gazetteer does not know, placed where the text puts them: at the place that
    follows as container ("Riverside Hospital in Sacramento", "Elm Avenue, Tralee"), else
    at a place inside the name ("Lima Cathedral", "Tralee Town Hall", "West Wales"), else, for a
    facility or street, at the town the article is filed from or names most: local news names
    local streets. From the last mention back, so a chain of containers resolves."""
    out = list(entries)
    home = home_town(mentions, out)
    named = {e.geonameid for e in out if e is not None}
    words = facility_words()  # not any FAC: the tagger gives people and events that label too
    text = doc.text
    for i in range(len(mentions) - 1, -1, -1):
        if out[i] is not None:
            continue
        m = mentions[i]
        site = m.kind == "facility" or (m.span.label_ == "FAC" and any(t.lower_ in words for t in m.span))
        nxt = i + 1 if i + 1 < len(mentions) else None
        before = mentions[i - 1] if i > 0 and out[i - 1] is not None else None
        if nxt is not None and out[nxt] is not None and _container_gap(text[m.span.end_char:mentions[nxt].span.start_char]):
            out[i] = out[nxt]
        elif before is not None and text[before.span.end_char:m.span.start_char].strip() in _POSSESSIVE:
            out[i] = out[i - 1]  # "Mombasa's Uhuru Stadium"
        elif (inner := inner_place(m, gazetteer, context, named)) is not None:
            out[i] = inner
        elif site:
            out[i] = home
    return out


_CONTAINER_GAPS = frozenset({",", "in", ", in", "at", ", at", "(", "near", ", near", "on", ", on"})


def _container_gap(between: str) -> bool:
    """Text between a name and the place that holds it: "X in Y", "X, Y", and after a
    settlement's word, "X district of Y", "X village in Y"."""
    words = between.split()
    if words and words[0].lower().strip(",") in _SETTLEMENT_NOUNS:
        rest = " ".join([words[0][len(words[0].rstrip(",")):], *words[1:]]).strip()
        return rest in _CONTAINER_GAPS or rest == "of"
    return " ".join(words) in _CONTAINER_GAPS


def inner_place(m: Mention, gazetteer: Gazetteer, context: Counter, named: set[int]) -> Entry | None:
    """The place a longer name holds, longest first ("Polk County History Museum" is in Polk
    County, "West Wales" in Wales): a country, a division of a country the article names, a
    region of our own list, a big city, or a town the article names elsewhere ("Tralee Town
    Hall"); any other small town inside a name is mostly a person's namesake ("Adam Fielding
    Hospital"). Never a generic or facility word ("Park", "University")."""
    span, words = m.span, facility_words()
    for size in range(len(span) - 1, 0, -1):
        for start in range(span.start, span.end - size + 1):
            sub = span.doc[start:start + size]
            if not all(_capital(t) for t in sub) or (size == 1 and sub[0].lower_ in _GENERIC | words):
                continue
            hits = [e for e in gazetteer.lookup(sub.text) if _inner_fits(e, sub.text, context, named)]
            if hits:
                return best(Mention(sub, "embedded"), hits, context, Counter(), {})
    return None


def _inner_fits(e: Entry, text: str, context: Counter, named: set[int]) -> bool:
    if e.precision in ("country", "region"):
        return e.precision == "country" or e.curated
    if not primary(e, text):
        return False
    if e.precision != "city":
        return e.country in context
    if e.population >= _BIG_CITY:
        return True
    return e.geonameid in named


def home_town(mentions: list[Mention], entries: list[Entry | None]) -> Entry | None:
    """The article's own town: its dateline's, else the town it names most in the country it
    names most (the first of equals): a surname that is a village abroad is not home."""
    towns = [(m, e) for m, e in zip(mentions, entries) if e is not None and e.precision in ("city", "admin2")]
    for m, e in towns:
        if m.kind == "dateline":
            return e
    if not towns:
        return None
    countries = Counter(e.country for e in entries if e is not None and e.country)
    counts = Counter(e.geonameid for _, e in towns)
    return max((e for _, e in towns), key=lambda e: (countries[e.country], counts[e.geonameid]))


def list_siblings(mentions: list[Mention]) -> dict[int, list[int]]:
    """Mentions listed together ("Georgia, Oklahoma and Pennsylvania"): conjuncts of one another."""
    at = {m.span.root.i: i for i, m in enumerate(mentions)}
    out: dict[int, list[int]] = {}
    for i, m in enumerate(mentions):
        group = [at[t.i] for t in m.span.root.conjuncts if t.i in at]
        if group:
            out[i] = group
    return out


def best(m: Mention, cands: list[Entry], context: Counter, divisions: Counter,
         near: dict[str, str], around: list[Entry] = ()) -> Entry | None:
    if not cands:
        return None
    return max(cands, key=lambda e: score(m, e, context, divisions, near) + (
        _NEARBY if e.precision in ("city", "admin2") and any(km_between(e, a) < _NEARBY_KM for a in around) else 0.0))


def score(m: Mention, e: Entry, context: Counter, divisions: Counter, near: dict[str, str]) -> float:
    span = m.span
    s = _FEATURE_RANK.get(e.precision, 0.0) + math.log10(e.population + 1) / 2
    if primary(e, span.text):
        s += 1.5
    if e.country in context:
        s += 2.0
    if e.curated:
        s += 2.5
    if divisions and (e.country, e.admin1) in divisions and e.precision in ("city", "admin2"):
        s += 1.5
    if e.country in near:
        s += 2.0 + (1.0 if near[e.country] == e.precision else 0.0)
    cue = admin_cue(span)
    if cue and e.precision in ("admin1", "admin2"):
        s += 3.0
    if e.precision == "admin2" and span[-1].lower_ in ("county", "parish", "district", "borough"):
        s += 1.0
    if e.precision == "city" and not cue and e.population >= _BIG_CITY and primary(e, span.text):
        s += 1.0  # "New York", "Washington": the city more often than the state named after it
    if e.feature_code == "PPLC" and not cue:
        s += 2.0  # a national capital named bare is the capital
    if m.kind == "dateline" and e.precision == "city":
        s += 3.0
    return s


def resolve(ent: Span, gazetteer: Gazetteer, context: set[str]) -> Entry | None:
    """One mention on its own, given the countries of its article."""
    return best(Mention(ent, "entity"), candidates(ent, gazetteer), Counter(context), Counter(), {})


def containment_pairs(doc: Doc, mentions: list[Mention], hits: list[list[Entry]]) -> dict[int, Entry]:
    """'Atlanta, Georgia', 'Goma, North Kivu', 'Kut, Iraq', 'Mission Viejo, Calif.': a place
    followed by the division or country containing it. Both are resolved together, to the pair that
    fits. A country followed by a country is a list ("China, Japan"), not a pair, and so is a name
    that a list goes on after ("stops in Washington, New York and Boston"). A small town is paired
    only by its own name: the other names GeoNames gives villages are often a big city's."""
    chosen: dict[int, Entry] = {}
    text = doc.text  # spaCy rebuilds doc.text from its tokens on every access
    for i in range(len(mentions) - 1):
        place, container = mentions[i].span, mentions[i + 1].span
        if text[place.end_char:container.start_char].strip() not in (",", "in", "("):
            continue
        if i + 2 < len(mentions) and text[container.end_char:mentions[i + 2].span.start_char].strip() in ("and", "or"):
            continue
        inner, outer = hits[i], hits[i + 1]
        if any(a.precision == "country" and primary(a, place.text) for a in inner):
            continue
        inner = [a for a in inner if primary(a, place.text) or a.population >= _KNOWN_TOWN]
        fits = [(a, b) for a in inner for b in outer if a is not b and b.precision in ("admin1", "admin2", "country")
                and a.country == b.country and (b.precision == "country" or a.admin1 == b.name
                                                or (b.precision == "admin2" and a.precision == "city"
                                                    and km_between(a, b) < 60))]
        if fits:
            a, b = max(fits, key=lambda ab: (ab[1].precision != "country", primary(ab[0], place.text),
                                             _FEATURE_RANK.get(ab[0].precision, 0.0) + math.log10(ab[0].population + 1) / 2))
            chosen.setdefault(i, a)
            chosen[i + 1] = b
    return chosen


def to_place(ent: Span, entry: Entry | None) -> Place:
    span = (ent.start_char, ent.end_char)
    if entry is None:  # recognized but not in the gazetteer: keep the mention, invent nothing
        return Place(ent.text, span, None, None, None, None, None, None, None, None)
    return Place(ent.text, span, entry.name, entry.geonameid, round(entry.lat, 5), round(entry.lon, 5),
                 entry.country, entry.admin1, entry.feature_code, entry.precision)
