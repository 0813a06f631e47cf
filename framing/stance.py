"""Stance: sentence cues, target sentiment, per-document features, the alarm index.

Everything here is built on the span tables of :mod:`framing.terms` (lexicon hits with
voice) and :mod:`framing.quotes` (quotes with speaker, role and side); this module adds no
word list of its own. Data:

``framing/data/stance_weights.csv`` (generic)
    ``feature, kind, weight, sign, center, scale, value, rationale``: the weights, signs and
    fixed reference scales of the alarm index (``kind = feature``), the frame thresholds
    (``kind = threshold``) and the smoothing parameters (``kind = parameter``).
a story pack's ``targets.csv``, ``topics.csv`` and ``weights.csv`` (:mod:`framing.story`)
    the actors whose portrayal is measured (``target, pattern, rationale``: a case-sensitive
    regular expression per actor, giving ``vader_<target>``), the named facts for
    cross-source sentence alignment, and the weights of the features the pack supplies.
    Without a pack there are no targets or topics and the index uses generic weights only.

The unit is the sentence (``Document.sentences``). Every count is additive over sentences,
so a document's features are sums over its sentences and the bootstrap resamples sentences.

Cues (:data:`CUES`): the lexicon's ``direction`` column gives the frame cues
(``alarm`` -> threat-affirming, ``skeptic`` -> alarm-skeptical, ``sovereignty``); its
``category`` gives the epistemic markers (``hedge``, ``booster``, ``distancing``) and generic
fear vocabulary (``threat_fear`` -> fear).

The alarm index
---------------
For each weighted feature *f* with centre *c*, scale *s*, sign *g* and weight *w*
(all from ``stance_weights.csv``)::

    z_f   = clip((x_f - c) / s, -clip_z, clip_z)        x_f smoothed, see below
    index = sum_f w_f * g_f * z_f / sum_f w_f           (higher = more alarmist)

Centres and scales are fixed constants, never the corpus mean or standard deviation, so one
article scores the same alone or in any corpus. Smoothing keeps short pieces from being
decided by one cue: rates use ``1000 * count / (n_tokens + prior_tokens)``; shares add
``prior_quoted_words`` pseudo-words at the centre; VADER means add ``prior_sentences``
pseudo-sentences of compound 0. A feature with no evidence (no quotes, no sentence about a
target) sits at its centre (z = 0) and pulls the index toward neutral.
``frame`` is ``alarmist`` when ``index >= threshold alarmist``, ``skeptical`` when
``index <= threshold skeptical``, else ``neutral``.
"""
from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ._data import data_path

__all__ = ["CUES", "sentence_cues", "sentence_table", "target_sentiment", "stance_features",
           "load_weights", "load_targets", "load_topics", "standardise", "alarm_index",
           "frame_from_index", "index_contributions", "stance_table", "bootstrap_index",
           "leave_one_feature_out", "weight_perturbation", "kendall_tau", "tfidf_similarity",
           "feature_map", "aligned_sentences"]

#: cue id -> (label, term-hit column, value). The lexicon decides; this only names the cues.
CUES = {
    "threat": ("threat-affirming", "direction", "alarm"),
    "skeptic": ("alarm-skeptical", "direction", "skeptic"),
    "sovereignty": ("sovereignty", "direction", "sovereignty"),
    "fear": ("fear", "category", "threat_fear"),
    "hedge": ("hedge", "category", "hedge"),
    "booster": ("booster", "category", "booster"),
    "distancing": ("distancing", "category", "distancing"),
}
VOICES = ("authorial", "quoted")
SIDES = ("warns", "defends", "neutral", "unknown")
#: lede cues: + for these cue ids, - for LEDE_MINUS
LEDE_PLUS = ("threat", "fear")
LEDE_MINUS = ("skeptic", "sovereignty")
CUE_COLUMNS = ["doc_id", "start", "end", "text", "cue", "voice", "term", "category",
               "sentence_start", "sentence_end"]
FRAMES = ("alarmist", "neutral", "skeptical")
NOT_ASSESSED = "not assessed"  # the frame of a document the English measures cannot read
MIN_ALIGN_TOKENS = 6


# --------------------------------------------------------------------------- data


