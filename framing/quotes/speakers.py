"""From a speech verb to its speaker: the subject noun phrase, then who it names.

* :func:`subject_region` finds the text of a verb's subject in its clause (appositives and
  verb-phrase fragments skipped); :func:`modal_before` says when the verb reports nothing
  ("could say", "refused to comment").
* :func:`resolve_np` turns that text into ``(speaker, speaker_type)``: a name (merged with the
  fullest form in the article, acronyms expanded), a pronoun resolved to the nearest compatible
  antecedent (:func:`resolve_pronoun`), a description ("the French defense minister", "the
  company") linked to the entity it refers to when the text leaves one (:func:`link_descriptor`),
  or the phrase as written (``vague``).
* :class:`_Speakers` is the memory of the attributions so far that pronouns look back to.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .entities import _POSSESSIVE_END, is_place, name_in_np, name_words
from .lexicon import (
    alternation,
    demonyms,
    descriptor_np,
    first_name_genders,
    np_internal_abbreviations,
    place_names,
    prepositions,
    speech_participles,
    speech_verbs_with,
    word_set,
    words,
)
from .names import (
    HEAD_CUT,
    NAME_RE,
    PARTY_TAG,
    POSS,
    aux_strip,
    count_words,
    is_vague_head,
    name_before_to,
    noun_gender,
    singular_person,
    stem,
)

# A pronoun with no compatible speaker before it looks back for a descriptor NP ("the defense
# minister") since the last named person; the scan of each pronoun covers at most this many
# characters, the matches further back come from one scan shared by all pronouns. Exact as long
# as no attempt of that NP regex ("the" + up to three words + a role noun, under 100 characters
# in news text) spans this many characters.
DESCR_WINDOW = 400
#: a verb's subject region is at most this many characters before it (a subject with its appositives)
SUBJECT_REGION_CHARS = 400
#: a person named within the first this-many words of a sentence is its subject, for pronouns
SUBJECT_WORDS = 4
#: a pronoun looks back over at most this many noted speakers that a gender learnt since made incompatible
GENDER_WALK = 16
#: how many mentions may lie between a speaker whose gender is only the first-name list's and a pronoun of
#: the other gender that still means that speaker (:func:`_listed_gender_speaker`)
LISTED_GENDER_MENTIONS = 8
#: a pronoun refers to a speaker of its paragraph or of at most this many paragraphs before it
#: (PolNeAR select, see :func:`_resolve_pronoun`)
PRONOUN_PARAGRAPHS = 3
#: "they" with no speaker to refer to looks back over at most this many name mentions for an organisation
THEY_MENTIONS = 30

_STOP_PRE = word_set("stop_pre")
_NP_NOT_LAST = word_set("np_not_last")
_FIRST_PERSON = word_set("pronoun_unresolved")   # "I", "we": never resolved
_FIRST_PERSON_CONTRACTION = re.compile(r"(?:" + alternation("pronoun_unresolved") + r")[’'](?:"
                                       + alternation("contraction_suffix") + ")")   # "I’ve", "we're"
#: a clause's subject opened by a determiner is at most this many words ("One clerk at a shipping office")
DETERMINER_NP_WORDS = 10
# (a number may count the time word: "Eight years ago, …")
_FRONTED_ADVERBIAL = re.compile(r"(?:(?:" + alternation("number_word") + r"|\d+)[ \xa0]+)?(?:"
                                + alternation("adverbial_start") + r")\b[^,.;:“”\"]{0,60},\s+", re.I)
# an adverbial word, or an -ly, -ing or -ed word before a preposition, determiner or question word ("Speaking
# at", "Asked whether", "Shortly after"); not "Kelly met", "Beijing sent"
_FRONTED_OPENER = re.compile(r"(?:(?i:" + alternation("adverbial_start") + r")\b"
                             r"|[A-Z][a-z]+(?:ly|ing|ed)[ \xa0]+(?:" + alternation("adverbial_start") + "|"
                             + alternation("place_preposition") + "|" + alternation("question_word") + "|"
                             + alternation("determiner") + r"|to|about)\b"
                             r"|[A-Z][a-z]{2,}ing[ \xa0]+[a-z])")   # ("Facing mounting criticism, X released …")
# (or a possessive name: "Berg's office wrote …")
_DETERMINER_OPEN = re.compile(r"(?:" + alternation("determiner") + "|" + alternation("np_quantifier") + "|"
                              + alternation("subject_quantifier") + r")\s"
                              r"|(?!(?:" + alternation("contracted_subject") + r")[’']s)"
                              r"(?-i:[A-Z][\w.-]*(?:[ \xa0][A-Z][\w.-]*){0,3}[’']s\s+[a-z])", re.I)
#: a finite verb: an auxiliary or modal, an irregular past tense ("spoke", "found") or an -ed word
FINITE_ALT = alternation("finite_marker") + "|" + alternation("irregular_past") + r"|[a-z]+ed"
FINITE_WORD = re.compile(r"\b(?:" + FINITE_ALT + r")\b")
# a possessive right before a word: "Ruiz's claim", "the mayor’s warning", "the senators' claims" (not "he's", "it’s":
# a subject pronoun and "is" or "has")
_POSSESSIVE_BEFORE = re.compile(r"(?<![\w’'])(?!(?i:" + alternation("pronoun_subject") + r")[’']s)"
                                r"[\w’'.-]*\w(?:[’']s|s[’'])[ \xa0]+$")


def possessive_noun(text: str, vstart: int, verb: str) -> bool:
    """Is the speech verb ``verb`` at ``vstart`` a noun after a possessive ("Ruiz's claim that …",
    "the mayor's warning")? Not a past form: "Lee's said" is "Lee has said"."""
    return not FINITE_WORD.fullmatch(verb.split()[0]) and \
        _POSSESSIVE_BEFORE.search(text, max(0, vstart - 40), vstart) is not None


def noun_before_plural_verb(text: str, vend: int, verb: str) -> bool:
    """Is the speech verb ``verb`` ending at ``vend`` a form that is also a plural noun (list ``noun_form_verb``) and
    followed by a verb form a plural subject or a modal takes (list ``plural_finite``: "that states can pass …", "the
    claims are …")? Then it is that noun (a speech verb in -s never takes such a form right after it as its
    complement; "which he believes will …" is no such form)."""
    return verb.lower() in _NOUN_FORM_VERBS and _PLURAL_VERB_AFTER.match(text, vend) is not None


def noun_after_past_verb(text: str, vstart: int, verb: str) -> bool:
    """Is the speech verb ``verb`` starting at ``vstart`` a form that is also a plural noun (list ``noun_form_verb``)
    right after a verb in the past ("has rejected claims made by …", "denied reports that …")? Then it is that
    verb's object, a noun."""
    return verb.lower() in _NOUN_FORM_VERBS and _PAST_VERB_BEFORE.search(text, max(0, vstart - 30), vstart) is not None


def noun_after_plural_determiner(text: str, vstart: int, verb: str) -> bool:
    """Is the speech verb ``verb`` starting at ``vstart`` a form that is also a plural noun (list ``noun_form_verb``)
    right after a word of list ``plural_noun_determiner`` ("to voice such claims", "these claims")? Then it is that
    noun: no subject opens with such a word."""
    return verb.lower() in _NOUN_FORM_VERBS and _PLURAL_DETERMINER_BEFORE.search(text, max(0, vstart - 12),
                                                                                vstart) is not None


_PLURAL_DETERMINER_BEFORE = re.compile(r"\b(?i:" + alternation("plural_noun_determiner") + r")[ \xa0]+$")


def noun_before_for(text: str, vend: int, verb: str) -> bool:
    """Is the speech verb ``verb`` ending at ``vend`` a form of list ``noun_before_for`` followed by "for" ("media
    requests for confirmation")? Then it is a plural noun: as a verb it takes its object with no preposition."""
    return verb.lower() in _NOUN_BEFORE_FOR and _FOR_AFTER.match(text, vend) is not None


_NOUN_BEFORE_FOR = frozenset(words("noun_before_for"))
_FOR_AFTER = re.compile(r"[ \xa0]+for\b")
_NOUN_FORM_VERBS = frozenset(words("noun_form_verb"))
_PAST_VERB_BEFORE = re.compile(r"\b(?:[a-z]+ed|" + alternation("irregular_past") + r")[ \xa0]+$")
_PLURAL_VERB_AFTER = re.compile(r"[ \xa0]+(?:" + alternation("plural_finite") + r")(?![\w’'])")


# a determiner right before a word (list ``determiner``: "the claim that …"), or one of list ``noun_determiner`` ("a",
# "another") and at most two lower-case words that are no closed-class word, pronoun, noun of quantity (list
# ``quantity_noun``) or auxiliary, the last no plural ("a recent claim that …", "another suspect that …"; not "a group
# that say", "the officials claim", "a few officials say", "almost a quarter say", "a spokesman did say"); after a
# determiner, one participle adjective in -ed ("the discredited claim that …", "his disputed claim"; not "the police
# claim")
_DETERMINER_BEFORE = re.compile(
    r"\b(?:(?i:" + alternation("determiner") + r")(?:[ \xa0]+[a-z][a-z-]*ed)?|(?i:" + alternation("noun_determiner")
    + r")"
    r"(?:[ \xa0]+(?!(?:" + alternation("stop_pre") + "|" + alternation("pronoun_subject") + "|"
    + alternation("quantity_noun") + "|" + alternation("finite_marker") + r")\b)[a-z][\w-]*){0,2}"
    r"(?<![^s]s))[ \xa0]+$")   # (the last word no plural: "a few officials say")


#: how many words the noun phrase of "with <noun phrase> saying …" may have
ABSOLUTE_NP_WORDS = 8
# "with" after a comma or opening the sentence (not "met with reporters saying"); the last "with" before the verb
# (a search from a position inside the text: "^" is only the text's or a line's start, so a sentence's start is
# the character after ". ")
WITH_NP = re.compile(r"(?:^|(?<=[.!?”\"’)][ \xa0])|,[ \xa0]+)[Ww]ith[ \xa0]+"
                      r"(?P<np>(?:(?!\bwith\b)[^,.;:!?“”\"()]){2,80}?)[ \xa0]+$", re.M)


def absolute_subject(dm, lo: int, vstart: int) -> str | None:
    """The subject of an -ing speech verb in "with <noun phrase> <verb>" after a comma or opening the sentence
    ("…, with most pilots saying the fee is too high"; not "met with reporters saying"): the noun phrase after the
    last such "with" (at most :data:`ABSOLUTE_NP_WORDS` words, no finite verb, not before ``lo``); else None. (A
    thing, "with a sign saying", is no agent: the caller drops it.)"""
    wm = WITH_NP.search(dm.text, max(lo, dm.sent_start(vstart), vstart - 90), vstart)
    if wm is None or count_words(wm["np"]) > ABSOLUTE_NP_WORDS or FINITE_WORD.search(wm["np"]):
        return None
    return wm["np"]


_CONTENT_ONLY_FORMS = frozenset(v for lemma in word_set("content_only_verb") for v in speech_verbs_with("lemma", lemma))
_EVERYDAY_NEXT = re.compile(r"[ \xa0]+(?:" + alternation("everyday_sense_next") + r")\b")


def bare_content_verb(dm, m) -> bool:
    """Is the speech verb match ``m`` of list ``content_only_verb`` followed by a word of list ``everyday_sense_next``
    ("the quarrel continued after the vote"): the verb in its everyday sense, reporting nothing?"""
    return m.group(1).lower() in _CONTENT_ONLY_FORMS and _EVERYDAY_NEXT.match(dm.text, m.end()) is not None


def determiner_noun(text: str, vstart: int, verb: str, lemma: str) -> bool:
    """Is the speech verb ``verb`` at ``vstart`` in its base form (``lemma``) a noun after a determiner ("the claim
    that …", "a recent claim, first made by …, that …")? No subject a determiner opens takes the base form so
    close to it (a plural noun between does: "the officials claim")."""
    if verb.lower() != lemma:
        return False
    m = _DETERMINER_BEFORE.search(text, max(0, vstart - 40), vstart)
    # (but a second subject joined by "and": "the unions and a lone trustee say …" is a plural subject)
    return m is not None and _AND_BEFORE.search(text, max(0, m.start() - 6), m.start()) is None


_AND_BEFORE = re.compile(r"(?<![,;])[ \xa0](?:and|or)[ \xa0]+$")   # (not "…, and his call for …")


# the comma that ends a fronted phrase: a finite verb follows within 60 characters, before any other comma
SUBJECT_COMMA = re.compile(r",[ \xa0]+(?=[^,;:“”\"]{1,60}?[ \xa0](?:" + FINITE_ALT + r")\b)")
# ... the comma may be inside the closing mark of a quotation the fronted phrase ends with ("Praising his crew’s
# “grit,” Mr. Lund spoke …")
_FRONTED_COMMA = re.compile(r",[”\"’]?[ \xa0]+(?=[^,;:“”\"]{1,60}?[ \xa0](?:" + FINITE_ALT + r")\b)")
# ", and aides say": a plural noun alone after the coordinator is the subject of its own clause
_PLURAL_NOUN = re.compile(r"[a-z][a-z’'-]+[^su]s")
_VAGUE_VETO = word_set("vague_veto_start")
_PREPOSITIONS = prepositions()
_BARE_SUBJECT_VETO = word_set("bare_subject_veto")   # "Yes", "No", "So": never a person
_ACRONYM_COMMON_NOUN = word_set("acronym_common_noun")   # "TV", "GDP": things, never a pronoun's speaker
_DEMONYMS = demonyms()
_PLACE_NAMES = place_names()   # "Puerto Rico tends to …": never the person a he/she means
_COPULA = word_set("copula")
_ING = re.compile(r"\w+ing\b")
_LY_ADVERB = re.compile(r"[a-z]+ly")
# (a copula, or one contracted after a subject pronoun: "he's suggesting", "they’re saying")
_PROGRESSIVE = re.compile(r"(?:\b(?:" + alternation("copula") + r")|\b(?:" + alternation("pronoun_subject")
                          + r")[’'](?:" + alternation("contraction_suffix") + r"))(?:[ \xa0]+(?:\w+ly|"
                          + alternation("progressive_adverb") + r"))?[ \xa0]+$", re.I)
_CLAUSE_COORDINATION = re.compile(r";|,[ \xa0]+(?:" + alternation("clause_coordinator") + r")\b")
_INITIAL = re.compile(r"[A-Z]\.")   # a middle initial ("Tom J. Berg")
# a share of people polled as a source: "Roughly four in 10", "58 percent of anglers", "two-thirds", "a majority"
# (a bare number is no share: "2016 said" is a date, "1,200 said" may be money; after a word of list ``share_lead``
# one with a thousands comma is a count: "at least 4,500 said")
_SHARE = re.compile(r"(?:" + alternation("share_lead", space=r"\s+") + r")\s+\d{1,3}(?:,\d{3})+|"
                    r"(?:(?:" + alternation("share_lead", space=r"\s+") + r")\s+)?"
                    r"(?:\d[\d,.]*(?:%|\s+percent|\s+in\s+\w+|\s+out\s+of\s+\w+)|(?:"
                    + alternation("share_word", space=r"\s+") + r"|\w+-(?:thirds|quarters|fifths))"
                    r"(?:\s+(?:in|out\s+of)\s+\w+)?)(?:\s+of\s+[\w’'\s-]{1,60})?", re.I)
_FINITE_IN_NP = re.compile(r"\b(?:" + alternation("finite_marker") + r")\b", re.I)
# "Ann Lee said in response to media" before "requests that …": a clause, no noun phrase
_SPEECH_PAST_IN_NP = re.compile(r"\b(?:" + alternation("speech_past_in_np") + r")\b", re.I)
_DOCUMENT_HEAD = word_set("document_head")   # "Fourteenth Amendment": a text, no person
_PLACE_HEAD = word_set("place_head")   # "Palm Grove County": a place, no personal name
_COMPASS = word_set("compass_word")   # "West Keel" (two words): a region
_NOT_A_PERSON_WORD = re.compile(r"(?:" + alternation("date_word") + r")$|\w+(?:" + alternation("group_plural_suffix")
                                + r")$")
# an article or possessive determiner right before a name that a lower-case word follows: the name modifies that
# word ("the Lane campaign", "her Open semifinal")
_ARTICLE_BEFORE = re.compile(r"\b(?:" + alternation("determiner") + r")[ \xa0]+$", re.I)
_LOWER_AFTER = re.compile(r"[ \xa0]+[a-z]")
_PLACE_BEFORE = re.compile(r"\b(?:" + alternation("place_only_preposition") + r")[ \xa0]+$")
_PRON = {w: g for g in "mfp" for w in words(f"pronoun_{g}")}
_NEUTER = word_set("pronoun_n")
_CONTRACTION = re.compile(r"[’'](?:" + alternation("contraction_suffix") + r")$")
_PRONOUN_CONTRACTION = re.compile(r"\b(" + alternation("pronoun_subject") + r")[’'](?:"
                                  + alternation("contraction_suffix") + r")$", re.I)
_SUBJECT_PRON = word_set("pronoun_subject")
_ARTICLE = word_set("article")
_LEADING_ARTICLE = re.compile(r"^(?:" + alternation("article") + r")\s+", re.I)
_LAST_ARTICLE = re.compile(r"\b(?:" + alternation("article") + r")\s", re.I)
_DESCRIPTOR_CUT = word_set("descriptor_cut")
_GENERIC_ORG_HEAD = word_set("generic_org_head")
_IT_HEADS = _GENERIC_ORG_HEAD | word_set("text_source_noun")
_HEAD_ENDS = frozenset(("of", "from", "by", "at", "in", "on", "for", "with"))
_NON_COMPANY = word_set("non_company_org_word")
_NAME_CONNECTOR = word_set("name_connector")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_REPORTING_MODALS = word_set("reporting_modal")
_ONLY_SAY_THAT = re.compile(r"[\w’'-]+[ \xa0]+that[ \xa0]+(?!(?:" + "|".join(sorted(prepositions())) + "|"
                            + alternation("question_word") + r")\b)\w", re.I)
_MODAL_REPORT_ADVERBS = word_set("modal_report_adverb")
_MODAL_NEG = re.compile(r"(?:\b(?:" + alternation("modal_negation") + r")(?:[ \xa0]+(?:\w+ly|"
                        + alternation("modal_adverb") + r"))*[ \xa0]*)$", re.I)
#: an abbreviation whose period does not end a noun phrase, or initials (U.S.)
ABBR_RE = re.compile(r"\b(?:" + "|".join(np_internal_abbreviations()) + r")\.|(?:[A-Z]\.)+")
# a relative or participle aside still open where the searched text ends (", who …", ", dressed in …" with no comma
# after it)
_OPEN_RELATIVE = re.compile(r",[ \xa0]+(?:who|whom|whose|which|[a-z]+(?:ed|ing)[ \xa0]+(?:"
                            + alternation("place_preposition") + "|" + alternation("participle_preposition")
                            + r"))\b[^,]*$")
_CLAUSE_CUT = re.compile(r"[;:(—–]|" + "|".join(rf"\b{w}\s" for w in words("clause_cut") + words("open_clause_cut"))
                         # "in which 58 percent say", "at which point the fans chanted": a clause with its own subject
                         + r"|\b(?:" + alternation("relative_preposition") + r")\s+wh(?:ich|om)\s+(?:point\s)?"
                         + r"|\bas\s(?=[A-Z]|" + "|".join(rf"{w}\b" for w in words("as_subject_start"))
                         + r")|\bAs\s")
_OPEN_CLAUSE_CUT = word_set("open_clause_cut")
_PLACE_ONLY = word_set("place_only_preposition")
_VP_FRAGMENT_START = word_set("vp_fragment_start")
_AUX_ADVERB_WORDS = word_set("aux_adverb")
_COORDINATOR_ADVERB = word_set("coordinator_adverb")
_LETTER = re.compile(r"[^\W\d_]")
_NP_CONJUNCTION = word_set("clause_coordinator")
_RELATIVE_AUX = word_set("relative_aux")
_RELATIVE_SUBJECT = word_set("relative_subject")
#: the last clause of a subject region is looked for in at most this many characters before the verb
LAST_CLAUSE_CHARS = 300
_LAST_CLAUSE_OPEN = re.compile(r";[ \xa0]+|,[ \xa0]+(?:" + alternation("clause_coordinator") + r")[ \xa0]+"
                               r"|,[ \xa0]+(?:" + alternation("contrast_subordinator") + r")[ \xa0]+(?!\w+ing\b)"
                               r"|\b(?:as|" + alternation("np_clause_cut") + r")[ \xa0]+(?=[A-Z])"
                               # "… after Treasurer Ann Lee weighed in, calling …": a temporal clause only when
                               # capitalised words and a finite verb open it (not "after Monday's vote")
                               r"|\b(?:" + alternation("temporal_subordinator") + r")[ \xa0]+"
                               r"(?=(?:[A-Z][\w.’'-]*[ \xa0]+){1,4}(?:" + FINITE_ALT + r")\b)"
                               # "When reporters asked Lee if …, Berg repeatedly avoided it, saying …": a main clause
                               # whose named subject and finite verb follow a comma
                               r"|,[ \xa0]+(?=(?:[A-Z][\w.’'-]*[ \xa0]+){1,3}(?:[a-z]+ly[ \xa0]+)?(?:" + FINITE_ALT
                               + r")\b)")
_TEMPORAL_SUBORDINATOR = word_set("temporal_subordinator")
#: the noun phrase before a relative pronoun ("dairy farmers who say") is at most this many words
RELATIVE_NP_WORDS = 4
# a preposition that opens an adjunct after the subject's name ("Lee in his first speech", "Ruiz at the rally")
_AFFILIATION_AFTER_NAME = re.compile(r"[ \xa0]+(?:of|from|with)[ \xa0]+(?:the|a|an)[ \xa0]+[a-z]")
_ADJUNCT_AFTER_NAME = re.compile(r"[ \xa0]+(?:" + alternation("subject_adjunct_preposition") + r")[ \xa0]+[a-z]")
# a comma part that only dates the verb ("Dunn, who …, last week said"): no subject
_TIME_ONLY = re.compile(r"(?:on[ \xa0]+)?(?:" + alternation("date_word") + "|" + alternation("tail_time")
                        + r"|(?:" + alternation("time_modifier") + r")[ \xa0]+\w+)"
                        r"(?:[ \xa0]+(?:" + alternation("date_part") + r"))?", re.I)
#: the noun phrase that a relative clause follows inside a subject ("A man who has sued the county said")
#: is at most this many words
RELATIVE_HEAD_WORDS = 6
_RELATIVE_IN_SUBJECT = re.compile(r"[ \xa0]+(?:" + alternation("relative_in_subject") + r")[ \xa0]+[a-z]")
_DETERMINER_START = re.compile(r"(?:" + alternation("determiner") + r")\b")
# a subordinator that opens a clause of its own inside a fronted phrase ("In June, after Ann Lee fell ill, …")
_SUBORDINATE_OPENS = re.compile(r"(?:" + alternation("fronted_subordinator") + r")\b", re.I)
_ADVERBIAL_START = re.compile(r"(?:" + alternation("adverbial_start") + r")\b|\d", re.I)
# a short adverbial between the subject's comma and the verb, maybe after an adverb ("Ann Lee, a spokeswoman,
# shortly after the vote said"): no subject (one to three lower-case words after it: not "in a statement the
# agency said")
_ADVERBIAL_PART = re.compile(r"(?:[a-z]+ly[ \xa0]+)?(?:" + alternation("adverbial_start")
                             + r")(?:[ \xa0]+[a-z][\w’'-]*){1,3}")
_NP_CUT_PREPOSITION = re.compile(r"\b(?:" + alternation("np_cut_preposition") + r")\b")
# "But he", "where prosecutors have long": the conjunction or subordinator is no part of the speaker
_NP_LEAD_DROP = re.compile(r"^(?:(?:" + alternation("np_lead_drop") + r")\s+)+", re.I)
# a fronted adverbial with no comma after it, at the start of a subject noun phrase: an adverb of list
# ``fronted_adverb`` ("Afterwards officials declined"), a time counted back ("Hours later police closed", list
# ``time_back``) or a time phrase ("Last week the mayor said", "Earlier this month"); never a word of the subject
_FRONTED_TIME = re.compile(
    r"^(?:(?:[\w-]+[ \xa0]+){0,2}(?:" + alternation("time_noun") + r")[ \xa0]+(?:" + alternation("time_back") + "|"
    + alternation("time_subordinator") + r")"
    r"|(?:(?:" + alternation("time_lead") + "|" + alternation("time_modifier") + r")[ \xa0]+)+(?:"
    + alternation("time_noun") + "|" + alternation("date_word") + r")"
    r"|(?:" + alternation("fronted_adverb") + r"))[ \xa0]+(?=\w)", re.I)   # (the longest first: "Earlier this month")


def drop_np_lead(s: str) -> str:
    """``s`` without the conjunctions (list ``np_lead_drop``) and the fronted adverbial with no comma
    (:data:`_FRONTED_TIME`) that open it: "But yesterday the mayor" -> "the mayor"; and without a fronted participle
    phrase with no comma before a last definite description ("Speaking about the campaign the President" -> "the
    President")."""
    s = _NP_LEAD_DROP.sub("", s)
    m = _FRONTED_TIME.match(s) or _FRONTED_PARTICIPLE_NP.match(s)
    return s[m.end():] if m else s


_FRONTED_PARTICIPLE_NP = re.compile(r"[A-Z][a-z]+ing[ \xa0][^,;:]*[ \xa0]"
                                    r"(?=[Tt]he[ \xa0]+(?:[\w’'-]+[ \xa0]+){0,2}[\w’'-]+$)")
# a subject after a fronted phrase: the comma before it, a finite verb after it
# after the comma of a fronted phrase, up to three words that describe the name ("On Monday, campaign manager Ann Lee
# released …"); the caller asks for a finite verb after the name
# an appositive set off by commas after a name (no stop, no quotation mark, at most 80 characters)
_APPOSITIVE_SKIP = re.compile(r",[ \xa0]+[^,.;:!?“”\"\n]{2,120}?,")
_AFTER_COMMA_DESCRIPTION = re.compile(r",[ \xa0]+((?:[\w’'-]+[ \xa0]+){0,3})$")
# "Okafor often argues", "Lee also said"
_NEXT_WORD = re.compile(r"(?:[ \xa0]+(?:[a-z]+ly|also|then|later|still))?[ \xa0]+([a-z][a-z’']*)")
_FINITE_VERB = re.compile(r"(?:" + alternation("finite_marker") + r")|[a-z]+(?:ed|s)")
_FINITE_MARKER = word_set("finite_marker")   # (auxiliaries, though closed-class words: "Lee has also said")
# a relative pronoun inside a comma part: what follows it is the relative clause's
_RELATIVE_IN_PART = re.compile(r"\b(?:" + alternation("relative_pronoun") + r"|that)\b")
# a finite verb that no adjective can be: an auxiliary or an irregular past ("after the skipper had posted", not "after
# the elected mayor")
_AUX_OR_PAST = re.compile(r"\b(?:" + alternation("finite_marker") + "|" + alternation("irregular_past") + r")\b")
# a comma that splits a subject region into parts (not the comma of a number: "at least 4,500 said")
_PART_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
# "… and Ann Lee" ending a subject region after a finite verb: a new subject ("he was out of town and Ann Lee said")
_NEW_SUBJECT_AT_END = re.compile(r"\b(?:" + alternation("clause_coordinator") + r")[ \xa0]+(?P<name>" + NAME_RE.pattern
                                 + r")(?:[ \xa0]+(?:" + alternation("aux_adverb") + r"|[a-z]+ly))?[ \xa0]*$")
# (an adverb may follow the name: "… but the Harbor board later rebutted it")
# a one-word name is a person when a relative "who" describes it ("Brandt, who …"); "Florida voted" says nothing
_ACTS_AFTER = re.compile(r",[ \xa0]+who\b")
_NP_CLAUSE_CUT = re.compile(r"\b(?:" + alternation("np_clause_cut") + r")\s+", re.I)


def _after_clause_cut(s: str) -> str:
    """``s`` after its last subordinator ("the case is one where prosecutors" -> "prosecutors")."""
    m = None
    for m in _NP_CLAUSE_CUT.finditer(s):
        pass
    return s[m.end():] if m is not None else s

# "Ms. Hale on Tuesday", "officials Thursday night", "the mayor today", "Ann Lee earlier this week": a date or a
# time is never (part of) a speaker
# (a time in lower case: "USA TODAY" is a name; an -ed participle of a reduced relative before it goes with it: "a
# poll conducted last week"; not "women", "citizen")
_NP_DATE_TAIL = re.compile(r"(?:^|\s+)(?:(?:(?:on|" + alternation("time_modifier") + r")\s+)?(?:"
                           + alternation("date_word") + r")(?:\s+(?:" + alternation("date_part") + r"))?"
                           r"|(?-i:(?:[a-z]{3,}ed\s+)?(?:(?:" + alternation("time_lead") + r")\s+)?(?:"
                           + alternation("time_modifier") + r")\s+(?:" + alternation("time_noun") + r")|(?:"
                           + alternation("tail_time") + r")))$", re.I)
# a lower-case head noun, then a preposition (and maybe other names and "and") right before a name:
# the name modifies the head ("the mayor of Lima", "police unions in France and Germany")
# (a plural head may open the phrase: "Advisers to Mr. Lee" are advisers)
# a name (its last word, or an acronym in parentheses) and a place preposition ending the text: the place after it
# modifies that name ("The Harbor Port Authority in Nevada said")
_PLACE_AFTER_NAME = re.compile(r"(?:\)|\b[A-Z][\w’'.-]*)(\s+(?:" + alternation("place_preposition") + r")\s+)$")
_MODIFIER_OF = re.compile(r"(?:\b[a-z][a-z’'-]+|^[A-Z][a-z’'-]+s|\b(?i:" + alternation("party_member") + r"))\s+(?:"
                          + alternation("place_preposition") + "|"
                          + alternation("role_preposition") + r")\s+"
                          r"(?:[A-Z][\w’'.-]*\s+(?:and\s+|,\s*)?)*$")
# asides beside a subject (:func:`_drop_asides`), read only in a bounded subject region (SUBJECT_REGION_CHARS)
_SHORT_PARENTHESIS = re.compile(r"[ \xa0]*\([^()]{1,30}\)")
_DASH_ASIDE = re.compile(r"[ \xa0]+[-–—][ \xa0]+[^-–—;:]{1,120}?[ \xa0]+[-–—](?=[ \xa0])")
_STATE_COMMA = re.compile(r",[ \xa0]+((?:[A-Z]\.){2}|(?:" + alternation("state_abbreviation") + r")\.)(?=,)")
# ... and a postal code after a place, a preposition before it ("in Salem, OH,"; not "Ann Lee, MD, said")
_POSTAL_COMMA = re.compile(r"(\b(?i:" + alternation("place_preposition") + r")[ \xa0]+[A-Z][\w.'’-]*"
                           r"(?:[ \xa0][A-Z][\w.'’-]*)?),[ \xa0]+(" + alternation("state_postal_code") + r")(?=,)")


def progressive_before(text: str, vstart: int) -> bool:
    """Is the verb at ``vstart`` an -ing form after a form of "be" ("is declaring", "was now
    saying"): a finite progressive, not a participle?"""
    return bool(_ING.match(text, vstart)) and _PROGRESSIVE.search(text, max(0, vstart - 30), vstart) is not None


# a word then "to" right before an infinitive speech verb; only after a verb of list ``infinitive_speaker`` ("went on
# to say", "interjected to say") did the subject say what follows ("declined to say", "was asked to say" did not)
INFINITIVE_TO = re.compile(r"\b([a-z]+)(?:[ \xa0]+on)?[ \xa0]+to[ \xa0]+$")
INFINITIVE_SPEAKER = word_set("infinitive_speaker")
_TO_BEFORE = re.compile(r"\bto[ \xa0]+$")
# a form of "be" (maybe an adverb after it) right before a participle ("was forced", "was later forced")
_COPULA_RIGHT_BEFORE = re.compile(r"\b(?:" + alternation("copula") + r")[ \xa0]+(?:[a-z]+ly[ \xa0]+|later[ \xa0]+)?$")
# "was quick to note", "were careful to stress": the subject said what follows (list ``infinitive_adjective``)
_COPULA_ADJECTIVE_TO = re.compile(r"\b(?:" + alternation("copula") + r")[ \xa0]+(?:[a-z]+ly[ \xa0]+)?([a-z]+)"
                                  r"[ \xa0]+to[ \xa0]+$", re.I)
INFINITIVE_ADJECTIVE = word_set("infinitive_adjective")
#: how long the object or adjunct between a verb of list ``purpose_report_verb`` and the "to" of an infinitive speech
#: verb may be ("took to the radio on Friday to say")
PURPOSE_GAP_CHARS = 60
_PURPOSE_GAP_VETO = re.compile(r"\b(?:" + "|".join(speech_participles()) + r"|for)\b")
_PURPOSE_LEAD = re.compile(r"\b(?:" + alternation("purpose_report_verb") + r")\b(?P<gap>[^.;:!?,“”\"]{1,"
                           + str(PURPOSE_GAP_CHARS) + r"}?)[ \xa0]to[ \xa0]+$")


def infinitive_lead(text: str, lo: int, vstart: int) -> int | None:
    """Where the verb of "went on to say", "continued to insist" starts (the copula of "was forced to concede"),
    when the speech verb at ``vstart`` is such an infinitive after a verb of list ``infinitive_speaker`` (not before
    ``lo``) that is itself no infinitive and follows no modal (:func:`modal_before`); or where the copula of "was
    quick to note" starts (an adjective of list ``infinitive_adjective`` after it, no modal before it); else None."""
    adj = adjective_lead(text, lo, vstart)
    if adj is not None:
        return adj
    to = INFINITIVE_TO.search(text, max(lo, vstart - 40), vstart)
    lead = to.start(1) if to is not None else 0
    if to is not None and to.group(1).endswith("ed"):   # "was forced to concede": the copula of the passive
        cop = _COPULA_RIGHT_BEFORE.search(text, max(lo, lead - 20), lead)
        lead = cop.start() if cop is not None else lead
    if to is None or to.group(1).lower() not in INFINITIVE_SPEAKER or modal_before(text, lo, lead) \
            or _TO_BEFORE.search(text, max(lo, to.start(1) - 4), to.start(1)):
        # ("asked Ruiz to continue to insist …": a request, no statement)
        return purpose_lead(text, lo, vstart) if _TO_BEFORE.search(text, max(lo, vstart - 4), vstart) else None
    return lead


def purpose_lead(text: str, lo: int, vstart: int) -> int | None:
    """Where the verb of "took to the radio on Friday to say", "wrote a letter to argue" starts: a verb of list
    ``purpose_report_verb`` (not before ``lo``) whose object or adjunct, up to :data:`PURPOSE_GAP_CHARS` characters
    with no punctuation, quotation mark, finite verb, speech participle or "for", comes before the "to" of the
    speech verb at ``vstart``: the infinitive says why the subject did so, and the subject said it (unless a modal
    governs that verb: the caller checks). Else None."""
    m = _PURPOSE_LEAD.search(text, max(lo, vstart - PURPOSE_GAP_CHARS - 20), vstart)
    if m is None or FINITE_WORD.search(m.group("gap")) or _PURPOSE_GAP_VETO.search(m.group("gap")):
        return None   # ("a video of Lee telling crews to say …", "took courage for Lee to say …": another subject)
    return m.start()


def adjective_lead(text: str, lo: int, vstart: int) -> int | None:
    """Where the copula of "was quick to note", "was prompted to say" starts (a word of list
    ``infinitive_adjective`` between it and "to", no modal before it, not before ``lo``), when the speech
    verb at ``vstart`` is such an infinitive; else None."""
    adj = _COPULA_ADJECTIVE_TO.search(text, max(lo, vstart - 40), vstart)
    if adj is None or adj.group(1).lower() not in INFINITIVE_ADJECTIVE or modal_before(text, lo, adj.start()):
        return None
    return adj.start()


def modal_before(text: str, lo: int, vstart: int) -> bool:
    """Is the speech verb at ``vstart`` governed by a modal, negation, infinitive or copula in the
    25 characters before it (not before ``lo``, nor before a coordinated clause: "he did not, but
    …")? Then it reports no statement that was made. A form of "be" before an -ing verb is a
    progressive ("was referring to"), which reports one."""
    window = text[max(lo, vstart - 25):vstart]
    cut = 0
    for c in _CLAUSE_COORDINATION.finditer(window):
        cut = c.end()
    m = _MODAL_NEG.search(window, cut)
    if m is None:
        return False
    first, *rest = m.group().lower().split()
    if first in _COPULA and progressive_before(text, vstart):
        return False   # "is declaring that", "was referring to": a progressive, no passive
    # "would only say that the …": the one thing that was said (list ``modal_report_adverb``); not "would only say
    # that in private" (a pronoun "that") or "would only say that if …" (a condition)
    return not (first in _REPORTING_MODALS and rest and rest[-1] in _MODAL_REPORT_ADVERBS
                and _ONLY_SAY_THAT.match(text, vstart))


# --------------------------------------------------------------------------- subject noun phrase


_RELATIVE_WORDS = word_set("relative_pronoun")
_NAME_AT_END = re.compile(r"[ \xa0](" + NAME_RE.pattern + r")$")


def subject_region(dm, lo: int, vstart: int) -> str:
    """Text of the subject NP for a verb starting at ``vstart``; the clause starts at/after ``lo``.

    The region is cut after the last clause boundary (``;:(—``, "that", "when", "as X") and
    split at commas: a last part that starts a verb phrase or relative clause sends the search
    back to the earlier parts (a part that is exactly a name first, then one that is not an
    adverbial); otherwise the last part is the subject. Only the last :data:`SUBJECT_REGION_CHARS`
    characters before the verb are read (from a word start): every verb of a long sentence would
    otherwise split all of it again.
    """
    lo = dm.entities.after_dateline(lo)   # "DENVER, Colo. (Wire) - Sheriff Ann Lee … said"
    if vstart - lo > SUBJECT_REGION_CHARS:
        cut = dm.text.find(" ", vstart - SUBJECT_REGION_CHARS, vstart)
        lo = cut + 1 if cut >= 0 else vstart - SUBJECT_REGION_CHARS
    seg = _drop_asides(PARTY_TAG.sub("", dm.text[lo:vstart]))   # "Ann Lee (D-Nev.) told": its "(" cuts no clause
    cut = aside_end = 0
    for m in _CLAUSE_CUT.finditer(seg):
        if m.start() < aside_end:
            continue   # ("Lee, when asked what about the plan is wrong, said …": the aside's own clause words)
        commas = [c.start() for c in _PART_COMMA.finditer(seg, m.end())] if m.group()[0].isalpha() else ()
        if len(commas) == 1 \
                and (_OPEN_RELATIVE.search(seg, 0, m.start()) or seg[:m.start()].rstrip().endswith(",")):
            aside_end = commas[0]
            continue   # "Lee, who served as Harbour Master, told …", "Lee, who was mayor when the dock closed, told
            # …", "Lee, when pressed by a heckler, said …": a word inside (or opening) an aside that one comma closes
            # opens no clause (not "…, who left when the guild, led by Ann Lee, said …"; the comma of "250,000" is none)
        if m.group().strip().lower() in _OPEN_CLAUSE_CUT and ("," in seg[m.end():]
                                                           or not _AUX_OR_PAST.search(seg, m.end())):
            continue   # "Lee, after the vote, said …", "the leader who spoke after Lee said …": no clause opens
        cut = m.end()
    seg2 = seg[cut:]
    if not seg2.strip():
        seg2 = seg
    coord = _coordinated_subject(dm, seg2)
    if coord is not None:
        return coord
    parts = _PART_COMMA.split(seg2)   # (not "4,500")
    late = _NEW_SUBJECT_AT_END.search(parts[-1])
    if late is not None and FINITE_WORD.search(parts[-1], 0, late.start()) \
            and not _RELATIVE_IN_PART.search(parts[-1], 0, late.start()):   # (not "A judge who fined Ruiz and Ann Lee")
        return late.group("name")   # "…, but he was out of town and Ann Lee said": the name after "and"
    # drop trailing VP fragments ("was swift to respond and")
    last = parts[-1].strip()
    lw = last.lower().split()
    if len(parts) > 1 and len(lw) > 1 and lw[0] in _NP_CONJUNCTION and lw[1] not in _VP_FRAGMENT_START \
            and (len(lw) > 2 or lw[1] in _PRON or last.split()[1][:1].isupper() or _PLURAL_NOUN.fullmatch(lw[1])):
        # ", but security specialists say", ", and he said": a coordinated clause with a subject of its own
        return " ".join(last.split()[1:])
    # (a last part of adverbs only, "…, Ann Lee, bluntly said", names no one either)
    if len(parts) > 1 and (not last or _TIME_ONLY.fullmatch(last) or _adverbial_after_appositive(parts)
                           or not aux_strip(" " + last).strip()
                           or (lw and lw[0] in _VP_FRAGMENT_START and not _then_before_title(last))
                           or len(parts) > 2 and is_place(last.rstrip(".")) and _CAPITAL_END.search(parts[-2])
                           and not is_place(parts[0].strip())):
        # (a place after a part that ends in a capitalised word: "Ann Lee, head of sales, Keel Rope Ltd., Dublin said")
        if lw and lw[0] in ("which", "who") and len(lw) > 1 and lw[1] not in _RELATIVE_AUX \
                and not (len(lw) == 2 and _LY_ADVERB.fullmatch(last.split()[1])):
            return " ".join(last.split()[1:])   # ("…, who originally said": the antecedent, as "who has said")
        if lw and lw[0] in ("which", "who") and len(lw) == 1:
            return _relative_antecedent(parts, lw[0])
        cands = [_NP_LEAD_DROP.sub("", p.strip()) for p in parts[:-1] if p.strip()]   # "But Rosa Imbert, at …,"
        cands = _without_state_parts(cands)
        # prefer a part that is exactly a name ("Earlier Sunday, her aide, Dana Voss, says"; "Keelby’s Harbour
        # Commissioner, Rua Okafor, told": a capitalised description with a possessive is no name), and of two such
        # the first with no title word ("Advocate General (AG) Keelby, Rua Okafor, said": a title and a place)
        exact = [p for p in map(_name_before_adjunct, cands)
                 if NAME_RE.fullmatch(POSS.sub("", p)) and p.lower().split()[0] not in dm.common
                 and not _ADVERBIAL_START.match(p) and not _POSSESSIVE_INSIDE.search(p)]
        if exact:
            return _exact_subject(dm, exact)
        # the name that ends a part opened by a fronted phrase with no comma, when a relative aside follows it ("In
        # rural Ohio Mr Lee, who keeps cattle in the Keel Valley, said"): the aside's antecedent
        for p, nxt in zip(cands, cands[1:]):
            m = _NAME_AT_END.search(p)
            if m is not None and _ADVERBIAL_START.match(p) and nxt.split()[0].lower() in _RELATIVE_WORDS:
                return m.group(1)
        # else a part whose start is a name/NP not introduced by a preposition
        for p in cands:
            if not _ADVERBIAL_START.match(p):
                return last_np(p) if _NP_CUT_PREPOSITION.search(p) else p
        return ""
    if len(lw) > 1 and lw[-1] in _RELATIVE_SUBJECT:
        # "opposition from dairy farmers who say …", "…, against 31 percent who said"
        return _before_relative(last)
    if len(lw) > 2 and lw[-1] in _AUX_ADVERB_WORDS:   # "a new leader who has pledged …": the relative before "has"
        core = aux_strip(" " + last).strip()
        if core.lower().split()[-1:] and core.lower().split()[-1] in _RELATIVE_SUBJECT:
            return _before_relative(core)
    if len(parts) > 1:
        # "In a statement, DAIA" -> last part ("…, the anglers who petitioned her say": the anglers)
        return _before_relative_clause(last) or last
    if lw and lw[0] in ("which", "who"):
        return " ".join(last.split()[1:])
    return _before_relative_clause(last) or last


_CAPITAL_END = re.compile(r"[A-Z][\w’'-]*\.?$")
_APPOSITIVE_OPEN = re.compile(r"(?:" + alternation("determiner") + r")[ \xa0]", re.I)


def _adverbial_after_appositive(parts: list[str]) -> bool:
    """Are the comma parts of a subject region a name, an appositive opened by a determiner and then a short adverbial
    (:data:`_ADVERBIAL_PART`): "Ann Lee, a spokeswoman for the mayor, shortly after the vote said"? The adverbial
    names no one ("The mayor resigned, after the council said" is no such: no appositive)."""
    return len(parts) >= 3 and _ADVERBIAL_PART.fullmatch(parts[-1].strip()) is not None \
        and _APPOSITIVE_OPEN.match(parts[-2].strip()) is not None and NAME_RE.fullmatch(parts[-3].strip()) is not None
_POSSESSIVE_INSIDE = re.compile(r"\w[’']s[ \xa0]")


_NAME_THEN_ADJUNCT = re.compile(r"(" + NAME_RE.pattern + r")[ \xa0]+(?:in|at|during|on)[ \xa0]+(?:an?|the)[ \xa0]")


def _name_before_adjunct(part: str) -> str:
    """The name that opens ``part`` when an adjunct follows it ("Alhaji Ann Lee in an interview with Radio Keel":
    "Alhaji Ann Lee"), else ``part``."""
    m = _NAME_THEN_ADJUNCT.match(part)
    return m.group(1) if m is not None else part


def _exact_subject(dm, exact: list[str]) -> str:
    """Of comma parts that are each a name, the subject: the first with no title word that names a person, else the
    first with a title word that names one ("…, Keelby, Councillor Tom Berg, the chairman, said": not the town),
    else the first with no title word ("Advocate General (AG) Keelby, Rua Okafor, said": a title and a place), else
    the first."""
    titles = name_words(dm.story).titles
    ents = dm.entities

    def person(p: str) -> bool:
        n = name_in_np(dm, NAME_RE.fullmatch(POSS.sub("", p)))
        ent = ents.by_name.get(ents.canonical(n)) if n else None
        return ent is not None and ent.kind == "person"

    untitled = [p for p in exact if not any(x.lower().rstrip(".") in titles for x in p.split())]
    return next((p for p in untitled if person(p)), None) or next((p for p in exact if person(p)), None) \
        or (untitled or exact)[0]


def _without_state_parts(parts: list[str]) -> list[str]:
    """``parts`` without a listed place that follows a part ending in a capitalised word ("Growers near Dayton, Ohio,
    said": the city's state, no subject of its own)."""
    return [p for k, p in enumerate(parts)
            if not (k and is_place(p.rstrip(".")) and _CAPITAL_END.search(parts[k - 1]))]


def _then_before_title(part: str) -> bool:
    """Is ``part`` "then" before a capitalised word ("then Governor Ann Lee", "then Gov. Lee"): "then" an adjective
    of the noun phrase (the office held at the time), not the adverb that opens a verb phrase ("then said")?"""
    w = part.split()
    return len(w) > 1 and w[0].lower() == "then" and w[1][:1].isupper()


def _before_relative_clause(seg: str) -> str:
    """The noun phrase that opens ``seg`` when a relative clause follows it ("A man who has sued the
    county" -> "A man"): the words before the first relative pronoun, if there are at most
    :data:`RELATIVE_HEAD_WORDS` and no finite verb among them; else ''."""
    m = _RELATIVE_IN_SUBJECT.search(seg)
    if m is None:
        return ""
    head = seg[:m.start()].strip()
    if not head or count_words(head) > RELATIVE_HEAD_WORDS or FINITE_WORD.search(head):
        return ""
    return head


def _before_relative(seg: str) -> str:
    """The noun phrase right before the relative pronoun that ends ``seg``: its last words back to a
    closed-class word (a determiner before them included): "… from dairy farmers who" -> "dairy
    farmers", "… as the agency that" -> "the agency"."""
    toks = seg.split()[:-1]
    k = len(toks)
    while k > 0 and len(toks) - k < RELATIVE_NP_WORDS and toks[k - 1].lower() not in _STOP_PRE \
            and toks[k - 1] not in _PREPOSITIONS and not FINITE_WORD.fullmatch(toks[k - 1]):
        k -= 1
    if k > 1 and toks[k:] and toks[k][:1].isupper() and toks[k - 1] in _PLACE_ONLY and seg.split()[-1] != "who" \
            and toks[k - 2].islower() and toks[k - 2] not in _STOP_PRE and not FINITE_WORD.fullmatch(toks[k - 2]):
        k -= 2   # "schools in Florida that …": the head before the place ("schools in Florida"; not "… from Lee who")
    if k > 0 and _DETERMINER_START.fullmatch(toks[k - 1].lower()):
        k -= 1
    return " ".join(toks[k:])


def _drop_asides(seg: str) -> str:
    """``seg`` without what sits beside the subject: a short parenthesis ("Rep. Ida Moss (Ore.)"),
    a pair of dashes ("Mr. Dale - in a line aimed at Mr. Ruiz - declared") and the comma before a
    state's abbreviation or postal code ("near Dayton, Ohio., said", "in Salem, OH, after …, Gov. Ann Lee said"),
    so that none of them cuts or splits it."""
    # (each pattern only where its first character occurs: most regions have none)
    if "(" in seg:
        seg = _SHORT_PARENTHESIS.sub(" ", seg)
    if "-" in seg or "–" in seg or "—" in seg:
        seg = _DASH_ASIDE.sub(lambda m: _dash_aside_gap(seg, m), seg)
    return _POSTAL_COMMA.sub(r"\1 \2", _STATE_COMMA.sub(r" \1", seg)) if "," in seg else seg


def _dash_aside_gap(seg: str, m) -> str:
    """What stands for the dash aside ``m`` of the subject region ``seg``: the comma that closes an appositive when the
    aside ends the region right after one, an indefinite or definite description after a comma ("Tom Reyes, the
    counsel for the crew – a cook and two deckhands – said": the dash closes "the counsel for the crew" as a comma
    would; not "…, organisers from two towns – A and B – said", "…, which – as Ann Lee noted – promises"), else a
    space."""
    if seg[m.end():].strip():
        return " "
    comma = seg.rfind(",", 0, m.start())
    return "," if comma >= 0 and _DESCRIPTION_AFTER_COMMA.match(seg, comma + 1) else " "


_DESCRIPTION_AFTER_COMMA = re.compile(r"[ \xa0]+(?:an?|the)[ \xa0]", re.I)


def _coordinated_subject(dm, seg: str) -> str | None:
    """The subject of a speech verb coordinated with an earlier verb phrase ("Tom Berg welcomed the
    plan and said …", "…, but later said …"): when ``seg`` (the subject region) ends with a
    coordinator (adverbs after it allowed), the subject of the first verb phrase: a pronoun or a
    name among the first :data:`SUBJECT_WORDS` words of the region (leading conjunctions dropped);
    None when ``seg`` does not end so or opens otherwise (then the comma parts decide, as for any verb)."""
    if not ends_coordinated(seg):
        return None
    return clause_subject(dm, seg) or None


def ends_coordinated(seg: str) -> bool:
    """Does ``seg`` (three words at least) end with a coordinator, maybe then adverbs ("… and then", "… but now": list
    ``coordinator_adverb`` right after it) or an auxiliary and a word of list ``aux_adverb`` ("… but has since"), or
    with a comma and "then" ("…, then")?"""
    toks = [w.lower() for w in seg[-80:].split()]
    k = len(toks)
    if k >= 2 and toks[-1] in _COORDINATOR_ADVERB and toks[-2] in _NP_CONJUNCTION:
        k -= 1   # "…, but now": the adverb goes on the verb after it
    while k > 1 and toks[k - 1] not in _NP_CONJUNCTION and (
            toks[k - 1] in _VP_FRAGMENT_START or toks[k - 1].endswith("ly") or _adverb_after_aux(toks, k - 1)):
        k -= 1
    if k >= 2 and k < len(toks) and toks[k] == "then" and toks[k - 1].endswith(","):
        return count_words(seg[:200]) >= 3   # "Lee offered him a job, then says …": "then" after a comma coordinates
    return k >= 2 and toks[k - 1] in _NP_CONJUNCTION and count_words(seg[:200]) >= 3


def _adverb_after_aux(toks: list[str], i: int) -> bool:
    """Is ``toks[i]`` a word of list ``aux_adverb`` after an auxiliary ("has since")? (Not "and since …", a
    subordinator, nor "who later said", a relative.)"""
    return i > 0 and toks[i] in _AUX_ADVERB_WORDS and toks[i - 1] in _VP_FRAGMENT_START \
        and toks[i - 1] in _AUX_ADVERB_WORDS   # (an auxiliary: "has since"; not "and since", "who later")


def clause_subject(dm, seg: str) -> str:
    """:func:`_clause_subject` of the last clause of ``seg`` that opens after ";", ", and|but|yet" or a
    subordinator before a capital ("…, as Mrs. Lane echoed the point, saying"), if it finds one there,
    else of ``seg``. Only the last :data:`LAST_CLAUSE_CHARS` characters are searched for that clause."""
    lo = max(0, len(seg) - LAST_CLAUSE_CHARS)
    last = None
    for m in _LAST_CLAUSE_OPEN.finditer(seg, lo):
        if not (m.group().strip().lower() in _TEMPORAL_SUBORDINATOR and "," in seg[m.end():].rstrip(" ,\xa0")):
            last = m   # (a fronted time clause, "after Ann Lee fell ill, Bo Reyes wrote, telling …", is not the last)
    if last is not None and count_words(seg[last.end():]) >= 2:
        subj = _clause_subject(dm, seg[last.end():])
        if subj:
            return subj
    return _clause_subject(dm, seg)


def opens_clause_between(text: str, lo: int, hi: int) -> bool:
    """Does a clause with a subject of its own open in ``text[lo:hi]`` (";", ", and|but|yet" followed
    by at least two words, or a subordinator before a capital), looking at most
    :data:`LAST_CLAUSE_CHARS` characters back from ``hi``?"""
    return any(count_words(text[m.end():hi]) >= 2
               for m in _LAST_CLAUSE_OPEN.finditer(text, max(lo, hi - LAST_CLAUSE_CHARS), hi))


_NP_CONTINUATION = word_set("np_continuation")
_FINITE_NEXT = re.compile(r"[ \xa0]+(?:" + FINITE_ALT + r")\b")


def _clause_subject(dm, seg: str) -> str:
    """The subject that opens the clause ``seg`` (leading conjunctions and a fronted adverbial
    before a comma dropped: "In May, a judge sided …"): a pronoun as its first word, else the first
    name of a person or organisation within its first :data:`SUBJECT_WORDS` words, before any comma
    and not a possessive, else a noun phrase opened by a determiner up to its verb ("One clerk at
    a shipping office declined …", :func:`_determiner_subject`), else ''."""
    raw = seg[:200].strip()
    head = drop_np_lead(raw)
    after_lead = len(head) < len(raw)
    fm = _fronted_phrase(head) or _FRONTED_ADVERBIAL.match(head)
    if fm is not None:
        head = head[fm.end():]
    first = head.split()[0] if head.split() else ""
    if first.lower() in _PRON or _PRONOUN_CONTRACTION.fullmatch(first):
        return first   # "she", "she's tacked …, criticizing"
    if first in _NP_CONTINUATION:
        return ""   # "…“timetable” to rebuild the line, and then said": the clause opened before the quotation
    ents = dm.entities
    for m in NAME_RE.finditer(head, 0, 120):
        pre = head[:m.start()]
        if count_words(pre) > SUBJECT_WORDS or "," in pre or POSS.search(m.group()):
            break   # too far in, or a possessive ("Chile's minister"): not the subject
        n = name_in_np(dm, m)   # "Mrs. Vale" -> "Vale"
        c = ents.canonical(n) if n is not None else ""
        ent = ents.by_name.get(c)
        if _PLACE_BEFORE.search(head, max(0, m.start() - 30), m.start()) or m.group().isupper() and (
                is_place(m.group()) or ent is None or ent.kind != "org" or not _FINITE_NEXT.match(head, m.end())):
            # "Here in Tarbes, Ruiz …", "PARIS, Aug 31 (Reuters) - …": a place; "KRL officials", "KRL or KLR": no
            # subject (an organisation's acronym is one right before its finite verb: "KRL played it down")
            continue
        if _ARTICLE_BEFORE.search(head, max(0, m.start() - 7), m.start()) and _LOWER_AFTER.match(head, m.end()):
            continue   # "the Lane campaign sent": a modifier of the noun after it
        if ent is not None and (ent.kind in ("person", "org") or pronoun_person(dm, ent, c)):
            role = _ROLE_THEN_NAME.match(head, m.end())
            if role is not None and (all(any(w in dm.rules.get(kind, {}) for kind in ("keyword", "person", "title"))
                                         for w in role.group(1).split())
                                     or m.start() == 0 and _opening_word_modifies(dm, m.group(), role,
                                                                                  ent.kind == "person")):
                return role.group(2)   # "Harbor FC manager Ines Roth … believes": the person, not the club
            if m.group().split()[0].lower() not in dm.common:
                return m.group()   # "Chief executive Ann Lee apologised …": the person, not "Chief"
            if n is not None and n != m.group() and m.group().endswith(n):
                return n   # "Former Harbour Master Ann Lee drew …": the name after its title
        elif m.start() == 0 and is_place(m.group()) and _FINITE_NEXT.match(head, m.end()):
            return m.group()   # "Nebraska sued the agency, arguing …": a state or country that acts speaks
    # "her main rival, Bernie Sanders, has soared …": the name a description opening the clause gives
    return appositive_name(dm, head) or _determiner_subject(head) or _group_subject(head, after_lead)


def _opening_word_modifies(dm, word: str, role, person: bool = False) -> bool:
    """Is the clause's first word ``word``, a name of one word (or of more, not a ``person``'s) followed by the match
    ``role`` of :data:`_ROLE_THEN_NAME`, a modifier of the noun after it ("Pop singer Ann Lee", "Veteran actor
    Tom Berg", "West Keel stand-in skipper Tom Berg")? The words between are nouns, no verb (finite, past, speech),
    the name after them a personal name of two words or more; "Police arrested Ann Lee" and "Officials told Ann Lee"
    are no such. An article may open the clause ("The Keel technology columnist Tom Reyes")."""
    name = role.group(2).split()
    det = _DETERMINER_START.match(word.lower())
    if det is not None and word[det.end():det.end() + 1] == " ":
        word = word[det.end() + 1:]
    if " " in word and person or len(name) < 2 or not (name[0][:1].isupper() and name[1][:1].isupper()):
        return False
    return all(not _FINITE_VERB.fullmatch(w) and not FINITE_WORD.fullmatch(w) and w not in dm.vinfo
               for w in role.group(1).split())


def _group_subject(head: str, after_lead: bool = False) -> str:
    """"Critics attacked the plan, …" -> "Critics", "Republicans have blocked …" -> "Republicans": a clause that
    opens with a capitalised plural (a word in -s that no rule before took for a name: the text also writes it in
    lower case, or it is a group noun, list ``group_plural_suffix``) and reaches a finite verb within
    :data:`DETERMINER_NP_WORDS` words, before any comma; '' otherwise. (A group is no person a pronoun means, but it
    is a vague source; :func:`resolve_np` decides whether it speaks.)"""
    first = head.split()[0] if head.split() else ""
    if not ((first[:1].isupper() or after_lead) and first.endswith("s")):
        return ""   # (after a dropped conjunction or adverbial it opens in lower case: "But critics say")
    m = FINITE_WORD.search(head, 0, 120)
    if m is None or "," in head[:m.start()] or not 1 <= count_words(head[:m.start()]) <= DETERMINER_NP_WORDS:
        return ""
    return head[:m.start()].strip()


# lower-case words, each a role or title word, then a name: "Harbor FC manager Ines Roth", "Acme former deputy mayor
# Ann Lee" (not "Harbor Radio and former TV …", nor "The party expelled former minister Ann Lee, saying …")
_ROLE_THEN_NAME = re.compile(r"[ \xa0]+((?:[a-z][\w’'-]*[ \xa0]+){1,3})(" + NAME_RE.pattern + ")")


def _fronted_phrase(head: str):
    """The match of a fronted phrase that holds commas ("Speaking in Salem, New Hampshire, ",
    "Shortly after the call ended, ", "Amid calls to …, "): an adverbial word, an -ly, -ing or -ed
    word before a lower-case one, up to the first comma after which a finite verb comes within
    60 characters and before any other comma, unless a subordinate clause opens after that comma ("In June, after
    Ann Lee fell ill, Tom Reyes wrote …": the phrase runs to the clause's comma); None if ``head`` opens otherwise."""
    if not _FRONTED_OPENER.match(head):
        return None
    m = _FRONTED_COMMA.search(head, 0, 200)
    if m is not None and _SUBORDINATE_OPENS.match(head, m.end()):
        m = _FRONTED_COMMA.search(head, m.end(), 200) or m   # (no later such comma: the first one stands)
    return m


def _determiner_subject(head: str) -> str:
    """"The departments declined …" -> "The departments": a clause that opens with a determiner
    (list ``determiner``, "one", "a", ...) and reaches a finite verb (an auxiliary or an -ed word)
    within :data:`DETERMINER_NP_WORDS` words, before any comma; '' otherwise."""
    if not _DETERMINER_OPEN.match(head):
        return ""
    m = FINITE_WORD.search(head, 0, 120)
    if m is None or "," in head[:m.start()] or not 2 <= count_words(head[:m.start()]) <= DETERMINER_NP_WORDS:
        return ""
    return head[:m.start()].strip()


# a comma part that is an age or a one-word place ("24", "from Salem"), never a relative's antecedent ("from Mike
# Lee" may be)
# an age, a lone lower-case word ("retired") or a place or address ("from Salem", "of Harbor Lane"): an aside
# between a name and its "who"
_ADJUNCT_PART = re.compile(r"\d+$|[a-z]+$|(?:of|" + alternation("place_only_preposition")
                           + r")\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}$")


_POST_NOMINAL = frozenset(words("post_nominal"))


def _relative_antecedent(parts: list[str], pronoun: str) -> str:
    """The antecedent of a lone "who"/"which" that opens the last comma part: for "who", the last NP of the
    nearest earlier part that is no appositive (parts opening with a determiner, ages, lone lower-case words and
    places or addresses after "from", "in" or "of" skipped)
    when it is a name, else the last NP of the part right before ("…, Obama was doubted by his listeners, who"
    is no name further back)."""
    if pronoun == "who":
        for p in reversed(parts[:-1]):
            if _DETERMINER_START.match(p.strip()) or _ADJUNCT_PART.match(p.strip()) or p.strip() in _POST_NOMINAL:
                continue   # (nor "24", "retired", "from Salem" in "Ann Lee, 24, from Salem, who said"; "SAN", "QC")
            np_ = last_np(p.strip())
            if np_ and NAME_RE.fullmatch(np_):
                return np_
            break
    return last_np(parts[-2].strip())


# a finite verb that no -ed participle can be ("came", "was"), and where a relative clause on a noun starts
_FINITE_NO_PARTICIPLE = re.compile(r"(?<![\w-])(?:" + alternation("finite_marker") + "|" + alternation("irregular_past")
                                   + r")\b")
_RELATIVE_TAIL = re.compile(r"[ \xa0]+(?:" + alternation("relative_pronoun") + r"|that)[ \xa0].*$")


def holds_clause(np_: str) -> bool:
    """Is the would-be subject after an inverted "said" a clause ("…, said the rain came too late.")? It holds a
    finite verb that no -ed participle can be, outside a relative clause on its noun ("said a clerk who was there",
    "said the head of the crew that built it" are subjects)."""
    return _FINITE_NO_PARTICIPLE.search(_RELATIVE_TAIL.sub("", np_)) is not None


def split_np(s: str) -> str:
    """Text up to the first , . ; : or 'who' that is not part of an abbreviation (Dr., U.S.)."""
    masked = ABBR_RE.sub(lambda m: "x" * len(m.group()), s)
    m = re.search(r"[,.;:]|\bwho\b", masked)
    return s[:m.start()] if m else s


# "his manager, Ivo Brandt," / "another fan, Mirela.": a description of up to six words, then the name it gives
_DESCRIPTION_THEN_NAME = re.compile(r"[ \xa0]*(?:" + alternation("determiner") + "|" + alternation("noun_determiner")
                                    + r"|(?:" + NAME_RE.pattern + r")[’']s)(?:[ \xa0]+(?:[a-z][\w’'-]*|[A-Z][\w-]*[’']s"
                                    r"|[A-Z][\w-]*(?=[ \xa0,]))){1,6},[ \xa0]+(" + NAME_RE.pattern
                                    + r")[ \xa0]*(?:[,.;]|$)")


def appositive_name(dm, s: str) -> str | None:
    """The name set off by commas after the description that opens ``s`` ("said another fan, Mirela,
    tweeting", "“…,” his manager, Ivo Brandt, said"), if it is a person's or an organisation's and
    ends its part of the sentence (not "the mayor, Ivo Brandt and Ana Ruiz"); else None."""
    m = _DESCRIPTION_THEN_NAME.match(s)
    if m is None:
        return None
    c = dm.entities.canonical(name_in_np(dm, NAME_RE.match(s, m.start(1))) or "")
    ent = dm.entities.by_name.get(c)
    return m.group(1) if ent is not None and (ent.kind in ("person", "org") or pronoun_person(dm, ent, c)) else None


def last_np(s: str) -> str:
    """The last noun phrase of ``s``: its last name if nothing (or only an acronym in
    parentheses) follows, else the text from its last article, else all of it."""
    s = s.strip()
    m = None
    for m in NAME_RE.finditer(s):
        pass
    if m is not None and s[m.end():].strip(" ()") == "" or (m is not None and re.fullmatch(r"\s*\([A-Z]{2,6}\)\s*", s[m.end():])):  # noqa: E501
        return m.group()
    d = list(_LAST_ARTICLE.finditer(s))
    if d:
        return s[d[-1].start():]
    return s


# --------------------------------------------------------------------------- who it names


def resolve_np(dm, np_text: str, at: int, memory: _Speakers) -> tuple[str, str]:
    """Speaker string and type for a subject noun phrase ending at position ``at``.

    Returns (speaker, speaker_type) with type in named, descriptor, vague, none (a pronoun
    resolves to the speaker and type it refers to).
    """
    np_text = np_text.replace("\xa0", " ").strip(" ,;:—–-\n\t•·▪")   # ("• Minister urges …": a bullet is no word)
    np_text = drop_np_lead(_after_clause_cut(np_text))
    if "-" in np_text:
        np_text = PARTY_TAG.sub("", np_text)   # "Ann Lee (D-Va.)"
    np_text = aux_strip(" " + np_text).strip()
    np_text = _NP_DATE_TAIL.sub("", np_text).strip(" ,")
    if _LETTER.search(np_text) is None:
        return "", "none"   # a stray quotation mark or a dash is nobody
    tm = name_before_to(np_text)
    if tm is not None:
        np_text = _NP_DATE_TAIL.sub("", tm).strip(" ,")
    if not np_text:
        return "", "none"
    if "'" in np_text or "’" in np_text:
        np_text = _PRONOUN_CONTRACTION.sub(r"\1", np_text)   # "he's said", "she’d said": the pronoun
    low = np_text.lower()
    lastw = low.split()[-1]
    if lastw in _STOP_PRE or lastw in _NP_NOT_LAST or low in _FIRST_PERSON or low in _VAGUE_VETO \
            or _FIRST_PERSON_CONTRACTION.fullmatch(low):
        return "", "none"   # ("There have been telling …", "I’ve been telling people …": no speaker)
    if low in _PRON:
        return resolve_pronoun(dm, _PRON[low], at, memory)
    if low in _NEUTER:
        return _resolve_it(dm, at, memory)   # "It also said …": the organisation last speaking or named
    pron = _pronoun_in(np_text)
    if pron:
        return resolve_pronoun(dm, _PRON[pron], at, memory)
    ents = dm.entities
    names = [(m.start(), m.end(), n) for m in NAME_RE.finditer(np_text) for n in [name_in_np(dm, m)] if n is not None]
    # a segment that is exactly a name
    tail = len(np_text.rstrip(" ,."))   # np_text[e:].strip(" ,.") == "" is e >= tail
    for s, e, n in names:
        c = ents.canonical(n)
        if c and (e >= len(np_text) - 1 or e >= tail):
            if _MODIFIER_OF.search(np_text[:s]) or (s > 0 and c.lower() in _DEMONYMS):
                continue   # "the mayor of Lima", "police unions in France and Germany": a place that modifies;
                # "… to calm Russian": a people's adjective ends no subject that names its speaker
            pp = _PLACE_AFTER_NAME.search(np_text, 0, s) if is_place(c) or _unknown_after_person(dm, c, names) \
                else None
            if pp is not None:
                return resolve_np(dm, np_text[:pp.start(1)], at, memory)   # "KCDC in Nevada": KCDC
            head = _head_before_body(dm, np_text, names, s)
            if head:
                return head, "named"   # "Det. Ann Lee with the Harbor Drug Task Force": the person
            if s == 0 or np_text[:s].strip() == "" or not is_vague_head(np_text[:s]):
                return c, "named"
    # a name at the start followed only by organisation words ("Reuters news agency")
    stripped = _LEADING_ARTICLE.sub("", np_text)
    if names and stripped and stripped[0].isupper():
        s, e, n = names[0]
        c = ents.canonical(n)
        ent = ents.by_name.get(c)
        orgw = dm.rules.get("org", {})
        if c and s <= 4 and ent is not None and ent.kind in ("person", "org") and \
                all(x.lower() in orgw for x in np_text[e:].split()):
            return c, "named"
    # a name that opens the subject, then an adjunct ("Lee in his first speech called …")
    if names and names[0][0] == 0 and np_text[:names[0][1]] == names[0][2] \
            and names[0][2].split()[0].lower() not in dm.common and _ADJUNCT_AFTER_NAME.match(np_text, names[0][1]):
        c = ents.canonical(names[0][2])
        ent = ents.by_name.get(c)
        if c and ent is not None and (ent.kind in ("person", "org") or pronoun_person(dm, ent, c)):
            return c, "named"
    # a person (maybe after a title) and where they come from ("Sheriff Ann Lee of the next county said")
    if names and names[0][0] == 0 and np_text[:names[0][1]].endswith(names[0][2]) \
            and _AFFILIATION_AFTER_NAME.match(np_text, names[0][1]):
        c = ents.canonical(names[0][2])
        ent = ents.by_name.get(c)
        if c and ent is not None and ent.kind == "person":
            return c, "named"
    # descriptor linked to a person/org introduced with the same words, else to the person speaking just before
    linked = text_issuer(dm, np_text, at) or continued_org_speaker(dm, np_text, at, memory) \
        or link_descriptor(dm, np_text, at) \
        or continued_speaker(dm, np_text, at, memory) or _link_forward(dm, np_text, at, memory) \
        or _lead_source_named_next(dm, np_text, at)
    if linked:
        return linked, "descriptor"
    if _SHARE.fullmatch(np_text) and not _FINITE_IN_NP.search(np_text):
        return np_text, "vague"   # "roughly four in 10", "58 percent of anglers": a share of those polled
    if count_words(np_text) > 12 or _FINITE_IN_NP.search(np_text) or _not_a_noun_phrase(np_text) \
            or _VERB_WITH_OBJECT.search(np_text) or _SPEECH_PAST_IN_NP.search(np_text):
        return "", "none"   # too long, or a clause ("the budget is expected to grow", "a court fined a skipper", "Ann
        # Lee said in response to media")
    return np_text, "vague"


# a past verb before an article or subject pronoun ("fined a skipper", "said she"): a clause, no noun phrase (not
# before a time: "residents interviewed the next day", "a panel appointed a year ago")
_VERB_WITH_OBJECT = re.compile(r"\b(?:[a-z]+ed|" + alternation("irregular_past") + r")[ \xa0]+(?:"
                               + alternation("article") + "|" + alternation("pronoun_subject") + r")\b"
                               r"(?!(?:[ \xa0]+[\w-]+)?[ \xa0]+(?:" + alternation("time_noun") + r")\b)")


#: "the statement", "the release" names its issuer only if the text gave it within this many characters before
ISSUER_CHARS = 800
_ISSUED_TEXT_NP = re.compile(r"the[ \xa0]+(?:[\w-]+[ \xa0]+){0,2}?(" + alternation("issued_text_noun") + r")", re.I)
# "Harbor Ferries said in a news release", "the ministry released a statement", "Ann Lee wrote in a letter": the
# issuer, then a verb of list ``issued_in_verb`` and "in", or one of list ``issuing_verb``, then the text (the name is
# group 1; the text's head follows the match)
_ISSUER_BEFORE = re.compile(r"(" + NAME_RE.pattern + r")(?:[ \xa0]+[a-z]+ly)?[ \xa0]+(?:(?:"
                            + alternation("issued_in_verb") + r")[ \xa0]+(?:\w+[ \xa0]+)?in|"
                            + alternation("issuing_verb") + r")[ \xa0]+(?:" + alternation("determiner")
                            + r")[ \xa0]+(?:[\w-]+[ \xa0]+){0,2}$")
# "a statement from the ministry", "a letter issued by Ann Lee", "The letter, from Ann Lee, …": the text, then its
# issuer
_ISSUER_AFTER = re.compile(r",?[ \xa0]+(?:(?:" + alternation("issuing_verb") + r")[ \xa0]+)?(?:from|by)[ \xa0]+"
                           r"(?:the[ \xa0]+)?(" + NAME_RE.pattern + r")")

# "In a statement released last week, Harbor Ferries said": the text opens the sentence, its issuer is the subject after
# the comma (group 1; the match starts after the text's head)
_ISSUER_FRONTED = re.compile(r"(?:[ \xa0]+[^,.;:“”\"]{1,60})?,[ \xa0]+(" + NAME_RE.pattern + r")[ \xa0]+(?:"
                             + alternation("issued_in_verb") + r")\b")
_IN_A_BEFORE = re.compile(r"\b[Ii]n[ \xa0]+(?:a|an|its|his|her|their)[ \xa0]+(?:[\w-]+[ \xa0]+){0,2}$")


def text_issuer(dm, np_text: str, at: int) -> str:
    """The person or organisation whose text a description of a text is ("the release", "the statement": list
    ``issued_text_noun``) when the :data:`ISSUER_CHARS` characters before ``at`` name one issuer of a text with that
    head ("Harbor Ferries said in a news release Monday that … . …, the release said": Harbor Ferries; "a statement
    from the ministry"; "In a statement released on Friday, Harbor Ferries said"), or the person or organisation the
    description names before its head ("the KHA statement"); '' when they name none or two."""
    m = _ISSUED_TEXT_NP.fullmatch(np_text.strip())
    if m is None:
        return ""
    mod = np_text.strip()[4:m.start(1)].strip()   # "the WHO statement", "the Harbor Ferries release": its issuer
    if mod and mod[0].isupper():
        c = dm.entities.canonical(mod)
        ent = dm.entities.by_name.get(c)
        if ent is not None and ent.kind in ("person", "org"):
            return c
    t, head = dm.text, m.group(1).lower()
    lo = max(0, at - ISSUER_CHARS)
    found = set()
    for hm in re.finditer(r"\b" + re.escape(head) + r"s?\b", t[lo:at], re.I):
        hs, he = lo + hm.start(), lo + hm.end()
        bm = _ISSUER_BEFORE.search(t, max(lo, hs - 120), hs)
        am = _ISSUER_AFTER.match(t, he)
        fm = _ISSUER_FRONTED.match(t, he) if _IN_A_BEFORE.search(t, max(lo, hs - 40), hs) else None
        for nm in (bm, am, fm):
            if nm is not None:
                c = dm.entities.canonical(nm.group(1))
                if nm is bm and is_place(c):
                    c = _name_before_place(dm, bm.start(1)) or c   # "KCDC in Nevada said in a statement"
                ent = dm.entities.by_name.get(c)
                if ent is not None and ent.kind in ("person", "org", "unknown"):
                    found.add(c)
    return found.pop() if len(found) == 1 else ""


def _unknown_after_person(dm, c: str, names: list) -> bool:
    """Is ``c`` (the last of the ``names`` of a subject) a name of no known kind after a person's name ("Lawyer Ko Min
    Zaw from Pyinmora in Tarvenna": a place the list does not hold, after a place preposition)?"""
    ents = dm.entities
    ent = ents.by_name.get(c)
    if ent is None or ent.kind != "unknown" or ent.gender:
        return False
    return any((ents.by_name.get(ents.canonical(n)) or ent).kind == "person" for _, _, n in names[:-1])


def _name_before_place(dm, s: int) -> str:
    """The canonical name right before a place preposition and the place at ``s`` ("The Harbor Port Authority in
    Nevada", "… Command (KCDC) in Nevada": its acronym), else ''."""
    t = dm.text
    pp = _PLACE_AFTER_NAME.search(t, max(0, s - SUBJECT_REGION_CHARS), s)
    if pp is None:
        return ""
    end = pp.start(1) - (t[pp.start(1) - 1] == ")")
    last = None
    for last in NAME_RE.finditer(t, max(0, end - SUBJECT_REGION_CHARS), end):
        pass
    if last is None or last.end() != end:
        return ""
    return dm.entities.canonical(name_in_np(dm, last) or "")


def _head_before_body(dm, np_text: str, names: list, s: int) -> str:
    """The canonical name that opens ``np_text`` when the name at ``s`` follows it after "with", "of", "from",
    "at" or "for" (and "the"): the head of the phrase ("Det. Ann Lee with the Harbor Drug Task Force", "Harbor
    Museum with the City Council"); else ''."""
    s0, e0, n0 = names[0]
    if s0 == s or np_text[:s0].strip() or not _BODY_AFTER_HEAD.fullmatch(np_text, e0, s):
        return ""
    return dm.entities.canonical(n0)


_BODY_AFTER_HEAD = re.compile(r"[ \xa0]+(?:with|of|from|at|for)[ \xa0]+(?:the[ \xa0]+)?")


def _not_a_noun_phrase(np_text: str) -> bool:
    """Does ``np_text`` open as no noun phrase does: with a lower-case preposition, conjunction or
    auxiliary (list ``stop_pre`` but for the determiners) or -ing word ("repeating a false"), or a
    word of list ``vague_veto_start`` ("There", "despite being …", "last week"), or a preposition
    alone or before a lower-case word ("Amid calls")?"""
    words_ = np_text.split()
    first = words_[0]
    if first.lower() in _VAGUE_VETO or len(words_) == 1 and first.lower() in _BARE_SUBJECT_VETO:
        return True   # ("So", "Yes" alone: never a speaker)
    if first.lower() in _PREPOSITIONS and (len(words_) == 1 or words_[1][:1].islower()):
        return True   # "Amid calls": a preposition, not "Under Secretary Ann Lee"
    if not first[:1].islower():
        return False
    if first in _STOP_PRE and not _DETERMINER_START.fullmatch(first):
        return True
    if len(words_) > 1 and first.endswith("ed") and words_[1].lower() in _STOP_PRE:
        return True   # "appeared on several lists": a verb phrase ("elected officials" is a noun phrase)
    # "repeating a false": an -ing verb with its object; not "fishing crews", an -ing modifier
    return first.endswith("ing") and (len(words_) == 1 or words_[1].lower() in _STOP_PRE
                                      or bool(_DETERMINER_START.fullmatch(words_[1].lower())))


#: a descriptor looks back over at most this many name mentions for the entity it refers to
DESCR_MENTIONS = 300


#: how many paragraphs after a description ("the sheriff") the person it describes may first be named
FORWARD_PARAGRAPHS = 3


def _link_forward(dm, np_text: str, at: int, memory: _Speakers) -> str:
    """The person a singular description of a title ("the county sheriff") describes when the text names them only
    after it ("… arrested at dawn, according to the county sheriff. … Sheriff Ann Lee told KTLV."): the one person first
    named within :data:`FORWARD_PARAGRAPHS` paragraphs after ``at``, outside quotes, with that title; '' when a person
    with it was named before ``at``, or two are named after it, or a named speaker was noted earlier in the paragraph
    ("“…,” Tom Reyes said. “…,” the senator said. Later, Sen. Ann Lee said …": the description may well be one of
    those who spoke). In a headline the article may be left out ("Bakery rents “brutal”, says CEO")."""
    words_ = _descriptor_words(np_text)
    if words_ and words_[0] not in _DETERMINER_WORDS and _in_headline(dm, at):
        words_ = ["the"] + words_   # ("…, says CEO", "…, says Health Minister")
    w = name_words(dm.story)
    if len(words_) < 2 or words_[0] != "the" or words_[-1] not in w.titles or not singular_person(" ".join(words_)):
        return ""
    k = bisect.bisect_left(memory.pos, at) - 1
    if k >= 0 and memory.entries[k][2] == "named" and dm.para_of(memory.pos[k]) == dm.para_of(at):
        return ""
    proper = frozenset(stem(x) for x in re.findall(r"[\w’'-]+", np_text)[:-1]
                       if x[:1].isupper() and x.lower() not in _ARTICLE)   # ("Harbor Union" of "Harbor Union leader")
    return _forward_person(dm, stem(words_[-1]), at, proper | {stem(words_[-1])} if proper else frozenset())


def _lead_source_named_next(dm, np_text: str, at: int) -> str:
    """The person a singular description of a person ("a former harbour minister", "A leading Harbor Party rebel", "The
    co-leader of the Harbor Greens") that attributes the lead (:func:`_lead_paragraph`) describes,
    when the next paragraph opens with that person's name (after a title or a constituency, within
    :data:`LEAD_NAME_WORDS` words and no comma), its first mention but the headline's ("… , a former harbour minister
    has said. ¶ Independent MLA Clara Sugwell urged …"): news gives the lead's source by role, then by
    name. No preposition comes before the name, nor a possessive ending after it ("Speaking before Prime Minister
    Tom Lee's visit, Ann Ruiz said": Lee is no subject, Ann Ruiz after the comma of such a fronted phrase is:
    :data:`LEAD_FRONTED_CHARS`). The name is a person's (:func:`person_like`) of which the text gives a title,
    description or gender, or that a speech verb follows, not the other gender than the description's; the
    description's head is no source news often leaves unnamed (list ``unnamed_source_head``: "a police spokesman said
    …"); else ''. Before all that, an indefinite description (list ``indefinite_article``) of a title ("a judge", "a
    spokesman") is the one person who holds it, named within :data:`FORWARD_PARAGRAPHS` paragraphs after
    (:func:`_forward_person`: "…, a spokesman said. ¶ …, Harbor Power spokesman Tom Reyes said")."""
    words_ = re.findall(r"[\w’'-]+", np_text.lower())
    if len(words_) < 2 or not singular_person(" ".join(words_)) or dm.para_of(at) != _lead_paragraph(dm):
        return ""
    cut = next((k for k, x in enumerate(words_[1:], 1) if x in HEAD_CUT), len(words_))
    head = words_[cut - 1].split("-")[-1]   # ("co-leader": a leader)
    if words_[0] in _INDEFINITE_ARTICLE and head in name_words(dm.story).titles \
            and (holder := _forward_person(dm, stem(head), at)):
        return holder   # ("…, a spokesman said. ¶ … , Harbor Power spokesman Tom Reyes said": the one who holds it)
    if head in _UNNAMED_SOURCE_HEAD:
        return ""   # ("A police spokesman said … ¶ John Smith, 45, appeared in court": the spokesman stays unnamed)
    p = dm.para_of(at) + 1
    if p >= len(dm.paras):
        return ""
    ps, pe = dm.paras[p]
    found = _paragraph_opening_person(dm, ps, pe, head)
    if found is None and _FRONTED_PHRASE.match(dm.text, ps, pe):
        comma = dm.text.find(",", ps, min(pe, ps + LEAD_FRONTED_CHARS))
        found = _paragraph_opening_person(dm, comma + 1, pe, head, capitals_only=True) if comma > 0 else None
    return found or ""


def _paragraph_opening_person(dm, ps: int, pe: int, head: str, capitals_only: bool = False) -> str | None:
    """The person :func:`_lead_source_named_next` takes from ``text[ps:pe]``: '' for a name found but not taken, None
    for none before a comma, a preposition or :data:`LEAD_NAME_WORDS` words (or, if ``capitals_only``, a word in
    lower case: after a fronted phrase the name opens its clause, "…, Ann Ruiz said", not "…, there is only one
    Harbor candidate")."""
    ents = dm.entities
    k = bisect.bisect_left(ents.mention_starts, ps)
    for s_, e_, n in ents.mentions[k:k + LEAD_NAME_WORDS]:
        before = dm.text[ps:s_]
        if s_ >= pe or count_words(before) > LEAD_NAME_WORDS or "," in before \
                or any(x in _PREPOSITIONS for x in before.lower().split()) or dm.text.startswith(_POSS_AFTER, e_) \
                or capitals_only and any(x[:1].islower() for x in before.split()):
            return None   # ("Speaking before Prime Minister Tom Lee's visit, …": a name inside a phrase, no subject)
        c = ents.canonical(n)
        ent = ents.by_name.get(c)
        if ent is None or not person_like(dm, ent):
            continue   # ("Keelby and Dunmore MP Tom Barrow": a constituency, then the person)
        first = ents.first_mention(c, s_)
        if first < s_ and not _in_headline(dm, first) or not (ent.descr or ent.gender or dm.has_verb(e_, e_ + 2)) \
                or noun_gender(head) and ent.gender and noun_gender(head) != ent.gender:
            return ""
        return c
    return None


#: a paragraph that opens with a participle or a preposition opens with a fronted phrase ("Speaking before …, Ann
#: Ruiz said"), whose comma within this many characters is where its clause, and the person, begins
LEAD_FRONTED_CHARS = 200
_FRONTED_PHRASE = re.compile(r"[ \xa0]*(?:[A-Z][a-z]+ing|(?:" + "|".join(sorted(x.capitalize() for x in _PREPOSITIONS))
                             + r"))\b")
_UNNAMED_SOURCE_HEAD = word_set("unnamed_source_head")
_POSS_AFTER = ("'s", "’s", "' ", "’ ")
#: the most words (a title, a constituency) before the name that opens the paragraph after the lead
LEAD_NAME_WORDS = 6


def _lead_paragraph(dm) -> int:
    """The index of the text's lead: its first paragraph that is not shaped like a headline (:func:`_headline_shaped`;
    a sentence's period before closing marks counts: "… saying: “They kept calm.”"), after at most
    :data:`LEAD_AFTER_LINES` such lines (a headline, a repeated headline, a byline, a caption); 0 when there is none.
    At most :data:`HEADLINE_READ_CHARS` characters of a paragraph are read, however long it is."""
    for k, (ps, pe) in enumerate(dm.paras[:LEAD_AFTER_LINES + 1]):
        if not _headline_shaped(dm.text[ps:min(pe, ps + HEADLINE_READ_CHARS)], _CLOSING_MARKS):
            return k
    return 0


#: the most headline-shaped lines (headline, repeated headline, byline, caption) read before a text's lead
LEAD_AFTER_LINES = 6


def _headline_shaped(line: str, closing: str = "") -> bool:
    """Is ``line`` at most :data:`HEADLINE_CHARS` characters long with no final period, nor (with ``closing``) a
    sentence's period after a word before closing marks of ``closing`` ("… saying: “They kept calm.”"; an ellipsis,
    "… To….’", ends no sentence)?"""
    line = line.rstrip()
    if len(line) > HEADLINE_CHARS or line.endswith("."):
        return False
    return not (closing and line != line.rstrip(closing) and _WORD_PERIOD_END.search(line.rstrip(closing)))


_WORD_PERIOD_END = re.compile(r"[\w)]\.$")


#: closing marks after a sentence's final period ("… saying: “They kept calm.”")
_CLOSING_MARKS = "”\"’')"


_DETERMINER_WORDS = word_set("determiner")
_INDEFINITE_ARTICLE = word_set("indefinite_article")
#: the longest first paragraph read as a headline
HEADLINE_CHARS = 160
#: how much of a paragraph the headline tests read (more than a headline: a longer paragraph is none)
HEADLINE_READ_CHARS = 2 * HEADLINE_CHARS


def _in_headline(dm, at: int) -> bool:
    """Is ``at`` in the text's first paragraph, a line of at most :data:`HEADLINE_CHARS` characters with no final
    period and more paragraphs after it (a headline)?"""
    if len(dm.paras) < 2 or dm.para_of(at) != 0:
        return False
    ps, pe = dm.paras[0]
    return _headline_shaped(dm.text[ps:min(pe, ps + HEADLINE_READ_CHARS)])


def _forward_person(dm, hstem: str, at: int, stems=frozenset()) -> str:
    """The one person named first within :data:`FORWARD_PARAGRAPHS` paragraphs after ``at``, outside quotes, with a
    title of stem ``hstem``; '' when a person with it was named before ``at`` or two are named after it, unless one
    of them alone holds every stem of ``stems`` (the description's capitalised modifiers and head: "Harbor Union
    leader …" for "Harbor Union leader Ann Vale", not "Conservative leader Bo Reyes"; none for "the county sheriff")."""
    ents = dm.entities
    k = bisect.bisect_left(ents.mention_starts, at)
    if any(hstem in _descr_of(ents, n) for _, _, n in ents.mentions[max(0, k - DESCR_MENTIONS):k]):
        return ""   # (someone with the title was named before: the backward link decides)
    last_para = dm.para_of(at) + FORWARD_PARAGRAPHS
    holders = []
    for s, _, n in ents.mentions[k:k + DESCR_MENTIONS]:
        if dm.para_of(s) > last_para:
            break
        c = ents.canonical(n)
        ent = ents.by_name.get(c)
        if ent is not None and ent.kind == "person" and hstem in ent.descr and c not in holders:
            holders.append(c)
    if len(holders) == 1:
        return holders[0]
    full = [c for c in holders if len(stems) > 1 and stems <= ents.by_name[c].descr]
    return full[0] if len(full) == 1 else ""   # (two holders of the title, and no one of them the whole description)


def _descr_of(ents, name: str) -> frozenset:
    ent = ents.by_name.get(ents.canonical(name))
    return frozenset(ent.descr) if ent is not None else frozenset()


def link_descriptor(dm, np_text: str, at: int) -> str:
    """:func:`_link_descriptor`; else the person or organisation the same description linked to last, within
    :data:`DESCRIPTION_SEEN_CHARS` characters before ``at``, when no other entity of its head's title is named
    between ("… according to County Sheriff Ann Lee. “…,” the sheriff said. … Bo Reyes is charged. The sheriff
    said …": the second "the sheriff" is the first one's, though another person is named nearer)."""
    words_ = _descriptor_words(np_text)
    linked = _link_descriptor(dm, np_text, at, words_)
    key = " ".join(words_)
    if linked:
        dm.descr_links[key] = (at, linked)
        return linked
    prior = dm.descr_links.get(key)
    if prior is None or not words_ or words_[0] != "the" or not 0 < at - prior[0] <= DESCRIPTION_SEEN_CHARS:
        return ""
    return prior[1] if _title_holder_alone(dm, prior[1], stem(words_[-1]), prior[0], at) else ""


def _descriptor_words(np_text: str) -> list[str]:
    """The lower-case words of a description up to a word of list ``descriptor_cut``."""
    words_ = _without_intensifier(re.findall(r"[\w’'-]+", np_text.lower()))
    for k, x in enumerate(words_):
        if k and x in _DESCRIPTOR_CUT:
            return words_[:k]
    return words_


_INTENSIFIER = word_set("reflexive_intensifier")


def _without_intensifier(words_: list[str]) -> list[str]:
    """``words_`` without a last word of list ``reflexive_intensifier`` ("the artist himself" -> "the artist")."""
    return words_[:-1] if len(words_) > 1 and words_[-1].lower() in _INTENSIFIER else words_


def _title_holder_alone(dm, name: str, hstem: str, lo: int, hi: int) -> bool:
    """Is no entity other than ``name`` whose descriptors hold ``hstem`` named in ``text[lo:hi]`` (at most
    :data:`DESCR_MENTIONS` mentions read)?"""
    between = _entities_between(dm, lo, hi, DESCR_MENTIONS, outside_quotes=False)
    return between is not None and not any(c != name and hstem in ent.descr for c, ent in between)


def _entities_between(dm, lo: int, hi: int, limit: int, outside_quotes: bool):
    """``(canonical name, entity)`` of the mentions that start in ``text[lo:hi]`` (those outside quotations only,
    if ``outside_quotes``), or None when there are more than ``limit`` of them."""
    ents = dm.entities
    starts, mentions = (ents.mention_starts, ents.mentions) if outside_quotes else (ents.all_starts, ents.all_mentions)
    a, b = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
    if b - a > limit:
        return None
    return [(c, ent) for _, _, n in mentions[a:b] for c in [ents.canonical(n)]
            for ent in [ents.by_name.get(c)] if ent is not None]


def _sole_holder_apart(dm, name: str, hstem: str, np_text: str, words_: list[str], last: int, at: int) -> bool:
    """Is ``name`` the text's one holder of the title of stem ``hstem``, and its last mention (at ``last``) in a clause
    before the one of the description ``np_text`` (an earlier sentence, or before a ";" or a comma and a word of list
    ``clause_coordinator``: "the roof of Lee's home, but the mayor said"), and has the description no words after its
    head ("the mayor of Dunmore" may be another mayor; "After talks with Mayor Ann Vale, the mayor of Dunmore said")?"""
    holders = dm.entities.role_holders(hstem)
    if len(holders) != 1 or name not in holders or len(re.findall(r"[\w’'-]+", np_text)) > len(words_):
        return False
    return last < dm.sent_start(at) or _CLAUSE_COORDINATION.search(dm.text, last, at) is not None


def _link_descriptor(dm, np_text: str, at: int, words_: list[str]) -> str:
    """The person or organisation a description ("the defense minister", "the company") refers to,
    or '' when the text does not make it unambiguous.

    The candidates are the named entities of the last :data:`DESCR_MENTIONS` mentions before ``at``
    (none in a dateline or time stamp): for an organisation head, an organisation whose name holds
    the head ("the ministry": "Ministry of Defence"), or any organisation for a generic head ("the
    company"), which in its own sentence may also be the sentence's subject of unknown kind, outside
    quotes, of two words or an acronym ("Harbour Ferries will cut …, the company said": from then on
    an organisation); for a singular person head after "the" ("the minister", never "a former
    official" nor "officials"), a person (not an initialism) whose descriptors hold the head's stem,
    scored by the stems shared (two at least when the description has two; with the head's alone,
    only the nearest person named). None named inside ``np_text`` itself.

    The nearest scope with a candidate decides: the same sentence, else the same paragraph, else
    the paragraph before, and so on; in it the best score, and two different entities with the
    best score are ambiguous (''). With the head's stem alone, a nearer person, or a name written as a
    person's (:func:`person_like`), blocks the link (with no such person, the text's one holder of the title named in
    an earlier clause is taken, :func:`_sole_holder_apart`: "the roof of Lee's home, but the mayor said" after "its
    mayor, Ann Lee."); a person's link must also pass
    :func:`_person_link_holds` ("former", an indefinite description in between, the distance, the description used
    before). Chosen for the issue-11 bug "the company" -> "BST" (a time zone in the dateline); on PolNeAR, which
    scores a descriptor source by its own words, every link to a name counts as wrong, so the linking is kept
    precise."""
    if not words_:
        return ""
    head = words_[-1]
    orgw = dm.rules.get("org", {})
    roles = dm.rules.get("keyword", {})
    # "the 72-year-old", "the 41-year-old singer-songwriter": a person, whoever was named last
    age = any(_AGE_NOUN.fullmatch(w) for w in words_) and head not in orgw
    org_noun = head in _ORG_NOUN_BEFORE_NAME   # "the regulator", after "energy regulator Ofgem"
    if head not in roles and head not in orgw and head not in dm.rules.get("person", {}) and not age and not org_noun:
        return ""
    stems = {stem(x) for x in words_ if x not in _ARTICLE}
    hstem = stem(head)
    org_head, generic = head in orgw or org_noun, head in _GENERIC_ORG_HEAD
    if not org_head and (words_[0] != "the" or not singular_person(" ".join(words_))):
        return ""   # "a former official", "federal officials": no one person the text has named
    ents = dm.entities
    ss, pa = dm.sent_start(at), dm.para_of(at)
    found_scope, cands = None, {}   # canonical name -> score, in the nearest scope with a candidate
    last_at, first_at = {}, {}   # canonical name -> its last and first mention before ``at``
    nearest_person = None
    k = bisect.bisect_left(ents.all_starts, at)
    for s, e, n in reversed(ents.all_mentions[max(0, k - DESCR_MENTIONS):k]):
        scope = 0 if s >= ss else 1 + pa - dm.para_of(s)
        if found_scope is not None and scope > found_scope:
            break
        if ents.in_dateline(s) or n in np_text or dm.in_quote(s):
            continue   # (a name inside a quotation is what someone said: "“… an FAQ page …,” the company added")
        c = ents.canonical(n)
        ent = ents.by_name.get(c)
        if c in cands:
            first_at[c] = s   # (its first mention among those read)
            continue
        if ent is None:
            continue
        if nearest_person is None and (ent.kind == "person" or not org_head and not age and person_like(dm, ent)) \
                and (age or not _titled_otherwise(dm, ent, hstem)) and not _question_topic(dm, s) \
                and not (scope == 0 and _PREPOSITION_BEFORE.search(dm.text, max(0, s - 12), s)):
            # (not a name after a preposition in the description's own sentence: "In an interview with Dino Marquez …,
            # the President said" is the President's)
            nearest_person = c   # (or a name written as a person's: "… said Sen. Ann Lee. Ivo Park left …")
        sc = 0
        if org_head:
            if ent.kind == "org" and (generic and _org_head_word(c) not in _NON_COMPANY
                                      or hstem in {stem(x) for x in c.split()} or hstem in ent.descr):
                sc = 1   # ("the company" is no "Transport Department" nor "Keel Center")
            elif generic and scope == 0 and ent.kind == "unknown" and not ent.gender and _opens_sentence(dm, s, e) \
                    and (" " in c or _ACRONYM.fullmatch(c)) and not dm.in_quote(s):
                sc = 1
        elif age and ent.kind == "person":
            sc = 1   # (the nearest person only, as for a title's stem alone; not a place written as a name)
        elif ent.kind == "person" and hstem in ent.descr and not c.isupper():
            sc = len(stems & ent.descr)
            if sc < min(2, len(stems)) and _demonym_of_sole_holder(dm, words_, ent.descr, hstem):
                sc = len(stems)   # "the French negotiator" for the text's one negotiator
            if sc < min(2, len(stems)):
                sc = 0   # "the Florida senator" is not any senator
        if sc:
            found_scope = scope
            cands[c] = sc
            last_at[c] = first_at[c] = s
    if not cands:
        return _sole_title_link(dm, head, hstem, np_text, at) if not org_head and not age else ""
    top = max(cands.values())
    best = [c for c, sc in cands.items() if sc == top]
    if len(best) > 1 or (not org_head and top == 1 and best[0] != nearest_person
                         and not (nearest_person is None and _sole_holder_apart(dm, best[0], hstem, np_text, words_,
                                                                                last_at[best[0]], at))):
        return ""   # two of them, or a nearer person than the one with the title ("…,” Obama said. … the president)
    if not org_head and not _person_link_holds(dm, best[0], head, np_text, at, first_at[best[0]], last_at[best[0]],
                                               top):
        return ""
    ent = ents.by_name[best[0]]
    if org_head and ent.kind == "unknown":
        ent.kind = "org"   # "Harbour Ferries will cut …, the company said": the text says what it is
    return best[0]


