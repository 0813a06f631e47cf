"""Story packs: what one story needs, kept apart from the generic core.

Without a pack every table rests on generic data (``framing/data/generic``) that
holds for any English news. A pack adds what only one story knows: frame cues,
the people and organisations it quotes, the actors whose portrayal is measured,
the facts its sources are aligned on, the weights of the features it supplies
and the words the notebooks narrate it with. It is used only when asked for
(``--story NAME|DIR``, ``story=`` in Python).

A pack is a folder; every file but ``README.md`` and ``story.csv`` is optional:

==================  ==========================================================
``README.md``       what the story is and where each file came from
``story.csv``       ``key, value, rationale``: ``title`` (required), ``summary``,
                    ``question`` and ``sides`` (narration the notebooks and report
                    show, :func:`framing.report.findings.story_intro`)
``lexicon.csv``     frame cues, the lexicon format (:data:`framing.terms.COLUMNS`)
``speakers.csv``    ``name, aliases, role, side, source``: the speaker registry
``role_rules.csv``  ``pattern, role, kind, rationale``: rules that replace the
                    generic rule of the same ``pattern`` and ``kind``
``targets.csv``     ``target, pattern, rationale``: actors whose portrayal
                    (``vader_<target>``) is measured
``topics.csv``      ``topic, pattern, query, rationale``: facts to align sources on
``weights.csv``     rows of the stance weights format for the features the pack
                    supplies (``vader_<target>``, story cue rates)
==================  ==========================================================

The packs shipped with the package live in ``framing/stories/<name>/``; an
analyst's own pack is any folder of the same shape. A pack is validated when it
is loaded: an unknown file or column, a bad regular expression or a row with no
rationale is a :class:`StoryError` naming the file and row.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

PACKS_DIR = Path(__file__).resolve().parent / "stories"

#: file -> (required columns, the column that must say why each row is there, regex columns)
PACK_FILES = {
    "story.csv": (("key", "value", "rationale"), "rationale", ()),
    "lexicon.csv": (("term", "category", "direction", "loaded", "match", "source"), "source", ()),
    "speakers.csv": (("name", "aliases", "role", "side", "source"), "source", ()),
    "role_rules.csv": (("pattern", "role", "kind", "rationale"), "rationale", ()),
    "targets.csv": (("target", "pattern", "rationale"), "rationale", ("pattern",)),
    "topics.csv": (("topic", "pattern", "query", "rationale"), "rationale", ("pattern",)),
    "weights.csv": (("feature", "kind", "weight", "sign", "center", "scale", "value", "rationale"), "rationale", ()),
}
OTHER_FILES = ("README.md",)
STORY_KEYS = ("title", "summary", "question", "sides")
SIDES = ("warns", "defends", "neutral", "unknown")
_TARGET_NAME = re.compile(r"[a-z][a-z0-9_]*")


class StoryError(ValueError):
    """A story pack that cannot be used: the message names the pack, the file and the row."""


@dataclass(frozen=True)
class Story:
    """A loaded, validated story pack. Tables are tuples of row dicts (hashable by identity)."""

    name: str
    folder: Path
    narration: dict = field(default_factory=dict, hash=False, compare=False)
    files: dict = field(default_factory=dict, hash=False, compare=False)

    def rows(self, file: str) -> list[dict]:
        """The rows of one of the pack's CSV files (an empty list when the pack has none)."""
        return [dict(r) for r in self.files.get(file, ())]

    def path(self, file: str) -> Path | None:
        """Path of one of the pack's files, or None when the pack has none."""
        p = self.folder / file
        return p if p.is_file() else None

    @property
    def title(self) -> str:
        return self.narration.get("title", self.name)


def _read_rows(path: Path, pack: str) -> list[dict]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            rows = [dict(r) for r in reader]
            return [{"__columns__": tuple(reader.fieldnames or ())}] + rows
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise StoryError(f"story pack {pack}: {path.name}: cannot be read ({e})") from None


def _validate(path: Path, pack: str, rows: list[dict]) -> tuple:
    need, why, regex_cols = PACK_FILES[path.name]
    columns = rows[0]["__columns__"]
    missing = [c for c in need if c not in columns]
    unknown = [c for c in columns if c not in need]
    where = f"story pack {pack}: {path.name}"
    if missing or unknown:
        raise StoryError(f"{where}: " + "; ".join(
            ([f"missing column(s) {', '.join(missing)}"] if missing else [])
            + ([f"unknown column(s) {', '.join(unknown)}"] if unknown else [])))
    body = rows[1:]
    for i, r in enumerate(body, start=2):
        if None in r or any(v is None for v in r.values()):
            raise StoryError(f"{where}, line {i}: wrong number of fields")
        if not r[why].strip():
            raise StoryError(f"{where}, line {i}: no {why} (every row must say why it is there)")
        for c in regex_cols:
            try:
                re.compile(r[c])
            except re.error as e:
                raise StoryError(f"{where}, line {i}: bad regular expression in {c}: {e}") from None
    _check_values(path.name, where, body)
    return tuple(body)


