"""Generated reports in generated house styles: rendering and reading back gives the same report."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fazhi_report as fr
from fazhi_report.house import house_style

from .strategies import report_like_text, reports
from .test_house import HOUSE, write_style

# Each house level draws brackets (no two house levels the same pair), marker words, a numeral
# and the spaces after the marker from these lists; a level may also stay official.
BRACKETS = (("【", "】"), ("〔", "〕"), ("[", "]"), ("〖", "〗"), ("", ""))
WORDS = (("", ""), ("第", "部分"), ("第", "章"), ("第", "节"), ("其", ""), ("第", "条"))
NUMERALS = {
    "chinese": "{{ numeral(s.number) }}",
    "arabic": "{{ s.number }}",
    "full-width": "{{ s.number|string"
    + "".join(f'|replace("{d}", "{chr(0xFF10 + d)}")' for d in range(10))
    + " }}",
}
GAPS = ("", "　", " ")
INDENTS = ("", "    ", "　　", "\t", "  ")
POINTS = (
    "{{ p|point_marker }}",
    "其{{ numeral(p.number) }}是",
    "{{ numeral(p.number) }}要",
    "第{{ numeral(p.number) }}，",
    "第{{ p.number }}点：",
    "（{{ numeral(p.number) }}是）",
)

Level = tuple[tuple[str, str], tuple[str, str], str, str] | None  # None: the official form


@st.composite
def house_levels(draw: st.DrawFn) -> tuple[Level, ...]:
    brackets = draw(st.permutations(BRACKETS))
    levels: list[Level] = []
    for level in range(4):
        if draw(st.booleans()):
            levels.append(None)
            continue
        pair = brackets[level]
        words = draw(st.sampled_from(WORDS))
        numeral = draw(st.sampled_from(sorted(NUMERALS)))
        gap = draw(st.sampled_from(GAPS))
        if not pair[1] and not words[1] and not gap:
            gap = " "  # a number needs something after it (a refusal tested elsewhere)
        levels.append((pair, words, numeral, gap))
    return tuple(levels)


def heading_macro(levels: tuple[Level, ...]) -> str:
    parts = []
    for k, found in enumerate(levels, start=1):
        if found is None:
            marker = "{{ s|marker }}"
        else:
            (open_, close), (before, after), numeral, gap = found
            marker = f"{open_}{before}{NUMERALS[numeral]}{after}{close}{gap}"
        parts.append(f"{'if' if k == 1 else 'elif'} s.level == {k} -%}}{marker}{{{{ s.heading }}}}")
    return "{%- " + "\n{%- ".join(parts) + "\n{%- endif -%}"


_FOLDERS: dict[tuple[tuple[Level, ...], str, str], Path] = {}


def style_folder(root: Path, levels: tuple[Level, ...], indent: str, point: str) -> Path:
    key = (levels, indent, point)
    if key not in _FOLDERS:
        folder = write_style(root / f"style{len(_FOLDERS)}", heading_macro(levels), indent)
        inline = folder / "official" / "inline.j2"
        inline.write_text(inline.read_text("utf-8").replace("{{ p|point_marker }}", point), "utf-8")
        _FOLDERS[key] = folder
    return _FOLDERS[key]


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("house_styles")


# Each example compiles a new template folder (Jinja compiles its templates, ~50 ms): half the
# profile's examples keep the suite quick; HYPOTHESIS_PROFILE=thorough still searches hard.
@settings(max_examples=max(50, settings.default.max_examples // 2))
@given(
    report=reports(deepest=4),
    levels=house_levels(),
    indent=st.sampled_from(INDENTS),
    point=st.sampled_from(POINTS),
)
def test_generated_reports_read_back_in_generated_house_styles(
    root: Path, report: fr.Report, levels: tuple[Level, ...], indent: str, point: str
) -> None:
    folder = style_folder(root, levels, indent, point)
    text = fr.render(report, "text", style="official", templates=folder)
    back = fr.parse(text, templates=folder)
    assert back == report
    assert fr.render(back, "text") == text


@given(levels=house_levels(), indent=st.sampled_from(INDENTS), point=st.sampled_from(POINTS))
def test_generated_house_styles_compile_to_what_they_write(
    root: Path, levels: tuple[Level, ...], indent: str, point: str
) -> None:
    style = house_style(style_folder(root, levels, indent, point))
    assert style.indent == indent
    numeral = "arabic" if "p.number }}点" in point else "chinese"
    assert style.point.write(3) == point.replace("{{ p|point_marker }}", "三是").replace(
        "{{ numeral(p.number) }}", "三"
    ).replace("{{ p.number }}", "3")
    assert style.point.numeral == numeral
    for form, found in zip(style.forms, levels, strict=True):
        if found is not None:
            (open_, close), (before, after), numeral, gap = found
            assert form.before == open_ + before
            assert form.after == after + close
            assert form.numeral == numeral
            assert form.gap == gap


HOUSE_FRAGMENTS = (
    "第一部分　",
    "第二部分",
    "【一】",
    "【二】",
    "【十一】",
    "第三点",
    "其一是",
    "    ",
)


@given(
    st.lists(
        st.one_of(st.sampled_from(HOUSE_FRAGMENTS), report_like_text), min_size=1, max_size=8
    ).map("".join)
)
def test_any_text_read_with_a_house_reader_renders_back_exactly(text: str) -> None:
    report = fr.parse(text, templates=HOUSE)
    assert fr.render(report, "text") == text
