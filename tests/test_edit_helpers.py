"""Editing helpers: renumbering, moving nodes between documents, filling roles."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

import fazhi_report as fr
from fazhi_report import Paragraph, Point, Report, Section, SectionRole
from fazhi_report.edit import detach, infer_roles, strip_layout
from fazhi_report.validation import validate

from .conftest import CORPUS, needs_corpus
from .strategies import reports


def _numbers(paragraphs: list[Paragraph]) -> list[list[int]]:
    return [[p.number for p in paragraph.points] for paragraph in paragraphs]


def test_renumber_numbers_sibling_sections_one_to_n() -> None:
    report = Report(
        sections=[
            Section(1, 2, "甲", subsections=[Section(2, 3, "子"), Section(2, 3, "丑")]),
            Section(1, 7, "乙", subsections=[Section(3, 9, "寅")]),
        ]
    )
    report.renumber()
    assert [s.number for s in report.sections] == [1, 2]
    assert [s.number for s in report.sections[0].subsections] == [1, 2]
    assert report.sections[1].subsections[0].number == 1
    assert report.sections[1].subsections[0].level == 3  # levels are left alone


def test_renumber_points_go_on_across_paragraphs_and_restart_per_body() -> None:
    body = [
        Paragraph("", [Point(1, "a"), Point(3, "b")]),
        Paragraph("", [Point(7, "c")]),
        Paragraph("", [Point(1, "d"), Point(1, "e")]),  # starts a list of its own
        Paragraph("没有要点。"),
        Paragraph("", [Point(9, "f")]),
    ]
    report = Report(
        preamble=[Paragraph("", [Point(4, "x")])],
        sections=[
            Section(1, 1, "甲", body=body),
            Section(1, 2, "乙", body=[Paragraph("", [Point(5, "g")])]),
        ],
        closing=[Paragraph("新的一年，", [Point(2, "y")])],
    )
    report.renumber()
    assert _numbers(body) == [[1, 2], [3], [1, 2], [], [3]]
    assert _numbers(report.sections[1].body) == [[1]]
    assert _numbers(report.preamble) == [[1]]
    assert _numbers(report.closing) == [[1]]


def test_section_renumber_leaves_its_own_number_to_its_parent() -> None:
    section = Section(
        1, 4, "甲", body=[Paragraph("", [Point(2, "a")])], subsections=[Section(2, 2, "子")]
    )
    section.renumber()
    assert (section.number, section.subsections[0].number, section.points[0].number) == (4, 1, 1)


def test_numbers_are_never_changed_behind_your_back() -> None:
    report = fr.parse("一、甲\n三、乙\n")
    assert [s.number for s in report.sections] == [1, 3]
    del report.sections[0]
    assert [s.number for s in report.sections] == [3]


def test_renumbered_markers_keep_their_style() -> None:
    text = (
        "(一)甲\r\n(二)乙\r\n(三)丙\r\n  一是加强领导。二是完善制度，细化。三是严格执法。\r\n"
        "1、丁\r\n3、戊\r\n"
    )
    report = fr.parse(text)
    del report.sections[1]
    del report.sections[1].body[0].points[1]
    report.renumber()
    assert fr.render(report, "text") == (
        "(一)甲\r\n(二)丙\r\n  一是加强领导。二是严格执法。\r\n1、丁\r\n2、戊\r\n"
    )


def _drop_point(report: Report, point: Point) -> None:
    """Remove a point, and its paragraph if nothing is left of it."""
    for section in [None, *report.walk()]:
        body = report.preamble if section is None else section.body
        for index, paragraph in enumerate(body):
            if isinstance(paragraph, Paragraph) and any(p is point for p in paragraph.points):
                paragraph.points = [p for p in paragraph.points if p is not point]
                if not paragraph.points and not paragraph.text:
                    del body[index]
                    if section is not None and index == 0 and section.run_in:
                        section.run_in = bool(body) and isinstance(body[0], Paragraph)
                return


def _sibling_lists(report: Report) -> list[list[Section]]:
    return [report.sections] + [s.subsections for s in report.walk() if s.subsections]


@st.composite
def edited(draw: st.DrawFn, parsed: bool) -> Report:
    """A generated report (or its parse), with sections and points deleted and moved."""
    report = draw(reports(deepest=3))
    if parsed:
        report = fr.parse(fr.render(report, "text", style="official"))
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["drop section", "move section", "drop point", "move point"]))
        if action.endswith("section"):
            lists = [s for s in _sibling_lists(report) if s]
            if not lists:
                continue
            siblings = draw(st.sampled_from(lists))
            i = draw(st.integers(0, len(siblings) - 1))
            if action == "drop section":
                if siblings is report.sections and len(siblings) == 1 and report.closing:
                    continue  # a closing needs a section to follow
                del siblings[i]
            else:
                siblings.insert(draw(st.integers(0, len(siblings) - 1)), siblings.pop(i))
        else:
            points = [p for s in report.walk() for p in s.points] + [
                p
                for paragraph in report.preamble
                if isinstance(paragraph, Paragraph)
                for p in paragraph.points
            ]
            if not points:
                continue
            point = draw(st.sampled_from(points))
            _drop_point(report, point)
            if action == "move point":
                targets = [
                    p
                    for p in [*report.preamble, *(b for s in report.walk() for b in s.body)]
                    if isinstance(p, Paragraph)
                ]
                if not targets:
                    continue
                target = draw(st.sampled_from(targets))
                target.points.insert(draw(st.integers(0, len(target.points))), point)
    report.renumber()
    infer_roles(report)
    return report


NUMBERING = {"section_numbering", "point_numbering", "number_too_large"}


def _reads_back_after_renumbering(report: Report) -> None:
    problems = validate(report)
    assert not {p.code for p in problems} & NUMBERING  # renumber leaves no numbering problem
    if not problems:  # (a dropped point can leave "法治：" to read as an addressee, say)
        assert fr.parse(fr.render(report, "text")) == report


@given(edited(parsed=False))
def test_edited_generated_reports_read_back_after_renumbering(report: Report) -> None:
    _reads_back_after_renumbering(report)


@given(edited(parsed=True))
def test_edited_parsed_reports_read_back_after_renumbering(report: Report) -> None:
    _reads_back_after_renumbering(report)


@needs_corpus
def test_edited_corpus_reports_read_back_after_renumbering() -> None:
    for path in sorted((CORPUS / "seeds").glob("*.txt")):
        report = fr.load(path)
        lists = [s for s in _sibling_lists(report) if len(s) > 1]
        for siblings in lists[:3]:
            del siblings[0]
        points = report.points
        if len(points) > 1:
            _drop_point(report, points[0])
        report.renumber()
        infer_roles(report)
        assert validate(report) == [], path.name
        assert fr.parse(fr.render(report, "text")) == report, path.name


CRLF = "某局2024年法治政府建设情况报告\r\n一、主要举措和成效\r\n（一）加强领导。一是健全机制。二是压实责任。\r\n二、存在的不足\r\n正文。\r\n"
LF = "某县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n正文。\n\n二、下一步工作计划\n\n正文。\n"


def test_a_detached_node_takes_the_habits_of_its_new_report() -> None:
    source, target = fr.parse(CRLF), fr.parse(LF)
    section = source.sections[0].subsections[0]
    moved = detach(section)
    assert moved == section and moved is not section
    assert section.layout is not None  # the source is left as it was
    assert moved.layout is None and all(p.layout is None for p in moved.points)
    target.sections[0].subsections.append(moved)
    out = fr.render(target, "text")
    assert "\r" not in out
    # written in the target's habits: blank lines between blocks, the target's line end
    assert "\n\n（一）加强领导。一是健全机制。二是压实责任。\n" in out
    assert out.startswith(LF[: LF.index("正文。") + 3])
    assert fr.parse(out) == target


def test_without_detach_the_crlf_comes_along() -> None:
    # why detach exists: a parsed node brings its own line ends
    source, target = fr.parse(CRLF), fr.parse(LF)
    target.sections[0].subsections.append(copy.deepcopy(source.sections[0].subsections[0]))
    assert "\r\n" in fr.render(target, "text")


def test_strip_layout_works_in_place_on_every_kind_of_node() -> None:
    report = fr.parse(CRLF)
    assert strip_layout(report) is report
    assert report.layout is None
    assert all(s.layout is None for s in report.walk())
    assert all(p.layout is None for p in report.paragraphs)
    assert all(p.layout is None for p in report.points)
    assert fr.render(report, "text") == fr.render(report, "text", style="official")
    point = fr.parse(CRLF).points[0]
    assert strip_layout(point).layout is None


def test_infer_roles_fills_roles_as_the_parser_does() -> None:
    report = Report(
        title="某局2024年法治政府建设情况报告",
        year=2024,
        sections=[
            Section(1, 1, "主要举措和成效", subsections=[Section(2, 1, "存在的不足")]),
            Section(
                1,
                2,
                "存在的不足和原因",
                subsections=[Section(2, 1, "存在的不足"), Section(2, 2, "原因分析")],
            ),
            Section(1, 3, "2025年重点工作"),
            Section(1, 4, "加强队伍建设"),
        ],
    )
    infer_roles(report)
    assert [s.role for s in report.sections] == [
        SectionRole.MEASURES,
        SectionRole.SHORTCOMINGS,
        SectionRole.PLANS,
        SectionRole.OTHER,
    ]
    assert report.sections[0].subsections[0].role is None  # only under shortcomings
    assert [s.role for s in report.sections[1].subsections] == [
        SectionRole.SHORTCOMINGS,
        SectionRole.CAUSES,
    ]
    assert fr.parse(fr.render(report, "text")).sections == report.sections


def test_infer_roles_replaces_stale_roles() -> None:
    report = Report(
        sections=[
            Section(
                1,
                1,
                "下一步工作计划",
                role=SectionRole.MEASURES,
                subsections=[Section(2, 1, "x", role="causes")],
            )
        ]
    )
    infer_roles(report)
    assert report.sections[0].role is SectionRole.PLANS
    assert report.sections[0].subsections[0].role is None


@pytest.mark.parametrize("text", [CRLF, LF])
def test_infer_roles_agrees_with_parsing(text: str) -> None:
    report = fr.parse(text)
    expected = [s.role for s in report.walk()]
    for section in report.walk():
        section.role = None
    infer_roles(report)
    assert [s.role for s in report.walk()] == expected
