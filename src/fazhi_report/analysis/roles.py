"""Which required part of a report a section is, read from its heading.

The inference lives with the parser (`fazhi_report.parsers.facts`), which gives every parsed
section its role, and its word cues with the parser's other cues (`fazhi_report._cues`); this
module keeps the names analyses import.
"""

from __future__ import annotations

from collections.abc import Iterable

from fazhi_report import _cues
from fazhi_report.parsers.facts import infer_role, infer_subrole

__all__ = ["cue_sources", "infer_role", "infer_subrole"]


def cue_sources() -> Iterable[str]:
    """The regex sources of the role cues (for folding traditional characters)."""
    return (p.pattern for p in _cues.ROLE_PATTERNS)
