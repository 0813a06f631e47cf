"""Tests that can fail (issue 10, item 6).

A reviewer broke the scoring and stance code one line at a time and most breaks survived
the suite. Every test here is built so that such a break changes a number it checks:

* the scoring functions of :mod:`framing.evaluate` and :mod:`framing.terms` get tiny inputs
  whose precision, recall, F1 or agreement is worked out by hand in the comments;
* every weighted stance feature gets a short constructed article and a control that differs
  only in that feature's evidence; the expected value, z-score and move of the alarm index
  are derived from the loaded weights (``stance.load_weights()``), never copied from a run;
* the quote helpers (registry roles and sides, ``in_quote_mask``) get hand-located spans.

All articles below are invented generic news prose. Features are computed with
``stance_features`` / ``standardise`` / ``alarm_index``, which score every document (the
language and length gate of ``stance_table`` is not in the way), and every article has more
than 60 article words anyway.
"""
from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing import stance
from framing.corpus import Block, Document
from framing.evaluate import (
    evaluate_hits,
    quote_agreement,
    quote_match,
    segmentation_agreement,
    segmentation_report,
    speaker_match,
)
from framing.quotes import extract_quotes, in_quote_mask
from framing.terms import HIT_COLUMNS

# the seeds' story pack: it supplies the sovereignty cues, the speaker registry and the tone targets
# (vader_*), so every weighted feature, generic or the pack's, is tested here
PACK = framing.load_story("bolivia_iran_2023")
W = stance.load_weights(story=PACK)
F, P = W["features"], W["params"]
TOTAL_WEIGHT = float(F["weight"].sum())
WEIGHTED = [n for n in F.index if F.at[n, "weight"] > 0]
CLIP = P["clip_z"]


def clip(z: float) -> float:
    return max(-CLIP, min(CLIP, z))


def z_of(name: str, smoothed_value: float) -> float:
    """Clipped z-score of an already smoothed value, from the loaded centre and scale."""
    return clip((smoothed_value - F.at[name, "center"]) / F.at[name, "scale"])


def move(name: str, dz: float) -> float:
    """How much a change ``dz`` of one feature's z moves the alarm index (weighted mean)."""
    return F.at[name, "weight"] * F.at[name, "sign"] * dz / TOTAL_WEIGHT


# --------------------------------------------------------------------------- articles

TITLE = "Ministers meet to discuss regional trade accord"
# the first ``lede_sentences`` (2) body sentences: no cue, no quote, no target
LEDE = ("Officials from several countries met in the capital on Tuesday to discuss a regional trade "
        "accord. The talks covered customs rules, port fees and the timetable for a second round.")
REST = ("The meeting ended without a joint statement. A committee will publish a summary of the "
        "talks next month. Observers expect the next round to take place in the autumn after the "
        "harvest season ends.")


def article(last: str = "", first: str = "") -> str:
    """A neutral ~70-word article; ``first`` opens the body (inside the lede), ``last`` closes it."""
    return TITLE + "\n\n" + " ".join(x for x in (first, LEDE, REST, last) if x) + "\n"


def scored(**texts: str):
    """Features, z-scores and alarm index of several articles, indexed by name."""
    docs = [framing.document_from_text(t, name) for name, t in texts.items()]
    f = stance.stance_features(docs, story=PACK).set_index("doc_id", drop=False)
    z = stance.standardise(f, W)
    idx = stance.alarm_index(f, W)
    return f, z, idx


def assert_only_these_move(z, idx, x: str, c: str, changed: set[str]) -> None:
    """Weighted z-scores of ``x`` and ``c`` agree except ``changed``, and the index difference
    is exactly the weighted sum of the changed z differences."""
    for name in WEIGHTED:
        if name not in changed:
            assert z.at[x, name] == pytest.approx(z.at[c, name]), name
    expected = sum(move(n, z.at[x, n] - z.at[c, n]) for n in changed)
    assert idx[x] - idx[c] == pytest.approx(expected, abs=1e-12)


# --------------------------------------------------------------------------- rate features

