"""Plain data at the edges: the model to and from dicts and JSON, through one cattrs converter.

Dates are ISO strings, roles their string values. Layout records are left out unless asked for
(``layout=True``); with them, a report that went through JSON still renders its source exactly.
Unknown keys are refused, so a misspelt field is an error rather than silently dropped.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import cattrs
import cattrs.gen
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError

from fazhi_report.errors import DataError
from fazhi_report.model import Report, SectionRole

__all__ = ["from_dict", "from_json", "make_converter", "to_dict", "to_json"]

_V = TypeVar("_V")


def _structure_date(value: Any, _: Any) -> _dt.date:
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO date string, got {type(value).__name__}")
    if "T" in value or " " in value:
        return _dt.datetime.fromisoformat(value)
    return _dt.date.fromisoformat(value)


def _exactly(kind: type[_V]) -> Callable[[Any, Any], _V]:
    def structure(value: Any, _: Any) -> _V:
        if type(value) is not kind:
            raise TypeError(f"expected {kind.__name__}, got {type(value).__name__} {value!r}")
        return value

    return structure


def make_converter(*, layout: bool = False) -> cattrs.Converter:
    """The converter between the model and plain data.

    Args:
        layout: include the source-layout records (``layout`` keys), so that lossless rendering
            survives a trip through JSON.
    """
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_unstructure_hook(_dt.date, lambda d: d.isoformat())
    conv.register_unstructure_hook(_dt.datetime, lambda d: d.isoformat())
    conv.register_structure_hook(_dt.date, _structure_date)
    conv.register_unstructure_hook(SectionRole, lambda role: role.value)
    # JSON from elsewhere must say what it means: 2024.5 is no year and 5 is no title
    conv.register_structure_hook(int, _exactly(int))
    conv.register_structure_hook(str, _exactly(str))
    conv.register_structure_hook(bool, _exactly(bool))
    # registered after str: SectionRole is a str too, and must come back as a SectionRole
    conv.register_structure_hook(SectionRole, lambda value, _: SectionRole(value))

    def omitted(cls: type) -> dict[str, Any]:
        if not layout and "layout" in attrs.fields_dict(cls):
            return {"layout": cattrs.gen.override(omit=True)}
        return {}

    # Factories, not hooks made up front: a hook made before its field types' hooks would
    # capture cattrs' defaults for them (and so write layouts it was told to omit).
    conv.register_unstructure_hook_factory(
        attrs.has, lambda cls: cattrs.gen.make_dict_unstructure_fn(cls, conv, **omitted(cls))
    )
    conv.register_structure_hook_factory(
        attrs.has,
        lambda cls: cattrs.gen.make_dict_structure_fn(
            cls, conv, _cattrs_forbid_extra_keys=True, **omitted(cls)
        ),
    )
    return conv


@functools.cache
def _converter(layout: bool) -> cattrs.Converter:
    return make_converter(layout=layout)


def to_dict(report: Report, *, layout: bool = False) -> dict[str, Any]:
    """The report as plain data (dicts, lists, strings, numbers, ``None``).

    Args:
        report: the report.
        layout: include layout records, so ``render(from_dict(d), "text")`` stays lossless.
    """
    data: dict[str, Any] = _converter(layout).unstructure(report)
    return data


def from_dict(data: dict[str, Any]) -> Report:
    """A report from plain data as `to_dict` writes it (with or without layout).

    Raises:
        DataError: the data does not describe a report (unknown keys, wrong types); the message
            names every offending path, e.g. ``$.sections[0].level``.
    """
    if not isinstance(data, dict):
        raise DataError(
            f"a report is a JSON object, not {type(data).__name__}", expected="an object"
        )
    try:
        report: Report = _converter(True).structure(data, Report)
    except (ClassValidationError, ForbiddenExtraKeysError) as exc:
        problems = "; ".join(cattrs.transform_error(exc, path="$"))
        raise DataError(f"not a report: {problems}") from None
    except (ValueError, TypeError, KeyError) as exc:
        raise DataError(f"not a report: {exc}") from None
    return report


def to_json(report: Report, *, layout: bool = False, indent: int | None = 2) -> str:
    """The report as JSON text, characters kept as they are (not ``\\u`` escapes).

    Args:
        report: the report.
        layout: include layout records, so lossless rendering survives the trip.
        indent: spaces per nesting level, or ``None`` for one line.
    """
    return json.dumps(to_dict(report, layout=layout), ensure_ascii=False, indent=indent) + "\n"


def from_json(text: str | bytes, *, source: str = "<json>") -> Report:
    """A report from JSON text as `to_json` writes it.

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
