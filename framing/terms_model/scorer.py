"""Corpus-speed scoring: the numbers of ``token_features`` + ``LoadedModel.decision``, vectorised.

:func:`framing.terms_model.features.token_features` builds one dict per token, which is clear and is
what training uses, but costs about 20 microseconds a token. A linear model over those features is a sum
of parts that depend on one word type (the word, stem, shape, length, capitals, VADER valence, the
word as a neighbour), on the token's place in its sentence, or on a few sparse marks (lexicon matches,
quotations). :class:`Scorer` computes each word type's parts once, caches them in arrays, and adds the
rest with numpy, so a document costs a dictionary lookup per token plus array arithmetic.

The result equals the reference path to rounding (``tests/test_loaded_model.py`` compares both on
texts with quotations, abbreviations, lexicon phrases, numbers and line breaks).
"""
from __future__ import annotations

import itertools
import math
from functools import lru_cache
from typing import Iterable, Sequence

import numpy as np

from .._data import read_csv_rows
from ..corpus import token_spans
from .features import (
    _LETTER_RE,
    _NEIGHBOUR_PREFIX,
    _abbreviations,
    _valence_features,
    _word,
    generic_lexicon,
    marks_by_token,
    vader_lexicon,
)
from .model import LoadedModel, ModelHit, default_model


@lru_cache(maxsize=1)
def closed_class_words() -> frozenset:
    """English closed-class words (``framing/data/closed_class_words.csv``), lower case."""
    return frozenset(r["word"] for r in read_csv_rows("closed_class_words.csv") if r["language"] == "en")

# per-type columns of the cache
_MID, _START, _NB0, _NB1, _NB2, _NB3, _ABSV, _LETTER, _OPEN, _CAPITAL = range(10)
_NCOL = 10
_NB_COL = {-2: _NB0, -1: _NB1, 1: _NB2, 2: _NB3}   # neighbour offset -> column


def _code_table(codes: np.ndarray) -> np.ndarray:
    """True at ``codes``, a table over the code points up to ``max(codes) + 1`` (its last entry, False,
    stands for every higher code point: :func:`_member`)."""
    table = np.zeros(int(codes.max()) + 2, dtype=bool)
    table[codes] = True
    return table