# feature -> (cue count column, sentence with exactly one cue, control with the same number of
# tokens and no cue). Both sentences close the body, outside the lede, and name no target.
AUTHORIAL_CUES = {
    "threat_authorial_per_1k": ("n_threat_authorial",
                                "Critics describe the accord as a foothold for rival exporters.",
                                "Critics describe the accord as a benefit for rival exporters."),
    "skeptic_authorial_per_1k": ("n_skeptic_authorial",
                                 "Critics describe the concerns about the accord as overblown.",
                                 "Critics describe the concerns about the accord as understandable."),
    "sovereignty_authorial_per_1k": ("n_sovereignty_authorial",
                                     "The accord affirms the sovereignty of every member state.",
                                     "The accord affirms the interests of every member state."),
    "fear_authorial_per_1k": ("n_fear_authorial",
                              "The delay is a danger for small exporters.",
                              "The delay is a cost for small exporters."),
    "hedge_authorial_per_1k": ("n_hedge_authorial",
                               "The accord may lower prices for small exporters.",
                               "The accord will lower prices for small exporters."),
    "distancing_authorial_per_1k": ("n_distancing_authorial",
                                    "The alleged savings would lower prices for small exporters.",
                                    "The expected savings would lower prices for small exporters."),
}


@pytest.mark.parametrize("feature", sorted(AUTHORIAL_CUES))
def test_one_authorial_cue_moves_index_by_its_weighted_smoothed_rate(feature):
    count_col, cue_sentence, control_sentence = AUTHORIAL_CUES[feature]
    f, z, idx = scored(x=article(cue_sentence), c=article(control_sentence))
    n = int(f.at["x", "n_tokens"])
    assert n == int(f.at["c", "n_tokens"]) >= 60      # one word swapped: same length
    assert (f.at["x", count_col], f.at["c", count_col]) == (1, 0)
    # raw rate: 1 cue per n tokens = 1000 / n per 1,000; smoothed: 1000 * 1 / (n + prior_tokens)
    assert f.at["x", feature] == pytest.approx(1000 / n)
    expected_z = z_of(feature, 1000 / (n + P["prior_tokens"]))
    assert z.at["x", feature] == pytest.approx(expected_z)
    assert z.at["c", feature] == 0
    assert_only_these_move(z, idx, "x", "c", {feature})
    # the cue pushes the index in the direction of the feature's sign
    assert (idx["x"] - idx["c"]) * F.at[feature, "sign"] > 0


# quoted cues: the same quote (10 and 9 words) by a speaker the registry does not know
THREAT_QUOTE = "“The accord gives rival exporters a foothold in our ports,” said Daniel Okafor, a port official."
BENIGN_QUOTE = "“The accord gives rival exporters a benefit in our ports,” said Daniel Okafor, a port official."
SKEPTIC_QUOTE = "“The worries about the accord are overblown and unfounded,” said Daniel Okafor, a port official."
PLAIN_QUOTE = "“The worries about the accord are common and unfounded,” said Daniel Okafor, a port official."


def test_quoted_threat_cue_is_quoted_voice_and_infers_a_warning_side():
    f, z, idx = scored(x=article(THREAT_QUOTE), c=article(BENIGN_QUOTE))
    n = int(f.at["x", "n_tokens"])
    assert n == int(f.at["c", "n_tokens"])
    assert (f.at["x", "n_threat_quoted"], f.at["x", "n_threat_authorial"]) == (1, 0)
    assert f.at["c", "n_threat_quoted"] == 0
    # "The accord gives rival exporters a foothold in our ports" = 10 quoted words, all on the
    # side inferred from the one threat cue inside the quote (Okafor is not in the registry)
    assert f.at["x", "quoted_words"] == f.at["x", "quoted_words_warns"] == 10
    assert f.at["x", "n_quotes_side_inferred"] == 1
    assert f.at["c", "quoted_words_unknown"] == 10 and f.at["c", "n_quotes_side_inferred"] == 0
    zq = z_of("threat_quoted_per_1k", 1000 / (n + P["prior_tokens"]))
    assert z.at["x", "threat_quoted_per_1k"] == pytest.approx(zq)
    # warn share 10/10, shrunk: (10 * 1 + 0.5 * k) / (10 + k), k = prior_quoted_words
    k = P["prior_quoted_words"]
    zw = z_of("warn_share_quoted", (10 + 0.5 * k) / (10 + k))
    assert z.at["x", "warn_share_quoted"] == pytest.approx(zw)
    assert z.at["c", "warn_share_quoted"] == 0          # no sided words: at the centre
    assert_only_these_move(z, idx, "x", "c", {"threat_quoted_per_1k", "warn_share_quoted"})
    assert idx["x"] > idx["c"]


