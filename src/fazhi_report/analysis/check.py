"""Checks a supervising office runs on a report: required parts, numbering, format, dates.

`check` returns `Finding` values, never raises for what it finds: a code (``FZ103``), a name
(``missing-responsibility``), a severity, a message in Chinese and in English, and where. It
runs on any report, parsed or built in code (a report built in code has no source lines and no
layout, so the rules that read how a thing was written, such as mixed marker styles, have
nothing to say about it).

Every rule is listed in `RULES` and documented with an example in ``docs/checks.md``; select
rules by code, name or group: ``check(report, rules=["FZ103", "numbering"])``.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from fazhi_report import _cues
from fazhi_report.analysis.parts import (
    PART_ORDER,
    find_parts,
    keyword_role,
    section_role,
    states_causes,
)
from fazhi_report.analysis.records import JoinedText, Location, char_positions, section_label
from fazhi_report.errors import FazhiReportError
from fazhi_report.model import Paragraph, Report, Section, SectionRole
from fazhi_report.numbering import chinese_to_int, format_marker, format_point_marker

__all__ = [
    "GROUPS",
    "RULES",
    "Finding",
    "Rule",
    "Severity",
    "UnknownRuleError",
    "check",
    "check_into",
    "count_findings",
    "select_rules",
]


class Severity(str, enum.Enum):
    """How much a finding matters. A report with an error does not meet the regulation."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class UnknownRuleError(FazhiReportError, LookupError):
    """A rule selection naming no rule code, rule name or group."""


@attrs.frozen
class Rule:
    """One check, as documented in ``docs/checks.md``.

    Attributes:
        code: the stable code, e.g. ``"FZ103"``.
        name: a readable name, e.g. ``"missing-responsibility"``.
        group: ``"parts"``, ``"numbering"``, ``"format"`` or ``"dates"``.
        severity: the severity of its findings (a few rules say more in one case, e.g. a
            signature dated before the report year even began is an error).
        summary: what it finds, in Chinese.
        summary_en: what it finds, in English.
    """

    code: str
    name: str
    group: str
    severity: Severity
    summary: str
    summary_en: str


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

