"""The reviewer's report and everything that renders: figures, evidence views, the site.

- :mod:`.style` -- the one figure style (palettes, sizes, source notes, safe labels);
- :mod:`.plots` -- the figures of the notebooks and the report;
- :mod:`.evidence` -- escaped HTML views of an article with its spans highlighted;
- :mod:`.notebooks` -- executing the study's notebooks (and the freshness check);
- :mod:`.site` -- ``framing report``: notebooks to offline HTML, evidence pages, the index;
- :mod:`.browser` -- the headless-Chromium check that pages fetch nothing and render.
"""
from __future__ import annotations

__all__ = ["ReportError", "ReportResult", "build_report", "evidence_page_name"]


def __getattr__(name: str):
    """The site's public names, imported on first use (``python -m framing.report.notebooks`` then
    runs its module once, without importing it first through the package)."""
    if name in __all__:
        from . import site

        return getattr(site, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