def test_quoted_skeptic_cue_is_quoted_voice_and_infers_a_defending_side():
    f, z, idx = scored(x=article(SKEPTIC_QUOTE), c=article(PLAIN_QUOTE))
    n = int(f.at["x", "n_tokens"])
    assert n == int(f.at["c", "n_tokens"])
    assert (f.at["x", "n_skeptic_quoted"], f.at["x", "n_skeptic_authorial"]) == (1, 0)
    # "The worries about the accord are overblown and unfounded" = 9 words, side defends
    assert f.at["x", "quoted_words_defends"] == 9 and f.at["x", "quoted_words_warns"] == 0
    assert f.at["x", "n_quotes_side_inferred"] == 1
    zq = z_of("skeptic_quoted_per_1k", 1000 / (n + P["prior_tokens"]))
    assert z.at["x", "skeptic_quoted_per_1k"] == pytest.approx(zq)
    # warn share 0/9, shrunk: (0 + 0.5 * k) / (9 + k)
    k = P["prior_quoted_words"]
    assert z.at["x", "warn_share_quoted"] == pytest.approx(z_of("warn_share_quoted", 0.5 * k / (9 + k)))
    assert_only_these_move(z, idx, "x", "c", {"skeptic_quoted_per_1k", "warn_share_quoted"})
    assert idx["x"] < idx["c"]


# --------------------------------------------------------------------------- source balance


def test_warn_share_counts_words_of_each_inferred_side_and_is_shrunk():
    # two unregistered speakers: 10 words that warn (one threat cue), 9 that defend (one
    # skeptic cue); share = 10 / 19; shrunk: (10 + 0.5 k) / (19 + k)
    f, z, _ = scored(x=article(THREAT_QUOTE + " " + SKEPTIC_QUOTE.replace("Daniel Okafor", "Rosa Lindqvist")))
    assert (f.at["x", "quoted_words_warns"], f.at["x", "quoted_words_defends"]) == (10, 9)
    assert f.at["x", "n_quotes_side_inferred"] == 2
    assert f.at["x", "warn_share_quoted"] == pytest.approx(10 / 19)
    k = P["prior_quoted_words"]
    assert z.at["x", "warn_share_quoted"] == pytest.approx(z_of("warn_share_quoted", (10 + 0.5 * k) / (19 + k)))


def test_quote_with_one_cue_of_each_side_stays_unknown():
    both = "“The foothold story is overblown,” said Daniel Okafor, a port official."
    f, _, _ = scored(x=article(both))
    assert f.at["x", "n_threat_quoted"] == 1 and f.at["x", "n_skeptic_quoted"] == 1
    # a tie (1 alarm cue, 1 skeptic cue) decides nothing
    assert f.at["x", "n_quotes_side_inferred"] == 0
    assert f.at["x", "quoted_words_unknown"] == f.at["x", "quoted_words"] == 5
    assert pd.isna(f.at["x", "warn_share_quoted"])


def test_registry_side_decides_a_quote_without_cues():
    row = registry_row("Gustavo Aliaga")
    # the registry side, not the cues (there are none), gives the 4 words their side
    f, _, _ = scored(x=article("“The accord is premature,” said Gustavo Aliaga."))
    assert f.at["x", "quoted_words"] == 4
    assert f.at["x", f"quoted_words_{row['side']}"] == 4
    assert f.at["x", "n_quotes_side_inferred"] == 0


UNATTRIBUTED = "“The accord gives rival exporters an advantage in our ports.”"
ATTRIBUTED = "“The accord gives rival exporters an advantage in our ports,” said Daniel Okafor."


def test_unattributed_quote_raises_no_speaker_share_with_shrinkage():
    f, z, idx = scored(x=article(UNATTRIBUTED), c=article(ATTRIBUTED))
    # 10 quoted words, none with a speaker: raw share 10/10 = 1
    assert f.at["x", "quoted_words"] == f.at["x", "quoted_words_no_speaker"] == 10
    assert f.at["x", "no_speaker_share"] == 1.0
    # shrunk toward the centre c with k pseudo-words: (1 * 10 + c * k) / (10 + k)
    k, c = P["prior_quoted_words"], F.at["no_speaker_share", "center"]
    assert z.at["x", "no_speaker_share"] == pytest.approx(z_of("no_speaker_share", (10 + c * k) / (10 + k)))
    # the same quote with its speaker: share 0 -> (0 + c k) / (10 + k)
    assert f.at["c", "quoted_words_no_speaker"] == 0
    assert z.at["c", "no_speaker_share"] == pytest.approx(z_of("no_speaker_share", c * k / (10 + k)))
    # the attribution adds 3 tokens but no cue: nothing else moves
    assert_only_these_move(z, idx, "x", "c", {"no_speaker_share"})
    assert idx["x"] > idx["c"]


