"""Loaded-term matching: lexicons as data, hits as spans, voice, rates and concordance.

Lexicons
--------
Every lexicon is a CSV file with the columns ``term, category, direction, loaded, match, source``:

``term``
    A word or phrase (``match`` = ``word`` / ``phrase``) or a Python regular expression
    (``match`` = ``regex``).
``category``
    Free name (``threat_fear``, ``hedge``...). The reserved category ``_exclude`` marks a
    *precision guard*: a compound in which a listed word is not loaded (``tax regime``,
    ``heart attack``, the month ``May``). It competes for the span like any entry (longest
    wins) and its hits are then dropped.
``direction``
    Which way a frame cue points (``alarm``, ``skeptic``, ``sovereignty``) or empty.
``loaded``
    ``true`` for loaded or biased language, ``false`` for neutral markers (hedges, boosters,
    distancing, neutral frame vocabulary such as "sovereignty"). Also accepted: 1/0, yes/no.
``source``
    The published word-list family the entry comes from, or a one-line rationale.

Word and phrase syntax (``match`` = ``word`` or ``phrase``)
    * words are separated by a space (a phrase), a hyphen or an apostrophe;
    * ``word+`` generates regular English inflections of that word
      (``slam+`` -> slam, slams, slammed, slamming; ``decry+`` -> decries, decried;
      ``threat+`` -> threats); irregular forms are listed as their own rows;
    * ``word*`` matches any word starting with that prefix (LIWC convention);
    * a term written entirely in capitals (``ISIS``) matches case-sensitively, every other term
      case-insensitively; a regex can use ``(?-i:...)`` for case-sensitive parts;
    * a space in a term matches any run of whitespace holding at most one line break (so a
      phrase split by a line break or by several spaces still matches) or a hyphen/en dash;
      a hyphen matches ``-``, ``‐``, ``‑``, ``‒``, ``–`` (also followed by a line break), a space,
      or nothing (``hard-line`` also matches ``hardline`` and ``hard line``);
      an apostrophe matches ``'``, ``’``, ``‘`` or ``ʼ``;
    * ``match`` = ``word`` must not contain a space (use ``phrase``).

Matching
    Only inside ``Document.content_spans()`` (boilerplate is never searched). All candidate
    matches are collected, then overlaps are resolved greedily: the longest span wins, then the
    earliest; among entries with the very same span the one loaded last wins (story-specific
    ``frame_*`` files and analyst files override the generic layer). No character is counted
    twice.

Voice
    A hit is ``quoted`` when it lies inside a quotation span, else ``authorial``. Quotation spans
    come from ``quote_spans_fn(document)``; by default from the quotes module
    (:func:`framing.quotes.voice_spans`, which also gives the speaker).
"""
from __future__ import annotations

import bisect
import csv
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np
import pandas as pd

from ._data import DATA_DIR
from .regex_parts import branches, required_literal

COLUMNS = ("term", "category", "direction", "loaded", "match", "source")
MATCH_TYPES = ("word", "phrase", "regex")
EXCLUDE = "_exclude"
VOICES = ("authorial", "quoted")
EPISTEMIC_CATEGORIES = ("hedge", "booster", "distancing")  # neutral markers summed as ALL_MARKERS
HIT_COLUMNS = ["doc_id", "start", "end", "text", "term", "category", "direction", "loaded", "voice", "speaker",
               "source", "score"]
MODEL_CATEGORY = "model"   # words the loaded-word model finds that no lexicon row matches
MODEL_SOURCE = "model"

TRUE_VALUES = frozenset({"true", "1", "yes", "y", "t"})  # how a CSV spells a boolean
FALSE_VALUES = frozenset({"false", "0", "no", "n", "f"})
_HYPHENS = "-\u2010\u2011\u2012\u2013"
_APOS = "'\u2019\u2018\u02bc"
_TOKEN_RE = re.compile(r"\w+")
_WORD_SPLIT_RE = re.compile(r"(\w+)")   # split: the gaps and the words of _TOKEN_RE, alternating
_FIRSTS_CACHE = 500_000   # distinct word forms whose lexicon patterns a Lexicon remembers
# one term piece: a word with an optional marker, and the separator that follows it
_TERM_PIECE_RE = re.compile(r"(\w+)([*+]?)([^\w]*)")


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class Entry:
    """One lexicon row (``file`` and ``row`` say where it came from)."""

    term: str
    category: str
    direction: str
    loaded: bool
    match: str
    source: str
    file: str
    row: int


