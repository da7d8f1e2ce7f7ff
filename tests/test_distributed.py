"""Coding on a Dask cluster stores exactly what coding in one process stores.

A real local cluster of two worker processes, the real model on each, a real DuckDB file.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

pytest.importorskip("distributed")

from eventwire.distributed import code_batch, connect  # noqa: E402
from eventwire.model import Annotation, Article, Failure  # noqa: E402
from eventwire.store import Store  # noqa: E402

GOOD = ("Police in Nairobi arrested 40 protesters on Tuesday after the opposition called for a general "
        "strike, officials said.")


@pytest.fixture(scope="module")
def client():
    with connect(workers=2) as client:
        yield client


@pytest.fixture
def news(tmp_path, sample_path):
    """The sample corpus, a file with one good line and one malformed line, and an article whose
    text repeats one in another file under another id (stored once, whoever codes it first)."""
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copy(sample_path, folder / "a-sample.jsonl")
    first = json.loads(sample_path.read_text(encoding="utf-8").splitlines()[0])
    (folder / "b-mixed.jsonl").write_text(
        json.dumps({"id": "nairobi", "text": GOOD, "published": "2024-03-05"}) + "\n{not json\n"
        + json.dumps({**first, "id": "same-text-other-id"}) + "\n", encoding="utf-8")
    return folder


def contents(db) -> dict:
    with Store(str(db), read_only=True) as store:
        return {
            "articles": store.con.execute("SELECT id FROM articles ORDER BY id").fetchall(),
            "events": store.con.execute("SELECT id, article_id, cameo_code, evidence FROM events ORDER BY id").fetchall(),
            "actors": store.con.execute("SELECT count(*) FROM actors").fetchone()[0],
            "failures": store.con.execute("SELECT origin, reason FROM failures ORDER BY origin").fetchall(),
        }


def test_cluster_stores_what_one_process_stores(client, pipeline, news, tmp_path):
    with Store(str(tmp_path / "local.duckdb")) as store:
        store.ingest(news, batch_size=8, pipeline=pipeline)
    with Store(str(tmp_path / "dask.duckdb")) as store:
        report = store.ingest(news, batch_size=8, client=client)
    local, dask = contents(tmp_path / "local.duckdb"), contents(tmp_path / "dask.duckdb")
    assert len(dask["articles"]) == 27  # 26 sample articles and the Nairobi one; the repeated text once
    assert len(dask["events"]) > 100
    assert dask == local
    assert report.read == 28 and report.stored == 27 and report.errors == 1


def test_running_again_adds_nothing(client, news, tmp_path):
    db = str(tmp_path / "news.duckdb")
    with Store(db) as store:
        store.ingest(news, batch_size=8, client=client)
        before = store.counts()
        again = store.ingest(news, batch_size=8, client=client)
        assert store.counts() == before
    assert again.stored == 0 and again.skipped == again.read == 28 and again.events == 0


def test_malformed_line_becomes_a_failures_row(client, news, tmp_path):
    with Store(str(tmp_path / "news.duckdb")) as store:
        store.ingest(news, batch_size=8, client=client)
        failures = store.failures()
    [row] = failures.itertuples()
    assert row.origin.endswith("b-mixed.jsonl:2") and "malformed JSON" in row.reason


def test_a_batch_that_fails_on_a_worker_becomes_one_failure_per_article(client):
    batch = [Article(id="fine", text=GOOD), Article(id="not-text", text=12345)]  # spaCy refuses the batch
    results = client.submit(code_batch, batch, 8, pure=False).result()
    assert all(isinstance(r, Failure) and r.stage == "code" for r in results)
    assert [r.article_id for r in results] == ["fine", "not-text"]
    [ann] = client.submit(code_batch, batch[:1], 8, pure=False).result()  # the worker goes on
    assert isinstance(ann, Annotation) and ann.events


def test_cli_workers_flag(news, tmp_path):
    db = tmp_path / "news.duckdb"
    result = subprocess.run([sys.executable, "-m", "eventwire.cli", "ingest", str(news), "--db", str(db),
                             "--workers", "1", "--quiet"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 3, result.stderr  # the malformed line
    assert "read 28 articles: 27 stored" in result.stderr
    assert len(contents(db)["articles"]) == 27


def test_cli_refuses_both_dask_and_workers(tmp_path):
    from click.testing import CliRunner

    from eventwire.cli import main

    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--dask", "tcp://x:8786", "--workers", "2"])
    assert result.exit_code == 2 and "not both" in result.output