RULES: tuple[Rule, ...] = (
    Rule(
        "FZ101",
        "missing-measures",
        "parts",
        _E,
        "缺少主要举措和成效部分",
        "no part on the main measures and results",
    ),
    Rule(
        "FZ102",
        "missing-shortcomings",
        "parts",
        _E,
        "缺少存在的不足和原因部分",
        "no part on shortcomings and their causes",
    ),
    Rule(
        "FZ103",
        "missing-responsibility",
        "parts",
        _E,
        "缺少党政主要负责人履行第一责任人职责情况部分",
        "no part on how the principal leader performed the first-responsible-person duty",
    ),
    Rule(
        "FZ104",
        "missing-plans",
        "parts",
        _E,
        "缺少下一年度主要安排部分",
        "no part on next year's plan",
    ),
    Rule(
        "FZ105",
        "missing-other",
        "parts",
        _I,
        "没有其他需要报告的情况部分",
        "no part on other matters to report",
    ),
    Rule(
        "FZ106",
        "part-without-section",
        "parts",
        _W,
        "该部分没有独立的一级标题",
        "a part is written without a level-1 section of its own",
    ),
    Rule(
        "FZ107", "part-order", "parts", _W, "各部分顺序异常", "the parts stand in an unusual order"
    ),
    Rule(
        "FZ108",
        "topic-heading",
        "parts",
        _W,
        "一级标题不对应任何规定部分",
        "a level-1 heading names none of the required parts",
    ),
    Rule(
        "FZ109",
        "no-causes",
        "parts",
        _W,
        "存在的不足未说明原因",
        "the shortcomings part states no causes",
    ),
    Rule(
        "FZ201",
        "section-numbering",
        "numbering",
        _W,
        "标题序号跳号或重复",
        "heading numbers skip or repeat",
    ),
    Rule(
        "FZ202",
        "point-numbering",
        "numbering",
        _W,
        "“一是、二是”序号跳号或重复",
        "一是/二是 numbers skip or repeat",
    ),
    Rule("FZ203", "level-jump", "numbering", _W, "标题层级跳级", "a heading skips a level"),
    Rule(
        "FZ204",
        "mixed-brackets",
        "numbering",
        _W,
        "同级标题括号全角半角混用",
        "full- and half-width brackets mixed in one heading level",
    ),
    Rule(
        "FZ205",
        "mixed-separators",
        "numbering",
        _W,
        "三级标题“1.”与“1、”混用",
        "1. and 1、 mixed in level-3 headings",
    ),
    Rule(
        "FZ301",
        "half-width-punctuation",
        "format",
        _W,
        "中文文本中使用半角标点",
        "half-width punctuation in Chinese text",
    ),
    Rule("FZ302", "mixed-quotes", "format", _W, "引号样式混用", "quote styles mixed"),
    Rule(
        "FZ303",
        "empty-section",
        "format",
        _W,
        "标题下没有内容",
        "a section with nothing under its heading",
    ),
    Rule(
        "FZ304",
        "heading-full-stop",
        "format",
        _W,
        "单独成行的标题以句号结尾",
        "a heading on a line of its own ends with 。",
    ),
    Rule(
        "FZ305",
        "stray-clutter",
        "format",
        _W,
        "正文中残留网页杂项",
        "web-page clutter left inside the content",
    ),
    Rule("FZ401", "no-signature-date", "dates", _W, "缺少落款日期", "no signature date"),
    Rule(
        "FZ402",
        "early-signature",
        "dates",
        _W,
        "落款日期早于报告年度结束",
        "the signature date is before the end of the report year",
    ),
    Rule(
        "FZ403",
        "late-publication",
        "dates",
        _W,
        "公开日期晚于次年4月1日",
        "published after 1 April of the following year",
    ),
    Rule(
        "FZ404",
        "title-without-year",
        "dates",
        _W,
        "标题中没有报告年度",
        "the title does not name the report year",
    ),
)
"""Every rule, in code order."""

GROUPS: tuple[str, ...] = ("parts", "numbering", "format", "dates")
"""The rule groups, selectable by name."""

_BY_CODE = {rule.code: rule for rule in RULES}
_BY_NAME = {rule.name: rule for rule in RULES}
_ALL_CODES = frozenset(_BY_CODE)
_GROUP_CODES = {group: frozenset(r.code for r in RULES if r.group == group) for group in GROUPS}


