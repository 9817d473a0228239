"""Standard streams and output files: what every command reads from and writes to.

``-`` names standard input (one report, its format told by its first bytes as ``fr.parse``
tells bytes) or standard output (the bytes a file would get). A result written to a file is
written under a temporary name and renamed, so an interrupted run leaves no half-written
file; one written to an fsspec URL goes through `fazhi_report.urls.write_url`, whole or not
at all where the store is atomic (object stores).
"""

from __future__ import annotations

import codecs
import contextlib
import io
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

from fazhi_report import urls
from fazhi_report.cli.base import PROG
from fazhi_report.errors import FazhiReportError, FazhiReportWarning, FileError

if TYPE_CHECKING:
    from fazhi_report.model import Report

__all__ = [
    "STDIO",
    "describe_error",
    "emit",
    "output_stream",
    "prepare_stream",
    "read_report",
    "read_stdin",
    "warning_line",
    "write_stdout",
]

STDIO = "-"
"""The name of standard input (as an input) and standard output (as an output)."""

# Characters every report contains: a stream that cannot encode them cannot print a report.
_PROBE = "法治政府建设情况报告"


def prepare_stream(stream: TextIO) -> None:
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


def describe_error(exc: Exception) -> str:
    """The one-line message for an error a command ends with."""
    if isinstance(exc, FazhiReportError) or not isinstance(exc, OSError):
        return str(exc)
    # An OSError from outside the library: name the file and the reason, not the errno.
    reason = exc.strerror or str(exc)
    return f"{exc.filename}: {reason}" if exc.filename is not None else reason


def warning_line(show: Callable[..., None]) -> Callable[..., None]:
    """A `warnings.showwarning` that prints the library's warnings as one line each,
    ``fazhi-report: warning: <message>`` (the message names ``<file>:<line>``), and hands
    any other warning to ``show``."""

    def shown(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: TextIO | None = None,
        line: str | None = None,
    ) -> None:
        if issubclass(category, FazhiReportWarning):
            print(f"{PROG}: warning: {message}", file=sys.stderr if file is None else file)
        else:
            show(message, category, filename, lineno, file, line)

    return shown


def read_stdin() -> bytes:
    """Everything on standard input, as bytes (a text-only replacement stream as UTF-8)."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        data: bytes = buffer.read()
        return data
    return sys.stdin.read().encode("utf-8")


def read_report(source: str, from_format: str | None, read: dict[str, Any]) -> Report:
    """The report in file ``source``, or on standard input for ``-``.

    ``read`` holds the reader's options (``templates``, ``sandboxed``), as for
    `fazhi_report.load`.
    """
    # imported here: the program's start (--version, --help) reads no report
    from fazhi_report.api import load, parse

    if source == STDIO:
        return parse(read_stdin(), from_format, source="<stdin>", **read)
    return load(source, from_format, **read)


def write_stdout(data: bytes, text: str | None) -> None:
    """Write ``data`` to standard output unchanged, as a file would get it.

    A text-only replacement stream (io.StringIO) takes ``text`` instead; it cannot take the
    bytes of a binary format, which is an error.
    """
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        if text is None:
            raise FileError("standard output takes no bytes here", source="<stdout>")
        stream.write(text)
        stream.flush()
        return
    stream.flush()  # keep anything already written through the text layer in order
    buffer.write(data)
    buffer.flush()


def emit(text: str, output: str | None, *, csv: bool = False) -> None:
    """Write a command's result to standard output, or atomically to the file ``output``.

    A CSV file starts with a byte-order mark, so that Excel and WPS read its Chinese; on
    standard output it has none. A file name that is not UTF-8 (``b"a\\xff.txt"``, a str
    holding a lone surrogate) is written back as the bytes it was, as ``ls`` does.
    """
    from fazhi_report.batch import write_atomically

    # report text never holds a lone surrogate (readers refuse it): only file names do
    if output is None or output == STDIO:
        write_stdout(text.encode("utf-8", "surrogateescape"), text)
        return
    data = text.encode("utf-8-sig" if csv else "utf-8", "surrogateescape")
    if urls.is_url(output):
        urls.write_url(output, data)  # atomic where the store is (see fazhi_report.urls)
    else:
        write_atomically(output, data)


_STDOUT_CHUNK = 1 << 16


@contextlib.contextmanager
def output_stream(output: str | None, *, csv: bool = False) -> Iterator[Callable[[str], object]]:
    """A ``write(text)`` to standard output, or to the file ``output`` atomically, piece by
    piece.

    What `emit` does for one text, for output written as it is made: the file appears,
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
                write_stdout(text.encode("utf-8", "surrogateescape"), text)

        yield write
        flush()
        return
    from fazhi_report.batch import writing_atomically

    # a CSV file starts with a byte-order mark, and a file name that is not UTF-8 is written
    # back as the bytes it was, as `emit` writes them
    encoder = codecs.getincrementalencoder("utf-8-sig" if csv else "utf-8")("surrogateescape")
    if urls.is_url(output):  # fsspec writes whole objects: the text is sent once it is made
        buffer = io.BytesIO()
        yield lambda text: buffer.write(encoder.encode(text))
        urls.write_url(output, buffer.getvalue())
        return
    with writing_atomically(output) as stream:
        yield lambda text: stream.write(encoder.encode(text))
