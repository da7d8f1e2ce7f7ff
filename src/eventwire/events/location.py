"""Where an event happened: the place attached to its clause, else the sentence's only place,
else the dateline; one place at most, and none rather than a wrong one."""

from __future__ import annotations

from spacy.tokens import Token

from ..model import Actor, Place
from ..sentences import Sentence
from .context import Context

# Prepositions that say where ("in X", "near X", "outside X").
LOCATIVE = ("in", "at", "near", "outside", "inside", "across", "throughout", "around", "along", "off", "on",
            "through", "within")


def place_of(ctx: Context, verb: Token, clause: Token, sentence: Sentence, kin: set[int],
             participants: list[Actor], code: str = "") -> tuple[Place | None, str | None]:
    """Where the event happened and on what basis ("clause", "sentence", "dateline"; None with no
    place); one place at most, and none rather than a wrong one:

    - "clause": a place attached to the event's own clause: by a locative preposition ("in",
      "near", "at", "outside"...), searching the phrase it heads ("in the town of X", "in X's Y
      district", "at a market in X"); for a physical act, its object ("shelled the city of X");
      failing those, the clause it continues ("X happened in Y, killing ...", "in Y, police shot
      and killed", "Y, where ... marched");
    - "sentence": the only resolved place in the verb's clause, else in the main clause, that is
      no one's origin or destination ("fled from X to Y"), not what a statement is about
      ("recognize X as the capital of Y") and not in another event's clause;
    - "dateline": the dateline city, when the sentence names no place at all.

    Never a place inside an actor's name ("the U.S. Army", "the Islamic State of Iraq"), nor the
    event's own source or target as the actor stage found them, except civilians ("Israel captured
    it from Jordan" did not happen in Jordan; "shelled the city of Donetsk" did happen there)."""
    # a participant the actor stage found; a target read off a place ("curfew in Abidjan") is not
    taken = [a.span for a in participants if a.sector != "CVL" and a.span in ctx.names]

    def named(place: Place) -> bool:  # "the U.S. Army", "the Islamic State of Iraq"
        return any(s <= place.span[0] and place.span[1] <= e and (s, e) != place.span for s, e in ctx.names)

    def free(place: Place) -> bool:
        return not named(place) and not any(s < place.span[1] and place.span[0] < e for s, e in taken)

    def not_named(place: Place) -> bool:
        return not named(place)

    physical = code[:2] in _PHYSICAL_ROOTS or code[:3] in _VISIT_CODES
    heads = [clause] if clause.i == verb.i else [clause, verb]
    for head in [*heads, *(ctx.doc[i] for i in sorted(kin - {verb.i}))]:
        place = clause_place(ctx, head, free, not_named if physical else None)
        if place is not None:
            return place, "clause"
    place = continued_place(ctx, verb, free)
    if place is not None:
        return place, "clause"
    # the verb's own places first, then those of the main clause and of coordinated verbs of the
    # same kind; "a place" is one only if it is the only one there
    for own in ({verb.i, clause.i}, {verb.i, clause.i, sentence.span.root.i, *kin}):
        in_sentence = {(p.geonameid, p.name): p for t in sentence.span
                       if (p := ctx.place_at.get(t.i)) is not None and governing_verb(t).i in own
                       and p.geonameid is not None and free(p) and not _directional(t)
                       and (physical or not _in_content(t))}
        if len(in_sentence) == 1:
            return next(iter(in_sentence.values())), "sentence"
        if in_sentence:
            break
    if ctx.dateline is not None and ctx.dateline.precision not in ("country", "region") and not any(
            t.i in ctx.place_at for t in sentence.span):
        return ctx.dateline, "dateline"  # nothing in the sentence names a place: the dateline city
    return None, None


# Roots of physical acts, done to what their object names: where the object is a place, the act
# happened there ("shelled Kharkiv", "captured the town of X", "blockaded Gaza", "patrolled X").
_PHYSICAL_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})
_VISIT_CODES = frozenset({"042", "043"})  # "visited Moscow"
# Prepositions of an event's circumstances, whose phrase may say where ("during clashes in X").
_CIRCUMSTANTIAL = frozenset({"during", "after", "amid", "following", "before"})
# Prepositions that name where something went or came from, not where it happened.
_DIRECTIONAL = frozenset({"from", "to", "into", "toward", "towards", "onto"})
# Links followed inside a noun phrase to the place it names, nearest first: "the town of X",
# "four villages: X, Y", "the X district", "X's Y district", a place of a place ("a market in X").
_NOUN_LINKS = ("appos", "compound", "poss", "nmod")
_SEARCH_DEPTH = 3


