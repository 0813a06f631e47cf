"""Run a table command over many articles: streamed, in parallel, or on Dask.

Every table of the package is computed one document at a time, so a corpus is
processed as a stream of files: a worker reads one file, builds its
:class:`~framing.corpus.Document`, computes that document's rows and lets the
text go. Memory is bounded by the largest article plus the output rows, not by
the corpus.

Three executors give identical tables (rows are put back in file order):

- ``jobs=1``: in this process;
- ``jobs=N``: N worker processes on this machine (never more than there are
  chunks of files);
- ``scheduler=ADDRESS``: a Dask cluster (one task per chunk of files; a
  ``distributed`` scheduler address such as ``tcp://10.0.0.5:8786``, or
  ``"processes"`` / ``"threads"`` / ``"synchronous"`` for Dask's local schedulers).

Files are handed to workers in chunks of up to :data:`CHUNK_FILES`. A file that
cannot be read or processed becomes a row of the errors table
(path, doc_id, error); it never stops the run and is never silently dropped.

One bad file cannot stall a run either:

- **Time limit per file** (``file_timeout``, default :data:`DEFAULT_FILE_TIMEOUT`
  seconds; reading, segmenting and the file's rows, not the one-off loading of
  word lists). The worker enforces it itself: with ``SIGALRM`` in a main thread
  (this also stops a long regular-expression match: CPython's ``re`` checks for
  signals), otherwise with an exception raised in the worker's thread by a timer
  (delivered between bytecodes, so a long C call finishes first). A file over the
  limit becomes an error row and the run goes on.
- **Worker processes** (``jobs=N``) are watched by the parent: one that is still
  on a file :data:`HARD_LIMIT_GRACE` seconds past its limit, or that dies (killed,
  out of memory), is replaced; that file becomes an error row and the rest of its
  chunk is run by another worker. Workers die with the parent (Linux:
  ``PR_SET_PDEATHSIG``), so a killed run leaves no process behind.
- **Dask**: a cluster that has had no workers for :data:`NO_WORKERS_TIMEOUT`
  seconds stops the run with a :class:`~framing.corpus.CorpusError`; a chunk whose
  workers kept dying becomes error rows.
"""
from __future__ import annotations

import ctypes
import math
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, partial
from typing import TYPE_CHECKING

from .corpus import (
    DEFAULT_MAX_BYTES,
    CorpusError,
    document_from_text,
    error_row,
    item_doc_id,
    list_inputs,
    read_article,
    read_item,
)

if TYPE_CHECKING:  # pandas is imported when a table is made: `framing --help` must not wait for it
    import pandas as pd

ERROR_COLUMNS = ["path", "doc_id", "error"]
DEFAULT_FILE_TIMEOUT = 120.0  # seconds one file may take; 0 = no limit
HARD_LIMIT_GRACE = 5.0  # jobs=N: seconds past a file's limit after which the parent replaces its worker
NO_WORKERS_TIMEOUT = 30.0  # Dask: seconds a cluster may have no workers before the run stops
# a short article that takes every path of every command, so that warming up loads every word list
_WARM_UP_TEXT = ('Warm-up title\n\nThe minister said on Monday that "the agreement is a threat," '
                 "officials told reporters in the capital.\n")


def _rows_corpus(docs, options):
    from .corpus import documents_table

    return documents_table(docs)


def _rows_segments(docs, options):
    from .corpus import segments_table

    return segments_table(docs)


def _rows_terms(docs, options):
    from .terms import load_lexicon, term_hits

    lex = None
    if options.get("lexicon"):
        lex = load_lexicon(extra=options["lexicon"], replace=options.get("replace_lexicon", False),
                           story=options.get("story"))
    return term_hits(docs, lexicon=lex, story=options.get("story"), model=options.get("model", True))


def _rows_quotes(docs, options):
    from .quotes import quotes_table

    return quotes_table(docs, story=options.get("story"))


def _rows_stance(docs, options):
    from .stance import stance_table

    return stance_table(docs, story=options.get("story"))


