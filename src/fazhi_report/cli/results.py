"""The output of ``fazhi-report check``, ``figures`` and ``references``.

Each function takes the results of several reports, as ``(file name, results)`` pairs, and
writes them as text (one line each) or as a table (JSON, CSV or an HTML page, one row per
result with its ``file``, written by `fazhi_report.tables`); ``format_findings`` also gives
the exit status. The commands read the files and run the analyses over their process pool,
then call these:

```python
import fazhi_report as fr
from fazhi_report.cli.results import format_findings

text, status = format_findings([("a.txt", fr.check(fr.load("a.txt")))], "csv")
```

(Until version 0.1 this module was ``fazhi_report.analysis.commands``.)
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

from fazhi_report.analysis.check import Finding, Severity
from fazhi_report.analysis.figures import Figure
from fazhi_report.analysis.references import Reference
from fazhi_report.errors import OptionError
from fazhi_report.tables import FIGURE_COLUMNS, FINDING_COLUMNS, TableWriter, write_table

__all__ = [
    "FIGURE_COLUMNS",
    "FINDINGS_TITLE",
    "FINDING_COLUMNS",
    "OUTPUT_FORMATS",
    "REFERENCE_COLUMNS",
    "FindingWriter",
    "finding_line",
    "format_figures",
    "format_findings",
    "format_references",
]

OUTPUT_FORMATS: tuple[str, ...] = ("text", "json", "csv", "html")
"""The forms of a result: text lines, or a table (`fazhi_report.tables.TABLE_FORMATS`)."""

REFERENCE_COLUMNS = ("title", "kind", "count", "lines")
"""The CSV columns of ``references`` (after ``file``)."""
FINDINGS_TITLE = "检查结果 / findings"
"""The title of the HTML page of ``check``."""


class _Record(Protocol):
    """An analysis result: plain data for a row, a readable line for text."""

    def to_dict(self) -> dict[str, Any]: ...


def _check_format(output_format: str) -> None:
    if output_format not in OUTPUT_FORMATS:
        raise OptionError(
            f"unknown output format {output_format!r}", expected=" or ".join(OUTPUT_FORMATS)
        )


def _rows(source: str, records: Iterable[_Record]) -> list[dict[str, Any]]:
    return [{"file": source, **record.to_dict()} for record in records]


def _table(
    rows: list[dict[str, Any]], output_format: str, columns: Sequence[str], title: str
) -> str:
    return write_table(rows, output_format, columns=["file", *columns], title=title)


def finding_line(source: str, finding: Finding) -> str:
    """One finding as a line in the form compilers use: ``file:line: CODE severity …``."""
    line = finding.location.line
    where = f"{source}:{line}" if line is not None else source
    section = f" {finding.location.section}" if finding.location.section else ""
    return (
        f"{where}: {finding.code} {finding.severity.value} [{finding.name}]{section} "
        f"{finding.message} / {finding.message_en}"
    )


class FindingWriter:
    """Write the findings of several reports one at a time, as `format_findings` writes them.

    Each finding goes to ``write`` as text as soon as it is added (`add`), so that the
    findings of a report with millions of them are never all in memory (an HTML page is
    rendered whole at the end, see `fazhi_report.tables.TableWriter`); `close` writes the end
    (the count per severity, the JSON array's bracket, or the page) and gives the exit status.

    Raises:
        OptionError: an unknown output format.
    """

    def __init__(self, output_format: str, write: Callable[[str], object]) -> None:
        _check_format(output_format)
        self._write = write
        self._rows = (
            None
            if output_format == "text"
            else TableWriter(
                output_format, write, columns=["file", *FINDING_COLUMNS], title=FINDINGS_TITLE
            )
        )
        self.counts = dict.fromkeys(Severity, 0)
        self.files = 0

    def start(self, source: str) -> None:
        """Count one more report (its findings may be none)."""
        self.files += 1

    def add(self, source: str, finding: Finding) -> None:
        """Write one finding of the report ``source``."""
        self.counts[finding.severity] += 1
        if self._rows is None:
            self._write(finding_line(source, finding) + "\n")
        else:
            self._rows.add({"file": source, **finding.to_dict()})

    def close(self) -> int:
        """Write the end of the output; 1 when a finding was an error, else 0."""
        if self._rows is None:
            summary = ", ".join(f"{n} {severity.value}" for severity, n in self.counts.items())
            self._write(f"{self.files} file(s): {summary}\n")
        else:
            self._rows.close()
        return 1 if self.counts[Severity.ERROR] else 0


def format_findings(
    results: Iterable[tuple[str, Iterable[Finding]]], output_format: str = "text"
) -> tuple[str, int]:
    """The findings of several reports as text, JSON, CSV or an HTML page, and the exit status.

    Args:
        results: for each report, its name (a file path) and its findings.
        output_format: ``"text"`` (one line per finding, then a count per severity),
            ``"json"``, ``"csv"`` or ``"html"`` (one row per finding, with its ``file``).

    Returns:
        The text, and 1 when a finding is an error, else 0.

    Raises:
        OptionError: an unknown output format.
    """
    out = io.StringIO()
    writer = FindingWriter(output_format, out.write)
    for source, findings in results:
        writer.start(source)
        for finding in findings:
            writer.add(source, finding)
    status = writer.close()
    return out.getvalue(), status


def _format_records(
    results: Iterable[tuple[str, Sequence[_Record]]],
    output_format: str,
    columns: Sequence[str],
    line: Callable[[str, Any], str],
    title: str,
) -> str:
    _check_format(output_format)
    if output_format == "text":  # only the form asked for is made: a report may have many
        return "".join(
            f"{line(source, record)}\n" for source, records in results for record in records
        )
    rows = [row for source, records in results for row in _rows(source, records)]
    return _table(rows, output_format, columns, title)


def _figure_line(source: str, figure: Figure) -> str:
    line = figure.location.line
    where = f"{source}:{line}" if line is not None else source
    return f"{where}: {figure.location.section or '-'} {figure.describe()}"


def format_figures(
    results: Iterable[tuple[str, Sequence[Figure]]], output_format: str = "text"
) -> str:
    """The figures of several reports as text (one line each), JSON, CSV or an HTML page.

    Raises:
        OptionError: an unknown output format.
    """
    return _format_records(results, output_format, FIGURE_COLUMNS, _figure_line, "数据 / figures")


def format_references(
    results: Iterable[tuple[str, Sequence[Reference]]], output_format: str = "text"
) -> str:
    """The cited 《…》 titles of several reports as text (one line each), JSON, CSV or an
    HTML page.

    Raises:
        OptionError: an unknown output format.
    """
    return _format_records(
        results,
        output_format,
        REFERENCE_COLUMNS,
        lambda source, r: f"{source}: {r}",
        "引用文件 / references",
    )