def clause_place(ctx: Context, head: Token, free, object_ok=None) -> Place | None:
    """The place attached to a verb's own clause: the most specific one named by the phrases its
    locative prepositions head ("In France, protesters marched through Strasbourg"), or, for a
    physical act (`object_ok` given), by its object ("shelled the city of X"); else one in a
    phrase inside those ("at a market in X", "attacked a convoy near X"). Coordinated and
    embedded clauses carry their own events and are not searched."""
    objects = [c for c in head.children if c.dep_ in ("dobj", "obj")] if object_ok is not None else []
    passive = [c for c in head.children if c.dep_ == "nsubjpass"] if object_ok is not None else []
    phrases = [pobj for c in head.children if c.dep_ == "prep" and c.lower_ in LOCATIVE
               for pobj in c.children if pobj.dep_ == "pobj"]
    # the object of a physical act names where it was done ("captured Irbil in northern Iraq");
    # a passive subject only when no preposition says where ("the base was struck")
    for group, ok in ((objects, object_ok), (phrases, free), (passive, object_ok)):
        found = [p for token in group for p in named_places(ctx, token, ok)]
        if found:
            return most_specific(found)
    # "killed during two days of fighting in X", "after clashes in X"
    around = [pobj for c in head.children if c.dep_ == "prep" and c.lower_ in _CIRCUMSTANTIAL
              for pobj in c.children if pobj.dep_ == "pobj"]
    for token in phrases + objects + passive + around:
        place = _nested_place(ctx, token, free, 0)
        if place is not None:
            return place
    return None


# How wide a place is: an event is located by the narrowest place its phrase names. A place the
# gazetteer lacks is usually a small one (a neighbourhood, a square, a village).
_WIDTH = {"point": 0, None: 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4, "region": 5}


def most_specific(places: list[Place]) -> Place:
    return min(places, key=lambda p: _WIDTH.get(p.precision, 1))  # min keeps the first of equals


def named_places(ctx: Context, token: Token, ok) -> list[Place]:
    """The places a noun phrase names itself, in order: the noun and what names or contains what
    it denotes ("the town of X", "the X district of Y", "X's Y neighbourhood", "villages: X, Y",
    "X, Y" in apposition). Phrases on the noun ("a shop in X") and clauses on it are not entered."""
    found, level, seen = [], [token], set()
    for _ in range(_SEARCH_DEPTH + 1):
        linked = []
        for t in level:
            place = ctx.place_at.get(t.i)
            if place is not None and ok(place) and id(place) not in seen:
                seen.add(id(place))
                found.append(place)
            linked += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj"]
            linked += [c for c in t.children if c.dep_ in _NOUN_LINKS]
            linked += [c for c in t.conjuncts if c.i > t.i]
        level = linked
        if not level:
            break
    return found


def phrase_place(ctx: Context, token: Token, ok, depth: int = 0) -> Place | None:
    """The place a noun phrase names (`named_places`, the narrowest), else the first one in a
    locative phrase on it ("a shop in X")."""
    found = named_places(ctx, token, ok)
    return most_specific(found) if found else _nested_place(ctx, token, ok, depth)


def _nested_place(ctx: Context, token: Token, ok, depth: int) -> Place | None:
    if depth >= _SEARCH_DEPTH:
        return None
    for child in token.children:
        if child.dep_ == "prep" and (child.lower_ in LOCATIVE or child.lower_ == "of"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    place = phrase_place(ctx, pobj, ok, depth + 1)
                    if place is not None:
                        return place
    return None


def continued_place(ctx: Context, verb: Token, free) -> Place | None:
    """An event with no place of its own continues a clause that has one: a participle on it
    ("blew himself up in X, killing 30"), a verb coordinated after a place put before both ("In
    X, police shot and killed two"), a relative clause on a place ("X, where they marched")."""
    token = verb
    for _ in range(3):
        if token.dep_ == "relcl" and any(c.lower_ == "where" for c in token.children):
            place = phrase_place(ctx, token.head, free)
            if place is not None:
                return place
        if token.head.i == token.i or token.head.pos_ not in ("VERB", "AUX"):
            return None
        head = token.head
        if token.dep_ == "conj":
            fronted = [c for c in head.children if c.dep_ == "prep" and c.i < head.i and c.lower_ in LOCATIVE]
            for prep in fronted:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and (place := phrase_place(ctx, pobj, free)) is not None:
                        return place
        elif token.dep_ == "advcl" and token.tag_ == "VBG" and _own_subject_child(token) is None:
            place = clause_place(ctx, head, free)
            if place is not None:
                return place
        else:
            return None
        token = head
    return None


def _own_subject_child(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)


def _in_content(token: Token) -> bool:
    """A place in what a statement or decision is about ("recognize Jerusalem as the capital of
    Israel", "condemned the siege of X") is not where it was made."""
    for _ in range(8):
        if token.head.i == token.i or token.pos_ in ("VERB", "AUX"):
            return False
        if token.dep_ == "prep" and token.lower_ in LOCATIVE:
            return False  # where the thing is: "met envoys in X"
        if token.dep_ in ("dobj", "obj", "dative", "attr", "oprd") or (token.dep_ == "prep" and token.lower_ == "as"):
            return True
        token = token.head
    return False


def _directional(token: Token) -> bool:
    """A place named as where something went or came from ("fled from X to Y", "marched from
    the parliament in X to the town of Y")."""
    for _ in range(8):
        if token.head.i == token.i or token.pos_ in ("VERB", "AUX"):
            return False
        if token.dep_ == "prep" and token.lower_ in _DIRECTIONAL:
            return True
        token = token.head
    return False


def governing_verb(token: Token) -> Token:
    """The verb whose clause a word sits in: a place in another event's clause is that event's."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token
