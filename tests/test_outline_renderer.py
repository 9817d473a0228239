"""The outline format: what `fazhi-report inspect` prints, as a renderer of the format table."""

from __future__ import annotations

import pytest
from hypothesis import given

import fazhi_report as fr
from fazhi_report import registry
from fazhi_report.cli import main

from .conftest import EXAMPLES
from .strategies import reports

SAMPLE = EXAMPLES / "sample_report.txt"


def test_inspect_prints_the_outline_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(SAMPLE)]) == 0
    printed = capsys.readouterr().out
    assert printed == fr.render(fr.load(SAMPLE), "outline")
    assert printed.startswith(
        "title: 青禾县公安局2025年法治政府建设情况报告\norgan: 青禾县公安局\n"
    )
    assert main(["convert", str(SAMPLE), "-", "--to", "outline"]) == 0
    assert capsys.readouterr().out == printed


@given(reports())
def test_one_line_per_entry(report: fr.Report) -> None:
    lines = fr.render(report, "outline").split("\n")
    assert lines.pop() == ""  # every line ends in a line feed, the last too
    sections = report.walk()
    points = sum(len(s.points) for s in sections)
    extra = sum(
        value is not None for value in (report.addressee, report.page.published, report.page.source)
    )
    assert len(lines) == 3 + extra + 2 + len(sections) + points + 2
    assert lines[-1].startswith("signature: ")


def test_the_outline_is_written_only(capsys: pytest.CaptureFixture[str]) -> None:
    info = next(f for f in fr.formats() if f.name == "outline")
    assert (info.can_read, info.can_write, info.binary, info.suffixes) == (
        False,
        True,
        False,
        (),
    )
    assert info.styles == ("default",)
    with pytest.raises(fr.UnknownFormatError, match="written but not read"):
        fr.parse("一、主要举措和成效\n", format="outline")
    assert main(["formats"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("outline"))
    assert line.split()[:5] == ["outline", "-", "-w", "text", "default"]


def test_declared_styles_are_the_renderers() -> None:
    # the table declares each built-in format's styles, so listing them imports no renderer
    for name in ("text", "docx", "json", "markdown", "html", "outline"):
        fmt = registry.get_format(name)
        assert fmt.styles and fmt.styles == registry.get_renderer(name).styles, name


def test_a_format_whose_styles_disagree_with_its_renderer_is_refused() -> None:
    from fazhi_report.renderers.outline import OutlineRenderer

    registry.register_format(fr.Format("twisted", renderer=OutlineRenderer, styles=("other",)))
    try:
        assert "twisted" in [f.name for f in fr.formats()]  # listed from the record alone
        with pytest.raises(fr.PluginError, match="declares the styles"):
            fr.render(fr.Report(), "twisted")
    finally:
        registry._FORMATS.pop("twisted")
    with pytest.raises(TypeError, match="styles"):
        fr.Format("x", styles="official")  # type: ignore[arg-type]
