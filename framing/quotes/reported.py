"""Reported speech (kind ``reported``): indirect speech with no quotation marks.

* :func:`reported_after_verb`: a speech verb followed by a *that*-clause ("X said that …"),
  with no complementizer after verbs marked ``zero_that`` in ``data/speech_verbs.csv`` ("X
  said the port …"), "told <whom> that …", "warned of …";
* :func:`reported_inverted`: "According to X, …" and "…, according to X." / "…, X said." /
  "…, said X.".

The span runs from the first word of the clause to the end of the sentence (final punctuation
excluded). A clause that contains a quotation is represented by its quote rows instead.
"""
from __future__ import annotations

import re

from .document import _SpanSet
from .lexicon import alternation, speech_verbs_with, words
from .marks import ALL_D
from .names import count_words
from .record import Quote
from .speakers import _Speakers, resolve_np

_NON_SPEAKER = re.compile(r"(?:" + alternation("non_speaker_start") + r")\b", re.I)
_TELL_OBJECT = re.compile(r"[ \xa0]+(?:[Tt]he[ \xa0]+)?(?:[A-Z][\w’'.-]*[ \xa0]+)*[A-Z][\w’'.-]*|[ \xa0]+(?:"
                          + alternation("tell_object") + ")")
_WARN_OF = re.compile(r"[ \xa0]+(?:" + alternation("warn_preposition") + r")[ \xa0]+")
_CLAUSE_START = re.compile(r"(?:[ \xa0]+(?:" + alternation("clause_lead_adverb") + r"|\w+day|[A-Z][a-z]+\s\d+|\d+)\b"
                           r"[^,.;:]{0,20}?)?[ \xa0]+that[ \xa0]+", re.I)
_ZERO_THAT = re.compile(r"[ \xa0]+(?=(?:" + alternation("subject_start") + r"|[A-Z][\w’'-]+)\b)")
_DATE_WORD = re.compile(r"^(?:" + alternation("date_word") + r")\b")

_ACC_LEAD = re.compile(r"According to ([^,]{2,80}),[ \xa0]+")
_NP_VERB = "|".join(speech_verbs_with("inverted_tail", "np_verb"))
_VERB_NP = "|".join(speech_verbs_with("inverted_tail", "verb_np"))
_ACC_TAIL = re.compile(
    r",[ \xa0]+(?:according to ([^,.;]{2,80})|([^,.;“”\"]{2,60}?) (" + _NP_VERB + r")|"
    r"(" + _VERB_NP + r") ([^,.;“”\"]{2,60}?))"
    r"(?:[ \xa0]+(?:on[ \xa0]+)?(?:\w+day|" + alternation("tail_time") + r"|last[ \xa0]+\w+))?"
    r"(?:,[ \xa0]+(?:" + alternation("tail_appositive") + r")\b[^.;]*)?[.:]?$")
_SAID_NP = re.compile(r"(?:^|\s)(?:[A-Z]|(?:" + alternation("said_np_start") + r")\s)")
_NON_SPEAKERS = frozenset(words("non_speaker"))


def reported_after_verb(dm, m, spk: str, typ: str, taken: _SpanSet) -> Quote | None:
    """The reported clause after the main speech verb ``m`` (subject ``spk`` of type ``typ``), or None.

    None for a verb with no speaker, an -ing verb, a thing as subject ("this shows"), a cognitive
    or tentative verb of a vague source, a clause under 8 characters, holding a quotation mark,
    starting in a quote or overlapping a reported clause already ``taken``.
    """
    t = dm.text
    verb = m.group(1)
    info = dm.vinfo.get(verb, {})
    if not spk or typ == "none" or verb.endswith("ing") or spk.lower() in _NON_SPEAKERS:
        return None
    if _NON_SPEAKER.match(spk):
        return None
    if info.get("type") in ("cognitive", "tentative") and typ == "vague":
        return None
    cstart = _clause_start(m, info, t[m.end():m.end() + 200])
    if cstart is None:
        return None
    cend = dm.sent_end(cstart)
    # the first ")" of the clause and any "(" before it, by bisection over their positions
    # (several verbs of one long sentence would each scan to its end)
    par = dm.unopened_close(cstart, cend)
    if par >= 0:
        cend = par
    cend = max(cstart, dm.clause_end(cend))
    if cend - cstart < 8 or dm.has_mark(cstart, cend):
        return None
    if taken.overlaps(cstart, cend) or dm.in_quote(cstart):
        return None
    return Quote("", cstart, cend, t[cstart:cend], "reported", spk, cue=verb, speaker_type=typ)


