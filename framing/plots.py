"""Figures used by the notebooks and the report: titled, labelled, sources named.

Every function returns the matplotlib ``Figure`` and draws nothing else; the
notebook ends the cell with ``plt.show()``.
"""
from __future__ import annotations

import re

import matplotlib.pyplot as plt


def figure_for(ax, height: float):
    """The axes to draw on: ``ax`` itself, or a new 9-inch-wide figure of ``height`` inches at 100 dpi."""
    if ax is None:
        return plt.subplots(figsize=(9, height), dpi=100)
    return ax.figure, ax


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
    fig, ax = figure_for(ax, 0.6 * len(table) + 2.2)
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


# --------------------------------------------------------------------------- terms and quotes

TERMS_NOTE = "Source: framing package, lexicon matches in article text (framing/data lexicons)"
QUOTES_NOTE = "Source: framing package, quotations and reported speech with speakers (framing.quotes)"
PER_1K = "hits per 1,000 article words"
ROLE_PALETTE = {"government": "#1b4965", "opposition": "#c94c4c", "expert": "#5fa8d3",
                "legislator": "#e07a5f", "media": "#8e5572", "civil_society": "#a3a380", "business": "#b5651d",
                "unknown": "#bbbbbb", "no speaker": "#e8b04b", "writer": "#6c757d"}
SIDE_PALETTE = {"warns": "#c94c4c", "defends": "#1b4965", "neutral": "#a3a380", "unknown": "#bbbbbb"}
KIND_PALETTE = {"direct": "#1b4965", "partial": "#5fa8d3", "reported": "#9cc5e3",
                "unattributed": "#e07a5f", "scare": "#e8b04b"}
_FALLBACK = ["#6c757d", "#b5651d", "#8e5572", "#d98c3f", "#3d7ea6", "#a3a380"]


