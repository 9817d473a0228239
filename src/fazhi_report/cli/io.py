"""Standard streams and output files: what every command reads from and writes to.

``-`` names standard input (one report, its format told by its first bytes as ``fr.parse``
tells bytes) or standard output (the bytes a file would get). A result written to a file is
written under a temporary name and renamed, so an interrupted run leaves no half-written
file.
"""

from __future__ import annotations

import codecs
import io
import sys
from typing import TYPE_CHECKING, Any, TextIO

from fazhi_report.errors import FazhiReportError, FileError

if TYPE_CHECKING:
    from fazhi_report.model import Report

__all__ = [
    "STDIO",
    "describe_error",
    "emit",
    "prepare_stream",
    "read_report",
    "read_stdin",
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


def describe_error(exc: Exception) -> str:
    """The one-line message for an error a command ends with."""
    if isinstance(exc, FazhiReportError) or not isinstance(exc, OSError):
        return str(exc)
    # An OSError from outside the library: name the file and the reason, not the errno.
    reason = exc.strerror or str(exc)
    return f"{exc.filename}: {reason}" if exc.filename is not None else reason


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
    standard output it has none.
    """
    from fazhi_report.batch import write_atomically

    if output is None or output == STDIO:
        write_stdout(text.encode("utf-8"), text)
    else:
        write_atomically(output, text.encode("utf-8-sig" if csv else "utf-8"))
