"""The actor knowledge base: countries, organizations and role nouns, read from data/actors.

Every alias becomes a `Term`; the finder matches terms in text and the resolver combines the
terms of one noun phrase into an Actor. Users correct a resolution by editing a CSV row.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from ..data_files import read_csv, split_list

# What a term says about the phrase it sits in.
COUNTRY, ADJECTIVE, CAPITAL, SEAT, ORG, ROLE, PERSON = (
    "country", "adjective", "capital", "seat", "org", "role", "person")


@dataclass(frozen=True, slots=True)
class Term:
    kind: str
    key: str  # iso3 for country-like terms, organization id, or role noun
    country: str | None
    sector: str | None
    code: str | None
    name: str
    plover: str | None = None  # PLOVER sector where it differs from the CAMEO one's crosswalk
    since: str | None = None  # the sector holds from this date (ISO); before it, `sector_before`
    sector_before: str | None = None

    def sector_on(self, day: str | None) -> str | None:
        """The sector on that day: the Taliban were rebels before August 2021, a government after."""
        if self.since and day and day[:10] < self.since[: len(day[:10])]:
            return self.sector_before
        return self.sector


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    cameo: str
    name: str
    before: str | None = None  # the state its land belonged to until `since` (successions.csv)
    since: str | None = None  # ISO date the state came into being


@dataclass(frozen=True, slots=True)
class Organization:
    id: str
    name: str
    country: str | None
    sector: str | None
    code: str | None


@dataclass(frozen=True, slots=True)
class Office:
    """One person's term in one office: people.csv has a row per term."""

    person: str  # people.csv id
    name: str
    country: str
    sector: str | None
    role: str
    start: str  # ISO date, month or year
    end: str | None

    def held_on(self, day: str) -> bool:
        return self.start[: len(day)] <= day and (not self.end or day[: len(self.end)] <= self.end)


class KnowledgeBase:
    def __init__(self) -> None:
        self.countries: dict[str, Country] = {}
        self.organizations: dict[str, Organization] = {}
        self.terms: dict[str, list[Term]] = {}  # alias as written -> terms
        self.offices: dict[str, list[Office]] = {}  # person id -> terms, in start order
        # One-word names that are also common words ("Youth" as a group's name) match only as written.
        self.exact_aliases: set[str] = set()
        # Role nouns that only say someone belongs to a group ("Hamas spokesman", "ISWAP fighters"):
        # a named group's sector wins over theirs.
        self.member_roles: set[str] = set()
        # Role nouns for things, not people: machines that act for a force ("helicopters fired"),
        # buildings and sites that stand for their institution ("the embassy said"). Their relative
        # clauses say where they are, and burning one destroys property.
        self.things: set[str] = set()
        self.plover_sectors: dict[str, str] = {}  # CAMEO agent code -> PLOVER sector (sectors.csv)
        self._by_title: dict[tuple[str, str], list[Office]] | None = None

    def plover_sector(self, term: Term | None, day: str | None = None) -> str | None:
        """The PLOVER sector a term gives: its own, else the crosswalk of its CAMEO sector."""
        if term is None:
            return None
        sector = term.sector_on(day)
        if term.plover and sector == term.sector:
            return term.plover
        return self.crosswalk(sector)

    def names_role(self, word: str) -> bool:
        """Whether the word is a role noun of roles.csv, singular or plural ("engineers", "crew member")."""
        return any(t.kind == ROLE for t in self.terms.get(word.lower(), ()))

    def names_thing(self, word: str) -> bool:
        """Whether the word is a role noun of roles.csv for a thing ("helicopters", "a school")."""
        return any(t.kind == ROLE and t.key in self.things for t in self.terms.get(word.lower(), ()))

    def crosswalk(self, sector: str | None) -> str | None:
        """The PLOVER sector of a CAMEO agent code (sectors.csv)."""
        return self.plover_sectors.get(sector or "") or None

    def office_of(self, person: str, day: str | None) -> Office | None:
        """The person's office on that day; else the latest before it; else the first."""
        terms = self.offices.get(person, [])
        if not terms:
            return None
        if day:
            current = [o for o in terms if o.held_on(day)]
            if current:
                return current[-1]
            earlier = [o for o in terms if o.start <= day]
            if earlier:
                return earlier[-1]
        return terms[0]

    def office_titled(self, person: str, titles: set[str], day: str | None) -> Office | None:
        """Of the person's offices with one of these titles, the one held that day, else the latest."""
        titled = [o for o in self.offices.get(person, []) if o.role in titles]
        current = [o for o in titled if day and o.held_on(day)]
        return (current or titled or [None])[-1]

    def country_on(self, iso3: str | None, day: str | None) -> str | None:
        """The state a country's land belonged to on that day: Sudan for South Sudan before July
        2011 ("Juba" in a 2000 story is a Sudanese town)."""
        country = self.countries.get(iso3 or "")
        while day and country is not None and country.since and day[:len(country.since)] < country.since:
            iso3 = country.before
            country = self.countries.get(iso3 or "")
        return iso3

    def holder(self, country: str, role: str, day: str | None) -> Office | None:
        """Who held the office ("the Iraqi oil minister") on that day."""
        if not day:
            return None
        found = [o for o in self._offices_by_title().get((country, role), ()) if o.held_on(day)]
        return found[-1] if found else None

    def set_offices(self, person: str, terms: list[Office]) -> None:
        self.offices[person] = sorted(terms, key=lambda o: o.start)
        self._by_title = None

    def _offices_by_title(self) -> dict[tuple[str, str], list[Office]]:
        """(country, role) -> its terms, built on first use: a title lookup per actor mention
        must not scan every office."""
        if self._by_title is None:
            self._by_title = {}
            for terms in self.offices.values():
                for o in terms:
                    self._by_title.setdefault((o.country, o.role), []).append(o)
        return self._by_title

    def add(self, alias: str, term: Term) -> None:
        alias = alias.strip()
        if alias.lower().startswith("the "):
            alias = alias[4:]  # matched without the article; "the" is left outside the mention
        if alias and term not in self.terms.setdefault(alias, []):
            self.terms[alias].append(term)

    def country_term(self, iso3: str, kind: str) -> Term:
        c = self.countries[iso3]
        sector = "GOV" if kind in (CAPITAL, SEAT) else None
        return Term(kind, iso3, iso3, sector, c.cameo + (sector or ""), c.name)


