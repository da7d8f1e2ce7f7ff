"""Running the pipeline over many inputs: streaming, batching, skipping what is stored.

Memory stays flat: articles are read lazily, coded a batch at a time, and written (or printed)
before the next batch is read.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .ingest import read_inputs, text_hash
from .model import Annotation, Article, Failure


@dataclass
class Report:
    read: int = 0
    coded: int = 0
    stored: int = 0
    skipped: int = 0  # already in the store
    events: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.failures)


def batches(items: Iterable[Article | Failure], size: int) -> Iterator[tuple[list[Article], list[Failure]]]:
    """Groups of up to `size` articles, with the failures read alongside them."""
    iterator = iter(items)
    articles: list[Article] = []
    failures: list[Failure] = []
    for item in iterator:
        (articles if isinstance(item, Article) else failures).append(item)
        if len(articles) >= size:
            yield articles, failures
            articles, failures = [], []
    if articles or failures:
        yield articles, failures


def code_inputs(inputs: list[str], pipeline, format: str | None = None, batch_size: int = 32,
                report: Report | None = None) -> Iterator[Annotation | Failure]:
    report = report if report is not None else Report()
    for articles, failures in batches(read_inputs(inputs, format), batch_size):
        report.read += len(articles)
        yield from failures
        for item in pipeline.code_articles(articles, batch_size=batch_size):
            if isinstance(item, Annotation):
                report.coded += 1
                report.events += len(item.events)
            yield item


def unstored(articles: list[Article], store, report: Report) -> list[Article]:
    """The articles the store has neither by id nor by text; counted as read, the rest as skipped."""
    report.read += len(articles)
    hashes = [text_hash(a.text) for a in articles]
    known = store.known([a.id for a in articles], hashes)
    fresh = [a for a, h in zip(articles, hashes) if a.id not in known and h not in known]
    report.skipped += len(articles) - len(fresh)
    return fresh


def ingest(inputs: list[str], store, pipeline, format: str | None = None, batch_size: int = 32,
           progress: bool = True) -> Report:
    from tqdm import tqdm

    report = Report()
    bar = tqdm(desc="ingest", unit=" articles", disable=not progress, file=sys.stderr)
    for articles, failures in batches(read_inputs(inputs, format), batch_size):
        fresh = unstored(articles, store, report)
        annotations = []
        for item in pipeline.code_articles(fresh, batch_size=batch_size):
            if isinstance(item, Annotation):
                annotations.append(item)
                report.events += len(item.events)
            else:
                failures.append(item)
        report.coded += len(annotations)
        report.stored += store.write(annotations, failures)
        report.failures.extend(failures)
        bar.update(len(articles))
    bar.close()
    return report
