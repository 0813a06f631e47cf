"""Tests for framing.stance: cues, features, the alarm index, frames, uncertainty, comparison.

Expectations come from (a) the index's documented definition (signs, monotonicity, thresholds),
(b) hand-written fixtures in tests/fixtures/stance/ with their intended frame annotated in
annotations/stance_fixtures.csv, (c) the analyst coding of the seeds (seeds/sources.csv,
column analyst_frame), which only these tests read, to measure agreement.
"""
from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing
from framing import stance

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "tests" / "fixtures" / "stance"
ANN = ROOT / "annotations" / "stance_fixtures.csv"
SEEDS = ROOT / "seeds"
PACK = framing.load_story("bolivia_iran_2023")  # these tests are the seeds' story: its cues, registry, targets
W = stance.load_weights(story=PACK)
TH = W["thresholds"]

NEUTRAL_BASE = (
    "Bolivia and Iran sign defense memorandum\n\n"
    "Bolivia and Iran signed a memorandum of understanding on defense in Tehran last week, "
    "the Bolivian Defense Ministry said on Wednesday. The ministry did not publish the text. "
    "Argentina's Foreign Ministry said it had asked Bolivia for information about the agreement. "
    "Bolivian opposition lawmakers asked the government to present the memorandum to Congress. "
    "The two countries have cooperated on trade and technology since 2007, officials said. "
    "Officials in La Paz said the memorandum covers border surveillance and anti-narcotics work.\n"
)
THREAT_SENT = "Iran is using Bolivia as a foothold and a base of operations for its proxies in the region."
SKEPTIC_SENT = "The hysteria over the deal is overblown, and the alarmism of its critics is speculative."


def table_of(text: str, doc_id: str = "doc") -> pd.DataFrame:
    return stance.stance_table([framing.document_from_text(text, doc_id)], story=PACK)


def index_of(text: str) -> float:
    return float(table_of(text)["alarm_index"].iloc[0])


@pytest.fixture(scope="module")
def fixtures():
    corpus = framing.load_corpus(FIX, story=PACK)
    return corpus, stance.stance_table(corpus)


@pytest.fixture(scope="module")
def seeds():
    corpus = framing.load_corpus(SEEDS, story=PACK)
    sent = stance.sentence_table(corpus)
    return corpus, sent, stance.stance_table(corpus, sentences=sent)


def annotation() -> dict:
    with ANN.open(encoding="utf-8") as fh:
        return {r["doc_id"]: r["intended_frame"] for r in csv.DictReader(fh)}


# --------------------------------------------------------------------------- data files


def test_weights_file_is_complete():
    F = W["features"]
    assert (F["rationale"].str.len() > 20).all()
    assert set(F["sign"]) <= {1.0, -1.0}
    assert TH["skeptical"] < 0 < TH["alarmist"]
    # every feature of the weights file is a column of the feature table
    cols = set(table_of(NEUTRAL_BASE).columns)
    assert set(F.index) <= cols


def test_targets_and_topics_have_rationale():
    tg = pd.read_csv(PACK.folder / "targets.csv", dtype=str)
    assert set(tg["target"]) == {"iran", "bolivian_government", "united_states", "argentina_government",
                                 "argentina_opposition"}
    assert tg["rationale"].str.contains("STORY-SPECIFIC").all()
    tp = stance.load_topics(PACK)
    assert {"amia_bombing", "drones", "hezbollah", "lithium", "isw_report", "argentina_reaction"} <= set(tp["topic"])
    assert (tp["rationale"].str.len() > 10).all()


def test_bad_weights_file_rejected(tmp_path):
    rows = list(csv.DictReader((ROOT / "framing" / "data" / "stance_weights.csv").open(encoding="utf-8")))
    p = tmp_path / "w.csv"

    def rejected(**change):
        bad = [dict(r) for r in rows]
        bad[0].update(change)
        with p.open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=list(bad[0]))
            w.writeheader()
            w.writerows(bad)
        with pytest.raises(ValueError):
            stance.load_weights(p)

    rejected(rationale="")  # every row needs its rationale
    rejected(scale="0")  # a zero scale cannot standardise


def test_empty_corpus_rejected():
    with pytest.raises(ValueError):
        stance.stance_table([])


# --------------------------------------------------------------------------- cues


