"""The lossless promise: render(parse(s), "text") == s for every string, and edits stay local."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import fazhi_report as fr
from fazhi_report import Paragraph, Point, Section
from fazhi_report.renderers.lossless import paragraph_text

from .conftest import EXAMPLES
from .strategies import WORDS, report_like_text


@given(st.text())
@example("")
@example("\ufeff")
@example("\r")
@example("一、\n（一）标题。正文\r\n")
@example("  \n\n")
def test_any_text_renders_back_exactly(text: str) -> None:
    assert fr.render(fr.parse(text), "text") == text


@given(report_like_text)
def test_report_fragments_render_back_exactly(text: str) -> None:
    assert fr.render(fr.parse(text), "text") == text


@given(report_like_text)
def test_json_with_layout_keeps_the_source(text: str) -> None:
    report = fr.parse(text)
    again = fr.from_json(fr.to_json(report, layout=True))
    assert again == report
    assert fr.render(again, "text") == text


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_examples_render_back_exactly(path: Path) -> None:
    data = path.read_bytes()
    report = fr.parse(data)
    assert fr.render(report, "text").encode("utf-8") == data


def _changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


@pytest.fixture
def sample() -> tuple[str, fr.Report]:
    text = (EXAMPLES / "sample_report.txt").read_text("utf-8")
    return text, fr.parse(text)


def test_editing_a_heading_changes_only_that_heading(sample: tuple[str, fr.Report]) -> None:
    text, report = sample
    section = report.sections[0].subsections[0]
    old = section.heading
    section.heading = "新的标题"
    out = fr.render(report, "text")
    assert out == text.replace(old + "。", "新的标题。", 1)
    assert len(_changed_lines(text, out)) == 2


def test_editing_a_point_changes_only_its_paragraph(sample: tuple[str, fr.Report]) -> None:
    text, report = sample
    point = report.sections[1].points[1]
    old = point.title
    point.title = "改写后的要点"
    out = fr.render(report, "text")
    assert out == text.replace("二是" + old, "二是改写后的要点", 1)


def test_renumbered_point_gets_a_new_marker(sample: tuple[str, fr.Report]) -> None:
    text, report = sample
    paragraph = report.sections[1].body[1]
    assert paragraph.points[0].number == 1
    paragraph.points[0].number = 7
    out = fr.render(report, "text")
    assert _changed_lines(text, out)[1].startswith("+七是")


def test_new_section_takes_the_document_style(tmp_path: Path) -> None:
    text = "天门县司法局2024年法治政府建设情况报告\n\n    一、主要举措和成效\n\n    (一)健全制度。正文。\n"
    report = fr.parse(text)
    report.sections[0].subsections.append(
        Section(2, 2, "强化监督", run_in=True, body=[Paragraph("加强检查。")])
    )
    out = fr.render(report, "text")
    # half-width brackets, four-space indent and a blank line, as the document writes them
    assert out == text + "\n    (二)强化监督。加强检查。\n"
    assert fr.parse(out) == report


def test_appending_after_a_last_line_without_newline() -> None:
    report = fr.parse("一、总体情况\n正文。")
    report.sections[0].body.append(Paragraph("新增一段。"))
    out = fr.render(report, "text")
    assert out.startswith("一、总体情况\n正文。\n")
    assert fr.parse(out).sections[0].body[-1].text == "新增一段。"


def test_removing_a_paragraph_removes_only_its_lines(sample: tuple[str, fr.Report]) -> None:
    text, report = sample
    removed = report.sections[1].body.pop(2)
    out = fr.render(report, "text")
    assert fr.render(fr.parse(out), "text") == out
    assert [line[1:] for line in _changed_lines(text, out)] == [paragraph_text(removed)]


def test_run_in_heading_turned_standalone(sample: tuple[str, fr.Report]) -> None:
    _, report = sample
    section = report.sections[0].subsections[0]
    section.run_in = False
    reparsed = fr.parse(fr.render(report, "text"))
    assert reparsed.sections[0].subsections[0].run_in is False
    assert reparsed.sections[0].subsections[0].body == section.body


def test_paragraph_broken_over_lines_keeps_its_breaks_when_edited_elsewhere() -> None:
    text = (
        "一、主要举措和成效\n"
        "全年共办理行政复议案件和行政诉讼案件合计一百余起，依法\n"
        "纠正不当行政行为十余起。\n"
    )
    report = fr.parse(text)
    paragraph = report.sections[0].body[0]
    assert paragraph.text.startswith("全年共办理") and "依法纠正" in paragraph.text
    paragraph.text = paragraph.text.replace("十余起", "十二起")
    out = fr.render(report, "text")
    assert out == text.replace("十余起", "十二起")


def test_point_built_in_code_renders_with_title_and_stop() -> None:
    report = fr.parse("一、工作安排\n主要有：一是加强学习。组织培训。\n")
    report.sections[0].body[0].points.append(Point(2, "强化监督", "开展检查。"))
    out = fr.render(report, "text")
    assert out == "一、工作安排\n主要有：一是加强学习。组织培训。二是强化监督。开展检查。\n"


def test_renumbered_heading_keeps_its_own_marker_style() -> None:
    report = fr.parse("一、工作\n(二)甲。正文。\n1、乙。正文。\n")
    report.sections[0].subsections[0].number = 5
    report.sections[0].subsections[0].subsections[0].number = 7
    assert fr.render(report, "text") == "一、工作\n(五)甲。正文。\n7、乙。正文。\n"


def test_changing_the_signature_date_changes_only_the_date() -> None:
    text = "一、工作\n正文。\n\u3000\u3000\u3000\u3000青禾县公安局  \n\u3000\u3000\u30002026年01月08日\n"
    report = fr.parse(text)
    assert report.signature is not None
    report.signature.date = dt.date(2026, 2, 3)
    assert fr.render(report, "text") == text.replace("2026年01月08日", "2026年2月3日")


def test_changing_the_signing_organ_on_a_one_line_signature() -> None:
    report = fr.parse("一、工作\n正文。\n青禾县公安局  2026年1月28日\n")
    assert report.signature is not None
    report.signature.organ = "白石县公安局"
    assert fr.render(report, "text") == "一、工作\n正文。\n白石县公安局  2026年1月28日\n"


def _line_count(raw: str) -> int:
    return len(re.findall(r"\r\n|\r|\n", raw))


def _span(paragraph: Paragraph) -> tuple[int, int]:
    """The source lines (1-based, inclusive) a parsed paragraph stands on."""
    layout = paragraph.layout
    assert layout is not None and layout.line is not None
    extra = sum(_line_count(raw) for _, raw in layout.breaks)
    return layout.line, layout.line + extra


def _edit_sites(report: fr.Report) -> list[tuple[object, str, tuple[int, int]]]:
    """Every text field a user may edit, with the source lines its node stands on."""
    sites: list[tuple[object, str, tuple[int, int]]] = []
    for section in report.walk():
        assert section.layout is not None and section.layout.line is not None
        first, last = section.layout.line, section.layout.line
        if section.run_in and section.body:
            last = _span(section.body[0])[1]
        sites.append((section, "heading", (first, last)))
    for paragraph in report.paragraphs:
        span = _span(paragraph)
        if paragraph.text:
            sites.append((paragraph, "text", span))
        sites.extend(
            (point, name, span) for point in paragraph.points for name in ("title", "text")
        )
    return sites


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.name)
@given(data=st.data())
def test_an_edit_changes_only_the_lines_of_its_node(path: Path, data: st.DataObject) -> None:
    text = path.read_text("utf-8")
    report = fr.parse(text)
    node, name, (first, last) = data.draw(st.sampled_from(_edit_sites(report)))
    new = "".join(data.draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4)))
    setattr(node, name, new)
    before = text.splitlines(keepends=True)
    after = fr.render(report, "text").splitlines(keepends=True)
    for tag, i1, i2, _, _ in difflib.SequenceMatcher(a=before, b=after).get_opcodes():
        # every source line that changed (1-based i1 + 1 .. i2) is one of the node's own lines
        if tag in ("replace", "delete"):
            assert first <= i1 + 1 and i2 <= last, (tag, i1, i2, first, last)
        elif tag == "insert":
            assert first - 1 <= i1 <= last, (tag, i1, first, last)
