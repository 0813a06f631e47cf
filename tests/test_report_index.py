"""The index's verdict table at any corpus size: a compact, fixed-width frame column, the interval on
its own line, a not-assessed source's reason where its sentence would be, a count of each frame, and
a table of many sources scrolling inside its box (rendered from the template, no notebook run)."""
import re

import pandas as pd

from framing.report.site import TALL_TABLE_ROWS, _frame_counts, _jinja, _table, _verdict_rows


def _verdicts(n: int) -> pd.DataFrame:
    frames = ["alarmist", "neutral", "skeptical", "not assessed"]
    rows = []
    for i in range(n):
        frame = frames[i % 4]
        assessed = frame != "not assessed"
        rows.append({"doc_id": f"d{i}", "label": f"The Outlet {i} — a title", "frame": frame,
                     "p_frame": 0.9 if assessed else float("nan"),
                     "alarm_index": 1.5 - i / n if assessed else float("nan"),
                     "index_low": 0.2 if assessed else float("nan"), "index_high": 2.0 if assessed else float("nan"),
                     "evidence": "A sentence <b>from</b> the article." if assessed else "",
                     "analyst_frame": "alarmist" if i % 2 else "", "agree": (frame == "alarmist") if i % 2 else pd.NA,
                     "reason": "" if assessed else "not English (detected es): the lexicons are English"})
    return pd.DataFrame(rows)


def _render(v: pd.DataFrame) -> str:
    return _jinja().get_template("index.html.j2").render(
        css="", heading="h", question="q", corpus_name="c", n_articles=len(v), verdicts=_verdict_rows(v, {}),
        coded=True, agreement="", frame_counts=_frame_counts(v), tall_verdicts=len(v) > TALL_TABLE_ROWS,
        tall_articles=False, pages=[], limitations=[], sources_table="")


def test_frame_counts_line():
    assert _frame_counts(_verdicts(8)) == "Of 8 sources: 2 alarmist, 2 neutral, 2 skeptical; 2 not assessed."
    assert _frame_counts(_verdicts(3)) == "Of 3 sources: 1 alarmist, 1 neutral, 1 skeptical."


def test_verdict_rows_split_index_and_interval():
    rows = _verdict_rows(_verdicts(4), {})
    assert (rows[0]["index"], rows[0]["interval"]) == ("+1.50", "+0.20 to +2.00")
    assert (rows[3]["index"], rows[3]["interval"], rows[3]["p_frame"]) == ("", "", "")


def test_verdict_table_has_fixed_columns_and_the_reason_in_the_sentence_column():
    html = _render(_verdicts(4))
    table = html[html.index('<table class="verdicts">'):html.index("</table>")]
    assert '<col class="frame">' in table and '<col class="index">' in table
    assert '<td class="evidence meta">not English (detected es)' in table
    assert '<td class="frame"><strong>not assessed</strong></td>' in table   # nothing else in the frame cell
    assert "A sentence &lt;b&gt;from&lt;/b&gt; the article." in table         # escaped
    assert '<span class="meta interval">+0.20 to +2.00</span>' in table
    assert 'class="scroll"' in html and "scroll tall" not in html


def test_many_sources_scroll_inside_their_box():
    html = _render(_verdicts(TALL_TABLE_ROWS + 1))
    assert '<div class="scroll tall">' in html and "the table scrolls" in html
    assert len(re.findall(r'<tr class="frame-', html)) == TALL_TABLE_ROWS + 1   # every source is still there


def test_articles_table_gets_its_column_widths():
    df = pd.DataFrame({"doc_id": ["a<b"], "title": ["T"], "n_tokens": [3]})
    html = _table(df, numeric={"n_tokens"}, cls="articles", widths={"doc_id": "doc_id", "n_tokens": "num"})
    assert html.startswith("<table class='articles'><colgroup><col class='doc_id'><col class=''><col class='num'>")
    assert "a&lt;b" in html
