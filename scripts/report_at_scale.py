"""Build the report for a generated corpus of N articles, time each step and check its layout.

Usage::

    .venv/bin/python scripts/report_at_scale.py [--n 200] [--work DIR] [--story bolivia_iran_2023]

Writes ``DIR/corpus`` (``tests/corpus_gen.py``: invented articles), builds the report into
``DIR/site`` printing how long each notebook, the evidence pages and the index take, then opens
the index and every notebook page in headless Chromium at 1,280 px and prints, per page, its
width, its figures' heights and any layout problem (sideways scrolling, a figure taller than
``framing.report.style.MAX_FIGURE_PX``). Screenshots go to ``DIR/screenshots``. Exit status 1
when a page has a layout problem or a notebook failed.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def main(argv=None) -> int:
    from corpus_gen import write_corpus

    from framing.report import build_report
    from framing.report.browser import check_pages, find_chromium, layout_problems

    ap = argparse.ArgumentParser(prog="scripts/report_at_scale.py")
    ap.add_argument("--n", type=int, default=200, help="articles to generate (default 200)")
    ap.add_argument("--work", default="/tmp/framing-at-scale", help="folder for corpus, site and screenshots")
    ap.add_argument("--story", default="bolivia_iran_2023", help="story pack applied (default: the seeds')")
    a = ap.parse_args(argv)
    work = Path(a.work)
    for sub in ("corpus", "site", "screenshots"):
        shutil.rmtree(work / sub, ignore_errors=True)
    corpus = write_corpus(work / "corpus", n=a.n)
    t0 = last = time.perf_counter()

    def progress(msg: str) -> None:
        nonlocal last
        now = time.perf_counter()
        print(f"{now - t0:7.1f} s  (+{now - last:5.1f} s)  {msg}", flush=True)
        last = now

    result = build_report(corpus, work / "site", story=a.story or None, progress=progress)
    print(f"report for {a.n} articles: {time.perf_counter() - t0:.0f} s; failed: {result.failed or 'nothing'}")
    if not find_chromium():
        print("no Chromium: layout not checked")
        return 1 if result.failed else 0
    bad = 0
    for r in check_pages([result.index, *result.pages], screenshot_dir=work / "screenshots"):
        problems = layout_problems(r)
        bad += bool(problems)
        heights = ", ".join(str(im["natural_height"]) for im in r["images"])
        status = "FAIL" if problems else "ok"
        print(f"{status}: {Path(r['page']).name}  width {r['scroll_width']}/{r['client_width']} px"
              f"  figures {heights or '-'} px  page {r['scroll_height']:,} px")
        for p in problems:
            print(f"    {p}")
    print(f"screenshots in {work / 'screenshots'}")
    return 1 if bad or result.failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
