"""What a comparison finds: the records it returns, and how alike two texts are."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from typing import Any, Literal, cast

import attrs

from fazhi_report.analysis.figures import Figure
from fazhi_report.analysis.records import Location
from fazhi_report.convert import PLAIN, register_plain_hook, unstructure
from fazhi_report.model import SectionRole

__all__ = [
    "HEADING_MATCH",
    "PROBLEM_MATCH",
    "Comparison",
    "ComparisonWarning",
    "FigureChange",
    "RecurringProblem",
    "SectionChange",
    "SectionStatus",
    "WarningCode",
    "similarity",
]

HEADING_MATCH = 0.5
"""The similarity from which two headings are taken for the same section renamed."""
PROBLEM_MATCH = 0.35
"""The similarity from which two problems are taken for the same problem again."""

SectionStatus = Literal["kept", "renamed", "added", "removed"]
"""What became of a section (`SectionChange.status`)."""

WarningCode = Literal["different-organs", "years-backwards"]
"""Why two reports may not be one organ's in order (`ComparisonWarning.code`)."""

NOISE = re.compile(r"[^\u3400-\u9fffA-Za-z]+")


def _bigrams(text: str) -> Counter[str]:
    clean = NOISE.sub("", text)
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

    status: SectionStatus
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

    code: WarningCode
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
        from fazhi_report.analysis.compare.writing import format_comparison

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
