"""Entities of one document: every name mention, what the text says about it, and its canonical name.

:func:`find_entities` reads every capitalised run (``NAME_RE``) of the text once:

1. :func:`split_name` cuts the run at possessives ("France's Defense Minister X") and drops
   trailing connectors and sentence-initial common words;
2. :func:`_strip_head` removes leading common words, honorifics (which give a gender) and
   titles (which become descriptor stems), and the title words before the name proper;
3. the words before the mention, an appositive after it (", a former minister,") or before it
   ("the minister, X,") add descriptor stems and role words, and make it a person or an
   organisation; "Long Name (ACR)" records an acronym;
4. :func:`canonical_names` merges "Mr. Martin" and "Martin" into the fullest name ("Anne
   Martin"), and an acronym into its expansion, pooling what each mention says.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .._data import read_csv_rows
from .lexicon import (
    abbreviations,
    alternation,
    closed_class_words,
    demonyms,
    first_name_genders,
    lexicon,
    place_names,
    prepositions,
    word_set,
    words,
)
from .names import (
    CONN,
    HEAD_CUT,
    NAME_RE,
    POSS,
    WORD_RE,
    acronym_of,
    count_words,
    cut_name_end,
    name_initials,
    noun_gender,
    org_person_cut,
    sentence_adverb,
    singular_person,
    stem,
)

_ABBR = abbreviations()
_STOP_PRE = word_set("stop_pre")           # closed-class words: never the start of a name
_CLAUSE_OPENER = word_set("adverbial_start") | word_set("clause_conjunction")
_DETERMINER = word_set("determiner")
_DATE_WORD = word_set("date_word")
_NUMBER_WORD = word_set("number_word")
_PREPOSITION = prepositions()   # "Over lunch, he recalled …": a capitalised preposition alone is no name
_ORG_NOUN_BEFORE_NAME = word_set("org_noun_before_name")
_TIME_ZONE = word_set("time_zone")
_CONN_WORD = re.compile(CONN)
_NONSPACE = re.compile(r"\S+")
CLAUSE_PUNCT = re.compile(r"[.;:,“”\"()]")
_GENDER_PRON = {w: g for g in "mf" for w in words(f"pronoun_gender_{g}")}
_GENDER_PRON_RE = re.compile(r"\b(?:" + "|".join(sorted(_GENDER_PRON, key=len, reverse=True)) + r")\b", re.I)
#: a name within the first this-many words of its sentence, no comma before it, opens the sentence
SUBJECT_WORDS = 4
#: how many text pronouns of one gender (and none of the other) overrule a first-name list's gender
PRONOUN_VOTES = 2
_NAME_END_CUT = word_set("name_end_cut")
_PARTY_TAG = re.compile(r"[DRI]-[A-Z][A-Za-z.]{0,6}")   # "D-Va", "R-Fla." after a legislator's name
_ACRONYM = re.compile(r"[A-Z]{2,6}")
# a number right before a word ("420 MW"); a year
_NUMBER_BEFORE = re.compile(r"(?<![\w.,])(\d[\d,.]*) \Z")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# ", Minister of Health,", ", Director of the Harbor Institute.": a title word (checked against the titles) and what
# the office is of
_TITLE_APPOSITIVE = re.compile(r",[ \xa0]+(([A-Z][\w-]+)[ \xa0]+(?:of|for)[ \xa0]+[^,.;:“”\"]{1,100})[,.]")
_APPOSITIVE_AFTER = re.compile(r",[ \xa0]+((?:" + alternation("appositive_start") + r")\b[^,.;:“”\"]{0,120})[,.]")
# ", Keel Rowing Club head coach,", ", KRC team doctor.": one to three capitalised words (a body's name or
# acronym), then one to three lower-case words that end with a singular title or person word
_NAMED_BODY_TITLE = re.compile(r",[ \xa0]+((?:[A-Z][\w&’'-]*[ \xa0]+){1,3}"
                               r"([a-z][\w-]*(?:[ \xa0]+[a-z][\w-]*){0,2}))[,.]")
_APPOSITIVE_VETO = re.compile(r"\b(?:" + alternation("appositive_veto") + r")[ \xa0]+$")
# a verb in the past and its object ("Salem, a court fined a skipper …"): a clause, no appositive
_VERB_OBJECT = re.compile(r"\b(?:[a-z]+ed|" + alternation("irregular_past") + r")[ \xa0]+(?:a|an|the)[ \xa0]")
# a place ("Florida", data/place_names.csv) or a state's abbreviation ("Fla."): an appositive next to it ("in Jupiter,
# Fla., the campaign manager, Corey Lewandowski,") describes the person named after it, never the place
_STATE_ABBREVIATION = re.compile(r"(?:" + alternation("state_abbreviation") + r")\.")
_PLACES = place_names()
_GENERIC_MASCULINE = word_set("generic_masculine")   # "spokesman Ann Hicks": no gender over a listed first name
# a possessive ending ("Reuters'", "the ministry's"): an organisation word with it is still one
_POSSESSIVE_END = re.compile(r"['’]s?$")
_APPOSITIVE_BEFORE = re.compile(r"(?:^|[.;:(,]\s|\n)([^,.;:\n]{3,80}),[ \xa0]+$")
_LOWER_WORD_AFTER = re.compile(r"[ \xa0]+[a-z]")
_SENTENCE_OPENING_THE = re.compile(r"The[ \xa0]")
_PARENTHESES = re.compile(r"(?:[’']s?)?[ \xa0]*(?:[a-z]+[ \xa0]+)?\(([^()]{2,80})\)")
#: a paragraph of at most this many words that holds a date or a clock time is a dateline or time
#: stamp ("Last updated: 14 June 2024, 07:30 BST", "By Ann Lee | June 3, 2024"): its names refer to
#: nobody a descriptor or a pronoun of the article may mean
DATELINE_WORDS = 12
#: ... and so is the opening of a paragraph up to a dash within this many characters, when it holds
#: a date ("LONDON, June 3 (Wire) - ")
DATELINE_PREFIX_CHARS = 80
_DATE = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b(?:" + alternation("date_word") + r")\.?[ \xa0]+\d{1,4}\b|\b\d{1,2}"
                   r"(?:st|nd|rd|th)?[ \xa0]+(?:" + alternation("date_word") + r")\b")
_DATELINE_DASH = re.compile(r"[ \xa0][-–—][ \xa0]")
# a wire dateline with no date: a place in capitals, maybe its state or country, the agency in parentheses, a dash
_WIRE_DATELINE = re.compile(r"[A-Z][A-Z.'’-]+(?:[ \xa0][A-Z][A-Z.'’-]+){0,3}(?:,[ \xa0][A-Z][\w.]{1,14}"
                            r"(?:[ \xa0][A-Z][\w.]{1,14})?)?[ \xa0]\([^()\n]{2,40}\)[ \xa0]*[-–—][ \xa0]*"
                            # ... or a place in title case before an agency with no hyphen ("Washington (AFP) – ";
                            # not a party tag, "(D-Va.)")
                            r"|[A-Z][\w.'’]+(?:[ \xa0][A-Z][\w.'’]+){0,2}[ \xa0]\([A-Z][^()\n-]{1,39}\)[ \xa0]*[–—-]"
                            r"[ \xa0]*"
                            # ... or an agency alone in parentheses opening the paragraph ("(Harbor News) - ")
                            r"|\([A-Z][^()\n-]{1,39}\)[ \xa0]*[–—-][ \xa0]*"
                            # ... or a place in capitals (three letters at least) and a dash alone ("HARBORTOWN - ",
                            # "WASHINGTON — ")
                            r"|[A-Z]{3,}(?:[ \xa0][A-Z]{2,}){0,3}(?:,[ \xa0][A-Z][\w.]{1,14})?[ \xa0]+(?:[–—-]|--)"
                            r"[ \xa0]+")
# ... or a place in title case, a comma, a day of a month, maybe an agency, and a colon ("Portmore, July 3: ",
# "New Delhi, Jan 5 (PTI): "): the South Asian wires' form
_COLON_DATELINE = re.compile(r"[A-Z][\w.'’]+(?:[ \xa0][A-Z][\w.'’]+){0,2},[ \xa0]+(?:(?:" + alternation("date_word")
                             + r")\.?[ \xa0]+\d{1,2}|\d{1,2}[ \xa0]+(?:" + alternation("date_word") + r"))"
                             r"(?:[ \xa0]+\([^()\n]{2,40}\))?:[ \xa0]*")
_STAMP = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b(?:1[89]|20)\d\d\b")   # a clock time or a year
_LAST_TOKEN = re.compile(r"(\S+?)[\"”’']*\s*$")


@dataclass
class _Entity:
    name: str                     # fullest surface form (titles stripped)
    kind: str = "unknown"         # person | org | unknown
    gender: str = ""              # m | f | ''
    gender_listed: bool = False   # the gender is only the first-name list's (text pronouns may overrule it)
    descr: set = field(default_factory=set)   # 4-char stems of title/appositive words
    role_words: list = field(default_factory=list)
    before_title: bool = False    # written before a title and a person ("Harbor Voice secretary Tom Reyes")


@dataclass(frozen=True)
class _NameWords:
    """The role-rule words that shape a name (``data/role_rules.csv`` and a pack's)."""

    hon_m: dict      # male honorifics (Mr.)
    hon_f: dict      # female honorifics (Ms.)
    hon: dict        # every honorific
    titles: dict     # titles (minister, president)
    org: dict        # organisation words (ministry, party)
    person: dict     # person words and role keywords


def honorific(tok: str, table: dict) -> bool:
    """Is ``tok`` one of the honorifics ``table`` holds: with its period in any case ("Mr.", "MR."), without one
    ("Mr", "Dr": rows of their own) only in title case ("DR Congo", "MS Society" hold none)?"""
    low = tok.lower()
    return low in table and (low.endswith(".") or tok.istitle())


@lru_cache(maxsize=8)
def name_words(story=None) -> _NameWords:
    rules = lexicon(story)[2]
    hon_m, hon_f = rules.get("honorific_m", {}), rules.get("honorific_f", {})
    return _NameWords(hon_m, hon_f, {**hon_m, **hon_f, **rules.get("honorific", {})}, rules.get("title", {}),
                      rules.get("org", {}), {**rules.get("person", {}), **rules.get("keyword", {})})


@dataclass
class _Entities:
    """The entity table of one document."""

    common: set                                   # the document's common words (never a name)
    by_name: dict = field(default_factory=dict)   # name -> _Entity
    acronyms: dict = field(default_factory=dict)  # "ACR" -> "Long Name"
    canon: dict = field(default_factory=dict)     # name -> canonical (fullest) name
    mentions: list = field(default_factory=list)      # (start, end, name) outside quotes
    all_mentions: list = field(default_factory=list)  # (start, end, name)
    mention_starts: list = field(default_factory=list)
    person_starts: list = field(default_factory=list)  # starts of the mentions of persons, outside quotes
    all_starts: list = field(default_factory=list)
    names: dict = field(default_factory=dict)          # mention text -> :func:`_name_of` (a cache)
    datelines: list = field(default_factory=list)      # sorted, disjoint (start, end) of datelines
    dateline_starts: list = field(default_factory=list)
    first_at: dict | None = None   # canonical name -> start of its first mention (any): :meth:`first_mention`
    holders_of: dict | None = None   # descriptor stem -> canonical names of the persons with it: :meth:`role_holders`
    starts_of: dict | None = None    # canonical name -> starts of its mentions (any), sorted: :meth:`mention_starts_of`
    word_owners: dict | None = None  # lower-case word -> canonical persons and organisations with it: :meth:`owners_of`

    def first_mention(self, name: str, default: int) -> int:
        """Where the first mention (in quotes or not) of the canonical ``name`` starts, else ``default``; the table
        is built on the first call, in one pass over the mentions."""
        if self.first_at is None:
            self.first_at = {}
            for s, _, n in reversed(self.all_mentions):
                self.first_at[self.canon.get(n, n)] = s
        return self.first_at.get(name, default)

    def role_holders(self, hstem: str) -> frozenset:
        """The canonical names of the persons whose descriptors hold the stem ``hstem``; the index is built on the first
        call, in one pass over the entities (so no rule that asks per description reads every entity)."""
        if self.holders_of is None:
            self.holders_of = {}
            for n, ent in self.by_name.items():
                if ent.kind == "person":
                    for st in ent.descr:
                        self.holders_of.setdefault(st, set()).add(self.canonical(n))
        return frozenset(self.holders_of.get(hstem, ()))

    def mention_starts_of(self, name: str) -> list:
        """The starts of the mentions (in quotes or not) of the canonical ``name``, in text order; the index is built
        on the first call, in one pass over the mentions."""
        if self.starts_of is None:
            self.starts_of = {}
            for s, _, n in self.all_mentions:
                self.starts_of.setdefault(self.canonical(n), []).append(s)
        return self.starts_of.get(name, [])

    def owners_of(self, word: str) -> frozenset:
        """The canonical names of the persons and organisations that have the lower-case ``word`` in their name or
        among their role words; the index is built on the first call, in one pass over the entities."""
        if self.word_owners is None:
            self.word_owners = {}
            for n, ent in self.by_name.items():
                if ent.kind in ("person", "org"):
                    c = self.canonical(n)
                    for w in {*ent.role_words, *(x.lower() for x in n.split())}:
                        self.word_owners.setdefault(w, set()).add(c)
        return frozenset(self.word_owners.get(word, ()))

    def in_dateline(self, i: int) -> bool:
        """Is position ``i`` inside a dateline or time stamp (:func:`datelines`)?"""
        return self.after_dateline(i) > i

    def after_dateline(self, i: int) -> int:
        """The end of the dateline holding position ``i``, else ``i``."""
        k = bisect.bisect_right(self.dateline_starts, i) - 1
        return self.datelines[k][1] if k >= 0 and i < self.datelines[k][1] else i

    def canonical(self, n: str) -> str:
        """The canonical name of a name as written ('' for a common word)."""
        n = n.strip()
        if n in self.acronyms:
            return self.acronyms[n]
        if n in self.canon:
            return self.canon[n]
        if n.lower() in self.common:
            return ""
        return n


def find_entities(dm) -> _Entities:
    """The entity table of the document model ``dm`` (see the module docstring for the steps)."""
    w = name_words(dm.story)
    table = _Entities(dm.common)
    table.datelines = datelines(dm)
    table.dateline_starts = [a for a, _ in table.datelines]
    for m in NAME_RE.finditer(dm.text):
        for s, e, nm, pre in split_name(dm, m.start(), m.group()):
            s, nm = _after_clock_suffix(dm.text, s, nm)   # ("8:38PM Harbor Board …")
            if nm:
                _add_mention(dm, table, w, s, e, nm, pre)
    _merge_canonical(table, dm.text.find("\n"))
    ents = table.by_name
    table.mention_starts = [m[0] for m in table.mentions]
    _pronoun_genders(dm, table, w)
    _names_before_titles(dm.text, table, w)
    table.person_starts = [m[0] for m in table.mentions
                           if (ents.get(table.canon.get(m[2], m[2])) or _Entity("")).kind == "person"]
    table.all_starts = [m[0] for m in table.all_mentions]
    return table


_CLOCK_SUFFIX = word_set("clock_suffix")


def _after_clock_suffix(t: str, s: int, nm: str) -> tuple[int, str]:
    """The mention ``t[s:]`` (``nm``) without a clock suffix written against the digits before it ("9:12PM Lee
    Thinks …": "Lee Thinks …"); ``(s, nm)`` when it opens with none."""
    if s == 0 or not t[s - 1].isdigit():
        return s, nm
    head = nm.split(maxsplit=1)
    if head[0] not in _CLOCK_SUFFIX:
        return s, nm
    if len(head) == 1:
        return s, ""
    k = nm.index(head[1], len(head[0]))
    return s + k, nm[k:]


_PREPOSITION_END = re.compile(r"\b(?:" + "|".join(sorted(_PREPOSITION)) + r")[ \xa0]+$", re.I)


def _pronoun_genders(dm, table: _Entities, w: _NameWords) -> None:
    """Gender from the text: a he/his/himself or she/herself/hers outside quotes after a name that
    opens its sentence (within :data:`SUBJECT_WORDS` words and 80 characters, no comma before it;
    after a name and title words, the name after them: "Harbor FC president Joan Ferrer"),
    with no other name between, gives that name (and its canonical form) the pronoun's gender,
    unless it has one or is an organisation ("Ann Lee said she would stay"). A gender that is only
    the first-name list's yields to :data:`PRONOUN_VOTES` such pronouns of the other gender and none
    of its own ("Joan Ferrer gave his reaction. … Ferrer said he …": Joan is a man's name
    in Catalan). One pass over the pronouns, each a bisection and a bounded look."""
    t, ents, starts = dm.text, table.by_name, table.mention_starts
    votes: dict[str, list[str]] = {}
    for m in _GENDER_PRON_RE.finditer(t):
        p = m.start()
        if dm.in_quote(p):
            continue
        ss = dm.sent_start(p)
        a, b = bisect.bisect_left(starts, ss), bisect.bisect_left(starts, p)
        if a == b:
            continue
        if b - a > 1 and _titles_between(t, table.mentions[a][1], table.mentions[a + 1][0], w):
            a += 1
        s0, e0, n0 = table.mentions[a]
        c = table.canon.get(n0, n0)
        g = _GENDER_PRON[m.group().lower()]
        if s0 - ss > 80 or _honorific_of_other(t[s0:e0], ents.get(c), g, w):
            continue   # (a bounded slice: never the length of a long sentence per pronoun)
        pre = t[ss:s0]
        if "," in pre or count_words(pre) > SUBJECT_WORDS or _PREPOSITION_END.search(pre):
            continue   # (not "The tension between Lee and the minister rose when she …": Lee is no subject)
        if any(table.canon.get(n, n) != c for _, _, n in table.mentions[a + 1:min(b, a + 8)]) or b - a > 8:
            continue
        votes.setdefault(c, []).append(g)
        for x in (n0, c):
            ent = ents.get(x)
            if ent is not None and not ent.gender and ent.kind != "org":
                ent.gender = g
    _overrule_listed_genders(table, votes)


def _names_before_titles(t: str, table: _Entities, w: _NameWords) -> None:
    """Marks ``before_title`` every name of unknown kind written right before lower-case title words and a
    person ("Harbor Voice secretary Tom Reyes", "Harbor FC president Joan Ferrer"): it modifies the title, as an
    organisation or a place does, and is no person itself."""
    ents, mentions = table.by_name, table.all_mentions
    for (_, e, n), (s, _, n2) in zip(mentions, mentions[1:]):
        ent, nxt = ents.get(table.canon.get(n, n)), ents.get(table.canon.get(n2, n2))
        if ent is not None and nxt is not None and ent.kind == "unknown" and not ent.gender \
                and nxt.kind == "person" and _titles_between(t, e, s, w):
            ent.before_title = True


def _titles_between(t: str, e: int, s: int, w: _NameWords) -> bool:
    """Is ``t[e:s]`` one to three lower-case title or person words ("president", "chief executive")?"""
    gap = t[e:s].split() if s - e <= 40 else []
    return 0 < len(gap) <= 3 and all(x.islower() and (x in w.titles or x in w.person) for x in gap)


def _honorific_of_other(mention: str, ent, pronoun: str, w: _NameWords) -> bool:
    """Does the mention open with an honorific of a gender other than the pronoun's (``pronoun``: m or f; "Ms Lind
    called her husband strong for his years": "his" is no vote on her) or than the one the first-name list gives its
    canonical entity ``ent`` ("Mr Lind" for "Anna Lind": her husband, whom the text merges with her by the surname)?
    Then the pronoun is no vote on ``ent``."""
    first = mention.split(maxsplit=1)[0]
    g = "m" if honorific(first, w.hon_m) else "f" if honorific(first, w.hon_f) else ""
    return g != "" and (g != pronoun or ent is not None and ent.gender_listed and g != ent.gender)


def _overrule_listed_genders(table: _Entities, votes: dict[str, list[str]]) -> None:
    """Each canonical name whose gender is only the first-name list's and whose text pronouns
    (``votes``) are :data:`PRONOUN_VOTES` or more, all of the other gender, takes that gender; one
    whose text pronouns include its gender has it from the text (with every name whose canonical form
    it is, both)."""
    ents = table.by_name
    decided = {}
    for c, gs in votes.items():
        if c in ents and ents[c].gender_listed:
            if ents[c].gender in gs:
                decided[c] = ents[c].gender
            elif len(gs) >= PRONOUN_VOTES:
                decided[c] = gs[0]
    if not decided:
        return
    for n, c in [(c, c) for c in decided] + list(table.canon.items()):
        if c in decided and n in ents:
            ents[n].gender, ents[n].gender_listed = decided[c], False


def datelines(dm) -> list[tuple[int, int]]:
    """``(start, end)`` of the datelines and time stamps of the document model ``dm``: a paragraph
    of at most :data:`DATELINE_WORDS` words that holds a clock time or a date with a year, no speech
    verb, and does not end as a sentence does (:func:`_ends_sentence`); or the opening of a
    paragraph up to a dash within :data:`DATELINE_PREFIX_CHARS` characters that holds a date
    ("LONDON, June 3 (Wire) - "), a wire dateline with no date ("DENVER, Colo. (Wire) - ", "(Wire) - ", "HARBORTOWN - ")
    or one with a colon ("Portmore, July 3: "). Each
    paragraph is read once, in a bounded window."""
    text, out = dm.text, []
    for a, b in dm.paras:
        m = _WIRE_DATELINE.match(text, a, b) or _COLON_DATELINE.match(text, a, b)
        if m is not None:
            out.append((a, m.end()))   # "DENVER, Colo. (Wire) - ": a place in capitals, an agency, a dash
            continue
        if _DATE.search(text, a, min(b, a + DATELINE_PREFIX_CHARS * 4)) is None:
            continue
        if b - a <= DATELINE_PREFIX_CHARS * 4:
            para = text[a:b]
            if count_words(para) <= DATELINE_WORDS and _STAMP.search(para) and dm.verb_re.search(para) is None \
                    and not _ends_sentence(para):
                out.append((a, b))
                continue
        m = _DATELINE_DASH.search(text, a, min(b, a + DATELINE_PREFIX_CHARS))
        if m is not None and _DATE.search(text, a, m.start()) is not None:
            out.append((a, m.end()))
    return out


def _ends_sentence(para: str) -> bool:
    """Does ``para`` end as a sentence: ``.!?`` not ending an abbreviation ("07:30 a.m." does not)?"""
    m = _LAST_TOKEN.search(para)
    last = m.group(1) if m else ""
    return last[-1:] in ("!", "?") or (last.endswith(".") and last.lower() not in _ABBR)


def _org_name_start(toks: list[str], common, w: _NameWords) -> int | None:
    """Where the name of an organisation opens in the capitalised run ``toks``, or None when no word
    of it is an organisation word: at its "the" when only common, closed-class or clause-opening
    words come before it ("While the Harbor Department"), else at the first word ("Ann Lee of the
    Harbor Institute" is a person's run, cut later)."""
    org_at = next((j for j, x in enumerate(toks) if x.lower() in w.org), None)
    if org_at is None:
        return None
    the = next((j for j in range(org_at - 1, -1, -1) if toks[j].lower() == "the"), 0)
    lead = (x.lower() for x in toks[:the])
    return the if all(x in common or x in _STOP_PRE or x in _CLAUSE_OPENER for x in lead) else 0


def _person_of_cut(toks: list[str], w: _NameWords) -> int:
    """Where the person's name ends in a run "<person> of <place or body>" ("Sen. Ann Lee of Texas",
    "Stephen Vale of the Harbor Institute"): the index of its first "of" when the one to three capitalised
    words before it (after honorifics and titles), none an organisation word, follow an honorific or title or
    open with a first name of list ``first_name_gender``; else 0 ("Bank of America", "Secretary of State Ann
    Lee", "President of France", "the Virginia Department of Health" stay whole)."""
    j = next((i for i, x in enumerate(toks) if x == "of"), 0)
    if j < 2:
        return 0
    i0 = 0
    while i0 < j and (honorific(toks[i0], w.hon) or toks[i0].lower() in w.titles):
        i0 += 1
    person = toks[i0:j]
    if not 1 <= len(person) <= 3 or not all(x[:1].isupper() and x.lower() not in w.org for x in person) \
            or any(x.lower() in w.titles for x in person):
        return 0   # (no organisation word: "the Virginia Department of Health" is no person; no title word: "Deputy
        # Deputy Chief Whip of Parliament Ann Lee" is a title of the body, then the person)
    return j if i0 > 0 or person[0] in first_name_genders() else 0


def _strip_head(toks: list[str], common, w: _NameWords):
    """Leading common words, honorifics and titles off a mention's words, then the words up to
    its last title word ("Defense Minister Ana Ruiz" -> "Ana Ruiz").

    Returns ``(words, gender, descriptor stems)``, or None for a title phrase that is no name
    ("President of France").
    """
    gender = ""
    descr = set()
    # leading common words, connectors and honorifics are skipped with an index (popping the
    # head of a list, once per word, costs the square of a long run of capitalised words)
    # the words of an organisation's name stay even when the text also writes them in lower case
    # ("The Ministry of Health …, the ministry said", "Water Board"): only closed-class words go
    org_start = _org_name_start(toks, common, w)
    org_name = org_start is not None
    i0, nt = org_start or 0, len(toks)
    # an organisation's name that ends with its organisation word keeps its title words ("Coastal Defense Agency")
    titles = {} if toks[-1].lower() in w.org else w.titles
    # (a title the text also writes in lower case is left to the titles: "Senator Ann Lee" when it says "the senator")
    while i0 < nt and ((toks[i0].lower() in common and not org_name and toks[i0].lower() not in w.titles)
                       or toks[i0].lower() in _STOP_PRE or toks[i0].lower() in _FRONTED_ADVERB
                       or _portfolio_before_name(toks, i0, org_name)) and nt - i0 > 1:
        if toks[i0].lower() in _PORTFOLIO:
            descr.add(stem(toks[i0]))   # ("Interior Minister Ann Lee": "the interior minister")
        i0 += 1
        while i0 < nt and _CONN_WORD.fullmatch(toks[i0]) and nt - i0 > 1:
            i0 += 1
    while i0 < nt and (honorific(toks[i0], w.hon) or toks[i0].lower() in titles
                       or _person_noun_before_name(toks, i0, org_name, w)):
        tk = toks[i0]
        i0 += 1
        if honorific(tk, w.hon_m):
            gender = "m"
        elif honorific(tk, w.hon_f):
            gender = "f"
        descr.add(stem(tk))
    toks = toks[i0:]
    if descr:
        toks = toks[_title_of_end(toks):]   # "Chief of Staff Ann Lee": Ann Lee
    for j in range(len(toks) - 1, -1, -1):
        if toks[j].lower() in titles and j < len(toks) - 1 \
                and not (org_name and all(x.lower() in _PORTFOLIO for x in toks[j + 1:])):
            # (not in an organisation's name before its portfolio: "the Ministry of Foreign Affairs" is no "Affairs")
            descr.update(stem(x) for x in toks[: j + 1])
            toks = toks[j + 1:]
            toks = toks[_title_of_end(toks):]   # "U.S. Secretary of State Ann Lee": Ann Lee
            break
        if _place_honorific(toks, j, w):
            gender = "m" if honorific(toks[j], w.hon_m) else "f" if honorific(toks[j], w.hon_f) else gender
            descr.add(stem(toks[j]))
            toks = toks[j + 1:]
            break
    if descr and toks and _CONN_WORD.fullmatch(toks[0]):
        return None  # "President of France": a title phrase, not a name
    if toks and toks[0].lower() == "the":
        toks = toks[1:]
    return toks, gender, descr


_TITLE_MODIFIER = word_set("title_modifier")
_FRONTED_ADVERB = word_set("fronted_adverb")   # ("Earlier Ann Lee said": no word of the name)
_PORTFOLIO = word_set("portfolio_word")


def _portfolio_before_name(toks: list[str], i: int, org_name: bool) -> bool:
    """Is ``toks[i]`` a word of list ``portfolio_word`` before at least two more words, outside an organisation's
    name ("Minister of Industry and Trade Tam Van Loc": the run "Trade Tam Van Loc" opens with the end of the
    title; not "Health Canada", whose one word left would be no personal name)?"""
    return not org_name and len(toks) - i > 2 and toks[i].lower() in _PORTFOLIO


def _demonym_title(toks: list[str], w: _NameWords) -> bool:
    """Are ``toks`` a demonym and a title phrase ("Greek PM", "Danish Foreign Minister")? Then they describe a person
    and name none."""
    return len(toks) > 1 and toks[0].lower() in _DEMONYM and _title_phrase(toks[1:], w)


def _title_phrase(toks: list[str], w: _NameWords) -> bool:
    """Are ``toks`` a title and the words of list ``title_modifier`` before it ("Prime Minister", "Minority Leader")?
    Then "the Prime Minister" describes a person and names none."""
    return toks[-1].lower() in w.titles and all(x.lower() in w.titles or x.lower() in _TITLE_MODIFIER for x in toks)


def _person_noun_before_name(toks: list[str], i: int, org_name: bool, w: _NameWords) -> bool:
    """Is ``toks[i]`` a person noun written with a capital (it opens a sentence or a headline) before a name of two
    capitalised words or more ("Analyst Ann Lee said", "Farmer Joe Berg")? Then it describes the name, as a title
    does, and is no part of it. Never inside an organisation's name ("Student Loan Board")."""
    return not org_name and len(toks) - i >= 3 and toks[i].lower() in w.person \
        and all(x[:1].isupper() and x.lower() not in w.org for x in toks[i + 1:])


def _title_of_end(toks: list[str]) -> int:
    """After a title, the end of its "of <Word>" ("Chief of Staff Ann Lee", "Secretary of State Ann Lee": 2) when two
    capitalised words or more follow it (the name), and past the words of list ``portfolio_word`` after it that leave
    two ("Minister of Home Affairs Dao Kim Tuyen": 3); the same for "for" before a portfolio word ("Minister for Justice
    Helen Moss"; not "TD for Keelby South Tom Lee"); else 0 ("President of France" is no name)."""
    if len(toks) >= 4 and toks[0] in ("of", "for") and toks[1][:1].isupper() \
            and all(x[:1].isupper() for x in toks[2:]) and (toks[0] == "of" or toks[1].lower() in _PORTFOLIO):
        k = 2
        while len(toks) - k > 2 and toks[k].lower() in _PORTFOLIO:
            k += 1
        return k
    return 0


#: the words before a mention are read in at most this many characters before it (five words of 24 letters)
WORDS_BEFORE_CHARS = 125


def _words_before(pre: str) -> list[str]:
    """Up to four words right before a mention, back to the first closed-class word."""
    out = []
    if len(pre) > WORDS_BEFORE_CHARS:   # (only the last words count: a long clause is not read whole)
        cut = len(pre) - WORDS_BEFORE_CHARS
        space = pre.find(" ", cut)
        pre = pre[space + 1 if space >= 0 else cut:]
    for x in reversed(WORD_RE.findall(pre)[-5:]):
        if x.lower() in _STOP_PRE or x.lower() in _FINITE_SPEECH_VERB:
            break   # (nor a speech verb: "Harbor leader calls Ann Vale …" gives her no title)
        out.insert(0, x)
    return out[-4:]


#: one-word finite speech verbs ("calls", "accused"): no descriptor of the name after them
_FINITE_SPEECH_VERB = frozenset(r["phrase"].lower() for r in read_csv_rows("speech_verbs.csv")
                                if " " not in r["phrase"] and r["phrase"].endswith(("s", "ed")))


_NEGATED_AUX = ("n't", "n’t")
_PRONOUN_WORDS = word_set("pronoun_subject") | word_set("object_pronoun")


def _name_of(nm: str, common, w: _NameWords):
    """What the words of the mention ``nm`` alone say: ``(name, gender, descriptor stems, is an
    organisation by its words, the lower-case words before the name proper, the gender is only the
    first-name list's)``, or None for no name.
    A function of ``nm`` and the document's common words only, so remembered per document."""
    head = _strip_head(nm.split(), common, w)
    if head is None:
        return None
    toks, gender, descr = head
    if not toks:
        return None
    name = " ".join(toks)
    if len(name) < 2 or name in _TIME_ZONE or toks[0].endswith(_NEGATED_AUX) or _title_phrase(toks, w) \
            or len(toks) == 1 and name.lower() in _PRONOUN_WORDS:   # ("square.He said": a pronoun, glued)
        return None   # "07:30 BST": a time zone is no name; nor is "Don't" ("Don't look at it: Ruiz")
    lw = [x.lower() for x in toks]
    # an organisation word, maybe with a possessive or plural ending ("Harbor Logistics Services"), but a personal
    # name of two words has no plural ending ("Tom Banks" is no bank)
    plural = not (len(toks) == 2 and toks[0] in first_name_genders())
    org = any(x in w.org or x.rstrip(".") in w.org   # ("Harbor Foods Inc.")
              or (x.replace("’", "'").rstrip("'s") if plural else _POSSESSIVE_END.sub("", x)) in w.org
              for x in lw) or \
        (_ACRONYM.fullmatch(name) is not None)
    listed = not gender and not org and len(toks) > 1
    if listed:
        gender = first_name_genders().get(toks[0], "")   # "Ann Lee": a first name of one clear gender
    return name, gender, frozenset(descr), org, [d.lower() for d in nm.split()[:-len(toks)]], listed


def _add_mention(dm, table: _Entities, w: _NameWords, s: int, e: int, nm: str, pre: str) -> None:
    """Record the mention ``text[s:e]`` (name ``nm``, text ``pre`` before it in its clause)."""
    t = dm.text
    info = table.names.get(nm, table)
    if info is table:
        info = table.names[nm] = _name_of(nm, dm.common, w)
    if info is None:
        return
    name, gender, descr, org, head_words, listed = info
    pre_words = _words_before(pre)
    ent = table.by_name.get(name)
    if ent is None:
        ent = table.by_name[name] = _Entity(name)
    if gender:
        ent.gender, ent.gender_listed = gender, listed
    if pre_words and (not ent.gender or ent.gender_listed and pre_words[-1].lower() not in _GENERIC_MASCULINE) \
            and noun_gender(pre_words[-1]):
        ent.gender, ent.gender_listed = noun_gender(pre_words[-1]), False   # "first lady Ann Lee"
    if org or (pre_words and pre_words[-1].lower() in _ORG_NOUN_BEFORE_NAME and not gender):
        ent.kind = "org"   # ("tech giant Samsung", "carmaker Volvo")
    elif gender or descr or (pre_words and pre_words[-1].lower() in w.person):
        if ent.kind != "org":
            ent.kind = "person"
    ent.descr |= descr
    if pre_words:
        ent.descr.update(stem(x) for x in pre_words)
        ent.role_words += [x.lower() for x in pre_words]
    ent.role_words += head_words
    _appositives(t, s, e, ent, w, dm.verb_re)
    _acronym_in_parentheses(t, e, name, table.acronyms, _joined_before(t, s, table.all_mentions))
    table.all_mentions.append((s, e, name))
    if not dm.in_quote(s):
        table.mentions.append((s, e, name))


def _speech_verb_opens_clause(part: str, verb_re) -> bool:
    """Does a speech verb follow the noun phrase that opens ``part`` with no relative pronoun before it ("…, the
    President said he would act …": the clause's subject, no appositive; not "…, a lawyer who said …")?"""
    m = verb_re.search(part) if verb_re is not None else None
    return m is not None and not _RELATIVE_BEFORE.search(part, 0, m.start())


_RELATIVE_BEFORE = re.compile(r"\b(?:who|which|that|whose)\b")


def _appositives(t: str, s: int, e: int, ent: _Entity, w: _NameWords, verb_re=None) -> None:
    """Descriptor stems and role words from an appositive after the mention ``t[s:e]``
    (", a former minister,") or before it ("the minister, X,")."""
    # both patterns need a comma next to the mention: tried only then (the same matches, fewer tries)
    am = _APPOSITIVE_AFTER.match(t[e:e + 140]) if t.startswith(",", e) else None
    if am and (_APPOSITIVE_VETO.search(t[max(0, s - 12):s]) or _VERB_OBJECT.search(am.group(1))
               or _speech_verb_opens_clause(am.group(1), verb_re)):
        am = None
    if am is None and t.startswith(",", e):
        # ", Minister of Health,": a capitalised title word (no place has one: the veto does not apply)
        am = _TITLE_APPOSITIVE.match(t[e:e + 140])
        am = am if am is not None and am.group(2).lower() in w.titles else None
    if am is None and t.startswith(",", e):
        bm = _body_title_appositive(t, e, w)
        if bm is not None and not is_place(ent.name):
            ent.descr |= {stem(x) for x in bm.group(2).split()}
            ent.role_words += [x.lower() for x in WORD_RE.findall(bm.group(1))]
            if ent.kind != "org":
                ent.kind = "person"
    if am:
        words = WORD_RE.findall(am.group(1))
        head = _up_to_head(words)
        ent.descr |= {stem(x) for x in head}
        ent.role_words += [x.lower() for x in words]
        if any(x.lower() in w.person for x in words) and ent.kind != "org" and not is_place(ent.name):
            ent.kind = "person"
        if any(x.lower() in w.org for x in words[:3]) and not (head and head[-1].lower() in w.person):
            ent.kind = "org"   # ", a shipping company," (not ", the government spokesman,": a person)
    # appositive before: "DESC, Name," (descriptor segment ends right before); or, with no comma after the name, a
    # definite description that opens its sentence ("The Minister of Health, Ann Lee has refuted …")
    if s < 3 or t.find(",", s - 3, s) < 0:
        return   # (no comma right before the mention: the common case, decided without a call)
    closed = t[e:e + 1] in (",", ".")
    if not (closed or _LOWER_WORD_AFTER.match(t, e)) or not _comma_spaces_before(t, max(0, s - 90), s):
        return
    bm = _APPOSITIVE_BEFORE.search(t[max(0, s - 90):s])
    if bm and (closed or _SENTENCE_OPENING_THE.match(bm.group(1))
               and not t[max(0, s - 90) + bm.start(1) - 2:max(0, s - 90) + bm.start(1)].startswith(",")):
        words = WORD_RE.findall(bm.group(1))
        if words and words[0][0].islower() or (words and words[0].lower() in _DETERMINER):
            ent.descr |= {stem(x) for x in words}
            ent.role_words += [x.lower() for x in words]
            if any(x.lower() in w.person for x in words) and ent.kind != "org" and not is_place(ent.name):
                ent.kind = "person"


def _body_title_appositive(t: str, e: int, w: _NameWords):
    """The match of ``_NAMED_BODY_TITLE`` after the mention ending at ``e`` when its lower-case words end with a
    singular title or person word (", Keel Rowing Club head coach,"; not ", Paris police said"), else None."""
    m = _NAMED_BODY_TITLE.match(t[e:e + 100])
    if m is None:
        return None
    head = m.group(2).split()[-1]
    ok = head in w.titles or head in w.person and singular_person("the " + m.group(2))
    return m if ok else None


def is_place(name: str) -> bool:
    """Is ``name`` a listed place or people (``data/place_names.csv``) or a state's abbreviation ("Fla.")?"""
    return name.lower() in _PLACES or _STATE_ABBREVIATION.fullmatch(name) is not None


def _up_to_head(words: list[str]) -> list[str]:
    """The words of an appositive up to its head: before its first connector or preposition that opens a noun phrase
    of its own, a determiner or a capitalised word after it ("a deputy of the Harbor County Sheriff's Office" -> "a
    deputy": the sheriff is someone else; "a professor of law" stays whole). (Its descriptors; the kind and role
    words still read the whole appositive.)"""
    cut = next((k for k, x in enumerate(words[:-1]) if k and x.lower() in HEAD_CUT
                and (words[k + 1].lower() in _DETERMINER or words[k + 1][:1].isupper())), len(words))
    return words[:cut]


def _comma_spaces_before(t: str, lo: int, s: int) -> bool:
    """Does ``t[lo:s]`` end with a comma and one space or more (as ``_APPOSITIVE_BEFORE`` needs)?"""
    k = s
    while k > lo and t[k - 1] in " \xa0":
        k -= 1
    return lo < k < s and t[k - 1] == ","


def _acronym_in_parentheses(t: str, e: int, name: str, acronyms: dict, before: str = "") -> None:
    """"Long Name (ACR)" or "ACR (Long Name)" right after a mention: record the acronym. ``before``: the mention
    that "and" joins to this one ("Office for Coastal Safety and Rescue (OCS)": "and" cuts the name in two),
    whose name the acronym then stands for."""
    if t.find("(", e, e + 100) < 0:
        return   # no parenthesis to match
    pm = _PARENTHESES.match(t[e:e + 100])
    if pm:
        inner = pm.group(1).strip()
        if _ACRONYM.fullmatch(inner) and acronym_of(inner, name):
            acronyms[inner] = name
        elif _ACRONYM.fullmatch(inner) and before and acronym_of(inner, f"{before} and {name}"):
            acronyms[inner] = before
        elif _ACRONYM.fullmatch(name) and acronym_of(name, inner):
            acronyms[name] = inner


def _joined_before(t: str, s: int, mentions: list) -> str:
    """The name of the mention right before ``s`` when only " and " lies between, else ''."""
    if not mentions or not t.startswith(" and ", s - 5):
        return ""
    _, pe, pn = mentions[-1]
    return pn if pe == s - 5 else ""


#: the fewest letters of an acronym read as the initials of an organisation the text names in full
ACRONYM_MIN_LETTERS = 3
#: ... and the fewest with which it may come before the full name ("KIFF says …" in a headline, "the Keel
#: International Film Festival" after it), which need not be known as an organisation (but not as a person either)
INITIALS_ANYWHERE_LETTERS = 4
#: the most letters of an acronym read as the initials of a name: a name's initials are indexed up to this length, so
#: a run of thousands of capitalised words costs no square of its length
ACRONYM_MAX_LETTERS = 12
#: the longest title-case word taken for an acronym the text also writes in capitals ("Unicef"; not "Washington")
TITLE_CASE_ACRONYM_LETTERS = 6
_NOT_INITIALS = word_set("acronym_not_initials")
_ACRONYM_COMMON_NOUN = word_set("acronym_common_noun")


def _acronyms_by_initials(table: _Entities) -> None:
    """An acronym no parentheses defined ("the NRSA said") stands for the organisation the text named in full before
    it (or, of :data:`INITIALS_ANYWHERE_LETTERS` letters or more, for a name of no known kind and no gender anywhere in
    the text), when that is the only name of the text (of any kind) whose initials, function words left out, the
    acronym is or begins ("Northern Rail Safety Agency"), and the acronym is no common abbreviation or another body's
    usual name (list ``acronym_not_initials``: "CEO", "NBC"); else for itself. Each name's initials are indexed once
    (no pairs of names)."""
    first: dict[str, int] = {}
    for s_, _, n in table.all_mentions:
        first.setdefault(n, s_)
    by_initials: dict[str, set] = {}
    for n in table.by_name:
        if " " in n:
            ini = name_initials(n)
            for k in range(ACRONYM_MIN_LETTERS, min(len(ini), ACRONYM_MAX_LETTERS) + 1):   # (linear in a long run)
                by_initials.setdefault(ini[:k], set()).add(n)
    for n in table.by_name:
        a = n.rstrip(".")   # ("… according to the NRSA.": a capital before the period keeps it, as in "U.S.")
        if n in table.acronyms or len(a) < ACRONYM_MIN_LETTERS or not _ACRONYM.fullmatch(a) \
                or a.lower() in _NOT_INITIALS:
            continue
        full = by_initials.get(a.lower(), ())
        if len(full) == 1:
            (f,) = full
            ent = table.by_name[f]
            before = first.get(f, 0) < first.get(n, 0)
            if ent.kind == "org" and before \
                    or ent.kind == "unknown" and not ent.gender \
                    and (len(a) >= INITIALS_ANYWHERE_LETTERS or before and table.by_name[n].kind == "org"):
                # (a short acronym the text treats as a body, "says the UNK", for a name of its initials given before)
                table.acronyms[n] = table.acronyms[a] = f
    _acronyms_in_title_case(table)


def _acronyms_in_title_case(table: _Entities) -> None:
    """A one-word name of at most :data:`TITLE_CASE_ACRONYM_LETTERS` letters written in title case whose upper-case form
    the text also uses ("Kacc" for "KACC", "Nato" for "NATO") stands for what that form stands for; not a place
    ("Washington" after a dateline's "WASHINGTON")."""
    for n in table.by_name:
        up = n.upper()
        if ACRONYM_MIN_LETTERS <= len(n) <= TITLE_CASE_ACRONYM_LETTERS and n.istitle() and n.isalpha() \
                and n not in table.acronyms and not is_place(n):
            target = table.acronyms.get(up) or (up if up in table.by_name else None)
            if target is not None:
                table.acronyms[n] = target


def _merge_canonical(table: _Entities, headline_end: int) -> None:
    """Canonical names for the table, then each canonical entity pools the gender, kind,
    descriptors and role words of its shorter forms (and they take its gender and kind). ``headline_end``: where the
    text's first line ends (-1 if it has one line)."""
    ents = table.by_name
    _acronyms_by_initials(table)
    placed = _place_then_name(ents)
    names = sorted((n for n in ents if n not in placed), key=len, reverse=True)
    table.canon = canonical_names(names, ents, table.acronyms)
    for n, target in placed.items():
        table.canon[n] = table.canon.get(target, target)
    table.canon.update(_surnames_alone(table.canon, ents, table.common, _first_in_body(table, headline_end)))
    table.canon.update(_first_names_alone(table.canon, ents, table.common))
    for n, c in list(table.canon.items()):
        if c in ents and n in ents:
            en, ec = ents[n], ents[c]
            if not ec.gender:
                ec.gender, ec.gender_listed = en.gender, en.gender_listed
            if en.kind != "unknown" and ec.kind == "unknown":
                ec.kind = en.kind
            ec.descr |= en.descr
            ec.role_words += en.role_words
    for n, c in table.canon.items():
        if c in ents and n in ents:
            if ents[c].gender:
                ents[n].gender, ents[n].gender_listed = ents[c].gender, ents[c].gender_listed
            if ents[n].kind == "unknown":
                ents[n].kind = ents[c].kind


_NAME_PREFIX = re.compile(r"Mc|Mac|O[’']")


def name_shaped(w: str) -> bool:
    """Is ``w`` written as a personal name: a capital, then lower-case letters of any alphabet, maybe after
    "Mc"/"Mac"/"O’", maybe parts joined by hyphens, each lower case or capitalised ("Vandeleur", "McAdoo",
    "Lind-Ruiz", "Bożena", "Çelik"; not "MPs", "MEPs", "U.S.")?"""
    m = _NAME_PREFIX.match(w)
    return _capitalised_parts(w) or (m is not None and _capitalised_parts(w[m.end():]))


def _capitalised_parts(w: str) -> bool:
    first, *rest = w.split("-")
    return _capitalised(first) and all(p.isalpha() and (p.islower() or _capitalised(p)) for p in rest)


def _capitalised(p: str) -> bool:
    return len(p) > 1 and p[0].isupper() and p.isalpha() and p[1:].islower()


def _first_in_body(table: _Entities, headline_end: int) -> dict[str, int]:
    """Where each name is first mentioned after the headline (the first line, ``headline_end``)."""
    first: dict[str, int] = {}
    for s_, _, n in table.all_mentions:
        if s_ > headline_end:
            first.setdefault(n, s_)
    return first


def _surnames_alone(canon: dict, ents: dict, common, first: dict) -> dict[str, str]:
    """One-word names written as a surname ("Vandeleur") that are their own canonical form, each to the one name of
    two or more such words of no known kind that ends with it ("mediator Oskel Vandeleur … Vandeleur was asked"),
    its first word of three letters or more, no closed-class word ("Our Keelby", "Unless Harbor") nor a word the
    text writes in lower case, and no word of either a place, when the body names the whole first (``first``: first
    mention after the headline; not "Keelby …" before a quoted "‘Mirador Keelby’"): news names a person in full,
    then by the surname, and a first name missing from list ``first_name_gender`` (so no known person:
    :func:`canonical_names`) leaves the two apart."""
    closed = closed_class_words()

    def name_word(w: str) -> bool:
        return name_shaped(w) and w.lower() not in common and not is_place(w)

    by_last: dict[str, list[str]] = {}
    for c, ent in ents.items():
        toks = c.split()
        if len(toks) > 1 and ent.kind == "unknown" and canon.get(c, c) == c and len(toks[0]) > 2 \
                and toks[0].lower() not in closed and all(name_word(w) for w in toks) and not is_place(c):
            by_last.setdefault(toks[-1], []).append(c)
    return {n: full[0] for n, full in by_last.items()
            if len(full) == 1 and n in ents and canon.get(n, n) == n and ents[n].kind != "org"
            and first.get(full[0], -1) < first.get(n, math.inf)}


def _first_names_alone(canon: dict, ents: dict, common) -> dict[str, str]:
    """One-word names that are their own canonical form and the first word of exactly one person's canonical name
    of two words or more ("Tomas mentioned …" after "coach Tomas Reyes"; "Mr. Wen" after "Finance Minister Wen
    Jiwei"), each to that name; not a listed place ("Paris" beside "Paris Hilton") nor an organisation. The text must
    say more of that person than its first name's gender (:func:`_said_of`), or use the one word as a person's
    ("Donald … his"): "Cleveland police" is no "Cleveland Browns"."""
    by_first: dict[str, set] = {}
    for c, ent in ents.items():
        if ent.kind == "person" and " " in c and canon.get(c, c) == c \
                and not any(w.lower() in common for w in c.split()[1:]):   # (no title-case line: "Sanders Is Not …")
            by_first.setdefault(c.split(" ", 1)[0], set()).add(c)
    out = {}
    for n, full in by_first.items():
        one = ents.get(n)
        if len(full) == 1 and one is not None and canon.get(n, n) == n and one.kind != "org" and not is_place(n):
            (f,) = full
            if _said_of(ents[f]) or one.kind == "person" or one.gender:
                out[n] = f
    return out


def _said_of(ent: _Entity) -> bool:
    """Does the text say more of the person ``ent`` than its first name's gender: a title, a description, a
    pronoun's gender?"""
    return bool(ent.descr or ent.role_words or ent.gender and not ent.gender_listed)


#: the most words of a place that opens a capitalised run before a name ("In Puerto Rico Lee said")
PLACE_WORDS = 3


def _place_then_name(ents: dict) -> dict[str, str]:
    """The names that are a listed place and then another name of the text, written as one capitalised run ("In New
    Hampshire Sanders said …", "In Puerto Rico Lee said …"), each to that other name: a name that is the rest, or the
    one name of two words or more ending with it ("Bernie Sanders"), when that is a personal name
    (:func:`_personal_name`: not "New Hampshire Democrat" to "South Carolina Democrat") and the whole is no
    organisation ("New York Times")."""
    by_last: dict[str, list[str]] = {}
    for n in ents:
        if " " in n:
            by_last.setdefault(n.rsplit(" ", 1)[1], []).append(n)
    out = {}
    for n in ents:
        words_ = n.split()
        for k in range(min(PLACE_WORDS, len(words_) - 1), 0, -1):
            if " ".join(words_[:k]).lower() in _PLACES:
                rest = " ".join(words_[k:])
                ends = [m for m in by_last.get(words_[-1], []) if m != n and (m == rest or m.endswith(" " + rest))
                        and m.split()[0].lower() not in _PLACES]
                target = rest if rest in ents else ends[0] if len(ends) == 1 else ""
                if target and ents[n].kind != "org" and _personal_name(ents[target]):
                    out[n] = target
                break
    return out


def _personal_name(ent: _Entity) -> bool:
    """Is ``ent`` a person the text names, or a name of two words or more that opens with a first name of list
    ``first_name_gender`` ("Bernie Sanders" may be unknown to the list; "South Carolina Democrat" is no person)?"""
    return ent.kind == "person" or " " in ent.name and ent.name.split()[0] in first_name_genders()


def _unit_after_number(t: str, s0: int, raw: str) -> bool:
    """Is the capitalised word ``raw`` at ``s0`` a unit after a number ("a 300 MW plant", "64 GB"), an
    upper-case word after a number that is no year ("the 2024 NBA draft" names the NBA)?"""
    if not _ACRONYM.fullmatch(raw.rstrip(".,")):
        return False
    m = _NUMBER_BEFORE.search(t, max(0, s0 - 16), s0)
    return m is not None and not _YEAR.fullmatch(m.group(1))


def split_name(dm, s0: int, raw: str) -> list[tuple[int, int, str, str]]:
    """Cut the capitalised run ``raw`` (at ``s0``) at possessives ("France's Defense Minister X").

    A sentence start inside the run cuts it too ("said Tom Berg. Mara Lind made …"). Returns
    ``(start, end, name, text before it in its clause)`` per part: trailing connectors and a
    possessive ending dropped, a final period dropped unless it ends an abbreviation or an
    initial; a single common word opening a sentence is no name.
    """
    if " " not in raw and "\xa0" not in raw:
        # one word (most runs): no sentence start, possessive or date inside it to cut at
        if raw.rstrip(".,") in _DATE_WORD or raw.lower() in _NAME_END_CUT or raw.lower() in _NUMBER_WORD \
                or raw.lower() in _PREPOSITION \
                or _adverb_at(dm, s0, raw) or participle_at(dm, s0, raw) \
                or _unit_after_number(dm.text, s0, raw):
            return []
        return _name_part(dm, s0, s0 + len(raw))
    out = []
    toks = list(_NONSPACE.finditer(raw))
    cur = []
    org_after = None
    sstarts = dm.sstart_set
    for i, tk in enumerate(toks):
        x = tk.group()
        if cur and s0 + tk.start() in sstarts:
            out.append(cur)   # "said Tom Berg. Mara Lind made …": a sentence ends inside the run
            cur = []
        if x.rstrip(".,") in _DATE_WORD and (not cur or cur[-1].group().lower() in _NAME_END_CUT):
            # "Hale on Tuesday", a run that opens with "Tuesday": a date ends the name, never is one
            if cur:
                out.append(cur)
                cur = []
            continue
        cur.append(tk)
        if x.endswith(_POSS_ENDS) and len(x) > 2 and not x.endswith(".'"):   # POSS.search(x)
            if org_after is None:
                # org_after[i]: is one of the words after toks[i] an organisation word (one backward
                # pass, made when the first possessive asks, not one pass per possessive)
                orgw = dm.rules.get("org", {})
                org_after = [False] * (len(toks) + 1)
                for j in range(len(toks) - 1, -1, -1):
                    org_after[j] = org_after[j + 1] or toks[j].group().lower() in orgw
            if org_after[i + 1]:
                continue  # St. Mary's Hospital, Patients' Alliance
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    res = []
    orgw = dm.rules.get("org", {})
    w = name_words(dm.story)
    for grp in out:
        grp = cut_name_end(grp)
        if not grp:
            continue
        j = _person_of_cut([x.group() for x in grp], w) if len(grp) > 3 else 0
        if j:   # "Sen. Ann Lee of the Harbor Institute": the person, then the body
            res += _name_part(dm, s0 + grp[0].start(), s0 + grp[j - 1].end())
            grp = grp[j + 1:]
            if not grp:
                continue
        k = org_person_cut([x.group() for x in grp], orgw, dm.common) if len(grp) > 3 else 0
        if k:   # "the Meridian Policy Group Helen Whitcombe": the organisation, then the person
            res += _name_part(dm, s0 + grp[0].start(), s0 + grp[k - 1].end())
            grp = grp[k:]
        res += _name_part(dm, s0 + grp[0].start(), s0 + grp[-1].end())
    return res


_NEXT_WORD = re.compile(r"[ \xa0]+([\w’']+)")


def participle_at(dm, s: int, word: str) -> bool:
    """Is the one-word run ``word`` at ``s`` an -ing participle that opens its sentence before a determiner ("Praising
    his crew's …", "Citing the figures, …")? Then it is no name ("Manning said" is one)."""
    if len(word) < 6 or not word.endswith("ing") or s not in dm.sstart_set:
        return False
    m = _NEXT_WORD.match(dm.text, s + len(word))
    return m is not None and m.group(1).lower() in _DETERMINER


def _adverb_at(dm, s: int, word: str) -> bool:
    """Is the one-word run ``word`` at ``s`` a sentence adverb (:func:`.names.sentence_adverb`) before a
    comma or opening its sentence ("Crucially, the judge said")? Then it is no name."""
    t = dm.text
    return (t.startswith(",", s + len(word)) or s in dm.sstart_set) and sentence_adverb(word)


_POSS_ENDS = ("'", "’", "'s", "’s")   # the endings POSS (``[’']s?$``) finds


_INITIALS_END = re.compile(r"(?:^|[\s.])[A-Z]\.$")


def _name_part(dm, s: int, e: int) -> list[tuple[int, int, str, str]]:
    """``[(start, end, name, text before it in its clause)]`` for the part ``text[s:e]`` of a run, or []."""
    t = dm.text
    nm = t[s:e]
    nm = POSS.sub("", nm) if nm.endswith(_POSS_ENDS) and not nm.endswith(".'") else nm
    # a final period ends the sentence unless it ends an abbreviation or an initial ("J.", "U.S."; not "NARAL.")
    if nm.endswith(".") and nm.split()[-1].lower() not in _ABBR and not _INITIALS_END.search(nm):
        nm = nm[:-1]
    nm = nm.replace("\xa0", " ")
    if _PARTY_TAG.fullmatch(nm) or (nm.isupper() and nm.lower() in _ACRONYM_COMMON_NOUN) \
            or _demonym_adjective(t, nm, s):
        return []   # "(D-Va.)": party and state, no name; "at the TV": a thing; "The Danish minister": no one
    lo = max(0, s - 60)
    nl = t.rfind("\n", lo, s)   # text[lo:s].split("\n")[-1]
    lo = nl + 1 if nl >= 0 else lo
    k = bisect.bisect_left(dm.clause_punct, s) - 1   # CLAUSE_PUNCT.split(text[lo:s])[-1]
    pre = t[max(lo, dm.clause_punct[k] + 1) if k >= 0 else lo:s]
    if " " not in nm and nm.lower() in dm.common and pre.strip() == "" and s == dm.sent_start(s):
        return []
    return [(s, s + len(nm), nm, pre)]


_DEMONYM = demonyms()
_LOWER_WORD_AFTER = re.compile(r"[ \xa0]+[a-z]")


def _demonym_adjective(t: str, nm: str, s: int) -> bool:
    """Is the part ``nm`` (at ``s``) a demonym after an article, before a lower-case word ("The Danish foreign minister
    said", "a Kenyan court")? Then it modifies that noun and names no one: no pronoun after it is its ("Cuban said",
    with no article, may be a surname)."""
    toks = nm.split()
    if toks[-1].lower() not in _DEMONYM or _LOWER_WORD_AFTER.match(t, s + len(nm)) is None:
        return False
    if len(toks) == 1:
        return _ARTICLE_END.search(t, max(0, s - 5), s) is not None
    return len(toks) == 2 and toks[0].lower() in ("the", "a", "an")


def party_description(toks: list[str], before: str) -> bool:
    """Are the capitalised words ``toks`` (``before``: the text before them) a description that ends with a party
    member noun (list ``party_member``) after "the" or "a": "the Ohio Republican", "a New York Democrat"?"""
    if not toks or toks[-1].lower() not in _PARTY_MEMBER:
        return False
    return toks[0].lower() in ("the", "a") or _ARTICLE_END.search(before) is not None


_PARTY_MEMBER = word_set("party_member")
_ARTICLE_END = re.compile(r"(?:^|\s)(?:[Tt]he|[Aa])\s+$")
#: an article of another language that opens a name and is part of it ("La Prensa", "El País", "Le Monde")
_NAME_ARTICLE = word_set("name_article")


def name_in_np(dm, m) -> str | None:
    """The name of the ``NAME_RE`` match ``m`` inside a subject noun phrase: possessive, leading
    honorifics, titles, "the" and common words (not an article of list ``name_article``: "La
    Nación"), and the words up to the last title, removed."""
    toks = POSS.sub("", m.group()).split()
    owner = next((k for k in range(len(toks) - 2, -1, -1) if POSS.search(toks[k])), None)
    if owner is not None:
        toks = toks[owner + 1:]   # "The Post's Ruth Marcus": the person after the owner's possessive
    if party_description(toks, m.string[max(0, m.start() - 6):m.start()]):
        return None   # "the Ohio Republican": a description
    w = name_words(dm.story)
    k = org_person_cut(toks, w.org, dm.common) if len(toks) > 3 else 0
    toks = toks[k:]   # "Meridian Policy Group Helen Whitcombe": the person
    j = _person_of_cut(toks, w) if len(toks) > 3 else 0
    toks = toks[:j] if j else toks   # "Sen. Ann Lee of Texas": the person
    i0, nt = 0, len(toks)   # an index, not list.pop(0) once per word ("Mr. Mr. Mr. ...")
    common = dm.common
    org_start = _org_name_start(toks, dm.common, w)
    if org_start is not None:   # an organisation's name keeps the words the text writes in lower case
        i0, common = org_start, frozenset()
    titles = {} if toks and toks[-1].lower() in w.org else w.titles   # ("Coastal Defense Agency": as _strip_head)
    title = False
    while i0 < nt and (honorific(toks[i0], w.hon) or toks[i0].lower() in titles or toks[i0].lower() == "the"
                       or toks[i0].lower() in _FRONTED_ADVERB and nt - i0 > 1
                       or (toks[i0].lower() in common and nt - i0 > 1 and toks[i0].lower() not in _NAME_ARTICLE)
                       or _portfolio_before_name(toks, i0, org_start is not None)
                       or _person_noun_before_name(toks, i0, org_start is not None, w)):
        if toks[i0] in ("of", "for") and title and _title_of_end(toks[i0:]):
            break   # "Chief of Staff Ann Lee": the title's "of <Word>" goes with it
        if title and _CONN_WORD.fullmatch(toks[i0]):
            return None   # "The MP for Effutu", "President of France": a title and its constituency or country
        title = title or toks[i0].lower() in titles
        i0 += 1
    toks = toks[i0 + _title_of_end(toks[i0:]) if title else i0:]
    for j in range(len(toks) - 1, -1, -1):
        if toks[j].lower() in titles and j < len(toks) - 1 \
                and not (org_start is not None and all(x.lower() in _PORTFOLIO for x in toks[j + 1:])) \
                or _place_honorific(toks, j, w):
            toks = toks[j + 1:]   # (but "the Ministry of Foreign Affairs" keeps its portfolio, as in _strip_head)
            break
    if not toks or _title_phrase(toks, w) or _CONN_WORD.fullmatch(toks[0]) \
            or len(toks) == 1 and toks[0].lower() in _FRONTED_ADVERB or _demonym_title(toks, w):
        return None   # (nor "the Prime Minister": a description; nor "TD for Cork South", a title's constituency;
        # nor "Meanwhile" after a quoted headline word, "‘Uproar’ Meanwhile, …")
    return " ".join(toks).rstrip(".")


def _place_honorific(toks: list[str], j: int, w: _NameWords) -> bool:
    """Is ``toks[j]`` an honorific after a listed place and before a name, one capitalised run ("In rural Ohio Mr Lee,
    who …": Lee)?"""
    return 0 < j < len(toks) - 1 and honorific(toks[j], w.hon) and " ".join(toks[:j]).lower() in _PLACES


# --------------------------------------------------------------------------- canonical names


class _MinTree:
    """Minimum over ranges of positions 0..n-1 (segment tree); values only ever decrease."""

    def __init__(self, n: int, inf: int):
        size = 1
        while size < n:
            size *= 2
        self.size, self.inf, self.t = size, inf, [inf] * (2 * size)

    def lower(self, i: int, v: int) -> None:
        t = self.t
        i += self.size
        while i and t[i] > v:
            t[i] = v
            i //= 2

    def query(self, lo: int, hi: int) -> int:
        """Minimum over positions [lo, hi) (``inf`` when empty)."""
        t, res = self.t, self.inf
        lo += self.size
        hi += self.size
        while lo < hi:
            if lo & 1:
                res = min(res, t[lo])
                lo += 1
            if hi & 1:
                hi -= 1
                res = min(res, t[hi])
            lo //= 2
            hi //= 2
        return res


def _prefix_range(keys: list, prefix: str) -> tuple[int, int]:
    """[lo, hi) of the sorted strings ``keys`` that start with ``prefix``."""
    k = len(prefix)
    return bisect.bisect_left(keys, prefix), bisect.bisect_right(keys, prefix, key=lambda x: x[:k])


def canonical_names(names: list, ents: dict, acronyms: dict) -> dict:
    """Canonical form of every entity name (``names``: longest first, the order of the result).

    The canonical form of a name is the first (so the longest) name of ``names`` that
    - for a person or unknown name ``n``: is a person whose words end with the words of ``n``
      (``"Anne Martin"`` for ``"Martin"``), i.e. ends with ``" " + n``;
    - for an organisation ``n`` of two words or more: ends with ``n`` and has more words;
    else ``n`` itself; an acronym maps to its expansion. Comparing every name with every other
    costs the square of the number of names; here the names are sorted by their reversed
    spelling, so the names that end with a given string are one range of that order, and the
    first of them in ``names`` is a range minimum of their ranks (for organisations the names
    with more words than ``n`` are added to the tree before ``n`` is asked about).
    """
    E = len(names)
    order = sorted((n[::-1], i) for i, n in enumerate(names))
    rkeys = [r for r, _ in order]
    ranks = [i for _, i in order]
    ntok = [len(n.split()) for n in names]
    best = list(range(E))
    persons = _MinTree(E, E)
    for pos, i in enumerate(ranks):
        if ents[names[i]].kind == "person":
            persons.lower(pos, i)
    org_queries = []
    for i, n in enumerate(names):
        if n in acronyms:
            continue
        if ents[n].kind != "org":
            r = persons.query(*_prefix_range(rkeys, n[::-1] + " "))
            if r < E:
                best[i] = r
        elif ntok[i] > 1:
            org_queries.append((ntok[i], i))
    if org_queries:
        longer = _MinTree(E, E)
        by_words = sorted(range(E), key=lambda pos: -ntok[ranks[pos]])
        j = 0
        for k, i in sorted(org_queries, reverse=True):
            while j < E and ntok[ranks[by_words[j]]] > k:
                longer.lower(by_words[j], ranks[by_words[j]])
                j += 1
            r = longer.query(*_prefix_range(rkeys, names[i][::-1]))
            if r < E:
                best[i] = r
    return {n: acronyms[n] if n in acronyms else names[best[i]] for i, n in enumerate(names)}
