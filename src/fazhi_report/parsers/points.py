"""Pass 4 of the structure builder: 一是/二是… points split out of a paragraph's text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from fazhi_report.layout import PointLayout, positional_maker
from fazhi_report.model import Point
from fazhi_report.numbering import chinese_to_int, int_to_chinese
from fazhi_report.parsers.forms import POINT_BOUNDARY, find_point_stop

_make_point = positional_maker(Point)  # valid by construction: no model checks (see tree.py)

__all__ = ["split_points"]

_NUMERAL_CHARS = frozenset("一二三四五六七八九十")
_POINT_NUMBERS = {int_to_chinese(n): n for n in range(1, 100)}
# (marker, number, stop, line)
_point_layout = positional_maker(PointLayout)


def split_points(
    content: str,
    last: int,
    line: int | None = None,
    line_starts: Sequence[tuple[int, int]] = (),
    form: re.Pattern[str] | None = None,
) -> tuple[str, list[Point], int]:
    """Split a paragraph's text into its lead text and its 一是/二是… points.

    Args:
        content: the paragraph's whole text.
        last: the number of the last point before this paragraph in the same run of points
            (numbering continues across paragraphs), or 0.
        line: the source line the paragraph starts on, if known, to give each point its line.
        line_starts: for a paragraph joined from several lines, the offset into ``content``
            where each later line starts and that line's number, in order.
        form: the point marker of a house style instead of 一是/二是… (group 1 its numeral),
            from the house hints (`fazhi_report.parsers.hints.HouseHints.point_form`).

    Returns:
        The lead text, the points, and the number of the last point afterwards.
    """
    starts: list[tuple[int, int, int]] = []
    find = content.find
    if form is not None:
        for m in form.finditer(content):
            s = m.start()
            number = chinese_to_int(m.group(1))
            if (number == last + 1 or number == 1) and (s == 0 or content[s - 1] in POINT_BOUNDARY):
                starts.append((s, m.end(), number))
                last = number
        at = -1
    else:
        # str.find is many times faster than a regex: 是 is common, a numeral before it is not
        at = find("是", 1)
    while at > 0:
        if content[at - 1] in _NUMERAL_CHARS:
            s = at - 1
            while s > 0 and at - s < 3 and content[s - 1] in _NUMERAL_CHARS:
                s -= 1
            number = _POINT_NUMBERS.get(content[s:at], 0)
            if (
                number
                and (number == last + 1 or number == 1)
                and (s == 0 or content[s - 1] in POINT_BOUNDARY)
            ):
                starts.append((s, at + 1, number))
                last = number
        at = find("是", at + 1)
    if not starts:
        return content, [], last
    points: list[Point] = []
    for k, (s, body_start, number) in enumerate(starts):
        stop_end = starts[k + 1][0] if k + 1 < len(starts) else len(content)
        segment = content[body_start:stop_end]
        i = find_point_stop(segment)
        if i < 0:
            title, stop, text = segment, "", ""
        else:
            title, stop, text = segment[:i], segment[i], segment[i + 1 :]
        at_line = line
        if line_starts:
            for offset, number_at in line_starts:
                if offset > s:
                    break
                at_line = number_at
        points.append(
            _make_point(
                number, title, text, _point_layout(content[s:body_start], number, stop, at_line)
            )
        )
    return content[: starts[0][0]], points, last
