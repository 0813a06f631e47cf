"""Fit the calibrated frame model on the development set and write it as package data.

Usage::

    .venv/bin/python scripts/fit_frame_model.py DEV_TEXTS_DIR [--codings CSV ...] [--out CSV]

DEV_TEXTS_DIR holds ``<id>.txt`` (title line, blank line, body) for the ids of the coding CSVs
(default: ``annotations/frames_dev.csv``, else every ``annotations/frames_dev_*.csv``). Writes
``framing/data/alarm_model.csv`` and ``framing/data/alarm_model_meta.csv`` (script, data digest,
split); the same data give the same bytes. The seeds are never read. Article text stays in
DEV_TEXTS_DIR: nothing of it is written.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def default_codings(root: Path = ROOT) -> list[Path]:
    """``annotations/frames_dev.csv`` when it exists, else the per-coder files ``frames_dev_*.csv``."""
    final = root / "annotations" / "frames_dev.csv"
    return [final] if final.exists() else sorted((root / "annotations").glob("frames_dev_*.csv"))


def main(argv=None) -> int:
    from framing.stance.calibrate import train

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("texts", help="folder of <id>.txt development texts")
    ap.add_argument("--codings", nargs="+", help="coding CSV(s); default: annotations/frames_dev*.csv")
    ap.add_argument("--out", help="model CSV (default: framing/data/alarm_model.csv; metadata beside it)")
    a = ap.parse_args(argv)
    codings = [Path(p) for p in a.codings] if a.codings else default_codings()
    if not codings:
        print("fit_frame_model: no coding file (annotations/frames_dev*.csv)", file=sys.stderr)
        return 2
    if not Path(a.texts).is_dir():
        print(f"fit_frame_model: {a.texts}: not a folder", file=sys.stderr)
        return 2
    r = train(a.texts, codings, out=a.out)
    m = r["model"]
    print(f"fitted on {len(r['features'])} documents ({r['meta']['labels']}); {r['meta']['stories']}")
    print(f"excluded: {r['meta']['excluded']}; conflicting codes: {r['meta']['conflicting_codes']}")
    print("  feature            index weight (alarmist, skeptical logit)  theory sign")
    for name, row in m["features"].iterrows():
        bound = "  at its sign bound" if row.weight == 0 and row.sign != 0 else ""
        print(f"  {name:<18} {row.weight:+.3f} ({row.weight_alarmist:+.3f}, {row.weight_skeptical:+.3f})"
              f"  {int(row.sign):+d}{bound}")
    print(f"  intercepts: alarmist {m['intercept_alarmist']:+.3f}, skeptical {m['intercept_skeptical']:+.3f}")
    print("wrote " + ", ".join(str(p) for p in r["paths"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
