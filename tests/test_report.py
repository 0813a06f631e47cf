"""The HTML report: offline, escaped, built for any corpus; checked in a real browser when one is present."""
import os
import re
import shutil

import pytest
from conftest import FIXTURES, ROOT

from framing.report import build_report
from framing.report.browser import check_pages, find_chromium

NOTEBOOK_01 = [ROOT / "notebooks" / "01_corpus.ipynb"]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("corpus")
    for f in (FIXTURES / "hostile").glob("*.txt"):
        shutil.copy(f, corpus)
    for f in sorted((FIXTURES / "noisy").glob("*.txt"))[:2]:
        shutil.copy(f, corpus)
    # a hostile file name too: it becomes a doc_id shown in tables, labels and findings
    shutil.copy(FIXTURES / "hostile" / "hostile_article.txt", corpus / "evil`<svg onload=alert(1)>`.txt")
    out = tmp_path_factory.mktemp("site")
    build_report(corpus, out, notebooks=NOTEBOOK_01)
    return out


def _pages(site):
    return sorted(site.glob("*.html")) + sorted(site.glob("articles/*.html"))


def test_site_has_index_notebook_and_evidence_pages(hostile_site):
    names = {p.relative_to(hostile_site).as_posix() for p in _pages(hostile_site)}
    assert {"index.html", "01_corpus.html", "articles/hostile_article.html"} <= names
    index = (hostile_site / "index.html").read_text(encoding="utf-8")
    assert "articles/hostile_article.html" in index
    assert "<h2>Provenance</h2>" in index and ", commit " in index   # run from the checkout: its commit
    # the answer comes first: verdicts before figures, methods and limitations
    order = [index.index(h) for h in ("The answer, source by source", "Figures and findings", "<h2>Methods",
                                      "<h2>Limitations", "<h2>Provenance")]
    assert order == sorted(order)
    assert "No analyst coding was given" in index   # this corpus has none: said, not left blank
    assert "five articles" not in index   # nothing that describes only the seeds


def test_hostile_article_is_text_not_markup(hostile_site):
    for page in _pages(hostile_site):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<iframe" not in html, page
        assert "<svg onload" not in html, page
        assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", ""), page
        assert 'href="javascript:' not in html and "<style>body{display:none}" not in html, page
    ev = (hostile_site / "articles" / "hostile_article.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;" in ev or "&lt;script&gt;" in ev
    assert "&lt;iframe" in ev


def test_no_page_references_the_network(hostile_site):
    for page in _pages(hostile_site):
        html = page.read_text(encoding="utf-8")
        refs = re.findall(r"""<(?:script|link|img|iframe)[^>]*(?:src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
        assert not refs, (page, refs[:3])


@pytest.mark.skipif(not find_chromium() and not os.environ.get("FRAMING_REQUIRE_BROWSER"),
                    reason="no Chromium on this machine (CI installs it and sets FRAMING_REQUIRE_BROWSER=1)")
def test_pages_open_in_chromium_without_requests_or_errors(hostile_site, tmp_path):
    results = check_pages(_pages(hostile_site), screenshot_dir=tmp_path)
    for r in results:
        assert r["requests"] == [], r
        assert r["errors"] == [], r
        assert os.path.getsize(r["screenshot"]) > 5000


def test_a_quotation_inside_a_reported_clause_is_underlined_with_the_clauses_speaker():
    from framing import Corpus, document_from_text, quotes_table
    from framing.report.evidence import article_html

    doc = document_from_text("The vote ended. Mayor Ann Lee said the port was “closed for good” and would stay shut.\n",
                             "d")
    quotes = quotes_table(Corpus([doc]))
    assert quotes.kind.tolist() == ["reported"]
    html = article_html(doc, None, quotes)
    assert '<span class="fr-qlabel">Ann Lee · ' in html
    assert '<span class="fr-q" title="reported">“closed for good”</span>' in html
    assert "said the port" in html and '"fr-q" title="reported">the port' not in html   # the clause is not underlined
