"""The report at 5 and at 200 articles: laid out by Chromium at 1,280 px, no page scrolls sideways
and no figure is taller than the figure style's limit; the index and every notebook page are
screenshotted.

The 200-article corpus is generated (``tests/corpus_gen.py``: invented text, varied outlets, long
titles, two articles of one outlet, a few Spanish and too-short articles). Each corpus's report is
built once per module. ``FRAMING_LAYOUT_SHOTS=DIR`` keeps the screenshots (``DIR/seeds``,
``DIR/generated_200``) for a person to look at; otherwise they go to pytest's temporary folder.
"""
import os
import time
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pytest
from conftest import SEEDS
from corpus_gen import write_corpus

from framing.report import build_report, plots
from framing.report.browser import VIEWPORT_WIDTH, check_pages, find_chromium, layout_problems
from framing.report.notebooks import notebook_paths
from framing.report.style import (
    DPI,
    MAX_FIGURE_PX,
    TICK_PT,
    TOP_N,
    pick_rows,
    rows_height,
    source_labels,
)

STORY = "bolivia_iran_2023"
N_GENERATED = 200
#: A guard against a blow-up, not a benchmark: on a 2-core machine the seeds' report takes about a
#: minute and the 200-article one about four (see the timing this module prints).
BUILD_LIMIT_S = 900
NO_BROWSER = not find_chromium() and not os.environ.get("FRAMING_REQUIRE_BROWSER")


@pytest.fixture(scope="module", params=["seeds", f"generated_{N_GENERATED}"])
def report(request, tmp_path_factory):
    """The report of one corpus, built once for the module (the two corpora one after the other)."""
    name = request.param
    corpus = SEEDS if name == "seeds" else write_corpus(tmp_path_factory.mktemp("corpus"), n=N_GENERATED)
    out = tmp_path_factory.mktemp(f"site-{name}")
    t0 = time.perf_counter()
    result = build_report(corpus, out, story=STORY)
    return {"name": name, "out": out, "result": result, "seconds": time.perf_counter() - t0}


@pytest.fixture(scope="module")
def layout(report, tmp_path_factory):
    """Chromium's measures of the index and every notebook page, with screenshots."""
    if NO_BROWSER:
        pytest.skip("no Chromium on this machine (CI installs it and sets FRAMING_REQUIRE_BROWSER=1)")
    keep = os.environ.get("FRAMING_LAYOUT_SHOTS")
    shots = Path(keep) / report["name"] if keep else tmp_path_factory.mktemp(f"shots-{report['name']}")
    pages = [report["out"] / "index.html"] + sorted(report["result"].pages)
    return check_pages(pages, screenshot_dir=shots, width=VIEWPORT_WIDTH)


def _name(r):
    return Path(r["page"]).name


def test_report_has_the_index_and_every_notebook_page(report):
    res = report["result"]
    assert res.failed == [], res.failed
    assert res.index.is_file()
    assert sorted(p.name for p in res.pages) == sorted(p.stem + ".html" for p in notebook_paths())


def test_report_build_time(report, record_property, capsys):
    record_property("build_seconds", round(report["seconds"], 1))
    with capsys.disabled():
        print(f"\n[report layout] {report['name']}: report built in {report['seconds']:.0f} s")
    assert report["seconds"] < BUILD_LIMIT_S


def test_no_page_scrolls_sideways_at_1280_px(layout):
    assert {r["client_width"] for r in layout} == {VIEWPORT_WIDTH}
    wide = {_name(r): (r["scroll_width"], r["overflowing"]) for r in layout if r["scroll_width"] > r["client_width"]}
    assert not wide, wide


def test_no_figure_is_taller_than_the_limit(layout):
    tall = {_name(r): [(im["alt"][:40], im["natural_height"], im["height"]) for im in r["images"]
                       if max(im["natural_height"], im["height"]) > MAX_FIGURE_PX] for r in layout}
    assert not any(tall.values()), tall
    assert all(not layout_problems(r) for r in layout), [layout_problems(r) for r in layout]


