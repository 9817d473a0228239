"""The lossless text printer: the source, byte for byte, with edits applied.

It walks the model and writes each node from its layout record: a node left as parsed gives
back its source text exactly; an edited node is written anew from its content and the pieces of
its layout that still apply (indent, marker style, line end); a node built in code is written in
the document's detected `fazhi_report.layout.Habits`, with the markers and stops of
`fazhi_report.official`. It needs a report with layout; `fazhi_report.renderers.text`
chooses between it and the official template.
"""

from __future__ import annotations

from fazhi_report.layout import Habits, ParagraphLayout, ReportLayout
from fazhi_report.model import Block, Paragraph, Point, Report, Section, Signature, Table
from fazhi_report.numbering import format_date, format_point_marker, match_marker
from fazhi_report.official import heading_marker
from fazhi_report.official import point_text as official_point_text

__all__ = ["block_text", "paragraph_text", "point_text", "render_lossless"]


def _apart(marker: str, heading: str) -> str:
    """A space where an edited heading would run into its marker as written ("3." + "1.新")."""
    if not marker:
        return ""
    found = match_marker(marker + heading)
    return "" if found is not None and found.raw == marker else " "


def point_text(point: Point) -> str:
    """A point as written in the source, or in official form if it was built or renumbered."""
    layout = point.layout
    if layout is None:
        return official_point_text(point)
    marker = layout.marker if layout.number == point.number else format_point_marker(point.number)
    # a title that had no stop needs one once text follows it
    stop = layout.stop if layout.stop or not point.text else "。"
    return marker + point.title + stop + point.text


def paragraph_text(paragraph: Paragraph) -> str:
    """The whole text of a paragraph: its lead text followed by its points."""
    if not paragraph.points:
        return paragraph.text
    return paragraph.text + "".join(point_text(p) for p in paragraph.points)


def block_text(block: Block) -> str:
    """The whole text of a paragraph, or a table's rows as lines of tab-separated cells."""
    if isinstance(block, Table):
        return "\n".join("\t".join(row) for row in block.rows)
    return paragraph_text(block)


def _with_breaks(content: str, layout: ParagraphLayout) -> str:
    """Put back the line breaks of a paragraph that was broken over several lines.

    Breaks in the unchanged start and end of an edited paragraph stay where they were.
    """
    breaks = layout.breaks
    if not breaks:
        return content
    old = layout.content
    if content != old:
        prefix = 0
        limit = min(len(old), len(content))
        while prefix < limit and old[prefix] == content[prefix]:
            prefix += 1
        suffix = 0
        while suffix < limit - prefix and old[len(old) - 1 - suffix] == content[-1 - suffix]:
            suffix += 1
        shift = len(content) - len(old)
        kept = []
        for offset, raw in breaks:
            if offset <= prefix:
                kept.append((offset, raw))
            elif offset >= len(old) - suffix:
                kept.append((offset + shift, raw))
        breaks = tuple(kept)
    pieces = []
    at = 0
    for offset, raw in breaks:
        pieces.append(content[at:offset])
        pieces.append(raw)
        at = offset
    pieces.append(content[at:])
    return "".join(pieces)