def _read_data(path, name):
    p = Path(path) if path is not None else data_path(name)
    return pd.read_csv(p, dtype=str, keep_default_na=False)


def _pack_table(story, file: str, columns: list[str]) -> pd.DataFrame:
    """A story pack's CSV as a DataFrame of strings (empty, with ``columns``, without a pack)."""
    rows = story.rows(file) if story is not None else []
    return pd.DataFrame(rows, columns=columns, dtype=str)


def load_weights(path=None, story=None) -> dict:
    """Read ``stance_weights.csv`` (generic features, thresholds, parameters) plus the
    ``weights.csv`` of a story pack (the features the pack supplies; a row for a generic
    feature replaces it).

    Returns
    -------
    dict
        ``features``: DataFrame indexed by feature with float columns weight, sign, center,
        scale and the rationale; ``thresholds``: {"alarmist": float, "skeptical": float};
        ``params``: {name: float}; ``basis``: ``generic`` or ``generic + <pack>``.
        Raises ValueError on a malformed file.
    """
    from .story import load_story

    story = load_story(story)  # validated on load: feature rows only, a target for every vader_<target>
    df = _read_data(path, "stance_weights.csv")
    if story is not None:
        own = _pack_table(story, "weights.csv", list(df.columns))
        df = pd.concat([df[~df["feature"].isin(own["feature"])], own], ignore_index=True)
    need = {"feature", "kind", "weight", "sign", "center", "scale", "value", "rationale"}
    if not need <= set(df.columns):
        raise ValueError(f"stance weights: missing columns {sorted(need - set(df.columns))}")
    if (df["rationale"].str.strip() == "").any():
        raise ValueError("stance weights: every row needs a rationale")
    feats = df[df["kind"] == "feature"].set_index("feature")
    feats = feats[["weight", "sign", "center", "scale", "rationale"]].copy()
    for c in ("weight", "sign", "center", "scale"):
        feats[c] = feats[c].astype(float)
    if (feats["scale"] <= 0).any() or (feats["weight"] < 0).any() or not feats["sign"].isin([1, -1]).all():
        raise ValueError("stance weights: scale must be > 0, weight >= 0, sign +1 or -1")
    th = {r.feature: float(r.value) for r in df[df["kind"] == "threshold"].itertuples()}
    if set(th) != {"alarmist", "skeptical"} or th["skeptical"] >= th["alarmist"]:
        raise ValueError("stance weights: need thresholds alarmist > skeptical")
    params = {r.feature: float(r.value) for r in df[df["kind"] == "parameter"].itertuples()}
    for p in ("clip_z", "prior_tokens", "prior_quoted_words", "prior_sentences", "lede_sentences",
              "authorial_max_quoted"):
        if p not in params:
            raise ValueError(f"stance weights: missing parameter {p}")
    basis = "generic" if story is None else f"generic + {story.name}"
    return {"features": feats, "thresholds": th, "params": params, "basis": basis}


@lru_cache(maxsize=8)
def _targets_cached(story):
    return tuple((r["target"], re.compile(r["pattern"])) for r in story.rows("targets.csv"))


def load_targets(story=None) -> list[tuple[str, re.Pattern]]:
    """``[(target, compiled case-sensitive regex), ...]`` from a story pack's ``targets.csv``.

    Targets are the actors one story measures the portrayal of (``vader_<target>``); without a
    pack there are none.
    """
    from .story import load_story

    story = load_story(story)
    return list(_targets_cached(story)) if story is not None else []


def load_topics(story=None) -> pd.DataFrame:
    """A story pack's ``topics.csv``: columns topic, pattern, query, rationale (none without a pack)."""
    from .story import load_story

    return _pack_table(load_story(story), "topics.csv", ["topic", "pattern", "query", "rationale"])


# --------------------------------------------------------------------------- helpers


def _docs(corpus) -> list:
    if hasattr(corpus, "text") and hasattr(corpus, "doc_id"):
        return [corpus]
    return list(getattr(corpus, "documents", corpus))


def _role(doc, pos: int) -> str:
    """Block role at ``pos`` ("body" when the document has no blocks)."""
    if getattr(doc, "blocks", None) and hasattr(doc, "block_at"):
        return doc.block_at(pos).role
    return "body"


