"""The DOCX reader: Word's paragraphs as logical lines, with the hints Word gives.

Each paragraph of ``word/document.xml`` becomes one `Line` for the one structure builder, or
several when it holds soft line breaks:

- **text**: what the paragraph shows (`fazhi_report.parsers.docx.runs`): every run's text in
  document order, through hyperlinks, fields (their shown result), smart tags, content controls
  and tracked changes as accepted (insertions and moves' destinations in, deletions and moves'
  sources out); one branch of alternate content. A soft line break (``w:br``, Shift+Enter, or
  ``w:cr``) ends a line, as a line end does in text: the lines after it are decided by their
  form, as text lines are, so ``一、主要举措`` + soft break + ``今年以来…`` is a heading and a
  paragraph. In a paragraph of a title style the lines run on into one title (a long title
  broken over two lines, as our own Word files break it). A page or column break is no line
  end. Paragraphs inside text boxes follow the
  paragraph that holds them.
- **tables**: each row of a table becomes one line with its cells as a hint, and adjacent
  rows make a `fazhi_report.model.Table`. A table that only places text on the page is read
  as the paragraphs it holds, cell by cell: one cell, one column of cells holding several
  paragraphs (a frame), or a table that draws no lines, of one or two columns with a cell left
  empty or holding several paragraphs (a signature set on the right, or beside a note).
- **hints**: the paragraph style read by its name (``w:name``, not ``w:styleId``, which
  localised Word and WPS change): ``Title`` (or ``标题``) marks the title, ``heading 1``–``4``
  (or ``标题 1``–``4``) and outline levels 0–3 a heading level; the marker Word's automatic
  numbering draws (`fazhi_report.parsers.docx.numbering`: counted as Word counts, per abstract
  list, with restarts by instance, override and level) is read as if typed.

The package is checked before parsing (not a zip, no document part, zip bombs, DOCTYPEs and
entities, legacy .doc and encrypted files, damaged compressed data are each a
`fazhi_report.errors.DecodeError`). A body over 1 MiB is read as a stream, one top-level
paragraph or table at a time, each freed once read; memory is bounded by
`fazhi_report._ooxml.MAX_XML_PART` (the unpacked size of one XML part) and `MAX_PARAGRAPHS`
(the lines a document may hold).
"""

from __future__ import annotations

from typing import Any

from fazhi_report._ooxml import iterparse_part, open_package, parse_xml, read_part
from fazhi_report.errors import DecodeError, EmptyInputError
from fazhi_report.parsers.contract import ReaderOutput
from fazhi_report.parsers.docx.names import child as _child
from fazhi_report.parsers.docx.names import to_int, w
from fazhi_report.parsers.docx.numbering import Numbering as _Numbering
from fazhi_report.parsers.docx.runs import BREAK, paragraph_lines, placeholder
from fazhi_report.parsers.docx.styles import Styles as _Styles
from fazhi_report.parsers.docx.styles import draws_borders
from fazhi_report.parsers.lines import SPACE, Line

__all__ = ["MAX_PARAGRAPHS", "read_docx"]

MAX_PARAGRAPHS = 200_000
"""The most paragraphs a Word file may hold: 200,000 (a table row counts one, and so does
each line after a soft line break).

A report has a few hundred; every paragraph becomes a line for the structure builder and a
node of the report, which cost about 2 kB each at worst (one short heading a paragraph), so
this keeps the reader within about 1 GB. `MAX_XML_PART` alone would not: 16 MiB of empty
paragraphs (``<w:p/>``) are nearly three million lines."""

_P, _TBL, _TR, _TC, _BODY = w("p"), w("tbl"), w("tr"), w("tc"), w("body")
_PPR, _PSTYLE, _OUTLINE, _NUMPR = w("pPr"), w("pStyle"), w("outlineLvl"), w("numPr")
_SDT, _NUMID, _ILVL = w("sdt"), w("numId"), w("ilvl")
_VAL = w("val")
# a document part larger than this is read as a stream (see _read_body); a smaller one whole,
# which is a fifth faster
_STREAM_ABOVE = 1024 * 1024
# what the reader looks through to the paragraphs and tables inside (see _Reader.block)
_CONTAINERS = frozenset(w(n) for n in ("sdt", "sdtContent", "ins", "moveTo", "customXml"))


def _paragraphs_in(cell: Any) -> int:
    """How many paragraphs with text a table cell holds."""
    return sum(1 for p in cell.iterchildren(_P) if "".join(p.itertext()).strip())


