"""Measuring eventwire against the development sets in ../shared (never training on them)."""

from __future__ import annotations

import os
from pathlib import Path


def shared_dir(explicit: str | None = None) -> Path:
    """Where the shared development data lives: --shared, $EVENTWIRE_SHARED, or ../shared."""
    for candidate in (explicit, os.environ.get("EVENTWIRE_SHARED"), "../shared", "shared"):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    raise FileNotFoundError("no shared data folder: pass --shared PATH or set EVENTWIRE_SHARED")
