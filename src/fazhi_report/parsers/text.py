"""The plain-text reader: lines split at CR, LF and CR LF, nothing else interpreted."""

from __future__ import annotations

from fazhi_report.parsers.contract import ReaderOutput, as_text
from fazhi_report.parsers.lines import split_run_on, split_text

__all__ = ["read_text"]


def read_text(data: str | bytes, *, source: str = "<string>") -> ReaderOutput:
    """The lines of the plain text of a report: any ``str`` within the line limit reads, and
    renders back exactly.

    Args:
        data: the text, or its bytes in UTF-8, UTF-16 (with BOM) or GB18030.
        source: a name for the text, used in error messages.

    Raises:
        EmptyInputError: ``data`` is bytes with no text in them.
        DecodeError: ``data`` is bytes that are not text, or a text of more than
            `fazhi_report.parsers.lines.MAX_LINES` lines with text.
    """
    text, encoding = as_text(data, source)
    return ReaderOutput(split_run_on(split_text(text, source=source)), encoding=encoding)
