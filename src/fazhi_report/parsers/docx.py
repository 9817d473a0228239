"""The DOCX reader: Word's paragraphs as logical lines, with the hints Word gives.

Each paragraph of ``word/document.xml`` becomes a `Line` for the one structure builder:

- **text**: every run's text in document order, including text inside hyperlinks, fields (their
  shown result, not their instructions), smart tags, content controls (``w:sdt``) and tracked
  insertions; deleted text (``w:del``) is not content. A paragraph is one line: a line break
  inside it (``w:br``) only sets the type. Paragraphs inside text boxes follow the paragraph
  that holds them. Each row of a table becomes one line with its cells as a hint, and adjacent
  rows make a `fazhi_report.model.Table`.
- **hints**: the paragraph style read by its name (``w:name``, not ``w:styleId``, which
  localised Word and WPS change): ``Title`` (or ``标题``) marks the title, ``heading 1``–``4``
  (or ``标题 1``–``4``) and outline levels 0–3 a heading level; the marker Word's automatic
  numbering draws (``w:numPr`` with formats from ``word/numbering.xml``: ``一、``, ``（一）``,
  ``1.``, ``（1）``…, counters continuing across paragraphs and restarting per level) is read as
  if typed.

The package is checked before parsing (not a zip, no document part, zip bombs, DOCTYPEs and
entities, legacy .doc and encrypted files, damaged compressed data are each a
`fazhi_report.errors.DecodeError`). A body over 1 MiB is read as a stream, one top-level
paragraph or table at a time, each freed once read; memory is bounded by
`fazhi_report._ooxml.MAX_XML_PART` (the unpacked size of one XML part) and `MAX_PARAGRAPHS`
(the lines a document may hold).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from fazhi_report._ooxml import W, iterparse_part, open_package, parse_xml, read_part
from fazhi_report.errors import DecodeError, EmptyInputError
from fazhi_report.numbering import int_to_chinese
from fazhi_report.parsers.contract import ReaderOutput
from fazhi_report.parsers.lines import Line

__all__ = ["MAX_PARAGRAPHS", "read_docx"]

MAX_PARAGRAPHS = 200_000
"""The most paragraphs (table rows count one each) a Word file may hold: 200,000.

A report has a few hundred; every paragraph becomes a line for the structure builder and a
node of the report, which cost about 2 kB each at worst (one short heading a paragraph), so
this keeps the reader within about 1 GB. `MAX_XML_PART` alone would not: 16 MiB of empty
paragraphs (``<w:p/>``) are nearly three million lines."""

_W = f"{{{W}}}"
_P, _R, _T, _TBL, _TR, _TC = (_W + n for n in ("p", "r", "t", "tbl", "tr", "tc"))
_SKIP = frozenset(
    _W + n for n in ("del", "delText", "instrText", "pPr", "rPr", "moveFrom", "fldData")
)
_TXBX = _W + "txbxContent"
_TAB, _BR, _CR = _W + "tab", _W + "br", _W + "cr"
_PPR, _PSTYLE, _OUTLINE, _NUMPR = (_W + n for n in ("pPr", "pStyle", "outlineLvl", "numPr"))
_VAL = _W + "val"
_BODY = _W + "body"
# a document part larger than this is read as a stream (see _read_body); a smaller one whole,
# which is a fifth faster
_STREAM_ABOVE = 1024 * 1024
# what the reader looks through to the paragraphs and tables inside (see _Reader.block)
_CONTAINERS = frozenset(_W + n for n in ("sdt", "sdtContent", "ins", "customXml"))
_TITLE_NAMES = frozenset({"title", "标题"})
_HEADING = re.compile(r"(?:heading|标题)\s*([1-4])$")


def _chinese(number: int) -> str:
    return int_to_chinese(number) if 0 < number < 10000 else str(number)


_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
    (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
_FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def _roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _letters(number: int) -> str:
    return chr(ord("A") + (number - 1) % 26) * ((number - 1) // 26 + 1)


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(
        str.maketrans("0123456789", "０１２３４５６７８９")
    ),
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "chineseLegalSimplified": _chinese,
    "ideographTraditional": _chinese,
    "taiwaneseCounting": _chinese,
    "taiwaneseCountingThousand": _chinese,
    "upperLetter": _letters,
    "lowerLetter": lambda n: _letters(n).lower(),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
}


class _Level:
    __slots__ = ("fmt", "start", "text")

    def __init__(self, fmt: str, text: str, start: int) -> None:
        self.fmt = fmt
        self.text = text
        self.start = start


class _Numbering:
    """Word's automatic numbering: the marker each numbered paragraph draws."""

    def __init__(self, root: Any) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for abstract in root.iterchildren(_W + "abstractNum"):
            levels = {}
            for lvl in abstract.iterchildren(_W + "lvl"):
                fmt = _child(lvl, _W + "numFmt")
                text = _child(lvl, _W + "lvlText")
                start = _child(lvl, _W + "start")
                levels[_int(lvl.get(_W + "ilvl"), 0)] = _Level(
                    fmt.get(_W + "val", "decimal") if fmt is not None else "decimal",
                    text.get(_W + "val", "") if text is not None else "",
                    _int(start.get(_W + "val") if start is not None else None, 1),
                )
            self.abstract[abstract.get(_W + "abstractNumId", "")] = levels
        for num in root.iterchildren(_W + "num"):
            ref = _child(num, _W + "abstractNumId")
            overrides = {}
            for override in num.iterchildren(_W + "lvlOverride"):
                start = _child(override, _W + "startOverride")
                if start is not None:
                    overrides[_int(override.get(_W + "ilvl"), 0)] = _int(start.get(_W + "val"), 1)
            self.nums[num.get(_W + "numId", "")] = (
                ref.get(_W + "val", "") if ref is not None else "",
                overrides,
            )

    def marker(self, num_id: str, ilvl: int) -> str | None:
        """The marker drawn for the next paragraph of list ``num_id`` at level ``ilvl``."""
        found = self.nums.get(num_id)
        if found is None:
            return None
        abstract_id, overrides = found
        levels = self.abstract.get(abstract_id, {})
        if ilvl not in levels:
            return None
        # counters live per abstract list, as Word counts them; a deeper level restarts
        counters = self.counters.setdefault(abstract_id, {})
        level = levels[ilvl]
        start = overrides.get(ilvl, level.start)
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt in ("bullet", "none"):
            return None
        text = level.text
        for k in range(ilvl + 1):
            value = counters.get(k, overrides.get(k, levels[k].start if k in levels else 1))
            show = _FORMATS.get(levels[k].fmt if k in levels else "decimal", str)(value)
            text = text.replace(f"%{k + 1}", show)
        return text or None


