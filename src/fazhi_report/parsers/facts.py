"""Pass 5 of the structure builder: facts read from the built tree.

The closing paragraphs (新的一年，…) move out of the last section; the organ and the year come
from the title, the signature or the preamble; top-level sections get their role
(`infer_role`); the facts the document declares win over those (`declare`); and the
document's writing habits (`fazhi_report.layout.Habits`) are read from the counts the tree
pass gathered.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from fazhi_report import _cues
from fazhi_report.layout import Habits, positional_maker
from fazhi_report.model import Block, Paragraph, Report, SectionRole
from fazhi_report.numbering import chinese_to_int
from fazhi_report.parsers.contract import DeclaredFacts
from fazhi_report.parsers.lines import Line
from fazhi_report.parsers.organ import organ_name, preamble_organ, title_organ
from fazhi_report.parsers.tree import Tree

__all__ = [
    "declare",
    "find_closing",
    "find_identity",
    "give_roles",
    "infer_role",
    "infer_subrole",
    "keyword_role",
    "read_habits",
    "top_level_roles",
]

_T = TypeVar("_T")
_DEFAULT = Habits()
# (indent, line_end, blank_lines, half_width, level3_separator)
_habits = positional_maker(Habits)


# -- roles ----------------------------------------------------------------------------------


def keyword_role(heading: str, year: int | None) -> SectionRole | None:
    """The part a (folded) heading names by its words, or ``None`` for a topic-only heading.

    The order settles headings naming two parts; `infer_role` falls back on the position.
    """
    if _cues.ROLE_OTHER.search(heading):
        return SectionRole.OTHER
    if _cues.ROLE_RESPONSIBILITY.search(heading):
        return SectionRole.RESPONSIBILITY
    if _cues.ROLE_CAUSES_ONLY.search(heading):
        return SectionRole.CAUSES
    if _cues.ROLE_SHORTCOMINGS.search(heading):
        return SectionRole.SHORTCOMINGS
    if _cues.ROLE_PLANS.search(heading):
        return SectionRole.PLANS
    if year is not None and _cues.ROLE_FORWARD.search(heading):
        # "2024年重点工作措施" in a report on 2023 is next year's plan
        years = [int(y) for y in _cues.ROLE_YEAR.findall(heading)]
        if years and max(years) > year:
            return SectionRole.PLANS
    if _cues.ROLE_MEASURES.search(heading):
        return SectionRole.MEASURES
    return None


def infer_role(
    heading: str, *, year: int | None = None, measures_done: bool = False
) -> SectionRole:
    """The role of a top-level section from its heading.

    《法治政府建设与责任落实督察工作规定》 asks every report for: main measures and results; how
    the principal leader performed the duty of first responsible person; shortcomings and their
    causes; next year's plan; other matters. The cues (`fazhi_report._cues`) cover the many
    wordings, checked in an order that settles headings naming two parts.

    Args:
        heading: the heading text; traditional characters are folded to simplified first.
        year: the year the report covers, to tell next year's plan ("2025年重点工作") from this
            year's work.
        measures_done: whether a top-level section before this one had a role other than
            measures. A heading that names no part is taken as more measures while no other
            part has begun (a report that lists its work under topical headings,
            "一、加强组织领导，……"), and as other matters after.
    """
    role = keyword_role(_cues.fold(heading), year)
    if role is not None:
        return role
    return SectionRole.OTHER if measures_done else SectionRole.MEASURES


def infer_subrole(heading: str) -> SectionRole | None:
    """The role of a subsection of a shortcomings section: 不足 or 原因, else ``None``.

    Args:
        heading: the heading text; traditional characters are folded to simplified first.
    """
    heading = _cues.fold(heading)
    if _cues.ROLE_CAUSES_ONLY.search(heading):
        return SectionRole.CAUSES
    if _cues.ROLE_SHORTCOMINGS.search(heading):
        return SectionRole.SHORTCOMINGS
    return None


def top_level_roles(report: Report, *, carried: bool = False) -> list[SectionRole]:
    """Each top-level section's role, in order: the one its heading gives, read after the
    sections before it (`infer_role`'s ``measures_done``).

    Args:
        report: the report.
        carried: let the role a section carries win where it has one (it counts for the
            sections after it as an inferred one would).
    """
    roles = []
    measures_done = False
    for section in report.sections:
        role = section.role if carried else None
        if role is None:
            role = infer_role(section.heading, year=report.year, measures_done=measures_done)
        measures_done = measures_done or role is not SectionRole.MEASURES
        roles.append(role)
    return roles


def give_roles(report: Report) -> None:
    """Give top-level sections their role, and 不足/原因 subsections theirs."""
    for section, role in zip(report.sections, top_level_roles(report), strict=True):
        section.role = role
        if role in (SectionRole.SHORTCOMINGS, SectionRole.CAUSES):
            for sub in section.subsections:
                sub.role = infer_subrole(sub.heading)


def declare(report: Report, facts: DeclaredFacts) -> None:
    """Set the organ, year and roles the document declares over those the builder inferred.

    Roles are set only when the document declares one for each section they name.
    """
    if facts.organ is not None:
        report.organ = facts.organ
    if facts.year is not None:
        report.year = facts.year
    roles = facts.roles
    if roles is not None:
        sections = report.sections if facts.roles_of == "sections" else report.walk()
        if len(roles) == len(sections):
            for section, role in zip(sections, roles, strict=True):
                section.role = role


# -- closing, organ and year ----------------------------------------------------------------


def closing_start(body: Sequence[Block], run_in: bool) -> int:
    """Where the closing begins in the last section's ``body``, or -1 when it has none.

    The closing is the run of point-free paragraphs that ends the body, from its earliest
    paragraph that opens as a closing does (新的一年，…; a weaker opener such as 下一步 only
    after the first paragraph). The first paragraph of a run-in heading is never closing.
    """
    first = 1 if run_in else 0
    found = -1
    for k in range(len(body) - 1, first - 1, -1):
        block = body[k]
        if type(block) is not Paragraph or block.points:
            break  # a table or a paragraph of points ends the search: no closing holds one
        text = _cues.fold(block.text)
        if _cues.CLOSING.match(text) or (k > first and _cues.CLOSING_WEAK.match(text)):
            found = k
    return found


def find_closing(report: Report) -> None:
    """Move trailing closing paragraphs (新的一年，…) of the last section to the closing."""
    if not report.sections:
        return
    leaf = report.sections[-1]
    while leaf.subsections:
        leaf = leaf.subsections[-1]
    body = leaf.body
    found = closing_start(body, leaf.run_in)
    if found >= 0:
        report.closing = body[found:]
        del body[found:]


def find_identity(report: Report) -> None:
    """Find the organ and year.

    The organ comes from the title, else the signature, else the issuing organ a disclosure
    catalogue names (发文机关, `PageInfo.issuer`), else a self-reference in the preamble, which
    names the organ only with a place in it (青禾县教育局, never 我局 or 教育局 alone).

    The year is the year reported on, from the title, else the preamble, else the signature
    date: a review of several years (2021—2025年, 五年) has none. Page dates (发布日期,
    发文日期) and document numbers never give the year.
    """
    title = report.title
    several_years = False
    if title:
        folded = _cues.fold(title)
        several_years = _cues.YEAR_RANGE.search(folded) is not None
        m = _cues.TITLE_YEAR.search(folded)
        if m is not None and not several_years:
            report.year = chinese_to_int(m.group(1))
        found = title_organ(title)
        if found is not None:
            report.organ = found
    signature = report.signature
    if report.organ is None and signature is not None and signature.organ:
        found = organ_name(signature.organ)
        if found is not None:
            report.organ = found
    issuer = report.page.issuer
    if report.organ is None and issuer:
        found = organ_name(issuer, named=True)
        if found is not None:
            report.organ = found
    if report.organ is None or report.year is None:
        for paragraph in report.preamble[:2]:
            if type(paragraph) is not Paragraph:
                continue
            text = _cues.fold(paragraph.text)
            if report.year is None and not several_years:
                y = _cues.YEAR_IN_TEXT.search(text)
                if y is not None:
                    report.year = int(y.group(1))
            if report.organ is None:
                found = preamble_organ(paragraph.text)
                if found is not None:
                    report.organ = found
    if (
        report.year is None
        and not several_years
        and signature is not None
        and signature.date is not None
    ):
        # reports are signed early in the following year
        date = signature.date
        report.year = date.year - 1 if date.month <= 6 else date.year


# -- habits ---------------------------------------------------------------------------------


def read_habits(lines: Sequence[Line], tree: Tree) -> Habits:
    """The document's writing habits, for nodes added in code."""
    indent = _most_common(tree.indents) if tree.indents else _DEFAULT.indent
    line_end = _DEFAULT.line_end
    # the first line that ends tells the line ending; no need to count them all
    for line in lines:
        end = line.end
        if end[-1:] in ("\n", "\r"):
            line_end = _first_line_end(end)
            break
    blank_lines = min(_most_common(tree.gaps), 2) if tree.gaps else 0
    level3 = _most_common(tree.level3) if tree.level3 else _DEFAULT.level3_separator
    return _habits(indent, line_end, blank_lines, tree.half > tree.full, level3)


def _most_common(values: list[_T]) -> _T:
    """The most frequent value, the first seen among equals.

    A document has few distinct values, so counting each in C beats building a Counter.
    """
    return max(dict.fromkeys(values), key=values.count)


def _first_line_end(end: str) -> str:
    """The first line ending in ``end`` (which may hold a run of blank lines)."""
    cr = end.find("\r")
    lf = end.find("\n")
    if cr >= 0 and (lf < 0 or cr < lf):
        return "\r\n" if end.startswith("\n", cr + 1) else "\r"
    return "\n"
