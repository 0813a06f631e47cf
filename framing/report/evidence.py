"""Evidence views: an article's text as HTML with its spans marked.

Loaded terms are coloured by category, quotations underlined and labelled with
their speaker and role, page noise struck through with its reason. The article
is untrusted input: every character of it goes through
:func:`framing.safe.html_text`, so markup in an article (``<script>``,
``onerror=``, ``<iframe>``) shows as text.
"""
from __future__ import annotations

from ..safe import html_text
from ..terms import MODEL_CATEGORY

# colour-blind-safe-ish palette; unknown categories cycle through the tail
CATEGORY_COLORS = {
    "threat_fear": "#f4a3a3", "violence_conflict": "#f6c28b", "delegitimising_label": "#e3a6d8",
    "ideological_label": "#d7b9f0", "hyperbole_intensifier": "#f7e28f", "pejorative_speech_verb": "#c9a27e",
    "emotional_charge": "#f2b8c6", "discrediting": "#b8c4f2",
    "frame_security_threat": "#ff8a80", "frame_sovereignty": "#a5d6a7", "frame_alarm_skepticism": "#80deea",
    "hedge": "#e0e0e0", "booster": "#cfd8dc", "distancing": "#d7ccc8",
}
_EXTRA = ["#ffe0b2", "#dcedc8", "#b3e5fc", "#f8bbd0", "#c5cae9"]

STYLE = """
.fr-article { font: 15px/1.6 Georgia, serif; white-space: pre-wrap; border: 1px solid #ddd; padding: 1em;
              max-width: 50rem; background: #fff; color: #222; }
.fr-article mark { padding: 0 1px; border-radius: 2px; color: inherit; }
.fr-article mark.fr-model, .fr-legend .fr-model { background: #fff3e0; border-bottom: 2px dotted #b45309; }
.fr-article .fr-q { border-bottom: 2px solid #2b6cb0; }
.fr-article .fr-qlabel { font: 11px/1 system-ui, sans-serif; color: #fff; background: #2b6cb0;
                         border-radius: 3px; padding: 1px 4px; margin-right: 2px; vertical-align: 2px; }
.fr-article .fr-noise { color: #999; text-decoration: line-through; }
.fr-article .fr-heading { font-weight: bold; }
.fr-article .fr-drive.fr-up { background: #fdeaea; outline: 1px dashed #c94c4c; }
.fr-article .fr-drive.fr-down { background: #e7eef6; outline: 1px dashed #1b4965; }
.fr-legend { font: 12px/1.8 system-ui, sans-serif; margin: .5em 0; }
.fr-legend span { display: inline-block; padding: 1px 6px; margin: 0 6px 4px 0; border-radius: 2px;
                  white-space: nowrap; }
"""
# the side-by-side table of aligned facts (:func:`aligned_facts_html`)
ALIGN_STYLE = """
.fr-align { border-collapse: collapse; font: 13px/1.45 Georgia, serif; table-layout: fixed; width: 100%; }
.fr-align th, .fr-align td { border: 1px solid #ddd; padding: 6px; vertical-align: top; text-align: left; }
.fr-align th { font: 12px/1.3 system-ui, sans-serif; background: #f6f6f6; }
.fr-align th.fr-topic { width: 8em; }
.fr-align td.fr-absent { color: #999; }
.fr-align .fr-article { font: 13px/1.45 Georgia, serif; border: none; padding: 0; max-width: none;
                        white-space: normal; background: transparent; }
.fr-align .fr-note { font: 11px system-ui, sans-serif; color: #777; }
"""


def category_color(category: str) -> str:
    if category in CATEGORY_COLORS:
        return CATEGORY_COLORS[category]
    return _EXTRA[sum(map(ord, category)) % len(_EXTRA)]


def _term_mark(piece: str, cat: str, term: str, score: float) -> str:
    """A hit's ``<mark>``: lexicon hits coloured by category; the model's own hits dotted, with their
    probability (a reader tells a listed word from a learned guess)."""
    if cat == MODEL_CATEGORY:
        return (f'<mark class="fr-model" title="loaded-word model: {html_text(term)}, p = {score:.2f}">'
                f'{piece}</mark>')
    p = f" (model p = {score:.2f})" if score == score else ""
    return (f'<mark style="background-color:{category_color(cat)}" '
            f'title="{html_text(cat)}: {html_text(term)}{p}">{piece}</mark>')


def legend_html(categories) -> str:
    """A legend for the categories present plus quotes and noise."""
    cats = sorted(set(categories))
    items = [f'<span style="background-color:{category_color(c)}">{html_text(c)}</span>'
             for c in cats if c != MODEL_CATEGORY]
    if MODEL_CATEGORY in cats:
        items.append('<span class="fr-model">model: a word the learned model scores as loaded, no lexicon row</span>')
    items.append('<span class="fr-q" style="border-bottom:2px solid #2b6cb0">quotation (label: speaker · role)</span>')
    items.append('<span style="color:#999;text-decoration:line-through">page noise (hover: reason)</span>')
    return '<div class="fr-legend">' + "".join(items) + "</div>"


def article_html(doc, hits=None, quotes=None, start: int = 0, end: int | None = None,
                 legend: bool = True, style: bool = True, drivers=None) -> str:
    """HTML of ``doc.text[start:end]`` with term hits, quotes and noise marked.

    Parameters
    ----------
    doc : Document
    hits : DataFrame of :func:`framing.terms.term_hits` rows (any doc_id; filtered here)
    quotes : DataFrame of :func:`framing.quotes.quotes_table` rows
    start, end : the character range to show (default: the whole text)
    drivers : DataFrame of :func:`framing.stance.calibrate.driving_sentences` rows: the sentences
        that move the frame model's index most, underlined (red toward alarmist, blue toward skeptical)
    """
    text = doc.text
    end = len(text) if end is None else end
    terms = []
    if hits is not None and len(hits):
        h = hits[hits.doc_id == doc.doc_id]
        score = h["score"] if "score" in h.columns else [float("nan")] * len(h)
        terms = sorted(zip(h.start, h.end, h.category, h.term, score))
    qs = _quotation_marks(doc, quotes) if quotes is not None and len(quotes) else []
    drive = []
    if drivers is not None and len(drivers):
        d = drivers[drivers.doc_id == doc.doc_id]
        drive = sorted(zip(d.start, d.end, d.effect))
    cuts = {start, end}
    for s, e, *_ in terms + qs + drive:
        cuts.update((max(start, min(s, end)), max(start, min(e, end))))
    for b in doc.blocks:
        cuts.update((max(start, min(b.start, end)), max(start, min(b.end, end))))
    cuts = sorted(cuts)
    out = []
    ti = qi = di = 0
    for a, b in zip(cuts, cuts[1:]):
        if a >= b:
            continue
        blk = doc.block_at(a)
        while ti < len(terms) and terms[ti][1] <= a:
            ti += 1
        while qi < len(qs) and qs[qi][1] <= a:
            qi += 1
        while di < len(drive) and drive[di][1] <= a:
            di += 1
        piece = html_text(text[a:b])
        if ti < len(terms) and terms[ti][0] <= a < terms[ti][1]:
            _, _, cat, term, score = terms[ti]
            piece = _term_mark(piece, cat, term, score)
        if qi < len(qs) and qs[qi][0] <= a < qs[qi][1]:
            qs_, _, spk, role, kind = qs[qi]
            label = ""
            if a == qs_:
                who = spk or "no speaker"
                label = f'<span class="fr-qlabel">{html_text(who)} · {html_text(role if spk else kind)}</span>'
            piece = f'{label}<span class="fr-q" title="{html_text(kind)}">{piece}</span>'
        if di < len(drive) and drive[di][0] <= a < drive[di][1]:
            effect = drive[di][2]
            way = "fr-up" if effect > 0 else "fr-down"
            piece = f'<span class="fr-drive {way}" title="moves the alarm index by {effect:+.2f}">{piece}</span>'

        if blk.role == "boilerplate":
            piece = f'<span class="fr-noise" title="noise: {html_text(blk.reason)}">{piece}</span>'
        elif blk.role in ("title", "heading"):
            piece = f'<span class="fr-heading">{piece}</span>'
        out.append(piece)
    parts = []
    if style:
        parts.append(f"<style>{STYLE}</style>")
    if legend:
        parts.append(legend_html([t[2] for t in terms]))
    parts.append(f'<div class="fr-article">{"".join(out)}</div>')
    return "".join(parts)


