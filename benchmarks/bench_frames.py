"""Evaluate the calibrated frame model: leave-one-story-out on the development set, the seeds as a test.

Usage::

    .venv/bin/python benchmarks/bench_frames.py DEV_TEXTS_DIR [--codings CSV ...] [--no-write] [--speed-copies N]

Prints, and appends to ``benchmarks/RESULTS.md`` as a new section (unless ``--no-write``):

1. leave-one-story-out: for each story, the model is fitted on the other stories and scores the
   held-out one: AUC alarmist-vs-rest (by ``p_alarmist``), AUC skeptical-vs-rest (by ``p_skeptical``),
   3-way accuracy, per story, pooled and the mean over stories; beside it the current hand-set index
   of ``framing stance`` (generic, thresholds +-0.2) on the same documents (no fitting involved);
2. a reliability table of the pooled out-of-fold probabilities and the Brier score;
3. the shipped model (``framing/data/alarm_model.csv``) on the seeds, a pure test: frames against the
   analyst coding in ``seeds/sources.csv`` and the ordering (Spearman rank correlation of
   ``alarm_index`` with skeptical < neutral < alarmist);
4. the speed of cue extraction (words/s) on the seeds repeated (:func:`cue_speed`), and of
   ``framing stance`` over 2,000 articles with 2 processes, without and with the new cues
   (:func:`stance_speed`).
"""
from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))


def cue_speed(copies: int = 40, repeats: int = 3) -> dict:
    """Words per second of cue extraction (:func:`framing.stance.cues.frame_cues` + features) on the
    seeds repeated ``copies`` times, given the quotes table (``framing stance`` computes it anyway),
    and with the quotes computed too. Best of ``repeats`` runs (the least disturbed by other load)."""
    import framing
    from framing.quotes import quotes_table
    from framing.stance.cues import frame_cues, frame_features

    docs = list(framing.load_corpus(ROOT / "seeds")) * copies
    words = sum(len(d.tokens) for d in docs)
    best_cues = best_all = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        q = quotes_table(docs)
        t1 = time.perf_counter()
        frame_features(docs, cues=frame_cues(docs, quotes=q))
        t2 = time.perf_counter()
        best_cues, best_all = min(best_cues, t2 - t1), min(best_all, t2 - t0)
    return {"documents": len(docs), "words": words, "cues_seconds": best_cues, "cues_words_per_s": words / best_cues,
            "with_quotes_seconds": best_all, "with_quotes_words_per_s": words / best_all}


def stance_speed(n_articles: int = 2000, jobs: int = 2) -> dict:
    """Throughput of ``framing stance --jobs`` now, and an estimate with the new cues integrated.

    1. ``framing.batch.run("stance", jobs=jobs)`` (what the CLI runs) on ``n_articles`` articles of
       :func:`bench_batch.make_corpus` (seeds and fixtures copied), in a fresh process: words/s now.
    2. In one process, on the same articles: the seconds of stance as the CLI computes it (quotes
       table, then ``stance_table`` with those quotes) and of the new cues, features and model given
       the same quotes (``frame_table``): the ratio is the extra work per word, which does not depend on
       how busy the machine is the way absolute times do.
    3. Estimate with the cues integrated: ``words/s now / (1 + ratio)``.
    """
    import tempfile

    from bench_batch import make_corpus, measure

    from framing.corpus import load_corpus
    from framing.quotes import quotes_table
    from framing.stance import stance_table
    from framing.stance.calibrate import frame_table

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        make_corpus(folder, n_articles)
        m = measure("stance", folder, jobs)
        docs = list(load_corpus(folder))
    t0 = time.perf_counter()
    q = quotes_table(docs)
    stance_table(docs, quotes=q)
    t1 = time.perf_counter()
    frame_table(docs, quotes=q)
    t2 = time.perf_counter()
    now = m["words"] / m["seconds"]
    ratio = (t2 - t1) / (t1 - t0)
    return {"articles": n_articles, "words": m["words"], "jobs": jobs, "batch_seconds": m["seconds"],
            "words_per_s_now": now, "stance_seconds_1proc": t1 - t0, "cues_seconds_1proc": t2 - t1,
            "ratio": ratio, "words_per_s_estimated": now / (1 + ratio)}


