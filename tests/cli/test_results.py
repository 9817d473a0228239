"""The analysis commands of the CLI: text, exit status, JSON and CSV over several files."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from fazhi_report.cli import main

GOOD = """某县司法局2024年法治政府建设情况报告

一、主要举措和成效
全年开展执法培训12场次，依据《中华人民共和国行政处罚法》办结案件30件。
二、存在的不足和原因
一是执法培训覆盖不全。究其原因，主要是统筹谋划不够。
三、党政主要负责人履行推进法治建设第一责任人职责情况
局长带头学法。
四、2025年工作安排
继续加强执法培训。
五、其他需要报告的情况
无。

某县司法局
2025年1月20日
"""

MISSING = """某县司法局2023年法治政府建设情况报告

一、主要举措和成效
全年开展执法培训10场次,办结案件28件。
二、2024年工作安排
继续加强执法培训。
"""


Run = Callable[..., tuple[str, int]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[str, int]]:
    """Run ``fazhi-report ARGS`` in this process: what it printed and its exit status."""

    def command(*args: object) -> tuple[str, int]:
        status = main([str(a) for a in args])
        return capsys.readouterr().out, status

    return command


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    good, missing = tmp_path / "good.txt", tmp_path / "missing.txt"
    good.write_text(GOOD, "utf-8")
    missing.write_text(MISSING, "utf-8")
    return good, missing


def test_check_of_a_compliant_file_exits_0(files: tuple[Path, Path], run: Run) -> None:
    text, status = run("check", files[0])
    assert status == 0
    assert text == "1 file(s): 0 error, 0 warning, 0 info\n"


def test_check_exits_1_on_an_error_and_names_file_and_line(
    files: tuple[Path, Path], run: Run
) -> None:
    text, status = run("check", *files)
    assert status == 1
    lines = text.splitlines()
    assert f"{files[1]}: FZ102 error [missing-shortcomings]" in lines[0]
    assert any(line.startswith(f"{files[1]}:4: FZ301 warning") for line in lines)
    assert lines[-1].startswith("2 file(s): 2 error,")


def test_check_rules_narrow_the_run(files: tuple[Path, Path], run: Run) -> None:
    text, status = run("check", files[1], "--rules", "format")
    assert status == 0
    assert "FZ301" in text and "FZ102" not in text
    assert run("check", files[1], "--rules", "FZ301")[0] == text
    assert run("check", files[1], "--rules", "nonsense")[1] == 2  # a usage error


def test_check_json_and_csv(files: tuple[Path, Path], run: Run) -> None:
    out, _ = run("check", *files, "--format", "json")
    data = json.loads(out)
    assert {row["file"] for row in data} == {str(files[1])}
    assert data[0]["code"] == "FZ102" and data[0]["severity"] == "error"
    out, _ = run("check", *files, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["code"] for r in rows] == [d["code"] for d in data]
    assert rows[0]["file"] == str(files[1])
    assert list(rows[0])[:4] == ["file", "code", "name", "severity"]


def test_figures_over_two_files(files: tuple[Path, Path], run: Run) -> None:
    out, status = run("figures", *files, "--format", "csv")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["file"], r["value"], r["unit"]) for r in rows] == [
        (str(files[0]), "12", "场次"),
        (str(files[0]), "30", "件"),
        (str(files[1]), "10", "场次"),
        (str(files[1]), "28", "件"),
    ]
    text, _ = run("figures", files[0])
    assert text.splitlines()[0].startswith(f"{files[0]}:4: 一、 ")
    data = json.loads(run("figures", files[0], "--format", "json")[0])
    assert data[0]["location"]["line"] == 4


def test_references(files: tuple[Path, Path], run: Run) -> None:
    out, _ = run("references", files[0], "--format", "json")
    (ref,) = json.loads(out)
    assert (ref["title"], ref["kind"], ref["count"]) == ("中华人民共和国行政处罚法", "law", 1)


def test_compare_text_and_json(files: tuple[Path, Path], run: Run) -> None:
    text, status = run("compare", files[1], files[0])
    assert status == 0
    assert "10 → 12 场次" in text
    data = json.loads(run("compare", files[1], files[0], "--format", "json")[0])
    assert data["after"]["year"] == 2024
    assert run("compare", files[1], files[0], "--format", "csv")[1] == 2


def test_bad_format_and_missing_file(
    files: tuple[Path, Path], tmp_path: Path, run: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("check", files[0], "--format", "xml")[1] == 2
    assert main(["figures", str(tmp_path / "absent.txt")]) == 1
    assert "absent.txt: no such file or folder" in capsys.readouterr().err


def test_every_command_writes_csv_the_same_way(tmp_path: Path) -> None:
    # summary and check wrote CSV with different line ends (CRLF and LF): now one writer
    report = tmp_path / "a.txt"
    report.write_text(
        "某县司法局2024年法治政府建设情况报告\n\n一、主要举措和成效\n正文。\n", "utf-8"
    )
    for command in ("summary", "check", "figures", "references"):
        out = tmp_path / f"{command}.csv"
        args = [command, str(report), "-q", "-o", str(out)]
        main(args if command == "summary" else [*args, "--format", "csv"])
        data = out.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")  # a CSV file: with a byte-order mark
        assert data.count(b"\n") == data.count(b"\r\n") >= 1, command


def test_findings_figures_and_references_as_pages(files: tuple[Path, Path], run: Run) -> None:
    import lxml.html

    page, status = run("check", *files, "--format", "html")
    assert status == 1
    document = lxml.html.document_fromstring(page)
    assert document.findtext(".//h1") == "检查结果 / findings"
    heads = [th.text_content() for th in document.iter("th")]
    assert heads[:3] == ["file", "code", "name"]
    rows = document.xpath("//tbody/tr")
    assert rows and all(len(row) == len(heads) for row in rows)
    assert {row[0].text_content() for row in rows} <= {str(f) for f in files}
    for command in ("figures", "references"):
        page, status = run(command, *files, "--format", "html")
        assert status == 0 and page.startswith("<!DOCTYPE html>") and "<script" not in page


@pytest.mark.parametrize("output_format", ["text", "json", "csv", "html"])
def test_check_writes_as_found_what_format_findings_writes(
    files: tuple[Path, Path], run: Run, output_format: str
) -> None:
    import fazhi_report as fr
    from fazhi_report.cli.results import format_findings

    expected, status = format_findings(
        [(str(f), fr.check(fr.load(f))) for f in files], output_format
    )
    # one worker checks in this process as it writes; two check in the workers
    for jobs in ("1", "2"):
        text, code = run("check", *files, "--format", output_format, "-j", jobs, "-q")
        assert (text, code) == (expected, status), jobs
