"""Figures used by the notebooks and the report: titled, labelled, sources named.

Every function returns the matplotlib ``Figure`` and draws nothing else; the
notebook ends the cell with ``plt.show()``. Colours, sizes, source notes and labels
come from :mod:`framing.report.style`.

Every figure reads the same at 5 sources and at several hundred: rows get thinner down to
:data:`~framing.report.style.MIN_ROW_IN`, and past :data:`~framing.report.style.TOP_N` rows
(``max_rows``) a figure draws only the most relevant sources, says which in its title ("the
15 highest and 15 lowest alarm indices of 192 sources") and leaves the rest to the table the
notebook shows beside it. No figure is taller than :data:`~framing.report.style.MAX_FIGURE_PX`.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.transforms import ScaledTranslation

from .style import (
    ANNOT_PT,
    CELL_TEXT_MAX,
    FEATURE_COLORS,
    FRAME_COLORS,
    KIND_PALETTE,
    LABEL_MAX,
    LEGEND_PT,
    MATRIX_TOP_N,
    NOISE_COLORS,
    QUOTES_NOTE,
    ROLE_COLORS,
    ROLE_PALETTE,
    SIDE_PALETTE,
    SIM_NOTE,
    SOURCE_NOTE,
    STANCE_NOTE,
    SUBTITLE_PT,
    TERMS_NOTE,
    TICK_PT,
    TONE_NOTE,
    TOP_N,
    colors_for,
    figure_for,
    footnote,
    new_figure,
    pick_rows,
    rows_height,
    shown_note,
    source_labels,
)

# --------------------------------------------------------------------------- shared pieces


def _title(ax, main: str, note: str = "", fontsize: float = 12) -> None:
    """The axes title and, under it in smaller grey type, the line saying which sources a cut
    figure shows."""
    for t in getattr(ax, "_framing_notes", []):
        t.remove()
    ax._framing_notes = []
    if not note:
        ax.set_title(main, fontsize=fontsize)
        return
    ax.set_title(main, fontsize=fontsize, pad=6 + 1.3 * SUBTITLE_PT + 3)
    ax._framing_notes.append(ax.annotate(note, xy=(0.5, 1), xycoords="axes fraction", xytext=(0, 5),
                                         textcoords="offset points", ha="center", va="bottom",
                                         fontsize=SUBTITLE_PT, color="#555"))


def _suptitle(fig, main: str, note: str = "") -> None:
    """A figure title over several panels, with the line saying which sources a cut figure shows."""
    fig.suptitle(main if not note else f"{main}\n{note}", fontsize=12 if not note else 11)


def _legend_below(ax, ncol: int = 3, drop: float = 0.5, **kwargs):
    """A legend centred under the axes, ``drop`` inches below their bottom edge (under the tick
    labels and the axis label, whatever the figure's height); the layout makes room for it."""
    tr = ax.transAxes + ScaledTranslation(0, -drop, ax.figure.dpi_scale_trans)
    return ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0), bbox_transform=tr, ncol=ncol, fontsize=LEGEND_PT,
                     frameon=False, **kwargs)


def _ticks(*axes) -> None:
    for ax in axes:
        ax.tick_params(labelsize=TICK_PT)


def _ha(x: float, lo: float, hi: float) -> str:
    """Alignment of a label above a point so it stays inside the axes: from the point rightwards
    near the left edge, leftwards near the right edge, centred elsewhere."""
    at = (x - lo) / (hi - lo) if hi > lo else 0.5
    return "left" if at < 0.15 else "right" if at > 0.85 else "center"


def _ends(scores: pd.Series, max_rows: int):
    """Rows for a figure ordered by ``scores``: all of them, or the ``max_rows // 2`` highest and
    the rest lowest. Returns (ids from the lowest to the highest score, how many lie below the
    gap or None when nothing was cut)."""
    s = pd.Series(scores, dtype=float).sort_values(kind="stable")
    if len(s) <= max_rows:
        return list(s.index), None
    keep = set(pick_rows(s, max_rows, ends=True))
    ids = [d for d in s.index if d in keep]
    return ids, max_rows - max_rows // 2


def _y_with_gap(n: int, gap_at: int | None) -> np.ndarray:
    """y positions of ``n`` rows from the bottom, leaving one empty slot above row ``gap_at``."""
    y = np.arange(n, dtype=float)
    if gap_at is not None:
        y[gap_at:] += 1
    return y


def _mark_gap(ax, gap_at: int | None, hidden: int) -> None:
    """Write in the empty slot how many sources lie between the two ends drawn."""
    if gap_at is None:
        return
    ax.axhline(gap_at, color="#bbb", lw=0.8, ls=(0, (1, 3)), zorder=0)
    ax.text(0.5, gap_at, f"⋯  {hidden:,} sources in between, not drawn (see the table)  ⋯",
            transform=ax.get_yaxis_transform(), ha="center", va="center", fontsize=ANNOT_PT, color="#555",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5})


def _ends_note(k: int, total: int, what: str = "alarm indices", listed: bool = True) -> str:
    hi = k // 2
    return shown_note(k, total, f"the {hi} highest and {k - hi} lowest {what}", listed)


# --------------------------------------------------------------------------- corpus


