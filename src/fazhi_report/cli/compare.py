"""``fazhi-report compare``: last year's report against this year's."""

from __future__ import annotations

from typing import Any

import click

from fazhi_report.analysis.compare import format_comparison
from fazhi_report.api import compare as compare_reports
from fazhi_report.api import load
from fazhi_report.cli.base import EXIT_FAILED, EXIT_OK, PROG, command
from fazhi_report.cli.io import emit
from fazhi_report.cli.options import from_option, output_format_option, output_option, read_options

__all__ = ["compare"]


@command(
    "compare",
    describe="""Compare BEFORE (last year's report) with AFTER (this year's, same organ): the
parts and sections that appear, disappear or were renamed, the figures that changed, and the
problems listed last year that come back this year (整改了吗？); as readable text or JSON.
When the two name different organs, or BEFORE covers a later year than AFTER, a warning
goes to standard error (and into the output); --strict makes that exit status 1.""",
    epilog="""Examples:
  fazhi-report compare 2024.docx 2025.docx
  fazhi-report compare 2024.txt 2025.txt --format json -o changes.json""",
)
@click.argument("before", metavar="BEFORE")
@click.argument("after", metavar="AFTER")
@output_format_option(("text", "json"))
@output_option
@from_option
@click.option(
    "--strict",
    is_flag=True,
    help="Exit with status 1 when the reports look mismatched (different organs, or the "
    "years run backwards); without it they are compared with a warning.",
)
@read_options
def compare(
    before: str,
    after: str,
    output_format: str,
    output: str | None,
    from_format: str | None,
    strict: bool,
    templates: str | None,
    sandboxed: bool,
    quiet: bool,
    verbose: bool,
) -> int:
    """Run ``fazhi-report compare``."""
    read: dict[str, Any] = {"templates": templates, "sandboxed": sandboxed}
    comparison = compare_reports(
        load(before, format=from_format, **read), load(after, format=from_format, **read)
    )
    for warning in comparison.warnings:
        click.echo(f"{PROG}: warning: {warning.message}", err=True)
    emit(format_comparison(comparison, output_format), output)
    return EXIT_FAILED if strict and comparison.warnings else EXIT_OK
