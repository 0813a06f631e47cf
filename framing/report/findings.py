"""The notebooks' narration: the story's introduction and each notebook's findings, as Markdown.

Each notebook ends with a cell tagged ``findings`` that calls one function here with the tables
it has built; the report's index shows the Markdown it returns. Everything is computed from the
tables, so the findings fit whatever corpus the notebooks ran on, and every string that comes
from an article (a source label, a speaker, a term as found) or from a story pack goes through
:func:`framing.safe.markdown_text`, so it is shown as text, never as Markdown or HTML.

=========================  ==============================================================
:func:`story_intro`        the story pack's title, summary, question (and sides, tone
                           targets or aligned facts), or a generic note when there is none
:func:`corpus_findings`    01, the corpus: size, page noise, segmentation agreement, flags
:func:`terms_findings`     02, loaded terms: rates, kinds, voice, distinctive entries
:func:`quotes_findings`    03, quotes: whose words, unattributed words, variety, carriers
:func:`stance_findings`    04, stance: order, frames, intervals, drivers, tone
:func:`comparison_findings`  05, comparison: frames, profiles, shared facts, similarity, PCA
:func:`validation_findings`  06, validation: analyst, fixtures, annotation scores, robustness
=========================  ==============================================================
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..safe import markdown_text as md

#: loaded-term scores of the held-out sentences with the lexicon frozen before they were written
#: (annotations/terms_README.md): the honest estimate for unseen text
FROZEN_LEXICON_HELDOUT = {"precision": 0.94, "recall": 0.57}
NO_PACK = ("**No story pack: generic data only.** The tables use the generic lexicons and rules of "
           "`framing/data/`: no speaker registry, no tone targets, no facts to align the sources on, and an "
           "alarm index built from generic features only.")


def _src(labels: dict, doc_id) -> str:
    """A source's label in running text: escaped, in italics."""
    return f"*{md(labels.get(doc_id, doc_id))}*"


