"""The model checks and converts its fields when a node is built and when a field is set."""

from __future__ import annotations

import datetime as dt
import pickle
from typing import Any

import pytest

import fazhi_report as fr
from fazhi_report import PageInfo, Paragraph, Point, Report, Section, SectionRole, Signature
from fazhi_report.model import FieldError


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Section(level=5, number=1, heading="x"), r"Section\.level must be 1 to 4"),
        (lambda: Section(level=0, number=1, heading="x"), r"Section\.level"),
        (lambda: Section(level=True, number=1, heading="x"), r"Section\.level .*bool"),
        (lambda: Section(level=1, number=0, heading="x"), r"Section\.number must be an int of at"),
        (lambda: Section(level=1, number=1.0, heading="x"), r"Section\.number .*float"),
        (lambda: Section(level=1, number=1, heading=None), r"Section\.heading must be a str"),
        (lambda: Section(1, 1, "x", run_in=1), r"Section\.run_in must be True or False"),
        (lambda: Section(1, 1, "x", role="boss"), r"Section\.role .*'measures'"),
        (lambda: Section(1, 1, "x", role=3), r"Section\.role"),
        (lambda: Section(1, 1, "x", body=()), r"Section\.body must be a list of Paragraph"),
        (lambda: Section(1, 1, "x", body=[Point(1, "t")]), r"Section\.body\[0\] must be a Para"),
        (lambda: Section(1, 1, "x", subsections=[1]), r"Section\.subsections\[0\]"),
        (lambda: Point(number=0, title="x"), r"Point\.number"),
        (lambda: Point(number=-1, title="x"), r"Point\.number"),
        (lambda: Point(number=1, title=b"x"), r"Point\.title must be a str"),
        (lambda: Point(1, "x", None), r"Point\.text must be a str"),
        (lambda: Paragraph(5), r"Paragraph\.text must be a str"),
        (lambda: Paragraph("x", {}), r"Paragraph\.points must be a list of Point"),
        (lambda: Paragraph("x", [None]), r"Paragraph\.points\[0\]"),
        (lambda: Signature(organ=5), r"Signature\.organ must be a str or None"),
        (lambda: Signature(date="2026-02-30"), r"Signature\.date must be an ISO date"),
        (lambda: Signature(date="28 Jan 2026"), r"Signature\.date must be an ISO date"),
        (lambda: Signature(date=dt.datetime(2026, 1, 2, 3, 4)), r"Signature\.date .*datetime"),
        (lambda: Signature(date=20260115), r"Signature\.date must be a datetime\.date"),
        (lambda: PageInfo(published="2024-01-01"), r"PageInfo\.published"),
        (lambda: Report(title=5), r"Report\.title must be a str or None"),
        (lambda: Report(year=-5), r"Report\.year must be an int from 0 to 9999"),
        (lambda: Report(year=10_000), r"Report\.year"),
        (lambda: Report(year="2024"), r"Report\.year"),
        (lambda: Report(sections=[Paragraph()]), r"Report\.sections\[0\] must be a Section"),
        (lambda: Report(preamble="text"), r"Report\.preamble must be a list"),
        (lambda: Report(signature="x"), r"Report\.signature must be a Signature or None"),
        (lambda: Report(page=None), r"Report\.page must be a PageInfo"),
    ],
)
def test_bad_values_are_refused_when_built(build: Any, message: str) -> None:
    with pytest.raises(fr.DataError, match=message) as caught:
        build()
    # a DataError is a FazhiReportError and a ValueError, so either catch works
    assert isinstance(caught.value, fr.FazhiReportError)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("node", "field", "value", "message"),
    [
        (Section(1, 1, "x"), "level", 5, r"Section\.level"),
        (Section(1, 1, "x"), "number", 0, r"Section\.number"),
        (Section(1, 1, "x"), "heading", None, r"Section\.heading"),
        (Section(1, 1, "x"), "run_in", "yes", r"Section\.run_in"),
        (Section(1, 1, "x"), "role", "boss", r"Section\.role"),
        (Section(1, 1, "x"), "body", None, r"Section\.body"),
        (Point(1, "x"), "number", 0, r"Point\.number"),
        (Point(1, "x"), "title", None, r"Point\.title"),
        (Paragraph("x"), "points", [1], r"Paragraph\.points\[0\]"),
        (Signature("x"), "date", "tomorrow", r"Signature\.date"),
        (Report(), "year", -5, r"Report\.year"),
        (Report(), "sections", {}, r"Report\.sections"),
    ],
)
def test_bad_values_are_refused_when_set(node: Any, field: str, value: Any, message: str) -> None:
    before = getattr(node, field)
    with pytest.raises(fr.DataError, match=message):
        setattr(node, field, value)
    assert getattr(node, field) == before  # the refused value was not stored


def test_the_error_names_class_and_field() -> None:
    with pytest.raises(FieldError) as caught:
        Section(level=5, number=1, heading="x")
    assert (caught.value.owner, caught.value.field) == ("Section", "level")
    assert "got int 5" in caught.value.reason


def test_the_error_pickles() -> None:
    # errors cross process pools when reports are parsed in batches
    with pytest.raises(FieldError) as caught:
        Point(0, "x")
    again = pickle.loads(pickle.dumps(caught.value))
    assert type(again) is FieldError
    assert (again.owner, again.field, str(again)) == ("Point", "number", str(caught.value))


def test_role_strings_become_roles() -> None:
    section = Section(1, 1, "主要举措和成效", role="measures")
    assert section.role is SectionRole.MEASURES
    section.role = "plans"  # type: ignore[assignment]
    assert section.role is SectionRole.PLANS
    section.role = None
    assert section.role is None


def test_iso_strings_become_dates() -> None:
    signature = Signature("青山县人民政府", "2026-01-15")  # type: ignore[arg-type]
    assert signature.date == dt.date(2026, 1, 15)
    assert type(signature.date) is dt.date
    signature.date = "2025-12-31"  # type: ignore[assignment]
    assert signature.date == dt.date(2025, 12, 31)


def test_good_values_are_kept() -> None:
    report = Report(
        title="某局2024年法治政府建设情况报告",
        organ="某局",
        year=2024,
        sections=[
            Section(4, 99, "标题", run_in=True, body=[Paragraph("正文。", [Point(99, "t")])])
        ],
        signature=Signature("某局", dt.date(2025, 1, 2)),
        page=PageInfo(published=dt.datetime(2025, 1, 3, 8, 30), source="某局"),
    )
    assert report.sections[0].level == 4
    assert report.page.published == dt.datetime(2025, 1, 3, 8, 30)
    report.year = 0  # a title can say 〇〇〇〇年: the parser must be able to store what it reads
    report.year = None
    report.sections[0].number = 12
    assert report.sections[0].number == 12


def test_str_subclasses_are_strings() -> None:
    class Text(str):
        pass

    assert Point(1, Text("标题")).title == "标题"


def test_reports_still_pickle() -> None:
    report = fr.parse("某局2024年法治政府建设情况报告\n一、情况\n（一）加强领导。一是健全机制。\n")
    again = pickle.loads(pickle.dumps(report))
    assert again == report
    assert fr.render(again, "text") == fr.render(report, "text")
    again.sections[0].number = 2  # the guards work on an unpickled report too
    with pytest.raises(fr.DataError):
        again.sections[0].number = 0
