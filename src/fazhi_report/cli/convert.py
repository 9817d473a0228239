"""``fazhi-report convert``: render reports in another format or style, one or a folder
at a time.

One input to one output (either may be ``-``) runs in this process; several inputs run over
worker processes (`fazhi_report.batch.convert_many`), their outputs planned first
(`fazhi_report.cli.planning`), Ctrl-C letting the files under way finish.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from fazhi_report import registry, urls
from fazhi_report.api import output_encoding, render
from fazhi_report.batch import (
    ConvertOutcome,
    ConvertTask,
    convert_many,
    render_bytes,
    suffix_for,
    write_atomically,
)
from fazhi_report.cli.base import EXIT_OK, command
from fazhi_report.cli.inputs import find_inputs, jobs_for
from fazhi_report.cli.io import STDIO, read_report, write_stdout
from fazhi_report.cli.options import (
    Encoding,
    FormatChoice,
    format_table,
    from_option,
    jobs_option,
    read_templates_option,
    sandboxed_option,
)
from fazhi_report.cli.planning import names_one_file, outside, plan, same_file_key, with_paths
from fazhi_report.cli.progress import BatchProgress, StopOnInterrupt
from fazhi_report.decoding import encode
from fazhi_report.errors import FileError, OptionError
from fazhi_report.registry import DEFAULT_FORMAT

__all__ = ["convert", "convert_one"]


def _describe_convert() -> str:
    table = format_table()
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

INPUTS, OUTPUT and DIR may also be fsspec URLs (s3://bucket/reports/, 'gs://b/**/*.docx',
'zip://*.txt::reports.zip'; the extra fazhi-report[fsspec] and the store's own package),
searched and compared as local names are. An output URL is written through fsspec: whole
or not at all on object stores (s3://, gs://, az://), but in place on file://, memory://
and sftp://, where an interrupted run can leave a partial file. Each worker (--jobs) reads
and writes its files itself; a run that names memory:// (this process's memory) runs in
this process.

Output formats (--to): {writable}.

\b
Readable suffixes:
{suffixes}

\b
Styles of each format (the first is its default):
{styles}"""


