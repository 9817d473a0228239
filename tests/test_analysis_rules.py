"""Rules register themselves: a rule added at run time is run, selected and scoped."""

from __future__ import annotations

import re

import pytest

import fazhi_report as fr
from fazhi_report import _cues
from fazhi_report.analysis.records import Location
from fazhi_report.analysis.rules import (
    GROUPS,
    RULES,
    WARNING,
    Context,
    UnknownRuleError,
    registered_rules,
    registry_scope,
    rule,
    select_rules,
    unregister_rule,
)

from .conftest import ROOT

CHECKS_DOC = ROOT / "docs" / "checks.md"
_REPORT = "某局2024年法治政府建设情况报告\n一、主要举措和成效\n开展培训。\n"


def _register_xy() -> None:
    @rule(
        "XY001",
        "every-section",
        group="format",
        severity=WARNING,
        summary="每个标题",
        summary_en="every heading",
    )
    def every_section(context: Context) -> None:
        for path, section, _ in context.sections:
            context.add(section.heading, section.heading, Location(path))


def test_a_rule_registered_at_run_time_is_run_and_selected() -> None:
    report = fr.parse(_REPORT)
    with registry_scope():
        _register_xy()
        (found,) = fr.check(report, rules=["XY001"])
        assert (found.code, found.name, found.severity) == ("XY001", "every-section", WARNING)
        assert found.location.path == "sections[0]"
        for selection in (["every-section"], ["format"], ["xy"], None):
            assert "XY001" in {f.code for f in fr.check(report, rules=selection)}
        assert select_rules(["XY"]) == {"XY001"}
    # gone after the scope
    assert "XY001" not in {r.code for r in registered_rules()}
    with pytest.raises(UnknownRuleError):
        fr.check(report, rules=["XY001"])


def test_a_taken_code_or_name_or_an_unknown_group_is_refused() -> None:
    with registry_scope():
        _register_xy()
        with pytest.raises(ValueError, match="taken"):
            _register_xy()
        with pytest.raises(ValueError, match="taken"):
            rule(
                "XY002", "missing-plans", group="parts", severity=WARNING, summary="", summary_en=""
            )(lambda context: None)
        with pytest.raises(ValueError, match="group"):
            rule("XY003", "x", group="style", severity=WARNING, summary="", summary_en="")(  # type: ignore[arg-type]
                lambda context: None
            )
        unregister_rule("XY001")
        assert registered_rules() == RULES


def test_every_built_in_rule_is_one_function_in_its_family_module() -> None:
    assert [r.code for r in RULES] == sorted(r.code for r in RULES)
    for built_in in RULES:
        assert built_in.group in GROUPS
        assert built_in.function.__module__ == f"fazhi_report.analysis.rules.{built_in.group}"


def test_the_adding_a_rule_walk_through_runs() -> None:
    page = CHECKS_DOC.read_text("utf-8")
    section = page.split("## Adding a rule", 1)[1].split("\n## ", 1)[0]
    (code,) = re.findall(r"```python\n(.*?)```", section, re.S)
    before = registered_rules()
    exec(compile(code, str(CHECKS_DOC), "exec"), {})
    assert registered_rules() == before


def test_clutter_is_found_with_the_parsers_vocabulary() -> None:
    text = "我局开展培训12场次。点击率：300次。"
    assert _cues.is_page_clutter(_cues.fold("点击率：300次"))
    report = fr.parse("某局2024年法治政府建设情况报告\n一、主要举措和成效\n" + text + "\n")
    (found,) = fr.check(report, rules=["FZ305"])
    assert "点击率：300次" in found.message


def test_every_field_key_and_word_of_the_vocabulary_is_a_clutter_start() -> None:
    for key in (*_cues.PAGE_FIELD_KEYS, *_cues.METADATA_KEYS):
        text = f"开展培训。{key}：某局"
        assert text.index(key) in _cues.clutter_starts(text), key
    for word, _ in _cues.PAGE_WORDS:
        text = f"开展培训{word}"
        assert 4 in _cues.clutter_starts(text), word


def test_analysis_values_go_through_the_one_converter() -> None:
    from decimal import Decimal

    from fazhi_report.analysis.rules import Finding, Severity
    from fazhi_report.convert import unstructure

    data = unstructure(Finding("FZ101", "missing-measures", Severity.ERROR, "m", "e"))
    assert type(data["severity"]) is str and data["location"]["line"] is None
    assert unstructure((Decimal("1.10"), Severity.INFO)) == ["1.10", "info"]
    figure = fr.figures(fr.parse(_REPORT.replace("开展培训。", "开展培训12场次。")))[0]
    assert figure.to_dict() == unstructure(figure) and figure.to_dict()["value"] == "12"
    for module in (ROOT / "src" / "fazhi_report" / "convert").glob("*.py"):
        assert "fazhi_report.analysis" not in module.read_text("utf-8"), module.name


def test_a_run_past_the_kept_sections_finds_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    from fazhi_report.analysis.rules import registry

    report = fr.parse("一、甲\n1.乙\n(1)丙\n一是丁。三是戊。\n1.a\n1.a\n3.b\n（一）c。\n")
    kept = fr.check(report)
    monkeypatch.setattr(registry, "KEEP_SECTIONS", 1)
    assert fr.check(report) == kept and len(kept) > 3