def test_every_page_is_screenshotted_with_its_figures(layout, report):
    for r in layout:
        assert os.path.getsize(r["screenshot"]) > 5000, r["page"]
        assert r["requests"] == [] and r["errors"] == [], r
    n_figures = {_name(r): len(r["images"]) for r in layout}
    assert n_figures["index.html"] >= 3, n_figures
    assert all(n_figures[p.name] >= 1 for p in report["result"].pages if not p.name.startswith("06")), n_figures


# --------------------------------------------------------------------------- the figure style, no browser


def test_figure_heights_stay_under_the_limit_at_any_size():
    for n in (1, 5, TOP_N, 200, 5000):
        for extra in (2.2, 3.4):
            assert (rows_height(n, extra) + 0.2) * DPI <= MAX_FIGURE_PX, (n, extra)
    assert rows_height(5, 2.4, row=0.6) == pytest.approx(5 * 0.6 + 2.4)  # few rows: the seeds' look


def test_pick_rows_keeps_the_top_or_both_ends():
    s = pd.Series(range(100), index=[f"d{i:03d}" for i in range(100)], dtype=float)
    assert pick_rows(s, 10) == [f"d{i:03d}" for i in range(99, 89, -1)]
    ends = pick_rows(s, 10, ends=True)
    assert set(ends) == {f"d{i:03d}" for i in [*range(95, 100), *range(5)]}
    assert pick_rows(s.iloc[:7], 10) == list(s.index[:7])


def test_labels_of_a_generated_corpus_are_unique_and_readable(tmp_path):
    import framing

    docs = framing.documents(framing.load_corpus(write_corpus(tmp_path, n=60)))
    labels = source_labels(docs)
    assert len(set(labels.values())) == len(docs)
    assert not [v for v in labels.values() if v.split()[0] in {"es", "000", "001"}]  # never a bare id prefix
    assert max(len(v) for v in labels.values()) <= 48
    outlet = docs.outlet.fillna("")
    twice = docs[outlet.duplicated(keep=False) & (outlet != "")]
    assert len(twice) >= 2 and all(" · " in labels[d] for d in twice.doc_id)


def _synthetic(n: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    ids = [f"{i:03d}_{'x' * (i % 7)}" for i in range(n)]
    docs = pd.DataFrame({"doc_id": ids, "outlet": [f"Outlet number {i // 2}" for i in range(n)],
                         "title": [f"A title {i}" for i in range(n)]})
    idx = rng.normal(0, 0.5, n)
    boot = pd.DataFrame({"doc_id": ids, "alarm_index": idx, "index_low": idx - 0.2, "index_high": idx + 0.2,
                         "n_boot": 1000, "p_alarmist": 0.3, "p_neutral": 0.4, "p_skeptical": 0.3})
    stance = pd.DataFrame({"doc_id": ids, "alarm_index": idx,
                           "frame": np.where(idx > 0.2, "alarmist", np.where(idx < -0.2, "skeptical", "neutral"))})
    return docs, boot, stance


@pytest.mark.parametrize("n", [5, 200])
def test_figures_at_5_and_200_sources_keep_their_size_and_type(n):
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    docs, boot, stance = _synthetic(n)
    labels = source_labels(docs)
    th = {"alarmist": 0.2, "skeptical": -0.2}
    coded = stance.assign(analyst_frame=np.roll(stance.frame.to_numpy(), 1))
    figs = {"intervals": plots.index_intervals(boot, stance, labels, th),
            "analyst": plots.analyst_comparison(boot, coded, labels, th)}
    for name, fig in figs.items():
        ax = fig.axes[0]
        assert fig.get_figheight() * DPI <= MAX_FIGURE_PX, name
        ticks = [t for t in ax.get_yticklabels() + ax.get_xticklabels() if t.get_text()]
        assert ticks and min(t.get_fontsize() for t in ticks) >= TICK_PT, name
        assert len(ax.get_yticklabels()) == min(n, TOP_N), name
        note = ax.texts + [c for c in ax.get_children() if isinstance(c, matplotlib.text.Annotation)]
        said = " ".join(t.get_text() for t in note) + ax.get_title()
        assert (f"of {n:,} " in said) == (n > TOP_N), (name, said[:200])
        plt.close(fig)
