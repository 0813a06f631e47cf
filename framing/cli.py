"""Command line: ``framing COMMAND PATH [--format csv|json] [--out FILE]``.

Tables go to stdout (or ``--out``; ``--out -`` is stdout too). Bad input or a
usage error gets one line on stderr naming the file and the problem, exit status
2, no traceback, nothing written. In a folder (or a table), files (rows) that
cannot be read are reported one line each on stderr (and with ``--errors FILE``
as a table); the good articles are still processed and written, and the exit
status is 1 so that no failure passes silently.

Every message is one line: names are shown with control characters and bytes
that are not UTF-8 escaped (:func:`framing.safe.one_line`). Output files are
written whole or not at all (a temporary file renamed into place). SIGTERM is
handled like Ctrl-C: no traceback, exit status 143 (130 for Ctrl-C), and no
worker process left behind.
"""
from __future__ import annotations

import argparse
import contextlib
import logging
import math
import os
import signal
import stat
import sys
import tempfile
from pathlib import Path

from .batch import DEFAULT_FILE_TIMEOUT, NO_WORKERS_TIMEOUT, run
from .corpus import DEFAULT_MAX_BYTES, CorpusError, list_inputs, table_format
from .safe import one_line

EXIT_SOME_FAILED = 1  # the output was written, but some files (or rows, or report parts) failed
EXIT_BAD_INPUT = 2  # usage error or unusable input: nothing was written
EXIT_TERMINATED = 128 + signal.SIGTERM
EXIT_INTERRUPTED = 128 + signal.SIGINT


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, no usage dump
        self.exit(EXIT_BAD_INPUT, f"framing: {one_line(message)} (see framing --help)\n")


def _at_least_one(text: str) -> int:
    """argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 (got {value})")
    return value


def _seconds(text: str) -> float:
    """argparse type: 0 (no limit) or a positive number of seconds."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if not 0 <= value < math.inf:
        raise argparse.ArgumentTypeError(f"must be 0 (no limit) or a positive number of seconds (got {text})")
    return value


STORY_HELP = ("a story pack: a shipped name (see `framing stories`) or a folder of the same shape; "
              "default: none, only generic data is used")


TABLES = {
    "corpus": "one row per document: metadata, lengths, removed characters, doc_flags",
    "segments": "one row per block: doc_id, start, end, role, reason",
    "terms": "one row per loaded-term hit (lexicon row or model word): doc_id, start, end, text, term, category, "
             "voice, source, score",
    "quotes": "one row per quote: doc_id, start, end, text, kind, speaker, speaker_role, cue",
    "stance": "one row per document: stance features, alarm_index, frame",
}


# The columns each table command writes, in order (`--help` shows them; tests/test_cli.py checks them
# against the tables the commands write).
COLUMNS = {
    "corpus": ["doc_id", "title", "outlet", "date", "n_chars", "n_body_chars", "n_article_chars", "n_removed_chars",
               "n_sentences", "n_tokens", "title_source", "date_source", "doc_flags", "language", "assessable",
               "not_assessed_reason"],
    "segments": ["doc_id", "start", "end", "role", "reason", "n_chars", "text"],
    "terms": ["doc_id", "start", "end", "text", "term", "category", "direction", "loaded", "voice", "speaker",
              "source", "score"],
    "quotes": ["doc_id", "start", "end", "text", "kind", "speaker", "speaker_role", "side", "cue", "speaker_type",
               "quote_flags", "speaker_id", "speaker_kind", "role_evidence", "in_boilerplate", "n_words"],
    "stance": ["doc_id", "n_tokens", "n_sentences"]
              + [f"{pre}{cat}_{voice}{post}" for cat in ("threat", "skeptic", "sovereignty", "fear", "hedge", "booster",
                                                         "distancing")
                 for voice in ("authorial", "quoted") for pre, post in (("n_", ""), ("", "_per_1k"))]
              + ["loaded_authorial", "loaded_quoted", "loaded_writer_share", "quoted_words", "quoted_words_warns",
                 "quoted_words_defends", "quoted_words_neutral", "quoted_words_unknown", "quoted_words_no_speaker",
                 "n_quotes_side_inferred", "sided_words", "warn_share_quoted", "no_speaker_share", "lede_threat",
                 "lede_fear", "lede_skeptic", "lede_sovereignty", "lede_net_cues", "language", "assessable",
                 "not_assessed_reason", "handset_index", "handset_frame", "handset_basis", "n_frame_cues",
                 "n_voices_warn", "n_voices_counter", "w_threat_asserted", "w_threat_hedged", "w_appeal",
                 "w_dismissal", "w_reassurance", "s_alarm", "s_counter", "warn_share", "headline_net", "lede_net",
                 "last_net", "alarm_index", "p_alarmist", "p_neutral", "p_skeptical", "frame", "index_basis"],
}
# with --story, stance adds two columns per tone target of the pack, after lede_net_cues
STANCE_STORY_COLUMNS = ("vader_TARGET", "n_sent_TARGET")
COLUMNS_HEADING = "columns written, in order:"

