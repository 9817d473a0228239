"""The functions most users need: parse, load, render, save, formats.

Formats are rows of the table in `fazhi_report.registry`; nothing here names one.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, cast, overload

from fazhi_report import _surrogates, registry, urls
from fazhi_report.decoding import encode
from fazhi_report.errors import (
    FazhiReportError,
    FileError,
    OptionError,
    PluginError,
    UnknownFormatError,
)
from fazhi_report.model import Report
from fazhi_report.registry import DEFAULT_FORMAT, FormatInfo

if TYPE_CHECKING:  # the analyses load on first use: parsing never imports them
    from docx.document import Document

    from fazhi_report.analysis.check import Finding
    from fazhi_report.analysis.compare import Comparison
    from fazhi_report.analysis.figures import Figure
    from fazhi_report.analysis.references import Reference
    from fazhi_report.renderers.docx.installed import FontCheck

__all__ = ["check", "check_fonts", "compare", "formats", "load", "parse", "render", "save"]

TextFormat = Literal["text", "json"]
"""The built-in formats whose renderers return ``str``."""


def _check_sandboxed(sandboxed: object) -> None:
    # a str "false" would be true: say so rather than guess which the caller meant
    if not isinstance(sandboxed, bool):
        raise OptionError(
            f"sandboxed= must be True or False, not {type(sandboxed).__name__} {sandboxed!r}",
            expected="True or False",
        )


def _read(
    fmt: str,
    data: str | bytes,
    source: str,
    templates: str | os.PathLike[str] | None = None,
    sandboxed: bool = False,
) -> Report:
    """Read ``data`` in format ``fmt``: its line reader through the one builder, house hints
    included, or its whole-report parser; refusing text for a binary format."""
    record = registry.get_format(fmt)
    if isinstance(data, str) and record.binary:
        raise UnknownFormatError(
            f"the format {fmt!r} is binary and cannot be read from a str",
            source=source,
            expected="the document's bytes, or fr.load(path)",
        )
    if isinstance(data, str):
        _surrogates.check_input(data, source)  # bytes never decode to a lone surrogate
    if record.reader is None:
        if templates is not None:
            # a whole-report parser reads no lines, so no house hints: never hand it a folder
            raise OptionError(
                f"templates= reads documents written with your templates; the format {fmt!r} "
                "is read whole by its parser, not as lines, so it takes none",
                source=source,
                expected="a format read as lines: " + ", ".join(registry.reader_formats()),
            )
        # no template runs: sandboxed= changes nothing
        return registry.get_parser(fmt)(data, source=source)
    reader = registry.get_reader(fmt)
    hints = None
    if templates is not None:
        # loaded only for a house style: it runs templates, which plain reading never does
        from fazhi_report.house import house_style

        hints = house_style(templates, sandboxed=sandboxed)
    from fazhi_report.parsers.builder import read

    return read(reader, data, source=source, hints=hints)


class WordDocument(Protocol):
    """What `parse` takes of a python-docx ``Document``: it can save itself to a stream."""

    def save(self, path_or_stream: Any) -> None:
        """Write the document as a .docx file."""


def _document_bytes(data: object) -> bytes | None:
    """The .docx bytes of a python-docx ``Document``, or ``None`` for anything else.

    Told by its module, so ``docx`` is never imported to find out.
    """
    if type(data).__module__.partition(".")[0] != "docx" or not callable(
        getattr(data, "save", None)
    ):
        return None
    buffer = io.BytesIO()
    data.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def parse(
    data: str | bytes | bytearray | memoryview | os.PathLike[str] | WordDocument,
    format: str | None = None,
    *,
    source: str | None = None,
    templates: str | os.PathLike[str] | None = None,
    sandboxed: bool = False,
) -> Report:
    """Parse a report from its text, its bytes, or a path.

    A ``str`` is always the document's text, even when it happens to be the name of a file:
    use `load` (or pass a `pathlib.Path`) to read a file.

    Args:
        data: a ``str`` is the document's text; ``bytes`` are a document of the format whose
            magic bytes they start with (a DOCX is a zip file, ``PK\\x03\\x04``), or whose
            content test they pass (a web page starts ``<!DOCTYPE html`` or ``<html``; see
            `fazhi_report.registry.format_for_data`), else text decoded safely (UTF-8 with or
            without a byte-order mark, UTF-16 with one, GB18030); a `os.PathLike` is read as by
            `load`; a python-docx ``Document`` is read as the DOCX it saves.
        format: the input format (see `formats`). By default found as described for ``data``.
        source: a name for the input in error messages (defaults to ``"<string>"``/``"<bytes>"``).
        templates: the template folder the text was rendered with (``fr.render(report,
            "text", style="official", templates=...)``): its house forms (``第一部分``,
            ``【一】``…) read back as the official ones do (see `fazhi_report.house`). Every
            format read as lines takes it (text, Word, Markdown, HTML and plugins' readers:
            `fazhi_report.registry.reader_formats`). Reading with a folder runs its
            templates, which are code: pass only a folder you trust, or ``sandboxed``.
        sandboxed: run ``templates`` in the bounded sandbox that ``fr.render(...,
            sandboxed=True)`` uses, for a folder you did not write: a template that reaches
            for Python internals or runs over the sandbox's limits is a `TemplateError`, and
            nothing it asked for happens. ``False`` by default, as for rendering (templates
            you pass are trusted as code you run). Without ``templates`` no template runs,
            so it changes nothing and is accepted for every format.

    Raises:
        UnknownFormatError: no format can read ``format``.
        DecodeError, EmptyInputError: bytes that are not text, or are empty; a ``str`` that
            holds a lone surrogate (``"\\ud800"``: no character, no file can hold it).
        OptionError: ``templates`` for a format read whole by a parser (JSON), not as
            lines; ``sandboxed`` not a bool.
        TemplateError: ``templates`` is no folder, its macros cannot be read back, or a
            template fails (sandboxed: breaks a rule or a limit of the sandbox).
        FazhiReportError: any other problem with the input, as its parser reports it.
    """
    _check_sandboxed(sandboxed)
    document = _document_bytes(data)
    if document is not None:  # python-docx interop: read what it would save
        data, format, source = document, format or "docx", source or "<Document>"
    if isinstance(data, os.PathLike):
        return load(data, format, templates=templates, sandboxed=sandboxed)
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if source is None:
        source = "<bytes>" if isinstance(data, bytes) else "<string>"
    if format is None:
        found = registry.format_for_data(data) if isinstance(data, bytes) else None
        format = found or DEFAULT_FORMAT
    # anything else goes on as before (a Document became bytes above)
    return _read(format, cast("str | bytes", data), source, templates, sandboxed)


def load(
    path: str | os.PathLike[str] | WordDocument,
    format: str | None = None,
    *,
    templates: str | os.PathLike[str] | None = None,
    sandboxed: bool = False,
) -> Report:
    """Read and parse a report file.

    The format is ``format`` if given, else the one the file's suffix names, else the one
    its bytes tell (magic bytes, or a web page's start: see `parse`). ``templates`` and
    ``sandboxed`` are as for `parse`: ``fr.load(path, templates=folder, sandboxed=True)`` for
    a folder you did not write. A python-docx ``Document`` in place of a path is read as the
    DOCX it saves, as `parse` reads it. An fsspec URL (``s3://bucket/a.docx``,
    ``memory://a.txt``, ``zip://a.txt::reports.zip``) is read whole through fsspec, with the
    extra ``fazhi-report[fsspec]`` (see `fazhi_report.urls`).

    Raises:
        FileError: the file cannot be read (or was read shorter than its size).
        MissingExtraError: a URL, without the ``fsspec`` extra installed.
        UnknownFormatError: neither the suffix nor the content names a format.
        DecodeError, EmptyInputError: the file is not text, or is empty.
        OptionError, TemplateError: as for `parse`.
    """
    _check_sandboxed(sandboxed)
    document = _document_bytes(path)
    if document is not None:  # python-docx interop, as in parse
        return _read(format or "docx", document, "<Document>", templates, sandboxed)
    name = os.fspath(cast("str | os.PathLike[str]", path))
    url = urls.is_url(name)
    suffix_error = None
    if format is not None:
        registry.get_format(format)  # an unknown name fails before the file is read
    else:
        try:  # a URL's suffix is its file's link's (zip://a.docx::b.zip names a.docx)
            format = registry.format_for_path(urls.file_link(name) if url else name)
        except UnknownFormatError as exc:
            suffix_error = exc  # the content may still tell (magic bytes)
    try:
        data = urls.read_url(name) if url else Path(name).read_bytes()
    except FileError as exc:
        if suffix_error is not None:
            raise suffix_error from None
        raise exc from None
    except OSError as exc:
        if suffix_error is not None:
            raise suffix_error from None  # nothing to look into: the suffix is the problem
        raise FileError(f"cannot read the file: {exc.strerror or exc}", source=name) from None
    if format is None:
        format = registry.format_for_data(data)
        if format is None:
            assert suffix_error is not None
            raise suffix_error
    return _read(format, data, name, templates, sandboxed)


@overload
def render(
    report: Report, format: TextFormat = "text", *, style: str | None = None, **options: Any
) -> str: ...
@overload
def render(
    report: Report, format: str, *, style: str | None = None, **options: Any
) -> str | bytes: ...
def render(
    report: Report, format: str = "text", *, style: str | None = None, **options: Any
) -> str | bytes:
    """Render a report in a format and style.

    Args:
        report: the report.
        format: ``"text"`` (default), ``"json"``, or any format in `formats`.
        style: one of the renderer's styles (see `formats`); ``None`` for its default. For
            text, ``"lossless"`` (the source exactly, edits applied) or ``"official"``
            (normalised GB/T 9704 form); for JSON, ``"semantic"`` or ``"lossless"`` (with
            layout records).
        **options: the renderer's own options, and ``punctuation``: ``"source"`` (default)
            writes the report's marks as they are, ``"standard"`` (official style only)
            writes GB/T 15834 punctuation, half-width ``, ; : ( ) ! ?`` beside Chinese text
            made full-width (`fazhi_report.punctuation`). The text renderer's official style takes
            ``templates`` (a folder of templates that override the shipped ones file by file)
            and ``sandboxed`` (run them in the bounded sandbox, for templates you do not
            trust); the JSON renderer takes ``indent``.

    Returns:
        ``str`` for text formats, ``bytes`` for binary ones.

    Raises:
        UnknownFormatError, UnknownStyleError: no such format or style.
        OptionError: an option the renderer does not take in that style.
        TemplateError: a template is missing, malformed, failed or broke a sandbox limit.
        DataError: the report holds what the format cannot carry, e.g. a lone surrogate
            (``"\\ud800"``) in any string; the message names the node.
    """
    punctuation = options.pop("punctuation", "source")
    renderer = registry.get_renderer(format)
    chosen = renderer.check(style, options, format)
    if punctuation not in ("source", "standard") or (
        punctuation == "standard" and chosen != "official"
    ):
        raise OptionError(
            f"punctuation={punctuation!r} in the style {chosen!r}",
            expected="'source', or 'standard' in the official style",
        )
    if renderer.reads_back(report, chosen):
        # above both parsers and renderers: the renderer itself never loads the parser
        from fazhi_report.roundtrip import ensure_valid

        ensure_valid(report)
    if punctuation == "standard":
        # GB/T 15834 punctuation: the official form of every format, made in one place
        from fazhi_report.punctuation import punctuated

        report = punctuated(report)
    rendered = renderer.render(report, style=chosen, **options)
    if isinstance(rendered, bytes) != renderer.binary or not isinstance(rendered, (str, bytes)):
        kind = "bytes" if renderer.binary else "str"
        raise PluginError(
            f"the renderer of the format {format!r} returned {type(rendered).__name__}",
            expected=kind,
        )
    if isinstance(rendered, str):
        _surrogates.check_output(rendered, report, format)
    return rendered


def output_encoding(report: Report, format: str) -> str:
    """The encoding `save` writes text format ``format`` in by default.

    Text keeps the encoding its source was read in (a GB18030 file stays GB18030); everything
    else, JSON included (RFC 8259), is UTF-8.
    """
    return registry.get_renderer(format).encoding(report)


def save(
    report: Report,
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    style: str | None = None,
    encoding: str | None = None,
    **options: Any,
) -> None:
    """Render a report and write it to ``path``; the format comes from the suffix unless given.

    Args:
        report: the report.
        path: where to write.
        format: the output format; by default the one the suffix names.
        style: as for `render`.
        encoding: the encoding of a text format's file; by default the encoding the report was
            read in, else UTF-8. Binary formats are written as their renderer gives them.
        **options: the renderer's own options, as for `render`.

    Raises:
        FileError: the file cannot be written.
        EncodeError: the text holds characters ``encoding`` cannot write, or no such encoding.
        OptionError: ``encoding`` for a binary format, or an option the renderer lacks.
        UnknownFormatError, UnknownStyleError, TemplateError, DataError: as for `render`;
            an error about the report names ``path`` as its source.
    """
    name = os.fspath(path)
    fmt = format or registry.format_for_path(name)
    if encoding is not None and registry.get_format(fmt).binary:
        raise OptionError(
            f"encoding= applies to text formats, and {fmt!r} is binary", expected="no encoding"
        )
    try:
        rendered = render(report, fmt, style=style, **options)
    except FazhiReportError as exc:
        if exc.source is None:  # the report's fault, found while writing this file: name it
            exc.source = name
            exc.args = (exc._compose(),)
        raise
    if isinstance(rendered, str):
        rendered = encode(rendered, encoding or output_encoding(report, fmt), name)
    try:
        Path(name).write_bytes(rendered)
    except OSError as exc:
        raise FileError(f"cannot write the file: {exc.strerror or exc}", source=name) from None


def formats() -> list[FormatInfo]:
    """Every format the library can read or write: name, suffixes, read/write, binary, styles.

    >>> text = next(f for f in formats() if f.name == "text")
    >>> text.suffixes, text.styles
    (('.txt', '.text'), ('lossless', 'official'))
    """
    return registry.formats()


def check(report: Report, *, rules: Iterable[str] | None = None) -> list[Finding]:
    """Check a report: missing parts, numbering, format, dates (`fazhi_report.analysis.check`).

    Args:
        report: a parsed report or one built in code.
        rules: rule codes (``"FZ103"``), names (``"missing-plans"``), groups (``"parts"``,
            ``"numbering"``, ``"format"``, ``"dates"``); ``None`` for all. See docs/checks.md.

    Raises:
        UnknownRuleError: ``rules`` names something that is no rule.
    """
    from fazhi_report.analysis.check import check as run

    return run(report, rules=rules)


def compare(before: Report, after: Report) -> Comparison:
    """Compare last year's report with this year's (`fazhi_report.analysis.compare`): sections
    kept, renamed, added or dropped; figures changed; last year's problems listed again."""
    from fazhi_report.analysis.compare import compare as run

    return run(before, after)


def figures(report: Report) -> list[Figure]:
    """Every quantity the report states (``刑事拘留821人``, ``1.1万起``, ``同比下降8.9%``).

    See `fazhi_report.analysis.figures` for what counts as a figure.
    """
    from fazhi_report.analysis.figures import find_figures  # loaded on first use

    return find_figures(report)


def references(report: Report) -> list[Reference]:
    """Every 《…》 title the report cites, once each, classified and counted.

    See `fazhi_report.analysis.references`.
    """
    from fazhi_report.analysis.references import find_references

    return find_references(report)


def to_document(report: Report, **options: Any) -> Document:
    """The report as a python-docx ``Document``, to edit further with python-docx.

    Written by the library's own DOCX renderer (``fr.render(report, "docx", **options)``:
    the official form, ``fonts``, ``signature_layout``…) and opened with python-docx, which is
    imported only here. ``fr.parse(document)`` reads it back.

    Raises:
        DataError, OptionError: as for `render`.
    """
    import docx

    rendered = render(report, "docx", **options)
    assert isinstance(rendered, bytes)  # the DOCX renderer is binary (render checks it)
    return docx.Document(io.BytesIO(rendered))


def check_fonts(fonts: Mapping[str, str] | str | None = None) -> list[FontCheck]:
    """Which faces of the Word file's font set this machine has, and what stands in for each.

    Args:
        fonts: as the DOCX renderer's ``fonts=``: ``None`` or ``"official"`` (the GB/T 9704
            faces), ``"open"`` (faces a Linux distribution ships), or a mapping of roles to
            faces over the official ones.

    Returns:
        One `fazhi_report.renderers.docx.installed.FontCheck` a role: the face, whether it is
        installed (``None`` where fontconfig cannot tell) and what it falls back to.

    Raises:
        OptionError: no such font set or role.
    """
    from fazhi_report.renderers.docx.installed import check_fonts as run

    return run(fonts)
