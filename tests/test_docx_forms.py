"""Forms of real Word files, one a test, in files built here: the facts and headings exact.

Each file holds the same invented report (青禾县司法局), written with one feature of Word:
soft line breaks, numbering restarted per section (four ways), tracked changes in the title, a
title in a text box or a content control, the signature in a table without lines. For each,
the title, organ, year, signature and every heading must come out exactly.
"""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fazhi_report as fr

from .wordfiles import br, docx, num, numbered, para, run, style, table

TITLE = "青禾县司法局2024年法治政府建设情况报告"
FACTS = (TITLE, "青禾县司法局", 2024, "青禾县司法局", datetime.date(2025, 1, 20))
OUTLINE = [
    (1, 1, "主要举措和成效"),
    (2, 1, "健全制度体系"),
    (2, 2, "规范行政执法"),
    (2, 3, "强化执法监督"),
    (1, 2, "存在的不足"),
    (2, 1, "执法能力有待提高"),
    (2, 2, "基层力量仍显薄弱"),
    (1, 3, "下一步工作安排"),
    (2, 1, "深化制度建设"),
]
PREAMBLE = para("2024年，青禾县司法局坚持依法行政。现将有关情况报告如下：")
SIGNATURE = para("青禾县司法局") + para("2025年1月20日")
TITLE_STYLE = style("Title", "Title")


def facts(report: fr.Report) -> tuple[object, ...]:
    signature = report.signature
    return (
        report.title,
        report.organ,
        report.year,
        signature.organ if signature else None,
        signature.date if signature else None,
    )


def outline(report: fr.Report) -> list[tuple[int, int | None, str]]:
    return [(s.level, s.number, s.heading) for s in report.walk()]


def sections(level1: str, level2: str, body: str = "全年推进有力。") -> str:
    """The report's sections, each heading written by the templates given ({n}: 一, 二…)."""
    out = []
    numerals = "一二三"
    for k, (head, subs) in enumerate(
        [
            ("主要举措和成效", ["健全制度体系", "规范行政执法", "强化执法监督"]),
            ("存在的不足", ["执法能力有待提高", "基层力量仍显薄弱"]),
            ("下一步工作安排", ["深化制度建设"]),
        ]
    ):
        out.append(level1.format(n=numerals[k], k=k, text=head))
        for j, sub in enumerate(subs):
            out.append(level2.format(n=numerals[j], k=k, text=sub))
            if body:
                out.append(para(body))
    return "".join(out)


def read_back(data: bytes) -> fr.Report:
    """The report of a Word file, checked to round-trip through our own Word file."""
    report = fr.parse(data, format="docx")
    assert fr.parse(fr.render(report, "docx"), format="docx") == report
    return report


# ------------------------------------------------------------------------ soft line breaks


def test_a_soft_break_after_a_heading_makes_a_heading_and_a_paragraph() -> None:
    typed = sections(
        para("{n}、{text}"),
        "<w:p><w:r><w:t>（{n}）{text}</w:t><w:br/><w:t>今年以来，全年推进有力。</w:t></w:r></w:p>",
        body="",
    )
    report = read_back(
        docx(para(TITLE, style="Title") + PREAMBLE + typed + SIGNATURE, styles=TITLE_STYLE)
    )
    assert facts(report) == FACTS
    assert outline(report) == OUTLINE
    first = report.sections[0].subsections[0]
    assert not first.run_in and first.body[0].text == "今年以来，全年推进有力。"


def test_lines_split_by_soft_breaks_stay_lines() -> None:
    body = (
        para("青禾县司法局", br(), "2024年法治政府建设情况报告", style="Title")
        + para("2024年，青禾县司法局坚持依法行政。", br(), "现将有关情况报告如下：")
        + sections(para("{n}、{text}"), para("（{n}）{text}"))
        + para("青禾县司法局", br(), "2025年1月20日")
    )
    report = read_back(docx(body, styles=TITLE_STYLE))
    assert facts(report) == FACTS
    assert outline(report) == OUTLINE
    assert [p.text for p in report.preamble] == [
        "2024年，青禾县司法局坚持依法行政。",
        "现将有关情况报告如下：",
    ]
    # the lossless text has a line end at each soft break (a title's lines run on into one
    # title), and reads back as the same report
    text = fr.render(report, "text")
    assert text.startswith(TITLE + "\n2024年，青禾县司法局坚持依法行政。\n现将")
    assert fr.parse(text) == report


