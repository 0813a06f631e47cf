"""Figures used by the notebooks and the report: titled, labelled, sources named.

Every function returns the matplotlib ``Figure`` and draws nothing else; the
notebook ends the cell with ``plt.show()``. Colours, sizes, source notes and labels
come from :mod:`framing.report.style`.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from .style import (
    FEATURE_COLORS,
    FRAME_COLORS,
    KIND_PALETTE,
    NOISE_COLORS,
    QUOTES_NOTE,
    ROLE_COLORS,
    ROLE_PALETTE,
    SIDE_PALETTE,
    SIM_NOTE,
    SOURCE_NOTE,
    STANCE_NOTE,
    TERMS_NOTE,
    TONE_NOTE,
    colors_for,
    figure_for,
    footnote,
    short_label,
    source_labels,
)


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
    table.index = [short_label(d, outlets.get(d, "")) for d in table.index]
    table.plot.barh(stacked=True, ax=ax, color=colors, width=0.7, legend=False)
    ax.set_xlabel("characters in the capture")
    ax.set_ylabel("")
    ax.set_title("What each capture is made of: article text (blue) and labelled page noise (warm)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=3, fontsize=8, frameon=False)
    fig.text(0.01, 0.005, SOURCE_NOTE, fontsize=7, color="#555")
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- terms and quotes

PER_1K = "hits per 1,000 article words"


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
    footnote(fig, TERMS_NOTE)
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
    footnote(fig, TERMS_NOTE)
    fig.tight_layout(rect=(0, 0.02, 1, 1))
    return fig


def _stacked(ax, table, palette, xlabel, title, labels):
    import numpy as np

    table = table.iloc[::-1]
    left = np.zeros(len(table))
    for col, colr in zip(table.columns, colors_for(table.columns, palette)):
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
    footnote(fig, QUOTES_NOTE + "; roles and sides from the story pack's speaker registry, else role rules "
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
    footnote(fig, QUOTES_NOTE)
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
    footnote(fig, TERMS_NOTE + "; speakers from framing.quotes")
    fig.tight_layout(rect=(0, 0.02, 1, 1))
    return fig


# --------------------------------------------------------------------------- stance figures


def index_intervals(boot, stance, labels, thresholds, ax=None):
    """Dot and 95% bootstrap interval of the alarm index per source, coloured by frame.

    Parameters
    ----------
    boot : DataFrame of :func:`framing.stance.bootstrap_index` (doc_id, alarm_index, index_low,
        index_high, n_boot).
    stance : DataFrame of :func:`framing.stance.stance_table` (doc_id, frame).
    labels : dict doc_id -> axis label.
    thresholds : {"alarmist": float, "skeptical": float}.
    """
    b = boot.merge(stance[["doc_id", "frame"]], on="doc_id").sort_values("alarm_index")
    n = len(b)
    fig, ax = figure_for(ax, 0.5 * n + 2.4)
    y = np.arange(n)
    lo, hi = b["index_low"].to_numpy(), b["index_high"].to_numpy()
    xmin = min(float(np.nanmin(lo)), thresholds["skeptical"]) - 0.15
    xmax = max(float(np.nanmax(hi)), thresholds["alarmist"]) + 0.15
    ax.axvspan(xmin, thresholds["skeptical"], color=FRAME_COLORS["skeptical"], alpha=0.07, lw=0)
    ax.axvspan(thresholds["alarmist"], xmax, color=FRAME_COLORS["alarmist"], alpha=0.07, lw=0)
    for name in ("skeptical", "alarmist"):
        ax.axvline(thresholds[name], color=FRAME_COLORS[name], ls="--", lw=1)
        ax.text(thresholds[name], n - 0.35, f" {name} threshold {thresholds[name]:+.1f}", fontsize=8,
                color=FRAME_COLORS[name], ha="left" if name == "alarmist" else "right", va="bottom")
    ax.axvline(0, color="#ccc", lw=0.8, zorder=0)
    colors = [FRAME_COLORS.get(f, "#555") for f in b["frame"]]
    ax.hlines(y, lo, hi, colors=colors, lw=2.5)
    ax.scatter(b["alarm_index"], y, c=colors, s=60, zorder=3, edgecolor="white")
    for yi, (x, f) in enumerate(zip(b["alarm_index"], b["frame"])):
        ax.annotate(f"{x:+.2f} {f}", (x, yi), xytext=(0, 7), textcoords="offset points", ha="center",
                    fontsize=8, color="#333")
    ax.set_yticks(y, [labels.get(d, d) for d in b["doc_id"]])
    ax.set_ylim(-0.6, n - 0.1 + 0.5)
    ax.set_xlim(xmin, xmax)
    nb = int(b["n_boot"].iloc[0]) if len(b) else 0
    ax.set_xlabel("alarm index (weighted mean of clipped z-scores; higher = more alarmist)")
    ax.set_title(f"Alarm index per source with 95% bootstrap interval ({nb} resamples of sentences)")
    footnote(fig, STANCE_NOTE)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


def contribution_bars(contrib, labels, order=None, top: int = 9, ax=None):
    """Diverging stacked bars: how much each feature pushes each source's index up or down.

    Parameters
    ----------
    contrib : long DataFrame of :func:`framing.stance.index_contributions` (doc_id, feature,
        contribution); per document the contributions sum to the index.
    labels : dict doc_id -> axis label.
    order : list of doc_ids, bottom to top (default: by index).
    top : the ``top`` features with the largest total absolute contribution get their own
        colour; the rest are pooled as "other features".
    """
    c = contrib[contrib["weight"] > 0] if "weight" in contrib else contrib
    wide = c.pivot_table(index="doc_id", columns="feature", values="contribution", aggfunc="sum", fill_value=0.0)
    total = wide.sum(axis=1)
    if order is None:
        order = list(total.sort_values().index)
    wide = wide.loc[order]
    mag = wide.abs().sum().sort_values(ascending=False)
    keep = [f for f in mag.index[:top] if mag[f] > 0]
    rest = [f for f in wide.columns if f not in keep]
    if rest:
        wide["other features"] = wide[rest].sum(axis=1)
        keep = keep + ["other features"]
    wide = wide[keep]
    n = len(wide)
    fig, ax = figure_for(ax, 0.55 * n + 3.0)
    y = np.arange(n)
    pos, neg = np.zeros(n), np.zeros(n)
    for k, f in enumerate(keep):
        v = wide[f].to_numpy()
        col = "#d9d9d9" if f == "other features" else FEATURE_COLORS[k % len(FEATURE_COLORS)]
        left = np.where(v >= 0, pos, neg)
        ax.barh(y, v, left=left, color=col, height=0.6, label=f, edgecolor="white", lw=0.5)
        pos += np.where(v >= 0, v, 0)
        neg += np.where(v < 0, v, 0)
    ax.scatter(total.loc[order], y, marker="D", color="black", s=28, zorder=4, label="alarm index (sum)")
    ax.axvline(0, color="#333", lw=0.8)
    ax.set_yticks(y, [labels.get(d, d) for d in order])
    ax.set_xlabel("contribution to the alarm index (weight × sign × z / total weight); right = toward alarm")
    ax.set_title("What moves each source's alarm index: contribution of each weighted feature")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=3, fontsize=8, frameon=False)
    footnote(fig, STANCE_NOTE)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


def target_tone(tone, labels, order=None, ax=None):
    """Heatmap of mean authorial VADER compound per source and target, with sentence counts.

    Parameters
    ----------
    tone : DataFrame of :func:`framing.stance.target_sentiment` (doc_id, target, n_sentences,
        mean_compound).
    labels : dict doc_id -> row label.
    order : list of doc_ids, top to bottom.
    """
    m = tone.pivot(index="doc_id", columns="target", values="mean_compound")
    k = tone.pivot(index="doc_id", columns="target", values="n_sentences").fillna(0).astype(int)
    targets = list(dict.fromkeys(tone["target"]))
    order = list(m.index) if order is None else [d for d in order if d in m.index]
    m, k = m.loc[order, targets], k.loc[order, targets]
    fig, ax = figure_for(ax, 0.55 * len(m) + 2.6)
    vals = m.to_numpy(dtype=float)
    cmap = plt.get_cmap("RdBu").copy()
    cmap.set_bad("#eeeeee")
    im = ax.imshow(np.ma.masked_invalid(vals), cmap=cmap, vmin=-0.6, vmax=0.6, aspect="auto")
    for i in range(vals.shape[0]):
        for j in range(vals.shape[1]):
            n = k.iat[i, j]
            txt = "no sentence" if n == 0 else f"{vals[i, j]:+.2f}\nn={n}"
            ax.text(j, i, txt, ha="center", va="center", fontsize=8,
                    color="#777" if n == 0 else ("white" if abs(vals[i, j]) > 0.4 else "#222"))
    ax.set_xticks(range(len(targets)), [t.replace("_", "\n", 1).replace("_", " ") for t in targets], fontsize=9)
    ax.set_yticks(range(len(order)), [labels.get(d, d) for d in order])
    ax.set_xlabel("target named in the sentence")
    ax.set_title("Writer's tone toward each actor: mean VADER compound of authorial sentences")
    cb = fig.colorbar(im, ax=ax, fraction=0.04, pad=0.02)
    cb.set_label("mean compound (−1 negative … +1 positive)", fontsize=8)
    footnote(fig, TONE_NOTE)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


def similarity_heatmap(sim, labels, ax=None):
    """Heatmap of pairwise cosine similarity (TF-IDF) between sources, values printed.

    Parameters
    ----------
    sim : square DataFrame of :func:`framing.stance.tfidf_similarity` (doc_id x doc_id).
    labels : dict doc_id -> label.
    """
    n = len(sim)
    fig, ax = figure_for(ax, 0.55 * n + 3.2)
    vals = sim.to_numpy(dtype=float)
    off = vals[~np.eye(n, dtype=bool)] if n > 1 else np.array([1.0])
    vmax = max(float(off.max()), 0.05)
    im = ax.imshow(np.where(np.eye(n, dtype=bool), np.nan, vals), cmap="Purples", vmin=0, vmax=vmax)
    for i in range(n):
        for j in range(n):
            ax.text(j, i, "—" if i == j else f"{vals[i, j]:.2f}", ha="center", va="center", fontsize=9,
                    color="white" if i != j and vals[i, j] > 0.7 * vmax else "#222")
    names = [labels.get(d, d) for d in sim.index]
    ax.set_xticks(range(n), names, rotation=30, ha="right", fontsize=8)
    ax.set_yticks(range(n), names, fontsize=8)
    ax.set_title("How alike are the texts? Cosine similarity of TF-IDF word vectors")
    cb = fig.colorbar(im, ax=ax, fraction=0.04, pad=0.02)
    cb.set_label("cosine similarity (0 = no shared vocabulary, 1 = identical)", fontsize=8)
    footnote(fig, SIM_NOTE)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


def pca_map(fmap, stance, labels, n_loadings: int = 3, ax=None):
    """Scatter of the documents on the first two principal components of their standardised
    features, labelled and coloured by frame, with the strongest loadings of each axis.

    Parameters
    ----------
    fmap : DataFrame of :func:`framing.stance.feature_map` (doc_id, pc1, pc2; ``.attrs``
        explained_variance_ratio and loadings).
    stance : DataFrame of :func:`framing.stance.stance_table` (doc_id, frame, alarm_index).
    labels : dict doc_id -> point label.
    """
    d = fmap.merge(stance[["doc_id", "frame", "alarm_index"]], on="doc_id")
    evr = fmap.attrs.get("explained_variance_ratio", [0.0, 0.0])
    load = fmap.attrs.get("loadings")
    fig, ax = figure_for(ax, 5.5)
    for f, g in d.groupby("frame", sort=True):
        ax.scatter(g["pc1"], g["pc2"], s=70, color=FRAME_COLORS.get(f, "#555"), label=f"frame: {f}",
                   edgecolor="white", zorder=3)
    xs, ys = d["pc1"].to_numpy(), d["pc2"].to_numpy()
    dx = max(float(np.ptp(xs)) if len(xs) else 0.0, 1e-9)
    dy = max(float(np.ptp(ys)) if len(ys) else 0.0, 1e-9)
    for i, r in enumerate(d.itertuples(index=False)):
        # a point with a close neighbour above it takes its label below, so labels do not collide
        crowded = any(j != i and abs(xs[j] - xs[i]) < 0.25 * dx and 0 <= ys[j] - ys[i] < 0.12 * dy
                      for j in range(len(xs)))
        ax.annotate(f"{labels.get(r.doc_id, r.doc_id)} ({r.alarm_index:+.2f})", (r.pc1, r.pc2),
                    xytext=(6, -12 if crowded else 5), textcoords="offset points", fontsize=8)
    ax.axhline(0, color="#ddd", lw=0.8, zorder=0)
    ax.axvline(0, color="#ddd", lw=0.8, zorder=0)
    x0, x1 = ax.get_xlim()
    ax.set_xlim(x0, x1 + 0.35 * (x1 - x0))   # room for the labels
    ax.set_xlabel(f"PC1 ({evr[0]:.0%} of variance; units: signed z-scores)")
    ax.set_ylabel(f"PC2 ({evr[1]:.0%} of variance)")
    ax.set_title("Map of the sources' stance-feature vectors (PCA of signed z-scores)")
    y0, y1 = ax.get_ylim()
    ax.set_ylim(y0 - 0.08 * (y1 - y0), y1 + 0.25 * (y1 - y0))   # room for the loadings box
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.11), ncol=3, frameon=False)
    if load is not None and len(load):
        lines = []
        for pc in ("pc1", "pc2"):
            top = load[pc].abs().sort_values(ascending=False).index[:n_loadings]
            lines.append(f"{pc.upper()}: " + ", ".join(f"{f} {load.at[f, pc]:+.2f}" for f in top
                                                       if abs(load.at[f, pc]) > 1e-9))
        ax.text(0.01, 0.99, "Strongest loadings\n" + "\n".join(lines), transform=ax.transAxes, va="top",
                fontsize=7, color="#333", bbox={"facecolor": "white", "edgecolor": "#ddd", "alpha": 0.9})
    footnote(fig, STANCE_NOTE + "; PCA: scikit-learn")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


def rank_ranges(docs, boot, labels, ax=None):
    """Two panels: rank range of each source under weight perturbation, and the share of
    bootstrap replicates falling in each frame.

    Parameters
    ----------
    docs : ``weight_perturbation(...)["docs"]`` (doc_id, rank, rank_min, rank_max,
        share_same_frame).
    boot : DataFrame of :func:`framing.stance.bootstrap_index` (doc_id, p_alarmist, p_neutral,
        p_skeptical).
    labels : dict doc_id -> label.
    """
    d = docs.sort_values("rank", ascending=False)
    n = len(d)
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(9, 0.5 * n + 2.8), dpi=100, sharey=True)
    y = np.arange(n)
    a1.hlines(y, d["rank_min"], d["rank_max"], color="#6c757d", lw=6, alpha=0.5, label="range over draws")
    a1.scatter(d["rank"], y, color="black", zorder=3, label="rank with documented weights")
    a1.set_yticks(y, [labels.get(x, x) for x in d["doc_id"]])
    a1.set_xlim(n + 0.5, 0.5)
    a1.set_xticks(range(1, n + 1))
    a1.set_xlabel("rank by alarm index (1 = most alarmist)")
    a1.set_title("Rank under random re-weighting", fontsize=10)
    a1.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.22), frameon=False, ncol=2)
    b = boot.set_index("doc_id").loc[d["doc_id"]]
    left = np.zeros(n)
    for f in ("skeptical", "neutral", "alarmist"):
        v = b[f"p_{f}"].to_numpy()
        a2.barh(y, v, left=left, color=FRAME_COLORS[f], height=0.6, label=f)
        left += v
    a2.set_xlim(0, 1)
    a2.set_xlabel("share of bootstrap replicates in each frame")
    a2.set_title("Frame under resampling of sentences", fontsize=10)
    a2.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.22), frameon=False, ncol=3)
    fig.suptitle("How stable are the ordering and the frames?", fontsize=12)
    footnote(fig, STANCE_NOTE)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


def analyst_comparison(boot, coded, labels, thresholds, ax=None):
    """The alarm index with its bootstrap interval, sources grouped by the analyst's frame.

    Parameters
    ----------
    boot : DataFrame of :func:`framing.stance.bootstrap_index` (doc_id, alarm_index, index_low,
        index_high).
    coded : DataFrame with ``doc_id``, ``analyst_frame`` (alarmist / neutral / skeptical) and
        ``frame`` (the index's frame).
    labels : dict doc_id -> label.
    thresholds : {"alarmist": float, "skeptical": float}.

    Points are coloured by the analyst's frame; a hollow marker means the index's frame differs.
    """
    order = {"skeptical": 0, "neutral": 1, "alarmist": 2}
    d = boot.merge(coded[["doc_id", "analyst_frame", "frame"]], on="doc_id")
    d = d.assign(g=d.analyst_frame.map(order).fillna(-1)).sort_values(["g", "alarm_index"])
    n = len(d)
    fig, ax = figure_for(ax, 0.5 * n + 2.6)
    y = np.arange(n)
    lo = min(float(d.index_low.min()) if n else 0.0, thresholds["skeptical"]) - 0.15
    hi = max(float(d.index_high.max()) if n else 0.0, thresholds["alarmist"]) + 0.15
    for name in ("skeptical", "alarmist"):
        ax.axvline(thresholds[name], color=FRAME_COLORS[name], ls="--", lw=1)
        ax.text(thresholds[name], n - 0.4, f" {name} threshold {thresholds[name]:+.1f} ", fontsize=8,
                color=FRAME_COLORS[name], ha="left" if name == "alarmist" else "right", va="bottom")
    for yi, r in zip(y, d.itertuples(index=False)):
        col = FRAME_COLORS.get(r.analyst_frame, "#555")
        ax.hlines(yi, r.index_low, r.index_high, color=col, lw=2.5)
        same = r.analyst_frame == r.frame
        ax.scatter([r.alarm_index], [yi], s=70, zorder=3, color=col if same else "white", edgecolor=col, lw=2)
        ax.annotate(f"analyst: {r.analyst_frame} · index: {r.frame}", (r.alarm_index, yi), xytext=(0, 7),
                    textcoords="offset points", ha="center", fontsize=8, color="#333")
    ax.set_yticks(y, [labels.get(x, x) for x in d.doc_id])
    ax.set_ylim(-0.6, n + 0.4)
    ax.set_xlim(lo, hi)
    ax.set_xlabel("alarm index with 95% bootstrap interval (higher = more alarmist)")
    ax.set_title("Alarm index against the analyst's coding (colour = analyst's frame; hollow = frames differ)")
    footnote(fig, STANCE_NOTE + "; analyst coding: sources.csv")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig
