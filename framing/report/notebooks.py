"""Execute the study's notebooks reproducibly.

The notebooks' one source is package data, ``framing/report/study/NN_*.ipynb`` (no outputs),
so ``framing report`` works wherever the package is installed. The repository's
``notebooks/`` holds the same notebooks *executed on the seeds*: they are generated from the
sources (``make notebooks``), validated by nbval and compared with a fresh execution by the
freshness check of ``make test``. To change a notebook, edit its source here and run
``make notebooks``.

One routine serves every use, so they can never disagree about the bytes: ``make notebooks``
(execute into ``notebooks/``), the freshness check (execute to memory and compare) and
``framing report`` (execute against another corpus and save the executed copy beside the HTML).

Determinism: ``PYTHONHASHSEED=0`` in the kernel, no timing metadata, the kernel is the Python
running this code, outputs written with :func:`nbformat.write`.

Parameters reach a notebook as environment variables read in its first code cell (tagged
``parameters``): ``FRAMING_CORPUS`` (articles), ``FRAMING_STORY`` (a story pack; "" for
none), ``FRAMING_REPO`` (the checkout whose ``annotations/`` and ``tests/fixtures/`` the
validation cells read; absent after ``pip install``, and then those cells say so) and how the
articles are read, as the table commands' options (:class:`ReadOptions`):
``FRAMING_TEXT_COLUMN``, ``FRAMING_ID_COLUMN`` ("" for the default) and ``FRAMING_RECURSIVE``
("1" for subfolders too). Every notebook passes them to :func:`framing.load_corpus`, so every
page of a report reads the same articles.
"""
from __future__ import annotations

import io
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

STUDY_DIR = Path(__file__).resolve().parent / "study"
REPO_DIR = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = REPO_DIR / "notebooks"  # the executed study of the seeds, in a checkout
CORPUS_ENV = "FRAMING_CORPUS"
STORY_ENV = "FRAMING_STORY"  # the story pack the notebooks apply; "" = none (generic data only)
REPO_ENV = "FRAMING_REPO"
TEXT_COLUMN_ENV = "FRAMING_TEXT_COLUMN"
ID_COLUMN_ENV = "FRAMING_ID_COLUMN"
RECURSIVE_ENV = "FRAMING_RECURSIVE"
KEEP = object()  # execute(story=KEEP): the notebook's own default (the seeds' pack)
PARAMETERS_TAG = "parameters"


def in_checkout() -> bool:
    """Is the package running from the project's repository (with its annotations)?"""
    return (REPO_DIR / "pyproject.toml").is_file() and (REPO_DIR / "annotations").is_dir()


def notebook_paths(folder: str | Path = STUDY_DIR) -> list[Path]:
    """The numbered notebooks of ``folder`` (default: the packaged sources) in reading order."""
    return sorted(p for p in Path(folder).glob("[0-9][0-9]_*.ipynb"))


@dataclass(frozen=True)
class ReadOptions:
    """How the notebooks read the corpus: the table commands' ``--text-column``, ``--id-column``
    and ``--recursive`` (see :func:`framing.corpus.list_inputs`)."""

    text_column: str = "text"
    id_column: str | None = None
    recursive: bool = False

    def kwargs(self) -> dict:
        """Keyword arguments of :func:`framing.load_corpus`."""
        return {"text_column": self.text_column, "id_column": self.id_column, "recursive": self.recursive}

    def values(self) -> dict:
        """The parameters cell's values (``TEXT_COLUMN``, ``ID_COLUMN``, ``RECURSIVE``) as its
        environment variables spell them."""
        return {"TEXT_COLUMN": self.text_column, "ID_COLUMN": self.id_column or "",
                "RECURSIVE": "1" if self.recursive else ""}


def _environment(corpus, story, repo: Path, read: ReadOptions | None = None) -> dict:
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env[REPO_ENV] = str(repo)
    for name in (CORPUS_ENV, STORY_ENV, TEXT_COLUMN_ENV, ID_COLUMN_ENV, RECURSIVE_ENV):
        env.pop(name, None)  # never inherited: only what this run asks for reaches the kernel
    if corpus is not None:
        env[CORPUS_ENV] = str(Path(corpus).resolve())
    if story is not KEEP:
        env[STORY_ENV] = "" if story is None else str(story)
    values = (read or ReadOptions()).values()
    env[TEXT_COLUMN_ENV], env[ID_COLUMN_ENV], env[RECURSIVE_ENV] = (
        values["TEXT_COLUMN"], values["ID_COLUMN"], values["RECURSIVE"])
    return env


