"""The model's nodes: `Report`, `Section`, `Paragraph`, `Point`, `Table`, `Signature`, `PageInfo`.

See `fazhi_report.model` for what the model is; the field checks are in
`fazhi_report.model.guards`.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import attrs

from fazhi_report._cues import split_organs
from fazhi_report.layout import (
    ParagraphLayout,
    PointLayout,
    ReportLayout,
    SectionLayout,
    SignatureLayout,
    TableLayout,
)
from fazhi_report.model.guards import (
    SectionRole,
    _check_all,
    _check_bool,
    _check_level,
    _check_number,
    _check_optional_str,
    _check_published,
    _check_str,
    _check_year,
    _describe,
    _fail,
    _instance_of,
    _list_of,
    _optional,
    _set_date,
    _set_role,
    _to_date,
    _to_role,
)

__all__ = ["Block", "PageInfo", "Paragraph", "Point", "Report", "Section", "Signature", "Table"]


def _check_sections(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> Any:
    # Section is not defined yet where Section's own fields are declared: look it up per call
    return _list_of(Section)(instance, attribute, value)


@attrs.define
class Point:
    """One enumerated point of a paragraph: ``一是加强组织领导。成立……``.

    Attributes:
        number: the point's number (``一是`` is 1).
        title: the point's leading clause, up to its first stop (。，；：！？ or their
            half-width forms, outside quotes and brackets), without that stop.
        text: everything after the stop, up to the next point or the end of the paragraph.
        layout: how the point was written (marker, stop); ``None`` when built in code.
    """

    number: int = attrs.field(on_setattr=_check_number)
    title: str = attrs.field(on_setattr=_check_str)
    text: str = attrs.field(on_setattr=_check_str, default="")
    layout: PointLayout | None = attrs.field(
        on_setattr=_optional(PointLayout), default=None, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        # One call per node, not one per field: the builder makes thousands of points. Exact
        # types pass here; anything else gets the full, precise check.
        number = self.number
        if not (
            type(number) is int
            and number >= 1
            and type(self.title) is str
            and type(self.text) is str
            and (self.layout is None or type(self.layout) is PointLayout)
        ):
            _check_all(self)


@attrs.define
class Paragraph:
    """A paragraph of running text, possibly holding points.

    Attributes:
        text: the paragraph's text before its first point (all of it when it has no points).
        points: the 一是/二是… points the paragraph holds, in order.
        layout: how the paragraph was written; ``None`` when built in code.
    """

    text: str = attrs.field(on_setattr=_check_str, default="")
    points: list[Point] = attrs.field(on_setattr=_list_of(Point), factory=list)
    layout: ParagraphLayout | None = attrs.field(
        on_setattr=_optional(ParagraphLayout), default=None, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        points = self.points
        if not (
            type(self.text) is str
            and type(points) is list
            and (not points or set(map(type, points)) == _ONLY_POINT)
            and (self.layout is None or type(self.layout) is ParagraphLayout)
        ):
            _check_all(self)


def _check_rows(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> Any:
    if not isinstance(value, list):
        raise _fail(instance, "rows", f"must be a list of rows, got {_describe(value)}")
    for r, row in enumerate(value):
        if not isinstance(row, list):
            raise _fail(
                instance, f"rows[{r}]", f"must be a list of cell texts, got {_describe(row)}"
            )
        for k, cell in enumerate(row):
            if not isinstance(cell, str):
                raise _fail(instance, f"rows[{r}][{k}]", f"must be a str, got {_describe(cell)}")
    return value


@attrs.define
class Table:
    """A table among the paragraphs: rows of cells, each cell's text.

    Word files carry tables (a list of cases, a table of figures); a plain text file writes one
    as lines of tab-separated cells. A cell's paragraphs are joined with a space.

    Attributes:
        rows: the rows, top to bottom, each a list of its cells' texts, left to right.
        layout: how the table was written; ``None`` when built in code.

    Examples:
        >>> Table([["类别", "件数"], ["行政复议", "12"]]).columns
        2
    """

    rows: list[list[str]] = attrs.field(on_setattr=_check_rows, factory=list)
    layout: TableLayout | None = attrs.field(
        on_setattr=_optional(TableLayout), default=None, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        _check_all(self)

    @property
    def columns(self) -> int:
        """The number of cells of the widest row (0 for a table without rows)."""
        return max(map(len, self.rows), default=0)


Block = Paragraph | Table
"""What a body, a preamble or a closing holds: paragraphs and tables, in document order."""


_check_blocks = _list_of(Paragraph, Table)


@attrs.define
class Section:
    """A numbered part of the report, with its heading, body and subsections.

    Attributes:
        level: the kind of marker: 1 for ``一、``, 2 for ``（一）``, 3 for ``1.``, 4 for ``（1）``.
        number: the section's number (``（三）`` is 3).
        heading: the heading text, without its marker and without the stop of a run-in heading.
        run_in: whether body text follows the heading in the same paragraph
            (``（一）推动……走深走实。坚持把……``); the first body paragraph is that text.
        role: which required part of the report the section is, for level-1 sections and for
            the 不足/原因 subsections of a shortcomings section; ``None`` otherwise. The string
            value (``"measures"``) is converted to its `SectionRole`.
        body: the paragraphs (and tables) before the first subsection.
        subsections: the sections one level further down.
        layout: how the heading was written; ``None`` when built in code.
    """

    level: int = attrs.field(on_setattr=_check_level)
    number: int = attrs.field(on_setattr=_check_number)
    heading: str = attrs.field(on_setattr=_check_str)
    run_in: bool = attrs.field(on_setattr=_check_bool, default=False)
    role: SectionRole | None = attrs.field(default=None, converter=_to_role, on_setattr=_set_role)
    body: list[Block] = attrs.field(on_setattr=_check_blocks, factory=list)
    subsections: list[Section] = attrs.field(on_setattr=_check_sections, factory=list)
    layout: SectionLayout | None = attrs.field(
        on_setattr=_optional(SectionLayout), default=None, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        level, number, body, subsections = self.level, self.number, self.body, self.subsections
        if not (
            type(level) is int
            and 1 <= level <= 4
            and type(number) is int
            and number >= 1
            and type(self.heading) is str
            and type(self.run_in) is bool
            and type(body) is list
            and (not body or set(map(type, body)) <= _BLOCKS)
            and type(subsections) is list
            and (not subsections or set(map(type, subsections)) == _ONLY_SECTION)
            and (self.layout is None or type(self.layout) is SectionLayout)
        ):
            _check_all(self)

    @property
    def points(self) -> list[Point]:
        """The points of this section's own body (not of its subsections), in order."""
        return [point for block in self.body if type(block) is Paragraph for point in block.points]

    def walk(self) -> list[Section]:
        """This section followed by all its subsections, depth first."""
        found = [self]
        for sub in self.subsections:
            found.extend(sub.walk())
        return found

    def renumber(self) -> None:
        """Number this section's subsections and points in document order.

        Each list of sibling subsections is numbered 1, 2, 3…, at every depth; this section's
        own number is left to its parent (see `Report.renumber`). The points of each body are
        numbered as the parser reads them: on across the paragraphs of the body, except that
        a paragraph whose first point is numbered 1 starts again at 1 (a list of its own);
        the first point of a body is always 1. Levels are left alone.

        Nothing is ever renumbered unless you call this: the model keeps the numbers it is
        given, so a report read from a document keeps the document's own numbers, gaps and
        all. Marker styles stay as written: a renumbered ``(二)`` becomes ``(三)``, not
        ``（三）``, when rendered losslessly.
        """
        _renumber_points(self.body)
        _renumber_sections(self.subsections)


