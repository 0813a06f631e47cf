"""Tables over many documents: :func:`quotes_table`, :func:`quote_summary`, :func:`voice_spans`."""
from __future__ import annotations

import bisect
import math

from .document import _SpanSet
from .extract import extract_quotes
from .marks import quote_spans
from .names import WORD_RE
from .record import QUOTE_COLUMNS


def _documents(documents):
    return list(getattr(documents, "documents", documents))


def quotes_table(documents, include_boilerplate: bool = False, story=None):
    """Quotes of many documents as one DataFrame.

    Parameters
    ----------
    documents : Corpus or iterable of Document
        Objects with ``.doc_id``, ``.text`` and ``.content_spans()``.
    include_boilerplate : bool
        False (default): quotes in page noise (outside ``content_spans()``) are
        dropped. True: they are kept and marked in the ``in_boilerplate`` column.
    story : story pack name, folder or Story, optional
        Its speaker registry and role rules; default: the pack the corpus was loaded
        with, else none (generic rules only, no registry).

    Returns
    -------
    pandas.DataFrame
        One row per quote; columns ``QUOTE_COLUMNS`` + ``in_boilerplate`` (bool),
        ``n_words`` (words inside the span). ``speaker_id`` groups the forms of one speaker
        of an article ("Mr. Berzain", "Sánchez Berzain" -> "Carlos Sánchez Berzain"; the
        registry name when the registry knows it; a vague source in lower case),
        ``speaker_kind`` is person, organisation, vague or none, and ``speaker_role`` is one
        per ``speaker_id`` in an article (registry first, else the role most of its forms'
        descriptors decide), with ``role_evidence`` (``registry: <name>``, ``descriptor:
        <word>``, or '' when nothing decided it); :func:`consistent_roles` makes it one per id
        across the documents.
    """
    import pandas as pd

    from ..story import story_of

    pack = story_of(documents, story)
    rows = []
    for doc in _documents(documents):
        text = doc.text
        content = list(doc.content_spans()) if hasattr(doc, "content_spans") else [(0, len(text))]
        boiler = _complement(content, len(text))
        in_boiler, in_content = _SpanSet(boiler), _SpanSet(content)
        for r in extract_quotes(text, exclude=() if include_boilerplate else boiler, doc_id=doc.doc_id, story=pack):
            r["in_boilerplate"] = in_boiler.overlaps(r["start"], r["end"]) and not in_content.contains(
                r["start"], r["end"])
            r["n_words"] = len(WORD_RE.findall(r["text"]))
            rows.append(r)
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS + ["in_boilerplate", "n_words"])


def consistent_roles(quotes_df):
    """The quotes table with one role per named speaker id across its documents.

    A person or organisation whose articles decide different roles (or some decide none) takes the
    registry's role if an article has it, else the role decided in most articles (ties: the first
    in order); ``role_evidence`` names it (``corpus: <evidence> (<n> of <m> articles)``). Vague
    sources keep their article's role. A separate step, not part of :func:`quotes_table`: every
    table is computed per document (``framing.batch``), so a row never depends on other documents
    unless asked ("who speaks" across a corpus).
    """
    import pandas as pd

    rows = _corpus_roles(quotes_df.to_dict("records"))
    return pd.DataFrame(rows, columns=list(quotes_df.columns), index=quotes_df.index)


def _corpus_roles(rows: list[dict]) -> list[dict]:
    """:func:`consistent_roles` over row dicts (changed in place and returned)."""
    decided: dict[str, dict[str, tuple[str, str, str]]] = {}   # id -> doc -> (role, side, evidence)
    for r in rows:
        if r["speaker_kind"] in ("person", "organisation") and r["speaker_role"] != "unknown":
            decided.setdefault(r["speaker_id"], {}).setdefault(
                r["doc_id"], (r["speaker_role"], r["side"], r["role_evidence"]))
    chosen = {}
    for sid, per_doc in decided.items():
        votes = list(per_doc.values())
        reg = [v for v in votes if v[2].startswith("registry")]
        role = reg[0][0] if reg else max((v[0] for v in votes), key=[v[0] for v in votes].count)
        best = next(v for v in (reg or votes) if v[0] == role)
        chosen[sid] = (best, sum(v[0] == role for v in votes))
    n_docs: dict[str, set] = {}
    for r in rows:
        if r["speaker_id"] in chosen:
            n_docs.setdefault(r["speaker_id"], set()).add(r["doc_id"])
    for r in rows:
        c = chosen.get(r["speaker_id"]) if r["speaker_kind"] in ("person", "organisation") else None
        if c is None:
            continue
        (role, side, ev), n = c
        if (r["speaker_role"], r["side"]) != (role, side):
            r["speaker_role"], r["side"] = role, side
            r["role_evidence"] = f"corpus: {ev} ({n} of {len(n_docs[r['speaker_id']])} articles)"
    return rows


