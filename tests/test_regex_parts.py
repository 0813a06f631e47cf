"""The one scanner of regex structure that lexicon regexes and cue patterns share."""
import random
import re

from framing.regex_parts import branches, close, required_literal


def test_branches_split_only_at_top_level_bars():
    assert branches(r"a|(b|c)|[|]d") == ["a", "(b|c)", "[|]d"]
    assert branches(r"\|x|y") == [r"\|x", "y"]
    assert branches(r"ab[]|]c") == ["ab[]|]c"] and branches(r"ab[^]|]c") == ["ab[^]|]c"]
    assert branches("") == [""]


def test_close_skips_escapes_and_classes():
    assert close("(a[)]b)c", 0) == 7
    assert close(r"(a\)b)c", 0) == 6
    assert close("(a(b)c)d", 0) == 7
    assert close("(open", 0) == 5


def test_required_literal_is_case_sensitive_text_every_alternative_holds():
    assert required_literal(r"(?-i:\b(?:(?:[Ii]n|[Oo]f)[^\S\n]+May|May,?[^\S\n]+\d{4}|Theresa May))", re.I) == "May"
    assert required_literal("abc", re.I) == "" and required_literal("abc") == "abc"
    assert required_literal("ab(?:c|d)e") == "ab" and required_literal("(?:xab|yab)z") == "z"
    assert required_literal("a(?:bcd)?ef") == "ef" and required_literal("(?:bcd)+e") == "bcd"
    assert required_literal("x(?=abcd)") == "x" and required_literal("ab|") == ""


def test_a_text_without_the_required_literal_holds_no_match():
    rng = random.Random(5)
    patterns = [r"(?-i:\b(?:[Ii]n May|May \d|The[a-z]* May))", r"(?-i:(?:ab|cab)+c?)d", r"w(?-i:Xy)*z"]
    pieces = ["May", "may", "In ", "in ", "The", "the", "a", "b", "c", "d", " ", "3", "Xy", "w", "z"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        for p in patterns:
            need = required_literal(p, re.I)
            if need not in text:
                assert re.search(p, text, re.I) is None, (p, text)
