"""BASIL (Fan et al., EMNLP 2019): 100 events told by three outlets, with lexical-bias phrase spans.

Layout read (as published, launchnlp/BASIL @ 4fdbc4f)::

    basil/articles/<year>/<EVENT>_<n>.json          title, source, body-paragraphs (list of lists of sentences)
    basil/annotations/<year>/<EVENT>_<n>_ann.json   phrase-level-annotations: start, end, txt, bias (lex/inf)

BASIL gives no article text, only sentences; the text built here is the title, a blank line, then
the paragraphs separated by blank lines, the sentences of a paragraph joined by one space. A span's
offsets count from the start of its sentence, which the annotation does not name: it is placed in the
(first) sentence, or the title, where ``sentence[start:end] == txt``; a span found nowhere is skipped
and noted. Gold (loaded): the words inside spans with ``bias == "lex"``.

Split: :func:`split_of`, by the SHA-256 of the event id (the ``<EVENT>`` part of the file name, the
same for the three outlets), 70/15/15, so the three tellings of one event are always on the same side.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from . import DevdataError
from ._common import Article, files_sha256, hash_split, require_dir

GOLD_BIAS = ("lex",)
_NAME_RE = re.compile(r"^(.+)_(\d+)\.json$")


def split_of(event_id: str) -> str:
    """``train``, ``dev`` or ``test`` for a BASIL event id (the triplet uuid): 70/15/15 by SHA-256 of the id."""
    return hash_split(str(event_id))


def event_of(stem: str) -> str:
    """The event id of an article file stem (``<EVENT>_<n>`` -> ``<EVENT>``)."""
    return stem.rsplit("_", 1)[0]


def folder_of(path) -> Path:
    """The ``basil`` folder: ``path`` itself or ``path/basil`` (so the devdata root can be given)."""
    p = Path(path)
    return p / "basil" if (p / "basil").is_dir() and not (p / "articles").is_dir() else p


def _pairs(p: Path) -> list[tuple[Path, Path]]:
    out = []
    for a in sorted(p.glob("articles/*/*.json")):
        ann = p / "annotations" / a.parent.name / (a.stem + "_ann.json")
        if not _NAME_RE.match(a.name):
            continue
        if not ann.is_file():
            raise DevdataError(f"{a}: no annotation file {ann.relative_to(p)}")
        out.append((a, ann))
    if not out:
        raise DevdataError(f"{p}: no articles/<year>/<EVENT>_<n>.json files")
    return out


def source_files(path) -> list[Path]:
    """Every file :func:`read_basil` reads (for the data digest)."""
    p = require_dir(folder_of(path), "BASIL", ("articles", "annotations"))
    return sorted(f for pair in _pairs(p) for f in pair)


def data_sha256(path) -> str:
    """SHA-256 over the files :func:`read_basil` reads."""
    p = folder_of(path)
    return files_sha256(source_files(p), p)


def _build_text(title: str, paragraphs: list) -> tuple[str, list[tuple[int, str]]]:
    """Text and (offset, sentence) of the title and of every sentence."""
    parts, pieces, pos = [], [], 0

    def add(s: str) -> None:
        nonlocal pos
        parts.append(s)
        pos += len(s)

    pieces.append((0, title))
    add(title)
    for para in paragraphs:
        add("\n\n")
        for i, sent in enumerate(para):
            if i:
                add(" ")
            pieces.append((pos, sent))
            add(sent)
    add("\n")
    return "".join(parts), pieces


def read_basil(path) -> list[Article]:
    """Articles of BASIL with their bias spans, sorted by file name.

    Parameters
    ----------
    path : the ``basil`` folder or the devdata folder holding it.

    Returns
    -------
    list of Article
        ``doc_id`` ``"basil:<EVENT>_<n>"``, ``group`` the event id, ``labels`` every phrase span
        (label ``lex`` or ``inf``), ``gold`` the ``lex`` spans; ``notes`` names spans that could not
        be placed or were placed in one of several matching sentences.

    Raises
    ------
    DevdataError
        The folder is missing or not laid out as above.
    """
    p = require_dir(folder_of(path), "BASIL", ("articles", "annotations"))
    out = []
    for a, ann in _pairs(p):
        try:
            art = json.loads(a.read_text(encoding="utf-8"))
            anns = json.loads(ann.read_text(encoding="utf-8"))["phrase-level-annotations"]
        except (ValueError, KeyError) as e:
            raise DevdataError(f"{a}: unreadable article or annotation ({e})") from None
        text, pieces = _build_text(art.get("title") or "", art.get("body-paragraphs") or [])
        labels, notes = [], []
        for r in anns:
            s, e, txt = int(r["start"]), int(r["end"]), r["txt"]
            where = [off for off, sent in pieces if sent[s:e] == txt and e > s]
            if not where:
                notes.append(f"span {r.get('id', '?')} ({r['bias']}) not found in any sentence")
                continue
            if len(where) > 1:
                notes.append(f"span {r.get('id', '?')} ({r['bias']}) matches {len(where)} sentences: first taken")
            labels.append((where[0] + s, where[0] + e, r["bias"]))
        labels.sort()
        gold = tuple(sorted({(s, e) for s, e, b in labels if b in GOLD_BIAS}))
        ev = event_of(a.stem)
        out.append(Article(doc_id=f"basil:{a.stem}", text=text, gold=gold, labels=tuple(labels), group=ev,
                           split=split_of(ev), dataset="basil", notes=tuple(notes)))
    return out
