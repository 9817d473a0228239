"""Parsing never fails with anything but a FazhiReportError, whatever digits the text holds.

``\\d`` in a pattern matches every Unicode digit (Arabic-Indic ٢٠٢٤, mathematical 𝟐𝟎𝟐𝟒…), and
``int()`` of such a match fails on some of them; the parser's patterns name the digits they mean.
"""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

import fazhi_report as fr

from .strategies import FRAGMENTS

# digits of many scripts, and the characters around numbers in dates, years and markers
ODD_DIGITS = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹०१२३४५६७८९𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗０１２３４５６７８９0123456789²³¹⁴"
NUMBER_PARTS = ("年", "月", "日", "-", "/", ".", ":", "：", "、", "（", "）", "(", ")", "是")
_pieces = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.sampled_from(NUMBER_PARTS),
    st.text(alphabet=ODD_DIGITS, min_size=1, max_size=5),
    st.text(max_size=3),
)
digit_heavy_text = st.lists(_pieces, max_size=40).map("".join)


@given(digit_heavy_text)
def test_parse_never_raises_and_renders_back(text: str) -> None:
    report = fr.parse(text)
    assert fr.render(report, "text") == text


@given(digit_heavy_text)
def test_parse_of_bytes_raises_only_library_errors(text: str) -> None:
    with contextlib.suppress(fr.FazhiReportError):
        fr.parse(text.encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize(
    "text",
    [
        "发布日期：٢٠٢٤-03-05\n正文。\n",
        "青禾县公安局٢٠٢٤年法治政府建设情况报告\n一、情况\n",
        "青禾县公安局𝟐𝟎𝟐𝟒年法治政府建设情况报告\n一、情况\n",
        "一、𝟐𝟎𝟐𝟓年重点工作\n正文。\n",
        "导语：٢٠٢٤年，本局坚持依法行政。\n一、情况\n",
        "一、情况\n正文。\n青禾县公安局\n٢٠٢٦年1月28日\n",
        "𝟐𝟎𝟐𝟒年，经过努力。\n",
        "(١)情况\n١.情况\n",
    ],
)
def test_foreign_digits_are_text(text: str) -> None:
    report = fr.parse(text)
    assert fr.render(report, "text") == text
    assert report.year is None or 1000 <= report.year <= 9999
