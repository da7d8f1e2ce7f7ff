"""`eventwire eval time --dataset meantime`: time expressions against MEANTIME's TIMEX3 (CAT XML).

The articles are rebuilt from their tokens (spaces between tokens, none before closing
punctuation), so gold offsets are exact. MEANTIME annotates only the first sentences of each
article (title, dateline and four more); predictions after the last annotated sentence are not
scored. Spans match strictly (same start and end) or leniently
(overlap); type and value are scored on lenient matches. The document creation time is the
publication date, as in the evaluation's design.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .metrics import f1, share

_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "'s", "n't", "'", "%", "'re", "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "[", "$"}


@dataclass
class Timex:
    span: tuple[int, int]
    type: str
    value: str


@dataclass
class Document:
    name: str
    text: str
    created: date | None
    timexes: list[Timex]
    annotated_end: int  # offset where the annotated part of the article ends


def read_document(path: Path) -> Document:
    root = ET.parse(path).getroot()
    pieces, offsets, sentence_of, last_sentence, previous = [], {}, {}, None, None
    length = 0
    for token in root.iter("token"):
        word, sentence = token.text or "", token.get("sentence")
        if previous is None:
            sep = ""
        elif sentence != last_sentence and sentence in ("1", "2"):
            sep = "\n\n"  # title, dateline, body
        elif word in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        pieces.append(sep + word)
        length += len(sep)
        offsets[token.get("t_id")] = (length, length + len(word))
        sentence_of[token.get("t_id")] = int(sentence)
        length += len(word)
        last_sentence, previous = sentence, word
    text = "".join(pieces)
    timexes, created = [], None
    for timex in root.iter("TIMEX3"):
        anchors = [offsets[a.get("t_id")] for a in timex.iter("token_anchor") if a.get("t_id") in offsets]
        if timex.get("functionInDocument") == "CREATION_TIME":
            created = _as_date(timex.get("value"))
        if anchors:
            timexes.append(Timex((min(a[0] for a in anchors), max(a[1] for a in anchors)), timex.get("type"),
                                 timex.get("value")))
    anchored = {sentence_of[a.get("t_id")] for a in root.iter("token_anchor") if a.get("t_id") in sentence_of}
    last = max(anchored, default=-1)
    annotated_end = max((offsets[t][1] for t, n in sentence_of.items() if n <= last), default=0)
    return Document(path.stem, text, created, timexes, annotated_end)


def _as_date(value: str | None) -> date | None:
    """The creation time: ISO, or day-month-year as a few MEANTIME files write it."""
    text = (value or "")[:10]
    try:
        return date.fromisoformat(text)
    except ValueError:
        parts = text.split("-")
        if len(parts) == 3 and len(parts[2]) == 4:
            try:
                return date(int(parts[2]), int(parts[1]), int(parts[0]))
            except ValueError:
                return None
        return None


@dataclass
class Result:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    lenient: int = 0
    type_right: int = 0
    value_right: int = 0
    errors: list[str] = field(default_factory=list)

    def scores(self, hits: int) -> tuple[float, float, float]:
        """Precision, recall and F1 for this many matched spans."""
        p, r = share(hits, self.predicted), share(hits, self.gold)
        return p, r, f1(p, r)

    def report(self) -> str:
        ps, rs, fs = self.scores(self.strict)
        pl, rl, fl = self.scores(self.lenient)
        return "\n".join([
            f"gold expressions: {self.gold}  predicted: {self.predicted}",
            f"span (strict)  precision {ps:.3f} recall {rs:.3f} F1 {fs:.3f}",
            f"span (overlap) precision {pl:.3f} recall {rl:.3f} F1 {fl:.3f}",
            f"type accuracy on matched:  {share(self.type_right, self.lenient):.3f}",
            f"value accuracy on matched: {share(self.value_right, self.lenient):.3f}",
        ])


def evaluate(pipeline, shared: Path, show_errors: int = 0) -> Result:
    from ..times import find_times

    folder = shared / "eval" / "time" / "meantime"
    documents = [read_document(p) for p in sorted(folder.glob("*.xml"))]
    result = Result()
    for document, doc in zip(documents, pipeline.nlp.pipe(d.text for d in documents)):
        predicted = [t for t in find_times(doc, document.created) if t.span[0] < document.annotated_end]
        result.gold += len(document.timexes)
        result.predicted += len(predicted)
        used: set[int] = set()
        for gold in document.timexes:
            match = next((i for i, p in enumerate(predicted) if i not in used
                          and p.span[0] < gold.span[1] and gold.span[0] < p.span[1]), None)
            if match is None:
                if len(result.errors) < show_errors:
                    result.errors.append(f"missed {document.text[gold.span[0]:gold.span[1]]!r} {gold.value}")
                continue
            used.add(match)
            p = predicted[match]
            result.lenient += 1
            result.strict += p.span == gold.span
            result.type_right += p.type == gold.type
            result.value_right += p.value == gold.value
            if p.value != gold.value and len(result.errors) < show_errors:
                result.errors.append(f"value {p.text!r}: {p.value} vs gold {gold.value}")
    return result
