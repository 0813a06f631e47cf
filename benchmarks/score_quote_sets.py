"""Score quote attribution on annotated news sets: span P/R/F1 (30 % cover) and speaker accuracy.

Runs the package as shipped (generic data, no story pack) on each set folder
(:mod:`framing.devdata.quote_sets` describes the layout and the rules) and prints one row per set
and a pooled row. The texts never enter the repository: pass their folders.

Usage::

    .venv/bin/python benchmarks/score_quote_sets.py /work/ood/BA /work/ood/BB
    .venv/bin/python benchmarks/score_quote_sets.py /work/ood/BG --dump /tmp/bg.csv

``--keep DIR`` writes what the repository keeps of each set (addresses, digests, labels; no title, no article text) to
``DIR/<set>/`` (:func:`framing.devdata.quote_sets.write_labels`), e.g. ``--keep benchmarks/quote_sets``.
``--by-link`` adds the pooled speaker accuracy by how the predicted speaker stands to its quotation
(:func:`framing.devdata.quote_sets.speaker_link`: with or without a cue, named in the paragraph or further back) and by
the gold row's kind: counts only, so a held-out set's errors can be located without reading them.
``--dump`` writes every verdict (gold and predicted span, kinds, speakers) with its text to a CSV
outside the repository, for reading the errors of a development set; never dump a held-out set.
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_polnear import _commit  # noqa: E402

from framing import Corpus, document_from_text, quotes_table  # noqa: E402
from framing.devdata import DevdataError  # noqa: E402
from framing.devdata.quote_sets import LINKS, pool, score_sets, speaker_link, tally, write_labels  # noqa: E402

DUMP_COLUMNS = ("set", "doc_id", "verdict", "gold_start", "gold_end", "gold_kind", "gold_speaker",
                "pred_start", "pred_end", "pred_kind", "pred_speaker", "gold_text", "pred_text")


def extract(text: str, doc_id: str) -> list[dict]:
    """The package's quotes of one text, as dicts with start, end, kind, speaker, cue."""
    doc = document_from_text(text, doc_id)
    q = quotes_table(Corpus([doc]))
    return q[["start", "end", "kind", "speaker", "cue"]].to_dict("records")


def _verdict(v: dict) -> str:
    if v["gold"] is None:
        return "spurious"
    if v["pred"] is None:
        return "missed"
    return {True: "right", False: "wrong_speaker", None: "matched"}[v["speaker_ok"]]


def _dump_row(name: str, v: dict, text_of) -> dict:
    g, p = v["gold"] or {}, v["pred"] or {}
    return {"set": name, "doc_id": v["doc_id"], "verdict": _verdict(v),
            "gold_start": g.get("start", ""), "gold_end": g.get("end", ""), "gold_kind": g.get("kind", ""),
            "gold_speaker": g.get("speaker", ""), "pred_start": p.get("start", ""), "pred_end": p.get("end", ""),
            "pred_kind": p.get("kind", ""), "pred_speaker": p.get("speaker", ""),
            "gold_text": g.get("text", ""), "pred_text": text_of(v["doc_id"], p)}


def link_table(counted: list[tuple[str, str, bool]]) -> str:
    """Markdown tables of speaker accuracy by link (:data:`LINKS`) and by gold kind, from ``(link, kind, right)``."""
    out = []
    for title, key, order in (("how the speaker is linked", 0, LINKS),
                              ("gold kind", 1, sorted({c[1] for c in counted}))):
        out += ["", f"| {title} | speakers right | accuracy |", "|---|---:|---:|"]
        for k in order:
            oks = [c[2] for c in counted if c[key] == k]
            if oks:
                out.append(f"| {k} | {sum(oks)}/{len(oks)} | {sum(oks) / len(oks):.3f} |")
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+", help="set folders (sources.csv, gold.csv, texts/)")
    ap.add_argument("--dump", help="CSV of every verdict with its text (outside the repository)")
    ap.add_argument("--by-link", action="store_true",
                    help="speaker accuracy by how the speaker is linked and by gold kind (pooled counts)")
    ap.add_argument("--keep", metavar="DIR", help="write each set's sources.csv and labels.csv to DIR/<set>/")
    a = ap.parse_args(argv)
    prog = Path(sys.argv[0]).name
    if a.dump and ROOT in Path(a.dump).resolve().parents:
        print(f"{prog}: --dump must lie outside the repository (set texts may not enter it)", file=sys.stderr)
        return 2
    texts: dict[str, str] = {}

    def extract_keep(text, doc_id):
        texts[doc_id] = text
        return extract(text, doc_id)

    def text_of(doc_id, p):
        return texts[doc_id][p["start"]:p["end"]] if p else ""

    scores, dump, counted = [], [], []
    try:
        for name, verdicts in score_sets(a.sets, extract_keep):
            print(f"scored {name}", file=sys.stderr)
            scores.append(tally(name, verdicts))
            counted += [(speaker_link(texts[v["doc_id"]], v["pred"]), v["gold"]["kind"], v["speaker_ok"])
                        for v in verdicts if v["speaker_ok"] is not None]
            dump += [_dump_row(name, v, text_of) for v in verdicts]
    except DevdataError as e:
        print(f"{prog}: {e}", file=sys.stderr)
        return 2
    if len(scores) > 1:
        scores.append(pool("pooled", scores))
    print(f"commit {_commit()}; package without a story pack\n")
    print("| set | predicted | gold | matched | P | R | F1 | speakers right | accuracy |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in scores:
        print(f"| {s.name} | {s.n_pred} | {s.n_gold} | {s.n_match} | {s.precision:.3f} | {s.recall:.3f} | "
              f"{s.f1:.3f} | {s.speakers_right}/{s.speakers_counted} | {s.speaker_accuracy:.3f} "
              f"± {s.speaker_interval():.3f} |")
    if a.by_link:
        print(link_table(counted))
    if a.keep:
        for folder in a.sets:
            n = write_labels(folder, Path(a.keep) / Path(folder).name)
            print(f"kept {n} labels of {Path(folder).name} in {a.keep}", file=sys.stderr)
    if a.dump:
        with open(a.dump, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=DUMP_COLUMNS)
            w.writeheader()
            w.writerows(dump)
        print(f"{len(dump)} verdicts written to {a.dump}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