EXIT_HELP = """exit status:
  0    done: every file (or table row) was processed
  1    the output was written, but some files or rows (for report: some parts) failed; each is named on
       stderr, and --errors FILE writes them as a table
  2    usage error or unusable input (missing path, empty folder, unknown column, bad option): one line
       on stderr, nothing written
  130  interrupted (Ctrl-C); 143: terminated (SIGTERM)"""


def _columns_epilog(name: str) -> str:
    import textwrap

    text = textwrap.fill(", ".join(COLUMNS[name]), width=100, initial_indent="  ", subsequent_indent="  ",
                         break_on_hyphens=False, break_long_words=False)
    more = ""
    if name == "stance":
        more = ("\n  with --story, after lede_net_cues: " + " and ".join(STANCE_STORY_COLUMNS)
                + " for each tone target of the pack")
    return f"{COLUMNS_HEADING}\n{text}{more}\n\n{EXIT_HELP}"


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    raw = argparse.RawDescriptionHelpFormatter
    ap = _Parser(prog="framing", description="Measure how news articles frame a story; every number is a span.",
                 epilog=EXIT_HELP, formatter_class=raw)
    ap.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, help_ in TABLES.items():
        p = sub.add_parser(name, help=help_, description=help_, epilog=_columns_epilog(name), formatter_class=raw)
        p.add_argument("path", metavar="PATH",
                       help="a folder of .txt articles (sources.csv beside them is optional), one .txt file, or a "
                            "table with one article per row (.csv, .tsv, .jsonl, .parquet)")
        p.add_argument("--text-column", default="text", metavar="NAME",
                       help="a table's column of article text (default: text)")
        p.add_argument("--id-column", metavar="NAME",
                       help="a table's column of document ids (default: doc_id when there is one, else the row "
                            "number); title, outlet and date columns are used when present")
        p.add_argument("--recursive", action="store_true",
                       help="also read the .txt files of subfolders (doc_id: the path below PATH, without .txt)")
        p.add_argument("--format", default="csv", help="csv (default) or json")
        p.add_argument("--out", metavar="FILE", help="write the table here instead of stdout ('-': stdout)")
        p.add_argument("--errors", metavar="FILE",
                       help="also write the files (rows) that failed as a CSV table: path, doc_id, error")
        p.add_argument("--jobs", type=_at_least_one, default=1, metavar="N",
                       help="worker processes (default 1); never more than there are chunks of files to give "
                            "them, so never more than the files")
        p.add_argument("--file-timeout", type=_seconds, default=DEFAULT_FILE_TIMEOUT, metavar="SECONDS",
                       help="time limit per file: a file still running after it becomes an error row and the "
                            f"run goes on (default {DEFAULT_FILE_TIMEOUT:g}; 0 = no limit)")
        p.add_argument("--scheduler", metavar="ADDRESS",
                       help="run on Dask: a distributed scheduler address (tcp://host:8786) or processes/threads; "
                            f"a cluster left with no workers for {NO_WORKERS_TIMEOUT:g} s stops the run")
        p.add_argument("--progress", choices=["auto", "on", "off"], default="auto",
                       help="progress bar on stderr (auto: when stderr is a terminal)")
        p.add_argument("--max-bytes", type=_at_least_one, default=DEFAULT_MAX_BYTES,
                       help=f"skip (and report) files larger than this (default {DEFAULT_MAX_BYTES:,})")
        if name in ("terms", "quotes", "stance"):
            p.add_argument("--story", metavar="NAME|DIR", help=STORY_HELP)
        if name == "terms":
            p.add_argument("--lexicon", metavar="FILE", help="an analyst's lexicon CSV that adds categories")
            p.add_argument("--replace-lexicon", action="store_true",
                           help="with --lexicon: its categories replace the packaged ones of the same name")
            p.add_argument("--no-model", action="store_true",
                           help="lexicon hits only: leave out the loaded-word model's hits (category model) "
                                "and scores")
    r = sub.add_parser("report", help="execute the notebooks and write an offline HTML site",
                       description="Execute the notebooks against PATH and write DIR/index.html plus one page "
                                   "per notebook.", epilog=EXIT_HELP, formatter_class=raw)
    r.add_argument("path", metavar="PATH", nargs="?", default="seeds",
                   help="articles to study: a folder of .txt articles, one .txt file, or a table with one article "
                        "per row (.csv, .tsv, .jsonl, .parquet) (default: seeds)")
    r.add_argument("--out", metavar="DIR", default="reports", help="output folder (default: reports)")
    r.add_argument("--story", metavar="NAME|DIR", help=STORY_HELP)
    r.add_argument("--text-column", default="text", metavar="NAME",
                   help="a table's column of article text (default: text); every notebook reads the same")
    r.add_argument("--id-column", metavar="NAME",
                   help="a table's column of document ids (default: doc_id when there is one, else the row number)")
    r.add_argument("--recursive", action="store_true",
                   help="also read the .txt files of subfolders (doc_id: the path below PATH, without .txt)")
    r.add_argument("--jobs", type=_at_least_one, default=1, metavar="N",
                   help="notebooks executed at a time, each in its own kernel (default 1; the pages are the same)")
    sub.add_parser("stories", help="list the story packs shipped with the package",
                   description="List the story packs shipped with the package (name, title, folder).")
    return ap


