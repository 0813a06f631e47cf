"""Read articles, label every character with a block role, split sentences and tokens.

Everything here is a span ``(start, end)`` into the text exactly as
``pathlib.Path(file).read_text(encoding="utf-8")`` returns it. Cleaning never
rewrites the text: it labels blocks, and the blocks of a document tile it with
no gap and no overlap, so every removed character has a row saying why.

Block roles: ``title``, ``dek``, ``heading``, ``body`` (together: the article)
and ``boilerplate`` (page noise), the latter with a ``reason`` from
:data:`BOILERPLATE_REASONS`. The rules are general line-shape rules (see
``framing/data/boilerplate_patterns.csv`` and :func:`segment_text`), not lines of
particular files.
"""
from __future__ import annotations

import bisect
import contextlib
import csv
import errno
import io
import os
import re
import stat
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from ._data import read_csv_rows
from .safe import one_line

if TYPE_CHECKING:  # NLTK is imported when a sentence is first split: `framing --help` must not wait for it
    from nltk.tokenize.punkt import PunktSentenceTokenizer

ARTICLE_ROLES = ("title", "dek", "heading", "body")
ROLES = ARTICLE_ROLES + ("boilerplate",)
BOILERPLATE_REASONS = (
    "photo caption",
    "repeated line",
    "link list",
    "teaser of another article",
    "metadata/dateline",
    "navigation or table of contents",
    "call to action",
    "social/share residue",
)
DEFAULT_MAX_BYTES = 10_000_000

_TOKEN_RE = re.compile(r"\w+(?:[’'.,\-]\w+)*")
_LINE_RE = re.compile(r"[^\n]*\n?")
_END_PUNCT_RE = re.compile(r"[.!?…][\"”’')\]]*$")
_BULLET_RE = re.compile(r"^\s*[-•*·▪–]\s+")
_NUMBERED_RE = re.compile(r"^\s*\d{1,2}[.)]\s+\S")
_WORD_RE = re.compile(r"[^\W\d_][\w’'\-]*")


class CorpusError(Exception):
    """A problem with the input: ``reason`` says what, ``path`` (or None) names the file or folder.

    ``str(error)`` is ``"PATH: reason"`` with the path shown safely (one line, see
    :func:`framing.safe.one_line`); code that reports the path separately reads
    ``reason`` and ``path`` instead of splitting the message.
    """

    def __init__(self, reason: str, path: str | os.PathLike | None = None):
        super().__init__(reason, path)
        self.reason = reason
        self.path = path

    def __str__(self) -> str:
        return self.reason if self.path is None else f"{one_line(self.path)}: {self.reason}"


@dataclass(frozen=True)
class Block:
    """A run of characters with one role. ``reason`` is empty unless boilerplate."""

    start: int
    end: int
    role: str
    reason: str = ""


@dataclass
class Document:
    """One article: its raw text, its blocks, sentences and tokens (all spans).

    Attributes
    ----------
    doc_id : str
        The file stem (with ``recursive``: the path below the folder, without ``.txt``), or a
        table row's id.
    text : str
        The raw text, never modified (a byte-order mark is not part of it; line ends are
        universal newlines).
    blocks : list of Block
        Tiling of ``text``: ``blocks[0].start == 0``, ``blocks[-1].end == len(text)``,
        each block starts where the previous one ends.
    sentences : list of (int, int)
        Sentence spans inside article blocks (title, dek, heading, body); a
        sentence never crosses a block.
    tokens : list of (int, int)
        Word-token spans inside article blocks.
    title, date, outlet : str
        Metadata; from ``sources.csv`` when it has them, else extracted from the
        text (title, date) or empty. ``meta`` says where each value came from.
    flags : list of str
        What the reader could not fully understand (``no title``, ``possibly not
        English``, ``date not understood (kept as given)``...). A flagged document is
        still processed. The ``framing corpus`` table calls the column ``doc_flags``.
    """

    doc_id: str
    text: str
    blocks: list[Block]
    sentences: list[tuple[int, int]]
    tokens: list[tuple[int, int]]
    title: str = ""
    date: str = ""
    outlet: str = ""
    path: str = ""
    meta: dict = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._block_starts = [b.start for b in self.blocks]

    def block_at(self, pos: int) -> Block:
        """The block containing character ``pos``."""
        i = bisect.bisect_right(self._block_starts, pos) - 1
        return self.blocks[max(i, 0)]

    def content_spans(self) -> list[tuple[int, int]]:
        """Merged spans of the article blocks (everything but boilerplate)."""
        spans: list[tuple[int, int]] = []
        for b in self.blocks:
            if b.role == "boilerplate":
                continue
            if spans and spans[-1][1] == b.start:
                spans[-1] = (spans[-1][0], b.end)
            else:
                spans.append((b.start, b.end))
        return spans

    def is_content(self, start: int, end: int) -> bool:
        """True when the span lies inside article blocks only."""
        return all(b.role != "boilerplate" for b in self.blocks_between(start, end))

    def blocks_between(self, start: int, end: int) -> list[Block]:
        i = max(bisect.bisect_right(self._block_starts, start) - 1, 0)
        out = []
        while i < len(self.blocks) and self.blocks[i].start < max(end, start + 1):
            out.append(self.blocks[i])
            i += 1
        return out


@dataclass
class Corpus:
    """Documents read from a path, plus one row per file that could not be read.

    ``story`` is the story pack (:func:`framing.load_story`) the tables of this corpus
    apply when no other is given; None: generic data only.
    """

    documents: list[Document]
    errors: list[dict] = field(default_factory=list)
    source: str = ""
    story: object = None

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    def __getitem__(self, key: int | str) -> Document:
        if isinstance(key, str):
            for d in self.documents:
                if d.doc_id == key:
                    return d
            raise KeyError(key)
        return self.documents[key]


# --------------------------------------------------------------------------- data


@lru_cache(maxsize=1)
def _sentence_tokenizer() -> PunktSentenceTokenizer:
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = {r["abbrev"].lower() for r in read_csv_rows("abbreviations.csv")}
    return PunktSentenceTokenizer(params)


@lru_cache(maxsize=1)
def _patterns() -> tuple[list, list]:
    line_rules, sentence_rules = [], []
    for r in read_csv_rows("boilerplate_patterns.csv"):
        rx = re.compile(r["pattern"], re.IGNORECASE)
        if r["scope"] == "line":
            line_rules.append((rx, r["reason"], int(r["max_words"])))
        else:
            sentence_rules.append((rx, r["reason"]))
    return line_rules, sentence_rules


