"""The pipeline over one text: :func:`extract_quotes`.

1. :class:`.document._DocModel`: paragraphs, sentences, quote spans (:mod:`.marks`), entities;
2. :class:`_Reading`, one pass in text order over the speech verbs outside quotes and the
   quotations: a verb notes the speaker of its clause (for pronouns) and may report a clause
   (:func:`.reported.reported_after_verb`); a quotation is attributed
   (:func:`.attribution.attribute`) and, with a speaker, noted in turn;
3. :func:`.reported.reported_inverted` ("According to X, …", "…, X said."), whose rows the
   quotations after them left unattributed may continue (:func:`.attribution.continue_pending`), and
   :func:`.reported.reported_headline` ("Mayor Lee Says Her Budget Will Not Raise Taxes"),
   :func:`.reported.headline_colon` ("Lind: We will rebuild the pier") and
   :func:`.reported.headline_subject_quote` ("Lind ‘will rebuild’ the pier");
4. :func:`.attribution.repeated_quotations`: a quotation left without a speaker takes the speaker of
   an attributed one with the same words;
5. :func:`_finish`: roles and sides (:mod:`.roles`), rows in text order, overlaps and excluded
   spans dropped.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import Sequence

from .attribution import attribute, continue_pending, repeated_quotations
from .document import _DocModel, _SpanSet
from .lexicon import abbreviations, alternation, is_participle, speech_verbs_with, word_set
from .names import NAME_RE, count_words
from .record import Quote
from .reported import (
    CLAUSE_BREAK,
    FRONTED_CLAUSE_CHARS,
    OF_OBJECT_LEMMAS,
    agent,
    headline_colon,
    headline_subject_quote,
    reported_after_verb,
    reported_headline,
    reported_inverted,
)
from .roles import role_side_evidence, speaker_ids, speaker_kind
from .speakers import (
    _PREPOSITIONS,
    FINITE_WORD,
    SUBJECT_COMMA,
    UNRESOLVED,
    WITH_NP,
    _Speakers,
    absolute_subject,
    bare_content_verb,
    clause_subject,
    determiner_noun,
    ends_coordinated,
    infinitive_lead,
    modal_before,
    named_subject_before,
    noun_after_past_verb,
    noun_after_plural_determiner,
    noun_before_for,
    noun_before_plural_verb,
    np_head,
    opens_clause_between,
    possessive_noun,
    resolve_np,
    subject_region,
    unresolved_pronoun,
)

# an -ing speech verb right after a comma ("…, saying the plan was dead") hangs on the clause before it
_PARTICIPLE_AFTER = re.compile(r"(?:,(?P<mark>[”\"]|'')?|[ \xa0]+(?:–|—|--))[ \xa0]*(?:\w+ly[ \xa0]+)?$")
#: how far before an -ing speech verb the comma (or dash) and adverb of ``_PARTICIPLE_AFTER`` are looked for (",
#: eventually saying" has thirteen characters)
PARTICIPLE_LEAD_CHARS = 24
# a last comma part that opens with an -ing word (", pointing to his record and ")
_PARTICIPLE_PART = re.compile(r",[ \xa0]+(?:\w+ly[ \xa0]+)?[a-z]+ing\b[^,;:]*$")
# ... and so does one after "by", "before", ... ("responded by saying the plan was dead")
_PARTICIPLE_AFTER_WORD = re.compile(r"\b(?:" + alternation("participle_preposition") + r")[ \xa0]+(?:\w+ly[ \xa0]+)?$",
                                    re.I)
# ... and so does one right after a text its subject issued ("released a statement saying the vote was off"; not
# "received a letter saying": the verb before the text is one of issuing, list ``issuing_verb``)
# (a day may follow the text: "released a statement Wednesday saying …", "a statement on Monday saying …")
_ISSUED_TEXT_BEFORE = re.compile(r"\b(?:" + alternation("issuing_verb") + r")[ \xa0]+(?:[\w’'-]+[ \xa0]+){0,3}"
                                 r"(?:" + alternation("issued_text_noun") + r")[ \xa0]+(?:(?:on[ \xa0]+)?(?:"
                                 + alternation("date_word") + r")[ \xa0]+)?$", re.I)
# a text noun right before an -ing speech verb ("disowns statement criticising the captain")
_TEXT_NOUN_BEFORE = re.compile(r"\b(?:" + alternation("issued_text_noun") + r")s?[ \xa0]+$", re.I)
_CONJUNCTIONS = word_set("clause_coordinator")
#: the words that may open a sentence before its participle ("While saying that …, he …"), and their longest length
#: with the spaces around them
_PARTICIPLE_LEADS = word_set("participle_preposition")
_CLAUSE_ONLY_LEMMAS = word_set("clause_only_lemma")   # ("the vote signalled a plan": no speech)
_PARTICIPLE_LEAD_CHARS = max(len(w) for w in _PARTICIPLE_LEADS) + 4
# verbs that are verbs only right after a name or a subject pronoun ("Harbor Radio reports that …")
_NAME_SUBJECT_VERBS = word_set("name_subject_verb")

# ... but not after a word of list ``report_modifier`` (lower case, or opening the sentence: "news reports that …",
# "Early reports that …"; not "Harbor News reports …") nor after a name that follows a past verb ("dismissed Gazette
# reports that …"; not "columnist Tom Berg reports that …")
_NOUN_BEFORE_REPORTS = re.compile(r"(?:\b(?:" + alternation("report_modifier") + r")|^[ \xa0]*(?i:"
                                  + alternation("report_modifier") + r")|(?<![\w’'.-])(?:[a-z]+ed|"
                                  + alternation("irregular_past")
                                  + r")[ \xa0]+(?:[A-Z][\w’'.-]*[ \xa0]+){1,3})[ \xa0]*$")
#: the fewest words of the main clause after a participle phrase that opens its sentence
OPENING_MAIN_WORDS = 4
# after a participle that opens its sentence, a closed-class word, pronoun or "that" (not a noun: "Warning labels")
_OPENING_PARTICIPLE = re.compile(r"[ \xa0]+(?:" + alternation("stop_pre") + "|" + alternation("pronoun_subject")
                                 + r"|that)\b")
_NAME_OR_PRONOUN_BEFORE = re.compile(r"(?:\b[A-Z][\w’'.-]*|\b(?:" + alternation("pronoun_subject") + r"))[ \xa0]+$")
# a word of list ``wh_object`` and a subject of at most four words right before a speech verb: the word is its object
_WHAT_OBJECT = re.compile(r"\b(?i:" + alternation("wh_object") + r")(?:[ \xa0]+[\w’'-]+){1,4}[ \xa0]+$")
_OF_AFTER = re.compile(r"[ \xa0]+of\b")
# ", and added", " but advised": a bare "and" may join verbs inside the clause ("residents who met … and asked";
# " and <the same verb>" is read by :func:`.reported.reported_after_verb`)
_COORDINATED_VERB = re.compile(r"(?:,[ \xa0]+(?:" + alternation("clause_coordinator") + r")|[ \xa0]+but)"
                               r"[ \xa0]+(?:(?:" + alternation("coordinated_verb_adverb") + r")[ \xa0]+)?$")
#: an inverted "…, said X[, appositive]." is read this far after the name for a finite verb
INVERTED_TAIL_CHARS = 120
_DETERMINER_START = re.compile(r"(?:" + alternation("determiner") + r")[ \xa0]", re.I)
_COMMA_CUE_VERBS = frozenset(v.lower() for v in speech_verbs_with("comma_cue", "yes"))
_CLAUSE_BEFORE_VERB = re.compile(r"[,”\"'][ \xa0]*$")
# a name right after the verb that ends its clause (a comma, a period, the end) or takes a place or time
# phrase ("of the council", "at the time"); a title before it skipped, a party tag after it allowed
_TITLES = "|".join(a[:-1].capitalize() for a in sorted(abbreviations()) if "." not in a[:-1])
_NAME_ENDS_CLAUSE = re.compile(r"[ \xa0]+(?:(?:" + _TITLES + r")\.[ \xa0]+)?(" + NAME_RE.pattern + r")"
                               r"(?=[ \xa0]*(?:\([^()]{1,20}\)[ \xa0]*)?(?:[,.;:]|$)"
                               r"|(?:[ \xa0]*\([^()]{1,20}\))?[ \xa0]+(?:" + alternation("place_preposition")
                               + r"|last|this)\b)")   # (a word of its own: not "Clint" + "on" in "Clinton")
# a speech verb whose sentence ends (after a short adjunct: "in a statement") where a quotation opens, or whose
# clause ends in a colon before one after a longer adjunct ("said about the draft of its platform:\n\n“…”")
# (no comma on the way: "…, and a sign at the pier listed the rules:" is a new clause)
LEAD_COLON_CHARS = 150
_LEAD_SENTENCE_END = re.compile(r"[^.;:!?“”\"\n]{0,40}[.:]\s+[“\"]|[^.;:!?,“”\"\n]{0," + str(LEAD_COLON_CHARS)
                                + r"}:\s+[“\"]")


def extract_quotes(text: str, exclude: Sequence[tuple[int, int]] = (), doc_id: str = "doc",
                   story=None) -> list[dict]:
    """Quotations and reported statements in one text, with speakers.

    Parameters
    ----------
    text : str
        Raw article text (offsets refer to it unchanged).
    exclude : sequence of (start, end)
        Spans (e.g. boilerplate) whose quotes are dropped from the result; the
        whole text is still read to resolve names.
    doc_id : str
        Copied into every row.
    story : Story, optional
        A loaded story pack (:func:`framing.load_story`): its speaker registry and role rules.

    Returns
    -------
    list of dict
        One dict per quote with keys ``QUOTE_COLUMNS``: doc_id, start, end, text,
        kind (direct, partial, scare, unattributed, reported), speaker (fullest
        name, a vague source as written, or ''), speaker_role, side, cue (the
        reporting verb or phrase), speaker_type (named, descriptor, vague, none),
        quote_flags (';'-joined: unclosed, continued, nested, glued, single, title (a
        quoted title of a show, book or song: kind ``scare``), repeated (the speaker of
        another quotation with the same words), ...),
        speaker_id (one id per speaker of the text, :func:`.roles.speaker_ids`),
        speaker_kind (person, organisation, vague, none), role_evidence (what decided
        the role: ``registry: <name>``, ``descriptor: <word>``, or '').
        Sorted by start; spans never overlap.

    Examples
    --------
    >>> [(q["kind"], q["speaker"], q["cue"]) for q in extract_quotes('“We are ready,” said Ana Ruiz.')]
    [('direct', 'Ana Ruiz', 'said')]
    """
    if not text or not text.strip():
        return []
    dm = _DocModel(text, story)
    reading = _Reading(dm)
    reading.run()
    inverted = reported_inverted(dm, reading.taken, reading.rows, reading.memory)
    continue_pending(reading.pending, reading.attribs, inverted)
    rows = reading.rows + inverted
    rows += reported_headline(dm, reading.taken, rows, reading.memory)
    rows += headline_colon(dm, reading.taken, rows, reading.memory)
    headline_subject_quote(dm, rows, reading.memory)
    repeated_quotations(rows, dm.paras[0][1] if dm.paras else 0)
    return [r.as_dict() for r in _finish(dm, rows, exclude, doc_id)]


class _Reading:
    """One pass in text order over the speech verbs outside quotes and the quotation spans.

    State: ``memory`` (speakers noted so far, for pronouns), ``attribs`` (``(position, speaker,
    type)`` of the quotes and reported clauses attributed so far, for continuation), ``taken``
    (spans of reported clauses), ``prev_q`` (the last quotation's row) and ``rows``.
    """

    def __init__(self, dm: _DocModel):
        self.dm = dm
        self.memory = _Speakers(dm)
        self.taken = _SpanSet()
        self.attribs: list[tuple[int, str, str]] = []
        self.prev_q: Quote | None = None
        self.rows: list[Quote] = []
        self.pending: list = []   # unattributed quotations that may continue a later-read attribution
        self.verbs = [m for m in dm.verb_matches if not dm.in_quote(m.start())]
        self.verb_starts = [m.start() for m in self.verbs]
        # commas before an -ing speech verb ("…, adding that …"): a reported clause ends there
        # and ";" or a comma before "but", "while", ...: the clause breaks (:data:`.reported.CLAUSE_BREAK`)
        # and " but/and [also] <finite speech verb>": the subject's next verb phrase ("… was low but advised …")
        # (after a quotation's closing mark, "…,” adding that …", the clause ends after the mark)
        self.stops = sorted([p.end("mark") if p.group("mark") else p.start() for m in self.verbs
                             if is_participle(m.group(1))
                             for p in [_PARTICIPLE_AFTER.search(dm.text, max(0, m.start() - PARTICIPLE_LEAD_CHARS),
                                                                m.start())] if p]
                            + [b.start() for b in CLAUSE_BREAK.finditer(dm.text)]
                            + [c.start() for m in self.verbs if not is_participle(m.group(1))
                               for c in [_COORDINATED_VERB.search(dm.text, max(0, m.start() - 16), m.start())] if c]
                            # and before "…, with Lee arguing that …": an absolute phrase with a speaker of its own
                            + [w.start() for m in self.verbs if is_participle(m.group(1))
                               for w in [WITH_NP.search(dm.text, max(0, m.start() - 90), m.start())] if w])

    def run(self) -> None:
        # at the same position a quotation comes before a verb
        events = sorted([(m.start(), True, m) for m in self.verbs] + [(q[0], False, q) for q in self.dm.qspans],
                        key=lambda x: x[:2])
        for _, is_verb, payload in events:
            if is_verb:
                self.verb(payload)
            else:
                self.quote(*payload)

    def verb(self, m) -> None:
        """A speech verb: note the speaker of its clause, and its reported clause if any. Only the
        first speech verb of a sentence part (after the last quote before it) counts, and not one
        after a modal or negation, nor "according to"."""
        dm = self.dm
        ss = dm.sent_start(m.start())
        lo = max(ss, dm.clause_quote_end(ss, m.start()))   # after the last quote before the verb (no title in it)
        vi = bisect.bisect_left(self.verb_starts, m.start())
        ing = is_participle(m.group(1))
        participle = ing and (
            # (the comma may close the quotation before the verb: "“…,” adding that …")
            _PARTICIPLE_AFTER.search(dm.text, max(ss, m.start() - PARTICIPLE_LEAD_CHARS), m.start()) is not None
            or _PARTICIPLE_AFTER_WORD.search(dm.text, max(lo, m.start() - 20), m.start()) is not None
            or _ISSUED_TEXT_BEFORE.search(dm.text, max(lo, m.start() - 60), m.start()) is not None
            or _quoted_as(dm, ss, m.start()) is not None
            or " " not in m.group(1) and bool(_name_right_before(dm, ss, m.start(), speaker=False))
            and absolute_subject(dm, lo, m.start()) is None
            or _opens_with_participle(dm, ss, m))
        before = dm.text[max(lo, m.start() - 200):m.start()]
        # "X welcomed the plan and said …", "“…” but said …": the verb shares the subject of the clause
        coordinated = ends_coordinated(before) or before.strip().lower() in _CONJUNCTIONS
        # "…, pointing to his record and saying that …": a participle coordinated with one after a comma
        participle = participle or coordinated and ing and _PARTICIPLE_PART.search(before) is not None
        if ing and not participle and _TEXT_NOUN_BEFORE.search(dm.text, max(lo, m.start() - 20), m.start()):
            return   # "Rowing club disowns statement criticising its cox": a text says it, its issuer unnamed here
        later = vi > 0 and self.verb_starts[vi - 1] >= ss
        if later and not participle and not coordinated and self.taken.overlaps(m.start(), m.end()):
            return   # inside the clause an earlier verb reports
        if modal_before(dm.text, ss, m.start()) or m.group(1).lower() == "according to":
            return
        if m.group(1).lower() in _NAME_SUBJECT_VERBS and (not _NAME_OR_PRONOUN_BEFORE.search(before)
                                                          or _NOUN_BEFORE_REPORTS.search(before)):
            return   # "news reports that …", "cited reports that …", "dismissed Gazette reports that …": a noun
        if dm.text.startswith(",", m.end()) and _WHAT_OBJECT.search(before):
            return   # "no matter what the polls say, …": what was said is the "what", no clause follows
        lemma = dm.vinfo.get(m.group(1), {}).get("lemma", "")
        v = m.group(1)
        if _OF_AFTER.match(dm.text, m.end()) and lemma not in OF_OBJECT_LEMMAS \
                or possessive_noun(dm.text, m.start(), v) or determiner_noun(dm.text, m.start(), v, lemma) \
                or noun_before_plural_verb(dm.text, m.end(), v) or noun_before_for(dm.text, m.end(), v) \
                or noun_after_past_verb(dm.text, m.start(), v) or noun_after_plural_determiner(dm.text, m.start(), v):
            # "the boldest claims of …", "rumours of …", "Ruiz's claim that …", "a recent claim that …", "… that states
            # can pass such laws", "to voice such claims": a noun
            return
        absolute = None if participle or not is_participle(m.group(1)) else absolute_subject(dm, lo, m.start())
        if absolute is not None:   # "…, with most pilots saying the fee is too high": the noun phrase speaks
            participle = True
            spk, typ = resolve_np(dm, absolute, m.start(), self.memory)
            if typ == "vague" and not agent(spk):
                return   # "with banners saying …": a thing says nothing
        else:
            spk, typ = self._participle_subject(ss, lo, m.start(), m.group(1)) if participle or coordinated \
                else ("", "none")
        inverted = "" if participle or coordinated else _inverted_subject(dm, m)
        noted = None   # the speaker the verb gives the pronouns after it
        if participle:
            pass
        elif spk:
            noted = spk, typ
        elif inverted:
            # "…, said Noor Adle, a steward.": the name after the verb speaks, for the pronouns after it
            spk, typ = resolve_np(dm, inverted, m.end(), self.memory)
            if spk and typ != "none":
                noted = spk, typ
        else:
            # "Lee continued to insist that …", "went on to argue that …": the subject of the verb before "to"
            lead = infinitive_lead(dm.text, lo, m.start())
            if lead is not None and modal_before(dm.text, lo, lead):
                return   # "would go on the radio to say …": nothing was said
            subj = subject_region(dm, lo, m.start() if lead is None else lead)
            if lo > ss and not subj.strip(" ,\xa0"):
                subj = _subject_before_aside(dm, ss, lo)
            spk, typ = resolve_np(dm, subj, m.start(), self.memory) if subj.strip() else ("", "none")
            if spk and typ != "none":
                noted = spk, typ
            elif unresolved_pronoun(subj):
                typ = UNRESOLVED
        if typ == "vague" and not agent(np_head(spk)) and _TIME_THEN_FINITE.match(dm.text, m.end()):
            return   # "Most storms recorded this winter were …": a participle after a thing, no speech
        r = None if inverted else reported_after_verb(dm, m, spk, typ, self.taken, participle=participle,
                                                      stops=self.stops)
        says = r is not None or not self._needs_clause(m)
        if noted is not None and says:
            self.memory.note(m.start(), *noted)
        if r is not None:
            self.rows.append(r)
            self.taken.add(r.start, r.end)
            # (a name right before the participle is a report inside the sentence's own: "… recalled Tom Reyes
            # insisting that …"; the quotations after it are not inherited from it)
            if not (participle and spk and " " not in m.group(1) and spk == _name_right_before(dm, ss, m.start())):
                self.attribs.append((r.start, r.speaker, r.speaker_type))
        elif says and spk and typ != "none" and _LEAD_SENTENCE_END.match(dm.text, m.end()):
            # "X said in a statement. “…”" / "X responded:\n\n“…”": the verb introduces the quote after it
            self.attribs.append((m.start(), spk, typ))

    def _needs_clause(self, m) -> bool:
        """Does the speech verb ``m`` say something only with the clause it reports: an evidential verb ("a new
        wave of visitors finds a path …": no source for the pronouns or quotations after it) or one of list
        ``clause_only_lemma`` ("the vote signalled a plan"), unless a colon follows it ("The audit found:")?"""
        dm = self.dm
        if bare_content_verb(dm, m):
            return True   # ("the row continued after …": no speech)
        info = dm.vinfo.get(m.group(1), {})
        return (info.get("type") == "evidential" or info.get("lemma") in _CLAUSE_ONLY_LEMMAS) \
            and not dm.text.startswith(":", m.end())

    def _participle_subject(self, ss: int, lo: int, vstart: int, verb: str) -> tuple[str, str]:
        """The speaker of ", saying …" / ", arguing that …" (the verb ``verb`` at ``vstart``): the one "quoted as
        saying" (``_QUOTED_AS``, ``_QUOTED_OBJECT_AS``), or a name right before a one-word verb
        (:func:`_name_right_before`), else the subject of the clause it hangs on, i.e. the last speaker noted in the
        sentence before it (unless a new clause opens between: :func:`.speakers.opens_clause_between`), else the
        pronoun or name that opens the clause after the last quote of the sentence, or the sentence itself
        (:func:`.speakers.clause_subject`), else nobody."""
        mem = self.memory
        dm = self.dm
        qm = _quoted_as(dm, ss, vstart)
        if qm is not None:   # "Tom Reyes was quoted by the Ledger as saying …", "The Ledger quoted Tom Reyes as saying"
            return resolve_np(dm, qm.group(1), vstart, mem)
        named = _name_right_before(dm, ss, vstart) if " " not in verb else ""
        if named:   # "a shot of Tom Reyes saying he will …": the name speaks (not "Ann Lee calling for …", a demand)
            return named, "named"
        k = bisect.bisect_left(mem.pos, vstart) - 1
        if k >= 0 and mem.pos[k] >= ss and not opens_clause_between(self.dm.text, mem.pos[k], vstart):
            _, spk, typ = mem.entries[k]
            return spk, typ
        subj = clause_subject(dm, dm.text[dm.entities.after_dateline(lo):vstart])
        if not subj and lo > ss:   # "She blamed a “careless lodger,” not the owners, and said …"
            subj = clause_subject(dm, dm.text[dm.entities.after_dateline(ss):vstart])
        if not subj:
            subj = _main_subject_after(dm, ss, vstart)
        return resolve_np(dm, subj, vstart, mem) if subj else ("", "none")

    def quote(self, s: int, e: int, flags) -> None:
        """A quotation: attribute it; a speaker is noted at its end."""
        row = attribute(self.dm, s, e, flags, self.memory, self.prev_q, self.attribs, self.pending)
        self.rows.append(row)
        self.prev_q = row
        if row.speaker and not self._reported_by_other(s, e, row.speaker):   # (then its kind is direct or partial)
            self.memory.note(e, row.speaker, row.speaker_type)
            self.attribs.append((e, row.speaker, row.speaker_type))

    def _reported_by_other(self, s: int, e: int, speaker: str) -> bool:
        """Is the quotation ``text[s:e]`` inside a clause another speaker reports ("Tomas Ruiz asked Berg to
        clarify the “maltreatment” …")? Its speaker is then no antecedent for the pronouns after it, nor the speaker
        its next quotation continues: the sentence is the reporter's."""
        for r in reversed(self.rows[-REPORTED_ROWS_BACK:]):
            if r.kind == "reported" and r.start <= s and e <= r.end:
                return r.speaker != speaker
        return False


#: how many rows back a reported clause holding a quotation is looked for (the clause comes right before its quotations)
REPORTED_ROWS_BACK = 4
#: how far before "saying" the subject of "was quoted (by X) as" is looked for
QUOTED_AS_CHARS = 150
# "Tom Reyes was quoted by the Ledger as saying", "he was quoted as saying": the one quoted speaks (group 1)
_QUOTED_AS = re.compile(r"(?:^|(?<=[ \xa0]))(" + NAME_RE.pattern + "|(?i:" + alternation("pronoun_subject")
                        + r"))[ \xa0]+(?:was|were|is|are|has[ \xa0]+been|had[ \xa0]+been)[ \xa0]+quoted"
                        r"(?:[ \xa0]+by[ \xa0]+[^,.;:“”\"]{1,60}?)?[ \xa0]+as[ \xa0]+$")

# "The Ledger quoted Tom Reyes, a steward, as saying …": the object of "quoted" speaks (group 1, its appositive left
# out)
_QUOTED_OBJECT_AS = re.compile(r"\bquoted[ \xa0]+([^,.;:“”\"]{2,60}?)(?:,[ \xa0]+[^.;:“”\"]{2,60},)?[ \xa0]+as"
                               r"[ \xa0]+$")
# a name right before an -ing speech verb with no comma between ("a shot of Tom Reyes saying …")
_NAME_RIGHT_BEFORE = re.compile(r"(?:^|(?<=[ \xa0(]))(" + NAME_RE.pattern + r")[ \xa0]+$")
#: how far before the verb that name is looked for
NAME_BEFORE_CHARS = 60


def _quoted_as(dm, ss: int, vstart: int):
    """The match of ``_QUOTED_AS`` or ``_QUOTED_OBJECT_AS`` that ends at the -ing verb at ``vstart`` (the one quoted
    is group 1), or None; the patterns are tried only when "quoted" is in the window."""
    lo = max(ss, vstart - QUOTED_AS_CHARS)
    if dm.text.find("quoted", lo, vstart) < 0:
        return None
    return _QUOTED_AS.search(dm.text, lo, vstart) or _QUOTED_OBJECT_AS.search(dm.text, lo, vstart)


def _name_right_before(dm, ss: int, vstart: int, speaker: bool = True) -> str:
    """The canonical name of the person or organisation written right before the -ing speech verb at ``vstart``
    with no comma between ("a shot of Tom Reyes saying he will …", "Ann Lee saying that …"): the one who
    says it; '' for none (a common or sentence-opening word, a place or a name of no known kind, or the object of a
    preposition in a clause whose subject is named before it, :func:`.speakers.named_subject_before`, unless
    ``speaker`` is false: the -ing verb is a participle all the same)."""
    t = dm.text
    k = vstart - 1
    while k > ss and t[k] in " \xa0":
        k -= 1
    w = t.rfind(" ", ss, k) + 1
    if k <= ss or not t[max(w, ss)].isupper():
        return ""   # (the word before is no capitalised one: no name, and no pattern tried)
    nm = _NAME_RIGHT_BEFORE.search(t, max(ss, vstart - NAME_BEFORE_CHARS), vstart)
    if nm is None or nm.start(1) == ss:
        return ""
    before = t[max(ss, nm.start(1) - 16):nm.start(1)].split()
    if speaker and before and before[-1].lower() in _PREPOSITIONS \
            and named_subject_before(dm, ss, nm.start(1), irregular=True):
        return ""   # ("Ann Lee came down hard on Tom Reyes saying …": the participle is the subject's, Ann Lee's)
    ents = dm.entities
    c = ents.canonical(nm.group(1))
    ent = ents.by_name.get(c)
    return c if ent is not None and ent.kind in ("person", "org") else ""


_ACRONYM_FORM = re.compile(r"[A-Z][A-Z&]{1,7}")
# a time, then a finite verb, right after a speech verb ("storms recorded this winter were …")
_TIME_THEN_FINITE = re.compile(r"[ \xa0]+(?:" + alternation("time_modifier") + r")[ \xa0]+(?:"
                               + alternation("time_noun") + r")[ \xa0]+(?:" + alternation("finite_marker") + r")\b")
def _opens_with_participle(dm, ss: int, m) -> bool:
    """Does the speech verb ``m`` open its sentence (``ss``) as a participle phrase before a main clause ("Noting
    that …, Ruiz said the vote was lost")? A closed-class word, pronoun or "that" follows it (not "Warning labels
    …"), and the main clause after the comma that ends the phrase (:data:`.speakers.SUBJECT_COMMA`) has at least
    :data:`OPENING_MAIN_WORDS` words (not "Saying that is not enough, Lee argued.": a gerund subject, then a tail)."""
    if dm.entities.after_dateline(ss) != m.start() or _OPENING_PARTICIPLE.match(dm.text, m.end()) is None:
        return False
    end = dm.sent_end(m.start())
    main = SUBJECT_COMMA.search(dm.text, m.end(), min(end, m.end() + FRONTED_CLAUSE_CHARS))
    return main is not None and count_words(dm.text[main.end():end]) >= OPENING_MAIN_WORDS


def _main_subject_after(dm, ss: int, vstart: int) -> str:
    """The subject of a sentence that opens with a participle phrase ("While saying that …, he went
    on …", "After arguing that …, Ruiz left"; only a word of ``participle_preposition`` before the verb):
    the subject of the main clause after the comma that ends the phrase (:data:`.speakers.SUBJECT_COMMA`),
    else ''."""
    start = dm.entities.after_dateline(ss)
    if vstart - start > _PARTICIPLE_LEAD_CHARS:   # (no copy of a long sentence part for every verb of it)
        return ""
    lead = dm.text[start:vstart].strip().lower()
    if lead and lead not in _PARTICIPLE_LEADS:   # (no lead: the participle opens the sentence)
        return ""
    end = dm.sent_end(vstart)
    main = SUBJECT_COMMA.search(dm.text, vstart, min(end, vstart + FRONTED_CLAUSE_CHARS))
    if main is None:
        return ""
    mark = _OPENING_MARK.search(dm.text, main.end(), end)   # (the main clause, not a quotation it introduces: "…,
    return clause_subject(dm, dm.text[main.end():mark.start() if mark else end])   # he asked, “Why will …?”")


_OPENING_MARK = re.compile(r"[“\"‘]")


def _subject_before_aside(dm, ss: int, lo: int) -> str:
    """The subject of a verb right after a quotation that ends an aside ("Lee, citing “the law,” said …",
    "Lee, who calls it a “sham,” said …"; the quotation ends at ``lo``, its sentence starts at ``ss``): the
    subject before the comma that opens the aside, or '' when no comma comes before the quotation."""
    qs = dm.quotes_overlapping(lo - 1, lo)
    if not qs:
        return ""
    k = dm.text.rfind(",", ss, qs[-1][0])
    return subject_region(dm, ss, k) if k > ss else ""


def _inverted_subject(dm, m) -> str:
    """The subject after a speech verb that follows a comma or a closing quotation mark and comes
    before a name that ends the clause ("…, said Noor Adle, a steward.", "…'' said Ann Lee."):
    the name, or ''. Only verbs that close a quote so (``comma_cue`` in ``data/speech_verbs.csv``)."""
    if m.group(1).lower() not in _COMMA_CUE_VERBS or not _CLAUSE_BEFORE_VERB.search(dm.text, max(0, m.start() - 6),
                                                                                     m.start()):
        return ""
    nm = _NAME_ENDS_CLAUSE.match(dm.text, m.end())
    if nm is None:
        return ""
    # "…, said Tom Lee, her deputy, would take over": a finite verb after the name makes it a clause, unless the
    # sentence before the verb is a subject still waiting for its verb ("The trouble, says Ann Lee, a historian, is
    # that …": the tag is an aside)
    end = min(dm.sent_end(nm.end()), nm.end() + INVERTED_TAIL_CHARS)
    if FINITE_WORD.search(dm.text, nm.end(), end) is None:
        return nm.group(1)
    return nm.group(1) if _subject_awaits_verb(dm, m.start()) else ""


def _subject_awaits_verb(dm, vstart: int) -> bool:
    """Is the sentence part before the comma that precedes the speech verb at ``vstart`` a noun phrase opened by a
    determiner, with no finite verb, comma or quotation in it ("The trouble with the plan, says …")?"""
    ss = dm.sent_start(vstart)
    part = dm.text[ss:vstart].rstrip(" ,\xa0")
    return 0 < vstart - ss <= INVERTED_TAIL_CHARS and _DETERMINER_START.match(part) is not None \
        and "," not in part and not dm.has_mark(ss, vstart) and FINITE_WORD.search(part) is None


def _short_forms(dm: _DocModel) -> dict[str, str]:
    """Full name -> the acronym the text also calls it by ("Harbor Bay Transit Authority" ->
    "HBTA"; the shortest if several): a speaker so named is written with both, "Harbor Bay Transit
    Authority (HBTA)", as a reader of either form knows it."""
    out: dict[str, str] = {}
    for acr, full in dm.entities.acronyms.items():
        if acr != full and _ACRONYM_FORM.fullmatch(acr) and (full not in out or len(acr) < len(out[full])):
            out[full] = acr
    return out


def _finish(dm: _DocModel, rows: list[Quote], exclude, doc_id: str) -> list[Quote]:
    """``rows`` sorted by start with ``doc_id``, speaker id and kind, role, side and role evidence;
    a row that overlaps the one kept before it, or an ``exclude`` span, is dropped.

    The role is decided once per speaker id (:func:`.roles.speaker_ids`), so "Mr. Berzain" and
    "Carlos Sánchez Berzain" share it: the registry's role if any of the id's speakers is in the
    registry, else the role most of its speakers' descriptors give, else ``unknown``."""
    out: list[Quote] = []
    excluded = _SpanSet(exclude)
    ids = speaker_ids(dm, rows)
    # one lookup per speaker: the words of an entity grow with its mentions
    decided: dict[tuple[str, str], tuple[str, str, str]] = {
        key: role_side_evidence(dm, *key) for key in ids}
    of_id: dict[str, list[tuple[str, str, str]]] = {}
    for key, sid in ids.items():
        of_id.setdefault(sid, []).append(decided[key])
    by_id: dict[str, tuple[str, str, str]] = {}
    for sid, cands in of_id.items():
        reg = [c for c in cands if c[2].startswith("registry")]
        known = Counter(c for c in cands if c[0] != "unknown")
        by_id[sid] = reg[0] if reg else (known.most_common(1)[0][0] if known else cands[0])
    short = _short_forms(dm)
    for r in sorted(rows, key=lambda r: (r.start, -r.end)):   # of two rows from one start, the longer
        r.doc_id = doc_id
        if r.speaker:
            r.speaker_id = ids[(r.speaker, r.speaker_type)]
            r.speaker_kind = speaker_kind(dm, r.speaker_id, r.speaker_type)
            r.speaker_role, r.side, r.role_evidence = by_id[r.speaker_id]
            if r.speaker in short:
                r.speaker = f"{r.speaker} ({short[r.speaker]})"
        if out and r.start < out[-1].end:
            continue
        if excluded.overlaps(r.start, r.end):
            continue
        out.append(r)
    return out
