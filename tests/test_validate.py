"""validate(): what no single field can check, each check shown to matter."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import fazhi_report as fr
from fazhi_report import Paragraph, Point, Report, Section, Signature
from fazhi_report.model.shape import check_shape
from fazhi_report.validation import Problem, ensure_valid, validate

from .conftest import CORPUS, EXAMPLES, needs_corpus
from .strategies import report_like_text, reports

# Problems about numbers that skip or repeat: such a report still reads back as it is.
NUMBERING = {"section_numbering"}


def _content(report: Report) -> dict[str, Any]:
    """The report as data, without the facts the parser derives (organ, year, roles)."""
    data = fr.to_dict(report)
    del data["organ"], data["year"]

    def clear(sections: list[dict[str, Any]]) -> None:
        for section in sections:
            section["role"] = None
            clear(section["subsections"])

    clear(data["sections"])
    return data


def reads_back(report: Report, style: str = "official") -> bool:
    if style == "official":
        # the official template itself: fr.render refuses a report validate finds fault with
        from fazhi_report.renderers.templating import environment, render_template

        text = render_template(environment(), "text/official.j2", {"report": report})
    else:
        text = fr.render(report, "text", style=style)
    return _content(fr.parse(text)) == _content(report)


def _sections(*sections: Section) -> Report:
    return Report(sections=list(sections))


def _points(*points: Point, text: str = "") -> Report:
    return Report(sections=[Section(1, 1, "情况", body=[Paragraph(text, list(points))])])


CASES: list[tuple[str, Report, str, str]] = [
    (
        "heading with a full stop",
        _sections(Section(1, 1, "加强领导。完善制度")),
        "sections[0].heading",
        "heading_stop",
    ),
    (
        "heading with a colon",
        _sections(Section(1, 1, "工作情况：总体")),
        "sections[0].heading",
        "heading_stop",
    ),
    (
        "newline in a heading",
        _sections(Section(1, 1, "加强\n领导")),
        "sections[0].heading",
        "newline",
    ),
    (
        "newline in a paragraph",
        Report(preamble=[Paragraph("第一行\r\n第二行。")]),
        "preamble[0].text",
        "newline",
    ),
    ("newline in a title", Report(title="某局\n2024年报告"), "title", "newline"),
    (
        "newline in a point title",
        _points(Point(1, "加强\n领导", "正文。")),
        "sections[0].body[0].points[0].title",
        "newline",
    ),
    (
        "newline in a point text",
        _points(Point(1, "加强领导", "第一行\n第二行。")),
        "sections[0].body[0].points[0].text",
        "newline",
    ),
    (
        "comma in a point title",
        _points(Point(1, "加强领导，完善制度", "正文。")),
        "sections[0].body[0].points[0].title",
        "point_title_stop",
    ),
    (
        "half-width semicolon in a point title",
        _points(Point(1, "加强领导;完善", "正文。")),
        "sections[0].body[0].points[0].title",
        "point_title_stop",
    ),
    (
        "point number 100",
        _points(Point(100, "加强领导", "正文。")),
        "sections[0].body[0].points[0].number",
        "number_too_large",
    ),
    (
        "section number 100",
        _sections(*[Section(1, n, f"第{n}部分") for n in range(1, 101)]),
        "sections[99].number",
        "number_too_large",
    ),
    (
        "section numbers with a gap",
        _sections(Section(1, 1, "甲"), Section(1, 3, "乙")),
        "sections[1].number",
        "section_numbering",
    ),
    (
        "section numbers repeated",
        _sections(Section(1, 1, "甲"), Section(1, 1, "乙")),
        "sections[1].number",
        "section_numbering",
    ),
    (
        "point numbers with a gap",
        _points(Point(1, "甲", "正文。"), Point(3, "乙", "正文。")),
        "sections[0].body[0].points[1].number",
        "point_numbering",
    ),
    (
        "point numbers repeated",
        _points(Point(1, "甲", "正文。"), Point(2, "乙", "正文。"), Point(2, "丙", "正文。")),
        "sections[0].body[0].points[2].number",
        "point_numbering",
    ),
    (
        "run-in heading with no body",
        _sections(Section(1, 1, "加强领导", run_in=True)),
        "sections[0].run_in",
        "run_in_without_body",
    ),
    (
        "subsection as shallow as its parent",
        _sections(Section(2, 1, "甲", subsections=[Section(2, 1, "乙")])),
        "sections[0].subsections[0].level",
        "level_not_deeper",
    ),
    (
        "subsection shallower than its parent",
        _sections(Section(3, 1, "甲", subsections=[Section(1, 1, "乙")])),
        "sections[0].subsections[0].level",
        "level_not_deeper",
    ),
    (
        "paragraph starting with a marker",
        Report(sections=[Section(1, 1, "甲", body=[Paragraph("（二）另一件事。")])]),
        "sections[0].body[0].text",
        "reads_as_heading",
    ),
    (
        "point marker inside a lead text",
        _points(text="开展工作，一是加强领导。"),
        "sections[0].body[0]",
        "points_read_back",
    ),
    (
        "next point's marker inside a point's text",
        _points(Point(1, "甲", "正文，二是另一件事。")),
        "sections[0].body[0]",
        "points_read_back",
    ),
    (
        "empty paragraph",
        Report(preamble=[Paragraph("导语。"), Paragraph(" ")], sections=[Section(1, 1, "甲")]),
        "preamble[1].text",
        "empty_paragraph",
    ),
    (
        "first paragraph that looks like an addressee",
        Report(
            preamble=[Paragraph("县委、县政府："), Paragraph("导语。")],
            sections=[Section(1, 1, "甲")],
        ),
        "preamble[0].text",
        "reads_as_addressee",
    ),
    (
        "closing with no section",
        Report(preamble=[Paragraph("导语。")], closing=[Paragraph("新的一年，继续努力。")]),
        "closing",
        "closing_without_sections",
    ),
    (
        "closing that does not open as one",
        Report(
            sections=[Section(1, 1, "甲", body=[Paragraph("正文。")])],
            closing=[Paragraph("继续努力。")],
        ),
        "closing[0]",
        "closing_not_recognised",
    ),
    (
        "closing with points",
        Report(
            sections=[Section(1, 1, "甲", body=[Paragraph("正文。")])],
            closing=[Paragraph("新的一年，", [Point(1, "加强领导", "正文。")])],
        ),
        "closing[0]",
        "closing_not_recognised",
    ),
    (
        "body paragraph that opens as a closing",
        Report(
            sections=[
                Section(1, 1, "甲", body=[Paragraph("正文。"), Paragraph("总之，成效明显。")])
            ]
        ),
        "sections[0].body[1]",
        "reads_as_closing",
    ),
    (
        "newline in the signing organ",
        Report(sections=[Section(1, 1, "甲")], signature=Signature("某\n局")),
        "signature.organ",
        "newline",
    ),
]


@pytest.mark.parametrize(
    ("report", "path", "code"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_check_finds_its_problem(report: Report, path: str, code: str) -> None:
    problems = validate(report)
    assert (path, code) in [(p.path, p.code) for p in problems]
    if code not in NUMBERING:
        # the check is not pedantry: such a report really does not read back
        assert not reads_back(report)


@pytest.mark.parametrize(
    "report",
    [
        _sections(Section(1, 1, "加强领导，完善制度")),  # a comma does not end a heading
        _sections(Section(1, 1, "学习《条例：释义》")),  # a stop inside 《》 does not count
        _points(Point(1, "学习“两法：衔接”", "正文。")),
        _points(Point(1, "甲", "统一是关键。")),  # 统一是 is no marker
        _points(Point(1, "甲", "正文，三是别的。")),  # not the next number: not a marker
        _points(*[Point(n, f"第{n}点", "正文。") for n in range(1, 100)]),
        _sections(*[Section(1, n, f"第{n}部分") for n in range(1, 100)]),
        _sections(Section(1, 1, "甲", subsections=[Section(3, 1, "乙")])),  # levels may skip
        Report(
            sections=[
                Section(1, 1, "甲", body=[Paragraph("", [Point(1, "a"), Point(2, "b")])]),
                # points may go on from the section before, as the parser reads them
                Section(1, 2, "乙", body=[Paragraph("", [Point(3, "c"), Point(1, "d")])]),
            ]
        ),
        _sections(Section(1, 1, "甲", run_in=True, body=[Paragraph("正文。")])),
        Report(addressee="县委、县政府", preamble=[Paragraph("市委、市政府：")]),
        Report(preamble=[Paragraph("现将有关情况报告如下：")]),
        Report(
            sections=[
                Section(
                    1,
                    1,
                    "甲",
                    body=[Paragraph("总之，开头的一段。"), Paragraph("", [Point(1, "a")])],
                )
            ],
            closing=[Paragraph("新的一年，继续努力。"), Paragraph("不以结束语开头的第二段。")],
        ),
    ],
)
def test_good_reports_have_no_problems(report: Report) -> None:
    assert validate(report) == []
    assert reads_back(report)


@pytest.mark.parametrize(
    ("text", "heading"),
    [("1.旧标题\n", "1.新标题"), ("1.旧标题\n", "5万人次"), ("一、旧\n", "二、三季度")],
)
def test_a_heading_that_would_run_into_its_marker_gets_a_space(text: str, heading: str) -> None:
    report = fr.parse(text)
    report.sections[0].heading = heading
    assert validate(report) == []
    # the lossless text keeps the marker as written and puts a space after it
    marker = text[:2]
    assert fr.render(report, "text") == f"{marker} {heading}\n"
    assert reads_back(report, "lossless")
    assert reads_back(report)


def test_problems_are_values() -> None:
    problem = validate(_sections(Section(1, 2, "甲")))[0]
    assert problem == Problem("sections[0].number", "section_numbering", problem.message)
    assert str(problem).startswith("sections[0].number: section number 2")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        problem.code = "x"  # type: ignore[misc]


def test_problems_come_in_document_order() -> None:
    report = Report(
        preamble=[Paragraph("a\nb")],
        sections=[Section(1, 2, "x。y")],
        closing=[Paragraph("新的一年，c\rd")],
    )
    assert [p.path for p in validate(report)] == [
        "preamble[0].text",
        "sections[0].number",
        "sections[0].heading",
        "closing[0].text",
    ]


def test_ensure_valid_names_the_first_problem() -> None:
    ensure_valid(Report(sections=[Section(1, 1, "甲")]))  # no problem: no error
    gap = _sections(Section(1, 1, "甲"), Section(1, 3, "乙。"))
    with pytest.raises(fr.DataError, match=r"^sections\[1\]\.heading: .*'。'") as caught:
        ensure_valid(gap)
    assert "more" not in str(caught.value)  # the numbering gap reads back: allowed by default
    with pytest.raises(fr.DataError, match=r"^sections\[1\]\.number: .* \(and 1 more\)"):
        ensure_valid(gap, allow=())
    ensure_valid(_sections(Section(1, 2, "甲")))  # a gap alone reads back


@given(reports(deepest=4))
def test_generated_reports_validate_clean(report: Report) -> None:
    assert validate(report) == []


@given(report_like_text)
def test_parsed_texts_have_at_most_numbering_problems(text: str) -> None:
    # the parser takes numbers as written ("一、…三、" has a gap); everything else reads back
    assert {p.code for p in validate(fr.parse(text))} <= NUMBERING


_DAMAGE = st.sampled_from(["。", "：", "\n", "，", "一是", "二是", "（一）", "1."])


@given(reports(deepest=3), st.booleans(), st.data())
def test_a_clean_report_reads_back(report: Report, parsed: bool, data: st.DataObject) -> None:
    # damage one text of a generated report (or of its parse, with layout); validate must
    # tell whether it still reads back
    if parsed:
        report = fr.parse(fr.render(report, "text", style="official"))
    texts: list[tuple[Any, str]] = [(s, "heading") for s in report.walk()]
    for paragraph in report.paragraphs:
        texts.append((paragraph, "text"))
        texts.extend((p, name) for p in paragraph.points for name in ("title", "text"))
    if not texts:
        return
    node, name = data.draw(st.sampled_from(texts))
    old = getattr(node, name)
    at = data.draw(st.integers(0, len(old)))
    setattr(node, name, old[:at] + data.draw(_DAMAGE) + old[at:])
    if not validate(report):
        assert reads_back(report)
        assert reads_back(report, "lossless")


def test_examples_validate_clean() -> None:
    for path in sorted(EXAMPLES.glob("*.txt")):
        assert validate(fr.load(path)) == [], path.name


@needs_corpus
def test_corpus_reports_validate_clean() -> None:
    paths = sorted((CORPUS / "seeds").glob("*.txt"))
    assert paths
    for path in paths:
        assert validate(fr.load(path)) == [], path.name


# What the model finds alone (`check_shape`) and what only asking the parser finds.
_READ_BACK = {
    "reads_as_heading",
    "points_read_back",
    "reads_as_addressee",
    "closing_without_sections",
    "closing_not_recognised",
    "reads_as_closing",
}


@given(reports(deepest=3), st.data())
def test_the_shape_checks_are_validate_s_without_the_parser(
    report: Report, data: st.DataObject
) -> None:
    # damage a text as above: validate gives check_shape's problems, in their order, with
    # the read-back ones among them
    texts: list[tuple[Any, str]] = [(s, "heading") for s in report.walk()]
    texts += [(p, "text") for p in report.paragraphs]
    if texts:
        node, name = data.draw(st.sampled_from(texts))
        old = getattr(node, name)
        at = data.draw(st.integers(0, len(old)))
        setattr(node, name, old[:at] + data.draw(_DAMAGE) + old[at:])
    shape = check_shape(report)
    assert not {p.code for p in shape} & _READ_BACK
    assert [p for p in validate(report) if p.code not in _READ_BACK] == shape


def test_the_read_back_checks_keep_their_place_in_document_order() -> None:
    report = Report(
        preamble=[Paragraph("各有关单位："), Paragraph("x\ny")],
        sections=[
            Section(1, 1, "甲", body=[Paragraph("1.乙"), Paragraph("a\nb")]),
            Section(1, 3, "丙"),
        ],
        closing=[Paragraph("望周\n知。")],
    )
    assert [(p.path, p.code) for p in validate(report)] == [
        ("preamble[0].text", "reads_as_addressee"),
        ("preamble[1].text", "newline"),
        ("sections[0].body[0].text", "reads_as_heading"),
        ("sections[0].body[1].text", "newline"),
        ("sections[1].number", "section_numbering"),
        ("closing[0].text", "newline"),
        ("closing[0]", "closing_not_recognised"),
    ]
    assert [(p.path, p.code) for p in check_shape(report)] == [
        ("preamble[1].text", "newline"),
        ("sections[0].body[1].text", "newline"),
        ("sections[1].number", "section_numbering"),
        ("closing[0].text", "newline"),
    ]


def test_the_shape_checks_load_no_parser_and_no_renderer() -> None:
    code = (
        "import sys, fazhi_report.model.shape; "
        "print([m for m in sys.modules if m.startswith(('fazhi_report.parsers', "
        "'fazhi_report.renderers', 'fazhi_report.roundtrip'))])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
