"""The builder's passes, tested on lines built by hand: reader hints, the frame, layout records.

No DOCX or Markdown reader exists yet, so the hints such a reader gives (a title style, a heading
level, a Word list number, a paragraph start) are set on `Line` objects directly.
"""

from __future__ import annotations

import attrs
import pytest

import fazhi_report as fr
from fazhi_report import layout
from fazhi_report.parsers.builder import build_report
from fazhi_report.parsers.classify import CLUTTER, HEAD, TEXT, classify
from fazhi_report.parsers.frame import find_frame
from fazhi_report.parsers.lines import Line, split_text


def _lines(*specs: tuple[str, dict[str, object]] | str) -> list[Line]:
    """Lines from texts, each optionally with hints: ("text", {"level": 2})."""
    out = []
    for k, spec in enumerate(specs):
        text, hints = (spec, {}) if isinstance(spec, str) else spec
        out.append(Line("", text, "\n", k + 1, **hints))  # type: ignore[arg-type]
    return out


def _source(lines: list[Line]) -> str:
    return "".join(line.raw for line in lines)


# -- hints ----------------------------------------------------------------------------------


def test_title_hint_forces_a_title_that_no_rule_would_find() -> None:
    lines = _lines(("年度工作回顾", {"is_title": True}), "一、总体情况", "正文。")
    report = build_report(lines)
    assert report.title == "年度工作回顾"
    assert fr.render(report, "text") == _source(lines)
    # without the hint, a line worded like no title and followed by no prose is none
    assert build_report(_lines("年度工作回顾：", "一、总体情况")).title is None
    hinted = build_report(_lines(("年度工作回顾：", {"is_title": True}), "一、总体情况"))
    assert hinted.title == "年度工作回顾："


def test_title_hint_over_two_lines_and_chrome_before_it() -> None:
    lines = _lines(
        "网站首页导航",
        ("青禾县公安局", {"is_title": True}),
        "",
        ("2025年法治政府建设情况报告", {"is_title": True}),
        "一、总体情况",
    )
    report = build_report(lines)
    assert report.title == "青禾县公安局2025年法治政府建设情况报告"
    assert report.layout is not None and report.layout.lead == "网站首页导航\n"
    assert fr.render(report, "text") == _source(lines)


def test_heading_level_hint_makes_a_heading_without_a_marker() -> None:
    lines = _lines(
        ("总体情况", {"level": 1}),
        "正文。",
        ("组织领导", {"level": 2}),
        "正文。",
        ("制度建设", {"level": 2}),
        ("下一步工作计划", {"level": 1}),
    )
    report = build_report(lines)
    assert [(s.level, s.number, s.heading) for s in report.walk()] == [
        (1, 1, "总体情况"),
        (2, 1, "组织领导"),
        (2, 2, "制度建设"),
        (1, 2, "下一步工作计划"),
    ]
    assert report.sections[1].role is fr.SectionRole.PLANS
    section = report.sections[0]
    assert section.layout is not None and section.layout.marker == ""
    assert fr.render(report, "text") == _source(lines)
    official = fr.render(report, "text", style="official")
    assert "一、总体情况" in official and "（二）制度建设" in official


def test_heading_level_hint_wins_over_a_typed_marker_level() -> None:
    report = build_report(_lines(("三、情况", {"level": 2})))
    section = report.sections[0]
    assert (section.level, section.number, section.heading) == (2, 3, "情况")


def test_list_marker_is_read_as_typed_but_is_not_source_text() -> None:
    lines = _lines(
        ("主要举措和成效", {"list_marker": "一、"}),
        ("健全工作机制", {"list_marker": "（一）"}),
        "正文。",
        ("存在的不足", {"list_marker": "二、"}),
    )
    report = build_report(lines)
    assert [(s.level, s.number, s.heading) for s in report.walk()] == [
        (1, 1, "主要举措和成效"),
        (2, 1, "健全工作机制"),
        (1, 2, "存在的不足"),
    ]
    assert [s.role for s in report.sections] == [
        fr.SectionRole.MEASURES,
        fr.SectionRole.SHORTCOMINGS,
    ]
    # the drawn markers are not in the lines' text, but a reader of the document sees them:
    # the lossless text shows them, so it reads back to the same outline
    text = fr.render(report, "text")
    assert text == "一、主要举措和成效\n（一）健全工作机制\n正文。\n二、存在的不足\n"
    assert fr.parse(text) == report


def test_list_marker_that_is_no_heading_marker_is_ignored() -> None:
    report = build_report(_lines(("加强领导，完善制度。", {"list_marker": "•"})))
    assert report.sections == [] and report.preamble[0].text == "加强领导，完善制度。"


def test_new_paragraph_hint_settles_joining_both_ways() -> None:
    long = "这是一段很长的文字，被硬换行打断在句子的中间而没有句号的地方"
    assert len(long) >= 25
    plain = build_report(_lines(long, "接着写完。"))
    assert len(plain.preamble) == 1  # by its form, the line continues
    kept = build_report(_lines(long, ("另起一段。", {"new_paragraph": True})))
    assert [p.text for p in kept.preamble] == [long, "另起一段。"]
    joined = build_report(_lines("短行。", ("软换行接续。", {"new_paragraph": False})))
    assert [p.text for p in joined.preamble] == ["短行。软换行接续。"]
    assert fr.render(joined, "text") == "短行。\n软换行接续。\n"


