"""Tests for the generic cues of alarm framing (framing.stance.cues) and the calibrated frame model
(framing.stance.calibrate), on short texts written for these tests (issue 13).

Expectations are worked out by hand in the comments: which span is a cue, in whose voice, where,
negated or not, and the feature values ``1000 * count / (n_tokens + 200)`` (``prior_tokens`` of
``alarm_features.csv``) and ``(warn + 1) / (warn + counter + 2)``. Token counts are counted by hand
too (``country's`` is one token) and asserted, so a change of tokenizer shows up here first.
The seeds are not read, except to check that every cue span is ``doc.text[start:end]``.
"""
from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import framing
from framing.corpus import document_from_text
from framing.stance import calibrate
from framing.stance.calibrate import (
    bootstrap_interval,
    driving_sentences,
    fit_multinomial,
    frame_scores,
    load_frame_model,
    train,
)
from framing.stance.cues import (
    CUE_COLUMNS,
    CueError,
    CueMatcher,
    feature_names,
    frame_cues,
    frame_features,
    load_feature_spec,
    regex_triggers,
)

ROOT = Path(__file__).resolve().parents[1]
PRIOR = load_feature_spec()["params"]["prior_tokens"]      # 200


def rate(count: int, n_tokens: int) -> float:
    return 1000.0 * count / (n_tokens + PRIOR)


def one(text: str, doc_id: str = "t"):
    """(cue rows, feature row) of one text."""
    d = document_from_text(text, doc_id)
    return frame_cues(d), frame_features(d).iloc[0], d


def rows(cues: pd.DataFrame) -> list[tuple]:
    return [(r.text, r.cue, r.voice, bool(r.negated), int(r.polarity)) for r in cues.itertuples()]


# --------------------------------------------------------------------------- the failure cases of the issue


def test_reported_dismissal_is_the_sources_voice():
    # no quotation marks: "dismissed ... as" reports the source's evaluation, not the writer's
    c, f, d = one("Ministry answers critics\n\nHe dismissed the concerns as exaggerated.\n")
    assert rows(c) == [("exaggerated", "dismissal", "source", False, -1)]
    assert len(d.tokens) == 9                      # 3 title + 6 body words
    assert f["w_dismissal"] == 0.0
    assert f["s_counter"] == pytest.approx(rate(1, 9))
    assert f["n_voices_counter"] == 1 and f["warn_share"] == pytest.approx(1 / 3)   # (0 + 1) / (1 + 2)


def test_tail_attribution_is_the_sources_voice_but_a_clause_after_and_is_not():
    c, _, _ = one("Row\n\nThe reaction was hysteria, he told reporters on Tuesday.\n")
    assert rows(c) == [("hysteria", "dismissal", "source", False, -1)]
    # ", and officials warned" opens a new clause: the writer's "hysteria" before it stays the writer's
    c, _, _ = one("Row\n\nThe reaction was hysteria, and officials warned of more flights.\n")
    assert rows(c) == [("hysteria", "dismissal", "writer", False, -1)]


def test_the_same_dismissal_in_the_writers_voice():
    c, f, d = one("Ministry answers critics\n\nThe concerns are exaggerated.\n")
    assert rows(c) == [("exaggerated", "dismissal", "writer", False, -1)]
    assert len(d.tokens) == 7
    assert f["w_dismissal"] == pytest.approx(rate(1, 7)) and f["s_counter"] == 0.0


def test_threat_language_the_story_lexicon_never_listed_is_asserted_threat():
    text = ("Report on the group\n\n"
            "Fears include exporting radical ideologies across the region. It is an alarming pattern. "
            "The group is a direct threat to national security.\n")
    c, f, d = one(text)
    assert rows(c) == [("Fears", "threat_asserted", "writer", False, 1),
                       ("alarming", "threat_asserted", "writer", False, 1),
                       ("threat", "threat_asserted", "writer", False, 1)]
    assert len(d.tokens) == 4 + 8 + 5 + 9
    assert f["w_threat_asserted"] == pytest.approx(rate(3, 26))
    assert f["w_threat_hedged"] == 0.0