@lru_cache(maxsize=1)
def _function_words() -> frozenset:
    return frozenset(r["word"] for r in read_csv_rows("function_words.csv") if r["language"] == "en")


# --------------------------------------------------------------------------- lines


@dataclass
class _Line:
    start: int  # first character of the line
    end: int  # end of the line's text, before its newline
    stop: int  # end including the newline (and following blank lines)
    text: str
    words: int
    label: str | None = None  # role
    reason: str = ""

    @property
    def stripped(self) -> str:
        return self.text.strip()


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().casefold()


def _cap_ratio(s: str) -> float:
    words = [w for w in _WORD_RE.findall(s)]
    if not words:
        return 0.0
    small = {"a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "by", "vs", "with", "is", "from"}
    considered = [w for w in words if w.lower() not in small] or words
    return sum(1 for w in considered if w[0].isupper()) / len(considered)


def _is_prose(line: _Line) -> bool:
    """A sentence-shaped line: ends like a sentence, or is long."""
    s = line.stripped
    if s.endswith("?") and line.words <= 14 and _cap_ratio(s) >= 0.6:
        return False  # a title-cased question is a heading ("A Foothold for Rivals?")
    return line.words >= 25 or (line.words >= 4 and bool(_END_PUNCT_RE.search(s)))


def _is_heading_shape(line: _Line) -> bool:
    """A short line that does not end like a sentence (or ends with ':' / a titled '?')."""
    s = line.stripped
    if line.words == 0 or line.words > 14 or len(s) > 120:
        return False
    if s.endswith(":"):
        return True
    if s.endswith("?"):
        return _cap_ratio(s) >= 0.6
    return not _END_PUNCT_RE.search(s)


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    for m in _LINE_RE.finditer(text):
        if m.start() == m.end():
            break
        raw = m.group()
        body = raw[:-1] if raw.endswith("\n") else raw
        if body.strip():
            lines.append(_Line(m.start(), m.start() + len(body.rstrip()), m.end(), body,
                               len(body.split())))
        elif lines:
            lines[-1].stop = m.end()
        else:  # leading blank lines: attach to the first real line later
            pass
    return lines


# --------------------------------------------------------------------------- segmentation


def _label_patterns(lines: list[_Line]) -> None:
    line_rules, _ = _patterns()
    for ln in lines:
        s = ln.stripped
        for rx, reason, max_words in line_rules:
            if ln.words <= max_words and rx.search(s):
                ln.label, ln.reason = "boilerplate", reason
                break


def _label_repeats(lines: list[_Line]) -> None:
    seen: set[str] = set()
    for ln in lines:
        key = _norm(ln.text)
        if len(key) < 4:
            continue
        if key in seen and ln.reason != "teaser terminator":
            ln.label, ln.reason = "boilerplate", "repeated line"
        seen.add(key)


def _label_lists(lines: list[_Line]) -> None:
    """Tables of contents (bullets that repeat later lines) and link lists."""
    norms = [_norm(_BULLET_RE.sub("", ln.text)) for ln in lines]
    later: dict[str, int] = {}
    for i, k in enumerate(norms):
        later[k] = i  # last index of each text
    i = 0
    while i < len(lines):
        if not _BULLET_RE.match(lines[i].text):
            i += 1
            continue
        j = i
        while j < len(lines) and _BULLET_RE.match(lines[j].text):
            j += 1
        run = lines[i:j]
        toc = [later.get(norms[k], k) > k for k in range(i, j)]
        if sum(toc) >= max(2, len(run) // 2):
            for ln in run:
                ln.label, ln.reason = "boilerplate", "navigation or table of contents"
        elif len(run) >= 3 and all(ln.words <= 12 and not _END_PUNCT_RE.search(ln.stripped) for ln in run) \
                and sum(_cap_ratio(ln.text) for ln in run) / len(run) >= 0.6:
            for ln in run:
                if ln.label is None:
                    ln.label, ln.reason = "boilerplate", "link list"
        i = j


def _label_tails(lines: list[_Line]) -> None:
    """Other articles' teasers and lists after the article ends."""
    # 1) teaser widgets: a bare 'keep reading' / 'show less' control
    terms = [i for i, ln in enumerate(lines) if ln.reason == "teaser terminator"]
    if terms:
        first = terms[0]
        # walk back over the teaser (headline + up to 3 paragraphs) ...
        i = first - 1
        steps = 0
        while i >= 0 and lines[i].label is None and steps < 4:
            i -= 1
            steps += 1
        if i >= 0 and lines[i].label == "boilerplate" and steps > 0:
            for k in range(i + 1, first):
                lines[k].label, lines[k].reason = "boilerplate", "teaser of another article"
            # ... and over the noise (credits, labels, short tag lines) that precedes it
            while i >= 0 and (lines[i].label == "boilerplate"
                              or (lines[i].label is None and lines[i].words <= 8
                                  and not _END_PUNCT_RE.search(lines[i].stripped))):
                if lines[i].label is None:
                    lines[i].label, lines[i].reason = "boilerplate", "teaser of another article"
                i -= 1
        for ln in lines[first:]:
            if ln.label is None or ln.reason == "teaser terminator":
                ln.label, ln.reason = "boilerplate", "teaser of another article"
    # 2) 'Related articles' / 'Most read' headers: the link lines after them. If the
    #    first one is a bullet or numbered item, only such items follow; otherwise
    #    short unpunctuated lines (a list of headlines) do.
    #    A walk passes over short non-prose boilerplate lines unchanged; with many teaser
    #    headers in a row each walk would pass over all the lines after it (quadratic), so
    #    `skip` jumps over such lines (union-find with path compression).
    n = len(lines)
    short = [not _is_prose(ln) and ln.words <= 16 for ln in lines]
    skip = [k + 1 if lines[k].label == "boilerplate" and short[k] else k for k in range(n)] + [n]

    def next_stop(k: int) -> int:
        root = k
        while skip[root] != root:
            root = skip[root]
        while skip[k] != root:
            skip[k], k = root, skip[k]
        return root

    for i, ln in enumerate(lines):
        if ln.reason != "teaser of another article" or ln.words > 8:
            continue
        j = i + 1
        listed = j < n and bool(_BULLET_RE.match(lines[j].text) or _NUMBERED_RE.match(lines[j].text))
        j = next_stop(j)
        while j < n and lines[j].label is None and short[j]:
            is_item = bool(_BULLET_RE.match(lines[j].text) or _NUMBERED_RE.match(lines[j].text))
            if listed != is_item:
                break
            lines[j].label, lines[j].reason = "boilerplate", "link list"
            skip[j] = j + 1
            j = next_stop(j + 1)


def _label_article(lines: list[_Line]) -> None:
    """Title, dek, headings and body among the lines no noise rule claimed."""
    free = [i for i, ln in enumerate(lines) if ln.label is None]
    prose = [i for i in free if _is_prose(lines[i])]
    first_body = prose[0] if prose else None
    last_body = prose[-1] if prose else None
    title_done = False
    for i in free:
        ln = lines[i]
        if first_body is not None and i < first_body:
            if not title_done and _is_heading_shape(ln):
                ln.label, title_done = "title", True
            elif not title_done:
                ln.label = "body"
            elif ln.words <= 45 and _is_prose(ln) is False and _is_heading_shape(ln):
                ln.label = "heading"
            else:
                ln.label = "dek" if ln.words <= 45 else "body"
            continue
        if last_body is not None and i > last_body and _is_heading_shape(ln):
            ln.label, ln.reason = "boilerplate", "navigation or table of contents"
            continue
        if _is_prose(ln):
            ln.label = "body"
        elif _is_heading_shape(ln):
            ln.label = "heading" if (title_done or i != free[0]) else "title"
            title_done = True
        else:
            ln.label = "body"
    # a dek is the short paragraph right after the title that the page sets apart
    # from the body (the next line is page furniture, not the article's text)
    for k, i in enumerate(free):
        if lines[i].label == "title":
            nxt = free[k + 1] if k + 1 < len(free) else None
            if nxt is None or lines[nxt].label != "body" or lines[nxt].words > 45:
                break
            after = nxt + 1
            if after < len(lines) and lines[after].label == "boilerplate" \
                    and lines[after].reason != "teaser terminator":
                lines[nxt].label = "dek"
            break


def _split_cta(text: str, blocks: list[Block]) -> list[Block]:
    """Split body blocks where a reader call-to-action starts inside a paragraph."""
    _, sentence_rules = _patterns()
    if not sentence_rules:
        return blocks
    out: list[Block] = []
    for b in blocks:
        if b.role != "body":
            out.append(b)
            continue
        seg = text[b.start:b.end]
        sents = _punkt_spans(seg)
        cut = None
        for k, (s, e) in enumerate(sents):
            if any(rx.search(seg[s:e]) for rx, _ in sentence_rules):
                rest = sents[k + 1:]
                if all(any(rx.search(seg[s2:e2]) for rx, _ in sentence_rules)
                       or re.search(r"\byou(r)?\b", seg[s2:e2], re.I) for s2, e2 in rest):
                    cut = s
                break
        if cut is None or cut == 0:
            if cut == 0:
                out.append(Block(b.start, b.end, "boilerplate", "call to action"))
            else:
                out.append(b)
            continue
        out.append(Block(b.start, b.start + cut, "body"))
        out.append(Block(b.start + cut, b.end, "boilerplate", "call to action"))
    return out


def segment_text(text: str) -> list[Block]:
    """Label every character of ``text`` with a block role.

    Rules, in order (each only claims lines no earlier rule claimed):
    1. line patterns from ``data/boilerplate_patterns.csv`` (share residue,
       datelines, bylines, player residue, captions and credits, section labels,
       newsletter/cookie prompts, related-article headers, teaser controls);
    2. repetition: a line that already appeared earlier is a repeated line;
    3. bulleted runs: a table of contents when the bullets repeat later lines,
       a link list when they are short title-cased phrases;
    4. position after the article ends: other articles' teasers around a
       'keep reading' control, and link lists after 'Related'/'Most read';
    5. the rest by shape: the first short unpunctuated line before the body is
       the title, a short paragraph set apart after it the dek, short lines among
       the body headings, sentence-shaped lines body; short lines after the last
       body paragraph are navigation;
    6. inside body paragraphs, reader calls to action ('share your thoughts in the
       comments below') to the end of the paragraph.

    Returns
    -------
    list of Block
        Contiguous blocks tiling ``text`` (one per line, blank lines attached to
        the preceding line; the first block also takes leading whitespace).
    """
    if not text:
        return []
    lines = _split_lines(text)
    if not lines:
        return [Block(0, len(text), "boilerplate", "metadata/dateline")]
    _label_patterns(lines)
    _label_repeats(lines)
    _label_lists(lines)
    _label_tails(lines)
    _label_article(lines)
    blocks: list[Block] = []
    for k, ln in enumerate(lines):
        start = 0 if k == 0 else ln.start
        role = ln.label or "body"
        reason = ln.reason if role == "boilerplate" else ""
        if reason == "teaser terminator":
            reason = "teaser of another article"
        blocks.append(Block(start, ln.stop, role, reason))
    blocks = _split_cta(text, blocks)
    # merge adjacent blocks with the same role and reason? No: one block per line keeps
    # the audit table readable line by line.
    if blocks[-1].end != len(text):  # pragma: no cover - defensive
        last = blocks[-1]
        blocks[-1] = Block(last.start, len(text), last.role, last.reason)
    return blocks


# --------------------------------------------------------------------------- sentences, tokens


def sentence_spans(text: str, blocks: Iterable[Block]) -> list[tuple[int, int]]:
    """Punkt sentence spans inside the article blocks; never across a block."""
    out = []
    for b in blocks:
        if b.role == "boilerplate":
            continue
        seg = text[b.start:b.end]
        for s, e in _punkt_spans(seg):
            out.append((b.start + s, b.start + e))
    return out


# NLTK runs Punkt's regular expressions under a 5-second wall-clock limit per call (nltk.redos)
# and raises TimeoutError past it; Punkt's cost per candidate sentence end is high (about 7 µs
# per character on a line of "Mr. Mr. ..."), so one line of a megabyte fails. A block longer than
# this (no news paragraph is: a long one has ~3,000 characters) is split into pieces of at most
# this many characters, each cut after the last sentence end (else the last whitespace) of its
# second half, and each piece is split into sentences alone.
PUNKT_MAX_CHARS = 100_000
_PIECE_END = re.compile(r"[.!?…][\"”’')\]]*\s+|\s+")


def _punkt_spans(seg: str) -> list[tuple[int, int]]:
    """Punkt sentence spans of one block (pieces of :data:`PUNKT_MAX_CHARS` for an over-long one)."""
    tok = _sentence_tokenizer()
    if len(seg) <= PUNKT_MAX_CHARS:
        return list(tok.span_tokenize(seg))
    out, i = [], 0
    while i < len(seg):
        j = min(len(seg), i + PUNKT_MAX_CHARS)
        if j < len(seg):
            cut = best = 0
            for m in _PIECE_END.finditer(seg, i + PUNKT_MAX_CHARS // 2, j):
                if not m.group()[0].isspace():
                    best = m.end()   # after a sentence end
                cut = m.end()        # after whitespace
            j = best or cut or j
            while j < len(seg) and seg[j].isspace():   # the next piece starts at a word
                j += 1
        out.extend((i + s, i + e) for s, e in tok.span_tokenize(seg[i:j]) if e > s)
        i = j
    return out


def token_spans(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Word-token spans (``\\w+`` with inner apostrophes, hyphens, periods) inside spans."""
    out = []
    for s, e in spans:
        out.extend(m.span() for m in _TOKEN_RE.finditer(text, s, e))
    return out


# --------------------------------------------------------------------------- metadata

_MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_DATE_RES = [
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), "ymd"),
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"), "mdy"),
    (re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b", re.I), "Mdy"),  # noqa: E501
    (re.compile(r"\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b", re.I), "dMy"),  # noqa: E501
]


def extract_date(text: str, blocks: Iterable[Block]) -> str:
    """First date in a metadata/dateline block, as ISO ``YYYY-MM-DD``; '' if none.

    Dates in the body are event dates, not publication dates, so only the page's
    metadata lines are searched.
    """
    for b in blocks:
        if b.reason != "metadata/dateline":
            continue
        seg = text[b.start:b.end]
        for rx, kind in _DATE_RES:
            m = rx.search(seg)
            if not m:
                continue
            g = m.groups()
            try:
                if kind == "ymd":
                    y, mo, d = int(g[0]), int(g[1]), int(g[2])
                elif kind == "mdy":
                    mo, d, y = int(g[0]), int(g[1]), int(g[2])
                elif kind == "Mdy":
                    mo, d, y = _MONTHS[g[0][:3].lower()], int(g[1]), int(g[2])
                else:
                    d, mo, y = int(g[0]), _MONTHS[g[1][:3].lower()], int(g[2])
            except (KeyError, ValueError):
                continue
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    return ""


DATE_FLAG = "date not understood (kept as given)"
_ISO_DAY_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_YMD_RE = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")
_NUMERIC_RE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_WEEKDAY_RE = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.I)
_MDY_RE = re.compile(r"([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.I)
_DMY_RE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})", re.I)
_MY_RE = re.compile(r"([a-z]{3,9})\.?,?\s+(\d{4})", re.I)


def _month(name: str) -> int | None:
    """1-12 for an English month name or its three-letter abbreviation (``sept`` too), else None."""
    n = name.lower()
    m = _MONTHS.get(n[:3])
    full = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december"]
    return m if m and (len(n) == 3 or full[m - 1].startswith(n)) else None


def _iso_day(y: int, m: int | None, d: int) -> str | None:
    import datetime

    try:
        return datetime.date(y, m, d).isoformat() if m else None
    except ValueError:
        return None


def normalise_date(raw: str) -> tuple[str, bool]:
    """A date as given by a person -> ``(ISO text, understood)``.

    Accepted: ``2023-08-01`` (with or without a time, which is dropped),
    ``2023/08/01``, ``31/07/2023`` or ``7/31/2023`` (day and month told apart
    only when one of them is over 12; equal numbers are fine), ``August 1, 2023``,
    ``1 Aug 2023`` (a leading weekday ignored), and the partial ISO forms ``2023-07``
    and ``2023``, kept as they are. Anything else, an impossible date (``2023-02-30``)
    or an ambiguous one (``03/04/2023``) is returned unchanged with ``understood``
    False, so that a reader can see what was given. '' is ('', True).
    """
    s = (raw or "").strip()
    if not s:
        return "", True
    if re.fullmatch(r"\d{4}", s):
        return s, True
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", s)
    if m:
        return (f"{int(m[1]):04d}-{int(m[2]):02d}", True) if 1 <= int(m[2]) <= 12 else (s, False)
    day = None
    if m := _ISO_DAY_RE.fullmatch(s) or _YMD_RE.fullmatch(s):
        day = _iso_day(int(m[1]), int(m[2]), int(m[3]))
    elif m := _NUMERIC_RE.fullmatch(s):
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        if a > 12 or a == b:
            day = _iso_day(y, b, a)
        elif b > 12:
            day = _iso_day(y, a, b)
    else:
        t = _WEEKDAY_RE.sub("", s)
        if m := _MDY_RE.fullmatch(t):
            day = _iso_day(int(m[3]), _month(m[1]), int(m[2]))
        elif m := _DMY_RE.fullmatch(t):
            day = _iso_day(int(m[3]), _month(m[2]), int(m[1]))
        elif (m := _MY_RE.fullmatch(t)) and _month(m[1]):
            return f"{int(m[2]):04d}-{_month(m[1]):02d}", True
    return (day, True) if day else (s, False)


def _flags(text: str, blocks: list[Block], tokens: list[tuple[int, int]]) -> list[str]:
    flags = []
    if not any(b.role == "title" for b in blocks):
        flags.append("no title")
    if not any(b.role == "body" for b in blocks):
        flags.append("no body")
    if tokens:
        fw = _function_words()
        sample = tokens[:2000]
        share = sum(1 for s, e in sample if text[s:e].lower() in fw) / len(sample)
        if len(sample) >= 20 and share < 0.12:
            flags.append("possibly not English")
    for o, c in (("“", "”"),):
        if text.count(o) != text.count(c):
            flags.append("unbalanced quotation marks")
    if text.count('"') % 2:
        flags.append("unbalanced quotation marks")
    return sorted(set(flags))


# --------------------------------------------------------------------------- documents


def document_from_text(text: str, doc_id: str = "doc", *, meta: dict | None = None,
                       path: str = "") -> Document:
    """Build a :class:`Document` from raw text (no file needed).

    ``meta`` may carry ``title``, ``outlet``, ``date`` (e.g. from sources.csv);
    they take precedence over values extracted from the text.
    """
    if not isinstance(text, str):
        raise TypeError("text must be str")
    meta = dict(meta or {})
    given = meta.pop(META_FROM_KEY, "sources.csv")
    blocks = segment_text(text)
    sentences = sentence_spans(text, blocks)
    content = []
    for b in blocks:
        if b.role != "boilerplate":
            if content and content[-1][1] == b.start:
                content[-1] = (content[-1][0], b.end)
            else:
                content.append((b.start, b.end))
    tokens = token_spans(text, content)
    title_block = next((b for b in blocks if b.role == "title"), None)
    title_text = text[title_block.start:title_block.end].strip() if title_block else ""
    date_text = extract_date(text, blocks)
    info = {
        "title_extracted": title_text,
        "date_extracted": date_text,
        "title_source": given if meta.get("title") else ("text" if title_text else ""),
        "date_source": given if meta.get("date") else ("text" if date_text else ""),
        "outlet_source": given if meta.get("outlet") else "",
    }
    extra = {k: v for k, v in meta.items() if k not in ("title", "date", "outlet")}
    info.update(extra)
    flags = _flags(text, blocks, tokens)
    date, understood = normalise_date(meta.get("date") or "")
    if not understood:
        info["date_given"] = meta["date"]
        flags = sorted({*flags, DATE_FLAG})
    return Document(
        doc_id=doc_id, text=text, blocks=blocks, sentences=sentences, tokens=tokens,
        title=meta.get("title") or title_text, date=date or date_text,
        outlet=meta.get("outlet") or "", path=path, meta=info,
        flags=flags,
    )


def line_documents(path: str | Path, prefix: str) -> list[Document]:
    """One :class:`Document` per non-empty line of a UTF-8 text file (sentence fixtures).

    The id of a line's document is ``prefix`` plus its 1-based line number in two digits
    (``sent01``, ``sent02``, ``sent04`` when line 3 is empty), the ids the hand annotation
    (``annotations/terms.csv``) uses. Each document's text is the line alone, without its
    line break, so offsets are offsets into the line.
    """
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    return [document_from_text(line, f"{prefix}{i:02d}") for i, line in enumerate(lines, start=1) if line]


_FILE_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
               (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
# non-blocking: opening a FIFO must never wait for a writer (a regular file ignores the flag)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def _not_regular(mode: int) -> str:
    """Why an entry that is not a regular file is refused, naming what it is."""
    kind = next((name for is_kind, name in _FILE_KINDS if is_kind(mode)), "an unknown kind of entry")
    return f"not a regular file ({kind})"


def _os_reason(e: OSError, path: Path, what: str = "file") -> str:
    """The problem an operating-system error on ``path`` means, in words (no errno, no path)."""
    if e.errno == errno.ENOENT:
        if os.path.islink(path):
            return "broken symbolic link (its target does not exist)"
        return "no such file or directory"
    if e.errno == errno.ELOOP:
        return "symbolic link loop"
    if e.errno in (errno.EACCES, errno.EPERM):
        return f"permission denied (cannot read the {what})"
    if e.errno == errno.ENOTDIR:
        return "no such file or directory (a part of the path is not a folder)"
    return f"cannot read the {what}: {e.strerror or e}"


def _stat(path: Path, what: str = "file") -> os.stat_result:
    """``os.stat(path)`` (links followed), or a :class:`CorpusError` saying why not."""
    try:
        return os.stat(path)
    except OSError as e:
        raise CorpusError(_os_reason(e, path, what), path) from None


def _check_size(size: int, max_bytes: int, path: Path) -> None:
    """Refuse an empty file and one over ``max_bytes``."""
    if size == 0:
        raise CorpusError("empty file", path)
    if size > max_bytes:
        raise CorpusError(f"file too large ({size:,} bytes; the limit is {max_bytes:,}, see --max-bytes)", path)


def _read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of 1 to ``max_bytes`` bytes.

    Anything else is refused before its content is read: the entry is checked
    before it is opened, and the opened descriptor again (it may have been
    replaced in between), so a FIFO or device never blocks the run.
    """
    mode = _stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise CorpusError(_not_regular(mode), path)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as e:
        raise CorpusError(_os_reason(e, path), path) from None
    with open(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise CorpusError(_not_regular(st.st_mode), path)
        _check_size(st.st_size, max_bytes, path)
        try:
            data = fh.read(max_bytes + 1)
        except OSError as e:
            raise CorpusError(_os_reason(e, path), path) from None
    _check_size(len(data), max_bytes, path)  # it may have changed since the fstat
    return data


def read_article(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read one article as UTF-8 text, or raise :class:`CorpusError` saying why not.

    Refused: anything but a regular file (a FIFO, device or socket is never read),
    an unreadable, empty or over-``max_bytes`` file, a NUL byte anywhere (binary),
    bytes that are not UTF-8, whitespace only, an HTML page.
    """
    p = Path(path)
    return check_text(decode_text(_read_regular_file(p, max_bytes), p), p)


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode_text(data: bytes, path=None) -> str:
    """Bytes of a text file -> str: UTF-8 (a leading byte-order mark removed), or UTF-16 when the
    bytes start with a UTF-16 byte-order mark (removed too). The BOM is never part of the text,
    so offsets index the text after it (see the offsets contract in DESIGN.md)."""
    if data.startswith(_UTF16_BOMS) and not data.startswith(b"\xff\xfe\x00\x00"):
        try:
            return data.decode("utf-16")  # the codec reads the BOM for the byte order and drops it
        except UnicodeDecodeError as e:
            raise CorpusError(f"not UTF-16 text although it starts with a UTF-16 byte-order mark "
                              f"(invalid bytes at offset {e.start})", path) from None
    if b"\x00" in data:
        raise CorpusError("binary file (contains NUL bytes), not text", path)
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as e:
        raise CorpusError(f"not UTF-8 text (invalid byte 0x{data[e.start]:02x} at offset {e.start}); "
                          "convert it with iconv first", path) from None


def check_text(text: str, path=None, what: str = "file") -> str:
    """An article's decoded text with universal newlines, or :class:`CorpusError` when it is not
    article text (NUL characters, only whitespace, an HTML page)."""
    if "\x00" in text:
        raise CorpusError(f"binary {what} (contains NUL characters), not text", path)
    # the contract is read_text's view of the file: universal newlines
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise CorpusError(f"{what} has no text (only whitespace)", path)
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        raise CorpusError("looks like an HTML page, not article text; extract the text first", path)
    return text


@contextmanager
def _csv_field_limit(size: int):
    """Let the csv module read fields of up to ``size`` characters (its default stops at 131,072)."""
    old = csv.field_size_limit()
    csv.field_size_limit(max(old, min(size + 1, 2**31 - 1)))  # a C long on every platform
    try:
        yield
    finally:
        csv.field_size_limit(old)


def read_sources(folder: Path) -> dict[str, dict]:
    """Metadata rows of ``sources.csv`` in ``folder``, keyed by doc_id ({} if absent).

    UTF-8 with or without a byte-order mark (Excel's "CSV UTF-8"); fields of any
    size. Each problem is a :class:`CorpusError` naming the file (and the line).
    """
    f = folder / "sources.csv"
    try:
        mode = os.stat(f).st_mode
    except FileNotFoundError:
        return {}
    except OSError as e:
        raise CorpusError(_os_reason(e, f), f) from None
    if not stat.S_ISREG(mode):
        raise CorpusError(_not_regular(mode), f)
    try:
        text = f.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as e:
        raise CorpusError(f"not UTF-8 text (invalid byte at offset {e.start})", f) from None
    except OSError as e:
        raise CorpusError(_os_reason(e, f), f) from None
    with _csv_field_limit(len(text)), io.StringIO(text, newline="") as fh:
        reader = csv.DictReader(fh, strict=True)  # strict: an unclosed quote is an error, not the rest of the file
        try:
            if "doc_id" not in (reader.fieldnames or []):
                raise CorpusError("no doc_id column" if reader.fieldnames else "empty file (no header row)", f)
            return {_source_key(r["doc_id"]): _source_row(r, reader.line_num, f) for r in reader}
        except csv.Error as e:  # line_num is where the last good row ended: this row starts on the next line
            raise CorpusError(f"line {reader.line_num + 1}: malformed CSV ({e})", f) from None


def _source_key(doc_id: str | None) -> str:
    """A sources.csv doc_id as the article's doc_id: ``a.txt`` (any case) names the article ``a``."""
    doc_id = (doc_id or "").strip()
    return doc_id[:-4] if doc_id.lower().endswith(".txt") else doc_id


def _source_row(row: dict, line: int, f: Path) -> dict:
    """One row of ``sources.csv`` as metadata; analyst_* columns hold human coding and are left out, so
    that no computation can read them (the validation notebook reads the CSV itself)."""
    if None in row:
        raise CorpusError(f"line {line}: more fields than the header has columns (a comma in a value needs "
                          "quotes)", f)
    return {k: (v or "") for k, v in row.items() if k and not k.startswith("analyst_")}


def _is_txt(name: str) -> bool:
    return name.lower().endswith(".txt") and len(name) > 4


def _txt_entries(folder: Path, recursive: bool = False) -> list[Path]:
    """Every ``*.txt`` entry of ``folder`` (``.TXT`` too), sorted by name (links, folders and FIFOs
    included); with ``recursive``, those of its subfolders as well (symbolic links to folders are
    not followed, so a loop cannot be walked forever)."""
    try:
        with os.scandir(folder) as entries:
            found = sorted((e.name, e.is_dir(follow_symlinks=False)) for e in entries)
    except OSError as e:
        raise CorpusError(_os_reason(e, folder, "folder"), folder) from None
    files = []
    for name, is_dir in found:
        if _is_txt(name):
            files.append(folder / name)
        elif is_dir and recursive:
            files.extend(_txt_entries(folder / name, recursive=True))
    return files


def list_articles(path: str | Path, recursive: bool = False) -> tuple[list[Path], dict[str, dict]]:
    """The ``.txt`` files a PATH names (a regular file, or a folder's ``*.txt``) and their metadata.

    In a folder every ``*.txt`` entry is listed, even a broken link, a folder or a
    FIFO: :func:`read_article` reports it, nothing is skipped. PATH itself must be
    a folder or a regular file.
    """
    p = Path(path)
    mode = _stat(p, "folder or file").st_mode
    if stat.S_ISDIR(mode):
        files = _txt_entries(p, recursive)
        if not files:
            hint = "" if recursive or not _has_subfolders(p) else " (its subfolders are read with --recursive)"
            raise CorpusError(f"no .txt articles in this folder{hint}", p)
        return files, read_sources(p)
    if not stat.S_ISREG(mode):
        raise CorpusError(_not_regular(mode), p)
    return [p], read_sources(p.parent)


def _has_subfolders(folder: Path) -> bool:
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        return any(e.is_dir(follow_symlinks=False) for e in entries)
    return False


# --------------------------------------------------------------------------- inputs: folders, files, tables

TABLE_FORMATS = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods", ".numbers")  # refused with advice, never read as article text
TEXT_KEY, ID_KEY = "_text", "_doc_id"  # an item's meta: the text of a table row, a doc_id that is not the stem
META_FROM_KEY = "_meta_from"  # an item's meta: where title, outlet and date come from (default sources.csv)
TABLE_META_COLUMNS = ("title", "outlet", "date")


@dataclass
class Inputs:
    """What a PATH holds, ready to read one item at a time.

    ``items``: ``(path, meta)`` pairs in order; ``path`` names a file, or a table row
    (``table.csv row 3``) whose text is ``meta[TEXT_KEY]``; ``meta[ID_KEY]`` is the
    doc_id when it is not the file's stem. ``errors``: rows of the errors table found
    while listing (a bad table row, a duplicate doc_id). ``warnings``: one line each
    (a sources.csv row that names no article). ``files``: every input file (for
    commands that must not overwrite one). ``single``: PATH is one article file.
    """

    items: list[tuple[str, dict | None]]
    errors: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    single: bool = False


def table_format(path: str | Path) -> str | None:
    """``csv``, ``tsv``, ``jsonl`` or ``parquet`` when PATH names a table by its extension, else None."""
    return TABLE_FORMATS.get(Path(path).suffix.lower())


def list_inputs(path: str | Path, *, text_column: str = "text", id_column: str | None = None,
                recursive: bool = False) -> Inputs:
    """Every article a PATH holds: a folder of ``.txt`` files (``.TXT`` too; subfolders with
    ``recursive``; ``sources.csv`` beside them adds metadata), one article file (any other
    name but a spreadsheet's), or a table (``.csv``, ``.tsv``, ``.jsonl``/``.ndjson``,
    ``.parquet``) with one article per row.

    A table needs a ``text_column``; its doc_id is ``id_column`` (default: ``doc_id`` when the
    table has one, else the row number, zero-padded); ``title``, ``outlet`` and ``date`` columns
    are used when present. A bad row becomes an errors-table row, never the end of the run; a
    missing column is a :class:`CorpusError`.
    """
    p = Path(path)
    mode = _stat(p, "folder or file").st_mode
    if stat.S_ISREG(mode) and table_format(p):
        return _table_inputs(p, table_format(p), text_column, id_column)
    if stat.S_ISREG(mode) and p.suffix.lower() in SPREADSHEETS:
        raise CorpusError("a spreadsheet: save it as CSV (UTF-8) and give that file", p)
    files, sources = list_articles(p, recursive=recursive)
    root = p if stat.S_ISDIR(mode) else p.parent
    inputs = Inputs([], files=[*files, root / "sources.csv"], single=not stat.S_ISDIR(mode))
    seen: dict[str, Path] = {}
    matched = set()
    for f in files:
        rel = f.relative_to(root).with_suffix("").as_posix() if recursive else f.stem
        doc_id = one_line(rel)
        if doc_id in seen:
            inputs.errors.append(error_row(f, f"duplicate doc_id (also {one_line(seen[doc_id])})", doc_id))
            continue
        seen[doc_id] = f
        key = rel if rel in sources else f.stem
        meta = sources.get(key)
        if meta is not None:
            matched.add(key)
        if rel != f.stem:
            meta = {**(meta or {}), ID_KEY: doc_id}
        inputs.items.append((str(f), meta))
    if stat.S_ISDIR(mode):
        inputs.warnings += [f"{one_line(root / 'sources.csv')}: the row for doc_id {k!r} matches no article"
                            for k in sources if k not in matched]
    return inputs


def _table_inputs(p: Path, fmt: str, text_column: str, id_column: str | None) -> Inputs:
    """The rows of a table as items (see :func:`list_inputs`)."""
    header, rows, errors = _read_table(p, fmt)
    if text_column not in header:
        raise CorpusError(f"no text column {text_column!r} (columns: {', '.join(map(repr, header)) or 'none'}; "
                          "see --text-column)", p)
    if id_column and id_column not in header:
        raise CorpusError(f"no id column {id_column!r} (columns: {', '.join(map(repr, header))}; see --id-column)", p)
    id_column = id_column or ("doc_id" if "doc_id" in header else None)
    width = len(str(len(rows) + len(errors)))
    inputs = Inputs([], files=[p])
    seen: dict[str, int] = {}
    for n, row in rows:
        where = f"{p} row {n}"
        doc_id = _cell(row.get(id_column)) if id_column else f"{n:0{width}d}"
        text = row.get(text_column)
        if not doc_id.strip():
            inputs.errors.append(error_row(where, f"empty {id_column} value", doc_id=f"row {n}"))
        elif doc_id in seen:
            inputs.errors.append(error_row(where, f"duplicate doc_id (also row {seen[doc_id]})", doc_id=doc_id))
        elif not isinstance(text, str):
            got = "no value" if text is None else f"a {type(text).__name__}, not text"
            inputs.errors.append(error_row(where, f"the {text_column!r} column holds {got}", doc_id=doc_id))
        else:
            seen[doc_id] = n
            meta = {k: _cell(row[k]) for k in TABLE_META_COLUMNS if k in row and _cell(row[k])}
            inputs.items.append((where, {**meta, TEXT_KEY: text, ID_KEY: doc_id, META_FROM_KEY: "table"}))
    inputs.errors += [error_row(f"{p} row {n}", reason, doc_id=f"row {n}") for n, reason in errors]
    return inputs


def _cell(value) -> str:
    """A metadata cell as text: None and NaN are '', a date is ISO, a whole float has no '.0'."""
    import datetime
    import math

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_table(p: Path, fmt: str) -> tuple[list[str], list[tuple[int, dict]], list[tuple[int, str]]]:
    """A table file -> (column names, [(row number, row)], [(row number, problem)]); rows numbered from 1."""
    if fmt == "parquet":
        return _read_parquet(p)
    text = decode_text(_read_regular_file(p, max(_stat(p).st_size, 1)), p)  # a table has no size limit
    if fmt == "jsonl":
        return _read_jsonl(text)
    return _read_csv_table(text, p, delimiter="\t" if fmt == "tsv" else ",")


def _read_csv_table(text: str, p: Path, delimiter: str = ","):
    rows, errors = [], []
    with _csv_field_limit(len(text)), io.StringIO(text, newline="") as fh:
        reader = csv.DictReader(fh, strict=True, delimiter=delimiter)
        header = [h for h in (reader.fieldnames or []) if h]
        if not reader.fieldnames:
            raise CorpusError("empty file (no header row)", p)
        n = 0
        try:
            for row in reader:
                n += 1
                if None in row:
                    errors.append((n, f"line {reader.line_num}: more fields than the header has columns"))
                else:
                    rows.append((n, row))
        except csv.Error as e:  # the rest of the file cannot be parsed: one error row says so
            errors.append((n + 1, f"line {reader.line_num + 1}: malformed CSV ({e}); the rest of the table was "
                                  "not read"))
    return header, rows, errors


def _read_jsonl(text: str):
    import json

    rows, errors, header = [], [], {}
    n = 0
    for line_no, line in enumerate(text.split("\n"), start=1):  # not splitlines: U+2028 may sit inside a string
        if not line.strip():
            continue
        n += 1
        try:
            row = json.loads(line)
        except ValueError as e:
            errors.append((n, f"line {line_no}: not JSON ({e})"))
            continue
        if not isinstance(row, dict):
            errors.append((n, f"line {line_no}: not a JSON object"))
            continue
        header.update(dict.fromkeys(row))
        rows.append((n, row))
    return list(header), rows, errors


def _read_parquet(p: Path):
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise CorpusError("reading Parquet needs pyarrow (pip install pyarrow), or give a CSV or JSONL table",
                          p) from None
    try:
        table = pq.read_table(p)
    except Exception as e:  # noqa: BLE001 -- pyarrow raises several kinds for a bad file
        raise CorpusError(f"not a readable Parquet file ({type(e).__name__}: {one_line(str(e))[:200]})", p) from None
    return list(table.column_names), list(enumerate(table.to_pylist(), start=1)), []


def item_doc_id(path: str, meta: dict | None) -> str:
    """The doc_id of an item of :class:`Inputs`."""
    return (meta or {}).get(ID_KEY) or doc_id_of(path)


def read_item(path: str, meta: dict | None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """The :class:`Document` of an item of :class:`Inputs` (a file read, or a table row's text checked)."""
    meta = dict(meta or {})
    doc_id = meta.pop(ID_KEY, None) or doc_id_of(path)
    if TEXT_KEY in meta:
        text = meta.pop(TEXT_KEY)
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            raise CorpusError(f"text too large ({size:,} bytes; the limit is {max_bytes:,}, see --max-bytes)", path)
        text = check_text(text.removeprefix("\ufeff"), path, what="row")
    else:
        text = read_article(path, max_bytes=max_bytes)
    return document_from_text(text, doc_id, meta=meta or None, path=path)


def doc_id_of(path: str | Path) -> str:
    """A file's doc_id: its stem, shown safely (bytes that are not UTF-8 and control characters escaped)."""
    return one_line(Path(path).stem)


def error_row(path: str | Path, reason: str, doc_id: str | None = None) -> dict:
    """A row of an errors table: ``path`` and ``doc_id`` (default: the file's) shown safely, ``error`` the
    reason alone."""
    return {"path": one_line(path), "doc_id": one_line(doc_id) if doc_id is not None else doc_id_of(path),
            "error": one_line(reason)}


class CorpusWarning(UserWarning):
    """Something in the input that is probably a mistake but costs no article (a sources.csv row
    that names no article)."""


def iter_documents(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, errors: list | None = None, *,
                   text_column: str = "text", id_column: str | None = None,
                   recursive: bool = False) -> Iterator[Document]:
    """Yield documents one at a time (memory bounded by the largest article; a table is read whole).

    PATH is what :func:`list_inputs` accepts. Files or rows that cannot be read are
    appended to ``errors`` as ``{"path", "doc_id", "error"}`` rows (:func:`error_row`)
    when a list is given; a single-file PATH that cannot be read raises
    :class:`CorpusError`. Each sources.csv row that names no article is a
    :class:`CorpusWarning`.
    """
    import warnings

    inputs = list_inputs(path, text_column=text_column, id_column=id_column, recursive=recursive)
    for w in inputs.warnings:
        warnings.warn(w, CorpusWarning, stacklevel=2)
    if inputs.errors and errors is None:
        e = inputs.errors[0]
        raise CorpusError(e["error"], e["path"])
    if errors is not None:
        errors.extend(inputs.errors)
    for item_path, meta in inputs.items:
        try:
            doc = read_item(item_path, meta, max_bytes=max_bytes)
        except CorpusError as e:
            if inputs.single or errors is None:
                raise
            errors.append(error_row(item_path, e.reason, item_doc_id(item_path, meta)))
            continue
        yield doc


def load_corpus(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, story=None, *, text_column: str = "text",
                id_column: str | None = None, recursive: bool = False) -> Corpus:
    """Read a folder of ``.txt`` articles, one file, or a table (CSV, JSONL, Parquet) into a :class:`Corpus`.

    ``sources.csv`` beside the articles, when present, supplies outlet, title and
    date; a table's own ``title``, ``outlet`` and ``date`` columns do (see
    :func:`list_inputs` for ``text_column``, ``id_column`` and ``recursive``). Dates
    are normalised to ISO (:func:`normalise_date`). Unreadable files or rows are
    listed in ``Corpus.errors`` (the run goes on); a missing path or a folder with
    no articles raises :class:`CorpusError`. ``story`` (a pack name, folder or
    :class:`framing.story.Story`) is validated here and applied by every table of
    the corpus; None (default) uses generic data only.
    """
    from .story import load_story

    pack = load_story(story)
    errors: list[dict] = []
    docs = list(iter_documents(path, max_bytes=max_bytes, errors=errors, text_column=text_column,
                               id_column=id_column, recursive=recursive))
    return Corpus(docs, errors, str(path), pack)


# --------------------------------------------------------------------------- tables


def segments_table(corpus: Iterable[Document]):
    """One row per block: doc_id, start, end, role, reason, n_chars, text.

    ``text`` is ``doc.text[start:end]``, so the table is a complete audit of what
    was kept and what was labelled noise.
    """
    import pandas as pd

    rows = [
        {"doc_id": d.doc_id, "start": b.start, "end": b.end, "role": b.role, "reason": b.reason,
         "n_chars": b.end - b.start, "text": d.text[b.start:b.end]}
        for d in corpus for b in d.blocks
    ]
    cols = ["doc_id", "start", "end", "role", "reason", "n_chars", "text"]
    return pd.DataFrame(rows, columns=cols)


def documents_table(corpus: Iterable[Document]):
    """One row per document (the ``framing corpus`` table).

    Columns: doc_id, title, outlet, date, n_chars (all characters), n_body_chars
    (characters in body blocks), n_article_chars (title + dek + headings + body),
    n_removed_chars (characters in boilerplate blocks), n_sentences and n_tokens
    (inside article blocks), title_source / date_source (``sources.csv``, ``table``, ``text``
    or empty), doc_flags (``;``-separated; not ``flags``, which would shadow ``DataFrame.flags``), language,
    assessable and
    not_assessed_reason (see :mod:`framing.language`: only an English article of at
    least ``MIN_TOKENS`` article words gets a verdict).
    """
    import pandas as pd

    from .language import assess

    rows = []
    for d in corpus:
        gate = assess(d)
        by_role = {r: 0 for r in ROLES}
        for b in d.blocks:
            by_role[b.role] += b.end - b.start
        rows.append({
            "doc_id": d.doc_id, "title": d.title, "outlet": d.outlet, "date": d.date,
            "n_chars": len(d.text), "n_body_chars": by_role["body"],
            "n_article_chars": sum(by_role[r] for r in ARTICLE_ROLES),
            "n_removed_chars": by_role["boilerplate"],
            "n_sentences": len(d.sentences), "n_tokens": len(d.tokens),
            "title_source": d.meta.get("title_source", ""), "date_source": d.meta.get("date_source", ""),
            "doc_flags": ";".join(d.flags),
            "language": gate.language, "assessable": gate.assessable, "not_assessed_reason": gate.reason,
        })
    cols = ["doc_id", "title", "outlet", "date", "n_chars", "n_body_chars", "n_article_chars",
            "n_removed_chars", "n_sentences", "n_tokens", "title_source", "date_source", "doc_flags",
            "language", "assessable", "not_assessed_reason"]
    return pd.DataFrame(rows, columns=cols)
