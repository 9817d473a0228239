"""The ``fazhi-report`` command: convert reports one at a time or by the folder, outline them,
and tabulate a folder of them.

```
fazhi-report convert report.txt report.docx
fazhi-report convert reports/ --out-dir out/ --to docx --jobs 4
fazhi-report inspect report.txt
fazhi-report summary reports/ --format html -o summary.html
fazhi-report formats
```

Format names, suffixes, styles and choices in the help come from the format table
(`fazhi_report.formats`), plugins included, when the help is shown.

Exit status: 0 when every input was done (or skipped: its output existed), 1 when an input
or output failed (each failure is reported with its reason and the run goes on), 2 for a
usage error, 130 when interrupted (Ctrl-C). Messages follow one language policy: English
sentences, options and format names as typed (``--out-dir``, ``docx``), domain terms in
Chinese where they name the document (法治政府建设情况报告, 一是); data goes to standard output,
messages, progress and errors to standard error.

Adding a subcommand takes a few lines: decorate a function with `subcommand`, take the
shared arguments and options (`inputs_argument`, `from_option`, `jobs_option`; ``quiet`` and
``verbose`` come with every subcommand), walk the reports with `each_report`, and return the
exit status::

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

import codecs
import contextlib
import functools
import io
import os
import signal
import sys
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO, TypeVar

import click

import fazhi_report as fr
from fazhi_report import registry
from fazhi_report.analysis.check import check_into, select_rules
from fazhi_report.analysis.commands import FindingWriter, format_figures, format_references
from fazhi_report.analysis.compare import format_comparison
from fazhi_report.analysis.figures import find_figures
from fazhi_report.analysis.references import find_references
from fazhi_report.api import output_encoding
from fazhi_report.batch import (
    ConvertOutcome,
    ConvertTask,
    InputFile,
    ParseFailure,
    convert_many,
    default_jobs,
    find_reports,
    parse_many,
    render_bytes,
    suffix_for,
    write_atomically,
    writing_atomically,
)
from fazhi_report.decoding import encode
from fazhi_report.model import Report, Section
from fazhi_report.numbering import format_marker, format_point_marker
from fazhi_report.registry import DEFAULT_FORMAT
from fazhi_report.rows import REPORT_KEYS, report_row, rows_to_csv, rows_to_html, rows_to_json

__all__ = [
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "BatchProgress",
    "FormatChoice",
    "cli",
    "each_report",
    "from_option",
    "inputs_argument",
    "jobs_option",
    "main",
    "outline",
    "subcommand",
]

PROG = "fazhi-report"
STDIO = "-"
EXIT_OK = 0
"""Every input done (or skipped because its output existed)."""
EXIT_FAILED = 1
"""At least one input or output failed; each failure was reported with its reason."""
EXIT_USAGE = 2
"""A usage error: an unknown option, a missing argument, a value not among the choices."""
EXIT_INTERRUPTED = 130
"""Interrupted by Ctrl-C (128 + SIGINT, as shells report it)."""

_INDENT = "  "
# Characters every report contains: a stream that cannot encode them cannot print a report.
_PROBE = "法治政府建设情况报告"
_F = TypeVar("_F", bound=Callable[..., Any])


# --------------------------------------------------------------- the format table as choices


def _table() -> list[fr.FormatInfo]:
    with warnings.catch_warnings():
        # a broken plugin is reported when it is asked for, not on every command's help
        warnings.simplefilter("ignore", registry.PluginWarning)
        return fr.formats()


class FormatChoice(click.Choice):  # type: ignore[type-arg]  # generic from click 8.2 on
    """A choice among the format table's names (or styles), read when it is first needed.

    ``kind`` is ``"read"`` (formats with a parser), ``"write"`` (with a renderer) or
    ``"style"`` (every writable format's styles). Reading the table lazily keeps plugins
    registered after import in the choices, and keeps importing this module cheap.
    """

    name = "format"

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.case_sensitive = True

    @property
    def choices(self) -> tuple[str, ...]:  # type: ignore[override]
        """The names allowed, from the format table."""
        table = _table()
        if self.kind == "read":
            return tuple(f.name for f in table if f.can_read)
        if self.kind == "write":
            return tuple(f.name for f in table if f.can_write)
        return tuple(dict.fromkeys(style for f in table for style in f.styles))


class _Encoding(click.ParamType):  # type: ignore[type-arg]  # generic from click 8.5 on
    """A text encoding Python knows, else a usage error (exit status 2)."""

    name = "encoding"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            # "".encode also refuses codecs that are not text encodings (rot13, base64, ...).
            "".encode(value)
        except LookupError:
            self.fail(f"unknown text encoding {value!r}", param, ctx)
        return str(value)


# ------------------------------------------------------------------- building subcommands


class _Command(click.Command):
    """A subcommand whose description may be computed when shown (from the format table)."""

    def __init__(self, *args: Any, describe: Callable[[], str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.describe = describe

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if self.describe is not None:
            self.help = self.describe()
        super().format_help_text(ctx, formatter)


class _Group(click.Group):
    """The program: lists its subcommands in the order they were added, formats at the end."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Formats (named by file suffix)"):
            formatter.write_dl([(", ".join(f.suffixes), f.name) for f in _table() if f.suffixes])
        super().format_epilog(ctx, formatter)


_CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(
    cls=_Group,
    context_settings=_CONTEXT,
    epilog="\b\nExamples:\n  fazhi-report convert report.txt report.docx\n"
    "  fazhi-report convert reports/ --out-dir out/ --to docx\n"
    "  fazhi-report inspect report.txt\n\n"
    "Exit status: 0 done, 1 an input or output failed, 2 usage error, 130 interrupted.",
)
@click.version_option(
    fr.__version__,
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
) -> Callable[[_F], click.Command]:
    """Declare a function as a ``fazhi-report`` subcommand.

    The function gets every argument and option as a keyword (``quiet`` and ``verbose``
    included: every subcommand has ``-q/--quiet`` and ``-v/--verbose``) and returns the exit
    status (`EXIT_OK`, `EXIT_FAILED`).

    Args:
        name: the subcommand's name.
        summary: one line for the program's list of commands.
        epilog: examples, shown verbatim after the options.
        describe: the full description, or a function computing it when the help is shown
            (to list formats from the table); ``summary`` when ``None``.
    """

    def decorate(function: _F) -> click.Command:
        params: list[click.Parameter] = list(reversed(getattr(function, "__click_params__", [])))
        params += [
            click.Option(
                ["-q", "--quiet"],
                is_flag=True,
                help="Report only failures: no progress, no summary.",
            ),
            click.Option(
                ["-v", "--verbose"],
                is_flag=True,
                help="Also report each file done, with its time.",
            ),
        ]
        lazy = describe if callable(describe) else None
        command = _Command(
            name,
            callback=function,
            params=params,
            help=describe if isinstance(describe, str) else summary,
            short_help=summary,
            epilog="\b\n" + epilog,
            context_settings=_CONTEXT,
            describe=lazy,
        )
        cli.add_command(command)
        return command

    return decorate


def inputs_argument(function: _F) -> _F:
    """The ``INPUTS...`` argument: report files, folders (searched recursively) and globs."""
    return click.argument("inputs", metavar="INPUTS...", nargs=-1, required=True)(function)


def from_option(function: _F) -> _F:
    """The ``--from FORMAT`` option: the format of every input (default: from each suffix)."""
    return click.option(
        "--from",
        "from_format",
        type=FormatChoice("read"),
        metavar="FORMAT",
        help="The format of the inputs, one of the readable formats (see 'fazhi-report "
        "formats'); default: from each file's suffix, else its first bytes.",
    )(function)


def read_templates_option(flag: str = "--templates", name: str = "templates") -> Callable[[_F], _F]:
    """The option naming the template folder the inputs were written with (a house style)."""
    return click.option(
        flag,
        name,
        metavar="DIR",
        help="The template folder the inputs were written with (a house style, see "
        "docs/house-style.md), so that its headings and points read back. Its templates run "
        "as code: add --sandboxed for a folder you did not write.",
    )


def sandboxed_option(function: _F) -> _F:
    """The ``--sandboxed`` flag: every template the command runs runs in the sandbox."""
    return click.option(
        "--sandboxed",
        is_flag=True,
        help="Run every template folder the command uses in the bounded sandbox, for a folder "
        "you did not write: a template that reaches for Python internals or runs over the "
        "sandbox's limits fails with an error instead of running.",
    )(function)


def read_options(function: _F) -> _F:
    """``--templates DIR`` and ``--sandboxed``: every command that reads reports takes them."""
    return read_templates_option()(sandboxed_option(function))


def jobs_option(function: _F) -> _F:
    """The ``-j/--jobs N`` option: worker processes for several inputs."""
    return click.option(
        "-j",
        "--jobs",
        type=click.IntRange(min=1),
        default=None,
        metavar="N",
        help=f"Worker processes for several inputs; 1 works in this process "
        f"(default: the number of cores, {default_jobs()} here).",
    )(function)


# ------------------------------------------------------------------ progress and summary


class BatchProgress:
    """What a subcommand says about a run over many inputs, on standard error.

    On a terminal it shows a progress bar (rich) and prints failures above it; elsewhere
    (a pipe, a log file) it prints one plain line per input: ``done SRC -> DEST``,
    ``skipped SRC: reason``, ``failed: reason``. ``quiet`` keeps only the failures;
    ``verbose`` adds each file done (with its time) on a terminal too. On leaving the
    ``with`` block it prints the summary line (done, failed, skipped, time).

    Args:
        action: the verb of the summary line ("converted", "read").
        quiet: only failures.
        verbose: every file.
        stream: where to write (default: standard error, resolved when the run starts).
        terminal: whether to draw a bar; default: whether ``stream`` is a terminal.
    """

    def __init__(
        self,
        action: str,
        *,
        quiet: bool = False,
        verbose: bool = False,
        stream: TextIO | None = None,
        terminal: bool | None = None,
    ) -> None:
        self.action = action
        self.quiet = quiet
        self.verbose = verbose
        self.stream = stream
        self.terminal = terminal
        self.done = 0
        self.failed = 0
        self.skipped = 0
        self.total: int | None = None
        self._started = 0.0
        self._bar: Any = None
        self._task: Any = None

    @property
    def exit_status(self) -> int:
        """`EXIT_FAILED` when an input failed, else `EXIT_OK`."""
        return EXIT_FAILED if self.failed else EXIT_OK

    def __enter__(self) -> BatchProgress:
        if self.stream is None:
            self.stream = sys.stderr
        if self.terminal is None:
            self.terminal = self.stream.isatty()
        self._started = time.perf_counter()
        return self

    def start(self, total: int) -> None:
        """Say how many inputs there are; on a terminal the bar appears with the first result.

        The bar's refresh thread starts only then, after the worker processes have been
        forked for the first chunk: forking a process that runs threads is unsafe.
        """
        self.total = total

    def _draw(self) -> None:
        total = self.total or 0
        if self.terminal and not self.quiet and total > 1 and self._bar is None:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("reports"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(file=self.stream, highlight=False),
            )
            self._bar.start()
            self._task = self._bar.add_task(self.action, total=total)

    def _say(self, line: str) -> None:
        if self._bar is not None:
            self._bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            assert self.stream is not None
            self.stream.write(line + "\n")
            self.stream.flush()

    def record(self, source: str, status: str, reason: str = "", target: str = "") -> None:
        """Count one input: ``status`` is ``"done"``, ``"failed"`` or ``"skipped"``."""
        self._draw()
        if status == "done":
            self.done += 1
            if not self.quiet and (self.verbose or self._bar is None):
                self._say(f"done {source} -> {target}" if target else f"done {source}")
        elif status == "skipped":
            self.skipped += 1
            if not self.quiet:
                self._say(f"skipped {source}: {reason}")
        else:
            self.failed += 1
            self._say(f"{PROG}: failed: {reason}")
        if self._bar is not None:
            self._bar.advance(self._task)

    def summary(self) -> str:
        """The summary line: counts, time and rate."""
        seconds = time.perf_counter() - self._started
        count = self.done + self.failed + self.skipped
        rate = f", {count / seconds:.1f} reports/s" if seconds > 0 and count else ""
        return (
            f"{self.action} {count} report{'s' if count != 1 else ''}: {self.done} done, "
            f"{self.failed} failed, {self.skipped} skipped in {seconds:.1f} s{rate}"
        )

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
        if kind is not None and issubclass(kind, KeyboardInterrupt):
            self._say(self.summary())  # what was finished before; main says "interrupted"
        elif kind is None and not self.quiet and (self.total is None or self.total > 1):
            self._say(self.summary())


