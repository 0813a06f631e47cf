"""The one scanner of regex structure that lexicon regexes and cue patterns share."""
from framing.regex_parts import branches, close


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
