"""Attribution of one quotation: an ordered list of small rules, the first that finds a speaker wins.

:func:`attribute` builds the quote's :class:`_Context` (its left context back to the sentence
start or the previous quote of the sentence, its right context up to the next quote or the
sentence end) and tries :data:`RULES` in order. Each rule returns ``(speaker, speaker_type,
cue)`` or None; a rule may also bar continuation (``no_inherit``) when it finds a reporting verb
that reports nobody ("it is acknowledged", "could not say"). A quote no rule attributes may
inherit the speaker of the previous attribution in its paragraph, or, if it is a full quoted
sentence that opens its paragraph, of the last attribution up to :data:`FLOAT_PARAGRAPHS` paragraphs
back, from a short paragraph, when no other person or organisation is named in between
(:func:`_continuation`, the floating quote), else
it is ``scare`` (a few words, or "so-called") or ``unattributed``. ``direct`` or ``partial``
depends on whether the quote starts its sentence part (:func:`_full_start`).

Like the Gender Gap Tracker's quote extractor (a method per step: closest verb, closest
speaker, quote type) with the verbs in a file (``data/speech_verbs.csv``); the order of the
rules is the order of the steps of the former 136-line ``_attribute``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import abbreviations, alternation, is_participle, literal, speech_verbs_with, verb_alternation, word_set
from .marks import MAX_QUOTE_CHARS, rstrip
from .names import NAME_RE, WORD_RE, count_words
from .record import Quote
from .speakers import (
    ABBR_RE,
    FINITE_ALT,
    INFINITIVE_SPEAKER,
    INFINITIVE_TO,
    PARTY_TAG,
    _Speakers,
    absolute_subject,
    adjective_lead,
    appositive_name,
    bare_content_verb,
    clause_subject,
    determiner_noun,
    holds_clause,
    modal_before,
    noun_after_past_verb,
    noun_before_for,
    noun_before_plural_verb,
    person_like,
    possessive_noun,
    resolve_np,
    split_np,
    subject_region,
)

#: a floating quote (a full quoted sentence with no attribution) inherits the last speaker named at most
#: this many paragraphs back (chosen on PolNeAR select among 0-3 and 6: 0 78.9%, 1 79.6%, 2 80.0%,
#: 3 80.0%, 6 80.1% speaker accuracy; the smallest bound within 0.1 point of the best)
FLOAT_PARAGRAPHS = 2
#: ... and only from a short paragraph (at most this many sentences: a quote paragraph, "“…,” said X.
#: “…”"), never from the end of a long paragraph of the writer's own (chosen on PolNeAR select: 79.9%
#: speaker accuracy, as with no limit; a paragraph that opens with a quotation mark: 79.5%)
FLOAT_FROM_SENTENCES = 2
#: a full quoted sentence in the paragraph of the last attribution, at most this many sentences after it, continues
#: that speaker when no other person or organisation is named between
PARAGRAPH_FLOAT_SENTENCES = 3
#: "X said, in part, “…”": at most this many words between the cue's comma and the quote
PARENTHETICAL_WORDS = 4
_STOP_PRE = word_set("stop_pre")
_PERSONAL_PRONOUN = word_set("pronoun_m") | word_set("pronoun_f")
_NAME_AT_START = re.compile(r"\s*(" + NAME_RE.pattern + r")[ \xa0]+([a-z]+)\b")
_RIGHT_AFTER = re.compile(r"^[ \xa0]*,?[ \xa0]*")
_SO_CALLED = re.compile(r"so-called\s*$")
_PUNCT_SPLIT = re.compile(r"[,.;:]")
# any listed abbreviation right before a capitalised word: "Gov. Ann Lee", "Lt. Ruiz"
_ABBR_BEFORE_NAME = re.compile(r"\b(?:" + "|".join(re.escape(a[:-1]) for a in sorted(abbreviations(), key=len,
                                                                                      reverse=True))
                               + r")\.(?=[ \xa0]+[A-Z])", re.I)
_SENTENCE_PUNCT = re.compile(r"[.;:]")
_VERB_NP_FILLER = re.compile(r"^\s*(?:" + alternation("verb_np_filler") + r"|on \w+|\w+day)\b")
_COPULA_END = re.compile(r"\b(?:" + alternation("copula") + r")(?:[ \xa0]+(?:\w+ly|" + alternation("copula_adverb")
                         + r"))*[ \xa0]*$")
# a state's abbreviation inside an aside ("in Dover, Del., said"): its period ends no sentence and the comma
# before it sets off no aside
_STATE_BEFORE_COMMA = re.compile(r",[ \xa0]+(?:" + alternation("state_abbreviation") + r")\.(?=,)")
# where the clause of an attribution ends inside its sentence: ";" or a comma and a coordinator, relative or wh-word
_CLAUSE_BREAK_AFTER = re.compile(r";|,[ \xa0]+(?:" + alternation("clause_coordinator") + "|"
                                 + alternation("clause_relative") + "|" + alternation("question_word") + r")\b")
_NEW_CLAUSE = re.compile(r"[.;:“”\"]|\b(?:" + alternation("clause_relative") + r")\b")
_CONJUNCTION_START = re.compile(r"\s*(?:" + alternation("clause_conjunction") + r")\b", re.I)
_COORDINATED = re.compile(r"\s*(?:" + alternation("coordinator") + r"|,)\b")
_PASSIVE_AGENT = re.compile(r"\b(\w+ed)\s+by\s+([^,.;:“”\"]{2,60})")
_NAME_BEFORE = re.compile(r"(?:^|[\s(])(" + NAME_RE.pattern + r")[ \xa0]+$")
_DATE_WORDS = word_set("date_word")   # "released a statement Wednesday saying": no name before the -ing verb
# "…, he said, " / "…, told reporters, " / "According to X, " right before a quote: a full quote
_CUE_COMMA = re.compile(r"(?:" + "|".join([literal(v) for v in speech_verbs_with("comma_cue", "yes")]
                                          + [literal(v) + " [^,]+" for v in speech_verbs_with("comma_cue", "object")])
                        + r"),\s*$", re.IGNORECASE)
#: a speech verb that opens its sentence, then its subject and a comma or colon before the quote: 'Said Ortega, "…"'
# (a relative aside may follow the name: "Said Ann Lee, who grew up there, “…”")
_INVERTED_LEAD = re.compile(r"[ \xa0]*([A-Z][a-z]+)[ \xa0]+(" + NAME_RE.pattern + r")"
                            r"(?:,[ \xa0]+(?:who|whose)[ \xa0][^,;:“”\"]{1,120})?[ \xa0]*[,:][ \xa0]*")
#: how far before its colon the name of a ``name_colon`` lead-in is looked for
NAME_COLON_CHARS = 80
# (a party tag may follow the name: "Rep. Ann Lee (R-S.C.): “…”")
_NAME_COLON = re.compile(r"(?:^|[\s(–—-])(" + NAME_RE.pattern + r")(?:" + PARTY_TAG.pattern + r")?[ \xa0]*:[ \xa0]*$")
_AS_COMMA = re.compile(r"\b(?:As|as)\s[^,]{1,60},\s*$")


#: the most words of the subject between a quotation and its speech verb, asides included ("“…,” Dr. Ann Lee,
#: professor and chair of medicine at the Harbor Medical Center in Dover, Del., told …": 20 words; 16 before issue
#: 11, session 15, and 24 is the same on PolNeAR fit and select: :func:`.speakers.resolve_np` rejects long phrases)
SUBJECT_WORDS_AFTER_QUOTE = 24


@lru_cache(maxsize=1)
def _inside_attribution():
    """``"…, La Nación reported."``: a speaker and speech verb at the end of the quoted text."""
    return re.compile(r",[ \xa0]+([^,.;:“”\"]{2,60}?)[ \xa0]+(" + verb_alternation() +
                      r")(?:[ \xa0]+\w+){0,2}[ \xa0]*[,.]?[ \xa0]*(?:[\w ]{0,14})?(?:[\"”]|'')?$")


@dataclass
class _Context:
    """What the rules read about the quotation ``text[s:e]``."""

    dm: object            # the document model (.document._DocModel)
    memory: _Speakers     # attributions so far, for pronouns
    s: int
    e: int
    body: str             # text[s:e], marks included
    ss: int               # start of its sentence
    lo: int               # start of its left context: ss, or the end of an earlier quote of the sentence
    left: str             # text[lo:s]
    right: str            # from e to the next quote, the sentence end or the paragraph end
    after: str            # ``right`` without the spaces and comma that open it
    right_verb: object    # first speech verb in after[:160] (None after "so-called")
    n_words: int
    inner_end: str        # body without its closing marks and spaces
    ends_open: bool       # the quote ends with , ? ! — … (or ...) or a comma follows it
    so_called: bool       # "so-called" right before it
    prev_q: Quote | None  # the previous quotation of the document
    prev_in_sent: bool    # an earlier quote of this sentence ends before this one
    para_lo: int          # start of its paragraph
    no_inherit: bool = False   # set by a rule: a reporting verb with no speaker bars continuation


def _context(dm, s: int, e: int, memory: _Speakers, prev_q: Quote | None) -> _Context:
    """The :class:`_Context` of the quotation ``text[s:e]`` (``prev_q``: the previous quotation's row)."""
    t = dm.text
    body = t[s:e]
    ss = dm.sent_start(s)
    para_hi = dm.paras[dm.para_of(max(s, e - 1))][1]
    # left context: from sentence start or previous quote end in the same sentence
    # (by bisection: listing every earlier quote of the sentence, per quote, is quadratic)
    prev_end = dm.prev_quote_end(max(0, ss - MAX_QUOTE_CHARS), ss, s)
    lo = max(ss, prev_end)
    # right context until next quote or sentence end
    nq = dm.next_quote_start(e, para_hi)
    r_end = min([dm.sent_end(e) if e < para_hi else e] + ([nq] if nq >= 0 else []) + [para_hi])
    right = t[e:r_end]
    after = right[_RIGHT_AFTER.match(right).end():]
    inner_end = body.rstrip("”“\"’' ")
    so_called = _SO_CALLED.search(t[lo:s]) is not None
    return _Context(
        dm=dm, memory=memory, s=s, e=e, body=body, ss=ss, lo=lo, left=t[lo:s], right=right, after=after,
        right_verb=None if so_called else dm.verb_re.search(after[:160]),
        n_words=len(WORD_RE.findall(body)), inner_end=inner_end,
        ends_open=inner_end[-1:] in (",", "?", "!", "—", "…") or inner_end.endswith("...") or (t[e:e + 1] == ","),
        so_called=so_called, prev_q=prev_q, prev_in_sent=prev_end >= 0, para_lo=dm.paras[dm.para_of(s)][0])


def _up_to_punctuation(s: str) -> str:
    """``s`` up to its first comma, period, semicolon or colon; the period of an abbreviation or an
    initial does not count ("according to Mr. Hale, …" gives "Mr. Hale")."""
    m = _PUNCT_SPLIT.search(_ABBR_BEFORE_NAME.sub(_mask, ABBR_RE.sub(_mask, s)))
    return s[:m.start()] if m else s


def _mask(m: re.Match) -> str:
    return "x" * len(m.group())


def _found(spk: str, typ: str, cue: str):
    return (spk, typ, cue) if spk else None


# --------------------------------------------------------------------------- the rules, in order


def according_to_after(c: _Context):
    """``"…," according to X``: "according to" within three words after the quote, with no
    sentence punctuation before it; the speaker is the phrase after it."""
    vm = c.right_verb
    if vm is None or vm.group(1).lower() != "according to":
        return None
    pre = c.after[:vm.start()]
    if count_words(pre) > 3 or _SENTENCE_PUNCT.search(pre):
        return None
    np_ = _up_to_punctuation(c.after[vm.end():])
    return _found(*resolve_np(c.dm, np_, c.e, c.memory), "according to")


def reporting_clause_after(c: _Context):
    """``"…," said X`` / ``"…," he said`` / ``"…" X told reporters``: a reporting clause right after
    a quote that ends open (or with the verb first). Inverted (verb first): the subject follows the
    verb. Otherwise the words before the verb are the subject, if they are a short noun phrase
    (no clause, no conjunction, no -ing verb); a copula before the verb (passive, no agent: "it is
    also acknowledged") bars continuation instead."""
    vm = c.right_verb
    if vm is None:
        return None
    if not ((c.ends_open or c.dm.text[c.e:c.e + 1] in ",") or vm.start() == 0):
        return _tail_after_words(c, vm.group(1))
    verb = vm.group(1)
    if verb.lower() == "according to":
        return None   # only as in according_to_after
    if _SPEECH_COLON_END.search(c.left) and c.dm.verb_re.search(c.left, max(0, len(c.left) - LEAD_COLON_CHARS)):
        lead = reporting_verb_before(c)   # "Ann Lee said: “…,” the paper reported.": the lead's speaker said it
        if lead is not None and lead[0]:
            return lead
    pre = PARTY_TAG.sub("", c.after[:vm.start()])   # "Rep. Ann Lee, R-Pa., said" / "(R-Pa.)"
    if pre.strip() == "":
        if is_participle(verb):
            return None   # "“…,” referring to the July convention": what follows an -ing verb is its object
        info = c.dm.vinfo.get(verb.lower(), {})
        if not (c.ends_open or c.dm.text[c.e:c.e + 1] in ",") \
                and not (info.get("comma_cue") or info.get("inverted_tail")):
            return None   # "The idea of “…” underscores a new aim": no comma, and a verb no subject follows inverted
        # inverted: said Mayor Ellen Park / dijo la alcaldesa María Gómez
        rest = c.after[vm.end():]
        np_ = appositive_name(c.dm, rest) or _name_then_adjunct(_VERB_NP_FILLER.sub("", split_np(rest)))
        return _own_cue(c, np_, verb) if np_.strip() and not holds_clause(np_) else None
    if _COPULA_END.search(pre):
        c.no_inherit = True
        return None
    pre = _as_subject(c, pre)
    # (the name, then asides set off by commas: "Ann Lee, 67, a retired nurse in Dover, Del., said")
    masked = _STATE_BEFORE_COMMA.sub(" X", ABBR_RE.sub("X", pre))
    commas = masked.count(",")
    asides = commas == 0 or masked.rstrip().endswith(",") and 2 <= commas <= 4   # the name, then asides
    if count_words(pre) <= SUBJECT_WORDS_AFTER_QUOTE and not _NEW_CLAUSE.search(masked) and asides \
            and not is_participle(verb) and not _CONJUNCTION_START.match(pre):
        np_ = appositive_name(c.dm, pre) or pre.split(",")[0]
        return _own_cue(c, np_, verb)
    return None


_AS_LEAD = re.compile(r"[ \xa0]*as[ \xa0]+(?=\S)")
_SPEECH_COLON_END = re.compile(r":[ \xa0\n]*$")
#: how far before a colon that opens a quotation the speech verb of its lead may start ("Ann Lee told the paper:")
LEAD_COLON_CHARS = 40


def _as_subject(c: _Context, pre: str) -> str:
    """``pre`` without the "as" of "“…,” as Ann Lee put it." / "“…,” as she noted.": the idiom gives the subject's
    words when the sentence ends after its verb (a short adjunct at most); otherwise ``pre`` as it is ("“…,” as Lee
    said the plan would fail" opens a clause of its own)."""
    lead = _AS_LEAD.match(pre)
    if lead is None or not _ENDS_AFTER_VERB.match(c.after, c.right_verb.end()):
        return pre
    return pre[lead.end():]


#: words of the sentence between a quotation and the reporting clause that ends the sentence
#: ("“This is hard work” for Dover, said Lee.")
TAIL_GAP_WORDS = 6


def _tail_after_words(c: _Context, verb: str):
    """``"…" for Dover, said Lee.`` / ``"…" for Dover, Lee said.``: a few words (at most
    :data:`TAIL_GAP_WORDS`, no verb of speech, no new clause) finish the quotation's sentence, then a comma and its
    reporting clause, with the verb first or after a short subject; the clause's speaker speaks the quotation.
    (With three words or more outside the quotation the sentence is a ``reported`` row of its own that holds it.)"""
    if is_participle(verb):
        return None   # ("“…” Harbor City, highlighting the unease": what follows an -ing verb is its object)
    pre = PARTY_TAG.sub("", c.after[:c.right_verb.start()])
    head, comma, subj = _STATE_BEFORE_COMMA.sub(" X", ABBR_RE.sub("X", pre)).rpartition(",")
    if not comma or count_words(head) > TAIL_GAP_WORDS or _NEW_CLAUSE.search(head) or "," in head \
            or c.dm.verb_re.search(head) or _CONJUNCTION_START.match(head):
        return None
    if not subj.strip():   # inverted: the subject after the verb
        rest = c.after[c.right_verb.end():]
        np_ = appositive_name(c.dm, rest) or _name_then_adjunct(_VERB_NP_FILLER.sub("", split_np(rest)))
        if holds_clause(np_):
            return None   # ("“…” by the river, said the rain came too late": "said" opens a clause)
    else:
        np_ = pre[len(head) + 1:]
        if count_words(np_) > SUBJECT_WORDS_AFTER_QUOTE or _NEW_CLAUSE.search(np_) \
                or _CONJUNCTION_START.match(np_) or not _ENDS_AFTER_VERB.match(c.after, c.right_verb.end()):
            return None   # (not "“…” was the message, and the mayor said the plan was set": a clause of its own)
    return _own_cue(c, np_, verb) if np_.strip() else None


# the reporting clause ends the sentence: at most a short adjunct after its verb ("said in a statement."), no verb
_ENDS_AFTER_VERB = re.compile(r"(?:(?!\b(?:" + FINITE_ALT + r")\b)[^.;:!?“”\"\n]){0,40}(?:[.!?]|$)")


def _own_cue(c: _Context, np_: str, verb: str):
    """The speaker ``np_`` of the quote's own reporting clause; if it resolves to nobody ("he said"
    after "The study found …"), the quote has a cue and no speaker: it inherits none either."""
    spk, typ = resolve_np(c.dm, np_, c.e, c.memory)
    if not spk:
        c.no_inherit = True
    return _found(spk, typ, verb)


def _name_then_adjunct(np_: str) -> str:
    """``said John Kerwin after the meeting``: a name, then a lower-case closed-class word (a
    preposition or conjunction) opens an adjunct, not more of the subject: the name alone."""
    m = _NAME_AT_START.match(np_)
    if m and m.group(2).lower() in _STOP_PRE:
        return m.group(1)
    return np_


def reporting_verb_before(c: _Context):
    """``X said: "…"``, ``X told Y that "…"``, ``According to X, "…"``: the last finite speech
    verb before the quote in its sentence part (else its last -ing verb), outside quotes. A modal
    or negation before it ("could not say") bars continuation instead."""
    if c.so_called:
        return None
    dm, t = c.dm, c.dm.text
    # (not a noun after a possessive or a determiner: "pleased with Lee’s comments on Friday, telling the press, “…”",
    # "to rebut the claim, saying, “…”")
    verbs = [m for m in dm.verb_re.finditer(t, c.lo, c.s)
             if not dm.in_quote(m.start()) and not possessive_noun(t, m.start(), m.group(1))
             and not noun_before_plural_verb(t, m.end(), m.group(1)) and not noun_before_for(t, m.end(), m.group(1))
             and not noun_after_past_verb(t, m.start(), m.group(1))
             and not determiner_noun(t, m.start(), m.group(1), dm.vinfo.get(m.group(1), {}).get("lemma", ""))
             and not _manner_apart(c, m) and not bare_content_verb(dm, m)]
    if not verbs:
        return None
    # prefer a finite verb; an -ing verb takes the subject of an earlier verb or the sentence
    finite = [v for v in verbs if not is_participle(v.group(1))]
    if finite and modal_before(t, c.lo, finite[-1].start()) and is_participle(verbs[-1].group(1)) \
            and t[verbs[-1].end():c.s].strip() in (":", ","):
        finite = []   # "…, said she would not guess …, adding: “…”": the -ing verb that opens the quotation reports it
    if finite and is_participle(verbs[-1].group(1)) and absolute_subject(dm, c.lo, verbs[-1].start()) is not None:
        finite = []   # "X wrote about the pier, with one captain criticising it as ‘…’": the absolute clause holds it
    vm = finite[-1] if finite else verbs[-1]
    if vm.group(1).lower() == "according to":
        np_ = _up_to_punctuation(t[vm.end():c.s])
        return _found(*resolve_np(dm, np_, c.s, c.memory), "according to")
    if modal_before(t, c.lo, vm.start()):
        c.no_inherit = True
        return None
    to = INFINITIVE_TO.search(t, max(c.lo, vm.start() - 40), vm.start())
    adj = adjective_lead(t, c.lo, vm.start())
    if adj is not None and t[vm.end():c.s].strip() in (":", ","):
        # "Mr. Berg was prompted to say, “…”": the subject of the copula
        return _found(*resolve_np(dm, subject_region(dm, c.lo, adj), vm.start(), c.memory), vm.group(1))
    if to is not None:
        if to.group(1).lower() not in INFINITIVE_SPEAKER or t[vm.end():c.s].strip() not in (":", ","):
            c.no_inherit = True   # "declined to say", "was asked to say", "the right of voters to say"
            return None
        # "O'Malley, who …, interjected to say: “…”": the infinitive says what its clause's subject said
        return _found(*_subject_of_participle(c, vm), vm.group(1))
    spk, typ = _subject_of_finite(c, vm) if finite else _subject_of_participle(c, vm)
    return _found(spk, typ, vm.group(1))


_MANNER_LEMMAS = word_set("manner_lemma")


def _manner_apart(c: _Context, vm) -> bool:
    """Is the speech verb ``vm`` one of manner (list ``manner_lemma``: "laughed", "beamed") with more than a colon or
    comma between it and the quotation ("the probe beamed back what …")? Then it reports nothing."""
    return c.dm.vinfo.get(vm.group(1), {}).get("lemma") in _MANNER_LEMMAS and c.dm.text[vm.end():c.s].strip() not in (
        "", ":", ",")


def inverted_lead(c: _Context):
    """``Said Ortega, "…"`` / ``Added Mayor Ann Lee: "…"``: a finite speech verb opening the sentence,
    its subject's name after it, then a comma or colon and the quote."""
    m = _inverted_lead_match(c.left, c.dm.vinfo)
    if m is None or c.lo != c.ss:
        return None
    return _found(*resolve_np(c.dm, m.group(2), c.lo + m.start(2), c.memory), m.group(1).lower())


def _inverted_lead_match(left: str, vinfo: dict):
    """The match of ``left`` as "<finite speech verb> <Name>, " ("Said Ortega, "), or None."""
    m = _INVERTED_LEAD.fullmatch(left)
    verb = m.group(1).lower() if m is not None else ""
    return m if verb in vinfo and not is_participle(verb) else None


def name_colon(c: _Context):
    """``Rosa Imbert: "…"`` / ``… surprise pollster Ida Strom: "…"``: a person's or an
    organisation's name right before a colon that opens the quote (a headline, a transcript, a
    lead-in with no verb)."""
    if not c.left.rstrip().endswith(":"):
        return None
    tail = max(0, len(c.left) - NAME_COLON_CHARS)   # a bounded look back: the search is anchored at the end
    m = _NAME_COLON.search(c.left, tail)
    if m is None:
        return None
    found = _named_speaker(c, m.group(1), c.lo + m.start(1))
    return (*found, ":") if found else None


def _named_speaker(c: _Context, np_: str, at: int) -> tuple[str, str] | None:
    """``np_`` (at ``at``) resolved, when it names a person or an organisation; else None."""
    name, typ = resolve_np(c.dm, np_, at, c.memory)
    ent = c.dm.entities.by_name.get(name)
    if typ != "named" or ent is None or not (ent.kind in ("person", "org") or person_like(c.dm, ent)):
        return None
    return name, typ


# "“…”: Ann Lee launches campaign", "“…” - Ann Lee": a colon or dash after the quotation, then a name
_COLON_THEN_NAME = re.compile(r"[ \xa0]*(?::|[-–—])[ \xa0]*(" + NAME_RE.pattern + r")")


def headline_name_after(c: _Context):
    """``“…”: Ann Lee launches campaign`` / ``“…” - Ann Lee``: in the text's first paragraph (its headline), a colon
    or dash right after the quotation, then a person's or an organisation's name."""
    if c.para_lo != 0 or c.dm.para_of(len(c.dm.text)) == 0:
        return None   # (not the headline, or a text of one paragraph)
    m = _COLON_THEN_NAME.match(c.right)
    found = _named_speaker(c, m.group(1), c.e + m.start(1)) if m is not None else None
    return (*found, "") if found else None


def _subject_of_finite(c: _Context, vm) -> tuple[str, str]:
    """The subject of a finite verb before the quote, else the speaker of the previous quote of
    the sentence ("…," X said, "…")."""
    subj = subject_region(c.dm, c.lo, vm.start())
    if subj.strip():
        return resolve_np(c.dm, subj, vm.start(), c.memory)
    if c.prev_in_sent and c.prev_q is not None and c.prev_q.speaker:
        return c.prev_q.speaker, c.prev_q.speaker_type
    return "", ""


def _subject_of_participle(c: _Context, vm) -> tuple[str, str]:
    """The subject of an -ing verb ("X, saying "…""): a name right before it, else the speaker of
    the previous quote of the sentence, else the first name of the sentence before its first comma."""
    dm = c.dm
    absolute = absolute_subject(dm, c.lo, vm.start())
    if absolute is not None:   # "…, with one ferry captain criticising it as ‘…’": the noun phrase
        return resolve_np(dm, absolute, vm.start(), c.memory)
    nb = _NAME_BEFORE.search(dm.text[max(c.lo, vm.start() - 60):vm.start()])
    if nb and nb.group(1).split()[0].lower() not in dm.common and nb.group(1) not in _DATE_WORDS:
        return resolve_np(dm, nb.group(1), vm.start(), c.memory)
    if c.prev_in_sent and c.prev_q is not None and c.prev_q.speaker:
        return c.prev_q.speaker, c.prev_q.speaker_type
    if dm.entities.after_dateline(c.ss) == vm.start() and c.right.startswith((",", " ")) and c.ends_open:
        # "Calling the ferry a “floating classroom,” Ann Lee led …": the main clause after the quotation
        main = clause_subject(dm, c.right.lstrip(" ,\xa0"))
        if main:
            return resolve_np(dm, main, vm.start(), c.memory)
    subj = clause_subject(dm, dm.text[dm.entities.after_dateline(c.ss):vm.start()])   # "In May, the judge …, saying"
    if subj:
        return resolve_np(dm, subj, vm.start(), c.memory)
    # the first name before the sentence's first comma (t[ss:vm].split(",")[0])
    comma = dm.text.find(",", c.ss, vm.start())
    name = dm.first_name(c.ss, comma if comma >= 0 else vm.start())
    if name is not None:
        return resolve_np(dm, name, vm.start(), c.memory)
    return "", ""


# "released the following statement:", "posted a short message on Monday:": a text its subject issues, then a colon
_ISSUED_TEXT_COLON = re.compile(r"\b(" + alternation("issuing_verb") + r")[ \xa0]+(?:[\w’'-]+[ \xa0]+){0,3}?"
                                r"(?:" + alternation("issued_text_noun") + r")s?\b[^.;:!?“”\"\n]{0,40}:[ \xa0]*$", re.I)


def issued_text_colon(c: _Context):
    """``X released the following statement: "…"``: a verb of list ``issuing_verb`` and a text of list
    ``issued_text_noun`` (up to three words between, a short adjunct after) before the colon that opens the
    quotation, in its sentence or ending the paragraph before (:func:`_colon_lead`): the verb's subject wrote it."""
    lo, left = _colon_lead(c)
    if lo < 0:
        return None
    m = _ISSUED_TEXT_COLON.search(left, max(0, len(left) - 120))
    if m is None or modal_before(c.dm.text, lo, lo + m.start()):
        return None
    subj = subject_region(c.dm, lo, lo + m.start())
    return _found(*resolve_np(c.dm, subj, lo + m.start(), c.memory), m.group(1)) if subj.strip() else None


def _colon_lead(c: _Context) -> tuple[int, str]:
    """``(start, text)`` of what leads into the quotation with a colon: its left context when that ends in one, else,
    for a quotation that opens its paragraph, the last sentence of the paragraph before when that ends in one ("…
    released the following statement:\n\n“…”"); ``(-1, '')`` when there is none."""
    if c.left.rstrip().endswith(":"):
        return c.lo, c.left
    t, k = c.dm.text, c.dm.para_of(c.s)
    if c.left.strip() or k == 0 or c.s != c.dm.paras[k][0]:
        return -1, ""
    hi = rstrip(t, *c.dm.paras[k - 1])
    if not t.startswith(":", hi - 1):
        return -1, ""
    lo = c.dm.sent_start(hi - 1)
    return lo, t[lo:hi]


def passive_agent(c: _Context):
    """``"…" as described by observers``: the agent of a passive speech verb after the quote."""
    if c.so_called:
        return None
    pm = _PASSIVE_AGENT.search(c.right)
    if pm and c.dm.verb_re.fullmatch(pm.group(1)):
        return _found(*resolve_np(c.dm, pm.group(2), c.e, c.memory), pm.group(1))
    return None


def coordinated(c: _Context):
    """``X called it "A" and "B"``: joined to the previous quote of the sentence by "and", "or" or a
    comma, with no verb between: the speaker and cue of that quote."""
    p = c.prev_q
    if c.prev_in_sent and p is not None and p.speaker and count_words(c.left) <= 6 \
            and _COORDINATED.match(c.left) and not c.dm.verb_re.search(c.left):
        return p.speaker, p.speaker_type, p.cue
    return None


def split_quote(c: _Context):
    """``"…," X said, "…"``: a short reporting clause between two quotes of one sentence; the
    second has the speaker and cue of the first."""
    p = c.prev_q
    if c.prev_in_sent and p is not None and p.speaker and c.dm.verb_re.search(c.left) \
            and count_words(c.left) <= 14:
        return p.speaker, p.speaker_type, p.cue
    return None


def attribution_inside(c: _Context):
    """``"…, La Nación reported."``: a speaker and a speech verb at the end of the quoted text
    (six words at least), when the speaker is named, a descriptor or a vague source."""
    if c.n_words < 6:
        return None
    im = _inside_attribution().search(c.body)
    if im and count_words(im.group(1)) <= 7:
        spk, typ = resolve_np(c.dm, im.group(1), c.s + im.start(1), c.memory)
        if typ in ("named", "descriptor", "vague") and spk:
            return spk, typ, im.group(2)
    return None


#: the attribution rules, tried in this order
RULES = (according_to_after, reporting_clause_after, reporting_verb_before, inverted_lead, name_colon,
         headline_name_after, issued_text_colon, passive_agent, coordinated, split_quote, attribution_inside)


# --------------------------------------------------------------------------- kind

#: a quoted title has at most this many words ("“Face the Tide”", "“The Road to the Sea”")
TITLE_WORDS = 8
_TITLE_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_TITLE_MINOR = word_set("title_minor_word")
# what names a work right before its title: a possessive ("KTLV’s “Harbor Hour”"), a noun of a work ("the show “Bake
# Battle”") or a verb of list ``title_on_lead`` and "on" ("said on “Face the Tide”", not "told the crowd on “Day One”")
_TITLE_BEFORE = re.compile(r"(?:[’']s|s[’']|\b(?:" + alternation("work_noun") + r")|\b(?:"
                           + alternation("work_lead", space=r"[ \xa0]+") + r")|\b(?:"
                           + alternation("title_on_lead") + r")[ \xa0]+on)[ \xa0]*$", re.I)
#: a quoted headline before its byline ("“Port to close,” by the Ledger’s Ann Lee: …") has at most this many words
HEADLINE_TITLE_WORDS = 20
_BYLINE_AFTER = re.compile(r"[ \xa0]*by[ \xa0]+(?:the[ \xa0]+)?(?!(?:" + alternation("date_word") + r")\b)[A-Z]")


def _title_shaped(body: str) -> bool:
    """Is ``body`` at most :data:`TITLE_WORDS` words, each capitalised or a minor word of titles, the first
    capitalised (the shape :func:`is_title` asks of a title)?"""
    words = _TITLE_WORD.findall(body)
    return bool(words) and len(words) <= TITLE_WORDS and words[0][:1].isupper() \
        and all(w[:1].isupper() or w.lower() in _TITLE_MINOR for w in words)


def is_title(body: str, left: str, right: str = "") -> bool:
    """Is the quotation ``body`` (with ``left``, the text before it in its sentence, and ``right``, the text
    after it) the title of a work: at most :data:`TITLE_WORDS` words, each capitalised or a minor word of
    titles (list ``title_minor_word``), the first capitalised, right after a possessive, a noun of a work
    (list ``work_noun``), a phrase that names its maker (list ``work_lead``: "author of") or "said on" (list
    ``title_on_lead``); or a headline of at most :data:`HEADLINE_TITLE_WORDS` words whose comma inside the
    closing mark is followed by its byline ("“Port to close,” by the Ledger’s Ann Lee")?"""
    words = _TITLE_WORD.findall(body)
    if words and body.rstrip("”\"’' ").endswith(",") and len(words) <= HEADLINE_TITLE_WORDS \
            and _BYLINE_AFTER.match(right):
        return True
    if not _title_shaped(body):
        return False
    return _TITLE_BEFORE.search(left[-40:]) is not None



def _full_start(left: str, vinfo: dict) -> bool:
    """Does the quote start its sentence part (nothing before it, a colon, "X said, " or "Said X, ")?"""
    return left.strip() == "" or left.rstrip().endswith(":") or _cue_then_comma(left) \
        or _inverted_lead_match(left, vinfo) is not None


def _cue_then_comma(left: str) -> bool:
    """Does ``left`` end with a reporting cue and a comma ("..., he said, ", "As X noted, ")?

    Both patterns end with ",\\s*$" and hold no other comma, so a match lies in the last comma
    clause: searching only there gives the same answer without retrying "told [^,]+" from
    every "told" of a long left context.
    """
    body = left.rstrip()
    if not body.endswith(","):
        return False
    cut = body.rfind(",", 0, len(body) - 1)
    if _last_comma_clause_cues(left[cut + 1:]):
        return True
    # "X said, in part, “…”": one parenthetical of a few words between the cue's comma and the quote
    if cut < 0 or count_words(left[cut + 1:]) > PARENTHETICAL_WORDS:
        return False
    return _last_comma_clause_cues(left[body.rfind(",", 0, cut) + 1:cut + 1])


def _last_comma_clause_cues(clause: str) -> bool:
    return bool(_CUE_COMMA.search(clause)) or bool(_AS_COMMA.search(clause))


def _continuation(c: _Context, sentence_like: bool, attribs: list) -> tuple[str, str] | None:
    """A quote with no cue of its own (more than four words, or a full sentence) continues the last
    attribution (``attribs[-1]``, ``(position, speaker, type)``) if that lies in its paragraph, in
    the same or the previous sentence; never after "so-called" or a rule that barred it."""
    if c.so_called or c.no_inherit or not (c.n_words > 4 or sentence_like) or not attribs:
        return None
    pos, spk, typ = attribs[-1]
    if c.para_lo <= pos < c.s and c.dm.sent_index(c.s) - c.dm.sent_index(pos) <= 1:
        return spk, typ
    if c.para_lo <= pos < c.s and c.dm.sent_index(c.s) - c.dm.sent_index(pos) <= PARAGRAPH_FLOAT_SENTENCES \
            and sentence_like and _named(c.dm, spk, typ) and _about_speaker(c.dm, spk, c.dm.sent_end(pos), c.s):
        return spk, typ   # "“…,” says Ann Lee, 32. Lee backs the mayor. “…”"
    # a floating quote: a full quoted sentence that opens its paragraph, with no attribution of its
    # own, belongs to the last speaker, within FLOAT_PARAGRAPHS paragraphs, from a paragraph of at most
    # FLOAT_FROM_SENTENCES sentences, and until another person or organisation is named
    if not (sentence_like and pos < c.s):
        return None
    dm = c.dm
    # (a name in the attribution's own clause is no new speaker: its addressee or affiliation, "…,” Ann Lee told
    # CNN.", "…,” said Ann Lee of the Harbor Institute."; a name after a clause break is: "…, but Tom Berg disagreed.")
    own_end = dm.sent_end(pos)
    brk = _CLAUSE_BREAK_AFTER.search(dm.text, pos, own_end)
    if dm.para_of(c.s) - dm.para_of(pos) > FLOAT_PARAGRAPHS \
            or _named_between(dm, spk, brk.start() if brk else own_end, c.s):
        return None
    if dm.text[c.para_lo:c.s].strip():
        return None
    plo, phi = dm.paras[dm.para_of(pos)]
    if dm.sent_index(phi - 1) - dm.sent_index(plo) + 1 > FLOAT_FROM_SENTENCES:
        return None
    return spk, typ


def _named(dm, spk: str, typ: str) -> bool:
    """Is the speaker ``spk`` (of type ``typ``) a name: named, or a description the text links to a name ("According
    to the veteran Harbor Party member" after "mediator Oskel Vandeleur")?"""
    return typ == "named" or typ == "descriptor" and dm.entities.by_name.get(spk) is not None


def _about_speaker(dm, spk: str, lo: int, hi: int) -> bool:
    """Is ``text[lo:hi]`` about the named speaker ``spk`` alone: it names ``spk`` (a word of the name) or holds a
    personal pronoun, outside quotes, and names no other person or organisation?"""
    if _named_between(dm, spk, lo, hi):
        return False
    own = {w for w in spk.split() if w[:1].isupper()}
    return any(not dm.in_quote(lo + m.start()) and (m.group() in own or m.group().lower() in _PERSONAL_PRONOUN)
               for m in WORD_RE.finditer(dm.text[lo:hi]))


def _named_between(dm, spk: str, lo: int, hi: int) -> bool:
    """Is a person or organisation other than ``spk`` named outside quotes in ``text[lo:hi]``?"""
    ents = dm.entities
    a = bisect.bisect_left(ents.mention_starts, lo)
    b = bisect.bisect_left(ents.mention_starts, hi)
    for _, _, n in ents.mentions[a:b]:
        cn = ents.canonical(n)
        ent = ents.by_name.get(cn)
        if cn and cn != spk and ent is not None and (ent.kind in ("person", "org") or person_like(dm, ent)):
            return True
    return False


def attribute(dm, s: int, e: int, flags, memory: _Speakers, prev_q: Quote | None, attribs: list,
              pending: list | None = None) -> Quote:
    """The row of the quotation ``text[s:e]`` (``flags`` from :func:`.marks.quote_spans`): its kind,
    speaker, speaker type and cue. ``attribs`` lists ``(position, speaker, type)`` of the
    attributions so far (quotes and reported speech), for continuation. A row left unattributed that
    could still continue an attribution found later in the text's order of reading (an "According to
    X, …" sentence before it, read after the quotations) is added to ``pending`` for
    :func:`continue_pending`."""
    c = _context(dm, s, e, memory, prev_q)
    q = Quote("", s, e, c.body, "unattributed", quote_flags=";".join(flags))
    # (a speech verb after the quotation makes "by" no byline: "“…,” by Friday, she told the council")
    if is_title(c.body, c.left, c.right if c.right_verb is None else ""):
        q.kind = "scare"   # the name of a show, book or song, not something said
        q.quote_flags = ";".join([*flags, "title"])
        return q
    full_start = _full_start(c.left, dm.vinfo)
    for rule in RULES:
        found = rule(c)
        if found is not None:
            q.speaker, q.speaker_type, q.cue = found
            q.kind = "direct" if full_start else "partial"
            return q
    sentence_like = full_start and (c.inner_end[-1:] in ".!?" or c.n_words > 4)
    inherited = _continuation(c, sentence_like, attribs)
    if inherited is not None:
        q.speaker, q.speaker_type = inherited
        q.kind = "direct" if full_start else "partial"
    elif c.so_called or (c.n_words <= 4 and not sentence_like):
        q.kind = "scare"
    elif pending is not None and not c.no_inherit:
        pending.append((q, c, sentence_like, full_start))
    return q


#: the fewest words a quotation left without a speaker must share with an attributed one to repeat it (a shorter
#: one repeats it only with the same words)
REPEAT_MIN_WORDS = 3
#: ... and the fewest words it must have at all: a writer quotes again one word someone used as a label of their own
#: ("“Remain”", "“qualified”"; on PolNeAR fit and select one-word repeats mostly match no source's quotation)
REPEAT_SAME_MIN_WORDS = 2
#: how many attributed quotations one word triple may point to (a bound on the work per quotation)
REPEAT_CANDIDATES = 16
_QUOTE_WORD = re.compile(r"\w+(?:['’]\w+)?")


def _quote_words(text: str) -> tuple[str, ...]:
    """The lower-case words of a quotation's text, apostrophes straightened."""
    return tuple(x.lower().replace("’", "'") for x in _QUOTE_WORD.findall(text))


def repeated_quotations(rows: list[Quote], headline_end: int) -> None:
    """Give a quotation left without a speaker (``unattributed``, or ``scare`` but not a title) the speaker of the
    attributed quotations (``direct`` or ``partial``) whose words are its own, hold its own, or are held by its own,
    at least :data:`REPEAT_MIN_WORDS` words unless the same (and :data:`REPEAT_SAME_MIN_WORDS` then), when all of
    them have one speaker; flag ``repeated``.
    Below the headline (which ends at ``headline_end``) a quotation written as a title (:func:`_title_shaped`:
    "“Russians at War”" inside a festival's statement) repeats only the same words.
    News repeats a quotation: the headline carries words the body attributes ("Mayor: ‘We will rebuild’" …
    “We will rebuild,” said Mayor Ann Lee) and the body quotes the headline's attributed words again. Each
    quotation is compared with those sharing its first word triple or opening with one of its triples (at most
    :data:`REPEAT_CANDIDATES` each), never with every other one."""
    cands = []   # (quotation, its words, may it be held by or hold another)
    for q in rows:
        if q.speaker or q.kind not in ("unattributed", "scare") or "title" in q.quote_flags.split(";"):
            continue
        w = _quote_words(q.text)
        if len(w) >= REPEAT_SAME_MIN_WORDS:
            cands.append((q, w, len(w) >= REPEAT_MIN_WORDS and (q.start < headline_end or not _title_shaped(q.text))))
    if not cands:
        return
    firsts = {w[:3] for _, w, partial in cands if partial}
    same: dict[tuple, set] = {}
    holding: dict[tuple, list] = {}   # a candidate's first word triple -> the attributed quotations that hold it
    opening: dict[tuple, list] = {}   # a word triple -> the attributed quotations that open with it
    said = []
    for r in rows:
        if not r.speaker or r.kind not in ("direct", "partial"):
            continue
        w = _quote_words(r.text)
        joined = " " + " ".join(w) + " "
        said.append(r)
        same.setdefault(w, set()).add(r.speaker)
        for i in range(len(w) - 2):
            if w[i:i + 3] in firsts:
                lst = holding.setdefault(w[i:i + 3], [])
                if len(lst) < REPEAT_CANDIDATES and (not lst or lst[-1][0] is not r):
                    lst.append((r, joined))
        if len(w) >= REPEAT_MIN_WORDS:
            opening.setdefault(w[:3], []).append((r, joined))
    for q, w, partial in cands:
        found = set(same.get(w, ()))
        if partial:
            joined = " " + " ".join(w) + " "
            found |= {r.speaker for r, rj in holding.get(w[:3], ()) if joined in rj}
            for i in range(len(w) - 2):
                found |= {r.speaker for r, rj in opening.get(w[i:i + 3], ())[:REPEAT_CANDIDATES] if rj in joined}
        if len(found) != 1:
            continue
        src = next(r for r in said if r.speaker in found)
        q.speaker, q.speaker_type = src.speaker, src.speaker_type
        q.kind = "direct" if q.kind == "unattributed" and q.text.lstrip("“\"‘'")[:1].isupper() else "partial"
        q.quote_flags = ";".join([f for f in q.quote_flags.split(";") if f] + ["repeated"])


def continue_pending(pending: list, attribs: list, later: list[Quote]) -> None:
    """Give each quotation of ``pending`` (from :func:`attribute`, in text order) the speaker it continues
    (:func:`_continuation`) when the last attribution before it is one of ``later``, the rows read after the
    quotations ("According to Tom Reyes, the plan will fail. “We are not ready.”"); ``attribs`` are the
    attributions of the reading pass. A quotation so attributed may be continued in turn."""
    merged = sorted([*attribs, *((r.start, r.speaker, r.speaker_type) for r in later if r.speaker)],
                    key=lambda a: a[0])
    starts = [a[0] for a in merged]
    added = None   # the last quotation attributed here (pending is in text order: it ends before the next one)
    for q, c, sentence_like, full_start in pending:
        k = bisect.bisect_left(starts, q.start)
        last = merged[k - 1] if k else None
        if added is not None and (last is None or added[0] > last[0]):
            last = added
        inherited = _continuation(c, sentence_like, [last] if last is not None else [])
        if inherited is None:
            continue
        q.speaker, q.speaker_type = inherited
        q.kind = "direct" if full_start else "partial"
        added = (q.end, *inherited)