def test_sentence_cues_are_spans_in_their_sentence(fixtures):
    corpus, _ = fixtures
    cues = stance.sentence_cues(corpus)
    assert len(cues)
    labels = {v[0] for v in stance.CUES.values()}
    for r in cues.itertuples():
        doc = corpus[r.doc_id]
        assert doc.text[r.start:r.end] == r.text
        assert r.sentence_start <= r.start and r.end <= r.sentence_end  # the cue lies in its sentence
        assert r.cue in labels and r.voice in ("authorial", "quoted")
    sk = cues[cues["doc_id"] == "skeptical"]
    assert {"hysteria", "overblown"} <= set(sk["text"].str.lower())
    assert set(sk[sk["text"].str.lower() == "hysteria"]["cue"]) == {"alarm-skeptical"}
    al = cues[(cues["doc_id"] == "alarmist") & (cues["cue"] == "threat-affirming")]
    assert {"authorial", "quoted"} <= set(al["voice"])   # "Trojan horse" is inside Vidal's quote


def test_target_sentiment_scores_authorial_sentences_only():
    text = ("Regional test\n\nIran's regime is a brutal, hateful and dangerous dictatorship. "
            "\"Iran is a wonderful, generous and trusted friend of ours,\" said the minister.\n")
    ts = stance.target_sentiment([framing.document_from_text(text, "t")], story=PACK)
    row = ts[ts["target"] == "iran"].iloc[0]
    assert row["n_sentences"] == 1            # the quoted praise is not the writer's voice
    assert row["mean_compound"] < -0.5
    assert math.isnan(ts[ts["target"] == "argentina_opposition"]["mean_compound"].iloc[0])


def test_us_pattern_is_case_sensitive():
    text = "US test\n\nThe Pentagon said the US would respond. Let us wait.\n"
    ts = stance.target_sentiment([framing.document_from_text(text, "t")], story=PACK)
    assert ts[ts["target"] == "united_states"]["n_sentences"].iloc[0] == 1


# --------------------------------------------------------------------------- signs and monotonicity


def test_adding_threat_cues_raises_index():
    base = index_of(NEUTRAL_BASE)
    assert index_of(NEUTRAL_BASE + THREAT_SENT + "\n") > base


def test_adding_skeptic_cues_lowers_index():
    base = index_of(NEUTRAL_BASE)
    assert index_of(NEUTRAL_BASE + SKEPTIC_SENT + "\n") < base


def test_index_monotonic_in_threat_cues():
    vals = [index_of(NEUTRAL_BASE + (THREAT_SENT + " ") * k + "\n") for k in range(6)]
    assert all(b >= a for a, b in zip(vals, vals[1:]))
    assert vals[1] > vals[0] and vals[-1] > vals[1]


def _centre_row(n_tokens: int = 1000) -> pd.DataFrame:
    """A feature row with every weighted feature at its centre (no evidence)."""
    row = {"doc_id": "x", "n_tokens": n_tokens, "sided_words": 0, "quoted_words": 0}
    for name, r in W["features"].iterrows():
        row[name] = r["center"]
        if name.startswith("vader_"):
            row["n_sent_" + name[len("vader_"):]] = 0
    return pd.DataFrame([row])


def test_every_feature_moves_index_by_its_sign():
    base = float(stance.alarm_index(_centre_row(), W).iloc[0])
    assert base == pytest.approx(0.0)
    for name, r in W["features"].iterrows():
        row = _centre_row()
        row[name] = r["center"] + r["scale"]
        row["sided_words"] = row["quoted_words"] = 10_000
        for c in row.columns:
            if c.startswith("n_sent_"):
                row[c] = 10_000
        moved = float(stance.alarm_index(row, W).iloc[0])
        if r["weight"] == 0:
            assert moved == pytest.approx(base), name
        else:
            assert np.sign(moved - base) == r["sign"], name


@settings(max_examples=40, deadline=None)
@given(st.floats(0, 50), st.floats(0, 50), st.integers(20, 5000))
def test_index_monotone_in_threat_rate_property(x, dx, n):
    lo, hi = _centre_row(n), _centre_row(n)
    lo["threat_authorial_per_1k"] = x
    hi["threat_authorial_per_1k"] = x + dx
    a, b = stance.alarm_index(lo, W).iloc[0], stance.alarm_index(hi, W).iloc[0]
    assert b >= a - 1e-12
    assert abs(b) <= W["params"]["clip_z"]