def test_a_hedged_or_attributed_threat_is_not_asserted():
    c, f, _ = one("Report\n\nThe group could become a threat to the region.\n")
    assert rows(c) == [("threat", "threat_hedged", "writer", False, 1)]
    assert c["marker"].iloc[0] == "could"          # the hedge of the sentence decided
    assert f["w_threat_asserted"] == 0.0 and f["w_threat_hedged"] > 0
    # a tail attribution makes the clause before it the officials' words: attributed, not the writer's
    c, f, _ = one("Report\n\nThe group is a threat, according to officials.\n")
    assert rows(c) == [("threat", "threat_hedged", "source", False, 1)]
    assert f["w_threat_hedged"] == 0.0 and f["s_alarm"] > 0


def test_a_negated_dismissal_counts_for_the_alarm():
    c, f, d = one("Warnings\n\nThese warnings are not the hysterical ravings of a fringe. "
                  "The danger is hardly overblown.\n")
    assert rows(c) == [("hysterical", "dismissal", "writer", True, 1),
                       ("danger", "threat_asserted", "writer", False, 1),
                       ("overblown", "dismissal", "writer", True, 1)]
    assert list(c["marker"]) == ["not", "", "hardly"]
    n = len(d.tokens)
    assert n == 1 + 10 + 5
    assert f["w_dismissal"] == 0.0
    assert f["w_appeal"] == pytest.approx(rate(2, n))       # rebuttals of dismissal are alarm appeals
    assert f["w_threat_asserted"] == pytest.approx(rate(1, n))


def test_negation_has_a_window_and_stops_at_punctuation():
    # five words between "not" and "exaggerated": outside the window of 3
    c, _, _ = one("Row\n\nIt is not clear whether the fears are exaggerated.\n")
    assert [(r.text, r.negated) for r in c.itertuples() if r.cue == "dismissal"] == [("exaggerated", False)]
    # a comma ends the negator's scope (two words between, inside the window)
    c, _, _ = one("Row\n\nNo, this is hysteria.\n")
    assert rows(c) == [("hysteria", "dismissal", "writer", False, -1)]
    # "claims" here is a noun, not a reporting verb: the dismissal stays the writer's
    c, _, _ = one("Row\n\nIt is not over, and the claims are exaggerated.\n")
    assert rows(c) == [("exaggerated", "dismissal", "writer", False, -1)]
    # "not only" is no negation
    c, _, _ = one("Row\n\nThe claim is not only exaggerated but false.\n")
    assert rows(c) == [("exaggerated", "dismissal", "writer", False, -1)]


def test_a_negated_threat_is_reassurance_and_a_negator_inside_a_cue_negates_nothing_after_it():
    c, f, d = one("Balloon\n\nThe balloon is not a threat.\n")
    assert rows(c) == [("threat", "threat_asserted", "writer", True, -1)]
    assert f["w_reassurance"] == pytest.approx(rate(1, len(d.tokens))) and f["w_threat_asserted"] == 0.0
    c, _, _ = one("Balloon\n\nThe balloon poses no threat and has no military component.\n")
    assert rows(c) == [("poses no threat", "reassurance", "writer", False, -1),
                       ("no military component", "reassurance", "writer", False, -1)]


