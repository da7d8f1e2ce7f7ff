"""Events: who did what to whom, one per event-bearing clause.

Every verb of a coded sentence is looked up in the trigger lexicon; a match becomes an event
whose source is the clause's subject and whose target is its object (or the object of a
preposition such as "against"). The clause's own time expression and place date and locate
it, falling back to the sentence's, then the publication date. Modality and magnitudes come
from their own modules.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import lru_cache

import numpy as np
from spacy.tokens import Doc, Span, Token

from ..actors import place_as_actor
from ..actors.knowledge import UNCOUNTABLE
from ..data_files import read_csv
from ..nlp import by_token
from ..model import Acled, Actor, Event, EventDate, Place, Quote, TimeRef
from ..sentences import Sentence, dateline_span
from ..quotes import SPEECH_VERBS
from ..times import precision_of
from .classifier import NONE, clause_features, load_model, reconcile
from .codebook import Codebook, load_codebook
from .context import PERSONAL_PRONOUNS, VIOLENT_ROOTS, Context, clause_tokens, role_noun
from .lexicon import (HAPPENING, PLACE_CLASS, RELATIVE_PRONOUNS, Lexicon, Match, Rule, load_lexicon, quantified,
                      undergone)
from .location import EPISODES, an_attack, landmarks_of, person_word, place_of, sharing_objects
from .modality import conditional, modality_of, refused
from .refine import (NON_STATE_ARMED, acled_rule, as_demand, as_intention, as_refusal, as_done_to_people,
                     as_show_of_force, as_unconventional, as_weapon_act, at_a_protest, lethal, matching_acled_rule,
                     refine_code)
from .size import size_of

__all__ = ["find_events", "load_codebook", "load_lexicon", "trigger_word", "Codebook", "Lexicon"]

_SUBJECT_DEPS = ("nsubj", "csubj")
_TARGET_PREPS = ("against", "on", "with", "to", "at", "for", "into", "upon", "toward", "towards", "of", "between",
                 "among")
_NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "LAW"})
# Protest, coercion and violence with no named target are aimed at the state or people of the
# place where they happen ("protesters blocked roads in Algiers", "bombs exploded in Kabul").
_DOMESTIC_TARGETS = frozenset({"14", "17", "18", "19", "20"})
_OWN_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})
_TARGET_PLACE_PREPS = frozenset({"to", "in", "into", "from", "with", "against", "on", "for", "inside"})
_HOSTILE = frozenset({"14", "16", "17", "18", "19", "20"})
# Sectors of those who hold power: their gatherings are meetings, not protests.
_POWERFUL = frozenset({"GOV", "IGO", "LEG", "JUD", "ELI", "MIL", "COP", "SPY"})
_ARMED_SECTORS = frozenset({"MIL", "REB", "INS", "SEP", "UAF", "COP", "SPY", "CRM", "RAD"})
_SELF_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i"})
# Clause links that embed an event below the sentence's main assertion: each costs confidence.
_EMBEDDING_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "pcomp", "csubj"})


def find_events(doc: Doc, sentences: list[Sentence], actors: list[Actor], places: list[Place],
                times: list[TimeRef], quotes: list[Quote], published: date | None, article_id: str,
                lexicon: Lexicon, codebook: Codebook) -> list[Event]:
    filed = dateline_span(doc.text)
    dateline = next((p for p in places if filed and p.span == filed and p.geonameid is not None), None)
    place_at = by_token(doc, places)
    ctx = Context(doc, by_token(doc, actors), place_at, by_token(doc, times), quotes, published,
                  dateline, names_of(doc, actors), frozenset(p.span for p in places), landmarks_of(doc, place_at))
    events: list[Event] = []
    for sentence in sentences:
        triggers = find_triggers(sentence, lexicon, codebook, frozenset(place_at))
        root_at = {t.i: _kind(m.rule.cameo) for t, m in triggers}
        for token, match in triggers:
            # coordinated verbs of the same kind describe one incident and share its place
            # ("detonated a bomb and injured four soldiers in X")
            kin = {c.i for c in token.conjuncts if root_at.get(c.i) == root_at[token.i]}
            event = build_event(ctx, sentence, token, match, codebook, kin, f"{article_id}#e{len(events) + 1}")
            if event is not None:
                events.append(event)
    return dedupe(events)



def names_of(doc: Doc, actors: list[Actor]) -> frozenset[tuple[int, int]]:
    """The spans of the actors' names and of the organizations spaCy tags ("Electricite de
    France"): a place inside one is part of a name, not where anything happened."""
    return frozenset([*(a.span for a in actors),
                      *((e.start_char, e.end_char) for e in doc.ents if e.label_ in _NAME_LABELS)])


def find_triggers(sentence: Sentence, lexicon: Lexicon, codebook: Codebook,
                  places: frozenset[int] = frozenset()) -> list[tuple[Token, Match]]:
    """The sentence's event-bearing verbs and the lexicon rule each matched (`places`: the
    indices of words the places stage found to be places)."""
    found, consumed = [], set()  # xcomp verbs folded into their governor ("offered to assist")
    for token in sentence.span:
        if token.pos_ != "VERB" or token.i in consumed or _people_named_by_participle(token) or evidential(token) \
                or _hyphenated_modifier(token):
            continue
        match = lexicon.match_verb(token, places) or acled_match(token)
        if match is None or match.rule.cameo is None or match.rule.cameo not in codebook:
            continue
        if match.rule.cameo[:2] not in _FORCE_ROOTS and _describing_a_thing(token):
            continue  # "demanding guaranteed crop prices": no guarantee was given
        if match.rule.cameo[:2] in VIOLENT_ROOTS and any(t.lemma_.lower() in lexicon.sports_words
                                                    for t in clause_tokens(token)):
            continue  # "Brazil beat Argentina in a World Cup qualifier": a game
        if match.rule.kind in ("to", "state") and match.complement is not None:
            consumed.add(match.complement.i)  # "left three officers injured": one event
        found.append((token, match))
    taken = {m.complement.i for _, m in found if m.complement is not None}
    # the attack that left a toll is the toll's event, not one more ("an ambush left four dead")
    taken |= {c.i for t, m in found if m.rule.kind == "state" for c in t.children if c.dep_ == "nsubj"}
    found += [(noun, match) for noun in sentence.span if noun.i not in taken
              if (match := _named_cause(noun, lexicon, codebook)) is not None]
    return found


