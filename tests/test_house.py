"""House styles: text written with a user's templates reads back with the same folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import fazhi_report as fr
from fazhi_report.house import house_style

from .conftest import CORPUS, EXAMPLES, corpus_cases, needs_corpus

HOUSE = EXAMPLES / "house_style"
SAMPLES = sorted(EXAMPLES.glob("*.txt"))
SHIPPED = Path(fr.__file__).parent / "templates"
_HEADING_MACRO = re.compile(r"\{%- macro heading\(s\) -%\}.*?\{%- endmacro -%\}", re.S)


def write_style(folder: Path, heading_body: str, indent: str = "    ") -> Path:
    """A template folder: the example's inline macros with ``heading`` replaced, and ``indent``."""
    (folder / "official").mkdir(parents=True, exist_ok=True)
    (folder / "text").mkdir(exist_ok=True)
    inline = (HOUSE / "official" / "inline.j2").read_text("utf-8")
    macro = "{%- macro heading(s) -%}" + heading_body + "{%- endmacro -%}"
    (folder / "official" / "inline.j2").write_text(
        _HEADING_MACRO.sub(lambda _: macro, inline), "utf-8"
    )
    shipped = (SHIPPED / "text" / "macros.j2").read_text("utf-8")
    (folder / "text" / "macros.j2").write_text(
        shipped.replace('{%- set indent = "　　" -%}', "{%- set indent = " + repr(indent) + " -%}"),
        "utf-8",
    )
    return folder


def house_text(report: fr.Report, folder: Path = HOUSE) -> str:
    return fr.render(report, "text", style="official", templates=folder)


# ------------------------------------------------------------------ the example house style


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_example_style_reads_back(path: Path) -> None:
    report = fr.load(path)
    text = house_text(report)
    assert "第一部分　" in text and "\n    " in text
    back = fr.parse(text, templates=HOUSE)
    assert back == report
    # read with the house reader, the text is as lossless as any other
    assert fr.render(back, "text") == text


def test_example_style_keeps_the_markers_as_written() -> None:
    report = fr.load(EXAMPLES / "sample_report.txt")
    back = fr.parse(house_text(report), templates=HOUSE)
    first, second = back.sections[0], back.sections[0].subsections[1]
    assert (first.level, first.number, first.heading) == (1, 1, report.sections[0].heading)
    assert first.layout is not None and first.layout.marker == "第一部分"
    assert first.layout.gap == "　"
    assert second.layout is not None and second.layout.marker == "【二】"


def test_official_text_reads_the_same_with_the_house_reader() -> None:
    for path in SAMPLES:
        text = path.read_text("utf-8")
        assert fr.parse(text, templates=HOUSE) == fr.parse(text)
        official = fr.render(fr.parse(text), "text", style="official")
        assert fr.parse(official, templates=HOUSE) == fr.parse(official)


def test_the_default_reader_does_not_know_the_house_markers() -> None:
    # what the templates= reader adds: without it, 第一部分 is no heading
    report = fr.load(EXAMPLES / "sample_report.txt")
    assert fr.parse(house_text(report)) != report


def test_load_and_bytes_take_templates(tmp_path: Path) -> None:
    report = fr.load(EXAMPLES / "sample_report.txt")
    path = tmp_path / "house.txt"
    path.write_bytes(house_text(report).encode("gb18030"))
    assert fr.load(path, templates=HOUSE) == report
    assert fr.load(path, templates=HOUSE).layout.encoding == "gb18030"  # type: ignore[union-attr]
    assert fr.parse(path, templates=str(HOUSE)) == report
    assert fr.parse(path.read_bytes(), templates=HOUSE) == report


def test_templates_is_for_readers_that_take_it() -> None:
    with pytest.raises(fr.OptionError, match="json"):
        fr.parse("{}", "json", templates=HOUSE)


def test_the_reader_is_built_once_per_folder_and_again_after_a_change(tmp_path: Path) -> None:
    folder = write_style(
        tmp_path / "s",
        "{% if s.level == 1 %}【{{ s.number }}】{% else %}{{ s|marker }}{% endif %}{{ s.heading }}",
    )
    first = house_style(folder)
    assert house_style(str(folder)) is first
    inline = folder / "official" / "inline.j2"
    inline.write_text(inline.read_text("utf-8").replace("【", "〔").replace("】", "〕"), "utf-8")
    second = house_style(folder)
    assert second is not first
    assert [f.before for f in second.forms] == ["〔", "（", "", "（"]


@needs_corpus
@pytest.mark.parametrize("case", corpus_cases() or [{"file": None}], ids=lambda c: str(c["file"]))
def test_corpus_reads_back_in_the_example_style(case: dict[str, str]) -> None:
    if case["file"] is None:
        pytest.skip("no corpus cases")
    report = fr.parse((CORPUS / case["file"]).read_bytes().decode("utf-8"))
    text = house_text(report)
    back = fr.parse(text, templates=HOUSE)
    assert back == report
    assert fr.render(back, "text") == text


