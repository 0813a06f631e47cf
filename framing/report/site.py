"""Render the study as a self-contained HTML site.

``build_report(corpus, out)`` executes every notebook against ``corpus`` (the
notebooks read the ``FRAMING_CORPUS`` environment variable; the committed
notebooks keep the seeds), renders each to ``out/NN_name.html`` with an offline
template (no require.js, MathJax, mermaid or widget scripts: nothing is fetched
when a page is opened; figures are inlined as data URIs) and writes
``out/index.html``: the question, each notebook's findings and headline figures,
the sources table, methods, limitations and the versions and commit it was built
from. All article-derived text is HTML-escaped.
"""
from __future__ import annotations

import hashlib
import os
import platform
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from urllib.parse import quote

import pandas as pd
from markupsafe import Markup

from ..safe import html_text, one_line
from . import notebooks as nbx
from .evidence import ALIGN_STYLE, STYLE

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
# the package's own style sheet for notebook pages: the sanitiser drops <style> elements from outputs
PAGE_CSS = STYLE + ALIGN_STYLE + (
    # JupyterLab's style sheet, later in the page, right-aligns and centres vertically every table cell
    # of an output (specificity 0,2,1): the side-by-side sentences read left to right, from the top
    ".jp-RenderedHTMLCommon table.fr-align td, .jp-RenderedHTMLCommon table.fr-align th "
    "{ text-align: left; vertical-align: top; }\n")
HEADLINE_TAG = "headline"
FINDINGS_TAG = "findings"
VERSIONED = ["framing", "pandas", "numpy", "scikit-learn", "matplotlib", "nltk", "vaderSentiment",
             "nbconvert", "nbclient"]


def _exporter():
    """nbconvert's HTML exporter with the offline template and sanitising on.

    Every Markdown and HTML output passes through :func:`framing.safe.clean_html`
    (nbconvert's own ``clean_html`` filter would turn pandas tables into text), so
    a string from an article that reached a notebook output unescaped still cannot
    run or fetch anything in the page.
    """
    from nbconvert import HTMLExporter

    from ..safe import clean_html

    ex = HTMLExporter(template_name="framing_offline", extra_template_basedirs=[str(TEMPLATE_DIR)],
                      filters={"clean_html": clean_html})
    ex.sanitize_html = True
    ex.embed_images = True
    ex.exclude_input_prompt = True
    ex.exclude_output_prompt = True
    return ex


def _markdown_title(nb) -> str:
    for c in nb.cells:
        if c.cell_type == "markdown":
            for line in c.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return ""


def _tagged(nb, tag):
    return [c for c in nb.cells if tag in c.get("metadata", {}).get("tags", [])]


def _render_markdown(src: str) -> str:
    """Markdown to HTML as the notebook pages render it, then sanitised (findings quote
    article-derived strings; :func:`framing.safe.markdown_text` escaped them, this is the
    second line of defence)."""
    import mistune

    from ..safe import clean_html

    return clean_html(mistune.create_markdown(escape=False)(src))


def _findings(nb) -> list[str]:
    """Markdown of the cells tagged ``findings``: a markdown cell's source, or the
    Markdown a code cell displayed (findings are computed, so they fit any corpus)."""
    out = []
    for c in _tagged(nb, FINDINGS_TAG):
        if c.cell_type == "markdown":
            out.append(c.source)
            continue
        for o in c.get("outputs", []):
            md = o.get("data", {}).get("text/markdown")
            if md:
                out.append(md if isinstance(md, str) else "".join(md))
    return out


def _figures(nb) -> list[tuple[str, str]]:
    """(png base64, caption) of outputs in cells tagged ``headline``."""
    out = []
    for c in _tagged(nb, HEADLINE_TAG):
        cap = c.get("metadata", {}).get("caption", "")
        for o in c.get("outputs", []):
            data = o.get("data", {})
            if "image/png" in data:
                out.append((data["image/png"].replace("\n", ""), cap))
    return out


def _commit() -> str:
    """The checkout's commit (``+ uncommitted changes``), or "" when the package is not run from one."""
    if not nbx.in_checkout():
        return ""
    try:
        r = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=TEMPLATE_DIR, capture_output=True,
                           text=True, timeout=10)
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=TEMPLATE_DIR, capture_output=True,
                               text=True, timeout=10).stdout.strip()
        return (r.stdout.strip() + (" (with uncommitted changes)" if dirty else "")) if r.returncode == 0 else ""
    except (OSError, subprocess.SubprocessError):
        return ""