# --------------------------------------------------------------------------- frames from thresholds


def test_frames_at_and_around_thresholds():
    eps = 1e-9
    vals = [TH["alarmist"], TH["alarmist"] - eps, TH["skeptical"], TH["skeptical"] + eps, 0.0]
    assert stance.frame_from_index(vals, W).tolist() == ["alarmist", "neutral", "skeptical", "neutral", "neutral"]


def test_frames_from_constructed_feature_rows():
    F, p = W["features"], W["params"]
    tot = F["weight"].sum()
    n = 1_000_000   # smoothing negligible
    r = F.loc["threat_authorial_per_1k"]
    for target, want_above, want_below in ((TH["alarmist"], "alarmist", "neutral"),):
        z = target * tot / r["weight"]
        x = (r["center"] + z * r["scale"]) * (n + p["prior_tokens"]) / n
        for dx, want in ((1e-3, want_above), (-1e-3, want_below)):
            row = _centre_row(n)
            row["threat_authorial_per_1k"] = x + dx
            t = stance.alarm_index(row, W)
            assert stance.frame_from_index(t, W).iloc[0] == want
    r = F.loc["skeptic_authorial_per_1k"]
    z = -TH["skeptical"] * tot / r["weight"]
    x = (r["center"] + z * r["scale"]) * (n + p["prior_tokens"]) / n
    for dx, want in ((1e-3, "skeptical"), (-1e-3, "neutral")):
        row = _centre_row(n)
        row["skeptic_authorial_per_1k"] = x + dx
        assert stance.frame_from_index(stance.alarm_index(row, W), W).iloc[0] == want


# --------------------------------------------------------------------------- stability


def test_identical_input_gives_identical_output(fixtures):
    corpus, t1 = fixtures
    t2 = stance.stance_table(corpus)
    pd.testing.assert_frame_equal(t1, t2)
    # one article scores the same alone as inside the corpus (fixed reference scales)
    alone = stance.stance_table([corpus["neutral_wire"]], story=PACK)
    assert alone["alarm_index"].iloc[0] == t1.set_index("doc_id").at["neutral_wire", "alarm_index"]


def test_bootstrap_reproducible_with_seed(fixtures):
    corpus, _ = fixtures
    sent = stance.sentence_table(corpus)
    b1 = stance.bootstrap_index(corpus, n=100, seed=3, sentences=sent)
    b2 = stance.bootstrap_index(corpus, n=100, seed=3, sentences=sent)
    b3 = stance.bootstrap_index(corpus, n=100, seed=4, sentences=sent)
    pd.testing.assert_frame_equal(b1, b2)
    assert not b1["index_low"].equals(b3["index_low"])
    assert (b1["index_low"] <= b1["index_high"]).all()
    assert np.allclose(b1[["p_alarmist", "p_neutral", "p_skeptical"]].sum(axis=1), 1.0)


# --------------------------------------------------------------------------- fixtures


def test_fixtures_ordered_and_framed_as_written(fixtures):
    _, t = fixtures
    idx = t.set_index("doc_id")["alarm_index"]
    assert idx["alarmist"] > idx["neutral_wire"] > idx["skeptical"]
    assert idx["alarmist_noquotes"] > idx["neutral_wire"]
    got = t.set_index("doc_id")["frame"].to_dict()
    want = annotation()
    assert set(want) == set(got)
    assert got == want


def test_no_quote_and_short_piece_not_misread(fixtures):
    corpus, t = fixtures
    t = t.set_index("doc_id")
    assert t.at["alarmist_noquotes", "quoted_words"] == 0
    assert math.isnan(t.at["alarmist_noquotes", "warn_share_quoted"])
    assert t.at["short_brief", "n_tokens"] < 100
    assert t["alarm_index"].notna().all() and np.isfinite(t["alarm_index"]).all()
    assert t.at["short_brief", "frame"] == "neutral"
    assert t.at["short_brief", "p_neutral"] > max(t.at["short_brief", "p_alarmist"], t.at["short_brief", "p_skeptical"])
    assert abs(t.at["short_brief", "handset_index"]) < TH["alarmist"] / 2
    # one loaded word does not flip a short brief
    brief = corpus["short_brief"].text
    one = brief.replace("The text was not released.", "The text was not released, a threat to the region.")
    assert table_of(one)["frame"].iloc[0] == "neutral"


