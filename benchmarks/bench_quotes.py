"""Benchmark: words per second of :func:`framing.quotes.extract_quotes` on one core.

Builds an in-memory corpus of at least 5 MB by replicating the seeds
(``seeds/*.txt``) and the quote fixtures (``tests/fixtures/quotes/*.txt``), then
times ``extract_quotes`` document by document (the work ``framing quotes`` does per
file) and, separately, on one single 1 MB text (no per-document reset: checks that
nothing is quadratic in the length of one article).

Usage::

    python benchmarks/bench_quotes.py [--mb 5]

Prints corpus size, words, seconds and words/second. Target: >= 100,000 words/s.

The per-document pass runs ``--repeat`` times (default 3) and both the median and the best pass
are printed: on a shared virtual machine one pass can lose a tenth of its speed to other tenants,
and the best pass is the usual estimate of what the code costs (as :mod:`timeit` advises).
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing.quotes import extract_quotes  # noqa: E402

WORD = re.compile(r"\w+")


def build_corpus(mb: float) -> list[tuple[str, str]]:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests/fixtures/quotes").glob("*.txt"))
    base = [(f.stem, f.read_text(encoding="utf-8")) for f in files]
    docs, size, k = [], 0, 0
    while size < mb * 1_000_000:
        for stem, text in base:
            docs.append((f"{stem}_{k}", text))
            size += len(text.encode("utf-8"))
        k += 1
    return docs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--repeat", type=int, default=3, help="per-document passes (median and best printed)")
    a = ap.parse_args(argv)
    docs = build_corpus(a.mb)
    n_bytes = sum(len(t.encode("utf-8")) for _, t in docs)
    n_words = sum(len(WORD.findall(t)) for _, t in docs)
    extract_quotes(docs[0][1])  # warm the data caches
    times = []
    for k in range(max(1, a.repeat)):
        t0 = time.perf_counter()
        n_quotes = 0
        for did, text in docs:
            n_quotes += len(extract_quotes(text, doc_id=did))
        times.append(time.perf_counter() - t0)
        print(f"pass {k + 1}/{a.repeat}: {times[-1]:.2f} s", file=sys.stderr)
    med, best = statistics.median(times), min(times)
    print(f"corpus: {len(docs)} documents, {n_bytes / 1e6:.2f} MB, {n_words:,} words, {n_quotes:,} quotes")
    print(f"per-document, median of {len(times)}: {med:.2f} s, {n_words / med:,.0f} words/s")
    print(f"per-document, best of {len(times)}: {best:.2f} s, {n_words / best:,.0f} words/s")
    big = "\n\n".join(t for _, t in docs)[:1_000_000]
    bw = len(WORD.findall(big))
    t0 = time.perf_counter()
    nq = len(extract_quotes(big))
    dt2 = time.perf_counter() - t0
    print(f"one 1 MB text: {dt2:.2f} s, {bw / dt2:,.0f} words/s, {nq:,} quotes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
