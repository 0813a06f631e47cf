"""Issue 12, item 3: lexicon and model hits in one table (source, score, the union counted once), and
the vectorised scorer equal to the reference feature dicts."""
from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pytest

from framing import terms as T
from framing.corpus import document_from_text, load_corpus
from framing.terms_model import features as F
from framing.terms_model.model import LoadedModel, default_model
from framing.terms_model.scorer import Scorer, closed_class_words

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z))


def word_model(threshold=0.5, **weights):
    names = sorted(weights)
    return LoadedModel(names=np.array(names), weights=np.array([weights[n] for n in names], dtype=float),
                       intercept=-2.0, threshold=threshold)


@pytest.fixture(scope="module")
def small_lex(tmp_path_factory):
    p = tmp_path_factory.mktemp("lex") / "mine.csv"
    with p.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["term", "category", "direction", "loaded", "match", "source"])
        w.writerow(["bizarre", "emotional_charge", "", "true", "word", "test"])
        w.writerow(["reckless plan", "emotional_charge", "", "true", "phrase", "test"])
        w.writerow(["reckless driver", "_exclude", "", "false", "phrase", "test"])
    return T.load_lexicon(paths=[p])


def test_model_hits_join_the_lexicon_hits_with_source_and_score(small_lex):
    m = word_model(**{"w=slammed": 4.0, "w=reckless": 4.0, "w=bizarre": 1.0})
    doc = document_from_text("Critics slammed the bizarre and reckless plan.", "d")
    h = T.term_hits(doc, lexicon=small_lex, model=m)
    assert list(h.columns) == T.HIT_COLUMNS
    assert list(h["text"]) == ["slammed", "bizarre", "reckless plan"]
    slammed, bizarre, phrase = h.to_dict("records")
    # a word no lexicon row matches: a model hit with its own probability
    assert (slammed["source"], slammed["category"], slammed["term"], slammed["loaded"]) == \
        ("model", T.MODEL_CATEGORY, "slammed", True)
    assert slammed["score"] == pytest.approx(sigmoid(-2.0 + 4.0))
    # lexicon hits name their row and carry the model's score of their words (the largest)
    assert bizarre["source"] == "mine.csv:1" and bizarre["score"] == pytest.approx(sigmoid(-1.0))
    assert phrase["source"] == "mine.csv:2" and phrase["score"] == pytest.approx(sigmoid(2.0))
    # "reckless" scores 0.88 but lies inside the lexicon's phrase: counted once, as the lexicon hit
    assert (h["source"] == "model").sum() == 1


def test_the_union_is_counted_once_in_the_rates(small_lex):
    m = word_model(**{"w=slammed": 4.0, "w=reckless": 4.0})
    doc = document_from_text("Critics slammed the bizarre and reckless plan.", "d")
    h = T.term_hits(doc, lexicon=small_lex, model=m)
    r = T.term_rates(h, [doc], lexicon=small_lex)
    n = r.set_index(["category", "voice"])["n_hits"]
    assert n[("ALL_LOADED", "all")] == 3 == len(h)
    assert n[(T.MODEL_CATEGORY, "all")] == 1 and n[("emotional_charge", "all")] == 2
    # no two rows share a character
    spans = sorted(zip(h["start"], h["end"]))
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_a_precision_guard_also_silences_the_model(small_lex):
    m = word_model(**{"w=reckless": 4.0})
    doc = document_from_text("A reckless driver hit the wall.", "d")
    assert T.term_hits(doc, lexicon=small_lex, model=m).empty


def test_model_off_gives_lexicon_rows_without_score(small_lex):
    doc = document_from_text("Critics slammed the bizarre plan.", "d")
    h = T.term_hits(doc, lexicon=small_lex, model=False)
    assert list(h["text"]) == ["bizarre"] and h["score"].isna().all() and list(h["source"]) == ["mine.csv:1"]
    with pytest.raises(TypeError, match="LoadedModel"):
        T.term_hits(doc, lexicon=small_lex, model="yes")


