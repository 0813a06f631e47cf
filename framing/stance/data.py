"""Stance configuration: cue names, the index weights, a story's targets and topics.

``framing/data/stance_weights.csv`` (generic)
    ``feature, kind, weight, sign, center, scale, value, rationale``: the weights, signs and
    fixed reference scales of the alarm index (``kind = feature``), the frame thresholds
    (``kind = threshold``) and the smoothing parameters (``kind = parameter``).
a story pack's ``targets.csv``, ``topics.csv`` and ``weights.csv`` (:mod:`framing.story`)
    the actors whose portrayal is measured (``target, pattern, rationale``: a case-sensitive
    regular expression per actor, giving ``vader_<target>``), the named facts for
    cross-source sentence alignment, and the weights of the features the pack supplies.
    Without a pack there are no targets or topics and the index uses generic weights only.

Cues (:data:`CUES`): the lexicon's ``direction`` column gives the frame cues
(``alarm`` -> threat-affirming, ``skeptic`` -> alarm-skeptical, ``sovereignty``); its
``category`` gives the epistemic markers (``hedge``, ``booster``, ``distancing``) and generic
fear vocabulary (``threat_fear`` -> fear).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .._data import data_path

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
    from ..story import load_story

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
    from ..story import load_story

    story = load_story(story)
    return list(_targets_cached(story)) if story is not None else []


def load_topics(story=None) -> pd.DataFrame:
    """A story pack's ``topics.csv``: columns topic, pattern, query, rationale (none without a pack)."""
    from ..story import load_story

    return _pack_table(load_story(story), "topics.csv", ["topic", "pattern", "query", "rationale"])