def _by_doc(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` indexed by doc_id (as it is, when it already is)."""
    return df.set_index("doc_id") if "doc_id" in df.columns else df


def _n(k: int, word: str) -> str:
    """``k`` and ``word``, plural unless k is 1 (``3 hits``, ``1 hit``)."""
    return f"{k:,} {word}{'' if k == 1 else 's'}"


def _name(value) -> str:
    """A category, role or feature name as words (underscores as spaces), escaped."""
    return md(str(value).replace("_", " "))


def _signed(x: float) -> str:
    """``+0.25``; ``not defined`` for nan (a correlation over fewer than three sources)."""
    return "not defined" if x != x else f"{x:+.2f}"


def _sentences(parts) -> str:
    return " ".join(p for p in parts if p)


def _paragraphs(parts) -> str:
    return "\n\n".join(p for p in parts if p)


def _ranked(counts: pd.Series) -> pd.Series:
    """Counts from largest to smallest, ties in index order."""
    return counts.sort_index().sort_values(ascending=False, kind="stable")


#: A findings sentence lists at most this many sources; the rest are counted ("and 180 more"),
#: since every source is in the notebook's tables and a 200-source sentence is unreadable.
LIST_LIMIT = 10


def _join(sep: str, items, limit: int = LIST_LIMIT) -> str:
    """``sep``-joined items, the first ``limit`` of them and a count of the rest."""
    items = list(items)
    shown = sep.join(items[:limit])
    return shown + (f"{sep}and {len(items) - limit} more (all in the tables)" if len(items) > limit else "")


#: Notebook 05's per-source sections (distinctive words, voices, headline and lede) show at most
#: this many sources: with more, the most alarmist half and the least alarmist half, where the
#: framings differ most, and a line counting the rest (its verdict table lists every source).
SOURCE_LIMIT = 12
#: The side-by-side table of aligned facts has a column per source, each cell a sentence: at a
#: notebook's width (about 1,000 px, less the fact column) six columns of about 140 px are the most
#: that still read as sentences rather than a word or two a line.
SIDE_BY_SIDE_LIMIT = 6


def shown_sources(by_index, limit: int = SOURCE_LIMIT) -> list:
    """The sources a per-source section shows: all of ``by_index`` (doc_ids, most alarmist first)
    when there are ``limit`` or fewer, else its first ``limit // 2`` and its last
    ``limit - limit // 2``, in that order."""
    by_index = list(by_index)
    if len(by_index) <= limit:
        return by_index
    hi = limit // 2
    return by_index[:hi] + by_index[len(by_index) - (limit - hi):]


def shown_rows(df: pd.DataFrame, shown, by_index) -> pd.DataFrame:
    """The rows of ``df`` (a ``doc_id`` column) about the ``shown`` sources; every row when
    :func:`shown_sources` left nothing out (so sources without a verdict keep their rows)."""
    if len(list(shown)) >= len(list(by_index)):
        return df
    return df[df["doc_id"].isin(set(shown))]


def shown_line(shown, by_index, index=None) -> str:
    """Markdown: the line that says what a per-source section leaves out ("" when nothing).

    ``index``: the alarm index by doc_id, to say where the sources left out lie. E.g. *Shown: the
    6 most and the 6 least alarmist of 192 assessed sources; the other 180 (alarm index +0.74 to
    -0.60) are in the verdict table above.*
    """
    shown, by_index = list(shown), list(by_index)
    if len(shown) >= len(by_index):
        return ""
    hi = len(shown) // 2
    rest = [d for d in by_index if d not in set(shown)]
    span = ""
    if index is not None and rest:
        values = pd.Series(index).reindex(rest).dropna()
        if len(values):
            span = f" (alarm index {values.max():+.2f} to {values.min():+.2f})"
    return (f"*Shown: the {hi} most and the {len(shown) - hi} least alarmist of {len(by_index):,} assessed "
            f"sources; the other {len(rest):,}{span} are in the verdict table above.*")



# --------------------------------------------------------------------------- the story


def story_intro(story, *, sides: bool = False, targets: bool = False, topics: bool = False) -> str:
    """The story the notebook's corpus is about, from its story pack (:func:`framing.load_story`).

    With a pack: its title, ``summary`` and ``question`` (``story.csv``) and, when asked, what its
    ``sides`` mean, the actors whose tone is measured (``targets.csv``) and the facts the sources
    are aligned on (``topics.csv``). Without a pack (``story=None``): :data:`NO_PACK` and what
    the missing parts mean for the tables below.
    """
    if story is None:
        return _sentences([NO_PACK, sides and "A quotation's side (warns / defends / neutral) is inferred from "
                           "the frame cues inside it, else unknown.",
                           targets and "The writer's tone toward actors is not measured.",
                           topics and "The sources are not aligned on named facts."])
    n = story.narration
    head = f"**The story: {md(story.title)}** (story pack {md(story.name)})."
    parts = [head, md(n.get("summary", "")), n.get("question") and f"**Question.** {md(n['question'])}"]
    if sides:
        parts.append(f"**Sides.** {md(n['sides'])}" if n.get("sides") else "The pack does not say what the sides mean.")
    if targets:
        parts.append(_pack_list(story, "targets.csv", "target", "**Tone targets** (the pack's `targets.csv`)",
                                "The pack names no tone targets: the writer's tone toward actors is not measured."))
    if topics:
        parts.append(_pack_list(story, "topics.csv", "topic", "**Facts aligned** (the pack's `topics.csv`)",
                                "The pack names no facts to align the sources on."))
    return _paragraphs(parts)


def _pack_list(story, file: str, column: str, lead: str, none: str) -> str:
    names = [_name(r[column]) for r in story.rows(file)]
    return f"{lead}: {', '.join(names)}." if names else none


# --------------------------------------------------------------------------- 01 corpus


def corpus_findings(docs: pd.DataFrame, labels: dict, agreement: pd.DataFrame | None = None) -> str:
    """Notebook 01: corpus size, page noise, agreement with a segmentation annotation, flags.

    ``docs``: :func:`framing.documents`; ``labels``: doc_id -> source label; ``agreement``:
    :func:`framing.evaluate.segmentation_report` (its last row is the total) or None.
    """
    noise = docs.n_removed_chars / docs.n_chars.where(docs.n_chars > 0)
    noisiest = noise.sort_values(ascending=False, kind="stable").index[0]
    removed = int(docs.n_removed_chars.sum())
    parts = [f"**What we found.** {_n(len(docs), 'capture')}, {int(docs.n_tokens.sum()):,} article words in "
             f"{int(docs.n_sentences.sum()):,} sentences. {removed:,} characters "
             f"({removed / max(int(docs.n_chars.sum()), 1):.0%} of all) are page noise, labelled and kept for audit; "
             f"the noisiest capture is {_src(labels, docs.doc_id[noisiest])} ({noise[noisiest]:.0%} noise)."]
    if agreement is not None and len(agreement):
        a = agreement.iloc[-1]
        parts.append(f"Against the hand annotation, {a.article_kept_rate:.1%} of article characters are kept and "
                     f"{a.noise_labelled_rate:.1%} of noise characters are labelled noise.")
    flagged = docs[docs["doc_flags"] != ""]
    if len(flagged):
        parts.append("Flagged: " + _join("; ", [f"{_src(labels, d)} ({md(f)})"
                                                for d, f in zip(flagged.doc_id, flagged["doc_flags"])]) + ".")
    return _sentences(parts)


# --------------------------------------------------------------------------- 02 loaded terms


def terms_findings(by_source: pd.DataFrame, loaded: pd.DataFrame, labels: dict, distinct=None,
                   evaluation: pd.DataFrame | None = None, model_meta: dict | None = None) -> str:
    """Notebook 02: most and least loaded sources, kinds, voice, the model's share, distinctive entries,
    matcher scores.

    ``by_source``: indexed by doc_id with ``words, loaded_hits, per_1k``; ``loaded``: loaded
    :func:`framing.term_hits` rows; ``distinct``: :func:`framing.terms.distinctive_terms`;
    ``evaluation``: rows with ``set, scored, precision, recall, n_gold``; ``model_meta``: the
    loaded-word model's metadata (its dev-split scores are quoted).
    """
    if not len(loaded):
        parts = ["**What we found.** No loaded-term hit in this corpus."]
    else:
        parts = [_terms_extremes(by_source, loaded, labels), _terms_kinds(loaded, labels),
                 _terms_voice(loaded, labels), _terms_model(loaded, model_meta), _terms_distinctive(distinct, labels)]
    return _sentences(parts + _terms_evaluation(evaluation))


def _terms_model(loaded, meta) -> str:
    from ..terms import MODEL_SOURCE

    if "source" not in loaded.columns:
        return ""
    m = loaded[loaded.source == MODEL_SOURCE]
    if not len(m):
        return "The learned loaded-word model adds no word the lexicon misses."
    top = m.text.str.lower().value_counts().sort_index().sort_values(ascending=False, kind="stable")
    words = _join(", ", [f"*{md(w)}* ({n})" for w, n in top.items()])
    text = (f"The learned loaded-word model adds {_n(len(m), 'hit')} ({len(m) / len(loaded):.0%} of the loaded "
            f"hits), words no lexicon row lists: {words}.")
    scores = [(k.split("_")[1].upper(), f"{float(v.split()[0]):.2f}") for k, v in (meta or {}).items()
              if k.startswith("dev_") and k.endswith("_precision_recall_f1")]
    if scores:
        text += (" Its precision on the development split was " + " and ".join(f"{p} ({d})" for d, p in scores)
                 + ": read its hits as candidates, not findings.")
    return text


def _terms_extremes(by_source, loaded, labels) -> str:
    bs = by_source.sort_values("per_1k", ascending=False)
    hi, lo = bs.index[0], bs.index[-1]
    return (f"**What we found.** {_n(len(loaded), 'loaded-term hit')} in {int(bs.words.sum()):,} article words. "
            f"The most loaded source is {_src(labels, hi)} with {bs.at[hi, 'per_1k']:.1f} hits per 1,000 words "
            f"({_n(int(bs.at[hi, 'loaded_hits']), 'hit')} in {int(bs.at[hi, 'words']):,} words); the least is "
            f"{_src(labels, lo)} with {bs.at[lo, 'per_1k']:.1f} ({int(bs.at[lo, 'loaded_hits'])} in "
            f"{int(bs.at[lo, 'words']):,}).")


def _terms_kinds(loaded, labels) -> str:
    overall = ", ".join(f"{_name(c)} ({n})" for c, n in _ranked(loaded.category.value_counts()).head(3).items())
    lead = (loaded.groupby(["doc_id", "category"]).size().reset_index(name="n")
            .sort_values(["doc_id", "n", "category"], ascending=[True, False, True]).groupby("doc_id").head(1))
    each = _join("; ", [f"{_src(labels, r.doc_id)} {_name(r.category)} ({r.n})" for r in lead.itertuples()])
    return f"Most frequent kinds overall: {overall}. Each source's leading kind: {each}."


def _terms_voice(loaded, labels) -> str:
    quoted = loaded.groupby("doc_id").voice.apply(lambda s: (s == "quoted").mean())
    vq, va = quoted.idxmax(), quoted.idxmin()
    return (f"Voice: {(loaded.voice == 'quoted').mean():.0%} of all loaded hits sit inside quotations. The source "
            f"whose loaded language is most often carried by quoted speakers is {_src(labels, vq)} "
            f"({quoted[vq]:.0%} quoted); the one where it is most the writer's own is {_src(labels, va)} "
            f"({1 - quoted[va]:.0%} authorial).")


def _terms_distinctive(distinct, labels) -> str:
    if distinct is None or not len(distinct):
        return ""
    top = distinct.sort_values(["z_log_odds", "doc_id"], ascending=[False, True]).iloc[0]
    return (f"The most distinctive entry is “{md(top.found_as)}” in {_src(labels, top.doc_id)} "
            f"({top.n_here} there, {top.n_rest} elsewhere; z = {top.z_log_odds:.1f}).")


def _terms_evaluation(evaluation) -> list[str]:
    if evaluation is None or not len(evaluation):
        return []
    rows = evaluation[evaluation.scored == "loaded terms"]
    parts = [f"Matcher vs hand annotation, {md(r.set)}: precision {r.precision:.2f}, recall {r.recall:.2f} "
             f"({r.n_gold} annotated spans)." for r in rows.itertuples()]
    f = FROZEN_LEXICON_HELDOUT
    return parts + [f"On sentences the lexicon had never seen, recall was {f['recall']:.2f} at precision "
                    f"{f['precision']:.2f} (annotations/terms\\_README.md): counts on a new story are lower bounds."]


# --------------------------------------------------------------------------- 03 quotes


def quotes_findings(quotes: pd.DataFrame, summary: pd.DataFrame, labels: dict, loaded=None, qeval=None) -> str:
    """Notebook 03: whose words each source quotes, words with no speaker, variety, carriers, scores.

    ``summary``: :func:`framing.quotes.quote_summary`; ``loaded``: loaded hits with a ``carrier``
    column (:func:`framing.terms.hit_carriers`); ``qeval``: rows with ``set, f1, n_gold,
    speaker_accuracy``.
    """
    s = summary.set_index("doc_id")
    parts = [f"**What we found.** {len(quotes)} quotations and reported clauses, {int(s.quoted_words.sum()):,} "
             f"quoted words across {_n(len(s), 'article')}."]
    if s.quoted_words.sum() > 0:
        parts += [_quotes_by_role(s, labels), _quotes_no_speaker(s, labels), _quotes_variety(s, labels)]
    if loaded is not None and len(loaded):
        parts.append(_quotes_carriers(loaded))
    for r in qeval.itertuples() if qeval is not None and len(qeval) else []:
        parts.append(f"Extractor vs hand annotation, {md(r.set)}: F1 {r.f1:.2f} over {r.n_gold} quotes, "
                     f"speaker accuracy {r.speaker_accuracy:.2f}.")
    return _sentences(parts)


def _quotes_by_role(s, labels) -> str:
    role_cols = [c for c in s.columns if c.startswith("words_role_")]
    sided = [c for c in s.columns if c in ("words_side_warns", "words_side_defends")]
    parts = []
    for d, r in s[s.quoted_words > 0].iterrows():
        top = r[role_cols].astype(float).sort_index().idxmax()[len("words_role_"):]
        who = "unplaced (unknown role or no speaker)" if top == "unknown" else _name(top)
        side = ", ".join(f"{c[len('words_side_'):]} {r[c] / r.quoted_words:.0%}" for c in sorted(sided))
        parts.append(f"{_src(labels, d)} gives most words to {who} voices "
                     f"({r['words_role_' + top] / r.quoted_words:.0%} of {int(r.quoted_words):,})"
                     + (f", by side {side}" if side else ""))
    return "; ".join(parts) + "."


def _quotes_no_speaker(s, labels) -> str:
    ns = s.share_no_speaker.sort_index().sort_values(ascending=False, kind="stable")
    low = _join(", ", (_src(labels, d) for d in ns.index if ns[d] == ns.iloc[-1]))
    return (f"Words quoted with no speaker: highest in {_src(labels, ns.index[0])} ({ns.iloc[0]:.0%} of its quoted "
            f"words, {int(s.at[ns.index[0], 'n_unattributed'])} unattributed quotations); lowest "
            f"({ns.iloc[-1]:.0%}) in {low}.")


def _quotes_variety(s, labels) -> str:
    ent = s.voice_entropy.sort_index().sort_values(ascending=False, kind="stable")
    hi, lo = ent.index[0], ent.index[-1]
    return (f"Most varied voices: {_src(labels, hi)} ({int(s.at[hi, 'n_speakers'])} speakers, entropy "
            f"{ent.iloc[0]:.2f} bits); least: {_src(labels, lo)} ({int(s.at[lo, 'n_speakers'])} speakers, "
            f"{ent.iloc[-1]:.2f} bits).")


def _quotes_carriers(loaded) -> str:
    quoted = loaded[loaded.carrier != "writer"]
    by = ", ".join(f"{_name(k)} {v}" for k, v in _ranked(quoted.carrier.value_counts()).items())
    return (f"Of {len(loaded)} loaded terms, {len(quoted)} are carried by quotations" + (f": {by}" if by else "")
            + f"; the writers carry {len(loaded) - len(quoted)}.")


# --------------------------------------------------------------------------- 04 stance


def stance_findings(table: pd.DataFrame, boot: pd.DataFrame, by_index: list, labels: dict, thresholds: dict,
                    contrib=None, tone=None) -> str:
    """Notebook 04: the order by alarm index, frames, interval stability, main drivers, tone range.

    ``table``: :func:`framing.stance_table`; ``boot``: :func:`framing.stance.bootstrap_index`;
    ``by_index``: assessable doc_ids, most alarmist first; ``contrib``:
    :func:`framing.stance.index_contributions`; ``tone``: :func:`framing.stance.target_sentiment`.
    """
    t, b = _by_doc(table), _by_doc(boot)
    if not by_index:
        return "**What we found.** No article of this corpus could be assessed, so no source has an index."
    order = _join(" > ", [f"{_src(labels, d)} ({t.at[d, 'alarm_index']:+.2f}, {md(t.at[d, 'frame'])})"
                          for d in by_index])
    counts = t.frame.value_counts()
    parts = [f"**What we found.** Ordered by the alarm index, most alarmist first: {order}.",
             f"At the pre-stated thresholds (±{thresholds['alarmist']:.1f}) the index reads "
             + ", ".join(f"{counts.get(f, 0)} {f}" for f in ("alarmist", "neutral", "skeptical")) + "."]
    parts += _stance_intervals(t, b, by_index, labels, thresholds)
    parts += [_stance_drivers(contrib, by_index, labels), _stance_tone(tone, labels)]
    return _sentences(parts)


def _crosses(b, d, th) -> bool:
    lo, hi = b.at[d, "index_low"], b.at[d, "index_high"]
    return lo < th["alarmist"] <= hi or lo <= th["skeptical"] < hi


def _stance_intervals(t, b, by_index, labels, th) -> list[str]:
    cross = [d for d in by_index if _crosses(b, d, th)]
    solid = [d for d in by_index if d not in cross]
    parts = []
    if cross:
        parts.append("The 95% interval crosses a frame threshold for " + _join(", ", [
            f"{_src(labels, d)} ({b.at[d, 'index_low']:+.2f} to {b.at[d, 'index_high']:+.2f}; "
            f"{md(t.at[d, 'frame'])} in {b.at[d, 'p_' + t.at[d, 'frame']]:.0%} of replicates)" for d in cross])
            + ": resampling a few sentences can change their frame.")
    if solid:
        parts.append("The frame holds across the interval for " + _join(", ", (_src(labels, d) for d in solid)) + ".")
    if len(by_index) > 1:
        sep = b.at[by_index[0], "index_low"] > b.at[by_index[-1], "index_high"]
        parts.append(f"The intervals of the most and least alarmist sources {'do not overlap' if sep else 'overlap'}.")
    return parts


def _stance_drivers(contrib, by_index, labels) -> str:
    if contrib is None or not len(contrib):
        return ""
    c = contrib[contrib.weight > 0]
    size = c.contribution.abs()
    lead = c[size == size.groupby(c.doc_id).transform("max")]
    lead = lead[lead.contribution.abs() >= 0.005].drop_duplicates("doc_id").set_index("doc_id")
    if not len(lead):
        return ""
    return "The largest single push on each index: " + _join("; ", [
        f"{_src(labels, d)} {md(lead.at[d, 'feature'])} ({lead.at[d, 'contribution']:+.2f})"
        for d in by_index if d in lead.index]) + "."


def _stance_tone(tone, labels) -> str:
    if tone is None or not len(tone):
        return ""
    first = tone[(tone.target == tone.target.iloc[0]) & (tone.n_sentences > 0)]
    if not len(first):
        return ""
    lo, hi = first.loc[first.mean_compound.idxmin()], first.loc[first.mean_compound.idxmax()]
    return (f"Authorial tone toward {_name(lo.target)} ranges from {lo.mean_compound:+.2f} "
            f"({_src(labels, lo.doc_id)}, {_n(int(lo.n_sentences), 'sentence')}) to {hi.mean_compound:+.2f} "
            f"({_src(labels, hi.doc_id)}, {_n(int(hi.n_sentences), 'sentence')}).")


# --------------------------------------------------------------------------- 05 comparison


def comparison_findings(table: pd.DataFrame, boot: pd.DataFrame, by_index: list, labels: dict, words=None,
                        voices=None, coverage=None, sim=None, fmap=None) -> str:
    """Notebook 05: each frame with its stability, the two ends' profiles, shared facts, similarity, PCA.

    ``words``: :func:`framing.terms.distinctive_terms`; ``voices``: rows ``doc_id, speaker, role,
    side, share_of_quoted`` (most words first); ``coverage``: topic x source with a ``sources``
    column; ``sim``: square similarity frame; ``fmap``: :func:`framing.stance.feature_map`.
    """
    t, b = _by_doc(table), _by_doc(boot)
    parts = [f"**What we found.** {_n(len(by_index), 'source')} assessed; frames at the pre-stated thresholds: "
             + _join("; ", [f"{_src(labels, d)} {md(t.at[d, 'frame'])} ({t.at[d, 'alarm_index']:+.2f}, "
                            f"{b.at[d, 'p_' + t.at[d, 'frame']]:.0%} of replicates)" for d in by_index]) + "."]
    ends = [("Most alarmist", by_index[0]), ("Least alarmist", by_index[-1])] if len(by_index) > 1 else \
        [("", d) for d in by_index]
    for lead, d in ends:
        text = _profile(d, t, words, voices) or "no loaded words or quotations"
        parts.append(f"{lead + ', ' if lead else ''}{_src(labels, d)}: {text}.")
    parts += [_shared_facts(coverage), _most_similar(sim, labels), _pca_sentence(fmap, t)]
    return _sentences(parts)


def _profile(d, t, words, voices) -> str:
    bits = []
    w = words[words.doc_id == d].found_as.head(3).tolist() if words is not None and len(words) else []
    if w:
        bits.append("its most distinctive loaded words are " + ", ".join(f"*{md(x)}*" for x in w))
    v = voices[(voices.doc_id == d) & (voices.speaker != "(no speaker)")].head(1) if voices is not None else []
    if len(v):
        r = v.iloc[0]
        bits.append(f"its most quoted voice is {md(r.speaker)} ({_name(r.role)}, side {md(r.side)}, "
                    f"{r.share_of_quoted:.0%} of quoted words)")
    ws = t.at[d, "warn_share_quoted"]
    if ws == ws:
        bits.append(f"{ws:.0%} of its sided quoted words come from voices that warn")
    return "; ".join(bits)


def _shared_facts(coverage) -> str:
    if coverage is None or not len(coverage):
        return ""
    shared = coverage[coverage.sources >= 2]
    return (f"{len(shared)} of {len(coverage)} named facts are told by at least two sources "
            "and can be compared side by side.")


def _most_similar(sim, labels) -> str:
    if sim is None or len(sim) < 2:
        return ""
    off = sim.where(~pd.DataFrame(np.eye(len(sim), dtype=bool), index=sim.index, columns=sim.columns)).stack()
    a, b = off.idxmax()
    return (f"The most similar pair by vocabulary is {_src(labels, a)} and {_src(labels, b)} (cosine "
            f"{off.max():.2f}); the least similar pair has cosine {off.min():.2f}.")


def _pca_sentence(fmap, t) -> str:
    if fmap is None or len(fmap) <= 2:
        return ""
    rho = fmap.set_index("doc_id").pc1.corr(t.alarm_index, method="spearman")
    return (f"The first principal component of the stance features carries "
            f"{fmap.attrs['explained_variance_ratio'][0]:.0%} of their variance and its rank correlation with the "
            f"alarm index is {rho:+.2f}.")


# --------------------------------------------------------------------------- 06 validation


def validation_findings(labels: dict, agreement=None, fixtures=None, term_scores=None, quote_scores=None,
                        segmentation=None, lofo=None, perturbation=None) -> str:
    """Notebook 06: agreement with the analyst, constructed texts, annotation scores, robustness.

    ``agreement``: :class:`framing.evaluate.FrameAgreement` or None (no coding); ``fixtures``:
    rows ``doc_id, agree`` ordered by index; ``term_scores`` / ``quote_scores``: score tables;
    ``segmentation``: :func:`framing.evaluate.segmentation_report`; ``lofo``:
    :func:`framing.stance.leave_one_feature_out`; ``perturbation``: the ``summary`` dict of
    :func:`framing.stance.weight_perturbation`.
    """
    parts = ["**What we found.**", _analyst_sentence(agreement, labels)]
    if fixtures is not None and len(fixtures):
        parts.append(f"On the constructed texts, {int(fixtures.agree.sum())} of {len(fixtures)} get their intended "
                     f"frame (order: {' > '.join(md(d) for d in fixtures.doc_id)}).")
    parts += _annotation_scores(term_scores, quote_scores, segmentation)
    parts += [_robustness(lofo, perturbation)]
    return _sentences(parts)


def _analyst_sentence(agreement, labels) -> str:
    if agreement is None or not agreement.n:
        return "No analyst coding was available for this corpus, so frame agreement was not measured."
    a = agreement
    text = (f"The index's frame matches the analyst's for {a.same_frame} of {_n(a.n, 'source')}; rank agreement "
            f"with the analyst's ordering is Spearman ρ = {_signed(a.spearman)}, "
            f"Kendall τ-b = {_signed(a.kendall_tau_b)}, "
            f"and {a.concordant} of {_n(a.n_pairs, 'pair')} the analyst distinguishes are ordered the same way")
    if a.n > 1:
        step = 2 / (a.n * (a.n - 1) / 2)
        text += f" (with {a.n} sources one swapped pair moves Kendall's τ by about {step:.2f})"
    off = _join("; ", [f"{_src(labels, r.doc_id)} analyst {md(r.analyst_frame)}, index {md(r.frame)} "
                       f"({r.alarm_index:+.2f})" for r in a.disagreements.itertuples()])
    return text + "." + (f" Disagreements: {off}." if off else "")


def _annotation_scores(term_scores, quote_scores, segmentation) -> list[str]:
    parts = []
    if term_scores is not None and len(term_scores):
        parts += [f"Loaded terms, {md(r.set)}: P {r.precision:.2f}, R {r.recall:.2f} ({r.n_gold} gold)."
                  for r in term_scores[term_scores.scored == "loaded terms"].itertuples()]
    if quote_scores is not None and len(quote_scores):
        parts += [f"Quotes, {md(r.set)}: F1 {r.f1:.2f}, speakers {r.speaker_accuracy:.0%} correct ({r.n_gold} gold)."
                  for r in quote_scores.itertuples()]
    if segmentation is not None and len(segmentation):
        a = segmentation.iloc[-1]
        parts.append(f"Segmentation keeps {a.article_kept_rate:.1%} of article characters and labels "
                     f"{a.noise_labelled_rate:.1%} of noise characters.")
    return parts


def _robustness(lofo, perturbation) -> str:
    parts = []
    if lofo is not None and len(lofo) > 1:
        worst = lofo.iloc[1:].sort_values("kendall_tau").iloc[0]
        parts.append(f"Dropping one feature at a time leaves Kendall τ ≥ {worst.kendall_tau:.2f} with the full "
                     f"ordering (lowest when dropping {md(worst.feature)}); the top source stays on top in "
                     f"{int(lofo.iloc[1:].same_top.sum())} of {len(lofo) - 1} cases.")
    if perturbation:
        s = perturbation
        parts.append(f"Under {s['n']} random re-weightings (±{s['scale']:.0%}) the mean Kendall τ is "
                     f"{s['mean_kendall_tau']:.2f}, the ordering is unchanged in {s['share_same_order']:.0%} of "
                     f"draws and no frame changes in {s['share_no_frame_change']:.0%}.")
    return _sentences(parts)
