"""Every quantity a report states, as typed values: ``刑事拘留821人``, ``1.1万起``, ``99.44%``.

A figure is a number followed by a unit (人, 起, 次, 件, 家, 个, 项, %, 万元, …), with what
surrounds it read as well:

- a **multiplier** (万, 亿, 千, 百万, 千万) is applied: ``1.1万起`` is 11000 起;
- a **qualifier** is kept as written: before the number 约/近/超过/逾/不足/不到, after it
  余/多 (``4300余人``), after the unit 以上/以下/左右;
- a **change** is kept when the number is one: ``同比下降8.9%`` is a fall of 8.9 % on the same
  period of last year; ``较上年增长12%`` a rise on last year;
- percentages keep their precision (``99.44%`` is ``Decimal("99.44")``).

What is **not** a figure (see docs/figures.md): dates and years (``2024年``, ``11月8日``,
``3至11月``), a number inside quotation marks (a name: ``“十项行动”``, ``“12.4”宪法宣传日``),
an ordinal (``第3``), a number glued to Latin letters or other digits (``B1``, ``4.0版``,
``14:09``), and a number without a unit (``830平台``). Chinese numerals are counts only after
a word that counts (连续, 累计, 共, 先后, 为期, 历时…) or with 余/多 (``连续十二年`` is 12 年,
``十余次`` is 10 次); elsewhere they are names (``三级审核``, ``一窗通办``, ``五个亲自``).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from fazhi_report.analysis.figures.figure import Change, Direction, Figure
from fazhi_report.analysis.figures.scanning import (
    COUNT_CUES,
    MULTIPLIERS,
    UNITS,
    normalise,
    scan,
)
from fazhi_report.analysis.records import JoinedText, Location
from fazhi_report.layout import positional_maker
from fazhi_report.model import Report

__all__ = [
    "COUNT_CUES",
    "MULTIPLIERS",
    "UNITS",
    "Change",
    "Direction",
    "Figure",
    "figures_in",
    "find_figures",
]

_make_location = positional_maker(Location)


def figures_in(text: str, location: Location | None = None) -> Iterator[Figure]:
    """The figures of one string, in order (see the module docs for what counts).

    Args:
        text: a sentence, a paragraph's text, a point's title or text.
        location: where the string is, given to each figure.
    """
    place = (location or Location(), 0, len(text))
    norm = normalise(text)
    return scan(norm, text, lambda offset: place)


def find_figures(report: Report) -> list[Figure]:
    """Every figure a report states, in document order (`fazhi_report.figures` calls this).

    The headings, preamble, section bodies (paragraph text, point titles and texts, table
    cells) and closing are read; the title (it states a year, never a quantity) and page
    metadata are not. A table cell gives a figure when it states one with its unit
    (``12件``); a bare number (``12`` under a heading ``件数``) does not. All strings are
    searched in one pass over their joined text.
    """
    joined = JoinedText(report, kinds=_READ)
    text = joined.text
    norm = normalise(text)
    field, starts = joined.field, joined.starts

    def where(offset: int) -> tuple[Location, int, int]:
        index = bisect.bisect_right(starts, offset) - 1
        made = field(index)
        begin = starts[index]
        location = _make_location(made.path, made.section, made.line)
        return location, begin, begin + len(made.text)

    return list(scan(norm, text, where))


_READ = frozenset({"heading", "paragraph", "point_title", "point_text", "cell"})
