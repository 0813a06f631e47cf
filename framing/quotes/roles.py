"""Role and side of a speaker: a story pack's registry (``speakers.csv``) first, then the general
rules of ``data/role_rules.csv`` (and a pack's) over the speaker's words and descriptors."""
from __future__ import annotations

from .lexicon import norm
from .names import WORD_RE


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
    """``(speaker_role, side)`` of a (non-empty) speaker.

    The registry gives both; otherwise the last of the speaker's words and role words (its
    titles, the words before its mentions, its appositives) that is a role keyword or a title
    with a role gives the role, and the side stays ``unknown``.
    """
    r = registry_entry(dm, speaker, typ)
    if r is not None:
        return r["role"] or "unknown", r["side"] or "unknown"
    words = [w.lower() for w in WORD_RE.findall(speaker)]
    ent = dm.entities.by_name.get(speaker)
    if ent is not None:
        words += ent.role_words
    kw = dm.rules.get("keyword", {})
    titles = {k: v for k, v in dm.rules.get("title", {}).items() if v}
    for w in reversed(words):
        w2 = w.rstrip(".")
        if w2 in kw and kw[w2]:
            return kw[w2], "unknown"
        if w in titles:
            return titles[w], "unknown"
    return "unknown", "unknown"
