"""Where an event happened: the place attached to its clause, else the sentence's only place,
else the dateline; one place at most, and none rather than a wrong one."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..model import Actor, Place
from ..places.gazetteer import km_between, load_gazetteer
from ..sentences import Sentence
from .context import PERSONAL_PRONOUNS, VIOLENT_ROOTS, Context, role_noun
from .lexicon import PLACE_NOUNS, load_lexicon, placelike

# Prepositions that say where ("in X", "near X", "outside X", "the skies above X").
_LOCATIVE = ("in", "at", "near", "outside", "inside", "across", "throughout", "around", "along", "off", "on",
            "through", "within", "under", "beneath", "behind", "beyond", "above", "below", "among")
# Verbs of going and sending: their event is where they go.
_MOVEMENTS = frozenset({"travel", "fly", "go", "come", "march", "walk", "send", "dispatch", "deploy", "redeploy",
                        "move", "head", "return", "sail", "drive", "rush", "airlift", "ship", "parade", "trek"})
# Verbs of throwing and firing: what they send lands where the act does its harm.
_HURLING = frozenset({"throw", "hurl", "lob", "toss", "fire", "launch", "shoot", "ram", "plough", "plow", "crash",
                      "smash", "slam"})
# Verbs of taking someone or something away: where it was taken from is where it happened
# ("abducted 30 worshippers from a church in X", "arrested from his home in X"); not "captured the
# town from rebels", a change of hands.
_TAKING_AWAY = frozenset({"abduct", "kidnap", "snatch", "steal", "loot", "rob", "arrest", "detain", "rescue",
                          "evacuate", "grab"})
# Verbs of leaving ground: where forces withdrew from is where the withdrawal happened.
_LEAVING = frozenset({"withdraw", "retreat", "pull"})
# "Over" says where for what is done in the air ("shot down over Nicaragua", "patrolling over
# northern Iraq"); elsewhere it says what about ("clashed over Kashmir", "talks over Cyprus").
_AERIAL_VERBS = frozenset({"shoot", "fly", "patrol", "bomb", "drop", "intercept", "crash", "down", "overfly"})


def place_of(ctx: Context, verb: Token, clause: Token, sentence: Sentence, kin: set[int],
             participants: list[Actor], code: str = "", event_noun: Token | None = None
             ) -> tuple[Place | None, str | None]:
    """Where the event happened and on what basis ("clause", "sentence", "dateline"; None with no
    place); one place at most, and none rather than a wrong one:

    - "clause": a place attached to the event's own clause: by a locative preposition ("in",
      "near", "at", "outside"...), searching the phrase it heads ("in the town of X", "in X's Y
      district", "at a market in X"); for a physical act, its object ("shelled the city of X");
      failing those, the clause it continues ("X happened in Y, killing ...", "in Y, police shot
      and killed", "Y, where ... marched"), what was going on when it happened ("shot while
      driving through Y") and where its doer was ("militants in Y killed"); a place named only
      as a reference point ("Z, 40 km north of Y") comes last;
    - "sentence": the only resolved place in the verb's clause, else in the main clause, else
      (for violence) in a clause right after it that tells how it happened, that is no one's
      origin or destination ("fled from X to Y"), not what a statement is about
      ("recognize X as the capital of Y") and not in another event's clause;
    - "dateline": the dateline city, when the sentence names no place at all.

    Never a place inside an actor's name ("the U.S. Army", "the Islamic State of Iraq"), nor the
    event's own source or target as the actor stage found them, except civilians, and except in
    a physical act's own clause, which happens where its target is ("Israel captured it from
    Jordan" did not happen in Jordan; "shelled the city of Donetsk" and "launched an assault on
    the airport" did happen there)."""
    # a participant the actor stage found; a target read off a place ("curfew in Abidjan") is not
    taken = [a.span for a in participants if a.sector != "CVL" and a.span in ctx.names]

    def named(place: Place) -> bool:
        return _in_a_name(ctx, place)

    physical = code[:2] in _PHYSICAL_ROOTS or code[:3] in _VISIT_CODES

    def free(place: Place) -> bool:
        return not named(place) and not any(s < place.span[1] and place.span[0] < e for s, e in taken)

    def here(place: Place) -> bool:
        # a physical act happens where its target is ("launched an assault on the airport",
        # "strikes on Aleppo"), so only a name rules a place out of its own phrases
        return not named(place)

    landmarks = ctx.landmarks
    # a reference point ("Iskandariyah, south of Baghdad", "40 km from X") only when nothing
    # else is attached to the clause
    clause_free = here if physical else free
    for near in ((False, True) if landmarks else (True,)):
        ok = clause_free if near else (lambda p: clause_free(p) and p.span not in landmarks)
        object_ok = None
        if physical:  # what an arrest, abduction or assassination takes is a person, whatever its name
            object_ok = (lambda p: not named(p) and (near or p.span not in landmarks)
                         and code[:3] not in _PERSON_OBJECT_CODES)
        place = attached_place(ctx, verb, clause, kin, ok, object_ok, event_noun)
        if place is not None:
            return _narrower_inside(ctx, clause, place, ok), "clause"
    # the verb's own places first, then those of the main clause and of coordinated verbs of the
    # same kind; "a place" is one only if it is the only one there. A country not attached to the
    # event's clause is most often whose or what it is about ("Russia warned", "a man of
    # Britain"), not where: only a town, district or province is taken this loosely.
    tiers = [{verb.i, clause.i}, {verb.i, clause.i, sentence.span.root.i, *kin}]
    if code[:2] in VIOLENT_ROOTS:  # "killed when his convoy was hit by a bomb near X"
        tiers.append({verb.i, clause.i, *kin, *_how_it_happened(verb), *_how_it_happened(clause)})
    for own in tiers:
        in_sentence = _sentence_places(ctx, sentence, own, lambda t, p: (
            (p.geonameid is not None or _unknown_but_placed(t, p)) and p.precision != "country" and free(p)
            and not _directional(t)
            and not _owner(ctx, t, t.head)
            and not names_an_episode(t)
            and (physical or not _in_content(t))))
        if len(in_sentence) > 1:
            in_sentence = [p for p in in_sentence if p.span not in landmarks] or in_sentence
            in_sentence = _narrowest(ctx, in_sentence, landmarks)
        if len(in_sentence) == 1:
            return in_sentence[0], "sentence"
        if in_sentence:
            break
    if ctx.dateline is not None and ctx.dateline.precision not in ("country", "region") and not any(
            t.i in ctx.place_at for t in sentence.span):
        return ctx.dateline, "dateline"  # nothing in the sentence names a place: the dateline city
    return None, None


def _narrowest(ctx: Context, places: list[Place], landmarks) -> list[Place]:
    """A province or district around another place named is where that place is, not a second
    place ("near Djibo (Soum, Sahel)", "in Kut, in Wasit province"). Not when places are
    coordinated ("in X and Y" are two) nor when what is left is a reference point ("50 km north
    of X in Y state")."""
    kept = [p for p in places if not any(_within(q, p) and not _coordinated(ctx, p, q) for q in places)]
    return places if any(p.span in landmarks for p in kept) else kept


def _coordinated(ctx: Context, a: Place, b: Place) -> bool:
    """Whether two places are named as conjuncts ("in Vista Hermosa and San Juan de Arama")."""
    words_a, words_b = _words(ctx, a), _words(ctx, b)
    if words_a is None or words_b is None:
        return False
    return any(t.i in range(words_b.start, words_b.end) for t in words_a.root.conjuncts)


def _how_it_happened(verb: Token) -> set[int]:
    """The verbs of a clause right after an act that tells what was going on when it happened,
    and of the clauses inside it ("killed when his convoy was hit by a bomb near X", "wounded
    after their convoy came under fire from militants hiding near X", "killed after being shot
    in X"). One put first sets the scene ("As fans celebrated in X, ..."), and what a statement
    says or a coordinated clause tells is another matter."""
    found: set[int] = set()
    stack = [c for c in _simultaneous_clauses(verb) if c.i > verb.i]
    # the same told with a gerund: "killed after being shot in X", "shot after opening fire in X"
    stack += [g for p in verb.children if p.dep_ == "prep" and p.i > verb.i and p.lower_ in _WHILE_DOING
              and not any(c.dep_ == "npadvmod" for c in p.children)  # not "six months after"
              for g in p.children if g.dep_ == "pcomp" and g.pos_ in ("VERB", "AUX")]
    while stack:
        token = stack.pop()
        if token.pos_ in ("VERB", "AUX"):
            found.add(token.i)
        stack += [c for c in token.children if c.dep_ not in _APART]
    return found


# Links to clauses that tell of something else: what was said, a clause beside it, another act.
_APART = frozenset({"ccomp", "parataxis", "csubj", "conj"})


def _narrower_inside(ctx: Context, clause: Token, place: Place, ok) -> Place:
    """A wide place the clause gives ("across Iraq", "in Kupwara district") yields to a narrower
    one inside it that the same clause names deeper down ("shot an officer walking near his
    home in Mosul", "targeting a vehicle at Handwara town"). Not from a clause with a subject of
    its own, a statement's content or a relative clause (another act, or biography), nor where
    something went or came from."""
    rural = _countryside(ctx, place)
    if _WIDTH.get(place.precision, 0) < _WIDTH["admin2"] and not rural:
        return place
    inside = []
    stack = [clause]
    while stack:
        token = stack.pop()
        found = ctx.place_at.get(token.i)
        if found is not None and found is not place and ok(found) and not _container_of_a_part(ctx, token) and (
                _within(found, place) or (rural and _around(found, place))):
            inside.append(found)
        stack += [c for c in token.children if c.dep_ not in _OTHER_ACTS
                  and not (c.dep_ == "prep" and c.lower_ in _ELSEWHERE)]
    return most_specific(inside) if inside else place


def _words(ctx: Context, place: Place) -> Span | None:
    """The words that name a place."""
    return ctx.doc.char_span(*place.span, alignment_mode="expand")


def _countryside(ctx: Context, place: Place) -> bool:
    """A town named for the country around it ("in the east Hama countryside", "the Aleppo
    countryside"): wider than the town."""
    words = _words(ctx, place)
    return words is not None and words.root.head.lemma_.lower() in _COUNTRY_AROUND


_COUNTRY_AROUND = frozenset({"countryside", "outskirts", "environs", "hinterland", "suburbs", "periphery"})


def _around(inner: Place, town: Place) -> bool:
    """A place in the country around a town: a village or site near it, or one the gazetteer
    lacks (named in the same clause, it is there)."""
    if inner.geonameid is None:
        return True
    return (_WIDTH.get(inner.precision, 0) <= _WIDTH["city"] and None not in (inner.lat, town.lat)
            and inner.geonameid != town.geonameid and km_between(inner, town) <= _REACH_KM["admin2"])


def _container_of_a_part(ctx: Context, token: Token) -> bool:
    """'Damascus' in "the East Ghouta region of rural Damascus": what a named part is of is wider
    than it ("the area of Lugansk" names no part: Lugansk is the area)."""
    if token.dep_ != "pobj" or token.head.lower_ != "of" or token.head.head.lemma_.lower() not in _PARTS:
        return False
    return any(c.dep_ in ("compound", "amod") and c.i in ctx.place_at for c in token.head.head.children)


# Parts of a clause that tell of other acts or people, not of where this act was: coordinated
# and subordinate clauses (events of their own), statements, relative clauses, and the subject
# (where a person comes from).
_OTHER_ACTS = frozenset({"ccomp", "parataxis", "relcl", "csubj", "csubjpass", "conj", "advcl", "nsubj", "nsubjpass"})
# Prepositions whose phrase is not where an act was: where it went or came from, or examples of
# a wider whole ("towns in X, including Y").
_ELSEWHERE = frozenset({"from", "to", "into", "toward", "towards", "onto", "including", "like", "as", "such",
                        "besides", "except", "unlike"})


def _within(inner: Place, outer: Place) -> bool:
    """Whether a place lies inside a wider one: a town in its country or province, or near the
    point of a district or region (within the reach of one)."""
    if _WIDTH.get(inner.precision, 0) >= _WIDTH.get(outer.precision, 0) or inner.country != outer.country:
        return False
    if outer.precision == "country":
        return inner.country is not None
    if outer.precision == "admin1":
        return inner.admin1 is not None and inner.admin1 == outer.admin1
    if None in (inner.lat, outer.lat):
        return False
    return km_between(inner, outer) <= (_REACH_KM["admin2"] if outer.precision == "admin2" else _REACH_KM["region"])


# How far from the point of a district or a region a place may lie and still be inside it.
_REACH_KM = {"admin2": 60.0, "region": 300.0}


def _sentence_places(ctx: Context, sentence: Sentence, own: set[int], keep) -> list[Place]:
    """The distinct places in the clauses of the verbs `own`, one per noun phrase: "the Tijuana
    district of La Presa" and "Izmir, Turkey's third-largest city" each name one place, the
    narrowest."""
    phrases: dict[int, list[Place]] = {}
    for i in range(sentence.span.start, sentence.span.end):  # indexes: a token is built on each read
        place = ctx.place_at.get(i)
        if place is None:
            continue
        t = ctx.doc[i]
        if governing_verb(t).i in own and keep(t, place):
            phrases.setdefault(_phrase_top(t).i, []).append(place)
    distinct = {(p.geonameid, p.name or p.text): p for p in (most_specific(group) for group in phrases.values())}
    return list(distinct.values())


def _unknown_but_placed(token: Token, place: Place) -> bool:
    """A name the gazetteer does not know counts as the sentence's place only where a locative
    preposition or a word for a settlement puts it ("clashes in Khan Touman", "near the village of
    Rangae", "attacked Gwer village"): bare, such names are as often people's or groups'."""
    top = _phrase_top(token)
    return place.precision is None and (
        (top.dep_ == "pobj" and top.head.lower_ in _WHERE_ONE_IS) or top.lemma_.lower() in PLACE_NOUNS)


def _phrase_top(token: Token) -> Token:
    """The head of the noun phrase a word names part of ("X district of Y", "Y, X's capital")."""
    for _ in range(8):
        if token.dep_ in ("appos", "compound", "poss", "nmod") and token.head.i != token.i:
            token = token.head
        elif token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in ("NOUN", "PROPN"):
            token = token.head.head
        else:
            break
    return token


def attached_place(ctx: Context, verb: Token, clause: Token, kin: set[int], ok, object_ok,
                   event_noun: Token | None = None) -> Place | None:
    """A place attached to the event's clause, in order: its own phrases (and those of verbs
    coordinated with it that describe the same incident, or that carry its object: "captured
    and disarmed 40 troops in X", "were killed and others wounded in X"); the clause it
    continues; a clause saying what was going on when it happened ("was shot while riding his
    motorbike in X"); for a physical act, where its doer or its victim was ("militants in Sinai
    killed", "killed by rebels in X", "shot an officer walking near his home in X")."""
    heads = [clause] if clause.i == verb.i else [clause, verb]
    partners = [*(ctx.doc[i] for i in sorted(kin - {verb.i})), *sharing_objects(verb), *_elliptic_partners(verb),
                *_means(verb)]
    for head in [*heads, *partners]:
        place = clause_place(ctx, head, ok, object_ok)
        if place is not None:
            return place
    # the noun that names the event, after a preposition: "took to the streets of X"
    if event_noun is not None and event_noun.dep_ == "pobj":
        place = phrase_place(ctx, event_noun, ok)
        if place is not None:
            return place
    if object_ok is not None:
        # a physical act's consequence told by a participle: "detonated a bomb, killing three
        # soldiers in X"; its phrases, not its object (the victims)
        for result in (c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG"
                       and c.i > verb.i and _own_subject_child(c) is None):
            place = clause_place(ctx, result, ok) or next(  # "killing three soldiers in X"
                (p for o in result.children if o.dep_ in ("dobj", "obj")
                 if (p := _nested_place(ctx, o, ok, 0)) is not None), None)
            if place is not None:
                return place
    for head in [verb, *partners]:
        # of a clause of what was going on, where it was, not what was done ("as they shelled X")
        place = continued_place(ctx, head, ok, object_ok) or next(
            (p for c in _simultaneous_clauses(head)
             if (p := clause_place(ctx, c, ok, object_ok if _physical_verb(c) else None)) is not None), None)
        if place is not None:
            return place
    return _participant_place(ctx, clause, ok, object_ok) if object_ok is not None else None


def _means(verb: Token) -> list[Token]:
    """'began the assault by storming positions near X', 'protested by sitting in X's park': the
    act the event was done by is the event itself, and where it was done is where the event was."""
    return [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"
            for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]


def _elliptic_partners(verb: Token) -> list[Token]:
    """'Two were killed and several others wounded in X': the participle of an elliptic clause
    coordinated with the verb."""
    return [v for c in verb.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PRON", "NUM")
            for v in c.children if v.dep_ == "acl" and v.tag_ == "VBN"]


def _in_a_name(ctx: Context, place: Place) -> bool:
    """A place that only modifies an actor's or organization's name ("the U.S. Army", "the
    Islamic State of Iraq"); not one that heads the name, nor one in the name of a site ("a West
    Bank refugee camp"), nor in a date misjoined to it ("captured Kabul September 27")."""
    for s, e in ctx.names:
        if s <= place.span[0] and place.span[1] <= e and (s, e) != place.span:
            name = ctx.doc.char_span(s, e, alignment_mode="expand")
            if name is None:
                return True
            root = name.root
            if place.span[0] <= root.idx < place.span[1] or root.ent_type_ in ("DATE", "TIME"):
                continue
            if root.lemma_.lower() in _SITES:  # "a West Bank refugee camp" is in the West Bank
                continue
            if "(" in ctx.doc.text[s:place.span[0]]:  # "Bardere (Gedo": a division in brackets,
                continue  # which the tagger ran into one name with the town before it
            if _local_modifier(ctx, place, root):  # "a Baghdad restaurant" is in Baghdad
                continue
            return True
    return False


# Sectors of those who govern a place: "the Kabul government" is an actor, not a place.
_AUTHORITIES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "ELI", "PTY"})


