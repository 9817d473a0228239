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
"""

from __future__ import annotations

import functools
import importlib
import inspect
import os
import re
import warnings
from collections.abc import Callable, Iterable
from importlib.metadata import EntryPoint, entry_points
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

import attrs

from fazhi_report.errors import OptionError, PluginError, UnknownFormatError, UnknownStyleError

if TYPE_CHECKING:
    from fazhi_report.model import Report
    from fazhi_report.parsers.contract import LineReader

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

ENTRY_POINT_GROUP = "fazhi_report.formats"
"""The entry-point group other packages declare their `Format` records in."""


DEFAULT_FORMAT = "text"
"""The format of a ``str`` given to ``fr.parse``, and of bytes no magic identifies."""


class Parser(Protocol):
    """A whole-report parser: a document's text (or bytes) to a report.

    For a format that is the model already (JSON). A format of documents with headings,
    paragraphs and a signature gives a line reader instead
    (`fazhi_report.parsers.contract.LineReader`), whose lines go through the one structure
    builder, house styles included. Text formats get a ``str``, or ``bytes`` they decode
    themselves (see `fazhi_report.decoding.decode`); binary formats always get ``bytes``.
    ``source`` names the input in error messages.
    """

    def __call__(self, data: str | bytes, *, source: str) -> Report: ...


@functools.cache
def _keyword_options(render: Callable[..., Any]) -> frozenset[str] | None:
    # read once a renderer class: inspecting a signature costs more than a short render
    params = inspect.signature(render).parameters.values()
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params):
        return None
    return frozenset(
        p.name for p in params if p.kind is inspect.Parameter.KEYWORD_ONLY and p.name != "style"
    )


class Renderer:
    """Base class of renderers: a report to the text (or bytes) of a document.

    A subclass sets `styles` (the first is the default) and `binary`, and implements
    `render`, declaring its own options as keyword-only parameters with defaults;
    ``fr.render(report, fmt, style=..., **options)`` checks the style and the option names
    before calling it, so a misspelt option is an `OptionError` naming the ones it has.
    """

    styles: ClassVar[tuple[str, ...]] = ("default",)
    """The styles this renderer writes; the first is the default."""
    binary: ClassVar[bool] = False
    """Whether `render` returns ``bytes`` (a binary format) rather than ``str``."""

    render: Callable[..., str | bytes]
    """``render(report, *, style, **options)``: the report in ``style`` (one of `styles`).

    A subclass defines it as a method whose keyword-only parameters after ``style`` are its
    options, with defaults; it returns ``bytes`` when `binary` is true, else ``str``.
    """

    def encoding(self, report: Report) -> str:
        """The encoding `fazhi_report.save` writes text output in by default (UTF-8)."""
        return "utf-8"

    def reads_back(self, report: Report, style: str) -> bool:
        """Whether ``render`` in ``style`` writes the official form, which must read back.

        When true, `fazhi_report.render` and `fazhi_report.save` refuse a report that would
        not (`fazhi_report.roundtrip.ensure_valid`) before calling ``render``; the renderer
        itself never imports the parser. ``False`` by default.
        """
        return False

    def options(self, style: str) -> frozenset[str] | None:
        """The option names ``render`` takes in ``style``; ``None`` when it takes any.

        By default the keyword-only parameters of `render` other than ``style``; a renderer
        whose styles take different options overrides this.
        """
        return _keyword_options(type(self).render)

    def check(self, style: str | None, options: Iterable[str], format_name: str) -> str:
        """The style to render in, after checking ``style`` and the option names.

        Raises:
            UnknownStyleError: ``style`` is not one of `styles`.
            OptionError: an option this renderer does not take in that style.
        """
        chosen = self.styles[0] if style is None else style
        if chosen not in self.styles:
            raise UnknownStyleError(
                f"the {format_name} renderer has no style {style!r}",
                expected="one of: " + ", ".join(self.styles),
            )
        allowed = self.options(chosen)
        if allowed is not None:
            unknown = sorted(set(options) - allowed)
            if unknown:
                takes = ", ".join(sorted(allowed)) or "none"
                raise OptionError(
                    f"the {chosen!r} style of the {format_name} renderer takes no option "
                    + ", ".join(repr(name) for name in unknown),
                    expected=f"its options: {takes}",
                )
        return chosen


def _suffixes(values: Iterable[str]) -> tuple[str, ...]:
    """Suffixes in one form: lower case, with their leading dot; one dot each."""
    if isinstance(values, str):
        raise TypeError(f"suffixes must be a tuple of suffixes, not the str {values!r}")
    found = []
    for value in values:
        if not isinstance(value, str):
            raise TypeError(f"a suffix must be a str, not {value!r}")
        suffix = value.lower() if value.startswith(".") else "." + value.lower()
        if len(suffix) < 2 or "." in suffix[1:] or os.sep in suffix:
            raise ValueError(f"{value!r} is not a file suffix such as '.txt'")
        found.append(suffix)
    return tuple(found)


def _styles(values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str) or not all(isinstance(v, str) and v for v in values):
        raise TypeError(f"styles must be a tuple of style names, not {values!r}")
    return tuple(values)


def _target(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, str) and ":" not in value:
        raise ValueError(f"{attribute.name}={value!r} is not a 'module:attr' target")


@attrs.frozen
class Format:
    """One format the library can read, write or both.

    Attributes:
        name: the format's name, as given to ``fr.parse(..., format=)`` and ``fr.render``.
        suffixes: file suffixes that name the format (``".txt"``); matched case-insensitively.
        parser: a whole-report parser (a `Parser`), a ``"module:attr"`` target naming one, or
            ``None``. For a format that is the model already (JSON); give ``reader`` instead
            for documents the structure builder should read.
        renderer: the renderer (a `Renderer` instance or subclass), a ``"module:attr"``
            target naming one, or ``None`` when the format cannot be written.
        binary: whether documents of the format are bytes rather than text.
        magic: the bytes every document of the format starts with (``b"PK\\x03\\x04"`` for a
            zip-based format), used to tell bytes apart; ``None`` when it has none.
        description: one line saying what the format is, shown by ``fazhi-report formats``.
        sniff: for a format whose documents start with no fixed bytes, a test of a document's
            bytes (``looks_like_html`` for web pages, which may open with white space, a
            byte-order mark or comments); asked only when no format's magic matched. It must
            be cheap and never raise.
        styles: the renderer's styles, default first, declared so that listing the formats
            (`formats`, ``fazhi-report formats``) imports no renderer; when given, the renderer
            must declare the same. Empty: read from the renderer when listed.
        reader: a line reader (a `fazhi_report.parsers.contract.LineReader`: text or bytes
            to lines and declared facts), a ``"module:attr"`` target naming one, or ``None``.
            Its lines go through the one structure builder; a format with a reader reads
            documents written in a house style (``templates=``). A format has a reader or a
            parser, not both; with neither it cannot be read.
    """

    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    suffixes: tuple[str, ...] = attrs.field(default=(), converter=_suffixes)
    parser: Parser | str | None = attrs.field(default=None, validator=_target)
    renderer: Renderer | type[Renderer] | str | None = attrs.field(default=None, validator=_target)
    binary: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    magic: bytes | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(bytes))
    )
    description: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    sniff: Callable[[bytes], bool] | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.is_callable())
    )
    styles: tuple[str, ...] = attrs.field(default=(), converter=_styles)
    reader: LineReader | str | None = attrs.field(default=None, validator=_target)

    def __attrs_post_init__(self) -> None:
        if self.reader is not None and self.parser is not None:
            raise ValueError(
                f"the format {self.name!r} gives both a reader and a parser: give one "
                "(a reader for lines the structure builder reads, a parser for whole reports)"
            )

    @property
    def can_read(self) -> bool:
        """Whether the format has a reader or a parser."""
        return self.reader is not None or self.parser is not None


@attrs.frozen
class FormatInfo:
    """What `formats` says of one format.

    Attributes:
        name: the format's name.
        suffixes: the file suffixes that name it.
        can_read: whether it has a reader or a parser.
        can_write: whether it has a renderer.
        binary: whether its documents are bytes.
        styles: the renderer's styles, default first (empty when it cannot be written).
        description: what the format is.
    """

    name: str
    suffixes: tuple[str, ...]
    can_read: bool
    can_write: bool
    binary: bool
    styles: tuple[str, ...]
    description: str


class PluginWarning(UserWarning):
    """A plugin format that could not be loaded while listing all formats."""


_FORMATS: dict[str, Format] = {}
_PARSERS: dict[str, Parser] = {}
_READERS: dict[str, LineReader] = {}
_RENDERERS: dict[str, Renderer] = {}
_PLUGINS: dict[str, EntryPoint] | None = None
_BROKEN: dict[str, PluginError] = {}
_FROM_PLUGINS: set[str] = set()


def register_format(fmt: Format) -> None:
    """Add ``fmt`` to the table, replacing any format of the same name.

    Formats registered this way come before plugins of the same name.
    """
    _FORMATS[fmt.name] = fmt
    _FROM_PLUGINS.discard(fmt.name)
    _PARSERS.pop(fmt.name, None)
    _READERS.pop(fmt.name, None)
    _RENDERERS.pop(fmt.name, None)
    _BROKEN.pop(fmt.name, None)


def _plugins() -> dict[str, EntryPoint]:
    """The plugin formats declared by installed packages, by name (not loaded)."""
    global _PLUGINS
    if _PLUGINS is None:
        _PLUGINS = {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}
    return _PLUGINS


def _where(ep: EntryPoint) -> str:
    dist = getattr(ep, "dist", None)
    package = f" of the package {dist.name!r}" if dist is not None else ""
    return f"the plugin format {ep.name!r} ({ep.value}{package})"


def _load_plugin(name: str) -> Format | None:
    """Read the record of plugin ``name`` into the table; ``None`` when no plugin has it."""
    if name in _BROKEN:
        raise _BROKEN[name]
    ep = _plugins().get(name)
    if ep is None:
        return None
    try:
        fmt = ep.load()
    except Exception as exc:
        error = PluginError(
            f"{_where(ep)} cannot be loaded: {type(exc).__name__}: {exc}",
            expected="an importable module:attr naming a fazhi_report.Format",
        )
        _BROKEN[name] = error
        raise error from None
    if not isinstance(fmt, Format):
        error = PluginError(
            f"{_where(ep)} names a {type(fmt).__name__}, not a Format",
            expected="a fazhi_report.Format record",
        )
        _BROKEN[name] = error
        raise error
    if fmt.name != name:
        fmt = attrs.evolve(fmt, name=name)  # the entry point's name is the one users type
    _FORMATS[name] = fmt
    _FROM_PLUGINS.add(name)
    return fmt


def _load_all_plugins() -> None:
    """Read every plugin record not read yet; a broken one is warned about and skipped."""
    for name in _plugins():
        if name not in _FORMATS:
            try:
                _load_plugin(name)
            except PluginError as exc:
                warnings.warn(str(exc), PluginWarning, stacklevel=3)


def _known_names() -> list[str]:
    return sorted(set(_FORMATS) | set(_plugins()))


def get_format(name: str) -> Format:
    """The format called ``name``.

    Raises:
        UnknownFormatError: no format has that name.
        PluginError: the plugin that declares it cannot be loaded.
    """
    fmt = _FORMATS.get(name)
    if fmt is None:
        fmt = _load_plugin(name)
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
    having = sorted(f.name for f in _FORMATS.values() if has(f))
    return UnknownFormatError(
        f"the format {name!r} can be {can}", expected="one of: " + ", ".join(having)
    )


def reader_formats() -> list[str]:
    """The names of the formats read as lines (those with a `Format.reader`), sorted: the
    formats that read documents written in a house style (``templates=``)."""
    return sorted(f.name for f in _FORMATS.values() if f.reader is not None)


def get_reader(name: str) -> LineReader:
    """The line reader of format ``name``, imported on first use.

    Raises:
        UnknownFormatError: no format has that name, or it is not read as lines (it has a
            whole-report parser, or cannot be read).
        PluginError: the reader cannot be imported.
    """
    reader = _READERS.get(name)
    if reader is not None:
        return reader
    fmt = get_format(name)
    if fmt.reader is None:
        if fmt.parser is None:
            raise _lacking(name, lambda f: f.can_read, "written but not read")
        raise _lacking(
            name, lambda f: f.reader is not None, "read whole by its parser, not as lines"
        )
    found = _resolve(fmt.reader, fmt, "reader")
    if not callable(found):
        raise PluginError(f"the reader of the format {name!r} is not callable")
    _READERS[name] = found
    return found


def get_parser(name: str) -> Parser:
    """The whole-report parser of format ``name``, imported on first use.

    Raises:
        UnknownFormatError: no format has that name, or it has no parser (it is read as
            lines, see `get_reader`, or cannot be read).
        PluginError: the parser cannot be imported.
    """
    parser = _PARSERS.get(name)
    if parser is not None:
        return parser
    fmt = get_format(name)
    if fmt.parser is None:
        if fmt.reader is None:
            raise _lacking(name, lambda f: f.can_read, "written but not read")
        raise _lacking(
            name, lambda f: f.parser is not None, "read as lines by its reader, not by a parser"
        )
    found = _resolve(fmt.parser, fmt, "parser")
    if not callable(found):
        raise PluginError(f"the parser of the format {name!r} is not callable")
    _PARSERS[name] = found
    return found


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
    renderer = _RENDERERS.get(name)
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
    _RENDERERS[name] = found
    return found


def format_for_path(path: str | os.PathLike[str]) -> str:
    """The name of the format a file's suffix names.

    Raises:
        UnknownFormatError: the suffix names no known format.
    """
    name = os.fspath(path)
    suffix = os.path.splitext(name)[1].lower()
    for attempt in range(2):
        for fmt in _FORMATS.values():
            if suffix and suffix in fmt.suffixes:
                return fmt.name
        if attempt == 0:
            _load_all_plugins()
    known = sorted({s for f in _FORMATS.values() for s in f.suffixes})
    raise UnknownFormatError(
        f"cannot tell the format from the suffix {suffix or '(none)'!r}",
        source=name,
        expected=f"a file ending in one of {', '.join(known)}, or an explicit format",
    )


_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def _looks_binary(data: bytes) -> bool:
    """Whether the first bytes hold a control character no text document starts with.

    Text with a byte-order mark (UTF-16 holds NUL bytes) is text.
    """
    if data.startswith(_TEXT_BOMS):
        return False
    return any(byte < 0x09 or 0x0E <= byte < 0x1B for byte in data[:8])


_UTF32_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"))
_UTF16_BOMS = ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_HTML_SPACE = b" \t\r\n\x0c"
_HTML_START = re.compile(rb"<(?:!doctype[ \t\r\n\x0c]+html|html)(?:[ \t\r\n\x0c>/]|$)", re.I)


def looks_like_html(data: bytes) -> bool:
    """Whether ``data`` is a web page: ``<!DOCTYPE html`` or ``<html`` (in any case) first.

    Before it may come a byte-order mark (a UTF-16 or UTF-32 page is read in its encoding),
    white space, comments (``<!-- saved from url=… -->``) and an XML declaration, as browsers
    allow. A fragment (``<p>…``) or Markdown holding some HTML is not a page: it stays text.
    """
    for bom, codec in (*_UTF32_BOMS, *_UTF16_BOMS):
        if data.startswith(bom):
            # the markup in ASCII-compatible bytes; what cannot be decoded is no markup
            data = data[len(bom) :].decode(codec, "replace").encode("utf-8", "replace")
            break
    else:
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
    # GB18030 and UTF-8 never use the bytes of "<!->? " inside a character: scan the bytes
    at = 0
    while True:
        while at < len(data) and data[at] in _HTML_SPACE:
            at += 1
        if data.startswith(b"<!--", at):
            end = data.find(b"-->", at + 4)
        elif data.startswith(b"<?", at):
            end = data.find(b"?>", at + 2)
        else:
            break
        if end < 0:
            return False
        at = end + (3 if data[at + 1] == ord("!") else 2)
    return _HTML_START.match(data, at) is not None


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
        for fmt in _FORMATS.values():
            if fmt.magic and fmt.can_read and data.startswith(fmt.magic):
                return fmt.name
        for fmt in _FORMATS.values():
            if fmt.sniff is not None and fmt.can_read and _sniffed(fmt, data):
                return fmt.name
        if attempt == 0 and _looks_binary(data):
            _load_all_plugins()
        else:
            break
    return None


def formats() -> list[FormatInfo]:
    """Every format, built in and plugin, sorted by name.

    Listing imports the renderer of a format whose record declares no styles (to read them);
    the built-in formats declare theirs. A plugin that cannot be
    loaded is left out with a `PluginWarning` saying why.
    """
    _load_all_plugins()
    found = []
    for name in sorted(_FORMATS):
        fmt = _FORMATS[name]
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


def _reset_plugins() -> None:
    """Forget what was read of installed plugins (after installing one at run time)."""
    global _PLUGINS
    _PLUGINS = None
    _BROKEN.clear()
    for name in _FROM_PLUGINS:
        del _FORMATS[name]
        _PARSERS.pop(name, None)
        _READERS.pop(name, None)
        _RENDERERS.pop(name, None)
    _FROM_PLUGINS.clear()


register_format(
    Format(
        "text",
        suffixes=(".txt", ".text"),
        reader="fazhi_report.parsers.text:read_text",
        renderer="fazhi_report.renderers.text:TextRenderer",
        styles=("lossless", "official"),
        description="plain text (UTF-8, UTF-16 or GB18030), lossless or in the official form",
    )
)
register_format(
    Format(
        "docx",
        suffixes=(".docx",),
        reader="fazhi_report.parsers.docx:read_docx",
        renderer="fazhi_report.renderers.docx:DocxRenderer",
        binary=True,
        magic=b"PK\x03\x04",
        styles=("official",),
        description="Word files: read with Word's styles and numbering, written in GB/T 9704",
    )
)
register_format(
    Format(
        "json",
        suffixes=(".json",),
        parser="fazhi_report.convert:from_json",
        renderer="fazhi_report.renderers.json:JsonRenderer",
        styles=("semantic", "lossless"),
        description="the model as JSON (see fazhi_report.convert)",
    )
)
register_format(
    Format(
        "markdown",
        suffixes=(".md", ".markdown"),
        reader="fazhi_report.parsers.markdown:read_markdown",
        renderer="fazhi_report.renderers.markdown:MarkdownRenderer",
        styles=("official",),
        description="Markdown (CommonMark): headings as #, run-in headings in bold",
    )
)
register_format(
    Format(
        "html",
        suffixes=(".html", ".htm"),
        reader="fazhi_report.parsers.html:read_html",
        renderer="fazhi_report.renderers.html:HtmlRenderer",
        styles=("official",),
        description="web pages: read from government sites' pages, written in the official look",
        sniff=looks_like_html,
    )
)
register_format(
    Format(
        "pdf",
        suffixes=(".pdf",),
        reader="fazhi_report.parsers.pdf:read_pdf",
        binary=True,
        magic=b"%PDF-",
        description="PDF files' text layer, rebuilt into paragraphs (read only; the pdf extra)",
    )
)
register_format(
    Format(
        "outline",
        renderer="fazhi_report.renderers.outline:OutlineRenderer",
        styles=("default",),
        description="a report's outline, as 'fazhi-report inspect' prints it (written only)",
    )
)
