"""Where each required part of a report is: a section, a nested subsection, or a paragraph.

《法治政府建设与责任落实督察工作规定》 asks every yearly report for five parts: the main measures
and results; the shortcomings and their causes; how the principal leader performed the duty of
first responsible person; next year's plan; other matters. Real reports write them in three
ways, all found here:

- as a **level-1 section** whose role says so (``二、存在的不足和原因``);
- as a **level-2 subsection** inside another part (``一、…`` / ``（二）切实履行第一责任人职责``),
  a common layout for the responsibility part;
- as a **paragraph** only, with no heading (a closing that says "但仍存在一些短板和不足…
  下一步，…"): found by the form of its sentences in the closing and the last paragraph of
  the last section.

`find_parts` is what `fazhi_report.analysis.check` and `fazhi_report.analysis.compare` read.
"""

from __future__ import annotations

import collections
import re
from collections.abc import Iterator

import attrs

from fazhi_report import _cues
from fazhi_report.analysis.records import Location, section_label
from fazhi_report.model import Paragraph, Report, Section, SectionRole
from fazhi_report.model.traversal import (
    SectionAt,
    field,
    item,
    walk_blocks,
    walk_section,
    walk_sections,
)
from fazhi_report.parsers import facts
from fazhi_report.parsers.facts import infer_role

__all__ = [
    "CAUSE_WORDS",
    "PART_ORDER",
    "REQUIRED_PARTS",
    "PartPlace",
    "find_parts",
    "keyword_role",
    "section_role",
]

REQUIRED_PARTS = (
    SectionRole.MEASURES,
    SectionRole.SHORTCOMINGS,
    SectionRole.RESPONSIBILITY,
    SectionRole.PLANS,
    SectionRole.OTHER,
)
"""The five parts the regulation lists, in its order."""

PART_ORDER: dict[SectionRole, int] = {
    SectionRole.MEASURES: 0,
    # the regulation puts shortcomings second and responsibility third; reports swap them
    # as often as not, so both rank alike
    SectionRole.SHORTCOMINGS: 1,
    SectionRole.RESPONSIBILITY: 1,
    SectionRole.CAUSES: 1,
    SectionRole.PLANS: 2,
    SectionRole.OTHER: 3,
}
"""The rank of each part in the usual order: a part ranked lower after a higher one is odd."""

CAUSE_WORDS = re.compile(
    r"原因|根源|究其|归根结底|主要是由于|由于|源于|根子|深层次|症结|一方面.{0,60}另一方面"
)
"""Wording that states causes (原因, 究其原因, 由于…)."""

# A part written as a sentence, not a heading: "但仍存在一些短板和不足", "下一步，我局将".
_SHORTCOMING_SENTENCE = re.compile(
    r"(?:存在|仍有|还有|尚有)着?(?:的)?(?:一些|部分|不少|诸多|一定的?)?"
    r"(?:短板|不足|问题|差距|薄弱环节|困难)|不足之处|短板和不足|问题和不足"
)
_PLAN_SENTENCE = re.compile(
    r"下一步|下一年度|下一阶段|今后|(?:新的一年|明年|来年|(?:19|20)[0-9]{2}年)[，,]?"
    r"[\u4e00-\u9fff*＊]{0,20}?将"
)
_PLAN_HEADING = re.compile(r"^(?:下一步|下一年|下年度|明年|来年|今后|(?:19|20)[0-9]{2}年)")
_RESPONSIBILITY_LEAD = re.compile(r"第一责任人|主要负责人|主要负责同志|党政主要负责|一把手")
_LEAD_CHARS = 40  # how far into a paragraph the responsibility wording must stand
# A subsection of part 1 is another part only when its heading says so plainly: a measure's
# heading may use a part's word ("补齐短板", "制定普法计划").
_NESTED_CUES: dict[SectionRole, re.Pattern[str]] = {
    SectionRole.SHORTCOMINGS: _SHORTCOMING_SENTENCE,
    SectionRole.PLANS: _PLAN_HEADING,
}


def keyword_role(heading: str, year: int | None = None) -> SectionRole | None:
    """The part a heading names by its words, or ``None`` for a topic-only heading.

    `fazhi_report.parsers.facts.infer_role` gives every heading a role (a topic-only
    heading is taken as measures before the other parts, as other matters after); this
    answers whether the heading itself names one.
    """
    return facts.keyword_role(_cues.fold(heading), year)


def section_role(section: Section, year: int | None, measures_done: bool) -> SectionRole:
    """A top-level section's role: the one it carries, else the one its heading gives."""
    if section.role is not None:
        return section.role
    return infer_role(section.heading, year=year, measures_done=measures_done)


@attrs.frozen
class PartPlace:
    """Where one required part is written.

    Attributes:
        role: the part.
        form: ``"section"`` (a level-1 section), ``"nested"`` (a deeper subsection) or
            ``"paragraph"`` (sentences of a paragraph, no heading).
        location: where it is.
        section: the section, for the first two forms.
        paragraph: the paragraph, for the third.
    """

    role: SectionRole
    form: str
    location: Location
    section: Section | None = None
    paragraph: Paragraph | None = None


def _top_level(report: Report) -> Iterator[tuple[SectionAt, SectionRole]]:
    roles = facts.top_level_roles(report, carried=True)
    return zip(walk_sections(report, depth=1), roles, strict=True)


