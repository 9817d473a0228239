"""The values analyses return as plain JSON data: one converter for all of them."""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

import attrs
import cattrs
import cattrs.gen

__all__ = ["PLAIN", "register_plain_hook", "unstructure"]

_V = TypeVar("_V")

PLAIN = "fazhi_report.plain"
"""The `attrs` field metadata key for a field's own plain form, e.g.
``attrs.field(metadata={PLAIN: lambda v: round(v, 3)})``."""


def _plain_str(value: str) -> str:
    # a str-valued enum is a str too: written as its value, not as the member
    return value.value if isinstance(value, enum.Enum) else value


def _make_plain_converter() -> cattrs.Converter:
    conv = cattrs.Converter(unstruct_collection_overrides={Sequence: list, tuple: list})
    conv.register_unstructure_hook(str, _plain_str)
    conv.register_unstructure_hook(Decimal, str)  # a string keeps every digit
    conv.register_unstructure_hook(_dt.date, lambda d: d.isoformat())
    conv.register_unstructure_hook(_dt.datetime, lambda d: d.isoformat())
    conv.register_unstructure_hook(enum.Enum, lambda member: member.value)

    def fields_fn(cls: type) -> Callable[[Any], dict[str, Any]]:
        overrides: dict[str, Any] = {
            field.name: cattrs.gen.override(unstruct_hook=field.metadata[PLAIN])
            for field in attrs.fields(cls)
            if PLAIN in field.metadata
        }
        made: Callable[[Any], dict[str, Any]] = cattrs.gen.make_dict_unstructure_fn(
            cls, conv, **overrides
        )
        return made

    conv.register_unstructure_hook_factory(attrs.has, fields_fn)
    return conv


_PLAIN_CONVERTER = _make_plain_converter()


def unstructure(value: Any) -> Any:
    """Any value the library returns as plain JSON data (the one converter for all of them).

    An `attrs` value becomes a dict of its fields in order (a field's `PLAIN` metadata, if
    any, makes its value), a `Decimal` a string (every digit kept), a date an ISO string,
    an enum its value, a tuple or list a list; a class with a plain form of its own
    registers it with `register_plain_hook`.
    """
    return _PLAIN_CONVERTER.unstructure(value)


def register_plain_hook(cls: type[_V], hook: Callable[[_V], Any]) -> None:
    """Give ``cls`` a plain form of its own (a result whose JSON is not its fields)."""
    _PLAIN_CONVERTER.register_unstructure_hook(cls, hook)
