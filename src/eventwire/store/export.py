"""Exports: PLOVER JSONL, GDELT 2.0-style event table, Parquet.

All exports leave out negated and hypothetical events, like the default query.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from . import Store

GDELT_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
               "Type1Code", "Type2Code", "Type3Code"]
GDELT_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
GDELT_COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in GDELT_ACTOR] + [f"Actor2{c}" for c in GDELT_ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{c}" for c in GDELT_GEO] + [f"Actor2Geo_{c}" for c in GDELT_GEO]
    + [f"ActionGeo_{c}" for c in GDELT_GEO] + ["DATEADDED", "SOURCEURL"]
)
# GDELT's geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
_GEO_TYPE = {"country": 1, "admin1": 5, "city": 4, "admin2": 5, "point": 4, "region": 1}


def _records(store: Store, sql: str) -> list[dict]:
    """Rows as dicts with SQL NULL as None (no pandas NaN to trip over)."""
    cursor = store.con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _real_events(store: Store) -> list[dict]:
    return _records(store,
                    "SELECT e.*, a.url, a.source AS outlet, a.published, a.ingested_at FROM events e "
                    "JOIN articles a ON a.id = e.article_id WHERE e.modality NOT IN ('negated', 'hypothetical') "
                    "ORDER BY e.event_date NULLS LAST, e.article_id, e.id")


def _actors(store: Store) -> dict[tuple[str, str], list[dict]]:
    out: dict[tuple[str, str], list[dict]] = {}
    for r in _records(store, "SELECT * FROM event_actors ORDER BY event_id, role, position"):
        out.setdefault((r["event_id"], r["role"]), []).append(r)
    return out


def export_plover(store: Store, out: Path) -> int:
    """One PLOVER JSON record per event, field names from the PLOVER manual's JSON table."""
    actors = _actors(store)
    n = 0
    with out.open("w", encoding="utf-8") as handle:
        for e in _real_events(store):

            def entities(role: str) -> list[dict]:
                return [{"name": a["name"] or a["text"], "text": a["text"], "country": a["country"],
                         "sector": a["plover_sector"], "cameo_sector": a["sector"], "code": a["code"],
                         "id": a["actor_id"]}
                        for a in actors.get((e["id"], role), [])]

            record = {
                "id": e["id"], "has_event": True, "date": e["date_value"], "date_precision": e["date_precision"],
                "actor": entities("source"), "recipient": entities("target"),
                "event": [e["plover_event"]] if e["plover_event"] else [],
                "mode": [e["plover_mode"]] if e["plover_mode"] else [],
                "context": list(e["plover_context"]) if e["plover_context"] is not None else [],
                "quad_code": e["quad_class"], "event_scale": e["goldstein"],
                "cameo": e["cameo_code"], "acled_event_type": e["acled_event_type"],
                "acled_sub_event_type": e["acled_sub_event_type"], "modality": e["modality"],
                "event_loc": None if e["location_geonameid"] is None else {
                    "name": e["location_name"], "geonameid": e["location_geonameid"], "lat": e["location_lat"],
                    "lon": e["location_lon"], "country": e["location_country"], "admin1": e["location_admin1"]},
                "event_text": [e["trigger"]], "text": e["evidence"],
                "text_info": {"article_id": e["article_id"], "sentence": e["sentence"],
                              "span": [e["span_start"], e["span_end"]]},
                "cite_info": {"url": e["url"], "source": e["outlet"], "published": e["published"]},
                "coder": "eventwire",
            }
            handle.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            n += 1
    return n


def export_gdelt(store: Store, out: Path) -> int:
    """GDELT 2.0 event table columns, tab-separated with a header row; unknown columns empty."""
    actors = _actors(store)
    n = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(GDELT_COLUMNS)
        for e in _real_events(store):
            day = e["event_date"]
            row = dict.fromkeys(GDELT_COLUMNS, "")
            row.update({"GLOBALEVENTID": e["id"], "IsRootEvent": 1, "EventCode": e["cameo_code"],
                        "EventBaseCode": e["cameo_code"][:3], "EventRootCode": e["cameo_root"],
                        "QuadClass": e["quad_class"], "GoldsteinScale": e["goldstein"], "NumMentions": 1,
                        "NumSources": 1, "NumArticles": 1, "SOURCEURL": (e["url"]) or e["article_id"],
                        "DATEADDED": e["ingested_at"].strftime("%Y%m%d%H%M%S")})
            if day is not None:
                row.update({"SQLDATE": day.strftime("%Y%m%d"), "MonthYear": day.strftime("%Y%m"),
                            "Year": day.year, "FractionDate": round(day.year + (day.timetuple().tm_yday - 1) / 365, 4)})
            for n_role, role in (("1", "source"), ("2", "target")):
                first = (actors.get((e["id"], role)) or [None])[0]
                if first is not None:
                    code = (first["code"]) or ""
                    row.update({f"Actor{n_role}Code": code, f"Actor{n_role}Name": (first["name"] or first["text"]).upper(),
                                f"Actor{n_role}CountryCode": (first["country"]) or "",
                                f"Actor{n_role}Type1Code": (first["sector"]) or ""})
            if (e["location_geonameid"]) is not None:
                row.update({"ActionGeo_Type": _GEO_TYPE.get(e["location_precision"], 4),
                            "ActionGeo_FullName": e["location_name"], "ActionGeo_CountryCode": e["location_country"],
                            "ActionGeo_Lat": e["location_lat"], "ActionGeo_Long": e["location_lon"],
                            "ActionGeo_FeatureID": e["location_geonameid"]})
            writer.writerow(["" if (row[c]) is None else row[c] for c in GDELT_COLUMNS])
            n += 1
    return n


def export_parquet(store: Store, out: Path) -> int:
    """Every table as OUT/<table>.parquet."""
    out.mkdir(parents=True, exist_ok=True)
    from .schema import TABLES

    for name in TABLES:
        target = str(out / f"{name}.parquet").replace("'", "''")
        store.con.execute(f"COPY {name} TO '{target}' (FORMAT PARQUET)")
    return len(TABLES)


EXPORTERS = {"plover": export_plover, "gdelt": export_gdelt, "parquet": export_parquet}
