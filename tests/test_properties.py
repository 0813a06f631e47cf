"""Span invariants of every table, over random news-like text (hypothesis).

For any text: every row's (start, end) lies inside the text, its ``text`` column equals
``text[start:end]``, rows of one table do not overlap where the contract says they tile or
partition, and the per-document tables have exactly one row per document with finite numbers.
"""
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing
from framing.corpus import document_from_text
from framing.stance import sentence_cues, stance_table

WORDS = ["the", "minister", "said", "Iran", "Bolivia", "drones", "threat", "regime", "hysteria", "alleged",
         "deal", "border", "Hezbollah", "“", "”", '"', "‘", "’", "'", ",", ".", "\n", "\n\n", "Mr.", "Ms. Roe",
         "according to", "warned", "told", "Reuters", "Share this article", "By Jane Doe", "- Related",
         "keep reading", "(AP Photo/John Doe)", ":", "…", "[Iran]", "so-called", "base of operations",
         "sovereignty", "may", "clearly", "Photo: Reuters", "7/31/2023", "é", "—"]
texts = st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=120).map(" ".join)


def _check_rows(df, text, overlap_ok=False):
    last_end = -1
    for r in df.sort_values(["start", "end"]).itertuples():
        assert 0 <= r.start < r.end <= len(text) or (r.start == r.end == 0 and not text)
        if "text" in df.columns:
            assert r.text == text[r.start:r.end]
        if not overlap_ok:
            assert r.start >= last_end, "rows of this table must not overlap"
            last_end = r.end


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_every_table_respects_spans(text):
    doc = document_from_text(text, "p")
    if not text:
        return
    seg = framing.segments([doc])
    _check_rows(seg, text)
    assert seg.start.iloc[0] == 0 and seg.end.iloc[-1] == len(text)
    hits = framing.term_hits([doc])
    _check_rows(hits, text)
    for r in hits.itertuples():
        assert doc.is_content(r.start, r.end), "no hit in page noise"
    q = framing.quotes_table([doc])
    _check_rows(q, text)
    cues = sentence_cues([doc])
    _check_rows(cues, text, overlap_ok=True)
    for r in cues.itertuples():
        assert r.sentence_start <= r.start and r.end <= r.sentence_end
    s = stance_table([doc])
    assert len(s) == 1
    if s.assessable.iloc[0]:
        assert math.isfinite(s.alarm_index.iloc[0])
        assert s.frame.iloc[0] in {"alarmist", "skeptical", "neutral"}
    else:  # no verdict, and the reason says why
        assert math.isnan(s.alarm_index.iloc[0]) and s.frame.iloc[0] == "not assessed"
        assert s.not_assessed_reason.iloc[0]
    d = framing.documents([doc])
    assert d.n_chars.iloc[0] == len(text)
    assert d.n_article_chars.iloc[0] + d.n_removed_chars.iloc[0] == len(text)
