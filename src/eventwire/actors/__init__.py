"""Actors: who the text names, resolved to country, sector and a stable id.

Terms from the knowledge base (country names, demonyms, capitals and seats of power,
organizations, role nouns) are matched in the parsed document; the terms that modify one noun
phrase are combined into one actor ("Russian First Deputy Defense Minister Valery Gerasimov" ->
RUS, GOV, Gerasimov). A country or capital that only says where something happened ("in
Moscow") is left to the places stage.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..model import Actor, Place
from ..sentences import dateline_header
from .knowledge import ADJECTIVE, CAPITAL, COUNTRY, ORG, PERSON, ROLE, SEAT, KnowledgeBase, Term, load_knowledge
from .matcher import TermMatcher

__all__ = ["find_actors", "with_context_countries", "place_as_actor", "load_knowledge", "KnowledgeBase",
           "TermMatcher", "LOCATIVE_PREPS"]

# Dependencies by which a word modifies the noun that names the actor.
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "flat", "nn"})
# Prepositions after which a bare country or capital is a place, not an actor.
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout", "around",
                            "into", "from", "to", "within", "over", "toward", "towards", "through", "along",
                            "between", "of"})
# Prepositions after which a country is a party to what happens rather than only where.
_PARTY_PREPS = frozenset({"to", "between", "toward", "towards"})
# "Iran-backed militia": the country backs the actor, it is not the actor's country.
_BACKER = re.compile(r"^-?(backed|funded|sponsored|supported|allied|aligned|trained|armed)$", re.I)
# "Saudi-led coalition", "U.S.-led forces": the country leads the force; it is the force's country.
_LEADER = re.compile(r"^(led|headed|commanded)$", re.I)
# "anti-Syria", "pro-Iranian": a name after these is whom the actor opposes or supports.
_STANCES = frozenset({"anti", "pro"})
_PERSON_PRONOUNS = frozenset({"he", "she"})
_NON_STATE = frozenset({"IGO", "NGO", "IMG", "MNC"})


def find_actors(doc: Doc, kb: KnowledgeBase, matcher: TermMatcher, day: str | None = None) -> list[Actor]:
    """Every actor mention in the document, in text order. People and titles resolve to who held
    which office on `day` (ISO; the publication date)."""
    groups: dict[int, list[tuple[Span, list[Term]]]] = {}
    covered: set[int] = set()
    dateline = dateline_header(doc.text)
    for span, terms in matcher(doc):
        if dateline[0] <= span.start_char < dateline[1]:
            continue  # "LUXEMBOURG, June 24 (Wire) -": where the story was filed, not who acted
        groups.setdefault(phrase_head(leader_participle(span) or span.root).i, []).append((span, terms))
        covered.update(range(span.start, span.end))
    for ent in doc.ents:  # named people and groups the knowledge base does not know
        if ent.label_ in ("PERSON", "ORG") and not covered.intersection(range(ent.start, ent.end)) \
                and not dateline[0] <= ent.start_char < dateline[1]:
            groups.setdefault(phrase_head(ent.root).i, []).append((ent, []))
    merge_of_phrases(doc, groups)
    shared = shared_nouns(doc, groups)
    people = [e for e in doc.ents if e.label_ == "PERSON"]  # doc.ents builds its spans anew on each read
    built = {}
    for head_i in sorted(groups):
        actor = build_actor(doc, doc[head_i], groups[head_i], kb, day, groups.get(shared.get(head_i, -1), []),
                            people)
        if actor is not None:
            built[head_i] = actor
    return resolve_references(doc, list(described_people(doc, built, groups, kb, day).values()))


def described_people(doc: Doc, built: dict[int, Actor], groups: dict[int, list[tuple[Span, list[Term]]]],
                     kb: KnowledgeBase, day: str | None) -> dict[int, Actor]:
    """'Amina Diallo, Mali's best-known rights lawyer, ...': a person the knowledge base does not
    know takes the country and sector of the noun in apposition to the name, either way round
    ("Kenya's leading activist, Jane Wambui, ..."), where that noun names a country; else the
    country the person is "of" ("Lars Berg of Sweden"). Only a person left unresolved: the
    knowledge base knows better than a description. Keyed by head token."""
    out = dict(built)
    for head_i, actor in built.items():
        if not (actor.id or "").startswith("person:") or actor.country or actor.sector:
            continue
        token = doc[head_i]
        partners = [c.i for c in token.children if c.dep_ == "appos"]
        if token.dep_ == "appos":
            partners.append(token.head.i)
        about = next((built[i] for i in partners if i in built and built[i].country), None)
        if about is not None:
            out[head_i] = replace(actor, country=about.country, sector=about.sector, code=about.code,
                                  plover_sector=about.plover_sector)
        elif (country := _country_of(token, groups, kb, day)) is not None:
            out[head_i] = replace(actor, country=country, code=actor_code(kb, country, None, None))
    return out


def _country_of(person: Token, groups: dict[int, list[tuple[Span, list[Term]]]], kb: KnowledgeBase,
                day: str | None) -> str | None:
    """The country a person is "of" ("Lars Berg of Sweden", "Anna Nowak of Warsaw"): a country's
    name or its capital's, where the person lives or comes from."""
    for c in person.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                terms = [t for _, ts in groups.get(g.i, ()) for t in ts]
                if g.dep_ == "pobj" and terms and all(t.kind in (COUNTRY, CAPITAL) for t in terms):
                    return kb.country_on(terms[0].country, day)
    return None


