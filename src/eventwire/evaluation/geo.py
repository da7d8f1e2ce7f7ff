"""`eventwire eval geo` and `eventwire eval event-location`: toponym recognition and resolution
against GeoVirus and GeoWebNews (../shared/eval/geo), and where an event happened against the
event-location dev set (../shared/eval/event_location).

The gold files do not all give Python string offsets: GeoVirus counts characters from 1, a few
GeoWebNews spans are misplaced, and several hundred event-location spans carry token indexes in
their character fields. Every reader re-anchors a gold span on its own surface text (`anchor`),
so a score never compares a prediction against a misplaced span.

Texts are parsed in batches with nlp.pipe (through `Pipeline.code_articles`), not one `code`
call each: the event-location set has ~10,000 sentences.
"""

from __future__ import annotations

import json
import math
import random
import re
import statistics
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from ..events import trigger_word
from ..ingest import make_article
from ..model import Annotation, Article, Event, Place, Span
from ..places.gazetteer import fold
from .metrics import f1, share

DATASETS = {"geovirus": "GeoVirus.xml", "gwn": "GWN.xml"}
ACCURATE_KM = 161.0  # 100 miles: the threshold geoparsing papers, Mordecai3's included, report

# GeoWebNews fine types (Gritta et al. 2019, "A Pragmatic Guide to Geoparsing Evaluation", table 1):
# five literal types, and six associative ones (Metonymic, Non_Literal_Modifier, Embedded_Non_Lit,
# Demonym, Language, Homonym).
LITERAL_TYPES = frozenset({"Literal", "Mixed", "Coercion", "Embedded_Literal", "Literal_Modifier"})
# The rule for which GWN annotations a geoparser is asked to find: a place named by a noun, used
# literally or for something at that place ("Russia said"), with gold coordinates. Left out:
# demonyms, languages and adjectival modifiers ("Russian"), which name people or languages and
# which we deliberately never make places; homonyms and non-toponyms, which are not places at all;
# and the literal/non-literal "expression" cue words ("citizens"), which are not names.
COUNTED_TYPES = LITERAL_TYPES | {"Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit"}
NOT_PLACES = frozenset({"Homonym", "Non_Toponym"})  # predicting a place here is a false positive
CUE_TYPES = frozenset({"Literal_Expression", "Non_Lit_Expression"})  # not read at all
GWN_RULE = ("counted: Literal, Mixed, Coercion, Embedded_Literal, Literal_Modifier, Metonymic, "
            "Non_Literal_Modifier, Embedded_Non_Lit; noun forms with coordinates only. Set aside "
            "(a place predicted there is neither right nor wrong): Demonym, Language, adjectival "
            "modifiers. Not places (a place predicted there is wrong): Homonym, Non_Toponym.")


# -- spans ------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+|[^\w\s]")


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def anchor(text: str, surface: str, start: int, end: int, token_start: int | None = None,
           window: int = 100) -> Span | None:
    """Where `surface` really is in `text`: the given span when it holds the surface text; else the
    occurrence nearest the given token index (when the file has one) or character offset (within
    `window` characters). None when the surface text cannot be placed."""
    if not surface or text[start:end] == surface:
        return (start, end) if surface else None
    found = [m.start() for m in re.finditer(re.escape(surface), text)]
    if token_start is not None and found:
        best = min(found, key=lambda i: abs(len(_TOKEN.findall(text[:i])) - token_start))
        return best, best + len(surface)
    near = [i for i in found if abs(i - start) <= window]
    if not near:
        return None
    best = min(near, key=lambda i: abs(i - start))
    return best, best + len(surface)


