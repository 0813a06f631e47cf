"""Segmentation, sentences and tokens: measured against hand annotation, plus span invariants."""
from pathlib import Path

import pytest
from conftest import ANNOTATIONS, FIXTURES, SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

import framing
from framing.corpus import ARTICLE_ROLES, BOILERPLATE_REASONS, ROLES, document_from_text, segment_text
from framing.evaluate import read_annotation, segmentation_report


def _check_tiling(doc):
    assert doc.blocks[0].start == 0
    assert doc.blocks[-1].end == len(doc.text)
    for a, b in zip(doc.blocks, doc.blocks[1:]):
        assert a.end == b.start, "blocks must tile the text: no gap, no overlap"
    for b in doc.blocks:
        assert b.start < b.end
        assert b.role in ROLES
        assert (b.reason in BOILERPLATE_REASONS) if b.role == "boilerplate" else b.reason == ""


# ---------------------------------------------------------------- against the hand annotation

@pytest.mark.parametrize("corpus_dir,annotation", [
    (SEEDS, "segments.csv"),
    (FIXTURES / "noisy", "noisy_segments.csv"),  # other noise shapes: bylines, newsletter prompts, 'Read more'
])
def test_segmentation_meets_targets(corpus_dir, annotation):
    rep = segmentation_report(framing.load_corpus(corpus_dir), read_annotation(ANNOTATIONS / annotation))
    pooled = rep[rep.doc_id == "ALL"].iloc[0]
    assert pooled.article_kept_rate >= 0.99, rep
    assert pooled.noise_labelled_rate >= 0.95, rep
    # and no single document falls far below
    assert (rep.article_kept_rate >= 0.98).all(), rep
    assert (rep.noise_labelled_rate >= 0.90).all(), rep


def test_titles_deks_and_dates(seeds_corpus):
    d = seeds_corpus["003_054b8754569760fc"]
    title = [b for b in d.blocks if b.role == "title"]
    assert len(title) == 1 and "Insiders Say" in d.text[title[0].start:title[0].end]
    assert d.meta["date_extracted"] == "2023-07-31"  # from the page's own dateline
    # a document without a title line is flagged, not guessed
    assert "no title" in seeds_corpus["002_0b4b21a30b518482"].flags
    # the repeated headline is noise, the first one is the title
    reps = [b for b in d.blocks if b.reason == "repeated line"]
    assert any("Insiders Say" in d.text[b.start:b.end] for b in reps)


def test_sources_csv_metadata_and_human_coding_kept_apart(seeds_corpus):
    d = seeds_corpus["000_68f374f61da0462d"]
    assert d.outlet.startswith("Responsible Statecraft")
    assert d.meta["date_source"] == "sources.csv"
    for doc in seeds_corpus:
        assert not any(k.startswith("analyst_") for k in doc.meta), "human coding must not reach computations"


def _recorded_checksums() -> dict[str, str]:
    """SOURCES.md's checksum block: ``{file name: sha256}``."""
    block = (SEEDS.parent / "SOURCES.md").read_text(encoding="utf-8").split("## Checksums", 1)[1].split("\n## ")[0]
    pairs = [line.split() for line in block.splitlines() if line.strip().startswith(tuple("0123456789abcdef"))]
    return {Path(name).name: digest for digest, name in pairs}


def test_seeds_are_verbatim_copies():
    """Every seed is byte for byte the capture SOURCES.md records (no skip: the checksums live in the
    repository), and the listed files are exactly the seeds."""
    import hashlib

    recorded = _recorded_checksums()
    assert sorted(recorded) == sorted(f.name for f in SEEDS.glob("*.txt"))
    for name, digest in recorded.items():
        assert hashlib.sha256((SEEDS / name).read_bytes()).hexdigest() == digest, f"{name} was edited"


def test_every_sources_csv_row_names_a_seed_and_sources_md_exists():
    import csv

    rows = list(csv.DictReader((SEEDS / "sources.csv").open(encoding="utf-8")))
    assert sorted(r["doc_id"] + ".txt" for r in rows) == sorted(_recorded_checksums())
    if any("SOURCES.md" in v for r in rows for v in r.values()):
        assert (SEEDS.parent / "SOURCES.md").is_file()


def test_sentences_respect_abbreviations(seeds_corpus):
    d = seeds_corpus["003_054b8754569760fc"]
    sents = [d.text[s:e] for s, e in d.sentences]
    assert not any(s.rstrip().endswith("Mr.") for s in sents), "Mr. must not end a sentence"
    assert any(s.startswith("Mr. Novillo stressed") for s in sents)


