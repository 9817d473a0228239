"""The ``fazhi-report`` command: convert reports one at a time or by the folder, outline them,
check them, and tabulate a folder of them.

```
fazhi-report convert report.txt report.docx
fazhi-report convert reports/ --out-dir out/ --to docx --jobs 4
fazhi-report inspect report.txt
fazhi-report summary reports/ --format html -o summary.html
fazhi-report formats
```

The program is a small root group, `cli`, with a table of commands, `COMMANDS`: each row
names the module and object of one command and its one-line summary. A command's module is
imported only when that command runs or shows its help, so ``fazhi-report --version`` and
``--help`` import no command, no analysis, no reader and no renderer. One module a command
(`fazhi_report.cli.convert`, ``summary``, ``check``, ``listing`` for figures and references,
``compare``, ``schema``, ``inspect``, ``formats``); what they share: options
(`fazhi_report.cli.options`), progress (`fazhi_report.cli.progress`), streams and output files
(`fazhi_report.cli.io`), inputs (`fazhi_report.cli.inputs`).

Exit status: 0 when every input was done (or skipped: its output existed), 1 when an input
or output failed (each failure is reported with its reason and the run goes on), 2 for a
usage error, 130 when interrupted (Ctrl-C). Messages follow one language policy: English
sentences, options and format names as typed (``--out-dir``, ``docx``), domain terms in
Chinese where they name the document (法治政府建设情况报告, 一是); data goes to standard output,
messages, progress and errors to standard error.

A new command of this package is one module and one row of `COMMANDS`. A command added at
run time (by a script or another package) takes a few lines: decorate a function with
`subcommand`, take the shared arguments and options (`inputs_argument`, `from_option`,
`read_options`, `jobs_option`; ``quiet`` and ``verbose`` come with every command), walk the
reports with `each_report`, and return the exit status::

    @subcommand("titles", summary="print each report's title", epilog="fazhi-report titles dir/")
    @inputs_argument
    @from_option
    @jobs_option
    def titles(inputs, from_format, jobs, quiet, verbose) -> int:
        with BatchProgress("titles", quiet=quiet, verbose=verbose) as progress:
            for found, report in each_report(inputs, progress, from_format=from_format, jobs=jobs):
                click.echo(f"{found.path}\\t{report.title}")
        return progress.exit_status
"""

from __future__ import annotations

import importlib
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import click

from fazhi_report import __version__
from fazhi_report.cli.base import (
    CONTEXT,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    Command,
    CommandEntry,
    LazyGroup,
    command,
)
from fazhi_report.cli.io import describe_error, prepare_stream, warning_line
from fazhi_report.errors import FazhiReportError

if TYPE_CHECKING:
    from fazhi_report.cli.inputs import each_report
    from fazhi_report.cli.options import (
        FormatChoice,
        from_option,
        inputs_argument,
        jobs_option,
        read_options,
    )
    from fazhi_report.cli.progress import BatchProgress
    from fazhi_report.renderers.outline import outline

__all__ = [
    "COMMANDS",
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "BatchProgress",
    "CommandEntry",
    "FormatChoice",
    "cli",
    "each_report",
    "from_option",
    "inputs_argument",
    "jobs_option",
    "main",
    "outline",
    "read_options",
    "subcommand",
]

COMMANDS: dict[str, CommandEntry] = {
    "convert": CommandEntry(
        "fazhi_report.cli.convert:convert",
        "Convert reports to another format or style, one or a folder at a time.",
    ),
    "summary": CommandEntry(
        "fazhi_report.cli.summary:summary",
        "Write one row per report of a folder: CSV, JSON, or HTML with a chart.",
    ),
    "check": CommandEntry(
        "fazhi_report.cli.check:check",
        "Check reports for the required parts, numbering, format and dates.",
    ),
    "figures": CommandEntry(
        "fazhi_report.cli.listing:figures",
        "List every figure reports state: value, unit, qualifier, change, place.",
    ),
    "references": CommandEntry(
        "fazhi_report.cli.listing:references",
        "List the laws, regulations and documents reports cite (《…》).",
    ),
    "compare": CommandEntry(
        "fazhi_report.cli.compare:compare", "Compare last year's report with this year's."
    ),
    "schema": CommandEntry(
        "fazhi_report.cli.schema:schema",
        "Print the JSON Schema (2020-12) of the JSON this library writes.",
    ),
    "inspect": CommandEntry(
        "fazhi_report.cli.inspect:inspect", "Print an outline of a report's structure."
    ),
    "new": CommandEntry(
        "fazhi_report.cli.new:new", "Write the draft of a year's report, its parts to fill in."
    ),
    "formats": CommandEntry(
        "fazhi_report.cli.formats:formats", "List the formats it reads and writes."
    ),
    "fonts": CommandEntry(
        "fazhi_report.cli.fonts:fonts", "List the Word file's faces this machine has."
    ),
}
"""The program's commands, in the order its help lists them: name → module:object, summary."""


