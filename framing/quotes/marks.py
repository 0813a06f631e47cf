"""Quotation marks to quoted spans: :func:`quote_spans` and :func:`in_quote_mask`.

Marks are paired paragraph by paragraph. Curly marks have a direction; a straight ``"`` is
classified by its neighbours. A paragraph that ends inside a quote continues only if the
next paragraph opens with a mark (news convention); otherwise the quote is closed at the end
of its paragraph and flagged ``unclosed``: a stray mark never swallows the rest of an article.
Closing-shaped marks with no opener are skipped. Single quotes count only when they open after
a space and close before a non-letter (so France's, don't, '90s, students' are apostrophes);
single quotes inside double quotes are nested and reported as the flag ``nested``.
"""
from __future__ import annotations

import bisect
import re

MAX_QUOTE_CHARS = 4000      # a quote never runs longer than this (continuation paragraphs)
MAX_CONTINUATION = 6        # and never across more than this many paragraphs

OPEN_D = "“„«"
CLOSE_D = "”»"
ALL_D = OPEN_D + CLOSE_D + '"'
LETTER = re.compile(r"\w", re.UNICODE)
#: two apostrophes as a straight double mark: wire and archive text (the New York Times in LexisNexis
#: exports, typewriter-era house styles) writes every quotation mark as ``''``. Not after a digit
#: (``12''`` is inches) nor next to a third apostrophe.
TWO_APOSTROPHES = "''"
#: two curly single marks as a double mark, "‘‘…’’": the house style of some newspapers' web text (Fairfax's
#: Australian mastheads among them) and of typesetting that builds a double mark from two singles. Not next to a
#: third curly single mark.
TWO_OPEN_SINGLES = "‘‘"
TWO_CLOSE_SINGLES = "’’"
#: two backticks as an opening double mark, "``…''": the typewriter and TeX convention of some wire archives
TWO_BACKTICKS = "``"
# (every branch opens with its mark and looks behind it afterwards: the engine then skips to a mark's first character)
_DMARK = re.compile("[" + ALL_D + "]|''(?<![\\d']'')(?!')|‘‘(?<!‘‘‘)(?!‘)|’’(?<!’’’)(?!’)|``(?<!```)(?!`)")
#: a double quotation mark: one character of :data:`ALL_D`, :data:`TWO_APOSTROPHES`, :data:`TWO_OPEN_SINGLES` or
#: :data:`TWO_CLOSE_SINGLES` (or :data:`TWO_BACKTICKS`, which only opens)
DOUBLE_MARK = _DMARK

_PARA = re.compile(r"[^\n]+")
_SQ_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–“\"]))[‘'](?=[^\W\d_])")
_ELISION = re.compile(r"[‘'](?:n[’']|em\b|til\b|tis\b|cause\b|bout\b)", re.I)
_SQ_STOP = re.compile("[’'“”\"]")


#: the two-character double marks
DOUBLED = (TWO_APOSTROPHES, TWO_OPEN_SINGLES, TWO_CLOSE_SINGLES, TWO_BACKTICKS)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line of ``text`` that is not blank."""
    return [(m.start(), m.end()) for m in _PARA.finditer(text) if m.group().strip()]


def rstrip(text: str, start: int, end: int) -> int:
    """``end`` moved back over whitespace, not before ``start``."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def mark_len(text: str, i: int) -> int:
    """Length of the double quotation mark at ``text[i]`` (2 for ``''``, ``‘‘`` and ``’’``, see
    :data:`TWO_APOSTROPHES`), 0 if there is none."""
    m = _DMARK.match(text, i)
    return m.end() - i if m else 0


def _dq_role(text: str, i: int) -> str:
    """'o' opening, 'c' closing or '?' for a double mark at ``text[i]``."""
    ch = text[i]
    if ch in CLOSE_D or ch == "’":
        return "c"
    if ch in "‘`":
        return "o"
    prev = text[i - 1] if i > 0 else " "
    k = i + (2 if text.startswith(TWO_APOSTROPHES, i) else 1)
    nxt = text[k] if k < len(text) else " "
    p_open = prev.isspace() or prev in "([{—–-/:;"
    n_close = nxt.isspace() or nxt in ".,;:!?)]}—–-…"
    if ch in OPEN_D:
        # an opening mark typed for a closing one ("“It's unusual,“ said Noble"): glued to the word or
        # punctuation before it and followed by a space or punctuation, it closes
        # (not before "." or "…": "said,“...and then we left,”" opens)
        glued_close = nxt.isspace() or nxt in ",;:!?)]}—–-"
        return "c" if ch == "“" and glued_close and (LETTER.match(prev) or prev in ".,!?…") else "o"
    if p_open and not n_close:
        return "o"
    if n_close and not p_open:
        return "c"
    return "?"


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


