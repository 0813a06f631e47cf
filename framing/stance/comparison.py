"""Comparison across sources: TF-IDF similarity, a PCA map of the features and the
sentence each source uses to tell one named fact."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .data import load_topics, load_weights
from .index import standardise
from .sentences import _docs, _role

MIN_ALIGN_TOKENS = 6


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

    from ..story import story_of

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
