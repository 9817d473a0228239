"""Templates: the official text style is a shipped template a user can override or sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest

import fazhi_report as fr

REPORT = (
    "溪口镇人民政府2024年法治政府建设情况报告\n一、主要举措和成效\n（一）完善制度。一是修订规则。\n"
)


def test_user_template_overrides_one_macro_file(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    shipped = (Path(fr.__file__).parent / "templates" / "text" / "macros.j2").read_text("utf-8")
    # indent paragraphs with four spaces instead of two U+3000, leave official.j2 as shipped
    (tmp_path / "text" / "macros.j2").write_text(
        shipped.replace("{{ indent }}", '{{ "    " }}'), "utf-8"
    )
    out = fr.render(fr.parse(REPORT), "text", style="official", templates=tmp_path)
    assert "    一、主要举措和成效\n" in out
    assert out.startswith("溪口镇人民政府2024年法治政府建设情况报告\n\n")


def test_sandbox_refuses_unsafe_templates(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "official.j2").write_text(
        "{{ report.__class__.__init__.__globals__ }}", "utf-8"
    )
    with pytest.raises(fr.TemplateError, match=r"official\.j2"):
        fr.render(fr.parse(REPORT), "text", style="official", templates=tmp_path, sandboxed=True)


def test_template_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "official.j2").write_text("first line\n{% if %}\n", "utf-8")
    with pytest.raises(fr.TemplateError) as caught:
        fr.render(fr.Report(), "text", style="official", templates=tmp_path)
    assert caught.value.line == 2
    assert "official.j2" in str(caught.value)


def test_template_using_an_unknown_name_fails_clearly(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "official.j2").write_text("{{ no_such_thing }}", "utf-8")
    with pytest.raises(fr.TemplateError, match="no_such_thing"):
        fr.render(fr.Report(), "text", style="official", templates=tmp_path)