# Verbs that tell what an event led to or came after: an event noun their subject names is an
# event of its own ("The arrest of X drew condemnation", "The killing of three aid workers sparked
# protests", "The recapture of the town came after weeks of fighting").
_CONSEQUENCES = frozenset({"draw", "spark", "trigger", "prompt", "provoke", "cause", "follow", "precede", "come",
                           "lead", "leave", "claim", "anger", "outrage", "mark", "fuel", "raise", "bring"})


def _named_cause(noun: Token, lexicon: Lexicon, codebook: Codebook) -> Match | None:
    if noun.pos_ != "NOUN" or noun.dep_ not in ("nsubj", "nsubjpass") or noun.head.lemma_.lower() not in _CONSEQUENCES:
        return None
    return next((Match(Rule(key, "noun", key, code), noun) for key, code in lexicon.noun_codes(noun)
                 if code in codebook), None)


def acled_match(verb: Token) -> Match | None:
    """A verb no lexicon row fits whose ACLED rule does ("foiled a planned bombing", "intercepted
    a dhow carrying rifles"): an event with the rule's CAMEO code."""
    rule = matching_acled_rule(verb)
    if rule is None or rule.cameo is None:
        return None
    return Match(Rule(verb.lemma_.lower(), "acled", rule.acled.sub_event_type, rule.cameo), None)


# Acts that coordinated actors do to each other when no one else is named: consulting, by
# telephone, at a third place or in negotiation (040, 041, 044, 046), signing agreements (057),
# cooperating (06); not visiting, hosting or mediating ("the president and his wife arrived in
# Paris" visited France together); and fighting, but only by verbs that say so ("Russia and Iran
# launched strikes" are allies against someone unnamed).
_MUTUAL_CODES = ("040", "041", "044", "046", "057", "06")
_MUTUAL_FIGHTING = frozenset({"fight", "clash", "battle", "skirmish", "exchange", "wage"})


def mutual(code: str, verb: Token) -> bool:
    return code.startswith(_MUTUAL_CODES) or (code[:2] == "19" and verb.lemma_.lower() in _MUTUAL_FIGHTING)


# Verbs whose act goes both ways, whatever is exchanged: what they name is the thing exchanged,
# not a target ("Russia and Ukraine exchanged prisoners", "traded accusations").
_EXCHANGING = frozenset({"exchange", "swap", "trade"})


def _hyphenated_modifier(token: Token) -> bool:
    """'Iran-backed militias', 'the Saudi-led coalition': a participle made an adjective tells
    who stands behind a group, not of an act."""
    return token.dep_ in ("amod", "compound") and any(c.tag_ == "HYPH" for c in token.children)


def _people_named_by_participle(token: Token) -> bool:
    """'two of the wounded', 'the detained were released': people, not an act; nor a present
    participle before a noun, which describes what it names ("the striking teachers", "marching
    men"), nor a past participle between a noun's number or possessor and the noun ("six jailed
    Americans") or on a bare noun after "of" ("the release of detained activists"). Other past
    participles there are left alone: "the murdered businessman" still tells of a murder, and
    the parser hangs too many finite verbs on the next noun that way ("forces captured Shali")."""
    if token.tag_ == "VBG" and _before_its_noun(token) and not (
            token.i > 0 and token.doc[token.i - 1].lemma_ == "be"):  # "are patrolling markets"
        return True
    if token.tag_ == "VBN" and _before_its_noun(token) and (
            _bare_after_of(token.head) or any(c.dep_ in ("nummod", "poss") and c.i < token.i
                                              for c in token.head.children)):
        return True  # "six jailed Americans", "his detained son": a participle made an adjective
    return token.tag_ in ("VBN", "VBD") and any(c.dep_ == "det" for c in token.children)


def _describing_a_thing(token: Token) -> bool:
    """'guaranteed crop prices', 'the promised reforms': a past participle before the thing it
    describes. Force done to people or things still tells of an act ("the murdered businessman",
    "a torched police station"), and is left to the rules above."""
    return token.tag_ == "VBN" and _before_its_noun(token) and not person_word(token.head)


def _before_its_noun(token: Token) -> bool:
    """A word the parser made an adjective of the noun after it."""
    return token.dep_ == "amod" and token.i < token.head.i


