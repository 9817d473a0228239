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

import datetime as _dt
import functools
import itertools
import json
import re
from collections.abc import Callable
from typing import Any, TypeVar, cast, get_args, get_origin

import attrs
import cattrs
import cattrs.gen
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.v import format_exception

from fazhi_report import _surrogates
from fazhi_report import layout as _layout
from fazhi_report.errors import DataError
from fazhi_report.model import (
    Block,
    FieldError,
    PageInfo,
    Paragraph,
    Point,
    Report,
    Section,
    SectionRole,
    Table,
)

__all__ = [
    "DATA_VERSION",
    "configure_converter",
    "from_dict",
    "from_json",
    "make_converter",
    "to_dict",
    "to_json",
]

DATA_VERSION = 1
"""The version of the plain-data form `to_dict` writes (the ``"version"`` key)."""

_V = TypeVar("_V")

# Bounds for the layout counts a document can have. Text is rebuilt from them (``line_end *
# blank_lines``), so an unbounded count from untrusted JSON would be a memory bomb.
_LAYOUT_BOUNDS: dict[tuple[type, str], tuple[int, int]] = {
    (_layout.Style, "blank_lines"): (0, 100),
    (_layout.SectionLayout, "level"): (0, 4),
    (_layout.SectionLayout, "number"): (0, 9999),
    (_layout.PointLayout, "number"): (0, 9999),
}
_MAX_OFFSET = 100_000_000  # a break offset past 100 M characters is no paragraph of a report
_LINE_ENDS = frozenset(("", "\n", "\r\n", "\r"))
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ISO_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?"
)


class _Refused(ValueError):
    """A value refused with a reason of our own (shown as is, not as cattrs' generic text)."""


def _structure_date(value: Any, _: Any) -> _dt.date:
    if isinstance(value, _dt.datetime):
        raise _Refused(f"expected a date, got a datetime {value.isoformat()!r}")
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str):
        raise _Refused(f"expected an ISO date string, got {type(value).__name__} {value!r}")
    if not _ISO_DATE.fullmatch(value):
        raise _Refused(f"expected an ISO date such as '2026-01-28', got {value!r}")
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise _Refused(f"no such day: {value!r}") from None


def _structure_moment(value: Any, _: Any) -> _dt.date | None:
    """`PageInfo.published`: a date, or a date and time of day."""
    if value is None or isinstance(value, _dt.date):
        return value
    if isinstance(value, str) and _ISO_DATETIME.fullmatch(value):
        try:
            return _dt.datetime.fromisoformat(value)
        except ValueError:
            raise _Refused(f"no such moment: {value!r}") from None
    return _structure_date(value, None)


_ROLE_VALUES = ", ".join(repr(role.value) for role in SectionRole)


def _structure_role(value: Any, _: Any) -> SectionRole:
    if isinstance(value, str):
        try:
            return SectionRole(value)
        except ValueError:
            pass
    raise _Refused(f"expected one of {_ROLE_VALUES}, got {value!r}")


def _structure_str(value: Any, _: Any) -> str:
    if type(value) is not str:
        raise TypeError(f"expected str, got {type(value).__name__} {value!r}")
    at = _surrogates.find(value)
    if at >= 0:
        # a JSON "\ud800" escape: no character, so no renderer could write it
        raise _Refused(f"holds a lone surrogate (U+{ord(value[at]):04X}), which is no character")
    return value


def _exactly(kind: type[_V]) -> Callable[[Any, Any], _V]:
    def structure(value: Any, _: Any) -> _V:
        if type(value) is not kind:
            raise TypeError(f"expected {kind.__name__}, got {type(value).__name__} {value!r}")
        return value

    return structure


def _is_list(kind: Any) -> bool:
    return get_origin(kind) is list


def _format(exc: BaseException, kind: type | None) -> str:
    if isinstance(exc, _Refused):
        return str(exc)
    if isinstance(exc, TypeError) and str(exc).startswith("expected "):
        return str(exc)
    return format_exception(exc, kind)


def _add_note(exc: BaseException, note: str) -> None:
    # BaseException.add_note is Python 3.11+; cattrs reads ``__notes__`` on 3.10 as well
    setattr(exc, "__notes__", [*getattr(exc, "__notes__", []), note])  # noqa: B010


def _attribute_error(cls: type, field: str, reason: str) -> ClassValidationError:
    """A cattrs error for one field of ``cls``, so `cattrs.transform_error` can name its path."""
    inner = _Refused(reason)
    note = AttributeValidationNote(
        f"Structuring class {cls.__qualname__} @ attribute {field}", field, cls
    )
    _add_note(inner, note)
    return ClassValidationError(f"While structuring {cls.__name__}", [inner], cls)


