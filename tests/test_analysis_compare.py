"""fr.compare: sections kept, renamed, added and dropped; figures changed; problems again."""

from __future__ import annotations

import json
from decimal import Decimal

from hypothesis import given, settings

import fazhi_report as fr
from fazhi_report.analysis.compare import format_comparison, similarity
from fazhi_report.analysis.compare.problems import problems_of

from .strategies import reports

LAST_YEAR = """某县司法局2023年法治政府建设情况报告

一、主要举措和成效
（一）加强执法培训
全年开展执法培训10场次，查处违法案件120起。
（二）创新普法形式
开展宣传活动8场。
二、存在的不足和原因
一是执法人员业务能力有待提升。二是普法宣传形式较为单一。究其原因，主要是统筹谋划不够。
三、党政主要负责人履行推进法治建设第一责任人职责情况
局长带头学法。
四、2024年工作安排
继续加强执法培训。
"""

THIS_YEAR = """某县司法局2024年法治政府建设情况报告

一、主要举措和成效
（一）持续加强执法培训
全年开展执法培训12场次，查处违法案件120起。
（二）推进行政复议
办结复议案件30件。
二、存在问题
一是执法人员业务能力仍有待提升。二是行政复议信息化水平不高。
三、2025年工作安排
继续加强执法培训。
"""


def test_sections_are_matched_by_role_and_heading() -> None:
    comparison = fr.compare(fr.parse(LAST_YEAR), fr.parse(THIS_YEAR))
    got = [(c.status, c.level, c.before, c.after) for c in comparison.sections]
    assert got == [
        ("kept", 1, "主要举措和成效", "主要举措和成效"),
        ("renamed", 2, "加强执法培训", "持续加强执法培训"),
        ("added", 2, None, "推进行政复议"),
        ("removed", 2, "创新普法形式", None),
        ("renamed", 1, "存在的不足和原因", "存在问题"),
        ("renamed", 1, "2024年工作安排", "2025年工作安排"),
        ("removed", 1, "党政主要负责人履行推进法治建设第一责任人职责情况", None),
    ]


def test_figures_changed_are_matched_by_unit_and_clause() -> None:
    comparison = fr.compare(fr.parse(LAST_YEAR), fr.parse(THIS_YEAR))
    pairs = {c.key: (c.before.value, c.after.value, c.changed) for c in comparison.figures}
    assert pairs == {
        "开展执法培训|场次": (Decimal(10), Decimal(12), True),
        "查处违法案件|起": (Decimal(120), Decimal(120), False),
    }


def test_last_years_problems_listed_again() -> None:
    comparison = fr.compare(fr.parse(LAST_YEAR), fr.parse(THIS_YEAR))
    again = [(p.before, p.after) for p in comparison.recurring_problems]
    assert again == [("执法人员业务能力有待提升", "执法人员业务能力仍有待提升")]
    assert again[0][0] != again[0][1]


def test_text_and_json_forms() -> None:
    comparison = fr.compare(fr.parse(LAST_YEAR), fr.parse(THIS_YEAR))
    text = format_comparison(comparison, "text")
    assert "10 → 12 场次（+2）" in text
    assert "去年 / before: 执法人员业务能力有待提升" in text
    assert str(comparison) == text.rstrip("\n")
    data = json.loads(format_comparison(comparison, "json"))
    assert data["before"] == {"title": "某县司法局2023年法治政府建设情况报告", "year": 2023}
    assert data["figures"][0]["difference"] == "2"


@settings(max_examples=40)  # reports are large: fewer suffice for a property this simple
@given(reports())
def test_a_report_compared_with_itself_keeps_everything(report: fr.Report) -> None:
    comparison = fr.compare(report, report)
    assert all(c.status == "kept" for c in comparison.sections)
    assert all(not f.changed for f in comparison.figures)


def test_similarity_bounds() -> None:
    assert similarity("执法能力", "执法能力") == 1.0
    assert similarity("", "执法") == 0.0
    assert 0 < similarity("执法能力有待提升", "执法能力仍有待提升") < 1


def test_a_problem_after_a_causes_subsection_is_where_its_path_says() -> None:
    # the causes subsection comes first: it is left out, but it still counts in the path
    text = """某县司法局2024年法治政府建设情况报告

一、主要举措和成效
开展执法培训。
二、存在的不足和原因
（一）原因分析
统筹谋划不够。
（二）执法人员业务能力有待提升
（三）普法宣传形式较为单一
三、2025年工作安排
继续加强执法培训。
"""
    report = fr.parse(text)
    found = [(problem, where.path, where.section) for problem, where in problems_of(report)]
    assert found == [
        ("执法人员业务能力有待提升", "sections[1].subsections[1]", "二、（二）"),
        ("普法宣传形式较为单一", "sections[1].subsections[2]", "二、（三）"),
    ]
    for _, path, _ in found:
        index = int(path.rsplit("[", 1)[1].rstrip("]"))
        assert report.sections[1].subsections[index].heading in {p for p, _, _ in found}
