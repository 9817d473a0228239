"""Markdown both ways: the official form as CommonMark, and Markdown read back by one builder."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import fazhi_report as fr
from fazhi_report.renderers.markdown import escape_markdown

from .conftest import CORPUS, EXAMPLES, corpus_cases, needs_corpus
from .strategies import report_like_text, reports


@given(reports())
def test_markdown_reads_back_the_same_report(report: fr.Report) -> None:
    assert fr.parse(fr.render(report, "markdown"), format="markdown") == report


@given(reports())
def test_front_matter_reads_back_the_same_report(report: fr.Report) -> None:
    text = fr.render(report, "markdown", front_matter=True)
    assert fr.parse(text, format="markdown") == report


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_examples_round_trip(path: Path) -> None:
    report = fr.load(path)
    assert fr.parse(fr.render(report, "markdown"), format="markdown") == report


@needs_corpus
@pytest.mark.parametrize("case", corpus_cases(), ids=lambda c: c["id"])
def test_corpus_round_trip(case: dict[str, str]) -> None:
    report = fr.load(CORPUS / case["file"])
    assert fr.parse(fr.render(report, "markdown"), format="markdown") == report


def _sample() -> fr.Report:
    return fr.Report(
        title="青禾县公安局2025年法治政府建设情况报告",
        organ="青禾县公安局",
        year=2025,
        preamble=[fr.Paragraph("2025年，我局坚持依法行政。现将有关情况报告如下：")],
        sections=[
            fr.Section(
                1,
                1,
                "主要举措和成效",
                role=fr.SectionRole.MEASURES,
                subsections=[
                    fr.Section(
                        2,
                        1,
                        "加强组织领导",
                        run_in=True,
                        body=[fr.Paragraph("", [fr.Point(1, "健全机制", "成立领导小组。")])],
                    )
                ],
            )
        ],
        signature=fr.Signature("青禾县公安局", "2026-01-28"),
    )


def test_markdown_form() -> None:
    assert fr.render(_sample(), "markdown") == (
        "# 青禾县公安局2025年法治政府建设情况报告\n\n"
        "2025年，我局坚持依法行政。现将有关情况报告如下：\n\n"
        "## 一、主要举措和成效\n\n"
        "**（一）加强组织领导**。一是健全机制。成立领导小组。\n\n"
        "青禾县公安局\\\n2026年1月28日\n"
    )


def test_bold_run_in_heading_is_strong_in_commonmark() -> None:
    html = MarkdownIt("commonmark").render(fr.render(_sample(), "markdown"))
    assert "<strong>（一）加强组织领导</strong>。一是" in html
    assert "<h2>一、主要举措和成效</h2>" in html


def test_front_matter_carries_the_facts() -> None:
    report = _sample()
    report.organ, report.year = "青禾县公安局", 2025
    report.sections[0].role = fr.SectionRole.OTHER  # not what the heading would give
    text = fr.render(report, "markdown", front_matter=True)
    assert text.startswith('---\norgan: "青禾县公安局"\nyear: 2025\nroles: ["other"]\n---\n\n#')
    back = fr.parse(text, format="markdown")
    assert back.sections[0].role is fr.SectionRole.OTHER
    assert back == report


@pytest.mark.parametrize(
    "text",
    [
        "2025. 年度工作",
        "- 列表",
        "+ 加号",
        "=== 等号",
        "# 井号",
        "> 引用",
        "*强调* 与 _下划线_ 与 `代码`",
        "[链接](http://example.com) 与 <b>标签</b> 与 &amp; 实体",
        "反斜杠\\ 与 | 竖线 与 ~~删除~~",
        "300) 括号编号",
    ],
)
def test_text_that_looks_like_markdown_stays_text(text: str) -> None:
    report = fr.Report(preamble=[fr.Paragraph(text + "。")])
    markdown = fr.render(report, "markdown")
    assert markdown == escape_markdown(text + "。") + "\n"
    assert fr.parse(markdown, format="markdown").preamble[0].text == text + "。"


HUMAN = """\
青禾县公安局2024年法治政府建设情况报告
=====================================

