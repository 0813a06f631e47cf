"""The report's output folder: a re-run removes the previous report's own files and nothing else."""
from __future__ import annotations

import pytest

from framing.report import ReportError, build_report
from framing.report.site import MANIFEST, _write_manifest, prepare_out


def _old_report(out):
    (out / "articles").mkdir(parents=True)
    (out / "index.html").write_text("old")
    (out / "articles" / "gone.html").write_text("old page")
    _write_manifest(out)


def test_rerun_removes_the_previous_reports_files(tmp_path):
    out = tmp_path / "site"
    _old_report(out)
    prepare_out(out)
    assert list(out.iterdir()) == []


def test_folder_with_foreign_files_is_refused_and_left_alone(tmp_path):
    out = tmp_path / "site"
    _old_report(out)
    (out / "notes.txt").write_text("the analyst's own notes")
    with pytest.raises(ReportError, match="1 file.*notes.txt"):
        prepare_out(out)
    assert (out / "notes.txt").read_text() == "the analyst's own notes"
    assert (out / "index.html").exists(), "nothing is removed when the folder is refused"


def test_non_empty_folder_without_manifest_is_refused(tmp_path):
    (tmp_path / "thesis.docx").write_text("x")
    with pytest.raises(ReportError, match="did not write"):
        prepare_out(tmp_path)


def test_manifest_lists_every_written_file(tmp_path):
    out = tmp_path / "site"
    _old_report(out)
    assert (out / MANIFEST).read_text().split() == ["articles/gone.html", "index.html"]


def test_no_notebooks_is_an_error_not_an_empty_report(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("Title\n\n" + "Some article words here. " * 30)
    with pytest.raises(ReportError, match="no notebooks"):
        build_report(tmp_path / "corpus", tmp_path / "site", notebooks=[])
    assert not (tmp_path / "site").exists()


def test_notebooks_run_two_at_a_time_give_the_same_pages(tmp_path):
    from framing.report.notebooks import notebook_paths

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("Harbor plan approved\n\n" + "The port board approved the plan. " * 30)
    two = notebook_paths()[:2]
    one_at_a_time = build_report(tmp_path / "corpus", tmp_path / "s1", notebooks=two, jobs=1)
    two_at_a_time = build_report(tmp_path / "corpus", tmp_path / "s2", notebooks=two, jobs=2)
    assert not one_at_a_time.failed and not two_at_a_time.failed
    assert [p.name for p in two_at_a_time.pages] == [p.name for p in one_at_a_time.pages] == [
        p.stem + ".html" for p in two]   # reading order kept
    for page in one_at_a_time.pages:
        assert (tmp_path / "s2" / page.name).read_bytes() == page.read_bytes()
        assert (tmp_path / "s2" / "notebooks" / (page.stem + ".ipynb")).is_file()


def test_printed_text_flushed_in_pieces_is_one_output():
    # a kernel may send one print as two stream messages (it did when two notebooks ran at once): the saved
    # notebook and its page must not depend on that
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    from framing.report.notebooks import coalesce_streams
    outputs = [new_output("stream", name="stdout", text="no hand annotation"), new_output("stream", name="stdout",
                                                                                           text="\n"),
               new_output("display_data", data={"text/plain": "table"}), new_output("stream", name="stdout",
                                                                                   text="after\n")]
    nb = coalesce_streams(new_notebook(cells=[new_code_cell("", outputs=outputs)]))
    assert [(o.output_type, o.get("text")) for o in nb.cells[0].outputs] == [
        ("stream", "no hand annotation\n"), ("display_data", None), ("stream", "after\n")]
