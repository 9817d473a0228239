"""Tests for fazhi_report.numbering: numerals, heading markers, point markers, dates."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fazhi_report.numbering import (
    DATE_SEARCH_RE,
    POINT_MARKER_RE,
    Marker,
    chinese_to_int,
    format_date,
    format_marker,
    format_point_marker,
    int_to_chinese,
    match_marker,
    parse_date,
    year_to_chinese,
)

# ----------------------------------------------------------------------------- numerals


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("零", 0),
        ("〇", 0),
        ("一", 1),
        ("两", 2),
        ("九", 9),
        ("十", 10),
        ("一十", 10),
        ("十一", 11),
        ("二十", 20),
        ("九十九", 99),
        ("一百", 100),
        ("一百零五", 105),
        ("一百一十", 110),
        ("一百〇五", 105),
        ("一千零一十", 1010),
        ("两千零二十六", 2026),
        ("二千零二十六", 2026),
        ("九千九百九十九", 9999),
        ("二〇二六", 2026),
        ("二零二六", 2026),
        ("一九五〇", 1950),
        ("2026", 2026),
        ("7", 7),
        ("２０２６", 2026),
        ("１２", 12),
    ],
)
def test_chinese_to_int(text: str, expected: int) -> None:
    assert chinese_to_int(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "十 ",
        "万",
        "一万",
        "abc",
        "十a",
        "-1",
        "1.5",
        "²",
        "十十",
        "十百",
        "百",
        "千",
        "零十",
        "二二十",
        "二零十",
        "一百零",
        "一百零零五",
        "一百五",
    ],
)
def test_chinese_to_int_rejects(text: str) -> None:
    with pytest.raises(ValueError, match=r"numeral|number"):
        chinese_to_int(text)


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (0, "零"),
        (1, "一"),
        (2, "二"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (99, "九十九"),
        (100, "一百"),
        (105, "一百零五"),
        (110, "一百一十"),
        (111, "一百一十一"),
        (1000, "一千"),
        (1001, "一千零一"),
        (1010, "一千零一十"),
        (1100, "一千一百"),
        (2026, "二千零二十六"),
        (9999, "九千九百九十九"),
    ],
)
def test_int_to_chinese(number: int, expected: str) -> None:
    assert int_to_chinese(number) == expected


@pytest.mark.parametrize("number", [-1, 10000, 123456])
def test_int_to_chinese_out_of_range(number: int) -> None:
    with pytest.raises(ValueError, match=r"0\.\.9999"):
        int_to_chinese(number)


@given(st.integers(min_value=0, max_value=9999))
def test_int_to_chinese_round_trip(number: int) -> None:
    assert chinese_to_int(int_to_chinese(number)) == number


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2026, "二〇二六"), (1950, "一九五〇"), (2000, "二〇〇〇"), (0, "〇")],
)
def test_year_to_chinese(year: int, expected: str) -> None:
    assert year_to_chinese(year) == expected


def test_year_to_chinese_rejects_negative() -> None:
    with pytest.raises(ValueError, match=">= 0"):
        year_to_chinese(-1)


@given(st.integers(min_value=1000, max_value=9999))
def test_year_to_chinese_round_trip(year: int) -> None:
    assert chinese_to_int(year_to_chinese(year)) == year


# ------------------------------------------------------------------------- heading markers


@pytest.mark.parametrize(
    ("text", "level", "number", "raw"),
    [
        ("一、总体情况", 1, 1, "一、"),
        ("三.加强组织领导", 1, 3, "三."),
        ("四．下一步工作", 1, 4, "四．"),
        ("十、其他", 1, 10, "十、"),
        ("十二、其他", 1, 12, "十二、"),
        ("二十一、其他", 1, 21, "二十一、"),
        ("一、二〇二五年工作情况", 1, 1, "一、"),
        ("一、一年来的主要工作", 1, 1, "一、"),
        ("（一）深化改革", 2, 1, "（一）"),
        ("(一)深化改革", 2, 1, "(一)"),
        ("(一）深化改革", 2, 1, "(一）"),
        ("（一)深化改革", 2, 1, "（一)"),
        ("（十五）其他", 2, 15, "（十五）"),
        ("1.完善制度", 3, 1, "1."),
        ("1、完善制度", 3, 1, "1、"),
        ("1．完善制度", 3, 1, "1．"),
        ("１．完善制度", 3, 1, "１．"),
        ("１２、完善制度", 3, 12, "１２、"),
        ("12.完善制度", 3, 12, "12."),
        ("1.", 3, 1, "1."),
        ("（1）加强培训", 4, 1, "（1）"),
        ("(1)加强培训", 4, 1, "(1)"),
        ("(12）加强培训", 4, 12, "(12）"),
        ("（１）加强培训", 4, 1, "（１）"),
    ],
)
def test_match_marker(text: str, level: int, number: int, raw: str) -> None:
    assert match_marker(text) == Marker(level=level, number=number, raw=raw)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "本年度，我局认真贯彻落实",
        # Level 3 followed by a digit: a decimal or an enumeration.
        "1.5万人次",
        "1、2月",
        "１．５万人",
        "12.3%",
        # Level 1 followed by another numeral and 、，, 月 or 季度.
        "三、四月份以来",
        "一、二季度",
        "一、二、三级",
        "一、二，三",
        "一、二,三",
        "十、十一月",
        "十一、十二月",
        # Level 4 must be exactly a bracketed number.
        "（1a）",
        "(1.5)",
        "（1",
        "（一",
        # Out of range or not a numeral.
        "0.完善",
        "(0)",
        "01.完善",
        "100.完善",
        "（100）",
        "2026.1.28",
        "2026年",
        "〇、",
        "零、",
        "二〇二六年",
        "一二、",
        "百、",
        "（〇）",
        # Markers must be at the start.
        " 一、总体",
        "总体一、",
        "一是加强",
        "一总体",
        "1 完善",
    ],
)
def test_match_marker_rejects(text: str) -> None:
    assert match_marker(text) is None


def test_marker_is_frozen() -> None:
    marker = Marker(level=1, number=1, raw="一、")
    with pytest.raises(AttributeError):
        marker.level = 2  # type: ignore[misc]


@pytest.mark.parametrize(
    ("args", "kwargs", "expected"),
    [
        ((1, 1), {}, "一、"),
        ((1, 12), {"half_width": True}, "十二、"),
        ((2, 1), {}, "（一）"),
        ((2, 10), {"half_width": True}, "(十)"),
        ((3, 1), {}, "1."),
        ((3, 2), {"level3_separator": "、"}, "2、"),
        ((3, 3), {"level3_separator": "．"}, "3．"),
        ((4, 1), {}, "（1）"),
        ((4, 11), {"half_width": True}, "(11)"),
    ],
)
def test_format_marker(args: tuple[int, int], kwargs: dict[str, object], expected: str) -> None:
    assert format_marker(*args, **kwargs) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("level", "number", "separator", "message"),
    [
        (0, 1, ".", "levels"),
        (5, 1, ".", "levels"),
        (1, 0, ".", "start at 1"),
        (4, -1, ".", "start at 1"),
        (3, 1, ":", "separator"),
        (3, 1, "", "separator"),
    ],
)
def test_format_marker_rejects(level: int, number: int, separator: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        format_marker(level, number, level3_separator=separator)


@given(
    level=st.integers(min_value=1, max_value=4),
    number=st.integers(min_value=1, max_value=99),
    half_width=st.booleans(),
    separator=st.sampled_from([".", "、", "．"]),
    rest=st.sampled_from(["", "加强组织领导", "2026年工作"]),
)
def test_marker_round_trip(
    level: int, number: int, half_width: bool, separator: str, rest: str
) -> None:
    raw = format_marker(level, number, half_width=half_width, level3_separator=separator)
    marker = match_marker(raw + rest)
    if level == 3 and rest.startswith("2"):
        # A digit right after a level-3 marker reads as a decimal or an enumeration.
        assert marker is None
    else:
        assert marker == Marker(level=level, number=number, raw=raw)


# ------------------------------------------------------------------------- points


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("一是加强学习", [("一", 0)]),
        ("一是加强学习；二是完善制度；三是强化监督", [("一", 0), ("二", 7), ("三", 14)]),
        ("十二是其他", [("十二", 0)]),
        ("二十一是其他", [("二十一", 0)]),
        ("统一是必要的", [("一", 1)]),
        ("这是一个例子", []),
        ("〇是", []),
    ],
)
def test_point_marker_re(text: str, found: list[tuple[str, int]]) -> None:
    assert [(m.group(1), m.start()) for m in POINT_MARKER_RE.finditer(text)] == found


@given(st.integers(min_value=1, max_value=99))
def test_point_marker_round_trip(number: int) -> None:
    text = format_point_marker(number)
    match = POINT_MARKER_RE.fullmatch(text)
    assert match is not None
    assert chinese_to_int(match.group(1)) == number


@pytest.mark.parametrize(("number", "expected"), [(1, "一是"), (3, "三是"), (10, "十是")])
def test_format_point_marker(number: int, expected: str) -> None:
    assert format_point_marker(number) == expected


@pytest.mark.parametrize("number", [0, -3])
def test_format_point_marker_rejects(number: int) -> None:
    with pytest.raises(ValueError, match="start at 1"):
        format_point_marker(number)


# ----------------------------------------------------------------------------- dates

JAN_28 = datetime.date(2026, 1, 28)


@pytest.mark.parametrize(
    ("text", "expected", "style"),
    [
        ("2026年1月28日", JAN_28, "arabic"),
        ("2026年01月28日", JAN_28, "arabic"),
        ("2026 年 1 月 28 日", JAN_28, "arabic"),
        ("  2026年1月28日\n", JAN_28, "arabic"),
        ("２０２６年１月２８日", JAN_28, "arabic"),
        ("2026-01-28", JAN_28, "iso"),
        ("2026-1-28", JAN_28, "iso"),
        ("2026/1/28", JAN_28, "iso"),
        ("2026.1.28", JAN_28, "iso"),
        ("二〇二六年一月二十八日", JAN_28, "chinese"),
        ("二零二六年一月二十八日", JAN_28, "chinese"),
        ("二零二六年元月二十八日", JAN_28, "chinese"),
        ("二〇二五年十二月三十一日", datetime.date(2025, 12, 31), "chinese"),
        ("二〇二五年十月十日", datetime.date(2025, 10, 10), "chinese"),
        ("二〇二五年十一月二十日", datetime.date(2025, 11, 20), "chinese"),
        ("二〇二四年二月二十九日", datetime.date(2024, 2, 29), "chinese"),
    ],
)
def test_parse_date(text: str, expected: datetime.date, style: str) -> None:
    assert parse_date(text) == (expected, style)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2026年1月28",
        "2026年1月",
        "26年1月28日",
        "2026年1月28日发布",
        "泾源县公安局 2026年1月28日",
        "2026-1/28",
        "2026-01-28T00:00",
        "20260128",
        "2026年2月30日",
        "2025年2月29日",
        "2026年13月1日",
        "2026年0月1日",
        "2026-02-30",
        "0000-01-01",
        "二〇二六年二月三十日",
        "二〇二六年十三月一日",
        "二〇二六年一月三十二日",
        "二〇二六年一月四十日",
        "二〇二六年一月零日",
        "二六年一月二十八日",
        "二〇二六年1月28日",
    ],
)
def test_parse_date_rejects(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("泾源县公安局 2026年1月28日", "2026年1月28日"),
        ("泾源县公安局2026 年 1 月 28 日", "2026 年 1 月 28 日"),
        ("泾源县人民政府\u3000二〇二六年一月二十八日", "二〇二六年一月二十八日"),
        ("发布于2026-01-28。", "2026-01-28"),
        ("编号12026年1月28日", None),
        ("2026-01-281", None),
        ("没有日期", None),
    ],
)
def test_date_search_re(text: str, expected: str | None) -> None:
    match = DATE_SEARCH_RE.search(text)
    assert (match.group() if match else None) == expected
    if match:
        assert parse_date(match.group()) is not None


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("arabic", "2026年1月28日"),
        ("iso", "2026-01-28"),
        ("chinese", "二〇二六年一月二十八日"),
    ],
)
def test_format_date(style: str, expected: str) -> None:
    assert format_date(JAN_28, style) == expected


def test_format_date_default_style_is_arabic() -> None:
    assert format_date(datetime.date(2025, 12, 5)) == "2025年12月5日"


def test_format_date_iso_ignores_time_of_day() -> None:
    assert format_date(datetime.datetime(2026, 1, 28, 9, 30), "iso") == "2026-01-28"


@pytest.mark.parametrize("style", ["", "ISO", "roman"])
def test_format_date_rejects_unknown_style(style: str) -> None:
    with pytest.raises(ValueError, match="unknown date style"):
        format_date(JAN_28, style)


@given(
    date=st.dates(min_value=datetime.date(1950, 1, 1), max_value=datetime.date(2100, 12, 31)),
    style=st.sampled_from(["arabic", "iso", "chinese"]),
)
def test_date_round_trip(date: datetime.date, style: str) -> None:
    text = format_date(date, style)
    assert parse_date(text) == (date, style)
    match = DATE_SEARCH_RE.search("某某单位 " + text + " 印发")
    assert match is not None
    assert match.group() == text
