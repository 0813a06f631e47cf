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

#: Figures are drawn at 100 dpi, so one inch is 100 px in the notebook and on the report pages.
DPI = 100
#: The tallest a figure may be, in px at :data:`DPI`: a laptop screen (about 800 px of
#: browser viewport) and a half; taller and a reader scrolls away from the axis and its
#: title to read a row. The browser test fails on any taller figure.
MAX_FIGURE_PX = 1400

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


def figure_for(ax, height: float):
    """The axes to draw on: ``ax`` itself, or a new 9-inch-wide figure of ``height`` inches at 100 dpi."""
    if ax is None:
        return plt.subplots(figsize=(9, height), dpi=100)
    return ax.figure, ax


def footnote(fig, text: str) -> None:
    """The figure's source note, bottom left, in small grey type."""
    fig.text(0.01, 0.005, text, fontsize=7, color="#555")


def colors_for(keys, palette: dict) -> list[str]:
    """The palette's colour of each key; keys it lacks get the fallback colours in turn."""
    extra = iter(FALLBACK_COLORS * 3)
    return [palette[k] if k in palette else next(extra) for k in keys]


def short_label(doc_id: str, outlet: str = "") -> str:
    """The id prefix (before the first ``_``) and up to 28 characters of the outlet (for the
    composition figure, whose bars are ordered by id)."""
    short = doc_id.split("_")[0] if "_" in doc_id else doc_id
    return f"{short} {outlet[:28]}".strip()


def _cut(text: str, width: int) -> str:
    if len(text) > width and "(" in text[:width + 1]:
        text = text[: text.index("(")].rstrip() or text  # drop a parenthetical before truncating
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def source_label(doc_id: str, outlet: str = "", title: str = "", width: int = 30) -> str:
    """A readable label: the outlet, else the title in quotes, else the full file stem; cut to
    ``width`` characters and free of markup characters."""
    name = (outlet or "").strip() or (f"“{title.strip()}”" if (title or "").strip() else "") or doc_id
    return _UNSAFE.sub("", _cut(" ".join(name.split()), width)).strip() or "article"


def source_labels(documents, width: int = 30) -> dict:
    """One label per document (:func:`source_label`), made unique: labels that would repeat
    (two articles of one outlet) get their file stem appended.

    Parameters
    ----------
    documents : DataFrame from :func:`framing.documents` (doc_id, outlet, title).

    Returns
    -------
    dict doc_id -> label
    """
    rows = list(documents.fillna("").itertuples(index=False))
    first = {r.doc_id: source_label(r.doc_id, r.outlet, r.title, width) for r in rows}
    counts: dict[str, int] = {}
    for label in first.values():
        counts[label] = counts.get(label, 0) + 1
    return {d: (label if counts[label] == 1 else _UNSAFE.sub("", f"{label} · {_cut(d, width)}"))
            for d, label in first.items()}