def plural(noun: str) -> str:
    """English plural of the last word of a role noun ("prime minister" -> "prime ministers",
    "child" -> "children")."""
    head, _, last = noun.rpartition(" ")
    if last == "child":
        last = "children"
    elif last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith("man"):
        last = last[:-3] + "men"
    else:
        last += "s"
    return f"{head} {last}".strip()


@lru_cache(maxsize=1)
def load_knowledge() -> KnowledgeBase:
    kb = KnowledgeBase()
    kb.plover_sectors = {row["cameo"]: row["plover"] for row in read_csv("actors", "sectors.csv")}
    for row in read_csv("actors", "countries.csv"):
        iso3 = row["iso3"]
        kb.countries[iso3] = Country(iso3, row.get("cameo") or iso3, row["name"])
        for alias in [row["name"], *split_list(row.get("aliases", ""))]:
            kb.add(alias, kb.country_term(iso3, COUNTRY))
        for alias in split_list(row.get("adjectives", "")):
            kb.add(alias, kb.country_term(iso3, ADJECTIVE))
        for alias in split_list(row.get("capitals", "")):
            kb.add(alias, kb.country_term(iso3, CAPITAL))
        for alias in split_list(row.get("seats", "")):
            kb.add(alias, kb.country_term(iso3, SEAT))
    for row in read_csv("actors", "successions.csv"):
        kb.countries[row["iso3"]] = replace(kb.countries[row["iso3"]], before=row["before"], since=row["since"])
    for row in read_csv("actors", "organizations.csv"):
        org = Organization(row["id"], row["name"], row.get("country") or None, row.get("sector") or None,
                           row.get("code") or None)
        kb.organizations[org.id] = org
        term = Term(ORG, org.id, org.country, org.sector, org.code, org.name, row.get("plover") or None,
                    row.get("since") or None, row.get("sector_before") or None)
        for alias in [row["name"], *split_list(row.get("aliases", ""))]:
            kb.add(alias, term)
    for row in read_csv("actors", "people.csv"):
        office = Office(row["id"], row["name"], row["country"], row.get("sector") or None,
                        (row.get("role") or "").lower().replace("defense", "defence"), row.get("start") or "0000",
                        row.get("end") or None)
        kb.offices.setdefault(office.person, []).append(office)
        term = Term(PERSON, office.person, office.country, office.sector, None, office.name)
        for alias in [row["name"], *split_list(row.get("aliases", ""))]:
            if not any(t.kind == PERSON and t.key == office.person for t in kb.terms.get(alias, [])):
                kb.add(alias, term)
    for terms in kb.offices.values():
        terms.sort(key=lambda o: o.start)
    for row in read_csv("actors", "roles.csv"):
        noun = row["noun"].lower()
        term = Term(ROLE, noun, None, row.get("sector") or None, None, noun, row.get("plover") or None)
        if row.get("group_sector_wins") == "yes":
            kb.member_roles.add(noun)
        if row.get("thing") == "yes":
            kb.things.add(noun)
        kb.add(noun, term)
        if noun not in UNCOUNTABLE:
            kb.add(plural(noun), term)
    return kb


# Role nouns that take no regular plural (their plural is themselves or irregular).
UNCOUNTABLE = frozenset({"police", "military", "government", "administration", "opposition", "intelligence",
                         "parliament", "congress", "cabinet", "judiciary", "media", "press", "clergy",
                         "staff", "personnel", "security forces", "armed forces", "riot police"})
