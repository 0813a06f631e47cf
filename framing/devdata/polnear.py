"""PolNeAR (Newell, Margolin & Ruths, LREC 2018): articles and their gold attributions.

Layout read (``networkdynamics/PolNeAR``, folder ``data/``)::

    data/train/text/<article_id>.txt                     the article
    data/train/attributions/<article_id>_<annotator>.ann brat standoff, character offsets into the text
    data/dev/...                                          the same for the dev compartment

In an ``.ann`` file, ``T`` lines are spans (``T3<TAB>Content 226 297<TAB>...``; a span may have
fragments ``a b;c d``) and ``E`` lines tie them into one attribution
(``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``; the trigger is ``Attribution`` or
``Attribution-no-source``; ``Content2`` is a second content span). Other labels (``Discuss``,
``Discard``) and ``#`` notes are ignored. The offsets index the text exactly as
``Path.read_text(encoding="utf-8")`` returns it. A few articles were annotated by several
annotators (for agreement); the annotation of the alphabetically first annotator is used.

PolNeAR does not label attributions direct, indirect or mixed; the kind is derived from the
quotation marks of the content span (:func:`framing.devdata.attribution_score.quote_kind`).

Development split (declared before any score was looked at):

* ``dev`` — the PolNeAR dev compartment (articles of 8 Sep – 7 Oct 2016, 84 articles): the
  held-out report split. Never used for tuning or error analysis.
* ``fit`` / ``select`` — the PolNeAR train compartment (8 Nov 2015 – 7 Sep 2016, 840 articles),
  split by a hash of the article id: ``fit`` (80%) for error analysis and rule writing,
  ``select`` (20%) for choosing thresholds and options.
* ``test`` — the PolNeAR test month (from 8 Oct 2016); not distributed here and never read.

The corpus is never shipped with the package: pass its folder (:func:`articles`).
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import DevdataError
from .attribution_score import preceding_phrase, quote_kind, resolve_antecedents

SPLITS = ("fit", "select", "dev")
FIT_PERCENT = 80
#: PolNeAR's month bins start on the 8th; the train compartment is bins 0-9, dev bin 10, test bin 11.
DEV_FROM = "2016-09-08"
TEST_FROM = "2016-10-08"
_COMPARTMENT = {"fit": "train", "select": "train", "dev": "dev"}

Span = tuple[int, int]


@dataclass(frozen=True)
class Attribution:
    """One gold attribution of an article.

    ``content``, ``source``, ``cue``: sorted (start, end) fragments (possibly empty);
    ``source_text``: the Source fragments joined by a space ('' when none); ``kind``: direct,
    mixed or indirect (from the quotation marks of the content; '' when there is no content);
    ``quote_marks``: the content holds a double quotation mark.
    """

    id: str
    content: tuple[Span, ...]
    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    source_text: str
    kind: str
    quote_marks: bool


@dataclass(frozen=True)
class Article:
    """One PolNeAR article: id (the text file's stem), split, text, annotator, attributions."""

    article_id: str
    split: str
    text: str
    annotator: str
    attributions: tuple[Attribution, ...]


def split_of(article_id: str) -> str:
    """The development split of a PolNeAR article: ``fit``, ``select``, ``dev`` or ``test``.

    The compartment follows from the publication date in the id (``publisher_YYYY-MM-DD_slug``);
    a train article is ``fit`` when the first 8 hex digits of ``sha256(article_id)``, as an
    integer, modulo 100 are below :data:`FIT_PERCENT`, else ``select``.

    Examples
    --------
    >>> split_of("nyt_2016-09-20_some-slug")
    'dev'
    """
    m = re.search(r"_(\d{4}-\d{2}-\d{2})_", article_id)
    if not m:
        raise ValueError(f"not a PolNeAR article id (no _YYYY-MM-DD_ date): {article_id!r}")
    date = m.group(1)
    if date >= TEST_FROM:
        return "test"
    if date >= DEV_FROM:
        return "dev"
    h = int(hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:8], 16)
    return "fit" if h % 100 < FIT_PERCENT else "select"


_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")


