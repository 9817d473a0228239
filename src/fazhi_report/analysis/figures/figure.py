"""What a figure is: `Figure`, one quantity a report states, and the `Change` it may state."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal, cast

import attrs

from fazhi_report.analysis.figures.lazy import LazyFields
from fazhi_report.analysis.records import Location
from fazhi_report.convert import unstructure

__all__ = ["Change", "Direction", "Figure"]

Direction = Literal["up", "down"]
"""Which way a `Change` goes: ``"up"`` (上升, 增长…) or ``"down"`` (下降, 减少…)."""


@attrs.frozen
class Change:
    """The comparison a figure states: ``同比下降8.9%``, ``较上年增长12%``.

    Attributes:
        direction: ``"up"`` (上升, 增长, 增加, 提高…) or ``"down"`` (下降, 减少, 降低…).
        basis: what it is compared with, as written (``"同比"``, ``"较上年"``), or ``None``.
        text: the words as written, e.g. ``"同比下降"``.
    """

    direction: Direction
    basis: str | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        """The change as plain JSON data (`fazhi_report.convert.unstructure`)."""
        return cast("dict[str, Any]", unstructure(self))


@attrs.frozen
class Figure(LazyFields):
    """One quantity a report states.

    Attributes:
        value: the quantity with its multiplier applied (``1.1万起`` gives 11000); a
            percentage keeps the digits written (``Decimal("99.44")``).
        unit: the unit, e.g. ``"人"``, ``"起"``, ``"%"``, ``"万元"``, ``"个月"``.
        number: the number as written before the multiplier, as a decimal (``1.1``).
        multiplier: the multiplier applied (10000 for 万), 1 when none.
        qualifier: 余, 多, 约, 近, 超过, 以上, 以下… as written, or ``None`` for an exact figure.
        change: the comparison the figure is, if it is one (``同比下降8.9%``).
        text: the figure exactly as written, qualifiers and change words included.
        context: the words of its clause before it (``"刑事拘留"``), at most 20 characters.
        sentence: the sentence it stands in.
        location: the string it stands in; ``start``/``end`` index ``text`` in that string.
        start: where ``text`` starts in the string ``location.path`` names.
        end: where ``text`` ends in that string.

    A figure found in a report makes ``value``, ``number``, ``context`` and ``sentence`` on
    the first read of any of them (equality, ``repr``, `to_dict` and pickling read them as
    usual): a search that looks at units and places only does not pay for them
    (`fazhi_report.analysis.figures.lazy`).
    """

    value: Decimal
    unit: str
    number: Decimal
    multiplier: int
    qualifier: str | None
    change: Change | None
    text: str
    context: str
    sentence: str
    location: Location
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """The figure as plain JSON data (`fazhi_report.convert.unstructure`)."""
        return cast("dict[str, Any]", unstructure(self))

    def describe(self) -> str:
        """The figure without its location: ``"11000 起 [同比下降]  1.1万起"``."""
        qualifier = f" ({self.qualifier})" if self.qualifier else ""
        change = f" [{self.change.text}]" if self.change else ""
        return f"{self.value} {self.unit}{qualifier}{change}  {self.text}"

    def __str__(self) -> str:
        return f"{self.location}: {self.describe()}"