COMMANDS: dict[str, Callable] = {
    "corpus": _rows_corpus,
    "segments": _rows_segments,
    "terms": _rows_terms,
    "quotes": _rows_quotes,
    "stance": _rows_stance,
}
CHUNK_FILES = 16  # files per task: amortises per-call table overhead; memory stays ~16 articles


@dataclass
class Result:
    """A table plus the files that failed."""

    table: pd.DataFrame
    errors: pd.DataFrame = field(default_factory=lambda: _errors_table([]))
    n_files: int = 0
    n_words: int = 0


# --------------------------------------------------------------------------- one file, under a time limit


class FileTimeout(BaseException):
    """A file's time is up. A BaseException, so that no ``except Exception`` on the way swallows it."""


def timeout_reason(seconds: float) -> str:
    """The error of a file that ran past its time limit."""
    return f"took longer than {seconds:g} s (--file-timeout)"


@contextmanager
def _deadline(seconds: float):
    """Raise :class:`FileTimeout` in this thread if the block runs longer than ``seconds`` (0: no limit)."""
    if not seconds:
        yield
    elif _alarm_available():
        with _alarm(seconds):
            yield
    else:
        with _watchdog(seconds):
            yield


def _alarm_available() -> bool:
    """SIGALRM can be used: POSIX, the main thread, and no interval timer of someone else's running."""
    return (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0))


#: after the deadline the alarm goes off again every this many seconds until the block is left: an exception raised
#: where Python cannot raise it (a ``__del__``, a garbage-collector callback) is only printed, and the file would
#: run on past its limit (seen in CI: the first alarm went off in a test library's gc callback)
ALARM_REPEAT = 0.1


@contextmanager
def _alarm(seconds: float):
    """The deadline as a SIGALRM timer that repeats every :data:`ALARM_REPEAT` seconds once it has gone off; the
    timer is stopped and the previous handler put back whatever happens."""
    def time_is_up(signum, frame):
        raise FileTimeout

    previous = signal.signal(signal.SIGALRM, time_is_up)
    signal.setitimer(signal.ITIMER_REAL, seconds, ALARM_REPEAT)
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:  # the alarm may have gone off just now: the handler is restored even then
            signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)


