"""Fit the loaded-word model with scikit-learn and write it as plain data (training only, never at run time).

Input is any list of :class:`framing.devdata._common.Article` (the PTC and BASIL readers' output, or
an in-memory corpus a test invents). Articles with ``split == "train"`` are fitted on; ``dev``
articles choose the regularisation ``C`` and the decision threshold; ``test`` articles are never read.

Determinism: features are sorted by name, the solver is L-BFGS (no random sampling; ``random_state``
fixed anyway), coefficients are rounded to 6 significant digits before they are written, and the files
carry no time, path or machine name, so training twice on the same data gives byte-identical files.
"""
from __future__ import annotations

import hashlib
import json
import warnings
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .._data import DATA_DIR
from ..devdata._common import overlap_mask
from .derive import name_types
from .features import FEATURE_VERSION, LEXICON_FILE, stem, token_features
from .model import LoadedModel, write_model

C_GRID = (0.1, 0.3, 1.0)
MIN_COUNT = 2          # a feature seen fewer times in the training tokens is dropped
THRESHOLDS = tuple(round(0.05 + 0.01 * i, 2) for i in range(91))   # 0.05 .. 0.95
SIGNIFICANT_DIGITS = 6
CRITERION = ("the C and threshold (0.05..0.95 by 0.01) with the highest mean over datasets of word-level F1 "
             "on the dev split, closed-class words and names inside a sentence never predicted (as at run time); "
             "ties go to the smaller C, then the lower threshold")


@dataclass
class Featurised:
    """The word tokens of a list of articles: features, gold labels, dataset of each token."""

    features: list            # n_tokens dicts
    gold: np.ndarray          # (n_tokens,) bool
    dataset: np.ndarray       # (n_tokens,) str
    n_articles: int
    eligible: np.ndarray      # (n_tokens,) bool: may be a hit (open-class, not a name: Scorer.score)


def featurise(articles: Sequence) -> Featurised:
    """Token features, gold (inside a gold span) and eligibility for every word token of ``articles``."""
    from .scorer import Scorer

    probe = Scorer(LoadedModel(names=np.array([], dtype=str), weights=np.zeros(0), intercept=0.0, threshold=0.5))
    feats, gold, ds, ok = [], [], [], []
    for a in articles:
        toks, f = token_features(a.text)
        feats.extend(f)
        gold.extend(overlap_mask(toks, a.gold))
        ds.extend([a.dataset] * len(toks))
        ok.extend(probe.score(a.text, toks, [], [])[2].tolist())
    return Featurised(feats, np.array(gold, dtype=bool), np.array(ds, dtype=str), len(articles),
                      np.array(ok, dtype=bool))


def prf(pred: np.ndarray, gold: np.ndarray) -> tuple[float, float, float]:
    """Word-level precision, recall, F1 of a boolean prediction against boolean gold (0 when undefined)."""
    tp = int(np.sum(pred & gold))
    p = tp / int(np.sum(pred)) if np.any(pred) else 0.0
    r = tp / int(np.sum(gold)) if np.any(gold) else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def macro_f1_by_threshold(scores: np.ndarray, gold: np.ndarray, dataset: np.ndarray,
                          thresholds: Sequence[float] = THRESHOLDS) -> np.ndarray:
    """Mean over datasets of word-level F1 at each threshold, shape (n_thresholds,)."""
    t = np.asarray(thresholds, dtype=np.float64)
    out = np.zeros(len(t))
    names = sorted(set(dataset.tolist()))
    for name in names:
        m = dataset == name
        s, g = scores[m], gold[m]
        pred = s[None, :] >= t[:, None]
        tp = (pred & g[None, :]).sum(axis=1)
        npred = pred.sum(axis=1)
        ng = g.sum()
        p = np.divide(tp, npred, out=np.zeros(len(t)), where=npred > 0)
        r = tp / ng if ng else np.zeros(len(t))
        out += np.divide(2 * p * r, p + r, out=np.zeros(len(t)), where=(p + r) > 0)
    return out / max(1, len(names))


def _matrix(features: Sequence[dict], index: dict):
    from scipy.sparse import csr_matrix

    rows, cols, vals = [], [], []
    for r, f in enumerate(features):
        for name, v in f.items():
            j = index.get(name)
            if j is not None:
                rows.append(r)
                cols.append(j)
                vals.append(v)
    return csr_matrix((np.asarray(vals, dtype=np.float64), (np.asarray(rows), np.asarray(cols))),
                      shape=(len(features), len(index)))


#: the features that carry a word type: the word itself, its stem, and the word as a neighbour
WORD_FEATURE_PREFIXES = ("w=", "stem=", "w-2=", "w-1=", "w+1=", "w+2=")


def name_feature_test(names: frozenset):
    """A test ``f(feature) -> bool``: True for a feature carrying a name of the training split
    (:func:`framing.terms_model.derive.name_types`): ``w=kremlin``, ``stem=kremlin``, ``w+1=kremlin``.
    The model is to learn evaluative language, not which people, places or parties its training
    news disliked; such features are left out of the fit."""
    stems = frozenset(stem(n) for n in names)

    def is_name(feature: str) -> bool:
        prefix, sep, value = feature.partition("=")
        if not sep or prefix + "=" not in WORD_FEATURE_PREFIXES:
            return False
        return value in (stems if prefix == "stem" else names)

    return is_name


def _round(x: np.ndarray) -> np.ndarray:
    return np.array([float(f"{v:.{SIGNIFICANT_DIGITS}g}") for v in x.tolist()], dtype=np.float64)


