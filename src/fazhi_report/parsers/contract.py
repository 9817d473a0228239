"""The reader contract: what a reader of an input format hands the structure builder.

A reader's one job is *a document's bytes or text → lines and declared facts*: a
`LineReader` returns a `ReaderOutput` (the logical lines with their hints, the encoding the
bytes were decoded from, page metadata the format declares outside its text, and the facts it
declares, `DeclaredFacts`). `fazhi_report.parsers.read` runs a reader, then the house-style
hints and the builder, once; the builder lets declared facts win over what it infers. No
reader builds or patches a report.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol

import attrs

from fazhi_report.decoding import decode
from fazhi_report.model import SectionRole
from fazhi_report.parsers.lines import Line

__all__ = ["DeclaredFacts", "LineReader", "ReaderOutput", "as_text"]


@attrs.frozen
class DeclaredFacts:
    """Facts a document states outside its text, which win over what the builder infers.

    Our own Markdown (front matter) and HTML pages (``data-`` attributes) declare the organ,
    year and roles they were written from, so that they read back as they were even where the
    text would read otherwise. The builder sets them after inferring its own (a declared year
    does not change the roles it infers).

    Attributes:
        organ: the reporting organ, or ``None`` when not declared.
        year: the year reported on (0 to 9999), or ``None`` when not declared.
        roles: the role of each section `roles_of` names, in order (``None`` for a section
            with none); ignored unless there are exactly as many as the report has sections.
        roles_of: ``"sections"``: the top-level sections; ``"walk"``: every section, depth
            first (`fazhi_report.model.Report.walk`).
    """

    organ: str | None = None
    year: int | None = None
    roles: tuple[SectionRole | None, ...] | None = None
    roles_of: Literal["sections", "walk"] = "sections"


NO_FACTS = DeclaredFacts()
"""The facts of a document that declares none."""


@attrs.frozen
class ReaderOutput:
    """What a reader read: a document's logical lines and what it declares.

    Attributes:
        lines: the logical lines, with the hints the format gives (see
            `fazhi_report.parsers.lines.Line`). The builder takes them over (it may move a
            watermark into a line's end, or add a house marker hint).
        encoding: the encoding the bytes were decoded from (kept in the report's layout, so
            that saving writes it back), or ``None`` for text given as ``str`` or a binary format.
        page: page metadata the format declares outside the text it shows (a web page's
            ``<meta>`` fields, a title from its ``<title>``), as lines read ahead of `lines`:
            the builder finds page metadata (`fazhi_report.model.PageInfo`) and a title among
            them as among shown lines, and keeps them in the layout.
        facts: facts the document declares (`DeclaredFacts`).
    """

    lines: Sequence[Line]
    encoding: str | None = None
    page: Sequence[Line] = ()
    facts: DeclaredFacts = NO_FACTS


class LineReader(Protocol):
    """A reader: a document's text or bytes to `ReaderOutput`.

    A reader of a text format gets a ``str``, or ``bytes`` it decodes (`as_text` decodes as the
    text reader does); a reader of a binary format always gets ``bytes``. ``source`` names the
    input in error messages: bad input is a `fazhi_report.errors.FazhiReportError` naming it.
    """

    def __call__(self, data: str | bytes, *, source: str) -> ReaderOutput: ...


def as_text(data: str | bytes, source: str) -> tuple[str, str | None]:
    """``data`` as text, and the encoding it was decoded from (``None`` for a ``str``).

    Bytes are decoded safely (`fazhi_report.decoding.decode`: UTF-8 with or without a
    byte-order mark, UTF-16 with one, GB18030).

    Raises:
        EmptyInputError, DecodeError: bytes with no text in them, or that are not text.
    """
    if isinstance(data, bytes):
        return decode(data, source)
    return data, None