class _Reader:
    def __init__(self, styles: _Styles, numbering: _Numbering, source: str) -> None:
        self.styles = styles
        self.numbering = numbering
        self.source = source
        self.lines: list[Line] = []
        self.paragraphs = 0

    def count(self) -> int:
        """The next line's number; refuses a document longer than `MAX_PARAGRAPHS`."""
        self.paragraphs += 1
        if self.paragraphs > MAX_PARAGRAPHS:
            raise DecodeError(
                f"the document holds more than {MAX_PARAGRAPHS:,} paragraphs (lines after a "
                "soft line break count one each)",
                source=self.source,
                expected="a Word file of a report",
            )
        return self.paragraphs

    def block(self, element: Any) -> None:
        for node in element:
            tag = node.tag
            if tag == _P:
                self.paragraph(node)
            elif tag == _TBL:
                self.table(node)
            elif tag in _CONTAINERS and not (tag == _SDT and placeholder(node)):
                self.block(node)

    def borderless(self, table: Any) -> bool:
        """Whether a table draws no lines: its own borders, its style's, its cells'."""
        tblpr = _child(table, w("tblPr"))
        drawn = None
        style = self.styles.default_table
        if tblpr is not None:
            drawn = draws_borders(_child(tblpr, w("tblBorders")))
            named = _child(tblpr, w("tblStyle"))
            if named is not None:
                style = named.get(_VAL, "")
        if drawn is None:
            drawn = self.styles.borders.get(style, False)
        if drawn:
            return False
        return not any(draws_borders(borders) for borders in table.iter(w("tcBorders")))

    def table(self, table: Any) -> None:
        rows = [list(row.iterchildren(_TC)) for row in table.iterchildren(_TR)]
        frame = all(len(cells) <= 1 for cells in rows) and (
            len(rows) == 1 or any(_paragraphs_in(cell) > 1 for cells in rows for cell in cells)
        )
        if frame or (
            all(len(cells) <= 2 for cells in rows)
            and any(_paragraphs_in(cell) != 1 for cells in rows for cell in cells)
            and self.borderless(table)
        ):
            # a single cell, or one column whose cells hold several paragraphs, frames text (a
            # letterhead box, a bordered page); a table without lines, of two columns at most,
            # with a cell left empty or holding several paragraphs, places text (a signature
            # on the right, or beside a note): their paragraphs are the document's
            for cells in rows:
                for cell in cells:
                    self.block(cell)
            return
        for row in rows:
            cells = []
            for cell in row:
                boxes: list[Any] = []
                # a nested table's paragraphs are part of its cell's text
                texts = [" ".join(paragraph_lines(p, boxes)) for p in cell.iter(_P)]
                cells.append(" ".join(t for t in texts if t))
            line = Line("", "\t".join(cells), "\n", self.count(), cells=tuple(cells))
            self.lines.append(line)

    def hints(self, paragraph: Any, shows_text: bool) -> tuple[str, int | None, str | None]:
        """The paragraph's style id, heading level and drawn list marker."""
        style_id = ""
        level = None
        num_id: str | None = None
        ilvl: int | None = None
        ppr = _child(paragraph, _PPR)
        if ppr is not None:
            for node in ppr:  # one pass over the paragraph's properties
                tag = node.tag
                if tag == _PSTYLE:
                    style_id = node.get(_VAL, "")
                elif tag == _OUTLINE and to_int(node.get(_VAL), 9) < 4:
                    level = to_int(node.get(_VAL), 9) + 1
                elif tag == _NUMPR:
                    for part in node:
                        if part.tag == _NUMID:
                            num_id = part.get(_VAL, "")
                        elif part.tag == _ILVL:
                            ilvl = to_int(part.get(_VAL), 0)
        styles = self.styles
        if level is None:
            level = styles.level.get(style_id)
        from_style = styles.numbering.get(style_id)
        if from_style is not None and num_id is None:
            if not shows_text:
                # an empty paragraph of a numbered style (spacing between headings) is
                # layout: not counted, as the reader always did
                return style_id, level, None
            num_id = from_style[0]
            if ilvl is None:
                ilvl = from_style[1]
        if not num_id or num_id == "0":  # numId 0: numbering taken off the paragraph
            return style_id, level, None
        if ilvl is None:
            ilvl = self.numbering.level_of_style(num_id, style_id)
        return style_id, level, self.numbering.marker(num_id, ilvl)

    def paragraph(self, paragraph: Any) -> None:
        boxes: list[Any] = []
        pieces = paragraph_lines(paragraph, boxes)
        if len(pieces) > 1 and self.styles.title and self.is_title(paragraph):
            # a title is one fact however its lines are broken: its lines run on as written
            # (with the spaces a line ends with), as our own Word files break long titles
            pieces = ["".join(pieces)]
        if len(pieces) == 1:  # the common case, no soft break: one line
            text = pieces[0]
            stripped = text.strip(SPACE)
            style_id, level, marker = self.hints(paragraph, bool(stripped))
            indent = text[: len(text) - len(text.lstrip(SPACE))]
            self.lines.append(
                Line(
                    indent,
                    stripped,
                    text[len(indent) + len(stripped) :] + "\n",
                    self.count(),
                    style_id in self.styles.title,
                    level=level if stripped else None,
                    list_marker=marker,
                    new_paragraph=True,
                )
            )
        else:
            shows_text = any(piece.strip(SPACE) for piece in pieces)
            style_id, level, marker = self.hints(paragraph, shows_text)
            title = style_id in self.styles.title
            if shows_text:
                self.soft_lines(pieces, title, level, marker)
            else:  # breaks and nothing else: one blank line
                end = BREAK.join(pieces) + "\n"
                self.lines.append(Line("", "", end, self.count(), title, new_paragraph=True))
        for box in boxes:
            self.block(box)

    def is_title(self, paragraph: Any) -> bool:
        """Whether a paragraph has a title style."""
        ppr = _child(paragraph, _PPR)
        named = _child(ppr, _PSTYLE) if ppr is not None else None
        return named is not None and named.get(_VAL, "") in self.styles.title

    def soft_lines(
        self, pieces: list[str], title: bool, level: int | None, marker: str | None
    ) -> None:
        """The lines of a paragraph with text, cut at its soft breaks as text is at line ends.

        The paragraph's hints go with its first line of text, which starts a paragraph; the
        lines after it are decided by their form. Soft-broken
        lines without text make one blank line a run, as blank lines of text do.
        """
        first = True
        run = ""  # a run of blank lines waiting for the next line with text
        for piece in pieces:
            stripped = piece.strip(SPACE)
            if not stripped:
                run += piece + "\n"
                continue
            if run:
                self.lines.append(Line("", "", run, self.count()))
                run = ""
            start = piece.index(stripped[0])
            self.lines.append(
                Line(
                    piece[:start],
                    stripped,
                    piece[start + len(stripped) :] + "\n",
                    self.count(),
                    title,
                    level=level if first else None,
                    list_marker=marker if first else None,
                    new_paragraph=True if first else None,
                )
            )
            first = False
        if run:
            self.lines.append(Line("", "", run, self.count()))


