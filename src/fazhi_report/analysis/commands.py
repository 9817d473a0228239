"""The work behind ``fazhi-report check``, ``figures``, ``references`` and ``compare``.

Each function reads the files it is given, runs one analysis and returns the text to print and
the exit status, so a command-line front end only parses its options and prints:

```python
text, status = run_check([Path("a.txt"), Path("b.docx")], output_format="text")
```

Errors reading a file (`fazhi_report.errors.FazhiReportError`) are raised, not printed: the
front end reports them as it reports every other error.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from fazhi_report.analysis.check import Finding, Severity, check
from fazhi_report.analysis.compare import compare, format_comparison
from fazhi_report.analysis.figures import Figure, find_figures
from fazhi_report.analysis.records import OUTPUT_FORMATS, Record, write_rows
from fazhi_report.analysis.references import Reference, find_references
from fazhi_report.api import load
from fazhi_report.errors import OptionError

__all__ = [
    "FIGURE_COLUMNS",
    "FINDING_COLUMNS",
    "REFERENCE_COLUMNS",
    "finding_line",
    "format_figures",
    "format_findings",
    "format_references",
    "run_check",
    "run_compare",
    "run_figures",
    "run_references",
]

Path = str | os.PathLike[str]

FINDING_COLUMNS = (
    "code", "name", "severity", "location.line", "location.section", "location.path",
    "message", "message_en",
)  # fmt: skip
"""The CSV columns of ``check`` (after ``file``)."""
FIGURE_COLUMNS = (
    "value", "unit", "qualifier", "change.direction", "change.basis", "text", "context",
    "location.line", "location.section", "location.path", "start", "end", "number",
    "multiplier", "sentence",
)  # fmt: skip
"""The CSV columns of ``figures`` (after ``file``)."""
REFERENCE_COLUMNS = ("title", "kind", "count", "lines")
"""The CSV columns of ``references`` (after ``file``)."""


def _check_format(output_format: str, allowed: Sequence[str] = OUTPUT_FORMATS) -> None:
    if output_format not in allowed:
        raise OptionError(f"unknown output format {output_format!r}", expected=" or ".join(allowed))


def finding_line(source: str, finding: Finding) -> str:
    """One finding as a line in the form compilers use: ``file:line: CODE severity …``."""
    line = finding.location.line
    where = f"{source}:{line}" if line is not None else source
    section = f" {finding.location.section}" if finding.location.section else ""
    return (
        f"{where}: {finding.code} {finding.severity.value} [{finding.name}]{section} "
        f"{finding.message} / {finding.message_en}"
    )


def _rows(source: str, records: Iterable[Record]) -> list[dict[str, Any]]:
    return [{"file": source, **record.to_dict()} for record in records]


def format_findings(
    results: Iterable[tuple[str, Sequence[Finding]]], output_format: str = "text"
) -> tuple[str, int]:
    """The findings of several reports as text, JSON or CSV, and the exit status.

    Args:
        results: for each report, its name (a file path) and its findings.
        output_format: ``"text"`` (one line per finding, then a count per severity),
            ``"json"`` or ``"csv"`` (one row per finding, with its ``file``).

    Returns:
        The text, and 1 when a finding is an error, else 0.

    Raises:
        OptionError: an unknown output format.
    """
    _check_format(output_format)
    lines: list[str] = []
    rows: list[dict[str, Any]] = []
    counts = dict.fromkeys(Severity, 0)
    files = 0
    for source, findings in results:
        files += 1
        for finding in findings:
            counts[finding.severity] += 1
        lines.extend(finding_line(source, f) for f in findings)
        rows.extend(_rows(source, findings))
    status = 1 if counts[Severity.ERROR] else 0
    if output_format != "text":
        return write_rows(rows, output_format, columns=["file", *FINDING_COLUMNS]), status
    summary = ", ".join(f"{n} {severity.value}" for severity, n in counts.items())
    lines.append(f"{files} file(s): {summary}")
    return "\n".join(lines) + "\n", status


def _format_records(
    results: Iterable[tuple[str, Sequence[Record]]],
    output_format: str,
    columns: Sequence[str],
    line: Callable[[str, Any], str],
) -> str:
    _check_format(output_format)
    lines: list[str] = []
    rows: list[dict[str, Any]] = []
    for source, records in results:
        lines.extend(line(source, record) for record in records)
        rows.extend(_rows(source, records))
    if output_format != "text":
        return write_rows(rows, output_format, columns=["file", *columns])
    return "".join(f"{text}\n" for text in lines)


def _figure_line(source: str, figure: Figure) -> str:
    line = figure.location.line
    where = f"{source}:{line}" if line is not None else source
    return f"{where}: {figure.location.section or '-'} {figure.describe()}"


def format_figures(
    results: Iterable[tuple[str, Sequence[Figure]]], output_format: str = "text"
) -> str:
    """The figures of several reports as text (one line each), JSON or CSV.

    Raises:
        OptionError: an unknown output format.
    """
    return _format_records(results, output_format, FIGURE_COLUMNS, _figure_line)


def format_references(
    results: Iterable[tuple[str, Sequence[Reference]]], output_format: str = "text"
) -> str:
    """The cited 《…》 titles of several reports as text (one line each), JSON or CSV.

    Raises:
        OptionError: an unknown output format.
    """
    return _format_records(
        results, output_format, REFERENCE_COLUMNS, lambda source, r: f"{source}: {r}"
    )


def run_check(
    paths: Sequence[Path], *, output_format: str = "text", rules: Iterable[str] | None = None
) -> tuple[str, int]:
    """Check each file; the findings as text, JSON or CSV, and status 1 if any is an error.

    Args:
        paths: the report files (any format `fazhi_report.load` reads).
        output_format: as for `format_findings`.
        rules: the rules to run (see `fazhi_report.analysis.check.check`); all by default.

    Raises:
        OptionError: an unknown output format.
        UnknownRuleError: ``rules`` names no rule.
        FazhiReportError: a file cannot be read.
    """
    _check_format(output_format)
    if rules is not None:
        rules = [rules] if isinstance(rules, str) else list(rules)  # read once, used per file
    chosen = rules
    return format_findings(
        ((os.fspath(path), check(load(path), rules=chosen)) for path in paths), output_format
    )


def run_figures(paths: Sequence[Path], *, output_format: str = "text") -> tuple[str, int]:
    """Every figure of each file as text, JSON or CSV; the status is 0.

    Raises:
        OptionError: an unknown output format.
        FazhiReportError: a file cannot be read.
    """
    _check_format(output_format)
    results = ((os.fspath(path), find_figures(load(path))) for path in paths)
    return format_figures(results, output_format), 0


def run_references(paths: Sequence[Path], *, output_format: str = "text") -> tuple[str, int]:
    """Every cited 《…》 title of each file as text, JSON or CSV; the status is 0.

    Raises:
        OptionError: an unknown output format.
        FazhiReportError: a file cannot be read.
    """
    _check_format(output_format)
    results = ((os.fspath(path), find_references(load(path))) for path in paths)
    return format_references(results, output_format), 0


def run_compare(before: Path, after: Path, *, output_format: str = "text") -> tuple[str, int]:
    """Compare last year's report file with this year's, as readable text or JSON.

    The status is 0: a comparison is a report, not a verdict.

    Raises:
        OptionError: an output format other than ``"text"`` or ``"json"``.
        FazhiReportError: a file cannot be read.
    """
    _check_format(output_format, ("text", "json"))
    comparison = compare(load(before), load(after))
    return format_comparison(comparison, output_format), 0