def _sentences(doc) -> list[tuple[int, int]]:
    """Sentence spans; a document without any gets its content spans (or the whole text)."""
    s = sorted(doc.sentences)
    if s:
        return s
    cs = list(doc.content_spans()) if hasattr(doc, "content_spans") else []
    return cs or [(0, len(doc.text))]


def _inputs(corpus, hits=None, quotes=None, story=None):
    from .quotes import quotes_table
    from .terms import term_hits

    docs = _docs(corpus)
    if quotes is None:
        quotes = quotes_table(docs, story=story)
    if hits is None:
        # the voice of each term comes from the same quotes (extracted once, not twice)
        voiced = quotes[quotes.kind != "reported"] if len(quotes) else quotes
        by_doc = {d: list(zip(g.start, g.end, g.speaker)) for d, g in voiced.groupby("doc_id")} if len(voiced) else {}
        hits = term_hits(docs, quote_spans_fn=lambda doc: by_doc.get(doc.doc_id, []), story=story)
    return docs, hits, quotes


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _cue_of(row_direction: str, row_category: str) -> str | None:
    for cid, (_, col, val) in CUES.items():
        if (row_direction if col == "direction" else row_category) == val:
            return cid
    return None


def _infer_side(qs, qe, hit_starts, hit_rows) -> str:
    """Side of a quote from the cues inside it, used only where the speaker registry says unknown.

    Threat-affirming and fear cues (direction ``alarm``, category ``threat_fear``) count for
    ``warns``; alarm-skeptical and sovereignty cues for ``defends``; the majority decides,
    a tie (or no cue) stays ``unknown``.
    """
    i = bisect.bisect_left(hit_starts, qs)
    a = d = 0
    while i < len(hit_starts) and hit_starts[i] < qe:
        direction = hit_rows[i]
        if direction in ("alarm", "threat_fear"):
            a += 1
        elif direction in ("skeptic", "sovereignty"):
            d += 1
        i += 1
    return "warns" if a > d else "defends" if d > a else "unknown"


def _coverage(spans):
    """Function ``x -> sum over spans of len([qs, qe) ∩ [0, x))``.

    ``covered(e) - covered(s)`` is ``sum(max(0, min(e, qe) - max(s, qs)))`` over the spans
    that meet [s, e) (spans may overlap: each counts, as in that sum), in O(log n) per call
    from sorted starts and ends with prefix sums.
    """
    spans = [(a, b) for a, b in spans if a < b]   # an empty or reversed span covers nothing
    starts = sorted(a for a, _ in spans)
    ends = sorted(b for _, b in spans)
    s_sum = [0] + list(itertools.accumulate(starts))
    e_sum = [0] + list(itertools.accumulate(ends))

    def covered(x: int) -> int:
        i = bisect.bisect_left(starts, x)    # spans starting before x contribute x - qs ...
        j = bisect.bisect_left(ends, x)      # ... less x - qe for those that also ended before x
        return (i * x - s_sum[i]) - (j * x - e_sum[j])
    return covered


#: VADER scores a sentence in time that grows with the square of its words (it re-lowercases
#: the whole sentence for every sentiment word). Real news sentences are far shorter than this
#: (the longest sentence of the seeds and test fixtures has 683 characters; 3000 costs ~6 ms);
#: a longer "sentence" (a page without sentence punctuation) is scored in consecutive pieces of
#: at most this many characters, cut at whitespace, and gets the mean of their compounds.
VADER_MAX_CHARS = 3000


def _vader_compound(seg: str) -> float:
    """VADER compound of one sentence (pieces of :data:`VADER_MAX_CHARS` for an over-long one)."""
    if len(seg) <= VADER_MAX_CHARS:
        return _vader().polarity_scores(seg)["compound"]
    pieces, i = [], 0
    while i < len(seg):
        j = min(len(seg), i + VADER_MAX_CHARS)
        if j < len(seg):
            cut = seg.rfind(" ", i + 1, j)
            j = cut if cut > i else j
        pieces.append(seg[i:j])
        i = j
    return float(np.mean([_vader().polarity_scores(x)["compound"] for x in pieces]))


# --------------------------------------------------------------------------- sentence level