def _find(inputs: Sequence[str], exclude: Sequence[Path] = ()) -> list[InputFile]:
    if STDIO in inputs:
        raise click.UsageError("'-' (standard input) holds one report: give it as the only input")
    return find_reports(inputs, exclude=exclude)


def each_report(
    inputs: Sequence[str],
    progress: BatchProgress,
    *,
    from_format: str | None = None,
    jobs: int | None = None,
    apply: Callable[[Report], Any] | None = None,
    templates: str | None = None,
    sandboxed: bool = False,
    apply_alone: bool = True,
) -> Iterator[tuple[InputFile, Any]]:
    """The reports ``inputs`` name, parsed over ``jobs`` processes, with progress.

    Yields ``(found, result)`` for each input that parsed, in input order: the `Report`, or
    ``apply(report)`` computed in the worker. Inputs that fail are recorded in ``progress``
    (reported with their reason) and not yielded; those yielded count as done. ``templates``
    and ``sandboxed`` are the reader's, as for `fazhi_report.load`. With
    ``apply_alone=False``, reports parsed in this process (one worker) are yielded as they
    are, for the caller to read as it writes (a worker's result must be whole to travel).
    """
    found = _find(inputs)
    progress.start(len(found))
    workers = _jobs(jobs, len(found))
    results = parse_many(
        (f.path for f in found),
        jobs=workers,
        format=from_format,
        apply=apply if apply_alone or workers > 1 else None,
        templates=templates,
        sandboxed=sandboxed,
    )
    for item, result in zip(found, results, strict=True):
        if isinstance(result, ParseFailure):
            progress.record(os.fspath(item.path), "failed", result.message)
            continue
        yield item, result
        progress.record(os.fspath(item.path), "done")


def _jobs(jobs: int | None, count: int) -> int:
    """Never more workers than inputs: one input is parsed in this process."""
    return max(1, min(jobs or default_jobs(), count))


# -------------------------------------------------------------------------------- convert


def _describe_convert() -> str:
    table = _table()
    styles = "\n".join(f"  {f.name}: {', '.join(f.styles)}" for f in table if f.styles)
    suffixes = "\n".join(
        f"  {', '.join(f.suffixes)}: {f.name}" for f in table if f.can_read and f.suffixes
    )
    writable = ", ".join(repr(f.name) for f in table if f.can_write)
    return f"""Render reports in another format or style.

\b
One report:  fazhi-report convert INPUT OUTPUT  (or INPUT -o OUTPUT)
Many:        fazhi-report convert INPUTS... --out-dir DIR --to FORMAT

INPUTS are report files, folders (searched recursively for files with a readable suffix)
and globs ('reports/**/*.txt'). With --out-dir the outputs mirror the input tree below DIR;
without it each output is written beside its input. The output format comes from --to, else
from OUTPUT's suffix; '-' as INPUT reads standard input and as OUTPUT writes standard output
(text by default). An existing output is skipped unless --force; an output never overwrites
an input. Files that a folder or glob finds under --out-dir are passed over (skipped, and
said so); a file named outright is always converted. Files are written under a temporary
name and renamed, so an interrupted run leaves no half-written file; after Ctrl-C the
summary counts every file written. Text in the 'lossless' style is the source exactly,
byte for byte.

Output formats (--to): {writable}.

\b
Readable suffixes:
{suffixes}

\b
Styles of each format (the first is its default):
{styles}"""