def match_spans(gold: Sequence[Span], predicted: Sequence[Span], preferred: Collection[int] = ()) -> dict[int, int]:
    """One-to-one pairs {gold index: predicted index} of overlapping spans, the largest overlaps
    first, so a long prediction covering two gold toponyms takes the one it covers most. Among equal
    overlaps a prediction takes the gold span it coincides with, then one of the `preferred` gold
    indexes (the counted ones): where the gold marks both "New York Times" and "New York", a
    prediction of "New York" is "New York", whatever order the file lists them in."""
    pairs = sorted(((min(g[1], p[1]) - max(g[0], p[0]), g != p, i not in preferred, abs(g[0] - p[0]), i, j)
                    for i, g in enumerate(gold) for j, p in enumerate(predicted) if overlaps(g, p)),
                   key=lambda t: (-t[0], *t[1:]))
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for *_, i, j in pairs:
        if i not in matched and j not in taken:
            matched[i] = j
            taken.add(j)
    return matched


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


# -- geoparsing gold --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Toponym:
    text: str
    span: Span
    lat: float | None
    lon: float | None
    type: str  # GWN fine type (Literal, Metonymic, ...; "/adj" or "/no-coords" when set aside for
    # that); GeoVirus: "toponym" or "continent"
    counted: bool  # one the geoparser is asked to find and resolve (see GWN_RULE)
    place: bool = True  # False for annotations that are not places at all (homonyms, non-toponyms)
    geonameid: int | None = None
    page: str | None = None  # GeoVirus: the title of the Wikipedia article the gold point is from


@dataclass(frozen=True)
class GeoDocument:
    text: str
    toponyms: tuple[Toponym, ...]
    dropped: int = 0  # gold annotations whose surface text could not be found near their offsets


def read_geovirus(path: Path) -> list[GeoDocument]:
    """GeoVirus: every annotated location counts; continents keep their own type for the table.
    Its offsets count from 1, which `anchor` corrects."""
    docs = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        toponyms, dropped = [], 0
        for loc in article.iter("location"):
            name = loc.findtext("name") or ""
            span = anchor(text, name, int(loc.findtext("start")), int(loc.findtext("end")))
            if span is None:
                dropped += 1
                continue
            page = unquote((loc.findtext("page") or "").rsplit("/wiki/", 1)[-1]).replace("_", " ") or None
            toponyms.append(Toponym(name, span, _float(loc.findtext("lat")), _float(loc.findtext("lon")),
                                    "continent" if loc.find("continent") is not None else "toponym", True,
                                    page=page))
        docs.append(GeoDocument(text, tuple(toponyms), dropped))
    return docs


def read_gwn(path: Path) -> list[GeoDocument]:
    """GeoWebNews: every annotation but the expression cue words, each marked counted or not by
    the rule in GWN_RULE."""
    docs = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        toponyms, dropped = [], 0
        for t in article.iter("toponym"):
            kind = t.findtext("type") or ""
            if kind in CUE_TYPES:
                continue
            name = t.findtext("extractedName") or ""
            span = anchor(text, name, int(t.findtext("start")), int(t.findtext("end")))
            if span is None:
                dropped += 1
                continue
            lat, lon = _float(t.findtext("latitude")), _float(t.findtext("longitude"))
            adjective = (t.findtext("modifierType") or "") == "Adjective"
            counted = kind in COUNTED_TYPES and not adjective and lat is not None
            label = kind + ("/adj" if adjective else "/no-coords" if kind in COUNTED_TYPES and not counted else "")
            gid = t.findtext("geonamesID")
            toponyms.append(Toponym(name, span, lat, lon, label, counted, kind not in NOT_PLACES,
                                    int(gid) if gid and gid.isdigit() else None))
        docs.append(GeoDocument(text, tuple(toponyms), dropped))
    return docs


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


# -- geoparsing scores ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Outcome:
    """What became of one gold toponym, or of one predicted place that matched no place in the gold."""

    document: int
    gold: Toponym | None  # None: a spurious prediction
    place: Place | None  # None: the gold toponym was not recognized
    km: float | None  # gold to predicted point; None when either side has no coordinates

    @property
    def kind(self) -> str:
        if self.gold is None or not self.gold.place:
            return "spurious" if self.place is not None else "ok"
        if self.place is None:
            return "missed"
        if self.km is None:
            return "unresolved"
        return "near" if self.km <= ACCURATE_KM else "far"


