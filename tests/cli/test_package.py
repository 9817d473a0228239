"""The shape of fazhi_report.cli: a root group with a lazy table of commands, one module each."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import click
import pytest

import fazhi_report as fr
from fazhi_report.cli import COMMANDS, CommandEntry, cli, main
from fazhi_report.cli.base import Command

PACKAGE = Path(fr.__file__).parent / "cli"
HEAVY = ("fazhi_report.analysis", "fazhi_report.parsers", "fazhi_report.renderers")
THIRD_PARTY = ("jinja2", "lxml", "rich", "docx", "markdown_it")


def _modules_after(args: list[str], *, baseline: bool) -> tuple[int, list[str]]:
    """Run ``main(args)`` in a fresh interpreter: its status, and the modules it imported
    (beyond what ``import fazhi_report`` imports, when ``baseline``)."""
    code = textwrap.dedent(
        f"""
        import contextlib, io, json, sys
        {"import fazhi_report" if baseline else ""}
        before = set(sys.modules)
        from fazhi_report.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            status = main({args!r})
        found = sorted(set(sys.modules) - before) if {baseline!r} else sorted(sys.modules)
        print(json.dumps([status, found]))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, timeout=120, check=True
    )
    status, found = json.loads(done.stdout)
    return status, found


@pytest.mark.parametrize("args", [["--version"], ["formats"], ["--help"]])
def test_the_start_imports_no_analysis_reader_or_renderer(args: list[str]) -> None:
    # what the command line itself imports, beyond the package
    status, found = _modules_after(args, baseline=True)
    assert status == 0
    assert [m for m in found if m.startswith(HEAVY)] == []
    assert [m for m in found if m.split(".")[0] in THIRD_PARTY] == []
    # of the commands' modules, only the one that runs
    commands = {m for m in found if m.startswith("fazhi_report.cli.") and m != "fazhi_report.cli"}
    shared = {"fazhi_report.cli.base", "fazhi_report.cli.io", "fazhi_report.cli.options"}
    assert commands - shared <= ({"fazhi_report.cli.formats"} if args == ["formats"] else set())


@pytest.mark.parametrize("args", [["--version"], ["formats"]])
def test_version_and_formats_import_no_analysis_reader_or_renderer_at_all(
    args: list[str],
) -> None:
    status, found = _modules_after(args, baseline=False)
    assert status == 0
    assert [m for m in found if m.startswith(HEAVY)] == []


def test_every_row_names_its_command_and_holds_its_summary() -> None:
    ctx = click.Context(cli)
    assert cli.list_commands(ctx)[: len(COMMANDS)] == list(COMMANDS)
    for name, entry in COMMANDS.items():
        command = cli.get_command(ctx, name)
        assert isinstance(command, Command), entry.target
        assert command.name == name
        assert command.get_short_help_str() == entry.summary
        assert command.callback is not None
        assert entry.target.partition(":")[0] == command.callback.__module__


def test_help_lists_every_command_from_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    listed = " ".join(out.split("Commands:\n", 1)[1].split("\n\n", 1)[0].split())
    expected = " ".join(f"{name} {entry.summary}" for name, entry in COMMANDS.items())
    assert listed == " ".join(expected.split())  # in table order, lines wrapped as they fit


def test_every_module_is_short() -> None:
    for module in PACKAGE.glob("*.py"):
        assert len(module.read_text("utf-8").splitlines()) < 500, module.name


# The whole of a new command: this module, and one row in the table.
HELLO = """
import click

from fazhi_report.cli.base import EXIT_OK, command


@command("hello", describe="Greet NAME.", epilog="Example:\\n  fazhi-report hello 世界")
@click.argument("name")
def hello(name: str, quiet: bool, verbose: bool) -> int:
    click.echo(f"你好, {name}")
    return EXIT_OK
"""


def test_a_new_command_is_one_module_and_one_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "hello_command.py").write_text(HELLO, "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(COMMANDS, "hello", CommandEntry("hello_command:hello", "Say hello."))
    assert main(["--help"]) == 0
    assert "  hello       Say hello.\n" in capsys.readouterr().out
    assert "hello_command" not in sys.modules  # listed from the table, not imported
    try:
        assert main(["hello", "世界"]) == 0
        assert capsys.readouterr().out == "你好, 世界\n"
        assert main(["hello", "--help"]) == 0
        help_text = capsys.readouterr().out
        assert "Greet NAME." in help_text and "-q, --quiet" in help_text
    finally:
        cli._loaded.pop("hello", None)
        sys.modules.pop("hello_command", None)


def test_a_row_naming_no_command_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(COMMANDS, "broken", CommandEntry("fazhi_report.cli.base:PROG", "?"))
    with pytest.raises(TypeError, match="not a click command"):
        cli.get_command(click.Context(cli), "broken")


def test_the_old_names_still_import() -> None:
    from fazhi_report.cli import (  # noqa: F401  # what scripts imported from the old module
        EXIT_FAILED,
        EXIT_INTERRUPTED,
        EXIT_OK,
        EXIT_USAGE,
        BatchProgress,
        FormatChoice,
        each_report,
        from_option,
        inputs_argument,
        jobs_option,
        outline,
        read_options,
        subcommand,
    )

    assert outline(fr.parse("一、主要举措和成效\n正文。\n"))[0] == "title: (none)"
    with pytest.raises(ImportError):
        from fazhi_report.cli import no_such_name  # noqa: F401


def test_python_m_runs_the_package() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "fazhi_report.cli", "--version"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, f"fazhi-report {fr.__version__}\n".encode())
