"""The paragraph styles of a report, complete in themselves.

Each style states every paragraph and character property the layout depends on (spacing,
line pitch, indent, alignment, fonts, size, character spacing) and is based on no other style,
so the same style gives the same page in our own package and poured into a letterhead whose
``Normal`` style and document defaults say something else (see `fazhi_report.renderers.docx.
letterhead`).
"""

from __future__ import annotations

from collections.abc import Mapping

from fazhi_report.renderers.docx.fonts import fonts_xml
from fazhi_report.renderers.docx.geometry import (
    BODY_SIZE,
    CHAR,
    CONDENSE,
    LINE,
    PAGE_NUMBER_SIZE,
    TITLE_SIZE,
)

__all__ = ["STYLE_IDS", "STYLE_NAMES", "W", "styles_xml"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
"""The WordprocessingML namespace."""

STYLE_NAMES: Mapping[str, str] = {
    "title": "Title",
    "heading1": "heading 1",
    "heading2": "heading 2",
    "heading3": "heading 3",
    "heading4": "heading 4",
    "body": "Body Text",
    "signature": "Signature",
    "footer": "footer",
}
"""Word's own name of each role's style (Word and WPS show them localised)."""

STYLE_IDS: Mapping[str, str] = {
    "title": "Title",
    "heading1": "Heading1",
    "heading2": "Heading2",
    "heading3": "Heading3",
    "heading4": "Heading4",
    "body": "BodyText",
    "signature": "Signature",
    "footer": "Footer",
}
"""The style id of each role in our own package."""


def _rpr(font: str, latin: str, size: int) -> str:
    return (
        f'<w:rPr>{fonts_xml(font, latin)}<w:b w:val="0"/><w:i w:val="0"/>'
        f'<w:color w:val="000000"/><w:spacing w:val="{CONDENSE}"/><w:kern w:val="2"/>'
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>'
    )


def _ppr(extra: str = "", jc: str = "both", line: int = LINE, first: int = 2) -> str:
    # the order CT_PPr requires: keepNext, widowControl, spacing, ind, jc, outlineLvl
    keep, _, outline = extra.partition("|")
    indent = (
        f'<w:ind w:left="0" w:right="0" w:firstLineChars="{first * 100}" '
        f'w:firstLine="{first * CHAR}"/>'
        if first
        else '<w:ind w:left="0" w:right="0" w:firstLineChars="0" w:firstLine="0"/>'
    )
    return (
        f'<w:pPr>{keep}<w:widowControl w:val="0"/>'
        f'<w:spacing w:before="0" w:beforeLines="0" w:after="0" w:afterLines="0" '
        f'w:line="{line}" w:lineRule="exact"/>'
        f'{indent}<w:jc w:val="{jc}"/>{outline}</w:pPr>'
    )


def style_xml(
    role: str, fonts: Mapping[str, str], style_id: str | None = None, body_id: str = "BodyText"
) -> str:
    """One role's ``w:style`` element, under ``style_id`` (by default `STYLE_IDS`); the
    paragraph after it takes the body style, ``body_id``."""
    latin = fonts["latin"]
    sid = style_id or STYLE_IDS[role]
    head = (
        f'<w:style w:type="paragraph" w:customStyle="0" w:styleId="{sid}">'
        f'<w:name w:val="{STYLE_NAMES[role]}"/>'
    )
    if role == "footer":
        return (
            head
            + _ppr(jc="left", line=240, first=0).replace("exact", "auto")
            + _rpr(fonts["page_number"], fonts["page_number"], PAGE_NUMBER_SIZE)
            + "</w:style>"
        )
    following = f'<w:next w:val="{body_id}"/><w:qFormat/>'
    if role == "title":
        ppr = _ppr(jc="center", line=LINE * 3 // 2, first=0)
        return head + following + ppr + _rpr(fonts["title"], latin, TITLE_SIZE) + "</w:style>"
    if role.startswith("heading"):
        level = int(role[-1])
        ppr = _ppr(f'<w:keepNext/>|<w:outlineLvl w:val="{level - 1}"/>')
        return head + following + ppr + _rpr(fonts[role], latin, BODY_SIZE) + "</w:style>"
    if role == "signature":
        ppr = _ppr(jc="right", first=0)
        return head + following + ppr + _rpr(fonts["body"], latin, BODY_SIZE) + "</w:style>"
    return head + following + _ppr() + _rpr(fonts["body"], latin, BODY_SIZE) + "</w:style>"


def styles_xml(fonts: Mapping[str, str]) -> str:
    """The styles part of our own package: only the styles a report uses."""
    latin = fonts["latin"]
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:styles xmlns:w="{W}">'
        f"<w:docDefaults><w:rPrDefault>{_rpr(fonts['body'], latin, BODY_SIZE)}</w:rPrDefault>"
        f"<w:pPrDefault>{_ppr(first=0)}</w:pPrDefault></w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
        '<w:name w:val="Normal"/><w:qFormat/></w:style>'
        + "".join(style_xml(role, fonts) for role in STYLE_NAMES)
        + "</w:styles>"
    )