def _table_text(df, fmt: str) -> str:
    """The table as CSV or JSON text."""
    if fmt == "csv":
        return df.to_csv(index=False, lineterminator="\n")
    import json

    return json.dumps(json.loads(df.to_json(orient="records")), ensure_ascii=False, indent=1) + "\n"


def _write(text: str, out: str | None) -> None:
    """The table to ``--out``, or to stdout (no ``--out``, or ``--out -``)."""
    if out and out != "-":
        _write_file(out, text)
    else:
        sys.stdout.write(text)


def _write_file(target: str, text: str) -> None:
    """Write ``text`` to ``target`` whole or not at all (see :func:`_replace_file`).

    A target that exists and is not a regular file (``/dev/stdout``, a FIFO) is
    written directly.
    """
    try:
        try:
            regular = stat.S_ISREG(os.stat(target).st_mode)
        except FileNotFoundError:
            regular = True
        if regular:
            _replace_file(Path(os.path.realpath(target)), text)  # through a symbolic link, not over it
        else:
            with open(target, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
    except OSError as e:
        raise CorpusError(f"cannot write the file: {e.strerror or e}", target) from None


def _replace_file(path: Path, text: str) -> None:
    """``text`` goes to a temporary file in ``path``'s folder, moved into place (``os.replace``)
    only once complete; on any failure the temporary file is removed and an existing ``path``
    is left as it was."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _file_mode(path))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _file_mode(path: Path) -> int:
    """The permissions ``path`` has (when it exists) or a new file gets (0o666 less the umask)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)  # the only way to read it; set straight back
        os.umask(umask)
        return 0o666 & ~umask


def _identity(path) -> tuple:
    """What makes two names the same file: device and inode when it exists, else the resolved path."""
    try:
        st = os.stat(path)
    except OSError:
        return ("path", os.path.realpath(path))
    return ("inode", st.st_dev, st.st_ino)


def _check_outputs(args) -> None:
    """Refuse an ``--out`` or ``--errors`` that names a folder, a missing folder, the other one, or an input."""
    targets = {f"--{opt}": getattr(args, opt) for opt in ("out", "errors") if getattr(args, opt) not in (None, "-")}
    for opt, f in targets.items():
        if Path(f).is_dir():
            raise CorpusError(f"{opt} names a folder; give a file name", f)
        if not Path(f).parent.exists():
            raise CorpusError(f"the folder for {opt} does not exist", f)
    if len(targets) == 2 and _identity(args.out) == _identity(args.errors):
        raise CorpusError("--out and --errors name the same file; give two names", args.out)
    inputs = {_identity(f) for f in args.inputs.files}
    for opt, f in targets.items():
        if _identity(f) in inputs:
            raise CorpusError(f"{opt} names an input file, which it would overwrite; give another name", f)


