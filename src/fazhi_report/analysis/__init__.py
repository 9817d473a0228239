"""Analyses of a report: roles, the required-parts check, figures, references, comparison.

Parsing never imports this package; `fazhi_report.check`, `fazhi_report.compare`,
`fazhi_report.figures` and `fazhi_report.references` load it on first use.
"""

from fazhi_report.analysis.compare import (
    Comparison,
    ComparisonWarning,
    FigureChange,
    RecurringProblem,
    SectionChange,
    compare,
    format_comparison,
)
from fazhi_report.analysis.figures import Change, Figure, find_figures
from fazhi_report.analysis.records import Location
from fazhi_report.analysis.references import Reference, ReferenceKind, find_references
from fazhi_report.analysis.roles import infer_role, infer_subrole
from fazhi_report.analysis.rules import RULES, Finding, Rule, Severity, UnknownRuleError, check

__all__ = [
    "RULES",
    "Change",
    "Comparison",
    "ComparisonWarning",
    "Figure",
    "FigureChange",
    "Finding",
    "Location",
    "RecurringProblem",
    "Reference",
    "ReferenceKind",
    "Rule",
    "SectionChange",
    "Severity",
    "UnknownRuleError",
    "check",
    "compare",
    "find_figures",
    "find_references",
    "format_comparison",
    "infer_role",
    "infer_subrole",
]
