"""How the model's nodes pickle: a compact tuple encoding of the tree, layout included.

A report travels between processes (``fr.parse_many(jobs=2)``, a Dask worker) as a pickle. The
default pickle of an attrs node is a dict of field names per node, with every layout record its
own object, and each paragraph's text twice (the content and the layout's ``content`` it is
compared with): about twice the source text, and as slow to load as a parse. Here each node
becomes a tuple of plain values in field order, and what a layout record repeats of its node (a
paragraph's content, a title, a table row's text, a signature's organ and date) is sent as
``True`` ("the same as the node") and rebuilt on arrival; the short pieces every line repeats
(indents, line ends, markers, stops) are interned, so pickle sends each value once and refers
to it after that. A pickle is smaller than the source text and loads with the positional
makers of `fazhi_report._positional` (no checks: the values came from a valid node).

The registration is through `copyreg` (the table `pickle` and `copy` consult), made when
`fazhi_report.model` is imported: nothing is added to the classes. A node holding a value the
encoding does not expect (a list mutated in place to hold a stranger, say) is pickled the
default way instead, so pickling never fails where it used to work. `FIELDS` records the
fields each encoder was written for; tests/test_wire.py fails when a class's fields change.
"""

from __future__ import annotations

import copyreg
import sys
from array import array
from collections.abc import Callable
from itertools import accumulate
from typing import Any

import attrs

from fazhi_report._positional import positional_maker
from fazhi_report.layout import (
    AddresseeLayout,
    Habits,
    ParagraphLayout,
    PointLayout,
    ReportLayout,
    SectionLayout,
    SignatureLayout,
    TableLayout,
    TitleLayout,
)
from fazhi_report.model.guards import SectionRole
from fazhi_report.model.nodes import (
    PageInfo,
    Paragraph,
    Point,
    Report,
    Section,
    Signature,
    Table,
)

__all__ = ["FIELDS", "decode_block", "decode_report", "decode_section", "encode_report"]

FIELDS: dict[type, tuple[str, ...]] = {
    Point: ("number", "title", "text", "layout"),
    Paragraph: ("text", "points", "layout"),
    Table: ("rows", "layout"),
    Section: ("level", "number", "heading", "run_in", "role", "body", "subsections", "layout"),
    Signature: ("organ", "date", "layout"),
    PageInfo: ("published", "source", "issuer", "number", "issued"),
    Report: (
        "title", "organ", "year", "addressee", "preamble", "sections", "closing", "signature",
        "page", "layout",
    ),
    PointLayout: ("marker", "number", "stop", "line"),
    ParagraphLayout: ("before", "indent", "end", "line", "inline", "content", "breaks"),
    TableLayout: ("before", "indent", "end", "line", "rows"),
    SectionLayout: (
        "before", "indent", "end", "line", "marker", "level", "number", "gap", "stop", "run_in",
    ),
    SignatureLayout: (
        "before", "indent", "end", "line", "raw", "organ", "date", "date_style", "date_text",
    ),
    TitleLayout: ("before", "indent", "end", "line", "raw", "title"),
    AddresseeLayout: ("before", "indent", "end", "line", "raw", "addressee"),
    Habits: ("indent", "line_end", "blank_lines", "half_width", "level3_separator"),
    ReportLayout: ("lead", "title", "header", "addressee", "trailing", "habits", "encoding"),
}  # fmt: skip
"""The attrs fields of each class, in the order the encoding was written for."""

_point = positional_maker(Point)
_paragraph = positional_maker(Paragraph)
_table = positional_maker(Table)
_section = positional_maker(Section)
_signature = positional_maker(Signature)
_page = positional_maker(PageInfo)
_report = positional_maker(Report)
_point_layout = positional_maker(PointLayout)
_paragraph_layout = positional_maker(ParagraphLayout)
_table_layout = positional_maker(TableLayout)
_section_layout = positional_maker(SectionLayout)
_signature_layout = positional_maker(SignatureLayout)
_title_layout = positional_maker(TitleLayout)
_addressee_layout = positional_maker(AddresseeLayout)
_habits = positional_maker(Habits)
_report_layout = positional_maker(ReportLayout)

_ROLES = {role.value: role for role in SectionRole}
_DEFAULT_HABITS = Habits()
_NO_LINE: tuple[Any, ...] = ()


class _Unexpected(Exception):
    """A value the encoding does not expect: the node is pickled the default way."""


_SHORT = 8


def _short(piece: str) -> str:
    """A layout's short piece (an indent, a line end, a marker, a stop), one object per value.

    These pieces repeat on every line; interned, each value is pickled once and referred to
    after that, and comes back without being cut from the joined text.
    """
    if type(piece) is not str:
        raise _Unexpected
    return sys.intern(piece) if len(piece) <= _SHORT else piece


