"""Figures used by the notebooks and the report: titled, labelled, sources named.

Every function returns the matplotlib ``Figure`` and draws nothing else; the
notebook ends the cell with ``plt.show()``.
"""
from __future__ import annotations


import matplotlib.pyplot as plt

ROLE_COLORS = {"title": "#1b4965", "dek": "#3d7ea6", "heading": "#5fa8d3", "body": "#9cc5e3"}
NOISE_COLORS = ["#b5651d", "#d98c3f", "#e8b04b", "#c94c4c", "#8e5572", "#6c757d", "#a3a380", "#e07a5f"]
SOURCE_NOTE = "Source: framing package, block labels of each capture"


def _label(doc_id: str, outlet: str = "") -> str:
    short = doc_id.split("_")[0] if "_" in doc_id else doc_id
    return f"{short} {outlet[:28]}".strip()


def composition(segments, documents, ax=None):
    """Horizontal stacked bars: characters per document by article role and noise reason.

    Parameters
    ----------
    segments : DataFrame from :func:`framing.segments` (doc_id, role, reason, n_chars).
    documents : DataFrame from :func:`framing.documents` (doc_id, outlet).
    """
    seg = segments.assign(part=segments.role.where(segments.role != "boilerplate", "noise: " + segments.reason))
    table = seg.pivot_table(index="doc_id", columns="part", values="n_chars", aggfunc="sum", fill_value=0)
    article = [r for r in ROLE_COLORS if r in table.columns]
    noise = sorted(c for c in table.columns if c.startswith("noise: "))
    table = table[article + noise].iloc[::-1]
    colors = [ROLE_COLORS[r] for r in article] + NOISE_COLORS[: len(noise)]
    if ax is None:
        fig, ax = plt.subplots(figsize=(9, 0.6 * len(table) + 2.2), dpi=100)
    else:
        fig = ax.figure
    outlets = dict(zip(documents.doc_id, documents.outlet.fillna("")))
    table.index = [_label(d, outlets.get(d, "")) for d in table.index]
    table.plot.barh(stacked=True, ax=ax, color=colors, width=0.7, legend=False)
    ax.set_xlabel("characters in the capture")
    ax.set_ylabel("")
    ax.set_title("What each capture is made of: article text (blue) and labelled page noise (warm)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=3, fontsize=8, frameon=False)
    fig.text(0.01, 0.005, SOURCE_NOTE, fontsize=7, color="#555")
    fig.tight_layout()
    return fig
