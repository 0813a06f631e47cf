"""Step 1: sentences. Cue spans located in their sentence, and the additive per-sentence
counts every document feature and the bootstrap are built from.

Everything here rests on the span tables of :mod:`framing.terms` (lexicon hits with voice)
and :mod:`framing.quotes` (quotes with speaker, role and side); no word list of its own.
"""
from __future__ import annotations

import bisect
import itertools
from functools import lru_cache

import numpy as np
import pandas as pd

from .data import CUE_COLUMNS, CUES, SIDES, VOICES, load_targets, load_weights


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
    from ..quotes import quotes_table
    from ..quotes.table import quoted_spans
    from ..terms import lexicon_only, term_hits

    docs = _docs(corpus)
    if quotes is None:
        quotes = quotes_table(docs, story=story)
    if hits is None:
        # the voice of each term comes from the same quotes (extracted once, not twice)
        rows = {d: g.to_dict("records") for d, g in quotes.groupby("doc_id")} if len(quotes) else {}
        by_doc = {d.doc_id: quoted_spans(rows.get(d.doc_id, []), d.text) for d in docs}
        hits = term_hits(docs, quote_spans_fn=lambda doc: by_doc.get(doc.doc_id, []), story=story, model=False)
    return docs, lexicon_only(hits), quotes


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
    from ..story import story_of
    from ..terms import lexicon_only, term_hits

    docs = _docs(corpus)
    hits = term_hits(docs, story=story_of(corpus, story), model=False) if hits is None else lexicon_only(hits)
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
    from ..story import story_of

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