def baseline_table(docs, feats: pd.DataFrame) -> pd.DataFrame:
    """The current hand-set generic index (``framing stance``) scored on the same documents."""
    from framing.stance import stance_table
    from framing.stance.calibrate import _auc

    st = stance_table(docs).set_index("doc_id")
    d = feats[["doc_id", "story", "label"]].copy()
    d["index"] = d["doc_id"].map(st["alarm_index"])
    d["frame"] = d["doc_id"].map(st["frame"])
    rows = []
    for story, g in list(d.groupby("story", sort=True)) + [("pooled", d)]:
        lab = g["label"].to_numpy()
        rows.append({"story": story, "n": len(g), "auc_alarmist": _auc(lab == "alarmist", g["index"].to_numpy()),
                     "auc_skeptical": _auc(lab == "skeptical", -g["index"].to_numpy()),
                     "accuracy": float((g["frame"].to_numpy() == lab).mean())})
    return pd.DataFrame(rows)


def seeds_test(model=None) -> tuple[pd.DataFrame, float]:
    """The shipped model on the seeds (generic core, no story pack) against ``analyst_frame``."""
    from scipy.stats import spearmanr

    import framing
    from framing.stance.calibrate import FRAMES_ORDER, frame_table

    corpus = framing.load_corpus(ROOT / "seeds")
    t = frame_table(corpus, model=model)
    coding = pd.read_csv(ROOT / "seeds" / "sources.csv", dtype=str, keep_default_na=False).set_index("doc_id")
    t["analyst_frame"] = t["doc_id"].map(coding["analyst_frame"])
    t = t.sort_values("alarm_index", ascending=False)
    rho = spearmanr(t["alarm_index"], t["analyst_frame"].map(FRAMES_ORDER.index)).statistic
    return t[["doc_id", "alarm_index", "p_alarmist", "p_neutral", "p_skeptical", "frame", "analyst_frame"]], float(rho)


def _fmt(v) -> str:
    if v is None or v is pd.NA or (isinstance(v, (float, np.floating)) and np.isnan(v)):
        return "—"
    if isinstance(v, (float, np.floating)):
        return f"{v:.2f}"
    return str(v)


def markdown(df: pd.DataFrame) -> str:
    """A Markdown table: text columns left-aligned, numbers right-aligned with two decimals, counts whole."""
    df = df.copy()
    for c in df.columns:
        if c == "n" or c.startswith("n_"):
            df[c] = df[c].astype("Int64")
    cols = list(df.columns)
    align = "|".join("---:" if pd.api.types.is_numeric_dtype(df[c]) else "---" for c in cols)
    lines = ["| " + " | ".join(cols) + " |", "|" + align + "|"]
    for r in df.itertuples(index=False):
        lines.append("| " + " | ".join(_fmt(v) for v in r) + " |")
    return "\n".join(lines)