def _member(table: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """Whether each of ``codes`` is one of a :func:`_code_table`'s code points."""
    return table[np.minimum(codes, len(table) - 1)]


# code points of the sentence rule: the ends ``.!?…`` (features._END_RE) and every white-space character
_END_CODES = np.array([ord(c) for c in ".!?…"], dtype=np.uint32)
_SPACE_CODES = np.array([c for c in range(0x3001) if chr(c).isspace()], dtype=np.uint32)
_IS_END, _IS_SPACE = _code_table(_END_CODES), _code_table(_SPACE_CODES)


class Scorer:
    """Scores word tokens with one model; word types seen before cost one lookup.

    Parameters
    ----------
    model : LoadedModel
    """

    def __init__(self, model: LoadedModel):
        self.model = model
        g = model._weight.get
        self._g = g
        self._ids: dict[str, int] = {}
        self._rows: list[tuple] = []
        self._table = np.zeros((0, _NCOL))
        self._vader = vader_lexicon()
        self._abbr = _abbreviations()
        self._closed = closed_class_words()
        self.w_pos = np.array([g("pos=only", 0.0), g("pos=first", 0.0), g("pos=last", 0.0), g("pos=mid", 0.0)])
        self.w_q = np.array([g(f"pos_q={q}", 0.0) for q in range(4)])
        self.w_edge = np.array([g("w-2=<s>", 0.0), g("w-1=<s>", 0.0), g("w+1=</s>", 0.0), g("w+2=</s>", 0.0)])
        self.w_lex_ctx = g("lex_ctx", 0.0)
        self.w_vader_ctx = g("vader_ctx", 0.0)
        self.w_in_quote = g("in_quote", 0.0)
        self.w_in_quote_v = g("in_quote*vader_abs", 0.0)

    # ------------------------------------------------------------------ word types

    def _type_row(self, token: str) -> tuple:
        g = self._g
        w, f_w, f_stem, f_shape, cap, f_len = _word(token)
        base = g(f_w, 0.0) + g(f_stem, 0.0) + g(f_shape, 0.0) + g(f_len, 0.0)
        v = self._vader.get(w)
        if v:
            base += sum(g(name, 0.0) * x for name, x in _valence_features(v))
        mid = base + g("cap=" + cap, 0.0)
        start = base + g("cap=" + cap + "@start", 0.0)
        nb = [g(p + w, 0.0) for p in _NEIGHBOUR_PREFIX]
        absv = abs(v) / 4.0 if v else 0.0
        return (mid, start, *nb, absv, 1.0 if _LETTER_RE.search(token) else 0.0,
                0.0 if w in self._closed else 1.0, 1.0 if token[:1].isupper() else 0.0)

    def _type_ids(self, strings: Sequence[str]) -> np.ndarray:
        ids = self._ids
        out = list(map(ids.get, strings))
        if None in out:
            for k, t in enumerate(strings):
                if out[k] is None:
                    i = ids.get(t)
                    if i is None:
                        i = ids[t] = len(self._rows)
                        self._rows.append(self._type_row(t))
                    out[k] = i
        if len(self._rows) > len(self._table):
            new = np.array(self._rows[len(self._table):], dtype=np.float64).reshape(-1, _NCOL)
            self._table = np.concatenate([self._table, new])
        return np.asarray(out, dtype=np.int64)

    # ------------------------------------------------------------------ documents

    def _sentence_bounds(self, text: str, words: list, se: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """First and last word index of each word's sentence (the rule of
        :func:`framing.terms_model.features.sentence_ids`, computed on arrays of the text's code points)."""
        n = len(words)
        idx = np.arange(n)
        new = np.zeros(n, dtype=bool)
        new[0] = True
        if n > 1:
            codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
            pe, s = se[:-1, 1], se[1:, 0]                 # each gap: text[pe:s]

            def some(mask):
                c = np.concatenate(([0], np.cumsum(mask)))
                return c[s] - c[pe] > 0

            nonempty = s > pe
            line = some(codes == 10)
            stop = some(_member(_IS_END, codes))
            space_end = nonempty & _member(_IS_SPACE, codes[np.maximum(s - 1, 0)])
            brk = line | (stop & (space_end | some(codes == 32)))
            after_dot = brk & ~line & nonempty & (codes[np.minimum(pe, len(codes) - 1)] == 46)
            for k in np.flatnonzero(after_dot).tolist():     # "Mr. Smith": no new sentence
                ps, pe_k = words[k]
                if text[ps:pe_k].lower() in self._abbr:
                    brk[k] = False
            new[1:] = brk
        first = np.maximum.accumulate(np.where(new, idx, 0))
        ends = np.zeros(n, dtype=bool)
        ends[:-1] = new[1:]
        ends[-1] = True
        last = np.minimum.accumulate(np.where(ends, idx, n)[::-1])[::-1]
        return first, last

    def score(self, text: str, tokens: Sequence[tuple[int, int]], quotes: Sequence[tuple],
              lexicon_matches: Sequence[tuple[int, int, object]]) -> tuple[list, np.ndarray, np.ndarray]:
        """The words of ``tokens``, their log-odds, and whether each may be a hit.

        Parameters
        ----------
        tokens : token spans in text order (e.g. ``Document.tokens``); those without a letter are dropped
        quotes : quotation spans ``(start, end, ...)`` (:func:`framing.quotes.marks.quote_spans`): a word
            whose first character lies inside one is quoted
        lexicon_matches : the generic lexicon's (start, end, Entry) hits in the same text and spans

        Returns
        -------
        words : list of (start, end), the word tokens (each holds a letter)
        z : ndarray of float, (n_words,)
            ``intercept + sum(weight * value)`` over the word's features.
        eligible : ndarray of bool, (n_words,)
            An open-class word that is not capitalised inside its sentence: not a closed-class word
            (``framing/data/closed_class_words.csv``) and not a name. Loaded language is carried by
            open-class words; the training spans of whole phrases teach the model to score the
            "the" or a country's name inside a loaded phrase high, which is not a loaded word.
        """
        ids = self._type_ids([text[s:e] for s, e in tokens])
        se = np.fromiter(itertools.chain.from_iterable(tokens), dtype=np.int64, count=2 * len(tokens)).reshape(-1, 2)
        keep = self._table[ids, _LETTER] > 0 if len(ids) else np.zeros(0, dtype=bool)
        if keep.all():
            words = list(tokens)
        else:
            sel = np.flatnonzero(keep)
            ids, se = ids[sel], se[sel]
            words = [tokens[i] for i in sel.tolist()]
        n = len(words)
        if not n:
            return words, np.zeros(0), np.zeros(0, dtype=bool)
        T = self._table[ids]
        a, b = self._sentence_bounds(text, words, se)
        idx = np.arange(n)
        z = np.where(idx == a, T[:, _START], T[:, _MID])
        pos = np.where(a == b, 0, np.where(idx == a, 1, np.where(idx == b, 2, 3)))
        z = z + self.w_pos[pos] + self.w_q[np.minimum(3, 4 * (idx - a) // (b - a + 1))]
        absv = T[:, _ABSV]
        lex_loaded = np.zeros(n, dtype=bool)
        extra = self._lexicon_parts(se, lexicon_matches, lex_loaded)
        ctx_lex = np.zeros(n, dtype=bool)
        ctx_v = np.zeros(n)
        for slot, off in enumerate((-2, -1, 1, 2)):
            j = idx + off
            ok = (j >= a) & (j <= b)
            jc = np.clip(j, 0, n - 1)
            z = z + np.where(ok, self._table[ids[jc], _NB_COL[off]], self.w_edge[slot])
            ctx_lex |= ok & lex_loaded[jc]
            ctx_v = np.maximum(ctx_v, np.where(ok, absv[jc], 0.0))
        z = z + extra + self.w_lex_ctx * ctx_lex + self.w_vader_ctx * ctx_v
        iq = in_spans(se[:, 0], quotes)
        z = z + iq * (self.w_in_quote + self.w_in_quote_v * absv)
        eligible = (T[:, _OPEN] > 0) & ((T[:, _CAPITAL] == 0) | (idx == a))
        return words, z + self.model.intercept, eligible

    def _lexicon_parts(self, se: np.ndarray, matches, lex_loaded: np.ndarray) -> np.ndarray:
        """Sum of the ``lex=``, ``lex_loaded`` / ``lex_neutral`` and ``lex_multi`` weights per token
        (``se``: the tokens' (start, end) rows; each feature once per token, as in a feature dict);
        marks ``lex_loaded`` in place."""
        extra = np.zeros(len(se))
        if not matches:
            return extra
        g = self._g
        for k, marks in marks_by_token(se[:, 0].tolist(), se[:, 1].tolist(), matches).items():
            f = set()
            for category, loaded, multi in marks:
                f.add("lex=" + category)
                f.add("lex_loaded" if loaded else "lex_neutral")
                if multi:
                    f.add("lex_multi")
                if loaded:
                    lex_loaded[k] = True
            extra[k] = sum(g(x, 0.0) for x in sorted(f))   # a fixed order: the same sum in every process
        return extra


def in_spans(starts: np.ndarray, spans: Sequence[tuple]) -> np.ndarray:
    """True for each position of ``starts`` inside one of ``spans`` ((start, end, ...), any order, may nest)."""
    merged: list[list[int]] = []
    for s, e in sorted((s, e) for s, e, *_ in spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    ts = np.asarray(starts, dtype=np.int64)
    if not merged or not len(ts):
        return np.zeros(len(ts), dtype=bool)
    qs = np.array([m[0] for m in merged])
    qe = np.array([m[1] for m in merged])
    k = np.searchsorted(qs, ts, side="right") - 1
    return (k >= 0) & (ts < qe[np.clip(k, 0, None)])


@lru_cache(maxsize=2)
def _scorer_for(model: LoadedModel) -> Scorer:
    return Scorer(model)


def model_hits(text: str, in_quote: Sequence[bool] | None = None, spans: Iterable[tuple[int, int]] | None = None,
               model: LoadedModel | None = None, threshold: float | None = None) -> list[ModelHit]:
    """Words the model calls loaded: eligible words (:meth:`Scorer.score`) scoring >= ``threshold``
    (default the model's own, chosen on dev). :func:`framing.terms.term_hits` gives the same words,
    less those a lexicon match already covers.

    Examples
    --------
    >>> hits = model_hits('Critics slammed the bizarre, hateful plan.')
    >>> all(h.score >= default_model().threshold for h in hits)
    True
    """
    m = model if model is not None else default_model()
    t = m.threshold if threshold is None else float(threshold)
    if not (0.0 <= t <= 1.0) or math.isnan(t):
        raise ValueError(f"threshold {t} outside [0, 1]")
    spans = [(0, len(text))] if spans is None else sorted(spans)
    if in_quote is None:
        from ..quotes.marks import quote_spans

        quotes = quote_spans(text)
    elif len(in_quote) != len(text):
        raise ValueError(f"in_quote mask has {len(in_quote)} entries for a text of {len(text)} characters")
    else:
        quotes = mask_runs(in_quote)
    words, z, eligible = _scorer_for(m).score(text, token_spans(text, spans), quotes,
                                              generic_lexicon().match(text, spans))
    p = 1.0 / (1.0 + np.exp(-z))
    return [ModelHit(s, e, text[s:e], float(x)) for (s, e), x, ok in zip(words, p.tolist(), eligible.tolist())
            if ok and x >= t]


def mask_runs(mask: Sequence[bool]) -> list[tuple[int, int]]:
    """The (start, end) runs of True in a per-character mask."""
    m = np.asarray(mask, dtype=bool)
    edges = np.flatnonzero(np.diff(np.concatenate(([False], m, [False])).astype(np.int8)))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist()))
