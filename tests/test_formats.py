"""The format table: declared formats, binary renderers with options, plugins, detection."""

from __future__ import annotations

import runpy
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

import fazhi_report as fr
from fazhi_report import registry
from fazhi_report.cli import main

from .conftest import EXAMPLES

REPORT = (
    "溪口镇人民政府2024年法治政府建设情况报告\n一、主要举措和成效\n（一）完善制度。一是修订规则。\n"
)
MAGIC = b"ZZ\x01\x02"


class BoxRenderer(fr.Renderer):
    """A binary format made up for these tests: magic bytes, then the report's JSON."""

    styles: ClassVar[tuple[str, ...]] = ("plain", "loud")
    binary: ClassVar[bool] = True

    def render(self, report: fr.Report, *, style: str, repeat: int = 1) -> bytes:
        body = fr.to_json(report, indent=None).encode("utf-8")
        if style == "loud":
            body = body.upper()
        return MAGIC + body * repeat


def read_box(data: str | bytes, *, source: str) -> fr.Report:
    assert isinstance(data, bytes)
    if not data.startswith(MAGIC):
        raise fr.DataError("not a box", source=source)
    return fr.from_json(data[len(MAGIC) :], source=source)


@pytest.fixture
def box() -> Iterator[None]:
    fr.register_format(
        fr.Format(
            "box",
            suffixes=("BOX",),
            parser=read_box,
            renderer=BoxRenderer,
            binary=True,
            magic=MAGIC,
        )
    )
    yield
    registry._FORMATS.pop("box")
    registry._RENDERERS.pop("box", None)
    registry._PARSERS.pop("box", None)


def test_builtin_formats_are_listed() -> None:
    table = {f.name: f for f in fr.formats()}
    assert table["text"].suffixes == (".txt", ".text")
    assert table["text"].styles == ("lossless", "official")
    assert table["json"].styles == ("semantic", "lossless")
    assert all(table[name].can_read and not table[name].binary for name in ("text", "json"))
    assert table["docx"].binary and table["docx"].suffixes == (".docx",)


def test_binary_renderer_returns_bytes_and_save_writes_them(box: None, tmp_path: Path) -> None:
    report = fr.parse(REPORT)
    data = fr.render(report, "box")
    assert isinstance(data, bytes) and data.startswith(MAGIC)
    assert fr.render(report, "box", style="loud", repeat=2).count(MAGIC) == 1
    target = tmp_path / "out.Box"  # suffixes match whatever their case
    fr.save(report, target, repeat=1)
    assert target.read_bytes() == data
    assert fr.load(target) == report
    # bytes tell their format by magic, with no name given
    assert fr.parse(data) == report
    # and a file whose suffix names nothing is still read by its magic bytes
    other = tmp_path / "report.bin"
    other.write_bytes(data)
    assert fr.load(other) == report


def test_binary_format_from_a_str_is_refused(box: None) -> None:
    with pytest.raises(fr.UnknownFormatError, match="binary"):
        fr.parse("not bytes", format="box")


def test_styles_and_options_are_checked(box: None) -> None:
    report = fr.parse(REPORT)
    with pytest.raises(fr.UnknownStyleError, match="plain, loud"):
        fr.render(report, "box", style="quiet")
    with pytest.raises(fr.OptionError, match=r"'colour'.*repeat"):
        fr.render(report, "box", colour="red")
    with pytest.raises(fr.OptionError, match=r"lossless.*templates"):
        fr.render(report, "text", templates=EXAMPLES)
    assert fr.render(report, "json", indent=None).count("\n") == 1  # only the final one


