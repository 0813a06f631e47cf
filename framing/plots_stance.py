"""Figures of the stance notebooks (04 stance, 05 framing comparison, 06 validation).

Every function draws one titled figure with labelled axes (units stated) and a source
footnote, and returns the matplotlib ``Figure``; the notebook ends the cell with
``plt.show()``. Inputs are the tables of :mod:`framing.stance`; nothing is recomputed here.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from .plots import figure_for

FRAME_COLORS = {"alarmist": "#c94c4c", "neutral": "#8d8d8d", "skeptical": "#1b4965"}
STANCE_NOTE = ("Source: framing package, stance features and alarm index (framing.stance, "
               "framing/data/stance_weights.csv)")
TONE_NOTE = ("Source: framing package, VADER compound of authorial sentences naming each target "
             "(the story pack's targets.csv)")
SIM_NOTE = "Source: framing package, TF-IDF (scikit-learn) of article text, page noise excluded"
_FEATURE_COLORS = ["#c94c4c", "#e07a5f", "#e8b04b", "#b5651d", "#8e5572", "#1b4965", "#3d7ea6",
                   "#5fa8d3", "#9cc5e3", "#a3a380", "#6c757d", "#2a9d8f", "#d98c3f", "#7b2cbf",
                   "#588157", "#bc6c25", "#adb5bd", "#343a40"]


def doc_labels(documents, width: int = 28) -> dict:
    """Short label per document (see :func:`framing.plots.source_labels`, which also strips markup)."""
    from .plots import source_labels

    return source_labels(documents, width=width)


def _footnote(fig, text):
    fig.text(0.01, 0.005, text, fontsize=7, color="#555")


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
    _footnote(fig, STANCE_NOTE)
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
        col = "#d9d9d9" if f == "other features" else _FEATURE_COLORS[k % len(_FEATURE_COLORS)]
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
    _footnote(fig, STANCE_NOTE)
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
    _footnote(fig, TONE_NOTE)
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
    _footnote(fig, SIM_NOTE)
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
    _footnote(fig, STANCE_NOTE + "; PCA: scikit-learn")
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
    _footnote(fig, STANCE_NOTE)
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
    _footnote(fig, STANCE_NOTE + "; analyst coding: sources.csv")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig
