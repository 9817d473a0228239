"""The Markdown reader: markdown-it-py's block tokens as logical lines, with hints.

Each block becomes one `Line` for the structure builder, which decides what is a title, a
heading, a point or a signature as for every other format:

- **headings** (ATX ``#`` or setext underlines) carry their depth as a hint. A document whose
  only level-1 heading comes first has it as the title (``# 某某局2024年法治政府建设情况报告``),
  as has one opening with a run of ``#`` headings that read as a title together (the organ,
  then the year's report); the shallowest heading left is level 1 (``##`` after a title).
  A heading that types its own marker (``## 一、…``) is read by the marker; one without a
  marker gets the level from its depth and the next number.
- **paragraphs** are one line each: a soft line break (a hard-wrapped paragraph) joins the text,
  with no space between Chinese characters; a hard line break (two spaces or ``\\`` at a line's
  end) starts a new line of the same paragraph (a signature's organ and date).
- **emphasis, links and code spans** give their text (a run-in heading written in bold,
  ``**（一）加强组织领导**。坚持…``, reads as one); images and inline HTML give none.
- **lists**: each item is a paragraph; an ordered item's number is read as if typed
  (``1.`` is a level-3 marker), a bullet item is a paragraph of its own (``- 一是…``).
- **tables**: a pipe table (or an HTML ``<table>`` in a raw block) is a
  `fazhi_report.model.Table`, its header row the first row.
- **YAML front matter** (between ``---`` lines at the top) is not text; its ``organ``, ``year``
  and ``roles`` keys, as the Markdown renderer writes them, are declared facts
  (`fazhi_report.parsers.contract.DeclaredFacts`), which win over what the builder derives.
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any

from fazhi_report.model import SectionRole
from fazhi_report.numbering import match_marker
from fazhi_report.parsers.contract import DeclaredFacts, ReaderOutput, as_text
from fazhi_report.parsers.forms import is_title_like
from fazhi_report.parsers.lines import SPACE, Line

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = ["front_matter_facts", "markdown_lines", "read_front_matter", "read_markdown"]

_FENCE = ("---", "...")


def read_front_matter(text: str) -> tuple[dict[str, Any], str, int]:
    """Split YAML front matter off the top of ``text``.

    Only ``key: value`` lines are read; a value in JSON form (as the renderer writes it) is
    decoded, any other value is kept as its text. Returns the keys, the rest of the text, and
    how many lines the front matter took (so line numbers stay those of the source).
    """
    if not text.startswith("---"):
        return {}, text, 0
    lines = text.splitlines(keepends=True)
    if lines[0].rstrip() != "---":
        return {}, text, 0
    for k in range(1, len(lines)):
        if lines[k].rstrip() in _FENCE:
            values: dict[str, Any] = {}
            for line in lines[1:k]:
                key, colon, value = line.partition(":")
                if not colon or not key.strip() or key[:1].isspace():
                    continue
                value = value.strip()
                try:
                    values[key.strip()] = json.loads(value)
                except ValueError:
                    values[key.strip()] = value.strip("\"'")
            return values, "".join(lines[k + 1 :]), k + 1
    return {}, text, 0  # never closed: not front matter


def _joins_with_space(before: str, after: str) -> bool:
    """A soft line break reads as a space only between two Latin letters or digits."""
    return bool(before) and bool(after) and before[-1].isascii() and after[0].isascii()


def _inline_lines(inline: Token) -> list[str]:
    """The text of an inline token, split at hard line breaks."""
    lines = [""]
    for child in inline.children or ():
        kind = child.type  # an image's alt text (its children) is no part of the report
        if kind in ("text", "code_inline"):
            lines[-1] += child.content
        elif kind == "softbreak":
            # joined below once the next piece is known; markdown-it never leaves a NUL in text
            lines[-1] = lines[-1].rstrip(" \t")
            lines.append("\x00")
        elif kind == "hardbreak":
            lines.append("")
    out: list[str] = []
    for piece in lines:
        if piece.startswith("\x00") and out:
            rest = piece[1:].lstrip(" \t")
            out[-1] += (" " if _joins_with_space(out[-1], rest) else "") + rest
        else:
            out.append(piece)
    return out


def _split(text: str) -> tuple[str, str, str]:
    stripped = text.strip(SPACE)
    if not stripped:
        return text, "", ""
    start = text.index(stripped[0])
    return text[:start], stripped, text[start + len(stripped) :]


class _Reader:
    def __init__(self, offset: int, source: str = "<markdown>") -> None:
        self.offset = offset  # front-matter lines above the Markdown
        self.source = source
        self.lines: list[Line] = []
        self.depth_offset = 1
        self.title_at: frozenset[int] = frozenset()
        self.lists: list[list[int]] = []  # per open list: [next number] or [] for bullets
        self.cells: list[str] = []

    def number(self, token: Token) -> int:
        return (token.map[0] if token.map else 0) + 1 + self.offset

    def add(
        self,
        text: str,
        number: int,
        *,
        is_title: bool = False,
        level: int | None = None,
        list_marker: str | None = None,
        new_paragraph: bool = True,
    ) -> None:
        indent, body, end = _split(text)
        if not body:
            return
        if self.lines:
            self.lines.append(Line("", "", "\n", number))  # the blank line between blocks
        self.lines.append(
            Line(
                indent,
                body,
                end + "\n",
                number,
                is_title,
                level=level,
                list_marker=list_marker,
                new_paragraph=new_paragraph,
            )
        )

    def row(self, cells: list[str], number: int, first: bool) -> None:
        """A table row: rows of one table are adjacent lines, tables apart from other blocks."""
        if first and self.lines:
            self.lines.append(Line("", "", "\n", number))
        self.lines.append(Line("", "\t".join(cells), "\n", number, cells=tuple(cells)))

    def find_title(self, tokens: list[Token]) -> None:
        """The title's headings, and the depth of level 1.

        The title is the first heading when it is a ``#`` and no other ``#`` follows, or the
        run of ``#`` headings it opens (``# 某某县公安局`` then ``# 2024年法治政府建设情况报告``)
        when they read as a title together. Level 1 is the shallowest heading left.
        """
        at = [k for k, t in enumerate(tokens) if t.type == "heading_open"]
        run: list[int] = []
        for k in at:
            if tokens[k].tag != "h1" or (run and k != run[-1] + 3):  # open, inline, close
                break
            run.append(k)
        others = [k for k in at if tokens[k].tag == "h1" and k not in run]
        if run and (
            (len(run) == 1 and not others)
            or is_title_like("".join(" ".join(_inline_lines(tokens[k + 1])) for k in run))
        ):
            self.title_at = frozenset(run)
        rest = [int(tokens[k].tag[1]) for k in at if k not in self.title_at]
        self.depth_offset = min(rest) - 1 if rest else 1

    def read(self, tokens: list[Token]) -> None:
        self.find_title(tokens)
        item_marker: str | None = None
        first_row = False
        for k, token in enumerate(tokens):
            kind = token.type
            if kind == "heading_open":
                texts = _inline_lines(tokens[k + 1])
                text = " ".join(t for t in texts if t)
                if k in self.title_at:
                    self.add(text, self.number(token), is_title=True)
                    continue
                # a marker typed in the heading says its level; the depth speaks for the rest
                level = int(token.tag[1]) - self.depth_offset
                hinted = 1 <= level <= 4 and match_marker(text.strip(SPACE)) is None
                self.add(text, self.number(token), level=level if hinted else None)
            elif kind == "paragraph_open":
                texts = _inline_lines(tokens[k + 1])
                for n, text in enumerate(texts):
                    self.add(
                        text,
                        self.number(token) + n,
                        list_marker=item_marker if n == 0 else None,
                    )
                item_marker = None
            elif kind == "bullet_list_open":
                self.lists.append([])
            elif kind == "ordered_list_open":
                start = token.attrGet("start")
                self.lists.append([int(start) if isinstance(start, (int, str)) else 1])
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind == "list_item_open" and self.lists and self.lists[-1]:
                counter = self.lists[-1]
                item_marker = f"{counter[0]}{token.markup or '.'}"
                counter[0] += 1
            elif kind in ("fence", "code_block"):
                for n, text in enumerate(token.content.splitlines()):
                    self.add(text, self.number(token) + n + 1)
            elif kind == "html_block":
                self.html(token)
            elif kind == "table_open":
                first_row = True
            elif kind == "tr_open":
                self.cells = []
            elif kind in ("th_open", "td_open"):
                self.cells.append(" ".join(_inline_lines(tokens[k + 1])))
            elif kind == "tr_close":
                self.row(self.cells, self.number(token), first_row)
                first_row = False

    def html(self, token: Token) -> None:
        """A raw HTML block gives its lines as the HTML reader reads them (blocks, ``<br>``):
        a ``<div align="right">`` signature, say. Scripts and styles give none."""
        from fazhi_report.parsers.html import block_lines

        content = token.content.strip()
        if not content:
            return
        first_row = True
        for line in block_lines(content, source=self.source, first_line=self.number(token)):
            number = self.number(token) + line.number - 1
            cells = line.cells
            if cells is not None:
                self.row(list(cells), number, first_row)
                first_row = False
            else:
                self.add(line.indent + line.text, number)
                first_row = True


@functools.cache
def _tokenizer() -> MarkdownIt:
    """One markdown-it-py parser (CommonMark and pipe tables), made the first time it is needed."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def markdown_lines(text: str, source: str = "<markdown>") -> tuple[list[Line], dict[str, Any]]:
    """The logical lines of a Markdown document, and its front matter's keys.

    Raises:
        DecodeError: a raw HTML block nested deeper than the HTML parser reads (``source``
            names the document in the message).
    """
    values, body, offset = read_front_matter(text)
    tokens = _tokenizer().parse(body)
    reader = _Reader(offset, source)
    reader.read(tokens)
    return reader.lines, values


