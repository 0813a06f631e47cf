"""Score predicted quotes against gold attribution Content spans (PolNeAR-style annotation).

The rules below were fixed before any score was looked at; they are the definition of the
numbers in ``benchmarks/RESULTS.md`` and must change only with a note there.

Spans are compared as **sets of alphanumeric character positions** (``text[i].isalnum()``), so
whether an annotator or the extractor included a quotation mark, a comma or a space at the edge
makes no difference. For a predicted quote P and a gold content G (G may have several fragments):
``overlap = |P ∩ G|``, ``IoU = overlap / |P ∪ G|``.

``exact``
    one-to-one pairs with IoU = 1 (same alphanumeric characters).
``iou``
    one-to-one pairs with IoU ≥ :data:`IOU_THRESHOLD` (0.5), chosen greedily by descending IoU
    (ties: earlier prediction, then earlier gold). Precision = matched predictions / predictions,
    recall = matched gold contents / gold contents.
``cover``
    issue 11's rule (the Gender Gap Tracker's evaluation, Asr et al. 2021): one-to-one pairs whose
    overlap covers at least :data:`COVER_THRESHOLD` (30 %) of the gold content's characters,
    ``overlap / |G| >= 0.3``, chosen greedily by descending coverage (ties as for ``iou``). Looser
    than ``iou`` for long gold contents of which only the quoted part is predicted, and blind to
    how far a prediction runs past its content.
``any``
    lenient: a prediction is correct when it overlaps some gold content by at least one
    character; a gold content is found when some prediction overlaps it (not one-to-one).
``merged``
    a diagnostic of units, added in issue 11's sixth session and not the issue's rule: PolNeAR
    makes one Content of "“…,” he said. “…”" where a quote extractor gives one row per quotation.
    Predictions with the same non-empty speaker (``speaker_id`` when given, else ``speaker``) that
    lie mostly (:data:`MERGE_INSIDE`, half their characters) inside the same gold content are
    first merged into one prediction (the union of their characters), then matched as ``cover``; a
    prediction with no speaker is never merged. Precision counts merged predictions (``n_units``),
    so each prediction of a group of k weighs 1/k (``unit`` in the prediction rows).

The ``speech cue`` subset holds the gold contents whose Cue has a word of
``data/metric_speech_cues.csv`` (verbs of speech, and "according"): attributions of something
said or written, as a quote extractor is asked to find them, leaving out beliefs, intentions and
acts that PolNeAR also annotates. Its predictions are those whose most-overlapping content is in
the subset, plus those overlapping no content (spurious for every subset).

Quote shape (:func:`quote_kind`), the same rule for gold and predicted spans, from double
quotation marks, ``''`` included (single quotes are left out: they cannot be told from
apostrophes):
``direct`` every letter or digit lies inside quotation marks; ``mixed`` some do, some do not;
``indirect`` none do. ``quote_marks`` is True when the span (widened by one adjacent mark on
each side) holds a double quotation mark.

Speaker (:func:`speaker_correct`), for a matched pair whose gold attribution has a Source: the
*head* of a name is its last capitalised content word (content = not a function word from
``data/function_words.csv``, not an abbreviation from ``data/abbreviations.csv``, not a
pronoun; possessive ``'s`` and parentheses removed), else its last content word. The predicted
speaker is correct when its head is a content word of the gold Source, or the Source's head is
a content word of the predicted speaker ("Donald Trump" ~ "Trump"; "a spokesman" ~ "spokesman
for the campaign"; "President Obama" is not "President Trump"). A gold Source made only of
pronouns is replaced by its *antecedent* (:func:`resolve_antecedents`): for a relative pronoun
("Sen. Ann Lee, who said") the phrase just before it; for a personal pronoun ("He", "they") the
nearest earlier gold Source of the article that is not a pronoun. That approximates coreference
(PolNeAR annotates none) and can blame a right prediction; the error analysis in
``benchmarks/RESULTS.md`` estimates how often. An empty predicted speaker is never correct and is
counted separately. Known leniency: a shared surname is enough ("Bill Clinton" ~ "Clinton").

Two rules were corrected after the first run, on the ``fit`` split, before any extractor change:
two apostrophes (``''``, how the New York Times articles of PolNeAR write every quotation mark)
count as a double quotation mark, and relative-pronoun Sources resolve to the phrase before them.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from .._data import read_csv_rows

IOU_THRESHOLD = 0.5
COVER_THRESHOLD = 0.3
#: ``merged``: a prediction joins the group of a gold content when this share of its characters lies inside it
MERGE_INSIDE = 0.5

OPENING_MARKS = "“„«‟"
CLOSING_MARKS = "”»"
STRAIGHT_MARK = '"'
TWO_APOSTROPHES = "''"

#: Personal and possessive pronouns: a gold Source made of these (and function words) names nobody
#: and is resolved to its antecedent. Part of the metric's definition, not an extraction lexicon.
PRONOUNS = frozenset("i me my mine we us our ours you your yours he him his she her hers it its "
                     "they them their theirs".split())
#: A gold Source that is one of these stands for the phrase just before it ("Sen. Ann Lee, who said").
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})
#: How far back (characters) the antecedent phrase of a relative pronoun is looked for.
RELATIVE_WINDOW = 80

Span = tuple[int, int]


# --------------------------------------------------------------------------- spans


def char_set(text: str, spans: Iterable[Span]) -> frozenset[int]:
    """Positions of the alphanumeric characters of ``text`` inside ``spans``.

    Examples
    --------
    >>> sorted(char_set("“Hi, you.”", [(0, 10)]))
    [1, 2, 5, 6, 7]
    """
    return frozenset(i for s, e in spans for i in range(max(s, 0), min(e, len(text))) if text[i].isalnum())


def _mark(text: str, i: int) -> tuple[str, int]:
    """The double quotation mark at ``text[i]``: (``open``, ``close`` or ``straight``, its length),
    or ``('', 0)``. Two apostrophes (``''``) are a straight double mark: some archives (here the
    New York Times articles of PolNeAR) write every quotation mark that way."""
    c = text[i:i + 1]
    if c and c in OPENING_MARKS:
        return "open", 1
    if c and c in CLOSING_MARKS:
        return "close", 1
    if c == STRAIGHT_MARK:
        return "straight", 1
    if text.startswith(TWO_APOSTROPHES, i):
        return "straight", 2
    return "", 0


def _widen(text: str, s: int, e: int) -> Span:
    """``(s, e)`` plus one double quotation mark directly before and one directly after, if any."""
    for k in (2, 1):
        if s >= k and _mark(text, s - k)[1] == k:
            s -= k
            break
    if e < len(text):
        e += _mark(text, e)[1]
    return s, e


def quote_kind(text: str, spans: Sequence[Span]) -> tuple[str, bool]:
    """Shape of a span by its quotation marks: ``(kind, quote_marks)``.

    Each fragment is widened by one adjacent double mark on each side, then read left to right:
    an opening mark (or a straight mark while outside) opens, a closing mark (or a straight mark
    while inside) closes; letters and digits before a closing mark that had no opening mark in the
    fragment count as quoted (the fragment began inside a quotation); a mark left open runs to the
    fragment's end (a quotation continued in the next paragraph). A straight mark right after
    words and before a non-word character closes even when no mark opened it. Double marks are
    ``“ ” „ « » ‟ "`` and two apostrophes ``''``.

    Returns
    -------
    kind : {'direct', 'mixed', 'indirect'}
        All, some or none of the alphanumeric characters quoted (``indirect`` when there are none).
    quote_marks : bool
        Whether a widened fragment holds a double quotation mark.

    Examples
    --------
    >>> quote_kind('He said “we won.”', [(8, 17)])
    ('direct', True)
    >>> quote_kind("that the plan ''works''", [(0, 23)])
    ('mixed', True)
    """
    quoted = total = 0
    marks = False
    for s, e in spans:
        s, e = _widen(text, s, e)
        inside, pending = False, 0
        i = s
        while i < e:
            kind, n = _mark(text, i)
            if not n:
                if text[i].isalnum():
                    total += 1
                    if inside:
                        quoted += 1
                    else:
                        pending += 1
                i += 1
                continue
            marks = True
            closing = kind == "close" or (kind == "straight" and inside)
            if kind == "straight" and not inside and pending and (i + n >= e or not text[i + n].isalnum()):
                closing = True   # a straight mark right after words, before a non-word: it closes
            if closing:
                if not inside:
                    quoted += pending
                inside, pending = False, 0
            else:
                inside, pending = True, 0
            i += n
    if quoted == 0:
        return "indirect", marks
    return ("direct" if quoted == total else "mixed"), marks


def _iou(p: frozenset, g: frozenset) -> tuple[int, float]:
    inter = len(p & g)
    return inter, (inter / (len(p) + len(g) - inter) if inter else 0.0)


def match_spans(pred: Sequence[frozenset], gold: Sequence[frozenset], threshold: float = IOU_THRESHOLD,
                exact: bool = False) -> dict[int, int]:
    """One-to-one matching of predicted to gold character sets: ``{pred index: gold index}``.

    Candidate pairs are those with IoU ≥ ``threshold`` (IoU = 1 when ``exact``), taken greedily
    by descending IoU; ties go to the earlier prediction, then the earlier gold span.

    Examples
    --------
    >>> match_spans([frozenset({1, 2, 3, 4})], [frozenset({1, 2}), frozenset({1, 2, 3})])
    {0: 1}
    """
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            inter, iou = _iou(p, g)
            if inter and (iou == 1.0 if exact else iou >= threshold):
                pairs.append((-iou, i, j))
    return _greedy_one_to_one(pairs)


def _greedy_one_to_one(pairs: list[tuple[float, int, int]]) -> dict[int, int]:
    """``{pred: gold}`` from candidate ``(-score, pred, gold)`` pairs, best score first (ties: earlier
    prediction, then earlier gold), each prediction and each gold used once."""
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in sorted(pairs):
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


def match_cover(pred: Sequence[frozenset], gold: Sequence[frozenset],
                threshold: float = COVER_THRESHOLD) -> dict[int, int]:
    """One-to-one matching by coverage of the gold set: ``{pred index: gold index}``.

    Candidate pairs share characters covering at least ``threshold`` of the gold set; they are
    taken greedily by descending coverage, ties to the earlier prediction, then the earlier gold.

    Examples
    --------
    >>> match_cover([frozenset({1, 2, 3, 4, 5, 6, 7, 8, 9, 10})], [frozenset({1, 2}), frozenset(range(1, 30))])
    {0: 0}
    """
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            inter = len(p & g)
            if inter and inter >= threshold * len(g):
                pairs.append((-inter / len(g), i, j))
    return _greedy_one_to_one(pairs)


def merge_units(pred: Sequence[frozenset], gold: Sequence[frozenset], speakers: Sequence[str],
                inside: float = MERGE_INSIDE) -> list[list[int]]:
    """Groups of prediction indices for the ``merged`` rule, in order of their first member: the
    predictions with the same non-empty speaker (case-insensitive) that have at least ``inside`` of
    their characters in the same gold set (the one they share most with) form one group; every
    other prediction, and every one with no speaker, is a group of its own.

    Examples
    --------
    >>> merge_units([frozenset({1, 2}), frozenset({5, 6}), frozenset({9})], [frozenset(range(1, 8))], ["A", "a", "A"])
    [[0, 1], [2]]
    >>> merge_units([frozenset({1, 2}), frozenset({5, 6})], [frozenset(range(1, 8))], ["", ""])
    [[0], [1]]
    """
    groups: dict[tuple[int, str], list[int]] = {}
    out: list[list[int]] = []
    for i, p in enumerate(pred):
        j = best_overlap(p, gold)
        if j >= 0 and p and speakers[i].strip() and len(p & gold[j]) >= inside * len(p):
            key = (j, speakers[i].strip().lower())
            if key in groups:
                groups[key].append(i)
                continue
            groups[key] = [i]
            out.append(groups[key])
        else:
            out.append([i])
    return out


def best_overlap(p: frozenset, gold: Sequence[frozenset]) -> int:
    """Index of the gold set sharing most characters with ``p`` (earliest on ties), -1 if none."""
    best, k = 0, -1
    for j, g in enumerate(gold):
        inter = len(p & g)
        if inter > best:
            best, k = inter, j
    return k


# --------------------------------------------------------------------------- speakers


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(r["word"] for r in read_csv_rows("function_words.csv") if r["language"] == "en")


@lru_cache(maxsize=1)
def _non_content() -> frozenset[str]:
    words = {r["abbrev"].rstrip(".") for r in read_csv_rows("abbreviations.csv")}
    return frozenset(words | _function_words() | PRONOUNS | RELATIVE_PRONOUNS)


_TOKEN = re.compile(r"[^\W\d_]+(?:[’'.\-][^\W\d_]+)*\.?")
_PAREN = re.compile(r"\([^)]*\)")
_POSSESSIVE = re.compile(r"[’']s?$")


def _tokens(name: str) -> list[str]:
    """Words of a name, possessive and trailing period removed, case kept."""
    out = []
    for m in _TOKEN.finditer(_PAREN.sub(" ", name or "")):
        w = _POSSESSIVE.sub("", m.group().rstrip("."))
        if w:
            out.append(w.replace("’", "'"))
    return out


def content_words(name: str) -> list[str]:
    """Lower-cased words of ``name`` that are not function words, abbreviations or pronouns.

    Examples
    --------
    >>> content_words("Sen. Al Roe's (R-Texas) campaign")
    ['al', 'roe', 'campaign']
    """
    drop = _non_content()
    return [w.lower() for w in _tokens(name) if w.lower() not in drop]


def head(name: str) -> str:
    """Last capitalised content word of ``name`` (lower-cased), else its last content word, else ''.

    Examples
    --------
    >>> head("Spokeswoman Ana Ruiz"), head("the Trump campaign"), head("a spokesman")
    ('ruiz', 'trump', 'spokesman')
    """
    drop = _non_content()
    words = [w for w in _tokens(name) if w.lower() not in drop]
    caps = [w for w in words if w[:1].isupper()]
    return (caps or words or [""])[-1].lower()


def is_pronoun_source(source: str) -> bool:
    """True when ``source`` is made of pronouns (personal or relative) and function words only.

    Examples
    --------
    >>> is_pronoun_source("She"), is_pronoun_source("who"), is_pronoun_source("her aides"), is_pronoun_source("U.S.")
    (True, True, False, False)
    """
    words = [w.lower() for w in _tokens(source)]
    pron = PRONOUNS | RELATIVE_PRONOUNS
    return any(w in pron for w in words) and all(w in pron or w in _function_words() for w in words)


def source_type(source: str) -> str:
    """``none`` (no Source), ``pronoun``, ``named`` (a capitalised content word) or ``descriptor``."""
    if not _tokens(source):
        return "none"
    if is_pronoun_source(source):
        return "pronoun"
    drop = _non_content()
    return "named" if any(w[:1].isupper() and w.lower() not in drop for w in _tokens(source)) else "descriptor"


_BOUNDARY = re.compile(r"[.!?;:\n“”\"(]")


def preceding_phrase(text: str, start: int, window: int = RELATIVE_WINDOW) -> str:
    """The words right before ``start``: back to the nearest sentence or clause mark (``. ! ? ; :``,
    a line break, a double quotation mark, an opening parenthesis) within ``window`` characters,
    without trailing commas and spaces. The antecedent of a relative pronoun Source.

    Examples
    --------
    >>> t = "It rained. The mayor, Ann Lee, who spoke first, said no."
    >>> preceding_phrase(t, t.index("who"))
    'The mayor, Ann Lee'
    """
    left = text[max(0, start - window):start]
    cut = max((m.end() for m in _BOUNDARY.finditer(left)), default=0)
    return left[cut:].strip().rstrip(",").strip()


def resolve_antecedents(sources: Sequence[tuple]) -> list[str]:
    """The name each gold Source stands for, in input order.

    Each item is ``(start, source text)`` or ``(start, source text, preceding phrase)``. A
    relative pronoun ("who", "which", "that") stands for its preceding phrase (see
    :func:`preceding_phrase`) when that has a content word; any other pronoun Source (and a
    relative one without such a phrase) for the nearest earlier (by start) Source that is not a
    pronoun, '' when there is none; any other Source for itself; an empty Source for ''.

    Examples
    --------
    >>> resolve_antecedents([(50, "he"), (10, "Ann Lee"), (90, "They"), (70, "")])
    ['Ann Lee', 'Ann Lee', 'Ann Lee', '']
    >>> resolve_antecedents([(10, "Ann Lee"), (40, "who", "Sen. Bo Ray")])
    ['Ann Lee', 'Sen. Bo Ray']
    """
    order = sorted(range(len(sources)), key=lambda k: sources[k][0])
    out = [""] * len(sources)
    last = ""
    for k in order:
        text = sources[k][1]
        before = sources[k][2] if len(sources[k]) > 2 else ""
        if not _tokens(text):
            continue
        if not is_pronoun_source(text):
            out[k] = last = text
        elif _tokens(text)[0].lower() in RELATIVE_PRONOUNS and content_words(before):
            out[k] = before
        else:
            out[k] = last
    return out


@lru_cache(maxsize=1)
def _speech_cue_forms() -> frozenset[str]:
    return frozenset(f for r in read_csv_rows("metric_speech_cues.csv") for f in r["forms"].split("|"))


def is_speech_cue(cue: str) -> bool:
    """Is a word of the Cue a verb of speech (``data/metric_speech_cues.csv``)?

    Examples
    --------
    >>> is_speech_cue("told reporters"), is_speech_cue("according to"), is_speech_cue("believes")
    (True, True, False)
    """
    return any(w in _speech_cue_forms() for w in re.findall(r"[a-z]+", cue.lower()))


def speaker_correct(pred: str, gold: str) -> bool:
    """Does the predicted speaker name the gold Source (already resolved if it was a pronoun)?

    True when the head of ``pred`` is a content word of ``gold`` or the head of ``gold`` is a
    content word of ``pred``; False when either is empty or has no content word.

    Examples
    --------
    >>> speaker_correct("Donald Trump", "Trump"), speaker_correct("President Obama", "President Trump")
    (True, False)
    """
    # an empty head (no content word) is in no list of content words: empty names are never right
    return head(pred) in content_words(gold) or head(gold) in content_words(pred)


# --------------------------------------------------------------------------- one article


def score_article(text: str, predictions: Sequence[dict], gold: Sequence[dict]) -> tuple[list[dict], list[dict]]:
    """Match one article's predicted quotes to its gold contents.

    Parameters
    ----------
    text : str
        The article; every offset refers to it.
    predictions : sequence of dict
        ``start``, ``end``, ``speaker`` (may be ''), optionally ``kind`` (the extractor's own).
    gold : sequence of dict
        ``content`` (list of (start, end)), ``source`` (text, may be ''), ``resolved_source``
        (the Source or, for a pronoun, its antecedent; see :func:`resolve_antecedents`),
        optionally ``cue`` (its text, for the ``speech cue`` subset).
        Gold contents without a letter or digit are skipped (nothing to find).

    Returns
    -------
    gold_rows : list of dict, one per scored gold content
        ``index`` (into ``gold``), ``kind``, ``quote_marks``, ``source``, ``resolved_source``,
        ``source_type``, ``speech_cue``, ``exact``, ``iou``, ``cover``, ``any``, ``merged`` (found under each
        rule), ``pred`` (index of the IoU-matched prediction or -1), ``speaker`` (its speaker),
        ``speaker_ok`` (True/False, None when unmatched or the gold has no Source), and the same for
        the cover-matched prediction: ``cover_speaker``, ``cover_speaker_ok``.
    pred_rows : list of dict, one per prediction
        ``index``, ``kind`` and ``quote_marks`` (shape of the predicted span), ``pred_kind`` (the
        extractor's kind), ``speaker``, ``exact``, ``iou``, ``cover``, ``any``, ``merged`` (its group
        matched), ``unit`` (1/size of its ``merged`` group), ``best_gold``
        (index into ``gold`` of the most-overlapping content, -1 if none), ``speech_cue`` (that
        content is in the speech-cue subset; True when there is none: a spurious prediction counts
        against every subset), ``any_speaker_ok`` (speaker against that content's source; None
        when no overlap or no Source).
    """
    keep = [k for k, g in enumerate(gold) if char_set(text, g["content"])]
    gsets = [char_set(text, gold[k]["content"]) for k in keep]
    psets = [char_set(text, [(p["start"], p["end"])]) for p in predictions]
    exact = match_spans(psets, gsets, exact=True)
    iou = match_spans(psets, gsets)
    iou_inv = {j: i for i, j in iou.items()}
    cover = match_cover(psets, gsets)
    cover_inv = {j: i for i, j in cover.items()}
    speech = [is_speech_cue(gold[k].get("cue", "")) for k in keep]
    exact_gold = set(exact.values())
    groups = merge_units(psets, gsets, [p.get("speaker_id") or p.get("speaker", "") for p in predictions])
    merged = match_cover([frozenset().union(*(psets[i] for i in grp)) for grp in groups], gsets)
    merged_gold = set(merged.values())
    unit = {i: (1 / len(grp), k in merged) for k, grp in enumerate(groups) for i in grp}
    best = [best_overlap(p, gsets) for p in psets]
    found_any = {j for j, g in enumerate(gsets) if any(p & g for p in psets)}

    def ok(speaker: str, g: dict):
        if source_type(g.get("source", "")) == "none":
            return None
        return speaker_correct(speaker, g.get("resolved_source", g.get("source", "")))

    gold_rows = []
    for j, k in enumerate(keep):
        g = gold[k]
        kind, marks = quote_kind(text, g["content"])
        i = iou_inv.get(j, -1)
        spk = predictions[i].get("speaker", "") if i >= 0 else ""
        c = cover_inv.get(j, -1)
        cspk = predictions[c].get("speaker", "") if c >= 0 else ""
        gold_rows.append({
            "index": k, "kind": kind, "quote_marks": marks, "source": g.get("source", ""),
            "resolved_source": g.get("resolved_source", g.get("source", "")),
            "source_type": source_type(g.get("source", "")), "speech_cue": speech[j],
            "exact": j in exact_gold, "iou": i >= 0, "cover": c >= 0, "any": j in found_any,
            "merged": j in merged_gold, "pred": i,
            "speaker": spk, "speaker_ok": ok(spk, g) if i >= 0 else None,
            "cover_speaker": cspk, "cover_speaker_ok": ok(cspk, g) if c >= 0 else None,
        })
    pred_rows = []
    for i, p in enumerate(predictions):
        kind, marks = quote_kind(text, [(p["start"], p["end"])])
        b = best[i]
        pred_rows.append({
            "index": i, "kind": kind, "quote_marks": marks, "pred_kind": p.get("kind", ""),
            "speaker": p.get("speaker", ""), "exact": i in exact, "iou": i in iou, "cover": i in cover,
            "any": b >= 0, "unit": unit[i][0], "merged": unit[i][1],
            "best_gold": keep[b] if b >= 0 else -1, "speech_cue": speech[b] if b >= 0 else True,
            "any_speaker_ok": ok(p.get("speaker", ""), gold[keep[b]]) if b >= 0 else None,
        })
    return gold_rows, pred_rows


# --------------------------------------------------------------------------- summaries


def prf(n_pred_ok: int, n_pred: int, n_gold_ok: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0.0 where a denominator is 0).

    Examples
    --------
    >>> prf(1, 2, 1, 4)
    (0.5, 0.25, 0.3333333333333333)
    """
    p = n_pred_ok / n_pred if n_pred else 0.0
    r = n_gold_ok / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


SUBSETS = (("all", None), ("direct", ("kind", "direct")), ("mixed", ("kind", "mixed")),
           ("indirect", ("kind", "indirect")), ("quote marks", ("quote_marks", True)),
           ("no quote marks", ("quote_marks", False)), ("speech cue", ("speech_cue", True)))
RULES = ("exact", "iou", "cover", "any", "merged")


def span_table(gold_rows: Sequence[dict], pred_rows: Sequence[dict]):
    """Precision, recall and F1 under the five rules, overall and per subset.

    A subset (``direct``, ``mixed``, ``indirect``, ``quote marks``, ``no quote marks``) selects
    gold contents by their shape for recall and predictions by the shape of the predicted span for
    precision, so each row is the score of the extractor on spans of that shape; ``speech cue``
    selects gold contents by their Cue and predictions by their most-overlapping content.

    Returns
    -------
    pandas.DataFrame
        One row per subset: ``subset, n_gold, n_pred, n_units`` (predictions after the ``merged``
        rule's joining) and ``{exact,iou,cover,any,merged}_{p,r,f1}``.
    """
    import pandas as pd

    rows = []
    for name, cond in SUBSETS:
        G = [g for g in gold_rows if cond is None or g[cond[0]] == cond[1]]
        P = [p for p in pred_rows if cond is None or p[cond[0]] == cond[1]]
        row = {"subset": name, "n_gold": len(G), "n_pred": len(P),
               "n_units": round(sum(x.get("unit", 1.0) for x in P), 1)}   # merged predictions
        for rule in RULES:
            w = [x.get("unit", 1.0) if rule == "merged" else 1.0 for x in P]   # merged: a group counts once
            p, r, f = prf(sum(wi * x[rule] for wi, x in zip(w, P)), sum(w), sum(x[rule] for x in G), len(G))
            row.update({f"{rule}_p": p, f"{rule}_r": r, f"{rule}_f1": f})
        rows.append(row)
    return pd.DataFrame(rows)


def speaker_table(gold_rows: Sequence[dict], pred_rows: Sequence[dict]):
    """Speaker accuracy on matched quotes, overall and by gold Source type and quote shape.

    Rows ``iou: ...`` use the one-to-one IoU ≥ 0.5 pairs, rows ``cover: ...`` the one-to-one pairs
    covering 30 % of the gold content (issue 11's rule); the row ``any overlap`` pairs every
    overlapping prediction with the gold content it overlaps most. Pairs whose gold has no Source
    are left out of the accuracy and counted in ``n_no_source``.

    Returns
    -------
    pandas.DataFrame
        ``pairs, n_scored, accuracy, empty_share`` (share of scored pairs whose predicted speaker
        is empty), ``n_no_source``.
    """
    import pandas as pd

    def row(name, items):
        items = list(items)
        scored = [(spk, okv) for spk, okv in items if okv is not None]
        n = len(scored)
        return {"pairs": name, "n_scored": n,
                "accuracy": sum(okv for _, okv in scored) / n if n else 0.0,
                "empty_share": sum(not (spk or "").strip() for spk, _ in scored) / n if n else 0.0,
                "n_no_source": len(items) - n}

    matched = [g for g in gold_rows if g["iou"]]
    rows = [row("iou: all", ((g["speaker"], g["speaker_ok"]) for g in matched))]
    for t in ("named", "descriptor", "pronoun"):
        rows.append(row(f"iou: source {t}", ((g["speaker"], g["speaker_ok"]) for g in matched
                                             if g["source_type"] == t)))
    for k in ("direct", "mixed", "indirect"):
        rows.append(row(f"iou: {k}", ((g["speaker"], g["speaker_ok"]) for g in matched if g["kind"] == k)))
    covered = [g for g in gold_rows if g["cover"]]
    rows.append(row("cover: all", ((g["cover_speaker"], g["cover_speaker_ok"]) for g in covered)))
    for name, key, value in (("direct", "kind", "direct"), ("indirect", "kind", "indirect"),
                             ("pronoun", "source_type", "pronoun"), ("speech cue", "speech_cue", True)):
        rows.append(row(f"cover: {name}", ((g["cover_speaker"], g["cover_speaker_ok"]) for g in covered
                                           if g[key] == value)))
    rows.append(row("any overlap", ((p["speaker"], p["any_speaker_ok"]) for p in pred_rows if p["any"])))
    return pd.DataFrame(rows)
