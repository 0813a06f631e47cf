"""Turn the hand annotation of page noise vs article text into character spans.

The annotation itself is the ``ANNOTATION`` table below: it was made by reading each
text line by line (see ``annotations/README.md``, section *segments*). This
script only converts line numbers into exact character offsets and validates the
result; it contains no segmentation logic and imports nothing from ``framing``.

Usage (from anywhere)::

    python annotations/make_spans.py           # (re)write both CSVs, validate, print summary
    python annotations/make_spans.py --check   # validate the committed CSVs, write nothing

Output files (columns ``doc_id,start,end,role,reason,note``):

* ``annotations/segments.csv``        -- the five seeds in ``seeds/*.txt``
* ``annotations/noisy_segments.csv``  -- the fixtures in ``tests/fixtures/noisy/*.txt``

Span convention: ``start``/``end`` are character offsets into
``Path(f).read_text(encoding="utf-8")`` (end exclusive). A span covers one line (or one
part of a line where the role changes inside it) with leading/trailing whitespace,
including the newline and trailing no-break spaces, left out. Spans never overlap and
together cover every non-whitespace character of the file (``str.isspace``).

The functions :func:`read_segments` and :func:`validate` are importable by tests.
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent          # annotations/
REPO = HERE.parent                              # repository root
SEEDS_DIR = REPO / "seeds"
NOISY_DIR = REPO / "tests" / "fixtures" / "noisy"
SEGMENTS_CSV = HERE / "segments.csv"
NOISY_CSV = HERE / "noisy_segments.csv"

COLUMNS = ["doc_id", "start", "end", "role", "reason", "note"]
CONTENT_ROLES = ("title", "dek", "heading", "body")
ROLES = CONTENT_ROLES + ("boilerplate",)
REASONS = (
    "photo caption",
    "repeated line",
    "link list",
    "teaser of another article",
    "metadata/dateline",
    "navigation or table of contents",
    "call to action",
    "social/share residue",
)

# Short aliases used only inside the table below (expanded to the full vocabulary).
_R = {
    "cap": "photo caption",
    "rep": "repeated line",
    "links": "link list",
    "teaser": "teaser of another article",
    "meta": "metadata/dateline",
    "nav": "navigation or table of contents",
    "cta": "call to action",
    "social": "social/share residue",
}

# ---------------------------------------------------------------------------
# The hand annotation.
#
# Per document: a list of line ranges (1-based, inclusive; blank lines inside a range
# are skipped) as (first, last, role, reason_alias_or_"", expected_start_of_first_line, note).
# The expected start is asserted against the text so that a wrong line number fails loudly.
# "splits": {line: [(marker, role, reason_alias, note), ...]} -- the line's span is cut
# just before `marker` (which must occur exactly once in that line); the part from the
# marker on gets the new role. Every non-blank line must be in exactly one range.
# ---------------------------------------------------------------------------
ANNOTATION: dict[str, dict] = {
    # ---------------- seeds ----------------
    "000_68f374f61da0462d": {
        "dir": SEEDS_DIR,
        "lines": [
            (1, 1, "boilerplate", "social", "Follow us on social", "social-media header of the page"),
            (4, 4, "title", "", "Fresh hysteria over", ""),
            (6, 6, "dek", "", "An alleged drone deal", "one-sentence standfirst between headline and section label"),
            (8, 8, "boilerplate", "meta", "Analysis | Latin America", "section label (kicker) of the article"),
            (10, 46, "body", "", "Just days after Iranian", "article body; ends with the Post's 'opaque' sentence (line 46)"),
            (48, 48, "boilerplate", "cap", "(Shutterstock/ StringerAL)", "image credits; start of the post-article teaser area"),
            (49, 49, "boilerplate", "meta", "Analysis | Latin America", "section label of the next teaser (same text as line 8)"),
            (50, 50, "boilerplate", "cap", "Chris Murphy Ben Cardin", "image alt text of the teaser photo"),
            (52, 52, "boilerplate", "cap", "Photo Credit: viewimage", "photo credit"),
            (54, 59, "boilerplate", "teaser", "Senate has two days", "teaser of the Menendez/Egypt article: headline + excerpt"),
            (61, 61, "boilerplate", "cta", "keep readingShow less", "'keep reading' button residue"),
            (62, 63, "boilerplate", "links", "Diplomacy Watch: A peace", "bare headlines of two other Diplomacy Watch articles"),
            (65, 70, "boilerplate", "teaser", "Diplomacy Watch: Domestic", "teaser of the Ukraine article: headline + excerpt"),
            (72, 72, "boilerplate", "cta", "keep readingShow less", "'keep reading' button residue"),
            (73, 80, "boilerplate", "teaser", "What the GOP candidates", "teaser of the GOP debate article (headline shown twice + excerpt)"),
            (82, 82, "boilerplate", "cta", "keep readingShow less", "'keep reading' button residue"),
            (84, 84, "boilerplate", "nav", "Ukraine War Crisis", "topic-hub link at the end of the page"),
        ],
    },
    "001_432ae2a8233d9b3d": {
        "dir": SEEDS_DIR,
        "lines": [
            (1, 1, "title", "", "United States Allies Are", ""),
            (3, 31, "body", "", "Opposition members of", "line 3 is a full news lede, not a dek"),
            (33, 33, "boilerplate", "links", "Our Latest Articles", "header of a latest-articles widget (its links were not captured)"),
        ],
    },
    "002_0b4b21a30b518482": {
        "dir": SEEDS_DIR,
        "lines": [
            (1, 2, "body", "", "The statement made in July", "capture has no title line; line 1 is the lede, not a dek"),
            (3, 3, "heading", "", "Division in Bolivia", "section heading"),
            (4, 9, "body", "", "On July 16, 2023", ""),
            (10, 10, "heading", "", "Argentina's Concerns", "section heading"),
            (11, 15, "body", "", "The strong relationship", ""),
            (16, 16, "heading", "", "Motives for Concern", "section heading"),
            (17, 17, "body", "", "Despite Bolivia's attempts", "ends with 'as follows:' introducing the numbered points"),
            (18, 18, "heading", "", "1. Apprehensions about", "numbered sub-heading (the article's own structure)"),
            (19, 20, "body", "", "Given Argentina's border", ""),
            (21, 21, "heading", "", "2. Anticipating reaction", "numbered sub-heading"),
            (22, 23, "body", "", "The DAIA organization", ""),
            (24, 24, "heading", "", "3. American threats:", "numbered sub-heading"),
            (25, 27, "body", "", "Within the geopolitical", "line 27 'In conclusion ...' is the article's closing paragraph"),
        ],
    },
    "003_054b8754569760fc": {
        "dir": SEEDS_DIR,
        "lines": [
            (1, 1, "title", "", "Bolivia–Iran Defense Agreement", ""),
            (3, 3, "dek", "", "Bolivia’s leftist Arce", "standfirst above the repeated headline; the lede (line 11) restates it"),
            (4, 4, "boilerplate", "rep", "Bolivia–Iran Defense Agreement", "headline repeated over the lead image"),
            (5, 5, "boilerplate", "cap", "The Iranian national flag", "lead photo caption with credit"),
            (6, 6, "boilerplate", "meta", "7/31/2023", "publication date"),
            (7, 8, "boilerplate", "meta", "Updated:", "update date"),
            (9, 9, "boilerplate", "meta", "0:00", "audio-player timer residue"),
            (11, 25, "body", "", "Bolivia announced its entry", ""),
            (27, 28, "boilerplate", "cap", "The Iranian warship IRIS", "photo caption, printed twice"),
            (30, 34, "body", "", "“The wording is misleading", ""),
            (36, 36, "heading", "", "Circling Back", "section heading"),
            (38, 48, "body", "", "When examining Bolivia’s", ""),
            (49, 50, "boilerplate", "cap", "President of Bolivia and", "photo caption, printed twice"),
            (51, 61, "body", "", "The U.S. State Department", ""),
            (63, 64, "boilerplate", "cap", "Supporters of Bolivia's", "photo caption, printed twice"),
            (66, 66, "heading", "", "Foot in the Door", "section heading"),
            (68, 78, "body", "", "When it comes to curtailing", ""),
            (80, 80, "heading", "", "Terrorism Threat", "section heading"),
            (82, 85, "body", "", "One of the potential", "article ends with Berzain's quote"),
        ],
    },
    "004_860239e01b487ead": {
        "dir": SEEDS_DIR,
        "lines": [
            (1, 1, "title", "", "Iran & Bolivia: Unraveling", ""),
            (2, 3, "body", "", "The relationship between Iran", "intro paragraphs: long, flow into the article; lede, not dek"),
            (4, 11, "boilerplate", "nav", "Table of Contents", "table of contents (header + 7 entries)"),
            (12, 12, "heading", "", "The Genesis of an Unlikely", "section heading"),
            (13, 15, "body", "", "The diplomatic landscape", ""),
            (16, 16, "heading", "", "Economic Diplomacy and", "section heading"),
            (17, 17, "body", "", "Beyond the ideological", ""),
            (18, 22, "boilerplate", "links", "- Military Power Israel Vs Iran", "unrelated search links inserted mid-section"),
            (23, 24, "body", "", "This is where countries", "continues the section interrupted by the link list"),
            (25, 25, "heading", "", "Deepening Military Ties", "section heading"),
            (26, 26, "body", "", "Perhaps the most controversial", ""),
            (27, 27, "heading", "", "Opaque Agreements and", "sub-heading"),
            (28, 30, "body", "", "Early military cooperation", ""),
            (31, 31, "heading", "", "The 2023 Defense Pact", "sub-heading"),
            (32, 33, "body", "", "The military relationship", ""),
            (34, 34, "heading", "", "Bolivia: A Strategic Foothold", "section heading"),
            (35, 38, "body", "", "Many analysts view Bolivia", ""),
            (39, 39, "heading", "", "Beyond Bilateral:", "section heading"),
            (40, 42, "body", "", "The Iran-Bolivia relationship", ""),
            (43, 43, "heading", "", "Diplomatic Shifts and", "section heading"),
            (44, 46, "body", "", "The deepening ties", "line 45 quotes a Spanish passage: article text"),
            (47, 47, "heading", "", "The Future of the Iran-Bolivia", "section heading"),
            (48, 50, "body", "", "The trajectory of the", ""),
            (51, 51, "heading", "", "Conclusion", "section heading (not listed in the table of contents)"),
            (52, 54, "body", "", "The evolving relationship", "line 54 is split: its last three sentences are a call to action"),
            (55, 59, "boilerplate", "links", "- Israel Military Size Vs Iran", "unrelated search links after the article"),
            (60, 62, "boilerplate", "teaser", "Iran says no to nuclear talks", "headline of another article, printed three times"),
        ],
        "splits": {
            54: [("We invite you to share your thoughts", "boilerplate", "cta",
                  "comment prompt + 'Explore more articles' inside the last paragraph")],
        },
    },
    # ---------------- invented noisy fixtures ----------------
    "battery_plant_jobs": {
        "dir": NOISY_DIR,
        "lines": [
            (1, 1, "boilerplate", "meta", "Business | Energy", "section label"),
            (2, 2, "boilerplate", "meta", "Published 9:12 AM CST", "timestamp line"),
            (4, 4, "title", "", "Battery maker picks Kansas", ""),
            (6, 6, "boilerplate", "meta", "By Priya Natarajan", "byline"),
            (8, 10, "body", "", "Voltera Energy said", ""),
            (12, 12, "boilerplate", "cta", "Advertisement", "ad slot label (no closer reason in the fixed vocabulary)"),
            (14, 14, "body", "", "Kansas offered a package", ""),
            (16, 16, "heading", "", "Why Kansas?", "question-form sub-heading"),
            (17, 17, "body", "", "Brandt said the company", ""),
            (19, 19, "boilerplate", "cap", "Workers assemble battery", "photo caption with credit"),
            (21, 21, "body", "", "Not everyone welcomed", "split: last sentence is a newsletter prompt"),
            (23, 23, "boilerplate", "cta", "Advertisement", "ad slot label"),
            (25, 25, "body", "", "Economists said the plant", ""),
            (27, 27, "boilerplate", "teaser", "Read more: Electric truck", "single 'Read more' teaser"),
            (29, 29, "boilerplate", "meta", "© 2024 Plains Business", "copyright footer"),
            (30, 30, "boilerplate", "nav", "About Us | Contact", "footer navigation links"),
        ],
        "splits": {
            21: [("For more stories like this", "boilerplate", "cta", "newsletter prompt at the end of a body paragraph")],
        },
    },
    "council_water_rates": {
        "dir": NOISY_DIR,
        "lines": [
            (1, 1, "boilerplate", "cta", "We use cookies", "cookie-consent banner at the top"),
            (3, 3, "title", "", "Millbrook council approves", ""),
            (5, 5, "boilerplate", "meta", "By Jane Doe, Staff Writer", "byline"),
            (6, 6, "boilerplate", "meta", "Published 3:45 PM EST", "timestamp line"),
            (8, 12, "body", "", "Millbrook's city council", "line 8 is the lede (no dek)"),
            (14, 14, "boilerplate", "cap", "Residents fill the council", "photo caption with (AP Photo/...) credit"),
            (16, 16, "boilerplate", "cta", "Advertisement", "ad slot label"),
            (18, 18, "body", "", "Two council members", ""),
            (20, 20, "boilerplate", "teaser", "Read more: Millbrook schools", "single 'Read more' teaser mid-article"),
            (22, 24, "body", "", "About 40 residents spoke", ""),
            (26, 27, "boilerplate", "social", "Share this article", "share buttons at the end"),
            (29, 29, "boilerplate", "meta", "© 2024 Millbrook Courier", "copyright footer"),
        ],
    },
    "ferry_service_cuts": {
        "dir": NOISY_DIR,
        "lines": [
            (1, 1, "boilerplate", "nav", "Home > News > Transport", "breadcrumb"),
            (3, 3, "title", "", "Island ferry timetable cut", ""),
            (5, 5, "boilerplate", "meta", "Last updated: 14 June 2024", "timestamp line"),
            (7, 7, "boilerplate", "cap", "Photo: Harbour Ferries'", "photo caption with credit"),
            (9, 11, "body", "", "Harbour Ferries will reduce", "line 11 uses 'share' as article text"),
            (13, 13, "heading", "", "Islanders react", "sub-heading"),
            (14, 16, "body", "", "Business owners on Carra", ""),
            (18, 18, "boilerplate", "cta", "Advertisement", "ad slot label"),
            (20, 20, "heading", "", "What the company says", "sub-heading"),
            (21, 23, "body", "", "Chief executive Graham Lyle", "line 21 mentions a recruitment advertisement: article text"),
            (25, 27, "boilerplate", "links", "Read more:", "'Read more' header + two headline links"),
            (29, 29, "boilerplate", "social", "Follow us on Facebook", "social follow prompt"),
            (31, 31, "boilerplate", "cta", "This website uses cookies", "cookie-consent banner at the bottom"),
        ],
    },
    "river_flood_warning": {
        "dir": NOISY_DIR,
        "lines": [
            (1, 2, "boilerplate", "social", "Share this article", "share buttons at the top"),
            (4, 4, "title", "", "Flood warnings extended", ""),
            (5, 5, "dek", "", "Emergency crews evacuate", "subtitle line directly under the headline"),
            (7, 7, "boilerplate", "meta", "By Tom Okafor", "byline"),
            (9, 9, "boilerplate", "cap", "A pickup truck drives", "photo caption ending 'Photo: Reuters'"),
            (11, 15, "body", "", "The Calder River rose", "line 13 starts 'By Thursday morning': body, not a byline"),
            (17, 20, "boilerplate", "links", "Related:", "'Related:' header + bulleted links mid-article"),
            (22, 22, "heading", "", "Schools closed", "sub-heading"),
            (23, 27, "body", "", "All schools in the Hebden", ""),
            (29, 29, "boilerplate", "cta", "Sign up for our daily", "newsletter sign-up prompt"),
            (31, 35, "boilerplate", "links", "Most read", "'Most read' header + numbered headline list"),
        ],
    },
}
SEED_DOCS = [d for d, a in ANNOTATION.items() if a["dir"] == SEEDS_DIR]
NOISY_DOCS = [d for d, a in ANNOTATION.items() if a["dir"] == NOISY_DIR]


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def spans_for(doc_id: str, text: str) -> list[dict]:
    """Convert the line annotation of one document into span rows.

    Parameters
    ----------
    doc_id : str
        Key of ``ANNOTATION`` (the file stem).
    text : str
        The file text as ``Path.read_text(encoding="utf-8")`` returns it.

    Returns
    -------
    list of dict
        One dict per span with keys ``COLUMNS``; sorted by ``start``.
    """
    ann = ANNOTATION[doc_id]
    lines = text.split("\n")
    offsets, pos = [], 0
    for line in lines:                      # offset of each line's first character
        offsets.append(pos)
        pos += len(line) + 1
    label: dict[int, tuple] = {}            # 1-based line number -> (role, reason, note)
    for first, last, role, reason, expect, note in ann["lines"]:
        got = lines[first - 1].strip()
        assert got.startswith(expect), f"{doc_id} line {first}: expected {expect!r}, got {got[:40]!r}"
        for n in range(first, last + 1):
            if not lines[n - 1].strip():
                continue
            assert n not in label, f"{doc_id} line {n} annotated twice"
            label[n] = (role, _R.get(reason, reason), note)
    missing = [n for n, line in enumerate(lines, 1) if line.strip() and n not in label]
    assert not missing, f"{doc_id}: non-blank lines without a label: {missing}"
    splits = ann.get("splits", {})
    rows = []
    for n in sorted(label):
        line, base = lines[n - 1], offsets[n - 1]
        cuts = [(0, *label[n])]
        for marker, role, reason, note in splits.get(n, []):
            assert line.count(marker) == 1, f"{doc_id} line {n}: marker {marker!r} not unique"
            cuts.append((line.index(marker), role, _R.get(reason, reason), note))
        cuts.sort()
        for i, (cut, role, reason, note) in enumerate(cuts):
            stop = cuts[i + 1][0] if i + 1 < len(cuts) else len(line)
            s, e = _strip_span(text, base + cut, base + stop)
            if s < e:
                rows.append({"doc_id": doc_id, "start": s, "end": e, "role": role,
                             "reason": reason, "note": f"L{n}" + (f"; {note}" if note else "")})
    return rows


def validate(text: str, rows: list[dict], doc_id: str = "doc") -> None:
    """Assert the span contract for one document; raise AssertionError on the first breach.

    Checks: integer offsets within ``[0, len(text)]``, ``start < end``; no overlap;
    every non-whitespace character inside some span; no span starting/ending with
    whitespace or containing a newline; role in ``ROLES``; boilerplate rows carry a
    reason from ``REASONS`` and content rows carry none.
    """
    spans = sorted((int(r["start"]), int(r["end"]), r["role"], r["reason"]) for r in rows)
    covered = [False] * len(text)
    prev_end = 0
    for s, e, role, reason in spans:
        assert 0 <= s < e <= len(text), f"{doc_id}: span {s}-{e} out of bounds/empty"
        assert s >= prev_end, f"{doc_id}: span {s}-{e} overlaps the previous one (ends {prev_end})"
        prev_end = e
        piece = text[s:e]
        assert "\n" not in piece, f"{doc_id}: span {s}-{e} crosses a line break"
        assert not piece[0].isspace() and not piece[-1].isspace(), f"{doc_id}: span {s}-{e} has edge whitespace"
        assert role in ROLES, f"{doc_id}: unknown role {role!r}"
        if role == "boilerplate":
            assert reason in REASONS, f"{doc_id}: span {s}-{e} reason {reason!r} not in vocabulary"
        else:
            assert reason == "", f"{doc_id}: content span {s}-{e} has a reason {reason!r}"
        for i in range(s, e):
            covered[i] = True
    gaps = [i for i, ch in enumerate(text) if not ch.isspace() and not covered[i]]
    assert not gaps, f"{doc_id}: non-whitespace characters not covered, first at {gaps[0]}: {text[gaps[0]:gaps[0] + 30]!r}"


def read_segments(csv_path: Path) -> dict[str, list[dict]]:
    """Read a segments CSV into ``{doc_id: [row, ...]}`` with integer start/end."""
    out: dict[str, list[dict]] = defaultdict(list)
    with open(csv_path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == COLUMNS, f"{csv_path}: columns {reader.fieldnames} != {COLUMNS}"
        for row in reader:
            row["start"], row["end"] = int(row["start"]), int(row["end"])
            out[row["doc_id"]].append(row)
    return dict(out)


def _text(doc_id: str) -> str:
    return (ANNOTATION[doc_id]["dir"] / f"{doc_id}.txt").read_text(encoding="utf-8")


def _write(csv_path: Path, docs: list[str]) -> None:
    with open(csv_path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for d in docs:
            w.writerows(spans_for(d, _text(d)))


def summary(csv_path: Path) -> list[tuple]:
    """Per document: non-whitespace article chars, noise chars, noise chars by reason."""
    rows = []
    for doc_id, segs in read_segments(csv_path).items():
        text = _text(doc_id)
        art, noise, by_reason = 0, 0, defaultdict(int)
        for r in segs:
            n = sum(not ch.isspace() for ch in text[r["start"]:r["end"]])
            if r["role"] == "boilerplate":
                noise += n
                by_reason[r["reason"]] += n
            else:
                art += n
        rows.append((doc_id, art, noise, dict(sorted(by_reason.items()))))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="validate the existing CSVs; write nothing")
    args = ap.parse_args(argv)
    for csv_path, docs in ((SEGMENTS_CSV, SEED_DOCS), (NOISY_CSV, NOISY_DOCS)):
        if not args.check:
            _write(csv_path, docs)
        segs = read_segments(csv_path)
        assert sorted(segs) == sorted(docs), f"{csv_path}: documents {sorted(segs)} != {sorted(docs)}"
        for d in docs:
            text = _text(d)
            validate(text, segs[d], d)
            fresh = spans_for(d, text)     # the CSV must be exactly what the annotation gives
            assert [(r["start"], r["end"], r["role"], r["reason"]) for r in segs[d]] == \
                   [(r["start"], r["end"], r["role"], r["reason"]) for r in fresh], f"{d}: CSV differs from annotation"
        print(f"{csv_path.relative_to(REPO)}: {sum(map(len, segs.values()))} spans, {len(docs)} documents, valid")
        for doc_id, art, noise, by_reason in summary(csv_path):
            print(f"  {doc_id:24s} article {art:6d}  noise {noise:5d}  " +
                  ", ".join(f"{k}: {v}" for k, v in by_reason.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
