"""Readers of each input format, all handing logical lines to one structure builder.

A reader (`~fazhi_report.parsers.text`, `~fazhi_report.parsers.docx`,
`~fazhi_report.parsers.markdown`, `~fazhi_report.parsers.html`, or a plugin's) turns a
document's text or bytes into lines and declared facts, a `ReaderOutput` (the contract is in
`fazhi_report.parsers.contract`); `read` runs a reader and then the builder
(`fazhi_report.parsers.builder.build_report`), once, with the hints of a house style
(`HouseHints`) when given. The builder works in passes, one module each: `classify`, `frame`,
`tree`, `points`, `facts`; `forms` holds the rules on the form of text they share, `lines` the
`Line` records (with reader `Hints`) they read.

Nothing here imports a renderer or the house-style compiler (`fazhi_report.house`), which
sit above. The names below load their modules on first use, so that importing one pass
(`fazhi_report.parsers.facts`, as the analyses do) does not load the whole builder.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fazhi_report.parsers.builder import build_report, read
    from fazhi_report.parsers.contract import DeclaredFacts, LineReader, ReaderOutput, as_text
    from fazhi_report.parsers.hints import HouseHints, MarkerForm
    from fazhi_report.parsers.lines import Hints, Line, split_text

__all__ = [
    "DeclaredFacts",
    "Hints",
    "HouseHints",
    "Line",
    "LineReader",
    "MarkerForm",
    "ReaderOutput",
    "as_text",
    "build_report",
    "read",
    "split_text",
]

_HOMES = {
    "build_report": "builder",
    "read": "builder",
    "DeclaredFacts": "contract",
    "LineReader": "contract",
    "ReaderOutput": "contract",
    "as_text": "contract",
    "HouseHints": "hints",
    "MarkerForm": "hints",
    "Hints": "lines",
    "Line": "lines",
    "split_text": "lines",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # once: later lookups find it without this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])
