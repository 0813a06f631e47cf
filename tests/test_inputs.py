"""Input as analysts have it: tables (CSV, JSONL, Parquet), .TXT and subfolders, byte-order marks,
sources.csv doc_ids with the extension, dates normalised to ISO, unmatched sources.csv rows named."""
import csv
import json
import subprocess
import sys
import warnings

import pytest

import framing
from framing.corpus import CorpusWarning, list_inputs, normalise_date

ARTICLE = ("Deal alarms neighbours\n\nThe minister said on Monday that the agreement was a threat to the "
           "region, and officials told reporters in the capital that talks would go on.\n")
OTHER = "Second story\n\nOfficials said nothing was decided and the talks would resume next week.\n"


def cli(*args, **kw):
    return subprocess.run([sys.executable, "-m", "framing.cli", *map(str, args)], capture_output=True,
                          text=True, timeout=300, **kw)


def _rows():
    return [{"doc_id": "a", "text": ARTICLE, "title": "Title A", "outlet": "Outlet A", "date": "August 1, 2023"},
            {"doc_id": "b", "text": "   ", "title": "", "outlet": "", "date": ""},
            {"doc_id": "c", "text": OTHER, "title": "", "outlet": "Outlet C", "date": "03/04/2023"}]


def _write_csv(path, rows, fields=None):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=fields or list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return path


# --------------------------------------------------------------------------- tables


def test_csv_table_rows_are_documents_and_a_bad_row_is_an_error_row(tmp_path):
    corpus = framing.load_corpus(_write_csv(tmp_path / "t.csv", _rows()))
    assert [d.doc_id for d in corpus] == ["a", "c"]
    a = corpus["a"]
    assert (a.text, a.title, a.outlet, a.date) == (ARTICLE, "Title A", "Outlet A", "2023-08-01")
    assert a.meta["title_source"] == "table"
    assert [(e["doc_id"], e["error"]) for e in corpus.errors] == [("b", "row has no text (only whitespace)")]
    assert corpus.errors[0]["path"].endswith("t.csv row 2")


def test_table_id_column_default_is_row_number_and_text_column_is_chosen(tmp_path):
    rows = [{"body": ARTICLE, "ref": "x1"}, {"body": OTHER, "ref": "x2"}]
    path = _write_csv(tmp_path / "t.csv", rows)
    assert [d.doc_id for d in framing.load_corpus(path, text_column="body")] == ["1", "2"]
    assert [d.doc_id for d in framing.load_corpus(path, text_column="body", id_column="ref")] == ["x1", "x2"]
    with pytest.raises(framing.CorpusError, match="no text column 'text'.*'body'"):
        framing.load_corpus(path)
    with pytest.raises(framing.CorpusError, match="no id column 'nope'"):
        framing.load_corpus(path, text_column="body", id_column="nope")


