"""Logical lines: what every reader hands the structure builder.

A reader (plain text, DOCX, Markdown, HTML) turns its input into a list of `Line` — the
text of a paragraph-sized line with its indent and ending kept apart, plus the hints the format
gives (a title, a heading level, a list number Word draws, a paragraph start). The structure
builder works on these alone, so every format gets the same structure rules.
"""

from __future__ import annotations

import re

from fazhi_report import _cues
from fazhi_report.errors import DecodeError
from fazhi_report.numbering import DATE_SEARCH_RE, Marker

__all__ = ["MAX_LINES", "SPACE", "Hints", "Line", "split_run_on", "split_text", "too_many_lines"]

MAX_LINES = 200_000
"""The most lines with text a document may hold: 200,000 (blank lines do not count).

A real report has a few hundred, and 10 MB of real reports about 17,000. Every line with text
becomes at least one node of the report, which with what the analyses and writers hold per
node costs up to about 2 kB: at this limit no command needs more than about 500 MB, whatever
the input (10 MB of four-byte numbered lines would otherwise be 2.5 million sections and
1.5 GB). A document past it is refused with a `fazhi_report.errors.DecodeError`, never read in
part. The Word reader's own limit, `fazhi_report.parsers.docx.MAX_PARAGRAPHS`, is the same."""


def too_many_lines(source: str, line: int | None) -> DecodeError:
    """The error for a document of more than `MAX_LINES` lines with text."""
    return DecodeError(
        f"the document holds more than {MAX_LINES:,} lines with text, more than the library "
        "reads (a report has a few hundred)",
        source=source,
        line=line,
        expected=f"a report of at most {MAX_LINES:,} lines",
    )


class Hints:
    """What a reader's format says about a line beyond its text (all optional).

    Attributes:
        is_title: the format marks the line as (part of) the document title.
        level: the format marks the line as a heading of this level, 1 to 4.
        list_marker: the marker an automatic list draws before the line (Word numbering,
            e.g. ``"一、"`` or ``"（一）"``): read as if typed, but not part of the source text.
        new_paragraph: ``True`` when the line starts a new paragraph, ``False`` when it
            continues the one before (a soft line break), ``None`` to decide by its form.
        cells: the line is a row of a table, with these cell texts (the line's text is the
            cells joined by tabs); consecutive rows make one `fazhi_report.model.Table`.
        marker: a heading marker the reader read at the start of the text in a form of its
            own (a house style's ``第一部分``, see `fazhi_report.parsers.hints`): its ``raw`` is
            the text's first characters. It wins over the markers the builder knows.
    """

    __slots__ = ("cells", "is_title", "level", "list_marker", "marker", "new_paragraph")

    def __init__(
        self,
        is_title: bool = False,
        level: int | None = None,
        list_marker: str | None = None,
        new_paragraph: bool | None = None,
        cells: tuple[str, ...] | None = None,
        marker: Marker | None = None,
    ) -> None:
        self.is_title = is_title
        self.level = level
        self.list_marker = list_marker
        self.new_paragraph = new_paragraph
        self.cells = cells
        self.marker = marker

    def __repr__(self) -> str:
        return (
            f"Hints(is_title={self.is_title!r}, level={self.level!r}, "
            f"list_marker={self.list_marker!r}, new_paragraph={self.new_paragraph!r}, "
            f"cells={self.cells!r}, marker={self.marker!r})"
        )