def _name_fields(error: ClassValidationError, cls: type) -> ClassValidationError:
    """``error`` with each `FieldError` the model raised tied to its field, for the path."""
    exceptions: list[Exception] = []
    for exc in error.exceptions:
        if isinstance(exc, FieldError) and not getattr(exc, "__notes__", None):
            exceptions.extend(_attribute_error(cls, exc.field, exc.reason).exceptions)
        else:
            exceptions.append(exc)
    return ClassValidationError(error.message, exceptions, cls)


def _check_layout(node: Any) -> None:
    cls = type(node)
    for (owner, field), (low, high) in _LAYOUT_BOUNDS.items():
        if owner is cls:
            value = getattr(node, field)
            if not low <= value <= high:
                raise _attribute_error(cls, field, f"expected {low} to {high}, got {value}")
    if cls is _layout.Style and node.line_end not in _LINE_ENDS:
        raise _attribute_error(cls, "line_end", f"expected a line end, got {node.line_end!r}")
    if cls is _layout.ParagraphLayout:
        for offset, _raw in node.breaks:
            if not 0 <= offset <= _MAX_OFFSET:
                raise _attribute_error(
                    cls, "breaks", f"expected offsets of 0 or more, got {offset}"
                )


def configure_converter(converter: cattrs.Converter, *, layout: bool) -> None:
    """Register the model's hooks on a cattrs converter, as cattrs' ``preconf`` modules do.

    Use it to add the model to a converter of your own (with your own hooks for other
    classes). The converter should have detailed validation on (cattrs' default), so errors
    name their paths.

    Args:
        converter: the converter to configure.
        layout: write the source-layout records (``layout`` keys) when unstructuring, so
            that lossless rendering survives a trip through plain data. Layout is always
            read when present.
    """
    conv = converter
    conv.register_unstructure_hook(_dt.date, lambda d: d.isoformat())
    conv.register_unstructure_hook(_dt.datetime, lambda d: d.isoformat())
    conv.register_structure_hook(_dt.date, _structure_date)
    conv.register_unstructure_hook(SectionRole, lambda role: role.value)
    # JSON from elsewhere must say what it means: 2024.5 is no year and 5 is no title
    conv.register_structure_hook(int, _exactly(int))
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(bool, _exactly(bool))
    # registered after str: SectionRole is a str too, and must come back as a SectionRole
    conv.register_structure_hook(SectionRole, _structure_role)
    conv.register_structure_hook_factory(_is_list, lambda kind: _list_hook(conv, kind))

    def structure_block(value: Any, _: Any) -> Block:
        # a table is the block with rows; anything else must be a paragraph
        kind = Table if isinstance(value, dict) and "rows" in value else Paragraph
        return cast(Block, conv.structure(value, kind))

    conv.register_structure_hook_func(lambda kind: kind == Block, structure_block)

    def unstructure_omitted(cls: type) -> dict[str, Any]:
        if not layout and "layout" in attrs.fields_dict(cls):
            return {"layout": cattrs.gen.override(omit=True)}
        return {}

    def unstructure_fn(cls: type) -> Callable[[Any], Any]:
        base: Callable[[Any], dict[str, Any]] = cattrs.gen.make_dict_unstructure_fn(
            cls, conv, **unstructure_omitted(cls)
        )
        if cls is not Report:
            return base

        def unstructure_report(report: Report) -> dict[str, Any]:
            return {"version": DATA_VERSION, **base(report)}

        return unstructure_report

    # Factories, not hooks made up front: a hook made before its field types' hooks would
    # capture cattrs' defaults for them (and so write layouts it was told to omit).
    conv.register_unstructure_hook_factory(attrs.has, unstructure_fn)
    conv.register_structure_hook_factory(attrs.has, lambda cls: _structure_fn(conv, cls))


def _list_hook(conv: cattrs.Converter, kind: Any) -> Callable[[Any, Any], list[Any]]:
    """Lists that must be JSON arrays: cattrs would also read ``{}`` or ``"ab"`` as a list."""
    (item_type,) = get_args(kind) or (Any,)

    def structure(value: Any, _: Any) -> list[Any]:
        if type(value) is not list:
            raise _Refused(f"expected a list, got {type(value).__name__} {value!r:.40}")
        item = conv.get_structure_hook(item_type)
        out: list[Any] = []
        errors: list[Exception] = []
        for index, element in enumerate(value):
            try:
                out.append(item(element, item_type))
            except Exception as exc:  # collected, as cattrs does, to name every bad item
                _add_note(
                    exc,
                    IterableValidationNote(f"Structuring {kind} @ index {index}", index, item_type),
                )
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {kind!r}", errors, kind)
        return out

    return structure


