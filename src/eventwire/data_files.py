"""Finding and reading the package's data files (CSV with a header row)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

DATA = Path(str(resources.files("eventwire") / "data"))


def data_path(*parts: str) -> Path:
    return DATA.joinpath(*parts)


def read_csv(*parts: str) -> Iterator[dict[str, str]]:
    """Rows of a packaged CSV file, with surrounding blanks stripped from every cell."""
    with data_path(*parts).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield {k.strip(): (v or "").strip() for k, v in row.items() if k}


def split_list(cell: str) -> list[str]:
    """A `|`-separated cell as a list, blanks dropped."""
    return [x.strip() for x in cell.split("|") if x.strip()]