def test_a_title_broken_by_a_soft_break_keeps_its_spaces() -> None:
    joint = "中共青禾县委 青禾县人民政府关于2024年法治政府建设情况的报告"
    body = para(
        "中共青禾县委 ", br(), "青禾县人民政府关于2024年法治政府建设情况的报告", style="Title"
    )
    report = fr.parse(docx(body + PREAMBLE + para("一、主要举措和成效"), styles=TITLE_STYLE))
    assert report.title == joint


def test_a_title_without_a_title_style_over_two_soft_broken_lines() -> None:
    body = (
        para("青禾县司法局", br(), "2024年法治政府建设情况报告")
        + PREAMBLE
        + sections(para("{n}、{text}"), para("（{n}）{text}"))
        + SIGNATURE
    )
    report = read_back(docx(body))
    assert facts(report) == FACTS
    assert outline(report) == OUTLINE


def test_page_and_column_breaks_are_no_line_ends() -> None:
    body = para("一、主要举措", br("page"), "和成效") + para("全年推进有力。")
    report = fr.parse(docx(body))
    assert outline(report) == [(1, 1, "主要举措和成效")]


def test_carriage_returns_and_runs_of_breaks_keep_every_line_end() -> None:
    body = para("一、主要举措和成效", "<w:r><w:cr/></w:r>", br(), br(), "全年推进有力。", br())
    report = fr.parse(docx(body))
    assert outline(report) == [(1, 1, "主要举措和成效")]
    assert fr.render(report, "text") == "一、主要举措和成效\n\n\n全年推进有力。\n\n"


# ------------------------------------------------------------------ numbering restarts

_LEVEL = (
    '<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{extra}'
    '<w:lvlText w:val="{text}"/></w:lvl>'
)


def abstract(abstract_id: int, *levels: tuple[str, str, str]) -> str:
    """An abstract list; each level given as (numFmt, lvlText, extra children)."""
    lvls = "".join(
        _LEVEL.format(i=i, fmt=fmt, text=text, extra=extra)
        for i, (fmt, text, extra) in enumerate(levels)
    )
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'


def numbered_report(level1: str, level2: str, numbering: str, styles: str = "") -> fr.Report:
    body = para(TITLE, style="Title") + PREAMBLE + sections(level1, level2) + SIGNATURE
    return read_back(docx(body, styles=TITLE_STYLE + styles, numbering=numbering))


