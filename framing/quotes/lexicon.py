"""The data the quote rules read, all from CSV: nothing here is a word list of its own.

=========================================  ==============================================================
``data/speech_verbs.csv``                  speech verbs and phrases: ``lemma``, ``type`` (``cognitive``,
                                           ``tentative``, ...), ``zero_that`` (``yes``: reports a clause with
                                           no "that"; ``finite``: the same when an auxiliary
                                           or -ed verb follows its subject), ``comma_cue``
                                           (``yes``: "…, he said, " before a quote makes it a
                                           full quote; ``object``: the same with an object or
                                           agent, "…, told reporters, "), ``inverted_tail`` (``np_verb``:
                                           "clause, X added." / ``verb_np``: "clause, said X." /
                                           ``adjunct``: "clause, X said in an interview.")
``data/role_rules.csv`` (+ a pack's)       honorifics, titles, organisation and person words, role keywords
``speakers.csv`` of a story pack           the speaker registry (none without a pack)
``data/abbreviations.csv``                 ``np_internal`` (``yes``): a period that does not end a speaker's
                                           noun phrase ("Sen. X", "X Jr."); ``title``: the title word a
                                           title abbreviation stands for ("Gov." -> governor)
``data/quote_grammar.csv``                 closed-class word lists, one ``list`` name per row, each with its
                                           rationale: :func:`words` reads one list in file order
=========================================  ==============================================================

Words go to data, the shape of a pattern stays in code: a rule builds its regular
expression from a list with :func:`alternation`, and the words that *are* a construction
("said *that*", "*as* X noted", "described *by*", "*the* minister", "*so-called*") stay
in the pattern that describes it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .._data import read_csv_rows

#: roles whose keywords make a descriptor noun phrase ("the defense minister") that may stand for a person
DESCRIPTOR_ROLES = ("government", "opposition", "expert")


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """The words (or phrases) of list ``name`` of ``data/quote_grammar.csv``, in file order.

    >>> words("coordinator")
    ('and', 'or')
    """
    out = tuple(r["word"] for r in read_csv_rows("quote_grammar.csv") if r["list"] == name)
    if not out:
        raise KeyError(f"quote_grammar.csv has no list {name!r}")
    return out


def word_set(name: str) -> frozenset:
    """:func:`words` as a set, for membership tests."""
    return frozenset(words(name))


def literal(phrase: str) -> str:
    """A word or phrase as a regular expression: special characters escaped, a space matches
    one space, and an apostrophe matches both ’ and '."""
    return re.escape(phrase).replace("\\ ", " ").replace("'", "[’']")


def alternation(name: str, space: str = " ") -> str:
    """``w1|w2|...`` of list ``name`` (file order), each word :func:`literal`; the words of a phrase
    are joined by ``space`` (a regular expression)."""
    return "|".join(literal(w).replace(" ", space) for w in words(name))


@lru_cache(maxsize=1)
def prepositions() -> frozenset:
    """The English prepositions of ``data/closed_class_words.csv`` ("amid", "unlike", ...)."""
    return frozenset(r["word"] for r in read_csv_rows("closed_class_words.csv")
                     if r["language"] == "en" and r["class"] == "preposition")


@lru_cache(maxsize=1)
def closed_class_words() -> frozenset:
    """Every English word of ``data/closed_class_words.csv`` (articles, pronouns, prepositions, conjunctions, ...)."""
    return frozenset(r["word"] for r in read_csv_rows("closed_class_words.csv") if r["language"] == "en")


def abbreviations() -> frozenset:
    """Lower-case abbreviations with their period ("mr.", "u.s."), the list the sentence splitter uses."""
    return frozenset(r["abbrev"].lower() + "." for r in read_csv_rows("abbreviations.csv"))


def np_internal_abbreviations() -> list[str]:
    """Capitalised abbreviations whose period does not end a speaker's noun phrase (Mr, Sen, Jr, ...)."""
    return [r["abbrev"].capitalize() for r in read_csv_rows("abbreviations.csv") if r["np_internal"] == "yes"]


@lru_cache(maxsize=1)
def title_abbreviations() -> dict[str, str]:
    """Title abbreviations, lower case with and without their period ("gov.", "gov"), to the title word they stand
    for ("governor"), from column ``title`` of ``data/abbreviations.csv``; and titles to the noun a description of
    their holder uses ("justice" -> "judge", ``data/title_nouns.csv``)."""
    rows = [r for r in read_csv_rows("abbreviations.csv") if r["title"]]
    table = {a: r["title"] for r in rows for a in (r["abbrev"].lower(), r["abbrev"].lower() + ".")}
    return table | {r["title"]: r["noun"] for r in read_csv_rows("title_nouns.csv")}


def speech_verbs_with(column: str, value: str) -> list[str]:
    """Speech-verb phrases whose ``column`` (``|``-separated values) holds ``value``, in file order."""
    return [r["phrase"] for r in read_csv_rows("speech_verbs.csv") if value in r[column].split("|")]


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """``{first name: m|f}`` of ``data/first_name_gender.csv`` (1990 US Census lists, names of one clear
    gender only: ``scripts/build_first_names.py``)."""
    return {r["name"]: r["gender"] for r in read_csv_rows("first_name_gender.csv")}


