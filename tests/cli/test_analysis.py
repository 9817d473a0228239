"""The analysis commands: check, figures, references, compare, schema."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import fazhi_report as fr
from fazhi_report.cli import main

# Our own report: measures and shortcomings, no responsibility part, no plans, two figures.
REPORT = (
    "澜川市司法局2024年法治政府建设情况报告\n"
    "一、主要举措和成效\n"
    "全年办理行政复议案件42件，同比上升8.9%。依据《澜川市行政复议工作规定》办理。\n"
    "二、存在的不足\n"
    "培训不够。\n"
    "澜川市司法局\n"
    "2025年1月20日\n"
)
FULL = REPORT.replace(
    "二、存在的不足\n",
    "二、主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法。\n三、存在的不足\n",
).replace("培训不够。\n", "培训不够，原因是投入不足。\n四、下一步工作计划\n加强培训。\n")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "reports"
    (root / "sub").mkdir(parents=True)
    (root / "gaps.txt").write_text(REPORT, encoding="utf-8")
    (root / "sub" / "full.txt").write_text(FULL, encoding="utf-8")
    (root / "README.md").write_text("# Notes on this folder\n", encoding="utf-8")
    return root


def test_check_prints_findings_and_fails_on_errors(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["check", str(folder), "--jobs", "1"])
    out = capsys.readouterr().out
    gaps = fr.check(fr.load(folder / "gaps.txt"))
    assert {"FZ103", "FZ104"} <= {f.code for f in gaps}
    for finding in gaps:
        assert f"{finding.code} {finding.severity.value} [{finding.name}]" in out
    assert "README" not in out  # a folder's own documentation is no report
    assert out.rstrip().splitlines()[-1].startswith("2 file(s):")
    assert status == 1


def test_check_of_a_complete_report_succeeds(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    full = folder / "sub" / "full.txt"
    assert not [f for f in fr.check(fr.load(full)) if f.severity.value == "error"]
    assert main(["check", str(full)]) == 0


def test_check_rules_and_csv(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "findings.csv"
    status = main(["check", str(folder), "--rules", "parts", "--format", "csv", "-o", str(out)])
    assert status == 1
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows and {row["code"][:3] for row in rows} == {"FZ1"}
    assert {Path(row["file"]).name for row in rows} <= {"gaps.txt", "full.txt"}


def test_an_unknown_rule_is_a_usage_error(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(folder), "--rules", "FZ999"]) == 2
    assert "--rules" in capsys.readouterr().err


def test_check_goes_on_past_a_bad_file(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "empty.txt").write_bytes(b"")
    status = main(["check", str(folder), "--jobs", "1"])
    captured = capsys.readouterr()
    assert "empty.txt" in captured.err and "gaps.txt" in captured.out
    assert status == 1


def test_figures_and_references_as_json(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["figures", str(folder / "gaps.txt"), "--format", "json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    report = fr.load(folder / "gaps.txt")
    assert [f["text"] for f in figures] == [f.text for f in fr.figures(report)]
    assert any(f["unit"] == "件" and f["value"] == "42" for f in figures)
    assert main(["references", str(folder / "gaps.txt"), "--format", "json"]) == 0
    references = json.loads(capsys.readouterr().out)
    assert [r["title"] for r in references] == ["澜川市行政复议工作规定"]


def test_compare_two_years(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(folder / "gaps.txt"), str(folder / "sub" / "full.txt")]) == 0
    text = capsys.readouterr().out
    assert "主要负责人履行推进法治建设第一责任人职责情况" in text
    before, after = fr.load(folder / "gaps.txt"), fr.load(folder / "sub" / "full.txt")
    assert main(["compare", str(folder / "gaps.txt"), str(folder / "sub" / "full.txt"),
                 "--format", "json"]) == 0  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    assert data == json.loads(fr.analysis.format_comparison(fr.compare(before, after), "json"))


def test_schema_is_the_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == fr.json_schema()
    assert main(["schema", "--layout"]) == 0
    assert json.loads(capsys.readouterr().out) == fr.json_schema(layout=True)


def test_summary_rows_count_findings_and_figures(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["summary", str(folder), "--format", "json", "--jobs", "1"])
    rows = {Path(row["file"]).name: row for row in json.loads(capsys.readouterr().out)}
    report = fr.load(folder / "gaps.txt")
    assert rows["gaps.txt"]["findings"] == len(fr.check(report))
    assert rows["gaps.txt"]["figures"] == len(fr.figures(report))
