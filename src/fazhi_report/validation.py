"""What no single field can check: whether a report would read back as it is.

Each field of the model checks itself (see `fazhi_report.model`). `validate` looks at the
report as a whole and at what its text would be, and returns the `Problem`\\ s it finds: a
heading or point title holding the stop that would end it early, a newline inside a line,
numbers no marker can carry or that skip or repeat, a run-in heading with no body, a
subsection no deeper than its parent, text that would be read as a heading or a point, a
closing the parser would not find (or a paragraph it would take for the closing), a table
without cells, with a tab or line break in a cell, or of a shape plain text cannot carry.
A report with no problems renders in the official form and parses back equal (its derived
facts, ``organ``, ``year`` and roles, aside).

Paths name a node the way JSON paths do, without the leading ``$.``:
``"sections[0].subsections[1].body[0].points[2]"``; the report itself is ``""``. A problem
with one field of a node adds the field: ``"sections[0].heading"``.
"""

from __future__ import annotations

import re
from collections.abc import Collection

import attrs

from fazhi_report._cues import fold, is_page_clutter
from fazhi_report.errors import DataError
from fazhi_report.model import Block, Paragraph, Point, Report, Section, Table
from fazhi_report.numbering import match_marker
from fazhi_report.parsers.builder import split_points
from fazhi_report.parsers.facts import closing_start
from fazhi_report.renderers.lossless import paragraph_text

__all__ = ["ALLOWED", "MAX_NUMBER", "READS_BACK", "Problem", "ensure_valid", "validate"]

MAX_NUMBER = 99
"""The largest section or point number that reads back: markers are recognised up to 99."""

READS_BACK: frozenset[str] = frozenset({"section_numbering"})
"""Problem codes of reports that still read back as they are (sections numbered 1, 3, 4)."""

ALLOWED: frozenset[str] = READS_BACK | {"table_in_text"}
"""The codes `ensure_valid` lets pass by default: `READS_BACK`, and ``"table_in_text"`` (a
table plain text cannot carry as a table is still written out whole, as tab-separated lines,
and Word, Markdown, HTML and JSON keep it as it is)."""

# The stops the parser ends a point title and a heading at (see `parsers.builder`); a stop
# inside quotes or brackets does not count, unless the quote is never closed.
_POINT_STOPS = frozenset("。，,；;：:！？!?")
_HEADING_STOPS = frozenset("。：:")
_OPENERS = frozenset("“‘《（(「『〔【[")
_CLOSERS = frozenset("”’》）)」』〕】]")
_SENTENCE_PUNCT = frozenset("。，,；;！？!?")
_ADDRESSEE_MAX = 25  # the parser's shortest line that may continue on the next
_SPACE = " \t\u3000\xa0"