def test_no_speaker_share_mixes_attributed_and_unattributed_words():
    # a paragraph of its own, so the quote does not inherit Okafor as its speaker
    other = "\n“Nobody has explained the new fees to the dock workers.”\n"
    f, z, _ = scored(x=article(ATTRIBUTED) + other)
    # 10 words with a speaker + 10 without: share 10/20, shrunk (10 + c k) / (20 + k)
    assert (f.at["x", "quoted_words"], f.at["x", "quoted_words_no_speaker"]) == (20, 10)
    assert f.at["x", "no_speaker_share"] == pytest.approx(1 / 2)
    k, c = P["prior_quoted_words"], F.at["no_speaker_share", "center"]
    assert z.at["x", "no_speaker_share"] == pytest.approx(z_of("no_speaker_share", (10 + c * k) / (20 + k)))


# --------------------------------------------------------------------------- lede


FEAR_SENTENCE = "The delay is a danger for small exporters."


def test_cue_in_lede_counts_in_lede_net_cues_and_the_same_cue_later_does_not():
    f, z, idx = scored(x=article(first=FEAR_SENTENCE), c=article(last=FEAR_SENTENCE))
    # same words, same fear count; only the position differs
    assert f.at["x", "n_fear_authorial"] == f.at["c", "n_fear_authorial"] == 1
    assert f.at["x", "lede_fear"] == 1 and f.at["x", "lede_net_cues"] == 1
    assert f.at["c", "lede_fear"] == 0 and f.at["c", "lede_net_cues"] == 0
    assert z.at["x", "lede_net_cues"] == pytest.approx(z_of("lede_net_cues", 1.0))
    assert_only_these_move(z, idx, "x", "c", {"lede_net_cues"})
    assert idx["x"] > idx["c"]


def test_lede_net_cues_subtracts_skeptic_from_threat_cues():
    # x: title with 1 threat cue, lede with 1 fear + 1 skeptic cue -> net = (1 + 1) - 1 = 1
    title = "Rival exporters gain a foothold in regional trade accord"
    text = (title + "\n\n" + FEAR_SENTENCE + " Critics describe the concerns about the accord as overblown. "
            + LEDE + " " + REST + "\n")
    neg = (TITLE + "\n\n" + "Critics describe the concerns about the accord as overblown. " + LEDE + " "
           + REST + "\n")
    f, z, _ = scored(x=text, n=neg)
    assert (f.at["x", "lede_threat"], f.at["x", "lede_fear"], f.at["x", "lede_skeptic"]) == (1, 1, 1)
    assert f.at["x", "lede_net_cues"] == 1
    # only a skeptic cue in the lede: net = 0 - 1 = -1, z = -1 / scale
    assert f.at["n", "lede_net_cues"] == -1
    assert z.at["n", "lede_net_cues"] == pytest.approx(z_of("lede_net_cues", -1.0))


# --------------------------------------------------------------------------- target tone

# target -> (sentence naming it in a clearly negative tone, control naming it neutrally);
# neither sentence holds a lexicon cue
TONE = {
    "vader_iran": ("Iran sent a rude and incompetent delegation whose conduct ruined the talks.",
                   "Iran sent a small delegation to the talks on the accord."),
    "vader_bolivian_government": ("La Paz sent a rude and incompetent delegation whose conduct ruined the talks.",
                                  "La Paz sent a small delegation to the talks on the accord."),
    "vader_united_states": ("Washington sent a rude and incompetent delegation whose conduct ruined the talks.",
                            "Washington sent a small delegation to the talks on the accord."),
}


def _vader(sentence: str) -> float:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer().polarity_scores(sentence)["compound"]


