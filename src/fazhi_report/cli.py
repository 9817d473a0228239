"""The ``fazhi-report`` command: convert reports between formats and styles, and outline them.

```
fazhi-report convert report.txt report.json
fazhi-report convert report.txt - --to text --style official
fazhi-report inspect report.txt
fazhi-report formats
```

Format names, suffixes and styles in the help come from the format table
(`fazhi_report.formats`), plugins included.

Every error the library raises on purpose (and every `OSError`) is printed as one line,
``fazhi-report: error: <message>``, with exit status 1; usage errors exit with status 2, as
argparse does.
"""

from __future__ import annotations

import argparse
import codecs
import io
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import TextIO

import fazhi_report as fr
from fazhi_report import registry
from fazhi_report.api import output_encoding
from fazhi_report.decoding import encode
from fazhi_report.model import Report, Section
from fazhi_report.numbering import format_marker, format_point_marker
from fazhi_report.registry import DEFAULT_FORMAT, FormatInfo

__all__ = ["build_parser", "main", "outline"]

PROG = "fazhi-report"
STDOUT = "-"
_INDENT = "  "
# Characters every report contains: a stream that cannot encode them cannot print a report.
_PROBE = "法治政府建设情况报告"

Handler = Callable[[argparse.Namespace], int]

_DESCRIPTION = """\
Parse, convert and outline Chinese 法治政府建设情况报告 (rule-of-law government reports).

Formats are named by file suffix:
{formats}
The commands are listed below; 'fazhi-report formats' lists the formats in full."""

_EPILOG = """\
examples:
  fazhi-report convert report.txt report.json
  fazhi-report inspect report.txt"""

_CONVERT_DESCRIPTION = """\
Read INPUT, render it in the chosen format and style, and write it to OUTPUT.
The input format comes from INPUT's suffix unless --from is given, and the output
format from OUTPUT's suffix unless --to is given. With OUTPUT '-' the result goes
to standard output (as the bytes a file would get) and --to defaults to {default}.
Text rendered in the 'lossless' style is the source exactly, byte for byte.

Styles of each format (the first is its default):
{styles}"""

_CONVERT_EPILOG = """\
examples:
  fazhi-report convert report.txt report.json
  fazhi-report convert report.txt clean.txt --style official
  fazhi-report convert report.txt full.json --style lossless
  fazhi-report convert full.json - --to text
  fazhi-report convert old.txt new.txt --encoding gb18030"""

_FORMATS_DESCRIPTION = """\
List every format the library reads or writes, plugins included: its name, the
file suffixes that name it, whether it can be read (r) and written (w), whether
it is binary, its styles (the default first) and what it is."""

_FORMATS_EPILOG = """\
example:
  fazhi-report formats"""

_INSPECT_DESCRIPTION = """\
Read INPUT and print an outline of the report: title, organ, year, addressee,
web-page metadata, the number of preamble paragraphs, then every section with
its marker and heading, [run-in] for run-in headings, its role (measures,
responsibility, shortcomings, causes, plans, other) when it has one and the
number of its body paragraphs, followed by the titles of its 一是/二是 points;
last the number of closing paragraphs and the signature (organ, ISO date)."""

_INSPECT_EPILOG = """\
example:
  fazhi-report inspect report.txt

output (shortened):
  title: 青山县应急管理局2025年法治政府建设情况报告
  organ: 青山县应急管理局
  year: 2025
  preamble: 1 paragraph
  sections:
    一、2025年推进法治政府建设的主要举措和成效 [measures] (0 paragraphs)
      （一）健全工作机制，夯实法治基础 [run-in] (1 paragraph)
        一是 加强组织领导
  closing: 0 paragraphs
  signature: 青山县应急管理局, 2026-01-15"""


# ------------------------------------------------------------------------------- parser


