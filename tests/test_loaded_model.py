"""The loaded-word model (issue 12): features, hand-computed scores, plain-data model files,
retraining determinism, the development-corpus readers and the derived lexicon.

No development data is needed: every corpus here is invented in this file (generic news prose
built from short word lists), and the PTC/BASIL readers are run on tiny folders written to tmp_path
in the published layouts.
"""
from __future__ import annotations

import hashlib
import json
import math
import random
import subprocess
import sys

import numpy as np
import pytest
from conftest import ROOT

from framing.devdata import DevdataError, basil, ptc, recasens
from framing.devdata._common import Article, hash_split, overlap_mask
from framing.terms import default_lexicon_paths, load_lexicon
from framing.terms_model import features as F
from framing.terms_model import model as M
from framing.terms_model.derive import derive_rows, rows_csv
from framing.terms_model.model import LoadedModel, ModelError, load_model, score_tokens, write_model
from framing.terms_model.scorer import model_hits


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def by_text(text, hits):
    return {text[h.start:h.end]: h for h in hits}


# --------------------------------------------------------------------------- features


def test_features_of_a_plain_sentence():
    text = "Critics slammed the bizarre plan."
    toks, feats = F.token_features(text, in_quote=[False] * len(text))
    assert [text[s:e] for s, e in toks] == ["Critics", "slammed", "the", "bizarre", "plan"]
    slammed, bizarre, plan = feats[1], feats[3], feats[4]
    # the word, its stem, its shape, capitalisation, length bucket
    assert slammed["w=slammed"] == slammed["stem=slam"] == slammed["shape=x"] == slammed["cap=lower"] == 1.0
    assert slammed["len=long"] == 1.0
    assert feats[0]["cap=title@start"] == 1.0 and feats[0]["pos=first"] == 1.0
    # lexicon_generic.csv lists slam+ (a pejorative speech verb, loaded): its category becomes a feature
    ((_, _, entry),) = F.generic_lexicon().match("slammed")
    assert entry.loaded and slammed["lex=" + entry.category] == slammed["lex_loaded"] == 1.0
    assert "lex_multi" not in slammed
    # VADER: bizarre -1.3 -> -1.3 / 4
    assert bizarre["vader"] == pytest.approx(-0.325) and bizarre["vader_abs"] == pytest.approx(0.325)
    assert bizarre["vader_bin=neg1"] == 1.0 and "vader" not in slammed
    assert slammed["vader_ctx"] == pytest.approx(0.325)    # bizarre is two words to the right
    # neighbours, with sentence edges
    assert slammed["w-1=critics"] == slammed["w+1=the"] == slammed["w+2=bizarre"] == slammed["w-2=<s>"] == 1.0
    assert plan["w+1=</s>"] == plan["pos=last"] == plan["pos_q=3"] == 1.0
    assert feats[2]["lex_ctx"] == 1.0 and "lex_ctx" not in plan      # "the" is next to slammed, plan is not
    assert not any("in_quote" in f for f in feats)


def test_in_quote_feature_follows_the_mask_and_the_quotes_module():
    text = 'Officials called it "a bizarre plan" on Monday.'
    toks, feats = F.token_features(text)             # default mask: framing.quotes.in_quote_mask
    quoted = {text[s:e] for (s, e), f in zip(toks, feats) if f.get("in_quote") == 1.0}
    assert quoted == {"a", "bizarre", "plan"}
    bizarre = feats[[text[s:e] for s, e in toks].index("bizarre")]
    assert bizarre["in_quote*vader_abs"] == pytest.approx(0.325)
    _, feats_all = F.token_features(text, in_quote=[True] * len(text))
    assert all(f["in_quote"] == 1.0 for f in feats_all)
    with pytest.raises(ValueError, match="in_quote mask has 3 entries"):
        F.token_features(text, in_quote=[False] * 3)


def test_sentences_break_at_line_ends_and_periods_but_not_after_abbreviations():
    text = "Mr. Smith spoke. Then he left\nNew line"
    toks = F.word_tokens(text)
    assert F.sentence_ids(text, toks) == [0, 0, 0, 1, 1, 1, 2, 2]


def test_spans_restrict_the_tokens_and_numbers_are_not_words():
    text = "Boilerplate here. In 2024 critics slammed it."
    toks, _ = F.token_features(text, spans=[(18, len(text))], in_quote=[False] * len(text))
    assert [text[s:e] for s, e in toks] == ["In", "critics", "slammed", "it"]


