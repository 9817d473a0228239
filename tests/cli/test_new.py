"""``fazhi-report new``: the draft of a year's report, written to a file or standard output."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

import fazhi_report as fr
from fazhi_report.cli import cli, main
from fazhi_report.errors import DataError, FileError

ORGAN = "青禾县司法局"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("draft.docx", "docx"), ("draft.txt", "text"), ("draft.md", "markdown"), ("d.html", "html")],
)
def test_writes_the_draft_in_the_format_its_suffix_names(
    tmp_path: Path, name: str, fmt: str
) -> None:
    out = tmp_path / name
    result = CliRunner().invoke(cli, ["new", "--organ", ORGAN, "--year", "2025", str(out)])
    assert result.exit_code == 0, result.output
    assert fr.load(out) == fr.new_report(ORGAN, 2025)
    assert fr.load(out, fmt) == fr.new_report(ORGAN, 2025)


def test_format_option_wins_over_the_suffix(tmp_path: Path) -> None:
    out = tmp_path / "draft.out"
    args = ["new", "--organ", ORGAN, "--year", "2025", "--format", "markdown", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8").startswith("# 青禾县司法局关于2025年度法治政府建设情况的报告")


def test_standard_output_gets_official_text() -> None:
    result = CliRunner().invoke(cli, ["new", "--organ", ORGAN, "--year", "2025", "-"])
    assert result.exit_code == 0
    assert result.output == fr.render(fr.new_report(ORGAN, 2025), "text", style="official")


def test_date_option_dates_the_signature(tmp_path: Path) -> None:
    out = tmp_path / "draft.json"
    args = ["new", "--organ", ORGAN, "--year", "2025", "--date", "2026-01-20", str(out)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    report = fr.load(out)
    assert report.signature == fr.Signature(ORGAN, dt.date(2026, 1, 20))
    assert fr.check(report) == []


def test_an_existing_file_is_not_overwritten_without_force(tmp_path: Path) -> None:
    out = tmp_path / "draft.txt"
    out.write_text("已经写好的报告", "utf-8")
    result = CliRunner().invoke(cli, ["new", "--organ", ORGAN, "--year", "2025", str(out)])
    assert result.exit_code == 1
    assert isinstance(result.exception, FileError)
    assert out.read_text("utf-8") == "已经写好的报告"
    forced = ["new", "--organ", ORGAN, "--year", "2025", "--force", str(out)]
    assert CliRunner().invoke(cli, forced).exit_code == 0
    assert fr.load(out) == fr.new_report(ORGAN, 2025)


def test_main_says_why_it_refuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "draft.docx"
    out.write_bytes(b"x")
    assert main(["new", "--organ", ORGAN, "--year", "2025", str(out)]) == 1
    err = capsys.readouterr().err
    assert "exists" in err and "--force" in err and str(out) in err
    assert main(["new", "--organ", "青禾县", "--year", "2025", str(tmp_path / "a.txt")]) == 1
    assert "does not read back" in capsys.readouterr().err
    assert not (tmp_path / "a.txt").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["--year", "2025", "x.txt"],  # no organ
        ["--organ", ORGAN, "x.txt"],  # no year
        ["--organ", ORGAN, "--year", "二〇二五", "x.txt"],
        ["--organ", ORGAN, "--year", "2025", "--date", "2026-13-01", "x.txt"],
        ["--organ", ORGAN, "--year", "2025", "--format", "pdf", "x.txt"],
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    out = tmp_path / "x.txt"
    result = CliRunner().invoke(cli, ["new", *[str(out) if a == "x.txt" else a for a in args]])
    assert result.exit_code == 2
    assert not out.exists()


def test_a_year_out_of_range_is_an_error(tmp_path: Path) -> None:
    out = tmp_path / "draft.txt"
    result = CliRunner().invoke(cli, ["new", "--organ", ORGAN, "--year", "1800", str(out)])
    assert result.exit_code == 1
    assert isinstance(result.exception, DataError)
    assert not out.exists()


def test_the_command_is_in_the_programs_list() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert "new" in result.output.split("Commands:")[1]
