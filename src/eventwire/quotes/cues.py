"""The attribution cues: which words report what someone said, thought or wants, and where their
content sits (data/quotes/cues.csv).

Complements, per row:
- `clause`: the reported clause ("said that ...", "asked whether ...")
- `infinitive`: the to-infinitive, with the object before it ("wants to ...", "urged voters to ...")
- `object`: the direct object ("cited security concerns")
- `predicate`: the object with what it is called ("called the deal a disaster", "described X as Y")
- a preposition: its object ("called for talks", "accused Y of shelling ...")
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from ..data_files import read_csv, split_list

@dataclass(frozen=True)
class Cues:
    verbs: dict[str, frozenset[str]]  # lemma, or "lemma particle" ("point out") -> complements
    nouns: dict[str, frozenset[str]]

    def of_verb(self, token: Token) -> frozenset[str]:
        """The complements a verb token takes as content; empty when it is no cue."""
        if token.pos_ != "VERB":
            return frozenset()
        lemma = token.lemma_.lower()
        for child in token.children:
            if child.dep_ == "prt":
                phrasal = self.verbs.get(f"{lemma} {child.lower_}")
                if phrasal is not None:
                    return phrasal
        return self.verbs.get(lemma, frozenset())

    def of_noun(self, token: Token) -> frozenset[str]:
        if token.pos_ != "NOUN":
            return frozenset()
        return self.nouns.get(token.lemma_.lower(), frozenset())


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    verbs: dict[str, frozenset[str]] = {}
    nouns: dict[str, frozenset[str]] = {}
    for row in read_csv("quotes", "cues.csv"):
        table = nouns if row["pos"] == "noun" else verbs
        table[row["cue"].lower()] = frozenset(split_list(row["complements"]))
    return Cues(verbs, nouns)
