"""The rules of the official form, once, for every renderer.

The official form (the way a report is printed under GB/T 9704) writes section markers in full
width (``一、``, ``（一）``, ``1.``, ``（1）``), ends a run-in heading and a point title with a
full-width stop, and writes dates as ``2026年1月28日``. Every renderer (today the text one;
DOCX, Markdown and HTML as they are added) takes its markers and stops from here: templates
reach these functions as filters and globals (see `fazhi_report.renderers.templating`) and
compose the text of each heading, paragraph and point in the shared inline macros of
``official/inline.j2``; the lossless printer writes a point built in code with `point_text`.
Nothing here knows about indents, line breaks or any one output format.
"""

from __future__ import annotations

from fazhi_report.model import Point, Section
from fazhi_report.numbering import format_marker, format_point_marker, match_marker

__all__ = [
    "FULL_WIDTH",
    "heading_marker",
    "heading_stop",
    "point_marker",
    "point_stop",
    "point_text",
]

FULL_WIDTH = str.maketrans({",": "，", ";": "；", ":": "：", "!": "！", "?": "？", ".": "。"})
"""A `str.translate` table from half-width stops to their full-width forms."""

# A point title that ends in one of these (or ends the paragraph) can be written without a stop
# and still read back: the next marker is told apart from the title.
_OPEN_END = frozenset(" \u3000\t\xa0.．")


def heading_marker(
    section: Section, *, half_width: bool = False, level3_separator: str = "."
) -> str:
    """The marker to write before a section's heading, with a space when one is needed.

    A heading that itself starts with a digit or numeral ("12345热线", "二季度工作") would run
    into its marker and stop it reading as one ("1.12345", "一、二季度"); a space keeps them
    apart. ``half_width`` and ``level3_separator`` give a document's own habits (``(一)``,
    ``1、``); the official form is the default.
    """
    marker = format_marker(
        section.level, section.number, half_width=half_width, level3_separator=level3_separator
    )
    found = match_marker(marker + section.heading)
    if found is None or found.raw != marker:
        return marker + " "
    return marker


def heading_stop(section: Section) -> str:
    """The stop after a run-in heading: the one it was written with, in full width, else ``。``."""
    layout = section.layout
    stop = layout.stop.strip() if layout is not None and layout.run_in else ""
    return stop.translate(FULL_WIDTH) if stop else "。"


def point_marker(point: Point) -> str:
    """The official marker of a point: ``一是``, ``二是``…"""
    return format_point_marker(point.number)


def point_stop(point: Point, last: bool = False) -> str:
    """The stop after a point's title: the one it was written with, in full width, else ``。``.

    A bare point ("一是加强学习" with no stop and no text) stays bare where the next point's
    marker can still be told from its title: at the end of its paragraph (``last``) or after a
    space.
    """
    layout = point.layout
    if layout is None:
        return "。"
    if not layout.stop and not point.text and (last or point.title[-1:] in _OPEN_END):
        return ""
    return layout.stop.translate(FULL_WIDTH) if layout.stop else "。"


def point_text(point: Point, last: bool = False) -> str:
    """A point in the official form: marker, title, stop, text."""
    return point_marker(point) + point.title + point_stop(point, last) + point.text
