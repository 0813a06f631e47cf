"""Safe rendering of untrusted text: the one place the package escapes and sanitises.

An article is untrusted input. Every string that comes from one (a title, an
outlet, a speaker, a quoted phrase, a term as found, a file name) can carry
markup meant to run in a reviewer's browser. Each rendering boundary has one
helper here, and every caller goes through it:

- :func:`html_text` for text placed in HTML built by the package;
- :func:`markdown_text` for text placed in Markdown (notebook findings,
  ``IPython.display.Markdown``), which nbconvert and JupyterLab render as HTML;
- :func:`clean_html` as the last line of defence: the notebook pages' HTML and
  Markdown outputs pass through it (the report's exporter uses it as
  nbconvert's ``clean_html`` filter with ``sanitize_html`` on), so even a string
  that missed the first two helpers cannot become a script, an event handler,
  a style sheet or a request;
- :func:`one_line` for terminal messages: control characters and line breaks
  shown as escapes, so a file name cannot spoof or split a message.

Examples
--------
>>> html_text('<img src=x onerror="alert(1)">')
'&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
>>> markdown_text("*not emphasis* <b>")
'\\\\*not emphasis\\\\* &lt;b&gt;'
>>> one_line("bad\\nname")
'bad\\\\nname'
"""
from __future__ import annotations

import html
import re

# Markdown punctuation that can start emphasis, code, links, images, headings, lists, tables,
# autolinks or raw HTML; a backslash before any ASCII punctuation makes it literal (CommonMark 2.4).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:])")

# Tags and attributes the package's own HTML outputs use (pandas tables, evidence views, headings).
ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "div", "em", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "li", "mark", "ol", "p", "pre", "small", "span", "strong", "sub", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul",
})
ALLOWED_ATTRIBUTES = {
    "*": ["class", "id", "title", "style"],
    "a": ["href", "class", "id", "title"],
    "table": ["border", "class", "id", "style"],
    "td": ["colspan", "rowspan", "class", "style", "title"],
    "th": ["colspan", "rowspan", "class", "style", "title"],
}
# CSS properties that take colours, lengths and keywords only: none can name a URL.
ALLOWED_CSS = frozenset({
    "background-color", "border", "border-bottom", "border-collapse", "border-left", "border-radius", "color",
    "display", "font", "font-family", "font-size", "font-style", "font-weight", "margin", "margin-right",
    "max-width", "padding", "table-layout", "text-align", "text-decoration", "vertical-align", "white-space",
    "width",
})
# bounded so that many unclosed tags cost a linear scan, not one scan each to the end
_STYLE_TAG = re.compile(r"<(/?)style\b[^<>]{0,200}>", re.I)
# C0/C1 controls, line and paragraph separators, and the bidirectional overrides that can reorder a line
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _text(value) -> str:
    """``value`` as a string that can be written as UTF-8: bytes of a file name that were
    not UTF-8 (surrogate escapes) become ``\\xff``-style escapes."""
    text = "" if value is None else value if isinstance(value, str) else str(value)
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that no decoding made
        raw = text.encode("utf-8", "backslashreplace")
    return raw.decode("utf-8", "backslashreplace")


def html_text(value) -> str:
    """``value`` as HTML text (quotes escaped too, so it is safe inside attributes)."""
    return html.escape(_text(value), quote=True)


def markdown_text(value) -> str:
    """``value`` as literal Markdown text: no emphasis, code, link, heading, list or HTML survives.

    ``<``, ``>`` and ``&`` become entities (Markdown passes raw HTML through);
    Markdown punctuation gets a backslash; line breaks become spaces so a value
    cannot start a block of its own.
    """
    text = " ".join(_text(value).split())
    text = html.escape(text, quote=False)
    return _MD_SPECIAL.sub(r"\\\1", text)


def _css_sanitizer():
    from bleach.css_sanitizer import CSSSanitizer

    return CSSSanitizer(allowed_css_properties=ALLOWED_CSS)


def clean_html(fragment) -> str:
    """An HTML fragment with everything that could run or fetch removed.

    Keeps the tags, attributes and CSS properties the package's own outputs use
    (:data:`ALLOWED_TAGS`, :data:`ALLOWED_ATTRIBUTES`, :data:`ALLOWED_CSS`);
    ``<style>`` elements are dropped whole (the offline template carries the
    package's style sheet), any other tag is shown as text, links keep only
    ``http``, ``https``, ``mailto`` and relative targets.
    """
    import bleach

    fragment = fragment.decode() if isinstance(fragment, bytes) else str(fragment)
    fragment = _drop_style_elements(fragment)
    return bleach.clean(fragment, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                        protocols=["http", "https", "mailto"], css_sanitizer=_css_sanitizer(), strip=False,
                        strip_comments=True)


def _drop_style_elements(fragment: str) -> str:
    """Remove each ``<style>…</style>`` element in one left-to-right pass."""
    kept, start, open_at = [], 0, None
    for m in _STYLE_TAG.finditer(fragment):
        closing = m.group(1) == "/"
        if not closing and open_at is None:
            open_at = m.start()
        elif closing and open_at is not None:
            kept.append(fragment[start:open_at])
            start, open_at = m.end(), None
    kept.append(fragment[start:])
    return "".join(kept)


def one_line(value) -> str:
    """``value`` for a one-line terminal message: control characters, line breaks and
    undecodable bytes shown as escapes (``\\n``, ``\\x1b``, ``\\udcff`` → ``\\xff``)."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), _text(value))