@subcommand(
    "convert",
    summary="Convert reports to another format or style, one or a folder at a time.",
    describe=_describe_convert,
    epilog="""Examples:
  fazhi-report convert report.txt report.docx
  fazhi-report convert report.txt clean.txt --style official
  fazhi-report convert report.txt full.json --style lossless
  fazhi-report convert full.json - --to text
  fazhi-report convert old.txt new.txt --encoding gb18030
  fazhi-report convert reports/ --out-dir out/ --to docx --jobs 4
  fazhi-report convert 'reports/**/*.txt' --to json --force""",
)
@click.argument("inputs", metavar="INPUTS...", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    metavar="OUTPUT",
    help="The file to write for a single input, or '-' for standard output.",
)
@click.option(
    "--out-dir",
    metavar="DIR",
    type=click.Path(file_okay=False),
    help="Write the outputs below DIR, mirroring the folders of the inputs.",
)
@from_option
@click.option(
    "--to",
    "to_format",
    type=FormatChoice("write"),
    metavar="FORMAT",
    help="The output format, one of the writable formats (default: from OUTPUT's suffix; "
    f"{DEFAULT_FORMAT!r} for '-'); needed for several inputs.",
)
@click.option(
    "--style",
    type=FormatChoice("style"),
    metavar="STYLE",
    help="The rendering style, one of the output format's styles listed above "
    "(default: the format's first).",
)
@click.option(
    "--encoding",
    type=_Encoding(),
    metavar="ENC",
    help="The encoding of text outputs, e.g. utf-8, gb18030 (default: for text, the encoding "
    "the input was read in; otherwise utf-8); binary formats take none.",
)
@click.option(
    "--templates",
    metavar="DIR",
    help="A folder of templates that override the shipped ones file by file (styles that "
    "use templates, such as text's 'official').",
)
@read_templates_option("--from-templates", "from_templates")
@sandboxed_option
@click.option("--force", is_flag=True, help="Overwrite outputs that exist (never an input).")
@jobs_option
def _convert(
    inputs: tuple[str, ...],
    output: str | None,
    out_dir: str | None,
    from_format: str | None,
    to_format: str | None,
    style: str | None,
    encoding: str | None,
    templates: str | None,
    from_templates: str | None,
    sandboxed: bool,
    force: bool,
    jobs: int | None,
    quiet: bool,
    verbose: bool,
) -> int:
    """Run ``fazhi-report convert``."""
    if output is not None and out_dir is not None:
        raise click.UsageError("give -o OUTPUT or --out-dir DIR, not both")
    if output is None and out_dir is None and len(inputs) == 2 and _names_one_file(inputs[0]):
        output = inputs[1]  # the two-argument form: INPUT OUTPUT
        inputs = inputs[:1]
    options: dict[str, Any] = {}
    if templates is not None:
        options["templates"] = templates
    if sandboxed and templates is not None:
        options["sandboxed"] = True  # the shipped templates need no sandbox: JSON takes none
    read: dict[str, Any] = {}
    if from_templates is not None:
        read = {"templates": from_templates, "sandboxed": sandboxed}
    if output is not None:
        if len(inputs) != 1 or not _names_one_file(inputs[0]):
            raise click.UsageError("-o OUTPUT takes one input file; use --out-dir for several")
        return _convert_one(
            inputs[0], output, from_format, to_format, style, encoding, options, force, read
        )
    if to_format is None:
        raise click.UsageError("--to FORMAT is needed to convert several inputs")
    if encoding is not None and registry.get_format(to_format).binary:
        raise fr.OptionError(
            f"--encoding applies to text formats, and {to_format!r} is binary",
            expected="no --encoding",
        )
    # A wrong style or option would fail every file alike: say it once, before any work.
    registry.get_renderer(to_format).check(style, options, to_format)
    root = Path(out_dir) if out_dir is not None else None
    found, passed_over = _outside(_find(inputs), inputs, root)
    suffix = suffix_for(to_format)
    tasks, refused = _plan(found, root, suffix)
    template = ConvertTask(
        "", "", from_format, to_format, style, encoding, options=options, force=force, read=read
    )
    with BatchProgress("converted", quiet=quiet, verbose=verbose) as progress:
        progress.start(len(found) + len(passed_over))
        for source in passed_over:
            progress.record(source, "skipped", f"it is under the output folder {out_dir}")
        work = [_with(template, source, target) for source, target in tasks]
        with _StopOnInterrupt() as interrupt:
            outcomes = convert_many(work, jobs=_jobs(jobs, len(work)), stop=interrupt.asked)
            for outcome in outcomes:
                _record(progress, outcome, verbose)
        if interrupt.requested:
            # every file written is counted: now the summary, and main says "interrupted"
            raise KeyboardInterrupt
        for source, reason in refused:
            progress.record(source, "failed", reason)
    return progress.exit_status


class _StopOnInterrupt:
    """Ctrl-C during a conversion run: the first lets the files under way finish, the second
    stops at once.

    A KeyboardInterrupt raised between a file written and its outcome counted would leave
    the summary short of the files on disk; the first Ctrl-C therefore only sets a flag, which
    `convert_many` asks between outcomes. Outside the main thread (no signal handlers there)
    Ctrl-C interrupts at once, as everywhere else.
    """

    def __init__(self) -> None:
        self.requested = False
        self._previous: Any = None
        self._installed = False

    def asked(self) -> bool:
        """Whether Ctrl-C was pressed (the ``stop`` of `convert_many`)."""
        return self.requested

    def _handle(self, signum: int, frame: Any) -> None:
        self.requested = True
        signal.signal(signal.SIGINT, self._previous)  # a second Ctrl-C stops at once
        line = f"{PROG}: stopping after the files under way (Ctrl-C again stops now)\n"
        # os.write: a signal handler must not re-enter the stream being written; without a
        # file descriptor behind stderr the summary still says what was done
        with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
            os.write(sys.stderr.fileno(), line.encode())

    def __enter__(self) -> _StopOnInterrupt:
        previous = signal.getsignal(signal.SIGINT)
        if previous is signal.SIG_IGN:
            return self  # Ctrl-C is ignored here (nohup, a background job): leave it so
        with contextlib.suppress(ValueError):  # not the main thread: no handler to set
            signal.signal(signal.SIGINT, self._handle)
            self._previous = signal.default_int_handler if previous is None else previous
            self._installed = True
        return self

    def __exit__(self, *exc: object) -> None:
        if self._installed:
            signal.signal(signal.SIGINT, self._previous)


