"""Reports as flat rows: one dict per section, per point, or per report, as a data frame
takes them.

```python
import pandas as pd
import fazhi_report as fr
from fazhi_report.rows import to_rows

frame = pd.DataFrame(to_rows(report))            # one row per section
points = pd.DataFrame(to_rows(report, "points"))  # one row per point

paths = fr.batch.find_reports(["reports/"])
folder = pd.DataFrame(to_rows(zip(paths, fr.parse_many(paths)), level="reports"))
```

Every row of one table has the same keys, and every value is a ``str``, an ``int`` (report
rows: a ``bool`` for each ``has_…`` part) or ``None``, so the rows go into pandas, polars,
csv.DictWriter or a database as they are.

Paths are stable names for where a node is: a section's path is the 1-based position of it
and of each section above it, joined by ``/`` (``"2/1"`` is the first subsection of the
second section). A point's path adds the 1-based paragraph and point after a colon:
``"2/1:3.2"`` is the second point of the third paragraph of that subsection; points of the
preamble and the closing have paths ``"preamble:1.1"`` and ``"closing:1.1"``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Literal, TypeAlias, overload

from fazhi_report.batch import InputFile, ParseFailure
from fazhi_report.model import Block, Paragraph, Report, Section, SectionRole
from fazhi_report.model.traversal import SectionAt, walk_sections
from fazhi_report.renderers.lossless import block_text
from fazhi_report.tables import Column, write_table

__all__ = [
    "REPORT_KEYS",
    "REQUIRED_ROLES",
    "ROLE_NAMES",
    "ReportInput",
    "report_row",
    "rows_to_csv",
    "rows_to_html",
    "rows_to_json",
    "to_rows",
]

REQUIRED_ROLES: tuple[SectionRole, ...] = (
    SectionRole.MEASURES,
    SectionRole.RESPONSIBILITY,
    SectionRole.SHORTCOMINGS,
    SectionRole.PLANS,
)
"""The parts 《法治政府建设与责任落实督察工作规定》 asks every report for, as section roles:
main measures and results, the principal leader's duty, shortcomings (their causes may share
that section), and next year's plan."""

REPORT_KEYS: tuple[str, ...] = (
    "file",
    "error",
    "title",
    "organ",
    "year",
    "signed",
    *(f"has_{role.value}" for role in SectionRole),
    "missing",
    "sections",
    "subsections",
    "paragraphs",
    "points",
    "tables",
    "findings",
    "figures",
)
"""The keys of every report row, in order (see `report_row`)."""

ReportInput: TypeAlias = (
    Report | ParseFailure | tuple[str | os.PathLike[str] | InputFile, Report | ParseFailure]
)
"""What a report row is made from: a report, a failure, or either paired with its file."""


