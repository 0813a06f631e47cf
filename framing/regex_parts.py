"""Reading the structure of a regular expression written as data (lexicon and cue rows).

Two scanners over the pattern text, both linear: :func:`close` finds where a group ends and
:func:`branches` splits a pattern at its top-level ``|``. Escapes and character classes are skipped
(``[]...]`` holds a literal ``]``); nothing is compiled.
"""
from __future__ import annotations


def _class_end(p: str, j: int) -> int:
    """Index just after the character class that opens at ``p[j] == "["``."""
    k = j + 1
    if p[k:k + 1] == "^":
        k += 1
    if p[k:k + 1] == "]":          # "[]...]" / "[^]...]": the first "]" is a literal
        k += 1
    while k < len(p):
        if p[k] == "\\":
            k += 2
            continue
        if p[k] == "]":
            return k + 1
        k += 1
    return len(p)


def close(p: str, i: int) -> int:
    """Index just after the group that opens at ``p[i] == "("``."""
    depth, j = 0, i
    while j < len(p):
        c = p[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _class_end(p, j)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return len(p)


def branches(p: str) -> list[str]:
    """``p`` split at its top-level ``|`` (one item when it has none)."""
    out, depth, j, start = [], 0, 0, 0
    while j < len(p):
        c = p[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _class_end(p, j)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(p[start:j])
            start = j + 1
        j += 1
    return out + [p[start:]]
