"""Chinese numerals, heading markers, point markers and dates.

These helpers are called once per line by the parsers, so every regular expression is
compiled at import time and the common small numbers are served from precomputed tables.

Heading levels follow the usual official numbering of a 法治政府建设情况报告:

| Level | Official form | Also recognised                         |
|-------|---------------|-----------------------------------------|
| 1     | `一、`        | `一.` `一．`                            |
| 2     | `（一）`      | `(一)` and any bracket mix              |
| 3     | `1.`          | `1、` `1．`, full-width digits          |
| 4     | `（1）`       | `(1)` and any bracket mix               |
"""

from __future__ import annotations

import datetime
import re
from typing import Literal, NamedTuple

__all__ = [
    "DATE_SEARCH_RE",
    "POINT_MARKER_RE",
    "DateStyle",
    "Marker",
    "chinese_to_int",
    "format_date",
    "format_marker",
    "format_point_marker",
    "int_to_chinese",
    "match_marker",
    "parse_date",
    "year_to_chinese",
]

DateStyle = Literal["arabic", "iso", "chinese"]
"""How a date is written: ``"arabic"`` (2026年1月28日), ``"iso"`` (2026-01-28) or
``"chinese"`` (二〇二六年一月二十八日)."""

# --------------------------------------------------------------------------- numerals

_DIGIT_VALUES: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNIT_VALUES: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
_ZERO_CHARS = frozenset("零〇")
_DIGIT_CHARS = "零一二三四五六七八九"
_YEAR_DIGIT_CHARS = "〇一二三四五六七八九"
_UNITS_DESCENDING: tuple[tuple[int, str], ...] = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))

# ASCII or full-width digits only: ``str.isdigit`` would also accept superscripts and the like.
_ARABIC_RE = re.compile(r"[0-9０-９]+")

_STYLES: tuple[DateStyle, ...] = ("arabic", "iso", "chinese")


def _int_to_chinese_uncached(number: int) -> str:
    if number < 10:
        return _DIGIT_CHARS[number]
    parts: list[str] = []
    zero_pending = False
    for unit_value, unit_char in _UNITS_DESCENDING:
        digit = number // unit_value % 10
        if digit == 0:
            # A gap only needs a 零 if something non-zero comes after it (一千零五, not 一千零).
            zero_pending = bool(parts)
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        parts.append(_DIGIT_CHARS[digit] + unit_char)
    text = "".join(parts)
    # 10..19 are written 十, 十一 … not 一十一 when they stand alone.
    return text[1:] if number < 20 else text


def _chinese_to_int_uncached(text: str) -> int:
    if not text:
        raise ValueError("cannot read a number from an empty string")
    if _ARABIC_RE.fullmatch(text):
        return int(text)  # int() understands full-width digits natively
    if not any(char in _UNIT_VALUES for char in text):
        # No 十/百/千: a single digit, or a year written digit by digit (二〇二六).
        value = 0
        for char in text:
            digit = _DIGIT_VALUES.get(char)
            if digit is None:
                raise ValueError(f"not a Chinese numeral: {text!r} (bad character {char!r})")
            value = value * 10 + digit
        return value
    total = 0
    pending: int | None = None
    last_unit = 10_000
    for char in text:
        digit = _DIGIT_VALUES.get(char)
        if digit is not None:
            # Only 零 may be followed by another digit (一百零五); 二二十 or 零零 are malformed.
            if pending is not None and not (pending == 0 and digit != 0):
                raise ValueError(f"not a Chinese numeral: {text!r} (two digits in a row)")
            pending = digit
            continue
        unit = _UNIT_VALUES.get(char)
        if unit is None:
            raise ValueError(f"not a Chinese numeral: {text!r} (bad character {char!r})")
        if unit >= last_unit:
            raise ValueError(f"not a Chinese numeral: {text!r} (units out of order)")
        if pending is None:
            if unit != 10:
                raise ValueError(f"not a Chinese numeral: {text!r} ({char!r} without a digit)")
            pending = 1  # 十 on its own stands for 一十
        elif pending == 0:
            raise ValueError(f"not a Chinese numeral: {text!r} (零 before {char!r})")
        total += pending * unit
        last_unit = unit
        pending = None
    if pending == 0:
        raise ValueError(f"not a Chinese numeral: {text!r} (trailing 零)")
    if pending is not None:
        # 一百五 is colloquial for 150; refuse it rather than guess (the official form is 一百五十).
        if last_unit > 10 and text[-2] not in _ZERO_CHARS:
            raise ValueError(f"ambiguous Chinese numeral: {text!r} (missing 零 or unit)")
        total += pending
    return total


