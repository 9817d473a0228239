"""Tests for the ``fazhi-report`` command line (fazhi_report.cli), mostly run in-process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

import fazhi_report as fr
from fazhi_report.cli import cli, main

# A short report written for these tests; the organ and the figures are made up.
REPORT = """\
青山县应急管理局2025年法治政府建设情况报告

2025年，青山县应急管理局围绕安全生产和防灾减灾救灾工作，依法履行监管职责，推动法治政府建设取得新进展。现将有关情况报告如下：
一、2025年推进法治政府建设的主要举措和成效
（一）健全工作机制，夯实法治基础。一是加强组织领导。局党组全年专题研究法治建设工作4次，明确分管领导和责任股室。二是完善制度规范。修订执法检查、案件审理等制度6项，执法流程更加清晰。
（二）规范执法检查，提升执法质效。全年对312家企业开展安全生产执法检查，依法查处违法行为27起。
二、存在的不足
一是执法人员专业能力有待提升。部分执法人员对新修订法规掌握不够。二是基层执法力量较为薄弱。乡镇应急管理力量不足。
三、2026年工作安排
一是深化执法规范化建设。二是加强执法人员培训。
青山县应急管理局
2026年1月15日
"""
TITLE = "青山县应急管理局2025年法治政府建设情况报告"


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    """The test report as a UTF-8 file with LF line ends."""
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT.encode("utf-8"))
    return path


def _error_of(capsys: pytest.CaptureFixture[str]) -> str:
    """The standard error of a failed run, checked to be one clean error line."""
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("fazhi-report: error: ")
    assert "Traceback" not in captured.err
    assert captured.err.count("\n") == 1
    return captured.err


# ------------------------------------------------------------------------------ convert


def test_convert_text_to_json(
    report_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.json"
    assert main(["convert", str(report_file), str(out)]) == 0
    assert capsys.readouterr() == ("", "")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["title"] == TITLE
    assert data["year"] == 2025
    # The default (semantic) style carries content only, no layout records.
    assert data["signature"] == {"organ": "青山县应急管理局", "date": "2026-01-15"}
    assert '"layout"' not in out.read_text(encoding="utf-8")
    assert [s["role"] for s in data["sections"]] == ["measures", "shortcomings", "plans"]


def test_convert_text_to_official_text(report_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "official.txt"
    assert main(["convert", str(report_file), str(out), "--style", "official"]) == 0
    expected = fr.render(fr.load(report_file), "text", style="official")
    assert out.read_bytes() == expected.encode("utf-8")
    # The official style indents paragraphs with two U+3000, which the source does not.
    assert out.read_bytes() != report_file.read_bytes()
    assert "\u3000\u3000一、2025年推进法治政府建设的主要举措和成效" in expected


def test_convert_text_to_lossless_text_is_identical(report_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "copy.txt"
    assert main(["convert", str(report_file), str(out), "--style", "lossless"]) == 0
    assert out.read_bytes() == report_file.read_bytes()


def test_convert_keeps_the_source_encoding_and_line_ends(tmp_path: Path) -> None:
    source = tmp_path / "gbk.txt"
    source.write_bytes(REPORT.replace("\n", "\r\n").encode("gb18030"))
    out = tmp_path / "copy.text"
    assert main(["convert", str(source), str(out)]) == 0
    assert out.read_bytes() == source.read_bytes()


def test_convert_with_encoding(report_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "gb.txt"
    assert main(["convert", str(report_file), str(out), "--encoding", "gb18030"]) == 0
    assert out.read_bytes().decode("gb18030") == REPORT


def test_convert_lossless_json_round_trip(report_file: Path, tmp_path: Path) -> None:
    full = tmp_path / "full.json"
    back = tmp_path / "back.txt"
    assert main(["convert", str(report_file), str(full), "--style", "lossless"]) == 0
    assert main(["convert", str(full), str(back)]) == 0
    assert back.read_bytes() == report_file.read_bytes()


def test_convert_to_stdout_defaults_to_text(
    report_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", str(report_file), "-"]) == 0
    captured = capsys.readouterr()
    assert captured.out == REPORT
    assert captured.err == ""


def test_convert_to_stdout_as_json(report_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(report_file), "-", "--to", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == TITLE


def test_convert_explicit_formats_override_suffixes(tmp_path: Path) -> None:
    source = tmp_path / "report.dat"
    source.write_bytes(REPORT.encode("utf-8"))
    out = tmp_path / "report.out"
    assert main(["convert", str(source), str(out), "--from", "text", "--to", "json"]) == 0
    assert json.loads(out.read_bytes())["organ"] == "青山县应急管理局"


# ------------------------------------------------------------------------------ inspect


def test_inspect_outline(report_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(report_file)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    lines = captured.out.splitlines()
    expected = [
        f"title: {TITLE}",
        "organ: 青山县应急管理局",
        "year: 2025",
        "preamble: 1 paragraph",
        "sections:",
        "  一、2025年推进法治政府建设的主要举措和成效 [measures] (0 paragraphs)",
        "    （一）健全工作机制，夯实法治基础 [run-in] (1 paragraph)",
        "      一是 加强组织领导",
        "      二是 完善制度规范",
        "    （二）规范执法检查，提升执法质效 [run-in] (1 paragraph)",
        "  二、存在的不足 [shortcomings] (1 paragraph)",
        "    一是 执法人员专业能力有待提升",
        "    二是 基层执法力量较为薄弱",
        "  三、2026年工作安排 [plans] (1 paragraph)",
        "    一是 深化执法规范化建设",
        "    二是 加强执法人员培训",
        "closing: 0 paragraphs",
        "signature: 青山县应急管理局, 2026-01-15",
    ]
    # Every expected line appears, in this order (the parser may grow, the outline stays).
    positions = [lines.index(line) for line in expected]
    assert positions == sorted(positions)
    assert not any("addressee" in line or "page " in line for line in lines)


def test_inspect_json_matches_text(
    report_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    as_json = tmp_path / "report.json"
    as_json.write_text(fr.to_json(fr.load(report_file)), encoding="utf-8")
    assert main(["inspect", str(report_file)]) == 0
    from_text = capsys.readouterr().out
    assert main(["inspect", str(as_json)]) == 0
    assert capsys.readouterr().out == from_text


def test_inspect_shows_page_metadata_and_addressee(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = fr.Report(
        title=None,
        addressee="县委、县政府",
        page=fr.PageInfo(source="县应急管理局"),
        # Numbers no marker can show must not crash the outline (the model refuses level 9
        # and number 0 outright; 10000 is past what Chinese numerals are written for).
        sections=[fr.Section(level=1, number=10000, heading="附件")],
    )
    path = tmp_path / "odd.json"
    path.write_text(fr.to_json(report), encoding="utf-8")
    assert main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "title: (none)" in out
    assert "addressee: 县委、县政府" in out
    assert "page source: 县应急管理局" in out
    assert "signature: (none)" in out
    assert any(line.endswith("附件 (0 paragraphs)") for line in out)


# -------------------------------------------------------------------- help and version


def _help_of(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(args) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


def test_program_help(capsys: pytest.CaptureFixture[str]) -> None:
    out = _help_of(["--help"], capsys)
    for word in ("--version", "--help", "convert", "inspect", "summary", "Examples:"):
        assert word in out


@pytest.mark.parametrize(
    ("command", "options"),
    [
        (
            "convert",
            [
                "INPUTS...",
                "OUTPUT",
                "--out-dir",
                "--from",
                "--to",
                "--style",
                "--encoding",
                "--force",
                "--jobs",
                "--quiet",
                "--verbose",
                "--help",
            ],
        ),
        ("inspect", ["INPUT", "--from", "--help"]),
        ("summary", ["INPUTS...", "--format", "--output", "--jobs", "--help"]),
    ],
)
def test_command_help(command: str, options: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    out = _help_of([command, "--help"], capsys)
    assert out.startswith(f"Usage: fazhi-report {command}")
    for option in options:
        assert option in out
    assert f"fazhi-report {command} report" in out  # the epilog's example


def test_help_lists_the_format_table(capsys: pytest.CaptureFixture[str]) -> None:
    # Choices and format lists come from the registry, read when the help is shown.
    out = _help_of(["convert", "--help"], capsys)
    for info in fr.formats():
        assert f"{info.name}: {', '.join(info.styles)}" in out or not info.styles
    fr.register_format(fr.Format("shout", suffixes=(".shout",), renderer=_Shout()))
    try:
        assert ".shout" in _help_of(["--help"], capsys)
        assert "shout: loud" in _help_of(["convert", "--help"], capsys)
    finally:
        from fazhi_report import registry

        registry._FORMATS.pop("shout")
        registry._RENDERERS.pop("shout", None)


class _Shout(fr.Renderer):
    styles = ("loud",)

    def render(self, report: fr.Report, *, style: str) -> str:
        return (report.title or "").upper()


def test_every_command_and_option_has_help() -> None:
    # the commands are lazy: listed and loaded through the group, as click's contract says
    ctx = click.Context(cli)
    names = cli.list_commands(ctx)
    assert set(names) >= {"convert", "formats", "inspect", "summary"}
    for name in names:
        command = cli.get_command(ctx, name)
        assert command is not None
        assert command.help and command.short_help
        assert command.epilog and "Example" in command.epilog
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{command.name}: {param.name} has no help"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"fazhi-report {fr.__version__}\n"


# ------------------------------------------------------------------------------- errors


def test_missing_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "没有这个文件.txt"
    assert main(["inspect", str(missing)]) == 1
    err = _error_of(capsys)
    assert str(missing) in err
    assert "cannot read" in err


def test_binary_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    out = tmp_path / "out.json"
    assert main(["convert", str(binary), str(out)]) == 1
    err = _error_of(capsys)
    assert str(binary) in err
    assert "binary" in err
    assert not out.exists()


def test_empty_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["inspect", str(empty)]) == 1
    assert "empty" in _error_of(capsys)


def test_invalid_json_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"title": ', encoding="utf-8")
    assert main(["inspect", str(broken)]) == 1
    assert "JSON" in _error_of(capsys)


def test_unknown_input_suffix(
    report_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odt = tmp_path / "report.odt"
    odt.write_bytes(report_file.read_bytes())
    assert main(["inspect", str(odt)]) == 1
    err = _error_of(capsys)
    assert "'.odt'" in err
    assert "explicit format" in err


def test_unknown_output_suffix(
    report_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.odt"
    assert main(["convert", str(report_file), str(out)]) == 1
    assert "'.odt'" in _error_of(capsys)
    assert not out.exists()


def test_unknown_format(report_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # --to offers the registry's writable formats as choices: a usage error names them.
    assert main(["convert", str(report_file), "-", "--to", "yaml"]) == 2
    err = capsys.readouterr().err
    assert "'yaml'" in err and "'json'" in err and "'docx'" in err


def test_unknown_style(
    report_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.txt"
    assert main(["convert", str(report_file), str(out), "--style", "fancy"]) == 2
    assert "'fancy'" in capsys.readouterr().err
    assert not out.exists()
    # A style of another format is a choice, but the text renderer refuses it.
    assert main(["convert", str(report_file), str(out), "--style", "semantic"]) == 1
    assert "'semantic'" in _error_of(capsys)
    assert not out.exists()


def test_encoding_without_the_characters(
    report_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.txt"
    assert main(["convert", str(report_file), str(out), "--encoding", "ascii"]) == 1
    err = _error_of(capsys)
    assert "'ascii'" in err
    assert "U+9752" in err  # 青, the first character ASCII lacks
    assert not out.exists()


def test_output_is_a_folder(
    report_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert main(["convert", str(report_file), str(folder)]) == 1
    assert str(folder) in _error_of(capsys)


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["frobnicate"],
        ["convert"],
        ["convert", "a.txt"],
        ["inspect", "a.txt", "--bogus"],
        ["convert", "a.txt", "b.txt", "--encoding", "no-such-codec"],
        ["convert", "a.txt", "b.txt", "--encoding", "rot13"],
        ["convert", "a.txt", "b.txt", "--jobs", "0"],
        ["convert", "a.txt", "-o", "b.txt", "--out-dir", "out"],
        ["summary", "a.txt", "--format", "xlsx"],
    ],
)
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Usage: fazhi-report" in captured.err
    assert "Traceback" not in captured.err


# ---------------------------------------------------------------------------- end to end


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        args, capture_output=True, env={**os.environ, **env}, timeout=120, check=False
    )


def test_module_end_to_end(report_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    cli = [sys.executable, "-m", "fazhi_report.cli"]
    done = _run([*cli, "convert", str(report_file), str(out)])
    assert (done.returncode, done.stdout, done.stderr) == (0, b"", b"")
    # An ASCII-only stdout must still print the Chinese outline (as UTF-8), not crash.
    done = _run([*cli, "inspect", str(out)], PYTHONIOENCODING="ascii")
    assert done.returncode == 0, done.stderr
    assert f"title: {TITLE}" in done.stdout.decode("utf-8")
    done = _run([*cli, "inspect", str(tmp_path / "missing.txt")], PYTHONIOENCODING="ascii")
    assert done.returncode == 1
    assert done.stdout == b""
    assert done.stderr.startswith(b"fazhi-report: error: ")
    assert b"Traceback" not in done.stderr


def test_console_script_end_to_end(report_file: Path) -> None:
    script = Path(sys.executable).with_name("fazhi-report")
    if not script.exists():
        pytest.skip("the fazhi-report console script is not installed next to this Python")
    done = _run([str(script), "convert", str(report_file), "-"])
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout == report_file.read_bytes()
    done = _run([str(script), "--version"])
    assert done.stdout.decode() == f"fazhi-report {fr.__version__}\n"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipe semantics")
@pytest.mark.parametrize("command", ["inspect", "convert"])
def test_closed_stdout_is_quiet(command: str, tmp_path: Path) -> None:
    # A reader that went away (``fazhi-report inspect big.txt | head``) is no error to report.
    big = tmp_path / "big.txt"
    big.write_bytes(REPORT.encode("utf-8") * 2000)
    args = [sys.executable, "-m", "fazhi_report.cli", command, str(big)]
    if command == "convert":
        args.append("-")
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(args, stdout=write_end, stderr=subprocess.PIPE, timeout=120)
    finally:
        os.close(write_end)
    assert done.returncode == 1
    assert done.stderr == b""


# ----------------------------------------------------------------- README and extending


def test_readme_quick_start_commands(tmp_path: Path) -> None:
    # The first shell block of the README: install, convert to Word, outline. The install is
    # the test run's own; the fazhi-report commands run as written, from a copy of the repo's
    # examples/, twice (the second convert finds its output and skips it).
    from ..conftest import EXAMPLES, ROOT

    readme = (ROOT / "README.md").read_text("utf-8")
    block = readme.split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [c.strip() for c in block.strip().split("&&")]
    assert commands[0].startswith("python -m pip install")
    steps = [c.split() for c in commands[1:]]
    assert [s[:2] for s in steps] == [["fazhi-report", "convert"], ["fazhi-report", "inspect"]]
    (tmp_path / "examples").mkdir()
    for sample in EXAMPLES.glob("*.txt"):
        (tmp_path / "examples" / sample.name).write_bytes(sample.read_bytes())
    cli = [sys.executable, "-m", "fazhi_report.cli"]
    src = str(Path(fr.__file__).resolve().parents[1])
    for _ in range(2):
        for step in steps:
            done = subprocess.run(
                [*cli, *step[1:]],
                cwd=tmp_path,
                capture_output=True,
                env={**os.environ, "PYTHONPATH": src},
                timeout=120,
                check=False,
            )
            assert done.returncode == 0, done.stderr.decode()
    assert "organ: 青禾县公安局" in done.stdout.decode("utf-8")


def test_a_new_subcommand_is_a_few_lines(
    tmp_path: Path, report_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fazhi_report.cli import (
        BatchProgress,
        each_report,
        from_option,
        inputs_argument,
        jobs_option,
        subcommand,
    )

    @subcommand("titles", summary="Print each title.", epilog="Example:\n  fazhi-report titles d/")
    @inputs_argument
    @from_option
    @jobs_option
    def titles(
        inputs: tuple[str, ...],
        from_format: str | None,
        jobs: int | None,
        quiet: bool,
        verbose: bool,
    ) -> int:
        with BatchProgress("read", quiet=quiet, verbose=verbose) as progress:
            for found, report in each_report(inputs, progress, from_format=from_format, jobs=jobs):
                click.echo(f"{found.relative}\t{report.title}")
        return progress.exit_status

    try:
        (tmp_path / "empty.txt").write_bytes(b"")
        assert main(["titles", str(report_file), str(tmp_path / "empty.txt"), "-j", "2"]) == 1
        captured = capsys.readouterr()
        assert captured.out == f"report.txt\t{TITLE}\n"
        assert "fazhi-report: failed: " in captured.err and "empty" in captured.err
        assert "read 2 reports: 1 done, 1 failed, 0 skipped" in captured.err
        assert main(["--help"]) == 0
        assert "Print each title." in capsys.readouterr().out
    finally:
        del cli.commands["titles"]


def test_the_outline_counts_tables_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = fr.Table([["类别", "件数"], ["行政复议", "12"]])
    report = fr.Report(
        preamble=[fr.Paragraph("导语。"), table],
        sections=[fr.Section(1, 1, "主要举措和成效", body=[fr.Paragraph("正文。"), table])],
    )
    path = tmp_path / "tables.json"
    path.write_text(fr.to_json(report), encoding="utf-8")
    assert main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "preamble: 1 paragraph, 1 table" in out
    assert "  一、主要举措和成效 (1 paragraph, 1 table)" in out