def score_document(index: int, doc: GeoDocument, places: Sequence[Place]) -> list[Outcome]:
    """An outcome for every gold annotation, and one for every prediction that matched nothing or
    matched a non-place. Predictions on set-aside annotations (demonyms...) yield nothing more."""
    matched = match_spans([t.span for t in doc.toponyms], [p.span for p in places],
                          {i for i, t in enumerate(doc.toponyms) if t.counted})
    outcomes = []
    for i, gold in enumerate(doc.toponyms):
        place = places[matched[i]] if i in matched else None
        km = None
        if place is not None and None not in (place.lat, place.lon, gold.lat, gold.lon):
            km = haversine_km(gold.lat, gold.lon, place.lat, place.lon)
        outcomes.append(Outcome(index, gold, place, km))
    taken = set(matched.values())
    outcomes += [Outcome(index, None, p, None) for j, p in enumerate(places) if j not in taken]
    return outcomes


@dataclass
class GeoResult:
    dataset: str
    documents: list[GeoDocument]
    outcomes: list[Outcome]
    refused: int = 0  # texts eventwire refused or failed on: no predictions

    def counted(self, literal_only: bool = False) -> list[Outcome]:
        return [o for o in self.outcomes if o.gold is not None and o.gold.counted
                and (not literal_only or o.gold.type in LITERAL_TYPES)]

    @property
    def recognized(self) -> list[Outcome]:
        return [o for o in self.counted() if o.place is not None]

    @property
    def predicted(self) -> int:
        """Predictions judged: those on counted toponyms plus the spurious ones."""
        return len(self.recognized) + sum(o.kind == "spurious" for o in self.outcomes)

    @property
    def precision(self) -> float:
        return share(len(self.recognized), self.predicted)

    @property
    def recall(self) -> float:
        return share(len(self.recognized), len(self.counted()))

    @property
    def accuracy_161(self) -> float:
        """Of recognized toponyms, the share resolved within 161 km (unresolved ones count wrong)."""
        rec = self.recognized
        return sum(o.kind == "near" for o in rec) / len(rec) if rec else 0.0

    @property
    def median_km(self) -> float | None:
        """Median error over recognized toponyms that got coordinates."""
        kms = [o.km for o in self.recognized if o.km is not None]
        return statistics.median(kms) if kms else None

    def share_161(self, literal_only: bool = False) -> float:
        """Mordecai3's figure: of ALL counted gold toponyms, the share resolved within 161 km; a
        missed or unresolved toponym counts wrong."""
        gold = self.counted(literal_only)
        return sum(o.kind == "near" for o in gold) / len(gold) if gold else 0.0

    def same_id(self) -> tuple[int, int]:
        """Recognized toponyms whose gold GeoNames id (GWN gives most) the prediction has too: a
        check of the chosen entry that no centroid convention can blur."""
        with_id = [o for o in self.recognized if o.gold.geonameid is not None]
        return sum(o.place.geonameid == o.gold.geonameid for o in with_id), len(with_id)

    def same_article_far(self) -> int:
        """Recognized toponyms placed over 161 km from the gold point whose entry is the very
        country, division or region the gold's Wikipedia article is about: GeoNames' point for a
        large feature against Wikipedia's, not a wrong reading."""
        return sum(1 for o in self.recognized if o.kind == "far" and o.gold.page
                   and o.place.precision in ("country", "admin1", "region")
                   and fold(o.place.name or "") == fold(o.gold.page))

    def per_type(self) -> dict[str, tuple[int, int, int, bool]]:
        """type -> (gold annotations, recognized, within 161 km, counted?)."""
        table: dict[str, list] = {}
        for o in self.outcomes:
            if o.gold is not None:
                row = table.setdefault(o.gold.type, [0, 0, 0, False])
                row[0] += 1
                row[1] += o.place is not None
                row[2] += o.kind == "near"
                row[3] = row[3] or o.gold.counted
        return {k: tuple(v) for k, v in sorted(table.items(), key=lambda kv: -kv[1][0])}

    def report(self) -> str:
        counted = self.counted()
        rec = self.recognized
        p, r = self.precision, self.recall
        median = f"{self.median_km:.1f} km" if self.median_km is not None else "n/a"
        dropped = sum(d.dropped for d in self.documents)
        lines = [
            f"dataset: {self.dataset}  articles: {len(self.documents)} (refused or failed: {self.refused})  "
            f"gold toponyms counted: {len(counted)}  (gold spans not found in the text, dropped: {dropped})",
            f"recognition: precision {p:.3f} ({len(rec)}/{self.predicted})  "
            f"recall {r:.3f} ({len(rec)}/{len(counted)})  f1 {f1(p, r):.3f}",
            f"resolution of recognized toponyms: accuracy@161km {self.accuracy_161:.3f}  "
            f"median error {median}  unresolved {sum(o.kind == 'unresolved' for o in rec)}",
            f"end to end (Mordecai3-comparable): share of all gold toponyms within 161 km "
            f"{self.share_161():.3f} ({sum(o.kind == 'near' for o in counted)}/{len(counted)})",
        ]
        same, with_id = self.same_id()
        if with_id:
            lines.append(f"same GeoNames id as the gold, of recognized toponyms that have one: "
                         f"{same / with_id:.3f} ({same}/{with_id})")
        same_far = self.same_article_far()
        if same_far:
            near = sum(o.kind == "near" for o in rec)
            lines.append(f"placed over 161 km from the gold point but the very feature its Wikipedia article "
                         f"names (a country, division or region at GeoNames' point, not Wikipedia's): {same_far}; "
                         f"counting those as resolved, accuracy@161km {(near + same_far) / len(rec):.3f}")
        if self.dataset == "gwn":
            lines += [f"end to end, literal types only: {self.share_161(literal_only=True):.3f} "
                      f"of {len(self.counted(literal_only=True))}", f"rule: {GWN_RULE}"]
        lines += ["", f"{'type':<26} {'counted':>7} {'n':>5} {'recall':>7} {'@161km':>7}"]
        for kind, (n, found, near, is_counted) in self.per_type().items():
            lines.append(f"{kind:<26} {'yes' if is_counted else 'no':>7} {n:5d} {found / n:7.3f} {near / n:7.3f}")
        return "\n".join(lines)

    def errors(self, n: int = 30, seed: int = 0) -> str:
        """A reproducible sample of errors (missed, unresolved, far, spurious), one line each with
        the text around the mention, for reading rather than scoring."""
        wrong = [o for o in self.outcomes if o.kind in ("missed", "unresolved", "far", "spurious")
                 and (o.gold is None or o.gold.counted or not o.gold.place)]
        lines = []
        for o in random.Random(seed).sample(wrong, min(n, len(wrong))):
            text = self.documents[o.document].text
            span = o.gold.span if o.gold is not None else o.place.span
            context = " ".join(text[max(0, span[0] - 60):span[1] + 60].split())
            gold = f"{o.gold.text!r} [{o.gold.type}]" if o.gold else "-"
            got = (f"{o.place.text!r} -> {o.place.name} {o.place.country} {o.place.feature_code}"
                   if o.place else "-")
            km = f" {o.km:.0f} km" if o.km is not None else ""
            lines.append(f"{o.kind:<10} gold {gold}  got {got}{km}\n           ...{context}...")
        return "\n".join(lines)