def _bare_after_of(noun: Token) -> bool:
    """'the release of detained activists': a noun after "of" with no determiner."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and not any(c.dep_ == "det" for c in noun.children)


# Roots of force used on people or property: coordinated, they tell one incident ("stormed the
# compound and arrested 12", "detonated a bomb and wounded four").
_FORCE_ROOTS = frozenset({"17", "18", "19", "20"})


# Verbs that say ground was taken whoever took it ("Israel captured the West Bank"), unlike
# "entered" or "recovered", which take ground only in armed hands.
_TAKING_GROUND = frozenset({"capture", "seize", "overrun", "recapture", "retake", "occupy"})


def _kind(cameo: str) -> str:
    return "force" if cameo[:2] in _FORCE_ROOTS else cameo[:2]


def build_event(ctx: Context, sentence: Sentence, verb: Token, match: Match, codebook: Codebook,
                kin: set[int], event_id: str) -> Event | None:
    clause = match.complement if match.rule.kind in ("to", "gather") and match.complement is not None else verb
    # an event named by a noun that is a clause's subject ("the arrest of X took place", "the
    # killing of X sparked protests"): its roles are the noun's own
    noun = match.complement if match.complement is not None and match.complement.dep_ in ("nsubj", "nsubjpass") \
        and match.rule.kind in ("prep", "noun") else None
    suffered = undergone(match)
    if suffered and blaze(match.complement):
        return None  # "twelve migrants perished in a fire"
    if noun is not None:
        source, target = noun_roles(ctx, noun)
    elif suffered:  # "the convoy came under fire from militants": the subject is the target
        source, target = sufferers_foes(ctx, verb, match.complement), actors_of(ctx, subject_of(verb))
    else:
        source, target = actors_of(ctx, subject_of(verb)), target_of(ctx, verb, clause, match)
    if match.rule.value == PLACE_CLASS and verb.lemma_.lower() not in _TAKING_GROUND and not any(
            a.sector in _ARMED_SECTORS for a in source):
        return None  # "troops entered the town" takes ground; refugees or a convoy entering do not
    if match.rule.kind == "gather" and any(a.sector in _POWERFUL for a in source):
        return None  # "ministers gathered in Brussels to condemn the attack" is no street protest
    if match.rule.kind == "state":  # "the raid left 22 people dead"
        source = toll_takers(ctx, verb, source)
        if source is None:
            return None  # "the floods left 20 dead": no one's act
    when = date_of(ctx, verb, sentence)
    modality, claimant = modality_of(verb, ctx.quotes, ctx.published, when)
    code = as_weapon_act(refine_code(match.rule.cameo, clause_tokens(verb), sentence.span, codebook), verb, codebook)
    code = as_show_of_force(code, verb, codebook)
    idiom = suffered and criticised(match.complement, source)
    if idiom:
        code = _CRITICISM  # "the minister came under fire for the decision"
    # The model may veto an event, except someone's claim (a claim is data, flagged by its
    # modality), violence by armed or security forces ("militiamen killed three sheikhs" is no
    # sports result or accident, whatever words surround it) or done to people ("he was captured
    # in Pakistan", "gunmen shot a priest") or by an attack or in one ("clashes have killed
    # 400", "shelling destroyed the bakery"), and an event named as the subject.
    # destruction and seizure of property (171) by armed men or in an attack are as real
    forceful = code[:2] in VIOLENT_ROOTS or code[:3] == "171"
    real_violence = forceful and (match.rule.kind == "state" or  # an attack's toll
        any(a.sector in _ARMED_SECTORS for a in source) or on_people(ctx, verb) or in_an_attack(verb)
        or bool(kin))  # "was shot and seriously wounded": two acts of force vouch for each other
    # "clashes erupted", "fighting continued": the subject of a verb of happening names an event;
    # "came under fire for" is an idiom of criticism the model never saw
    named = noun is not None or idiom or (
        verb.dep_ in ("nsubj", "csubj") and verb.head.lemma_.lower() in HAPPENING)
    # ground taken as a row names it ("captured +obj:bridge", "seized +obj:@place") is no title or
    # imagination captured, whatever words the model weighs ("made +obj:advance" it may still veto)
    named = named or (verb.lemma_.lower() in _TAKING_GROUND and match.rule.kind == "obj"
                      and match.rule.value != "*")
    code, why = check_with_model(code, verb, codebook, may_drop=claimant is None and not (real_violence or named),
                                 may_retype=not match.rule.kind)
    if code is None:
        return None  # the model is sure this is no event ("Brazil beat Argentina 2-1")
    code, demanded_of = as_demand(code, verb, codebook)  # evidence the model does not see: the modal
    if demanded_of is not None and not target:
        target = actors_of(ctx, demanded_of)
    # An announced act is an expressed intent (03x) or, if hostile, a threat (13x); so is a hostile
    # act made conditional on the other side ("would retaliate if ...": CAMEO's threat).
    if modality == "intended" or (modality == "hypothetical" and code[:2] in _HOSTILE and conditional(verb)):
        code = as_intention(code, codebook)
    refusal = as_refusal(code, codebook) if modality in ("negated", "asserted", "reported") and refused(verb) else None
    if refusal is not None:  # "will not accept refugees" happened: a refusal
        code, modality = refusal, "reported" if claimant is not None else "asserted"
    code = as_unconventional(code, source, target, codebook)
    code = as_done_to_people(code, source, takes_people(verb), codebook)
    if len(source) > 1 and (verb.lemma_.lower() in _EXCHANGING or (
            mutual(code, verb) and all(a.span in ctx.place_spans for a in target))):
        # "Israel and Hezbollah fought", "Iran and Iraq held talks": each on the other; rotated so
        # that a first source and first target (GDELT's Actor1 and Actor2) make the pair. A
        # place's people read as target do not stand in the way ("signed a ceasefire in Havana"),
        # nor, in an exchange, what is exchanged ("exchanged prisoners").
        target = [*source[1:], source[0]]
    event_noun = match.complement if match.rule.kind == "prep" and match.complement is not None else None
    location, location_basis = place_of(ctx, verb, clause, sentence, kin, [*source, *target], code, event_noun)
    if not target and location is not None and location.country and code[:2] in _DOMESTIC_TARGETS:
        target = [place_as_actor(location)]  # "rioted at a jail in northern Israel": Israel's
    size = size_of(sentence.span, code)
    # targets the actor stage named, not places read as their inhabitants ("fought in the X district")
    people_targets = [a for a in target if a.span not in ctx.place_spans]
    depth = embedding_depth(verb)
    confidence = 0.5 + 0.2 * bool(source) + 0.2 * bool(target) + 0.05 * bool(match.rule.kind) - 0.1 * depth
    return Event(
        id=event_id,
        sentence=sentence.index,
        span=(sentence.span.start_char, sentence.span.end_char),
        evidence=sentence.span.text,
        trigger=f"{verb.text} [{match.rule.label} -> {code}{'; ' + why if why else ''}]",
        source=tuple(source),
        target=tuple(target),
        cameo=codebook.cameo(code),
        plover=plover_of(code, verb, codebook),
        acled=acled_rule(verb) or by_actors(acled_of(code, verb, codebook), code, source, people_targets, size,
                                            sentence.span, _fighting(verb, match)),
        date=when,
        location=location,
        modality=modality,
        claimant=claimant,
        size=size,
        confidence=round(min(max(confidence, 0.1), 0.95), 2),
        depth=depth,
        location_basis=location_basis,
        also=(match.complement.text,) if match.rule.kind == "state" else (),  # "left five injured"
    )


def noun_roles(ctx: Context, noun: Token) -> tuple[list[Actor], list[Actor]]:
    """Who did what an event noun names, and to whom: its possessor, "by" or modifying actor does
    it ("the army's recapture", "the arrest by police", "a police crackdown"); "of", "on" or
    "against" names who it is done to ("the arrest of X", "an attack on Y"); "between X and Y"
    names both sides."""
    source: list[Actor] = []
    target: list[Actor] = []
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod") and child.i in ctx.actor_at and not source:
            source = actors_of(ctx, child)
        elif child.dep_ in ("prep", "agent"):
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is None:
                continue
            word = child.lower_
            if word == "by" and not source:
                source = actors_of(ctx, pobj)
            elif word == "between" and not source:
                both = actors_of(ctx, pobj)
                source, target = both[:1], both[1:]
            elif word in ("of", "on", "against") and not target:
                target = actors_of(ctx, pobj)
    return source, target


def toll_takers(ctx: Context, verb: Token, source: list[Actor]) -> list[Actor] | None:
    """Who left the dead or wounded a clause counts: the doer of the attack that is its subject
    ("a raid by gunmen left 22 people dead", "an airstrike that left 12 dead"), or armed men
    ("rebels stormed the town, leaving 30 dead"). None when no attack or armed men left them
    ("the floods left 20 dead", "the crash left two dead")."""
    cause = subject_of(verb)
    # "a suicide bombing that left 13 dead"
    if cause is not None and verb.dep_ == "relcl" and cause.i == verb.head.i:
        for _ in range(3):  # the parser may hang the clause on the site: "a bombing at a hotel that left"
            if an_attack(cause) or cause.dep_ != "pobj":
                break
            cause = cause.head.head
    if cause is not None and an_attack(cause):
        return noun_roles(ctx, cause)[0]
    return source if any(a.sector in _ARMED_SECTORS for a in source) else None


def sufferers_foes(ctx: Context, verb: Token, noun: Token) -> list[Actor]:
    """Who did what a subject suffered: the noun's own doer ("came under attack by rebels"), or
    where it came from ("came under fire from militants")."""
    source = noun_roles(ctx, noun)[0]
    origins = [g for head in (noun, verb) for c in head.children if c.dep_ == "prep" and c.lower_ == "from"
               for g in c.children if g.dep_ == "pobj"]
    return source or next((found for g in origins if (found := actors_of(ctx, g))), [])


# "Came under fire" that is only words: criticism (CAMEO 111).
_CRITICISM = "111"


def _bare_fire(noun: Token) -> bool:
    """'Fire' with no weapon named ("mortar fire", "rocket fire" are shelling)."""
    return noun.lemma_.lower() == "fire" and not any(c.dep_ == "compound" for c in noun.children)


def blaze(noun: Token) -> bool:
    """'Died in a fire': a fire one dies in, unlike one a post comes under, is a blaze."""
    return _bare_fire(noun) and noun.head.head.lemma_.lower() != "come"


def criticised(noun: Token, source: list[Actor]) -> bool:
    """'Came under fire' for or over something, or from those who do not bear arms, is
    criticism ("the minister came under fire from opposition lawmakers over the budget"); from
    gunmen, or with nothing said of why, it is gunfire."""
    if not _bare_fire(noun):
        return False
    why = any(c.dep_ == "prep" and c.lower_ in ("for", "over") for head in (noun, noun.head.head)
              for c in head.children)
    return why or (bool(source) and not any(a.sector in _ARMED_SECTORS for a in source))


def in_an_attack(verb: Token) -> bool:
    """Whether an attack did it or it happened in one: "clashes this month have killed 1,000",
    "the building was hit by an airstrike", "was fatally shot in a clash". Not a war or a crisis:
    "died in the war" may be any death in it."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            nouns = [child]
        elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in ("in", "during")):
            nouns = [g for g in child.children if g.dep_ == "pobj"]
        else:
            continue
        if any(an_attack(n) and n.lemma_.lower() not in EPISODES for n in nouns):
            return True
    return False


