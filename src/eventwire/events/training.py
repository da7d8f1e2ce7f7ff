"""Training the event classifiers from the project's own labelled sentences (data/training).

`eventwire train` runs this; the same data gives the same weights (see classifier.train)."""

from __future__ import annotations

import json
from collections import Counter

from ..data_files import data_path
from .classifier import NONE, clause_features, model_path, train


def _examples(name: str, label_of) -> list[tuple[str, str, str | None]]:
    rows = []
    with data_path("training", f"{name}.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                rows.append((record["text"], label_of(record), record.get("trigger")))
    return rows


def _acled_label(record: dict) -> str:
    return record["sub_event_type"] if record.get("sub_event_type") else NONE


def parsed(nlp, rows):
    """Each training sentence parsed once: its label, its doc and the tokens of its trigger."""
    for (text, label, trigger), doc in zip(rows, nlp.pipe(r[0] for r in rows)):
        start = text.find(trigger) if trigger else -1
        yield label, doc, [t for t in doc if start >= 0 and start <= t.idx < start + len(trigger)]


def features_of(doc, in_trigger):
    from .context import clause_tokens
    from .location import governing_verb

    token = next((t for t in in_trigger if t.pos_ == "VERB"), in_trigger[0] if in_trigger else None)
    if token is None:  # no trigger given: the main verb of the first sentence
        token = next(doc.sents).root
    return clause_features(clause_tokens(governing_verb(token)), token)


def featurize(nlp, rows):
    for label, doc, in_trigger in parsed(nlp, rows):
        yield features_of(doc, in_trigger), label


def train_models(nlp, report=print) -> dict[str, int]:
    counts = {}
    for name, label_of in (("plover", lambda r: r["label"]), ("acled", _acled_label)):
        if not data_path("training", f"{name}.jsonl").exists():
            report(f"{name}: no training data, skipped")
            continue
        sentences = list(parsed(nlp, _examples(name, label_of)))
        examples = [(features_of(doc, in_trigger), label) for label, doc, in_trigger in sentences]
        model = train(examples)
        # the verbs the model has seen at work, so that it does not retype ones it never saw
        model.triggers = frozenset(t.lemma_.lower() for _, _, in_trigger in sentences for t in in_trigger)
        path = model_path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        model.save(path)
        accuracy = sum(max(model.probabilities(f).items(), key=lambda kv: kv[1])[0] == y
                       for f, y in examples) / len(examples)
        report(f"{name}: {len(examples)} sentences, {len(model.labels)} labels, training accuracy "
               f"{accuracy:.3f}; label counts {dict(Counter(y for _, y in examples).most_common(3))}... -> {path}")
        counts[name] = len(examples)
    return counts
