"""The body of a report as WordprocessingML: title, paragraphs, headings, tables, signature.

Every run carries its fonts (``w:eastAsia`` for Chinese, ``w:ascii``/``w:hAnsi`` for digits and
Latin letters, and ``w:hint="eastAsia"`` where quotes and dashes Chinese and Western text share
sit in it); paragraph text comes from the shared inline macros of ``official/inline.j2``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from xml.sax.saxutils import escape

from fazhi_report.model import Block, Paragraph, Report, Section, Table
from fazhi_report.renderers.docx.fonts import fonts_xml, needs_hint
from fazhi_report.renderers.docx.geometry import (
    BODY_SIZE,
    TITLE_LINE_CHARS,
    TITLE_SIZE,
    TYPE_AREA_WIDTH,
)
from fazhi_report.renderers.docx.options import SignatureLayoutName, check_text
from fazhi_report.renderers.docx.signature import signature_paragraphs

__all__ = ["BodyWriter", "title_lines", "width"]

_SPILL_PIECES = 2048  # pieces of body XML gathered before they are written on


def width(text: str) -> float:
    """How many 3号 characters wide ``text`` is: digits and Latin letters count half."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def title_lines(title: str, width_: int = TITLE_LINE_CHARS) -> list[str]:
    """A title broken into lines of at most about ``width_`` characters, at sensible places.

    Widths count digits and Latin letters as half a character. A title that fits stays one
    line. A longer one breaks before its year (``某某县公安局`` /
    ``2025年法治政府建设情况报告``) or before ``关于``, where both sides fit, else into lines of
    even length (GB/T 9704 asks for lines that keep words whole and look balanced).
    """
    if width(title) <= width_:
        return [title]
    for cut in _cuts(title):
        if 0 < cut < len(title) and width(title[:cut]) <= width_ >= width(title[cut:]):
            return [title[:cut], title[cut:]]
    count = -(-len(title) // width_)
    size = -(-len(title) // count)
    return [title[i : i + size] for i in range(0, len(title), size)]


def _cuts(title: str) -> Iterable[int]:
    year = re.search("[12][0-9]{3}年", title)
    if year is not None:
        yield year.start()
    about = title.find("关于")
    if about > 0:
        yield about


def run_xml(text: str, east_asia: str, latin: str, size: int = BODY_SIZE) -> str:
    """One run of text with its fonts; line breaks inside become ``w:br``."""
    pieces = text.split("\n")
    inner = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(piece)}</w:t>' for piece in pieces)
    return (
        f"<w:r><w:rPr>{fonts_xml(east_asia, latin, needs_hint(text))}"
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>{inner}</w:r>'
    )


class BodyWriter:
    """Builds the body XML of one report."""

    def __init__(
        self,
        macros: Any,
        fonts: Mapping[str, str],
        style_ids: Mapping[str, str],
        signature_layout: SignatureLayoutName,
    ) -> None:
        self.macros = macros
        self.fonts = fonts
        self.ids = style_ids
        self.signature_layout = signature_layout
        self.out: list[str] = []
        # where finished XML goes when the body is written as it is made (see `package`)
        self.flush: Callable[[str], object] | None = None

    def _spill(self) -> None:
        # a report of a million headings makes a million paragraphs of XML: hand them on
        # in batches rather than keep them all
        if self.flush is not None and len(self.out) >= _SPILL_PIECES:
            self.flush("".join(self.out))
            self.out.clear()

    def paragraph(self, role: str, runs: str, ppr: str = "") -> None:
        """A paragraph of style ``role`` holding ``runs``, with more properties ``ppr``."""
        self.out.append(
            f'<w:p><w:pPr><w:pStyle w:val="{self.ids[role]}"/>{ppr}</w:pPr>{runs}</w:p>'
        )

    def blank(self) -> None:
        """An empty line of the body's pitch (an unstyled one would take a letterhead's)."""
        self.out.append(f'<w:p><w:pPr><w:pStyle w:val="{self.ids["body"]}"/></w:pPr></w:p>')

    def text(self, text: str, role: str, where: str) -> str:
        """A run of ``text`` in the font of ``role``."""
        font = self.fonts[role]
        size = TITLE_SIZE if role == "title" else BODY_SIZE
        return run_xml(check_text(text, where), font, self.fonts["latin"], size)

    def body_paragraph(self, paragraph: Paragraph, where: str) -> None:
        """A paragraph of body text."""
        text = str(self.macros.paragraph_text(paragraph))
        self.paragraph("body", self.text(text, "body", where))

    def block(self, block: Block, where: str) -> None:
        """A paragraph or a table."""
        if isinstance(block, Table):
            self.table(block, where)
        else:
            self.body_paragraph(block, where)

    def table(self, table: Table, where: str) -> None:
        """A table across the type area, single borders, its cells in the body font."""
        columns = max(table.columns, 1)
        cell = TYPE_AREA_WIDTH // columns
        border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        borders = "".join(
            border.format(side) for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        grid = f'<w:gridCol w:w="{cell}"/>' * columns
        out = self.out
        out.append(
            f'<w:tbl><w:tblPr><w:tblW w:w="{cell * columns}" w:type="dxa"/>'
            f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>"
        )
        cell_ppr = '<w:ind w:firstLine="0" w:firstLineChars="0"/>'
        for r, row in enumerate(table.rows):
            short = columns - len(row)
            # a short row stays short (its missing cells are grid, not empty cells)
            out.append(
                f'<w:tr><w:trPr><w:gridAfter w:val="{short}"/></w:trPr>' if short else "<w:tr>"
            )
            for k, text in enumerate(row):
                runs = self.text(text, "body", f"{where}.rows[{r}][{k}]") if text else ""
                out.append(f'<w:tc><w:tcPr><w:tcW w:w="{cell}" w:type="dxa"/></w:tcPr>')
                self.paragraph("body", runs, cell_ppr)
                out.append("</w:tc>")
            out.append("</w:tr>")
        # an empty paragraph after it, as Word itself keeps: two tables in a row would join
        out.append("</w:tbl>")
        self.blank()

    def section(self, section: Section, where: str) -> None:
        """A heading (run in or standing alone), its body and its subsections."""
        role = f"heading{section.level}"
        body = section.body
        ppr = ""
        first = body[0] if body else None
        if section.run_in and isinstance(first, Paragraph):
            head = str(self.macros.run_in_head(section))
            rest = str(self.macros.paragraph_text(first))
            runs = self.text(head, role, where) + self.text(rest, "body", where)
            body = body[1:]
            ppr = '<w:keepNext w:val="0"/>'  # a run-in heading is a paragraph of text too
        else:
            runs = self.text(str(self.macros.heading(section)), role, where)
        self.paragraph(role, runs, ppr)
        for i, block in enumerate(body):
            self.block(block, f"{where}.body[{i}]")
            self._spill()
        self._spill()
        for i, sub in enumerate(section.subsections):
            self.section(sub, f"{where}.subsections[{i}]")

    def report(self, report: Report) -> str:
        """The whole body; ``""`` when it was handed to `flush` as it was made."""
        if report.title:
            lines = title_lines(check_text(report.title, "the title"))
            self.paragraph("title", self.text("\n".join(lines), "title", "the title"))
            self.blank()
        if report.addressee:
            ppr = '<w:ind w:firstLine="0" w:firstLineChars="0"/>'
            self.paragraph("body", self.text(report.addressee + "：", "body", "addressee"), ppr)
        for i, block in enumerate(report.preamble):
            self.block(block, f"preamble[{i}]")
            self._spill()
        for i, section in enumerate(report.sections):
            self.section(section, f"sections[{i}]")
        for i, block in enumerate(report.closing):
            self.block(block, f"closing[{i}]")
            self._spill()
        signature = report.signature
        if signature is not None and (signature.organ or signature.date):
            for text, ppr in signature_paragraphs(signature, self.signature_layout):
                if text is None:
                    self.blank()
                else:
                    self.paragraph("signature", self.text(text, "body", "the signature"), ppr)
        body = "".join(self.out)
        self.out.clear()
        if self.flush is not None:
            self.flush(body)
            return ""
        return body