def test_wire_copy_quoting_both_sides_is_not_alarmist_in_the_writers_voice():
    wire = ("US and China trade claims over balloon\n\n"
            "WASHINGTON (Reuters) - The Pentagon said on Thursday it was tracking a Chinese balloon over Montana.\n\n"
            "\"This is a grave threat to our security and we must act,\" Senator Jane Roe said.\n\n"
            "Senator John Doe warned that the balloon could be used to spy on missile sites.\n\n"
            "China's foreign ministry rejected the accusations as baseless and said the balloon was a "
            "civilian airship.\n\n"
            "\"The reaction in Washington is hysteria,\" ministry spokesman Wang Lin told reporters in Beijing.\n\n"
            "The balloon was first seen over Montana on Wednesday, and its path will be tracked by the air force.\n")
    c, f, d = one(wire, "wire")
    assert set(c["voice"]) == {"source"}           # every cue is a source's
    assert rows(c) == [("grave", "threat_hedged", "source", False, 1), ("threat", "threat_hedged", "source", False, 1),
                       ("our security", "proximity", "source", False, 1), ("must act", "urgency", "source", False, 1),
                       ("could be used to spy", "fear_appeal", "source", False, 1),
                       ("baseless", "dismissal", "source", False, -1), ("hysteria", "dismissal", "source", False, -1)]
    n = len(d.tokens)
    assert n == 102
    for name in ("w_threat_asserted", "w_threat_hedged", "w_appeal", "w_dismissal", "w_reassurance"):
        assert f[name] == 0.0, name
    assert f["s_alarm"] == pytest.approx(rate(5, n)) and f["s_counter"] == pytest.approx(rate(2, n))
    # two warning voices (Roe: +4, Doe: +1), two dismissing ones (ministry, Wang): (2 + 1) / (4 + 2)
    assert (f["n_voices_warn"], f["n_voices_counter"], f["warn_share"]) == (2, 2, pytest.approx(0.5))
    assert f["lede_net"] == 4 and f["headline_net"] == 0
    # the shipped model: not alarmist, and below the same story told in the writer's own voice
    fw = frame_features(d)
    alarm = document_from_text(wire.replace("trade claims over", "threat:").replace(
        "The balloon was first seen", "The balloon is a grave threat and a wake-up call. It was first seen"), "alarm")
    s = frame_scores(pd.concat([fw, frame_features(alarm)], ignore_index=True))
    assert s["frame"].iloc[0] != "alarmist"
    assert s["alarm_index"].iloc[1] > s["alarm_index"].iloc[0]


def test_scare_quotes_around_a_threat_word_are_a_writers_dismissal():
    c, f, d = one("Balloon\n\nThe \"threat\" from the balloon was never real.\n")
    assert rows(c) == [("\"threat\"", "dismissal", "writer", False, -1)]
    assert c["marker"].iloc[0] == "scare quotes"
    assert f["w_dismissal"] == pytest.approx(rate(1, len(d.tokens))) and f["w_threat_asserted"] == 0.0


def test_proximity_fear_appeals_urgency_and_reassurance():
    c, _, _ = one("Base\n\nThe site is 90 miles from Florida, in our backyard, on America's doorstep in the "
                  "Western Hemisphere.\n")
    assert [(r.text, r.cue) for r in c.itertuples()] == [
        ("90 miles from Florida", "proximity"), ("in our backyard", "proximity"),
        ("on America's doorstep", "proximity"), ("Western Hemisphere", "proximity")]
    c, _, _ = one("Base\n\nMissiles could strike Miami, are capable of reaching Washington and sit within range "
                  "of every base.\n")
    assert [(r.text, r.cue) for r in c.itertuples()] == [
        ("could strike", "fear_appeal"), ("capable of reaching", "fear_appeal"), ("within range of", "fear_appeal")]
    c, _, _ = one("Base\n\nWe must act before it is too late; this is a wake-up call.\n\nIt is a growing menace.\n")
    assert [(r.text, r.cue) for r in c.itertuples()] == [
        ("must act", "urgency"), ("before it is too late", "urgency"), ("wake-up call", "urgency"),
        ("growing menace", "urgency")]
    c, _, _ = one("Base\n\nThe visit was routine and largely symbolic.\n")
    assert [(r.text, r.cue, r.polarity) for r in c.itertuples()] == [
        ("routine", "reassurance", -1), ("largely symbolic", "reassurance", -1)]


def test_a_threat_word_in_a_sentence_that_dismisses_it_is_only_mentioned():
    c, f, _ = one("Row\n\nThe threat is exaggerated.\n")
    assert rows(c) == [("threat", "threat_mentioned", "writer", False, 0),
                       ("exaggerated", "dismissal", "writer", False, -1)]
    assert f["w_threat_asserted"] == 0.0