def _structure_fn(conv: cattrs.Converter, cls: type) -> Callable[[Any, Any], Any]:
    overrides: dict[str, Any] = {}
    if cls is PageInfo:
        overrides["published"] = cattrs.gen.override(struct_hook=_structure_moment)
        overrides["issued"] = cattrs.gen.override(struct_hook=_structure_moment)
    base: Callable[[Any, Any], Any] = cattrs.gen.make_dict_structure_fn(
        cls, conv, _cattrs_forbid_extra_keys=True, **overrides
    )
    is_layout = cls.__module__ == _layout.__name__

    def structure(value: Any, kind: Any) -> Any:
        if cls is Report and isinstance(value, dict) and "version" in value:
            version = value["version"]
            if type(version) is not int or version != DATA_VERSION:
                raise _attribute_error(
                    cls,
                    "version",
                    f"unknown data version {version!r} (this library reads {DATA_VERSION})",
                )
            value = {key: item for key, item in value.items() if key != "version"}
        if not isinstance(value, dict):
            raise _Refused(f"expected an object, got {type(value).__name__} {value!r:.40}")
        try:
            node = base(value, kind)
        except FieldError as exc:  # the model refused a value: name its field
            raise _attribute_error(cls, exc.field, exc.reason) from None
        except ClassValidationError as exc:
            # newer cattrs wraps the constructor's error too, but without naming a field
            raise _name_fields(exc, cls) from None
        if is_layout:
            _check_layout(node)
        return node

    return structure


def make_converter(*, layout: bool = False) -> cattrs.Converter:
    """The converter between the model and plain data.

    Args:
        layout: include the source-layout records (``layout`` keys), so that lossless rendering
            survives a trip through JSON.
    """
    conv = cattrs.Converter(forbid_extra_keys=True)
    configure_converter(conv, layout=layout)
    return conv


@functools.cache
def _converter(layout: bool) -> cattrs.Converter:
    return make_converter(layout=layout)


def to_dict(report: Report, *, layout: bool = False) -> dict[str, Any]:
    """The report as plain data (dicts, lists, strings, numbers, ``None``).

    The dict starts with ``"version": 1``, the version of this data form.

    Args:
        report: the report.
        layout: include layout records, so ``render(from_dict(d), "text")`` stays lossless.
    """
    data: dict[str, Any] = _converter(layout).unstructure(report)
    return data


def from_dict(data: dict[str, Any]) -> Report:
    """A report from plain data as `to_dict` writes it (with or without layout).

    Args:
        data: the plain data; its ``"version"`` key, if any, must be 1.

    Raises:
        DataError: the data does not describe a report (unknown keys, wrong types, values the
            model refuses, an unknown version); the message names every offending path, e.g.
            ``$.sections[0].level``.
    """
    if not isinstance(data, dict):
        raise DataError(
            f"a report is a JSON object, not {type(data).__name__}", expected="an object"
        )
    try:
        report: Report = _converter(True).structure(data, Report)
    except (ClassValidationError, IterableValidationError, ForbiddenExtraKeysError) as exc:
        problems = "; ".join(cattrs.transform_error(exc, path="$", format_exception=_format))
        raise DataError(f"not a report: {problems}") from None
    except (ValueError, TypeError, KeyError) as exc:
        raise DataError(f"not a report: {exc}") from None
    except RecursionError:
        raise DataError("not a report: nested too deeply") from None
    return report


def to_json(report: Report, *, layout: bool = False, indent: int | None = 2) -> str:
    """The report as JSON text, characters kept as they are (not ``\\u`` escapes).

    Args:
        report: the report.
        layout: include layout records, so lossless rendering survives the trip.
        indent: spaces per nesting level, or ``None`` for one line.

    Raises:
        DataError: a string of the report holds a lone surrogate (the message names it).
    """
    if indent is None:
        text = json.dumps(to_dict(report, layout=layout), ensure_ascii=False) + "\n"
    else:
        writer = _JsonWriter(_converter(layout), layout, indent)
        writer.node(report, 0)
        writer.write("\n")
        text = writer.text()
    _surrogates.check_output(text, report, "JSON")
    return text


_JOIN_EVERY = 4096  # pieces gathered before they are joined into one