def test_tokens_only_in_article_blocks(seeds_corpus):
    for d in seeds_corpus:
        for s, e in d.tokens[:: max(1, len(d.tokens) // 200)]:
            assert d.is_content(s, e)


# ---------------------------------------------------------------- synthetic shapes

def test_teaser_after_keep_reading_and_cta_inside_paragraph():
    text = ("Council backs new bridge\n\nThe council voted 7-2 on Monday to fund a new bridge over the river, "
            "ending a decade of debate.\n\nThe mayor said the work would start in spring. We invite you to share "
            "your thoughts in the comments below.\n\nPhoto Credit: Jane Roe\n\nHospital opens new wing\n\n"
            "The hospital opened a wing for children on Friday after three years of building.\n\nkeep reading\n")
    doc = document_from_text(text)
    body = " ".join(text[b.start:b.end] for b in doc.blocks if b.role in ARTICLE_ROLES)
    assert "The mayor said the work would start in spring." in body
    assert "share your thoughts" not in body
    assert "Hospital opens" not in body and "children" not in body


def test_byline_and_newsletter_and_related_list():
    text = ("Storm closes schools\nBy Ann Lee, Weather Reporter\nPublished 9:00 AM, March 4, 2024\n"
            "Schools across the county closed on Tuesday as a storm brought heavy snow and high winds.\n"
            "Related:\n- Why snow days are rising\n- Ten photos of the storm\n"
            "Officials said roads would reopen on Wednesday once plows had cleared them.\n"
            "Sign up for our morning newsletter\n")
    doc = document_from_text(text)
    roles = {text[b.start:b.end].strip(): (b.role, b.reason) for b in doc.blocks}
    assert roles["By Ann Lee, Weather Reporter"] == ("boilerplate", "metadata/dateline")
    assert roles["- Why snow days are rising"][0] == "boilerplate"
    assert roles["Sign up for our morning newsletter"] == ("boilerplate", "call to action")
    assert roles["Officials said roads would reopen on Wednesday once plows had cleared them."][0] == "body"
    assert doc.date == "2024-03-04"


def test_body_sentence_mentioning_newsletter_is_kept():
    text = ("Paper closes\n\nThe town's weekly newspaper said on Monday that it would stop printing next month "
            "and move its reporting to an email newsletter, ending 120 years of print editions.\n")
    doc = document_from_text(text)
    assert [b.role for b in doc.blocks] == ["title", "body"]


# ---------------------------------------------------------------- property tests

_line = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120)


@settings(max_examples=300, deadline=None)
@given(st.lists(_line, max_size=30).map("\n".join))
def test_blocks_tile_any_text(text):
    doc = document_from_text(text)
    if not text:
        assert doc.blocks == []
        return
    _check_tiling(doc)
    assert doc.text == text, "segmentation never changes the text"
    for s, e in doc.sentences + doc.tokens:
        assert 0 <= s < e <= len(text)
        assert doc.is_content(s, e)
    for s, e in doc.sentences:
        assert doc.text[s:e].strip()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([
    "Share this article", "By Jane Doe", "Advertisement", "keep reading", "- Related link one",
    "The minister said the deal was signed on Monday in the capital.", "", "Section Heading",
    "“A quote that never ends", "Photo: Reuters", "Table of Contents", "7/31/2023",
]), max_size=25).map("\n".join))
def test_tiling_on_noise_shaped_lines(text):
    blocks = segment_text(text)
    if text:
        assert blocks[0].start == 0 and blocks[-1].end == len(text)
        assert all(a.end == b.start for a, b in zip(blocks, blocks[1:]))


def test_seed_blocks_tile(seeds_corpus):
    for d in seeds_corpus:
        _check_tiling(d)
        assert d.text == (SEEDS / f"{d.doc_id}.txt").read_text(encoding="utf-8")


# ---------------------------------------------------------------- bad input (API)

def test_bad_inputs_raise_clear_errors(tmp_path):
    with pytest.raises(framing.CorpusError, match="no such file"):
        framing.load_corpus(tmp_path / "missing")
    with pytest.raises(framing.CorpusError, match="no .txt articles"):
        framing.load_corpus(tmp_path)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 in S\xe3o Paulo".encode("latin-1"))
    (tmp_path / "good.txt").write_text("A title\n\nA sentence that is long enough to be body text here.\n")
    c = framing.load_corpus(tmp_path)
    assert [d.doc_id for d in c] == ["good"]
    errs = {e["doc_id"]: e["error"] for e in c.errors}
    assert errs["empty"] == "empty file"
    assert "binary" in errs["bin"]
    assert "not UTF-8" in errs["latin"]


def test_large_article_is_processed(tmp_path):
    para = ("The ministers signed a memorandum on Thursday, officials said, and the text was not published. " * 8)
    big = "Big article\n\n" + "\n\n".join(f"In paragraph {i}, t{para[1:]}" for i in range(6600))
    assert len(big.encode()) > 5_000_000
    f = tmp_path / "big.txt"
    f.write_text(big, encoding="utf-8")
    doc = framing.load_corpus(f)[0]
    assert doc.blocks[-1].end == len(big)
    assert len(doc.tokens) > 800_000
