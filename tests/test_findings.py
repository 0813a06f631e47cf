"""The package functions the notebooks call instead of computing in cells: distinctive terms, hit carriers,
frame agreement, line documents, the analyst-coding reader, score tables, and the findings Markdown
(hand-computed values; escaping of hostile titles and speakers; no seed-story wording without a pack)."""
import math

import mistune
import pandas as pd
import pytest

import framing
from framing import stance
from framing.corpus import line_documents
from framing.evaluate import analyst_coding, frame_agreement, quote_scores, term_scores
from framing.quotes import quote_summary
from framing.report import findings
from framing.report.evidence import ledes_html
from framing.report.plots import source_labels
from framing.safe import markdown_text
from framing.terms import distinctive_terms, hit_carriers

SEED_STORY_WORDS = ("Bolivia", "Iran", "AMIA", "Hezbollah", "memorandum")


def _hits(rows):
    """Term-hit rows from (doc_id, text, term, category, voice) tuples."""
    return pd.DataFrame(rows, columns=["doc_id", "text", "term", "category", "voice"])


# ----------------------------------------------------------------- distinctive_terms


def test_distinctive_terms_is_the_log_odds_z_score_with_add_half_smoothing():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "n_tokens": [100, 200]})
    hits = _hits([("a", "Regime", "regime", "label", "authorial"), ("a", "regime", "regime", "label", "authorial"),
                  ("a", "regimes", "regime", "label", "quoted"), ("b", "regime", "regime", "label", "authorial")])
    out = distinctive_terms(hits, docs).set_index("doc_id")
    # a: 3 of 100 words against 1 of 200; b: 1 of 200 against 3 of 100
    z_a = math.log((3.5 / 97.5) / (1.5 / 199.5)) / math.sqrt(1 / 3.5 + 1 / 97.5 + 1 / 1.5 + 1 / 199.5)
    assert z_a == pytest.approx(1.589, abs=1e-3)
    assert out.at["a", "z_log_odds"] == pytest.approx(z_a)
    assert out.at["b", "z_log_odds"] == pytest.approx(-z_a)
    assert out.loc["a", ["found_as", "n_here", "n_rest", "n_writer", "n_quoted", "n_sources"]].tolist() == \
        ["regime, regimes", 3, 1, 2, 1, 2]


def test_distinctive_terms_weighs_rates_not_counts_and_keeps_the_top_per_document():
    # the same two hits in a short and in a long document: the short one's rate is higher
    docs = pd.DataFrame({"doc_id": ["short", "long", "other"], "n_tokens": [50, 1000, 500]})
    hits = _hits([(d, w, w, "c", "authorial") for d in ("short", "long") for w in ("x", "x")]
                 + [("short", "y", "y", "c", "authorial"), ("short", "z", "z", "c", "quoted")])
    out = distinctive_terms(hits, docs, top=2)
    assert out.groupby("doc_id").size().to_dict() == {"long": 1, "short": 2}
    z = out.set_index(["doc_id", "term"]).z_log_odds
    assert z["short", "x"] > z["long", "x"]
    assert list(out[out.doc_id == "short"].term) == ["x", "y"]  # ties (y, z) broken by found_as
    assert "other" not in set(out.doc_id)  # a document without hits has no row


def test_distinctive_terms_needs_two_documents():
    docs = pd.DataFrame({"doc_id": ["a"], "n_tokens": [100]})
    out = distinctive_terms(_hits([("a", "x", "x", "c", "authorial")]), docs)
    assert out.empty and list(out.columns)[:3] == ["doc_id", "term", "found_as"]


# ----------------------------------------------------------------- hit_carriers