def test_cli_writes_binary_output_to_a_file_and_to_stdout(
    box: None, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    source = tmp_path / "report.txt"
    source.write_text(REPORT, encoding="utf-8")
    target = tmp_path / "report.box"
    assert main(["convert", str(source), str(target)]) == 0
    assert target.read_bytes() == fr.render(fr.parse(REPORT), "box")
    capsysbinary.readouterr()
    assert main(["convert", str(source), "-", "--to", "box", "--style", "loud"]) == 0
    assert capsysbinary.readouterr().out == fr.render(fr.parse(REPORT), "box", style="loud")
    assert main(["convert", str(source), "-", "--to", "box", "--encoding", "utf-8"]) == 1
    assert b"binary" in capsysbinary.readouterr().err


def test_cli_lists_formats(box: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["formats"]) == 0
    lines = capsys.readouterr().out.splitlines()
    box_line = next(line for line in lines if line.startswith("box"))
    assert ".box" in box_line and "rw" in box_line and "binary" in box_line
    assert "plain,loud" in box_line


def test_cli_help_comes_from_the_table(box: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", "--help"]) == 0
    out = capsys.readouterr().out
    assert "box: plain, loud" in out
    assert "'box'" in out


def test_custom_exporter_example_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "sections.csv"
    monkeypatch.setattr(sys, "argv", ["custom_exporter.py", str(target)])
    runpy.run_path(str(EXAMPLES / "custom_exporter.py"), run_name="__main__")
    try:
        assert f"wrote {target}" in capsys.readouterr().out
        report = fr.load(EXAMPLES / "sample_report.txt")
        rows = target.read_text("utf-8").splitlines()
        assert rows[0] == "path,kind,number,text,role"
        assert rows[1].startswith("1,section,1,") and rows[1].endswith(",measures")
        assert sum(row.split(",")[1] == "point" for row in rows) == len(report.points)
        assert len(EXAMPLES.joinpath("custom_exporter.py").read_text("utf-8").splitlines()) < 60
    finally:
        registry._FORMATS.pop("csv")
        registry._RENDERERS.pop("csv", None)


# ------------------------------------------------------------------------------- plugins

PLUGIN = """
from typing import ClassVar

import fazhi_report as fr

class Upper(fr.Renderer):
    styles: ClassVar[tuple[str, ...]] = ("upper",)

    def render(self, report, *, style):
        return (report.title or "").upper()

FORMAT = fr.Format("demo", suffixes=(".demo",), renderer="demo_plugin:Upper")
"""


@pytest.fixture
def plugins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An installed distribution declaring a working and a broken plugin format."""
    (tmp_path / "demo_plugin.py").write_text(PLUGIN, encoding="utf-8")
    info = tmp_path / "demo_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: demo-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        "[fazhi_report.formats]\n"
        "demo = demo_plugin:FORMAT\n"
        "broken = no_such_module_anywhere:FORMAT\n"
        "wrong = demo_plugin:Upper\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    registry._reset_plugins()
    yield tmp_path
    registry._reset_plugins()
    sys.modules.pop("demo_plugin", None)


def test_plugin_format_and_suffix_from_entry_points(plugins: Path, tmp_path: Path) -> None:
    report = fr.parse(REPORT)
    fr.render(report, "text")
    fr.parse(REPORT.encode("utf-8"))
    assert "demo_plugin" not in sys.modules  # nothing asked for it yet
    assert fr.render(report, "demo") == "溪口镇人民政府2024年法治政府建设情况报告"
    assert "demo_plugin" in sys.modules
    target = tmp_path / "title.demo"
    fr.save(report, target)
    assert target.read_text("utf-8") == "溪口镇人民政府2024年法治政府建设情况报告"


def test_suffix_lookup_reads_plugin_records(plugins: Path) -> None:
    with pytest.warns(registry.PluginWarning) as caught:
        assert registry.format_for_path("x.DEMO") == "demo"
    assert sorted(str(w.message).split("'")[1] for w in caught) == ["broken", "wrong"]


def test_broken_plugin_is_named_and_breaks_nothing_else(plugins: Path) -> None:
    with pytest.raises(fr.PluginError, match=r"'broken'.*no_such_module_anywhere"):
        fr.render(fr.parse(REPORT), "broken")
    with pytest.raises(fr.PluginError, match=r"'wrong'.*not a Format"):
        registry.get_format("wrong")
    assert fr.render(fr.parse(REPORT), "demo")
    with pytest.raises(
        fr.UnknownFormatError, match=r"'nothing'.*broken, demo, docx, html, json, markdown"
    ):
        fr.render(fr.parse(REPORT), "nothing")
    with pytest.warns(registry.PluginWarning):
        names = [f.name for f in fr.formats()]
    assert names == ["demo", "docx", "html", "json", "markdown", "outline", "pdf", "text"]


def test_bad_lazy_target_is_a_plugin_error() -> None:
    fr.register_format(fr.Format("ghost", renderer="fazhi_report.nowhere:Renderer"))
    try:
        with pytest.raises(fr.PluginError, match=r"'ghost'.*fazhi_report.nowhere"):
            fr.render(fr.Report(), "ghost")
        with pytest.raises(fr.UnknownFormatError, match="can be written but not read"):
            fr.parse("x", format="ghost")
    finally:
        registry._FORMATS.pop("ghost")


def test_import_loads_no_format_code() -> None:
    code = textwrap.dedent(
        """
        import sys
        import fazhi_report
        heavy = ("docx", "lxml", "markdown_it", "opencc", "jinja2", "fazhi_report.renderers.text")
        print(sorted(m for m in sys.modules if m.split(".")[0] in heavy or m in heavy))
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_parse_of_a_path_like_reads_the_file(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    assert fr.parse(path) == fr.parse(REPORT)
    # a str is always text, even when it names a file
    assert fr.parse(str(path)).title is None


def test_renderer_with_open_options_takes_any() -> None:
    class Open(fr.Renderer):
        def render(self, report: fr.Report, *, style: str, **options: Any) -> str:
            return ",".join(sorted(options))

    fr.register_format(fr.Format("open", renderer=Open()))
    try:
        assert fr.render(fr.Report(), "open", b=1, a=2) == "a,b"
    finally:
        registry._FORMATS.pop("open")
        registry._RENDERERS.pop("open", None)


def test_format_records_check_their_fields() -> None:
    with pytest.raises(TypeError, match="tuple of suffixes"):
        fr.Format("x", suffixes=".csv")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not a file suffix"):
        fr.Format("x", suffixes=(".tar.gz",))
    with pytest.raises(TypeError):
        fr.Format("x", magic="PK")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="module:attr"):
        fr.Format("x", renderer="just_a_module")


def test_a_renderer_must_agree_with_its_format(tmp_path: Path) -> None:
    class Liar(fr.Renderer):
        def render(self, report: fr.Report, *, style: str) -> str:
            return "text"

    class Failing(fr.Renderer):
        def __init__(self) -> None:
            raise RuntimeError("no licence")

    fr.register_format(fr.Format("liar", renderer=Liar(), binary=True))
    fr.register_format(fr.Format("failing", renderer=Failing))
    try:
        with pytest.raises(fr.PluginError, match="binary"):
            fr.render(fr.Report(), "liar")
        with pytest.raises(fr.PluginError, match="no licence"):
            fr.render(fr.Report(), "failing")
        with pytest.warns(registry.PluginWarning) as caught:
            assert "text" in [f.name for f in fr.formats()]
        assert any("no licence" in str(w.message) for w in caught)
        with pytest.raises(fr.OptionError, match="binary"):
            fr.save(fr.Report(), tmp_path / "x.bin", "liar", encoding="utf-8")
    finally:
        for name in ("liar", "failing"):
            registry._FORMATS.pop(name)
            registry._RENDERERS.pop(name, None)


def test_utf16_text_loads_no_plugin(plugins: Path) -> None:
    assert fr.parse(REPORT.encode("utf-16")) == fr.parse(REPORT)
    assert "demo_plugin" not in sys.modules