class Line:
    """One logical line.

    A plain-text line carries no hints (``hints`` is ``None``, one pointer per line); readers of
    richer formats pass what the format says as keyword arguments.

    Attributes:
        indent: leading whitespace as written (a byte-order mark on the first line counts too).
        text: the line's text without indent and trailing whitespace.
        end: trailing whitespace and the line ending (``""`` for a last line with none). A run of
            blank lines may be one `Line` whose ``end`` holds every line ending of the run.
        number: the 1-based line number in the source, for error messages and tools.
        hints: what the reader's format says about the line, or ``None``.
    """

    __slots__ = ("end", "hints", "indent", "number", "text")

    def __init__(
        self,
        indent: str,
        text: str,
        end: str,
        number: int,
        is_title: bool = False,
        *,
        level: int | None = None,
        list_marker: str | None = None,
        new_paragraph: bool | None = None,
        cells: tuple[str, ...] | None = None,
    ) -> None:
        self.indent = indent
        self.text = text
        self.end = end
        self.number = number
        # plain text (one line per source line) passes no hints: one test, no object
        self.hints: Hints | None = (
            None
            if level is None
            and list_marker is None
            and new_paragraph is None
            and cells is None
            and not is_title
            else Hints(is_title, level, list_marker, new_paragraph, cells)
        )

    @property
    def is_title(self) -> bool:
        """The format marks this line as the document title (a DOCX Title style, a ``#``)."""
        return self.hints is not None and self.hints.is_title

    @property
    def level(self) -> int | None:
        """The heading level the format gives this line, if any."""
        return None if self.hints is None else self.hints.level

    @property
    def list_marker(self) -> str | None:
        """The marker an automatic list draws before this line, if any."""
        return None if self.hints is None else self.hints.list_marker

    @property
    def new_paragraph(self) -> bool | None:
        """Whether the line starts a new paragraph (``None``: decide by the text's form)."""
        return None if self.hints is None else self.hints.new_paragraph

    @property
    def cells(self) -> tuple[str, ...] | None:
        """The cell texts when the format says the line is a table row, else ``None``."""
        return None if self.hints is None else self.hints.cells

    @property
    def raw(self) -> str:
        """The line exactly as written: indent, text and ending."""
        return self.indent + self.text + self.end

    def __repr__(self) -> str:
        return f"Line({self.number}, {self.indent!r}, {self.text!r}, {self.end!r})"


_BREAK = re.compile(r"(\r\n|\r|\n)")
# What str.strip() strips, and the byte-order mark (U+FEFF, a zero-width no-break space), which
# concatenated files and copied text leave at the start of lines: layout, never text.
SPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + "\ufeff"


def split_text(text: str, *, source: str = "<string>") -> list[Line]:
    """Split plain text into lines at CR LF, CR and LF only, keeping every character.

    A run of blank lines (nothing but spaces) becomes one `Line` whose ``end`` holds the whole
    run, so that a text of millions of blank lines costs a few records, not millions.

    Raises:
        DecodeError: the text holds more than `MAX_LINES` lines with text (``source`` names
            it in the message); raised as soon as the line past the limit is reached.
    """
    endings: list[str] | None
    if "\r" in text:
        parts = _BREAK.split(text)
        bodies = parts[0::2]
        endings = [*parts[1::2], ""]
    else:
        # the common case, LF only: str.split is several times faster than a regex split, and
        # every line but the last ends in "\n"
        bodies = text.split("\n")
        endings = None
    unterminated = bool(bodies[-1])  # the text does not end with a line break
    if not unterminated:
        bodies.pop()
    lines: list[Line] = []
    append = lines.append
    run = -1  # the first line of the current run of blank lines
    left = MAX_LINES  # lines with text still allowed: counted down, cheaper than len()
    for k, body in enumerate(bodies):
        stripped = body.strip(SPACE)
        if not stripped:
            if run < 0:
                run = k
            continue
        left -= 1
        if left < 0:
            raise too_many_lines(source, k + 1)
        if run >= 0:
            append(_blank_run(bodies, endings, run, k))
            run = -1
        end = "\n" if endings is None else endings[k]
        if len(stripped) == len(body):
            append(Line("", body, end, k + 1))
        else:
            start = body.find(stripped[0])
            append(Line(body[:start], stripped, body[start + len(stripped) :] + end, k + 1))
    if run >= 0:
        append(_blank_run(bodies, endings, run, len(bodies)))
    if endings is None and unterminated:
        lines[-1].end = lines[-1].end[:-1]  # the last line has no "\n" after all
    return lines


