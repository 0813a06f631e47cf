"""Hostile input (issue 15, cases 3-5): one bad file never stalls or loses a batch, processes and
files are handled safely, and every message is one clean line.

Every input is built here, in a temporary folder. The command line runs in a subprocess (with a
UTF-8 locale, so stdout is strict UTF-8 as on a desktop) where the process itself is under test,
else in this process (faster).
"""
import io
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from typing import NamedTuple

import pandas as pd
import psutil
import pytest
from conftest import SEEDS

from framing import batch
from framing.batch import run
from framing.cli import main
from framing.corpus import CorpusError

PARAGRAPH = "The ministers signed a memorandum on Thursday, officials said, and the text was not published. " * 8
SMALL_ARTICLE = "A title\n\nThe minister signed the deal on Monday in the capital, officials said.\n"


def big_article(paragraphs: int) -> str:
    """A legitimate article of ``paragraphs`` paragraphs (3000: about 2.4 MB, seconds of work per table)."""
    return "Big article\n\n" + "\n\n".join(f"In paragraph {i}, t{PARAGRAPH[1:]}" for i in range(paragraphs))


class Outcome(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


def framing_cli(*args, timeout=120, **kw) -> Outcome:
    """``framing ARGS`` in a subprocess with a UTF-8 locale; arguments may be bytes (file names)."""
    argv = [sys.executable, "-m", "framing.cli", *(a if isinstance(a, bytes) else os.fsencode(str(a)) for a in args)]
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": ""}
    r = subprocess.run(argv, capture_output=True, timeout=timeout, env=env, check=False, **kw)
    return Outcome(r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8"))


@pytest.fixture
def framing_main(capsys):
    """``framing ARGS`` in this process."""
    def call(*args) -> Outcome:
        try:
            code = main([str(a) for a in args])
        except SystemExit as e:  # argparse
            code = e.code
        out, err = capsys.readouterr()
        return Outcome(code, out, err)

    return call


def assert_one_clean_line(r: Outcome, needle: str) -> None:
    """Exit status 2 and exactly one line on stderr, containing ``needle``, with no escape code."""
    assert r.returncode == 2, r.stderr
    lines = r.stderr.splitlines()
    assert len(lines) == 1, lines
    assert needle in lines[0]
    assert "\x1b" not in r.stderr and "Traceback" not in r.stderr


def seed_stems(n: int) -> list[str]:
    return [f.stem for f in sorted(SEEDS.glob("*.txt"))[:n]]


@pytest.fixture(scope="module")
def slow_corpus(tmp_path_factory):
    """Three seed articles and one large legitimate article that takes seconds."""
    d = tmp_path_factory.mktemp("slow")
    for f in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(f, d)
    (d / "zz_big.txt").write_text(big_article(3000), encoding="utf-8")
    return d


# --------------------------------------------------------------------------- case 3: a bad file stalls a batch

#: the per-file limit of these tests: a seed article takes up to about 1 s on a slow core when a worker's first
#: file loads the models (a limit of 1 s failed there when the machine was busy), the big article far longer
SLOW_LIMIT = 3.0


@pytest.mark.parametrize("executor", [{"jobs": 1}, {"jobs": 2}, {"scheduler": "processes"}, {"scheduler": "threads"}],
                         ids=["jobs=1", "jobs=2", "dask-processes", "dask-threads"])
def test_a_file_over_the_time_limit_is_an_error_row(slow_corpus, executor):
    if "scheduler" in executor:
        pytest.importorskip("dask.bag")
    res = run("stance", slow_corpus, file_timeout=SLOW_LIMIT, **executor)
    assert res.errors.to_dict("records") == [{"path": str(slow_corpus / "zz_big.txt"), "doc_id": "zz_big",
                                              "error": f"took longer than {SLOW_LIMIT:g} s (--file-timeout)"}]
    assert sorted(res.table.doc_id) == seed_stems(3)


def test_time_limit_on_a_distributed_cluster_where_tasks_run_in_threads(slow_corpus):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=True, dashboard_address=None) as lc:
        res = run("stance", slow_corpus, scheduler=lc.scheduler_address, file_timeout=SLOW_LIMIT)
    assert list(res.errors.doc_id) == ["zz_big"]
    assert list(res.errors.error) == [f"took longer than {SLOW_LIMIT:g} s (--file-timeout)"]
    assert sorted(res.table.doc_id) == seed_stems(3)


def test_file_timeout_on_the_command_line(slow_corpus, tmp_path):
    out = tmp_path / "stance.csv"
    r = framing_cli("stance", slow_corpus, "--jobs", "2", "--file-timeout", f"{SLOW_LIMIT:g}", "--out", out)
    assert r.returncode == 1
    assert r.stderr.splitlines() == [
        f"framing: {slow_corpus / 'zz_big.txt'}: took longer than {SLOW_LIMIT:g} s (--file-timeout)",
        "framing: 3 of 4 files processed, 1 reported as errors"]
    assert sorted(pd.read_csv(out).doc_id) == seed_stems(3)


def _stubborn_rows(docs, options):
    """A table command for the test below: a document named ``stuck*`` blocks SIGALRM and sleeps (like a
    C call that never checks for signals), one named ``dies*`` kills its own process."""
    for d in docs:
        if d.doc_id.startswith("stuck"):
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)
        if d.doc_id.startswith("dies"):
            os.kill(os.getpid(), signal.SIGKILL)
    return pd.DataFrame({"doc_id": [d.doc_id for d in docs]})


