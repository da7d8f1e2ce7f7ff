"""`eventwire eval quotes`: who-said-what against PolNeAR's attribution annotations
(../shared/eval/quotes/polnear-dev), side by side with textacy's direct-quotation extractor.

PolNeAR marks each attribution in brat standoff: a Source span (who), a Cue span (the verb or
"according to"), a Content span (what), tied together by an `Attribution` event. Spans may be
discontinuous ("start end;start end"), so every span here is a tuple of fragments.

The rules, the same for both systems:
- A predicted quote matches a gold attribution when their content spans overlap by at least half
  of the shorter one. Pairs are made one to one, the largest overlaps first: a long quote that a
  system splits in two gets credit once, and the other half counts against precision.
- Speaker accuracy, over matched pairs whose gold attribution has a Source: right when the
  predicted speaker's span overlaps the gold Source span; or, failing that (the system took the
  speaker from another mention, as coreference does), when the predicted speaker's words share a
  name word with the gold Source; for a gold pronoun Source ("he said") that name word may come
  from its antecedent, taken as the nearest non-pronoun gold Source before it. Words compared
  are case-folded, with function words and pronouns left out.
- A text a system refuses (eventwire's ValueError; textacy bails out on an odd number of
  quotation marks) counts as no predictions for it, and is counted in the report.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .metrics import f1, share

DATASET = "polnear-dev"
Fragments = tuple[tuple[int, int], ...]  # character offsets into the text, text[start:end] each

# Words that say nothing about who the speaker is: compared speakers share a word other than these.
_FUNCTION_WORDS = frozenset(
    "a an the of and or in on at for to by with from its his her their our my your this that these those "
    "mr mrs ms dr said says".split())
PRONOUNS = frozenset(
    "i me we us you he him she her it they them who which this that someone one some both "
    "his hers its their theirs our ours my mine your yours himself herself itself themselves".split())
_QUOTE_MARKS = "\"\u201c\u201d\u201e\u00ab\u00bb'\u2018\u2019"


@dataclass(frozen=True)
class Attribution:
    """One attribution, gold or predicted: what was said and who said it (empty when unknown)."""
    content: Fragments
    source: Fragments = ()
    source_text: str = ""
    cue: Fragments = ()

    @property
    def has_source(self) -> bool:
        return bool(self.source) or bool(self.source_text)


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    gold: tuple[Attribution, ...]
    annotator: str
    published: str | None = None


# --- reading brat standoff -----------------------------------------------------------------

def parse_fragments(offsets: str) -> Fragments:
    """'89 106' or '315 448;463 553' (brat's discontinuous span) -> ((89, 106),) etc."""
    return tuple((int(a), int(b)) for a, b in (part.split() for part in offsets.split(";")))


def read_brat(ann: str, text: str) -> list[Attribution]:
    """Gold attributions from one .ann file's contents: every event with a Content argument.
    Several Content (or Source, Cue) arguments of one event are pooled into one span; the
    trigger's type (`Attribution` or `Attribution-no-source`) is not trusted over its arguments."""
    spans: dict[str, Fragments] = {}  # every text-bound span, whatever its type
    events: list[list[tuple[str, str]]] = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            spans[fields[0]] = parse_fragments(fields[1].partition(" ")[2])
        elif line.startswith("E") and len(fields) >= 2:
            args = [arg.split(":", 1) for arg in fields[1].split()]
            events.append([(re.sub(r"\d+$", "", role), ref) for role, ref in args[1:] if ref])
    out = []
    for args in events:
        parts: dict[str, list[tuple[int, int]]] = {"Content": [], "Source": [], "Cue": []}
        for role, ref in args:
            if role in parts and ref in spans:
                parts[role].extend(spans[ref])
        if not parts["Content"]:
            continue
        source = _normalize(parts["Source"])
        out.append(Attribution(_normalize(parts["Content"]), source, fragment_text(text, source),
                               _normalize(parts["Cue"])))
    return sorted(out, key=lambda a: a.content)


def _normalize(fragments: Iterable[tuple[int, int]]) -> Fragments:
    return tuple(sorted(set(f for f in fragments if f[1] > f[0])))


def fragment_text(text: str, fragments: Fragments) -> str:
    return " ".join(text[a:b] for a, b in fragments)


def _read_text(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:  # brat offsets count "\r" too, if any
        return handle.read()


def load_dataset(folder: Path) -> list[Document]:
    """Every text in `folder`/text with its gold attributions. Where several annotators marked
    one text, the first .ann file in sorted order (annotator id) is used: deterministic, and no
    text weighs more because it was annotated more than once."""
    published = _publication_dates(folder / "metadata.tsv")
    by_stem: dict[str, list[Path]] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        by_stem.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    docs = []
    for path in sorted((folder / "text").glob("*.txt")):
        anns = by_stem.get(path.stem)
        if not anns:
            continue
        text = _read_text(path)
        gold = read_brat(_read_text(anns[0]), text)
        docs.append(Document(path.stem, text, tuple(gold), anns[0].stem.rsplit("_", 1)[1], published.get(path.stem)))
    return docs


def _publication_dates(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {r["filename"]: r["publication_date"] for r in csv.DictReader(handle, delimiter="\t")
                if r.get("filename") and r.get("publication_date")}


# --- overlap, matching, speakers ------------------------------------------------------------

def length(fragments: Fragments) -> int:
    return sum(b - a for a, b in fragments)


def overlap(x: Fragments, y: Fragments) -> int:
    """Characters the two spans share."""
    return sum(max(0, min(b, d) - max(a, c)) for a, b in x for c, d in y)


def content_match(gold: Fragments, predicted: Fragments) -> int:
    """The overlap when it is at least half of the shorter span (a match), else 0."""
    shared = overlap(gold, predicted)
    shorter = min(length(gold), length(predicted))
    return shared if shorter and 2 * shared >= shorter else 0


def match(gold: list[Attribution], predicted: list[Attribution]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, greedy by overlap: the pair sharing the
    most characters first, ties to the earlier gold and then the earlier prediction."""
    candidates = sorted(((content_match(g.content, p.content), gi, pi)
                         for gi, g in enumerate(gold) for pi, p in enumerate(predicted)),
                        key=lambda c: (-c[0], c[1], c[2]))
    used_gold, used_pred, pairs = set(), set(), []
    for shared, gi, pi in candidates:
        if shared == 0:
            break
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def name_words(text: str) -> set[str]:
    """The words of a mention that can identify who it is (not function words nor pronouns)."""
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _FUNCTION_WORDS and w not in PRONOUNS}


def is_pronoun(text: str) -> bool:
    words = re.findall(r"[a-z]+", text.lower())
    return bool(words) and all(w in PRONOUNS for w in words)


def antecedent(gold: list[Attribution], index: int) -> str:
    """For a gold pronoun Source, the nearest non-pronoun gold Source before it: a stand-in for
    the coreference PolNeAR does not annotate."""
    start = gold[index].source[0][0] if gold[index].source else 0
    before = [g for g in gold if g.source and g.source[0][0] < start and not is_pronoun(g.source_text)]
    return max(before, key=lambda g: g.source[0][0]).source_text if before else ""


def speaker_correct(gold: list[Attribution], index: int, predicted: Attribution) -> bool:
    """The rule in the module docstring: span overlap, else a shared name word (with the
    antecedent's words standing in for a gold pronoun's)."""
    g = gold[index]
    if not predicted.has_source:
        return False
    if overlap(g.source, predicted.source):
        return True
    words = name_words(g.source_text)
    if is_pronoun(g.source_text):
        words |= name_words(antecedent(gold, index))
    return bool(words & name_words(predicted.source_text))


def is_direct(text: str, attribution: Attribution) -> bool:
    """Gold content that opens with a quotation mark: what a direct-quotation extractor can find."""
    first = fragment_text(text, attribution.content).lstrip()[:1]
    return bool(first) and first in _QUOTE_MARKS


@dataclass
class Tally:
    """Counts for one system over the dataset."""
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    gold_direct: int = 0
    matched_direct: int = 0
    speaker_scored: int = 0  # matched pairs whose gold attribution has a Source
    speaker_hits: int = 0
    no_speaker: int = 0  # predictions without a speaker
    refused: int = 0  # texts the system gave up on

    @property
    def precision(self) -> float:
        return share(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return share(self.matched, self.gold)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    @property
    def recall_direct(self) -> float:
        return share(self.matched_direct, self.gold_direct)

    @property
    def speaker_accuracy(self) -> float:
        return share(self.speaker_hits, self.speaker_scored)

    def add(self, doc: Document, predicted: list[Attribution] | None) -> list[tuple[int, int]]:
        """Score one document's predictions (None: the system refused the text)."""
        gold = list(doc.gold)
        if predicted is None:
            self.refused += 1
            predicted = []
        pairs = match(gold, predicted)
        direct = [is_direct(doc.text, g) for g in gold]
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.no_speaker += sum(not p.has_source for p in predicted)
        self.matched += len(pairs)
        self.gold_direct += sum(direct)
        self.matched_direct += sum(direct[gi] for gi, _ in pairs)
        for gi, pi in pairs:
            if gold[gi].has_source:
                self.speaker_scored += 1
                self.speaker_hits += speaker_correct(gold, gi, predicted[pi])
        return pairs


# --- the two systems ------------------------------------------------------------------------

def eventwire_quotes(pipeline, doc: Document) -> list[Attribution] | None:
    """eventwire's quotes as attributions; None when it refuses the text (ValueError)."""
    try:
        annotation = pipeline.code(doc.text, published=doc.published)
    except ValueError:
        return None
    return [from_quote(q) for q in annotation.quotes]


def from_quote(quote) -> Attribution:
    speaker = quote.speaker
    cue = (quote.cue.span,) if quote.cue is not None else ()
    if speaker is None:
        return Attribution((quote.content.span,), cue=cue)
    words = " ".join(w for w in (speaker.text, speaker.name) if w)  # the name carries coreference
    return Attribution((quote.content.span,), (speaker.span,), words, cue)


def textacy_extractor() -> Callable[[Document], list[Attribution] | None] | None:
    """textacy's `direct_quotations` over spaCy's own pipeline of the same model, or None when
    textacy (a dev-only dependency) is not installed."""
    try:
        import spacy
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    from ..nlp import MODEL_PACKAGE

    nlp = spacy.load(MODEL_PACKAGE)
    nlp.max_length = 2_000_000

    def extract(doc: Document) -> list[Attribution] | None:
        try:  # a generator: it raises on an odd number of quotation marks before yielding anything
            return [from_triple(t) for t in direct_quotations(nlp(doc.text))]
        except ValueError:
            return None

    return extract


def from_triple(triple) -> Attribution:
    content, speaker = triple.content, sorted(triple.speaker, key=lambda t: t.i)
    return Attribution(((content.start_char, content.end_char),), token_fragments(speaker),
                       " ".join(t.text for t in speaker), token_fragments(triple.cue))


def token_fragments(tokens) -> Fragments:
    """Character fragments covering spaCy tokens, adjacent tokens joined."""
    out: list[list[int]] = []
    for t in sorted(tokens, key=lambda t: t.i):
        start, end = t.idx, t.idx + len(t.text)
        if out and start <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return tuple((a, b) for a, b in out)


# --- the run ---------------------------------------------------------------------------------

@dataclass
class Result:
    dataset: str
    documents: int
    systems: dict[str, Tally] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def report(self) -> str:
        names = list(self.systems)
        first = next(iter(self.systems.values()), Tally())
        lines = [f"dataset: {self.dataset}  texts: {self.documents}  gold attributions: {first.gold} "
                 f"(opening with a quotation mark: {first.gold_direct})", "",
                 f"{'':<26}" + "".join(f"{n:>12}" for n in names)]
        rows = [("predicted", lambda t: f"{t.predicted:d}"),
                ("  without a speaker", lambda t: f"{t.no_speaker:d}"),
                ("matched", lambda t: f"{t.matched:d}"),
                ("precision", lambda t: f"{t.precision:.3f}"),
                ("recall", lambda t: f"{t.recall:.3f}"),
                ("F1", lambda t: f"{t.f1:.3f}"),
                ("recall, quoted gold", lambda t: f"{t.recall_direct:.3f}"),
                ("speaker accuracy", lambda t: f"{t.speaker_accuracy:.3f}"),
                ("  pairs scored", lambda t: f"{t.speaker_scored:d}"),
                ("texts refused", lambda t: f"{t.refused:d}")]
        for label, cell in rows:
            lines.append(f"{label:<26}" + "".join(f"{cell(self.systems[n]):>12}" for n in names))
        lines += ["", "match: content spans overlap by >= half the shorter, one to one, largest overlap first;",
                  "speaker: span overlap, else a shared name word (a gold pronoun's from the source before it)."]
        lines += [f"note: {n}" for n in self.notes]
        return "\n".join(lines)


def evaluate(pipeline, shared_dir: Path, dataset: str = DATASET, baseline: bool = True,
             limit: int | None = None) -> Result:
    """Score eventwire (and textacy, when installed and `baseline`) on every text of the dataset,
    or on the first `limit` texts in name order (a quick check)."""
    docs = load_dataset(Path(shared_dir) / "eval" / "quotes" / dataset)[:limit]
    if not docs:
        raise FileNotFoundError(f"no texts with annotations under {shared_dir}/eval/quotes/{dataset}")
    result = Result(dataset, len(docs), {"eventwire": Tally()})
    systems: dict[str, Callable[[Document], list[Attribution] | None]] = {
        "eventwire": lambda d: eventwire_quotes(pipeline, d)}
    if baseline:
        extract = textacy_extractor()
        if extract is None:
            result.notes.append("textacy is not installed (pip install textacy==0.13.0): no baseline column")
        else:
            systems["textacy"] = extract
            result.systems["textacy"] = Tally()
    for doc in docs:
        for name, system in systems.items():
            result.systems[name].add(doc, system(doc))
    return result
