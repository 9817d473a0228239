"""Readers of each input format, all handing logical lines to one structure builder.

The builder (`fazhi_report.parsers.builder.build_report`) works in passes, one module each:
`classify`, `frame`, `tree`, `points`, `facts`; `forms` holds the rules on the form of text
they share, `lines` the `Line` records (with reader `Hints`) they read.
"""

from fazhi_report.parsers.builder import build_report
from fazhi_report.parsers.lines import Hints, Line, split_text

__all__ = ["Hints", "Line", "build_report", "split_text"]
