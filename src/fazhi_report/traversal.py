"""The one walk over a report: every node with its path, in document order.

A path is spelt as `fazhi_report.validation` documents it:
``sections[0].subsections[1].body[0].points[2]``, ``preamble[0]``, ``closing[1]``. Analyses,
rows and edits walk a report through `walk` (every node) or `walk_sections` (the sections,
with their ancestors and previous sibling) instead of each writing its own recursion.

Imports the model only.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from fazhi_report.model import Paragraph, Point, Report, Section, Table

__all__ = ["Node", "NodeAt", "SectionAt", "walk", "walk_sections"]

Node = Section | Paragraph | Table | Point
"""What `walk` yields: a section, a block (paragraph or table) or a point."""


class SectionAt(NamedTuple):
    """A section where it stands in its report.

    Attributes:
        path: its path, e.g. ``"sections[0].subsections[1]"``.
        section: the section.
        ancestors: the sections it is inside, outermost first (empty at the top).
        indexes: its index among its siblings at each depth, outermost first.
        previous: the sibling before it, or ``None`` for a first child.
    """

    path: str
    section: Section
    ancestors: tuple[Section, ...]
    indexes: tuple[int, ...]
    previous: Section | None

    @property
    def parent(self) -> Section | None:
        """The section it is directly inside, or ``None`` at the top."""
        return self.ancestors[-1] if self.ancestors else None

    @property
    def depth(self) -> int:
        """1 for a top section, 2 for a subsection, and so on."""
        return len(self.indexes)


class NodeAt(NamedTuple):
    """A node with its path (``"sections[0].body[1].points[2]"``)."""

    path: str
    node: Node


def walk_sections(report: Report) -> Iterator[SectionAt]:
    """Every section of ``report``, depth first in document order, as made (nothing kept:
    a report of a million headings costs one path at a time)."""

    def down(
        sections: list[Section], path: str, ancestors: tuple[Section, ...], indexes: tuple[int, ...]
    ) -> Iterator[SectionAt]:
        previous = None
        for index, section in enumerate(sections):
            here = f"{path}[{index}]"
            at = (*indexes, index)
            yield SectionAt(here, section, ancestors, at, previous)
            previous = section
            if section.subsections:
                yield from down(
                    section.subsections, f"{here}.subsections", (*ancestors, section), at
                )

    return down(report.sections, "sections", (), ())


def _blocks(blocks: list[Paragraph | Table], path: str) -> Iterator[NodeAt]:
    for index, block in enumerate(blocks):
        here = f"{path}[{index}]"
        yield NodeAt(here, block)
        if isinstance(block, Paragraph):
            for p_index, point in enumerate(block.points):
                yield NodeAt(f"{here}.points[{p_index}]", point)


def walk(report: Report) -> Iterator[NodeAt]:
    """Every node of ``report`` with its path, in document order: the preamble's blocks,
    each section then its body's blocks (each paragraph then its points) then its
    subsections, the closing's blocks."""
    yield from _blocks(report.preamble, "preamble")
    for at in walk_sections(report):
        yield NodeAt(at.path, at.section)
        yield from _blocks(at.section.body, f"{at.path}.body")
    yield from _blocks(report.closing, "closing")