@pytest.mark.parametrize("feature", sorted(TONE))
def test_negative_authorial_tone_toward_a_target_is_shrunk_and_signed(feature):
    neg, neutral = TONE[feature]
    f, z, idx = scored(x=article(neg), c=article(neutral))
    target = feature[len("vader_"):]
    assert f.at["x", f"n_sent_{target}"] == f.at["c", f"n_sent_{target}"] == 1
    # the feature is the compound of that one sentence, scored alone
    comp = _vader(neg)
    assert comp < 0 and _vader(neutral) == 0
    assert f.at["x", feature] == pytest.approx(comp)
    # one sentence + prior_sentences pseudo-sentences of compound 0: comp * 1 / (1 + prior)
    expected = z_of(feature, comp * 1 / (1 + P["prior_sentences"]))
    assert z.at["x", feature] == pytest.approx(expected)
    assert z.at["c", feature] == 0
    assert_only_these_move(z, idx, "x", "c", {feature})
    # negative tone (z < 0) moves the index against the feature's sign
    assert (idx["x"] - idx["c"]) * F.at[feature, "sign"] < 0


def test_tone_of_two_sentences_is_their_mean_shrunk_by_two_of_three():
    s1, s2 = TONE["vader_iran"][0], "Iran later praised the friendly and constructive talks."
    f, z, _ = scored(x=article(s1 + " " + s2))
    assert f.at["x", "n_sent_iran"] == 2
    mean = (_vader(s1) + _vader(s2)) / 2
    assert f.at["x", "vader_iran"] == pytest.approx(mean)
    # two sentences + prior pseudo-sentence(s) of 0: mean * 2 / (2 + prior)
    assert z.at["x", "vader_iran"] == pytest.approx(z_of("vader_iran", mean * 2 / (2 + P["prior_sentences"])))


def test_tone_of_a_quoted_sentence_is_not_the_writers():
    # the negative Iran sentence as a source's words: the sentence is (almost) all quotation,
    # so it is not authorial and no Iran tone is measured
    quoted = "“Iran sent a rude and incompetent delegation whose conduct ruined the talks,” said Daniel Okafor."
    f, z, _ = scored(x=article(quoted))
    assert f.at["x", "n_sent_iran"] == 0 and pd.isna(f.at["x", "vader_iran"])
    assert z.at["x", "vader_iran"] == 0


def test_every_weighted_feature_has_a_text_level_test_here():
    covered = set(AUTHORIAL_CUES) | set(TONE) | {"threat_quoted_per_1k", "skeptic_quoted_per_1k",
                                                   "warn_share_quoted", "no_speaker_share", "lede_net_cues"}
    assert set(WEIGHTED) <= covered, sorted(set(WEIGHTED) - covered)


def test_index_contributions_are_the_weighted_z_and_sum_to_the_index():
    f, z, idx = scored(x=article(THREAT_QUOTE, first=FEAR_SENTENCE))
    c = stance.index_contributions(f.reset_index(drop=True), W).set_index("feature")
    for name in F.index:
        assert c.at[name, "contribution"] == pytest.approx(move(name, z.at["x", name]))
    assert c["contribution"].sum() == pytest.approx(idx["x"])
    assert idx["x"] > 0


# --------------------------------------------------------------------------- quotes


def registry_row(name: str) -> dict:
    rows = [r for r in PACK.rows("speakers.csv") if r["name"] == name]
    assert rows, f"{name} is no longer in the speaker registry: pick another registered speaker"
    return rows[0]


@pytest.mark.parametrize("intro", ["", "Gustavo Aliaga arrived early. "])
def test_registered_speaker_gets_registry_role_and_side(intro):
    row = registry_row("Gustavo Aliaga")
    # without the registry nothing in this text gives a side (rules only give roles)
    assert row["side"] != "unknown" and row["role"] != "unknown"
    said_as = "Aliaga" if intro else "Gustavo Aliaga"  # a surname alone counts when the full name is there
    q = extract_quotes(f"{intro}The committee met on Monday. “The accord is premature,” said {said_as}.", story=PACK)
    assert len(q) == 1 and q[0]["speaker"].endswith("Aliaga")
    assert (q[0]["speaker_role"], q[0]["side"]) == (row["role"], row["side"])


def test_a_surname_alone_is_not_the_registered_person():
    # "Aliaga" with no "Gustavo Aliaga" in the article, and another person of the same surname
    for said_as in ("Aliaga", "Rosa Aliaga"):
        q = extract_quotes(f"The committee met on Monday. “The accord is premature,” said {said_as}.", story=PACK)
        assert len(q) == 1 and q[0]["side"] == "unknown", said_as


