"""The errors fazhi_report raises: every one is a `FazhiReportError`."""

from __future__ import annotations

__all__ = [
    "DataError",
    "DecodeError",
    "EmptyInputError",
    "EncodeError",
    "FazhiReportError",
    "FazhiReportWarning",
    "FileError",
    "MissingExtraError",
    "NoTextLayerError",
    "OptionError",
    "PluginError",
    "TemplateError",
    "UnknownFormatError",
    "UnknownStyleError",
]


class FazhiReportError(Exception):
    """Base class of every error this library raises on purpose.

    Attributes:
        source: the file name (or ``"<string>"``, ``"<bytes>"``) the error is about, if any.
        line: the 1-based line in that source, if the error has one.
        expected: what the library expected to find there, in plain words.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        expected: str | None = None,
    ) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.expected = expected
        super().__init__(self._compose())

    def _compose(self) -> str:
        where = self.source or ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        text = f"{where}: {self.message}" if where else self.message
        if self.expected:
            text += f" (expected {self.expected})"
        return text


class DecodeError(FazhiReportError, ValueError):
    """Bytes that are not text in any encoding a report is published in (a `ValueError` too,
    as `UnicodeDecodeError` is)."""


class EmptyInputError(FazhiReportError, ValueError):
    """A file or byte string with no text in it (a `ValueError` too: the value is wrong)."""


class NoTextLayerError(EmptyInputError):
    """A PDF whose pages hold no text, only pictures of it (a scan): it needs OCR first."""


class MissingExtraError(FazhiReportError, ImportError):
    """An optional dependency is not installed; the message names the extra that brings it
    (``pip install "fazhi-report[pdf]"``)."""


class UnknownFormatError(FazhiReportError, LookupError):
    """A format name no parser or renderer is registered for."""


class UnknownStyleError(FazhiReportError, LookupError):
    """A style a renderer does not have (the text renderer has ``lossless`` and ``official``)."""


class OptionError(FazhiReportError, TypeError):
    """An option a renderer does not take in the style asked for (``templates=`` for lossless)."""


class PluginError(FazhiReportError):
    """A plugin format, or a format's parser or renderer, that cannot be loaded."""


class FileError(FazhiReportError, OSError):
    """A file that cannot be read or written (missing, a folder, no permission)."""


class EncodeError(FazhiReportError, ValueError):
    """Text that cannot be written in the encoding asked for (or an unknown encoding)."""


class DataError(FazhiReportError, ValueError):
    """A dict or JSON document that does not describe a report."""


class TemplateError(FazhiReportError):
    """A renderer template that is missing, malformed or failed while rendering."""


class FazhiReportWarning(UserWarning):
    """Something the library did to an input that it can still read, said so with
    `warnings.warn`: a web page's stray bytes or control characters read as U+FFFD.

    The message names the file and line as a `FazhiReportError`'s does; the command line
    prints it as one ``fazhi-report: warning: <file>:<line>: …`` line. Turn it into an error
    with ``warnings.simplefilter("error", FazhiReportWarning)``.

    Attributes:
        source: the file name (or ``"<bytes>"``) the warning is about, if any.
        line: the 1-based line in that source (the first, when there are several).
    """

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        self.message = message
        self.source = source
        self.line = line
        where = source or ""
        if line is not None:
            where = f"{where}:{line}" if where else f"line {line}"
        super().__init__(f"{where}: {message}" if where else message)