def _quotation_marks(doc, quotes) -> list[tuple[int, int, str, str, str]]:
    """``(start, end, speaker, role, kind)``, sorted, of the quotations to underline in ``doc``: its
    quote rows, and the quotations inside a reported clause that quotes some of its words, with the
    clause's speaker, role and kind (reported speech outside quotation marks is not underlined)."""
    from ..quotes.table import quotations_of_rows

    rows = quotes[quotes.doc_id == doc.doc_id].fillna({"speaker": "", "speaker_role": ""}).to_dict("records")
    return [(s, e, q["speaker"], q["speaker_role"], q["kind"]) for s, e, q in quotations_of_rows(rows, doc.text)]


def aligned_facts_html(corpus, aligned, frames, labels, hits=None, quotes=None, order=None) -> str:
    """A table with one row per aligned fact and one column per source, each cell the source's sentence.

    Parameters
    ----------
    corpus : Corpus
    aligned : DataFrame of :func:`framing.stance.aligned_sentences` (topic, doc_id, start, end, n_candidates)
    frames : DataFrame indexed by doc_id with ``frame`` and ``alarm_index``
    labels : dict doc_id -> column label
    hits, quotes : term hits and quotes to mark inside each sentence
    order : doc_ids in column order (default: as they first appear in ``aligned``)

    Every label, topic and sentence is escaped; the style sheet is :data:`ALIGN_STYLE` plus :data:`STYLE`.
    """
    if aligned.empty:
        return "<p>No sentence of this corpus matches the alignment topics.</p>"
    present = set(aligned.doc_id)
    cols = [d for d in (order or list(dict.fromkeys(aligned.doc_id))) if d in present]
    head = "".join(f"<th>{html_text(labels.get(d, d))}<br>{html_text(frames.at[d, 'frame'])} "
                   f"({frames.at[d, 'alarm_index']:+.2f})</th>" for d in cols)
    rows = []
    for topic, g in aligned.groupby("topic", sort=False):
        g = g.set_index("doc_id")
        cells = []
        for d in cols:
            if d not in g.index:
                cells.append("<td class='fr-absent'>(not mentioned)</td>")
                continue
            s, e = int(g.at[d, "start"]), int(g.at[d, "end"])
            cells.append("<td>" + article_html(corpus[d], hits, quotes, s, e, legend=False, style=False)
                         + f"<div class='fr-note'>{int(g.at[d, 'n_candidates'])} candidate sentence(s)</div></td>")
        rows.append(f"<tr><th class='fr-topic'>{html_text(topic.replace('_', ' '))}</th>{''.join(cells)}</tr>")
    categories = sorted(set(hits.category)) if hits is not None and len(hits) else []
    return (f"<style>{STYLE}{ALIGN_STYLE}</style>" + legend_html(categories)
            + f"<table class='fr-align'><tr><th class='fr-topic'>fact</th>{head}</tr>{''.join(rows)}</table>")


def ledes_html(corpus, spans, frames, labels, hits=None, quotes=None, order=None) -> str:
    """Each source's headline and lede marked up, one heading per source (the index and frame beside it).

    Parameters
    ----------
    corpus : Corpus
    spans : DataFrame indexed by doc_id with ``start`` and ``end``: the stretch to show per source
        (e.g. from the first to the last lede sentence of :func:`framing.stance.sentence_table`)
    frames : DataFrame indexed by doc_id with ``frame`` and ``alarm_index``
    labels : dict doc_id -> heading label
    hits, quotes : term hits and quotes to mark (as :func:`article_html`)
    order : doc_ids in reading order (default: the order of ``spans``); ids without a span are skipped

    Every label, frame and character of the articles is escaped; one style sheet and one legend
    (the categories of ``hits``) come first.
    """
    categories = sorted(set(hits.category)) if hits is not None and len(hits) else []
    parts = [f"<style>{STYLE}</style>", legend_html(categories)]
    for d in order if order is not None else list(spans.index):
        if d not in spans.index:
            continue
        s, e = int(spans.at[d, "start"]), int(spans.at[d, "end"])
        parts.append(f"<h4>{html_text(labels.get(d, d))} · index {frames.at[d, 'alarm_index']:+.2f} · "
                     f"{html_text(frames.at[d, 'frame'])}</h4>")
        parts.append(article_html(corpus[d], hits, quotes, s, e, legend=False, style=False))
    return "".join(parts)
