"""The GB/T 9704-2012 page as data: sizes, margins, grid and the units Word counts in.

WordprocessingML counts lengths in twentieths of a point (twips) and font sizes in half-points.
Everything the writer needs to place text on the page is here, so the other modules of the
package compute nothing of their own.
"""

from __future__ import annotations

__all__ = [
    "BODY_SIZE",
    "CHAR",
    "CONDENSE",
    "LINE",
    "PAGE_NUMBER_SIZE",
    "PITCH",
    "TITLE_LINE_CHARS",
    "TITLE_SIZE",
    "TYPE_AREA_WIDTH",
    "mm",
    "section_xml",
]


def mm(value: float) -> int:
    """``value`` millimetres in twips."""
    return round(value / 25.4 * 1440)


BODY_SIZE = 32
"""3号, 16 pt, in half-points: body text and headings."""

TITLE_SIZE = 44
"""2号, 22 pt, in half-points: the title."""

PAGE_NUMBER_SIZE = 28
"""4号, 14 pt, in half-points: the page numbers."""

CHAR = 320
"""One 3号 character, 16 pt, in twips (indents in characters are counted in it)."""

TYPE_AREA_WIDTH = 8844
"""156 mm, the width of the type area (版心), in twips."""

LINE = 579
"""28.95 pt in twips: 225 mm over 22 lines."""

CONDENSE = -5
"""The spacing of every character, in twips: 16 pt characters condensed by 0.25 pt.

28 characters of 15.75 pt take 441 pt of the type area's 442.2; 29 would need 456.75. 0.2 pt
(28 × 15.8 = 442.4 pt) left 27 a line in LibreOffice, which measures the line to the hundredth.
Word's character grid (``w:docGrid w:type="linesAndChars"`` with a negative ``w:charSpace``)
would do the same in Word, but LibreOffice (7.4) misreads the negative pitch and sets about 19
characters a line; the condensed spacing gives 28 in both (measured from LibreOffice's PDF in
tests/test_docx_pdf.py)."""

PITCH = 16 * 20 + CONDENSE
"""The advance of one condensed 3号 character in twips: 315 (15.75 pt)."""

TITLE_LINE_CHARS = 20
"""A 2号 title line holds about 20 characters in 156 mm."""


def section_xml(footers: str) -> str:
    """The page setup (``w:sectPr``) of the report: A4, the margins, 22 lines a page.

    ``footers`` is the ``w:footerReference`` elements (and any ``w:headerReference``) that come
    first in a ``w:sectPr``.
    """
    return (
        f"<w:sectPr>{footers}"
        '<w:pgSz w:w="11906" w:h="16838"/>'
        f'<w:pgMar w:top="{mm(37)}" w:right="{mm(26)}" w:bottom="{mm(35)}" w:left="{mm(28)}" '
        f'w:header="{mm(15)}" w:footer="{mm(23)}" w:gutter="0"/>'
        # 22 lines of 28.95 pt; the 28 characters a line come from CONDENSE
        f'<w:docGrid w:type="lines" w:linePitch="{LINE}"/>'
        "</w:sectPr>"
    )
