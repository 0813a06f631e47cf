"""Reading the structure of a regular expression written as data (lexicon and cue rows).

One linear scanner over the pattern text (:func:`_structure`): :func:`close` finds where a group
ends and :func:`branches` splits a pattern at its top-level ``|``. Escapes and character classes are skipped
(``[]...]`` holds a literal ``]``); nothing is compiled. :func:`required_literal` reads the parse tree
of Python's own regex parser instead: the text every match must contain.
"""
from __future__ import annotations

import re

try:   # re's own parser (Python 3.11+); private, so a Python without it only loses the shortcut
    from re import _constants as _sre  # the opcodes of re's parse tree
    from re import _parser
except ImportError:   # pragma: no cover
    _parser = None


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


def _structure(p: str, i: int = 0):
    """``(j, c, depth)`` for each group paren and ``|`` of ``p`` from ``i``, escapes and character
    classes skipped; ``depth`` is the group depth after ``c``."""
    depth, j = 0, i
    while j < len(p):
        c = p[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _class_end(p, j)
            continue
        if c in "()|":
            depth += (c == "(") - (c == ")")
            yield j, c, depth
        j += 1


def close(p: str, i: int) -> int:
    """Index just after the group that opens at ``p[i] == "("``."""
    return next((j + 1 for j, c, depth in _structure(p, i) if c == ")" and depth == 0), len(p))


def branches(p: str) -> list[str]:
    """``p`` split at its top-level ``|`` (one item when it has none)."""
    out, start = [], 0
    for j, c, depth in _structure(p):
        if c == "|" and depth == 0:
            out.append(p[start:j])
            start = j + 1
    return out + [p[start:]]


def required_literal(pattern: str, flags: int = 0) -> str:
    """A case-sensitive text every match of ``pattern`` (compiled with ``flags``) contains, or "": the
    longest (then last in code-point order) run of literal characters outside ``re.IGNORECASE`` that the
    pattern, a group, a repeat of at least one or every alternative of a branch holds
    (``(?-i:May \\d|Theresa May)`` -> ``May``). A text where it does not occur holds no match; "" when
    this Python's ``re`` has no parser module to read."""
    if _parser is None:
        return ""
    tree = _parser.parse(pattern, flags)
    return max(_required(list(tree), tree.state.flags), key=lambda t: (len(t), t), default="")


def _required(items: list, flags: int) -> set[str]:
    """Literal texts each match of the parse-tree sequence ``items`` contains (see :func:`required_literal`)."""
    out: set[str] = set()
    run: list[str] = []
    for op, av in items + [(None, None)]:
        if op is _sre.LITERAL and not flags & re.IGNORECASE:
            run.append(chr(av))
            continue
        if run:
            out.add("".join(run))
            run = []
        if op is _sre.SUBPATTERN:
            _, add, remove, sub = av
            out |= _required(list(sub), (flags | add) & ~remove)
        elif op is _sre.ATOMIC_GROUP:
            out |= _required(list(av), flags)
        elif op is _sre.BRANCH:   # what every alternative holds, itself or inside a longer text
            alts = [_required(list(b), flags) for b in av[1]]
            out |= {t for t in set().union(*alts) if all(any(t in u for u in alt) for alt in alts)}
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            out |= _required(list(av[2]), flags)
    return out
