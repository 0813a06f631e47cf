"""Build framing/data/first_name_gender.csv from the 1990 US Census first-name lists (public domain).

Usage::

    pip download names==0.3.0 --no-deps && tar xzf names-0.3.0.tar.gz
    .venv/bin/python scripts/build_first_names.py names-0.3.0/names [--out framing/data/first_name_gender.csv]

The folder holds ``dist.male.first``, ``dist.female.first`` and ``dist.all.last`` (the Census Bureau's 1990
frequency lists, as shipped by the MIT-licensed ``names`` package on PyPI, whose README states that these files
are public domain). Each line is ``NAME  percent  cumulative  rank``: the share of men (women, everyone) in the
1990 census with that first name (surname). A name is written with a gender when

- that gender's share is at least :data:`MIN_SHARE` of the sum of both shares (the two populations are of
  about equal size), so "James" is ``m`` and "Jordan" or "Lee" (used by both) are left out;
- that share is at least :data:`MIN_PERCENT` (one person in 10,000): rarer entries of the lists are words,
  places and names written family name first ("In", "China", "Li", "Lai", "Tran"), not first names;
- it is more common as a first name than as a surname ("Austin", "Houston" are left out), since a name of
  another order ("Ma Ying-jeou") opens with its surname.

A name of no clear gender gives none, and the pronoun rules then fall back on honorifics and on pronouns
bound earlier in the article. ``source`` gives the shares, so every row can be checked.

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
#: the smallest percentage of that gender's population with the name
MIN_PERCENT = 0.01


def read_shares(path: Path) -> dict[str, float]:
    """``{Name: percent}`` of one Census list."""
    out = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) == 4:
            out[parts[0].capitalize()] = float(parts[1])
    return out


def gendered(male: dict[str, float], female: dict[str, float], last: dict[str, float]) -> list[dict]:
    """Rows ``name, gender, source`` for the names of one clear gender (module docstring)."""
    rows = []
    for name in sorted(set(male) | set(female)):
        m, f, s = male.get(name, 0.0), female.get(name, 0.0), last.get(name, 0.0)
        g = "m" if m >= MIN_SHARE * (m + f) else "f" if f >= MIN_SHARE * (m + f) else ""
        share = m if g == "m" else f
        if g and share >= MIN_PERCENT and share > s:
            rows.append({"name": name, "gender": g,
                         "source": f"1990 US Census (public domain): first name of {m:.3f}% of men and {f:.3f}% "
                                   f"of women, surname of {s:.3f}%"})
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", help="folder holding dist.male.first, dist.female.first and dist.all.last")
    ap.add_argument("--out", default=str(OUT))
    a = ap.parse_args(argv)
    folder = Path(a.folder)
    paths = [folder / "dist.male.first", folder / "dist.female.first", folder / "dist.all.last"]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print(f"build_first_names: not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    rows = gendered(*(read_shares(p) for p in paths))
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