# Adverbs that say an act took a life or nearly did.
_FATAL = frozenset({"fatally", "mortally"})


def on_people(ctx: Context, verb: Token) -> bool:
    """Whether the verb's patient, its object or passive subject, is a person or people: a
    pronoun, a named person, a nationality ("killed three Palestinians") or a noun the actor
    stage knows as people ("civilians", "soldiers") or as their machines and buildings ("the
    embassy was bombed"); not a country, team or other thing ("beat Argentina", "killed the
    bill", "shot the film")."""
    if any(c.dep_ == "advmod" and c.lower_ in _FATAL for c in verb.children):
        return True  # only the living are "fatally shot"
    for patient, token in patient_words(verb):
        if token.i in ctx.place_at:
            continue
        if token.lower_ in PERSONAL_PRONOUNS or token.ent_type_ == "PERSON" or (
                token.ent_type_ == "NORP" and token.tag_ in ("NNS", "NNPS")):  # not "Argentina"
            return True
        actor = ctx.actor_at.get(token.i)
        # an actor's machine or building counts: "the embassy was bombed" was no film shoot
        if actor is not None and actor.sector is not None and token.pos_ == "NOUN" and not token.ent_type_:
            return True
        if patient.dep_ == "nsubjpass" and _counted_people(token, actor):
            return True
    return False


def takes_people(verb: Token) -> bool:
    """Whether what a verb of taking takes is, beyond doubt, people: a personal pronoun ("captured
    him"), a nationality ("seized 11 Iranians"), a noun the actor stage knows for people ("two aid
    workers", "the crew members"), or a bare count ("two others were captured"). Not a name (the
    tagger calls a town a person as readily as a man: "took over Wad Madani") nor a thing of a
    group ("a junta outpost")."""
    for patient, token in patient_words(verb):
        if token.lower_ in PERSONAL_PRONOUNS or (token.ent_type_ == "NORP" and token.tag_ in ("NNS", "NNPS")):
            return True
        if role_noun(token):
            return True
        if patient.dep_ == "nsubjpass" and (token.lower_ in _COUNTED or token.like_num):
            return True
    return False


