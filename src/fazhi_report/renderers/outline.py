"""The outline renderer: a report's structure as short lines, as ``fazhi-report inspect``
prints it.

```python
import fazhi_report as fr

print(fr.render(fr.load("report.txt"), "outline"), end="")
```

The outline is for reading, not for reading back: the format has a renderer and no parser,
and no file suffix.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from fazhi_report.model import Paragraph, Report, Section
from fazhi_report.numbering import format_marker, format_point_marker
from fazhi_report.registry import Renderer

__all__ = ["OutlineRenderer", "outline"]

_INDENT = "  "
_NONE = "(none)"
_NO_ORGAN = "(none: the text names no organ)"


def _one_line(text: str) -> str:
    """``text`` on a single line, so that every outline entry stays one line."""
    return " ".join(text.splitlines())


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _marker(level: int, number: int) -> str:
    try:
        return format_marker(level, number)
    except ValueError:
        # A report read from JSON may carry numbers no marker can show; describe them instead.
        return f"[level {level} #{number}] "


def _point_marker(number: int) -> str:
    try:
        return format_point_marker(number)
    except ValueError:
        return f"[point #{number}]"


def _blocks(blocks: Sequence[object]) -> str:
    """``"2 paragraphs"``, and the tables among them when there are any."""
    paragraphs = sum(1 for block in blocks if isinstance(block, Paragraph))
    tables = len(blocks) - paragraphs
    return _count(paragraphs, "paragraph") + (f", {_count(tables, 'table')}" if tables else "")


def _section(section: Section, depth: int, lines: list[str]) -> None:
    indent = _INDENT * depth
    entry = f"{indent}{_marker(section.level, section.number)}{_one_line(section.heading)}"
    if section.run_in:
        entry += " [run-in]"
    if section.role is not None:
        entry += f" [{section.role.value}]"
    entry += f" ({_blocks(section.body)})"
    lines.append(entry)
    for point in section.points:
        lines.append(f"{indent}{_INDENT}{_point_marker(point.number)} {_one_line(point.title)}")
    for sub in section.subsections:
        _section(sub, depth + 1, lines)


def outline(report: Report) -> list[str]:
    """The lines of ``report``'s outline, without line ends.

    Title, organ and year; the addressee and the web-page metadata when the report has them;
    the number of preamble paragraphs; every section with its official marker, heading,
    ``[run-in]``, ``[role]`` and number of body paragraphs, followed by its points' titles,
    indented two spaces per nesting depth (a point two further than its section); the number
    of closing paragraphs and the signature. A missing value is ``(none)``; a missing organ
    says why (a text that only says 我局 names no organ).
    """
    lines = [
        f"title: {_one_line(report.title) if report.title is not None else _NONE}",
        f"organ: {report.organ if report.organ is not None else _NO_ORGAN}",
        f"year: {report.year if report.year is not None else _NONE}",
    ]
    if report.addressee is not None:
        lines.append(f"addressee: {report.addressee}")
    if report.page.published is not None:
        lines.append(f"page published: {report.page.published.isoformat()}")
    if report.page.source is not None:
        lines.append(f"page source: {report.page.source}")
    lines.append(f"preamble: {_blocks(report.preamble)}")
    lines.append("sections:" if report.sections else f"sections: {_NONE}")
    for section in report.sections:
        _section(section, 1, lines)
    lines.append(f"closing: {_blocks(report.closing)}")
    signature = report.signature
    if signature is None:
        lines.append(f"signature: {_NONE}")
    else:
        organ = signature.organ if signature.organ is not None else _NONE
        date = signature.date.isoformat() if signature.date is not None else _NONE
        lines.append(f"signature: {organ}, {date}")
    return lines


class OutlineRenderer(Renderer):
    """The ``outline`` format: `outline`'s lines, each ending in a line feed.

    One style, ``default``; no options.
    """

    styles: ClassVar[tuple[str, ...]] = ("default",)

    def render(self, report: Report, *, style: str) -> str:
        """The outline of ``report`` as text."""
        return "".join(f"{line}\n" for line in outline(report))