def _say(message) -> None:
    """One line on stderr, whatever ``message`` holds."""
    print(f"framing: {one_line(message)}", file=sys.stderr)


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread so that it ends the run the way Ctrl-C does."""


def _on_sigterm(signum, frame):
    raise _Terminated


def _silence_dask_logs() -> None:
    """The client side of a Dask cluster logs (multi-line) tracebacks when it loses the
    scheduler or workers; the command line reports each outcome itself, in one line."""
    logging.getLogger("distributed").setLevel(logging.CRITICAL + 1)


def _report(args) -> int:
    """``framing report``: the site is written even when a part fails; each failure is one line
    on stderr and the exit status is 1 whenever anything failed."""
    from .report import build_report
    from .safe import one_line

    if args.out == "-":
        raise CorpusError("framing report writes a folder of pages: --out - (stdout) is for the table commands")

    result = build_report(args.path, args.out, story=args.story, jobs=args.jobs, text_column=args.text_column,
                          id_column=args.id_column, recursive=args.recursive,
                          progress=lambda m: print(f"framing: {one_line(m)}", file=sys.stderr))
    for f in result.failed:
        print(f"framing: {f['what']} failed on {one_line(args.path)}: {f['error']}", file=sys.stderr)
    return EXIT_SOME_FAILED if result.failed else 0


def _stories() -> int:
    """``framing stories``: one line per shipped story pack."""
    from .story import load_story, shipped_stories

    for name in shipped_stories():
        pack = load_story(name)
        print(f"{name}\t{pack.title}\t{pack.folder}")
    return 0


def _table_command(args) -> int:
    """A table command: the table, one line per failed file, the errors table; exit 1 if any file failed."""
    if args.format not in ("csv", "json"):
        raise CorpusError(f"unknown --format {args.format!r}: use csv or json")
    args.inputs = list_inputs(args.path, text_column=args.text_column, id_column=args.id_column,
                              recursive=args.recursive)
    _check_outputs(args)
    for w in args.inputs.warnings:
        _say(f"warning: {w}")
    if args.scheduler:
        _silence_dask_logs()
    options = {"story": getattr(args, "story", None), "lexicon": getattr(args, "lexicon", None),
               "replace_lexicon": getattr(args, "replace_lexicon", False),
               "model": not getattr(args, "no_model", False)}
    res = run(args.command, args.path, jobs=args.jobs, scheduler=args.scheduler, max_bytes=args.max_bytes,
              progress={"auto": None, "on": True, "off": False}[args.progress], options=options,
              file_timeout=args.file_timeout, inputs=args.inputs)
    _write(_table_text(res.table, args.format), args.out)
    for e in res.errors.itertuples():
        _say(f"{e.path}: {e.error}")
    if args.errors:
        _write_file(args.errors, res.errors.to_csv(index=False, lineterminator="\n"))
    if len(res.errors):
        unit = "rows" if args.inputs.files and table_format(args.inputs.files[0]) else "files"
        _say(f"{res.n_files - len(res.errors)} of {res.n_files} {unit} processed, "
             f"{len(res.errors)} reported as errors")
    return EXIT_SOME_FAILED if len(res.errors) else 0


def _discard_stdout() -> None:
    """After a broken pipe: stdout goes to the null device, so the final flush has nothing to complain about."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _command(args) -> int:
    """Run the parsed command; a failure is one line on stderr and exit status 2."""
    try:
        if args.command == "report":
            return _report(args)
        if args.command == "stories":
            return _stories()
        return _table_command(args)
    except (CorpusError, ValueError) as e:
        _say(e)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `framing terms seeds | head`
        _discard_stdout()
        return 0
    except OSError as e:  # unreachable --scheduler, ...
        _say(f"{e.filename}: {e.strerror or e}" if e.filename else (e.strerror or e))
        return EXIT_BAD_INPUT


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    if not args.command:
        _parser().print_help()
        return EXIT_BAD_INPUT
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return _command(args)
    except KeyboardInterrupt as e:  # Ctrl-C or SIGTERM: quietly (the workers are stopped on the way out)
        return EXIT_TERMINATED if isinstance(e, _Terminated) else EXIT_INTERRUPTED
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)


if __name__ == "__main__":
    raise SystemExit(main())
