"""Quote extraction and speaker attribution over raw news text.

Rule-based, pure Python + precompiled regular expressions. Works on the raw text
(quotes cross sentence and paragraph boundaries) and reports character spans
``(start, end)`` such that ``text[start:end]`` is the quote *including* its marks
(for ``kind == "reported"`` the span is the reported clause, without marks).

Pipeline
--------
1. :func:`quote_spans` pairs quotation marks line by line. Curly marks have a
   direction; straight ``"`` is classified by its neighbours. A paragraph that
   ends inside a quote continues only if the next paragraph opens with a mark
   (news convention); otherwise the quote is closed at the end of its paragraph
   and flagged ``unclosed``: a stray mark never swallows the rest of an article.
   Closing-shaped marks with no opener are flagged ``stray`` and produce nothing.
   Single quotes count only when they open after a space and close before a
   non-letter (so France's, don't, '90s, students' are apostrophes); single
   quotes inside double quotes are nested and reported as the flag ``nested``.
2. Attribution, in order: a reporting clause right after the quote
   (``…," he said`` / ``…," said X`` / ``…," according to X``), a reporting
   verb before the quote in the same sentence (``X said:``, ``X told Y that "…"``,
   ``According to X, "…"``, ``As X noted, "…"``), an attribution inside the
   quoted text (``"…, La Nación reported."``), a passive agent
   (``as described by observers``), and finally continuation: a full quote with
   no cue inherits the speaker of the previous attribution in its paragraph.
3. Speakers: the subject noun phrase of the reporting verb; appositives are
   skipped, titles and honorifics stripped, ``Mr. X`` merged with the fullest
   name containing ``X`` in the article, acronyms merged with their expansion,
   pronouns resolved to the last compatible speaker (same or previous
   paragraph) or the last named person, role descriptions ("the French
   defense minister") linked to a person introduced with the same title words.
   Speakers with no name are kept as written and typed ``vague``.
4. Roles and sides: a story pack's registry (``speakers.csv``) first, then the general
   rules of ``data/role_rules.csv`` over the speaker and its descriptors.

Reported speech (kind ``reported``) is indirect speech with no quotation marks:
a reporting verb followed by a *that*-clause (or no complementizer after verbs
marked ``zero_that`` in ``data/speech_verbs.csv``), ``warned of …``,
``According to X, …`` and ``…, according to X.`` / ``…, X said.``; the span runs
from the first word of the clause to the end of the sentence. A clause that
contains a quotation is represented by its quote rows instead.
"""
from __future__ import annotations

import bisect
import itertools
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Sequence

from ._data import read_csv_rows

_VERB_ALT = ""
__all__ = ["Quote", "extract_quotes", "quote_spans", "in_quote_mask", "quotes_table",
           "quote_summary", "QUOTE_COLUMNS"]

QUOTE_COLUMNS = ["doc_id", "start", "end", "text", "kind", "speaker", "speaker_role", "side",
                 "cue", "speaker_type", "flags"]

MAX_QUOTE_CHARS = 4000      # a quote never runs longer than this (continuation paragraphs)
MAX_CONTINUATION = 6        # and never across more than this many paragraphs
# A pronoun with no compatible speaker before it looks back for a descriptor NP ("the defense
# minister") since the last named person; the scan of each pronoun covers at most this many
# characters, the matches further back come from one scan shared by all pronouns. Exact as long
# as no attempt of that NP regex ("the" + up to three words + a role noun, under 100 characters
# in news text) spans this many characters.
DESCR_WINDOW = 400

OPEN_D = "“„«"
CLOSE_D = "”»"
ALL_D = OPEN_D + CLOSE_D + '"'
LETTER = re.compile(r"\w", re.UNICODE)

# --------------------------------------------------------------------------- data


@lru_cache(maxsize=8)
def _lexicon(story=None):
    """Speech verbs, role rules by kind and the speaker registry (the story pack's, if any).

    Generic role rules hold for any news; a pack's ``role_rules.csv`` replaces the generic
    rule of the same pattern and kind; the registry is the pack's ``speakers.csv`` (none
    without a pack).
    """
    from .story import merged_rows

    verbs = read_csv_rows("speech_verbs.csv")
    info = {v["phrase"]: v for v in verbs}
    # prepositional attributions also open sentences ("According to X, ...")
    info.update({p[:1].upper() + p[1:]: v for p, v in list(info.items()) if v["lemma"] == "according to"})
    forms = sorted(info, key=len, reverse=True)
    alt = "|".join(re.escape(f) for f in forms)
    verb_re = re.compile(r"(?<![\w’'-])(" + alt + r")(?![\w’'-])")
    global _VERB_ALT
    _VERB_ALT = alt
    rules = merged_rows(read_csv_rows("role_rules.csv"), story, "role_rules.csv", ("pattern", "kind"))
    by_kind: dict[str, dict[str, str]] = {}
    for r in rules:
        by_kind.setdefault(r["kind"], {})[r["pattern"].lower()] = r["role"]
    reg = {}
    for r in story.rows("speakers.csv") if story is not None else []:
        for n in [r["name"]] + [a for a in r["aliases"].split("|") if a]:
            reg[_norm(n)] = r
    return verb_re, info, by_kind, reg


def _norm(s: str) -> str:
    s = s.replace("’", "'").strip().lower()
    s = re.sub(r"^(the)\s+", "", s)
    return " ".join(re.sub(r"[^\w' ]+", " ", s).split())


# --------------------------------------------------------------------------- marks

_PARA = re.compile(r"[^\n]+")


def _dq_role(text: str, i: int) -> str:
    """'o' opening, 'c' closing or '?' for a double mark at ``text[i]``."""
    ch = text[i]
    if ch in OPEN_D:
        return "o"
    if ch in CLOSE_D:
        return "c"
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    p_open = prev.isspace() or prev in "([{—–-/:;"
    n_close = nxt.isspace() or nxt in ".,;:!?)]}—–-…"
    if p_open and not n_close:
        return "o"
    if n_close and not p_open:
        return "c"
    return "?"


_SQ_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–“\"]))[‘'](?=[^\W\d_])")
_ELISION = re.compile(r"[‘'](?:n[’']|em\b|til\b|tis\b|cause\b|bout\b)", re.I)


_SQ_STOP = re.compile("[’'“”\"]")


def _sq_stop(text: str, j: int) -> bool:
    """Does the scan for the mark that closes a single quote stop at ``text[j]``? At a double
    mark (no closing single mark: the quote is dropped), or at ’ or ' after a letter or .,!?
    and before a non-letter (the closing mark)."""
    c = text[j]
    if c in "“”\"":
        return True
    if LETTER.match(text[j - 1] or " ") is None and text[j - 1] not in ".,!?":
        return False
    nxt = text[j + 1] if j + 1 < len(text) else " "
    return not nxt.isalpha()


