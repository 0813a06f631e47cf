"""Role and side of a speaker: a story pack's registry (``speakers.csv``) first, then the general
rules of ``data/role_rules.csv`` (and a pack's) over the speaker's words and descriptors."""
from __future__ import annotations

from .lexicon import norm, word_set
from .names import WORD_RE

#: an article of another language that opens a name ("La Prensa", "El País"): with no gender known, a body
_NAME_ARTICLE = word_set("name_article")


def registry_entry(dm, speaker: str, typ: str) -> dict | None:
    """The registry row of ``speaker``, or None.

    A name of two or more words matches the registry's name or aliases exactly. A single
    word (the speaker is "Ellis", or "Ron Ellis" falls back to the surname "Ellis") matches
    only when the registry's full name (or a multi-word alias) occurs in the same article:
    a surname alone is not an identity ("Ron Ellis" is not the registry's "Evan Ellis").
    """
    key = norm(speaker)
    r = dm.reg.get(key)
    by_one_word = r is not None and len(key.split()) == 1
    if r is None and typ == "named" and len(speaker.split()) >= 2:
        last = speaker.split()[-1]
        r = dm.reg.get(norm(last)) if last in dm.text else None
        if r is not None and norm(r["name"]).split()[-1] != key.split()[-1]:
            r = None
        by_one_word = r is not None
    if by_one_word and not _full_name_in_text(dm.text, r):
        return None
    return r


def _full_name_in_text(text: str, row: dict) -> bool:
    """Does a multi-word name of the registry ``row`` occur in ``text``? (True when it has none.)"""
    names = [n for n in [row["name"]] + row["aliases"].split("|") if len(n.split()) >= 2]
    return not names or any(n in text for n in names)


def role_side(dm, speaker: str, typ: str) -> tuple[str, str]:
    """``(speaker_role, side)`` of a (non-empty) speaker (:func:`role_side_evidence` without the evidence)."""
    return role_side_evidence(dm, speaker, typ)[:2]


def role_side_evidence(dm, speaker: str, typ: str) -> tuple[str, str, str]:
    """``(speaker_role, side, role_evidence)`` of a (non-empty) speaker.

    The registry gives both (evidence ``registry: <name>``); otherwise the last of the speaker's
    words and role words (its titles, the words before its mentions, its appositives) that is a
    role keyword or a title with a role gives the role (evidence ``descriptor: <word>``), and the
    side stays ``unknown``. No rule: ``unknown`` with no evidence.
    """
    r = registry_entry(dm, speaker, typ)
    if r is not None:
        return r["role"] or "unknown", r["side"] or "unknown", f"registry: {r['name']}"
    words = [w.lower() for w in WORD_RE.findall(speaker)]
    ent = dm.entities.by_name.get(speaker)
    if ent is not None:
        words += ent.role_words
    order = list(reversed(words))
    if ent is None and typ == "vague":
        order = list(reversed(_head_words(words))) + order   # "Opposition members of the … government": the head's
    kw = dm.rules.get("keyword", {})
    titles = dm.rules.get("title", {})   # (a title with no role gives none)
    for w in order:
        w2 = w.rstrip(".")
        if w2 in kw and kw[w2]:
            return kw[w2], "unknown", f"descriptor: {w2}"
        if titles.get(w):
            return titles[w], "unknown", f"descriptor: {w}"
    return "unknown", "unknown", ""


def _head_words(words: list[str]) -> list[str]:
    """The words of a description before its first word of list ``head_cut`` ("opposition members" of "opposition
    members of the keel government"): its head, whose role comes before the role of a body it belongs to or
    opposes."""
    for i, w in enumerate(words):
        if w in _HEAD_CUT:
            return words[:i]
    return words


_HEAD_CUT = word_set("head_cut")


def speaker_ids(dm, rows) -> dict[tuple[str, str], str]:
    """``(speaker, speaker_type) -> speaker_id`` for the speakers of one article's ``rows``.

    A named or linked speaker: its registry name when the registry knows it, else the longest
    speaker name of the article whose words contain all of its words, its last word (the surname)
    among them ("Berzain", "Sánchez Berzain" -> "Carlos Sánchez Berzain"; "Argentinian" is not
    "Argentinian Jewish community"), else itself. A vague source: its words in lower case without a
    leading article ("The officials" -> "officials").
    """
    named = sorted({r.speaker for r in rows if r.speaker and r.speaker_type in ("named", "descriptor")})
    toks = {n: frozenset(w.lower() for w in WORD_RE.findall(n)) for n in named}
    having: dict[str, list[str]] = {}   # word -> the names that hold it
    for n in named:
        for w in toks[n]:
            having.setdefault(w, []).append(n)
    out = {}
    for r in rows:
        key = (r.speaker, r.speaker_type)
        if not r.speaker or key in out:
            continue
        if r.speaker_type in ("named", "descriptor"):
            reg = registry_entry(dm, r.speaker, r.speaker_type)
            if reg is not None:
                out[key] = reg["name"]
                continue
            mine = toks[r.speaker]
            pool = min((having[w] for w in mine), key=len) if mine else []
            longer = [n for n in pool if mine < toks[n] and _last_word(n) in mine]
            out[key] = max(longer, key=lambda n: (len(toks[n]), len(n), n)) if longer else r.speaker
        else:
            out[key] = norm(r.speaker)
    return out


def _last_word(name: str) -> str:
    ws = WORD_RE.findall(name)
    return ws[-1].lower() if ws else ""


def speaker_kind(dm, speaker_id: str, typ: str) -> str:
    """``person``, ``organisation``, ``vague`` or ``none`` for a speaker and its id: the kind of the
    entity the id names (an acronym, a name with an organisation word, a name opening with an article of
    list ``name_article`` or a single word with no gender is an organisation; any other name a person)."""
    if not speaker_id:
        return "none"
    if typ == "vague":
        return "vague"
    ent = dm.entities.by_name.get(speaker_id)
    if ent is not None and ent.kind == "person":
        return "person"
    if ent is not None and ent.kind == "org":
        return "organisation"
    orgw = dm.rules.get("org", {})
    words = speaker_id.split()
    if speaker_id.replace(".", "").isupper() or any(w.lower() in orgw for w in words):
        return "organisation"
    if words[0].lower() in _NAME_ARTICLE and not (ent is not None and ent.gender):
        return "organisation"   # "La Prensa", "El País" (a "Le Pen" that a pronoun has given a gender is a person)
    if len(words) >= 2 or (ent is not None and ent.gender):
        return "person"
    # one word that no fuller name or honorific explains: an organisation or place ("Mossad",
    # "Washington") more often than a person
    return "organisation"