def _local_modifier(ctx: Context, place: Place, root: Token) -> bool:
    """A town or city put before a noun says where the thing is ("a Mogadishu cafe", "a Tel Aviv
    nightclub"); a country there says whose it is ("a U.S. military vehicle")."""
    if place.precision not in ("city", "admin2", "point"):
        return False
    words = _words(ctx, place)
    actor = ctx.actor_at.get(root.i)
    return words is not None and words.root.dep_ == "compound" and words.root.head.i == root.i and (
        actor is None or actor.sector not in _AUTHORITIES)

# Nouns of settlements and sites: a name headed by one describes where something is.
_SITES = frozenset({"camp", "village", "town", "city", "capital", "district", "area", "neighborhood", "neighbourhood",
                    "suburb", "province", "region", "market", "street", "road", "highway", "township",
                    "battlefield", "front", "frontline", "border", "territory", "soil", "coast", "waters",
                    "airspace", "countryside", "sky", "skies", "coastline", "installation", "oilfield", "port"})


def sharing_objects(verb: Token) -> list[Token]:
    """'captured and disarmed 40 troops in X', 'shot and killed a man in X': a verb with no object
    of its own shares its coordinated verb's object and phrases."""
    if _own_object(verb):
        return []
    return [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and _own_subject_child(c) is None]


