"""to_rows: a report as flat rows a data frame takes as they are."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from hypothesis import given

import fazhi_report as fr
from fazhi_report import Report
from fazhi_report.batch import InputFile, ParseFailure
from fazhi_report.rows import REPORT_KEYS, REQUIRED_ROLES, report_row, rows_to_csv, to_rows

from .strategies import reports

TEXT = (
    "某局2024年法治政府建设情况报告\n"
    "导语。一是开头。\n"
    "一、主要举措和成效\n"
    "（一）加强领导。一是健全机制。二是压实责任。\n"
    "三是抓好落实。\n"
    "（二）完善制度\n"
    "二、存在的不足和原因\n"
    "（一）存在的不足\n"
    "正文。\n"
    "新的一年，继续努力。\n"
)
SECTION_KEYS = [
    "path",
    "depth",
    "level",
    "number",
    "role",
    "heading",
    "text",
    "paragraphs",
    "points",
    "subsections",
]
POINT_KEYS = ["path", "section", "level", "role", "paragraph", "point", "number", "title", "text"]


def test_section_rows() -> None:
    rows = to_rows(fr.parse(TEXT))
    assert [r["path"] for r in rows] == ["1", "1/1", "1/2", "2", "2/1"]
    assert all(list(r) == SECTION_KEYS for r in rows)
    first, run_in = rows[0], rows[1]
    assert (first["depth"], first["level"], first["number"], first["role"]) == (1, 1, 1, "measures")
    assert (first["paragraphs"], first["points"], first["subsections"]) == (0, 0, 2)
    assert run_in["heading"] == "加强领导"
    assert run_in["text"] == "一是健全机制。二是压实责任。\n三是抓好落实。"
    assert (run_in["depth"], run_in["paragraphs"], run_in["points"]) == (2, 2, 3)
    assert rows[4]["role"] == "shortcomings"
    assert rows[2]["role"] is None


def test_point_rows() -> None:
    rows = to_rows(fr.parse(TEXT), "points")
    assert all(list(r) == POINT_KEYS for r in rows)
    assert [r["path"] for r in rows] == [
        "preamble:1.1",
        "1/1:1.1",
        "1/1:1.2",
        "1/1:2.1",
    ]
    assert rows[3] == {
        "path": "1/1:2.1",
        "section": "1/1",
        "level": 2,
        "role": None,
        "paragraph": 2,
        "point": 1,
        "number": 3,
        "title": "抓好落实",
        "text": "",
    }
    assert rows[0]["level"] is None and rows[0]["section"] == "preamble"
    closing = Report(closing=[fr.Paragraph("新的一年，", [fr.Point(1, "继续努力")])])
    assert [r["path"] for r in to_rows(closing, "points")] == ["closing:1.1"]


def test_an_empty_report_has_no_rows() -> None:
    assert to_rows(Report()) == [] == to_rows(Report(), "points")


def test_an_unknown_level_is_refused() -> None:
    with pytest.raises(ValueError, match="sections"):
        to_rows(Report(), "paragraphs")  # type: ignore[arg-type]


@given(reports(deepest=4))
def test_rows_are_flat_and_count_everything(report: Report) -> None:
    sections = to_rows(report)
    points = to_rows(report, "points")
    assert len(sections) == len(report.walk())
    assert len(points) == len(report.points)
    assert len({r["path"] for r in sections}) == len(sections)
    assert len({r["path"] for r in points}) == len(points)
    for row in sections + points:
        assert all(value is None or type(value) in (str, int) for value in row.values())
    assert [r["number"] for r in points] == [p.number for p in report.points]
    assert sum(r["points"] for r in sections) + sum(  # type: ignore[misc]
        len(p.points) for p in report.preamble + report.closing if isinstance(p, fr.Paragraph)
    ) == len(points)


# ------------------------------------------------------------------------- report rows


def test_report_row() -> None:
    row = report_row(fr.parse(TEXT), file="reports/a.txt")
    assert list(row) == list(REPORT_KEYS)
    assert row["file"] == "reports/a.txt"
    assert (row["organ"], row["year"], row["error"]) == ("某局", 2024, None)
    assert (row["has_measures"], row["has_shortcomings"], row["has_plans"]) == (True, True, False)
    assert row["missing"] == "responsibility,plans"
    assert (row["sections"], row["subsections"]) == (2, 3)
    assert (row["paragraphs"], row["points"]) == (5, 4)
    report = fr.parse(TEXT)
    assert row["findings"] == len(fr.check(report)) > 0  # two required parts are missing
    assert row["figures"] == len(fr.figures(report))


def test_reports_level_takes_reports_failures_and_pairs() -> None:
    report = fr.parse(TEXT)
    failure = ParseFailure("b.txt", "DecodeError", "b.txt: not text")
    found = InputFile(Path("in/c.txt"), Path("c.txt"))
    rows = to_rows([report, failure, ("a.txt", report), (found, report)], level="reports")
    assert [r["file"] for r in rows] == [None, "b.txt", "a.txt", os.fspath(Path("in/c.txt"))]
    assert rows[1]["error"] == "DecodeError: b.txt: not text"
    assert all(rows[1][key] is None for key in REPORT_KEYS if key not in ("file", "error"))
    assert to_rows(report, level="reports") == rows[:1]
    # a stream is consumed as it comes
    assert to_rows((r for r in [report]), level="reports") == rows[:1]


def test_rows_to_csv_round_trips() -> None:
    rows = to_rows([("a.txt", fr.parse(TEXT))], level="reports")
    back = list(csv.DictReader(io.StringIO(rows_to_csv(rows))))
    assert back == [{k: "" if v is None else str(v) for k, v in rows[0].items()}]


@given(reports(deepest=3))
def test_report_rows_agree_with_the_model(report: Report) -> None:
    (row,) = to_rows([report], level="reports")
    roles = {s.role for s in report.walk()}
    for role in fr.SectionRole:
        assert row[f"has_{role.value}"] is (role in roles)
    assert row["missing"] == ",".join(r.value for r in REQUIRED_ROLES if r not in roles)
    assert row["sections"] == len(report.sections)
    assert row["sections"] + row["subsections"] == len(report.walk())  # type: ignore[operator]
    assert row["points"] == len(report.points)
    assert row["paragraphs"] == len(report.paragraphs)
    assert all(v is None or type(v) in (str, int, bool) for v in row.values())


def test_report_rows_count_tables_apart_from_paragraphs() -> None:
    table = fr.Table([["类别", "件数"], ["行政复议", "12"]])
    report = Report(
        preamble=[fr.Paragraph("导语。")],
        sections=[fr.Section(1, 1, "主要举措和成效", body=[fr.Paragraph("正文。"), table])],
    )
    (row,) = to_rows([report], level="reports")
    assert (row["paragraphs"], row["tables"]) == (2, 1)
