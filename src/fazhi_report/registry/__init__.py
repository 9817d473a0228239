"""The table of formats: what each can read and write, found by name, suffix or magic bytes.

A format is one declared `Format` record: its name, the file suffixes that name it, how it is
read (a line ``reader`` whose lines go through the one structure builder, or a whole-report
``parser``) and a renderer (each an object, or a lazy ``"module:attr"`` target imported the
first time the format is used), whether it is binary, and the magic bytes its files start
with. The library's own formats and those of other packages fill the same table:

- at run time, with `register_format`;
- from another package's entry points in the group ``fazhi_report.formats``, each naming a
  `Format` record (``xlsx = "my_exporter.formats:XLSX"``). A plugin's record is read only when
  its name is asked for, or when a suffix or magic bytes match no format already known, or
  when all formats are listed; a plugin that fails to load is a `PluginError` naming it, and
  never stops other formats from working.

Keep heavy imports (python-docx, lxml…) inside the reader or renderer module a target names,
not in the module that declares the record: importing ``fazhi_report`` imports no format's
code, and listing formats imports only the modules of their records and renderers.

The package's modules: `records` (`Format`, `FormatInfo`, `Parser`), `renderer` (`Renderer`),
`table` (the rows and `register_format`), `builtin` (the library's own rows), `plugins` (entry
points), `lookup` (by name, suffix or bytes) and `sniffing` (content tests). Every public name
is importable from ``fazhi_report.registry`` itself.
"""

from __future__ import annotations

from fazhi_report.registry import builtin as _builtin  # noqa: F401  (fills the table)
from fazhi_report.registry import plugins as _plugins
from fazhi_report.registry import table as _table
from fazhi_report.registry.lookup import (
    can_read,
    format_for_data,
    format_for_path,
    formats,
    get_format,
    get_parser,
    get_reader,
    get_renderer,
    reader_formats,
)
from fazhi_report.registry.plugins import ENTRY_POINT_GROUP, PluginWarning
from fazhi_report.registry.records import Format, FormatInfo, Parser
from fazhi_report.registry.renderer import Renderer
from fazhi_report.registry.sniffing import looks_like_html
from fazhi_report.registry.table import register_format

__all__ = [
    "DEFAULT_FORMAT",
    "ENTRY_POINT_GROUP",
    "Format",
    "FormatInfo",
    "Parser",
    "PluginWarning",
    "Renderer",
    "can_read",
    "format_for_data",
    "format_for_path",
    "formats",
    "get_format",
    "get_parser",
    "get_reader",
    "get_renderer",
    "looks_like_html",
    "reader_formats",
    "register_format",
]

# The private names the one-module registry had, for tests that add and take rows away.
_FORMATS = _table.FORMATS
_PARSERS = _table.PARSERS
_READERS = _table.READERS
_RENDERERS = _table.RENDERERS
_reset_plugins = _plugins.reset

DEFAULT_FORMAT = "text"
"""The format of a ``str`` given to ``fr.parse``, and of bytes no magic identifies."""
