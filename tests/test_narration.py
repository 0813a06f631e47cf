"""The report narrates the corpus it is given: on the council water-rates fixture with a story pack of
its own, no seed speaker, role rule, target or word of the seeds' story appears anywhere in the report,
and the pack's own title does (issue 10, "What it must show")."""
import html
import re
import shutil

import pytest
from conftest import FIXTURES

from framing.report import build_report
from framing.report import notebooks as nbx
from framing.safe import markdown_text
from framing.story import load_story

SEED_PACK = load_story("bolivia_iran_2023")
PACK = FIXTURES / "stories" / "millbrook_water_2024"
WATER = FIXTURES / "noisy" / "council_water_rates.txt"
# a second text on the same story, written for this test: a column against the rise
COLUMN = """Millbrook's water rate shock hits the families who can least afford it

By Ana Ruiz, Columnist

An 18% rise in water rates over two years is not a repair plan. For many households on fixed incomes it is
price gouging by another name, approved in a late-night vote with the public comment period cut short.

"We were told this would be gradual," said Linda Park, who runs a small daycare on Elm Street. "Now my bill
goes up every July and nobody on the council will say when it stops."

Council member Dale Whitaker, who voted against the plan, said the city had not applied for the state and
federal grants that could have paid for much of the work. "We are asking families to pay for decades of
neglect, all at once," Whitaker said.

The lead service lines are real, and they are dangerous. But the council chose the fastest and costliest
way to replace them, and it set aside Priya Raman's proposal for a discount for low-income households.

Marisol Grant, the utilities director, said the schedule was set by the condition of the pipes. Residents
deserve more than a schedule: they deserve a plan they can afford.
"""
SOURCES = ("doc_id,outlet,title,date,analyst_frame,analyst_justification\n"
           "council_water_rates,Millbrook Courier,Millbrook council approves 18% water rate rise,2024-03-04,neutral,"
           "a straight report of the vote\n"
           "water_column,Millbrook Courier (opinion),Millbrook's water rate shock,2024-03-06,alarmist,"
           "a column against the rise\n")
IMAGE = re.compile(r"data:image/[a-z]+;base64,[A-Za-z0-9+/=\s]+")
STORY_WORDS = ["Bolivia", "Iran", "AMIA", "Hezbollah", "memorandum", "Tehran", "Argentin"]


@pytest.fixture(scope="module")
def water_report(tmp_path_factory):
    """The whole report on the water corpus with the test pack; every notebook executed once, kept."""
    corpus = tmp_path_factory.mktemp("water")
    shutil.copy(WATER, corpus / WATER.name)
    (corpus / "water_column.txt").write_text(COLUMN, encoding="utf-8")
    (corpus / "sources.csv").write_text(SOURCES, encoding="utf-8")
    executed = {}

    def execute(path, **kwargs):
        executed[path.name] = nb = real_execute(path, **kwargs)
        return nb

    real_execute = nbx.execute
    out = tmp_path_factory.mktemp("water_site")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(nbx, "execute", execute)
        result = build_report(corpus, out, story=PACK)
    return out, result, executed


def _outputs(nb) -> str:
    """Every output of a notebook as text: streams, plain text, HTML and Markdown."""
    parts = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            parts.append(o.get("text", ""))
            for mime in ("text/plain", "text/html", "text/markdown"):
                parts.append(o.get("data", {}).get(mime, ""))
    return "\n".join(parts)


def _seed_vocabulary() -> list[str]:
    """What only the seeds' pack knows: its speakers, its targets and topics, its role rules' wording."""
    names = [r["name"] for r in SEED_PACK.rows("speakers.csv")]
    targets = [r["target"] for r in SEED_PACK.rows("targets.csv")] + [r["topic"] for r in SEED_PACK.rows("topics.csv")]
    return names + targets + [t.replace("_", " ") for t in targets] + ["vader_" + t for t in targets] + ["STORY RULE"]


def _narration(nb) -> str:
    """What a reader of the notebook page reads apart from code: Markdown cells and every output."""
    return "\n".join([c.source for c in nb.cells if c.cell_type == "markdown"] + [_outputs(nb)])


def _texts(water_report):
    site, _, executed = water_report
    texts = {name: _narration(nb) for name, nb in executed.items()}
    # pages with no notebook code on them are checked whole (a notebook page also shows its code)
    for page in [site / "index.html"] + sorted((site / "articles").glob("*.html")):
        text = IMAGE.sub("", page.read_text(encoding="utf-8"))  # base64 figures are not words
        texts[page.relative_to(site).as_posix()] = html.unescape(text)
    return texts


def test_every_notebook_runs_on_another_story_with_its_pack(water_report):
    site, result, executed = water_report
    assert result.failed == []
    assert len(executed) == len(nbx.notebook_paths()) >= 6


def test_no_seed_speaker_target_topic_or_role_rule_appears(water_report):
    for name, text in _texts(water_report).items():
        for word in _seed_vocabulary():
            assert not re.search(rf"\b{re.escape(word)}\b", text, re.I), (name, word)
    for name, nb in water_report[2].items():  # the seeds' rule: a legislator speaks as opposition
        assert not re.search(r"\bopposition\b", _outputs(nb)), name


def test_no_word_of_the_seeds_story_appears(water_report):
    for name, text in _texts(water_report).items():
        for word in STORY_WORDS:
            assert word.lower() not in text.lower(), (name, word)


def test_the_pack_narrates_its_own_story(water_report):
    site, _, executed = water_report
    title = load_story(PACK).title
    for name, nb in executed.items():
        assert markdown_text(title) in _outputs(nb), name
    page = (site / "01_corpus.html").read_text(encoding="utf-8")
    assert html.escape(title, quote=False) in page
    assert "price gouging" in _outputs(executed["02_loaded_terms.ipynb"])  # the pack's own cue is used
    assert "city council" in _outputs(executed["04_stance.ipynb"])  # its tone target, named


def test_seed_only_statements_do_not_follow_another_corpus(water_report):
    _, _, executed = water_report
    validation = _outputs(executed["06_validation.ipynb"])
    assert "articles of this corpus (in-sample)" not in validation  # the seeds' hand-annotation scores
    assert "of 2 sources" in validation and "Spearman ρ = not defined" in validation  # computed for this corpus
    assert "five" not in _outputs(executed["01_corpus.ipynb"]).lower()
