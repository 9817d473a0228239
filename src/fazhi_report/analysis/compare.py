"""Compare two reports of one organ, last year's and this year's: "整改了吗？"

`compare` answers three questions a supervisor asks of two yearly reports:

- **Sections**: which level-1 parts and their subsections were kept, renamed, added or
  dropped. Level-1 sections are matched by role first, then by heading similarity;
  subsections of matched sections by heading similarity alone.
- **Figures**: which figures changed. A figure is matched by its unit and the last words of
  its clause (``刑事拘留…人`` with ``刑事拘留…人``); a figure whose key occurs more than once
  in either report is left out rather than guessed.
- **Recurring problems**: which problems listed among last year's shortcomings are listed
  again this year (similar wording, by shared character pairs).

Similarity is the share of character pairs (bigrams) two texts have in common (Dice's
coefficient), from 0 to 1. Punctuation, digits and spaces are ignored.

The comparison also says when the two reports do not look like last year's and this year's
report of one organ (`Comparison.warnings`): they name different organs, or the first covers
a later year than the second. It still compares them; the caller decides.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, cast

import attrs

from fazhi_report._cues import fold
from fazhi_report.analysis.figures import Figure, find_figures
from fazhi_report.analysis.parts import PartPlace, find_parts, section_role
from fazhi_report.analysis.records import Location, section_label
from fazhi_report.convert import PLAIN, register_plain_hook, unstructure
from fazhi_report.errors import OptionError
from fazhi_report.model import Paragraph, Report, Section, SectionRole

__all__ = [
    "Comparison",
    "ComparisonWarning",
    "FigureChange",
    "RecurringProblem",
    "SectionChange",
    "compare",
    "comparison_warnings",
    "format_comparison",
    "problems_of",
    "similarity",
]

HEADING_MATCH = 0.5
"""The similarity from which two headings are taken for the same section renamed."""
PROBLEM_MATCH = 0.35
"""The similarity from which two problems are taken for the same problem again."""

_NOISE = re.compile(r"[^\u3400-\u9fffA-Za-z]+")
_KEY_CHARS = 6  # clause words a figure is matched by
_KEY_TRIM = re.compile(r"^(?:共|累计|共计|全年|今年|今年以来|今年来|全局|全市|全县|全区)+")
_SENTENCE = re.compile(r"[^。！？；;!?]+[。！？；;!?]?")


def _bigrams(text: str) -> Counter[str]:
    clean = _NOISE.sub("", text)
    if len(clean) < 2:
        return Counter([clean]) if clean else Counter()
    return Counter(clean[i : i + 2] for i in range(len(clean) - 1))


def similarity(a: str, b: str) -> float:
    """How alike two texts are, 0 to 1: the share of character pairs they have in common.

    Examples:
        >>> similarity("执法能力有待提升", "执法能力有待提升")
        1.0
        >>> similarity("执法能力有待提升", "普法宣传形式单一")
        0.0
    """
    x, y = _bigrams(a), _bigrams(b)
    total = sum(x.values()) + sum(y.values())
    if not total:
        return 0.0
    return 2 * sum((x & y).values()) / total


def _rounded(similarity: float) -> float:
    return round(similarity, 3)


@attrs.frozen
class SectionChange:
    """A section of either report and what became of it.

    Attributes:
        status: ``"kept"`` (same heading), ``"renamed"``, ``"added"`` (this year only) or
            ``"removed"`` (last year only).
        level: the heading level.
        before: last year's heading, or ``None`` for an added section.
        after: this year's heading, or ``None`` for a removed one.
        role: the part the section is (level-1 sections), else ``None``.
        similarity: how alike the two headings are (1.0 when kept, 0.0 when one is missing).
    """

    status: str
    level: int
    before: str | None
    after: str | None
    role: SectionRole | None
    similarity: float = attrs.field(metadata={PLAIN: _rounded})

    def to_dict(self) -> dict[str, Any]:
        """The change as plain JSON data (`fazhi_report.convert.unstructure`)."""
        return cast("dict[str, Any]", unstructure(self))


@attrs.frozen
class FigureChange:
    """One figure stated in both reports, matched by unit and clause words.

    Attributes:
        key: what it was matched by: the clause words and the unit (``"刑事拘留|人"``).
        before: last year's figure.
        after: this year's figure.
    """

    key: str
    before: Figure
    after: Figure

    @property
    def difference(self) -> Decimal:
        """This year's value minus last year's."""
        return self.after.value - self.before.value

    @property
    def changed(self) -> bool:
        """Whether the values differ."""
        return self.after.value != self.before.value

    def to_dict(self) -> dict[str, Any]:
        """The change as plain JSON data, values as strings (`fazhi_report.convert.unstructure`)."""
        return cast("dict[str, Any]", unstructure(self))


@attrs.frozen
class RecurringProblem:
    """A shortcoming last year's report listed that this year's lists again.

    Attributes:
        before: the problem as last year's report words it.
        after: the problem as this year's report words it.
        similarity: how alike the two wordings are.
        before_location: where it is in last year's report.
        after_location: where it is in this year's.
    """

    before: str
    after: str
    similarity: float = attrs.field(metadata={PLAIN: _rounded})
    before_location: Location
    after_location: Location

    def to_dict(self) -> dict[str, Any]:
        """The problem as plain JSON data (`fazhi_report.convert.unstructure`)."""
        return cast("dict[str, Any]", unstructure(self))


@attrs.frozen
class ComparisonWarning:
    """Why two reports may not be last year's and this year's report of one organ.

    Attributes:
        code: ``"different-organs"`` (no organ of one report is an organ of the other) or
            ``"years-backwards"`` (the report given first covers a later year).
        message: one sentence saying what was found, naming the organs or years.
    """

    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        """The warning as plain JSON data (`fazhi_report.convert.unstructure`)."""
        return cast("dict[str, Any]", unstructure(self))

    def __str__(self) -> str:
        return self.message


@attrs.frozen
class Comparison:
    """What changed between last year's report and this year's.

    Attributes:
        before_title: last year's title (or ``None``).
        after_title: this year's title.
        before_year: the year last year's report covers.
        after_year: the year this year's report covers.
        sections: every section of either report, matched (level 1 and 2).
        figures: the figures both reports state, matched.
        recurring_problems: last year's problems listed again this year.
        warnings: why the two may not be one organ's reports of two years in order
            (different organs, years running backwards); empty when nothing says so.
    """

    before_title: str | None
    after_title: str | None
    before_year: int | None
    after_year: int | None
    sections: tuple[SectionChange, ...]
    figures: tuple[FigureChange, ...]
    recurring_problems: tuple[RecurringProblem, ...]
    warnings: tuple[ComparisonWarning, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The comparison as plain JSON data (`fazhi_report.convert.unstructure`)."""
        return cast("dict[str, Any]", unstructure(self))

    def __str__(self) -> str:
        return format_comparison(self, "text").rstrip("\n")


