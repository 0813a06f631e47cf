"""Issue 11: quote attribution on news the rules were not written on.

Every test reads a sentence written for it (no PolNeAR text: that corpus stays outside the
repository); each fails if the change it tests is reverted.
"""
from __future__ import annotations

import re

from framing.quotes import extract_quotes, quote_spans
from framing.quotes.document import _DocModel
from framing.quotes.speakers import compatible


def _rows(text: str) -> list[tuple[str, str, str]]:
    return [(q["kind"], q["speaker"], q["text"]) for q in extract_quotes(text)]


# --------------------------------------------------------------------------- two apostrophes


def test_two_apostrophes_are_a_double_mark():
    text = ("''We will not wait,'' said Nora Vale, a union organiser. ''The plant closes in May.''\n\n"
            "The shelf is 12'' wide, she said.")
    rows = _rows(text)
    assert ("direct", "Nora Vale", "''We will not wait,''") in rows
    assert ("direct", "Nora Vale", "''The plant closes in May.''") in rows
    # inches: two apostrophes after a digit are no quotation mark
    assert not any("12''" in r[2] and r[0] != "reported" for r in rows)


def test_two_apostrophes_continue_into_the_next_paragraph():
    text = "Ms. Vale said: ''We asked twice.\n\n''Nobody answered us,'' she added."
    spans = quote_spans(text)
    assert len(spans) == 1 and "continued" in spans[0][2]
    assert text[spans[0][0]:spans[0][1]].endswith("us,''")


# --------------------------------------------------------------------------- non-speakers


def _speaker_of(text: str, quote_start: str) -> str:
    """The speaker of the row that opens with ``quote_start``, or of the reported clause quoting it."""
    rows = [q for q in extract_quotes(text) if q["text"].lstrip("“\"'").startswith(quote_start)
            or (q["kind"] == "reported" and quote_start in q["text"])]
    assert rows, (text, extract_quotes(text))
    return rows[0]["speaker"]


def test_date_is_never_a_speaker():
    text = "Ms. Hale on Tuesday wrote that she agreed. “Prices have doubled,” she wrote."
    assert _speaker_of(text, "Prices") == "Hale"


def test_party_state_tag_is_never_a_speaker():
    text = "“It is not new here,” said Rep. Bob Lane (D-Va.) at the time. Later, he said, “it is not over.”"
    assert _speaker_of(text, "It is not") == "Bob Lane"
    assert _speaker_of(text, "it is not over") == "Bob Lane"


def test_conjunction_led_fragment_is_never_a_speaker():
    text = "Mr. Orrin Dale said the rules were fine. But he added, “We will not wait for the vote.”"
    assert _speaker_of(text, "We will") == "Orrin Dale"


def test_clause_fragment_is_never_a_speaker():
    text = "The case is one where prosecutors have long said “nothing moves without a signature.”"
    assert _speaker_of(text, "nothing") == "prosecutors"


def test_degree_word_before_an_ing_adjective_is_no_subject():
    text = "The most telling promise she has made is a small one. “We need less of that,” she has said."
    assert _speaker_of(text, "We need") != "The most"


# --------------------------------------------------------------------------- speech verbs and ?/! tags


def test_medium_and_manner_verbs_attribute():
    text = ("“Prices will fall,” Ann Rowe tweeted on Monday. “To date,” she continued, “nobody has paid.” "
            "“Not a chance,” Tom Hale quipped. “We will stay,” the mayor vowed.")
    rows = extract_quotes(text)
    cues = {q["text"]: q["cue"] for q in rows}
    assert cues["“Prices will fall,”"] == "tweeted"
    assert cues["“To date,”"] == "continued"
    assert cues["“Not a chance,”"] == "quipped"
    assert cues["“We will stay,”"] == "vowed"


def test_question_mark_then_reporting_clause():
    text = "Ann Rowe spoke first. “Would the port stay open?” Mr. Tom Hale asked. “Why not?” she answered."
    assert _speaker_of(text, "Would the port") == "Tom Hale"
    assert [q["cue"] for q in extract_quotes(text) if q["text"].startswith("“Would")] == ["asked"]


# --------------------------------------------------------------------------- pronouns


def test_pronoun_resolves_to_a_sentence_subject_named_before():
    # no earlier speaker: "He" is the person the previous sentence is about, not the date nor the child
    text = ("Andrew Hale took his daughter, Chloe, there on Sunday to explain who the boxer was. "
            "He said: “He was strong and kind to everyone.”")
    assert _speaker_of(text, "He was strong") == "Andrew Hale"


def test_pronoun_prefers_a_person_named_since_the_last_speaker():
    # the sentence before names Mara Lind as its subject: nearer than the speaker of the first quote
    # (the capitalised run "Tom Berg. Mara Lind" is two names: a sentence ends inside it)
    text = ("“We are ready,” said Tom Berg. Mara Lind made the point that the plan costs too much. "
            "“It will not pass,” she noted.")
    assert _speaker_of(text, "It will not") == "Mara Lind"


def test_pronoun_skips_a_speaker_of_the_other_gender_the_text_gives():
    # "Sam Ortiz said his team …": he is a man, so "she" looks past him
    text = ("Sam Ortiz said his team would win.\n\n“It is our year,” said Robin Hale.\n\n"
            "“We have the votes,” said Sam Ortiz.\n\n“That will never happen,” she said.")
    assert _speaker_of(text, "That will never") == "Robin Hale"
    # ... and so does a "he" already bound to him
    bound = ("“We have the votes,” said Sam Ortiz. “It is our year,” he added.\n\n“Not so fast,” said Robin Hale."
             "\n\n“We will see,” said Sam Ortiz.\n\n“That will never happen,” she said.")
    assert _speaker_of(bound, "That will never") == "Robin Hale"


def test_pronoun_in_a_longer_subject_and_they_for_an_organisation():
    text = "Mara Lind ran the county for a decade. In 2010 she said the county would never sell the land."
    assert [q["speaker"] for q in extract_quotes(text)] == ["Mara Lind"]
    they = "Kestrel Holdings closed two lines on Monday. They said the lines had lost money for years."
    assert [q["speaker"] for q in extract_quotes(they)] == ["Kestrel Holdings"]
    # a sentence adverb is no name: "Still, Ann Rowe, …, said"
    still = "Still, Ann Rowe, a senior adviser to the mayor, said on Tuesday that the plan would pass."
    assert "Ann Rowe" in [q["speaker"] for q in extract_quotes(still)]
    assert "Still" not in [q["speaker"] for q in extract_quotes(still)]


def test_pronoun_never_refers_to_a_byline_in_a_dateline():
    text = ("By Tom Berg, Senior Reporter | June 3, 2024 7:30 a.m.\n\n"
            "The river rose overnight. “We have never seen this,” he said.")
    assert _speaker_of(text, "We have never") == ""


# --------------------------------------------------------------------------- descriptors


def _reported_speakers(text: str) -> list[str]:
    return [q["speaker"] for q in extract_quotes(text) if q["kind"] == "reported"]


def test_company_links_to_the_organisation_of_its_sentence_never_to_a_time_zone():
    text = ("Last updated: 14 June 2024, 07:30 BST\n\n"
            "Kestrel Rail will close two stations on the coast line from May, the company said on Monday, "
            "citing falling ticket sales.\n\n"
            "Passengers on the line were not consulted.\n\n"
            "The stations will stay open for freight, the company said.\n")
    assert _reported_speakers(text) == ["Kestrel Rail", "Kestrel Rail"]
    # a dateline before the sentence: the name after it still opens the sentence
    assert _reported_speakers("LONDON, June 3 (Wire) - Kestrel Rail will close two stations, the company said.") \
        == ["Kestrel Rail"]


def test_time_zone_and_dateline_are_no_organisation():
    from framing.quotes.document import _DocModel

    text = "Posted 3 June 2024, 09:15 EDT\n\nThe plant will close, the company said.\n"
    dm = _DocModel(text)
    assert "EDT" not in dm.entities.by_name
    assert dm.entities.in_dateline(text.index("Posted")) and not dm.entities.in_dateline(text.index("The plant"))
    assert _reported_speakers(text) == ["the company"]
    # a short sentence with a date is no dateline
    assert not _DocModel("Ann Lee resigned on June 3, 2024.\n").entities.datelines


def test_descriptor_stays_unlinked_when_two_entities_fit():
    two_orgs = "Acme Corp agreed to buy Brightline Inc for $2 billion, the company said on Monday."
    assert _reported_speakers(two_orgs) == ["the company"]
    two_ministers = ("Defence Minister Ana Ruiz and Finance Minister Tom Berg met on Monday.\n\n"
                     "The minister said the base would stay open.")
    assert _reported_speakers(two_ministers) == ["The minister"]


def test_minister_and_ministry_link_to_the_named_entity():
    one = "Defence Minister Ana Ruiz visited the base on Monday.\n\nThe minister said the base would stay open."
    assert _reported_speakers(one) == ["Ana Ruiz"]
    # "ministry" in lower case elsewhere in the text does not cut the organisation's name
    org = "The Ministry of Health published new figures on Monday.\n\nThe ministry said infections had fallen."
    assert _reported_speakers(org) == ["Ministry of Health"]
    # plural or indefinite descriptions name no one person
    plural = "Defence Minister Ana Ruiz visited the base.\n\nSome ministers said the base would stay open."
    assert _reported_speakers(plural) == ["Some ministers"]


# --------------------------------------------------------------------------- floating quotes


def test_floating_quote_inherits_the_last_speaker():
    text = ("“We are ready for the vote,” said Lina Ortiz, the union leader.\n\n"
            "“The members have waited two years for this.”\n\n"
            "“Nobody will stop us now.”")
    rows = extract_quotes(text)
    assert [q["speaker"] for q in rows] == ["Lina Ortiz"] * 3


def test_floating_quote_stops_at_a_new_name_and_after_two_paragraphs():
    text = ("“We are ready for the vote,” said Lina Ortiz, the union leader.\n\n"
            "Carlos Mena, the mayor, did not answer the letter.\n\n"
            "“The members have waited two years for this.”")
    assert extract_quotes(text)[-1]["speaker"] == ""
    far = ("“We are ready for the vote,” said Lina Ortiz, the union leader.\n\n"
           "The vote is on Friday.\n\nThe hall holds 300 people.\n\nTickets are free.\n\n"
           "“The members have waited two years for this.”")
    assert extract_quotes(far)[-1]["speaker"] == ""


# --------------------------------------------------------------------------- speaker id, kind, role evidence


def test_speaker_id_merges_the_forms_of_one_name_and_shares_the_role():
    text = ("Carlos Sánchez Berzain, a former minister, spoke in Miami. “We are worried,” Mr. Berzain said. "
            "“It is a pact,” said Sánchez Berzain. Officials said the deal was done.")
    rows = extract_quotes(text)
    by_speaker = {q["speaker"]: q for q in rows}
    assert {q["speaker_id"] for q in rows if "Berzain" in q["speaker"]} == {"Carlos Sánchez Berzain"}
    assert {q["speaker_role"] for q in rows if "Berzain" in q["speaker"]} == {"government"}
    # "said Sánchez Berzain. Officials said": the sentence end cuts the capitalised run, so the
    # speaker is the fullest form of the name
    assert by_speaker["Carlos Sánchez Berzain"]["role_evidence"] == "descriptor: minister"
    assert by_speaker["Carlos Sánchez Berzain"]["speaker_kind"] == "person"
    assert by_speaker["Officials"]["speaker_id"] == "officials"
    assert by_speaker["Officials"]["speaker_kind"] == "vague"


def test_speaker_id_never_merges_a_word_into_a_longer_name_that_does_not_end_with_it():
    text = ("The Argentinian Jewish Council said the pact worried it. "
            "“Argentinian voices matter,” the Argentinian said.")
    ids = {q["speaker"]: q["speaker_id"] for q in extract_quotes(text) if q["speaker"]}
    assert ids.get("Argentinian Jewish Council") == "Argentinian Jewish Council"
    assert all(v == k or k != "Argentinian" for k, v in ids.items())


def test_role_is_consistent_across_the_corpus():
    from framing import Corpus, document_from_text
    from framing.quotes import consistent_roles, quotes_table

    a = document_from_text("John Kerwin, the defense minister, spoke on Monday. “We are ready,” Kerwin said.", "a")
    b = document_from_text("“The talks went well,” said John Kerwin after the meeting in the capital.", "b")
    per_doc = quotes_table(Corpus([a, b]))
    assert set(per_doc["speaker_role"]) == {"government", "unknown"}   # each article on its own
    q = consistent_roles(per_doc)
    rows = q[q["speaker_id"] == "John Kerwin"]
    assert set(rows["doc_id"]) == {"a", "b"}
    assert set(rows["speaker_role"]) == {"government"}
    ev = rows.set_index("doc_id")["role_evidence"]
    assert ev["a"] == "descriptor: minister"
    assert ev["b"] == "corpus: descriptor: minister (1 of 2 articles)"


# --------------------------------------------------------------------------- reported (indirect) speech


def _reported(text: str) -> list[tuple[str, str, str]]:
    """(speaker, cue, text) of the reported rows of ``text``."""
    return [(q["speaker"], q["cue"], q["text"]) for q in extract_quotes(text) if q["kind"] == "reported"]


def test_plural_say_and_other_verbs_close_a_sentence_as_its_attribution():
    assert _reported("The ferry will not sail before spring, harbour officials say.") == [
        ("harbour officials", "say", "The ferry will not sail before spring")]
    assert _reported("The orchard lost half its trees to the frost, Lena Brandt argued.") == [
        ("Lena Brandt", "argued", "The orchard lost half its trees to the frost")]


def test_told_with_an_object_closes_a_sentence_as_its_attribution():
    assert _reported("The depot will close for a week, the company told Westbay Radio.") == [
        ("the company", "told", "The depot will close for a week")]


def test_told_with_a_common_noun_object_reports_the_clause_after_it():
    assert _reported("Lena Brandt told the local paper she doubted the bridge would open.") == [
        ("Lena Brandt", "told", "she doubted the bridge would open")]
    # a preposition is no part of the object, and what follows is no clause
    assert _reported("Lena Brandt told the story of the flood to her grandchildren.") == []


def test_inverted_said_is_no_clause_of_its_own():
    rows = _reported("The depot will close for a week, said Omar Reyes, a driver.")
    assert rows == [("Omar Reyes", "said", "The depot will close for a week")]


def test_zero_that_clause_opening_with_a_quantifier_or_a_bare_noun():
    assert _reported("The audit office said some of the money was spent twice.") == [
        ("The audit office", "said", "some of the money was spent twice")]
    assert _reported("Omar Reyes said local drivers were never consulted about the route.") == [
        ("Omar Reyes", "said", "local drivers were never consulted about the route")]
    # "said yes", "said nothing": no clause
    assert _reported("Omar Reyes said nothing was decided.") == []


def test_attribution_set_off_by_commas_inside_the_sentence():
    text = "The one thing the ferry line needs, harbour officials said, is a second boat for the winter."
    assert _reported(text) == [("harbour officials", "said", text[:-1])]
    text = "Lena Brandt spoke first. At the time, she said, the orchard was losing money."
    assert _reported(text) == [("Lena Brandt", "said", "At the time, she said, the orchard was losing money")]
    # a relative clause is no parenthetical attribution (since session 9 what the relative's subject said is
    # reported from its auxiliary on: "[the ferry] was unsafe")
    assert _reported("The ferry, which officials said was unsafe, sailed on Monday.") == \
        [("officials", "said", "was unsafe")]


def test_coordinated_clause_has_a_subject_of_its_own():
    text = "The plan looked cheap at first, but transport analysts say the costs will double by next year."
    assert _reported(text) == [("transport analysts", "say", "the costs will double by next year")]


def test_coordinated_verb_phrase_shares_the_subject():
    text = "Omar Reyes had welcomed the vote and said he would stand again in the autumn."
    assert _reported(text) == [("Omar Reyes", "said", "he would stand again in the autumn")]
    text = "“We lost,” Omar Reyes told the crowd but said the count was not over yet."
    assert ("Omar Reyes", "said", "the count was not over yet") in _reported(text)


def test_participle_reports_with_the_subject_of_its_clause_and_ends_the_clause_before_it():
    text = "Lena Brandt criticized the budget on Monday, saying the council had ignored the farmers."
    assert _reported(text) == [("Lena Brandt", "saying", "the council had ignored the farmers")]
    text = "Lena Brandt said the orchard was safe, adding that the council had ignored the farmers."
    assert _reported(text) == [("Lena Brandt", "said", "the orchard was safe"),
                               ("Lena Brandt", "adding", "the council had ignored the farmers")]


def test_reported_clause_ends_before_a_clause_of_the_writers():
    text = "Omar Reyes said the bridge was safe, but the engineers had not yet seen it."
    assert _reported(text) == [("Omar Reyes", "said", "the bridge was safe")]
    text = "Most drivers say they are tired; a third of the riders say the fares are too high."
    assert _reported(text) == [("Most drivers", "say", "they are tired"),
                               ("a third of the riders", "say", "the fares are too high")]


def test_cognitive_and_evidential_verbs():
    assert _reported("Omar Reyes thinks the bridge will be finished by May.") == [
        ("Omar Reyes", "thinks", "the bridge will be finished by May")]
    assert _reported("A county survey found that most wells were dry by August.") == [
        ("A county survey", "found", "most wells were dry by August")]


def test_a_place_after_on_modifies_the_head_and_is_not_the_speaker():
    q = extract_quotes("Business owners on Carra said the ferry cuts would hurt trade.")
    assert [r["speaker"] for r in q] == ["Business owners on Carra"]


def test_said_then_a_time_and_a_that_clause_is_not_an_inverted_attribution():
    text = "Still, Ann Rowe, a senior adviser to the mayor, said on Tuesday that the plan would pass."
    q = extract_quotes(text)
    assert [(r["speaker"], text[r["start"]:r["end"]]) for r in q] == [("Ann Rowe", "the plan would pass")]
    q = extract_quotes("The plan will pass next month, said Ann Rowe, a senior adviser.")
    assert [r["speaker"] for r in q] == ["Ann Rowe"]


# --------------------------------------------------------------------------- names: organisation + person, adverbs


def test_an_organisation_ends_where_a_persons_name_begins():
    text = "An analyst at the Meridian Policy Group Helen Whitcombe said: “The budget will not pass this year.”"
    assert _speaker_of(text, "The budget") == "Helen Whitcombe"
    text = "A researcher at the Carlow Institute Martin Dorsey said the plan was “a gamble that will not pay off.”"
    assert _speaker_of(text, "a gamble") == "Martin Dorsey"
    # an organisation whose name goes on is left whole
    q = extract_quotes("The Bank of Lorne Investment Trust said the fund would close.")
    assert [r["speaker"] for r in q] == ["Bank of Lorne Investment Trust"]


def test_a_sentence_adverb_before_a_comma_is_never_a_name():
    text = "Crucially, the judge said the case was closed. “We will reopen it next spring,” he added."
    assert {r["speaker"] for r in extract_quotes(text)} == {"the judge"}
    text = ("Tom Berg, the lawyer, spoke first. Tellingly, the judge, a former prosecutor, ruled against "
            "the firm. “We will reopen it next spring,” he said.")
    assert "Tellingly" not in {r["speaker"] for r in extract_quotes(text)}
    # a name in -ly stays a name
    assert _speaker_of("Kelly, the mayor, said: “We are ready.”", "We are") == "Kelly"
    assert _speaker_of("Mayor Kelly said: “We are ready.”", "We are") == "Kelly"   # no adverb "reportedly"


# --------------------------------------------------------------------------- more reported-speech cues


def test_a_colon_after_the_speech_verb_opens_an_unquoted_clause():
    assert _reported("Ana Ruiz said: the port will reopen in May.") == [
        ("Ana Ruiz", "said", "the port will reopen in May")]
    assert _reported("Ana Ruiz told reporters on Monday: the port will reopen in May.") == [
        ("Ana Ruiz", "told", "the port will reopen in May")]
    # a quotation after the colon is a quote, not a reported clause
    q = extract_quotes("Ana Ruiz said on Monday: “The port will reopen in May.”")
    assert [(r["kind"], r["speaker"]) for r in q] == [("direct", "Ana Ruiz")]


def test_asked_reports_an_indirect_question_from_its_question_word():
    assert _reported("Ana Ruiz asked whether the port would reopen in May.") == [
        ("Ana Ruiz", "asked", "whether the port would reopen in May")]
    assert _reported("Ana Ruiz asked the minister if the port would reopen in May.") == [
        ("Ana Ruiz", "asked", "if the port would reopen in May")]
    # a request is no question: it reports the addressee and the infinitive (session 10: requests and promises by
    # infinitive are reported speech, as PolNeAR annotates them); "declined to comment" reports nothing
    assert _reported("Tom Berg asked the council to delay the vote.") == [
        ("Tom Berg", "asked", "the council to delay the vote")]
    assert extract_quotes("Tom Berg declined to comment on the port.") == []


def test_more_verbs_report_a_clause_without_that_when_a_finite_verb_follows():
    assert _reported("Ana Ruiz noted the ferry had stopped running in March.") == [
        ("Ana Ruiz", "noted", "the ferry had stopped running in March")]
    assert _reported("The council announced the mayor would stay until June.") == [
        ("The council", "announced", "the mayor would stay until June")]
    # a noun object is no clause
    assert _reported("The council announced the opening of a new ferry terminal near the harbour.") == []


# --------------------------------------------------------------------------- session 4: adjuncts, pronouns, leads


def _reported_pairs(text: str) -> list[tuple[str, str]]:
    return [(q["speaker"], q["text"]) for q in extract_quotes(text) if q["kind"] == "reported"]


def test_a_longer_adverbial_may_stand_between_the_verb_and_that():
    text = "The vote was close. Mayor Ann Lee said at a news conference last week that the dam would hold."
    assert _reported_pairs(text) == [("Ann Lee", "the dam would hold")]
    text = "The vote was close. Mayor Ann Lee said after the lunch on Tuesday that the dam would hold."
    assert _reported_pairs(text) == [("Ann Lee", "the dam would hold")]
    # after an adverbial, "that" before an -ed verb and an article is a relative pronoun: no clause
    assert _reported_pairs("The vote was close. Mayor Ann Lee said in the weeks that followed the vote.") == []
    # ... but an -ed word opening a noun phrase, or a name, opens the clause
    assert _reported_pairs("The town was hit. Officials said on Monday that armed men had attacked the post.") == \
        [("Officials", "armed men had attacked the post")]
    assert _reported_pairs("The town was hit. Officials said Monday that Ahmed Khan was safe.") == \
        [("Officials", "Ahmed Khan was safe")]
    assert _reported_pairs("The town was hit. Officials said last week that detained migrants would be freed.") == \
        [("Officials", "detained migrants would be freed")]


def test_a_bare_plural_object_of_told_before_that():
    text = "The board met. Carl Ode told foundation employees on Thursday that the fund would close."
    assert _reported_pairs(text) == [("Carl Ode", "the fund would close")]


def test_a_time_between_said_and_a_clause_without_that():
    assert _reported_pairs("The storm passed. Mayor Ann Lee said on Friday the city was calm.") == \
        [("Ann Lee", "the city was calm")]
    assert _reported_pairs("The storm passed. Mayor Ann Lee said Friday the council will meet.") == \
        [("Ann Lee", "the council will meet")]
    assert _reported_pairs("The storm passed. Mayor Ann Lee said all staff sign the rules.") == \
        [("Ann Lee", "all staff sign the rules")]


def test_a_pronoun_never_means_a_day_a_group_or_a_modifier():
    # before: "Saturday" (from "Saturday’s forum"), "Peruanos", "Oregon" (from "the Oregon senator")
    text = ("Speaking on Monday, Ortega held back.\n\nHe waved off criticism of his showing at Saturday’s "
            "forum, saying Monday that it was his best night.")
    assert _reported_pairs(text) == [("Ortega", "it was his best night")]
    text = "The panel turned to the absence of Peruanos in the old archive. “Just picture it,” he said."
    assert _speaker_of(text, "Just picture") == ""
    text = ("Won over by Okafor's plan, he's backing the Oregon senator.\n\n"
            "\"I'm ringing doorbells all over the county,\" he said.")
    assert _speaker_of(text, "I'm ringing") == "Okafor"


def test_present_tense_continues_and_an_inverted_lead_before_the_quote():
    assert _speaker_of("Ida Strom continues, “In fact, the case is so thin that it falls apart.”", "In fact") == \
        "Ida Strom"
    rows = _rows("The mayor spoke last. Added Mayor Ann Lee: “We will not wait for the state.”")
    assert ("direct", "Ann Lee", "“We will not wait for the state.”") in rows
    # a day is no subject of an inverted lead; a place before a comma is no lead and the quote stays partial
    assert _speaker_of("Said Tuesday: “We will not wait for the state.”", "We will") == ""
    assert ("partial", "Lee", "“the plan is dead,”") in _rows("In Washington, “the plan is dead,” Lee said.")


def test_the_subject_of_a_participle_or_a_coordinated_verb_phrase():
    # a one-word name, a fronted adverbial before a description, a determiner phrase up to its verb
    assert _reported_pairs("The talks ended. Ruiz attacked the plan, saying it would close the port.") == \
        [("Ruiz", "it would close the port")]
    assert _reported_pairs("The talks ended. In May, a district judge sided with the town, saying the law "
                           "was void.") == [("a district judge", "the law was void")]
    assert _reported_pairs("The talks ended. The agencies declined to give figures, saying they cannot "
                           "discuss the audit.") == [("The agencies", "they cannot discuss the audit")]
    assert _reported_pairs("The talks ended. A spokesman for the mayor defended the route and said the "
                           "police had trained.") == [("A spokesman for the mayor", "the police had trained")]


def test_a_clause_is_never_a_speaker_and_a_plural_noun_after_and_is_one():
    # before: "Lee's budget is expected to grow" was the speaker of "say"
    assert _reported_pairs("The talks ended. Lee's budget is expected to grow, and aides say he will run "
                           "again.") == [("aides", "he will run again")]


def test_an_adverb_in_ly_before_that_and_a_number_opening_a_clause():
    assert _reported_pairs("The talks ended. Officials concede privately that the dam was weak.") == \
        [("Officials", "the dam was weak")]
    assert _reported_pairs("The study is out. Ruiz says 4,000 to 9,000 ferries could be sold.") == \
        [("Ruiz", "4,000 to 9,000 ferries could be sold")]


def test_a_lead_sentence_ending_in_its_verb_gives_the_next_quote_its_speaker():
    text = ("The count was disputed. Mia Costa, a port spokeswoman, said in a statement. “There are no cargo "
            "records to check.”")
    assert _speaker_of(text, "There are no cargo") == "Mia Costa"
    text = "The Times made the claim in May, and Tom Berg responded:\n\n“If there are people at risk, act now.”"
    assert _speaker_of(text, "If there are people") == "Tom Berg"
    # a verb with a clause of its own introduces nothing after it
    text = "The count was disputed. Mia Costa said the records were lost. “There are no records to check here.”"
    assert _speaker_of(text, "There are no records") == "Mia Costa"   # (continuation of the reported clause)


def test_a_pronoun_never_means_a_place_after_in_nor_the_complement_of_a_noun():
    # before: "Peru" spoke the quote and "Cusco" the reported clause
    text = ("The lecture was about seed loans to farmers in Peru.\n\n"
            "\"There are two kinds of harvest in a year,\" she told the hall.\n\n"
            "She compared her old pupils to the growers in the valleys of Cusco. She had taught them, she said.")
    rows = _rows(text)
    assert not any(r[1] in ("Peru", "Cusco") for r in rows), rows


def test_a_fragment_opening_with_a_preposition_or_ing_word_is_no_vague_source():
    # before: "repeating a false" (the noun "claim" read as a verb) was the speaker of a reported clause
    rows = _rows("The war was a mistake from the start, he argued on Monday, repeating a false claim that he "
                 "opposed it.")
    assert not any(r[1].startswith("repeating") for r in rows), rows


def test_a_participle_after_a_place_takes_the_clause_subject_and_opens_a_full_quote():
    # before: "Tarbes" (the place after "in") spoke, as a partial quote
    text = "Here in Tarbes, Ortega pressed his case on housing, saying, \"We have to build now.\""
    assert ("direct", "Ortega", "\"We have to build now.\"") in _rows(text)


def test_honorifics_initials_and_a_leading_but_do_not_hide_the_subject():
    text = ("The amendment failed. In 2016, Mrs. Ann Vale endorsed Tom J. Berg for mayor, saying he had "
            "''the nerve'' to do it.")
    assert _speaker_of(text, "the nerve") == "Ann Vale"
    text = ("The ties are close. But Rosa Imbert, at a research shop called Lattice, argues that as the investment "
            "grows, \"its political influence will grow too\".")
    assert _speaker_of(text, "its political influence") == "Rosa Imbert"


def test_a_progressive_speech_verb_reports_and_a_negation_before_but_does_not_bar_it():
    assert _reported_pairs("The vote ended. Ann Vale is declaring that she is moving closer to the nomination.") == \
        [("Ann Vale", "she is moving closer to the nomination")]
    text = "The debate went on. Tom Berg said he did not, but was referring to the \"same old excuses.\""
    assert _speaker_of(text, "same old") == "Tom Berg"


def test_a_reported_clause_that_quotes_some_of_its_words_is_one_row():
    assert _rows("The vote ended. Ann Lee said the port was “closed for good” and would not reopen.") == \
        [("reported", "Ann Lee", "the port was “closed for good” and would not reopen")]
    # a clause that is all quotation stays the quote's row
    assert _rows("The vote ended. Ann Lee said: “The port is closed for good.”") == \
        [("direct", "Ann Lee", "“The port is closed for good.”")]
    # a speech verb before the quotation reports it: its own clause, its own speaker
    rows = _rows("The vote ended. Tom Berg says more is at work than the official story, which claims that the "
                 "deal will help “fight smuggling” at the border.")
    assert rows == [("reported", "the official story", "the deal will help “fight smuggling” at the border")]


def test_a_party_tag_and_a_capitalised_object_of_told_do_not_hide_the_clause():
    assert _reported_pairs("The vote ended. Senator Ann Lee (D-Nev.) told reporters that the bill may have "
                           "died.") == [("Ann Lee", "the bill may have died")]
    assert _reported_pairs("The audit was wide. Carl Ode told IRS auditors that he kept two ledgers.") == \
        [("Carl Ode", "he kept two ledgers")]


def test_an_abbreviation_in_a_closing_attribution_ends_nothing():
    # before: the period of "Ms." cut the sentence, and "…, Ms. Vale said." reported nothing
    assert _reported_pairs("The app bans spam.\n\nSeveral of the men were not pleased with it, Ms. Vale said.") == \
        [("Vale", "Several of the men were not pleased with it")]
    assert _reported_pairs("The app bans spam. The men were not pleased, said Dr. Ann Lee, a U.S. expert.") == \
        [("Ann Lee", "The men were not pleased")]


def test_a_quotation_reported_by_a_verb_inside_the_clause_keeps_that_verbs_speaker():
    # without the rule, the whole clause was Ann Lee's reported row
    assert _rows("The vote ended. Ann Lee said the plan, which critics called “a disaster”, would pass.") == \
        [("partial", "critics", "“a disaster”")]


def test_a_clause_mostly_quoted_stays_the_quotes_row():
    # two words outside the quotation (MIXED_OUTSIDE_WORDS is 3): the quotation is the row
    assert _rows("The vote ended. Ann Lee said it was “closed for good and gone”.") == \
        [("partial", "Ann Lee", "“closed for good and gone”")]


def test_a_plural_group_noun_is_no_antecedent_of_he():
    # before: "Peruanos" spoke the quote
    text = "Peruanos feel unseen in the old textbooks. “Just picture it, you are a new pupil in that class,” he said."
    assert _speaker_of(text, "Just picture") == ""


# --------------------------------------------------------------------------- session 5 (sentences invented here)


def test_a_subject_after_a_fronted_phrase_is_the_antecedent_of_he():
    # before: the comma before "Tomas Varga" hid him and "he" went back to Paulo Reis
    text = ("Paulo Reis said the ferry would run on time. “It is safe,” he said.\n\n"
            "At the harbour meeting on Friday, Tomas Varga did not give way.\n\n“We will keep asking,” he said.")
    assert _speaker_of(text, "We will keep") == "Tomas Varga"
    text = ("Paulo Reis said the ferry would run on time.\n\n"
            "Asked whether Paulo Reis would quit, Tomas Varga shrugged. “It is not my call,” he said.")
    assert _speaker_of(text, "It is not my") == "Tomas Varga"


def test_a_one_word_subject_described_or_heard_before_is_the_antecedent_of_he_a_place_is_not():
    # before: "Brandt" (one word, no first name in the text) was no person and "he" stayed with Halvorsen
    text = ("Halvorsen said the count was rigged.\n\n"
            "Brandt, who spoke for an hour, did not mention Halvorsen until the end. “He lost fairly,” he said.")
    assert _speaker_of(text, "He lost") == "Brandt"
    for place in ("Florida is a swing state.", "Florida voted for him twice."):
        text = f"Halvorsen said the count was rigged.\n\nTempers flared again. {place} “He lost fairly,” he said."
        assert _speaker_of(text, "He lost") == "Halvorsen"
    # a one-word name that has spoken before is a person
    text = ("“The nets are empty,” Okonjo said.\n\nMarlow said the season was over.\n\n"
            "And Okonjo, for all the quotas he fought for, seems to agree. “We wait,” he said.")
    assert _speaker_of(text, "We wait") == "Okonjo"


def test_he_never_means_a_written_source():
    # before: "he" resolved to "The study", a singular vague source
    text = ("The harbour board met on Monday. The study found that most riders paid cash. "
            "“Nobody at the kiosk wants to pay by card any more,” he said.")
    assert _speaker_of(text, "Nobody at the kiosk") == ""
    text = "A harbour official said the ferry was late. “It happens every winter here,” he said."
    assert _speaker_of(text, "It happens") == "A harbour official"


def test_according_to_keeps_the_title_or_honorific_of_its_name():
    # before: the period of "Mr." and "Gov." ended the name: speakers "Mr" and "Gov"
    text = "The regatta was “the best week of the summer,” according to Mr. Osei, a club steward."
    assert _speaker_of(text, "the best week") == "Osei"
    # (the title is read as a role and left out of the name, as "Mr." is: session 6)
    assert _speaker_of("According to Gov. Ann Lee, “the bridge is safe.”", "the bridge is safe") == "Ann Lee"


def test_more_speech_verbs_and_an_irregular_past_opens_a_clause_with_no_that():
    # before: "lamented" was no speech verb; "found", "made" no finite verbs
    assert _reported_pairs("Ada Kemp lamented that the orchard had lost its bees.") == \
        [("Ada Kemp", "the orchard had lost its bees")]
    assert _reported_pairs("Ruiz said divers found the anchor near the pier.") == \
        [("Ruiz", "divers found the anchor near the pier")]
    # ... and ends a subject: "The warden spoke for an hour, warning …"
    assert _reported_pairs("The warden spoke for an hour, warning that the dunes would shift.") == \
        [("The warden", "the dunes would shift")]
    # nouns: "boasts a harbour", "paid leave"
    assert _reported_pairs("The town boasts a harbour that was built long ago.") == []
    assert _reported_pairs("Ann Ruiz announced new paid leave for all staff.") == []


def test_an_ing_speech_verb_after_by_or_before_reports_the_subjects_clause():
    # before: only an -ing verb after a comma reported a clause
    assert _reported_pairs("Ibsen answered at last by saying he would not sell the mill.") == \
        [("Ibsen", "he would not sell the mill")]
    assert _reported_pairs("Ibsen won the tender before adding that he would hire locally.") == \
        [("Ibsen", "he would hire locally")]


def test_as_x_noted_reports_the_clause_after_it():
    assert _reported_pairs("Boats can still be seized, and as Okafor noted, owners in the dispute could still be "
                           "fined.") == [("Okafor", "owners in the dispute could still be fined")]
    assert _reported_pairs("Mara Lind spoke first. As she said on Monday, the mill will close in May.") == \
        [("Mara Lind", "the mill will close in May")]
    assert _reported_pairs("As expected, the mill will close in May.") == []


def test_one_word_before_a_mid_sentence_attribution_and_yes_is_nobody():
    assert _reported_pairs("Patience, Ms. Orr argues, matters more than money in a vineyard.") == \
        [("Orr", "Patience, Ms. Orr argues, matters more than money in a vineyard")]
    # "she" with no one before her is nobody, not the interjection that opens the sentence (since session 8 the
    # report is kept with no speaker, as for "…, she said." with no antecedent)
    assert _reported_pairs("Yes, she said, the plan is dead.") == [("", "Yes, she said, the plan is dead")]


def test_a_parenthetical_between_the_verb_and_its_clause_or_quote():
    # before: each of these reported nothing, and the quote after "said, in part," was partial
    assert _reported_pairs("Ann Ruiz said, if chosen, she would ask Lane to run the fair.") == \
        [("Ann Ruiz", "she would ask Lane to run the fair")]
    assert _reported_pairs("Ann Ruiz said, however, that the plan was dead.") == [("Ann Ruiz", "the plan was dead")]
    assert _reported_pairs("Ann Ruiz said that, if chosen, she would ask Lane to run the fair.") == \
        [("Ann Ruiz", "if chosen, she would ask Lane to run the fair")]
    assert _rows("Ann Ruiz said, in part, “We will stop the ferry.”") == \
        [("direct", "Ann Ruiz", "“We will stop the ferry.”")]
    # a parenthetical never opens with "and": the attribution inside the sentence stays whole
    rows = _reported_pairs("The pier is unsafe, Ann Ruiz said, and the town, she added, will pay for it.")
    assert rows and rows[0][1].startswith("The pier is unsafe"), rows


