"""Templates: the official text style is a shipped template a user can override or sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest

import fazhi_report as fr
from fazhi_report.renderers import isolation

from .conftest import EXAMPLES

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


# ---------------------------------------------------------------- hostile templates


def _official(tmp_path: Path, body: str, *, sandboxed: bool = True) -> str:
    (tmp_path / "text").mkdir(exist_ok=True)
    (tmp_path / "text" / "official.j2").write_text(body, "utf-8")
    report = fr.parse(REPORT)
    return fr.render(report, "text", style="official", templates=tmp_path, sandboxed=sandboxed)


@pytest.mark.parametrize(
    "body",
    [
        "{{ report.sections.clear() }}",
        "{{ report.sections.append('x') }}",
        "{{ report.sections[0].body.pop() }}",
        "{{ report.sections.sort() }}",
        "{{ report.page.__setattr__('source', 'x') }}",
        "{{ report.renumber() }}",
        "{{ report.sections[0].renumber() }}",
    ],
)
def test_sandbox_cannot_change_the_report(tmp_path: Path, body: str) -> None:
    report = fr.parse(REPORT)
    before = fr.to_json(report, layout=True)
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "official.j2").write_text(body, "utf-8")
    with pytest.raises(fr.TemplateError, match=r"official\.j2"):
        fr.render(report, "text", style="official", templates=tmp_path, sandboxed=True)
    assert fr.to_json(report, layout=True) == before


def test_sandbox_allows_reading_the_report(tmp_path: Path) -> None:
    out = _official(
        tmp_path, "{% for s in report.walk() %}{{ s|marker }}{{ s.heading }};{% endfor %}"
    )
    assert out == "一、主要举措和成效;（一）完善制度;"


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("ok\n{{ 1/0 }}", 2),
        ("{% for i in range(200000) %}{% endfor %}", 1),
        ("{% macro f() %}{{ f() }}{% endmacro %}\n\n{{ f() }}", None),
        ("{{ 'a' * 10**10 }}", 1),
        ("{{ 10 ** 100000 }}", 1),
        ("{{ [1] * 10**9 }}", 1),
        ("{{ 'a'|center(10**9) }}", 1),
        ("{{ 'a'.ljust(10**9) }}", 1),
        ("{{ '%999999999s'|format('a') }}", 1),
        ("{{ '%999999999s' % 'a' }}", 1),
        ("{{ '%*s' % (999999999, 'a') }}", 1),
        # the whole output is over the bound, not one line
        ("{% for i in range(100000) %}{{ 'x' * 200 }}{% endfor %}", None),
    ],
)
def test_hostile_templates_are_template_errors(tmp_path: Path, body: str, line: int | None) -> None:
    with pytest.raises(fr.TemplateError, match=r"official\.j2") as caught:
        _official(tmp_path, body)
    if line is not None:
        assert caught.value.line == line


def test_failures_outside_the_sandbox_are_template_errors_too(tmp_path: Path) -> None:
    with pytest.raises(fr.TemplateError, match="ZeroDivisionError") as caught:
        _official(tmp_path, "\n\n{{ 1/0 }}", sandboxed=False)
    assert caught.value.line == 3


def test_template_folder_must_be_a_folder(tmp_path: Path) -> None:
    report = fr.parse(REPORT)
    with pytest.raises(fr.TemplateError, match="does not exist"):
        fr.render(report, "text", style="official", templates=tmp_path / "missing")
    a_file = tmp_path / "file.j2"
    a_file.write_text("x", "utf-8")
    with pytest.raises(fr.TemplateError, match="not a folder"):
        fr.render(report, "text", style="official", templates=a_file)


def test_templates_for_a_style_without_templates_is_refused(tmp_path: Path) -> None:
    with pytest.raises(fr.OptionError, match="lossless"):
        fr.render(fr.parse(REPORT), "text", style="lossless", templates=tmp_path)
    with pytest.raises(fr.OptionError, match="json"):
        fr.render(fr.parse(REPORT), "json", templates=tmp_path)


def test_autoescape_follows_the_template_name(tmp_path: Path) -> None:
    from fazhi_report.renderers.templating import environment, render_template

    (tmp_path / "page.html").write_text("<p>{{ text }}</p>", "utf-8")
    (tmp_path / "page.html.j2").write_text("<p>{{ text }}</p>", "utf-8")
    (tmp_path / "page.j2").write_text("{{ text }}", "utf-8")
    env = environment(tmp_path)
    hostile = {"text": "<script>alert(1)</script>{{ x }}"}
    assert render_template(env, "page.html", hostile) == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;{{ x }}</p>"
    )
    assert render_template(env, "page.html.j2", hostile).startswith("<p>&lt;script&gt;")
    assert render_template(env, "page.j2", hostile) == hostile["text"]


def test_inline_macros_serve_python_renderers() -> None:
    from fazhi_report.renderers.templating import environment, inline_macros

    report = fr.load(EXAMPLES / "sample_report.txt")
    macros = inline_macros(environment())
    lines = fr.render(report, "text", style="official").splitlines()
    for paragraph in report.paragraphs:
        if paragraph.layout is not None and paragraph.layout.inline:
            continue  # the text of a run-in heading's paragraph follows its heading
        assert "\u3000\u3000" + str(macros.paragraph_text(paragraph)) in lines
    for section in report.walk():
        assert "\u3000\u3000" + str(macros.section_lead(section)) in lines


# ----------------------------------------------------- the sandbox's process bounds

needs_fork = pytest.mark.skipif(
    not isolation.can_isolate(), reason="this system cannot fork a bounded child process"
)


@needs_fork
@pytest.mark.parametrize(
    "body",
    [
        '{% set a = "{:>900000000}".format(1) %}{{ a|length }}',
        '{% set s = "x" * 9999999 %}' + "{% set s = s ~ s %}" * 7 + "{{ s|length }}",
        "{{ ([[0] * 9999999] * 80)|sum(start=[])|length }}",
    ],
)
def test_sandbox_bounds_memory(tmp_path: Path, body: str) -> None:
    with pytest.raises(fr.TemplateError):
        _official(tmp_path, body)


@needs_fork
def test_sandbox_bounds_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(isolation, "SANDBOX_SECONDS", 1)
    body = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    with pytest.raises(fr.TemplateError, match="stopped"):
        _official(tmp_path, body)


@needs_fork
def test_sandboxed_renders_keep_no_state(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "state.j2").write_text('{% set ns = namespace(prev="none") %}', "utf-8")
    body = '{% import "text/state.j2" as s %}{% set n = s.ns %}{{ n.prev }}{% set n.prev = report.title %}'
    assert _official(tmp_path, body) == "none"
    assert _official(tmp_path, body) == "none"


def test_sandbox_refuses_links_out_of_the_folder(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("private", "utf-8")
    folder = tmp_path / "templates"
    (folder / "text").mkdir(parents=True)
    (folder / "text" / "leak.j2").symlink_to(secret)
    (folder / "text" / "official.j2").write_text('{% include "text/leak.j2" %}', "utf-8")
    report = fr.parse(REPORT)
    with pytest.raises(fr.TemplateError, match="not found"):
        fr.render(report, "text", style="official", templates=folder, sandboxed=True)
    # outside the sandbox the folder is trusted, links and all
    assert fr.render(report, "text", style="official", templates=folder) == "private"


def test_a_file_added_to_the_folder_overrides_at_once(tmp_path: Path) -> None:
    report = fr.parse(REPORT)
    shipped = fr.render(report, "text", style="official", templates=tmp_path)
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "official.j2").write_text("mine", "utf-8")
    assert shipped != "mine"
    assert fr.render(report, "text", style="official", templates=tmp_path) == "mine"


def test_environment_filters_work_in_the_sandbox(tmp_path: Path) -> None:
    out = _official(
        tmp_path, '{{ "hello world"|wordwrap(5) }}|{{ "abcdefghijklmnopqrstuvwxyz"|truncate(9) }}'
    )
    assert out == "hello\nworld|abcdef..."
