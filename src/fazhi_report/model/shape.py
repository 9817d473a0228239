"""What no single field can check and no parser is needed for: the shape of a whole report.

Each field of the model checks itself (`fazhi_report.model.guards`). `check_shape` looks at
the report as a whole, by the model's own rules alone: a line break inside a one-line field,
a heading or point title holding the stop that would end it early, numbers no marker can
carry or that skip or repeat, a subsection no deeper than its parent, a run-in heading with
no body, an empty paragraph, a table without cells, with a tab or line break in a cell, or of
a shape plain text cannot carry. It returns the `Problem`\\ s it finds, in document order.

`fazhi_report.roundtrip.validate` runs these checks and adds, at hook points of the same
walk (`ShapeChecker`), the ones that ask the parser how the text would read back (an
addressee, the closing, a paragraph read as a heading, points read back): that module sits
above the parsers and the renderers, this one in the model, below both.

Paths are the one walk's (`fazhi_report.model.traversal`): ``"sections[0].body[1].points[2]"``;
a problem with one field of a node adds the field: ``"sections[0].heading"``; the report
itself is ``""``.
"""

from __future__ import annotations

import re
from collections.abc import Collection

import attrs

from fazhi_report._cues import fold, is_page_clutter
from fazhi_report.model.nodes import Block, Paragraph, Point, Report, Table
from fazhi_report.model.traversal import SectionAt, field, item, walk_sections
from fazhi_report.numbering import match_marker

__all__ = ["MAX_NUMBER", "Problem", "ShapeChecker", "check_shape"]

MAX_NUMBER = 99
"""The largest section or point number that reads back: markers are recognised up to 99."""

# The stops the parser ends a point title and a heading at (see `parsers.builder`); a stop
# inside quotes or brackets does not count, unless the quote is never closed.
_POINT_STOPS = frozenset("。，,；;：:！？!?")
_HEADING_STOPS = frozenset("。：:")
_OPENERS = frozenset("“‘《（(「『〔【[")
_CLOSERS = frozenset("”’》）)」』〕】]")
SPACE = " \t\u3000\xa0"
"""The spaces a line may be padded with (an ideographic space and a no-break one among
them): a cell or a paragraph of only these is empty."""


@attrs.frozen
class Problem:
    """One thing about a report that would not read back as it is, or numbers that skip.

    Attributes:
        path: where the problem is, e.g. ``"sections[0].body[1].points[2].title"``; ``""``
            for the report itself.
        code: the kind of problem, a stable name to filter on: ``"newline"``,
            ``"heading_stop"``, ``"point_title_stop"``, ``"number_too_large"``,
            ``"section_numbering"``, ``"point_numbering"``, ``"run_in_without_body"``,
            ``"level_not_deeper"``, ``"empty_paragraph"``, ``"empty_table"``,
            ``"cell_break"``, ``"table_in_text"`` (found by `check_shape`); and
            ``"reads_as_heading"``, ``"points_read_back"``, ``"reads_as_addressee"``,
            ``"closing_without_sections"``, ``"closing_not_recognised"``,
            ``"reads_as_closing"`` (found by `fazhi_report.roundtrip.validate`, which asks
            the parser).
        message: what is wrong and what would happen, in plain words.
    """

    path: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path or '(report)'}: {self.message}"


