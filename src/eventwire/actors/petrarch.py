"""Importing PETRARCH / Phoenix actor and agent dictionaries into the knowledge base.

Users who already maintain TABARI/PETRARCH dictionaries can bring them along: actor files
(`Phoenix.Countries.actors.txt`, ...) become country, organisation and dated person terms,
the agents file becomes role nouns.

Actor file format (as PETRARCH reads it)::

    AFGHANISTAN_  [AFG]            # a phrase with its code
    +AFGHAN_                       # synonyms of the phrase above
    HAMID_KARZAI_  # a comment
        [AFGGOV 011222-140929]     # codes with date restrictions: from-to,
        [AFGELI >140929]           # >after, <before (YYMMDD or YYYYMMDD)
        [AFGELI]                   # the default when no restriction applies

Phrases without a code share the codes of the next coded phrase. `[---]` is a null code.
Agents file::

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON     # substitution set
    FOREIGN_MINISTER [~GOV]                       # regular plural added
    POLICE {} [~COP]                              # {}: no plural; {X}: plural X
    CONGRESS!PERSON! [~LEG]                       # one noun per substitute
    HUMAN_RIGHTS_BODY [NGO~]

Underscores join words. Malformed lines are counted in an `ImportReport` and skipped.
Aliases the knowledge base already has are left to the curated rows: the dictionaries add
names, they do not override them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .knowledge import (COUNTRY, ORG, PERSON, ROLE, UNCOUNTABLE, Country, KnowledgeBase, Office, Organization,
                        Term, load_knowledge, plural)

# Sector codes eventwire uses (see data/actors/README.md).
SECTORS = frozenset({
    "GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "REB", "INS", "SEP", "UAF", "CVL", "BUS", "MED", "EDU",
    "LAB", "REF", "HLH", "HRI", "NGO", "IGO", "CRM", "ELI", "AGR", "ENV", "REL", "MOD", "RAD", "DEV", "SPY"})
# CAMEO religion codes; eventwire files them under the REL sector. (SUN and MAR are left out:
# PETRARCH also uses them for the Soviet Union and Morocco.)
RELIGIONS = frozenset({
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "ENG", "EVA", "HIN", "HSD", "ITR",
    "JAN", "JEW", "JHW", "LDS", "MOS", "MRN", "MUS", "NEW", "ORT", "PRO", "SHI", "SHN", "SIK", "SUF", "TAO",
    "UDQ", "ZRO"})
# Leading blocks that are not a country: international bodies, NGOs, militarized groups, firms.
NON_STATE = frozenset({"IGO", "NGO", "IMG", "MNC", "NGM", "INT", "UIS"})
_PREFIX_SECTOR = {"IGO": "IGO", "NGO": "NGO", "IMG": "INS", "MNC": "BUS"}
# Lower-case words inside title-cased names ("Secretary General of the United Nations").
_PARTICLES = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "de", "del", "des", "du", "la", "le",
                        "da", "van", "von", "bin", "ibn"})

_CODE = re.compile(r"^(?:[A-Z][A-Z0-9]{2,}|-{1,3})$")  # NGOCHRPRO214: numbered tags occur
_AGENT_CODE = re.compile(r"^(?:~[A-Z]{3,}|[A-Z]{3,}~)$")
_BRACKETS = re.compile(r"\[([^\[\]]*)\]")
_MARKER_DEF = re.compile(r"^!([^!\s]+)!\s*=\s*(.*)$")
_MARKER = re.compile(r"!([^!\s]+)!")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_MAX_PROBLEMS = 200


@dataclass(frozen=True, slots=True)
class ImportedActor:
    """One phrase of an actor dictionary. Phrases are as written, with `_` turned into spaces."""

    name: str
    aliases: tuple[str, ...]
    codes: tuple[tuple[str, str | None, str | None], ...]  # (code, start ISO date, end ISO date)


@dataclass(frozen=True, slots=True)
class ImportedAgent:
    """One agent noun as written (`_` turned into spaces) and its raw code (`~GOV`, `NGO~`).
    `plurals`: None for the regular plural, () for none, else the listed plural forms."""

    noun: str
    code: str
    plurals: tuple[str, ...] | None = None

    @property
    def sector(self) -> str | None:
        """`~GOVMED` -> GOV; religion codes (`~MUS`) -> REL; other blocks are kept as written."""
        return agent_sector(self.code)

    def forms(self) -> list[str]:
        """Singular first, then plurals; lower case except very short words (`CEO`)."""
        noun = _agent_form(self.noun)
        if self.plurals is None:
            extra = [] if noun.lower() in UNCOUNTABLE or _is_short(noun) else [plural(noun)]
        else:
            extra = [_agent_form(p) for p in self.plurals]
        return list(dict.fromkeys(f for f in [noun, *extra] if f))


@dataclass
class ImportReport:
    """What an import did: counts by kind, and the first problems found (`source:line: reason`)."""

    counts: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)

    def problem(self, where: str, reason: str, kind: str = "malformed_lines") -> None:
        self.counts[kind] += 1
        if len(self.problems) < _MAX_PROBLEMS:
            self.problems.append(f"{where}: {reason}")


# ---------------------------------------------------------------------------------------------
# Reading


def parse_date(text: str) -> str:
    """`YYMMDD` or `YYYYMMDD` as an ISO date. As in PETRARCH, YY 00-30 is 20YY, else 19YY; eight
    or more digits are read as YYYYMMDD and six or seven as YYMMDD, extra digits ignored."""
    text = text.strip()
    if not text.isdigit() or len(text) < 6:
        raise ValueError(f"bad date {text!r}")
    if len(text) >= 8:
        year, rest = int(text[:4]), text[4:8]
    else:
        yy = int(text[:2])
        year, rest = (2000 + yy if yy <= 30 else 1900 + yy), text[2:6]
    try:
        return date(year, int(rest[:2]), int(rest[2:4])).isoformat()
    except ValueError:
        raise ValueError(f"bad date {text!r}") from None


def parse_code(content: str) -> tuple[str, str | None, str | None]:
    """The inside of `[USAGOV 970101-010120]` as (code, start, end). Raises ValueError."""
    parts = content.split(None, 1)
    if not parts:
        raise ValueError("empty code")
    code = parts[0].upper()
    if not _CODE.match(code):
        raise ValueError(f"bad code {parts[0]!r}")
    rest = parts[1].strip() if len(parts) > 1 else ""
    if not rest:
        return code, None, None
    if rest[0] == "<":
        return code, None, parse_date(rest[1:])
    if rest[0] == ">":
        return code, parse_date(rest[1:]), None
    if "-" in rest:
        first, _, second = rest.partition("-")
        start, end = parse_date(first), parse_date(second)
        if end < start:
            raise ValueError(f"date range ends before it starts: {rest!r}")
        return code, start, end
    if rest.isdigit():  # [MNEGOV 20121204]: a bare date, read as the start of the term
        return code, parse_date(rest), None
    raise ValueError(f"bad date restriction {rest!r}")


def _phrase(text: str) -> str:
    return " ".join(_CONTROL.sub("", text).replace("_", " ").split())


def _strip_comment(line: str) -> str:
    return _CONTROL.sub("", line.split("#", 1)[0].split(";", 1)[0]).strip()


def _lines(lines: Iterable[str] | str) -> Iterable[str]:
    return lines.splitlines() if isinstance(lines, str) else lines


def _read_codes(text: str) -> list[tuple[str, str | None, str | None]]:
    """Every `[...]` group in text. Raises ValueError if one is malformed or unbalanced."""
    codes = [parse_code(m.group(1)) for m in _BRACKETS.finditer(text)]
    leftover = _BRACKETS.sub("", text)
    if "[" in leftover or "]" in leftover:
        raise ValueError("unbalanced brackets")
    return codes


def parse_actors(lines: Iterable[str] | str, report: ImportReport | None = None,
                 source: str = "<actors>") -> Iterator[ImportedActor]:
    """Actor entries in file order. A phrase without codes shares the codes of the next coded
    phrase, as in PETRARCH; phrases that never get a code are counted and dropped."""
    report = report if report is not None else ImportReport()
    group: list[tuple[str, list[str]]] = []  # phrases that will share `codes`
    codes: list[tuple[str, str | None, str | None]] = []

    def flush() -> Iterator[ImportedActor]:
        if group and codes:
            for name, aliases in group:
                report.counts["actors"] += 1
                yield ImportedActor(name, tuple(dict.fromkeys(a for a in aliases if a != name)), tuple(codes))
        elif group:
            report.counts["actors_without_code"] += len(group)
        group.clear()
        codes.clear()

    for number, raw in enumerate(_lines(lines), 1):
        where = f"{source}:{number}"
        if "---STOP---" in raw:
            break
        if raw.lstrip().startswith("<!"):
            continue
        line = _strip_comment(raw)
        if not line:
            continue
        try:
            if line[0] == "[":  # date restriction or default code of the current entry
                if not group:
                    raise ValueError("code line without a phrase before it")
                codes.extend(_read_codes(line))
            elif line[0] == "+":  # synonym(s); a stray '+' inside separates two synonyms
                if not group:
                    raise ValueError("synonym without a phrase before it")
                text, _, tail = line.partition("[")
                found = _read_codes("[" + tail) if tail else []
                synonyms = [_phrase(s) for s in text.split("+")]
                synonyms = [s for s in synonyms if s]
                if not synonyms:
                    raise ValueError("empty synonym")
                group[-1][1].extend(synonyms)
                codes.extend(found)
            else:  # a new phrase, perhaps with its codes
                text, bracket, tail = line.partition("[")
                found = _read_codes(bracket + tail) if bracket else []
                name = _phrase(text)
                if not any(ch.isalpha() for ch in name):
                    raise ValueError("phrase has no letters")
                if codes:
                    yield from flush()
                group.append((name, []))
                codes.extend(found)
        except ValueError as exc:
            report.problem(where, f"{exc}; line skipped")
    yield from flush()


def parse_agents(lines: Iterable[str] | str, report: ImportReport | None = None,
                 source: str = "<agents>") -> Iterator[ImportedAgent]:
    """Agent nouns in file order, one per noun (substitution sets give one per substitute)."""
    report = report if report is not None else ImportReport()
    markers: dict[str, list[str]] = {}
    for number, raw in enumerate(_lines(lines), 1):
        where = f"{source}:{number}"
        if raw.lstrip().startswith("<!"):
            continue
        line = _strip_comment(raw)
        if not line:
            continue
        definition = _MARKER_DEF.match(line)
        if definition:
            markers[definition.group(1)] = [_phrase(x) for x in definition.group(2).split(",") if _phrase(x)]
            continue
        match = re.match(r"^([^\[\]]*)\[\s*([^\[\]\s]+)\s*\]", line)
        if not match or not _AGENT_CODE.match(match.group(2).upper()):
            report.problem(where, "no [~CODE] agent code; line skipped")
            continue
        text, code = match.group(1), match.group(2).upper()
        plurals: tuple[str, ...] | None = None
        if "{" in text or "}" in text:
            head, brace, tail = text.partition("{")
            inside, closing, _ = tail.partition("}")
            if not brace or not closing:
                report.problem(where, "unbalanced { }; line skipped")
                continue
            text, given = head, _phrase(inside)
            plurals = (given,) if given else ()
        marker = _MARKER.search(text)
        if marker:
            if marker.group(1) not in markers:
                report.problem(where, f"substitution set !{marker.group(1)}! is not defined; line skipped")
                continue
            for substitute in markers[marker.group(1)]:
                noun = _phrase(text[:marker.start()] + substitute + text[marker.end():])
                if noun:
                    report.counts["agents"] += 1
                    yield ImportedAgent(noun, code, ())
            continue
        noun = _phrase(text)
        if not any(ch.isalpha() for ch in noun):
            report.problem(where, "agent noun has no letters; line skipped")
            continue
        report.counts["agents"] += 1
        yield ImportedAgent(noun, code, plurals)


def detect_kind(lines: Iterable[str] | str) -> str | None:
    """"actors", "agents" or None, by the codes a file holds: agent codes carry a `~`, actor codes
    are blocks of capitals (verb dictionaries have numbers, issue files longer words)."""
    votes: Counter = Counter()
    for raw in _lines(lines):
        line = _strip_comment(raw)
        if not line:
            continue
        if _MARKER_DEF.match(line):
            votes["agents"] += 1
        for content in _BRACKETS.findall(line):
            first = (content.split() or [""])[0].upper()
            if _AGENT_CODE.match(first):
                votes["agents"] += 1
            elif re.match(r"^[A-Z][A-Z0-9]{2,}$", first) and "_" not in content:
                votes["actors"] += 1
            else:
                votes["other"] += 1
    if not votes:
        return None
    kind, count = votes.most_common(1)[0]
    return kind if kind != "other" and count > sum(votes.values()) - count else None


def _files(paths: Iterable[str | Path]) -> Iterator[Path]:
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        else:
            yield path


def load_dictionaries(paths: Iterable[str | Path], report: ImportReport | None = None
                      ) -> tuple[list[ImportedActor], list[ImportedAgent]]:
    """Actor and agent entries from files (a folder means the files in it), each file's kind
    detected from its content. Files that are neither, or cannot be read, are reported and
    skipped."""
    report = report if report is not None else ImportReport()
    actors: list[ImportedActor] = []
    agents: list[ImportedAgent] = []
    for path in _files(paths):
        try:
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError as exc:
            report.problem(str(path), f"cannot read: {exc.strerror or exc}", "files_unreadable")
            continue
        kind = detect_kind(lines)
        if kind == "actors":
            actors.extend(parse_actors(lines, report, str(path)))
        elif kind == "agents":
            agents.extend(parse_agents(lines, report, str(path)))
        else:
            report.problem(str(path), "not a PETRARCH actor or agent dictionary; skipped", "files_skipped")
            continue
        report.counts[f"{kind}_files"] += 1
    return actors, agents


# ---------------------------------------------------------------------------------------------
# Writing into the knowledge base


def _is_short(text: str) -> bool:
    return sum(ch.isalpha() for ch in text) <= 3


def _agent_form(noun: str) -> str:
    noun = _phrase(noun)
    return noun if _is_short(noun) else noun.lower()


def _title_word(word: str, first: bool) -> str:
    letters = sum(ch.isalpha() for ch in word)
    if word.lower() in _PARTICLES and not first:
        return word.lower()
    if letters <= 2 or (word.startswith("(") and word.endswith(")")):
        return word  # UN, U.N., K., (AAIA)
    out, capital = [], True
    for ch in word:
        out.append(ch.upper() if capital and ch.isalpha() else ch.lower())
        if ch.isalpha():
            capital = False
        elif ch in "-/(":
            capital = True
    return "".join(out)


def name_form(phrase: str) -> str:
    """How an alias is stored: dictionary capitals become Title Case, so that it matches in any
    case; phrases of three letters or fewer stay in capitals (matched as written); phrases the
    dictionary already wrote in mixed case are kept."""
    phrase = _phrase(phrase)
    if any(ch.islower() for ch in phrase) or _is_short(phrase):
        return phrase
    return " ".join(_title_word(w, i == 0) for i, w in enumerate(phrase.split()))


def _alias_forms(phrase: str) -> list[str]:
    """The alias, plus for `NAME (ABC)` the name alone and the abbreviation."""
    form = name_form(phrase)
    out = [form]
    m = re.match(r"^(.*\S)\s*\(([^()]+)\)$", form)
    if m:
        out.append(m.group(1))
        inner = m.group(2).strip()
        if inner.isupper() and " " not in inner and sum(ch.isalpha() for ch in inner) >= 2:
            out.append(inner)
    return out


def agent_sector(code: str) -> str | None:
    blocks = [code.strip("~")[i:i + 3] for i in range(0, len(code.strip("~")), 3)]
    if not blocks or not blocks[0]:
        return None
    first = blocks[0]
    return "REL" if first in RELIGIONS else first


def _norm(alias: str) -> str:
    key = " ".join(alias.lower().split())
    return key[4:] if key.startswith("the ") else key


def _slug(text: str, sep: str) -> str:
    return re.sub(r"[^a-z0-9]+", sep, text.lower()).strip(sep) or "actor"


@dataclass(frozen=True, slots=True)
class CodeReading:
    """What an actor code says: country (iso3 where the knowledge base knows it, else the code's
    own block), sector, and whether it names a country and nothing more."""

    code: str
    country: str | None
    sector: str | None
    country_only: bool
    start: str | None = None
    end: str | None = None


class _Importer:
    def __init__(self, kb: KnowledgeBase, report: ImportReport) -> None:
        self.kb, self.report, self.counts = kb, report, report.counts
        self.by_cameo = {c.cameo: iso3 for iso3, c in kb.countries.items()}
        self.known: dict[str, list[Term]] = {}  # normalised alias -> terms, before the import
        for alias, terms in kb.terms.items():
            self.known.setdefault(_norm(alias), []).extend(terms)
        self.claimed: set[str] = set()  # normalised aliases this import added
        self.curated_people = set(kb.offices)
        self.people: set[str] = set()  # person ids this import created
        # One-word actor aliases to be matched case-sensitively. The matcher only reads this where
        # it knows of `exact_aliases`; without it they match in any case, as other names do.
        self.exact: set[str] = kb.__dict__.setdefault("exact_aliases", set())

    # -- codes ---------------------------------------------------------------------------------

    def _country_of(self, block: str) -> str | None:
        if block in self.by_cameo:
            return self.by_cameo[block]
        return block if block in self.kb.countries else None

    def read_code(self, code: str, start: str | None = None, end: str | None = None) -> CodeReading | None:
        """None for the null code `---`."""
        if not code or set(code) == {"-"}:
            return None
        blocks = [code[i:i + 3] for i in range(0, len(code), 3)]
        prefix = None
        if len(code) >= 6 and code[:6] in self.by_cameo:  # territories: USAPRI, DNKGRL
            country, rest = self.by_cameo[code[:6]], blocks[2:]
        elif self._country_of(blocks[0]):
            country, rest = self._country_of(blocks[0]), blocks[1:]
        elif blocks[0] in NON_STATE:
            prefix, rest = blocks[0], blocks[1:]
            country = prefix
            if prefix in ("NGO", "MNC") and rest and self._country_of(rest[0]) and rest[0] not in SECTORS:
                country, rest = self._country_of(rest[0]), rest[1:]  # NGOISRHRI, MNCUSA
        elif blocks[0] in SECTORS or blocks[0] in RELIGIONS:  # ELI, MED, HINRAD: no country
            country, rest = None, blocks
        elif len(blocks) > 1 and blocks[1] not in SECTORS and self._country_of(blocks[1]):
            country, rest = self._country_of(blocks[1]), blocks[2:]  # USRARM, FRNWLF
        else:  # an old state, a region or an unknown block: kept as the country
            country, rest = blocks[0], blocks[1:]
        sector = next((b for b in rest if b in SECTORS), None)
        if sector is None and prefix != "IMG" and any(b in RELIGIONS for b in rest):
            sector = "REL"
        if sector is None and prefix:
            sector = _PREFIX_SECTOR.get(prefix)
        country_only = prefix is None and country is not None and sector is None
        return CodeReading(code, country, sector, country_only, start, end)

    @staticmethod
    def current(readings: list[CodeReading]) -> CodeReading:
        """The code that applies now: the dated code that ends last (open-ended first), unless it
        has ended and there is a default; else the first default."""
        dated = [r for r in readings if r.start or r.end]
        defaults = [r for r in readings if not (r.start or r.end)]
        if dated:
            latest = max(dated, key=lambda r: (r.end or "9999", r.start or "0000"))
            if latest.end is None or not defaults:
                return latest
        return defaults[0]

    # -- aliases -------------------------------------------------------------------------------

    def claim(self, alias: str) -> bool:
        """Whether the alias is new: not in the curated knowledge base, not added earlier."""
        key = _norm(alias)
        if not key or not any(ch.isalpha() for ch in key) or "\ufffd" in key:
            self.counts["aliases_unusable"] += 1
            return False
        if key in self.known:
            self.counts["aliases_already_known"] += 1
            return False
        if key in self.claimed:
            self.counts["aliases_duplicate"] += 1
            return False
        self.claimed.add(key)
        return True

    def add_aliases(self, aliases: list[str], term: Term, exact_single_words: bool = False) -> None:
        for alias in aliases:
            self.kb.add(alias, term)
            self.counts["aliases_added"] += 1
            if exact_single_words and " " not in alias and not _is_short(alias):
                # "Helmand", "Youth": one-word names from a dictionary written in capitals may be
                # common words; they are meant as written (Title Case) or in capitals.
                self.kb.add(alias.upper(), term)
                self.exact.update((alias, alias.upper()))

    # -- entries -------------------------------------------------------------------------------

    def add_agent(self, agent: ImportedAgent) -> None:
        forms = agent.forms()
        if not forms:
            return
        noun = forms[0]
        term = Term(ROLE, noun.lower(), None, agent.sector, None, noun.lower())
        new = [f for f in forms if self.claim(f)]
        if new:
            self.counts["roles_added"] += 1
            self.add_aliases(new, term)

    def add_actor(self, actor: ImportedActor) -> None:
        readings = [r for code, start, end in actor.codes if (r := self.read_code(code, start, end))]
        if not readings:
            self.counts["actors_with_null_code"] += 1
            return
        forms = [f for phrase in (actor.name, *actor.aliases) for f in _alias_forms(phrase)]
        named = _alias_forms(actor.name)
        name = named[1] if len(named) > 1 else named[0]  # without a trailing "(ABC)"
        curated = self._curated_term(forms)
        new = [f for f in dict.fromkeys(forms) if self.claim(f)]
        if not new:
            self.counts["actors_already_known"] += 1
            return
        now = self.current(readings)
        dated = any(r.start or r.end for r in readings)
        if curated is not None:  # the dictionary adds spellings to a row the KB has
            term = curated
            self.counts["actors_merged"] += 1
        elif now.country_only:
            term = self._country_term(now, name)
        elif dated:
            term = self._person_term(readings, now, name)
        else:
            term = self._org_term(now, name)
        self.add_aliases(new, term, exact_single_words=True)

    def _curated_term(self, forms: list[str]) -> Term | None:
        """The curated person or organisation the entry's name already stands for, if exactly one."""
        terms = {t for t in self.known.get(_norm(forms[0]), []) if t.kind in (PERSON, ORG)}
        return terms.pop() if len(terms) == 1 else None

    def _country_term(self, reading: CodeReading, name: str) -> Term:
        iso3 = reading.country
        if iso3 not in self.kb.countries:  # a state or region the KB does not list (USR, YUG, EUR)
            self.kb.countries[iso3] = Country(iso3, reading.code, name)
            self.by_cameo.setdefault(reading.code, iso3)
            self.counts["countries_added"] += 1
        self.counts["country_entries"] += 1
        return self.kb.country_term(iso3, COUNTRY)

    def _org_term(self, reading: CodeReading, name: str) -> Term:
        key = base = _slug(name, "_")
        n = 1
        while key in self.kb.organizations:
            n += 1
            key = f"{base}_{n}"
        org = Organization(key, name, reading.country, reading.sector, reading.code)
        self.kb.organizations[key] = org
        self.counts["organizations_added"] += 1
        return Term(ORG, key, org.country, org.sector, org.code, name)

    def _person_term(self, readings: list[CodeReading], now: CodeReading, name: str) -> Term:
        key = base = _slug(name, "-")
        n = 1
        while key in self.kb.offices or key in self.people:
            n += 1
            key = f"{base}-{n}"
        # A code without a country ([ELI]) takes the country of the entry's latest code that has one.
        with_country = [r for r in readings if r.country]
        fallback = self.current(with_country).country if with_country else None
        offices = []
        default_done = False
        for r in readings:
            dated = bool(r.start or r.end)
            if not dated and default_done:
                continue  # PETRARCH has one default; the first wins
            country = r.country or fallback
            if country is None:
                self.counts["codes_without_country"] += 1
                continue
            offices.append(Office(key, name, country, r.sector, "", r.start or "0000", r.end))
            default_done = default_done or not dated
        if not offices:
            return self._org_term(now, name)
        self.people.add(key)
        self.kb.set_offices(key, offices)
        self.counts["people_added"] += 1
        self.counts["offices_added"] += len(offices)
        return Term(PERSON, key, now.country or fallback, now.sector, None, name)