@contextmanager
def _watchdog(seconds: float):
    """The deadline for a thread that cannot receive signals: a watcher thread raises :class:`FileTimeout` in it
    (``PyThreadState_SetAsyncExc``) once the time is up and again every :data:`ALARM_REPEAT` seconds until the block
    is left (an exception raised in a garbage-collector callback is only printed: seen in CI, under a distributed
    worker); it is disarmed first thing when the block is left, and a raise not yet delivered is withdrawn."""
    target, lock, state, left = threading.get_ident(), threading.Lock(), {"armed": True}, threading.Event()

    def watch():
        if left.wait(seconds):
            return
        while True:
            with lock:
                if not state["armed"]:
                    return
                _raise_in_thread(target, FileTimeout)
            if left.wait(ALARM_REPEAT):
                return

    watcher = threading.Thread(target=watch, name="framing-file-timeout", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        _disarm(lock, state)
        left.set()
        _raise_in_thread(target, None)  # withdrawn if not delivered yet: it must not hit the caller later


def _disarm(lock: threading.Lock, state: dict) -> None:
    """``state["armed"] = False`` under ``lock``, even when a last :class:`FileTimeout` lands on the way."""
    while True:
        try:
            with lock:
                state["armed"] = False
            return
        except FileTimeout:
            continue


def _raise_in_thread(thread_id: int, exc: type[BaseException] | None) -> None:
    """Raise ``exc`` in the thread ``thread_id`` at its next bytecode (None: cancel a pending one)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


def _options_key(options: dict) -> tuple:
    return tuple(sorted(options.items()))


@cache
def _empty_table(command: str, options_key: tuple) -> pd.DataFrame:
    """``command``'s table with no rows (its columns).

    Computing it on a short article loads every word list and model the command
    uses, once per process, so a file's time limit counts only the file's own work.
    """
    doc = document_from_text(_WARM_UP_TEXT, "warm-up")
    return COMMANDS[command]([doc], dict(options_key)).iloc[0:0]


def _attempt(path: str, doc_id: str, seconds: float, file_timeout: float, work: Callable[[], object]) -> tuple:
    """``work()`` for the file (or table row) ``path`` within ``seconds`` (0: no limit) -> ``(value, None)``,
    or ``(None, error row)`` when it ran out of time or failed."""
    try:
        with _deadline(seconds):
            return work(), None
    except FileTimeout:
        return None, error_row(path, timeout_reason(file_timeout), doc_id)
    except CorpusError as e:
        return None, error_row(path, e.reason, doc_id)
    except Exception as e:  # noqa: BLE001 -- a bug on odd input must not end the run, nor vanish
        return None, error_row(path, f"processing failed: {type(e).__name__}: {e}", doc_id)


def _read_document(path: str, meta: dict | None, max_bytes: int):
    return read_item(path, meta, max_bytes=max_bytes)


def _no_announcement(seconds: float, index: int | None) -> None:
    pass


def process_chunk(task: tuple, on_limit: Callable[[float, int | None], None] = _no_announcement) -> tuple:
    """Worker: ``(command, [(path, meta), ...], max_bytes, options, file_timeout)`` -> ``(table or None, errors,
    n_words)``.

    Each file is read and segmented within its time limit, then the documents'
    rows are computed (:func:`_rows`). ``on_limit(seconds, i)`` is told of each
    limit as it starts: for file ``i`` of the chunk, or ``None`` for several files
    together (the parent of a worker process watches these).
    """
    command, items, max_bytes, options, file_timeout = task
    _empty_table(command, _options_key(options))  # word lists load here, outside the files' time limits
    docs, errors = [], []  # docs: (position in the chunk, document, seconds of its limit left; 0: no limit)
    for i, (path, meta) in enumerate(items):
        on_limit(file_timeout, i)
        started = time.monotonic()
        doc, error = _attempt(path, item_doc_id(path, meta), file_timeout, file_timeout,
                              partial(_read_document, path, meta, max_bytes))
        if error:
            errors.append(error)
        else:
            docs.append((i, doc, file_timeout and max(file_timeout - (time.monotonic() - started), 1e-3)))
    if not docs:
        return None, errors, 0
    table, more_errors, n_words = _rows(command, docs, options, file_timeout, on_limit)
    return table, errors + more_errors, n_words


def _rows(command: str, docs: list, options: dict, file_timeout: float, on_limit) -> tuple:
    """The rows of ``docs`` (``(i, document, seconds left)``) -> ``(table or None, errors, n_words)``.

    First all together, within one file's limit: one call amortises the tables'
    per-call overhead. If that fails or is not enough, each document alone within
    what is left of its own limit, so that a slow or failing file is an error row
    and the others keep their rows. Every table is a function of one document at
    a time, so the rows are the same either way.
    """
    on_limit(file_timeout, docs[0][0] if len(docs) == 1 else None)
    together = partial(COMMANDS[command], [doc for _, doc, _ in docs], options)
    table, failed = _attempt(docs[0][1].path, docs[0][1].doc_id, file_timeout, file_timeout, together)
    if failed is None:
        return table, [], sum(len(doc.tokens) for _, doc, _ in docs)
    results = []
    for i, doc, seconds in docs:
        on_limit(seconds, i)
        table, error = _attempt(doc.path, doc.doc_id, seconds, file_timeout,
                                partial(COMMANDS[command], [doc], options))
        results.append((table, [error] if error else [], 0 if error else len(doc.tokens)))
    return _combine(results)


def _combine(results: list) -> tuple:
    """``(table or None, error rows, n_words)`` results, in file order -> one such result."""
    tables = [t for t, _, _ in results if t is not None]
    # empty per-document frames carry object dtypes; leave them out so dtypes do not depend
    # on which documents happened to have no rows
    tables = [t for t in tables if len(t)] or tables[:1]
    if len(tables) > 1:
        import pandas as pd

        table = pd.concat(tables, ignore_index=True)
    else:
        table = tables[0].reset_index(drop=True) if tables else None
    return table, [e for _, errors, _ in results for e in errors], sum(n for _, _, n in results)


# --------------------------------------------------------------------------- the run


def _progress(total: int, enabled: bool | None):
    if enabled is None:
        enabled = sys.stderr.isatty() and total > 1
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="file", file=sys.stderr, desc="framing", leave=False)


def _check_arguments(command: str, jobs: int, max_bytes: int, file_timeout: float) -> None:
    if command not in COMMANDS:
        raise ValueError(f"unknown command {command!r}")
    if jobs < 1:
        raise ValueError(f"--jobs must be at least 1 (got {jobs})")
    if max_bytes < 1:
        raise ValueError(f"--max-bytes must be at least 1 (got {max_bytes})")
    if not 0 <= file_timeout < math.inf:
        raise ValueError(f"--file-timeout must be 0 (no limit) or a number of seconds (got {file_timeout})")


def run(command: str, path, jobs: int = 1, scheduler: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
        progress: bool | None = None, options: dict | None = None,
        file_timeout: float = DEFAULT_FILE_TIMEOUT, inputs=None) -> Result:
    """Compute ``command``'s table for every article under ``path``.

    Parameters
    ----------
    command : one of :data:`COMMANDS`.
    path : a folder of ``.txt`` articles (``sources.csv`` beside them adds metadata), one file, or a table
        (CSV, JSONL, Parquet; see :func:`framing.corpus.list_inputs`).
    jobs : worker processes on this machine, never more than there are chunks of files (ignored with
        ``scheduler``).
    scheduler : a Dask scheduler address, or ``processes``/``threads``/``synchronous``.
    max_bytes : larger files are error rows.
    progress : show a tqdm bar on stderr; default: only when stderr is a terminal.
    options : command options: ``story`` (a story pack name or folder, for terms, quotes and
        stance), ``lexicon`` and ``replace_lexicon`` (terms).
    file_timeout : seconds one file may take (0: no limit); a file over it is an error row.
    inputs : what :func:`framing.corpus.list_inputs` made of ``path`` (default: listed here with its
        defaults); its errors (bad table rows, duplicate ids) join the errors table.
    """
    _check_arguments(command, jobs, max_bytes, file_timeout)
    inputs = inputs if inputs is not None else list_inputs(path)
    if inputs.single:  # one file: a bad file is an error, not a row
        read_article(inputs.items[0][0], max_bytes=max_bytes)
    options = dict(options or {})
    if options.get("story"):  # validate once, here; workers load the pack from its folder
        from .story import load_story

        options["story"] = str(load_story(options["story"]).folder)
    if options.get("lexicon"):  # validate once, here, so a bad lexicon is one clear error
        from .terms import load_lexicon

        load_lexicon(extra=options["lexicon"], replace=options.get("replace_lexicon", False))
    items = list(inputs.items)
    size = max(1, min(CHUNK_FILES, len(items) // (jobs * 4)))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    bar = _progress(len(items), progress)
    try:
        outputs = _execute(chunks, jobs, scheduler, (command, options, max_bytes, file_timeout),
                           bar.update if bar else _no_progress)
    finally:
        if bar:
            bar.close()
    table, errors, n_words = _combine(outputs)
    errors += inputs.errors
    if table is None:  # nothing readable: still a table with the command's columns (a header, no rows)
        table = _empty_table(command, _options_key(options)).copy()
    errors.sort(key=lambda e: e["path"])
    return Result(table, _errors_table(errors), len(items) + len(inputs.errors), n_words)


def _errors_table(rows: list[dict]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(rows, columns=ERROR_COLUMNS)


def _no_progress(n_files: int) -> None:
    pass


def _task(chunk: list, config: tuple) -> tuple:
    """The :func:`process_chunk` task of a chunk of ``(path, meta)`` items."""
    command, options, max_bytes, file_timeout = config
    return command, chunk, max_bytes, options, file_timeout


def _execute(chunks: list, jobs: int, scheduler: str | None, config: tuple, advance: Callable[[int], None]) -> list:
    """Every chunk's result, in file order, on the executor the arguments choose."""
    if scheduler:
        return _run_dask(chunks, scheduler, config, advance)
    if jobs == 1 or len(chunks) <= 1:
        return _run_here(chunks, config, advance)
    return _run_processes(chunks, min(jobs, len(chunks)), config, advance)


def _run_here(chunks: list, config: tuple, advance: Callable[[int], None]) -> list:
    """Every chunk in this process, in order."""
    outputs = []
    for chunk in chunks:
        outputs.append(process_chunk(_task(chunk, config)))
        advance(len(chunk))
    return outputs


# --------------------------------------------------------------------------- worker processes


_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _die_with_parent(parent_pid: int) -> None:
    """Make this worker process end when its parent does.

    Linux: the kernel sends it SIGKILL when the parent dies, however the parent
    dies. Elsewhere the worker notices between files and when it waits for work.
    """
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL))
        except (OSError, AttributeError):  # no prctl to call: best effort
            pass
    if os.getppid() != parent_pid:  # the parent died before the request took effect
        os._exit(1)