def _char_class(chars: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


_HAS_STOP = {stops: _char_class(stops).search for stops in (_POINT_STOPS, _HEADING_STOPS)}


def _first_stop(text: str, stops: frozenset[str]) -> int:
    """The index of the first stop outside quotes and brackets (of any stop if a quote is
    left open), or -1: the rule the parser ends headings and point titles by."""
    if _HAS_STOP[stops](text) is None:
        return -1  # the common case, in one C call
    depth = 0
    first = -1
    for index, char in enumerate(text):
        if char in stops:
            if depth == 0:
                return index
            if first < 0:
                first = index
        elif char in _OPENERS:
            depth += 1
        elif char in _CLOSERS and depth:
            depth -= 1
    return first if depth else -1


class ShapeChecker:
    """One walk over a report that collects `Problem`\\ s, in document order.

    The checks need no parser. A subclass adds its own at three hook points of the same walk
    (`before_preamble`, `paragraph_done`, `after_closing`), so that every problem still comes
    in document order: `fazhi_report.roundtrip` adds the read-back checks so.

    Attributes:
        problems: the problems kept, in document order.
        last_point: the number of the last point seen (points are numbered on across
            paragraphs and sections).
        found: problems found so far, allowed or not.
        counted: problems found and not allowed.
        allow: codes that are found but not kept.
        keep_all: keep every problem, or the first one only (a report of a million sections
            numbered "1." has a million allowed ones).
    """

    def __init__(self, allow: Collection[str] = (), keep_all: bool = True) -> None:
        self.problems: list[Problem] = []
        self.last_point = 0
        self.found = 0
        self.counted = 0
        self.allow = frozenset(allow)
        self.keep_all = keep_all

    def add(self, path: str, code: str, message: str) -> None:
        """Count a problem, and keep it unless its code is allowed."""
        self.found += 1
        if code in self.allow:
            return
        self.counted += 1
        if self.keep_all or not self.problems:
            self.problems.append(Problem(path, code, message))

    def line(self, path: str, name: str, value: str | None, what: str) -> bool:
        """Whether the field ``name`` of the node at ``path`` holds no line break (a problem
        if it does)."""
        if value is not None and ("\n" in value or "\r" in value):
            message = f"{what} holds a line break, so it would read back as two"
            self.add(field(path, name), "newline", message)
            return False
        return True

    def report(self, report: Report) -> None:
        """Walk the whole report: title, addressee, preamble, sections, closing, signature."""
        self.line("", "title", report.title, "the title")
        self.line("", "addressee", report.addressee, "the addressee")
        self.before_preamble(report)
        self.blocks("preamble", report.preamble)
        for at in walk_sections(report):
            self.section(at)
        self.blocks("closing", report.closing)
        self.after_closing(report)
        if report.signature is not None:
            self.line("signature", "organ", report.signature.organ, "the signing organ")

    def before_preamble(self, report: Report) -> None:
        """A hook: called after the title and addressee are checked, before the preamble."""

    def after_closing(self, report: Report) -> None:
        """A hook: called after the closing's blocks are checked, before the signature."""

    def paragraph_done(self, path: str, paragraph: Paragraph, inline: bool, found: int) -> None:
        """A hook: called after a paragraph and its points are checked, ``found`` being
        `found` before it was; `last_point` is still the number before its points."""

    def section(self, at: SectionAt) -> None:
        """Check a section's number, level, heading and run-in, then its body."""
        section, here = at.section, at.path
        expected = at.indexes[-1] + 1
        if section.number > MAX_NUMBER:
            self.add(
                field(here, "number"),
                "number_too_large",
                f"section number {section.number} has no marker the parser reads "
                f"(1 to {MAX_NUMBER})",
            )
        elif section.number != expected:
            self.add(
                field(here, "number"),
                "section_numbering",
                f"section number {section.number} where {expected} is expected "
                "(sections are numbered 1, 2, 3… within their parent)",
            )
        parent = at.parent
        if parent is not None and section.level <= parent.level:
            self.add(
                field(here, "level"),
                "level_not_deeper",
                f"a level-{section.level} section under a level-{parent.level} one would "
                "read back as its sibling, not its subsection",
            )
        heading = section.heading
        if self.line(here, "heading", heading, "the heading"):
            stop = _first_stop(heading, _HEADING_STOPS)
            if stop >= 0:
                self.add(
                    field(here, "heading"),
                    "heading_stop",
                    f"the heading holds {heading[stop]!r}, where the parser would end it "
                    f"(it would read back as {heading[:stop]!r})",
                )
        if section.run_in and not (section.body and isinstance(section.body[0], Paragraph)):
            self.add(
                field(here, "run_in"),
                "run_in_without_body",
                "a run-in heading needs a first body paragraph to run into",
            )
        self.blocks(field(here, "body"), section.body, inline_first=section.run_in)

    def blocks(self, path: str, blocks: list[Block], *, inline_first: bool = False) -> None:
        """Check each block of a list at ``path`` (a body, the preamble, the closing)."""
        for index, block in enumerate(blocks):
            if isinstance(block, Table):
                self.table(item(path, index), block)
            else:
                self.paragraph(item(path, index), block, inline_first and index == 0)

    def table(self, path: str, table: Table) -> None:
        """Check a table: cells, no break inside one, a shape plain text reads back."""
        rows = table.rows
        if not any(rows):
            self.add(path, "empty_table", "a table with no cells would leave nothing to read back")
            return
        for r, row in enumerate(rows):
            for k, cell in enumerate(row):
                if "\t" in cell or "\n" in cell or "\r" in cell:
                    self.add(
                        item(item(field(path, "rows"), r), k),
                        "cell_break",
                        "a cell holds a tab or a line break, which plain text and the other "
                        "formats read as the end of the cell or the row",
                    )
                    return
        widths = {len(row) for row in rows}
        loose = any(cell != cell.strip(SPACE) or not cell for row in rows for cell in row)
        if len(rows) < 2 or len(widths) > 1 or min(widths) < 2 or loose:
            self.add(
                path,
                "table_in_text",
                "plain text reads a table back only as two rows or more of the same number of "
                "cells (two or more), each cell with text and no spaces around it; other "
                "formats keep this table as it is",
            )
            return
        for r, row in enumerate(rows):
            line = "\t".join(row)
            if match_marker(line) is not None or is_page_clutter(fold(line)):
                self.add(
                    item(field(path, "rows"), r),
                    "table_in_text",
                    f"plain text would read the row {line!r} as a heading or as web-page "
                    "clutter, not as a row; other formats keep this table as it is",
                )
                return

    def paragraph(self, path: str, paragraph: Paragraph, inline: bool) -> None:
        """Check a paragraph (``inline``: a run-in heading's first) and its points."""
        found = self.found
        if not paragraph.points and not paragraph.text.strip(SPACE):
            self.add(
                field(path, "text"),
                "empty_paragraph",
                "a paragraph with no text and no points would read back as a blank line",
            )
            return
        self.line(path, "text", paragraph.text, "the paragraph's text")
        last = self.last_point
        if paragraph.points:
            points = field(path, "points")
            for index, point in enumerate(paragraph.points):
                self.point(item(points, index), point, last)
                last = point.number
        self.paragraph_done(path, paragraph, inline, found)
        if paragraph.points:
            self.last_point = paragraph.points[-1].number

    def point(self, path: str, point: Point, last: int) -> None:
        """Check a point's number (after ``last``), its title's stop and its lines."""
        number = point.number
        if number > MAX_NUMBER:
            self.add(
                field(path, "number"),
                "number_too_large",
                f"point number {number} has no marker the parser reads (1 to {MAX_NUMBER})",
            )
        elif number != 1 and number != last + 1:
            self.add(
                field(path, "number"),
                "point_numbering",
                f"point number {number} after point {last}: points go on from the one "
                f"before ({last + 1}) or start again at 1",
            )
        title_ok = self.line(path, "title", point.title, "the point's title")
        self.line(path, "text", point.text, "the point's text")
        if title_ok:
            stop = _first_stop(point.title, _POINT_STOPS)
            if stop >= 0:
                self.add(
                    field(path, "title"),
                    "point_title_stop",
                    f"the title holds {point.title[stop]!r}, where the parser would end it "
                    f"(it would read back as {point.title[:stop]!r})",
                )


def check_shape(report: Report) -> list[Problem]:
    """The problems of a report's shape that no parser is needed to find, in document order.

    Never changes the report and never raises for a well-typed report. What the parser would
    read back differently is `fazhi_report.roundtrip.validate`'s to find (it runs these too).

    Args:
        report: the report to check.

    Returns:
        The problems found; empty when there are none.

    Examples:
        >>> from fazhi_report.model import Report, Section
        >>> [p.code for p in check_shape(Report(sections=[Section(1, 2, "情况")]))]
        ['section_numbering']
    """
    checker = ShapeChecker()
    checker.report(report)
    return checker.problems