# Subordinators of a clause that tells what was going on when the event happened.
_MEANWHILE = frozenset({"when", "while", "as", "after"})
# ... and the prepositions that tell the same with a gerund ("killed after being shot in X").
_WHILE_DOING = _MEANWHILE | {"during"}


def _simultaneous_clauses(verb: Token) -> list[Token]:
    """'killed when gunmen attacked a group in X', 'shot while he drove through X', 'shot dead
    after assailants stopped his car in X'. An "after" clause counts only right behind the
    event: one put first sets the scene ("After the match in X, ...") and one measured off ("six
    months after ...") is another incident."""
    return [c for c in verb.children if c.dep_ == "advcl" and c.pos_ in ("VERB", "AUX")
            and any(m.dep_ in ("mark", "advmod") and m.lower_ in _MEANWHILE and (
                m.lower_ != "after" or (c.i > verb.i and not _measured(m, c))) for m in c.children)
            ] + _when_on_its_time(verb)


def _when_on_its_time(verb: Token) -> list[Token]:
    """'were killed Monday when rebels detonated a bomb in X', 'killed on Thursday afternoon when
    guards opened fire in X': the parser hangs the "when" clause on the day, as a relative
    clause; it still tells what was going on when the act happened."""
    times = [t for c in verb.children if c.i > verb.i
             for t in (c, *(g for g in c.children if g.dep_ == "pobj")) if t.ent_type_ in ("DATE", "TIME")]
    return [r for t in times for r in t.subtree if r.dep_ == "relcl" and r.pos_ in ("VERB", "AUX")
            and any(m.dep_ == "advmod" and m.lower_ == "when" for m in r.children)]