def test_plain_lines_carry_no_hint_object() -> None:
    line = Line("", "正文。", "\n", 1)
    assert line.hints is None and not line.is_title and line.level is None
    hinted = Line("", "正文。", "\n", 1, level=2)
    assert hinted.hints is not None and hinted.level == 2 and hinted.list_marker is None


# -- classification and frame --------------------------------------------------------------


def test_classify_gives_per_line_arrays() -> None:
    c = classify(split_text("标题\n\n一、情况\n来源：公安局\n正文。\n"))
    assert list(c.kinds) == [TEXT, 0, HEAD, CLUTTER, TEXT]
    assert c.markers[2] is not None and c.markers[2].raw == "一、"
    assert c.page().source == "公安局"


def test_frame_is_decided_before_any_node() -> None:
    text = (
        "发布日期：2025-02-01\n\n青禾县公安局2025年法治政府建设情况报告\n来源：公安局\n"
        "市委、市政府：\n一、情况\n正文。\n\n青禾县公安局\n2026年1月28日\n打印本页\n"
    )
    frame = find_frame(classify(split_text(text)))
    assert frame.lead_end == 2
    assert frame.title is not None and (frame.title.start, frame.title.end) == (2, 3)
    assert frame.header_end == 4
    assert frame.addressee == (4, "市委、市政府")
    assert (frame.body_start, frame.body_end) == (5, 7)
    assert frame.signature is not None and (frame.signature.start, frame.signature.end) == (8, 10)
    assert frame.trailing_start == 10


def test_what_the_body_leaves_stands_before_the_signature() -> None:
    text = "一、情况\n正文。\n\n\n青禾县公安局\n2026年1月28日\n"
    report = fr.parse(text)
    assert report.signature is not None and report.signature.layout is not None
    assert report.signature.layout.before == "\n\n"
    assert fr.render(report, "text") == text


# -- layout records -------------------------------------------------------------------------


def test_layout_records_are_frozen() -> None:
    report = fr.parse("一、情况\n正文。一是加强。\n")
    records = [report.layout, report.sections[0].layout, report.sections[0].body[0].layout]
    records.append(report.sections[0].body[0].points[0].layout)
    for record in records:
        assert record is not None
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            record.line = 9  # type: ignore[misc]


def test_block_records_share_one_shape() -> None:
    for cls in (
        layout.TitleLayout,
        layout.AddresseeLayout,
        layout.ParagraphLayout,
        layout.SectionLayout,
        layout.SignatureLayout,
    ):
        assert issubclass(cls, layout.BlockLayout)
        names = [a.name for a in attrs.fields(cls)]
        assert names[:4] == ["before", "indent", "end", "line"]


def test_each_node_knows_its_source_line() -> None:
    text = (
        "青禾县公安局2025年法治政府建设情况报告\n\n市委：\n导语。\n一、情况\n"
        "（一）组织。正文。\n这是一段很长的文字被硬换行打断在句子的中间而没有句号的地方\n"
        "落实到位：一是加强。二是完善。\n\n青禾县公安局\n2026年1月28日\n"
    )
    report = fr.parse(text)
    assert report.layout is not None
    assert report.layout.title is not None and report.layout.title.line == 1
    assert report.layout.addressee is not None and report.layout.addressee.line == 3
    assert report.preamble[0].layout is not None and report.preamble[0].layout.line == 4
    section = report.sections[0]
    assert section.layout is not None and section.layout.line == 5
    sub = section.subsections[0]
    assert sub.layout is not None and sub.layout.line == 6
    paragraph = sub.body[1]
    assert paragraph.layout is not None and paragraph.layout.line == 7
    # the points stand on the paragraph's second line
    assert [p.layout.line for p in paragraph.points if p.layout] == [8, 8]
    assert report.signature is not None and report.signature.layout is not None
    assert report.signature.layout.line == 10


def test_encoding_is_passed_in_not_patched() -> None:
    report = fr.parse("一、情况\n".encode("gb18030"))
    assert report.layout is not None and report.layout.encoding == "gb18030"


def test_habits_keep_the_old_style_names() -> None:
    report = fr.parse("一、情况\r\n(一)组织\r\n")
    assert report.layout is not None
    assert layout.Style is layout.Habits
    assert report.layout.style is report.layout.habits
    assert report.layout.habits.half_width and report.layout.habits.line_end == "\r\n"


def test_parsing_does_not_import_the_analysis_package() -> None:
    import subprocess
    import sys

    code = (
        "import sys, fazhi_report as fr; fr.parse('一、存在的不足\\n正文。\\n');"
        "print(any(m.startswith('fazhi_report.analysis') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_role_inference_folds_its_own_input() -> None:
    from fazhi_report.analysis.roles import infer_role, infer_subrole

    assert infer_role("存在的問題和不足") is fr.SectionRole.SHORTCOMINGS
    assert infer_subrole("原因分析") is fr.SectionRole.CAUSES


def test_a_run_of_blank_lines_is_one_record_and_still_counts_its_lines() -> None:
    lines = split_text("一、情况\n\n \n正文。\n\n\n\n二、问题\n\n\n正文。\n\n")
    assert [line.number for line in lines] == [1, 2, 4, 5, 8, 9, 11, 12]
    report = build_report(lines)
    assert report.layout is not None and report.layout.habits.blank_lines == 2
    text = "一、情况\r\n\r\n\r\n正文。\r\n"
    assert fr.render(fr.parse(text), "text") == text
    assert fr.parse(text).layout.habits.blank_lines == 2  # type: ignore[union-attr]
