"""The element names the Word reader looks for, and two small tree helpers."""

from __future__ import annotations

from typing import Any

from fazhi_report._ooxml import W

__all__ = ["MC", "child", "to_int", "w"]

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
"""The markup-compatibility namespace (``mc:AlternateContent``, ``mc:Choice``, ``mc:Fallback``)."""

_W = f"{{{W}}}"


def w(name: str) -> str:
    """The Clark name (``{namespace}name``) of a WordprocessingML element or attribute."""
    return _W + name


def child(element: Any, tag: str) -> Any:
    """The first child with this tag, or ``None``.

    lxml's ``find`` goes through its ElementPath machinery even for one tag, several times
    slower than walking the children: readers of many files feel it.
    """
    return next(element.iterchildren(tag), None)


def to_int(value: str | None, default: int) -> int:
    """``value`` as an integer, or ``default`` when it is missing or not a number."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