def shared_nouns(doc: Doc, groups: dict[int, list[tuple[Span, list[Term]]]]) -> dict[int, int]:
    """'Hungarian and Romanian officials': the second country modifies the same noun as the
    first, so it is an actor of its own that takes the noun's role. Head -> the shared noun."""
    out = {}
    for head_i in groups:
        token = doc[head_i]
        if token.dep_ != "conj":
            continue
        first = token.head
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        noun = phrase_head(first)
        if first.dep_ in _MODIFIER_DEPS and noun.i != first.i and noun.i in groups:
            out[head_i] = noun.i
    return out


def merge_of_phrases(doc: Doc, groups: dict[int, list[tuple[Span, list[Term]]]]) -> None:
    """'the defense minister of Chad': a country in an of-phrase belongs to the role it follows."""
    for head_i in list(groups):
        head = doc[head_i]
        owner = head.head.head
        if head.dep_ != "pobj" or head.head.lower_ != "of" or owner.i not in groups:
            continue
        kinds = {t.kind for _, ts in groups[head_i] for t in ts}
        owner_kinds = {t.kind for _, ts in groups[owner.i] for t in ts}
        if kinds and kinds <= {COUNTRY, CAPITAL} and owner_kinds == {ROLE}:
            groups[owner.i].extend(groups.pop(head_i))


def with_context_countries(doc: Doc, actors: list[Actor], places: list[Place], kb: KnowledgeBase) -> list[Actor]:
    """Actors with a sector but no country take one from context: a place in their own phrase
    ("demonstrators in Baghdad", "the government of Sindh province"), else the country the
    document is about when one country has more than half of its country mentions."""
    place_at = {i: p for p in places if p.country
                for i in range(*_token_range(doc, p.span))}
    mentions = Counter(x.country for x in [*actors, *places] if x.country and len(x.country) == 3
                       and x.country not in _NON_STATE and not _elsewhere(doc, x))
    total = sum(mentions.values())
    top = mentions.most_common(1)
    dominant = top[0][0] if top and top[0][1] * 2 > total else None
    out = []
    for actor in actors:
        if actor.country is None and actor.sector:
            country = _country_in_phrase(doc, actor, place_at) or dominant
            if country:
                actor = replace(actor, id=actor.id or f"{country}-{actor.sector}", country=country,
                                code=actor_code(kb, country, actor.sector, None))
        out.append(actor)
    return out