def patient_words(verb: Token):
    """(patient, word) for each object or passive subject of the verb, and of verbs sharing its
    object ("shot and killed a man"): the word itself, what it counts ("dozens of villagers"),
    and its conjuncts."""
    heads = [verb, *sharing_objects(verb)]
    patients = [c for head in heads for c in head.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    for patient in patients or _passive_conjuncts_subject(verb):
        for token in dict.fromkeys((quantified(patient), patient, *patient.conjuncts)):
            yield patient, token


def _passive_conjuncts_subject(verb: Token) -> list[Token]:
    """The subject a passive shares with the verb it is coordinated with: "a doctor was shot and
    killed", "the women got caught up in the fighting and were killed"."""
    if verb.dep_ != "conj" or verb.tag_ != "VBN" or any(c.dep_ in (*_SUBJECT_DEPS, "nsubjpass") for c in verb.children):
        return []
    deps = ("nsubjpass", "nsubj") if any(c.dep_ == "auxpass" for c in verb.children) else ("nsubjpass",)
    return [c for c in verb.head.children if c.dep_ in deps]


def _borrowed_patients(verb: Token) -> list[Token]:
    """For a verb with no patient of its own, its coordinated partner's: the subject of "was shot
    and killed", the object of "shot and killed a village chief"."""
    return _passive_conjuncts_subject(verb) or [c for h in sharing_objects(verb) for c in h.children
                                                 if c.dep_ in ("dobj", "obj")]


# Words that stand for people counted but not named: "two others were wounded", "dozens were killed".
_COUNTED = frozenset({"others", "dozens", "hundreds", "scores", "thousands", "many", "several", "some", "few"})


def _counted_people(token: Token, actor: Actor | None) -> bool:
    """A passive subject that can only be people: a bare number or quantity ("three were
    killed"), or a name no stage knows as a place or an organization ("Ramzi was captured"; the
    tagger often calls a foreign surname an organization)."""
    if token.lower_ in _COUNTED or token.like_num:  # "two of his aides" was read as "aides" already
        return True
    unknown = actor is None or actor.sector is None
    return token.pos_ == "PROPN" and token.ent_type_ in ("", "ORG", "PERSON") and unknown


def check_with_model(code: str, verb: Token, codebook: Codebook, may_drop: bool = True,
                     may_retype: bool = True) -> tuple[str | None, str]:
    """Let the PLOVER model confirm, retype or veto the lexicon's code (no model: the lexicon alone).
    Only a bare verb's code may be retyped, and only for a verb the model was trained on: a rule
    that names the complement ("lifted +obj:curfew") knows more than the words around it."""
    model = load_model("plover")
    if model is None:
        return code, ""
    probs = model.probabilities(_features(verb))
    lexicon = codebook.plover(code, verb.lemma_.lower())  # "resigned" is RETREAT though 0831 is CONCEDE
    decided, why = reconcile(code, lexicon.event if lexicon else None, probs, codebook.default_code)
    if decided is None:
        return (None if may_drop else code), why
    # a verb the model never saw in training is typed by its neighbours alone: keep the lexicon's
    known = model.knows(verb.lemma_.lower())
    return (decided if may_retype and known else code), why


def _features(verb: Token) -> np.ndarray:
    """The model features of the verb's clause, computed once for the PLOVER and ACLED models."""
    cache = verb.doc.user_data.setdefault("eventwire.features", {})
    if verb.i not in cache:
        cache[verb.i] = clause_features(clause_tokens(verb), verb)
    return cache[verb.i]


# CAMEO roots whose events ACLED records: protest, force posture, coercion, assault, fighting.
_ACLED_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})
ACLED_AT = 0.5  # the ACLED model's sub-event type replaces the crosswalk's from this probability on
# ACLED's event types of violence done.
_POLITICAL_VIOLENCE = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# Crosswalk types that only a telling word gives (a chemical agent, "suicide", "abducted",
# "raped"): the ACLED model's reading of the clause does not overrule them.
_DECISIVE_ACLED = frozenset({"Chemical weapon", "Suicide bomb", "Sexual violence", "Abduction/forced disappearance"})
# Codes of ending hostilities whose ACLED type the crosswalk settles: persons released (0841), a truce
# (0871), forces disarmed (0873). The ACLED model, which has seen ground handed over, would make
# "handed its rifles to the police" or "handed the suspects over" a transfer of territory.
_SETTLED = frozenset({"0841", "0871", "0873"})
# Coercion by law (administrative sanctions, arrests and charges, expulsions): whatever violence the
# clause tells of ("charged with attempted murder"), the act itself stays in its ACLED type.
_LEGAL = frozenset({"172", "173", "174"})


def acled_of(code: str, verb: Token, codebook: Codebook) -> Acled | None:
    """ACLED type from the crosswalk, refined by the ACLED model where ACLED records such events
    ('struck with drones' is an Air/drone strike, not an armed clash)."""
    mapped = codebook.acled(code)
    model = load_model("acled")
    if model is None or (mapped is None and code[:2] not in _ACLED_ROOTS):
        return mapped
    if mapped is not None and (mapped.sub_event_type in _DECISIVE_ACLED or code in _SETTLED):
        return mapped  # the code already says how: 2041 is a chemical weapon, 1831 a suicide bomb
    if code == "183" and "Grenade" in codebook.acled_types and _weapon_named("Grenade", verb, codebook):
        return Acled(codebook.acled_types["Grenade"], "Grenade")  # CAMEO has no code of its own for grenades
    probs = model.probabilities(_features(verb))
    top = max(probs, key=probs.get)
    if code[:2] == "15" and codebook.acled_types.get(top) in _POLITICAL_VIOLENCE:
        return mapped  # a show of force ("fired missiles into the sea") harmed no one
    if top != NONE and probs[top] >= ACLED_AT and top in codebook.acled_types and (
            mapped is None or code[:3] not in _LEGAL or codebook.acled_types[top] == mapped.event_type) and (
            _weapon_named(top, verb, codebook)):
        return Acled(codebook.acled_types[top], top)
    return mapped


def _weapon_named(sub_event: str, verb: Token, codebook: Codebook) -> bool:
    """A sub-event that names a weapon (a grenade, an air strike, shelling) needs the sentence to
    name it: "wounded in a shootout" is no grenade attack, whatever the model's guess."""
    evidence = codebook.acled_evidence.get(sub_event)
    return evidence is None or any(t.lemma_.lower() in evidence or t.lower_ in evidence for t in verb.sent)


_STATE = frozenset({"GOV", "MIL", "COP", "SPY"})
_CROWD = frozenset({"CVL", "OPP", "LAB", "EDU", "AGR"})
_UNARMED = frozenset({"CVL", "REF", "MED", "HLH", "REL", "EDU", "LAB", "AGR", "BUS", "OPP", "HRI", "NGO"})


def plover_of(code: str, verb: Token, codebook: Codebook):
    """The PLOVER type of the code, by the crosswalk and the verb ("charged" is ACCUSE where
    "arrested" is COERCE); ground taken in fighting the clause tells of ("retook the village
    after fierce fighting") is an assault, as ACLED files it under battles, while ground taken
    with no fight told is coercion (COERCE seize, CAMEO 192)."""
    plover = codebook.plover(code, verb.lemma_.lower())
    if code[:3] != "192" or plover is None or not any(t.lemma_.lower() in _BATTLE_WORDS
                                                      for t in clause_tokens(verb)):
        return plover
    assault = codebook.plover("190")
    return replace(assault, context=plover.context) if assault is not None else plover


# Nouns for fighting between sides, and for the wider use of force in which ground is taken.
_FIGHT_NOUNS = frozenset({"fighting", "battle", "clash", "skirmish", "gunfight", "firefight"})
_BATTLE_WORDS = _FIGHT_NOUNS | {"offensive", "assault", "counteroffensive", "counter-offensive", "shelling",
                                "bombardment"}


def _fighting(verb: Token, match: Match) -> bool:
    """Whether the event is told as fighting between sides ("clashed with", "clashes between")."""
    words = {verb.lemma_.lower(), match.complement.lemma_.lower() if match.complement is not None else ""}
    return bool(words & _FIGHT_WORDS)


_FIGHT_WORDS = _MUTUAL_FIGHTING | _FIGHT_NOUNS