def _section_location(section: Section, path: str, outer: str = "") -> Location:
    line = section.layout.line if section.layout is not None else None
    return Location(path, outer + section_label(section), line)


def _paragraph_location(paragraph: Paragraph, path: str, section: str) -> Location:
    line = paragraph.layout.line if paragraph.layout is not None else None
    return Location(path, section, line)


def _whole(paragraph: Paragraph) -> str:
    return paragraph.text + "".join(p.title + p.text for p in paragraph.points)


def _trailing_paragraphs(report: Report) -> Iterator[tuple[Paragraph, Location]]:
    """The closing, and the last paragraph of the last section: where unheaded parts stand."""
    last = _last_section(report)
    if last is not None:
        body = last.section.body
        index = len(body) - 1
        while index >= 0 and not isinstance(body[index], Paragraph):
            index -= 1
        if index >= 0:
            paragraph = body[index]
            assert isinstance(paragraph, Paragraph)
            outer = "".join(section_label(s) for s in (*last.ancestors, last.section))
            path = item(field(last.path, "body"), index)
            yield paragraph, _paragraph_location(paragraph, path, outer)
    for at in walk_blocks(report.closing, "closing", points=False):
        if isinstance(at.node, Paragraph):
            yield at.node, _paragraph_location(at.node, at.path, "")


def _last_section(report: Report) -> SectionAt | None:
    """The last section in document order, where it first stands in the tree (the same
    section object may be put in twice: its first place is meant)."""

    def not_last(at: SectionAt) -> bool:  # a prune: only the last child is followed down
        siblings = at.parent.subsections if at.parent is not None else report.sections
        return at.indexes[-1] != len(siblings) - 1

    kept = collections.deque(walk_sections(report, prune=not_last), maxlen=1)
    if not kept:
        return None
    last = kept[0]
    if sum(1 for s in report.walk() if s is last.section) > 1:
        return next(at for at in walk_sections(report) if at.section is last.section)
    return last


def find_parts(report: Report) -> dict[SectionRole, PartPlace]:
    """Where each part of the report is written, the first place of each.

    Level-1 sections come first; a part no level-1 section holds is looked for among the
    subsections of the measures sections (by heading words, `keyword_role`), then among the
    closing paragraphs and the last paragraph of the last section (by sentence form). Causes
    (`SectionRole.CAUSES`) are also found as a subsection of the shortcomings section.
    """
    places: dict[SectionRole, PartPlace] = {}
    top_level = list(_top_level(report))  # the top sections are few
    for at, role in top_level:
        if role not in places:
            places[role] = PartPlace(
                role, "section", _section_location(at.section, at.path), at.section
            )
    for top, role in top_level:
        if role not in (SectionRole.MEASURES, SectionRole.SHORTCOMINGS):
            continue  # parts nest in part 1 (第一责任人 in 举措和成效), causes in shortcomings
        outer = section_label(top.section)
        for at in walk_section(top.section, top.path, depth=1):
            if at.depth != 1:
                continue  # the part itself
            sub = at.section
            if sub.role is None and role != SectionRole.MEASURES:
                continue
            sub_role = sub.role or keyword_role(sub.heading, report.year)
            if sub_role is None or sub_role == SectionRole.MEASURES or sub_role in places:
                continue
            strong = _NESTED_CUES.get(sub_role)
            if sub.role is None and strong is not None and not strong.search(sub.heading):
                continue  # 补齐短板, 制定普法计划: a measure named with a part's word
            where = _section_location(sub, at.path, outer)
            places[sub_role] = PartPlace(sub_role, "nested", where, sub)
    for paragraph, location in _trailing_paragraphs(report):
        text = _whole(paragraph)
        for role, pattern in (
            (SectionRole.SHORTCOMINGS, _SHORTCOMING_SENTENCE),
            (SectionRole.PLANS, _PLAN_SENTENCE),
            (SectionRole.RESPONSIBILITY, _RESPONSIBILITY_LEAD),
        ):
            if role in places:
                continue
            found = pattern.search(text)
            if found is None or (
                role == SectionRole.RESPONSIBILITY and found.start() > _LEAD_CHARS
            ):
                continue
            places[role] = PartPlace(role, "paragraph", location, paragraph=paragraph)
    return places


def states_causes(
    report: Report, place: PartPlace, parts: dict[SectionRole, PartPlace] | None = None
) -> bool:
    """Whether the shortcomings part at ``place`` states causes (or a causes part exists).

    ``parts`` is `find_parts` of the report, when the caller has it already.
    """
    if parts is None:
        parts = find_parts(report)
    if SectionRole.CAUSES in parts:
        return True
    if place.section is not None:
        below = [at.section for at in walk_section(place.section, place.location.path)]
        for sub in below[1:]:
            if sub.role == SectionRole.CAUSES or "原因" in sub.heading:
                return True
        texts = [_whole(b) for s in below for b in s.body if isinstance(b, Paragraph)]
        texts += [s.heading for s in below[1:]]
        return any(CAUSE_WORDS.search(t) for t in texts)
    if place.paragraph is not None:
        return CAUSE_WORDS.search(_whole(place.paragraph)) is not None
    return False