def test_a_clause_quoting_words_after_an_infinitive_speech_verb_is_one_row():
    # before: "to stress" (reporting nothing) barred the clause, and the quotation stayed unattributed
    text = "Pryce said the levy was a ploy meant to stress “the thrift of the guild” before the vote."
    assert _reported_pairs(text) == \
        [("Pryce", "the levy was a ploy meant to stress “the thrift of the guild” before the vote")]
    # ... and "any" opens a clause with no "that"
    assert _reported_pairs("Pryce said any skipper who wants the berth “owes the guild a fee” each spring.") == \
        [("Pryce", "any skipper who wants the berth “owes the guild a fee” each spring")]


def test_asides_beside_a_subject_are_no_speaker():
    # before: "Ore", "R", "pointed at the mayor" and "Wire" were speakers
    assert _reported_pairs("The vote passed. Rep. Ida Moss (Ore.), a member of the farm panel, said she has met "
                           "many growers.") == [("Ida Moss", "she has met many growers")]
    rows = _reported_pairs("The vote passed. Gov. Ned Hart (R) scolded the board and said the county owes $3 million.")
    assert rows[0][0].endswith("Ned Hart") and rows[0][1] == "the county owes $3 million"
    assert _reported_pairs("Leaving the hall, Mr. Hart - in a remark plainly pointed at the mayor - declared that a "
                           "sheriff must answer to every parish.") == \
        [("Hart", "a sheriff must answer to every parish")]
    rows = _reported_pairs("DENVER, Colo. (Wire) - Sheriff Ann Lee toured the flooded parish on Monday and said "
                           "the levee must be raised.")
    assert len(rows) == 1 and rows[0][0].endswith("Ann Lee") and rows[0][1] == "the levee must be raised"
    # a state after a comma is no part of the subject
    assert _reported_pairs("Growers near Dayton, Ohio., at the fair, said the frost came early.") == \
        [("Growers near Dayton", "the frost came early")]
    assert _reported_pairs("Growers near Dayton, Ohio, said the frost came early.") == \
        [("Growers near Dayton", "the frost came early")]


def test_a_fronted_phrase_with_commas_and_a_preposition_are_no_speaker():
    # before: "Amid" and "Ohio" were speakers, and "the Lane committee" was "Lane"
    assert _reported_pairs("Amid calls to close the quarry, Rosa Pike wrote a letter to the board, saying it is "
                           "needed.") == [("Rosa Pike", "it is needed")]
    assert _speaker_of("Touring a dairy in Akron, Ohio, Ruiz went after Lane, calling him “a paper tiger.”",
                       "a paper tiger") == "Ruiz"
    assert _speaker_of("Shortly after the hearing ended, the Lane committee sent out a note saying the sheriff owes "
                       "“the parish a reply.”", "the parish a reply") == "the Lane committee"
    # a name that ends in -ly, -ing or -ed is no fronted phrase
    assert _reported_pairs("Kelly met the growers, who were angry, and said the county must act.") == \
        [("Kelly", "the county must act")]


def test_he_after_an_inverted_attribution():
    # before: "said Noor Adle" noted "Ruiz" (from "to Mr. Ruiz,") and "he" spoke for Ruiz
    text = ("The guild would be wise to start “mending fences” to Mr. Ruiz, said Noor Adle, a former steward.\n\n"
            "“It seems certain Ruiz will stay to the end,” he said.")
    assert _speaker_of(text, "It seems certain") == "Noor Adle"
    # an appositive subject is no inverted attribution: the name after "said" opens its clause
    assert _reported_pairs("Ann Ruiz, the mayor, said Tom Lee, her deputy, would take over in May.") == \
        [("Ann Ruiz", "Tom Lee, her deputy, would take over in May")]


def test_pronoun_contractions_abbreviations_and_coordination_after_a_quote():
    # before: "he's" was the speaker; "Calif." was a person; "not out of spite" spoke
    assert _reported_pairs("Okafor lost. While he's said he'll appeal, Okafor must pay the fine first.") == \
        [("Okafor", "he'll appeal")]
    text = ("Dunn drove to see Marsh in Fresno, Calif., to pitch the merger. He was so keen he said "
            "she should phone the rival's owner at once.")
    assert _reported_pairs(text)[0][0] in ("Dunn", "Marsh")   # a person, never the state "Calif."
    text = ("Ibsen recalled the old mill. She blamed the fire on a “careless lodger,” not on the owners, "
            "and said it was odd that no alarm had rung.")
    assert _reported_pairs(text) == [("Ibsen", "it was odd that no alarm had rung")]


def test_a_report_in_a_fronted_subordinate_clause_ends_before_the_main_clause():
    # before: Orr's clause ran to the end of the sentence and Pike's verb was inside it
    assert _reported_pairs("While Orr has said that he signs off on each permit, Pike said he does not sign "
                           "any in public.") == [("Orr", "he signs off on each permit"),
                                                 ("Pike", "he does not sign any in public")]
    # a verb already in the main clause keeps its whole clause
    assert _reported_pairs("When asked about the levy, Ann Ruiz said that growers, many of whom had queued for "
                           "hours, were angry.") == \
        [("Ann Ruiz", "growers, many of whom had queued for hours, were angry")]


def test_the_subject_of_who_say_an_ing_modifier_and_a_longer_clause_subject():
    # before: no speaker for "who say", "fishing crews" vetoed as an -ing verb phrase, and a clause whose
    # verb came seven words in was no clause
    assert _reported_pairs("The county met fierce opposition from dairy farmers who say the tax hurts small herds.") \
        == [("dairy farmers", "the tax hurts small herds")]
    assert _reported_pairs("But fishing crews say the newest quotas might not be enforced.") == \
        [("fishing crews", "the newest quotas might not be enforced")]
    assert _reported_pairs("In a notice, the Harbour Board said noisy engines and the dumping of bait had long "
                           "broken its rules.") == \
        [("Harbour Board", "noisy engines and the dumping of bait had long broken its rules")]


def test_a_second_speech_verb_of_the_subject_ends_the_reported_clause():
    # before: the clause ran on through "but urged …" / ", and called …"
    assert _reported_pairs("The board said the risk to riders was “very low” but advised drivers to slow down.") \
        == [("The board", "the risk to riders was “very low”"), ("The board", "drivers to slow down")]   # (session 10)
    assert _reported_pairs("Ruiz said the plan was late, and called it a disgrace.") == \
        [("Ruiz", "the plan was late")]
    # a bare "and" may join verbs inside the clause; a plural subject of its own is no second verb phrase
    assert _reported_pairs("Ruiz said that growers who met the mayor and asked about fees were ignored.") == \
        [("Ruiz", "growers who met the mayor and asked about fees were ignored")]
    assert _reported_pairs("Ruiz said wardens and drivers said the gate was shut.")[0][1].startswith("wardens and")


def test_a_speech_verb_before_of_is_a_noun():
    # before: "claims" (of "the boldest claims of …") made "One of the boldest" a speaker, and the quote
    # after "She told the crowd:" went to it
    text = ("One of the boldest claims of Warden Ann Ruiz’s address on Friday does not hold.\n\n"
            "She told the crowd, to long cheers:\n\n“No harvest in my time has been finer.”")
    assert _speaker_of(text, "No harvest").endswith("Ann Ruiz")
    assert _speaker_of("Ruiz warned of “a lean winter” for the valley.", "a lean winter") == "Ruiz"


def test_an_inverted_attribution_after_a_clause_that_quotes_some_words_is_one_row():
    # before: the clause ended at its first quotation mark and the quoted words were a partial row
    assert _rows("The levy is “a tax on thrift,” Ruiz said on Tuesday.") == \
        [("reported", "Ruiz", "The levy is “a tax on thrift,”")]
    assert _rows("According to the minutes, the levy is “off the table” for now.") == \
        [("reported", "the minutes", "the levy is “off the table” for now")]
    assert _rows("“Few would call that a win” unless the guild kept the pier, said Noor Adle, a steward.") \
        == [("reported", "Noor Adle", "“Few would call that a win” unless the guild kept the pier")]
    # a full quotation keeps its own row
    assert _rows("“The pier is a mess,” Ruiz said.") == [("direct", "Ruiz", "“The pier is a mess,”")]
    # an -ed word after an article is no finite verb: "a reported 8 million tons" opens no clause
    assert _reported_pairs("Earlier, Kestrel announced the discovery of a large seam holding a reported "
                           "8 million tons.") == []


def test_a_participle_or_second_verb_takes_the_subject_of_the_nearest_clause():
    # before: "Ohio" (a place in the fronted phrase), "Guild Party" and "A group of pastors" spoke
    assert _reported_pairs("At a fish fry in Lima, Ohio, on Sunday, Mrs. Lane tried to explain her vote, saying "
                           "that the county should lead.") == [("Lane", "the county should lead")]
    assert _reported_pairs("It was a rebuke by the two best-known members of the Guild Party, as Mrs. Lane echoed "
                           "the point, saying the warden had failed.") == [("Lane", "the warden had failed")]
    assert _reported_pairs("A group of pastors called for a vigil, and the Harbour League sharply criticised the "
                           "fee and said it would refund all dues.")[-1] == \
        ("Harbour League", "it would refund all dues")
    assert _reported_pairs("Ruiz said the plan was fine, and added that it would pass.") == \
        [("Ruiz", "the plan was fine"), ("Ruiz", "it would pass")]


# --------------------------------------------------------------------------- session 6


def test_a_title_abbreviation_before_a_name_is_read_as_a_role_not_an_end():
    # before: the period of "Gov." or "Lt." ended the noun phrase and the speaker was "Gov" / "Lt"
    text = "The vote was close. “I did not expect it,” said Gov. Ann Lake. “It was odd.” Later, Lake said it was calm."
    rows = extract_quotes(text)
    assert [(q["speaker"], q["speaker_id"], q["speaker_role"], q["role_evidence"]) for q in rows] == \
        [("Ann Lake", "Ann Lake", "government", "descriptor: gov.")] * 3
    assert _speaker_of("The dam held. “We slept in shifts,” said Capt. Rui Sousa.", "We slept") == "Rui Sousa"
    assert _speaker_of("“We lost the signal,” said Lt. Tom Berra.", "We lost") == "Tom Berra"


def test_a_relative_clause_inside_the_subject_is_skipped_to_its_noun_phrase():
    # before: "A man who has sued the county" held a finite verb, so it was no speaker and the clause was lost
    assert _reported_pairs("A man who has sued the county said Monday night that the clerk lied to him.") == \
        [("A man", "the clerk lied to him")]
    assert _reported_pairs("Growers whose wells ran dry say the levy is unfair.") == \
        [("Growers", "the levy is unfair")]
    # a time phrase after the relative clause is no subject: the name before it speaks
    assert _reported_pairs("Dunn, who backed Ms. Ortiz in the primary, last week said the mayor was stalling.") == \
        [("Dunn", "the mayor was stalling")]
    # ... after a fronted clause too
    assert _speaker_of("While Lee has faulted the levy, the anglers who petitioned her in June say they are "
                       "“worried about the quotas.”", "worried") == "the anglers"
    # a name in -day is no day ("Faraday"); a name that opens like an adverbial word is a name ("Ingrid")
    assert _reported_pairs("In a statement, Faraday said the port would open.") == [("Faraday", "the port would open")]
    assert _reported_pairs("Her lawyer, Ingrid Berg, says the case is weak.") == [("Ingrid Berg", "the case is weak")]
    # the relative pronoun right before the verb still gives the noun phrase before it
    assert _reported_pairs("Few ferry captains who say the fee is fair will sign.")[0][0] == "Few ferry captains"


def test_the_quoted_title_of_a_show_or_book_is_no_quote():
    # before: "“Harbor Hour.”" was a direct quote of Lee, "“Salt Roads”" a partial one
    rows = extract_quotes("“We are fine,” Lee said on KTLV’s “Harbor Hour.” Her memoir “Salt Roads” sold well. "
                          "He starred in the show “Bake Battle.”")
    kinds = {q["text"].strip("“”,."): (q["kind"], q["speaker"], q["quote_flags"]) for q in rows}
    assert kinds["We are fine"][:2] == ("direct", "Lee")
    for title in ("Harbor Hour", "Salt Roads", "Bake Battle"):
        assert kinds[title] == ("scare", "", "title"), title
    # a comma after the noun of a work sets off speech ("wrote in his column, “…”")
    assert _rows("Ruiz wrote in his column, “Enough Is Enough.”")[0][0] != "scare"
    # a quotation in title case with no work named before it is still speech
    assert _rows("“Quiet,” Lee said.") == [("direct", "Lee", "“Quiet,”")]
    assert _rows("Lee said: “Make The Port Great Again.”")[0][:2] == ("direct", "Lee")
    # "on" before a title-case quotation names a programme only after a verb of list title_on_lead
    assert _rows("Ruiz told the crowd on “Day One” he would act.")[0][0] != "scare"
    # a title-case quotation of more than TITLE_WORDS words is speech
    assert _rows("Lee’s “We Will Not Go Back To The Old Ways Of The Harbour Board” was cheered.")[0][0] != "scare"


def test_a_statement_issued_and_a_time_of_day_before_a_clause():
    # before: "saying" after "a statement" had no subject, and "said in a statement" took no bare clause
    assert _reported_pairs("The port authority released a memo saying it would delay the dredging.") == \
        [("The port authority", "it would delay the dredging")]
    assert _reported_pairs("The Harbor Guild said in a statement its auction was off.") == \
        [("Harbor Guild", "its auction was off")]
    assert _reported_pairs("Ruiz said on Friday night the vote was void.") == [("Ruiz", "the vote was void")]
    assert _reported_pairs("Ann Lee spoke last. She has argued from the outset that she will fund the ferry.") == \
        [("Ann Lee", "she will fund the ferry")]
    # a noun phrase after a statement is no clause, and who receives or finds a text does not say it
    assert _reported_pairs("The email saying the port was shut was fake.") == []
    assert _reported_pairs("Ruiz received a letter saying her benefits would be cut.") == []
    assert _reported_pairs("Police found a note saying the boy had run away.") == []


def test_a_reported_clause_may_open_with_a_quotation_it_goes_on_past():
    # before: the clause started inside a quotation, so only "“a patient pilot”" was a (partial) row
    assert _rows("Orla has argued that “a patient pilot” can steer any barge through the locks.") == \
        [("reported", "Orla", "“a patient pilot” can steer any barge through the locks")]
    # a clause that is all quotation stays a quotation of its own, and so does one whose quotation ends
    # with a comma before the writer's words
    assert _rows("Orla said “the port will close in May.”") == [("partial", "Orla", "“the port will close in May.”")]
    assert _rows("Orla claims that “Oland is a base for smugglers,” a grave charge that, if true, would matter.") \
        == [("partial", "Orla", "“Oland is a base for smugglers,”")]


def test_a_mid_sentence_attribution_before_a_quotation_makes_one_mixed_row():
    # before: only the quotation was a row ("“doing much better …”", partial)
    text = "Ann Berg runs a marina. The boat trade, she said, is “far stronger than anyone in town expected.”"
    assert _reported_pairs(text) == \
        [("Ann Berg", "The boat trade, she said, is “far stronger than anyone in town expected.”")]
    # too few words outside the quotation: the quotation keeps its row
    # ("Ann" is a woman's first name, so "Ann Berg" is a person and "Berg" her canonical name: session 7)
    assert _rows("Ann Berg runs a club. The club, Berg said, “is fine.”")[-1][:2] == ("direct", "Ann Berg")
    # a speech verb after the attribution reports the quotation itself: no mixed row
    assert _rows('Prices rose, said Ana Ruiz, who added: "We had no choice."')[-1] == \
        ("direct", "Ana Ruiz", '"We had no choice."')


def test_a_speech_noun_after_a_possessive_reports_nothing():
    # before: "claim" in "Ruiz's claim that …" was a verb with the speaker "Ruiz", and it kept Ana Fry's
    # clause (which quotes some words) from being one row
    text = "The camps gained. Ann Fry said Thursday that Ruiz's claim that Lee backs the levy is “simply false.”"
    assert _reported_pairs(text) == [("Ann Fry", "Ruiz's claim that Lee backs the levy is “simply false.”")]
    # "Lee's said" is "Lee has said": a verb
    assert _reported_pairs("Lee's said that the port is safe.") == [("Lee", "the port is safe")]


def test_what_follows_an_ing_verb_after_a_quotation_is_its_object_not_its_speaker():
    # before: the speaker was "the party’s summer convention"
    text = "He named nobody. Lee said talks “must close before the harvest,” referring to the county fair."
    assert _speaker_of(text, "must close") == "Lee"


def test_a_fronted_time_phrase_is_no_speaker():
    # before: "Minutes" and "Earlier" (from "Earlier Tuesday", read as a name) spoke
    assert _reported_pairs("The race ended. Minutes later, the Ortiz team posted a note saying that "
                           "Ortiz meant farmers would stay.") == [("the Ortiz team", "Ortiz meant farmers would stay")]
    assert _reported_pairs("The race ended. Earlier Sunday, her press aide, Dana Voss, says the run of wins "
                           "shows she can win.")[0][0] == "Dana Voss"


def test_a_noun_in_ly_is_no_adverb_and_an_adjunct_after_a_name_is_no_speaker():
    # before: "rally", "family", "ally" were stripped as adverbs ("Ruiz quickly said"), leaving no subject,
    # and "Lee in his first speech" was the speaker
    assert _reported_pairs("Ann Ruiz at the rally said the plan was dead.") == [("Ann Ruiz", "the plan was dead")]
    assert _reported_pairs("The family said the plan was dead.") == [("The family", "the plan was dead")]
    assert _reported_pairs("An ally said the plan was dead.") == [("An ally", "the plan was dead")]
    assert _reported_pairs("Ruiz quickly said the plan was dead.") == [("Ruiz", "the plan was dead")]
    assert _speaker_of("The break came when Lee in his first speech called the migrants “thieves” and worse.",
                       "thieves") == "Lee"
    # a name inside the subject ("Members of Congress") is no name opening it
    assert _reported_pairs("Members of Parliament in both camps said the levy was dead.")[0][0] != "Parliament"


def test_it_as_the_subject_of_a_speech_verb_is_the_organisation_that_last_spoke():
    # before: "it" named nobody, so "It also said …" reported nothing
    assert _reported_pairs("Kestrel Bank said it would close 120 branches. It also noted that its auditors "
                           "were busy.") == [("Kestrel Bank", "it would close 120 branches"),
                                             ("Kestrel Bank", "its auditors were busy")]
    assert _reported_pairs("The company said the plant would close. It added that 300 jobs would go.") == \
        [("The company", "the plant would close"), ("The company", "300 jobs would go")]
    # a person is never "it"; with no organisation before it, "it" names nobody
    assert _reported_pairs("Ann Lee spoke first. It said that the port was safe.") == []
    assert _reported_pairs("Ann Lee said the port was safe. It also said the fee was fair.") == \
        [("Ann Lee", "the port was safe")]


def test_he_or_she_is_never_a_work_or_a_company():
    # before: "He writes …" after "The movie opens" made the movie its speaker; "she" the company
    assert _speaker_of("The documentary says the war was lost. “It moved me to tears and it moved the crowd,” he "
                       "said.", "It moved me") == ""
    # a person described with a prepositional phrase still is one
    assert _reported_pairs("A spokesman for the company said sales were down. He added that jobs would go.")[-1] == \
        ("A spokesman for the company", "jobs would go")
    assert _speaker_of("The company said the plant would close. “We are sad and we are angry,” she said.",
                       "We are sad") == ""


def test_no_clause_after_a_preposition_a_title_word_or_a_plural_noun():
    # before: each of these made a reported row of words nobody said
    assert _reported_pairs("“We won,” Ruiz said in a statement aboard the ferry after the tally was done.") == []
    assert _reported_pairs("“She signed it,” Ann Lee told the Valley Morning Ledger on Monday.") == []
    assert _reported_pairs("Ferries ran late in Maine and Vermont, New England states that have struggled.") == []
    assert _reported_pairs("Ruiz said in a statement posted Sunday the pier would reopen.") == []
    assert _reported_pairs("Kestrel Bank cut 300 jobs. It says a lot that its chief kept her bonus.") == []
    # a preposition-like quantifier still opens a clause; "that" as a subject is no relative pronoun
    assert _reported_pairs("Lee said around 40 workers were laid off.") == [("Lee", "around 40 workers were laid off")]
    assert _reported_pairs("Lee said up to 500 jobs could go.") == [("Lee", "up to 500 jobs could go")]
    assert _reported_pairs("Lee claims that was a mistake.") != []
    assert _reported_pairs("Ruiz told a Senate panel the plan was sound.") == [("Ruiz", "the plan was sound")]
    assert _reported_pairs("Ruiz told his Senate colleagues the bill was dead.") == [("Ruiz", "the bill was dead")]
    # the verbs still report
    assert _reported_pairs("The law states that the port is closed.") == [("The law", "the port is closed")]
    assert _reported_pairs("Ruiz told the Senate panel that the plan was sound.") == [("Ruiz", "the plan was sound")]
    assert _reported_pairs("Ruiz told the local paper the plan was sound.") == [("Ruiz", "the plan was sound")]


def test_the_company_never_links_to_a_department_or_an_institute():
    # before: "The company" became "Transport Department"
    rows = _reported_pairs("The Transport Department said fares rose. The company had claimed that it must keep its "
                           "freedom to move crews.")
    assert rows[-1] == ("The company", "it must keep its freedom to move crews")
    # only the head of the name counts: "Western Union" is a company
    assert _reported_pairs("Western Union reported a loss. The company said fees fell.") == \
        [("Western Union", "fees fell")]


def test_an_infinitive_speech_verb_before_a_quotation_speaks_for_its_subject():
    # before: "interjected to say: “…”" left the quotation unattributed
    text = "Lee spoke. O'Malley, who signed the port bill, interjected to say: “They have both been inconsistent.”"
    assert _speaker_of(text, "They have both") == "O'Malley"
    assert _speaker_of("Ruiz went on to say, “We will not back down from this fight.”", "We will not") == "Ruiz"
    # a verb that withholds the speech, or any verb not of list infinitive_speaker, attributes nothing
    assert _speaker_of("Ruiz declined to say: “We will not back down from this fight.”", "We will not") == ""
    assert _speaker_of("Lee was asked to say, “I am sorry for the delay,” but she would not.", "I am sorry") == ""
    assert _speaker_of("Suffice it to say, “We were not amused at all.”", "We were") == ""


def test_a_party_tag_after_a_name_cuts_no_reporting_clause():
    # before: "(R-Pa.)" or ", R-Pa.," between the name and its verb left the quotation unattributed
    assert _speaker_of("The toll was lifted. “Endless churn!” Rep. Glen Tomson, R-Ore., said after the hearing.",
                       "Endless") == "Glen Tomson"
    assert _speaker_of("“Endless churn!” Rep. Glen Tomson (R-Ore.) said after the hearing.", "Endless") == "Glen Tomson"
    assert _speaker_of("“Endless churn,” Rep. Glen Tomson, R-Ore., said.", "Endless") == "Glen Tomson"


def test_an_article_of_another_language_stays_in_the_name_of_an_outlet():
    # before: "la" is a common word of this text ("de la Rosa"), so "La Nación" was cut to "Nación" (issue 11)
    text = ("Ana de la Rosa runs the fund. “The deal was kept quiet, but ferries were sold to the navy, "
            "La Nación reported.”")
    assert [(q["speaker"], q["speaker_kind"]) for q in extract_quotes(text)] == [("La Nación", "organisation")]


# --------------------------------------------------------------------------- session 7


def test_a_pronoun_with_no_antecedent_still_reports_its_clause_with_no_speaker():
    # before: "He said …" with nobody named before it lost its row; the issue asks for an empty speaker, not a guess
    assert [(q["kind"], q["speaker"], q["speaker_type"], q["text"]) for q in
            extract_quotes("He said the ferry would run late on Sunday.")] == \
        [("reported", "", "none", "the ferry would run late on Sunday")]
    assert _reported_pairs("The pier was shut. The crews are tired, but they will sail at dawn, they said.") == \
        [("", "The crews are tired, but they will sail at dawn")]
    # a resolved pronoun still takes its antecedent
    assert _reported_pairs("Ann Ruiz runs the port. She said the ferry would run late.") == \
        [("Ann Ruiz", "the ferry would run late")]


def test_an_inverted_attribution_may_end_with_an_adjunct_or_a_speech_participle():
    # before: only "…, X said." or "…, X said on Monday." closed a sentence as its attribution
    assert _reported_pairs("The ferry will run late all week, Ann Ruiz said in an interview.") == \
        [("Ann Ruiz", "The ferry will run late all week")]
    assert _reported_pairs("The toll is far too high, Ann Ruiz said of the ruling.") == \
        [("Ann Ruiz", "The toll is far too high")]
    assert _reported_pairs("The ferry will run late all week, Ann Ruiz said, adding that the crew was ill.") == \
        [("Ann Ruiz", "The ferry will run late all week"), ("Ann Ruiz", "the crew was ill")]
    # ... not a clause of the writer's, a verb that takes no adjunct, or an adjunct that is a clause
    assert _reported_pairs("The fares stayed high all winter, and officials warned of more delays.") == \
        [("officials", "more delays")]
    assert _reported_pairs("The fares stayed high all winter, and the port continues to lose money.") == []
    assert _reported_pairs("The fares stayed high all winter, but Ann Ruiz has said all year that "
                           "nothing would change.") == [("Ann Ruiz", "nothing would change")]
    # (the clause after the verb is the report, not the one before the comma; since session 9 a quantity opens it)
    assert _reported_pairs("As the tide rose over the pier, the radio reported at least six boats drifted "
                           "loose.") == [("the radio", "at least six boats drifted loose")]


def test_a_pronoun_and_a_word_after_said_open_a_clause_not_an_inverted_subject():
    # before: "…, said he agrees …" was read as "said X" with "he agrees with the plan" as the subject
    text = "Ann Ruiz, who on Monday met the crew, said he agrees with the plan."
    assert _reported_pairs(text) == [("Ann Ruiz", "he agrees with the plan")]


def test_missing_present_forms_of_listed_speech_verbs_report_a_clause():
    # before: "note", "maintain", "clarifies", ... were missing while their other forms were listed
    assert _reported_pairs("Harbour pilots note that the channel silted up in May.") == \
        [("Harbour pilots", "the channel silted up in May")]
    assert _reported_pairs("Ann Ruiz clarifies that the toll was never raised.") == \
        [("Ann Ruiz", "the toll was never raised")]
    assert _reported_pairs("The captains maintain that the ferry was safe to sail.") == \
        [("The captains", "the ferry was safe to sail")]
    # ... only with "that": these forms also take a noun phrase
    assert _reported_pairs("Ann Ruiz recounts the night the ferry sank in the harbour.") == []
    assert _reported_pairs("Volunteers maintain the trails the park service closed last year.") == []
    # nouns that share a form stay nouns
    assert _reported_pairs("The town boasts a harbour that was built long ago.") == []
    assert _reported_pairs("The show was full of insults and jokes that did not land.") == []


def test_through_a_lawyer_may_stand_between_the_verb_and_that():
    assert _reported_pairs("Ann Ruiz explained through her lawyer that she had wanted to help.") == \
        [("Ann Ruiz", "she had wanted to help")]


def test_a_title_case_headline_reports_the_words_after_its_speech_verb():
    # before: "Says" is capitalised in a title, so no speech verb was found and the headline had no row
    text = "Harbour Master Says Ferries Will Not Sail This Week.\n\nThe port stayed shut on Monday."
    assert [(q["kind"], q["speaker"], q["cue"], q["text"]) for q in extract_quotes(text)] == \
        [("reported", "Harbour Master", "says", "Ferries Will Not Sail This Week")]
    assert _reported_pairs("Storm Chaos — Some Say Ann Ruiz Ignored The Warnings\n\nText.") == \
        [("Some", "Ann Ruiz Ignored The Warnings")]
    # no statement: a question word, a modal, a preposition or a date after the verb, a sentence in running text
    assert _reported_pairs("What the Captains Said About the Storm in Four Minutes\n\nText.") == []
    assert _reported_pairs("Ann Ruiz: Voters Will Say No to the Harbour Toll\n\nText.") == []
    assert _reported_pairs("Ann Ruiz — Announced March 23, 2019\n\nText.") == []
    assert _reported_pairs("The harbour master Says the ferries will not sail, a sign read.") == []


def test_a_tentative_verb_reports_for_a_group_of_people_not_for_a_thing():
    # before: any vague source with "suggest" was dropped, "several aides suggested …" too
    assert _reported_pairs("Several harbour pilots suggested the channel had silted up.") == \
        [("Several harbour pilots", "the channel had silted up")]
    assert _reported_pairs("Some of the pilots suggested that the channel had silted up.") == \
        [("Some of the pilots", "the channel had silted up")]
    # a thing that "suggests" is the writer's inference
    assert _reported_pairs("The trajectory of the talks suggests that this is no passing alliance.") == []
    assert _reported_pairs("The data suggested the channel had silted up.") == []


def test_continued_to_insist_reports_for_the_subject_of_the_verb_before_to():
    # before: the subject region of "insist" was "Lee continued to", which resolved to nobody
    assert _reported_pairs("Ann Ruiz continued to insist that the ferry was safe.") == \
        [("Ann Ruiz", "the ferry was safe")]
    assert _reported_pairs("Ann Ruiz went on to argue that the ferry was safe.") == [("Ann Ruiz", "the ferry was safe")]
    # "declined to say" reports nothing
    assert _reported_pairs("Ann Ruiz declined to say that the ferry was safe.") == []


def test_after_say_a_present_tense_clause_is_read_with_no_finite_marker():
    # before: a clause after "said" needed an auxiliary, an -ed or irregular past verb; "fail", "want" have none
    text = "“It is not normal,” said Ann Weaver, who said pilots often fail to read the charts."
    assert _reported_pairs(text) == [("Ann Weaver", "pilots often fail to read the charts")]
    assert _reported_pairs("Ann Ruiz said pilots want more money for the port.") == \
        [("Ann Ruiz", "pilots want more money for the port")]
    # "said nothing", "said goodbye" and a short object stay objects; other verbs still need a finite marker
    assert _reported_pairs("Ann Ruiz said nothing about the port.") == []
    assert _reported_pairs("Ann Ruiz said goodbye to the crew at noon.") == []
    assert _reported_pairs("Ann Ruiz announced pilots want more money for the port.") == []


def test_a_first_name_of_one_clear_gender_keeps_he_from_a_woman():
    # before: with no honorific and no bound pronoun, "he" went to the nearest person, a woman (issue 11)
    assert _reported_pairs("Tom Berg spoke first. Ann Lee spoke next. He said the port would close.") == \
        [("Tom Berg", "the port would close")]
    assert _speaker_of("Tom Berg said the fees were high. Ann Lee said they were not. “We will see,” he added.",
                       "We will see") == "Tom Berg"
    # a first name both genders use gives none: the nearest person still speaks
    assert _reported_pairs("Tom Berg spoke first. Jordan Lee spoke next. He said the port would close.") == \
        [("Jordan Lee", "the port would close")]


def test_the_first_name_table_is_one_clear_gender_per_row_with_its_census_shares():
    from framing._data import read_csv_rows
    from framing.quotes.lexicon import first_name_genders
    g = first_name_genders()
    assert g["Ann"] == "f" and g["Tom"] == "m" and "Jordan" not in g and "Lee" not in g
    # rare entries, surnames written first and places are no first names
    assert not {"Li", "Ma", "Lai", "Tran", "In", "China", "Austin", "Houston"} & set(g)
    for r in read_csv_rows("first_name_gender.csv"):
        men, women, surname = (float(x) for x in re.findall(r"([\d.]+)%", r["source"]))
        share = men if r["gender"] == "m" else women
        assert share >= 0.95 * (men + women) and share >= 0.01 and share > surname, r


def test_a_verb_clause_that_ends_in_a_colon_introduces_the_quotation_after_it():
    # before: only a short adjunct (40 characters) could stand between the verb and the colon
    text = ("The port board said about its decision on the new ferry fees in the newest version of its plan:\n\n"
            "“The plan goes further than any plan before it.”")
    assert _speaker_of(text, "The plan goes") == "The port board"


def test_session_7_review_cases():
    # "…, said X of …": an adjunct never follows "said X" (the adjunct rule once cut this row)
    assert _reported_pairs("The old ferry sank near the pier, said Tom Berg at the meeting.") == \
        [("Tom Berg", "The old ferry sank near the pier")]
    # a participle tail needs a subject that opens no clause
    # (the participle's request is the mayor's own row: session 10)
    assert _reported_pairs("The fares stayed high all winter, and the mayor warned, urging drivers to stay home.") == [
        ("the mayor", "drivers to stay home")]
    # a decimal point is no sentence stop inside a participle tail
    assert _reported_pairs("Prices rose again last month, the bank said, adding that inflation hit 3.5 percent.") == \
        [("the bank", "Prices rose again last month"), ("the bank", "inflation hit 3.5 percent")]
    # a colon after a new clause introduces nothing of the first subject's
    text = "Ann Ruiz explained the plan, and a sign at the pier listed the rules:\n\n“No boats after dark.”"
    assert _speaker_of(text, "No boats") == ""
    # a request ("asked X to continue to insist") is no statement of X's: it is the asker's request (session 10)
    assert _reported_pairs("Tom Berg asked Ann Ruiz to continue to insist that the ferry was safe.") == [
        ("Tom Berg", "Ann Ruiz to continue to insist that the ferry was safe")]
    # an unresolved pronoun in the shapes a resolved one takes
    assert _reported_pairs("In 2010 he said the ferry would run late on Sunday.") == \
        [("", "the ferry would run late on Sunday")]
    # a capitalised "He" after "said" is a name, not a pronoun
    assert _reported_pairs("The talks with the port board were frank and useful, said He Lifeng.") != []


def test_headlines_need_a_finite_verb_after_the_speech_verb():
    for line in ("Ann Lee Says Goodbye To Her Colleagues", "Governor Says No To Pipeline Plan",
                 "Ann Lee Admits Defeat In Race For Mayor", "Insurance Claims Soar After Harbour Storm",
                 "Ann Lee Told Police She Saw The Crash", "Why Pilots Say Ferries Are Unsafe",
                 "Ann Ruiz Saying Ferries Will Sink Draws Fire"):
        assert _reported_pairs(line + "\n\nText.") == [], line
    assert _reported_pairs("Ann Lee Says: Ferries Will Not Sail\n\nText.") == [("Ann Lee", "Ferries Will Not Sail")]


def test_a_thing_or_a_poll_that_suggests_is_no_source():
    for text in ("Recent polls suggest that the mayor will lose the race.", "The results suggest the ferry is late.",
                 "One study suggested that the mayor will lose.", "The analysis suggests the ferry is late."):
        assert _reported_pairs(text) == [], text
    assert _reported_pairs("Critics suggested that the mayor will lose the race.") == \
        [("Critics", "the mayor will lose the race")]
    assert _reported_pairs("Harbour officials suggested that the ferry was late.") == \
        [("Harbour officials", "the ferry was late")]


def test_a_surname_written_first_gets_no_gender_from_the_first_name_table():
    text = "Lai Chen toured the port in May. He said the island would never yield."
    assert _reported_pairs(text) == [("Lai Chen", "the island would never yield")]


def test_tail_guards_each_stop_a_false_attribution():
    # "that" in the adjunct: the verb's own clause follows, the clause before is the writer's
    assert _reported_pairs("The fares are high, Ann Ruiz said at the meeting that pilots leave.") == \
        [("Ann Ruiz", "pilots leave")]
    # a finite verb in the subject: no noun phrase
    assert _reported_pairs("The fares stayed high all winter, the mayor worried the crew said in March.") == []
    # a modal before a headline's verb: no statement made
    assert _reported_pairs("Voters Will Say Ferries Are Unsafe\n\nText.") == []


# --------------------------------------------------------------------------- session 8


def test_a_sentence_that_goes_on_after_x_said_is_one_report():
    # before: ", the first at dawn …" was read as an appositive of "harbour officials", so the report ended
    # at "crossings" and the rest of what the officials said was lost
    text = "The ferry made two crossings, harbour officials said, the first at dawn and the second at noon."
    assert _reported_pairs(text) == [("harbour officials", text[:-1])]
    # an appositive after "said X" still closes the attribution
    assert _reported_pairs("The pier will close in May, said Ann Lee, the harbour master.") == \
        [("Ann Lee", "The pier will close in May")]


def test_told_takes_a_longer_object_before_that():
    assert _reported_pairs("Ann Ruiz told members of the harbour board that the pier would close.") == \
        [("Ann Ruiz", "the pier would close")]
    assert _reported_pairs("Ann Ruiz told the Valley Ledger's night editors that the toll was fair.") == \
        [("Ann Ruiz", "the toll was fair")]
    # ... but not before a relative "that"
    assert _reported_pairs("Ann Ruiz told the crews at a briefing that was held at noon about the toll.") == []


def test_clause_starts_after_said():
    # "that’s": "that" is the clause's subject
    assert _reported_pairs("Ann Ruiz said that’s why the crews left early.") == \
        [("Ann Ruiz", "that’s why the crews left early")]
    # a possessive date opens a subject; a bare date is the verb's time
    assert _reported_pairs("Dock workers said Monday's vote will decide the strike.") == \
        [("Dock workers", "Monday's vote will decide the strike")]
    assert _reported_pairs("Dock workers said Monday the vote will decide the strike.") == \
        [("Dock workers", "the vote will decide the strike")]
    # an aside set off by dashes between the verb and "that"
    assert _reported_pairs("Ann Ruiz said — on a podcast, as it happens — that the toll would rise.") == \
        [("Ann Ruiz", "the toll would rise")]
    # an adverbial opened by "without" or "to"
    assert _reported_pairs("Ann Ruiz claimed without any evidence that the pier was unsafe.") == \
        [("Ann Ruiz", "the pier was unsafe")]
    assert _reported_pairs("Ann Ruiz explained to the crews that the pier was unsafe.") == \
        [("Ann Ruiz", "the pier was unsafe")]


