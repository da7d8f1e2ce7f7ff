"""The DuckDB store: idempotent ingest, crash safety, queries and exports."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys

import pytest

from eventwire.batch import ingest
from eventwire.store import Store
from eventwire.store.export import GDELT_COLUMNS, export_gdelt, export_parquet, export_plover


@pytest.fixture()
def db(tmp_path, pipeline, sample_path):
    path = str(tmp_path / "news.duckdb")
    with Store(path) as store:
        ingest([str(sample_path)], store, pipeline, progress=False)
    return path


def test_ingest_twice_adds_nothing(db, pipeline, sample_path):
    with Store(db) as store:
        before = store.counts()
        report = ingest([str(sample_path)], store, pipeline, progress=False)
        assert store.counts() == before
    assert report.stored == 0 and report.skipped == report.read
    assert before["articles"] == sum(1 for line in sample_path.open() if line.strip())
    assert before["events"] > before["articles"]


def test_same_text_under_another_id_is_not_stored_twice(db, pipeline, sample_path, tmp_path):
    record = json.loads(sample_path.read_text().splitlines()[0])
    record["id"] = "a-new-id-for-the-same-story"
    copy = tmp_path / "copy.jsonl"
    copy.write_text(json.dumps(record) + "\n")
    with Store(db) as store:
        n = store.counts()["articles"]
        ingest([str(copy)], store, pipeline, progress=False)
        assert store.counts()["articles"] == n


def test_failures_are_recorded_once_and_the_batch_goes_on(tmp_path, pipeline, sample_path):
    bad = tmp_path / "mixed.jsonl"
    good = sample_path.read_text().splitlines()[:2]
    bad.write_text("\n".join([good[0], "{broken", good[1], json.dumps({"id": "no-text"})]) + "\n")
    path = str(tmp_path / "f.duckdb")
    with Store(path) as store:
        report = ingest([str(bad)], store, pipeline, progress=False)
        ingest([str(bad)], store, pipeline, progress=False)
        assert store.counts()["articles"] == 2
        reasons = store.failures()["reason"].tolist()
    assert report.errors == 2
    assert sum("malformed JSON" in r for r in reasons) == 1
    assert sum("'text'" in r for r in reasons) == 1


def test_event_query_filters(db):
    with Store(db, read_only=True) as store:
        every = store.events(include_unreal=True)
        real = store.events()
        fights = store.events(cameo="19")
        assert len(every) >= len(real) > len(fights) > 0
        assert set(real["modality"]) <= {"asserted", "intended", "reported", "historical"}
        assert all(code.startswith("19") for code in fights["cameo_code"])
        since = store.events(since="2024-06-01")
        assert len(since) and all(d >= "2024-06" for d in since["date"])
        some_source = next(c for cs in real["source_countries"] for c in cs if c)
        by_source = store.events(source=some_source)
        assert len(by_source) and all(some_source in list(cs) for cs in by_source["source_countries"])


def test_exports(db, tmp_path):
    with Store(db, read_only=True) as store:
        n_real = len(store.events())
        n = export_plover(store, tmp_path / "plover.jsonl")
        assert n == n_real
        first = json.loads((tmp_path / "plover.jsonl").read_text().splitlines()[0])
        assert {"id", "date", "actor", "recipient", "event", "mode", "context", "quad_code", "text"} <= set(first)
        assert export_gdelt(store, tmp_path / "gdelt.tsv") == n_real
        header = (tmp_path / "gdelt.tsv").read_text().splitlines()[0].split("\t")
        assert header == GDELT_COLUMNS and len(header) == 61
        export_parquet(store, tmp_path / "pq")
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "pq" / "events.parquet").num_rows == len(store_events_all(db))


def store_events_all(db):
    with Store(db, read_only=True) as store:
        return store.events(include_unreal=True)


def test_sigkill_mid_ingest_then_rerun_loses_and_duplicates_nothing(tmp_path, sample_path):
    """A real process, killed with SIGKILL while writing; the rerun completes the corpus exactly once."""
    corpus = tmp_path / "corpus.jsonl"
    lines = sample_path.read_text().splitlines()
    with corpus.open("w") as handle:
        for copy in range(12):
            for line in lines:
                record = json.loads(line)
                record["id"] = f"{record['id']}-{copy}"
                record["text"] = f"(copy {copy}) " + record["text"]
                handle.write(json.dumps(record) + "\n")
    expected = 12 * len(lines)
    db = tmp_path / "kill.duckdb"
    command = [sys.executable, "-m", "eventwire.cli", "ingest", str(corpus), "--db", str(db), "--batch-size", "4"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    progress = b""
    while proc.poll() is None:  # the bar moves only after a batch is committed
        progress += proc.stderr.read1(256)
        done = [int(n) for n in re.findall(rb"ingest: (\d+) articles", progress)]
        if done and max(done) >= 12:
            break
    assert proc.poll() is None, "ingest finished before it could be killed; make the corpus larger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Store(str(db)) as store:  # read-write: replays the write-ahead log the killed writer left
        partial = store.counts()["articles"]
    assert 12 <= partial < expected
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with Store(str(db), read_only=True) as store:
        ids = [r[0] for r in store.con.execute("SELECT id FROM articles").fetchall()]
        orphans = store.con.execute("SELECT count(*) FROM events WHERE article_id NOT IN "
                                    "(SELECT id FROM articles)").fetchone()[0]
    assert len(ids) == len(set(ids)) == expected
    assert orphans == 0