# ---- encoding: node -> (strings, in order) + a tree of the other values -------------------
#
# Every str field a node must have is appended to ``put`` (the decoder takes them back in the
# same order); the tree keeps what is not a str (numbers, flags, optional strs, dates).


def _content_of(text: str, points: list[Point]) -> str | None:
    """A paragraph's content as its points' layouts would write it (None: a point has none)."""
    pieces = [text]
    for point in points:
        layout = point.layout
        if layout is None:
            return None
        pieces += (layout.marker, point.title, layout.stop, point.text)
    return "".join(pieces)


def _point_out(point: Point, put: Callable[[str], None]) -> tuple[Any, ...]:
    if not (type(point) is Point and type(point.title) is str and type(point.text) is str):
        raise _Unexpected
    put(point.title)
    put(point.text)
    layout = point.layout
    if layout is None:
        return (point.number,)
    if type(layout) is not PointLayout:
        raise _Unexpected
    return (point.number, layout.number, layout.line, _short(layout.marker), _short(layout.stop))


def _block_layout_out(layout: Any) -> tuple[str, str, str]:
    return _short(layout.before), _short(layout.indent), _short(layout.end)


def _paragraph_out(paragraph: Paragraph, put: Callable[[str], None]) -> tuple[Any, ...]:
    if not (type(paragraph.text) is str and type(paragraph.points) is list):
        raise _Unexpected
    put(paragraph.text)
    points = tuple([_point_out(point, put) for point in paragraph.points])
    layout = paragraph.layout
    if layout is None:
        return (points, None)
    if type(layout) is not ParagraphLayout:
        raise _Unexpected
    around = _block_layout_out(layout)
    content = layout.content  # rebuilt on arrival only when it is what it would be rebuilt as
    same = type(content) is str and content == _content_of(paragraph.text, paragraph.points)
    if not same:
        put(layout.content)
    for _, raw in layout.breaks:
        put(raw)
    offsets = tuple([offset for offset, _ in layout.breaks])
    return (points, (layout.line, layout.inline, same, offsets, *around))


def _table_out(table: Table, put: Callable[[str], None]) -> tuple[Any, ...]:
    rows = table.rows
    if not (type(rows) is list and all(type(row) is list for row in rows)):
        raise _Unexpected
    for row in rows:
        for cell in row:
            if type(cell) is not str:
                raise _Unexpected
            put(cell)
    widths = tuple([len(row) for row in rows])
    layout = table.layout
    if layout is None:
        return (widths, None, None)  # three items: a table (a paragraph has two)
    if type(layout) is not TableLayout:
        raise _Unexpected
    around = _block_layout_out(layout)
    written = []
    for k, (indent, text, end) in enumerate(layout.rows):
        same = k < len(rows) and type(text) is str and text == "\t".join(rows[k])
        if not same:
            put(text)
        written.append((_short(indent), same, _short(end)))
    return (widths, (layout.line, tuple(written), *around), None)


def _block_out(block: Any, put: Callable[[str], None]) -> tuple[Any, ...]:
    kind = type(block)
    if kind is Paragraph:
        return _paragraph_out(block, put)
    if kind is not Table:
        raise _Unexpected
    return _table_out(block, put)


def _blocks_out(blocks: list[Any], put: Callable[[str], None]) -> tuple[Any, ...]:
    if type(blocks) is not list:
        raise _Unexpected
    return tuple([_block_out(block, put) for block in blocks])


def _section_out(section: Section, put: Callable[[str], None]) -> tuple[Any, ...]:
    if not (type(section) is Section and type(section.heading) is str):
        raise _Unexpected
    if type(section.subsections) is not list:
        raise _Unexpected
    put(section.heading)
    layout: Any = section.layout
    if layout is not None:
        if type(layout) is not SectionLayout:
            raise _Unexpected
        layout = (
            layout.line, layout.level, layout.number, layout.run_in, *_block_layout_out(layout),
            _short(layout.marker), _short(layout.gap), _short(layout.stop),
        )  # fmt: skip
    role = section.role
    return (
        section.level, section.number, section.run_in, None if role is None else role.value,
        _blocks_out(section.body, put),
        tuple([_section_out(sub, put) for sub in section.subsections]), layout,
    )  # fmt: skip


def _same(a: object, b: object) -> bool:
    """Whether ``a`` can be sent as "the same as the node's" ``b`` and rebuilt from it."""
    return a == b and type(a) is type(b)


def _signature_out(signature: Signature, put: Callable[[str], None]) -> tuple[Any, ...]:
    if type(signature) is not Signature:
        raise _Unexpected
    layout: Any = signature.layout
    if layout is not None:
        if type(layout) is not SignatureLayout:
            raise _Unexpected
        around = _block_layout_out(layout)
        put(layout.raw)
        put(layout.date_text)
        organ = True if _same(layout.organ, signature.organ) else layout.organ
        date = True if _same(layout.date, signature.date) else layout.date
        layout = (layout.line, organ, date, layout.date_style, *around)
    return (signature.organ, signature.date, layout)