def test_hit_carriers_follows_the_innermost_quotation_or_reported_clause():
    quotes = pd.DataFrame([
        ("d", 0, 50, "direct", "Ann Lee", "expert"),
        ("d", 10, 20, "scare", "", ""),               # inside the first quotation, no speaker
        ("d", 60, 90, "reported", "Bob Ray", "government"),  # a reported clause quoting some words
        ("e", 0, 40, "direct", "Cy Dee", "media"),
    ], columns=["doc_id", "start", "end", "kind", "speaker", "speaker_role"])
    hits = pd.DataFrame([
        ("d", 12, 15, "quoted", ""),           # innermost: the scare quote
        ("d", 30, 35, "quoted", "Ann Lee"),    # the direct quotation
        ("d", 15, 25, "quoted", "Ann Lee"),    # reaches past the scare quote: the outer one holds it
        ("d", 30, 35, "authorial", ""),        # the writer's voice wins whatever the spans
        ("d", 70, 75, "quoted", "Bob Ray"),    # quoted words inside the reported clause: its speaker's role
        ("d", 92, 94, "quoted", "Cy Dee"),     # no row holds it, a speaker named
        ("d", 95, 99, "quoted", ""),           # no row, no speaker
        ("e", 10, 12, "quoted", "Cy Dee"),     # another document's quotation
    ], columns=["doc_id", "start", "end", "voice", "speaker"], index=[7, 3, 5, 1, 0, 4, 2, 9])
    out = hit_carriers(hits, quotes)
    assert out.name == "carrier" and list(out.index) == [7, 3, 5, 1, 0, 4, 2, 9]
    assert out.tolist() == ["no speaker", "expert", "expert", "writer", "government", "unknown", "no speaker",
                            "media"]


def test_hit_carriers_ties_on_start_go_to_the_later_row():
    quotes = pd.DataFrame([("d", 0, 30, "direct", "A B", "expert"), ("d", 0, 30, "partial", "C D", "media")],
                          columns=["doc_id", "start", "end", "kind", "speaker", "speaker_role"])
    hits = pd.DataFrame([("d", 5, 9, "quoted", "C D")], columns=["doc_id", "start", "end", "voice", "speaker"])
    assert hit_carriers(hits, quotes).tolist() == ["media"]


# ----------------------------------------------------------------- frame_agreement, analyst_coding


def _coded(index, analyst, frames):
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(index))], "alarm_index": index, "frame": frames,
                         "analyst_frame": analyst})


def test_frame_agreement_hand_computed():
    coded = _coded([0.5, 0.3, 0.0, -0.4], ["alarmist", "neutral", "neutral", "skeptical"],
                   ["alarmist", "neutral", "neutral", "neutral"])
    r = frame_agreement(coded)
    # ranks of the index 4,3,2,1; of the analyst's ordinal 4,2.5,2.5,1: rho = 4.5 / sqrt(5 * 4.5)
    assert r.spearman == pytest.approx(4.5 / math.sqrt(22.5))
    # 6 pairs, 5 concordant, 0 discordant, 1 tied in the analyst's coding: tau-b = 5 / sqrt(6 * 5)
    assert r.kendall_tau_b == pytest.approx(5 / math.sqrt(30))
    assert (r.n, r.same_frame, r.concordant, r.n_pairs) == (4, 3, 5, 5)
    assert r.confusion.loc["skeptical", "neutral"] == 1 and int(r.confusion.to_numpy().trace()) == 3
    assert r.disagreements.doc_id.tolist() == ["d3"]
    assert r.summary().loc["pairs ordered", "value"] == "5 of 5"


def test_frame_agreement_counts_discordant_and_tied_pairs_as_not_ordered():
    coded = _coded([0.1, 0.1, 0.4], ["alarmist", "skeptical", "skeptical"], ["neutral"] * 3)
    r = frame_agreement(coded)
    assert (r.concordant, r.n_pairs, r.same_frame) == (0, 2, 0)  # (0,1) tied in the index, (0,2) reversed
    assert r.kendall_tau_b < 0


def test_frame_agreement_is_undefined_below_three_sources():
    r = frame_agreement(_coded([0.3, -0.3], ["alarmist", "skeptical"], ["alarmist", "skeptical"]))
    assert math.isnan(r.spearman) and math.isnan(r.kendall_tau_b)
    assert (r.concordant, r.n_pairs, r.same_frame) == (1, 1, 2)


def test_analyst_coding_reads_valid_frames_and_joins_the_scored_documents(tmp_path):
    (tmp_path / "sources.csv").write_text(
        "\ufeffdoc_id,outlet,analyst_frame,analyst_justification\n"
        "a,X,alarmist,loud\nb,Y,neutral,calm\nc,Z,unsure,?\nd,W,skeptical,dismissive\n", encoding="utf-8")
    assert analyst_coding(tmp_path).doc_id.tolist() == ["a", "b", "d"]
    stance_rows = pd.DataFrame({"doc_id": ["a", "b", "d"], "alarm_index": [0.1, 0.5, float("nan")],
                                "frame": ["neutral", "alarmist", "not assessed"], "assessable": [True, True, False]})
    coded = analyst_coding(tmp_path, stance_rows)
    assert coded.doc_id.tolist() == ["b", "a"]  # highest index first; d is not assessed
    assert list(coded.columns) == ["doc_id", "alarm_index", "frame", "analyst_frame", "analyst_justification"]
    assert analyst_coding(tmp_path / "nowhere").empty
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "sources.csv").write_text("doc_id,outlet\na,X\n", encoding="utf-8")
    assert analyst_coding(tmp_path / "plain").empty


