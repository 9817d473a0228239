"""What no single field can check: whether a report would read back as it is.

This module sits above both the parsers and the renderers: it asks the parser's own rules
(`split_points`, `closing_start`) how the text the renderers would write reads back.
`fazhi_report.render` and `fazhi_report.save` run `ensure_valid` before a renderer that
`Renderer.reads_back` says needs it; the renderers themselves never import this module, so
writing a Word file loads no parser. `fazhi_report.validation` names the same functions.

Each field of the model checks itself (see `fazhi_report.model`), and the shape of the whole
report is checked in the model too, with no parser (`fazhi_report.model.shape.check_shape`:
line breaks, stops, numbering, levels, run-in headings, empty paragraphs, tables). `validate`
runs those checks and adds, at the hook points of the same walk, what only the parser can
tell: text that would be read as a heading or a point, an addressee, a closing the parser
would not find (or a paragraph it would take for the closing). It returns the `Problem`\\ s
it finds, in document order. A report with no problems renders in the official form and
parses back equal (its derived facts, ``organ``, ``year`` and roles, aside).

Paths name a node the way JSON paths do, without the leading ``$.``:
``"sections[0].subsections[1].body[0].points[2]"``; the report itself is ``""``. A problem
with one field of a node adds the field: ``"sections[0].heading"``.
"""

from __future__ import annotations

from collections.abc import Collection

from fazhi_report.errors import DataError
from fazhi_report.model import Paragraph, Report
from fazhi_report.model.shape import MAX_NUMBER, SPACE, Problem, ShapeChecker
from fazhi_report.model.traversal import field, item
from fazhi_report.numbering import match_marker
from fazhi_report.parsers.builder import split_points
from fazhi_report.parsers.facts import closing_start
from fazhi_report.renderers.lossless import paragraph_text

__all__ = ["ALLOWED", "MAX_NUMBER", "READS_BACK", "Problem", "ensure_valid", "validate"]

READS_BACK: frozenset[str] = frozenset({"section_numbering"})
"""Problem codes of reports that still read back as they are (sections numbered 1, 3, 4)."""

ALLOWED: frozenset[str] = READS_BACK | {"table_in_text"}
"""The codes `ensure_valid` lets pass by default: `READS_BACK`, and ``"table_in_text"`` (a
table plain text cannot carry as a table is still written out whole, as tab-separated lines,
and Word, Markdown, HTML and JSON keep it as it is)."""

_SENTENCE_PUNCT = frozenset("。，,；;！？!?")
_ADDRESSEE_MAX = 25  # the parser's shortest line that may continue on the next


class _Checker(ShapeChecker):
    """The model's shape checks, and at their hook points the read-back ones."""

    def before_preamble(self, report: Report) -> None:
        first = report.preamble[0] if report.preamble else None
        if report.addressee is None and isinstance(first, Paragraph):
            self.addressee_like(first)

    def addressee_like(self, paragraph: Paragraph) -> None:
        # the parser's rule for an addressee line (主送机关): short, no sentence punctuation,
        # ending in a colon, first after the title
        text = paragraph_text(paragraph).strip(SPACE)
        if (
            text[-1:] in ("：", ":")
            and 3 <= len(text) < _ADDRESSEE_MAX
            and not any(c in _SENTENCE_PUNCT for c in text)
            and "如下" not in text
        ):
            self.add(
                field(item("preamble", 0), "text"),
                "reads_as_addressee",
                f"a first paragraph such as {text!r} would read back as the addressee (主送机关)",
            )

    def after_closing(self, report: Report) -> None:
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
        path = item("sections", len(report.sections) - 1)
        while leaf.subsections:  # down the last children only: the section the closing follows
            path = item(field(path, "subsections"), len(leaf.subsections) - 1)
            leaf = leaf.subsections[-1]
        body = leaf.body + closing
        found = closing_start(body, leaf.run_in)  # the parser's own search
        start = len(leaf.body)
        if closing and found != start and (found < 0 or found > start):
            self.add(
                item("closing", 0),
                "closing_not_recognised",
                "the closing does not open as a closing does (新的一年，… 总之，…) after text "
                "without points, so it would read back as part of the last section",
            )
        elif 0 <= found < start:
            self.add(
                item(field(path, "body"), found),
                "reads_as_closing",
                "this paragraph opens as a closing does and only point-free text follows it "
                "to the end of the last section, so it would read back as the closing",
            )

    def paragraph_done(self, path: str, paragraph: Paragraph, inline: bool, found: int) -> None:
        content = paragraph_text(paragraph)
        marker = None if inline else match_marker(content.lstrip(SPACE))
        if marker is not None:
            self.add(
                field(path, "text"),
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
