"""The shipped loaded-word model as plain data, and scoring with numpy only.

Files (``framing/data/``)
-------------------------
``loaded_model.csv``
    ``feature,weight``: the first row is ``__intercept__``, then one row per feature name in sorted
    order (names are :mod:`framing.terms_model.features` names: a word type, a stem, a shape, ...).
``loaded_model_meta.csv``
    ``key,value``: how the model was made (script, split, data digests, C, threshold and its
    criterion, dev scores) and ``weights_sha256`` / ``n_features`` / ``feature_version``, which
    :func:`load_model` checks, so a corrupted, truncated or mismatched pair is refused.

Nothing is unpickled and nothing is fitted here: a token's score is
``1 / (1 + exp(-(intercept + sum(weight[f] * value[f]))))`` over its features that the model knows.
"""
from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from .._data import DATA_DIR
from .features import FEATURE_VERSION, token_features

MODEL_FILE = DATA_DIR / "loaded_model.csv"
INTERCEPT = "__intercept__"
FORMAT_VERSION = "1"


class ModelError(ValueError):
    """The model files are missing, corrupted or do not belong together (one-line message)."""


@dataclass(frozen=True)
class ModelHit:
    """One scored word token: ``text == document_text[start:end]``, ``score`` in [0, 1]."""

    start: int
    end: int
    text: str
    score: float


@dataclass(frozen=True, eq=False)
class LoadedModel:
    """Logistic-regression weights as arrays.

    Attributes
    ----------
    names : ndarray of str, shape (n_features,)
        Feature names, sorted.
    weights : ndarray of float64, shape (n_features,)
    intercept : float
    threshold : float
        A token is a hit when its score is >= threshold (chosen on the dev split, see ``meta``).
    meta : dict of str -> str
        The metadata file's rows.
    """

    names: np.ndarray
    weights: np.ndarray
    intercept: float
    threshold: float
    meta: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.names.shape != self.weights.shape or self.names.ndim != 1:
            raise ModelError(f"names {self.names.shape} and weights {self.weights.shape} differ in shape")
        names = self.names.tolist()
        object.__setattr__(self, "_index", {n: i for i, n in enumerate(names)})
        object.__setattr__(self, "_weight", dict(zip(names, self.weights.tolist())))

    @property
    def index(self) -> dict:
        """feature name -> position in ``names`` / ``weights``."""
        return self._index

    def decision(self, features: Sequence[dict]) -> np.ndarray:
        """Linear scores (log-odds), shape (n_tokens,), for one feature dict per token."""
        get = self._weight.get
        z = [sum([get(name, 0.0) * v for name, v in f.items()]) for f in features]
        return np.asarray(z, dtype=np.float64).reshape(len(features)) + self.intercept

    def predict_proba(self, features: Sequence[dict]) -> np.ndarray:
        """Probability that each token is loaded, shape (n_tokens,)."""
        return 1.0 / (1.0 + np.exp(-self.decision(features)))

    def top_features(self, n: int = 20) -> list[tuple[str, float]]:
        """The ``n`` features with the largest positive weights, then the ``n`` most negative."""
        order = np.argsort(-self.weights, kind="stable")
        pos = [(str(self.names[i]), float(self.weights[i])) for i in order[:n]]
        neg = [(str(self.names[i]), float(self.weights[i])) for i in order[::-1][:n]]
        return pos + neg


# --------------------------------------------------------------------------- files


def meta_path(model_path) -> Path:
    """``loaded_model.csv`` -> ``loaded_model_meta.csv`` (beside it)."""
    p = Path(model_path)
    return p.with_name(p.stem + "_meta.csv")


def weights_csv(names: Sequence[str], weights: Sequence[float], intercept: float) -> bytes:
    """The weights file's bytes (LF line ends, shortest round-trip floats: the same arrays give the
    same bytes on every machine)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["feature", "weight"])
    w.writerow([INTERCEPT, repr(float(intercept))])
    for n, x in zip(names, weights):
        w.writerow([n, repr(float(x))])
    return buf.getvalue().encode("utf-8")


def meta_csv(meta: dict) -> bytes:
    """The metadata file's bytes, keys in the order given."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["key", "value"])
    for k, v in meta.items():
        w.writerow([k, v])
    return buf.getvalue().encode("utf-8")


def write_model(path, names: Sequence[str], weights: Sequence[float], intercept: float, meta: dict) -> Path:
    """Write the weights file and its metadata beside it; ``meta`` gains ``weights_sha256``,
    ``n_features``, ``feature_version`` and ``format_version``. Returns the weights path."""
    p = Path(path)
    data = weights_csv(names, weights, intercept)
    full = {"format_version": FORMAT_VERSION, "feature_version": FEATURE_VERSION,
            "n_features": str(len(names)), "weights_sha256": hashlib.sha256(data).hexdigest()}
    full.update({k: v for k, v in meta.items() if k not in full})
    p.write_bytes(data)
    meta_path(p).write_bytes(meta_csv(full))
    return p