# ----------------------------------------------------------------- line_documents, score tables


def test_line_documents_one_per_non_empty_line_numbered_by_line(tmp_path):
    f = tmp_path / "s.txt"
    f.write_text("The regime fell.\n\nA third line.\n", encoding="utf-8")
    docs = line_documents(f, "sent")
    assert [(d.doc_id, d.text) for d in docs] == [("sent01", "The regime fell."), ("sent03", "A third line.")]
    assert len(docs[0].tokens) == 3


def test_term_scores_rows_per_set_and_kind_and_skips_empty_sets():
    gold = [{"doc_id": "s1", "start": 0, "end": 20, "text": "", "category": "_extent", "loaded": "false"},
            {"doc_id": "s1", "start": 4, "end": 10, "text": "regime", "category": "label", "loaded": "true"},
            {"doc_id": "s1", "start": 12, "end": 16, "text": "evil", "category": "label", "loaded": "true"}]
    hits = pd.DataFrame({"doc_id": ["s1", "s1"], "start": [4, 17], "end": [10, 19], "text": ["regime", "xx"],
                         "category": ["label", "label"], "loaded": [True, True]})
    out = term_scores([("one", hits, ["s1"]), ("none", hits, [])], gold, loaded=(True,))
    assert out.set.tolist() == ["one"]
    r = out.iloc[0]
    assert (r.n_gold, r.n_pred, r.precision, r.recall, r.missed) == (2, 2, 0.5, 0.5, "evil")


def test_quote_scores_skips_empty_sets():
    assert quote_scores([("none", {})], []).empty


# ----------------------------------------------------------------- findings: exact text


def test_corpus_findings_hand_computed_and_escaped():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "n_chars": [1000, 500], "n_removed_chars": [100, 250],
                         "n_tokens": [150, 60], "n_sentences": [10, 4], "doc_flags": ["", "no title"]})
    text = findings.corpus_findings(docs, {"a": "a Daily", "b": "b <Weekly>"})
    assert text == ("**What we found.** 2 captures, 210 article words in 14 sentences. 350 characters (23% of "
                    "all) are page noise, labelled and kept for audit; the noisiest capture is *b &lt;Weekly&gt;* "
                    "(50% noise). Flagged: *b &lt;Weekly&gt;* (no title).")


def test_terms_findings_escapes_a_term_as_found():
    by_source = pd.DataFrame({"words": [100, 200], "loaded_hits": [3, 1], "per_1k": [30.0, 5.0]},
                             index=pd.Index(["a", "b"], name="doc_id"))
    loaded = _hits([("a", "x", "x", "threat_fear", "authorial")] * 2 + [("a", "x", "x", "threat_fear", "quoted"),
                                                                         ("b", "y", "y", "hyperbole", "authorial")])
    distinct = pd.DataFrame({"doc_id": ["a"], "found_as": ["`rm` <b>x</b>"], "n_here": [3], "n_rest": [0],
                             "z_log_odds": [1.5]})
    text = findings.terms_findings(by_source, loaded, {"a": "a", "b": "b"}, distinct)
    assert "<b>" not in text and "`rm`" not in text and markdown_text("`rm` <b>x</b>") in text
    assert "The most loaded source is *a* with 30.0 hits per 1,000 words (3 hits in 100 words)" in text
    assert "Most frequent kinds overall: threat fear (3), hyperbole (1)." in text


def test_validation_findings_says_when_rank_correlation_is_undefined():
    r = frame_agreement(_coded([0.3, -0.3], ["alarmist", "skeptical"], ["alarmist", "neutral"]))
    text = findings.validation_findings({"d0": "<i>zero</i>", "d1": "one"}, agreement=r)
    assert "Spearman ρ = not defined" in text and "1 of 2 sources" in text
    assert "Disagreements: *one* analyst skeptical, index neutral (-0.30)." in text
    assert "No analyst coding" in findings.validation_findings({}, agreement=None)


# ----------------------------------------------------------------- findings: the story