class _Printer:
    def __init__(self, layout: ReportLayout) -> None:
        self.layout = layout
        self.habits: Habits = layout.habits
        self.out: list[str] = []

    def new_block(self) -> None:
        """Start a node that has no layout: end the current line, add the usual blank lines."""
        out = self.out
        habits = self.habits
        tail = next((piece for piece in reversed(out) if piece), "")
        if tail and tail[-1] not in "\r\n":
            out.append(habits.line_end)
        if tail:
            out.append(habits.line_end * habits.blank_lines)

    def block(self, block: Block) -> None:
        if isinstance(block, Table):
            self.table(block)
        else:
            self.paragraph(block)

    def table(self, table: Table) -> None:
        """A table's rows as written; an edited row, or a table built in code, tab-separated."""
        out = self.out
        layout = table.layout
        if layout is None:
            self.new_block()
            for row in table.rows:
                out.append("\t".join(row) + self.habits.line_end)
            return
        out.append(layout.before)
        written = layout.rows
        end = self.habits.line_end
        for k, row in enumerate(table.rows):
            text = "\t".join(row)
            if k < len(written):
                indent, was, row_end = written[k]
                out.append(indent + (was if was == text else text) + row_end)
            else:
                out.append(text + end)

    def paragraph(self, paragraph: Paragraph, inline: bool = False) -> None:
        out = self.out
        layout = paragraph.layout
        content = paragraph_text(paragraph)
        if inline:
            out.append(layout.indent if layout is not None and layout.inline else "")
        elif layout is not None and not layout.inline:
            out.append(layout.before)
            out.append(layout.indent)
        else:
            self.new_block()
            out.append(self.habits.indent)
        if layout is None:
            out.append(content)
            out.append(self.habits.line_end)
            return
        out.append(_with_breaks(content, layout))
        out.append(layout.end)

    def section(self, section: Section) -> None:
        out = self.out
        habits = self.habits
        layout = section.layout
        if layout is not None:
            out.append(layout.before)
            out.append(layout.indent)
            if layout.level == section.level and layout.number == section.number:
                out.append(layout.marker)
                out.append(layout.gap or _apart(layout.marker, section.heading))
            else:
                # renumbered: keep the brackets or separator this heading was written with
                own = layout.marker
                out.append(
                    heading_marker(
                        section,
                        half_width=own[:1] == "(" if layout.level == section.level else False,
                        level3_separator=own[-1]
                        if layout.level == section.level == 3
                        else self.habits.level3_separator,
                    )
                )
        else:
            self.new_block()
            out.append(habits.indent)
            out.append(self.marker(section))
        out.append(section.heading)
        body = section.body
        was_run_in = layout is not None and layout.run_in
        first = body[0] if body else None
        if section.run_in and type(first) is Paragraph:
            out.append(layout.stop if layout is not None and was_run_in else "。")
            self.paragraph(first, inline=True)
            body = body[1:]
        elif layout is not None and not was_run_in:
            out.append(layout.stop)
            out.append(layout.end)
        else:
            out.append(habits.line_end)
        for block in body:
            self.block(block)
        for sub in section.subsections:
            self.section(sub)

    def marker(self, section: Section) -> str:
        return heading_marker(
            section,
            half_width=self.habits.half_width,
            level3_separator=self.habits.level3_separator,
        )

    def signature(self, signature: Signature) -> None:
        out = self.out
        layout = signature.layout
        if layout is not None:
            out.append(layout.before)
            same_organ = layout.organ == signature.organ
            if same_organ and layout.date == signature.date:
                out.append(layout.raw)
                return
            # one of the two changed: put it in place of the old one, leave the rest as written
            if same_organ and signature.date is not None and layout.date_text in layout.raw:
                new_date = format_date(signature.date, layout.date_style)
                out.append(layout.raw.replace(layout.date_text, new_date, 1))
                return
            if (
                layout.date == signature.date
                and layout.organ
                and signature.organ
                and layout.raw.count(layout.organ) == 1
            ):
                out.append(layout.raw.replace(layout.organ, signature.organ))
                return
            indent, date_style = layout.indent, layout.date_style
        else:
            self.new_block()
            indent, date_style = "", "arabic"
        end = self.habits.line_end
        if signature.organ:
            out.append(indent + signature.organ + end)
        if signature.date is not None:
            out.append(indent + format_date(signature.date, date_style) + end)

    def report(self, report: Report) -> str:
        layout = self.layout
        out = self.out
        out.append(layout.lead)
        title_layout = layout.title
        if report.title is not None:
            if title_layout is not None and title_layout.title == report.title:
                out.append(title_layout.raw)
            elif title_layout is not None:
                out.append(title_layout.indent + report.title + title_layout.end)
            else:
                self.new_block()
                out.append(report.title + self.habits.line_end)
        out.append(layout.header)
        if report.addressee is not None:
            addressee = layout.addressee
            if addressee is not None and addressee.addressee == report.addressee:
                out.append(addressee.before)
                out.append(addressee.raw)
            else:
                self.new_block()
                out.append(report.addressee + "：" + self.habits.line_end)
        for block in report.preamble:
            self.block(block)
        for section in report.sections:
            self.section(section)
        for block in report.closing:
            self.block(block)
        if report.signature is not None:
            self.signature(report.signature)
        out.append(layout.trailing)
        return "".join(out)


def render_lossless(report: Report) -> str:
    """Render a report as plain text, giving back its source exactly where it was not edited.

    Raises:
        ValueError: the report has no layout (built in code, or read from JSON without layout):
            there is no source to be lossless to.
    """
    if report.layout is None:
        raise ValueError("a report without layout has no source text to give back")
    return _Printer(report.layout).report(report)