def _physical_verb(verb: Token) -> bool:
    """Whether a clause's verb is a physical act or a passing, whose object is where it was done
    ("when gunmen attacked a village", "as he left a mosque in X"); what another verb takes is
    not ("after Iraq defeated South Korea")."""
    if verb.lemma_.lower() in _PASSING:
        return True  # "shot as he left his home in X": where the victim was
    match = load_lexicon().match_verb(verb)
    return match is not None and match.rule.cameo is not None and match.rule.cameo[:2] in _PHYSICAL_ROOTS


# Verbs of passing through or by a place: their object is where someone was at the time.
_PASSING = frozenset({"leave", "enter", "pass", "exit", "visit", "approach", "cross", "reach", "take", "ride",
                      "board", "tour", "drive", "walk", "patrol"})


def _measured(marker: Token, clause: Token) -> bool:
    """'six months after ...': a distance in time, on the marker or on its clause; a day named
    in the clause only dates it ("after a bomber attacked a court in X Friday")."""
    return any(True for _ in marker.children) or any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in _TIME_UNITS for c in clause.children)


_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "moment", "while"})


def _participant_place(ctx: Context, clause: Token, ok, object_ok) -> Place | None:
    """Where the doer or the victim of a physical act was: where an attack that did it was ("a
    wave of attacks across X killed"), a locative phrase on its subject or on a passive's agent
    ("police in Ireland raided", "were killed by rebels in X"), the place a victim is of
    ("Mexico's police chief was shot"), or a participle on its object ("shot an officer walking
    near his home in X"). Only for physical acts: a statement's maker is often elsewhere
    ("officials in X said")."""
    people = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    people += [pobj for c in clause.children if c.dep_ == "agent" for pobj in c.children if pobj.dep_ == "pobj"]
    # an attack that did it is where it was ("a wave of attacks across Iraq killed 30")
    for doer in (p for p in people if p.dep_ in ("nsubj", "pobj") and an_attack(p)):
        place = _nested_place(ctx, doer, ok, 0)
        if place is not None:
            return place
    for person in people:
        for prep in (c for c in person.children if c.dep_ == "prep" and c.lower_ in _WHERE_ONE_IS):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                place = phrase_place(ctx, pobj, ok)
                if place is not None:
                    return place
        # the doer described by a participle: "a bomb targeting a market in X", "a roadside
        # bomb aimed at a convoy in X", "a device planted in the town of X"
        # or by a relative clause: "gunmen who were hiding in bushes near X"
        # a victim's relative clause is biography ("who was born in X") unless it tells what they
        # were doing then ("insurgents who were preparing an ambush near X were killed")
        doer = person.dep_ != "nsubjpass"
        for described in (c for c in person.children if (c.dep_ == "acl" and c.tag_ in ("VBN", "VBG"))
                          or (c.dep_ == "relcl" and ((doer and not _own_object(c)) or ongoing(c)))):
            aimed = described.lemma_.lower() in _AIMING or ongoing(described)  # its object is where it was
            place = clause_place(ctx, described, ok, object_ok if aimed else None)
            if place is not None:
                return place
    # a victim who is a place's ("Mexico's police chief was shot", "killed Kabul's mayor"): in
    # that place, when nothing else says where
    victims = [c for c in clause.children if c.dep_ in ("dobj", "obj", "nsubjpass") and person_word(c)
               and c.lemma_.lower() not in _INSTITUTIONS]  # "Australia's embassy in X" is abroad
    owned = [place for v in victims for c in v.children if c.dep_ == "poss"
             if (place := ctx.place_at.get(c.i)) is not None]  # the victim's name holds it: no `ok`
    if owned:
        return owned[0]
    # the victim as a participle describes them: "an officer walking near his home in X",
    # "militiamen stationed in X"
    for victim in _victims(clause):
        for doing in (c for c in victim.children if (c.dep_ == "acl" and (c.tag_ == "VBG" or (
                c.tag_ == "VBN" and c.lemma_.lower() not in _RECORD))) or (c.dep_ == "relcl" and ongoing(c))):
            place = clause_place(ctx, doing, ok, object_ok if ongoing(doing) else None) or _doing_there(ctx, doing, ok)
            if place is not None:
                return place
    return None


