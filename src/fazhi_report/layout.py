"""Source-layout records: how a parsed node was written, kept beside the content.

Every model node has a ``layout`` attribute holding one of these records (or ``None`` for a node
built in code). Layout never takes part in equality: two reports with the same content compare
equal however they were written. The lossless text renderer reads these records to give back the
source byte for byte; the official renderers ignore them.

The records store raw text pieces (indents, markers as written, stops, line ends, blank lines and
page clutter) and, where a piece is derived from a content value, the value it was derived from, so
a renderer can tell an edited node from an untouched one.

**One shape around every block.** The records of nodes that stand on lines of their own (title,
addressee, paragraph, section heading, signature) derive from `BlockLayout` and share its four
fields, always under the same names:

- ``before``: raw text before the node's first line (blank lines, page clutter);
- ``indent``: the indent of the node's first line;
- ``end``: what follows the node's last text on its last line (trailing spaces, the line end);
- ``line``: the 1-based source line the node starts on, so findings can say "line 42".

A record that also keeps ``raw`` (the node's lines exactly as written) holds ``indent`` and
``end`` inside ``raw`` as well; the two fields then say what ``raw`` starts and ends with.
`PointLayout` (a point runs on inside its paragraph) has only ``line``.

**Immutable.** Records are frozen once built: the parser makes each one whole, and an edit to a
node replaces its content, never its record (the renderer compares the two to tell edits).
"""

from __future__ import annotations

import datetime as _dt

import attrs

from fazhi_report._positional import positional_maker  # its old home: parsers import it here
from fazhi_report.numbering import DateStyle

__all__ = [
    "AddresseeLayout",
    "BlockLayout",
    "Habits",
    "ParagraphLayout",
    "PointLayout",
    "ReportLayout",
    "SectionLayout",
    "SignatureLayout",
    "Style",
    "TableLayout",
    "TitleLayout",
    "positional_maker",
]


@attrs.frozen
class Habits:
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


Style = Habits
"""Deprecated alias of `Habits` (the name clashed with the ``style=`` rendering argument)."""


@attrs.frozen
class BlockLayout:
    """What surrounds a node that stands on lines of its own; the base of the block records.

    The fields are keyword-only, so each record's own fields come first when built positionally.

    Attributes:
        before: raw text before the node's first line: blank lines and any clutter lines.
        indent: the indent of the node's first line.
        end: trailing spaces and the line end after the node's last text.
        line: the 1-based source line the node starts on, or ``None`` when unknown.
    """

    before: str = attrs.field(default="", kw_only=True)
    indent: str = attrs.field(default="", kw_only=True)
    end: str = attrs.field(default="\n", kw_only=True)
    line: int | None = attrs.field(default=None, kw_only=True)


@attrs.frozen
class TitleLayout(BlockLayout):
    """How the title was written: possibly over several lines, with blank lines between.

    The text before the title is `ReportLayout.lead`, so ``before`` stays empty here.

    Attributes:
        raw: the title lines exactly as written, line ends included.
        title: the title these lines gave when parsed (a changed title is written anew).
    """

    raw: str
    title: str


@attrs.frozen
class AddresseeLayout(BlockLayout):
    """How an addressee line (主送机关, e.g. ``市委、市政府：``) was written.

    Attributes:
        raw: the line exactly as written, indent and line end included.
        addressee: the addressee the line gave when parsed.
    """

    raw: str
    addressee: str


@attrs.frozen
class ParagraphLayout(BlockLayout):
    """How a paragraph was written.

    Attributes:
        inline: the paragraph continues the line of a run-in heading (``before`` is then empty
            and ``indent`` holds the spaces after the heading's stop).
        content: the paragraph's text when parsed (markers and points included), to tell edits.
        breaks: where a paragraph broken over several lines was broken: pairs of an offset into
            ``content`` and the raw text (trailing spaces, line end, next indent) found there;
            a watermark taken out of the text (``某某文库 www.example.com``) is one more pair.
    """

    inline: bool = False
    content: str = ""
    breaks: tuple[tuple[int, str], ...] = ()


@attrs.frozen
class TableLayout(BlockLayout):
    """How a table was written: one source line per row.

    ``indent`` and ``end`` are those of the first and the last row.

    Attributes:
        rows: each row as written: its indent, its text (cells separated by tabs) and its end.
            A row whose cells still match is printed back from here; an edited one is joined
            with tabs afresh.
    """

    rows: tuple[tuple[str, str, str], ...] = ()


@attrs.frozen
class PointLayout:
    """How a point's marker and title stop were written.

    Attributes:
        marker: the marker as written, e.g. ``"三是"``.
        number: the number the marker had when parsed (a renumbered point gets a new marker).
        stop: the punctuation that ended the title (``"。"``, ``"，"``, ``","``…), or ``""``.
        line: the 1-based source line the marker stands on, or ``None`` when unknown.
    """

    marker: str
    number: int
    stop: str = "。"
    line: int | None = attrs.field(default=None, kw_only=True)


@attrs.frozen
class SectionLayout(BlockLayout):
    """How a section heading was written.

    ``end`` is the line end of a standalone heading, ``""`` when the heading is run in.

    Attributes:
        marker: the marker as written, e.g. ``"(一)"`` or ``"1、"``, or as the format drew it
            (a Word list number, not in the paragraph's text, which the lossless text shows
            all the same); ``""`` when the format marked the heading without one.
        level: the level the marker had when parsed.
        number: the number the marker had when parsed.
        gap: spaces between the marker and the heading text.
        stop: the punctuation after the heading (``"。"`` of a run-in heading), or ``""``.
        run_in: whether the heading was run in with its body when parsed.
    """

    marker: str = ""
    level: int = 0
    number: int = 0
    gap: str = ""
    stop: str = ""
    run_in: bool = False


@attrs.frozen
class SignatureLayout(BlockLayout):
    """How the signature (organ and date lines) was written.

    Attributes:
        raw: the signature lines exactly as written.
        organ: the organ the lines gave when parsed.
        date: the date the lines gave when parsed.
        date_style: how the date was written: ``"arabic"`` (2026年1月28日), ``"iso"``
            (2026-01-28) or ``"chinese"`` (二〇二六年一月二十八日).
        date_text: the date exactly as written in ``raw``, so a new date can take its place.
    """

    raw: str
    organ: str | None
    date: _dt.date | None
    date_style: DateStyle = "arabic"
    date_text: str = ""


@attrs.frozen
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
        habits: the writing habits used for nodes added in code.
        encoding: the encoding the source bytes were decoded from, if they were bytes.
    """

    lead: str = ""
    title: TitleLayout | None = None
    header: str = ""
    addressee: AddresseeLayout | None = None
    trailing: str = ""
    habits: Habits = attrs.Factory(Habits)
    encoding: str | None = None

    @property
    def style(self) -> Habits:
        """Deprecated name of `habits`."""
        return self.habits