@overload
def to_rows(
    report: Report, level: Literal["sections", "points"] = "sections"
) -> list[dict[str, object]]: ...
@overload
def to_rows(
    report: Iterable[ReportInput], level: Literal["reports"]
) -> list[dict[str, object]]: ...
def to_rows(
    report: Report | Iterable[ReportInput],
    level: Literal["sections", "points", "reports"] = "sections",
) -> list[dict[str, object]]:
    """A report's sections or points, or many reports, as flat rows in document order.

    Section rows have the keys ``path``, ``depth`` (1 for a top-level section), ``level``
    (the marker kind, 1 for ``一、`` to 4 for ``（1）``), ``number``, ``role`` (the role's
    value, e.g. ``"measures"``, or ``None``), ``heading``, ``text`` (the section's own body,
    paragraphs joined by ``"\\n"``, points written with their markers), ``paragraphs``,
    ``points`` and ``subsections`` (counts of the section's own body and children).

    Point rows have the keys ``path``, ``section`` (the section's path, or ``"preamble"`` or
    ``"closing"``), ``level`` and ``role`` (of that section, else ``None``), ``paragraph`` and
    ``point`` (1-based positions), ``number``, ``title`` and ``text``.

    With ``level="reports"``, ``report`` is an iterable of reports (or of `ParseFailure`
    values, or of ``(file, result)`` pairs such as ``zip(paths, fr.parse_many(paths))``) and
    each gives one row, as `report_row` describes; a stream is consumed as it comes.

    Args:
        report: the report; for ``"reports"``, the reports.
        level: ``"sections"`` for one row per section, ``"points"`` for one row per point,
            ``"reports"`` for one row per report.

    Returns:
        The rows.

    Raises:
        ValueError: ``level`` is not one of those three.
    """
    rows: list[dict[str, object]] = []
    if level == "reports":
        if isinstance(report, Report):
            return [report_row(report)]
        for item in report:
            if isinstance(item, tuple):
                file, result = item
                rows.append(report_row(result, file=file))
            else:
                rows.append(report_row(item))
        return rows
    if not isinstance(report, Report):
        raise TypeError(f"level={level!r} takes one Report, not {type(report).__name__}")
    if level == "sections":
        _section_rows(report, rows)
        return rows
    if level == "points":
        _point_rows(report.preamble, "preamble", None, rows)
        for path, section in _walk(report):
            _point_rows(section.body, path, section, rows)
        _point_rows(report.closing, "closing", None, rows)
        return rows
    raise ValueError(f"level must be 'sections', 'points' or 'reports', got {level!r}")


def report_row(
    result: Report | ParseFailure, file: str | os.PathLike[str] | InputFile | None = None
) -> dict[str, object]:
    """One flat row for a report (or for a file that failed to parse), with `REPORT_KEYS`.

    The keys: ``file`` (``file`` as given, else the failure's path, else ``None``),
    ``error`` (``"DecodeError: …"`` for a failure, else ``None``; every other value of a
    failure's row is ``None``), ``title``, ``organ``, ``year``, ``signed`` (the signature's
    date, ISO), ``has_measures`` … ``has_other`` (whether a section at any depth has that role),
    ``missing`` (the `REQUIRED_ROLES` it lacks, joined by ``","``; ``""`` when none),
    ``sections`` (top level), ``subsections`` (all below), ``paragraphs``, ``points`` and
    ``tables`` (the whole report's), and ``findings`` and ``figures``: the number of findings of
    `fazhi_report.check` (every rule) and of figures `fazhi_report.figures` finds.

    >>> row = report_row(Report(title="某局2024年法治政府建设情况报告"), file="a.txt")
    >>> row["file"], row["sections"], row["missing"]
    ('a.txt', 0, 'measures,responsibility,shortcomings,plans')
    """
    if isinstance(file, InputFile):
        file = file.path
    name = os.fspath(file) if file is not None else None
    row: dict[str, object] = dict.fromkeys(REPORT_KEYS)
    if isinstance(result, ParseFailure):
        row["file"] = name if name is not None else result.path
        row["error"] = str(result)
        return row
    sections = result.walk()
    roles = {section.role for section in sections if section.role is not None}
    paragraphs = [block for block in result.paragraphs if isinstance(block, Paragraph)]
    signature = result.signature
    row.update(
        {
            "file": name,
            "title": result.title,
            "organ": result.organ,
            "year": result.year,
            "signed": signature.date.isoformat()
            if signature is not None and signature.date is not None
            else None,
            **{f"has_{role.value}": role in roles for role in SectionRole},
            "missing": ",".join(r.value for r in REQUIRED_ROLES if r not in roles),
            "sections": len(result.sections),
            "subsections": len(sections) - len(result.sections),
            "paragraphs": len(paragraphs),
            "points": sum(len(p.points) for p in paragraphs),
            "tables": len(result.tables),
        }
    )
    row.update(_analysis_counts(result))
    return row