@command(
    "convert",
    describe=_describe_convert,
    epilog="""Examples:
  fazhi-report convert report.txt report.docx
  fazhi-report convert report.txt clean.txt --style official
  fazhi-report convert report.txt full.json --style lossless
  fazhi-report convert full.json - --to text
  fazhi-report convert old.txt new.txt --encoding gb18030
  fazhi-report convert reports/ --out-dir out/ --to docx --jobs 4
  fazhi-report convert 'reports/**/*.txt' --to json --force
  fazhi-report convert s3://bucket/2025/ --out-dir s3://bucket/json/ --to json""",
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
    help="Write the outputs below DIR (a folder or an fsspec URL), mirroring the folders "
    "of the inputs.",
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
    type=Encoding(),
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
@click.option(
    "--punctuation",
    type=click.Choice(["standard", "source"]),
    default="standard",
    show_default=True,
    help="In the official style: 'standard' writes GB/T 15834 punctuation (half-width , ; : "
    "( ) ! ? beside Chinese made full-width); 'source' keeps the marks as read.",
)
@click.option("--force", is_flag=True, help="Overwrite outputs that exist (never an input).")
@jobs_option
def convert(
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
    punctuation: str,
    force: bool,
    jobs: int | None,
    quiet: bool,
    verbose: bool,
) -> int:
    """Run ``fazhi-report convert``."""
    if output is not None and out_dir is not None:
        raise click.UsageError("give -o OUTPUT or --out-dir DIR, not both")
    if output is None and out_dir is None and len(inputs) == 2 and names_one_file(inputs[0]):
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
        if len(inputs) != 1 or not names_one_file(inputs[0]):
            raise click.UsageError("-o OUTPUT takes one input file; use --out-dir for several")
        if to_format is None:
            to_format = DEFAULT_FORMAT if output == STDIO else _format_of(output)
        options.update(_punctuation(to_format, style, punctuation))
        _warn_about_fonts(to_format, options)
        return convert_one(
            inputs[0], output, from_format, to_format, style, encoding, options, force, read
        )
    if to_format is None:
        raise click.UsageError("--to FORMAT is needed to convert several inputs")
    options.update(_punctuation(to_format, style, punctuation))
    _warn_about_fonts(to_format, options)
    if encoding is not None and registry.get_format(to_format).binary:
        raise OptionError(
            f"--encoding applies to text formats, and {to_format!r} is binary",
            expected="no --encoding",
        )
    # A wrong style or option would fail every file alike: say it once, before any work.
    own = {k: v for k, v in options.items() if k != "punctuation"}  # fr.render's, not its own
    registry.get_renderer(to_format).check(style, own, to_format)
    root = _out_dir(out_dir)
    found, passed_over = outside(find_inputs(inputs), inputs, root)
    suffix = suffix_for(to_format)
    tasks, refused = plan(found, root, suffix)
    template = ConvertTask(
        "", "", from_format, to_format, style, encoding, options=options, force=force, read=read
    )
    with BatchProgress("converted", quiet=quiet, verbose=verbose) as progress:
        progress.start(len(found) + len(passed_over))
        for source in passed_over:
            progress.record(source, "skipped", f"it is under the output folder {out_dir}")
        work = [with_paths(template, source, target) for source, target in tasks]
        with StopOnInterrupt() as interrupt:
            names = [name for task in work for name in (task.source, task.target)]
            workers = jobs_for(jobs, len(work), names)
            outcomes = convert_many(work, jobs=workers, stop=interrupt.asked)
            for outcome in outcomes:
                _record(progress, outcome, verbose)
        if interrupt.requested:
            # every file written is counted: now the summary, and main says "interrupted"
            raise KeyboardInterrupt
        for source, reason in refused:
            progress.record(source, "failed", reason)
    return progress.exit_status


def _out_dir(out_dir: str | None) -> Path | str | None:
    """``--out-dir``: a local folder, or a folder URL (fsspec must be installed for it)."""
    if out_dir is None or not urls.is_url(out_dir):
        return None if out_dir is None else Path(out_dir)
    if "::" in out_dir:
        raise click.UsageError(f"--out-dir {out_dir}: a chained URL (an archive) is not written to")
    urls.canonical_url(out_dir)  # no fsspec, or an unknown protocol: say so before any work
    if urls.url_kind(out_dir) == "file":
        raise FileError("the output folder is a file", source=out_dir)
    return out_dir


def _format_of(output: str) -> str:
    """The format ``output``'s suffix names (a URL's file link's, as when read)."""
    return registry.format_for_path(urls.file_link(output) if urls.is_url(output) else output)


def _punctuation(to_format: str, style: str | None, punctuation: str) -> dict[str, Any]:
    """The render option for ``--punctuation``: only the official style rewrites marks."""
    styles = registry.get_format(to_format).styles
    chosen = style or (styles[0] if styles else None)
    return {"punctuation": punctuation} if chosen == "official" else {}


def _warn_about_fonts(to_format: str, options: dict[str, Any]) -> None:
    """Say once, before the first Word file, when this machine lacks the official faces."""
    if to_format != "docx":
        return
    from fazhi_report.renderers.docx import missing_fonts

    warning = missing_fonts(options.get("fonts"))
    if warning is not None:
        click.echo(f"fazhi-report: note: {warning}", err=True)


def _record(progress: BatchProgress, outcome: ConvertOutcome, verbose: bool) -> None:
    target = f"{outcome.target} ({outcome.seconds * 1000:.0f} ms)" if verbose else outcome.target
    progress.record(outcome.source, outcome.status, outcome.reason, target)


def convert_one(
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
        to_format = DEFAULT_FORMAT if to_stdout else _format_of(output)
    binary = registry.get_format(to_format).binary
    if binary and encoding is not None:
        raise OptionError(
            f"--encoding applies to text formats, and {to_format!r} is binary",
            expected="no --encoding",
        )
    url = urls.is_url(output)
    if url and "::" in output:
        raise FileError(
            "a chained URL (an archive) is not written to", source=output, expected="a file"
        )
    if not to_stdout:
        kind = urls.url_kind(output) if url else None
        if kind == "folder" or (not url and Path(output).is_dir()):
            raise FileError(
                "the output is a folder", source=output, expected="a file name, or --out-dir"
            )
        if source != STDIO and same_file_key(output) == same_file_key(source):
            raise FileError("the output is the input, which is never overwritten", source=output)
        if (kind is not None or (not url and Path(output).exists())) and not force:
            click.echo(f"skipped {source}: {output} exists (--force overwrites it)", err=True)
            return EXIT_OK
    report = read_report(source, from_format, read)
    if to_stdout:
        if binary and sys.stdout.isatty():
            raise FileError(
                f"will not write the binary {to_format!r} format to a terminal",
                source="<stdout>",
                expected="an OUTPUT file, or standard output sent to a pipe or file",
            )
        rendered = render(report, to_format, style=style, **options)
        if isinstance(rendered, str):
            chosen = encoding or output_encoding(report, to_format)
            write_stdout(encode(rendered, chosen, "<stdout>"), rendered)
        else:
            write_stdout(rendered, None)
    else:
        data = render_bytes(
            report, to_format, style=style, encoding=encoding, options=options, target=output
        )
        if url:
            urls.write_url(output, data)
        else:
            write_atomically(output, data)
    return EXIT_OK
