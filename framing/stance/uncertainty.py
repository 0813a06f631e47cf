"""Step 4: how sure the index is: a sentence bootstrap, leave-one-feature-out and weight
perturbation."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .data import FRAMES, LEDE_MINUS, LEDE_PLUS, load_weights
from .features import _features_from_sums, _sums, stance_features
from .index import alarm_index, frame_from_index, stance_table, standardise
from .sentences import sentence_table


def bootstrap_index(corpus, n: int = 1000, seed: int = 0, level: float = 0.95, weights=None,
                    sentences=None, rates=("threat_authorial_per_1k", "skeptic_authorial_per_1k",
                                           "hedge_authorial_per_1k", "warn_share_quoted"),
                    **kwargs) -> pd.DataFrame:
    """Percentile bootstrap intervals of the hand-set index (``handset_index`` of :func:`stance_table`),
    resampling sentences (with their cues) within documents. The frame model's own interval is
    :func:`framing.stance.calibrate.bootstrap_interval`.

    Each replicate draws ``n_sentences`` sentences with replacement from a document; cue
    counts, tokens, quoted words and target tone travel with their sentence, the headline
    and lede cues are held fixed (they are a property of position). Frames are counted per
    replicate.

    Returns
    -------
    DataFrame, one row per document
        ``doc_id, alarm_index`` (the hand-set index: point estimate), ``index_low, index_high``,
        ``<rate>, <rate>_low, <rate>_high`` for each of ``rates``, ``p_alarmist, p_neutral,
        p_skeptical`` (share of replicates in each frame), ``n_boot``.
    """
    from ..story import story_of

    story = story_of(corpus, kwargs.pop("story", None))
    W = load_weights(story=story) if weights is None else weights
    st = sentence_table(corpus, weights=W, story=story, **kwargs) if sentences is None else sentences
    rng = np.random.default_rng(seed)
    base = stance_table(corpus, weights=W, sentences=st).set_index("doc_id")
    lo_q, hi_q = (1 - level) / 2, 1 - (1 - level) / 2
    num_cols = [c for c in st.columns if c not in ("doc_id", "start", "end", "lede", "authorial")]
    sums_all = _sums(st)
    out = []
    for did, g in st.groupby("doc_id", sort=False):
        M = g[num_cols].to_numpy(dtype=float)
        k = len(g)
        draws = rng.integers(0, k, size=(n, k))
        cnt = np.zeros((n, k))
        np.add.at(cnt, (np.repeat(np.arange(n), k), draws.ravel()), 1.0)
        S = pd.DataFrame(cnt @ M, columns=num_cols)
        S["n_sentences"] = k
        lede = sums_all.loc[[did], [f"lede_{c}" for c in LEDE_PLUS + LEDE_MINUS]]
        feats = _features_from_sums(S, lede=lede)
        idx = alarm_index(feats, W)
        fr = frame_from_index(idx, W)
        row = {"doc_id": did, "alarm_index": base.at[did, "handset_index"],
               "index_low": float(np.quantile(idx, lo_q)), "index_high": float(np.quantile(idx, hi_q))}
        for r in rates:
            vals = feats[r].dropna()
            row[r] = base.at[did, r]
            row[f"{r}_low"] = float(np.quantile(vals, lo_q)) if len(vals) else np.nan
            row[f"{r}_high"] = float(np.quantile(vals, hi_q)) if len(vals) else np.nan
        for fname in FRAMES:
            row[f"p_{fname}"] = float((fr == fname).mean())
        row["n_boot"] = n
        out.append(row)
    return pd.DataFrame(out)


def kendall_tau(a, b) -> float:
    """Kendall's tau-a between two equal-length sequences of scores (ties count 0)."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    n = len(a)
    if n < 2:
        return float("nan")
    s = 0.0
    for i in range(n):
        s += float(np.sum(np.sign(a[i] - a[i + 1:]) * np.sign(b[i] - b[i + 1:])))
    return s / (n * (n - 1) / 2)


def _weights_for(corpus_or_features) -> dict:
    """Weights of the pack a corpus was loaded with (generic for a features table: pass the
    weights explicitly when the features were computed with a story pack)."""
    from ..story import story_of

    if isinstance(corpus_or_features, pd.DataFrame):
        return load_weights()
    return load_weights(story=story_of(corpus_or_features))


def _features_of(corpus_or_features, weights=None):
    if isinstance(corpus_or_features, pd.DataFrame):
        return corpus_or_features.reset_index(drop=True)
    return stance_features(corpus_or_features, weights=weights)


