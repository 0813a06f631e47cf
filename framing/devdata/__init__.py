"""Readers for the public annotated corpora the package is measured on.

The corpora themselves are never shipped: every reader takes the folder as an
argument (``../shared/devdata/<name>`` in the project's own runs) and raises a
one-line :class:`DevdataError` when it is missing. Each module also declares
the split used for development (``split_of``), chosen before any score was
looked at, so every number can name the part it was measured on.
"""
from __future__ import annotations


class DevdataError(RuntimeError):
    """A development corpus is missing or not in the expected layout."""