def test_would_only_say_reports_and_would_not_say_does_not():
    assert _reported_pairs("The harbour master would only say that the channel was closed.") == \
        [("The harbour master", "the channel was closed")]
    assert _reported_pairs("The harbour master would not say that the channel was closed.") == []
    assert _reported_pairs("The harbour master would say that the channel was closed.") == []


def test_subjects_the_extractor_used_to_miss():
    # a title before the name that is a common word ("Former")
    assert _reported_pairs("Former Harbour Master Ann Lee spoke last, saying that the port was safe.")[0][1] == \
        "the port was safe"
    assert "Ann Lee" in _reported_pairs("Former Harbour Master Ann Lee spoke last, saying that the port "
                                        "was safe.")[0][0]
    # a subject before an aside that holds a quotation
    assert _reported_pairs("Ann Ruiz, citing “the old charter,” said the pier would close.") == \
        [("Ann Ruiz", "the pier would close")]
    # (since session 11 the naming verb's object and label are a row of their own)
    assert _reported_pairs("Ann Ruiz, who calls the toll a “disgrace,” said the pier would close.") == \
        [("Ann Ruiz", "the toll a “disgrace,”"), ("Ann Ruiz", "the pier would close")]
    # a participle that opens the sentence: the main clause's subject
    text = "Ann Ruiz spoke first. While saying that she respects the board, she called for a new vote."
    # (the call for a vote is reported too: session 10)
    assert _reported_pairs(text) == [("Ann Ruiz", "she respects the board"), ("Ann Ruiz", "a new vote")]
    # "those" before a participle or "close" is people
    assert _reported_pairs("Those surveyed say the ferry should run at night.") == \
        [("Those surveyed", "the ferry should run at night")]
    assert _reported_pairs("The vote was close. Those close to the mayor said she would run again.") == \
        [("Those close to the mayor", "she would run again")]
    assert _reported_pairs("Those charts show that the ferry should run at night.") == []


def test_tentative_verbs_report_for_people_in_the_singular_too():
    assert _reported_pairs("A Ruiz ally suggested the pier would close.") == [("A Ruiz ally", "the pier would close")]
    assert _reported_pairs("Her team is suggesting that the pier would close.") == \
        [("Her team", "the pier would close")]
    assert _reported_pairs("The inspector general indicated that the pier was unsafe.") == \
        [("The inspector general", "the pier was unsafe")]
    # a thing that suggests or indicates is the writer's inference
    assert _reported_pairs("The tide tables indicate that the pier was unsafe.") == []


def test_forms_of_listed_verbs_that_were_missing():
    assert _reported_pairs("Ann Ruiz boasted that the pier was the longest in the region.") == \
        [("Ann Ruiz", "the pier was the longest in the region")]
    # ("caution" itself is left out: "urged caution that …" is a noun)
    assert _reported_pairs("Officials urged caution that the storm could still strengthen.") == []
    text = "The union filed a lawsuit on Monday, alleging that the port broke the contract."
    assert _reported_pairs(text) == [("The union", "the port broke the contract")]
    text = "Ann Ruiz spoke to the crowd, reminding them that the pier would close."
    assert _reported_pairs(text) == [("Ann Ruiz", "the pier would close")]


def test_addressee_verbs_take_their_object_before_the_clause():
    assert _reported_pairs("Ann Ruiz warned residents that the pier would close.") == \
        [("Ann Ruiz", "the pier would close")]
    assert _reported_pairs("Ann Ruiz has assured me the ferry will keep running.") == \
        [("Ann Ruiz", "the ferry will keep running")]
    assert _reported_pairs("Ann Ruiz told me the ferry will keep running.") == \
        [("Ann Ruiz", "the ferry will keep running")]
    text = "Ann Ruiz spoke to the crowd, reminding them that the pier would close."
    assert _reported_pairs(text) == [("Ann Ruiz", "the pier would close")]
    # "warned of …" and "warned that …" as before
    assert _reported_pairs("Ann Ruiz warned that the pier would close.") == [("Ann Ruiz", "the pier would close")]


def test_longer_asides_before_the_clause():
    text = ("People who know the harbour board said that, during the years when the two men ran the port "
            "together, the ferry lost money.")
    assert _reported_pairs(text) == [("People",
                                      "during the years when the two men ran the port together, the ferry lost money")]
    text = "The warden later stated, while speaking to the harbour board last week, that the toll was unfair."
    assert _reported_pairs(text) == [("The warden", "the toll was unfair")]
    assert _reported_pairs("Several pilots suggest however that the toll was unfair.") == \
        [("Several pilots", "the toll was unfair")]
    assert _reported_pairs("A union aide said remarks from Lee, Ruiz and Berg were consistent with the plan.") == \
        [("A union aide", "remarks from Lee, Ruiz and Berg were consistent with the plan")]


def test_a_quotation_may_open_the_clause_or_its_second_part():
    # "said “…” <more words>": one clause that quotes its first words
    assert _reported_pairs("Ann Ruiz said “the old quay” will close before the storm.") == \
        [("Ann Ruiz", "“the old quay” will close before the storm")]
    # ... not when the writer's words follow a conjunction
    assert _reported_pairs("Ann Ruiz said “we will win” and then left the stage.") == []
    # "Clause, X said, “…” more words.": the whole sentence
    text = "The port's new cranes, Ms. Ruiz said, “are a fine example of planning” for the coming decade."
    assert _reported_pairs(text) == [("Ruiz", text[:-1])]
    # ... but a quotation that is the whole second part stays a direct quote
    rows = _rows("Asked whether the cranes had helped, Ruiz said, “Sure. We load twice as fast.”")
    assert ("direct", "Ruiz", "“Sure. We load twice as fast.”") in rows


def test_inverted_attributions_with_more_shapes():
    # a name set off by commas after the source's description
    assert _reported_pairs("The pier will close in May, a spokeswoman, Ann Lee, said on Saturday.") == \
        [("Ann Lee", "The pier will close in May")]
    # ... or after "said a spokesman for …"
    text = "The pier will close in May, said an ex-clerk of the Harbour Board, Oleg Vale."
    assert _reported_pairs(text) == [("Oleg Vale", "The pier will close in May")]
    # a relative clause after the source
    assert _reported_pairs("The pier will close in May, said a clerk who had read the memo.") == \
        [("a clerk", "The pier will close in May")]
    # ... and a name with a relative clause is the subject, not a reported clause
    text = "Most of the nets would go to the north quay, said Lee, who joined the guild in 2012."
    assert _reported_pairs(text) == [("Lee", "Most of the nets would go to the north quay")]
    # "earlier this week" is the attribution's time
    text = "The union will sit out the vote, Ann Lee told the Ledger earlier this week."
    assert _reported_pairs(text) == [("Ann Lee", "The union will sit out the vote")]
    # "according to" after a dash
    text = "The town had 115 thefts last year — including six of boats — according to the harbour police."
    assert _reported_pairs(text)[0] == ("the harbour police", text[:text.index(" — according")])
    # a participle with a quotation after it
    text = 'The ferry left as soon as the storm passed, Ann Lee said, adding, "We had no choice."'
    assert ("Ann Lee", "The ferry left as soon as the storm passed") in _reported_pairs(text)


def test_a_time_after_said_opens_no_clause():
    assert _rows("“We will not wait,” Ruiz said last week on the radio.") == \
        [("direct", "Ruiz", "“We will not wait,”")]


def test_a_mid_sentence_pronoun_with_no_antecedent_keeps_the_report():
    text = "The deal was signed.\n\nUnless the port reopens, they say, the town will suffer."
    assert _reported_pairs(text) == [("", "Unless the port reopens, they say, the town will suffer")]
    # ... and with an antecedent the pronoun is resolved
    text = "Ann Lee spoke first. Unless the port reopens, she said, the town will suffer."
    assert _reported_pairs(text) == [("Ann Lee", "Unless the port reopens, she said, the town will suffer")]


def test_titles_after_their_maker_and_headlines_before_a_byline_are_no_speech():
    rows = _rows("“It will not last,” said Ann Lee, the author of “The Long Tide,” who studies ports.")
    assert ("direct", "Ann Lee", "“It will not last,”") in rows
    assert [r[0] for r in rows if r[2] == "“The Long Tide,”"] == ["scare"]
    rows = _rows('Reads:\n\n"Pier to close in May as tolls fall," by the Ledger\'s Ann Lee: "The harbour board voted."')
    assert [r[0] for r in rows if r[2].startswith('"Pier')] == ["scare"]
    # a quotation followed by "by" and no name is no byline
    rows = _rows("“We will fight this,” Ann Lee said, standing by the pier.")
    assert ("direct", "Ann Lee", "“We will fight this,”") in rows


def test_subject_before_an_aside_with_as_and_after_back_in():
    # before: "as Hispanic" opened a clause ("as Lee said"), so "Hispanic" was the speaker
    text = "Ann Vale, who served as Harbour Master, told the Harbour Ledger that the site was not ready."
    assert _reported_pairs(text) == [("Ann Vale", "the site was not ready")]
    # "as X said" still opens its own clause
    assert ("Ann Berg", "it would") in _reported_pairs("The port closed, as Ann Berg said it would.")
    # "Back in 1999," is an adverbial, not the subject
    text = "Back in 1999, Ms. Vale praised the warden, telling the Ledger: “She keeps the quay in order.”"
    assert _rows(text) == [("direct", "Vale", "“She keeps the quay in order.”")]


def test_a_reported_clause_ends_before_a_new_attribution():
    text = ("The harbour board contends that the port is on track, and Ann Lee, its adviser, said she and "
            "her staff were drafting plans.")
    assert _reported_pairs(text) == [("The harbour board", "the port is on track"),
                                     ("Ann Lee", "she and her staff were drafting plans")]
    # with no speech verb after it, ", and <Name> …" is part of what was said
    assert _reported_pairs("Ann Lee said that Berg won, and Ruiz lost the vote.") == \
        [("Ann Lee", "Berg won, and Ruiz lost the vote")]


def test_adverbs_between_the_subject_and_the_verb():
    assert _reported_pairs("The vote was close. Ann Lee has since argued she would back the toll.") == \
        [("Ann Lee", "she would back the toll")]
    assert _reported_pairs("The vote was close. Dock workers have both argued that the toll is unfair.") == \
        [("Dock workers", "the toll is unfair")]
    text = "The vote was close. The campaign chief, Ann Lee, bluntly suggested that the toll was a ploy."
    assert _reported_pairs(text) == [("Ann Lee", "the toll was a ploy")]


def test_a_clause_is_cut_before_an_aside_that_reports_its_quotation():
    # before: the whole clause was dropped because a verb inside it ("described") reports the quotation
    text = 'Ann Lee said the crews waited on the quay, which she called "a disgrace," for the whole night.'
    assert _reported_pairs(text) == [("Ann Lee", "the crews waited on the quay")]
    text = "Ann Lee says the toll hides more than the harbour memo, which claims it will “fund the dredging.”"
    assert ("Ann Lee", "the toll hides more than the harbour memo") in _reported_pairs(text)
    # "said that was …": "that" is the clause's subject
    assert _reported_pairs("Ann Lee said that was the cost of a late tide.") == \
        [("Ann Lee", "that was the cost of a late tide")]


def test_a_share_of_people_polled_is_a_vague_source():
    # before: "About" opened no noun phrase (a preposition), so the share had no speaker
    assert _reported_pairs("The poll was large. About four in 10 argue the ferry should run at night.") == \
        [("About four in 10", "the ferry should run at night")]
    assert _reported_pairs("The poll was large. 58 percent of anglers argue the port should close.") == \
        [("58 percent of anglers", "the port should close")]
    assert _reported_pairs("The poll was large. A majority of anglers argue the board misled them.") == \
        [("A majority of anglers", "the board misled them")]


def test_a_bare_number_is_no_share_and_no_speaker():
    from framing.quotes.speakers import _SHARE
    assert _SHARE.fullmatch("58 percent of anglers") and _SHARE.fullmatch("about two-thirds")
    assert not _SHARE.fullmatch("2016") and not _SHARE.fullmatch("1,200")


def test_review_of_session_8_negative_cases():
    # the subject before ", said" is no inverted attribution when no clause comes before the comma
    assert _reported_pairs("Lee, however, said a deal was close.") == [("Lee", "a deal was close")]
    assert _reported_pairs("Ann Lee, 54, said Tom Berg, the mayor, had lied to the council.") == \
        [("Ann Lee", "Tom Berg, the mayor, had lied to the council")]
    # ... and after a clause the name (or "an aide who …") is the source, not a reported clause
    assert _reported_pairs("The port will close, said a clerk who had read the memo.") == \
        [("a clerk", "The port will close")]
    # a quotation after "said" followed by a preposition, adverb or time is no clause
    assert _rows("Ann Ruiz said “we will win” in a statement on Monday.") == \
        [("partial", "Ann Ruiz", "“we will win”")]
    assert _reported_pairs("She said “yes” to the proposal.") == []
    # a capitalised quotation with a comma inside is no part of the clause after a mid-sentence attribution
    rows = _rows("Asked about the cranes, Ruiz said, “They are fine,” before leaving the room.")
    assert ("direct", "Ruiz", "“They are fine,”") in rows and _reported_pairs(
        "Asked about the cranes, Ruiz said, “They are fine,” before leaving the room.") == []
    # the writer's appositive after "X said," ends the attribution; a clause goes on
    assert _reported_pairs("The pier will close in May, the mayor said, a move that will cost jobs.") == \
        [("the mayor", "The pier will close in May")]
    text = "Ann Lee spoke first. Unless the port reopens, she said, the town will suffer."
    assert _reported_pairs(text) == [("Ann Lee", "Unless the port reopens, she said, the town will suffer")]
    # "according to" with no comma is a manner ("played according to the rules")
    assert _reported_pairs("The games were played according to the old rules.") == []
    # relative "that" after an object or adverbial
    assert _reported_pairs("Ann Ruiz told members of the committee that met on Monday about the budget.") == []
    assert _reported_pairs("The senator warned the city of the dangers that the flood would bring.") == []
    assert _reported_pairs("The governor reminded voters of the plan that she unveiled in March.") == []
    assert _reported_pairs("Lee said to the family that lost its home that the city would help.") == \
        [("Lee", "the city would help")]
    # a time phrase after "said" is no subject; an adjective of time is
    assert _reported_pairs("Ann Ruiz said last year's budget was too small.") == \
        [("Ann Ruiz", "last year's budget was too small")]
    assert _reported_pairs("Ann Ruiz said last week the port would close.") == [("Ann Ruiz", "the port would close")]
    # "would only say that" + a preposition or "if" is no report of a clause
    assert _reported_pairs("Lee would only say that in private, aides said.") == \
        [("aides", "Lee would only say that in private")]
    assert _reported_pairs("Lee would only say that if she were certain of the facts.") == []
    # things that indicate or suggest are the writer's inference
    assert _reported_pairs("The records were old. Records indicated the river had peaked.") == []
    assert _reported_pairs("Evidence from the campaign suggests the race is tight.") == []
    assert _reported_pairs("Those released on Friday show that the plant was unsafe.") == []
    # "boasted" and "said hi" take no clause without "that"
    assert _reported_pairs("The town boasted the largest fleet the coast had ever seen.") == []
    assert _reported_pairs("Lee said hi, and the room went quiet.") == []
    # plural people nouns listed in the singular
    assert _reported_pairs("Both teams suggested the match was fixed.") == [("Both teams", "the match was fixed")]


def test_tail_times_and_objects_of_told():
    assert _reported_pairs("The pier will close in May, Ann Lee said later.") == \
        [("Ann Lee", "The pier will close in May")]
    assert _reported_pairs("The pier was never safe, Ann Lee told the court.") == \
        [("Ann Lee", "The pier was never safe")]


def test_a_name_after_said_a_spokesman_is_no_clause_of_its_own():
    # before the name was set aside, "an ex-clerk of the board, Oleg Vale" (9 words) was read as a clause
    # reported by "He"
    text = "He had a voice in every decision about the port, said an ex-clerk of the board, Oleg Vale."
    assert _reported_pairs(text) == [("Oleg Vale", "He had a voice in every decision about the port")]


def test_second_review_of_session_8():
    # an aside inside the clause's subject: no cut to a bare noun phrase
    text = "Lee said the ferry board, which she called “a rubber stamp,” had approved the fare rise."
    assert _reported_pairs(text) == []
    # ", and <Name>" with no attribution of its own (a modal, a finite verb first) is part of the clause
    text = "Ruiz said the ferry would resume in May, and Lee would announce the new timetable later."
    assert _reported_pairs(text) == [("Ruiz", "the ferry would resume in May, and Lee would announce the new timetable "
                                             "later")]
    # a capitalised group the text never writes in lower case is a speaker
    assert _reported_pairs("Democrats suggested the toll would mostly help the rich.") == \
        [("Democrats", "the toll would mostly help the rich")]
    # a share that holds a finite verb is no speaker
    text = "Half of the boats were damaged and the pier was closed, the harbour master said."
    assert all(spk != "Half of the boats were damaged" for spk, _ in _reported_pairs(text))
    # "by Friday" after a quotation is no byline
    assert [r[0] for r in _rows("Lee was blunt. “We will have the money,” by Friday, she told the council.")] \
        != ["scare"]
    # a past participle used as an adjective after "that" opens a clause
    assert _reported_pairs("The agency said on Monday that spent fuel would be moved to a new site.") == \
        [("The agency", "spent fuel would be moved to a new site")]
    # "as" with no comma after it is a conjunction inside the aside
    text = "The board removed Ann Lee, who had run the port since 2019 as Ruiz told reporters the fleet would be sold."
    assert ("Ruiz", "the fleet would be sold") in _reported_pairs(text)
    # a quotation after "said" followed by a preposition, then a finite verb: the quotation is the subject
    assert _reported_pairs("Lee said “a few bad actors” at the agency had leaked the memo.") == \
        [("Lee", "“a few bad actors” at the agency had leaked the memo")]
    # ... but no finite verb after a time or an -ly adverb: no clause
    assert _reported_pairs("Lee said “no comment” repeatedly as she left.") == []
    assert _reported_pairs("Lee said “no comment” twice last week.") == []
    assert _reported_pairs("Those evacuated said the water rose within minutes.") == \
        [("Those evacuated", "the water rose within minutes")]
    assert _reported_pairs("Back Bay residents, angry about the noise, said the festival should move.") == \
        [("Back Bay residents", "the festival should move")]
    # an ordinal before a noun is the writer's appositive
    text = "The strike ended on Friday, the union said, the first sign of calm on the docks in a month."
    assert _reported_pairs(text) == [("the union", "The strike ended on Friday")]
    # a time phrase before a finite verb is the clause's subject
    assert _reported_pairs("Lee said last year was the worst on record for the fleet.") == \
        [("Lee", "last year was the worst on record for the fleet")]
    assert _reported_pairs("Lee noted last year had been the worst on record.") == \
        [("Lee", "last year had been the worst on record")]
    # a capitalised quotation with no comma inside may open the part after a mid-sentence attribution
    text = "The plan, Lee said, “Boston would never accept” without a vote of the council."
    assert _reported_pairs(text) == [("Lee", text[:-1])]
    # adverbs between subject and verb, and adverbials before it
    assert _reported_pairs("The vote was close. The pilots in fact argued the toll was unfair.") == \
        [("The pilots", "the toll was unfair")]
    assert _reported_pairs("The vote was close. Instead, Ann Lee argued the toll was unfair.") == \
        [("Ann Lee", "the toll was unfair")]
    # a relative "that" after an adverbial and a past tense before a preposition
    assert _reported_pairs("Lee said to the crews that waited at the quay a word of thanks.") == []
    # "allies" matches the listed singular
    assert _reported_pairs("Her allies suggested the toll would fall.") == [("Her allies", "the toll would fall")]
    # "said hi" and a comma before a lower-case word open no bare clause
    assert _reported_pairs("Lee said hi, and the room went quiet.") == []
    assert _reported_pairs("Lee said goodbye, then the room went quiet.") == []


# --------------------------------------------------------------------------- session 9: clauses and speakers


def test_a_bare_and_before_a_second_speech_verb_ends_the_first_clause():
    assert _reported_pairs("Ann Lee told the paper her crew never met Tom or Sam and said the crew hired the "
                           "pilots on its own.") == [("Ann Lee", "her crew never met Tom or Sam"),
                                                     ("Ann Lee", "the crew hired the pilots on its own")]
    # ... but not after a relative pronoun: the verb belongs to the relative clause
    assert _reported_pairs("Ruiz said that growers who met the mayor and asked about fees were ignored.") == \
        [("Ruiz", "growers who met the mayor and asked about fees were ignored")]


def test_an_adverb_after_who_leaves_the_antecedent_as_speaker():
    assert _reported_pairs("The mayor, who originally said the ferry would run all year, changed course.") == \
        [("The mayor", "the ferry would run all year")]


def test_a_share_before_who_said_is_the_speaker():
    assert _reported_pairs("Only 9 percent backed the toll, against 31 percent who said the ferry was too "
                           "slow.") == [("31 percent", "the ferry was too slow")]
    # a count with a thousands comma after a word of list share_lead is one speaker, not "000"
    assert _reported_pairs("By May, at least 4,500 said they would sail.") == \
        [("at least 4,500", "they would sail")]


def test_according_to_a_source_then_a_relative_clause():
    text = ("The team went a different way, according to a senior harbor adviser who asked not to be named to speak "
            "candidly about the plan.")
    assert _reported_pairs(text) == [("a senior harbor adviser", "The team went a different way")]


def test_an_adjective_before_an_infinitive_speech_verb():
    assert _reported_pairs("Ms. Lee was quick to note that the ferry had never sunk.") == \
        [("Lee", "the ferry had never sunk")]
    assert _reported_pairs("Ms. Lee would be quick to note that the ferry had never sunk.") == []
    text = "Tom Berg spoke. The harbor hearing dragged, and Mr. Berg was prompted to say, “Enough, let us vote.”"
    assert _speaker_of(text, "Enough") == "Tom Berg"


def test_a_name_after_to_modifies_a_plural_head():
    assert _reported_pairs("Advisers to Mr. Lee said that he has won twice.") == \
        [("Advisers to Mr. Lee", "he has won twice")]


def test_a_participle_coordinated_with_one_after_a_comma():
    assert _reported_pairs("Lee declined to comment, pointing to his record and saying that most pilots are "
                           "overrated.") == [("Lee", "most pilots are overrated")]
    # "pointing out" is a participle too: the subject of the clause it hangs on speaks
    assert _reported_pairs("Ann Lee blamed the Gazette, pointing out that its editors had "
                           "printed the rumour in June.") == [("Ann Lee", "its editors had printed the rumour in June")]


def test_a_clause_in_a_relative_aside_ends_at_the_main_verb():
    assert _reported_pairs("Lee, who had said she would stay on the board, resigned on Friday.") == \
        [("Lee", "she would stay on the board")]


def test_more_verbs_close_a_sentence_as_its_attribution():
    assert _reported_pairs("Ann Lee was returning home on the ferry, the harbor master confirmed.") == \
        [("the harbor master", "Ann Lee was returning home on the ferry")]
    # "states" at a sentence end is a plural noun
    assert _reported_pairs("Lee fared well around the city, which has many young voters, groups that favored her "
                           "in other states.") == []


def test_a_tail_told_object_and_a_name_with_its_description():
    text = "The port is adding ferries on the main route, Harbor Secretary Ann Lee told a Senate committee."
    assert _reported_pairs(text) == [("Ann Lee", "The port is adding ferries on the main route")]
    text = ("Two letters to the mayor have been placed in storage, Tom Berg, the undersecretary for ports, wrote in "
            "a memo.")
    assert _reported_pairs(text) == [("Tom Berg", "Two letters to the mayor have been placed in storage")]
    # a clause of its own is no tail subject
    assert _reported_pairs("The port is adding ferries on the main route, Lee told a reporter he agreed.") == \
        [("Lee", "he agreed")]


def test_a_parenthetical_between_told_and_that():
    assert _reported_pairs("Sources told the Gazette, however, that she did speak and the talks went well.") == \
        [("Sources", "she did speak and the talks went well")]


def test_subordinators_open_a_clause_unless_a_comma_closes_them():
    text = ("In Salem, a court fined a skipper last spring before the skipper had posted on a forum that "
            "the harbor rules were unfair.")
    assert _reported_pairs(text) == [("the skipper", "the harbor rules were unfair")]
    assert _reported_pairs("Dana Sexton, after two long hearings, wrote that the crews were calm.") == \
        [("Dana Sexton", "the crews were calm")]


def test_reports_is_a_verb_after_a_name_and_a_noun_after_a_lower_case_word():
    assert _reported_pairs("The Gazette reports that the letter was sent to the mayor.") == \
        [("Gazette", "the letter was sent to the mayor")]
    assert _reported_pairs("Lee cited news reports that the mayor resigned.") == []


def test_a_contracted_pronoun_before_a_progressive():
    text = "Tom Berg spoke first. He's suggesting that pilots from ports he visited should stay."
    assert _reported_pairs(text) == [("Tom Berg", "pilots from ports he visited should stay")]
    assert _reported_pairs("They’re saying that the ferry is late.") == [("", "the ferry is late")]


def test_a_participle_that_opens_the_sentence():
    assert _reported_pairs("Noting that only Berg voted with the board, Lee said the vote was lost.") == \
        [("Lee", "only Berg voted with the board"), ("Lee", "the vote was lost")]


def test_time_phrases_and_bare_numbers_after_a_verb_are_no_clause():
    assert _reported_pairs("“It is a rigged system,” Ann Lee said earlier this week.") == []
    assert _reported_pairs("“I cannot believe it,” Lee said 20 minutes into the hearing.") == []
    assert _reported_pairs("Lee spoke in the hall, as the radio noted two weeks later.") == []
    # a number before a finite verb still opens one
    assert _reported_pairs("Lee said 12 boats were lost.") == [("Lee", "12 boats were lost")]


def test_a_hyphenated_adverb_is_an_adverb():
    # ... before "that" (a hyphenated word that opens a clause is no adverb: "non-family")
    assert _reported_pairs("Lee said non-family members were barred from the meeting.") == \
        [("Lee", "non-family members were barred from the meeting")]
    assert _reported_pairs("Lee said matter-of-factly that the ferry was late.") == [("Lee", "the ferry was late")]


def test_a_name_before_a_quotation_is_its_subject_not_an_inverted_speaker():
    text = ("Judge Tom Reed, in a ruling for the panel, said Salem’s harbor toll “is "
            "plainly fair.”")
    assert [r[0] for r in _rows(text) if r[0] == "reported"] == ["reported"]
    assert _speaker_of(text, "Salem’s harbor") == "Tom Reed"
    assert _reported_pairs("The crew had sailed all night, and though nobody complained, their "
                           "faces said a lot.") == []


def test_a_clause_is_no_vague_speaker():
    from framing.quotes.speakers import _VERB_WITH_OBJECT, _not_a_noun_phrase
    assert _VERB_WITH_OBJECT.search("a court fined a skipper before the skipper")
    assert not _VERB_WITH_OBJECT.search("a man accused of fraud")
    assert _not_a_noun_phrase("appeared on several lists") and not _not_a_noun_phrase("elected officials")
    assert _not_a_noun_phrase("So")


def test_what_a_relative_subject_said_runs_from_the_auxiliary():
    assert _reported_pairs("The fund, which auditors said was short of cash, closed in May.") == \
        [("auditors", "was short of cash")]
    # ... only in an aside set off by a comma: a restrictive relative may be the subject of the writer's verb
    assert _reported_pairs("Everything that Lee said was a lie.") == []
    assert _reported_pairs("Lee dwelt on what she said were errors by the port.") == []


def test_a_quantity_opens_a_clause():
    assert _reported_pairs("Aides said more than 300 crews had left the port.") == \
        [("Aides", "more than 300 crews had left the port")]
    assert _reported_pairs("Lee says too many pilots are torn by the new rules.") == \
        [("Lee", "too many pilots are torn by the new rules")]


def test_a_longer_adjunct_between_the_verb_and_that():
    assert _reported_pairs("Rep. Ann Collins wrote in an essay for the Harbor Gazette on Sunday that anger over "
                           "the port is growing.") == [("Ann Collins", "anger over the port is growing")]


def test_a_sentence_adverb_and_a_possessive_subject():
    text = "Shortly after the vote, Berg’s office issued a short note saying the toll would stay."
    assert _reported_pairs(text) == [("Berg’s office", "the toll would stay")]


def test_a_relative_after_an_age_and_a_place_refers_to_the_name():
    text = ("“It's fine,” said Nicky Dale, 24, from Salem, who said Lee is best suited to win. “It's meant to be for "
            "the people.”")
    assert _speaker_of(text, "It's meant") == "Nicky Dale"
    assert ("Nicky Dale", "Lee is best suited to win") in _reported_pairs(text)


def test_an_inverted_lead_with_a_relative_aside():
    text = "Renovated, it is now a museum. Said Dora Penn, who grew up with Lee nearby, “We all felt it was ours.”"
    assert _speaker_of(text, "We all felt") == "Dora Penn"


def test_review_of_session_9_negative_cases():
    # a clause opening with a number is still a clause (a noun of time after it is none)
    assert _reported_pairs("Police said 20 people, including two children, were hurt.") == \
        [("Police", "20 people, including two children, were hurt")]
    assert _reported_pairs("Lee said 70% of voters support the plan.") == [("Lee", "70% of voters support the plan")]
    # a bare "and" before another verb may join the clause's own subject's verbs: no cut, no second speaker
    assert _reported_pairs("Ruiz said the contractor missed the deadline and claimed the delay was the port's "
                           "fault.") == [("Ruiz", "the contractor missed the deadline and claimed the delay was the "
                                                  "port's fault")]
    assert _reported_pairs("Lee said the council will meet and announce a decision on Friday.") == \
        [("Lee", "the council will meet and announce a decision on Friday")]
    # "after", "before", "until" as prepositions cut no subject
    assert _reported_speakers("The union leader who spoke after Lee said the strike would go on.") == \
        ["The union leader"]
    assert _reported_speakers("Residents who gathered after the meeting said they were relieved.") == ["Residents"]
    # "later", "earlier", "ago" after a clause's own verb
    assert _reported_pairs("Police said Tom Berg arrived later that night.") == \
        [("Police", "Tom Berg arrived later that night")]
    assert _reported_pairs("Lee said a few days later the port would close.") == \
        [("Lee", "a few days later the port would close")]
    # a word in -ly is no adverb when more words follow it
    assert _reported_speakers("The house, which family members said was haunted, burned down.") == \
        ["family members"]
    # a person after a preposition before "who" is the speaker
    assert _reported_speakers("The plan drew opposition from Lee who said it was unfair.") == ["Lee"]
    # a participle inside a relative aside's clause does not close the aside
    assert _reported_pairs("Ruiz, who said the pier, damaged in the storm, needed repairs, asked for money.") == \
        [("Ruiz", "the pier, damaged in the storm, needed repairs")]
    # a reduced relative before a time is a noun phrase
    assert _reported_speakers("Residents interviewed the next day said the water was brown.") == \
        ["Residents interviewed the next day"]
    # "too much", "more than she should have": objects, no clauses
    assert _reported_pairs("Lee said too much when she was mayor.") == []
    assert _reported_pairs("Lee said more than she should have.") == []
    # a participle before a noun opening a sentence is an adjective
    assert _reported_pairs("Warning labels will be required on all bottles, the agency announced.") == \
        [("the agency", "Warning labels will be required on all bottles")]
    # "reports" after a modifier or after a verb's object name is a noun
    assert _reported_pairs("News reports that the mayor will resign proved false.") == []
    assert _reported_pairs("Lee dismissed Gazette reports that she would resign.") == []
    assert _reported_pairs("Harbor Radio News reports that the ferry was sold.") == \
        [("Harbor Radio News", "the ferry was sold")]
    # a quotation that does not open with a verb after "said X" keeps the inverted attribution
    assert ("Ann Lee", "The port is closed") in _reported_pairs('The port is closed, said Ann Lee "for now."')
    # ", and X responded." is a clause of the writer's
    assert _reported_pairs("Prices rose sharply in May, and the central bank responded.") == []


def test_second_review_of_session_9():
    # " and <say>" ends a clause only before a finite form that opens a clause of its own
    assert _reported_pairs("Lee said the plan would cut taxes and add jobs in the county.") == \
        [("Lee", "the plan would cut taxes and add jobs in the county")]
    assert _reported_pairs("The clerk said the count was late and said nothing else.") == \
        [("The clerk", "the count was late and said nothing else")]
    assert _reported_pairs("Lee said the mayor met residents on Monday and told them the ferry would run.") == \
        [("Lee", "the mayor met residents on Monday and told them the ferry would run")]
    # a relative aside about an object, or one followed by ", and <clause>", keeps its clause
    assert _reported_pairs("The plan was backed by Lee, who said the pier, damaged in May, needed repairs.") == \
        [("Lee", "the pier, damaged in May, needed repairs")]
    assert _reported_pairs("Lee, who said the pier was unsafe, resigned, and board members, surprised, had no "
                           "comment.") == [("Lee", "the pier was unsafe")]
    # the object of a relative clause is no subject; an -ed adjective opens no clause after "after"
    assert _reported_speakers("A judge who sentenced Ruiz and Ann Lee said the case was unusual.") == ["A judge"]
    assert _reported_speakers("The official who spoke after the elected mayor said the port was safe.") == \
        ["The official"]
    # a participle modifier is no finite verb of a tail subject
    assert _reported_pairs("The count was wrong, a privately held firm said.") == \
        [("a privately held firm", "The count was wrong")]
    # a gerund subject before a short tail is the tail's report
    assert _reported_pairs("Saying that is not enough, Lee argued.") == [("Lee", "Saying that is not enough")]
    # a number of a time noun not before a preposition opens a clause
    assert _reported_pairs("The mayor said 10 years ago the city was broke.") == \
        [("The mayor", "10 years ago the city was broke")]
    # quantities of times and quantities an adverbial clause follows open none
    assert _reported_pairs("She said about 10 words before the vote was called.") == []
    # a role noun before the name of the subject of "reports"
    assert _reported_pairs("In Salem, columnist Tom Berg reports that the council met in secret.") == \
        [("Tom Berg", "the council met in secret")]


def test_a_promise_or_threat_is_reported_by_its_infinitive():
    # before: "vowed to …" reported nothing (no clause after the verb)
    assert _reported("Mayor Ida Park vowed to reopen the ferry dock by spring.") == [
        ("Ida Park", "vowed", "to reopen the ferry dock by spring")]
    assert _reported("The boatmen's union threatened to block the channel on Monday.") == [
        ("The boatmen's union", "threatened", "to block the channel on Monday")]
    # a thing commits to nothing; "to" before a noun phrase is no infinitive; a plural noun after "and" is no verb
    assert _reported("The flood threatened to wash away the lower quay.") == []
    assert _reported("Ida Park pledged to the guild that the dock would open.") == [
        ("Ida Park", "pledged", "the dock would open")]
    assert _reported("Ida Park won votes with long speeches and promises to widen the canal.") == []
    # negated or modal: no promise was made
    assert _reported("Ida Park has not promised to reopen the dock.") == []
    assert _reported("Ida Park never vowed to reopen the dock.") == []


def test_a_request_is_reported_by_its_addressee_and_infinitive():
    # before: "urged the council to …" reported nothing
    assert _reported("Ida Park urged the harbor council to delay the dredging.") == [
        ("Ida Park", "urged", "the harbor council to delay the dredging")]
    assert _reported("Ida Park called on Governor Sam Oduya to release the canal funds.") == [
        ("Ida Park", "called on", "Governor Sam Oduya to release the canal funds")]
    # a bare plural addressee, "not to", "told"/"warned" as requests, a time between addressee and "to"
    assert _reported("Inspectors warned skippers not to anchor near the wreck.") == [
        ("Inspectors", "warned", "skippers not to anchor near the wreck")]
    assert _reported("Ida Park told crews to stay ashore until noon.") == [
        ("Ida Park", "told", "crews to stay ashore until noon")]
    # a bare object that is no agent, then a purpose: no request
    assert _reported("Ida Park told jokes to ease the tension at the meeting.") == []
    assert _reported("Ida Park asked the guild on Tuesday to lower the tolls.") == [
        ("Ida Park", "asked", "the guild on Tuesday to lower the tolls")]
    # a request that opens a quotation is one row holding it
    assert _reported("The union urged the harbor mayor “to drop this levy and start over.”") == [
        ("The union", "urged", "the harbor mayor “to drop this levy and start over.”")]
    # not a request: a date after the verb, "asked not to be named", a passive
    assert _reported("Ida Park called on Tuesday to ask about the tolls.") == []
    text = "The dock is closed, said a pilot who asked not to be named since the guild forbids interviews."
    assert _reported(text) == [("a pilot", "said", "The dock is closed")]
    assert _reported("Ida Park was asked to lower the tolls.") == []


def test_a_demand_is_reported_by_its_object():
    # before: "called for …" and "demanded …" before a noun phrase reported nothing
    assert _reported("Ida Park called for an audit of the canal accounts.") == [
        ("Ida Park", "called for", "an audit of the canal accounts")]
    assert _reported("The boatmen demanded a recount of the harbor ballots.") == [
        ("The boatmen", "demanded", "a recount of the harbor ballots")]
    # a preposition or a date after the verb is no object; a coordinator is none either
    assert _reported("The boatmen demanded on Friday that the tolls fall.") == [
        ("The boatmen", "demanded", "the tolls fall")]
    assert _reported("The boatmen have called for Monday to be a holiday at the port.") == []
    assert _reported("The boatmen called for and won a recount of the harbor ballots.") == []


def test_an_embedded_question_after_explain_describe_recall_or_tell():
    # before: only "asked" took a question word
    assert _reported("Ida Park explained how the toll on each barge is set.") == [
        ("Ida Park", "explained", "how the toll on each barge is set")]
    assert _reported("Ida Park told the guild why the dredging had stopped.") == [
        ("Ida Park", "told", "why the dredging had stopped")]
    # "when" opens an adverbial clause as often as a question: no report
    assert _reported("Ida Park explained when the guild met that the dock was shut.") == []