def _worker_main(conn, parent_pid: int, command: str, options: dict, max_bytes: int, file_timeout: float) -> None:
    """A worker process. Messages to the parent: ``None`` once the word lists are loaded; for each
    chunk, ``("limit", seconds, i)`` as each time limit starts (see :func:`process_chunk`) and
    ``("done", result)`` at the end. A ``None`` from the parent means stop."""
    _die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent stops the workers
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _empty_table(command, _options_key(options))

    def on_limit(seconds: float, index: int | None) -> None:
        if os.getppid() != parent_pid:  # where the parent's death does not kill us (not Linux)
            os._exit(1)
        conn.send(("limit", seconds, index))

    try:
        conn.send(None)
        for items in iter(conn.recv, None):
            conn.send(("done", process_chunk((command, items, max_bytes, options, file_timeout), on_limit)))
    except (EOFError, OSError):  # the parent has gone
        return


def _exit_description(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exit status {exitcode}"


@dataclass
class _Worker:
    """A worker process, its end of the pipe and its chunk: ``(index, path, meta)`` per file."""

    process: multiprocessing.process.BaseProcess
    conn: multiprocessing.connection.Connection
    chunk: list = field(default_factory=list)
    ready: bool = False
    limit_at: float | None = None  # when the parent stops waiting for the running step
    blame: int | None = None  # the file of the chunk the running step belongs to (None: several)


class _ProcessPool:
    """Worker processes on this machine, each running one chunk at a time.

    Each worker announces every time limit it starts. One still busy
    :data:`HARD_LIMIT_GRACE` seconds past the limit (its own alarm could not stop
    it), or one that dies, is killed and replaced: the file it was on becomes an
    error row and the rest of its chunk goes back to the queue. When the step
    belonged to several files, each of them goes back alone, so that the culprit
    is named by its own run.
    """

    def __init__(self, n_workers: int, config: tuple):
        self._context = multiprocessing.get_context("spawn" if sys.platform == "darwin" else "fork")
        self._config = config  # (command, options, max_bytes, file_timeout)
        self._workers: list[_Worker] = []
        for _ in range(n_workers):
            self._workers.append(self._start())

    def _start(self) -> _Worker:
        parent_end, child_end = self._context.Pipe()
        process = self._context.Process(target=_worker_main, args=(child_end, os.getpid(), *self._config),
                                        daemon=True)
        process.start()
        child_end.close()
        return _Worker(process, parent_end)

    def run(self, queue: deque, on_chunk: Callable[[list, tuple], None]) -> None:
        """Run every chunk of ``queue``; ``on_chunk(chunk, result)`` receives each chunk's result."""
        while queue or any(w.chunk for w in self._workers):
            for w in list(self._workers):
                if w.ready and not w.chunk and queue:
                    self._dispatch(w, queue)
            readable = multiprocessing.connection.wait([w.conn for w in self._workers], self._time_to_next_limit())
            for w in list(self._workers):
                if w.conn in readable:
                    self._receive(w, on_chunk, queue)
            self._replace_overdue(on_chunk, queue)

    def _dispatch(self, w: _Worker, queue: deque) -> None:
        chunk = queue.popleft()
        try:
            w.conn.send([(path, meta) for _, path, meta in chunk])
        except OSError:  # it died while idle: the chunk goes back untouched
            queue.appendleft(chunk)
            self._restart(w)
            return
        w.chunk, w.limit_at, w.blame = chunk, None, None

    def _receive(self, w: _Worker, on_chunk, queue: deque) -> None:
        try:
            while w.conn.poll():
                message = w.conn.recv()
                if message is None:
                    w.ready = True
                elif message[0] == "limit":
                    _, seconds, w.blame = message
                    w.limit_at = time.monotonic() + seconds + HARD_LIMIT_GRACE if seconds else None
                else:
                    chunk, w.chunk, w.limit_at = w.chunk, [], None
                    on_chunk(chunk, message[1])
        except (EOFError, OSError):  # the worker died
            w.process.join(timeout=1)
            self._replace(w, f"the worker process stopped on this file ({_exit_description(w.process.exitcode)})",
                          on_chunk, queue)

    def _time_to_next_limit(self) -> float | None:
        limits = [w.limit_at for w in self._workers if w.limit_at is not None]
        return max(0.0, min(limits) - time.monotonic()) if limits else None

    def _replace_overdue(self, on_chunk, queue: deque) -> None:
        for w in list(self._workers):
            if w.limit_at is not None and time.monotonic() > w.limit_at:
                self._replace(w, timeout_reason(self._config[3]), on_chunk, queue)

    def _replace(self, w: _Worker, reason: str, on_chunk, queue: deque) -> None:
        """Kill ``w``, settle its chunk (see the class docstring) and start another worker in its place."""
        blame = 0 if len(w.chunk) == 1 else w.blame
        if w.chunk and blame is not None:
            _, path, meta = w.chunk[blame]
            on_chunk([w.chunk[blame]], (None, [error_row(path, reason, item_doc_id(path, meta))], 0))
            rest = w.chunk[:blame] + w.chunk[blame + 1:]
            if rest:
                queue.appendleft(rest)
        else:
            queue.extendleft([item] for item in reversed(w.chunk))
        self._restart(w)

    def _restart(self, w: _Worker) -> None:
        self._kill(w)
        if not w.ready:
            raise CorpusError(f"a worker process could not start ({_exit_description(w.process.exitcode)})")
        self._workers[self._workers.index(w)] = self._start()

    @staticmethod
    def _kill(w: _Worker) -> None:
        if w.process.is_alive():
            w.process.kill()
        w.process.join()
        w.conn.close()

    def close(self) -> None:
        """Stop every worker (idle ones are asked to, busy ones killed) and reap them all."""
        idle = [w for w in self._workers if w.ready and not w.chunk]
        for w in idle:
            try:
                w.conn.send(None)
            except OSError:
                pass
        for w in self._workers:
            if w in idle:
                w.process.join(timeout=2)
            self._kill(w)


def _run_processes(chunks: list, n_workers: int, config: tuple, advance: Callable[[int], None]) -> list:
    """Every chunk on ``n_workers`` worker processes -> the results, in file order."""
    queue, start = deque(), 0
    for chunk in chunks:
        queue.append([(start + i, path, meta) for i, (path, meta) in enumerate(chunk)])
        start += len(chunk)
    results = []  # (index of the chunk's first file, result)

    def on_chunk(chunk: list, result: tuple) -> None:
        results.append((chunk[0][0], result))
        advance(len(chunk))

    pool = _ProcessPool(n_workers, config)
    try:
        pool.run(queue, on_chunk)
    finally:
        pool.close()
    return [result for _, result in sorted(results, key=lambda r: r[0])]


# --------------------------------------------------------------------------- Dask


def _run_dask(chunks: list, scheduler: str, config: tuple, advance: Callable[[int], None]) -> list:
    """Every chunk on Dask -> the results, in order."""
    try:
        import dask.bag as db
    except ImportError:  # pragma: no cover
        raise CorpusError("Dask is not installed: pip install 'framing[dask]'") from None
    tasks = [_task(chunk, config) for chunk in chunks]
    if scheduler not in ("processes", "threads", "synchronous"):
        return _run_distributed(tasks, scheduler, advance)
    from concurrent.futures.process import BrokenProcessPool

    bag = db.from_sequence(tasks, npartitions=max(1, min(len(tasks), 64)))
    kwargs = {}
    if scheduler == "processes":
        # a task is already a chunk of files: handed out one at a time (dask's default batches 6)
        kwargs = {"num_workers": min(os.cpu_count() or 1, len(tasks)), "chunksize": 1,
                  "initializer": partial(_die_with_parent, os.getpid())}
    try:
        outputs = bag.map(process_chunk).compute(scheduler=scheduler, **kwargs)
    except BrokenProcessPool:
        raise CorpusError("a Dask worker process died; the run was stopped") from None
    advance(sum(len(chunk) for chunk in chunks))
    return outputs


def _run_distributed(tasks: list, address: str, advance: Callable[[int], None]) -> list:
    """Every task on a ``distributed`` cluster, one future each, watching that the cluster keeps workers."""
    from concurrent.futures import CancelledError

    from distributed import Client

    with Client(address, timeout="30s") as client:
        try:
            return _gather(client, tasks, address, advance)
        except (CancelledError, OSError) as e:  # the scheduler has gone
            raise CorpusError(f"lost the Dask scheduler at {address} ({type(e).__name__}); "
                              "the run was stopped") from None


def _gather(client, tasks: list, address: str, advance: Callable[[int], None]) -> list:
    """Submit the tasks and collect their results in order, checking the workers every second."""
    from distributed import wait

    futures = client.map(process_chunk, tasks, pure=False)
    position = {f.key: i for i, f in enumerate(futures)}
    outputs: list = [None] * len(tasks)
    pending = set(futures)
    check_workers = _workers_watch(client, address)
    while pending:
        try:
            done = wait(pending, timeout=1.0, return_when="FIRST_COMPLETED").done
        except TimeoutError:
            done = set()
        for f in done:
            i = position[f.key]
            outputs[i] = _future_output(f, tasks[i][1], check_workers)
            advance(len(tasks[i][1]))
        pending -= done
        check_workers()
    return outputs


def _workers_watch(client, address: str) -> Callable[[], None]:
    """A check to call while waiting: raises :class:`CorpusError` once the cluster has had no
    workers for :data:`NO_WORKERS_TIMEOUT` seconds (tasks would wait for one forever)."""
    last_seen = time.monotonic()

    def check() -> None:
        nonlocal last_seen
        if client.scheduler_info(n_workers=1)["workers"]:
            last_seen = time.monotonic()
        elif time.monotonic() - last_seen > NO_WORKERS_TIMEOUT:
            raise CorpusError(f"the Dask cluster at {address} has had no workers for {NO_WORKERS_TIMEOUT:g} s; "
                              "the run was stopped (start workers, or run without --scheduler)")

    return check


def _future_output(future, chunk: list, check_workers: Callable[[], None]) -> tuple:
    """A finished future's chunk result; a failed or cancelled one's files as error rows.

    A result can be lost after it finished (its worker died before the client fetched it): the
    scheduler then recomputes it, so the fetch waits in steps of a second, checking the workers."""
    if future.status == "finished":
        while True:
            try:
                return future.result(timeout=1.0)
            except TimeoutError:
                check_workers()
    from distributed import KilledWorker

    if future.status == "cancelled":
        reason = "the Dask task was cancelled"
    else:
        e = future.exception()
        reason = ("the Dask workers kept dying on this file's chunk (KilledWorker)" if isinstance(e, KilledWorker)
                  else f"the Dask task failed: {type(e).__name__}: {e}")
    return None, [error_row(path, reason, item_doc_id(path, meta)) for path, meta in chunk], 0
