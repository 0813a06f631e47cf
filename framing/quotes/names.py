"""The shape of a name in a string: capitalised words and connectors, possessives, the auxiliaries
and adverbs that end a subject noun phrase, acronyms, and word stems.

Pure functions over strings: nothing here knows the document (that is :mod:`.document` and
:mod:`.entities`). :func:`aux_strip` and :func:`name_before_to` give the results of an
end-anchored regular expression (kept beside them, ``AUX`` and ``NAME_RE``) by reading the
phrase backwards once: a ``$``-anchored search tries every start, which costs the square of a
long run of capitalised words ("Mr. Mr. Mr. ...").
"""
from __future__ import annotations

import re

from .lexicon import alternation, literal, title_abbreviations, word_set, words

_CAP = r"(?:[A-ZÁÉÍÓÚÑÜ][\w’'.\-]*|[A-Z]\.(?:[A-Z]\.)+)"
CONN = "(?:" + alternation("name_connector") + ")"
#: a name: capitalised words, possibly joined by lower-case connectors ("Bank of America")
NAME_RE = re.compile(_CAP + r"(?:[ \xa0]+(?:" + CONN + r"[ \xa0]+)*" + _CAP + r")*")
POSS = re.compile(r"[’']s?$")
#: party and state after a legislator's name: "Rep. Bob Lane (D-Va.)", "R-Fla." is no name
PARTY_TAG = re.compile(r"\s*\(?\b[DRI]-[A-Z][A-Za-z.]{0,6}\)?")
#: a word, as counted in ``n_words`` and read by the rules
WORD_RE = re.compile(r"[\w’'-]+")

_NAME_END_CUT = word_set("name_end_cut")
_ACRONYM_SKIP = word_set("acronym_skip")
_VAGUE_QUANTIFIER = word_set("vague_quantifier")
_SINGULAR_DET = word_set("singular_determiner")
_TEXT_SOURCE = word_set("text_source_noun")
# nouns that are no person: a text, a work ("the movie"), an organisation ("the company")
_NOT_PERSON_HEAD = _TEXT_SOURCE | word_set("work_noun") | word_set("generic_org_head") | word_set("collective_noun")
#: words after which a noun phrase's head has come ("a spokesman for the company", "the lawyer for the senator")
HEAD_CUT = word_set("name_connector") | word_set("place_preposition")
_ORG_PERSON_CUT = word_set("org_person_cut")
_TITLE_WORD = title_abbreviations()   # "gov." -> "governor"
_ADVERB_SUFFIX = tuple(words("sentence_adverb_suffix"))
# (one regular expression: at least three letters, then an ending of the list)
_ADVERB_WORD = re.compile(r"\w{3,}(?:" + "|".join(sorted(_ADVERB_SUFFIX, key=len, reverse=True)) + ")")
#: a person's name after an organisation head has this many capitalised words (titles included)
ORG_PERSON_WORDS = (2, 4)

# auxiliaries and adverbs at the end of a subject noun phrase ("X has also", "X reportedly")
_AUX_WORDS = [w for w in words("aux_adverb") if " " not in w]
_AUX_PHRASES = [[re.compile(literal(x), re.IGNORECASE) for x in w.split()] for w in words("aux_adverb") if " " in w]
# an adverb in -ly is a lower-case word: a capitalised one is a name ("Mayor Kelly said")
# (not a noun in -ly: "the family said", "Ann Ruiz at the rally said"; list ``ly_noun``)
_LY_ADVERB = r"(?-i:(?!(?:" + alternation("ly_noun") + r")\b)[a-z]\w*ly)"
AUX = re.compile(r"(?:\s+(?:" + alternation("aux_adverb", space=r"\s+") + r"|" + _LY_ADVERB + r"))+$", re.I)
_AUX_WORD = re.compile("(?:" + "|".join(literal(w) for w in _AUX_WORDS) + r"|" + _LY_ADVERB + ")", re.IGNORECASE)
_NONSPACE = re.compile(r"\S+")
_CAP_WORD = re.compile(_CAP)
_CONN_WORD = re.compile(CONN)
_CAP_FIRST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÁÉÍÓÚÑÜ")


def aux_strip(s: str) -> str:
    """``AUX.sub("", s)``: ``s`` without its trailing run of auxiliaries and adverbs.

    The run is a sequence of whitespace-separated words that each match ``_AUX_WORD`` (or
    form a phrase of the list, "has long"), up to the end of ``s``; what is removed starts at
    the whitespace before its first word.
    """
    if s.endswith("\n"):  # `$` may also match before a final newline: leave that case to the regex
        return AUX.sub("", s)
    words_ = s.split()   # (the same words as ``_NONSPACE``: both split at what str.isspace() calls space)
    if not words_ or not (_AUX_WORD.fullmatch(words_[-1]) or any(p[-1].fullmatch(words_[-1]) for p in _AUX_PHRASES)):
        return s  # the last word ends no auxiliary (most noun phrases): nothing to strip
    toks = [(m.start(), m.end()) for m in _NONSPACE.finditer(s)]
    if not toks or toks[-1][1] != len(s):
        return s  # ends with whitespace: the last auxiliary would have to end at the end
    n = len(toks)
    ok = [False] * (n + 1)   # ok[k]: toks[k:] is a sequence of auxiliaries (ok[n]: nothing left)
    ok[n] = True
    first = -1
    for k in range(n - 1, -1, -1):
        a, b = toks[k]
        ok[k] = (ok[k + 1] and _AUX_WORD.fullmatch(s, a, b) is not None) or any(
            k + len(p) <= n and ok[k + len(p)] and all(x.fullmatch(s, *toks[k + i]) for i, x in enumerate(p))
            for p in _AUX_PHRASES)
        if ok[k] and a > 0:      # a match starts with whitespace, so not at position 0
            first = k
        if not ok[k] and not ok[k + 1]:
            break                # nothing to the left can reach the end any more
    if first < 0:
        return s
    start = toks[first][0]
    while start > 0 and s[start - 1].isspace():
        start -= 1
    return s[:start]


def _is_name_char(c: str) -> bool:
    return c.isalnum() or c in "_’'.-"   # [\w’'.\-]: \w is str.isalnum() or "_"


def name_before_to(s: str):
    """``re.search("(" + NAME_RE.pattern + r")[ \xa0]+to$", s)``: the name group, or None.

    The group ends where the spaces before the final "to" start and begins at the leftmost
    position from which the rest is a name: capitalised words joined by connectors, the first
    of which may start inside a longer token ("xAbc" -> "Abc").
    """
    if s.endswith("\n"):
        m = re.search(r"(" + NAME_RE.pattern + r")[ \xa0]+to$", s)
        return m.group(1) if m else None
    if not s.endswith("to") or len(s) < 3 or s[-3] not in " \xa0":
        return None
    e0 = len(s) - 2
    while e0 > 0 and s[e0 - 1] in " \xa0":
        e0 -= 1
    pos, best, cap_after = e0, -1, False
    while pos > 0:
        ts = pos
        while ts > 0 and s[ts - 1] not in " \xa0":
            ts -= 1
        if _CAP_WORD.fullmatch(s, ts, pos):
            best, cap_after = ts, True
        elif not (cap_after and _CONN_WORD.fullmatch(s, ts, pos)):
            # the name can only start inside this token, after its last non-name character
            k = pos
            while k > ts and _is_name_char(s[k - 1]):
                k -= 1
            for j in range(k, pos):
                if s[j] in _CAP_FIRST:
                    best = j
                    break
            break
        pos = ts
        while pos > 0 and s[pos - 1] in " \xa0":
            pos -= 1
    return s[best:e0] if best >= 0 else None


def cut_name_end(tokens: list) -> list:
    """``tokens`` (regex matches of the words of a capitalised run) without trailing connectors."""
    cut = len(tokens)   # one slice, not one per word ("... The The The")
    while cut and tokens[cut - 1].group().lower() in _NAME_END_CUT:
        cut -= 1
    return tokens[:cut]


def sentence_adverb(w: str) -> bool:
    """Is the capitalised word ``w`` a sentence adverb ("Crucially", "Tellingly"): an ending of list
    ``sentence_adverb_suffix`` with at least three letters before it? (Names in -ly are shorter or
    end otherwise: Kelly, Connally.)"""
    lw = w.lower()
    return lw.isalpha() and _ADVERB_WORD.fullmatch(lw) is not None