def _vader_sha256() -> str:
    from pathlib import Path

    import vaderSentiment.vaderSentiment as v

    return hashlib.sha256((Path(v.__file__).parent / "vader_lexicon.txt").read_bytes()).hexdigest()


def corpus_sha256(articles: Sequence) -> str:
    """SHA-256 over the articles' ids, splits, datasets, texts and gold spans (sorted by id)."""
    h = hashlib.sha256()
    for a in sorted(articles, key=lambda a: a.doc_id):
        h.update(json.dumps([a.doc_id, a.split, a.dataset, a.text, [list(g) for g in a.gold]],
                            ensure_ascii=False).encode("utf-8") + b"\n")
    return h.hexdigest()


def fit(articles: Sequence, *, c_grid: Sequence[float] = C_GRID, min_count: int = MIN_COUNT,
        thresholds: Sequence[float] = THRESHOLDS, meta: dict | None = None) -> tuple[LoadedModel, dict]:
    """Fit on the ``train`` articles, choose C and the threshold on the ``dev`` articles.

    Returns
    -------
    model : LoadedModel
        With the rounded weights (exactly what :func:`save` writes).
    report : dict
        Per C: dev macro-F1 at its best threshold; the chosen C and threshold; dev P/R/F1 per
        dataset at that threshold; convergence.
    """
    from sklearn import __version__ as sklearn_version
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression

    train = [a for a in articles if a.split == "train"]
    dev = [a for a in articles if a.split == "dev"]
    if not train or not dev:
        raise ValueError(f"need train and dev articles (have {len(train)} train, {len(dev)} dev)")
    tr, dv = featurise(train), featurise(dev)
    if not tr.gold.any() or tr.gold.all():
        raise ValueError("the training tokens must hold both loaded and other words")
    counts = Counter(name for f in tr.features for name in f)
    is_name = name_feature_test(name_types(train))
    names = sorted(n for n, c in counts.items() if c >= min_count and not is_name(n))
    index = {n: i for i, n in enumerate(names)}
    X = _matrix(tr.features, index)
    y = tr.gold.astype(np.int64)
    best = None
    report: dict = {"per_C": {}}
    for c in c_grid:
        clf = LogisticRegression(C=c, solver="lbfgs", max_iter=3000, tol=1e-6, random_state=0)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ConvergenceWarning)
            clf.fit(X, y)
        converged = not any(issubclass(w.category, ConvergenceWarning) for w in caught)
        m = LoadedModel(names=np.array(names, dtype=str), weights=_round(clf.coef_[0]),
                        intercept=float(_round(clf.intercept_)[0]), threshold=0.5)
        # the run-time scorer, on the rounded weights; a word that can never be a hit counts as 0
        scores = np.where(dv.eligible, m.predict_proba(dv.features), 0.0)
        f1 = macro_f1_by_threshold(scores, dv.gold, dv.dataset, thresholds)
        k = int(np.argmax(f1))                  # first maximum: the lowest threshold among ties
        report["per_C"][c] = {"dev_macro_f1": float(f1[k]), "threshold": thresholds[k], "converged": converged}
        if best is None or f1[k] > best[0]:
            best = (float(f1[k]), c, thresholds[k], m, scores, converged)
    f1, c, t, m, scores, converged = best
    per_ds = {}
    for name in sorted(set(dv.dataset.tolist())):
        sel = dv.dataset == name
        per_ds[name] = prf(scores[sel] >= t, dv.gold[sel])
    report.update(C=c, threshold=t, dev_macro_f1=f1, dev=per_ds, converged=converged)
    info = {
        "trained_by": "framing.terms_model.train.fit",
        "feature_version": FEATURE_VERSION,
        "solver": "sklearn LogisticRegression(solver='lbfgs', penalty l2, max_iter=3000, tol=1e-6, "
                  "random_state=0)",
        "sklearn_version": sklearn_version,
        "C": repr(c),
        "C_grid": " ".join(repr(x) for x in c_grid),
        "min_count": str(min_count),
        "names_left_out": "features of word types capitalised in at least half of their training-split "
                          "occurrences inside a sentence (framing.terms_model.derive.name_types)",
        "threshold": repr(t),
        "threshold_criterion": CRITERION,
        "dev_macro_f1": f"{f1:.4f}",
        "converged": str(converged).lower(),
        "n_train_articles": str(len(train)),
        "n_train_tokens": str(len(tr.gold)),
        "n_train_loaded_tokens": str(int(tr.gold.sum())),
        "n_dev_articles": str(len(dev)),
        "n_dev_tokens": str(len(dv.gold)),
        "corpus_sha256": corpus_sha256(train + dev),
        # the features read these files: a model trained with other versions of them scores slightly differently
        "lexicon_generic_sha256": hashlib.sha256((DATA_DIR / LEXICON_FILE).read_bytes()).hexdigest(),
        "abbreviations_sha256": hashlib.sha256((DATA_DIR / "abbreviations.csv").read_bytes()).hexdigest(),
        "vader_lexicon_sha256": _vader_sha256(),
    }
    for name, (p, r, f) in per_ds.items():
        info[f"dev_{name}_precision_recall_f1"] = f"{p:.4f} {r:.4f} {f:.4f}"
    info.update(meta or {})
    model = LoadedModel(names=m.names, weights=m.weights, intercept=m.intercept, threshold=t, meta=info)
    return model, report


def save(model: LoadedModel, path) -> None:
    """Write ``model`` (weights CSV and ``*_meta.csv`` beside it)."""
    write_model(path, model.names.tolist(), model.weights, model.intercept, model.meta)