def sentence_cues(corpus, hits=None, story=None) -> pd.DataFrame:
    """One row per cue span, located in its sentence.

    Parameters
    ----------
    corpus : Corpus, iterable of Document, or one Document
    hits : DataFrame, optional
        Precomputed :func:`framing.terms.term_hits` output.

    Returns
    -------
    DataFrame
        Columns ``doc_id, start, end, text, cue, voice, term, category, sentence_start,
        sentence_end``; ``cue`` is a label of :data:`CUES` (threat-affirming, alarm-skeptical,
        sovereignty, fear, hedge, booster, distancing), ``voice`` authorial/quoted from the hit.
        ``text == doc.text[start:end]``; the sentence is the one that contains ``start``.
    """
    from .story import story_of
    from .terms import term_hits

    docs = _docs(corpus)
    if hits is None:
        hits = term_hits(docs, story=story_of(corpus, story))
    rows = []
    by_doc = {k: g for k, g in hits.groupby("doc_id", sort=False)} if len(hits) else {}
    for doc in docs:
        g = by_doc.get(doc.doc_id)
        if g is None:
            continue
        sents = _sentences(doc)
        starts = [s for s, _ in sents]
        for r in g.itertuples(index=False):
            cid = _cue_of(r.direction or "", r.category or "")
            if cid is None:
                continue
            k = max(bisect.bisect_right(starts, r.start) - 1, 0)
            rows.append((doc.doc_id, r.start, r.end, r.text, CUES[cid][0], r.voice, r.term, r.category,
                         sents[k][0], sents[k][1]))
    return pd.DataFrame(rows, columns=CUE_COLUMNS).astype(
        {"start": "int64", "end": "int64", "sentence_start": "int64", "sentence_end": "int64"})


