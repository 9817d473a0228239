"""The JSON Schema of to_dict's output: valid draft 2020-12, and every report's data fits it."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given

import fazhi_report as fr
from fazhi_report.convert import DATA_VERSION
from fazhi_report.schema import schema_id, schema_text

from .conftest import CORPUS, EXAMPLES, corpus_cases, needs_corpus
from .strategies import report_like_text, reports

FIXTURES = Path(__file__).parent / "fixtures" / "web"
CONTENT = jsonschema.Draft202012Validator(
    fr.json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
WITH_LAYOUT = jsonschema.Draft202012Validator(
    fr.json_schema(layout=True), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def _errors(validator: jsonschema.Draft202012Validator, data: Any) -> list[str]:
    # the data as JSON carries it: to_dict(layout=True) holds tuples, which JSON writes as arrays
    data = json.loads(json.dumps(data, ensure_ascii=False))
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(data)]


@pytest.mark.parametrize("layout", [False, True])
def test_the_schema_is_valid_draft_2020_12(layout: bool) -> None:
    schema = fr.json_schema(layout=layout)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == schema_id(layout=layout)
    assert schema["$id"].endswith(f":v{DATA_VERSION}")
    assert schema["properties"]["version"] == {
        "description": schema["properties"]["version"]["description"],
        "const": DATA_VERSION,
    }


def test_schema_text_is_the_schema_as_json() -> None:
    assert json.loads(schema_text()) == fr.json_schema()
    assert json.loads(schema_text(layout=True)) == fr.json_schema(layout=True)


def test_each_call_gives_a_fresh_dict() -> None:
    schema = fr.json_schema()
    schema["title"] = "changed"
    assert fr.json_schema()["title"] != "changed"


@given(reports())
def test_hypothesis_reports_fit_the_schema(report: fr.Report) -> None:
    assert _errors(CONTENT, fr.to_dict(report)) == []
    assert _errors(WITH_LAYOUT, fr.to_dict(report, layout=True)) == []


@given(report_like_text)
def test_parsed_text_fits_the_schema(text: str) -> None:
    report = fr.parse(text)
    assert _errors(CONTENT, fr.to_dict(report)) == []
    assert _errors(WITH_LAYOUT, fr.to_dict(report, layout=True)) == []


@pytest.mark.parametrize(
    "path",
    [*sorted(EXAMPLES.glob("*.txt")), *sorted(FIXTURES.glob("*.html"))],
    ids=lambda p: p.name,
)
def test_examples_and_pages_fit_the_schema(path: Path) -> None:
    report = fr.load(path)
    assert _errors(CONTENT, fr.to_dict(report)) == []
    assert _errors(WITH_LAYOUT, fr.to_dict(report, layout=True)) == []


@needs_corpus
@pytest.mark.parametrize("case", corpus_cases(), ids=lambda c: c["id"])
def test_corpus_reports_fit_the_schema(case: dict[str, str]) -> None:
    report = fr.load(CORPUS / case["file"])
    assert _errors(CONTENT, fr.to_dict(report)) == []
    assert _errors(WITH_LAYOUT, fr.to_dict(report, layout=True)) == []


def _data() -> dict[str, Any]:
    report = fr.Report(
        title="青禾县公安局2025年法治政府建设情况报告",
        sections=[fr.Section(1, 1, "主要举措和成效", body=[fr.Paragraph("正文。")])],
        signature=fr.Signature("青禾县公安局", "2026-01-28"),
    )
    return fr.to_dict(report)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["sections"][0].__setitem__("level", 7), "$.sections[0].level"),
        (lambda d: d["sections"][0].__setitem__("number", 0), "$.sections[0].number"),
        (lambda d: d["sections"][0].__setitem__("role", "unknown"), "$.sections[0].role"),
        (lambda d: d["sections"][0].__setitem__("colour", "red"), "$.sections[0]"),
        (lambda d: d.__setitem__("version", 2), "$.version"),
        (lambda d: d.__setitem__("year", 2024.5), "$.year"),
        (lambda d: d.__setitem__("preamble", {}), "$.preamble"),
        (lambda d: d["signature"].__setitem__("date", "28/01/2026"), "$.signature.date"),
        (
            lambda d: d["sections"][0]["body"][0].__setitem__("points", [{"number": 1}]),
            "$.sections[0].body[0].points[0]",
        ),
    ],
)
def test_what_from_dict_refuses_the_schema_refuses(change: Any, where: str) -> None:
    data = copy.deepcopy(_data())
    change(data)
    best = jsonschema.exceptions.best_match(CONTENT.iter_errors(data))
    assert best is not None and best.json_path.startswith(where), best
    with pytest.raises(fr.DataError):
        fr.from_dict(data)


def test_data_with_only_required_keys_fits() -> None:
    data = {"sections": [{"level": 1, "number": 1, "heading": "情况"}]}
    assert _errors(CONTENT, data) == []
    assert fr.from_dict(data).sections[0].heading == "情况"


def test_a_published_time_of_day_fits() -> None:
    report = fr.parse(
        "发布日期：2024-03-05 14:09\n青禾县公安局2024年法治政府建设情况报告\n一、情况\n正文。\n"
    )
    data = fr.to_dict(report)
    assert data["page"]["published"] == "2024-03-05T14:09:00"
    assert _errors(CONTENT, data) == []


def test_a_table_needs_its_rows_to_be_told_from_a_paragraph() -> None:
    data = {"preamble": [{"rows": [["类别", "件数"], ["复议", "3"]]}, {"text": "正文。"}]}
    assert _errors(CONTENT, data) == []
    report = fr.from_dict(data)
    assert isinstance(report.preamble[0], fr.Table) and isinstance(report.preamble[1], fr.Paragraph)
    schema = fr.json_schema()
    assert schema["$defs"]["Table"]["required"] == ["rows"]
