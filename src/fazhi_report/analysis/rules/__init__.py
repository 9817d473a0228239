"""Checks a supervising office runs on a report: required parts, numbering, format, dates.

`check` returns `Finding` values, never raises for what it finds: a code (``FZ103``), a name
(``missing-responsibility``), a severity, a message in Chinese and in English, and where. It
runs on any report, parsed or built in code (a report built in code has no source lines and no
layout, so the rules that read how a thing was written, such as mixed marker styles, have
nothing to say about it).

Each rule is one function declared with `rule` in the module of its family (`parts`,
`numbering`, `format`, `dates`), documented with an example in ``docs/checks.md``; select
rules by code, name, group or code prefix: ``check(report, rules=["FZ103", "numbering"])``.
A rule of your own registers the same way (see ``docs/checks.md``, "Adding a rule").
"""

from __future__ import annotations

from fazhi_report.analysis.rules import dates, format, numbering, parts
from fazhi_report.analysis.rules.registry import (
    ERROR,
    GROUPS,
    INFO,
    WARNING,
    Context,
    Finding,
    Group,
    Rule,
    RuleFunction,
    Severity,
    UnknownRuleError,
    check,
    check_into,
    count_findings,
    register_rule,
    registered_rules,
    registry_scope,
    rule,
    select_rules,
    unregister_rule,
)

__all__ = [
    "ERROR",
    "GROUPS",
    "INFO",
    "RULES",
    "WARNING",
    "Context",
    "Finding",
    "Group",
    "Rule",
    "RuleFunction",
    "Severity",
    "UnknownRuleError",
    "check",
    "check_into",
    "count_findings",
    "register_rule",
    "registered_rules",
    "registry_scope",
    "rule",
    "select_rules",
    "unregister_rule",
]

# the family modules register the built-in rules on import
del dates, format, numbering, parts

RULES: tuple[Rule, ...] = registered_rules()
"""Every built-in rule, in code order (`registered_rules` adds those registered since)."""