# Heading and point numbers are almost always below 100: answer them with one dict lookup.
_SMALL_INT_TO_CHINESE: tuple[str, ...] = tuple(_int_to_chinese_uncached(n) for n in range(100))
_SMALL_CHINESE_TO_INT: dict[str, int] = {text: n for n, text in enumerate(_SMALL_INT_TO_CHINESE)}
_SMALL_CHINESE_TO_INT["〇"] = 0


def chinese_to_int(text: str) -> int:
    """Read a number written in Chinese numerals, ASCII digits or full-width digits.

    Handles 零/〇, 一 to 九, 两 (2) and the units 十, 百, 千, so every number from 0 to
    9999 in its ordinary form (``"十一"``, ``"一百零五"``, ``"两千零二十六"``). A string
    without 十/百/千 and with more than one digit is read digit by digit, as years are
    written (``"二〇二六"`` and ``"二零二六"`` are both 2026).

    Args:
        text: The numeral, with nothing around it.

    Returns:
        The value of the numeral.

    Raises:
        ValueError: If ``text`` is empty, contains anything else, or is malformed
            (``"十十"``, ``"一百五"``).

    Examples:
        >>> chinese_to_int("十一")
        11
        >>> chinese_to_int("二〇二六")
        2026
        >>> chinese_to_int("１２")
        12
    """
    value = _SMALL_CHINESE_TO_INT.get(text)
    if value is not None:
        return value
    return _chinese_to_int_uncached(text)


def int_to_chinese(number: int) -> str:
    """Write a number from 0 to 9999 in ordinary Chinese numerals.

    Numbers from 10 to 19 are written without a leading 一 (``"十"``, ``"十一"``); gaps
    take a single 零 (``"一百零五"``, ``"一千零一十"``).

    Args:
        number: The number, 0 to 9999.

    Returns:
        The Chinese numeral; ``"零"`` for 0.

    Raises:
        ValueError: If ``number`` is outside 0..9999.

    Examples:
        >>> int_to_chinese(2026)
        '二千零二十六'
    """
    if 0 <= number < 100:
        return _SMALL_INT_TO_CHINESE[number]
    if not 0 <= number <= 9999:
        raise ValueError(f"int_to_chinese handles 0..9999, got {number}")
    return _int_to_chinese_uncached(number)


def year_to_chinese(year: int) -> str:
    """Write a year digit by digit in Chinese numerals, with 〇 for zero.

    Args:
        year: The year; must not be negative.

    Returns:
        The year, e.g. ``"二〇二六"`` for 2026.

    Raises:
        ValueError: If ``year`` is negative.
    """
    if year < 0:
        raise ValueError(f"year_to_chinese needs a year >= 0, got {year}")
    return "".join(_YEAR_DIGIT_CHARS[int(char)] for char in str(year))


# ------------------------------------------------------------------------- heading markers

# 1..99 exactly (一, 十, 十一, 二十, 九十九): no 〇/零, so 二〇二六年 never starts a heading.
_CN_1_99 = r"十[一二三四五六七八九]?|[一二三四五六七八九](?:十[一二三四五六七八九]?)?"
_AR_1_99 = r"[1-9１-９][0-9０-９]?"
_OPEN = r"[（(]"
_CLOSE = r"[）)]"

# One alternation, so a line costs a single match() call; the group index gives the level.
_MARKER_RE = re.compile(
    # Level 1, unless it is an enumeration such as 三、四月份 / 一、二季度 / 一、二、三级.
    rf"(?:({_CN_1_99})[、.．](?![一二三四五六七八九十]{{1,3}}(?:[、，,]|月|季度))"
    # "（ 一 ）": text from a PDF pads the numeral with spaces
    rf"|{_OPEN}[ \u3000]?(?:({_CN_1_99})|({_AR_1_99}))[ \u3000]?{_CLOSE}"
    # Level 3, unless the separator is a decimal point or an enumeration (1.5万人, 1、2月).
    rf"|({_AR_1_99})[.．、](?![0-9０-９]))"
)
# Group index (re.Match.lastindex) -> heading level.
_GROUP_LEVEL: tuple[int, ...] = (0, 1, 2, 4, 3)
# Lines that cannot start with a marker are rejected without touching the regex.
_MARKER_FIRST_CHARS = frozenset("一二三四五六七八九十（(123456789１２３４５６７８９")
_LEVEL3_SEPARATORS = frozenset(".、．")


class Marker(NamedTuple):
    """A heading marker found at the start of a line.

    Attributes:
        level: The heading level, 1 (``一、``) to 4 (``（1）``).
        number: The number the marker carries, e.g. 3 for ``（三）``.
        raw: The marker exactly as written, e.g. ``"(一)"`` or ``"1．"``.
    """

    level: int
    number: int
    raw: str