def composition(segments, documents, ax=None, max_rows: int = TOP_N):
    """Horizontal stacked bars: characters per document by article role and noise reason.

    Parameters
    ----------
    segments : DataFrame from :func:`framing.segments` (doc_id, role, reason, n_chars).
    documents : DataFrame from :func:`framing.documents` (doc_id, outlet, title).
    max_rows : more documents than this: only the ``max_rows`` with the most page-noise
        characters are drawn, noisiest on top (every document is in the notebook's tables).
    """
    seg = segments.assign(part=segments.role.where(segments.role != "boilerplate", "noise: " + segments.reason))
    table = seg.pivot_table(index="doc_id", columns="part", values="n_chars", aggfunc="sum", fill_value=0)
    article = [r for r in ROLE_COLORS if r in table.columns]
    noise = sorted(c for c in table.columns if c.startswith("noise: "))
    table = table[article + noise]
    total = len(table)
    if total > max_rows:
        table = table.loc[pick_rows(table[noise].sum(axis=1), max_rows)]
    table = table.iloc[::-1]  # first row on top
    colors = [ROLE_COLORS[r] for r in article] + NOISE_COLORS[: len(noise)]
    fig, ax = figure_for(ax, rows_height(len(table), 2.4, row=0.6))
    labels = source_labels(documents)
    table.index = [labels.get(d, d) for d in table.index]
    table.plot.barh(stacked=True, ax=ax, color=colors, width=0.7, legend=False)
    ax.set_xlabel("characters in the capture")
    ax.set_ylabel("")
    _ticks(ax)
    _title(ax, "What each capture is made of: article text (blue) and labelled page noise (warm)",
           shown_note(len(table), total, f"the {len(table)} captures with the most page noise"))
    _legend_below(ax, ncol=3)
    footnote(fig, SOURCE_NOTE)
    return fig


# --------------------------------------------------------------------------- terms and quotes

PER_1K = "hits per 1,000 article words"


def rate_heatmap(rates, documents, categories=None, ax=None, max_rows: int = TOP_N):
    """Heatmap: rate of loaded terms per 1,000 article words, document x category.

    Parameters
    ----------
    rates : long DataFrame from :func:`framing.terms.term_rates` (doc_id, category, voice,
        n_hits, n_tokens, per_1k); rows with ``voice == "all"`` are drawn.
    documents : DataFrame from :func:`framing.documents`.
    categories : list of str, optional
        Columns in this order (default: every category with a hit, by total hits), plus an
        ``ALL_LOADED`` column when present in ``rates``.
    max_rows : more documents than this: only the ``max_rows`` with the highest rate of loaded
        terms are drawn, highest on top.

    Each cell shows the rate and, below it, the hit count; each row label carries the word count.
    """
    r = rates[rates.voice == "all"]
    per = r.pivot_table(index="doc_id", columns="category", values="per_1k", aggfunc="sum", fill_value=0)
    n = r.pivot_table(index="doc_id", columns="category", values="n_hits", aggfunc="sum", fill_value=0)
    if categories is None:
        tot = n.drop(columns=[c for c in n.columns if c.startswith("ALL_")]).sum()
        categories = sorted(tot[tot > 0].index, key=lambda c: (-tot[c], c))
    cols = list(categories) + (["ALL_LOADED"] if "ALL_LOADED" in per.columns else [])
    per, n = per.reindex(columns=cols, fill_value=0), n.reindex(columns=cols, fill_value=0)
    total = len(per)
    if total > max_rows:
        score = per["ALL_LOADED"] if "ALL_LOADED" in per.columns else per.sum(axis=1)
        keep = pick_rows(score, max_rows)
        per, n = per.loc[keep], n.loc[keep]
    words = r.drop_duplicates("doc_id").set_index("doc_id")["n_tokens"]
    labels = source_labels(documents)
    fig, ax = figure_for(ax, rows_height(len(per), 2.8))
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
            ax.text(j, i, f"{v:.1f}\n({k})" if k else "·", ha="center", va="center", fontsize=ANNOT_PT,
                    color="white" if dark else "#222", linespacing=1.0)
    ax.set_xticks(range(len(cols)))
    ax.set_xticklabels([c.replace("_", " ") if c != "ALL_LOADED" else "ALL LOADED" for c in cols],
                       rotation=35, ha="right")
    ax.set_yticks(range(len(per)))
    ax.set_yticklabels([f"{labels.get(d, d)}\n{int(words.get(d, 0)):,} words" for d in per.index],
                       linespacing=1.0)
    _ticks(ax)
    cb = fig.colorbar(im, ax=ax, fraction=0.03, pad=0.02)
    cb.set_label(PER_1K, fontsize=TICK_PT)
    cb.ax.tick_params(labelsize=TICK_PT)
    _title(ax, "Loaded terms by category: rate per 1,000 article words (hit count in brackets)",
           shown_note(len(per), total, f"the {len(per)} sources with the highest rate of loaded terms"))
    footnote(fig, TERMS_NOTE)
    return fig


def voice_bars(rates, documents, ax=None, max_rows: int = TOP_N):
    """Stacked horizontal bars: loaded-term rate split into the writer's voice and quoted sources.

    Parameters
    ----------
    rates : long DataFrame from :func:`framing.terms.term_rates` with an ``ALL_LOADED`` category
        (authorial + quoted rates share one denominator, so the two segments add up to the total).
    documents : DataFrame from :func:`framing.documents`.
    max_rows : more documents than this: only the ``max_rows`` with the highest loaded-term
        rate are drawn, highest on top.
    """
    r = rates[rates.category == "ALL_LOADED"]
    per = r.pivot_table(index="doc_id", columns="voice", values="per_1k", aggfunc="sum", fill_value=0)
    n = r.pivot_table(index="doc_id", columns="voice", values="n_hits", aggfunc="sum", fill_value=0)
    per = per.reindex(columns=["authorial", "quoted"], fill_value=0)
    total = len(per)
    if total > max_rows:
        per = per.loc[pick_rows(per.sum(axis=1), max_rows)]
    per = per.iloc[::-1]  # first row on top
    n = n.reindex(index=per.index, columns=["authorial", "quoted", "all"], fill_value=0)
    words = r.drop_duplicates("doc_id").set_index("doc_id")["n_tokens"]
    labels = source_labels(documents)
    fig, ax = figure_for(ax, rows_height(len(per), 2.2))
    y = range(len(per))
    ax.barh(y, per["authorial"], color="#6c757d", label="writer's own voice (authorial)", height=0.65)
    ax.barh(y, per["quoted"], left=per["authorial"], color="#e07a5f", label="inside a quotation (quoted)",
            height=0.65)
    xmax = float(per.sum(axis=1).max()) if len(per) else 1.0
    for i, d in enumerate(per.index):
        tot = int(n.at[d, "all"])
        share = n.at[d, "quoted"] / tot if tot else 0.0
        ax.text(per.loc[d].sum() + 0.01 * xmax, i, f"{share:.0%} quoted ({int(n.at[d, 'quoted'])} of {tot})",
                va="center", fontsize=ANNOT_PT)
    ax.set_yticks(list(y))
    ax.set_yticklabels([f"{labels.get(d, d)} ({int(words.get(d, 0)):,} words)" for d in per.index])
    ax.set_ylim(-0.6, len(per) - 0.4)
    ax.set_xlim(0, xmax * 1.35 if xmax > 0 else 1)
    ax.set_xlabel("loaded-term " + PER_1K)
    _ticks(ax)
    _title(ax, "Who carries the loaded language: the writer or the people quoted",
           shown_note(len(per), total, f"the {len(per)} sources with the highest rate of loaded terms"))
    ax.legend(loc="lower right", fontsize=LEGEND_PT, frameon=False)
    footnote(fig, TERMS_NOTE)
    return fig