def _continues(text: str, nxt, start: int, n_cont: int) -> bool:
    """Does the quote opened at ``start`` go on into the paragraph ``nxt`` (``(lo, hi)`` or None)?
    Only if that paragraph opens with an opening mark, within the length and paragraph limits."""
    if nxt is None or n_cont >= MAX_CONTINUATION:
        return False
    j = nxt[0]
    while j < nxt[1] and text[j].isspace():
        j += 1
    return (j < nxt[1] and (text[j] in OPEN_D + '"' or mark_len(text, j) == 2) and nxt[1] - start <= MAX_QUOTE_CHARS
            and _dq_role(text, j) != "c")


#: a double quotation nested in an open one is at most this many characters long
NESTED_DOUBLE_CHARS = 60


def _nested_double(text: str, marks: list[int], idx: int) -> bool:
    """Is the opening mark ``marks[idx]``, inside an open quotation, the start of a short quotation nested in it: the
    next mark closes it within :data:`NESTED_DOUBLE_CHARS` characters and the one after that closes the open one
    ("“… a season that counts for “keeps” every night,”")? Curly marks only (the open one too): a writer who forgot
    to close ("“Hi, he said. “Bye,”") leaves no second closing mark, and one who mixes straight and curly marks pairs
    none."""
    return idx + 2 < len(marks) and marks[idx + 1] - marks[idx] <= NESTED_DOUBLE_CHARS \
        and _dq_role(text, marks[idx + 1]) == "c" and text[marks[idx + 2]] in CLOSE_D


def _double_quotes(text: str, paras: list) -> list[tuple[int, int, tuple[str, ...]]]:
    """Spans ``(start, end, flags)`` of double-quoted material, pairing marks paragraph by paragraph.

    A closing mark with no opener is skipped; an opening curly mark inside an open quote closes
    the open one (``unpaired_open``); a quote open at the end of a paragraph continues into the
    next (``continued``) or ends there (``unclosed``); ``glued``: the opening mark touches a word.
    """
    out: list[tuple[int, int, tuple[str, ...]]] = []
    cur_start = -1
    cur_flags: list[str] = []
    n_cont = 0
    for k, (lo, hi) in enumerate(paras):
        seg = text[lo:hi]
        marks = [m.start() for m in _DMARK.finditer(text, lo, hi)] if (
            any(c in seg for c in ALL_D) or any(d in seg for d in DOUBLED)) else []
        first_nonspace = lo
        while first_nonspace < hi and text[first_nonspace].isspace():
            first_nonspace += 1
        skip_first = False
        inner: set[int] = set()   # marks of a double quotation nested in an open one
        if cur_start >= 0:
            # we are continuing a quote from the previous paragraph
            skip_first = bool(marks) and marks[0] == first_nonspace and _dq_role(text, marks[0]) != "c"
        for idx, i in enumerate(marks):
            if skip_first and idx == 0 or idx in inner:
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
            elif role == "o" and text[i] in OPEN_D and i - cur_start > 1 and text[cur_start] in OPEN_D \
                    and _nested_double(text, marks, idx):
                inner.update((idx, idx + 1))   # "“… counts for “keeps” every night,” the coach said": nested
                if "nested" not in cur_flags:
                    cur_flags.append("nested")
            elif role == "o" and text[i] in OPEN_D and i - cur_start > 1:
                # an opening mark inside an open quote: the previous one never closed
                out.append((cur_start, rstrip(text, cur_start, i), tuple(cur_flags + ["unpaired_open"])))
                cur_start = i
                cur_flags = []
                n_cont = 0
            else:
                out.append((cur_start, i + (mark_len(text, i) or 1), tuple(cur_flags)))
                cur_start = -1
        if cur_start >= 0:
            if _continues(text, paras[k + 1] if k + 1 < len(paras) else None, cur_start, n_cont):
                n_cont += 1
                if "continued" not in cur_flags:
                    cur_flags.append("continued")
            else:
                out.append((cur_start, rstrip(text, cur_start, hi), tuple(cur_flags + ["unclosed"])))
                cur_start = -1
    return out


def _with_single_quotes(text: str, paras: list, doubles: list) -> list[tuple[int, int, tuple[str, ...]]]:
    """``doubles`` plus the single-quoted spans outside them, sorted. A single quote inside a
    double one becomes its flag ``nested``; one that crosses a double quote is dropped."""
    singles = _paragraph_singles(text, paras)
    result = []
    nested = set()
    oi = 0
    for s in singles:
        inside = False
        while oi < len(doubles) and doubles[oi][1] <= s[0]:
            oi += 1
        for q in doubles[max(0, oi - 1): oi + 1]:
            if q[0] <= s[0] and s[1] <= q[1]:
                inside = True
                nested.add(q[0])
            elif q[0] < s[1] and s[0] < q[1]:
                inside = True  # crossing: ignore the single quote
        if not inside:
            result.append(s)
    for q in doubles:
        flags = q[2] + (("nested",) if q[0] in nested else ())
        if q[1] > q[0] + 1:
            result.append((q[0], q[1], flags))
    result.sort()
    return result


