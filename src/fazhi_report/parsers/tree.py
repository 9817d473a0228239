"""Pass 3 of the structure builder: sections and paragraphs from the body's lines.

Headings open sections (a deeper level nests in the open section); other text lines make
paragraphs, with lines broken mid-sentence joined back; a run-in heading's body text becomes the
section's first paragraph. Points are split out of each paragraph as it is made
(`fazhi_report.parsers.points`). The counts the document's habits are read from (indents, blank
lines, bracket widths, level-3 separators) are gathered on the way.
"""

from __future__ import annotations

from fazhi_report import _cues
from fazhi_report.layout import ParagraphLayout, SectionLayout, TableLayout, positional_maker
from fazhi_report.model import Block, Paragraph, Section, Table
from fazhi_report.numbering import Marker
from fazhi_report.parsers.classify import (
    BLANK,
    CLUTTER,
    HEAD,
    ROW,
    Classified,
    continues,
    drawn_marker,
    joined,
)
from fazhi_report.parsers.forms import JOIN_MIN, TERMINAL, find_heading_stop, leaves_open
from fazhi_report.parsers.lines import SPACE, Line
from fazhi_report.parsers.points import split_points

# The parser's nodes are valid by construction: make them without the model's checks, which
# are there for nodes built and edited in code.
_make_section = positional_maker(Section)
_make_paragraph = positional_maker(Paragraph)
_make_table = positional_maker(Table)

__all__ = ["Tree", "build_tree", "heading_runs_on", "heading_stop"]

# (before, indent, end, line, marker, level, number, gap, stop, run_in)
_section_layout = positional_maker(SectionLayout)
# (before, indent, end, line, inline, content, breaks)
_paragraph_layout = positional_maker(ParagraphLayout)
# (before, indent, end, line, rows)
_table_layout = positional_maker(TableLayout)


class Tree:
    """The body's nodes, and the counts the document's habits are read from.

    Attributes:
        preamble: the paragraphs (and tables) before the first heading.
        sections: the top-level sections.
        indents: the indent of every block's first line, in order.
        gaps: the number of blank lines between each two blocks.
        half: level-2/4 markers written with half-width brackets.
        full: level-2/4 markers written with full-width brackets.
        level3: the separator of every level-3 marker (``"."``, ``"、"``, ``"．"``).
    """

    __slots__ = ("full", "gaps", "half", "indents", "level3", "preamble", "sections")

    def __init__(self) -> None:
        self.preamble: list[Block] = []
        self.sections: list[Section] = []
        self.indents: list[str] = []
        self.gaps: list[int] = []
        self.half = 0
        self.full = 0
        self.level3: list[str] = []


_find_watermarks = _cues.find_watermarks
_LEVEL3_SEPARATORS = frozenset(".、．")


def _without_watermarks(
    content: str,
    breaks: tuple[tuple[int, str], ...],
    starts: tuple[tuple[int, int], ...],
) -> tuple[str, tuple[tuple[int, str], ...], tuple[tuple[int, int], ...]]:
    """A paragraph's content without the watermarks spliced into it, and where they stood.

    The watermarks join the line breaks as (offset, raw) pairs, which the lossless renderer
    puts back (`ParagraphLayout.breaks`), so the sentence a watermark split reads whole again.
    A watermark a line break runs through is left alone. ``starts`` (offsets of the lines'
    starts) move with the text.
    """
    spans = [(s, e) for s, e in _find_watermarks(content) if not any(s < o < e for o, _ in breaks)]
    if not spans:
        return content, breaks, starts

    def moved(offset: int) -> int:
        # what the watermarks before ``offset`` took out
        return offset - sum(min(e, offset) - s for s, e in spans if s < offset)

    # a line break and a watermark at one offset: the break was written first
    events = sorted(
        [(o, 0, raw) for o, raw in breaks] + [(s, 1, content[s:e]) for s, e in spans],
        key=lambda ev: (ev[0], ev[1]),
    )
    pieces = []
    at = 0
    for s, e in spans:
        pieces.append(content[at:s])
        at = e
    pieces.append(content[at:])
    kept = tuple((moved(o), raw) for o, _, raw in events)
    return "".join(pieces), kept, tuple((moved(o), n) for o, n in starts)


def _breaks_in(raw: str) -> int:
    """How many line breaks a blank line (or a run of them) holds; at least 1."""
    n = raw.count("\n") + raw.count("\r") - raw.count("\r\n")
    return n if n > 1 else 1