def _headed_out(layout: Any, kind: type, value: str | None, put: Callable[[str], None]) -> Any:
    """A title's or an addressee's layout: the strings put, the rest as a tuple."""
    if layout is None:
        return None
    if type(layout) is not kind:  # exactly: a subclass may hold more
        raise _Unexpected
    record: Any = layout  # (the check above narrows Any to object)
    around = _block_layout_out(record)
    put(record.raw)
    was = record.title if kind is TitleLayout else record.addressee
    return (record.line, True if _same(was, value) else was, *around)


def _report_layout_out(
    layout: ReportLayout, report: Report, put: Callable[[str], None]
) -> tuple[Any, ...]:
    if not (type(layout) is ReportLayout and type(layout.habits) is Habits):
        raise _Unexpected
    put(layout.lead)
    put(layout.header)
    put(layout.trailing)
    title = _headed_out(layout.title, TitleLayout, report.title, put)
    addressee = _headed_out(layout.addressee, AddresseeLayout, report.addressee, put)
    habits: Any = layout.habits
    habits = None if habits == _DEFAULT_HABITS else attrs.astuple(habits)
    return (title, addressee, habits, layout.encoding)


def _report_out(report: Report, put: Callable[[str], None]) -> tuple[Any, ...]:
    if type(report.sections) is not list:
        raise _Unexpected
    page = report.page
    if type(page) is not PageInfo:
        raise _Unexpected
    page_out = attrs.astuple(page)
    signature = report.signature
    layout = report.layout
    return (
        report.title, report.organ, report.year, report.addressee,
        _blocks_out(report.preamble, put),
        tuple([_section_out(section, put) for section in report.sections]),
        _blocks_out(report.closing, put),
        None if signature is None else _signature_out(signature, put),
        None if page_out == _EMPTY_PAGE else page_out,
        None if layout is None else _report_layout_out(layout, report, put),
    )  # fmt: skip


_EMPTY_PAGE = attrs.astuple(PageInfo())


def _pack(strings: list[str]) -> tuple[str | bytes, bytes]:
    """The strings joined into one text, and their lengths.

    The text travels as UTF-16 when that is shorter than UTF-8 (Chinese: 2 bytes a character,
    not 3), else as a str; the lengths as an array of 16- or 32-bit counts.
    """
    if any(type(piece) is not str for piece in strings):  # exactly str: a subclass's type
        raise _Unexpected  # would be lost in the join
    text = "".join(strings)
    lengths = array("H" if len(text) < 0x10000 else "I", map(len, strings))
    payload: str | bytes = text
    if not text.isascii():
        try:
            wide = text.encode("utf-16-le")
        except UnicodeEncodeError:  # a lone surrogate (built in code): UTF-16 cannot hold it
            wide = b""
        if wide and len(wide) < len(text.encode("utf-8", "surrogatepass")):
            payload = wide
    return payload, lengths.typecode.encode() + lengths.tobytes()


def _unpack(payload: str | bytes, lengths: bytes) -> Callable[[], str]:
    """The strings `_pack` packed, as a function giving the next one on each call."""
    text = payload if isinstance(payload, str) else payload.decode("utf-16-le")
    counts = array(chr(lengths[0]))
    counts.frombytes(lengths[1:])
    ends = list(accumulate(counts))
    starts = [0, *ends]
    return iter(map(text.__getitem__, map(slice, starts, ends))).__next__


def encode_report(report: Report) -> tuple[Any, ...]:
    """The report as (text, lengths, tree): every string it must hold, joined, and the rest.

    Raises:
        _Unexpected: a node holds a value of a type the encoding does not expect.
    """
    strings: list[str] = []
    tree = _report_out(report, strings.append)
    return (*_pack(strings), tree)


# ---- decoding: (strings, tree) -> node ---------------------------------------------------


def _paragraph_in(value: tuple[Any, ...], take: Callable[[], str]) -> Paragraph:
    points_in, layout = value
    text = take()
    points = []
    for point in points_in:  # inline, not a call per point: the commonest node
        title, said = take(), take()
        if len(point) == 1:
            points.append(_point(point[0], title, said, None))
        else:
            number, was, line, marker, stop = point
            points.append(_point(number, title, said, _point_layout(marker, was, stop, line)))
    if layout is not None:
        line, inline, same, offsets, before, indent, end = layout
        content = _content_of(text, points) if same else take()
        breaks = tuple([(offset, take()) for offset in offsets])
        layout = _paragraph_layout(before, indent, end, line, inline, content, breaks)
    return _paragraph(text, points, layout)