def sentence_table(corpus, hits=None, quotes=None, targets=None, weights=None, story=None) -> pd.DataFrame:
    """Additive per-sentence counts: the material of every document feature and of the bootstrap.

    Returns
    -------
    DataFrame, one row per sentence
        ``doc_id, start, end, lede`` (title, dek or one of the first ``lede_sentences`` body
        sentences), ``authorial`` (less than ``authorial_max_quoted`` of its characters inside
        voiced quotes), ``n_tokens``; ``n_<cue>_<voice>`` for every cue id and voice;
        ``loaded_authorial, loaded_quoted`` (loaded=true hits); ``qw_total`` (tokens inside
        voiced quotes, i.e. every kind but scare), ``qw_<side>`` for warns/defends/neutral/unknown
        (registry side, else inferred from the cues inside the quote), ``qw_no_speaker``,
        ``q_inferred`` (quotes starting in the sentence whose side was inferred);
        ``vsum_<target>, n_sent_<target>`` (sum and count of VADER compound over authorial
        sentences mentioning the target). Tokens, cues and quote words outside every sentence
        are assigned to the preceding sentence, so sums equal document totals.

    ``story`` (default: the pack the corpus was loaded with) supplies frame cues, the speaker
    registry and the targets; without one, only generic data is used and there are no targets.
    """
    from .story import story_of

    story = story_of(corpus, story)
    docs, hits, quotes = _inputs(corpus, hits, quotes, story)
    targets = load_targets(story) if targets is None else targets
    W = load_weights(story=story) if weights is None else weights
    p = W["params"]
    n_lede = int(p["lede_sentences"])
    hits_by = {k: g for k, g in hits.groupby("doc_id", sort=False)} if len(hits) else {}
    q_by = {k: g for k, g in quotes.groupby("doc_id", sort=False)} if len(quotes) else {}
    cue_cols = [f"n_{c}_{v}" for c in CUES for v in VOICES]
    out = []
    for doc in docs:
        text = doc.text
        sents = _sentences(doc)
        n = len(sents)
        starts = [s for s, _ in sents]

        def idx(pos):
            return max(bisect.bisect_right(starts, pos) - 1, 0)

        # per-sentence arrays
        tok = np.zeros(n, dtype=np.int64)
        for ts, _ in doc.tokens:
            tok[idx(ts)] += 1
        cues = {c: np.zeros(n, dtype=np.int64) for c in cue_cols}
        loaded = {v: np.zeros(n, dtype=np.int64) for v in VOICES}
        h = hits_by.get(doc.doc_id)
        h_starts, h_dirs = [], []
        if h is not None:
            h = h.sort_values("start")
            h_starts = h["start"].tolist()
            h_dirs = [d or ("threat_fear" if c == "threat_fear" else "")
                      for d, c in zip(h["direction"].fillna(""), h["category"].fillna(""))]
            for r in h.itertuples(index=False):
                k = idx(r.start)
                if r.loaded:
                    loaded[r.voice][k] += 1
                cid = _cue_of(r.direction or "", r.category or "")
                if cid is not None:
                    cues[f"n_{cid}_{r.voice}"][k] += 1
        # quotes: voiced spans (not scare) with side
        qw = {s: np.zeros(n, dtype=np.int64) for s in SIDES}
        qw_none = np.zeros(n, dtype=np.int64)
        q_inf = np.zeros(n, dtype=np.int64)
        voiced = []
        g = q_by.get(doc.doc_id)
        if g is not None:
            for r in g.sort_values("start").itertuples(index=False):
                if r.kind == "scare":
                    continue
                side = r.side if r.side in SIDES else "unknown"
                if side == "unknown":
                    side = _infer_side(r.start, r.end, h_starts, h_dirs)
                    if side != "unknown":
                        q_inf[idx(r.start)] += 1
                voiced.append((r.start, r.end, side, bool(r.speaker)))
        vstarts = [v[0] for v in voiced]
        for ts, te in doc.tokens:
            j = bisect.bisect_right(vstarts, ts) - 1
            if j >= 0 and te <= voiced[j][1]:
                k = idx(ts)
                qw[voiced[j][2]][k] += 1
                if not voiced[j][3]:
                    qw_none[k] += 1
        # authorial share of each sentence (characters inside voiced quotes)
        authorial = np.ones(n, dtype=bool)
        lede = np.zeros(n, dtype=bool)
        body_seen = 0
        covered = _coverage([(qs, qe) for qs, qe, _, _ in voiced])
        for k, (s, e) in enumerate(sents):
            # characters of the sentence inside voiced quotes (a bisection, not a pass over every quote)
            inside = covered(e) - covered(s)
            authorial[k] = inside < p["authorial_max_quoted"] * max(e - s, 1)
            role = _role(doc, s)
            if role in ("title", "dek"):
                lede[k] = True
            elif role == "body":
                if body_seen < n_lede:
                    lede[k] = True
                body_seen += 1
        vs = {t: np.zeros(n) for t, _ in targets}
        vn = {t: np.zeros(n, dtype=np.int64) for t, _ in targets}
        for k, (s, e) in enumerate(sents):
            if not authorial[k]:
                continue
            seg = text[s:e]
            hit = [t for t, rx in targets if rx.search(seg)]
            if hit:
                comp = _vader_compound(seg)
                for t in hit:
                    vs[t][k] += comp
                    vn[t][k] += 1
        cols = {"doc_id": [doc.doc_id] * n, "start": [s for s, _ in sents], "end": [e for _, e in sents],
                "lede": lede, "authorial": authorial, "n_tokens": tok}
        cols.update(cues)
        cols["loaded_authorial"] = loaded["authorial"]
        cols["loaded_quoted"] = loaded["quoted"]
        cols["qw_total"] = sum(qw.values())
        for s_ in SIDES:
            cols[f"qw_{s_}"] = qw[s_]
        cols["qw_no_speaker"] = qw_none
        cols["q_inferred"] = q_inf
        for t, _ in targets:
            cols[f"vsum_{t}"] = vs[t]
            cols[f"n_sent_{t}"] = vn[t]
        df = pd.DataFrame(cols)  # built at once: column-by-column assignment dominated the run time
        out.append(df)
    if not out:
        raise ValueError("stance: no documents")
    return pd.concat(out, ignore_index=True)


def target_sentiment(corpus, sentences=None, **kwargs) -> pd.DataFrame:
    """Authorial VADER tone toward each target, per document.

    Each authorial sentence that mentions a target (a story pack's ``targets.csv``) is scored
    alone with VADER (``compound`` in [-1, 1]); scores are then averaged per document and
    target. A whole article is never scored.

    Returns
    -------
    DataFrame, one row per (doc_id, target)
        ``doc_id, target, n_sentences, mean_compound`` (NaN when no sentence).
    """
    st = sentence_table(corpus, **kwargs) if sentences is None else sentences
    targets = [c[len("n_sent_"):] for c in st.columns if c.startswith("n_sent_")]
    agg = st.groupby("doc_id", sort=False).sum(numeric_only=True)
    rows = []
    for did, r in agg.iterrows():
        for t in targets:
            n = int(r[f"n_sent_{t}"])
            rows.append((did, t, n, r[f"vsum_{t}"] / n if n else np.nan))
    return pd.DataFrame(rows, columns=["doc_id", "target", "n_sentences", "mean_compound"])


