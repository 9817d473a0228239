"""The HTML renderer: a report as a web page in the official look, from ``templates/html/``.

The page is semantic and self-contained: ``<html lang="zh-CN">`` with ``<meta charset>``, the
CSS of ``html/official.css`` embedded (仿宋 body with CJK font fallbacks, 小标宋 title centred
and broken in balanced lines, 黑体/楷体 headings, two-character indents, and a print
stylesheet). The report is one ``<article class="fazhi-report">``:

- the title in ``<header><h1>``; an addressee in ``<p class="addressee">``;
- each section a ``<section id="section-2-1" class="level-2" data-role="measures">`` (the id
  is its position, so it stays the same as long as the outline does), its heading ``<h2>``
  (一、) to ``<h5>`` (（1）), or, for a run-in heading, the ``<strong role="heading"
  aria-level="3">`` lead of its first paragraph (a heading to a screen reader, at the level
  its ``<hN>`` would have);
- paragraphs ``<p>``, each point a ``<span class="point" data-number="2">``;
- the signature in ``<footer class="signature">``, its date a ``<time datetime>``, laid out as
  GB/T 9704 7.3.5 has it (organ 右空二字, the date starting two characters right of it).

A page (not a fragment) of a report without a title still has a ``<title>`` and an ``<h1>``:
`page_title`, from the organ and year where known. The ``<h1>`` stands before the article and
is shown only to screen readers: the report has no title, and reading the page back finds
none. With ``toc``, the table of contents is a ``<details>`` that stays folded on a phone.
Printed, the pages are A4 with the GB/T 9704 margins and "— N —" page numbers right on odd
and left on even pages (``@page :right``/``:left`` margin boxes, which Chromium prints since
version 131; a browser without margin boxes prints no number).

Every value is escaped (Jinja's autoescape): text holding ``<script>`` or ``{{ }}`` comes out
as text. Markers, stops and dates come from the shared official-form macros
(``official/inline.j2``), as for the text, Markdown and DOCX renderers; imported from an HTML
template they escape too, as does every template an HTML template imports or includes (see
`fazhi_report.renderers.templating`), from a user's folder or not.

Options:

- ``fragment``: the ``<article>`` alone, to embed in a page of one's own (its classes are the
  hooks for that page's CSS; ``official_css()`` gives the shipped rules).
- ``toc``: a table of contents (``<nav class="toc">``) linking to the sections' ids.
- ``templates``, ``sandboxed``: a folder of templates searched before the shipped ones, and
  running them in the bounded sandbox (see `fazhi_report.renderers.templating`).
"""

from __future__ import annotations

import os
from typing import ClassVar

from fazhi_report._version import VERSION
from fazhi_report.model import Report
from fazhi_report.registry import Renderer
from fazhi_report.renderers._blocks import report_blocks
from fazhi_report.renderers.templating import environment, render_template

__all__ = ["HtmlRenderer", "official_css", "page_title", "render_html"]


def _generator() -> str:
    return f"fazhi_report {VERSION}"


def page_title(report: Report) -> str:
    """The page's ``<title>``: the report's title, else one made from its organ and year.

    >>> page_title(Report(organ="青禾县司法局", year=2025))
    '青禾县司法局2025年法治政府建设情况报告'
    >>> page_title(Report())
    '法治政府建设情况报告'
    """
    if report.title:
        return report.title
    year = f"{report.year}年" if report.year is not None else ""
    return f"{report.organ or ''}{year}法治政府建设情况报告"


def render_html(
    report: Report,
    *,
    fragment: bool = False,
    toc: bool = False,
    templates: str | os.PathLike[str] | None = None,
    sandboxed: bool = False,
) -> str:
    """The report as HTML (template ``html/report.html.j2``).

    Does not check that the report reads back: `fazhi_report.render` does that first
    (`fazhi_report.roundtrip.ensure_valid`).

    Raises:
        TemplateError: a template is missing, malformed, failed or broke a sandbox limit.
    """
    env = environment(templates, sandboxed=sandboxed)
    context = {
        "report": report,
        "blocks": report_blocks(report),
        "fragment": fragment,
        "toc": toc,
        "generator": _generator(),
        "page_title": page_title(report),
    }
    return render_template(env, "html/report.html.j2", context)


def official_css(templates: str | os.PathLike[str] | None = None) -> str:
    """The stylesheet a full page embeds (``html/official.css``), for pages of one's own."""
    env = environment(templates)
    return render_template(env, "html/official.css", {})


class HtmlRenderer(Renderer):
    """HTML in the official form; options ``fragment``, ``toc``, ``templates``, ``sandboxed``."""

    styles: ClassVar[tuple[str, ...]] = ("official",)

    def reads_back(self, report: Report, style: str) -> bool:
        """Always: the official form must read back."""
        return True

    def render(
        self,
        report: Report,
        *,
        style: str,
        fragment: bool = False,
        toc: bool = False,
        templates: str | os.PathLike[str] | None = None,
        sandboxed: bool = False,
    ) -> str:
        """The report as an HTML page, or its ``<article>`` alone."""
        return render_html(
            report, fragment=fragment, toc=toc, templates=templates, sandboxed=sandboxed
        )
