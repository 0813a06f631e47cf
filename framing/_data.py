"""Access to the CSV data files shipped in ``framing/data``."""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_path(name: str) -> Path:
    """Path of a packaged data file."""
    return DATA_DIR / name


@lru_cache(maxsize=None)
def _read(name: str) -> tuple:
    with data_path(name).open(encoding="utf-8", newline="") as fh:
        return tuple(dict(r) for r in csv.DictReader(fh))


def read_csv_rows(name: str) -> list[dict]:
    """Rows of a packaged CSV as dicts (cached; a fresh list each call)."""
    return [dict(r) for r in _read(name)]
