"""Propaganda Techniques Corpus (SemEval-2020 Task 11, training part): articles and technique spans.

Layout read (as published, aschern/semeval2020_task11 @ 84c384d)::

    ptc/train-articles/article<ID>.txt     title, blank line, one sentence per line
    ptc/train-task2-TC.labels              <ID> TAB technique TAB start TAB end   (end exclusive)

Gold (loaded): the words inside spans of :data:`GOLD_TECHNIQUES`. Split: :func:`split_of`, by the
SHA-256 of the article id (70/15/15), declared before any score was looked at.
"""
from __future__ import annotations

import re
from pathlib import Path

from . import DevdataError
from ._common import Article, files_sha256, hash_split, require_dir

GOLD_TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling", "Appeal_to_fear-prejudice",
                   "Exaggeration,Minimisation")
ARTICLES = "train-articles"
LABELS = "train-task2-TC.labels"
_NAME_RE = re.compile(r"article(\d+)\.txt$")


def split_of(article_id: str) -> str:
    """``train``, ``dev`` or ``test`` for a PTC article id (``"111111111"``): 70/15/15 by SHA-256 of the id."""
    return hash_split(str(article_id))


def folder_of(path) -> Path:
    """The ``ptc`` folder: ``path`` itself or ``path/ptc`` (so the devdata root can be given)."""
    p = Path(path)
    return p / "ptc" if (p / "ptc").is_dir() and not (p / ARTICLES).is_dir() else p


def source_files(path) -> list[Path]:
    """Every file :func:`read_ptc` reads (for the data digest)."""
    p = require_dir(folder_of(path), "PTC", (ARTICLES, LABELS))
    return sorted(p.glob(f"{ARTICLES}/article*.txt")) + [p / LABELS]


def data_sha256(path) -> str:
    """SHA-256 over the files :func:`read_ptc` reads."""
    p = folder_of(path)
    return files_sha256(source_files(p), p)


def read_ptc(path) -> list[Article]:
    """Articles of the PTC training part with their technique spans, sorted by id.

    Parameters
    ----------
    path : the ``ptc`` folder or the devdata folder holding it.

    Returns
    -------
    list of Article
        ``doc_id`` ``"ptc:<ID>"``, ``group`` the id, ``labels`` every technique span,
        ``gold`` the spans of :data:`GOLD_TECHNIQUES`.

    Raises
    ------
    DevdataError
        The folder is missing or not laid out as above (one line, no traceback needed).
    """
    p = require_dir(folder_of(path), "PTC", (ARTICLES, LABELS))
    texts = {}
    for f in sorted((p / ARTICLES).iterdir()):
        m = _NAME_RE.search(f.name)
        if m:
            with f.open(encoding="utf-8", newline="") as fh:   # offsets count every character as stored
                texts[m.group(1)] = fh.read()
    if not texts:
        raise DevdataError(f"{p / ARTICLES}: no article<ID>.txt files")
    spans: dict[str, list] = {k: [] for k in texts}
    for n, line in enumerate((p / LABELS).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 4 or parts[0] not in texts:
            raise DevdataError(f"{p / LABELS}: line {n}: expected ID, technique, start, end of a known article")
        s, e = int(parts[2]), int(parts[3])
        spans[parts[0]].append((s, min(e, len(texts[parts[0]])), parts[1]))
    out = []
    for aid, text in texts.items():
        labels = tuple(sorted(spans[aid]))
        gold = tuple(sorted({(s, e) for s, e, t in labels if t in GOLD_TECHNIQUES and e > s}))
        out.append(Article(doc_id=f"ptc:{aid}", text=text, gold=gold, labels=labels, group=aid,
                           split=split_of(aid), dataset="ptc"))
    return out
