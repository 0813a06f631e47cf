"""Compare the package's output with hand annotation (precision, recall, agreement).

The annotation files live in ``annotations/`` and are made by reading the
texts; nothing in the package reads them except these measuring functions,
which the tests and the validation notebook call.
"""
from __future__ import annotations

import csv
from pathlib import Path

from .corpus import ARTICLE_ROLES, Document


def read_annotation(path: str | Path) -> list[dict]:
    """Rows of an annotation CSV with ``start``/``end`` as ints."""
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