def test_without_a_story_pack_no_registry_applies():
    q = extract_quotes("The committee met on Monday. “The accord is premature,” said Gustavo Aliaga.")
    assert len(q) == 1 and q[0]["side"] == "unknown"


def test_unregistered_speaker_gets_no_side():
    q = extract_quotes("The committee met on Monday. “The accord is premature,” said Daniel Okafor.")
    assert len(q) == 1 and q[0]["side"] == "unknown"


def test_in_quote_mask_marks_exactly_the_quotation_with_its_marks():
    text = "He said “we will go” today, at Bolivia's port."
    a, b = text.index("“"), text.index("”") + 1
    mask = in_quote_mask(text)
    assert mask == [a <= i < b for i in range(len(text))]
    assert sum(mask) == len("“we will go”") == 12


def test_in_quote_mask_is_false_without_quotation_marks():
    text = "The port's cranes don't move."
    assert in_quote_mask(text) == [False] * len(text)


# --------------------------------------------------------------------------- evaluate: quotes


def test_speaker_match_normalises_and_accepts_whole_word_containment():
    assert speaker_match("Ann Lee", "ann lee")
    assert speaker_match("The Port Authority", "port authority")     # leading "the" dropped
    assert speaker_match("Lee", "Ann Lee") and speaker_match("Ann Lee", "Lee")
    assert speaker_match("", "")                                      # no speaker on both sides


def test_speaker_match_rejects_other_names_and_partial_words():
    assert not speaker_match("Ann Lee", "Bob Stone")
    assert not speaker_match("Lee", "Leeds")                          # not on a word boundary
    assert not speaker_match("", "Ann Lee") and not speaker_match("Ann Lee", "")


def _q(kind, start, end):
    return {"kind": kind, "start": start, "end": end}


def test_quote_match_needs_nine_tenths_overlap_for_quotes():
    g = _q("direct", 100, 200)
    assert quote_match(g, _q("direct", 100, 190))         # 90 / 100 = 0.90
    assert not quote_match(g, _q("direct", 100, 189))     # 89 / 100 = 0.89
    assert not quote_match(g, _q("direct", 150, 250))     # 50 / 150 = 0.33
    assert not quote_match(g, _q("direct", 300, 400))     # no overlap
    assert quote_match(g, _q("partial", 100, 200))        # direct ~ partial: same class


def test_quote_match_needs_half_overlap_for_reported_speech():
    g = _q("reported", 0, 100)
    assert quote_match(g, _q("reported", 0, 50))          # 50 / 100 = 0.50
    assert not quote_match(g, _q("reported", 0, 49))      # 49 / 100
    assert not quote_match(g, _q("reported", 40, 140))    # 60 / 140 = 0.43


def test_quote_match_requires_the_same_kind_class():
    assert not quote_match(_q("direct", 0, 50), _q("unattributed", 0, 50))
    assert not quote_match(_q("scare", 0, 50), _q("reported", 0, 50))


AGREE_TEXT = ("Port workers ended their strike on Monday. “We have what we asked for,” said Maria Lopez, "
              "a union leader. “Talks will continue next year,” said Peter Hale. “The port is open,” said "
              "Ann Smith.\n")