@attrs.frozen
class Finding:
    """One thing a check found in a report.

    Attributes:
        code: the rule's code, e.g. ``"FZ103"``.
        name: the rule's name, e.g. ``"missing-responsibility"``.
        severity: error, warning or info.
        message: what was found, in Chinese.
        message_en: the same in English.
        location: where it is (the report as a whole for a missing part).
    """

    code: str
    name: str
    severity: Severity
    message: str
    message_en: str
    location: Location = attrs.field(factory=Location)

    def to_dict(self) -> dict[str, Any]:
        """The finding as plain JSON data."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "message_en": self.message_en,
            "location": self.location.to_dict(),
        }

    def __str__(self) -> str:
        return (
            f"{self.location}: {self.code} {self.severity.value} [{self.name}] "
            f"{self.message} / {self.message_en}"
        )


def select_rules(rules: Iterable[str] | None) -> frozenset[str]:
    """The codes a selection names: codes (``FZ103``), names (``missing-plans``), groups
    (``parts``) or code prefixes (``FZ1``); every code when ``rules`` is ``None``.

    Raises:
        UnknownRuleError: an item names nothing.
    """
    if rules is None:
        return _ALL_CODES
    if isinstance(rules, str):
        rules = [rules]
    chosen: set[str] = set()
    for item in rules:
        key = item.strip()
        upper = key.upper()
        if upper in _BY_CODE:
            chosen.add(upper)
        elif key in _BY_NAME:
            chosen.add(_BY_NAME[key].code)
        elif key in GROUPS:
            chosen.update(r.code for r in RULES if r.group == key)
        elif upper.startswith("FZ") and any(c.startswith(upper) for c in _BY_CODE):
            chosen.update(c for c in _BY_CODE if c.startswith(upper))
        else:
            raise UnknownRuleError(
                f"no rule is called {item!r}",
                expected="a code such as FZ103, a name such as missing-plans, or a group: "
                + ", ".join(GROUPS),
            )
    return frozenset(chosen)


class _Run:
    """One run of the checks: the report, the codes asked for, where the findings go.

    Each finding is handed to ``sink`` as it is made (the ``findings`` list's ``append``
    unless told otherwise), so that a caller that writes or counts them never holds them all.
    """

    def __init__(
        self,
        report: Report,
        codes: frozenset[str],
        sink: Callable[[Finding], object] | None = None,
    ) -> None:
        self.report = report
        self.codes = codes
        self.findings: list[Finding] = []
        self.sink = self.findings.append if sink is None else sink
        self._joined: JoinedText | None = None

    @property
    def joined(self) -> JoinedText:
        """The report's strings joined, made once per run for the rules that search text."""
        if self._joined is None:
            self._joined = JoinedText(self.report)
        return self._joined

    @property
    def sections(self) -> Iterator[tuple[str, Section, str]]:
        """Every section with its path and its ancestors' markers, made as walked.

        Not kept: a list of every section's path would cost more than the sections do in a
        report of a million one-line headings.
        """
        return _sections_with_paths(self.report)

    def wants(self, *codes: str) -> bool:
        return any(code in self.codes for code in codes)

    def add(
        self,
        code: str,
        message: str,
        message_en: str,
        location: Location | None = None,
        severity: Severity | None = None,
    ) -> None:
        if code not in self.codes:
            return
        rule = _BY_CODE[code]
        self.sink(
            Finding(
                code,
                rule.name,
                severity or rule.severity,
                message,
                message_en,
                location or Location(),
            )
        )


# -- parts --------------------------------------------------------------------------------

_PART_NAMES: dict[SectionRole, tuple[str, str]] = {
    SectionRole.MEASURES: ("主要举措和成效", "main measures and results"),
    SectionRole.SHORTCOMINGS: ("存在的不足和原因", "shortcomings and causes"),
    SectionRole.RESPONSIBILITY: (
        "履行推进法治建设第一责任人职责情况",
        "first-responsible-person duty",
    ),
    SectionRole.PLANS: ("下一年度主要安排", "next year's plan"),
    SectionRole.OTHER: ("其他需要报告的情况", "other matters"),
    SectionRole.CAUSES: ("原因", "causes"),
}
_MISSING = {
    SectionRole.MEASURES: "FZ101",
    SectionRole.SHORTCOMINGS: "FZ102",
    SectionRole.RESPONSIBILITY: "FZ103",
    SectionRole.PLANS: "FZ104",
    SectionRole.OTHER: "FZ105",
}


def _top_where(index: int, section: Section) -> Location:
    return Location(
        f"sections[{index}]",
        section_label(section),
        section.layout.line if section.layout is not None else None,
    )


