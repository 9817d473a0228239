"""Which required part of a report a section is, read from its heading.

《法治政府建设与责任落实督察工作规定》 asks every report for: main measures and results;
how the principal leader performed the duty of first responsible person; shortcomings and their
causes; next year's plan; other matters. Real headings word these parts many ways
("重点工作和成效", "总体工作情况", "存在的主要问题", "下一步工作计划", "2025年度…工作安排");
the patterns below cover the wordings, checked in an order that settles headings naming two parts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from fazhi_report.model import SectionRole

__all__ = ["cue_sources", "infer_role", "infer_subrole"]

_OTHER = re.compile(r"其他|其它")
_RESPONSIBILITY = re.compile(
    r"第一责任人|主要负责人|主要负责同志|党政主要负责|一把手|履职情况|述法"
)
_CAUSES_ONLY = re.compile(r"^(?:产生|存在)?(?:问题的|不足的)?(?:主要)?原因(?:分析)?$|^原因")
_SHORTCOMINGS = re.compile(
    r"不足|短板|差距|薄弱|(?:存在|主要|突出)的?(?:主要)?问题|问题(?:和|及|与|、)|^问题"
)
_PLANS = re.compile(
    r"下一步|下一年|下年度|明年|来年|今后|工作安排|工作计划|工作打算|工作思路|主要安排|安排部署"
    r"|工作设想|工作举措和打算|打算|计划"
)
_MEASURES = re.compile(
    r"举措|成效|成绩|做法|工作情况|主要工作|开展情况|进展|完成情况|落实情况|总体情况|取得|亮点"
    r"|上一?年度|回顾|措施"
)
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_FORWARD = re.compile(r"重点|工作|措施|任务|要点|目标")


def cue_sources() -> Iterable[str]:
    """The regex sources of the role cues (for folding traditional characters)."""
    return (
        p.pattern
        for p in (_OTHER, _RESPONSIBILITY, _CAUSES_ONLY, _SHORTCOMINGS, _PLANS, _MEASURES, _FORWARD)
    )


def _keyword_role(heading: str, year: int | None) -> SectionRole | None:
    if _OTHER.search(heading):
        return SectionRole.OTHER
    if _RESPONSIBILITY.search(heading):
        return SectionRole.RESPONSIBILITY
    if _CAUSES_ONLY.search(heading):
        return SectionRole.CAUSES
    if _SHORTCOMINGS.search(heading):
        return SectionRole.SHORTCOMINGS
    if _PLANS.search(heading):
        return SectionRole.PLANS
    if year is not None and _FORWARD.search(heading):
        # "2024年重点工作措施" in a report on 2023 is next year's plan
        years = [int(y) for y in _YEAR.findall(heading)]
        if years and max(years) > year:
            return SectionRole.PLANS
    if _MEASURES.search(heading):
        return SectionRole.MEASURES
    return None


def infer_role(
    heading: str, *, year: int | None = None, measures_done: bool = False
) -> SectionRole:
    """The role of a top-level section from its heading.

    Args:
        heading: the heading text, in simplified characters (the parser folds traditional
            ones first).
        year: the year the report covers, to tell next year's plan ("2025年重点工作") from this
            year's work.
        measures_done: whether a top-level section before this one had a role other than
            measures. A heading that names no part is taken as more measures while no other
            part has begun (a report that lists its work under topical headings,
            "一、加强组织领导，……"), and as other matters after.
    """
    role = _keyword_role(heading, year)
    if role is not None:
        return role
    return SectionRole.OTHER if measures_done else SectionRole.MEASURES


def infer_subrole(heading: str) -> SectionRole | None:
    """The role of a subsection of a shortcomings section: 不足 or 原因, else ``None``."""
    if _CAUSES_ONLY.search(heading):
        return SectionRole.CAUSES
    if _SHORTCOMINGS.search(heading):
        return SectionRole.SHORTCOMINGS
    return None
