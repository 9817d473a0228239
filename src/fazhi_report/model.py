"""The semantic model of a 法治政府建设情况报告: plain attrs classes, compared by content.

A report is a title, an optional addressee, a preamble, numbered sections (each with body
paragraphs and subsections), a closing and a signature. Paragraphs hold 一是/二是… points.
Nothing here mentions indentation, punctuation width or page clutter: that lives in each node's
``layout`` (see `fazhi_report.layout`), which takes no part in ``==``.
"""

from __future__ import annotations

import datetime as _dt
import enum

import attrs

from fazhi_report.layout import (
    ParagraphLayout,
    PointLayout,
    ReportLayout,
    SectionLayout,
    SignatureLayout,
)

__all__ = [
    "PageInfo",
    "Paragraph",
    "Point",
    "Report",
    "Section",
    "SectionRole",
    "Signature",
]


class SectionRole(str, enum.Enum):
    """The part of the report a section is, as 《法治政府建设与责任落实督察工作规定》 lists them."""

    MEASURES = "measures"
    """Main measures taken and results achieved (主要举措和成效)."""
    RESPONSIBILITY = "responsibility"
    """How the principal leader performed the duty of first responsible person (第一责任人职责)."""
    SHORTCOMINGS = "shortcomings"
    """Shortcomings (存在的不足/问题), with their causes when one section covers both."""
    CAUSES = "causes"
    """Causes of the shortcomings (原因分析), when they have a section of their own."""
    PLANS = "plans"
    """Next year's plan (下一步工作安排/计划)."""
    OTHER = "other"
    """Other matters to report (其他需要报告的事项), or a part of no known kind."""


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

    number: int
    title: str
    text: str = ""
    layout: PointLayout | None = attrs.field(default=None, eq=False, repr=False)


@attrs.define
class Paragraph:
    """A paragraph of running text, possibly holding points.

    Attributes:
        text: the paragraph's text before its first point (all of it when it has no points).
        points: the 一是/二是… points the paragraph holds, in order.
        layout: how the paragraph was written; ``None`` when built in code.
    """

    text: str = ""
    points: list[Point] = attrs.Factory(list)
    layout: ParagraphLayout | None = attrs.field(default=None, eq=False, repr=False)


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
            the 不足/原因 subsections of a shortcomings section; ``None`` otherwise.
        body: the paragraphs before the first subsection.
        subsections: the sections one level further down.
        layout: how the heading was written; ``None`` when built in code.
    """

    level: int
    number: int
    heading: str
    run_in: bool = False
    role: SectionRole | None = None
    body: list[Paragraph] = attrs.Factory(list)
    subsections: list[Section] = attrs.Factory(list)
    layout: SectionLayout | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def points(self) -> list[Point]:
        """The points of this section's own body (not of its subsections), in order."""
        return [point for paragraph in self.body for point in paragraph.points]

    def walk(self) -> list[Section]:
        """This section followed by all its subsections, depth first."""
        found = [self]
        for sub in self.subsections:
            found.extend(sub.walk())
        return found


@attrs.define
class Signature:
    """The issuing organ and date at the foot of the report.

    Attributes:
        organ: the issuing organ, e.g. ``"泾源县公安局"``.
        date: the date the report was signed.
        layout: how the signature lines were written; ``None`` when built in code.
    """

    organ: str | None = None
    date: _dt.date | None = None
    layout: SignatureLayout | None = attrs.field(default=None, eq=False, repr=False)


@attrs.define
class PageInfo:
    """Metadata a web page printed around the report (发布日期, 来源). Not report content.

    Attributes:
        published: when the page says it was published (a ``datetime`` when it gives a time).
        source: the publishing office the page names (来源).
    """

    published: _dt.date | None = None
    source: str | None = None


@attrs.define
class Report:
    """A whole 法治政府建设情况报告.

    Attributes:
        title: the title joined into one line, or ``None`` when the text has none.
        organ: the reporting organ, from the title, else the signature, else the preamble.
        year: the year the report covers, from the title, else the preamble, else the signature.
        addressee: the addressee line (主送机关) without its colon, e.g. ``"市委、市政府"``.
        preamble: the paragraphs before the first section (导语).
        sections: the top-level sections, in order.
        closing: the paragraphs after the last section (结束语).
        signature: the issuing organ and date, if the text is signed.
        page: web-page metadata found around the text; takes no part in equality.
        layout: document-wide layout (clutter, title lines, detected style); ``None`` when
            built in code. Takes no part in equality.
    """

    title: str | None = None
    organ: str | None = None
    year: int | None = None
    addressee: str | None = None
    preamble: list[Paragraph] = attrs.Factory(list)
    sections: list[Section] = attrs.Factory(list)
    closing: list[Paragraph] = attrs.Factory(list)
    signature: Signature | None = None
    page: PageInfo = attrs.field(factory=PageInfo, eq=False)
    layout: ReportLayout | None = attrs.field(default=None, eq=False, repr=False)

    def walk(self) -> list[Section]:
        """Every section of the report, depth first, in document order."""
        found: list[Section] = []
        for section in self.sections:
            found.extend(section.walk())
        return found

    @property
    def paragraphs(self) -> list[Paragraph]:
        """Every paragraph in document order: preamble, section bodies, closing."""
        found = list(self.preamble)
        for section in self.walk():
            found.extend(section.body)
        found.extend(self.closing)
        return found

    @property
    def points(self) -> list[Point]:
        """Every point of the report, in document order."""
        return [point for paragraph in self.paragraphs for point in paragraph.points]