def heading_stop(c: Classified, i: int, end: int, heading_text: str) -> tuple[int, bool]:
    """Where the heading on line ``i`` stops, and whether its run-in text may join later lines.

    Args:
        c: the classified lines.
        i: the heading's line.
        end: one past the last line the heading's paragraph may reach.
        heading_text: the line's text after its marker and the spaces after it.

    Returns:
        The index of the stop in ``heading_text`` (-1 when the heading stands alone), and
        ``False`` when the lines after must not be joined to the run-in text.
    """
    stop_at = find_heading_stop(heading_text)
    text = c.lines[i].text
    # the common case, cheap tests first: no stop, or a line that ends a sentence
    if stop_at < 0 or len(text) < JOIN_MIN or text[-1] in TERMINAL:
        return stop_at, True
    if not leaves_open(heading_text):
        return stop_at, True
    # A bracket left open on a heading line broken mid-sentence may close on the next line,
    # where the official form, one line a paragraph, puts it: decide on the joined lines. A
    # stop that then falls past this line, or none at all, leaves the stop found here, and the
    # next lines make a paragraph of their own.
    whole, last = joined(c, i, end)
    if last == i:
        return stop_at, True
    offset = len(c.lines[i].text) - len(heading_text)
    whole_at = find_heading_stop(whole, offset)
    if 0 <= whole_at < len(c.lines[i].text):
        return whole_at - offset, True
    return stop_at, False


def heading_runs_on(c: Classified, i: int, end: int) -> bool:
    """Whether the heading on line ``i`` is run in and its text may go on at the next line."""
    marker = c.markers[i]
    if marker is None:
        return False
    rest = c.lines[i].text[len(marker.raw) :]
    heading_text = rest.lstrip(SPACE)
    stop_at, join = heading_stop(c, i, end, heading_text)
    return join and stop_at >= 0 and heading_text[stop_at + 1 :].strip(SPACE) != ""


def build_tree(c: Classified, start: int, end: int) -> Tree:
    """Build sections and paragraphs from lines[start:end].

    ``end`` is one past the last line with text, so every blank or clutter line in the range
    stands before some block and goes into its ``before``.
    """
    return _TreeBuilder(c).build(start, end)


