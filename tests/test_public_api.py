"""What `import fazhi_report` loads and offers: a small `__all__`, every old name still there."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

import fazhi_report as fr

# Names `from fazhi_report import X` gave before `__all__` was trimmed: each still works.
OLD_NAMES = [
    "Block",
    "DataError",
    "DecodeError",
    "EmptyInputError",
    "EncodeError",
    "FazhiReportError",
    "FazhiReportWarning",
    "FieldError",
    "FileError",
    "Format",
    "FormatInfo",
    "OptionError",
    "PageInfo",
    "Paragraph",
    "ParseFailure",
    "PluginError",
    "Point",
    "Problem",
    "Renderer",
    "Report",
    "Section",
    "SectionRole",
    "Signature",
    "Table",
    "TemplateError",
    "UnknownFormatError",
    "UnknownStyleError",
    "__version__",
    "batch",
    "check",
    "compare",
    "configure_converter",
    "detach",
    "ensure_valid",
    "formats",
    "from_dict",
    "from_json",
    "infer_roles",
    "json_schema",
    "load",
    "make_converter",
    "parse",
    "parse_many",
    "register_format",
    "render",
    "save",
    "strip_layout",
    "to_dict",
    "to_json",
    "to_rows",
    "validate",
]

# Module prefixes `import fazhi_report` must not load: reading, writing and analysing
# happen on first use, so a script that only builds or converts reports starts fast.
HEAVY = (
    "fazhi_report.parsers",
    "fazhi_report.renderers",
    "fazhi_report.analysis",
    "fazhi_report.batch",
    "fazhi_report.edit",
    "fazhi_report.rows",
    "fazhi_report.validation",
    "fazhi_report.roundtrip",
    "fazhi_report.draft",
)


def _loaded_after(code: str) -> list[str]:
    """The fazhi_report modules a fresh interpreter has loaded after running ``code``."""
    probe = (
        f"{code}\nimport json, sys\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('fazhi_report'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    loaded: list[str] = json.loads(out.splitlines()[-1])
    return loaded


def test_import_loads_no_parser_renderer_or_analysis() -> None:
    loaded = _loaded_after("import fazhi_report")
    heavy = [m for m in loaded if m.startswith(HEAVY)]
    assert heavy == [], heavy


def test_lazy_name_loads_its_module_on_first_use() -> None:
    loaded = _loaded_after("import fazhi_report as fr; fr.parse_many")
    assert "fazhi_report.batch" in loaded


def test_new_report_loads_the_draft_module_on_first_use() -> None:
    loaded = _loaded_after("import fazhi_report as fr; fr.new_report")
    assert "fazhi_report.draft" in loaded
    assert "new_report" in fr.__all__
    assert fr.new_report.__module__ == "fazhi_report.draft"


def test_all_is_short_and_every_name_in_it_exists() -> None:
    assert len(fr.__all__) <= 35
    assert len(set(fr.__all__)) == len(fr.__all__)
    for name in fr.__all__:
        assert getattr(fr, name) is not None, name


@pytest.mark.parametrize("name", OLD_NAMES)
def test_every_old_top_level_name_still_imports(name: str) -> None:
    namespace: dict[str, object] = {}
    exec(f"from fazhi_report import {name}", namespace)
    assert namespace[name] is getattr(fr, name)
    assert name in dir(fr)


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        fr.no_such_name  # noqa: B018


def test_figures_and_references_are_functions_of_the_api() -> None:
    report = fr.parse(
        "某县2024年法治政府建设情况报告\n一、主要举措和成效\n（一）完善制度。依据《行政处罚法》，全年查处案件821起。\n"
    )
    assert [f.text for f in fr.figures(report)] == ["821起"]
    assert [r.title for r in fr.references(report)] == ["行政处罚法"]


@pytest.mark.parametrize("renderer", ["text", "markdown", "html", "docx", "json"])
def test_a_renderer_loads_no_parser(renderer: str) -> None:
    # the round-trip check lives above both (fazhi_report.roundtrip), run by fr.render
    loaded = _loaded_after(f"import fazhi_report.renderers.{renderer}")
    assert [
        m for m in loaded if m.startswith(("fazhi_report.parsers", "fazhi_report.roundtrip"))
    ] == []


def test_render_still_refuses_what_would_not_read_back() -> None:
    bad = fr.Report(sections=[fr.Section(1, 1, "情况。说明")])
    for fmt in ("text", "markdown", "html", "docx"):
        with pytest.raises(fr.DataError, match="heading"):
            fr.render(bad, fmt)
    assert fr.render(bad, "json")  # JSON carries any report


def test_bad_input_errors_are_value_errors() -> None:
    with pytest.raises(ValueError):
        fr.parse(b"")
    assert issubclass(fr.DecodeError, ValueError)
    assert issubclass(fr.EmptyInputError, ValueError)


# Documented under another name: the facade's functions are the API index (`::: fazhi_report`),
# and `validation` is the old name of `roundtrip`.
_DOCUMENTED_AS = {"api": "fazhi_report", "validation": "fazhi_report.roundtrip"}


def test_every_public_module_has_an_api_page() -> None:
    from pathlib import Path

    package = Path(fr.__file__).parent
    docs = package.parents[1] / "docs" / "api"
    if not docs.is_dir():
        pytest.skip("the docs folder is not beside the package (an installed wheel)")
    written = "\n".join(page.read_text("utf-8") for page in docs.glob("*.md"))
    modules = sorted(
        path.stem if path.suffix == ".py" else path.name
        for path in package.iterdir()
        if not path.name.startswith("_")
        and (path.suffix == ".py" or (path / "__init__.py").is_file())
    )
    assert len(modules) > 20
    # the module's own page, or its submodules' (the renderers are documented one by one)
    missing = [
        name
        for name in modules
        if not re.search(
            rf"^::: {re.escape(_DOCUMENTED_AS.get(name, f'fazhi_report.{name}'))}(\.|$)",
            written,
            re.MULTILINE,
        )
    ]
    assert missing == []
