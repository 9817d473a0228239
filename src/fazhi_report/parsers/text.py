"""The plain-text reader: lines split at CR, LF and CR LF, nothing else interpreted."""

from __future__ import annotations

import os

from fazhi_report.decoding import decode
from fazhi_report.model import Report
from fazhi_report.parsers.builder import build_report
from fazhi_report.parsers.lines import split_run_on, split_text

__all__ = ["parse_text"]


def parse_text(
    data: str | bytes,
    *,
    source: str = "<string>",
    templates: str | os.PathLike[str] | None = None,
    sandboxed: bool = False,
) -> Report:
    """Parse the plain text of a report. Any ``str`` parses, and renders back exactly.

    Args:
        data: the text, or its bytes in UTF-8, UTF-16 (with BOM) or GB18030.
        source: a name for the text, used in error messages.
        templates: the template folder the text was written with, whose house forms the
            reader learns (see `fazhi_report.parsers.house`).
        sandboxed: compile ``templates`` in the bounded sandbox, for a folder you do not
            trust (see `fazhi_report.parsers.house`); without ``templates`` no template runs
            and it changes nothing.

    Raises:
        EmptyInputError: ``data`` is bytes with no text in them.
        DecodeError: ``data`` is bytes that are not text.
        TemplateError: ``templates`` is no folder, its macros cannot be read back, or a
            template fails (sandboxed: breaks a rule or limit of the sandbox).
    """
    if templates is not None:
        from fazhi_report.parsers.house import house_style

        return house_style(templates, sandboxed=sandboxed).parse(data, source=source)
    encoding = None
    if isinstance(data, bytes):
        data, encoding = decode(data, source)
    return build_report(split_run_on(split_text(data)), encoding=encoding)