def test_positions_headline_lede_last_body():
    text = ("A growing threat\n\n"
            "First body sentence is calm. Second body sentence is a danger.\n\n"
            "Middle paragraph is a menace.\n\n"
            "The last paragraph names a peril.\n")
    c, f, _ = one(text)
    assert [(r.text, r.position) for r in c.itertuples()] == [
        ("growing threat", "headline"), ("danger", "lede"), ("menace", "body"), ("peril", "last")]
    assert (f["headline_net"], f["lede_net"], f["last_net"]) == (1, 1, 1)


def test_every_span_is_the_text_it_reports():
    corpus = framing.load_corpus(ROOT / "seeds")
    c = frame_cues(corpus)
    assert list(c.columns) == CUE_COLUMNS and len(c) > 0
    by_id = {d.doc_id: d.text for d in corpus}
    assert all(by_id[r.doc_id][r.start:r.end] == r.text for r in c.itertuples())


# --------------------------------------------------------------------------- every feature, its sign

TITLE = "Officials discuss port equipment"                  # 4 tokens
P1 = "Officials from several agencies met on Tuesday to discuss equipment used at the country's ports."  # 15
P2 = "The meeting lasted three hours and covered maintenance schedules, staffing and the budget for next year."  # 17
P3 = "A report on the results will be published in the spring, the agency said in a short statement."  # 17
BASE_TOKENS = 53
THREAT = "The program is a direct threat to national security."                    # 9 tokens, 1 asserted threat

# feature -> (how the text changes, evidence tokens, change of the feature worked out by hand)
EVIDENCE = {
    "w_threat_asserted": ({"mid": THREAT}, 9, rate(1, 62)),
    "w_threat_hedged": ({"mid": "The program could become a threat."}, 6, rate(1, 59)),
    "w_appeal": ({"mid": "The site lies 90 miles from Florida."}, 7, rate(1, 60)),
    "w_dismissal": ({"mid": "The reaction was hysteria."}, 4, rate(1, 57)),
    "w_reassurance": ({"mid": "The visit was routine."}, 4, rate(1, 57)),
    "s_alarm": ({"mid": "\"The program is a grave danger,\" Senator Jane Roe said."}, 10, rate(2, 63)),
    "s_counter": ({"mid": "\"The reaction is hysteria,\" spokesman Wang Lin said."}, 8, rate(1, 61)),
    "warn_share": ({"mid": "\"The program is a grave danger,\" Senator Jane Roe said."}, 10, 2 / 3 - 1 / 2),
    "headline_net": ({"title": TITLE + " threat"}, 1, 1.0),
    "lede_net": ({"first": THREAT}, 9, 1.0),
}


def build(title=TITLE, first="", mid="", last="", doc_id="t"):
    body = [x for x in (first, P1, P2, mid, P3, last) if x]
    return document_from_text(title + "\n\n" + "\n\n".join(body) + "\n", doc_id)


def hand_model(name: str, sign: int) -> dict:
    """Only ``name`` weighted (``sign`` in the alarmist logit), centre 0, scale 100: no clipping."""
    names = feature_names()
    F = pd.DataFrame({"weight": 0.0, "weight_alarmist": 0.0, "weight_skeptical": 0.0, "centre": 0.0, "scale": 100.0,
                      "sign": 0.0, "rationale": ""}, index=pd.Index(names, name="feature"))
    F.loc[name, ["weight", "weight_alarmist"]] = sign
    return {"features": F, "intercept_alarmist": 0.0, "intercept_skeptical": 0.0, "clip_z": 3.0}


def test_every_feature_has_an_evidence_text():
    assert set(EVIDENCE) == set(feature_names())
    assert len(build().tokens) == BASE_TOKENS


