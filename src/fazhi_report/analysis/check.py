"""The checks, under their old module name: the rules live in `fazhi_report.analysis.rules`.

Kept so that ``from fazhi_report.analysis.check import check_into, select_rules`` (and every
other name this module had) goes on working.
"""

from __future__ import annotations

from fazhi_report.analysis.rules import (
    GROUPS,
    RULES,
    Finding,
    Rule,
    Severity,
    UnknownRuleError,
    check,
    check_into,
    count_findings,
    select_rules,
)

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
