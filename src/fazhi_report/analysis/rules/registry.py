"""The rule registry: a rule is one function that declares itself with `rule`.

A rule's code, name, group, severity and summaries are written once, on the function that
finds it; `check` runs the registered rules in code order. A user's rule registers the same
way, at run time::

    from fazhi_report.analysis.rules import Context, rule, WARNING

    @rule("XY001", "no-training", group="parts", severity=WARNING,
          summary="未提及培训", summary_en="training is never mentioned")
    def no_training(context: Context) -> None:
        if "培训" not in context.joined.text:
            context.add("报告未提及培训", "the report never mentions training")

`registry_scope` keeps a test's rules from leaking into the next test.
"""

from __future__ import annotations

import contextlib
import enum
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal, TypeVar, cast, get_args

import attrs

from fazhi_report.analysis.parts import PartPlace, find_parts
from fazhi_report.analysis.records import JoinedText, Location, marked_sections
from fazhi_report.convert import unstructure
from fazhi_report.errors import FazhiReportError
from fazhi_report.model import Report, Section, SectionRole
from fazhi_report.model.traversal import SectionAt

__all__ = [
    "ERROR",
    "GROUPS",
    "INFO",
    "WARNING",
    "Context",
    "Finding",
    "Group",
    "Rule",
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


class Severity(str, enum.Enum):
    """How much a finding matters. A report with an error does not meet the regulation."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

Group = Literal["parts", "numbering", "format", "dates"]
"""The rule groups, selectable by name."""

GROUPS: tuple[Group, ...] = get_args(Group)
"""The rule groups, in the order `check` reports them."""


class UnknownRuleError(FazhiReportError, LookupError):
    """A rule selection naming no rule code, rule name or group."""


@attrs.frozen
class Finding:
    """One thing a check found in a report.

    Attributes:
        code: the rule's code, e.g. ``"FZ103"``.
        name: the rule's name, e.g. ``"missing-responsibility"``.
        severity: error, warning or info.
        message: what was found, in Chinese.
        message_en: the same in English.
        location: where it is (the report as a whole for a missing part).
    """

    code: str
    name: str
    severity: Severity
    message: str
    message_en: str
    location: Location = attrs.field(factory=Location)

    def to_dict(self) -> dict[str, Any]:
        """The finding as plain JSON data (`fazhi_report.convert.unstructure`)."""
        return cast("dict[str, Any]", unstructure(self))

    def __str__(self) -> str:
        return (
            f"{self.location}: {self.code} {self.severity.value} [{self.name}] "
            f"{self.message} / {self.message_en}"
        )


KEEP_SECTIONS = 10_000
"""The most sections `Context.headings` keeps for the other rules of a run."""

_T = TypeVar("_T")


class Context:
    """What a rule function is handed: the report, shared views of it, and `add`.

    The views (`joined`, `parts`, `top_roles`) are made once per run, on first use, for the
    rules that read them.
    """

    def __init__(self, report: Report, sink: Callable[[Finding], object]) -> None:
        self.report = report
        self._sink = sink
        self._rule: Rule | None = None
        self._joined: JoinedText | None = None
        self._parts: dict[SectionRole, PartPlace] | None = None
        self._headings: list[tuple[SectionAt, str]] | None = None
        self._memo: dict[str, object] = {}

    @property
    def joined(self) -> JoinedText:
        """The report's strings joined, for the rules that search text."""
        if self._joined is None:
            self._joined = JoinedText(self.report)
        return self._joined

    @property
    def parts(self) -> dict[SectionRole, PartPlace]:
        """Where each required part is (`find_parts`)."""
        if self._parts is None:
            self._parts = find_parts(self.report)
        return self._parts

    @property
    def sections(self) -> Iterator[tuple[str, Section, str]]:
        """Every section with its path and its ancestors' markers."""
        return ((at.path, at.section, outer) for at, outer in self.headings())

    def headings(self) -> Iterable[tuple[SectionAt, str]]:
        """Every section where it stands (`walk_sections`), with its ancestors' markers.

        Kept for the run's other rules up to `KEEP_SECTIONS` sections, and walked again for
        each rule past that: a list of every section's path would cost more than the
        sections do in a report of a million one-line headings.
        """
        if self._headings is not None:
            return self._headings
        return self._walk_headings()

    def _walk_headings(self) -> Iterator[tuple[SectionAt, str]]:
        kept: list[tuple[SectionAt, str]] | None = []
        for at, outer in marked_sections(self.report):
            if kept is not None:
                kept.append((at, outer))
                if len(kept) > KEEP_SECTIONS:
                    kept = None
            yield at, outer
        if kept is not None:
            self._headings = kept

    def memo(self, key: str, make: Callable[[], _T]) -> _T:
        """``make()``, made once per run under ``key`` for the rules that share it."""
        if key not in self._memo:
            self._memo[key] = make()
        return cast(_T, self._memo[key])

    def add(
        self,
        message: str,
        message_en: str,
        location: Location | None = None,
        severity: Severity | None = None,
    ) -> None:
        """Report a finding of the running rule (its own severity unless ``severity``)."""
        rule = self._rule
        assert rule is not None, "add() is called by a rule while it runs"
        self._sink(
            Finding(
                rule.code,
                rule.name,
                severity or rule.severity,
                message,
                message_en,
                location or Location(),
            )
        )


RuleFunction = Callable[[Context], None]
"""A rule: reads the report from its `Context` and calls `Context.add` for each finding."""


@attrs.frozen
class Rule:
    """One check, as documented in ``docs/checks.md``.

    Attributes:
        code: the stable code, e.g. ``"FZ103"``.
        name: a readable name, e.g. ``"missing-responsibility"``.
        group: ``"parts"``, ``"numbering"``, ``"format"`` or ``"dates"``.
        severity: the severity of its findings (a few rules say more in one case, e.g. a
            signature dated before the report year even began is an error).
        summary: what it finds, in Chinese.
        summary_en: what it finds, in English.
        function: the function that finds it.
    """

    code: str
    name: str
    group: Group
    severity: Severity
    summary: str
    summary_en: str
    function: RuleFunction = attrs.field(eq=False, repr=False)


_REGISTRY: dict[str, Rule] = {}


def register_rule(new: Rule) -> Rule:
    """Add a rule to those `check` runs.

    Raises:
        ValueError: its code or name is taken, or its group is none of `GROUPS`.
    """
    code = new.code.strip().upper()
    if code != new.code or not code:
        raise ValueError(f"a rule code is upper case without spaces: {new.code!r}")
    if code in _REGISTRY:
        raise ValueError(f"rule code {code} is taken")
    if any(r.name == new.name for r in _REGISTRY.values()) or new.name in GROUPS:
        raise ValueError(f"rule name {new.name!r} is taken")
    if new.group not in GROUPS:
        raise ValueError(f"rule group {new.group!r} is none of {', '.join(GROUPS)}")
    _REGISTRY[code] = new
    return new


def rule(
    code: str,
    name: str,
    *,
    group: Group,
    severity: Severity,
    summary: str,
    summary_en: str,
) -> Callable[[RuleFunction], RuleFunction]:
    """Register the decorated function as the rule ``code`` (see `Rule` for the fields)."""

    def register(function: RuleFunction) -> RuleFunction:
        register_rule(Rule(code, name, group, severity, summary, summary_en, function))
        return function

    return register


def unregister_rule(code: str) -> None:
    """Remove a rule from those `check` runs (a `KeyError` for a code never registered)."""
    del _REGISTRY[code]


@contextlib.contextmanager
def registry_scope() -> Iterator[None]:
    """Rules registered inside the ``with`` block are gone after it (for tests)."""
    saved = dict(_REGISTRY)
    try:
        yield
    finally:
        _REGISTRY.clear()
        _REGISTRY.update(saved)


def registered_rules() -> tuple[Rule, ...]:
    """Every rule `check` runs now, in code order."""
    return tuple(sorted(_REGISTRY.values(), key=lambda r: r.code))


def select_rules(rules: Iterable[str] | None) -> frozenset[str]:
    """The codes a selection names: codes (``FZ103``), names (``missing-plans``), groups
    (``parts``) or code prefixes (``FZ1``); every code when ``rules`` is ``None``.

    Raises:
        UnknownRuleError: an item names nothing.
    """
    if rules is None:
        return frozenset(_REGISTRY)
    if isinstance(rules, str):
        rules = [rules]
    by_name = {r.name: r.code for r in _REGISTRY.values()}
    chosen: set[str] = set()
    for item in rules:
        key = item.strip()
        upper = key.upper()
        prefixed = [c for c in _REGISTRY if c.startswith(upper)] if len(upper) >= 2 else []
        if upper in _REGISTRY:
            chosen.add(upper)
        elif key in by_name:
            chosen.add(by_name[key])
        elif key in GROUPS:
            chosen.update(r.code for r in _REGISTRY.values() if r.group == key)
        elif prefixed:
            chosen.update(prefixed)
        else:
            raise UnknownRuleError(
                f"no rule is called {item!r}",
                expected="a code such as FZ103, a name such as missing-plans, or a group: "
                + ", ".join(GROUPS),
            )
    return frozenset(chosen)


def _run(report: Report, codes: frozenset[str], sink: Callable[[Finding], object]) -> None:
    """Run the chosen rules in code order: each rule's findings come out together, in
    document order."""
    context = Context(report, sink)
    for code in sorted(codes):
        context._rule = _REGISTRY[code]
        context._rule.function(context)
    context._rule = None


def check(report: Report, *, rules: Iterable[str] | None = None) -> list[Finding]:
    """Check a report against the rules (all of them, or those ``rules`` names).

    Args:
        report: a parsed report or one built in code.
        rules: codes (``"FZ103"``), names (``"missing-plans"``), groups (``"parts"``,
            ``"numbering"``, ``"format"``, ``"dates"``) or code prefixes (``"FZ1"``);
            ``None`` for every rule.

    Returns:
        The findings in code order, in document order within each rule.

    Raises:
        UnknownRuleError: ``rules`` names something that is no rule.

    Examples:
        >>> from fazhi_report import Report, Section
        >>> report = Report(title="某局2024年法治政府建设情况报告", year=2024,
        ...                 sections=[Section(1, 1, "主要举措和成效")])
        >>> [f.code for f in check(report, rules=["parts"])]
        ['FZ102', 'FZ103', 'FZ104', 'FZ105']
    """
    findings: list[Finding] = []
    _run(report, select_rules(rules), findings.append)
    return findings


def check_into(
    report: Report, sink: Callable[[Finding], object], *, rules: Iterable[str] | None = None
) -> None:
    """Hand each finding of `check` to ``sink`` as it is made, in `check`'s order.

    Nothing is kept: a command that writes the findings of a report with millions of them
    (a text of a million one-line headings) holds one at a time.

    Raises:
        UnknownRuleError: ``rules`` names something that is no rule.
    """
    _run(report, select_rules(rules), sink)


def count_findings(report: Report, *, rules: Iterable[str] | None = None) -> int:
    """How many findings `check` makes, without keeping them (``len(check(report))``).

    Raises:
        UnknownRuleError: ``rules`` names something that is no rule.
    """
    count = 0

    def tally(_: Finding) -> None:
        nonlocal count
        count += 1

    _run(report, select_rules(rules), tally)
    return count