class _TreeBuilder:
    __slots__ = ("c", "last_point", "tree")

    def __init__(self, c: Classified) -> None:
        self.c = c
        self.tree = Tree()
        self.last_point = 0

    def build(self, start: int, end: int) -> Tree:
        c = self.c
        lines, kinds, markers = c.lines, c.kinds, c.markers
        tree = self.tree
        pending: list[str] = []
        stack: list[Section] = []
        target = tree.preamble
        blank_run = 0
        first = True
        # collected in local lists, for the document's habits
        gaps = tree.gaps
        indents = tree.indents
        i = start
        while i < end:
            kind = kinds[i]
            line = lines[i]
            if kind == BLANK or kind == CLUTTER:  # noqa: SIM109 - no tuple built per line
                pending.append(line.raw)
                if kind == BLANK:
                    end_ = line.end
                    blank_run += 1 if len(end_) == 1 else _breaks_in(end_)
                i += 1
                continue
            if not first:
                gaps.append(blank_run)
            first = False
            blank_run = 0
            indents.append(line.indent)
            if pending:
                before = "".join(pending)
                pending.clear()
            else:
                before = ""
            if kind == ROW:
                table, i = self._table(before, i, end)
                target.append(table)
            elif kind == HEAD:
                marker = markers[i]
                assert marker is not None
                markers[i] = None  # freed as the sections are made: a lower peak
                while stack and stack[-1].level >= marker.level:
                    stack.pop()
                siblings = stack[-1].subsections if stack else tree.sections
                number = marker.number
                if not number:
                    # a heading the format marked without a number: next in its run
                    prev = siblings[-1] if siblings else None
                    number = (
                        prev.number + 1 if prev is not None and prev.level == marker.level else 1
                    )
                section, i = self._section(line, marker, number, before, i, end)
                siblings.append(section)
                stack.append(section)
                target = section.body
            else:
                paragraph, i = self._paragraph(line.text, line.indent, before, False, i, end)
                target.append(paragraph)
        return tree

    def _table(self, before: str, i: int, end: int) -> tuple[Table, int]:
        """The table whose rows start at line ``i``: every adjacent `ROW` line."""
        lines, kinds = self.c.lines, self.c.kinds
        first = i
        rows: list[list[str]] = []
        raw: list[tuple[str, str, str]] = []
        while i < end and kinds[i] == ROW:
            line = lines[i]
            cells = line.cells
            rows.append(list(cells) if cells is not None else line.text.split("\t"))
            raw.append((line.indent, line.text, line.end))
            i += 1
        head, last = lines[first], lines[i - 1]
        layout = _table_layout(before, head.indent, last.end, head.number, tuple(raw))
        return _make_table(rows, layout), i

    def _section(
        self, line: Line, marker: Marker, number: int, before: str, i: int, end: int
    ) -> tuple[Section, int]:
        text = line.text
        raw_marker = marker.raw
        rest = text[len(raw_marker) :]
        heading_text = rest.lstrip(SPACE)
        gap = rest[: len(rest) - len(heading_text)]
        tree = self.tree
        if raw_marker:
            if marker.level in (2, 4):
                if raw_marker[0] == "(":
                    tree.half += 1
                else:
                    tree.full += 1
            elif marker.level == 3 and raw_marker[-1] in _LEVEL3_SEPARATORS:
                # a house style's own level-3 marker ("第3条") has no separator to copy
                tree.level3.append(raw_marker[-1])
        level = marker.level
        # the layout keeps the marker as a reader of the document sees it: typed, or drawn by
        # the format (Word's list numbering), which the lossless text then shows
        shown = raw_marker or drawn_marker(line)
        stop_at = find_heading_stop(heading_text)
        join = True
        if stop_at >= 0 and len(text) >= JOIN_MIN and text[-1] not in TERMINAL:
            # a run-in heading on a line broken mid-sentence: see heading_stop
            stop_at, join = heading_stop(self.c, i, end, heading_text)
        if stop_at < 0:
            layout = _section_layout(
                before,
                line.indent,
                line.end,
                line.number,
                shown,
                level,
                number,
                gap,
                "",
                False,
            )
            return _make_section(level, number, heading_text, False, None, [], [], layout), i + 1
        tail = heading_text[stop_at + 1 :]
        heading = heading_text[:stop_at].rstrip(SPACE)
        # spaces before the stop belong to the stop, not to the heading
        stop = heading_text[len(heading) : stop_at + 1]
        body_text = tail.lstrip(SPACE)
        if not body_text:
            # spaces after a standalone heading's stop stay with the stop
            layout = _section_layout(
                before, line.indent, line.end, line.number,
                shown, level, number, gap, stop + tail, False,
            )  # fmt: skip
            return _make_section(level, number, heading, False, None, [], [], layout), i + 1
        layout = _section_layout(
            before, line.indent, "", line.number, shown, level, number, gap, stop, True
        )
        paragraph, i = self._paragraph(
            body_text, tail[: len(tail) - len(body_text)], "", True, i, end, join
        )
        # positional, in field order (level, number, heading, run_in, role, body, subsections)
        return _make_section(level, number, heading, True, None, [paragraph], [], layout), i

    def _paragraph(
        self,
        text: str,
        indent: str,
        before: str,
        inline: bool,
        i: int,
        end: int,
        join: bool = True,
    ) -> tuple[Paragraph, int]:
        c = self.c
        line = c.lines[i]
        number = line.number
        # Join the lines of a paragraph broken mid-sentence (see `continues`). Most lines end a
        # sentence: plain text is tested for that first, without a call or a list.
        if (
            not join
            or (not c.hinted and (len(line.text) < JOIN_MIN or line.text[-1] in TERMINAL))
            or not continues(c, i, end, len(line.indent))
        ):
            marks: tuple[tuple[int, str], ...] = ()
            if "." in text:  # every watermark has a web address: most paragraphs need no search
                text, marks, _ = _without_watermarks(text, (), ())
            lead, points, self.last_point = split_points(
                text, self.last_point, number, (), c.point_form
            )
            layout = _paragraph_layout(before, indent, line.end, number, inline, text, marks)
            return _make_paragraph(lead, points, layout), i + 1
        lines = c.lines
        first_indent = len(line.indent)
        parts = [text]
        size = len(text)
        breaks: list[tuple[int, str]] = []
        starts: list[tuple[int, int]] = []
        while True:
            nxt = lines[i + 1]
            breaks.append((size, line.end + nxt.indent))
            starts.append((size, nxt.number))
            parts.append(nxt.text)
            size += len(nxt.text)
            line = nxt
            i += 1
            if not c.hinted and (len(line.text) < JOIN_MIN or line.text[-1] in TERMINAL):
                break
            if not continues(c, i, end, first_indent):
                break
        content = "".join(parts)
        kept = tuple(breaks)
        if "." in content:
            content, kept, starts_kept = _without_watermarks(content, kept, tuple(starts))
            starts = list(starts_kept)
        lead, points, self.last_point = split_points(
            content, self.last_point, number, starts, c.point_form
        )
        layout = _paragraph_layout(before, indent, line.end, number, inline, content, kept)
        return _make_paragraph(lead, points, layout), i + 1