def read_docx(data: str | bytes, *, source: str = "<docx>") -> ReaderOutput:
    """The lines of a Word (.docx) file's bytes, with the hints Word gives.

    Args:
        data: the file's bytes.
        source: a name for the file, used in error messages.

    Raises:
        DecodeError: ``data`` is not a Word file (see the module's description).
        EmptyInputError: the document holds no text.
    """
    if isinstance(data, str):
        raise DecodeError("a Word file is bytes, not text", source=source, expected="bytes")
    package = open_package(data, source)
    names = set(package.namelist())

    def part(name: str) -> Any:
        if name not in names:
            return None
        return parse_xml(read_part(package, name, source), source, name)

    styles = _Styles(part("word/styles.xml"))
    numbering = _Numbering(part("word/numbering.xml"), styles.numbering_styles)
    reader = _Reader(styles, numbering, source)
    if package.getinfo("word/document.xml").file_size <= _STREAM_ABOVE:
        # a report's usual size: parsed whole, which is faster, and costs 31 MB at most
        body = _child(part("word/document.xml"), _BODY)
        found = body is not None
        if found:
            reader.block(body)
    else:
        found = _read_body(package, reader, source)
    if not found:
        raise DecodeError("word/document.xml has no body", source=source, expected="a .docx")
    if not any(line.text for line in reader.lines):
        raise EmptyInputError("the Word file holds no text", source=source)
    return ReaderOutput(reader.lines)


def _read_body(package: Any, reader: _Reader, source: str) -> bool:
    """Feed the body's paragraphs and tables to ``reader`` as the stream reaches their ends.

    Each top-level block (a paragraph or table of the body, or inside its content controls
    and tracked insertions) is read when its end tag arrives, then freed with whatever came
    before it; paragraphs and tables inside something the reader does not read (a content
    control showing its placeholder) are freed unread. Only the first body of the document
    counts. Returns whether there was one.
    """
    found = False
    for element in iterparse_part(package, "word/document.xml", source, (_P, _TBL, _BODY)):
        if element.tag == _BODY:
            found = found or _is_body(element)  # later bodies (never in a file) are not read
            continue
        parent = element.getparent()
        shown = True
        while parent is not None and parent.tag in _CONTAINERS:
            if parent.tag == _SDT and placeholder(parent):
                shown = False
            parent = parent.getparent()
        if parent is None:
            continue  # the document's root: nothing to read, nothing before it to free
        tag = parent.tag
        if tag == _BODY and not found and _is_body(parent):
            if not shown:
                pass
            elif element.tag == _P:
                reader.paragraph(element)
            else:
                reader.table(element)
        elif tag in (_P, _TBL) or _inside_block(parent):
            continue  # part of a block, read with it
        # done with: free the element and every sibling before it (read or never to be read)
        element.clear(keep_tail=False)
        while element.getprevious() is not None:
            del element.getparent()[0]
    return found


def _is_body(element: Any) -> bool:
    """Whether a ``w:body`` element is the document's body (a child of the root)."""
    parent = element.getparent()
    return parent is not None and parent.getparent() is None


def _inside_block(element: Any) -> bool:
    """Whether ``element`` is inside a paragraph or a table (cells, text boxes)."""
    return next(element.iterancestors(_P, _TBL), None) is not None
