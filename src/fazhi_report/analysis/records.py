"""What the analyses share: where a thing is in a report.

Every analysis result (a `fazhi_report.analysis.check.Finding`, a
`fazhi_report.analysis.figures.Figure`, a `fazhi_report.analysis.references.Reference`) is a
frozen attrs value that the one converter (`fazhi_report.convert.unstructure`) gives as plain
JSON data; lists of them are written as tables by `fazhi_report.cli.results` through
`fazhi_report.tables`, the one table writer.

A `Location` names a place three ways: the node path (as `fazhi_report.model.traversal` spells it,
``"sections[0].subsections[1].body[0].points[2].text"``), the markers of the enclosing
sections in their official form (``"一、（二）"``), and the 1-based source line when the report
was parsed from text (``None`` for a report built in code).
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple, Protocol, cast

import attrs

from fazhi_report.convert import unstructure
from fazhi_report.model import Paragraph, Report, Section, Table
from fazhi_report.model.traversal import SectionAt, field, walk_sections
from fazhi_report.numbering import format_marker

__all__ = [
    "JoinedText",
    "Location",
    "Record",
    "TextField",
    "char_positions",
    "iter_texts",
    "marked_sections",
    "section_label",
    "text_fields",
]


def char_positions(text: str, chars: str) -> list[int]:
    """Where each of ``chars`` stands in ``text``, in order.

    One literal search per character runs at memory speed; a character-set scan of a long
    text does not, and most texts hold few of the characters looked for.
    """
    found = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    found.sort()
    return found


@attrs.frozen
class Location:
    """Where something is in a report.

    Attributes:
        path: the node path, e.g. ``"sections[2].subsections[0].body[1].points[0].title"``;
            ``""`` for the report as a whole.
        section: the official markers of the enclosing sections, outermost first, e.g.
            ``"三、（一）"``; ``""`` outside every section (title, preamble, closing).
        line: the 1-based source line, or ``None`` when unknown (a report built in code).
    """

    path: str = ""
    section: str = ""
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The location as plain JSON data (`fazhi_report.convert.unstructure`)."""
        return cast("dict[str, Any]", unstructure(self))

    def __str__(self) -> str:
        parts = []
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.section:
            parts.append(self.section)
        elif self.path:
            parts.append(self.path)
        return ", ".join(parts) or "(report)"


class Record(Protocol):
    """An analysis result: anything with a ``to_dict()`` giving plain JSON data."""

    def to_dict(self) -> dict[str, Any]:
        """The result as plain JSON data."""
        ...


def section_label(section: Section) -> str:
    """The official marker of a section (``"一、"``, ``"（二）"``, ``"3."``, ``"（4）"``)."""
    key = (section.level, section.number)
    label = _LABELS.get(key)
    if label is None:
        label = _LABELS[key] = format_marker(section.level, section.number)
    return label


_LABELS: dict[tuple[int, int], str] = {}  # a few dozen markers serve every report


class TextField(NamedTuple):
    """One string of a report's content, with where it is.

    Attributes:
        text: the string (a paragraph's text, a point's title or text, a heading, the title).
        path: the node path of the string itself (``"sections[0].body[1].text"``).
        section: the official markers of the enclosing sections (``"一、（二）"``).
        line: the 1-based source line, or ``None``.
        kind: ``"title"``, ``"heading"``, ``"paragraph"``, ``"point_title"``, ``"point_text"``
            or ``"cell"`` (a table cell).
        part: ``"preamble"``, ``"section"`` or ``"closing"`` (``"title"`` for the title).
    """

    text: str
    path: str
    section: str
    line: int | None
    kind: str
    part: str

    @property
    def location(self) -> Location:
        """Where the string is."""
        return Location(self.path, self.section, self.line)


def _tf(values: tuple[str, str, str, int | None, str, str]) -> TextField:
    """A `TextField` from its six values: a NamedTuple's own constructor is a Python function,
    ``tuple.__new__`` is not, and a report has hundreds of strings."""
    return tuple.__new__(TextField, values)


def _paragraph_fields(
    out: list[TextField], paragraph: Paragraph, path: str, section: str, part: str
) -> None:
    layout = paragraph.layout
    line = layout.line if layout is not None else None
    if paragraph.text:
        out.append(_tf((paragraph.text, path + ".text", section, line, "paragraph", part)))
    for index, point in enumerate(paragraph.points):
        point_layout = point.layout
        point_line = point_layout.line if point_layout is not None else None
        if point_line is None:
            point_line = line
        where = f"{path}.points[{index}]"
        out.append(_tf((point.title, where + ".title", section, point_line, "point_title", part)))
        if point.text:
            out.append(_tf((point.text, where + ".text", section, point_line, "point_text", part)))


def _table_fields(out: list[TextField], table: Table, path: str, section: str, part: str) -> None:
    first = table.layout.line if table.layout is not None else None
    for r, row in enumerate(table.rows):
        line = first + r if first is not None else None  # a row is one source line
        for c, cell in enumerate(row):
            if cell:
                out.append(_tf((cell, f"{path}.rows[{r}][{c}]", section, line, "cell", part)))


