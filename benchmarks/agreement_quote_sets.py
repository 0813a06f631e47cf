"""Inter-annotator agreement on annotated news sets, and the extractor measured against it.

A second annotator, blind to the first annotation and to the extractor, annotates the same texts
(``benchmarks/quote_sets/README.md``, "Second annotations"). For each set this prints, by the rules the
extractor is scored by (:mod:`framing.devdata.quote_sets`):

* the second annotation scored against the first (span P/R/F1, speakers the second shares on the
  first's matched rows with a speaker): how far two careful readers agree, a ceiling for any extractor;
* the extractor against the first annotation (the usual figure), against the second, and on the rows
  the two annotators agree on (speakers both give), where the gold is least in doubt.

Usage::

    .venv/bin/python benchmarks/agreement_quote_sets.py --pair /work/ood/BA /work/ood/R_BA/gold.csv ...

``--keep DIR`` writes each second annotation's labels (no article text) to ``DIR/<set>/labels_second.csv``, e.g.
``--keep benchmarks/quote_sets``; ``read_set(folder, "<kept>/labels_second.csv")`` reads them back over the texts.
The texts never enter the repository: pass their folders.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_polnear import _commit  # noqa: E402
from score_quote_sets import extract  # noqa: E402

from framing.devdata import DevdataError  # noqa: E402
from framing.devdata.quote_sets import (  # noqa: E402
    SetScore,
    agreed_rows,
    agreement,
    pool,
    read_set,
    restrict,
    score_article,
    tally,
    write_labels,
)

COLUMNS = ("second vs first", "extractor vs first", "extractor vs second", "extractor on agreed rows")


def _cell(s: SetScore, spans: bool) -> str:
    head = f"F1 {s.f1:.3f}, " if spans else ""
    return f"{head}{s.speakers_right}/{s.speakers_counted} = {s.speaker_accuracy:.3f}"


def score_pair(folder: str, second_csv: str) -> dict[str, SetScore]:
    """The four scores of one set (keys :data:`COLUMNS`)."""
    name = Path(folder).name
    first, second = read_set(folder), read_set(folder, second_csv)
    between = agreement(first, second)
    agreed = agreed_rows(between)
    vs_first, vs_second = [], []
    for a, b in zip(first, second):
        pred = extract(a.text, a.doc_id)
        vs_first += score_article(a, pred)
        vs_second += score_article(b, pred)
    return {COLUMNS[0]: tally(name, between), COLUMNS[1]: tally(name, vs_first),
            COLUMNS[2]: tally(name, vs_second), COLUMNS[3]: tally(name, restrict(vs_first, agreed))}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pair", nargs=2, action="append", required=True, metavar=("SET", "SECOND_CSV"),
                    help="a set folder and a second annotator's gold.csv of its texts")
    ap.add_argument("--keep", metavar="DIR",
                    help="write each second annotation's labels to DIR/<set>/labels_second.csv")
    a = ap.parse_args(argv)
    rows: list[dict[str, SetScore]] = []
    try:
        for folder, second in a.pair:
            rows.append(score_pair(folder, second))
            print(f"scored {Path(folder).name}", file=sys.stderr)
    except DevdataError as e:
        print(f"{Path(sys.argv[0]).name}: {e}", file=sys.stderr)
        return 2
    if a.keep:
        for folder, second in a.pair:
            n = write_labels(folder, Path(a.keep) / Path(folder).name, second)
            print(f"kept {n} second labels of {Path(folder).name} in {a.keep}", file=sys.stderr)
    if len(rows) > 1:
        rows.append({c: pool("pooled", [r[c] for r in rows]) for c in COLUMNS})
    print(f"commit {_commit()}; package without a story pack\n")
    print("| set | " + " | ".join(COLUMNS) + " |")
    print("|---|" + "---|" * len(COLUMNS))
    for r in rows:
        print(f"| {r[COLUMNS[0]].name} | " + " | ".join(_cell(r[c], spans=c != COLUMNS[3]) for c in COLUMNS) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
