"""The reader contract: readers give lines and declared facts, one path builds the report.

A reader turns a document into `ReaderOutput` (lines, encoding, page lines, declared facts);
`fazhi_report.parsers.read` runs it and the one builder, with house hints when given; the
format table says which formats are read as lines (and so take ``templates=``). The data path
of ``fr.load`` walks down the layers: no parser module imports a renderer or the house-style
compiler above them.
"""

from __future__ import annotations

import ast
import gc
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import fazhi_report as fr
from fazhi_report import registry
from fazhi_report.parsers import (
    DeclaredFacts,
    Line,
    ReaderOutput,
    _gc,
    build_report,
    read,
    split_text,
)
from fazhi_report.parsers import builder as builder_module
from fazhi_report.parsers.text import read_text

from .conftest import EXAMPLES
from .strategies import reports

PACKAGE = Path(fr.__file__).parent
SAMPLE = EXAMPLES / "sample_report.txt"
HOUSE = EXAMPLES / "house_style"
# What the parsers may import of the package: the layers below them, and one another.
BELOW_PARSERS = (
    "fazhi_report._cues",
    "fazhi_report._ooxml",
    "fazhi_report.decoding",
    "fazhi_report.errors",
    "fazhi_report.layout",
    "fazhi_report.model",
    "fazhi_report.numbering",
    "fazhi_report.parsers",
)


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    """Every module of the package ``path`` imports, at any depth (in functions too)."""
    package = "fazhi_report." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
    if path.name == "__init__.py":
        package = package.rsplit(".", 1)[0] + ".__init__"
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from the module's package
                base = package.rsplit(".", node.level)[0]
                name = f"{base}.{node.module}" if node.module else base
            else:
                name = node.module or ""
            yield node.lineno, name
            for alias in node.names:  # "from fazhi_report import house" names a module
                yield node.lineno, f"{name}.{alias.name}"


def test_the_parsers_import_only_the_layers_below_them() -> None:
    climbing = [
        f"{path.relative_to(PACKAGE)}:{line} imports {name}"
        for path in sorted((PACKAGE / "parsers").rglob("*.py"))
        for line, name in _imports(path)
        if name.startswith("fazhi_report")
        and not name.startswith(BELOW_PARSERS)
        # "from fazhi_report import _cues" names the package, then the module
        and name != "fazhi_report"
    ]
    assert climbing == []


def test_the_house_compiler_sits_above_parsers_and_renderers() -> None:
    names = {name for _, name in _imports(PACKAGE / "house.py")}
    assert any(name.startswith("fazhi_report.parsers") for name in names)
    assert any(name.startswith("fazhi_report.renderers") for name in names)
    assert not any(name.startswith(("fazhi_report.api", "fazhi_report.registry")) for name in names)


_LOAD = """
import json, sys
import fazhi_report as fr
before = set(sys.modules)
fr.load(sys.argv[1], **json.loads(sys.argv[2]))
print(json.dumps(sorted(set(sys.modules) - before)))
"""


