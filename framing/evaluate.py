"""Compare the package's output with hand annotation (precision, recall, agreement).

The annotation files live in ``annotations/`` and are made by reading the
texts; nothing in the package reads them except these measuring functions,
which the tests and the validation notebook call.
"""
from __future__ import annotations

import bisect
import csv
import itertools
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .corpus import ARTICLE_ROLES, Document
from .terms import FALSE_VALUES, TRUE_VALUES


def read_annotation(path: str | Path) -> list[dict]:
    """Rows of an annotation CSV (any file of ``annotations/``) with ``start``/``end`` as ints,
    every other column a string."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        r["start"], r["end"] = int(r["start"]), int(r["end"])
    return rows


def segmentation_agreement(doc: Document, gold: list[dict]) -> dict:
    """Character agreement between ``doc.blocks`` and gold spans of one document.

    Counts non-whitespace characters. ``article`` = title, dek, heading, body.

    Returns
    -------
    dict with article_chars, article_kept (predicted article), noise_chars,
    noise_labelled (predicted boilerplate), reason_agree (noise characters whose
    predicted reason equals the gold reason), and the two rates.
    """
    text = doc.text
    pred_role = [""] * len(text)
    pred_reason = [""] * len(text)
    for b in doc.blocks:
        for i in range(b.start, b.end):
            pred_role[i] = b.role
            pred_reason[i] = b.reason
    art = kept = noise = lab = reason_ok = 0
    for g in gold:
        gold_article = g["role"] in ARTICLE_ROLES
        for i in range(g["start"], g["end"]):
            if text[i].isspace():
                continue
            p_article = pred_role[i] in ARTICLE_ROLES
            if gold_article:
                art += 1
                kept += p_article
            else:
                noise += 1
                lab += not p_article
                reason_ok += pred_reason[i] == g["reason"]
    return {
        "doc_id": doc.doc_id, "article_chars": art, "article_kept": kept, "noise_chars": noise,
        "noise_labelled": lab, "reason_agree": reason_ok,
        "article_kept_rate": kept / art if art else 1.0,
        "noise_labelled_rate": lab / noise if noise else 1.0,
    }


def segmentation_report(corpus, gold_rows: list[dict]):
    """Per-document agreement table plus a pooled ``ALL`` row (pandas DataFrame)."""
    import pandas as pd

    by_doc: dict[str, list[dict]] = {}
    for r in gold_rows:
        by_doc.setdefault(r["doc_id"], []).append(r)
    rows = [segmentation_agreement(d, by_doc[d.doc_id]) for d in corpus if d.doc_id in by_doc]
    df = pd.DataFrame(rows)
    tot = df[["article_chars", "article_kept", "noise_chars", "noise_labelled", "reason_agree"]].sum()
    pooled = {"doc_id": "ALL", **tot.to_dict(),
              "article_kept_rate": tot.article_kept / tot.article_chars,
              "noise_labelled_rate": tot.noise_labelled / tot.noise_chars if tot.noise_chars else 1.0}
    return pd.concat([df, pd.DataFrame([pooled])], ignore_index=True)


# --------------------------------------------------------------------------- quotes

QUOTE_CLASS = {"direct": "a", "partial": "a", "scare": "u", "unattributed": "u", "reported": "r"}


def _norm_speaker(s: str) -> str:
    import re

    s = (s or "").replace("’", "'").lower().strip()
    s = re.sub(r"^the\s+", "", s)
    return " ".join(re.sub(r"[^\w' ]+", " ", s).split())


def speaker_match(gold: str, pred: str) -> bool:
    """Names agree after lower-casing and dropping 'the' and punctuation, or one contains the
    other on word boundaries ('Berzain' ~ 'Carlos Sánchez Berzain')."""
    g, p = _norm_speaker(gold), _norm_speaker(pred)
    if g == p:
        return True
    if not g or not p:
        return False
    return f" {g} " in f" {p} " or f" {p} " in f" {g} "


def quote_match(g: dict, p: dict) -> bool:
    """Same kind class (direct/partial, scare/unattributed, reported) and span overlap
    (intersection over union) of at least 0.9, or 0.5 for reported speech."""
    if QUOTE_CLASS[g["kind"]] != QUOTE_CLASS[p["kind"]]:
        return False
    inter = max(0, min(g["end"], p["end"]) - max(g["start"], p["start"]))
    union = max(g["end"], p["end"]) - min(g["start"], p["start"])
    return inter / union >= (0.5 if g["kind"] == "reported" else 0.9)


def quote_agreement(texts: dict[str, str], gold: list[dict], story=None) -> dict:
    """Quote precision, recall, F1 and speaker accuracy against hand annotation.

    Parameters
    ----------
    texts : {doc_id: raw text}
    gold : annotation rows (doc_id, start, end, kind, speaker, text)

    Returns
    -------
    dict: precision, recall, f1, speaker_acc (over matched gold rows that have a speaker or
    are attributable), n_gold, n_speakers, errors (FN / FP / SPK tuples for inspection).
    """
    from .quotes import extract_quotes
    from .story import load_story

    tp = fp = fn = sp_ok = sp_n = 0
    errors = []
    for did, text in texts.items():
        G = [g for g in gold if g["doc_id"] == did]
        P = extract_quotes(text, doc_id=did, story=load_story(story))
        used = set()
        for g in G:
            hit = next((k for k, p in enumerate(P) if k not in used and quote_match(g, p)), None)
            if hit is None:
                fn += 1
                errors.append(("FN", did, g["start"], g["text"][:60]))
                continue
            used.add(hit)
            tp += 1
            if g["speaker"] or QUOTE_CLASS[g["kind"]] in "ar":
                sp_n += 1
                if speaker_match(g["speaker"], P[hit]["speaker"]):
                    sp_ok += 1
                else:
                    errors.append(("SPK", did, g["start"], g["speaker"], P[hit]["speaker"]))
        fp += len(P) - len(used)
        errors += [("FP", did, p["start"], p["text"][:60]) for k, p in enumerate(P) if k not in used]
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return dict(precision=prec, recall=rec, f1=f1, speaker_acc=sp_ok / sp_n if sp_n else 0.0,
                n_gold=tp + fn, n_speakers=sp_n, errors=errors)


# --------------------------------------------------------------------------- loaded terms


class _SpanIndex:
    """Spans (possibly overlapping) answering overlap and containment queries by bisection
    (sorted starts, running maximum of ends) instead of a pass over every span."""

    def __init__(self, spans):
        st = sorted((a, b) for a, b in spans)
        self._starts = [a for a, _ in st]
        self._maxend = list(itertools.accumulate((b for _, b in st), max))

    def overlaps(self, s: int, e: int) -> bool:
        """Is there a span with ``start < e and s < end``?"""
        k = bisect.bisect_left(self._starts, e)
        return bool(k) and self._maxend[k - 1] > s

    def contains(self, s: int, e: int) -> bool:
        """Is there a span with ``start <= s and e <= end``?"""
        k = bisect.bisect_right(self._starts, s)
        return bool(k) and self._maxend[k - 1] >= e


def evaluate_hits(hits: pd.DataFrame, gold, loaded: bool = True, doc_ids=None) -> dict:
    """Precision and recall of loaded-term hits against a hand annotation, by span overlap.

    ``gold``: rows of ``annotations/terms.csv`` (:func:`read_annotation`, or a DataFrame).

    Only hits inside an annotated extent (gold rows with category ``_extent``) of an annotated
    document are scored, and only hits and gold spans whose ``loaded`` equals ``loaded``.
    A hit is correct when it overlaps a gold span (``lenient``), or overlaps a gold span of the
    same category (``strict``); a gold span is found when some hit overlaps it (same rules).
    ``doc_ids`` restricts the scoring to those documents (default: every annotated document, so
    pass the ids of the documents that were matched).

    Returns
    -------
    dict
        ``n_pred, n_gold, precision, recall, f1`` (lenient) and ``precision_strict,
        recall_strict, f1_strict``; also ``false_positives`` / ``false_negatives``: lists of
        (doc_id, start, end, text, category) under the lenient rule.
    """
    g = pd.DataFrame(gold, columns=["doc_id", "start", "end", "text", "category", "loaded"]) \
        if isinstance(gold, list) else gold.copy()
    if doc_ids is not None:
        keep = set(doc_ids)
        g = g[g["doc_id"].isin(keep)]
        hits = hits[hits["doc_id"].isin(keep)]
    ext = g[g["category"] == "_extent"]
    g = g[g["category"] != "_extent"]
    g = g[g["loaded"].astype(str).str.lower().isin(TRUE_VALUES if loaded else FALSE_VALUES)]
    extents: dict[str, list] = {}
    for r in ext.itertuples(index=False):
        extents.setdefault(r.doc_id, []).append((r.start, r.end))
    h = hits[hits["loaded"] == loaded]
    inside = {d: _SpanIndex(sp) for d, sp in extents.items()}
    h = h[[r.doc_id in inside and inside[r.doc_id].contains(r.start, r.end)
           for r in h.itertuples(index=False)]]
    gd: dict[str, list] = {}
    for r in g.itertuples(index=False):
        gd.setdefault(r.doc_id, []).append((r.start, r.end, r.category, r.text))
    hd: dict[str, list] = {}
    for r in h.itertuples(index=False):
        hd.setdefault(r.doc_id, []).append((r.start, r.end, r.category, r.text))

    def index(spans, strict):
        """span -> does it overlap one of ``spans`` (of the same category when strict)?"""
        by: dict = {}
        for x in spans:
            by.setdefault(x[2] if strict else None, []).append(x[:2])
        idx = {k: _SpanIndex(v) for k, v in by.items()}
        return lambda x: (x[2] if strict else None) in idx and idx[x[2] if strict else None].overlaps(x[0], x[1])

    res: dict = {"n_pred": len(h), "n_gold": len(g)}
    for strict, suf in ((False, ""), (True, "_strict")):
        tp_p = tp_g = 0
        fps, fns = [], []
        for d in set(gd) | set(hd):
            G, H = gd.get(d, []), hd.get(d, [])
            in_gold, in_hits = index(G, strict), index(H, strict)
            for x in H:
                if in_gold(x):
                    tp_p += 1
                elif not strict:
                    fps.append((d,) + x[:2] + (x[3], x[2]))
            for y in G:
                if in_hits(y):
                    tp_g += 1
                elif not strict:
                    fns.append((d,) + y[:2] + (y[3], y[2]))
        p = tp_p / len(h) if len(h) else float("nan")
        rc = tp_g / len(g) if len(g) else float("nan")
        res["precision" + suf] = p
        res["recall" + suf] = rc
        res["f1" + suf] = 2 * p * rc / (p + rc) if p + rc else 0.0
        if not strict:
            res["false_positives"] = sorted(fps)
            res["false_negatives"] = sorted(fns)
    return res


# --------------------------------------------------------------------------- frames against an analyst

ANALYST_SCALE = {"alarmist": 1, "neutral": 0, "skeptical": -1}  # the analyst's frame as an ordinal


def analyst_coding(path: str | Path, stance: pd.DataFrame | None = None) -> pd.DataFrame:
    """An analyst's frame coding of a corpus: the ``analyst_*`` columns of its ``sources.csv``.

    The loader drops every ``analyst_`` column, so no table of the package can use the coding;
    this reader exists only to measure agreement with it (:func:`frame_agreement`).

    Parameters
    ----------
    path : the corpus folder (its ``sources.csv`` is read; a single file has no coding).
    stance : optional :func:`framing.stance_table`; when given, the coding is joined to the
        index and frame of its assessable documents and sorted by ``alarm_index``, highest first.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, analyst_frame, analyst_justification`` (with ``stance``: ``doc_id, alarm_index,
        frame, analyst_frame, analyst_justification``), one row per document coded alarmist,
        neutral or skeptical; empty when there is no coding.
    """
    cols = ["doc_id", "analyst_frame", "analyst_justification"]
    src = Path(path) / "sources.csv"
    meta = pd.read_csv(src, dtype=str, keep_default_na=False, encoding="utf-8-sig") \
        if Path(path).is_dir() and src.is_file() else pd.DataFrame(columns=cols)
    if "analyst_frame" not in meta.columns:
        meta = pd.DataFrame(columns=cols)
    coded = meta.reindex(columns=cols, fill_value="")
    coded = coded[coded["analyst_frame"].isin(ANALYST_SCALE)].reset_index(drop=True)
    if stance is None:
        return coded
    scored = stance[stance["assessable"]] if "assessable" in stance.columns else stance
    coded = scored[["doc_id", "alarm_index", "frame"]].merge(coded, on="doc_id")
    return coded.sort_values("alarm_index", ascending=False, kind="stable").reset_index(drop=True)


@dataclass(frozen=True)
class FrameAgreement:
    """How far the index's frames and order agree with an analyst's coding (:func:`frame_agreement`)."""

    n: int                  # documents coded and scored
    same_frame: int         # documents whose frame equals the analyst's
    confusion: pd.DataFrame  # analyst frame (rows) x index frame (columns), all three frames
    spearman: float         # Spearman's rho, alarm index vs the analyst's ordinal (nan when undefined)
    kendall_tau_b: float    # Kendall's tau-b, the same pair (ties in the analyst's coding allowed)
    concordant: int         # pairs in different analyst frames that the index orders the same way
    n_pairs: int            # pairs in different analyst frames
    disagreements: pd.DataFrame  # doc_id, analyst_frame, frame, alarm_index where the frames differ

    def summary(self) -> pd.DataFrame:
        """The agreement as a one-column table (``value``) for display."""
        return pd.Series({"sources coded": self.n, "same frame": self.same_frame, "Spearman rho": self.spearman,
                          "Kendall tau-b": self.kendall_tau_b,
                          "pairs ordered": f"{self.concordant} of {self.n_pairs}"}, name="value").to_frame()


def frame_agreement(coded: pd.DataFrame) -> FrameAgreement:
    """Agreement of the alarm index and its frames with an analyst's frame coding.

    ``coded`` has one row per document with ``doc_id, alarm_index, frame, analyst_frame``
    (:func:`analyst_coding` with a stance table). The analyst's frame becomes an ordinal
    (alarmist 1, neutral 0, skeptical -1; :data:`ANALYST_SCALE`). Spearman's rho and Kendall's
    tau-b (scipy) compare it with the index; both are nan with fewer than three documents or
    when either side is constant. A pair of documents in different analyst frames is
    *concordant* when the index orders it the same way (a tie in the index is not).

    Examples
    --------
    >>> import pandas as pd
    >>> coded = pd.DataFrame({"doc_id": ["a", "b", "c"], "alarm_index": [0.5, 0.1, -0.3],
    ...                       "frame": ["alarmist", "neutral", "skeptical"],
    ...                       "analyst_frame": ["alarmist", "skeptical", "skeptical"]})
    >>> r = frame_agreement(coded)
    >>> (r.same_frame, r.concordant, r.n_pairs)
    (2, 2, 2)
    """
    coded = coded[coded["analyst_frame"].isin(ANALYST_SCALE)].reset_index(drop=True)
    frames = list(ANALYST_SCALE)
    confusion = pd.crosstab(pd.Categorical(coded["analyst_frame"], frames), pd.Categorical(coded["frame"], frames),
                            rownames=["analyst"], colnames=["index"], dropna=False)
    ordinal = coded["analyst_frame"].map(ANALYST_SCALE).astype(float).tolist()
    index = coded["alarm_index"].astype(float).tolist()
    rho, tau = _rank_correlations(index, ordinal)
    pairs = [(i, j) for i, j in itertools.combinations(range(len(coded)), 2) if ordinal[i] != ordinal[j]]
    concordant = sum((index[i] - index[j]) * (ordinal[i] - ordinal[j]) > 0 for i, j in pairs)
    off = coded[coded["analyst_frame"] != coded["frame"]]
    return FrameAgreement(n=len(coded), same_frame=len(coded) - len(off), confusion=confusion, spearman=rho,
                          kendall_tau_b=tau, concordant=int(concordant), n_pairs=len(pairs),
                          disagreements=off[["doc_id", "analyst_frame", "frame", "alarm_index"]].reset_index(drop=True))


def _rank_correlations(x: list, y: list) -> tuple[float, float]:
    """Spearman's rho and Kendall's tau-b of two equal-length lists; nan when undefined."""
    if len(x) < 3 or len(set(x)) < 2 or len(set(y)) < 2:
        return float("nan"), float("nan")
    from scipy.stats import kendalltau, spearmanr

    return float(spearmanr(x, y).statistic), float(kendalltau(x, y).statistic)


# --------------------------------------------------------------------------- score tables

TERM_SCORE_COLUMNS = ["set", "scored", "n_gold", "n_pred", "precision", "recall", "f1", "precision_strict",
                      "recall_strict", "missed"]
QUOTE_SCORE_COLUMNS = ["set", "texts", "n_gold", "precision", "recall", "f1", "speaker_accuracy",
                       "n_speakers_scored", "errors"]


def term_scores(sets, gold, loaded=(True, False)) -> pd.DataFrame:
    """:func:`evaluate_hits` over named sets of documents, one row per set and kind of term.

    ``sets``: ``(name, hits, doc_ids)`` triples (a set with no doc_ids is skipped); ``gold``:
    rows of ``annotations/terms.csv``; ``loaded``: the kinds to score (True: loaded terms,
    False: epistemic markers). Columns :data:`TERM_SCORE_COLUMNS`; ``missed`` lists the
    annotated words no hit found (lenient rule), sorted and comma-separated.
    """
    rows = []
    for name, hits, ids in sets:
        for flag in loaded if len(ids) else ():
            r = evaluate_hits(hits, gold, loaded=flag, doc_ids=ids)
            rows.append([name, "loaded terms" if flag else "epistemic markers"]
                        + [r[k] for k in TERM_SCORE_COLUMNS[2:-1]]
                        + [", ".join(sorted({fn[3] for fn in r["false_negatives"]}))])
    return pd.DataFrame(rows, columns=TERM_SCORE_COLUMNS)


def quote_scores(sets, gold: list[dict], story=None) -> pd.DataFrame:
    """:func:`quote_agreement` over named sets of texts, one row per set.

    ``sets``: ``(name, {doc_id: text})`` pairs (an empty set is skipped); ``gold``: rows of
    ``annotations/quotes.csv``. Columns :data:`QUOTE_SCORE_COLUMNS`; ``errors`` holds the
    set's FN / FP / SPK tuples (:func:`quote_agreement`).
    """
    rows = []
    for name, texts in sets:
        if texts:
            r = quote_agreement(texts, gold, story=story)
            rows.append([name, len(texts), r["n_gold"], r["precision"], r["recall"], r["f1"], r["speaker_acc"],
                         r["n_speakers"], r["errors"]])
    return pd.DataFrame(rows, columns=QUOTE_SCORE_COLUMNS)
