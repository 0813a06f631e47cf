"""Annotated news sets for quote attribution: reading them and scoring the extractor on them.

A set is a folder made by an annotator who never saw the extractor (``benchmarks/quote_sets/``
holds the instructions, the addresses and the labels; the article texts stay outside the
repository)::

    <set>/sources.csv   doc_id,url,outlet,title,date,words,sha256   (sha256 of the text file's bytes)
    <set>/gold.csv      doc_id,start,end,text,kind,speaker,cue,note (``annotations/quotes_README.md``)
    <set>/texts/<doc_id>.txt

or, in place of ``gold.csv``, ``labels.csv``: the same rows without ``text`` and ``note`` (what the
repository keeps of a set, :func:`write_labels`); each row's text is then the text at its offsets.

Scoring rules (as ``benchmarks/RESULTS.md`` states them since session 16; the script that applied them
then lived outside the repository and was lost with the machine, so session 25 wrote it here):

* a predicted quote matches a gold row it covers by at least 30 % of the gold row's letters and
  digits, one to one (:func:`framing.devdata.attribution_score.match_cover`), whatever the kinds;
* a speaker is right when the predicted and gold speakers share a content word
  (:func:`speaker_shares_name`); speaker accuracy counts the matched gold rows that have a speaker.
"""
from __future__ import annotations

import csv
import hashlib
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import DevdataError
from .attribution_score import char_set, content_words, match_cover

GOLD_COLUMNS = ("doc_id", "start", "end", "text", "kind", "speaker")
LABEL_COLUMNS = ("doc_id", "start", "end", "kind", "speaker", "cue")
#: what the repository keeps of ``sources.csv``: no title (a headline is article text)
KEPT_SOURCE_COLUMNS = ("doc_id", "url", "outlet", "date", "words", "sha256")
SOURCE_COLUMNS = ("doc_id", "sha256")


@dataclass(frozen=True)
class SetArticle:
    """One article of an annotated set: its text and gold rows (dicts with int ``start``/``end``)."""

    set_name: str
    doc_id: str
    text: str
    gold: tuple


def _read_csv(path: Path, required: Sequence[str]) -> list[dict]:
    if not path.is_file():
        raise DevdataError(f"{path}: missing")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    missing = [c for c in required if rows and c not in rows[0]]
    if missing:
        raise DevdataError(f"{path}: no column {', '.join(missing)}")
    return rows


def _gold_row(row: dict, text: str, where: str) -> dict:
    try:
        s, e = int(row["start"]), int(row["end"])
    except ValueError as exc:
        raise DevdataError(f"{where}: offsets are not integers ({exc})") from None
    if not 0 <= s < e <= len(text) or text[s:e] != row.get("text", text[s:e]):
        raise DevdataError(f"{where}: text[{s}:{e}] is not the row's text")
    return {**row, "start": s, "end": e, "text": text[s:e]}


def read_set(folder: str | Path, labels: str | Path | None = None) -> list[SetArticle]:
    """The articles of one set, in ``sources.csv`` order, each text checked against its SHA-256.

    ``labels`` is the annotation to read over the set's texts: by default the set's own ``gold.csv``
    (or ``labels.csv``); a second annotator's ``gold.csv`` of the same texts may be given instead
    (:func:`agreement`). Raises :class:`DevdataError` with the file and row at fault when a file is
    missing, a text differs from the one annotated, or a row's offsets do not give its text.
    """
    folder = Path(folder)
    sources = _read_csv(folder / "sources.csv", SOURCE_COLUMNS)
    if labels is not None:
        labels = Path(labels)
    else:
        labels = folder / "gold.csv"
        if not labels.is_file() and (folder / "labels.csv").is_file():
            labels = folder / "labels.csv"
    gold = _read_csv(labels, GOLD_COLUMNS if labels.name == "gold.csv" else LABEL_COLUMNS)
    out = []
    for src in sources:
        path = folder / "texts" / f"{src['doc_id']}.txt"
        if not path.is_file():
            raise DevdataError(f"{path}: missing (listed in sources.csv)")
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != src["sha256"].strip().lower():
            raise DevdataError(f"{path}: SHA-256 differs from sources.csv: not the text that was annotated")
        text = data.decode("utf-8")
        rows = tuple(_gold_row(r, text, f"{labels} row {i + 2}")
                     for i, r in enumerate(gold) if r["doc_id"] == src["doc_id"])
        out.append(SetArticle(folder.name, src["doc_id"], text, rows))
    return out


