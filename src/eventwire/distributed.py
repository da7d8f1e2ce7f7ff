"""Coding on a Dask cluster: the workers parse and code, this process alone writes the store.

The driver reads the inputs lazily, skips what the store already has, and sends each batch of
articles to a worker. A worker builds its Pipeline once (on its first batch, or when `ingest`
warms the cluster up) and keeps it for every later batch; it sends back plain Annotations and
Failures, never spaCy documents. The driver writes each batch's results in one transaction as
they come back, in whatever order, with at most `window` batches in flight, so memory stays flat
however large the corpus. DuckDB has a single writer, and it is the driver.

A batch that fails on the cluster (a worker raises, dies, or cannot be reached) becomes one
Failure per article of that batch, in the `failures` table; the run goes on, and running the
ingest again retries those articles (the store skips only what it has stored).

Dask is an optional dependency (`pip install 'eventwire[dask]'`); nothing else imports this module.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .batch import Report, batches, unstored
from .ingest import read_inputs
from .model import Annotation, Article, Failure

__all__ = ["connect", "ingest"]

_INSTALL_HINT = "coding on a Dask cluster needs Dask: pip install 'eventwire[dask]'"


def _distributed():
    try:
        import distributed
    except ImportError as exc:
        raise ImportError(_INSTALL_HINT) from exc
    return distributed


@contextmanager
def connect(address: str | None = None, workers: int | None = None) -> Iterator:
    """A Dask client: to the scheduler at `address` (tcp://host:8786), or else to a new local
    cluster of `workers` worker processes with one thread each, shut down on exit."""
    distributed = _distributed()
    if address:
        with distributed.Client(address) as client:
            yield client
        return
    with distributed.LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        yield client


# -- on the workers -------------------------------------------------------------------------

_pipelines: dict[tuple[str, ...], object] = {}
_lock = threading.Lock()


def worker_pipeline(dictionaries: tuple[str, ...] = ()):
    """This process's Pipeline for these dictionaries, built on first use and kept."""
    with _lock:
        if dictionaries not in _pipelines:
            from .pipeline import Pipeline

            _pipelines[dictionaries] = Pipeline(dictionaries=dictionaries)
        return _pipelines[dictionaries]


def warm_up(dictionaries: tuple[str, ...] = ()):
    """Build the worker's pipeline; returns its dictionary report (None without dictionaries)."""
    return worker_pipeline(dictionaries).dictionary_report


def code_batch(articles: list[Article], batch_size: int = 32,
               dictionaries: tuple[str, ...] = ()) -> list[Annotation | Failure]:
    """Code one batch on a worker. Never raises: a failure of the whole batch becomes one Failure
    per article."""
    try:
        pipeline = worker_pipeline(dictionaries)
        with _lock:  # one batch at a time per process, should a worker run several threads
            return list(pipeline.code_articles(articles, batch_size=batch_size))
    except Exception as exc:
        return batch_failed(articles, exc)


def batch_failed(articles: list[Article], exc: BaseException) -> list[Failure]:
    return [Failure(a.origin or a.id, f"coding failed on the cluster: {exc!r}", stage="code", article_id=a.id)
            for a in articles]


# -- on the driver --------------------------------------------------------------------------

def warm(client, dictionaries=()) -> object:
    """Build the pipeline on every worker now, in parallel; raises what building it raises (a
    missing spaCy model, say) once, instead of one Failure per article. Returns a worker's
    dictionary report."""
    dictionaries = tuple(str(Path(d).resolve()) for d in dictionaries)
    workers = list(client.nthreads())
    futures = [client.submit(warm_up, dictionaries, workers=[w], allow_other_workers=False, pure=False)
               for w in workers]
    reports = client.gather(futures)
    return reports[0] if reports else None


def ingest(inputs: list[str], store, client, format: str | None = None, batch_size: int = 32,
           dictionaries=(), window: int | None = None, progress: bool = True) -> Report:
    """`batch.ingest`, with the coding done by the workers of `client` (a dask.distributed.Client).
    The workers need eventwire and its spaCy model installed, and the `dictionaries` at the same
    paths. At most `window` batches are in flight (by default twice the cluster's worker threads)."""
    from tqdm import tqdm

    distributed = _distributed()
    dictionaries = tuple(str(Path(d).resolve()) for d in dictionaries)
    warm(client, dictionaries)
    window = window or 2 * max(1, sum(client.nthreads().values()))
    report = Report()
    pending: dict = {}  # future -> (articles sent, failures read with them, articles read)
    done = distributed.as_completed()
    bar = tqdm(desc="ingest", unit=" articles", disable=not progress, file=sys.stderr)

    def collect(future) -> None:
        articles, failures, read = pending.pop(future)
        try:
            results = future.result()
        except Exception as exc:  # the worker died, or the result could not travel back
            results = batch_failed(articles, exc)
        annotations = [r for r in results if isinstance(r, Annotation)]
        failures = failures + [r for r in results if not isinstance(r, Annotation)]
        report.coded += len(annotations)
        report.events += sum(len(a.events) for a in annotations)
        report.stored += store.write(annotations, failures)
        report.failures.extend(failures)
        bar.update(read)

    try:
        for articles, failures in batches(read_inputs(inputs, format), batch_size):
            fresh = unstored(articles, store, report)
            if not fresh:
                store.write([], failures)
                report.failures.extend(failures)
                bar.update(len(articles))
                continue
            future = client.submit(code_batch, fresh, batch_size, dictionaries, pure=False)
            pending[future] = (fresh, failures, len(articles))
            done.add(future)
            while len(pending) >= window:
                collect(next(done))
        for future in done:
            collect(future)
    finally:
        if pending:  # interrupted: what is stored stays stored; the rest is coded on the next run
            client.cancel(list(pending))
        bar.close()
    return report
