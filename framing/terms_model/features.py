"""Token features for the loaded-word model: plain Python over the text, no fitted object.

One feature dict per word token (a token holding a letter, :func:`framing.corpus.token_spans`);
string features have the value 1.0. Names (``FEATURE_VERSION`` changes when any of them does):

========================  =========================================================================
``w=<word>``              the lower-cased word
``stem=<stem>``           its Snowball (Porter 2) stem
``shape=<Xx-x>``          character classes (X upper, x lower, d digit, others kept), runs collapsed
``cap=<kind>``            lower / title / upper / mixed, ``@start`` when the token opens a sentence
``len=<bucket>``          short (1-3 letters), mid (4-6), long (7-9), vlong (10+)
``lex=<category>``        inside a match of ``framing/data/lexicon_generic.csv`` of that category
``lex_loaded``            ... of a row with ``loaded = true`` (``lex_neutral`` for ``false``)
``lex_multi``             ... of a match spanning several tokens (a phrase)
``lex_ctx``               a loaded lexicon match within two tokens either side (same sentence)
``vader``                 VADER valence / 4 (vaderSentiment's lexicon, MIT), signed, numeric
``vader_abs``             its absolute value, numeric
``vader_bin=<b>``         neg1 / neg2 / pos1 / pos2 (2 where abs valence >= 2)
``vader_ctx``             largest abs valence / 4 of the two words either side, numeric
``pos=<p>``               first / last / mid / only word of its sentence
``pos_q=<q>``             quarter of the sentence the word is in (0-3)
``w-1= w+1= w-2= w+2=``   the neighbouring words, lower-cased (``<s>`` / ``</s>`` at sentence edges)
``in_quote``              the token lies inside a quotation (:func:`framing.quotes.in_quote_mask`)
``in_quote*vader_abs``    ``in_quote`` times ``vader_abs``, numeric
========================  =========================================================================

Sentences here are cut at line breaks and after ``.!?…`` followed by white space, except after an
abbreviation of ``framing/data/abbreviations.csv``: cheap, linear, and the same on any text.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Iterable, Sequence

from .._data import DATA_DIR, read_csv_rows

FEATURE_VERSION = "1"
LEXICON_FILE = "lexicon_generic.csv"
_LETTER_RE = re.compile(r"[^\W\d_]")
_END_RE = re.compile(r"[.!?…]")


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem of a lower-case word (cached)."""
    return _stemmer().stem(word)


@lru_cache(maxsize=1)
def vader_lexicon() -> dict:
    """word -> mean valence (-4..4) from vaderSentiment's own lexicon file."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return dict(SentimentIntensityAnalyzer().lexicon)


@lru_cache(maxsize=1)
def generic_lexicon():
    """The package's generic lexicon (``framing/data/lexicon_generic.csv``) as a compiled Lexicon."""
    from ..terms import load_lexicon

    return load_lexicon(paths=[DATA_DIR / LEXICON_FILE])


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset:
    return frozenset(r["abbrev"].lower() for r in read_csv_rows("abbreviations.csv"))


@lru_cache(maxsize=100_000)
def shape(token: str) -> str:
    """Character classes with runs collapsed: ``Obama`` -> ``Xx``, ``U.S`` -> ``X.X``, ``anti-war`` -> ``x-x``."""
    out = []
    for ch in token:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _cap(token: str) -> str:
    letters = [c for c in token if c.isalpha()]
    if all(c.islower() for c in letters):
        return "lower"
    if all(c.isupper() for c in letters):
        return "upper" if len(letters) > 1 else "title"
    if letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return "title"
    return "mixed"


@lru_cache(maxsize=200_000)
def _word(token: str) -> tuple[str, str, str, str, str, str]:
    """Per word type: lower-case form and its ``w=``, ``stem=``, ``shape=`` names, cap kind, ``len=`` name."""
    w = token.lower()
    return w, "w=" + w, "stem=" + stem(w), "shape=" + shape(token), _cap(token), "len=" + _len_bucket(len(w))


@lru_cache(maxsize=20_000)
def _valence_features(v: float) -> tuple[tuple[str, float], ...]:
    return (("vader", v / 4.0), ("vader_abs", abs(v) / 4.0),
            ("vader_bin=" + ("neg" if v < 0 else "pos") + ("2" if abs(v) >= 2 else "1"), 1.0))


_NEIGHBOUR_PREFIX = ("w-2=", "w-1=", "w+1=", "w+2=")
_POS_Q = tuple(f"pos_q={q}" for q in range(4))


@lru_cache(maxsize=400_000)
def _neighbour(word: str, slot: int) -> str:
    return _NEIGHBOUR_PREFIX[slot] + word


def _len_bucket(n: int) -> str:
    return "short" if n <= 3 else "mid" if n <= 6 else "long" if n <= 9 else "vlong"


