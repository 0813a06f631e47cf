"""Step 3: the alarm index and the frame.

For each weighted feature *f* with centre *c*, scale *s*, sign *g* and weight *w*
(all from ``stance_weights.csv`` and a story pack's ``weights.csv``)::

    z_f   = clip((x_f - c) / s, -clip_z, clip_z)        x_f smoothed, see below
    index = sum_f w_f * g_f * z_f / sum_f w_f           (higher = more alarmist)

Centres and scales are fixed constants, never the corpus mean or standard deviation, so one
article scores the same alone or in any corpus. Smoothing keeps short pieces from being
decided by one cue: rates use ``1000 * count / (n_tokens + prior_tokens)``; shares add
``prior_quoted_words`` pseudo-words at the centre; VADER means add ``prior_sentences``
pseudo-sentences of compound 0. A feature with no evidence (no quotes, no sentence about a
target) sits at its centre (z = 0) and pulls the index toward neutral.
``frame`` is ``alarmist`` when ``index >= threshold alarmist``, ``skeptical`` when
``index <= threshold skeptical``, else ``neutral``; a document the language and length gate
cannot read is ``not assessed``.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .data import NOT_ASSESSED, load_weights
from .features import stance_features
from .sentences import _docs, sentence_table


def _smoothed(features: pd.DataFrame, name: str, p: dict) -> pd.Series:
    """Feature value with the documented shrinkage (see module docstring)."""
    x = features[name].astype(float)
    if name.endswith("_per_1k"):
        n = features["n_tokens"].astype(float)
        return (x * n / (n + p["prior_tokens"])).fillna(0.0)
    if name == "warn_share_quoted":
        k = p["prior_quoted_words"]
        n = features["sided_words"].astype(float)
        return ((x.fillna(0.5) * n + 0.5 * k) / (n + k))
    if name.startswith("vader_"):
        n = features["n_sent_" + name[len("vader_"):]].astype(float)
        return (x.fillna(0.0) * n / (n + p["prior_sentences"]))
    return x


def standardise(features: pd.DataFrame, weights=None, smooth: bool = True) -> pd.DataFrame:
    """Clipped z-scores ``(x - center) / scale`` against the fixed reference scales.

    Returns
    -------
    DataFrame, same index as ``features``, one column per feature of the weights file
    (weighted or not); missing values (no evidence) are 0, i.e. at the centre. Shares with
    a centre, e.g. ``no_speaker_share``, are shrunk toward it with ``prior_quoted_words``.
    """
    W = load_weights() if weights is None else weights
    F, p = W["features"], W["params"]
    z = pd.DataFrame(index=features.index)
    for name, r in F.iterrows():
        if name not in features.columns:
            raise ValueError(f"stance: feature {name!r} of the weights file is not computed")
        x = _smoothed(features, name, p) if smooth else features[name].astype(float)
        if smooth and name == "no_speaker_share":
            n, k = features["quoted_words"].astype(float), p["prior_quoted_words"]
            x = (x.fillna(r["center"]) * n + r["center"] * k) / (n + k)
        z[name] = ((x - r["center"]) / r["scale"]).clip(-p["clip_z"], p["clip_z"]).fillna(0.0)
    return z


def alarm_index(features: pd.DataFrame, weights=None) -> pd.Series:
    """Weighted mean of signed clipped z-scores (higher = more alarmist); float Series."""
    W = load_weights() if weights is None else weights
    F = W["features"]
    z = standardise(features, W)
    w = F["weight"] * F["sign"]
    tot = F["weight"].sum()
    if tot <= 0:
        raise ValueError("stance: all weights are zero")
    return (z[F.index] * w).sum(axis=1) / tot


def frame_from_index(index, weights=None) -> pd.Series:
    """alarmist / skeptical / neutral from the thresholds of the weights file."""
    W = load_weights() if weights is None else weights
    th = W["thresholds"]
    idx = pd.Series(index, dtype=float)
    return pd.Series(np.where(idx >= th["alarmist"], "alarmist",
                              np.where(idx <= th["skeptical"], "skeptical", "neutral")), index=idx.index)


def index_contributions(features: pd.DataFrame, weights=None) -> pd.DataFrame:
    """Long table of how each feature moves each document's index.

    Returns
    -------
    DataFrame: ``doc_id, feature, value, smoothed, z, weight, sign, contribution`` where
    ``contribution = weight * sign * z / sum(weights)``; per document the contributions sum to
    ``alarm_index``.
    """
    W = load_weights() if weights is None else weights
    F, p = W["features"], W["params"]
    z = standardise(features, W)
    tot = F["weight"].sum()
    rows = []
    for i in features.index:
        for name, r in F.iterrows():
            rows.append((features.at[i, "doc_id"], name, features.at[i, name],
                         float(_smoothed(features.loc[[i]], name, p).iloc[0]), z.at[i, name], r["weight"],
                         r["sign"], r["weight"] * r["sign"] * z.at[i, name] / tot))
    return pd.DataFrame(rows, columns=["doc_id", "feature", "value", "smoothed", "z", "weight", "sign",
                                       "contribution"])


def stance_table(corpus, weights=None, **kwargs) -> pd.DataFrame:
    """The ``framing stance`` table: one row per document.

    Parameters
    ----------
    corpus : Corpus, iterable of Document, or one Document
    weights : dict from :func:`load_weights`, optional (the hand-set index)
    **kwargs : ``hits``, ``quotes``, ``sentences`` (precomputed tables), ``story`` (a story
        pack; default: the one the corpus was loaded with)

    Returns
    -------
    DataFrame: ``doc_id``, the columns of :func:`stance_features`; ``language``, ``assessable`` and
    ``not_assessed_reason`` (:func:`framing.language.assess`); the calibrated frame measure of
    :mod:`framing.stance.calibrate`, read from each article's opening: its features (``w_*``,
    ``s_*``, ``warn_share``, ``headline_net``, ``lede_net``, ``last_net``), ``alarm_index`` (log
    P(alarmist) / P(skeptical); NaN when not assessable), ``p_alarmist, p_neutral, p_skeptical`` and
    ``frame`` (the most probable, or ``not assessed``); ``index_basis`` (which model); and the
    hand-set index of earlier versions, kept for comparison: ``handset_index``, ``handset_frame``
    and ``handset_basis`` (its weights: ``generic`` or ``generic + <pack>``).
    """
    from ..story import story_of
    from .calibrate import frame_scores, load_frame_model
    from .cues import frame_features, openings
    from .sentences import _inputs

    story = story_of(corpus, kwargs.pop("story", None))
    W = load_weights(story=story) if weights is None else weights
    sentences = kwargs.pop("sentences", None)
    docs, hits, quotes = _inputs(corpus, kwargs.pop("hits", None), kwargs.pop("quotes", None), story)
    if sentences is None:
        sentences = sentence_table(docs, hits=hits, quotes=quotes, weights=W, story=story, **kwargs)
    f = stance_features(docs, sentences=sentences)
    gate = _assessments(docs, f["doc_id"])
    f["language"] = [g.language for g in gate]
    f["assessable"] = [g.assessable for g in gate]
    f["not_assessed_reason"] = [g.reason for g in gate]
    handset = alarm_index(f, W).round(6)
    f["handset_index"] = handset.where(f["assessable"])
    f["handset_frame"] = frame_from_index(handset, W).where(f["assessable"], NOT_ASSESSED)
    f["handset_basis"] = W.get("basis", "generic")
    opening_docs, opening_quotes = openings(docs, quotes)
    ff = frame_features(opening_docs, quotes=opening_quotes)
    scores = frame_scores(ff)
    f = f.merge(ff.drop(columns=["n_tokens"]).rename(columns={"n_cues": "n_frame_cues"}), on="doc_id", how="left")
    f = f.merge(scores, on="doc_id", how="left")
    for c in ("alarm_index", "p_alarmist", "p_neutral", "p_skeptical"):
        f[c] = f[c].where(f["assessable"])
    f["frame"] = f["frame"].where(f["assessable"], NOT_ASSESSED)
    meta = load_frame_model().get("meta", {})
    f["index_basis"] = "calibrated generic model " + meta.get("data_digest", "")[:15]
    return f


def handset_view(table: pd.DataFrame) -> pd.DataFrame:
    """The stance table seen through the hand-set index: ``alarm_index`` and ``frame`` replaced by
    ``handset_index`` and ``handset_frame`` (the model's probabilities dropped), for the views that
    study that index (contributions, bootstrap, leave-one-feature-out, weight perturbation)."""
    return (table.drop(columns=["p_alarmist", "p_neutral", "p_skeptical"], errors="ignore")
            .assign(alarm_index=table["handset_index"], frame=table["handset_frame"]))


def _assessments(corpus, doc_ids) -> list:
    """The language and length gate of each document, in the order of ``doc_ids``."""
    from ..language import assess

    by_id = {d.doc_id: d for d in _docs(corpus)}
    return [assess(by_id[d]) for d in doc_ids]