_DESCRIPTION_NATIONALITY = word_set("description_nationality")


def _sole_title_link(dm, head: str, hstem: str, np_text: str, at: int) -> str:
    """The person a definite description with a person's title or person noun as head refers to when the text gives
    that role to no one ("Lea Brandt led the talks. … The Danish foreign minister said …": Lea Brandt): news varies
    how it names the person it is writing about, so the description is that person when the nearest person named
    before it (outside quotations, in the same paragraph or the one before) is its sentence's topic
    (:func:`_topic_mention`) and has no other title (:func:`_titled_otherwise`: "Sen. Ann Lee" is no "the governor"),
    every capitalised word of the description that is no title or demonym shares a sentence
    with that person, or comes before and never beside another person (:func:`_modifiers_tied`: "the Harbor FC coach"
    after "Harbor FC … Bo Reyes", or where the text names only the team; not "the Labour candidate" for the Green
    candidate named last, when "Labour" stands beside another person), and the link holds as for a title's stem alone
    (:func:`_person_link_holds`). Never for a head of list ``unnamed_source_head`` ("the spokeswoman") or
    ``relational_person_head`` ("the senior campaign adviser"): people the text may never name. Else ''."""
    ents = dm.entities
    if head in _UNNAMED_SOURCE_HEAD or head in _RELATIONAL_PERSON_HEAD \
            or head not in dm.rules.get("person", {}) and head not in name_words(dm.story).titles \
            or ents.role_holders(hstem):
        return ""
    ss, pa = dm.sent_start(at), dm.para_of(at)
    k = bisect.bisect_left(ents.all_starts, at)
    for s, e, n in reversed(ents.all_mentions[max(0, k - DESCR_MENTIONS):k]):
        if pa - dm.para_of(s) > 1:
            return ""
        if ents.in_dateline(s) or dm.in_quote(s):
            continue
        c = ents.canonical(n)
        ent = ents.by_name.get(c)
        if ent is None or not (ent.kind == "person" or ent.gender):
            continue   # (a place or a team named nearer is no person: "… beat the Harbor Hawks. The coach said")
        if s >= ss:
            return ""   # named in the description's own sentence: someone else ("Lee heard the inspector, who said")
        if not _topic_mention(dm, s, e) or _titled_otherwise(dm, ent, hstem) \
                or not _modifiers_tied(dm, np_text, c, at) or _gender_against(head, ent):
            return ""
        return c if _person_link_holds(dm, c, head, np_text, at, ents.first_mention(c, s), s, 1) else ""
    return ""


_RELATIONAL_PERSON_HEAD = word_set("relational_person_head")


def _gender_against(head: str, ent) -> bool:
    """Is the head noun ``head`` of a gender (lists ``person_noun_m``, ``person_noun_f``: "chairwoman") the text
    does not give the person ``ent`` ("Tom Berg … The chairwoman said" is someone else)?"""
    gender = noun_gender(head)
    return bool(gender and ent.gender and gender != ent.gender)


def _modifiers_tied(dm, np_text: str, name: str, at: int) -> bool:
    """Does every capitalised word of the description ``np_text`` (before ``at``) after its first word, other than a
    title word or a demonym ("Foreign", "Danish"), come in a sentence that mentions the canonical ``name`` (one of its
    last :data:`TIED_MENTIONS` mentions before ``at``), or stand apart from every other person named before
    (:func:`_stands_apart`)?"""
    titles = name_words(dm.story).titles
    words_ = [x for x in re.findall(r"[\w’'-]+", np_text)[1:]
              if x[:1].isupper() and x.lower() not in titles and x.lower() not in _DEMONYMS]
    if not words_:
        return True
    t = dm.text
    starts = dm.entities.mention_starts_of(name)
    k = bisect.bisect_left(starts, at)
    sentences = [t[dm.sent_start(s):dm.sent_end(s)] for s in starts[max(0, k - TIED_MENTIONS):k]]
    return all(any(re.search(r"\b" + re.escape(x) + r"\b", sent) for sent in sentences)
               or _stands_apart(dm, x, name, at) for x in words_)


def _stands_apart(dm, word: str, name: str, at: int) -> bool:
    """Does ``word`` come in a sentence before the one of ``at`` (within :data:`TIED_OTHER_CHARS`), and never in one
    that mentions a person other than the canonical ``name`` (at most :data:`TIED_MENTIONS` occurrences, and that many
    mentions of each one's sentence, read)? Then a description with it points to no one else ("the Harbors coach"
    where the text names only the team); not "the Democratic front-runner" where "Democratic" stands beside another
    candidate, nor "the Harbor FC coach" where "Harbor FC" is new: a description may bring in someone new."""
    ents = dm.entities
    pattern = re.compile(r"\b" + re.escape(_POSSESSIVE_END.sub("", word)) + r"\b")   # ("the Harbors’ coach")
    seen = False
    for n, m in enumerate(pattern.finditer(dm.text, max(0, at - TIED_OTHER_CHARS), dm.sent_start(at))):
        if n == TIED_MENTIONS:
            return False
        seen = True
        a, b = dm.sent_start(m.start()), dm.sent_end(m.start())
        lo = bisect.bisect_left(ents.all_starts, a)
        for _, _, nm in ents.all_mentions[lo:min(bisect.bisect_left(ents.all_starts, b), lo + TIED_MENTIONS)]:
            c = ents.canonical(nm)
            ent = ents.by_name.get(c)
            if c != name and ent is not None and not pattern.search(c) and person_like(dm, ent):
                return False   # (not a name that holds the word: "the Keel Harbors" is the team of "the Harbors coach")
    return seen


#: how far before a description :func:`_stands_apart` reads
TIED_OTHER_CHARS = 4000


#: how many of a person's mentions before a description :func:`_modifiers_tied` reads (its cost stays bounded)
TIED_MENTIONS = 20


#: a speech verb this many characters after a name, with no punctuation between, has it as subject ("Lee said",
#: "Lee, 54, said" is an appositive's and not read; "Lee later told")
TOPIC_VERB_CHARS = 16


def _topic_mention(dm, s: int, e: int) -> bool:
    """Is the mention ``text[s:e]`` what its sentence is about: only capitalised words before it in its sentence
    ("Defence Minister Lea Brandt met …", "Lea Brandt, 54, met …"), or a speech verb right after it ("…, Brandt
    said", "…, with Brandt arguing that …"; :data:`TOPIC_VERB_CHARS`)? Not an object ("… asked Bo Reyes")."""
    t = dm.text
    if all(x[:1].isupper() for x in t[dm.sent_start(s):s].split()):
        return True
    k = bisect.bisect_left(dm.verb_starts, e)
    if k == len(dm.verb_starts) or dm.verb_starts[k] - e > TOPIC_VERB_CHARS:
        return False
    return not any(ch in ",;:()" for ch in t[e:dm.verb_starts[k]])



def _demonym_of_sole_holder(dm, words_: list[str], descr, hstem: str) -> bool:
    """Are the description's words that the person's descriptors ``descr`` lack all demonyms ("the French negotiator":
    "French"), and is that person the only one of the text whose descriptors hold the head's stem ``hstem``? A
    nationality the text did not write for the one holder of a role adds no second candidate ("the Florida senator"
    is no such: a place, not a demonym, and there may be two senators)."""
    missing = [x for x in words_ if x not in _ARTICLE and stem(x) not in descr]
    if not missing or not all(x in _DEMONYMS or x in _DESCRIPTION_NATIONALITY for x in missing):
        return False
    return len(dm.entities.role_holders(hstem)) == 1


_PREPOSITION_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(_PREPOSITIONS)) + r")[ \xa0]+$", re.I)


def _titled_otherwise(dm, ent, hstem: str) -> bool:
    """Does the text give the person ``ent`` a title or role noun other than the one of stem ``hstem`` ("Premier Ann
    Lee said … – union secretary Bo Reyes. “…,” the premier said.": the secretary, named nearer, is not the premier;
    "the new rowing federation leader Bo Reyes" is not "the Premier")?"""
    return hstem not in ent.descr and not ent.descr.isdisjoint(_role_stems(dm.story))


@lru_cache(maxsize=8)
def _role_stems(story) -> frozenset:
    """The stems of the titles and person words of ``data/role_rules.csv`` (and a pack's)."""
    w = name_words(story)
    return frozenset(stem(t) for t in list(w.titles) + list(w.person))


_CONTRAST_MODIFIER = word_set("contrast_modifier")
_TITLE_MODIFIER = word_set("title_modifier")
_PARTY_MEMBER = word_set("party_member")
_QUESTION_CLOSE = re.compile(r".?\?[”\"']")
_SENTENCE_END_IN = re.compile(r"[.!?][”\"']?[ \xa0\n]")
#: how far before the last speaker's attribution a closing question mark makes that speaker the one who asked
QUESTION_BEFORE_CHARS = 120
_ORG_DESCRIPTION_HEAD = word_set("org_description_head")
_ORG_NOUN_BEFORE_NAME = word_set("org_noun_before_name")
_AGE_NOUN = re.compile(r"\d{1,3}-year-old")
#: how far back (characters) the person a description of the next attribution refers to may have spoken
CONTINUED_SPEAKER_CHARS = 600
#: ... and how many paragraphs back
CONTINUED_SPEAKER_PARAGRAPHS = 2
#: how far back (characters) an earlier use of the same description ("the judge") is looked for
DESCRIPTION_SEEN_CHARS = 3000


def continued_speaker(dm, np_text: str, at: int, memory: _Speakers) -> str:
    """The person a definite description of a person ("the Texas senator", "the veteran coach") refers to when the
    text names nobody with its words: the last speaker noted before ``at`` (:class:`_Speakers`), when

    - that speaker is a named person who spoke, or was last named (:func:`_last_mention`), at most
      :data:`CONTINUED_SPEAKER_CHARS` characters before, in the same paragraph or the one before, and no other person
      is named outside quotations after its own attribution;
    - the description fits what the text says of that person (:func:`_fits_speaker`): its head is one of the
      person's titles or descriptors or has the same role ("the Texas senator" for "Sen. Ann Lee"; not "the judge"
      for "Ann Lee, the defence lawyer", "the senator" for "Governor Ann Lee"), every capitalised word in it is
      among the person's words ("the Bayern coach" is not "Kiel coach Tom Berg"), it holds no word of list
      ``contrast_modifier`` ("the other manager") and says "former" exactly when the text says it of the person;
    - no indefinite description with the same head comes in between ("A senator disagreed. … the senator
      said") and the text did not use the description in the :data:`DESCRIPTION_SEEN_CHARS` before ("the judge"
      may be someone it never names) but to introduce that person or as a source it names later as that person
      (:func:`_described_as_other`).

    News varies the words for the person it is quoting ("…, said Sen. Ann Lee. … The Texas senator said …");
    otherwise ''."""
    words_ = _description_words(np_text)
    k = bisect.bisect_left(memory.pos, at) - 1
    if not words_ or k < 0:
        return ""
    pos, spk, _ = memory.entries[k]
    ents = dm.entities
    spk = ents.canonical(spk) or spk
    near = _last_mention(dm, spk, pos, at)
    if at - near > CONTINUED_SPEAKER_CHARS or dm.para_of(at) - dm.para_of(near) > CONTINUED_SPEAKER_PARAGRAPHS:
        return ""
    ent = ents.by_name.get(spk)
    t = dm.text
    own = t.rfind(np_text, max(pos, at - len(np_text) - SUBJECT_REGION_CHARS), at)   # (its own words name no one else)
    end = own if own >= 0 else at
    if ent is None or not pronoun_person(dm, ent, spk) or _other_person_between(dm, spk, pos, end, memory.names):
        return ""
    if not _fits_speaker(dm, words_, ent, spk) and not (
            person_like(dm, ent) and (_epithet_of(dm, words_, ent, spk)
                                      or _held_by_no_other(dm, np_text, words_, ent, spk))
            and not _person_named_after(dm, spk, pos, end)
            and not _question_put(dm, max(0, pos - QUESTION_BEFORE_CHARS), end)):
        return ""   # (after a question "the senator" may well be the one who answers it)
    if _introduced_between(t, words_[-1], pos, at) \
            or _described_as_other(dm, words_[-1].lower(), max(0, pos - DESCRIPTION_SEEN_CHARS), pos, spk, re.I,
                                   own=words_):
        return ""
    return spk


_ANY_ORG_HEAD = word_set("any_org_head")
#: how many modifiers may come between "the" and the head of such a description ("the anti-graft agency")
ORG_DESCRIPTION_MODIFIERS = 2


def continued_org_speaker(dm, np_text: str, at: int, memory: _Speakers) -> str:
    """The organisation "the agency", "the regulator", "the union" (a singular description whose head is of list
    ``org_description_head``, after at most :data:`ORG_DESCRIPTION_MODIFIERS` modifiers, none of list
    ``contrast_modifier`` and none capitalised unless a word of the name: "the anti-graft agency", not "the Harbor
    union" for "Kiel Dockers Union") refers to when the text names none with its head: the last speaker noted before
    ``at`` when it is a named organisation that spoke at most :data:`CONTINUED_SPEAKER_CHARS` characters before, in
    the same paragraph or the one before, with no other organisation named outside quotations since its last mention,
    and whose name holds no other word of that list ("the union" is not "Harbor University"; a word of list
    ``any_org_head``, "the group", fits any name). "Ofgem said … The regulator said …", "the CDC added … The agency
    said …": news varies the words for the body it quotes."""
    words_ = _descriptor_words(np_text)
    if not 2 <= len(words_) <= 2 + ORG_DESCRIPTION_MODIFIERS or words_[0] != "the" \
            or words_[-1] not in _ORG_DESCRIPTION_HEAD or set(words_) & _CONTRAST_MODIFIER:
        return ""
    k = bisect.bisect_left(memory.pos, at) - 1
    if k < 0:
        return ""
    pos, spk, typ = memory.entries[k]
    cased = re.findall(r"[\w’'-]+", np_text)[1:len(words_) - 1]
    if any(w[:1].isupper() and w.lower() not in spk.lower().split() for w in cased):
        return ""   # ("the Harbor union" for "Kiel Dockers Union": a capitalised word of another name)
    if typ != "named" or at - pos > CONTINUED_SPEAKER_CHARS or dm.para_of(at) - dm.para_of(pos) > 1:
        return ""
    ents = dm.entities
    spk = ents.canonical(spk) or spk
    ent = ents.by_name.get(spk)
    own = {x.lower() for x in spk.split()} & _ORG_DESCRIPTION_HEAD
    if ent is None or not (ent.kind == "org" or _bare_org_like(dm, ent)) \
            or (own and words_[1] not in own and words_[1] not in _ANY_ORG_HEAD) \
            or (words_[1] in _GENERIC_ORG_HEAD and _org_head_word(spk) in _NON_COMPANY):
        return ""   # ("the company" is no "Transport Department", as in :func:`_link_descriptor`)
    if any(c != spk and c in ents.by_name and ents.by_name[c].kind == "org" for c in _named_since(dm, spk, pos, at)):
        return ""   # another organisation named since
    return spk


def _bare_org_like(dm, ent) -> bool:
    """Is ``ent`` a one-word name of unknown kind and no gender ("Twitter", "Valeant") that is no common word of the
    text nor a speech verb form ("Warning labels …")? A person's fullest name in news is first and last name, so such
    a name that spoke may be the body "the company" goes on quoting."""
    low = ent.name.lower()
    return ent.kind == "unknown" and " " not in ent.name and not ent.gender and low not in dm.common \
        and low not in dm.vinfo


def _person_link_holds(dm, name: str, head: str, np_text: str, at: int, first: int, last: int, score: int) -> bool:
    """May the description ``np_text`` (head word ``head``, before ``at``) name the person ``name`` mentioned first at
    ``first`` and last at ``last``? Not when it says "former" and the text does not say it of the person, or the
    reverse ("said former Mayor Ann Lee. … the mayor said"), nor when an indefinite description with the same head
    comes after the sentence of that last mention ("… said Sen. Ann Lee. A senator disagreed. … the senator said";
    the description's own words, which may come before ``at``, do not count: "the senator who named a new senator
    said"); and, when only the head matched (``score`` 1), not when that mention is more than a paragraph back, nor
    when the text used the description, in lower case, before the person's first mention (within
    :data:`DESCRIPTION_SEEN_CHARS`: "The senator listened. … said Sen. Ann Lee": "the senator" may be someone it never
    names; "the Harbor County Sheriff's Office" is a name) but to introduce that person ("The reclusive street artist
    Tom Marsh has said …": :func:`_introduces`), as :func:`continued_speaker` asks."""
    t = dm.text
    own = t.rfind(np_text, max(0, at - len(np_text) - SUBJECT_REGION_CHARS), at)
    if _introduced_between(t, head, max(dm.sent_end(last), at - CONTINUED_SPEAKER_CHARS), own if own >= 0 else at):
        return False
    ent = dm.entities.by_name.get(name)
    if ent is not None and ("former" in ent.role_words) != ("former" in np_text.lower().split()):
        return False   # "said former Mayor Ann Lee. … the mayor said": not the mayor now
    if score > 1:
        return True
    first = min(first, dm.entities.first_mention(name, first))   # (the first in the text, not among those read)
    return dm.para_of(at) - dm.para_of(last) <= 1 \
        and not _described_as_other(dm, head, max(0, first - DESCRIPTION_SEEN_CHARS), first, name)


def _described_as_other(dm, head: str, lo: int, hi: int, name: str, flags: int = 0, own=()) -> bool:
    """Does a definite description with the head word ``head`` ("the senator", "The Texas senator") come in
    ``text[lo:hi]`` that neither introduces ``name`` (:func:`_introduces`) nor is a source the text names only after
    it, as ``name`` (:func:`_forward_source`)? Then a later use of it may be someone the text never names.
    ``flags``: ``re.I`` to match the head in any case. A description with a word of list ``title_modifier`` that
    the description's own words ``own`` lack names another title ("the prime minister" is no "the minister"); one
    after ``name``'s first mention whose words are all among that person's descriptors is that person's ("Interior
    Minister Ann Lee … the Interior Minister"; not "The senator listened. … said Sen. Ann Lee")."""
    t = dm.text
    own_modifiers = {x.lower() for x in own} & _TITLE_MODIFIER
    ent = dm.entities.by_name.get(name)
    descr = ent.descr if ent is not None else frozenset()
    first = dm.entities.first_mention(name, hi)
    return any(not ({x.lower() for x in m.group().split()} & _TITLE_MODIFIER) - own_modifiers
               and not (lo + m.start() > first and {stem(x) for x in m.group().split()[1:]} <= descr)
               and not _introduces(dm, lo + m.end(), name)
               and not _forward_source(dm, lo + m.start(), lo + m.end(), head, name)
               and _last_person(dm, lo + m.start()) != name
               for m in re.finditer(r"\b[Tt]he\s+(?:[\w’'-]+\s+){0,3}" + re.escape(head) + r"\b", t[lo:hi], flags))


#: how many mentions before a description :func:`_last_person` reads
LAST_PERSON_MENTIONS = 8


def _last_person(dm, at: int) -> str:
    """The canonical name of the last person (:func:`person_like`) named outside quotations before ``at``, among the
    last :data:`LAST_PERSON_MENTIONS` mentions, else ''. A description right after that person ("Senator Tom Berg has
    warned … ¶ The veteran senator will sit …") is that person's, not someone the text never names."""
    ents = dm.entities
    k = bisect.bisect_left(ents.mention_starts, at)
    for _, _, n in reversed(ents.mentions[max(0, k - LAST_PERSON_MENTIONS):k]):
        c = ents.canonical(n)
        ent = ents.by_name.get(c)
        if ent is not None and person_like(dm, ent):
            return c
    return ""


# a name right after a description, or after its comma when the name closes the appositive ("the town's mayor, Ann
# Vale." or "…, Ann Vale, said"; not "the mayor, Ann Vale said" nor "The mayor, Tom Reyes and Ann Lee met")
_NAME_NEXT = re.compile(r"[ \xa0]+(" + NAME_RE.pattern + r")|,[ \xa0]+(" + NAME_RE.pattern
                        + r")(?=[ \xa0]*(?:[,.;:)]|$))")