@pytest.mark.skipif(sys.platform != "linux", reason="the test command reaches worker processes through fork")
def test_the_parent_replaces_a_worker_that_overruns_or_dies(tmp_path, monkeypatch):
    monkeypatch.setitem(batch.COMMANDS, "stubborn", _stubborn_rows)
    monkeypatch.setattr(batch, "HARD_LIMIT_GRACE", 1.0, raising=False)
    names = [f"a{i:02d}" for i in range(16)] + ["dies", "stuck"]  # 18 files, jobs=2: chunks of 2
    for name in names:
        (tmp_path / f"{name}.txt").write_text(SMALL_ARTICLE)
    started = time.monotonic()
    res = run("stubborn", tmp_path, jobs=2, file_timeout=0.5)
    assert time.monotonic() - started < 30
    assert list(res.table.doc_id) == names[:16]
    errors = dict(zip(res.errors.doc_id, res.errors.error))
    assert errors.keys() == {"dies", "stuck"}
    assert errors["stuck"] == "took longer than 0.5 s (--file-timeout)"
    assert errors["dies"] == "the worker process stopped on this file (killed by SIGKILL)"


def _write_named(folder, name: bytes, data: bytes) -> None:
    """Create ``folder/name`` with a name that need not be UTF-8."""
    fd = os.open(os.path.join(os.fsencode(folder), name), os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


@pytest.mark.skipif(sys.platform != "linux", reason="file names that are not UTF-8 need a POSIX file system")
def test_file_names_that_are_not_utf8_are_processed_and_reported_escaped(tmp_path):
    shutil.copy(min(SEEDS.glob("*.txt")), tmp_path / "good.txt")
    _write_named(tmp_path, b"bad\xffname.txt", SMALL_ARTICLE.encode())
    _write_named(tmp_path, b"bin\xfe.txt", b"\x00\x01")
    out, err = tmp_path / "out.csv", tmp_path / "errors.csv"
    r = framing_cli("corpus", tmp_path, "--out", out, "--errors", err)
    assert r.returncode == 1
    assert r.stderr.splitlines() == [f"framing: {tmp_path}/bin\\xfe.txt: binary file (contains NUL bytes), not text",
                                     "framing: 2 of 3 files processed, 1 reported as errors"]
    assert sorted(pd.read_csv(out).doc_id) == ["bad\\xffname", "good"]
    assert pd.read_csv(err).to_dict("records") == [
        {"path": f"{tmp_path}/bin\\xfe.txt", "doc_id": "bin\\xfe",
         "error": "binary file (contains NUL bytes), not text"}]


def test_a_dask_cluster_that_loses_its_last_worker_stops_the_run(slow_corpus, monkeypatch):
    distributed = pytest.importorskip("distributed")
    monkeypatch.setattr(batch, "NO_WORKERS_TIMEOUT", 2.0, raising=False)
    outcome = {}

    def run_on(address):
        try:
            run("stance", slow_corpus, scheduler=address)
            outcome["error"] = None
        except Exception as e:  # noqa: BLE001 -- the outcome is what the test checks
            outcome["error"] = e

    with distributed.LocalCluster(n_workers=0, processes=True, dashboard_address=None) as lc:
        worker = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", lc.scheduler_address,
                                   "--no-nanny", "--nthreads", "1", "--no-dashboard"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            with distributed.Client(lc.scheduler_address) as client:
                client.wait_for_workers(1, timeout=30)
            runner = threading.Thread(target=run_on, args=(lc.scheduler_address,), daemon=True)
            runner.start()
            time.sleep(1.5)  # the worker is on the large article
            worker.kill()
            runner.join(timeout=20)
            assert not runner.is_alive(), "the run waited for a worker forever"
        finally:
            worker.kill()
            worker.wait()
    assert isinstance(outcome["error"], CorpusError)
    assert "has had no workers for 2 s" in str(outcome["error"])


# --------------------------------------------------------------------------- case 4: processes and files


@pytest.fixture(scope="module")
def busy_corpus(tmp_path_factory):
    """Four large articles: each worker of a --jobs 2 run is busy for seconds on one."""
    d = tmp_path_factory.mktemp("busy")
    for i in range(4):
        (d / f"big{i}.txt").write_text(big_article(3000), encoding="utf-8")
    return d


def _busy_workers(parent: psutil.Process, n: int, timeout: float = 60) -> list:
    """The parent's worker processes, once ``n`` of them have done some work."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        kids = parent.children(recursive=True)
        if len(kids) >= n and all(k.cpu_times().user > 0.3 for k in kids[:n]):
            return kids
        time.sleep(0.1)
    raise AssertionError("the workers never started")


def _running(p: psutil.Process) -> bool:
    try:
        return p.status() != psutil.STATUS_ZOMBIE  # a zombie has ended; only its parent has not reaped it
    except psutil.NoSuchProcess:
        return False


def _survivors(processes: list, within: float) -> list:
    """The processes still running after ``within`` seconds (then killed, so none outlives the test)."""
    deadline = time.monotonic() + within
    alive = [p for p in processes if _running(p)]
    while alive and time.monotonic() < deadline:
        time.sleep(0.05)
        alive = [p for p in alive if _running(p)]
    for p in alive:
        p.kill()
    return alive


@pytest.mark.skipif(sys.platform != "linux", reason="workers die with their parent through PR_SET_PDEATHSIG")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_a_stopped_run_leaves_no_worker_behind_and_says_little(busy_corpus, sig):
    argv = [sys.executable, "-m", "framing.cli", "stance", str(busy_corpus), "--jobs", "2"]
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        workers = _busy_workers(psutil.Process(proc.pid), 2)
        proc.send_signal(sig)
        proc.wait(timeout=30)  # not communicate(): a surviving worker would hold stderr open
        survivors = _survivors(workers, within=2.0)
        stderr = proc.stderr.read()
    finally:
        proc.kill()
        proc.stderr.close()
    assert not survivors
    if sig == signal.SIGTERM:
        assert proc.returncode in (130, 143)
        assert len(stderr.splitlines()) <= 1 and b"Traceback" not in stderr, stderr.decode()


@pytest.mark.parametrize("target", ["article", "sources", "same"])
def test_out_or_errors_that_would_overwrite_an_input_is_refused(tmp_path, framing_main, target):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(SMALL_ARTICLE)
    (articles / "sources.csv").write_text("doc_id,outlet\na,Daily\n")
    args = {"article": ["--out", articles / "a.txt"],
            "sources": ["--errors", articles / "sources.csv"],
            "same": ["--out", tmp_path / "t.csv", "--errors", tmp_path / "t.csv"]}[target]
    r = framing_main("corpus", articles, *args)
    assert_one_clean_line(r, "give another name" if target != "same" else "name the same file")
    assert (articles / "a.txt").read_text() == SMALL_ARTICLE
    assert (articles / "sources.csv").read_text() == "doc_id,outlet\na,Daily\n"


def _file_size_limit(n_bytes: int):
    """preexec_fn: writes past ``n_bytes`` fail with EFBIG (Python ignores SIGXFSZ), as on a full disk."""
    import resource

    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (n_bytes, n_bytes))


@pytest.mark.skipif(sys.platform != "linux", reason="simulates a full disk with RLIMIT_FSIZE")
@pytest.mark.parametrize("existing", [True, False], ids=["existing file", "new file"])
def test_a_failed_write_leaves_no_truncated_file(tmp_path, existing):
    out = tmp_path / "segments.csv"
    if existing:
        out.write_text("the previous table\n")
    r = framing_cli("segments", SEEDS, "--out", out, preexec_fn=_file_size_limit(4096))
    if existing:
        assert out.read_text() == "the previous table\n"
    else:
        assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == (["segments.csv"] if existing else [])
    assert_one_clean_line(r, f"{out}: cannot write the file: File too large")


def test_sources_csv_saved_by_excel_with_a_bom_and_large_fields(tmp_path, framing_main):
    (tmp_path / "a.txt").write_text(SMALL_ARTICLE)
    (tmp_path / "b.txt").write_text(SMALL_ARTICLE)
    long_title = "T" * 200_000
    (tmp_path / "sources.csv").write_text(f"doc_id,outlet,title\na,Daily,Short\nb,Weekly,{long_title}\n",
                                          encoding="utf-8-sig")
    r = framing_main("corpus", tmp_path)
    assert r.returncode == 0, r.stderr
    table = pd.read_csv(io.StringIO(r.stdout))
    assert list(table.outlet) == ["Daily", "Weekly"]
    assert list(table.title.str.len()) == [5, 200_000]


@pytest.mark.parametrize("rows,problem", [
    (b'b,"Weekly\nc,Monthly\n', "line 3: malformed CSV (unexpected end of data)"),  # not the rest of the file
    (b"b,Iran, Bolivia and the deal\n", "line 3: more fields than the header has columns"),
    (b"b,Weekly\n\xff\n", "not UTF-8 text (invalid byte at offset 31)"),
])
def test_a_malformed_sources_csv_is_one_line_naming_file_and_line(tmp_path, framing_main, rows, problem):
    (tmp_path / "a.txt").write_text(SMALL_ARTICLE)
    (tmp_path / "sources.csv").write_bytes(b"doc_id,outlet\na,Daily\n" + rows)
    r = framing_main("corpus", tmp_path)
    assert_one_clean_line(r, f"{tmp_path / 'sources.csv'}: {problem}")


# --------------------------------------------------------------------------- case 5: messages


def test_a_symbolic_link_loop_is_named_as_such(tmp_path, framing_main):
    (tmp_path / "good.txt").write_text(SMALL_ARTICLE)
    os.symlink("loop.txt", tmp_path / "loop.txt")
    assert_one_clean_line(framing_main("corpus", tmp_path / "loop.txt"), "loop.txt: symbolic link loop")
    r = framing_main("corpus", tmp_path)
    assert f"framing: {tmp_path / 'loop.txt'}: symbolic link loop" in r.stderr.splitlines()


def _without_root_privileges() -> list[str]:
    """A command prefix under which file permissions apply (root reads anything), or skip the test."""
    if os.geteuid() != 0:
        return []
    prefix = ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search"]
    if shutil.which("setpriv") is None or subprocess.run([*prefix, "true"], check=False).returncode != 0:
        pytest.skip("running as root and cannot drop the capability to read any file")
    return prefix


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_an_unreadable_file_is_permission_denied(tmp_path):
    prefix = _without_root_privileges()
    (tmp_path / "good.txt").write_text(SMALL_ARTICLE)
    locked = tmp_path / "locked.txt"
    locked.write_text(SMALL_ARTICLE)
    locked.chmod(0)
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    r = subprocess.run([*prefix, sys.executable, "-m", "framing.cli", "corpus", str(tmp_path)], capture_output=True,
                       text=True, env=env, timeout=120, check=False)
    locked.chmod(0o644)
    assert r.returncode == 1
    assert f"framing: {locked}: permission denied (cannot read the file)" in r.stderr.splitlines()


def test_the_error_column_is_only_the_message_when_the_path_has_colons(tmp_path):
    folder = tmp_path / "a: b"
    folder.mkdir()
    (folder / "good.txt").write_text(SMALL_ARTICLE)
    (folder / "x: y.txt").write_text("")
    res = run("corpus", folder)
    assert res.errors.to_dict("records") == [{"path": str(folder / "x: y.txt"), "doc_id": "x: y",
                                              "error": "empty file"}]


@pytest.mark.skipif(sys.platform == "win32", reason="control characters in file names")
def test_control_characters_in_names_never_split_or_colour_a_message(tmp_path):
    (tmp_path / "good.txt").write_text(SMALL_ARTICLE)
    (tmp_path / "evil\nframing: all files processed \x1b[32mOK\x1b[0m.txt").write_bytes(b"\x00")
    r = framing_cli("corpus", tmp_path)
    assert r.returncode == 1
    assert r.stderr.splitlines() == [
        (f"framing: {tmp_path}/evil\\nframing: all files processed \\x1b[32mOK\\x1b[0m.txt: "
         "binary file (contains NUL bytes), not text"),
        "framing: 1 of 2 files processed, 1 reported as errors"]
    assert "\x1b" not in r.stderr


@pytest.mark.parametrize("args,needle", [
    (["--max-bytes", "-1"], "argument --max-bytes: must be at least 1"),
    (["--max-bytes", "0"], "argument --max-bytes: must be at least 1"),
    (["--jobs", "0"], "argument --jobs: must be at least 1"),
    (["--jobs", "two"], "argument --jobs: expected a whole number"),
    (["--file-timeout", "-1"], "argument --file-timeout: must be 0 (no limit) or a positive number"),
])
def test_bad_numbers_are_refused(framing_main, args, needle):
    assert_one_clean_line(framing_main("corpus", SEEDS, *args), needle)


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero")
def test_a_fifo_or_device_is_not_a_regular_file_and_never_blocks(tmp_path, framing_main):
    os.mkfifo(tmp_path / "pipe.txt")
    assert_one_clean_line(framing_cli("corpus", tmp_path / "pipe.txt", timeout=60), "not a regular file")
    assert_one_clean_line(framing_main("corpus", "/dev/zero"), "/dev/zero: not a regular file")
    (tmp_path / "good.txt").write_text(SMALL_ARTICLE)
    res = run("corpus", tmp_path)
    assert list(res.table.doc_id) == ["good"]
    assert res.errors.to_dict("records") == [{"path": str(tmp_path / "pipe.txt"), "doc_id": "pipe",
                                              "error": "not a regular file (a named pipe)"}]


def test_a_nul_byte_anywhere_means_binary(tmp_path):
    (tmp_path / "late.txt").write_bytes(SMALL_ARTICLE.encode() + b"word " * 20_000 + b"\x00 tail\n")
    (tmp_path / "good.txt").write_text(SMALL_ARTICLE)
    res = run("corpus", tmp_path)
    assert list(res.errors.error) == ["binary file (contains NUL bytes), not text"]


@pytest.mark.skipif(sys.platform != "linux", reason="counts forked worker processes")
def test_never_more_worker_processes_than_files(tmp_path, monkeypatch):
    import multiprocessing.process

    for i in range(5):
        (tmp_path / f"a{i}.txt").write_text(SMALL_ARTICLE)
    started = []
    real_start = multiprocessing.process.BaseProcess.start

    def counting_start(self):
        started.append(self)
        return real_start(self)

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", counting_start)
    res = run("corpus", tmp_path, jobs=64)
    assert len(res.table) == 5
    assert 1 <= len(started) <= 5


def test_a_deadline_swallowed_once_goes_off_again():
    # the first alarm lands where its exception is lost (as in a gc callback, where Python only prints it): the
    # deadline must still end the block (it did not, once, in CI)
    from framing.batch import FileTimeout, _deadline
    start = time.monotonic()
    with pytest.raises(FileTimeout):
        with _deadline(0.2):
            while time.monotonic() - start < 0.35:
                try:
                    time.sleep(0.01)
                except FileTimeout:
                    pass   # swallowed
            while time.monotonic() - start < 3.0:
                time.sleep(0.01)
    assert time.monotonic() - start < 1.0
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_watchdog_deadline_swallowed_once_goes_off_again():
    # the same in a thread that cannot take signals (a distributed worker's): the watcher raises again (it did not,
    # once, in CI: its one exception landed in a gc callback of distributed and the file ran on)
    from framing.batch import FileTimeout, _deadline
    outcome = {}

    def worker():
        start = time.monotonic()
        swallowed = 0
        try:
            with _deadline(0.2):
                while time.monotonic() - start < 3.0:
                    try:
                        time.sleep(0.01)
                    except FileTimeout:
                        swallowed += 1
                        if swallowed > 1:
                            raise
        except FileTimeout:
            outcome["after"] = time.monotonic() - start
        time.sleep(0.3)   # nothing more lands once the block is left
        outcome["done"] = True

    t = threading.Thread(target=worker)
    t.start()
    t.join(10)
    assert outcome.get("done") and outcome["after"] < 1.0
