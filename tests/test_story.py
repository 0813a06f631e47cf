"""Story packs: generic by default, one story only when asked for, packs validated on load."""
import shutil

import pandas as pd
import pytest
from conftest import FIXTURES, ROOT, SEEDS

import framing
from framing import stance
from framing.cli import main
from framing.story import StoryError, load_story, shipped_stories

PACK = "bolivia_iran_2023"
GOLDEN = ROOT / "tests" / "golden"
WATER = FIXTURES / "noisy" / "council_water_rates.txt"
# a story of our own, with nothing of the seeds' story in it
OWN_STORY = """Port authority approves foreign terminal deal

The port authority on Monday approved a deal that gives a foreign shipping group control of a container
terminal for thirty years, officials said. Critics warned the agreement could threaten national security
and called it a dangerous precedent.

"This is a routine commercial contract," said Helen Marsh, the authority's chair. She said the terms had
been reviewed by three ministries and that the port would keep its own customs staff at the terminal.

Senator Paul Ortega said the deal should have gone to a vote. Dock workers' unions said they had not been
consulted and asked for the text of the agreement to be published before the handover next spring.
"""


@pytest.fixture(scope="module")
def own_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("own")
    (folder / "port.txt").write_text(OWN_STORY, encoding="utf-8")
    shutil.copy(WATER, folder / WATER.name)
    return framing.load_corpus(folder)


def _seed_vocabulary() -> set[str]:
    pack = load_story(PACK)
    names = {r["name"] for r in pack.rows("speakers.csv")}
    names |= {a for r in pack.rows("speakers.csv") for a in r["aliases"].split("|") if a}
    return names


def test_the_seeds_story_is_shipped_and_listed(capsys):
    assert PACK in shipped_stories()
    assert main(["stories"]) == 0
    assert capsys.readouterr().out.startswith(PACK + "\t")


def test_seeds_with_their_pack_give_the_tables_of_before_the_relayout():
    corpus = framing.load_corpus(SEEDS, story=PACK)
    for name, table in (("quotes", framing.quotes_table(corpus)), ("terms", framing.term_hits(corpus)),
                        ("stance", framing.stance_table(corpus))):
        golden = pd.read_csv(GOLDEN / f"seeds_{name}_{PACK}.csv", keep_default_na=False)
        now = pd.read_csv(pd.io.common.StringIO(table.to_csv(index=False)), keep_default_na=False)
        assert list(golden.columns) == [c for c in now.columns if c in golden.columns], name
        pd.testing.assert_frame_equal(now[golden.columns], golden, check_dtype=False, obj=name)


def test_without_a_pack_no_seed_speaker_role_or_target_touches_another_story(own_corpus):
    quotes = framing.quotes_table(own_corpus)
    table = framing.stance_table(own_corpus)
    seed_names = _seed_vocabulary()
    assert not set(quotes.speaker) & seed_names
    assert (quotes.side == "unknown").all() or not set(quotes.side) - {"unknown", "warns", "defends"}
    water = quotes[quotes.doc_id == WATER.stem]
    assert "Ron Ellis" in set(water.speaker)
    assert set(water[water.speaker == "Ron Ellis"].speaker_role) == {"unknown"}  # not the registry's Evan Ellis
    assert not [c for c in table.columns if c.startswith("vader_")]
    assert set(table.handset_basis) == {"generic"}
    assert table.index_basis.str.startswith("calibrated generic model").all()   # no pack data in the model


def test_a_legislator_is_a_legislator_unless_the_story_says_otherwise(own_corpus):
    quotes = framing.quotes_table(own_corpus)
    assert set(quotes[quotes.speaker == "Paul Ortega"].speaker_role) == {"legislator"}
    with_pack = framing.quotes_table(own_corpus, story=PACK)
    assert set(with_pack[with_pack.speaker == "Paul Ortega"].speaker_role) == {"opposition"}


def test_the_index_rests_on_generic_weights_only_without_a_pack():
    generic, story = stance.load_weights(), stance.load_weights(story=PACK)
    assert generic["basis"] == "generic" and story["basis"] == f"generic + {PACK}"
    pack_features = set(story["features"].index) - set(generic["features"].index)
    assert {"vader_iran", "sovereignty_authorial_per_1k"} <= pack_features
    assert not [f for f in generic["features"].index if f.startswith("vader_")]


def _copy_pack(tmp_path):
    folder = tmp_path / "mypack"
    shutil.copytree(load_story(PACK).folder, folder)
    return folder


def test_a_custom_pack_with_its_own_targets_never_raises(tmp_path, own_corpus):
    folder = _copy_pack(tmp_path)
    (folder / "targets.csv").write_text("target,pattern,rationale\nport_authority,\\bport authority\\b,"
                                        "the body whose decision the coverage judges\n", encoding="utf-8")
    (folder / "weights.csv").write_text(
        "feature,kind,weight,sign,center,scale,value,rationale\n"
        "vader_port_authority,feature,0.5,-1,0,0.3,,negative tone toward the authority goes with alarm\n",
        encoding="utf-8")
    table = framing.stance_table(own_corpus, story=folder)
    assert "vader_port_authority" in table.columns and "vader_iran" not in table.columns
    assert table.handset_basis.iloc[0] == "generic + mypack"


@pytest.mark.parametrize("file,text,message", [
    ("speakers.csv", "name,aliases,role,side,source,extra\nA B,,expert,warns,x,y\n", "unknown column(s) extra"),
    ("targets.csv", "target,pattern,rationale\nx,(unclosed,why\n", "bad regular expression"),
    ("topics.csv", "topic,pattern,query,rationale\nt,\\bx\\b,q,\n", "no rationale"),
    ("speakers.csv", "name,aliases,role,side,source\nA B,,expert,sideways,x\n", "side must be one of"),
    ("weights.csv", "feature,kind,weight,sign,center,scale,value,rationale\nvader_mars,feature,1,-1,0,0.3,,why\n",
     "no target 'mars'"),
    ("notes.txt", "anything", "unknown file(s) notes.txt"),
])
def test_a_broken_pack_is_one_line_exit_2(tmp_path, capsys, file, text, message):
    folder = _copy_pack(tmp_path)
    (folder / file).write_text(text, encoding="utf-8")
    assert main(["stance", str(SEEDS / "000_68f374f61da0462d.txt"), "--story", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "mypack" in err


def test_an_unknown_pack_name_lists_the_shipped_ones():
    with pytest.raises(StoryError, match=PACK):
        load_story("no_such_story")