def test_shape_collapses_runs():
    assert [F.shape(w) for w in ("Obama", "U.S", "anti-war", "COVID19")] == ["Xx", "X.X", "x-x", "Xd"]


# --------------------------------------------------------------------------- hand-computed scores


def hand_model(threshold=0.5):
    # intercept -1.5; slammed +2; inside a quotation -1; VADER |valence|/4 weighted 4 (so +|valence|)
    names = np.array(["in_quote", "vader_abs", "w=slammed"])
    return LoadedModel(names=names, weights=np.array([-1.0, 4.0, 2.0]), intercept=-1.5, threshold=threshold)


def test_scores_are_computed_from_the_weights_by_hand():
    text = 'Officials slammed the "bizarre" plan and "slammed" it.'
    h = score_tokens(text, model=hand_model())
    words = [x.text for x in h]
    assert words == ["Officials", "slammed", "the", "bizarre", "plan", "and", "slammed", "it"]
    expected = [
        sigmoid(-1.5),               # Officials: no known feature, the intercept only -> 0.1824
        sigmoid(-1.5 + 2.0),         # slammed, authorial: 0.6225
        sigmoid(-1.5),               # the
        sigmoid(-1.5 + 1.3 - 1.0),   # "bizarre": |valence| 1.3, inside a quotation: 0.2315
        sigmoid(-1.5),               # plan
        sigmoid(-1.5),               # and
        sigmoid(-1.5 + 2.0 - 1.0),   # "slammed" quoted: 0.3775
        sigmoid(-1.5),               # it
    ]
    assert [x.score for x in h] == pytest.approx(expected, abs=1e-12)
    assert expected[1] == pytest.approx(0.6224593312, abs=1e-9)
    assert all(text[x.start:x.end] == x.text for x in h)


def test_hits_are_the_tokens_at_or_above_the_threshold():
    text = 'Officials slammed the "bizarre" plan and "slammed" it.'
    m = hand_model(threshold=0.5)
    hits = model_hits(text, model=m)
    assert [(h.start, h.end, h.text) for h in hits] == [(10, 17, "slammed")]   # 0.62 in, 0.38 (quoted) out
    assert [h.text for h in model_hits(text, model=m, threshold=0.3)] == ["slammed", "slammed"]   # + quoted 0.38
    assert len(model_hits(text, model=m, threshold=0.2)) == 3      # + "bizarre" 0.23
    # every word at threshold 0, less the closed-class words a hit never is ("the", "and", "it")
    assert [h.text for h in model_hits(text, model=m, threshold=0.0)] == [
        "Officials", "slammed", "bizarre", "plan", "slammed"]
    assert model_hits(text, model=hand_model(threshold=0.63)) == []
    with pytest.raises(ValueError):
        model_hits(text, model=m, threshold=1.5)


def test_a_caller_supplied_quote_mask_is_used():
    text = "Officials slammed the plan."
    m = hand_model()
    mask = [False] * len(text)
    for i in range(10, 17):
        mask[i] = True
    s = by_text(text, score_tokens(text, in_quote=mask, model=m))["slammed"].score
    assert s == pytest.approx(sigmoid(-1.5 + 2.0 - 1.0), abs=1e-12)


def test_top_features_lists_the_largest_weights_first():
    top = hand_model().top_features(1)
    assert top == [("vader_abs", 4.0), ("in_quote", -1.0)]


# --------------------------------------------------------------------------- model files


def test_model_files_round_trip_as_plain_csv(tmp_path):
    m = hand_model()
    p = write_model(tmp_path / "m.csv", m.names.tolist(), m.weights, m.intercept, {"threshold": "0.5"})
    text = p.read_text(encoding="utf-8")
    assert text.splitlines()[:3] == ["feature,weight", "__intercept__,-1.5", "in_quote,-1.0"]
    back = load_model(p)
    assert back.names.tolist() == m.names.tolist()
    assert np.array_equal(back.weights, m.weights) and back.intercept == -1.5 and back.threshold == 0.5
    meta = dict(line.split(",", 1) for line in (tmp_path / "m_meta.csv").read_text().splitlines()[1:])
    assert meta["weights_sha256"] == hashlib.sha256(p.read_bytes()).hexdigest()
    assert meta["n_features"] == "3" and meta["feature_version"] == F.FEATURE_VERSION


