"""Logical lines: what every reader hands the structure builder.

A reader (plain text, DOCX, Markdown, HTML) turns its input into a list of `Line` — the
text of a paragraph-sized line with its indent and ending kept apart, plus optional hints from the
format (a DOCX heading style, a Markdown ``#``). The structure builder works on these alone, so
every format gets the same structure rules.
"""

from __future__ import annotations

import re

__all__ = ["Line", "split_run_on", "split_text"]


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
    if "\r" in text:
        parts = _BREAK.split(text)
        bodies = parts[0::2]
        endings = [*parts[1::2], ""]
    else:
        # the common case, LF only: str.split is several times faster than a regex split
        bodies = text.split("\n")
        endings = ["\n"] * len(bodies)
        endings[-1] = ""
    if not bodies[-1]:
        bodies.pop()
    lines: list[Line] = []
    append = lines.append
    for k, body in enumerate(bodies):
        stripped = body.strip()
        if len(stripped) == len(body):
            append(Line("", body, endings[k], k + 1))
        elif stripped:
            start = body.find(stripped[0])
            append(Line(body[:start], stripped, body[start + len(stripped) :] + endings[k], k + 1))
        else:
            append(Line("", "", body + endings[k], k + 1))
    if lines and lines[0].text.startswith("\ufeff"):
        # a byte-order mark that survived decoding belongs to the layout, not to the text
        first = lines[0]
        rest = first.text[1:]
        stripped = rest.lstrip()
        first.indent += "\ufeff" + rest[: len(rest) - len(stripped)]
        first.text = stripped
    return lines


# Where a text written without line breaks starts a new block: before a level-1 or level-2
# marker that follows the end of a sentence, and before the signing organ and date at the end.
_WS = "[ \\t\u3000\xa0]"
_RUN_ON_CUT = re.compile(
    rf"(?:(?<=[。：:；;！？!?…”]){_WS}*|{_WS}+)"
    r"(?=[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])"
    rf"|(?:(?<=[。！？!?…”]){_WS}*|{_WS}+)"
    rf"(?=[^。！？!?，,；;：:\s]{{2,30}}?{_WS}*"
    r"(?:\d{4}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十元]{1,2}月[\d一二三四五六七八九十]{1,3}日"
    rf"{_WS}*$)"
)
_SPACE_AFTER_SENTENCE = re.compile(rf"(?<=[。：:！？!?]){_WS}+(?=\S)")
_HEADING_THEN_SPACE = re.compile(
    rf"{_WS}*((?:[一二三四五六七八九十]{{1,3}}、|[（(][一二三四五六七八九十]{{1,3}}[）)])"
    rf"[^。：:！？!?\s]{{1,60}})(?={_WS}+\S)"
)
_RUN_ON_TITLE = re.compile(r"^.{4,80}?(?:报告|总结|報告|總結)(?=[ \t\u3000\xa0]+\S)")
_LEVEL1_INLINE = re.compile(rf"(?:[。：:；;！？!?]{_WS}*|{_WS}+)[一二三四五六七八九十]{{1,3}}、")


def split_run_on(lines: list[Line]) -> list[Line]:
    """Cut lines that hold a whole report (text with no line breaks) into logical lines.

    Only a line holding at least two level-1 headings after sentence ends (``…。二、…``) is
    cut: ordinary paragraphs never do. The pieces keep every character (the spaces found at a
    cut become the next piece's indent), so the text still renders back exactly.
    """
    if not any(len(line.text) > 200 for line in lines):
        return lines
    out: list[Line] = []
    for line in lines:
        text = line.text
        # "二、" is in every run-on report; checking for it first spares the regex on paragraphs
        if len(text) <= 200 or "二、" not in text or len(_LEVEL1_INLINE.findall(text)) < 2:
            out.append(line)
            continue
        cuts = [0]
        title = _RUN_ON_TITLE.match(text)
        if title is not None:
            cuts.append(title.end())
        cuts.extend(m.start() for m in _RUN_ON_CUT.finditer(text) if m.start() > cuts[-1])
        # Text joined with spaces keeps a space where each line ended: after a sentence, and
        # after a heading that has no stop of its own.
        for m in _SPACE_AFTER_SENTENCE.finditer(text):
            cuts.append(m.start())
        for m in _HEADING_THEN_SPACE.finditer(text):
            if m.start() in cuts or m.start() == 0:
                cuts.append(m.end(1))
        cuts = sorted(set(cuts))
        pieces = [text[a:b] for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True)]
        for k, piece in enumerate(pieces):
            body = piece.lstrip()
            indent = line.indent if k == 0 else piece[: len(piece) - len(body)]
            end = line.end if k == len(pieces) - 1 else ""
            out.append(Line(indent, body, end, line.number))
    return out
