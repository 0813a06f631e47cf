"""No rule's cost may grow with the square of a line, paragraph or article (issue 15, case 2).

Each timing test builds an input that took minutes before the fix (cost quadratic or worse in
its length) and asserts that it now finishes well within :data:`LIMIT`; the bound is generous
(each took 0.2-4 s on one core of the machine of issue 15, and up to 10 s on the slower machine of
issue 11, session 11, where a limit of 10 s failed in a full run; the quadratic versions took
minutes). The other tests check that the linear replacements of regular expressions and
all-pairs loops give the same answers as the code they replaced.
"""
from __future__ import annotations

import random
import re
import signal
import threading
import time
from contextlib import contextmanager

import framing
from framing.corpus import document_from_text
from framing.quotes.attribution import _AS_COMMA, _CUE_COMMA, PARENTHETICAL_WORDS, _cue_then_comma
from framing.quotes.document import _SpanSet
from framing.quotes.entities import _Entity, canonical_names
from framing.quotes.names import AUX, NAME_RE, aux_strip, count_words, name_before_to
from framing.stance.sentences import _coverage
from framing.terms import _voice_lookup

LIMIT = 30.0  # seconds


@contextmanager
def _time_limit(seconds: float):
    """Fail after ``seconds`` (SIGALRM where available) instead of running for minutes."""
    use_alarm = hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    if use_alarm:
        def _abort(signum, frame):
            raise TimeoutError(f"did not finish within {seconds} s: a rule grows faster than the input")
        old = signal.signal(signal.SIGALRM, _abort)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    t0 = time.perf_counter()
    try:
        yield
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
    elapsed = time.perf_counter() - t0
    assert elapsed < seconds, f"took {elapsed:.1f} s (limit {seconds} s)"


def _quotes(text):
    with _time_limit(LIMIT):
        return framing.quotes_table([document_from_text(text, "x")])


LEAD = "Budget Talks Stall\n\nThe council met on Monday. "
CAPS = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliet"]


def test_capitalised_run_before_said():
    # 150 KB of capitalised words, then "said" (before: 1.3 s at 21 KB, 29 s at 83 KB, hours at 1 MB)
    run = " ".join(CAPS[i % len(CAPS)] for i in range(25_000))
    q = _quotes(LEAD + run + " said the plan would fail.\n")
    assert list(q.kind) == ["reported"] and q.text.iloc[0] == "the plan would fail"


def test_mr_run_then_said():
    # "Mr. " 25,000 times (100 KB) then a name and "said" (before: 10 s at 32 KB, > 300 s at 200 KB)
    q = _quotes(LEAD + "Mr. " * 25_000 + "Smith said the plan would fail.\n")
    assert list(q.speaker) == ["Smith"]


def test_capitalised_run_before_a_quote():
    # 150 KB of capitalised words, then a colon and a quotation (before the bounded look back of the
    # name_colon rule: 8 s at 8,000 words): no name right before the colon, so no speaker
    run = " ".join(CAPS[i % len(CAPS)] for i in range(25_000))
    q = _quotes(LEAD + run + " and more: “The plan will fail.”\n")
    assert list(q.kind) == ["unattributed"]


def test_a_long_sentence_of_comma_separated_speech_verbs():
    # one sentence "x, said, " 6,000 times (54 KB): every "said" split the whole sentence before it into
    # comma parts (before: 40 s at 36 KB, 160 s at 72 KB); the subject region is now bounded
    q = _quotes(LEAD + "x, said, " * 6_000 + "\n")
    assert len(q) < 6_000


def test_a_long_sentence_of_quotations_each_with_its_attribution():
    # one sentence of 5,000 "the port is “a mess,” Ruiz said " (170 KB): each verb's reported clause
    # listed every quotation to the end of the sentence (before: 4 s at 3,000, 11 s at 5,000, quadratic)
    q = _quotes(LEAD + "the port is “a mess,” Ruiz said " * 5_000 + ".\n")
    assert len(q) > 4_000 and set(q.speaker) == {"Ruiz"}


def test_paragraph_of_quote_marks():
    # one paragraph of 150,000 straight quotation marks (before: 43 s at 200 KB... per 20 KB: 5 s)
    q = _quotes(LEAD + '"' * 150_000 + "\n")
    assert len(q) == 75_000 and set(q.kind) == {"unattributed"}