def parse_ann(ann: str, text: str, name: str = "annotation") -> list[Attribution]:
    """Attributions of one brat ``.ann`` text over ``text``, in order of first offset.

    Raises :class:`DevdataError` (naming ``name``) when a span lies outside the text or an
    event names an unknown span.
    """
    spans: dict[str, tuple[Span, ...]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in ann.splitlines():
        m = _T_LINE.match(line)
        if m:
            frags = tuple(sorted(tuple(int(x) for x in f.split()) for f in m.group(3).split(";")))
            if any(not (0 <= a <= b <= len(text)) for a, b in frags):
                raise DevdataError(f"{name}: span {m.group(1)} lies outside the text ({len(text)} characters)")
            spans[m.group(1)] = frags
            continue
        m = _E_LINE.match(line)
        if m:
            args = [tuple(a.split(":", 1)) for a in m.group(2).split() if ":" in a]
            events.append((m.group(1), args))
    out = []
    for eid, args in events:
        parts: dict[str, list[Span]] = {"content": [], "source": [], "cue": []}
        for role, tid in args:
            if tid not in spans:
                raise DevdataError(f"{name}: event {eid} names an unknown span {tid}")
            r = role.rstrip("0123456789").lower()
            if r in parts:
                parts[r].extend(spans[tid])
        content = tuple(sorted(parts["content"]))
        source = tuple(sorted(parts["source"]))
        kind, marks = quote_kind(text, content) if content else ("", False)
        out.append(Attribution(
            id=eid, content=content, source=source, cue=tuple(sorted(parts["cue"])),
            source_text=" ".join(text[a:b] for a, b in source), kind=kind, quote_marks=marks))
    out.sort(key=lambda a: (min((s for s, _ in a.content + a.source + a.cue), default=0), a.id))
    return out


def gold_quotes(article: Article) -> list[dict]:
    """The article's attributions that have a content span, in the form
    :func:`~framing.devdata.attribution_score.score_article` takes (``content``, ``source``,
    ``resolved_source``: pronoun Sources replaced by their antecedent, a relative pronoun by the
    phrase before it, ``cue``: the Cue's text), plus ``id``."""
    atts = [a for a in article.attributions if a.content]
    t = article.text
    resolved = resolve_antecedents([(a.source[0][0], a.source_text, preceding_phrase(t, a.source[0][0]))
                                    if a.source else (a.content[0][0], "") for a in atts])
    return [{"id": a.id, "content": list(a.content), "source": a.source_text, "resolved_source": r,
             "cue": " ".join(t[s:e] for s, e in a.cue)}
            for a, r in zip(atts, resolved)]


def data_dir(root: str | Path) -> Path:
    """The PolNeAR ``data`` folder under ``root``: the devdata folder, the PolNeAR folder or
    ``data`` itself. Raises a one-line :class:`DevdataError` when none holds ``train/text``."""
    root = Path(root)
    for d in (root / "polnear" / "data", root / "data", root):
        if (d / "train" / "text").is_dir() and (d / "dev" / "text").is_dir():
            return d
    raise DevdataError(f"PolNeAR not found under {root}: expected polnear/data/{{train,dev}}/text "
                       "(give the devdata folder, e.g. ../shared/devdata)")


_ANN_NAME = re.compile(r"^(.+)_([0-9a-f]+)\.ann$")


def articles(root: str | Path, split: str) -> Iterator[Article]:
    """The articles of one development split (``fit``, ``select`` or ``dev``), sorted by id.

    ``root`` is the devdata folder (or the PolNeAR folder, or its ``data``). Raises
    :class:`DevdataError` when the corpus is missing, an article has no annotation, or an
    article's date disagrees with its compartment; ``ValueError`` for an unknown split.
    """
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}: choose one of {', '.join(SPLITS)}")
    comp = data_dir(root) / _COMPARTMENT[split]
    anns: dict[str, list[Path]] = {}
    for p in (comp / "attributions").glob("*.ann"):
        m = _ANN_NAME.match(p.name)
        if m:
            anns.setdefault(m.group(1), []).append(p)
    for txt in sorted((comp / "text").glob("*.txt")):
        aid = txt.stem
        s = split_of(aid)
        if _COMPARTMENT.get(s) != comp.name:
            raise DevdataError(f"{txt}: dated for split {s!r} but stored in the {comp.name} compartment")
        if s != split:
            continue
        if aid not in anns:
            raise DevdataError(f"{txt}: no annotation ({aid}_<annotator>.ann) in {comp / 'attributions'}")
        ann = sorted(anns[aid])[0]
        text = txt.read_text(encoding="utf-8")
        yield Article(article_id=aid, split=s, text=text, annotator=_ANN_NAME.match(ann.name).group(2),
                      attributions=tuple(parse_ann(ann.read_text(encoding="utf-8"), text, str(ann))))
