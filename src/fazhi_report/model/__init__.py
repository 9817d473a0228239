"""The semantic model of a 法治政府建设情况报告: plain attrs classes, compared by content.

A report is a title, an optional addressee, a preamble, numbered sections (each with body
paragraphs and subsections), a closing and a signature. Paragraphs hold 一是/二是… points.
Nothing here mentions indentation, punctuation width or page clutter: that lives in each node's
``layout`` (see `fazhi_report.layout`), which takes no part in ``==``.

The model guards itself: every field is checked when a node is built *and* when a field is set
afterwards, and a few are converted (a role given as its string value becomes a `SectionRole`, a
signature date given as an ISO string becomes a `datetime.date`). A value a field cannot hold
raises `fazhi_report.errors.DataError` naming the class and the field, e.g.
``Section.level must be 1 to 4, got 5``. What no single field can tell is checked over the
whole report: its shape (numbers that skip or no marker carries, a stop the official form cannot
carry, a line break in a heading) by `fazhi_report.model.shape.check_shape`, and what would not
read back by `fazhi_report.roundtrip.validate`, which runs both. Mutating a list in place
(``section.body.append(x)``) is not checked: those report that too. The one walk over a report
(every node with its path) is `fazhi_report.model.traversal`.

Nothing is renumbered behind your back: after deleting or moving sections or points, call
`Report.renumber` (or `Section.renumber`) if the numbers should follow the new order.
"""

# Imported for its effect: registers the compact pickling of the nodes (see its text).
from fazhi_report.model import wire as _wire  # noqa: F401
from fazhi_report.model.guards import MAX_YEAR, FieldError, SectionRole
from fazhi_report.model.nodes import (
    Block,
    PageInfo,
    Paragraph,
    Point,
    Report,
    Section,
    Signature,
    Table,
)

__all__ = [
    "MAX_YEAR",
    "Block",
    "FieldError",
    "PageInfo",
    "Paragraph",
    "Point",
    "Report",
    "Section",
    "SectionRole",
    "Signature",
    "Table",
]
