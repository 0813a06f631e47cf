"""Recasens, Danescu-Niculescu-Mizil & Jurafsky (ACL 2013) bias lexicon: 654 lemmas from Wikipedia NPOV edits.

Research use with citation; read from its folder at benchmark time only, never copied into the package.
Matching (:func:`recasens_lexicon`): a lemma matches its lower-case word and the word's regular
inflections, the package's ``word+`` rule (``accuse`` -> accuses, accused, accusing), case-insensitively.
Irregular forms (``fought`` for ``fight``) are not matched: there is no lemmatiser without data files.
"""
from __future__ import annotations

from pathlib import Path

from . import DevdataError
from ._common import require_dir

LEXICON_FILE = "bias-lexicon_og.txt"
CITATION = "Recasens, Danescu-Niculescu-Mizil & Jurafsky (2013), Linguistic Models for Analyzing and Detecting " \
           "Biased Language, ACL"


def folder_of(path) -> Path:
    """The ``recasens2013`` folder: ``path`` itself or ``path/recasens2013``."""
    p = Path(path)
    return p / "recasens2013" if (p / "recasens2013").is_dir() and not (p / LEXICON_FILE).is_file() else p


def read_lemmas(path) -> list[str]:
    """The lemmas, lower-case, sorted, without duplicates."""
    p = require_dir(folder_of(path), "recasens2013", (LEXICON_FILE,))
    words = {w.strip().lower() for w in (p / LEXICON_FILE).read_text(encoding="utf-8").splitlines()}
    words.discard("")
    if not words:
        raise DevdataError(f"{p / LEXICON_FILE}: empty lexicon")
    return sorted(words)


def recasens_lexicon(path):
    """The lemmas as a :class:`framing.terms.Lexicon` of ``word+`` entries (category ``recasens_bias``)."""
    from ..terms import Entry, Lexicon

    entries = [Entry(term=w + "+", category="recasens_bias", direction="", loaded=True, match="word",
                     source=CITATION, file=LEXICON_FILE, row=i)
               for i, w in enumerate(read_lemmas(path), start=1)]
    return Lexicon(entries)
