"""Matching knowledge-base aliases in a parsed document."""

from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from .knowledge import KnowledgeBase, Term


def case_sensitive(alias: str) -> bool:
    """Abbreviations and very short names ("US", "IS", "UN") only match as written."""
    letters = [c for c in alias if c.isalpha()]
    return len(letters) <= 3 or alias.isupper()


class TermMatcher:
    """Finds aliases; longest match wins where matches overlap."""

    def __init__(self, vocab: Vocab, kb: KnowledgeBase, make_doc) -> None:
        self.exact = PhraseMatcher(vocab, attr="ORTH")
        self.folded = PhraseMatcher(vocab, attr="LOWER")
        self.terms: dict[str, list[Term]] = {}
        for alias, terms in kb.terms.items():
            sensitive = case_sensitive(alias) or alias in kb.exact_aliases
            key = alias if sensitive else alias.lower()
            self.terms.setdefault(key, []).extend(t for t in terms if t not in self.terms.get(key, []))
            matcher = self.exact if sensitive else self.folded
            matcher.add(key, [make_doc(alias)])

    def __call__(self, doc: Doc) -> list[tuple[Span, list[Term]]]:
        strings = doc.vocab.strings
        spans = [Span(doc, s, e, label=m) for m, s, e in [*self.exact(doc), *self.folded(doc)]]
        return [(span, self.terms[strings[span.label]]) for span in filter_spans(spans)]
