"""The round-trip check under its old name: `fazhi_report.roundtrip` is where it lives.

Kept so ``from fazhi_report.validation import validate, ensure_valid, Problem`` works as it
did; it imports the parser, so it stands where `fazhi_report.roundtrip` does, above the
parsers and the renderers.
"""

from __future__ import annotations

from fazhi_report.roundtrip import ALLOWED, MAX_NUMBER, READS_BACK, Problem, ensure_valid, validate

__all__ = ["ALLOWED", "MAX_NUMBER", "READS_BACK", "Problem", "ensure_valid", "validate"]