class _JsonWriter:
    """``json.dumps(to_dict(report), ensure_ascii=False, indent=indent)``, written node by node.

    The dict of a whole report and the pieces ``json.dumps`` makes of it with an indent (its
    C encoder takes no indent) cost twenty times the JSON text for a report of a million
    one-line headings. Here the report, its sections and paragraphs are written as their
    fields are reached, each other value through the same converter as `to_dict` and then
    ``json.dumps``, indented to its place; the pieces are joined as they come.
    """

    __slots__ = ("_keys", "_pads", "conv", "encoder", "indent", "layout", "parts", "pieces")

    def __init__(self, conv: cattrs.Converter, layout: bool, indent: int) -> None:
        self.conv = conv
        self.layout = layout
        self.indent = indent
        self.pieces: list[str] = []
        self.parts: list[str] = []
        self.encoder = json.JSONEncoder(ensure_ascii=False, indent=indent)
        self._pads = ["\n"]  # the line break and indent of each level
        self._keys: dict[tuple[type, int], list[tuple[str | None, str]]] = {}

    def write(self, piece: str) -> None:
        self.pieces.append(piece)

    def text(self) -> str:
        self.parts.append("".join(self.pieces))
        self.pieces.clear()
        return "".join(self.parts)

    def node(self, node: Any, level: int) -> None:
        keys = self._keys.get((type(node), level))
        if keys is None:
            keys = self._make_keys(type(node), level)
        pieces = self.pieces
        write, value = pieces.append, self.value
        for name, key in keys:
            write(key)
            if name is not None:
                value(getattr(node, name), level + 1)
        write(self._pads[level] + "}")
        if len(pieces) >= _JOIN_EVERY:
            self.parts.append("".join(pieces))
            pieces.clear()

    def _make_keys(self, cls: type, level: int) -> list[tuple[str | None, str]]:
        """What a node of ``cls`` at ``level`` writes before each field's value: the brace or
        comma, the line break and indent, the key (``None`` as the name: the version, whole)."""
        while len(self._pads) <= level + 1:
            self._pads.append("\n" + " " * (self.indent * len(self._pads)))
        pad = self._pads[level + 1]
        keys: list[tuple[str | None, str]] = []
        if cls is Report:
            keys.append((None, "{" + pad + f'"version": {DATA_VERSION}'))
        for attribute in attrs.fields(cls):
            name = attribute.name
            if name != "layout" or self.layout:
                keys.append((name, ("," if keys else "{") + pad + f'"{name}": '))
        self._keys[cls, level] = keys
        return keys

    def value(self, value: Any, level: int) -> None:
        kind = type(value)
        if kind is str:
            self.pieces.append(_encode_str(value))
        elif kind in _STREAMED:
            self.node(value, level)
        elif kind is list and not value:
            self.pieces.append("[]")
        elif kind is list and type(value[0]) in _ITEMS:
            while len(self._pads) <= level + 1:
                self._pads.append("\n" + " " * (self.indent * len(self._pads)))
            pad = self._pads[level + 1]
            write = self.pieces.append
            write("[" + pad)
            self.value(value[0], level + 1)
            for item in itertools.islice(value, 1, None):
                write("," + pad)
                self.value(item, level + 1)
            write(self._pads[level] + "]")
        else:
            if kind is int:
                self.write(int.__repr__(value))
            elif value is None or kind is bool:
                self.write(_CONSTANTS[value])
            elif kind is SectionRole:
                self.write(_encode_str(value.value))
            else:
                text = self.encoder.encode(self.conv.unstructure(value))
                # a JSON string holds no raw line break: each one is the indentation's
                self.write(text.replace("\n", self._pads[level]))


# ``json.dumps`` of the plain values, as its encoder writes them (non-ASCII kept)
_encode_str: Callable[[str], str] = json.encoder.encode_basestring
_CONSTANTS = {None: "null", True: "true", False: "false"}

# What `_JsonWriter` writes field by field (the rest goes whole through the converter), and
# the items of the lists it writes item by item.
_STREAMED = frozenset({Report, Section, Paragraph})
_ITEMS = frozenset({Section, Paragraph, Table, Point})


def from_json(text: str | bytes, *, source: str = "<json>") -> Report:
    """A report from JSON text as `to_json` writes it.

    Args:
        text: the JSON text (bytes are read as UTF-8).
        source: a name for the text, used in error messages.

    Raises:
        DataError: the text is not JSON, or not a report; the message names the line.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(
            f"not valid JSON: {exc.msg}", source=source, line=exc.lineno, expected="JSON"
        ) from None
    except RecursionError:
        raise DataError("JSON nested too deeply to be a report", source=source) from None
    except UnicodeDecodeError as exc:
        raise DataError(f"not UTF-8 text: {exc.reason}", source=source) from None
    try:
        return from_dict(data)
    except DataError as exc:
        raise DataError(exc.message, source=source) from None