def _complement(spans, n):
    """The parts of [0, n) that no span covers, as sorted ``(start, end)``."""
    out, pos = [], 0
    for a, b in sorted(spans):
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < n:
        out.append((pos, n))
    return out


def quote_summary(quotes_df, documents=None):
    """Per-document sourcing summary.

    Parameters
    ----------
    quotes_df : DataFrame
        Output of :func:`quotes_table`.
    documents : Corpus or iterable of Document, optional
        Used to list documents that have no quotes (zero rows otherwise missing).

    Returns
    -------
    pandas.DataFrame
        One row per document: ``n_quotes`` (all kinds), ``n_direct``, ``n_partial``,
        ``n_reported``, ``n_scare``, ``n_unattributed``, ``n_speakers`` (distinct),
        ``n_vague`` (quotes whose speaker is a vague source), ``quoted_words``
        (words in direct/partial/unattributed/reported spans, scare quotes excluded),
        ``share_no_speaker`` (share of those words with no speaker),
        ``voice_entropy`` (Shannon entropy, bits, of quoted words over speakers; 0 = one
        voice), ``voice_simpson`` (Gini–Simpson 1 - sum p^2 over speakers), and one
        ``words_role_<role>`` / ``words_side_<side>`` column per role and side.
    """
    import pandas as pd
    ids = [d.doc_id for d in _documents(documents)] if documents is not None else []
    df = quotes_df
    if "n_words" not in df.columns:
        df = df.assign(n_words=df["text"].map(lambda s: len(WORD_RE.findall(s))))
    ids = ids + [i for i in df["doc_id"].unique() if i not in ids]
    out = []
    roles = sorted(set(df["speaker_role"])) if len(df) else []
    sides = sorted(set(df["side"])) if len(df) else []
    for did in ids:
        g = df[df["doc_id"] == did]
        voiced = g[g["kind"] != "scare"]
        words = voiced["n_words"].sum()
        spk = voiced[voiced["speaker"] != ""]
        by_spk = spk.groupby("speaker")["n_words"].sum()
        tot = by_spk.sum()
        ps = [v / tot for v in by_spk if v > 0] if tot else []
        row = {"doc_id": did, "n_quotes": len(g)}
        for k in ("direct", "partial", "reported", "scare", "unattributed"):
            row[f"n_{k}"] = int((g["kind"] == k).sum())
        row.update(n_speakers=int(spk["speaker"].nunique()),
                   n_vague=int((voiced["speaker_type"] == "vague").sum()),
                   quoted_words=int(words),
                   share_no_speaker=float(voiced[voiced["speaker"] == ""]["n_words"].sum() / words) if words else 0.0,
                   voice_entropy=float(-sum(p * math.log2(p) for p in ps)) if ps else 0.0,
                   voice_simpson=float(1 - sum(p * p for p in ps)) if ps else 0.0)
        for r in roles:
            row[f"words_role_{r}"] = int(voiced[voiced["speaker_role"] == r]["n_words"].sum())
        for sd in sides:
            row[f"words_side_{sd}"] = int(voiced[voiced["side"] == sd]["n_words"].sum())
        out.append(row)
    return pd.DataFrame(out)


def voice_spans(doc, story=None) -> list[tuple[int, int, str]]:
    """``(start, end, speaker)`` of every quotation in a document (:func:`quoted_spans` of its
    quotes).

    This is what decides the voice of a loaded term (:func:`framing.terms.term_hits`):
    a word inside one of these spans is carried by a quoted source (or, for scare
    quotes, held at a distance by the writer), not said in the writer's own voice.
    """
    return quoted_spans(extract_quotes(doc.text, doc_id=doc.doc_id, story=story), doc.text)


def quoted_spans(rows, text: str) -> list[tuple[int, int, str]]:
    """``(start, end, speaker)``, sorted, of the quote rows among ``rows`` (dicts with ``start,
    end, kind, speaker``) and of the quotations inside a reported clause that quotes some of its
    words, with the clause's speaker; the rest of a reported clause is the writer's wording."""
    return [(s, e, q["speaker"]) for s, e, q in quotations_of_rows(rows, text)]


def quotations_of_rows(rows, text: str) -> list[tuple[int, int, dict]]:
    """``(start, end, row)``, sorted, of the quote rows among ``rows`` and of the quotation marks'
    spans inside each ``reported`` row (the row they belong to); a bisection per reported row."""
    rows = list(rows)
    out = [(q["start"], q["end"], q) for q in rows if q["kind"] != "reported"]
    reported = [q for q in rows if q["kind"] == "reported"]
    if reported:
        marks = quote_spans(text)
        starts = [m[0] for m in marks]
        for q in reported:
            k = bisect.bisect_left(starts, q["start"])
            while k < len(marks) and marks[k][1] <= q["end"]:
                out.append((marks[k][0], marks[k][1], q))
                k += 1
    out.sort(key=lambda x: (x[0], x[1]))
    return out