def _check_parts(run: _Run) -> None:
    report = run.report
    parts = find_parts(report)
    for role, code in _MISSING.items():
        place = parts.get(role)
        zh, en = _PART_NAMES[role]
        if place is None:
            run.add(code, f"缺少“{zh}”部分", f"the report has no part on {en}")
            continue
        if place.form == "paragraph":
            run.add(
                "FZ106",
                f"“{zh}”只写在段落中，没有独立的一级标题",
                f"the part on {en} is written in a paragraph, with no section of its own",
                place.location,
            )
        elif place.form == "nested" and role != SectionRole.RESPONSIBILITY:
            # a responsibility subsection inside part 1 is a common, accepted layout
            run.add(
                "FZ106",
                f"“{zh}”写作下级标题，没有独立的一级标题",
                f"the part on {en} is a subsection, with no level-1 section of its own",
                place.location,
            )
    measures_done = False
    highest = -1
    highest_role: SectionRole | None = None
    seen_shortcomings = False
    want_topic = run.wants("FZ108")  # the heading's words are read for this rule only
    for index, section in enumerate(report.sections):
        role = section_role(section, report.year, measures_done)
        measures_done = measures_done or role != SectionRole.MEASURES
        if want_topic and keyword_role(section.heading, report.year) is None:
            run.add(
                "FZ108",
                f"一级标题“{section.heading}”不对应任何规定部分（按“{_PART_NAMES[role][0]}”理解）",
                f"the level-1 heading {section.heading!r} names no required part "
                f"(read as {_PART_NAMES[role][1]})",
                _top_where(index, section),
            )
        rank = PART_ORDER.get(role, 0)
        if role == SectionRole.SHORTCOMINGS:
            seen_shortcomings = True
        odd = rank < highest or (role == SectionRole.CAUSES and not seen_shortcomings)
        if odd and highest_role is not None:
            run.add(
                "FZ107",
                f"“{_PART_NAMES[role][0]}”出现在“{_PART_NAMES[highest_role][0]}”之后",
                f"the part on {_PART_NAMES[role][1]} comes after the part on "
                f"{_PART_NAMES[highest_role][1]}",
                _top_where(index, section),
            )
        if rank > highest:
            highest, highest_role = rank, role
    shortcomings = parts.get(SectionRole.SHORTCOMINGS)
    if (
        shortcomings is not None
        and run.wants("FZ109")
        and not states_causes(report, shortcomings, parts)
    ):
        run.add(
            "FZ109",
            "“存在的不足”部分没有分析原因（无原因小节，也无“原因”“由于”等表述）",
            "the shortcomings part states no causes (no causes subsection, no cause wording)",
            shortcomings.location,
        )


# -- numbering ----------------------------------------------------------------------------

_FULL_BRACKETS = frozenset("（）")
_HALF_BRACKETS = frozenset("()")


def _section_where(section: Section, path: str, outer: str) -> Location:
    return Location(
        path, outer + section_label(section), section.layout.line if section.layout else None
    )


def _check_numbering(run: _Run) -> None:
    report = run.report
    bracket_styles: dict[int, dict[str, Location]] = {2: {}, 4: {}}
    separators: dict[str, Location] = {}

    def siblings(sections: list[Section], path: str, parent: Section | None, outer: str) -> None:
        expected = 1
        for index, section in enumerate(sections):
            here = f"{path}[{index}]"
            label = section_label(section)
            if section.number != expected:
                want = format_marker(section.level, expected)
                run.add(
                    "FZ201",
                    f"标题序号为{label}，应为{want}",
                    f"heading {label} where {want} was expected",
                    _section_where(section, here, outer),
                )
            expected = section.number + 1
            top = 1 if parent is None else parent.level + 1
            if section.level > top:
                parent_label = section_label(parent) if parent else "（正文）"
                run.add(
                    "FZ203",
                    f"标题{label}跳级：上级为{parent_label}",
                    f"heading {label} skips a level (its parent is {parent_label or 'the body'})",
                    _section_where(section, here, outer),
                )
            marker = section.layout.marker if section.layout is not None else ""
            if section.level in bracket_styles and marker:
                full = not _FULL_BRACKETS.isdisjoint(marker)
                half = not _HALF_BRACKETS.isdisjoint(marker)
                style = "full" if full and not half else "half" if not full else "mixed"
                if style not in bracket_styles[section.level]:
                    bracket_styles[section.level][style] = _section_where(section, here, outer)
            if section.level == 3 and marker and marker[-1] not in separators:
                separators[marker[-1]] = _section_where(section, here, outer)
            if section.subsections:
                siblings(section.subsections, f"{here}.subsections", section, outer + label)

    siblings(report.sections, "sections", None, "")
    for level, styles in bracket_styles.items():
        if len(styles) > 1 or "mixed" in styles:
            first = sorted(styles.values(), key=lambda loc: loc.line or 0)[-1]
            names = "、".join(
                {"full": "全角（）", "half": "半角()", "mixed": "全半角混合"}[s] for s in styles
            )
            run.add(
                "FZ204",
                f"第{level}级标题括号混用：{names}",
                f"level-{level} markers mix bracket styles: {', '.join(styles)}",
                first,
            )
    if len(separators) > 1:
        first = sorted(separators.values(), key=lambda loc: loc.line or 0)[-1]
        shown = "、".join(f"“1{s}”" for s in separators)
        run.add(
            "FZ205",
            f"三级标题序号分隔符混用：{shown}",
            f"level-3 markers mix separators: {', '.join(repr(s) for s in separators)}",
            first,
        )
    if run.wants("FZ202"):
        _check_points(run)


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


