"""`framing report` reads a corpus as the table commands do: --text-column, --id-column and
--recursive reach every notebook (so every page reads the same articles) and the index; a column
the table lacks is a one-line usage error before any notebook runs."""
import csv
import json
import subprocess
import sys

import nbformat
import pytest

from framing.report import build_report
from framing.report import notebooks as nbx

BODY = ("The port authority approved the harbour plan on Monday after a long debate. Officials said the new "
        "berths would open next year, and the mayor told reporters that the city had waited a decade for it. "
        "Critics warned that the costs could grow, while the board said the budget was safe and the work "
        "would be watched closely by an independent engineer. Residents asked for more buses to the docks.")


def cli(*args, **kw):
    return subprocess.run([sys.executable, "-m", "framing.cli", *map(str, args)], capture_output=True,
                          text=True, timeout=900, **kw)


def _table(path):
    """A CSV whose columns are not the defaults: text in ``body``, ids in ``key``."""
    rows = [{"key": f"story-{i}", "body": f"Harbour plan, part {i}\n\n{BODY}\n", "outlet": f"Port News {i}",
             "title": f"Harbour plan, part {i}"} for i in (1, 2, 3)]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return path


def _first_output(nb) -> str:
    """The text the parameters cell printed (each notebook says how many articles it read)."""
    cell = next(c for c in nb.cells if nbx.PARAMETERS_TAG in c.metadata.get("tags", []))
    return "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")


def test_report_on_a_table_with_other_columns_has_every_page(tmp_path):
    table = _table(tmp_path / "articles.csv")
    out = tmp_path / "site"
    r = cli("report", table, "--text-column", "body", "--id-column", "key", "--out", out, "--jobs", "2",
            cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    pages = sorted(p.name for p in out.glob("*.html"))
    assert pages == sorted(["index.html"] + [p.stem + ".html" for p in nbx.notebook_paths()])
    assert sorted(p.name for p in (out / "articles").glob("*.html")) == [f"story-{i}.html" for i in (1, 2, 3)]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "articles/story-1.html" in index and "3 articles" in index
    for saved in sorted((out / "notebooks").glob("*.ipynb")):   # every notebook read the same three rows
        nb = nbformat.read(saved, as_version=4)
        assert _first_output(nb).startswith("3 articles"), (saved.name, _first_output(nb))
        params = next(c for c in nb.cells if nbx.PARAMETERS_TAG in c.metadata.get("tags", [])).source
        assert "'body')" in params and "'key')" in params, saved.name   # reopened, it reads them again


def test_report_with_a_wrong_column_is_a_one_line_error_before_anything_runs(tmp_path):
    table = _table(tmp_path / "articles.csv")
    out = tmp_path / "site"
    r = cli("report", table, "--text-column", "text", "--out", out, cwd=tmp_path)   # the table has no "text"
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1 and "no text column 'text'" in r.stderr, r.stderr
    assert "executing" not in r.stderr and not out.exists()
    r = cli("report", table, "--text-column", "body", "--id-column", "url", "--out", out, cwd=tmp_path)
    assert r.returncode == 2 and "no id column 'url'" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_report_help_lists_the_input_options():
    r = cli("report", "--help")
    assert r.returncode == 0
    for option in ("--text-column", "--id-column", "--recursive", "--story", "--jobs"):
        assert option in r.stdout


def test_recursive_reaches_the_notebooks(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "later").mkdir(parents=True)
    (corpus / "a.txt").write_text(f"Harbour plan approved\n\n{BODY}\n", encoding="utf-8")
    (corpus / "later" / "b.txt").write_text(f"Harbour plan, a year on\n\n{BODY}\n", encoding="utf-8")
    first = nbx.notebook_paths()[:1]
    flat = build_report(corpus, tmp_path / "flat", notebooks=first)
    deep = build_report(corpus, tmp_path / "deep", notebooks=first, recursive=True)
    assert not flat.failed and not deep.failed
    read = {name: _first_output(nbformat.read(tmp_path / name / "notebooks" / first[0].name, as_version=4))
            for name in ("flat", "deep")}
    assert read["flat"].startswith("1 articles read") and read["deep"].startswith("2 articles read"), read
    assert len(list((tmp_path / "deep" / "articles").glob("later_b-*.html"))) == 1   # doc_id later/b


def test_parameterise_keeps_the_read_options_for_a_reopened_notebook(tmp_path):
    nb = nbformat.read(nbx.notebook_paths()[0], as_version=4)
    read = nbx.ReadOptions(text_column="body", id_column="key", recursive=True)
    cell = next(c for c in nbx.parameterise(nb, tmp_path, None, tmp_path, read).cells
                if nbx.PARAMETERS_TAG in c.metadata.get("tags", []))
    assert 'TEXT_COLUMN = os.environ.get("FRAMING_TEXT_COLUMN", \'body\')' in cell.source
    assert 'ID_COLUMN = os.environ.get("FRAMING_ID_COLUMN", \'key\') or None' in cell.source
    assert 'RECURSIVE = os.environ.get("FRAMING_RECURSIVE", \'1\') == "1"' in cell.source
    ns = {}
    exec("import os\n" + "\n".join(line for line in cell.source.splitlines()   # the values it would read
                                   if line.startswith(("TEXT_COLUMN", "ID_COLUMN", "RECURSIVE"))), ns)
    assert (ns["TEXT_COLUMN"], ns["ID_COLUMN"], ns["RECURSIVE"]) == ("body", "key", True)


@pytest.mark.parametrize("read, expected", [(None, ("text", "", "")),
                                            (nbx.ReadOptions("body", "key", True), ("body", "key", "1"))])
def test_kernel_environment_carries_the_read_options_and_never_inherits_them(monkeypatch, tmp_path, read,
                                                                              expected):
    monkeypatch.setenv(nbx.ID_COLUMN_ENV, "stale")   # from the caller's shell: must not leak into a run
    env = nbx._environment(tmp_path, None, tmp_path, read)
    assert (env[nbx.TEXT_COLUMN_ENV], env[nbx.ID_COLUMN_ENV], env[nbx.RECURSIVE_ENV]) == expected


def test_every_study_notebook_loads_the_corpus_with_the_read_options():
    for path in nbx.notebook_paths():
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        src = "".join(next(c for c in cells if nbx.PARAMETERS_TAG in c["metadata"].get("tags", []))["source"])
        assert "text_column=TEXT_COLUMN, id_column=ID_COLUMN" in src and "recursive=RECURSIVE" in src, path.name
        assert src.count("framing.load_corpus(") == 1, path.name