def source_labels(documents, width: int = 30) -> dict:
    """Short axis label per document: id prefix, then outlet (or the title in quotes when no outlet).

    Parameters
    ----------
    documents : DataFrame from :func:`framing.documents` (doc_id, outlet, title).

    Returns
    -------
    dict doc_id -> label
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


# Labels end up in Markdown findings, HTML pages and matplotlib text. Titles and file names are
# untrusted: drop the characters that are markup there (HTML tags, Markdown code/emphasis/links,
# matplotlib mathtext), so a label can never become markup.
_UNSAFE = re.compile(r"[`<>$*_\[\]\\|#]")


def _colors(keys, palette):
    extra = iter(_FALLBACK * 3)
    return [palette[k] if k in palette else next(extra) for k in keys]


def _footnote(fig, text):
    fig.text(0.01, 0.005, text, fontsize=7, color="#555")


def rate_heatmap(rates, documents, categories=None, ax=None):
    """Heatmap: rate of loaded terms per 1,000 article words, document x category.

    Parameters
    ----------
    rates : long DataFrame from :func:`framing.terms.term_rates` (doc_id, category, voice,
        n_hits, n_tokens, per_1k); rows with ``voice == "all"`` are drawn.
    documents : DataFrame from :func:`framing.documents`.
    categories : list of str, optional
        Columns in this order (default: every category with a hit, by total hits), plus an
        ``ALL_LOADED`` column when present in ``rates``.

    Each cell shows the rate and, below it, the hit count; each row label carries the word count.
    """
    import numpy as np

    r = rates[rates.voice == "all"]
    per = r.pivot_table(index="doc_id", columns="category", values="per_1k", aggfunc="sum", fill_value=0)
    n = r.pivot_table(index="doc_id", columns="category", values="n_hits", aggfunc="sum", fill_value=0)
    if categories is None:
        tot = n.drop(columns=[c for c in n.columns if c.startswith("ALL_")]).sum()
        categories = sorted(tot[tot > 0].index, key=lambda c: (-tot[c], c))
    cols = list(categories) + (["ALL_LOADED"] if "ALL_LOADED" in per.columns else [])
    per, n = per.reindex(columns=cols, fill_value=0), n.reindex(columns=cols, fill_value=0)
    words = r.drop_duplicates("doc_id").set_index("doc_id")["n_tokens"]
    labels = source_labels(documents)
    fig, ax = figure_for(ax, 0.55 * len(per) + 2.6)
    vals = per.to_numpy(dtype=float)
    body = vals[:, : len(categories)] if len(categories) else vals
    vmax = float(np.nanmax(body)) if body.size and np.nanmax(body) > 0 else 1.0
    shown = vals.copy()
    if "ALL_LOADED" in cols:
        shown[:, -1] = np.nan  # the total gets its own grey column, not the colour scale
    im = ax.imshow(shown, cmap="YlOrRd", vmin=0, vmax=vmax, aspect="auto")
    for i in range(vals.shape[0]):
        for j in range(vals.shape[1]):
            v, k = vals[i, j], int(n.iat[i, j])
            if cols[j] == "ALL_LOADED":
                ax.add_patch(plt.Rectangle((j - 0.5, i - 0.5), 1, 1, color="#eeeeee"))
            dark = cols[j] != "ALL_LOADED" and v > 0.6 * vmax
            ax.text(j, i, f"{v:.1f}\n({k})" if k else "·", ha="center", va="center", fontsize=7.5,
                    color="white" if dark else "#222")
    ax.set_xticks(range(len(cols)))
    ax.set_xticklabels([c.replace("_", " ") if c != "ALL_LOADED" else "ALL LOADED" for c in cols],
                       rotation=35, ha="right", fontsize=8)
    ax.set_yticks(range(len(per)))
    ax.set_yticklabels([f"{labels.get(d, d)}\n{int(words.get(d, 0)):,} words" for d in per.index], fontsize=8)
    cb = fig.colorbar(im, ax=ax, fraction=0.03, pad=0.02)
    cb.set_label(PER_1K, fontsize=8)
    ax.set_title("Loaded terms by category: rate per 1,000 article words (hit count in brackets)")
    _footnote(fig, TERMS_NOTE)
    fig.tight_layout(rect=(0, 0.02, 1, 1))
    return fig


def voice_bars(rates, documents, ax=None):
    """Stacked horizontal bars: loaded-term rate split into the writer's voice and quoted sources.

    Parameters
    ----------
    rates : long DataFrame from :func:`framing.terms.term_rates` with an ``ALL_LOADED`` category
        (authorial + quoted rates share one denominator, so the two segments add up to the total).
    documents : DataFrame from :func:`framing.documents`.
    """
    r = rates[rates.category == "ALL_LOADED"]
    per = r.pivot_table(index="doc_id", columns="voice", values="per_1k", aggfunc="sum", fill_value=0)
    n = r.pivot_table(index="doc_id", columns="voice", values="n_hits", aggfunc="sum", fill_value=0)
    per = per.reindex(columns=["authorial", "quoted"], fill_value=0).iloc[::-1]
    n = n.reindex(index=per.index, columns=["authorial", "quoted", "all"], fill_value=0)
    words = r.drop_duplicates("doc_id").set_index("doc_id")["n_tokens"]
    labels = source_labels(documents)
    fig, ax = figure_for(ax, 0.55 * len(per) + 2.0)
    y = range(len(per))
    ax.barh(y, per["authorial"], color="#6c757d", label="writer's own voice (authorial)", height=0.65)
    ax.barh(y, per["quoted"], left=per["authorial"], color="#e07a5f", label="inside a quotation (quoted)",
            height=0.65)
    xmax = float(per.sum(axis=1).max()) if len(per) else 1.0
    for i, d in enumerate(per.index):
        tot = int(n.at[d, "all"])
        share = n.at[d, "quoted"] / tot if tot else 0.0
        ax.text(per.loc[d].sum() + 0.01 * xmax, i, f"{share:.0%} quoted ({int(n.at[d, 'quoted'])} of {tot})",
                va="center", fontsize=8)
    ax.set_yticks(list(y))
    ax.set_yticklabels([f"{labels.get(d, d)} ({int(words.get(d, 0)):,} words)" for d in per.index], fontsize=8)
    ax.set_xlim(0, xmax * 1.35 if xmax > 0 else 1)
    ax.set_xlabel("loaded-term " + PER_1K)
    ax.set_title("Who carries the loaded language: the writer or the people quoted")
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    _footnote(fig, TERMS_NOTE)
    fig.tight_layout(rect=(0, 0.02, 1, 1))
    return fig


def _stacked(ax, table, palette, xlabel, title, labels):
    import numpy as np

    table = table.iloc[::-1]
    left = np.zeros(len(table))
    for col, colr in zip(table.columns, _colors(table.columns, palette)):
        ax.barh(range(len(table)), table[col], left=left, color=colr, height=0.65,
                label=str(col).replace("_", " "))
        left = left + table[col].to_numpy(dtype=float)
    ax.set_yticks(range(len(table)))
    ax.set_yticklabels([labels.get(d, d) for d in table.index], fontsize=8)
    ax.set_xlabel(xlabel)
    ax.set_title(title, fontsize=10)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3, fontsize=8, frameon=False)


def quoted_words_bars(summary, documents):
    """Two panels of stacked bars: quoted words per document by speaker role and by side.

    Parameters
    ----------
    summary : DataFrame from :func:`framing.quotes.quote_summary` (``words_role_*``, ``words_side_*``).
    documents : DataFrame from :func:`framing.documents`.
    """
    s = summary.set_index("doc_id")
    roles = s[[c for c in s.columns if c.startswith("words_role_")]].rename(columns=lambda c: c[11:])
    sides = s[[c for c in s.columns if c.startswith("words_side_")]].rename(columns=lambda c: c[11:])
    order = [k for k in ROLE_PALETTE if k in roles.columns] + sorted(c for c in roles.columns if c not in ROLE_PALETTE)
    roles = roles[order]
    sorder = [k for k in SIDE_PALETTE if k in sides.columns] + sorted(c for c in sides.columns if c not in SIDE_PALETTE)
    sides = sides[sorder]
    labels = source_labels(documents, width=28)
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(10, 0.5 * len(s) + 2.4), dpi=100, sharey=True)
    _stacked(a1, roles, ROLE_PALETTE, "quoted words", "by the speaker's role", labels)
    _stacked(a2, sides, SIDE_PALETTE, "quoted words", "by side (speaker registry: warns, defends, neutral)",
             labels)
    fig.suptitle("Whose words each source carries (quotations and reported speech, scare quotes left out)")
    _footnote(fig, QUOTES_NOTE + "; roles and sides from the story pack's speaker registry, else role rules "
              "and quote cues")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


def quote_kinds_bars(summary, documents):
    """Left: number of quotes per document by kind. Right: share of quoted words with no speaker.

    Parameters
    ----------
    summary : DataFrame from :func:`framing.quotes.quote_summary` (``n_<kind>``, ``quoted_words``,
        ``share_no_speaker``).
    documents : DataFrame from :func:`framing.documents`.
    """
    s = summary.set_index("doc_id")
    kinds = [k for k in KIND_PALETTE if f"n_{k}" in s.columns]
    counts = s[[f"n_{k}" for k in kinds]].rename(columns=lambda c: c[2:])
    labels = source_labels(documents, width=28)
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(10, 0.5 * len(s) + 2.4), dpi=100, sharey=True,
                                 gridspec_kw={"width_ratios": [3, 2]})
    _stacked(a1, counts, KIND_PALETTE, "number of quotes", "quotes by kind", labels)
    sh = s["share_no_speaker"].iloc[::-1]
    a2.barh(range(len(sh)), sh, color="#e07a5f", height=0.65)
    for i, d in enumerate(sh.index):
        a2.text(sh[d] + 0.02, i, f"{sh[d]:.0%} of {int(s.at[d, 'quoted_words']):,} words", va="center", fontsize=8)
    a2.set_xlim(0, 1.3)
    a2.set_xticks([0, 0.25, 0.5, 0.75, 1])
    a2.set_xticklabels(["0%", "25%", "50%", "75%", "100%"])
    a2.set_xlabel("share of quoted words with no speaker")
    a2.set_title("quoted words nobody is named for", fontsize=10)
    fig.suptitle("How each source quotes: kinds of quotation, and words with no speaker")
    _footnote(fig, QUOTES_NOTE)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


def carrier_bars(table, documents):
    """Stacked horizontal bars: loaded-term rate per document by who carries the term.

    Parameters
    ----------
    table : DataFrame indexed by doc_id, one column per carrier (``writer``, a speaker role,
        ``no speaker``...), values in hits per 1,000 article words.
    documents : DataFrame from :func:`framing.documents`.
    """
    order = [k for k in ["writer"] + list(ROLE_PALETTE) if k in table.columns]
    order = list(dict.fromkeys(order)) + sorted(c for c in table.columns if c not in ROLE_PALETTE)
    labels = source_labels(documents)
    fig, ax = plt.subplots(figsize=(9, 0.55 * len(table) + 2.4), dpi=100)
    _stacked(ax, table[order], ROLE_PALETTE, "loaded-term " + PER_1K,
             "Loaded terms by who carries them: the writer, or a quoted speaker's role", labels)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=4, fontsize=8, frameon=False)
    _footnote(fig, TERMS_NOTE + "; speakers from framing.quotes")
    fig.tight_layout(rect=(0, 0.02, 1, 1))
    return fig
