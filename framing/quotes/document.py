"""The document model every rule reads: paragraphs, sentences, quote spans and entities of one text.

:class:`_DocModel` is built once per text. It answers position questions (in a quote? which
sentence, paragraph? the quotes before or after?) by bisection over sorted positions, never by a
scan, and remembers the answers that many rules ask for again. Its entity table
(:mod:`.entities`) is built last, from the structure. :class:`_SpanSet` answers overlap questions
about spans that grow as rows are made.
"""
from __future__ import annotations

import bisect
import itertools
import re

from .entities import CLAUSE_PUNCT, find_entities, participle_at
from .lexicon import abbreviations, alternation, lexicon, prepositions, word_set
from .marks import ALL_D, TWO_APOSTROPHES, paragraphs, quote_spans, rstrip
from .names import NAME_RE, PARTY_TAG, POSS

_ABBR = abbreviations()  # the same list the sentence splitter uses (data/abbreviations.csv)
_COMMON = word_set("common")
# marks a reported clause may not hold
_CLAUSE_MARKS_RE = re.compile("[" + re.escape(ALL_D + "‘") + "]|" + TWO_APOSTROPHES)
# a run of end punctuation is tried from its first character only: a match starting inside
# the run would see the same rest of the run, so the result is the same, but trying every
# start of a long run ("!!!!…") would cost the square of its length
_GLUED_END = re.compile(r"[.!?](?<=[a-z\d][a-z][.!?])(?=[A-Z][a-z])")   # (the mark first: the engine skips to it)
_SENT_END = re.compile(r"(?<![.!?…])([.!?…]+)([\"”“’')\]]*)(\s+)")
_LASTWORD = re.compile(r"\S*$")
_CAPITAL_PRONOUN = re.compile(r"(?:He|She|They|It|We)\b")
#: a quote that ends with ? or ! and is followed by a reporting clause of at most this many words
#: before its verb ("“Why?” Tom Hale asked.") does not end its sentence: the clause is its attribution
TAG_WORDS = 4
_TAG_STOP = re.compile(r"[.,;:!?“”\"()\n]")
# ... or a name and one to three comma parts set off by commas before the verb ("“Why?” Ann Lee, 67, a retired nurse
# in Dover, Del., asked."), the verb ending its clause (a preposition after it, or no finite verb before the sentence's
# end)
_TAG_APPOSITIVES = re.compile(r"[A-Z][\w’'.-]*(?:[ \xa0]+[A-Z][\w’'.-]*){0,3}(?:,[ \xa0]+[^,;:!?“”\"()\n]{1,80}){1,3},"
                              r"[ \xa0]*")
_REST_END = re.compile(r"[.!?]")
_ADJUNCT_REST = re.compile(r"[ \xa0]+(?:" + "|".join(sorted(prepositions())) + r")\b")   # "said of the talks he had"
_FINITE_IN_REST = re.compile(r"\b(?:" + alternation("finite_marker") + r"|that|[a-z]+ed)\b")
# a party tag, maybe set off by commas ("Rep. Ann Lee, R-Pa., said")
_PARTY_ASIDE = re.compile(r",?" + PARTY_TAG.pattern + r",?")
_LOWER_WORD_RE = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]+\b")


#: a quote of at most this many words after a work noun and before a lower-case word is a title, no cut of its clause
EMBEDDED_QUOTE_WORDS = 4
#: how many such quotes before a speech verb :meth:`_DocModel.clause_quote_end` passes over
EMBEDDED_QUOTES = 3
_LOWER_WORD_END = re.compile(r"\b([a-z][\w’'-]*)[ \xa0]+$")
_WORK_NOUN = word_set("work_noun")
_LOWER_WORD_START = re.compile(r"[ \xa0]+[a-z]")


