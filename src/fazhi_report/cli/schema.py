"""``fazhi-report schema``: the JSON Schema of the JSON the library writes."""

from __future__ import annotations

import click

from fazhi_report.cli.base import EXIT_OK, command
from fazhi_report.cli.io import emit
from fazhi_report.cli.options import output_option

__all__ = ["schema"]


@command(
    "schema",
    describe="""Print the JSON Schema (draft 2020-12) of what 'convert --to json' and
fr.to_dict write, versioned with the data; --layout for the form that keeps the source layout
(--style lossless).""",
    epilog="""Examples:
  fazhi-report schema > report.schema.json
  fazhi-report schema --layout -o report-layout.schema.json""",
)
@click.option("--layout", is_flag=True, help="The schema of the JSON that keeps the layout.")
@output_option
def schema(layout: bool, output: str | None, quiet: bool, verbose: bool) -> int:
    """Run ``fazhi-report schema``."""
    from fazhi_report.schema import schema_text

    emit(schema_text(layout=layout), output)
    return EXIT_OK
