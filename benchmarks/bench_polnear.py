"""Benchmark quote attribution on PolNeAR: span precision/recall/F1 and speaker accuracy.

Runs the package as shipped (generic data, no story pack): each article's text becomes a
document (``framing.document_from_text``, which never rewrites the text, so quote offsets are
offsets into the PolNeAR text) and ``framing.quotes_table`` gives its quotes. Every quote kind
but ``scare`` (a quoted word that reports no speech, by the extractor's own account) is a
predicted attribution. The scoring rules are in ``framing/devdata/attribution_score.py``; the
splits in ``framing/devdata/polnear.py`` (``dev`` is the held-out report split: never tune on it).

Usage::

    .venv/bin/python benchmarks/bench_polnear.py ../shared/devdata --split fit
    .venv/bin/python benchmarks/bench_polnear.py ../shared/devdata --split fit --errors 40

``--errors N`` writes up to N examples per error category (missed, boundary, wrong_speaker,
empty_speaker, spurious) with their text to ``--errors-out`` (default /tmp/polnear_errors.csv),
which must lie outside the repository: PolNeAR text never enters it. Progress goes to stderr.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing import Corpus, document_from_text, quotes_table  # noqa: E402
from framing.devdata import DevdataError  # noqa: E402
from framing.devdata.attribution_score import score_article, span_table, speaker_table  # noqa: E402
from framing.devdata.polnear import SPLITS, articles, gold_quotes  # noqa: E402

CATEGORIES = ("missed", "boundary", "wrong_speaker", "empty_speaker", "spurious")
CONTEXT = 200   # characters of article text either side of an error, in the error file


def _commit() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" + uncommitted changes" if dirty else "")


def markdown(df, pct: tuple[str, ...] = ()) -> str:
    """A DataFrame as a Markdown table; columns in ``pct`` as percentages, other floats to 3 places."""
    cols = list(df.columns)
    lines = ["| " + " | ".join(cols) + " |", "|" + "|".join("---" if c == cols[0] else "---:" for c in cols) + "|"]
    for _, r in df.iterrows():
        cells = []
        for c in cols:
            v = r[c]
            if c in pct:
                cells.append(f"{100 * v:.1f}")
            elif isinstance(v, float) and c == "n_units":
                cells.append(f"{v:,.1f}".removesuffix(".0"))   # a sum of 1/k weights
            elif isinstance(v, float):
                cells.append(f"{v:.3f}")
            elif isinstance(v, int) or hasattr(v, "dtype"):
                cells.append(f"{v:,}")
            else:
                cells.append(str(v))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _one_line(s: str, limit: int = 400) -> str:
    s = " ".join(s.split())
    return s if len(s) <= limit else s[:limit] + "…"


def _errors(aid: str, text: str, preds: list[dict], gold: list[dict], grows, prows) -> list[dict]:
    """Error rows of one article (every category), with the text they concern."""
    out = []

    def row(cat, s, e, **kw):
        return {"category": cat, "article_id": aid, "start": s, "end": e, "text": _one_line(text[s:e]),
                "context": _one_line(text[max(0, s - CONTEXT):e + CONTEXT], 1000), **kw}

    for g in grows:
        G = gold[g["index"]]
        s, e = G["content"][0][0], G["content"][-1][1]
        base = dict(gold_kind=g["kind"], quote_marks=g["quote_marks"], gold_source=g["source"],
                    gold_resolved=g["resolved_source"], source_type=g["source_type"])
        if not g["iou"]:
            out.append(row("boundary" if g["any"] else "missed", s, e, **base))
        elif g["speaker_ok"] is False:
            p = preds[g["pred"]]
            cat = "empty_speaker" if not p["speaker"].strip() else "wrong_speaker"
            out.append(row(cat, s, e, pred_kind=p["kind"], pred_speaker=p["speaker"], pred_cue=p.get("cue", ""),
                           **base))
    for p in prows:
        if not p["any"]:
            q = preds[p["index"]]
            out.append(row("spurious", q["start"], q["end"], pred_kind=q["kind"], pred_speaker=q["speaker"],
                           pred_cue=q.get("cue", "")))
    return out


def _sample(rows: list[dict], n: int) -> list[dict]:
    """Up to ``n`` rows per category, chosen by a hash of (article, start): stable across runs."""
    out = []
    for cat in CATEGORIES:
        rs = [r for r in rows if r["category"] == cat]
        rs.sort(key=lambda r: hashlib.sha256(f"{r['article_id']}:{r['start']}".encode()).hexdigest())
        out += rs[:n]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("devdata", help="the devdata folder (holding polnear/), or the PolNeAR folder")
    ap.add_argument("--split", choices=SPLITS, default="fit")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="write N examples per error category")
    ap.add_argument("--errors-out", default="/tmp/polnear_errors.csv")
    a = ap.parse_args(argv)
    prog = Path(sys.argv[0]).name
    out = Path(a.errors_out).resolve()
    if a.errors and (out == ROOT or ROOT in out.parents):
        print(f"{prog}: --errors-out must lie outside the repository (PolNeAR text may not enter it): {out}",
              file=sys.stderr)
        return 2
    from tqdm import tqdm

    try:
        arts = list(tqdm(articles(a.devdata, a.split), desc=f"reading {a.split}", unit=" articles",
                         file=sys.stderr))
    except DevdataError as e:
        print(f"{prog}: {e}", file=sys.stderr)
        return 2
    G, P, errs = [], [], []
    words = n_scare = n_gold_total = 0
    seconds = 0.0
    for art in tqdm(arts, desc=f"quotes {a.split}", unit=" articles", file=sys.stderr):
        t0 = time.perf_counter()
        doc = document_from_text(art.text, art.article_id)
        q = quotes_table(Corpus([doc]))
        seconds += time.perf_counter() - t0
        assert doc.text == art.text  # the document keeps the text: quote offsets are PolNeAR offsets
        words += len(doc.tokens)
        n_scare += int((q["kind"] == "scare").sum())
        preds = q[q["kind"] != "scare"].to_dict("records")
        gold = gold_quotes(art)
        n_gold_total += len(gold)
        grows, prows = score_article(art.text, preds, gold)
        G += grows
        P += prows
        if a.errors:
            errs += _errors(art.article_id, art.text, preds, gold, grows, prows)

    print(f"## PolNeAR quote attribution, split `{a.split}` ({len(arts)} articles)\n")
    print(f"commit {_commit()}; package without a story pack; {words:,} article words in {seconds:.1f} s "
          f"= {words / seconds:,.0f} words/s (document + quotes table, one core)\n")
    print(f"gold contents scored: {len(G):,} (of {n_gold_total:,} with a content span); predictions: {len(P):,} "
          f"(scare quotes left out: {n_scare:,})\n")
    spans = span_table(G, P)
    print("Span precision / recall / F1 (%): exact = same letters and digits; iou = one-to-one, "
          "overlap/union >= 0.5; cover = one-to-one, overlap >= 30% of the gold content (issue 11's rule); "
          "any = any overlap; merged = cover after joining the predictions of one speaker inside one content "
          "(a diagnostic of units, not the issue's rule); speech cue = gold whose Cue is a verb of speech\n")
    print(markdown(spans, pct=tuple(c for c in spans.columns if c[-2:] in ("_p", "_r") or c.endswith("f1"))))
    print()
    spk = speaker_table(G, P)
    print("Speaker accuracy on matched quotes (%), gold Source present; empty = predicted speaker empty\n")
    print(markdown(spk, pct=("accuracy", "empty_share")))
    if a.errors:
        rows = _sample(errs, a.errors)
        cols = ["category", "article_id", "start", "end", "gold_kind", "quote_marks", "source_type", "gold_source",
                "gold_resolved", "pred_kind", "pred_speaker", "pred_cue", "text", "context"]
        with open(out, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=cols, extrasaction="ignore")
            w.writeheader()
            w.writerows(rows)
        counts = {c: sum(r["category"] == c for r in errs) for c in CATEGORIES}
        print(f"\nerrors: {', '.join(f'{c} {n:,}' for c, n in counts.items())}; "
              f"{len(rows)} examples written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