def test_as_reported_by_x_leads_a_reported_clause():
    # before: no row ("As X reported, …" was read, its passive was not)
    assert _reported("As reported by the Canal Gazette, the guild met twice in March.") == [
        ("Canal Gazette", "reported", "the guild met twice in March")]
    assert _reported("As first noted by Ida Park, the guild met twice in March.") == [
        ("Ida Park", "noted", "the guild met twice in March")]


def test_coordinated_verbs_after_an_auxiliary_and_since():
    # before: "but has since said" had no subject
    assert _reported_pairs("Ida Park raised the toll in May but has since said the toll is too high.") == [
        ("Ida Park", "the toll is too high")]
    # before: "a lot" before "of" was an idiom's object
    assert _reported_pairs("Ida Park said a lot of skippers would leave the canal.") == [
        ("Ida Park", "a lot of skippers would leave the canal")]
    assert _reported_pairs("The canal says a lot about the town.") == []


def test_an_inverted_source_followed_by_a_relative_clause():
    # before: "…, said a pilot who …" read the pilot as a clause (the relative clause has a finite verb)
    assert _reported_pairs("Tolls are a burden for the barges, said Cora Nwosu, a skipper who bought two boats "
                           "last year.") == [("Cora Nwosu", "Tolls are a burden for the barges")]
    assert _reported_pairs("The dredging is over, said a canal engineer who had read the plans and declined "
                           "to give a name.") == [("a canal engineer", "The dredging is over")]
    # "according to" before a long noun phrase is "in proportion to", no source (review: a longer source was tried)
    assert _reported_pairs("The toll is set each spring, according to the length of the barge and the number of "
                           "nights it stays.") == []


def test_a_relative_subject_before_an_auxiliary_speaks():
    # before: "who has said" / "who has pledged" had no subject, and "Park backs a skipper" spoke
    assert _reported_pairs("The vote may elect a skipper who has said that tolls will rise.") == [
        ("a skipper", "tolls will rise")]
    assert _reported_pairs("Ida Park backs a candidate who has pledged to cut the tolls.") == [
        ("a candidate", "to cut the tolls")]


def test_an_aside_of_a_participle_about_the_subject_ends_at_its_comma():
    # before: the clause ran on into the main clause ("…, sent the crews home")
    assert _reported_pairs("Ida Park, urging the skippers to wait, sent the crews home.") == [
        ("Ida Park", "the skippers to wait")]


def test_an_infinitive_of_purpose_speaks_for_the_subject_of_the_verb_before_it():
    # before: "Radio Canal" spoke (the object of "went on")
    assert _reported_pairs("Ida Park went on Radio Canal on Friday to say she had never backed the toll.") == [
        ("Ida Park", "she had never backed the toll")]
    assert _reported_pairs("Ida Park wrote a letter to argue that the toll was unfair.") == [
        ("Ida Park", "the toll was unfair")]
    # a control verb, a modal: no statement
    assert _reported_pairs("Ida Park wants to say she had never backed the toll.") == []
    assert _reported_pairs("Ida Park would go on Radio Canal to say the toll was unfair.") == []


def test_with_a_noun_phrase_and_a_participle_reports_for_the_noun_phrase():
    # before: no row ("saying" after no comma and no subject)
    assert _reported_pairs("The vote may shift, with 40 percent of skippers saying they will back Ida Park.") == [
        ("40 percent of skippers", "they will back Ida Park")]
    assert _reported_pairs("Ida Park met the guild, with Cora Nwosu arguing that the toll was unfair.") == [
        ("Cora Nwosu", "the toll was unfair")]


def test_review_of_session_10():
    # a tail that attributes the sentence keeps it (before the review the new clause ran over the tail)
    assert _reported_pairs("The mayor vowed to reopen the dock by June, her spokesman said.") == [
        ("her spokesman", "The mayor vowed to reopen the dock by June")]
    assert _reported_pairs("Ida Park called for a recount, Cora Nwosu said on Monday.") == [
        ("Cora Nwosu", "Ida Park called for a recount")]
    # "X, 54, said NP who …": a clause, no inverted source
    assert _reported_pairs("Ann Lee, 54, said skippers who pay the toll are angry.") == [
        ("Ann Lee", "skippers who pay the toll are angry")]
    # an appositive before "who" opens an aside about the subject
    assert _reported_pairs("Ann Lee, a former skipper who has long called for reform, said the toll was unfair.") == [
        ("Ann Lee", "the toll was unfair")]
    # "and since" is a subordinator, not an adverb after an auxiliary
    text = "Park raised the toll in May, but since Lee said it was unfair, the board has wavered."
    assert _reported_speakers(text) == ["Lee"]
    # a participle after a main clause is no aside about the subject
    assert _reported_pairs("Lee hit back, arguing the toll, set in 1990, is unfair.") == [
        ("Lee", "the toll, set in 1990, is unfair")]
    # things request and demand nothing; plural nouns are no verbs
    for text in ("The recipe calls for two eggs and a cup of flour.", "The job demanded patience from every deckhand.",
                 "The sign told drivers to slow down near the lock.", "The flood threatened to wash away the quay.",
                 "The mayor ignored repeated calls for her resignation.", "The drought explains why the toll rose."):
        assert _reported_pairs(text) == [], text
    # "to" before a noun phrase, an adverb as addressee: no request
    assert _reported_pairs("Ida Park told the story to anyone who would listen.") == []
    assert _reported_pairs("The board asked repeatedly to see the accounts of the guild.") == []
    # an infinitive of purpose: not after an object-control verb, a speech participle or "for X"
    assert _reported_pairs("It took courage for Lee to say that the plan had failed.") == [
        ("Lee", "the plan had failed")]
    assert _reported_pairs("The paper posted a video of Lee telling crews to say the port was safe.") == []
    assert _reported_speakers("Ida Park sent her aide to say the deal was off.") == []
    assert _reported_speakers("The committee called the mayor to explain why the toll rose.") == []
    # "with" after a verb is no absolute; the last "with" before the verb; "With" opening the sentence
    assert _reported_pairs("Lee met with reporters on Friday saying the toll was too high.") == []
    assert _reported_speakers("Lee sat with the board, with most members saying the toll was too high.") == \
        ["most members"]
    assert _reported_speakers("With the crews saying the toll was too high, the board backed down.") == ["the crews"]
    # ... and after another sentence (a search from inside the text: "^" is no sentence start)
    assert _reported_speakers("The vote ended. With the crews saying the toll was too high, the board backed "
                              "down.") == ["the crews"]


def test_second_review_of_session_10():
    # a tail is a noun phrase and its verb: not "as the mayor had said", "echoing what the guild said"
    assert _reported_pairs("Lee said the toll was high, as the mayor had said.") == [
        ("Lee", "the toll was high, as the mayor had said")]
    assert _reported_pairs("Lee said the crews, like the pilots, had been warned.") == [
        ("Lee", "the crews, like the pilots, had been warned")]
    # a tail after a clause of "said" ends that clause; after a promise it takes the sentence, with an adjunct or
    # a name after it too
    assert _reported_pairs("Lee said the pilots were paid too little, the union said.") == [
        ("Lee", "the pilots were paid too little")]
    assert _reported_pairs("The mayor vowed to reopen the dock, her aide said in a statement.") == [
        ("her aide", "The mayor vowed to reopen the dock")]
    # a relative aside about the subject holds a finite verb of its own: still no tail
    assert _reported_pairs("Ann Lee, who was fired in May, said skippers who complained were ignored.") == [
        ("Ann Lee", "skippers who complained were ignored")]
    # a bare plural source before "who"
    assert _reported_pairs("The toll rose in May, said pilots who work the canal.") == [
        ("pilots", "The toll rose in May")]
    # a fronted adverbial is no subject before an aside
    assert _reported_pairs("Last week, a judge who reviewed the case said the tolls, set in 1990, were illegal.") == [
        ("a judge", "the tolls, set in 1990, were illegal")]
    # agents: a subject noun before a verb form that is also a noun; plurals in -ies
    assert _reported_pairs("The mayor promises to cut the toll by June.") == [("The mayor", "to cut the toll by June")]
    assert _reported_pairs("The families demanded an inquiry into the tolls.") == [
        ("The families", "an inquiry into the tolls")]
    # "who later said" is no coordination with the sentence's subject
    assert _reported_speakers("Lee met the pilots, who were angry, and who later said the toll was unfair.") != ["Lee"]


# --------------------------------------------------------------------------- session 11


def test_a_clause_word_inside_a_closed_aside_does_not_cut_the_subject():
    # before: "when" / "that" inside the relative aside cut the subject region, which then named no one
    assert _reported("Ida Park, who was harbour master when the dock closed, said the tolls would fall.") == [
        ("Ida Park", "said", "the tolls would fall")]
    assert _reported("Ida Park, who learned that a third of the barges were idle, said the guild would wait.") == [
        ("Ida Park", "said", "the guild would wait")]
    # a clause that opens inside an aside the verb itself is in still cuts: the guild speaks, not the mayor
    assert _reported("The mayor, who left when the guild said the tolls would fall, was silent.") == [
        ("the guild", "said", "the tolls would fall")]


def test_an_adverbial_between_the_verb_and_that_holds_no_auxiliary():
    # before: "said Thursday his worry is that …" was read as "said <adverbial> that …", so the clause started at
    # "he is …", which was mostly quotation, and the row was dropped
    assert _reported('Ida Park said Thursday her biggest worry about the plan is that it is "rushed."') == [
        ("Ida Park", "said", 'her biggest worry about the plan is that it is "rushed."')]
    assert _reported("Ida Park said on Thursday that the tolls would fall.") == [
        ("Ida Park", "said", "the tolls would fall")]


def test_a_verb_form_used_as_a_noun_reports_no_quotation_inside_a_clause():
    # before: "comments" after an adjective was a speech verb that reported the quotation, so the clause of
    # "said" was dropped and the quotation given to "the harsh"
    rows = _reported('Ida Park said that sometimes the harsh comments make her wish they could "start over."')
    assert rows == [("Ida Park", "said", 'sometimes the harsh comments make her wish they could "start over."')]
    # after a relative pronoun the form is a verb: "which claims …" still reports
    rows = _reported("Ida Park says the deal hides more than the official story, which claims that the tolls "
                     "will “fight smuggling” on the canal.")
    assert ("the official story", "claims", "the tolls will “fight smuggling” on the canal") in rows


def test_a_naming_verb_reports_its_object_and_quoted_label():
    # before: only the quoted label was a row (partial)
    assert _reported("Ida Park called the toll rise on the canal “a tax on boatmen.”") == [
        ("Ida Park", "called", "the toll rise on the canal “a tax on boatmen.”")]
    assert _reported('Ida Park described the dredging plan as "reckless" and "costly" for the guild.') == [
        ("Ida Park", "described", 'the dredging plan as "reckless" and "costly" for the guild')]
    assert _reported('Ida Park labeled the guild a "cartel" that fixes tolls.') == [
        ("Ida Park", "labeled", 'the guild a "cartel" that fixes tolls')]
    # the label ends at a comma, dash, coordinator or finite verb outside quotations ...
    rows = _rows('Ida Park criticized the board, calling its chair a "rubber stamp" for the mayor, and left.')
    assert ("reported", "Ida Park", 'its chair a "rubber stamp" for the mayor') in rows
    rows = _rows('And the toll, which Ida Park had called a "disaster" for the guild, was dropped.')
    assert ("reported", "Ida Park", 'a "disaster" for the guild') in rows
    # ... and with fewer than three words outside the quotation the quotation is the row
    assert _rows('Ida Park called the toll "a disgrace."') == [("partial", "Ida Park", '"a disgrace."')]
    # a preposition or coordinator after the verb opens no object
    assert _rows('Ida Park called on the guild "to act now."') == [("partial", "Ida Park", '"to act now."')]


def test_a_participle_after_a_closing_mark_ends_the_clause_and_shares_its_speaker():
    # before: "…,” adding that …" was no participle after a comma (the comma sits inside the mark), so the clause
    # ran on over "adding" and the participle reported nothing
    rows = _reported('Ida Park told the guild that the tolls were "far too high," adding that the barges had "no '
                     'room to turn."')
    assert rows == [("Ida Park", "told", 'the tolls were "far too high,"'),
                    ("Ida Park", "adding", 'the barges had "no room to turn."')]


def test_the_object_of_told_may_hold_a_title_a_place_and_a_time():
    # before: none of these had a clause (a title between the outlet and the name, "of <Place>", a time after it)
    assert _reported("Ida Park told Canal Radio host Tom Berg she would run again.") == [
        ("Ida Park", "told", "she would run again")]
    assert _reported("Ida Park told The Ledger of Dayton last week she would run again.") == [
        ("Ida Park", "told", "she would run again")]
    assert _reported("Ida Park told a guild meeting in Dayton the tolls would fall.") == [
        ("Ida Park", "told", "the tolls would fall")]
    # "that" after a past tense and a particle is a relative pronoun on the object, no clause opener
    assert _reported("Ida Park told a crowd at the Pier Hall that poured out into the square that the tolls would "
                     "fall.") == [("Ida Park", "told", "the tolls would fall")]
    # a time that ends the sentence is no clause
    assert _reported("Ida Park told The Ledger of Dayton last week.") == []


def test_an_evidential_verb_reports_no_quotation_inside_a_clause():
    # before: "shown" reported the quotation, so the clause of "said" was dropped
    assert _reported('Ida Park said the record has shown the need for a "standing fund" before any dredging.') == [
        ("Ida Park", "said", 'the record has shown the need for a "standing fund" before any dredging')]


def test_a_description_after_an_inverted_source_ends_the_tail():
    # before: the tail wanted "a", "an", "the" or "who" after the name's comma; the sentence was read as a
    # mid-sentence attribution holding itself, or the name's description as a clause of the sentence before
    assert _reported("The guild lobbied the council for lower tolls, said Tom Berg, director of the pilots' "
                     "union.") == [("Tom Berg", "said", "The guild lobbied the council for lower tolls")]
    assert _reported("The guild lobbied the council for lower tolls, said lobbyist and skipper Tom Berg, Ida "
                     "Park's former partner.") == [
        ("Tom Berg", "said", "The guild lobbied the council for lower tolls")]
    # a description holds no finite verb and opens with no closed-class word
    rows = _reported("On Monday the guild met. Guild chair Ida Park, a skipper, said the vote will start with "
                     "the pilots, but others disagree.")
    assert rows == [("Ida Park", "said", "the vote will start with the pilots")]
    # "says despite …, she …": a preposition opens no subject, so the clause stands
    assert _reported("The pilots' leader, Ida Park, says despite being a skipper, she plans to vote no.") == [
        ("Ida Park", "says", "despite being a skipper, she plans to vote no")]


def test_review_of_session_11():
    # an auxiliary in the adverbial before "that": no month or name is one, one after a relative pronoun is allowed
    assert _reported("Ida Park said in May that the tolls would fall.") == [
        ("Ida Park", "said", "the tolls would fall")]
    assert _reported("Ida Park told the guild in a letter to Will Berg that the tolls would fall.") == [
        ("Ida Park", "told", "the tolls would fall")]
    assert _reported("Ida Park said Thursday at a hearing that was broadcast live that the tolls would fall.") == [
        ("Ida Park", "said", "the tolls would fall")]
    # "called" that names nothing: an adjunct, a purpose, a clause or direct speech after the object
    assert _rows('Residents called police "because they feared for their lives," the report said.') == [
        ("partial", "the report", '"because they feared for their lives,"')]
    assert [r[0] for r in _rows('The chairman called the meeting to order "at 9 a.m. sharp," according to '
                                'minutes.')] == ["partial"]
    assert [r[0] for r in _rows('The pilot called the tower, "We have lost an engine," according to the '
                                'recording.')] == ["partial"]
    assert _rows('A startup called Portly "wants to fix the ferry system," its founder Ann Lee said.') == [
        ("partial", "Ann Lee", '"wants to fix the ferry system,"')]
    assert [r[0] for r in _rows('The governor called a special session "to deal with the budget crisis" next '
                                'month.')] == ["partial"]
    # the label ends at a comma inside its closing mark, at a subordinator and at "that" before a subject
    assert _rows('Ida Park called the plan "a disaster for the port," adding that it would cost jobs.') == [
        ("partial", "Ida Park", '"a disaster for the port,"'), ("reported", "Ida Park", "it would cost jobs")]
    assert _rows('The coach called the harbour board\'s decision "ridiculous" after the match ended.') == [
        ("reported", "The coach", 'the harbour board\'s decision "ridiculous"')]
    assert _rows('The mayor called it "a shame" that the guild had not been consulted.') == [
        ("partial", "The mayor", '"a shame"')]
    # a dash is no word of the object
    assert [r[0] for r in _rows('Ida Park called the plan — "a disaster" — unworkable.')] == ["partial"]
    # a clause word inside an aside closes it only when one comma follows it before the verb
    assert _reported("The mayor, who left when the guild, led by Ann Lee, said the tolls would fall, was "
                     "silent.")[0][:2] == ("the guild", "said")


# --------------------------------------------------------------------------- session 12


def test_a_parenthetical_after_the_verb_never_opens_with_an_auxiliary():
    # "he said" is the aside: what follows it is the sentence's predicate, not a parenthetical before a clause
    text = "Ivo Brandt spoke. Most of the closed piers, he said, have served ferries, the latter a cheap route."
    rows = _rows(text)
    assert not any(r[2] == "the latter a cheap route" for r in rows), rows
    assert any(r[:2] == ("reported", "Ivo Brandt") and r[2].startswith("Most of the closed piers") for r in rows)
    # an auxiliary in lower case only: a month or a name is no auxiliary
    rows = _rows("Ann Lee announced, May 5, that the pier would close.")
    assert ("reported", "Ann Lee", "the pier would close") in rows
    assert ("reported", "Ann Lee", "the board would resign") in _rows(
        "Ann Lee said, Will Park included, that the board would resign.")


def test_a_plural_group_opens_the_subject_of_a_participle():
    assert ("reported", "Critics", "it would cost jobs") in _rows(
        "Critics attacked the harbor plan on Monday, saying it would cost jobs.")
    assert ("reported", "Republicans", "it was rushed") in _rows("Republicans blocked the levy, saying it was rushed.")
    rows = _rows("Other advisers to the port board have backed a sale, saying a buyer could fund repairs.")
    assert any(r[0] == "reported" and "advisers" in r[1] and r[2] == "a buyer could fund repairs" for r in rows), rows
    assert ("reported", "Both candidates", "it would fail") in _rows(
        "Both candidates rejected the ferry plan, saying it would fail.")
    # "other" and "both" open a subject but make no group of people of a thing ("suggest" reports for people only)
    assert _rows("Other studies suggest the drug is safe for children.") == []
    assert _rows("Both reports suggested the dam was weak.") == []


def test_a_participle_after_a_dash_reports_for_the_subject():
    rows = _rows("Ana Kovac changed her pick on the spot – saying she now backed the visitors from Split.")
    assert ("reported", "Ana Kovac", "she now backed the visitors from Split") in rows


def test_two_apostrophes_hold_a_mixed_row_and_end_its_clause():
    rows = _rows("Ms. Ferro runs the marina. The club's new pools, Ms. Ferro said, ''are a fine example of "
                 "adapting'' to lean times.")
    assert [r[:2] for r in rows] == [("reported", "Ferro")], rows
    assert rows[0][2].startswith("The club's new pools") and "''are a fine example of adapting''" in rows[0][2]
    rows = _rows("Mr. Oduya spoke. The toll plan is ''dead on arrival,'' Mr. Oduya said.")
    assert ("reported", "Oduya", "The toll plan is ''dead on arrival,''") in rows


def test_a_quotation_right_after_said_np_is_no_inverted_tail():
    for q in ("''call into question the independence''", "“call into question the independence”"):
        text = f"Senator Ida Marsh, who chairs the budget panel, said Ms. Park's gifts {q} of the bank."
        rows = _rows(text)
        assert not any(r[1] == "Ms. Park's gifts" for r in rows), rows
        assert ("partial", "Ida Marsh", q) in rows
    # a comma after the source: the quotation belongs to an aside about the source, the tail stands
    rows = _rows("The talks have failed, said Ann Lee, who called the offer “an insult.”")
    assert ("reported", "Ann Lee", "The talks have failed") in rows
    rows = _rows("The bridge must close, said Mayor Ann Lee, calling the repairs “a waste of money.”")
    assert ("reported", "Ann Lee", "The bridge must close") in rows
    # a preposition after the mark: a fragment of the source's words, the tail stands
    assert ("reported", "Lee", "The toll will rise") in _rows("The toll will rise, said Lee “for now.”")


def test_a_speech_verb_inside_a_restrictive_relative_reports_the_gap_clause():
    rows = _rows("The port fined a ferry line that inspectors said was running unsafe boats.")
    assert ("reported", "inspectors", "was running unsafe boats") in rows
    rows = _rows("The ferry crews were freed, in what several diplomats said was a goodwill gesture.")
    assert ("reported", "several diplomats", "was a goodwill gesture") in rows
    rows = _rows("Mr. Vance signed a pledge that he said was written by his lawyers.")
    assert ("reported", "Vance", "was written by his lawyers") in rows
    # no finite verb before the relative: "was" is the sentence's own verb
    assert _rows("Everything that Tom Berg said was a lie.") == []
    # with no relative pronoun only an auxiliary after the verb opens a gap clause (not "ended", "said")
    rows = _rows("Ann Cole signed a deal she said was ending the strike.")
    assert ("reported", "Ann Cole", "was ending the strike") in rows
    assert not any(r[0] == "reported" for r in _rows("Ann Cole signed the deal she said ended the strike."))
    # a clause of its own between the sentence's verb and the relative: the relative is its subject, no gap
    for text in ("The mayor spoke for an hour, but what she said was vague.",
                 "It is clear that what Ann Lee said was true.",
                 "She was upset because the things that Tom Berg said were cruel.",
                 "Tom Berg apologised, and the comments he wrote were deleted."):
        assert not any(r[0] == "reported" for r in _rows(text)), text
    # "that" before two noun phrases opens a clause ("the letter" is the subject of "said")
    assert _rows("It emerged on Monday that the letter Ann Lee wrote said nothing about costs.") == []


def test_a_description_names_the_person_just_quoted():
    text = "“We pressed early,” said Kiel coach Tom Berg. “Then we faded,” the veteran coach said. “We tired.”"
    assert [r[1] for r in _rows(text)] == ["Tom Berg"] * 3
    text = "“We will not sign,” said Texas Sen. Ann Lee. “Never,” the Texas senator added."
    assert [r[1] for r in _rows(text)] == ["Ann Lee"] * 2
    # a description that does not fit what the text says of the speaker is someone else
    for text in ("“We played well,” said Kiel coach Tom Berg. “They were better,” the Bayern coach said.",
                 "“We were robbed,” said Kiel coach Tom Berg. “It was a penalty,” the other coach said.",
                 "“We were robbed,” said Kiel coach Tom Berg. The city was quiet. “No,” the City coach said.",
                 "“We will act,” said Governor Ann Lee. “Yes,” the senator replied.",
                 "“He is innocent,” said Ann Lee, the defence lawyer. “The law is clear,” the judge said.",
                 "“He attacked me,” said defence lawyer Ann Lee. “It hurt,” the mother of the victim said.",
                 "“It failed,” said former Mayor Ann Lee. “I will not respond,” the mayor said.",
                 "“We will sue,” said Sen. Ann Lee. “It is over,” the lawyer for the senator said."):
        rows = _rows(text)
        assert rows[-1][1] != rows[0][1], text
    # the last source is a group or an organisation, not a person
    assert _rows("“We will sue,” some senators said. “It is over,” the senator said.")[-1][1] == "the senator"
    text = "“We will appeal,” said the Texas Senators Association. “It is over,” the senator said."
    assert _rows(text)[-1][1] == "the senator"
    # an indefinite description in between introduces someone else
    for head, indefinite in (("senator", "A senator"), ("lawmaker", "A lawmaker")):
        # ("senator": the title "Sen." says it; "lawmaker": the role of "Sen." says it) an indefinite description in
        # between introduces someone else
        text = f"“It is sound,” said Sen. Ann Lee. {indefinite} disagreed. “It will fail,” the {head} said."
        assert _rows(text)[-1][1] != "Ann Lee", head
        assert _rows(text.replace(f"{indefinite} disagreed", "The hall was silent"))[-1][1] == "Ann Lee", head
        # the description was used before: it may be someone the text never names
        text = f"The {head} listened. “It is fair,” said Sen. Ann Lee. “I have my doubts,” the {head} said."
        assert _rows(text)[-1][1] == f"the {head}", head
        assert _rows(text.replace(f"The {head} listened", "Everyone listened"))[-1][1] == "Ann Lee", head
        # another person named in between
        text = f"“We will sue,” said Sen. Ann Lee. Ivo Park left the room. “It is over,” the {head} said."
        assert _rows(text)[-1][1] != "Ann Lee", head
        # two paragraphs later
        text = (f"“We will sue,” said Sen. Ann Lee.\n\nThe aides left.\n\nThe press left.\n\n“It is over,” the {head} "
                "said.")
        assert _rows(text)[-1][1] != "Ann Lee", head
    # a noun that may name an organisation is no person's description
    text = "“We lost,” said Rosa Diaz. The newspaper reported on Friday that the marina had lost its lease."
    assert _rows(text)[-1][1] == "The newspaper"


def test_an_acronym_stands_for_the_one_organisation_with_its_initials():
    text = ("The Northern Rail Safety Agency said on Monday that the line was closed. The track failed in two places, "
            "according to the NRSA.")
    # (written with both forms the text uses: issue 11, session 15)
    assert _rows(text)[-1][:2] == ("reported", "Northern Rail Safety Agency (NRSA)")
    # two organisations with those initials: the acronym stays itself
    text = ("The Northern Rail Safety Agency met the Northern Road Safety Agency. The track failed in two places, "
            "according to the NRSA.")
    assert _rows(text)[-1][:2] == ("reported", "NRSA")
    # a name of unknown kind with those initials counts as well
    text = ("The Northern Rail Safety Agency met the Nora Roth Support Alliance. The track failed in two places, "
            "according to the NRSA.")
    assert _rows(text)[-1][:2] == ("reported", "NRSA")
    # a job title or a broadcaster is never read as initials, nor an acronym before the full name
    # ("CEO" is a title: "the CEO" a description of a person that names no one here)
    assert _rows("The Council on Economic Opportunity met. “We grow,” the CEO said.")[-1][1] == "the CEO"
    text = "The NRSA said on Monday that the line was closed. The Northern Rail Safety Agency runs the line."
    assert _rows(text)[0][1] == "NRSA"


def test_a_role_between_an_organisation_and_a_name_makes_the_person_the_subject():
    rows = _rows("Meridian Ferries manager Ana Ruiz, who took over in May, was unconvinced and believes the dock "
                 "must close.")
    assert ("reported", "Ana Ruiz", "the dock must close") in rows
    # not past a closed-class word: "Harbor Radio and former TV anchor …" is no role of Harbor Radio
    rows = _rows("Harbor Radio and former TV anchor Kim Soto spoke on Monday, saying the dock must close.")
    assert not any(r[1] == "TV" for r in rows), rows
    # every lower-case word is a role: a verb between the organisation and the name makes the name its object
    rows = _rows("The Labour Party expelled former minister Ann Lee, saying she had harmed the party.")
    assert ("reported", "Labour Party", "she had harmed the party") in rows


# --------------------------------------------------------------------------- session 13


def test_an_organisation_keeps_the_words_the_text_writes_in_lower_case():
    # "state" in lower case elsewhere made "State" a common word, and the speaker "Department"
    text = ("The governor wants to keep ferries out of the harbor.\n\n"
            "The Harbor Department says most of the new berths are for small boats.")
    assert _rows(text)[-1][:2] == ("reported", "Harbor Department")
    # the common words before the organisation's "the" are no part of its name
    text = ("Funding for the harbor fell.\n\n"
            "While the Harbor Department met its goal in May, it missed it in June. The Harbor Department also said "
            "it would add staff.")
    assert _rows(text)[-1][:2] == ("reported", "Harbor Department")
    # ... but a person before it is the speaker
    assert _rows("Ann Lee of the Harbor Institute said the harbor was broke.")[0][1] == "Ann Lee"


def test_a_fronted_adverbial_with_no_comma_is_no_part_of_the_subject():
    assert _rows("Afterwards officials declined to comment, saying the review was not finished.") == [
        ("reported", "officials", "the review was not finished")]
    assert _rows("Yesterday the mayor said the budget was balanced.")[0][1] == "the mayor"
    assert _rows("Earlier this month the agency said the plan was dead.")[0][1] == "the agency"
    assert _rows("Two days later Ann Lee told reporters the plan was dead.")[0][1] == "Ann Lee"
    # a lower-case plural after a dropped conjunction is a group subject, a closed-class word is none
    assert _rows("But critics attacked the plan, saying it was unsafe.")[0][1] == "critics"
    assert _rows("And this was bad, saying it was unsafe.") == []
    # a subject pronoun with a contraction opens the clause of a participle
    rows = _rows("Ann Lee lost the vote in May. Since then, she's moved to the right, calling for a halt to dredging.")
    assert rows == [("reported", "Ann Lee", "a halt to dredging")]


def test_a_person_of_a_place_or_body_is_the_person():
    text = "Sen. Ann Lee of Texas said the bill was dead. “It will not pass,” Lee said."
    assert [r[1] for r in _rows(text)] == ["Ann Lee", "Ann Lee"]
    assert _rows("Stephen Vale of the Harbor Institute said the bill was dead.")[0][1] == "Stephen Vale"
    assert _rows("Sen. Lee of Texas said the bill was dead.")[0][1] == "Lee"
    # a person with no first name the lists know is no organisation either
    assert "Vale" in _rows("The state is broke. J. B. Vale of the Harbor Institute said the bill was dead.")[-1][1]
    # an organisation or a title phrase with "of" stays whole
    assert _rows("The University of Texas said the bill was dead.")[0][1] == "University of Texas"
    assert _rows("Bank of America said the bill was dead.")[0][1] == "Bank of America"
    assert _rows("Tax Payers of America said the bill was dead.")[0][1] == "Tax Payers of America"


def test_a_name_in_the_attributions_own_sentence_does_not_end_a_run_of_quotes():
    text = ("“We will win,” said Ann Lee of the Harbor Institute.\n\n"
            "“Nobody can stop us now. The vote is ours.”")
    assert [r[1] for r in _rows(text)] == ["Ann Lee", "Ann Lee"]
    text = ("Ann Lee told CNN on Monday that the plan was sound.\n\n"
            "“Nobody can stop us now. The vote is ours.”")
    assert [r[1] for r in _rows(text)] == ["Ann Lee", "Ann Lee"]
    # a person named in a sentence of its own still ends it
    text = ("“We will win,” said Ann Lee.\n\nTom Berg, her rival, spent the day in Ohio.\n\n"
            "“Nobody can stop us now. The vote is ours.”")
    assert _rows(text)[-1][:2] == ("unattributed", "")


def test_a_speech_verb_in_its_base_form_after_a_determiner_is_a_noun():
    rows = _rows("Lee answered a recent claim, first made by a blog, that the mayor lied about the budget.")
    assert not any(r[0] == "reported" and r[2].startswith("the mayor lied") for r in rows), rows
    assert _rows("He rejected the claim that the mayor lied.") == []
    # a plural subject or a noun of quantity between the article and the verb: a verb
    assert _rows("A few officials say the plan is dead.")[0][:2] == ("reported", "A few officials")
    assert _rows("Almost a quarter say the plan is dead.")[0][0] == "reported"
    assert _rows("The officials claim that the plan is dead.")[0][0] == "reported"


def test_a_perfect_progressive_speech_verb_reports_for_its_subject():
    assert _rows("Lima has been urging the union to resume the talks.") == [
        ("reported", "Lima", "the union to resume the talks")]
    assert _rows("Ann Lee had been saying for months that the plan was dead.")[0][:2] == ("reported", "Ann Lee")
    # a passive still reports nothing; an expletive or a first person is no speaker
    assert _rows("It has been said that the plan is dead.") == []
    assert _rows("There have been telling signs that the plan is dead.") == []
    assert _rows("A: I’ve been telling people for years that rent is a problem.") == []


def test_what_before_a_speech_verb_and_a_comma_reports_no_clause():
    assert _rows("No matter what the polls say, however long the count takes, Ruiz still feels calm.") == []
    assert _rows("Still, no matter what the critics say, however long it takes, Ruiz still feels calm.") == []
    assert _rows("Ann Lee said, if chosen, she would invite him to help.")[0][2] == "she would invite him to help"


def test_honorifics_without_a_period_are_stripped_and_give_a_gender():
    text = "The opposition leader, Sam Rainsy, said the vote was rigged. Mr Rainsy said he would appeal."
    assert [r[1] for r in _rows(text)] == ["Sam Rainsy", "Sam Rainsy"]
    assert _rows("“This wastes our money,” said Dr Marta Vale, who studies economics.")[0][1] == "Marta Vale"
    # "Mrs" makes "she" compatible and "he" not
    text = "Mrs Lee met Tom Berg on Monday. “We won,” she said."
    assert _rows(text)[0][1] == "Lee"


def test_suspect_that_reports_speech_and_complain_of_does_not():
    assert _rows("Engineers suspect that the span of the bridge may be shorter.") == [
        ("reported", "Engineers", "the span of the bridge may be shorter")]
    # the noun: no clause
    assert _rows("The suspect that police arrested on Monday was released.") == []
    assert _rows("Another suspect that police sought was found dead.") == []
    # "complained of" names a symptom as often as a grievance: the outer attribution stands
    assert _rows("Two passengers complained of chest pains, the airline said.") == [
        ("reported", "the airline", "Two passengers complained of chest pains")]


def test_a_state_postal_code_and_a_participle_aside_never_name_the_subject():
    text = "Tuesday at a college in Salem, OH, after taking the primary, Gov. Ann Lee (R-OH), said the race is over."
    assert _rows(text)[0][:2] == ("reported", "Ann Lee")
    text = ("The delegate Mary Vale, dressed in a green coat with badges that spelled the name Berg, said the party "
            "was united.")
    assert _rows(text)[0][:2] == ("reported", "Mary Vale")


def test_a_reporting_clause_after_a_quote_may_hold_asides_set_off_by_commas():
    text = ("“I doubt she has been candid,” Cecelia Vale, 67, a retired clerk in Dover, Del., said during an "
            "interview.")
    assert _rows(text) == [("direct", "Cecelia Vale", "“I doubt she has been candid,”")]
    # after a question, the asides keep the clause in the quote's sentence
    text = "“Can you hear me now?” Ann Miller, a retired welder from a paper mill, said into the receiver."
    assert _rows(text) == [("direct", "Ann Miller", "“Can you hear me now?”")]
    # an adverb before a preposition after "said" is no inverted subject
    text = "“Can you hear me now?” Miller, a retired welder from a paper mill, said softly into the receiver."
    assert [r[:2] for r in _rows(text)] == [("direct", "Miller")]


def test_an_opening_mark_typed_for_a_closing_one_closes_the_quote():
    text = "“It is unusual,“ said Larry Vale, an attorney. “It is a hard task.“\n\nHe left."
    assert _rows(text) == [("direct", "Larry Vale", "“It is unusual,“"),
                           ("direct", "Larry Vale", "“It is a hard task.“")]
    # a short quoted sentence ends at it, and so does its sentence
    text = "“It is unusual,“ said Larry Vale, an attorney. “It is rare.“ Berg disagreed, saying it was common."
    assert _rows(text) == [("direct", "Larry Vale", "“It is unusual,“"), ("direct", "Larry Vale", "“It is rare.“"),
                           ("reported", "Berg", "it was common")]
    # after a space it still opens
    assert _rows("The “ban” is “wrong.”")[1][2] == "“wrong.”"


def test_a_collective_noun_names_no_person():
    text = ("Opposition leader Ann Diallo rejected the count. The opposition has attacked the turnout, "
            "saying voter cards were spread unfairly.")
    assert _rows(text)[-1][:2] == ("reported", "The opposition")
    # a description of a person still links to the person
    text = "Opposition leader Ann Diallo spoke on Monday. The opposition leader said the vote was rigged."
    assert _rows(text)[-1][:2] == ("reported", "Ann Diallo")


def test_a_name_between_a_possessive_and_a_noun_is_a_modifier():
    text = ("There are moments when nothing seems different about Serena Vale, times such as when she hit a "
            "winner to level her Open semifinal at one set each, bent forward and yelled, “Come on!”")
    assert _rows(text)[0][:2] == ("direct", "Serena Vale")


def test_a_fronted_subordinate_clause_holds_no_subject():
    text = "Although Berg is not yet in the race, Ann Lee sent a jab his way, suggesting he would lose."
    assert _rows(text)[0][:2] == ("reported", "Ann Lee")
    assert _rows("If chosen, Ann Lee would invite Tom Berg to help, saying he knows the port.")[0][1] == "Ann Lee"


def test_a_place_in_title_case_and_an_agency_open_a_dateline():
    text = "Washington (AFP) – Democrat Ann Lee has taken a shot at Tom Berg over the port, saying he was wrong."
    assert "Ann Lee" in _rows(text)[0][1]
    # a party tag is no agency
    assert _rows("Sen. Ann Lee (D-Va.) - who chairs the panel - said the bill was dead.")[0][1] == "Ann Lee"


def test_according_to_may_open_a_parenthesis():
    text = "Riders face fines. (According to the Harbor Police, it keeps no records of such fines.)"
    assert _rows(text) == [("reported", "Harbor Police", "it keeps no records of such fines")]


