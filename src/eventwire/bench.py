"""The throughput benchmark: the full pipeline against spaCy alone, same texts, same run.

The ratio (full pipeline time / spaCy parse time) is what we track: our own stages should cost
at most half of the parse (ratio <= 1.5). Peak RSS is sampled as the run goes so that growth
with corpus size shows.
"""

from __future__ import annotations

import json
import resource
import time
from dataclasses import asdict, dataclass
from itertools import cycle, islice

from .data_files import data_path
from .model import Article


@dataclass
class BenchResult:
    articles: int
    words: int
    spacy_seconds: float
    pipeline_seconds: float
    peak_rss_mb: float
    rss_mb_at_quarter: float
    rss_mb_at_end: float
    events: int
    stage_seconds: dict[str, float]

    @property
    def ratio(self) -> float:
        return self.pipeline_seconds / self.spacy_seconds

    def as_dict(self) -> dict:
        return {**asdict(self), "ratio": round(self.ratio, 3)}

    def report(self) -> str:
        def rate(seconds: float) -> str:
            return f"{self.articles / seconds:8.1f} articles/s {self.words / seconds:9.0f} words/s"

        return "\n".join([
            f"articles: {self.articles}  words: {self.words}  events: {self.events}",
            f"spaCy alone    : {rate(self.spacy_seconds)}  ({self.spacy_seconds:.2f} s)",
            f"full pipeline  : {rate(self.pipeline_seconds)}  ({self.pipeline_seconds:.2f} s)",
            f"ratio (pipeline / spaCy): {self.ratio:.3f}   target <= 1.5",
            f"RSS: {self.rss_mb_at_quarter:.0f} MB after a quarter, {self.rss_mb_at_end:.0f} MB at the end; "
            f"peak {self.peak_rss_mb:.0f} MB",
            "each stage's cost as a share of spaCy's parse time:",
            *[f"  {stage:<10} {seconds / self.spacy_seconds:6.1%}  ({seconds:.2f} s)"
              for stage, seconds in self.stage_seconds.items()],
        ])


def sample_articles(n: int) -> list[Article]:
    """The bundled sample, repeated to n articles with distinct ids."""
    with data_path("sample", "articles.jsonl").open(encoding="utf-8") as handle:
        base = [json.loads(line) for line in handle if line.strip()]
    return [Article(id=f"{r['id']}~{i}", text=r["text"], title=r.get("title"), published=r.get("published"))
            for i, r in enumerate(islice(cycle(base), n))]


def _rss_mb() -> float:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_benchmark(n: int = 500, batch_size: int = 32) -> BenchResult:
    from .pipeline import Pipeline

    pipeline = Pipeline()  # loads the model and every resource before timing starts
    articles = sample_articles(n)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    list(pipeline.nlp.pipe(texts[: min(32, n)]))  # warm-up

    start = time.perf_counter()
    for _ in pipeline.nlp.pipe(texts, batch_size=batch_size):
        pass
    spacy_seconds = time.perf_counter() - start

    events, rss_quarter = 0, 0.0
    pipeline.stage_seconds.clear()
    start = time.perf_counter()
    for i, ann in enumerate(pipeline.code_articles(articles, batch_size=batch_size), start=1):
        events += len(getattr(ann, "events", ()))
        if i == max(1, n // 4):
            rss_quarter = _rss_mb()
    pipeline_seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return BenchResult(n, words, spacy_seconds, pipeline_seconds, peak, rss_quarter, _rss_mb(), events,
                       dict(pipeline.stage_seconds))
