"""Refining a violent event's code by the weapon the sentence names (data/events/instruments.csv):
'bombers hit ISIS targets' is an aerial attack (195), not just force (190)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span

from ..data_files import read_csv, split_list
from .codebook import Codebook


@lru_cache(maxsize=1)
def load_instruments() -> list[tuple[str, tuple[str, ...], str]]:
    return [(r["lemma"].lower(), tuple(split_list(r["applies_to"])), r["cameo"])
            for r in read_csv("events", "instruments.csv")]


def refine_code(code: str, sentence: Span, codebook: Codebook) -> str:
    lemmas = {t.lemma_.lower() for t in sentence}
    for lemma, roots, better in load_instruments():
        if lemma in lemmas and code[:2] in roots and len(better) >= len(code) and better in codebook:
            return better
    return code
