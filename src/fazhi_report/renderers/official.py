"""The official plain-text style, rendered by the template ``text/official.j2``."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from fazhi_report.model import Point, Report, Section
from fazhi_report.numbering import format_date, format_point_marker
from fazhi_report.renderers.templating import environment, render_template
from fazhi_report.renderers.text import heading_marker

__all__ = ["official_helpers", "render_official"]

# Official punctuation is full width; a stop keeps its kind (a comma stays a comma).
_OPEN_END = frozenset(" \u3000\t\xa0.．")
_FULL_WIDTH = str.maketrans({",": "，", ";": "；", ":": "：", "!": "！", "?": "？", ".": "。"})


def _point_stop(point: Point, last: bool = False) -> str:
    layout = point.layout
    if layout is None:
        return "。"
    if not layout.stop and not point.text and (last or point.title[-1:] in _OPEN_END):
        # a bare point ("一是加强学习") stays as bare as it was written, where the next point's
        # marker can still be told (at the end, or after a space)
        return ""
    return layout.stop.translate(_FULL_WIDTH) if layout.stop else "。"


def _heading_stop(section: Section) -> str:
    layout = section.layout
    stop = layout.stop.strip() if layout is not None and layout.run_in else ""
    return stop.translate(_FULL_WIDTH) if stop else "。"


def official_helpers() -> dict[str, Callable[..., Any] | str]:
    """The functions and constants the official templates use (markers, stops, dates)."""
    return {
        "marker": heading_marker,
        "heading_stop": _heading_stop,
        "point_marker": lambda p: format_point_marker(p.number),
        "point_stop": _point_stop,
        "date": format_date,
        "indent": "\u3000\u3000",
        "nl": "\n",
    }


def render_official(
    report: Report,
    *,
    template_dir: str | os.PathLike[str] | None = None,
    sandboxed: bool = False,
) -> str:
    """Render ``report`` as official plain text (see the template ``text/official.j2``)."""
    env = environment(template_dir, sandboxed=sandboxed)
    return render_template(env, "text/official.j2", {"report": report}, official_helpers())