@pytest.mark.parametrize("name", feature_names())
def test_each_feature_moves_in_its_theory_sign(name):
    change, n_extra, delta = EVIDENCE[name]
    base, moved = build(doc_id="base"), build(doc_id="moved", **change)
    assert len(moved.tokens) == BASE_TOKENS + n_extra
    f = frame_features([base, moved]).set_index("doc_id")
    assert f.at["moved", name] - f.at["base", name] == pytest.approx(delta)
    theory = load_feature_spec()["features"][name][0]
    sign = theory or 1                             # a free feature: any sign, here +1
    s = frame_scores(f.reset_index(), hand_model(name, sign)).set_index("doc_id")["alarm_index"]
    assert s["moved"] - s["base"] == pytest.approx(sign * delta / 100, abs=2e-6)
    # the shipped model: a weighted feature moves the index the way its weight (of the theory's sign) says
    shipped = load_frame_model()
    w = shipped["features"].at[name, "weight"]
    assert theory == 0 or w * theory >= 0
    if w != 0:
        s = frame_scores(f.reset_index(), shipped).set_index("doc_id")["alarm_index"]
        assert np.sign(s["moved"] - s["base"]) == np.sign(w)


def test_driving_sentences_are_the_ones_whose_cues_move_the_index():
    m = hand_model("w_dismissal", -1)
    d = build(mid="The reaction was hysteria.", doc_id="d")
    top = driving_sentences(d, model=m)
    # one cued sentence; without it w_dismissal falls from rate(1, 57) to 0: effect -rate/100
    assert top[["rank", "text", "cues"]].values.tolist() == [[1, "The reaction was hysteria.", "hysteria (dismissal)"]]
    assert d.text[top["start"].iloc[0]:top["end"].iloc[0]] == "The reaction was hysteria."
    assert top["effect"].iloc[0] == pytest.approx(-rate(1, 57) / 100, abs=2e-6)


def test_bootstrap_interval_brackets_the_index_and_is_a_point_without_cues():
    m = hand_model("w_dismissal", -1)
    calm, hot = build(doc_id="calm"), build(mid="The reaction was hysteria. It is hysteria.", doc_id="hot")
    b = bootstrap_interval([calm, hot], model=m, n_boot=300, seed=1).set_index("doc_id")
    s = frame_scores(frame_features([calm, hot]), m).set_index("doc_id")["alarm_index"]
    assert b.at["calm", "index_low"] == b.at["calm", "index_high"] == pytest.approx(s["calm"])
    assert b.at["hot", "index_low"] < s["hot"] < b.at["hot", "index_high"]
    # a replicate without the cued sentence has index 0, one with it drawn twice about -2 * rate / 100
    assert b.at["hot", "index_high"] == pytest.approx(0.0)
    again = bootstrap_interval([calm, hot], model=m, n_boot=300, seed=1).set_index("doc_id")
    assert again.equals(b)


# --------------------------------------------------------------------------- the cue file


def test_cue_file_rows_are_validated():
    ok = {"cue": "dismissal", "pattern": "hype", "match": "word", "rationale": "r"}
    CueMatcher([ok])
    for bad, msg in [({"cue": "doom"}, "unknown cue"), ({"match": "glob"}, "unknown match"),
                     ({"rationale": " "}, "no rationale"), ({"match": "regex", "pattern": "(unclosed"}, "bad regex"),
                     ({"match": "regex", "pattern": "x*"}, "empty string")]:
        with pytest.raises(CueError, match=msg):
            CueMatcher([{**ok, **bad}])


def test_shipped_cue_file_has_a_rationale_per_row_and_compiles():
    with open(ROOT / "framing" / "data" / "alarm_cues.csv", encoding="utf-8", newline="") as fh:
        data = list(csv.DictReader(fh))
    assert list(data[0]) == ["cue", "pattern", "match", "rationale"]
    assert all(r["rationale"].strip() for r in data)
    CueMatcher(data)


def test_regex_triggers():
    assert regex_triggers(r"\b(?:could|might)\s+strike") == ["could", "might"]
    assert regex_triggers(r"\bpos(?:e|es)\s+no") == ["pos"]
    assert regex_triggers(r"\bpanick?(?:ed|y)\b") == ["panic"]
    assert regex_triggers(r"(?<![-\w])calls\b|\bsaid\b") == ["calls", "said"]
    assert regex_triggers(r"\b(?:\d+|ninety)\s+miles") is None
    assert regex_triggers(r"\b(?:very\s+)?grave") is None


