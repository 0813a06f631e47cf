"""Stance: sentence cues, target sentiment, per-document features, the alarm index.

The modules follow the flow of the measure:

1. :mod:`.sentences` -- cue spans in their sentence and additive per-sentence counts
   (:func:`sentence_cues`, :func:`sentence_table`, :func:`target_sentiment`);
2. :mod:`.features` -- per-document features as sums over sentences (:func:`stance_features`);
3. :mod:`.index` -- the alarm index and the frame (:func:`alarm_index`, :func:`stance_table`);
4. :mod:`.uncertainty` -- sentence bootstrap, leave-one-feature-out, weight perturbation;
5. :mod:`.comparison` -- TF-IDF similarity, PCA map, sentences aligned on named facts.

:mod:`.data` holds the configuration they read (cue names, weights, a story's targets and
topics). The unit is the sentence (``Document.sentences``): every count is additive over
sentences, so a document's features are sums over its sentences and the bootstrap resamples
sentences.
"""
from __future__ import annotations

from .comparison import MIN_ALIGN_TOKENS, aligned_sentences, feature_map, tfidf_similarity
from .data import (
                   CUE_COLUMNS,
                   CUES,
                   FRAMES,
                   LEDE_MINUS,
                   LEDE_PLUS,
                   NOT_ASSESSED,
                   SIDES,
                   VOICES,
                   load_targets,
                   load_topics,
                   load_weights,
)
from .features import stance_features
from .index import alarm_index, frame_from_index, handset_view, index_contributions, stance_table, standardise
from .sentences import VADER_MAX_CHARS, sentence_cues, sentence_table, target_sentiment
from .uncertainty import bootstrap_index, kendall_tau, leave_one_feature_out, weight_perturbation

__all__ = ["CUES", "CUE_COLUMNS", "FRAMES", "LEDE_MINUS", "LEDE_PLUS", "MIN_ALIGN_TOKENS", "NOT_ASSESSED",
           "SIDES", "VADER_MAX_CHARS", "VOICES", "sentence_cues", "sentence_table", "target_sentiment",
           "stance_features", "load_weights", "load_targets", "load_topics", "standardise", "alarm_index",
           "frame_from_index", "handset_view", "index_contributions", "stance_table", "bootstrap_index",
           "leave_one_feature_out", "weight_perturbation", "kendall_tau", "tfidf_similarity",
           "feature_map", "aligned_sentences"]
