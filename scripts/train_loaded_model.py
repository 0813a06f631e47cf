"""Train the loaded-word model on the train split of PTC and BASIL; write framing/data/loaded_model*.csv.

Usage::

    .venv/bin/python scripts/train_loaded_model.py DEVDATA_DIR [--out framing/data/loaded_model.csv]

DEVDATA_DIR holds ``ptc/`` and ``basil/`` (``../shared/devdata``); it is read, never copied. Splits are
the readers' (``framing.devdata.ptc.split_of``: SHA-256 of the article id; ``framing.devdata.basil.split_of``:
SHA-256 of the event id; 70 % train, 15 % dev, 15 % test). C and the threshold are chosen on dev; test
articles are dropped before training. Running it twice gives byte-identical files.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.devdata import DevdataError, basil, ptc  # noqa: E402
from framing.terms_model import train  # noqa: E402
from framing.terms_model.model import MODEL_FILE, meta_path  # noqa: E402

SCRIPT = "scripts/train_loaded_model.py"
SPLIT = ("train = PTC articles with framing.devdata.ptc.split_of(id) == 'train' (SHA-256 of the article id, "
         "70 %) + BASIL events with framing.devdata.basil.split_of(event) == 'train' (SHA-256 of the event id, "
         "70 %, the three outlets together); dev (15 %) chose C and the threshold; test (15 %) unused")
GOLD = ("PTC: words inside Loaded_Language, Name_Calling,Labeling, Appeal_to_fear-prejudice, "
        "Exaggeration,Minimisation spans; BASIL: words inside lexical-bias (bias = lex) spans")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("devdata", help="folder holding ptc/ and basil/ (e.g. ../shared/devdata)")
    ap.add_argument("--out", default=str(MODEL_FILE), help="weights file to write (metadata goes beside it)")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    try:
        articles = [x for x in ptc.read_ptc(a.devdata) + basil.read_basil(a.devdata) if x.split != "test"]
        digests = {"data_sha256_ptc": ptc.data_sha256(a.devdata), "data_sha256_basil": basil.data_sha256(a.devdata)}
    except DevdataError as e:
        print(f"train_loaded_model: {e}", file=sys.stderr)
        return 2
    meta = {"trained_by": SCRIPT, "command": f"python {SCRIPT} DEVDATA_DIR", "training_split": SPLIT,
            "gold": GOLD, **digests,
            "data_sha256_note": "SHA-256 over every file the reader reads (relative path + file SHA-256, sorted)"}
    model, report = train.fit(articles, meta=meta)
    train.save(model, a.out)
    took = time.perf_counter() - t0
    print(f"wrote {a.out} ({Path(a.out).stat().st_size:,} bytes, {len(model.names):,} features) "
          f"and {meta_path(a.out).name}")
    for c, r in report["per_C"].items():
        print(f"  C={c}: dev macro-F1 {r['dev_macro_f1']:.3f} at threshold {r['threshold']}"
              + ("" if r["converged"] else " (did not converge)"))
    print(f"chosen C={report['C']}, threshold {report['threshold']} (dev macro-F1 {report['dev_macro_f1']:.3f})")
    for name, (p, r, f) in report["dev"].items():
        print(f"  dev {name}: precision {p:.3f} recall {r:.3f} F1 {f:.3f}")
    print("strongest features:", ", ".join(f"{n} {w:+.2f}" for n, w in model.top_features(12)[:12]))
    print(f"training took {took:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
