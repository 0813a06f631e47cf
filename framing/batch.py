"""Run a table command over many articles: streamed, in parallel, or on Dask.

Every table of the package is computed one document at a time, so a corpus is
processed as a stream of files: a worker reads one file, builds its
:class:`~framing.corpus.Document`, computes that document's rows and lets the
text go. Memory is bounded by the largest article plus the output rows, not by
the corpus.

Three executors give identical tables (rows are put back in file order):

- ``jobs=1``: in this process;
- ``jobs=N``: N worker processes on this machine (``multiprocessing``);
- ``scheduler=ADDRESS``: a Dask cluster (``dask.bag`` over file paths; a
  ``distributed`` scheduler address such as ``tcp://10.0.0.5:8786``, or
  ``"processes"`` / ``"threads"`` / ``"synchronous"`` for Dask's local schedulers).

Files are handed to workers in chunks of up to :data:`CHUNK_FILES`. A file that
cannot be read or processed becomes a row of the errors table
(path, doc_id, error); it never stops the run and is never silently dropped.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd

from .corpus import DEFAULT_MAX_BYTES, CorpusError, document_from_text, list_articles, read_article

ERROR_COLUMNS = ["path", "doc_id", "error"]


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
        lex = load_lexicon(extra=options["lexicon"], replace=options.get("replace_lexicon", False))
    return term_hits(docs, lexicon=lex)


def _rows_quotes(docs, options):
    from .quotes import quotes_table

    return quotes_table(docs)


def _rows_stance(docs, options):
    from .stance import stance_table

    return stance_table(docs)


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
    errors: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ERROR_COLUMNS))
    n_files: int = 0
    n_words: int = 0


def process_chunk(task: tuple) -> tuple:
    """Worker: ``(command, [(path, meta), ...], max_bytes, options)`` -> ``(table or None, errors, n_words)``.

    Every table is a function of one document at a time, so computing a chunk's
    documents together gives exactly the rows of computing them one by one.
    """
    command, items, max_bytes, options = task
    docs, errors = [], []
    for path, meta in items:
        path = Path(path)
        try:
            text = read_article(path, max_bytes=max_bytes)
            docs.append(document_from_text(text, path.stem, meta=meta, path=str(path)))
        except CorpusError as e:
            errors.append({"path": str(path), "doc_id": path.stem, "error": str(e).split(": ", 1)[-1]})
        except Exception as e:  # a bug on odd input must not end the run, nor vanish
            errors.append({"path": str(path), "doc_id": path.stem,
                           "error": f"processing failed: {type(e).__name__}: {e}"})
    if not docs:
        return None, errors, 0
    try:
        table = COMMANDS[command](docs, options)
    except Exception:
        # find the document that fails, keep the others
        parts = []
        for d in docs:
            try:
                parts.append(COMMANDS[command]([d], options))
            except Exception as e:
                errors.append({"path": d.path, "doc_id": d.doc_id,
                               "error": f"processing failed: {type(e).__name__}: {e}"})
        parts = [t for t in parts if len(t)] or parts[:1]
        table = pd.concat(parts, ignore_index=True) if parts else None
    return table, errors, sum(len(d.tokens) for d in docs)


def _progress(total: int, enabled: bool | None):
    if enabled is None:
        enabled = sys.stderr.isatty() and total > 1
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="file", file=sys.stderr, desc="framing", leave=False)


def run(command: str, path, jobs: int = 1, scheduler: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
        progress: bool | None = None, options: dict | None = None) -> Result:
    """Compute ``command``'s table for every article under ``path``.

    Parameters
    ----------
    command : one of :data:`COMMANDS`.
    path : a folder of ``.txt`` articles (``sources.csv`` beside them adds metadata) or one file.
    jobs : worker processes on this machine (ignored with ``scheduler``).
    scheduler : a Dask scheduler address, or ``processes``/``threads``/``synchronous``.
    progress : show a tqdm bar on stderr; default: only when stderr is a terminal.
    options : command options (``lexicon``, ``replace_lexicon`` for terms).
    """
    if command not in COMMANDS:
        raise ValueError(f"unknown command {command!r}")
    if jobs < 1:
        raise ValueError(f"--jobs must be at least 1 (got {jobs})")
    files, sources = list_articles(path)
    if Path(path).is_file():  # one file: a bad file is an error, not a row
        read_article(files[0], max_bytes=max_bytes)
    options = dict(options or {})
    if options.get("lexicon"):  # validate once, here, so a bad lexicon is one clear error
        from .terms import load_lexicon

        load_lexicon(extra=options["lexicon"], replace=options.get("replace_lexicon", False))
    items = [(str(f), sources.get(f.stem)) for f in files]
    size = max(1, min(CHUNK_FILES, len(items) // max(1, jobs * 4)))
    tasks = [(command, items[i:i + size], max_bytes, options) for i in range(0, len(items), size)]
    bar = _progress(len(items), progress)
    if scheduler:
        outputs = _run_dask(tasks, scheduler)
        if bar:
            bar.update(len(items))
    elif jobs == 1 or len(tasks) == 1:
        outputs = []
        for t in tasks:
            outputs.append(process_chunk(t))
            if bar:
                bar.update(len(t[1]))
    else:
        import multiprocessing as mp

        ctx = mp.get_context("spawn" if sys.platform == "darwin" else "fork")
        with ctx.Pool(jobs) as pool:
            outputs = []
            for t, out in zip(tasks, pool.imap(process_chunk, tasks)):
                outputs.append(out)
                if bar:
                    bar.update(len(t[1]))
    if bar:
        bar.close()
    tables = [o[0] for o in outputs if o[0] is not None]
    # empty per-document frames carry object dtypes; leave them out so dtypes do not depend
    # on which documents happened to have no rows
    tables = [t for t in tables if len(t)] or tables[:1]
    errors = sorted((e for o in outputs for e in o[1]), key=lambda e: e["path"])
    if tables:
        table = pd.concat(tables, ignore_index=True)
    else:  # nothing readable: still a table with the command's columns (a header, no rows)
        table = COMMANDS[command]([document_from_text(".", "empty")], options).iloc[0:0]
    return Result(table, pd.DataFrame(errors, columns=ERROR_COLUMNS), len(items), sum(o[2] for o in outputs))


def _run_dask(tasks: list, scheduler: str) -> list:
    try:
        import dask.bag as db
    except ImportError:  # pragma: no cover
        raise CorpusError("Dask is not installed: pip install 'framing[dask]'") from None
    bag = db.from_sequence(tasks, npartitions=max(1, min(len(tasks), 64)))
    if scheduler in ("processes", "threads", "synchronous"):
        return bag.map(process_chunk).compute(scheduler=scheduler)
    from distributed import Client

    with Client(scheduler, timeout="30s") as client:
        return bag.map(process_chunk).compute(scheduler=client)


def default_jobs() -> int:
    return max(1, (os.cpu_count() or 1))