def _stacked(ax, table, palette, xlabel, title, labels, ncol: int = 3):
    table = table.iloc[::-1]
    left = np.zeros(len(table))
    for col, colr in zip(table.columns, colors_for(table.columns, palette)):
        ax.barh(range(len(table)), table[col], left=left, color=colr, height=0.65,
                label=str(col).replace("_", " "))
        left = left + table[col].to_numpy(dtype=float)
    ax.set_yticks(range(len(table)))
    ax.set_yticklabels([labels.get(d, d) for d in table.index])
    ax.set_ylim(-0.6, len(table) - 0.4)
    ax.set_xlabel(xlabel)
    ax.set_title(title, fontsize=10)
    _ticks(ax)
    if len(table.columns):
        _legend_below(ax, ncol=ncol)


def quoted_words_bars(summary, documents, max_rows: int = TOP_N):
    """Two panels of stacked bars: quoted words per document by speaker role and by side.

    Parameters
    ----------
    summary : DataFrame from :func:`framing.quotes.quote_summary` (``words_role_*``, ``words_side_*``).
    documents : DataFrame from :func:`framing.documents`.
    max_rows : more documents than this: only the ``max_rows`` quoting the most words are drawn.
    """
    s = summary.set_index("doc_id")
    roles = s[[c for c in s.columns if c.startswith("words_role_")]].rename(columns=lambda c: c[11:])
    sides = s[[c for c in s.columns if c.startswith("words_side_")]].rename(columns=lambda c: c[11:])
    order = [k for k in ROLE_PALETTE if k in roles.columns] + sorted(c for c in roles.columns if c not in ROLE_PALETTE)
    roles = roles[order]
    sorder = [k for k in SIDE_PALETTE if k in sides.columns] + sorted(c for c in sides.columns if c not in SIDE_PALETTE)
    sides = sides[sorder]
    total = len(s)
    if total > max_rows:
        keep = pick_rows(roles.sum(axis=1), max_rows)
        roles, sides = roles.loc[keep], sides.loc[keep]
    labels = source_labels(documents, width=28)
    fig, (a1, a2) = new_figure(rows_height(len(roles), 2.8, row=0.5), ncols=2, width=10, sharey=True)
    _stacked(a1, roles, ROLE_PALETTE, "quoted words", "by the speaker's role", labels)
    _stacked(a2, sides, SIDE_PALETTE, "quoted words", "by side (speaker registry: warns, defends, neutral)",
             labels)
    note = shown_note(len(roles), total, f"the {len(roles)} sources quoting the most words")
    _suptitle(fig, "Whose words each source carries (quotations and reported speech, scare quotes left out)", note)
    footnote(fig, QUOTES_NOTE + "; roles and sides from the story pack's speaker registry, else role rules "
              "and quote cues")
    return fig


def quote_kinds_bars(summary, documents, max_rows: int = TOP_N):
    """Left: number of quotes per document by kind. Right: share of quoted words with no speaker.

    Parameters
    ----------
    summary : DataFrame from :func:`framing.quotes.quote_summary` (``n_<kind>``, ``quoted_words``,
        ``share_no_speaker``).
    documents : DataFrame from :func:`framing.documents`.
    max_rows : more documents than this: only the ``max_rows`` with the most quotes are drawn.
    """
    s = summary.set_index("doc_id")
    kinds = [k for k in KIND_PALETTE if f"n_{k}" in s.columns]
    counts = s[[f"n_{k}" for k in kinds]].rename(columns=lambda c: c[2:])
    total = len(s)
    if total > max_rows:
        keep = pick_rows(counts.sum(axis=1), max_rows)
        counts, s = counts.loc[keep], s.loc[keep]
    labels = source_labels(documents, width=28)
    fig, (a1, a2) = new_figure(rows_height(len(s), 2.8, row=0.5), ncols=2, width=10, sharey=True,
                               gridspec_kw={"width_ratios": [3, 2]})
    _stacked(a1, counts, KIND_PALETTE, "number of quotes", "quotes by kind", labels)
    sh = s["share_no_speaker"].iloc[::-1]
    a2.barh(range(len(sh)), sh, color="#e07a5f", height=0.65)
    for i, d in enumerate(sh.index):
        a2.text(sh[d] + 0.02, i, f"{sh[d]:.0%} of {int(s.at[d, 'quoted_words']):,} words", va="center",
                fontsize=ANNOT_PT)
    a2.set_xlim(0, 1.3)
    a2.set_xticks([0, 0.25, 0.5, 0.75, 1])
    a2.set_xticklabels(["0%", "25%", "50%", "75%", "100%"])
    a2.set_xlabel("share of quoted words with no speaker")
    a2.set_title("quoted words nobody is named for", fontsize=10)
    _ticks(a2)
    note = shown_note(len(s), total, f"the {len(s)} sources with the most quotes")
    _suptitle(fig, "How each source quotes: kinds of quotation, and words with no speaker", note)
    footnote(fig, QUOTES_NOTE)
    return fig


