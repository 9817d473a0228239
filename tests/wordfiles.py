"""Word files built for the tests from raw OOXML parts: one paragraph, run or table at a time.

Only what a test needs is written, with the namespaces Word and WPS use declared on every
part, so each feature can be put in exactly as Word writes it. Text is our own (青禾县…).
"""

from __future__ import annotations

import io
import zipfile

__all__ = [
    "NAMESPACES",
    "br",
    "docx",
    "num",
    "numbered",
    "para",
    "run",
    "style",
    "table",
]

NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
"""The namespace declarations every part gets."""

_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def docx(body: str, *, styles: str = "", numbering: str = "") -> bytes:
    """A Word package whose body holds ``body``, with these styles and lists."""
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _TYPES)
        package.writestr(
            "word/document.xml",
            f"{head}<w:document {NAMESPACES}><w:body>{body}</w:body></w:document>",
        )
        if styles:
            package.writestr("word/styles.xml", f"{head}<w:styles {NAMESPACES}>{styles}</w:styles>")
        if numbering:
            package.writestr(
                "word/numbering.xml", f"{head}<w:numbering {NAMESPACES}>{numbering}</w:numbering>"
            )
    return buffer.getvalue()


def run(text: str) -> str:
    """A run of text (spaces kept)."""
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def br(kind: str = "") -> str:
    """A run holding a line break (Shift+Enter), or a break of ``kind`` (page, column)."""
    return f'<w:r><w:br w:type="{kind}"/></w:r>' if kind else "<w:r><w:br/></w:r>"


def para(*content: str, style: str = "", ppr: str = "") -> str:
    """A paragraph; a plain string of ``content`` is made a run, markup is kept."""
    inner = "".join(c if c.startswith("<") else run(c) for c in content)
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    props += ppr
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{inner}</w:p>"


def numbered(text: str, num_id: int, ilvl: int = 0, style: str = "") -> str:
    """A paragraph of list ``num_id`` at level ``ilvl``."""
    numpr = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return para(text, style=style, ppr=numpr)


def style(style_id: str, name: str, ppr: str = "", kind: str = "paragraph", extra: str = "") -> str:
    """A style definition."""
    props = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return (
        f'<w:style w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f"{extra}{props}</w:style>"
    )


def num(num_id: int, abstract_id: int, **starts: int) -> str:
    """A list instance; ``starts`` like ``l0=1`` restart level 0 at 1 (``w:startOverride``)."""
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{key[1:]}"><w:startOverride w:val="{value}"/></w:lvlOverride>'
        for key, value in starts.items()
    )
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def table(rows: list[list[str]], tblpr: str = "") -> str:
    """A table; each cell is given as its content (paragraphs)."""
    cells = "".join(
        "<w:tr>" + "".join(f"<w:tc>{cell or '<w:p/>'}</w:tc>" for cell in row) + "</w:tr>"
        for row in rows
    )
    return f"<w:tbl><w:tblPr>{tblpr}</w:tblPr>{cells}</w:tbl>"