def _paragraphs_in(cell: Any) -> int:
    """How many paragraphs with text a table cell holds."""
    return sum(1 for p in cell.iterchildren(_P) if "".join(p.itertext()).strip())


def _child(element: Any, tag: str) -> Any:
    """The first child with this tag, or ``None``.

    lxml's ``find`` goes through its ElementPath machinery even for one tag, several times
    slower than walking the children: readers of many files feel it.
    """
    return next(element.iterchildren(tag), None)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class _Styles:
    """Paragraph styles by id: their name's hint and their numbering."""

    def __init__(self, root: Any) -> None:
        self.title: set[str] = set()
        self.level: dict[str, int] = {}
        self.numbering: dict[str, tuple[str, int]] = {}
        if root is None:
            return
        based: dict[str, str] = {}
        for style in root.iterchildren(_W + "style"):
            if style.get(_W + "type") != "paragraph":
                continue
            style_id = style.get(_W + "styleId", "")
            name_el = _child(style, _W + "name")
            name = (name_el.get(_W + "val", "") if name_el is not None else "").strip().lower()
            if name in _TITLE_NAMES:
                self.title.add(style_id)
            heading = _HEADING.match(name)
            # one child lookup at a time: a path ("w:pPr/w:outlineLvl") goes through lxml's
            # slow ElementPath, which cost more than the rest of the style
            ppr = _child(style, _PPR)
            outline = _child(ppr, _OUTLINE) if ppr is not None else None
            if heading is not None:
                self.level[style_id] = int(heading.group(1))
            elif outline is not None and _int(outline.get(_W + "val"), 9) < 4:
                self.level[style_id] = _int(outline.get(_W + "val"), 9) + 1
            num = _child(ppr, _NUMPR) if ppr is not None else None
            if num is not None:
                num_id = _child(num, _W + "numId")
                ilvl = _child(num, _W + "ilvl")
                if num_id is not None:
                    self.numbering[style_id] = (
                        num_id.get(_W + "val", ""),
                        _int(ilvl.get(_W + "val") if ilvl is not None else None, 0),
                    )
            parent = _child(style, _W + "basedOn")
            if parent is not None:
                based[style_id] = parent.get(_W + "val", "")
        # a heading style based on another inherits its level and numbering
        for style_id, parent in based.items():
            for table in (self.level, self.numbering):
                seen = {style_id}
                while style_id not in table and parent in based and parent not in seen:
                    seen.add(parent)
                    parent = based[parent]
                if style_id not in table and parent in table:
                    table[style_id] = table[parent]  # type: ignore[assignment]


def _text(paragraph: Any, boxes: list[Any]) -> str:
    """The text of a paragraph's runs, in order; text boxes are set aside in ``boxes``.

    Deleted text (``w:delText``) and field instructions (``w:instrText``) are other elements
    than ``w:t``, so iterating the content elements alone leaves them out.
    """
    pieces = []
    for element in paragraph.iter(_T, _TAB, _BR, _CR, _TXBX):
        tag = element.tag
        if tag == _T:
            pieces.append(element.text or "")
        elif tag == _TAB:
            pieces.append("\t")
        elif tag == _TXBX:
            # rare: a text box, whose paragraphs must not run into this one's text
            return "".join(_texts_around_boxes(paragraph, boxes))
    return "".join(pieces)