def _analysis_counts(report: Report) -> dict[str, object]:
    """The analysis columns of a report row: how many findings `fazhi_report.check` makes
    (every rule) and how many figures `fazhi_report.figures` finds."""
    # parsing and rows alone never load it
    from fazhi_report.analysis.figures import find_figures
    from fazhi_report.analysis.rules import count_findings

    # counted as found: a row needs how many, and a report can have millions
    return {"findings": count_findings(report), "figures": len(find_figures(report))}


def _walk(report: Report) -> list[tuple[str, Section]]:
    return [(_row_path(at), at.section) for at in walk_sections(report)]


def _row_path(at: SectionAt) -> str:
    # rows number sections from 1, joined by "/": "2/1" is sections[1].subsections[0]
    return "/".join(str(index + 1) for index in at.indexes)


def _section_rows(report: Report, rows: list[dict[str, object]]) -> None:
    for at in walk_sections(report):
        section = at.section
        rows.append(
            {
                "path": _row_path(at),
                "depth": at.depth,
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


# ------------------------------------------------------------------ writing a row table

ROLE_NAMES: dict[str, str] = {
    "measures": "主要举措和成效",
    "responsibility": "第一责任人职责",
    "shortcomings": "存在的不足",
    "causes": "原因分析",
    "plans": "下一年度工作安排",
    "other": "其他事项",
}
"""The Chinese name of each section role, as the HTML summary labels them."""


def rows_to_csv(rows: Iterable[dict[str, object]]) -> str:
    """Report rows as CSV text (RFC 4180 line ends), with the `REPORT_KEYS` header."""
    return write_table(rows, "csv", columns=REPORT_KEYS)


def rows_to_json(rows: Iterable[dict[str, object]]) -> str:
    """Report rows as a JSON array of objects (UTF-8 text, Chinese unescaped)."""
    return write_table(rows, "json")


def rows_to_html(
    rows: Iterable[dict[str, object]],
    *,
    templates: str | os.PathLike[str] | None = None,
    sandboxed: bool = False,
) -> str:
    """Report rows as a printable HTML page: a chart and a table, no script.

    The chart has one bar per part of a report (each section role, the `REQUIRED_ROLES`
    first): how many of the reports that could be read have that part. The table has one
    line per report: file, organ, year, a mark per required part, counts, and the error of a
    file that could not be read. The page is the template ``table/summary.html.j2``, which
    ``templates`` (a folder, as for the other formats) may override; every value in it is
    escaped (see `fazhi_report.tables`), and a file name's bytes that are not UTF-8 are
    shown as ``\\xff``.
    """
    table = list(rows)
    readable = [row for row in table if row.get("error") is None]
    roles = [*REQUIRED_ROLES, *(r for r in SectionRole if r not in REQUIRED_ROLES)]
    bars = []
    for role in roles:
        count = sum(1 for row in readable if row.get(f"has_{role.value}"))
        bars.append(
            {
                "label": ROLE_NAMES[role.value],
                "required": role in REQUIRED_ROLES,
                "count": count,
                "total": len(readable),
                "share": count / len(readable) * 100 if readable else 0.0,
            }
        )
    columns = [
        Column("file"),
        Column("organ"),
        Column("year", kind="number"),
        *(Column(f"has_{r.value}", ROLE_NAMES[r.value], "mark") for r in REQUIRED_ROLES),
        Column("sections", kind="number"),
        Column("points", kind="number"),
        Column("error"),
    ]
    complete = sum(1 for row in readable if row.get("missing") == "")
    return write_table(
        table,
        "html",
        columns=columns,
        title="法治政府建设情况报告 汇总",
        template="table/summary.html.j2",
        context={
            "summary": f"{len(table)} files, {len(readable)} read, "
            f"{len(table) - len(readable)} failed; {complete} have every required part.",
            "chart_label": "reports having each part",
            "bars": bars,
        },
        templates=templates,
        sandboxed=sandboxed,
    )
