"""Regression cases from ``bench/fuzz_official.py``: the official form reads back the same.

Each case is a shrunk input whose official rendering once parsed to a different report. The
fixes are rules on the form of text, so each case stands for a class of inputs.
"""

from __future__ import annotations

import pytest

import fazhi_report as fr

CASES = {
    # a heading line broken mid-sentence whose bracket closes on the next line: the stop is
    # decided on the joined lines, as the official form writes them
    "bracket-closes-on-next-line": "3．;三三（(2)3．市府：日（三)法治政府建设2\n）",
    "bracket-closes-on-next-line-2": "三、 （举24-03-05 14:09青禾县公安局\r）",
    # a title that would read as a link, a marker or a date once its spaces go keeps them
    "title-would-be-a-link": "www.导 府\n，",
    "title-would-be-a-link-2": "www.是\u3000日\n。",
    "title-would-be-a-marker": "1 1.\n，",
    # an organ line signs the report unless the paragraph rule joins it to the line above
    "organ-after-clutter": "是\n扫一扫\r公安局",
    "organ-after-clutter-2": "导\n字号：\n统政府",
    "organ-after-standalone-heading": "（1）2026年1、2025年法治政府建设情况报告\r民政府",
    # a title broken over two lines mid-sentence is read joined
    "title-broken-mid-sentence": "/a.b/c法治政府建设\t2026年1月28日关于\n总结",
    "title-broken-mid-sentence-2": "二)😀法治政府建设十一、市委、市政府：(二)（“1\n报告",
    # a first line that is a title by itself stays the title alone
    "title-line-then-broken-text": "法治政府建设情况报告2025年法治政府建设情况报告\r”\n存",
    # prose after a plain title is measured on joined paragraphs
    "prose-measured-joined": "是\n:    2026-01-28二〇二六年一月二十八日\n:2月28",
    # page clutter between an organ line and the rest of the title, or between the organ and
    # the date of a signature, does not part them (the official form drops it)
    "clutter-inside-title": "公安局\n发布日期：\n法治报告",
    "clutter-inside-title-2": "公安局\nwww.\n法治总结",
    "clutter-inside-signature": "公安局\nhttp://\n2026年1月8日",
    # an organ line with spaces inside is still an organ line
    "spaced-organ-line": "公 安局\n法治报告\n，",
    "spaced-organ-line-2": "天\u3000安局\n法治报告\n，",
    # a numeral the marker table lacks is text, not a crash
    "unreadable-numeral": "一十一、标题\n正文。\n",
}


@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_official_form_reads_back_the_same(text: str) -> None:
    report = fr.parse(text)
    assert fr.render(report, "text") == text
    official = fr.render(report, "text", style="official")
    assert fr.parse(official) == report


def test_heading_stop_inside_a_bracket_closed_on_the_next_line() -> None:
    report = fr.parse("三、 （举24-03-05 14:09青禾县公安局\r）")
    section = report.sections[0]
    # the stop found on the line stands; the closing bracket is a paragraph of its own
    assert section.run_in and section.heading == "（举24-03-05 14"
    assert [p.text for p in section.body] == ["09青禾县公安局", "）"]


def test_title_keeps_spaces_only_when_it_must() -> None:
    assert fr.parse("天津市公安局 2024年法治政府建设情况报告\n一、情况\n").title == (
        "天津市公安局2024年法治政府建设情况报告"
    )
    assert fr.parse("www.导 府\n，").title == "www.导 府"


def test_clutter_inside_the_title_and_signature_stays_lossless() -> None:
    text = "青禾县公安局\n发布日期：2025-02-01\n2025年法治政府建设情况报告\n一、情况\n正文。\n"
    report = fr.parse(text)
    assert report.title == "青禾县公安局2025年法治政府建设情况报告"
    assert report.page.published is not None
    assert fr.render(report, "text") == text
    signed = fr.parse("一、情况\n正文。\n青禾县公安局\n打印本页\n2026年1月28日\n")
    assert signed.signature is not None and signed.signature.organ == "青禾县公安局"


def test_a_long_title_is_not_joined_to_the_text_under_it() -> None:
    text = "青禾县公安局关于2025年度法治政府建设工作情况的报告\n2025年，我局坚持依法行政。\n"
    report = fr.parse(text)
    assert report.title == "青禾县公安局关于2025年度法治政府建设工作情况的报告"
    assert [p.text for p in report.preamble] == ["2025年，我局坚持依法行政。"]
