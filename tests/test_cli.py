"""The command-line contract: tables, formats, and one-line errors with exit status 2."""
import json
import subprocess
import sys

import pytest
from conftest import SEEDS


def run(*args, **kw):
    return subprocess.run([sys.executable, "-m", "framing.cli", *map(str, args)], capture_output=True,
                          text=True, timeout=300, **kw)


def test_corpus_csv_columns():
    r = run("corpus", SEEDS)
    assert r.returncode == 0, r.stderr
    header = r.stdout.splitlines()[0].split(",")
    for col in ["doc_id", "title", "outlet", "date", "n_chars", "n_body_chars", "n_removed_chars",
                "n_sentences", "n_tokens"]:
        assert col in header
    assert len(r.stdout.splitlines()) == 6


def test_segments_json_spans_match_text(tmp_path):
    out = tmp_path / "seg.json"
    r = run("segments", SEEDS, "--format", "json", "--out", out)
    assert r.returncode == 0 and r.stdout == ""
    rows = json.loads(out.read_text(encoding="utf-8"))
    texts = {f.stem: f.read_text(encoding="utf-8") for f in SEEDS.glob("*.txt")}
    for row in rows:
        assert texts[row["doc_id"]][row["start"]:row["end"]] == row["text"]
        assert row["role"] in {"title", "dek", "heading", "body", "boilerplate"}


def test_single_file_path():
    f = sorted(SEEDS.glob("*.txt"))[0]
    r = run("corpus", f)
    assert r.returncode == 0 and len(r.stdout.splitlines()) == 2


@pytest.mark.parametrize("setup,args,needle", [
    (None, ["corpus", "{tmp}/missing"], "no such file"),
    (None, ["corpus", "{tmp}"], "no .txt articles"),
    ("latin", ["corpus", "{tmp}/latin.txt"], "not UTF-8"),
    ("binary", ["segments", "{tmp}/bin.txt"], "binary"),
    ("empty", ["corpus", "{tmp}/empty.txt"], "empty file"),
    (None, ["corpus", str(SEEDS), "--format", "xml"], "unknown --format"),
    (None, ["nosuchcommand", str(SEEDS)], "invalid choice"),
])
def test_bad_input_one_line_exit_2(tmp_path, setup, args, needle):
    if setup == "latin":
        (tmp_path / "latin.txt").write_bytes("Caf\xe9".encode("latin-1"))
    elif setup == "binary":
        (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02abc")
    elif setup == "empty":
        (tmp_path / "empty.txt").write_text("")
    r = run(*[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert r.returncode == 2
    assert needle in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert "Traceback" not in r.stderr


def test_folder_with_some_bad_files_processes_the_good_ones(tmp_path):
    (tmp_path / "good.txt").write_text("Title here\n\nThe minister signed the deal on Monday in the capital.\n")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00")
    err = tmp_path / "errors.csv"
    r = run("corpus", tmp_path, "--errors", err)
    assert r.returncode == 2  # something failed: say so
    assert "good" in r.stdout and "bad.txt" in r.stderr
    assert "bad" in err.read_text()