def _order_stats(base_idx, base_frame, idx, frame, ids) -> dict:
    return {"kendall_tau": kendall_tau(base_idx, idx),
            "same_top": ids[int(np.argmax(base_idx))] == ids[int(np.argmax(idx))],
            "same_bottom": ids[int(np.argmin(base_idx))] == ids[int(np.argmin(idx))],
            "n_frames_changed": int((np.asarray(base_frame) != np.asarray(frame)).sum()),
            "order": " > ".join(ids[j] for j in np.argsort(-np.asarray(idx), kind="stable"))}


def leave_one_feature_out(corpus_or_features, weights=None) -> pd.DataFrame:
    """Drop each weighted feature in turn (weight 0) and compare with the full index.

    Parameters
    ----------
    corpus_or_features : Corpus or the DataFrame of :func:`stance_features`

    Returns
    -------
    DataFrame, one row per dropped feature (plus a first row ``(none)``)
        ``feature, kendall_tau`` (vs the full index's ordering), ``same_top, same_bottom``
        (bool), ``n_frames_changed``, ``order`` (doc_ids, most alarmist first).
    """
    W = _weights_for(corpus_or_features) if weights is None else weights
    f = _features_of(corpus_or_features, W)
    ids = f["doc_id"].tolist()
    base = alarm_index(f, W).to_numpy()
    bframe = frame_from_index(base, W).to_numpy()
    rows = [{"feature": "(none)", **_order_stats(base, bframe, base, bframe, ids)}]
    for name in W["features"].index[W["features"]["weight"] > 0]:
        F = W["features"].copy()
        F.loc[name, "weight"] = 0.0
        W2 = {**W, "features": F}
        idx = alarm_index(f, W2).to_numpy()
        rows.append({"feature": name, **_order_stats(base, bframe, idx, frame_from_index(idx, W2).to_numpy(), ids)})
    return pd.DataFrame(rows)


def weight_perturbation(corpus_or_features, n: int = 200, scale: float = 0.5, seed: int = 0,
                        weights=None) -> dict:
    """Multiply every weight by an independent factor drawn uniformly from [1-scale, 1+scale].

    Returns
    -------
    dict
        ``draws``: DataFrame, one row per draw (``draw, kendall_tau, same_top, same_bottom,
        n_frames_changed, order``); ``docs``: one row per document (``doc_id, alarm_index,
        frame, share_same_frame, rank, rank_min, rank_max``; rank 1 = most alarmist);
        ``summary``: dict (mean and min Kendall tau, share of draws with the same top, the
        same bottom, the identical ordering, and with no frame change).
    """
    W = _weights_for(corpus_or_features) if weights is None else weights
    f = _features_of(corpus_or_features, W)
    ids = f["doc_id"].tolist()
    rng = np.random.default_rng(seed)
    base = alarm_index(f, W).to_numpy()
    bframe = frame_from_index(base, W).to_numpy()
    brank = pd.Series(-base).rank(method="min").to_numpy()
    z = standardise(f, W)[W["features"].index].to_numpy()
    wt, sg = W["features"]["weight"].to_numpy(), W["features"]["sign"].to_numpy()
    rows, ranks, same = [], [], np.zeros(len(ids))
    for d in range(n):
        w2 = wt * rng.uniform(1 - scale, 1 + scale, size=len(wt))
        idx = z @ (w2 * sg) / w2.sum()
        fr = frame_from_index(idx, W).to_numpy()
        same += fr == bframe
        ranks.append(pd.Series(-idx).rank(method="min").to_numpy())
        rows.append({"draw": d, **_order_stats(base, bframe, idx, fr, ids)})
    draws = pd.DataFrame(rows)
    R = np.array(ranks) if ranks else np.zeros((0, len(ids)))
    docs = pd.DataFrame({"doc_id": ids, "alarm_index": base, "frame": bframe,
                         "share_same_frame": same / max(n, 1), "rank": brank.astype(int),
                         "rank_min": R.min(axis=0).astype(int) if n else brank,
                         "rank_max": R.max(axis=0).astype(int) if n else brank})
    base_order = " > ".join(ids[j] for j in np.argsort(-base, kind="stable"))
    summary = {"n": n, "scale": scale,
               "mean_kendall_tau": float(draws["kendall_tau"].mean()) if n else float("nan"),
               "min_kendall_tau": float(draws["kendall_tau"].min()) if n else float("nan"),
               "share_same_top": float(draws["same_top"].mean()) if n else float("nan"),
               "share_same_bottom": float(draws["same_bottom"].mean()) if n else float("nan"),
               "share_same_order": float((draws["order"] == base_order).mean()) if n else float("nan"),
               "share_no_frame_change": float((draws["n_frames_changed"] == 0).mean()) if n else float("nan")}
    return {"draws": draws, "docs": docs, "summary": summary}