def _doing_there(ctx: Context, doing: Token, ok) -> Place | None:
    """Where what people were doing was: "protesters blocking the road in X"."""
    if doing.tag_ != "VBG":
        return None
    return next((p for o in doing.children if o.dep_ in ("dobj", "obj")
                 if (p := _where_one_is(ctx, o, ok, 0)) is not None), None)


def _victims(clause: Token) -> list[Token]:
    """Whom a physical act was done to: its object, and the people it was aimed at ("fired at
    protesters", "opened fire on worshippers") or its purpose was done to ("fired tear gas to
    disperse protesters"); not what a protest was about ("marched to protest a ruling")."""
    objects = [c for c in clause.children if c.dep_ in ("dobj", "obj")]
    aimed_at = [g for h in (clause, *objects) for g in prep_nouns(h, ("at", "on", "upon"))]
    purpose = [o for x in clause.children if x.dep_ in ("xcomp", "advcl") and x.tag_ == "VB"
               and any(a.lower_ == "to" for a in x.children if a.dep_ == "aux")
               for o in x.children if o.dep_ in ("dobj", "obj")]
    return [*objects, *(p for p in (*aimed_at, *purpose) if person_word(p))]


def an_attack(noun: Token) -> bool:
    """A noun for a violent event, or a run of them ("a wave of attacks", "a series of blasts")."""
    lexicon = load_lexicon()
    for word in (noun, *(g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj")):
        code = next((code for _, code in lexicon.noun_codes(word)), None)
        if code is not None and code[:2] in VIOLENT_ROOTS:
            return True
    return False


# Participles that tell a person's record, not where they are ("suspects involved in the
# abduction of X", "a man wanted in X").
_RECORD = frozenset({"involve", "accuse", "bear", "want", "suspect", "link", "convict", "charge", "implicate",
                     "sentence", "indict", "seek"})
# Verbs whose object is what a device or a force was aimed at ("a bomb targeting the town of X").
_AIMING = frozenset({"target", "aim", "hit", "strike"})
# Prepositions that say where someone is ("militants in X"), not where they come from ("of X").
_WHERE_ONE_IS = frozenset({"in", "at", "near", "inside", "outside", "around"})


# Words that make the place after them a reference point: "north of X", "40 km from X".
_BEARINGS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                       "north-east", "north-west", "south-east", "south-west"})
_DISTANCES = frozenset({"km", "kilometer", "kilometre", "mile", "kms", "metre", "meter", "yard"})


def landmarks_of(doc: Doc, place_at: dict[int, Place]) -> frozenset[tuple[int, int]]:
    """The spans of places named only as reference points ("Iskandariyah, south of Baghdad",
    "a checkpoint 20 km from X")."""
    return frozenset(place.span for i, place in place_at.items() if _bearing_of(doc[i]))


def _bearing_of(token: Token) -> bool:
    for _ in range(8):
        if token.dep_ in ("appos", "poss", "compound", "conj") and token.head.i != token.i:
            token = token.head  # "north of Accra, the capital"
        elif token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in PLACE_NOUNS:
            token = token.head.head  # "north of the mining town of X"
        else:
            break
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("of", "from"):
        return False
    anchor = prep.head
    if anchor.lower_ in _BEARINGS:  # "north of X", but "the north of X" is part of X
        return not any(c.dep_ in ("det", "poss") for c in anchor.children)
    # "40 km north of X", "20 miles from X" (the distance may hang on the verb beside "from")
    return anchor.lemma_.lower() in _DISTANCES or (
        prep.lower_ == "from" and any(c.lemma_.lower() in _DISTANCES for c in anchor.children if c.i < prep.i))


# Codes of acts done to a person (arrest, expulsion, abduction, physical assault, assassination):
# their object is never where they happened, even when the gazetteer knows the name ("captured
# Ocalan in Kenya").
_PERSON_OBJECT_CODES = frozenset({"173", "174", "181", "182", "185", "186"})
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


def prep_nouns(token: Token, preps) -> list[Token]:
    """The nouns of the word's prepositional phrases headed by these prepositions."""
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children if g.dep_ == "pobj"]


def clause_place(ctx: Context, head: Token, free, object_ok=None) -> Place | None:
    """The place attached to a verb's own clause: the most specific one named by the phrases its
    locative prepositions head ("In France, protesters marched through Strasbourg"), or, for a
    physical act (`object_ok` given), by its object ("shelled the city of X"); else one in a
    phrase inside those ("at a market in X", "attacked a convoy near X"). Coordinated and
    embedded clauses carry their own events and are not searched."""
    objects = [c for c in head.children if c.dep_ in ("dobj", "obj")] if object_ok is not None else []
    if any(o.lemma_.lower() == "fire" for o in objects):  # "set fire to a polling station in X"
        objects += [g for h in (head, *objects) for g in prep_nouns(h, ("to",))]
    # a passive subject that is a thing ("the base was struck"), not a person ("a member of the
    # Puntland parliament was shot": what the person belongs to is not where)
    passive = [c for c in head.children if c.dep_ == "nsubjpass" and (c.i in ctx.place_at or not person_word(c))] \
        if object_ok is not None else []
    lemma = head.lemma_.lower()
    aerial = lemma in _AERIAL_VERBS
    preps = _LOCATIVE + ("over",) if aerial else _LOCATIVE
    if lemma in _TAKING_AWAY or (lemma in _LEAVING and not prep_nouns(head, ("to", "toward", "towards", "into"))):
        preps += ("from",)  # a withdrawal "from X to Y" is a move between two places, no one place
    phrases = prep_nouns(head, preps)
    if aerial:  # "shot down a helicopter over southern Colombia": on the object, where it flew
        phrases += [g for o in head.children if o.dep_ in ("dobj", "obj") for g in prep_nouns(o, ("over",))]
    # a march, a visit or a deployment happens where it goes ("marched to the embassy in X",
    # "travelled to Tehran", "sent reinforcements to X"), when no phrase says where it was; what
    # is thrown or fired lands where it does harm ("threw a grenade into a bar in X")
    ends = [*(prep_nouns(head, ("to", "into")) if lemma in _MOVEMENTS else ()),
            *(prep_nouns(head, ("into", "onto")) if lemma in _HURLING else ())]
    # "next to X", "close to X": where, though "to" alone says where something went
    phrases += [g for adv in head.children if adv.dep_ == "advmod" and adv.lower_ in ("next", "close")
                for g in prep_nouns(adv, ("to",))]
    # the object of a physical act names where it was done ("captured Irbil in northern Iraq");
    # a passive subject only when no preposition says where ("the base was struck")
    # (a destination may be the target too: "deployed missiles to Syria")
    # a person's country is where they are from ("killed Peter Blake of New Zealand")
    people = {o.i for o in objects if person_word(o)}

    def native(token: Token, place: Place) -> bool:
        if token.i not in people or place.precision != "country":
            return False
        words = _words(ctx, place)
        return words is not None and words.root.head.lower_ == "of" and words.root.head.head.i == token.i

    for group, ok in ((objects, object_ok), (phrases, free), (ends, object_ok or free), (passive, object_ok)):
        found = [p for token in group for p in named_places(ctx, token, ok) if not native(token, p)]
        if found:
            return _town_of_a_building(ctx, most_specific(found), found, group, ok)
    # "killed during two days of fighting in X", "after clashes in X"; and what it was done with,
    # where the parser hangs the place on the weapon ("killed 12 civilians with machetes in X")
    # (not "with a colleague", nor "the border with X")
    around = [*prep_nouns(head, _CIRCUMSTANTIAL),
              *(g for h in (head, *objects) for g in prep_nouns(h, ("with",))
                if g.i > head.i and not person_word(g) and not placelike(g))]
    for token in (t for group in (phrases, objects, ends, passive, around) for head in group
                  for t in (head, *head.conjuncts)):  # "shot a policeman and a boy in X"
        place = _nested_place(ctx, token, lambda p, t=token: free(p) and not native(t, p), 0)
        if place is not None:
            return place
    # where the doer of a passive was: "was hit by a roadside bomb near X", "hired by forces in X"
    return next((p for c in head.children if c.dep_ == "agent" for pobj in c.children if pobj.dep_ == "pobj"
                 if (p := _where_one_is(ctx, pobj, free, 0)) is not None), None)


def _town_of_a_building(ctx: Context, place: Place, found: list[Place], group: list[Token], ok) -> Place:
    """A building or compound ("outside the US consulate in Sao Paulo", "at the Green Zone in
    Baghdad") yields to the town the phrase puts it in, the place a map shows (the gazetteer
    at best gives the building its town's point); a neighbourhood or a village keeps its own
    name."""
    if not _building(ctx, place):
        return place
    towns = [p for p in found if p is not place and not _building(ctx, p)] or [
        p for token in group for g in prep_nouns(token, ("in", "at")) if (p := phrase_place(ctx, g, ok)) is not None]
    # only the town whose point the building took, or any town for a building left unresolved: a
    # base or an airport the gazetteer knows by its own name keeps it
    towns = [p for p in towns if p.geonameid is not None and place.geonameid in (None, p.geonameid)]
    return most_specific(towns) if towns else place


# Words that head the name of a building or a compound, not of a settlement.
_BUILDING_WORDS = frozenset({"embassy", "consulate", "theater", "theatre", "hospital", "mosque", "church", "temple",
                             "hotel", "school", "university", "college", "prison", "jail", "stadium", "zone", "palace",
                             "building", "tower", "square", "station", "airport", "base", "court", "parliament",
                             "ministry", "headquarters", "market", "bazaar", "mall", "center", "centre", "office",
                             "academy", "bank", "cathedral", "shrine"})


def _building(ctx: Context, place: Place) -> bool:
    words = _words(ctx, place)
    return words is not None and (words.root.ent_type_ == "FAC" or words[-1].lemma_.lower() in _BUILDING_WORDS)


# How wide a place is: an event is located by the narrowest place its phrase names. A place the
# gazetteer lacks is usually a small one (a neighbourhood, a square, a village).
_WIDTH = {"point": 0, None: 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4, "region": 5}


# Nouns for a person that name no sector, so the actor stage has no role for them.
_PERSON_NOUNS = frozenset({"member", "man", "woman", "boy", "girl", "child", "person", "son", "daughter", "father",
                           "mother", "brother", "sister", "wife", "husband", "head", "chief", "director", "owner"})


def ongoing(clause: Token) -> bool:
    """A clause in the past progressive ("who were preparing an ambush", "that was patrolling"):
    what someone was doing at the time, not their story; the present one tells of today ("the
    militants, who are battling forces in X")."""
    return clause.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ == "VBD" and c.lemma_ == "be"
                                        for c in clause.children)


def person_word(token: Token) -> bool:
    """A word for a person or people: a personal pronoun, a named person, or a role noun the
    actor stage knows ("member", "policeman", "official"); not a thing ("a helicopter that
    crashed in X" is where the helicopter was, not its story)."""
    return (token.lower_ in PERSONAL_PRONOUNS or token.ent_type_ == "PERSON"
            or token.lemma_.lower() in _PERSON_NOUNS or role_noun(token))


def most_specific(places: list[Place]) -> Place:
    """The narrowest place; of equals, a name the gazetteer lacks that took the point of another
    place named with it ("the Sadriya neighbourhood of Baghdad" is at Baghdad's point, and is
    inside it), else the first."""
    inside = {id(p) for p in places if p.geonameid is not None and not load_gazetteer().knows(p.text)
              and any(q is not p and q.geonameid == p.geonameid for q in places)}
    return min(places, key=lambda p: (_WIDTH.get(p.precision, 1), id(p) not in inside))


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
            of = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj" and not _represented(ctx, g, t)]
            # the phrase's own name before its possessive container ("Miami's Little Havana
            # district"); a name the tagger made an adjective ("the East Ghouta region") too
            own = [] if t.lemma_.lower() in EPISODES else sorted(
                (c for c in t.children if (c.dep_ in _NOUN_LINKS or (
                    c.dep_ == "amod" and c.i in ctx.place_at)) and not _owner(ctx, c, t)),
                key=lambda c: c.dep_ == "poss")
            # a region named as a region of a town ("the East Ghouta region of rural Damascus") is
            # the place meant, though a region is wider than the town the gazetteer knows
            if t.lemma_.lower() in _REGION_WORDS and any(
                    (p := ctx.place_at.get(c.i)) is not None and p.precision == "region" and ok(p) for c in own):
                of = []
            # a part of a place is named before the word, its container after "of" ("the Shaab
            # neighbourhood of Baghdad"); a town or a state after "of", its container before
            # ("the Los Angeles suburb of Rosemead")
            linked += [*own, *of] if t.lemma_.lower() in _PARTS else [*of, *own]
            linked += [c for c in t.conjuncts if c.i > t.i]
        level = linked
        if not level:
            break
    return found


# Words for a part of a place: "the X district of Y" names X, inside Y.
_PARTS = frozenset({"district", "subdistrict", "area", "neighborhood", "neighbourhood", "quarter", "region", "province",
                    "governorate", "sector", "zone", "locality"})
# Part words a region of the gazetteer's own list may be named by.
_REGION_WORDS = frozenset({"region", "area"})
# Nouns for a war, campaign or negotiation: a place that names one ("the 1967 Mideast war", "the
# Mosul offensive", "the Cyprus talks") names what it was about, a wide theatre, not where an act
# in it happened.
EPISODES = frozenset({"war", "conflict", "crisis", "campaign", "offensive", "uprising", "revolution", "invasion",
                       "intifada", "insurgency", "talks", "summit", "dispute", "standoff", "referendum",
                       "accord", "accords", "treaty", "process"})


def names_an_episode(token: Token) -> bool:
    """Whether a word is part of a place's name that modifies a war's or a talks' noun."""
    while token.dep_ in ("compound", "nmod", "amod", "poss") and token.head.i != token.i:
        token = token.head
        if token.lemma_.lower() in EPISODES:
            return True
    return False


def _owner(ctx: Context, modifier: Token, noun: Token) -> bool:
    """A country put before a thing says whose it is, not where ("a US base", "a Turkish
    warship"); before a site word it is where ("the Gaza border", "a Syria camp")."""
    place = ctx.place_at.get(modifier.i)
    return (modifier.dep_ in ("compound", "nmod") and place is not None and place.precision == "country"
            and noun.i not in ctx.place_at and noun.lemma_.lower() not in _SITES
            and noun.ent_type_ not in ("DATE", "TIME"))  # "outside the Vatican Sunday": hung on the day


# Buildings that stand for a country abroad or an authority: "the embassies of the United States
# and Britain" are in neither.
_INSTITUTIONS = frozenset({"embassy", "consulate", "mission", "office", "headquarters", "ministry", "delegation",
                           "representation", "legation"})


def _represented(ctx: Context, name: Token, institution: Token) -> bool:
    place = ctx.place_at.get(name.i)
    return place is not None and place.precision == "country" and institution.lemma_.lower() in _INSTITUTIONS


def phrase_place(ctx: Context, token: Token, ok, depth: int = 0) -> Place | None:
    """The place a noun phrase names (`named_places`, the narrowest), else the first one in a
    locative phrase on it ("a shop in X")."""
    found = named_places(ctx, token, ok)
    return most_specific(found) if found else _nested_place(ctx, token, ok, depth)


