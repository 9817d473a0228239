"""Readers of each input format, all handing logical lines to one structure builder."""

from fazhi_report.parsers.builder import build_report
from fazhi_report.parsers.lines import Line, split_text

__all__ = ["Line", "build_report", "split_text"]
