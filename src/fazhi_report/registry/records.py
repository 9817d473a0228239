"""What a format is: the `Format` record, what `formats` says of one (`FormatInfo`), and the
`Parser` protocol of a format read whole."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from fazhi_report.registry.renderer import Renderer

if TYPE_CHECKING:
    from fazhi_report.model import Report
    from fazhi_report.parsers.contract import LineReader

__all__ = ["Format", "FormatInfo", "Parser"]


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
