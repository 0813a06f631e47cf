"""A supervised second detector of loaded words, beside the lexicon (issue 12).

Run time needs only this package's plain-data model (``framing/data/loaded_model.csv`` and its
``_meta.csv``) and numpy; fitting (:mod:`.train`, scikit-learn) and lexicon derivation (:mod:`.derive`)
are imported only by the scripts that make those files.

    >>> from framing.terms_model import model_hits
    >>> [(h.start, h.end, h.text) for h in model_hits("Critics slammed the plan.")][:1]  # doctest: +SKIP
    [(8, 15, 'slammed')]

A subpackage rather than one module: the boundary between what runs in the package (features,
scoring) and what runs only in ``scripts/`` (fitting, deriving) is a module boundary a test checks
(scoring imports no scikit-learn).
"""
from __future__ import annotations

from .features import FEATURE_VERSION, token_features
from .model import LoadedModel, ModelError, ModelHit, default_model, load_model, score_tokens
from .scorer import Scorer, model_hits

__all__ = ["FEATURE_VERSION", "LoadedModel", "ModelError", "ModelHit", "default_model", "load_model",
           "model_hits", "score_tokens", "Scorer", "token_features"]