def _paragraph_singles(text: str, paras: list) -> list[tuple[int, int, tuple[str, ...]]]:
    """The single-quoted spans of every paragraph, ``(start, end, flags)``. A single quote (curly or straight) still
    open at the end of its paragraph continues into the next when that one opens with a single mark, as a double quote
    does (British style: "She said: ‘The ferries ran late … \n\n‘Nobody answered …’"), flagged ``continued``."""
    out: list[tuple[int, int, tuple[str, ...]]] = []
    carry, n_cont = -1, 0   # the opening mark of a single quote continued into this paragraph
    for k, (lo, hi) in enumerate(paras):
        if "‘" not in text[lo:hi] and "'" not in text[lo:hi]:
            carry = -1
            continue
        spans = _single_quotes(text, lo, hi)
        if carry >= 0:
            j = _first_nonspace(text, lo, hi)
            close = _single_close(text, j, hi)
            if close > 0:
                out.append((carry, close, ("single", "continued")))
                spans = [x for x in spans if x[0] >= close]
                carry = -1
            elif n_cont < MAX_CONTINUATION and _opens_single(text, paras, k + 1):
                n_cont += 1
                continue
            else:
                carry = -1
        out.extend((a, b, ("single",)) for a, b in spans)
        o = _open_at_end(text, spans[-1][1] if spans else lo, hi, lo)
        if o >= 0 and _opens_single(text, paras, k + 1):
            carry, n_cont = o, 0
    return out


#: the marks that open a single quotation continued across paragraphs: curly, or straight as many sites print them
_SINGLE_OPENERS = ("‘", "'")


def _first_nonspace(text: str, lo: int, hi: int) -> int:
    while lo < hi and text[lo].isspace():
        lo += 1
    return lo


def _opens_single(text: str, paras: list, k: int) -> bool:
    """Does paragraph ``k`` open with a single mark (:data:`_SINGLE_OPENERS`) before a letter, no elision ("'Tis")?"""
    if k >= len(paras):
        return False
    j = _first_nonspace(text, *paras[k])
    return text[j:j + 1] in _SINGLE_OPENERS and j + 1 < paras[k][1] and text[j + 1].isalpha() \
        and not _ELISION.match(text, j)


def _single_close(text: str, i: int, hi: int) -> int:
    """The end of the closing single mark of the quote opened at ``text[i]`` (a mark of :data:`_SINGLE_OPENERS`),
    before ``hi`` and before any double mark; -1 if there is none."""
    if text[i:i + 1] not in _SINGLE_OPENERS:
        return -1
    for m in _SQ_STOP.finditer(text, i + 2, hi):
        if _sq_stop(text, m.start()):
            return m.end() if m.group() in "’'" else -1
    return -1


#: what comes right before a single quote that runs to the end of its paragraph, if not the paragraph's start: a
#: colon, comma or dash and a space ("She said: ‘…")
_OPENS_SPEECH = re.compile(r"[:,—–-][ \xa0]?$")


def _open_at_end(text: str, pos: int, hi: int, lo: int) -> int:
    """The first opening single mark after ``pos`` at the paragraph's (``text[lo:hi]``) start or after a colon, comma
    or dash, if it opens a quote never closed in the paragraph; else -1. (One scan: a later mark's quote would be
    unclosed too.)"""
    start = _first_nonspace(text, lo, hi)
    for m in _SQ_OPEN.finditer(text, pos, hi):
        i = m.start()
        if not _ELISION.match(text, i) and (i == start or _OPENS_SPEECH.search(text, max(lo, i - 3),
                                                                                                  i)):
            return i if _single_close(text, i, hi) < 0 else -1
    return -1


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
        ``unpaired_open`` (a new opening mark closed the previous quote), ``single``.

    Examples
    --------
    >>> quote_spans('He said "we will go" today.')
    [(8, 20, ())]
    """
    global _LAST_QUOTE_SPANS
    last_text, last_spans = _LAST_QUOTE_SPANS      # one tuple, read once: safe under threads
    if last_text is text:       # the same string object again (the quotes, then the terms of one
        return list(last_spans)  # document): a copy of its spans, not a second scan
    paras = paragraphs(text)
    spans = _with_single_quotes(text, paras, _double_quotes(text, paras))
    _LAST_QUOTE_SPANS = (text, tuple(spans))
    return spans


#: the last text :func:`quote_spans` read (compared by identity) and its spans
_LAST_QUOTE_SPANS: tuple = (None, ())


def in_quote_mask(text: str) -> list[bool]:
    """Per-character mask: True where ``text[i]`` lies inside a quotation (marks included).

    Cheap helper for other modules (e.g. voice of loaded terms: authorial vs quoted).
    """
    mask = [False] * len(text)
    for s, e, _ in quote_spans(text):
        for i in range(s, e):
            mask[i] = True
    return mask
