"""fr.figures(report): hand-annotated seed figures, sentences built by hypothesis, and non-figures."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import fazhi_report as fr
from fazhi_report.analysis.figures import Figure, figures_in
from fazhi_report.cli.results import format_figures
from fazhi_report.numbering import int_to_chinese

from .conftest import CORPUS, corpus_cases, needs_corpus

# Every figure of seed 002, read by hand from the text: (source line, value, unit, qualifier).
# The dates on those lines (11月8日, 3至11月, 3月和4月, 2024年) and the section numbers are
# not figures.
SEED_002 = "seeds/002_05f8dbab66410355.txt"
SEED_002_FIGURES = [
    (3, 821, "人", None), (3, 524, "人", None), (3, 646, "人", None), (3, 57, "人", None),
    (3, 1143, "人", None), (3, 2414, "起", None), (3, 2530, "人", None), (3, 1756, "人", None),
    (3, 81, "人", None),
    (5, 12, "次", None), (5, 12, "次", None), (5, 40, "部", "余"), (5, 5, "次", None),
    (5, 2, "轮次", None), (5, 4, "次", None), (5, 6, "个", None), (5, 3, "次", None),
    (6, 8, "次", None), (6, 56, "个", None), (6, 40, "人次", None), (6, 26, "个", None),
    (6, 6, "期", None), (6, 264, "个", None),
    (7, 3, "名", None), (7, 2, "次", None), (7, 700, "项", "余"), (7, 2, "次", None),
    (7, 8, "起", None), (7, 50, "起", None), (7, 50, "人", "余"),
    (8, 8, "期", None), (8, 3, "期", None), (8, 22, "名", None), (8, 2, "次", None),
]  # fmt: skip
SEED_002_COUNT = 34


def test_the_annotation_is_whole() -> None:
    assert len(SEED_002_FIGURES) == SEED_002_COUNT


@needs_corpus
def test_every_figure_of_the_annotated_seed_and_nothing_else() -> None:
    text = (CORPUS / SEED_002).read_text("utf-8")
    lines = text.splitlines()
    figures = fr.figures(fr.parse(text))
    got = [(f.location.line, int(f.value), f.unit, f.qualifier) for f in figures]
    assert got == SEED_002_FIGURES
    for figure in figures:
        assert figure.location.line is not None
        assert figure.text in lines[figure.location.line - 1]


@needs_corpus
@pytest.mark.parametrize(
    ("seed", "written", "value", "unit", "qualifier", "change"),
    [
        ("001", "4300余人", "4300", "人", "余", None),
        ("001", "99.44%", "99.44", "%", None, None),
        ("001", "4.6万余件", "46000", "件", "余", None),
        ("001", "5000人以上", "5000", "人", "以上", None),
        ("003", "1.1万起", "11000", "起", None, None),
        ("003", "同比下降8.9%", "8.9", "%", None, ("down", "同比")),
        ("003", "下降26.47%", "26.47", "%", None, ("down", None)),
        ("004", "十二年", "12", "年", None, None),
        ("004", "两个月", "2", "个月", None, None),
    ],
)
def test_named_figures_of_the_seeds(
    seed: str,
    written: str,
    value: str,
    unit: str,
    qualifier: str | None,
    change: tuple[str, str | None] | None,
) -> None:
    (case,) = [c for c in corpus_cases() if c["id"].startswith(seed)]
    figures = fr.figures(fr.parse((CORPUS / case["file"]).read_text("utf-8")))
    matching = [f for f in figures if f.text == written]
    assert matching, written
    figure = matching[0]
    assert figure.value == Decimal(value) and str(figure.value) == value
    assert (figure.unit, figure.qualifier) == (unit, qualifier)
    got_change = (figure.change.direction, figure.change.basis) if figure.change else None
    assert got_change == change


@needs_corpus
@pytest.mark.parametrize("case", corpus_cases(), ids=lambda c: str(c["id"]))
def test_no_figure_is_a_date_or_a_section_number(case: dict[str, Any]) -> None:
    report = fr.parse((CORPUS / case["file"]).read_text("utf-8"))
    for figure in fr.figures(report):
        assert not figure.location.path.endswith("title")
        # the sentence goes on after the figure with no 月/日/号: not a date
        after = figure.sentence[figure.sentence.index(figure.text) + len(figure.text) :][:1]
        assert after not in {"月", "日", "号"}
        # a year is a date unless a word counts it (连续十二年)
        assert figure.unit != "年" or figure.value < 100
        assert figure.value != report.year


# -- built sentences ---------------------------------------------------------------------------

_CONTEXTS = ["开展培训", "查处违法行为", "发放宣传资料", "办结案件", "接待群众", "检查单位"]
_UNITS = ["人", "起", "次", "件", "家", "份", "期", "场", "条", "个", "项", "人次", "万元", "个月"]
_DISTRACTORS = [
    "2024年3月5日召开会议",
    "于3至11月开展检查",
    "落实“十项行动”",
    "推行三级审核",
    "建成4.0版平台",
    "开通B1线路",
    "在第3次会议上",
    "“12.4”宪法宣传日",
    "14:09发布",
    "一窗通办",
    "被评为5类",
]


@st.composite
def _figure_clause(draw: st.DrawFn) -> tuple[str, Decimal, str, str | None, str | None]:
    context = draw(st.sampled_from(_CONTEXTS))
    percent = draw(st.booleans())
    if draw(st.booleans()) and not percent:
        # a Chinese numeral is a count after a counting word
        number = draw(st.integers(1, 99))
        unit = draw(st.sampled_from(_UNITS))
        return f"{context}累计{int_to_chinese(number)}{unit}", Decimal(number), unit, None, None
    whole = draw(st.integers(0, 99999))
    places = draw(st.integers(0, 2))
    fraction = draw(st.integers(0, 10**places - 1)) if places else 0
    written = f"{whole}.{fraction:0{places}d}" if places else str(whole)
    number = Decimal(written)
    if percent:
        prefix = draw(st.sampled_from(["", "同比下降", "较上年增长"]))
        direction = {"": None, "同比下降": "down", "较上年增长": "up"}[prefix]
        return f"{context}{prefix}{written}%", number, "%", None, direction
    unit = draw(st.sampled_from(_UNITS))
    multiplier = draw(st.sampled_from(["", "万"])) if unit not in ("万元", "个月") else ""
    qualifier = draw(st.sampled_from([None, "余", "多", "约", "近", "以上"]))
    value = number * 10000 if multiplier else number
    text = f"{context}"
    if qualifier in ("约", "近"):
        text += qualifier
    text += written + multiplier
    if qualifier in ("余", "多"):
        text += qualifier
    text += unit
    if qualifier == "以上":
        text += qualifier
    return text, value, unit, qualifier, None


@given(st.lists(st.one_of(_figure_clause(), st.sampled_from(_DISTRACTORS)), min_size=1, max_size=8))
def test_built_sentences_give_back_their_figures(clauses: list[Any]) -> None:
    sentence = "，".join(c if isinstance(c, str) else c[0] for c in clauses) + "。"
    want = [(c[1], c[2], c[3], c[4]) for c in clauses if not isinstance(c, str)]
    found = list(figures_in(sentence))
    got = [(f.value, f.unit, f.qualifier, f.change and f.change.direction) for f in found]
    assert got == want
    for figure in found:
        assert sentence[figure.start : figure.end] == figure.text
        assert figure.sentence == sentence


def test_percentages_keep_their_digits() -> None:
    (figure,) = figures_in("调处化解率达到99.40%。")
    assert str(figure.value) == "99.40"
    assert figure.to_dict()["value"] == "99.40"


def test_chinese_numerals_without_a_counting_word_are_names() -> None:
    assert list(figures_in("实行三级审核，落实五个亲自，推进一窗通办。")) == []
    (figure,) = figures_in("连续十二年被评为先进单位。")
    assert (figure.value, figure.unit) == (12, "年")


def test_figures_are_frozen_and_format_as_text_json_csv() -> None:
    report = fr.parse("一、主要举措和成效\n全年查处案件1.1万起，同比下降8.9%。\n")
    figures = fr.figures(report)
    assert all(isinstance(f, Figure) for f in figures)
    data = json.loads(format_figures([("a.txt", figures)], "json"))
    assert [d["value"] for d in data] == ["11000", "8.9"]
    assert data[1]["change"] == {"direction": "down", "basis": "同比", "text": "同比下降"}
    assert data[0]["location"] == {"path": "sections[0].body[0].text", "section": "一、", "line": 2}
    csv_lines = format_figures([("a.txt", figures)], "csv").splitlines()
    assert len(csv_lines) == 3 and "change.direction" in csv_lines[0]
    assert "11000 起" in format_figures([("a.txt", figures)], "text")
    with pytest.raises(AttributeError):
        figures[0].value = Decimal(1)  # type: ignore[misc]


def _resolve(report: fr.Report, path: str) -> str:
    """The string a node path names (``sections[0].body[1].text``)."""
    node: Any = report
    for part in path.split("."):
        name, _, indexes = part.partition("[")
        node = getattr(node, name)
        for index in filter(None, indexes.replace("]", "").split("[")):
            node = node[int(index)]
    assert isinstance(node, str)
    return node


def test_a_table_cell_states_a_figure_with_its_unit() -> None:
    report = fr.parse(
        "一、主要举措和成效\n全年办结案件12件。\n类别\t件数\n行政复议\t12件\n行政诉讼\t3\n"
    )
    assert isinstance(report.sections[0].body[1], fr.Table)
    figures = fr.figures(report)
    assert [(f.value, f.location.line) for f in figures] == [(12, 2), (12, 4)]
    cell = figures[1]
    assert cell.location.path == "sections[0].body[1].rows[1][1]"
    assert _resolve(report, cell.location.path) == cell.text


_sentences = st.lists(
    st.one_of(_figure_clause(), st.sampled_from(_DISTRACTORS)), min_size=1, max_size=5
).map(lambda cs: "全年" + "，".join(c if isinstance(c, str) else c[0] for c in cs) + "。")


@given(st.lists(st.lists(_sentences, min_size=1, max_size=3), min_size=1, max_size=3))
def test_figures_of_a_built_report_read_back_from_its_official_text(
    bodies: list[list[str]],
) -> None:
    report = fr.Report(
        title="某县司法局2024年法治政府建设情况报告",
        sections=[
            fr.Section(1, n, f"第{n}部分工作", body=[fr.Paragraph(t) for t in body])
            for n, body in enumerate(bodies, start=1)
        ],
    )
    figures = fr.figures(report)
    for figure in figures:
        text = _resolve(report, figure.location.path)
        assert text[figure.start : figure.end] == figure.text
        assert figure.location.line is None
    again = fr.figures(fr.parse(fr.render(report, "text", style="official")))
    assert [(f.value, f.unit, f.text, f.location.path) for f in again] == [
        (f.value, f.unit, f.text, f.location.path) for f in figures
    ]


def test_the_lazy_figure_maker_sets_every_field_of_figure() -> None:
    # the lazy maker sets slots by name: a field added to Figure must be added to it too
    import attrs

    from fazhi_report.analysis import figures
    from fazhi_report.analysis.figures import lazy

    eager = ("unit", "multiplier", "qualifier", "change", "text", "location", "start", "end")
    assert eager == lazy.EAGER_FIELDS
    names = {field.name for field in attrs.fields(figures.Figure)}
    assert names == set(eager) | lazy.LAZY_FIELDS
    made = figures.find_figures(fr.parse("开展培训12场次。"))[0]
    assert {name for name in names if name not in lazy.LAZY_FIELDS} <= set(dir(made))
    assert made.to_dict()["value"] == "12"
