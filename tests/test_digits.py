"""Digits other than ASCII and full-width ones are text, never numbers (and never a crash).

Python's ``\\d`` and ``int()`` accept every Unicode decimal digit: Arabic-Indic ``٢٠٢٤``,
mathematical bold ``𝟐𝟎𝟐𝟒``, Devanagari ``२०२४``. No report writes numbers so, and reading
them as numbers here and as text there is how ``parse`` came to raise a bare ValueError. The
numbering helpers read ``[0-9０-９]`` only, and never raise on such text.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fazhi_report.numbering import (
    DATE_SEARCH_RE,
    chinese_to_int,
    match_marker,
    parse_date,
)

DIGIT_FRAGMENTS = (
    "٢٠٢٤",  # Arabic-Indic
    "۲۰۲۴",  # extended Arabic-Indic
    "𝟐𝟎𝟐𝟒",  # mathematical bold
    "२०२४",  # Devanagari
    "２０２４",  # full width
    "2024",
    "٣",
    "𝟑",
    "３",
    "3",
    "二〇二四",
    "十二",
)
TEXT_FRAGMENTS = (
    "年",
    "年度",
    "月",
    "日",
    "法治政府建设",
    "情况报告",
    "某局",
    "、",
    ".",
    "．",
    "（",
    "）",
    "(",
    ")",
    "是",
    "-",
    "/",
    " ",
    "\n",
)
fragments = st.lists(st.sampled_from(DIGIT_FRAGMENTS + TEXT_FRAGMENTS), max_size=24).map("".join)
_NUMBER_CHARS = re.compile(r"[0-9０-９〇零一二三四五六七八九十百千两]+")


@given(fragments)
def test_markers_read_only_ascii_and_full_width_digits(text: str) -> None:
    marker = match_marker(text)
    if marker is not None:
        assert text.startswith(marker.raw)
        assert 1 <= marker.level <= 4 and 1 <= marker.number <= 99
        assert not re.search(r"[^\x00-\x7f\uff00-\uffef\u4e00-\u9fff（）、]", marker.raw)


@given(fragments)
def test_dates_never_raise(text: str) -> None:
    found = parse_date(text)
    assert found is None or found[1] in ("arabic", "iso", "chinese")
    for match in DATE_SEARCH_RE.finditer(text):
        # a match of the search pattern is always a date parse_date reads (or an impossible day)
        parse_date(match.group())


@given(fragments)
def test_chinese_to_int_raises_only_value_error(text: str) -> None:
    try:
        value = chinese_to_int(text)
    except ValueError:
        return  # the documented refusal
    assert value >= 0
    assert _NUMBER_CHARS.fullmatch(text)


@pytest.mark.parametrize("digits", ["٢٠٢٤", "𝟐𝟎𝟐𝟒", "२०२४", "۲۰۲۴"])
def test_other_digits_are_not_numbers(digits: str) -> None:
    with pytest.raises(ValueError, match="not a Chinese numeral"):
        chinese_to_int(digits)
    assert match_marker(digits[:1] + "、标题") is None
    assert match_marker(f"({digits[:1]})标题") is None
    assert match_marker(digits[:1] + ".标题") is None
    assert parse_date(f"{digits}年1月28日") is None
    assert parse_date(f"{digits}-01-28") is None
    assert DATE_SEARCH_RE.search(f"落款{digits}年1月28日") is None


def test_full_width_digits_are_numbers() -> None:
    assert chinese_to_int("２０２４") == 2024
    assert match_marker("３．标题") is not None
    found = parse_date("２０２６年１月２８日")
    assert found is not None and found[0].year == 2026
