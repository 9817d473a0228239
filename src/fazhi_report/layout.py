"""Source-layout records: how a parsed node was written, kept beside the content.

Every model node has a ``layout`` attribute holding one of these records (or ``None`` for a node
built in code). Layout never takes part in equality: two reports with the same content compare
equal however they were written. The lossless text renderer reads these records to give back the
source byte for byte; the official renderers ignore them.

The records store raw text pieces (indents, markers as written, stops, line ends, blank lines and
page clutter) and, where a piece is derived from a content value, the value it was derived from, so
a renderer can tell an edited node from an untouched one.
"""

from __future__ import annotations

import datetime as _dt

import attrs

__all__ = [
    "AddresseeLayout",
    "ParagraphLayout",
    "PointLayout",
    "ReportLayout",
    "SectionLayout",
    "SignatureLayout",
    "Style",
    "TitleLayout",
]


@attrs.define
class Style:
    """The writing habits detected in a document, used for nodes that have no layout of their own.

    Attributes:
        indent: the usual first-line indent of a paragraph (spaces, U+3000, or nothing).
        line_end: the usual line ending (``"\\n"``, ``"\\r\\n"`` or ``"\\r"``).
        blank_lines: how many blank lines usually separate two blocks.
        half_width: whether level-2 and level-4 markers use half-width brackets, ``(一)``.
        level3_separator: the character after a level-3 number: ``"."``, ``"、"`` or ``"．"``.
    """

    indent: str = "\u3000\u3000"
    line_end: str = "\n"
    blank_lines: int = 0
    half_width: bool = False
    level3_separator: str = "."


@attrs.define
class TitleLayout:
    """How the title was written: possibly over several lines, with blank lines between.

    Attributes:
        raw: the title lines exactly as written, line ends included.
        title: the title these lines gave when parsed (a changed title is written anew).
        indent: the indent of the first title line.
        end: what followed the last title line's text (trailing spaces and line end).
    """

    raw: str
    title: str
    indent: str = ""
    end: str = "\n"


@attrs.define
class AddresseeLayout:
    """How an addressee line (主送机关, e.g. ``市委、市政府：``) was written.

    Attributes:
        before: raw text (blank lines, clutter) before the line.
        raw: the line exactly as written, line end included.
        addressee: the addressee the line gave when parsed.
    """

    before: str
    raw: str
    addressee: str


@attrs.define
class ParagraphLayout:
    """How a paragraph was written.

    Attributes:
        before: raw text before the paragraph: blank lines and any clutter lines.
        indent: the paragraph's first-line indent.
        end: trailing spaces and the line end after the paragraph's last line.
        inline: the paragraph continues the line of a run-in heading.
        content: the paragraph's text when parsed (markers and points included), to tell edits.
        breaks: where a paragraph broken over several lines was broken: pairs of an offset into
            ``content`` and the raw text (trailing spaces, line end, next indent) found there.
    """

    before: str = ""
    indent: str = ""
    end: str = "\n"
    inline: bool = False
    content: str = ""
    breaks: tuple[tuple[int, str], ...] = ()


@attrs.define
class PointLayout:
    """How a point's marker and title stop were written.

    Attributes:
        marker: the marker as written, e.g. ``"三是"``.
        number: the number the marker had when parsed (a renumbered point gets a new marker).
        stop: the punctuation that ended the title (``"。"``, ``"，"``, ``","``…), or ``""``.
    """

    marker: str
    number: int
    stop: str = "。"


@attrs.define
class SectionLayout:
    """How a section heading was written.

    Attributes:
        before: raw text before the heading line: blank lines and any clutter lines.
        indent: the heading line's indent.
        marker: the marker as written, e.g. ``"(一)"`` or ``"1、"``.
        level: the level the marker had when parsed.
        number: the number the marker had when parsed.
        gap: spaces between the marker and the heading text.
        stop: the punctuation after the heading (``"。"`` of a run-in heading), or ``""``.
        end: trailing spaces and line end of a standalone heading (``""`` when run in).
        run_in: whether the heading was run in with its body when parsed.
    """

    before: str = ""
    indent: str = ""
    marker: str = ""
    level: int = 0
    number: int = 0
    gap: str = ""
    stop: str = ""
    end: str = "\n"
    run_in: bool = False


@attrs.define
class SignatureLayout:
    """How the signature (organ and date lines) was written.

    Attributes:
        before: raw text before the signature: blank lines and clutter.
        raw: the signature lines exactly as written.
        organ: the organ the lines gave when parsed.
        date: the date the lines gave when parsed.
        indent: the indent of the first signature line.
        date_style: how the date was written: ``"arabic"`` (2026年1月28日), ``"iso"``
            (2026-01-28) or ``"chinese"`` (二〇二六年一月二十八日).
        date_text: the date exactly as written in ``raw``, so a new date can take its place.
    """

    before: str
    raw: str
    organ: str | None
    date: _dt.date | None
    indent: str = ""
    date_style: str = "arabic"
    date_text: str = ""


@attrs.define
class ReportLayout:
    """Document-wide layout: what comes before, between and after the content blocks.

    Attributes:
        lead: raw text before the title (or before the first block if there is no title):
            a byte-order mark, blank lines, page clutter.
        title: how the title was written, if the document has one.
        header: raw text between the title and the first block: page metadata lines,
            "扫一扫…", a repeated title, blank lines.
        addressee: how the addressee line was written, if there is one.
        trailing: raw text after the last block: footer link lists, clutter, blank lines.
        style: the writing habits used for nodes added in code.
        encoding: the encoding the source bytes were decoded from, if they were bytes.
    """

    lead: str = ""
    title: TitleLayout | None = None
    header: str = ""
    addressee: AddresseeLayout | None = None
    trailing: str = ""
    style: Style = attrs.Factory(Style)
    encoding: str | None = None
