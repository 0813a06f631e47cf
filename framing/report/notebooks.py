"""Execute the study's notebooks reproducibly.

One routine serves three uses, so they can never disagree about the bytes:
``make notebooks`` (re-execute in place), the freshness check of ``make test``
(execute to memory and compare with the committed file) and ``framing report``
(execute against another corpus and render HTML).

Determinism: ``PYTHONHASHSEED=0`` in the kernel, no timing metadata, the kernel
is the Python running this code, outputs written with :func:`nbformat.write`.
"""
from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import nbformat

NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"
CORPUS_ENV = "FRAMING_CORPUS"
STORY_ENV = "FRAMING_STORY"  # the story pack the notebooks apply; "" = none (generic data only)
KEEP = object()  # execute(story=KEEP): the notebook's own default (the seeds' pack)


def notebook_paths(folder: str | Path = NOTEBOOK_DIR) -> list[Path]:
    """The numbered notebooks in reading order."""
    return sorted(p for p in Path(folder).glob("[0-9][0-9]_*.ipynb"))


def execute(path: str | Path, corpus: str | Path | None = None, timeout: int = 600, story=KEEP):
    """Execute a notebook in its own folder and return the executed ``NotebookNode``.

    Parameters
    ----------
    path : notebook file.
    corpus : folder or file of articles the notebook should read (passed as the
        ``FRAMING_CORPUS`` environment variable); ``None`` keeps the notebook's
        default (the seeds).
    story : a story pack folder or name, or None for generic data only (passed as
        ``FRAMING_STORY``); by default the notebook's own (the seeds' pack).
    """
    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    env_backup = dict(os.environ)
    try:
        os.environ["PYTHONHASHSEED"] = "0"
        os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
        os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
        os.environ.pop(CORPUS_ENV, None)
        os.environ.pop(STORY_ENV, None)
        if corpus is not None:
            os.environ[CORPUS_ENV] = str(Path(corpus).resolve())
        if story is not KEEP:
            os.environ[STORY_ENV] = "" if story is None else str(story)
        client = NotebookClient(
            nb, timeout=timeout, kernel_name="python3", record_timing=False,
            resources={"metadata": {"path": str(path.parent)}},
        )
        client.execute()
    finally:
        os.environ.clear()
        os.environ.update(env_backup)
    return nb


def dumps(nb) -> str:
    """The notebook serialised exactly as it is committed."""
    buf = io.StringIO()
    nbformat.write(nb, buf)
    return buf.getvalue()


def refresh(paths=None) -> list[Path]:
    """Re-execute notebooks in place; return those whose bytes changed."""
    changed = []
    for p in paths or notebook_paths():
        new = dumps(execute(p))
        if Path(p).read_text(encoding="utf-8") != new:
            Path(p).write_text(new, encoding="utf-8")
            changed.append(Path(p))
    return changed


def stale(paths=None) -> list[Path]:
    """Notebooks whose committed outputs differ from a fresh execution (nothing is written)."""
    return [Path(p) for p in (paths or notebook_paths())
            if Path(p).read_text(encoding="utf-8") != dumps(execute(p))]


def main(argv=None) -> int:
    """``python -m framing.report.notebooks refresh|check``."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m framing.report.notebooks")
    ap.add_argument("action", choices=["refresh", "check"])
    ap.add_argument("paths", nargs="*")
    a = ap.parse_args(argv)
    paths = [Path(p) for p in a.paths] or notebook_paths()
    if a.action == "refresh":
        for p in refresh(paths):
            print(f"updated {p}")
        return 0
    bad = stale(paths)
    for p in bad:
        print(f"stale: {p} differs from a fresh execution; run `make notebooks` and commit", file=sys.stderr)
    if not bad:
        print(f"notebooks fresh: {len(paths)} re-executed, outputs identical to the committed files")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
