"""Compare the package's output with hand annotation (precision, recall, agreement).

The annotation files live in ``tests/annotations/`` and are made by reading the
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
