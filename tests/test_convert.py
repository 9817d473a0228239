"""Plain data: dicts and JSON with ISO dates and role values; bad data is a clear DataError."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given

import fazhi_report as fr
from fazhi_report import Paragraph, Point, Report, Section, SectionRole, Signature

from .strategies import reports


@given(reports(deepest=4))
def test_dict_round_trip(report: Report) -> None:
    again = fr.from_dict(fr.to_dict(report))
    assert again == report
    # a role that came back as a plain string would still compare equal: check its type
    assert all(type(s.role) is SectionRole for s in again.walk() if s.role is not None)


@given(reports())
def test_json_round_trip(report: Report) -> None:
    assert fr.from_json(fr.to_json(report)) == report


def test_plain_form() -> None:
    report = Report(
        title="青山县2024年法治政府建设情况报告",
        year=2024,
        sections=[
            Section(
                1,
                1,
                "主要举措和成效",
                role=SectionRole.MEASURES,
                body=[Paragraph("", [Point(1, "完善制度", "修订规则。")])],
            )
        ],
        signature=Signature("青山县人民政府", dt.date(2025, 1, 6)),
    )
    data = fr.to_dict(report)
    assert data["signature"] == {"organ": "青山县人民政府", "date": "2025-01-06"}
    assert data["sections"][0]["role"] == "measures"
    assert data["sections"][0]["body"][0]["points"][0] == {
        "number": 1,
        "title": "完善制度",
        "text": "修订规则。",
    }
    assert "layout" not in json.dumps(data)
    assert json.loads(fr.to_json(report)) == data
    assert "青山县" in fr.to_json(report)  # characters as they are, not \\u escapes


def test_layout_only_when_asked() -> None:
    report = fr.parse("  一、情况\r\n正文。\r\n")
    assert "layout" not in fr.to_dict(report)
    with_layout = fr.to_dict(report, layout=True)
    assert with_layout["layout"]["habits"]["line_end"] == "\r\n"
    assert fr.render(fr.from_dict(with_layout), "text") == "  一、情况\r\n正文。\r\n"


def test_page_metadata_survives_as_data() -> None:
    report = fr.parse(
        "某局2023年法治政府建设情况报告\n发布时间：2024-01-02 08:30\n一、情况\n正文。\n"
    )
    data = fr.to_dict(report)
    assert data["page"] == {
        "published": "2024-01-02T08:30:00",
        "source": None,
        "issuer": None,
        "number": None,
        "issued": None,
    }
    assert fr.from_dict(data).page.published == dt.datetime(2024, 1, 2, 8, 30)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "x", "colour": "red"}, "colour"),
        ({"sections": [{"level": 1, "number": 1, "heading": "x", "rank": 2}]}, "rank"),
        ({"sections": [{"level": "one", "number": 1, "heading": "x"}]}, r"sections\[0\]\.level"),
        ({"sections": [{"level": 1, "number": 1, "heading": "x", "role": "boss"}]}, "role"),
        ({"signature": {"organ": "x", "date": "28 Jan"}}, "date"),
        ({"sections": [{"level": 1}]}, "number"),
    ],
    ids=["unknown key", "nested unknown key", "wrong type", "bad role", "bad date", "missing"],
)
def test_bad_data_is_refused_with_its_path(data: dict[str, object], message: str) -> None:
    with pytest.raises(fr.DataError, match=message):
        fr.from_dict(data)


def test_not_an_object() -> None:
    with pytest.raises(fr.DataError, match="object"):
        fr.from_dict([1, 2])  # type: ignore[arg-type]


def test_bad_json_names_the_line() -> None:
    with pytest.raises(fr.DataError) as caught:
        fr.from_json('{\n"title": "x",\n}', source="r.json")
    assert caught.value.line == 3
    assert "r.json" in str(caught.value)


def test_json_format_through_parse_and_render(tmp_path: object) -> None:
    report = fr.parse("一、情况\n正文。\n")
    text = fr.render(report, "json")
    assert fr.parse(text, format="json") == report
    lossless = fr.render(report, "json", style="lossless")
    assert fr.render(fr.parse(lossless, format="json"), "text") == "一、情况\n正文。\n"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"year": 2024.5}, "year"),
        ({"title": 5}, "title"),
        ({"sections": [{"level": 1, "number": 1, "heading": "x", "run_in": 1}]}, "run_in"),
    ],
    ids=["float year", "number title", "int flag"],
)
def test_values_of_the_wrong_type_are_not_coerced(data: dict[str, object], message: str) -> None:
    with pytest.raises(fr.DataError, match=message):
        fr.from_dict(data)


def test_deeply_nested_json_is_a_data_error() -> None:
    with pytest.raises(fr.DataError, match="nested"):
        fr.from_json("[" * 100_000)


def test_rendering_impossible_values_is_a_data_error() -> None:
    # Section 0 is now refused when built; 10000 is a number no Chinese marker is written for.
    with pytest.raises(fr.DataError, match=r"sections\[0\]\.number"):
        fr.render(Report(sections=[Section(1, 10000, "万号")]), "text")
