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

from fazhi_report.model import Block as ModelBlock
from fazhi_report.model import Paragraph, Report, Section

__all__ = ["Block", "report_blocks", "run_in_lead"]

Block = tuple[str, object, object]


def _blocks(blocks: list[ModelBlock], out: list[Block], run_in: bool = False) -> None:
    for k, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            out.append(("p", block, run_in and k == 0))
        else:
            out.append(("table", block, None))


def run_in_lead(section: Section) -> bool:
    """Whether the section's heading runs on into its first block, a paragraph."""
    return section.run_in and bool(section.body) and isinstance(section.body[0], Paragraph)


def _section(section: Section, ident: str, out: list[Block]) -> None:
    out.append(("open", section, ident))
    _blocks(section.body, out, run_in_lead(section))
    for k, sub in enumerate(section.subsections, start=1):
        _section(sub, f"{ident}-{k}", out)
    out.append(("close", section, ident))


def report_blocks(report: Report) -> list[Block]:
    """The preamble, the sections (opened and closed) and the closing, in document order."""
    out: list[Block] = []
    _blocks(report.preamble, out)
    for k, section in enumerate(report.sections, start=1):
        _section(section, f"section-{k}", out)
    _blocks(report.closing, out)
    return out
