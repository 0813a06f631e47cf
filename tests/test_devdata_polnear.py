"""PolNeAR reader, development split and attribution scoring (framing.devdata), on invented text.

No PolNeAR text is used here (nor may be: the corpus is never copied into the repository).
The brat sample below is written for these tests; every expected number is worked out by hand
in the comments, so breaking one line of a scoring rule changes a number checked here.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from framing.devdata import DevdataError
from framing.devdata.attribution_score import (
    char_set,
    content_words,
    head,
    is_pronoun_source,
    is_speech_cue,
    match_cover,
    match_spans,
    merge_units,
    preceding_phrase,
    prf,
    quote_kind,
    resolve_antecedents,
    score_article,
    source_type,
    span_table,
    speaker_correct,
    speaker_table,
)
from framing.devdata.polnear import Article, articles, data_dir, gold_quotes, parse_ann, split_of

ROOT = Path(__file__).resolve().parents[1]

# --------------------------------------------------------------------------- the invented article

SENTENCES = [
    "“Go home,” Ann Lee said.",                          # g0 direct, Source Ann Lee
    "“Stay calm,” she said.",                            # g1 direct, Source she (-> Ann Lee)
    "Bo Ray said taxes rise.",                           # g2 indirect, Source Bo Ray
    "The mayor said that parks “close early” soon.",    # g3 mixed, Source The mayor
    "“Vote now,” Al Roe said.",                          # g4 direct, Source Al Roe
    "“Rain is due,” it was reported.",                   # g5 direct, no Source
    "“Stop,” Kim Ode said.",                             # g6 direct, Source Kim Ode
    "“We rise,” Lee said, “and we fight.”",              # g7 direct, two content fragments
]
TEXT = "Town news\n\n" + " ".join(SENTENCES) + "\n"


def at(sub: str, after: str = "") -> tuple[int, int]:
    """Span of the first ``sub`` at or after the first ``after`` in TEXT."""
    i = TEXT.index(sub, TEXT.index(after) if after else 0)
    return i, i + len(sub)


def t_line(tid: str, label: str, *subs: str, after: str = "") -> str:
    frags = ";".join(f"{a} {b}" for a, b in (at(s, after) for s in subs))
    return f"{tid}\t{label} {frags}\t{' '.join(subs)}"


def make_ann() -> str:
    """The brat annotation of TEXT (same layout as PolNeAR: T spans, E events, a note, Discuss)."""
    lines = [
        t_line("T1", "Content", "“Go home,”"), t_line("T2", "Source", "Ann Lee"), t_line("T3", "Cue", "said"),
        "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2",
        t_line("T4", "Content", "“Stay calm,”"), t_line("T5", "Source", "she"),
        t_line("T6", "Cue", "said", after="she said"),
        "E2\tAttribution:T6 Content:T4 Cue:T6 Source:T5",
        t_line("T7", "Source", "Bo Ray"), t_line("T8", "Content", "taxes rise"),
        "E3\tAttribution:T7 Source:T7 Content:T8",
        t_line("T9", "Source", "The mayor"), t_line("T10", "Content", "that parks “close early” soon"),
        "E4\tAttribution:T9 Source:T9 Content:T10",
        t_line("T11", "Content", "“Vote now,”"), t_line("T12", "Source", "Al Roe"),
        "E5\tAttribution:T12 Content:T11 Source:T12",
        t_line("T13", "Content", "“Rain is due,”"), t_line("T14", "Cue", "was reported"),
        "E6\tAttribution-no-source:T14 Content:T13 Cue:T14",
        t_line("T15", "Content", "“Stop,”"), t_line("T16", "Source", "Kim Ode"),
        "E7\tAttribution:T16 Content:T15 Source:T16",
        t_line("T17", "Content", "“We rise,”"), t_line("T18", "Content", "“and we fight.”"),
        t_line("T19", "Source", "Lee", after="“We rise"),
        "E8\tAttribution:T19 Content:T17 Content2:T18 Source:T19",
        t_line("T20", "Discuss", "Town news"),
        "#1\tAnnotatorNotes T20\ta note that is ignored",
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def atts():
    return parse_ann(make_ann(), TEXT)


# --------------------------------------------------------------------------- reader


def test_parse_ann_reads_every_attribution_with_its_spans(atts):
    assert [a.id for a in atts] == [f"E{k}" for k in range(1, 9)]
    texts = [" | ".join(TEXT[s:e] for s, e in a.content) for a in atts]
    assert texts[0] == "“Go home,”" and texts[3] == "that parks “close early” soon"
    assert texts[7] == "“We rise,” | “and we fight.”"          # Content2 joins the content
    assert [a.source_text for a in atts] == ["Ann Lee", "she", "Bo Ray", "The mayor", "Al Roe", "", "Kim Ode",
                                             "Lee"]
    assert TEXT[slice(*atts[0].cue[0])] == "said"
    assert atts[5].source == () and atts[5].cue                  # Attribution-no-source
    assert [a.kind for a in atts] == ["direct", "direct", "indirect", "mixed", "direct", "direct", "direct",
                                      "direct"]
    assert [a.quote_marks for a in atts] == [True, True, False, True, True, True, True, True]


def test_parse_ann_reads_fragmented_spans():
    text = "Ann Lee said the plan, she added, was bad."
    ann = ("T1\tContent 13 21;34 41\tthe plan was bad\nT2\tSource 0 7\tAnn Lee\n"
           "E1\tAttribution:T2 Content:T1 Source:T2\n")
    (a,) = parse_ann(ann, text)
    assert a.content == ((13, 21), (34, 41))
    assert [text[s:e] for s, e in a.content] == ["the plan", "was bad"]
    assert a.kind == "indirect"


def test_parse_ann_refuses_spans_outside_the_text_and_unknown_spans():
    with pytest.raises(DevdataError, match="x.ann: span T1 lies outside"):
        parse_ann("T1\tContent 0 99\tabc\n", "short", "x.ann")
    with pytest.raises(DevdataError, match="unknown span T9"):
        parse_ann("T1\tContent 0 3\tsho\nE1\tAttribution:T9 Content:T1\n", "short")


def test_gold_quotes_resolve_pronoun_sources(atts):
    art = Article("daily-news_2016-03-01_invented-story-0", "fit", TEXT, "aa11", tuple(atts))
    g = gold_quotes(art)
    assert [x["resolved_source"] for x in g] == ["Ann Lee", "Ann Lee", "Bo Ray", "The mayor", "Al Roe", "",
                                                 "Kim Ode", "Lee"]


# --------------------------------------------------------------------------- quote shape


@pytest.mark.parametrize("text, sub, expected", [
    ("He said “we won.” Then", "“we won.”", ("direct", True)),
    ("He said “we won.” Then", "we won.", ("direct", True)),           # marks just outside: widened
    ("He said “we won.” Then", "we won", ("direct", True)),            # "." before the closing mark: still inside
    ("that the plan “works” well", "that the plan “works” well", ("mixed", True)),
    ("that the plan works", "that the plan works", ("indirect", False)),
    ('said "we won" then', '"we won"', ("direct", True)),              # straight marks
    ('we won," she said', 'we won,"', ("direct", True)),               # began inside the quotation
    ("“We won and then", "“We won and then", ("direct", True)),        # runs on to the next paragraph
    ("the ‘plan’ works", "the ‘plan’ works", ("indirect", False)),      # single quotes are not counted
    ("He said ''we won.'' Then", "we won.", ("direct", True)),         # two apostrophes are a double mark
    ("that the ''plan'' works", "that the ''plan'' works", ("mixed", True)),
    ("it's the Smiths' plan", "it's the Smiths' plan", ("indirect", False)),
])
def test_quote_kind(text, sub, expected):
    i = text.index(sub)
    assert quote_kind(text, [(i, i + len(sub))]) == expected


def test_char_set_counts_letters_and_digits_only():
    assert sorted(char_set("“Go 2,”", [(0, 7)])) == [1, 2, 4]


# --------------------------------------------------------------------------- matching


def test_match_spans_threshold_is_half_inclusive():
    g = [frozenset({1, 2})]
    assert match_spans([frozenset({1, 2, 3, 4})], g) == {0: 0}          # 2/4 = 0.5: matched
    assert match_spans([frozenset({1, 2, 3, 4, 5})], g) == {}           # 2/5 = 0.4: not matched
    assert match_spans([frozenset({7})], g) == {}                       # no overlap


def test_match_spans_is_one_to_one_best_first():
    g = [frozenset({1, 2, 3, 4})]
    p = [frozenset({1, 2}), frozenset({1, 2, 3})]                         # IoU 0.5 and 0.75
    assert match_spans(p, g) == {1: 0}
    g2 = [frozenset({1, 2}), frozenset({1, 2, 3})]
    assert match_spans([frozenset({1, 2, 3, 4})], g2) == {0: 1}


def test_match_spans_exact_needs_the_same_characters():
    g = [frozenset({1, 2, 3})]
    assert match_spans([frozenset({1, 2, 3})], g, exact=True) == {0: 0}
    assert match_spans([frozenset({1, 2, 3, 4})], g, exact=True) == {}   # IoU 0.75
    assert match_spans([frozenset({1, 2, 3, 4})], g) == {0: 0}


def test_prf():
    assert prf(5, 7, 5, 7) == pytest.approx((5 / 7, 5 / 7, 5 / 7))
    assert prf(1, 2, 1, 4) == pytest.approx((0.5, 0.25, 1 / 3))
    assert prf(0, 0, 0, 3) == (0.0, 0.0, 0.0)


# --------------------------------------------------------------------------- speakers


def test_head_and_content_words():
    assert head("Spokeswoman Ana Ruiz") == "ruiz"
    assert head("Sen. Al Roe (R-Texas)") == "roe"
    assert head("O’Dell’s campaign") == "o'dell"
    assert head("a spokesman") == "spokesman"
    assert head("she") == "" and head("") == ""
    assert content_words("the Trump campaign") == ["trump", "campaign"]


def test_source_types():
    assert [source_type(s) for s in ("", "He", "Ann Lee", "the mayor", "his aides")] == [
        "none", "pronoun", "named", "descriptor", "descriptor"]
    assert is_pronoun_source("they") and is_pronoun_source("he or she") and is_pronoun_source("who")
    assert not is_pronoun_source("her aides") and not is_pronoun_source("U.S.") and not is_pronoun_source("a")


@pytest.mark.parametrize("pred, gold, ok", [
    ("Donald Trump", "Trump", True),
    ("Trump", "Donald J. Trump", True),
    ("the Trump campaign", "Trump", True),          # head of pred ("trump") is in gold
    ("Hillary Clinton", "Clinton’s campaign", True),  # head of pred ("clinton") is in gold
    ("Bo Ray of Vermont", "Ray", True),             # only the head of gold ("ray") is in pred
    ("spokesman", "a spokesman for the party", True),
    ("President Obama", "President Trump", False),  # a shared title is not a shared name
    ("Al Roe", "Kim Ode", False),
    ("", "Kim Ode", False),                         # empty prediction is never right
    ("he", "Kim Ode", False),                       # an unresolved pronoun names nobody
    ("Kim Ode", "", False),
    ("Bill Clinton", "Clinton", True),              # documented leniency: a shared surname
])
def test_speaker_correct(pred, gold, ok):
    assert speaker_correct(pred, gold) is ok


def test_resolve_antecedents_uses_the_nearest_earlier_named_source():
    srcs = [(10, "Ann Lee"), (30, "she"), (50, "Bo Ray"), (70, "he"), (5, "They"), (90, "")]
    assert resolve_antecedents(srcs) == ["Ann Lee", "Ann Lee", "Bo Ray", "Bo Ray", "", ""]


def test_relative_pronoun_sources_stand_for_the_phrase_before_them():
    srcs = [(10, "Ann Lee"), (40, "who", "Gov. Bo Ray"), (60, "he"), (80, "which", "and the")]
    # "who" -> its phrase; "he" -> the last Source that is not a pronoun (Ann Lee, not the phrase);
    # "which" after a phrase with no content word -> falls back to the last Source
    assert resolve_antecedents(srcs) == ["Ann Lee", "Gov. Bo Ray", "Ann Lee", "Ann Lee"]
    t = "Rain fell. The mayor, Ann Lee, who spoke first, said no."
    assert preceding_phrase(t, t.index("who")) == "The mayor, Ann Lee"
    assert preceding_phrase(t, t.index("who"), window=10) == "Ann Lee"   # only 10 characters back
    t2 = "Tim Roe (a judge) who ruled"
    assert preceding_phrase(t2, t2.index("who")) == "a judge)"


def test_gold_quotes_resolve_relative_pronouns():
    text = "Sen. Bo Ray, who chairs the panel, said taxes rise."
    ann = ("T1\tSource 13 16\twho\nT2\tContent 40 50\ttaxes rise\n"
           "E1\tAttribution:T1 Source:T1 Content:T2\n")
    (g,) = gold_quotes(Article("x_2016-01-01_y", "fit", text, "aa11", tuple(parse_ann(ann, text))))
    assert (g["source"], g["resolved_source"]) == ("who", "Bo Ray")   # cut after "Sen."
    assert speaker_correct("Bo Ray", g["resolved_source"]) and not speaker_correct("Ann Lee", g["resolved_source"])


# --------------------------------------------------------------------------- one article, by hand


def _pred(sub: str, speaker: str, kind: str = "direct") -> dict:
    s, e = at(sub)
    return {"start": s, "end": e, "speaker": speaker, "kind": kind}


@pytest.fixture(scope="module")
def scored(atts):
    art = Article("daily-news_2016-03-01_invented-story-0", "fit", TEXT, "aa11", tuple(atts[:7]))
    gold = gold_quotes(art)   # g0..g6 (E1..E7)
    preds = [
        _pred("Go home,” Ann", "Ann Lee"),    # p0 ~ g0: 6 letters + "Ann", IoU 6/9 (not exact); mixed shape
        _pred("Stay calm", "Ann Lee"),        # p1 = g1 exactly; gold "she" -> Ann Lee: right
        _pred("Bo Ray said", "", "reported"),  # p2 overlaps no content: spurious
        _pred("close early", "mayor"),        # p3 inside g3: 10 of 23 letters, IoU 0.43 < 0.5
        _pred("Vote now", ""),                # p4 = g4 exactly; empty speaker
        _pred("Rain is due", ""),             # p5 = g5 exactly; gold has no Source (nor prediction)
        _pred("Stop", "Al Roe"),              # p6 = g6 exactly; wrong speaker (Kim Ode)
    ]
    return score_article(TEXT, preds, gold)


def test_score_article_rows(scored):
    G, P = scored
    assert [g["exact"] for g in G] == [False, True, False, False, True, True, True]
    assert [g["iou"] for g in G] == [True, True, False, False, True, True, True]
    assert [g["any"] for g in G] == [True, True, False, True, True, True, True]
    assert [g["speaker_ok"] for g in G] == [True, True, None, None, False, None, False]
    assert [p["exact"] for p in P] == [False, True, False, False, True, True, True]
    assert [p["iou"] for p in P] == [True, True, False, False, True, True, True]
    assert [p["any"] for p in P] == [True, True, False, True, True, True, True]
    assert [p["kind"] for p in P] == ["mixed", "direct", "indirect", "direct", "direct", "direct", "direct"]
    assert [p["best_gold"] for p in P] == [0, 1, -1, 3, 4, 5, 6]
    assert [p["any_speaker_ok"] for p in P] == [True, True, None, True, False, None, False]


def test_any_overlap_counts_every_overlapped_content():
    text = "Ann said taxes rise and Bo said rents fall."
    gold = [{"content": [at2(text, "taxes rise")], "source": "Ann"},      # 9 letters
            {"content": [at2(text, "rents fall")], "source": "Bo"}]        # 9 letters
    pred = [{"start": text.index("rise"), "end": text.index("fall") + 4, "speaker": "Ann"}]
    # the prediction overlaps "rise" (4) and "rents fall" (9): its best content is the second,
    # but both contents are found under the lenient rule
    G, P = score_article(text, pred, gold)
    assert [g["any"] for g in G] == [True, True] and [g["iou"] for g in G] == [False, False]
    assert P[0]["best_gold"] == 1 and P[0]["any_speaker_ok"] is False   # "Ann" is not "Bo"


def at2(text: str, sub: str) -> tuple[int, int]:
    i = text.index(sub)
    return i, i + len(sub)


def test_match_cover_needs_thirty_percent_of_the_gold_and_is_one_to_one():
    gold = [frozenset(range(10)), frozenset(range(100, 110))]
    assert match_cover([frozenset(range(3))], gold) == {0: 0}          # 3 of 10: enough
    assert match_cover([frozenset(range(2))], gold) == {}              # 2 of 10: not
    # coverage ignores how far the prediction runs past the content (IoU would not match it)
    wide = frozenset(range(-50, 10))
    assert match_cover([wide], gold) == {0: 0} and match_spans([wide], gold) == {}
    # one to one, the best coverage first
    assert match_cover([frozenset(range(4)), frozenset(range(10))], gold[:1]) == {1: 0}


def test_speech_cue_words():
    assert is_speech_cue("told reporters") and is_speech_cue("According to") and is_speech_cue("has said")
    assert not is_speech_cue("believes") and not is_speech_cue("") and not is_speech_cue("wants")


def test_cover_rule_and_speech_cue_subset_by_hand(scored):
    G, P = scored
    # p3 covers 10 of g3's 23 letters (>= 30 %), though its IoU is 0.43
    assert [g["cover"] for g in G] == [True, True, False, True, True, True, True]
    assert [g["speech_cue"] for g in G] == [True, True, False, False, False, True, False]
    t = span_table(G, P).set_index("subset")
    assert t.loc["all", "cover_p"] == pytest.approx(6 / 7) and t.loc["all", "cover_r"] == pytest.approx(6 / 7)
    # speech cue: gold g0, g1, g5 (said, said, was reported); predictions p0, p1, p5 (their best content)
    # and the spurious p2
    assert t.loc["speech cue", ["n_gold", "n_pred"]].tolist() == [3, 4]
    assert t.loc["speech cue", "cover_p"] == pytest.approx(3 / 4) and t.loc["speech cue", "cover_r"] == 1.0
    k = speaker_table(G, P).set_index("pairs")
    # cover pairs with a Source: g0 right, g1 right, g3 right ("mayor"), g4 empty, g6 wrong
    assert k.loc["cover: all", ["n_scored", "accuracy"]].tolist() == [5, pytest.approx(3 / 5)]
    assert k.loc["cover: all", "empty_share"] == pytest.approx(1 / 5)
    assert k.loc["cover: pronoun", ["n_scored", "accuracy"]].tolist() == [1, 1.0]
    assert k.loc["cover: speech cue", ["n_scored", "accuracy"]].tolist() == [2, 1.0]


def test_span_table_by_hand(scored):
    t = span_table(*scored).set_index("subset")
    # all: 7 gold, 7 predictions; IoU pairs p0,p1,p4,p5,p6 = 5, exact ones the same but p0 = 4;
    # any: 6 predictions overlap a content (all but p2), 6 contents are overlapped (all but g2)
    assert t.loc["all", ["n_gold", "n_pred"]].tolist() == [7, 7]
    assert t.loc["all", "exact_p"] == pytest.approx(4 / 7) and t.loc["all", "exact_r"] == pytest.approx(4 / 7)
    assert t.loc["all", "iou_p"] == pytest.approx(5 / 7) and t.loc["all", "iou_r"] == pytest.approx(5 / 7)
    assert t.loc["all", "any_p"] == pytest.approx(6 / 7) and t.loc["all", "any_r"] == pytest.approx(6 / 7)
    # direct: gold g0,g1,g4,g5,g6 all IoU-found, 4 exactly (not g0); predictions of direct shape
    # p1,p3,p4,p5,p6, 4 matched (p3 only overlaps)
    assert t.loc["direct", ["n_gold", "n_pred"]].tolist() == [5, 5]
    assert t.loc["direct", "iou_p"] == pytest.approx(4 / 5) and t.loc["direct", "iou_r"] == 1.0
    assert t.loc["direct", "iou_f1"] == pytest.approx(2 * 0.8 / 1.8)
    assert t.loc["direct", "exact_r"] == pytest.approx(4 / 5) and t.loc["direct", "any_p"] == 1.0
    # mixed: gold g3 overlapped (any) but not matched; the mixed-shape prediction p0 matches g0
    assert t.loc["mixed", ["n_gold", "n_pred"]].tolist() == [1, 1]
    assert t.loc["mixed", ["iou_p", "iou_r", "any_r", "exact_p"]].tolist() == [1.0, 0.0, 1.0, 0.0]
    # indirect and "no quote marks": g2 missed, p2 spurious
    for sub in ("indirect", "no quote marks"):
        assert t.loc[sub, ["n_gold", "n_pred"]].tolist() == [1, 1]
        assert t.loc[sub, ["exact_f1", "iou_f1", "any_f1"]].tolist() == [0.0, 0.0, 0.0]
    # quote marks: gold g0,g1,g3,g4,g5,g6 (6), 5 matched; predictions with marks: all but p2 (6), 5 matched
    assert t.loc["quote marks", "iou_p"] == pytest.approx(5 / 6)
    assert t.loc["quote marks", "iou_r"] == pytest.approx(5 / 6)


def test_speaker_table_by_hand(scored):
    t = speaker_table(*scored).set_index("pairs")
    # IoU pairs with a gold Source: g0 (right), g1 (right, via "she"), g4 (empty), g6 (wrong); g5 has none
    assert t.loc["iou: all", "n_scored"] == 4
    assert t.loc["iou: all", "accuracy"] == pytest.approx(2 / 4)
    assert t.loc["iou: all", "empty_share"] == pytest.approx(1 / 4)
    assert t.loc["iou: all", "n_no_source"] == 1        # g5, whose empty prediction is not counted as empty
    assert t.loc["iou: source named", ["n_scored", "accuracy"]].tolist() == [3, pytest.approx(1 / 3)]
    assert t.loc["iou: source pronoun", ["n_scored", "accuracy"]].tolist() == [1, 1.0]
    assert t.loc["iou: source descriptor", "n_scored"] == 0
    # any overlap: p0 right, p1 right, p3 right ("mayor" ~ "The mayor"), p4 empty, p6 wrong; p5 no Source
    assert t.loc["any overlap", "n_scored"] == 5
    assert t.loc["any overlap", "accuracy"] == pytest.approx(3 / 5)
    assert t.loc["any overlap", "empty_share"] == pytest.approx(1 / 5)


# --------------------------------------------------------------------------- split


def test_split_of_is_by_date_then_by_hash():
    assert split_of("nyt_2016-09-08_x") == "dev" and split_of("nyt_2016-10-07_x") == "dev"
    assert split_of("nyt_2016-10-08_x") == "test" and split_of("nyt_2016-09-07_x") != "dev"
    # pinned: the split was declared before any score; a change of rule must show here
    assert [split_of(f"daily-news_2016-03-0{i + 1}_invented-story-{i}") for i in range(3)] == [
        "fit", "select", "fit"]
    share = sum(split_of(f"x_2016-01-01_s{k}") == "fit" for k in range(2000)) / 2000
    assert 0.77 < share < 0.83
    with pytest.raises(ValueError, match="not a PolNeAR article id"):
        split_of("no-date-here")


# --------------------------------------------------------------------------- a fake corpus on disk

FIT_ID = "daily-news_2016-03-01_invented-story-0"
SELECT_ID = "daily-news_2016-03-02_invented-story-1"
DEV_ID = "daily-news_2016-09-20_invented-story-9"


@pytest.fixture
def fake_devdata(tmp_path):
    data = tmp_path / "polnear" / "data"
    for comp, ids in (("train", (FIT_ID, SELECT_ID)), ("dev", (DEV_ID,))):
        (data / comp / "text").mkdir(parents=True)
        (data / comp / "attributions").mkdir()
        for aid in ids:
            (data / comp / "text" / f"{aid}.txt").write_text(TEXT, encoding="utf-8")
            (data / comp / "attributions" / f"{aid}_bb22.ann").write_text(make_ann(), encoding="utf-8")
    # a second annotator of the fit article, with one attribution only: the first id ("aa11") is read
    one = "\n".join(make_ann().splitlines()[:4]) + "\n"
    (data / "train" / "attributions" / f"{FIT_ID}_aa11.ann").write_text(one, encoding="utf-8")
    return tmp_path


def test_articles_reads_one_split(fake_devdata):
    (fit,) = list(articles(fake_devdata, "fit"))
    assert (fit.article_id, fit.split, fit.annotator, len(fit.attributions)) == (FIT_ID, "fit", "aa11", 1)
    assert [a.article_id for a in articles(fake_devdata / "polnear", "select")] == [SELECT_ID]
    (dev,) = list(articles(fake_devdata / "polnear" / "data", "dev"))
    assert dev.text == TEXT and len(dev.attributions) == 8
    with pytest.raises(ValueError, match="unknown split"):
        list(articles(fake_devdata, "test"))


def test_missing_corpus_and_annotation_are_one_line_errors(fake_devdata, tmp_path):
    with pytest.raises(DevdataError) as e:
        data_dir(tmp_path / "nowhere")
    assert "PolNeAR not found" in str(e.value) and "\n" not in str(e.value)
    for p in (fake_devdata / "polnear" / "data" / "dev" / "attributions").glob("*.ann"):
        p.unlink()
    with pytest.raises(DevdataError, match="no annotation"):
        list(articles(fake_devdata, "dev"))


def test_misfiled_article_is_an_error(fake_devdata):
    d = fake_devdata / "polnear" / "data" / "dev" / "text"
    (d / f"{FIT_ID}.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(DevdataError, match="stored in the dev compartment"):
        list(articles(fake_devdata, "dev"))


# --------------------------------------------------------------------------- the benchmark script

BENCH = ROOT / "benchmarks" / "bench_polnear.py"


def _bench(*args):
    return subprocess.run([sys.executable, str(BENCH), *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def test_bench_runs_on_a_split_and_writes_errors_outside(fake_devdata, tmp_path):
    out = tmp_path / "errors.csv"
    r = _bench(fake_devdata, "--split", "dev", "--errors", "3", "--errors-out", out)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "split `dev` (1 articles)" in r.stdout and "words/s" in r.stdout
    assert "| all | 8 |" in r.stdout
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("category,article_id,start,end")


def test_bench_refuses_missing_corpus_and_errors_in_the_repository(tmp_path, fake_devdata):
    r = _bench(tmp_path / "nowhere", "--split", "fit")
    assert r.returncode == 2 and "PolNeAR not found" in r.stderr and "Traceback" not in r.stderr
    r = _bench(fake_devdata, "--errors", "2", "--errors-out", ROOT / "polnear_errors.csv")
    assert r.returncode == 2 and "outside the repository" in r.stderr
    assert not (ROOT / "polnear_errors.csv").exists()


def test_docstring_examples_hold():
    import doctest

    import framing.devdata.attribution_score as score
    import framing.devdata.polnear as polnear

    for m in (score, polnear):
        assert doctest.testmod(m).failed == 0


def test_merged_rule_joins_quotations_of_one_speaker_inside_one_content():
    # one gold content "“We go,” she said. “Now.”" (both quotations), as PolNeAR annotates it
    text = "“We go now,” she said. “Right now and fast.” Then “Fine,” Bo said."
    gold = [{"content": [at2(text, "“We go now,” she said. “Right now and fast.”")], "source": "Ann",
             "resolved_source": "Ann"}]
    pred = [{**dict(zip(("start", "end"), at2(text, "“We go now,”"))), "speaker": "Ann"},
            {**dict(zip(("start", "end"), at2(text, "“Right now and fast.”"))), "speaker": "Ann"},
            {**dict(zip(("start", "end"), at2(text, "“Fine,”"))), "speaker": "Bo"}]
    G, P = score_article(text, pred, gold)
    # cover: one of the two quotations matches, the other and "Fine" are spurious
    assert sum(p["cover"] for p in P) == 1 and G[0]["cover"]
    # merged: the two quotations are one unit (weight 1/2 each), "Fine" stays spurious
    assert [p["unit"] for p in P] == [0.5, 0.5, 1.0] and [p["merged"] for p in P] == [True, True, False]
    t = span_table(G, P).set_index("subset")
    assert t.loc["all", "merged_p"] == pytest.approx(1 / 2) and t.loc["all", "merged_r"] == 1.0
    assert t.loc["all", "cover_p"] == pytest.approx(1 / 3)
    # another speaker's quotation inside the same content is not merged
    pred[1]["speaker"] = "Bo"
    assert [p["unit"] for p in score_article(text, pred, gold)[1]] == [1.0, 1.0, 1.0]
    assert merge_units([frozenset({1, 2}), frozenset({5})], [frozenset({1, 2, 5})], ["A", "A"]) == [[0, 1]]
    # predictions with no speaker are never merged; one mostly outside the content is not either
    assert merge_units([frozenset({1, 2}), frozenset({5})], [frozenset({1, 2, 5})], ["", ""]) == [[0], [1]]
    assert merge_units([frozenset({1, 2}), frozenset({5, 6, 7})], [frozenset({1, 2, 5})], ["A", "A"]) == [[0], [1]]
    t = span_table(*score_article(text, [dict(p, speaker="") for p in pred], gold)).set_index("subset")
    assert t.loc["all", "n_units"] == 3 and t.loc["all", "merged_p"] == t.loc["all", "cover_p"]