def test_review_of_session_13():
    # an organisation word is no part of a person's name before "of"; one word before "of" stays whole
    assert _rows("“The outbreak is over,” the Virginia Department of Health said.")[0][1] == \
        "Virginia Department of Health"
    assert _rows("Mary of the Harbor Institute said the bill was dead.")[0][1] != "Mary"
    # honorifics without a period only in title case; "Sr" is no bare honorific
    assert _rows("DR Congo said the rebels had withdrawn.")[0][1] == "DR Congo"
    assert _rows("The MS Society said the drug was safe.")[0][1] == "MS Society"
    assert _rows("Ann Lee met Sr Mary Vale on Monday. “We need more beds,” she said.")[0][1] != "Ann Lee"
    # a second subject after a clause break ends a run of floating quotes
    text = "Ann Lee said the plan was dead, but Tom Berg disagreed.\n\n“The plan is alive and well. We pass it soon.”"
    assert _rows(text)[-1][:2] == ("unattributed", "")
    text = "“We will win,” said Ann Lee, who then handed the microphone to Tom Berg.\n\n“Nobody stops us. It is ours.”"
    assert _rows(text)[-1][:2] == ("unattributed", "")
    # asides after a quotation: the verb must end its clause; two plain asides
    rows = _rows("The crowd shouted “Shame!” Ann Lee, a local organizer, said the anger was real.")
    assert rows[0][:2] == ("partial", "The crowd")
    assert _rows("“I am tired,” Ann Lee, 67, a retired nurse, said.")[0][:2] == ("direct", "Ann Lee")
    text = ("“How do we win it?” Tom Vale, the chairman for the county, said of the meeting he attended on Monday with "
            "the mayor at the edge of a rally.")
    assert _rows(text)[0][:2] == ("direct", "Tom Vale")
    # a postal code joins a place only: a credential after a name stays out of it
    assert [r[1] for r in _rows("Ann Lee, MD, said the drug was safe. “We tested it,” Lee said.")] == \
        ["Ann Lee", "Ann Lee"]
    # base-form nouns after "another", "no", "every"; verbs after an auxiliary or a plural
    assert _rows("Another suspect that police sought was found dead.") == []
    assert _rows("A spokesman did say the talks had failed.")[0][:2] == ("reported", "A spokesman")
    assert _rows("A thousand residents say the plan is dead.")[0][:2] == ("reported", "A thousand residents")
    assert _rows("Roughly a fifth say the plan is dead.")[0][0] == "reported"
    # an adverb that ends in -s before a group; a noun in -ly after "said"
    assert _rows("But thus far lawmakers have refused, saying the plan is too costly.")[0][1] == "lawmakers"
    assert _rows("The police failed him, said family of the dead man.")[0][1] == "family of the dead man"
    # an opening mark before "..." still opens; one after a space and before a space opens
    assert _rows("Lee said,“...and then we left the building,” and walked away.")[0][:2] == ("direct", "Lee")
    assert _rows("Ann Lee said: “ We will win,” and left.")[0][2] == "“ We will win,”"
    # "whatever" as the object; "Because" before an organisation's "the"
    assert _rows("Whatever the mayor says, the plan is dead.") == []
    text = ("Funding for the harbor fell. Unlike the Harbor Department, the city met its goal. The Harbor Department "
            "said it would add staff.")
    assert _rows(text)[-1][1] == "Harbor Department"


# --------------------------------------------------------------------------- session 14


def test_a_title_abbreviation_lets_its_title_word_name_the_person():
    # "Gov." stands for governor: "the governor" two paragraphs on is Nora Pell, though a county's name (a place,
    # no person) comes between
    text = ("Gov. Nora Pell warned residents on Monday.\n\n“This storm is new to us,” Pell said at Palm Grove "
            "County's operations center.\n\n“We cannot say where it goes,” the governor said.")
    assert _rows(text)[-1][:2] == ("direct", "Nora Pell")
    assert _rows(text.replace("Gov. ", "Sen. "))[-1][1] != "Nora Pell"   # a senator is no governor
    text = "Sen. Omar Hale spoke first. Later the committee met. “We wait,” the senator said."
    assert _rows(text)[-1][1] == "Omar Hale"
    # an indefinite description in between may be someone else, with the title written out or abbreviated
    for title in ("Gov.", "Governor"):
        text = f"“It is sound,” said {title} Nora Pell. A governor disagreed. “It will fail,” the governor said."
        assert _rows(text)[-1][1] != "Nora Pell", title
        assert _rows(text.replace("A governor disagreed", "The hall was quiet"))[-1][1] == "Nora Pell", title
    # (the description's own words are not "in between": "who named a new senator" is part of it)
    assert _rows("Sen. Ann Lee spoke on Monday. The senator who named a new senator said the vote was near.")[0][1] \
        == "Ann Lee"
    # a name written as a person's, nearer than the governor, may be the governor meant
    text = "“It is sound,” said Gov. Nora Pell. Ivo Sand left the room. “It will fail,” the governor said."
    assert _rows(text)[-1][1] != "Nora Pell"


def test_a_time_after_the_subject_is_no_part_of_the_speaker():
    for text, speaker in (("Nora Pell today warned that the dam is weak.", "Nora Pell"),
                          ("The mayor yesterday said the dam is weak.", "The mayor"),
                          ("Dr. Ivo Sand earlier this week warned that the dam is weak.", "Ivo Sand"),
                          ("A survey conducted last month found that most tenants are tired.", "A survey"),
                          ("HARBOR TODAY reported that the dam is weak.", "HARBOR TODAY")):
        assert _rows(text)[0][1] == speaker, text


def test_a_quotation_after_a_colon_is_not_part_of_a_reported_clause():
    # the words before the colon are the writer's: the quotation alone is the governor's
    text = "The forecast is grim: “We cannot say where the storm goes,” the governor said."
    assert _rows(text) == [("direct", "the governor", "“We cannot say where the storm goes,”")]
    # with no colon the sentence is one reported clause that quotes some of its words
    text = "The forecast is “grim beyond words” this week, the governor said."
    assert _rows(text) == [("reported", "the governor", "The forecast is “grim beyond words” this week")]


def test_titles_of_news_prose_are_stripped_and_name_the_person_later():
    # "Chief of Staff", "Delegate", "Sheriff": titles, not part of the name
    assert _rows("Chief of Staff Ann Lee told reporters that the plan was ready.")[0][1] == "Ann Lee"
    assert _rows("The plan was ready, Chief of Staff Ann Lee said. “We move today,” she added.")[-1][1] == "Ann Lee"
    assert _rows("Tom Berg arrived. Chief of Staff Ann Lee spoke first. “We are ready,” she said.")[-1][1] == "Ann Lee"
    assert _rows("The vote was delayed, said Delegate Mary Vale.")[0][1] == "Mary Vale"
    # "the sheriff" is the person the title introduced; "a deputy of the … Sheriff's Office" describes a deputy
    # (an appositive's descriptors stop at its head), not a sheriff
    text = ("Ivo Sand, a deputy of the Harbor County Sheriff's Office, fell ill, according to Harbor County Sheriff "
            "Omar Hale.\n\n“Nobody knows the cause yet,” the sheriff said.")
    assert _rows(text)[-1][1] == "Omar Hale"
    # a capitalised title after the name, even after "by"
    text = ("The talks were led by Nora Pell, Minister of Health, who met the council.\n\nLater the Minister told "
            "the press that her ministry will step in.")
    assert _rows(text)[-1][1] == "Nora Pell"


def test_verbs_of_manner_and_of_disclosure_report():
    # verbs of news prose that were missing from speech_verbs.csv: manner ("mused", "fired back", "sneered",
    # "echoed") and a "that" clause ("observed", "revealed")
    for text, row in (("“It will pass,” Ann Lee mused.", ("direct", "Ann Lee", "“It will pass,”")),
                      ("A teenager, Ivo Sand, echoed: “She says what she thinks.”",
                       ("direct", "Ivo Sand", "“She says what she thinks.”")),
                      ("“Not a chance,” Tom Berg fired back.", ("direct", "Tom Berg", "“Not a chance,”")),
                      ("During the debate, Ann Ruiz sneered, “I build things, and I finish them.”",
                       ("direct", "Ann Ruiz", "“I build things, and I finish them.”")),
                      ("Nora Pell observed that the tide was late.", ("reported", "Nora Pell", "the tide was late")),
                      ("The harbor board revealed that the fund was short.",
                       ("reported", "The harbor board", "the fund was short"))):
        assert _rows(text) == [row], text
    # a verb that mostly takes a noun object reports no clause without "that"
    assert _rows("Nora Pell revealed the plan to the board.") == []


def test_a_demonstrative_that_opens_no_reported_clause():
    # "that" before a prepositional phrase that ends the sentence is a demonstrative: nothing is reported
    assert _rows("Nora Pell said that at her weekly briefing on Monday.") == []
    assert _rows("Nora Pell told reporters that on Monday.") == []
    # a finite verb after the phrase makes it a clause ("won": an irregular past), and "Gov." ends no sentence
    assert _rows("The mill says that in 2019 it won $4.7 million in fees.") == [
        ("reported", "The mill", "in 2019 it won $4.7 million in fees")]
    assert _rows("Nora Pell said that in any contest of Lee and Gov. Ann Ruiz she would back Lee.") == [
        ("reported", "Nora Pell", "in any contest of Lee and Gov. Ann Ruiz she would back Lee")]
    assert _rows("Nora Pell said that in most years, prices rise in spring.")[0][0] == "reported"   # (comma: clause)


def test_a_school_or_a_museum_is_no_person_a_pronoun_means():
    text = ("Ivo Sand, a former intern at the space center, was given star data. The senior at Harbor High School "
            "was looking at a distant system. He claimed he then saw a faint dip in one of its stars.")
    assert _rows(text)[-1][1] == "Ivo Sand"


def test_initials_open_a_clause_and_a_request_has_an_addressee_of_several_words():
    assert _rows("Ann Lee said U.S. spending was strong.") == [("reported", "Ann Lee", "U.S. spending was strong")]
    assert _rows("Ann Lee urged harbor residents not to sell their boats.") == [
        ("reported", "Ann Lee", "harbor residents not to sell their boats")]
    # (a thing told and a purpose, still no request: "told funny stories to pass the time")
    assert _rows("The pilot told funny stories to pass the time.") == []


def test_session_14_review_counter_examples():
    # a noun in -en before a time is no participle; a name's own appositive introduces no one else
    assert _rows("Two women last week said the dam was weak.")[0][1] == "Two women"
    text = "Nora Pell, a governor since 2019, spoke first. “It is over,” the governor said."
    assert _rows(text)[-1][1] == "Nora Pell"
    # an appositive's noun phrase after "of" is cut only when it opens with a determiner or a capital
    assert _rows("Ann Lee, a professor of law, spoke. “It is a mess,” the law professor said.")[-1][1] == "Ann Lee"
    # a title the text also writes in lower case is still a title ("Senator" when the text says "the senator")
    assert _rows("Senator Ann Lee spoke on Monday. “We vote today,” the senator said.")[-1][1] == "Ann Lee"
    text = ("Opening remarks came from President Ivo Sand and Secretary of State Nora Pell.\n\nBut Ms. Pell said the "
            "yearly talks remained useful.")
    assert _rows(text)[0][1] == "Nora Pell"
    # a verb with a common use that is no speech is left out ("cracked down")
    assert _rows("Police cracked down on protesters, the mayor said.")[0][1] == "the mayor"
    # a time is no addressee
    assert _rows("Ann Lee asked several times to see the file.") == []
    # words that are titles elsewhere but open names of firms and people are no titles
    for name in ("Harbor Coach Lines", "Dean Phillips", "Cardinal Health"):
        assert _rows(f"{name} said that fares would rise.")[0][1] == name
    # only a title opens an appositive in capitals: "Friend of the Ministry" gives no government role
    rows = extract_quotes("Ann Lee, Friend of the Ministry, said the plan was sound.")
    assert (rows[0]["speaker"], rows[0]["speaker_role"]) == ("Ann Lee", "unknown")
    rows = extract_quotes("Ann Lee, Minister of the Harbor, said the plan was sound.")
    assert rows[0]["speaker_role"] == "government"
    # a demonstrative "that": a period inside initials ends no sentence; a determiner after a noun opens a clause
    assert _rows("Ann Lee said that at the U.S. embassy.") == []
    assert _rows("Ann Lee said that in her view the plan makes sense.") == [
        ("reported", "Ann Lee", "in her view the plan makes sense")]


# --------------------------------------------------------------------------- session 15 (out-of-domain errors)


def test_text_pronouns_overrule_a_first_name_lists_gender():
    # "Joan" is a woman's name in the list (a man's in Catalan): two "he"/"his" after the name, none "she",
    # make the name a man's, so "he said" is the speaker of the paragraph before, not the coach named in it
    text = ("Harbor FC president Joan Ferrer gave his reaction on Monday.\n\n"
            "Ferrer said he learned late what Marc Pujol had planned.\n\n"
            "“We learned of it far too late,” he said.")
    assert _speaker_of(text, "We learned") == "Joan Ferrer"
    # one such pronoun is not enough ("Joan Ferrer said he was a good father": he may be someone else)
    text = ("Joan Ferrer gave a statement on Monday.\n\nFerrer said he learned late what Marc Pujol had planned.\n\n"
            "“We learned of it far too late,” he said.")
    assert _speaker_of(text, "We learned") == "Marc Pujol"


def test_a_pronoun_with_no_speaker_of_its_gender_may_mean_a_name_the_list_genders_otherwise():
    text = ("“The board ignored the market,” the firm’s lawyer Meredith Vance told the court.\n\n"
            "“By defining the market too narrowly, the board erred,” he said.")
    assert _speaker_of(text, "By defining") == "Meredith Vance"
    # a speaker of the pronoun's gender at hand keeps the list's gender ("Ann" is no "he")
    text = "Tom Berg said the fees were high. Ann Lee said they were not. “We will see,” he added."
    assert _speaker_of(text, "We will see") == "Tom Berg"
    # ... and so does a text pronoun of the list's gender, or a speaker two paragraphs back
    assert _speaker_of("Sam Ortiz said his team would win.\n\n“It is our year,” she said.", "It is our") != "Sam Ortiz"
    text = ("“The board erred,” Meredith Vance told the court.\n\nThe board met in May.\n\nIt fined the firm.\n\n"
            "“It was unfair,” he said.")
    assert _speaker_of(text, "It was unfair") != "Meredith Vance"


def test_an_organisation_is_never_a_personal_name_for_he():
    text = ("The European Commission fined the firm in 2018.\n\n"
            "“The fine was fair,” he said.")
    assert _speaker_of(text, "The fine was fair") != "European Commission"


def test_a_unit_after_a_number_and_a_state_are_no_company():
    text = ("Harbor Wind plans a 420 MW turbine park off Dover and won a permit from the US Department of "
            "Energy. The company says that the permit opens a new trade.")
    assert _speaker_of(text, "the permit opens") not in ("MW", "US", "USA")
    # a year before an upper-case name keeps it a name
    from framing.quotes.document import _DocModel
    assert "NBA" in _DocModel("The 2024 NBA draft was held in June.").entities.by_name
    assert "MW" not in _DocModel("They plan a 420 MW wind farm.").entities.by_name


def test_a_lower_case_noun_between_an_opening_word_and_a_name_makes_the_name_the_subject():
    text = "Pop singer Ann Lee on Monday canceled her tour, citing “personal matters” in a short note."
    assert _speaker_of(text, "personal matters") == "Ann Lee"
    # a verb between is no such noun: the opening word is the subject
    rows = _reported_pairs("Police arrested John Smith on Monday, saying he was armed.")
    assert rows == [("Police", "he was armed")]


def test_a_name_set_off_after_a_description_is_the_speaker():
    text = "“We still adore the band,” said another fan, Mirela, writing from Graz."
    assert _speaker_of(text, "We still") == "Mirela"
    assert _speaker_of("“We will tour again,” his manager, Ivo Brandt, said.", "We will tour") == "Ivo Brandt"
    # a time set off so is none, nor the first name of a list
    assert _speaker_of("“We will stay,” said the mayor, Monday.", "We will stay") == "the mayor"
    assert _speaker_of("“We will stay,” said the mayor, Ivo Brandt and Ana Ruiz.", "We will stay") != "Ivo Brandt"


def test_a_long_aside_after_the_name_keeps_the_reporting_clause():
    text = ("“We are at capacity,” Dr. Ann Lee, professor and head of child health at the Harbor Medical "
            "Center in New Dover, N.J., told the Gazette. “I have not seen a season like it.”")
    assert _speaker_of(text, "We are at capacity") == "Ann Lee"


def test_manager_is_a_title():
    text = "Bus use “has come back only slowly,” according to General Manager Tom Reyes."
    assert _speaker_of(text, "has come back") == "Tom Reyes"


def test_a_repeated_description_keeps_its_link_past_other_names():
    text = ("Ada Cole, a deputy, was found in Dover. Residents called 911, according to Harbor County Sheriff "
            "Tom Reyes.\n\n“We are still piecing it together,” the sheriff said.\n\n"
            "The suspect was named as Bo Ward. He fled to a home nearby.\n\n"
            "The sheriff said the state police will lead the inquiry.")
    assert _reported_pairs(text)[-1] == ("Tom Reyes", "the state police will lead the inquiry")
    # another sheriff named between: the description links to no one
    text = text.replace("The suspect was named as Bo Ward.", "Sheriff Bo Ward of Lake County came to help.")
    assert _reported_pairs(text)[-1][0] != "Tom Reyes"


def test_a_time_after_said_is_no_inverted_source_and_a_who_aside_keeps_the_name():
    text = ("“We are all struggling,” nursing student Ana Ruiz, who goes to Harbor State University, said Wednesday "
            "in downtown Dover.")
    rows = _rows(text)
    assert rows[0][:2] == ("direct", "Ana Ruiz") and len(rows) == 1


def test_a_noun_of_one_gender_keeps_the_other_pronoun_away():
    # "the first lady" is no "he"; a name right after "businessman" is a man's, so "she" looks past him
    assert _speaker_of("“We will win,” said the first lady.\n\n“It is over,” he said.", "It is over") == ""
    text = ("“We will win,” said Robin Vale.\n\n“We will lose,” said businessman Sami Ali.\n\n"
            "“It is over,” she said.")
    assert _speaker_of(text, "It is over") == "Robin Vale"
    # a noun of the pronoun's gender, or of none, still may be its antecedent
    assert _speaker_of("“We will win,” said the first lady.\n\n“It is over,” she said.", "It is over") == \
        "the first lady"


def test_an_evidential_verb_without_its_clause_gives_no_speaker():
    # "finds its way" reports nothing: its subject is no antecedent for "he", nor the source of the quote after it
    text = ("The lake town has long drawn hikers, Mayor Tom Reyes noted. Every spring, a new wave of visitors "
            "finds a path to the shore. “These days we see about 900 a week,” he said.")
    assert _speaker_of(text, "These days") == "Tom Reyes"
    text = text.replace(" “These days", "\n\n“These days").replace(",” he said.", ".”")
    assert _speaker_of(text, "These days") != "a new wave of visitors"
    # with its clause, or a colon, it does
    assert _speaker_of("The audit found:\n\n“The books were a mess.”", "The books") == "The audit"
    assert _speaker_of("The audit found that the books were a mess. “We will pay,” it said.", "We will pay") == \
        "The audit"


def test_a_party_member_after_the_is_a_description_not_a_name():
    text = ("“I am not ready yet,” Tom Reyes said. It was a shift for the Ohio Republican, who had backed the "
            "plan. He said on Friday that the plan needs more time.")
    assert _reported_pairs(text) == [("Tom Reyes", "the plan needs more time")]
    assert _speaker_of("Ann Lee won in May. “We will fight,” the Texas Democrat said.", "We will fight") == \
        "the Texas Democrat"
    # an organisation whose name holds the word is still one
    assert _speaker_of("Young Republicans met. “We will fight,” said the Harbor County Republican Party.",
                       "We will fight") == "Harbor County Republican Party"


def test_a_party_member_description_needs_its_article_and_is_no_mention():
    from framing.quotes.entities import party_description
    assert party_description(["Ohio", "Republican"], "a shift for the ")
    assert party_description(["The", "Texas", "Democrat"], "")
    assert not party_description(["Ohio", "Republican"], "a shift for ")   # ("… for Ohio Republican")
    assert not party_description(["Republican", "Party"], "the ")
    # "he" looks past it to the person named before
    text = ("Voters met Tom Reyes in May. It was a shift for the Ohio Republican, who had backed the plan. "
            "He said on Friday that the plan needs more time.")
    assert _reported_pairs(text) == [("Tom Reyes", "the plan needs more time")]


def test_a_person_before_with_the_body_is_the_subject():
    text = "Det. Ann Lee with the Harbor Drug Task Force said the chase started near the pier."
    assert _reported_pairs(text) == [("Ann Lee", "the chase started near the pier")]
    text = "Harbor Museum with the City Council said the show would open in May."
    assert _reported_pairs(text)[0][0] == "Harbor Museum"
    # a description before the body leaves the body the speaker, as before
    text = "A spokesman with the Harbor Drug Task Force said the chase started near the pier."
    assert _reported_pairs(text)[0][0] == "Harbor Drug Task Force"


def test_the_chief_names_the_person_the_title_introduced():
    text = ("“Every officer is on it,” Harbor police Chief Tom Reyes said. Around noon, a shop was robbed, the "
            "chief said.")
    assert _reported_pairs(text) == [("Tom Reyes", "Around noon, a shop was robbed")]


def test_a_speech_verb_that_is_a_noun_after_the_does_not_cut_a_clause_with_a_quotation():
    # "the suspect": no verb reports the quotation inside the clause "said" reports
    assert _reported_pairs("Ann Lee said the suspect managed to “quietly slip” past the guards.") == \
        [("Ann Lee", "the suspect managed to “quietly slip” past the guards")]
    # ... nor takes the quotation from the speaker
    assert _speaker_of("Ann Lee said the suspect got “many” of the guns.", "the suspect got") == "Ann Lee"


# --------------------------------------------------------------------------- session 16 (PolNeAR fit errors)


def test_a_number_word_opening_a_sentence_is_no_name():
    text = ("Tom Reyes made it plain he would run. Eight years ago, he backed the port plan and said, "
            "“The harbor has never done anything for us.”")
    assert _speaker_of(text, "The harbor has never") == "Tom Reyes"
    from framing.quotes.extract import _DocModel
    assert "Thousands" not in _DocModel("Thousands marched on Friday. Ann Lee spoke.").entities.by_name


def test_a_person_noun_with_a_capital_before_a_name_describes_it():
    assert _reported_pairs("Analyst Tom Reyes said the race was over.") == [("Tom Reyes", "the race was over")]
    assert _reported_pairs("Farmer Ann Lee told the board that the well was dry.") == \
        [("Ann Lee", "the well was dry")]
    # a name of one word after it is left alone, and so is an organisation's name
    assert _reported_pairs("Student Aid Commission said the rate would rise.")[0][0] == "Student Aid Commission"


def test_a_subject_after_a_fronted_phrase_and_a_description_is_the_antecedent():
    text = ("Analyst Tom Reyes said the race was over. On Monday night, campaign manager Joe Ruiz released a "
            "memo. In it, he says the lead is safe.")
    assert _reported_pairs(text)[-1] == ("Joe Ruiz", "the lead is safe")
    # a clause of comparison after the comma is no such subject
    text = ("Tom Reyes raised the example of the old mayor, just as Governor Joe Ruiz did in May. “He reached out "
            "to them,” he said.")
    assert _speaker_of(text, "He reached out") == "Tom Reyes"


def test_verbs_of_speech_in_a_manner_attribute_the_quote_next_to_them():
    assert _speaker_of("“Sit down, all of you,” Ann Lee barked.", "Sit down") == "Ann Lee"
    assert _speaker_of("“Is the mayor serious?” reacted Tom Reyes.", "Is the mayor") == "Tom Reyes"
    assert _speaker_of("“We will not move,” Ann Lee snapped.", "We will not") == "Ann Lee"


def test_a_speech_noun_after_a_possessive_is_no_cue_for_the_quote_after_it():
    text = ("Ann Lee was not pleased with Reyes’ comments on Friday, telling the press, “Many of us think the "
            "mayor should resign.”")
    assert _speaker_of(text, "Many of us") == "Ann Lee"


def test_a_quote_that_trails_off_before_its_reporting_clause_is_attributed():
    for body in ("the people…", "the people...", "the people …"):
        text = f"Tom Reyes asked, “Will you run?” “Well, yes. I will look at {body}” Ann Lee said. “Why?” he asked."
        assert _speaker_of(text, "Well, yes") == "Ann Lee"


def test_then_after_a_comma_coordinates_and_then_before_a_title_describes():
    text = ("The man sat with his arm around Tom Reyes. Reyes jokingly named the man his Secretary of Transport, "
            "then says he will welcome advice from anyone.")
    assert _reported_pairs(text) == [("Tom Reyes", "he will welcome advice from anyone")]
    assert _reported_pairs("In 2010, then Governor Ann Lee said the plan was dead.") == \
        [("Ann Lee", "the plan was dead")]
    assert _reported_pairs("The plan failed, then Lee said it was dead.") == [("Lee", "it was dead")]


def test_a_few_words_between_a_quote_and_the_clause_that_ends_its_sentence():
    # (two words outside the quotation: with three the sentence is one reported row that holds it)
    assert _speaker_of("“This is hard work” for Dover, said Ann Lee.", "This is hard") == "Ann Lee"
    assert _speaker_of("“This is hard work” for Dover, Ann Lee said in a statement.",
                       "This is hard") == "Ann Lee"
    # a clause of its own after the comma does not take the quote
    rows = extract_quotes("“We are ready” was the message, and the mayor said the plan was set.")
    assert rows[0]["speaker"] == ""
    rows = extract_quotes("“We are ready” for the vote, the mayor said the plan was set.")
    assert rows[0]["speaker"] == ""


def test_a_preposition_and_which_open_a_clause_with_its_own_subject():
    text = ("As Ann Lee prepares to run, she will face a county in which 58 percent of residents say she is out "
            "of touch.")
    assert _reported_pairs(text) == [("58 percent of residents", "she is out of touch")]


def test_a_name_ending_in_the_letters_of_a_preposition_is_not_cut():
    # "said Weston ally Ann Lee": "Weston" is not "West" and "on" (a name that ends the clause before "on")
    for word in ("Weston", "Clinton", "Paterson"):
        text = (f"Some allies said they accept it. “He is a friend of mine,” said {word} ally Ann Lee. “He might be "
                "saying things I would not say.”")
        assert _speaker_of(text, "He might be") == "Ann Lee"
    # a name before a place preposition still ends the clause
    assert _speaker_of("“We will win,” said Ann Lee in Dover. “We must win it all.”", "We must") == "Ann Lee"


def test_a_stray_quotation_mark_is_nobody():
    text = ("Reyes was favored to win. ” … in the case of Dover, that ferry sailed long ago,” wrote "
            "the Harbor Times. “His lead in the county grew.”")
    assert all(q["speaker"] == "" or any(ch.isalpha() for ch in q["speaker"]) for q in extract_quotes(text))
    assert "”" not in {q["speaker"] for q in extract_quotes(text)}


def test_a_text_issued_before_a_colon_is_its_subjects_words():
    text = ("When the dock closed in 1998, Mayor Ann Lee released the following statement: “We offer our thanks "
            "to every worker of the port.”")
    assert _speaker_of(text, "We offer our thanks") == "Ann Lee"
    assert _speaker_of("The club posted a short message on Monday: “We thank our fans for twenty years.”",
                       "We thank") == "The club"
    assert _speaker_of("The club would never release a statement: “We thank our fans for it all.”",
                       "We thank") == ""


def test_a_speech_noun_after_a_determiner_and_a_participle_reports_nothing():
    assert _reported_pairs("The show aired its points, such as the discredited claim that Lee opposed the dam.") \
        == []
    assert _reported_pairs("Reporters read out the disputed claim that the dam would fail.") == []
    # a plural noun or a noun with no -ed before the verb is its subject
    assert _reported_pairs("The officials claim that the dam would fail.") == \
        [("The officials", "the dam would fail")]


# --------------------------------------------------------------------------- session 16 (out-of-domain set OOD-I)


def test_it_refers_to_a_statement_named_by_its_head_before_a_preposition():
    text = ("“The tour is cancelled,” a statement from her agent said.\n\n"
            "“Ann loves her fans and hates to let them down,” it said.")
    assert _speaker_of(text, "Ann loves") == "a statement from her agent"


def test_an_organisation_noun_before_a_name_makes_it_an_organisation_the_company_refers_to():
    text = ("Harbor tech giant Velmora says hackers reached its files. Velmora said it has locked the "
            "servers. “We regret the trouble,” the company told its customers.")
    assert _speaker_of(text, "We regret") == "Velmora"
    # without the noun, the one-word name that spoke just before is the company (session 19; was: "the company")
    text = text.replace("Harbor tech giant Velmora", "Velmora")
    assert _speaker_of(text, "We regret") == "Velmora"
    # but not a person's surname the text gives a gender
    text = text.replace("Velmora says", "Ms. Velmora says").replace("Velmora said", "Ms. Velmora said")
    assert _speaker_of(text, "We regret") == "the company"


def test_a_name_inside_a_quotation_is_no_antecedent_of_a_description():
    text = ("Velmora Corporation said it has secured the files.\n\n"
            "“We built an FAQ page for customers with more answers,” the company added.")
    assert _speaker_of(text, "We built an") == "Velmora Corporation"


def test_an_age_description_names_the_person_named_last():
    text = ("Tom Reyes, a neighbor, said he heard shots early on Friday at the farm, some 90 miles east of "
            "Little Rock.\n\n“The noise had me out of bed at six,” the 72-year-old said on the radio.")
    assert _speaker_of(text, "The noise had") == "Tom Reyes"
    # two people named in the scope: no link
    text = ("Tom Reyes and Ann Lee said they heard shots.\n\n“The noise had me out of bed,” the 72-year-old said.")
    assert _speaker_of(text, "The noise had") == "the 72-year-old"


def test_told_a_described_outlet_ends_an_inverted_attribution():
    text = "The suspect was arrested after the shooting, Sheriff Tom Reyes told Harbor television station KTLV."
    assert _reported_pairs(text) == [("Tom Reyes", "The suspect was arrested after the shooting")]


def test_a_title_description_names_the_one_holder_named_after_it():
    text = ("A man was arrested at dawn, according to the county sheriff.\n"
            "The suspect was arrested after the shooting, Dover County Sheriff Tom Reyes told KTLV.")
    assert _reported_pairs(text)[0] == ("Tom Reyes", "A man was arrested at dawn")
    # two sheriffs named after it: the text does not say which
    text += " Sheriff Ann Lee of the next county said the man was armed."
    assert _reported_pairs(text)[0] == ("the county sheriff", "A man was arrested at dawn")
    # a holder named before it is the backward link's to decide
    text = ("Sheriff Ann Lee spoke on Monday.\n\nA man was arrested at dawn, according to the county sheriff.\n"
            "The suspect was arrested, Sheriff Tom Reyes told KTLV.")
    assert _reported_pairs(text)[0][0] != "Tom Reyes"


def test_a_person_and_where_they_come_from_is_the_person():
    assert _reported_pairs("Sheriff Ann Lee of the next county said the man was armed.") == \
        [("Ann Lee", "the man was armed")]


def test_at_which_point_opens_a_clause_with_its_own_subject():
    text = ("She said, “We will reopen the pier” - at which point the fans chanted “Open it!” - “and we will "
            "keep our word.”")
    assert _speaker_of(text, "Open it") == "the fans"


def test_an_ing_verb_after_the_words_that_end_a_quotes_sentence_reports_nothing():
    # "highlighting the unease": what follows the -ing verb is its object, no speaker
    text = "“The port deal was sealed between Dover and” Harbor City, highlighting the regional unease."
    assert _speaker_of(text, "The port deal") == ""


def test_only_told_takes_a_described_outlet_as_its_object():
    # "says took him to Dover" is no "told <description> <Name>": "a trip that Lee says" is no source of the clause
    text = "Tom Reyes mocked Lee’s tale of a lost boat, a trip that Lee says took him to Dover."
    assert _reported_pairs(text) == [("Lee", "took him to Dover")]


# --------------------------------------------------------------------------- session 16 (OOD-J, after its one scoring)


def test_an_acronym_of_some_initials_in_a_row_of_a_name_cut_by_and():
    text = ("DOVER - The Harbor Office for Coastal Safety and Rescue (OCS) on Monday warned sailors. "
            "Storms will grow this winter, the OCS said.")
    rows = _reported_pairs(text)
    assert rows[-1][0] == "Harbor Office for Coastal Safety (OCS)"
    from framing.quotes.names import acronym_of
    assert acronym_of("OCS", "Harbor Office for Coastal Safety")
    assert not acronym_of("OC", "Harbor Office for Coastal Safety")   # (two letters in the middle: too weak)


def test_the_agency_names_the_organisation_that_spoke_just_before():
    text = ("Storms will grow this winter, the Harbor Coastal Office said.\n\n"
            "The agency expects little flooding, it said.")
    assert _reported_pairs(text)[-1][0] == "Harbor Coastal Office"
    # not when another organisation was named since, nor when its name holds another head ("the union")
    text2 = ("Storms will grow this winter, the Harbor Coastal Office said. The Dover Weather Bureau agreed.\n\n"
             "The agency expects little flooding, it said.")
    assert _reported_pairs(text2)[-1][0] != "Harbor Coastal Office"
    text3 = ("Jobs will go, Harbor University said.\n\nThe union said the cuts were unfair.")
    assert _reported_pairs(text3)[-1][0] != "Harbor University"


def test_an_organisation_noun_before_a_name_is_what_the_description_later_names():
    text = ("Bills will rise, which energy regulator Velgem said is down to prices.\n\nVelgem said that most homes "
            "will pay more.\n\nSome will pay less.\n\nThe regulator said costs went up by half.")
    assert _reported_pairs(text)[-1] == ("Velgem", "costs went up by half")


def test_a_subject_with_an_appositive_after_a_fronted_phrase_is_the_antecedent():
    text = ("Harbor Rail said riders had a rough week. With three bad Mondays in a row, Ann Lee, director for the "
            "region, appeared on the radio. She said: “It is my job to keep the trains moving.”")
    assert _speaker_of(text, "It is my job") == "Ann Lee"


def test_a_participle_after_a_thing_before_a_time_and_a_verb_reports_nothing():
    text = "Most storms recorded this winter were weak ones, the agency said."
    assert _reported_pairs(text) == [("the agency", "Most storms recorded this winter were weak ones")]
    # people do report
    assert _reported_pairs("Officials said this year has been the worst.") == \
        [("Officials", "this year has been the worst")]


def test_a_tail_attribution_before_a_coordinated_speech_verb():
    text = "Most storms this winter were weak ones, the agency said, and asked sailors to check."
    assert _reported_pairs(text) == [("the agency", "Most storms this winter were weak ones"),
                                     ("the agency", "sailors to check")]


def test_a_subordinate_clause_inside_a_fronted_phrase_does_not_give_the_subject():
    text = "In June, after Ann Lee injured a knee, Tom Reyes emailed her, telling her, “You will be back on the pitch.”"
    assert _speaker_of(text, "You will be back") == "Tom Reyes"


def test_a_capitalised_pronoun_after_an_exclamation_opens_a_new_sentence():
    text = ("Mr. Tom Reyes wrote to Ann Lee, telling her, “You are the best player we have!” She answered that it "
            "was an honour to serve.")
    assert _speaker_of(text, "You are the best") == "Tom Reyes"
    assert _reported_pairs(text) == [("Ann Lee", "it was an honour to serve")]
    # a reporting clause in lower case still closes the quotation's sentence
    assert _speaker_of("Tom Reyes came in. “Why?” she asked Ann Lee.", "Why?") != "Tom Reyes"


def test_affirm_is_a_verb_of_speech():
    assert _speaker_of("The Harbor Charter affirms: “No ship shall leave without a pilot.”", "No ship") == \
        "Harbor Charter"
    assert _reported_pairs("Ann Lee affirmed that the port would stay open.") == \
        [("Ann Lee", "the port would stay open")]


def test_an_aside_that_opens_with_when_after_a_name_opens_no_clause():
    text = "Ann Lee, when pressed by a heckler from Tom Reyes, said she would not guess which ferries may return."
    assert _reported_pairs(text) == [("Ann Lee", "she would not guess which ferries may return")]


def test_an_ing_verb_that_opens_a_quotation_reports_it_when_the_verb_before_is_barred():
    text = "Ann Lee said she would not say which ferries may return, adding: “He is shouting at me from his seat.”"
    assert _speaker_of(text, "He is shouting") == "Ann Lee"


# --- session 17: epithets for the person just quoted ("the Harbor Republican"), person nouns

def test_an_epithet_the_text_does_not_spell_out_names_the_person_just_quoted():
    text = ("Republican Sen. Ann Lee says the talk skips over the facts.\n\n"
            "The Harbor Republican survived five years in prison and says such methods are cruel.")
    assert _reported_pairs(text) == [("Ann Lee", "the talk skips over the facts"),
                                     ("Ann Lee", "such methods are cruel")]
    text = ("Tom Reyes said Saturday that the plan was not out of step with voters.\n\n"
            "The Keel governor said the state needs a guest-worker program.")
    assert _reported_pairs(text)[1] == ("Tom Reyes", "the state needs a guest-worker program")


def test_an_epithet_does_not_pass_over_another_person_named_since_the_quote():
    text = ("Tom Reyes has argued that the board runs a rigged process. Ivo Park has pushed back on those charges "
            "amid Reyes’s accusations.\n\nThe chairman said Sunday that he opposes any change this week.")
    assert _reported_pairs(text)[-1] == ("The chairman", "he opposes any change this week")


