"""The one figure style of the package: sizes, palettes, source notes and safe labels.

Every figure of :mod:`framing.report.plots` takes its colours, its footnote and its
document labels from here, so the notebooks and the report look alike.
"""
from __future__ import annotations

import re

import matplotlib.pyplot as plt

# --------------------------------------------------------------------------- palettes

ROLE_COLORS = {"title": "#1b4965", "dek": "#3d7ea6", "heading": "#5fa8d3", "body": "#9cc5e3"}
NOISE_COLORS = ["#b5651d", "#d98c3f", "#e8b04b", "#c94c4c", "#8e5572", "#6c757d", "#a3a380", "#e07a5f"]
ROLE_PALETTE = {"government": "#1b4965", "opposition": "#c94c4c", "expert": "#5fa8d3",
                "legislator": "#e07a5f", "media": "#8e5572", "civil_society": "#a3a380", "business": "#b5651d",
                "unknown": "#bbbbbb", "no speaker": "#e8b04b", "writer": "#6c757d"}
SIDE_PALETTE = {"warns": "#c94c4c", "defends": "#1b4965", "neutral": "#a3a380", "unknown": "#bbbbbb"}
KIND_PALETTE = {"direct": "#1b4965", "partial": "#5fa8d3", "reported": "#9cc5e3",
                "unattributed": "#e07a5f", "scare": "#e8b04b"}
FRAME_COLORS = {"alarmist": "#c94c4c", "neutral": "#8d8d8d", "skeptical": "#1b4965"}
FEATURE_COLORS = ["#c94c4c", "#e07a5f", "#e8b04b", "#b5651d", "#8e5572", "#1b4965", "#3d7ea6",
                  "#5fa8d3", "#9cc5e3", "#a3a380", "#6c757d", "#2a9d8f", "#d98c3f", "#7b2cbf",
                  "#588157", "#bc6c25", "#adb5bd", "#343a40"]
FALLBACK_COLORS = ["#6c757d", "#b5651d", "#8e5572", "#d98c3f", "#3d7ea6", "#a3a380"]

# --------------------------------------------------------------------------- sizes
# Every figure must read as well at 5 sources as at several hundred: rows shrink down to a
# floor, then only the most relevant rows are drawn (the notebook's table next to the figure
# has every source), and no figure grows past a fixed height.

#: Figures are drawn at 100 dpi, so one inch is 100 px in the notebook and on the report pages.
DPI = 100
#: Width in inches: about the notebook's output column at a 1,280 px window (≈ 1,000 px), so
#: pages show figures at their own size, neither shrunk nor scrolled.
FIG_WIDTH = 9.0
#: The tallest a figure may be, in px at :data:`DPI`: a laptop viewport (≈ 800 px) and a
#: half. Taller, and a reader scrolls the title and the x axis out of sight to read one row;
#: the browser test (``tests/test_report_layout.py``) fails on any taller figure.
MAX_FIGURE_PX = 1400
#: The tallest figure drawn, in inches: the notebook saves figures cropped to what is drawn plus
#: 0.1 in of padding on each side (``bbox_inches="tight"``), so 0.3 in are kept in hand.
MAX_FIG_HEIGHT = MAX_FIGURE_PX / DPI - 0.3
#: Height per row (a bar, a heatmap row, an interval) in inches when there is room: the seeds'
#: five-source figures, airy enough for an annotation above each bar.
ROW_IN = 0.55
#: The least height per row: a two-line row label at :data:`TICK_PT` (label and word count,
#: 2 × 9 pt × 1.2 leading ≈ 0.3 in) with a little air between rows.
MIN_ROW_IN = 0.34
#: Rows drawn at most. At :data:`MIN_ROW_IN` 30 rows take 10.2 in, which leaves the ≈ 3.5 in
#: that titles, axis, legend and source note need within :data:`MAX_FIG_HEIGHT`; beyond that a
#: figure shows the 30 most relevant sources (the criterion is in its title) and the notebook's
#: table lists them all.
TOP_N = 30
#: Sources in the square similarity matrix at most: its cells are as wide as they are tall, and
#: 20 columns of 9-pt slanted labels is what 9 inches hold.
MATRIX_TOP_N = 20
#: A matrix prints its values in the cells only up to this many rows (a 9-pt "0.23" needs
#: ≈ 0.35 in of cell width); above it colour and the colour bar carry the values.
CELL_TEXT_MAX = 12
#: Points of a scatter (the PCA map) that get a text label at most: the ones farthest from the
#: centre, where the eye goes; more labels than this pile up at any figure size.
LABEL_MAX = 12
#: Font sizes in points. Tick labels, axis labels and legends at 9 pt or more (12.5 px at
#: :data:`DPI`, the smallest size read comfortably on screen); annotations inside the plot at
#: 8 pt (short numbers next to their mark); the source note at 7 pt (a citation, not data); the
#: line under a cut figure's title, saying which sources it shows, at 9.5 pt in grey.
TICK_PT = 9
SUBTITLE_PT = 9.5
LEGEND_PT = 9
ANNOT_PT = 8
NOTE_PT = 7
#: The band at the bottom kept free for the source note, in inches.
NOTE_IN = 0.25