def match_marker(text: str) -> Marker | None:
    """Recognise a numbered-heading marker at the start of a line.

    Recognised forms: level 1 ``一、`` ``一.`` ``一．``; level 2 ``（一）`` with any mix of
    full- and half-width brackets; level 3 ``1.`` ``1、`` ``1．`` (ASCII or full-width
    digits); level 4 ``（1）`` with any bracket mix. Numbers run from 1 to 99.

    Common false positives are rejected: a level-3 separator followed by a digit
    (``"1.5万人"``, ``"1、2月"``) and a level-1 marker followed by another numeral and
    then 、，, 月 or 季度 (``"三、四月份以来"``, ``"一、二季度"``, ``"一、二、三级"``).

    Args:
        text: The line, with its indentation already stripped.

    Returns:
        The marker, or ``None`` if the line does not start with one.

    Examples:
        >>> match_marker("（二）深化行政执法体制改革")
        Marker(level=2, number=2, raw='（二）')
        >>> match_marker("1.5万人次") is None
        True
    """
    if not text or text[0] not in _MARKER_FIRST_CHARS:
        return None
    match = _MARKER_RE.match(text)
    if match is None:
        return None
    index = match.lastindex
    assert index is not None  # every alternative has exactly one capturing group
    level = _GROUP_LEVEL[index]
    numeral = match.group(index)
    # Levels 3/4 are digits (int() reads full-width ones); levels 1/2 hit the small table,
    # and a numeral it lacks ("一十一") is no marker.
    number = int(numeral) if level >= 3 else _SMALL_CHINESE_TO_INT.get(numeral)
    if number is None:
        return None
    raw = match.group()
    # one string per marker as written, not one per heading: the layout of every heading
    # keeps its marker, and a report of a million "1." headings would keep a million copies
    shared = _RAW_MARKERS.get(raw)
    if shared is None:
        shared = raw
        if len(_RAW_MARKERS) < _RAW_MARKERS_MAX:
            _RAW_MARKERS[raw] = raw
    return Marker(level=level, number=number, raw=shared)


_RAW_MARKERS: dict[str, str] = {}
_RAW_MARKERS_MAX = 20_000  # the markers of levels 1 to 4, numbers 1 to 99, every form, fit


def format_marker(
    level: int, number: int, *, half_width: bool = False, level3_separator: str = "."
) -> str:
    """Write a heading marker in its official form.

    Args:
        level: The heading level, 1 to 4.
        number: The number to write, at least 1 (at most 9999 for levels 1 and 2).
        half_width: Use ASCII brackets for levels 2 and 4 (``"(一)"``, ``"(1)"``).
            Ignored for levels 1 and 3.
        level3_separator: The separator after a level-3 number: ``"."``, ``"、"`` or
            ``"．"``.

    Returns:
        ``"一、"``, ``"（一）"``, ``"1."`` or ``"（1）"`` style markers.

    Raises:
        ValueError: If ``level`` is outside 1..4, ``number`` is below 1, or
            ``level3_separator`` is not one of the accepted separators.
    """
    if number < 1:
        raise ValueError(f"marker numbers start at 1, got {number}")
    if level == 1:
        return int_to_chinese(number) + "、"
    if level == 2:
        numeral = int_to_chinese(number)
        return f"({numeral})" if half_width else f"（{numeral}）"
    if level == 3:
        if level3_separator not in _LEVEL3_SEPARATORS:
            raise ValueError(
                f"level-3 separator must be one of '.', '、', '．', got {level3_separator!r}"
            )
        return f"{number}{level3_separator}"
    if level == 4:
        return f"({number})" if half_width else f"（{number}）"
    raise ValueError(f"heading levels are 1..4, got {level}")


# --------------------------------------------------------------------------- points

POINT_MARKER_RE: re.Pattern[str] = re.compile(rf"({_CN_1_99})是")
"""Finds candidate point markers (一是, 二是 … 十二是) anywhere in a string.

Group 1 is the numeral, restricted to valid numerals from 1 to 99 so that
`chinese_to_int` always accepts it. The caller checks the context (start of a
sentence, after ``：`` or ``；``) itself, since ``统一是`` also matches.
"""


def format_point_marker(number: int) -> str:
    """Write a point marker such as ``"三是"``.

    Args:
        number: The point number, at least 1.

    Returns:
        The numeral followed by 是.

    Raises:
        ValueError: If ``number`` is below 1 or above 9999.
    """
    if number < 1:
        raise ValueError(f"point numbers start at 1, got {number}")
    return int_to_chinese(number) + "是"


# --------------------------------------------------------------------------- dates