class _Program(LazyGroup):
    """The program: its commands from `COMMANDS`, the formats' suffixes after them."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The suffixes that name each format, then the examples and exit statuses."""
        from fazhi_report.cli.options import format_table  # the format table, on --help only

        with formatter.section("Formats (named by file suffix)"):
            rows = [(", ".join(f.suffixes), f.name) for f in format_table() if f.suffixes]
            formatter.write_dl(rows)
        super().format_epilog(ctx, formatter)


@click.group(
    cls=_Program,
    table=COMMANDS,
    context_settings=CONTEXT,
    epilog="\b\nExamples:\n  fazhi-report convert report.txt report.docx\n"
    "  fazhi-report convert reports/ --out-dir out/ --to docx\n"
    "  fazhi-report inspect report.txt\n\n"
    "Exit status: 0 done, 1 an input or output failed, 2 usage error, 130 interrupted.",
)
@click.version_option(
    __version__,
    "--version",
    prog_name=PROG,
    message="%(prog)s %(version)s",
    help="Print the program's version and exit.",
)
def cli() -> None:
    """Parse, convert, outline and tabulate Chinese 法治政府建设情况报告 (rule-of-law government
    reports). 'fazhi-report COMMAND --help' describes each command."""


def subcommand(
    name: str, *, summary: str, epilog: str, describe: Callable[[], str] | str | None = None
) -> Callable[[Callable[..., Any]], Command]:
    """Add a command to the program at run time (a script's or another package's).

    The function gets every argument and option as a keyword (``quiet`` and ``verbose``
    included: every command has ``-q/--quiet`` and ``-v/--verbose``) and returns the exit
    status (`EXIT_OK`, `EXIT_FAILED`). The library's own commands are rows of `COMMANDS`
    instead, each made with `fazhi_report.cli.base.command` in its module.

    Args:
        name: the command's name.
        summary: one line for the program's list of commands.
        epilog: examples, shown verbatim after the options.
        describe: the full description, or a function computing it when the help is shown
            (to list formats from the table); ``summary`` when ``None``.
    """

    def decorate(function: Callable[..., Any]) -> Command:
        made = command(name, summary=summary, epilog=epilog, describe=describe)(function)
        cli.add_command(made)
        return made

    return decorate


# The helpers a command added at run time uses, imported from their modules when first asked
# for, so that importing this package (the program's start) imports none of them.
_LAZY = {
    "BatchProgress": "fazhi_report.cli.progress",
    "FormatChoice": "fazhi_report.cli.options",
    "each_report": "fazhi_report.cli.inputs",
    "from_option": "fazhi_report.cli.options",
    "inputs_argument": "fazhi_report.cli.options",
    "jobs_option": "fazhi_report.cli.options",
    "read_options": "fazhi_report.cli.options",
    "outline": "fazhi_report.renderers.outline",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``fazhi-report`` command and return its exit status.

    Args:
        argv: the arguments after the program name; ``None`` means ``sys.argv[1:]``.

    Returns:
        `EXIT_OK` (0) on success, also for ``--help`` and ``--version``; `EXIT_FAILED` (1)
        when an input or output is bad (the reason goes to standard error as
        ``fazhi-report: error: <message>``, or one ``fazhi-report: failed: <reason>`` line
        per input of a batch); `EXIT_USAGE` (2) for a usage error; `EXIT_INTERRUPTED` (130)
        on Ctrl-C. It returns rather than raising `SystemExit`, so it can be called
        in-process. A `fazhi_report.errors.FazhiReportWarning` (a web page's stray byte read
        as U+FFFD, say) goes to standard error as ``fazhi-report: warning: <message>``.
    """
    prepare_stream(sys.stdout)
    prepare_stream(sys.stderr)
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        with warnings.catch_warnings():  # the way warnings show is put back on leaving
            warnings.showwarning = warning_line(warnings.showwarning)
            status = cli.main(args=args, prog_name=PROG, standalone_mode=False)
    except click.UsageError as exc:
        exc.show()
        return EXIT_USAGE
    except click.Abort:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except BrokenPipeError:
        # The reader went away (``| head``). Point stdout at /dev/null so the interpreter's
        # final flush does not fail again, and stop quietly, as the Python docs recommend.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return EXIT_FAILED
    except (FazhiReportError, OSError) as exc:
        print(f"{PROG}: error: {describe_error(exc)}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    return status if isinstance(status, int) else EXIT_OK