def carrier_bars(table, documents, max_rows: int = TOP_N):
    """Stacked horizontal bars: loaded-term rate per document by who carries the term.

    Parameters
    ----------
    table : DataFrame indexed by doc_id, one column per carrier (``writer``, a speaker role,
        ``no speaker``...), values in hits per 1,000 article words.
    documents : DataFrame from :func:`framing.documents`.
    max_rows : more documents than this: only the ``max_rows`` with the highest loaded-term
        rate are drawn.
    """
    order = [k for k in ["writer"] + list(ROLE_PALETTE) if k in table.columns]
    order = list(dict.fromkeys(order)) + sorted(c for c in table.columns if c not in ROLE_PALETTE)
    total = len(table)
    if total > max_rows:
        table = table.loc[pick_rows(table.sum(axis=1), max_rows)]
    labels = source_labels(documents)
    fig, ax = new_figure(rows_height(len(table), 2.8))
    note = shown_note(len(table), total, f"the {len(table)} sources with the highest rate of loaded terms")
    _stacked(ax, table[order], ROLE_PALETTE, "loaded-term " + PER_1K, "", labels, ncol=4)
    _title(ax, "Loaded terms by who carries them: the writer, or a quoted speaker's role", note)
    footnote(fig, TERMS_NOTE + "; speakers from framing.quotes")
    return fig


# --------------------------------------------------------------------------- stance figures


def index_intervals(boot, stance, labels, thresholds, ax=None, max_rows: int = TOP_N):
    """Dot and 95% bootstrap interval of the alarm index per source, coloured by frame.

    Parameters
    ----------
    boot : DataFrame of :func:`framing.stance.bootstrap_index` (doc_id, alarm_index, index_low,
        index_high, n_boot).
    stance : DataFrame of :func:`framing.stance.stance_table` (doc_id, frame).
    labels : dict doc_id -> axis label.
    thresholds : {"alarmist": float, "skeptical": float}.
    max_rows : more sources than this: the ``max_rows // 2`` highest and the rest lowest
        indices are drawn, with a gap between them.
    """
    b = boot.merge(stance[["doc_id", "frame"]], on="doc_id").set_index("doc_id")
    total = len(b)
    ids, gap = _ends(b["alarm_index"], max_rows)
    b = b.loc[ids].reset_index()
    n = len(b)
    y = _y_with_gap(n, gap)
    top = float(y[-1]) if n else 0.0
    fig, ax = figure_for(ax, rows_height(n + (gap is not None), 2.6, row=0.5))
    lo, hi = b["index_low"].to_numpy(), b["index_high"].to_numpy()
    pts = b["alarm_index"].to_numpy(dtype=float)
    xmin = min(float(np.nanmin(np.r_[lo, pts])) if n else 0.0, thresholds["skeptical"]) - 0.15
    xmax = max(float(np.nanmax(np.r_[hi, pts])) if n else 0.0, thresholds["alarmist"]) + 0.15
    ax.axvspan(xmin, thresholds["skeptical"], color=FRAME_COLORS["skeptical"], alpha=0.07, lw=0)
    ax.axvspan(thresholds["alarmist"], xmax, color=FRAME_COLORS["alarmist"], alpha=0.07, lw=0)
    for name in ("skeptical", "alarmist"):
        ax.axvline(thresholds[name], color=FRAME_COLORS[name], ls="--", lw=1)
        ax.text(thresholds[name], top + 0.65, f" {name} threshold {thresholds[name]:+.1f}", fontsize=ANNOT_PT,
                color=FRAME_COLORS[name], ha="left" if name == "alarmist" else "right", va="bottom")
    ax.axvline(0, color="#ccc", lw=0.8, zorder=0)
    colors = [FRAME_COLORS.get(f, "#555") for f in b["frame"]]
    ax.hlines(y, lo, hi, colors=colors, lw=2.5)
    ax.scatter(b["alarm_index"], y, c=colors, s=60 if n <= 12 else 40, zorder=3, edgecolor="white")
    for yi, (x, f) in zip(y, zip(b["alarm_index"], b["frame"])):
        ax.annotate(f"{x:+.2f} {f}", (x, yi), xytext=(0, 6), textcoords="offset points", ha=_ha(x, xmin, xmax),
                    fontsize=ANNOT_PT, color="#333")
    ax.set_yticks(y, [labels.get(d, d) for d in b["doc_id"]])
    _mark_gap(ax, gap, total - n)
    ax.set_ylim(-0.6, top + 1.3)
    ax.set_xlim(xmin, xmax)
    nb = int(b["n_boot"].iloc[0]) if n else 0
    ax.set_xlabel("alarm index (weighted mean of clipped z-scores; higher = more alarmist)")
    _ticks(ax)
    _title(ax, f"Alarm index per source with 95% bootstrap interval ({nb} resamples of sentences)",
           _ends_note(n, total))
    footnote(fig, STANCE_NOTE)
    return fig