@pytest.fixture
def written(tmp_path):
    m = hand_model()
    return write_model(tmp_path / "m.csv", m.names.tolist(), m.weights, m.intercept, {"threshold": "0.5"})


def _rewrite_meta(p, key, value):
    mp = M.meta_path(p)
    lines = mp.read_text().splitlines()
    mp.write_text("\n".join(f"{key},{value}" if ln.startswith(key + ",") else ln for ln in lines) + "\n")


@pytest.mark.parametrize("damage, message", [
    (lambda p: p.write_text(p.read_text().replace("2.0", "2.5")), "sha256 differs"),
    (lambda p: p.write_text("\n".join(p.read_text().splitlines()[:-1]) + "\n"), "sha256 differs"),
    (lambda p: p.write_bytes(b"\xff\xfe garbage"), "not a model CSV"),
    (lambda p: p.write_text("name,value\n"), "expected header feature,weight"),
    (lambda p: M.meta_path(p).unlink(), "cannot read model file"),
    (lambda p: _rewrite_meta(p, "feature_version", "0"), "feature set '0'"),
    (lambda p: _rewrite_meta(p, "n_features", "4"), "metadata says 4"),
    (lambda p: _rewrite_meta(p, "threshold", "1.5"), "outside (0, 1)"),
])
def test_a_corrupted_or_mismatched_model_is_refused_in_one_line(written, damage, message):
    damage(written)
    with pytest.raises(ModelError, match=message.replace("(", r"\(").replace(")", r"\)")) as e:
        load_model(written)
    assert "\n" not in str(e.value)


def test_the_shipped_model_is_small_plain_data_with_its_provenance():
    p = M.MODEL_FILE
    assert p.stat().st_size + M.meta_path(p).stat().st_size < 5_000_000
    m = load_model(p)
    assert len(m.names) > 1000 and np.all(np.isfinite(m.weights))
    meta = m.meta
    for key in ("trained_by", "training_split", "data_sha256_ptc", "data_sha256_basil", "threshold",
                "threshold_criterion", "C", "corpus_sha256"):
        assert meta.get(key), key
    assert meta["trained_by"] == "scripts/train_loaded_model.py" and "dev" in meta["threshold_criterion"]
    assert 0.0 < m.threshold < 1.0 and float(meta["threshold"]) == m.threshold
    # a vocabulary of single word types: no feature value holds white space (no sentence, no phrase)
    assert not any(any(c.isspace() for c in n) for n in m.names.tolist())
    # what it learned is readable: the strongest loaded cues include loaded words, not only context
    assert m.weights[m.index["lex_loaded"]] > 0


