"""The model's field guards: the checks and conversions every node field runs when set.

`SectionRole`, `MAX_YEAR` and `FieldError` are public (importable from `fazhi_report.model`);
the rest is shared with `fazhi_report.model.nodes` only.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Callable
from typing import Any

import attrs

from fazhi_report.errors import DataError

__all__ = ["MAX_YEAR", "FieldError", "SectionRole"]


class SectionRole(str, enum.Enum):
    """The part of the report a section is, as 《法治政府建设与责任落实督察工作规定》 lists them."""

    MEASURES = "measures"
    """Main measures taken and results achieved (主要举措和成效)."""
    RESPONSIBILITY = "responsibility"
    """How the principal leader performed the duty of first responsible person (第一责任人职责)."""
    SHORTCOMINGS = "shortcomings"
    """Shortcomings (存在的不足/问题), with their causes when one section covers both."""
    CAUSES = "causes"
    """Causes of the shortcomings (原因分析), when they have a section of their own."""
    PLANS = "plans"
    """Next year's plan (下一步工作安排/计划)."""
    OTHER = "other"
    """Other matters to report (其他需要报告的事项), or a part of no known kind."""


# --------------------------------------------------------------------------- field guards
#
# The builder makes thousands of nodes per document, so the checks are plain functions with
# one type test each, not chains of attrs' generic validators.

_Hook = Callable[[Any, "attrs.Attribute[Any]", Any], Any]

MAX_YEAR = 9999
"""The largest year a report can cover: a title writes its year in four digits."""


class FieldError(DataError):
    """A value one field of one model class cannot hold: a `DataError` naming both.

    Attributes:
        owner: the class name, e.g. ``"Section"``.
        field: the field name, e.g. ``"level"`` (``"points[2]"`` for an item of a list).
        reason: what is wrong, e.g. ``"must be 1 to 4 (…), got int 5"``.
    """

    def __init__(self, owner: str, field: str, reason: str) -> None:
        self.owner = owner
        self.field = field
        self.reason = reason
        super().__init__(f"{self.owner}.{field} {reason}")

    def __reduce__(self) -> tuple[type[FieldError], tuple[str, str, str]]:
        # errors cross process pools (batch parsing): rebuild from the three parts
        return (type(self), (self.owner, self.field, self.reason))


def _describe(value: object) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text if len(text) <= 40 else text[:37] + '...'}"


# Each check is an attrs ``on_setattr`` hook: it gets the value being set and returns it (or
# raises), so an edit costs one call. Construction runs them all through `_check_all` only
# when a class's one-call fast path (``__attrs_post_init__``) sees something unusual.


def _fail(instance: Any, field: str, reason: str) -> FieldError:
    return FieldError(type(instance).__name__, field, reason)


def _check_str(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> Any:
    if not isinstance(value, str):
        raise _fail(instance, attribute.name, f"must be a str, got {_describe(value)}")
    return value


def _check_optional_str(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> Any:
    if value is not None and not isinstance(value, str):
        raise _fail(instance, attribute.name, f"must be a str or None, got {_describe(value)}")
    return value


def _check_bool(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> Any:
    if type(value) is not bool:
        raise _fail(instance, attribute.name, f"must be True or False, got {_describe(value)}")
    return value


def _is_int(value: object) -> bool:
    # bool is an int to Python, but True is no section number
    return isinstance(value, int) and not isinstance(value, bool)


def _check_number(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> Any:
    if not _is_int(value) or value < 1:
        raise _fail(
            instance, attribute.name, f"must be an int of at least 1, got {_describe(value)}"
        )
    return value


def _check_level(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> Any:
    if not _is_int(value) or not 1 <= value <= 4:
        raise _fail(
            instance,
            attribute.name,
            f"must be 1 to 4 (一、 （一） 1. （1）), got {_describe(value)}",
        )
    return value


def _check_year(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> Any:
    if value is not None and (not _is_int(value) or not 0 <= value <= MAX_YEAR):
        raise _fail(
            instance,
            attribute.name,
            f"must be an int from 0 to {MAX_YEAR} or None, got {_describe(value)}",
        )
    return value


def _list_of(*kinds: type) -> _Hook:
    names = [kind.__name__ for kind in kinds]

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> Any:
        if not isinstance(value, list):
            raise _fail(
                instance,
                attribute.name,
                f"must be a list of {' or '.join(names)}, got {_describe(value)}",
            )
        for index, item in enumerate(value):
            if not isinstance(item, kinds):
                raise _fail(
                    instance,
                    f"{attribute.name}[{index}]",
                    f"must be a {' or a '.join(names)}, got {_describe(item)}",
                )
        return value

    return check


def _optional(kind: type) -> _Hook:
    name = kind.__name__

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> Any:
        if value is not None and not isinstance(value, kind):
            raise _fail(
                instance, attribute.name, f"must be a {name} or None, got {_describe(value)}"
            )
        return value

    return check


def _instance_of(kind: type) -> _Hook:
    name = kind.__name__

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> Any:
        if not isinstance(value, kind):
            raise _fail(instance, attribute.name, f"must be a {name}, got {_describe(value)}")
        return value

    return check


_ROLE_VALUES = ", ".join(repr(role.value) for role in SectionRole)


def _to_role(value: SectionRole | str | None) -> SectionRole | None:
    """A role from a `SectionRole` or its string value (``"measures"``)."""
    if value is None or type(value) is SectionRole:
        return value
    if isinstance(value, str):
        try:
            return SectionRole(value)
        except ValueError:
            pass
    raise FieldError(
        "Section",
        "role",
        f"must be a SectionRole, one of {_ROLE_VALUES}, or None, got {_describe(value)}",
    )


def _set_role(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> Any:
    return _to_role(value)


def _to_date(value: _dt.date | str | None) -> _dt.date | None:
    """A date from a `datetime.date` or an ISO string (``"2026-01-15"``)."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        # a signature carries a day, not a moment: say so rather than drop the time
        raise FieldError(
            "Signature", "date", f"must be a date, not a datetime ({value!r}): pass value.date()"
        )
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            raise FieldError(
                "Signature", "date", f"must be an ISO date such as '2026-01-15', got {value!r}"
            ) from None
    raise FieldError(
        "Signature",
        "date",
        f"must be a datetime.date, an ISO date string or None, got {_describe(value)}",
    )


def _set_date(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> Any:
    return _to_date(value)


def _check_published(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> Any:
    # a page may give a time of day: a datetime is welcome here
    if value is not None and not isinstance(value, _dt.date):
        raise _fail(
            instance,
            attribute.name,
            f"must be a datetime.date, a datetime.datetime or None, got {_describe(value)}",
        )
    return value


def _check_all(instance: Any) -> None:
    """Run every field's check; raises `FieldError` for the first value that fails."""
    for attribute in attrs.fields(type(instance)):
        hook = attribute.on_setattr
        if callable(hook):
            hook(instance, attribute, getattr(instance, attribute.name))