def add_to_knowledge(kb: KnowledgeBase, actors: Iterable[ImportedActor] = (), agents: Iterable[ImportedAgent] = (),
                     report: ImportReport | None = None) -> Counter:
    """Add imported entries to `kb` (in place) and return the counts.

    * agents become role nouns (`~GOV` -> sector GOV), singular and plural;
    * an entry whose current code is a bare country (`AFG`) becomes a country alias; an unknown
      country block (`USR`) is added as a country of its own;
    * an entry with dated codes becomes a person with one office per code (dates as given);
    * any other entry becomes an organisation: `USAGOV` -> USA + GOV; `IGO...`, `NGO...`,
      `IMG...` -> country IGO/NGO/IMG, `MNCUSA` -> USA + BUS, the full code kept.
    Aliases the knowledge base already has are skipped (curated rows win); where the entry's
    name is a curated person or organisation, its new spellings are added to that row. Agents
    are added first, so an actor alias that is a role noun ("Youth") is skipped too.

    Don't pass the cached `load_knowledge()` result unless every user of it should see the
    import; `knowledge_with_dictionaries` builds a fresh one.
    """
    report = report if report is not None else ImportReport()
    importer = _Importer(kb, report)
    for agent in agents:
        importer.add_agent(agent)
    for actor in actors:
        importer.add_actor(actor)
    return report.counts


def knowledge_with_dictionaries(paths: Iterable[str | Path], report: ImportReport | None = None
                                ) -> tuple[KnowledgeBase, ImportReport]:
    """A fresh knowledge base (not the cached one) with the dictionaries at `paths` added."""
    report = report if report is not None else ImportReport()
    kb = load_knowledge.__wrapped__()
    actors, agents = load_dictionaries(paths, report)
    add_to_knowledge(kb, actors, agents, report)
    return kb, report