def _versions() -> str:
    parts = [f"Python {platform.python_version()}"]
    for name in VERSIONED:
        try:
            parts.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            pass
    return ", ".join(parts)


CSS = """
body { font: 16px/1.5 Georgia, 'Times New Roman', serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; }
h1, h2, h3 { font-family: system-ui, sans-serif; }
table { border-collapse: collapse; font: 14px/1.4 system-ui, sans-serif; margin: 1em 0; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1.5em 0; } figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { font: 14px/1.4 system-ui, sans-serif; color: #555; }
td { overflow-wrap: anywhere; } .scroll { overflow-x: auto; max-width: 100%; }
.scroll.tall { max-height: 40rem; overflow-y: auto; border: 1px solid #ddd; }
.scroll.tall table { margin: 0; } .scroll.tall thead th { position: sticky; top: 0; z-index: 1; }
table.verdicts, table.articles { table-layout: fixed; width: 100%; }
table.verdicts td, table.articles td { overflow-wrap: break-word; }
table.verdicts col.source { width: 14rem; } table.verdicts col.frame { width: 6.5rem; }
table.verdicts col.p { width: 6.5rem; } table.verdicts col.index { width: 8.5rem; }
table.verdicts col.analyst { width: 6.5rem; }
table.verdicts td.frame, table.verdicts .interval { white-space: nowrap; }
table.verdicts td.evidence { font-size: 13px; color: #333; }
tr.frame-alarmist td.frame { color: #a33; } tr.frame-skeptical td.frame { color: #1b4965; }
table.articles col.doc_id { width: 9rem; } table.articles col.title { width: 26%; }
table.articles col.words { width: 4.5rem; } table.articles col.noise { width: 5.5rem; }
table.articles col.date { width: 6.5rem; } table.articles col.lang { width: 5.75rem; }
table.articles td:first-child { font: 12px/1.4 ui-monospace, monospace; overflow-wrap: anywhere; }
.meta { font: 13px/1.4 system-ui, sans-serif; color: #555; }
.findings { background: #f8f8f4; border-left: 4px solid #b59b3b; padding: 0.5em 1em; }
"""