def _read_csv(path: Path, header: list[str]) -> tuple[bytes, list[list[str]]]:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ModelError(f"{path}: cannot read model file ({e.strerror or e}); retrain with `make model`") from None
    try:
        rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    except (UnicodeDecodeError, csv.Error) as e:
        raise ModelError(f"{path}: not a model CSV ({type(e).__name__})") from None
    if not rows or rows[0] != header:
        raise ModelError(f"{path}: expected header {','.join(header)}")
    for i, r in enumerate(rows[1:], start=2):
        if len(r) != 2:
            raise ModelError(f"{path}: line {i}: expected 2 fields, found {len(r)}")
    return data, rows[1:]


def load_model(path=None) -> LoadedModel:
    """Read and check a model (default: the packaged ``framing/data/loaded_model.csv``).

    Raises
    ------
    ModelError
        A file is missing or malformed, a weight is not a finite number, a feature is listed
        twice, the weights do not match the metadata (``weights_sha256``, ``n_features``), or the
        model was made for another feature set (``feature_version``) or file format.
    """
    p = Path(path) if path is not None else MODEL_FILE
    mp = meta_path(p)
    data, rows = _read_csv(p, ["feature", "weight"])
    _, mrows = _read_csv(mp, ["key", "value"])
    meta = {k: v for k, v in mrows}
    for key in ("format_version", "feature_version", "n_features", "weights_sha256", "threshold"):
        if key not in meta:
            raise ModelError(f"{mp}: no {key} row")
    if meta["format_version"] != FORMAT_VERSION:
        raise ModelError(f"{mp}: model file format {meta['format_version']!r}, this code reads {FORMAT_VERSION!r}")
    if meta["feature_version"] != FEATURE_VERSION:
        raise ModelError(f"{mp}: model made for feature set {meta['feature_version']!r}, this code computes "
                         f"{FEATURE_VERSION!r}; retrain with `make model`")
    if hashlib.sha256(data).hexdigest() != meta["weights_sha256"]:
        raise ModelError(f"{p}: weights do not match {mp.name} (sha256 differs): corrupted or mismatched files")
    if not rows or rows[0][0] != INTERCEPT:
        raise ModelError(f"{p}: first row must be {INTERCEPT}")
    names = [r[0] for r in rows[1:]]
    if str(len(names)) != meta["n_features"]:
        raise ModelError(f"{p}: {len(names)} features, metadata says {meta['n_features']}")
    if len(set(names)) != len(names):
        raise ModelError(f"{p}: a feature is listed twice")
    try:
        values = np.array([float(r[1]) for r in rows], dtype=np.float64)
        threshold = float(meta["threshold"])
    except ValueError as e:
        raise ModelError(f"{p}: not a number ({e})") from None
    if not np.all(np.isfinite(values)):
        raise ModelError(f"{p}: a weight is not a finite number")
    if not (0.0 < threshold < 1.0):
        raise ModelError(f"{mp}: threshold {threshold} outside (0, 1)")
    return LoadedModel(names=np.array(names, dtype=str), weights=values[1:], intercept=float(values[0]),
                       threshold=threshold, meta=meta)


@lru_cache(maxsize=4)
def _default_model(path: str) -> LoadedModel:
    return load_model(path)


def default_model() -> LoadedModel:
    """The packaged model, read once per process."""
    return _default_model(str(MODEL_FILE))


# --------------------------------------------------------------------------- scoring


def score_tokens(text: str, in_quote: Sequence[bool] | None = None, spans: Iterable[tuple[int, int]] | None = None,
                 model: LoadedModel | None = None) -> list[ModelHit]:
    """Every word token of ``text`` with the model's probability that it is loaded.

    Parameters
    ----------
    text : str
        A document's text; offsets are into it.
    in_quote : sequence of bool, length ``len(text)``, optional
        True inside quotations (default :func:`framing.quotes.in_quote_mask`).
    spans : iterable of (start, end), optional
        Score only the tokens inside these spans (a document's content spans); default all text.
    model : LoadedModel, optional
        Default the packaged model.

    Returns
    -------
    list of ModelHit, one per word token, in text order.
    """
    m = model if model is not None else default_model()
    tokens, feats = token_features(text, in_quote, spans)
    if not tokens:
        return []
    p = m.predict_proba(feats)
    return [ModelHit(s, e, text[s:e], float(x)) for (s, e), x in zip(tokens, p.tolist())]