def _blank_run(bodies: list[str], endings: list[str] | None, start: int, stop: int) -> Line:
    """One line holding the blank lines bodies[start:stop] with their line ends."""
    if stop - start == 1:
        raw = bodies[start] + ("\n" if endings is None else endings[start])
    elif endings is None:
        raw = "\n".join(bodies[start:stop]) + "\n"
    else:
        raw = "".join(map(str.__add__, bodies[start:stop], endings[start:stop]))
    return Line("", "", raw, start + 1)


# Where a text written without line breaks starts a new block: at a level-1 or level-2 marker
# after the end of a sentence or a space, and at the signing organ and date at the end. Cuts are
# zero-width and every pattern looks at a fixed number of characters before its start, so a
# long run of spaces costs linear time, not quadratic.
_WS = "[ \\t\u3000\xa0]"
_MARKER = (
    r"(?:[一二三四五六七八九十]{1,3}、"
    r"|[（(][ \u3000]?[一二三四五六七八九十]{1,3}[ \u3000]?[）)])"  # "（ 一 ）": padded
)
_RUN_ON_CUT = re.compile(
    rf"(?<=[。：:；;！？!?…” \t\u3000\xa0])(?={_MARKER})"
    r"|(?<=[。！？!?…” \t\u3000\xa0])(?=[^。！？!?，,；;：:\s]{2,30}?[ \t\u3000\xa0]{0,8}"
    r"(?:[0-9０-９]{4}|[〇零一二三四五六七八九]{4})年[0-9０-９一二三四五六七八九十元]{1,2}月"
    r"[0-9０-９一二三四五六七八九十]{1,3}日"
    r"[ \t\u3000\xa0]*$)"
)
# Text joined with spaces keeps a space where each line ended: after a sentence, and after a
# heading that has no stop of its own.
_SPACE_AFTER_SENTENCE = re.compile(rf"(?<=[。：:！？!?]){_WS}")
_HEADING_THEN_SPACE = re.compile(rf"{_MARKER}[^。：:！？!?\s（(]{{1,60}}(?={_WS})")
# the title ends before a space, or before the year the preamble opens with ("…报告2024年，")
_RUN_ON_TITLE = re.compile(
    r".{4,80}?(?:报告|总结|報告|總結)(?=[ \t\u3000\xa0]|(?:19|20)[0-9]{2}[ \t\u3000\xa0]?年[，,])"
)
_TITLE_WORDS = re.compile(r"报告|总结|報告|總結").search
# the signing organ glued to the date that ends the text ("…公安局2025年1月20日")
_RUN_ON_DATE = re.compile(
    rf"(?<=[局委府厅院办室所队处心部站])(?:{DATE_SEARCH_RE.pattern})[ \t\u3000\xa0]*$"
)
# the closing words of a report glued after its last sentence ("…。特此报告。")
_RUN_ON_CLOSING = re.compile(r"(?<=[。！？!?])特此报告[。.]?")
_LEVEL1_START = re.compile(r"[一二三四五六七八九十]{1,3}、")
_LEVEL2_INSIDE = re.compile(r"[（(][ \u3000]?[一二三四五六七八九十]{1,3}[ \u3000]?[）)]")
_HEADING_STOP = re.compile(r"[。：:！？!?；;，,]")
# a heading may hold commas; a level-2 marker before its first full stop starts a new line
_SENTENCE_STOP = re.compile(r"[。：:！？!?；;]")
# a site's name, slogan and web address opening a text written without line breaks
_LEADING_WATERMARK = re.compile(r"[^。，,；;：:\s]{2,40}?" + _cues.WEB_ADDRESS)
_LEVEL1_INLINE = re.compile(r"(?<=[。：:；;！？!? \t\u3000\xa0])[一二三四五六七八九十]{1,3}、")