def test_quote_agreement_precision_recall_and_speaker_accuracy_by_hand():
    t = AGREE_TEXT
    q1 = (t.index("“We"), t.index("for,”") + 5)
    q2 = (t.index("“Talks"), t.index("year,”") + 6)
    q3 = (t.index("“The port"), t.index("open,”") + 6)
    # precondition: the extractor finds these three direct quotes with these speakers
    got = [(q["start"], q["end"], q["kind"], q["speaker"]) for q in extract_quotes(t, doc_id="t")]
    assert got == [(*q1, "direct", "Maria Lopez"), (*q2, "direct", "Peter Hale"), (*q3, "direct", "Ann Smith")]
    gold = [
        # q1, speaker given as the surname: matched, speaker agrees ("lopez" in "maria lopez")
        {"doc_id": "t", "start": q1[0], "end": q1[1], "kind": "direct", "speaker": "Lopez", "text": ""},
        # q3 with another speaker: matched, speaker disagrees
        {"doc_id": "t", "start": q3[0], "end": q3[1], "kind": "direct", "speaker": "John Smith", "text": ""},
        # "“Talks will" only: 11 of q2's 32 characters, IoU 11/32 < 0.9 -> not matched (FN), and q2 is a FP
        {"doc_id": "t", "start": q2[0], "end": q2[0] + 11, "kind": "direct", "speaker": "Peter Hale", "text": ""},
    ]
    r = quote_agreement({"t": t}, gold)
    # tp = 2, fp = 1, fn = 1: precision 2/3, recall 2/3, F1 = 2 * (2/3)(2/3) / (4/3) = 2/3
    assert r["precision"] == pytest.approx(2 / 3)
    assert r["recall"] == pytest.approx(2 / 3)
    assert r["f1"] == pytest.approx(2 / 3)
    # speakers over the 2 matched gold rows: 1 agrees -> 1/2
    assert (r["n_gold"], r["n_speakers"]) == (3, 2)
    assert r["speaker_acc"] == pytest.approx(1 / 2)
    kinds = sorted(e[0] for e in r["errors"])
    assert kinds == ["FN", "FP", "SPK"]


# --------------------------------------------------------------------------- evaluate: terms


def _hit(doc, s, e, cat, loaded=True):
    row = dict.fromkeys(HIT_COLUMNS, "")
    row.update(doc_id=doc, start=s, end=e, text=f"h{s}", term=f"h{s}", category=cat, loaded=loaded,
               voice="authorial")
    return row


def _gold(doc, s, e, cat, loaded="true"):
    return {"doc_id": doc, "start": s, "end": e, "text": f"g{s}", "category": cat, "loaded": loaded, "note": ""}


def test_evaluate_hits_precision_recall_by_hand():
    gold = pd.DataFrame([
        _gold("d", 0, 100, "_extent", ""),       # the annotated stretch of d
        _gold("d", 10, 20, "A"),                 # G1
        _gold("d", 30, 40, "B"),                 # G2
        _gold("d", 60, 70, "A"),                 # G3
        _gold("d", 80, 90, "A", loaded="false"),  # not loaded: not scored with loaded=True
    ])
    hits = pd.DataFrame([
        _hit("d", 12, 18, "A"),                  # H1 overlaps G1, same category
        _hit("d", 32, 38, "A"),                  # H2 overlaps G2, other category
        _hit("d", 50, 55, "A"),                  # H3 overlaps nothing
        _hit("d", 150, 160, "A"),                # outside the extent: not scored
        _hit("d", 82, 88, "A", loaded=False),     # not loaded: not scored
    ])
    r = evaluate_hits(hits, gold)
    assert (r["n_pred"], r["n_gold"]) == (3, 3)
    # lenient: H1, H2 correct of 3 hits; G1, G2 found of 3 gold -> 2/3, 2/3, F1 2/3
    assert r["precision"] == pytest.approx(2 / 3)
    assert r["recall"] == pytest.approx(2 / 3)
    assert r["f1"] == pytest.approx(2 / 3)
    # strict (same category): only H1 / G1 -> 1/3, 1/3, F1 1/3
    assert r["precision_strict"] == pytest.approx(1 / 3)
    assert r["recall_strict"] == pytest.approx(1 / 3)
    assert r["f1_strict"] == pytest.approx(1 / 3)
    assert r["false_positives"] == [("d", 50, 55, "h50", "A")]
    assert r["false_negatives"] == [("d", 60, 70, "g60", "A")]


def test_evaluate_hits_with_no_correct_hit_scores_zero():
    gold = pd.DataFrame([_gold("d", 0, 100, "_extent", ""), _gold("d", 10, 20, "A")])
    hits = pd.DataFrame([_hit("d", 40, 45, "A"), _hit("d", 60, 65, "A")])
    r = evaluate_hits(hits, gold)
    # 0 of 2 hits correct, 0 of 1 gold found
    assert (r["precision"], r["recall"], r["f1"]) == (0.0, 0.0, 0.0)
    assert len(r["false_positives"]) == 2 and len(r["false_negatives"]) == 1