def test_without_a_pack_the_intro_is_generic():
    text = findings.story_intro(None, sides=True, targets=True, topics=True)
    assert text.startswith("**No story pack: generic data only.**")
    assert not any(w.lower() in text.lower() for w in SEED_STORY_WORDS)


def test_the_intro_comes_from_the_pack_escaped(tmp_path):
    seeds = findings.story_intro(framing.load_story("bolivia_iran_2023"), targets=True, topics=True)
    assert markdown_text("The Bolivia–Iran defense memorandum (July 2023)") in seeds
    assert "amia bombing" in seeds and "bolivian government" in seeds
    (tmp_path / "README.md").write_text("a pack\n", encoding="utf-8")
    (tmp_path / "story.csv").write_text(
        'key,value,rationale\ntitle,"<script>alert(1)</script> *big* [x](http://e.org)",a hostile title\n',
        encoding="utf-8")
    html = mistune.html(findings.story_intro(framing.load_story(tmp_path), sides=True, targets=True))
    assert "<script" not in html and "<em>big" not in html and "<a " not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *big*" in html
    assert "does not say what the sides mean" in html and "names no tone targets" in html


# ----------------------------------------------------------------- findings on real tables of a hostile corpus

HOSTILE = """Drones over the border bring a grave and growing threat

According to <img src=x onerror=alert(1)>, the drones are a grave and growing threat to every city in the region
and to the people who live near the border, and officials have so far said very little about them.

"This is a dangerous and reckless deal that puts every family at risk," said <b onmouseover=alert(2)>Senator</b>
Smith, who called for hearings on the purchase. Officials said the agreement was routine and posed no threat.
"""
PLAIN = """Council approves new budget for road repairs

The city council on Tuesday approved a budget of 4 million dollars for road repairs, officials said, after a
long debate about which streets should come first and how the work should be paid for.

"The roads have waited long enough," said Maria Brandt, who chairs the transport committee. She said work would
begin in the spring and last two years, and that residents would be told in advance about closures.
"""


