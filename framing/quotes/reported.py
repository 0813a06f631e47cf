"""Reported speech (kind ``reported``): indirect speech, its clause in the writer's words (some of
them may be quoted: see below).

* :func:`reported_after_verb`: a speech verb followed by a *that*-clause ("X said that …"),
  with no complementizer after verbs marked ``zero_that`` in ``data/speech_verbs.csv`` ("X
  said the port …"), "told <whom> that …", "warned of …", a colon ("X said: the port …"), an
  indirect question ("X asked whether …", "X explained how …"), a promise, request or demand by its
  infinitive or object ("X vowed to …", "X urged the board to …", "X called for an audit"), each maybe
  after a parenthetical ("X said, however, that …");
* :func:`reported_inverted`: "According to X, …", "As X noted, …", "As reported by X, …" and "…, according to X." /
  "…, X said." / "…, said X." / "Clause, X said, clause.".

The span runs from the first word of the clause to the end of the sentence (final punctuation
excluded). A clause that quotes some of its words ("said the plan was “a disaster” for the port") is
one ``reported`` row, its quotations inside it (:func:`_mixed_clause`: at least
:data:`MIXED_OUTSIDE_WORDS` words outside them), unless a speech verb before the first quotation
reports it; a clause that is mostly or all quotation is the quote's row. So do the inverted forms
("According to X, …", "…, X said." after a quotation: :func:`_mixed_inverted`); of a row and a
quotation that start at one character, the longer row is kept.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .._data import read_csv_rows
from .document import _SpanSet
from .lexicon import (
    alternation,
    is_participle,
    literal,
    prepositions,
    speech_participles,
    speech_verbs_with,
    word_set,
    words,
)
from .marks import DOUBLE_MARK, rstrip
from .names import NAME_RE, POSS, count_words
from .record import Quote
from .speakers import (
    ABBR_RE,
    FINITE_ALT,
    FINITE_WORD,
    SUBJECT_COMMA,
    UNRESOLVED,
    _Speakers,
    absolute_subject,
    determiner_noun,
    holds_clause,
    modal_before,
    person_like,
    possessive_noun,
    progressive_before,
    resolve_np,
    unresolved_pronoun,
)

_NON_SPEAKER = re.compile(r"(?:" + alternation("non_speaker_start") + r")\b", re.I)
# ... but "those" before "who", a preposition or a word of list ``those_people`` is people ("those surveyed say",
# "those close to him said", "those in the room said"), unlike "those documents show", "those released on Friday show"
_THOSE_PEOPLE = re.compile(r"those[ \xa0]+(?:who|" + "|".join(sorted(prepositions())) + "|"
                           + alternation("those_people") + r")\b", re.I)
# (a name's first word may open with digits before its capital: "told 9News", "told 7News")
_CAP_RUN = r"(?>(?:\d*[A-Z][\w’'.-]*[ \xa0]+){0,5}\d*[A-Z][\w’'.-]*)"   # atomic: a name is never cut to leave a subject
# the object of "told": a name ("told CNN", "told host Ann Lee"), a pronoun or "reporters", or a determiner and
# up to three words that are not prepositions ("told the local newspaper"), as short as the clause after allows
# (the determiner's object never ends inside a run of capitalised words: "told the Valley Morning Ledger." has
# no clause at "Morning", "told a Senate panel the plan …" has one)
_TELL_DET_OBJECT = (r"(?:" + alternation("tell_object_determiner") + r")(?:[ \xa0]+(?!(?:" + alternation("stop_pre")
                    + r")\b)[\w’'.-]+){0,2}?[ \xa0]+(?!(?:" + alternation("stop_pre") + r")\b)"
                    r"(?:[a-z0-9][\w’'.-]*|[A-Z][\w’'.-]*(?![ \xa0]+[A-Z]))")
# (a title between an outlet and a name: "told CNN host Ann Lee"; a place after the object: "told the Ledger of
# Dayton", "told a rally in Omaha")
_TELL_TITLE = (r"(?:[ \xa0]+(?!(?:" + alternation("stop_pre") + "|" + alternation("date_word") + r")\b)[a-z]+[ \xa0]+"
               + _CAP_RUN + ")?")
_TELL_PLACE = r"(?:[ \xa0]+(?:of|" + alternation("place_only_preposition") + r")[ \xa0]+" + _CAP_RUN + ")?"
_TELL_OBJECT = (r"(?:(?:(?:[Tt]he[ \xa0]+|[a-z]+[ \xa0]+)?" + _CAP_RUN + _TELL_TITLE + r"|(?:"
                + alternation("tell_object") + r")|" + _TELL_DET_OBJECT + ")" + _TELL_PLACE + ")")
_TELL_OBJECT_RE = r"[ \xa0]+" + _TELL_OBJECT
OF_OBJECT_LEMMAS = frozenset(words("of_object_lemma"))   # "warned of …": its object is what was said
_WARN_OF = re.compile(r"[ \xa0]+(?:" + alternation("warn_preposition") + r")[ \xa0]+")
#: how far before the verb the relative pronoun of "that inspectors said was …" is looked for
RELATIVE_GAP_CHARS = 60
# a relative pronoun after a comma (a non-restrictive aside: "the ferry, which officials said was unsafe, …"; not
# "Everything that Lee said was a lie"), then a subject of one to four words (no comma, no verb of its own), right
# before the verb
_RELATIVE_SUBJECT_BEFORE = re.compile(r",[ \xa0]+(?:" + alternation("relative_pronoun") + r")[ \xa0]+(?:(?!(?:"
                                      + FINITE_ALT + r")\b)[\w’'.-]+[ \xa0]+){1,4}$")
_AUX_AFTER = re.compile(r"[ \xa0]+(?:" + alternation("finite_marker") + r")\b")
# ... or a restrictive relative (no comma; "that", "which", "what" or none) after a finite verb of the sentence: "a
# ferry line that inspectors said was running …", "a pier the board said was closing", "saw what critics said was a
# snub to …" (not "Everything that Lee said was a lie": there no finite verb comes before the relative,
# and "was" is the sentence's own); the verb after the speech verb is an auxiliary ("the
# place officials say was …") or, after a relative pronoun, any finite verb ("a rule that he said improved …"; not
# "signed the deal she said ended the strike", nor "said in a statement posted by …")
_GAP_SUBJECT_BEFORE = re.compile(r"(?<![\w’'-])(?P<rel>(?:that|which|what)[ \xa0]+)?(?:(?!(?:" + FINITE_ALT
                                 + r"|that|which|what)\b)[\w’'.-]+[ \xa0]+){1,4}$")
_FINITE_AFTER = re.compile(r"[ \xa0]+(?:" + FINITE_ALT + r")\b")
# a lower-case word, then a capitalised one: two noun phrases ("the letter Ann Lee"), never one relative's subject
_TWO_NOUN_PHRASES = re.compile(r"\b[a-z][\w’'-]*[ \xa0]+[A-Z]")
# a word that opens a clause of its own between the sentence's verb and a gap relative
_GAP_CLAUSE_OPENER = re.compile(r"\b(?:" + alternation("gap_clause_opener") + r")\b", re.I)
#: how far before a gap relative ("… that inspectors said was …") the sentence's own finite verb is looked for
GAP_MAIN_VERB_CHARS = 300
#: the most characters of an adverbial between a speech verb and its "that" ("said at a news conference last
#: week that"); after an adverbial, "that" before a finite verb is a relative pronoun ("said in the weeks that
#: followed"). Chosen on PolNeAR select, session 9 (speech-cue cover F1 75.3 / 75.4 / 75.3 with 40 / 60 / 80)
ADJUNCT_CHARS = 60
# ... a relative "that" is followed by an auxiliary, or by a past tense (-ed, irregular, list ``relative_verb``) and
# then a closed-class word, a preposition, a pronoun, a particle or punctuation ("in the weeks that followed the vote",
# "the crowd that gathered outside", "the family that lost its home", "a crowd that poured out"); "that armed men
# attacked", "that spent fuel would …", "that Ahmed Khan" open clauses
_AFTER_RELATIVE_VERB = (r"(?:[ \xa0]+(?:" + alternation("stop_pre") + "|" + "|".join(sorted(prepositions())) + "|"
                        + alternation("object_pronoun") + "|" + alternation("verb_particle") + r")\b|[,.;:])")
_RELATIVE_THAT_VETO = (r"(?-i:(?!(?:" + alternation("finite_marker") + r")\b|(?:[a-z]+ed|"
                       + alternation("irregular_past") + "|" + alternation("relative_verb") + r")"
                       + _AFTER_RELATIVE_VERB + r"))")
#: a reported clause holding quotations is one row when at least this many of its words lie outside them
MIXED_OUTSIDE_WORDS = 3
#: ... and it holds at most this many quotations (more is no clause but a run of quotes; the bound also keeps
#: the test of each verb of a long sentence from reading every quotation after it)
MIXED_MAX_QUOTES = 10
# "that" and, after it, maybe a comma that opens a parenthetical ("that, if chosen, she would …"; "that, during the
# years when the two were partners, …": up to THAT_ASIDE_CHARS characters)
THAT_ASIDE_CHARS = 100
# ... not a demonstrative: "said that at a briefing.", "told reporters that on Monday." (a preposition after it, then
# up to the sentence's end, within THAT_ASIDE_CHARS characters, no comma, finite verb, subject pronoun or determiner
# after a word that is no preposition: "that in her view the plan makes sense" is a clause; only a period after
# three lower-case letters or digits ends the sentence: "Sen." or "$3.2" does not)
_PREPOSITION_ALT = "|".join(sorted(prepositions()))
_DEMONSTRATIVE_STOP = (r"\b(?:" + FINITE_ALT + "|" + alternation("pronoun_subject") + r")\b|\b(?!(?:" + _PREPOSITION_ALT
                       + r")\b)[\w$%-]+[ \xa0]+(?:" + alternation("determiner") + r")\b")
_DEMONSTRATIVE_THAT = (r"[ \xa0]+(?:" + _PREPOSITION_ALT + r")\b(?:(?!" + _DEMONSTRATIVE_STOP + r")[^,.;:!?“”\"\n]"
                       r"|\.(?!(?-i:(?<=[a-z0-9]{3}\.))(?:\s|$))){0," + str(THAT_ASIDE_CHARS)
                       + r"}(?-i:(?<=[a-z0-9]{3}))[.;!?](?:\s|$)")
_THAT = (r"that(?!" + _DEMONSTRATIVE_THAT + r")(?:,(?=[ \xa0]+[^,.;:“”\"]{1," + str(THAT_ASIDE_CHARS) + r"},))?"
         r"[ \xa0]+")
_CLAUSE_START_RE = (r"(?:[ \xa0]+(?:" + alternation("clause_lead_adverb") + r"|\w+day|[\w-]+ly|[A-Z][a-z]+\s\d+|\d+)\b"
                    # (no auxiliary in it but one after a relative pronoun: "said Thursday his worry is that he …"
                    # has its clause at "his"; "said at a hearing that was broadcast live that …" at the second "that")
                    r"(?:(?!(?<!\bthat )(?<!\bwhich )(?<!\bwho )\b(?-i:" + alternation("finite_marker")
                    + r")\b)[^,.;:“”\"]){0," + str(ADJUNCT_CHARS)
                    + r"}?[ \xa0]+" + _THAT + _RELATIVE_THAT_VETO
                    # "said that’s …", "said that was …": "that" is the clause's subject
                    + r"|[ \xa0]+(?=that(?:[’']s\b|[ \xa0]+(?:" + alternation("finite_marker") + r")\b))"
                    + r"|[ \xa0]+" + _THAT + ")")
# ... after the object of "told", "that" before a past tense may be a relative pronoun on the object ("told a crowd
# at the pier that poured out …")
_TELL_CLAUSE_START_RE = _CLAUSE_START_RE[:-1] + _RELATIVE_THAT_VETO + ")"
_CLAUSE_START = re.compile(_CLAUSE_START_RE, re.I)
# "said, however, that …": a parenthetical of a few words set off by commas right after the verb ("stated, while
# testifying before the committee last week, that …": up to ASIDE_CHARS characters); none opens with an auxiliary
# ("Most of the piers, he said, have served …": the verb is the aside, what follows it the sentence's predicate; in
# lower case only: "announced, May 5, that …", "said, Will Park included, that …")
ASIDE_CHARS = 60
_PARENTHETICAL = re.compile(r",[ \xa0]+(?!(?:" + alternation("clause_coordinator") + "|"
                            + alternation("clause_relative") + r")\b)(?!(?-i:" + alternation("finite_marker") + r")\b)"
                            r"[^,.;:“”\"]{1," + str(ASIDE_CHARS)
                            + r"},(?=[ \xa0])"
                            # … or set off by dashes: "said — on a podcast, as it happens — that …"
                            r"|[ \xa0]+(?:—|--)[ \xa0]*[^.;:“”\"—]{1,40}?[ \xa0]*(?:—|--)(?=[ \xa0])", re.I)
#: a clause with no "that" has its finite verb within this many words (PolNeAR select, speech-cue cover F1:
#: 72.9 with 6, 73.0 with 8)
CLAUSE_VERB_WORDS = 8
# ... and "a reported 8.5 million", "the alleged plot": an -ed word right after an article is no verb
# (no relative pronoun on the way: "announced a plan for the port that needed money" is a noun phrase)
_CLAUSE_GAP = (r"(?:[ \xa0]+(?!(?:" + alternation("clause_relative") + r")\b)[\w’'$%-]+){0,"
               + str(CLAUSE_VERB_WORDS - 1) + r"}?[ \xa0]+(?<!\b[Aa] )(?<!\b[Aa]n )(?<!\b[Tt]he )")
# a time phrase right after the verb ("said last week on the radio", "said earlier this week"; not "said last
# year's budget …", "said earlier estimates …"): no clause's subject
_TIME_PHRASE = (r"(?:(?:" + alternation("time_lead") + "|" + alternation("time_modifier") + r")[ \xa0]+)+(?:"
                + alternation("time_noun") + r")\b(?![’'])(?![ \xa0]+(?:" + FINITE_ALT + r")\b)")
# a clause with no "that": a word of list ``subject_start``, a capitalised word or a number opens it, but no time
# phrase ("said earlier this week"), no time counted back that ends the sentence part ("noted two weeks later.";
# list ``time_back``) and no number of a time noun before a preposition ("said 20 minutes into the hearing"; "said
# 10 years ago the city was broke" is one)
_TIME_BACK = (r"(?:[\w-]+[ \xa0]+){0,2}(?:" + alternation("time_noun") + r")[ \xa0]+(?:" + alternation("time_back")
              + r")[ \xa0]*(?:[.,;:!?]|$)")
_ZERO_THAT_RE = (r"[ \xa0]+(?!" + _TIME_PHRASE + "|" + _TIME_BACK + r"|\d[\d,.]*[ \xa0]+(?:" + alternation("time_noun")
                 + r")[ \xa0]+(?:" + "|".join(sorted(prepositions())) + r")\b)(?=(?:" + alternation("subject_start")
                 + r"|[A-Z][\w’'-]+|\d+)\b|(?:[A-Z]\.){2,}[ \xa0])")   # (or initials: "said U.S. spending was …")
_ZERO_THAT = re.compile(_ZERO_THAT_RE)
# "said more than 300 crews left …", "says too many pilots are …": a quantity opens the clause's subject
# (a number after the lead: not "said more than she should have"; "too many" before a noun: not "said too much")
# (not a quantity of time or times, "said so many times the …", nor one an adverbial clause follows: "said about 10
# words before the vote was called")
_NOT_A_COUNTED_NOUN = r"(?:" + alternation("time_noun") + r"|times)\b"
# (numbers on the way: "said more than 4,000 to 9,000 crews had left"; no relative or subordinator)
_QUANTITY_GAP = (r"(?:[ \xa0]+(?!(?:" + alternation("clause_relative") + "|" + alternation("open_clause_cut") + "|"
                 + alternation("np_clause_cut") + r")\b)(?:\d[\d,.]*\d|[\w’'$%-]+)){0," + str(CLAUSE_VERB_WORDS - 1)
                 + r"}?[ \xa0]+")
_QUANTITY_CLAUSE = re.compile(r"[ \xa0]+(?=(?:(?:" + alternation("clause_quantity_lead") + r")[ \xa0]+(?:\d[\d,.%]*|(?:"
                              + alternation("share_word") + r"))\b(?![ \xa0]+" + _NOT_A_COUNTED_NOUN + r")|(?:"
                              + alternation("clause_many_lead") + r")[ \xa0]+(?!(?:" + alternation("stop_pre")
                              + r")\b|" + _NOT_A_COUNTED_NOUN + r")[a-z][\w’'-]*)" + _QUANTITY_GAP + r"(?:" + FINITE_ALT
                              + r")\b)")
# "said local police were called": a lower-case word (no preposition, adverb, finite verb or "yes", "nothing", ...)
# opens the subject of a clause with no "that" when a finite verb follows within CLAUSE_VERB_WORDS words
# (a word in -ed first is a finite verb, "what he said happened", unless a lower-case word that no list closes follows
# it: then it is an adjective opening the subject, "said prolonged dry weather was"; only where a finite verb must
# follow, so not in _SAY_BARE: "what she said happened next at the quay")
_FIRST_FINITE = (alternation("finite_marker") + "|" + alternation("irregular_past") + r"|[a-z]+ed(?![ \xa0]+(?!(?:"
                 + alternation("stop_pre") + "|" + alternation("finite_marker") + r"|\w+ly)\b)[a-z])")
_BARE_CLAUSE = re.compile(r"[ \xa0]+(?!" + _TIME_PHRASE + r")(?=(?!(?:" + alternation("stop_pre") + "|"
                          + alternation("bare_subject_veto")
                          + "|" + _FIRST_FINITE + r"|\w+ly)\b)[a-z][\w’'-]*" + _CLAUSE_GAP + r"(?:"
                          + FINITE_ALT + r")\b)")
# "said executives often fail to …": after "say" (which takes a clause, hardly ever a noun phrase) a lower-case
# word that no list vetoes opens a clause of at least SAY_CLAUSE_WORDS words even when no finite verb is seen
# (a present tense has no marker: "fail", "needs"); not when "that" follows closely ("said all year that …")
SAY_CLAUSE_WORDS = 4
_SAY_LEMMAS = frozenset(words("say_lemma"))
_SAY_BARE = re.compile(r"[ \xa0]+(?![^,.;:“”\"]{0,30}\bthat\b)(?!" + _TIME_PHRASE + r")(?=(?!(?:"
                       + alternation("stop_pre") + "|"
                       + alternation("bare_subject_veto") + "|" + FINITE_ALT + r"|\w+ly)\b)[a-z][\w’'-]*"
                       # (a comma before a name may follow a word: "said comments from Lee, Ruiz and Berg were …")
                       r"(?:(?:,(?=[ \xa0]+[A-Z]))?[ \xa0]+[\w’'$%-]+){" + str(SAY_CLAUSE_WORDS - 1) + "})")
# "said “the old quay” will close …": a quotation that opens a clause going on after it (no comma or stop inside
# its closing mark, and a lower-case word after it that is no conjunction of list ``quote_continuation_veto``, no
# preposition, adverb or time word: "said “we won” and left", "said “no comment” to reporters", "said “yes” twice")
_SAY_QUOTE_CLAUSE = re.compile(r"[ \xa0]+(?=(?:[“\"]|'')[^“”\"\n]{1,200}?[^.,!?;:'](?:[”\"]|'')[ \xa0]+(?:(?!(?:"
                               + alternation("quote_continuation_veto") + "|" + "|".join(sorted(prepositions()))
                               + "|" + alternation("time_modifier") + "|" + alternation("time_lead") + "|"
                               + alternation("modal_adverb") + r"|\w+ly)\b)[a-z]"
                               # (… unless a finite verb follows soon: "said “a few bad actors” at the agency had …")
                               r"|(?!(?:" + alternation("quote_continuation_veto") + r")\b)[a-z]"
                               r"[^.,;:“”\"\n]{0,40}?\b(?:" + FINITE_ALT + r")\b))")
# "noted the bridge had closed", "announced Ruiz would stay": a clause with no "that" after a ``zero_that=finite``
# verb (one that also takes a noun object: "announced the discovery") needs a finite verb as close
_FINITE_CLAUSE = re.compile(r"[ \xa0]+(?!" + _TIME_PHRASE + r")(?=(?:(?:" + alternation("subject_start")
                            + r"|[A-Z][\w’'-]*)\b|(?!(?:"
                            + alternation("stop_pre") + "|" + alternation("bare_subject_veto")
                            + "|" + FINITE_ALT + r"|\w+ly)\b)[a-z][\w’'-]*)" + _CLAUSE_GAP + r"(?:"
                            + FINITE_ALT + r")\b)")
#: where a reported clause stops inside its sentence: ";" or a comma before a clause of the writer's
CLAUSE_BREAK = re.compile(r";|,(?=[ \xa0]+(?:" + alternation("clause_break") + r")\b)")
# "told <object> [that] <clause>" in one pattern, so that the object is as short as the clause after it allows
_TELL_CLAUSE = re.compile(_TELL_OBJECT_RE + r"(?:(?i:" + _TELL_CLAUSE_START_RE + r")|" + _ZERO_THAT_RE + r")")
# "told the Gazette, however, that …": a parenthetical between the object and "that"
_TELL_ASIDE_THAT = re.compile(_TELL_OBJECT_RE + r"(?i:" + _PARENTHETICAL.pattern + r")(?i:" + _CLAUSE_START_RE + r")")
# "told foundation employees on Thursday that …", "told tax auditors that …": a bare object of one to three words
# (no preposition), only with an explicit "that" (with no "that", "told party members were …" is no clause)
_TELL_BARE_THAT = re.compile(r"(?:[ \xa0]+(?!(?:" + alternation("stop_pre") + r")\b)[A-Za-z][\w’'.-]*){1,3}(?i:"
                             + _CLAUSE_START_RE + r")")
# "told members of the union's board that …", "told The Daily Ledger's editors that …": a longer object, with "of"
# and articles inside it (list ``tell_object_inner``), only before a "that" that is no relative pronoun
_TELL_WORD = r"(?!(?:" + alternation("stop_pre") + r")\b)[A-Za-z][\w’'.-]*"
_TELL_LONG_THAT = re.compile(r"[ \xa0]+(?:(?:" + alternation("tell_object_determiner") + r")[ \xa0]+)?" + _TELL_WORD
                             + r"(?:[ \xa0]+(?:" + _TELL_WORD + "|(?:" + alternation("tell_object_inner")
                             + r")\b)){1,6}"
                             r"[ \xa0]+that[ \xa0]+" + _RELATIVE_THAT_VETO)
#: verbs other than "tell" that may take their addressee before the clause ("warned residents that …")
_ADDRESSEE_LEMMAS = frozenset(words("addressee_lemma"))
# a date word right after the verb is its time ("said Monday the …"), not a possessive subject ("said Monday’s vote …")
_DATE_WORD = re.compile(r"^(?:" + alternation("date_word") + r")\b(?![’']s\b)")
# a time after a speech verb: "on Friday", "Friday night", "yesterday", "last week"
_TIME_RE = (r"(?:[ \xa0]+(?:(?:" + alternation("time_lead") + r")[ \xa0]+)?(?:on[ \xa0]+)?(?:\w+day|"
            + alternation("tail_time") + r"|(?:" + alternation("time_modifier")
            + r")[ \xa0]+\w+|(?:" + alternation("month_before_day") + r")[ \xa0]+\d{1,2}(?:st|nd|rd|th)?\b)"
            r"(?:[ \xa0]+(?:" + alternation("date_part") + r"))?)")
# "X said: the port will open" / "X told reporters on Monday: …": a colon after the verb (and its object or a
# time) opens a clause to the end of the sentence when no quotation mark follows it
_TIME_AFTER_RE = _TIME_RE + "?"
# a time that ends its clause ("… this week.", "… last month,"): no clause of its own
_TIME_ENDS_CLAUSE = re.compile(_TIME_RE + r"[ \xa0]*(?:[.,;:]|$)")
_COLON_RE = _TIME_AFTER_RE + r"[ \xa0]*:[ \xa0]+(?=[^\W_])"
_COLON_CLAUSE = re.compile(_COLON_RE)
# "said on Friday the city was calm": a time between a ``zero_that`` verb and its clause
_TIME_ZERO_THAT = re.compile(_TIME_RE + _ZERO_THAT_RE)
# "announced on Oct. 9 she was …": a time between a ``zero_that=finite`` verb and its clause
_TIME_FINITE_CLAUSE = re.compile(_TIME_RE + _FINITE_CLAUSE.pattern)
# "told the Ledger last week she would …": a time between the object of "told" and its clause
_TELL_TIME_CLAUSE = re.compile(_TELL_OBJECT_RE + _TIME_RE + r"(?:(?i:" + _TELL_CLAUSE_START_RE + r")|" + _ZERO_THAT_RE
                               + r")")
_TELL_COLON = re.compile(_TELL_OBJECT_RE + _COLON_RE)
# a demand reported by its object: "called for an inquiry", "demanded a recount" (lemmas of list ``np_request_lemma``;
# not before a preposition, a date or a coordinator: "demanded on Monday", "called for and won")
_NP_REQUEST_LEMMAS = frozenset(words("np_request_lemma"))
_NP_REQUEST = re.compile(r"[ \xa0]+(?!(?:" + alternation("date_word") + "|" + "|".join(sorted(prepositions()))
                         + "|" + alternation("clause_coordinator") + r")\b)(?=[\w$“\"])")
# "explained how …", "recalled what …" (lemmas of list ``wh_lemma``, words of list ``wh_clause_word``)
_WH_LEMMAS = frozenset(words("wh_lemma"))
_WH_CLAUSE = re.compile(r"(?:" + _TELL_OBJECT_RE + r")?[ \xa0]+(?=(?:" + alternation("wh_clause_word") + r")[ \xa0])")
# "called the plan “a disgrace”", "described the fee as “a tax on fishing”" (lemmas of list ``naming_lemma``): the
# object (one to six words, no preposition or coordinator first, no finite verb, no punctuation but a parenthesis)
# and the quoted label right after it (after a comma a quotation is as often direct speech: "called the tower, “We
# have lost an engine”")
# (an -ed word right after an article or a possessive is an adjective: "called the council's proposed levy “…”")
_AFTER_DETERMINER = (r"(?:(?<=\bthe )|(?<=\ba )|(?<=\ban )|(?<=\bits )|(?<=\bhis )|(?<=\bher )|(?<=\btheir )"
                     r"|(?<=[’'] )|(?<=[’']s ))")
_NAMING_WORD = (r"(?!(?:" + alternation("finite_marker") + "|" + alternation("irregular_past") + r")\b)(?!(?!"
                + _AFTER_DETERMINER + r")[a-z]+ed\b)[^\s,.;:“”\"—–]+")
# ... a label is no adjunct, clause or sentence: it opens with no preposition, "to", subordinator, subject pronoun or
# auxiliary ("called police “because they feared …”", "called a session “to deal with …”", "called Portly “wants …”")
_NAMING_LABEL_VETO = (r"(?!(?i:" + "|".join(sorted(prepositions())) + "|to|" + alternation("np_clause_cut") + "|"
                      + alternation("open_clause_cut") + "|" + alternation("pronoun_subject") + "|"
                      + alternation("finite_marker") + r")\b)")
_NAMING = re.compile(r"[ \xa0]+(?=(?!(?:" + "|".join(sorted(prepositions())) + "|" + alternation("clause_coordinator")
                     + r")\b)"
                     + _NAMING_WORD + r"(?:[ \xa0]+" + _NAMING_WORD + r"){0,5}?[ \xa0]+(?:as[ \xa0]+)?(?:[“\"]|'')"
                     + _NAMING_LABEL_VETO + ")")
_NAMING_LEMMAS = frozenset(words("naming_lemma"))
_NAMING_END = re.compile(r"[,;—–]|[ \xa0]--?[ \xa0]|\b(?:" + FINITE_ALT + "|" + alternation("np_clause_cut") + "|"
                         + alternation("open_clause_cut") + r")\b"
                         # ("that" before a subject opens a clause; before a verb it is a relative on the label)
                         + r"|\bthat(?=[ \xa0]+(?:(?:" + alternation("article") + "|" + alternation("pronoun_subject")
                         + r")\b|[A-Z]))|\b(?:"
                         # (a second label goes on: "called it “a farce” and “a disgrace”")
                         + alternation("clause_coordinator") + r")\b(?![ \xa0]+(?:(?:" + alternation("article")
                         + r")[ \xa0]+)?(?:[“\"]|''))")
_QUESTION_LEMMAS = word_set("question_lemma")   # ("asked whether …", "inquired why …")
# "X asked [reporters] whether …": an indirect question, from its question word
_ASK_CLAUSE = re.compile(r"(?:" + _TELL_OBJECT_RE + r")?[ \xa0]+(?=(?:" + alternation("question_word") + r")[ \xa0])")


# a promise or a request reported by its infinitive (``type`` commissive or directive in ``speech_verbs.csv``): "vowed
# to appeal", "urged the board to wait" (the content holds the addressee, as PolNeAR annotates it); "to" before a
# noun phrase ("pledged to the party", "asked them to a meeting") reports nothing
# (a quotation may open before "to" or after it: "urged them “to act”", "told the crews to “keep calm”")
_INFINITIVE_VERB = (r"(?:not[ \xa0]+)?(?:[“\"]|'')?to[ \xa0]+(?:[“\"‘]|'')?(?!(?:" + alternation("stop_pre") + "|"
                    + alternation("tell_object_determiner") + "|" + alternation("tell_object") + "|"
                    + alternation("not_infinitive") + r")\b)[a-z]")
_COMMITMENT_TO = re.compile(r"[ \xa0]+(?=" + _INFINITIVE_VERB + ")")
_REQUEST_TO = re.compile(r"(?=[ \xa0]+(?!(?:" + alternation("date_word") + r")\b)(?:" + _TELL_OBJECT
                         # (or one to three bare words: "urged voters to", "urged county residents to"; not an
                         # adverb, "asked again to", "asked repeatedly to", nor a time, "asked several times to")
                         + r"|(?!(?:" + alternation("stop_pre") + "|" + alternation("aux_adverb") + r"|not|[a-z]+ly)\b)"
                         r"(?P<bare>[a-z][\w’'-]*(?:[ \xa0]+(?!(?:" + alternation("stop_pre") + "|"
                         + alternation("aux_adverb") + r"|not|[a-z]+ly)\b)[a-z][\w’'-]*){0,2})"
                         + "".join(r"(?<!\b" + re.escape(w) + ")" for w in words("time_noun") + ("times",)) + ")"
                         + _TIME_RE + r"?[ \xa0]+" + _INFINITIVE_VERB + r")[ \xa0]+")   # ("asked Lee on Monday to …")
_INFINITIVE_REPORT = {"commissive": _COMMITMENT_TO, "directive": _REQUEST_TO}
# ... and of a verb of another type that also requests ("told the crews to wait", "warned the city not to build")
_REQUEST_LEMMAS = frozenset(words("request_lemma"))
_ACC_LEAD = re.compile(r"\(?According to ([^,]{2,80}),[ \xa0]+")   # (in parentheses too: "(According to X, …)")
# "In his opinion, clause." / "In Lee's view, …" / "In the view of the board, …": an opinion the clause reports (the
# source is group "own", a possessive pronoun or name, or group "of")
_VIEW_LEAD = re.compile(r"In[ \xa0]+(?:(?P<own>" + alternation("possessive_pronoun") + r"|" + NAME_RE.pattern
                        + r"[’']s?)[ \xa0]+(?P<noun>" + alternation("opinion_noun") + r")|the[ \xa0]+(?P<noun2>"
                        + alternation("opinion_noun") + r")[ \xa0]+of[ \xa0]+(?P<of>[^,]{2,80})),[ \xa0]+")
_POSSESSIVE_SUBJECT = {"his": "he", "her": "she", "their": "they", "its": "it"}


def _source_lead(sent: str) -> tuple[str, str, int] | None:
    """The source, cue and end of a lead that attributes the clause after it: "According to X, …" (:data:`_ACC_LEAD`),
    "In his view, …", "In the opinion of X, …" (:data:`_VIEW_LEAD`); else None."""
    m = _ACC_LEAD.match(sent)
    if m is not None:
        return m.group(1), "according to", m.end()
    m = _VIEW_LEAD.match(sent)
    if m is None:
        return None
    own = m.group("own")
    if own is not None:
        np_ = _POSSESSIVE_SUBJECT.get(own.lower(), POSS.sub("", own))
        return np_, f"in {own} {m.group('noun')}", m.end()
    return m.group("of"), f"in the {m.group('noun2')} of", m.end()
# "As Okafor noted, clause." / "…, and as the paper reported, clause.": the clause after the comma is the report
_AS_OPEN = r"(?:^(?:(?:And|But)[ \xa0]+)?|,[ \xa0]+(?:and|but)[ \xa0]+)[Aa]s[ \xa0]+"
_AS_LEAD = re.compile(_AS_OPEN + r"(?P<np>[^,.;“”\"]{2,60}?)[ \xa0]+(?P<verb>"
                      + "|".join(speech_verbs_with("inverted_tail", "np_verb")) + r")" + _TIME_RE + "?"
                      r",[ \xa0]+(?=\w)")
# "As reported by the Courier, clause." / "As first noted by Lee, clause.": the passive of the same lead
_AS_BY_LEAD = re.compile(_AS_OPEN + r"(?:(?:" + alternation("as_by_adverb") + r"|[a-z]+ly)[ \xa0]+)?(?P<verb>"
                         + "|".join(speech_verbs_with("inverted_tail", "np_verb")) + r")[ \xa0]+by[ \xa0]+"
                         r"(?P<np>[^,.;“”\"]{2,60}?)" + _TIME_RE + "?" r",[ \xa0]+(?=\w)")
_PERSONAL = frozenset(words("pronoun_m") + words("pronoun_f") + words("pronoun_p"))
_NP_VERB = "|".join(speech_verbs_with("inverted_tail", "np_verb"))
# "…, a spokeswoman, Ann Lee, said.": the source's name set off by commas after its description
_NAME_APPOSITION = r"(?:,[ \xa0]+[A-Z][\w’'.-]*(?:[ \xa0]+[A-Z][\w’'.-]*){0,3},)?"
_VERB_NP = "|".join(speech_verbs_with("inverted_tail", "verb_np"))
_DIRECTIVE_VERB = "|".join(literal(v) for v in speech_verbs_with("type", "directive"))   # ", and asked …"
_NAME_WORDS = r"[A-Z][\w’'.-]*(?:[ \xa0]+[A-Z][\w’'.-]*){0,3}"
# "…, Tom Berg, the undersecretary for ports, wrote.": a name, then its description set off by commas
_NAME_DESCRIPTION = _NAME_WORDS + r",[ \xa0]+(?:" + alternation("article") + r")[ \xa0][^,.;“”\"]{1,60}?,"
_DESCRIPTION_AFTER = re.compile(r",[ \xa0]+(?:" + alternation("article") + r")[ \xa0].*$")
# a finite verb that no -ed participle can be ("told", "was"): a subject noun phrase holds none
# a quotation mark, then a finite verb: the quotation goes on with a clause whose subject came before it
_FINITE_AFTER_MARK = re.compile(r"(?:[“\"]|'')(?:" + FINITE_ALT + r")\b")
# ... or, right after "said NP " (no comma between), a lower-case word that is no preposition: "…, said Ms. Lee's
# gifts “cast doubt on …” …" (not "…, said Lee “for now.”", nor "…, said Ann Lee, who called it “an insult.”")
_LOWER_AFTER_MARK = re.compile(r"(?:[“\"]|'')(?!(?:" + "|".join(sorted(prepositions())) + r")\b)[a-z]")
_COORDINATORS = frozenset(words("clause_coordinator"))
# ... before an article, a subject pronoun or "that" ("Lee told a reporter he …"; not "a privately held firm",
# "a Berg-led panel")
_FINITE_NO_ED = re.compile(r"(?<![\w-])(?:" + alternation("finite_marker") + "|" + alternation("irregular_past")
                           + r")[ \xa0]+(?:" + alternation("article") + "|" + alternation("pronoun_subject")
                           + r"|that)\b")
_RELATIVE_WORD = r"(?:" + alternation("relative_pronoun") + r")"
_RELATIVE_AFTER = re.compile(r"[ \xa0]+(?:who|whom)[ \xa0].*$")
_TRAILING_NAME = re.compile(r",[ \xa0]+" + _NAME_WORDS + r"$")
#: the most characters of a description after "…, said X," that ends the sentence
TAIL_DESCRIPTION_CHARS = 120
_ACC_TAIL = re.compile(
    # (a dash may stand for the comma before "according to": "… — including arson — according to police.")
    r"(?:,[ \xa0]+|[ \xa0]+(?:—|--)[ \xa0]+(?=according to\b))"
    # ("…, according to a clerk who asked not to be named.": the source, then a relative clause about it)
    r"(?:according to ((?:(?![ \xa0]" + _RELATIVE_WORD + r"[ \xa0])[^,.;]){2,80})(?:[ \xa0]+" + _RELATIVE_WORD
    + r"[ \xa0][^,.;]{1,160})?"
    r"|((?:"
    + _NAME_DESCRIPTION + r"|[^,.;“”\"]{2,60}?" + _NAME_APPOSITION + r")) (" + _NP_VERB + r")"
    # "…, X told Reuters.", "…, X told the court.", "…, X told a Senate panel.", "…, X told Fort Smith television
    # station KHBS." (a description of the outlet, then its name)
    r"(?:[ \xa0]+(?:" + alternation("tell_object") + r"|(?:the[ \xa0]+)?" + _CAP_RUN
    + r"|(?<=told[ \xa0])(?:the[ \xa0]+)?(?:[A-Z][\w’'-]*[ \xa0]+){0,3}(?:[a-z][\w’'-]*[ \xa0]+){1,3}" + _CAP_RUN
    + r"|(?:"
    + alternation("tell_object_determiner") + r")(?:[ \xa0]+[A-Z][\w’'-]*){0,3}[ \xa0]+[a-z][\w’'-]*))?|"
    # ("…, said a port official who gave no name.": the source, then a relative clause about it)
    r"(" + _VERB_NP + r") ((?:(?![ \xa0](?:" + alternation("person_relative") + r")[ \xa0])[^,.;“”\"]){2,60}?)"
    r"(?:[ \xa0]+(?:" + alternation("person_relative") + r")[ \xa0][^,.;“”\"]{1,160})?)"
    + _TIME_RE + "?"
    # "… in an interview" / "… of the ruling" (no comma, bounded): "X said …" only (not after "said X", group
    # 4: "…, said Tom Berg of the union."), and a verb of ``_ADJUNCT_VERBS`` only (:func:`_tail_ok`)
    r"(?(4)|(?P<adj>[ \xa0]+(?:" + alternation("tail_adjunct") + r")[ \xa0][^,.;“”\"]{1,80}?)?)"
    # ", a former minister" / ", adding that …" / ", and asked …" (a speech participle or a coordinated speech verb
    # reports again: its own row)
    # (or, after "said X", a name: "…, said a spokesman for the port, Ann Lee.")
    r"(?:,[ \xa0]+(?:(?P<app>(?:" + alternation("tail_appositive") + r")\b[^.;]*|(?(4)(?P<name>" + _NAME_WORDS
    + r")(?=[.:]?$)|(?!)))|"
    r"(?P<ing>(?:" + "|".join(speech_participles()) + r"|and[ \xa0]+(?:" + _NP_VERB + "|" + _DIRECTIVE_VERB
    + r")))\b(?:[^.;]|\.\d){0,300}"
    # (or, after "said X", a description with no finite verb: "…, said Ann Lee, the union's treasurer.", "…, said
    # Ann Lee, director of the port authority.")
    # (not one that opens with a closed-class word: "…, said the toll will rise, but others disagree.")
    r"|(?(4)(?P<desc>(?!(?:" + alternation("stop_pre") + r")\b)(?:(?!\b(?:" + FINITE_ALT + r")\b)[^.;“”\"]){1,"
    + str(TAIL_DESCRIPTION_CHARS) + r"}?)(?=[.:]?$)|(?!))))?[.:]?$")
#: "…, said X[, appositive]" ends its sentence within this many words with no finite verb: what follows the
#: verb is its subject ("One teacher, Ron Ellis, said his bill had doubled" has one: a clause)
_INVERTED_NP_WORDS = 8
# after "X said,": "the first …", "the second …" (list ``continuation_ordinal``) or a subject and its auxiliary ("the
# town will suffer") goes on with what was said; "a move that will cost jobs" is the writer's appositive
_CLAUSE_GOES_ON = re.compile(r"the[ \xa0]+(?:" + alternation("continuation_ordinal") + r")(?:[ \xa0]+(?:and|"
                             + "|".join(sorted(prepositions())) + r")\b|,)|(?:(?!(?:"
                             + alternation("clause_relative") + r")\b)[\w’'-]+[ \xa0]+){1,4}(?:"
                             + alternation("finite_marker") + r")\b")
_STOP = re.compile(r";|\.(?!\d)")
_ADJUNCT_THAT = re.compile(r"\bthat\b")   # "…, but she has said all year that …": the verb's own clause
#: verbs of an inverted attribution that an adjunct may follow ("…, Ruiz said in an interview.")
_ADJUNCT_VERBS = frozenset(speech_verbs_with("inverted_tail", "adjunct"))
# "…, said he agrees with …": a subject pronoun and a word open a clause, never an inverted subject
_PRONOUN_CLAUSE = re.compile(r"(?:" + alternation("pronoun_subject") + r")[ \xa0]+\w")
_VERB_NP_SET = frozenset(speech_verbs_with("inverted_tail", "verb_np"))
# "Clause, X said, clause." / "Clause, said X, clause." / "Clause, according to X, clause.": an attribution
# set off by commas inside the sentence it reports (the tail's time adverbs allowed before the second comma)
_MID = re.compile(
    r",[ \xa0]+(?:according to ([^,.;“”\"]{2,60}?)|([^,.;“”\"]{2,60}?" + _NAME_APPOSITION + r") (" + _NP_VERB + r")|"
    r"(" + _VERB_NP + r") ([^,.;“”\"]{2,60}?))"
    + _TIME_RE + r"?,[ \xa0]+(?=\w|[“\"]|'')")   # (a quotation may open the second part: :func:`_mixed_mid`)
#: words before a mid-sentence attribution ("Patience, Orr argues, matters …"; chosen on PolNeAR select between 1
#: and 2: speech-cue cover recall 69.8 vs 69.7, F1 72.7 both, speaker 86.2 vs 86.3)
MID_WORDS_BEFORE = 1
_MID_NP_VETO = frozenset(words("clause_relative") + words("clause_conjunction") + words("np_clause_cut"))
_WHAT = re.compile(r"\b(?:" + alternation("wh_object") + r")\b", re.I)
_SAID_NP = re.compile(r"(?:^|\s)(?:[A-Z]|(?:" + alternation("said_np_start") + r")\s)")
_NON_SPEAKERS = frozenset(words("non_speaker"))
_GROUP_QUANTIFIERS = frozenset(words("vague_quantifier") + words("np_quantifier")) - {"one"}
_PEOPLE_NOUNS = frozenset(words("people_noun"))
_GROUP_ENDINGS = tuple(words("group_plural_suffix"))
_ROLE_KEYWORDS = frozenset(r["pattern"].lower() for r in read_csv_rows("role_rules.csv") if r["kind"] == "keyword")
_ABBR_DOT = "\u2024"   # ONE DOT LEADER: stands for an abbreviation's period in a masked sentence
# after a fronted "said": a preposition first ("said on Tuesday that …") or a clause word inside ("said
# Smith that …") means the verb's own clause goes on, so it is not "…, said X." with X the subject; nor is an adverb
# before a preposition ("…, Miller said softly into the receiver"; a noun in -ly of list ``ly_noun`` is no adverb:
# "…, said family of the dead man.")
# (nor a time: "…, Ann Lee, who …, said Wednesday in Dover.")
_NOT_INVERTED_NP = re.compile(r"^(?:" + alternation("place_preposition") + "|" + alternation("date_word")
                              + r")\b|\b(?:" + alternation("clause_cut")
                              + r")\b|^(?-i:(?!(?:" + alternation("ly_noun") + r")\b)[a-z]+ly)[ \xa0]+(?:"
                              + "|".join(sorted(prepositions())) + r")\b", re.I)


def reported_after_verb(dm, m, spk: str, typ: str, taken: _SpanSet, participle: bool = False,
                        stops: list[int] = ()) -> Quote | None:
    """The reported clause after the main speech verb ``m`` (subject ``spk`` of type ``typ``), or None;
    it ends at the sentence end, a closing parenthesis with no opening one, or the first comma of
    ``stops`` (sorted positions of ", <-ing speech verb>", ";" and ", but").

    None for a verb with no speaker (a personal pronoun with no antecedent, type :data:`.speakers.UNRESOLVED`,
    still reports, with an empty speaker), an -ing verb (unless a ``participle`` after a comma), a thing
    as subject ("this shows"), a cognitive verb of a vague source ("many believe") or a tentative one
    of a vague source that is no group of people (:func:`_people`: "the trajectory suggests"; "some
    analysts suggested" reports; a capitalised word the text also writes in lower case counts as vague:
    :func:`_common_word`), a promise, request or demand whose subject cannot make it (:func:`_performs`), a
    clause that ends with a tail attributing its sentence (:func:`_ends_with_tail`), a clause under 8
    characters, starting in a quote or overlapping a reported clause already ``taken``. It also ends before a
    new attribution (:func:`_before_new_attribution`); one holding quotations is kept whole when they are part
    of it (:func:`_mixed_clause`), else cut before the aside whose own verb reports them
    (:func:`_before_inner_attribution`) or dropped.
    """
    t = dm.text
    verb = m.group(1)
    info = dm.vinfo.get(verb, {})
    if typ == UNRESOLVED:   # "He said …" with no antecedent: the clause is found, its speaker stays empty
        spk, typ = "", "none"
    elif not spk or typ == "none" or spk.lower() in _NON_SPEAKERS \
            or _NON_SPEAKER.match(spk) and not _THOSE_PEOPLE.match(spk):
        return None
    if is_participle(verb) and not participle and not progressive_before(t, m.start()):
        return None
    if (typ == "vague" or typ == "named" and _common_word(dm, spk)) and (
            info.get("type") == "cognitive" or info.get("type") == "tentative" and not _people(spk)):
        # "many believe …", "the trajectory suggests …", "Records indicated …"; "aides suggested …" reports
        return None
    after = t[m.end():m.end() + 200]
    cstart = _clause_start(m, info, after)
    if cstart is None:
        cstart = _gap_clause_start(dm, m, info)
    if cstart is None:
        return None
    act = _act_verb(info) and cstart in (_act_start(m.end(), info, after), _object_start(m.end(), info, after))
    if (act or info.get("lemma") in _WH_LEMMAS and cstart == _wh_start(m.end(), info, after)) \
            and not _performs(dm, m, spk, typ):
        return None   # "the flood threatened to …", "the recipe calls for …", "repeated calls for …"
    cend = dm.sent_end(cstart)
    if cstart == _naming_start(m.end(), info, after):
        cend = _naming_end(dm, cstart, cend)
    # the first ")" of the clause and any "(" before it, by bisection over their positions
    # (several verbs of one long sentence would each scan to its end)
    par = dm.unopened_close(cstart, cend)
    if par >= 0:
        cend = par
    gloss = _GLOSS_AFTER_MARK.search(t, cstart, cend) if t.find("(", cstart, cend) >= 0 else None
    if gloss is not None:   # "saying he's “slept with a teacher” (his wife).": the writer's gloss ends the clause
        cend = gloss.start() + 1
    # and the clause ends at the comma of a participle that reports again ("…, adding that …") or before a
    # clause of the writer's ("…; …", "…, but …"), by bisection
    k = bisect.bisect_left(stops, cstart)
    if k < len(stops) and stops[k] < cend:
        cend = stops[k]
    cend = _end_of_fronted_clause(dm, m.start(), cstart, cend)
    cend = _end_of_relative_aside(dm, m.start(), cstart, cend)
    cend = _before_same_verb(dm, info, cstart, cend)
    cend = _before_coordinated_quote(dm, cstart, cend)
    cend = _before_new_attribution(dm, cstart, cend)
    colon = _COLON_QUOTATION.search(t, cstart, cend)
    if colon is not None:   # "explaining it was stuck in the system: “Trust me, …”": the quotation is a row of its own
        cend = colon.start()
    cend = max(cstart, dm.clause_end(cend))
    mixed = dm.has_mark(cstart, cend)
    if mixed and not _mixed_clause(dm, cstart, cend):
        # "said the crews waited on the quay, which she called “a disgrace,” …": the clause
        # ends before the aside whose own verb reports the quotation
        cend = _before_inner_attribution(dm, cstart, cend)
        mixed = False
    tail = _tail_start(t, cstart, cend)
    if tail >= 0:   # "X vowed to …, her aide said.": the tail reports the sentence; "Lee said A, the union said."
        if act:
            return None
        cend = max(cstart, dm.clause_end(tail))
    if cend - cstart < 8:
        return None
    if verb in _VERB_NP_SET and t[max(0, m.start() - 4):m.start()].rstrip().endswith(",") \
            and _inverted_source_after(dm, m, cstart, cend):
        # "…, said Tom Berg, a farmer." / "…, said a spokesman for the port, Tom Berg." / "…, said an aide who
        # asked not to be named.": what follows the verb is its subject
        return None
    # a clause may open with a quotation it goes on past ("said that “a patient pilot” can …": mixed), not
    # one after which a comma opens the writer's words ("claims that “…,” a grave charge that …")
    if taken.overlaps(cstart, cend) or dm.in_quote(cstart) and not (mixed and _quote_opens_clause(dm, cstart)):
        return None
    return Quote("", cstart, cend, t[cstart:cend], "reported", spk, cue=verb, speaker_type=typ)


# a colon that opens a quoted sentence ends the reported clause before it
_COLON_QUOTATION = re.compile(r":[ \xa0]*(?:[“\"]|'')(?=[A-Z])")
#: how far before a ", said NP" the finite verb of the clause it closes is looked for
TAIL_CLAUSE_CHARS = 300
_RELATIVE_IN_PART = re.compile(r"\b(?:" + alternation("relative_pronoun") + r"|that)\b", re.I)


_PREPOSITION_START = re.compile(r"[ \xa0]*(?:" + "|".join(sorted(prepositions())) + r")\b", re.I)


def _inverted_source_after(dm, m, cstart: int, cend: int) -> bool:
    """After ", said", is ``text[cstart:cend]`` the verb's own subject, no clause: at most
    :data:`_INVERTED_NP_WORDS` words (a trailing name apart), no finite verb, no pronoun subject; a relative clause
    about the source ("…, said an aide who asked not to be named") is set aside when a finite verb comes before the
    comma in the last comma part before the verb, with no relative word (a clause that the tail closes; not "Ann
    Lee, 54, said skippers who pay …", nor "Ann Lee, who was fired, said skippers who …")."""
    t = dm.text
    np_ = t[cstart:min(cend, cstart + 400)]
    lo = max(dm.sent_start(m.start()), m.start() - TAIL_CLAUSE_CHARS)
    part = t[lo:m.start()].rstrip(" ,\xa0")
    part = part[part.rfind(",") + 1:]   # (the last comma part: "Tolls are a burden", not "who was fired in May")
    if FINITE_WORD.search(part) and not _RELATIVE_IN_PART.search(part):
        np_ = _RELATIVE_AFTER.sub("", np_)
    # (a description after a comma is no part of the count, "…, said the union's treasurer Ann Lee, a former
    # skipper", unless the part before it opens with a preposition: "says despite the rain, she …")
    head, _, rest = _TRAILING_NAME.sub("", np_).partition(",")
    if rest and (_PREPOSITION_START.match(head) or _PRONOUN_CLAUSE.match(rest.lstrip())):
        head = head + rest
    return count_words(head) <= _INVERTED_NP_WORDS and not FINITE_WORD.search(np_) \
        and not _PRONOUN_CLAUSE.match(t, cstart)


_NOUN_BEFORE = re.compile(r"(?:^|[ \xa0])(?:" + alternation("stop_pre") + "|" + alternation("tell_object_determiner")
                          + r")[ \xa0]+$", re.I)
_WORD_BEFORE = re.compile(r"([\w’'-]+)[ \xa0]+(?:(?:[a-z]+ly|" + alternation("aux_adverb") + "|"
                          + alternation("progressive_adverb") + r")[ \xa0]+)?$")
_TAIL_SOURCE_OPENERS = frozenset(words("tell_object_determiner") + words("pronoun_subject") + words("np_quantifier"))
# ... before a verb form that is also a noun, a pronoun is its subject ("when it demands …", "a mayor who promises")
_SUBJECT_PRONOUNS = _PERSONAL | frozenset(words("noun_form_subject"))
_AGENT_SUFFIXES = tuple(words("agent_suffix"))
_BODY_NOUNS = frozenset(words("body_noun"))


def _performs(dm, m, spk: str, typ: str) -> bool:
    """Can the subject ``spk`` (type ``typ``) of the verb ``m`` promise, request or demand what follows it? Not a
    verb form used as a noun (:func:`_noun_use`: "repeated calls for …"), nor a vague source that is no agent
    (:func:`agent`: "the flood threatened to …", "the recipe calls for …", "the sign told drivers to …")."""
    return not _noun_use(dm, m) and (typ != "vague" or agent(spk))


def _noun_use(dm, m) -> bool:
    """Is the speech verb match ``m`` a form that is also a plural noun (list ``noun_form_verb``) used as one: not
    after a personal pronoun or a word of list ``noun_form_subject`` (its subject), but after a determiner,
    preposition, conjunction or a lower-case word that is no agent, adverbs aside ("speeches and promises to …",
    "the harsh comments make …"; not "the mayor now promises to …"), or after a capitalised common word opening
    the sentence ("Campaign promises to …")?"""
    if m.group(1).lower() not in _NOUN_FORMS:
        return False
    lo = max(0, m.start() - 40)
    wb = _WORD_BEFORE.search(dm.text, lo, m.start())
    w = wb.group(1) if wb is not None else ""
    opens = wb is not None and dm.sent_start(m.start()) == wb.start(1)
    if w.lower() in _SUBJECT_PRONOUNS:
        return False   # "the story, which claims that …", "when it demands …": the pronoun is the verb's subject
    return bool(_NOUN_BEFORE.search(dm.text, lo, m.start())) or w.islower() and not agent(w) \
        or w[:1].isupper() and w.lower() in dm.common and opens


def agent(np_: str) -> bool:
    """Is the vague source ``np_`` one that can promise or request: people (:func:`_people`), a body of them or
    a text it issues (list ``body_noun``: "the council", "the statement"), or a head with an agent ending (list
    ``agent_suffix``: "farmers", "the skipper", "pharmacists")?"""
    w = _HEAD_PREPOSITION.split(np_.lower(), 1)[0].split()
    head = w[-1] if w else ""
    return _people(np_) or any(f in _BODY_NOUNS for f in (head, head[:-1], _singular_ies(head))) \
        or head.endswith(_AGENT_SUFFIXES)


#: how far from a clause's end a tail that attributes its sentence is looked for
TAIL_CHARS = 160
# a tail that attributes the whole sentence ("…, her spokesman said", "…, said Ann Lee", "…, according to Lee"),
# after one of the clause's last two commas: a source of one to six words that opens with a determiner, a
# capital or a subject pronoun (group ``np``, checked by :func:`_tail_source`), its verb, a time, an adjunct
_TAIL_ADJUNCT = r"(?:[ \xa0]+(?:" + alternation("tail_adjunct") + r")[ \xa0][^,.;“”\"]{1,40}?)?"
_CLAUSE_TAIL = re.compile(r",[ \xa0]+(?:according to[ \xa0](?P<acc>[^,.;“”\"]{2,80})"
                          r"|(?P<np>(?:[\w’'.-]+[ \xa0]+){0,5}?)(?:" + _NP_VERB + r")" + _TIME_RE + r"?"
                          + _TAIL_ADJUNCT + r"|(?:" + _VERB_NP + r")[ \xa0](?P<vnp>[^,.;“”\"]{2,60}?)"
                          r"(?:,[ \xa0]+" + _NAME_WORDS + r")?)[ \xa0.]*$")
_TAIL_SOURCE_VETO = re.compile(r"\b(?:" + alternation("clause_relative") + "|" + alternation("clause_conjunction")
                               + r"|[a-z]+ing)\b", re.I)


def _tail_start(t: str, cstart: int, cend: int) -> int:
    """Where the clause ``t[cstart:cend]`` ends with an attribution of its whole sentence after one of its last two
    commas ("vowed to reopen the dock by June, her spokesman said", "…, said her aide, Ann Ruiz", "…, according
    to the union"): the comma; else -1. The source opens with a determiner, a capital or a subject pronoun and
    holds no finite verb, relative word, conjunction or -ing word ("…, echoing what the guild said", "…, as the
    mayor had said", "…, which engineers said" are no tails)."""
    lo = max(cstart, cend - TAIL_CHARS)   # (a tail is short: each verb reads a bounded end of its clause)
    c = t.rfind(",", lo, cend)
    for _ in range(2):
        if c < 0:
            return -1
        tm = _CLAUSE_TAIL.match(t, c, cend)
        if tm is not None and _tail_source(tm.group("acc") or tm.group("np") or tm.group("vnp") or ""):
            return c
        c = t.rfind(",", lo, c)
    return -1


def _tail_source(np_: str) -> bool:
    """Is ``np_`` (the source of a tail) a noun phrase: it opens with a determiner, a capital, a subject pronoun
    or a plural noun, and holds no finite verb, relative word, conjunction or -ing word?"""
    words_ = np_.split()
    if not words_ or FINITE_WORD.search(np_) or _TAIL_SOURCE_VETO.search(np_):
        return False
    first = words_[0]
    return first[:1].isupper() or first.lower() in _TAIL_SOURCE_OPENERS or first.lower().endswith("s")


#: how far into a reported clause " and <the same verb>" is looked for
SAME_VERB_CHARS = 300


@lru_cache(maxsize=None)
def _same_verb_again(lemma: str):
    """" and [also|then|later] <a finite form of the verb ``lemma`` or of "say">" (no base form: "would cut taxes
    and add jobs"; no -ing form), the form as group ``v``; None for no lemma."""
    group = _SAY_LEMMAS | {lemma}
    forms = sorted({r["phrase"] for r in read_csv_rows("speech_verbs.csv")
                    if r["lemma"] in group and r["phrase"] != r["lemma"] and not is_participle(r["phrase"])},
                   key=len, reverse=True)
    if not lemma or not forms:
        return None
    return re.compile(r"[ \xa0]+and[ \xa0]+(?:(?:" + alternation("coordinated_verb_adverb") + r")[ \xa0]+)?(?P<v>"
                      + "|".join(re.escape(f) for f in forms) + r")\b")


def _before_same_verb(dm, info: dict, cstart: int, cend: int) -> int:
    """"told the paper A and said B", "said A and then said B": the clause ends before " and <a finite form of its
    own verb or of "say">" in its first :data:`SAME_VERB_CHARS` characters when that verb opens a clause of its own
    (the subject's next verb phrase; not "said the count was late and said nothing else"). Another verb after a
    bare "and" may have the clause's own subject ("said the contractor missed the deadline and claimed …",
    "said the mayor met them and told them …") and ends nothing."""
    again = _same_verb_again(info.get("lemma", ""))
    sm = again.search(dm.text, cstart, min(cend, cstart + SAME_VERB_CHARS)) if again is not None else None
    if sm is None:
        return cend
    v_info = dm.vinfo.get(sm.group("v"), {})
    opens = _clause_start_after(sm.end(), v_info, dm.text[sm.end():sm.end() + 200]) is not None
    return sm.start() if opens else cend


# a closing quotation mark, then a parenthesis: the writer's gloss on the quoted words
_GLOSS_AFTER_MARK = re.compile(r"[”\"][ \xa0]+\(")


@lru_cache(maxsize=1)
def _coordinated_quote_re():
    """" and [then] <a finite speech verb>, “" / ": “": a verb of the subject that introduces a quotation."""
    forms = sorted({r["phrase"] for r in read_csv_rows("speech_verbs.csv")
                    if r["phrase"] != r["lemma"] and not is_participle(r["phrase"]) and " " not in r["phrase"]},
                   key=len, reverse=True)
    return re.compile(r"[ \xa0]+and[ \xa0]+(?:(?:" + alternation("coordinated_verb_adverb") + r")[ \xa0]+)?(?:"
                      + "|".join(re.escape(f) for f in forms) + r")[,:]?[ \xa0]*(?=[“\"]|'')")


# " and Tom Reyes calling it …": another speaker and a participle of speech (an absolute phrase of its own)
_AND_NAME_PARTICIPLE = re.compile(r"[ \xa0]+and[ \xa0]+" + NAME_RE.pattern + r"[ \xa0]+(?:"
                                  + "|".join(speech_participles()) + r")\b")


def _before_coordinated_quote(dm, cstart: int, cend: int) -> int:
    """"said the plan could fail and added, “…”": the clause ends before " and <a finite speech verb>" that
    introduces a quotation (the subject's next verb phrase, not more of the clause), or before " and <a name> <a
    participle of speech>" ("Ann Lee saying she was pleased and Tom Reyes calling it …": another speaker's)."""
    t = dm.text
    if t.find("and", cstart, cend) < 0:
        return cend   # (no "and": no pattern tried)
    cm = _coordinated_quote_re().search(t, cstart, cend) or _AND_NAME_PARTICIPLE.search(t, cstart, cend)
    return cm.start() if cm is not None else cend


#: how far before its speech verb the ", who" of a relative aside is looked for
RELATIVE_ASIDE_CHARS = 120
#: ... and how far into its clause the comma that closes the aside
RELATIVE_CLOSE_CHARS = 200
_CLAUSE_COORD = re.compile(r",[ \xa0]+(?:" + alternation("clause_coordinator") + r")\b")
# (", who …", or an appositive before it: "Ann Lee, a former minister who has long called for reform, said …")
_RELATIVE_ASIDE_OPEN = re.compile(r",[ \xa0]+(?P<app>(?:[\w’'-]+[ \xa0]+){0,6}?)(?:" + alternation("relative_pronoun")
                                  + r")\b[^,;:.]*$")
# the comma that closes an aside, then the main clause's verb: ", criticized …", ", was fired", ", notably stopped …"
_RELATIVE_ASIDE_CLOSE = re.compile(r",[ \xa0]+(?:[a-z]+ly[ \xa0]+)?(?:" + FINITE_ALT + r")\b")


_PARTICIPLE_AT = re.compile(r"[a-z]+ing\b")
#: the longest subject (in characters, and words after a determiner) before an -ing aside about it
ASIDE_SUBJECT_CHARS = 60
ASIDE_SUBJECT_WORDS = 4
_DETERMINER_HEAD = re.compile(r"(?:" + alternation("determiner") + r")[ \xa0]", re.I)
_PARTICIPLE_ASIDE_OPEN = re.compile(r",[ \xa0]+(?:[a-z]+ly[ \xa0]+)?$")


def _participle_aside(dm, ss: int, vstart: int):
    """The comma that opens an -ing aside about the sentence's subject ("Ida Park, urging calm, went home"): the
    -ing verb at ``vstart`` follows a comma (maybe an adverb) right after the sentence's first words (from ``ss``),
    which are a name or a determiner and at most :data:`ASIDE_SUBJECT_WORDS` words with no finite verb ("Lee hit
    back, arguing …" is no aside); else None. Only that short opening is read, so each verb costs the same."""
    comma = _PARTICIPLE_ASIDE_OPEN.search(dm.text, max(ss, vstart - 20), vstart)
    if comma is None or comma.start() - ss > ASIDE_SUBJECT_CHARS:
        return None
    return comma if _short_subject(dm.text[ss:comma.start()].strip()) else None


def _short_subject(head: str) -> bool:
    """Is ``head`` (a sentence's first words, before an aside) a name, or a determiner and at most
    :data:`ASIDE_SUBJECT_WORDS` words with no finite verb?"""
    return len(head) <= ASIDE_SUBJECT_CHARS and (NAME_RE.fullmatch(head) is not None or _DETERMINER_HEAD.match(head)
                                                   is not None and count_words(head) <= ASIDE_SUBJECT_WORDS
                                                   and not FINITE_WORD.search(head))


def _end_of_relative_aside(dm, vstart: int, cstart: int, cend: int) -> int:
    """A speech verb inside a relative or participle aside about the sentence's subject ("Lee, who had said she would
    stay, left …", "Lee, urging calm, went home"): its clause ends at the last comma followed by a finite verb (the
    main clause's, :data:`_RELATIVE_ASIDE_CLOSE`; the last, since a participle inside the clause may follow a comma
    too: "…, who said the pier, damaged in May, needed repairs, asked …") in its first :data:`RELATIVE_CLOSE_CHARS`
    characters and before any ", and|but|yet", when ", who" or ", which" opens the aside within
    :data:`RELATIVE_ASIDE_CHARS` characters before the verb with no comma between (or the verb is an -ing form right
    after a comma), and no finite verb comes before the aside in its sentence."""
    ss = dm.entities.after_dateline(dm.sent_start(vstart))
    aside = _RELATIVE_ASIDE_OPEN.search(dm.text, max(ss, vstart - RELATIVE_ASIDE_CHARS), vstart)
    if aside is not None and aside.group("app") and not _short_subject(dm.text[ss:aside.start()].strip()):
        aside = None   # ("Last week, a judge who reviewed the case said …": the subject, no aside)
    if aside is None and _PARTICIPLE_AT.match(dm.text, vstart):
        aside = _participle_aside(dm, ss, vstart)   # "Lee, urging calm, went home"
    if aside is None or FINITE_WORD.search(dm.text, ss, aside.start()):
        return cend   # (an aside about an object, "backed by Lee, who said …", is closed by no main verb)
    hi = min(cend, cstart + RELATIVE_CLOSE_CHARS)
    coord = _CLAUSE_COORD.search(dm.text, cstart, hi)   # (nor past ", and <another clause>")
    close = None
    for close in _RELATIVE_ASIDE_CLOSE.finditer(dm.text, cstart, coord.start() if coord is not None else hi):
        pass
    return close.start() if close is not None else cend


#: how far into a reported clause a new attribution (", and <Name> … said") is looked for, and how far after it its verb
NEW_ATTRIBUTION_CHARS = 400
NEW_ATTRIBUTION_VERB_CHARS = 150
_AND_NEW_SUBJECT = re.compile(r",[ \xa0]+(?:and|but)[ \xa0]+(?=[A-Z])")


def _before_new_attribution(dm, cstart: int, cend: int) -> int:
    """The clause ends before ", and <Capitalised word>" when a speech verb that reports (no modal, no
    infinitive, no -ing, no finite verb before it) follows within :data:`NEW_ATTRIBUTION_VERB_CHARS`
    characters ("… on track, and Ann Lee, the adviser, said …"): that part has an attribution of its own.
    Read only in the first :data:`NEW_ATTRIBUTION_CHARS` characters."""
    t = dm.text
    m = _AND_NEW_SUBJECT.search(t, cstart, min(cend, cstart + NEW_ATTRIBUTION_CHARS))
    if m is None:
        return cend
    v = dm.verb_re.search(t, m.end(), min(cend, m.end() + NEW_ATTRIBUTION_VERB_CHARS))
    if v is None or is_participle(v.group(1)) or not _verb_reports(dm, m.end(), v) \
            or FINITE_WORD.search(t, m.end(), v.start()):
        return cend   # ("…, and Lee would announce …", "…, and Lee had refused to explain …": no attribution)
    return m.start()


#: how far before the first quotation of a clause the verb of an aside that reports it is looked for
INNER_VERB_CHARS = 200
_ASIDE_OPEN = re.compile(r"(?:,|[ \xa0](?:—|–|--))[ \xa0]+")


def _before_inner_attribution(dm, cstart: int, cend: int) -> int:
    """Where a reported clause holding quotations ends when a speech verb of its own reports the first of
    them: at the first comma or dash, when a verb that reports comes after it within
    :data:`INNER_VERB_CHARS` characters before the quotation, at least three words come before it and no
    finite verb after the last quotation (there the aside sits inside the clause's subject: "said the board,
    which she called “a rubber stamp,” had approved …"); the clause is cut, not dropped. Else ``cstart`` (no
    clause)."""
    spans = dm.quotes_overlapping(cstart, cend, limit=MIXED_MAX_QUOTES)
    if not spans or spans[0][0] <= cstart or FINITE_WORD.search(dm.text, spans[-1][1], cend):
        return cstart
    qs = spans[0][0]
    t = dm.text
    m = _ASIDE_OPEN.search(t, cstart, qs)
    if m is None or count_words(t[cstart:m.start()]) < 3:
        return cstart
    reports = any(_verb_reports(dm, cstart, v) for v in dm.verb_re.finditer(t, max(m.end(), qs - INNER_VERB_CHARS), qs))
    return m.start() if reports else cstart


def _common_word(dm, spk: str) -> bool:
    """Is the "name" ``spk`` one capitalised word that the text also writes in lower case ("Records" opening a
    sentence of an article that speaks of "the records")?"""
    return " " not in spk and spk.lower() in dm.common


_HEAD_PREPOSITION = re.compile(r"[ \xa0]+(?:" + "|".join(sorted(prepositions())) + r")[ \xa0]")


def _people(np_: str) -> bool:
    """Is the vague source ``np_`` people or a body of them: a quantifier first ("several aides", "some of
    the pilots"; not "one": "one study"), or a head (before any preposition) of list ``people_noun`` (singular
    or plural) or a role keyword
    (``role_rules.csv``: "officials", "analysts", "groups") or a group ending ("Americans")? A thing
    ("the trajectory", "recent polls", "the results") that "suggests" is the writer's inference."""
    # the head comes before a preposition ("the trajectory of the talks", "evidence from the campaign", "sensors on
    # the bridge")
    w = _HEAD_PREPOSITION.split(np_.lower(), 1)[0].split()
    if not w:
        return False
    head = w[-1]
    # "an aide", "both teams", "a Ruiz ally": the singular or the plural is listed
    people = any(f in _PEOPLE_NOUNS for f in (head, head + "s", head[:-1], _plural_y(head), _singular_ies(head)))
    return w[0] in _GROUP_QUANTIFIERS or people or head.endswith(_GROUP_ENDINGS) \
        or head in _ROLE_KEYWORDS or head.rstrip("s") in _ROLE_KEYWORDS


def _singular_ies(noun: str) -> str:
    """The singular of a plural in -ies ("allies" -> "ally"), else ``noun``."""
    return noun[:-3] + "y" if len(noun) > 4 and noun.endswith("ies") else noun


def _plural_y(noun: str) -> str:
    """The plural of a noun in -y after a consonant ("ally" -> "allies"), else ``noun``."""
    return noun[:-1] + "ies" if len(noun) > 2 and noun.endswith("y") and noun[-2] not in "aeiou" else noun


def _quote_opens_clause(dm, cs: int) -> bool:
    """Does a quotation start at ``cs`` and the clause go on after it with no comma (inside its closing
    mark or right after it)?"""
    if not dm.quote_starts_at(cs):
        return False
    s, e = dm.quotes_overlapping(cs, cs + 1)[0]
    return "," not in dm.text[max(s, e - 2):e + 1]


def _mixed_clause(dm, cs: int, ce: int) -> bool:
    """Is ``text[cs:ce]`` a reported clause that quotes some of its words ("said he had “the
    courage” to act"): quotations all inside it, no speech verb before the first of them (that
    verb's subject would speak them), and at least :data:`MIXED_OUTSIDE_WORDS` words outside them?
    Then the clause is one ``reported`` row and its quotations are part of it."""
    spans = dm.quotes_overlapping(cs, ce, limit=MIXED_MAX_QUOTES)
    if not spans or spans[0][0] < cs or spans[-1][1] > ce or _reports_inside(dm, cs, spans[0][0]):
        return False   # (a speech verb before the first quotation reports it: "…, which claims it will “…”")
    outside, at = 0, cs
    for s, e in spans:
        outside += count_words(dm.text[at:s])
        at = e
    return outside + count_words(dm.text[at:ce]) >= MIXED_OUTSIDE_WORDS


#: a fronted subordinate clause is read at most this many characters long
FRONTED_CLAUSE_CHARS = 300
_SUBORDINATOR_START = re.compile(r"(?:" + alternation("np_clause_cut") + r")\b|(?:[\w-]+[ \xa0]+){0,2}(?:"
                                 + alternation("time_noun") + r")[ \xa0]+(?:" + alternation("time_subordinator")
                                 + r")\b", re.I)   # (or a time before one: "Hours before Ann Lee said …")
_INFINITIVE = re.compile(r"\bto[ \xa0]+$")


def _end_of_fronted_clause(dm, vstart: int, cstart: int, cend: int) -> int:
    """In a sentence that opens with a subordinator ("While he has said …, Ruiz must decide …") or with
    the speech verb itself ("Noting that …, Ruiz said …"), the reported clause of a verb of that subordinate
    clause ends at the comma before the main clause (a subject and a finite verb within 60 characters after it:
    :data:`.speakers.SUBJECT_COMMA`)."""
    ss = dm.entities.after_dateline(dm.sent_start(vstart))
    if not (vstart == ss or _SUBORDINATOR_START.match(dm.text, ss, vstart)) or vstart - ss > FRONTED_CLAUSE_CHARS:
        return cend
    main = SUBJECT_COMMA.search(dm.text, ss, vstart + 100)   # (room for its look-ahead past the verb)
    if main is not None and main.start() < vstart:
        return cend   # the verb is already in the main clause ("When asked, Ruiz said that …")
    cm = SUBJECT_COMMA.search(dm.text, cstart, min(cend, cstart + FRONTED_CLAUSE_CHARS))
    return cm.start() if cm is not None else cend


def _reports_inside(dm, cs: int, qs: int) -> bool:
    """Does a speech verb in ``text[cs:qs]`` report what follows it: one not governed by a modal,
    negation or infinitive ("a ploy meant to stress “…”" reports nothing), nor a noun after a
    possessive ("Ruiz's claim that …")?"""
    return any(_verb_reports(dm, cs, v) for v in dm.verb_re.finditer(dm.text, cs, qs))


def _verb_reports(dm, lo: int, v) -> bool:
    """Does the speech verb match ``v`` (in a clause that starts at ``lo``) report: no modal, negation or
    infinitive before it, no possessive or other sign of a noun (:func:`_noun_use`; a base form after a determiner:
    "the suspect got “many”"), no evidential verb (a record "shows" a quotation of nobody's words)?"""
    t = dm.text
    info = dm.vinfo.get(v.group(1), {})
    if _noun_modifier_participle(dm, lo, v):
        return False
    return not modal_before(t, lo, v.start()) and not _INFINITIVE.search(t, max(lo, v.start() - 4), v.start()) \
        and not possessive_noun(t, v.start(), v.group(1)) and not _noun_use(dm, v) \
        and not determiner_noun(t, v.start(), v.group(1), info.get("lemma", "")) and info.get("type") != "evidential"


def _noun_modifier_participle(dm, lo: int, v) -> bool:
    """Is the -ing speech verb ``v`` a noun's modifier ("crews writing letters to the paper was “a mistake”"): no comma
    right before it, no auxiliary (:func:`.speakers.progressive_before`) and no "with" phrase it is the verb of
    (:func:`.speakers.absolute_subject`: "with pilots saying “…”" reports)? A quotation after it is the clause's."""
    t = dm.text
    return is_participle(v.group(1)) and not t[max(0, v.start() - 3):v.start()].rstrip().endswith(",") \
        and not progressive_before(t, v.start()) and absolute_subject(dm, lo, v.start()) is None


_NOUN_FORMS = frozenset(words("noun_form_verb"))
# (not "said a lot of pilots …")
_IDIOM_OBJECT = re.compile(r"[ \xa0]+(?:" + alternation("idiom_object") + r")\b(?![ \xa0]+of\b)", re.I)
# ... "that", an auxiliary and a participle: "states that have struggled", "claims that were made" (not "claims
# that was a mistake": there "that" is a clause's subject)
_THAT_AUX = re.compile(r"[ \xa0]+that[ \xa0]+(?:" + alternation("finite_marker") + r")[ \xa0]+(?:\w+ed|"
                       + alternation("irregular_past") + r")\b", re.I)


def _clause_start(m, info: dict, after: str) -> int | None:
    """Where the reported clause of the verb ``m`` starts (``after`` is the text after the verb), or
    None: :func:`_clause_start_after` right after the verb, else after a parenthetical set off by
    commas ("said, however, that …", "said, if chosen, she would …"). A verb form that is also a
    plural noun (list ``noun_form_verb``) before "that", an auxiliary and a participle reports
    nothing ("states that have struggled"), nor a verb before an idiom's object ("says a lot that …",
    list ``idiom_object``)."""
    if m.group(1).lower() in _NOUN_FORMS and _THAT_AUX.match(after) or _IDIOM_OBJECT.match(after):
        return None   # "New England states that have struggled"; "it says a lot that …": no report
    c = _clause_start_after(m.end(), info, after)
    if c is None:
        pm = _PARENTHETICAL.match(after)
        if pm is not None:
            c = _clause_start_after(m.end() + pm.end(), info, after[pm.end():])
    return c


def _gap_clause_start(dm, m, info: dict) -> int | None:
    """Where the clause reported by a ``zero_that`` verb whose object is a relative's gap starts (at the finite verb
    after it, whose subject is the relative's antecedent), else None:

    - "the fund, which auditors said was short of cash, …": a relative pronoun after a comma
      (:data:`_RELATIVE_SUBJECT_BEFORE`) and a finite auxiliary after the verb (the clause ends where the aside
      closes: :func:`_end_of_relative_aside`);
    - "a ferry line that inspectors said was running …", "the pier the board said was closing"
      (:data:`_GAP_SUBJECT_BEFORE`): a restrictive relative, "that", "which", "what" or none, whose subject is one
      to four words, no comma, and not two noun phrases ("emerged that the letter Ann Lee wrote said …": there
      "that" opens a clause), after a finite verb of the sentence (within :data:`GAP_MAIN_VERB_CHARS`) with no
      clause opener between them (list ``gap_clause_opener``: "but what she said was vague", "ruled that what he
      said was …" are the writer's); after the verb an auxiliary, or after a relative pronoun any finite verb ("a
      rule that he said improved …")."""
    if info.get("zero_that") not in ("yes", "finite"):
        return None
    t, lo = dm.text, max(0, m.start() - RELATIVE_GAP_CHARS)
    aux = _AUX_AFTER.match(t, m.end()) is not None
    if aux and _RELATIVE_SUBJECT_BEFORE.search(t, lo, m.start()) is not None:
        return m.end() + 1
    ss = dm.sent_start(m.start())
    gm = _GAP_SUBJECT_BEFORE.search(t, max(lo, ss), m.start())
    if gm is None or not (aux or gm.group("rel") and _FINITE_AFTER.match(t, m.end())):
        return None
    main = list(FINITE_WORD.finditer(t, max(ss, gm.start() - GAP_MAIN_VERB_CHARS), gm.start()))
    subject_at = gm.start() + len(gm.group("rel") or "")   # (the relative pronoun itself opens no clause)
    if not main or _GAP_CLAUSE_OPENER.search(t[main[-1].end():gm.start()] + " " + t[subject_at:m.start()]) \
            or _TWO_NOUN_PHRASES.search(t, subject_at, m.start()):
        return None
    return m.end() + 1


def _told_object_clause(after: str, long_object: bool = True):
    """The match of "<verb> <object>: …" or "<verb> <object> [that] …" at the start of ``after`` (the text after
    a verb that takes its addressee, "told" or one of ``addressee_lemma``), up to where the clause starts, or
    None; a longer object ("told members of the board that …") only with ``long_object`` (not for "warned the
    city of the dangers that …" or "reminded voters of the plan that …", where "of" opens the content)."""
    cm = _TELL_COLON.match(after)
    if cm is not None:
        return cm
    cm = _TELL_CLAUSE.match(after)
    if cm is not None and (_DATE_WORD.match(after[cm.end():]) or _TIME_ENDS_CLAUSE.match(after, cm.end() - 1)):
        cm = None   # "told the Ledger on Monday", "told the Ledger earlier this week."
    return cm or _TELL_TIME_CLAUSE.match(after) or _TELL_BARE_THAT.match(after) or _TELL_ASIDE_THAT.match(after) \
        or (_TELL_LONG_THAT.match(after) if long_object else None)


def _clause_start_after(at: int, info: dict, after: str) -> int | None:
    """Where a reported clause of a verb of ``info`` starts in ``after`` (which starts at ``at``), or None.

    "said [on Monday]: …" and "told reporters: …" (a colon, no quotation mark after it), "asked
    [<whom>] whether/why/… …" (from the question word, list ``question_word``), "told
    <Outlet|reporters> that …" (or no "that"), "warned of/about …", "said [on Monday] that …", and,
    for ``zero_that`` verbs, "said the …" when no date word follows the verb.
    """
    cm = _COLON_CLAUSE.match(after)
    if cm is not None:
        return at + cm.end()
    act = _act_start(at, info, after)
    if act is not None:
        return act
    if info.get("lemma") in _QUESTION_LEMMAS:
        cm = _ASK_CLAUSE.match(after)
        return None if cm is None else at + cm.end()
    wh = _wh_start(at, info, after)
    if wh is not None:
        return wh
    naming = _naming_start(at, info, after)
    if naming is not None:
        return naming
    if info.get("lemma") == "tell":
        cm = _told_object_clause(after)
        return None if cm is None else at + cm.end()
    if info.get("lemma") in _ADDRESSEE_LEMMAS:   # "warned residents that …", "reminded them that …"
        cm = _told_object_clause(after, long_object=False)
        if cm is not None:
            return at + cm.end()
    if info.get("lemma") in OF_OBJECT_LEMMAS and _WARN_OF.match(after):
        return at + _WARN_OF.match(after).end()
    cm = _CLAUSE_START.match(after)
    if cm is None and info.get("zero_that") in ("yes", "finite"):
        cm = _FINITE_CLAUSE.match(after) if info["zero_that"] == "finite" else \
            _ZERO_THAT.match(after) or _BARE_CLAUSE.match(after) or _QUANTITY_CLAUSE.match(after) \
            or (_SAY_BARE.match(after) if info.get("lemma") in _SAY_LEMMAS else None)
        if cm is not None and _DATE_WORD.match(after[cm.end():]):
            cm = None
        if cm is None:   # "said Monday the city …", "announced on Oct. 9 she was …"
            cm = (_TIME_ZERO_THAT if info["zero_that"] == "yes" else _TIME_FINITE_CLAUSE).match(after)
        if cm is None and info.get("lemma") in _SAY_LEMMAS:
            cm = _SAY_QUOTE_CLAUSE.match(after)
    return _object_start(at, info, after) if cm is None else at + cm.end()


def _act_start(at: int, info: dict, after: str) -> int | None:
    """Where a promise or request reported by its infinitive starts in ``after`` (which starts at ``at``): "to"
    after a commissive verb ("vowed to …"), the addressee before "to" after a directive one or a lemma of list
    ``request_lemma`` ("urged the board to …", "told deckhands to …"); else None."""
    infinitive = _REQUEST_TO if info.get("lemma") in _REQUEST_LEMMAS else _INFINITIVE_REPORT.get(info.get("type", ""))
    cm = infinitive.match(after) if infinitive is not None else None
    if cm is not None and cm.groupdict().get("bare") and not agent(cm["bare"]):
        return None   # "told jokes to ease the tension": a thing told, and a purpose
    return None if cm is None else at + cm.end()


def _act_verb(info: dict) -> bool:
    """Can the verb of ``info`` report a promise, request or demand (:func:`_act_start`, :func:`_object_start`)?"""
    return info.get("type") in _INFINITIVE_REPORT or info.get("lemma") in _REQUEST_LEMMAS \
        or info.get("lemma") in _NP_REQUEST_LEMMAS


def _naming_start(at: int, info: dict, after: str) -> int | None:
    """Where a naming verb's object starts when a quoted label follows it ("called the plan “a disgrace”", list
    ``naming_lemma``), else None."""
    cm = _NAMING.match(after) if info.get("lemma") in _NAMING_LEMMAS else None
    return None if cm is None else at + cm.end()


def _naming_end(dm, cstart: int, cend: int) -> int:
    """Where the content of a naming verb that starts at ``cstart`` ends: after its first quoted label, at the
    first comma (also one inside a label's closing mark), dash, semicolon, coordinator (not one before another
    label), subordinator, "that" before a subject, or finite verb outside quotations ("called it “a feat” - but
    said …", "calling her “a fraud,” and then posted …", "which he called a “disaster” was …", "called the decision
    “ridiculous” after the match ended"), or at ``cend``."""
    qe = dm.next_quote(cstart, cend)[1]
    for _ in range(MIXED_MAX_QUOTES):   # (a stop inside a later quotation is none: "and “outsourcer in chief,”")
        if qe < 0:
            return cend
        if "," in dm.text[max(cstart, qe - 3):qe]:
            return qe   # a comma inside the closing mark ends it: "called the plan “a disaster,” adding that …"
        m = _NAMING_END.search(dm.text, qe, cend)
        if m is None or not dm.in_quote(m.start()):
            return cend if m is None else m.start()
        qe = dm.last_quote_end(qe, m.start() + 1)
    return cend


def _wh_start(at: int, info: dict, after: str) -> int | None:
    """Where an embedded question after a verb of list ``wh_lemma`` starts ("explained how …"), else None."""
    cm = _WH_CLAUSE.match(after) if info.get("lemma") in _WH_LEMMAS else None
    return None if cm is None else at + cm.end()


def _object_start(at: int, info: dict, after: str) -> int | None:
    """Where a demand reported by its object starts ("called for an audit", list ``np_request_lemma``), else None."""
    cm = _NP_REQUEST.match(after) if info.get("lemma") in _NP_REQUEST_LEMMAS else None
    return None if cm is None else at + cm.end()


def reported_inverted(dm, taken: _SpanSet, rows: list[Quote], memory: _Speakers) -> list[Quote]:
    """'According to X, clause.' and 'clause, according to X.' / 'clause, X said.' / 'clause, said X.'

    One candidate per sentence outside quotes: a clause holding quotations (:func:`_mixed_inverted`),
    else in the part before its first quotation mark a clause of at least four words whose span
    overlaps no row (``rows``, ``taken``) and whose source resolves to a speaker.
    """
    t = dm.text
    out = []
    occupied = _SpanSet([(r.start, r.end) for r in rows] + list(taken))
    reported = _SpanSet([(r.start, r.end) for r in rows if r.kind == "reported"] + list(taken))
    starts = dm.sstarts
    for k, ss in enumerate(starts):
        if not dm.has_verb(ss, starts[k + 1] if k + 1 < len(starts) else len(t)) and not _VIEW_LEAD.match(t, ss):
            continue   # every pattern below holds a speech verb ("according to" is one) or a lead "In his view,"
        if dm.in_quote(ss) and not dm.quote_starts_at(ss):
            continue   # a sentence inside a quotation (one that opens with it is read)
        se = dm.sent_end(ss)
        sent = _mask_abbreviations(t[ss:se])   # "…, Ms. Vale said.": the period of "Ms." ends nothing
        qm = _first_mark(dm, sent, ss)
        if qm >= 0:
            mixed = _mixed_inverted(dm, sent, ss, memory)
            if mixed is not None and not reported.overlaps(mixed.start, mixed.end):
                out.append(mixed)
                occupied.add(mixed.start, mixed.end)
                reported.add(mixed.start, mixed.end)
                continue
        if qm == 0:
            continue
        cut_at_quote = qm > 0
        if qm > 0:
            sent = sent[:qm].rstrip()
            se = ss + len(sent)
        lead = _source_lead(sent)
        a = None if lead else (_AS_LEAD.search(sent) or _AS_BY_LEAD.search(sent))
        if lead:
            spk, typ = resolve_np(dm, _unmask(lead[0]), ss, memory)
            cs, ce = ss + lead[2], se
            if sent.startswith("("):   # "(According to X, clause.)": the clause stops at the parenthesis
                ce = ss + sent.rfind(")") if sent.rstrip().endswith(")") else ce
            cue = lead[1]
        elif a and (_SAID_NP.search(" " + a["np"]) or a["np"].lower() in _PERSONAL) \
                and count_words(sent[a.end():]) >= 4:
            spk, typ = resolve_np(dm, _unmask(a["np"]), ss + a.start("np"), memory)
            cs, ce = ss + a.end(), se
            cue = a["verb"]
        else:
            # a match holds no stop ("." but a decimal point, ";") but its last character, so it starts after
            # the last of them: searching from there spares a retry from every comma of a long sentence
            cut = 0 if sent.endswith("\n") else _after_last_stop(sent)
            m = _ACC_TAIL.search(sent, cut)
            if m is not None and m.group(3) and m.group("app") and _CLAUSE_GOES_ON.match(m.group("app")):
                m = None   # "…, pilots said, the second at dusk …": the clause goes on (not "…, X said, a move that …")
            if (m is None or count_words(sent[:m.start()]) < 4) and not cut_at_quote:
                # no tail, or one with too short a clause before it ("At the time, she said, the …"):
                # an attribution set off by commas inside the sentence
                mid = _mid_attribution(dm, sent, ss, memory)
                if mid is not None and not occupied.overlaps(mid.start, mid.end):
                    out.append(mid)
                    occupied.add(mid.start, mid.end)
                continue
            if not m or (cut_at_quote and not m.group(1) and not m.group(4) and not m.group("ing")):
                continue
            if cut_at_quote and m.group(4) and not sent.endswith((",", ":")) \
                    and (_FINITE_AFTER_MARK.match(t, ss + qm)
                         or "," not in sent[m.end(4):] and _LOWER_AFTER_MARK.match(t, ss + qm)):
                continue   # "…, said Salem's toll “is fair.”": the quotation's subject (not "said Lee “for now.”")
            if m.group(3) and _IDIOM_OBJECT.match(sent, m.end(3)):
                continue   # "…, and though the crew was tired, their faces said a lot."
            if (m.group("adj") or m.group("ing")) and not _tail_ok(m):
                continue   # "…, and the port continues to lose money", "…, but she has said all year that …"
            cue = "according to" if m.group(1) else (m.group(3) or m.group(4))
            np_ = m.group("name") or m.group(1) or m.group(2) or m.group(5)   # the name after "said a spokesman, …"
            if m.group(5) and not m.group("name"):
                np_ = _name_before_description(np_)   # "…, said Ivo Park the head ranger of the Keel Reserve."
            if np_ is None or count_words(np_) > 8 or m.group(2) and (
                    _FINITE_NO_ED.search(_RELATIVE_AFTER.sub("", np_)) or np_.split()[0].lower() in _COORDINATORS):
                continue   # ("…, Lee told a reporter he agreed.", "…, and the bank responded.": a clause of its own)
            if m.group(5) and (not _SAID_NP.search(sent[m.start(5):m.end()]) or _NOT_INVERTED_NP.search(np_)
                               or _PRONOUN_CLAUSE.match(np_) or m.group("desc") and FINITE_WORD.search(np_)
                               or holds_clause(np_)):
                continue  # "..., said his members wanted" / "..., said on Tuesday that ..." is no inverted attribution
            # "…, said a clerk who had read the memo.": the source is the noun before "who"
            # ("…, Tom Berg, the undersecretary, wrote.": the name before its description)
            np_ = _RELATIVE_AFTER.sub("", np_)
            np_ = _DESCRIPTION_AFTER.sub("", np_) if m.group(2) else np_
            spk, typ = resolve_np(dm, _unmask(np_), ss + m.start(), memory)
            if not spk and unresolved_pronoun(np_) and not m.group("app"):
                typ = UNRESOLVED   # "…, they said." with no antecedent: the clause, no speaker
            cs, ce = dm.entities.after_dateline(ss), ss + m.start()   # ("HARBORTOWN - …": not the dateline)
            if count_words(t[cs:ce]) < 4:
                continue
        while ce > cs and t[ce - 1] in ".!? ":
            ce -= 1
        if not spk and typ != UNRESOLVED or occupied.overlaps(cs, ce):
            continue
        out.append(Quote("", cs, ce, t[cs:ce], "reported", spk, cue=cue,
                         speaker_type="none" if typ == UNRESOLVED else typ))
        occupied.add(cs, ce)
    return out


# a name, then its description with no comma between: "Ivo Park the head ranger of the Keel Reserve"
_NAME_THEN_THE = re.compile(r"(" + NAME_RE.pattern + r")[ \xa0]+the[ \xa0]+[a-z]")


def _name_before_description(np_: str) -> str:
    """The name that opens ``np_`` when its description follows it with no comma ("Ivo Park the head ranger of
    the Keel Reserve"), else ``np_``."""
    m = _NAME_THEN_THE.match(np_)
    return m.group(1) if m is not None else np_


def _after_last_stop(sent: str) -> int:
    """Where the part of ``sent`` after its last "." or ";" but its last character starts (0 if none); a
    decimal point ("3.5 percent") is no stop, so a tail's participle may hold one."""
    stops = [k for k in _STOP.finditer(sent, 0, len(sent) - 1)]
    return stops[-1].end() if stops else 0


def _tail_ok(m) -> bool:
    """May a tail with an adjunct or a speech participle (``m``, an ``_ACC_TAIL`` match: "…, Ruiz said in an
    interview.", "…, the bank said, adding …") close its sentence as its attribution? Its subject opens no
    clause ("and", "as", "which": ``_MID_NP_VETO``; "…, and officials warned of …" is the writer's) and holds
    no finite verb; an adjunct follows a verb of ``_ADJUNCT_VERBS`` and holds no finite verb or "that"
    ("…, the radio reported at least two boats sank", "…, but she has said all year that …")."""
    adj, np_ = m.group("adj"), (m.group(2) or m.group(5) or "").split()
    if np_ and np_[0].lower() in _MID_NP_VETO or FINITE_WORD.search(m.group(2) or ""):
        return False
    return not adj or ((m.group(3) or "").lower() in _ADJUNCT_VERBS and not _ADJUNCT_THAT.search(adj)
                       and not FINITE_WORD.search(adj))


def _mixed_inverted(dm, sent: str, ss: int, memory: _Speakers) -> Quote | None:
    """"According to X, clause." or "Clause, X said." whose clause quotes some of its words (the
    sentence ``sent``, abbreviations masked, starts at ``ss``): the whole clause is one ``reported``
    row when it holds every quotation it overlaps and :data:`MIXED_OUTSIDE_WORDS` words outside
    them (:func:`_mixed_clause`); the tail is looked for after the last quotation mark only."""
    t = dm.text
    lead = _source_lead(sent)
    if lead is not None:
        np_, cue, cs, ce, at = lead[0], lead[1], ss + lead[2], ss + len(sent), ss
    else:
        # the tail's comma may sit inside the last quotation ("… is “a mess,” Ruiz said."): the mark is
        # read as a space, and the clause keeps it
        # ("''" is one mark of two characters: read as two spaces)
        marks = _sentence_marks(dm, sent, ss)
        if len(marks) > 1 and sent[:marks[-2][0]].rstrip().endswith(":"):
            return None   # "The forecast is grim: “We do not know …,” the governor said.": the writer's words, a quote
        last_mark, width = marks[-1]
        inside = last_mark > 0 and sent[last_mark - 1] == ","
        # (as in the tail of :func:`reported_inverted`: a match holds no stop but its last character)
        cut = _after_last_stop(sent)
        m = _ACC_TAIL.search(sent[:last_mark] + " " * width + sent[last_mark + width:],
                             max(cut, last_mark - 1 if inside else last_mark + width))
        if m is None:
            return _mixed_mid(dm, sent, ss, memory)
        np_, cue = m.group(1) or m.group(2) or m.group(5), "according to" if m.group(1) else (m.group(3) or m.group(4))
        if m.group(5) and (not _SAID_NP.search(np_) or _NOT_INVERTED_NP.search(np_)
                           or holds_clause(np_)):
            return None
        if m.group(1) and dm.has_verb(ss + last_mark + width, ss + m.start()):
            return None   # "“…,” Lee said in her speech, according to the Ledger": her tag; the outlet relays it
        cs, at = ss, ss + m.start()
        ce = ss + last_mark + width if inside and m.start() == last_mark - 1 else ss + m.start()
    while ce > cs and t[ce - 1] in ".!? ":
        ce -= 1
    if np_ is None or count_words(np_) > 8 or not _mixed_clause(dm, cs, ce):
        return None
    spk, typ = resolve_np(dm, _unmask(np_), at, memory)
    if not spk or typ == "none":
        return None
    return Quote("", cs, ce, t[cs:ce], "reported", spk, cue=cue, speaker_type=typ)


# a quotation that opens the second part of a sentence and is part of its clause: it holds no comma or stop right
# inside its closing mark ("…, she said, “is a fine example” of …"; not "…, Ruiz said, “They are fine,” before …")
_QUOTE_GOES_ON = re.compile(r"(?:[“\"]|'')[^\W_][^“”\"\n]*[^.,!?;:'\s](?:[”\"]|'')$")


def _mixed_mid(dm, sent: str, ss: int, memory: _Speakers) -> Quote | None:
    """"Clause, X said, clause." whose second part quotes some of its words ("The guild, she said, is
    “doing far better” than in May."): the attribution set off by commas (:data:`_MID`, with the
    checks of :func:`_mid_attribution`) comes before the first quotation mark, no speech verb comes
    between them, every quotation after it lies inside the sentence, at least
    :data:`MIXED_OUTSIDE_WORDS` words of the sentence (but the attribution's) lie outside quotations, one of
    them after the attribution, and a quotation right after the attribution has no comma
    or stop inside its closing mark (:data:`_QUOTE_GOES_ON`).
    The whole sentence is one ``reported`` row."""
    t = dm.text
    m = _MID.search(sent)
    qm = _first_mark(dm, sent, ss)
    if m is None or m.end() > qm:
        return None
    np_ = m.group(1) or m.group(2) or m.group(5)
    if count_words(sent[:m.start()]) < MID_WORDS_BEFORE or count_words(np_) > 8 \
            or np_.split()[0].lower() in _MID_NP_VETO or (m.group(5) and not _SAID_NP.search(np_)):
        return None
    cs, ce = ss, ss + len(sent)
    while ce > cs and t[ce - 1] in ".!? \n":
        ce -= 1
    spans = dm.quotes_overlapping(ss + m.end(), ce, limit=MIXED_MAX_QUOTES)
    if not spans or spans[-1][1] > ce or _reports_inside(dm, ss + m.end(), spans[0][0]):
        return None   # (", who added: “…”": a verb after the attribution reports the quotation)
    before, after, at = count_words(sent[:m.start()]), 0, ss + m.end()
    for s, e in spans:
        after += count_words(t[at:s])
        at = e
    after += count_words(t[at:ce])
    if before + after < MIXED_OUTSIDE_WORDS or not after:
        return None   # (", Ryan said, “Sure. …”": a quotation, the whole part after the attribution)
    if spans[0][0] == ss + m.end() and not _QUOTE_GOES_ON.match(t, spans[0][0], spans[0][1]):
        return None   # ("…, Ruiz said, “They are fine,” before leaving": a quotation, then the writer's words)
    spk, typ = resolve_np(dm, _unmask(np_), ss + m.start(), memory)
    if not spk or typ == "none" or spk.lower() in _NON_SPEAKERS:
        return None
    cue = "according to" if m.group(1) else (m.group(3) or m.group(4))
    return Quote("", cs, ce, t[cs:ce], "reported", spk, cue=cue, speaker_type=typ)


def _sentence_marks(dm, sent: str, ss: int) -> list[tuple[int, int]]:
    """(position in ``sent``, width) of the quotation marks of the sentence ``sent`` that starts at ``ss``, in order:
    its double marks (:data:`.marks.DOUBLE_MARK`, ``''`` included) and the marks of its single-quoted spans ("was
    ‘plain neglect’, the inspector said")."""
    marks = [(m.start(), len(m.group())) for m in DOUBLE_MARK.finditer(sent)]
    singles = dm.single_marks(ss, ss + len(sent))
    return sorted(marks + [(p - ss, w) for p, w in singles]) if singles else marks


def _first_mark(dm, sent: str, ss: int) -> int:
    """Where the first quotation mark of the sentence ``sent`` that starts at ``ss`` is (:func:`_sentence_marks`),
    else -1."""
    fm = DOUBLE_MARK.search(sent)
    singles = dm.single_marks(ss, ss + len(sent))
    firsts = ([fm.start()] if fm is not None else []) + ([singles[0][0] - ss] if singles else [])
    return min(firsts) if firsts else -1


def _mask_abbreviations(sent: str) -> str:
    """``sent`` with the period of each abbreviation or initial ("Ms.", "U.S.") replaced by
    :data:`_ABBR_DOT` (one character for one: offsets hold), so that it ends no sentence part; the
    sentence's own last period stays ("…, said the U.S.")."""
    k = len(sent.rstrip())
    if sent.find(".", 0, k - 1) < 0:
        return sent   # no period but the last: nothing to mask (most sentences; the search is costly)
    masked = ABBR_RE.sub(lambda m: m.group().replace(".", _ABBR_DOT), sent)
    return masked[:k - 1] + "." + masked[k:] if k and sent[k - 1] == "." else masked


def _unmask(np_: str) -> str:
    return np_.replace(_ABBR_DOT, ".")


def _mid_attribution(dm, sent: str, ss: int, memory: _Speakers) -> Quote | None:
    """"Clause, X said, clause." (or "said X", "according to X") inside the sentence ``sent`` starting
    at ``ss``: the whole sentence is the report, the attribution set off by commas inside it. At least
    one word before it and three after; a source that opens with a conjunction or relative
    ("…, which X said, …") is no parenthetical; the source must resolve to a speaker, or be a personal
    pronoun with no antecedent (the report is kept, with no speaker). The first
    match of one left-to-right search (each attempt reads at most 60 characters)."""
    m = _MID.search(sent)
    if m is None:
        return None
    np_ = m.group(1) or m.group(2) or m.group(5)
    if count_words(sent[:m.start()]) < MID_WORDS_BEFORE or count_words(sent[m.end():]) < 3 or count_words(np_) > 8:
        return None
    if np_.split()[0].lower() in _MID_NP_VETO or (m.group(5) and not _SAID_NP.search(np_)) or _WHAT.search(np_):
        return None   # (…, no matter what critics say, …: "what" is the object, no parenthetical)
    spk, typ = resolve_np(dm, _unmask(np_), ss + m.start(), memory)
    if not spk and unresolved_pronoun(np_):
        spk, typ = "", "none"   # "…, they say, …" with no antecedent: the report, no speaker
    elif not spk or typ == "none" or spk.lower() in _NON_SPEAKERS:
        return None
    cs, ce = ss, ss + len(sent)
    t = dm.text
    while ce > cs and t[ce - 1] in ".!? \n":
        ce -= 1
    cue = "according to" if m.group(1) else (m.group(3) or m.group(4))
    return Quote("", cs, ce, t[cs:ce], "reported", spk, cue=cue, speaker_type=typ)


# --------------------------------------------------------------------------- headlines

#: a headline is a line of at most this many characters with no end punctuation, most of whose longer words
#: are capitalised (at least :data:`HEADLINE_MIN_LONG_WORDS` of them, a share of :data:`HEADLINE_CAPITAL_SHARE`)
HEADLINE_MAX_CHARS = 160
HEADLINE_MIN_LONG_WORDS = 3
HEADLINE_CAPITAL_SHARE = 0.75
#: ... and the subject before its speech verb has at most this many words
HEADLINE_SUBJECT_WORDS = 5
_HEADLINE_LEAD_CUT = (":", "—", "–", "|")
_HEADLINE_END = re.compile(r"[!?:;,“”\"’')\]]\.?\s*$")   # a title may end with a period, never a question
_LONG_WORD = re.compile(r"[A-Za-z][\w’'-]{3,}")
_WORD = re.compile(r"[^\s]+")
_QUESTION_WORDS = frozenset(words("question_word"))
_NO_SUBJECT = frozenset(words("stop_pre") + words("bare_subject_veto"))


def reported_headline(dm, taken: _SpanSet, rows: list[Quote], memory: _Speakers) -> list[Quote]:
    """"Mayor Lee Says Her Budget Will Not Raise Taxes": in a title-case line (:func:`is_headline`) with no
    quotation mark, the first capitalised speech verb that takes a clause with no "that" (``zero_that`` yes
    or finite; not "tell", whose object would be read as the clause; no -ing form; none after a modal:
    "Americans Will Say …") after a subject of at most :data:`HEADLINE_SUBJECT_WORDS` words (after any colon
    or dash) that resolves to a speaker and opens with no question word ("Why Pilots Say …"): the words
    after it, to the end of the line or a ";", are one ``reported`` row when they hold a finite verb
    (:data:`.speakers.FINITE_WORD`, case aside: "Ferries Will Not Sail"; "Says Goodbye To …", "Claims Soar
    After …" hold none) and open with no word that is no subject (``bare_subject_veto``, ``stop_pre``)."""
    t = dm.text
    occupied = _SpanSet([(r.start, r.end) for r in rows] + list(taken))
    out = []
    for ps, pe in dm.paras:
        if pe - ps > HEADLINE_MAX_CHARS or not is_headline(t[ps:pe]) or dm.has_mark(ps, pe):
            continue
        for w in _WORD.finditer(t, ps, pe):
            verb = w.group().rstrip(":")
            info = dm.vinfo.get(verb.lower(), {})
            if not verb[:1].isupper() or info.get("zero_that") not in ("yes", "finite") \
                    or info.get("lemma") == "tell" or is_participle(verb):
                continue
            # the subject starts after the last colon or dash ("Bombshell Photo Surfaces — Some Say …")
            lead = max(t.rfind(c, ps, w.start()) for c in _HEADLINE_LEAD_CUT) + 1 or ps
            subj = t[lead:w.start()].split()
            if not subj:
                continue
            cs, semi = w.end() + 1, t.find(";", w.end(), pe)
            ce = rstrip_period(t, cs, semi if semi >= 0 else pe)
            after = t[cs:ce].split()
            if len(subj) <= HEADLINE_SUBJECT_WORDS and subj[0].lower() not in _QUESTION_WORDS \
                    and not modal_before(t, ps, w.start()) and after and after[0].lower() not in _NO_SUBJECT \
                    and FINITE_WORD.search(t[cs:ce].lower()) and not occupied.overlaps(cs, ce):
                spk, typ = resolve_np(dm, " ".join(subj), w.start(), memory)
                if spk and typ != "none":
                    out.append(Quote("", cs, ce, t[cs:ce], "reported", spk, cue=verb.lower(), speaker_type=typ))
                    occupied.add(cs, ce)
            break
    return out


#: the most words of the speaker a headline names before its colon ("Varadkar: …") or after its colon or dash
HEADLINE_SPEAKER_WORDS = 4
#: ... and the fewest words of what it says
HEADLINE_STATEMENT_WORDS = 3
_HEADLINE_DASH = re.compile(r"[ \xa0][-–—][ \xa0]")
_HEADLINE_COLON = re.compile(r":[ \xa0]")


def headline_colon(dm, taken: _SpanSet, rows: list[Quote], memory: _Speakers) -> list[Quote]:
    """"Lind: We will rebuild the pier by spring", "We were the better crew: Okafor after the race", "Ferries
    will sail again next week - Lind": the headline (the text's first line, at most
    :data:`HEADLINE_MAX_CHARS` characters, with no quotation mark and no end punctuation) cut in two by one colon, or
    by a spaced dash, into a speaker and what the speaker says is one ``reported`` row of the statement (cue ":" or
    the dash). The speaker comes before the colon or after it (up to its first lower-case word: "Okafor after the
    race": :func:`_speaker_end`), or after the dash, in at most :data:`HEADLINE_SPEAKER_WORDS` words, and is a name
    (:func:`.speakers.resolve_np` of type ``named``) of a person or an organisation the body names too, or of
    someone who speaks in the text; the statement has at least :data:`HEADLINE_STATEMENT_WORDS` words, a finite
    verb (:data:`.speakers.FINITE_WORD`) and no question word first ("Joe Lee: why the mayor left"). Headlines
    attribute so; a topic label ("Budget 2025: what changes", "Gaza: the strip at night") names no such speaker."""
    if not dm.paras:
        return []
    t, (ps, pe) = dm.text, dm.paras[0]
    pe = rstrip_period(t, ps, pe)
    if pe - ps > HEADLINE_MAX_CHARS or _HEADLINE_END.search(t, ps, pe) or dm.has_mark(ps, pe):
        return []
    colons = [m.start() for m in _HEADLINE_COLON.finditer(t, ps, pe)]
    dashes = [m.start() for m in _HEADLINE_DASH.finditer(t, ps, pe)]
    if len(colons) + len(dashes) != 1:
        return []
    speakers = {r.speaker for r in rows if r.speaker}
    cut = (colons or dashes)[0]
    after = cut + (2 if colons else 3)
    parts = [(ps, cut, after, pe)] if colons else []   # (speaker start, end, statement start, end)
    parts.append((after, _speaker_end(dm, after, pe), ps, cut))
    occupied = _SpanSet([(r.start, r.end) for r in rows] + list(taken))
    for a, b, cs, ce in parts:
        said = t[cs:ce]
        if count_words(t[a:b]) > HEADLINE_SPEAKER_WORDS or count_words(said) < HEADLINE_STATEMENT_WORDS \
                or not FINITE_WORD.search(said.lower()) or said.split()[0].lower() in _QUESTION_WORDS \
                or occupied.overlaps(cs, ce):
            continue
        spk, typ = _headline_np(dm, t[a:b].strip(), b, memory)
        if typ == "named" and _headline_speaker(dm, spk, pe, speakers):
            return [Quote("", cs, ce, t[cs:ce], "reported", spk, cue=t[cut:after].strip(), speaker_type=typ)]
    return []


def headline_subject_quote(dm, rows: list[Quote], memory: _Speakers) -> None:
    """"Harbor Party ‘will not stall’ over nominations": a quotation of the headline (the text's first line) left
    without a speaker right after the words that open the line, when they are a name (``NAME_RE``) of at most
    :data:`HEADLINE_SPEAKER_WORDS` words that speaks in the text or is named again in the body
    (:func:`_headline_speaker`), is that name's: a headline puts the speaker's words right after the speaker. Kind
    ``partial``, no cue."""
    if not dm.paras:
        return
    t, (ps, pe) = dm.text, dm.paras[0]
    speakers = {r.speaker for r in rows if r.speaker}
    for q in rows:
        if q.start >= pe or q.speaker or q.kind not in ("scare", "unattributed") or "title" in q.quote_flags:
            continue
        lead = t[ps:q.start].strip()
        if count_words(lead) > HEADLINE_SPEAKER_WORDS or NAME_RE.fullmatch(lead) is None:
            return   # (only a name: not "Lee: Votes prove Berg ‘…’")
        spk, typ = _headline_np(dm, lead, q.start, memory)
        if typ == "named" and _headline_speaker(dm, spk, pe, speakers):
            q.speaker, q.speaker_type, q.kind = spk, typ, "partial"
        return


def _speaker_end(dm, a: int, b: int) -> int:
    """The end of the speaker a headline names after its colon or dash, at ``text[a:b]``: before its first
    lower-case word that is no person or organisation noun ("Okafor after the race", "KFA rejects …"; not "Harbor
    senators")."""
    t = dm.text
    nouns = dm.rules.get("person", {}), dm.rules.get("org", {})
    for w in _WORD.finditer(t, a, b):
        x = w.group()
        if x[:1].islower() and not any(x.lower() in n or x.lower().rstrip("s") in n for n in nouns):
            return rstrip(t, a, w.start())
    return b


def _headline_np(dm, np_: str, at: int, memory: _Speakers) -> tuple[str, str]:
    """:func:`.speakers.resolve_np` of the words ``np_``, or the organisation an acronym of the text stands for
    ("- WHO": not the question word)."""
    full = dm.entities.acronyms.get(np_) if np_.isupper() else None
    return (full, "named") if full else resolve_np(dm, np_, at, memory)


def _headline_speaker(dm, spk: str, body: int, speakers: set) -> bool:
    """Is the name ``spk`` a speaker of the text (in ``speakers``), or a person or an organisation named again in
    the body (after ``body``)?"""
    ents = dm.entities
    canon = ents.canonical(spk) or spk
    if spk in speakers or canon in speakers:
        return True
    ent = ents.by_name.get(canon)
    if ent is None or not (ent.kind in ("person", "org") or person_like(dm, ent)):
        return False
    k = bisect.bisect_left(ents.all_starts, body)
    return any(ents.canonical(n) == canon for _, _, n in ents.all_mentions[k:])


def rstrip_period(t: str, cs: int, ce: int) -> int:
    """``ce`` moved back over white space and one final period of a title."""
    ce = rstrip(t, cs, ce)
    return ce - 1 if ce > cs and t[ce - 1] == "." else ce


def is_headline(line: str) -> bool:
    """A line with no end punctuation whose longer words are mostly capitalised ("Bellwether County Says
    Ruiz Should Win the Primary"), as a title is."""
    line = line.strip()
    if not line or _HEADLINE_END.search(line):
        return False
    longw = _LONG_WORD.findall(line)
    return len(longw) >= HEADLINE_MIN_LONG_WORDS and \
        sum(w[0].isupper() for w in longw) >= HEADLINE_CAPITAL_SHARE * len(longw)

