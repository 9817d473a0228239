"""A report as flat rows: one dict per section or per point, as a data frame takes them.

```python
import pandas as pd
from fazhi_report.rows import to_rows

frame = pd.DataFrame(to_rows(report))            # one row per section
points = pd.DataFrame(to_rows(report, "points"))  # one row per point
```

Every row of one table has the same keys, and every value is a ``str``, an ``int`` or ``None``,
so the rows go into pandas, polars, csv.DictWriter or a database as they are.

Paths are stable names for where a node is: a section's path is the 1-based position of it
and of each section above it, joined by ``/`` (``"2/1"`` is the first subsection of the
second section). A point's path adds the 1-based paragraph and point after a colon:
``"2/1:3.2"`` is the second point of the third paragraph of that subsection; points of the
preamble and the closing have paths ``"preamble:1.1"`` and ``"closing:1.1"``.
"""

from __future__ import annotations

from typing import Literal

from fazhi_report.model import Block, Paragraph, Report, Section
from fazhi_report.renderers.lossless import block_text

__all__ = ["to_rows"]


def to_rows(
    report: Report, level: Literal["sections", "points"] = "sections"
) -> list[dict[str, object]]:
    """The report's sections, or its points, as flat rows in document order.

    Section rows have the keys ``path``, ``depth`` (1 for a top-level section), ``level``
    (the marker kind, 1 for ``一、`` to 4 for ``（1）``), ``number``, ``role`` (the role's
    value, e.g. ``"measures"``, or ``None``), ``heading``, ``text`` (the section's own body,
    paragraphs joined by ``"\\n"``, points written with their markers), ``paragraphs``,
    ``points`` and ``subsections`` (counts of the section's own body and children).

    Point rows have the keys ``path``, ``section`` (the section's path, or ``"preamble"`` or
    ``"closing"``), ``level`` and ``role`` (of that section, else ``None``), ``paragraph`` and
    ``point`` (1-based positions), ``number``, ``title`` and ``text``.

    Args:
        report: the report.
        level: ``"sections"`` for one row per section, ``"points"`` for one row per point.

    Returns:
        The rows.

    Raises:
        ValueError: ``level`` is neither ``"sections"`` nor ``"points"``.
    """
    if level == "sections":
        rows: list[dict[str, object]] = []
        _section_rows(report.sections, "", 1, rows)
        return rows
    if level == "points":
        rows = []
        _point_rows(report.preamble, "preamble", None, rows)
        for path, section in _walk(report.sections, ""):
            _point_rows(section.body, path, section, rows)
        _point_rows(report.closing, "closing", None, rows)
        return rows
    raise ValueError(f"level must be 'sections' or 'points', got {level!r}")


def _walk(sections: list[Section], prefix: str) -> list[tuple[str, Section]]:
    found: list[tuple[str, Section]] = []
    for index, section in enumerate(sections, start=1):
        path = f"{prefix}{index}"
        found.append((path, section))
        found.extend(_walk(section.subsections, path + "/"))
    return found


def _section_rows(
    sections: list[Section], prefix: str, depth: int, rows: list[dict[str, object]]
) -> None:
    for index, section in enumerate(sections, start=1):
        path = f"{prefix}{index}"
        rows.append(
            {
                "path": path,
                "depth": depth,
                "level": section.level,
                "number": section.number,
                "role": section.role.value if section.role is not None else None,
                "heading": section.heading,
                "text": "\n".join(block_text(b) for b in section.body),
                "paragraphs": sum(1 for b in section.body if isinstance(b, Paragraph)),
                "points": len(section.points),
                "subsections": len(section.subsections),
            }
        )
        _section_rows(section.subsections, path + "/", depth + 1, rows)


def _point_rows(
    blocks: list[Block],
    where: str,
    section: Section | None,
    rows: list[dict[str, object]],
) -> None:
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    for p_index, paragraph in enumerate(paragraphs, start=1):
        for index, point in enumerate(paragraph.points, start=1):
            rows.append(
                {
                    "path": f"{where}:{p_index}.{index}",
                    "section": where,
                    "level": section.level if section is not None else None,
                    "role": section.role.value
                    if section is not None and section.role is not None
                    else None,
                    "paragraph": p_index,
                    "point": index,
                    "number": point.number,
                    "title": point.title,
                    "text": point.text,
                }
            )