@pytest.fixture(scope="module")
def hostile_tables(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile_findings")
    (folder / "a.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "b.txt").write_text(PLAIN, encoding="utf-8")
    (folder / "sources.csv").write_text(
        'doc_id,outlet,title\na,"<img src=x onerror=alert(3)> Daily","<script>alert(4)</script> *t*"\n',
        encoding="utf-8")
    corpus = framing.load_corpus(folder)
    docs = framing.documents(corpus)
    hits = framing.term_hits(corpus)
    quotes = framing.quotes_table(corpus)
    table = framing.stance_table(corpus)
    by_index = list(table[table.assessable].sort_values("alarm_index", ascending=False).doc_id)
    boot = stance.bootstrap_index(corpus, n=30, seed=0)
    voices = (quotes.assign(role=quotes.speaker_role, share_of_quoted=1.0)
              .sort_values("n_words", ascending=False))
    return dict(corpus=corpus, docs=docs, hits=hits, quotes=quotes, table=table, by_index=by_index, boot=boot,
                voices=voices, labels=source_labels(docs, width=28))


def test_every_findings_function_escapes_what_comes_from_an_article(hostile_tables):
    t = hostile_tables
    loaded = t["hits"][t["hits"].loaded]
    by_source = pd.DataFrame({"words": t["docs"].set_index("doc_id").n_tokens,
                              "loaded_hits": loaded.groupby("doc_id").size()}).fillna(0)
    by_source["per_1k"] = 1000 * by_source.loaded_hits / by_source.words
    weights = stance.load_weights()
    texts = [
        findings.story_intro(t["corpus"].story, sides=True, targets=True, topics=True),
        findings.corpus_findings(t["docs"], t["labels"]),
        findings.terms_findings(by_source, loaded, t["labels"], distinctive_terms(loaded, t["docs"])),
        findings.quotes_findings(t["quotes"], quote_summary(t["quotes"], t["corpus"]), t["labels"],
                                 loaded.assign(carrier=hit_carriers(loaded, t["quotes"]))),
        findings.stance_findings(t["table"], t["boot"], t["by_index"], t["labels"], weights["thresholds"],
                                 stance.index_contributions(t["table"][t["table"].assessable], weights)),
        findings.comparison_findings(t["table"], t["boot"], t["by_index"], t["labels"],
                                     distinctive_terms(loaded, t["docs"]), t["voices"]),
    ]
    assert all(texts)
    html = mistune.html("\n\n".join(texts))
    for payload in ("<img", "<script", "<b ", "onmouseover=alert", "<em>t</em>"):
        assert payload not in html, payload
    assert "most quoted voice is &lt;img src=x onerror=alert(1)&gt;" in html  # shown, as text
    assert not any(w.lower() in html.lower() for w in SEED_STORY_WORDS)


def test_ledes_html_escapes_labels_and_text(hostile_tables):
    t = hostile_tables
    spans = pd.DataFrame({"start": [0, 0], "end": [60, 40]}, index=pd.Index(["a", "b"], name="doc_id"))
    frames = t["table"].set_index("doc_id")
    out = ledes_html(t["corpus"], spans, frames, {"a": "<script>x</script>", "b": "b"}, t["hits"], t["quotes"],
                     order=["b", "a", "missing"])
    assert "<script>x" not in out and "&lt;script&gt;x&lt;/script&gt;" in out
    assert out.index("<h4>b ·") < out.index("<h4>&lt;script&gt;")
    assert out.count("<h4>") == 2 and out.count('class="fr-legend"') == 1


def test_findings_list_at_most_ten_sources_and_count_the_rest():
    from framing.report.findings import LIST_LIMIT, _join

    items = [f"s{i}" for i in range(LIST_LIMIT + 5)]
    text = _join(", ", items)
    assert text.startswith("s0, s1") and f"s{LIST_LIMIT - 1}" in text and f"s{LIST_LIMIT}," not in text
    assert text.endswith("and 5 more (all in the tables)")
    assert _join("; ", ["a", "b"]) == "a; b"


def test_per_source_sections_show_both_ends_and_count_the_rest():
    by_index = [f"d{i:03d}" for i in range(200)]   # most alarmist first
    shown = findings.shown_sources(by_index)
    half = findings.SOURCE_LIMIT // 2
    assert len(shown) == findings.SOURCE_LIMIT and 10 <= findings.SOURCE_LIMIT <= 20
    assert shown == by_index[:half] + by_index[-(findings.SOURCE_LIMIT - half):]
    index = pd.Series([1 - i / 100 for i in range(200)], index=by_index)
    line = findings.shown_line(shown, by_index, index)
    rest = index.drop(shown)
    assert line == (f"*Shown: the {half} most and the {findings.SOURCE_LIMIT - half} least alarmist of 200 assessed "
                    f"sources; the other {200 - findings.SOURCE_LIMIT} (alarm index {rest.max():+.2f} to "
                    f"{rest.min():+.2f}) are in the verdict table above.*")
    side = findings.shown_sources(by_index, findings.SIDE_BY_SIDE_LIMIT)
    assert side == by_index[:3] + by_index[-3:]
    rows = pd.DataFrame({"doc_id": by_index + ["unassessed"], "x": range(201)})
    assert list(findings.shown_rows(rows, shown, by_index).doc_id) == shown


def test_a_small_corpus_is_shown_whole_with_no_line():
    by_index = ["a", "b", "c", "d", "e"]
    assert findings.shown_sources(by_index) == by_index
    assert findings.shown_line(by_index, by_index, pd.Series(range(5), index=by_index)) == ""
    rows = pd.DataFrame({"doc_id": ["a", "unassessed"]})
    assert findings.shown_rows(rows, by_index, by_index) is rows   # nothing cut: every row kept


def test_terms_findings_counts_the_model_hits_and_quotes_its_dev_precision():
    by_source = pd.DataFrame({"words": [100], "loaded_hits": [3], "per_1k": [30.0]},
                             index=pd.Index(["a"], name="doc_id"))
    loaded = _hits([("a", "grim", "grim", "model", "authorial"), ("a", "<i>dire</i>", "dire", "model", "authorial"),
                    ("a", "x", "x", "threat_fear", "authorial")])
    loaded["source"] = ["model", "model", "lexicon_generic.csv:1"]
    meta = {"dev_ptc_precision_recall_f1": "0.3136 0.1600 0.2100", "threshold": "0.15"}
    text = findings.terms_findings(by_source, loaded, {"a": "a"}, None, None, meta)
    assert ("The learned loaded-word model adds 2 hits (67% of the loaded hits), words no lexicon row lists: "
            "*&lt;i&gt;dire&lt;/i&gt;* (1), *grim* (1). Its precision on the development split was 0.31 (PTC)") in text
    loaded["source"] = "lexicon_generic.csv:1"
    assert "adds no word the lexicon misses" in findings.terms_findings(by_source, loaded, {"a": "a"}, None, None, meta)