def _figure_change_plain(change: FigureChange) -> dict[str, Any]:
    return {
        "key": change.key,
        "unit": change.after.unit,
        "before": str(change.before.value),
        "after": str(change.after.value),
        "difference": str(change.difference),
        "before_text": change.before.text,
        "after_text": change.after.text,
        "before_location": unstructure(change.before.location),
        "after_location": unstructure(change.after.location),
    }


def _comparison_plain(comparison: Comparison) -> dict[str, Any]:
    return {
        "before": {"title": comparison.before_title, "year": comparison.before_year},
        "after": {"title": comparison.after_title, "year": comparison.after_year},
        "warnings": unstructure(comparison.warnings),
        "sections": unstructure(comparison.sections),
        "figures": unstructure(comparison.figures),
        "recurring_problems": unstructure(comparison.recurring_problems),
    }


# the two results whose JSON is a view of them rather than their fields
register_plain_hook(FigureChange, _figure_change_plain)
register_plain_hook(Comparison, _comparison_plain)


# -- sections -----------------------------------------------------------------------------


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
    roles: list[SectionRole | None] = []
    measures_done = False
    for section in report.sections:
        role = section_role(section, report.year, measures_done)
        measures_done = measures_done or role != SectionRole.MEASURES
        roles.append(role)
    return roles


def _compare_sections(a: Report, b: Report) -> list[SectionChange]:
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
                status = "kept" if x.heading == y.heading else "renamed"
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


# -- figures ------------------------------------------------------------------------------