def _introduces(dm, end: int, name: str) -> bool:
    """Is the description that ends at ``end`` followed by a mention of ``name``, or by a comma and a mention of
    ``name`` that closes the appositive ("The reclusive British street artist Tom Marsh", "the city's mayor, Ann
    Lee."): the name's own introduction, not someone else the description may mean?"""
    m = _NAME_NEXT.match(dm.text, end)
    return m is not None and dm.entities.canonical((m.group(1) or m.group(2)).rstrip(".,")) == name


_ACCORDING_TO_END = re.compile(r"according[ \xa0]+to[ \xa0]+$", re.I)


def _forward_source(dm, s: int, e: int, head: str, name: str) -> bool:
    """Is the description ``text[s:e]`` (head word ``head``, a title) a source ("according to the councillor for
    safety", "the councillor said") that the text names only after it, as ``name`` (:func:`_forward_person`)? Then
    a later use of it is that person's too (not "The senator listened. … said Sen. Ann Lee": no source)."""
    t = dm.text
    source = _ACCORDING_TO_END.search(t, max(0, s - 14), s) is not None or dm.has_verb(e, e + 2)
    return source and head.lower() in name_words(dm.story).titles and _forward_person(dm, stem(head), s) == name


def _introduced_between(text: str, head: str, lo: int, hi: int) -> bool:
    """Does an indefinite description with the head word ``head`` ("a senator", "another senior senator") come in
    ``text[lo:hi]``? Then a later "the senator" may be that new person."""
    return re.search(r"\b(?:a|an|another)\s+(?:[\w’'-]+\s+){0,3}" + re.escape(head.lower()) + r"\b", text[lo:hi],
                     re.I) is not None


def _description_words(np_text: str) -> list[str]:
    """The words of ``np_text`` after "the", up to its head (the last word before a connector or preposition: "the
    lawyer for the senator"), when it is a definite description of one person (:func:`.names.singular_person`),
    else []."""
    words_ = _without_intensifier(re.findall(r"[\w’'-]+", np_text))
    low = [w.lower() for w in words_]
    if len(words_) < 2 or low[0] != "the" or not singular_person(" ".join(low)):
        return []
    cut = next((k for k, x in enumerate(low[1:], 1) if x in HEAD_CUT), len(low))   # "the mother of the victim"
    return words_[1:cut]


def _role_of(dm, word: str) -> str:
    """The role the role rules give a word as a title or keyword ('' for none)."""
    r = dm.rules.get("title", {}).get(word) or dm.rules.get("keyword", {}).get(word) or ""
    return "" if r == "unknown" else r


def _fits_speaker(dm, words_: list[str], ent, spk: str) -> bool:
    """Does the description (its words after "the", head last) fit what the text says of the person ``ent``?"""
    head = words_[-1].lower()
    own = _own_words(ent, spk)
    mods = words_[:-1]
    low = {w.lower() for w in mods}
    if low & _CONTRAST_MODIFIER or ("former" in own) != ("former" in low) \
            or any(w[:1].isupper() and w.lower() not in own for w in mods):
        return False
    role = _role_of(dm, head)
    return stem(head) in ent.descr or bool(role) and role in {_role_of(dm, w) for w in own}


def _own_words(ent, spk: str) -> set[str]:
    """The lower-case words the text gives the person ``ent`` named ``spk``: its role words and its name's words."""
    return set(ent.role_words) | {w.lower() for w in re.findall(r"[\w’'-]+", spk)}


def _may_be_epithet(dm, words_: list[str], ent, own: set[str]) -> bool:
    """What any epithet for the person ``ent`` (whose words are ``own``) must be: a description (its words after
    "the", head last) whose head is a person noun (lists ``person``, ``title``, ``party_member``) or a noun of a
    gender not against the person's ("the woman" after a man), with no word of list ``contrast_modifier``, and
    "former" said of both or of neither."""
    head = words_[-1].lower()
    low = {w.lower() for w in words_[:-1]}
    gender = noun_gender(head)
    if not (_person_noun(dm, head) or gender) or low & _CONTRAST_MODIFIER or ("former" in own) != ("former" in low):
        return False
    return not (gender and ent.gender and gender != ent.gender)


def _epithet_of(dm, words_: list[str], ent, spk: str) -> bool:
    """May the description (its words after "the", head last) be an epithet for the person ``ent`` that the text
    does not spell out ("…, said Sen. Ann Lee. The Texas Republican added …", "the Harbor governor" for a governor
    the text never calls one)? Its head is a person noun (lists ``person``, ``title``, ``party_member``, or a noun
    of a gender) and nothing the text says of the person contradicts it:

    - no word of list ``contrast_modifier``, and "former" said of both or of neither;
    - the head's gender is not the other one the person has;
    - the head is a party member noun (list ``party_member``) when the person has no other party's, or the person
      has no person-noun or title descriptor, or one with the head's stem or role ("the senator" for a person
      called "Sen.", not "the judge" for "Ann Lee, the defence lawyer");
    - when the description has capitalised words, one is among the person's words, or the person has no word of
      an affiliation (a word the text writes only capitalised that is no title: "the Bayern coach" is not "Kiel coach
      Tom Berg").

    News varies the words for the person it is quoting, often with what the reader is taken to know; these
    epithets refer to the last speaker when :func:`continued_speaker`'s other conditions hold."""
    head = words_[-1].lower()
    mods = words_[:-1]
    own = _own_words(ent, spk)
    if not _may_be_epithet(dm, words_, ent, own):
        return False
    caps = [w.lower() for w in mods if w[:1].isupper()]
    if caps and not set(caps) & own and any(_affiliation_word(dm, w) for w in ent.role_words):
        return False
    nouns = {w for w in ent.role_words if _person_noun(dm, w)}
    if head in _PARTY_MEMBER:
        return not (nouns & _PARTY_MEMBER) - {head}
    nouns -= _PARTY_MEMBER
    role = _role_of(dm, head)
    return not nouns or stem(head) in {stem(w) for w in nouns} \
        or bool(role) and role in {_role_of(dm, w) for w in nouns}


def _held_by_no_other(dm, np_text: str, words_: list[str], ent, spk: str) -> bool:
    """May the description ``np_text`` (its words after "the" up to its head: ``words_``) be an epithet for the person
    ``ent`` that the text words otherwise ("PTI chief Tom Reyes … The deposed premier said", "Cr Ann Lee … The
    elected member described") because it could mean no one else? Its head is a person noun (as in
    :func:`_epithet_of`), nothing follows the head ("the mother of the victim" is someone else), no word of list
    ``contrast_modifier``, "former" said of both or of neither, no gender against the person's, no office against
    the person's (:func:`_office_conflict`); no other person of the text is described with the head's stem
    (:meth:`.entities._Entities.role_holders`), and no capitalised word of it that the person lacks belongs to another
    person or organisation of the text, nor, when the text gives the person an affiliation, is any word but a listed
    place (or the words together one), a compass word, a title or a party member noun ("the Bayern coach" is not
    "Kiel coach Tom Berg"; "the North Belfast MLA" may be "SDLP deputy leader Ann Lee", "the South Harbor
    Republican" a senator of the Harbor party).

    Bounded: one index lookup per word of the description."""
    head = words_[-1].lower()
    mods = words_[:-1]
    own = _own_words(ent, spk)
    if not _may_be_epithet(dm, words_, ent, own) or _office_conflict(dm, head, ent):
        return False
    if len(_without_intensifier(re.findall(r"[\w’'-]+", np_text))) > len(words_) + 1:
        return False   # (words after the head, or before "the")
    ents = dm.entities
    if ents.role_holders(stem(head)) - {spk}:
        return False
    caps = [w for w in mods if w[:1].isupper() and w.lower() not in own]
    if any(ents.owners_of(w.lower()) - {spk} for w in caps):
        return False
    placed = " ".join(caps)
    unplaced = [w for w in caps if not (is_place(w) or is_place(placed) or w.lower() in _COMPASS
                                        or w.lower() in _PARTY_MEMBER or w.lower() in dm.rules.get("title", {}))]
    return not (unplaced and any(_affiliation_word(dm, w) for w in ent.role_words))


def _office_conflict(dm, head: str, ent) -> bool:
    """Does the text give the person ``ent`` a person noun that rules out the title ``head`` (lower case, a word of
    list ``title`` with a role)? One whose role is another and no noun of the person has the head's role ("Governor
    Ann Lee" is not "the senator"), or a person noun that is no title ("Ann Lee, the defence lawyer" is not "the
    judge"). A title of no role ("chief", "leader") rules out nothing."""
    role = _role_of(dm, head)
    if not role or head not in dm.rules.get("title", {}):
        return False
    nouns = {w for w in ent.role_words if _person_noun(dm, w) and stem(w) != stem(head)}
    roles = {_role_of(dm, w) for w in nouns}
    titles = dm.rules.get("title", {})
    return role not in roles and (bool(roles - {""}) or any(w not in titles for w in nouns))


def _person_noun(dm, word: str) -> bool:
    """Is ``word`` (lower case) a noun for a person: of list ``person``, a title or a party member noun?"""
    return word in dm.rules.get("person", {}) or word in dm.rules.get("title", {}) or word in _PARTY_MEMBER


def _affiliation_word(dm, word: str) -> bool:
    """Is the role word ``word`` (lower case) one the text writes only capitalised, and no title, person or
    organisation word ("kiel" in "Kiel coach Tom Berg")?"""
    return word.isalpha() and word not in dm.common and not _person_noun(dm, word) \
        and word not in name_words(dm.story).hon and word not in dm.rules.get("org", {})   # (nor "Mr")


def _other_person_between(dm, spk: str, pos: int, at: int, spoke=frozenset()) -> bool:
    """Is a person other than ``spk`` named outside quotations between ``spk``'s last mention after ``pos`` (its own
    attribution: "…,” said Kiel coach Tom Berg") and ``at``: a person or personal name, or a one-word name a pronoun
    may mean that has spoken (``spoke``) or acts (as in :func:`_subject_person`; not "Unless Harbor backs it")?"""
    ents = dm.entities
    for s_, e_, c in _named_since(dm, spk, pos, at, spans=True):
        ent = ents.by_name.get(c)
        if c != spk and ent is not None and (person_like(dm, ent) or pronoun_person(dm, ent, c) and (
                c in spoke or _ACTS_AFTER.match(dm.text, e_))):
            return True
    return False


def _question_put(dm, lo: int, hi: int) -> bool:
    """Does a quotation that ends with a question mark lie in ``text[lo:hi]``, other than the one the words at ``hi``
    attribute ("“…, right?” said the businessman": the tag follows it in the same sentence)? (At most
    :data:`DESCR_MENTIONS` quotations read.)"""
    spans = dm.quotes_overlapping(lo, hi, limit=DESCR_MENTIONS) or []
    spans = [(s, e) for s, e in spans if s >= lo and e <= hi]
    if spans and _SENTENCE_END_IN.search(dm.text, spans[-1][1], hi) is None:
        spans.pop()   # (the quotation the description's own tag attributes)
    return any(_QUESTION_CLOSE.match(dm.text, max(s, e - 3), e) for s, e in spans)


def _person_named_after(dm, spk: str, pos: int, at: int) -> bool:
    """Is a person other than ``spk`` named outside quotations in ``text[pos:at]``, before or after ``spk``'s own
    mentions there ("Trump has argued … Priebus has pushed back amid Trump’s accusations. The chairman said")?"""
    ents = dm.entities
    between = ents.mentions[bisect.bisect_right(ents.mention_starts, pos):bisect.bisect_left(ents.mention_starts, at)]
    return any(c != spk and ent is not None and pronoun_person(dm, ent, c)
               for _, _, n in between for c in [ents.canonical(n)] for ent in [ents.by_name.get(c)])


def _last_mention(dm, spk: str, pos: int, at: int) -> int:
    """Where the person ``spk`` (canonical), who spoke at ``pos``, was last named before ``at``: a text that goes on
    naming its speaker keeps it in view ("…, said Ann Lee. ¶ Lee was asked to … ¶ According to the senator, …")."""
    ents = dm.entities
    a = bisect.bisect_right(ents.mention_starts, pos)
    b = bisect.bisect_left(ents.mention_starts, at)
    return max((s for s, _, n in ents.mentions[a:b] if ents.canonical(n) == spk), default=pos)


def _named_since(dm, spk: str, pos: int, at: int, spans: bool = False) -> list:
    """The canonical names of the mentions outside quotations between ``spk``'s last mention after ``pos`` and
    ``at`` (but those a question is about: :func:`_question_topic`); with ``spans``, ``(start, end, name)``."""
    ents = dm.entities
    between = ents.mentions[bisect.bisect_right(ents.mention_starts, pos):bisect.bisect_left(ents.mention_starts, at)]
    named = [(s, e, ents.canonical(n)) for s, e, n in between if not _question_topic(dm, s)]
    last_own = max((k for k, m in enumerate(named) if m[2] == spk), default=-1)
    return named[last_own + 1:] if spans else [c for _, _, c in named[last_own + 1:]]


# "asked" and no comma or stop after it: a mention after it is in the question put to a speaker
_ASKED_BEFORE = re.compile(r"\b[Aa]sked\b[^,.;:!?“”\"]*$")
#: how far before a mention that "asked" is looked for
ASKED_CHARS = 120


def _question_topic(dm, s: int) -> bool:
    """Is the mention at ``s`` inside a question put to a speaker ("When asked if bringing Saviour Gama was the only
    option, the coach said"): after "asked" in its sentence, with no comma between? The person it names is what was
    asked about, not one who may be speaking."""
    return _ASKED_BEFORE.search(dm.text, max(dm.sent_start(s), s - ASKED_CHARS), s) is not None


def _org_head_word(name: str) -> str:
    """The head word of an organisation's name: its last word before a connector ("Keel Center for
    Justice" -> "center", "Transport Department" -> "department"), lower case."""
    words = name.lower().split()
    cut = next((k for k, x in enumerate(words[1:], 1) if x in _NAME_CONNECTOR), len(words))
    return words[cut - 1]


def _opens_sentence(dm, s: int, e: int) -> bool:
    """Is the mention ``text[s:e]`` the subject that opens its sentence: within its first
    :data:`SUBJECT_WORDS` words (a dateline before them left out), no comma before it, not a
    possessive ("Harbour Ferries' boat")?"""
    ss = dm.sent_start(s)
    ss = min(s, dm.entities.after_dateline(ss))   # "LONDON, June 3 (Wire) - Acme will …"
    if s - ss > 80:
        return False
    pre = dm.text[ss:s]
    return count_words(pre) <= SUBJECT_WORDS and "," not in pre and dm.text[e:e + 1] not in "’'"


#: the type :func:`unresolved_pronoun` subjects get before a reported clause (never a row's
#: ``speaker_type``, which is then "none"): its speaker stays empty
UNRESOLVED = "unresolved"


def _pronoun_in(np_text: str) -> str | None:
    """The subject pronoun (list ``pronoun_subject``) that a longer subject ends with ("In 2010 she", "the
    mayor said no. But he") or opens before a lower-case word ("He later suggested …"), lower-cased;
    else None."""
    w = [_CONTRACTION.sub("", x) for x in np_text.split()]   # ("He's now saying": "he")
    if len(w) > 1 and w[-1].lower() in _SUBJECT_PRON:
        return w[-1].lower()
    if len(w) > 1 and w[0].lower() in _SUBJECT_PRON and w[1][:1].islower():
        return w[0].lower()
    return None


def unresolved_pronoun(subj: str) -> bool:
    """Is the subject ``subj`` a third-person subject pronoun (list ``pronoun_subject``: he, she, they), alone
    or in a longer subject as :func:`resolve_np` reads one (:func:`_pronoun_in`)? Called when it resolved to
    nobody: its clause is still reported speech, with no speaker."""
    subj = _CONTRACTION.sub("", subj.strip(" ,;:\n\t"))
    return subj.lower() in _SUBJECT_PRON or _pronoun_in(subj) is not None


def resolve_pronoun(dm, g: str, at: int, memory: _Speakers) -> tuple[str, str]:
    """:func:`_resolve_pronoun`; a he/she bound to a named entity of no known gender gives it that
    gender (:func:`bind_gender`), so a later pronoun of the other gender looks past it."""
    spk, typ = _resolve_pronoun(dm, g, at, memory)
    if spk and g in ("m", "f"):
        bind_gender(dm, spk, g)
    return spk, typ


def bind_gender(dm, spk: str, g: str) -> None:
    """The entity named ``spk`` is of gender ``g`` if none is known and it is no organisation; a
    gender the first-name list gave it is now the text's too."""
    ent = dm.entities.by_name.get(spk)
    if ent is not None and ent.kind != "org" and (not ent.gender or ent.gender == g):
        ent.gender, ent.gender_listed = g, False


def _resolve_pronoun(dm, g: str, at: int, memory: _Speakers) -> tuple[str, str]:
    """he/she/they -> the nearest compatible antecedent (number; gender where the text gives it:
    an honorific, or a pronoun already bound to the name):

    1. the last compatible speaker of this paragraph or the :data:`PRONOUN_PARAGRAPHS` before it,
       unless it was noted before the previous sentence and a person named since opens this or
       the previous sentence (:func:`_subject_person`: "Gorka made the point that … “…,” he noted")
       or a descriptor there links to one ("The defense minister shed some light. He said …");
    2. they: else the last organisation named there; he/she: else the last compatible person
       named as a sentence subject there;
    3. he/she: the person of the last linked descriptor since the last named person, then the last
       person mentioned (:func:`pronoun_person`), of that gender if known; else nobody.

    Chosen on PolNeAR select, pronoun sources (54.7% before): speakers up to 1, 2, 3 paragraphs back
    or unbounded 54.9, 54.9, 57.0, 57.6% (unbounded: 0.8 points less on fit); step 1's nearer
    subject +2.4 points; genders from bound pronouns and "X said she" within one pair (±0.3)."""
    p = dm.para_of(at)
    floor = dm.pstarts[p - PRONOUN_PARAGRAPHS] if p > PRONOUN_PARAGRAPHS else None
    found = memory.latest_entry(g, at, floor)
    ents = dm.entities
    if g in ("m", "f") and found is None:
        found = _listed_gender_speaker(dm, g, at, memory)
    if found is not None:
        pos, spk, typ = found
        if g in ("m", "f") and _gender_unknown(dm, spk) and pos < dm.sent_start(at):
            # (not over the sentence's own speaker: "Idris Vantongeren granted that Bo Kowal led, which, he said, …")
            same = _gendered_in_sentence(dm, g, at)
            if same and same != spk:
                return same, "named"   # ("while Clinton lagged …, she has called for …": not Gingrich, who spoke)
        if g != "p":
            lo_sent = dm.sstarts[max(0, dm.sent_index(at) - 1)]
            if pos < lo_sent:
                subj = _subject_person(dm, g, at, max(lo_sent - 1, pos), memory.names)
                if subj and subj != spk:
                    return subj, "named"
                linked = last_descriptor(dm, max(lo_sent, pos), at)
                if linked and linked != spk:
                    return linked, "descriptor"   # "The defense minister shed some light. He said …"
        return spk, typ
    if g == "p":
        return _last_org_named(dm, at, floor)
    subj = _subject_person(dm, g, at, floor if floor is not None else -1, memory.names)
    if subj:
        return subj, "named"
    k = bisect.bisect_left(ents.person_starts, at)
    last_named = ents.person_starts[k - 1] if k else 0
    linked = last_descriptor(dm, last_named, at)
    if linked:
        return linked, "descriptor"
    k = bisect.bisect_left(ents.mention_starts, at)
    title_end = _title_line_end(dm)
    for s, e, n in reversed(ents.mentions[max(0, k - 200):k]):
        if s < title_end:
            break   # (a headline's word is no antecedent: "Rescue\n\n… “…,” she said")
        c = ents.canonical(n)
        ent = ents.by_name.get(c)
        if ent is None or not pronoun_person(dm, ent, c) or _place_like(ent) or ents.in_dateline(s):
            continue
        if (ent.gender and ent.gender != g) or (" " not in c and _modifier_mention(dm, s, e)):
            continue
        return c, "named"
    return "", "none"