def _piece(element: Any) -> str:
    tag = element.tag
    if tag == _T:
        return element.text or ""
    if tag == _TAB:
        return "\t"
    # a break inside a paragraph (soft line, page or column break) only sets the type: the
    # paragraph is one line of text, as Chinese text runs on without a space
    return ""


def _texts_around_boxes(element: Any, boxes: list[Any]) -> Iterator[str]:
    """`_text`, the slow way: walk the tree to set text boxes (and their paragraphs) aside."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _TXBX:
            boxes.append(child)
        elif tag in (_T, _TAB, _BR, _CR):
            yield _piece(child)
        else:
            yield from _texts_around_boxes(child, boxes)


class _Reader:
    def __init__(self, styles: _Styles, numbering: _Numbering, source: str) -> None:
        self.styles = styles
        self.numbering = numbering
        self.source = source
        self.lines: list[Line] = []
        self.paragraphs = 0

    def count(self) -> int:
        """The next paragraph's number; refuses a document longer than `MAX_PARAGRAPHS`."""
        self.paragraphs += 1
        if self.paragraphs > MAX_PARAGRAPHS:
            raise DecodeError(
                f"the document holds more than {MAX_PARAGRAPHS:,} paragraphs",
                source=self.source,
                expected="a Word file of a report",
            )
        return self.paragraphs

    def block(self, element: Any) -> None:
        for child in element:
            tag = child.tag
            if tag == _P:
                self.paragraph(child)
            elif tag == _TBL:
                self.table(child)
            elif tag in (_W + "sdt", _W + "sdtContent", _W + "ins", _W + "customXml"):
                self.block(child)

    def table(self, table: Any) -> None:
        rows = [list(row.iterchildren(_TC)) for row in table.iterchildren(_TR)]
        if all(len(cells) <= 1 for cells in rows) and (
            len(rows) == 1 or any(_paragraphs_in(cell) > 1 for cells in rows for cell in cells)
        ):
            # a single cell, or one column whose cells hold several paragraphs, frames text (a
            # letterhead box, a bordered page): its paragraphs are the document's own
            for cells in rows:
                for cell in cells:
                    self.block(cell)
            return
        for row in rows:
            cells = []
            for cell in row:
                boxes: list[Any] = []
                # a nested table's paragraphs are part of its cell's text
                paragraphs = [_text(p, boxes) for p in cell.iter(_P)]
                cells.append(" ".join(t.replace("\n", " ") for t in paragraphs if t))
            line = Line("", "\t".join(cells), "\n", self.count(), cells=tuple(cells))
            self.lines.append(line)

    def paragraph(self, paragraph: Any) -> None:
        number = self.count()
        boxes: list[Any] = []
        text = _text(paragraph, boxes)
        style_id = ""
        level = None
        marker = None
        ppr = _child(paragraph, _PPR)
        if ppr is not None:
            for child in ppr:  # one pass over the paragraph's properties
                tag = child.tag
                if tag == _PSTYLE:
                    style_id = child.get(_VAL, "")
                elif tag == _OUTLINE and _int(child.get(_VAL), 9) < 4:
                    level = _int(child.get(_VAL), 9) + 1
                elif tag == _NUMPR:
                    num_id = _child(child, _W + "numId")
                    ilvl = _child(child, _W + "ilvl")
                    if num_id is not None:
                        marker = self.numbering.marker(
                            num_id.get(_VAL, ""),
                            _int(ilvl.get(_VAL) if ilvl is not None else None, 0),
                        )
        if marker is None and style_id in self.styles.numbering and text.strip():
            marker = self.numbering.marker(*self.styles.numbering[style_id])
        if level is None:
            level = self.styles.level.get(style_id)
        stripped = text.strip()
        indent = text[: len(text) - len(text.lstrip())]
        self.lines.append(
            Line(
                indent,
                stripped,
                text[len(indent) + len(stripped) :] + "\n",
                number,
                style_id in self.styles.title,
                level=level if stripped else None,
                list_marker=marker,
                new_paragraph=True,
            )
        )
        for box in boxes:
            self.block(box)


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

    reader = _Reader(
        _Styles(part("word/styles.xml")), _Numbering(part("word/numbering.xml")), source
    )
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
    before it; paragraphs and tables inside something the reader does not read are freed
    unread. Only the first body of the document counts. Returns whether there was one.
    """
    found = False
    for element in iterparse_part(package, "word/document.xml", source, (_P, _TBL, _BODY)):
        if element.tag == _BODY:
            found = found or _is_body(element)  # later bodies (never in a file) are not read
            continue
        parent = element.getparent()
        while parent is not None and parent.tag in _CONTAINERS:
            parent = parent.getparent()
        if parent is None:
            continue  # the document's root: nothing to read, nothing before it to free
        tag = parent.tag
        if tag == _BODY and not found and _is_body(parent):
            if element.tag == _P:
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
