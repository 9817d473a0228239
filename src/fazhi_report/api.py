"""The functions most users need: parse, load, render, save."""

from __future__ import annotations

import os
from pathlib import Path

from fazhi_report import convert, registry
from fazhi_report.errors import DataError, FazhiReportError, FileError, UnknownStyleError
from fazhi_report.model import Report
from fazhi_report.parsers.text import parse_text
from fazhi_report.renderers.official import render_official
from fazhi_report.renderers.text import render_lossless
from fazhi_report.source import encode

__all__ = ["load", "parse", "render", "save"]

TEXT_STYLES = ("lossless", "official")
JSON_STYLES = ("semantic", "lossless")


def _text_renderer(
    report: Report,
    *,
    style: str | None = None,
    templates: str | os.PathLike[str] | None = None,
    sandboxed: bool = False,
) -> str:
    if (style is None or style == "lossless") and report.layout is not None:
        return render_lossless(report)
    # official on request, and for a report with no layout to be lossless to
    if style in (None, "lossless", "official"):
        return render_official(report, template_dir=templates, sandboxed=sandboxed)
    raise UnknownStyleError(
        f"the text renderer has no style {style!r}", expected=" or ".join(TEXT_STYLES)
    )


def _json_renderer(
    report: Report,
    *,
    style: str | None = None,
    templates: str | os.PathLike[str] | None = None,
    sandboxed: bool = False,
) -> str:
    if style is None or style in JSON_STYLES:
        return convert.to_json(report, layout=style == "lossless")
    raise UnknownStyleError(
        f"the JSON renderer has no style {style!r}", expected=" or ".join(JSON_STYLES)
    )


def _json_parser(data: str | bytes, *, source: str = "<json>") -> Report:
    return convert.from_json(data, source=source)


registry.register_parser("text", parse_text)
registry.register_parser("json", _json_parser)
registry.register_renderer("text", _text_renderer)
registry.register_renderer("json", _json_renderer)


def parse(
    data: str | bytes | bytearray | memoryview | os.PathLike[str],
    format: str | None = None,
    *,
    source: str | None = None,
) -> Report:
    """Parse a report from its text, its bytes, or a path.

    Args:
        data: a ``str`` is the document's text; ``bytes`` are decoded (UTF-8 with or without a
            byte-order mark, UTF-16 with one, GB18030); a `os.PathLike` is read as by
            `load`.
        format: the input format: ``"text"``, ``"json"``, or any registered format. By default
            ``"text"`` for a ``str`` or ``bytes``, and the suffix's format for a path.
        source: a name for the input in error messages (defaults to ``"<string>"``/``"<bytes>"``).

    Raises:
        UnknownFormatError: no parser for ``format``.
        DecodeError, EmptyInputError: bytes that are not text, or are empty.
    """
    if isinstance(data, os.PathLike):
        return load(data, format)
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if source is None:
        source = "<bytes>" if isinstance(data, bytes) else "<string>"
    return registry.get_parser(format or "text")(data, source=source)


def load(path: str | os.PathLike[str], format: str | None = None) -> Report:
    """Read and parse a report file; the format comes from the suffix unless given.

    Raises:
        FileError: the file cannot be read.
        UnknownFormatError: the suffix names no format and none was given.
        DecodeError, EmptyInputError: the file is not text, or is empty.
    """
    name = os.fspath(path)
    fmt = format or registry.format_for_path(name)
    parser = registry.get_parser(fmt)
    try:
        data = Path(name).read_bytes()
    except OSError as exc:
        raise FileError(f"cannot read the file: {exc.strerror or exc}", source=name) from None
    return parser(data, source=name)


def render(
    report: Report,
    format: str = "text",
    *,
    style: str | None = None,
    templates: str | os.PathLike[str] | None = None,
    sandboxed: bool = False,
) -> str:
    """Render a report in a format and style.

    Args:
        report: the report.
        format: ``"text"`` (default), ``"json"``, or any registered format.
        style: for text, ``"lossless"`` (default: the source exactly, edits applied) or
            ``"official"`` (normalised GB/T 9704 form); for JSON, ``"semantic"`` (default) or
            ``"lossless"`` (with layout records).
        templates: a folder of templates that override the shipped ones file by file.
        sandboxed: run the templates in Jinja's sandbox (for templates you do not trust).

    Raises:
        UnknownFormatError, UnknownStyleError: no such format or style.
        TemplateError: a template is missing, malformed or failed.
    """
    try:
        rendered = registry.get_renderer(format)(
            report, style=style, templates=templates, sandboxed=sandboxed
        )
    except ValueError as exc:
        if isinstance(exc, FazhiReportError):
            raise
        # a report built in code with values no document can hold (section 0, level 5…)
        raise DataError(f"cannot render this report: {exc}") from None
    if isinstance(rendered, bytes):
        return rendered.decode("utf-8")
    return rendered


def output_encoding(report: Report, format: str) -> str:
    """The encoding `save` writes ``format`` in by default.

    Text keeps the encoding its source was read in (a GB18030 file stays GB18030); everything
    else, JSON included (RFC 8259), is UTF-8.
    """
    if format == "text" and report.layout is not None and report.layout.encoding is not None:
        return report.layout.encoding
    return "utf-8"


def save(
    report: Report,
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    style: str | None = None,
    encoding: str | None = None,
) -> None:
    """Render a report and write it to ``path``; the format comes from the suffix unless given.

    Args:
        report: the report.
        path: where to write.
        format: the output format; by default the one the suffix names.
        style: as for `render`.
        encoding: the encoding of a text file; by default the encoding the report was read in,
            else UTF-8. Other formats are written as their renderer gives them (JSON in UTF-8).

    Raises:
        FileError: the file cannot be written.
        EncodeError: the text holds characters ``encoding`` cannot write, or no such encoding.
        UnknownFormatError, UnknownStyleError: no such format or style.
    """
    name = os.fspath(path)
    fmt = format or registry.format_for_path(name)
    rendered = registry.get_renderer(fmt)(report, style=style, templates=None, sandboxed=False)
    if isinstance(rendered, str):
        rendered = encode(rendered, encoding or output_encoding(report, fmt), name)
    try:
        Path(name).write_bytes(rendered)
    except OSError as exc:
        raise FileError(f"cannot write the file: {exc.strerror or exc}", source=name) from None