def _check_points(run: _Run) -> None:
    report = run.report

    def flag(got: int, want: int, where: Location) -> None:
        a, b = format_point_marker(got), format_point_marker(want)
        run.add("FZ202", f"“{a}”处应为“{b}”", f"{a} where {b} was expected", where)

    # one search of the whole text finds the few strings with stray markers; the rest are
    # read by their point numbers alone
    marked = _marked_texts(run.joined)

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
    for field_path, section, outer in run.sections:
        if section.body:
            body(section.body, f"{field_path}.body", outer + section_label(section))
    body(report.closing, "closing", "")


def _sections_with_paths(report: Report) -> Iterator[tuple[str, Section, str]]:
    def down(sections: list[Section], path: str, outer: str) -> Iterator[tuple[str, Section, str]]:
        for index, section in enumerate(sections):
            here = f"{path}[{index}]"
            yield here, section, outer
            yield from down(
                section.subsections, f"{here}.subsections", outer + section_label(section)
            )

    yield from down(report.sections, "sections", "")


# -- format -------------------------------------------------------------------------------

_CJK = "\u3400-\u9fff"
_HALF_MARKS = "[,;:!?()]"
# the mark first (the engine skips to it), then a Chinese character after or before it
_HALF_PUNCT = re.compile(rf"{_HALF_MARKS}(?:(?=[{_CJK}])|(?<=[{_CJK}].))")
_QUOTE_STYLES = {"curly": "“”", "straight": '"', "corner": "「」"}
_QUOTE_NAMES = {"curly": "“”", "straight": '""', "corner": "「」"}
# Clutter glued into a paragraph: a page field (来源：, 发布时间：…) at the string's start or
# after a stop or spaces, or a button or footer word anywhere. Checked again, piece by piece,
# with the parser's own test (`_cues.is_page_clutter`).
_FIELD_KEYS = (
    "发布日期", "发布时间", "发稿时间", "更新时间", "来源", "信息来源", "文章来源", "稿件来源",
    "作者", "撰稿", "字号", "浏览次数", "浏览量", "点击数", "点击量", "阅读次数", "阅读量",
    "责任编辑", "编辑", "审核", "校对", "分享到", "当前位置", "您当前的位置", "您现在的位置",
    *_cues.METADATA_KEYS,
)  # fmt: skip
_KEY_LENGTHS = sorted({len(k) for k in _FIELD_KEYS}, reverse=True)
_FIELD_KEY_SET = frozenset(_FIELD_KEYS)


_CLUTTER_WORDS = (
    "扫一扫", "打印本页", "关闭窗口", "【打印】", "【关闭】", "返回顶部", "上一篇", "下一篇",
    "网站地图", "版权所有", "主办单位", "承办单位", "ICP备", "网站标识码", "公网安备",
)  # fmt: skip
# Each word with a character of it that report prose seldom uses, and where it stands in the
# word: a one-character search runs at memory speed, a word search does not.
_CLUTTER_KEY_CHARS = "扫页闭【【返篇篇图版位承P码备"
_CLUTTER_KEYS = tuple(
    (word, key, word.index(key))
    for word, key in zip(_CLUTTER_WORDS, _CLUTTER_KEY_CHARS, strict=True)
)
_FIELD_START = frozenset("\n。！？!?；; \t\u3000\xa0")
_PIECE_ENDS = "。！？!?；;"
_CLUTTER_MAX = 40
_CONTENT_KINDS = frozenset({"paragraph", "point_text"})


