"""Pass 1 of the structure builder: one kind and at most one marker per line.

The result is a set of per-line arrays (`Classified`) that the later passes read: the frame
rules, the tree builder. Reader hints are folded in here, so that the later passes see a
heading-level hint or a drawn list number the same way as a marker typed in the text.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from fazhi_report import _cues
from fazhi_report.model import PageInfo
from fazhi_report.numbering import POINT_MARKER_RE, Marker, match_marker
from fazhi_report.parsers.forms import JOIN_MIN, TERMINAL
from fazhi_report.parsers.lines import SPACE, Line

__all__ = [
    "BLANK",
    "CLUTTER",
    "HEAD",
    "TEXT",
    "Classified",
    "classify",
    "continues",
    "joined",
    "match_marker",
]

BLANK = 0
"""A line with no text (only spaces and a line end, or a run of such lines)."""
TEXT = 1
"""A line of text: prose, a title, a signature line… the frame decides."""
HEAD = 2
"""A line that starts with a heading marker (typed, drawn by a list, or given by a hint)."""
CLUTTER = 3
"""A line a web page prints around a report (发布日期, 扫一扫…): layout, never content."""


class Classified:
    """The lines of one document and the per-line arrays every later pass reads.

    Attributes:
        lines: the logical lines, as the reader gave them.
        kinds: one of `BLANK`, `TEXT`, `HEAD`, `CLUTTER` per line (the frame pass may turn
            `TEXT` lines it finds around the report into `CLUTTER`).
        markers: the heading marker of each `HEAD` line, ``None`` for the others. A marker
            drawn by the reader (not in the text) has ``raw == ""``; a heading-level hint
            without any marker has ``number == 0`` (the tree numbers it).
        published: the publication date or time a web page printed, if any.
        source: the publishing office a web page named (来源), if any.
        hinted: whether any line carries reader hints (plain text never does).
    """

    __slots__ = ("hinted", "kinds", "lines", "markers", "published", "source")

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = lines
        self.kinds = bytearray(len(lines))
        self.markers: list[Marker | None] = [None] * len(lines)
        self.published: _dt.date | None = None
        self.source: str | None = None
        self.hinted = False

    def raw(self, start: int, end: int) -> str:
        """The lines[start:end] exactly as written."""
        if end - start <= 1:  # most ranges (lead, header, before) are empty or one line
            return self.lines[start].raw if end > start else ""
        lines = self.lines
        return "".join([lines[j].raw for j in range(start, end)])

    def to_clutter(self, start: int, end: int) -> None:
        """Turn the `TEXT` lines in lines[start:end] into `CLUTTER`."""
        kinds = self.kinds
        for j in range(start, end):
            if kinds[j] == TEXT:
                kinds[j] = CLUTTER

    def page(self) -> PageInfo:
        """The web-page metadata found among the lines."""
        return PageInfo(self.published, self.source)


def continues(c: Classified, i: int, end: int, first_indent: int) -> bool:
    """Whether the paragraph at line ``i`` goes on at line ``i + 1`` (before ``end``).

    A reader's paragraph hint settles it. Otherwise a line broken mid-sentence (long, and not
    ending a sentence) continues on the next text line, unless that line is indented as much as
    the paragraph's first line (``first_indent`` characters) or opens with a point (一是…).
    Every pass that asks "is this one paragraph?" asks here, so they all agree.
    """
    if i + 1 >= end or c.kinds[i + 1] != TEXT:
        return False
    nxt = c.lines[i + 1]
    hints = nxt.hints
    if hints is not None and hints.new_paragraph is not None:
        return not hints.new_paragraph
    text = c.lines[i].text
    if len(text) < JOIN_MIN or text[-1] in TERMINAL:
        return False
    if nxt.indent and len(nxt.indent) >= first_indent:
        return False
    return POINT_MARKER_RE.match(nxt.text) is None


def joined(c: Classified, i: int, end: int) -> tuple[str, int]:
    """The text of the paragraph that starts at line ``i``, and its last line."""
    first_indent = len(c.lines[i].indent)
    parts = [c.lines[i].text]
    while continues(c, i, end, first_indent):
        i += 1
        parts.append(c.lines[i].text)
    return "".join(parts), i


# The characters a heading marker can start with (a superset is safe: match_marker decides).
_MARKER_FIRST = frozenset("一二三四五六七八九十（(0123456789０１２３４５６７８９")


def _hinted_marker(line: Line) -> Marker | None:
    """The marker of a line, reading the reader's hints as if they were typed."""
    text = line.text
    hints = line.hints
    if hints is None:
        return match_marker(text)
    if hints.is_title:
        return None  # the title hint wins: a title is never a heading
    marker: Marker | None = None
    drawn = (hints.list_marker or "").strip(SPACE)
    if drawn:
        found = match_marker(drawn + text)
        # the whole drawn marker, and only it, must read as a marker
        if found is not None and len(found.raw) == len(drawn):
            marker = Marker(found.level, found.number, "")
    if marker is None:
        marker = match_marker(text)
    level = hints.level
    if level is not None and 1 <= level <= 4:
        # the format's level wins over the marker's; the number is kept if there is one
        if marker is None:
            marker = Marker(level, 0, "")
        else:
            marker = Marker(level, marker.number, marker.raw)
    return marker


def classify(lines: Sequence[Line]) -> Classified:
    """Give every line its kind and marker, and read page metadata from clutter lines.

    Args:
        lines: the logical lines of the document, from a reader.
    """
    c = Classified(lines)
    kinds = c.kinds
    markers = c.markers
    clutter = _cues.CLUTTER.search
    traditional = _cues.TRADITIONAL_HINT.search
    fold = _cues.fold
    for k, line in enumerate(lines):
        text = line.text
        if not text:
            if line.hints is None:
                continue  # BLANK is 0, what the array holds already
            marker = None
        elif line.hints is not None:
            c.hinted = True
            marker = _hinted_marker(line)
        elif text[0] in _MARKER_FIRST:
            marker = match_marker(text)
        else:
            marker = None  # most lines: no call at all
        if marker is not None:
            kinds[k] = HEAD
            markers[k] = marker
        elif not text:
            pass
        elif len(text) <= 80 and (
            clutter(folded := text if traditional(text) is None else fold(text)) is not None
        ):
            kinds[k] = CLUTTER
            _page_fields(c, folded)
        else:
            kinds[k] = TEXT
    return c


def _page_fields(c: Classified, text: str) -> None:
    m = _cues.PUBLISHED.search(text)
    if m is not None and c.published is None:
        y, mo, d, hh, mm, ss = m.groups()
        try:
            if hh is not None:
                c.published = _dt.datetime(int(y), int(mo), int(d), int(hh), int(mm), int(ss or 0))
            else:
                c.published = _dt.date(int(y), int(mo), int(d))
        except ValueError:
            pass  # an impossible date on a web page is clutter all the same
    m = _cues.SOURCE.search(text)
    if m is not None and c.source is None:
        c.source = m.group(1)