def _nested_place(ctx: Context, token: Token, ok, depth: int) -> Place | None:
    if depth >= _SEARCH_DEPTH:
        return None
    for child in token.children:
        if child.dep_ == "prep" and (child.lower_ in _LOCATIVE or child.lower_ == "of"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and not _represented(ctx, pobj, token):
                    place = phrase_place(ctx, pobj, ok, depth + 1)
                    if place is not None:
                        return place
    # a thing's relative clause may say where it is ("at a shop they ran in X", "a helicopter that
    # crashed in X"); a person's tells their story ("a man who grew up in X"), unless it tells what
    # they were doing then ("protesters who were marching through X")
    thing = not person_word(token)
    for clause in (c for c in token.children if c.dep_ == "relcl" and (ongoing(c) or (thing and not any(
            w.lower_ in ("who", "whom", "whose") for w in c.subtree)))):
        place = _where_one_is(ctx, clause, ok, depth)
        if place is not None:
            return place
    # what people or things were doing there ("among fans celebrating in X", "a convoy
    # travelling through X"): an ongoing act says where they were
    for doing in (c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBG"):
        place = _where_one_is(ctx, doing, ok, depth)
        if place is not None:
            return place
    return None


def _where_one_is(ctx: Context, clause: Token, ok, depth: int) -> Place | None:
    """The first place in a phrase on a clause that says where someone is ("in X", "near X")."""
    return next((p for g in prep_nouns(clause, _WHERE_ONE_IS) if (p := phrase_place(ctx, g, ok, depth + 1))), None)


def continued_place(ctx: Context, verb: Token, free, object_ok=None) -> Place | None:
    """An event with no place of its own continues a clause that has one: a participle on it
    ("blew himself up in X, killing 30"), a verb coordinated after a place put before both ("In
    X, police shot and killed two"), a relative clause on a place ("X, where they marched").
    With `object_ok`, a physical act's participle continues where its clause's object is."""
    token = verb
    for _ in range(3):
        if token.dep_ == "relcl" and any(c.lower_ == "where" for c in token.children):
            place = phrase_place(ctx, token.head, free)
            if place is not None:
                return place
        if token.head.i == token.i or token.head.pos_ not in ("VERB", "AUX"):
            return None
        head = token.head
        if token.dep_ == "conj" and head.lemma_.lower() in _ARRIVING:
            # "gunmen broke into a farm near X and shot four men": where they got to is where
            # they did what they came for
            place = clause_place(ctx, head, free, object_ok) or _destination_place(ctx, head, free)
            if place is not None:
                return place
        if token.dep_ == "conj":
            fronted = [c for c in head.children if c.dep_ == "prep" and c.i < head.i and c.lower_ in _LOCATIVE]
            for prep in fronted:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and (place := phrase_place(ctx, pobj, free)) is not None:
                        return place
        elif token.dep_ == "advcl" and token.tag_ == "VBG" and _own_subject_child(token) is None:
            place = clause_place(ctx, head, free, object_ok)  # "stormed the village of X, killing 39"
            if place is not None:
                return place
        else:
            return None
        token = head
    return None


# Verbs of getting somewhere, whose destination is where a coordinated act after them happened.
_ARRIVING = frozenset({"arrive", "come", "go", "return", "enter", "break", "burst", "barge", "storm", "raid",
                       "infiltrate", "sneak", "drive", "ride", "walk", "travel", "fly"})


def _destination_place(ctx: Context, verb: Token, free) -> Place | None:
    """Where a verb of getting somewhere got to: the phrase after "into" or "to", or what was
    entered or stormed ("broke into a farmhouse near X", "stormed the village of X")."""
    ends = [*prep_nouns(verb, ("to", "into")), *(c for c in verb.children if c.dep_ in ("dobj", "obj"))]
    return next((p for token in ends if (p := phrase_place(ctx, token, free)) is not None), None)


def _own_object(verb: Token) -> bool:
    """A relative clause with an object of its own tells of another act ("the gunmen who
    attacked X last year"), not of where its noun was."""
    return any(c.dep_ in ("dobj", "obj") for c in verb.children)


def _own_subject_child(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)


def _in_content(token: Token) -> bool:
    """A place in what a statement or decision is about ("recognize Jerusalem as the capital of
    Israel", "condemned the siege of X") is not where it was made."""
    for _ in range(8):
        if token.head.i == token.i or token.pos_ in ("VERB", "AUX"):
            return False
        if token.dep_ == "prep" and token.lower_ in _LOCATIVE:
            return False  # where the thing is: "met envoys in X"
        if token.dep_ in ("dobj", "obj", "dative", "attr", "oprd") or (token.dep_ == "prep" and token.lower_ == "as"):
            return True
        token = token.head
    return False


def _directional(token: Token) -> bool:
    """A place named as where something went or came from ("fled from X to Y", "marched from
    the parliament in X to the town of Y")."""
    named = token
    for _ in range(8):
        if token.head.i == token.i or token.pos_ in ("VERB", "AUX"):
            return False
        if token.dep_ == "prep" and token.lower_ in _DIRECTIONAL and not _at_the_edge(token) and not (
                _changing_hands(token) and _phrase_top(named).head.i != token.i):
            return True
        token = token.head
    return False


# Words after which "to" says next to what, not whither: "close to X", "the entrance to X".
_BESIDE = frozenset({"close", "next", "adjacent", "near", "entrance", "entrances", "gate", "gates", "approaches"})


def _changing_hands(prep: Token) -> bool:
    """'surrendered to the army in X', 'handed over their weapons to peacekeepers in X': "to"
    after a verb of yielding names who received, and "from" after a verb of taking whom it was
    taken from ("rustled cattle from herders in X"); their place is where it changed hands. A
    place right after the preposition is still where something went or came from ("gave aid to
    Gaza", "captured the plateau from Syria")."""
    lemma = prep.head.lemma_.lower()
    return (prep.lower_ == "to" and lemma in _YIELDING) or (prep.lower_ == "from" and lemma in _TAKING)


# Verbs of giving up or over, whose "to" names a recipient, and of taking, whose "from" names
# whom it was taken from.
# ("returned to their homes in X", "transferred to a prison in X" went somewhere: not these)
_YIELDING = frozenset({"surrender", "hand", "give", "deliver", "yield", "cede", "submit"})
_TAKING = frozenset({"rustle", "steal", "loot", "seize", "take", "snatch", "confiscate", "rob", "grab", "capture"})


def _at_the_edge(prep: Token) -> bool:
    """'a bomb went off close to the hospital', 'shot at an entrance to the Old City': where it
    happened is beside the place, not on the way to it."""
    return prep.lower_ == "to" and prep.head.lower_ in _BESIDE


def governing_verb(token: Token) -> Token:
    """The verb whose clause a word sits in: a place in another event's clause is that event's."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token