def test_cue_extraction_is_linear_in_a_pathological_sentence():
    # one sentence of repeated negators, reporting verbs and cue openers: no rule may rescan it per cue
    unit = "not said that could no threat, "
    times = []
    for k in (1, 4):
        d = document_from_text("T\n\n" + unit * 2000 * k + "end.\n", "p")
        t = time.perf_counter()
        frame_cues(d, quotes=pd.DataFrame(columns=["doc_id", "start", "end", "kind"]))
        times.append(time.perf_counter() - t)
    assert times[1] < 8 * times[0] + 0.05        # linear: about 4x; quadratic would be 16x


# --------------------------------------------------------------------------- the model


def test_sign_constraints_bind_where_the_data_disagree_with_the_theory():
    # feature 0 rises with skeptical and falls with alarmist: a theory sign of +1 forbids both weights
    rng = np.random.default_rng(0)
    y = np.array(["skeptical", "neutral", "alarmist"] * 20)
    z0 = np.where(y == "skeptical", 1.0, np.where(y == "alarmist", -1.0, 0.0)) + rng.normal(0, 0.3, len(y))
    Z = np.column_stack([z0, rng.normal(0, 1, len(y))])
    wa, ws, _, _ = fit_multinomial(Z, y, np.array([1, 0]))
    assert wa[0] == 0.0 and ws[0] == 0.0
    wa, ws, _, _ = fit_multinomial(Z, y, np.array([0, 0]))     # free: the data's sign
    assert wa[0] < 0 < ws[0]


def test_probabilities_index_and_frame_follow_the_model():
    m = hand_model("w_dismissal", -1)
    m["intercept_alarmist"], m["intercept_skeptical"] = 0.5, -0.5
    f = pd.DataFrame({"doc_id": ["a", "b"], **{n: [0.0, 0.0] for n in feature_names()}})
    f.loc[1, "w_dismissal"] = 500.0                               # z = 5, clipped to 3: alarmist logit 0.5 - 3
    s = frame_scores(f, m)
    # a: logits (skeptical, neutral, alarmist) = (-0.5, 0, 0.5); b: (-0.5, 0, -2.5)
    e = np.exp([[-0.5, 0, 0.5], [-0.5, 0, -2.5]])
    p = e / e.sum(axis=1, keepdims=True)
    assert s[["p_skeptical", "p_neutral", "p_alarmist"]].to_numpy() == pytest.approx(p, abs=1e-6)
    assert list(s["alarm_index"]) == pytest.approx([1.0, -2.0])    # log(p_alarmist / p_skeptical)
    assert list(s["frame"]) == ["alarmist", "neutral"]


def test_shipped_model_loads_respects_the_signs_and_matches_the_cue_files():
    m = load_frame_model()
    F = m["features"]
    assert list(F.index) == feature_names()
    assert (F["weight_alarmist"] * F["sign"] >= 0).all() and (F["weight_skeptical"] * F["sign"] <= 0).all()
    assert F["weight"].to_numpy() == pytest.approx((F["weight_alarmist"] - F["weight_skeptical"]).to_numpy(), abs=2e-6)
    # a model fitted with other cue definitions is stale: refit with scripts/fit_frame_model.py
    assert m["meta"]["cues_digest"] == calibrate.file_digest("alarm_cues.csv", "alarm_features.csv")
    assert m["meta"]["script"] == "scripts/fit_frame_model.py" and m["meta"]["data_digest"].startswith("sha256:")


# a tiny synthetic development set: three stories, one piece per frame, each over 50 words
FILLER = ("Officials from several agencies met on Tuesday to discuss the matter in detail. The meeting lasted three "
          "hours and covered schedules, staffing and the budget for next year. "
          "A short report will follow in the spring. ")
FRAMED = {"alarmist": "The {x} is a grave threat and a wake-up call. We must act before it is too late.",
          "neutral": "Officials said the {x} could be a risk, according to a statement.",
          "skeptical": "The fears about the {x} are overblown hysteria with no evidence."}