# --------------------------------------------------------------------------- source notes

SOURCE_NOTE = "Source: framing package, block labels of each capture"
TERMS_NOTE = "Source: framing package, lexicon matches in article text (framing/data lexicons)"
QUOTES_NOTE = "Source: framing package, quotations and reported speech with speakers (framing.quotes)"
STANCE_NOTE = ("Source: framing package, stance features and alarm index (framing.stance, "
               "framing/data/stance_weights.csv)")
TONE_NOTE = ("Source: framing package, VADER compound of authorial sentences naming each target "
             "(the story pack's targets.csv)")
SIM_NOTE = "Source: framing package, TF-IDF (scikit-learn) of article text, page noise excluded"

# Labels end up in Markdown findings, HTML pages and matplotlib text. Titles and file names are
# untrusted: drop the characters that are markup there (HTML tags, Markdown code/emphasis/links,
# matplotlib mathtext), so a label can never become markup.
_UNSAFE = re.compile(r"[`<>$*_\[\]\\|#]")


def rows_height(n: int, extra: float, row: float = ROW_IN) -> float:
    """A figure's height in inches for ``n`` rows plus ``extra`` inches of title, axes and legend:
    ``row`` inches per row while that fits, down to :data:`MIN_ROW_IN`, never above
    :data:`MAX_FIG_HEIGHT`."""
    n = max(int(n), 1)
    per = max(MIN_ROW_IN, min(row, (MAX_FIG_HEIGHT - extra) / n))
    return min(MAX_FIG_HEIGHT, extra + per * n)


def new_figure(height: float, ncols: int = 1, width: float = FIG_WIDTH, **kwargs):
    """``plt.subplots`` at :data:`DPI` with constrained layout (titles, suptitles, colour bars and
    legends below the axes never overlap), ``height`` capped at :data:`MAX_FIG_HEIGHT`."""
    return plt.subplots(1, ncols, figsize=(width, min(height, MAX_FIG_HEIGHT)), dpi=DPI, layout="constrained",
                        **kwargs)


def figure_for(ax, height: float):
    """The axes to draw on: ``ax`` itself, or a new figure of ``height`` inches (:func:`new_figure`)."""
    if ax is None:
        return new_figure(height)
    return ax.figure, ax


def footnote(fig, text: str) -> None:
    """The figure's source note, bottom left, in small grey type, in a band the layout keeps free."""
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    band = NOTE_IN / fig.get_figheight()
    engine = fig.get_layout_engine()
    if isinstance(engine, ConstrainedLayoutEngine):
        engine.set(rect=(0, band, 1, 1 - band))  # left, bottom, width, height
    else:
        fig.tight_layout(rect=(0, band, 1, 1))
    fig.text(0.01, 0.3 * band, text, fontsize=NOTE_PT, color="#555")


def pick_rows(scores, n: int = TOP_N, ends: bool = False) -> list:
    """The index labels of the rows to draw when there are more than ``n``: the ``n`` highest
    ``scores`` (a Series), or with ``ends`` the ``n // 2`` highest and the ``n - n // 2`` lowest.
    All labels, in their order, when there are ``n`` or fewer. Ties are broken by label."""
    import pandas as pd

    s = pd.Series(scores, dtype=float).fillna(-float("inf"))
    if len(s) <= n:
        return list(s.index)
    order = sorted(s.index, key=lambda k: (-s[k], str(k)))
    if not ends:
        return order[:n]
    hi = n // 2
    return order[:hi] + order[len(order) - (n - hi):]


