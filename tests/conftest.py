"""Shared fixtures: one real pipeline per test session (loading spaCy takes seconds)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def sample_path() -> Path:
    from eventwire.data_files import data_path

    return data_path("sample", "articles.jsonl")


@pytest.fixture(scope="session")
def seed_record() -> dict:
    path = SHARED / "seed" / "seed.jsonl"
    if not path.exists():
        pytest.skip("../shared/seed is not here (a user's clone has none)")
    return json.loads(path.read_text(encoding="utf-8").splitlines()[0])


@pytest.fixture(scope="session")
def seed_annotation(pipeline, seed_record):
    return pipeline.code(seed_record["text"], published=seed_record["published"], id=seed_record["id"],
                         title=seed_record.get("title"), source=seed_record.get("source"))
