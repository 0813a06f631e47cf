"""Command line: ``framing COMMAND PATH [--format csv|json] [--out FILE]``.

Tables go to stdout (or ``--out``). Bad input gets one line on stderr naming the
file and the problem, exit status 2, no traceback. In a folder, files that
cannot be read are reported one line each on stderr (and with ``--errors FILE``
as a table); the good articles are still processed, and the exit status is 2 so
that no failure passes silently.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .corpus import DEFAULT_MAX_BYTES, CorpusError

EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, no usage dump
        self.exit(EXIT_BAD_INPUT, f"framing: {message} (see framing --help)\n")


TABLES = {
    "corpus": "one row per document: metadata, lengths, removed characters, flags",
    "segments": "one row per block: doc_id, start, end, role, reason",
    "terms": "one row per loaded-term hit: doc_id, start, end, text, term, category, voice",
    "quotes": "one row per quote: doc_id, start, end, text, kind, speaker, speaker_role, cue",
    "stance": "one row per document: stance features, alarm_index, frame",
}


def _parser() -> argparse.ArgumentParser:
    ap = _Parser(prog="framing", description="Measure how news articles frame a story; every number is a span.")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, help_ in TABLES.items():
        p = sub.add_parser(name, help=help_, description=help_)
        p.add_argument("path", metavar="PATH", help="a folder of .txt articles (sources.csv beside them is optional) or one file")
        p.add_argument("--format", default="csv", help="csv (default) or json")
        p.add_argument("--out", metavar="FILE", help="write the table here instead of stdout")
        p.add_argument("--errors", metavar="FILE", help="also write the unreadable files as a CSV table")
        p.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
        p.add_argument("--scheduler", metavar="ADDRESS",
                       help="run on Dask: a distributed scheduler address (tcp://host:8786) or processes/threads")
        p.add_argument("--progress", choices=["auto", "on", "off"], default="auto",
                       help="progress bar on stderr (auto: when stderr is a terminal)")
        p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                       help=f"skip (and report) files larger than this (default {DEFAULT_MAX_BYTES:,})")
        if name == "terms":
            p.add_argument("--lexicon", metavar="FILE", help="an analyst's lexicon CSV that adds categories")
            p.add_argument("--replace-lexicon", action="store_true",
                           help="with --lexicon: its categories replace the packaged ones of the same name")
    r = sub.add_parser("report", help="execute the notebooks and write an offline HTML site",
                       description="Execute the notebooks against PATH and write DIR/index.html plus one page per notebook.")
    r.add_argument("path", metavar="PATH", nargs="?", default="seeds", help="articles to study (default: seeds)")
    r.add_argument("--out", metavar="DIR", default="reports", help="output folder (default: reports)")
    return ap


def _write(df, fmt: str, out: str | None) -> None:
    if fmt == "csv":
        text = df.to_csv(index=False, lineterminator="\n")
    else:
        import json

        text = json.dumps(json.loads(df.to_json(orient="records")), ensure_ascii=False, indent=1) + "\n"
    if out:
        Path(out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    if not args.command:
        _parser().print_help()
        return EXIT_BAD_INPUT
    try:
        if args.command == "report":
            from .report import build_report

            from nbclient.exceptions import CellExecutionError

            try:
                build_report(args.path, args.out, progress=lambda m: print(f"framing: {m}", file=sys.stderr))
            except CellExecutionError as e:
                last = [ln for ln in str(e).strip().splitlines() if ln.strip()][-1:]
                print(f"framing: a notebook failed on {args.path}: {' '.join(last)}", file=sys.stderr)
                return 1
            return 0
        if args.format not in ("csv", "json"):
            raise CorpusError(f"unknown --format {args.format!r}: use csv or json")
        for opt in ("out", "errors"):
            f = getattr(args, opt)
            if f and Path(f).is_dir():
                raise CorpusError(f"{f}: --{opt} names a folder; give a file name")
            if f and not Path(f).parent.exists():
                raise CorpusError(f"{f}: the folder for --{opt} does not exist")
        from .batch import run

        options = {"lexicon": getattr(args, "lexicon", None),
                   "replace_lexicon": getattr(args, "replace_lexicon", False)}
        res = run(args.command, args.path, jobs=args.jobs, scheduler=args.scheduler, max_bytes=args.max_bytes,
                  progress={"auto": None, "on": True, "off": False}[args.progress], options=options)
        _write(res.table, args.format, args.out)
        for e in res.errors.itertuples():
            print(f"framing: {e.path}: {e.error}", file=sys.stderr)
        if args.errors:
            res.errors.to_csv(args.errors, index=False)
        if len(res.errors):
            print(f"framing: {res.n_files - len(res.errors)} of {res.n_files} files processed, "
                  f"{len(res.errors)} reported as errors", file=sys.stderr)
        return EXIT_BAD_INPUT if len(res.errors) else 0
    except (CorpusError, ValueError) as e:
        print(f"framing: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as e:  # unwritable --out, unreachable --scheduler, ...
        where = f"{e.filename}: " if getattr(e, "filename", None) else ""
        print(f"framing: {where}{e.strerror or e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `framing terms seeds | head`
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