def _elsewhere(doc: Doc, mention: Actor | Place) -> bool:
    """A mention that says whose the document is not: the other side's counterpart ("met his
    French counterpart"), or where someone went ("is expected to visit Beijing", "flew to Paris",
    "arrived in Paris")."""
    start, end = _token_range(doc, mention.span)
    if end <= start:
        return False
    head = doc[start:end].root
    if head.lemma_.lower() == "counterpart":
        return True
    if head.dep_ in ("dobj", "obj") and head.head.lemma_.lower() in _VISITING:
        return True
    if head.dep_ != "pobj":
        return False
    prep, verb = head.head.lower_, head.head.head.lemma_.lower()
    return (prep == "to" and verb in _TRAVELLING) or (prep == "in" and verb in _ARRIVING)


# Verbs whose object, or whose "to" phrase, is where someone went.
_VISITING = frozenset({"visit", "tour"})
_TRAVELLING = frozenset({"travel", "fly", "go", "come", "head", "arrive", "return", "trip", "visit"})
_ARRIVING = frozenset({"arrive", "land"})  # "arrived in Paris"


def _token_range(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    s = doc.char_span(span[0], span[1], alignment_mode="expand")
    return (s.start, s.end) if s is not None else (0, 0)


def _country_in_phrase(doc: Doc, actor: Actor, place_at: dict[int, Place]) -> str | None:
    start, end = _token_range(doc, actor.span)
    if end <= start:
        return None
    head = doc[start:end].root
    verb = head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    # the actor's own phrase ("protesters in Basra"), then its clause ("met protesters in Basra",
    # "blocked streets in Hong Kong")
    here = ("in", "at", "near", "across", "throughout")
    objects = [(o, here) for o in verb.children if o.dep_ in ("dobj", "obj")]
    # not where someone arrived or what they visited ("the president arrived in Paris")
    going = verb.lemma_.lower() in _ARRIVING | _TRAVELLING | _VISITING
    clause = [] if going else [(verb, here), *objects]
    for owner, preps in ((head, ("in", "of", "from")), *clause):
        for prep in owner.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                for pobj in prep.children:
                    if pobj.i in place_at:
                        return place_at[pobj.i].country
    return None


def phrase_head(token: Token) -> Token:
    """The noun a modifier chain ends in: Russian -> Minister -> Gerasimov."""
    while token.dep_ in _MODIFIER_DEPS and token.head.i != token.i and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head
    return token


def is_backer(span: Span) -> bool:
    """'Iran-backed', 'pro-Iranian': the country supports the actor; it is not the actor's country."""
    doc = span.doc
    nxt = doc[span.end: span.end + 2]
    # the backing word right after the name, or after a hyphen: "Iran-backed", "Iranian backed";
    # not one further on ("Burundian militiamen armed with machetes")
    backing = nxt[1:] if len(nxt) and nxt[0].text == "-" else nxt[:1]
    return (any(_BACKER.match(t.text) for t in backing) or bool(_BACKER.match(doc[span.end - 1].text.split("-")[-1]))
            or _after_prefix(span, ("pro",)) or span.text.lower().startswith("pro-"))


def leader_participle(span: Span) -> Token | None:
    """'Ethiopian-led forces', 'U.S.-led troops': the participle that hangs the leading name on the
    force it leads, so the name joins the force's phrase and gives its country (a backer does not:
    see is_backer). Only hyphened: in "Ethiopian generals led forces into Somalia" it is a verb."""
    doc = span.doc
    last = doc[span.end - 1]
    if "-" in last.text and _LEADER.match(last.text.rsplit("-", 1)[-1]):
        return last  # one token: "U.S.-led"
    if span.end + 1 < len(doc) and doc[span.end].text == "-" and _LEADER.match(doc[span.end + 1].text):
        return doc[span.end + 1]
    return None


def is_stance(span: Span) -> bool:
    """'an anti-Israel cleric', 'anti-government rebels', 'pro-Assad militias': the name is whom
    the actor opposes or supports, never the actor's own country, group, person or sector. Alone
    before a thing ("an anti-American rally") it is still the party opposed."""
    return _after_prefix(span, _STANCES)


def _after_prefix(span: Span, prefixes) -> bool:
    """The span follows one of the prefixes, hyphened or not: 'anti-Syria', 'pro Iranian'."""
    doc = span.doc
    i = span.start - 1
    if i > 0 and doc[i].text in ("-", "\u2013"):
        i -= 1
    return i >= 0 and doc[i].lower_.rstrip("-") in prefixes


def is_locative(head: Token) -> bool:
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS


def build_actor(doc: Doc, head: Token, items: list[tuple[Span, list[Term]]], kb: KnowledgeBase,
                day: str | None = None, borrowed: list[tuple[Span, list[Term]]] = (),
                people: list[Span] | None = None) -> Actor | None:
    """One actor from the terms that modify one noun. `borrowed`: the terms of a noun this phrase
    shares through coordination ("Romanian" in "Hungarian and Romanian officials")."""
    own = [(span, ts) for span, ts in items if not is_stance(span)]
    if own:  # "anti-American protesters" are not the US's; an "anti-American rally" names only the US
        items = own
    terms = [(span, t) for span, ts in items for t in ts]
    known = [(s, t) for s, t in terms if t.kind == PERSON]
    countries = [(s, t) for s, t in terms if t.kind in (COUNTRY, ADJECTIVE, CAPITAL, SEAT)
                 and not is_backer(s) and not is_ethnic(s)]
    orgs = [(s, t) for s, t in terms if t.kind == ORG]
    if any(t.country for _, t in orgs):  # "the Russian-led CSTO": a named body keeps its own country
        countries = [(s, t) for s, t in countries if not leader_participle(s)]
    # "leader" names no sector of its own; "military aid" is aid, not the military
    roles = [(s, t) for s, t in terms if t.kind == ROLE and t.sector and not _adjective_only(s, head)]
    if borrowed and countries and not (orgs or roles):
        roles = [(s, t) for s, ts in borrowed for t in ts if t.kind == ROLE and t.sector]
    people = [e for e in doc.ents if e.label_ == "PERSON"] if people is None else people
    person = next((e for e in people if e.start <= head.i < e.end), None)
    if person is not None and any(s.start <= person.start and person.end <= s.end for s, _ in countries):
        person = None  # "arrived in Dakar": the tagger's person is a capital the knowledge base knows
    if known:
        return person_actor(doc, head, items, kb, max(known, key=lambda st: st[0].end)[1], day)
    place_like = all(t.kind in (COUNTRY, CAPITAL) for _, t in countries)
    # "aid to Mozambique", "talks between Syria and Israel": a state is a party; it stays a place too
    party = head.head.lower_ in _PARTY_PREPS and all(t.kind == COUNTRY for _, t in countries)
    if is_locative(head) and countries and place_like and not (orgs or roles or person or party):
        return None  # "in Syria": a place
    if countries and not (orgs or roles or person) and _capital_before_a_thing(countries, head):
        return None  # "a Baghdad restaurant": where the restaurant is, not Iraq's government
    ethnic_people = not countries and head.tag_ == "NNPS" and any(
        is_ethnic(s) for s, t in terms if t.kind == ADJECTIVE)  # "ethnic Albanians"
    if not (countries or orgs or roles or person or ethnic_people) and not any(s.label_ == "ORG" for s, _ in items):
        return None  # only a backer ("Iran-backed") or an unknown modifier
    if not terms and is_locative(head):
        return None  # an unknown name after "in", "near": the places stage decides
    span = _mention_span(doc, head, items, person)
    org = max(orgs, key=lambda st: st[0].end)[1] if orgs else None
    # the noun's own role, nearest the end; but "opposition candidates" are the opposition's
    role = max(roles, key=lambda st: (st[1].sector == "OPP", st[0].end))[1] if roles else None
    country_term = _country_term(doc, head, countries)
    country = country_term.country if country_term else (org.country if org else None)
    if country_term is not None and country_term.kind in (CAPITAL, SEAT):
        # a capital stands for its state only once there is one: "Juba" before 2011 is a
        # Sudanese town; a territory's own name ("Montenegro's prime minister") keeps its code
        country = kb.country_on(country, day)
    source = _sector_source(kb, role, org, country_term)
    sector, plover = (source.sector_on(day), kb.plover_sector(source, day)) if source else (None, None)
    if sector is None and (ethnic_people or country_term is not None and country_term.kind == ADJECTIVE
                           and head.tag_ == "NNPS"):
        sector, plover = "CVL", "CVL"  # "Palestinians", "Iraqi Kurds": a people, its civilians
    if sector is None and country_term is not None and any(t.key == "leader" for _, t in terms):
        sector, plover = "GOV", "GOV"  # "Palestinian leaders": a country's leaders govern it
    if role and is_former(doc, head, span):
        sector, plover = "ELI", "ELI"  # "ousted President Askar Akayev": an elite, not the government
    holder = kb.holder(country, role_key(role.key), day) if (role and country and not person) else None
    if person:
        name, actor_id = person.text, "person:" + slug(person.text)
    elif holder is not None and sector != "ELI":  # "the Iraqi oil minister": whoever held the office that day
        name, actor_id = holder.name, "person:" + holder.person
    elif org:
        name, actor_id = org.name, org.key
    elif country_term:
        name, actor_id = kb.countries[country].name, country + (f"-{sector}" if sector else "")
    else:
        unknown = next((s for s, _ in items if s.label_ == "ORG"), None)
        name, actor_id = (unknown.text, None) if unknown is not None else (None, None)
    return Actor(span.text, (span.start_char, span.end_char), name, actor_id, country, sector,
                 actor_code(kb, country, sector, org), plover)


def _capital_before_a_thing(countries: list[tuple[Span, Term]], head: Token) -> bool:
    """Only capitals, put before a common noun as its compound: a place that says where the thing
    is ("a Kabul hotel"); "Moscow's decision" and "the Kabul government" stay the government."""
    return head.pos_ == "NOUN" and all(
        t.kind == CAPITAL and s.root.dep_ == "compound" and s.root.head.i == head.i for s, t in countries)


def _adjective_only(span: Span, head: Token) -> bool:
    return span.root.pos_ == "ADJ" and span.root.i != head.i


def _mention_span(doc: Doc, head: Token, items, person: Span | None) -> Span:
    start = min([s.start for s, _ in items] + ([person.start] if person else []))
    end = max([head.i + 1] + [s.end for s, _ in items] + ([person.end] if person else []))
    while "\n" in doc[start:head.i + 1].text and start < head.i:  # never across a line break
        start += 1
    return doc[start:end]


def _country_term(doc: Doc, head: Token, countries: list[tuple[Span, Term]]) -> Term | None:
    """The nearest country term to the noun, except that a people named by its own demonym takes
    the country it lives in: "Bosnian Serbs" are Bosnia's, "Iraqi Kurds" Iraq's."""
    if not countries:
        return None
    ordered = sorted(countries, key=lambda st: st[0].end)
    last_span, last = ordered[-1]
    if len(ordered) > 1 and last.kind == ADJECTIVE and last_span.start <= head.i < last_span.end \
            and head.tag_ == "NNPS":
        return ordered[-2][1]
    return last


def _sector_source(kb: KnowledgeBase, role: Term | None, org: Term | None, country_term: Term | None) -> Term | None:
    if role and org and role.key in kb.member_roles and org.sector not in (None, "IGO", "NGO", "GOV"):
        return org  # "al-Shabaab fighters" are al-Shabaab's; "UN peacekeepers" stay MIL
    return role or org or country_term


_FORMER = frozenset({"former", "ousted", "exiled", "deposed", "ex", "ex-", "toppled", "late"})


def is_former(doc: Doc, head: Token, span: Span) -> bool:
    """'former president', 'ousted leader', 'ex-minister': no longer in office."""
    words = {t.lower_ for t in doc[max(span.start - 1, 0): head.i + 1]}
    return bool(words & _FORMER) or any(t.lower_.startswith("ex-") for t in span)


def is_ethnic(span: Span) -> bool:
    """'ethnic Albanians in Macedonia': a people, not the state whose name their demonym shares."""
    return span.start > 0 and span.doc[span.start - 1].lower_ == "ethnic"


def place_as_actor(place: Place) -> Actor:
    """A place named as an event's target stands for its state ("aid to Mozambique") or, for a
    town, city or province, for its inhabitants ("imposed a curfew in Abidjan": the country's
    civilians)."""
    sector = None if place.precision == "country" else "CVL"
    return Actor(place.text, place.span, place.name, place.country + (f"-{sector}" if sector else ""),
                 place.country, sector, place.country + (sector or ""), sector)


def person_actor(doc: Doc, head: Token, items, kb: KnowledgeBase, term: Term, day: str | None) -> Actor:
    """A person the knowledge base knows, with the country and sector of their office that day."""
    start = min(s.start for s, _ in items)
    end = max([head.i + 1] + [s.end for s, _ in items])
    span = doc[start:end]
    titles = {role_key(t.key) for _, ts in items for t in ts if t.kind == ROLE}
    # "Prime Minister Ismail Haniyeh": the office the text names, over the one held that day
    office = kb.office_titled(term.key, titles, day) or kb.office_of(term.key, day)
    country = office.country if office else term.country
    sector = office.sector if office else term.sector
    if is_former(doc, head, span):
        sector = "ELI"
    return Actor(span.text, (span.start_char, span.end_char), term.name, "person:" + term.key, country, sector,
                 actor_code(kb, country, sector, None), kb.crosswalk(sector))


def role_key(noun: str) -> str:
    """Role nouns as people.csv names offices: British and American spellings meet."""
    return noun.replace("defense", "defence")


def actor_code(kb: KnowledgeBase, country: str | None, sector: str | None, org: Term | None) -> str | None:
    if org is not None and org.code and (sector is None or sector == org.sector):
        return org.code
    base = kb.countries[country].cameo if country in kb.countries else country
    return (base or "") + (sector or "") or None


def resolve_references(doc: Doc, actors: list[Actor]) -> list[Actor]:
    """Later mentions of a person take the first full mention's resolution: a bare surname
    ("Gerasimov") and 'he' / 'she' (the most recent person named before it)."""
    out: list[Actor] = []
    people: list[Actor] = []
    for actor in actors:
        if actor.id and actor.id.startswith("person:"):
            earlier = next((p for p in reversed(people) if _same_person(actor, p)), None)
            if earlier is not None and (earlier.country or earlier.sector) and not (actor.country or actor.sector):
                actor = replace(earlier, text=actor.text, span=actor.span)
            people.append(actor)
        out.append(actor)
    for token in doc:
        if token.lower_ not in _PERSON_PRONOUNS or token.pos_ != "PRON":
            continue
        before = [a for a in people if a.span[1] <= token.idx]
        if before:
            a = before[-1]
            out.append(replace(a, text=token.text, span=(token.idx, token.idx + len(token))))
    return sorted(out, key=lambda a: a.span)


def _same_person(later: Actor, earlier: Actor) -> bool:
    """'Gerasimov' after 'Valery Gerasimov': the later name is the earlier one's surname or whole."""
    a, b = (later.name or "").split(), (earlier.name or "").split()
    return bool(a) and len(a) <= len(b) and b[-len(a):] == a


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
