"""Plain data at the edges: the model to and from dicts and JSON, through one cattrs converter.

The data contract (version 1):

- a report is a JSON object with the model's field names, plus ``"version": 1`` (written by
  `to_dict`; `from_dict` accepts data with or without it, and refuses any other version);
- dates are ISO strings (``"2026-01-28"``; `PageInfo.published` may carry a time,
  ``"2024-01-02T08:30:00"``), roles their string values (``"measures"``);
- layout records are left out unless asked for (``layout=True``); with them, a report that
  went through JSON still renders its source exactly.

Reading is strict, so that data from elsewhere says what it means: unknown keys, a value of
the wrong JSON type (``2024.5`` for a year, ``{}`` for a list, ``1`` for a flag), a date with a
time of day, a value the model refuses (``"level": 7``, ``"number": 0``, ``"year": -5``) and a
layout count no document has (``"blank_lines": 1000000000``) are all refused with one
`fazhi_report.errors.DataError` that names every offending path, e.g. ``$.sections[0].level``.

Text is never refused for the characters it holds, lone surrogates aside: every string a
reader gives reads back, so that what `to_json` writes, `from_json` reads. A reader keeps what
it does not recognise as text (a U+FEFF inside a line, a zero-width space, a control
character), and so does JSON. A lone surrogate (``"\\ud800"``) is no character and no file can
hold one: no reader lets one in, `to_json` refuses to write one and `from_dict` to read one,
each with a `fazhi_report.errors.DataError` naming the path (see `fazhi_report._surrogates`).
"""

from __future__ import annotations

from fazhi_report.convert.converter import DATA_VERSION, configure_converter, make_converter
from fazhi_report.convert.plain import PLAIN, register_plain_hook, unstructure
from fazhi_report.convert.report import from_dict, from_json, to_dict, to_json

__all__ = [
    "DATA_VERSION",
    "PLAIN",
    "configure_converter",
    "from_dict",
    "from_json",
    "make_converter",
    "register_plain_hook",
    "to_dict",
    "to_json",
    "unstructure",
]
