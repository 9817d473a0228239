"""Plain data at the edges: the model to and from dicts and JSON, through one cattrs converter.

Dates are ISO strings, roles their string values. Layout records are left out unless asked for
(``layout=True``); with them, a report that went through JSON still renders its source exactly.
Unknown keys are refused, so a misspelt field is an error rather than silently dropped.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
from typing import Any

import attrs
import cattrs
import cattrs.gen
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError

from fazhi_report import layout as _layout
from fazhi_report import model as _model
from fazhi_report.errors import DataError

__all__ = ["from_dict", "from_json", "make_converter", "to_dict", "to_json"]

_NODES = (
    _model.Report,
    _model.Section,
    _model.Paragraph,
    _model.Point,
    _model.Signature,
    _model.PageInfo,
)
_LAYOUTS = (
    _layout.ReportLayout,
    _layout.Style,
    _layout.TitleLayout,
    _layout.AddresseeLayout,
    _layout.ParagraphLayout,
    _layout.PointLayout,
    _layout.SectionLayout,
    _layout.SignatureLayout,
)


def _structure_date(value: Any, _: Any) -> _dt.date:
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO date string, got {type(value).__name__}")
    if "T" in value or " " in value:
        return _dt.datetime.fromisoformat(value)
    return _dt.date.fromisoformat(value)


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
    for cls in (*_NODES, *_LAYOUTS):
        overrides: dict[str, Any] = {}
        if not layout and "layout" in attrs.fields_dict(cls):
            overrides["layout"] = cattrs.gen.override(omit=True)
        conv.register_unstructure_hook(
            cls, cattrs.gen.make_dict_unstructure_fn(cls, conv, **overrides)
        )
        conv.register_structure_hook(
            cls,
            cattrs.gen.make_dict_structure_fn(
                cls, conv, _cattrs_forbid_extra_keys=True, **overrides
            ),
        )
    return conv


@functools.cache
def _converter(layout: bool) -> cattrs.Converter:
    return make_converter(layout=layout)


def to_dict(report: _model.Report, *, layout: bool = False) -> dict[str, Any]:
    """The report as plain data (dicts, lists, strings, numbers, ``None``).

    Args:
        report: the report.
        layout: include layout records, so ``render(from_dict(d), "text")`` stays lossless.
    """
    data: dict[str, Any] = _converter(layout).unstructure(report)
    return data


def from_dict(data: dict[str, Any]) -> _model.Report:
    """A report from plain data as :func:`to_dict` writes it (with or without layout).

    Raises:
        DataError: the data does not describe a report (unknown keys, wrong types); the message
            names every offending path, e.g. ``$.sections[0].level``.
    """
    if not isinstance(data, dict):
        raise DataError(
            f"a report is a JSON object, not {type(data).__name__}", expected="an object"
        )
    try:
        report: _model.Report = _converter(True).structure(data, _model.Report)
    except (ClassValidationError, ForbiddenExtraKeysError) as exc:
        problems = "; ".join(cattrs.transform_error(exc, path="$"))
        raise DataError(f"not a report: {problems}") from None
    except (ValueError, TypeError, KeyError) as exc:
        raise DataError(f"not a report: {exc}") from None
    return report


def to_json(report: _model.Report, *, layout: bool = False, indent: int | None = 2) -> str:
    """The report as JSON text (UTF-8 characters kept as they are, not ``\\u`` escapes)."""
    return json.dumps(to_dict(report, layout=layout), ensure_ascii=False, indent=indent) + "\n"


def from_json(text: str | bytes, *, source: str = "<json>") -> _model.Report:
    """A report from JSON text as :func:`to_json` writes it.

    Raises:
        DataError: the text is not JSON, or not a report; the message names the line.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(
            f"not valid JSON: {exc.msg}", source=source, line=exc.lineno, expected="JSON"
        ) from None
    except UnicodeDecodeError as exc:
        raise DataError(f"not UTF-8 text: {exc.reason}", source=source) from None
    try:
        return from_dict(data)
    except DataError as exc:
        raise DataError(exc.message, source=source) from None
