"""Derive candidate loaded words from the TRAIN split of PTC and BASIL; write framing/data/derived_lexicon.csv.

Usage::

    .venv/bin/python scripts/derive_lexicon.py DEVDATA_DIR [--out framing/data/derived_lexicon.csv]

Criteria and categories: :mod:`framing.terms_model.derive`. Rows are single word types with the
lexicon columns (``term,category,direction,loaded,match,source``); ``source`` names this script, the
split and the counts. The default file name is outside the ``lexicon_*.csv`` pattern the term
matcher loads by itself: the rows are candidates, and adopting them (renaming the file to
``lexicon_derived.csv``) changes the seeds' term tables, so it is a decision of its own.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.devdata import DevdataError, basil, ptc  # noqa: E402
from framing.terms_model.derive import derive_rows, rows_csv  # noqa: E402

SCRIPT = "scripts/derive_lexicon.py"
OUT = ROOT / "framing" / "data" / "derived_lexicon.csv"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("devdata", help="folder holding ptc/ and basil/ (e.g. ../shared/devdata)")
    ap.add_argument("--out", default=str(OUT))
    a = ap.parse_args(argv)
    try:
        articles = [x for x in ptc.read_ptc(a.devdata) + basil.read_basil(a.devdata) if x.split == "train"]
    except DevdataError as e:
        print(f"derive_lexicon: {e}", file=sys.stderr)
        return 2
    rows = derive_rows(articles, SCRIPT + " (PTC by article-id hash, BASIL by event hash, 70 %)")
    Path(a.out).write_bytes(rows_csv(rows))
    print(f"wrote {a.out}: {len(rows)} word types from {len(articles)} training articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