def _figure_key(figure: Figure) -> str:
    words = _KEY_TRIM.sub("", _NOISE.sub("", figure.context))
    change = f"{figure.change.direction}:" if figure.change else ""
    return f"{change}{words[-_KEY_CHARS:]}|{figure.unit}"


def _unique(figures: list[Figure]) -> dict[str, Figure]:
    counts = Counter(_figure_key(f) for f in figures)
    return {
        _figure_key(f): f
        for f in figures
        if counts[_figure_key(f)] == 1 and len(_figure_key(f).split("|")[0]) >= 2
    }


def _compare_figures(a: Report, b: Report) -> list[FigureChange]:
    before, after = _unique(find_figures(a)), _unique(find_figures(b))
    return [FigureChange(key, before[key], fig) for key, fig in after.items() if key in before]


# -- problems -----------------------------------------------------------------------------


def _section_problems(section: Section, path: str, outer: str) -> Iterator[tuple[str, Location]]:
    label = outer + section_label(section)
    subs = [
        s for s in section.subsections if s.role != SectionRole.CAUSES and "原因" not in s.heading
    ]
    for index, block in enumerate(section.body):
        if isinstance(block, Paragraph):
            yield from _paragraph_problems(block, f"{path}.body[{index}]", label)
    for index, sub in enumerate(subs):
        line = sub.layout.line if sub.layout is not None else None
        where = Location(f"{path}.subsections[{index}]", label + section_label(sub), line)
        if sub.subsections or any(isinstance(b, Paragraph) and b.points for b in sub.body):
            yield from _section_problems(sub, f"{path}.subsections[{index}]", label)
        else:
            yield sub.heading, where


def _paragraph_problems(
    paragraph: Paragraph, path: str, section: str
) -> Iterator[tuple[str, Location]]:
    line = paragraph.layout.line if paragraph.layout is not None else None
    if paragraph.points:
        for index, point in enumerate(paragraph.points):
            point_line = point.layout.line if point.layout is not None else line
            yield point.title, Location(f"{path}.points[{index}]", section, point_line)


def problems_of(report: Report) -> list[tuple[str, Location]]:
    """The problems a report lists among its shortcomings, with where each is.

    A problem is a point (``一是执法能力有待提升``) or a subsection heading of the
    shortcomings part (its causes subsections left out); a shortcomings part written as a
    paragraph without points gives its sentences that name a problem.
    """
    parts = find_parts(report)
    place: PartPlace | None = parts.get(SectionRole.SHORTCOMINGS)
    if place is None:
        return []
    if place.section is not None:
        label = place.location.section
        outer = label[: len(label) - len(section_label(place.section))]
        found = list(_section_problems(place.section, place.location.path, outer))
        if found:
            return found
        paragraphs = [b for b in place.section.body if isinstance(b, Paragraph)]
        texts = [p.text for p in paragraphs]
    elif place.paragraph is not None:
        found = list(
            _paragraph_problems(place.paragraph, place.location.path, place.location.section)
        )
        if found:
            return found
        texts = [place.paragraph.text]
    else:  # pragma: no cover - a place is a section or a paragraph
        return []
    sentences = []
    for text in texts:
        for m in _SENTENCE.finditer(text):
            sentence = m.group().strip()
            if re.search(
                r"不足|有待|仍需|不够|不强|不高|不到位|薄弱|欠缺|短板|问题|差距", sentence
            ):
                sentences.append((sentence, place.location))
    return sentences


def _recurring(a: Report, b: Report) -> list[RecurringProblem]:
    before, after = problems_of(a), problems_of(b)
    pairs = []
    for text_b, where_b in after:
        best: tuple[float, str, Location] | None = None
        for text_a, where_a in before:
            score = similarity(text_a, text_b)
            if score >= PROBLEM_MATCH and (best is None or score > best[0]):
                best = (score, text_a, where_a)
        if best is not None:
            pairs.append(RecurringProblem(best[1], text_b, best[0], best[2], where_b))
    return pairs


def _organ_key(organ: str) -> str:
    # one organ written in traditional characters or with spaces is still that organ
    return "".join(fold(organ).split())