def _outside(
    found: list[InputFile], inputs: Sequence[str], root: Path | None
) -> tuple[list[InputFile], list[str]]:
    """The inputs to convert, and those a folder or glob found under the output folder.

    Files under ``--out-dir`` found by searching a folder or a glob are earlier outputs, not
    inputs (an output folder inside the input folder): they are passed over, and said to be.
    A file named outright is always converted: its output never overwrites it (see `_plan`).
    """
    if root is None:
        return found, []
    top = root.resolve()
    named = {Path(name).resolve() for name in inputs if Path(name).is_file()}
    kept: list[InputFile] = []
    passed_over: list[str] = []
    for item in found:
        path = item.path.resolve()
        if path.is_relative_to(top) and path not in named:
            passed_over.append(os.fspath(item.path))
        else:
            kept.append(item)
    return kept, passed_over


def _with(template: ConvertTask, source: str, target: str) -> ConvertTask:
    return ConvertTask(
        source,
        target,
        template.from_format,
        template.to_format,
        template.style,
        template.encoding,
        template.options,
        template.force,
        template.read,
    )


def _record(progress: BatchProgress, outcome: ConvertOutcome, verbose: bool) -> None:
    target = f"{outcome.target} ({outcome.seconds * 1000:.0f} ms)" if verbose else outcome.target
    progress.record(outcome.source, outcome.status, outcome.reason, target)


def _names_one_file(name: str) -> bool:
    """Whether ``name`` is standard input or a single file (not a folder, not a glob)."""
    return name == STDIO or (not Path(name).is_dir() and not (set("*?[") & set(name)))


