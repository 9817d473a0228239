"""``fazhi-report new``: write the draft of a year's report (`fazhi_report.new_report`)."""

from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path
from typing import Any

import click

from fazhi_report.cli.base import EXIT_OK, command
from fazhi_report.cli.io import STDIO, write_stdout
from fazhi_report.cli.options import FormatChoice
from fazhi_report.errors import FileError

__all__ = ["new"]


class _Date(click.ParamType):  # type: ignore[type-arg]  # generic from click 8.5 on
    """A date written YYYY-MM-DD, else a usage error (exit status 2)."""

    name = "date"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> _dt.date:
        """The date ``value`` writes."""
        if isinstance(value, _dt.date):
            return value
        try:
            return _dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date written YYYY-MM-DD", param, ctx)


@command(
    "new",
    describe="""Write the draft of ORGAN's report on YEAR to OUTPUT: the title, the five parts
《法治政府建设与责任落实督察工作规定》 requires as level-1 sections in its order and wording,
a preamble and a closing, each with a passage to fill in marked 【请填写…】, and the signature.
The format comes from --format, else from OUTPUT's suffix ('-' writes text to standard
output). An existing OUTPUT is never overwritten without --force. Without --date the
signature is undated, and 'fazhi-report check' says so (FZ401) until it is dated.""",
    epilog="""Examples:
  fazhi-report new --organ 青禾县司法局 --year 2025 draft.docx
  fazhi-report new --organ 青禾县司法局 --year 2025 --format markdown draft.md
  fazhi-report new --organ 青禾县司法局 --year 2025 --date 2026-01-20 - """,
)
@click.argument("output", metavar="OUTPUT")
@click.option("--organ", required=True, help="The issuing organ, as it signs (青禾县司法局).")
@click.option("--year", required=True, type=int, help="The year the report covers.")
@click.option(
    "--date",
    type=_Date(),
    metavar="YYYY-MM-DD",
    help="The signature date (default: none; the writer dates the report).",
)
@click.option(
    "--format",
    "to_format",
    type=FormatChoice("write"),
    metavar="FORMAT",
    help="The output format: docx, text, markdown, html, json… (default: from OUTPUT's "
    "suffix; text for '-').",
)
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def new(
    output: str,
    organ: str,
    year: int,
    date: _dt.date | None,
    to_format: str | None,
    force: bool,
    quiet: bool,
    verbose: bool,
) -> int:
    """Run ``fazhi-report new``."""
    from fazhi_report import registry
    from fazhi_report.api import render
    from fazhi_report.batch import write_atomically
    from fazhi_report.draft import new_report

    to_stdout = output == STDIO
    # Settle the format and the file first, so that a wrong suffix or an existing file fails
    # before any work.
    if to_format is None:
        to_format = registry.DEFAULT_FORMAT if to_stdout else registry.format_for_path(output)
    binary = registry.get_format(to_format).binary
    if not to_stdout:
        if Path(output).is_dir():
            raise FileError("the output is a folder", source=output, expected="a file name")
        if Path(output).exists() and not force:
            raise FileError(
                "the file exists and is not overwritten",
                source=output,
                expected="another name, or --force to overwrite it",
            )
    elif binary and sys.stdout.isatty():
        raise FileError(
            f"will not write the binary {to_format!r} format to a terminal",
            source="<stdout>",
            expected="an OUTPUT file, or standard output sent to a pipe or file",
        )
    report = new_report(organ, year, date=date)
    rendered = render(report, to_format)
    # a draft has no source encoding to keep: text is UTF-8, as fr.save writes it
    data = rendered.encode("utf-8") if isinstance(rendered, str) else rendered
    if to_stdout:
        write_stdout(data, rendered if isinstance(rendered, str) else None)
    else:
        # under a temporary name, then renamed: an interrupted run leaves no half-written file
        write_atomically(output, data)  # and says nothing, as convert says nothing
    return EXIT_OK