_AR_DIGIT = "[0-9０-９]"
_CN_YEAR_DIGIT = "[〇零一二三四五六七八九]"
_CN_MONTH = r"元|十[一二]?|[一二三四五六七八九]"
_CN_DAY = r"三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九]"

# The look-arounds keep a search from starting or ending inside a longer number.
DATE_SEARCH_RE: re.Pattern[str] = re.compile(
    rf"(?<!{_AR_DIGIT})(?:"
    rf"(?P<ar_y>{_AR_DIGIT}{{4}})\s*年\s*(?P<ar_m>{_AR_DIGIT}{{1,2}})\s*月"
    rf"\s*(?P<ar_d>{_AR_DIGIT}{{1,2}})\s*日"
    rf"|(?P<iso_y>{_AR_DIGIT}{{4}})(?P<iso_sep>[-/.])(?P<iso_m>{_AR_DIGIT}{{1,2}})"
    rf"(?P=iso_sep)(?P<iso_d>{_AR_DIGIT}{{1,2}})(?!{_AR_DIGIT})"
    rf")"
    rf"|(?<!{_CN_YEAR_DIGIT})(?P<cn_y>{_CN_YEAR_DIGIT}{{4}})\s*年\s*(?P<cn_m>{_CN_MONTH})\s*月"
    rf"\s*(?P<cn_d>{_CN_DAY})\s*日"
)
"""Finds a date inside longer text, e.g. the date after the issuing body's name.

Matches the ``"arabic"`` (``2026年1月28日``), ``"iso"`` (``2026-01-28``, also with
``/`` or ``.``) and ``"chinese"`` (``二〇二六年一月二十八日``) forms; the match covers the
date only. Pass the matched text to `parse_date` to get the value.
"""

# re.Match.lastgroup (the day group closes last) -> style name.
_DAY_GROUP_STYLE: dict[str, DateStyle] = {"ar_d": "arabic", "iso_d": "iso", "cn_d": "chinese"}


def parse_date(text: str) -> tuple[datetime.date, DateStyle] | None:
    """Read a date that makes up the whole of ``text``.

    Accepted forms and the style name returned for each:

    - ``"arabic"``: ``2026年1月28日``, also with spaces (``2026 年 1 月 28 日``) or
      full-width digits;
    - ``"iso"``: ``2026-01-28``, ``2026-1-28``, ``2026/1/28``, ``2026.1.28``;
    - ``"chinese"``: ``二〇二六年一月二十八日``, ``二零二六年元月二十八日``.

    Args:
        text: The text; surrounding whitespace is ignored.

    Returns:
        The date and its style name, or ``None`` if ``text`` is not a date in one of
        these forms or names a day that does not exist (``2026年2月30日``).

    Examples:
        >>> parse_date("二〇二六年元月二十八日")
        (datetime.date(2026, 1, 28), 'chinese')
    """
    match = DATE_SEARCH_RE.fullmatch(text.strip())
    if match is None:
        return None
    style = _DAY_GROUP_STYLE[match.lastgroup or ""]
    if style == "chinese":
        year = chinese_to_int(match.group("cn_y"))
        month_text = match.group("cn_m")
        month = 1 if month_text == "元" else _SMALL_CHINESE_TO_INT[month_text]
        day = _SMALL_CHINESE_TO_INT[match.group("cn_d")]
    elif style == "arabic":
        year = int(match.group("ar_y"))
        month = int(match.group("ar_m"))
        day = int(match.group("ar_d"))
    else:
        year = int(match.group("iso_y"))
        month = int(match.group("iso_m"))
        day = int(match.group("iso_d"))
    try:
        return datetime.date(year, month, day), style
    except ValueError:  # 2月30日, 13月, year 0000
        return None


def format_date(date: datetime.date, style: DateStyle = "arabic") -> str:
    """Write a date in one of the styles `parse_date` reads.

    Args:
        date: The date.
        style: ``"arabic"`` (``2026年1月28日``), ``"iso"`` (``2026-01-28``) or
            ``"chinese"`` (``二〇二六年一月二十八日``).

    Returns:
        The formatted date.

    Raises:
        ValueError: If ``style`` is not one of the three names.
    """
    if style == "arabic":
        return f"{date.year}年{date.month}月{date.day}日"
    if style == "iso":
        # Not isoformat(): a datetime would bring its time along.
        return f"{date.year:04d}-{date.month:02d}-{date.day:02d}"
    if style == "chinese":
        return (
            f"{year_to_chinese(date.year)}年{_SMALL_INT_TO_CHINESE[date.month]}月"
            f"{_SMALL_INT_TO_CHINESE[date.day]}日"
        )
    raise ValueError(f"unknown date style {style!r}; expected one of {', '.join(_STYLES)}")
