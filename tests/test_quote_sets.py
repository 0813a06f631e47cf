"""The annotated-set scorer (framing.devdata.quote_sets, benchmarks/score_quote_sets.py) on an invented set."""
from __future__ import annotations

import csv
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from framing.devdata import DevdataError
from framing.devdata.quote_sets import SetArticle, pool, read_set, score_article, speaker_shares_name, tally

ROOT = Path(__file__).resolve().parents[1]
TEXT = ("Harbour fees will rise in May, the port board said on Tuesday.\n\n"
        "\u201cWe had no other choice,\u201d said Lina Okafor, the board's chair. "
        "Fishers called the rise \u201cbrutal\u201d.\n")


def _gold(text: str, snippet: str, kind: str, speaker: str) -> dict:
    s = text.index(snippet)
    return {"doc_id": "d1", "start": s, "end": s + len(snippet), "text": snippet, "kind": kind, "speaker": speaker,
            "cue": "", "note": ""}


GOLD = [_gold(TEXT, "Harbour fees will rise in May", "reported", "the port board"),
        _gold(TEXT, "\u201cWe had no other choice,\u201d", "direct", "Lina Okafor"),
        _gold(TEXT, "\u201cbrutal\u201d", "partial", "Fishers")]


def _write_set(folder: Path, text: str = TEXT, gold=GOLD, digest: str | None = None) -> Path:
    (folder / "texts").mkdir(parents=True)
    (folder / "texts" / "d1.txt").write_text(text, encoding="utf-8")
    digest = digest or hashlib.sha256(text.encode("utf-8")).hexdigest()
    with (folder / "sources.csv").open("w", encoding="utf-8", newline="") as fh:
        fh.write(f"doc_id,url,outlet,title,date,words,sha256\nd1,https://example.org/a,Ex,T,2024-01-01,30,{digest}\n")
    with (folder / "gold.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(gold[0]))
        w.writeheader()
        w.writerows(gold)
    return folder


def _pred(snippet: str, speaker: str, text: str = TEXT, kind: str = "direct") -> dict:
    s = text.index(snippet)
    return {"start": s, "end": s + len(snippet), "kind": kind, "speaker": speaker}


def test_read_set_checks_digest_and_offsets(tmp_path):
    arts = read_set(_write_set(tmp_path / "ok"))
    assert [a.doc_id for a in arts] == ["d1"] and len(arts[0].gold) == 3 and arts[0].gold[1]["start"] > 0
    with pytest.raises(DevdataError, match="SHA-256"):
        read_set(_write_set(tmp_path / "bad_digest", digest="0" * 64))
    shifted = [{**GOLD[0], "start": GOLD[0]["start"] + 1}]
    with pytest.raises(DevdataError, match="row 2"):
        read_set(_write_set(tmp_path / "bad_offsets", gold=shifted))
    with pytest.raises(DevdataError, match="missing"):
        read_set(tmp_path / "nowhere")


def test_speaker_shares_a_content_word():
    assert speaker_shares_name("Okafor", "Lina Okafor")
    assert speaker_shares_name("the port board", "The Port Board")
    assert not speaker_shares_name("Lina Okafor", "the port board")
    assert not speaker_shares_name("she", "Lina Okafor")  # pronouns are no content words
    assert not speaker_shares_name("", "Lina Okafor")


def test_cover_match_is_one_to_one_and_needs_thirty_percent():
    art = SetArticle("S", "d1", TEXT, tuple(GOLD))
    # covers "Harbour fees" (11 of 24 letters and digits: 46 %) -> a match; the quotation twice -> one match
    preds = [_pred("Harbour fees", "the board", kind="reported"),
             _pred("\u201cWe had no other choice,\u201d", "Okafor"),
             _pred("We had no other choice", "Okafor")]
    verdicts = score_article(art, preds)
    assert [v["speaker_ok"] for v in verdicts[:3]] == [True, True, None]  # third gold row unmatched
    assert verdicts[2]["pred"] is None and verdicts[3]["gold"] is None  # one spurious prediction
    s = tally("S", verdicts)
    assert (s.n_pred, s.n_gold, s.n_match, s.speakers_right, s.speakers_counted) == (3, 3, 2, 2, 2)
    assert s.precision == pytest.approx(2 / 3) and s.recall == pytest.approx(2 / 3) and s.f1 == pytest.approx(2 / 3)
    # "Harbour" alone is 7 of 24 (29 %): below the cover threshold
    short = score_article(art, [_pred("Harbour", "the port board", kind="reported")])
    assert short[0]["pred"] is None


def test_wrong_and_empty_speakers_count_against_accuracy():
    art = SetArticle("S", "d1", TEXT, tuple(GOLD))
    verdicts = score_article(art, [_pred("\u201cWe had no other choice,\u201d", ""),
                                   _pred("\u201cbrutal\u201d", "Lina Okafor", kind="partial")])
    s = tally("S", verdicts)
    assert (s.speakers_right, s.speakers_counted, s.speaker_accuracy) == (0, 2, 0.0)
    both = pool("all", [s, tally("T", score_article(art, [_pred("\u201cbrutal\u201d", "fishers")]))])
    assert (both.n_pred, both.n_match, both.speakers_right, both.speakers_counted) == (3, 3, 1, 3)


def test_cli_scores_a_set_and_refuses_a_dump_inside_the_repository(tmp_path):
    folder = _write_set(tmp_path / "S1")
    cmd = [sys.executable, str(ROOT / "benchmarks" / "score_quote_sets.py"), str(folder)]
    out = subprocess.run(cmd + ["--dump", str(tmp_path / "d.csv")], capture_output=True, text=True, check=True)
    row = next(line for line in out.stdout.splitlines() if line.startswith("| S1 "))
    assert row.split("|")[3].strip() == "3"  # gold rows
    assert (tmp_path / "d.csv").read_text(encoding="utf-8").count("\n") >= 4
    bad = subprocess.run(cmd + ["--dump", str(ROOT / "x.csv")], capture_output=True, text=True)
    assert bad.returncode == 2 and "outside the repository" in bad.stderr


def test_docstring_examples_hold():
    import doctest

    import framing.devdata.quote_sets as quote_sets

    assert doctest.testmod(quote_sets).failed == 0


def test_kept_labels_score_like_the_gold(tmp_path):
    from framing.devdata.quote_sets import write_labels

    folder = _write_set(tmp_path / "S1")
    assert write_labels(folder, tmp_path / "kept" / "S1") == 3
    kept = tmp_path / "kept" / "S1"
    assert "brutal" not in (kept / "labels.csv").read_text(encoding="utf-8")   # no article words
    assert "title" not in (kept / "sources.csv").read_text(encoding="utf-8").splitlines()[0]
    (kept / "texts").mkdir()
    (kept / "texts" / "d1.txt").write_bytes((folder / "texts" / "d1.txt").read_bytes())
    assert [g["text"] for g in read_set(kept)[0].gold] == [g["text"] for g in GOLD]


def _second_annotation(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "second.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(GOLD[0]))
        w.writeheader()
        w.writerows(rows)
    return path


def test_agreement_scores_a_second_annotation_and_keeps_the_rows_both_give_one_speaker(tmp_path):
    from framing.devdata.quote_sets import agreed_rows, agreement, restrict

    folder = _write_set(tmp_path / "S1")
    # the second annotator gives the board's clause another speaker and misses "brutal"
    second = _second_annotation(tmp_path, [{**GOLD[0], "speaker": "Lina Okafor"}, GOLD[1]])
    first, other = read_set(folder), read_set(folder, second)
    assert [g["speaker"] for g in other[0].gold] == ["Lina Okafor", "Lina Okafor"]
    between = agreement(first, other)
    s = tally("S1", between)
    assert (s.n_pred, s.n_gold, s.n_match, s.speakers_right, s.speakers_counted) == (2, 3, 2, 1, 2)
    agreed = agreed_rows(between)
    assert agreed == {("d1", GOLD[1]["start"], GOLD[1]["end"])}
    # the extractor, right on the quotation and wrong on the clause: half on all rows, all on the agreed one
    verdicts = score_article(first[0], [_pred("Harbour fees will rise in May", "Okafor", kind="reported"),
                                        _pred("\u201cWe had no other choice,\u201d", "Okafor")])
    assert tally("S1", verdicts).speaker_accuracy == 0.5
    kept = restrict(verdicts, agreed)
    assert len(kept) == 1 and tally("S1", kept).speaker_accuracy == 1.0


def test_agreement_cli_prints_the_second_annotator_beside_the_extractor(tmp_path):
    folder = _write_set(tmp_path / "S1")
    cmd = [sys.executable, str(ROOT / "benchmarks" / "agreement_quote_sets.py"),
           "--pair", str(folder), str(folder / "gold.csv")]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    row = next(line for line in out.stdout.splitlines() if line.startswith("| S1 "))
    assert row.split("|")[2].strip() == "F1 1.000, 3/3 = 1.000"   # an annotation agrees with itself
    bad = subprocess.run(cmd[:-1] + [str(tmp_path / "none.csv")], capture_output=True, text=True)
    assert bad.returncode == 2 and "missing" in bad.stderr


def test_a_second_annotation_is_kept_without_article_words_and_reads_back(tmp_path):
    from framing.devdata.quote_sets import write_labels

    folder = _write_set(tmp_path / "S1")
    second = _second_annotation(tmp_path, [GOLD[1], {**GOLD[2], "speaker": "fishers"}])
    assert write_labels(folder, tmp_path / "kept" / "S1", second) == 2
    kept = tmp_path / "kept" / "S1" / "labels_second.csv"
    assert "brutal" not in kept.read_text(encoding="utf-8") and not (kept.parent / "labels.csv").exists()
    assert [g["speaker"] for g in read_set(folder, kept)[0].gold] == ["Lina Okafor", "fishers"]


def test_cli_by_link_counts_the_speakers_by_how_they_are_linked(tmp_path):
    folder = _write_set(tmp_path / "S1")
    cmd = [sys.executable, str(ROOT / "benchmarks" / "score_quote_sets.py"), str(folder), "--by-link"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    rows = {line.split("|")[1].strip(): line.split("|")[2].strip() for line in out.splitlines()
            if line.startswith("| ") and "/" in line}
    counted = [v for k, v in rows.items() if k.startswith(("cue", "no cue", "no speaker"))]
    by_kind = [v for k, v in rows.items() if k in ("direct", "partial", "reported")]
    # every counted speaker is in exactly one link row and one kind row
    assert sum(int(v.split("/")[1]) for v in counted) == sum(int(v.split("/")[1]) for v in by_kind) > 0
