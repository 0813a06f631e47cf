"""Benchmark: loaded-term matching speed on a >= 5 MB corpus, one core.

The corpus is the five seeds plus the test sentence fixtures, replicated until it holds at least
``--mb`` megabytes of text. Documents are segmented once (not timed); the timed part is what
``framing terms`` adds on top of the corpus: :func:`framing.terms.term_hits` (lexicon matching in the
content spans, quotations with their speakers for the voice, the loaded-word model scoring every content
word unless ``--no-model``, the hits DataFrame). Words = content tokens (``len(doc.tokens)``).

Usage::

    .venv/bin/python benchmarks/bench_terms.py [--mb 5] [--repeat 3] [--no-model]
"""
from __future__ import annotations

import argparse
import dataclasses
import time
from pathlib import Path

from framing import terms
from framing.corpus import document_from_text, load_corpus

ROOT = Path(__file__).resolve().parents[1]


def build_corpus(mb: float) -> list:
    """Documents totalling at least ``mb`` MB of text (replicas share their segmentation)."""
    base = list(load_corpus(ROOT / "seeds"))
    for name in ("terms_sentences.txt", "terms_sentences_heldout.txt"):
        p = ROOT / "tests" / "fixtures" / name
        if p.exists():
            base.append(document_from_text(p.read_text(encoding="utf-8"), p.stem))
    size = sum(len(d.text.encode("utf-8")) for d in base)
    reps = int(mb * 1_000_000 // size) + 1
    return [dataclasses.replace(d, doc_id=f"{d.doc_id}_{i:04d}") for i in range(reps) for d in base]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-model", action="store_true", help="lexicon hits only")
    a = ap.parse_args()
    docs = build_corpus(a.mb)
    n_bytes = sum(len(d.text.encode("utf-8")) for d in docs)
    n_words = sum(len(d.tokens) for d in docs)
    t0 = time.perf_counter()
    lex = terms.load_lexicon()
    t_load = time.perf_counter() - t0
    best = float("inf")
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        hits = terms.term_hits(docs, lexicon=lex, model=not a.no_model)
        best = min(best, time.perf_counter() - t0)
    print(f"corpus: {len(docs)} documents, {n_bytes / 1e6:.2f} MB, {n_words:,} content words")
    print(f"lexicon: {len(lex.entries)} entries, loaded and compiled in {t_load * 1000:.0f} ms")
    n_model = int((hits["source"] == terms.MODEL_SOURCE).sum())
    print(f"term_hits (model {'off' if a.no_model else 'on'}): {len(hits):,} hits ({n_model:,} from the model) "
          f"in {best:.2f} s (best of {a.repeat})")
    print(f"speed: {n_words / best:,.0f} words/s ({n_bytes / 1e6 / best:.2f} MB/s), one core")


if __name__ == "__main__":
    main()
