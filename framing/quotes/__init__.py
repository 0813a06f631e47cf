"""Quote extraction and speaker attribution over raw news text.

Rule-based, pure Python + precompiled regular expressions. Works on the raw text (quotes cross
sentence and paragraph boundaries) and reports character spans ``(start, end)`` such that
``text[start:end]`` is the quote *including* its marks (for ``kind == "reported"`` the span is
the reported clause, which may hold quoted words of the speaker but does not open with a quote).

One module per step, in the order of the flow (as textacy's ``extract/``: the package face
below lists what the others offer):

=================  ===========================================================================
``marks``          quotation marks -> spans: :func:`quote_spans`, :func:`in_quote_mask`
``document``       the per-text model the rules read: paragraphs, sentences, quote lookups
``names``          the shape of a name in a string (``NAME_RE``), auxiliaries, acronyms
``entities``       names -> entities: titles, gender, descriptors, acronyms, canonical names
``speakers``       a verb's subject noun phrase -> speaker: names, pronouns, descriptors
``attribution``    one quotation -> kind, speaker, cue: an ordered list of small rules
``reported``       reported speech: "X said that …", "According to X, …", "…, X said."
``roles``          speaker -> role and side: registry first, then role rules
``extract``        the pipeline over one text: :func:`extract_quotes`
``record``         one row: :class:`Quote`, ``QUOTE_COLUMNS``
``table``          many documents: :func:`quotes_table`, :func:`quote_summary`, :func:`voice_spans`,
                   :func:`consistent_roles`
``lexicon``        every word list and verb the rules read, from CSV in ``framing/data``
=================  ===========================================================================

Why more modules than "marks, entities, attribution, reported, roles, table": the former
document model held three things (text structure, the entity table, speaker resolution) that
each read differently and are each used by several steps, so each is a module; the pipeline
loop (``extract``) is the flow itself and the row type (``record``) is shared by attribution,
reported speech and the tables, so neither belongs to one of them.

Pipeline
--------
1. Marks (:mod:`.marks`): curly marks have a direction; straight ``"`` (and ``''``, two
   apostrophes, not after a digit) is classified by its neighbours; a quote runs into the next
   paragraph only if that paragraph opens with a mark, else it is closed at the end of its own
   and flagged ``unclosed``. Single quotes count only when they open after a space and close
   before a non-letter; inside double quotes they are the flag ``nested``.
2. Attribution (:mod:`.attribution`), in order: a reporting clause right after the quote
   (``…," he said`` / ``…," said X`` / ``…," according to X``), a reporting verb before the
   quote in the same sentence (``X said:``, ``X told Y that "…"``, ``According to X, "…"``,
   ``As X noted, "…"``), a passive agent (``as described by observers``), a quote joined to the
   previous one, an attribution inside the quoted text (``"…, La Nación reported."``), and
   finally continuation: a full quote with no cue inherits the speaker of the previous
   attribution in its paragraph.
3. Speakers (:mod:`.speakers`, :mod:`.entities`): the subject noun phrase of the reporting
   verb; appositives are skipped, titles and honorifics stripped, ``Mr. X`` merged with the
   fullest name containing ``X`` in the article, acronyms merged with their expansion, pronouns
   resolved to the nearest compatible antecedent (number; gender from an honorific, "X said she",
   or a pronoun already bound to the name): the last speaker of this or the three paragraphs
   before unless a person named since opens this or the previous sentence, else a person named as
   a sentence subject there ("they": an organisation), else the last named person; descriptions
   ("the minister", "the company") linked to the named entity of the nearest sentence or
   paragraph when the text leaves one candidate, never to a dateline or time zone. Speakers with
   no name are kept as written and typed ``vague``.
4. Roles and sides (:mod:`.roles`): a story pack's registry (``speakers.csv``) first, then the
   general rules of ``data/role_rules.csv`` over the speaker and its descriptors; decided once per
   ``speaker_id`` (the forms of one name in an article), with the evidence in ``role_evidence``.

Reported speech (kind ``reported``, :mod:`.reported`) is indirect speech with no quotation
marks: a reporting verb followed by a *that*-clause (or no complementizer after verbs marked
``zero_that`` in ``data/speech_verbs.csv``), ``warned of …``, ``According to X, …`` and
``…, according to X.`` / ``…, X said.``, and a promise, request or demand reported by its infinitive
or object (``vowed to …``, ``urged the board to …``, ``called for an audit``); the span runs from the
first word of the clause (the addressee, "to", the object) to the sentence's end. A clause that
quotes some of its words ("said the plan was “a disaster” for the port", three words at least outside
the quotation) is one ``reported`` row holding its quotations; one that is (almost) all quotation is a
quote row.
"""
from __future__ import annotations

from .extract import extract_quotes
from .marks import MAX_CONTINUATION, MAX_QUOTE_CHARS, in_quote_mask, quote_spans
from .names import NAME_RE
from .record import QUOTE_COLUMNS, Quote
from .speakers import DESCR_WINDOW
from .table import consistent_roles, quote_summary, quotes_table, voice_spans

__all__ = ["Quote", "extract_quotes", "quote_spans", "in_quote_mask", "quotes_table",
           "quote_summary", "voice_spans", "consistent_roles", "QUOTE_COLUMNS",
           "NAME_RE", "MAX_QUOTE_CHARS", "MAX_CONTINUATION", "DESCR_WINDOW"]
