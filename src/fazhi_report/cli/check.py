"""``fazhi-report check``: check reports for the required parts, numbering, format and dates.

The rules run in the worker processes (`fazhi_report.check` over each report), or, with one
worker, in this process as each finding is written; the findings are written one at a time
by `fazhi_report.cli.results.FindingWriter`.
"""

from __future__ import annotations

import functools
import os

import click

from fazhi_report.analysis.check import check_into, select_rules
from fazhi_report.api import check as check_report
from fazhi_report.cli.base import command
from fazhi_report.cli.inputs import reading_reports
from fazhi_report.cli.io import output_stream
from fazhi_report.cli.options import (
    from_option,
    inputs_argument,
    jobs_option,
    output_format_option,
    output_option,
    read_options,
)
from fazhi_report.cli.results import OUTPUT_FORMATS, FindingWriter
from fazhi_report.errors import FazhiReportError
from fazhi_report.model import Report

__all__ = ["check", "rule_list"]


def rule_list(rules: str | None) -> list[str] | None:
    """The ``--rules`` option as a list, checked now: a bad name is a usage error."""
    if rules is None:
        return None
    chosen = [name.strip() for name in rules.split(",") if name.strip()]
    try:
        select_rules(chosen)
    except FazhiReportError as exc:
        raise click.BadParameter(str(exc), param_hint="'--rules'") from None
    return chosen


@command(
    "check",
    describe="""Check every report INPUTS name (files, folders searched recursively, globs)
and print its findings, one line each in the form 'file:line: CODE severity [name] section
message / English message', then a count per severity; or a JSON list, a CSV table or an
HTML page of them.

The rules (FZ1xx required parts of 《法治政府建设与责任落实督察工作规定》, FZ2xx numbering, FZ3xx
format, FZ4xx dates) are listed with examples in the docs (docs/checks.md). --rules picks
some by code (FZ101), name (missing-plans), group (parts) or code prefix (FZ2), comma-separated.

Exit status 1 when a finding is an error (a required part missing, say) or an input failed.""",
    epilog="""Examples:
  fazhi-report check report.docx
  fazhi-report check reports/ --format csv -o findings.csv
  fazhi-report check reports/ --rules parts,dates""",
)
@inputs_argument
@output_format_option(OUTPUT_FORMATS)
@click.option(
    "--rules",
    metavar="RULES",
    help="The rules to run, comma-separated codes, names, groups or prefixes (default: all).",
)
@output_option
@from_option
@read_options
@jobs_option
def check(
    inputs: tuple[str, ...],
    output_format: str,
    rules: str | None,
    output: str | None,
    from_format: str | None,
    templates: str | None,
    sandboxed: bool,
    jobs: int | None,
    quiet: bool,
    verbose: bool,
) -> int:
    """Run ``fazhi-report check``."""
    chosen = rule_list(rules)
    run = functools.partial(check_report, rules=chosen)
    # each finding is written as it is found: a report can have millions (a text of one-line
    # headings), which as objects and then as one text would take gigabytes
    with output_stream(output, csv=output_format == "csv") as write:
        writer = FindingWriter(output_format, write)
        with reading_reports(
            inputs,
            verb="checked",
            quiet=quiet,
            verbose=verbose,
            from_format=from_format,
            jobs=jobs,
            apply=run,
            apply_alone=False,
            templates=templates,
            sandboxed=sandboxed,
        ) as (reports, progress):
            for found, result in reports:
                source = os.fspath(found.path)
                writer.start(source)
                if isinstance(result, Report):
                    check_into(result, functools.partial(writer.add, source), rules=chosen)
                else:
                    for finding in result:
                        writer.add(source, finding)
        status = writer.close()
    return max(status, progress.exit_status)