def evaluate_geo(pipeline, shared: Path, dataset: str, limit: int | None = None,
                 batch_size: int = 16) -> GeoResult:
    path = shared / "eval" / "geo" / DATASETS[dataset]
    docs = (read_geovirus if dataset == "geovirus" else read_gwn)(path)[:limit]
    outcomes, refused = [], 0
    for i, (doc, ann) in enumerate(zip(docs, annotate_texts(pipeline, [d.text for d in docs], batch_size))):
        refused += ann is None
        outcomes += score_document(i, doc, ann.places if ann else ())
    return GeoResult(dataset, docs, outcomes, refused)


def annotate_texts(pipeline, texts: Sequence[str], batch_size: int = 64) -> Iterator[Annotation | None]:
    """One Annotation per text, in order, parsed in batches; None for a text eventwire refuses (as
    `code` would, by raising) or fails on. No publication date: none of these sets gives one."""
    articles: list[Article | None] = []
    for i, text in enumerate(texts):
        made = make_article(text, origin=f"#{i}", id=str(i))
        articles.append(next((a for a in made if isinstance(a, Article)), None))
    coded = pipeline.code_articles((a for a in articles if a is not None), batch_size=batch_size)
    for article in articles:
        if article is None:
            yield None
        else:
            result = next(coded)
            yield result if isinstance(result, Annotation) else None


