"""A report's body as one flat list of blocks, for templates that render it in a single loop.

Jinja macros cost far more per call than a loop step, and a report's outline is a tree: the
Markdown and HTML templates walk this list instead of calling a macro per section and
paragraph (about three times faster). Each block is ``(kind, node, extra)``:

- ``("open", section, id)``: a section starts (its heading, or the lead of a run-in heading);
  ``id`` is its position, ``section-2-1``;
- ``("p", paragraph, continued)``: a paragraph; ``continued`` is true for the first paragraph of
  a run-in section, which goes on the heading's line;
- ``("close", section, id)``: the section (and its subsections) ends.
"""

from __future__ import annotations

from fazhi_report.model import Paragraph, Report, Section

__all__ = ["Block", "report_blocks"]

Block = tuple[str, object, object]


def _section(section: Section, ident: str, out: list[Block]) -> None:
    out.append(("open", section, ident))
    body = section.body
    for k, block in enumerate(body):
        if isinstance(block, Paragraph):
            out.append(("p", block, k == 0 and section.run_in))
    for k, sub in enumerate(section.subsections, start=1):
        _section(sub, f"{ident}-{k}", out)
    out.append(("close", section, ident))


def report_blocks(report: Report) -> list[Block]:
    """The preamble, the sections (opened and closed) and the closing, in document order."""
    out: list[Block] = [("p", p, False) for p in report.preamble if isinstance(p, Paragraph)]
    for k, section in enumerate(report.sections, start=1):
        _section(section, f"section-{k}", out)
    out.extend(("p", p, False) for p in report.closing if isinstance(p, Paragraph))
    return out
