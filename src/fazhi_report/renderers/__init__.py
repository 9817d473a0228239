"""Renderers of each output format; the text styles are ``lossless`` and ``official``."""

from fazhi_report.renderers.official import render_official
from fazhi_report.renderers.text import paragraph_text, point_text, render_lossless

__all__ = ["paragraph_text", "point_text", "render_lossless", "render_official"]
