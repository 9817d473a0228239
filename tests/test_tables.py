"""Tables: a block next to paragraphs, carried by every format."""

from __future__ import annotations

import pytest
from hypothesis import given

import fazhi_report as fr
from fazhi_report import Paragraph, Report, Section, Table
from tests.strategies import tables

TEXT = (
    "某县司法局2025年法治政府建设情况报告\n"
    "\n"
    "　　一、主要举措和成效\n"
    "　　全年办理案件如下。\n"
    "类别\t收案\t结案\n"
    "行政复议\t12\t11\n"
    "行政诉讼\t7\t7\n"
    "　　二、存在的不足\n"
    "　　宣传不够。\n"
)


def test_a_grid_of_tab_separated_lines_is_a_table() -> None:
    report = fr.parse(TEXT)
    assert report.sections[0].body == [
        Paragraph("全年办理案件如下。"),
        Table([["类别", "收案", "结案"], ["行政复议", "12", "11"], ["行政诉讼", "7", "7"]]),
    ]
    assert report.tables == [report.sections[0].body[1]]
    assert fr.render(report, "text") == TEXT  # lossless
    assert report.paragraphs == [p for p in report.blocks if isinstance(p, Paragraph)]


def test_a_lone_line_with_a_tab_stays_a_paragraph() -> None:
    text = "一、主要举措和成效\n全年办理案件\t42件。\n其余如常。\n"
    report = fr.parse(text)
    assert report.tables == []
    assert fr.render(report, "text") == text


def test_lines_with_different_numbers_of_cells_are_no_table() -> None:
    text = "一、主要举措和成效\n甲\t乙\n丙\t丁\t戊\n"
    assert fr.parse(text).tables == []


def test_an_edited_table_is_written_anew_and_the_rest_as_it_was() -> None:
    report = fr.parse(TEXT)
    table = report.tables[0]
    table.rows[1][1] = "13"
    table.rows.append(["合计", "20", "18"])
    out = fr.render(report, "text")
    assert out == TEXT.replace("行政复议\t12", "行政复议\t13").replace(
        "行政诉讼\t7\t7\n", "行政诉讼\t7\t7\n合计\t20\t18\n"
    )
    assert fr.parse(out).tables[0] == table


@given(tables())
def test_generated_tables_read_back_from_every_format(table: Table) -> None:
    report = Report(
        sections=[Section(1, 1, "主要举措和成效", body=[table, Paragraph("其余如常。")])]
    )
    fr.infer_roles(report)
    assert fr.validate(report) == []
    assert fr.parse(fr.render(report, "text", style="official")) == report
    assert fr.parse(fr.render(report, "docx"), format="docx") == report
    assert fr.from_json(fr.to_json(report)) == report


def test_two_tables_in_a_row_stay_two() -> None:
    first, second = Table([["甲", "乙"], ["1", "2"]]), Table([["丙", "丁"], ["3", "4"]])
    report = Report(preamble=[first, second])
    assert fr.parse(fr.render(report, "text", style="official")).preamble == [first, second]
    assert fr.parse(fr.render(report, "docx"), format="docx").preamble == [first, second]


def test_the_model_guards_a_table() -> None:
    with pytest.raises(fr.FieldError, match=r"Table.rows\[0\]\[1\] must be a str"):
        Table([["a", 1]])  # type: ignore[list-item]
    with pytest.raises(fr.FieldError, match=r"Table.rows must be a list of rows"):
        Table("a\tb")  # type: ignore[arg-type]
    with pytest.raises(fr.FieldError, match=r"body\[0\] must be a Paragraph or a Table"):
        Section(1, 1, "甲", body=["text"])  # type: ignore[list-item]
    table = Table([["a", "b"]])
    with pytest.raises(fr.FieldError, match="rows"):
        table.rows = [["a"], "b"]  # type: ignore[list-item]
    assert Table([["a"], ["b", "c", "d"]]).columns == 3
    assert Table().columns == 0


