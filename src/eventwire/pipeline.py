"""Wiring the stages: the only module that knows their order.

article -> spaCy doc -> sentences to code -> actors -> places, times, quotes -> events.
Heavy resources (model, knowledge base, gazetteer, lexicon) are loaded once per Pipeline and
handed to the stages; documents are parsed in batches with nlp.pipe.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice
from time import perf_counter

from spacy.tokens import Doc

from .actors import TermMatcher, find_actors, load_knowledge, with_context_countries
from .events import find_events, load_codebook, load_lexicon
from .ingest import make_article
from .model import Annotation, Article, Failure
from .nlp import load_model
from .places import find_places, load_gazetteer
from .quotes import find_quotes
from .sentences import select_sentences
from .times import find_times


class Pipeline:
    def __init__(self, nlp=None, dictionaries=()) -> None:
        """`dictionaries`: PETRARCH/Phoenix actor or agent dictionaries (files or folders) to add
        to the actor knowledge base."""
        self.nlp = nlp or load_model()
        self.dictionary_report = None
        if dictionaries:
            from .actors.petrarch import knowledge_with_dictionaries

            self.kb, self.dictionary_report = knowledge_with_dictionaries(dictionaries)
        else:
            self.kb = load_knowledge()
        self.matcher = TermMatcher(self.nlp.vocab, self.kb, self.nlp.make_doc)
        self.gazetteer = load_gazetteer()
        self.lexicon = load_lexicon()
        self.codebook = load_codebook()
        self.stage_seconds: Counter[str] = Counter()

    def code(self, text: str, published: str | date | None = None, **fields) -> Annotation:
        """Code one text. Raises ValueError when the text is refused (empty, too long, not English)."""
        items = list(make_article(text, origin="<text>", published=published, **fields))
        article = next((i for i in items if isinstance(i, Article)), None)
        if article is None:
            raise ValueError(next(i.reason for i in items if isinstance(i, Failure)))
        return self.annotate(article, self.nlp(article.text))

    def code_articles(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Annotation | Failure]:
        """Annotations in input order, parsing in batches. An article a stage fails on becomes a
        Failure; the rest of the batch goes on."""
        iterator = iter(articles)
        while batch := list(islice(iterator, batch_size)):
            for article, doc in zip(batch, self.nlp.pipe((a.text for a in batch), batch_size=batch_size)):
                try:
                    yield self.annotate(article, doc)
                except Exception as exc:  # a bug on one article must not cost the batch
                    yield Failure(article.origin or article.id, f"coding failed: {exc!r}", stage="code",
                                  article_id=article.id)

    def annotate(self, article: Article, doc: Doc) -> Annotation:
        published = date.fromisoformat(article.published_date) if article.published_date else None
        timed = self._timed
        sentences = timed("sentences", select_sentences, doc)
        actors = timed("actors", find_actors, doc, self.kb, self.matcher, article.published_date)
        places = timed("places", find_places, doc, actors, self.gazetteer)
        actors = timed("actors", with_context_countries, doc, actors, places, self.kb)
        times = timed("times", find_times, doc, published)
        quotes = timed("quotes", find_quotes, doc, actors)
        events = timed("events", find_events, doc, sentences, actors, places, times, quotes, published,
                       article.id, self.lexicon, self.codebook)
        return Annotation(article, tuple(events), tuple(actors), tuple(places), tuple(times), tuple(quotes))

    def _timed(self, stage: str, function, *args):
        """Run one stage, adding its time to `self.stage_seconds` (the benchmark reports them)."""
        start = perf_counter()
        result = function(*args)
        self.stage_seconds[stage] += perf_counter() - start
        return result