# ------------------------------------------------------------------------------ refusals


def _refusal(tmp_path: Path, heading_body: str, indent: str = "    ") -> fr.TemplateError:
    folder = write_style(tmp_path / "style", heading_body, indent)
    with pytest.raises(fr.TemplateError) as caught:
        fr.parse("一、主要举措和成效\n", templates=folder)
    assert caught.value.source is not None
    return caught.value


def test_refuses_a_heading_that_drops_the_number(tmp_path: Path) -> None:
    error = _refusal(tmp_path, "{% if s.level == 1 %}第X部分　{% else %}{{ s|marker }}{% endif %}"
                     "{{ s.heading }}")  # fmt: skip
    assert "'heading'" in error.message and "drops the number" in error.message
    assert error.source is not None and error.source.endswith("inline.j2")


def test_refuses_a_heading_that_loops_over_its_characters(tmp_path: Path) -> None:
    error = _refusal(tmp_path, "{{ s|marker }}{% for c in s.heading %}{{ c }} {% endfor %}")
    assert "'heading'" in error.message and "mangles the heading text" in error.message


def test_refuses_a_heading_that_cuts_the_text(tmp_path: Path) -> None:
    error = _refusal(tmp_path, "{{ s|marker }}{{ s.heading[:4] }}")
    assert "mangles the heading text" in error.message


def test_refuses_two_levels_written_alike(tmp_path: Path) -> None:
    error = _refusal(
        tmp_path,
        "{% if s.level <= 2 %}【{{ s.number }}】{% else %}{{ s|marker }}{% endif %}{{ s.heading }}",
    )
    assert "written alike" in error.message and "level-2" in error.message


def test_refuses_a_house_level_that_reads_as_an_official_one(tmp_path: Path) -> None:
    # level 1 in the official level-2 form, level 2 left official: both read （一）
    error = _refusal(
        tmp_path,
        "{% if s.level == 1 %}（{{ numeral(s.number) }}）{% else %}{{ s|marker }}{% endif %}"
        "{{ s.heading }}",
    )
    assert "written alike" in error.message


def test_refuses_text_after_the_heading(tmp_path: Path) -> None:
    error = _refusal(tmp_path, "{{ s|marker }}{{ s.heading }}（完）")
    assert "after the text" in error.message


def test_refuses_a_numeral_it_cannot_read(tmp_path: Path) -> None:
    roman = "{{ ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII'][s.number % 8] }}"
    error = _refusal(tmp_path, f"第{roman}部分{{{{ s.heading }}}}")
    assert "numbers 7 and 38" in error.message


@pytest.mark.parametrize(
    "marker", ["{{ s.number }}", "其{{ s.number }}", "【{{ numeral(s.number) }}"]
)
def test_refuses_a_number_that_runs_into_the_heading(tmp_path: Path, marker: str) -> None:
    # 其7 + 2026年工作安排 would read as heading 72
    error = _refusal(tmp_path, marker + "{{ s.heading }}")
    assert "runs into" in error.message


def test_refuses_a_form_that_changes_with_the_number(tmp_path: Path) -> None:
    error = _refusal(
        tmp_path,
        "{% if s.number == 11 %}【11】{% else %}{{ s|marker }}{% endif %}{{ s.heading }}",
    )
    assert "heading 11 is written '【11】" in error.message
    assert error.expected == "one marker form for every number of a level"


def test_refuses_an_indent_that_is_not_spaces(tmp_path: Path) -> None:
    error = _refusal(tmp_path, "{{ s|marker }}{{ s.heading }}", indent="▶ ")
    assert "before a paragraph" in error.message
    assert error.source is not None and error.source.endswith("macros.j2")


def point_style(folder: Path, point_marker: str, stop: str = "{{ point_stop(p, last) }}") -> Path:
    """A style with official headings and ``point_marker`` (and ``stop``) for points."""
    write_style(folder, "{{ s|marker }}{{ s.heading }}")
    inline = folder / "official" / "inline.j2"
    text = inline.read_text("utf-8").replace("{{ p|point_marker }}", point_marker)
    inline.write_text(text.replace("{{ point_stop(p, last) }}", stop), "utf-8")
    return folder


@pytest.mark.parametrize(
    ("marker", "first"),
    [
        ("第{{ p.number }}点，", "第1点，"),
        ("其{{ numeral(p.number) }}是", "其一是"),
        ("（{{ numeral(p.number) }}是）", "（一是）"),
    ],
)
def test_house_point_markers_read_back(tmp_path: Path, marker: str, first: str) -> None:
    folder = point_style(tmp_path / "style", marker)
    report = fr.load(EXAMPLES / "sample_report.txt")
    text = house_text(report, folder)
    back = fr.parse(text, templates=folder)
    assert back == report
    assert fr.render(back, "text") == text
    assert len(back.points) == len(report.points) > 10
    assert back.points[0].layout is not None and back.points[0].layout.marker == first