# -- event location ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class LocatedEvent:
    """A sentence, its event verb and the places (none, one or several) the event happened at."""

    text: str
    verb: Span
    places: tuple[Span, ...]
    answer: str | None  # the annotation tool's verdict: "accept" or null (both are gold)
    source: str | None


def read_event_locations(path: Path) -> list[LocatedEvent]:
    """The event-location JSONL (Prodigy spans). Records an annotator rejected or skipped are left
    out; both "accept" and null answers are gold (the null ones are the research assistants'
    batches). A record with two verbs is scored on the earlier one."""
    examples = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            if record.get("answer") in ("reject", "ignore"):
                continue
            text = record["text"]
            spans = {"VERB": [], "LOCATION": []}
            for s in record.get("spans", []):
                span = _record_span(text, s)
                if span is not None and s.get("label") in spans:
                    spans[s["label"]].append(span)
            if spans["VERB"]:
                examples.append(LocatedEvent(text, min(spans["VERB"]), tuple(sorted(set(spans["LOCATION"]))),
                                             record.get("answer"), record.get("source")))
    return examples


def _record_span(text: str, s: dict) -> Span | None:
    """A Prodigy span's character offsets; when they do not hold the span's own text (several
    hundred records carry token indexes there), the occurrence nearest its token index."""
    start, end = s["start"], s["end"]
    if "text" not in s:
        return (start, end) if 0 <= start < end <= len(text) else None
    return anchor(text, s["text"], start, end, token_start=s.get("token_start"))


def trigger_spans(text: str, event: Event) -> list[Span]:
    """Where the event's trigger words sit in its sentence: its own verb and those of the
    same-incident events folded into it. Event carries no offsets of its own."""
    start, end = event.span
    spans = []
    for word in (trigger_word(event), *event.also):
        if word:
            pattern = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)")
            spans += [(start + m.start(), start + m.end()) for m in pattern.finditer(text[start:end])]
    return spans


def event_on(text: str, verb: Span, events: Sequence[Event]) -> Event | None:
    """The first event whose trigger word overlaps the gold verb."""
    return next((e for e in events if any(overlaps(verb, s) for s in trigger_spans(text, e))), None)


@dataclass(frozen=True)
class LocationOutcome:
    example: LocatedEvent
    found: bool  # eventwire coded an event on the gold verb
    place: Place | None  # that event's location

    @property
    def kind(self) -> str:
        if not self.found:
            return "no event"
        if self.place is None:
            return "both none" if not self.example.places else "missed place"
        if not self.example.places:
            return "spurious place"
        return "right place" if any(overlaps(self.place.span, g) for g in self.example.places) else "wrong place"

    @property
    def correct(self) -> bool:
        return self.kind in ("both none", "right place")


def score_event(example: LocatedEvent, events: Sequence[Event]) -> LocationOutcome:
    event = event_on(example.text, example.verb, events)
    return LocationOutcome(example, event is not None, event.location if event else None)