def front_matter_facts(values: dict[str, Any]) -> DeclaredFacts:
    """The facts front matter declares: its ``organ`` (a text), ``year`` (0 to 9999) and
    ``roles`` (one role value or ``null`` per top-level section), each when well formed."""
    organ = values.get("organ")
    year = values.get("year")
    roles = values.get("roles")
    known = {role.value for role in SectionRole}
    return DeclaredFacts(
        organ=organ if isinstance(organ, str) and organ else None,
        year=year if type(year) is int and 0 <= year <= 9999 else None,
        roles=(
            tuple(None if role is None else SectionRole(role) for role in roles)
            if isinstance(roles, list)
            and all(role is None or (isinstance(role, str) and role in known) for role in roles)
            else None
        ),
    )


def read_markdown(data: str | bytes, *, source: str = "<markdown>") -> ReaderOutput:
    """The lines of a report written in Markdown (CommonMark, with pipe tables), and the facts
    its front matter declares.

    Args:
        data: the Markdown text, or its bytes (UTF-8, UTF-16 with BOM, GB18030).
        source: a name for the input, used in error messages.

    Raises:
        EmptyInputError, DecodeError: ``data`` is bytes with no text, or not text; or a raw
            HTML block is nested deeper than the HTML parser reads.
    """
    text, encoding = as_text(data, source)
    lines, values = markdown_lines(text, source)
    return ReaderOutput(lines, encoding=encoding, facts=front_matter_facts(values))
