"""Benchmark the command-line tables at corpus scale: words/s, process scaling, peak memory.

Builds corpora of N articles on disk (copies of the seeds and the test fixtures under new names,
so every file is a real article), then times ``framing.batch.run`` — exactly what the CLI runs —
in a fresh Python process per measurement, and reads that process's peak resident memory and its
worker processes' peak (``getrusage``). Words = article tokens (``len(doc.tokens)``).

Usage::

    .venv/bin/python benchmarks/bench_batch.py                 # the full grid, writes benchmarks/RESULTS.md
    .venv/bin/python benchmarks/bench_batch.py --quick         # 100 and 500 articles only
"""
from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MEASURE = r'''
import json, resource, sys, time
from framing.batch import run
cmd, path, jobs = sys.argv[1], sys.argv[2], int(sys.argv[3])
sched = sys.argv[4] if len(sys.argv) > 4 else None
t = time.perf_counter()
r = run(cmd, path, jobs=jobs, scheduler=sched, progress=False)
dt = time.perf_counter() - t
me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": dt, "words": r.n_words, "rows": len(r.table), "errors": len(r.errors),
                  "peak_mb": max(me, kids) / 1024, "sum_peak_mb": (me + kids * max(jobs - 1, 0)) / 1024
                  if jobs > 1 else me / 1024}))
'''


def make_corpus(folder: Path, n: int) -> None:
    base = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures").glob("*/*.txt"))
    base = [p for p in base if "hostile" not in p.parts]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        src = base[i % len(base)]
        shutil.copyfile(src, folder / f"a{i:05d}_{src.stem}.txt")


def measure(cmd: str, path: Path, jobs: int, scheduler: str | None = None) -> dict:
    args = [sys.executable, "-c", MEASURE, cmd, str(path), str(jobs)] + ([scheduler] if scheduler else [])
    out = subprocess.run(args, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "RESULTS.md"))
    a = ap.parse_args()
    sizes = [100, 500] if a.quick else [100, 1000, 2000, 10000]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            folder = Path(tmp) / f"n{n}"
            make_corpus(folder, n)
            cmds = ["corpus", "terms", "quotes", "stance"] if n <= 2000 else ["stance"]
            for cmd in cmds:
                for jobs in (1, 2):
                    if n == 10000 and jobs == 1:
                        continue
                    m = measure(cmd, folder, jobs)
                    rows.append({"articles": n, "command": cmd, "jobs": jobs, **m})
                    print(f"{n:>6} {cmd:<8} jobs={jobs}  {m['words'] / m['seconds']:>10,.0f} words/s  "
                          f"{m['seconds']:7.1f} s  peak {m['peak_mb']:6.0f} MB", flush=True)
        if not a.quick:
            m = measure("stance", Path(tmp) / "n2000", 2, "processes")
            rows.append({"articles": 2000, "command": "stance (dask processes)", "jobs": 2, **m})
    lines = ["# Benchmark results", "",
             f"`benchmarks/bench_batch.py` on {platform.machine()}, Python {platform.python_version()}, "
             "2 cores. Words = article tokens; peak = largest resident set of the main process or any worker.",
             "", "| articles | command | jobs | words | seconds | words/s | peak MB |",
             "|---:|---|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['articles']:,} | {r['command']} | {r['jobs']} | {r['words']:,} | {r['seconds']:.1f} | "
                     f"{r['words'] / r['seconds']:,.0f} | {r['peak_mb']:.0f} |")
    Path(a.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