def _check_values(name: str, where: str, rows: list[dict]) -> None:
    """File-specific checks: known keys, sides, target names."""
    for i, r in enumerate(rows, start=2):
        if name == "story.csv" and r["key"] not in STORY_KEYS:
            raise StoryError(f"{where}, line {i}: unknown key {r['key']!r} (known: {', '.join(STORY_KEYS)})")
        if name == "speakers.csv" and r["side"] not in SIDES:
            raise StoryError(f"{where}, line {i}: side must be one of {', '.join(SIDES)}")
        if name == "targets.csv" and not _TARGET_NAME.fullmatch(r["target"]):
            raise StoryError(f"{where}, line {i}: target names are lower_case_words (got {r['target']!r})")


def _check_across_files(pack: str, files: dict) -> None:
    """A tone weight needs its target; pack weights are feature rows (thresholds stay generic)."""
    targets = {r["target"] for r in files.get("targets.csv", ())}
    for i, r in enumerate(files.get("weights.csv", ()), start=2):
        where = f"story pack {pack}: weights.csv, line {i}"
        if r["kind"] != "feature":
            raise StoryError(f"{where}: a pack weighs features only (thresholds and parameters are generic)")
        if r["feature"].startswith("vader_") and r["feature"][len("vader_"):] not in targets:
            raise StoryError(f"{where}: weights {r['feature']} but targets.csv has no target "
                             f"{r['feature'][len('vader_'):]!r}")


def _pack_folder(name_or_dir) -> Path:
    p = Path(name_or_dir)
    if p.is_dir():
        return p
    shipped = PACKS_DIR / str(name_or_dir)
    if re.fullmatch(r"[A-Za-z0-9_]+", str(name_or_dir)) and shipped.is_dir():
        return shipped
    raise StoryError(f"unknown story pack {str(name_or_dir)!r}: give a folder or one of the shipped packs "
                     f"({', '.join(shipped_stories()) or 'none'})")


@lru_cache(maxsize=8)
def _load(folder: Path) -> Story:
    pack = folder.name
    extra = sorted(p.name for p in folder.iterdir()
                   if p.is_file() and p.name not in PACK_FILES and p.name not in OTHER_FILES)
    if extra:
        raise StoryError(f"story pack {pack}: unknown file(s) {', '.join(extra)} "
                         f"(a pack holds {', '.join(list(PACK_FILES) + list(OTHER_FILES))})")
    for required in ("README.md", "story.csv"):
        if not (folder / required).is_file():
            raise StoryError(f"story pack {pack}: no {required}")
    files = {p.name: _validate(p, pack, _read_rows(p, pack))
             for p in sorted(folder.iterdir()) if p.name in PACK_FILES}
    _check_across_files(pack, files)
    narration = {r["key"]: r["value"] for r in files["story.csv"]}
    if not narration.get("title"):
        raise StoryError(f"story pack {pack}: story.csv needs a title")
    return Story(name=pack, folder=folder, narration=narration, files=files)


def load_story(name_or_dir) -> Story | None:
    """A story pack by shipped name (``"bolivia_iran_2023"``) or folder; None stays None.

    Raises :class:`StoryError` (a ``ValueError``) with a one-line message when the
    pack does not exist or does not validate.
    """
    if name_or_dir is None or isinstance(name_or_dir, Story):
        return name_or_dir
    return _load(_pack_folder(name_or_dir).resolve())


def shipped_stories() -> list[str]:
    """Names of the packs shipped with the package."""
    return sorted(p.name for p in PACKS_DIR.iterdir() if (p / "story.csv").is_file()) if PACKS_DIR.is_dir() else []


def story_of(corpus, story=None) -> Story | None:
    """The pack to apply: ``story`` when given, else the one ``corpus`` was loaded with, else None."""
    if story is not None:
        return load_story(story)
    return getattr(corpus, "story", None)


def merged_rows(generic: list[dict], story: Story | None, file: str, key: tuple) -> list[dict]:
    """Generic rows with the pack's rows of the same ``key`` columns replaced, the pack's new rows added."""
    if story is None:
        return generic
    own = story.rows(file)
    replaced = {tuple(r[k] for k in key) for r in own}
    return [r for r in generic if tuple(r[k] for k in key) not in replaced] + own
