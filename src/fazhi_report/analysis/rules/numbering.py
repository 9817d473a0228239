"""The rules on numbering (FZ2xx): heading and 一是/二是 numbers, levels, marker styles."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from fazhi_report.analysis.records import JoinedText, Location, section_label
from fazhi_report.analysis.rules.registry import WARNING, Context, rule
from fazhi_report.model import Paragraph, Section
from fazhi_report.numbering import chinese_to_int, format_marker, format_point_marker

_FULL_BRACKETS = frozenset("（）")
_HALF_BRACKETS = frozenset("()")


def _where(section: Section, path: str, outer: str) -> Location:
    return Location(
        path, outer + section_label(section), section.layout.line if section.layout else None
    )


def _headings(
    context: Context,
) -> Iterator[tuple[str, Section, Section | None, str, Section | None]]:
    """Each section with its path, parent, ancestors' markers and previous sibling."""
    for at, outer in context.headings():
        yield at.path, at.section, at.parent, outer, at.previous


@rule(
    "FZ201",
    "section-numbering",
    group="numbering",
    severity=WARNING,
    summary="标题序号跳号或重复",
    summary_en="heading numbers skip or repeat",
)
def section_numbering(context: Context) -> None:
    """A heading number that does not follow its previous sibling's."""
    for here, section, _, outer, previous in _headings(context):
        expected = 1 if previous is None else previous.number + 1
        if section.number != expected:
            label = section_label(section)
            want = format_marker(section.level, expected)
            context.add(
                f"标题序号为{label}，应为{want}",
                f"heading {label} where {want} was expected",
                _where(section, here, outer),
            )


@rule(
    "FZ203",
    "level-jump",
    group="numbering",
    severity=WARNING,
    summary="标题层级跳级",
    summary_en="a heading skips a level",
)
def level_jump(context: Context) -> None:
    """A heading more than one level below its parent."""
    for here, section, parent, outer, _ in _headings(context):
        top = 1 if parent is None else parent.level + 1
        if section.level > top:
            label = section_label(section)
            parent_label = section_label(parent) if parent else "（正文）"
            context.add(
                f"标题{label}跳级：上级为{parent_label}",
                f"heading {label} skips a level (its parent is {parent_label or 'the body'})",
                _where(section, here, outer),
            )


@rule(
    "FZ204",
    "mixed-brackets",
    group="numbering",
    severity=WARNING,
    summary="同级标题括号全角半角混用",
    summary_en="full- and half-width brackets mixed in one heading level",
)
def mixed_brackets(context: Context) -> None:
    """Full- and half-width brackets in the markers of one level."""
    bracket_styles: dict[int, dict[str, Location]] = {2: {}, 4: {}}
    for here, section, _, outer, _ in _headings(context):
        marker = section.layout.marker if section.layout is not None else ""
        if section.level in bracket_styles and marker:
            full = not _FULL_BRACKETS.isdisjoint(marker)
            half = not _HALF_BRACKETS.isdisjoint(marker)
            style = "full" if full and not half else "half" if not full else "mixed"
            if style not in bracket_styles[section.level]:
                bracket_styles[section.level][style] = _where(section, here, outer)
    for level, styles in bracket_styles.items():
        if len(styles) > 1 or "mixed" in styles:
            first = sorted(styles.values(), key=lambda loc: loc.line or 0)[-1]
            names = "、".join(
                {"full": "全角（）", "half": "半角()", "mixed": "全半角混合"}[s] for s in styles
            )
            context.add(
                f"第{level}级标题括号混用：{names}",
                f"level-{level} markers mix bracket styles: {', '.join(styles)}",
                first,
            )


