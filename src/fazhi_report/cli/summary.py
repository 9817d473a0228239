"""``fazhi-report summary``: one row per report of a folder, as CSV, JSON or an HTML page.

The rows are `fazhi_report.rows.report_row`'s, made in the worker processes; the table is
written by `fazhi_report.tables` (through `fazhi_report.rows.rows_to_csv` and its siblings),
the HTML page from the template ``table/summary.html.j2``.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from fazhi_report.batch import ParseFailure
from fazhi_report.cli.base import command
from fazhi_report.cli.inputs import reading_reports
from fazhi_report.cli.io import emit
from fazhi_report.cli.options import (
    from_option,
    inputs_argument,
    jobs_option,
    output_format_option,
    output_option,
    read_options,
)
from fazhi_report.rows import REPORT_KEYS, report_row, rows_to_csv, rows_to_html, rows_to_json

__all__ = ["summary"]

_WRITERS: dict[str, Callable[[list[dict[str, object]]], str]] = {
    "csv": rows_to_csv,
    "json": rows_to_json,
    "html": rows_to_html,
}


@command(
    "summary",
    describe=f"""Read every report INPUTS name (files, folders searched recursively, globs)
and write one row per report: {", ".join(REPORT_KEYS)}.

The has_* columns say which parts (by section role) a report has, and missing lists the
parts the law requires that it lacks. A file that cannot be read gets a row with its error.
The HTML form is a printable page: the table, and a bar chart of how many reports have each
required part. A CSV written to a file starts with a byte-order mark, so that Excel and WPS
read its Chinese text.""",
    epilog="""Examples:
  fazhi-report summary reports/ > reports.csv
  fazhi-report summary reports/ --format html -o summary.html
  fazhi-report summary 'reports/**/*.docx' --format json --jobs 4""",
)
@inputs_argument
@output_format_option(tuple(_WRITERS), name="table_format", help="The form of the table.")
@output_option
@from_option
@read_options
@jobs_option
def summary(
    inputs: tuple[str, ...],
    table_format: str,
    output: str | None,
    from_format: str | None,
    templates: str | None,
    sandboxed: bool,
    jobs: int | None,
    quiet: bool,
    verbose: bool,
) -> int:
    """Run ``fazhi-report summary``."""
    rows: list[dict[str, object]] = []
    with reading_reports(
        inputs,
        quiet=quiet,
        verbose=verbose,
        from_format=from_format,
        jobs=jobs,
        apply=report_row,
        templates=templates,
        sandboxed=sandboxed,
        failures=True,  # a file that fails is a row too, saying why
    ) as (reports, progress):
        for item, result in reports:
            source = os.fspath(item.path)
            if isinstance(result, ParseFailure):
                rows.append(report_row(result, file=source))
            else:
                result["file"] = source
                rows.append(result)
    emit(_WRITERS[table_format](rows), output, csv=table_format == "csv")
    return progress.exit_status
