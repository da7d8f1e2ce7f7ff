"""Annotations flattened into table rows (dicts keyed by column name)."""

from __future__ import annotations

from datetime import date, datetime, timezone

from ..ingest import text_hash
from ..model import Actor, Annotation, Event, Failure, Place

_CAMEO_DATE = {"day": lambda v: v, "month": lambda v: v + "-01", "year": lambda v: v + "-01-01"}


def first_day(value: str | None, precision: str | None) -> date | None:
    """The first day a date value covers, for range queries ('2017-11' -> 2017-11-01)."""
    if not value or not precision:
        return None
    if precision == "week":
        return date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
    return date.fromisoformat(_CAMEO_DATE[precision](value))


def article_row(ann: Annotation, now: datetime, hashed: str) -> dict:
    a = ann.article
    return {"id": a.id, "text_hash": hashed, "title": a.title, "published": a.published,
            "published_date": date.fromisoformat(a.published_date) if a.published_date else None,
            "url": a.url, "source": a.source, "origin": a.origin, "text": a.text, "n_events": len(ann.events),
            "ingested_at": now}


def _spanned(article_id: str, position: int, record) -> dict:
    return {"article_id": article_id, "position": position, "text": record.text,
            "span_start": record.span[0], "span_end": record.span[1]}


def actor_fields(a: Actor) -> dict:
    return {"name": a.name, "actor_id": a.id, "country": a.country, "sector": a.sector, "code": a.code,
            "plover_sector": a.plover_sector}


def place_fields(p: Place) -> dict:
    return {"name": p.name, "geonameid": p.geonameid, "lat": p.lat, "lon": p.lon, "country": p.country,
            "admin1": p.admin1, "feature_code": p.feature_code, "precision": p.precision}


def event_row(article_id: str, e: Event) -> dict:
    loc = place_fields(e.location) if e.location else {}
    return {
        "id": e.id, "article_id": article_id, "sentence": e.sentence, "span_start": e.span[0],
        "span_end": e.span[1], "evidence": e.evidence, "trigger": e.trigger, "cameo_code": e.cameo.code,
        "cameo_root": e.cameo.root, "goldstein": e.cameo.goldstein, "quad_class": e.cameo.quad_class,
        "plover_event": e.plover.event if e.plover else None, "plover_mode": e.plover.mode if e.plover else None,
        "plover_context": list(e.plover.context) if e.plover else [],
        "acled_event_type": e.acled.event_type if e.acled else None,
        "acled_sub_event_type": e.acled.sub_event_type if e.acled else None,
        "date_value": e.date.value if e.date else None, "date_precision": e.date.precision if e.date else None,
        "date_basis": e.date.basis if e.date else None,
        "event_date": first_day(e.date.value, e.date.precision) if e.date else None,
        "location_text": e.location.text if e.location else None,
        **{f"location_{k}": loc.get(k) for k in ("name", "geonameid", "lat", "lon", "country", "admin1",
                                                  "feature_code", "precision")},
        "modality": e.modality,
        "claimant_name": e.claimant.name if e.claimant else None,
        "claimant_country": e.claimant.country if e.claimant else None,
        "claimant_code": e.claimant.code if e.claimant else None,
        "dead": e.size.dead if e.size else None, "injured": e.size.injured if e.size else None,
        "arrested": e.size.arrested if e.size else None, "confidence": e.confidence,
        "source_names": [a.name or a.text for a in e.source], "source_countries": [a.country for a in e.source],
        "source_codes": [a.code for a in e.source], "target_names": [a.name or a.text for a in e.target],
        "target_countries": [a.country for a in e.target], "target_codes": [a.code for a in e.target],
    }


def rows_for(ann: Annotation, hashed: str | None = None, now: datetime | None = None) -> dict[str, list[dict]]:
    """`hashed`: the article's text hash when the caller has it already."""
    now = now or datetime.now(timezone.utc).replace(tzinfo=None)
    aid = ann.article.id
    rows: dict[str, list[dict]] = {"articles": [article_row(ann, now, hashed or text_hash(ann.article.text))], "events": [], "event_actors": [],
                                   "actors": [], "places": [], "times": [], "quotes": []}
    for e in ann.events:
        rows["events"].append(event_row(aid, e))
        for role, actors in (("source", e.source), ("target", e.target)):
            for i, a in enumerate(actors):
                rows["event_actors"].append({"event_id": e.id, "role": role, **_spanned(aid, i, a),
                                             **actor_fields(a)})
    for i, a in enumerate(ann.actors):
        rows["actors"].append({**_spanned(aid, i, a), **actor_fields(a)})
    for i, p in enumerate(ann.places):
        rows["places"].append({**_spanned(aid, i, p), **place_fields(p)})
    for i, t in enumerate(ann.times):
        rows["times"].append({**_spanned(aid, i, t), "type": t.type, "value": t.value})
    for i, q in enumerate(ann.quotes):
        s = q.speaker
        rows["quotes"].append({
            "article_id": aid, "position": i, "speaker_text": s.text if s else None,
            "speaker_name": s.name if s else None, "speaker_id": s.id if s else None,
            "speaker_country": s.country if s else None, "speaker_code": s.code if s else None,
            "cue_text": q.cue.text if q.cue else None, "cue_start": q.cue.span[0] if q.cue else None,
            "cue_end": q.cue.span[1] if q.cue else None, "content": q.content.text,
            "content_start": q.content.span[0], "content_end": q.content.span[1], "direct": q.direct,
            "via": list(q.via)})
    return rows


def failure_row(f: Failure, now: datetime | None = None) -> dict:
    import hashlib

    key = hashlib.sha1(f"{f.origin}\x1f{f.stage}\x1f{f.reason}".encode()).hexdigest()
    return {"key": key, "origin": f.origin, "article_id": f.article_id, "stage": f.stage,
            "severity": f.severity, "reason": f.reason,
            "recorded_at": now or datetime.now(timezone.utc).replace(tzinfo=None)}
