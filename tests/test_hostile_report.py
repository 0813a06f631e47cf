"""Issue 15, case 1 and the report's failure cases: markup from an article never runs in a reviewer's
browser, whatever route it takes (title, outlet, speaker, file name) into whichever page (notebook
Markdown, notebook HTML output, index, evidence page); the report always writes its index or fails
with one plain line."""
import json
import os
import re

import pytest

from framing.cli import main
from framing.report import build_report, evidence_page_name
from framing.report.browser import check_pages, find_chromium
from framing.safe import clean_html, html_text, markdown_text, one_line

# Each payload logs an error or makes a request if it ever runs, so the browser check sees it.
HOSTILE_ARTICLE = """Drones <script>console.error("xss-title")</script> over the border

According to <img src=x onerror=fetch(this.alt) alt=http://127.0.0.1:9/speaker>, the drones are a grave \
and growing threat to every city in the region and its people.

"This is a dangerous and reckless deal," said <b onmouseover=console.error('xss')>Senator</b> Smith.

Officials said the agreement was routine.
"""
PLAIN_ARTICLE = """Council approves new budget for road repairs

The city council on Tuesday approved a budget of 4 million dollars for road repairs, officials said.

"The roads have waited long enough," said Maria Brandt, who chairs the transport committee. She said work
would begin in the spring and last two years.

Residents at the meeting asked for the work to start with the streets near the school.
"""
EVENT_HANDLER = re.compile(r"<[a-zA-Z][^<>]*\son[a-z]+\s*=", re.I)
LONG_NAME = "x" * 251 + ".txt"  # 255 bytes: the longest name a Linux file system allows


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("hostile_corpus")
    (corpus / "a.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (corpus / "evil<svg onload=console.error(1)>.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (corpus / LONG_NAME).write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (corpus / "plain.txt").write_text(PLAIN_ARTICLE, encoding="utf-8")
    (corpus / "sources.csv").write_text(
        'doc_id,outlet,title,date\na,"<img src=x onerror=console.error(2)> Daily",'
        '"<script>console.error(3)</script>",2023-07-01\n', encoding="utf-8")
    return corpus


@pytest.fixture(scope="module")
def hostile_full_site(hostile_corpus, tmp_path_factory):
    """Every notebook, so each rendering route (findings Markdown, HTML outputs, tables) is taken."""
    out = tmp_path_factory.mktemp("hostile_full_site")
    result = build_report(hostile_corpus, out)
    return out, result


def _pages(site):
    return sorted(site.glob("*.html")) + sorted(site.glob("articles/*.html"))


def test_every_part_of_the_site_is_written_even_for_a_255_byte_file_name(hostile_full_site):
    site, result = hostile_full_site
    assert result.failed == []
    assert result.index == site / "index.html" and result.index.exists()
    assert len(result.pages) == len(list(site.glob("0*.html"))) >= 6
    evidence = {p.name for p in (site / "articles").glob("*.html")}
    assert evidence_page_name(LONG_NAME[:-4]) in evidence and len(evidence) == 4


def test_no_page_carries_markup_from_an_article(hostile_full_site):
    site, _ = hostile_full_site
    for page in _pages(site):
        text = page.read_text(encoding="utf-8")
        assert not EVENT_HANDLER.search(text), (page.name, EVENT_HANDLER.search(text).group())
        assert "<img src=x" not in text and "<script>console" not in text and "<svg" not in text, page.name
    # the speaker that used to run as HTML in notebook 05's findings is there, as text
    findings = (site / "05_framing_comparison.html").read_text(encoding="utf-8")
    assert "most quoted voice is &lt;img src=x onerror=fetch(this.alt)" in findings


@pytest.mark.skipif(not find_chromium() and not os.environ.get("FRAMING_REQUIRE_BROWSER"),
                    reason="no Chromium on this machine (CI installs it and sets FRAMING_REQUIRE_BROWSER=1)")
def test_nothing_runs_and_nothing_is_requested_in_a_browser(hostile_full_site, tmp_path):
    site, _ = hostile_full_site
    results = check_pages(_pages(site), screenshot_dir=tmp_path)
    assert len(results) == len(_pages(site))
    for r in results:
        assert r["requests"] == [] and r["errors"] == [], r


def test_a_failing_notebook_is_listed_in_the_index_and_the_run_fails_plainly(hostile_corpus, tmp_path, capsys):
    bad = tmp_path / "nb" / "01_broken.ipynb"
    bad.parent.mkdir()
    bad.write_text(json.dumps({
        "nbformat": 4, "nbformat_minor": 5, "metadata": {},
        "cells": [{"cell_type": "code", "id": "c1", "metadata": {}, "execution_count": None, "outputs": [],
                   "source": "raise ValueError('no numeric data to plot')"}]}), encoding="utf-8")
    result = build_report(hostile_corpus, tmp_path / "site", notebooks=[bad])
    assert [f["what"] for f in result.failed] == ["notebook 01_broken.ipynb"]
    assert "no numeric data to plot" in result.failed[0]["error"] and "\x1b" not in result.failed[0]["error"]
    index = result.index.read_text(encoding="utf-8")
    assert "Parts of this report that failed" in index and "01_broken.ipynb" in index


def test_report_on_a_folder_with_nothing_readable_is_one_plain_line(tmp_path, capsys):
    (tmp_path / "a.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "b.txt").write_bytes(b"")
    assert main(["report", str(tmp_path), "--out", str(tmp_path / "site")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x1b" not in err and "nothing to report" in err
    assert not (tmp_path / "site" / "index.html").exists()


# ---------------------------------------------------------------- the helpers, one behaviour each

def test_html_text_escapes_markup_and_attribute_quotes():
    assert html_text('<b title="x">') == "&lt;b title=&quot;x&quot;&gt;"
    assert html_text(None) == ""


def test_html_text_shows_undecodable_file_name_bytes_as_escapes():
    assert html_text("bad\udcffname") == "bad\\xffname"


def test_markdown_text_leaves_no_markdown_or_html():
    md = markdown_text("<img src=x onerror=alert(1)> *em* _u_ [l](javascript:x) `c` #h\nnext")
    for raw in ("<img", "*em*", "_u_", "[l]", "`c`", "\n"):
        assert raw not in md
    assert md.startswith("&lt;img src=x onerror=alert\\(1\\)&gt;")


def test_markdown_text_renders_back_to_the_same_words():
    import mistune

    rendered = mistune.create_markdown(escape=False)(markdown_text("Mr. O'Neil *said* <b>no</b> [1](x)"))
    assert rendered.strip() == "<p>Mr. O'Neil *said* &lt;b&gt;no&lt;/b&gt; [1](x)</p>"


def test_clean_html_keeps_tables_and_marks_but_nothing_that_runs_or_fetches():
    frag = ('<style>p{}</style><table border="1" class="dataframe"><tr style="text-align: right;"><th>h</th>'
            '<td>v</td></tr></table><mark style="background-color:#fff;background:url(http://e/x)">t</mark>'
            '<img src=x onerror=alert(1)><a href="javascript:alert(1)">j</a><svg onload=alert(1)>')
    out = clean_html(frag)
    assert '<table border="1" class="dataframe">' in out and "<th>h</th>" in out
    assert '<mark style="background-color:#fff;">t</mark>' in out
    assert "url(" not in out and "<style" not in out and "p{}" not in out
    assert not EVENT_HANDLER.search(out) and "javascript:" not in out
    assert "&lt;img" in out and "&lt;svg" in out


def test_clean_html_drops_many_unclosed_style_tags_in_linear_time():
    out = clean_html("<style>" * 20000 + "x")
    assert "<style" not in out


def test_one_line_escapes_line_breaks_controls_and_bidi_overrides():
    assert one_line("a\nb\r\x1b[31m\u202e.txt") == "a\\nb\\r\\x1b[31m\\u202e.txt"
    assert one_line("bad\udcffname") == "bad\\xffname"


def test_evidence_page_names_are_plain_short_and_distinct():
    assert evidence_page_name("000_abc") == "000_abc.html"
    names = {evidence_page_name(x) for x in ("a<b>", "a>b<", "x" * 251, "bad\udcffname", "../up")}
    assert len(names) == 5
    for n in names:
        assert re.fullmatch(r"[A-Za-z0-9_.-]+\.html", n) and len(n) < 100 and not n.startswith(".")
