"""Magnitudes: how many were killed, injured or arrested, where the sentence says.

Numbers are read as written ("six", "12", "at least 30" -> 30). Vague plurals take their
lower bound: "dozens" -> 24, "scores" -> 40, "hundreds" -> 200, "thousands" -> 2000,
"a dozen" -> 12, "several" / "a few" -> 3.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..model import Size

WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
              "hundred": 100, "a hundred": 100, "dozens": 24, "dozens of": 24, "a dozen": 12, "scores": 40,
              "scores of": 40, "hundreds": 200, "hundreds of": 200, "thousands": 2000, "thousands of": 2000,
              "several": 3, "a few": 3})
_QUANTITY = (r"(?:at least |more than |nearly |almost |about |around |some |over |up to )?"
             r"(\d[\d,]*|a dozen|dozens(?: of)?|scores(?: of)?|hundreds(?: of)?|thousands(?: of)?|a few|"
             + "|".join(k for k in WORDS if " " not in k) + r")")
_NOUNS = r"(?:\s+(?:\w+\s+){0,2}?(?:people|civilians|soldiers|troops|fighters|militants|protesters|persons|"\
         r"police(?:men)?|officers|children|women|men|students|workers|villagers|others|members|suspects))?"
# Each pattern with words one of which it cannot match without: a substring test is far cheaper
# than trying the quantity alternation at every word of every sentence.
_PATTERNS = {
    "dead": [(rf"\b(?:killing|killed|kills|leaving|left)\s+{_QUANTITY}{_NOUNS}(?:\s+dead)?",
              ("kill", "leaving", "left")),
             (rf"\b(?:shot|shooting|gunned|hacked|stabbed|beat|beaten|burned|burnt) (?:dead|down) {_QUANTITY}",
              ("dead", "down")),
             (rf"\b(?:shot|gunned|hacked|stabbed|beat|beaten) {_QUANTITY}{_NOUNS} (?:dead|to death)\b",
              ("dead", "death")),
             (rf"\b{_QUANTITY}{_NOUNS}\s+(?:were|was|have been|had been|are|being)\s+(?:\w+\s+)?killed", ("killed",)),
             (rf"\b{_QUANTITY}{_NOUNS}\s+(?:dead|killed)\b", ("dead", "killed")),
             (rf"death toll (?:\w+\s+){{0,3}}?(?:to|at|of)\s+{_QUANTITY}", ("death toll",))],
    "injured": [(rf"\b(?:wounding|injuring|wounded|injured)\s+{_QUANTITY}", ("wound", "injur")),
                (rf"\b{_QUANTITY}{_NOUNS}\s+(?:were|was|have been|had been|are)\s+(?:\w+\s+)?(?:wounded|injured|hurt)",
                 ("wounded", "injured", "hurt")),
                (rf"\b{_QUANTITY}{_NOUNS}\s+(?:wounded|injured)\b", ("wounded", "injured"))],
    "arrested": [(rf"\b(?:arrested|detained|arresting|detaining|rounded up)\s+{_QUANTITY}",
                  ("arrest", "detain", "rounded up")),
                 (rf"\b{_QUANTITY}{_NOUNS}\s+(?:were|was|have been|had been)\s+(?:\w+\s+)?(?:arrested|detained)",
                  ("arrested", "detained")),
                 (rf"\b{_QUANTITY}\s+arrests\b", ("arrests",))],
}
_COMPILED = {k: [(re.compile(p, re.I), words) for p, words in ps] for k, ps in _PATTERNS.items()}
# Which CAMEO roots can carry which magnitudes.
_ROOTS = {"dead": ("18", "19", "20", "14", "17"), "injured": ("18", "19", "20", "14", "17"),
          "arrested": ("17", "14")}


def quantity(text: str) -> int | None:
    t = text.lower().strip()
    if t[:1].isdigit():
        return int(t.replace(",", ""))
    return WORDS.get(t)


def size_of(sentence: Span, code: str) -> Size | None:
    fields = [field for field in _COMPILED if code[:2] in _ROOTS[field]]
    if not fields:
        return None
    text = sentence.text  # a span's text is rebuilt from its tokens on each read
    lowered = text.lower()
    found = {}
    for field in fields:
        for pattern, words in _COMPILED[field]:
            if not any(w in lowered for w in words):
                continue
            m = pattern.search(text)
            if m and (n := quantity(m.group(1))) is not None:
                found[field] = n
                break
    return Size(**found) if found else None