def test_a_new_instance_with_a_start_override_restarts_each_section() -> None:
    # 一、 typed; the （一） list is one abstract list, a new instance restarting it per section
    numbering = abstract(5, ("chineseCounting", "（%1）", "")) + "".join(
        num(10 + k, 5, l0=1) for k in range(3)
    )
    level2 = para("{text}", ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1{k}"/></w:numPr>')
    report = numbered_report(para("{n}、{text}"), level2, numbering)
    assert facts(report) == FACTS
    assert outline(report) == OUTLINE


def test_instances_without_an_override_continue_one_count() -> None:
    # the same lists without the override: Word goes on counting, （四）（五） and （六）
    numbering = abstract(5, ("chineseCounting", "（%1）", "")) + "".join(
        num(10 + k, 5) for k in range(3)
    )
    level2 = para("{text}", ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1{k}"/></w:numPr>')
    report = numbered_report(para("{n}、{text}"), level2, numbering)
    drawn = [s.number for s in report.walk() if s.level == 2]
    assert drawn == [1, 2, 3, 4, 5, 6]


def test_a_level_restarts_when_the_level_above_is_used() -> None:
    numbering = abstract(
        3, ("chineseCounting", "%1、", ""), ("chineseCountingThousand", "（%2）", "")
    ) + num(1, 3)
    report = numbered_report(numbered("{text}", 1, 0), numbered("{text}", 1, 1), numbering)
    assert facts(report) == FACTS
    assert outline(report) == OUTLINE


def test_lvl_restart_zero_never_restarts() -> None:
    numbering = abstract(
        3,
        ("chineseCounting", "%1、", ""),
        ("chineseCounting", "（%2）", '<w:lvlRestart w:val="0"/>'),
    ) + num(1, 3)
    report = numbered_report(numbered("{text}", 1, 0), numbered("{text}", 1, 1), numbering)
    assert [s.number for s in report.walk() if s.level == 2] == [1, 2, 3, 4, 5, 6]


def test_heading_styles_that_carry_the_numbering() -> None:
    # the numbering comes with the heading styles; the levels linked to them by w:pStyle
    numbering = (
        '<w:abstractNum w:abstractNumId="4">'
        + _LEVEL.format(i=0, fmt="chineseCounting", text="%1、", extra='<w:pStyle w:val="H1"/>')
        + _LEVEL.format(i=1, fmt="chineseCounting", text="（%2）", extra='<w:pStyle w:val="H2"/>')
        + "</w:abstractNum>"
        + num(2, 4)
    )
    numpr = '<w:numPr><w:numId w:val="2"/></w:numPr>'
    styles = style("H1", "heading 1", numpr) + style("H2", "heading 2", numpr)
    report = numbered_report(
        para("{text}", style="H1"), para("{text}", style="H2"), numbering, styles
    )
    assert facts(report) == FACTS
    assert outline(report) == OUTLINE


def test_a_start_value_and_a_numbering_style_link() -> None:
    # the list's levels live in the abstract list a numbering style names (w:numStyleLink);
    # its level 0 starts at 一 by w:start
    numbering = (
        abstract(6, ("chineseCounting", "%1、", ""), ("chineseCounting", "（%2）", "")).replace(
            'w:abstractNumId="6">', 'w:abstractNumId="6"><w:styleLink w:val="Outline"/>'
        )
        + '<w:abstractNum w:abstractNumId="7"><w:numStyleLink w:val="Outline"/></w:abstractNum>'
        + num(1, 6)
        + num(2, 7)
    )
    styles = style("Outline", "报告大纲", '<w:numPr><w:numId w:val="1"/></w:numPr>', "numbering")
    report = numbered_report(numbered("{text}", 2, 0), numbered("{text}", 2, 1), numbering, styles)
    assert outline(report) == OUTLINE


def test_numbering_taken_off_a_paragraph_draws_nothing() -> None:
    numpr = '<w:numPr><w:numId w:val="2"/></w:numPr>'
    numbering = abstract(4, ("chineseCounting", "%1、", "")) + num(2, 4)
    body = (
        para("主要举措和成效", style="H1")
        + para("全年推进有力。", style="H1", ppr='<w:numPr><w:numId w:val="0"/></w:numPr>')
        + para("存在的不足", style="H1")
    )
    report = fr.parse(docx(body, styles=style("H1", "My Heading", numpr), numbering=numbering))
    assert [(s.number, s.heading) for s in report.sections] == [
        (1, "主要举措和成效"),
        (2, "存在的不足"),
    ]


@settings(max_examples=30, deadline=None)
@given(
    sizes=st.lists(st.integers(1, 5), min_size=1, max_size=4),
    way=st.sampled_from(["override", "levels", "restart-1"]),
)
def test_restarted_lists_count_one_to_n_under_each_parent(sizes: list[int], way: str) -> None:
    restart = '<w:lvlRestart w:val="1"/>' if way == "restart-1" else ""
    numbering = abstract(
        3, ("chineseCounting", "%1、", ""), ("chineseCounting", "（%2）", restart)
    ) + abstract(5, ("chineseCounting", "（%1）", ""))
    numbering += num(1, 3) + "".join(num(10 + k, 5, l0=1) for k in range(len(sizes)))
    body = para(TITLE, style="Title") + PREAMBLE
    for k, size in enumerate(sizes):
        body += numbered(f"第{k + 1}部分工作", 1, 0)
        for j in range(size):
            body += numbered(
                f"第{j + 1}项工作",
                10 + k if way == "override" else 1,
                0 if way == "override" else 1,
            )
            body += para("全年推进有力。")
    report = fr.parse(docx(body, styles=TITLE_STYLE, numbering=numbering))
    assert [s.number for s in report.sections] == list(range(1, len(sizes) + 1))
    assert [[s.number for s in top.subsections] for top in report.sections] == [
        list(range(1, size + 1)) for size in sizes
    ]


# ------------------------------------------------------------------------------- titles


def test_tracked_changes_in_the_title_read_as_accepted() -> None:
    title = para(
        run("青禾县"),
        '<w:del w:id="1" w:author="甲"><w:r><w:delText>公安局</w:delText></w:r></w:del>',
        '<w:ins w:id="2" w:author="甲">' + run("司法局") + "</w:ins>",
        '<w:moveFrom w:id="3" w:author="甲">' + run("2023年") + "</w:moveFrom>",
        '<w:moveTo w:id="4" w:author="甲">' + run("2024年") + "</w:moveTo>",
        run("法治政府建设情况报告"),
        style="Title",
    )
    body = title + PREAMBLE + sections(para("{n}、{text}"), para("（{n}）{text}")) + SIGNATURE
    report = read_back(docx(body, styles=TITLE_STYLE))
    assert facts(report) == FACTS
    assert outline(report) == OUTLINE


def _text_box(inner: str) -> str:
    """A text box as Word 2010+ writes it: a drawing, and a VML copy for older readers."""
    return (
        "<w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{inner}</w:txbxContent>"
        "</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def test_a_title_in_a_text_box_is_read_once() -> None:
    box = _text_box(para("青禾县司法局") + para("2024年法治政府建设情况报告"))
    body = para(box) + PREAMBLE + sections(para("{n}、{text}"), para("（{n}）{text}")) + SIGNATURE
    report = read_back(docx(body))
    assert facts(report) == FACTS
    assert outline(report) == OUTLINE
    assert fr.render(report, "text").count("2024年法治政府建设情况报告") == 1


def test_a_title_in_content_controls() -> None:
    title = (
        '<w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent>'
        + para(
            '<w:sdt><w:sdtPr><w:tag w:val="organ"/></w:sdtPr><w:sdtContent>'
            + run("青禾县司法局")
            + "</w:sdtContent></w:sdt>",
            "2024年法治政府建设情况报告",
            style="Title",
        )
        + "</w:sdtContent></w:sdt>"
    )
    # a control still showing its prompt holds no text of the report
    prompt = (
        "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
        + para("单击或点击此处输入文字。")
        + "</w:sdtContent></w:sdt>"
    )
    body = prompt + title + PREAMBLE + sections(para("{n}、{text}"), para("（{n}）{text}"))
    report = read_back(docx(body + SIGNATURE, styles=TITLE_STYLE))
    assert facts(report) == FACTS
    assert outline(report) == OUTLINE
    assert "单击" not in fr.render(report, "text")


# --------------------------------------------------------------------------- signatures

_NO_BORDERS = (
    "<w:tblBorders>"
    + "".join(
        f'<w:{edge} w:val="none" w:sz="0" w:space="0" w:color="auto"/>'
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders>"
)


@pytest.mark.parametrize(
    "rows",
    [
        [["", para("青禾县司法局") + para("2025年1月20日")]],
        [["", para("青禾县司法局")], ["", para("2025年1月20日")]],
        [[para("附件：执法统计表"), para("青禾县司法局") + para("2025年1月20日")]],
    ],
    ids=["right-cell", "two-rows", "note-beside"],
)
def test_a_signature_in_a_table_without_lines(rows: list[list[str]]) -> None:
    body = (
        para(TITLE, style="Title")
        + PREAMBLE
        + sections(para("{n}、{text}"), para("（{n}）{text}"))
        + table(rows, _NO_BORDERS)
    )
    report = read_back(docx(body, styles=TITLE_STYLE))
    assert facts(report) == FACTS
    assert outline(report) == OUTLINE
    assert report.tables == []


def test_a_table_style_without_lines_places_text_too() -> None:
    styles = TITLE_STYLE + style(
        "Plain", "Normal Table", kind="table", extra="<w:tblPr>" + _NO_BORDERS + "</w:tblPr>"
    ).replace('w:type="table"', 'w:type="table" w:default="1"')
    rows = [["", para("青禾县司法局") + para("2025年1月20日")]]
    body = (
        para(TITLE, style="Title") + PREAMBLE + sections(para("{n}、{text}"), para("（{n}）{text}"))
    )
    report = read_back(docx(body + table(rows), styles=styles))
    assert facts(report) == FACTS


def test_a_table_that_draws_lines_stays_a_table() -> None:
    lines = _NO_BORDERS.replace('w:val="none"', 'w:val="single"')
    rows = [[para("指标"), ""], [para("办理案件"), para("42件")]]
    body = para(TITLE, style="Title") + PREAMBLE + para("一、主要举措和成效")
    report = fr.parse(docx(body + table(rows, lines) + SIGNATURE, styles=TITLE_STYLE))
    assert report.tables == [fr.Table([["指标", ""], ["办理案件", "42件"]])]
    assert facts(report) == FACTS