# The seeds against the analyst coding are a test of the frame model, reported (benchmarks/bench_frames.py,
# benchmarks/RESULTS.md), never asserted: a test that pins the seeds' result would make them training data.


# --------------------------------------------------------------------------- robustness


def test_robustness_outputs(seeds):
    corpus, sent, t = seeds
    feats = t.drop(columns=["alarm_index", "frame"])
    lofo = stance.leave_one_feature_out(feats, weights=W)
    weighted = set(W["features"].index[W["features"]["weight"] > 0])
    assert set(lofo["feature"]) == weighted | {"(none)"}
    assert lofo.iloc[0]["kendall_tau"] == 1.0
    assert lofo["kendall_tau"].between(-1, 1).all()
    same = stance.weight_perturbation(feats, n=20, scale=0.0, seed=0, weights=W)
    assert (same["draws"]["kendall_tau"] == 1.0).all() and same["summary"]["share_no_frame_change"] == 1.0
    pert = stance.weight_perturbation(feats, n=50, scale=0.5, seed=0, weights=W)
    assert len(pert["draws"]) == 50 and set(pert["docs"]["doc_id"]) == set(t["doc_id"])
    b = stance.bootstrap_index(corpus, n=50, seed=0, sentences=sent)
    assert (b["index_low"] <= b["index_high"]).all()


def test_kendall_tau():
    assert stance.kendall_tau([1, 2, 3], [10, 20, 30]) == 1.0
    assert stance.kendall_tau([1, 2, 3], [3, 2, 1]) == -1.0


# --------------------------------------------------------------------------- comparison


def test_tfidf_similarity_and_feature_map(fixtures):
    corpus, t = fixtures
    sim = stance.tfidf_similarity(corpus)
    assert sim.shape == (5, 5)
    assert np.allclose(np.diag(sim), 1.0) and np.allclose(sim, sim.T)
    fm = stance.feature_map(t)
    assert list(fm.columns) == ["doc_id", "pc1", "pc2"] and len(fm) == 5
    assert np.isfinite(fm[["pc1", "pc2"]]).all().all()
    pd.testing.assert_frame_equal(fm, stance.feature_map(t))


def test_aligned_sentences(fixtures):
    corpus, _ = fixtures
    a = stance.aligned_sentences(corpus)
    import re

    topics = stance.load_topics(PACK).set_index("topic")
    for r in a.itertuples():
        assert corpus[r.doc_id].text[r.start:r.end] == r.text
        assert re.search(topics.at[r.topic, "pattern"], r.text)
    amia = set(a[a["topic"] == "amia_bombing"]["doc_id"])
    assert {"alarmist", "neutral_wire", "alarmist_noquotes"} <= amia
    assert a.groupby(["topic", "doc_id"]).size().max() == 1


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["Iran", "threat", "foothold", "hysteria", "may", "\"", "said", "Bolivia",
                                 "sovereignty", ".", "\n\n", "alleged", "drones", "US"]), max_size=60))
def test_random_text_never_crashes_and_spans_hold(words):
    text = "Headline about Bolivia\n\n" + " ".join(words) + "\n"
    doc = framing.document_from_text(text, "r")
    t = stance.stance_table([doc], story=PACK)
    if t["assessable"].iloc[0]:
        assert np.isfinite(t["alarm_index"]).all() and t["frame"].iloc[0] in stance.FRAMES
    else:
        assert t["alarm_index"].isna().all() and t["frame"].iloc[0] == stance.NOT_ASSESSED
    assert np.isfinite(stance.alarm_index(stance.stance_features([doc], story=PACK), W)).all()
    for r in stance.sentence_cues([doc]).itertuples():
        assert text[r.start:r.end] == r.text


def test_sentence_table_takes_a_quotes_table_covering_more_documents():
    from framing import Corpus, document_from_text, quotes_table
    from framing.stance.sentences import sentence_table

    d1 = document_from_text("Ann Lee said the port was “closed for good” and would not reopen. It is calm.\n", "d1")
    d2 = document_from_text("“We will wait,” said Tom Berg.\n", "d2")
    quotes = quotes_table(Corpus([d1, d2]))
    one = sentence_table(Corpus([d1]), quotes=quotes)     # (a KeyError on d2 before)
    assert set(one.doc_id) == {"d1"}