class _DocModel:
    """Per-document analysis: paragraphs, sentences, quote spans, lexicon and entities.

    Attributes read by the rules: ``text``, ``story``, ``verb_re``/``vinfo``/``rules``/``reg``
    (:func:`.lexicon.lexicon`), ``verb_matches`` and ``verb_starts`` (its matches in the text), ``paras`` and
    ``pstarts`` (non-blank lines), ``qspans``
    (:func:`.marks.quote_spans`), ``sstarts`` (sentence starts), ``common`` (words that are
    never a name here), ``entities`` (:class:`.entities._Entities`), ``descr_chains``
    (the cache of :func:`.speakers.last_descriptor`) and ``descr_links`` (of :func:`.speakers.link_descriptor`).
    """

    def __init__(self, text: str, story=None):
        self.text = text
        self.story = story
        self.verb_re, self.vinfo, self.rules, self.reg = lexicon(story)
        self.paras = paragraphs(text)
        self.pstarts = [p[0] for p in self.paras]
        self.qspans = quote_spans(text)
        # quote spans are sorted and never overlap (quote_spans), so their ends are sorted too:
        # "the quotes before i" is a bisection, never a scan
        self._qstarts = [q[0] for q in self.qspans]
        self._qends = [q[1] for q in self.qspans]
        self._qend_set = set(self._qends)
        # sorted positions of the characters some rules look for to the right of a position
        self._marks = [m.start() for m in _CLAUSE_MARKS_RE.finditer(text)]
        self._opens = [m.start() for m in re.finditer(r"\(", text)]
        self._closes = [m.start() for m in re.finditer(r"\)", text)]
        self._rstrip_at: dict[int, int] = {}
        self._clause_end_at: dict[int, int] = {}
        self._first_names: dict[int, list] = {}
        self.descr_chains: dict[int, list] = {}
        self.descr_links: dict[str, tuple[int, str]] = {}   # description -> (position, name) of its last link
        # a capitalised word whose lower-case form the text also uses is a common word
        # ("Water rates rose ... the water board"), not the start of a name
        self.common = set(_LOWER_WORD_RE.findall(text))
        self.common |= _COMMON
        self.sstarts = self._sentence_starts()
        self.sstart_set = frozenset(self.sstarts)
        # every match of the speech-verb pattern, quotations included
        self.verb_matches = list(self.verb_re.finditer(text))
        self.verb_starts = [m.start() for m in self.verb_matches]
        self.clause_punct = [m.start() for m in CLAUSE_PUNCT.finditer(text)]   # (sorted: bisected by the entities)
        self.entities = find_entities(self)

    def has_verb(self, a: int, b: int) -> bool:
        """Does a match of the speech-verb pattern start in ``text[a:b]``?"""
        k = bisect.bisect_left(self.verb_starts, a)
        return k < len(self.verb_starts) and self.verb_starts[k] < b

    # ---------------- paragraphs and sentences
    def para_of(self, i: int) -> int:
        return max(0, bisect.bisect_right(self.pstarts, i) - 1) if self.paras else 0

    def _sentence_starts(self) -> list[int]:
        """Sentence starts (outside quotes) as a sorted list; paragraph starts included.

        A sentence ends at a run of ``.!?…`` (and closing marks) followed by space and a capital,
        a digit or an opening mark, unless the run is inside a quote it does not close, or the
        period ends an abbreviation ("Mr.", "U.S.").
        """
        t = self.text
        starts = {p[0] for p in self.paras}
        for m in _SENT_END.finditer(t):
            i = m.end()
            if i >= len(t):
                continue
            if self.in_quote(m.start(1)) and m.end(2) not in self._qend_set:
                continue
            if not (t[i].isupper() or t[i].isdigit() or t[i] in "“\"‘(`" or t.startswith(TWO_APOSTROPHES, i)):
                continue
            if (m.group(1)[-1] in "?!…" or m.group(1).endswith("..")) and m.end(2) in self._qend_set \
                    and self._tag_follows(i):
                continue   # "“Why?” Tom asked.", "“If only …” Tom said.": the reporting clause ends the sentence
            # abbreviation before the period?
            w0 = m.start(1) - len(_LASTWORD.search(t, max(0, m.start(1) - 30), m.start(1)).group())
            word = t[w0:m.end(1)].lower().lstrip("(“\"”")
            if m.group(1) == "." and (word in _ABBR or re.fullmatch(r"(?:[a-z]\.)+", word)):
                continue
            starts.add(i)
        # "… from the square.She said …": a period glued to the next sentence (text copied without its spaces)
        starts.update(m.end() for m in _GLUED_END.finditer(t) if not self.in_quote(m.start()))
        return sorted(starts)

    def _tag_follows(self, i: int) -> bool:
        """Does a short reporting clause start at ``i`` ("Tom Hale asked", "she said", "said Ann Ruiz"):
        a speech verb after at most :data:`TAG_WORDS` words, with no punctuation before it?"""
        vm = self.verb_re.search(self.text, i, i + 80)
        if vm is None or vm.group(1).lower() == "according to" or _CAPITAL_PRONOUN.match(self.text, i):
            return False   # ("“…!” She replied …": a capitalised pronoun opens a new sentence; "“Why?” she asked.")
        # (Mr., Sen. and a party tag left out: "“Why?” Rep. Ann Lee (D-Va.) asked.")
        lead = _PARTY_ASIDE.sub("", self.text[i:vm.start()])
        pre = [w for w in lead.split() if w.lower() not in _ABBR]
        if len(pre) <= TAG_WORDS and _TAG_STOP.search(" ".join(pre)) is None:
            return True
        # "“Why?” Ann Lee, a retired nurse, asked.": a name and asides, when the verb ends its clause (no finite verb
        # after it in the sentence: not "“Shame!” Ann Lee, an organizer, said the anger was real.")
        rest = self.text[vm.end():vm.end() + 80]
        end = _REST_END.search(rest)
        clause_ends = end is not None and _FINITE_IN_REST.search(rest, 0, end.start()) is None
        return _TAG_APPOSITIVES.fullmatch(lead) is not None and (_ADJUNCT_REST.match(rest) is not None or clause_ends)

    def sent_index(self, i: int) -> int:
        return bisect.bisect_right(self.sstarts, i) - 1

    def sent_start(self, i: int) -> int:
        k = bisect.bisect_right(self.sstarts, i) - 1
        return self.sstarts[k] if k >= 0 else 0

    def sent_end(self, i: int) -> int:
        """End of the sentence containing position i (exclusive, final punctuation excluded)."""
        k = bisect.bisect_right(self.sstarts, i)
        pend = self.paras[self.para_of(i)][1] if self.paras else len(self.text)
        nxt = self.sstarts[k] if k < len(self.sstarts) else len(self.text)
        e = min(nxt, pend)
        return max(i, self.rstrip_to(e))

    def rstrip_to(self, end: int) -> int:
        """``rstrip(text, 0, end)``, remembered (sentence ends are asked for again and again)."""
        r = self._rstrip_at.get(end)
        if r is None:
            r = self._rstrip_at[end] = rstrip(self.text, 0, end)
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

    # ---------------- quotes and marks
    def quote_starts_at(self, i: int) -> bool:
        """Does a quotation span start at position ``i``?"""
        k = bisect.bisect_left(self._qstarts, i)
        return k < len(self._qstarts) and self._qstarts[k] == i

    def in_quote(self, i: int) -> bool:
        k = bisect.bisect_right(self._qstarts, i) - 1
        return k >= 0 and self.qspans[k][0] <= i < self.qspans[k][1]

    def last_quote_end(self, lo: int, hi: int) -> int:
        """End of the last quote whose start lies in [lo, hi), or -1 (the latest end: spans are disjoint)."""
        a = bisect.bisect_left(self._qstarts, lo)
        b = bisect.bisect_left(self._qstarts, hi)
        return self._qends[b - 1] if b > a else -1

    def clause_quote_end(self, lo: int, hi: int) -> int:
        """:meth:`last_quote_end`, passing over quotes that stand inside a clause as a work's title: at most
        :data:`EMBEDDED_QUOTE_WORDS` words after a noun of list ``work_noun`` and before a lower-case word ("sang the
        song “Rain” with Tia Moss and said …": the subject is before it). At most :data:`EMBEDDED_QUOTES` such quotes
        are passed (then the end of the last one passed is returned, as if it cut the clause)."""
        a = bisect.bisect_left(self._qstarts, lo)
        b = bisect.bisect_left(self._qstarts, hi)
        for k in range(b - 1, a - 1, -1):
            qs, qe = self._qstarts[k], self._qends[k]
            if b - k > EMBEDDED_QUOTES or not self._embedded_quote(qs, qe):
                return qe
        return -1

    def _embedded_quote(self, qs: int, qe: int) -> bool:
        """Is the quote ``text[qs:qe]`` a work's title inside its clause (:meth:`clause_quote_end`)? Not one that
        closes its phrase with a comma or a stop ("the show “Harbor Nights,” said …")."""
        t = self.text
        m = _LOWER_WORD_END.search(t, max(0, qs - 30), qs)
        return m is not None and m.group(1) in _WORK_NOUN and len(t[qs:qe].split()) <= EMBEDDED_QUOTE_WORDS \
            and t[qs:qe].rstrip("”\"’'")[-1:] not in ",.;:!?" and _LOWER_WORD_START.match(t, qe) is not None

    def prev_quote_end(self, lo: int, ss: int, s: int) -> int:
        """End of the last quote starting in [lo, s) that ends in [ss, s], or -1.

        ``s`` is the start of a quote span: the quotes starting before it end at or before it
        and their ends are sorted, so the answer is the last of them if it ends at ``ss`` or later.
        """
        a = bisect.bisect_left(self._qstarts, lo)
        b = bisect.bisect_left(self._qstarts, s)
        if b > a and ss <= self._qends[b - 1] <= s:
            return self._qends[b - 1]
        return -1

    def quotes_overlapping(self, lo: int, hi: int, limit: int | None = None) -> list[tuple[int, int]] | None:
        """(start, end) of the quote spans overlapping ``text[lo:hi]``, in order; with ``limit``, None
        when more than ``limit`` spans start in it (found by bisection, without listing them)."""
        a = max(0, bisect.bisect_right(self._qstarts, lo) - 1)
        b = bisect.bisect_left(self._qstarts, hi)
        if limit is not None and b - a > limit + 1:
            return None
        return [(s, e) for s, e in zip(self._qstarts[a:b], self._qends[a:b]) if e > lo]

    def single_marks(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """(position, width 1) of the opening and closing marks of the single-quoted spans inside ``text[lo:hi]``
        (:func:`.marks.quote_spans`, flag ``single``)."""
        a, b = bisect.bisect_left(self._qstarts, lo), bisect.bisect_left(self._qstarts, hi)
        return [m for s, e, flags in self.qspans[a:b] if e <= hi and "single" in flags for m in ((s, 1), (e - 1, 1))]

    def next_quote_start(self, lo: int, hi: int) -> int:
        """Start of the first quote starting in [lo, hi), or -1."""
        return self.next_quote(lo, hi)[0]

    def next_quote(self, lo: int, hi: int) -> tuple[int, int]:
        """(start, end) of the first quote starting in [lo, hi), or (-1, -1)."""
        a = bisect.bisect_left(self._qstarts, lo)
        return (self._qstarts[a], self._qends[a]) if a < len(self._qstarts) and self._qstarts[a] < hi else (-1, -1)

    def has_mark(self, lo: int, hi: int) -> bool:
        """Does ``text[lo:hi]`` contain a quotation mark (double, or an opening ‘)?"""
        a = bisect.bisect_left(self._marks, lo)
        return a < len(self._marks) and self._marks[a] < hi

    def unopened_close(self, lo: int, hi: int) -> int:
        """The first ")" in ``text[lo:hi]`` if no "(" comes before it from ``lo``, else -1."""
        k = bisect.bisect_left(self._closes, lo)
        par = self._closes[k] if k < len(self._closes) and self._closes[k] < hi else -1
        if par >= 0:
            k = bisect.bisect_left(self._opens, lo)
            if k < len(self._opens) and self._opens[k] < par:
                return -1
        return par

    # ---------------- names
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
            if POSS.sub("", m.group()).lower() not in self.common and not participle_at(self, m.start(), m.group()):
                c[3] = fq = len(ms) - 1   # (not "Praising" of "Praising his crew’s …")
        if fq is not None and ends[fq] <= x:
            return ms[fq].group()
        k = bisect.bisect_right(ends, x)   # ms[:k] end by x and are common words
        if k < len(ms) and ms[k].start() < x:
            m = NAME_RE.match(self.text, ms[k].start(), x)
            if m is not None and POSS.sub("", m.group()).lower() not in self.common:
                return m.group()
        return None


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