# --------------------------------------------------------------------------- features


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


# --------------------------------------------------------------------------- index


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
    weights : dict from :func:`load_weights`, optional
    **kwargs : ``hits``, ``quotes``, ``sentences`` (precomputed tables), ``story`` (a story
        pack; default: the one the corpus was loaded with)

    Returns
    -------
    DataFrame: ``doc_id``, the columns of :func:`stance_features`, ``index_basis`` (the
    weights the index rests on: ``generic``, or ``generic + <pack>``), ``language``,
    ``assessable`` and ``not_assessed_reason`` (:func:`framing.language.assess`),
    ``alarm_index`` (float, higher = more alarmist; NaN when not assessable) and ``frame``
    (alarmist / neutral / skeptical, or ``not assessed``).
    """
    from .story import story_of

    story = story_of(corpus, kwargs.pop("story", None))
    W = load_weights(story=story) if weights is None else weights
    sentences = kwargs.pop("sentences", None)
    if sentences is None:
        sentences = sentence_table(corpus, weights=W, story=story, **kwargs)
    f = stance_features(corpus, sentences=sentences)
    gate = _assessments(corpus, f["doc_id"])
    f["language"] = [g.language for g in gate]
    f["assessable"] = [g.assessable for g in gate]
    f["not_assessed_reason"] = [g.reason for g in gate]
    index = alarm_index(f, W).round(6)
    f["index_basis"] = W.get("basis", "generic")
    f["alarm_index"] = index.where(f["assessable"])
    f["frame"] = frame_from_index(index, W).where(f["assessable"], NOT_ASSESSED)
    return f


def _assessments(corpus, doc_ids) -> list:
    """The language and length gate of each document, in the order of ``doc_ids``."""
    from .language import assess

    by_id = {d.doc_id: d for d in _docs(corpus)}
    return [assess(by_id[d]) for d in doc_ids]


# --------------------------------------------------------------------------- uncertainty


def bootstrap_index(corpus, n: int = 1000, seed: int = 0, level: float = 0.95, weights=None,
                    sentences=None, rates=("threat_authorial_per_1k", "skeptic_authorial_per_1k",
                                           "hedge_authorial_per_1k", "warn_share_quoted"),
                    **kwargs) -> pd.DataFrame:
    """Percentile bootstrap intervals, resampling sentences (with their cues) within documents.

    Each replicate draws ``n_sentences`` sentences with replacement from a document; cue
    counts, tokens, quoted words and target tone travel with their sentence, the headline
    and lede cues are held fixed (they are a property of position). Frames are counted per
    replicate.

    Returns
    -------
    DataFrame, one row per document
        ``doc_id, alarm_index`` (point estimate), ``index_low, index_high``,
        ``<rate>, <rate>_low, <rate>_high`` for each of ``rates``, ``p_alarmist, p_neutral,
        p_skeptical`` (share of replicates in each frame), ``n_boot``.
    """
    from .story import story_of

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
        row = {"doc_id": did, "alarm_index": base.at[did, "alarm_index"],
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
    from .story import story_of

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


# --------------------------------------------------------------------------- comparison


def _article_text(doc) -> str:
    spans = list(doc.content_spans()) if hasattr(doc, "content_spans") else [(0, len(doc.text))]
    return "\n".join(doc.text[s:e] for s, e in spans)


def tfidf_similarity(corpus) -> pd.DataFrame:
    """Cosine similarity of TF-IDF vectors of the article text (boilerplate excluded).

    Returns
    -------
    DataFrame, n_docs x n_docs, index and columns the doc_ids, diagonal 1.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    docs = _docs(corpus)
    ids = [d.doc_id for d in docs]
    X = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform([_article_text(d) for d in docs])
    return pd.DataFrame(cosine_similarity(X), index=ids, columns=ids)