def _table_in(value: tuple[Any, ...], take: Callable[[], str]) -> Table:
    widths, layout, _ = value
    rows = [[take() for _ in range(width)] for width in widths]
    if layout is not None:
        line, kept_rows, before, indent, end = layout
        written = []
        for k, (row_indent, kept, row_end) in enumerate(kept_rows):
            text = "\t".join(rows[k]) if kept else take()
            written.append((row_indent, text, row_end))
        layout = _table_layout(before, indent, end, line, tuple(written))
    return _table(rows, layout)


def _block_in(value: tuple[Any, ...], take: Callable[[], str]) -> Paragraph | Table:
    return _paragraph_in(value, take) if len(value) == 2 else _table_in(value, take)


def _section_in(value: tuple[Any, ...], take: Callable[[], str]) -> Section:
    level, number, run_in, role, body, subsections, layout = value
    heading = take()
    if layout is not None:
        line, was_level, was_number, was_run_in, before, indent, end, marker, gap, stop = layout
        layout = _section_layout(
            before, indent, end, line, marker, was_level, was_number, gap, stop, was_run_in
        )
    return _section(
        level, number, heading, run_in, None if role is None else _ROLES[role],
        [_block_in(block, take) for block in body],
        [_section_in(sub, take) for sub in subsections], layout,
    )  # fmt: skip


def _signature_in(value: tuple[Any, ...], take: Callable[[], str]) -> Signature:
    organ, date, layout = value
    if layout is not None:
        line, was_organ, was_date, style, before, indent, end = layout
        raw, date_text = take(), take()
        layout = _signature_layout(
            before, indent, end, line, raw, organ if was_organ is True else was_organ,
            date if was_date is True else was_date, style, date_text,
        )  # fmt: skip
    return _signature(organ, date, layout)


def _headed_in(value: Any, make: Callable[..., Any], now: str | None, take: Any) -> Any:
    if value is None:
        return None
    line, was, before, indent, end = value
    return make(before, indent, end, line, take(), now if was is True else was)


def _report_in(value: tuple[Any, ...], take: Callable[[], str]) -> Report:
    title, organ, year, to, preamble, sections, closing, signature, page, layout = value
    preamble_in = [_block_in(block, take) for block in preamble]
    sections_in = [_section_in(section, take) for section in sections]
    closing_in = [_block_in(block, take) for block in closing]
    signature_in = None if signature is None else _signature_in(signature, take)
    if layout is not None:
        title_layout, addressee, habits, encoding = layout
        lead, header, trailing = take(), take(), take()
        layout = _report_layout(
            lead, _headed_in(title_layout, _title_layout, title, take), header,
            _headed_in(addressee, _addressee_layout, to, take), trailing,
            _DEFAULT_HABITS if habits is None else _habits(*habits), encoding,
        )  # fmt: skip
    return _report(
        title, organ, year, to, preamble_in, sections_in, closing_in, signature_in,
        PageInfo() if page is None else _page(*page), layout,
    )  # fmt: skip


def decode_report(payload: str | bytes, lengths: bytes, tree: tuple[Any, ...]) -> Report:
    """The report `encode_report` encoded, layout included."""
    return _report_in(tree, _unpack(payload, lengths))


def decode_section(payload: str | bytes, lengths: bytes, tree: tuple[Any, ...]) -> Section:
    """The section `_reduce_section` encoded, layout included."""
    return _section_in(tree, _unpack(payload, lengths))


def decode_block(payload: str | bytes, lengths: bytes, tree: tuple[Any, ...]) -> Paragraph | Table:
    """The paragraph or table `_reduce_block` encoded, layout included."""
    return _block_in(tree, _unpack(payload, lengths))


# ---- registration ------------------------------------------------------------------------


def _default(node: Any) -> Any:
    # object's own reduction (attrs' __getstate__), which copyreg's table does not affect
    return object.__reduce_ex__(node, 2)


def _reducer(
    encode: Callable[[Any, Callable[[str], None]], tuple[Any, ...]], decode: Callable[..., Any]
) -> Callable[[Any], Any]:
    def reduce(node: Any) -> Any:
        strings: list[str] = []
        try:
            tree = encode(node, strings.append)
            packed = _pack(strings)
        except _Unexpected:
            return _default(node)
        return decode, (*packed, tree)

    return reduce


_REDUCERS: dict[type, Callable[[Any], Any]] = {
    Report: _reducer(_report_out, decode_report),
    Section: _reducer(_section_out, decode_section),
    Paragraph: _reducer(_block_out, decode_block),
    Table: _reducer(_block_out, decode_block),
}
for _cls, _reduce in _REDUCERS.items():
    copyreg.pickle(_cls, _reduce)
