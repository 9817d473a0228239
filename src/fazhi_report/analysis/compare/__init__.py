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

import re
from collections import Counter

from fazhi_report._cues import fold
from fazhi_report.analysis.compare.problems import problems_of, recurring
from fazhi_report.analysis.compare.results import (
    HEADING_MATCH as HEADING_MATCH,
)
from fazhi_report.analysis.compare.results import (
    NOISE,
    Comparison,
    ComparisonWarning,
    FigureChange,
    RecurringProblem,
    SectionChange,
    SectionStatus,
    WarningCode,
    similarity,
)
from fazhi_report.analysis.compare.results import (
    PROBLEM_MATCH as PROBLEM_MATCH,
)
from fazhi_report.analysis.compare.sections import compare_sections
from fazhi_report.analysis.compare.writing import format_comparison
from fazhi_report.analysis.figures import Figure, find_figures
from fazhi_report.model import Report

__all__ = [
    "Comparison",
    "ComparisonWarning",
    "FigureChange",
    "RecurringProblem",
    "SectionChange",
    "SectionStatus",
    "WarningCode",
    "compare",
    "comparison_warnings",
    "format_comparison",
    "problems_of",
    "similarity",
]

_KEY_CHARS = 6  # clause words a figure is matched by
_KEY_TRIM = re.compile(r"^(?:共|累计|共计|全年|今年|今年以来|今年来|全局|全市|全县|全区)+")


def _figure_key(figure: Figure) -> str:
    words = _KEY_TRIM.sub("", NOISE.sub("", figure.context))
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
        sections=tuple(compare_sections(a, b)),
        figures=tuple(_compare_figures(a, b)),
        recurring_problems=tuple(recurring(a, b)),
        warnings=tuple(comparison_warnings(a, b)),
    )