def shown_note(k: int, total: int, what: str, listed: bool = True) -> str:
    """The line a cut figure adds under its title, e.g. "Shown: the 30 most alarmist, of 192 sources
    (all are in the notebook's tables)" (``listed``: the notebook shows a table of every source);
    "" when nothing was cut."""
    if k >= total:
        return ""
    return f"Shown: {what}, of {total:,} sources" + (" (all are in the notebook's tables)" if listed else "")


def colors_for(keys, palette: dict) -> list[str]:
    """The palette's colour of each key; keys it lacks get the fallback colours in turn."""
    extra = iter(FALLBACK_COLORS * 3)
    return [palette[k] if k in palette else next(extra) for k in keys]


def _cut(text: str, width: int) -> str:
    if len(text) > width and "(" in text[:width + 1]:
        text = text[: text.index("(")].rstrip() or text  # drop a parenthetical before truncating
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _safe(text: str) -> str:
    """``text`` with markup characters dropped; underscores (file stems) read as spaces."""
    return " ".join(_UNSAFE.sub("", text.replace("_", " ")).split())


#: At most this many characters of the file stem tell apart two articles whose label would repeat.
STEM_PART = 16


def source_label(doc_id: str, outlet: str = "", title: str = "", width: int = 30) -> str:
    """A readable label: the outlet, else the title in quotes, else the full file stem; cut to
    ``width`` characters and free of markup characters."""
    name = (outlet or "").strip() or (f"“{title.strip()}”" if (title or "").strip() else "") or doc_id
    return _safe(_cut(" ".join(name.split()), width)) or "article"


def _stem_parts(stems: list[str]) -> dict[str, str]:
    """The shortest telling part of each stem of a group whose labels collide: the shortest
    start (at least 3 characters) or end that differs between all of them, whichever is shorter,
    marked with "…" where cut; the whole stem when no part of :data:`STEM_PART` characters will do."""
    safe = {d: _safe(d) for d in stems}
    longest = max(len(v) for v in safe.values())
    for n in range(3, min(longest, STEM_PART) + 1):
        for part in (lambda v: v if len(v) <= n else v[:n].rstrip() + "…",
                     lambda v: v if len(v) <= n else "…" + v[-n:].lstrip()):
            got = {d: part(v) for d, v in safe.items()}
            if len(set(got.values())) == len(stems):
                return got
    return safe


def source_labels(documents, width: int = 30) -> dict:
    """One label per document (:func:`source_label`), made unique: labels that would repeat
    (two articles of one outlet) get the shortest telling part of their file stem appended
    ("The Daily Ledger · 041…"); any repeat left after that is numbered.

    Parameters
    ----------
    documents : DataFrame from :func:`framing.documents` (doc_id, outlet, title).

    Returns
    -------
    dict doc_id -> label, free of markup characters
    """
    rows = list(documents.fillna("").itertuples(index=False))
    first = {r.doc_id: source_label(r.doc_id, r.outlet, r.title, width) for r in rows}
    groups: dict[str, list[str]] = {}
    for d, label in first.items():
        groups.setdefault(label, []).append(d)
    meta = {r.doc_id: r for r in rows}
    out = {}
    for label, ids in groups.items():
        if len(ids) == 1:
            out[ids[0]] = label
            continue
        parts = _stem_parts(ids)
        for d in ids:
            r = meta[d]
            named = bool((r.outlet or "").strip() or (r.title or "").strip())
            out[d] = f"{label} · {parts[d]}" if named else _safe(d)
    seen: dict[str, int] = {}
    for d in out:  # still repeated (stems that differ only in markup characters): number them
        seen[out[d]] = seen.get(out[d], 0) + 1
    counter: dict[str, int] = {}
    for d, label in list(out.items()):
        if seen[label] > 1:
            counter[label] = counter.get(label, 0) + 1
            out[d] = f"{label} #{counter[label]}"
    return out