def contribution_bars(contrib, labels, order=None, top: int = 9, ax=None, max_rows: int = TOP_N):
    """Diverging stacked bars: how much each feature pushes each source's index up or down.

    Parameters
    ----------
    contrib : long DataFrame of :func:`framing.stance.index_contributions` (doc_id, feature,
        contribution); per document the contributions sum to the index.
    labels : dict doc_id -> axis label.
    order : list of doc_ids, bottom to top (default: by index).
    top : the ``top`` features with the largest total absolute contribution get their own
        colour; the rest are pooled as "other features".
    max_rows : more sources than this: the ``max_rows // 2`` highest and the rest lowest
        indices are drawn (in ``order``), with a gap between them when ``order`` is by index.
    """
    c = contrib[contrib["weight"] > 0] if "weight" in contrib else contrib
    wide = c.pivot_table(index="doc_id", columns="feature", values="contribution", aggfunc="sum", fill_value=0.0)
    total_index = wide.sum(axis=1)
    if order is None:
        order = list(total_index.sort_values(kind="stable").index)
    order = [d for d in order if d in wide.index]
    total = len(order)
    gap = None
    if total > max_rows:
        keep, _ = _ends(total_index.loc[order], max_rows)
        low = set(keep[: max_rows - max_rows // 2])
        order = [d for d in order if d in set(keep)]
        k = sum(d in low for d in order[: len(low)])
        gap = len(low) if k == len(low) else None  # the two ends stay apart only when order is by index
    wide = wide.loc[order]
    mag = wide.abs().sum().sort_values(ascending=False)
    keep_f = [f for f in mag.index[:top] if mag[f] > 0]
    rest = [f for f in wide.columns if f not in keep_f]
    if rest:
        wide["other features"] = wide[rest].sum(axis=1)
        keep_f = keep_f + ["other features"]
    wide = wide[keep_f]
    n = len(wide)
    fig, ax = figure_for(ax, rows_height(n + (gap is not None), 3.4))
    y = _y_with_gap(n, gap)
    pos, neg = np.zeros(n), np.zeros(n)
    for k, f in enumerate(keep_f):
        v = wide[f].to_numpy()
        col = "#d9d9d9" if f == "other features" else FEATURE_COLORS[k % len(FEATURE_COLORS)]
        left = np.where(v >= 0, pos, neg)
        ax.barh(y, v, left=left, color=col, height=0.6, label=f, edgecolor="white", lw=0.5)
        pos += np.where(v >= 0, v, 0)
        neg += np.where(v < 0, v, 0)
    ax.scatter(total_index.loc[order], y, marker="D", color="black", s=28, zorder=4, label="alarm index (sum)")
    ax.axvline(0, color="#333", lw=0.8)
    ax.set_yticks(y, [labels.get(d, d) for d in order])
    _mark_gap(ax, gap, total - n)
    ax.set_ylim(-0.6, (float(y[-1]) if n else 0.0) + 0.6)
    ax.set_xlabel("contribution to the alarm index (weight × sign × z / total weight); right = toward alarm")
    _ticks(ax)
    _title(ax, "What moves each source's alarm index: contribution of each weighted feature",
           _ends_note(n, total) if gap is not None else shown_note(n, total, f"{n} sources"))
    _legend_below(ax, ncol=3)
    footnote(fig, STANCE_NOTE)
    return fig


def target_tone(tone, labels, order=None, ax=None, index=None, max_rows: int = TOP_N):
    """Heatmap of mean authorial VADER compound per source and target, with sentence counts.

    Parameters
    ----------
    tone : DataFrame of :func:`framing.stance.target_sentiment` (doc_id, target, n_sentences,
        mean_compound).
    labels : dict doc_id -> row label.
    order : list of doc_ids, top to bottom.
    index : optional Series (or dict) doc_id -> alarm index. With more sources than
        ``max_rows``, the ``max_rows // 2`` highest and the rest lowest indices are drawn (in
        ``order``); without it, the first and last rows of ``order``.
    """
    m = tone.pivot(index="doc_id", columns="target", values="mean_compound")
    k = tone.pivot(index="doc_id", columns="target", values="n_sentences").fillna(0).astype(int)
    targets = list(dict.fromkeys(tone["target"]))
    order = list(m.index) if order is None else [d for d in order if d in m.index]
    total = len(order)
    gap, what = None, ""
    if total > max_rows:
        hi = max_rows // 2
        if index is not None:
            idx = pd.Series(index, dtype=float).reindex(order)
            keep, _ = _ends(idx, max_rows)
            high = set(keep[len(keep) - hi:])
            what = "alarm indices"
        else:
            keep = order[:hi] + order[len(order) - (max_rows - hi):]
            high = set(order[:hi])
        order = [d for d in order if d in set(keep)]
        if all(d in high for d in order[:hi]):  # the two ends stay apart when order follows them
            gap = hi
        elif all(d in high for d in order[len(order) - hi:]):
            gap = len(order) - hi
    m, k = m.loc[order, targets], k.loc[order, targets]
    n = len(m)
    fig, ax = figure_for(ax, rows_height(n + (gap is not None), 2.8))
    vals = m.to_numpy(dtype=float)
    cnt = k.to_numpy()
    rows = np.arange(n, dtype=float)
    if gap is not None:
        rows[gap:] += 1
        vals = np.insert(vals, gap, np.nan, axis=0)
        cnt = np.insert(cnt, gap, -1, axis=0)
    cmap = plt.get_cmap("RdBu").copy()
    cmap.set_bad("#eeeeee")
    shown = np.ma.masked_invalid(vals)
    im = ax.imshow(shown, cmap=cmap, vmin=-0.6, vmax=0.6, aspect="auto")
    if gap is not None:
        ax.add_patch(plt.Rectangle((-0.5, gap - 0.5), len(targets), 1, color="white", zorder=2))
        ax.text((len(targets) - 1) / 2, gap, f"⋯  {total - n:,} sources in between, not drawn (see the table)  ⋯",
                ha="center", va="center", fontsize=ANNOT_PT, color="#555", zorder=3)
    for i in range(vals.shape[0]):
        for j in range(vals.shape[1]):
            c = cnt[i, j]
            if c < 0:
                continue
            txt = "no sentence" if c == 0 else f"{vals[i, j]:+.2f}\nn={c}"
            ax.text(j, i, txt, ha="center", va="center", fontsize=ANNOT_PT, linespacing=1.0,
                    color="#777" if c == 0 else ("white" if abs(vals[i, j]) > 0.4 else "#222"))
    ax.set_xticks(range(len(targets)), [t.replace("_", "\n", 1).replace("_", " ") for t in targets])
    ax.set_yticks(rows, [labels.get(d, d) for d in order])
    ax.set_xlabel("target named in the sentence")
    _ticks(ax)
    note = (_ends_note(n, total) if what else
            shown_note(n, total, f"the first {max_rows // 2} and last {n - max_rows // 2} rows"))
    _title(ax, "Writer's tone toward each actor: mean VADER compound of authorial sentences", note)
    cb = fig.colorbar(im, ax=ax, fraction=0.04, pad=0.02)
    cb.set_label("mean compound (−1 negative … +1 positive)", fontsize=TICK_PT)
    cb.ax.tick_params(labelsize=TICK_PT)
    footnote(fig, TONE_NOTE)
    return fig


def similarity_heatmap(sim, labels, ax=None, index=None, max_rows: int = MATRIX_TOP_N):
    """Heatmap of pairwise cosine similarity (TF-IDF) between sources, values printed.

    Parameters
    ----------
    sim : square DataFrame of :func:`framing.stance.tfidf_similarity` (doc_id x doc_id).
    labels : dict doc_id -> label.
    index : optional Series (or dict) doc_id -> alarm index. With more sources than
        ``max_rows``, the ``max_rows // 2`` highest and the rest lowest indices are drawn (in
        ``sim``'s order), so the matrix compares the two ends; without it, the first and last
        rows of ``sim``.

    Values are printed in the cells up to :data:`~framing.report.style.CELL_TEXT_MAX` sources;
    above that the colour bar reads them.
    """
    total = len(sim)
    note, edge = "", None
    if total > max_rows:
        hi = max_rows // 2
        if index is not None:
            keep, _ = _ends(pd.Series(index, dtype=float).reindex(sim.index), max_rows)
            high = set(keep[len(keep) - hi:])
            note = _ends_note(max_rows, total, listed=False)
        else:
            keep = list(sim.index[:hi]) + list(sim.index[total - (max_rows - hi):])
            high = set(sim.index[:hi])
            note = shown_note(max_rows, total, f"the first {hi} and last {max_rows - hi} rows", listed=False)
        ids = [d for d in sim.index if d in set(keep)]
        sim = sim.loc[ids, ids]
        if set(ids[:hi]) == high:  # the two ends apart, when the matrix's order follows them
            edge = hi
        elif set(ids[len(ids) - hi:]) == high:
            edge = len(ids) - hi
    n = len(sim)
    cell = min(0.55, 5.5 / max(n, 1))
    fig, ax = figure_for(ax, min(cell * n + 3.4, rows_height(n, 3.4)))
    vals = sim.to_numpy(dtype=float)
    off = vals[~np.eye(n, dtype=bool)] if n > 1 else np.array([1.0])
    vmax = max(float(off.max()), 0.05)
    im = ax.imshow(np.where(np.eye(n, dtype=bool), np.nan, vals), cmap="Purples", vmin=0, vmax=vmax)
    if n <= CELL_TEXT_MAX:
        for i in range(n):
            for j in range(n):
                ax.text(j, i, "—" if i == j else f"{vals[i, j]:.2f}", ha="center", va="center", fontsize=TICK_PT,
                        color="white" if i != j and vals[i, j] > 0.7 * vmax else "#222")
    if edge is not None:  # the two ends apart: a line between them, across and down
        ax.axhline(edge - 0.5, color="#333", lw=1.2)
        ax.axvline(edge - 0.5, color="#333", lw=1.2)
    names = [labels.get(d, d) for d in sim.index]
    ax.set_xticks(range(n), names, rotation=30 if n <= CELL_TEXT_MAX else 60, ha="right")
    ax.set_yticks(range(n), names)
    _ticks(ax)
    _title(ax, "How alike are the texts? Cosine similarity of TF-IDF word vectors", note)
    cb = fig.colorbar(im, ax=ax, fraction=0.04, pad=0.02)
    cb.set_label("cosine similarity (0 = no shared vocabulary, 1 = identical)", fontsize=TICK_PT)
    cb.ax.tick_params(labelsize=TICK_PT)
    footnote(fig, SIM_NOTE)
    return fig


def _place_labels(ax, points, texts, priority, limit: int, avoid=(), backed: bool = False) -> int:
    """Annotate up to ``limit`` points, most important first, each beside its point where it
    overlaps no label placed before it (nor the boxes in ``avoid``), inside the axes; a point
    with no free spot stays unlabelled. ``backed``: on a pale box, to read over a crowd of
    points. Returns the number labelled."""
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    taken = [b for b in avoid]
    spots = [(6, 5, "left", "bottom"), (6, -5, "left", "top"), (-6, 5, "right", "bottom"),
             (-6, -5, "right", "top"), (0, 8, "center", "bottom"), (0, -8, "center", "top")]
    done = 0
    for i in priority:
        if done >= limit:
            break
        for dx, dy, ha, va in spots:
            t = ax.annotate(texts[i], points[i], xytext=(dx, dy), textcoords="offset points", ha=ha, va=va,
                            fontsize=ANNOT_PT, color="#222", zorder=4,
                            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.75, "pad": 0.6}
                            if backed else None)
            t.set_in_layout(False)
            bb = t.get_window_extent(renderer).padded(1)
            inside = frame.x0 <= bb.x0 and bb.x1 <= frame.x1 and frame.y0 <= bb.y0 and bb.y1 <= frame.y1
            if inside and not any(bb.overlaps(o) for o in taken):
                taken.append(bb)
                done += 1
                break
            t.remove()
    return done


def pca_map(fmap, stance, labels, n_loadings: int = 3, ax=None, max_labels: int = LABEL_MAX):
    """Scatter of the documents on the first two principal components of their standardised
    features, coloured by frame, with the strongest loadings of each axis.

    Parameters
    ----------
    fmap : DataFrame of :func:`framing.stance.feature_map` (doc_id, pc1, pc2; ``.attrs``
        explained_variance_ratio and loadings).
    stance : DataFrame of :func:`framing.stance.stance_table` (doc_id, frame, alarm_index).
    labels : dict doc_id -> point label.
    max_labels : at most this many points are labelled (with the label and the index), in turn
        the highest index, the lowest, the point farthest from the centre, and so on, each where
        its label finds a free spot beside its point.
    """
    d = fmap.merge(stance[["doc_id", "frame", "alarm_index"]], on="doc_id")
    evr = fmap.attrs.get("explained_variance_ratio", [0.0, 0.0])
    load = fmap.attrs.get("loadings")
    fig, ax = figure_for(ax, 5.8)
    many = len(d) > max_labels
    for f, g in d.groupby("frame", sort=True):
        ax.scatter(g["pc1"], g["pc2"], s=70 if not many else 36, color=FRAME_COLORS.get(f, "#555"),
                   label=f"frame: {f}", edgecolor="white", lw=0.6, zorder=3, alpha=1 if not many else 0.85)
    xs, ys = d["pc1"].to_numpy(dtype=float), d["pc2"].to_numpy(dtype=float)
    ax.axhline(0, color="#ddd", lw=0.8, zorder=0)
    ax.axvline(0, color="#ddd", lw=0.8, zorder=0)
    x0, x1 = ax.get_xlim()
    ax.set_xlim(x0, x1 + 0.35 * (x1 - x0))   # room for the labels
    y0, y1 = ax.get_ylim()
    ax.set_ylim(y0 - 0.08 * (y1 - y0), y1 + 0.25 * (y1 - y0))   # room for the loadings box
    ax.set_xlabel(f"PC1 ({evr[0]:.0%} of variance; units: signed z-scores)")
    ax.set_ylabel(f"PC2 ({evr[1]:.0%} of variance)")
    _ticks(ax)
    _legend_below(ax, ncol=4)
    box = None
    if load is not None and len(load):
        lines = []
        for pc in ("pc1", "pc2"):
            top = load[pc].abs().sort_values(ascending=False).index[:n_loadings]
            lines.append(f"{pc.upper()}: " + ", ".join(f"{f} {load.at[f, pc]:+.2f}" for f in top
                                                       if abs(load.at[f, pc]) > 1e-9))
        box = ax.text(0.01, 0.99, "Strongest loadings\n" + "\n".join(lines), transform=ax.transAxes, va="top",
                      fontsize=ANNOT_PT, color="#333",
                      bbox={"facecolor": "white", "edgecolor": "#ddd", "alpha": 0.9})
    title = "Map of the sources' stance-feature vectors (PCA of signed z-scores)"
    _title(ax, title, "Labelled: the sources with the highest and lowest indices" if many else "")
    footnote(fig, STANCE_NOTE + "; PCA: scikit-learn")
    sx, sy = (float(np.std(xs)) or 1.0), (float(np.std(ys)) or 1.0)
    dist = np.hypot((xs - xs.mean()) / sx, (ys - ys.mean()) / sy) if len(xs) else np.array([])
    ids = [str(x) for x in d["doc_id"]]
    idx = d["alarm_index"].to_numpy(dtype=float)
    scored = [i for i in range(len(d)) if idx[i] == idx[i]]
    queues = [sorted(scored, key=lambda i: (-idx[i], ids[i])), sorted(scored, key=lambda i: (idx[i], ids[i])),
              sorted(range(len(d)), key=lambda i: (-dist[i], ids[i]))]
    priority = list(dict.fromkeys(i for trio in zip(*queues) for i in trio))  # highest, lowest, outlier, ...
    priority += [i for i in range(len(d)) if i not in set(priority)]
    texts = [labels.get(r.doc_id, r.doc_id) + (f" ({r.alarm_index:+.2f})" if r.alarm_index == r.alarm_index else "")
             for r in d.itertuples(index=False)]
    avoid = [box.get_window_extent(fig.canvas.get_renderer()).padded(2)] if box is not None else []
    k = _place_labels(ax, list(zip(xs, ys)), texts, priority, max_labels, avoid, backed=many)
    if many or k < len(d):
        _title(ax, title, f"Labelled: {k} of {len(d):,} sources, the highest and lowest alarm indices and the "
                          "points farthest out, where a label fits")
    return fig


def rank_ranges(docs, boot, labels, ax=None, max_rows: int = TOP_N):
    """Two panels: rank range of each source under weight perturbation, and the share of
    bootstrap replicates falling in each frame.

    Parameters
    ----------
    docs : ``weight_perturbation(...)["docs"]`` (doc_id, rank, rank_min, rank_max,
        share_same_frame).
    boot : DataFrame of :func:`framing.stance.bootstrap_index` (doc_id, p_alarmist, p_neutral,
        p_skeptical).
    labels : dict doc_id -> label.
    max_rows : more sources than this: only the ``max_rows`` whose frame is least stable under
        resampling (the lowest share of replicates in any one frame) are drawn.
    """
    d = docs.sort_values("rank", ascending=False)
    total = len(d)
    b = boot.set_index("doc_id")
    if total > max_rows:
        p = b.reindex(d["doc_id"])[["p_skeptical", "p_neutral", "p_alarmist"]].max(axis=1)
        keep = set(pick_rows(-p.fillna(1.0), max_rows))
        d = d[d["doc_id"].isin(keep)]
    n = len(d)
    fig, (a1, a2) = new_figure(rows_height(n, 3.2, row=0.5), ncols=2, sharey=True)
    y = np.arange(n)
    a1.hlines(y, d["rank_min"], d["rank_max"], color="#6c757d", lw=6, alpha=0.5, label="range over draws")
    a1.scatter(d["rank"], y, color="black", zorder=3, s=36 if n <= 12 else 20, label="rank with documented weights")
    a1.set_yticks(y, [labels.get(x, x) for x in d["doc_id"]])
    a1.set_ylim(-0.6, n - 0.4)
    a1.set_xlim(total + 0.5, 0.5)
    if total <= 12:
        a1.set_xticks(range(1, total + 1))
    else:
        a1.xaxis.set_major_locator(plt.MaxNLocator(nbins=6, integer=True))
    a1.set_xlabel("rank by alarm index (1 = most alarmist)")
    a1.set_title("Rank under random re-weighting", fontsize=10)
    _legend_below(a1, ncol=1)
    bb = b.loc[d["doc_id"]]
    left = np.zeros(n)
    for f in ("skeptical", "neutral", "alarmist"):
        v = bb[f"p_{f}"].to_numpy()
        a2.barh(y, v, left=left, color=FRAME_COLORS[f], height=0.6, label=f)
        left += v
    a2.set_xlim(0, 1)
    a2.set_xlabel("share of bootstrap replicates in each frame")
    a2.set_title("Frame under resampling of sentences", fontsize=10)
    _legend_below(a2, ncol=3)
    _ticks(a1, a2)
    note = shown_note(n, total, f"the {n} sources whose frame is least stable under resampling")
    _suptitle(fig, "How stable are the ordering and the frames?", note)
    footnote(fig, STANCE_NOTE)
    return fig


def analyst_comparison(boot, coded, labels, thresholds, ax=None, max_rows: int = TOP_N):
    """The alarm index with its bootstrap interval, sources grouped by the analyst's frame.

    Parameters
    ----------
    boot : DataFrame of :func:`framing.stance.bootstrap_index` (doc_id, alarm_index, index_low,
        index_high).
    coded : DataFrame with ``doc_id``, ``analyst_frame`` (alarmist / neutral / skeptical) and
        ``frame`` (the index's frame).
    labels : dict doc_id -> label.
    thresholds : {"alarmist": float, "skeptical": float}.
    max_rows : more coded sources than this: only the ``max_rows`` whose index lies farthest
        outside the analyst's frame are drawn (the disagreements a reviewer should read first).

    Points are coloured by the analyst's frame; a hollow marker means the index's frame differs.
    """
    order = {"skeptical": 0, "neutral": 1, "alarmist": 2}
    d = boot.merge(coded[["doc_id", "analyst_frame", "frame"]], on="doc_id")
    total = len(d)
    if total > max_rows:
        lo_t, hi_t = thresholds["skeptical"], thresholds["alarmist"]
        x = d["alarm_index"].to_numpy(dtype=float)
        miss = np.select([d.analyst_frame == "alarmist", d.analyst_frame == "skeptical"],
                         [np.maximum(0, hi_t - x), np.maximum(0, x - lo_t)],
                         np.maximum.reduce([np.zeros_like(x), lo_t - x, x - hi_t]))
        d = d[d["doc_id"].isin(set(pick_rows(pd.Series(miss, index=d["doc_id"]), max_rows)))]
    d = d.assign(g=d.analyst_frame.map(order).fillna(-1)).sort_values(["g", "alarm_index"])
    n = len(d)
    fig, ax = figure_for(ax, rows_height(n, 2.8, row=0.5))
    y = np.arange(n)
    lo = min(float(min(d.index_low.min(), d.alarm_index.min())) if n else 0.0, thresholds["skeptical"]) - 0.15
    hi = max(float(max(d.index_high.max(), d.alarm_index.max())) if n else 0.0, thresholds["alarmist"]) + 0.15
    for name in ("skeptical", "alarmist"):
        ax.axvline(thresholds[name], color=FRAME_COLORS[name], ls="--", lw=1)
        ax.text(thresholds[name], n - 0.4, f" {name} threshold {thresholds[name]:+.1f} ", fontsize=ANNOT_PT,
                color=FRAME_COLORS[name], ha="left" if name == "alarmist" else "right", va="bottom")
    for yi, r in zip(y, d.itertuples(index=False)):
        col = FRAME_COLORS.get(r.analyst_frame, "#555")
        ax.hlines(yi, r.index_low, r.index_high, color=col, lw=2.5)
        same = r.analyst_frame == r.frame
        ax.scatter([r.alarm_index], [yi], s=70 if n <= 12 else 44, zorder=3, color=col if same else "white",
                   edgecolor=col, lw=2)
        ax.annotate(f"analyst: {r.analyst_frame} · index: {r.frame}", (r.alarm_index, yi), xytext=(0, 6),
                    textcoords="offset points", ha=_ha(r.alarm_index, lo, hi), fontsize=ANNOT_PT, color="#333")
    ax.set_yticks(y, [labels.get(x, x) for x in d.doc_id])
    ax.set_ylim(-0.6, n + 0.4)
    ax.set_xlim(lo, hi)
    ax.set_xlabel("alarm index with 95% bootstrap interval (higher = more alarmist)")
    _ticks(ax)
    _title(ax, "Alarm index against the analyst's coding (colour = analyst's frame; hollow = frames differ)",
           shown_note(n, total, f"the {n} sources whose index lies farthest outside the analyst's frame")
           .replace(" sources (", " coded sources ("), fontsize=11)
    footnote(fig, STANCE_NOTE + "; analyst coding: sources.csv")
    return fig


# --------------------------------------------------------------------------- the frame model


def reliability_plot(pred, bins: int = 5, ax=None):
    """Calibration of the frame model: for each frame, the share of pieces coded that frame against
    the mean predicted probability, per probability bin (one frame against the rest), with the
    diagonal of perfect calibration; point size follows the number of pieces in the bin.

    Parameters
    ----------
    pred : out-of-fold predictions (:func:`framing.stance.calibrate.load_loso_predictions`):
        ``label, p_alarmist, p_neutral, p_skeptical``.
    """
    from ..stance.calibrate import reliability_table

    rel = reliability_table(pred, bins=bins)
    rel = rel[rel["n"] > 0]
    fig, ax = figure_for(ax, 5.0)
    ax.plot([0, 1], [0, 1], color="#999", lw=1, ls="--", label="perfect calibration")
    for frame, g in rel.groupby("frame", sort=False):
        ax.plot(g["mean_predicted"], g["observed"], "-o", color=FRAME_COLORS[frame], label=frame,
                markersize=0)
        ax.scatter(g["mean_predicted"], g["observed"], s=12 * g["n"], color=FRAME_COLORS[frame], alpha=0.8)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xlabel("mean predicted probability of the frame (bin)")
    ax.set_ylabel("share of pieces coded that frame")
    ax.set_title(f"Frame model calibration: {len(pred)} development pieces, each scored by a model "
                 "that never saw its story", fontsize=10)
    ax.legend(loc="upper left", fontsize=9, frameon=False)
    footnote(fig, "Source: framing package, out-of-fold predictions (framing/data/alarm_model_loso.csv)")
    return fig
