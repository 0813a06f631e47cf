"""What the development-corpus readers share: the article record, hash splits, word tokens, gold masks.

Nothing here reads a corpus; the readers (:mod:`.ptc`, :mod:`.basil`, :mod:`.recasens`) do.
"""
from __future__ import annotations

import bisect
import hashlib
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from . import DevdataError

SPLITS = ("train", "dev", "test")
# declared before any score was looked at: 70 % train, 15 % dev (threshold and C), 15 % test (reported)
SPLIT_FRACTIONS = (0.70, 0.15, 0.15)

_LETTER_RE = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Article:
    """One annotated article of a development corpus.

    Attributes
    ----------
    doc_id : str
        ``"<dataset>:<id>"``, unique across corpora.
    text : str
        The article text; every span is a character offset into it.
    gold : tuple of (int, int)
        Spans whose words count as loaded (the labels the reader declares gold), sorted.
    labels : tuple of (int, int, str)
        Every annotated span with its label (gold or not), sorted.
    group : str
        The unit the split is drawn on (the article for PTC, the event for BASIL).
    split : str
        ``train``, ``dev`` or ``test``.
    dataset : str
        ``ptc`` or ``basil`` (or any name, for a synthetic corpus).
    notes : tuple of str
        Annotation problems met while reading (a span that could not be placed, ...).
    """

    doc_id: str
    text: str
    gold: tuple
    labels: tuple = ()
    group: str = ""
    split: str = "train"
    dataset: str = ""
    notes: tuple = field(default=())


def hash_split(key: str, fractions: Sequence[float] = SPLIT_FRACTIONS) -> str:
    """``train``/``dev``/``test`` from the SHA-256 of ``key`` (stable across runs, machines, Python versions).

    >>> hash_split("111111111")
    'train'
    """
    x = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big") / 2.0 ** 64
    cum = list(itertools.accumulate(fractions))
    for name, c in zip(SPLITS, cum):
        if x < c:
            return name
    return SPLITS[-1]


def require_dir(folder, what: str, inside: Sequence[str] = ()) -> Path:
    """``Path(folder)`` if it is a folder holding ``inside``; else a one-line :class:`DevdataError`."""
    p = Path(folder)
    if not p.is_dir():
        raise DevdataError(f"{p}: {what} folder not found (give the path of ../shared/devdata or of {what} itself)")
    for name in inside:
        if not (p / name).exists():
            raise DevdataError(f"{p}: not a {what} folder (no {name})")
    return p


def files_sha256(paths: Iterable[Path], root: Path) -> str:
    """SHA-256 over the files read: each file's path relative to ``root`` and the digest of its bytes,
    in sorted order (so the digest names the data, not where it is stored)."""
    h = hashlib.sha256()
    for p in sorted(Path(x) for x in paths):
        h.update(p.relative_to(root).as_posix().encode("utf-8") + b"\0")
        h.update(hashlib.sha256(p.read_bytes()).hexdigest().encode("ascii") + b"\n")
    return h.hexdigest()


def word_tokens(text: str) -> list[tuple[int, int]]:
    """Word tokens of ``text`` as (start, end): the package's tokens (:func:`framing.corpus.token_spans`)
    that hold at least one letter (numbers are not words that can be loaded)."""
    from ..corpus import token_spans

    return [(s, e) for s, e in token_spans(text, [(0, len(text))]) if _LETTER_RE.search(text, s, e)]


def overlap_mask(tokens: Sequence[tuple[int, int]], spans: Iterable[tuple[int, int]]) -> list[bool]:
    """For each token, does it share at least one character with one of ``spans``?

    >>> overlap_mask([(0, 3), (4, 8), (9, 12)], [(5, 7)])
    [False, True, False]
    """
    st = sorted((s, e) for s, e in spans if e > s)
    starts = [s for s, _ in st]
    maxend = list(itertools.accumulate((e for _, e in st), max))
    out = []
    for s, e in tokens:
        k = bisect.bisect_left(starts, e)   # spans starting before the token ends
        out.append(bool(k) and maxend[k - 1] > s)
    return out
