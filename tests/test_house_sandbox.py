"""Reading with templates in the sandbox: a hostile folder is refused, a benign one reads alike.

A template folder given to a reader (``fr.parse(text, templates=folder)``) is compiled by
running its macros. ``sandboxed=True`` runs them as a sandboxed render does; these tests hand
the readers folders that try the classic Jinja escapes to reach ``os`` and make a marker
folder, and check that the marker is never made in the sandbox (and is, without it: templates
are code).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given

import fazhi_report as fr
from fazhi_report import registry
from fazhi_report.batch import ConvertTask, ParseFailure, convert_one, parse_many, parse_one
from fazhi_report.cli import main
from fazhi_report.house import house_style
from fazhi_report.renderers import isolation

from .conftest import EXAMPLES
from .strategies import reports
from .test_house import HOUSE, write_style

SAMPLE = EXAMPLES / "sample_report.txt"
MARKER = "pwned"  # the folder a hostile template makes, beside its template folder

# Ways out of Jinja to the os module, each making the folder M (set before it): what a
# hostile template would use to run a command. Each works without the sandbox.
ESCAPES = {
    "cycler": "{% set _ = cycler.__init__.__globals__.os.makedirs(M, exist_ok=true) %}",
    "lipsum": "{% set _ = lipsum.__globals__['os'].makedirs(M, exist_ok=true) %}",
    "self": "{% set _ = self.__init__.__globals__.__builtins__.__import__('os')"
    ".makedirs(M, exist_ok=true) %}",
    "mro": "{% for c in ''.__class__.__mro__[1].__subclasses__() "
    "if c.__name__ == 'catch_warnings' %}{% set _ = c.__init__.__globals__['__builtins__']"
    "['__import__']('os').makedirs(M, exist_ok=true) %}{% endfor %}",
    "attr": "{% set _ = (namespace|attr('__init__')|attr('__globals__'))['os']"
    ".makedirs(M, exist_ok=true) %}",
}
# Where in a folder the escape stands: every place the reader's compile runs.
PLACES = ("heading macro", "point macro", "inline top level", "text macros", "text official")
_SHIPPED = Path(fr.__file__).parent / "templates"


def hostile_folder(root: Path, escape: str = "cycler", place: str = "heading macro") -> Path:
    """The example house style with ``ESCAPES[escape]`` written at ``place``."""
    folder = root / "style"
    shutil.copytree(HOUSE, folder)
    marker = root / MARKER
    code = "{%- set M = " + repr(str(marker)) + " -%}" + ESCAPES[escape]
    inline = folder / "official" / "inline.j2"
    source = inline.read_text("utf-8")
    if place == "heading macro":
        source = source.replace("{%- macro heading(s) -%}", "{%- macro heading(s) -%}" + code)
    elif place == "point macro":
        opening = "{%- macro point(p, last=false) -%}\n"
        source = source.replace(opening, opening + code)
    elif place == "inline top level":
        source = code + source
    elif place == "text macros":
        macros = folder / "text" / "macros.j2"
        text = macros.read_text("utf-8")
        opening = "{%- macro paragraph(p) -%}"
        macros.write_text(text.replace(opening, opening + code), "utf-8")
    else:
        official = (_SHIPPED / "text" / "official.j2").read_text("utf-8")
        (folder / "text" / "official.j2").write_text(code + official, "utf-8")
    assert code in source or place.startswith("text")
    inline.write_text(source, "utf-8")
    return folder


def house_report() -> tuple[fr.Report, str]:
    """The sample report, and its text in the example house style."""
    report = fr.load(SAMPLE)
    return report, fr.render(report, "text", style="official", templates=HOUSE)


def assert_refused(error: fr.FazhiReportError, folder: Path) -> None:
    """The error is a TemplateError naming a file of the hostile folder."""
    assert isinstance(error, fr.TemplateError), error
    assert error.source is not None and error.source.startswith(str(folder)), error.source
    assert str(folder) in str(error)


# ------------------------------------------------------------------- a hostile folder


@pytest.mark.parametrize("escape", sorted(ESCAPES))
@pytest.mark.parametrize("place", PLACES)
def test_sandboxed_parse_refuses_a_hostile_folder(tmp_path: Path, escape: str, place: str) -> None:
    folder = hostile_folder(tmp_path, escape, place)
    _, text = house_report()
    with pytest.raises(fr.FazhiReportError) as caught:
        fr.parse(text, templates=folder, sandboxed=True)
    assert_refused(caught.value, folder)
    assert not (tmp_path / MARKER).exists()


@pytest.mark.parametrize("place", PLACES)
def test_without_the_sandbox_a_folder_runs_as_code(tmp_path: Path, place: str) -> None:
    # the documented default: templates= runs the folder's templates as code, unsandboxed
    folder = hostile_folder(tmp_path, "cycler", place)
    report, text = house_report()
    assert fr.parse(text, templates=folder, sandboxed=False) == report
    assert (tmp_path / MARKER).is_dir()
    (tmp_path / MARKER).rmdir()
    (folder / "text" / "new.j2").write_text("", "utf-8")  # a change: the folder compiles again
    assert fr.parse(text, templates=folder) == report  # the default is sandboxed=False
    assert (tmp_path / MARKER).is_dir()


@pytest.mark.parametrize("fmt", ["text", "docx", "markdown", "html"])
def test_every_reader_takes_sandboxed(tmp_path: Path, fmt: str) -> None:
    folder = hostile_folder(tmp_path)
    report = fr.load(SAMPLE)
    data = fr.render(report, fmt, **({"style": "official"} if fmt == "text" else {}))
    path = tmp_path / ("report" + registry.get_format(fmt).suffixes[0])
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    with pytest.raises(fr.FazhiReportError) as caught:
        fr.load(path, templates=folder, sandboxed=True)
    assert_refused(caught.value, folder)
    with pytest.raises(fr.FazhiReportError) as caught:
        fr.parse(path.read_bytes(), fmt, templates=folder, sandboxed=True)
    assert_refused(caught.value, folder)
    with pytest.raises(fr.FazhiReportError):
        fr.parse(path, templates=folder, sandboxed=True)  # a path given to parse
    # the one compile every reader's house hints come from, as a plugin would call it
    with pytest.raises(fr.TemplateError):
        house_style(folder, sandboxed=True)
    assert not (tmp_path / MARKER).exists()


def test_a_sandboxed_compile_that_runs_too_long_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the compile runs in a child bounded in time, as a sandboxed render is (a smaller bound
    # here, to keep the test short). The loop, a second or two of work, runs only for the
    # compiler's own probe heading 38 (no report renders it), a few times: without the bound
    # the test ends too, and fails.
    monkeypatch.setattr(isolation, "SANDBOX_SECONDS", 1)
    spin = (
        "{%- if s.number == 38 and s.level == 1 %}{% for i in range(100000) %}"
        "{% for j in range(100) %}{% endfor %}{% endfor %}{% endif -%}"
    )
    folder = write_style(tmp_path / "s", spin + "{{ s|marker }}{{ s.heading }}")
    with pytest.raises(fr.TemplateError, match="stopped"):
        fr.parse("一、举措\n", templates=folder, sandboxed=True)


def test_sandboxed_render_refuses_hostile_top_level_macros(tmp_path: Path) -> None:
    # a renderer written in Python (DOCX) makes the macros' module, which runs its top level
    folder = hostile_folder(tmp_path, "cycler", "inline top level")
    report = fr.load(SAMPLE)
    with pytest.raises(fr.TemplateError) as caught:
        fr.render(report, "docx", templates=folder, sandboxed=True)
    assert_refused(caught.value, folder)
    assert not (tmp_path / MARKER).exists()


# ------------------------------------------------------------------------- the cache


def test_a_folder_compiled_unsandboxed_is_not_reused_sandboxed(tmp_path: Path) -> None:
    folder = hostile_folder(tmp_path)
    _, text = house_report()
    fr.parse(text, templates=folder)  # compiled and cached, unsandboxed (the marker is made)
    (tmp_path / MARKER).rmdir()
    with pytest.raises(fr.TemplateError):
        fr.parse(text, templates=folder, sandboxed=True)
    assert not (tmp_path / MARKER).exists()
    assert house_style(folder).sandboxed is False


def test_a_folder_compiled_sandboxed_is_not_reused_unsandboxed(tmp_path: Path) -> None:
    # an escape the sandbox hides (an unsafe attribute is undefined there), so the folder
    # compiles in both modes; only an unsandboxed compile makes the marker
    marker = tmp_path / MARKER
    folder = write_style(
        tmp_path / "s",
        "{%- if cycler.__init__ is defined -%}{%- set _ = cycler.__init__.__globals__.os"
        f".makedirs({str(marker)!r}, exist_ok=true) -%}}{{%- endif -%}}"
        "{% if s.level == 1 %}第{{ numeral(s.number) }}部分　{% else %}{{ s|marker }}{% endif %}"
        "{{ s.heading }}",
    )
    sandboxed = house_style(folder, sandboxed=True)
    assert sandboxed.sandboxed is True and house_style(folder, sandboxed=True) is sandboxed
    assert not marker.exists()
    plain = house_style(folder)
    assert plain is not sandboxed and plain.sandboxed is False
    assert marker.is_dir()  # compiled anew, unsandboxed
    assert plain.forms == sandboxed.forms and plain.indent == sandboxed.indent
    assert "sandboxed=True" in repr(sandboxed) and "sandboxed" not in repr(plain)


# ----------------------------------------------------------------- the benign folder


@given(reports())
def test_the_example_folder_reads_alike_sandboxed_and_not(report: fr.Report) -> None:
    text = fr.render(report, "text", style="official", templates=HOUSE)
    plain = fr.parse(text, templates=HOUSE)
    assert fr.parse(text, templates=HOUSE, sandboxed=True) == plain == report


@pytest.mark.parametrize("fmt", ["docx", "markdown", "html"])
def test_the_example_folder_reads_every_format_sandboxed(fmt: str) -> None:
    report = fr.load(SAMPLE)
    data = fr.render(report, fmt, templates=HOUSE, sandboxed=True)
    assert fr.parse(data, fmt, templates=HOUSE, sandboxed=True) == report
    assert fr.parse(data, fmt, templates=HOUSE) == report


# ------------------------------------------------------------------------ the option


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_sandboxed_without_templates_changes_nothing(fmt: str) -> None:
    report = fr.load(SAMPLE)
    data = fr.render(report, fmt)
    assert fr.parse(data, fmt, sandboxed=True) == fr.parse(data, fmt) == report


@pytest.mark.parametrize("value", ["false", 1, None])
def test_sandboxed_must_be_a_bool(value: object) -> None:
    with pytest.raises(fr.OptionError, match="True or False"):
        fr.parse("一、举措\n", templates=HOUSE, sandboxed=value)  # type: ignore[arg-type]
    with pytest.raises(fr.OptionError, match="True or False"):
        fr.load(SAMPLE, sandboxed=value)  # type: ignore[arg-type]


def test_a_whole_report_parser_is_never_handed_templates(tmp_path: Path) -> None:
    # house hints go to the builder with a reader's lines; a parser (the JSON kind) reads no
    # lines, so it never gets a folder, sandboxed or not: a plugin's parser cannot run one
    calls: list[object] = []

    def old_reader(data: str | bytes, *, source: str, templates: object = None) -> fr.Report:
        calls.append(templates)
        return fr.parse(data, source=source)

    registry.register_format(fr.Format("oldhouse", parser=old_reader))
    try:
        for sandboxed in (False, True):
            with pytest.raises(fr.OptionError, match="oldhouse") as caught:
                fr.parse("一、举措\n", "oldhouse", templates=HOUSE, sandboxed=sandboxed)
            assert "read as lines: docx, html, markdown, pdf, text" in str(caught.value)
        assert calls == []  # refused before the parser ran
        assert fr.parse("一、举措\n", "oldhouse", sandboxed=True).sections  # no templates
        assert calls == [None]
    finally:
        registry._FORMATS.pop("oldhouse")
        registry._PARSERS.pop("oldhouse", None)


# --------------------------------------------------------------------------- batches


@pytest.mark.parametrize("jobs", [1, 2])
def test_parse_many_reads_with_templates_sandboxed(tmp_path: Path, jobs: int) -> None:
    report, text = house_report()
    paths = []
    for name in ("a.txt", "b.txt", "c.txt"):
        paths.append(tmp_path / name)
        paths[-1].write_text(text, "utf-8")
    assert list(parse_many(paths, jobs=jobs, templates=HOUSE, sandboxed=True)) == [report] * 3
    folder = hostile_folder(tmp_path / "bad")
    failed = list(parse_many(paths, jobs=jobs, templates=folder, sandboxed=True))
    assert all(isinstance(r, ParseFailure) and r.error == "TemplateError" for r in failed)
    assert not (tmp_path / "bad" / MARKER).exists()
    one = parse_one(paths[0], templates=folder, sandboxed=True)
    assert isinstance(one, ParseFailure) and str(folder) in one.message


def test_convert_one_reads_with_templates_sandboxed(tmp_path: Path) -> None:
    report, text = house_report()
    source = tmp_path / "house.txt"
    source.write_text(text, "utf-8")
    target = tmp_path / "out.json"
    read = {"templates": str(HOUSE), "sandboxed": True}
    done = convert_one(ConvertTask(str(source), str(target), None, "json", read=read))
    assert done.status == "done", done.reason
    assert fr.load(target) == report
    folder = hostile_folder(tmp_path / "bad")
    read = {"templates": str(folder), "sandboxed": True}
    other = tmp_path / "other.json"
    failed = convert_one(ConvertTask(str(source), str(other), None, "json", read=read))
    assert failed.status == "failed"
    assert str(folder) in failed.reason and not other.exists()
    assert not (tmp_path / "bad" / MARKER).exists()


# ------------------------------------------------------------------------ the command


def command_line(command: str, source: Path, out: Path, folder: Path) -> list[str]:
    """``command`` on ``source``, reading with ``folder`` in the sandbox."""
    reading = ["--templates", str(folder), "--sandboxed"]
    lines = {
        "convert": ["convert", str(source), str(out / "x.json")],
        "convert many": ["convert", str(source), "--out-dir", str(out), "--to", "json"],
        "summary": ["summary", str(source), "-o", str(out / "s.csv")],
        "check": ["check", str(source)],
        "figures": ["figures", str(source)],
        "references": ["references", str(source)],
        "compare": ["compare", str(source), str(source)],
        "inspect": ["inspect", str(source)],
    }
    if command.startswith("convert"):
        reading[0] = "--from-templates"  # convert's --templates are the output's
    return [*lines[command], *reading]


COMMANDS = ("convert", "convert many", "summary", "check", "figures", "references")
COMMANDS += ("compare", "inspect")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_reading_command_takes_templates_and_sandboxed(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = hostile_folder(tmp_path / "bad")
    _, text = house_report()
    source = tmp_path / "house.txt"
    source.write_text(text, "utf-8")
    (tmp_path / "out").mkdir()
    assert main(command_line(command, source, tmp_path / "out", folder)) == 1
    assert str(folder) in capsys.readouterr().err  # the template file is named
    assert not (tmp_path / "bad" / MARKER).exists()
    # the benign folder, sandboxed, reads
    (tmp_path / "good").mkdir()
    status = main(command_line(command, source, tmp_path / "good", HOUSE))
    assert status == 0, capsys.readouterr().err


def test_the_commands_read_the_house_headings_with_templates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report, text = house_report()
    source = tmp_path / "house.txt"
    source.write_text(text, "utf-8")
    heading = re.compile(rf"^  一、{re.escape(report.sections[0].heading)}", re.M)
    assert main(["inspect", str(source), "--templates", str(HOUSE), "--sandboxed"]) == 0
    assert heading.search(capsys.readouterr().out)
    assert main(["inspect", str(source)]) == 0
    assert not heading.search(capsys.readouterr().out)  # 第一部分 is no heading without it
    target = tmp_path / "x.json"
    args = ["convert", str(source), str(target), "--from-templates", str(HOUSE), "--sandboxed"]
    assert main(args) == 0
    assert fr.load(target) == report


def test_without_sandboxed_the_command_runs_the_folder(tmp_path: Path) -> None:
    folder = hostile_folder(tmp_path / "bad")
    _, text = house_report()
    source = tmp_path / "house.txt"
    source.write_text(text, "utf-8")
    assert main(["inspect", str(source), "--templates", str(folder)]) == 0
    assert (tmp_path / "bad" / MARKER).is_dir()
