"""What the report's index leads with: each source's frame, how sure, and why, computed from the corpus.

Everything here is computed from the corpus in hand: no sentence describes the seeds unless
the corpus is the seeds (the analyst coding, when ``sources.csv`` gives one, is read by
:func:`framing.evaluate.analyst_coding`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from ..stance.data import FRAMES, NOT_ASSESSED

#: Below this many assessed articles the report says that differences between sources are
#: descriptions of these articles, not estimates about outlets (a rule of thumb for a
#: comparison of proportions between a handful of groups, stated so a reader can disagree).
MIN_ARTICLES_FOR_GENERAL_CLAIMS = 30
#: Labels longer than this are cut (with an ellipsis) in tables and figures.
LABEL_WIDTH = 60
_SPACE = re.compile(r"\s+")


def index_label(doc) -> str:
    """The index's label of a document: ``outlet — title`` (``sources.csv`` or the text), else the
    full file stem (never only its first ``_`` part); escaped by the template, not stripped."""
    outlet, title = (doc.outlet or "").strip(), (doc.title or "").strip()
    label = _SPACE.sub(" ", " — ".join(x for x in (outlet, title) if x) or doc.doc_id)
    return label if len(label) <= LABEL_WIDTH else label[: LABEL_WIDTH - 1].rstrip() + "…"


def verdicts(corpus, stance: pd.DataFrame, intervals: pd.DataFrame, drivers: pd.DataFrame,
             coded: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per source, most alarmist first (not-assessed sources last).

    Parameters
    ----------
    stance : :func:`framing.stance.stance_table`
    intervals : :func:`framing.stance.calibrate.bootstrap_interval` (``index_low, index_high``)
    drivers : :func:`framing.stance.calibrate.driving_sentences` (the sentence of rank 1 is shown)
    coded : :func:`framing.evaluate.analyst_coding`, optional

    Returns
    -------
    DataFrame: ``doc_id, label, frame, p_frame`` (the model's probability of that frame),
    ``alarm_index, index_low, index_high``, ``evidence`` (the sentence that moves the index most,
    whitespace collapsed; empty when no cue in the opening), ``evidence_start, evidence_end,
    evidence_effect``, ``analyst_frame`` and ``agree`` (empty / NA without a coding), ``reason``.
    """
    docs = {d.doc_id: d for d in corpus}
    iv = intervals.set_index("doc_id") if len(intervals) else pd.DataFrame(columns=["index_low", "index_high"])
    top = drivers[drivers["rank"] == 1].set_index("doc_id") if len(drivers) else pd.DataFrame()
    analyst = dict(zip(coded["doc_id"], coded["analyst_frame"])) if coded is not None and len(coded) else {}
    rows = []
    for r in stance.itertuples(index=False):
        frame, assessed = r.frame, r.frame in FRAMES
        drv = top.loc[r.doc_id] if assessed and r.doc_id in top.index else None
        rows.append({
            "doc_id": r.doc_id, "label": index_label(docs[r.doc_id]), "frame": frame,
            "p_frame": float(getattr(r, f"p_{frame}")) if assessed else float("nan"),
            "alarm_index": r.alarm_index,
            "index_low": float(iv.at[r.doc_id, "index_low"]) if assessed and r.doc_id in iv.index else float("nan"),
            "index_high": float(iv.at[r.doc_id, "index_high"]) if assessed and r.doc_id in iv.index else float("nan"),
            "evidence": _SPACE.sub(" ", drv["text"]).strip() if drv is not None else "",
            "evidence_start": int(drv["start"]) if drv is not None else 0,
            "evidence_end": int(drv["end"]) if drv is not None else 0,
            "evidence_effect": float(drv["effect"]) if drv is not None else float("nan"),
            "analyst_frame": analyst.get(r.doc_id, ""),
            "agree": (analyst[r.doc_id] == frame) if r.doc_id in analyst else pd.NA,
            "reason": getattr(r, "not_assessed_reason", "") or "",
        })
    out = pd.DataFrame(rows)
    out["_assessed"] = out["frame"] != NOT_ASSESSED
    out = out.sort_values(["_assessed", "alarm_index"], ascending=[False, False], kind="stable")
    return out.drop(columns="_assessed").reset_index(drop=True)


@dataclass
class Limits:
    """The limitations paragraph's facts, computed from this corpus."""

    n_articles: int
    n_assessed: int
    not_assessed: dict = field(default_factory=dict)   # reason -> count
    n_coded: int = 0
    n_agree: int = 0
    n_unreadable: int = 0

    def sentences(self) -> list[str]:
        """The limitations as plain sentences (escaped by the template)."""
        out = [f"{self.n_assessed} of {self.n_articles} articles were assessed."]
        for reason, k in sorted(self.not_assessed.items()):
            out.append(f"{k} left out: {reason}.")
        if self.n_unreadable:
            out.append(f"{self.n_unreadable} file(s) could not be read at all (listed above).")
        if self.n_coded:
            out.append(f"The frames agree with the analyst's coding for {self.n_agree} of {self.n_coded} coded "
                       "articles.")
        else:
            out.append("No analyst coding was given (an analyst_frame column in sources.csv), so agreement "
                       "with a reader was not measured for this corpus.")
        if self.n_assessed < MIN_ARTICLES_FOR_GENERAL_CLAIMS:
            out.append(f"With {self.n_assessed} assessed articles, differences between sources describe these "
                       f"articles only; they are not estimates about outlets in general (fewer than "
                       f"{MIN_ARTICLES_FOR_GENERAL_CLAIMS}).")
        return out


def limits(verdict_table: pd.DataFrame, n_unreadable: int = 0) -> Limits:
    """:class:`Limits` of a :func:`verdicts` table."""
    assessed = verdict_table["frame"] != NOT_ASSESSED
    reasons = verdict_table.loc[~assessed, "reason"].replace("", "not assessed").value_counts()
    coded = verdict_table[verdict_table["analyst_frame"] != ""]
    return Limits(n_articles=len(verdict_table), n_assessed=int(assessed.sum()),
                  not_assessed={str(k): int(v) for k, v in reasons.items()},
                  n_coded=int((coded["frame"] != NOT_ASSESSED).sum()),
                  n_agree=int((coded["analyst_frame"] == coded["frame"]).sum()), n_unreadable=n_unreadable)