def _encoding(value: str) -> str:
    """An argparse type: a text encoding Python knows, else a usage error (exit status 2)."""
    try:
        # "".encode also refuses codecs that are not text encodings (rot13, base64, ...).
        "".encode(value)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown text encoding {value!r}") from None
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``fazhi-report`` command, with its subcommands."""
    # Raw formatting keeps the line breaks of the descriptions and the examples.
    formatter = argparse.RawDescriptionHelpFormatter
    with warnings.catch_warnings():
        # a broken plugin is reported when it is asked for, not on every command's help
        warnings.simplefilter("ignore", registry.PluginWarning)
        table = fr.formats()
    readable = [f.name for f in table if f.can_read]
    writable = [f.name for f in table if f.can_write]
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_DESCRIPTION.format(
            formats="\n".join(f"  {', '.join(f.suffixes)}: {f.name}" for f in table if f.suffixes)
        ),
        epilog=_EPILOG,
        formatter_class=formatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {fr.__version__}",
        help="print the program's version and exit",
    )
    commands = parser.add_subparsers(
        title="commands",
        dest="command",
        metavar="COMMAND",
        required=True,
        help="the command to run; 'fazhi-report COMMAND --help' describes its options",
    )

    convert = commands.add_parser(
        "convert",
        help="convert a report to another format or style",
        description=_CONVERT_DESCRIPTION.format(
            default=DEFAULT_FORMAT,
            styles="\n".join(f"  {f.name}: {', '.join(f.styles)}" for f in table if f.styles),
        ),
        epilog=_CONVERT_EPILOG,
        formatter_class=formatter,
    )
    _add_input(convert, table, readable)
    convert.add_argument(
        "output", metavar="OUTPUT", help="the file to write, or '-' for standard output"
    )
    convert.add_argument(
        "--to",
        dest="to_format",
        metavar="FORMAT",
        help=f"the format of OUTPUT: {_names(writable)} (default: from OUTPUT's suffix; "
        f"{DEFAULT_FORMAT!r} when OUTPUT is '-')",
    )
    convert.add_argument(
        "--style",
        metavar="STYLE",
        help="the rendering style: one of the output format's styles listed above "
        "(default: the format's first)",
    )
    convert.add_argument(
        "--encoding",
        metavar="ENC",
        type=_encoding,
        help="the encoding to write a text OUTPUT in, e.g. utf-8, gb18030, utf-16 (default: "
        "for text, the encoding INPUT was read in; otherwise utf-8); binary formats take none",
    )
    convert.add_argument(
        "--templates",
        metavar="DIR",
        help="a folder of templates that override the shipped ones file by file "
        "(styles that use templates, such as text's 'official')",
    )
    convert.add_argument(
        "--sandboxed",
        action="store_true",
        help="run the --templates in the bounded sandbox (for templates you do not trust)",
    )
    convert.set_defaults(handler=_convert)

    listing = commands.add_parser(
        "formats",
        help="list the formats it reads and writes",
        description=_FORMATS_DESCRIPTION,
        epilog=_FORMATS_EPILOG,
        formatter_class=formatter,
    )
    listing.set_defaults(handler=_formats)

    inspect = commands.add_parser(
        "inspect",
        help="print an outline of a report's structure",
        description=_INSPECT_DESCRIPTION,
        epilog=_INSPECT_EPILOG,
        formatter_class=formatter,
    )
    _add_input(inspect, table, readable)
    inspect.set_defaults(handler=_inspect)
    return parser


def _names(names: list[str]) -> str:
    """``'a', 'b' or 'c'``."""
    quoted = [repr(name) for name in names]
    return " or ".join([", ".join(quoted[:-1]), quoted[-1]]) if len(quoted) > 1 else "".join(quoted)


def _add_input(
    command: argparse.ArgumentParser, table: list[FormatInfo], readable: list[str]
) -> None:
    """The INPUT argument and its --from option, which every command reading a report takes."""
    suffixes = "; ".join(
        f"{' or '.join(f.suffixes)}: {f.name}" for f in table if f.can_read and f.suffixes
    )
    command.add_argument("input", metavar="INPUT", help=f"the report file to read ({suffixes})")
    command.add_argument(
        "--from",
        dest="from_format",
        metavar="FORMAT",
        help=f"the format of INPUT: {_names(readable)} (default: from INPUT's suffix)",
    )


# ------------------------------------------------------------------------------ convert


def _convert(args: argparse.Namespace) -> int:
    """Run ``fazhi-report convert``."""
    to_stdout = args.output == STDOUT
    # Settle the output format first, so an unknown suffix fails before the input is parsed.
    if args.to_format is not None:
        out_format: str = args.to_format
    elif to_stdout:
        out_format = DEFAULT_FORMAT
    else:
        out_format = registry.format_for_path(args.output)
    binary = registry.get_format(out_format).binary
    if binary and args.encoding is not None:
        raise fr.OptionError(
            f"--encoding applies to text formats, and {out_format!r} is binary",
            expected="no --encoding",
        )
    options = {}
    if args.templates is not None:
        options["templates"] = args.templates
    if args.sandboxed:
        options["sandboxed"] = True
    report = fr.load(args.input, args.from_format)
    if to_stdout:
        rendered = fr.render(report, out_format, style=args.style, **options)
        if isinstance(rendered, str):
            encoding = args.encoding or output_encoding(report, out_format)
            _write_stdout(encode(rendered, encoding, "<stdout>"), rendered)
        else:
            if sys.stdout.isatty():
                raise fr.FileError(
                    f"will not write the binary {out_format!r} format to a terminal",
                    source="<stdout>",
                    expected="an OUTPUT file, or standard output sent to a pipe or file",
                )
            _write_stdout(rendered, None)
    else:
        fr.save(
            report, args.output, out_format, style=args.style, encoding=args.encoding, **options
        )
    return 0


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


# ------------------------------------------------------------------------------ formats


def _formats(args: argparse.Namespace) -> int:
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
    return 0


# ------------------------------------------------------------------------------ inspect


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


def _outline_section(section: Section, depth: int, lines: list[str]) -> None:
    indent = _INDENT * depth
    entry = f"{indent}{_marker(section.level, section.number)}{_one_line(section.heading)}"
    if section.run_in:
        entry += " [run-in]"
    if section.role is not None:
        entry += f" [{section.role.value}]"
    entry += f" ({_count(len(section.body), 'paragraph')})"
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
    lines.append(f"preamble: {_count(len(report.preamble), 'paragraph')}")
    lines.append("sections:" if report.sections else f"sections: {none}")
    for section in report.sections:
        _outline_section(section, 1, lines)
    lines.append(f"closing: {_count(len(report.closing), 'paragraph')}")
    signature = report.signature
    if signature is None:
        lines.append(f"signature: {none}")
    else:
        organ = signature.organ if signature.organ is not None else none
        date = signature.date.isoformat() if signature.date is not None else none
        lines.append(f"signature: {organ}, {date}")
    return lines


def _inspect(args: argparse.Namespace) -> int:
    """Run ``fazhi-report inspect``."""
    report = fr.load(args.input, args.from_format)
    sys.stdout.write("\n".join(outline(report)) + "\n")
    sys.stdout.flush()
    return 0


# --------------------------------------------------------------------------------- main


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
            return  # UTF-8/16/32 encode every character
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


def _exit_status(exc: SystemExit) -> int:
    """The status a `SystemExit` from argparse stands for."""
    if exc.code is None:
        return 0
    return exc.code if isinstance(exc.code, int) else 1


def _describe(exc: Exception) -> str:
    """The one-line message for an error caught in `main`."""
    if isinstance(exc, fr.FazhiReportError) or not isinstance(exc, OSError):
        return str(exc)
    # An OSError from outside the library: name the file and the reason, not the errno.
    reason = exc.strerror or str(exc)
    return f"{exc.filename}: {reason}" if exc.filename is not None else reason


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``fazhi-report`` command and return its exit status.

    Args:
        argv: the arguments after the program name; ``None`` means ``sys.argv[1:]``.

    Returns:
        0 on success, 1 when the input or output is bad (the reason goes to standard error as
        ``fazhi-report: error: <message>``), 2 for a usage error. ``--help`` and ``--version``
        return 0 rather than raising `SystemExit`, so ``main`` can be called in-process.
    """
    _prepare_stream(sys.stdout)
    _prepare_stream(sys.stderr)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return _exit_status(exc)
    handler: Handler = args.handler
    try:
        return handler(args)
    except BrokenPipeError:
        # The reader went away (``| head``). Point stdout at /dev/null so the interpreter's
        # final flush does not fail again, and stop quietly, as the Python docs recommend.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 1
    except (fr.FazhiReportError, OSError) as exc:
        print(f"{PROG}: error: {_describe(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
