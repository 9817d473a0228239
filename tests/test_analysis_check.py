"""fr.check: every documented rule fires on its example; the corpus draws no false missing part."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import given

import fazhi_report as fr
from fazhi_report.analysis import RULES, Finding, Severity, UnknownRuleError
from fazhi_report.analysis.check import select_rules

from .conftest import CORPUS, ROOT, corpus_cases, needs_corpus
from .strategies import reports

CHECKS_DOC = ROOT / "docs" / "checks.md"
_EXAMPLE = re.compile(r"^### (FZ[0-9]{3})\n(.*?)```text\n(.*?)```", re.M | re.S)


def _doc_examples() -> dict[str, str]:
    return {code: text for code, _, text in _EXAMPLE.findall(CHECKS_DOC.read_text("utf-8"))}


def _compliant() -> str:
    # the first text block of the page: the report every example changes one thing in
    text = CHECKS_DOC.read_text("utf-8")
    return text.split("```text\n", 1)[1].split("```", 1)[0]


def test_every_rule_is_documented_with_an_example() -> None:
    examples = _doc_examples()
    assert sorted(examples) == sorted(rule.code for rule in RULES)
    page = CHECKS_DOC.read_text("utf-8")
    for rule in RULES:
        assert f"`{rule.name}`, **{rule.severity.value}**" in page, rule.code


@pytest.mark.parametrize("code", [rule.code for rule in RULES])
def test_each_documented_example_draws_its_code(code: str) -> None:
    report = fr.parse(_doc_examples()[code])
    found = fr.check(report)
    assert code in {f.code for f in found}
    # the same code when that rule alone is asked for
    assert {f.code for f in fr.check(report, rules=[code])} == {code}


def test_the_compliant_report_draws_nothing() -> None:
    assert fr.check(fr.parse(_compliant())) == []


def test_a_report_built_in_code_is_checked_too() -> None:
    report = fr.Report(
        title="某局2024年法治政府建设情况报告",
        year=2024,
        sections=[
            fr.Section(1, 1, "主要举措和成效", body=[fr.Paragraph("开展培训。")]),
            fr.Section(1, 3, "下一步工作安排", body=[fr.Paragraph("继续培训。")]),
        ],
    )
    codes = [f.code for f in fr.check(report)]
    assert codes == ["FZ102", "FZ103", "FZ105", "FZ201", "FZ401"]
    missing = next(f for f in fr.check(report) if f.code == "FZ103")
    assert missing.severity is Severity.ERROR
    assert missing.location.line is None


def test_responsibility_nested_in_part_one_counts() -> None:
    text = (
        _compliant()
        .replace(
            "三、党政主要负责人履行推进法治建设第一责任人职责情况\n局长带头学法，主持专题学习4次。\n",
            "",
        )
        .replace("四、", "三、")
        .replace("五、", "四、")
    )
    flat = fr.parse(text)
    assert "FZ103" in {f.code for f in fr.check(flat)}
    nested = fr.parse(
        text.replace(
            "一、主要举措和成效\n",
            "一、主要举措和成效\n（一）切实履行第一责任人职责\n局长带头学法。\n（二）加强执法培训\n",
        )
    )
    codes = {f.code for f in fr.check(nested)}
    assert "FZ103" not in codes and "FZ106" not in codes


def test_a_causes_subsection_or_cause_wording_satisfies_fz109() -> None:
    base = _compliant().replace("究其原因，主要是统筹谋划不够。", "")
    assert "FZ109" in {f.code for f in fr.check(fr.parse(base))}
    with_sub = base.replace(
        "二、存在的不足和原因\n", "二、存在的不足和原因\n（一）存在的不足\n"
    ).replace("单一。\n", "单一。\n（二）原因分析\n统筹谋划不够。\n")
    assert "FZ109" not in {f.code for f in fr.check(fr.parse(with_sub))}


def test_early_signature_before_the_year_began_is_an_error() -> None:
    report = fr.parse(_compliant().replace("2025年1月20日", "2023年12月1日"))
    (found,) = [f for f in fr.check(report) if f.code == "FZ402"]
    assert found.severity is Severity.ERROR
    december = fr.parse(_compliant().replace("2025年1月20日", "2024年12月25日"))
    (found,) = [f for f in fr.check(december) if f.code == "FZ402"]
    assert found.severity is Severity.WARNING


def test_rules_select_by_code_name_group_and_prefix() -> None:
    assert select_rules(["FZ103"]) == {"FZ103"}
    assert select_rules(["missing-plans"]) == {"FZ104"}
    assert select_rules(["dates"]) == {"FZ401", "FZ402", "FZ403", "FZ404"}
    assert select_rules(["FZ2"]) == {r.code for r in RULES if r.group == "numbering"}
    assert select_rules("fz301") == {"FZ301"}
    with pytest.raises(UnknownRuleError, match="FZ999"):
        fr.check(fr.Report(), rules=["FZ999"])


def test_findings_are_frozen_json_ready_values() -> None:
    (finding,) = fr.check(fr.parse(_doc_examples()["FZ304"]), rules=["FZ304"])
    assert isinstance(finding, Finding)
    data = finding.to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["location"]["line"] == 3 and data["location"]["section"] == "一、"
    with pytest.raises(AttributeError):
        finding.code = "FZ000"  # type: ignore[misc]
    assert "FZ304" in str(finding) and "。" in finding.message and "ends with" in finding.message_en


# -- the real reports ------------------------------------------------------------------------

_MISSING_CODE = {
    "measures": "FZ101",
    "shortcomings": "FZ102",
    "responsibility": "FZ103",
    "plans": "FZ104",
}
# Parts a seed has without a level-1 section of its own, read by hand from the texts: the
# responsibility part of 000 is subsection 一、（二）; 004 closes with a paragraph that names
# its shortcomings and says what comes next.
_NOT_AS_SECTIONS = {
    "000_95b3f8b203ea088a": {"responsibility"},
    "004_f43511afdcd2dd5b": {"shortcomings", "plans"},
}


@needs_corpus
@pytest.mark.parametrize("case", corpus_cases(), ids=lambda c: str(c["id"]))
def test_corpus_missing_parts_are_exactly_the_real_gaps(case: dict[str, Any]) -> None:
    report = fr.parse((CORPUS / case["file"]).read_text("utf-8"))
    findings = fr.check(report, rules=["parts"])
    errors = {f.code for f in findings if f.severity is Severity.ERROR}
    has = set(case["roles"].values()) | _NOT_AS_SECTIONS.get(case["id"], set())
    gaps = {code for role, code in _MISSING_CODE.items() if role not in has}
    assert errors == gaps
    # a part present only as a paragraph is named as such
    for role in _NOT_AS_SECTIONS.get(case["id"], set()) - {"responsibility"}:
        assert any(f.code == "FZ106" for f in findings), role


@needs_corpus
def test_corpus_has_a_real_gap_to_find() -> None:
    # the check above would pass on a checker that never reports: make sure a seed lacks a part
    cases = corpus_cases()
    lacking = [
        c
        for c in cases
        if "responsibility" not in c["roles"].values() and c["id"] not in _NOT_AS_SECTIONS
    ]
    assert lacking
    for case in lacking:
        report = fr.parse((CORPUS / case["file"]).read_text("utf-8"))
        assert "FZ103" in {f.code for f in fr.check(report)}


def test_check_never_fails_on_text_without_sections() -> None:
    for text in ("", "只有一段话。", "一、\n", "（三）小节\n正文。\n", "3.条目\n"):
        report = fr.parse(text) if text else fr.Report()
        assert all(isinstance(f, Finding) for f in fr.check(report))


@given(reports())
def test_check_runs_on_any_built_report(report: fr.Report) -> None:
    findings = fr.check(report)
    assert all(isinstance(f, Finding) for f in findings)
    # a built report has no layout: nothing it says about how the text was written
    assert not {f.code for f in findings} & {"FZ204", "FZ205", "FZ305"}
    rendered = fr.render(report, "text", style="official")
    # what the report says (its parts and numbering) reads the same from its official text
    parts = {f.code for f in findings if f.code.startswith(("FZ10", "FZ2"))}
    again = {f.code for f in fr.check(fr.parse(rendered)) if f.code.startswith(("FZ10", "FZ2"))}
    assert again == parts


def test_a_measure_named_with_a_parts_word_is_no_nested_part() -> None:
    text = _compliant().replace(
        "一、主要举措和成效\n",
        "一、主要举措和成效\n（一）补齐执法短板\n开展培训。\n（二）制定普法计划\n印发计划。\n",
    )
    without_plans = re.sub(r"四、2025年工作安排\n继续加强执法培训。\n", "", text)
    codes = {f.code for f in fr.check(fr.parse(without_plans))}
    assert "FZ104" in codes
    nested = without_plans.replace("（二）制定普法计划", "（二）下一步工作安排")
    codes = {f.code for f in fr.check(fr.parse(nested))}
    assert "FZ104" not in codes and "FZ106" in codes