def feature_map(features_df: pd.DataFrame, weights=None) -> pd.DataFrame:
    """2-D PCA of the documents' standardised features (fixed reference scales, signed so that
    positive = toward alarm for every feature).

    Returns
    -------
    DataFrame: ``doc_id, pc1, pc2`` (pc2 is 0 when fewer than 3 documents);
    ``.attrs["explained_variance_ratio"]`` (list) and ``.attrs["loadings"]`` (DataFrame
    feature x pc1/pc2).
    """
    from sklearn.decomposition import PCA

    W = load_weights() if weights is None else weights
    F = W["features"]
    z = standardise(features_df.reset_index(drop=True), W) * F["sign"]
    k = min(2, len(z) - 1, z.shape[1]) if len(z) > 1 else 0
    coords = np.zeros((len(z), 2))
    evr, load = [0.0, 0.0], pd.DataFrame(0.0, index=z.columns, columns=["pc1", "pc2"])
    if k >= 1:
        pca = PCA(n_components=k, random_state=0).fit(z.to_numpy())
        c = pca.transform(z.to_numpy())
        comps = pca.components_.copy()
        for j in range(k):   # deterministic sign: the largest loading is positive
            if comps[j][np.argmax(np.abs(comps[j]))] < 0:
                comps[j], c[:, j] = -comps[j], -c[:, j]
        coords[:, :k] = c
        evr[:k] = pca.explained_variance_ratio_.tolist()
        load.iloc[:, :k] = comps.T
    out = pd.DataFrame({"doc_id": features_df["doc_id"].to_numpy(), "pc1": coords[:, 0], "pc2": coords[:, 1]})
    out.attrs["explained_variance_ratio"] = evr
    out.attrs["loadings"] = load
    return out


def aligned_sentences(corpus, topics=None, story=None) -> pd.DataFrame:
    """For each named fact, the sentence of each source that best tells it.

    A sentence (title, dek or body; at least ``MIN_ALIGN_TOKENS`` words) is a candidate for
    a topic when the topic's regex matches it; among
    candidates the one with the highest TF-IDF cosine to the topic's query wins (ties: the
    earlier sentence). The vectoriser is fitted on all sentences of the corpus.

    Parameters
    ----------
    topics : DataFrame with ``topic, pattern, query`` (default: the ``topics.csv`` of ``story``,
        or of the pack the corpus was loaded with; none without a pack, and then no row)

    Returns
    -------
    DataFrame, one row per (topic, document with a candidate)
        ``topic, doc_id, start, end, text, score, n_candidates``; ``text == doc.text[start:end]``.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    from .story import story_of

    topics = load_topics(story_of(corpus, story)) if topics is None else topics
    docs = _docs(corpus)
    # candidates: title, dek and body sentences of at least MIN_ALIGN_TOKENS words (headings
    # are labels, not tellings of the fact)
    sent = [(d, s, e) for d in docs for s, e in d.sentences
            if _role(d, s) in ("title", "dek", "body")
            and len(re.findall(r"\w+", d.text[s:e])) >= MIN_ALIGN_TOKENS]
    cols = ["topic", "doc_id", "start", "end", "text", "score", "n_candidates"]
    if not sent:
        return pd.DataFrame(columns=cols)
    texts = [d.text[s:e] for d, s, e in sent]
    vec = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit(texts + topics["query"].tolist())
    X = vec.transform(texts)
    rows = []
    for t in topics.itertuples(index=False):
        rx = re.compile(t.pattern)
        sims = cosine_similarity(vec.transform([t.query]), X).ravel()
        best: dict[str, tuple] = {}
        count: dict[str, int] = {}
        for i, (d, s, e) in enumerate(sent):
            if not rx.search(texts[i]):
                continue
            count[d.doc_id] = count.get(d.doc_id, 0) + 1
            if d.doc_id not in best or sims[i] > best[d.doc_id][0]:
                best[d.doc_id] = (sims[i], s, e, texts[i])
        for d in docs:
            if d.doc_id in best:
                sc, s, e, tx = best[d.doc_id]
                rows.append((t.topic, d.doc_id, s, e, tx, float(sc), count[d.doc_id]))
    return pd.DataFrame(rows, columns=cols)
