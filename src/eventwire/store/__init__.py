"""The event store: an embedded DuckDB file.

Each batch is written in one transaction, so an ingest killed at any moment leaves every
article either wholly stored or not at all; an article already stored (same id, or same text)
is skipped, so running an ingest again adds nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date

import duckdb
import pyarrow as pa

from ..ingest import text_hash
from ..model import UNREAL_MODALITIES, Annotation, Failure
from .rows import failure_row, rows_for
from .schema import TABLES, create_tables

__all__ = ["Store"]


class Store:
    """`Store("news.duckdb")`: write annotations, query events as DataFrames, export."""

    def __init__(self, path: str = "eventwire.duckdb", read_only: bool = False) -> None:
        self.path = path
        self.con = duckdb.connect(path, read_only=read_only)
        if not read_only:
            create_tables(self.con)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------------------

    def known(self, ids: Iterable[str], hashes: Iterable[str] = ()) -> set[str]:
        """Which of these article ids, or text hashes, are already stored."""
        ids, hashes = list(ids), list(hashes)
        if not ids and not hashes:
            return set()
        found = self.con.execute(
            "SELECT id, text_hash FROM articles WHERE id IN (SELECT unnest(?)) OR text_hash IN (SELECT unnest(?))",
            [ids, hashes]).fetchall()
        return {x for row in found for x in row}

    def write(self, annotations: Iterable[Annotation], failures: Iterable[Failure] = ()) -> int:
        """Store a batch atomically; returns how many articles were new."""
        tables: dict[str, list[dict]] = {name: [] for name in TABLES}
        batch_ids: set[str] = set()
        annotations = list(annotations)
        hashes = [text_hash(a.article.text) for a in annotations]
        known = self.known([a.article.id for a in annotations], hashes)
        for ann, h in zip(annotations, hashes):
            if ann.article.id in known or h in known or ann.article.id in batch_ids or h in batch_ids:
                continue
            batch_ids.update((ann.article.id, h))
            for name, rows in rows_for(ann, h).items():
                tables[name].extend(rows)
        failure_rows = {r["key"]: r for r in map(failure_row, failures)}
        tables["failures"] = list(failure_rows.values())
        self.con.execute("BEGIN TRANSACTION")
        try:
            if tables["failures"]:
                self.con.execute("DELETE FROM failures WHERE key IN (SELECT unnest(?))", [list(failure_rows)])
            for name, rows in tables.items():
                if rows:
                    self._insert(name, rows)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return len(tables["articles"])

    def ingest(self, inputs, format: str | None = None, batch_size: int = 32, dictionaries=(), *, client=None,
               pipeline=None, progress: bool = False):
        """Code files, folders or `-` (stdin) into this store, as `eventwire ingest` does; returns a
        `batch.Report`. With `client` (a dask.distributed.Client) the cluster's workers do the
        coding and this process writes; otherwise `pipeline` (by default the shared one) codes here."""
        inputs = [os.fspath(i) for i in ([inputs] if isinstance(inputs, (str, os.PathLike)) else inputs)]
        if client is not None:
            from ..distributed import ingest

            return ingest(inputs, self, client, format, batch_size, dictionaries, progress=progress)
        from ..batch import ingest

        if pipeline is None:
            if dictionaries:
                from ..pipeline import Pipeline

                pipeline = Pipeline(dictionaries=dictionaries)
            else:
                from .. import get_pipeline

                pipeline = get_pipeline()
        return ingest(inputs, self, pipeline, format, batch_size, progress=progress)

    def _insert(self, name: str, rows: list[dict]) -> None:
        self.con.register("_batch", pa.Table.from_pylist(rows))
        try:
            self.con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _batch")
        finally:
            self.con.unregister("_batch")

    # -- reading ----------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return {name: self.con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in TABLES}

    def events(self, source: str | None = None, target: str | None = None, cameo: str | None = None,
               plover: str | None = None, since: str | date | None = None, until: str | date | None = None,
               include_unreal: bool = False, limit: int | None = None):
        """Events as a pandas DataFrame. `source`/`target` match an actor's country (RUS) or the start
        of its CAMEO code (RUSMIL); `cameo` matches a code prefix (19, 195). Negated and hypothetical
        events are left out unless `include_unreal`."""
        sql, params = self.events_query(source, target, cameo, plover, since, until, include_unreal, limit)
        return self.con.execute(sql, params).df()

    def events_query(self, source=None, target=None, cameo=None, plover=None, since=None, until=None,
                     include_unreal=False, limit=None) -> tuple[str, list]:
        where, params = ["TRUE"], []
        for role, value in (("source", source), ("target", target)):
            if value:
                where.append("EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = e.id AND ea.role = ? "
                             "AND (ea.country = ? OR starts_with(ea.code, ?)))")
                params += [role, value.upper(), value.upper()]
        if cameo:
            where.append("starts_with(e.cameo_code, ?)")
            params.append(cameo)
        if plover:
            where.append("e.plover_event = ?")
            params.append(plover.upper())
        if since:
            where.append("e.event_date >= CAST(? AS DATE)")
            params.append(str(since))
        if until:
            where.append("e.event_date <= CAST(? AS DATE)")
            params.append(str(until))
        if not include_unreal:
            where.append("e.modality NOT IN (SELECT unnest(?))")
            params.append(list(UNREAL_MODALITIES))
        sql = (
            "SELECT e.id, e.article_id, e.date_value AS date, e.date_precision, e.cameo_code, e.cameo_root, "
            "e.goldstein, e.quad_class, e.plover_event, e.plover_mode, e.acled_event_type, "
            "e.acled_sub_event_type, e.source_names, e.source_countries, e.source_codes, e.target_names, "
            "e.target_countries, e.target_codes, e.location_name, e.location_country, e.location_lat, "
            "e.location_lon, e.modality, e.claimant_name, e.dead, e.injured, e.arrested, e.confidence, "
            "e.trigger, e.evidence, e.span_start, e.span_end "
            f"FROM events e WHERE {' AND '.join(where)} ORDER BY e.event_date NULLS LAST, e.article_id, e.id"
        )
        if limit:
            sql += f" LIMIT {int(limit)}"
        return sql, params

    def quotes(self, speaker: str | None = None, text: str | None = None):
        """Quotes as a DataFrame; `speaker` matches country, code prefix or name words; `text` content words."""
        where, params = ["TRUE"], []
        if speaker:
            where.append("(speaker_country = ? OR starts_with(speaker_code, ?) OR speaker_name ILIKE ?)")
            params += [speaker.upper(), speaker.upper(), f"%{speaker}%"]
        if text:
            where.append("content ILIKE ?")
            params.append(f"%{text}%")
        return self.con.execute(
            "SELECT article_id, speaker_name, speaker_country, speaker_code, cue_text, via, direct, content "
            f"FROM quotes WHERE {' AND '.join(where)} ORDER BY article_id, position", params).df()

    def failures(self):
        return self.con.execute("SELECT * FROM failures ORDER BY recorded_at, origin").df()
