"""Benchmark: does any command's cost grow faster than its input? (issue 15, case 2)

Six input shapes, each at 1x, 4x and 16x a base size, through every table command
(``corpus``, ``segments``, ``terms``, ``quotes``, ``stance``), timed in one process the
way ``framing COMMAND`` works per file: build the document (segmentation, sentences,
tokens), then the command's table. The fitted exponent is the least-squares slope of
log(time) against log(size): 1 is linear, 2 quadratic. Then one realistic 8 MB article
(the seed articles, repeated) through ``stance``, which must take under 60 s.

Shapes (``SHAPES``): a run of capitalised words before "said"; "Mr. " repeated before
"said"; a paragraph of straight quotation marks; one long paragraph (seed sentences on
lines with no blank line between them); one long line (the same sentences on one line);
many short paragraphs (seed paragraphs separated by blank lines).

Usage::

    python benchmarks/bench_scaling.py [--base 64000] [--article-mb 8] [--shapes caps,mr]

Prints a Markdown table (one row per shape and command) and the 8 MB run.
"""
from __future__ import annotations

import argparse
import math
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import framing  # noqa: E402
from framing.corpus import document_from_text  # noqa: E402

warnings.filterwarnings("ignore")
SEEDS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
CAPS = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliet"]
LEAD = "Budget Talks Stall\n\nThe council met on Monday. "
COMMANDS = {"corpus": framing.documents, "segments": framing.segments, "terms": framing.term_hits,
            "quotes": framing.quotes_table, "stance": framing.stance_table}
SIZES = (1, 4, 16)


def _sentences() -> list[str]:
    """Body paragraphs of the seeds (lines of 12 words or more)."""
    return [ln.strip() for t in SEEDS for ln in t.splitlines() if len(ln.split()) >= 12]


BODY = _sentences()


def _body(n: int, sep: str) -> str:
    """Seed paragraphs joined by ``sep`` up to ``n`` characters; each copy is numbered so that
    no line repeats (a repeated line is page noise, not article text)."""
    out, size, i = [], 0, 0
    while size < n:
        out.append(f"({i // len(BODY)}) {BODY[i % len(BODY)]}")
        size += len(out[-1]) + len(sep)
        i += 1
    return "Budget Talks Stall\n\n" + sep.join(out) + "\n"


SHAPES = {
    "capitalised-word run": lambda n: LEAD + " ".join(CAPS[i % len(CAPS)] for i in range(n // 6))
    + " said the plan would fail.\n",
    '"Mr. " run': lambda n: LEAD + "Mr. " * (n // 4) + "Smith said the plan would fail.\n",
    "quote-mark run": lambda n: LEAD + '"' * n + "\n",
    "one long paragraph": lambda n: _body(n, "\n"),
    "one long line": lambda n: _body(n, " "),
    "many short paragraphs": lambda n: _body(n, "\n\n"),
}


def _timed(fn, min_total: float = 0.3, reps: int = 3):
    """(smallest time of up to ``reps`` runs, fewer once ``min_total`` seconds are spent; result)."""
    best, spent, k = float("inf"), 0.0, 0
    while k < reps and (k == 0 or spent < min_total):
        t0 = time.perf_counter()
        out = fn()
        dt = time.perf_counter() - t0
        best, spent, k = min(best, dt), spent + dt, k + 1
    return best, out


def slope(xs, ys) -> float:
    """Least-squares slope of log(ys) against log(xs)."""
    lx, ly = [math.log(x) for x in xs], [math.log(max(y, 1e-6)) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly)) / sum((a - mx) ** 2 for a in lx)


def run_shape(name: str, base: int) -> dict:
    """{command: [seconds at each size]} and the sizes in characters."""
    times = {c: [] for c in COMMANDS}
    chars = []
    for k in SIZES:
        text = SHAPES[name](base * k)
        chars.append(len(text))
        doc_t, doc = _timed(lambda text=text: document_from_text(text, "x"))
        for c, fn in COMMANDS.items():
            times[c].append(doc_t + _timed(lambda fn=fn, doc=doc: fn([doc]))[0])
    return {"chars": chars, "times": times}


def realistic_article(mb: float) -> str:
    """One article of ``mb`` megabytes: a title, then the body paragraphs of the seed articles
    in order, repeated (each copy numbered: a repeated line would be page noise, and the
    seeds' own page furniture would end the article after the first copy)."""
    out, size, k = ["Bolivia and Iran Sign a Defense Memorandum"], 0, 0
    while size < mb * 1_000_000:
        for ln in BODY:
            out.append(f"({k}) {ln}")
            size += len(out[-1].encode("utf-8")) + 2
        k += 1
    return "\n\n".join(out) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=int, default=64_000, help="characters at 1x (default 64,000)")
    ap.add_argument("--article-mb", type=float, default=8.0, help="size of the realistic article (0: skip)")
    ap.add_argument("--shapes", default="", help="comma-separated subset of the shape names")
    a = ap.parse_args(argv)
    w = document_from_text("Title Here\n\nThe mayor said the plan works. \"Yes,\" he said.\n", "w")
    framing.stance_table([w])  # warm the data caches
    names = [s for s in SHAPES if not a.shapes or s in a.shapes.split(",")]
    print(f"base size {a.base:,} characters; sizes {', '.join(f'{k}x' for k in SIZES)}; "
          "seconds = document + table, best of up to 3 runs\n")
    print("| shape | command | " + " | ".join(f"{k}x s" for k in SIZES) + " | exponent |")
    print("|---|---|" + "---:|" * (len(SIZES) + 1))
    worst = 0.0
    for name in names:
        r = run_shape(name, a.base)
        for c, ts in r["times"].items():
            e = slope(r["chars"], ts)
            worst = max(worst, e)
            print(f"| {name} | {c} | " + " | ".join(f"{t:.3f}" for t in ts) + f" | {e:.2f} |", flush=True)
    print(f"\nlargest exponent: {worst:.2f}")
    if a.article_mb > 0:
        text = realistic_article(a.article_mb)
        t0 = time.perf_counter()
        doc = document_from_text(text, "big")
        st = framing.stance_table([doc])
        dt = time.perf_counter() - t0
        print(f"\nrealistic article: {len(text.encode('utf-8')) / 1e6:.1f} MB, {len(doc.tokens):,} tokens, "
              f"{int(st.n_sentences.iloc[0]):,} sentences, {int(st.quoted_words.iloc[0]):,} quoted words: "
              f"stance in {dt:.1f} s ({'under' if dt < 60 else 'OVER'} the 60 s bound)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