def _commit() -> str:
    try:
        sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout
        return sha + (" plus uncommitted changes" if dirty.strip() else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main(argv=None) -> int:
    from fit_frame_model import default_codings

    from framing.stance.calibrate import (
        brier,
        dev_documents,
        leave_one_story_out,
        load_frame_model,
        read_codings,
        reliability_table,
    )
    from framing.stance.cues import frame_features, opening

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("texts")
    ap.add_argument("--codings", nargs="+")
    ap.add_argument("--no-write", action="store_true", help="print only, do not append to RESULTS.md")
    ap.add_argument("--speed-copies", type=int, default=40)
    ap.add_argument("--stance-articles", type=int, default=2000, help="0: skip the framing stance measurement")
    a = ap.parse_args(argv)
    coding_paths = [Path(p) for p in a.codings] if a.codings else default_codings()
    codings, conflicts = read_codings(coding_paths)
    docs, excluded = dev_documents(codings, a.texts)
    feats = frame_features([opening(d) for d in docs])   # the unit the model reads
    lab = codings.set_index("id")
    feats["story"] = feats["doc_id"].map(lab["story"])
    feats["label"] = feats["doc_id"].map(lab["label"])

    loso, pred = leave_one_story_out(feats)
    base = baseline_table(docs, feats)
    rel = reliability_table(pred)
    model = load_frame_model()
    seeds, rho = seeds_test(model)
    speed = cue_speed(a.speed_copies)
    stance = stance_speed(a.stance_articles) if a.stance_articles else {}

    weights = model["features"][["weight", "sign"]].rename(columns={"sign": "theory_sign"}).reset_index()
    weights["theory_sign"] = weights["theory_sign"].map(lambda s: {1: "+", -1: "−", 0: "free"}[int(s)])
    weights["note"] = ["at its sign bound (0)" if w == 0 and s != "free" else "" for w, s in
                       zip(weights["weight"], weights["theory_sign"])]
    agree = int((seeds["frame"] == seeds["analyst_frame"]).sum())
    rel_shown = rel[rel["n"] > 0]
    meta = model.get("meta", {})
    cmd = "python benchmarks/bench_frames.py DEV_TEXTS_DIR" + (
        " --codings " + " ".join(str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else p.name for p in coding_paths)
        if a.codings else "")
    out = [
        "## Frame model (issue 13): leave-one-story-out on the development set, seeds as a test",
        "",
        f"`{cmd}` (DEV_TEXTS_DIR: the `<id>.txt` texts of `annotations/frames_dev*.csv`, not in the repository) at "
        f"commit `{_commit()}`, {platform.machine()}, Python {platform.python_version()}. "
        f"{len(feats)} coded pieces on {feats['story'].nunique()} stories"
        + (f"; excluded {len(excluded)}" if len(excluded) else "")
        + (f"; {len(conflicts)} ids with conflicting codes dropped" if len(conflicts) else "") + ". "
        "Model: multinomial logistic regression (neutral the reference) over the 10 generic cue features of "
        "`framing/data/alarm_features.csv` computed on each article's opening (window_words = 350), L2 (C = 1), "
        "theory signs as bounds on both logits; each fold refits "
        "centres, scales, weights and intercepts on the other stories only; frame = most probable.",
        "",
        "Leave one story out (held-out story scored by a model that never saw it; `pooled` = all out-of-fold "
        "predictions together):",
        "",
        markdown(loso),
        "",
        "The hand-set generic index of `framing stance` today (no fitting; thresholds ±0.2) on the same pieces:",
        "",
        markdown(base),
        "",
        f"Reliability of the pooled out-of-fold probabilities (one frame against the rest; empty bins omitted); "
        f"multi-class Brier score {brier(pred):.3f} (a constant 1/3 each scores 0.667):",
        "",
        markdown(rel_shown),
        "",
        f"Shipped model (`framing/data/alarm_model.csv`, fitted on all {meta.get('n_documents', '?')} pieces, data "
        f"`{meta.get('data_digest', '?')[:19]}…`): weights on standardised features (theory signs are bounds):",
        "",
        markdown(weights),
        "",
        f"The seeds, a pure test (never fitted on; generic core, no story pack): {agree}/{len(seeds)} frames agree "
        f"with the analyst coding; Spearman ρ of `alarm_index` with skeptical < neutral < alarmist = {rho:+.2f}.",
        "",
        markdown(seeds),
        "",
        f"Cue extraction speed (`cue_speed`, seeds ×{a.speed_copies} = {speed['words']:,} words, one process, "
        "best of 3): "
        f"{speed['cues_words_per_s']:,.0f} words/s given the quotes table; {speed['with_quotes_words_per_s']:,.0f} "
        "words/s including the quotes table.",
        "",
    ]
    if stance:
        out += [f"`framing stance` over {stance['articles']:,} articles ({stance['words']:,} words, "
                f"`bench_batch.make_corpus`) with `--jobs {stance['jobs']}` (`stance_speed`): "
                f"{stance['words_per_s_now']:,.0f} words/s now ({stance['batch_seconds']:.1f} s). In one process "
                f"on the same articles, stance took {stance['stance_seconds_1proc']:.1f} s and the new cues, "
                "features and model "
                f"given its quotes table {stance['cues_seconds_1proc']:.1f} s (+{100 * stance['ratio']:.0f}%): "
                f"with the cues integrated, about {stance['words_per_s_estimated']:,.0f} words/s. Absolute numbers "
                "move with the load of the machine (other sessions ran tests at the same time); the ratio is the "
                "stable part.", ""]
    text = "\n".join(out)
    print(text)
    if not a.no_write:
        res = ROOT / "benchmarks" / "RESULTS.md"
        prev = res.read_text(encoding="utf-8") if res.exists() else "# Benchmark results\n"
        res.write_text(prev.rstrip("\n") + "\n\n" + text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
