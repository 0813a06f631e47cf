"""Candidate loaded words derived from the TRAIN split of annotated corpora (word types only).

A lower-cased word type becomes a row when, over the training articles only (criteria fixed before
any score was looked at):

* it occurs at least :data:`MIN_COUNT` times and inside gold spans in at least :data:`MIN_ARTICLES`
  different articles (support: no single article's phrasing becomes a row); a word VADER's lexicon
  (``vaderSentiment``, MIT licence) rates at valence :data:`VADER_MIN_VALENCE` or stronger needs only
  :data:`VADER_MIN_COUNT` occurrences in :data:`VADER_MIN_ARTICLES` articles (a published lexicon
  already judged it evaluative), and its row names VADER and the valence;
* at least :data:`MIN_PRECISION` of its occurrences are inside gold spans (precision);
* it is not a name: among its occurrences that do not open a sentence, fewer than half are capitalised
  (drops people, places, parties, outlets);
* it is a word: letters (an inner hyphen or apostrophe allowed), at least 3 of them, not an English
  function word (``framing/data/function_words.csv``), not already matched by
  ``framing/data/lexicon_generic.csv``.

Category: the generic category the majority of its gold occurrences' labels map to (:data:`CATEGORY_OF`).
Rows never hold a phrase or a sentence: a term is one word type, and ``source`` gives the script, the
split and the counts.
"""
from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from typing import Sequence

from .._data import read_csv_rows
from .features import generic_lexicon, sentence_ids, vader_lexicon, word_tokens

MIN_COUNT = 5
MIN_ARTICLES = 3
MIN_PRECISION = 0.5
# a word of VADER's lexicon (vaderSentiment, MIT licence) with a strong valence already has a published
# judgement that it is evaluative: less training evidence admits it
VADER_MIN_VALENCE = 2.0
VADER_MIN_COUNT = 2
VADER_MIN_ARTICLES = 2
CATEGORY_OF = {
    "Loaded_Language": "emotional_charge",
    "Name_Calling,Labeling": "delegitimising_label",
    "Appeal_to_fear-prejudice": "threat_fear",
    "Exaggeration,Minimisation": "hyperbole_intensifier",
    "lex": "emotional_charge",            # BASIL lexical bias
}
COLUMNS = ("term", "category", "direction", "loaded", "match", "source")
_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def _function_words() -> frozenset:
    return frozenset(r["word"].lower() for r in read_csv_rows("function_words.csv") if r["language"] == "en")


def name_types(articles: Sequence) -> frozenset:
    """Lower-cased word types written with a capital (at their start or after a hyphen) in at least half
    of their occurrences that do not open a sentence: names of people, places, parties and outlets, and
    compounds that name one ("anti-Kremlin"), the training split's own."""
    mid, caps = Counter(), Counter()
    for a in articles:
        toks = word_tokens(a.text)
        sids = sentence_ids(a.text, toks)
        for i, (s, e) in enumerate(toks):
            if i and sids[i] == sids[i - 1]:
                tok = a.text[s:e]
                mid[tok.lower()] += 1
                caps[tok.lower()] += _names_someone(tok)
    return frozenset(w for w, n in mid.items() if caps[w] * 2 >= n)


def _names_someone(token: str) -> bool:
    """A capital at the start of the token or of a hyphenated part: "Kremlin", "anti-Kremlin"."""
    return any(part[:1].isupper() for part in token.split("-"))


def _in_generic(word: str) -> bool:
    return any(s == 0 and e == len(word) for s, e, _ in generic_lexicon().match(word))


def derive_rows(articles: Sequence, script: str, split_name: str = "train") -> list[dict]:
    """Lexicon rows (columns :data:`COLUMNS`) from the articles with ``split == split_name``.

    ``script`` is written into each row's ``source`` (with the split and the counts), e.g.
    ``scripts/derive_lexicon.py; train split; 9 of 11 occurrences in gold spans, 6 articles``.
    """
    fw = _function_words()
    names = name_types([a for a in articles if a.split == split_name])
    total, inside = Counter(), Counter()
    arts: dict[str, set] = defaultdict(set)
    cats: dict[str, Counter] = defaultdict(Counter)
    for a in articles:
        if a.split != split_name:
            continue
        toks = word_tokens(a.text)
        gold = set(a.gold)
        labelled = sorted((s, e, lab) for s, e, lab in a.labels if lab in CATEGORY_OF and (s, e) in gold) \
            or [(s, e, "") for s, e in a.gold]
        for i, (s, e) in enumerate(toks):
            tok = a.text[s:e]
            w = tok.lower()
            total[w] += 1
            labs = [lab for ls, le, lab in labelled if ls < e and s < le]
            if labs:
                inside[w] += 1
                arts[w].add(a.doc_id)
                cats[w].update(CATEGORY_OF.get(lab, "emotional_charge") for lab in labs)
    order = list(dict.fromkeys(CATEGORY_OF.values()))
    rows = []
    vader = vader_lexicon()
    for w, n in inside.items():
        t = total[w]
        v = vader.get(w, 0.0)
        strong = abs(v) >= VADER_MIN_VALENCE
        count, n_arts = (VADER_MIN_COUNT, VADER_MIN_ARTICLES) if strong else (MIN_COUNT, MIN_ARTICLES)
        if t < count or len(arts[w]) < n_arts or n / t < MIN_PRECISION:
            continue
        if not _WORD_RE.fullmatch(w) or sum(c.isalpha() for c in w) < 3 or w in fw:
            continue
        if w in names:
            continue   # mostly capitalised inside a sentence: a name
        if _in_generic(w):
            continue
        cat = max(order, key=lambda c: (cats[w][c], -order.index(c)))
        via = f"vaderSentiment lexicon (MIT licence), valence {v:+.1f}; " if strong else ""
        rows.append({"term": w, "category": cat, "direction": "", "loaded": "true", "match": "word",
                     "source": f"{via}{script}; {split_name} split; {n} of {t} occurrences in gold spans, "
                               f"{len(arts[w])} articles"})
    rows.sort(key=lambda r: (r["category"], r["term"]))
    return rows


def rows_csv(rows: Sequence[dict]) -> bytes:
    """The rows as CSV bytes (LF line ends), header :data:`COLUMNS`."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")