def _single_quotes(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Single-quoted spans inside ``text[lo:hi]`` (one paragraph)."""
    out = []
    pos = lo
    stops = None
    while True:
        m = _SQ_OPEN.search(text, pos, hi)
        if not m:
            return out
        i = m.start()
        pos = i + 1
        if _ELISION.match(text, i):
            continue
        if stops is None:
            # where the scan for a closing mark stops does not depend on the opening mark: list
            # those positions once per paragraph (scanning up to 300 characters from each of
            # many openers cost 300 steps per character of the paragraph)
            stops = [k.start() for k in _SQ_STOP.finditer(text, lo, hi) if _sq_stop(text, k.start())]
        k = bisect.bisect_left(stops, i + 2)
        found = -1
        if k < len(stops) and stops[k] < min(hi, i + 300) and text[stops[k]] in "’'":
            # a plural possessive (students' ) inside a quote is rare; accept the first
            found = stops[k] + 1
        if found > 0 and found - i > 3:
            out.append((i, found))
            pos = found
    return out


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PARA.finditer(text) if m.group().strip()]


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def quote_spans(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """Spans of quoted material delimited by quotation marks.

    Parameters
    ----------
    text : str
        Raw article text.

    Returns
    -------
    list of (start, end, flags)
        Sorted, non-overlapping; ``text[start:end]`` includes the marks (an
        unclosed quote ends at the end of its paragraph, without a mark).
        ``flags`` may hold ``unclosed``, ``continued`` (multi-paragraph),
        ``nested`` (single quotes inside), ``glued`` (mark touching a word),
        ``unpaired_open`` (a new opening mark closed the previous quote).
    """
    paras = _paragraphs(text)
    out: list[tuple[int, int, tuple[str, ...]]] = []
    cur_start = -1
    cur_flags: list[str] = []
    n_cont = 0
    k = 0
    while k < len(paras):
        lo, hi = paras[k]
        marks = [i for i in range(lo, hi) if text[i] in ALL_D] if any(
            c in text[lo:hi] for c in ALL_D) else []
        first_nonspace = lo
        while first_nonspace < hi and text[first_nonspace].isspace():
            first_nonspace += 1
        skip_first = False
        if cur_start >= 0:
            # we are continuing a quote from the previous paragraph
            skip_first = bool(marks) and marks[0] == first_nonspace and _dq_role(text, marks[0]) != "c"
        for idx, i in enumerate(marks):
            if skip_first and idx == 0:
                continue
            role = _dq_role(text, i)
            if cur_start < 0:
                if role == "c":
                    continue  # stray closing mark: nothing to pair with
                cur_start = i
                cur_flags = []
                n_cont = 0
                prev = text[i - 1] if i > 0 else " "
                if prev.isalnum():
                    cur_flags.append("glued")
            else:
                if role == "o" and text[i] in OPEN_D and i - cur_start > 1:
                    # an opening mark inside an open quote: the previous one never closed
                    end = _rstrip(text, cur_start, i)
                    out.append((cur_start, end, tuple(cur_flags + ["unpaired_open"])))
                    cur_start = i
                    cur_flags = []
                    n_cont = 0
                    continue
                end = i + 1
                out.append((cur_start, end, tuple(cur_flags)))
                cur_start = -1
        if cur_start >= 0:
            nxt = paras[k + 1] if k + 1 < len(paras) else None
            cont = False
            if nxt is not None and n_cont < MAX_CONTINUATION:
                j = nxt[0]
                while j < nxt[1] and text[j].isspace():
                    j += 1
                if j < nxt[1] and text[j] in OPEN_D + '"' and nxt[1] - cur_start <= MAX_QUOTE_CHARS \
                        and _dq_role(text, j) != "c":
                    cont = True
            if cont:
                n_cont += 1
                if "continued" not in cur_flags:
                    cur_flags.append("continued")
            else:
                out.append((cur_start, _rstrip(text, cur_start, hi), tuple(cur_flags + ["unclosed"])))
                cur_start = -1
        k += 1
    # single quotes: nested inside double quotes become a flag, else their own spans
    result = []
    oi = 0
    singles = []
    for lo, hi in paras:
        if "‘" in text[lo:hi] or "'" in text[lo:hi]:
            singles.extend(_single_quotes(text, lo, hi))
    merged = []
    for s in singles:
        inside = False
        while oi < len(out) and out[oi][1] <= s[0]:
            oi += 1
        for q in out[max(0, oi - 1): oi + 1]:
            if q[0] <= s[0] and s[1] <= q[1]:
                inside = True
                merged.append(q[0])
            elif q[0] < s[1] and s[0] < q[1]:
                inside = True  # crossing: ignore the single quote
        if not inside:
            result.append((s[0], s[1], ("single",)))
    nested = set(merged)
    for q in out:
        flags = q[2] + (("nested",) if q[0] in nested else ())
        if q[1] > q[0] + 1:
            result.append((q[0], q[1], flags))
    result.sort()
    return result


def in_quote_mask(text: str) -> list[bool]:
    """Per-character mask: True where ``text[i]`` lies inside a quotation (marks included).

    Cheap helper for other modules (e.g. voice of loaded terms: authorial vs quoted).
    """
    mask = [False] * len(text)
    for s, e, _ in quote_spans(text):
        for i in range(s, e):
            mask[i] = True
    return mask


# --------------------------------------------------------------------------- names

_CAP = r"(?:[A-ZÁÉÍÓÚÑÜ][\w’'.\-]*|[A-Z]\.(?:[A-Z]\.)+)"
_CONN = r"(?:of|for|the|de|del|la|las|los|da|do|dos|y|van|von|al|el|on)"
NAME_RE = re.compile(_CAP + r"(?:[ \xa0]+(?:" + _CONN + r"[ \xa0]+)*" + _CAP + r")*")
_POSS = re.compile(r"[’']s?$")
def _abbreviations() -> frozenset:
    from ._data import read_csv_rows

    return frozenset(r["abbrev"].lower() + "." for r in read_csv_rows("abbreviations.csv"))


_ABBR = _abbreviations()  # the same list the sentence splitter uses (data/abbreviations.csv)
_CLAUSE_MARKS_RE = re.compile("[" + re.escape(ALL_D + "‘") + "]")   # marks a reported clause may not hold
# a run of end punctuation is tried from its first character only: a match starting inside
# the run would see the same rest of the run, so the result is the same, but trying every
# start of a long run ("!!!!…") would cost the square of its length
_SENT_END = re.compile(r"(?<![.!?…])([.!?…]+)([\"”’')\]]*)(\s+)")
_LASTWORD = re.compile(r"\S*$")
_PRON = {"he": "m", "she": "f", "him": "m", "her": "f", "they": "p", "we": "p", "i": "s", "it": "n"}
_AUX = re.compile(r"(?:\s+(?:has|have|had|is|was|were|are|will|would|also|further|then|later|"
                  r"publicly|again|once|repeatedly|recently|often|previously|reportedly|even|"
                  r"did|does|do|just|already|has\s+long|\w+ly))+$", re.I)
_MODAL_NEG = re.compile(r"(?:\b(?:can|could|may|might|must|should|would|will|shall|not|never|n[’']t|"
                        r"did not|does not|of|without|refused to|declined to|wants? to|expected to|likely to|"
                        r"going to|worth|is|was|are|were|be|been|being)(?:[ \xa0]+(?:\w+ly|also|not|now|then))*[ \xa0]*)$", re.I)  # noqa: E501
_DET = re.compile(r"^(?:the|a|an|this|that|these|those|its|his|her|their|our|one|some|many|several|"
                  r"other|most)\b", re.I)

# _AUX and the "NAME to" rule below are anchored at the end of the noun phrase, and a regex
# search for a `$`-anchored pattern tries every start: on a long phrase (a run of capitalised
# words, "Mr. Mr. Mr. ...") that costs the square of its length or more. The two functions
# below give the same results by reading the phrase backwards from its end, once.
_AUX_WORD = re.compile(r"(?:has|have|had|is|was|were|are|will|would|also|further|then|later|"
                       r"publicly|again|once|repeatedly|recently|often|previously|reportedly|even|"
                       r"did|does|do|just|already|\w+ly)", re.IGNORECASE)
_HAS, _LONG = re.compile("has", re.IGNORECASE), re.compile("long", re.IGNORECASE)
_NONSPACE = re.compile(r"\S+")
_CAP_WORD = re.compile(_CAP)
_CONN_WORD = re.compile(_CONN)
_CAP_FIRST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÁÉÍÓÚÑÜ")


def _aux_strip(s: str) -> str:
    """``_AUX.sub("", s)``: ``s`` without its trailing run of auxiliaries and adverbs.

    The run is a sequence of whitespace-separated words that each match ``_AUX_WORD`` (or the
    pair "has long"), up to the end of ``s``; what is removed starts at the whitespace before
    its first word.
    """
    if s.endswith("\n"):  # `$` may also match before a final newline: leave that case to the regex
        return _AUX.sub("", s)
    toks = [(m.start(), m.end()) for m in _NONSPACE.finditer(s)]
    if not toks or toks[-1][1] != len(s):
        return s  # ends with whitespace: the last auxiliary would have to end at the end
    n = len(toks)
    ok = [False] * (n + 1)   # ok[k]: toks[k:] is a sequence of auxiliaries (ok[n]: nothing left)
    ok[n] = True
    first = -1
    for k in range(n - 1, -1, -1):
        a, b = toks[k]
        ok[k] = (ok[k + 1] and _AUX_WORD.fullmatch(s, a, b) is not None) or (
            k + 2 <= n and ok[k + 2] and _HAS.fullmatch(s, a, b) is not None
            and _LONG.fullmatch(s, *toks[k + 1]) is not None)
        if ok[k] and a > 0:      # a match starts with whitespace, so not at position 0
            first = k
        if not ok[k] and not ok[k + 1]:
            break                # nothing to the left can reach the end any more
    if first < 0:
        return s
    start = toks[first][0]
    while start > 0 and s[start - 1].isspace():
        start -= 1
    return s[:start]


def _is_name_char(c: str) -> bool:
    return c.isalnum() or c in "_’'.-"   # [\w’'.\-]: \w is str.isalnum() or "_"


def _name_before_to(s: str):
    """``re.search("(" + NAME_RE.pattern + r")[ \xa0]+to$", s)``: the name group, or None.

    The group ends where the spaces before the final "to" start and begins at the leftmost
    position from which the rest is a name: capitalised words joined by connectors, the first
    of which may start inside a longer token ("xAbc" -> "Abc").
    """
    if s.endswith("\n"):
        m = re.search(r"(" + NAME_RE.pattern + r")[ \xa0]+to$", s)
        return m.group(1) if m else None
    if not s.endswith("to") or len(s) < 3 or s[-3] not in " \xa0":
        return None
    e0 = len(s) - 2
    while e0 > 0 and s[e0 - 1] in " \xa0":
        e0 -= 1
    pos, best, cap_after = e0, -1, False
    while pos > 0:
        ts = pos
        while ts > 0 and s[ts - 1] not in " \xa0":
            ts -= 1
        if _CAP_WORD.fullmatch(s, ts, pos):
            best, cap_after = ts, True
        elif not (cap_after and _CONN_WORD.fullmatch(s, ts, pos)):
            # the name can only start inside this token, after its last non-name character
            k = pos
            while k > ts and _is_name_char(s[k - 1]):
                k -= 1
            for j in range(k, pos):
                if s[j] in _CAP_FIRST:
                    best = j
                    break
            break
        pos = ts
        while pos > 0 and s[pos - 1] in " \xa0":
            pos -= 1
    return s[best:e0] if best >= 0 else None


@dataclass
class _Entity:
    name: str                     # fullest surface form (titles stripped)
    kind: str = "unknown"         # person | org | unknown
    gender: str = ""              # m | f | ''
    descr: set = field(default_factory=set)   # 4-char stems of title/appositive words
    role_words: list = field(default_factory=list)


def _stem(w: str) -> str:
    return w.lower().replace("’", "'").split("'")[0][:4]


class _DocModel:
    """Per-document analysis: paragraphs, sentences, quote spans, entities."""

    def __init__(self, text: str, story=None):
        self.text = text
        self.story = story
        verb_re, vinfo, rules, reg = _lexicon(story)
        self.verb_re, self.vinfo, self.rules, self.reg = verb_re, vinfo, rules, reg
        self.paras = _paragraphs(text)
        self.qspans = quote_spans(text)
        self.qmask_starts = [q[0] for q in self.qspans]
        self.qends = {q[1] for q in self.qspans}
        # quote spans are sorted and never overlap (quote_spans), so their ends are sorted too:
        # "the quotes before i" is a bisection, never a scan
        self.qend_list = [q[1] for q in self.qspans]
        self.pstarts = [p[0] for p in self.paras]
        # sorted positions of the characters some rules look for to the right of a position
        self._marks = [m.start() for m in _CLAUSE_MARKS_RE.finditer(text)]
        self._opens = [m.start() for m in re.finditer(r"\(", text)]
        self._closes = [m.start() for m in re.finditer(r"\)", text)]
        self._rstrip_at: dict[int, int] = {}
        self._clause_end_at: dict[int, int] = {}
        self._first_names: dict[int, list] = {}
        self._descr_chains: dict[int, list] = {}
        # a capitalised word whose lower-case form the text also uses is a common word
        # ("Water rates rose ... the water board"), not the start of a name
        self.common = _COMMON | {w for w in _LOWER_WORD_RE.findall(text)}
        self._sent_bounds()
        self._entities()

    # ---------------- structure
    def in_quote(self, i: int) -> bool:
        import bisect
        k = bisect.bisect_right(self.qmask_starts, i) - 1
        return k >= 0 and self.qspans[k][0] <= i < self.qspans[k][1]

    def para_of(self, i: int) -> int:
        import bisect
        return max(0, bisect.bisect_right(self.pstarts, i) - 1) if self.paras else 0

    def _sent_bounds(self):
        """Sentence starts (outside quotes) as a sorted list; paragraph starts included."""
        t = self.text
        starts = {p[0] for p in self.paras}
        for m in _SENT_END.finditer(t):
            i = m.end()
            if i >= len(t):
                continue
            if self.in_quote(m.start(1)) and not self._closes_quote_at(m.end(2)):
                continue
            if not (t[i].isupper() or t[i].isdigit() or t[i] in "“\"‘("):
                continue
            # abbreviation before the period?
            w0 = m.start(1) - len(_LASTWORD.search(t, max(0, m.start(1) - 30), m.start(1)).group())
            word = t[w0:m.end(1)].lower().lstrip("(“\"”")
            if m.group(1) == "." and (word in _ABBR or re.fullmatch(r"(?:[a-z]\.)+", word)):
                continue
            starts.add(i)
        self.sstarts = sorted(starts)

    def _closes_quote_at(self, i: int) -> bool:
        return i in self.qends

    def quotes_in(self, lo: int, hi: int) -> list:
        """Quote spans whose start lies in [lo, hi)."""
        import bisect
        a = bisect.bisect_left(self.qmask_starts, lo)
        b = bisect.bisect_left(self.qmask_starts, hi)
        return self.qspans[a:b]

    def last_quote_end(self, lo: int, hi: int) -> int:
        """End of the last quote whose start lies in [lo, hi), or -1 (the latest end: spans are disjoint)."""
        a = bisect.bisect_left(self.qmask_starts, lo)
        b = bisect.bisect_left(self.qmask_starts, hi)
        return self.qend_list[b - 1] if b > a else -1

    def prev_quote_end(self, lo: int, ss: int, s: int) -> int:
        """End of the last quote starting in [lo, s) that ends in [ss, s], or -1.

        ``s`` is the start of a quote span: the quotes starting before it end at or before it
        and their ends are sorted, so the answer is the last of them if it ends at ``ss`` or later.
        """
        a = bisect.bisect_left(self.qmask_starts, lo)
        b = bisect.bisect_left(self.qmask_starts, s)
        if b > a and ss <= self.qend_list[b - 1] <= s:
            return self.qend_list[b - 1]
        return -1

    def next_quote_start(self, lo: int, hi: int) -> int:
        """Start of the first quote starting in [lo, hi), or -1."""
        a = bisect.bisect_left(self.qmask_starts, lo)
        return self.qmask_starts[a] if a < len(self.qmask_starts) and self.qmask_starts[a] < hi else -1

    def has_mark(self, lo: int, hi: int) -> bool:
        """Does ``text[lo:hi]`` contain a quotation mark (double, or an opening ‘)?"""
        a = bisect.bisect_left(self._marks, lo)
        return a < len(self._marks) and self._marks[a] < hi

    def rstrip_to(self, end: int) -> int:
        """``_rstrip(text, 0, end)``, remembered (sentence ends are asked for again and again)."""
        r = self._rstrip_at.get(end)
        if r is None:
            r = self._rstrip_at[end] = _rstrip(self.text, 0, end)
        return r

    def clause_end(self, end: int) -> int:
        """``end`` moved back over whitespace, then over final ``.!?`` (remembered per ``end``)."""
        r = self._clause_end_at.get(end)
        if r is None:
            r = self.rstrip_to(end)
            while r > 0 and self.text[r - 1] in ".!?":
                r -= 1
            self._clause_end_at[end] = r
        return r

    def first_name(self, ss: int, x: int):
        """The first name of ``text[ss:x]`` that is not a common word (``NAME_RE`` match on the slice), or None.

        The matches of ``NAME_RE.finditer(text, ss)`` are found once per sentence start and reused
        by every quote of the sentence: a match that ends by ``x`` is a match of the slice, and a
        match that runs past ``x`` is the slice's last match, cut at ``x``.
        """
        c = self._first_names.get(ss)
        if c is None:
            c = self._first_names[ss] = [NAME_RE.finditer(self.text, ss), [], [], None]
        it, ms, ends, fq = c
        while fq is None and (not ends or ends[-1] <= x) and it is not None:
            m = next(it, None)
            if m is None:
                c[0] = it = None
                break
            ms.append(m)
            ends.append(m.end())
            if _POSS.sub("", m.group()).lower() not in self.common:
                c[3] = fq = len(ms) - 1
        if fq is not None and ends[fq] <= x:
            return ms[fq].group()
        k = bisect.bisect_right(ends, x)   # ms[:k] end by x and are common words
        if k < len(ms) and ms[k].start() < x:
            m = NAME_RE.match(self.text, ms[k].start(), x)
            if m is not None and _POSS.sub("", m.group()).lower() not in self.common:
                return m.group()
        return None

    def sent_index(self, i: int) -> int:
        import bisect
        return bisect.bisect_right(self.sstarts, i) - 1

    def sent_start(self, i: int) -> int:
        import bisect
        k = bisect.bisect_right(self.sstarts, i) - 1
        return self.sstarts[k] if k >= 0 else 0

    def sent_end(self, i: int) -> int:
        """End of the sentence containing position i (exclusive, final punctuation excluded)."""
        import bisect
        k = bisect.bisect_right(self.sstarts, i)
        pend = self.paras[self.para_of(i)][1] if self.paras else len(self.text)
        nxt = self.sstarts[k] if k < len(self.sstarts) else len(self.text)
        e = min(nxt, pend)
        return max(i, self.rstrip_to(e))

    # ---------------- entities
    def _entities(self):
        t = self.text
        hon_m = self.rules.get("honorific_m", {})
        hon_f = self.rules.get("honorific_f", {})
        hon = {**hon_m, **hon_f, **self.rules.get("honorific", {})}
        titles = self.rules.get("title", {})
        orgw = self.rules.get("org", {})
        personw = {**self.rules.get("person", {}), **self.rules.get("keyword", {})}
        self.mentions: list[tuple[int, int, str]] = []    # (start, end, raw name) outside quotes
        self.all_mentions: list[tuple[int, int, str]] = []
        raw_names = []
        for m in NAME_RE.finditer(t):
            for s, e, nm, pre in self._split_name(m.start(), m.group()):
                raw_names.append((s, e, nm, pre))
        ents: dict[str, _Entity] = {}
        self.acronyms: dict[str, str] = {}
        for s, e, nm, pre in raw_names:
            toks = nm.split()
            gender = ""
            descr = set()
            # leading common words, connectors and honorifics are skipped with an index (popping the
            # head of a list, once per word, costs the square of a long run of capitalised words)
            i0, nt = 0, len(toks)
            while i0 < nt and (toks[i0].lower() in self.common or toks[i0].lower() in _STOP_PRE) and nt - i0 > 1:
                i0 += 1
                while i0 < nt and re.fullmatch(_CONN, toks[i0]) and nt - i0 > 1:
                    i0 += 1
            while i0 < nt and (toks[i0].lower() in hon or toks[i0].lower().rstrip(".") + "." in hon
                               or toks[i0].lower() in titles):
                tk = toks[i0]
                i0 += 1
                if tk.lower() in hon_m:
                    gender = "m"
                elif tk.lower() in hon_f:
                    gender = "f"
                descr.add(_stem(tk))
            toks = toks[i0:]
            # strip up to the last title word
            if descr and toks and re.fullmatch(_CONN, toks[0]):
                continue  # "President of France": a title phrase, not a name
            for j in range(len(toks) - 1, -1, -1):
                if toks[j].lower() in titles and j < len(toks) - 1:
                    descr.update(_stem(x) for x in toks[: j + 1])
                    toks = toks[j + 1:]
                    break
            if toks and toks[0].lower() == "the":
                toks = toks[1:]
            if not toks:
                continue
            name = " ".join(toks)
            if len(name) < 2:
                continue
            pre_words = []
            for w in reversed(re.findall(r"[\w’'-]+", pre)[-5:]):
                if w.lower() in _STOP_PRE:
                    break
                pre_words.insert(0, w)
            pre_words = pre_words[-4:]
            ent = ents.get(name)
            if ent is None:
                ent = ents[name] = _Entity(name)
            if gender:
                ent.gender = gender
            lw = [x.lower() for x in toks]
            if any(x.replace("’", "'").rstrip("'s") in orgw or x in orgw for x in lw) or \
                    (re.fullmatch(r"[A-Z]{2,6}", name) is not None):
                ent.kind = "org"
            elif gender or descr or (pre_words and pre_words[-1].lower() in personw):
                if ent.kind != "org":
                    ent.kind = "person"
            ent.descr |= descr | {_stem(w) for w in pre_words}
            ent.role_words += [w.lower() for w in pre_words] + [d.lower() for d in nm.split()[:-len(toks)]]
            # appositive after the name: ", a/an/the ... ,"
            am = re.match(r",[ \xa0]+((?:a|an|the|his|her|its|director|head|chief|former|who is)\b[^,.;:“”\"]{0,120})[,.]",  # noqa: E501
                          t[e:e + 140])
            if am and re.search(r"\b(?:to|in|at|from|on|of|with|for|by|into|visit|near|under|than)[ \xa0]+$", t[max(0, s - 12):s]):  # noqa: E501
                am = None
            if am:
                words = re.findall(r"[\w’'-]+", am.group(1))
                ent.descr |= {_stem(w) for w in words}
                ent.role_words += [w.lower() for w in words]
                if any(w.lower() in personw for w in words) and ent.kind != "org":
                    ent.kind = "person"
                if any(w.lower() in orgw for w in words[:3]):
                    ent.kind = "org"
            # appositive before: "DESC, Name," (descriptor segment ends right before)
            bm = re.search(r"(?:^|[.;:(,]\s|\n)([^,.;:\n]{3,80}),[ \xa0]+$", t[max(0, s - 90):s])
            if bm and t[e:e + 1] in (",", "."):
                words = re.findall(r"[\w’'-]+", bm.group(1))
                if words and words[0][0].islower() or (words and words[0].lower() in ("the", "a", "an", "her", "his", "its", "their")):  # noqa: E501
                    ent.descr |= {_stem(w) for w in words}
                    ent.role_words += [w.lower() for w in words]
                    if any(w.lower() in personw for w in words) and ent.kind != "org":
                        ent.kind = "person"
            # acronym in parentheses: "Long Name (ACR)" or "ACR (Long Name)"
            pm = re.match(r"[ \xa0]*(?:[a-z]+[ \xa0]+)?\(([^()]{2,80})\)", t[e:e + 100])
            if pm:
                inner = pm.group(1).strip()
                if re.fullmatch(r"[A-Z]{2,6}", inner) and _acronym_of(inner, name):
                    self.acronyms[inner] = name
                elif re.fullmatch(r"[A-Z]{2,6}", name) and _acronym_of(name, inner):
                    self.acronyms[name] = inner
            self.all_mentions.append((s, e, name))
            if not self.in_quote(s):
                self.mentions.append((s, e, name))
        # merge: a name whose tokens end another, longer person name -> canonical = longest
        self.ents = ents
        names = sorted(ents, key=len, reverse=True)
        self.canon: dict[str, str] = _canonical_names(names, ents, self.acronyms)
        for n, c in list(self.canon.items()):
            if c in ents and n in ents:
                en, ec = ents[n], ents[c]
                ec.gender = ec.gender or en.gender
                if en.kind != "unknown" and ec.kind == "unknown":
                    ec.kind = en.kind
                ec.descr |= en.descr
                ec.role_words += en.role_words
        for n, c in self.canon.items():
            if c in ents and n in ents:
                ents[n].gender = ents[c].gender or ents[n].gender
                if ents[n].kind == "unknown":
                    ents[n].kind = ents[c].kind
        self.mention_starts = [m[0] for m in self.mentions]
        self.person_starts = [m[0] for m in self.mentions
                              if (ents.get(self.canon.get(m[2], m[2])) or _Entity("")).kind == "person"]
        self.all_starts = [m[0] for m in self.all_mentions]

    def _split_name(self, s0: int, raw: str):
        """Cut a capitalised run at possessives ("France's Defense Minister X")."""
        out = []
        toks = list(re.finditer(r"\S+", raw))
        cur = []
        orgw = self.rules.get("org", {})
        # org_after[i]: is one of the words after toks[i] an organisation word (one backward pass,
        # not one pass over the rest of the run per possessive)
        org_after = [False] * (len(toks) + 1)
        for i in range(len(toks) - 1, -1, -1):
            org_after[i] = org_after[i + 1] or toks[i].group().lower() in orgw
        for i, tk in enumerate(toks):
            w = tk.group()
            cur.append(tk)
            if _POSS.search(w) and len(w) > 2 and not w.endswith(".'"):
                if org_after[i + 1]:
                    continue  # St. Mary's Hospital, Patients' Alliance
                out.append(cur)
                cur = []
        if cur:
            out.append(cur)
        res = []
        for grp in out:
            cut = len(grp)   # drop trailing connectors ("... The The The"): one slice, not one per word
            while cut and grp[cut - 1].group().lower() in ("of", "for", "the", "de", "la", "y", "and", "on"):
                cut -= 1
            grp = grp[:cut]
            if not grp:
                continue
            s = s0 + grp[0].start()
            e = s0 + grp[-1].end()
            nm = self.text[s:e]
            nm = _POSS.sub("", nm) if _POSS.search(nm) and not nm.endswith(".'") else nm
            # (?:[A-Z]\.)+$ on a string that ends with "." is: the character before it is A-Z
            if nm.endswith(".") and nm.split()[-1].lower() not in _ABBR and not ("A" <= nm[-2:-1] <= "Z"):
                nm = nm[:-1]
            nm = nm.replace("\xa0", " ")
            pre = self.text[max(0, s - 60):s].split("\n")[-1]
            pre = re.split(r"[.;:,“”\"()]", pre)[-1]
            if pre.strip() == "" and s == self.sent_start(s) and " " not in nm and nm.lower() in self.common:
                continue
            res.append((s, s + len(nm), nm, pre))
        return res

    # ---------------- speaker resolution
    def resolve_np(self, np_text: str, at: int, last_speakers: list) -> tuple[str, str]:
        """Speaker string and type for a subject noun phrase ending at position ``at``.

        Returns (speaker, speaker_type) with type in named, descriptor, pronoun, vague, none.
        """
        np_text = np_text.replace("\xa0", " ").strip(" ,;:—–-\n\t")
        np_text = _aux_strip(" " + np_text).strip()
        tm = _name_before_to(np_text)
        if tm is not None:
            np_text = tm
        low = np_text.lower()
        if not np_text:
            return "", "none"
        lastw = low.split()[-1]
        if lastw in _STOP_PRE or lastw in ("its", "his", "her", "their", "our", "while", "when", "if", "also"):
            return "", "none"
        if low in ("it", "i", "we"):
            return "", "none"
        if low in _PRON:
            return self.resolve_pronoun(_PRON[low], at, last_speakers)
        # relative pronoun alone -> antecedent handled by caller
        names = [(m.start(), m.end(), n) for m in NAME_RE.finditer(np_text)
                 for _, _, n, _ in self._split_name_local(m)]
        # a segment that is exactly a name
        stripped = re.sub(r"^(?:the|a|an)\s+", "", np_text, flags=re.I)
        tail = len(np_text.rstrip(" ,."))   # np_text[e:].strip(" ,.") == "" is e >= tail
        for s, e, n in names:
            c = self._canon(n)
            if c and (e >= len(np_text) - 1 or e >= tail):
                if s == 0 or np_text[:s].strip() == "" or not _is_vague_head(np_text[:s]):
                    return c, "named"
        if names and len(names) >= 1 and stripped and stripped[0].isupper():
            s, e, n = names[0]
            c = self._canon(n)
            if c and s <= 4 and self.ents.get(c, _Entity(c)).kind in ("person", "org") and \
                    all(w.lower() in self.rules.get("org", {}) for w in np_text[e:].split()):
                return c, "named"
        # descriptor linked to a person/org introduced with the same words
        linked = self.link_descriptor(np_text, at)
        if linked:
            return linked, "descriptor"
        if _count_words(np_text) > 12:
            return "", "none"
        return np_text, "vague"

    def _split_name_local(self, m):
        nm = m.group()
        nm = _POSS.sub("", nm)
        toks = nm.split()
        titles = self.rules.get("title", {})
        hon = {**self.rules.get("honorific_m", {}), **self.rules.get("honorific_f", {}),
               **self.rules.get("honorific", {})}
        i0, nt = 0, len(toks)   # an index, not list.pop(0) once per word ("Mr. Mr. Mr. ...")
        while i0 < nt and (toks[i0].lower() in hon or toks[i0].lower() in titles or toks[i0].lower() == "the"
                           or (toks[i0].lower() in self.common and nt - i0 > 1)):
            i0 += 1
        toks = toks[i0:]
        for j in range(len(toks) - 1, -1, -1):
            if toks[j].lower() in titles and j < len(toks) - 1:
                toks = toks[j + 1:]
                break
        if not toks:
            return []
        return [(0, 0, " ".join(toks).rstrip("."), "")]

    def _canon(self, n: str) -> str:
        n = n.strip()
        if n in self.acronyms:
            return self.acronyms[n]
        if n in self.canon:
            return self.canon[n]
        if n.lower() in self.common:
            return ""
        return n

    def link_descriptor(self, np_text: str, at: int) -> str:
        words = re.findall(r"[\w’'-]+", np_text.lower())
        for k, w in enumerate(words):
            if k and w in ("of", "for", "at", "in", "from", "with", "on"):
                words = words[:k]
                break
        if not words:
            return ""
        head = words[-1]
        orgw = self.rules.get("org", {})
        roles = self.rules.get("keyword", {})
        if head not in roles and head not in orgw and head not in self.rules.get("person", {}):
            return ""
        stems = {_stem(w) for w in words if w not in ("the", "a", "an")}
        best, score = "", 0
        seen = set()
        k = bisect.bisect_left(self.all_starts, at)
        for s, e, n in reversed(self.all_mentions[max(0, k - 300):k]):
            c = self._canon(n)
            if c in seen:
                continue
            seen.add(c)
            ent = self.ents.get(c)
            if ent is None:
                continue
            name_stems = {_stem(w) for w in c.split()}
            if head in orgw and ent.kind == "org" and (_stem(head) in name_stems or head in ("company", "firm")):
                return c
            if _stem(head) in ent.descr and ent.kind == "person":
                sc = len(stems & ent.descr)
                if sc > score and sc >= 2:
                    best, score = c, sc
        return best

    def resolve_pronoun(self, g: str, at: int, last_speakers: list) -> tuple[str, str]:
        """he/she/they -> last compatible speaker in this or the previous paragraph, else mention."""
        p = self.para_of(at)
        if isinstance(last_speakers, _Speakers) and last_speakers.monotone and g in _Speakers.GENDERS:
            # the walk below, by bisection: the entries before `at`, back to the previous paragraph
            found = last_speakers.latest(g, at, self.pstarts[p - 1] if p >= 2 else None)
            if found is not None:
                return found
        else:
            for (pos, spk, typ) in reversed(last_speakers):
                if pos >= at:
                    continue
                if self.para_of(pos) < p - 1:
                    break
                if _compatible(self, spk, typ, g):
                    return spk, typ
        if g == "p":
            return "", "none"
        k = bisect.bisect_left(self.person_starts, at)
        last_named = self.person_starts[k - 1] if k else 0
        linked = self._last_descriptor(last_named, at)
        if linked:
            return linked, "descriptor"
        k = bisect.bisect_left(self.mention_starts, at)
        for s, e, n in reversed(self.mentions[max(0, k - 200):k]):
            c = self._canon(n)
            ent = self.ents.get(c)
            if ent is None or ent.kind != "person":
                continue
            if ent.gender and ent.gender != g:
                continue
            # a descriptor mention closer than this name?
            return c, "named"
        return "", "none"

    def _last_descriptor(self, lo: int, at: int) -> str:
        """The person or organisation linked to the last descriptor NP ("the defense minister")
        outside quotes in ``text[lo:at]`` (matches of ``_DESCR_NP().finditer(text, lo, at)``), or ''.

        Every pronoun after the last named person searches back to that name: with many
        pronouns and no name that is the square of the text. So the matches of the scan that
        starts at ``lo`` are found once (and linked once) for all the pronouns that share ``lo``,
        and only the last :data:`DESCR_WINDOW` characters before ``at`` are scanned per pronoun.
        """
        rx = _DESCR_NP(self.story)
        if at - lo <= DESCR_WINDOW:
            return self._last_linked_in(rx, lo, at)
        r0 = at - DESCR_WINDOW
        chain = self._descr_chains.get(lo)
        if chain is None:
            chain = self._descr_chains[lo] = [lo, [], [], []]   # resume, starts, ends, (index, linked)
        resume, starts, ends, linked_at = chain
        while resume < r0:
            m = rx.search(self.text, resume, r0 + DESCR_WINDOW)
            if m is None or m.start() >= r0:
                resume = r0   # every position before r0 was tried: the scan goes on from r0
                break
            starts.append(m.start())
            ends.append(m.end())
            if not self.in_quote(m.start()):
                linked = self.link_descriptor(m.group(), m.start())
                if linked:
                    linked_at.append((len(starts) - 1, linked))
            resume = m.end()
        chain[0] = max(chain[0], resume)
        # the scan reaches r0, or the start of the match that contains it
        i = bisect.bisect_right(starts, r0) - 1
        r = starts[i] if i >= 0 and ends[i] > r0 else r0
        linked = self._last_linked_in(rx, r, at)
        if linked:
            return linked
        n_before = bisect.bisect_left(starts, r)
        j = bisect.bisect_left(linked_at, (n_before,)) - 1
        return linked_at[j][1] if j >= 0 else ""

    def _last_linked_in(self, rx, lo: int, at: int) -> str:
        """The entity of the last descriptor match of ``rx`` in ``text[lo:at]`` outside quotes that
        links to one, or ''."""
        for dm_ in reversed(list(rx.finditer(self.text, lo, at))):
            if self.in_quote(dm_.start()):
                continue
            linked = self.link_descriptor(dm_.group(), dm_.start())
            if linked:
                return linked
        return ""


def _compatible(dm: _DocModel, spk: str, typ: str, g: str) -> bool:
    """Can a pronoun of gender/number ``g`` (m, f, p) refer to this noted speaker?"""
    ent = dm.ents.get(spk)
    if g == "p":
        return typ == "vague" or (ent is not None and ent.kind == "org")
    if typ == "vague" and not _singular_person(spk):
        return False
    return not (ent is not None and (ent.kind == "org" or (ent.gender and ent.gender != g)))


class _Speakers(list):
    """``(position, speaker, type)`` of the attributions so far, in the order they were noted.

    A list (the rules read it as one) that also keeps, for each pronoun gender, the indices of
    the entries it may refer to, so that :meth:`latest` is a bisection instead of a walk back
    over every speaker of a long paragraph. Valid while positions never decrease (they do not:
    attributions are noted in text order); otherwise ``monotone`` turns False and the caller walks.
    """

    GENDERS = ("m", "f", "p")

    def __init__(self, dm: _DocModel):
        super().__init__()
        self.dm = dm
        self.pos: list[int] = []
        self.monotone = True
        self.compat: dict[str, list[int]] = {g: [] for g in self.GENDERS}

    def append(self, item) -> None:
        pos, spk, typ = item
        if self.pos and pos < self.pos[-1]:
            self.monotone = False
        super().append(item)
        self.pos.append(pos)
        for g, idx in self.compat.items():
            if _compatible(self.dm, spk, typ, g):
                idx.append(len(self) - 1)

    def latest(self, g: str, at: int, floor: int | None):
        """(speaker, type) of the last entry before ``at`` compatible with ``g``, or None; the walk
        back stops at the first entry before ``floor`` (the start of the previous paragraph)."""
        hi = bisect.bisect_left(self.pos, at)
        lo = bisect.bisect_left(self.pos, floor) if floor is not None else 0
        idx = self.compat[g]
        j = bisect.bisect_left(idx, hi) - 1
        if j >= 0 and idx[j] >= lo:
            _, spk, typ = self[idx[j]]
            return spk, typ
        return None


class _MinTree:
    """Minimum over ranges of positions 0..n-1 (segment tree); values only ever decrease."""

    def __init__(self, n: int, inf: int):
        size = 1
        while size < n:
            size *= 2
        self.size, self.inf, self.t = size, inf, [inf] * (2 * size)

    def lower(self, i: int, v: int) -> None:
        t = self.t
        i += self.size
        while i and t[i] > v:
            t[i] = v
            i //= 2

    def query(self, lo: int, hi: int) -> int:
        """Minimum over positions [lo, hi) (``inf`` when empty)."""
        t, res = self.t, self.inf
        lo += self.size
        hi += self.size
        while lo < hi:
            if lo & 1:
                res = min(res, t[lo])
                lo += 1
            if hi & 1:
                hi -= 1
                res = min(res, t[hi])
            lo //= 2
            hi //= 2
        return res


def _prefix_range(keys: list, prefix: str) -> tuple[int, int]:
    """[lo, hi) of the sorted strings ``keys`` that start with ``prefix``."""
    k = len(prefix)
    return bisect.bisect_left(keys, prefix), bisect.bisect_right(keys, prefix, key=lambda x: x[:k])


def _canonical_names(names: list, ents: dict, acronyms: dict) -> dict:
    """Canonical form of every entity name (``names``: longest first, the order of the result).

    The canonical form of a name is the first (so the longest) name of ``names`` that
    - for a person or unknown name ``n``: is a person whose words end with the words of ``n``
      (``"Anne Martin"`` for ``"Martin"``), i.e. ends with ``" " + n``;
    - for an organisation ``n`` of two words or more: ends with ``n`` and has more words;
    else ``n`` itself; an acronym maps to its expansion. Comparing every name with every other
    costs the square of the number of names; here the names are sorted by their reversed
    spelling, so the names that end with a given string are one range of that order, and the
    first of them in ``names`` is a range minimum of their ranks (for organisations the names
    with more words than ``n`` are added to the tree before ``n`` is asked about).
    """
    E = len(names)
    order = sorted((n[::-1], i) for i, n in enumerate(names))
    rkeys = [r for r, _ in order]
    ranks = [i for _, i in order]
    ntok = [len(n.split()) for n in names]
    best = list(range(E))
    persons = _MinTree(E, E)
    for pos, i in enumerate(ranks):
        if ents[names[i]].kind == "person":
            persons.lower(pos, i)
    org_queries = []
    for i, n in enumerate(names):
        if n in acronyms:
            continue
        if ents[n].kind != "org":
            r = persons.query(*_prefix_range(rkeys, n[::-1] + " "))
            if r < E:
                best[i] = r
        elif ntok[i] > 1:
            org_queries.append((ntok[i], i))
    if org_queries:
        longer = _MinTree(E, E)
        by_words = sorted(range(E), key=lambda pos: -ntok[ranks[pos]])
        j = 0
        for k, i in sorted(org_queries, reverse=True):
            while j < E and ntok[ranks[by_words[j]]] > k:
                longer.lower(by_words[j], ranks[by_words[j]])
                j += 1
            r = longer.query(*_prefix_range(rkeys, names[i][::-1]))
            if r < E:
                best[i] = r
    return {n: acronyms[n] if n in acronyms else names[best[i]] for i, n in enumerate(names)}


_LOWER_WORD_RE = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]+\b")


def _word_list(name: str) -> frozenset:
    from ._data import read_csv_rows

    return frozenset(r["word"] for r in read_csv_rows("quote_grammar.csv") if r["list"] == name)


# closed-class words (data/quote_grammar.csv): never the start of a name
_STOP_PRE = _word_list("stop_pre")
_COMMON = _word_list("common")


@lru_cache(maxsize=8)
def _DESCR_NP(story=None):
    _, _, rules, _ = _lexicon(story)
    nouns = [k for k, v in rules.get("keyword", {}).items() if v in ("government", "opposition", "expert")]
    nouns += list(rules.get("person", {}))
    return re.compile(r"\b[Tt]he[ \xa0]+(?:[\w’'-]+[ \xa0]+){0,3}(?:" + "|".join(sorted(set(nouns), key=len, reverse=True)) + r")\b")  # noqa: E501


def _is_vague_head(prefix: str) -> bool:
    w = prefix.strip().split()
    return bool(w) and w[0].lower() in ("some", "many", "several", "most", "few")


def _singular_person(s: str) -> bool:
    w = s.lower().split()
    return bool(w) and w[0] in ("a", "an", "one", "the") and not w[-1].endswith("s")


def _count_words(s: str) -> int:
    return len(s.split())


def _acronym_of(acr: str, name: str) -> bool:
    a = acr.lower()
    words = [w for w in re.findall(r"[\w’'-]+", name) if w.lower() not in
             ("of", "for", "the", "de", "del", "la", "y", "and", "on", "to", "al")]
    initials = "".join(w[0].lower() for w in words)
    if initials == a or initials.endswith(a) or initials.startswith(a):
        return True
    # subsequence of the letters, same first letter
    s = name.lower()
    if not s or s[0] != a[0]:
        return False
    j = 0
    for ch in s:
        if j < len(a) and ch == a[j]:
            j += 1
    return j == len(a)


# --------------------------------------------------------------------------- attribution

_WORD = re.compile(r"[\w’'-]+")
_ABBR_RE = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|St|Sen|Gen|Prof|Rep|Jr|Sr)\.|(?:[A-Z]\.)+")


@dataclass
class Quote:
    """One quotation or reported statement (see module docstring for columns)."""
    doc_id: str
    start: int
    end: int
    text: str
    kind: str
    speaker: str = ""
    speaker_role: str = "unknown"
    side: str = "unknown"
    cue: str = ""
    speaker_type: str = "none"
    flags: str = ""

    def as_dict(self) -> dict:
        return {c: getattr(self, c) for c in QUOTE_COLUMNS}


def _subject_region(dm: _DocModel, lo: int, vstart: int) -> tuple[str, int]:
    """Text of the subject NP for a verb starting at ``vstart``; clause starts at/after ``lo``."""
    t = dm.text
    seg = t[lo:vstart]
    # clause boundaries inside the sentence part
    cut = 0
    for m in re.finditer(r"[;:(—–]|\bthat\s|\bas\s(?=[A-Z]|one\b|some\b|many\b|the\b)|\bAs\s|\bwhen\s|\bif\s", seg):
        cut = m.end()
    seg2 = seg[cut:]
    if not seg2.strip():
        seg2 = seg
    parts = [p for p in re.split(r",", seg2)]
    # drop trailing VP fragments ("was swift to respond and")
    last = parts[-1].strip()
    lw = last.lower().split()
    if len(parts) > 1 and (not last or (lw and lw[0] in ("was", "is", "has", "had", "were", "who", "which",
                                                            "and", "but", "also", "then", "however"))):
        if lw and lw[0] in ("which", "who") and len(lw) > 1 and lw[1] not in ("is", "was", "has", "had"):
            return " ".join(last.split()[1:]), vstart
        if lw and lw[0] in ("which", "who") and len(lw) == 1:
            if lw[0] == "who":
                for p in reversed(parts[:-1]):
                    if re.match(r"(?:the|a|an|his|her|its|their)\b", p.strip()):
                        continue
                    np_ = _last_np(p.strip())
                    if np_ and NAME_RE.fullmatch(np_):
                        return np_, vstart
            ante = parts[-2].strip()
            return _last_np(ante), vstart
        cands = [p.strip() for p in parts[:-1] if p.strip()]
        # prefer a part that is exactly a name
        for p in cands:
            if NAME_RE.fullmatch(_POSS.sub("", p)) and p.lower().split()[0] not in dm.common:
                return p, vstart
        # else a part whose start is a name/NP not introduced by a preposition
        for p in cands:
            if not re.match(r"(?:in|on|at|after|before|during|following|since|despite|for|with|by|from|"
                            r"asked|when|while|however|yet|but|meanwhile|earlier|last|this|\d)", p, re.I):
                return _last_np(p) if re.search(r"\b(?:by|than|from)\b", p) else p, vstart
        return "", vstart
    if len(parts) > 1:
        # "In a statement, DAIA" -> last part
        return last, vstart
    if lw and lw[0] in ("which", "who"):
        return " ".join(last.split()[1:]), vstart
    return last, vstart


def _split_np(s: str) -> str:
    """Text up to the first , . ; : or 'who' that is not part of an abbreviation (Dr., U.S.)."""
    masked = _ABBR_RE.sub(lambda m: "x" * len(m.group()), s)
    m = re.search(r"[,.;:]|\bwho\b", masked)
    return s[:m.start()] if m else s


def _last_np(s: str) -> str:
    s = s.strip()
    m = None
    for m in NAME_RE.finditer(s):
        pass
    if m is not None and s[m.end():].strip(" ()") == "" or (m is not None and re.fullmatch(r"\s*\([A-Z]{2,6}\)\s*", s[m.end():])):  # noqa: E501
        return m.group()
    d = list(re.finditer(r"\b(?:the|a|an)\s", s, re.I))
    if d:
        return s[d[-1].start():]
    return s


def _find_verbs(dm: _DocModel, lo: int, hi: int):
    """Speech-verb matches in text[lo:hi] outside quotes."""
    return [m for m in dm.verb_re.finditer(dm.text, lo, hi) if not dm.in_quote(m.start())]


def _registry_entry(dm: _DocModel, speaker: str, typ: str) -> dict | None:
    """The registry row of ``speaker``, or None.

    A name of two or more words matches the registry's name or aliases exactly. A single
    word (the speaker is "Ellis", or "Ron Ellis" falls back to the surname "Ellis") matches
    only when the registry's full name (or a multi-word alias) occurs in the same article:
    a surname alone is not an identity ("Ron Ellis" is not the registry's "Evan Ellis").
    """
    key = _norm(speaker)
    r = dm.reg.get(key)
    by_one_word = r is not None and len(key.split()) == 1
    if r is None and typ == "named" and len(speaker.split()) >= 2:
        last = speaker.split()[-1]
        r = dm.reg.get(_norm(last)) if last in dm.text else None
        if r is not None and _norm(r["name"]).split()[-1] != key.split()[-1]:
            r = None
        by_one_word = r is not None
    if by_one_word and not _full_name_in_text(dm.text, r):
        return None
    return r


def _full_name_in_text(text: str, row: dict) -> bool:
    """Does a multi-word name of the registry ``row`` occur in ``text``? (True when it has none.)"""
    names = [n for n in [row["name"]] + row["aliases"].split("|") if len(n.split()) >= 2]
    return not names or any(n in text for n in names)


def _role_side(dm: _DocModel, speaker: str, typ: str, extra_words: Iterable[str] = ()) -> tuple[str, str]:
    if not speaker:
        return "unknown", "unknown"
    r = _registry_entry(dm, speaker, typ)
    if r is not None:
        return r["role"] or "unknown", r["side"] or "unknown"
    words = [w.lower() for w in _WORD.findall(speaker)]
    ent = dm.ents.get(speaker)
    if ent is not None:
        words += ent.role_words
    words += list(extra_words)
    kw = dm.rules.get("keyword", {})
    titles = {k: v for k, v in dm.rules.get("title", {}).items() if v}
    for w in reversed(words):
        w2 = w.rstrip(".")
        if w2 in kw and kw[w2]:
            return kw[w2], "unknown"
        if w in titles:
            return titles[w], "unknown"
    return "unknown", "unknown"


class _SpanSet:
    """Spans ``(start, end)`` answering "does [a, b) overlap one of them?" by bisection.

    The spans given at construction may overlap one another (sorted starts and a running
    maximum of ends answer the question); spans added later with :meth:`add` must not overlap
    any span of the set (they are only added after :meth:`overlaps` said no), so they stay
    sorted with sorted ends. Replaces ``any(a < e and s < b for a, b in spans)`` per row.
    """

    def __init__(self, spans=()):
        st = sorted(spans)
        self._starts = [a for a, _ in st]
        self._maxend = list(itertools.accumulate((b for _, b in st), max))
        self._spans = st
        self._added_starts: list[int] = []
        self._added_ends: list[int] = []

    def overlaps(self, s: int, e: int) -> bool:
        k = bisect.bisect_left(self._starts, e)
        if k and self._maxend[k - 1] > s:
            return True
        k = bisect.bisect_left(self._added_starts, e)
        return bool(k) and self._added_ends[k - 1] > s

    def contains(self, s: int, e: int) -> bool:
        """Does one of the spans given at construction contain [s, e)?"""
        k = bisect.bisect_right(self._starts, s)
        return bool(k) and self._maxend[k - 1] >= e

    def add(self, s: int, e: int) -> None:
        k = bisect.bisect_left(self._added_starts, s)
        self._added_starts.insert(k, s)
        self._added_ends.insert(k, e)

    def __iter__(self):
        yield from self._spans
        yield from zip(self._added_starts, self._added_ends)


_RIGHT_AFTER = re.compile(r"^[ \xa0]*,?[ \xa0]*")


def extract_quotes(text: str, exclude: Sequence[tuple[int, int]] = (), doc_id: str = "doc",
                   story=None) -> list[dict]:
    """Quotations and reported statements in one text, with speakers.

    Parameters
    ----------
    text : str
        Raw article text (offsets refer to it unchanged).
    exclude : sequence of (start, end)
        Spans (e.g. boilerplate) whose quotes are dropped from the result; the
        whole text is still read to resolve names.
    doc_id : str
        Copied into every row.
    story : Story, optional
        A loaded story pack (:func:`framing.load_story`): its speaker registry and role rules.

    Returns
    -------
    list of dict
        One dict per quote with keys ``QUOTE_COLUMNS``: doc_id, start, end, text,
        kind (direct, partial, scare, unattributed, reported), speaker (fullest
        name, a vague source as written, or ''), speaker_role, side, cue (the
        reporting verb or phrase), speaker_type (named, descriptor, vague, none),
        flags (';'-joined: unclosed, continued, nested, glued, single, ...).
        Sorted by start; spans never overlap.
    """
    if not text or not text.strip():
        return []
    dm = _DocModel(text, story)
    t = text
    rows: list[Quote] = []
    last_speakers = _Speakers(dm)   # (position, speaker, type) of attributions
    # main-clause attributions outside quotes (for pronoun resolution)
    verb_hits = []
    for m in _find_verbs(dm, 0, len(t)):
        verb_hits.append(m)
    verb_starts = [m.start() for m in verb_hits]

    def note_speaker(pos, spk, typ):
        if spk:
            last_speakers.append((pos, spk, typ))

    # pre-pass: subjects of speech verbs at clause level (Mr. Martin stressed ...)
    events = []   # (pos, kind, payload)
    for m in verb_hits:
        events.append((m.start(), "verb", m))
    for q in dm.qspans:
        events.append((q[0], "quote", q))
    events.sort(key=lambda x: (x[0], x[1] == "verb"))
    reported_taken = _SpanSet()
    attribs: list[tuple[int, str, str]] = []
    prev_q: Quote | None = None
    for pos, kind, payload in events:
        if kind == "verb":
            m = payload
            ss = dm.sent_start(m.start())
            # only the first speech verb of a sentence part is a main attribution
            lo = max(ss, dm.last_quote_end(ss, m.start()))   # after the last quote before the verb
            vi = bisect.bisect_left(verb_starts, m.start())
            if vi > 0 and verb_starts[vi - 1] >= lo:
                continue
            if _MODAL_NEG.search(t[max(ss, m.start() - 25):m.start()]):
                continue
            verb = m.group(1)
            if verb.lower() == "according to":
                continue
            subj, _ = _subject_region(dm, lo, m.start())
            spk, typ = ("", "none")
            if subj.strip():
                spk, typ = dm.resolve_np(subj, m.start(), last_speakers)
            if spk and typ != "none":
                note_speaker(m.start(), spk, typ)
            r = _reported(dm, m, spk, typ, reported_taken)
            if r is not None:
                rows.append(r)
                reported_taken.add(r.start, r.end)
                attribs.append((r.start, r.speaker, r.speaker_type))
            continue
        s, e, flags = payload
        qrow = _attribute(dm, s, e, flags, last_speakers, prev_q, attribs)
        qrow.doc_id = doc_id
        rows.append(qrow)
        prev_q = qrow
        if qrow.speaker and qrow.kind in ("direct", "partial"):
            note_speaker(e, qrow.speaker, qrow.speaker_type)
            attribs.append((e, qrow.speaker, qrow.speaker_type))
    # according-to / inverted reported clauses
    rows.extend(_reported_inverted(dm, reported_taken, rows, last_speakers))
    out = []
    excluded = _SpanSet(exclude)
    roles: dict[tuple[str, str], tuple[str, str]] = {}
    for r in sorted(rows, key=lambda r: r.start):
        r.doc_id = doc_id
        if r.speaker:
            # one lookup per speaker: the words of an entity grow with its mentions
            key = (r.speaker, r.speaker_type)
            if key not in roles:
                roles[key] = _role_side(dm, r.speaker, r.speaker_type)
            r.speaker_role, r.side = roles[key]
        if out and r.start < out[-1].end:
            continue
        if excluded.overlaps(r.start, r.end):
            continue
        out.append(r)
    return [r.as_dict() for r in out]


def _attribute(dm: _DocModel, s: int, e: int, flags, last_speakers, prev_q, attribs) -> Quote:
    t = dm.text
    body = t[s:e]
    q = Quote("", s, e, body, "unattributed", flags=";".join(flags))
    ss = dm.sent_start(s)
    para_lo, _ = dm.paras[dm.para_of(s)]
    para_hi = dm.paras[dm.para_of(max(s, e - 1))][1]
    # left context: from sentence start or previous quote end in the same sentence
    # (by bisection: listing every earlier quote of the sentence, per quote, is quadratic)
    prev_end = dm.prev_quote_end(max(0, ss - MAX_QUOTE_CHARS), ss, s)
    prev_in_sent = prev_end >= 0      # an earlier quote of this sentence ends before this one
    lo = max(ss, prev_end)
    left = t[lo:s]
    # right context until next quote or sentence end
    nq = dm.next_quote_start(e, para_hi)
    nxt = [nq] if nq >= 0 else []
    r_end = min([dm.sent_end(e) if e < para_hi else e] + nxt + [para_hi])
    right = t[e:r_end]
    n_words = len(_WORD.findall(body))
    inner_end = body.rstrip("”\"’' ")
    ends_open = inner_end[-1:] in (",", "?", "!", "—", "…") or (t[e:e + 1] == ",")
    so_called = re.search(r"so-called\s*$", left)

    # 1) right-hand attribution ("…," he said / "…," said X / "…," according to X)
    spk = typ = cue = ""
    no_inherit = False
    rm = _RIGHT_AFTER.match(right)
    rtext = right[rm.end():] if rm else right
    if not so_called:
        vm = dm.verb_re.search(rtext[:160])
        if vm and vm.group(1).lower() == "according to" and _count_words(rtext[:vm.start()]) <= 3 \
                and not re.search(r"[.;:]", rtext[:vm.start()]):
            np_ = re.split(r"[,.;:]", rtext[vm.end():])[0]
            spk, typ = dm.resolve_np(np_, e, last_speakers)
            cue = "according to"
        elif vm and (ends_open or t[e:e + 1] in ",") or (vm and vm.start() == 0):
            pre = rtext[:vm.start()]
            if vm.group(1).lower() == "according to":
                if pre.strip() == "":
                    np_ = re.split(r"[,.;:]", rtext[vm.end():])[0]
                    spk, typ = dm.resolve_np(np_, e, last_speakers)
                    cue = "according to"
            elif pre.strip() == "" :
                # inverted: said Mayor Ellen Park / dijo la alcaldesa María Gómez
                np_ = _split_np(rtext[vm.end():])
                np_ = re.sub(r"^\s*(?:in a statement|on \w+|\w+day)\b", "", np_)
                if np_.strip():
                    spk, typ = dm.resolve_np(np_, e, last_speakers)
                    cue = vm.group(1)
            elif re.search(r"\b(?:is|was|are|were|be|been|being)(?:[ \xa0]+(?:\w+ly|also|not))*[ \xa0]*$", pre):
                no_inherit = True  # passive without agent: "it is also acknowledged that"
            elif _count_words(pre) <= 16 and not re.search(r"[.;:“”\"]|\b(?:that|which)\b", _ABBR_RE.sub("X", pre)) \
                    and (pre.count(",") in (0, 2)) and not vm.group(1).endswith("ing") \
                    and not re.match(r"\s*(?:and|but|while|or|as|because|which|who)\b", pre, re.I):
                np_ = pre.split(",")[0] if pre.count(",") == 2 else pre
                spk, typ = dm.resolve_np(np_, e, last_speakers)
                cue = vm.group(1)
    # 2) left-hand attribution in the same sentence part
    if not spk and not so_called:
        verbs = [m for m in dm.verb_re.finditer(t, lo, s) if not dm.in_quote(m.start())]
        if verbs:
            vm = verbs[0] if not verbs[-1].group(1).endswith("ing") else verbs[-1]
            # prefer a finite verb; an -ing verb takes the subject of an earlier verb or the sentence
            finite = [v for v in verbs if not v.group(1).endswith("ing")]
            vm = finite[-1] if finite else verbs[-1]
            if vm.group(1).lower() == "according to":
                np_ = re.split(r"[,.;:]", t[vm.end():s])[0]
                spk, typ = dm.resolve_np(np_, s, last_speakers)
                cue = "according to"
            elif _MODAL_NEG.search(t[max(lo, vm.start() - 25):vm.start()]):
                no_inherit = True
            else:
                before = t[max(lo, vm.start() - 60):vm.start()]
                nb = re.search(r"(?:^|[\s(])(" + NAME_RE.pattern + r")[ \xa0]+$", before) if vm.group(1).endswith("ing") else None  # noqa: E501
                if nb and not finite and nb.group(1).split()[0].lower() not in dm.common:
                    spk, typ = dm.resolve_np(nb.group(1), vm.start(), last_speakers)
                elif vm.group(1).endswith("ing") and not finite:
                    if prev_in_sent and prev_q is not None and prev_q.speaker:
                        spk, typ = prev_q.speaker, prev_q.speaker_type
                    else:
                        # the first name before the sentence's first comma (t[ss:vm].split(",")[0])
                        comma = t.find(",", ss, vm.start())
                        name = dm.first_name(ss, comma if comma >= 0 else vm.start())
                        if name is not None:
                            spk, typ = dm.resolve_np(name, vm.start(), last_speakers)
                else:
                    subj, _ = _subject_region(dm, lo, vm.start())
                    if subj.strip():
                        spk, typ = dm.resolve_np(subj, vm.start(), last_speakers)
                    elif prev_in_sent and prev_q is not None and prev_q.speaker:
                        spk, typ = prev_q.speaker, prev_q.speaker_type
                cue = vm.group(1)
        # passive agent: "as described by observers"
        if not spk:
            pm = re.search(r"\b(\w+ed)\s+by\s+([^,.;:“”\"]{2,60})", right)
            if pm and dm.verb_re.fullmatch(pm.group(1)):
                spk, typ = dm.resolve_np(pm.group(2), e, last_speakers)
                cue = pm.group(1)
    # coordinated: X called A "…" and B "…"
    if not spk and prev_in_sent and prev_q is not None and prev_q.speaker and \
            _count_words(left) <= 6 and re.match(r"\s*(?:and|or|,)\b", left) and not dm.verb_re.search(left):
        spk, typ, cue = prev_q.speaker, prev_q.speaker_type, prev_q.cue
    # split quote: "…," X said, "…"
    if not spk and prev_in_sent and prev_q is not None and prev_q.speaker and \
            dm.verb_re.search(left) and _count_words(left) <= 14:
        spk, typ, cue = prev_q.speaker, prev_q.speaker_type, prev_q.cue
    # 3) attribution inside the quoted text: "…, La Nación reported."
    if not spk and n_words >= 6:
        im = re.search(r",[ \xa0]+([^,.;:“”\"]{2,60}?)[ \xa0]+(" + _VERB_ALT +
                       r")(?:[ \xa0]+\w+){0,2}[ \xa0]*[,.]?[ \xa0]*(?:[\w ]{0,14})?[\"”]?$", body)
        if im and _count_words(im.group(1)) <= 7:
            spk, typ = dm.resolve_np(im.group(1), s + im.start(1), last_speakers)
            if typ in ("named", "descriptor", "vague") and spk:
                cue = im.group(2)
            else:
                spk = ""
    # kind
    full_start = left.strip() == "" or left.rstrip().endswith(":") or _cue_then_comma(left)
    if spk:
        q.speaker, q.speaker_type, q.cue = spk, typ, cue
        q.kind = "direct" if full_start else "partial"
        return q
    sentence_like = full_start and (inner_end[-1:] in ".!?" or n_words > 4)
    # 4) continuation: full quote with no cue inherits the last attribution of its paragraph
    if not so_called and not no_inherit and (n_words > 4 or sentence_like) and attribs:
        pos, lspk, ltyp = attribs[-1]
        if para_lo <= pos < s and dm.sent_index(s) - dm.sent_index(pos) <= 1:
            # the speaker of the previous sentence(s) in this paragraph
            q.speaker, q.speaker_type = lspk, ltyp
            q.kind = "direct" if full_start else "partial"
            return q
    if so_called or (n_words <= 4 and not sentence_like):
        q.kind = "scare"
    else:
        q.kind = "unattributed"
    return q


_CUE_COMMA = re.compile(r"(?:" + "|".join(["stated", "stating", "said", "noted", "according to [^,]+", "wrote",
                                            "added", "declared", "told [^,]+"]) + r"),\s*$", re.IGNORECASE)
_AS_COMMA = re.compile(r"\b(?:As|as)\s[^,]{1,60},\s*$")


def _cue_then_comma(left: str) -> bool:
    """Does ``left`` end with a reporting cue and a comma ("..., he said, ", "As X noted, ")?

    Both patterns end with ",\\s*$" and hold no other comma, so a match lies in the last comma
    clause: searching only there gives the same answer without retrying "told [^,]+" from
    every "told" of a long left context.
    """
    body = left.rstrip()
    if not body.endswith(","):
        return False
    clause = left[body.rfind(",", 0, len(body) - 1) + 1:]
    return bool(_CUE_COMMA.search(clause)) or bool(_AS_COMMA.search(clause))


_CLAUSE_START = re.compile(r"(?:[ \xa0]+(?:on|in|at|for|last|this|earlier|later|repeatedly|publicly|"
                           r"categorically|again|also|yesterday|today|\w+day|[A-Z][a-z]+\s\d+|\d+)\b[^,.;:]{0,20}?)?"
                           r"[ \xa0]+that[ \xa0]+", re.I)
_ZERO_THAT = re.compile(r"[ \xa0]+(?=(?:he|she|they|it|we|i|there|the|a|an|its|his|her|their|this|"
                        r"these|those|[A-Z][\w’'-]+)\b)")
_WEEKDAY = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
                      r"March|April|May|June|July|August|September|October|November|December)\b")


def _reported(dm: _DocModel, m, spk: str, typ: str, taken) -> Quote | None:
    """Reported clause after a main speech verb, or None."""
    t = dm.text
    verb = m.group(1)
    info = dm.vinfo.get(verb, {})
    if not spk or typ == "none" or verb.endswith("ing") or spk.lower() in ("this", "it", "which", "that"):
        return None
    if re.match(r"(?:this|that|these|those|it|such)\b", spk, re.I):
        return None
    if info.get("type") in ("cognitive", "tentative") and typ == "vague":
        return None
    after = t[m.end():m.end() + 200]
    # "told <Outlet> that" / "told <Outlet> the ..."
    cm = None
    if info.get("lemma") == "tell":
        om = re.match(r"[ \xa0]+(?:[Tt]he[ \xa0]+)?(?:[A-Z][\w’'.-]*[ \xa0]+)*[A-Z][\w’'.-]*|[ \xa0]+(?:him|her|them|reporters|us)", after)  # noqa: E501
        if not om:
            return None
        off = om.end()
        cm = _CLAUSE_START.match(after, off) or _ZERO_THAT.match(after, off)
        if cm is None:
            return None
        cstart = m.end() + cm.end()
    elif info.get("lemma") == "warn" and re.match(r"[ \xa0]+(?:of|about)[ \xa0]+", after):
        om = re.match(r"[ \xa0]+(?:of|about)[ \xa0]+", after)
        cstart = m.end() + om.end()
    else:
        cm = _CLAUSE_START.match(after)
        if cm is None and info.get("zero_that") == "yes":
            cm = _ZERO_THAT.match(after)
            if cm is not None and _WEEKDAY.match(after[cm.end():]):
                cm = None
        if cm is None:
            return None
        cstart = m.end() + cm.end()
    cend = dm.sent_end(cstart)
    # the first ")" of the clause and any "(" before it, by bisection over their positions
    # (several verbs of one long sentence would each scan to its end)
    k = bisect.bisect_left(dm._closes, cstart)
    par = dm._closes[k] if k < len(dm._closes) and dm._closes[k] < cend else -1
    if par >= 0:
        k = bisect.bisect_left(dm._opens, cstart)
        if not (k < len(dm._opens) and dm._opens[k] < par):
            cend = par
    cend = max(cstart, dm.clause_end(cend))
    if cend - cstart < 8 or dm.has_mark(cstart, cend):
        return None
    if taken.overlaps(cstart, cend) or dm.in_quote(cstart):
        return None
    return Quote("", cstart, cend, t[cstart:cend], "reported", spk, cue=verb, speaker_type=typ)


_ACC_LEAD = re.compile(r"According to ([^,]{2,80}),[ \xa0]+")
_ACC_TAIL = re.compile(r",[ \xa0]+(?:according to ([^,.;]{2,80})|([^,.;“”\"]{2,60}?) (said|says|reported|added)|"
                       r"(said|says|reported) ([^,.;“”\"]{2,60}?))(?:[ \xa0]+(?:on[ \xa0]+)?(?:\w+day|yesterday|today|last[ \xa0]+\w+))?(?:,[ \xa0]+(?:who|a|an|the)\b[^.;]*)?[.:]?$")  # noqa: E501


def _reported_inverted(dm: _DocModel, taken, rows, last_speakers) -> list[Quote]:
    """'According to X, clause.' and 'clause, according to X.' / 'clause, X said.'"""
    t = dm.text
    out = []
    occupied = _SpanSet([(r.start, r.end) for r in rows] + list(taken))
    for i, ss in enumerate(dm.sstarts):
        if dm.in_quote(ss):
            continue
        se = dm.sent_end(ss)
        sent = t[ss:se]
        qm = min([sent.find(c) for c in ALL_D if c in sent] or [-1])
        if qm == 0:
            continue
        cut_at_quote = qm > 0
        if qm > 0:
            sent = sent[:qm].rstrip()
            se = ss + len(sent)
        m = _ACC_LEAD.match(sent)
        if m:
            spk, typ = dm.resolve_np(m.group(1), ss, last_speakers)
            cs, ce = ss + m.end(), se
            cue = "according to"
        else:
            # a match holds no "." or ";" but its last character, so it starts after the last
            # of them: searching from there spares a retry from every comma of a long sentence
            cut = 0 if sent.endswith("\n") else max(sent.rfind(".", 0, len(sent) - 1),
                                                     sent.rfind(";", 0, len(sent) - 1)) + 1
            m = _ACC_TAIL.search(sent, cut)
            if not m or (cut_at_quote and not m.group(1) and not m.group(4)):
                continue
            cue = "according to" if m.group(1) else (m.group(3) or m.group(4))
            np_ = m.group(1) or m.group(2) or m.group(5)
            if np_ is None or _count_words(np_) > 8:
                continue
            if m.group(5) and not re.search(r"(?:^|\s)(?:[A-Z]|(?:a|an|the|one|some|several)\s)", np_):
                continue  # "..., said his members wanted" is not an inverted attribution
            spk, typ = dm.resolve_np(np_, ss + m.start(), last_speakers)
            cs, ce = ss, ss + m.start()
            if _count_words(t[cs:ce]) < 4:
                continue
        while ce > cs and t[ce - 1] in ".!? ":
            ce -= 1
        if not spk or occupied.overlaps(cs, ce):
            continue
        out.append(Quote("", cs, ce, t[cs:ce], "reported", spk, cue=cue, speaker_type=typ))
        occupied.add(cs, ce)
    return out


# --------------------------------------------------------------------------- tables


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
        ``n_words`` (words inside the span).
    """
    import pandas as pd

    from .story import story_of

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
            r["n_words"] = len(_WORD.findall(r["text"]))
            rows.append(r)
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS + ["in_boilerplate", "n_words"])


def _complement(spans, n):
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
        df = df.assign(n_words=df["text"].map(lambda s: len(_WORD.findall(s))))
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
    """``(start, end, speaker)`` of every quotation in a document (reported speech excluded).

    This is what decides the voice of a loaded term (:func:`framing.terms.term_hits`):
    a word inside one of these spans is carried by a quoted source (or, for scare
    quotes, held at a distance by the writer), not said in the writer's own voice.
    """
    return [(q["start"], q["end"], q["speaker"]) for q in extract_quotes(doc.text, doc_id=doc.doc_id, story=story)
            if q["kind"] != "reported"]