def word_tokens(text: str, spans: Iterable[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Word tokens (holding a letter) of ``text`` inside ``spans`` (default: all of it), as (start, end)."""
    from ..corpus import token_spans

    spans = [(0, len(text))] if spans is None else list(spans)
    return [(s, e) for s, e in token_spans(text, spans) if _LETTER_RE.search(text, s, e)]


def sentence_ids(text: str, tokens: Sequence[tuple[int, int]]) -> list[int]:
    """Sentence number of each token: a new sentence starts after a line break, or after ``.!?…``
    followed by white space unless the word before the period is a listed abbreviation."""
    abbr = _abbreviations()
    out, sid = [], 0
    for i, (s, e) in enumerate(tokens):
        if i:
            ps, pe = tokens[i - 1]
            gap = text[pe:s]
            if "\n" in gap:
                sid += 1
            elif _END_RE.search(gap) and (gap[-1:].isspace() or " " in gap):
                if not (gap[0] == "." and text[ps:pe].lower() in abbr):
                    sid += 1
        out.append(sid)
    return out


def _lexicon_marks(text: str, tokens: Sequence[tuple[int, int]], spans) -> list[list]:
    """For each token, the generic-lexicon matches overlapping it: [(category, loaded, multi-token)]."""
    return match_marks(tokens, generic_lexicon().match(text, spans) if tokens else [])


def match_marks(tokens: Sequence[tuple[int, int]], matches) -> list[list]:
    """For each token, the lexicon ``matches`` ((start, end, Entry), in text order) overlapping it, as
    [(category, loaded, multi-token)] (:func:`marks_by_token`, an empty list for the other tokens)."""
    out: list[list] = [[] for _ in tokens]
    for k, marks in marks_by_token([s for s, _ in tokens], [e for _, e in tokens], matches).items():
        out[k] = marks
    return out


def marks_by_token(starts: Sequence[int], ends: Sequence[int], matches) -> dict[int, list]:
    """The lexicon ``matches`` ((start, end, Entry), in text order) overlapping each token (token ``k``
    spans ``starts[k]:ends[k]``, tokens in text order), as {k: [(category, loaded, multi-token)]} for the
    tokens some match overlaps: a bisection per match, so linear in matches, not in tokens."""
    out: dict[int, list] = {}
    for s, e, ent in matches:
        i = bisect.bisect_right(starts, s) - 1
        if i < 0 or ends[i] <= s:
            i += 1
        j = i
        while j < len(starts) and starts[j] < e:
            j += 1
        multi = j - i > 1
        for k in range(i, j):
            out.setdefault(k, []).append((ent.category, ent.loaded, multi))
    return out


def token_features(text: str, in_quote: Sequence[bool] | None = None,
                   spans: Iterable[tuple[int, int]] | None = None) -> tuple[list[tuple[int, int]], list[dict]]:
    """Word tokens of ``text`` and one feature dict per token.

    Parameters
    ----------
    text : str
        A document's text (offsets are into it).
    in_quote : sequence of bool, length ``len(text)``, optional
        True where a character lies inside a quotation; default :func:`framing.quotes.in_quote_mask`.
    spans : iterable of (start, end), optional
        Only tokens inside these spans are featurised (e.g. a document's content spans); default all.

    Returns
    -------
    tokens : list of (start, end), n_tokens long
    features : list of dict (feature name -> value), n_tokens long

    Examples
    --------
    >>> text = 'They slammed the "bizarre" plan.'
    >>> toks, feats = token_features(text)
    >>> [text[s:e] for s, e in toks]
    ['They', 'slammed', 'the', 'bizarre', 'plan']
    >>> feats[1]["lex_loaded"], feats[3]["in_quote"], "in_quote" in feats[1]
    (1.0, 1.0, False)
    """
    spans = [(0, len(text))] if spans is None else sorted(spans)
    if in_quote is None:
        from ..quotes import in_quote_mask

        in_quote = in_quote_mask(text)
    elif len(in_quote) != len(text):
        raise ValueError(f"in_quote mask has {len(in_quote)} entries for a text of {len(text)} characters")
    tokens = word_tokens(text, spans)
    n = len(tokens)
    words = [_word(text[s:e])[0] for s, e in tokens]
    sids = sentence_ids(text, tokens)
    lex = _lexicon_marks(text, tokens, spans)
    vad = vader_lexicon()
    val = [vad.get(w) for w in words]
    lex_loaded = [any(ld for _, ld, _ in m) for m in lex]
    # first index of each token's sentence and its length
    first = [0] * n
    for i in range(1, n):
        first[i] = first[i - 1] if sids[i] == sids[i - 1] else i
    last = [0] * n
    for i in range(n - 1, -1, -1):
        last[i] = last[i + 1] if i + 1 < n and sids[i + 1] == sids[i] else i
    feats = []
    for i, (s, e) in enumerate(tokens):
        w, f_w, f_stem, f_shape, cap, f_len = _word(text[s:e])
        a, b = first[i], last[i]
        f = {f_w: 1.0, f_stem: 1.0, f_shape: 1.0, "cap=" + cap + ("@start" if i == a else ""): 1.0, f_len: 1.0}
        for cat, ld, multi in lex[i]:
            f["lex=" + cat] = 1.0
            f["lex_loaded" if ld else "lex_neutral"] = 1.0
            if multi:
                f["lex_multi"] = 1.0
        ctx = [k for k in (i - 2, i - 1, i + 1, i + 2) if a <= k <= b]
        if any(lex_loaded[k] for k in ctx):
            f["lex_ctx"] = 1.0
        v = val[i]
        if v:
            f.update(_valence_features(v))
        cv = max((abs(val[k]) for k in ctx if val[k] is not None), default=0.0)
        if cv:
            f["vader_ctx"] = cv / 4.0
        f["pos=" + ("only" if a == b else "first" if i == a else "last" if i == b else "mid")] = 1.0
        f[_POS_Q[min(3, 4 * (i - a) // (b - a + 1))]] = 1.0
        f[_neighbour(words[i - 2] if i - 2 >= a else "<s>", 0)] = 1.0
        f[_neighbour(words[i - 1] if i - 1 >= a else "<s>", 1)] = 1.0
        f[_neighbour(words[i + 1] if i + 1 <= b else "</s>", 2)] = 1.0
        f[_neighbour(words[i + 2] if i + 2 <= b else "</s>", 3)] = 1.0
        if in_quote[s]:
            f["in_quote"] = 1.0
            if v:
                f["in_quote*vader_abs"] = abs(v) / 4.0
        feats.append(f)
    return tokens, feats