@lru_cache(maxsize=1)
def place_names() -> frozenset:
    """Lower-case names of countries, territories, regions and large cities, and of their peoples
    (``data/place_names.csv``, a source per row): a place or a people's adjective is never the person a "he" or "she"
    means, however much its name looks like a person's ("Puerto Rico", "Sri Lanka", "young Syrian men"). Names that
    are also common surnames ("Jackson", "Lincoln", "French") are left out of the file."""
    return frozenset(r["name"].lower() for r in read_csv_rows("place_names.csv"))


@lru_cache(maxsize=1)
def demonyms() -> frozenset:
    """Lower-case adjectives of peoples (``data/place_names.csv``, kind ``demonym``: "Russian", "Syrian"): at the end
    of a longer noun phrase they modify its noun ("to calm Russian fears"), never name a speaker."""
    return frozenset(r["name"].lower() for r in read_csv_rows("place_names.csv") if r["kind"] == "demonym")


def is_participle(verb: str) -> bool:
    """Is the speech verb phrase ``verb`` an -ing form ("adding", "pointing out"; "according to", list
    ``prepositional_cue``, is none)?"""
    return verb.split()[0].lower().endswith("ing") and verb.lower() not in _prepositional_cues()


@lru_cache(maxsize=None)
def _prepositional_cues() -> frozenset:
    return word_set("prepositional_cue")


def speech_participles() -> list[str]:
    """The -ing forms of ``speech_verbs.csv`` ("adding", "saying", "pointing out"), in file order."""
    return [r["phrase"] for r in read_csv_rows("speech_verbs.csv") if is_participle(r["phrase"])]


def norm(s: str) -> str:
    """A name as a registry key: straight apostrophes, lower case, no leading "the", words only."""
    s = s.replace("’", "'").strip().lower()
    s = re.sub(r"^(the)\s+", "", s)
    return " ".join(re.sub(r"[^\w' ]+", " ", s).split())


@lru_cache(maxsize=None)
def _verb_forms() -> tuple[dict, str]:
    """Speech-verb rows by phrase (``According to`` and the -ing forms, "Noting", added for sentence starts) and
    the regular expression alternation of every phrase, longest first."""
    info = {v["phrase"]: v for v in read_csv_rows("speech_verbs.csv")}
    # prepositional attributions and participles also open sentences ("According to X, ...", "Noting that …, X …")
    info.update({p[:1].upper() + p[1:]: v for p, v in list(info.items())
                 if v["lemma"] == "according to" or is_participle(p)})
    forms = sorted(info, key=len, reverse=True)
    return info, "|".join(re.escape(f) for f in forms)


def trie_alternation(phrases) -> str:
    """A regular expression that matches exactly what ``"|".join(map(re.escape, longest_first))``
    matches, and the same way: the phrases as a trie of characters, where at each point the longer
    continuations are tried before the phrase that ends there. At a position the phrases that
    match are prefixes of one another, so both try them longest first (backtracking included); the
    trie reads each character once instead of trying every phrase in turn."""
    root: dict = {}
    for ph in phrases:
        node = root
        for ch in ph:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        kids = sorted(ch for ch in node if ch)
        if not kids:
            return ""
        parts = [re.escape(ch) + emit(node[ch]) for ch in kids]
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(root)


def verb_alternation() -> str:
    """``said|says|...``: every speech-verb phrase, longest first (for patterns that embed it)."""
    return _verb_forms()[1]


@lru_cache(maxsize=8)
def lexicon(story=None):
    """Speech verbs, role rules by kind and the speaker registry (the story pack's, if any).

    Returns ``(verb_re, verb_info, rules, registry)``: the speech-verb pattern (group 1 is the
    phrase), the ``speech_verbs.csv`` row of each phrase, ``{kind: {pattern (lower case): role}}``
    and ``{norm(name or alias): speakers.csv row}``. Generic role rules hold for any news; a
    pack's ``role_rules.csv`` replaces the generic rule of the same pattern and kind.
    """
    from ..story import merged_rows

    info, _ = _verb_forms()
    verb_re = re.compile(r"(?<![\w’'-])(" + trie_alternation(info) + r")(?![\w’'-])")
    rules = merged_rows(read_csv_rows("role_rules.csv"), story, "role_rules.csv", ("pattern", "kind"))
    by_kind: dict[str, dict[str, str]] = {}
    for r in rules:
        by_kind.setdefault(r["kind"], {})[r["pattern"].lower()] = r["role"]
    reg = {}
    for r in story.rows("speakers.csv") if story is not None else []:
        for n in [r["name"]] + [a for a in r["aliases"].split("|") if a]:
            reg[norm(n)] = r
    return verb_re, info, by_kind, reg


@lru_cache(maxsize=8)
def descriptor_np(story=None):
    """Pattern of a descriptor noun phrase: "the" + up to three words + a role noun ("the French
    defense minister"); the nouns are the keywords of :data:`DESCRIPTOR_ROLES` and the person words."""
    _, _, rules, _ = lexicon(story)
    nouns = [k for k, v in rules.get("keyword", {}).items() if v in DESCRIPTOR_ROLES]
    nouns += list(rules.get("person", {}))
    alt = "|".join(sorted(set(nouns), key=len, reverse=True))
    return re.compile(r"\b[Tt]he[ \xa0]+(?:[\w’'-]+[ \xa0]+){0,3}(?:" + alt + r")\b")
