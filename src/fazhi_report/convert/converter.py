"""The converter between the model and plain data: strict structuring hooks that name every
refused path, the layout bounds, and the data version."""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Callable
from typing import Any, Literal, TypeVar, cast, get_args, get_origin

import attrs
import cattrs
import cattrs.gen
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.v import format_exception

from fazhi_report import _surrogates
from fazhi_report import layout as _layout
from fazhi_report.model import (
    Block,
    FieldError,
    PageInfo,
    Paragraph,
    Report,
    SectionRole,
    Table,
)

__all__ = ["DATA_VERSION", "configure_converter", "make_converter"]

DATA_VERSION = 1
"""The version of the plain-data form `to_dict` writes (the ``"version"`` key)."""

_V = TypeVar("_V")

# Bounds for the layout counts a document can have. Text is rebuilt from them (``line_end *
# blank_lines``), so an unbounded count from untrusted JSON would be a memory bomb.
LAYOUT_BOUNDS: dict[tuple[type, str], tuple[int, int]] = {
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


def format_refusal(exc: BaseException, kind: type | None) -> str:
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
    for (owner, field), (low, high) in LAYOUT_BOUNDS.items():
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


def _is_literal(kind: Any) -> bool:
    return get_origin(kind) is Literal


def _structure_literal(kind: Any) -> Callable[[Any, Any], Any]:
    """A closed set of strings (`fazhi_report.numbering.DateStyle`): one of them, exactly."""
    allowed = get_args(kind)

    def structure(value: Any, _: Any) -> Any:
        if type(value) is str and value in allowed:
            return value
        raise _Refused(f"expected one of {', '.join(map(repr, allowed))}, got {value!r}")

    return structure


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
    conv.register_structure_hook_factory(_is_literal, _structure_literal)
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
def cached_converter(layout: bool) -> cattrs.Converter:
    """The converter `make_converter` makes, made once for each ``layout``."""
    return make_converter(layout=layout)
