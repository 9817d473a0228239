"""Rows into the lines a writer typed: furniture set aside, the title, paragraphs from geometry.

- **Page furniture** (page numbers such as ``— 3 —``, ``- 3 -``, ``第3页 共9页``; running
  headers and footers repeated at the same place on most pages; a letterhead above a red
  rule) becomes blank lines whose ending holds it: the lossless text keeps it between
  paragraphs, the model never sees it. A document number (发文字号) in the letterhead stays a
  line, which the builder reads as page metadata.
- **The title**: the run of rows at the top of page 1 larger than the body text, joined.
- **Paragraphs**: a row that ends short of the right margin ends one; a row that does not
  start at the left margin (indented about two characters, centred, right-aligned) starts
  one; so does a change of size, of heading font (黑体, 楷体, bold) or a wider gap between rows.
  Rows join with no space between CJK characters and one between Latin words.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

from fazhi_report._cues import DOC_NUMBER
from fazhi_report.parsers.lines import Hints, Line
from fazhi_report.parsers.pdf._rows import Row, narrow

__all__ = ["rebuild"]

_PAGE_NUMBER = re.compile(
    r"[—–\-－─━]*\s*[0-9]{1,4}\s*[—–\-－─━]*"
    r"|第\s*[0-9]{1,4}\s*页\s*[,，/]?\s*(?:共\s*[0-9]{1,4}\s*页)?"
    r"|共\s*[0-9]{1,4}\s*页\s*[,，]?\s*第\s*[0-9]{1,4}\s*页"
    r"|[0-9]{1,4}\s*/\s*[0-9]{1,4}"
    r"|(?:page\s*)?[0-9]{1,4}\s*(?:of\s*[0-9]{1,4})?",
    re.I,
)
_DIGITS = re.compile(r"[0-9]+")
_BODY = Hints(new_paragraph=True)
_TITLE = Hints(is_title=True, new_paragraph=True)


def _mode(values: Sequence[float], step: float = 1.0) -> float | None:
    if not values:
        return None
    counts = Counter(round(v / step) for v in values)
    return counts.most_common(1)[0][0] * step


def _furniture(pages: list[list[Row]], heights: list[float]) -> set[int]:
    """The ids of rows that are page furniture: page numbers and running headers/footers."""
    found: set[int] = set()
    repeated: Counter[str] = Counter()
    edges: list[list[tuple[Row, str]]] = []
    for rows, height in zip(pages, heights, strict=True):
        here = []
        # page numbers among the two rows at either end; running headers and footers are
        # the first or last row, at the same text on most pages
        ends = [r for r in rows[:2] if r.y > height * 0.8] + [
            r for r in rows[-2:] if r.y < height * 0.2
        ]
        for row in ends:
            if row.cells is not None:
                continue
            if _PAGE_NUMBER.fullmatch(row.text.strip()):
                found.add(id(row))
                continue
            if row is not rows[0] and row is not rows[-1]:
                continue
            key = _DIGITS.sub("#", row.text.replace(" ", ""))
            here.append((row, key))
        for key in {key for _, key in here}:
            repeated[key] += 1
        edges.append(here)
    if len(pages) >= 2:
        need = max(2, (len(pages) + 1) // 2)
        for here in edges:
            for row, key in here:
                if repeated[key] >= need:
                    found.add(id(row))
    return found


def _letterhead(rows: list[Row], rules: list[tuple[float, float, bool]], width: float) -> int:
    """How many rows at the top of page 1 are a letterhead: those above a red rule across the
    page, or printed in red before any black row."""
    below = 0
    for y, span, red in rules:
        if red and span > width * 0.5:
            below = max(below, sum(1 for r in rows if r.y > y))
    if below == 0:
        while below < len(rows) and rows[below].red:
            below += 1
    return below


class _Margins:
    def __init__(self, rows: list[Row]) -> None:
        body = [r for r in rows if r.cells is None]
        sizes = [r.size for r in body for _ in range(max(1, len(r.text)))]
        self.size = _mode(sizes, 0.5) or 12.0
        normal = [r for r in body if abs(r.size - self.size) <= 0.15 * self.size]
        self.left = min((r.x0 for r in normal), default=min((r.x0 for r in body), default=0.0))
        self.left = _mode([r.x0 for r in normal if r.x0 - self.left < self.size * 0.6]) or self.left
        long = [r.x1 for r in normal if len(r.text) >= 8]
        right = _mode(long) if long else None
        self.right = max(right or 0.0, max((r.x1 for r in normal), default=0.0) - 2.0)
        if right is not None and Counter(round(x) for x in long)[round(right)] >= 3:
            self.right = right  # justified rows share their right edge
        pitches = [
            a.y - b.y
            for a, b in itertools.pairwise(normal)
            if a.page == b.page and 0 < a.y - b.y < 3 * self.size
        ]
        self.pitch = _mode(pitches, 0.5)


def _starts(prev: Row | None, row: Row, m: _Margins) -> bool:
    """Whether ``row`` starts a new paragraph after ``prev`` (see the module's description)."""
    if prev is None or prev.cells is not None or row.cells is not None:
        return True
    em = m.size
    if abs(row.x0 - m.left) > 0.6 * em:
        return True  # indented, centred or right-aligned: continuation rows start at the margin
    room = m.right - prev.x1
    if room > 1.2 * em:
        # short of the margin: the paragraph ended, unless the next word would not have fit
        word = re.match(r"[!-~]+", row.text)
        if word is None or len(word.group()) * em * 0.55 < room - 0.3 * em:
            return True
    if abs(row.size - prev.size) > 0.15 * em:
        return True
    if prev.last_heading != row.first_heading:
        return True
    return bool(m.pitch is not None and row.page == prev.page and prev.y - row.y > 1.6 * m.pitch)


def _join(texts: list[str]) -> str:
    out = texts[0]
    for text in texts[1:]:
        if out and text and narrow(out[-1]) and narrow(text[0]) and out[-1] != "-":
            out += " "
        out += text
    return out


def rebuild(
    pages: list[list[Row]],
    heights: list[float],
    widths: list[float],
    rules: list[tuple[float, float, bool]],
) -> list[Line]:
    """The logical lines of the document's rows, page by page, top to bottom.

    Args:
        pages: each page's rows, top to bottom.
        heights: each page's height, widths: each page's width.
        rules: page 1's horizontal rules: (y, width, red).
    """
    furniture = _furniture(pages, heights)
    head = _letterhead(pages[0], rules, widths[0]) if pages else 0
    flow = [r for rows in pages for r in rows if id(r) not in furniture]
    letterhead = {id(r) for r in pages[0][:head]} if pages else set()
    m = _Margins([r for r in flow if id(r) not in letterhead])

    # the title: larger rows at the top of page 1, after any letterhead
    title: set[int] = set()
    first = [r for r in flow if r.page == 1 and id(r) not in letterhead]
    top = [r for r in first[:6] if r.cells is None and r.size >= 1.15 * m.size]
    if top:
        biggest = max(r.size for r in top)
        start = first.index(next(r for r in top if r.size >= biggest - 0.5))
        for r in first[start:]:
            if r.cells is not None or r.size < 1.15 * m.size:
                break
            title.add(id(r))

    lines: list[Line] = []
    pending: list[str] = []  # furniture waiting for the paragraph in progress to end
    para: list[Row] = []
    title_rows: list[Row] = []

    def number() -> int:
        return len(lines) + 1

    def close() -> None:
        if title_rows:
            text = _join([r.text for r in title_rows])
            line = Line("", text, "\n", number())
            line.hints = _TITLE
            lines.append(line)
            title_rows.clear()
        if para:
            cells = para[0].cells
            line = Line("", _join([r.text for r in para]), "\n", number())
            line.hints = Hints(cells=cells) if cells is not None else _BODY
            lines.append(line)
            para.clear()
        for text in pending:
            lines.append(Line("", "", text + "\n", number()))
        pending.clear()

    prev: Row | None = None
    for rows in pages:
        for row in rows:
            key = id(row)
            if key in furniture or (key in letterhead and not DOC_NUMBER.match(row.text)):
                if para or title_rows:
                    pending.append(row.text)
                else:
                    lines.append(Line("", "", row.text + "\n", number()))
                continue
            if key in title:
                if para:
                    close()
                title_rows.append(row)
                prev = None
                continue
            if title_rows or _starts(prev, row, m):
                close()
            para.append(row)
            prev = row
    close()
    return lines