def _piece(text: str, begin: int, finish: int, at: int) -> str:
    """The piece of ``text[begin:finish]`` around ``at``: from the stop or space before it to
    the next stop."""
    left = begin
    for c in (*_PIECE_ENDS, " ", "\u3000", "\t", "\xa0"):
        left = max(left, text.rfind(c, begin, at + 1) + 1)
    right = finish
    for c in _PIECE_ENDS:
        found = text.find(c, at, right)
        if found >= 0:
            right = found
    return text[left:right].strip()


def _check_format(run: _Run) -> None:
    if run.wants("FZ301", "FZ302", "FZ305"):
        joined = run.joined
        text = joined.text
        # most reports have none of the marks: a literal look for each is cheaper than one
        # character-set scan
        if run.wants("FZ301"):
            half_found = _half_width_marks(text)
            if half_found is not None:
                first_at, half = half_found
                shown = " ".join(f"“{c}”{n}处" for c, n in half.most_common())
                shown_en = ", ".join(f"{c!r} ×{n}" for c, n in half.most_common())
                run.add(
                    "FZ301",
                    f"中文文本中有半角标点：{shown}（首见于此）",
                    f"half-width punctuation in Chinese text: {shown_en} (first here)",
                    joined.field_at(first_at)[0].location,
                )
        if run.wants("FZ302"):
            firsts = {}
            for style, marks in _QUOTE_STYLES.items():
                found = [i for i in (text.find(c) for c in marks) if i >= 0]
                if found:
                    firsts[style] = min(found)
            if len(firsts) > 1:
                styles = sorted(firsts, key=firsts.__getitem__)
                run.add(
                    "FZ302",
                    "引号样式混用：" + "、".join(_QUOTE_NAMES[s] for s in styles),
                    "quote styles mixed: " + ", ".join(_QUOTE_NAMES[s] for s in styles),
                    joined.field_at(firsts[styles[-1]])[0].location,
                )
        if run.wants("FZ305"):
            _check_clutter(run, joined)
    for path, section, outer in run.sections:
        empty = (
            not section.run_in
            and not section.subsections
            and not any(
                not isinstance(b, Paragraph) or b.points or b.text.strip() for b in section.body
            )
        )
        layout = section.layout
        stop = layout.stop if layout is not None else ""
        full_stop = not section.run_in and (stop == "。" or section.heading.endswith("。"))
        if not (empty or full_stop):
            continue
        label = outer + section_label(section)
        where = Location(path, label, layout.line if layout is not None else None)
        if empty:
            run.add(
                "FZ303",
                f"标题{label}“{section.heading}”下没有内容",
                f"nothing under the heading {label} {section.heading!r}",
                where,
            )
        if full_stop:
            run.add(
                "FZ304",
                f"单独成行的标题{label}“{section.heading}”以“。”结尾",
                f"the heading {label} {section.heading!r} stands on its own line but ends with 。",
                where,
            )


# `_HALF_PUNCT` for one mark at a time: a pattern led by a literal lets the engine skip to
# the mark at memory speed, where the set of all seven marks is a test of every character.
_HALF_PUNCT_BY_MARK = {
    mark: re.compile(re.escape(mark) + _HALF_PUNCT.pattern[len(_HALF_MARKS) :])
    for mark in ",;:!?()"
}