def write_dev_set(folder: Path) -> Path:
    texts = folder / "texts"
    texts.mkdir(parents=True)
    coding = folder / "codes.csv"
    with coding.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(calibrate.CODING_COLUMNS)
        for story in ("ports", "apps", "drones"):
            for k, (label, tmpl) in enumerate(FRAMED.items()):
                did = f"{story}_{k}"
                (texts / f"{did}.txt").write_text(f"The {story} question\n\n{tmpl.format(x=story)} {FILLER}\n",
                                                  encoding="utf-8")
                w.writerow([did, story, "", "", "", label, "synthetic", "high"])
    return coding


def test_refitting_reproduces_the_model_byte_for_byte(tmp_path):
    coding = write_dev_set(tmp_path)
    r1 = train(tmp_path / "texts", [coding], out=tmp_path / "m1.csv")
    r2 = train(tmp_path / "texts", [coding], out=tmp_path / "m2.csv")
    assert (tmp_path / "m1.csv").read_bytes() == (tmp_path / "m2.csv").read_bytes()
    assert (tmp_path / "m1_meta.csv").read_bytes() == (tmp_path / "m2_meta.csv").read_bytes()
    assert r1["meta"]["n_documents"] == "9" and r1["meta"]["excluded"] == "none"
    m = load_frame_model(tmp_path / "m1.csv")
    assert m["features"]["weight"].to_numpy() == pytest.approx(r1["model"]["features"]["weight"].to_numpy())
    s = frame_scores(r1["features"], m)
    assert list(s["frame"]) == list(r1["features"]["label"])     # separable: every piece back in its frame
    # the digest names the data: another text, another digest; the same texts elsewhere, the same digest
    moved = tmp_path / "elsewhere"
    shutil.copytree(tmp_path / "texts", moved / "texts")
    shutil.copy(coding, moved / "codes.csv")
    assert train(moved / "texts", [moved / "codes.csv"], out=tmp_path / "m3.csv")["meta"]["data_digest"] == \
        r2["meta"]["data_digest"]
    (tmp_path / "texts" / "ports_0.txt").write_text("The ports question\n\nChanged. " + FILLER, encoding="utf-8")
    assert train(tmp_path / "texts", [coding], out=tmp_path / "m4.csv")["meta"]["data_digest"] != \
        r1["meta"]["data_digest"]


def test_the_script_writes_the_same_bytes(tmp_path):
    coding = write_dev_set(tmp_path)
    train(tmp_path / "texts", [coding], out=tmp_path / "lib.csv")
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "fit_frame_model.py"), str(tmp_path / "texts"),
                          "--codings", str(coding), "--out", str(tmp_path / "cli.csv")],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "cli.csv").read_bytes() == (tmp_path / "lib.csv").read_bytes()
    assert (tmp_path / "cli_meta.csv").read_bytes() == (tmp_path / "lib_meta.csv").read_bytes()


def test_codings_conflicts_and_missing_texts(tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    for p, rows_ in ((a, [("x_1", "x", "Alarmist"), ("x_2", "x", "neutral")]),
                     (b, [("x_1", "x", "alarmist"), ("x_2", "x", "skeptical"), ("x_3", "x", "sceptical")])):
        with p.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["id", "story", "label"])
            w.writerows(rows_)
    codings, conflicts = calibrate.read_codings([a, b])
    assert list(codings["id"]) == ["x_1", "x_3"] and list(codings["label"]) == ["alarmist", "skeptical"]
    assert conflicts.to_dict("records") == [{"id": "x_2", "labels": "neutral/skeptical"}]
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "x_3.txt").write_text("Short\n\nToo short.\n", encoding="utf-8")
    docs, excluded = calibrate.dev_documents(codings, tmp_path / "t")
    assert docs == [] and list(excluded["id"]) == ["x_1", "x_3"]
    assert excluded["reason"].iloc[0] == "no text file" and excluded["reason"].iloc[1].startswith("too short")