def _clause_start(m, info: dict, after: str) -> int | None:
    """Where the reported clause of the verb ``m`` starts (``after`` is the text after the verb), or None.

    "told <Outlet|reporters> that …" (or no "that"), "warned of/about …", "said [on Monday] that
    …", and, for ``zero_that`` verbs, "said the …" when no date word follows the verb.
    """
    if info.get("lemma") == "tell":
        om = _TELL_OBJECT.match(after)
        if not om:
            return None
        cm = _CLAUSE_START.match(after, om.end()) or _ZERO_THAT.match(after, om.end())
        return None if cm is None else m.end() + cm.end()
    if info.get("lemma") == "warn" and _WARN_OF.match(after):
        return m.end() + _WARN_OF.match(after).end()
    cm = _CLAUSE_START.match(after)
    if cm is None and info.get("zero_that") == "yes":
        cm = _ZERO_THAT.match(after)
        if cm is not None and _DATE_WORD.match(after[cm.end():]):
            cm = None
    return None if cm is None else m.end() + cm.end()


def reported_inverted(dm, taken: _SpanSet, rows: list[Quote], memory: _Speakers) -> list[Quote]:
    """'According to X, clause.' and 'clause, according to X.' / 'clause, X said.' / 'clause, said X.'

    One candidate per sentence outside quotes (the part before its first quotation mark); a
    clause of at least four words whose span overlaps no row (``rows``, ``taken``) and whose
    source resolves to a speaker.
    """
    t = dm.text
    out = []
    occupied = _SpanSet([(r.start, r.end) for r in rows] + list(taken))
    for ss in dm.sstarts:
        if dm.in_quote(ss):
            continue
        se = dm.sent_end(ss)
        sent = t[ss:se]
        qm = min([sent.find(c) for c in ALL_D if c in sent] or [-1])
        if qm == 0:
            continue
        cut_at_quote = qm > 0
        if qm > 0:
            sent = sent[:qm].rstrip()
            se = ss + len(sent)
        m = _ACC_LEAD.match(sent)
        if m:
            spk, typ = resolve_np(dm, m.group(1), ss, memory)
            cs, ce = ss + m.end(), se
            cue = "according to"
        else:
            # a match holds no "." or ";" but its last character, so it starts after the last
            # of them: searching from there spares a retry from every comma of a long sentence
            cut = 0 if sent.endswith("\n") else max(sent.rfind(".", 0, len(sent) - 1),
                                                     sent.rfind(";", 0, len(sent) - 1)) + 1
            m = _ACC_TAIL.search(sent, cut)
            if not m or (cut_at_quote and not m.group(1) and not m.group(4)):
                continue
            cue = "according to" if m.group(1) else (m.group(3) or m.group(4))
            np_ = m.group(1) or m.group(2) or m.group(5)
            if np_ is None or count_words(np_) > 8:
                continue
            if m.group(5) and not _SAID_NP.search(np_):
                continue  # "..., said his members wanted" is not an inverted attribution
            spk, typ = resolve_np(dm, np_, ss + m.start(), memory)
            cs, ce = ss, ss + m.start()
            if count_words(t[cs:ce]) < 4:
                continue
        while ce > cs and t[ce - 1] in ".!? ":
            ce -= 1
        if not spk or occupied.overlaps(cs, ce):
            continue
        out.append(Quote("", cs, ce, t[cs:ce], "reported", spk, cue=cue, speaker_type=typ))
        occupied.add(cs, ce)
    return out