def test_jsonl_table_with_bad_lines(tmp_path):
    path = tmp_path / "t.jsonl"
    lines = [json.dumps(r) for r in _rows()] + ["{not json", "[1, 2]", json.dumps({"doc_id": "d", "text": 7}),
                                                json.dumps({"doc_id": "a", "text": OTHER})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = framing.load_corpus(path)
    assert [d.doc_id for d in corpus] == ["a", "c"]
    reasons = sorted(e["error"] for e in corpus.errors)
    assert len(reasons) == 5
    assert any("not JSON" in r for r in reasons) and any("not a JSON object" in r for r in reasons)
    assert any("holds a int, not text" in r for r in reasons)
    assert any("duplicate doc_id (also row 1)" in r for r in reasons)


def test_parquet_table(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import datetime

    import pyarrow.parquet as pq

    table = pa.table({"id": ["p1", "p2"], "text": [ARTICLE, OTHER], "outlet": ["O1", None],
                      "date": [datetime.date(2023, 8, 1), None]})
    pq.write_table(table, tmp_path / "t.parquet")
    corpus = framing.load_corpus(tmp_path / "t.parquet", id_column="id")
    assert [(d.doc_id, d.outlet, d.date) for d in corpus] == [("p1", "O1", "2023-08-01"), ("p2", "", "")]
    (tmp_path / "bad.parquet").write_bytes(b"PAR1 not really")
    with pytest.raises(framing.CorpusError, match="not a readable Parquet file"):
        framing.load_corpus(tmp_path / "bad.parquet")


def test_cli_table_exit_1_with_error_rows_and_2_for_a_missing_column(tmp_path):
    path = _write_csv(tmp_path / "t.csv", _rows())
    r = cli("corpus", path)
    assert r.returncode == 1, r.stderr
    assert [line.split(",")[0] for line in r.stdout.splitlines()] == ["doc_id", "a", "c"]
    assert "2 of 3 rows processed, 1 reported as errors" in r.stderr
    r = cli("corpus", path, "--text-column", "body")
    assert r.returncode == 2 and "no text column 'body'" in r.stderr and len(r.stderr.splitlines()) == 1
    r = cli("terms", path, "--id-column", "title", "--text-column", "text")
    assert r.returncode == 1  # row 2 has an empty title: an error row, the others are processed
    assert "empty title value" in r.stderr


def test_a_spreadsheet_is_refused_with_advice_and_tsv_is_a_table(tmp_path):
    (tmp_path / "t.xlsx").write_bytes(b"PK\x03\x04")
    with pytest.raises(framing.CorpusError, match="save it as CSV"):
        framing.load_corpus(tmp_path / "t.xlsx")
    (tmp_path / "t.tsv").write_text("doc_id\ttext\nx\t" + OTHER.replace("\n", " ") + "\n", encoding="utf-8")
    assert [d.doc_id for d in framing.load_corpus(tmp_path / "t.tsv")] == ["x"]
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")  # one file of any other name: an article
    assert framing.load_corpus(tmp_path / "article.md")["article"].text == ARTICLE


# --------------------------------------------------------------------------- folders and encodings


def test_upper_case_txt_and_subfolders(tmp_path):
    (tmp_path / "A.TXT").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "b.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "c.Txt").write_text(OTHER, encoding="utf-8")
    assert [d.doc_id for d in framing.load_corpus(tmp_path)] == ["A"]
    assert [d.doc_id for d in framing.load_corpus(tmp_path, recursive=True)] == ["A", "sub/b", "sub/deeper/c"]
    r = cli("corpus", tmp_path, "--recursive")
    assert r.returncode == 0, r.stderr
    assert [line.split(",")[0] for line in r.stdout.splitlines()[1:]] == ["A", "sub/b", "sub/deeper/c"]


def test_subfolders_only_suggests_recursive(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(OTHER, encoding="utf-8")
    with pytest.raises(framing.CorpusError, match="--recursive"):
        framing.load_corpus(tmp_path)


@pytest.mark.parametrize("encoding, bom", [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"),
                                           ("utf-16-be", b"\xfe\xff")])
def test_byte_order_marks_are_not_text(tmp_path, encoding, bom):
    (tmp_path / "a.txt").write_bytes(bom + ARTICLE.replace("\n", "\r\n").encode(encoding))
    (tmp_path / "plain.txt").write_text(ARTICLE, encoding="utf-8")
    corpus = framing.load_corpus(tmp_path)
    d, plain = corpus["a"], corpus["plain"]
    assert d.text == ARTICLE and d.title == "Deal alarms neighbours"
    assert (d.blocks, d.tokens) == (plain.blocks, plain.tokens)  # offsets index the text after the BOM


def test_utf16_bom_with_broken_bytes_is_one_clear_error(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\xff\xfe" + "ok".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    corpus = framing.load_corpus(tmp_path)
    assert [e["error"] for e in corpus.errors] == [
        "not UTF-16 text although it starts with a UTF-16 byte-order mark (invalid bytes at offset 6)"]


# --------------------------------------------------------------------------- sources.csv


def test_sources_doc_id_with_extension_dates_and_unmatched_rows(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    _write_csv(tmp_path / "sources.csv", [
        {"doc_id": "a.txt", "outlet": "Outlet A", "date": "1 August 2023"},
        {"doc_id": "B.TXT", "outlet": "wrong case stem", "date": ""},
        {"doc_id": "gone.txt", "outlet": "nobody", "date": "2023-13-01"},
    ])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = framing.load_corpus(tmp_path)
    assert (corpus["a"].outlet, corpus["a"].date) == ("Outlet A", "2023-08-01")
    assert corpus["b"].outlet == ""  # doc_ids are case-sensitive: B is not b
    messages = sorted(str(w.message) for w in caught if issubclass(w.category, CorpusWarning))
    assert len(messages) == 2
    assert "doc_id 'B'" in messages[0] and "doc_id 'gone'" in messages[1]
    r = cli("corpus", tmp_path)
    assert r.returncode == 0
    assert sorted(line for line in r.stderr.splitlines() if "warning" in line) == [
        f"framing: warning: {tmp_path}/sources.csv: the row for doc_id 'B' matches no article",
        f"framing: warning: {tmp_path}/sources.csv: the row for doc_id 'gone' matches no article"]


def test_unparseable_date_is_kept_raw_and_flagged(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    _write_csv(tmp_path / "sources.csv", [{"doc_id": "a", "date": "03/04/2023"}])
    d = framing.load_corpus(tmp_path)["a"]
    assert d.date == "03/04/2023" and "date not understood (kept as given)" in d.flags
    table = framing.documents(framing.load_corpus(tmp_path))
    assert "date not understood" in table.loc[0, "doc_flags"]


@pytest.mark.parametrize("raw, expected", [
    ("2023-08-01", ("2023-08-01", True)), ("2023-8-1", ("2023-08-01", True)), ("2023-07", ("2023-07", True)),
    ("2023", ("2023", True)), ("2023/08/01", ("2023-08-01", True)), ("7/31/2023", ("2023-07-31", True)),
    ("31.07.2023", ("2023-07-31", True)), ("04/04/2023", ("2023-04-04", True)),
    ("August 1, 2023", ("2023-08-01", True)), ("Tue, Aug. 1, 2023", ("2023-08-01", True)),
    ("1st August 2023", ("2023-08-01", True)), ("Sept 5 2023", ("2023-09-05", True)),
    ("July 2023", ("2023-07", True)), ("2023-08-01T10:30:00Z", ("2023-08-01", True)),
    ("", ("", True)), ("03/04/2023", ("03/04/2023", False)), ("2023-02-30", ("2023-02-30", False)),
    ("2023-13", ("2023-13", False)), ("yesterday", ("yesterday", False)),
    ("Augustus 1, 2023", ("Augustus 1, 2023", False)),
])
def test_normalise_date(raw, expected):
    assert normalise_date(raw) == expected


def test_seeds_list_with_no_warning():
    from conftest import SEEDS

    inputs = list_inputs(SEEDS)
    assert len(inputs.items) == 5 and inputs.warnings == [] and inputs.errors == []


def test_malformed_csv_keeps_the_rows_before_and_names_the_rest(tmp_path):
    path = tmp_path / "t.csv"
    body = OTHER.replace("\n", " ")
    path.write_text(f'doc_id,text\nx,"{body}"\ny,"{body}",extra\nz,"{body}"\nw,"unclosed {body}\n', encoding="utf-8")
    corpus = framing.load_corpus(path)
    assert [d.doc_id for d in corpus] == ["x", "z"]
    errors = sorted(e["error"] for e in corpus.errors)
    assert len(errors) == 2
    assert "more fields than the header has columns" in errors[0]
    assert "malformed CSV" in errors[1] and "the rest of the table was not read" in errors[1]


def test_table_row_over_max_bytes_is_an_error_row(tmp_path):
    path = _write_csv(tmp_path / "t.csv", [{"doc_id": "big", "text": ARTICLE * 20}, {"doc_id": "ok", "text": ARTICLE}])
    corpus = framing.load_corpus(path, max_bytes=1000)
    assert [d.doc_id for d in corpus] == ["ok"]
    assert corpus.errors[0]["doc_id"] == "big" and "text too large" in corpus.errors[0]["error"]


def test_table_rows_run_on_worker_processes_like_files(tmp_path):
    from framing.batch import run

    rows = [{"doc_id": f"d{i:02d}", "text": ARTICLE if i % 3 else ""} for i in range(12)]
    path = _write_csv(tmp_path / "t.csv", rows)
    one = run("terms", path, inputs=list_inputs(path))
    two = run("terms", path, jobs=2, inputs=list_inputs(path))
    assert one.table.equals(two.table) and one.errors.equals(two.errors)
    assert sorted(one.errors.doc_id) == ["d00", "d03", "d06", "d09"] and one.n_files == 12


def test_jsonl_keeps_unicode_line_separators_inside_strings_and_crlf(tmp_path):
    text = ARTICLE.replace("region,", "region,\u2028")
    path = tmp_path / "t.jsonl"
    path.write_bytes((json.dumps({"doc_id": "u", "text": text}, ensure_ascii=False) + "\r\n").encode("utf-8"))
    d = framing.load_corpus(path)["u"]
    assert d.text == text and not framing.load_corpus(path).errors
