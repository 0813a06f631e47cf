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
    """The id prefix (before the first ``_``) and up to 28 characters of the outlet."""
    short = doc_id.split("_")[0] if "_" in doc_id else doc_id
    return f"{short} {outlet[:28]}".strip()


def source_labels(documents, width: int = 30) -> dict:
    """Short axis label per document: id prefix, then outlet (or the title in quotes when no outlet).

    Parameters
    ----------
    documents : DataFrame from :func:`framing.documents` (doc_id, outlet, title).

    Returns
    -------
    dict doc_id -> label, free of markup characters.
    """
    out = {}
    for r in documents.fillna("").itertuples(index=False):
        short = r.doc_id.split("_")[0] if "_" in r.doc_id else r.doc_id
        name = r.outlet or (f"“{r.title}”" if r.title else "")
        if len(name) > width and "(" in name:
            name = name[: name.index("(")].rstrip()  # drop a parenthetical before truncating
        if len(name) > width:
            name = name[: width - 1].rstrip() + "…"
        out[r.doc_id] = _UNSAFE.sub("", f"{short} {name}").strip()
    return out
