"""``fazhi-report figures`` and ``references``: list what the reports state or cite.

Both are made by `listing`: read every input over the process pool, run an analysis on each
report in the worker, and write what it finds as text, JSON, CSV or an HTML page
(`fazhi_report.cli.results`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from fazhi_report.analysis.figures import find_figures
from fazhi_report.analysis.references import find_references
from fazhi_report.cli.base import Command, command
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
from fazhi_report.cli.results import OUTPUT_FORMATS, format_figures, format_references
from fazhi_report.model import Report

__all__ = ["figures", "listing", "references"]


def listing(
    name: str,
    *,
    describe: str,
    epilog: str,
    find: Callable[[Report], Any],
    write: Callable[[list[tuple[str, Any]], str], str],
) -> Command:
    """A command that lists what ``find`` finds in each report, written as ``write`` says."""

    @command(name, describe=describe, epilog=epilog)
    @inputs_argument
    @output_format_option(OUTPUT_FORMATS)
    @output_option
    @from_option
    @read_options
    @jobs_option
    def run(
        inputs: tuple[str, ...],
        output_format: str,
        output: str | None,
        from_format: str | None,
        templates: str | None,
        sandboxed: bool,
        jobs: int | None,
        quiet: bool,
        verbose: bool,
    ) -> int:
        with reading_reports(
            inputs,
            quiet=quiet,
            verbose=verbose,
            from_format=from_format,
            jobs=jobs,
            apply=find,
            templates=templates,
            sandboxed=sandboxed,
        ) as (reports, progress):
            found = [(os.fspath(item.path), result) for item, result in reports]
        emit(write(found, output_format), output, csv=output_format == "csv")
        return progress.exit_status

    return run


figures = listing(
    "figures",
    describe="""Read every report INPUTS name and list each quantity it states (刑事拘留821人,
4300余人, 1.1万起, 同比下降8.9%…): its value with the multiplier applied, unit, qualifier
(余/多/近/约…), the comparison when there is one, the text and where it stands; as text, JSON,
CSV or an HTML page (docs/figures.md says what counts as a figure).""",
    epilog="""Examples:
  fazhi-report figures report.txt
  fazhi-report figures reports/ --format csv -o figures.csv""",
    find=find_figures,
    write=format_figures,
)
"""The ``figures`` command."""

references = listing(
    "references",
    describe="""Read every report INPUTS name and list each 《…》 title it cites, classified
(law, regulation, party rule, local document, other) by its ending, with how often and where;
as text, JSON, CSV or an HTML page.""",
    epilog="""Examples:
  fazhi-report references report.txt
  fazhi-report references reports/ --format csv -o references.csv""",
    find=find_references,
    write=format_references,
)
"""The ``references`` command."""
