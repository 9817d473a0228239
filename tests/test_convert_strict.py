"""The data contract: a version key, and strict reading that names the path of every bad value."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import cattrs
import pytest
from hypothesis import given

import fazhi_report as fr
from fazhi_report import Report, Section
from fazhi_report.convert import DATA_VERSION, configure_converter

from .strategies import reports

SECTION = {"level": 1, "number": 1, "heading": "情况"}


def test_to_dict_writes_the_version_first() -> None:
    data = fr.to_dict(Report(title="x"))
    assert next(iter(data)) == "version"
    assert data["version"] == DATA_VERSION == 1
    assert json.loads(fr.to_json(Report()))["version"] == 1


def test_from_dict_reads_data_with_or_without_the_version() -> None:
    report = Report(title="x", sections=[Section(1, 1, "情况")])
    data = fr.to_dict(report)
    assert fr.from_dict(data) == report
    del data["version"]
    assert fr.from_dict(data) == report


@pytest.mark.parametrize("version", [2, 0, "1", 1.0, True, None])
def test_an_unknown_version_is_refused(version: object) -> None:
    with pytest.raises(fr.DataError, match=r"unknown data version .* @ \$\.version"):
        fr.from_dict({"version": version, "title": "x"})


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"sections": {}}, r"\$\.sections"),
        ({"preamble": "一段话"}, r"\$\.preamble"),
        ({"sections": [dict(SECTION, body={})]}, r"\$\.sections\[0\]\.body"),
        ({"sections": [5]}, r"\$\.sections\[0\]"),
        ({"signature": {"date": "2026-01-15T10:00:00"}}, r"\$\.signature\.date"),
        ({"signature": {"date": "2026-1-15"}}, r"\$\.signature\.date"),
        ({"signature": {"date": "2026-02-30"}}, r"\$\.signature\.date"),
        ({"signature": {"date": "２０２６-01-15"}}, r"\$\.signature\.date"),
        ({"year": -5}, r"\$\.year"),
        ({"year": 10_000}, r"\$\.year"),
        ({"sections": [dict(SECTION, level=7)]}, r"\$\.sections\[0\]\.level"),
        ({"sections": [dict(SECTION, number=0)]}, r"\$\.sections\[0\]\.number"),
        ({"sections": [dict(SECTION, role="boss")]}, r"'measures'.* @ \$\.sections\[0\]\.role"),
        (
            {"preamble": [{"text": "", "points": [{"number": 0, "title": "t"}]}]},
            r"\$\.preamble\[0\]\.points\[0\]\.number",
        ),
        ({"page": {"published": "yesterday"}}, r"\$\.page\.published"),
    ],
)
def test_bad_values_are_refused_with_their_path(data: dict[str, Any], path: str) -> None:
    with pytest.raises(fr.DataError, match=path):
        fr.from_dict(data)


def _with_layout() -> dict[str, Any]:
    return fr.to_dict(fr.parse("一、情况\n一是加强领导。正文。\n"), layout=True)


@pytest.mark.parametrize(
    ("edit", "path"),
    [
        (
            lambda d: d["layout"]["habits"].update(blank_lines=10**9),
            r"\$\.layout\.habits\.blank_lines",
        ),
        (
            lambda d: d["layout"]["habits"].update(blank_lines=-1),
            r"\$\.layout\.habits\.blank_lines",
        ),
        (lambda d: d["layout"]["habits"].update(line_end="x"), r"\$\.layout\.habits\.line_end"),
        (lambda d: d["sections"][0]["layout"].update(level=9), r"\.sections\[0\]\.layout\.level"),
        (
            lambda d: d["sections"][0]["body"][0]["points"][0]["layout"].update(number=10**9),
            r"\.points\[0\]\.layout\.number",
        ),
        (
            lambda d: d["sections"][0]["body"][0]["layout"].update(breaks=[[-1, "\n"]]),
            r"\.body\[0\]\.layout\.breaks",
        ),
    ],
)
def test_unbounded_layout_counts_are_refused(edit: Any, path: str) -> None:
    data = _with_layout()
    assert fr.from_dict(data) is not None  # the data is good before the edit
    edit(data)
    with pytest.raises(fr.DataError, match=path):
        fr.from_dict(data)


@pytest.mark.parametrize("style", ["arabic", "iso", "chinese"])
def test_a_date_style_is_one_of_three(style: str) -> None:
    data = fr.to_dict(fr.parse(_SIGNED), layout=True)
    data["signature"]["layout"]["date_style"] = style
    assert fr.from_dict(data).signature.layout.date_style == style  # type: ignore[union-attr]
    data["signature"]["layout"]["date_style"] = style.upper()
    with pytest.raises(
        fr.DataError, match=r"expected one of .* @ \$\.signature\.layout\.date_style"
    ):
        fr.from_dict(data)


_SIGNED = (
    "青禾县司法局2024年法治政府建设情况报告\n一、主要举措\n开展培训。\n青禾县司法局\n2025年1月2日\n"
)


def test_a_parsed_stray_bom_survives_json() -> None:
    # the parser keeps a U+FEFF inside a line as text; with its layout it is the source's own
    text = "一、情况\n正文\ufeff中间。\n"
    report = fr.parse(text)
    assert "\ufeff" in report.sections[0].body[0].text
    assert fr.render(fr.from_json(fr.to_json(report, layout=True)), "text") == text


def test_page_published_keeps_its_time() -> None:
    report = Report(page=fr.PageInfo(published=dt.datetime(2024, 1, 2, 8, 30)))
    assert fr.from_dict(fr.to_dict(report)).page.published == dt.datetime(2024, 1, 2, 8, 30)


def test_configure_converter_on_a_converter_of_ones_own() -> None:
    conv = cattrs.Converter(forbid_extra_keys=True)
    configure_converter(conv, layout=False)
    report = fr.parse("一、情况\n正文。\n")
    data = conv.unstructure(report)
    assert data["version"] == 1
    assert "layout" not in json.dumps(data)
    assert conv.structure(data, Report) == report


@given(reports(deepest=4))
def test_every_generated_report_goes_through_strict_reading(report: Report) -> None:
    assert fr.from_dict(json.loads(fr.to_json(report))) == report
