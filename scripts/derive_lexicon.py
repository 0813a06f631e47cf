"""Derive loaded words from the TRAIN split of PTC and BASIL; write framing/data/lexicon_derived.csv.

Usage::

    .venv/bin/python scripts/derive_lexicon.py DEVDATA_DIR [--out framing/data/lexicon_derived.csv]

Criteria and categories: :mod:`framing.terms_model.derive`. Rows are single word types with the
lexicon columns (``term,category,direction,loaded,match,source``); ``source`` names this script, the
split and the counts. The file matches the ``lexicon_*.csv`` pattern the term matcher loads by itself:
the rows were adopted after ``benchmarks/bench_loaded.py --split dev`` showed them adding recall at
equal or better precision on both corpora (PTC F1 0.077 -> 0.092, BASIL 0.097 -> 0.116, dev split);
the VADER rows (strong valence, less training evidence) were then added at mean dev F1 0.1040 -> 0.1050
(PTC 0.092 -> 0.095, BASIL 0.116 -> 0.115).
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
OUT = ROOT / "framing" / "data" / "lexicon_derived.csv"


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
