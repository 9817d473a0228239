"""Measuring a PDF page by page: text lines with their boxes, and the face and colour of text.

Used by tests/test_docx_pdf.py on the PDFs LibreOffice makes of our Word files. Lines come from
poppler's ``pdftotext -bbox-layout`` (points, origin top left); faces and colours from
``pdftohtml -xml`` (pixels at 1.5 px a point).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import NamedTuple
from xml.etree import ElementTree

from .pdf_office import office_convert

XHTML = "{http://www.w3.org/1999/xhtml}"


class Line(NamedTuple):
    """One line of text as poppler sees it, in points from the top left of the page."""

    top: float
    left: float
    right: float
    bottom: float
    text: str


def pdf_lines(pdf: Path) -> list[list[Line]]:
    """Every page's lines, top to bottom."""
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    root = ElementTree.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", out))
    pages = []
    for page in root.iter(XHTML + "page"):
        lines = []
        for line in page.iter(XHTML + "line"):
            text = "".join(w.text or "" for w in line.iter(XHTML + "word"))
            box = [float(line.get(k) or 0) for k in ("yMin", "xMin", "xMax", "yMax")]
            lines.append(Line(box[0], box[1], box[2], box[3], text))
        pages.append(sorted(lines))
    return pages


class Run(NamedTuple):
    """A piece of text with its face, size (pt) and colour, from ``pdftohtml -xml``."""

    page: int
    text: str
    face: str
    size: float
    color: str


def pdf_runs(pdf: Path) -> list[Run]:
    """Every piece of text of the PDF with its face (the subset prefix removed)."""
    out = subprocess.run(
        ["pdftohtml", "-xml", "-i", "-stdout", "-q", str(pdf)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    root = ElementTree.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", out))
    specs = {
        spec.get("id"): (
            (spec.get("family") or "").partition("+")[2] or spec.get("family") or "",
            float(spec.get("size") or 0),
            spec.get("color") or "",
        )
        for spec in root.iter("fontspec")
    }
    runs = []
    for number, page in enumerate(root.iter("page"), 1):
        for text in page.iter("text"):
            face, size, color = specs[text.get("font")]
            runs.append(Run(number, "".join(text.itertext()), face, size, color))
    return runs


def to_pdf(docs: list[Path], out: Path, profile: Path) -> None:
    """Convert Word files to PDF with LibreOffice, in one run, in a profile of our own."""
    office_convert(docs, "pdf", out, profile, timeout=900)