def _loaded_by(path: Path, **options: object) -> list[str]:
    """The modules ``fr.load(path, **options)`` imports, in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", _LOAD, str(path), json.dumps(options)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    modules: list[str] = json.loads(done.stdout)
    return modules


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("formats")
    report = fr.load(SAMPLE)
    found = {}
    for fmt in ("text", "docx", "markdown", "html"):
        found[fmt] = folder / ("report" + registry.get_format(fmt).suffixes[0])
        style = "official" if fmt == "text" else None
        fr.save(report, found[fmt], fmt, style=style, templates=HOUSE)
    return found


@pytest.mark.parametrize("fmt", ["text", "docx", "markdown", "html"])
def test_loading_walks_down_the_layers(documents: dict[str, Path], fmt: str) -> None:
    loaded = _loaded_by(documents[fmt])
    assert f"fazhi_report.parsers.{fmt}" in loaded or fmt == "html"
    # no renderer, no template engine, no house style, no analysis: reading only reads
    assert not [m for m in loaded if m.startswith("fazhi_report.renderers")]
    assert not [m for m in loaded if m.split(".")[0] == "jinja2"]
    assert "fazhi_report.house" not in loaded
    assert not [m for m in loaded if m.startswith("fazhi_report.analysis")]
    # with a house style the compiler comes in, above both, and runs the templates
    with_house = _loaded_by(documents[fmt], templates=str(HOUSE))
    assert "fazhi_report.house" in with_house and "jinja2" in with_house


# ------------------------------------------------------------------------ the contract


def _sample_lines() -> list[Line]:
    return split_text(SAMPLE.read_text("utf-8"))


def test_declared_facts_win_inside_the_builder() -> None:
    plain = build_report(_sample_lines())
    assert plain.organ == "青禾县公安局" and plain.year == 2025
    roles = tuple(fr.SectionRole.OTHER for _ in plain.sections)
    facts = DeclaredFacts(organ="某市司法局", year=1999, roles=roles)
    declared = build_report(_sample_lines(), facts=facts)
    assert (declared.organ, declared.year) == ("某市司法局", 1999)
    assert [s.role for s in declared.sections] == list(roles)
    assert declared.sections[0].subsections == plain.sections[0].subsections  # nothing else


def test_declared_roles_name_their_sections_or_none() -> None:
    plain = build_report(_sample_lines())
    # one role too few: the document and the report disagree, so the builder's stand
    short = DeclaredFacts(roles=(fr.SectionRole.OTHER,) * (len(plain.sections) - 1))
    assert build_report(_sample_lines(), facts=short) == plain
    # every section, depth first
    walk = DeclaredFacts(roles=(None,) * len(plain.walk()), roles_of="walk")
    assert all(s.role is None for s in build_report(_sample_lines(), facts=walk).walk())


@given(reports(), st.text("某县市区公安司法局", min_size=2, max_size=8), st.integers(0, 9999))
def test_declared_organ_and_year_change_nothing_else(
    report: fr.Report, organ: str, year: int
) -> None:
    text = fr.render(report, "text", style="official")
    plain = build_report(split_text(text))
    declared = build_report(split_text(text), facts=DeclaredFacts(organ=organ, year=year))
    assert (declared.organ, declared.year) == (organ, year)
    declared.organ, declared.year = plain.organ, plain.year
    assert declared == plain


def test_read_runs_a_reader_then_the_builder_once() -> None:
    calls: list[str] = []

    def reader(data: str | bytes, *, source: str) -> ReaderOutput:
        calls.append(source)
        assert isinstance(data, str)
        page = [Line("", "发布日期：2025-02-03", "\n", 0)]
        return ReaderOutput(split_text(data), encoding="gb18030", page=page)

    report = read(reader, SAMPLE.read_text("utf-8"), source="sample")
    assert calls == ["sample"]
    assert report.page.published is not None and report.page.published.year == 2025
    assert report.layout is not None and report.layout.encoding == "gb18030"
    assert report.sections == fr.load(SAMPLE).sections
    assert read(read_text, SAMPLE.read_bytes(), source="s") == fr.load(SAMPLE)


# --------------------------------------------------------------------- the format table


@pytest.fixture
def tagged() -> Iterator[str]:
    """A format read as lines, registered for one test: every line a paragraph."""

    def read_lines(data: str | bytes, **_: object) -> ReaderOutput:
        # takes any keyword: whether a reader reads house styles is no longer read from its
        # signature (it once was, and this one has no templates= in it)
        text = data if isinstance(data, str) else data.decode("utf-8")
        return ReaderOutput(split_text(text))

    fr.register_format(fr.Format("paragraphs", suffixes=(".para",), reader=read_lines))
    yield "paragraphs"
    registry._FORMATS.pop("paragraphs")
    registry._READERS.pop("paragraphs", None)


def test_formats_read_as_lines_take_house_styles(tagged: str) -> None:
    assert registry.reader_formats() == ["docx", "html", "markdown", "paragraphs", "pdf", "text"]
    report = fr.load(SAMPLE)
    text = fr.render(report, "text", style="official", templates=HOUSE)
    assert fr.parse(text, tagged, templates=HOUSE) == fr.parse(text, templates=HOUSE) == report
    assert fr.parse(text, tagged) != report  # the house markers stay in the headings


def test_the_formats_that_take_templates_come_from_the_table(tagged: str) -> None:
    with pytest.raises(fr.OptionError) as caught:
        fr.parse("{}", "json", templates=HOUSE)
    message = str(caught.value)
    assert "'json' is read whole by its parser" in message
    assert "read as lines: docx, html, markdown, paragraphs, pdf, text" in message


def test_a_format_has_a_reader_or_a_parser() -> None:
    with pytest.raises(ValueError, match="both a reader and a parser"):
        fr.Format("both", reader=read_text, parser=fr.from_json)
    assert fr.Format("lines", reader="fazhi_report.parsers.text:read_text").can_read
    assert not fr.Format("written").can_read
    assert registry.get_reader("text") is read_text
    with pytest.raises(fr.UnknownFormatError, match="read whole by its parser, not as lines"):
        registry.get_reader("json")
    with pytest.raises(fr.UnknownFormatError, match="read as lines by its reader"):
        registry.get_parser("text")
    assert {f.name for f in fr.formats() if f.can_read} >= {"docx", "html", "json", "text"}


def test_a_reader_that_returns_a_report_is_told_to_be_a_parser() -> None:
    def parse_whole(data: str | bytes, *, source: str) -> fr.Report:
        return fr.Report()

    fr.register_format(fr.Format("whole", reader=parse_whole))  # type: ignore[arg-type]
    try:
        with pytest.raises(fr.PluginError, match="returned a Report, not a ReaderOutput"):
            fr.parse("一、举措\n", "whole")
    finally:
        registry._FORMATS.pop("whole")
        registry._READERS.pop("whole", None)


def test_a_plugins_whole_report_parser_keeps_working() -> None:
    def parse_box(data: str | bytes, *, source: str) -> fr.Report:
        return fr.from_json(data, source=source)

    fr.register_format(fr.Format("box", suffixes=(".box",), parser=parse_box))
    try:
        report = fr.load(SAMPLE)
        assert fr.parse(fr.to_json(report), "box") == report
        assert registry.can_read("box")
    finally:
        registry._FORMATS.pop("box")
        registry._PARSERS.pop("box", None)


# ------------------------------------------------------------------- the speed device


def _lines(n: int) -> list[Line]:
    return split_text("".join(f"第{k}行。\n" for k in range(n)))


def test_the_collector_is_paused_only_while_a_long_report_is_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[bool] = []
    classify = builder_module.classify

    def watching(lines: list[Line]) -> object:
        seen.append(gc.isenabled())
        return classify(lines)

    monkeypatch.setattr(builder_module, "classify", watching)
    monkeypatch.setattr(_gc, "PAUSE_LINES", 10)
    assert gc.isenabled()
    build_report(_lines(10))
    build_report(_lines(11))
    assert seen == [True, False] and gc.isenabled()

    def failing(lines: list[Line]) -> object:
        seen.append(gc.isenabled())
        raise RuntimeError("a pass failed")

    monkeypatch.setattr(builder_module, "classify", failing)
    with pytest.raises(RuntimeError):
        build_report(_lines(11))
    assert seen[-1] is False and gc.isenabled()  # resumed on error too


def test_the_pause_leaves_a_disabled_collector_disabled() -> None:
    gc.disable()
    try:
        _gc.paused_for(_gc.PAUSE_LINES + 1, lambda: None)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_parsers_package_loads_its_names_on_first_use() -> None:
    # the analyses import one pass (parsers.facts): the package must not load the whole
    # builder with it, so its own top level imports none of its modules
    import fazhi_report.parsers as parsers

    tree = ast.parse((PACKAGE / "parsers" / "__init__.py").read_text("utf-8"))
    eager = [
        node.module
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("fazhi_report")
    ]
    assert eager == []
    for name in parsers.__all__:
        assert getattr(parsers, name) is not None
    with pytest.raises(AttributeError):
        parsers.nothing_of_that_name  # noqa: B018