def test_an_epithet_that_contradicts_the_person_names_no_one():
    # the other gender
    text = "Mr. Tom Reyes said the plan would fail.\n\nThe woman said the port must stay open."
    assert _reported_pairs(text)[1] == ("The woman", "the port must stay open")
    # another title than the one the text gives the person
    text = "Ann Lee, the defence lawyer, said the ruling was wrong.\n\nThe judge said the trial would go on."
    assert _reported_pairs(text)[1] == ("The judge", "the trial would go on")
    # another side than the one the text names ("Kiel coach")
    text = "Kiel coach Tom Berg said the team was tired.\n\nThe Bayern coach said his side had been lucky."
    assert _reported_pairs(text)[1] == ("The Bayern coach", "his side had been lucky")
    # a thing, not a person
    text = "Ann Lee said the plan would fail.\n\nThe email said the port must stay open."
    assert _reported_pairs(text)[1][0] != "Ann Lee"


def test_a_person_noun_before_a_name_is_no_part_of_it():
    text = ("Actor Tom Reyes admits his choice is not the most handsome man in the field. Reyes, the younger brother "
            "of the director Ivo Reyes, said he admired the senator.\n\n“She has courage,” Reyes said.")
    assert {r["speaker"] for r in extract_quotes(text)} == {"Tom Reyes"}


def test_a_fronted_ing_phrase_is_no_subject():
    text = ("Facing mounting criticism from both parties, Mr. Tom Reyes released a statement on Saturday, calling the "
            "captain a hero but insisting that Mr. Berg had no right to criticize him.")
    assert _reported_pairs(text)[-1] == ("Tom Reyes", "Mr. Berg had no right to criticize him")


def test_a_tag_inside_its_sentence_after_a_subject_gives_the_speaker():
    text = ("The trouble with the plan, says Ivo Park, a historian at the Harbor Library, is that it was "
            "“one of the costliest ever made.”")
    assert [r["speaker"] for r in extract_quotes(text)] == ["Ivo Park"]
    text = "Whatever the cost, “the ferry will sail,” says Ann Lee, a historian of the port."
    assert [r["speaker"] for r in extract_quotes(text)] == ["Ann Lee"]


def test_an_adverb_after_but_keeps_the_subject_of_the_clause():
    text = "Harbor mayor Tom Reyes used to back fellow councillor Ivo Park, but now said the port needed a new plan."
    assert _reported_pairs(text) == [("Tom Reyes", "the port needed a new plan")]


def test_a_description_after_a_question_names_none_of_those_who_asked_it():
    text = ("“I think that's right,” Tom Reyes remarked. “That would be you?” Ivo Park asked. “That would be me,” the "
            "senator said. Speaking later on the same show, Sen. Ann Lee, who backs Park, said Reyes had moved left.")
    assert _speaker_of(text, "That would be me") not in ("Ivo Park", "Ann Lee")
    # without the question the epithet names the person who spoke last
    text = "“I think that's right,” Tom Reyes remarked. “That would be me,” the senator said."
    assert _speaker_of(text, "That would be me") == "Tom Reyes"


def test_a_speech_verb_form_before_a_plural_verb_is_a_noun():
    text = ("Reyes said Thursday during a town hall in Harbor that states can pass such laws because “men should not "
            "be going there.”")
    assert [(r["speaker"], r["cue"]) for r in extract_quotes(text)] == [("Reyes", "said")]
    assert _reported_pairs("Lee said the claims are false.") == [("Lee", "the claims are false")]
    # a relative clause with its subject before the verb keeps the verb
    assert _reported_pairs("He backs a cap, which he believes will lower costs.") != []


def test_a_quotation_later_in_the_paragraph_about_the_speaker_continues_the_speaker():
    text = ("“It hurts,” says Ann Lee, 32, of Keel, who works in retail. Lee supports the mayor in the race. "
            "“I'm a college graduate, but I have loans.”")
    assert _speaker_of(text, "I'm a college graduate") == "Ann Lee"
    # not when the sentences between name someone else
    text = ("“It hurts,” says Ann Lee, 32, of Keel, who works in retail. Ivo Park supports the mayor in the race. "
            "“I'm a college graduate, but I have loans.”")
    assert _speaker_of(text, "I'm a college graduate") == ""
    # nor when they are the writer's own, about something else
    text = ("“It hurts,” says Ann Lee, 32, of Keel. The port has lost money for years. "
            "“I'm a college graduate, but I have loans.”")
    assert _speaker_of(text, "I'm a college graduate") == ""


def test_a_capitalised_preposition_alone_is_no_name():
    text = ("Tesfa is part of a generation who grew up amid violence. Over lunch, he recalled what it was like to "
            "be a student.")
    assert _reported_pairs(text) == [("Tesfa", "what it was like to be a student")]


def test_a_place_named_like_a_person_is_no_he_or_she():
    # "Costa Rica" has the shape of a personal name; "she" still means the woman quoted before it
    text = ("The fund is “unlike any other,” Ms. Alvarez said. Officials met on Monday. But even today, Costa Rica "
            "runs everything through one bank. Its job is “really a mess,” she said.")
    assert _speaker_of(text, "“really a mess") == "Alvarez"
    # a person with a name of that shape is still a person
    text = ("The fund is “unlike any other,” Ms. Alvarez said. Officials met on Monday. But even today, Costa Ruiz "
            "runs everything through one bank. Its job is “really a mess,” she said.")
    assert _speaker_of(text, "“really a mess") == "Costa Ruiz"


def test_who_takes_the_noun_right_before_it_not_a_name_further_back():
    text = ("In Harbor City, Ann Lee endured a lecture from the port director, who said that the fees were fair.")
    assert _reported_pairs(text) != [("Harbor City", "the fees were fair")]
    assert _reported_pairs(text)[0][0] in ("the port director", "")
    # appositives are still passed over: "Ann Lee, 24, from Salem, who said"
    assert _reported_pairs("Ann Lee, 24, from Salem, who said the fees were fair, left.")[0][0] == "Ann Lee"


def test_an_aside_after_the_subject_may_hold_a_clause_of_its_own():
    text = "Ivo Park, when asked specifically what about the plan is wrong, responded that the fees were too high."
    assert _reported_pairs(text) == [("Ivo Park", "the fees were too high")]


def test_went_so_far_as_to_say_and_had_this_to_say_report_the_subject():
    for lead in ("went so far as to say:", "had this to say:"):
        text = f"Critics piled on. Tom Reyes {lead} “The app as we know it is over.” Others disagreed."
        assert _speaker_of(text, "The app") == "Tom Reyes"
    # "wanted to say" reports nothing
    assert _speaker_of("Tom Reyes wanted to say: “The app as we know it is over.”", "The app") == ""


def test_an_article_and_a_place_before_a_role_and_a_name_make_the_name_the_subject():
    text = "The Keel technology columnist Tom Reyes rose to say: “The app as we know it is over.”"
    assert _speaker_of(text, "The app") == "Tom Reyes"


def test_put_out_a_statement_saying_reports_the_subject():
    text = "His office put out a statement saying the city does not have the capacity to vet every vendor."
    assert _reported_pairs(text) == [("His office", "the city does not have the capacity to vet every vendor")]


def test_a_peoples_adjective_or_a_party_noun_is_no_he():
    text = ("Recently, Tom Reyes, the pizza maven and former Republican candidate who hosts an area radio show, was "
            "asked by a caller why young Syrian men are coming to Keel as refugees. “So they can be planted among us,” "
            "he said.")
    assert _speaker_of(text, "So they can") == "Tom Reyes"
    text = ("Ann Lee plays down concerns. Keel may outnumber the Kazakh population by 80 to 1, but its growth is good "
            "news, she says. “Our philosophy is simple,” she said.")
    assert _speaker_of(text, "Our philosophy") == "Ann Lee"


def test_an_outlets_possessive_before_a_name_is_no_part_of_the_speaker():
    assert _reported_pairs("The Harbor Post's Ruth Marcus said the plan had failed.") == [
        ("Ruth Marcus", "the plan had failed")]
    assert _reported_pairs("Keel Radio's Tom Reyes wrote that the plan had failed.") == [
        ("Tom Reyes", "the plan had failed")]
    # a possessive at the end stays the name ("McKay's said")
    assert _reported_pairs("McKay's said the plan had failed.")[0][0] == "McKay"


def test_a_day_after_an_issued_text_and_a_party_tag_before_a_colon():
    text = "The town released a statement Wednesday saying Reyes’s comments “are based on opinion, not facts.”"
    assert _speaker_of(text, "are based") == "The town"
    text = "The panel met. Rep. Ann Lee (R-S.C.): “I have not heard anyone else cite that figure.”"
    assert _speaker_of(text, "I have not") == "Ann Lee"


def test_as_x_put_it_gives_the_speaker_of_the_quotation():
    text = "As Ann Lee, a professor of law at Keel, put it, “Senators should remember that a deal may be better.”"
    assert _speaker_of(text, "Senators should") == "Ann Lee"
    assert _speaker_of("As Ann Lee puts it, “Senators are unmoved.”", "Senators are") == "Ann Lee"


def test_the_group_names_the_organisation_that_spoke_just_before():
    text = ("The Keel Street Business Association said in a statement that it would consider legal action. The group "
            "argued the loss of parking would hurt sales.")
    assert _reported_pairs(text)[1] == ("Keel Street Business Association", "the loss of parking would hurt sales")
    # "the union" still names no university
    text = "Keel University said the talks had failed. The union argued the offer was too low."
    assert _reported_pairs(text)[1][0] != "Keel University"


def test_british_titles_without_a_period_are_no_part_of_the_name():
    assert _speaker_of("Det Insp Mark Howell said: “We are keeping an open mind.”", "We are") == "Mark Howell"
    assert _reported_pairs("Cllr Jane Roe said the road would stay closed.") == [
        ("Jane Roe", "the road would stay closed")]


def test_as_x_put_it_after_a_quotation_gives_its_speaker():
    text = "The council voted. “The plan is a disaster,” as Ann Lee put it."
    assert _speaker_of(text, "The plan") == "Ann Lee"
    text = "Ann Lee spoke first. “The plan is a disaster,” as she noted."
    assert _speaker_of(text, "The plan") == "Ann Lee"
    # "as" opening a clause of its own with a report of its own is no tag of the quotation
    assert _speaker_of("“The plan is a disaster,” as Lee said the vote would fail.", "The plan") == ""


def test_a_state_next_to_an_appositive_is_no_person_a_pronoun_means():
    text = ("On Tuesday night, in Jupiter, Fla., the campaign manager, Tom Reyes, was charged. "
            "She said the charge was fair.")
    assert _reported_pairs(text) == [("", "the charge was fair")]
    text = ("On Tuesday night, in Portland, Oregon, the campaign manager, Tom Reyes, was charged. "
            "She said the charge was fair.")
    assert _reported_pairs(text) == [("", "the charge was fair")]


def test_the_comma_of_a_number_closes_no_aside():
    text = "Ann Lee, who said falsely that the city wanted to admit 250,000 tourists, said she would close the port."
    assert _reported_pairs(text)[-1] == ("Ann Lee", "she would close the port")


def test_a_sentence_end_after_an_acronym_is_no_part_of_the_name():
    text = ("He was joined on the call by Ann Hogue, president of the rights group NARAL. "
            "She said the bill “has failed to do anything.”")
    assert _speaker_of(text, "has failed") == "Ann Hogue"


def test_a_college_and_a_tv_are_no_antecedents_of_she():
    text = ("Tess Johnston graduated from Keene State College owing $90,000. She brought that down in five years, but "
            "said she could not fulfil her dream.")
    assert _reported_pairs(text)[0][0] == "Tess Johnston"
    # an upper-case common noun (list acronym_common_noun) is no name and no speaker a pronoun may mean
    dm = _DocModel("Ann Lee shouted at the TV. She said the show was over.")
    assert [m[2] for m in dm.entities.mentions] == ["Ann Lee"]
    assert not compatible(dm, "TV", "named", "f") and compatible(dm, "Ann Lee", "named", "f")


def test_police_is_the_head_of_an_organisation_name():
    text = ("Tom Reyes was charged by the Jupiter Police Department on Tuesday. Reyes denied it. "
            "Later, police said the charge stood.")
    assert _reported_pairs(text)[0][0] == "Jupiter Police Department"


def test_the_company_is_the_one_word_body_that_spoke_just_before():
    text = ("The Harbor Times reported the plan on Monday. Keelio acknowledged that the issue remained tricky. "
            "“We have always sought to strike a balance,” the company said.")
    assert _speaker_of(text, "We have always") == "Keelio"
    text = "Keelio said on Monday that sales fell. The company said prices would rise."
    assert _reported_pairs(text)[1] == ("Keelio", "prices would rise")
    # a person's one-word name with a gender the text gives is no company
    text = "Ms. Reyes said on Monday that sales fell. The company said prices would rise."
    assert _reported_pairs(text)[1][0] != "Reyes"


def test_verbs_of_manner_tag_a_quotation_and_decried_reports_its_object():
    assert _speaker_of("“This is fantastic!” beamed Donald Hartley of Madison, Alabama.", "This is") == "Donald Hartley"
    text = "In his speech, Ann Lee decried the “spin masters and negative-ad peddlers” of the campaign."
    assert _speaker_of(text, "spin masters") == "Ann Lee"
    # a clause before ", he laughed" reports nothing
    text = "But when the question was posed to Tom Reyes, director of the Keel Center, he laughed."
    assert _rows(text) == []


def test_a_peoples_adjective_ends_no_subject_of_a_participle():
    text = ("At the same time, however, Lee has worked hard to calm Russian fears, reassuring his counterpart Tom "
            "Reyes that Keel has no plans to counter him.")
    assert _reported_pairs(text)[0][0] == "Lee"


def test_while_opens_a_clause_whose_described_subject_speaks():
    text = ("The best-known member, Ann Lee, argues that power is rigged, while her main rival, Tom Reyes, has soared "
            "in the polls by saying that the system is rigged.")
    assert _reported_pairs(text) == [("Ann Lee", "power is rigged"), ("Tom Reyes", "the system is rigged")]


def test_a_text_that_spoke_is_no_he_or_she():
    text = "Ann Tate was at the rally. The Keel Harbor Accord notes that ships must wait. She says the rule is fair."
    assert _reported_pairs(text) == [("Keel Harbor Accord", "ships must wait"), ("Ann Tate", "the rule is fair")]
    dm = _DocModel(text)
    assert not compatible(dm, "Keel Harbor Accord", "named", "f") and compatible(dm, "Ann Tate", "named", "f")


def test_she_prefers_a_woman_opening_her_clause_to_a_speaker_of_unknown_gender():
    text = "Reyes said the port would close. Ann Lee's fate is unclear, but she said she would stay."
    assert _reported_pairs(text)[1] == ("Ann Lee", "she would stay")
    text = "Reyes said the port would close. After the vote, Ann Lee outlined how she thinks the port could stay open."
    assert _reported_pairs(text)[1] == ("Ann Lee", "the port could stay open")
    # a woman named inside the clause's object is not its subject
    text = "Reyes said the port would close. The scrutiny over Ann Lee is unfair, she said."
    assert _reported_pairs(text)[1][0] == "Reyes"


def test_a_vague_sources_role_comes_from_its_head_first():
    rows = [r for r in extract_quotes("Opposition members of the Keel government demanded that the deal be published.")
            if r["kind"] == "reported"]
    assert rows[0]["speaker_role"] == "opposition"


def test_two_curly_single_marks_are_a_double_mark():
    text = ("‘‘The harbour board is asleep,’’ Ann Lee told reporters.\n\n"
            "‘‘The ferries will not wait.\n\n‘‘The crews will,’’ she said.\n\n"
            "The students’ ‘pay’ is low, Tom Reyes said.")
    rows = _rows(text)
    assert ("direct", "Ann Lee", "‘‘The harbour board is asleep,’’") in rows
    spans = quote_spans(text)
    continued = [text[a:b] for a, b, f in spans if "continued" in f]
    assert continued == ["‘‘The ferries will not wait.\n\n‘‘The crews will,’’"]
    # a possessive apostrophe followed by a single quote is no double mark
    assert not any(text[a:b].startswith("’’") for a, b, _ in spans)


def test_a_person_with_another_title_named_nearer_does_not_block_the_title_holder():
    text = ("Premier Ann Lee spoke at the pier on Monday.\n\n"
            "“The dockers are well paid,” she told reporters.\n\n"
            "Lee said the strike was called by Harbor Voice secretary Tom Reyes.\n\n"
            "“He is against me,” the premier said.")
    assert _rows(text)[-1] == ("direct", "Ann Lee", "“He is against me,”")
    # a nearer person with no title the text gives still blocks it ("“…,” Obama said. … the president")
    text = ("Premier Ann Lee spoke at the pier on Monday.\n\n"
            "The strike was called by Tom Reyes, who spoke at the gate.\n\n"
            "“He is against me,” the premier said.")
    assert _rows(text)[-1][1] != "Ann Lee"


def test_a_name_before_a_title_and_a_person_is_no_person():
    text = "Ann Lee spoke first. The march was led by Harbor Voice secretary Tom Reyes."
    dm = _DocModel(text)
    ent = dm.entities.by_name["Harbor Voice"]
    assert ent.before_title and not compatible(dm, "Harbor Voice", "named", "m")


def test_a_curly_single_quote_continues_into_the_next_paragraph():
    text = ("Ann Lee spoke first.\n\nShe said: ‘The ferries ran late all winter.\n\n"
            "‘Nobody at the board answered our letters.’\n\nTom Reyes said the firm’s ‘new plan’ was fine.")
    spans = [(text[a:b], f) for a, b, f in quote_spans(text)]
    assert spans[0] == ("‘The ferries ran late all winter.\n\n‘Nobody at the board answered our letters.’",
                        ("single", "continued"))
    assert ("‘new plan’", ("single",)) in spans
    # a single mark that opens no speech (no colon, comma or paragraph start before it) continues nothing
    text = "Ann Lee called it the ‘new plan for the port.\n\n‘Another plan’ was due in May, she said."
    assert not any("continued" in f for _, _, f in quote_spans(text))


def test_a_reported_clause_may_hold_single_quotes():
    text = "Mayor Ann Lee spoke. The delay was ‘plain neglect’ and not a ‘shortage of boats’, the inspector said."
    rows = _rows(text)
    assert len(rows) == 1 and rows[0][:2] == ("reported", "the inspector")
    assert rows[0][2].startswith("The delay was ‘plain neglect’") and rows[0][2].endswith("boats’")


def test_a_dateline_with_a_colon_names_no_speaker():
    text = "Portmore, July 3: Harbor skipper Tom Reyes praised his crew after the race, saying the boat sailed well."
    dm = _DocModel(text)
    assert dm.entities.datelines == [(0, len("Portmore, July 3: "))]
    assert _rows(text)[0][:2] == ("reported", "Tom Reyes")


def test_a_name_of_several_words_before_a_role_and_a_person_modifies_the_role():
    text = "West Keel stand-in skipper Tom Reyes praised his crew, saying the boat sailed well."
    assert _rows(text)[0][:2] == ("reported", "Tom Reyes")
    # a person's name is no modifier: "Ann Lee told Tom Reyes …" keeps its subject
    text = "Ann Lee is here. Ann Lee crewmates Tom Reyes and Bo Berg admired the boat, saying it was fine."
    assert _rows(text)[0][:2] == ("reported", "Ann Lee")


def test_a_statement_announced_at_the_end_of_the_paragraph_before_is_its_subjects():
    text = ("Ann Lee spoke. As the Ledger reported, the harbour board also made the following statements:\n\n"
            "“We will not wait.”\n\n“We will go.”")
    rows = _rows(text)
    assert ("direct", "the harbour board", "“We will not wait.”") in rows
    assert ("direct", "the harbour board", "“We will go.”") in rows
    # a colon after no statement announces nobody's
    assert _rows("Ann Lee spoke. The list was long:\n\n“We will not wait.”")[0][:2] == ("unattributed", "")


def test_a_verb_of_manner_apart_from_the_quotation_reports_nothing():
    text = "Before the storm, the lighthouse beamed back what the agency dubbed a “last light for sailors” – a photo."
    assert _rows(text) == [("partial", "the agency", "“last light for sailors”")]
    text = "Ann Lee beamed back a picture of the crew and a “thank you” of her own."
    assert _rows(text)[0][:2] == ("scare", "")
    # next to its quotation it still tags it
    assert _rows("Ann Lee was there. “No,” she laughed.") == [("direct", "Ann Lee", "“No,”")]


def test_a_clause_with_said_is_no_vague_speaker():
    text = ("Ann Lee said in response to media requests for details of the Keel Harbor visit that the board was “not "
            "ready to give the dates”.")
    rows = _rows(text)
    assert rows == [("partial", "Ann Lee", "“not ready to give the dates”")]
    # "requests" before "that" is still a verb
    assert _rows("The union requests that the board resign.") == [("reported", "The union", "the board resign")]
    # a subject that holds "said" is a clause, never a vague speaker
    from framing.quotes.speakers import _Speakers, resolve_np
    dm = _DocModel("Ann Lee said in response to media that it was fine.")
    assert resolve_np(dm, "the mayor said in response to media", 30, _Speakers(dm)) == ("", "none")
    assert resolve_np(dm, "the mayor in his response", 30, _Speakers(dm)) == ("the mayor in his response", "vague")


def test_a_title_after_a_country_and_before_of_state_leaves_the_name():
    text = "Ann Lee spoke. The ministry declined to confirm plans by U.S. Secretary of State Tom Berg to visit."
    ents = _DocModel(text).entities.by_name
    assert ents["Tom Berg"].kind == "person" and "secr" in ents["Tom Berg"].descr


def test_a_time_before_after_opens_no_subject():
    text = "Two days after dockers vowed they would stop work in May, the ferries sailed."
    assert _rows(text) == [("reported", "dockers", "they would stop work in May")]


def test_a_place_run_together_with_a_name_is_that_name():
    text = "Ann Lee spoke. In Puerto Rico Lee said the race was close."
    assert _rows(text) == [("reported", "Ann Lee", "the race was close")]
    # an organisation's name that opens with a place stays whole
    text = "The New York Times said the race was close. Ann Times spoke."
    assert _rows(text)[0][1] == "New York Times"
    # ... and so does a description that opens with a place ("New Hampshire Democrat" is no "South Carolina Democrat")
    text = "One South Carolina Democrat spoke. “It is over,” said one New Hampshire Democrat."
    assert _rows(text)[0][1] == "New Hampshire Democrat"


def test_a_role_noun_in_man_yields_to_a_listed_first_name():
    text = "Campaign spokesman Ann Hicks said the rally was full. She said the plan was fine."
    assert _reported_pairs(text)[1] == ("Ann Hicks", "the plan was fine")
    ents = _DocModel("Campaign spokesman Tom Hicks said the rally was full.").entities.by_name
    assert ents["Tom Hicks"].gender == "m"


def test_a_straight_single_quote_continues_into_the_next_paragraph():
    text = "Ann Lee spoke first.\n\nShe said: 'The cases were not investigated.\n\n'It was laziness.'\n\nTom left."
    spans = [(text[a:b], f) for a, b, f in quote_spans(text)]
    assert spans == [("'The cases were not investigated.\n\n'It was laziness.'", ("single", "continued"))]
    assert _rows(text)[0][:2] == ("direct", "Ann Lee")
    # an elision that opens the next paragraph continues nothing
    text = "Ann Lee said: 'The cases were not investigated.\n\n'Tis the season, she said."
    assert not any("continued" in f for _, _, f in quote_spans(text))


def test_a_description_of_a_text_names_its_issuer():
    text = ("Harbor Ferries plans to close its pier. Harbor Ferries said in a news release Monday that crews keep "
            "their jobs.\n\nThe company has offered bonuses to crews who stay, the release said.")
    rows = [r for r in extract_quotes(text) if r["kind"] == "reported"]
    assert [(r["speaker"], r["speaker_type"]) for r in rows] == [("Harbor Ferries", "named"),
                                                               ("Harbor Ferries", "descriptor")]
    text = "A statement from the Keel Port Authority came on Monday. The closure is final, the statement said."
    assert _reported_pairs(text) == [("Keel Port Authority", "The closure is final")]
    # two issuers of a statement: the description stays as written
    text = ("Acme said in a statement that the plant would close. Bolt Corp released a statement too. The closure is "
            "final, the statement said.")
    assert _reported_pairs(text)[-1] == ("the statement", "The closure is final")


def test_a_description_with_himself_and_one_that_introduced_the_name_still_link():
    text = ("The reclusive street artist Tom Marsh has said he never lent the works.\n\n"
            "The Marsh show opened in June.\n\n"
            "But the artist himself said he learned of it from a friend.\n\n"
            "“Who hung these?” the artist asked.")
    rows = extract_quotes(text)
    assert [(r["speaker"], r["speaker_type"]) for r in rows[1:]] == [("Tom Marsh", "descriptor"),
                                                                    ("Tom Marsh", "descriptor")]
    # a description used before the name, not as its introduction, may be someone else: no link
    text = ("The artist spoke first.\n\nTom Marsh has said he never lent the works.\n\n"
            "“Who hung these?” the artist asked.")
    assert extract_quotes(text)[-1]["speaker"] != "Tom Marsh"


def test_a_personal_name_ending_in_a_plural_organisation_word_is_a_persons():
    ents = _DocModel("Tom Banks said it. Harbor Logistics Services said it too.").entities.by_name
    assert ents["Tom Banks"].kind == "person" and ents["Harbor Logistics Services"].kind == "org"


def test_a_place_and_an_honorific_run_together_open_the_name_and_an_aside_is_no_subject():
    text = "In rural Ohio Mr Berg, who keeps cattle in the Keel Valley, said it came too late."
    assert _rows(text) == [("reported", "Berg", "it came too late")]
    assert _DocModel(text).entities.by_name["Berg"].gender == "m"


def test_cllr_is_a_councillor_the_text_may_call_so():
    from framing.quotes.names import stem
    assert stem("Cllr") == stem("councillor") and stem("Insp") == stem("inspector")
    text = ("Harbor councillor Ann Lee said the plan was fine. “It is late,” Tom Reyes said.\n\n"
            "The Harbor councillor said it would pass.")
    assert _reported_pairs(text)[-1] == ("Ann Lee", "it would pass")


def test_a_clause_after_an_inverted_said_is_no_speaker():
    # "Name, aside, said <clause>": the clause is what was said, never the subject of an inverted "said"
    text = "Maria Sell, who grows barley near the river, said the rain came too late."
    assert _rows(text) == [("reported", "Maria Sell", "the rain came too late")]
    # a quotation in the aside is no quote of the clause's
    text = "Maria Sell, whose farm sits on the “low field” by the river, said the rain came too late for her barley."
    assert [(r["kind"], r["speaker"]) for r in extract_quotes(text)] == [("scare", ""), ("reported", "Maria Sell")]
    # a relative clause on the subject of an inverted "said" keeps it a subject
    text = "The barley harvest is lost, said a grower who was at the meeting."
    assert _rows(text) == [("reported", "a grower", "The barley harvest is lost")]


def test_a_later_description_links_to_the_person_an_earlier_source_description_was_named_as():
    body = ("\n\nBut Cllr Tom Reyes, the council's transport lead, said the plan was fine.\n\n"
            "Mr Reyes continued: “We will not wait.”\n\nThe councillor said he was keen to help.")
    # the lead's source is named two paragraphs on: the later "the councillor" is the same person
    for lead in ("Harbor figures cannot be trusted, according to the councillor for safety.",
                 "Harbor figures cannot be trusted, according to the councillor responsible for safety.",
                 "The councillor said the figures were wrong."):
        assert [q["speaker"] for q in extract_quotes(lead + body)] == ["Tom Reyes"] * 4, lead
    # a description that was no source may be someone the text never names
    assert extract_quotes("The councillor listened." + body)[-1]["speaker"] == "The councillor"


def test_a_negated_auxiliary_is_no_name():
    # before: "he" resolved to "Don't", the headline's first word
    text = ("Don't blame the tide: Ruiz\n\nDespite the flood, he claims the harbour is safe.\n\n"
            "Port chief Ana Ruiz said on Monday that the walls held.")
    assert "Don't" not in _DocModel(text).entities.by_name
    # (the headline's statement is Ruiz's: "<statement>: <speaker>", reported.headline_colon)
    assert [q["speaker"] for q in extract_quotes(text)] == ["Ana Ruiz", "", "Ana Ruiz"]


def test_an_outlet_name_may_open_with_digits():
    # before: no row (the object of "told" had to open with a capital)
    assert _rows("Dock worker Ana Ruiz told 9News yesterday a broken pump left the quay under water.") == \
        [("reported", "Ana Ruiz", "a broken pump left the quay under water")]


def test_a_name_then_its_description_with_no_comma_after_an_inverted_said():
    # before: no row (the subject ran to nine words)
    assert _rows("The ferry plan may stall, said Ivo Park the head ranger of the Keel Reserve.") == \
        [("reported", "Ivo Park", "The ferry plan may stall")]


def test_a_description_used_after_the_first_mention_does_not_block_a_later_link():
    # before: "the coach" stayed unlinked, since "the Harbor coach" came before the mention nearest to it, though
    # after the person's first mention
    text = ("Keel coach Tom Reyes, speaking after the draw at Dover, said the bruise was nothing.\n\n"
            "“He trained all week,” the Harbor coach said.\n\nLee Park will be assessed on Monday.\n\n"
            "Reyes said he was proud of how his team coped.\n\n“It was a big step for all of us,” the coach said.")
    assert [q["speaker"] for q in extract_quotes(text)] == ["Tom Reyes", "the Harbor coach", "Tom Reyes", "Tom Reyes"]


def test_an_acronym_in_a_headline_stands_for_the_name_with_its_initials_given_after_it():
    # before: "KIFF" stayed a speaker of its own (the full name came after it and is of no known kind)
    text = ("KIFF moves the gala\n\nThe Keel International Film Festival says the gala moves to the pier.\n\n"
            "“The tent was too small,” KIFF said.")
    rows = extract_quotes(text)
    assert rows[0]["speaker_id"] == rows[1]["speaker_id"] == "Keel International Film Festival"
    # three letters are too few to be read so far from their name
    text = text.replace("KIFF", "KIF").replace("Film ", "")
    assert extract_quotes(text)[-1]["speaker"] == "KIF"


def test_a_justice_is_the_judge():
    # before: "the Judge" stayed unlinked ("Justice" and "judge" share no stem)
    text = ("Justice Ann Lee threw out the motion, saying it came too late.\n\n"
            "“The deadline was in May,” the Judge said.")
    assert [q["speaker"] for q in extract_quotes(text)] == ["Ann Lee", "Ann Lee"]


def test_a_warder_is_the_warden():
    # before: "Warder" stayed in the name and "the warden" named nobody
    text = ("Chief Warder Tom Reyes said on Friday the heron nests were intact.\n\n"
            "The warden added that the gate would be locked at night.")
    assert [q["speaker"] for q in extract_quotes(text)] == ["Tom Reyes", "Tom Reyes"]


def test_a_bare_title_in_a_headline_names_the_one_holder_the_text_names_after_it():
    # before: "CEO" stayed a vague speaker (a description named later needed its article)
    text = ("Bakery rents “brutal”, says CEO\n\nThree bakeries closed this year.\n\n"
            "Rents are “simply brutal”, according to CEO Tom Reyes.")
    assert [q["speaker"] for q in extract_quotes(text)] == ["Tom Reyes", "Tom Reyes"]
    # in the body a bare noun is no description of someone named later
    text = text.replace("Bakery rents “brutal”, says CEO", "Rents")
    text = text.replace("Three bakeries closed this year.", "Bakers are “done”, says CEO.")
    assert extract_quotes(text)[0]["speaker"] == "CEO"


def test_the_statement_names_its_issuer_given_after_a_fronted_in_a_statement():
    # before: "the statement" stayed a vague speaker
    text = ("Ferry cuts\n\nIn a statement released last week, Harbor Ferries said its timetable would change.\n\n"
            "The night boat will stop at the islands, the statement said.")
    assert [q["speaker"] for q in extract_quotes(text)] == ["Harbor Ferries", "Harbor Ferries"]


def test_a_skipper_is_a_person_a_he_may_resolve_to():
    # before: "he" went past KB Oduya (no listed first name, "skipper" no person noun) to Tom Reyes
    text = ("“We lost the toss,” said Tom Reyes.\n\nMeanwhile, Keel stand-in skipper KB Oduya said that the rowers "
            "held on. “The gap was two lengths,” he said.")
    assert extract_quotes(text)[-1]["speaker"] == "KB Oduya"
    # a verb in the past and its object make a clause, no appositive of the name before it
    ents = _DocModel("In Salem, a court fined a skipper before the skipper had posted.").entities.by_name
    assert not ents["Salem"].descr


def test_an_address_and_a_lone_word_between_a_name_and_its_who_are_asides():
    # before: "Harbor Place" spoke
    text = "Near the front stood Ann Lee, retired, of Harbor Lane, who said that the ferry should stay."
    assert _rows(text) == [("reported", "Ann Lee", "the ferry should stay")]


def test_an_agency_credit_opening_a_paragraph_is_a_dateline():
    # before: "Harbor News" in the credit made "the company" ambiguous
    text = ("Buses late\n\n(Harbor News) - Commuters waited an hour after Keel Airlines moved its shuttle times. "
            "The company said the old times return on Monday.")
    assert _DocModel(text).entities.in_dateline(text.index("Harbor News"))
    assert [q["speaker"] for q in extract_quotes(text)] == ["Keel Airlines"]


def test_the_one_quoted_as_saying_speaks():
    # before: "a big" (then nobody) spoke: "saying" after "was quoted … as" took the sentence's first noun phrase
    text = ("Talk of a record catch spread last month when chief ranger Tom Reyes was quoted by the Ledger as "
            "saying the haul was “one for the plaque on the wall.”")
    assert [(q["kind"], q["speaker"]) for q in extract_quotes(text)] == [("reported", "Tom Reyes")]
    text = "Ann Lee arrived. The talk grew. She was quoted as saying the catch was large."
    assert _rows(text) == [("reported", "Ann Lee", "the catch was large")]
    # the active form: the object of "quoted" speaks
    text = "The Ledger quoted Tom Reyes, a dock steward, as saying that after the storm the crane kept turning."
    assert _rows(text) == [("reported", "Tom Reyes", "after the storm the crane kept turning")]


def test_revealing_that_after_an_issued_statement_reports():
    # before: no row ("reveal" had its past form only)
    text = "Harbor Promoters issued a statement on Sunday revealing that the last boat race was moved to June."
    assert _rows(text) == [("reported", "Harbor Promoters", "the last boat race was moved to June")]


def test_the_letter_from_a_name_set_off_by_commas_is_that_names():
    # before: "The letter" stayed a vague speaker (its issuer had to follow it with no comma)
    text = "The library shut.\n\nThe letter, from Tom Reyes, branch clerk, said: “The roof leaks in every storm.”"
    assert extract_quotes(text)[-1]["speaker"] == "Tom Reyes"


def test_and_added_before_a_quotation_ends_the_reported_clause():
    # before: the clause ran into the quotation and was dropped
    text = 'Tom Reyes said the plan could fail and added, "Patience is key."'
    assert _rows(text) == [("reported", "Tom Reyes", "the plan could fail"),
                           ("direct", "Tom Reyes", '"Patience is key."')]


def test_an_organisations_acronym_opens_the_clause_a_participle_hangs_on():
    # before: an all-capital name was skipped as a dateline's place
    for text in ("NASA downplayed it and said that the work goes on.",
                 "NASA downplayed it, saying that the work goes on."):
        assert _rows(text) == [("reported", "NASA", "the work goes on")], text
    assert _rows("PARIS (Wire) - Ann Lee downplayed it, saying that the work goes on.") == \
        [("reported", "Ann Lee", "the work goes on")]
    # an acronym before a noun or a coordinator is no subject
    text = ("At the fair, while his rivals asked for a larger grant to the Keel Rowing League, also known as KRL or "
            "KLR, Tom Reyes kept to the budget, noting that the two clubs are rivals.")
    assert _rows(text) == [("reported", "Tom Reyes", "the two clubs are rivals")]
    assert all(r[1] != "KRL" for r in _rows("KRL officials were upset and predicted it would slow the season."))


def test_a_comma_and_a_long_adverb_before_saying_make_it_a_participle():
    # before: no row (the comma was looked for twelve characters back only)
    text = ("Ann Lee spoke of budgets at first but grew sharper toward Tom Reyes, eventually saying he would sink the "
            "rowing club.")
    assert _rows(text) == [("reported", "Ann Lee", "he would sink the rowing club")]


def test_a_name_right_before_saying_speaks():
    # before: no row (an -ing verb with no comma before it was no participle)
    text = "The film closes on a shot of Tom Reyes saying he will row again next year."
    assert _rows(text) == [("reported", "Tom Reyes", "he will row again next year")]
    # "with <noun phrase> saying": the whole noun phrase, not the name that ends it
    text = "The survey may sway the board, with 31 percent of Keel Rowers saying they will back Ann Lee."
    assert [r[1] for r in _rows(text)] == ["31 percent of Keel Rowers"]
    # a demand is no report of the name before it
    assert all(r[1] != "Tom Reyes" for r in _rows("Ann Lee said that ads by Tom Reyes calling for a ban were "
                                                  "a mistake."))
    # a report inside the sentence's own passes no speaker to the quotation after it
    text = ("''She loved the boats,'' said her cousin, Tom Berg, who recalled Ann Reyes insisting that her "
            "uncle had built the pier. (He had not.)\n\n''Ann always wanted a story for the pier.''")
    assert [(q["kind"], q["speaker"]) for q in extract_quotes(text)][1:] == [("reported", "Ann Reyes"),
                                                                             ("unattributed", "")]
    # a second speaker with a participle of speech ends the first one's clause
    text = ("The two clubs shook hands – Ann Lee saying she was “quite relieved” and Tom Reyes calling it a “fair "
            "split.”")
    assert [(q["kind"], q["speaker"]) for q in extract_quotes(text)] == [("partial", "Ann Lee"),
                                                                         ("partial", "Tom Reyes")]


