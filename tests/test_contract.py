"""Every annotation honours the output contract (docs/output.md, data/schema/annotation.json)."""

from __future__ import annotations

import json

import jsonschema
import pytest

from eventwire.data_files import data_path
from eventwire.ingest import read_inputs
from eventwire.model import Article


@pytest.fixture(scope="session")
def validator():
    schema = json.loads(data_path("schema", "annotation.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="session")
def sample_annotations(pipeline, sample_path):
    articles = [a for a in read_inputs([str(sample_path)]) if isinstance(a, Article)]
    return list(pipeline.code_articles(articles))


def check_offsets(ann) -> None:
    """Every span slices the article text to exactly the text it claims."""
    text = ann.article.text
    for record in [*ann.actors, *ann.places, *ann.times]:
        assert text[record.span[0]:record.span[1]] == record.text
    for e in ann.events:
        assert text[e.span[0]:e.span[1]] == e.evidence
        for a in [*e.source, *e.target]:
            assert text[a.span[0]:a.span[1]] == a.text
    for q in ann.quotes:
        assert text[q.content.span[0]:q.content.span[1]] == q.content.text
        if q.cue:
            assert text[q.cue.span[0]:q.cue.span[1]] == q.cue.text


def test_sample_corpus_size(sample_annotations):
    assert 20 <= len(sample_annotations) <= 30
    assert all(hasattr(a, "events") for a in sample_annotations), "a sample article failed to code"


def test_sample_annotations_validate(sample_annotations, validator):
    for ann in sample_annotations:
        errors = sorted(validator.iter_errors(ann.to_dict()), key=str)
        assert not errors, f"{ann.article.id}: {errors[0].message} at {list(errors[0].absolute_path)}"


def test_sample_offsets_slice_the_text(sample_annotations):
    for ann in sample_annotations:
        check_offsets(ann)


def test_sample_yields_events_of_many_kinds(sample_annotations):
    roots = {e.cameo.root for ann in sample_annotations for e in ann.events}
    assert len(roots) >= 10, roots
    assert {"19", "17"} <= roots  # fighting and arrests are in the sample


def test_seed_validates(seed_annotation, validator):
    errors = list(validator.iter_errors(seed_annotation.to_dict()))
    assert not errors, errors[0].message
    check_offsets(seed_annotation)


def test_to_dict_is_json(seed_annotation):
    text = json.dumps(seed_annotation.to_dict())
    assert json.loads(text)["article"]["id"] == seed_annotation.article.id
