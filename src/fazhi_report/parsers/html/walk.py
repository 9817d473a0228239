"""The walk over a page's block elements that makes its logical lines (see
`fazhi_report.parsers.html`, step 4), and the lines of a piece of HTML inside Markdown."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from typing import Any

from fazhi_report import _cues
from fazhi_report.numbering import match_marker
from fazhi_report.parsers.html._markup import (
    BLOCKS,
    DROP,
    INLINE,
    OWN_TABLE,
    hidden,
    tag_of,
    text_of,
)
from fazhi_report.parsers.html.page import html_parser, read_whole
from fazhi_report.parsers.lines import SPACE, Line

__all__ = ["LineWalk", "block_lines"]

# A break in the HTML source: a run of HTML whitespace holding a line break.
_SOURCE_BREAK = re.compile(r"[ \t\f]*[\r\n][ \t\r\n\f]*")
_BREAK_START = frozenset(" \t\f\r\n")
_HTML_SPACE = " \t\f\r\n"
_EDGE_BREAK_START = re.compile(r"^[ \t\f]*[\r\n][ \t\r\n\f]*")
_EDGE_BREAK_END = re.compile(r"[ \t\f]*[\r\n][ \t\r\n\f]*$")
# what a watermark element's text is: a site's name and its web address, nothing else
_WATERMARK = re.compile(_cues.WATERMARK_LINE.pattern).fullmatch
# what already sets a watermark off from the text before it
_WATERMARK_SET_OFF = frozenset(" \t\u3000\xa0。，,；;！？!?”")
_DATA_CELL_MAX = 200  # characters: a cell holding more is running text, not data


def _join_source_breaks(text: str) -> str:
    """Breaks in the HTML source inside a paragraph, as a browser shows them."""
    if "\n" not in text and "\r" not in text:
        return text

    def one(m: re.Match[str]) -> str:
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if before.isascii() and after.isascii() and before.strip() and after.strip():
            return " "
        return ""

    return _SOURCE_BREAK.sub(one, text)


def _split(text: str) -> tuple[str, str, str]:
    stripped = text.strip(SPACE)
    if not stripped:
        return text, "", ""
    start = text.index(stripped[0])
    return text[:start], stripped, text[start + len(stripped) :]


def _rows(table: Any) -> list[Any]:
    """The rows of a table (in thead, tbody, tfoot or directly), not those of tables inside."""
    rows = []
    for child in table:
        tag = tag_of(child)
        if tag == "tr":
            rows.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            rows.extend(row for row in child if tag_of(row) == "tr")
    return rows


def _data_table(table: Any) -> bool:
    """A table of data (rows of short cells) rather than one laying out the page.

    Our own tables (``class="fazhi-table"``) always are.
    """
    if OWN_TABLE in (table.get("class") or "").split():
        return True
    if table.find(".//table") is not None:
        return False
    rows = _rows(table)
    if len(rows) < 2 or max(len(row.findall("td")) + len(row.findall("th")) for row in rows) < 2:
        return False
    for row in rows:
        for cell in row:
            if tag_of(cell) in ("td", "th") and len(text_of(cell).strip()) > _DATA_CELL_MAX:
                return False
    return True


class LineWalk:
    """Lines gathered from a walk over block elements.

    Args:
        own: whether the markup is our own (its headings give hints).
        classes: the class names that hide an element (`hiding_classes`); hidden elements
            are left out.
        skip: elements left out as if hidden (a page's menu entries).
    """

    def __init__(
        self,
        own: bool,
        classes: frozenset[str] = frozenset(),
        skip: Collection[Any] = (),
    ) -> None:
        self.own = own  # our own markup: headings give hints
        self.classes = classes
        self.skip = skip
        self.lines: list[Line] = []
        self.pieces: list[str] = []
        self.number = 0
        self.soft = False  # the next line follows a <br> in the same block
        self.title = False
        self.level: int | None = None

    def text(self, text: str | None, number: int) -> None:
        if text:
            if not self.pieces:
                self.number = number
            # a source break at an element's edge parts inline elements (<span>来源：…</span>
            # then <span>发布时间：…</span>): a space, as a browser shows it
            if text[0] in _BREAK_START:
                if not text.strip(_HTML_SPACE):
                    # whitespace alone (between blocks, most often): what the two patterns
                    # below make of it, without them
                    text = " " if "\n" in text or "\r" in text else text
                else:
                    text = _EDGE_BREAK_START.sub(" ", text, 1)
            if text[-1] in _BREAK_START:
                text = _EDGE_BREAK_END.sub(" ", text, 1)
            self.pieces.append(text)

    def inline(self, text: str, number: int) -> None:
        """The text of an inline element. A watermark spliced into a paragraph as an element
        of its own (``<span>某某文库 www.example.com</span>``) is set off by a space, as the
        builder's watermark rules find one, which move it into the layout."""
        pieces = self.pieces
        if (
            "." in text
            and pieces
            and pieces[-1][-1:] not in _WATERMARK_SET_OFF
            and _WATERMARK(text.strip(SPACE)) is not None
        ):
            pieces.append(" ")
        self.text(text, number)

    def flush(self, *, soft_next: bool = False) -> None:
        pieces = self.pieces
        if not pieces or (len(pieces) == 1 and pieces[0] == " "):
            # most calls: a block opens or closes right after another, perhaps with the source
            # break between them (one space): no line, as below
            pieces.clear()
            if not soft_next:
                self.soft = False
            return
        text = _join_source_breaks(pieces[0] if len(pieces) == 1 else "".join(pieces))
        pieces.clear()
        indent, body, end = _split(text)
        if body:
            level = self.level
            if level is not None and match_marker(body) is not None:
                level = None  # a typed marker says its level
            self.lines.append(
                Line(
                    indent,
                    body,
                    end + "\n",
                    self.number,
                    self.title,
                    level=level,
                    new_paragraph=None if self.soft else True,
                )
            )
            self.soft = soft_next
        elif not soft_next:
            self.soft = False

    def walk(self, root: Any) -> None:
        """Read ``root``, what it holds and its tail, in document order.

        A loop over the open elements, not a call per level: a page may nest elements as deep
        as its parser reads them (2,048 levels), far past Python's recursion limit.
        """
        # the element whose children are being read (whether it is a block, its line, the
        # children left), and those around it; the outermost, None, has no children
        parent: Any = None
        parent_block, parent_number = False, 0
        children: Iterator[Any] = iter(())
        stack: list[tuple[Any, bool, int, Iterator[Any]]] = []
        element: Any = root
        classes, skip = self.classes, self.skip
        while True:
            # open `element`: what comes before its children
            tag = element.tag
            if type(tag) is not str:  # `tag_of`, inline: this runs once per element of the block
                tag = ""
            number = element.sourceline or 0
            if tag == "br":
                count = len(self.lines)
                self.flush(soft_next=True)
                if len(self.lines) == count and self.lines and self.lines[-1].text:
                    # a <br> ending an empty line (<br><br>) is a blank line: it parts
                    # paragraphs and tables as in plain text
                    self.lines.append(Line("", "", "\n", number))
                if element.tail:
                    self.text(element.tail, number)
            elif tag in DROP or not tag or hidden(element, classes) or (skip and element in skip):
                if element.tail:
                    self.text(element.tail, number)  # the tail is the parent's text
            else:
                block = tag in BLOCKS
                if block:
                    self.flush()
                    self.soft = False
                    if self.own and tag in ("h1", "h2", "h3", "h4", "h5"):
                        self.title = tag == "h1"
                        self.level = None if tag == "h1" else int(tag[1]) - 1
                if tag == "table" and _data_table(element):
                    self.table(element)
                    self._close(element, block, number)
                else:
                    if element.text:
                        if block:
                            self.text(element.text, number)
                        else:
                            self.inline(element.text, number)
                    stack.append((parent, parent_block, parent_number, children))
                    parent, parent_block, parent_number = element, block, number
                    children = iter(element)
            # the next element to open: the next child of the innermost open element, closing
            # those that have none left
            while True:
                for element in children:
                    if (
                        len(element) == 0
                        and element.tag in INLINE
                        and not hidden(element, classes)
                        and not (skip and element in skip)
                    ):
                        # a leaf inline element (a span, a strong): what opening and closing
                        # it would do, without a round of the loop for each
                        line = element.sourceline or 0
                        text = element.text
                        if text:
                            if "." in text:  # only such a text can be a watermark
                                self.inline(text, line)
                            else:
                                self.text(text, line)
                        if element.tail:
                            self.text(element.tail, line)
                        continue
                    break
                else:
                    if parent is None:
                        return
                    # close `parent`: `_close`, inline, as this runs once per element
                    if parent_block:
                        self.flush()
                        self.soft = False
                        self.title, self.level = False, None
                    if parent.tail:
                        self.text(parent.tail, parent_number)
                    parent, parent_block, parent_number, children = stack.pop()
                    continue
                break

    def _close(self, element: Any, block: bool, number: int) -> None:
        """What comes after an element's children: the end of its line, if a block, and its tail."""
        if block:
            self.flush()
            self.soft = False
            self.title, self.level = False, None
        if element.tail:
            self.text(element.tail, number)

    def table(self, table: Any) -> None:
        """A data table: one line a row, with its cells (a blank line keeps the next apart).

        Our own tables keep each cell's text as it is; a page's cells have their runs of
        spaces and line breaks made one space, as a browser shows them.
        """
        exact = OWN_TABLE in (table.get("class") or "").split()
        for row in _rows(table):
            cells = []
            for cell in row:
                if tag_of(cell) in ("td", "th"):
                    text = text_of(cell)
                    cells.append(text if exact else " ".join(_join_source_breaks(text).split()))
            number = row.sourceline or 0
            self.lines.append(Line("", "\t".join(cells), "\n", number, cells=tuple(cells)))
        self.lines.append(Line("", "", "\n", table.sourceline or 0))
        self.soft = False


def block_lines(markup: str, *, source: str = "<html>", first_line: int = 1) -> list[Line]:
    """The lines of a piece of HTML (a raw block inside Markdown), read as a page's blocks are.

    Line numbers count from 1 at the start of ``markup``. Markup lxml cannot read gives none.

    Args:
        markup: the HTML.
        source: the name of the document it is in, for errors.
        first_line: the line of the document ``markup`` starts on, for errors.

    Raises:
        DecodeError: the markup is nested deeper than the HTML parser reads (2,048 levels).
    """
    import lxml.etree

    parser = html_parser()
    try:
        root = lxml.etree.fromstring(
            f"<div>{markup}</div>".encode("utf-8", "surrogatepass"), parser
        )
    except (ValueError, lxml.etree.LxmlError):
        return []
    read_whole(parser, source, first_line, "the raw HTML block")
    if root is None:
        return []
    reader = LineWalk(False)
    reader.walk(root)
    reader.flush()
    return reader.lines