def _blocks(
    out: list[TextField], blocks: Sequence[object], path: str, section: str, part: str
) -> None:
    # a flat loop over one list (the tree is walked by `walk_sections`), its paths spelt
    # inline as `item` and `field` spell them (tests/test_traversal.py holds them to it)
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            _paragraph_fields(out, block, f"{path}[{index}]", section, part)
        elif isinstance(block, Table):
            _table_fields(out, block, f"{path}[{index}]", section, part)


def marked_sections(report: Report) -> Iterator[tuple[SectionAt, str]]:
    """Every section where it stands (`walk_sections`), with its ancestors' markers joined
    (``"一、"`` for the subsections of 一、; ``""`` at the top level)."""
    ancestors: tuple[Section, ...] = ()
    outer = ""
    for at in walk_sections(report):
        if at.ancestors is not ancestors:  # siblings share it: markers joined once
            ancestors = at.ancestors
            outer = "".join(map(section_label, ancestors))
        yield at, outer


def _labelled_sections(report: Report) -> Iterator[tuple[SectionAt, str]]:
    """Every section with its markers and its ancestors' (``"一、（二）"``), as a `Location`
    names them."""
    for at, outer in marked_sections(report):
        yield at, outer + section_label(at.section)


def text_fields(report: Report) -> list[TextField]:
    """Every string of a report's content in document order, with where it is.

    The title, the preamble's paragraphs, each section's heading then its body then its
    subsections, the closing's paragraphs. A paragraph gives its own text (when it has one)
    and then each point's title and text; a table gives each cell that is not empty, row by
    row (path ``…body[2].rows[1][0]``, kind ``"cell"``).
    """
    out: list[TextField] = []
    if report.title:
        title_layout = report.layout.title if report.layout is not None else None
        line = title_layout.line if title_layout is not None else None
        out.append(_tf((report.title, "title", "", line, "title", "title")))
    _blocks(out, report.preamble, "preamble", "", "preamble")
    for at, label in _labelled_sections(report):
        section = at.section
        line = section.layout.line if section.layout is not None else None
        out.append(
            _tf((section.heading, field(at.path, "heading"), label, line, "heading", "section"))
        )
        _blocks(out, section.body, field(at.path, "body"), label, "section")
    _blocks(out, report.closing, "closing", "", "closing")
    return out


def iter_texts(report: Report) -> Iterator[TextField]:
    """`text_fields`, one at a time."""
    return iter(text_fields(report))


class JoinedText:
    """A report's strings joined by ``"\\n"`` so that one regex pass reads them all.

    Every analysis that searches text searches this once instead of each string apart; an
    offset into ``text`` is mapped back to its string with `field_at`.

    Only the strings are gathered up front; a string's path and `TextField` are made when
    asked for (`field_at`, `location_at`, `fields`): a report has a hundred strings, and a
    check or a figure search needs the place of a few.

    Attributes:
        texts: the strings, in document order.
        starts: where each string starts in ``text``.
        text: the strings joined by ``"\\n"`` (no string holds a line break).
    """

    __slots__ = ("_fields", "_kinds", "_made", "_refs", "_report", "starts", "text", "texts")

    def __init__(self, report: Report, *, kinds: frozenset[str] | None = None) -> None:
        texts: list[str] = []
        refs: list[_Ref] | None = None
        if kinds is None:
            # every string: gather the strings alone (a check needs the places of few, often
            # none); the places are gathered by a second walk when one is asked for
            _gather(report, texts)
        else:
            refs = []
            _walk(report, texts, refs, kinds)
        self.texts = texts
        self._refs = refs
        self._report = report
        self._kinds = kinds
        self._fields: list[TextField] | None = None
        self._made: dict[int, TextField] = {}
        # each string starts after the ones before it and a line break each (all in C)
        ends = itertools.accumulate(map(len, texts), initial=0)
        self.starts = list(map(operator.add, ends, range(len(texts))))
        self.text = "\n".join(texts)

    @property
    def fields(self) -> list[TextField]:
        """The strings and where each is (`text_fields`, of the kinds asked for)."""
        if self._fields is None:
            self._fields = [self.field(index) for index in range(len(self.texts))]
        return self._fields

    def field(self, index: int) -> TextField:
        """The ``index``-th string and where it is."""
        made = self._made.get(index)
        if made is None:
            made = self._made[index] = _make_field(self.texts[index], self._places()[index])
        return made

    def _places(self) -> list[_Ref]:
        refs = self._refs
        if refs is None:
            refs = self._refs = []
            _walk(self._report, [], refs, self._kinds)
        return refs

    def index_at(self, offset: int) -> int:
        """The index of the string an offset of ``text`` falls in."""
        return bisect.bisect_right(self.starts, offset) - 1

    def field_at(self, offset: int) -> tuple[TextField, int]:
        """The string an offset of ``text`` falls in, and where that string starts."""
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.field(index), self.starts[index]

    def kind(self, index: int) -> str:
        """The kind of the ``index``-th string (``"paragraph"``, ``"heading"``…)."""
        return self._places()[index][0]