def write_labels(folder: str | Path, out: str | Path, second: str | Path | None = None) -> int:
    """Write what the repository keeps of the set ``folder`` to ``out``: ``sources.csv`` without its titles and
    ``labels.csv`` (gold rows without ``text`` and ``note``, which hold article words); with ``second`` (a second
    annotator's ``gold.csv`` of the same texts), only that annotation, as ``labels_second.csv``. Returns the rows."""
    folder, out = Path(folder), Path(out)
    read_set(folder, second)   # (only an annotation that checks out is kept)
    out.mkdir(parents=True, exist_ok=True)
    if second is not None:
        rows = _read_csv(Path(second), GOLD_COLUMNS)
        _write_csv(out / "labels_second.csv", LABEL_COLUMNS, [{**r, "cue": r.get("cue", "")} for r in rows])
        return len(rows)
    _write_csv(out / "sources.csv", KEPT_SOURCE_COLUMNS, _read_csv(folder / "sources.csv", SOURCE_COLUMNS))
    rows = _read_csv(folder / "gold.csv", GOLD_COLUMNS)
    _write_csv(out / "labels.csv", LABEL_COLUMNS, [{**r, "cue": r.get("cue", "")} for r in rows])
    return len(rows)


def _write_csv(path: Path, columns: Sequence[str], rows: Sequence[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore", restval="", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def speaker_shares_name(pred: str, gold: str) -> bool:
    """True when the two speakers share a content word (case, titles' function words and pronouns aside).

    Examples
    --------
    >>> speaker_shares_name("Ms. Ana Ruiz", "Ana Ruiz"), speaker_shares_name("the ministry", "Ana Ruiz")
    (True, False)
    >>> speaker_shares_name("", "officials"), speaker_shares_name("officials", "Officials")
    (False, True)
    """
    return bool(set(content_words(pred)) & set(content_words(gold)))


def score_article(article: SetArticle, predictions: Sequence[dict]) -> list[dict]:
    """One verdict per gold row and per unmatched prediction of one article.

    Each verdict is a dict: ``doc_id``, ``gold`` (the gold row or None), ``pred`` (the matched
    prediction or None), ``speaker_ok`` (None when the gold row has no speaker or is unmatched).
    """
    text = article.text
    pred_sets = [char_set(text, [(p["start"], p["end"])]) for p in predictions]
    gold_sets = [char_set(text, [(g["start"], g["end"])]) for g in article.gold]
    pairs = match_cover(pred_sets, gold_sets)
    by_gold = {j: i for i, j in pairs.items()}
    out = []
    for j, g in enumerate(article.gold):
        p = predictions[by_gold[j]] if j in by_gold else None
        ok = None
        if p is not None and g["speaker"].strip():
            ok = speaker_shares_name(p.get("speaker") or "", g["speaker"])
        out.append({"doc_id": article.doc_id, "gold": g, "pred": p, "speaker_ok": ok})
    out += [{"doc_id": article.doc_id, "gold": None, "pred": p, "speaker_ok": None}
            for i, p in enumerate(predictions) if i not in pairs]
    return out


@dataclass(frozen=True)
class SetScore:
    """Counts behind a set's figures: predictions, gold rows, matches, speakers right of those counted."""

    name: str
    n_pred: int
    n_gold: int
    n_match: int
    speakers_right: int
    speakers_counted: int

    @property
    def precision(self) -> float:
        return self.n_match / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.n_match / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.speakers_counted if self.speakers_counted else 0.0

    def speaker_interval(self, z: float = 1.96) -> float:
        """Half-width of the normal-approximation 95 % interval of the speaker accuracy."""
        n, a = self.speakers_counted, self.speaker_accuracy
        return z * math.sqrt(a * (1 - a) / n) if n else 0.0


def tally(name: str, verdicts: Sequence[dict]) -> SetScore:
    """The counts of a list of verdicts (:func:`score_article`), pooled."""
    counted = [v["speaker_ok"] for v in verdicts if v["speaker_ok"] is not None]
    return SetScore(name,
                    n_pred=sum(v["pred"] is not None for v in verdicts),
                    n_gold=sum(v["gold"] is not None for v in verdicts),
                    n_match=sum(v["gold"] is not None and v["pred"] is not None for v in verdicts),
                    speakers_right=sum(counted), speakers_counted=len(counted))


def pool(name: str, scores: Sequence[SetScore]) -> SetScore:
    """The sum of several sets' counts under one name."""
    return SetScore(name, *(sum(getattr(s, f) for s in scores)
                            for f in ("n_pred", "n_gold", "n_match", "speakers_right", "speakers_counted")))


def agreement(first: Sequence[SetArticle], second: Sequence[SetArticle]) -> list[dict]:
    """The verdicts of a second annotation of the same texts scored against the first (the first is the gold),
    by the rules the extractor is scored by (:func:`score_article`): span agreement and speaker agreement."""
    by_doc = {a.doc_id: a for a in second}
    out = []
    for art in first:
        other = by_doc.get(art.doc_id)
        out += score_article(art, list(other.gold) if other is not None else [])
    return out


def agreed_rows(verdicts: Sequence[dict]) -> set[tuple[str, int, int]]:
    """``(doc_id, start, end)`` of the first annotation's rows with a speaker whose speaker the second annotation
    shares (``speaker_ok`` true in the verdicts of :func:`agreement`)."""
    return {(v["doc_id"], v["gold"]["start"], v["gold"]["end"]) for v in verdicts if v["speaker_ok"]}


def restrict(verdicts: Sequence[dict], rows: set[tuple[str, int, int]]) -> list[dict]:
    """The verdicts on the gold rows in ``rows`` (``(doc_id, start, end)``): e.g. the extractor's verdicts on the
    rows two annotators agree on (:func:`agreed_rows`)."""
    return [v for v in verdicts if v["gold"] is not None
            and (v["doc_id"], v["gold"]["start"], v["gold"]["end"]) in rows]


#: the ways a predicted speaker stands to its quotation (:func:`speaker_link`), in the order tables list them
LINKS = ("cue, named in paragraph", "cue, named outside paragraph", "no cue, named in paragraph",
         "no cue, named outside paragraph", "no speaker")
_PARAGRAPH_BREAK = "\n\n"


def speaker_link(text: str, pred: dict) -> str:
    """How the predicted speaker of ``pred`` (``start``, ``end``, ``speaker``, ``cue``) stands to its quotation, one of
    :data:`LINKS`: with or without a cue of its own, and whether a content word of the speaker is written in the
    quotation's paragraph outside the quotation (a name beside it) or not (a pronoun or description resolved to a name
    further back, or a speaker continued from an earlier paragraph). A diagnostic of where speakers go wrong that
    needs no reading of the texts.

    Examples
    --------
    >>> t = "Ana Ruiz spoke first.\\n\\n“We are ready,” she said."
    >>> q = {"start": t.index("“"), "end": t.index(",”") + 2, "speaker": "Ana Ruiz", "cue": "said"}
    >>> speaker_link(t, q), speaker_link(t, {**q, "cue": ""}), speaker_link(t.replace("she", "Ruiz"), q)
    ('cue, named outside paragraph', 'no cue, named outside paragraph', 'cue, named in paragraph')
    """
    if not (pred.get("speaker") or "").strip():
        return LINKS[4]
    s, e = pred["start"], pred["end"]
    lo = text.rfind(_PARAGRAPH_BREAK, 0, s)
    lo = 0 if lo < 0 else lo + len(_PARAGRAPH_BREAK)
    hi = text.find(_PARAGRAPH_BREAK, e)
    hi = len(text) if hi < 0 else hi
    around = set(content_words(text[lo:s] + " " + text[e:hi]))
    inside = bool(set(content_words(pred["speaker"])) & around)
    return LINKS[(0 if (pred.get("cue") or "").strip() else 2) + (0 if inside else 1)]


def score_sets(folders: Sequence[str | Path],
               extract: Callable[[str, str], list[dict]]) -> Iterator[tuple[str, list[dict]]]:
    """``(set name, verdicts)`` for each folder; ``extract(text, doc_id)`` gives an article's predictions."""
    for folder in folders:
        verdicts = []
        for art in read_set(folder):
            verdicts += score_article(art, extract(art.text, art.doc_id))
        yield Path(folder).name, verdicts
