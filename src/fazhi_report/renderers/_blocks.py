"""A report's body as one flat list of blocks, for templates that render it in a single loop.

Jinja macros cost far more per call than a loop step, and a report's outline is a tree: the
Markdown and HTML templates walk this list instead of calling a macro per section and
paragraph (about three times faster). Each block is ``(kind, node, extra)``:

- ``("open", section, id)``: a section starts (its heading, or the lead of a run-in heading);
  ``id`` is its position, ``section-2-1``;
- ``("p", paragraph, continued)``: a paragraph; ``continued`` is true for the first paragraph of
  a run-in section, which goes on the heading's line;
- ``("table", table, None)``: a table;
- ``("close", section, id)``: the section (and its subsections) ends.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

from fazhi_report.model import Block as ModelBlock
from fazhi_report.model import Paragraph, Report, Section

__all__ = ["Block", "BlockList", "report_blocks", "run_in_lead"]

Block = tuple[str, object, object]


def _blocks(blocks: list[ModelBlock], run_in: bool = False) -> Iterator[Block]:
    for k, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            yield ("p", block, run_in and k == 0)
        else:
            yield ("table", block, None)


def run_in_lead(section: Section) -> bool:
    """Whether the section's heading runs on into its first block, a paragraph."""
    return section.run_in and bool(section.body) and isinstance(section.body[0], Paragraph)


def _section(section: Section, ident: str) -> Iterator[Block]:
    yield ("open", section, ident)
    yield from _blocks(section.body, run_in_lead(section))
    for k, sub in enumerate(section.subsections, start=1):
        yield from _section(sub, f"{ident}-{k}")
    yield ("close", section, ident)


class BlockList(Sequence[Block]):
    """The blocks of a report, made as a loop reaches them.

    A template's ``{% for %}`` over it holds one block at a time (a list of them all would
    cost more than the sections themselves in a report of a million one-line headings);
    ``len``, indexing and slicing, which a template of one's own may use, make the list once.
    """

    __slots__ = ("_made", "_report")

    def __init__(self, report: Report) -> None:
        self._report = report
        self._made: list[Block] | None = None

    def __iter__(self) -> Iterator[Block]:
        if self._made is not None:
            return iter(self._made)
        return self._generate()

    def _generate(self) -> Iterator[Block]:
        report = self._report
        yield from _blocks(report.preamble)
        for k, section in enumerate(report.sections, start=1):
            yield from _section(section, f"section-{k}")
        yield from _blocks(report.closing)

    def _list(self) -> list[Block]:
        if self._made is None:
            self._made = list(self._generate())
        return self._made

    def __len__(self) -> int:
        return len(self._list())

    @overload
    def __getitem__(self, index: int) -> Block: ...

    @overload
    def __getitem__(self, index: slice) -> list[Block]: ...

    def __getitem__(self, index: int | slice) -> Block | list[Block]:
        return self._list()[index]

    def __bool__(self) -> bool:
        return next(iter(self), None) is not None

    def __repr__(self) -> str:
        return f"BlockList({self._list()!r})"


def report_blocks(report: Report) -> BlockList:
    """The preamble, the sections (opened and closed) and the closing, in document order."""
    return BlockList(report)