def _cut_glued_headings(text: str, cuts: set[int]) -> None:
    """Add cuts after level-1 headings glued to what follows them.

    "一、主要举措和成效（一）加强…": the level-2 marker starts a new line. "二、存在的不足虽然
    今年…": a heading that opens with a standard part name and has no stop right after it ends
    where the name ends.
    """
    for at in sorted(cuts):
        m = _LEVEL1_START.match(text, at)
        if m is None:
            continue
        part = _cues.PART_NAME.match(text, m.end())
        if part is not None and not _HEADING_STOP.match(text, part.end()):
            nxt = _LEVEL2_INSIDE.match(text, part.end())
            cuts.add(part.end() if nxt is None else nxt.start())
            continue
        stop = _SENTENCE_STOP.search(text, m.end(), m.end() + 60)
        inner = _LEVEL2_INSIDE.search(text, m.end(), m.end() + 60)
        if inner is not None and (stop is None or inner.start() < stop.start()):
            cuts.add(inner.start())


def split_run_on(lines: list[Line]) -> list[Line]:
    """Cut lines that hold a whole report (text with no line breaks) into logical lines.

    Only a line holding at least two level-1 headings after sentence ends (``…。二、…``) is
    cut, or one, when the text's first long line opens with a report's title (a page's
    opening, cut short): ordinary paragraphs never do. The pieces keep every character
    (spaces at a cut become the indent of the next piece and the end of the one before), so the
    text renders back exactly.
    """
    if not any(len(line.text) > 200 for line in lines):
        return lines
    out: list[Line] = []
    first_long = True
    for line in lines:
        text = line.text
        if len(text) <= 200:
            out.append(line)
            continue
        # a report cut short (a page's opening) holds one level-1 heading: the title that opens
        # the line says it is a whole report all the same. Only the first long line is asked
        # (a title opens the text), and only its first hundred characters.
        head = text[:120] if first_long else ""
        first_long = False
        if "、" not in text:
            out.append(line)
            continue
        lead = _LEADING_WATERMARK.match(text) if "." in head else None
        title = (
            _RUN_ON_TITLE.match(text, 0 if lead is None else lead.end())
            if head and _TITLE_WORDS(head) is not None
            else None
        )
        if title is None:
            if "二、" not in text or len(_LEVEL1_INLINE.findall(text)) < 2:
                out.append(line)
                continue
        elif _LEVEL1_INLINE.search(text) is None:
            out.append(line)
            continue
        cuts = {0, *(m.start() for m in _RUN_ON_CUT.finditer(text))}
        if title is not None:
            cuts.add(title.end())
        if lead is not None:
            cuts.add(lead.end())
        date = _RUN_ON_DATE.search(text)
        if date is not None:
            cuts.add(date.start())
        closing = _RUN_ON_CLOSING.search(text)
        if closing is not None:
            cuts.add(closing.start())
        _cut_glued_headings(text, cuts)
        cuts.update(m.start() for m in _SPACE_AFTER_SENTENCE.finditer(text))
        for m in _HEADING_THEN_SPACE.finditer(text):
            if m.start() in cuts:
                cuts.add(m.end())
        ordered = sorted(cuts)
        pieces = [text[a:b] for a, b in zip(ordered, [*ordered[1:], len(text)], strict=True)]
        carry = line.indent  # spaces waiting for the next piece with text
        first = len(out)
        for piece in pieces:
            body = piece.strip(SPACE)
            if not body:
                carry += piece
                continue
            start = piece.index(body[0])
            out.append(Line(carry + piece[:start], body, piece[start + len(body) :], line.number))
            carry = ""
        if len(out) == first:  # cannot happen for a line with text, but never lose a byte
            out.append(line)
        else:
            out[-1].end += carry + line.end
    return out