def execute(path: str | Path, corpus: str | Path | None = None, timeout: int = 600, story=KEEP,
            workdir: str | Path | None = None, read: ReadOptions | None = None):
    """Execute a notebook and return the executed ``NotebookNode``.

    Parameters
    ----------
    path : notebook file (normally one of :func:`notebook_paths`).
    corpus : folder or file of articles the notebook should read (``FRAMING_CORPUS``);
        ``None`` keeps the notebook's default (the seeds, relative to ``notebooks/``).
    story : a story pack folder or name, or None for generic data only (``FRAMING_STORY``);
        by default the notebook's own (the seeds' pack).
    workdir : the folder the kernel runs in (default: ``notebooks/`` of the checkout, else
        the notebook's own folder).
    read : how the corpus is read (a table's text and id columns, subfolders); default: as the
        table commands read it without options.
    """
    from nbclient import NotebookClient

    nb = nbformat.read(Path(path), as_version=4)
    if workdir is None:
        workdir = NOTEBOOK_DIR if NOTEBOOK_DIR.is_dir() else Path(path).parent
    repo = REPO_DIR if in_checkout() else Path(workdir)
    # the kernel gets its own environment (this process's is left alone, so notebooks can run in threads)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(workdir)}},
                            extra_arguments=["--IPKernelApp.log_level=ERROR"])  # no TCP-encryption warning
    client.execute(env=_environment(corpus, story, repo, read))
    return coalesce_streams(nb)


def coalesce_streams(nb):
    """``nb`` with each run of consecutive stream outputs of one name merged into one output (in place). How a
    kernel chunks a cell's printed text depends on timing ("…only" and "\\n" as two outputs when two notebooks run
    at once): merged, the saved notebook and its page are the same however the kernel flushed."""
    from nbconvert.preprocessors import CoalesceStreamsPreprocessor

    CoalesceStreamsPreprocessor().preprocess(nb, {})
    return nb


_DEFAULT = re.compile(r'^(?P<name>CORPUS|STORY|REPO|TEXT_COLUMN|ID_COLUMN|RECURSIVE) = '
                      r'os\.environ\.get\("(?P<env>FRAMING_\w+)", "[^"\n]*"\)', re.M)


def parameterise(nb, corpus: str | Path, story: str | None, repo: str | Path, read: ReadOptions | None = None):
    """Rewrite the defaults of the ``parameters`` cell so the saved notebook, reopened without
    the environment variables, reads the same corpus (with the same ``read`` options) and story
    pack again (outputs untouched)."""
    values = {"CORPUS": str(Path(corpus).resolve()), "STORY": story or "", "REPO": str(repo),
              **(read or ReadOptions()).values()}
    for cell in nb.cells:
        if PARAMETERS_TAG in cell.get("metadata", {}).get("tags", []):
            cell.source = _DEFAULT.sub(
                lambda m: f'{m["name"]} = os.environ.get("{m["env"]}", {_py_string(values[m["name"]])})',
                cell.source)
    return nb


def _py_string(value: str) -> str:
    """A Python string literal of ``value`` that cannot end the line or the call early."""
    return repr(str(value))


def dumps(nb) -> str:
    """The notebook serialised exactly as it is committed."""
    buf = io.StringIO()
    nbformat.write(nb, buf)
    return buf.getvalue()


def _executed_path(source: Path) -> Path:
    return NOTEBOOK_DIR / source.name


def refresh(paths=None) -> list[Path]:
    """Execute the study's sources on the seeds into ``notebooks/``; return the files whose bytes changed."""
    changed = []
    for src in paths or notebook_paths():
        target = _executed_path(Path(src))
        new = dumps(execute(src))
        if not target.is_file() or target.read_text(encoding="utf-8") != new:
            target.write_text(new, encoding="utf-8")
            changed.append(target)
    return changed


def stale(paths=None) -> list[Path]:
    """Executed notebooks in ``notebooks/`` that differ from a fresh execution of their source
    (or are missing); nothing is written. Extra files in ``notebooks/`` count as stale too."""
    sources = [Path(p) for p in (paths or notebook_paths())]
    bad = [_executed_path(s) for s in sources
           if not _executed_path(s).is_file() or _executed_path(s).read_text(encoding="utf-8") != dumps(execute(s))]
    if paths is None:
        names = {s.name for s in sources}
        bad += [p for p in notebook_paths(NOTEBOOK_DIR) if p.name not in names]
    return bad


def main(argv=None) -> int:
    """``python -m framing.report.notebooks refresh|check [SOURCE ...]``."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m framing.report.notebooks")
    ap.add_argument("action", choices=["refresh", "check"])
    ap.add_argument("paths", nargs="*", help="notebook sources (default: all of framing/report/study)")
    a = ap.parse_args(argv)
    paths = [Path(p) for p in a.paths] or None
    if a.action == "refresh":
        for p in refresh(paths):
            print(f"updated {p}")
        return 0
    bad = stale(paths)
    for p in bad:
        print(f"stale: {p} differs from a fresh execution of its source in framing/report/study; "
              "run `make notebooks` and commit", file=sys.stderr)
    if not bad:
        n = len(paths or notebook_paths())
        print(f"notebooks fresh: {n} sources re-executed, outputs identical to notebooks/")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