def _title_line_end(dm) -> int:
    """Where the text's first paragraph ends when it is a title (it does not end as a sentence: "Rescue", "Storm
    Closes Schools"); else 0."""
    if len(dm.paras) < 2:
        return 0
    a, b = dm.paras[0]
    return b if dm.text[a:b].rstrip()[-1:] not in ".!?”\"’'" else 0


def _gender_unknown(dm, spk: str) -> bool:
    """Is the noted speaker ``spk`` a name whose gender the text and the first-name list leave open?"""
    ent = dm.entities.by_name.get(spk)
    return ent is not None and not ent.gender


def _gendered_in_sentence(dm, g: str, at: int) -> str:
    """The last person of gender ``g`` (known from the text or the first-name list) named outside quotations in the
    sentence of ``at`` before it as the subject of a clause (:func:`_opens_clause`), among its last
    :data:`SENTENCE_MENTIONS` mentions; else ''. Such a person is a nearer antecedent of "she" than a speaker of
    unknown gender noted before."""
    ents = dm.entities
    lo = dm.sstarts[dm.sent_index(at)]
    k = bisect.bisect_left(ents.mention_starts, at)
    for s, _, n in reversed(ents.mentions[max(0, k - SENTENCE_MENTIONS):k]):
        if s < lo:
            break
        c = ents.canonical(n)
        ent = ents.by_name.get(c)
        if ent is not None and ent.gender == g and (ent.kind == "person" or person_like(dm, ent)) \
                and _opens_clause(dm.text, max(lo, s - 80), s):
            return c
    return ""


# the words that may stand between a clause's start and its subject's name: capitalised words (a title) only
_SUBJECT_LEAD = re.compile(r"(?:[A-Z][\w.’'-]*[ \xa0]+)*")
_CLAUSE_OPENER = re.compile(r"[,;:(]|\b(?:" + alternation("clause_coordinator") + "|" + alternation("np_clause_cut")
                            + r"|as)\b")


def _opens_clause(text: str, lo: int, s: int) -> bool:
    """Does the name at ``s`` open its clause (nothing but capitalised words between it and the sentence start at
    ``lo`` or the last comma or clause word before it)? A name inside a clause's object ("called out his rival Donald
    Trump", "the scrutiny over Melania Trump") is not its subject."""
    start = lo
    for m in _CLAUSE_OPENER.finditer(text, lo, s):
        start = m.end()
    return _SUBJECT_LEAD.fullmatch(text[start:s].strip(" \xa0\n")) is not None


#: how many mentions before a pronoun :func:`_gendered_in_sentence` reads
SENTENCE_MENTIONS = 12


def _listed_gender_speaker(dm, g: str, at: int, memory: _Speakers):
    """When no speaker of gender ``g`` is at hand: the last speaker noted before ``at``, in its paragraph or
    the one before, when its gender is only the first-name list's and not ``g`` and no other person is named
    between it and ``at``: the text's pronoun outweighs the list ("“…,” Meredith Vance told the court.
    “…,” he said."); the name takes gender ``g``. Else None. At most :data:`LISTED_GENDER_MENTIONS` mentions
    are read between."""
    j = bisect.bisect_left(memory.pos, at) - 1
    if j < 0:
        return None
    pos, spk, typ = memory.entries[j]
    ents = dm.entities
    ent = ents.by_name.get(spk)
    if typ != "named" or ent is None or not ent.gender_listed or ent.gender == g or ent.kind == "org" \
            or dm.para_of(at) - dm.para_of(pos) > 1:
        return None
    between = _entities_between(dm, pos + 1, at, LISTED_GENDER_MENTIONS, outside_quotes=True)
    if between is None or any(c != spk and person_like(dm, other) for c, other in between):
        return None
    ent.gender, ent.gender_listed = g, False
    return pos, spk, typ


def _last_org_named(dm, at: int, floor: int | None) -> tuple[str, str]:
    """The last organisation named before ``at`` (not before ``floor``, nor in a dateline), among the
    last :data:`THEY_MENTIONS` mentions; else nobody."""
    ents = dm.entities
    k = bisect.bisect_left(ents.mention_starts, at)
    for s, _, n in reversed(ents.mentions[max(0, k - THEY_MENTIONS):k]):
        if floor is not None and s < floor:
            break
        c = ents.canonical(n)
        ent = ents.by_name.get(c)
        if ent is not None and ent.kind == "org" and not ents.in_dateline(s):
            return c, "named"
    return "", "none"


def _resolve_it(dm, at: int, memory: _Speakers) -> tuple[str, str]:
    """"it" as the subject of a speech verb ("It also said …") -> the last organisation or institutional
    source ("the company", "the report": :func:`compatible` with ``n``) noted as a speaker in its paragraph
    or the :data:`PRONOUN_PARAGRAPHS` before it, else the last organisation named there, else nobody."""
    p = dm.para_of(at)
    floor = dm.pstarts[p - PRONOUN_PARAGRAPHS] if p > PRONOUN_PARAGRAPHS else None
    found = memory.latest_entry("n", at, floor)
    return found[1:] if found is not None else _last_org_named(dm, at, floor)


def pronoun_person(dm, ent, name: str) -> bool:
    """May he/she mean this entity (``name``: its canonical name)? A person, a name of unknown kind
    written as a personal name (:func:`person_like`), or a single capitalised word of unknown kind
    that is no acronym, abbreviation ("Calif."), organisation word, common word of the text,
    interjection or adverb ("Yes", list ``bare_subject_veto``), day or month ("Saturday’s debate"),
    plural group noun ("Peruanos", "Canadians": list ``group_plural_suffix``), place or people
    (``data/place_names.csv``: "Kenya", "Syrian") nor party member noun ("Republican": list ``party_member``)."""
    if ent.kind == "person" or person_like(dm, ent):
        return True
    if ent.kind != "unknown" or " " in name:
        return False
    return name[:1].isupper() and not name.isupper() and not name.endswith(".") \
        and name.lower() not in _PLACE_NAMES and name.lower() not in _PARTY_MEMBER \
        and name.lower() not in dm.rules.get("org", {}) \
        and name.lower() not in dm.common and name.lower() not in _BARE_SUBJECT_VETO \
        and not _NOT_A_PERSON_WORD.match(name)


def _modifier_mention(dm, s: int, e: int) -> bool:
    """Is the one-word name at ``text[s:e]`` a modifier, "the Oregon senator", "her Open semifinal"
    (after an article or possessive determiner, before a lower-case word), a place after "in", "from", ... (list
    ``place_only_preposition``), or the complement of a noun ("the valleys of Cusco")? It is not the person a
    pronoun means."""
    t = dm.text
    if _ARTICLE_BEFORE.search(t, max(0, s - 7), s) and _LOWER_AFTER.match(t, e):
        return True
    return bool(_PLACE_BEFORE.search(t, max(0, s - 30), s) or _MODIFIER_OF.search(t[max(0, s - 60):s]))


def person_like(dm, ent) -> bool:
    """A person, or an entity of unknown kind written as a personal name: two to four capitalised
    words, none an organisation word nor a common word of the text ("Andrew Hale"), the last no place word of list
    ``place_head`` ("Palm Grove County") nor head of a body (list ``non_company_org_word``: "Keene State College") or
    text (list ``document_head``: "Fourteenth Amendment") nor a portfolio (list ``portfolio_word``: "Rural Affairs",
    "Home Affairs"; but "Jim Justice", after a first name of list ``first_name_gender``),
    the whole no place name (``data/place_names.csv``: "Puerto Rico") nor written before a title and a person
    ("Harbor Voice secretary Tom Reyes"); middle initials allowed ("Tom J. Berg")."""
    if ent.kind == "person":
        return True
    if ent.kind != "unknown" or ent.before_title or ent.name.lower() in _PLACE_NAMES:
        return False
    toks = ent.name.split()
    orgw = dm.rules.get("org", {})

    def name_word(t: str) -> bool:
        return t[:1].isupper() and not t.isupper() and t.lower() not in orgw and t.lower() not in dm.common

    last = toks[-1].lower()
    return 2 <= len(toks) <= 4 and name_word(toks[0]) and name_word(toks[-1]) and last not in _PLACE_HEAD \
        and last not in _NON_COMPANY and last not in _DOCUMENT_HEAD \
        and (last not in _PORTFOLIO or toks[0] in first_name_genders()) \
        and all(_INITIAL.fullmatch(t) or name_word(t) for t in toks[1:-1])


_PORTFOLIO = word_set("portfolio_word")


def _subject_person(dm, g: str, at: int, after: int, spoke=frozenset()) -> str:
    """The last person (or personal name) mentioned after ``after`` and before ``at`` as the subject
    of its sentence (:func:`_sentence_subject`), of gender ``g`` if known; '' if none. A one-word name
    of unknown kind counts when it has spoken before (in ``spoke``) or a "who" describes it
    ("Brandt, who"). A newer subject than the last speaker is the nearer antecedent of "he said"
    ("Andrew Hale took his daughter there. He said: ...")."""
    ents = dm.entities
    k = bisect.bisect_left(ents.mention_starts, at)
    for s, e, n in reversed(ents.mentions[max(0, k - 50):k]):
        if s <= after:
            return ""
        c = ents.canonical(n)
        ent = ents.by_name.get(c)
        if ent is None or (ent.gender and ent.gender != g) or ents.in_dateline(s) or c.lower() in _COLLECTIVE:
            continue   # (nor a group: "The Minority said … He explained": not the Minority)
        if not (person_like(dm, ent) or (pronoun_person(dm, ent, c)
                                         and (c in spoke or _ACTS_AFTER.match(dm.text, e)))):
            continue
        if _sentence_subject(dm, s, e):
            # ("The Harbor Unity leader also …": a description opens the sentence, its name a modifier)
            return "" if dm.text.startswith(("The ", "the "), s) and _LOWER_AFTER.match(dm.text, e) else c
    return ""


def _sentence_subject(dm, s: int, e: int) -> bool:
    """Is the mention ``text[s:e]`` the subject of its sentence: within its first
    :data:`SUBJECT_WORDS` words with no comma before it, or right after the comma that closes a
    fronted phrase and right before a finite verb ("At the meeting on Friday, Varga did not give
    way", "Asked whether …, Varga shrugged"), or after a comma and a word of list ``clause_coordinator`` (maybe with a
    title) and right before a finite verb ("…, and Varga has now set out her plan": a main clause of its own)?"""
    ss = dm.sent_start(s)
    pre = dm.text[ss:s]
    if s - ss <= 80 and count_words(pre) <= SUBJECT_WORDS and "," not in pre:
        # ("Saying that the Harbor League holds …, he asked": the subject of a clause the sentence opens with)
        return not named_subject_before(dm, ss, s) and "that" not in pre.lower().split()
    m = _AFTER_COMMA_DESCRIPTION.search(pre)
    if m is not None and m.group(1).split()[:1] and m.group(1).split()[0].lower() in _CLAUSE_COORDINATOR_WORDS:
        # ("…, and Ann Lee has now set out her hopes": the subject of a main clause of its own)
        return all(x[:1].isupper() for x in m.group(1).split()[1:]) and _finite_after(dm, e)
    if m is None or any(x.lower() in _STOP_PRE or x.lower() in _AUX_ADVERB_WORDS for x in m.group(1).split()):
        return False   # (not "…, just as President Ann Lee did": a clause of comparison)
    return _finite_after(dm, e)


_CLAUSE_COORDINATOR_WORDS = word_set("clause_coordinator")


def named_subject_before(dm, lo: int, s: int, irregular: bool = False) -> bool:
    """Is a name mentioned in ``text[lo:s]`` followed by a finite verb ("Ann Lee also defended Bo Reyes": Ann Lee is
    the subject, Bo Reyes the object)? ``irregular``: an irregular past counts too ("Ann Lee came down on …")."""
    ents = dm.entities
    a, b = bisect.bisect_left(ents.mention_starts, lo), bisect.bisect_left(ents.mention_starts, s)
    return any(_finite_after(dm, e, irregular) for _, e, _ in ents.mentions[a:b])


def _finite_after(dm, e: int, irregular: bool = False) -> bool:
    """Is the word after ``e`` (after an adverb: "Okafor often argues", "Lee also said"; after an appositive set off
    by commas: "Ann Lee, the route's director, stepped up") a finite verb (an irregular past too if ``irregular``)?"""
    if dm.text.startswith(",", e):
        am = _APPOSITIVE_SKIP.match(dm.text, e)
        if am is None:
            return False
        e = am.end()
    m = _NEXT_WORD.match(dm.text, e)
    return bool(m) and (m.group(1) not in _STOP_PRE or m.group(1) in _FINITE_MARKER) \
        and bool(_FINITE_VERB.fullmatch(m.group(1)) or irregular and FINITE_WORD.fullmatch(m.group(1)))


def last_descriptor(dm, lo: int, at: int) -> str:
    """The person or organisation linked to the last descriptor NP ("the defense minister")
    outside quotes in ``text[lo:at]`` (matches of ``descriptor_np().finditer(text, lo, at)``), or ''.

    Every pronoun after the last named person searches back to that name: with many
    pronouns and no name that is the square of the text. So the matches of the scan that
    starts at ``lo`` are found once (and linked once) for all the pronouns that share ``lo``
    (``dm.descr_chains``), and only the last :data:`DESCR_WINDOW` characters before ``at`` are
    scanned per pronoun.
    """
    rx = descriptor_np(dm.story)
    if at - lo <= DESCR_WINDOW:
        return _last_linked_in(dm, rx, lo, at)
    r0 = at - DESCR_WINDOW
    chain = dm.descr_chains.get(lo)
    if chain is None:
        chain = dm.descr_chains[lo] = [lo, [], [], []]   # resume, starts, ends, (index, linked)
    resume, starts, ends, linked_at = chain
    while resume < r0:
        m = rx.search(dm.text, resume, r0 + DESCR_WINDOW)
        if m is None or m.start() >= r0:
            resume = r0   # every position before r0 was tried: the scan goes on from r0
            break
        starts.append(m.start())
        ends.append(m.end())
        if not dm.in_quote(m.start()):
            linked = link_descriptor(dm, m.group(), m.start())
            if linked:
                linked_at.append((len(starts) - 1, linked))
        resume = m.end()
    chain[0] = max(chain[0], resume)
    # the scan reaches r0, or the start of the match that contains it
    i = bisect.bisect_right(starts, r0) - 1
    r = starts[i] if i >= 0 and ends[i] > r0 else r0
    linked = _last_linked_in(dm, rx, r, at)
    if linked:
        return linked
    n_before = bisect.bisect_left(starts, r)
    j = bisect.bisect_left(linked_at, (n_before,)) - 1
    return linked_at[j][1] if j >= 0 else ""


def _last_linked_in(dm, rx, lo: int, at: int) -> str:
    """The entity of the last descriptor match of ``rx`` in ``text[lo:at]`` outside quotes that
    links to one, or ''."""
    for dm_ in reversed(list(rx.finditer(dm.text, lo, at))):
        if dm.in_quote(dm_.start()):
            continue
        linked = link_descriptor(dm, dm_.group(), dm_.start())
        if linked:
            return linked
    return ""


# --------------------------------------------------------------------------- speaker memory


def np_head(np_text: str) -> str:
    """The head noun of a noun phrase, in lower case: its last word before a preposition that opens a complement
    ("a statement from her agent": "statement"; "the company": "company")."""
    words_ = np_text.lower().split()
    for k, x in enumerate(words_):
        if k and x in _HEAD_ENDS:
            return words_[k - 1]
    return words_[-1] if words_ else ""


def compatible(dm, spk: str, typ: str, g: str) -> bool:
    """Can a pronoun of gender/number ``g`` (m, f, p, or n for "it") refer to this noted speaker (a
    description only if it names one person, of gender ``g`` if its noun has one: :func:`.names.noun_gender`; a
    name of two to four words of unknown kind only if it is written as a person's, :func:`person_like`)?
    "It" means an organisation, a name of unknown kind and gender not written as a person's, or a
    source that is no name whose head is an organisation or text noun ("the company", "the
    report": lists ``generic_org_head``, ``text_source_noun``); "they" a vague source, an organisation or a
    collective noun (list ``collective_noun``: "the Opposition")."""
    if spk.lower() in _ACRONYM_COMMON_NOUN:
        return False   # ("reality TV show": a thing, which no pronoun of a speaker means)
    ent = dm.entities.by_name.get(spk)
    if g == "n":   # (a name of unknown kind that is not written as a person's: "Twitter said … It added")
        return (ent is not None and (ent.kind == "org" or ent.kind == "unknown" and not ent.gender
                                     and not person_like(dm, ent))) \
            or (typ != "named" and np_head(spk) in _IT_HEADS)
    if g == "p":   # (a collective noun takes "they" as well: "The Opposition said … They said")
        return typ == "vague" or (ent is not None and ent.kind == "org") or np_head(spk).lower() in _COLLECTIVE
    if typ == "vague" and (not singular_person(spk) or noun_gender(spk) not in ("", g)):
        return False   # ("the first lady" is no "he")
    return not (ent is not None and (ent.kind == "org" or (ent.gender and ent.gender != g) or _place_like(ent)
                                     or (ent.kind == "unknown" and 1 <= ent.name.count(" ") <= 3
                                         and not person_like(dm, ent))))


_COLLECTIVE = word_set("collective_noun")   # ("the Opposition", "the Minority": a group, no he or she)


def _place_like(ent) -> bool:
    """Is the entity's name a place's (a place name, a name ending with a place head, "… Street", or a compass word
    and one more, "West Keel") or a group's (a plural party member noun last, "House Democrats"; a collective noun,
    "Minority"): no he or she?"""
    name = ent.name
    last = name.rsplit(None, 1)[-1].lower()
    return name.lower() in _PLACE_NAMES or last in _PLACE_HEAD or name.lower() in _COLLECTIVE \
        or name.count(" ") == 1 and name.split()[0].lower() in _COMPASS \
        or last.endswith("s") and last[:-1] in _PARTY_MEMBER


class _Speakers:
    """``(position, speaker, type)`` of the attributions so far, noted in text order.

    For each pronoun gender it keeps the indices of the entries it may refer to, so that
    :meth:`latest` is a bisection instead of a walk back over every speaker of a long paragraph.
    Positions never decrease: attributions are noted in the order of the text.
    """

    GENDERS = ("m", "f", "p", "n")

    def __init__(self, dm):
        self.dm = dm
        self.entries: list[tuple[int, str, str]] = []
        self.names: set[str] = set()   # every speaker noted so far
        self.pos: list[int] = []
        self.compat: dict[str, list[int]] = {g: [] for g in self.GENDERS}

    def note(self, pos: int, spk: str, typ: str) -> None:
        assert not self.pos or pos >= self.pos[-1], "speakers are noted in text order"
        self.entries.append((pos, spk, typ))
        self.names.add(spk)
        self.pos.append(pos)
        for g, idx in self.compat.items():
            if compatible(self.dm, spk, typ, g):
                idx.append(len(self.entries) - 1)

    def latest(self, g: str, at: int, floor: int | None):
        """(speaker, type) of :meth:`latest_entry`, or None."""
        found = self.latest_entry(g, at, floor)
        return None if found is None else found[1:]

    def latest_entry(self, g: str, at: int, floor: int | None):
        """(position, speaker, type) of the last entry before ``at`` compatible with ``g``, or None;
        the walk back stops at the first entry before ``floor``."""
        hi = bisect.bisect_left(self.pos, at)
        lo = bisect.bisect_left(self.pos, floor) if floor is not None else 0
        idx = self.compat[g]
        j = bisect.bisect_left(idx, hi) - 1
        # a gender learnt after an entry was noted (:func:`bind_gender`) may make it incompatible now:
        # the walk back over such entries is bounded by GENDER_WALK
        for j in range(j, max(-1, j - GENDER_WALK), -1):
            if idx[j] < lo:
                return None
            pos, spk, typ = self.entries[idx[j]]
            if compatible(self.dm, spk, typ, g):
                return pos, spk, typ
        return None