def test_evaluate_hits_scores_only_the_given_documents():
    gold = pd.DataFrame([_gold("d", 0, 100, "_extent", ""), _gold("d", 10, 20, "A"),
                         _gold("e", 0, 100, "_extent", ""), _gold("e", 10, 20, "A")])
    hits = pd.DataFrame([_hit("d", 12, 18, "A"), _hit("e", 50, 55, "A")])
    # all documents: 1 of 2 hits correct, 1 of 2 gold found
    r = evaluate_hits(hits, gold)
    assert (r["precision"], r["recall"]) == (pytest.approx(1 / 2), pytest.approx(1 / 2))
    # e only: its one hit misses its one gold span
    r = evaluate_hits(hits, gold, doc_ids=["e"])
    assert (r["n_pred"], r["n_gold"], r["precision"], r["recall"]) == (1, 1, 0.0, 0.0)


# --------------------------------------------------------------------------- evaluate: segments

SEG_TEXT = "Hello world\nSubscribe now\nGood day\n"
#            0          12             26       35


def _seg_doc(doc_id, text, blocks):
    return Document(doc_id=doc_id, text=text, blocks=[Block(*b) for b in blocks], sentences=[], tokens=[])


def _seg_gold(doc_id, s, e, role, reason=""):
    return {"doc_id": doc_id, "start": s, "end": e, "role": role, "reason": reason}


def test_segmentation_agreement_counts_noise_left_in_the_article():
    doc = _seg_doc("a", SEG_TEXT, [(0, 12, "title"), (12, 26, "body"), (26, 35, "boilerplate", "footer")])
    gold = [_seg_gold("a", 0, 12, "title"), _seg_gold("a", 12, 26, "boilerplate", "cta"),
            _seg_gold("a", 26, 35, "boilerplate", "footer")]
    r = segmentation_agreement(doc, gold)
    # non-whitespace characters: "Hello world" 10, "Subscribe now" 12, "Good day" 7
    assert (r["article_chars"], r["article_kept"]) == (10, 10)
    # noise: 12 + 7 = 19; only "Good day" is predicted boilerplate -> 7 labelled, 7 with its reason
    assert (r["noise_chars"], r["noise_labelled"], r["reason_agree"]) == (19, 7, 7)
    assert r["noise_labelled_rate"] == pytest.approx(7 / 19)
    assert r["article_kept_rate"] == 1.0


def test_segmentation_agreement_counts_article_removed_as_noise():
    doc = _seg_doc("a", SEG_TEXT, [(0, 12, "boilerplate", "nav"), (12, 35, "body")])
    gold = [_seg_gold("a", 0, 12, "title"), _seg_gold("a", 12, 35, "body")]
    r = segmentation_agreement(doc, gold)
    # article: 10 + 12 + 7 = 29 characters, the title's 10 were removed -> 19 kept
    assert (r["article_chars"], r["article_kept"], r["noise_chars"]) == (29, 19, 0)
    assert r["article_kept_rate"] == pytest.approx(19 / 29)


def test_segmentation_report_pools_documents():
    a = _seg_doc("a", SEG_TEXT, [(0, 12, "title"), (12, 26, "body"), (26, 35, "boilerplate", "footer")])
    b = _seg_doc("b", "Menu\nStory\n", [(0, 5, "boilerplate", "nav"), (5, 11, "body")])
    gold = [_seg_gold("a", 0, 12, "title"), _seg_gold("a", 12, 26, "boilerplate", "cta"),
            _seg_gold("a", 26, 35, "boilerplate", "footer"),
            _seg_gold("b", 0, 5, "boilerplate", "nav"), _seg_gold("b", 5, 11, "body"),
            _seg_gold("z", 0, 3, "body")]                  # a document not in the corpus: ignored
    rep = segmentation_report([a, b], gold).set_index("doc_id")
    assert list(rep.index) == ["a", "b", "ALL"]
    # b: "Menu" 4 noise chars, all labelled; "Story" 5 article chars, all kept
    assert (rep.at["b", "noise_chars"], rep.at["b", "noise_labelled"]) == (4, 4)
    # pooled: article 10 + 5 = 15 kept 15; noise 19 + 4 = 23, labelled 7 + 4 = 11
    assert (rep.at["ALL", "article_chars"], rep.at["ALL", "article_kept"]) == (15, 15)
    assert (rep.at["ALL", "noise_chars"], rep.at["ALL", "noise_labelled"]) == (23, 11)
    assert rep.at["ALL", "noise_labelled_rate"] == pytest.approx(11 / 23)
    assert rep.at["ALL", "article_kept_rate"] == 1.0
