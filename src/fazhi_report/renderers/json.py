"""The JSON renderer: the model as JSON, with or without layout (see `fazhi_report.convert`)."""

from __future__ import annotations

from typing import ClassVar

from fazhi_report import convert
from fazhi_report.model import Report
from fazhi_report.registry import Renderer

__all__ = ["JsonRenderer"]


class JsonRenderer(Renderer):
    """Styles: ``semantic`` (default; content only) and ``lossless`` (with the layout records,
    so the text renderer can give back the source exactly after a JSON round trip).

    Options: ``indent`` (default 2; ``None`` for one line).
    """

    styles: ClassVar[tuple[str, ...]] = ("semantic", "lossless")

    def render(self, report: Report, *, style: str, indent: int | None = 2) -> str:
        """The report as JSON text."""
        return convert.to_json(report, layout=style == "lossless", indent=indent)

    def options(self, style: str) -> frozenset[str]:
        """``indent`` in both styles."""
        return frozenset({"indent"})