# The element types a list of a fast-path check may hold (one C-level set() per list).
_ONLY_POINT = {Point}
_BLOCKS = {Paragraph, Table}
_ONLY_SECTION = {Section}


@attrs.define
class Signature:
    """The issuing organ and date at the foot of the report.

    Attributes:
        organ: the issuing organ, e.g. ``"泾源县公安局"``.
        date: the date the report was signed; an ISO string (``"2026-01-15"``) is converted
            to a `datetime.date`, a `datetime.datetime` is refused.
        layout: how the signature lines were written; ``None`` when built in code.
    """

    organ: str | None = attrs.field(on_setattr=_check_optional_str, default=None)
    date: _dt.date | None = attrs.field(default=None, converter=_to_date, on_setattr=_set_date)
    layout: SignatureLayout | None = attrs.field(
        on_setattr=_optional(SignatureLayout), default=None, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        _check_all(self)


@attrs.define
class PageInfo:
    """Metadata a web page printed around the report (发布日期, 来源). Not report content.

    Attributes:
        published: when the page says it was published (a ``datetime`` when it gives a time).
        source: the publishing office the page names (来源).
        issuer: the issuing organ a disclosure catalogue names (发文机关, 发布机构).
        number: the document number a disclosure catalogue or the document header gives
            (文号, e.g. ``某公〔2023〕12号``).
        issued: the date of issue a disclosure catalogue gives (发文日期, 成文日期).
    """

    published: _dt.date | None = attrs.field(on_setattr=_check_published, default=None)
    source: str | None = attrs.field(on_setattr=_check_optional_str, default=None)
    issuer: str | None = attrs.field(on_setattr=_check_optional_str, default=None)
    number: str | None = attrs.field(on_setattr=_check_optional_str, default=None)
    issued: _dt.date | None = attrs.field(on_setattr=_check_published, default=None)

    def __attrs_post_init__(self) -> None:
        _check_all(self)


@attrs.define
class Report:
    """A whole 法治政府建设情况报告.

    ``organ`` and ``year`` are facts the parser reads from the text (the title, else the
    signature or the preamble). They are plain fields: set them to correct a reading or to fill
    a report built in code, but setting them changes no text. To change what the document says,
    edit ``title``, the preamble or the ``signature``.

    Attributes:
        title: the title joined into one line, or ``None`` when the text has none.
        organ: the reporting organ, from the title, else the signature, else the page's
            发文机关 (`PageInfo.issuer`), else a place-qualified self-reference in the preamble.
        year: the year the report covers (0 to 9999), from the title, else the preamble, else
            the signature.
        addressee: the addressee line (主送机关) without its colon, e.g. ``"市委、市政府"``.
        preamble: the paragraphs (and tables) before the first section (导语).
        sections: the top-level sections, in order.
        closing: the paragraphs (and tables) after the last section (结束语).
        signature: the issuing organ and date, if the text is signed.
        page: web-page metadata found around the text; takes no part in equality.
        layout: document-wide layout (clutter, title lines, detected style); ``None`` when
            built in code. Takes no part in equality.
    """

    title: str | None = attrs.field(on_setattr=_check_optional_str, default=None)
    organ: str | None = attrs.field(on_setattr=_check_optional_str, default=None)
    year: int | None = attrs.field(on_setattr=_check_year, default=None)
    addressee: str | None = attrs.field(on_setattr=_check_optional_str, default=None)
    preamble: list[Block] = attrs.field(on_setattr=_check_blocks, factory=list)
    sections: list[Section] = attrs.field(on_setattr=_check_sections, factory=list)
    closing: list[Block] = attrs.field(on_setattr=_check_blocks, factory=list)
    signature: Signature | None = attrs.field(on_setattr=_optional(Signature), default=None)
    page: PageInfo = attrs.field(on_setattr=_instance_of(PageInfo), factory=PageInfo, eq=False)
    layout: ReportLayout | None = attrs.field(
        on_setattr=_optional(ReportLayout), default=None, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        _check_all(self)

    def walk(self) -> list[Section]:
        """Every section of the report, depth first, in document order."""
        found: list[Section] = []
        for section in self.sections:
            found.extend(section.walk())
        return found

    @property
    def blocks(self) -> list[Block]:
        """Every paragraph and table in document order: preamble, section bodies, closing."""
        found = list(self.preamble)
        for section in self.walk():
            found.extend(section.body)
        found.extend(self.closing)
        return found

    @property
    def paragraphs(self) -> list[Paragraph]:
        """Every paragraph in document order: preamble, section bodies, closing (no tables)."""
        return [block for block in self.blocks if type(block) is Paragraph]

    @property
    def tables(self) -> list[Table]:
        """Every table in document order."""
        return [block for block in self.blocks if type(block) is Table]

    @property
    def organs(self) -> tuple[str, ...]:
        """The reporting organs: each issuer of a joint report, else `organ` alone.

        ``()`` when the report names no organ. ``"中共某县县委 某县人民政府"`` gives two.
        """
        if self.organ is None:
            return ()
        return split_organs(self.organ)

    @property
    def points(self) -> list[Point]:
        """Every point of the report, in document order."""
        return [point for paragraph in self.paragraphs for point in paragraph.points]

    def renumber(self) -> None:
        """Number every section and point in document order, as after deleting or moving some.

        Each list of sibling sections is numbered 1, 2, 3…; the points of the preamble, of
        each section's body and of the closing are numbered as `Section.renumber` describes.
        Only numbers change (and with them the markers rendered): content, levels, roles and
        layout stay. Never done for you: call it after editing when numbers should follow the
        new order.

        Examples:
            >>> report = Report(sections=[Section(1, 2, "甲"), Section(1, 5, "乙")])
            >>> report.renumber()
            >>> [s.number for s in report.sections]
            [1, 2]
        """
        _renumber_points(self.preamble)
        _renumber_sections(self.sections)
        _renumber_points(self.closing)


def _renumber_sections(sections: list[Section]) -> None:
    for number, section in enumerate(sections, start=1):
        if section.number != number:
            section.number = number
        section.renumber()


def _renumber_points(blocks: list[Block]) -> None:
    last = 0
    for block in blocks:
        if type(block) is not Paragraph:
            continue
        points = block.points
        if points and points[0].number == 1:
            last = 0  # a paragraph that starts its own list keeps doing so
        for point in points:
            last += 1
            if point.number != last:
                point.number = last
