"""A report to and from dicts and JSON text."""

from __future__ import annotations

import json
from typing import Any

import cattrs
import cattrs.gen
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from fazhi_report import _surrogates
from fazhi_report.convert.converter import cached_converter, format_refusal
from fazhi_report.convert.streaming import JsonWriter
from fazhi_report.errors import DataError
from fazhi_report.model import (
    Report,
)

__all__ = ["from_dict", "from_json", "to_dict", "to_json"]


def to_dict(report: Report, *, layout: bool = False) -> dict[str, Any]:
    """The report as plain data (dicts, lists, strings, numbers, ``None``).

    The dict starts with ``"version": 1``, the version of this data form.

    Args:
        report: the report.
        layout: include layout records, so ``render(from_dict(d), "text")`` stays lossless.
    """
    data: dict[str, Any] = cached_converter(layout).unstructure(report)
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
        report: Report = cached_converter(True).structure(data, Report)
    except (ClassValidationError, IterableValidationError, ForbiddenExtraKeysError) as exc:
        problems = "; ".join(cattrs.transform_error(exc, path="$", format_exception=format_refusal))
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
        writer = JsonWriter(cached_converter(layout), layout, indent)
        writer.node(report, 0)
        writer.write("\n")
        text = writer.text()
    _surrogates.check_output(text, report, "JSON")
    return text


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
