"""Finding a format and its parts: by name, by a file's suffix, by a document's bytes.

Readers, parsers and renderers named by ``"module:attr"`` targets are imported here, the first
time their format is used, and kept.
"""

from __future__ import annotations

import importlib
import os
import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from fazhi_report.errors import PluginError, UnknownFormatError
from fazhi_report.registry import plugins, table
from fazhi_report.registry.plugins import PluginWarning
from fazhi_report.registry.records import Format, FormatInfo, Parser
from fazhi_report.registry.renderer import Renderer
from fazhi_report.registry.sniffing import looks_binary

if TYPE_CHECKING:
    from fazhi_report.parsers.contract import LineReader

__all__ = [
    "can_read",
    "format_for_data",
    "format_for_path",
    "formats",
    "get_format",
    "get_parser",
    "get_reader",
    "get_renderer",
    "reader_formats",
]


def _known_names() -> list[str]:
    return sorted(set(table.FORMATS) | set(plugins.declared()))


def get_format(name: str) -> Format:
    """The format called ``name``.

    Raises:
        UnknownFormatError: no format has that name.
        PluginError: the plugin that declares it cannot be loaded.
    """
    fmt = table.FORMATS.get(name)
    if fmt is None:
        fmt = plugins.load(name)
    if fmt is None:
        raise UnknownFormatError(
            f"no format called {name!r}", expected="one of: " + ", ".join(_known_names())
        )
    return fmt


def _resolve(target: object, fmt: Format, part: str) -> object:
    """The object a ``"module:attr"`` target names (other values are returned as they are)."""
    if not isinstance(target, str):
        return target
    module_name, _, attr = target.partition(":")
    try:
        obj: object = importlib.import_module(module_name)
        for piece in attr.split(".") if attr else ():
            obj = getattr(obj, piece)
    except Exception as exc:
        raise PluginError(
            f"the {part} of the format {fmt.name!r} ({target}) cannot be loaded: "
            f"{type(exc).__name__}: {exc}",
            expected="an importable module:attr",
        ) from None
    return obj


def _lacking(name: str, has: Callable[[Format], bool], can: str) -> UnknownFormatError:
    """The error for a format without a reader or renderer, naming the formats that have one."""
    having = sorted(f.name for f in table.FORMATS.values() if has(f))
    return UnknownFormatError(
        f"the format {name!r} can be {can}", expected="one of: " + ", ".join(having)
    )


def reader_formats() -> list[str]:
    """The names of the formats read as lines (those with a `Format.reader`), sorted: the
    formats that read documents written in a house style (``templates=``)."""
    return sorted(f.name for f in table.FORMATS.values() if f.reader is not None)


# How a format is read: as lines by its reader, or whole by its parser. The two lookups differ
# only in the field, the cache, and what the error says of a format read the other way.
_HOW_READ: dict[str, tuple[str, dict[str, Any], str]] = {
    "reader": ("parser", table.READERS, "read whole by its parser, not as lines"),
    "parser": ("reader", table.PARSERS, "read as lines by its reader, not by a parser"),
}


def _reading(name: str, part: Literal["reader", "parser"]) -> Any:
    """The reader or parser of format ``name``, imported on first use and kept."""
    other, cache, read_otherwise = _HOW_READ[part]
    found = cache.get(name)
    if found is not None:
        return found
    fmt = get_format(name)
    target = getattr(fmt, part)
    if target is None:
        if getattr(fmt, other) is None:
            raise _lacking(name, lambda f: f.can_read, "written but not read")
        raise _lacking(name, lambda f: getattr(f, part) is not None, read_otherwise)
    found = _resolve(target, fmt, part)
    if not callable(found):
        raise PluginError(f"the {part} of the format {name!r} is not callable")
    cache[name] = found
    return found


def get_reader(name: str) -> LineReader:
    """The line reader of format ``name``, imported on first use.

    Raises:
        UnknownFormatError: no format has that name, or it is not read as lines (it has a
            whole-report parser, or cannot be read).
        PluginError: the reader cannot be imported.
    """
    reader: LineReader = _reading(name, "reader")
    return reader


def get_parser(name: str) -> Parser:
    """The whole-report parser of format ``name``, imported on first use.

    Raises:
        UnknownFormatError: no format has that name, or it has no parser (it is read as
            lines, see `get_reader`, or cannot be read).
        PluginError: the parser cannot be imported.
    """
    parser: Parser = _reading(name, "parser")
    return parser


def can_read(name: str) -> bool:
    """Whether format ``name`` can be read: its reader or parser imported (on first use).

    Raises:
        UnknownFormatError: no format has that name.
        PluginError: the reader or parser cannot be imported.
    """
    fmt = get_format(name)
    if fmt.reader is not None:
        get_reader(name)
    elif fmt.parser is not None:
        get_parser(name)
    return fmt.can_read