@dataclass
class EventLocationResult:
    outcomes: list[LocationOutcome]
    refused: int = 0

    @property
    def accuracy(self) -> float:
        return _share(self.outcomes, _correct)

    def has_location(self) -> tuple[float, float]:
        """Precision and recall of saying the event has a location at all."""
        predicted = [o for o in self.outcomes if o.place is not None]
        gold = [o for o in self.outcomes if o.example.places]
        tp = sum(bool(o.example.places) for o in predicted)
        return (tp / len(predicted) if predicted else 0.0, tp / len(gold) if gold else 0.0)

    def right_place(self) -> tuple[float, float]:
        """Precision and recall of the location itself: a predicted location counts only when it
        is the gold one."""
        predicted = [o for o in self.outcomes if o.place is not None]
        gold = [o for o in self.outcomes if o.example.places]
        tp = sum(o.kind == "right place" for o in predicted)
        return (tp / len(predicted) if predicted else 0.0, tp / len(gold) if gold else 0.0)

    def report(self) -> str:
        n = len(self.outcomes)
        found = sum(o.found for o in self.outcomes)
        (hp, hr), (rp, rr) = self.has_location(), self.right_place()
        kinds = Counter(o.kind for o in self.outcomes)
        with_gold = [o for o in self.outcomes if o.example.places]
        without = [o for o in self.outcomes if not o.example.places]
        lines = [
            f"sentences: {n} (refused or failed: {self.refused})  with a gold location: "
            f"{len(with_gold)}",
            f"event found on the gold verb: {found / n if n else 0:.3f} ({found}/{n})",
            f"accuracy: {self.accuracy:.3f}  (no event on the gold verb counts wrong)",
            f"  on sentences with a gold location: {_share(with_gold, _correct):.3f}  "
            f"without: {_share(without, _correct):.3f}  "
            f"where an event was found: {_share([o for o in self.outcomes if o.found], _correct):.3f}",
            f"has a location: precision {hp:.3f}  recall {hr:.3f}",
            f"right location: precision {rp:.3f}  recall {rr:.3f}",
            "", "outcomes:",
            *[f"  {k:<15} {v:6d}" for k, v in kinds.most_common()],
            "", "accuracy by annotation batch (answer field):",
            *[f"  {str(a):<8} {_share(group, _correct):.3f}  n={len(group)}"
              for a, group in _groups(self.outcomes, lambda o: o.example.answer)],
        ]
        return "\n".join(lines)

    def errors(self, n: int = 30, seed: int = 0) -> str:
        """A reproducible sample of wrongly located sentences, for reading rather than scoring."""
        wrong = [o for o in self.outcomes if not o.correct]
        lines = []
        for o in random.Random(seed).sample(wrong, min(n, len(wrong))):
            t = o.example.text
            gold = ", ".join(repr(t[s:e]) for s, e in o.example.places) or "-"
            got = f"{o.place.text!r} ({o.place.name})" if o.place else "-"
            lines.append(f"{o.kind:<15} verb {t[o.example.verb[0]:o.example.verb[1]]!r}  gold {gold}  got {got}\n"
                         f"                {' '.join(t.split())}")
        return "\n".join(lines)


def _correct(outcome: LocationOutcome) -> bool:
    return outcome.correct


def _share(items: Sequence, test) -> float:
    return sum(bool(test(x)) for x in items) / len(items) if items else 0.0


def _groups(items: Sequence, key) -> list[tuple[object, list]]:
    out: dict[object, list] = {}
    for x in items:
        out.setdefault(key(x), []).append(x)
    return sorted(out.items(), key=lambda kv: -len(kv[1]))


def evaluate_event_location(pipeline, shared: Path, limit: int | None = None,
                            batch_size: int = 256) -> EventLocationResult:
    examples = read_event_locations(shared / "eval" / "event_location" / "event_location_dev.jsonl")[:limit]
    outcomes, refused = [], 0
    for example, ann in zip(examples, annotate_texts(pipeline, [e.text for e in examples], batch_size)):
        refused += ann is None
        outcomes.append(score_event(example, ann.events if ann else ()))
    return EventLocationResult(outcomes, refused)