@pytest.mark.parametrize(
    ("rows", "code"),
    [
        ([], "empty_table"),
        ([[], []], "empty_table"),
        ([[""], [""]], "table_in_text"),
        ([["a\tb", "c"], ["d", "e"]], "cell_break"),
        ([["a\nb", "c"], ["d", "e"]], "cell_break"),
        ([["甲", "乙"]], "table_in_text"),
        ([["甲"], ["乙"]], "table_in_text"),
        ([["甲", "乙"], ["丙"]], "table_in_text"),
        ([["甲", ""], ["丙", "丁"]], "table_in_text"),
        ([[" 甲", "乙"], ["丙", "丁"]], "table_in_text"),
        ([["一、甲", "乙"], ["丙", "丁"]], "table_in_text"),
        ([["首页", "政务公开", "法治政府"], ["丙", "丁", "戊"]], "table_in_text"),
    ],
)
def test_validate_names_tables_that_would_not_read_back(rows: list[list[str]], code: str) -> None:
    report = Report(preamble=[Table(rows)])
    assert [p.code for p in fr.validate(report)] == [code]


def test_tables_text_cannot_carry_still_render_and_keep_their_text() -> None:
    report = Report(preamble=[Table([["甲", "", "丙"], ["丁", "戊"]])])
    fr.ensure_valid(report)  # table_in_text is allowed by default
    with pytest.raises(fr.DataError, match="table"):
        fr.ensure_valid(report, allow=())
    assert "甲\t\t丙\n丁\t戊\n" in fr.render(report, "text", style="official")
    assert fr.parse(fr.render(report, "docx"), format="docx") == report


def test_a_run_in_heading_needs_a_paragraph_not_a_table_first() -> None:
    section = Section(1, 1, "甲", run_in=True, body=[Table([["a", "b"], ["c", "d"]])])
    assert [p.code for p in fr.validate(Report(sections=[section]))] == ["run_in_without_body"]


def test_json_tells_tables_from_paragraphs() -> None:
    report = fr.parse(TEXT)
    data = fr.to_dict(report)
    assert data["sections"][0]["body"][1] == {
        "rows": [["类别", "收案", "结案"], ["行政复议", "12", "11"], ["行政诉讼", "7", "7"]]
    }
    assert fr.from_dict(data) == report
    assert fr.render(fr.from_json(fr.to_json(report, layout=True)), "text") == TEXT
    with pytest.raises(fr.DataError, match="rows"):
        fr.from_dict({"version": 1, "preamble": [{"rows": "a"}]})


ODD_TABLES = {
    "one-row": [["类别", "件数"]],
    "one-column": [["类别"], ["行政复议"], ["行政诉讼"]],
    "ragged": [["类别", "件数", "占比"], ["行政复议", "12"], ["合计"]],
    "empty-cells": [["类别", ""], ["", "12"]],
    "spaces-around": [[" 类别", "件数 "], ["行政复议", "12"]],
    "markup-like": [["<b>粗</b>", "a & b | c"], ["{{ x }}", "1. 列表"], ["*强调*", "# 标题"]],
    "empty-row": [[], ["行政复议", "12"]],
}


@pytest.mark.parametrize("format", ["markdown", "html", "docx", "json"])
@pytest.mark.parametrize("rows", ODD_TABLES.values(), ids=ODD_TABLES.keys())
def test_tables_plain_text_cannot_carry_read_back_the_same_from_other_formats(
    rows: list[list[str]], format: str
) -> None:
    body: list[fr.Block] = [Paragraph("全年办理案件如下。"), Table(rows), Paragraph("总体平稳。")]
    report = Report(sections=[Section(1, 1, "主要举措和成效", role="measures", body=body)])
    assert [p.code for p in fr.validate(report)] == ["table_in_text"]
    assert fr.parse(fr.render(report, format), format=format) == report
