"""The text renderer: the one place that chooses between the lossless and the official style.

- ``lossless`` (default): the source exactly, edits applied (`fazhi_report.renderers.lossless`).
  A report with no layout (built in code, or read from JSON without layout) has no source to be
  lossless to and is written in the official form.
- ``official``: the normalised GB/T 9704 form, from the template ``text/official.j2``, whose
  paragraph text comes from the shared inline macros (``official/inline.j2``). Options:
  ``templates`` (a folder of templates searched before the shipped ones) and ``sandboxed``
  (run them in the bounded sandbox of `fazhi_report.renderers.templating`).
"""

from __future__ import annotations

import os
from typing import ClassVar

from fazhi_report.model import Report
from fazhi_report.registry import Renderer
from fazhi_report.renderers.lossless import render_lossless
from fazhi_report.renderers.templating import environment, render_template

__all__ = ["TextRenderer", "render_official"]

_TEMPLATE_OPTIONS = frozenset({"templates", "sandboxed"})


def render_official(
    report: Report,
    *,
    templates: str | os.PathLike[str] | None = None,
    sandboxed: bool = False,
) -> str:
    """Render ``report`` as official plain text (the template ``text/official.j2``).

    Does not check that the report reads back: `fazhi_report.render` does that first
    (`fazhi_report.roundtrip.ensure_valid`).

    Raises:
        TemplateError: a template is missing, malformed, failed, or broke a sandbox limit.
    """
    env = environment(templates, sandboxed=sandboxed)
    return render_template(env, "text/official.j2", {"report": report})


class TextRenderer(Renderer):
    """Plain text in the ``lossless`` (default) or ``official`` style."""

    styles: ClassVar[tuple[str, ...]] = ("lossless", "official")

    def render(
        self,
        report: Report,
        *,
        style: str,
        templates: str | os.PathLike[str] | None = None,
        sandboxed: bool = False,
    ) -> str:
        """The report as text in ``style``."""
        if style == "lossless" and report.layout is not None:
            return render_lossless(report)
        return render_official(report, templates=templates, sandboxed=sandboxed)

    def reads_back(self, report: Report, style: str) -> bool:
        """The official style, and the lossless one of a report without a source, must."""
        return not (style == "lossless" and report.layout is not None)

    def options(self, style: str) -> frozenset[str]:
        """``templates`` and ``sandboxed`` in the official style; none in the lossless one."""
        return _TEMPLATE_OPTIONS if style == "official" else frozenset()

    def encoding(self, report: Report) -> str:
        """The encoding the report's source was read in (a GB18030 file stays GB18030)."""
        layout = report.layout
        return layout.encoding if layout is not None and layout.encoding else "utf-8"
