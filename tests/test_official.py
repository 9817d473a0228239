"""The official text style: normalised form, and parse(render(r, official)) == r."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given

import fazhi_report as fr

from .conftest import EXAMPLES
from .strategies import report_like_text, reports


@given(reports())
def test_official_text_parses_back_to_the_same_report(report: fr.Report) -> None:
    assert fr.parse(fr.render(report, "text", style="official")) == report


@given(reports())
def test_report_without_layout_renders_officially_by_default(report: fr.Report) -> None:
    assert fr.render(report, "text") == fr.render(report, "text", style="official")


@given(report_like_text)
@example("：")  # a colon alone is no addressee
def test_official_text_of_any_parse_parses_back_the_same(text: str) -> None:
    report = fr.parse(text)
    official = fr.render(report, "text", style="official")
    again = fr.parse(official)
    assert again == report
    assert fr.render(again, "text", style="official") == official


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_examples_official_round_trip(path: Path) -> None:
    report = fr.load(path)
    assert fr.parse(fr.render(report, "text", style="official")) == report


def test_official_form_normalises_layout() -> None:
    text = (
        "    XX县公安局2024年法治政府建设情况报告\r\n"
        "发布日期: 2025-01-05 09:00  来源: 县公安局\r\n"
        "  • 扫一扫在手机打开当前页\r\n\r\n"
        "    2024年，我局坚持依法行政。\r\n\r\n"
        "    一、主要举措和成效\r\n\r\n"
        "    (一)健全制度,规范运行。一是完善规则,细化流程。二是加强培训。\r\n"
        "    1、严格审核。专人负责。\r\n"
    )
    official = fr.render(fr.parse(text), "text", style="official")
    assert official == (
        "XX县公安局2024年法治政府建设情况报告\n\n"
        "\u3000\u30002024年，我局坚持依法行政。\n"
        "\u3000\u3000一、主要举措和成效\n"
        "\u3000\u3000（一）健全制度,规范运行。一是完善规则，细化流程。二是加强培训。\n"
        "\u3000\u30001.严格审核。专人负责。\n"
    )


def test_official_signature_and_addressee() -> None:
    text = "市委、市政府：\n　　现将情况报告如下：\n泾源县公安局\n二〇二六年一月二十八日\n"
    report = fr.parse(text)
    assert report.addressee == "市委、市政府"
    assert report.signature is not None and report.signature.organ == "泾源县公安局"
    official = fr.render(report, "text", style="official")
    assert official.endswith("\n泾源县公安局\n2026年1月28日\n")
    assert official.startswith("市委、市政府：\n")


def test_unknown_style_is_an_error() -> None:
    with pytest.raises(fr.UnknownStyleError, match="fancy"):
        fr.render(fr.Report(), "text", style="fancy")


@pytest.mark.parametrize(
    "text",
    ["一、工作\n1. 12345热线\n正文。\n", "一、 二季度工作\n正文。\n"],
    ids=["digit", "numeral"],
)
def test_heading_starting_with_a_number_keeps_a_space(text: str) -> None:
    report = fr.parse(text)
    official = fr.render(report, "text", style="official")
    assert fr.parse(official) == report


@pytest.mark.parametrize(
    "text",
    [
        "一是\n\n“\r三是》",  # a plain first line followed by lines the footer takes
        "一是\r青禾县公安局\t ",  # a bare last point before an organ line
        "二〇二六年一月二十八日\n\n(2)\u3000。",  # a date line that is not the last
        "\x1c）二是测试内容较长的一行文字用于拼接段落继续写下去还有更多\r:",  # joined, then a colon
        "一、\ufeff。",  # a byte-order mark inside a line
    ],
)
def test_official_round_trip_of_found_counterexamples(text: str) -> None:
    report = fr.parse(text)
    assert fr.parse(fr.render(report, "text", style="official")) == report
