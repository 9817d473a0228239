"""Sections matched across two reports: level-1 parts by role, then by heading similarity."""

from __future__ import annotations

from fazhi_report.analysis.compare.results import (
    HEADING_MATCH,
    SectionChange,
    SectionStatus,
    similarity,
)
from fazhi_report.model import Report, Section, SectionRole
from fazhi_report.parsers.facts import top_level_roles

__all__ = ["compare_sections"]


def _match(
    before: list[Section],
    after: list[Section],
    roles_before: list[SectionRole | None],
    roles_after: list[SectionRole | None],
) -> list[tuple[int | None, int | None, float]]:
    """Pairs of indexes (either may be None), best similarity first, then in order."""
    candidates = []
    for i, a in enumerate(before):
        for j, b in enumerate(after):
            score = similarity(a.heading, b.heading)
            same_role = roles_before[i] is not None and roles_before[i] == roles_after[j]
            if same_role or score >= HEADING_MATCH:
                # a shared role counts for more than wording: "存在问题" / "存在的不足和原因"
                candidates.append((1.0 if same_role else 0.0, score, i, j))
    candidates.sort(key=lambda c: (-c[0], -c[1], c[2], c[3]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: dict[int, tuple[int | None, int | None, float]] = {}
    for _, score, i, j in candidates:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs[j] = (i, j, score)
    result: list[tuple[int | None, int | None, float]] = []
    for j in range(len(after)):
        if j in pairs:
            result.append(pairs[j])
        else:
            result.append((None, j, 0.0))
    for i in range(len(before)):
        if i not in used_a:
            result.append((i, None, 0.0))
    return result


def _top_roles(report: Report) -> list[SectionRole | None]:
    return list(top_level_roles(report, carried=True))


def compare_sections(a: Report, b: Report) -> list[SectionChange]:
    changes: list[SectionChange] = []
    roles_a, roles_b = _top_roles(a), _top_roles(b)

    def level(
        before: list[Section],
        after: list[Section],
        ra: list[SectionRole | None],
        rb: list[SectionRole | None],
        depth: int,
    ) -> None:
        for i, j, score in _match(before, after, ra, rb):
            x = before[i] if i is not None else None
            y = after[j] if j is not None else None
            role = (
                (rb[j] if j is not None else ra[i] if i is not None else None)
                if depth == 1
                else None
            )
            if x is not None and y is not None:
                status: SectionStatus = "kept" if x.heading == y.heading else "renamed"
                changes.append(SectionChange(status, depth, x.heading, y.heading, role, score))
                if depth == 1:
                    none_a: list[SectionRole | None] = [None] * len(x.subsections)
                    none_b: list[SectionRole | None] = [None] * len(y.subsections)
                    level(x.subsections, y.subsections, none_a, none_b, 2)
            elif y is not None:
                changes.append(SectionChange("added", depth, None, y.heading, role, 0.0))
            elif x is not None:
                changes.append(SectionChange("removed", depth, x.heading, None, role, 0.0))

    level(a.sections, b.sections, roles_a, roles_b, 1)
    return changes
