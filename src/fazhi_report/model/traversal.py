"""The one walk over a report: every node with its path, in document order.

A path names a node the way JSON paths do, without the leading ``$.``:
``sections[0].subsections[1].body[0].points[2]``, ``preamble[0]``, ``closing[1]``; a field of a
node adds its name (``sections[0].heading``). `item` and `field` spell the two steps, and every
path the library prints (a `fazhi_report.roundtrip.Problem`, a finding's or a figure's
location) is spelt by them or by the walks here: one spelling.

`walk` gives every node; `walk_sections` the sections, with their ancestors and previous
sibling, and `walk_section` the same below one section; `walk_blocks` a list of blocks (a
body, the preamble, the closing) with their points. A ``prune`` callback skips a section and
everything under it, so a walk that wants part of the tree does not filter as it goes.

Imports the model only (it is part of it: `fazhi_report.traversal` names the same functions).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

from fazhi_report.model.nodes import Block, Paragraph, Point, Report, Section, Table

__all__ = [
    "Node",
    "NodeAt",
    "Prune",
    "SectionAt",
    "field",
    "item",
    "walk",
    "walk_blocks",
    "walk_points",
    "walk_section",
    "walk_sections",
]

Node = Section | Paragraph | Table | Point
"""What `walk` yields: a section, a block (paragraph or table) or a point."""


class SectionAt(NamedTuple):
    """A section where it stands in its report (or below the section a walk started at).

    Attributes:
        path: its path, e.g. ``"sections[0].subsections[1]"``.
        section: the section.
        ancestors: the sections it is inside, outermost first (empty at the top, and for the
            section `walk_section` starts at).
        indexes: its index among its siblings at each depth, outermost first (counted from
            where the walk started: empty for the section `walk_section` starts at).
        previous: the sibling before it, or ``None`` for a first child (and for the section
            `walk_section` starts at).
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
        """1 for a top section, 2 for a subsection, and so on (0 for the section
        `walk_section` starts at, 1 for its subsections)."""
        return len(self.indexes)


class NodeAt(NamedTuple):
    """A node with its path (``"sections[0].body[1].points[2]"``)."""

    path: str
    node: Node


_new_tuple = tuple.__new__

Prune = Callable[[SectionAt], bool]
"""A walk's ``prune`` callback: true for a section to skip, with everything under it."""


def item(path: str, index: int) -> str:
    """The path of the ``index``-th item of the list at ``path``: ``item("preamble", 0)`` is
    ``"preamble[0]"``, ``item("closing[2].rows", 1)`` is ``"closing[2].rows[1]"``."""
    return f"{path}[{index}]"


def field(path: str, name: str) -> str:
    """The path of the field ``name`` of the node at ``path`` (``""`` is the report):
    ``field("sections[0]", "heading")`` is ``"sections[0].heading"``, ``field("", "title")``
    is ``"title"``."""
    return f"{path}.{name}" if path else name


def _down(
    sections: list[Section],
    path: str,
    ancestors: tuple[Section, ...],
    indexes: tuple[int, ...],
    prune: Prune | None,
    depth: int | None,
) -> Iterator[SectionAt]:
    # Runs per section: the two steps are spelt inline as `item` and `field` spell them, and
    # the tuple made by ``tuple.__new__`` (a NamedTuple's own constructor is a Python call).
    previous = None
    for index, section in enumerate(sections):
        here = f"{path}[{index}]"
        at = (*indexes, index)
        place = _new_tuple(SectionAt, (here, section, ancestors, at, previous))
        previous = section
        if prune is not None and prune(place):
            continue
        yield place
        if section.subsections and (depth is None or len(at) < depth):
            yield from _down(
                section.subsections, f"{here}.subsections", (*ancestors, section), at, prune, depth
            )


def walk_sections(
    report: Report, *, prune: Prune | None = None, depth: int | None = None
) -> Iterator[SectionAt]:
    """Every section of ``report``, depth first in document order, as made (nothing kept:
    a report of a million headings costs one path at a time).

    Args:
        report: the report.
        prune: called with each section before it is given; when it returns true the
            section is skipped with everything under it. Paths, indexes and ``previous``
            stay those of the whole tree.
        depth: the deepest `SectionAt.depth` given (1: the top sections only); ``None``
            for every depth.
    """
    return _down(report.sections, "sections", (), (), prune, depth)


def walk_section(
    section: Section, path: str, *, prune: Prune | None = None, depth: int | None = None
) -> Iterator[SectionAt]:
    """``section`` and every section under it, depth first in document order.

    Args:
        section: where to start; given first, with no ancestors, indexes or ``previous``.
        path: its path in its report (``"sections[1]"``): the paths given are under it.
        prune: as for `walk_sections`, called with each section below ``section``.
        depth: the deepest `SectionAt.depth` given (1: ``section`` and its subsections);
            ``None`` for every depth.
    """
    yield SectionAt(path, section, (), (), None)
    if section.subsections and (depth is None or depth > 0):
        subsections = field(path, "subsections")
        yield from _down(section.subsections, subsections, (section,), (), prune, depth)


def walk_points(paragraph: Paragraph, path: str) -> Iterator[NodeAt]:
    """Each point of the paragraph at ``path``, with its path (``"…body[0].points[2]"``)."""
    for index, point in enumerate(paragraph.points):
        yield NodeAt(item(field(path, "points"), index), point)


def walk_blocks(blocks: Sequence[Block], path: str, *, points: bool = True) -> Iterator[NodeAt]:
    """Each block of a list (a section's body, the preamble, the closing) at ``path``
    (``"sections[0].body"``, ``"preamble"``), with its path; with ``points``, each paragraph
    is followed by its points."""
    for index, block in enumerate(blocks):
        here = item(path, index)
        yield NodeAt(here, block)
        if points and isinstance(block, Paragraph) and block.points:
            yield from walk_points(block, here)


def walk(report: Report) -> Iterator[NodeAt]:
    """Every node of ``report`` with its path, in document order: the preamble's blocks,
    each section then its body's blocks (each paragraph then its points) then its
    subsections, the closing's blocks."""
    yield from walk_blocks(report.preamble, "preamble")
    for at in walk_sections(report):
        yield NodeAt(at.path, at.section)
        yield from walk_blocks(at.section.body, field(at.path, "body"))
    yield from walk_blocks(report.closing, "closing")
