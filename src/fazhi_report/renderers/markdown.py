"""The Markdown renderer: a report as CommonMark, from the templates in ``templates/markdown/``.

The title is a level-1 heading (``#``); level-1 sections are ``##`` with their marker
(``## 一、主要举措和成效``), level 2 ``###``, levels 3 and 4 ``####`` and ``#####``; a run-in
heading is the bold lead sentence of its paragraph (``**（一）加强组织领导**。坚持…``); points
stay in their paragraph as the official form writes them (``一是…。二是…。``); a table is a
pipe table (or a raw HTML table when rows differ in width); the organ and date of the signature
close the document on two lines. Markers, stops and dates come from the
shared official-form macros (``official/inline.j2``), so Markdown and the official text agree.

Text is escaped (`escape_markdown`) so that nothing in a report reads as Markdown: ``*``,
``_``, ``#``, ``<``, a ``1.`` or ``-`` opening a paragraph all come back as written.

Options:

- ``front_matter``: write YAML front matter with the report's ``organ``, ``year`` and the
  ``roles`` of its level-1 sections (what the Markdown reader takes back over what it would
  derive).
- ``templates``, ``sandboxed``: a folder of templates searched before the shipped ones, and
  running them in the bounded sandbox (see `fazhi_report.renderers.templating`).
"""

from __future__ import annotations

import json
import os
import re
from typing import ClassVar

from fazhi_report.model import Report, Table
from fazhi_report.registry import Renderer
from fazhi_report.renderers._blocks import report_blocks
from fazhi_report.renderers.templating import environment, render_template
from fazhi_report.validation import ensure_valid

__all__ = [
    "MarkdownRenderer",
    "escape_markdown",
    "front_matter_lines",
    "pipe_table",
    "render_markdown",
]

# ASCII punctuation CommonMark may read as markup anywhere in a line (``&`` starts an entity,
# ``|`` a table cell, ``~`` strike-through in common extensions). A backslash before any ASCII
# punctuation is always a literal in CommonMark, so escaping too much is harmless.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&!])")
# What opens a block when it starts a line: a list item (``-``, ``+``, ``1.``, ``1)``), a setext
# underline or thematic break (``=``, ``-``).
_ORDERED_START = re.compile(r"([0-9]{1,9})([.)])")


def escape_markdown(text: str, start: bool = True) -> str:
    """``text`` with every character Markdown would read as markup backslash-escaped.

    Args:
        text: one line of text (no line breaks).
        start: the text opens a block, so list and heading markers at its start are escaped
            too (``1.`` → ``1\\.``).

    >>> escape_markdown("1. 加强*领导*")
    '1\\\\. 加强\\\\*领导\\\\*'
    """
    if _INLINE_SPECIAL.search(text) is not None:  # most text holds none: one C search
        text = _INLINE_SPECIAL.sub(r"\\\1", text)
    if start:
        m = _ORDERED_START.match(text)
        if m is not None:
            text = m.group(1) + "\\" + text[m.end(1) :]
        elif text[:1] in ("-", "+", "="):
            text = "\\" + text
    return text


def pipe_table(table: Table) -> bool:
    """Whether a pipe table carries ``table`` exactly: rows of one width, no spaces around cells.

    A pipe table pads or cuts every row to its header's width and trims its cells; a table it
    cannot carry is written as a raw HTML table instead.
    """
    widths = {len(row) for row in table.rows}
    return (
        len(widths) == 1
        and min(widths) >= 1
        and all(cell == cell.strip() for row in table.rows for cell in row)
    )


# Characters of a front-matter string written as \u escapes: a renderer that does not know
# front matter shows it as a paragraph, where they would be markup (``<b>``, ``*x*``, ``[x](y)``).
# A backslash needs none: in a JSON string it always starts an escape, which Markdown shows.
_FRONT_MATTER_SPECIAL = re.compile(r"[`*_\[\]<>#|~&!]")


def _json_string(text: str) -> str:
    """``text`` as a JSON (and YAML) string in which no character is Markdown or HTML markup."""
    quoted = json.dumps(text, ensure_ascii=False)
    return _FRONT_MATTER_SPECIAL.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def front_matter_lines(report: Report) -> list[tuple[str, str]]:
    """The YAML front matter of ``report`` as (key, value) pairs, values in JSON form.

    JSON scalars and arrays are valid YAML flow values, so any YAML reader takes them, and the
    Markdown reader needs no YAML library to read them back. Markup characters in the organ
    are written as ``\\u`` escapes (``<`` as ``\\u003c``), which JSON and YAML both read.
    """
    lines: list[tuple[str, str]] = []
    if report.organ is not None:
        lines.append(("organ", _json_string(report.organ)))
    if report.year is not None:
        lines.append(("year", json.dumps(report.year)))
    if report.sections:
        roles = [None if s.role is None else s.role.value for s in report.sections]
        lines.append(("roles", json.dumps(roles)))
    return lines


def render_markdown(
    report: Report,
    *,
    front_matter: bool = False,
    templates: str | os.PathLike[str] | None = None,
    sandboxed: bool = False,
) -> str:
    """The report as Markdown (template ``markdown/report.md.j2``).

    Raises:
        DataError: the report holds what the official form cannot carry and read back (see
            `fazhi_report.validation.validate`).
        TemplateError: a template is missing, malformed, failed or broke a sandbox limit.
    """
    ensure_valid(report)
    env = environment(templates, sandboxed=sandboxed)
    context = {
        "report": report,
        "md": escape_markdown,
        "blocks": report_blocks(report),
        "pipe_table": pipe_table,
        "front_matter": front_matter_lines(report) if front_matter else [],
    }
    text = render_template(env, "markdown/report.md.j2", context)
    return text.rstrip("\n") + "\n" if text.strip() else ""


class MarkdownRenderer(Renderer):
    """Markdown (CommonMark) in the official form; options ``front_matter``, ``templates``,
    ``sandboxed``."""

    styles: ClassVar[tuple[str, ...]] = ("official",)

    def render(
        self,
        report: Report,
        *,
        style: str,
        front_matter: bool = False,
        templates: str | os.PathLike[str] | None = None,
        sandboxed: bool = False,
    ) -> str:
        """The report as Markdown."""
        return render_markdown(
            report, front_matter=front_matter, templates=templates, sandboxed=sandboxed
        )