def by_actors(acled: Acled | None, code: str, source, target, size, sentence: Span,
              fighting: bool = False) -> Acled | None:
    """ACLED's distinctions that turn on who did it to whom: territory taken by state forces is
    regained, by others overtaken; direct violence on unarmed people is an attack on civilians,
    not a clash; repression that kills is excessive force. A crowd fighting the police ("police
    clashed with demonstrators") is the crowd's violence, whichever side the sentence names first."""
    if acled is None:
        return None
    sectors = {a.sector for a in source}
    if fighting and sectors and sectors <= _STATE and target and {a.sector for a in target} <= _CROWD:
        source, target, sectors = target, source, {a.sector for a in target}
    if code == "0874" and target and all(a.sector == "COP" for a in target):
        # giving oneself up to the police ("the gunman surrendered to police") takes no ground:
        # it ends in custody
        return Acled("Strategic developments", "Arrests")
    if code[:3] == "192" and sectors:
        if sectors <= _STATE:
            return Acled("Battles", "Government regains territory")
        if sectors <= NON_STATE_ARMED:
            return Acled("Battles", "Non-state actor overtakes territory")
    crowd_act = acled.event_type in ("Battles", "Violence against civilians") or (
        acled.sub_event_type == "Looting/property destruction")
    if crowd_act and sectors and sectors <= _CROWD:
        # violence by protesters is a violent demonstration, by other unarmed people mob violence
        protest = all(a.sector == "OPP" and a.plover_sector == "CVL" for a in source) or at_a_protest(sentence)
        return Acled("Riots", "Violent demonstration" if protest else "Mob violence")
    if acled.sub_event_type == "Armed clash" and target and all(a.sector in _UNARMED for a in target):
        return Acled("Violence against civilians", "Attack")
    if sectors and sectors <= _STATE and (code[:3] in ("173", "175") or code[:2] in ("18", "19")) \
            and at_a_protest(sentence):
        # police arresting, dispersing or shooting at a protest: ACLED files it under the protest
        dead = (size is not None and bool(size.dead)) or lethal(sentence)
        return Acled("Protests", "Excessive force against protesters" if dead else "Protest with intervention")
    if code[:3] == "175" and size is not None and size.dead:
        return Acled("Protests", "Excessive force against protesters")
    if acled.event_type == "Riots" and sectors and sectors <= _STATE | NON_STATE_ARMED and code[:2] in VIOLENT_ROOTS:
        # armed men do not riot, whatever the clause's words ("inmates escaped after gunmen
        # attacked a prison"): their violence on the unarmed is an attack, on others a clash
        unarmed = not target or all(a.sector in _UNARMED for a in target)
        return Acled("Violence against civilians", "Attack") if unarmed else Acled("Battles", "Armed clash")
    return acled


def subject_of(verb: Token) -> Token | None:
    """The clause's subject, inherited through conjunction and open complements ("X attacked Y
    and then met Z"; "X vowed to destroy Y"; "X is willing to send"). A pronoun subject of what
    someone said is that someone ("Norway is ready to help, Norway's minister said")."""
    subject = _own_subject(verb)
    if subject is not None and subject.lower_ in _SELF_PRONOUNS:
        speaker = _speaker_of(verb)
        if speaker is not None and _may_stand_for(subject, speaker):
            return speaker
    return subject


def _may_act(noun: Token) -> bool:
    """A noun that names who may do something: a name, or a word for people or a group."""
    return noun.ent_type_ in ("PERSON", "NORP", "ORG", "GPE") or role_noun(noun)


def _may_stand_for(pronoun: Token, speaker: Token) -> bool:
    """Whether a pronoun in what was said can be its speaker: "he" or "she" a person or an official
    ("he would resign, the minister said"), not a body ("he stabbed a woman, police said": he is
    the suspect); "it" or "they" no person by name."""
    word = pronoun.lower_
    if word in ("he", "she"):  # a singular role noun may name one official or a body ("the party")
        return speaker.ent_type_ == "PERSON" or (
            speaker.tag_ in ("NN", "NNP") and role_noun(speaker) and speaker.lower_ not in UNCOUNTABLE)
    if word in ("it", "they"):
        return speaker.ent_type_ != "PERSON"
    return True  # "we", "I"


def _speaker_of(verb: Token) -> Token | None:
    token = verb
    for _ in range(5):
        if token.dep_ == "ccomp" or (token.dep_ == "conj" and token.head.dep_ == "ccomp"):
            head = token.head if token.dep_ == "ccomp" else token.head.head
            if head.lemma_.lower() in SPEECH_VERBS:
                return _own_subject(head)
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _own_subject(verb: Token) -> Token | None:
    token, raised = verb, False
    for _ in range(6):
        for child in token.children:
            if child.dep_ in _SUBJECT_DEPS:
                # "a gunman who shot a boy", "the raid, which killed 12": the noun the clause is on
                relative = token.dep_ == "relcl" and child.lower_ in RELATIVE_PRONOUNS
                return token.head if relative else child
            if child.dep_ == "agent":  # passive: "by X"
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        acting = passive_actor(token, raised)
        if acting is not None:
            return acting
        if any(c.dep_ == "auxpass" and c.tag_ == "VBG" for c in token.children):
            return None  # "opened fire before being shot": who was shot is the one above, not who shot
        if token.dep_ == "advcl" and any(c.dep_ == "nsubjpass" for c in token.children):
            return None  # "opened fire on officers before he was shot dead": not by himself
        if token.dep_ == "conj" and any(c.dep_ == "auxpass" for c in token.children):
            return None  # "the suspect fled and was taken into custody": the one fleeing was taken
        raised = token.dep_ == "xcomp"  # up from an open complement: "X is said to have ..."
        if token.dep_ in ("conj", "xcomp", "advcl", "acomp", "oprd") and token.head.i != token.i:
            token = token.head
        elif token.dep_ == "pcomp" and token.head.dep_ == "prep":  # "resorted to throwing stones"
            controller = _controller(token.head)
            if controller is not None:
                return controller
            token = token.head.head
        elif token.dep_ == "acl" and token.tag_ in ("VBD", "VBG") and _may_act(token.head):
            # "youths resorted to ...", "soldiers firing on ...", "dispersed students protesting
            # fees": the noun acts
            return token.head
        elif token.dep_ == "acl" and token.tag_ != "VBN" and token.head.dep_ in ("dobj", "obj") and \
                token.head.head.pos_ in ("VERB", "AUX"):
            # "reached a consensus to exchange", "issued a declaration demanding": who reached or
            # issued it (a participle on the object is no act of the one it was done to)
            token = token.head.head
        elif token.dep_ == "acl" and token.tag_ in ("VBD", "VBG"):
            return token.head  # a thing's participle elsewhere: "the bombing, coming days after ..."
        elif token.dep_ in ("acl", "relcl") and token.head.i != token.i:
            return token.head if token.dep_ == "relcl" else None
        else:
            return None
    return None