def _plan(
    found: list[InputFile], root: Path | None, suffix: str
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Each input's output path; inputs refused (their output is an input, or taken)."""
    inputs = {f.path.resolve() for f in found}
    taken: dict[Path, str] = {}
    tasks: list[tuple[str, str]] = []
    refused: list[tuple[str, str]] = []
    for item in found:
        source = os.fspath(item.path)
        if root is not None:
            target = root / item.relative.with_suffix(suffix)
        else:
            target = item.path.with_suffix(suffix)
        key = target.resolve()
        if key in inputs:
            refused.append((source, f"{source}: its output {target} is an input; not overwritten"))
        elif key in taken:
            refused.append(
                (source, f"{source}: its output {target} is also the output of {taken[key]}")
            )
        else:
            taken[key] = source
            tasks.append((source, os.fspath(target)))
    return tasks, refused


def _convert_one(
    source: str,
    output: str,
    from_format: str | None,
    to_format: str | None,
    style: str | None,
    encoding: str | None,
    options: dict[str, Any],
    force: bool,
    read: dict[str, Any],
) -> int:
    """One input to one output (either may be '-'), in this process; errors raise."""
    to_stdout = output == STDIO
    # Settle the output format first, so an unknown suffix fails before the input is parsed.
    if to_format is None:
        to_format = DEFAULT_FORMAT if to_stdout else registry.format_for_path(output)
    binary = registry.get_format(to_format).binary
    if binary and encoding is not None:
        raise fr.OptionError(
            f"--encoding applies to text formats, and {to_format!r} is binary",
            expected="no --encoding",
        )
    if not to_stdout:
        if Path(output).is_dir():
            raise fr.FileError(
                "the output is a folder", source=output, expected="a file name, or --out-dir"
            )
        if source != STDIO and Path(output).resolve() == Path(source).resolve():
            raise fr.FileError("the output is the input, which is never overwritten", source=output)
        if Path(output).exists() and not force:
            click.echo(f"skipped {source}: {output} exists (--force overwrites it)", err=True)
            return EXIT_OK
    if source == STDIO:
        report = fr.parse(_read_stdin(), from_format, source="<stdin>", **read)
    else:
        report = fr.load(source, from_format, **read)
    if to_stdout:
        if binary and sys.stdout.isatty():
            raise fr.FileError(
                f"will not write the binary {to_format!r} format to a terminal",
                source="<stdout>",
                expected="an OUTPUT file, or standard output sent to a pipe or file",
            )
        rendered = fr.render(report, to_format, style=style, **options)
        if isinstance(rendered, str):
            chosen = encoding or output_encoding(report, to_format)
            _write_stdout(encode(rendered, chosen, "<stdout>"), rendered)
        else:
            _write_stdout(rendered, None)
    else:
        data = render_bytes(
            report, to_format, style=style, encoding=encoding, options=options, target=output
        )
        write_atomically(output, data)
    return EXIT_OK


def _read_stdin() -> bytes:
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        data: bytes = buffer.read()
        return data
    return sys.stdin.read().encode("utf-8")


def _write_stdout(data: bytes, text: str | None) -> None:
    """Write ``data`` to standard output unchanged, as a file would get it.

    A text-only replacement stream (io.StringIO) takes ``text`` instead; it cannot take the
    bytes of a binary format, which is an error.
    """
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        if text is None:
            raise fr.FileError("standard output takes no bytes here", source="<stdout>")
        stream.write(text)
        stream.flush()
        return
    stream.flush()  # keep anything already written through the text layer in order
    buffer.write(data)
    buffer.flush()


# -------------------------------------------------------------------------------- summary


_SUMMARY_WRITERS: dict[str, Callable[[list[dict[str, object]]], str]] = {
    "csv": rows_to_csv,
    "json": rows_to_json,
    "html": rows_to_html,
}


@subcommand(
    "summary",
    summary="Write one row per report of a folder: CSV, JSON, or HTML with a chart.",
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
@click.option(
    "--format",
    "table_format",
    type=click.Choice(list(_SUMMARY_WRITERS)),
    default="csv",
    show_default=True,
    help="The form of the table.",
)
@click.option(
    "-o", "--output", metavar="FILE", help="The file to write (default: standard output)."
)
@from_option
@read_options
@jobs_option
def _summary(
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
    with BatchProgress("read", quiet=quiet, verbose=verbose) as progress:
        found = _find(inputs)
        progress.start(len(found))
        results = parse_many(
            (f.path for f in found),
            jobs=_jobs(jobs, len(found)),
            format=from_format,
            apply=report_row,
            templates=templates,
            sandboxed=sandboxed,
        )
        for item, result in zip(found, results, strict=True):
            source = os.fspath(item.path)
            if isinstance(result, ParseFailure):
                rows.append(report_row(result, file=source))
                progress.record(source, "failed", result.message)
            else:
                result["file"] = source
                rows.append(result)
                progress.record(source, "done")
    _emit(_SUMMARY_WRITERS[table_format](rows), output, csv=table_format == "csv")
    return progress.exit_status


# ------------------------------------------------------------------------------- analyses


def _emit(text: str, output: str | None, *, csv: bool = False) -> None:
    """Write a command's result to standard output, or atomically to ``output``."""
    # a file name that is not UTF-8 (b"a\xff.txt") is a str with a lone surrogate: written
    # back as the bytes it was, as ls does (report text never holds one: readers refuse it)
    if output is None or output == STDIO:
        _write_stdout(text.encode("utf-8", "surrogateescape"), text)
    else:
        # a CSV file starts with a byte-order mark, so that Excel and WPS read its Chinese
        write_atomically(output, text.encode("utf-8-sig" if csv else "utf-8", "surrogateescape"))


_STDOUT_CHUNK = 1 << 16


@contextlib.contextmanager
def _output_stream(output: str | None, *, csv: bool = False) -> Iterator[Callable[[str], object]]:
    """A ``write(text)`` to standard output, or to ``output`` atomically, piece by piece.

    What `_emit` does for one text, for output written as it is made: the file appears,
    whole, only when the block ends without an error.
    """
    if output is None or output == STDIO:
        pending: list[str] = []
        size = 0

        def write(text: str) -> None:
            nonlocal size
            pending.append(text)
            size += len(text)
            if size >= _STDOUT_CHUNK:  # a write per finding would be a system call each
                flush()

        def flush() -> None:
            nonlocal size
            if pending:
                text = "".join(pending)
                pending.clear()
                size = 0
                _write_stdout(text.encode("utf-8", "surrogateescape"), text)

        yield write
        flush()
        return
    # a CSV file starts with a byte-order mark, so that Excel and WPS read its Chinese
    # a file name that is not UTF-8 is written back as the bytes it was (see `_emit`)
    encoder = codecs.getincrementalencoder("utf-8-sig" if csv else "utf-8")("surrogateescape")
    with writing_atomically(output) as stream:
        yield lambda text: stream.write(encoder.encode(text))


def _rule_list(rules: str | None) -> list[str] | None:
    """The ``--rules`` option as a list, checked now: a bad name is a usage error."""
    if rules is None:
        return None
    chosen = [name.strip() for name in rules.split(",") if name.strip()]
    try:
        select_rules(chosen)
    except fr.FazhiReportError as exc:
        raise click.BadParameter(str(exc), param_hint="'--rules'") from None
    return chosen


def _output_format_option(choices: Sequence[str]) -> Callable[[_F], _F]:
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help="The form of the result: " + ", ".join(choices) + ".",
    )


_OUTPUT_OPTION = click.option(
    "-o", "--output", metavar="FILE", help="The file to write (default: standard output)."
)


@subcommand(
    "check",
    summary="Check reports for the required parts, numbering, format and dates.",
    describe="""Check every report INPUTS name (files, folders searched recursively, globs)
and print its findings, one line each in the form 'file:line: CODE severity [name] section
message / English message', then a count per severity; or a JSON list or a CSV table of them.

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
@_output_format_option(("text", "json", "csv"))
@click.option(
    "--rules",
    metavar="RULES",
    help="The rules to run, comma-separated codes, names, groups or prefixes (default: all).",
)
@_OUTPUT_OPTION
@from_option
@read_options
@jobs_option
def _check(
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
    chosen = _rule_list(rules)
    run = functools.partial(fr.check, rules=chosen)
    # each finding is written as it is found: a report can have millions (a text of one-line
    # headings), which as objects and then as one text would take gigabytes
    with _output_stream(output, csv=output_format == "csv") as write:
        writer = FindingWriter(output_format, write)
        with BatchProgress("checked", quiet=quiet, verbose=verbose) as progress:
            for found, result in each_report(
                inputs,
                progress,
                from_format=from_format,
                jobs=jobs,
                apply=run,
                apply_alone=False,
                templates=templates,
                sandboxed=sandboxed,
            ):
                source = os.fspath(found.path)
                writer.start(source)
                if isinstance(result, Report):
                    check_into(result, functools.partial(writer.add, source), rules=chosen)
                else:
                    for finding in result:
                        writer.add(source, finding)
        status = writer.close()
    return max(status, progress.exit_status)


def _results(
    inputs: Sequence[str],
    progress: BatchProgress,
    find: Callable[[Report], Any],
    from_format: str | None,
    jobs: int | None,
    templates: str | None = None,
    sandboxed: bool = False,
) -> list[tuple[str, Any]]:
    """``find`` of every report ``inputs`` name, computed in the workers, by file name."""
    return [
        (os.fspath(found.path), result)
        for found, result in each_report(
            inputs,
            progress,
            from_format=from_format,
            jobs=jobs,
            apply=find,
            templates=templates,
            sandboxed=sandboxed,
        )
    ]


def _listing(
    name: str,
    *,
    summary: str,
    describe: str,
    epilog: str,
    find: Callable[[Report], Any],
    write: Callable[[list[tuple[str, Any]], str], str],
) -> None:
    """Declare a subcommand that lists what ``find`` finds in each report, as ``write`` says."""

    @subcommand(name, summary=summary, describe=describe, epilog=epilog)
    @inputs_argument
    @_output_format_option(("text", "json", "csv"))
    @_OUTPUT_OPTION
    @from_option
    @read_options
    @jobs_option
    def command(
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
        with BatchProgress("read", quiet=quiet, verbose=verbose) as progress:
            results = _results(inputs, progress, find, from_format, jobs, templates, sandboxed)
        _emit(write(results, output_format), output, csv=output_format == "csv")
        return progress.exit_status


_listing(
    "figures",
    summary="List every figure reports state: value, unit, qualifier, change, place.",
    describe="""Read every report INPUTS name and list each quantity it states (刑事拘留821人,
4300余人, 1.1万起, 同比下降8.9%…): its value with the multiplier applied, unit, qualifier
(余/多/近/约…), the comparison when there is one, the text and where it stands; as text, JSON or
CSV (docs/figures.md says what counts as a figure).""",
    epilog="""Examples:
  fazhi-report figures report.txt
  fazhi-report figures reports/ --format csv -o figures.csv""",
    find=find_figures,
    write=format_figures,
)
_listing(
    "references",
    summary="List the laws, regulations and documents reports cite (《…》).",
    describe="""Read every report INPUTS name and list each 《…》 title it cites, classified
(law, regulation, party rule, local document, other) by its ending, with how often and where;
as text, JSON or CSV.""",
    epilog="""Examples:
  fazhi-report references report.txt
  fazhi-report references reports/ --format csv -o references.csv""",
    find=find_references,
    write=format_references,
)


@subcommand(
    "compare",
    summary="Compare last year's report with this year's.",
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
@_output_format_option(("text", "json"))
@_OUTPUT_OPTION
@from_option
@click.option(
    "--strict",
    is_flag=True,
    help="Exit with status 1 when the reports look mismatched (different organs, or the "
    "years run backwards); without it they are compared with a warning.",
)
@read_options
def _compare(
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
    comparison = fr.compare(
        fr.load(before, format=from_format, **read), fr.load(after, format=from_format, **read)
    )
    for warning in comparison.warnings:
        click.echo(f"{PROG}: warning: {warning.message}", err=True)
    _emit(format_comparison(comparison, output_format), output)
    return EXIT_FAILED if strict and comparison.warnings else EXIT_OK


@subcommand(
    "schema",
    summary="Print the JSON Schema (2020-12) of the JSON this library writes.",
    describe="""Print the JSON Schema (draft 2020-12) of what 'convert --to json' and
fr.to_dict write, versioned with the data; --layout for the form that keeps the source layout
(--style lossless).""",
    epilog="""Examples:
  fazhi-report schema > report.schema.json
  fazhi-report schema --layout -o report-layout.schema.json""",
)
@click.option("--layout", is_flag=True, help="The schema of the JSON that keeps the layout.")
@_OUTPUT_OPTION
def _schema(layout: bool, output: str | None, quiet: bool, verbose: bool) -> int:
    """Run ``fazhi-report schema``."""
    from fazhi_report.schema import schema_text

    _emit(schema_text(layout=layout), output)
    return EXIT_OK


# -------------------------------------------------------------------------------- inspect


@subcommand(
    "inspect",
    summary="Print an outline of a report's structure.",
    describe="""Read INPUT ('-' for standard input) and print an outline of the report:
title, organ, year, addressee, web-page metadata, the number of preamble paragraphs, then
every section with its marker and heading, [run-in] for run-in headings, its role (measures,
responsibility, shortcomings, causes, plans, other) when it has one and the number of its body
paragraphs, followed by the titles of its 一是/二是 points; last the number of closing
paragraphs and the signature (organ, ISO date).""",
    epilog="""Example:
  fazhi-report inspect report.txt

Output (shortened):
  title: 青山县应急管理局2025年法治政府建设情况报告
  organ: 青山县应急管理局
  year: 2025
  preamble: 1 paragraph
  sections:
    一、2025年推进法治政府建设的主要举措和成效 [measures] (0 paragraphs)
      （一）健全工作机制，夯实法治基础 [run-in] (1 paragraph)
        一是 加强组织领导
  closing: 0 paragraphs
  signature: 青山县应急管理局, 2026-01-15""",
)
@click.argument("source", metavar="INPUT")
@from_option
@read_options
def _inspect(
    source: str,
    from_format: str | None,
    templates: str | None,
    sandboxed: bool,
    quiet: bool,
    verbose: bool,
) -> int:
    """Run ``fazhi-report inspect``."""
    read: dict[str, Any] = {"templates": templates, "sandboxed": sandboxed}
    if source == STDIO:
        report = fr.parse(_read_stdin(), from_format, source="<stdin>", **read)
    else:
        report = fr.load(source, from_format, **read)
    sys.stdout.write("\n".join(outline(report)) + "\n")
    sys.stdout.flush()
    return EXIT_OK


def _one_line(text: str) -> str:
    """``text`` on a single line, so that every outline entry stays one line."""
    return " ".join(text.splitlines())


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _marker(level: int, number: int) -> str:
    try:
        return format_marker(level, number)
    except ValueError:
        # A report read from JSON may carry numbers no marker can show; describe them instead.
        return f"[level {level} #{number}] "


def _point_marker(number: int) -> str:
    try:
        return format_point_marker(number)
    except ValueError:
        return f"[point #{number}]"


def _blocks(blocks: Sequence[object]) -> str:
    """``"2 paragraphs"``, and the tables among them when there are any."""
    paragraphs = sum(1 for block in blocks if isinstance(block, fr.Paragraph))
    tables = len(blocks) - paragraphs
    return _count(paragraphs, "paragraph") + (f", {_count(tables, 'table')}" if tables else "")


def _outline_section(section: Section, depth: int, lines: list[str]) -> None:
    indent = _INDENT * depth
    entry = f"{indent}{_marker(section.level, section.number)}{_one_line(section.heading)}"
    if section.run_in:
        entry += " [run-in]"
    if section.role is not None:
        entry += f" [{section.role.value}]"
    entry += f" ({_blocks(section.body)})"
    lines.append(entry)
    for point in section.points:
        lines.append(f"{indent}{_INDENT}{_point_marker(point.number)} {_one_line(point.title)}")
    for sub in section.subsections:
        _outline_section(sub, depth + 1, lines)


_NO_ORGAN = "(none: the text names no organ)"


def outline(report: Report) -> list[str]:
    """The lines ``fazhi-report inspect`` prints for ``report``, without line ends.

    Missing values are shown as ``(none)`` (the organ says why: a text that only says 我局
    names no organ); the addressee and the web-page metadata are shown
    only when the report has them. Sections are indented two spaces per nesting depth, each
    point two spaces further than its section.
    """
    none = "(none)"
    lines = [
        f"title: {_one_line(report.title) if report.title is not None else none}",
        f"organ: {report.organ if report.organ is not None else _NO_ORGAN}",
        f"year: {report.year if report.year is not None else none}",
    ]
    if report.addressee is not None:
        lines.append(f"addressee: {report.addressee}")
    if report.page.published is not None:
        lines.append(f"page published: {report.page.published.isoformat()}")
    if report.page.source is not None:
        lines.append(f"page source: {report.page.source}")
    lines.append(f"preamble: {_blocks(report.preamble)}")
    lines.append("sections:" if report.sections else f"sections: {none}")
    for section in report.sections:
        _outline_section(section, 1, lines)
    lines.append(f"closing: {_blocks(report.closing)}")
    signature = report.signature
    if signature is None:
        lines.append(f"signature: {none}")
    else:
        organ = signature.organ if signature.organ is not None else none
        date = signature.date.isoformat() if signature.date is not None else none
        lines.append(f"signature: {organ}, {date}")
    return lines


# -------------------------------------------------------------------------------- formats


@subcommand(
    "formats",
    summary="List the formats it reads and writes.",
    describe="""List every format the library reads or writes, plugins included: its name,
the file suffixes that name it, whether it can be read (r) and written (w), whether it is
binary, its styles (the default first) and what it is.""",
    epilog="Example:\n  fazhi-report formats",
)
def _formats(quiet: bool, verbose: bool) -> int:
    """Run ``fazhi-report formats``: one line a format."""
    rows = [
        (
            f.name,
            " ".join(f.suffixes) or "-",
            ("r" if f.can_read else "-") + ("w" if f.can_write else "-"),
            "binary" if f.binary else "text",
            ",".join(f.styles) or "-",
            f.description,
        )
        for f in fr.formats()
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:5], widths, strict=True)]
        sys.stdout.write("  ".join([*cells, row[5]]).rstrip() + "\n")
    sys.stdout.flush()
    return EXIT_OK


# ----------------------------------------------------------------------------------- main


def _prepare_stream(stream: TextIO) -> None:
    """Let ``stream`` print Chinese: keep an encoding that has it, else switch to UTF-8.

    A GBK console keeps GBK (the terminal expects it); an ASCII or Latin-1 stream (a pipe under
    ``LANG=C`` on old systems, ``PYTHONIOENCODING=ascii``) becomes UTF-8. Either way a character
    the encoding still lacks becomes a replacement mark rather than a crash.
    """
    if not isinstance(stream, io.TextIOWrapper):
        return  # a replacement stream (io.StringIO, a test harness) holds str and cannot fail
    encoding = stream.encoding or "ascii"
    try:
        if codecs.lookup(encoding).name.startswith("utf-"):
            if stream.errors == "strict":
                # every character, and a file name that is not UTF-8 as the bytes it was
                stream.reconfigure(errors="surrogateescape")
            return
        _PROBE.encode(encoding)
        has_chinese = True
    except (LookupError, UnicodeEncodeError):
        has_chinese = False
    try:
        if has_chinese:
            stream.reconfigure(errors="replace")
        else:
            stream.reconfigure(encoding="utf-8", errors="replace")
    except (OSError, ValueError):
        pass  # a stream that cannot be reconfigured is left as it is


def _describe(exc: Exception) -> str:
    """The one-line message for an error caught in `main`."""
    if isinstance(exc, fr.FazhiReportError) or not isinstance(exc, OSError):
        return str(exc)
    # An OSError from outside the library: name the file and the reason, not the errno.
    reason = exc.strerror or str(exc)
    return f"{exc.filename}: {reason}" if exc.filename is not None else reason


def _warning_line(show: Callable[..., None]) -> Callable[..., None]:
    """A `warnings.showwarning` that prints the library's warnings as one line each,
    ``fazhi-report: warning: <file>:<line>: …``, and hands any other warning to ``show``."""

    def shown(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: TextIO | None = None,
        line: str | None = None,
    ) -> None:
        if issubclass(category, fr.FazhiReportWarning):
            print(f"{PROG}: warning: {message}", file=sys.stderr if file is None else file)
        else:
            show(message, category, filename, lineno, file, line)

    return shown


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
    _prepare_stream(sys.stdout)
    _prepare_stream(sys.stderr)
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        with warnings.catch_warnings():  # the way warnings show is put back on leaving
            warnings.showwarning = _warning_line(warnings.showwarning)
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
    except (fr.FazhiReportError, OSError) as exc:
        print(f"{PROG}: error: {_describe(exc)}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    return status if isinstance(status, int) else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
