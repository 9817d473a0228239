"""The table itself: the formats known by name, and what has been imported of each.

`register_format` adds a row; `fazhi_report.registry.builtin` holds the library's own rows and
`fazhi_report.registry.plugins` reads other packages' rows on demand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fazhi_report.errors import PluginError
from fazhi_report.registry.records import Format, Parser
from fazhi_report.registry.renderer import Renderer

if TYPE_CHECKING:
    from fazhi_report.parsers.contract import LineReader

__all__ = ["register_format"]

FORMATS: dict[str, Format] = {}
"""Every format read into the table so far, by name (plugins once asked for)."""
PARSERS: dict[str, Parser] = {}
READERS: dict[str, LineReader] = {}
RENDERERS: dict[str, Renderer] = {}
# what get_parser, get_reader and get_renderer imported, by format name
FROM_PLUGINS: set[str] = set()
"""The names in `FORMATS` that a plugin's entry point put there."""
BROKEN: dict[str, PluginError] = {}
"""Plugins that failed to load, by name: the error is raised again, not the load retried."""


def forget(name: str) -> None:
    """Drop what was imported for format ``name`` (its row changed or left)."""
    PARSERS.pop(name, None)
    READERS.pop(name, None)
    RENDERERS.pop(name, None)


def register_format(fmt: Format) -> None:
    """Add ``fmt`` to the table, replacing any format of the same name.

    Formats registered this way come before plugins of the same name.
    """
    FORMATS[fmt.name] = fmt
    FROM_PLUGINS.discard(fmt.name)
    BROKEN.pop(fmt.name, None)
    forget(fmt.name)
