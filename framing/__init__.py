"""framing: measure how news outlets frame the same story.

Every table is built from character spans into the raw article text
(``text[start:end]``), so every number can be traced to the words that make it.

Python API (pandas DataFrames)::

    import framing
    corpus = framing.load_corpus("seeds")   # a folder of .txt (recursive=True: subfolders too)
    corpus = framing.load_corpus("articles.csv", text_column="body", id_column="url")  # or .jsonl, .parquet
    framing.documents(corpus)   # one row per article (the `framing corpus` table)
    framing.segments(corpus)    # one row per block: title, dek, heading, body, boilerplate+reason
    framing.term_hits(corpus)   # loaded-term hits with voice
    framing.quotes_table(corpus)  # quotes with kind, speaker, role, cue
    framing.stance_table(corpus)  # per-document stance features, alarm_index, frame

Without a story pack only generic data is used; ``framing.load_corpus(path,
story="bolivia_iran_2023")`` (or a pack folder) applies one story's cues, speakers,
targets and topics to every table of that corpus.
"""
from __future__ import annotations

from .corpus import (
    Block,
    Corpus,
    CorpusError,
    CorpusWarning,
    Document,
    document_from_text,
    iter_documents,
    load_corpus,
)
from .corpus import documents_table as documents
from .corpus import segments_table as segments
from .story import Story, StoryError, load_story

__version__ = "0.1.0"


def term_hits(corpus, **kwargs):
    """Loaded-term hits (see :func:`framing.terms.term_hits`)."""
    from .terms import term_hits as _f

    return _f(corpus, **kwargs)


def quotes_table(corpus, **kwargs):
    """Quotes with speakers (see :func:`framing.quotes.quotes_table`).

    Named ``quotes_table`` (not ``quotes`` as in the first design) because
    ``framing.quotes`` is the module.
    """
    from .quotes import quotes_table as _f

    return _f(corpus, **kwargs)


def stance_table(corpus, **kwargs):
    """Per-document stance features (see :func:`framing.stance.stance_table`)."""
    from .stance import stance_table as _f

    return _f(corpus, **kwargs)


__all__ = ["Block", "Corpus", "CorpusError", "CorpusWarning", "Document", "document_from_text", "iter_documents",
           "load_corpus", "load_story", "Story", "StoryError", "documents", "segments", "term_hits",
           "quotes_table", "stance_table"]
