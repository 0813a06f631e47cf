"""Benchmark: word-level precision, recall and F1 of loaded-word detectors on held-out PTC and BASIL.

Usage::

    .venv/bin/python benchmarks/bench_loaded.py DEVDATA_DIR [--split dev|test|train] [--append FILE]

DEVDATA_DIR holds ``ptc/``, ``basil/`` and ``recasens2013/`` (``../shared/devdata``); it is read, never
copied. Splits are the readers' own (PTC: SHA-256 of the article id; BASIL: SHA-256 of the event id,
the three outlets together; 70/15/15). Use ``dev`` while developing; ``test`` is the reported number.

Unit: every word token (a token with a letter) of every article of the split; a token is gold when it
shares a character with a gold span (PTC: Loaded_Language, Name_Calling,Labeling, Appeal_to_fear-prejudice,
Exaggeration,Minimisation; BASIL: lexical bias) and predicted when it shares one with a detector's hit.
Detectors:

* ``lexicon``: the package's lexicon as it stands (:func:`framing.terms.term_hits` with its default
  lexicon and no story, on :func:`framing.corpus.document_from_text` of the text; hits with
  ``loaded = true``; like the package, only content blocks are searched).
* ``model``: :func:`framing.terms_model.model_hits` (the shipped model, its dev-chosen threshold; open-class
  words only, names inside a sentence left out, as in the package).
* ``lexicon + model``: the union as the package computes it (:func:`framing.terms.term_hits` with the
  model on: lexicon hits, then model words outside them and outside the lexicon's precision guards).
* ``lexicon without derived``: the lexicon less ``framing/data/lexicon_derived.csv`` (the rows derived from
  the train split), to show what they add.
* ``Recasens 2013``: the published bias lexicon, each lemma and its regular inflections, case-insensitive.

F1 95 % CI: percentile bootstrap over articles (PTC) or events (BASIL), 1,000 resamples, seed 0.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.corpus import document_from_text  # noqa: E402
from framing.devdata import DevdataError, basil, ptc, recasens  # noqa: E402
from framing.devdata._common import overlap_mask, word_tokens  # noqa: E402
from framing.terms import default_lexicon_paths, load_lexicon, term_hits  # noqa: E402
from framing.terms_model import load_model, model_hits  # noqa: E402
from framing.terms_model.model import MODEL_FILE  # noqa: E402

DERIVED = ROOT / "framing" / "data" / "lexicon_derived.csv"
DETECTORS = ("lexicon", "model", "lexicon + model", "lexicon without derived", "Recasens 2013")
N_BOOT = 1000


def _lexicon_spans(a, lex, model=False) -> list[tuple[int, int]]:
    doc = document_from_text(a.text, a.doc_id)
    h = term_hits(doc, quote_spans_fn="simple", lexicon=lex, model=model)
    h = h[h["loaded"]]
    # document_from_text keeps the text as given, so hit offsets are offsets into a.text
    assert all(a.text[s:e] == t for s, e, t in zip(h["start"], h["end"], h["text"]))
    return list(zip(h["start"].tolist(), h["end"].tolist()))


def predictions(articles, devdata, model, lexicon_paths=None) -> tuple[dict, dict]:
    """Per detector, per article: (gold mask, predicted mask) over word tokens; and timings."""
    paths = list(lexicon_paths) if lexicon_paths else default_lexicon_paths()
    lex = load_lexicon(paths=paths)
    lex_hand = load_lexicon(paths=[p for p in paths if Path(p).name != DERIVED.name])
    rec = recasens.recasens_lexicon(devdata)
    out = {d: [] for d in DETECTORS}
    timing = {"model_s": 0.0, "lexicon_s": 0.0, "words": 0}
    for a in articles:
        toks = word_tokens(a.text)
        gold = np.array(overlap_mask(toks, a.gold), dtype=bool)
        t0 = time.perf_counter()
        lx = np.array(overlap_mask(toks, _lexicon_spans(a, lex)), dtype=bool)
        t1 = time.perf_counter()
        md = np.array(overlap_mask(toks, [(h.start, h.end) for h in model_hits(a.text, model=model)]), dtype=bool)
        t2 = time.perf_counter()
        timing["lexicon_s"] += t1 - t0
        timing["model_s"] += t2 - t1
        timing["words"] += len(toks)
        ld = np.array(overlap_mask(toks, _lexicon_spans(a, lex_hand)), dtype=bool)
        rc = np.array(overlap_mask(toks, [(s, e) for s, e, _ in rec.match(a.text)]), dtype=bool)
        un = np.array(overlap_mask(toks, _lexicon_spans(a, lex, model)), dtype=bool)
        for name, pred in zip(DETECTORS, (lx, md, un, ld, rc)):
            out[name].append((a.group, gold, pred))
    return out, timing


def _counts(rows) -> np.ndarray:
    """(n_articles, 3) array of tp, n_pred, n_gold."""
    return np.array([[int(np.sum(g & p)), int(np.sum(p)), int(np.sum(g))] for _, g, p in rows], dtype=np.int64)


def _prf(c: np.ndarray) -> tuple[float, float, float]:
    tp, npred, ngold = c
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _ci(rows, c: np.ndarray) -> tuple[float, float]:
    groups = sorted({g for g, _, _ in rows})
    gi = {g: i for i, g in enumerate(groups)}
    by = np.zeros((len(groups), 3), dtype=np.int64)
    for (g, _, _), row in zip(rows, c):
        by[gi[g]] += row
    rng = np.random.default_rng(0)
    f = []
    for _ in range(N_BOOT):
        s = by[rng.integers(0, len(groups), len(groups))].sum(axis=0)
        f.append(_prf(s)[2])
    return float(np.percentile(f, 2.5)), float(np.percentile(f, 97.5))


def table(name: str, split: str, rows_by_det: dict, unit: str) -> str:
    first = rows_by_det[DETECTORS[0]]
    n_art = len(first)
    n_groups = len({g for g, _, _ in first})
    n_tok = sum(len(g) for _, g, _ in first)
    n_gold = sum(int(g.sum()) for _, g, _ in first)
    groups = "" if unit == "articles" else f" ({n_groups} {unit})"
    head = (f"**{name}, {split} split**: {n_art} articles{groups}, {n_tok:,} word tokens, "
            f"{n_gold:,} gold ({100 * n_gold / max(1, n_tok):.1f} %)\n\n"
            "| detector | precision | recall | F1 | F1 95 % CI | predicted tokens |\n|---|---:|---:|---:|---|---:|\n")
    lines = []
    for det in DETECTORS:
        rows = rows_by_det[det]
        c = _counts(rows)
        p, r, f = _prf(c.sum(axis=0))
        lo, hi = _ci(rows, c)
        lines.append(f"| {det} | {p:.3f} | {r:.3f} | {f:.3f} | {lo:.3f}–{hi:.3f} | {int(c[:, 1].sum()):,} |")
    return head + "\n".join(lines) + "\n"


def _commit() -> str:
    try:
        c = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout
        return c + (" plus uncommitted changes" if dirty.strip() else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("devdata", help="folder holding ptc/, basil/ and recasens2013/ (e.g. ../shared/devdata)")
    ap.add_argument("--split", choices=("dev", "test", "train"), default="dev")
    ap.add_argument("--model", default=str(MODEL_FILE), help="model weights file (default: the shipped one)")
    ap.add_argument("--lexicon", nargs="+", metavar="CSV",
                    help="lexicon files standing for the package's lexicon (default: its default files, no story)")
    ap.add_argument("--append", metavar="FILE", help="also append the section to FILE (benchmarks/RESULTS.md)")
    a = ap.parse_args(argv)
    try:
        sets = [("PTC", [x for x in ptc.read_ptc(a.devdata) if x.split == a.split], "articles"),
                ("BASIL", [x for x in basil.read_basil(a.devdata) if x.split == a.split], "events")]
        recasens.read_lemmas(a.devdata)
    except DevdataError as e:
        print(f"bench_loaded: {e}", file=sys.stderr)
        return 2
    m = load_model(a.model)
    mname = Path(a.model).resolve()
    mname = mname.relative_to(ROOT) if mname.is_relative_to(ROOT) else mname
    parts = [f"## Loaded words: lexicon, model, union, Recasens baseline (issue 12), {a.split} split\n",
             f"`.venv/bin/python benchmarks/bench_loaded.py ../shared/devdata --split {a.split}` at commit "
             f"`{_commit()}`. Splits (declared before any score): PTC by SHA-256 of the article id, BASIL by "
             f"SHA-256 of the event id (three outlets together), 70 % train / 15 % dev / 15 % test. Model: "
             f"`{mname}` ({len(m.names):,} features, C {m.meta.get('C', '?')}, "
             f"threshold {m.threshold} chosen on dev: {m.meta.get('threshold_criterion', '?')}). "
             "Word level: a token is gold when it overlaps a gold span, predicted when it overlaps a hit.\n"]
    total_words = total_model = 0.0
    for name, arts, unit in sets:
        rows, timing = predictions(arts, a.devdata, m, a.lexicon)
        parts.append(table(name, a.split, rows, unit))
        total_words += timing["words"]
        total_model += timing["model_s"]
    parts.append(f"Model scoring (features + scores, quotation mask included): {total_words / total_model:,.0f} "
                 "words/s on one core.\n")
    text = "\n".join(parts)
    print(text)
    if a.append:
        with open(a.append, "a", encoding="utf-8") as fh:
            fh.write("\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