def org_person_cut(toks: list[str], org_words, common=frozenset()) -> int:
    """Where a person's name starts in the words ``toks`` of one capitalised run that joins an
    organisation and a person ("Meridian Policy Group Helen Whitcombe" -> 3), else 0.

    The organisation ends with a head word (``org_words`` or list ``org_person_cut``) that is not
    the run's first word; what follows is :data:`ORG_PERSON_WORDS` capitalised words, none an
    organisation word, a connector or one of the text's ``common`` words ("Bank of America", "Fox
    News Channel", "Health Ministry Says Vaccine Safe" stay whole).
    """
    n = len(toks)
    lo, hi = ORG_PERSON_WORDS
    if n < lo + 2:
        return 0
    for i in range(n - lo - 1, max(0, n - hi - 1) - 1, -1):
        if i < 1:
            break
        head = toks[i].lower()
        if head not in org_words and head not in _ORG_PERSON_CUT:
            continue
        rest = toks[i + 1:]
        if all(x[:1].isupper() and x[1:2].islower() and x.lower() not in org_words
               and x.lower() not in _ORG_PERSON_CUT and x.lower() not in common and not _CONN_WORD.fullmatch(x)
               for x in rest):
            return i + 1
        return 0
    return 0


def stem(w: str) -> str:
    """First four letters of a word, lower case, before any apostrophe: how descriptors are compared; a title
    abbreviation stands for its title word ("Gov." and "governor" share a stem: column ``title`` of
    ``data/abbreviations.csv``)."""
    low = w.lower().replace("’", "'").split("'")[0]
    return _TITLE_WORD.get(low, low)[:4]


def count_words(s: str) -> int:
    return len(s.split())


def is_vague_head(prefix: str) -> bool:
    """Does ``prefix`` (the words before a name) start with a quantifier ("some Democrats")?"""
    w = prefix.strip().split()
    return bool(w) and w[0].lower() in _VAGUE_QUANTIFIER


def singular_person(s: str) -> bool:
    """Is ``s`` a singular description ("a spokesman", "the minister"), one person he or she may be?
    Not a written or counted source ("the study", "a statement": list ``text_source_noun``), a work
    ("the movie": ``work_noun``), an organisation ("the company": ``generic_org_head``) nor a group ("the
    opposition": ``collective_noun``)."""
    w = s.lower().split()
    if not w or w[0] not in _SINGULAR_DET:
        return False
    # the head is the last word before a preposition: "a spokesman for the company" is a spokesman
    cut = next((k for k, x in enumerate(w[1:], 1) if x in HEAD_CUT), len(w))
    head = w[cut - 1]
    return not head.endswith("s") and head not in _NOT_PERSON_HEAD


_NOUN_GENDER = {w: g for g in "mf" for w in word_set(f"person_noun_{g}")}


def noun_gender(s: str) -> str:
    """The gender of the noun that heads the description ``s`` ("the first lady" -> "f", "a spokesman for the
    firm" -> "m"; lists ``person_noun_m``, ``person_noun_f``), or ''."""
    w = s.lower().split()
    cut = next((k for k, x in enumerate(w[1:], 1) if x in HEAD_CUT), len(w))
    return _NOUN_GENDER.get(w[cut - 1], "") if w else ""


def name_initials(name: str) -> str:
    """The initials of ``name``, lower case, function words left out ("Northern Rail Safety Agency" -> "nrsa")."""
    return "".join(w[0].lower() for w in WORD_RE.findall(name) if w.lower() not in _ACRONYM_SKIP)


def acronym_of(acr: str, name: str) -> bool:
    """Is ``acr`` (capital letters) an acronym of ``name``: its initials (function words left out),
    their start or end, three of them or more in a row ("Harbor Office for Coastal Safety and Rescue (OCS)": a
    place before, a word added after), or a subsequence of its letters with the same first letter?"""
    a = acr.lower()
    initials = name_initials(name)
    if initials == a or initials.endswith(a) or initials.startswith(a) or (len(a) >= 3 and a in initials):
        return True
    # subsequence of the letters, same first letter
    s = name.lower()
    if not s or s[0] != a[0]:
        return False
    j = 0
    for ch in s:
        if j < len(a) and ch == a[j]:
            j += 1
    return j == len(a)