def test_a_first_name_alone_is_the_one_person_it_opens_and_a_question_topic_blocks_no_link():
    text = ("Harbor FC coach Tomas Reyes said the cup tie was close all night.\n\n"
            "Speaking to the club radio, Tomas mentioned, “The rain in the second half changed it.”\n\n"
            "“After the penalty we moved to three at the back.”\n\n"
            "When asked if starting Lee Gama was a gamble, the coach said, “He earned it in training.”")
    # before: "Tomas" was a speaker of its own, and "the coach" stayed unlinked past Lee Gama
    assert _DocModel(text).entities.canonical("Tomas") == "Tomas Reyes"
    assert [q["speaker_id"] for q in extract_quotes(text)] == ["Tomas Reyes"] * 4
    # two persons with that first name: it stays as written
    text2 = "Tomas Reyes and Tomas Berg met. Tomas said the plan was fine."
    assert _DocModel(text2).entities.canonical("Tomas") == "Tomas"
    # a name the text says nothing more of than its first name's gender is no person's full name
    # nor is a title-case line that opens with the name
    text3 = "Mr. Reyes Is Not a Socialist\n\nMr. Reyes is not happy, he said. Reyes accused the paper."
    assert _DocModel(text3).entities.canonical("Reyes") == "Reyes"


def test_an_age_before_a_person_noun_and_a_company_suffix():
    # before: "the 41-year-old singer-songwriter" stayed unlinked (the age had to be the head), and "Keel Concerts Sdn
    # Bhd" (no organisation word) was a person nearer than the singer
    text = ("Folk singer Ann Bade is not upset that her harbour show moved indoors.\n\n"
            "At a briefing by show organiser Keel Concerts Sdn Bhd, the 52-year-old fiddler-composer said "
            "she would play the same songs.")
    assert _DocModel(text).entities.by_name["Keel Concerts Sdn Bhd"].kind == "org"
    assert [q["speaker"] for q in extract_quotes(text)] == ["Ann Bade"]


def test_a_nearer_person_with_another_role_noun_does_not_block_a_title_link():
    # before: "Bo Park" (a leader, named nearer) blocked "the Premier"
    text = ("Keel Premier Tom Reyes says the new rowing federation leader Bo Park must learn the rules first.\n\n"
            "“He will find his feet,” the Premier said on the quay.")
    assert extract_quotes(text)[-1]["speaker"] == "Tom Reyes"
    # a nearer person the text gives no role may be the one meant: still no link
    text = text.replace("the new rowing federation leader Bo Park", "Bo Park")
    assert extract_quotes(text)[-1]["speaker"] != "Tom Reyes"


def test_appealing_for_reports_a_demand_after_a_tail():
    # before: no row, or one that ran over the tail ("appeal for" was no verb of speech)
    text = "Ferry delays grew on every route, the agency said in a statement, appealing for more crews."
    assert _rows(text) == [("reported", "the agency", "Ferry delays grew on every route"),
                           ("reported", "the agency", "more crews")]


def test_a_place_in_capitals_and_a_dash_is_a_dateline_outside_the_row():
    # before: "GENEVA - " opened the reported row
    text = "Ferries late\n\nHARBORTOWN - Late sailings doubled in May, the Keel Port Agency said on Monday."
    assert _rows(text) == [("reported", "Keel Port Agency", "Late sailings doubled in May")]


def test_a_text_named_by_its_issuer_is_that_issuers():
    # before: "the KHA statement" stayed a vague speaker
    text = ("The Keel Health Agency (KHA) said on Monday that flu visits rose. “Clinics were full by noon,” "
            "the KHA statement said.")
    assert extract_quotes(text)[-1]["speaker_id"] == "Keel Health Agency"


def test_a_sentence_opening_description_before_a_name_with_no_closing_comma():
    # before: "Health Minister" (headline) and "the health minister" stayed unlinked: the description before the name
    # needed a comma after the name too, and a headline's bare title had to be one word
    text = ("Clinics will reopen soon, says Health Minister\n\n"
            "The Minister of Health, Tom Reyes has denied that two clinics will stay shut.\n\n"
            "Speaking in Dover on Friday, Reyes said “both doors open in June.”\n\n"
            "“The roofs took longer,” the health minister said.")
    assert [q["speaker"] for q in extract_quotes(text)] == ["Tom Reyes"] * 4
    # a description after a comma inside its sentence is no appositive of the name when none closes it
    ents = _DocModel("He left, the minister of health, Tom Reyes said on Monday.").entities.by_name
    assert "mini" not in ents["Tom Reyes"].descr


def test_a_parenthetical_gloss_after_a_quotation_ends_the_reported_clause():
    # before: "saying he's “…” (his wife" was one reported row, the writer's gloss inside it
    text = "The dinner had jokes, like Tom Reyes saying he's “rowed with a dentist for 20 years” (his brother)."
    assert [(q["kind"], q["speaker"], q["text"]) for q in extract_quotes(text)] == \
        [("partial", "Tom Reyes", "“rowed with a dentist for 20 years”")]


def test_leader_is_a_title_and_a_headline_attributes_by_a_colon_either_side():
    # before: "Council Majority Leader Tom Reyes" kept its title, so "Reyes:" in the headline named nobody,
    # and "“…”: Name launches campaign" had no rule
    text = ("Reyes: ‘The council sits all weekend’\n\n"
            "Council Majority Leader Tom Reyes announced that the vote on the pier would be held on Sunday.")
    assert [q["speaker"] for q in extract_quotes(text)] == ["Tom Reyes", "Tom Reyes"]
    text = "‘Every pier reopened’: Tom Reyes opens his bid\n\nOpposition Leader Tom Reyes has promised new piers."
    assert extract_quotes(text)[0]["speaker"] == "Tom Reyes"
    # in the body the words after a colon are the writer's
    assert extract_quotes("He was clear.\n\n“No ifs”: Tom Reyes has said it twice.")[0]["speaker"] == ""


def test_was_forced_to_concede_did_concede():
    # before: no row (a copula before "forced" read as a modal)
    assert _rows("Tom Reyes was forced to concede that the plan failed.") == \
        [("reported", "Tom Reyes", "the plan failed")]
    assert _rows("Tom Reyes would be forced to concede that the plan failed.") == []


def test_a_speech_noun_after_a_determiner_is_no_verb_before_a_quotation():
    # before: "the claim" was read as the verb "claim" after an infinitive, and the quotation had no speaker
    text = 'Tom Reyes rose at the meeting to answer the claim, saying, "Nobody closed the pier but the storm."'
    assert extract_quotes(text)[0]["speaker"] == "Tom Reyes"


# --------------------------------------------------------------------------- session 22


def test_a_lead_description_named_three_paragraphs_on_links_both_ways():
    # before: the lead's "the councillor for parks" was linked to nobody (the name came three paragraphs on), and
    # that unlinked use then barred the later "The councillor said" from the person it means
    text = ("Park budget cut\n\n"
            "The tulip beds will go unplanted, according to the councillor for parks and gardens.\n\n"
            "The city set the budget in March.\n\n"
            "The Gazette printed the figures last week.\n\n"
            "But Cllr Ivo Brandt, who chairs the parks board, said the city had misread the sums.\n\n"
            "\"We need more gardeners,\" he said.\n\n"
            "The councillor said he would ask for a new vote.")
    rows = _rows(text)
    assert ("reported", "Ivo Brandt", "The tulip beds will go unplanted") in rows
    assert ("reported", "Ivo Brandt", "he would ask for a new vote") in rows


def test_a_body_name_and_title_after_a_comma_describe_a_person():
    # before: ", Keel Rowing Club head coach," gave no description, so the name stayed of unknown kind
    dm = _DocModel("Ines Okafor, Keel Rowing Club head coach, spoke first. Ines Okafor left.")
    ent = dm.entities.by_name["Ines Okafor"]
    assert ent.kind == "person" and "coac" in ent.descr
    # a group after a place is no description of it
    dm = _DocModel("In Harbortown, city police said the road was shut.")
    assert "Harbortown" not in dm.entities.by_name or dm.entities.by_name["Harbortown"].kind != "person"


def test_an_object_after_the_subjects_verb_is_no_sentence_subject():
    # before: "Bo Reyes", three words in, counted as the subject, so "He" became the one Okafor praised
    text = ("“The fee is fair,” Ines Okafor, Keel Rowing Club head coach, said.\n\n"
            "Okafor then praised Bo Reyes, the crew's new cox, for the rescue. "
            "He promised that the crew would be rewarded.")
    assert ("reported", "Ines Okafor", "the crew would be rewarded") in _rows(text)


def test_a_clause_that_goes_on_after_a_quotation_keeps_the_sentences_subject():
    # before: the subject search began after the quotation ("to rebuild Harbor Rail, and then"), giving Harbor Rail
    text = ("Transport Minister Ann Lee unveiled a “ten-year timetable” to rebuild Harbor Rail, and then said that "
            "the ferries would wait.")
    assert ("reported", "Ann Lee", "the ferries would wait") in _rows(text)


def test_a_capitalised_title_alone_is_a_description_linked_to_its_holder():
    # before: "The Prime Minister" was a name of its own ("Prime Minister"), and "Tánaiste" no title
    text = ("Prime Minister Ann Okafor toured the flooded quay on Monday.\n\n"
            "The Prime Minister says the port will reopen in May.")
    assert ("reported", "Ann Okafor", "the port will reopen in May") in _rows(text)
    text = "Tánaiste Ivo Brennan opened the new pier on Friday. The Tánaiste said that the ferry would run all winter."
    assert ("reported", "Ivo Brennan", "the ferry would run all winter") in _rows(text)
    dm = _DocModel("The Minority Leader spoke. The Prime Minister left.")
    assert "Prime Minister" not in dm.entities.by_name and "Minority Leader" not in dm.entities.by_name


def test_an_honorific_is_no_affiliation_that_bars_an_epithet():
    # before: "Mr" counted as a word of affiliation, so "The Minority Leader" could not be the Mr Lutterodt who spoke
    text = ("After the vote, Mr Lutterodt waved at the half-empty benches.\n\n"
            "“Half the house has gone home,” he said.\n\n"
            "The Minority Leader told the chamber that the ferry budget was too small.")
    assert ("reported", "Lutterodt", "the ferry budget was too small") in _rows(text)


def test_addressed_the_crews_to_announce_reports_for_its_subject():
    # before: "addressed" was no verb of an act done in order to speak, and "Dunmore to" gave the place
    text = "Mayor Ann Okafor addressed the harbour crews on the quay at Dunmore to announce that the fares would fall."
    assert ("reported", "Ann Okafor", "the fares would fall") in _rows(text)


def test_a_quarrel_that_continued_after_a_clause_lends_its_participle_to_that_clause():
    # before: "continued" was the quarrel's speech verb, and "the quarrel" called the board "reckless"
    text = ("The ferry dispute dragged on as the quarrel continued after Treasurer Ann Okafor weighed in, calling the "
            "harbour board “reckless”.")
    assert extract_quotes(text)[0]["speaker"] == "Ann Okafor"
    # a time clause that opens the sentence is not the clause the participle hangs on
    text = "Last winter, after Ann Okafor resigned, Ivo Brandt wrote to the crews, telling them, “The boats will sail.”"
    assert extract_quotes(text)[0]["speaker"] == "Ivo Brandt"
    # "continued" before its content still reports
    text = "Ivo Brandt continued with a plea to the crews: “Stay ashore if it blows.”"
    assert extract_quotes(text)[0]["speaker"] == "Ivo Brandt"


def test_a_quotation_in_a_with_clause_belongs_to_its_noun_phrase():
    # before: the finite "wrote" was preferred, so the paper spoke; and "criticising" was no speech verb
    text = ("The Harbor Ledger wrote about the pier last week, with one ferry captain criticising the timetable as "
            "‘a fantasy’.")
    assert extract_quotes(text)[0]["speaker"] == "one ferry captain"
    text = "The quarrel went on, with Ivo Brandt calling the harbour board “reckless”."
    assert [q["speaker"] for q in extract_quotes(text)] == ["Ivo Brandt"]


def test_a_statement_criticising_someone_names_no_speaker():
    # before (once "criticising" was a speech verb): "Keel Rowing Club disowns statement" became a speaker, and
    # "It" its quotation's
    text = ("Not our words: Keel Rowing Club disowns statement criticising its cox\n\n"
            "The Keel Rowing Club (KRC) has disowned a statement posted by its press office.\n\n"
            "It claimed that the crew “rowed like strangers”.")
    rows = extract_quotes(text)
    assert all("disowns" not in q["speaker"] for q in rows)
    assert rows[-1]["speaker"].startswith("Keel Rowing Club")


def test_a_sentence_opening_participle_takes_the_subject_after_the_quotation():
    # before: "Calling the ferry a “…,”" found no subject before the verb, and the quotation was a scare quote
    text = "Calling the ferry a “floating classroom,” the engineer Ann Okafor led a tour on Monday."
    assert extract_quotes(text)[0]["speaker"] == "Ann Okafor"


def test_a_city_after_a_company_name_is_no_subject():
    # before: "Dublin", the last comma part before "said", was the speaker
    text = "Ms Ann Okafor, the head of sales, Harbour Rope Ltd., Dublin said that orders had doubled."
    assert _rows(text) == [("reported", "Ann Okafor", "orders had doubled")]


def test_a_participle_that_modifies_a_noun_does_not_report_the_clauses_quotation():
    # before: "writing" (a speech verb) was read as reporting the quotation, so only the quotation was a row
    text = "Ann Okafor said crews writing letters to the paper was “a mistake” and hurt the talks."
    assert _rows(text) == [("reported", "Ann Okafor",
                            "crews writing letters to the paper was “a mistake” and hurt the talks")]


def test_a_quotation_that_opens_after_to_is_part_of_the_request():
    # before: "to “keep calm”" was no infinitive, so only the quotation was a row
    text = "Ann Okafor told the crews to “keep calm” at the quay."
    assert _rows(text) == [("reported", "Ann Okafor", "the crews to “keep calm” at the quay")]


def test_pm_and_cm_are_titles_and_a_headline_pm_links_forward():
    # before: "PM Ann Okafor" was one name, "The PM" a speaker of its own, and "…, PM says" in a headline nobody
    assert [q["speaker"] for q in extract_quotes(
        "PM Ann Okafor said the port would reopen in May. The PM also said fares would fall.")] == \
        ["Ann Okafor", "Ann Okafor"]
    assert extract_quotes("CM Ravi Rao said the dam was safe.")[0]["speaker"] == "Ravi Rao"
    text = "Ferries will run all winter, PM says\n\nPrime Minister Ann Okafor said on Monday that the fares would fall."
    assert extract_quotes(text)[0]["speaker"] == "Ann Okafor"


def test_a_clock_suffix_against_the_digits_is_no_title():
    # "PM" as a title must not make a live blog's time stamp and headline a name ("8:38PM Harbor Board …")
    dm = _DocModel("Posted 8:38PM Harbor Board Wants New Ferries\n\nThe board said it would buy two.")
    assert not any(n.startswith("PM") for n in dm.entities.by_name)
    assert "Harbor Board" in dm.entities.by_name


def test_a_speech_noun_after_a_past_verb_is_its_object():
    # before: "claims" (the object of "rejected") was read as the last finite speech verb, and nobody spoke
    text = ("The Harbor Party (HP) has rejected claims made by the ferry board's chair, Ivo Brandt, on the timetable, "
            "as “careless and wrong”.")
    assert extract_quotes(text)[0]["speaker"] == "Harbor Party (HP)"


# --------------------------------------------------------------------------- session 23: what "According to X"
# leads into, surnames of names the first-name list does not know, and pronouns in their speaker's own sentence


def _speakers(text: str) -> list[tuple[str, str]]:
    return [(q["kind"], q["speaker"]) for q in extract_quotes(text)]


def test_a_quotation_after_according_to_continues_its_source():
    # before: "According to X, …" rows were read after the quotations, so the next quotation had nobody to continue
    text = ("Council split on harbour plan\n\nAccording to Tom Reyes, the plan will fail within a year. "
            "“We are simply not ready for this at all.”")
    assert _speakers(text) == [("reported", "Tom Reyes"), ("direct", "Tom Reyes")]


def test_a_surname_alone_is_the_full_name_the_first_name_list_does_not_know():
    # before: "Vandeleur" (no known first name, no known title before "Oskel Vandeleur") was a speaker of its own
    text = ("Ferry talks\n\nThe ferry talks broke up without a deal, mediator Oskel Vandeleur reported on Friday.\n\n"
            "“Both sides will come back on Tuesday with new figures,” Vandeleur said.")
    assert _speakers(text) == [("reported", "Oskel Vandeleur"), ("direct", "Oskel Vandeleur")]


def test_a_one_word_name_the_body_uses_first_is_not_a_surname_of_a_later_name():
    # "Keelby" is named before "Mirador Keelby" (a quoted place name): the two stay apart
    text = ("Keelby suspends accounts\n\nKeelby said it had suspended 400 accounts on Friday. Some users list their "
            "home as “Mirador Keelby,” researchers said.\n\nKeelby said the move was long overdue for the platform.")
    assert [q["speaker"] for q in extract_quotes(text)] == ["Keelby", "researchers", "Keelby"]


def test_a_pronoun_in_its_speakers_own_sentence_is_that_speaker():
    # before: "he" went to Bernard Kowalski (a man by the first-name list, opening a clause of the sentence) over the
    # sentence's own speaker, whose gender the text leaves open
    text = ("Results\n\nRace director Idris Vantongeren conceded the harbour crew and Bernard Kowalski had shared the "
            "first two heats, a result that, he said, “nobody on the quay expected.”")
    assert _speakers(text)[-1] == ("direct", "Idris Vantongeren")


def test_an_epithet_refers_to_a_speaker_the_text_kept_naming():
    # before: "the veteran Harbor Party member" came two paragraphs after the speaker's attribution and stayed a
    # description (the paragraphs between name only him), and the quotation after it stayed unattributed
    text = ("Ferry talks\n\nThe three unions found no common ground on the rota, mediator Oskel Vandeleur said on "
            "Friday.\n\nVandeleur had been asked to look at a shorter season. Vandeleur met the crews at "
            "the depot.\n\nAccording to the veteran Harbor Party member, the rota is still open on two points. He "
            "gave no date for a vote. “We will know more once the crews have seen the new figures.”")
    assert _speakers(text) == [("reported", "Oskel Vandeleur")] * 2 + [("direct", "Oskel Vandeleur")]


def test_a_capitalised_description_with_a_possessive_before_the_name_it_gives():
    # before: "Harbour Commissioner" (the description after "Keelby’s") spoke, and the name set off by commas did not
    text = ("Talks\n\nKeelby’s Harbour Commissioner, Rua Okafor, told reporters that the patrol boats came from the "
            "north.")
    assert _speakers(text) == [("reported", "Rua Okafor")]
    text = ("Ferries\n\n“Why must the islands wait another winter?” the opposition Harbor Party’s chief whip, Tom "
            "Reyes, asked the minister.")
    assert _speakers(text) == [("direct", "Tom Reyes")]


def test_a_place_after_a_name_and_a_preposition_modifies_the_name():
    # before: "Nevada", the name before "said", spoke; and "the statement" was that place's
    assert _speakers("Drill\n\nThe Harbor Port Authority in Nevada said the drill ended at dawn on the quay.") \
        == [("reported", "Harbor Port Authority")]
    text = ("Drill\n\nThe Keel Coastal Defense Command (KCDC) in Nevada said in a statement that the drill had "
            "ended.\n\n“The last patrol boat docked at noon,” the statement said.")
    assert [s for _, s in _speakers(text)] == ["Keel Coastal Defense Command (KCDC)"] * 2


def test_an_organisation_name_keeps_its_title_words():
    # before: "Defense" (a title word, as in "Defense Minister Ana Ruiz") cut the name down to "Agency"
    assert _speakers("Drill\n\nThe Coastal Defense Agency said the ferries would sail later on Monday.") \
        == [("reported", "Coastal Defense Agency")]


def test_a_quotation_inside_a_clause_another_speaker_reports_is_no_antecedent():
    # before: "“neglect”" (Berg's word, quoted by Ruiz) made Berg the last speaker, so "He said" was Berg
    text = ("Row\n\nHarbour minister Ivo Berg said the crews had been paid on time.\n\nMeanwhile, council leader "
            "Tomas Ruiz asked Berg to explain the “neglect” of the ferry crews. He said the minister should apologise "
            "to the islanders.")
    assert _speakers(text)[-1] == ("reported", "Tomas Ruiz")


def test_a_person_described_by_an_organisations_spokesman_is_a_person():
    # before: ", the government spokesman," (an organisation word first) made Piotr Okafor an organisation, so "he"
    # could not mean him and went to the party named after him
    text = ("Row\n\nBut Piotr Okafor, the government spokesman, told the radio that the ferry plan stands, when "
            "asked about leaving Harbor Unity out of the deal.\n\n“We want every island on the new timetable by "
            "spring,” he said.")
    assert _speakers(text)[-1] == ("direct", "Piotr Okafor")


def test_in_his_view_reports_the_clause_after_it():
    # before: "In his opinion, …" was no attribution
    text = "Row\n\n“We will wait,” Tom Reyes said.\n\nIn his opinion, the ferry board has waited far too long."
    rows = extract_quotes(text)
    assert [(q["kind"], q["speaker"], q["cue"]) for q in rows] == [
        ("direct", "Tom Reyes", "said"), ("reported", "Tom Reyes", "in his opinion")]
    assert rows[-1]["text"] == "the ferry board has waited far too long"
    rows = extract_quotes("Row\n\nIn the view of the harbour board, the council is to blame for the delay.")
    assert [(q["speaker"], q["cue"]) for q in rows] == [("the harbour board", "in the view of")]


def test_a_colon_lead_before_a_quotation_outweighs_the_outlet_reporting_it():
    # before: "the Harbour Courier reported" after the quotation took it from the one the lead names
    assert _speakers("Row\n\nPM Ann Okafor said: “We have agreed on the new ferry timetable,” the Harbour Courier "
                     "reported.") == [("direct", "Ann Okafor")]


def test_however_as_a_conjunction_opens_a_clause_with_its_own_subject():
    # before: "and said" took the subject of the sentence's first clause, Tom Berg
    text = ("Row\n\nChief whip Tom Berg backed the minister on the radio, however Ms Ana Ruiz rejected his account "
            "and said the vote was “a plain breach of the rules”.")
    assert _speakers(text) == [("reported", "Ana Ruiz")]


def test_an_epithet_two_short_paragraphs_after_its_speaker():
    # before: a description was linked to the last speaker only in the same paragraph or the one before
    text = ("Row\n\n“The ferry bill will sit in committee until the spring and then quietly die,” Senator Tom Berg "
            "told reporters on Friday.\n\nThe minister would then need the Harbor Party's votes.\n\n“Without the "
            "Harbor Party there is simply no majority for it,” the first-term senator said.")
    assert _speakers(text) == [("direct", "Tom Berg")] * 2


def test_an_epithet_after_a_party_named_alone_and_the_speakers_own_earlier_description():
    # before: "Harbor" (a one-word name that never speaks) counted as another person named since the speaker, and
    # "The veteran senator" (said of Berg right after his name) as a senator the text might never name
    text = ("Row\n\nSenator Tom Berg has warned the ferry bill will stall in committee.\n\nThe veteran senator "
            "will sit on the new transport committee.\n\n“The bill will sit there until the spring and then "
            "quietly die,” he told Harbour News on Friday.\n\nThe minister would then need to win Harbor over."
            "\n\n“Unless Harbor backs it, there is no majority,” the first-term senator said.")
    assert _speakers(text)[-1] == ("direct", "Tom Berg")


def test_a_lead_attributed_to_a_role_is_the_person_the_next_paragraph_opens_with():
    # before: the lead's source stayed "a former harbour minister" / "A leading … rebel" / "Green MP" (a name)
    text = ("Ferry quarrel\n\nThe quarrel over the ferry rota is “poisoning” the island council, a former harbour "
            "minister has said.\n\nIndependent MLA Clara Sugwell urged the parties to settle the rota in private.")
    assert [s for _, s in _speakers(text)] == ["Clara Sugwell"] * 2
    text = ("Rebel: ferry plan must change\n\nA leading Harbor Party rebel said he was “glad the mayor changed "
            "course” on the ferries.\n\nKeelby and Dunmore MP Tom Barrow voted against the budget on Monday.")
    assert _speakers(text) == [("reported", "Tom Barrow")]
    text = ("MP breaks ranks\n\nA Green MP has asked the party to replace its leader, saying the ferry vote was “the "
            "last straw”.\n\nDame Anwen Jelks wrote to the chief whip on Friday.")
    assert {s for _, s in _speakers(text)} == {"Anwen Jelks"}


def test_a_lead_attributed_to_a_spokesman_is_not_the_person_named_next():
    text = ("Man arrested\n\nA police spokesman said a man had been arrested after the fire at the quay.\n\nTom "
            "Barrow, 45, appeared in court on Monday.")
    assert _speakers(text) == [("reported", "A police spokesman")]


def test_a_fronted_adverb_is_no_word_of_the_name_and_a_party_leader_description_no_person():
    # before: "Earlier Tomas Berg" was the name, and "He" went to "Harbor Unity", the modifier that opens "The Harbor
    # Unity leader gave no …", over the speaker that description is about
    assert "Tomas Berg" in _DocModel("Talks\n\nEarlier Tomas Berg said the cabinet would wait.").entities.by_name
    text = ("Talks\n\nEarlier Tomas Berg said the ferry deal might slip to the autumn.\n\nThe Harbor Unity leader "
            "gave no date for the vote either.\n\nHe said: “The crews have to see the figures before anyone signs.”")
    assert _speakers(text)[-1] == ("direct", "Tomas Berg")


def _kinds_speakers_flags(text):
    return [(q["kind"], q["speaker"], q["quote_flags"]) for q in extract_quotes(text)]


def test_a_headline_quotation_repeated_in_the_body_takes_the_body_speaker():
    # before: the headline's quotation, which no speaker introduces there, stayed unattributed
    text = ("‘We will rebuild the pier by spring’\n\nThe storm tore through the harbour on Sunday.\n\n“We will "
            "rebuild the pier by spring, whatever it costs,” said Mara Lind, the harbour master.")
    assert _kinds_speakers_flags(text)[0] == ("direct", "Mara Lind", "single;repeated")
    # and the body quoting again the words the headline attributes
    text = ("Mara Lind: ‘Not one more closure’\n\nThe harbour master spoke at the quay on Sunday.\n\nBy the evening "
            "“Not one more closure” was painted on the harbour wall.")
    assert [(k, s) for k, s, _ in _kinds_speakers_flags(text)] == [("direct", "Mara Lind"), ("partial", "Mara Lind")]


def test_a_repeated_quotation_stays_empty_when_two_speakers_said_it_or_it_is_a_title():
    text = ("Pier vote\n\n“Rebuild the pier,” said Mara Lind.\n\n“Rebuild the pier,” said Tom Berg.\n\nPosters "
            "across town read “Rebuild the pier” on Monday.")
    assert _kinds_speakers_flags(text)[-1][1] == ""
    text = ("Festival\n\n“We will show Tides of Kelp Rising twice on Friday,” said Mara Lind.\n\nPosters for "
            "“Tides of Kelp Rising” went up across the town on Monday.")
    assert _kinds_speakers_flags(text)[-1][1] == ""


def test_a_headline_cut_by_a_colon_or_a_dash_into_a_speaker_and_a_statement():
    # before: the headline's statement, with no quotation mark nor speech verb, was no row
    body = "\n\nHarbour master Mara Lind said the storm had torn the pier in two."
    rows = extract_quotes("Lind: We will rebuild the pier by spring" + body)
    assert [(q["kind"], q["speaker"], q["cue"], q["text"]) for q in rows][0] == \
        ("reported", "Mara Lind", ":", "We will rebuild the pier by spring")
    assert _speakers("Crews were badly let down: Lind after the vote" + body)[0] == ("reported", "Mara Lind")
    assert _speakers("Ferries will sail again next week - Lind" + body)[0] == ("reported", "Mara Lind")
    text = ("Crossings fell by half over the winter - KFA\n\nThe Keelby Ferry Authority (KFA) said the crossings "
            "had fallen for a third year.")
    assert _speakers(text)[0] == ("reported", "Keelby Ferry Authority (KFA)")


def test_a_headline_topic_label_before_a_colon_is_no_speaker():
    body = "\n\nHarbour master Mara Lind said the storm had torn the pier in two."
    assert len(extract_quotes("Harbour storm: the pier was torn in two" + body)) == 1
    assert len(extract_quotes("Mara Lind: the life of a harbour master" + body)) == 1
    assert len(extract_quotes("Mara Lind: why the pier was torn in two" + body)) == 1


def test_underscore_and_underline_report_a_clause():
    text = ("Pier\n\nThe minister underlined that the pier would reopen in May. Tom Berg underscored the crews "
            "were tired.")
    assert _speakers(text) == [("reported", "The minister"), ("reported", "Tom Berg")]


def test_a_verb_inside_a_reported_clause_with_a_quotation_in_it_names_no_speaker():
    # before: the quoted nickname reset the clause, so "had declared" made Carl Berg the speaker "he" meant
    text = ("Senate\n\nMayor Tom Lee announced that Senators Ana “Bo” Ruiz, Ida Moss and Carl Berg had declared "
            "support for him.\n\n“There are more who signed, three more,” he said.")
    assert _speakers(text)[-1] == ("direct", "Tom Lee")


def test_a_speech_verb_in_s_after_such_is_a_noun():
    # before: "claims" was a verb whose subject "Lee to voice such" took the next quotation
    text = ("Talks\n\nTom Berg was asked about the remarks.\n\nHe responded that he “expected” Ann Lee to voice such "
            "claims.\n\n“She wants to win every seat. I respect that.”")
    assert _speakers(text)[-1] == ("direct", "Tom Berg")


def test_an_acronym_after_a_possessive_and_portfolio_words_before_a_name():
    # before: "Party’s (KUPP)" recorded no acronym, and "Minister of Home Affairs Dao Kim Tuyen" made a person
    # "Affairs Dao Kim Tuyen"
    text = ("Vote\n\nThe army steered clear of the Keel Unity and Progress Party’s (KUPP) plan. The KUPP said the "
            "count was flawed.")
    assert _speakers(text)[0][1] not in ("", "KUPP")   # (the acronym stands for a name the text gives)
    names = _DocModel("Talks\n\nThey are Minister of Industry and Trade Tam Van Loc and Minister of Home Affairs Dao "
                      "Kim Tuyen.").entities.by_name
    assert {"Tam Van Loc", "Dao Kim Tuyen"} <= set(names)
    assert not {"Trade Tam Van Loc", "Affairs Dao Kim Tuyen"} & set(names)
    text = ("Row\n\nInterior Minister Ravi Okonjo was asked about the ferries. The interior minister said they were "
            "late.")
    assert _speakers(text) == [("reported", "Ravi Okonjo")]   # (a portfolio word is still a word of the title)


def test_a_lead_source_named_after_a_fronted_phrase_not_inside_it():
    # before: the person inside "Speaking before Governor Tom Lee's visit" was taken for the lead's minister
    text = ("Ferry row\n\nOne of the island's most senior ministers has urged the harbour board not to raise fares."
            "\n\nSpeaking before Governor Tom Lee's visit on Friday, Ravi Okonjo said the crews needed the work.")
    assert [s for _, s in _speakers(text)] == ["Ravi Okonjo"] * 2


def test_a_name_before_an_auxiliary_is_the_subject_not_the_object_after_its_verb():
    # before: "has" (a closed-class word) was no finite verb, so the object "Carl Berg" was the subject "he" meant
    text = ("Pier\n\nMayor Tom Lee rejected the claims on Monday.\n\nLee has also challenged Carl Berg to a debate "
            "on the pier. “This time we are ready. If Carl Berg wants a debate, he can have one,” he added.")
    assert _speakers(text)[-1] == ("direct", "Tom Lee")


def test_a_participle_after_the_object_of_a_preposition_is_the_subjects():
    # before: the name right before "saying" spoke, though it is the object of "on" in Ann Lee's clause ("came"
    # was no finite verb either)
    text = "Row\n\nEarlier in the day, Ann Lee came down hard on Tom Berg saying she had been misled over the pier."
    assert _speakers(text) == [("reported", "Ann Lee")]
    text = "Row\n\nThe paper ran a video of Tom Berg saying he had been misled over the pier."
    assert _speakers(text) == [("reported", "Tom Berg")]


def test_a_fronted_participle_phrase_with_no_comma_is_no_part_of_the_speaker():
    # before: the speaker was "Speaking about the ferry strike the President", a clause fragment
    text = ("Strike\n\nPresident Ravi Okonjo met the crews on Monday.\n\nSpeaking about the ferry strike the "
            "President said the strike was the longest he could recall.")
    assert _speakers(text) == [("reported", "Ravi Okonjo")]


def test_of_two_comma_parts_that_are_names_the_subject_is_the_one_with_no_title():
    # before: "Advocate General Keelby" (a title and a place) was the subject, and "He" followed it to another person
    text = ("Court\n\nJustice Tom Berg said the case would go on.\n\nDuring the hearing, Advocate General (AG) Keelby, "
            "Rua Okafor, asked to speak, stating that the state had a right to be heard.")
    assert _speakers(text)[-1] == ("reported", "Rua Okafor")


def test_the_main_clause_after_an_opening_participle_ends_at_its_quotation():
    # before: the subject was read from the quotation's own "where Harbor will hold …", so the party spoke
    text = ("Rally\n\nTom Berg spoke to reporters on Thursday.\n\nSaying that the Harbor League holds rallies where "
            "it likes, he asked, “Why will the police decide where Harbor will hold its rally?”")
    assert [s for _, s in _speakers(text)] == ["Tom Berg", "Tom Berg"]


def test_another_title_with_a_modifier_and_the_persons_own_description_are_no_other_minister():
    # before: "the prime minister" (said of Ann Ruiz) and "the Interior Minister" (Tom Lee's own title, after Ruiz
    # was named) made "The minister" someone the text might never name
    text = ("Talks\n\nInterior Minister Tom Lee rejected the claims of threats to former prime minister Ann Ruiz."
            "\n\nTalking to reporters, the Interior Minister said Ruiz had the same guards she had while she was the "
            "prime minister.\n\nThe Interior Minister further said the talks would be held under the law.\n\n"
            "The minister said a single plan would not suit every group.")
    assert _speakers(text)[-1] == ("reported", "Tom Lee")


def test_a_name_of_no_known_kind_after_a_persons_name_and_a_place_preposition_is_a_place():
    # before: "Tarvenna", a town the place list does not hold, was the speaker of "saying"
    text = ("Vote\n\nLawyer Ko Min Zaw from Pyinmora in Tarvenna called the demands unrealistic, saying the party "
            "had lost because it was too close to the army.")
    assert _speakers(text) == [("reported", "Ko Min Zaw")]


def test_a_constituency_after_a_title_is_no_speaker():
    # before: the speakers were "for Keelby South" and "Dunmore", the constituencies
    text = "Budget\n\nThe Harbor Party TD for Keelby South told reporters that he would not bow to the pressure."
    assert _speakers(text) == [("reported", "The Harbor Party TD for Keelby South")]
    text = "Budget\n\nThe MP for Dunmore said the minister had failed to consult the House."
    assert _speakers(text) == [("reported", "The MP for Dunmore")]
    # (but a portfolio after "for" ends the title before the name)
    text = "Budget\n\nMinister for Home Affairs Tam Lee said the motion would fail."
    assert _speakers(text) == [("reported", "Tam Lee")]


def test_bemoan_hail_blame_and_speak_of_quote_the_subjects_words():
    # before: the quoted objects of these verbs were scare quotes with no speaker
    text = ("Talks\n\nHarbor leader Ann Lee spoke of a “very long and useful talk” with the unions. Councillor Tom "
            "Berg bemoaned the “hard choices” in the budget.")
    assert [s for _, s in _speakers(text)] == ["Ann Lee", "Tom Berg"]


def test_a_headline_quotation_right_after_a_name_is_that_names():
    # before: the headline's quotation right after the party's name was a scare quote with no speaker
    text = ("Harbor Party ‘will not stall’ over the ferry nominations\n\nThe Harbor Party insisted it would "
            "not delay the nominations.")
    assert _speakers(text)[0] == ("partial", "Harbor Party")
    # (only after a name: not after "Lee: Votes prove Berg")
    text = ("Lee: Votes prove Berg ‘candidate of the harbour’\n\nTom Berg has eleven votes. Ann Lee said the vote "
            "was fair.")
    assert _speakers(text)[0][1] != "Tom Berg"


# --------------------------------------------------------------------------- session 25: news sets BG to BL


def _clauses(text: str) -> list[tuple[str, str]]:
    return [(q["speaker"], q["text"]) for q in extract_quotes(text) if q["kind"] == "reported"]


def test_an_ed_adjective_may_open_a_clause_with_no_that():
    # before: "said prolonged dry weather was …" reported nothing (the -ed word was taken for a finite verb)
    text = "Heat\n\nThe Harbour Board said prolonged dry weather was to blame for the fires."
    assert _clauses(text) == [("Harbour Board", "prolonged dry weather was to blame for the fires")]
    # (a real finite verb right after "said" still opens no clause: "what she said happened next")
    assert _clauses("Heat\n\nNobody knows what Ann Lee said happened next at the quay.") == []


def test_a_date_may_stand_between_a_verb_and_its_clause_with_no_that():
    # before: "acknowledged Wednesday he had …" and "announced on Oct. 9 she was …" reported nothing
    text = ("Vote\n\nTom Berg acknowledged Wednesday he had read the memo twice. Party leader Ann Lee "
            "announced on Oct. 9 she was leaving the coalition.")
    assert _clauses(text) == [("Tom Berg", "he had read the memo twice"),
                              ("Ann Lee", "she was leaving the coalition")]


