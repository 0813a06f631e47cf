"""Tests for framing.terms: matching rules, voice, tables, lexicon validation, and
precision/recall against the hand annotation in annotations/terms.csv."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import terms as T
from framing.corpus import document_from_text, line_documents, load_corpus
from framing.evaluate import evaluate_hits, read_annotation

ROOT = Path(__file__).resolve().parents[1]
ANN = ROOT / "annotations" / "terms.csv"
SENTENCES = ROOT / "tests" / "fixtures" / "terms_sentences.txt"
HELDOUT = ROOT / "tests" / "fixtures" / "terms_sentences_heldout.txt"
SEEDS = ROOT / "seeds"
HEADER = ["term", "category", "direction", "loaded", "match", "source"]


def write_lex(path: Path, rows, header=HEADER) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


@pytest.fixture(scope="module")
def lex(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("lex")
    rows = [
        ("attack+", "violence_conflict", "", "true", "word", "test"),
        ("murderous attack", "violence_conflict", "", "true", "phrase", "test"),
        ("attack helicopter+", "_exclude", "", "false", "phrase", "test"),
        ("aa bb", "cat_a", "", "true", "phrase", "test"),
        ("bb cc", "cat_b", "", "true", "phrase", "test"),
        ("slam+", "pejorative_speech_verb", "", "true", "word", "test"),
        ("decry+", "pejorative_speech_verb", "", "true", "word", "test"),
        ("infiltrat*", "frame_security_threat", "alarm", "true", "word", "test"),
        ("foot in the door", "frame_security_threat", "alarm", "true", "phrase", "test"),
        ("so-called", "distancing", "", "false", "word", "test"),
        ("coup d'état", "violence_conflict", "", "true", "phrase", "test"),
        ("ISIS", "threat_fear", "", "true", "word", "test"),
        ("regime+", "delegitimising_label", "", "true", "word", "test"),
        ("tax regime+", "_exclude", "", "false", "phrase", "test"),
        ("disgraceful", "emotional_charge", "", "true", "word", "test"),
        (r"\bwild(?:er)?\s+speculation\b", "frame_alarm_skepticism", "skeptic", "true", "regex", "test"),
    ]
    return T.load_lexicon(paths=[write_lex(tmp_path / "lex.csv", rows)])


def hits_of(text, lexicon, **kw):
    """Lexicon hits only (the matcher's rules); the model's hits have tests of their own."""
    kw.setdefault("model", False)
    return T.term_hits(document_from_text(text, "t"), lexicon=lexicon, **kw)


def texts(text, lexicon):
    return list(hits_of(text, lexicon)["text"])


# ----------------------------------------------------------------- matching rules


def test_longest_wins_and_no_double_count(lex):
    h = hits_of("It was a murderous attack on the town.", lex)
    assert list(h["text"]) == ["murderous attack"]  # not also "attack"
    # the longer _exclude compound beats both overlapping entries and is then dropped
    assert texts("They saw a murderous attack helicopter.", lex) == []
    assert texts("An attack on the base.", lex) == ["attack"]


def test_equal_length_overlap_earliest_wins(lex):
    h = hits_of("xx aa bb cc yy", lex)
    assert list(h["text"]) == ["aa bb"]
    assert list(h["category"]) == ["cat_a"]


def test_inflections_and_prefix(lex):
    assert texts("She slammed it; he slams it; they are slamming it; critics slam it.", lex) == [
        "slammed", "slams", "slamming", "slam"]
    assert texts("Groups decried the plan and he decries it.", lex) == ["decried", "decries"]
    assert texts("A slammer and a slamdunk.", lex) == []  # no unrelated words
    assert texts("Fears of infiltration; they infiltrated.", lex) == ["infiltration", "infiltrated"]
    assert texts("Several attacks followed.", lex) == ["attacks"]


def test_phrase_split_by_line_break_and_spaces(lex):
    assert texts("a foot in\nthe door here", lex) == ["foot in\nthe door"]
    assert texts("a foot   in the \t door here", lex) == ["foot   in the \t door"]
    assert texts("a foot in\n\nthe door", lex) == []  # not across a paragraph break


def test_hyphen_and_apostrophe_variants(lex):
    for s in ["the so-called plan", "the so called plan", "the so–called plan", "the so‑called plan",
              "the so-\ncalled plan", "the socalled plan"]:
        assert len(texts(s, lex)) == 1, s
    assert texts("a coup d’état and a coup d'état", lex) == ["coup d’état", "coup d'état"]
    assert texts("a coup d état", lex) == []  # apostrophe is not optional


def test_case_rules(lex):
    assert texts("The REGIME and the Regime.", lex) == ["REGIME", "Regime"]
    assert texts("ISIS claimed it; the goddess Isis did not.", lex) == ["ISIS"]


def test_exclude_compound(lex):
    assert texts("The tax regime changed, not the regime.", lex) == ["regime"]


def test_regex_entry(lex):
    h = hits_of("Contrary to some wilder speculation, nothing happened.", lex)
    assert list(h["text"]) == ["wilder speculation"]
    assert list(h["direction"]) == ["skeptic"]


@dataclass
class StandIn:
    """Minimal document: boilerplate is everything outside ``spans``."""

    doc_id: str
    text: str
    spans: list
    tokens: list | None = None

    def content_spans(self):
        return self.spans


def test_boilerplate_excluded(lex):
    text = "Body: a murderous attack.\n\nRelated: regime slams attack on tax regime."
    cut = text.index("Related")
    doc = StandIn("d", text, [(0, cut)])
    h = T.term_hits(doc, lexicon=lex, model=False)
    assert list(h["text"]) == ["murderous attack"]
    assert (h["end"] <= cut).all()
    assert (T.term_hits(doc, lexicon=lex)["end"] <= cut).all()     # nor does the model look there


def test_seed_boilerplate_not_matched():
    corpus = load_corpus(SEEDS)
    h = T.term_hits(corpus)
    for d in corpus:
        spans = d.content_spans()
        for r in h[h["doc_id"] == d.doc_id].itertuples():
            assert any(s <= r.start and r.end <= e for s, e in spans)
    # the teaser about a war after the body of 000 is boilerplate
    d0 = corpus["000_68f374f61da0462d"]
    tail = d0.text.index("Senate has two days")
    assert not ((h["doc_id"] == d0.doc_id) & (h["start"] >= tail)).any()


# ----------------------------------------------------------------- voice


def test_quoted_versus_authorial(lex):
    text = ('Critics slammed the plan. “It is a disgraceful regime,” he said. Then "a regime" again.\n\n'
            '“The opposition leader never closed this quotation about the regime, which continues here.')
    h = hits_of(text, lex, quote_spans_fn="simple")
    got = list(zip(h["text"], h["voice"]))
    assert got == [("slammed", "authorial"), ("disgraceful", "quoted"), ("regime", "quoted"),
                   ("regime", "quoted"), ("regime", "authorial")]  # unclosed quote: not a quotation
    assert (h["speaker"] == "").all()


def test_voice_from_quotes_module(lex):
    """The default voice comes from framing.quotes: speakers attached, unclosed final quote is quoted."""
    text = ('Critics slammed the plan. “It is a disgraceful regime,” said Jane Roe, a senator.\n\n'
            '“The opposition leader never closed this quotation about the regime, which continues here.')
    h = hits_of(text, lex)
    got = list(zip(h["text"], h["voice"], h["speaker"]))
    assert got[:3] == [("slammed", "authorial", ""), ("disgraceful", "quoted", "Jane Roe"),
                       ("regime", "quoted", "Jane Roe")]
    assert got[-1][:2] == ("regime", "quoted")


def test_quote_spans_fn_with_speaker(lex):
    text = "He slammed it. They slammed it."
    fn = lambda doc: [(15, len(text), "Jane Doe")]  # noqa: E731
    h = hits_of(text, lex, quote_spans_fn=fn)
    assert list(h["voice"]) == ["authorial", "quoted"]
    assert list(h["speaker"]) == ["", "Jane Doe"]


def test_simple_quote_spans_within_paragraph():
    text = 'a “b” c "d e" f “g\n\nh” i'
    spans = T.simple_quote_spans(text)
    assert [text[s:e] for s, e in spans] == ["“b”", '"d e"']


# ----------------------------------------------------------------- tables


def test_hits_columns_and_rates(lex):
    docs = [document_from_text("Critics slammed the regime. “A disgraceful regime,” he said.", "a"),
            document_from_text("Nothing here at all.", "b")]
    h = T.term_hits(docs, lexicon=lex)
    assert list(h.columns) == T.HIT_COLUMNS
    r = T.term_rates(h, docs, lexicon=lex)
    assert list(r.columns) == ["doc_id", "category", "voice", "n_hits", "n_tokens", "per_1k"]
    a = r[r["doc_id"] == "a"].set_index(["category", "voice"])
    n_tok = len(docs[0].tokens)
    assert a.loc[("delegitimising_label", "all"), "n_hits"] == 2
    assert a.loc[("delegitimising_label", "quoted"), "n_hits"] == 1
    assert a.loc[("delegitimising_label", "all"), "per_1k"] == pytest.approx(2000 / n_tok)
    assert a.loc[("ALL_LOADED", "all"), "n_hits"] == 4
    for c in set(r["category"]):
        sub = a.loc[c]
        assert sub.loc["all", "n_hits"] == sub.loc["authorial", "n_hits"] + sub.loc["quoted", "n_hits"]
    b = r[r["doc_id"] == "b"]
    assert (b["n_hits"] == 0).all() and (b["n_tokens"] == 4).all()
    wide = T.term_rates(h, docs, lexicon=lex, wide=True)
    assert "delegitimising_label__quoted__per_1k" in wide.columns and "n_tokens" in wide.columns


def test_concordance(lex):
    doc = document_from_text("Some text before. Critics\nslammed the regime today.", "a")
    h = T.term_hits(doc, lexicon=lex)
    c = T.concordance(h, [doc], width=10)
    assert list(c["match"]) == list(h["text"])
    assert c.iloc[0]["left"] == ". Critics "  # line break shown as a space
    assert c.iloc[0]["right"] == " the regim"


# ----------------------------------------------------------------- lexicon validation


GOOD = ("threat+", "threat_fear", "", "true", "word", "test")


@pytest.mark.parametrize("bad,needle", [
    (("", "threat_fear", "", "true", "word", "x"), "empty term"),
    (("x", "", "", "true", "word", "x"), "empty category"),
    (("x(", "c", "", "true", "regex", "x"), "bad regex"),
    (("a*", "c", "", "true", "regex", "x"), "empty string"),
    (("x", "c", "", "true", "fuzzy", "x"), "unknown match type"),
    (("x", "c", "", "maybe", "word", "x"), "bad loaded value"),
    (("two words", "c", "", "true", "word", "x"), "use match=phrase"),
    (("u.s. policy", "c", "", "true", "phrase", "x"), "match=regex"),
    (("x", "c", "", "true", "word", ""), "empty source"),
    (("x", "c", "", "true", "word", "x", "extra"), "more fields"),
])
def test_malformed_lexicon_names_file_and_row(tmp_path, bad, needle):
    p = write_lex(tmp_path / "analyst.csv", [GOOD, GOOD, bad])
    with pytest.raises(ValueError) as e:
        T.load_lexicon(paths=[p])
    msg = str(e.value)
    assert "analyst.csv" in msg and "row 3" in msg and needle in msg, msg


def test_missing_column_and_missing_file(tmp_path):
    p = write_lex(tmp_path / "nocat.csv", [("x", "", "true", "word", "x")],
                  header=["term", "direction", "loaded", "match", "source"])
    with pytest.raises(ValueError, match=r"nocat\.csv: missing column\(s\) category"):
        T.load_lexicon(paths=[p])
    with pytest.raises(ValueError, match="nope.csv"):
        T.load_lexicon(paths=[tmp_path / "nope.csv"])


def test_extra_lexicon_adds_or_replaces(tmp_path):
    extra = write_lex(tmp_path / "mine.csv", [("foo bar", "threat_fear", "", "true", "phrase", "analyst")])
    base = T.load_lexicon()
    added = T.load_lexicon(extra=extra)
    replaced = T.load_lexicon(extra=extra, replace=True)
    doc = document_from_text("The threat of foo  bar grows.", "d")
    assert list(T.term_hits(doc, lexicon=base)["text"]) == ["threat"]
    assert list(T.term_hits(doc, lexicon=added)["text"]) == ["threat", "foo  bar"]
    assert list(T.term_hits(doc, lexicon=replaced)["text"]) == ["foo  bar"]
    n_threat = (base.table["category"] == "threat_fear").sum()
    assert (replaced.table["category"] == "threat_fear").sum() == 1 < n_threat


def test_packaged_lexicons_valid_and_cited():
    lexicon = T.load_lexicon()
    t = lexicon.table
    assert len(t) > 400
    assert (t["source"].str.len() > 3).all()
    generic = {"threat_fear", "violence_conflict", "delegitimising_label", "hyperbole_intensifier",
               "pejorative_speech_verb", "emotional_charge", "hedge", "booster", "distancing"}
    assert generic <= set(t["category"])
    assert not t.loc[t["category"].isin(["hedge", "booster", "distancing"]), "loaded"].any()
    frames = t[t["file"].str.startswith("frame_")]
    assert set(frames["category"]) == {"frame_security_threat", "frame_alarm_skepticism"}
    # the sovereignty counter-frame is the seeds' story's: it comes only with its pack
    with_pack = T.load_lexicon(story="bolivia_iran_2023").table
    assert set(with_pack["category"]) - set(t["category"]) == {"frame_sovereignty"}


# ----------------------------------------------------------------- property test

_WORDS = ["regime", "attack", "murderous", "foot", "in", "the", "door", "so", "called", "slammed", "tax",
          "coup", "d", "état", "aa", "bb", "cc", "ISIS", "wild", "speculation", "x"]
_SEPS = [" ", "  ", "\n", "\n\n", "-", "–", "’", "'", ", ", ". ", "“", "”", '"']


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPS)), max_size=40),
       st.text(max_size=30))
def test_property_spans(lex, pieces, noise):
    text = "".join(w + s for w, s in pieces) + noise
    for lexicon in (lex, T.load_lexicon()):
        h = T.term_hits(document_from_text(text, "p"), lexicon=lexicon)
        prev_end = -1
        for r in h.itertuples():
            assert text[r.start:r.end] == r.text
            assert r.start >= prev_end  # sorted, no overlap
            prev_end = r.end
            assert r.voice in ("authorial", "quoted")


# ----------------------------------------------------------------- precision / recall


@pytest.fixture(scope="module")
def gold():
    return read_annotation(ANN)


def _score(docs, gold, loaded=True):
    # the hand annotation marks the seeds' story cues too: score with the story's pack; this is the
    # lexicon's measure (the model's is benchmarks/bench_loaded.py, on data it was not fitted on)
    h = T.term_hits(docs, story="bolivia_iran_2023", model=False)
    return evaluate_hits(h, gold, loaded=loaded, doc_ids=[d.doc_id for d in docs])


def test_annotation_offsets_match_text(gold):
    corpus = load_corpus(SEEDS)
    docs = {d.doc_id: d.text for d in corpus}
    for p, pre in ((SENTENCES, "sent"), (HELDOUT, "held")):
        docs.update({d.doc_id: d.text for d in line_documents(p, pre)})
    g = [r for r in gold if r["category"] != "_extent"]
    assert sum(r["loaded"] == "true" for r in g) >= 100
    for r in g:
        assert docs[r["doc_id"]][r["start"]:r["end"]] == r["text"]


# Measured (see annotations/terms_README.md): seeds 000+003 loaded P=1.00 R=0.95;
# sentences P=0.97 R=0.97; held-out sentences P=1.00 R=0.93 (P=0.94 R=0.57 before the
# lexicon saw them); epistemic markers on seeds P=0.95 R=1.00. Thresholds sit a little below.
def test_precision_recall_seeds(gold):
    corpus = load_corpus(SEEDS)
    docs = [corpus["000_68f374f61da0462d"], corpus["003_054b8754569760fc"]]
    r = _score(docs, gold)
    assert r["precision"] >= 0.9 and r["recall"] >= 0.85, r
    assert r["precision_strict"] >= 0.9 and r["recall_strict"] >= 0.85, r
    m = _score(docs, gold, loaded=False)
    assert m["precision"] >= 0.85 and m["recall"] >= 0.9, m


def test_precision_recall_sentences(gold):
    r = _score(line_documents(SENTENCES, "sent"), gold)
    assert r["precision"] >= 0.9 and r["recall"] >= 0.9, r
    assert r["precision_strict"] >= 0.8 and r["recall_strict"] >= 0.85, r


def test_precision_recall_heldout_sentences(gold):
    r = _score(line_documents(HELDOUT, "held"), gold)
    assert r["precision"] >= 0.9 and r["recall"] >= 0.85, r


def test_rate_totals_follow_each_hits_loaded_flag():
    """ALL_LOADED counts loaded hits even in a category that mixes loaded and neutral entries."""
    from framing import load_corpus

    c = load_corpus(SEEDS)
    h = T.term_hits(c)
    r = T.term_rates(h, c)
    for d in c:
        got = r[(r.doc_id == d.doc_id) & (r.category == "ALL_LOADED") & (r.voice == "all")].n_hits.iloc[0]
        assert got == int(h[(h.doc_id == d.doc_id) & h.loaded].shape[0])
        got = r[(r.doc_id == d.doc_id) & (r.category == "ALL_MARKERS") & (r.voice == "all")].n_hits.iloc[0]
        assert got == int(h[(h.doc_id == d.doc_id) & h.category.isin(T.EPISTEMIC_CATEGORIES)].shape[0])


@pytest.mark.parametrize("term", [r"\bpok(?:e|es|ed)\b", r"\bin[^\S\n]+(?:our|the)\b", r"\bab(?:c)?", r"\bxyz|q",
                                  r"\bab?c", r"\bab(?:ab)*", r"\bpo(?=ke\b)"])
def test_a_regex_opening_with_a_word_boundary_matches_as_finditer_would(term):
    import re

    text = ("poke ppoke _poke Poke 9poke é poke; in our inin our in  the xin the abc ab abab ab_ xyz qxyz "
            "Pokes pokéd poke ac ababab \u212aoke po\u212ae")
    assert (T._word_prefix(term) != "") == (not term.endswith("|q"))
    lex = T.Lexicon([T.Entry(term, "c", "", True, "regex", "s", "f.csv", 1)])
    want = re.compile(term, re.IGNORECASE)
    for start, end in [(0, len(text)), (1, len(text)), (6, 40), (17, 17), (41, 80)]:
        got = [(s, e) for s, e, _ in lex.candidates(text, start, end)]
        assert got == [m.span() for m in want.finditer(text, start, end) if m.end() > m.start()], (start, end)


def test_only_a_boundary_that_governs_the_whole_regex_is_moved():
    assert T._has_top_level_bar(r"\bab|c") and T._has_top_level_bar(r"\b(?:a)b|c")
    assert not T._has_top_level_bar(r"\bab(?:c|d)") and not T._has_top_level_bar(r"\bab[|]c")
    assert not T._has_top_level_bar(r"\bab\|c") and not T._has_top_level_bar(r"\bab[]|]c")