@attrs.frozen
class Problem:
    """One thing about a report that would not read back as it is, or numbers that skip.

    Attributes:
        path: where the problem is, e.g. ``"sections[0].body[1].points[2].title"``; ``""``
            for the report itself.
        code: the kind of problem, a stable name to filter on: ``"newline"``,
            ``"heading_stop"``, ``"point_title_stop"``, ``"number_too_large"``,
            ``"section_numbering"``, ``"point_numbering"``, ``"run_in_without_body"``,
            ``"level_not_deeper"``, ``"reads_as_heading"``,
            ``"points_read_back"``,
            ``"empty_paragraph"``, ``"reads_as_addressee"``, ``"closing_without_sections"``,
            ``"closing_not_recognised"``, ``"reads_as_closing"``, ``"empty_table"``,
            ``"cell_break"``, ``"table_in_text"``.
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


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


class _Checker:
    def __init__(self, allow: Collection[str] = (), keep_all: bool = True) -> None:
        self.problems: list[Problem] = []
        self.last_point = 0  # the parser numbers points on across paragraphs and sections
        self.found = 0  # problems found, allowed or not
        self.counted = 0  # problems found and not allowed
        # what `ensure_valid` lets pass, and whether to keep more than the first problem: a
        # report of a million sections numbered "1." has a million allowed ones
        self.allow = frozenset(allow)
        self.keep_all = keep_all

    def add(self, path: str, code: str, message: str) -> None:
        self.found += 1
        if code in self.allow:
            return
        self.counted += 1
        if self.keep_all or not self.problems:
            self.problems.append(Problem(path, code, message))

    def line(self, path: str, value: str | None, what: str) -> bool:
        if value is not None and ("\n" in value or "\r" in value):
            self.add(path, "newline", f"{what} holds a line break, so it would read back as two")
            return False
        return True

    def report(self, report: Report) -> None:
        self.line("title", report.title, "the title")
        self.line("addressee", report.addressee, "the addressee")
        first = report.preamble[0] if report.preamble else None
        if report.addressee is None and isinstance(first, Paragraph):
            self.addressee_like(first)
        self.paragraphs("preamble", report.preamble)
        self.sections("sections", report.sections, None)
        self.paragraphs("closing", report.closing)
        self.closing(report)
        if report.signature is not None:
            self.line("signature.organ", report.signature.organ, "the signing organ")

    def addressee_like(self, paragraph: Paragraph) -> None:
        # the parser's rule for an addressee line (主送机关): short, no sentence punctuation,
        # ending in a colon, first after the title
        text = paragraph_text(paragraph).strip(_SPACE)
        if (
            text[-1:] in ("：", ":")
            and 3 <= len(text) < _ADDRESSEE_MAX
            and not any(c in _SENTENCE_PUNCT for c in text)
            and "如下" not in text
        ):
            self.add(
                "preamble[0].text",
                "reads_as_addressee",
                f"a first paragraph such as {text!r} would read back as the addressee (主送机关)",
            )

    def closing(self, report: Report) -> None:
        """Whether the closing reads back as the closing, and only it: the parser takes the
        closing from the end of the last section, from the first paragraph that opens as a
        closing does (新的一年，… 总之，…)."""
        closing = report.closing
        if not report.sections:
            if closing:
                self.add(
                    "closing",
                    "closing_without_sections",
                    "a closing with no section before it would read back as the preamble",
                )
            return
        leaf = report.sections[-1]
        path = f"sections[{len(report.sections) - 1}]"
        while leaf.subsections:
            path += f".subsections[{len(leaf.subsections) - 1}]"
            leaf = leaf.subsections[-1]
        body = leaf.body + closing
        found = closing_start(body, leaf.run_in)  # the parser's own search
        start = len(leaf.body)
        if closing and found != start and (found < 0 or found > start):
            self.add(
                "closing[0]",
                "closing_not_recognised",
                "the closing does not open as a closing does (新的一年，… 总之，…) after text "
                "without points, so it would read back as part of the last section",
            )
        elif 0 <= found < start:
            self.add(
                f"{path}.body[{found}]",
                "reads_as_closing",
                "this paragraph opens as a closing does and only point-free text follows it "
                "to the end of the last section, so it would read back as the closing",
            )

    def sections(self, path: str, sections: list[Section], parent: Section | None) -> None:
        for index, section in enumerate(sections):
            here = f"{path}[{index}]"
            expected = index + 1
            if section.number > MAX_NUMBER:
                self.add(
                    _join(here, "number"),
                    "number_too_large",
                    f"section number {section.number} has no marker the parser reads "
                    f"(1 to {MAX_NUMBER})",
                )
            elif section.number != expected:
                self.add(
                    _join(here, "number"),
                    "section_numbering",
                    f"section number {section.number} where {expected} is expected "
                    "(sections are numbered 1, 2, 3… within their parent)",
                )
            if parent is not None and section.level <= parent.level:
                self.add(
                    _join(here, "level"),
                    "level_not_deeper",
                    f"a level-{section.level} section under a level-{parent.level} one would "
                    "read back as its sibling, not its subsection",
                )
            self.heading(here, section)
            if section.run_in and not (section.body and isinstance(section.body[0], Paragraph)):
                self.add(
                    _join(here, "run_in"),
                    "run_in_without_body",
                    "a run-in heading needs a first body paragraph to run into",
                )
            self.paragraphs(_join(here, "body"), section.body, inline_first=section.run_in)
            self.sections(_join(here, "subsections"), section.subsections, section)

    def heading(self, path: str, section: Section) -> None:
        heading = section.heading
        if not self.line(_join(path, "heading"), heading, "the heading"):
            return
        stop = _first_stop(heading, _HEADING_STOPS)
        if stop >= 0:
            self.add(
                _join(path, "heading"),
                "heading_stop",
                f"the heading holds {heading[stop]!r}, where the parser would end it "
                f"(it would read back as {heading[:stop]!r})",
            )

    def paragraphs(self, path: str, blocks: list[Block], *, inline_first: bool = False) -> None:
        for index, block in enumerate(blocks):
            if isinstance(block, Table):
                self.table(f"{path}[{index}]", block)
                continue
            inline = inline_first and index == 0
            self.paragraph(f"{path}[{index}]", block, inline)

    def table(self, path: str, table: Table) -> None:
        rows = table.rows
        if not any(rows):
            self.add(path, "empty_table", "a table with no cells would leave nothing to read back")
            return
        for r, row in enumerate(rows):
            for k, cell in enumerate(row):
                if "\t" in cell or "\n" in cell or "\r" in cell:
                    self.add(
                        f"{path}.rows[{r}][{k}]",
                        "cell_break",
                        "a cell holds a tab or a line break, which plain text and the other "
                        "formats read as the end of the cell or the row",
                    )
                    return
        widths = {len(row) for row in rows}
        loose = any(cell != cell.strip(_SPACE) or not cell for row in rows for cell in row)
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
                    f"{path}.rows[{r}]",
                    "table_in_text",
                    f"plain text would read the row {line!r} as a heading or as web-page "
                    "clutter, not as a row; other formats keep this table as it is",
                )
                return

    def paragraph(self, path: str, paragraph: Paragraph, inline: bool) -> None:
        found = self.found
        if not paragraph.points and not paragraph.text.strip(_SPACE):
            self.add(
                _join(path, "text"),
                "empty_paragraph",
                "a paragraph with no text and no points would read back as a blank line",
            )
            return
        self.line(_join(path, "text"), paragraph.text, "the paragraph's text")
        last = self.last_point
        for index, point in enumerate(paragraph.points):
            self.point(f"{path}.points[{index}]", point, last)
            last = point.number
        content = paragraph_text(paragraph)
        marker = None if inline else match_marker(content.lstrip(_SPACE))
        if marker is not None:
            self.add(
                _join(path, "text"),
                "reads_as_heading",
                f"the paragraph starts with {marker.raw!r}, so it would read back as a "
                "section heading",
            )
        layout = paragraph.layout
        if self.found == found and (layout is None or layout.content != content):
            # Nothing specific found: read the paragraph back as the parser would. A paragraph
            # whose text is as parsed, with numbers that pass the checks above, reads back
            # as it did, so only built and edited paragraphs need this.
            lead, points, _ = split_points(content, self.last_point)
            got = [(p.number, p.title, p.text) for p in points]
            want = [(p.number, p.title, p.text) for p in paragraph.points]
            if lead != paragraph.text or got != want:
                self.add(
                    path,
                    "points_read_back",
                    f"the paragraph would read back with {len(points)} point(s) "
                    f"{[n for n, _, _ in got]} and lead text {lead[:20]!r}, not as it is "
                    "(a marker such as 二是 inside the text, or a title the parser ends "
                    "elsewhere)",
                )
        if paragraph.points:
            self.last_point = paragraph.points[-1].number

    def point(self, path: str, point: Point, last: int) -> None:
        number = point.number
        if number > MAX_NUMBER:
            self.add(
                _join(path, "number"),
                "number_too_large",
                f"point number {number} has no marker the parser reads (1 to {MAX_NUMBER})",
            )
        elif number != 1 and number != last + 1:
            self.add(
                _join(path, "number"),
                "point_numbering",
                f"point number {number} after point {last}: points go on from the one "
                f"before ({last + 1}) or start again at 1",
            )
        title_ok = self.line(_join(path, "title"), point.title, "the point's title")
        self.line(_join(path, "text"), point.text, "the point's text")
        if title_ok:
            stop = _first_stop(point.title, _POINT_STOPS)
            if stop >= 0:
                self.add(
                    _join(path, "title"),
                    "point_title_stop",
                    f"the title holds {point.title[stop]!r}, where the parser would end it "
                    f"(it would read back as {point.title[:stop]!r})",
                )


def validate(report: Report) -> list[Problem]:
    """Find what would not read back: the checks no single field can make.

    Never changes the report and never raises for a well-typed report: an empty list means
    the report renders (in either text style) and parses back to the same content.

    Args:
        report: the report to check.

    Returns:
        The problems found, in document order; empty when there are none.

    Examples:
        >>> from fazhi_report import Report, Section
        >>> [p.code for p in validate(Report(sections=[Section(1, 2, "情况")]))]
        ['section_numbering']
    """
    checker = _Checker()
    checker.report(report)
    return checker.problems


def ensure_valid(report: Report, *, allow: Collection[str] = ALLOWED) -> None:
    """Raise a `DataError` naming the first problem `validate` finds, if any.

    Meant for writers: ``render`` and ``save`` can call it first, so a report that would not
    read back is refused before a file is written. By default the codes in `ALLOWED` pass:
    numbering that skips or repeats between sibling sections (it reads back as it is, and real
    documents have it) and a table plain text cannot read back as a table; pass ``allow=()``
    to refuse every problem.

    Args:
        report: the report to check.
        allow: problem codes that are not errors here.

    Raises:
        DataError: the report has a problem; the message names its path, and how many more
            there are.
    """
    checker = _Checker(allow, keep_all=False)  # the first problem and how many, no more
    checker.report(report)
    if checker.counted:
        first = checker.problems[0]
        more = f" (and {checker.counted - 1} more)" if checker.counted > 1 else ""
        raise DataError(f"{first}{more}", expected="a report that reads back as it is")