def test_closed_class_words_and_names_are_never_model_hits():
    m = word_model(threshold=0.5, **{"w=the": 9.0, "w=tehran": 9.0, "w=grim": 9.0})
    doc = document_from_text("Tehran sent the grim note. Officials in Tehran were grim.", "d")
    h = T.term_hits(doc, lexicon=T.load_lexicon(paths=[]), model=m)
    # "the" is closed-class; "Tehran" inside a sentence is a name; at a sentence start it may be a word
    assert list(h["text"]) == ["Tehran", "grim", "grim"]
    assert {"the", "of", "and", "would"} <= closed_class_words()


def test_the_default_lexicon_path_scores_like_the_separate_generic_search(small_lex):
    # the default lexicon resolves the model's lexicon features from its own candidates; another
    # lexicon makes the scorer search the generic lexicon itself: the scores must be the same
    corpus = load_corpus(SEEDS)
    a = T.term_hits(corpus, quote_spans_fn="simple")
    b = T.term_hits(corpus, quote_spans_fn="simple", lexicon=small_lex)
    ma = a[a["source"] == "model"].set_index(["doc_id", "start"])["score"]
    mb = b.set_index(["doc_id", "start"])["score"]
    common = ma.index.intersection(mb.index)
    assert len(common) > 20
    assert np.allclose(ma[common], mb[common], atol=1e-12)


TRICKY = ("Mr. Smith said the plan costs 3.5 billion.\nIt is a \"reckless, hateful\" scheme, he said!\n\n"
          "U.S. officials – furious – slammed it. Dr. Jones: 'a bizarre failure'? The so-called deal "
          "was hailed... by the regime. An attack-helicopter deal, a terror threat (unprecedented)!")


@pytest.mark.parametrize("text", [TRICKY, TRICKY.upper(), TRICKY.replace(" ", "  "), TRICKY.replace(" ", "\u00a0"),
                                  TRICKY.replace(". ", ".\u2003"), "", "42", "Word", "Mr. X. Y"])
def test_the_vectorised_scorer_equals_the_feature_dicts(text):
    from framing.corpus import token_spans
    from framing.quotes.marks import quote_spans

    m = default_model()
    toks, feats = F.token_features(text)
    ref = m.decision(feats) if feats else np.zeros(0)
    words, z, eligible = Scorer(m).score(text, token_spans(text, [(0, len(text))]), quote_spans(text),
                                         F.generic_lexicon().match(text))
    assert words == toks
    assert np.allclose(z, ref, rtol=0, atol=1e-9)
    assert len(eligible) == len(words)


def test_the_scorer_reads_the_sentence_ends_of_the_feature_rule():
    from framing.terms_model import scorer

    assert "".join(map(chr, scorer._END_CODES)) == F._END_RE.pattern.strip("[]")


def test_quotation_runs_of_a_character_mask():
    from framing.terms_model.scorer import in_spans, mask_runs

    assert mask_runs([False, True, True, False, True]) == [(1, 3), (4, 5)]
    assert mask_runs([]) == []
    assert in_spans(np.array([0, 1, 2, 4, 9]), [(1, 3), (4, 5), (2, 8)]).tolist() == [False, True, True, True, False]


def test_a_repeated_quote_scan_returns_a_fresh_copy():
    # the terms of a document re-read its quotation spans; the second call is a copy, never shared
    from framing.quotes.marks import quote_spans

    text = 'He said "we will go" today and "stay" here.'
    first = quote_spans(text)
    first.append((0, 1, ()))
    assert quote_spans(text) == [(8, 20, ()), (31, 37, ())]
    assert quote_spans(text[:21]) == [(8, 20, ())]


def test_scores_are_the_same_floats_under_any_hash_seed():
    # a token in several lexicon matches adds several weights; a set's order follows the hash seed,
    # so the sum must not
    import subprocess
    import sys

    code = ("import framing\n"
            "c = framing.load_corpus('seeds', story='bolivia_iran_2023')\n"
            "print(repr(framing.term_hits(c)['score'].tolist()))\n")
    root = Path(__file__).resolve().parents[1]
    outs = {subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True,
                           env={**__import__("os").environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(outs) == 1 and len(next(iter(outs))) > 100