# People a possessive relates to the actor without making them the actor's side: "hosted his
# Ugandan counterpart", "attacked its rivals", "stabbed his wife", "her husband was arrested".
_NOT_ONES_OWN = frozenset({"counterpart", "rival", "enemy", "opponent", "foe", "wife", "husband", "son", "daughter",
                           "father", "mother", "brother", "sister", "child", "relative", "neighbour", "neighbor",
                           "cousin", "nephew", "niece", "uncle", "aunt", "girlfriend", "boyfriend", "partner",
                           "family"})


def _controller(prep: Token) -> Token | None:
    """Who does what a gerund after one of these prepositions tells: the object of the verb it
    hangs on ("accused the army of killing civilians", "prevented protesters from marching",
    "arrested a man for stealing"), or that verb's passive subject ("the police were accused of
    using force"); None where the gerund is its subject's own ("resorted to throwing stones")."""
    governor = prep.head
    if prep.lower_ not in _CONTROLLING_PREPS or governor.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in governor.children if c.dep_ in ("dobj", "obj", "nsubjpass")), None)


# Prepositions that put a gerund's doer in the object: "accuse X of", "blame X for", "prevent X
# from", "charge X with", "warn X against", "force X into".
_CONTROLLING_PREPS = frozenset({"of", "for", "from", "with", "against", "into"})