2024年，我局坚持*依法*行政，
推进**法治公安**建设。现将有关情况报告如下：

主要举措和成效
--------------

### 加强组织领导

- 一是健全机制。成立领导小组。
- 二是压实责任。逐级签订责任书。

### 规范执法行为

1. 完善制度。修订制度9项。
2. 强化监督。评查案卷563卷。

存在的不足
----------

执法规范化水平还不够均衡，
法治人才仍有短板。

新的一年，我局将继续努力。

青禾县公安局\\
2025年1月20日
"""


def test_markdown_written_by_people() -> None:
    report = fr.parse(HUMAN, format="markdown")
    assert report.title == "青禾县公安局2024年法治政府建设情况报告"
    assert report.organ == "青禾县公安局" and report.year == 2024
    # emphasis gives its text; a hard-wrapped paragraph is one paragraph, joined without a space
    assert report.preamble[0].text == (
        "2024年，我局坚持依法行政，推进法治公安建设。现将有关情况报告如下："
    )
    first, second = report.sections
    assert (first.level, first.number, first.heading) == (1, 1, "主要举措和成效")
    assert first.role is fr.SectionRole.MEASURES
    assert [(s.level, s.number, s.heading) for s in first.subsections] == [
        (2, 1, "加强组织领导"),
        (2, 2, "规范执法行为"),
    ]
    # a bullet list of points: one paragraph per item, numbering going on
    assert [p.number for p in first.subsections[0].points] == [1, 2]
    assert [p.title for p in first.subsections[0].points] == ["健全机制", "压实责任"]
    # an ordered list's numbers read as level-3 markers
    items = first.subsections[1].subsections
    assert [(s.level, s.number, s.heading, s.run_in) for s in items] == [
        (3, 1, "完善制度", True),
        (3, 2, "强化监督", True),
    ]
    assert (second.number, second.role) == (2, fr.SectionRole.SHORTCOMINGS)
    assert second.body[0].text == "执法规范化水平还不够均衡，法治人才仍有短板。"
    assert report.closing[0].text == "新的一年，我局将继续努力。"
    assert report.signature is not None
    assert report.signature.organ == "青禾县公安局"
    assert report.signature.date is not None and report.signature.date.isoformat() == "2025-01-20"


def test_headings_without_a_title_start_at_their_shallowest_depth() -> None:
    report = fr.parse(
        "# 工作成效\n\n正文。\n\n## 具体做法\n\n正文。\n\n# 工作计划\n", format="markdown"
    )
    assert report.title is None
    assert [(s.level, s.number, s.heading) for s in report.walk()] == [
        (1, 1, "工作成效"),
        (2, 1, "具体做法"),
        (1, 2, "工作计划"),
    ]


def test_a_soft_break_between_latin_words_is_a_space() -> None:
    report = fr.parse("使用 open\nsource 软件，\n推进工作。\n", format="markdown")
    assert report.preamble[0].text == "使用 open source 软件，推进工作。"


def test_a_pipe_table_is_a_table() -> None:
    text = "说明如下。\n\n| 项目 | 数量 |\n| --- | --- |\n| 案件 | 12 |\n\n后文继续说明。\n"
    report = fr.parse(text, format="markdown")
    assert report.preamble == [
        fr.Paragraph("说明如下。"),
        fr.Table([["项目", "数量"], ["案件", "12"]]),
        fr.Paragraph("后文继续说明。"),
    ]


def test_markdown_bytes_in_gbk_are_decoded() -> None:
    text = "# 青禾县公安局2024年法治政府建设情况报告\n\n2024年，我局坚持依法行政。\n"
    report = fr.parse(text.encode("gb18030"), format="markdown")
    assert report.title == "青禾县公安局2024年法治政府建设情况报告"


def test_markdown_suffix_and_save(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    fr.save(_sample(), path)
    assert path.read_text("utf-8").startswith("# 青禾县公安局")
    assert fr.load(path) == _sample()


def test_unclosed_front_matter_is_text() -> None:
    report = fr.parse("---\norgan: 某局\n\n正文。\n", format="markdown")
    assert report.organ != "某局"


def test_empty_markdown_is_an_empty_report() -> None:
    assert fr.parse("", format="markdown") == fr.Report()
    assert fr.render(fr.Report(), "markdown") == ""


def test_markdown_bytes_that_are_not_text_are_a_decode_error() -> None:
    with pytest.raises(fr.DecodeError):
        fr.parse(b"\x00\x01\x02\x03binary\xff\xfe\x00", format="markdown")


def test_a_raw_html_block_gives_its_lines() -> None:
    text = (
        "# 青禾县公安局2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n全年开展执法培训12期。\n\n"
        '<div align="right">青禾县公安局<br>2025年1月20日<script>x()</script></div>\n'
    )
    report = fr.parse(text, format="markdown")
    assert report.signature == fr.Signature("青禾县公安局", "2025-01-20")


def test_a_table_is_a_pipe_table() -> None:
    report = fr.Report(preamble=[fr.Table([["类别", "件数"], ["行政复议", "12"]])])
    assert fr.render(report, "markdown") == "| 类别 | 件数 |\n| --- | --- |\n| 行政复议 | 12 |\n"


def test_templates_override_one_file_and_run_sandboxed(tmp_path: Path) -> None:
    (tmp_path / "markdown").mkdir()
    (tmp_path / "markdown" / "report.md.j2").write_text(
        '{% import "markdown/macros.md.j2" as m with context %}'
        "{{ m.body(blocks) }}<!-- {{ report.sections|length }} -->\n",
        "utf-8",
    )
    text = fr.render(_sample(), "markdown", templates=tmp_path, sandboxed=True)
    assert text.startswith("2025年，我局坚持依法行政。") and text.endswith("<!-- 1 -->\n")
    assert fr.render(_sample(), "markdown", sandboxed=True) == fr.render(_sample(), "markdown")


def test_a_title_over_two_level_one_headings() -> None:
    text = (
        "# 青禾县公安局\n\n# 2024年法治政府建设情况报告\n\n2024年，我局坚持依法行政。\n\n"
        "## 一、主要举措和成效\n\n全年开展执法培训12期。\n\n## 二、存在的不足\n\n培训还不够。\n"
    )
    report = fr.parse(text, format="markdown")
    assert report.title == "青禾县公安局2024年法治政府建设情况报告"
    assert [(s.level, s.number, s.heading) for s in report.walk()] == [
        (1, 1, "主要举措和成效"),
        (1, 2, "存在的不足"),
    ]


def test_level_one_headings_that_are_no_title_are_sections() -> None:
    text = "# 工作成效\n\n# 存在问题\n\n正文。\n"
    report = fr.parse(text, format="markdown")
    assert report.title is None
    assert [(s.level, s.number, s.heading) for s in report.sections] == [
        (1, 1, "工作成效"),
        (1, 2, "存在问题"),
    ]


MARKDOWN_PIECES = st.sampled_from(
    ("# ", "## ", "\n", "\n\n", "**", "*", "_", "- ", "1. ", "> ", "    ", "`", "---\n", "===\n",
     "| a | b |\n| --- | --- |\n", "<div>", "</div>", "<br>", "&amp;", "\\", "[x](y)")
)  # fmt: skip


@given(st.lists(st.one_of(MARKDOWN_PIECES, report_like_text), max_size=30).map("".join))
def test_any_markdown_parses_and_its_report_reads_back(text: str) -> None:
    report = fr.parse(text, format="markdown")
    assert fr.parse(fr.render(report, "markdown"), format="markdown") == report
