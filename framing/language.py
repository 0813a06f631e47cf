"""Which language an article is in, and whether it can be assessed at all.

The measures of this package (lexicons, speech verbs, cue patterns, VADER) are
English. An article in another language, or too short to carry a measure, is
``not assessed`` wherever a verdict would appear, with the reason; it is never
scored as if it were English.

Detection needs no model and no download:

1. **Script.** The letters of the article blocks are counted by Unicode script
   (the first word of each character's Unicode name: LATIN, ARABIC, CJK, ...).
   When Latin letters are fewer than half, the language is named from the
   script where the script implies it (Hangul ``ko``, kana ``ja``, Thai ``th``,
   Greek ``el``) and otherwise given as undetermined with the script
   (``und-Arab``: Arabic, Persian and Urdu share it; ``und-Hani``, ``und-Cyrl``).
2. **Function words.** For Latin script, the share of the article's tokens that
   are closed-class function words of each language in
   ``framing/data/function_words.csv`` is its profile; the language with the
   largest share wins, if that share reaches :data:`MIN_PROFILE_SHARE`.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ._data import read_csv_rows

# An article shorter than this many article words gets no verdict: the index averages per-sentence
# rates, and below about 50 words (two or three news sentences at the ~20 words a sentence of news
# prose averages) a single cue word decides the frame and a sentence bootstrap has nothing to resample.
MIN_TOKENS = 50
# Fewer tokens than this and the function-word profile is noise: the language is "und".
MIN_TOKENS_TO_DETECT = 20
# Function words make up 40-50% of running text in these languages; below 10% for the best
# language the text is not one of them (or is a list, a table, a headline run).
MIN_PROFILE_SHARE = 0.10
SAMPLE_TOKENS = 5000  # detection reads at most this many tokens (the language does not change midway)
SAMPLE_CHARS = 20_000
_LETTER = re.compile(r"[^\W\d_]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")
_SCRIPT_LANGUAGE = {"HANGUL": "ko", "HIRAGANA": "ja", "KATAKANA": "ja", "THAI": "th", "GREEK": "el"}
_SCRIPT_CODE = {"ARABIC": "Arab", "CJK": "Hani", "CYRILLIC": "Cyrl", "HEBREW": "Hebr", "DEVANAGARI": "Deva",
                "BENGALI": "Beng", "ARMENIAN": "Armn", "GEORGIAN": "Geor", "ETHIOPIC": "Ethi", "TAMIL": "Taml"}


@dataclass(frozen=True)
class Assessment:
    """``language`` (ISO 639-1 code, or ``und``/``und-Script``), ``assessable`` and, when not, ``reason``."""

    language: str
    assessable: bool
    reason: str = ""


@lru_cache(maxsize=1)
def _profiles() -> dict[str, frozenset]:
    words: dict[str, set] = {}
    for r in read_csv_rows("function_words.csv"):
        words.setdefault(r["language"], set()).add(r["word"])
    return {lang: frozenset(ws) for lang, ws in words.items()}


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def script_counts(text: str) -> Counter:
    """Letters of ``text`` counted by Unicode script (``LATIN``, ``ARABIC``, ``CJK``, ...)."""
    return Counter(_script(ch) for ch in _LETTER.findall(text) if ch.isalpha())


def _language_of_script(counts: Counter) -> str:
    if not counts:
        return "und"
    top = counts.most_common(1)[0][0]
    for script in ("HIRAGANA", "KATAKANA"):  # kana beside Han characters: Japanese
        if counts.get(script):
            return "ja"
    if top in _SCRIPT_LANGUAGE:
        return _SCRIPT_LANGUAGE[top]
    return f"und-{_SCRIPT_CODE.get(top, top.title()[:4])}"


def function_word_profile(words: list[str]) -> dict[str, float]:
    """Share of ``words`` (lower-cased tokens) that are function words of each language.

    >>> function_word_profile(["the", "cat", "and", "el"])["en"]
    0.5
    """
    if not words:
        return {}
    counts = Counter(words)
    return {lang: sum(counts[w] for w in ws) / len(words) for lang, ws in sorted(_profiles().items())}


def detect_language(text: str, words: list[str]) -> str:
    """Language code of a text from its letters (``text``) and lower-cased tokens (``words``)."""
    sample = text[:SAMPLE_CHARS]
    n_letters = len(_LETTER.findall(sample))
    if not n_letters:
        return "und"
    if len(_LATIN_LETTER.findall(sample)) < n_letters / 2:  # only then name each letter's script
        return _language_of_script(script_counts(sample))
    if len(words) < MIN_TOKENS_TO_DETECT:
        return "und"
    profile = function_word_profile(words[:SAMPLE_TOKENS])
    best = max(profile, key=lambda lang: (profile[lang], lang == "en"))
    return best if profile[best] >= MIN_PROFILE_SHARE else "und"


def assess(doc) -> Assessment:
    """Whether ``doc`` (a :class:`framing.corpus.Document`) can get a verdict, and why not."""
    article = "".join(doc.text[s:e] for s, e in doc.content_spans()) or doc.text  # no article block: read it all
    words = [doc.text[s:e].lower() for s, e in doc.tokens[:SAMPLE_TOKENS]]
    language = detect_language(article, words)
    english_only = "the lexicons, cue patterns and sentiment model are English"
    if language.startswith("und-"):
        return Assessment(language, False, f"not English ({language[4:]} script): {english_only}")
    if language not in ("en", "und"):
        return Assessment(language, False, f"not English (detected {language}): {english_only}")
    if len(doc.tokens) < MIN_TOKENS:
        return Assessment(language, False, f"too short: {len(doc.tokens)} article words, fewer than {MIN_TOKENS}")
    if language == "und":
        return Assessment(language, False, "language not determined: too few function words of any known "
                                           f"language; {english_only}")
    return Assessment(language, True)