def _half_width_marks(text: str) -> tuple[int, Counter[str]] | None:
    """Where the first `_HALF_PUNCT` match of ``text`` is and how many of each mark match
    (counted in the order the marks first match, as ``Counter(findall)`` counts), or
    ``None`` for none."""
    firsts = []
    for mark, pattern in _HALF_PUNCT_BY_MARK.items():
        if mark not in text:
            continue
        first = pattern.search(text)
        if first is not None:
            at = first.start()
            firsts.append((at, mark, len(pattern.findall(text, at))))
    if not firsts:
        return None
    firsts.sort()
    return firsts[0][0], Counter({mark: count for _, mark, count in firsts})


def _check_clutter(run: _Run, joined: JoinedText) -> None:
    text = joined.text
    hits: list[tuple[int, str]] = []
    candidates: list[int] = []
    # a page field: a key at the start of its piece, then a colon ("…12场次。 来源：某局")
    for end in char_positions(text, ":："):
        while end > 0 and text[end - 1] in " \u3000":
            end -= 1
        for length in _KEY_LENGTHS:
            at = end - length
            if (
                at >= 0
                and text[at:end] in _FIELD_KEY_SET
                and (at == 0 or text[at - 1] in _FIELD_START)
            ):
                candidates.append(at)
                break
    # a button or footer word, anywhere: found from each place its rare character stands
    for word, key, offset in _CLUTTER_KEYS:
        at = text.find(key)
        while at >= 0:
            if at >= offset and text.startswith(word, at - offset):
                candidates.append(at - offset)
            at = text.find(key, at + 1)
    for at in candidates:
        field, begin = joined.field_at(at)
        if field.kind not in _CONTENT_KINDS:
            continue
        piece = _piece(text, begin, begin + len(field.text), at)
        if len(piece) <= _CLUTTER_MAX and _cues.is_page_clutter(_cues.fold(piece)):
            hits.append((at, piece))
    for start, end in _cues.find_watermarks(text):
        hits.append((start, text[start:end].strip()))
    reported: set[int] = set()
    for at, clutter in sorted(hits):
        field, _ = joined.field_at(at)
        if field.kind not in _CONTENT_KINDS or id(field) in reported:
            continue
        reported.add(id(field))
        run.add(
            "FZ305",
            f"正文中残留网页杂项：“{clutter}”",
            f"web-page clutter inside the content: {clutter!r}",
            field.location,
        )


# -- dates --------------------------------------------------------------------------------

_PUBLICATION_DEADLINE = (4, 1)  # 1 April of the following year


def _check_dates(run: _Run) -> None:
    report = run.report
    year = report.year
    signature = report.signature
    sig_line = signature.layout.line if signature and signature.layout else None
    sig_where = Location("signature.date", "", sig_line)
    if signature is None or signature.date is None:
        run.add("FZ401", "报告没有落款日期", "the report has no signature date", sig_where)
    elif year is not None and signature.date.year <= year:
        before_start = signature.date.year < year
        run.add(
            "FZ402",
            f"落款日期{signature.date.isoformat()}早于{year}年度结束",
            f"signed on {signature.date.isoformat()}, before the year {year} ended",
            sig_where,
            Severity.ERROR if before_start else None,
        )
    published = report.page.published
    if published is not None and year is not None:
        day = published.date() if isinstance(published, _dt.datetime) else published
        deadline = _dt.date(year + 1, *_PUBLICATION_DEADLINE)
        if day > deadline:
            run.add(
                "FZ403",
                f"公开日期{day.isoformat()}晚于{deadline.isoformat()}",
                f"published on {day.isoformat()}, after the deadline {deadline.isoformat()}",
                Location("page.published"),
            )
    title = report.title
    title_line = None
    if report.layout is not None and report.layout.title is not None:
        title_line = report.layout.title.line
    if title is None:
        run.add(
            "FZ404", "报告没有标题，也就没有报告年度", "the report has no title, so no year in it"
        )
    elif _cues.TITLE_YEAR.search(title) is None:
        run.add(
            "FZ404",
            f"标题“{title}”中没有报告年度",
            f"the title {title!r} names no year",
            Location("title", "", title_line),
        )