def get_renderer(name: str) -> Renderer:
    """The renderer of format ``name``, imported on first use.

    Raises:
        UnknownFormatError: no format has that name, or it cannot be written.
        PluginError: the renderer cannot be imported, or is not a `Renderer`.
    """
    renderer = table.RENDERERS.get(name)
    if renderer is not None:
        return renderer
    fmt = get_format(name)
    if fmt.renderer is None:
        raise _lacking(name, lambda f: f.renderer is not None, "read but not written")
    found = _resolve(fmt.renderer, fmt, "renderer")
    if isinstance(found, type) and issubclass(found, Renderer):
        try:
            found = found()
        except Exception as exc:
            raise PluginError(
                f"the renderer of the format {name!r} cannot be made: {type(exc).__name__}: {exc}"
            ) from None
    if not isinstance(found, Renderer) or not callable(getattr(found, "render", None)):
        raise PluginError(
            f"the renderer of the format {name!r} is a {type(found).__name__}, not a Renderer"
            " with a render method",
            expected="a fazhi_report.Renderer instance or subclass",
        )
    styles = found.styles
    if not styles or not all(isinstance(style, str) for style in styles):
        raise PluginError(
            f"the renderer of the format {name!r} declares no styles", expected="styles = ('…',)"
        )
    if fmt.styles and tuple(styles) != fmt.styles:
        raise PluginError(
            f"the format {name!r} declares the styles {fmt.styles} but its renderer {styles}",
            expected="the same styles in the Format and the Renderer",
        )
    if found.binary != fmt.binary:
        raise PluginError(
            f"the format {name!r} says binary={fmt.binary} but its renderer binary={found.binary}",
            expected="the same value in the Format and the Renderer",
        )
    table.RENDERERS[name] = found
    return found


def format_for_path(path: str | os.PathLike[str]) -> str:
    """The name of the format a file's suffix names.

    Raises:
        UnknownFormatError: the suffix names no known format.
    """
    name = os.fspath(path)
    suffix = os.path.splitext(name)[1].lower()
    for attempt in range(2):
        for fmt in table.FORMATS.values():
            if suffix and suffix in fmt.suffixes:
                return fmt.name
        if attempt == 0:
            plugins.load_all()
    known = sorted({s for f in table.FORMATS.values() for s in f.suffixes})
    raise UnknownFormatError(
        f"cannot tell the format from the suffix {suffix or '(none)'!r}",
        source=name,
        expected=f"a file ending in one of {', '.join(known)}, or an explicit format",
    )


def _sniffed(fmt: Format, data: bytes) -> bool:
    assert fmt.sniff is not None
    try:
        return bool(fmt.sniff(data))
    except Exception as exc:  # a plugin's test must not turn reading into a traceback
        raise PluginError(
            f"the content test (sniff) of the format {fmt.name!r} failed: "
            f"{type(exc).__name__}: {exc}",
            expected="a sniff that returns True or False",
        ) from None


def format_for_data(data: bytes) -> str | None:
    """The name of the readable format ``data`` is a document of, if its bytes tell.

    A format tells by the magic bytes its documents start with (a DOCX is a zip file,
    ``PK\x03\x04``), else by its content test (``sniff``: a web page starts with
    ``<!DOCTYPE html`` or ``<html``, see `looks_like_html`). ``None`` when none tells: the
    bytes are text. This is the one test behind ``fr.parse(bytes)``, ``fr.load`` of a file
    whose suffix names no format, and standard input in the command line.

    Plugins' records are read only when ``data`` starts like binary data (a control
    character among its first eight bytes, as in ``PK\x03\x04``), so parsing text never
    loads a plugin.
    """
    for attempt in range(2):
        for fmt in table.FORMATS.values():
            if fmt.magic and fmt.can_read and data.startswith(fmt.magic):
                return fmt.name
        for fmt in table.FORMATS.values():
            if fmt.sniff is not None and fmt.can_read and _sniffed(fmt, data):
                return fmt.name
        if attempt == 0 and looks_binary(data):
            plugins.load_all()
        else:
            break
    return None


def formats() -> list[FormatInfo]:
    """Every format, built in and plugin, sorted by name.

    Listing imports the renderer of a format whose record declares no styles (to read them);
    the built-in formats declare theirs. A plugin that cannot be
    loaded is left out with a `PluginWarning` saying why.
    """
    plugins.load_all()
    found = []
    for name in sorted(table.FORMATS):
        fmt = table.FORMATS[name]
        styles: tuple[str, ...] = fmt.styles
        if fmt.renderer is not None and not styles:
            try:
                styles = get_renderer(name).styles
            except PluginError as exc:  # get_renderer turns every failure into a PluginError
                warnings.warn(str(exc), PluginWarning, stacklevel=2)
                continue
        found.append(
            FormatInfo(
                name=name,
                suffixes=fmt.suffixes,
                can_read=fmt.can_read,
                can_write=fmt.renderer is not None,
                binary=fmt.binary,
                styles=styles,
                description=fmt.description,
            )
        )
    return found
