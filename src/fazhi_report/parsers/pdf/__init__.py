"""The PDF reader: the text layer's characters, with positions and fonts, rebuilt into lines.

A report published as PDF was typed in Word or WPS; its PDF keeps where each character is
drawn, in which font and size, not the paragraphs. The reader rebuilds the lines the writer
typed (see `fazhi_report.parsers.pdf._paragraphs`): printed rows from the glyphs' baselines,
ruled grids as table rows, page numbers and running headers set aside as layout, the title
from size and position, paragraphs from the margins, indents, fonts and gaps. The one
structure builder does the rest, as for every format.

The text layer is read with pdfminer.six (MIT, pure Python), an optional dependency:
``pip install "fazhi-report[pdf]"``. Without it reading a PDF is a
`fazhi_report.errors.MissingExtraError` naming the extra.

Hostile and damaged files are refused with a `fazhi_report.errors.DecodeError` naming the file
and what is wrong, within the limits below; a PDF with no text layer (a scan) is a
`fazhi_report.errors.NoTextLayerError`.
"""

from __future__ import annotations

import warnings

from fazhi_report.errors import DecodeError, FazhiReportWarning, MissingExtraError
from fazhi_report.errors import NoTextLayerError as NoTextLayerError
from fazhi_report.parsers.contract import ReaderOutput

__all__ = [
    "MAGIC",
    "MAX_CONTENT_BYTES",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_GLYPHS",
    "MAX_PAGES",
    "MAX_STREAM_BYTES",
    "MAX_UNPACKED_BYTES",
    "read_pdf",
]

MAGIC = b"%PDF-"
"""The bytes a PDF file starts with."""
MAX_FILE_BYTES = 64 << 20
"""The largest PDF read: 64 MiB (a report's PDF is well under 5 MiB, fonts included)."""
MAX_PAGES = 2_000
"""The most pages a PDF may have: 2,000 (a report has a few dozen)."""
MAX_STREAM_BYTES = 32 << 20
"""What one stream may unpack to: 32 MiB (a page's content is some kilobytes)."""
MAX_UNPACKED_BYTES = 256 << 20
"""What all streams read may unpack to together: 256 MiB."""
MAX_CONTENT_BYTES = 64 << 20
"""The page content interpreted, each drawing of a form counted: 64 MiB."""
MAX_GLYPHS = 3_000_000
"""The most characters drawn in all: 3,000,000 (a long report draws about 50,000)."""
MAX_DEPTH = 32
"""How deep forms may be drawn inside forms: 32."""
_UNMAPPED_SHARE = 0.1  # more characters than this without Unicode: the text layer is unusable


def read_pdf(data: str | bytes, *, source: str = "<pdf>") -> ReaderOutput:
    """The lines of a PDF file's text layer, rebuilt as the writer typed them.

    Args:
        data: the file's bytes.
        source: a name for the file, used in error messages.

    Raises:
        MissingExtraError: pdfminer.six is not installed (the ``pdf`` extra).
        DecodeError: not a PDF, encrypted, damaged or truncated, or past a limit.
        NoTextLayerError: the pages hold no text (a scan, which needs OCR).
    """
    if isinstance(data, str):
        raise DecodeError("a PDF file is bytes, not text", source=source, expected="bytes")
    if not data.lstrip(b"\x00\t\n\r\x0c ")[:1024].startswith(MAGIC) and MAGIC not in data[:1024]:
        raise DecodeError("not a PDF file", source=source, expected="a file starting %PDF-")
    if b"%%EOF" not in data[-2048:]:
        raise DecodeError(
            "the PDF is truncated: it does not end with its %%EOF marker",
            source=source,
            expected="a whole PDF file",
        )
    try:
        from fazhi_report.parsers.pdf import _extract, _paragraphs, _rows
    except ImportError as exc:
        if exc.name is not None and exc.name.split(".")[0] == "pdfminer":
            raise MissingExtraError(
                "reading PDF files needs pdfminer.six, which is not installed",
                source=source,
                expected='the pdf extra: pip install "fazhi-report[pdf]"',
            ) from None
        raise
    limits = _extract.Limits(
        MAX_FILE_BYTES,
        MAX_PAGES,
        MAX_STREAM_BYTES,
        MAX_UNPACKED_BYTES,
        MAX_CONTENT_BYTES,
        MAX_GLYPHS,
        MAX_DEPTH,
    )
    read = _extract.read_pages(data, source, limits)
    if not read.pages:
        raise DecodeError("the PDF has no pages", source=source, expected="a PDF of a report")
    glyphs = sum(len(p.glyphs) for p in read.pages)
    if glyphs == 0:
        turned = sum(p.turned for p in read.pages)
        extra = f" ({turned} characters drawn sideways or rotated)" if turned else ""
        raise NoTextLayerError(
            f"no text layer; the file needs OCR{extra}",
            source=source,
            expected="a PDF exported from a word processor, or one that has been OCRed",
        )
    if read.unmapped > _UNMAPPED_SHARE * glyphs:
        raise NoTextLayerError(
            f"{read.unmapped} of {glyphs} characters in the text layer map to no Unicode "
            "text; the file needs OCR",
            source=source,
            expected="a PDF whose fonts carry their Unicode mapping",
        )
    if read.unmapped:
        warnings.warn(
            FazhiReportWarning(
                f"{read.unmapped} characters of the text layer map to no Unicode text and are "
                "read as U+FFFD",
                source=source,
            ),
            stacklevel=2,
        )
    pages = [_rows.page_rows(page, n) for n, page in enumerate(read.pages, 1)]
    first = read.pages[0]
    rules = [(r.y0, r.x1 - r.x0, r.red) for r in first.rules if r.y1 - r.y0 <= 3.0]
    lines = _paragraphs.rebuild(
        pages,
        [p.height for p in read.pages],
        [p.width for p in read.pages],
        rules,
    )
    return ReaderOutput(lines)
