"""The rules on the required parts (FZ1xx): each part present, in its own section, in order."""

from __future__ import annotations

from fazhi_report.analysis.parts import PART_ORDER, keyword_role, states_causes
from fazhi_report.analysis.records import Location, section_label
from fazhi_report.analysis.rules.registry import ERROR, INFO, WARNING, Context, rule
from fazhi_report.model import Section, SectionRole
from fazhi_report.parsers.facts import top_level_roles

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
_REQUIRED = (
    SectionRole.MEASURES,
    SectionRole.SHORTCOMINGS,
    SectionRole.RESPONSIBILITY,
    SectionRole.PLANS,
    SectionRole.OTHER,
)


def _top_where(index: int, section: Section) -> Location:
    return Location(
        f"sections[{index}]",
        section_label(section),
        section.layout.line if section.layout is not None else None,
    )


def _missing(context: Context, role: SectionRole) -> None:
    if role not in context.parts:
        zh, en = _PART_NAMES[role]
        context.add(f"缺少“{zh}”部分", f"the report has no part on {en}")


@rule(
    "FZ101",
    "missing-measures",
    group="parts",
    severity=ERROR,
    summary="缺少主要举措和成效部分",
    summary_en="no part on the main measures and results",
)
def missing_measures(context: Context) -> None:
    """No part on the main measures and results."""
    _missing(context, SectionRole.MEASURES)


@rule(
    "FZ102",
    "missing-shortcomings",
    group="parts",
    severity=ERROR,
    summary="缺少存在的不足和原因部分",
    summary_en="no part on shortcomings and their causes",
)
def missing_shortcomings(context: Context) -> None:
    """No part on shortcomings and their causes."""
    _missing(context, SectionRole.SHORTCOMINGS)


@rule(
    "FZ103",
    "missing-responsibility",
    group="parts",
    severity=ERROR,
    summary="缺少党政主要负责人履行第一责任人职责情况部分",
    summary_en="no part on how the principal leader performed the first-responsible-person duty",
)
def missing_responsibility(context: Context) -> None:
    """No part on the first-responsible-person duty."""
    _missing(context, SectionRole.RESPONSIBILITY)


@rule(
    "FZ104",
    "missing-plans",
    group="parts",
    severity=ERROR,
    summary="缺少下一年度主要安排部分",
    summary_en="no part on next year's plan",
)
def missing_plans(context: Context) -> None:
    """No part on next year's plan."""
    _missing(context, SectionRole.PLANS)


@rule(
    "FZ105",
    "missing-other",
    group="parts",
    severity=INFO,
    summary="没有其他需要报告的情况部分",
    summary_en="no part on other matters to report",
)
def missing_other(context: Context) -> None:
    """No part on other matters."""
    _missing(context, SectionRole.OTHER)


@rule(
    "FZ106",
    "part-without-section",
    group="parts",
    severity=WARNING,
    summary="该部分没有独立的一级标题",
    summary_en="a part is written without a level-1 section of its own",
)
def part_without_section(context: Context) -> None:
    """A part written in a paragraph or a subsection."""
    parts = context.parts
    for role in _REQUIRED:
        place = parts.get(role)
        if place is None:
            continue
        zh, en = _PART_NAMES[role]
        if place.form == "paragraph":
            context.add(
                f"“{zh}”只写在段落中，没有独立的一级标题",
                f"the part on {en} is written in a paragraph, with no section of its own",
                place.location,
            )
        elif place.form == "nested" and role != SectionRole.RESPONSIBILITY:
            # a responsibility subsection inside part 1 is a common, accepted layout
            context.add(
                f"“{zh}”写作下级标题，没有独立的一级标题",
                f"the part on {en} is a subsection, with no level-1 section of its own",
                place.location,
            )


def _top_roles(context: Context) -> list[SectionRole]:
    return context.memo("top_roles", lambda: _roles(context))


def _roles(context: Context) -> list[SectionRole]:
    return top_level_roles(context.report, carried=True)


@rule(
    "FZ107",
    "part-order",
    group="parts",
    severity=WARNING,
    summary="各部分顺序异常",
    summary_en="the parts stand in an unusual order",
)
def part_order(context: Context) -> None:
    """A part after one that should follow it."""
    highest = -1
    highest_role: SectionRole | None = None
    seen_shortcomings = False
    roles = _top_roles(context)
    for index, (section, role) in enumerate(zip(context.report.sections, roles, strict=True)):
        rank = PART_ORDER.get(role, 0)
        if role == SectionRole.SHORTCOMINGS:
            seen_shortcomings = True
        odd = rank < highest or (role == SectionRole.CAUSES and not seen_shortcomings)
        if odd and highest_role is not None:
            context.add(
                f"“{_PART_NAMES[role][0]}”出现在“{_PART_NAMES[highest_role][0]}”之后",
                f"the part on {_PART_NAMES[role][1]} comes after the part on "
                f"{_PART_NAMES[highest_role][1]}",
                _top_where(index, section),
            )
        if rank > highest:
            highest, highest_role = rank, role


@rule(
    "FZ108",
    "topic-heading",
    group="parts",
    severity=WARNING,
    summary="一级标题不对应任何规定部分",
    summary_en="a level-1 heading names none of the required parts",
)
def topic_heading(context: Context) -> None:
    """A level-1 heading whose words name no part."""
    report = context.report
    roles = _top_roles(context)
    for index, (section, role) in enumerate(zip(report.sections, roles, strict=True)):
        if keyword_role(section.heading, report.year) is None:
            context.add(
                f"一级标题“{section.heading}”不对应任何规定部分（按“{_PART_NAMES[role][0]}”理解）",
                f"the level-1 heading {section.heading!r} names no required part "
                f"(read as {_PART_NAMES[role][1]})",
                _top_where(index, section),
            )


@rule(
    "FZ109",
    "no-causes",
    group="parts",
    severity=WARNING,
    summary="存在的不足未说明原因",
    summary_en="the shortcomings part states no causes",
)
def no_causes(context: Context) -> None:
    """A shortcomings part that states no causes."""
    parts = context.parts
    shortcomings = parts.get(SectionRole.SHORTCOMINGS)
    if shortcomings is not None and not states_causes(context.report, shortcomings, parts):
        context.add(
            "“存在的不足”部分没有分析原因（无原因小节，也无“原因”“由于”等表述）",
            "the shortcomings part states no causes (no causes subsection, no cause wording)",
            shortcomings.location,
        )
