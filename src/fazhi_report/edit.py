"""Helpers for editing reports in code: moving nodes between documents and filling roles.

Renumbering lives on the model itself (`fazhi_report.model.Report.renumber`,
`fazhi_report.model.Section.renumber`); flat rows for data frames are in
`fazhi_report.rows`.

Moving a node from one report into another::

    from fazhi_report.edit import detach

    target.sections.append(detach(source.sections[2]))
    target.renumber()

A parsed node carries the layout of its source (its indent, line ends, the exact marker).
`detach` gives a copy without it, so the node is written in the habits of the report it joins:
a section taken from a CRLF document and put into an LF one brings no ``\\r`` along.
"""

from __future__ import annotations

import copy
from typing import Any, TypeVar

import attrs

from fazhi_report._cues import fold
from fazhi_report.model import PageInfo, Paragraph, Point, Report, Section, SectionRole, Signature
from fazhi_report.model.traversal import walk_sections
from fazhi_report.parsers.facts import infer_subrole, top_level_roles

__all__ = ["detach", "infer_roles", "strip_layout"]

_Node = TypeVar("_Node", Report, Section, Paragraph, Point, Signature)


def strip_layout(node: _Node) -> _Node:
    """Remove the source layout from ``node`` and everything under it, in place.

    A node without layout is rendered in the style of the report it is in (the document's
    detected habits, or the official form for a report built in code). Stripping a whole
    `Report` also drops its document-wide layout (title lines, page clutter, encoding), so it
    renders in the official form.

    Args:
        node: a report, section, paragraph, point or signature.

    Returns:
        The same node, for chaining.
    """
    _strip(node)
    return node


def _strip(node: Any) -> None:
    # Every attrs value under the node, not the one walk (`fazhi_report.model.traversal`):
    # a layout record sits on a report, a signature and a table too, and a node kind added
    # later is stripped without a change here.
    if isinstance(node, PageInfo):
        return  # page metadata is read from the clutter, but it is no layout record
    if "layout" in attrs.fields_dict(type(node)):
        node.layout = None
    for attribute in attrs.fields(type(node)):
        value = getattr(node, attribute.name)
        if isinstance(value, list):
            for item in value:
                if attrs.has(type(item)):
                    _strip(item)
        elif attrs.has(type(value)):
            _strip(value)


def detach(node: _Node) -> _Node:
    """A deep copy of ``node`` without any layout, ready to insert into another report.

    The source node is left as it is. Numbers are kept: call ``renumber`` on the report the
    copy joins if they should follow their new place.

    Args:
        node: a report, section, paragraph, point or signature.

    Returns:
        The copy.
    """
    return strip_layout(copy.deepcopy(node))


def infer_roles(report: Report) -> None:
    """Set every section's role from its heading, as the parser does.

    Level-1 sections get the role their heading names (see
    `fazhi_report.parsers.facts.infer_role`; a heading that names none counts as more
    measures until another part has begun, and as other matters after); the subsections of a
    shortcomings or causes section get ``SHORTCOMINGS`` or ``CAUSES`` when their heading says
    which (不足, 原因); every other section gets ``None``. Roles set before are replaced.

    Use it on a report built in code, or after moving sections, so that roles agree with
    what parsing the rendered text would give.

    Args:
        report: the report; changed in place. Its ``year`` tells next year's plans
            ("2025年重点工作") from this year's work.
    """
    top = iter(top_level_roles(report))  # the walk gives the top-level sections in order
    for at in walk_sections(report):
        section, parent = at.section, at.parent
        if parent is None:
            section.role = next(top)
        elif at.depth == 2 and parent.role in (SectionRole.SHORTCOMINGS, SectionRole.CAUSES):
            # the parent's role is set already: the walk gives a section before what is in it
            section.role = infer_subrole(fold(section.heading))
        else:
            section.role = None
