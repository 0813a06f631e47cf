"""Batch runs: parallel and Dask executors give the same tables; bad files become error rows."""
import shutil

import pandas as pd
import pytest
from conftest import FIXTURES, SEEDS

from framing.batch import run


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory):
    """Good articles mixed with every kind of bad file."""
    d = tmp_path_factory.mktemp("mixed")
    for f in sorted(SEEDS.glob("*.txt")) + sorted((FIXTURES / "noisy").glob("*.txt")):
        shutil.copy(f, d)
    (d / "zz_empty.txt").write_text("")
    (d / "zz_binary.txt").write_bytes(bytes(range(256)) * 10)
    (d / "zz_cp1252.txt").write_bytes("Le ministre a dit \u201cnon\u201d \u2013 fin.".encode("cp1252"))
    (d / "zz_latin1.txt").write_bytes("S\xe3o Paulo: the deal \xe9tait sign\xe9.".encode("latin-1"))
    (d / "zz_page.txt").write_text("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    (d / "zz_huge.txt").write_text("word " * 4_200_000)  # 21 MB, over the default 10 MB limit
    (d / "zz_unbalanced.txt").write_text('Title\n\nThe minister said "this will never close and '
                                         'the article goes on for a while.\n\nMore text follows here.\n')
    (d / "zz_spanish.txt").write_text("Acuerdo\n\nEl ministro de Defensa firmó el memorando con su "
                                      "homólogo y dijo que la cooperación servirá para la frontera.\n")
    return d


def test_mixed_corpus_completes_and_reports_every_bad_file(mixed_corpus):
    res = run("quotes", mixed_corpus)
    bad = dict(zip(res.errors.doc_id, res.errors.error))
    assert set(bad) == {"zz_empty", "zz_binary", "zz_cp1252", "zz_latin1", "zz_page", "zz_huge"}
    assert "not UTF-8" in bad["zz_cp1252"] and "HTML" in bad["zz_page"] and "too large" in bad["zz_huge"]
    n_good = len(list(SEEDS.glob("*.txt"))) + len(list((FIXTURES / "noisy").glob("*.txt"))) + 2
    assert res.n_files == n_good + len(bad)
    docs = run("corpus", mixed_corpus).table
    assert len(docs) == n_good
    flags = dict(zip(docs.doc_id, docs["doc_flags"]))
    assert "unbalanced quotation marks" in flags["zz_unbalanced"]
    assert "possibly not English" in flags["zz_spanish"]


def test_good_articles_tables_equal_a_clean_run(mixed_corpus, tmp_path):
    for f in sorted(SEEDS.glob("*.txt")) + sorted((FIXTURES / "noisy").glob("*.txt")):
        shutil.copy(f, tmp_path)
    for cmd in ("segments", "terms", "quotes", "stance"):
        clean = run(cmd, tmp_path).table
        mixed = run(cmd, mixed_corpus).table
        mixed = mixed[mixed.doc_id.isin(set(clean.doc_id))].reset_index(drop=True)
        pd.testing.assert_frame_equal(clean, mixed)


@pytest.mark.parametrize("command", ["segments", "terms", "quotes", "stance"])
def test_two_processes_give_identical_tables(command):
    one = run(command, SEEDS, jobs=1)
    two = run(command, SEEDS, jobs=2)
    pd.testing.assert_frame_equal(one.table, two.table)


def test_dask_local_scheduler_gives_identical_tables():
    pytest.importorskip("dask.bag")
    for cmd in ("terms", "stance"):
        one = run(cmd, SEEDS)
        dk = run(cmd, SEEDS, scheduler="processes")
        pd.testing.assert_frame_equal(one.table, dk.table)


def test_dask_distributed_local_cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as lc:
        dk = run("quotes", SEEDS, scheduler=lc.scheduler_address)
    pd.testing.assert_frame_equal(run("quotes", SEEDS).table, dk.table)


def test_bad_jobs_value():
    with pytest.raises(ValueError, match="--jobs"):
        run("corpus", SEEDS, jobs=0)


def test_a_result_lost_with_its_worker_is_waited_for_while_the_workers_are_checked():
    # finished, then lost (its worker died before the fetch): the fetch waits in steps and the
    # no-workers check can stop the run, instead of blocking forever
    from framing import batch as B

    class LostFuture:
        status = "finished"

        def result(self, timeout=None):
            assert timeout is not None
            raise TimeoutError

    calls = []

    def check():
        calls.append(1)
        if len(calls) == 3:
            raise B.CorpusError("no workers")

    with pytest.raises(B.CorpusError, match="no workers"):
        B._future_output(LostFuture(), [], check)
    assert len(calls) == 3