# Where a string is, in parts: (kind, part, section markers, line, base path, a, b). The path
# is put together only when asked for (`_make_field`): a title has base ``"title"``; a
# heading the section's path; a paragraph's text its container's path and the block index
# ``a``; a point's title or text also the point index ``b``; a cell the block index ``a``
# and ``b`` = (row, column).
_Ref = tuple[str, str, str, int | None, str, int, Any]


def _make_field(text: str, ref: _Ref) -> TextField:
    kind, part, section, line, base, a, b = ref
    # spelt inline as `fazhi_report.model.traversal.item` and `field` spell a path (a string
    # of a report is made by the hundred); tests/test_traversal.py holds them to it
    if kind == "paragraph":
        path = f"{base}[{a}].text"
    elif kind == "point_title":
        path = f"{base}[{a}].points[{b}].title"
    elif kind == "point_text":
        path = f"{base}[{a}].points[{b}].text"
    elif kind == "heading":
        path = base + ".heading"
    elif kind == "cell":
        path = f"{base}[{a}].rows[{b[0]}][{b[1]}]"
    else:
        path = base
    return _tf((text, path, section, line, kind, part))


def _gather_blocks(texts: list[str], blocks: Sequence[object]) -> None:
    add = texts.append
    for block in blocks:
        if type(block) is Paragraph or isinstance(block, Paragraph):
            if block.text:
                add(block.text)
            for point in block.points:
                add(point.title)
                if point.text:
                    add(point.text)
        elif isinstance(block, Table):
            for row in block.rows:
                texts.extend(cell for cell in row if cell)


def _gather(report: Report, texts: list[str]) -> None:
    """Every string of `text_fields`, in its order, without where each is."""
    if report.title:
        texts.append(report.title)
    _gather_blocks(texts, report.preamble)
    for section in report.walk():  # the model's own list, in document order: no paths here
        texts.append(section.heading)
        if section.body:
            _gather_blocks(texts, section.body)
    _gather_blocks(texts, report.closing)


# Which kinds of string a walk keeps: paragraph text, point titles, point texts, cells,
# headings, the title.
_Wants = tuple[bool, bool, bool, bool, bool, bool]
_KIND_ORDER = ("paragraph", "point_title", "point_text", "cell", "heading", "title")


def _walk_blocks(
    texts: list[str],
    refs: list[_Ref],
    blocks: Sequence[object],
    base: str,
    section: str,
    part: str,
    wants: _Wants,
) -> None:
    # a flat loop over one list (the tree is walked by `walk_sections`): the place of each
    # string is kept in parts, and its path made by `_make_field` only when asked for
    add_text, add_ref = texts.append, refs.append
    want_par, want_title, want_ptext, want_cell = wants[:4]
    for index, block in enumerate(blocks):
        if type(block) is Paragraph or isinstance(block, Paragraph):
            layout = block.layout
            line = layout.line if layout is not None else None
            if block.text and want_par:
                add_text(block.text)
                add_ref(("paragraph", part, section, line, base, index, None))
            for p_index, point in enumerate(block.points):
                point_layout = point.layout
                point_line = point_layout.line if point_layout is not None else None
                if point_line is None:
                    point_line = line
                if want_title:
                    add_text(point.title)
                    add_ref(("point_title", part, section, point_line, base, index, p_index))
                if point.text and want_ptext:
                    add_text(point.text)
                    add_ref(("point_text", part, section, point_line, base, index, p_index))
        elif want_cell and isinstance(block, Table):
            first = block.layout.line if block.layout is not None else None
            for r, row in enumerate(block.rows):
                line = first + r if first is not None else None
                for c, cell in enumerate(row):
                    if cell:
                        add_text(cell)
                        add_ref(("cell", part, section, line, base, index, (r, c)))


def _walk(report: Report, texts: list[str], refs: list[_Ref], kinds: frozenset[str] | None) -> None:
    """The strings of `text_fields` (of ``kinds``, or all), with what makes their places."""
    wants: _Wants = tuple(kinds is None or kind in kinds for kind in _KIND_ORDER)  # type: ignore[assignment]
    if report.title and wants[5]:
        title_layout = report.layout.title if report.layout is not None else None
        line = title_layout.line if title_layout is not None else None
        texts.append(report.title)
        refs.append(("title", "title", "", line, "title", 0, None))
    _walk_blocks(texts, refs, report.preamble, "preamble", "", "preamble", wants)
    for at, label in _labelled_sections(report):
        section = at.section
        if wants[4]:
            line = section.layout.line if section.layout is not None else None
            texts.append(section.heading)
            refs.append(("heading", "section", label, line, at.path, 0, None))
        if section.body:
            _walk_blocks(texts, refs, section.body, field(at.path, "body"), label, "section", wants)
    _walk_blocks(texts, refs, report.closing, "closing", "", "closing", wants)
