"""A short text summary of a store, for the demo and a first look at a corpus."""

from __future__ import annotations

from .events.codebook import load_codebook


def summarize(store, examples: int = 5) -> str:
    con = store.con
    counts = store.counts()
    lines = [f"{counts['articles']} articles, {counts['events']} events, {counts['quotes']} quotes, "
             f"{counts['failures']} failures/warnings", "", "Events by CAMEO root:"]
    codebook = load_codebook()
    for root, n in con.execute("SELECT cameo_root, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1").fetchall():
        lines.append(f"  {root} {codebook.name(root):<40} {n:>5}")
    lines += ["", "Top dyads (source -> target, by actor code):"]
    dyads = con.execute(
        "SELECT s.code, t.code, count(DISTINCT s.event_id) AS n FROM event_actors s "
        "JOIN event_actors t ON s.event_id = t.event_id AND t.role = 'target' "
        "WHERE s.role = 'source' AND s.code IS NOT NULL AND t.code IS NOT NULL "
        "GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT 10").fetchall()
    lines += [f"  {s:<12} -> {t:<12} {n:>4}" for s, t, n in dyads] or ["  (none)"]
    lines += ["", "Some events with their evidence:"]
    rows = con.execute(
        "SELECT date_value, cameo_code, plover_event, source_codes, target_codes, location_name, modality, evidence "
        "FROM events WHERE cardinality(source_codes) > 0 AND cardinality(target_codes) > 0 "
        "ORDER BY confidence DESC, id LIMIT ?", [examples]).fetchall()
    for date, code, plover, src, tgt, place, modality, evidence in rows:
        lines.append(f"  [{date}] {code} {codebook.name(code)} / {plover or '-'}: {'+'.join(map(str, src))} -> "
                     f"{'+'.join(map(str, tgt))} @ {place or '?'} ({modality})")
        lines.append(f"      \"{evidence.strip()[:160]}\"")
    return "\n".join(lines)