def _table(df, numeric=(), links=None, cls: str = "", widths: dict | None = None) -> str:
    """An HTML table; every cell escaped. ``links`` maps column -> {value: href}; ``cls`` is the
    table's class and ``widths`` maps column -> the class of its ``<col>`` (a width in the CSS)."""
    links = links or {}
    head = "".join(f"<th>{html_text(c)}</th>" for c in df.columns)
    cols = ("<colgroup>" + "".join(f"<col class='{html_text(widths.get(c, ''))}'>" for c in df.columns)
            + "</colgroup>") if widths else ""
    rows = []
    for _, r in df.iterrows():
        cells = []
        for c in df.columns:
            v = r[c]
            num = ' class="num"' if c in numeric else ""
            cell = html_text(v)
            href = links.get(c, {}).get(v)
            if href:
                cell = f"<a href='{html_text(href)}'>{cell}</a>"
            cells.append(f"<td{num}>{cell}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    attr = f" class='{html_text(cls)}'" if cls else ""
    return f"<table{attr}>{cols}<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


GENERIC_QUESTION = ("Each article is read for loaded language, the voices it quotes and its stance, and given a "
                    "frame: alarmist, neutral or skeptical. Every number is tied to the characters of the article "
                    "that make it.")


def _percent(x) -> str:
    return "" if x != x else f"{x:.0%}"


def _index_value(r) -> str:
    return "" if r.alarm_index != r.alarm_index else f"{r.alarm_index:+.2f}"


def _interval(r) -> str:
    """The 95% interval as ``low to high`` ("" when there is none)."""
    if r.alarm_index != r.alarm_index or r.index_low != r.index_low:
        return ""
    return f"{r.index_low:+.2f} to {r.index_high:+.2f}"


def _verdict_rows(verdicts, evidence: dict[str, str]) -> list[dict]:
    """The verdict table's rows as strings (the template escapes every one). A source that was not
    assessed has its reason where the numbers would be, so the frame column stays narrow."""
    rows = []
    for r in verdicts.itertuples(index=False):
        agree = "" if r.agree is pd.NA or r.analyst_frame == "" else ("✓ agrees" if r.agree else "✗ differs")
        rows.append({"href": evidence.get(r.doc_id, ""), "label": r.label, "frame": r.frame,
                     "frame_class": r.frame.replace(" ", "-"), "reason": r.reason, "p_frame": _percent(r.p_frame),
                     "index": _index_value(r), "interval": _interval(r), "analyst_frame": r.analyst_frame,
                     "agree_mark": agree, "evidence": r.evidence})
    return rows


#: A table of more rows than this (the verdicts, the articles) scrolls inside a box of fixed
#: height on the index, its header kept in view, so that 200 sources do not push the figures,
#: methods and limitations 10,000 px down the page; every row is still there.
TALL_TABLE_ROWS = 25


def _frame_counts(verdicts) -> str:
    """One line: how many sources got each frame (and how many were not assessed)."""
    counts = verdicts["frame"].value_counts()
    parts = [f"{int(counts.get(f, 0))} {f}" for f in ("alarmist", "neutral", "skeptical")]
    line = f"Of {len(verdicts)} sources: " + ", ".join(parts)
    missing = len(verdicts) - sum(int(counts.get(f, 0)) for f in ("alarmist", "neutral", "skeptical"))
    return line + (f"; {missing} not assessed." if missing else ".")


def _agreement_line(verdicts) -> str:
    coded = verdicts[(verdicts["analyst_frame"] != "") & (verdicts["frame"] != "not assessed")]
    if coded.empty:
        return "No analyst coding was given for this corpus (add analyst_frame to sources.csv to measure agreement)."
    k = int((coded["analyst_frame"] == coded["frame"]).sum())
    return f"The frame agrees with the analyst's coding for {k} of {len(coded)} coded sources."


@dataclass
class FrameEvidence:
    """The tables behind each article's verdict, computed once for the index and the evidence pages."""

    hits: object
    quotes: object
    stance: object       # framing.stance_table
    intervals: object    # calibrate.bootstrap_interval of the openings (95%)
    drivers: object      # calibrate.driving_sentences of the openings, 3 per article


def frame_evidence(corp) -> FrameEvidence:
    """Term hits, quotes, the stance table and the frame model's intervals and driving sentences."""
    from ..quotes import quotes_table
    from ..stance import stance_table
    from ..stance.calibrate import bootstrap_interval, driving_sentences
    from ..stance.cues import frame_cues, openings
    from ..terms import term_hits

    quotes = quotes_table(corp)
    hits = term_hits(corp)
    stance = stance_table(corp, quotes=quotes, hits=hits)
    opening_docs, opening_quotes = openings(corp, quotes)
    cues = frame_cues(opening_docs, quotes=opening_quotes)
    return FrameEvidence(hits, quotes, stance, bootstrap_interval(opening_docs, cues=cues, level=0.95),
                         driving_sentences(opening_docs, cues=cues, k=3))


def _index_html(corpus_path: Path, corp, pages: list[dict], corpus_table, seconds: float, fe: FrameEvidence,
                evidence: dict[str, str] | None = None, failed: list[dict] | None = None) -> str:
    """The index page (template ``templates/site/index.html.j2``, autoescaped): the answer first."""
    from .. import __version__
    from ..evaluate import analyst_coding
    from ..stance.calibrate import load_frame_model
    from .summary import limits, verdicts

    meta = load_frame_model().get("meta", {})
    coded = analyst_coding(corpus_path, fe.stance) if corpus_path.is_dir() else None
    v = verdicts(corp, fe.stance, fe.intervals, fe.drivers, coded)
    story = corp.story
    cols = [c for c in ["doc_id", "outlet", "date", "title", "n_tokens", "n_removed_chars", "language", "doc_flags"]
            if c in corpus_table.columns]
    # short headers and fixed widths, so the table fits its box at 1,280 px (the columns keep their
    # meaning: article words, characters labelled page noise)
    headers = {"n_tokens": "words", "n_removed_chars": "noise chars", "doc_flags": "flags"}
    widths = {"doc_id": "doc_id", "title": "title", "words": "words", "noise chars": "noise", "date": "date",
              "language": "lang"}
    env = _jinja()
    return env.get_template("index.html.j2").render(
        css=CSS, heading=story.title if story is not None else "How did these outlets frame the story?",
        question=(story.narration.get("question") if story is not None else "") or GENERIC_QUESTION,
        corpus_name=corpus_path.name or str(corpus_path), n_articles=len(corpus_table),
        story_title=story.title if story is not None else "", story_name=story.name if story is not None else "",
        story_folder=str(story.folder) if story is not None else "",
        verdicts=_verdict_rows(v, evidence or {}), coded=bool((v["analyst_frame"] != "").any()),
        agreement=_agreement_line(v), frame_counts=_frame_counts(v), tall_verdicts=len(v) > TALL_TABLE_ROWS,
        tall_articles=len(corpus_table) > TALL_TABLE_ROWS,
        failed=bool(failed), failed_table=Markup(_table(pd.DataFrame(failed or [], columns=["what", "error"]))),
        unreadable=bool(corp.errors), unreadable_table=Markup(_table(pd.DataFrame(corp.errors))),
        pages=[_page_entry(p) for p in pages],
        sources_table=Markup(_table(corpus_table[cols].rename(columns=headers), numeric={"words", "noise chars"},
                                    links={"doc_id": evidence or {}}, cls="articles", widths=widths)),
        limitations=limits(v, len(corp.errors)).sentences(),
        model_n=meta.get("n_documents", "?"), model_auc=meta.get("loso_auc_alarmist", "not recorded"),
        version=__version__, commit=_commit(), versions=_versions(), seconds=f"{seconds:.1f}")


def _page_entry(p: dict) -> dict:
    """A notebook's entry on the index: link, findings rendered (sanitised) and headline figures."""
    return {"href": p["href"], "title": p["title"], "findings": [Markup(_render_markdown(f)) for f in p["findings"]],
            "figures": [{"b64": b64, "caption": cap, "alt": cap or p["title"]} for b64, cap in p["figures"]]}


def _jinja():
    """The site's Jinja environment: templates from ``templates/site``, every variable autoescaped."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    return Environment(loader=FileSystemLoader(str(TEMPLATE_DIR / "site")),
                       autoescape=select_autoescape(default=True, default_for_string=True))


def _page(title: str, body: str, back: str = "../index.html") -> str:
    e = html_text
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{e(title)}</title><style>{CSS}</style></head><body>"
            f"<p class='meta'><a href='{e(back)}'>&larr; Study index</a></p>{body}</body></html>")


def evidence_page_name(doc_id: str) -> str:
    """A file name for a document's evidence page: the doc_id when it is short and plain,
    else a plain prefix plus a digest (file names may be 255 bytes, hold markup or bytes
    that are not UTF-8: the page name must never fail to be written)."""
    if _PLAIN_NAME.fullmatch(doc_id):
        return f"{doc_id}.html"
    raw = doc_id.encode("utf-8", "surrogateescape")
    prefix = _NOT_PLAIN.sub("_", doc_id)[:60].strip("_.") or "article"
    return f"{prefix}-{hashlib.sha1(raw).hexdigest()[:10]}.html"


_PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")
_NOT_PLAIN = re.compile(r"[^A-Za-z0-9_.-]+")


def _verdict_line(fe: FrameEvidence, doc_id: str) -> str:
    """One sentence: the article's frame, its probability and interval (or why it was not assessed)."""
    r = fe.stance.set_index("doc_id").loc[doc_id]
    if r["frame"] not in ("alarmist", "neutral", "skeptical"):
        return f"Frame: not assessed ({r['not_assessed_reason']})."
    iv = fe.intervals.set_index("doc_id")
    span = (f", 95% interval {iv.at[doc_id, 'index_low']:+.2f} to {iv.at[doc_id, 'index_high']:+.2f}"
            if doc_id in iv.index else "")
    return (f"Frame: {r['frame']} (probability {r['p_' + r['frame']]:.0%}; alarmist {r['p_alarmist']:.0%}, "
            f"neutral {r['p_neutral']:.0%}, skeptical {r['p_skeptical']:.0%}); alarm index "
            f"{r['alarm_index']:+.2f}{span}. The sentences that move the index most are shaded: red toward "
            "alarmist, blue toward skeptical (hover for how much).")


def write_evidence_pages(corpus, folder: str | Path, failures: list | None = None,
                         fe: FrameEvidence | None = None) -> dict[str, str]:
    """One page per article: its verdict, then its full text with loaded terms, quotes, noise and the
    sentences that drive the frame marked.

    Returns {doc_id: relative href}. Article text is escaped (see :mod:`framing.report.evidence`).
    A page that cannot be written is appended to ``failures`` (``{"what", "error"}``)
    when given, else raised.
    """
    from ..quotes import quote_summary
    from .evidence import article_html

    fe = frame_evidence(corpus) if fe is None else fe
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    hits, quotes = fe.hits, fe.quotes
    summary = quote_summary(quotes, corpus).set_index("doc_id")
    e = html_text
    hrefs = {}
    for d in corpus:
        h = hits[hits.doc_id == d.doc_id]
        loaded = h[h.loaded]
        q = quotes[quotes.doc_id == d.doc_id]
        facts = (f"{len(d.tokens):,} article words; {len(loaded)} loaded-term hits "
                 f"({(loaded.voice == 'authorial').sum()} in the writer's voice, {(loaded.voice == 'quoted').sum()} "
                 f"quoted); {len(q)} quotations and reported statements")
        if d.doc_id in summary.index:
            facts += f", {summary.loc[d.doc_id, 'share_no_speaker']:.0%} of quoted words with no speaker"
        body = (f"<h1>{e(d.title or d.doc_id)}</h1>"
                f"<p class='meta'>{e(d.doc_id)} · {e(d.outlet or 'outlet not known')} · "
                f"{e(d.date or 'date not known')}</p>"
                f"<p><strong>{e(_verdict_line(fe, d.doc_id))}</strong></p>"
                f"<p>{e(facts)}. Hover a mark for its category or a struck-out stretch for why it was labelled page "
                "noise. Offsets and the full tables: <code>framing terms</code>, <code>framing quotes</code>, "
                "<code>framing segments</code>, <code>framing stance</code>.</p>"
                + article_html(d, h, q, drivers=fe.drivers))
        name = evidence_page_name(d.doc_id)
        try:
            _write_text(folder / name, _page(f"Evidence: {d.title or d.doc_id}", body))
        except OSError as err:
            if failures is None:
                raise
            failures.append({"what": f"evidence page for {one_line(d.doc_id)}", "error": _plain(err)})
            continue
        hrefs[d.doc_id] = f"{folder.name}/{quote(name)}"
    return hrefs


def _write_text(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path`` and move it into place when complete."""
    tmp = path.with_name(f".{path.name[:200]}.part")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")


def _plain(error) -> str:
    """One plain line for an error: the last non-empty line of its text, ANSI colour codes removed."""
    lines = [ln for ln in _ANSI.sub("", str(error)).splitlines() if ln.strip()]
    return one_line(lines[-1].strip() if lines else type(error).__name__)


#: The list of files a report wrote, kept in its output folder: the next run into the same
#: folder removes exactly these (and nothing else) before writing.
MANIFEST = ".framing-report-files"


class ReportError(ValueError):
    """The report cannot be written where it was asked to (one plain line, exit status 2)."""


def prepare_out(out: Path) -> None:
    """Make ``out`` ready for a new report: remove the files of the previous report written
    there (listed in :data:`MANIFEST`) and refuse a folder holding any file the report did not
    write, so a re-run never leaves stale pages and never deletes an analyst's files."""
    out.mkdir(parents=True, exist_ok=True)
    manifest = out / MANIFEST
    own = set(manifest.read_text(encoding="utf-8").splitlines()) if manifest.is_file() else set()
    files = [f for f in out.rglob("*") if not f.is_dir() and f != manifest]
    foreign = sorted(f.relative_to(out).as_posix() for f in files if f.relative_to(out).as_posix() not in own)
    if foreign:
        raise ReportError(f"{one_line(out)} holds {len(foreign)} file(s) the report did not write "
                          f"(first: {one_line(foreign[0])}); give an empty or new folder with --out")
    for f in files:
        f.unlink()
    for d in sorted((d for d in out.rglob("*") if d.is_dir()), key=lambda d: -len(d.parts)):
        if not any(d.iterdir()):
            d.rmdir()
    manifest.unlink(missing_ok=True)


def _write_manifest(out: Path) -> None:
    """Record every file now under ``out`` as the report's own (see :func:`prepare_out`)."""
    names = sorted(f.relative_to(out).as_posix() for f in out.rglob("*") if f.is_file() and f.name != MANIFEST)
    _write_text(out / MANIFEST, "\n".join(names) + "\n")


@dataclass
class ReportResult:
    """What :func:`build_report` wrote: ``index``, the notebook ``pages`` and what ``failed``."""

    index: Path
    pages: list = field(default_factory=list)
    failed: list = field(default_factory=list)


def build_report(corpus: str | Path = "seeds", out: str | Path = "reports", notebooks=None,
                 progress=None, story=None, jobs: int = 1, *, text_column: str = "text",
                 id_column: str | None = None, recursive: bool = False) -> ReportResult:
    """Execute the notebooks against ``corpus`` and write the HTML site into ``out``.

    ``out`` is emptied of the previous report's own files first; a folder holding other files
    is refused (:class:`ReportError`), as is a run with no notebook to execute.
    ``index.html`` is always written when the corpus has a readable article: a
    notebook or page that fails is listed there (and in ``failed``) instead of
    ending the run. A corpus with no readable article raises :class:`CorpusError`.
    ``progress`` is an optional callable receiving one-line status messages. ``story`` (a
    story pack name or folder) is applied by every notebook and table; None: generic data only.
    ``jobs`` notebooks are executed at a time, each in its own kernel (the pages are the same).
    ``text_column``, ``id_column`` and ``recursive`` say how ``corpus`` is read, as for
    :func:`framing.load_corpus`; every notebook and the index read it the same way (a column the
    table lacks is a :class:`CorpusError` before anything is written or executed).
    """
    from nbclient.exceptions import CellExecutionError

    from ..corpus import CorpusError, documents_table, load_corpus

    corpus = Path(corpus)
    read = nbx.ReadOptions(text_column=text_column, id_column=id_column, recursive=recursive)
    # fails early, with a clear message, on a bad PATH, pack or column
    corp = load_corpus(corpus, story=story, **read.kwargs())
    pack_folder = str(corp.story.folder) if corp.story is not None else None
    if not len(corp):
        first = corp.errors[0] if corp.errors else {"path": str(corpus), "error": "no article"}
        raise CorpusError(f"{one_line(corpus)}: nothing to report: none of its {len(corp.errors)} files could be "
                          f"read (first: {one_line(first['path'])}: {one_line(first['error'])})")
    paths = [Path(p) for p in (nbx.notebook_paths() if notebooks is None else notebooks)]
    if not paths:
        raise ReportError("no notebooks to execute: the study's notebooks were not found "
                          f"(looked in {one_line(nbx.STUDY_DIR)}; is the package installed with its data?)")
    out = Path(out)
    prepare_out(out)
    result = ReportResult(out / "index.html")
    t0 = time.perf_counter()
    workdir = out / "notebooks"   # the executed notebooks, for an analyst to open and extend
    workdir.mkdir(exist_ok=True)
    repo = nbx.REPO_DIR if nbx.in_checkout() else workdir

    def render(p: Path):
        """Execute one notebook, write its page and executed copy; a page dict, or a failure dict."""
        if progress:
            progress(f"executing {p.name}")
        try:
            nb = nbx.execute(p, corpus=corpus, story=pack_folder, workdir=workdir, read=read)
            title = _markdown_title(nb) or p.stem
            body, _ = _exporter().from_notebook_node(
                nb, resources={"metadata": {"name": title}, "framing_css": PAGE_CSS})
            href = p.stem + ".html"
            _write_text(out / href, body)
            _write_text(workdir / p.name, nbx.dumps(nbx.parameterise(nb, corpus, pack_folder, repo, read)))
        except (CellExecutionError, OSError) as err:
            return {"what": f"notebook {p.name}", "error": _plain(err)}
        return {"href": href, "title": title, "findings": _findings(nb), "figures": _figures(nb)}

    # each notebook runs in its own kernel process; threads only wait for them (reading order kept)
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        done = list(pool.map(render, paths))
    pages = [d for d in done if "href" in d]
    result.failed.extend(d for d in done if "href" not in d)
    result.pages = [out / p["href"] for p in pages]
    if progress:
        progress("writing evidence pages")
    fe = frame_evidence(corp)
    evidence = write_evidence_pages(corp, out / "articles", failures=result.failed, fe=fe)
    seconds = time.perf_counter() - t0
    table = documents_table(corp)
    if progress:
        progress("writing the index")
    _write_text(result.index, _index_html(corpus, corp, pages, table, seconds, fe, evidence, result.failed))
    _write_manifest(out)
    if progress:
        progress(f"wrote {result.index} and {len(pages)} notebook pages in {seconds:.1f} s"
                 + (f"; {len(result.failed)} parts failed" if result.failed else ""))
    return result


if __name__ == "__main__":  # pragma: no cover
    print(build_report(*sys.argv[1:]).index)