def test_an_ing_speech_verb_reports_a_clause_with_no_that_as_its_other_forms_do():
    # before: "adding inspectors … would visit" and "pointed out the port was …" reported nothing
    text = ("Audit\n\nTom Berg said the audit works, adding inspectors from the agency would visit in May. "
            "He pointed out the port was already closed to tankers.")
    assert [s for s, _ in _clauses(text)] == ["Tom Berg", "Tom Berg", "Tom Berg"]
    assert _clauses(text)[1][1] == "inspectors from the agency would visit in May"


def test_a_short_adverbial_after_an_appositive_names_no_one():
    # before: the speaker was "shortly after the vote"
    text = ("Race\n\nAnn Lee, a spokeswoman for the mayor, shortly after the vote said the mayor would stand again "
            "only with the council's support.")
    assert [s for s, _ in _clauses(text)] == ["Ann Lee"]


def test_a_participle_after_a_main_clause_belongs_to_its_subject_not_the_subordinate_clauses():
    # before: "saying" was given to "reporters", the subject of the "When …" clause
    text = ("Budget\n\nWhen reporters asked Tom Berg whether the party would block the levy, Berg kept dodging, "
            "saying the caucus would weigh each bill separately.")
    assert _clauses(text)[-1][0] == "Tom Berg"


def test_a_state_that_acts_speaks_for_the_participle_after_its_clause():
    # before: no row ("Nebraska" is a place, so the participle had no speaker)
    text = "Ruling\n\nNebraska sued the agency in federal court, arguing that the levy broke the state charter."
    assert _clauses(text) == [("Nebraska", "the levy broke the state charter")]


def test_an_ing_word_that_opens_a_sentence_before_a_determiner_is_no_name():
    # before: "Praising" was the speaker of the quotation after "noting that"
    text = ("Regatta\n\nPraising his crew’s “grit and patience,” Mr. Vane spoke about the regatta while noting that "
            "“our best races are ahead.”")
    assert _speakers(text)[-1] == ("partial", "Vane")


def test_a_colon_before_a_quoted_sentence_ends_the_reported_clause():
    # before: one reported row ran on through the colon and held the quotation
    text = ("Files\n\nTom Berg answered by explaining the ledger could not be mailed since the server was down for "
            "repairs: “Believe me, I want it fixed too.”")
    assert _rows(text) == [("reported", "Tom Berg", "the ledger could not be mailed since the server was down for "
                                                    "repairs"),
                           ("direct", "Tom Berg", "“Believe me, I want it fixed too.”")]


def test_an_ed_adjective_in_the_object_of_a_naming_verb():
    # before: only the quotation was a row ("proposed" ended the object as if it were a verb)
    text = "Levy\n\nAnn Lee criticised the move. She called the council's proposed levy “a tax on fishing.”"
    assert _clauses(text) == [("Ann Lee", "the council's proposed levy “a tax on fishing.”")]


def test_a_whip_is_a_title_and_a_name_before_an_interview_adjunct_is_the_subject():
    # before: the speaker was "Whip" (the title read as a name), then the whole description
    text = ("House\n\nThe Minority Chief Whip, Alhaji Musa Danjuma in an interview with Radio Keel, criticised the "
            "walk-out but he said the protest was needed since the chair had ignored them.")
    assert _clauses(text) == [("Musa Danjuma", "the protest was needed since the chair had ignored them")]


def test_a_pronoun_after_a_name_that_follows_a_preposition_gives_that_name_no_gender():
    # before: "she" (the prime minister) made Okello a woman, so "He" went to the movement's name
    text = ("House\n\nKato Okello criticised the plan. A row over Okello and the Prime Minister grew when she "
            "spoke at the Harbor Freedom Movement rally.\n\nHe pointed out that the plan had already failed.")
    assert _clauses(text)[-1][0] == "Kato Okello"


def test_a_title_before_of_and_a_body_is_no_person():
    # before: the entity was "Parliament Kofi Mensah", an organisation (the title was read as a person "of" a body)
    text = "House\n\nDeputy Chief Whip of Parliament Kofi Mensah said the chair had misread the rules."
    assert _clauses(text) == [("Kofi Mensah", "the chair had misread the rules")]
    names = _DocModel(text).entities.by_name
    assert "Kofi Mensah" in names and "Parliament Kofi Mensah" not in names


def test_post_nominal_letters_are_no_antecedent():
    # before: the speaker of "who confirmed" was "SAN"
    text = ("Court\n\nCounsel for the trawler firm, Ann Lee, SAN, who stated that the fine had been paid, said she "
            "would not oppose the motion.")
    assert [s for s, _ in _clauses(text)] == ["Ann Lee", "Ann Lee"]


def test_of_comma_parts_that_are_names_a_person_is_the_subject_not_a_town():
    # before: the speaker was "Keelby", the town of the address
    text = ("Planning\n\nSpeaking about a disputed boathouse on Quay Row, Keelby, Councillor Tom Berg, the "
            "committee chairman, said: “We have to follow the zoning rules.”")
    assert _speakers(text) == [("direct", "Tom Berg")]


def test_a_street_is_no_he_or_she():
    dm = _DocModel("Rally\n\nProtesters marched down Harbor Street on Monday.")
    assert not compatible(dm, "Harbor Street", "named", "m")


def test_a_nationality_does_not_block_the_link_to_the_one_holder_of_a_role():
    # before: "The French negotiator" stayed a description ("French" is not among Marr's words)
    text = ("Talks\n\nLucien Marr, the bloc's chief negotiator, said “real progress” was made. Tom Hale said the "
            "talks were friendly.\n\nThe French negotiator said: “I am not upset, I am resolved.”")
    assert _speakers(text)[-1] == ("direct", "Lucien Marr")
    # (with two negotiators in the text, no link)
    text2 = text.replace("Tom Hale said", "The UK's negotiator Tom Hale said")
    assert _speakers(text2)[-1] == ("direct", "The French negotiator")


def test_a_period_glued_to_the_next_sentence_ends_it():
    # before: "She" (glued to "square.") was a name and the speaker
    text = ("Sit-in\n\nParty secretary Ann Okafor announced the sit-in from the square.She said the sit-in would go "
            "on until the vote.")
    assert [s for s, _ in _clauses(text)] == ["Ann Okafor"]


def test_two_backticks_open_a_double_mark():
    # before: ``…'' (the typewriter and TeX convention of wire archives) was no quotation
    text = "Storm\n\n``By then,'' Sam Berg said, ``the whole crew was soaked.''"
    assert _speakers(text) == [("direct", "Sam Berg"), ("direct", "Sam Berg")]


def test_a_reported_clause_ends_before_an_absolute_phrase_with_its_own_speaker():
    # before: "agreed that …" ran on over ", with Lee arguing that …" and held it
    text = ("Talks\n\nThe two ministers agreed that the old disputes should be settled soon, with Lee arguing that "
            "the old alliance must be rebuilt.")
    assert _clauses(text) == [("The two ministers", "the old disputes should be settled soon"),
                              ("Lee", "the old alliance must be rebuilt")]


def test_a_short_curly_quotation_inside_an_open_one_is_nested():
    # before: the inner “keeps” closed the outer quotation, and the speaker read '” the coach'
    text = ("Win\n\nCoach Ida Lund summed it up on Friday:\n\n“It’s nice to win when every night counts for “keeps” "
            "in this league,” the coach said. “That is all from me.”")
    rows = _rows(text)
    assert [r[0] for r in rows] == ["direct", "direct"]
    assert rows[0][2] == "“It’s nice to win when every night counts for “keeps” in this league,”"
    # (a writer who forgot a closing mark: the first quotation still ends where the next opens)
    text = "Talks\n\n“We are ready, Ann Lee said. “We will not wait,” she added."
    assert [r[2] for r in _rows(text)] == ["“We are ready, Ann Lee said.", "“We will not wait,”"]


def test_an_abbreviated_company_ending_names_an_organisation():
    # before: "Harbor Foods Inc." was a name of unknown kind, so the "he" after it was the company
    text = ("Plans\n\nHarbor Foods Inc. will keep its cannery open, according to chief executive Tom Berg.\n\n"
            "“We will always stay here,” he said in an interview.")
    assert _speakers(text)[-1] == ("direct", "Tom Berg")


def test_a_name_after_a_preposition_in_the_descriptions_sentence_does_not_block_its_link():
    # before: "Dino Marquez", the interviewer, was the nearest person, so "the President" stayed a description
    text = ("Audit\n\nPresident Ruben Alcala has criticised the Office of the Auditor over its review.\n\nIn an "
            "interview with Dino Marquez on Monday, the President said he welcomed the review.")
    assert _clauses(text)[-1][0] == "Ruben Alcala"


def test_a_description_followed_by_a_speech_verb_is_no_appositive():
    # before: ", the President said …" after "the Office of the Auditor" gave the office the president's title, so a
    # later "the President" had two candidates and stayed a description
    text = ("Audit\n\nPresident Ruben Alcala has criticised the Office of the Auditor.\n\n“It must end,” the "
            "President said.\n\nFearing there was waste in the Office of the Auditor, the President said he would "
            "act.")
    names = _DocModel(text).entities.by_name
    assert "pres" not in names["Office of the Auditor"].descr
    assert ("direct", "Ruben Alcala") in _speakers(text)


def test_executive_is_a_title_and_no_name():
    # before: "the Chief Executive added" had the speaker "Executive"
    text = "Aid\n\n“We will rebuild every school by spring,” the Chief Executive added."
    assert _speakers(text) == [("direct", "the Chief Executive")]


def test_earlier_between_an_auxiliary_and_a_speech_verb_is_no_part_of_the_subject():
    # before: "Thomas had earlier" was no speaker, so the clause was dropped
    text = "Court\n\nAnn Lee had earlier complained to the judge that Tom Berg had misled the jury."
    assert _clauses(text) == [("Ann Lee", "Tom Berg had misled the jury")]


def test_a_second_subject_joined_by_and_makes_a_base_verb_no_noun():
    # before: "a lone trustee say" was read as "a say" (a noun), so the clause was dropped
    text = "Pensions\n\nThe unions and a lone trustee say the fund is too small."
    assert _clauses(text) == [("The unions and a lone trustee", "the fund is too small")]
    # (after a comma, "and her call for" is still a noun)
    text = "Polls\n\nHer ratings rose after the debate, and her call for a recount was popular."
    assert _clauses(text) == []


def test_a_region_opened_by_a_compass_word_is_no_he_or_she():
    dm = _DocModel("Rescue\n\nThe boat sank off the coast of West Keel on Monday.")
    assert not compatible(dm, "West Keel", "named", "f")


# --------------------------------------------------------------------------- session 26: news sets BG to BQ again


def test_a_surname_alone_joins_a_full_name_written_with_letters_beyond_ascii():
    # before: a first name with a letter beyond ASCII was no name-shaped word, so the surname alone stayed a second
    # speaker
    from framing.quotes.entities import name_shaped
    assert name_shaped("Bożena") and name_shaped("Çelik") and name_shaped("McAdoo") and name_shaped("Lind-ruiz")
    assert not name_shaped("MPs") and not name_shaped("U.S.") and not name_shaped("O’")
    text = ("Talks\n\nThe envoys, Bożena Wrzosek and Tom Hale, met on Monday.\n\n"
            "Wrzosek said the meeting went well.")
    assert _rows(text)[-1][:2] == ("reported", "Bożena Wrzosek")


def test_a_role_no_one_holds_refers_to_the_person_the_paragraph_is_about():
    # news varies how it names its subject: "Lea Brandt ... The Danish envoy told reporters" is Lea Brandt
    lead = "Talks\n\nLea Brandt met her counterparts in Oslo on Monday.\n\n"
    text = lead + "The Danish foreign minister told reporters that the harbour deal was close."
    assert _rows(text) == [("reported", "Lea Brandt", "the harbour deal was close")]
    # not when the person the text named last is an object, not what the sentence is about
    text = ("Talks\n\nThe board asked Lea Brandt to stay on Monday.\n\n"
            "The foreign minister told reporters that the harbour deal was close.")
    assert _rows(text)[0][1] != "Lea Brandt"
    # not when the text gives her another title, or gives the role to someone else
    text = ("Talks\n\nMayor Lea Brandt met her counterparts in Oslo on Monday.\n\n"
            "The foreign minister told reporters that the harbour deal was close.")
    assert _rows(text)[0][1] != "Lea Brandt"
    text = ("Talks\n\nForeign Minister Tom Hale stayed home. Lea Brandt met her counterparts in Oslo on Monday.\n\n"
            "The foreign minister told reporters that the harbour deal was close.")
    assert _rows(text)[0][1] != "Lea Brandt"
    # not for people a text may never name, nor a capitalised word the text never ties to her
    for description in ("The spokeswoman", "The senior adviser", "The Harbor FC coach"):
        text = lead + f"{description} told reporters that the harbour deal was close."
        assert _rows(text)[0][1] != "Lea Brandt", description
    # not when she is named in the description's own sentence
    text = "Talks\n\nLea Brandt met the foreign minister, who told reporters that the harbour deal was close."
    assert _rows(text)[0][1] != "Lea Brandt"


def test_a_demonym_after_an_article_is_no_name_a_pronoun_may_take():
    dm = _DocModel("Talks\n\nThe Danish foreign minister arrived late. He said nothing.")
    assert "Danish" not in dm.entities.by_name
    # with no article it may be a surname
    dm = _DocModel("Talks\n\nBo Cuban spoke first. Cuban said the deal was fair.")
    assert "Cuban" in dm.entities.by_name


def test_a_pronoun_after_an_honorific_of_the_other_gender_is_no_vote_on_the_name():
    # before: "his" after "Ms Lind" (her husband's) and "Mr Lind" (merged with her by the surname) made Anna Lind a
    # man, so "she said" went to a town
    text = ("Inquest\n\nAnna Lind gave evidence at the hearing in Harbor Town about the calm sea.\n\n"
            "Ms Lind called her husband strong for his years. Ms Lind praised his skill in a canoe.\n\n"
            "Mr Lind died at the pier.\n\n“I held on for hours,” she told the coroner.")
    assert _DocModel(text).entities.by_name["Anna Lind"].gender == "f"
    assert _rows(text)[-1][:2] == ("direct", "Anna Lind")
    # a pronoun of the honorific's own gender still votes ("Ms Lind said she …" keeps her a woman)
    dm = _DocModel("Inquest\n\nMs Jo Lind spoke first. Ms Lind said she had waited.")
    assert dm.entities.by_name["Jo Lind"].gender == "f"


def test_no_place_nor_headline_word_is_the_last_resort_for_she():
    # before: with no person named, "she" took the region "West Keel"; a one-word headline is no person either
    text = ("Rescue\n\nThe crew swam for hours to reach West Keel.\n\n"
            "“We were lucky and we are glad to be home,” she said.")
    assert _rows(text)[-1][1] == ""
    text = ("Rescue\n\nThe crew swam for hours to reach Ola Berg.\n\n“We were lucky and we are glad to be home,” "
            "she said.")
    assert _rows(text)[-1][1] == "Ola Berg"


def test_enquire_and_inquire_report_questions_as_ask_does():
    # before: "enquired" and "inquired" were no speech verbs, and only "ask" (written in the code) took "whether"
    for verb in ("enquired", "inquired", "asked"):
        text = (f"Budget\n\nBen Hale argued with his rival.\n\n“Which of my appeals failed?” Hale {verb} at the "
                f"session.\n\nHe also {verb} whether the levy was ready.")
        assert [r[:2] for r in _rows(text)] == [("direct", "Ben Hale"), ("reported", "Ben Hale")], verb
        assert _rows(text)[-1][2] == "whether the levy was ready"


def test_a_dash_aside_after_an_appositive_closes_it_as_a_comma_would():
    # before: "Tom Reyes, counsel for the crew – a cook and two deckhands – told …" gave the description, not the name
    text = "Court\n\nTom Reyes, the counsel for the crew – a cook and two deckhands – said the ruling was wrong."
    assert _rows(text) == [("reported", "Tom Reyes", "the ruling was wrong")]
    # a dash aside after a part that is no description closes nothing
    text = ("Vote\n\nEven if Ann Lee loses to Bo Reyes in Keel, organisers from two other towns – Harbor and Dale – "
            "said it is vital that she narrow her deficit.")
    assert _rows(text)[0][1] == "organisers from two other towns"


def test_a_verb_that_says_something_only_with_its_clause_notes_no_speaker_without_one():
    # before: "the council's vote signalled a plan" gave the participle after it to the vote
    text = ("Vote\n\nOn Friday, board member Tom Reyes questioned if the council's vote signalled a plan to shut "
            "the library, saying the whole board felt ignored.")
    assert _rows(text) == [("reported", "Tom Reyes", "the whole board felt ignored")]
    assert _rows("Vote\n\nAnn Lee signalled that the party was in trouble.")[0][:2] == ("reported", "Ann Lee")


def test_a_short_acronym_the_text_treats_as_a_body_stands_for_the_name_of_its_initials_given_before():
    # before: "the UNK" stayed a speaker of its own, though "United Nurses of Keel" opened the story
    text = ("Health\n\nUnited Nurses of Keel is criticising the minister over ward closures.\n\n"
            "“The wards close for lack of staff, not for holidays,” says the UNK.")
    assert _rows(text)[-1][1].startswith("United Nurses of Keel")
    # ... and a title-case form of an acronym the text also writes in capitals ("Kacc" for "KACC")
    text = ("Graft\n\nThe Keel Anti-Corruption Commission (KACC) opened a case on Monday.\n\n"
            "Kacc said the files were complete and the case was strong.")
    assert _rows(text)[-1][1].startswith("Keel Anti-Corruption Commission")


def test_a_fronted_adverb_alone_is_no_name_in_a_subject():
    from framing.quotes.entities import name_in_np
    from framing.quotes.names import NAME_RE
    dm = _DocModel("Parliament\n\nMeanwhile, the whip spoke.")
    assert name_in_np(dm, NAME_RE.match("Meanwhile")) is None
    assert name_in_np(dm, NAME_RE.match("Tom Reyes")) == "Tom Reyes"


def test_words_quoted_after_praise_laud_commend_or_thank_are_the_subjects():
    # before: no speech verb, so the quotation was a scare quote or unattributed
    cases = [("School\n\nTom Yi, the head of the choir, spoke first. Lauding the choir’s “stubborn joy,” Mr. Yi "
              "spoke about the season.", "Tom Yi"),
             ("Food\n\nTom Reyes spoke in Keelby.\n\nAbove all, he praised the mill for choosing a “far calmer” "
              "course than its rivals.", "Tom Reyes"),
             ("Police\n\nIn a post online, the Harbor Police Department thanked neighbours for “the calls that "
              "found her.”", "Harbor Police Department")]
    for text, speaker in cases:
        assert [r[:2] for r in _rows(text)] == [("partial", speaker)], text


def test_questioned_attributes_its_quotation_but_reports_no_clause():
    # before: "questioned" was no speech verb, so "good neighbour" had no speaker; "Cr" was no title
    text = "Council\n\nCr Tom Vane then questioned whether the mayor thought she was a “good neighbour”."
    assert _rows(text) == [("partial", "Tom Vane", "“good neighbour”")]
    # a question of the police is no speech: no speaker for the pronoun after it
    assert _rows("Court\n\nPolice questioned the driver at noon. He told them he was tired.")[0][1] == ""
    # "Cr" is a title: "Cr Vane" and "Tom Vane" are one person
    dm = _DocModel("Council\n\nCr Tom Vane spoke first. Cr Vane said the plan was bad.")
    assert dm.entities.canonical("Vane") == "Tom Vane"


def test_a_demonym_and_a_title_describe_a_person_and_name_none():
    # before: "the Danish PM" was read as a name, "Danish PM", so it never linked to the one it describes
    from framing.quotes.entities import name_in_np
    from framing.quotes.names import NAME_RE
    dm = _DocModel("Talks\n\nThe talks went on.")
    assert name_in_np(dm, NAME_RE.match("Danish PM")) is None
    assert name_in_np(dm, NAME_RE.match("Danish Foreign Minister Lea Brandt")) == "Lea Brandt"
    text = ("Talks\n\nLea Brandt met her counterpart on Monday.\n\nThe Danish PM told reporters that the harbour deal "
            "was close.")
    assert _rows(text) == [("reported", "Lea Brandt", "the harbour deal was close")]


def test_a_plural_party_noun_is_no_he_but_still_a_subject():
    # before: "Keel Democrats" (two capitalised words) could be "he"
    text = ("Hearing\n\nOn Friday, Treasurer Tom Reyes sought to postpone a hearing that Keel Democrats had called. "
            "He accused the Democrats of a “fishing trip” against his staff.")
    assert _rows(text)[-1][:2] == ("partial", "Tom Reyes")
    dm = _DocModel("Guns\n\nKeel Democrats took the floor.")
    assert not compatible(dm, "Keel Democrats", "named", "m")
    assert _rows("Guns\n\nKeel Democrats took the floor at dawn and said they would not leave.") == [
        ("reported", "Keel Democrats", "they would not leave")]


def test_according_to_after_a_tagged_quotation_names_the_channel_not_the_speaker():
    # before: the whole sentence was one reported row of the outlet
    text = ("Summit\n\nAnn Lee arrived on Monday.\n\n“These are hard weeks for the port,” Lee said in her first "
            "speech, according to the Harbor Ledger.")
    assert _rows(text)[-1][:2] == ("direct", "Ann Lee")
    # with no tag of its own, the clause is still the outlet's
    text = "Summit\n\nThe port will “close for good” next year, according to the Harbor Ledger."
    assert _rows(text) == [("reported", "Harbor Ledger", "The port will “close for good” next year")]


def test_a_portfolio_written_as_a_name_is_no_person():
    # before: "Rural Affairs" (from "Party Rural Affairs whip") was the last person subject, so "she" took it
    text = ("Keel\n\nMinister of Fisheries Ada Quill defended the ban.\n\nKeel Labour Party Rural Affairs whip in the "
            "assembly, Bo Stroud said Quill had misled the house.\n\nHe also wondered how the minister could call the "
            "protest a stunt when she had told MPs that officers were looking into it.")
    assert _rows(text)[-1][:2] == ("reported", "Ada Quill")
    from framing.quotes.speakers import person_like
    dm = _DocModel("Mining\n\nJim Justice spoke. Rural Affairs met.")
    assert person_like(dm, dm.entities.by_name["Jim Justice"])
    assert not person_like(dm, dm.entities.by_name["Rural Affairs"])


def test_a_bullet_or_a_linking_adverb_is_no_part_of_a_speaker():
    # before: "• The embassy", "However a planner for the builder"
    assert _rows("Vote\n\n• The embassy said the count was unfair.")[0][1] == "The embassy"
    assert _rows("Council\n\nHowever a planner for the builder said the drawings were fine.")[0][1] == (
        "a planner for the builder")


def test_encouraged_and_instructed_report_a_request_as_urged_does():
    # before: no speech verbs, so the request was no row
    assert _rows("Strike\n\nGuild chair Ivo Park encouraged every driver to stop work on Monday.") == [
        ("reported", "Ivo Park", "every driver to stop work on Monday")]
    assert _rows("Law\n\nThe judge instructed the jury to ignore the remark.") == [
        ("reported", "The judge", "the jury to ignore the remark")]
    # finite forms only: an infinitive stands in another clause
    assert _rows("Strike\n\nThe board wants to encourage young staff to stay.") == []


def test_a_new_subject_after_but_may_have_an_adverb_before_its_verb():
    # before: an adverb after "but Harbor County Council" hid the new subject, so "saying" went to Ann Lee (and
    # "refuted" was no speech verb)
    text = ("Tribunal\n\nAnn Lee, who ran the canteen until 2011, thought the case was over but Harbor County Council "
            "later refuted it, saying it was wrong.")
    assert _rows(text) == [("reported", "Harbor County Council", "it was wrong")]


def test_a_ministry_keeps_its_portfolio_and_is_no_person():
    # before: "the Keel Ministry of Foreign Affairs" was read as a title and the name "Affairs", a person "he" took
    from framing.quotes.entities import _name_of, name_words
    info = _name_of("The Keel Ministry of Foreign Affairs", set(), name_words(None))
    assert info[0] == "Keel Ministry of Foreign Affairs" and info[3]
    assert _name_of("Foreign Minister Ann Lee", set(), name_words(None))[0] == "Ann Lee"
    text = ("Talks\n\nEnvoy Omar Vale met his hosts on Sunday. The Keel Ministry of Foreign Affairs wrote that "
            "talks went well.\n\nHe called the blockade “a crime” on Monday.")
    assert _rows(text)[-1][:2] == ("reported", "Omar Vale")


def test_a_parliament_side_is_no_he():
    # before: "The Minority said … He explained" gave "he" to "Minority"
    text = ("Parliament\n\nThe Minority said it would boycott the sitting.\n\n"
            "He explained that the Speaker had ignored them.")
    assert _rows(text)[-1][:2] == ("reported", "")
    dm = _DocModel("Parliament\n\nThe Minority walked out.")
    assert not compatible(dm, "Minority", "named", "m")


def test_a_quoted_title_of_a_work_does_not_cut_the_clause_before_a_speech_verb():
    # before: "the song “Rain”" ended the subject region, so "said" took the singer named after it
    text = ("Awards\n\nByrne also sang the song “Rain” with soul singer Tia Moss and said that was less scary than "
            "the stairs.")
    assert _rows(text)[-1][:2] == ("reported", "Byrne")
    # a title that closes its phrase with a comma still cuts ("the show “Harbor Nights,” said …")
    from framing.quotes.document import _DocModel as D
    dm = D("TV\n\nTom Berg, the star of the show “Harbor Nights,” said the ratings were fine.")
    v = dm.text.index("said")
    assert dm.clause_quote_end(0, v) == dm.last_quote_end(0, v) > 0


def test_a_headline_description_names_the_one_person_holding_all_its_words():
    # before: "calls" gave Ann Vale the words before it as a title, and two leaders (Harbor Union, Conservative)
    # left the headline's description unlinked
    text = ("Harbor Union leader calls Ann Vale a 'fraud' as the council returns\n\nHarbor Union leader Ida Marsh "
            "opened the sitting on Monday and called Conservative leader Ann Vale a fraud.\n\n"
            "“It was over the top,” Marsh said.")
    assert _rows(text)[0][:2] == ("partial", "Ida Marsh")
    dm = _DocModel("Vote\n\nHarbor leader calls Ann Vale a fraud.")
    assert "lead" not in dm.entities.by_name["Ann Vale"].descr


# --------------------------------------------------------------------------- session 27: descriptions, again


def test_a_description_then_a_comma_introduces_the_name_after_it():
    # before: "the town's mayor, Ann Vale" was read as a mayor the text may never name (only "the town's mayor Ann
    # Vale", with no comma, introduced her), so "the mayor" later stayed a description
    text = ("Storm\n\nThe wind struck the hills near the home of the town’s mayor, Ann Vale.\n\n"
            "Tiles fell off the roof of Vale’s home, but the mayor said the harm was slight.")
    assert _rows(text) == [("reported", "Ann Vale", "the harm was slight")]


def test_a_title_holder_after_a_preposition_is_the_one_the_description_means():
    # before: the only person near "the mayor" stood after a preposition ("the roof of Vale's house"), so no nearer
    # person was eligible and the one holder of the title was not taken either
    from framing.quotes.speakers import link_descriptor
    text = ("Storm\n\nThe wind struck the home of the town’s mayor, Ann Vale.\n\n"
            "Tiles fell off the roof of Vale’s home, but the mayor said it was fine.")
    dm = _DocModel(text)
    assert link_descriptor(dm, "the mayor", text.index("the mayor said")) == "Ann Vale"
    # two holders of the title: no one
    two = text.replace("Storm\n\n", "Storm\n\nMayor Bo Reyes of the next town was away.\n\n")
    dm2 = _DocModel(two)
    assert link_descriptor(dm2, "the mayor", two.index("the mayor said")) == ""


def test_the_lead_is_found_after_a_repeated_headline_and_a_byline():
    # before: the lead was the second line whenever the first was a headline, so a repeated headline was the "lead"
    # and the lead's "A judge" stayed unnamed
    head = "Judge praises ferry crew for calm in storm"
    text = (f"{head}\n\n{head}\n\nA judge commended the ferry crew for their “cool heads” during a storm.\n\n"
            "Judge Mara Quill made the remarks at the end of an inquest in Keelby.")
    assert _rows(text)[0][:2] == ("partial", "Mara Quill")
    dm = _DocModel(text)
    from framing.quotes.speakers import _lead_paragraph
    assert _lead_paragraph(dm) == 2
    assert _lead_paragraph(_DocModel("Ferry crew praised\n\nA judge praised the crew.")) == 1
    assert _lead_paragraph(_DocModel("A judge praised the crew.\n\nShe said more.")) == 0


def test_a_lead_source_by_title_is_the_one_person_holding_it_named_after():
    # before: "a spokesman" (a source news often leaves unnamed) was never linked, though the next paragraph names the
    # one spokesman of the text
    text = ("Crews worked across the county on Friday to restore power to homes still cut off after the storm, "
            "a spokesman said.\n\nMost of the outages were small, Keelby Power spokesman Tom Orrin said on Friday.")
    rows = _rows(text)
    assert [r[1] for r in rows] == ["Tom Orrin", "Tom Orrin"]
    # a person with no such title named next: the spokesman stays unnamed
    other = ("Crews worked across the county on Friday to restore power to homes, a spokesman said.\n\n"
             "Tom Orrin, 45, said he had no power for two days.")
    assert _rows(other)[0][1] == "a spokesman"


def test_a_description_modifier_beside_no_other_person_does_not_block_the_link():
    # before: "Harbors" never shared a sentence with Tom Brandt, so "the Harbors coach" stayed a description
    text = ("Basketball\n\nAny win counts, and the Keelby Harbors took one on Friday.\n\n"
            "Tom Brandt put it best after the win over the Dunmore Pacers on Friday:\n\n"
            "“We will take any win we can get,” the Harbors coach said.")
    assert _rows(text)[-1][:2] == ("direct", "Tom Brandt")
    # the modifier beside another person: that person may be the one described
    other = text.replace("the Harbors coach", "the Green coach").replace(
        "took one on Friday", "took one, said Green Party member Ann Lee on Friday")
    assert _rows(other)[-1][:2] == ("direct", "the Green coach")


def test_pointed_that_reports_a_clause_but_pointed_to_does_not():
    # before: "pointed that" was no speech verb, so the clause's own "claimed" made Park the speaker of it and of the
    # "He added" after it
    text = ("Court\n\nDeputy prosecutor Tom Reyes told the court the statement was voluntary.\n\n"
            "Mr Reyes further pointed that Mr Park claimed he was beaten.\n\n"
            "He added that the defendant never told the doctor.")
    assert _rows(text)[1:] == [("reported", "Tom Reyes", "Mr Park claimed he was beaten"),
                               ("reported", "Tom Reyes", "the defendant never told the doctor")]
    assert _rows("Court\n\nThe mayor pointed to the map that the council drew.") == []


def test_a_name_after_comma_and_before_a_finite_verb_is_a_clause_subject():
    # before: only a name within the sentence's first words counted as a subject, so "Fans of the hit Harbor Lights"
    # made the show the antecedent of "She", past "…, and Ann Vale has now set out"
    text = ("Fans of the hit Harbor Lights need not worry about the series ending soon.\n\n"
            "A second season was confirmed last month, and Ann Vale has now set out her hopes.\n\n"
            "Speaking to a radio show, the writer pointed to the books.\n\n"
            "She said, “There are eleven books, so we will not run out of stories.”")
    assert _rows(text)[-1][:2] == ("direct", "Ann Vale")
    from framing.quotes.speakers import _sentence_subject
    dm = _DocModel(text)
    s = text.index("Ann Vale")
    assert _sentence_subject(dm, s, s + len("Ann Vale"))
    # not after "and" in a list, nor before no finite verb
    dm2 = _DocModel("The board met on Friday, and Ann Vale and the others.")
    s2 = dm2.text.index("Ann Vale")
    assert not _sentence_subject(dm2, s2, s2 + len("Ann Vale"))


def test_they_may_mean_a_collective_noun_that_spoke_last():
    # before: "they" took only vague sources and organisations, so "They said" after "the Opposition said" had none
    text = ("Parliament\n\nThe Opposition said it believes the governor still has the power to recall the house.\n\n"
            "They said the power could only be used in special cases.")
    assert [r[1] for r in _rows(text)] == ["Opposition", "Opposition"]
    dm = _DocModel(text)
    assert compatible(dm, "Opposition", "named", "p") and not compatible(dm, "Opposition", "named", "m")


def test_the_session_27_description_links_keep_their_limits():
    # a comma then a name that opens the next clause is no introduction of that name ("After meeting the mayor,
    # Ann Vale said"), nor is a list after a comma
    text = ("Vote\n\nAfter meeting the mayor, Ann Vale said she would run.\n\n"
            "Vale, a trader, left the hall. The mayor said the vote was fair.")
    assert _rows(text)[-1][:2] == ("reported", "The mayor")
    from framing.quotes.speakers import _introduces
    dm = _DocModel("Vote\n\nThe mayor, Tom Reyes and Ann Lee met on Friday. Tom Reyes left.")
    assert not _introduces(dm, dm.text.index(", Tom Reyes and"), "Tom Reyes")
    # the one holder of a title named after a preposition of the description's own clause is not taken, nor for a
    # description with words after its head
    for text in ("Talks\n\nAfter talks with Mayor Ann Vale of Keelby, the mayor of Dunmore said the deal was close.",
                 "Talks\n\nIn an interview with President Dino Marquez, the president said the deal was close."):
        assert _rows(text)[-1][1] not in ("Ann Vale", "Dino Marquez"), text
    # a lead that ends with a quotation's closing mark after its period is the lead, not a headline
    text = ("Ferry crew praised\n\nA judge praised the crew, saying: “They kept calm.”\n\n"
            "Judge Mara Quill made the remarks at the end of an inquest.")
    assert [r[1] for r in _rows(text)] == ["Mara Quill"]
    from framing.quotes.speakers import _lead_paragraph
    assert _lead_paragraph(_DocModel("Harbor claim: ‘The Nerve To….’\n\nA judge praised the crew.")) == 1
    # a possessive modifier is read without its ending
    text = ("Basketball\n\nAny win counts, and the Keelby Harbors took one on Friday.\n\n"
            "Tom Brandt put it best after the win over the Dunmore Pacers on Friday:\n\n"
            "“We will take any win we can get,” the Harbors’ coach said.")
    assert _rows(text)[-1][:2] == ("direct", "Tom Brandt")


# --------------------------------------------------------------------------- session 28: epithets no one else holds


def test_an_epithet_no_other_person_holds_names_the_person_just_quoted():
    # the text gives the person another noun ("chief", "Cr"), and no other person the description's head
    text = ("Party chief Tomas Vell addressed the rally.\n\n“We will win,” Vell said.\n\n"
            "The deposed premier said the vote had been stolen.")
    assert [r[1] for r in _rows(text)] == ["Tomas Vell"] * 2
    text = ("Cr Ana Ruiz spoke against the plan. “It is rushed,” Cr Ruiz said.\n\n"
            "The elected member said residents had not been asked.")
    assert [r[1] for r in _rows(text)] == ["Ana Ruiz"] * 2
    # a listed place before the title may stand, even when the text gives the person an affiliation ("Kiel")
    text = ("Kiel deputy Ana Ruiz spoke. “We were not told,” Ms Ruiz said.\n\n"
            "The North Belfast MLA told reporters the plan was late.")
    assert [r[1] for r in _rows(text)][-1] == "Ana Ruiz"


def test_an_epithet_another_person_could_hold_stays_unlinked():
    cases = (
        # another person of the text is described with the head
        "Party chief Tomas Vell spoke, as did former premier Ida Moss.\n\n“We will win,” Vell said.\n\n"
        "The deposed premier said the vote had been stolen.",
        # a capitalised word of another name ("Harbor" names a party here)
        "Party chief Tomas Vell spoke. The Harbor Party met.\n\n“We will win,” Vell said.\n\n"
        "The Harbor premier said the vote had been stolen.",
        # an office against the person's ("Governor" is not "the senator")
        "Governor Tomas Vell spoke.\n\n“We will win,” Vell said.\n\nThe elderly senator said the vote had been stolen.",
        # words after the head: someone else
        "Party chief Tomas Vell spoke.\n\n“We will win,” Vell said.\n\nThe premier of the region said it was stolen.",
    )
    for text in cases:
        rows = _rows(text)
        assert rows[-1][1] != "Tomas Vell", text


def test_an_organisation_description_with_modifiers_names_the_body_just_quoted():
    text = ("Two officials were held. “We will act,” the Harbor Anti-Fraud Commission said.\n\n"
            "The anti-graft agency said it had arrested two officials.")
    assert [r[1] for r in _rows(text)][-1] == "Harbor Anti-Fraud Commission"
    for text in ("Two officials were held. “We will act,” the Harbor Anti-Fraud Commission said.\n\n"
                 "The rival agency said it had arrested two officials.",
                 "Two officials were held. “We will act,” the Harbor Anti-Fraud Commission said.\n\n"
                 "The Kiel agency said it had arrested two officials."):
        assert [r[1] for r in _rows(text)][-1] != "Harbor Anti-Fraud Commission", text


# --------------------------------------------------------------------------- session 29: a head of the other gender


def test_a_description_of_the_other_gender_is_not_the_person_named_last():
    text = ("Ann Vell, who chairs the harbor board, spoke on Monday. “We will not wait,” Vell said.\n\n"
            "Tomas Berg, a docker, listened.\n\n{} later said that the port would stay open.\n")
    assert _rows(text.format("The chairwoman"))[-1][1] != "Tomas Berg"
    assert _rows(text.format("The chairman"))[-1][1] == "Tomas Berg"   # (the guard: a head of his gender)