@rule(
    "FZ205",
    "mixed-separators",
    group="numbering",
    severity=WARNING,
    summary="三级标题“1.”与“1、”混用",
    summary_en="1. and 1、 mixed in level-3 headings",
)
def mixed_separators(context: Context) -> None:
    """``1.`` and ``1、`` in the markers of level 3."""
    separators: dict[str, Location] = {}
    for here, section, _, outer, _ in _headings(context):
        marker = section.layout.marker if section.layout is not None else ""
        if section.level == 3 and marker and marker[-1] not in separators:
            separators[marker[-1]] = _where(section, here, outer)
    if len(separators) > 1:
        first = sorted(separators.values(), key=lambda loc: loc.line or 0)[-1]
        shown = "、".join(f"“1{s}”" for s in separators)
        context.add(
            f"三级标题序号分隔符混用：{shown}",
            f"level-3 markers mix separators: {', '.join(repr(s) for s in separators)}",
            first,
        )


# A 一是/二是 marker after a sentence stop. The parser takes a marker as a point only when it
# continues the count (or restarts at 一是), so a skipped or repeated number stays in the text:
# look for it there.
_STRAY_POINT = re.compile(r"(?:^|(?<=[。；;！？!?：:]))[ \u3000]*([一二三四五六七八九十]{1,3})是")
# The same read backwards, on the joined text reversed: 是 first, a literal the engine skips
# to at memchr speed, where a stop first would be a character-set test at every position. A
# stop or the text's start (``\Z``, reversed) ends it; a line break is a string's start.
_STRAY_REVERSED = re.compile(r"是[一二三四五六七八九十]{1,3}[ \u3000]*(?:[\n。；;！？!?：:]|\Z)")


def _marked_texts(joined: JoinedText) -> set[str]:
    """The strings of ``joined`` that hold a stray 一是/二是 marker (`_STRAY_POINT`), found
    with one search of the whole text; a string not in it has none."""
    text = joined.text
    if "是" not in text:
        return set()
    last = len(text) - 1
    texts, index_at = joined.texts, joined.index_at
    return {texts[index_at(last - m.start())] for m in _STRAY_REVERSED.finditer(text[::-1])}


@rule(
    "FZ202",
    "point-numbering",
    group="numbering",
    severity=WARNING,
    summary="“一是、二是”序号跳号或重复",
    summary_en="一是/二是 numbers skip or repeat",
)
def point_numbering(context: Context) -> None:
    """A 一是/二是 number that does not follow the one before it."""
    report = context.report

    def flag(got: int, want: int, where: Location) -> None:
        a, b = format_point_marker(got), format_point_marker(want)
        context.add(f"“{a}”处应为“{b}”", f"{a} where {b} was expected", where)

    # one search of the whole text finds the few strings with stray markers; the rest are
    # read by their point numbers alone
    marked = _marked_texts(context.joined)

    def stray(text: str, last: int, path: str, section: str, line: int | None) -> int:
        for m in _STRAY_POINT.finditer(text):
            try:
                number = chinese_to_int(m.group(1))
            except ValueError:
                continue
            if number != last + 1 and (number != 1 or last == 0):
                flag(number, last + 1, Location(path, section, line))
                last = number
        return last

    def body(blocks: list[Any], path: str, section: str) -> None:
        last = 0
        for index, block in enumerate(blocks):
            if not isinstance(block, Paragraph):
                continue
            points = block.points
            if marked and (points or last) and block.text in marked:
                line = block.layout.line if block.layout is not None else None
                last = stray(block.text, last, f"{path}[{index}].text", section, line)
            if points and points[0].number == 1:
                last = 0
            for p_index, point in enumerate(points):
                number = point.number
                if number != last + 1 or (marked and point.text in marked):
                    if point.layout is not None:
                        point_line = point.layout.line
                    else:
                        point_line = block.layout.line if block.layout is not None else None
                    where = f"{path}[{index}].points[{p_index}]"
                    if number != last + 1:
                        flag(number, last + 1, Location(where, section, point_line))
                    last = stray(point.text, number, where, section, point_line)
                else:
                    last = number

    body(report.preamble, "preamble", "")
    for field_path, section, outer in context.sections:
        if section.body:
            body(section.body, f"{field_path}.body", outer + section_label(section))
    body(report.closing, "closing", "")