@pytest.mark.parametrize(
    ("marker", "stop", "says"),
    [
        ("●", "{{ point_stop(p, last) }}", "drops the number"),
        ("{{ numeral(p.number) }}", "{{ point_stop(p, last) }}", "runs into"),
        # a paragraph opening with （1） would be a level-4 heading
        ("（{{ p.number }}）", "{{ point_stop(p, last) }}", "level-4 heading"),
        ("{{ p|point_marker }}", "——", "between a point's title and its text"),
    ],
)
def test_refuses_a_point_marker_it_cannot_read(
    tmp_path: Path, marker: str, stop: str, says: str
) -> None:
    folder = point_style(tmp_path / "style", marker, stop)
    with pytest.raises(fr.TemplateError, match="'point'") as caught:
        fr.parse("x\n", templates=folder)
    assert says in caught.value.message


def test_refuses_a_run_in_stop_it_cannot_read(tmp_path: Path) -> None:
    folder = write_style(tmp_path / "style", "{{ s|marker }}{{ s.heading }}")
    inline = folder / "official" / "inline.j2"
    inline.write_text(inline.read_text("utf-8").replace("{{ s|heading_stop }}", "——"), "utf-8")
    with pytest.raises(fr.TemplateError, match="'run_in_head'"):
        fr.parse("x\n", templates=folder)


def test_refuses_a_title_that_does_not_read_back(tmp_path: Path) -> None:
    folder = write_style(tmp_path / "style", "{{ s|marker }}{{ s.heading }}")
    official = (SHIPPED / "text" / "official.j2").read_text("utf-8")
    (folder / "text" / "official.j2").write_text(
        official.replace("{{ report.title }}", "★{{ report.title }}"), "utf-8"
    )
    with pytest.raises(fr.TemplateError, match="the title reads") as caught:
        fr.parse("x\n", templates=folder)
    assert caught.value.source is not None and caught.value.source.endswith("official.j2")


def test_refuses_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(fr.TemplateError, match="does not exist"):
        fr.parse("x\n", templates=tmp_path / "missing")


def test_a_refused_folder_is_tried_again_once_fixed(tmp_path: Path) -> None:
    folder = write_style(
        tmp_path / "style", "{{ s|marker }}{% for c in s.heading %}{{ c }}.{% endfor %}"
    )
    with pytest.raises(fr.TemplateError):
        house_style(folder)
    write_style(folder, "{{ s|marker }}{{ s.heading }}")
    assert (
        fr.parse("一、主要举措和成效\n", templates=folder).sections[0].heading == "主要举措和成效"
    )


@pytest.mark.parametrize("fmt", ["docx", "markdown", "html"])
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_other_formats_in_the_house_style_read_back(path: Path, fmt: str) -> None:
    report = fr.load(path)
    data = fr.render(report, fmt, templates=HOUSE)
    assert fr.parse(data, fmt, templates=HOUSE) == report
    # without the folder the levels come from Word styles, # or <h2>, but the house
    # markers stay in the heading text
    assert fr.parse(data, fmt) != report


def test_tables_read_back_in_the_house_style() -> None:
    report = fr.load(EXAMPLES / "sample_report.txt")
    report.sections[0].subsections[0].body.append(fr.Table(rows=[["项目", "数量"], ["培训", "9"]]))
    text = house_text(report)
    back = fr.parse(text, templates=HOUSE)
    assert back == report and len(back.tables) == 1
    assert fr.render(back, "text") == text


def test_a_table_row_opening_with_a_number_is_no_bare_number_heading(tmp_path: Path) -> None:
    # level 3 written "1 heading": a row "1<tab>…" is a table row, not heading 1
    folder = write_style(
        tmp_path / "style",
        "{% if s.level == 3 %}{{ s.number }} {% else %}{{ s|marker }}{% endif %}{{ s.heading }}",
    )
    table = fr.Table(rows=[["1", "行政复议"], ["2", "行政诉讼"]])
    sub = fr.Section(3, 1, "复议诉讼", body=[fr.Paragraph("办理案件九件。")])
    report = fr.Report(
        sections=[fr.Section(1, 1, "主要举措和成效", body=[table], subsections=[sub])]
    )
    fr.infer_roles(report)
    text = house_text(report, folder)
    assert "\n    1 复议诉讼\n" in text and "\n1\t行政复议\n" in text
    assert fr.parse(text, templates=folder) == report


def test_a_folder_that_overrides_nothing_reads_as_the_default_reader(tmp_path: Path) -> None:
    style = house_style(tmp_path)
    assert style.indent == "　　" and style.point.write(2) == "二是"
    for path in SAMPLES:
        text = path.read_text("utf-8")
        assert fr.parse(text, templates=tmp_path) == fr.parse(text)
