"""Refining a violent event's code by the weapon the sentence names (data/events/instruments.csv):
'bombers hit ISIS targets' is an aerial attack (195), not just force (190)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span

from ..data_files import read_csv, split_list
from .codebook import Codebook


@lru_cache(maxsize=1)
def load_intentions() -> dict[str, str]:
    return {r["from"]: r["to"] for r in read_csv("events", "intentions.csv")}


def as_intention(code: str, codebook: Codebook) -> str:
    """A cooperative act announced for the future is CAMEO's 'express intent' (03x); a violent or
    punitive one is a threat (13x). 'will provide aid' -> 033, 'will strike' -> 138."""
    table = load_intentions()
    for length in (3, 2):
        target = table.get(code[:length])
        if target and target in codebook:
            return target
    return code


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
