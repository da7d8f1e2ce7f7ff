"""Matching knowledge-base aliases in a parsed document."""

from __future__ import annotations

import re

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from .knowledge import KnowledgeBase, Term

# "U.S.-led", "U.N.-backed": an abbreviation ending in a full stop stays one token with the word
# hyphened to it; the abbreviation is the name.
_HYPHENED = re.compile(r"^(.+\.)-([a-z]+)$")


def case_sensitive(alias: str) -> bool:
    """Abbreviations and very short names ("US", "IS", "UN") only match as written."""
    letters = [c for c in alias if c.isalpha()]
    return len(letters) <= 3 or alias.isupper()


def one_word_name(alias: str) -> bool:
    """A one-word alias written with a capital is a name ("Shell", "Gallant", "Chad") that may
    also be a common word ("shell bombs", "gallant soldiers"): text in all lower case is the word.
    Names of several words ("Peace Now") keep matching in any case."""
    return " " not in alias and any(c.isupper() for c in alias)


class TermMatcher:
    """Finds aliases; longest match wins where matches overlap."""

    def __init__(self, vocab: Vocab, kb: KnowledgeBase, make_doc) -> None:
        self.exact = PhraseMatcher(vocab, attr="ORTH")
        self.folded = PhraseMatcher(vocab, attr="LOWER")
        self.names = PhraseMatcher(vocab, attr="LOWER")  # one-word names: any case but all lower
        # each matcher's keys and their terms: "Shell" the name and a role "shell" would not mix
        self.terms: dict[PhraseMatcher, dict[str, list[Term]]] = {self.exact: {}, self.folded: {}, self.names: {}}
        for alias, terms in kb.terms.items():
            sensitive = case_sensitive(alias) or alias in kb.exact_aliases
            matcher = self.exact if sensitive else self.names if one_word_name(alias) else self.folded
            key = alias if sensitive else alias.lower()
            known = self.terms[matcher].setdefault(key, [])
            known.extend(t for t in terms if t not in known)
            matcher.add(key, [make_doc(alias)])

    def __call__(self, doc: Doc) -> list[tuple[Span, list[Term]]]:
        """Matched spans with their terms; the terms of every matcher that found the same span."""
        found: dict[tuple[int, int], list[Term]] = {}
        for start, end, terms in [*self._phrases(doc), *self._hyphened(doc)]:
            known = found.setdefault((start, end), [])
            known.extend(t for t in terms if t not in known)
        spans = filter_spans([Span(doc, start, end) for start, end in found])
        return [(span, found[span.start, span.end]) for span in spans]

    def _phrases(self, doc: Doc):
        strings = doc.vocab.strings
        for matcher, terms in self.terms.items():
            for match_id, start, end in matcher(doc):
                if matcher is self.names and doc[start:end].text.islower():
                    continue  # "shell bombs": the common word, not the company
                yield start, end, terms[strings[match_id]]

    def _hyphened(self, doc: Doc):
        """'U.S.-led forces': the abbreviation inside the token, as one of its own would match."""
        exact = self.terms[self.exact]
        for token in doc:
            found = _HYPHENED.match(token.text)
            if found and found.group(1) in exact:
                yield token.i, token.i + 1, exact[found.group(1)]