def _inflections(w: str) -> set[str]:
    """Regular English inflections of ``w`` (over-generation is harmless: forms must occur)."""
    out = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing"}
    if w.endswith("e"):
        out |= {w[:-1] + "ing", w[:-1] + "ed"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
    if len(w) > 2 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        out |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return out


@dataclass(frozen=True)
class _Slot:
    """One token position of a word/phrase term: exact forms or a prefix."""

    forms: frozenset  # lower-case (or exact, when case-sensitive) forms
    prefix: str       # non-empty for ``word*``
    cs: bool          # case-sensitive

    def ok(self, tok: str, low: str) -> bool:
        s = tok if self.cs else low
        return s.startswith(self.prefix) if self.prefix else s in self.forms


def _parse_term(term: str) -> list[list[tuple[str, str, str]]]:
    """Split a word/phrase term into variants of (word, marker, gap-before) pieces.

    Returns a list of variants (the term itself, plus the form with hyphenated words joined).
    Raises ValueError with a short problem description.
    """
    pieces = []
    pos = re.match(r"\s*", term).end()
    prev_gap = ""
    while pos < len(term):
        m = _TERM_PIECE_RE.match(term, pos)
        if not m or m.end() == pos:
            raise ValueError(f"term {term!r}: unexpected character {term[pos]!r}; use match=regex for patterns")
        word, marker, sep = m.groups()
        gap = ""
        if pieces:
            gap = prev_gap
        pieces.append((word, marker, gap))
        sep_s = sep.strip()
        if m.end() < len(term) or sep_s:
            if sep_s == "":
                prev_gap = "space"
            elif len(sep_s) == 1 and sep_s in _HYPHENS and sep == sep_s:
                prev_gap = "hyphen"
            elif len(sep_s) == 1 and sep_s in _APOS and sep == sep_s:
                prev_gap = "apos"
            else:
                raise ValueError(f"term {term!r}: separator {sep!r} is not a space, hyphen or apostrophe; "
                                 "use match=regex for patterns")
            if m.end() == len(term) and sep_s:
                raise ValueError(f"term {term!r}: ends with a separator")
        pos = m.end()
    if not pieces:
        raise ValueError("empty term")
    variants = [pieces]
    if any(g == "hyphen" for _, _, g in pieces):
        joined: list[tuple[str, str, str]] = []
        for w, marker, g in pieces:
            if g == "hyphen" and joined and not joined[-1][1]:
                pw, _, pg = joined[-1]
                joined[-1] = (pw + w, marker, pg)
            else:
                joined.append((w, marker, g))
        variants.append(joined)
    return variants


class Lexicon:
    """Validated lexicon entries compiled into one matcher.

    Attributes
    ----------
    entries : list of Entry
    table : pandas.DataFrame
        One row per entry: term, category, direction, loaded, match, source, file, row.
    categories : list of str
        Categories in order of first appearance (``_exclude`` left out).
    """

    def __init__(self, entries: Sequence[Entry]):
        self.entries = list(entries)
        self.table = pd.DataFrame([e.__dict__ for e in self.entries],
                                  columns=list(COLUMNS) + ["file", "row"])
        seen: dict[str, None] = {}
        for e in self.entries:
            if e.category != EXCLUDE:
                seen.setdefault(e.category, None)
        self.categories = list(seen)
        self._compile()

    def _compile(self) -> None:
        # first-slot lookup: exact lower-case form -> [(entry_index, rest slots, rest gaps, first slot)]
        self._first: dict[str, list] = {}
        self._first_cs: dict[str, list] = {}
        self._first_prefix: dict[str, list] = {}
        # regex entries: (entry index, pattern, the letters every match opens a word with or "", a text
        # every match contains or "")
        self._regexes: list[tuple[int, re.Pattern, str, str]] = []
        for idx, e in enumerate(self.entries):
            if e.match == "regex":
                self._regexes.append((idx, re.compile(e.term, re.IGNORECASE), _word_prefix(e.term),
                                      required_literal(e.term, re.IGNORECASE)))
                continue
            cs = len(e.term) > 1 and e.term.isupper()
            for variant in _parse_term(e.term):
                slots, gaps = [], []
                for w, marker, g in variant:
                    wl = w if cs else w.lower()
                    if marker == "*":
                        slots.append(_Slot(frozenset(), wl, cs))
                    elif marker == "+":
                        slots.append(_Slot(frozenset(_inflections(wl)), "", cs))
                    else:
                        slots.append(_Slot(frozenset({wl}), "", cs))
                    gaps.append(g)
                pat = (idx, tuple(slots[1:]), tuple(gaps[1:]))
                first = slots[0]
                if first.prefix:
                    self._first_prefix.setdefault(first.prefix, []).append(pat + (first,))
                else:
                    target = self._first_cs if cs else self._first
                    for f in first.forms:
                        target.setdefault(f, []).append(pat + (first,))
        self._prefix_lens = sorted({len(p) for p in self._first_prefix}, reverse=True)
        self._firsts: dict[str, tuple] = {}   # token as written -> the patterns it can open (a cache)
        self._regex_prefixes = [(k, re.compile(prefix, re.IGNORECASE))
                                for k, (_, _, prefix, _) in enumerate(self._regexes) if prefix]
        self._regex_firsts: dict[str, tuple] = {}   # token as written -> the regexes it can open (a cache)

    def _pats_of(self, tok: str, low: str) -> tuple:
        """The patterns whose first slot ``tok`` may fill (exact, case-sensitive and prefix forms),
        computed once per word as written and cached: the matcher's cost is one lookup per token."""
        pats = list(self._first.get(low, ()))
        pats += self._first_cs.get(tok, ())
        for L in self._prefix_lens:
            if len(low) >= L:
                pats += self._first_prefix.get(low[:L], ())
        pats = tuple(pats)
        if len(self._firsts) < _FIRSTS_CACHE:
            self._firsts[tok] = pats
        return pats

    def _regexes_of(self, tok: str) -> tuple:
        """Positions in ``_regexes`` of the word-start regexes whose letters ``tok`` opens with (cached)."""
        ks = tuple(k for k, prefix in self._regex_prefixes if prefix.match(tok))
        if len(self._regex_firsts) < _FIRSTS_CACHE:
            self._regex_firsts[tok] = ks
        return ks

    # ----------------------------------------------------------------- matching

    def candidates(self, text: str, start: int, end: int) -> list[tuple[int, int, int]]:
        """All (start, end, entry_index) matches inside ``text[start:end]``, overlapping allowed."""
        seg = text[start:end]
        parts = _WORD_SPLIT_RE.split(seg)            # gap, word, gap, word, ..., gap
        words = parts[1::2]
        offs = list(itertools.accumulate(map(len, parts)))   # word i is seg[offs[2i]:offs[2i + 1]]
        out = self._term_matches(start, parts, words, offs, _lower_forms(seg, words, offs))
        out += self._regex_matches(text, start, end, words, offs)
        return out

    def _term_matches(self, start: int, parts: list[str], words: list[str], offs: list[int],
                      low: Callable[[int], str]) -> list[tuple[int, int, int]]:
        """The word and phrase entries' matches among the ``words`` of a segment at ``start`` (arguments
        of :meth:`candidates`; ``parts[2 * j]`` is the gap before word ``j``)."""
        pl = list(map(self._firsts.get, words))      # the patterns each word can open (cached per word)
        if None in pl:
            pl = [self._pats_of(w, low(i)) if p is None else p for i, (w, p) in enumerate(zip(words, pl))]
        out: list[tuple[int, int, int]] = []
        n = len(words)
        for i in itertools.compress(range(n), pl):
            tok = words[i]
            for idx, rest, gaps, slot0 in pl[i]:
                if slot0.cs and not slot0.ok(tok, low(i)):
                    continue
                j = i
                ok = True
                for slot, g in zip(rest, gaps):
                    j += 1
                    if j >= n or not slot.ok(words[j], low(j)) or not _gap_ok(parts[2 * j], g):
                        ok = False
                        break
                if ok:
                    out.append((start + offs[2 * i], start + offs[2 * j + 1], idx))
        return out

    def _regex_matches(self, text: str, start: int, end: int, words: list[str],
                       offs: list[int]) -> list[tuple[int, int, int]]:
        """The regex entries' matches in ``text[start:end]``, each regex's as ``re.finditer`` gives them.
        A regex with a word prefix (:func:`_word_prefix`) can only match where a word opening with those
        letters starts, so it is tried there alone (leftmost first, each match starting at or after the
        previous one's end, as finditer does); the others are searched at every character, unless the
        text lacks what each of their matches contains (:func:`framing.regex_parts.required_literal`)."""
        at_words = self._word_start_matches(text, start, end, words, offs)
        out: list[tuple[int, int, int]] = []
        for k, (idx, rx, prefix, needs) in enumerate(self._regexes):
            if needs and text.find(needs, start, end) < 0:
                continue
            found = at_words[k] if prefix else ((m.start(), m.end()) for m in rx.finditer(text, start, end))
            out.extend((s, e, idx) for s, e in found if e > s)
        return out

    def _word_start_matches(self, text: str, start: int, end: int, words: list[str], offs: list[int]) -> dict:
        """{position in ``_regexes``: [(start, end)]} of the regexes with a word prefix, tried at the starts
        of the ``words`` of ``text[start:end]`` (at ``start + offs[2 * i]``) that open with their prefix."""
        found: dict[int, list] = {k: [] for k, _ in self._regex_prefixes}
        free = dict.fromkeys(found, 0)     # where each regex's next match may start
        rl = list(map(self._regex_firsts.get, words))
        if None in rl:
            rl = [self._regexes_of(w) if r is None else r for w, r in zip(words, rl)]
        for i in itertools.compress(range(len(words)), rl):
            s = start + offs[2 * i]
            for k in rl[i]:
                if s < free[k]:
                    continue
                m = self._regexes[k][1].match(text, s, end)
                if m is not None:
                    found[k].append((s, m.end()))
                    free[k] = m.end()
        return found

    def match(self, text: str, spans: Iterable[tuple[int, int]] | None = None) -> list[tuple[int, int, Entry]]:
        """Non-overlapping hits (start, end, Entry) in ``text``, searched only inside ``spans``.

        Overlaps resolve to the longest span, then the earliest, then the entry loaded last;
        ``_exclude`` hits take part in the resolution and are then removed.
        """
        return self.resolve(self.all_candidates(text, spans), len(text))

    def all_candidates(self, text: str, spans: Iterable[tuple[int, int]] | None = None) -> list[tuple[int, int, int]]:
        """:meth:`candidates` of every span (default: the whole text), before overlaps are resolved."""
        if spans is None:
            spans = [(0, len(text))]
        cands: list[tuple[int, int, int]] = []
        for s, e in spans:
            cands.extend(self.candidates(text, s, e))
        return cands

    def resolve(self, cands: Iterable[tuple[int, int, int]], n_chars: int, keep_excluded: bool = False,
                only: Callable[[int], bool] | None = None) -> list[tuple[int, int, Entry]]:
        """Non-overlapping hits from candidates (the rule of :meth:`match`).

        ``only(entry_index)`` restricts the resolution to some entries (as if the others were not
        loaded); ``keep_excluded`` keeps the ``_exclude`` hits in the result.
        """
        cands = [c for c in cands if only is None or only(c[2])]
        cands.sort(key=lambda c: (c[0] - c[1], c[0], -c[2]))
        # characters already taken by a chosen hit: a candidate is dropped when one of its
        # characters is taken (inserting into sorted lists of chosen spans moved, per hit, every
        # later hit of the article: quadratic in the number of hits)
        taken = bytearray(n_chars)
        chosen: list[tuple[int, int, int]] = []
        for s, e, idx in cands:
            if taken.find(1, s, e) >= 0:
                continue
            taken[s:e] = b"\x01" * (e - s)
            chosen.append((s, e, idx))
        chosen.sort()
        return [(s, e, self.entries[i]) for s, e, i in chosen
                if keep_excluded or self.entries[i].category != EXCLUDE]


_LEADING_LETTERS_RE = re.compile(r"\\b([a-z]{2,})")
_QUANTIFIERS = ("?", "*", "+", "{")   # after a letter: the letter may be absent or repeated


def _word_prefix(term: str) -> str:
    """The letters every match of the regex ``term`` opens with, at the start of a word, when ``term``
    opens with ``\\b`` and two letters and has no top-level ``|`` (``\\bpok(?:e|ed)`` -> ``pok``;
    ``\\bab?c`` -> ``a``); else "". Such a regex can only match where a word opening with those
    letters (in any case) starts."""
    m = _LEADING_LETTERS_RE.match(term)
    if m is None or _has_top_level_bar(term):
        return ""
    letters = m.group(1)
    return letters[:-1] if term[m.end():m.end() + 1] in _QUANTIFIERS else letters


def _has_top_level_bar(term: str) -> bool:
    """True when ``term`` has an alternative ``|`` outside every group (``\\bab|c``: the boundary
    belongs to the first alternative only)."""
    return len(branches(term)) > 1


def _lower_forms(seg: str, words: list[str], offs: list[int]) -> Callable[[int], str]:
    """Function i -> the lower-case form of word i of ``seg`` (``words`` and their offsets ``offs`` from
    :meth:`Lexicon.candidates`): cut from ``seg.lower()`` when lowering keeps the length (so the
    offsets hold), else the word lowered on its own."""
    low_seg = seg.lower()
    if len(low_seg) == len(seg):
        return lambda i: low_seg[offs[2 * i]:offs[2 * i + 1]]
    return lambda i: words[i].lower()


def _gap_ok(gap: str, kind: str) -> bool:
    """Is the text between two tokens an acceptable separator for a term gap of ``kind``?"""
    if not gap:
        return False
    if kind == "apos":
        return len(gap) == 1 and gap in _APOS
    core = gap.strip()
    if gap.count("\n") > 1:
        return False
    if core == "":
        return True  # whitespace, at most one line break: fine for both space and hyphen gaps
    return len(core) == 1 and core in _HYPHENS


def _read_lexicon_file(path: Path) -> list[Entry]:
    """Read and validate one lexicon CSV; raise ValueError naming the file and row."""
    try:
        fh = path.open(encoding="utf-8", newline="")
    except OSError as e:
        raise ValueError(f"{path}: cannot read lexicon ({e.strerror or e})") from None
    entries = []
    with fh:
        try:
            reader = csv.DictReader(fh)
            header = reader.fieldnames
            if not header:
                raise ValueError(f"{path}: empty lexicon file (expected header {','.join(COLUMNS)})")
            header = [h.strip() for h in header]
            reader.fieldnames = header
            missing = [c for c in COLUMNS if c not in header]
            if missing:
                raise ValueError(f"{path}: missing column(s) {', '.join(missing)} "
                                 f"(expected {','.join(COLUMNS)})")
            for i, raw in enumerate(reader, start=1):
                where = f"{path}: row {i} (line {reader.line_num})"
                if None in raw:
                    raise ValueError(f"{where}: more fields than the header has columns "
                                     "(quote a term or source that contains a comma)")
                if any(raw.get(c) is None for c in COLUMNS):
                    raise ValueError(f"{where}: fewer fields than the header has columns")
                r = {c: (raw[c] or "").strip() for c in COLUMNS}
                if not any(r.values()):
                    continue  # blank line
                if not r["term"]:
                    raise ValueError(f"{where}: empty term")
                if not r["category"]:
                    raise ValueError(f"{where}: empty category")
                if r["match"] not in MATCH_TYPES:
                    raise ValueError(f"{where}: unknown match type {r['match']!r} "
                                     f"(expected one of {', '.join(MATCH_TYPES)})")
                lv = r["loaded"].lower()
                if lv not in TRUE_VALUES | FALSE_VALUES:
                    raise ValueError(f"{where}: bad loaded value {r['loaded']!r} (expected true or false)")
                if not r["source"]:
                    raise ValueError(f"{where}: empty source (give the word-list family or a rationale)")
                if r["match"] == "regex":
                    try:
                        rx = re.compile(r["term"], re.IGNORECASE)
                    except re.error as e:
                        raise ValueError(f"{where}: bad regex {r['term']!r}: {e}") from None
                    if rx.match(""):
                        raise ValueError(f"{where}: regex {r['term']!r} matches the empty string")
                else:
                    if r["match"] == "word" and re.search(r"\s", r["term"]):
                        raise ValueError(f"{where}: term {r['term']!r} has a space; use match=phrase")
                    try:
                        _parse_term(r["term"])
                    except ValueError as e:
                        raise ValueError(f"{where}: {e}") from None
                entries.append(Entry(r["term"], r["category"], r["direction"], lv in TRUE_VALUES, r["match"],
                                     r["source"], path.name, i))
        except csv.Error as e:
            raise ValueError(f"{path}: line {reader.line_num}: malformed CSV ({e})") from None
        except UnicodeDecodeError:
            raise ValueError(f"{path}: not UTF-8 text") from None
    return entries


def default_lexicon_paths(story=None) -> list[Path]:
    """Lexicon files: the generic ``lexicon_*.csv`` and ``frame_*.csv`` (security-alarm frame cues
    that name no story), then the story pack's ``lexicon.csv`` when a pack is given."""
    from .story import load_story

    paths = sorted(DATA_DIR.glob("lexicon_*.csv")) + sorted(DATA_DIR.glob("frame_*.csv"))
    pack = load_story(story)
    own = pack.path("lexicon.csv") if pack is not None else None
    return paths + ([own] if own is not None else [])


@lru_cache(maxsize=8)
def _load_cached(paths: tuple, extra: tuple, replace: bool) -> Lexicon:
    entries: list[Entry] = []
    for p in paths:
        entries.extend(_read_lexicon_file(Path(p)))
    extra_entries: list[Entry] = []
    for p in extra:
        extra_entries.extend(_read_lexicon_file(Path(p)))
    if replace:
        cats = {e.category for e in extra_entries}
        entries = [e for e in entries if e.category not in cats]
    return Lexicon(entries + extra_entries)


def load_lexicon(paths=None, extra=None, replace: bool = False, story=None) -> Lexicon:
    """Load, validate and compile lexicon CSVs.

    Parameters
    ----------
    paths : path or list of paths, optional
        Lexicon files; default :func:`default_lexicon_paths` (the generic ones, plus the
        ``lexicon.csv`` of ``story`` when a story pack is given).
    extra : path or list of paths, optional
        An analyst's own lexicon file(s), loaded after ``paths`` (so they win ties).
    replace : bool
        If True, every category that appears in ``extra`` replaces the packaged rows of the
        same category; otherwise the extra rows are added.

    Returns
    -------
    Lexicon

    Raises
    ------
    ValueError
        A file cannot be read or a row is invalid; the message names the file and row.
    """
    def _tuple(x):
        if x is None:
            return ()
        if isinstance(x, (str, Path)):
            return (str(Path(x).resolve()),)
        return tuple(str(Path(p).resolve()) for p in x)

    ps = _tuple(paths) if paths is not None else tuple(str(p) for p in default_lexicon_paths(story))
    return _load_cached(ps, _tuple(extra), bool(replace))


# --------------------------------------------------------------------------- voice


_PARA_RE = re.compile(r"(?:[^\n]|\n(?![^\S\n]*\n))+")
_QUOTE_RE = re.compile(r"“[^“”]*”|\"[^\"]*\"")


def simple_quote_spans(text: str, spans: Iterable[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Minimal quotation detector used when no quote module is given.

    Paired double quotation marks inside one paragraph (a paragraph ends at a blank line):
    ``“…”`` (an opening mark closes at the next closing mark; a second opening mark restarts)
    and straight ``"…"`` (consecutive pairs). Single quotes are ignored (they double as
    apostrophes); a quote running over several paragraphs is not detected.

    Returns
    -------
    list of (start, end)
        Spans including the quotation marks, sorted.
    """
    if spans is None:
        spans = [(0, len(text))]
    out = []
    for s, e in spans:
        for p in _PARA_RE.finditer(text, s, e):
            out.extend(m.span() for m in _QUOTE_RE.finditer(text, p.start(), p.end()))
    return sorted(out)


def _content_spans(doc) -> list[tuple[int, int]]:
    f = getattr(doc, "content_spans", None)
    return list(f()) if callable(f) else [(0, len(doc.text))]


def _as_documents(documents) -> list:
    if hasattr(documents, "text") and hasattr(documents, "doc_id"):
        return [documents]
    return list(documents)


def _voice_lookup(qspans: list) -> Callable[[int, int], tuple[str, str]]:
    """Function (start, end) -> (voice, speaker) for a list of quote spans (2- or 3-tuples)."""
    qs = sorted((tuple(q) + ("",))[:3] for q in qspans)
    starts = [q[0] for q in qs]
    ends = [q[1] for q in qs]
    # the latest span starting at or before s that ends at or after e: with disjoint spans (the
    # quotes module's) only the last one can; nested spans need the rightmost index k <= K with
    # ends[k] >= e, found in a tree of maximum ends instead of walking back over every quote
    disjoint = all(ends[k] <= starts[k + 1] for k in range(len(qs) - 1))
    size = 1
    while size < len(qs):
        size *= 2
    tree = [-1] * (2 * size)   # tree[size + k] = ends[k]; inner nodes hold the maximum below
    if not disjoint:
        tree[size:size + len(qs)] = ends
        for i in range(size - 1, 0, -1):
            tree[i] = max(tree[2 * i], tree[2 * i + 1])

    def rightmost(K: int, e: int) -> int:
        """Largest k <= K with ends[k] >= e, or -1."""
        i = size + K
        if tree[i] >= e:
            return K
        while i > 1:   # climb until a left sibling holds an end >= e
            if i & 1 and tree[i - 1] >= e:
                i -= 1
                while i < size:   # descend, preferring the right child
                    i = 2 * i + 1 if tree[2 * i + 1] >= e else 2 * i
                return i - size
            i //= 2
        return -1

    def f(s: int, e: int) -> tuple[str, str]:
        # every span starting at or before the hit may contain it (quotes can nest); the
        # innermost one (latest start) gives the speaker
        k = bisect.bisect_right(starts, s) - 1
        if k >= 0 and not disjoint:
            k = rightmost(k, e)
        if k >= 0 and e <= ends[k]:
            return "quoted", qs[k][2] or ""
        if k >= 0 and disjoint and e > s:
            return "authorial", ""   # the earlier spans end before starts[k] <= s < e
        while k >= 0:   # (an empty hit, e <= s, can also sit in an earlier span)
            _, qe, spk = qs[k]
            if e <= qe:
                return "quoted", spk or ""
            k -= 1
        return "authorial", ""
    return f


# --------------------------------------------------------------------------- tables


def term_hits(documents, quote_spans_fn: Callable | None = None, lexicon: Lexicon | None = None,
              story=None, model=True) -> pd.DataFrame:
    """Loaded-term hits in the content spans of each document: lexicon matches and model words.

    Parameters
    ----------
    documents : Corpus, iterable of Document, or one Document
        Objects with ``.doc_id``, ``.text`` and ``.content_spans()`` (without it, all text is content).
    quote_spans_fn : callable, optional
        ``quote_spans_fn(document) -> list of (start, end)`` or ``(start, end, speaker)``;
        a hit inside a span is ``quoted`` (with that speaker). Default: the quotes module's
        :func:`framing.quotes.voice_spans` (every quotation with its speaker); ``"simple"``:
        :func:`simple_quote_spans` over the content spans (speaker left empty).
    lexicon : Lexicon, optional
        Default :func:`load_lexicon` with ``story``.
    story : story pack name, folder or Story, optional
        Adds the pack's frame cues (and its speakers, for the voice); default: the pack the
        corpus was loaded with, else none.
    model : bool or LoadedModel
        True (default): the packaged loaded-word model (:mod:`framing.terms_model`) scores every
        content word; a word at or above its threshold that no lexicon match covers becomes a hit of
        category :data:`MODEL_CATEGORY`, and every lexicon hit carries the model's score of its words.
        False: lexicon hits only (``score`` empty). A :class:`~framing.terms_model.LoadedModel`: that model.

    Returns
    -------
    pandas.DataFrame
        One row per hit, columns :data:`HIT_COLUMNS`; ``text == document.text[start:end]``; sorted by
        document then start. ``source`` is the lexicon row (``file:row``) or ``model``; ``score`` the
        model's probability that the hit is loaded (the largest over its words; NaN without a model).
        Hits never overlap, so counting rows counts the union of both detectors once.
    """
    from .story import story_of

    pack = story_of(documents, story)
    lex = lexicon if lexicon is not None else load_lexicon(story=pack)
    scorer = _scorer(model)
    generic = _generic_subset(lex) if scorer is not None else None
    rows = []
    for doc in _as_documents(documents):
        text = doc.text
        content = _content_spans(doc)
        voice = _voice_lookup(_quote_spans_of(doc, quote_spans_fn, content, pack))
        cands = lex.all_candidates(text, content)
        chosen = lex.resolve(cands, len(text), keep_excluded=True)
        scored = _model_scores(scorer, doc, content, cands, lex, generic) if scorer is not None else None
        found = []
        for s, e, ent in chosen:
            if ent.category == EXCLUDE:
                continue
            v, spk = voice(s, e)
            score = scored.max_score(s, e) if scored is not None else float("nan")
            found.append((doc.doc_id, s, e, text[s:e], ent.term, ent.category, ent.direction, ent.loaded, v, spk,
                          f"{ent.file}:{ent.row}", score))
        if scored is not None:
            for s, e, p in scored.hits_outside(chosen):
                v, spk = voice(s, e)
                found.append((doc.doc_id, s, e, text[s:e], text[s:e].lower(), MODEL_CATEGORY, "", True, v, spk,
                              MODEL_SOURCE, p))
        rows.extend(sorted(found, key=lambda r: r[1]))
    df = pd.DataFrame(rows, columns=HIT_COLUMNS)
    return df.astype({"start": "int64", "end": "int64", "loaded": "bool", "score": "float64"})


def lexicon_only(hits: pd.DataFrame) -> pd.DataFrame:
    """The lexicon's rows of a hits table (the model's left out). The stance measures use these: the
    frame model and the hand-set index were fitted and set on lexicon counts."""
    if "source" not in hits.columns or not len(hits):
        return hits
    return hits[hits["source"] != MODEL_SOURCE]


def _quote_spans_of(doc, quote_spans_fn, content, pack) -> list:
    if quote_spans_fn is None:
        from .quotes import voice_spans

        return voice_spans(doc, story=pack)
    if quote_spans_fn == "simple":
        return simple_quote_spans(doc.text, content)
    return list(quote_spans_fn(doc))


def _scorer(model):
    """A vectorised scorer for ``model`` (True: the packaged one), or None when the model is off."""
    if model is False or model is None:
        return None
    from .terms_model.model import LoadedModel, default_model
    from .terms_model.scorer import Scorer

    if model is True:
        return _default_scorer(default_model())
    if isinstance(model, LoadedModel):
        return Scorer(model)
    raise TypeError(f"model must be True, False or a LoadedModel, not {type(model).__name__}")


@lru_cache(maxsize=2)
def _default_scorer(model):
    from .terms_model.scorer import Scorer

    return Scorer(model)


def _generic_subset(lex: Lexicon) -> Callable[[int], bool] | None:
    """The model's lexicon features read the generic lexicon's matches. When ``lex`` holds all of it
    (the default), they are resolved from ``lex``'s own candidates (no second search); else None."""
    from .terms_model.features import LEXICON_FILE, generic_lexicon

    idx = [i for i, e in enumerate(lex.entries) if e.file == LEXICON_FILE]
    if [lex.entries[i] for i in idx] != generic_lexicon().entries:
        return None
    keep = frozenset(idx)
    return keep.__contains__


class _Scored:
    """A document's word tokens with the model's probabilities."""

    def __init__(self, tokens: list, probs: np.ndarray, eligible: np.ndarray, threshold: float):
        self.tokens = tokens
        self.starts = [s for s, _ in tokens]
        self.probs = probs
        self.eligible = eligible
        self.threshold = threshold

    def max_score(self, s: int, e: int) -> float:
        """Largest probability among the words overlapping [s, e) (NaN when none)."""
        i = max(bisect.bisect_right(self.starts, s) - 1, 0)
        best = float("nan")
        while i < len(self.tokens) and self.tokens[i][0] < e:
            if self.tokens[i][1] > s:
                p = float(self.probs[i])
                best = p if best != best or p > best else best
            i += 1
        return best

    def hits_outside(self, chosen: Sequence[tuple[int, int, object]]) -> list[tuple[int, int, float]]:
        """Eligible words (open-class, not names: :meth:`Scorer.score`) at or above the threshold that
        overlap no lexicon hit (``_exclude`` guards included)."""
        starts = [s for s, _, _ in chosen]
        out = []
        for k in np.flatnonzero(self.eligible & (self.probs >= self.threshold)).tolist():
            s, e = self.tokens[k]
            j = bisect.bisect_left(starts, e) - 1     # last lexicon hit starting before this word ends
            if j >= 0 and chosen[j][1] > s:
                continue
            out.append((s, e, float(self.probs[k])))
        return out


def _model_scores(scorer, doc, content, cands, lex: Lexicon, generic) -> _Scored:
    from .quotes.marks import quote_spans
    from .terms_model.features import generic_lexicon

    text = doc.text
    toks = getattr(doc, "tokens", None)
    if toks is None:
        from .corpus import token_spans

        toks = token_spans(text, content)
    marks = lex.resolve(cands, len(text), only=generic) if generic is not None \
        else generic_lexicon().match(text, content)
    words, z, eligible = scorer.score(text, toks, quote_spans(text), marks)
    return _Scored(words, 1.0 / (1.0 + np.exp(-z)), eligible, scorer.model.threshold)


def _n_tokens(doc) -> int:
    toks = getattr(doc, "tokens", None)
    if toks is not None:
        return len(toks)
    return sum(len(_TOKEN_RE.findall(doc.text, s, e)) for s, e in _content_spans(doc))


def term_rates(hits: pd.DataFrame, documents, lexicon: Lexicon | None = None, wide: bool = False) -> pd.DataFrame:
    """Per-document hit counts and rates per 1,000 content tokens, by category and voice.

    Parameters
    ----------
    hits : DataFrame from :func:`term_hits`
    documents : the documents the hits came from (token counts are ``len(doc.tokens)``:
        word tokens of title, dek, headings and body).
    lexicon : Lexicon, optional
        Its categories are listed even where a document has no hit (zero rows). Default: the
        packaged lexicon.
    wide : bool
        False (default): tidy table, one row per (doc_id, category, voice) with columns
        ``doc_id, category, voice, n_hits, n_tokens, per_1k`` -- the token count beside every
        rate. ``category`` also takes ``ALL_LOADED`` (every loaded=true hit) and
        ``ALL_MARKERS`` (hedge, booster, distancing hits); ``voice`` is ``all``, ``authorial`` or ``quoted``.
        True: one row per document, ``doc_id, n_tokens`` then ``<category>__<voice>__n`` and
        ``<category>__<voice>__per_1k`` pairs.

    Notes
    -----
    Quoted and authorial rates share the same denominator (all content tokens), so they add up
    to the ``all`` rate.
    """
    lex = lexicon if lexicon is not None else load_lexicon()
    docs = _as_documents(documents)
    cats = list(lex.categories)
    for c in hits["category"].unique() if len(hits) else []:
        if c not in cats:
            cats.append(c)
    cats += ["ALL_LOADED", "ALL_MARKERS"]
    h = hits.copy()
    counts: dict[tuple, int] = {}
    if len(h):
        # totals go by each hit's own `loaded` flag (a category such as frame_sovereignty mixes
        # loaded and neutral entries): loaded hits -> ALL_LOADED, epistemic markers -> ALL_MARKERS
        h["total"] = h["loaded"].map({True: "ALL_LOADED", False: ""})
        h.loc[~h["loaded"] & h["category"].isin(EPISTEMIC_CATEGORIES), "total"] = "ALL_MARKERS"
        agg = h.groupby(["doc_id", "category", "voice", "total"]).size()
        for (d, c, v, tot), n in agg.items():
            counts[(d, c, v)] = counts.get((d, c, v), 0) + n
            counts[(d, c, "all")] = counts.get((d, c, "all"), 0) + n
            if tot:
                counts[(d, tot, v)] = counts.get((d, tot, v), 0) + n
                counts[(d, tot, "all")] = counts.get((d, tot, "all"), 0) + n
    rows = []
    for doc in docs:
        nt = _n_tokens(doc)
        for c in cats:
            for v in ("all",) + VOICES:
                n = counts.get((doc.doc_id, c, v), 0)
                rows.append((doc.doc_id, c, v, n, nt, (1000.0 * n / nt) if nt else float("nan")))
    long = pd.DataFrame(rows, columns=["doc_id", "category", "voice", "n_hits", "n_tokens", "per_1k"])
    if not wide:
        return long
    out = long[["doc_id", "n_tokens"]].drop_duplicates("doc_id").set_index("doc_id")
    for c in cats:
        for v in ("all",) + VOICES:
            sel = long[(long["category"] == c) & (long["voice"] == v)].set_index("doc_id")
            out[f"{c}__{v}__n"] = sel["n_hits"]
            out[f"{c}__{v}__per_1k"] = sel["per_1k"]
    return out.reset_index()


_WS_RE = re.compile(r"\s+")


def concordance(hits: pd.DataFrame, documents, width: int = 60) -> pd.DataFrame:
    """Keyword-in-context lines for hits.

    Parameters
    ----------
    hits : DataFrame from :func:`term_hits`
    documents : the documents the hits came from
    width : int
        Characters of context on each side (whitespace runs, line breaks included, are shown as
        one space; the context is cut from the raw text, so it may reach into a neighbouring block).

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id, start, end, left, match, right, term, category, voice``; ``match`` is
        ``text[start:end]`` verbatim.
    """
    texts = {d.doc_id: d.text for d in _as_documents(documents)}
    rows = []
    for r in hits.itertuples(index=False):
        t = texts[r.doc_id]
        left = _WS_RE.sub(" ", t[max(0, r.start - width):r.start])
        right = _WS_RE.sub(" ", t[r.end:r.end + width])
        rows.append((r.doc_id, r.start, r.end, left, t[r.start:r.end], right, r.term, r.category, r.voice))
    return pd.DataFrame(rows, columns=["doc_id", "start", "end", "left", "match", "right", "term", "category", "voice"])


# --------------------------------------------------------------------------- comparison across documents

DISTINCTIVE_COLUMNS = ["doc_id", "term", "found_as", "category", "n_here", "n_rest", "n_writer", "n_quoted",
                       "n_sources", "z_log_odds"]


def distinctive_terms(hits: pd.DataFrame, documents: pd.DataFrame, top: int = 3) -> pd.DataFrame:
    """The lexicon entries that set each document apart from the others, by log-odds z-score.

    For each entry (``term`` and ``category``) a document uses, its count ``a`` among the
    document's ``n1`` article words is compared with its count ``b`` among the ``n2`` words of
    all the other documents: the log-odds ratio ``log((a+.5)/(n1-a+.5)) - log((b+.5)/(n2-b+.5))``
    divided by its standard error ``sqrt(1/(a+.5) + 1/(n1-a+.5) + 1/(b+.5) + 1/(n2-b+.5))``
    (add-0.5 smoothing keeps zero counts finite). Why this score: it is a rate per word, so a
    long article does not win by length, and it is a z-score, so one hit in a short text counts
    as the weak evidence it is. A count x log(inverse document frequency) score, as notebook 05
    once used, does neither: it grows with article length and ignores how often the other
    documents use the entry.

    Parameters
    ----------
    hits : DataFrame of :func:`term_hits` rows (``doc_id, text, term, category, voice``), e.g.
        the loaded ones only.
    documents : DataFrame with ``doc_id`` and ``n_tokens`` (:func:`framing.documents`): every
        document compared, including those without a hit.
    top : int
        Entries kept per document, highest score first (ties: ``found_as`` alphabetically).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`DISTINCTIVE_COLUMNS`: ``found_as`` the surface forms matched (lower case),
        ``n_here`` / ``n_rest`` the counts in this document / all others, ``n_writer`` /
        ``n_quoted`` this document's count by voice, ``n_sources`` how many documents use the
        entry. Sorted by ``doc_id`` then score. Empty with fewer than two documents (nothing
        to compare against).

    Examples
    --------
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "n_tokens": [100, 100]})
    >>> hits = pd.DataFrame({"doc_id": ["a", "a", "b"], "text": ["Regime", "regime", "slammed"],
    ...                      "term": ["regime", "regime", "slam+"], "category": ["label", "label", "verb"],
    ...                      "voice": ["authorial", "quoted", "authorial"]})
    >>> distinctive_terms(hits, docs)[["doc_id", "found_as", "n_here", "n_rest"]].values.tolist()
    [['a', 'regime', 2, 0], ['b', 'slammed', 1, 0]]
    """
    words = documents.drop_duplicates("doc_id").set_index("doc_id")["n_tokens"].astype(float)
    h = hits[hits["doc_id"].isin(words.index)]
    if len(words) < 2 or h.empty:
        return pd.DataFrame(columns=DISTINCTIVE_COLUMNS)
    h = h.assign(form=h["text"].map(lambda t: " ".join(t.lower().split())))
    g = h.groupby(["doc_id", "term", "category"])
    t = pd.DataFrame({"found_as": g["form"].agg(lambda s: ", ".join(sorted(set(s)))), "n_here": g.size(),
                      "n_writer": g["voice"].agg(lambda s: int((s == "authorial").sum())),
                      "n_quoted": g["voice"].agg(lambda s: int((s == "quoted").sum()))}).reset_index()
    entry = t.groupby(["term", "category"])
    t["n_rest"] = entry["n_here"].transform("sum") - t["n_here"]
    t["n_sources"] = entry["doc_id"].transform("nunique")
    t["z_log_odds"] = _log_odds_z(t["n_here"], t["doc_id"].map(words), t["n_rest"],
                                  words.sum() - t["doc_id"].map(words))
    t = t.sort_values(["doc_id", "z_log_odds", "found_as"], ascending=[True, False, True])
    return t.groupby("doc_id").head(top)[DISTINCTIVE_COLUMNS].reset_index(drop=True)


def _log_odds_z(a, n1, b, n2):
    """Log-odds ratio of ``a`` in ``n1`` against ``b`` in ``n2`` over its standard error (add 0.5 to each cell)."""
    a, n1, b, n2 = (np.asarray(x, dtype=float) for x in (a, n1, b, n2))
    lor = np.log((a + .5) / (n1 - a + .5)) - np.log((b + .5) / (n2 - b + .5))
    se = np.sqrt(1 / (a + .5) + 1 / (n1 - a + .5) + 1 / (b + .5) + 1 / (n2 - b + .5))
    return lor / se


class _Holders:
    """Quotation spans of one document, answering "which quotation holds this span?" by bisection.

    Spans are sorted by start (ties: table order); a running maximum of ends stops the backward
    scan as soon as no earlier quotation can reach the span's end.
    """

    def __init__(self, rows):
        rows = sorted(rows)  # (start, table position, end, label)
        self._starts = [r[0] for r in rows]
        self._ends = [r[2] for r in rows]
        self._labels = [r[3] for r in rows]
        self._maxend = list(itertools.accumulate(self._ends, max))

    def holder(self, start: int, end: int):
        """Label of the innermost quotation with ``q.start <= start`` and ``end <= q.end``, or None."""
        j = bisect.bisect_right(self._starts, start) - 1
        while j >= 0 and self._maxend[j] >= end:
            if self._ends[j] >= end:
                return self._labels[j]
            j -= 1
        return None


def hit_carriers(hits: pd.DataFrame, quotes: pd.DataFrame) -> pd.Series:
    """Who carries each hit: ``writer``, the role of the quotation that holds it, or ``no speaker``.

    A hit in the writer's voice (``voice == "authorial"``; reported speech outside quotation
    marks is the writer's wording) is carried by the ``writer``. A quoted hit is carried by the
    innermost row of the same document whose span contains it: a quotation, or a reported clause
    that quotes some of its words: its ``speaker_role``, or ``no speaker`` when the row has no
    speaker (a scare quote, an unattributed quotation). A quoted hit that no row of ``quotes``
    contains is ``unknown`` when the hit names a speaker, else ``no speaker``.

    Parameters
    ----------
    hits : DataFrame of :func:`term_hits` rows (``doc_id, start, end, voice, speaker``).
    quotes : DataFrame of :func:`framing.quotes_table` rows (``doc_id, start, end, kind, speaker,
        speaker_role``).

    Returns
    -------
    pandas.Series of str named ``carrier``, indexed like ``hits``. Time: sorting the quotations
    once, then a bisection per hit.
    """
    by_doc: dict[str, list] = {}
    for pos, q in enumerate(quotes.itertuples(index=False)):
        label = q.speaker_role if q.speaker else "no speaker"
        by_doc.setdefault(q.doc_id, []).append((q.start, pos, q.end, label))
    index = {d: _Holders(rows) for d, rows in by_doc.items()}
    out = []
    for h in hits.itertuples(index=False):
        if h.voice == "authorial":
            out.append("writer")
            continue
        found = index[h.doc_id].holder(h.start, h.end) if h.doc_id in index else None
        out.append(found if found is not None else ("unknown" if h.speaker else "no speaker"))
    return pd.Series(out, index=hits.index, name="carrier", dtype=object)