_GROUP_CHECKS: dict[str, Callable[[_Run], None]] = {
    "parts": _check_parts,
    "numbering": _check_numbering,
    "format": _check_format,
    "dates": _check_dates,
}


# The rules each group's function finds in code order when asked for them alone together
# (`check_into` runs one pass each): FZ106 comes between FZ101…FZ105 in the first loop of
# the parts, FZ107 and FZ108 alternate section by section, as FZ201 and FZ203 do in the
# numbering and FZ303 and FZ304 in the format; FZ202 comes last of its group.
_PASSES: dict[str, tuple[frozenset[str], ...]] = {
    "parts": (
        frozenset({"FZ101", "FZ102", "FZ103", "FZ104", "FZ105"}),
        frozenset({"FZ106", "FZ107"}),
        frozenset({"FZ108", "FZ109"}),
    ),
    "numbering": (
        frozenset({"FZ201"}),
        frozenset({"FZ202"}),
        frozenset({"FZ203", "FZ204", "FZ205"}),
    ),
    "format": (
        frozenset({"FZ301", "FZ302"}),
        frozenset({"FZ303"}),
        frozenset({"FZ304"}),
        frozenset({"FZ305"}),
    ),
    "dates": (frozenset({"FZ401", "FZ402", "FZ403", "FZ404"}),),
}


def check(report: Report, *, rules: Iterable[str] | None = None) -> list[Finding]:
    """Check a report against the rules (all of them, or those ``rules`` names).

    Args:
        report: a parsed report or one built in code.
        rules: codes (``"FZ103"``), names (``"missing-plans"``), groups (``"parts"``,
            ``"numbering"``, ``"format"``, ``"dates"``) or code prefixes (``"FZ1"``);
            ``None`` for every rule.

    Returns:
        The findings, grouped by rule group (parts, numbering, format, dates), in document
        order within each rule.

    Raises:
        UnknownRuleError: ``rules`` names something that is no rule.

    Examples:
        >>> from fazhi_report import Report, Section
        >>> report = Report(title="某局2024年法治政府建设情况报告", year=2024,
        ...                 sections=[Section(1, 1, "主要举措和成效")])
        >>> [f.code for f in check(report, rules=["parts"])]
        ['FZ102', 'FZ103', 'FZ104', 'FZ105']
    """
    codes = select_rules(rules)
    run = _Run(report, codes)
    for group, function in _GROUP_CHECKS.items():
        if not codes.isdisjoint(_GROUP_CODES[group]):
            function(run)
    # the rules run group by group; a stable sort by code keeps document order per rule
    return sorted(run.findings, key=lambda finding: finding.code)


def check_into(
    report: Report, sink: Callable[[Finding], object], *, rules: Iterable[str] | None = None
) -> None:
    """Hand each finding of `check` to ``sink`` as it is made, in `check`'s order.

    Nothing is kept: a command that writes the findings of a report with millions of them
    (a text of a million one-line headings) holds one at a time. Each rule's findings come
    out in a pass of the rule's group, in code order (`check` finds a group's rules
    together, then sorts them), so a report is walked a few times per group.

    Raises:
        UnknownRuleError: ``rules`` names something that is no rule.
    """
    codes = select_rules(rules)
    run = _Run(report, codes, sink)
    for group, passes in _PASSES.items():
        function = _GROUP_CHECKS[group]
        for together in passes:
            if not codes.isdisjoint(together):
                run.codes = codes & together
                function(run)


def count_findings(report: Report, *, rules: Iterable[str] | None = None) -> int:
    """How many findings `check` makes, without keeping them (``len(check(report))``).

    Raises:
        UnknownRuleError: ``rules`` names something that is no rule.
    """
    count = 0

    def tally(_: Finding) -> None:
        nonlocal count
        count += 1

    run = _Run(report, select_rules(rules), tally)
    for group, function in _GROUP_CHECKS.items():
        if not run.codes.isdisjoint(_GROUP_CODES[group]):
            function(run)
    return count