def comparison_warnings(a: Report, b: Report) -> list[ComparisonWarning]:
    """Why ``a`` and ``b`` may not be last year's and this year's report of one organ.

    The organs differ when both reports name organs and none is shared (a joint report
    shares an organ with each of its issuers' own reports); the years run backwards when
    both are known and ``a``'s is later. Nothing is said of what a report does not state.
    """
    found = []
    organs_a = {_organ_key(organ) for organ in a.organs}
    organs_b = {_organ_key(organ) for organ in b.organs}
    if organs_a and organs_b and not organs_a & organs_b:
        found.append(
            ComparisonWarning(
                "different-organs",
                f"the reports are of different organs: {a.organ} (before) and {b.organ} (after)",
            )
        )
    if a.year is not None and b.year is not None and a.year > b.year:
        found.append(
            ComparisonWarning(
                "years-backwards",
                f"the years run backwards: the report given first (before) covers {a.year}, "
                f"the second (after) {b.year}; give last year's report first",
            )
        )
    return found


def compare(a: Report, b: Report) -> Comparison:
    """Compare last year's report ``a`` with this year's ``b`` (see the module docs).

    Examples:
        >>> from fazhi_report import Report, Section
        >>> a = Report(sections=[Section(1, 1, "主要举措和成效"), Section(1, 2, "存在问题")])
        >>> b = Report(sections=[Section(1, 1, "主要举措和成效"), Section(1, 2, "下一步工作安排")])
        >>> for change in compare(a, b).sections:
        ...     print(change.status, change.before, change.after)
        kept 主要举措和成效 主要举措和成效
        added None 下一步工作安排
        removed 存在问题 None
    """
    return Comparison(
        before_title=a.title,
        after_title=b.title,
        before_year=a.year,
        after_year=b.year,
        sections=tuple(_compare_sections(a, b)),
        figures=tuple(_compare_figures(a, b)),
        recurring_problems=tuple(_recurring(a, b)),
        warnings=tuple(comparison_warnings(a, b)),
    )


# -- writing ------------------------------------------------------------------------------

_STATUS = {"kept": "保留", "renamed": "改名", "added": "新增", "removed": "删去"}


def _year(year: int | None) -> str:
    return f"{year}年" if year is not None else "年度不详"


def format_comparison(comparison: Comparison, output_format: str = "text") -> str:
    """Write a comparison as a readable text report (Chinese, with English labels) or JSON.

    Raises:
        OptionError: an output format other than ``"text"`` or ``"json"``.
    """
    if output_format == "json":
        return json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if output_format != "text":
        raise OptionError(f"unknown output format {output_format!r}", expected="text or json")
    c = comparison
    lines = [
        f"对比 / comparison: {c.before_title or '（无标题）'}（{_year(c.before_year)}）"
        f" → {c.after_title or '（无标题）'}（{_year(c.after_year)}）",
        *(f"注意 / warning: {w.message}" for w in c.warnings),
        "",
        "一、结构变化 / sections",
    ]
    for s in c.sections:
        indent = "  " * s.level
        role = f" [{s.role.value}]" if s.role is not None else ""
        if s.status == "kept":
            text = f"{s.after}"
        elif s.status == "renamed":
            text = f"{s.before} → {s.after}（相似度 {s.similarity:.2f}）"
        else:
            text = f"{s.before or s.after}"
        lines.append(f"{indent}{_STATUS[s.status]} / {s.status}{role}: {text}")
    changed = [f for f in c.figures if f.changed]
    lines += ["", f"二、数据变化 / figures changed ({len(changed)} of {len(c.figures)} matched)"]
    for f in changed:
        sign = "+" if f.difference > 0 else ""
        lines.append(
            f"  {f.key.split('|')[0]}: {f.before.value} → {f.after.value} {f.after.unit}"
            f"（{sign}{f.difference}）"
        )
    if not changed:
        lines.append("  （无 / none）")
    lines += ["", f"三、问题是否整改 / problems listed again ({len(c.recurring_problems)})"]
    for p in c.recurring_problems:
        lines.append(f"  去年 / before: {p.before}")
        lines.append(f"  今年 / after:  {p.after}（相似度 {p.similarity:.2f}）")
    if not c.recurring_problems:
        lines.append("  （无 / none）")
    return "\n".join(lines) + "\n"
