"""Generic span-level cues of alarm framing, their voice and position, and per-document features.

The cues are data: ``framing/data/alarm_cues.csv`` (``cue, pattern, match, rationale``, one row per
pattern). Six cue kinds carry a polarity (:data:`POLARITY`): ``threat``, ``fear_appeal``, ``urgency``
and ``proximity`` (+1, alarm); ``dismissal`` and ``reassurance`` (-1, counter-alarm). The other kinds are
markers that only qualify the others: ``hedge`` (a threat word in a sentence with one is attributed or
hedged, not asserted), ``negator`` (flips the polarity of a cue within ``neg_window`` words after it),
``report_verb`` (the clause it introduces, or the clause before a tail attribution ", he told
reporters", is a source's reported speech) and ``clause_start`` (after a comma it opens a clause,
so "..., and officials warned" is not a tail attribution).

Each cue row (:func:`frame_cues`) says

* ``cue``: ``threat_asserted`` / ``threat_hedged`` (a threat word, in a sentence without / with a hedge
  or attribution marker, or in a source's voice), ``fear_appeal``, ``urgency``, ``proximity``,
  ``dismissal`` (also: scare quotes around an alarm word, ``pattern = scare quotes``), ``reassurance``;
* ``voice``: ``source`` inside a quotation or reported-speech span (every :func:`framing.quotes.quotes_table`
  kind but ``scare``, plus the clauses of :data:`report_verb <CUE_KINDS>` markers the quote table does not
  cover: "he dismissed the concerns as exaggerated"), else ``writer``;
* ``position``: ``headline`` (title), ``lede`` (dek and the first ``lede_sentences`` body sentences),
  ``last`` (the last body paragraph), ``body``;
* ``negated`` and ``polarity`` (the kind's polarity, times -1 when negated: "not the hysterical ravings"
  counts for alarm, "not a threat" against it).

Matching is linear in the text: word and phrase patterns are looked up token by token in dictionaries
(exact words, and word prefixes for ``*``), regular-expression patterns are compiled once and have only
bounded repetitions; negation, hedges and attribution use bisection on sorted positions.

Per-document features (:func:`frame_features`, defined with their theory signs in
``framing/data/alarm_features.csv``) are computed from the cue rows and the token count alone, so a
subset of sentences (the bootstrap, a sentence left out) gives its features by the same function.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from functools import lru_cache

import numpy as np
import pandas as pd

from .._data import read_csv_rows
from ..regex_parts import branches, close
from .sentences import _docs, _sentences

#: polarity of each cue kind: +1 alarm, -1 counter-alarm
POLARITY = {"threat": 1, "fear_appeal": 1, "urgency": 1, "proximity": 1, "dismissal": -1, "reassurance": -1}
MARKERS = ("hedge", "negator", "report_verb", "clause_start")
CUE_KINDS = tuple(POLARITY) + MARKERS
MATCH_TYPES = ("word", "phrase", "regex")
VOICES = ("writer", "source")
POSITIONS = ("headline", "lede", "last", "body")
CUE_COLUMNS = ["doc_id", "start", "end", "text", "cue", "voice", "position", "negated", "polarity", "marker",
               "pattern", "sentence_start", "sentence_end", "unit"]
FEATURE_COLUMNS = ["doc_id", "n_tokens", "n_cues", "n_voices_warn", "n_voices_counter"]

# characters allowed between two words of a phrase pattern ("wake-up call", "stone's throw")
_GAP_CHARS = frozenset(" \t\u00a0-\u2010\u2011\u2012\u2013\u2014'\u2019")
_SUBWORD = re.compile(r"[^\W_]+")
# ends a reported clause forward of its verb; bounds the source span of a report verb
_CLAUSE_END = re.compile(r"[;:\u2013\u2014]| --? |,\s+but\b|\bbut\s")
SCARE = "scare quotes"
# punctuation that ends the scope of a negator ("not a threat, and ... fearmongering")
# a negator further back than this is never within neg_window words (bounds the word count)
_NEG_MAX_CHARS = 120
_NEG_BREAK = re.compile(r"[,;:.!?()\[\]\u2014]")


class CueError(ValueError):
    """A malformed cue file (unknown cue or match type, bad regex, missing rationale)."""


@lru_cache(maxsize=1)
def load_feature_spec() -> dict:
    """``alarm_features.csv``: ``{"features": {name: (sign, rationale)}, "reported": {...}, "params": {name: float}}``.

    ``sign`` is the theory's sign (+1 alarm, -1 counter, 0 not constrained), in file order;
    ``reported`` features are computed and shown but not used by the model.
    """
    feats, reported, params = {}, {}, {}
    for r in read_csv_rows("alarm_features.csv"):
        if not r["rationale"].strip():
            raise CueError(f"alarm_features.csv: {r['name']} has no rationale")
        if r["kind"] == "feature":
            feats[r["name"]] = (int(r["sign"]), r["rationale"])
        elif r["kind"] == "reported":
            reported[r["name"]] = (int(r["sign"]), r["rationale"])
        elif r["kind"] == "parameter":
            params[r["name"]] = float(r["value"])
        else:
            raise CueError(f"alarm_features.csv: unknown kind {r['kind']!r}")
    return {"features": feats, "reported": reported, "params": params}


def feature_names() -> list[str]:
    """The model features, in the order of ``alarm_features.csv``."""
    return list(load_feature_spec()["features"])


def regex_triggers(pattern: str) -> list[str] | None:
    """Literal lower-case prefixes one of which every match of ``pattern`` starts with, or None.

    ``\\b(?:could|might)\\s+strike`` gives ``["could", "might"]``; ``\\bpos(?:e|es)`` gives
    ``["pos"]``; a pattern that can start with a digit, a class or an optional group gives None
    (it is then run over the whole text). Zero-width openers (``\\b``, look-arounds) are skipped:
    that only widens the candidate positions, the pattern itself still decides.
    """
    p = pattern.lower()
    while True:
        if p.startswith("\\b"):
            p = p[2:]
        elif p.startswith(("(?=", "(?!", "(?<=", "(?<!")):
            p = p[close(p, 0):]
        else:
            break
    parts = branches(p)
    if len(parts) > 1:
        out = []
        for q in parts:
            t = regex_triggers(q)
            if t is None:
                return None
            out.extend(t)
        return sorted(set(out))
    if p.startswith("("):
        j = close(p, 0)
        if j < len(p) and p[j] in "?*{":
            return None
        inner = p[3:j - 1] if p.startswith("(?:") else p[1:j - 1]
        return regex_triggers(inner)
    run = 0
    while run < len(p) and "a" <= p[run] <= "z":
        run += 1
    if run < len(p) and p[run] in "?*{":
        run -= 1
    return [p[:run]] if run > 0 else None


class CueMatcher:
    """Every pattern of a cue file, compiled once.

    Word and phrase rows are looked up token by token (``[^\\W_]+`` runs of the lower-cased
    text): an index on the first one to three letters of a row's first word (or of a regex row's
    literal openers, :func:`regex_triggers`) gives the few rows to try at each token, so the cost
    is linear in the number of tokens. Regex rows without a literal opener run over the whole
    text, one combined expression per cue kind.

    ``find(text)`` returns matches as ``(start, end, kind, pattern)`` tuples, sorted by start,
    longest first.
    """

    def __init__(self, rows: list[dict]):
        self.index: tuple[dict, dict, dict] = ({}, {}, {})   # key length 1, 2, 3 -> [entry]
        scan_rows: dict[str, list[str]] = {}
        for i, r in enumerate(rows, start=2):
            cue, pat, match = r.get("cue", ""), r.get("pattern", ""), r.get("match", "")
            if cue not in CUE_KINDS:
                raise CueError(f"frame cues line {i}: unknown cue {cue!r}")
            if match not in MATCH_TYPES:
                raise CueError(f"frame cues line {i}: unknown match {match!r}")
            if not (r.get("rationale") or "").strip():
                raise CueError(f"frame cues line {i}: no rationale")
            if match == "regex":
                try:
                    rx = re.compile(pat, re.IGNORECASE)
                except re.error as e:
                    raise CueError(f"frame cues line {i}: bad regex ({e})") from None
                if rx.match(""):
                    raise CueError(f"frame cues line {i}: the regex matches the empty string")
                if rx.groupindex:
                    raise CueError(f"frame cues line {i}: named groups are reserved")
                trig = regex_triggers(pat)
                if trig is None:
                    scan_rows.setdefault(cue, []).append(pat)
                for t in trig or ():
                    self._add(t, ("regex", t, rx, cue, pat))
                continue
            low = pat.lower()
            words = [m.group() + ("*" if low[m.end():m.end() + 1] == "*" else "") for m in _SUBWORD.finditer(low)]
            if not words:
                raise CueError(f"frame cues line {i}: empty pattern")
            first = words[0]
            self._add(first.rstrip("*"), ("words", first, tuple(words[1:]), cue, pat))
        # rows without a literal opener: one expression per cue kind, tried where a word starts
        self.patterns: list[str] = []
        self.scans: list[tuple[re.Pattern, str]] = []
        for cue in CUE_KINDS:
            alts = []
            for pat in scan_rows.get(cue, []):
                alts.append(f"(?P<r{len(self.patterns)}>{pat})")
                self.patterns.append(pat)
            if alts:
                self.scans.append((re.compile(r"\b(?=\w)(?:" + "|".join(alts) + ")", re.IGNORECASE), cue))

    def _add(self, lead: str, entry: tuple) -> None:
        k = min(len(lead), 3)
        self.index[k - 1].setdefault(lead[:k], []).append(entry)

    @staticmethod
    def _word_ok(word: str, tok: str) -> bool:
        return tok.startswith(word[:-1]) if word.endswith("*") else tok == word

    def find(self, text: str) -> list[tuple[int, int, str, str]]:
        low = text.lower()
        if len(low) != len(text):   # a few characters lower-case to two ("İ"): keep offsets aligned
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        toks = list(_SUBWORD.finditer(low))
        words = _SUBWORD.findall(low)             # the same tokens, as strings (one C call)
        n = len(toks)
        i1, i2, i3 = self.index
        out, seen = [], set()
        for i, w in enumerate(words):
            cands = i3.get(w[:3]) if len(w) > 2 else None
            c2 = i2.get(w[:2]) if len(w) > 1 else None
            c1 = i1.get(w[:1]) if i1 else None
            if c2 or c1:
                cands = [*(cands or ()), *(c2 or ()), *(c1 or ())]
            elif not cands:
                continue
            m = toks[i]
            s = m.start()
            for entry in cands:
                if entry[0] == "regex":
                    _, trig, rx, cue, pat = entry
                    if not w.startswith(trig) or (s, pat) in seen:
                        continue
                    seen.add((s, pat))
                    r = rx.match(text, s)
                    if r and r.end() > s:
                        out.append((s, r.end(), cue, pat))
                    continue
                _, first, rest, cue, pat = entry
                if not self._word_ok(first, w):
                    continue
                j, end, ok = i, m.end(), True
                for word in rest:
                    j += 1
                    if j >= n:
                        ok = False
                        break
                    gap = text[toks[j - 1].end():toks[j].start()]
                    if (len(gap) > 3 or not all(c in _GAP_CHARS for c in gap)
                            or not self._word_ok(word, words[j])):
                        ok = False
                        break
                    end = toks[j].end()
                if ok:
                    out.append((s, end, cue, pat))
        pats = self.patterns
        for rx, cue in self.scans:
            out.extend((r.start(), r.end(), cue, pats[int(r.lastgroup[1:])]) for r in rx.finditer(text)
                       if r.end() > r.start())
        out.sort(key=lambda t: (t[0], -(t[1] - t[0]), CUE_KINDS.index(t[2]), t[3]))
        return out


@lru_cache(maxsize=4)
def _matcher(path: str | None) -> CueMatcher:
    if path is None:
        rows = read_csv_rows("alarm_cues.csv")
    else:
        import csv

        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    return CueMatcher(rows)


def load_cues(path=None) -> CueMatcher:
    """The compiled cue patterns of ``alarm_cues.csv`` (or another file of the same columns)."""
    return _matcher(None if path is None else str(path))


def _merge(spans):
    out = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _containing(spans_sorted, starts, pos) -> int:
    """Index of the span of ``spans_sorted`` (disjoint, sorted) that contains ``pos``, else -1."""
    k = bisect.bisect_right(starts, pos) - 1
    return k if k >= 0 and pos < spans_sorted[k][1] else -1


def _report_spans(text, verbs, openers, sents, sent_starts, tail_words) -> list[tuple[int, int]]:
    """Source spans opened by reporting verbs, within their sentence.

    Forward: from the verb to the end of its clause (";", ":", a dash, ", but"), at most the
    sentence end: "He dismissed the concerns as exaggerated". Tail attribution ("The fears are
    overblown, he told reporters."): when the verb follows a comma with at most ``tail_words``
    words between, the first of them not a clause opener ("..., and officials warned"), the
    sentence up to that comma is a source span as well.
    """
    out = []
    for vs, ve in verbs:
        k = bisect.bisect_right(sent_starts, vs) - 1
        if k < 0 or vs >= sents[k][1]:
            continue
        ss, se = sents[k]
        m = _CLAUSE_END.search(text, ve, se)
        out.append((vs, m.start() if m else se))
        comma = text.rfind(",", max(ss, vs - 80), vs)     # a tail attribution is short: a bounded look back
        if comma > ss:
            between = list(_SUBWORD.finditer(text, comma, vs))
            if len(between) <= tail_words and not (between and between[0].start() in openers):
                out.append((ss, comma))
    return out


def _doc_cues(doc, quotes: pd.DataFrame | None, matcher: CueMatcher, params: dict) -> list[tuple]:
    """Cue rows of one document (see :func:`frame_cues`)."""
    text = doc.text
    sents = _sentences(doc)
    s_starts = [s for s, _ in sents]
    matches = matcher.find(text)
    polar = [m for m in matches if m[2] in POLARITY]
    hedges = sorted(m[0] for m in matches if m[2] in ("hedge", "report_verb"))
    hedge_text = {m[0]: text[m[0]:m[1]] for m in matches if m[2] in ("hedge", "report_verb")}
    negs = sorted((m[1], m[0]) for m in matches if m[2] == "negator")
    neg_ends = [e for e, _ in negs]
    openers = {m[0] for m in matches if m[2] == "clause_start"}

    # one cue per span: leftmost, then longest (matches are sorted that way)
    kept, last_end = [], -1
    for m in polar:
        if m[0] >= last_end:
            kept.append(m)
            last_end = m[1]
    kept_spans = [(m[0], m[1]) for m in kept]
    k_starts = [m[0] for m in kept]
    # a negator or reporting verb inside a cue ("poses no threat", "a wake-up call") is part of that cue
    negs = [(ne, ns) for ne, ns in negs if _containing(kept_spans, k_starts, ns) < 0]
    neg_ends = [e for e, _ in negs]
    verbs = [(m[0], m[1]) for m in matches if m[2] == "report_verb" and _containing(kept_spans, k_starts, m[0]) < 0]

    # voices: quotations and reported speech of the quote table; scare quotes are the writer's
    units, scare = [], []
    if quotes is not None and len(quotes):
        for qs, qe, kind in zip(quotes["start"], quotes["end"], quotes["kind"]):
            (scare if kind == "scare" else units).append((int(qs), int(qe)))
    units = _merge(units)
    u_starts = [a for a, _ in units]
    extra = [sp for sp in _report_spans(text, verbs, openers, sents, s_starts, int(params["tail_words"]))
             if sp[1] > sp[0]]
    # a reported clause the quote table already covers (it starts inside a quote) adds no voice
    extra = [sp for sp in extra if _containing(units, u_starts, sp[0]) < 0]
    units = _merge(units + extra)
    u_starts = [a for a, _ in units]
    scare = sorted(scare)
    sc_starts = [a for a, _ in scare]


    # positions: title -> headline; dek and the first body sentences -> lede; last body paragraph -> last
    blocks = getattr(doc, "blocks", None) or []
    body_blocks = [b for b in blocks if b.role == "body"]
    last_block = (body_blocks[-1].start, body_blocks[-1].end) if body_blocks else None
    n_lede = int(params["lede_sentences"])
    body_sents = [s for s in sents if blocks and doc.block_at(s[0]).role == "body"]
    lede_sents = {s for s in body_sents[:n_lede]}

    def position(k, pos):
        if not blocks:
            return "lede" if k < n_lede else "body"
        role = doc.block_at(pos).role
        if role == "title":
            return "headline"
        if role == "dek" or sents[k] in lede_sents:
            return "lede"
        if last_block and last_block[0] <= pos < last_block[1]:
            return "last"
        return "body"

    rows = []
    scare_done = set()
    for s, e, kind, pat in kept:
        k = bisect.bisect_right(s_starts, s) - 1
        if k < 0 or s >= sents[k][1]:
            continue                                   # outside the article sentences (page noise)
        ss, se = sents[k]
        sq = _containing(scare, sc_starts, s)
        if sq >= 0 and POLARITY[kind] > 0:
            # an alarm word in the writer's scare quotes: the writer holds the alarm at a distance
            if sq not in scare_done:
                scare_done.add(sq)
                a, b = scare[sq]
                u = _containing(units, u_starts, a)
                rows.append((doc.doc_id, a, b, text[a:b], "dismissal", "source" if u >= 0 else "writer",
                             position(k, a), False, -1, SCARE, SCARE, ss, se, u))
            continue
        # negation: the nearest negator ending before the cue, in the same sentence, within the window
        negated, marker = False, ""
        j = bisect.bisect_right(neg_ends, s) - 1
        if j >= 0 and negs[j][1] >= ss and s - negs[j][0] <= _NEG_MAX_CHARS:
            between = len(_SUBWORD.findall(text, negs[j][0], s))     # words between negator and cue
            if between <= params["neg_window"] and not _NEG_BREAK.search(text, negs[j][0], s):
                negated, marker = True, text[negs[j][1]:negs[j][0]]
        u = _containing(units, u_starts, s)
        voice = "source" if u >= 0 else "writer"
        cue = kind
        if kind == "threat":
            h = bisect.bisect_left(hedges, ss)
            hedged = h < len(hedges) and hedges[h] < se
            cue = "threat_hedged" if hedged or voice == "source" else "threat_asserted"
            if hedged and not marker:
                marker = hedge_text[hedges[h]]
        rows.append((doc.doc_id, s, e, text[s:e], cue, voice, position(k, s), negated,
                     -POLARITY[kind] if negated else POLARITY[kind], marker, pat, ss, se, u))
    # a threat word in a sentence that dismisses the alarm in the same voice is the object of the
    # dismissal ("he dismissed the threat as exaggerated"): mentioned, not carried (polarity 0)
    dismissing = {(r[11], r[13]) for r in rows if r[4] == "dismissal" and r[8] < 0}
    rows = [r[:4] + ("threat_mentioned",) + r[5:8] + (0, r[9] or "dismissed in the sentence") + r[10:]
            if r[4].startswith("threat_") and r[8] > 0 and (r[11], r[13]) in dismissing else r for r in rows]
    rows.sort(key=lambda r: (r[1], r[2]))
    return rows


def _quotes_by_doc(docs, quotes, story):
    if quotes is None:
        from ..quotes import quotes_table

        quotes = quotes_table(docs, story=story)
    if not len(quotes):
        return {}
    return {d: g for d, g in quotes.groupby("doc_id", sort=False)}


def frame_cues(corpus, quotes: pd.DataFrame | None = None, story=None, cues_path=None) -> pd.DataFrame:
    """One row per cue span of alarm framing.

    Parameters
    ----------
    corpus : Corpus, iterable of Document, or one Document
    quotes : DataFrame, optional
        Precomputed :func:`framing.quotes.quotes_table` of the same documents (``doc_id, start, end,
        kind`` are read); computed when absent.
    story : story pack, optional
        Passed to ``quotes_table`` when the quotes are computed here (it changes speakers and
        sides, not the spans this function reads).
    cues_path : path, optional
        Another cue file of the columns of ``alarm_cues.csv``.

    Returns
    -------
    DataFrame
        Columns :data:`CUE_COLUMNS`: ``doc_id, start, end, text`` (``text == doc.text[start:end]``),
        ``cue`` (threat_asserted, threat_hedged, threat_mentioned -- a threat word in a sentence
        that dismisses the alarm in the same voice, polarity 0 --, fear_appeal, urgency, proximity,
        dismissal, reassurance), ``voice`` (writer, source), ``position`` (headline, lede, last, body),
        ``negated`` (bool), ``polarity`` (+1 alarm / -1 counter, after negation; 0 for threat_mentioned),
        ``marker`` (the hedge, attribution or negator that decided, or ``scare quotes``), ``pattern`` (the row of the
        cue file), ``sentence_start, sentence_end``, ``unit`` (index of the voice span within the
        document, -1 in the writer's voice).

    Examples
    --------
    >>> from framing.corpus import document_from_text
    >>> d = document_from_text("Title\\n\\nHe dismissed the concerns as exaggerated.\\n", "d")
    >>> frame_cues(d)[["text", "cue", "voice"]].values.tolist()
    [['exaggerated', 'dismissal', 'source']]
    """
    docs = _docs(corpus)
    if story is None and quotes is None:
        from ..story import story_of

        story = story_of(corpus, None)
    q_by = _quotes_by_doc(docs, quotes, story)
    matcher = load_cues(cues_path)
    params = load_feature_spec()["params"]
    rows = []
    for doc in docs:
        rows.extend(_doc_cues(doc, q_by.get(doc.doc_id), matcher, params))
    df = pd.DataFrame(rows, columns=CUE_COLUMNS)
    return df.astype({"start": "int64", "end": "int64", "negated": bool, "polarity": "int64",
                      "sentence_start": "int64", "sentence_end": "int64", "unit": "int64"})


def _counts(cues: pd.DataFrame) -> dict[str, np.ndarray]:
    """Boolean masks of the cue groups the features count."""
    writer = (cues["voice"] == "writer").to_numpy()
    pol = cues["polarity"].to_numpy()
    cue = cues["cue"].to_numpy()
    threat = np.isin(cue, ("threat_asserted", "threat_hedged"))
    return {
        "w_threat_asserted": writer & (pol > 0) & (cue == "threat_asserted"),
        "w_threat_hedged": writer & (pol > 0) & (cue == "threat_hedged"),
        "w_appeal": writer & (pol > 0) & ~threat,
        "w_dismissal": writer & (pol < 0) & (cue == "dismissal"),
        "w_reassurance": writer & (pol < 0) & (cue != "dismissal"),
        "s_alarm": ~writer & (pol > 0),
        "s_counter": ~writer & (pol < 0),
    }


def features_from_cues(cues: pd.DataFrame, n_tokens: pd.Series) -> pd.DataFrame:
    """The model features from cue rows and token counts (one row per entry of ``n_tokens``).

    Parameters
    ----------
    cues : DataFrame of :func:`frame_cues` rows (any subset, e.g. the cues of some sentences)
    n_tokens : Series indexed by doc_id (or replicate id matching ``cues["doc_id"]``)

    Returns
    -------
    DataFrame indexed like ``n_tokens``: ``n_tokens, n_cues, n_voices_warn, n_voices_counter`` and
    the features of ``alarm_features.csv``: the seven rates ``1000 * count / (n_tokens +
    prior_tokens)``, ``warn_share = (warn + prior_voices) / (warn + counter + 2 * prior_voices)`` over
    voices with net alarm > 0 (warn) or < 0 (counter), and ``headline_net, lede_net, last_net``.
    """
    p = load_feature_spec()["params"]
    idx = n_tokens.index
    ntok = n_tokens.astype(float)
    out = pd.DataFrame(index=idx)
    out["n_tokens"] = n_tokens.astype("int64")
    out["n_cues"] = cues.groupby("doc_id").size().reindex(idx, fill_value=0).astype("int64")
    denom = ntok + p["prior_tokens"]
    for name, mask in _counts(cues).items():
        n = cues.loc[mask].groupby("doc_id").size().reindex(idx, fill_value=0).astype(float)
        out[name] = 1000.0 * n / denom
    voiced = cues[cues["unit"] >= 0]
    net = voiced.groupby(["doc_id", "unit"])["polarity"].sum()
    warn = (net > 0).groupby(level=0).sum().reindex(idx, fill_value=0).astype(float)
    counter = (net < 0).groupby(level=0).sum().reindex(idx, fill_value=0).astype(float)
    out["n_voices_warn"], out["n_voices_counter"] = warn.astype("int64"), counter.astype("int64")
    k = p["prior_voices"]
    out["warn_share"] = (warn + k) / (warn + counter + 2 * k)
    for pos in ("headline", "lede", "last"):
        sel = cues[cues["position"] == pos]
        out[f"{pos}_net"] = sel.groupby("doc_id")["polarity"].sum().reindex(idx, fill_value=0).astype(float)
    return out[["n_tokens", "n_cues", "n_voices_warn", "n_voices_counter"] + feature_names()
               + [n for n in load_feature_spec()["reported"] if n not in feature_names()]]


def opening(doc, words: int | None = None):
    """The opening of a document, the unit the frame model reads: its text up to the end of the
    sentence holding the ``words``-th article word (``window_words`` of ``alarm_features.csv``).

    A prefix of the text, so every offset is an offset into the full article; blocks, sentences and
    tokens are those of the prefix (clipped). A document no longer than the window is returned as is.
    """
    words = int(load_feature_spec()["params"]["window_words"]) if words is None else words
    if len(doc.tokens) <= words:
        return doc
    cut = doc.tokens[words - 1][1]
    k = bisect.bisect_right([s for s, _ in doc.sentences], cut - 1) - 1
    if k >= 0 and doc.sentences[k][1] > cut:
        cut = doc.sentences[k][1]
    blocks = [dataclasses.replace(b, end=min(b.end, cut)) for b in doc.blocks if b.start < cut]
    return dataclasses.replace(doc, text=doc.text[:cut], blocks=blocks,
                               sentences=[(s, min(e, cut)) for s, e in doc.sentences if s < cut],
                               tokens=[t for t in doc.tokens if t[1] <= cut])


def openings(corpus, quotes: pd.DataFrame | None = None) -> tuple[list, pd.DataFrame | None]:
    """The :func:`opening` of every document, and the quotes that start inside it (ends clipped)."""
    docs = [opening(d) for d in _docs(corpus)]
    if quotes is None or not len(quotes):
        return docs, quotes
    cut = pd.Series({d.doc_id: len(d.text) for d in docs})
    q = quotes[quotes["start"] < quotes["doc_id"].map(cut)]
    return docs, q.assign(end=np.minimum(q["end"], q["doc_id"].map(cut)))


def frame_features(corpus, cues: pd.DataFrame | None = None, quotes: pd.DataFrame | None = None,
                   story=None) -> pd.DataFrame:
    """Per-document features of alarm framing.

    Parameters
    ----------
    corpus : Corpus, iterable of Document, or one Document
    cues : DataFrame, optional
        Precomputed :func:`frame_cues` of the same documents.
    quotes : DataFrame, optional
        Precomputed quotes table (used when ``cues`` is absent).

    Returns
    -------
    DataFrame, one row per document, columns ``doc_id, n_tokens, n_cues, n_voices_warn,
    n_voices_counter`` and the features of ``alarm_features.csv`` (see :func:`features_from_cues`).
    ``n_tokens`` counts the article words (``len(doc.tokens)``).
    """
    docs = _docs(corpus)
    if cues is None:
        cues = frame_cues(docs, quotes=quotes, story=story)
    ntok = pd.Series([len(d.tokens) for d in docs], index=[d.doc_id for d in docs], dtype="int64")
    f = features_from_cues(cues, ntok)
    f.index.name = "doc_id"
    return f.reset_index()