def passive_actor(verb: Token, raised: bool = False) -> Token | None:
    """A passive subject that is the one acting: of a stative passive ("Israel is opposed to
    the plan", "forces were engaged in ethnic cleansing"), or, when the event is a clause below
    the passive (`raised`), of that clause ("the militants are believed to have abducted six
    teachers", "he was forced to resign")."""
    if any(c.dep_ == "agent" for c in verb.children):
        return None
    if raised or passive_roles().get(verb.lemma_.lower()) == "stative":
        # the parser sometimes hangs the subject on the auxiliary ("Pakistan is opposed to")
        auxiliaries = [c for c in verb.children if c.dep_ == "auxpass"]
        return next((c for t in (verb, *auxiliaries) for c in t.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    return None


def evidential(verb: Token) -> bool:
    """'The rebels were reported to have attacked ...': a passive that only vouches for the
    clause below it, said by no one named, is no statement event of its own."""
    if passive_roles().get(verb.lemma_.lower()) != "evidential":
        return False
    deps = {c.dep_ for c in verb.children}
    return "nsubjpass" in deps and "agent" not in deps and bool(deps & {"xcomp", "prep"})


@lru_cache(maxsize=1)
def passive_roles() -> dict[str, str]:
    """data/events/passive_subjects.csv: verbs whose passive subject acts (stative) or whose
    passive only reports the clause below (evidential)."""
    return {r["lemma"]: r["role"] for r in read_csv("events", "passive_subjects.csv")}


def embedding_depth(verb: Token) -> int:
    """How many clause boundaries lie between the event's verb and the sentence's main clause:
    'equipment seized last year' inside 'they will return the equipment' is background."""
    depth, token = 0, verb
    while token.head.i != token.i and depth < 5:
        if token.dep_ in _EMBEDDING_DEPS:
            depth += 1
        token = token.head
    return depth


def actors_of(ctx: Context, head: Token | None) -> list[Actor]:
    """The actor at a head noun, with those coordinated with it ("Russia, Iran and Syria")."""
    if head is None:
        return []
    found: list[Actor] = []
    for token in [head, *head.conjuncts]:
        actor = ctx.actor_at.get(token.i)
        if actor is None or actor.country is None:  # "doctors from two American aid groups"
            below = _actor_below(ctx, token)
            actor = below if below is not None and (actor is None or below.country) else actor
        for each in [actor, *_coordinated_modifiers(ctx, token)]:
            if each is not None and each not in found:
                found.append(each)
    return found


def _coordinated_modifiers(ctx: Context, token: Token) -> list[Actor]:
    """'U.S. and Russian negotiators': the actors of the modifiers coordinated on the noun."""
    return [ctx.actor_at[c.i] for m in token.children if m.dep_ in ("amod", "compound", "nmod")
            for c in m.conjuncts if c.i in ctx.actor_at]


def _actor_below(ctx: Context, token: Token) -> Actor | None:
    """'the coalition of Russia, Iran and Syria', 'forces of the government', 'calls by Annan':
    look one preposition down; 'Serbia's suppression', 'a U.S. request': look at the noun's
    possessor or modifiers; 'Kenzo Oshima, the UN relief coordinator': at what it is in apposition."""
    for child in token.children:
        if child.dep_ in ("poss", "compound", "amod") and child.i in ctx.actor_at:
            return ctx.actor_at[child.i]
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in ("of", "from", "by"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.i in ctx.actor_at:
                    return ctx.actor_at[pobj.i]
    return next((ctx.actor_at[c.i] for c in token.children if c.dep_ == "appos" and c.i in ctx.actor_at), None)


def _passive_participle_on(verb: Token) -> bool:
    """'a man accused of witchcraft': a participle on a noun, which is what it was done to; not a
    finite verb the parser hung on the noun before it ("doctors from two groups donated and
    delivered $50,000": it takes an object, and the sentence has no verb at its root)."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.sent.root.pos_ in ("VERB", "AUX") and not any(
        c.dep_ in ("dobj", "obj") for v in (verb, *verb.conjuncts) for c in v.children)


def target_of(ctx: Context, verb: Token, clause: Token, match: Match) -> list[Actor]:
    """The first of these that names an actor with a country, else the first that names any:
    the object; an object of a preposition on the verb ("against X"); one on the object ("aid
    to X"); a country named as a place on the clause ("arrived in Amman", "troops from Lebanon")."""
    heads = [clause] if clause.i == verb.i else [clause, verb]
    if _passive_participle_on(verb) and verb.head.i in ctx.actor_at:
        return [ctx.actor_at[verb.head.i]]  # "a man accused of witchcraft": the man is accused
    for head in heads:
        if head.dep_ == "relcl" and any(c.dep_ in ("dobj", "obj") and c.lower_ in RELATIVE_PRONOUNS
                                        for c in head.children):
            return actors_of(ctx, head.head)  # "the group, which the U.S. is battling"
    objects = [c for h in heads for c in h.children if c.dep_ in ("dobj", "obj", "dative")
               or (c.dep_ == "nsubjpass" and passive_actor(h) is None)] or _borrowed_patients(verb)
    # the actor's own is no target ("withdrew its troops from Lebanon": the target is Lebanon)
    own = {o.i for o in objects if any(p.dep_ == "poss" and p.lower_ in _OWN_POSSESSIVES for p in o.children)
           and o.lemma_.lower() not in _NOT_ONES_OWN}
    is_complement = {match.complement.i} if match.complement is not None else set()
    # what is given is no target: who it is given to is ("provided photographs to Macedonia",
    # "granted asylum to five Panamanian officers", "handed over medicine to the Red Crescent")
    recipients = [_recipient(ctx, h) for h in heads] if _giving(match) else []
    candidates = [
        *recipients,
        *[actors_of(ctx, o) for o in objects if o.i not in is_complement and o.i not in own],
        *[_prep_object(ctx, h) for h in heads],
        *[_prep_object(ctx, o) for o in objects],
        # "rejected a U.S. request", "denounced Serbia's suppression": the actor inside the object
        *[actors_of(ctx, o) for o in objects if o.i in is_complement and o.i not in own],
        # "demanded that Moscow admit ...", but not "said that Syria agreed": a report has no target
        *[actors_of(ctx, _clause_subject(h)) for h in heads if h.lemma_.lower() not in SPEECH_VERBS],
        # "rallied to demand the resignation of President X", "in protest against Sweden's decision"
        *[actors_of(ctx, o) for h in heads for o in _purpose_objects(h)],
        *[_place_actors(ctx, h) for h in heads],
        *[_place_actors(ctx, o) for o in objects],  # "imposed a curfew in Abidjan"
        # "threatened to halt talks if the United States goes ahead": who must meet the condition
        *[actors_of(ctx, _condition_subject(h)) for h in heads],
    ]
    candidates = [c for c in candidates if c]
    return next((c for c in candidates if any(a.country for a in c)), candidates[0] if candidates else [])


# Codes of giving: aid of every kind (07) and returning or handing over (084).
_GIVING = ("07", "084")


def _giving(match: Match) -> bool:
    return bool(match.rule.cameo) and match.rule.cameo.startswith(_GIVING)


def _recipient(ctx: Context, head: Token) -> list[Actor]:
    """Who something is given to: an indirect object, or a "to" phrase on the verb or on what is
    given ("providing images and other intelligence to Ukraine")."""
    given = [o for c in head.children if c.dep_ in ("dobj", "obj") for o in (c, *c.conjuncts)]
    for word in (head, *given):
        for child in word.children:
            if child.dep_ == "dative" and child.lower_ != "to":
                return actors_of(ctx, child)
            if child.dep_ in ("prep", "dative") and child.lower_ == "to":
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return actors_of(ctx, pobj)
    return []


def _purpose_objects(head: Token) -> list[Token]:
    """The objects of what the act was for: a to-clause ("to protest the arrests") or a protest
    phrase ("in protest against the decision", "in protest of the ruling")."""
    out = []
    for child in head.children:
        if child.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children):
            out += [o for o in child.children if o.dep_ in ("dobj", "obj")]
            out += [p for c in child.children if c.dep_ == "prep" and c.lower_ in ("against", "over")
                    for p in c.children if p.dep_ == "pobj"]
        if child.dep_ == "prep" and child.lower_ == "in":
            for noun in (p for p in child.children if p.dep_ == "pobj" and p.lemma_.lower() == "protest"):
                out += [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "against", "at", "over")
                        for p in c.children if p.dep_ == "pobj"]
    return out


def _condition_subject(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children):
            return next((g for g in child.children if g.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def _clause_subject(head: Token) -> Token | None:
    """The subject of a clause the verb governs: who is asked, in 'X demanded that Y ...'."""
    for child in head.children:
        if child.dep_ == "ccomp":
            return next((g for g in child.children if g.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def _prep_object(ctx: Context, head: Token, depth: int = 0) -> list[Actor]:
    """The actors after a targeting preposition on the word ("aid to X", "talks between X and
    Y"), or one preposition further down ("called for sanctions against X")."""
    for child in head.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in _TARGET_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = actors_of(ctx, pobj) or (_prep_object(ctx, pobj, depth + 1) if depth < 1 else [])
                    if found:
                        return found
    return []


def _place_actors(ctx: Context, head: Token) -> list[Actor]:
    """Places named as the clause's object ("shelled Kharkiv") or on it ("arrived in Amman") stand
    for their state, or a town for its people, as target."""
    named = [c for c in head.children if c.dep_ in ("dobj", "obj")]
    named += [pobj for c in head.children if c.dep_ == "prep" and c.lower_ in _TARGET_PLACE_PREPS
              for pobj in c.children if pobj.dep_ == "pobj"]
    named += [pobj for t in named for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
              for pobj in c.children if pobj.dep_ == "pobj"]  # "the town of Izium"
    for token in named:
        place = ctx.place_at.get(token.i)
        if place is not None and place.country and place.precision in ("country", "admin1", "city", "region"):
            return [place_as_actor(place)]
    return []


def date_of(ctx: Context, verb: Token, sentence: Sentence) -> EventDate | None:
    """The clause's time expression, else the sentence's first, else the publication date."""
    in_clause = [ctx.time_at[t.i] for t in clause_tokens(verb) if t.i in ctx.time_at]
    in_sentence = [ctx.time_at[i] for i in range(sentence.span.start, sentence.span.end) if i in ctx.time_at]
    for ref in [*in_clause, *in_sentence]:
        value = (ref.value or "")[:10] if ref.type in ("DATE", "TIME") else None
        precision = precision_of(value)
        if precision:
            basis = "explicit" if _is_explicit(ref.text) else "relative"
            return EventDate(value, precision, basis)
    if ctx.published:
        return EventDate(ctx.published.isoformat(), "day", "publication")
    return None


def _is_explicit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def dedupe(events: list[Event]) -> list[Event]:
    """One event per (sentence, code, source, target): a verb and its light-verb noun can both
    fire, and "a bomb targeting a mosque in X killed 22" is one incident. The first event stands
    for it, noting the others' triggers, and takes their place when it has none of its own."""
    kept: dict[tuple, int] = {}
    out: list[Event] = []
    for e in events:
        key = (e.sentence, e.cameo.code, tuple(a.id for a in e.source), tuple(a.id for a in e.target))
        if key not in kept:
            kept[key] = len(out)
            out.append(e)
            continue
        first = out[kept[key]]
        located = first.location is None and e.location is not None
        out[kept[key]] = replace(first, also=(*first.also, trigger_word(e), *e.also),
                                 location=e.location if located else first.location,
                                 location_basis=e.location_basis if located else first.location_basis)
    return out


def trigger_word(event: Event) -> str:
    """The verb as written in the text: an event's trigger field starts with it."""
    return event.trigger.split(" [", 1)[0].strip()
