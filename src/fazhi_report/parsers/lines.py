"""Logical lines: what every reader hands the structure builder.

A reader (plain text, DOCX, Markdown, HTML) turns its input into a list of :class:`Line` — the
text of a paragraph-sized line with its indent and ending kept apart, plus optional hints from the
format (a DOCX heading style, a Markdown ``#``). The structure builder works on these alone, so
every format gets the same structure rules.
"""

from __future__ import annotations

import re

__all__ = ["Line", "split_text"]


class Line:
    """One logical line.

    Attributes:
        indent: leading whitespace as written (a byte-order mark on the first line counts too).
        text: the line's text without indent and trailing whitespace.
        end: trailing whitespace and the line ending (``""`` for a last line with none).
        number: the 1-based line number in the source, for error messages and tools.
        heading_level: a heading level the format states (DOCX style, Markdown ``#``), if any.
        is_title: the format marks this line as the document title.
    """

    __slots__ = ("end", "heading_level", "indent", "is_title", "number", "text")

    def __init__(
        self,
        indent: str,
        text: str,
        end: str,
        number: int,
        heading_level: int | None = None,
        is_title: bool = False,
    ) -> None:
        self.indent = indent
        self.text = text
        self.end = end
        self.number = number
        self.heading_level = heading_level
        self.is_title = is_title

    @property
    def raw(self) -> str:
        """The line exactly as written: indent, text and ending."""
        return self.indent + self.text + self.end

    def __repr__(self) -> str:
        return f"Line({self.number}, {self.indent!r}, {self.text!r}, {self.end!r})"


_BREAK = re.compile(r"(\r\n|\r|\n)")


def split_text(text: str) -> list[Line]:
    """Split plain text into lines at CR LF, CR and LF only, keeping every character."""
    parts = _BREAK.split(text)
    lines: list[Line] = []
    append = lines.append
    last = len(parts) - 1
    for k in range(0, last + 1, 2):
        body = parts[k]
        ending = parts[k + 1] if k < last else ""
        if k == last and not body:
            break
        stripped = body.strip()
        if stripped:
            start = body.find(stripped[0])
            indent = body[:start]
            end = body[start + len(stripped) :] + ending
        else:
            indent = ""
            end = body + ending
        append(Line(indent, stripped, end, k // 2 + 1))
    if lines and lines[0].text.startswith("\ufeff"):
        # a byte-order mark that survived decoding belongs to the layout, not to the text
        first = lines[0]
        rest = first.text[1:]
        stripped = rest.lstrip()
        first.indent += "\ufeff" + rest[: len(rest) - len(stripped)]
        first.text = stripped
    return lines