def test_scoring_reads_no_pickle_and_runs_no_fitting_code():
    # (scikit-learn itself gets imported anyway: ``import nltk``, which the corpus module needs, imports
    # nltk.classify.scikitlearn; what matters is that nothing is unpickled and nothing is fitted)
    code = (
        "import pickle, sys\n"
        "def refuse(*a, **k): raise AssertionError('pickle or fitting used')\n"
        "pickle.load = pickle.loads = refuse\n"
        "import numpy as np\n"
        "np.load = refuse\n"
        "from sklearn.linear_model import LogisticRegression\n"
        "LogisticRegression.fit = refuse\n"
        "from framing.terms_model import model_hits, default_model\n"
        "hits = model_hits('Critics slammed the bizarre, hateful plan as a disgrace.')\n"
        "assert default_model().threshold > 0 and hits\n"
        "print('framing.terms_model.train' in sys.modules, 'framing.terms_model.derive' in sys.modules)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.strip() == "False False"


# --------------------------------------------------------------------------- training on an invented corpus

SUBJECTS = ["The council", "A spokesman", "The committee", "The mayor", "Local officials"]
NEUTRAL = ["reviewed", "announced", "described", "discussed", "presented", "explained"]
LOADED = ["slammed", "trashed", "skewered", "panned"]     # slam+ is in lexicon_generic.csv, the others not
OBJECTS = ["the budget", "the report", "the proposal", "the new rules", "the timetable"]
DAYS = ["on Monday", "on Tuesday", "this week", "last month"]


def invented_corpus(n_train=14, n_dev=5, n_test=2, seed=7) -> list[Article]:
    """Articles of invented sentences; the LOADED verbs are the gold spans."""
    rng = random.Random(seed)
    out = []
    for k in range(n_train + n_dev + n_test):
        parts, gold = [], []
        pos = 0
        for _ in range(12):
            loaded = rng.random() < 0.3
            verb = rng.choice(LOADED if loaded else NEUTRAL)
            head = f"{rng.choice(SUBJECTS)} "
            sent = f"{head}{verb} {rng.choice(OBJECTS)} {rng.choice(DAYS)}. "
            if loaded:
                gold.append((pos + len(head), pos + len(head) + len(verb)))
            parts.append(sent)
            pos += len(sent)
        split = "train" if k < n_train else "dev" if k < n_train + n_dev else "test"
        ds = "alpha" if k % 2 else "beta"
        out.append(Article(doc_id=f"{ds}:{k}", text="".join(parts), gold=tuple(gold), group=str(k), split=split,
                           dataset=ds))
    return out


def test_training_learns_the_invented_loaded_words_and_never_reads_test():
    from framing.terms_model import train

    corpus = invented_corpus()
    poisoned = [a if a.split != "test" else Article(a.doc_id, "xx " * 5, ((0, 2),), split="test", dataset="alpha")
                for a in corpus]
    m, report = train.fit(poisoned, c_grid=(1.0,))
    m2, _ = train.fit([a for a in corpus if a.split != "test"], c_grid=(1.0,))
    assert np.array_equal(m.weights, m2.weights)          # test articles changed nothing
    loaded = [m.weights[m.index["w=" + w]] for w in LOADED]
    neutral = [m.weights[m.index["w=" + w]] for w in NEUTRAL]
    assert min(loaded) > 0 and max(neutral) < 0
    assert report["threshold"] == m.threshold and report["dev_macro_f1"] == pytest.approx(1.0)
    text = "The board panned the plan on Friday. The board reviewed the plan."
    assert [h.text for h in model_hits(text, model=m)] == ["panned"]
    # "Monday", "Tuesday" are capitalised inside their sentences: names, whose features are left out
    learned = set(m.names.tolist())
    assert not {f for f in learned if f.split("=", 1)[-1] in ("monday", "tuesday")}
    assert {"w=council", "w-1=council", "w=budget"} <= learned


def test_retraining_gives_byte_identical_files(tmp_path):
    from framing.terms_model import train

    corpus = invented_corpus()
    digests = []
    for run in ("a", "b"):
        m, _ = train.fit(corpus, c_grid=(0.3, 1.0), meta={"trained_by": "tests"})
        p = tmp_path / run / "loaded_model.csv"
        p.parent.mkdir()
        train.save(m, p)
        digests.append([hashlib.sha256(f.read_bytes()).hexdigest() for f in (p, M.meta_path(p))])
        back = load_model(p)
        assert np.array_equal(back.weights, m.weights) and back.threshold == m.threshold
    assert digests[0] == digests[1]


def test_training_needs_train_and_dev_articles():
    from framing.terms_model import train

    with pytest.raises(ValueError, match="need train and dev"):
        train.fit([a for a in invented_corpus() if a.split == "train"])


def test_threshold_criterion_is_the_mean_f1_over_datasets():
    from framing.terms_model.train import macro_f1_by_threshold

    scores = np.array([0.9, 0.4, 0.2, 0.8, 0.3])
    gold = np.array([True, True, False, False, True])
    ds = np.array(["a", "a", "a", "b", "b"])
    # t=0.35: a -> P 1, R 1, F1 1; b -> predicts only the 0.8 (wrong): F1 0; mean 0.5
    # t=0.25: a -> as above; b -> predicts both, P 1/2, R 1, F1 2/3; mean 5/6
    f1 = macro_f1_by_threshold(scores, gold, ds, thresholds=[0.25, 0.35])
    assert f1 == pytest.approx([5 / 6, 0.5])


# --------------------------------------------------------------------------- readers


def test_hash_splits_are_stable_and_near_70_15_15():
    assert hash_split("111111111") == "train"
    counts = {s: 0 for s in ("train", "dev", "test")}
    for i in range(20_000):
        counts[hash_split(f"id{i}")] += 1
    assert abs(counts["train"] / 20_000 - 0.70) < 0.02 and abs(counts["dev"] / 20_000 - 0.15) < 0.02


def test_overlap_mask_counts_any_shared_character():
    assert overlap_mask([(0, 3), (4, 8), (9, 12), (13, 15)], [(2, 5), (14, 30)]) == [True, True, False, True]
    assert overlap_mask([(0, 3)], [(3, 5)]) == [False]


def write_ptc(folder):
    arts = folder / "ptc" / "train-articles"
    arts.mkdir(parents=True)
    text = "A title\n\nCritics slammed the plan.\nIt is a disgrace, they said.\n"
    (arts / "article1001.txt").write_text(text, encoding="utf-8")
    s1 = text.index("slammed")
    s2 = text.index("disgrace")
    s3 = text.index("they")
    (folder / "ptc" / "train-task2-TC.labels").write_text(
        f"1001\tLoaded_Language\t{s1}\t{s1 + 7}\n1001\tDoubt\t{s3}\t{s3 + 9}\n"
        f"1001\tName_Calling,Labeling\t{s2}\t{s2 + 8}\n", encoding="utf-8")
    return text


def test_ptc_reader_keeps_the_four_gold_techniques(tmp_path):
    text = write_ptc(tmp_path)
    (a,) = ptc.read_ptc(tmp_path)        # the devdata root or the ptc folder
    assert a.doc_id == "ptc:1001" and a.split == ptc.split_of("1001") and a.dataset == "ptc"
    assert [text[s:e] for s, e in a.gold] == ["slammed", "disgrace"]     # Doubt is not gold
    assert len(a.labels) == 3
    assert ptc.read_ptc(tmp_path / "ptc")[0].gold == a.gold
    assert len(ptc.data_sha256(tmp_path)) == 64


def write_basil(folder, event="ev1", outlets=(1, 2, 3)):
    for n in outlets:
        art = {"title": "Mayor slams plan", "body-paragraphs": [["Critics slammed the plan.", "It was late."],
                                                                ["The mayor spoke."]]}
        ann = {"phrase-level-annotations": [
            {"id": "p0", "start": 8, "end": 15, "txt": "slammed", "bias": "lex"},
            {"id": "p1", "start": 0, "end": 12, "txt": "It was late.", "bias": "inf"},
            {"id": "p2", "start": 6, "end": 11, "txt": "slams", "bias": "lex"},       # in the title
            {"id": "p3", "start": 0, "end": 5, "txt": "Nowhere", "bias": "lex"},
        ]}
        for sub, name, obj in (("articles", f"{event}_{n}.json", art), ("annotations", f"{event}_{n}_ann.json", ann)):
            d = folder / "basil" / sub / "2019"
            d.mkdir(parents=True, exist_ok=True)
            (d / name).write_text(json.dumps(obj), encoding="utf-8")


def test_basil_reader_places_sentence_offsets_and_splits_by_event(tmp_path):
    write_basil(tmp_path)
    arts = basil.read_basil(tmp_path)
    assert len(arts) == 3 and {a.group for a in arts} == {"ev1"} and len({a.split for a in arts}) == 1
    a = arts[0]
    assert a.text.startswith("Mayor slams plan\n\nCritics slammed the plan. It was late.\n\nThe mayor spoke.")
    assert [a.text[s:e] for s, e in a.gold] == ["slams", "slammed"]
    assert [a.text[s:e] for s, e, lab in a.labels if lab == "inf"] == ["It was late."]
    assert any("p3" in n and "not found" in n for n in a.notes)
    assert basil.event_of("ev1_2") == "ev1" and basil.split_of("ev1") == a.split


def test_readers_say_in_one_line_when_the_data_is_missing(tmp_path):
    for read in (ptc.read_ptc, basil.read_basil, recasens.read_lemmas):
        with pytest.raises(DevdataError) as e:
            read(tmp_path / "nowhere")
        assert "\n" not in str(e.value) and "not found" in str(e.value)


def test_recasens_lexicon_matches_lemmas_and_regular_inflections(tmp_path):
    d = tmp_path / "recasens2013"
    d.mkdir()
    (d / "bias-lexicon_og.txt").write_text("accuse\nso-called\n", encoding="utf-8")
    lex = recasens.recasens_lexicon(tmp_path)
    text = "They accused the so-called experts; Accuses. accusation"
    assert [text[s:e] for s, e, _ in lex.match(text)] == ["accused", "so-called", "Accuses"]


def test_scripts_and_benchmark_refuse_a_missing_devdata_folder(tmp_path):
    for script in ("scripts/train_loaded_model.py", "scripts/derive_lexicon.py", "benchmarks/bench_loaded.py"):
        r = subprocess.run([sys.executable, script, str(tmp_path / "nowhere")], cwd=ROOT, capture_output=True,
                           text=True)
        assert r.returncode == 2, (script, r.stderr)
        assert len(r.stderr.strip().splitlines()) == 1 and "not found" in r.stderr, (script, r.stderr)


# --------------------------------------------------------------------------- derived lexicon


def test_derived_rows_come_from_the_train_split_only_and_are_single_words(tmp_path):
    corpus = invented_corpus()
    # a word loaded only in dev articles must not be derived; a capitalised name never is
    extra = []
    for k in range(4):
        t = "Officials said Zorblat outrageously wasted the money. Zorblat left. "
        s = t.index("outrageously")
        n = t.index("Zorblat")
        for split in ("dev", "train"):
            gold = ((s, s + 12),) if split == "dev" else ((n, n + 7),)
            extra.append(Article(f"x:{split}{k}", t, gold, labels=(), split=split, dataset="alpha"))
    rows = derive_rows(corpus + extra, "tests/test_loaded_model.py")
    terms = {r["term"] for r in rows}
    assert set(LOADED) - {"slammed"} <= terms            # 100 % inside gold, in many articles
    assert "slammed" not in terms                        # already matched by lexicon_generic.csv (slam+)
    assert "outrageously" not in terms and "zorblat" not in terms
    assert not terms & set(NEUTRAL)
    assert all(r["match"] == "word" and r["loaded"] == "true" and " " not in r["term"] for r in rows)
    assert all(r["source"].startswith("tests/test_loaded_model.py; train split;") for r in rows)
    p = tmp_path / "derived.csv"
    p.write_bytes(rows_csv(rows))
    assert len(load_lexicon(paths=[p]).entries) == len(rows)      # a valid lexicon file


def test_a_strong_vader_word_needs_less_training_evidence_and_says_so():
    # twice inside gold, in two training articles: enough for "nasty" (VADER valence -2.6), not for
    # "zorblatty" (no published valence), which would need 5 occurrences in 3 articles
    text = "The council passed a nasty zorblatty budget on Monday. "
    s, z = text.index("nasty"), text.index("zorblatty")
    arts = [Article(f"v:{k}", text, ((s, s + 5), (z, z + 9)), labels=(), split="train", dataset="alpha")
            for k in range(2)]
    rows = {r["term"]: r for r in derive_rows(arts, "t.py")}
    assert "zorblatty" not in rows
    assert rows["nasty"]["source"].startswith("vaderSentiment lexicon (MIT licence), valence -2.6; t.py; train split")


def test_the_shipped_derived_lexicon_is_word_types_with_provenance():
    p = ROOT / "framing" / "data" / "lexicon_derived.csv"
    assert p in default_lexicon_paths()            # adopted: loaded with the generic lexicon
    lines = p.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "term,category,direction,loaded,match,source"
    lex = load_lexicon(paths=[p])
    assert len(lex.entries) == len(lines) - 1 > 20
    generic = {e.category for e in load_lexicon(paths=[ROOT / "framing" / "data" / "lexicon_generic.csv"]).entries}
    for e in lex.entries:
        assert e.match == "word" and e.term.isalpha() or "-" in e.term, e.term
        assert e.term == e.term.lower() and e.category in generic
        assert "scripts/derive_lexicon.py" in e.source and "train split" in e.source
        assert e.source.startswith(("scripts/derive_lexicon.py", "vaderSentiment lexicon (MIT licence), valence "))


def test_docstring_examples_hold():
    import doctest

    from framing.devdata import _common
    from framing.terms_model import scorer as model_module

    for mod in (F, model_module, _common):
        r = doctest.testmod(mod)
        assert r.failed == 0 and r.attempted > 0, mod.__name__


def test_names_include_compounds_that_name_someone():
    from framing.terms_model.derive import name_types

    text = "Crowds held anti-Zorblat rallies in Mirth. The rallies were loud. The anti-war crowd left Mirth."
    arts = [Article("n:1", text, (), labels=(), split="train", dataset="alpha")]
    names = name_types(arts)
    assert {"anti-zorblat", "mirth"} <= names
    assert not {"anti-war", "rallies", "crowd"} & names
