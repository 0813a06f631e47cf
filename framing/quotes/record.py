"""One row of the quotes table: :class:`Quote` and the column order :data:`QUOTE_COLUMNS`."""
from __future__ import annotations

from dataclasses import dataclass

QUOTE_COLUMNS = ["doc_id", "start", "end", "text", "kind", "speaker", "speaker_role", "side",
                 "cue", "speaker_type", "quote_flags", "speaker_id", "speaker_kind", "role_evidence"]


@dataclass
class Quote:
    """One quotation or reported statement (the columns are those of :func:`.extract.extract_quotes`)."""
    doc_id: str
    start: int
    end: int
    text: str
    kind: str
    speaker: str = ""
    speaker_role: str = "unknown"
    side: str = "unknown"
    cue: str = ""
    speaker_type: str = "none"
    quote_flags: str = ""
    speaker_id: str = ""
    speaker_kind: str = "none"
    role_evidence: str = ""

    def as_dict(self) -> dict:
        return {c: getattr(self, c) for c in QUOTE_COLUMNS}
