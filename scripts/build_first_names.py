"""Build framing/data/first_name_gender.csv from the 1990 US Census first-name lists (public domain).

Usage::

    pip download names==0.3.0 --no-deps && tar xzf names-0.3.0.tar.gz
    .venv/bin/python scripts/build_first_names.py names-0.3.0/names [--out framing/data/first_name_gender.csv]

The folder holds ``dist.male.first`` and ``dist.female.first`` (the Census Bureau's 1990 frequency lists, as
shipped by the MIT-licensed ``names`` package on PyPI, whose README states that these files are public domain).
Each line is ``NAME  percent  cumulative  rank``: the share of men (women) in the 1990 census with that first
name. A name is written with a gender when that gender's share is at least :data:`MIN_SHARE` of the sum of both
shares (the two populations are of about equal size), so "James" is ``m`` and "Jordan" or "Lee" (used by both)
are left out: a name of no clear gender gives none, and the pronoun rules then fall back on honorifics and on
pronouns bound earlier in the article. ``source`` gives both shares, so every row can be checked.

Inputs used for the shipped file (sha256): recorded in ``SOURCES.md`` ("First names").
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "framing" / "data" / "first_name_gender.csv"
#: the smallest share of one gender among both for a name to be given that gender
MIN_SHARE = 0.95


def read_shares(path: Path) -> dict[str, float]:
    """``{Name: percent}`` of one Census list."""
    out = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) == 4:
            out[parts[0].capitalize()] = float(parts[1])
    return out


def gendered(male: dict[str, float], female: dict[str, float]) -> list[dict]:
    """Rows ``name, gender, source`` for the names one gender holds at least :data:`MIN_SHARE` of."""
    rows = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        g = "m" if m >= MIN_SHARE * (m + f) else "f" if f >= MIN_SHARE * (m + f) else ""
        if g:
            rows.append({"name": name, "gender": g,
                         "source": f"1990 US Census first names (public domain): {m:.3f}% of men, {f:.3f}% of women"})
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", help="folder holding dist.male.first and dist.female.first")
    ap.add_argument("--out", default=str(OUT))
    a = ap.parse_args(argv)
    folder = Path(a.folder)
    paths = [folder / "dist.male.first", folder / "dist.female.first"]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print(f"build_first_names: not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    rows = gendered(read_shares(paths[0]), read_shares(paths[1]))
    with open(a.out, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["name", "gender", "source"], lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    for p in paths:
        print(f"{p.name} sha256 {hashlib.sha256(p.read_bytes()).hexdigest()}")
    print(f"wrote {len(rows)} names to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