def test_stance_on_one_long_paragraph_of_quotes_and_sentences():
    # one paragraph of 33,000 one-word quoted sentences (200 KB): every sentence was compared
    # with every quote (before: 7 s at 60 KB, quadratic)
    text = "Budget Talks Stall\n\n" + "“No.” " * 33_000 + "\n"
    with _time_limit(LIMIT):
        s = framing.stance_table([document_from_text(text, "x")])
    assert s.n_sentences.iloc[0] == 33_001 and s.quoted_words.iloc[0] == 33_000


# --------------------------------------------------------------------------- same answers

PIECES = ["Abc", "Def", "of", "de", "to", "the", " ", " ", "\xa0", "x", "Mr.", "A.", "also", "has", "long",
          "Emily", "quickly", "\n", "\t", ",", "É", "xAbc", "Ab,Cd", "’s", "-", ".", "said", "told", "stated",
          "according to", "As", "as", "y"]


def _random_strings(seed, n, k=14):
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, k))) for _ in range(n)]


def test_backward_scans_equal_the_anchored_regexes():
    to_re = re.compile(r"(" + NAME_RE.pattern + r")[ \xa0]+to$")
    for s in _random_strings(15, 20_000):
        assert aux_strip(s) == AUX.sub("", s), repr(s)
        m = to_re.search(s)
        assert name_before_to(s) == (m.group(1) if m else None), repr(s)
        s2 = s + ", "
        assert _cue_then_comma(s2) == _cue_comma_reference(s2), repr(s2)


def _cue_comma_reference(s: str) -> bool:
    """The rule of ``_cue_then_comma`` as whole-string regexes: a cue and a comma at the end, or
    before one last comma part of at most PARENTHETICAL_WORDS words ("X said, in part, ")."""
    def cued(x: str) -> bool:
        return bool(_CUE_COMMA.search(x)) or bool(_AS_COMMA.search(x))
    if cued(s):
        return True
    body = s.rstrip()
    cut = body.rfind(",", 0, len(body) - 1)
    return cut >= 0 and count_words(s[cut + 1:]) <= PARENTHETICAL_WORDS and cued(s[:cut + 1])


def test_canonical_names_equal_the_all_pairs_rule():
    def all_pairs(ents, acronyms):
        names = sorted(ents, key=len, reverse=True)
        canon = {}
        for n in names:
            if n in acronyms:
                canon[n] = acronyms[n]
                continue
            best, nt = n, n.split()
            for m in names:
                if len(m) <= len(best) or ents[m].kind == "org" and ents[n].kind != "org":
                    continue
                mt = m.split()
                if len(nt) < len(mt) and mt[-len(nt):] == nt and ents[m].kind == "person" and ents[n].kind != "org":
                    best = m
                elif len(nt) < len(mt) and ents[n].kind == "org" and m.endswith(n) and len(nt) > 1:
                    best = m
            canon[n] = best
        return canon

    rng = random.Random(3)
    words = ["Abc", "Bc", "c", "Def", "XDef", "Bank", "Corp", "National", "XNational", "A"]
    for _ in range(3000):
        ents = {}
        for _ in range(rng.randint(0, 12)):
            n = " ".join(rng.choice(words) for _ in range(rng.randint(1, 4)))
            ents[n] = _Entity(n, kind=rng.choice(["person", "org", "unknown"]))
        acronyms = {n: "ACR" for n in ents if rng.random() < 0.1}
        names = sorted(ents, key=len, reverse=True)
        expected = all_pairs(ents, acronyms)
        got = canonical_names(names, ents, acronyms)
        assert got == expected and list(got) == list(expected)


def test_interval_queries_equal_the_pairwise_sums():
    rng = random.Random(5)
    for _ in range(500):
        spans = [(a, a + rng.randint(0, 30)) for a in (rng.randint(0, 200) for _ in range(rng.randint(0, 12)))]
        covered, spanset = _coverage(spans), _SpanSet(spans)
        voice = _voice_lookup([(a, b, f"s{a}") for a, b in spans])
        for _ in range(20):
            s = rng.randint(0, 220)
            e = s + rng.randint(1, 40)
            assert covered(e) - covered(s) == sum(max(0, min(e, b) - max(s, a)) for a, b in spans if a < e and s < b)
            assert spanset.overlaps(s, e) == any(a < e and s < b for a, b in spans)
            assert spanset.contains(s, e) == any(a <= s and e <= b for a, b in spans)
            inner = [(a, b) for a, b in sorted(spans) if a <= s and e <= b]
            expected = ("quoted", f"s{inner[-1][0]}") if inner else ("authorial", "")
            assert voice(s, e) == expected
