"""Step 2: per-document features, sums over the sentence table (so the bootstrap can
resample sentences and recompute them)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .data import CUES, LEDE_MINUS, LEDE_PLUS, SIDES, VOICES
from .sentences import sentence_table


def _features_from_sums(s: pd.DataFrame, lede: pd.DataFrame | None = None) -> pd.DataFrame:
    """Features from summed sentence counts (one row per document or bootstrap replicate)."""
    f = pd.DataFrame(index=s.index)
    ntok = s["n_tokens"].astype(float)
    f["n_tokens"] = s["n_tokens"]
    f["n_sentences"] = s["n_sentences"]
    for c in CUES:
        for v in VOICES:
            f[f"n_{c}_{v}"] = s[f"n_{c}_{v}"]
            f[f"{c}_{v}_per_1k"] = np.where(ntok > 0, 1000.0 * s[f"n_{c}_{v}"] / ntok.where(ntok > 0, 1), 0.0)
    la, lq = s["loaded_authorial"].astype(float), s["loaded_quoted"].astype(float)
    f["loaded_authorial"], f["loaded_quoted"] = s["loaded_authorial"], s["loaded_quoted"]
    f["loaded_writer_share"] = (la / (la + lq)).where(la + lq > 0)
    f["quoted_words"] = s["qw_total"]
    for sd in SIDES:
        f[f"quoted_words_{sd}"] = s[f"qw_{sd}"]
    f["quoted_words_no_speaker"] = s["qw_no_speaker"]
    f["n_quotes_side_inferred"] = s["q_inferred"]
    sided = (s["qw_warns"] + s["qw_defends"]).astype(float)
    f["sided_words"] = sided
    f["warn_share_quoted"] = (s["qw_warns"] / sided).where(sided > 0)
    qt = s["qw_total"].astype(float)
    f["no_speaker_share"] = (s["qw_no_speaker"] / qt).where(qt > 0)
    for c in LEDE_PLUS + LEDE_MINUS:   # bootstrap: one fixed lede row broadcast to all replicates
        f[f"lede_{c}"] = s[f"lede_{c}"].to_numpy() if lede is None else np.repeat(
            np.asarray(lede[f"lede_{c}"])[:1], len(s))
    f["lede_net_cues"] = sum(f[f"lede_{c}"] for c in LEDE_PLUS) - sum(f[f"lede_{c}"] for c in LEDE_MINUS)
    for c in [c for c in s.columns if c.startswith("n_sent_")]:
        t = c[len("n_sent_"):]
        n = s[c].astype(float)
        f[f"vader_{t}"] = (s[f"vsum_{t}"] / n).where(n > 0)
        f[f"n_sent_{t}"] = s[c]
    return f


def _sums(st: pd.DataFrame) -> pd.DataFrame:
    num = st.drop(columns=["start", "end", "lede", "authorial"])
    agg = num.groupby("doc_id", sort=False).sum()
    agg["n_sentences"] = st.groupby("doc_id", sort=False).size()
    led = st[st["lede"]]
    for c in LEDE_PLUS + LEDE_MINUS:
        agg[f"lede_{c}"] = (led[f"n_{c}_authorial"] + led[f"n_{c}_quoted"]).groupby(led["doc_id"]).sum() \
            .reindex(agg.index).fillna(0).astype(np.int64)
    return agg


def stance_features(corpus, sentences=None, **kwargs) -> pd.DataFrame:
    """Per-document stance features.

    Parameters
    ----------
    corpus : Corpus, iterable of Document, or one Document
    sentences : DataFrame, optional
        Precomputed :func:`sentence_table`.
    **kwargs : passed to :func:`sentence_table` (hits, quotes, targets, weights).

    Returns
    -------
    DataFrame, one row per document
        ``doc_id, n_tokens, n_sentences``; for each cue id (threat, skeptic, sovereignty,
        fear, hedge, booster, distancing) and voice: ``n_<cue>_<voice>`` and
        ``<cue>_<voice>_per_1k`` (per 1,000 content tokens, unsmoothed);
        ``loaded_authorial, loaded_quoted, loaded_writer_share`` (NaN without loaded hits);
        ``quoted_words``, ``quoted_words_<side>``, ``quoted_words_no_speaker``,
        ``n_quotes_side_inferred``, ``sided_words``, ``warn_share_quoted`` (warns / (warns +
        defends); NaN without sided quotes), ``no_speaker_share`` (NaN without quotes);
        ``lede_threat, lede_fear, lede_skeptic, lede_sovereignty, lede_net_cues`` (title, dek,
        first body sentences, any voice); ``vader_<target>`` (mean authorial compound, NaN
        when no sentence) and ``n_sent_<target>``.
    """
    st = sentence_table(corpus, **kwargs) if sentences is None else sentences
    f = _features_from_sums(_sums(st))
    f.index.name = "doc_id"
    return f.reset_index()
