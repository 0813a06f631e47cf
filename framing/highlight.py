"""Evidence views: an article's text as HTML with its spans marked.

Loaded terms are coloured by category, quotations underlined and labelled with
their speaker and role, page noise struck through with its reason. The article
is untrusted input: every character of it goes through :func:`html.escape`, so
markup in an article (``<script>``, ``onerror=``, ``<iframe>``) shows as text.
"""
from __future__ import annotations

import html

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
.fr-article .fr-q { border-bottom: 2px solid #2b6cb0; }
.fr-article .fr-qlabel { font: 11px/1 system-ui, sans-serif; color: #fff; background: #2b6cb0;
                         border-radius: 3px; padding: 1px 4px; margin-right: 2px; vertical-align: 2px; }
.fr-article .fr-noise { color: #999; text-decoration: line-through; }
.fr-article .fr-heading { font-weight: bold; }
.fr-legend { font: 12px/1.8 system-ui, sans-serif; margin: .5em 0; }
.fr-legend span { display: inline-block; padding: 1px 6px; margin: 0 6px 4px 0; border-radius: 2px; white-space: nowrap; }
"""


def category_color(category: str) -> str:
    if category in CATEGORY_COLORS:
        return CATEGORY_COLORS[category]
    return _EXTRA[sum(map(ord, category)) % len(_EXTRA)]


def legend_html(categories) -> str:
    """A legend for the categories present plus quotes and noise."""
    items = [f'<span style="background:{category_color(c)}">{html.escape(c)}</span>' for c in sorted(set(categories))]
    items.append('<span class="fr-q" style="border-bottom:2px solid #2b6cb0">quotation (label: speaker · role)</span>')
    items.append('<span style="color:#999;text-decoration:line-through">page noise (hover: reason)</span>')
    return '<div class="fr-legend">' + "".join(items) + "</div>"


def article_html(doc, hits=None, quotes=None, start: int = 0, end: int | None = None,
                 legend: bool = True, style: bool = True) -> str:
    """HTML of ``doc.text[start:end]`` with term hits, quotes and noise marked.

    Parameters
    ----------
    doc : Document
    hits : DataFrame of :func:`framing.terms.term_hits` rows (any doc_id; filtered here)
    quotes : DataFrame of :func:`framing.quotes.quotes_table` rows
    start, end : the character range to show (default: the whole text)
    """
    text = doc.text
    end = len(text) if end is None else end
    terms = []
    if hits is not None and len(hits):
        h = hits[hits.doc_id == doc.doc_id]
        terms = sorted(zip(h.start, h.end, h.category, h.term))
    qs = []
    if quotes is not None and len(quotes):
        q = quotes[(quotes.doc_id == doc.doc_id) & (quotes.kind != "reported")]
        qs = sorted(zip(q.start, q.end, q.speaker.fillna(""), q.speaker_role.fillna(""), q.kind))
    cuts = {start, end}
    for s, e, *_ in terms + qs:
        cuts.update((max(start, min(s, end)), max(start, min(e, end))))
    for b in doc.blocks:
        cuts.update((max(start, min(b.start, end)), max(start, min(b.end, end))))
    cuts = sorted(cuts)
    out = []
    ti = qi = 0
    for a, b in zip(cuts, cuts[1:]):
        if a >= b:
            continue
        blk = doc.block_at(a)
        while ti < len(terms) and terms[ti][1] <= a:
            ti += 1
        while qi < len(qs) and qs[qi][1] <= a:
            qi += 1
        piece = html.escape(text[a:b])
        if ti < len(terms) and terms[ti][0] <= a < terms[ti][1]:
            _, _, cat, term = terms[ti]
            piece = (f'<mark style="background:{category_color(cat)}" '
                     f'title="{html.escape(cat)}: {html.escape(term)}">{piece}</mark>')
        if qi < len(qs) and qs[qi][0] <= a < qs[qi][1]:
            qs_, _, spk, role, kind = qs[qi]
            label = ""
            if a == qs_:
                who = spk or "no speaker"
                label = f'<span class="fr-qlabel">{html.escape(who)} · {html.escape(role if spk else kind)}</span>'
            piece = f'{label}<span class="fr-q" title="{html.escape(kind)}">{piece}</span>'
        if blk.role == "boilerplate":
            piece = f'<span class="fr-noise" title="noise: {html.escape(blk.reason)}">{piece}</span>'
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
