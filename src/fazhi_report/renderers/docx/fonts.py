"""Fonts: the faces of each role, the alternates a Word file names, and which this machine has.

GB/T 9704 names faces that are rarely installed outside Chinese government machines (方正小标宋简体,
仿宋_GB2312, 楷体_GB2312). A Word file can say what to use instead: its font table
(``word/fontTable.xml``) gives each face an alternate name (``w:altName``) and the kind of face it
is (character set, family, PANOSE), so Word and WPS substitute a face of the right kind (仿宋 for
仿宋_GB2312, 楷体 for 楷体_GB2312, a serif face for the title) instead of one sans face for all.

``fonts="open"`` chooses faces a Linux user can install from their distribution (`OPEN_FONTS`);
`fazhi_report.renderers.docx.installed` tells which faces this machine has.
"""

from __future__ import annotations

from collections.abc import Mapping
from xml.sax.saxutils import escape

__all__ = [
    "ALTERNATES",
    "DEFAULT_FONTS",
    "OPEN_FONTS",
    "PRESETS",
    "font_table_xml",
    "fonts_xml",
    "needs_hint",
]

DEFAULT_FONTS: Mapping[str, str] = {
    "title": "方正小标宋简体",
    "body": "仿宋_GB2312",
    "heading1": "黑体",
    "heading2": "楷体_GB2312",
    "heading3": "仿宋_GB2312",
    "heading4": "仿宋_GB2312",
    "page_number": "宋体",
    "latin": "Times New Roman",
}
"""The font of each role in GB/T 9704; ``fonts=`` replaces any of them."""

OPEN_FONTS: Mapping[str, str] = {
    "title": "Noto Serif CJK SC",  # fonts-noto-cjk
    "body": "AR PL UMing CN",  # fonts-arphic-uming
    "heading1": "Noto Sans CJK SC",  # fonts-noto-cjk
    "heading2": "AR PL UKai CN",  # fonts-arphic-ukai
    "heading3": "AR PL UMing CN",
    "heading4": "AR PL UMing CN",
    "page_number": "Noto Serif CJK SC",
    "latin": "Liberation Serif",  # fonts-liberation, metric-compatible with Times New Roman
}
"""``fonts="open"``: faces of the same kinds that Debian and Ubuntu ship (``apt-get install
fonts-noto-cjk fonts-arphic-uming fonts-arphic-ukai fonts-liberation``): a serif title, a 明体
body, a 黑体 (sans) first level and a 楷体 second level, so the levels still look different."""

PRESETS: Mapping[str, Mapping[str, str]] = {"official": DEFAULT_FONTS, "open": OPEN_FONTS}
"""The named font sets ``fonts=`` takes."""

ALTERNATES: Mapping[str, str] = {
    "方正小标宋简体": "华文中宋",
    "华文中宋": "宋体",
    "仿宋_GB2312": "仿宋",
    "仿宋": "FangSong",
    "楷体_GB2312": "楷体",
    "楷体": "KaiTi",
    "黑体": "SimHei",
    "宋体": "SimSun",
}
"""Each face's alternate (``w:altName``), followed in a chain: 仿宋_GB2312 → 仿宋 → FangSong."""

# The kind of each face: PANOSE, family and pitch as Word writes them in its own font tables
# (charset 86 is GB2312). Faces not named here are described by the role they play.
_SERIF = ("02010600030101010101", "roman", "variable")
_FIXED = ("02010609060101010101", "modern", "fixed")
_SANS = ("02010609060101010101", "swiss", "fixed")
_KINDS: Mapping[str, tuple[str, str, str]] = {
    "方正小标宋简体": _SERIF,
    "华文中宋": _SERIF,
    "宋体": _SERIF,
    "SimSun": _SERIF,
    "仿宋_GB2312": _FIXED,
    "仿宋": _FIXED,
    "FangSong": _FIXED,
    "楷体_GB2312": _FIXED,
    "楷体": _FIXED,
    "KaiTi": _FIXED,
    "黑体": _SANS,
    "SimHei": _SANS,
}
_ROLE_KINDS = {"heading1": _SANS, "title": _SERIF, "page_number": _SERIF}

# Code points Chinese and Western text share (curly quotes, the ellipsis, the dash, the middle
# dot): Word sets them in the Latin face unless the run is marked as East Asian.
_SHARED = frozenset("‘’“”…—–·")


def needs_hint(text: str) -> bool:
    """Whether a run of ``text`` holds code points Word would set in the Latin face."""
    return not _SHARED.isdisjoint(text)


def fonts_xml(east_asia: str, latin: str, hint: bool = False) -> str:
    """A ``w:rFonts`` element: the Chinese face, the Latin face, and the East Asian hint."""
    return (
        f'<w:rFonts w:ascii="{escape(latin)}" w:hAnsi="{escape(latin)}" '
        f'w:eastAsia="{escape(east_asia)}" w:cs="{escape(latin)}"'
        + (' w:hint="eastAsia"/>' if hint else "/>")
    )


def font_table_xml(fonts: Mapping[str, str]) -> str:
    """``word/fontTable.xml``: every face used, each with its alternate and kind."""
    names: dict[str, tuple[str, str, str]] = {}
    for role, face in fonts.items():
        chain = face
        kind = _KINDS.get(face, _ROLE_KINDS.get(role, _FIXED if role != "latin" else _SERIF))
        while chain not in names:
            names[chain] = _KINDS.get(chain, kind)
            if chain not in ALTERNATES:
                break
            chain = ALTERNATES[chain]
    entries = []
    for name, (panose, family, pitch) in names.items():
        latin = name == fonts.get("latin") or (name.isascii() and name not in _KINDS)
        alternate = ALTERNATES.get(name)
        entries.append(
            f'<w:font w:name="{escape(name)}">'
            + (f'<w:altName w:val="{escape(alternate)}"/>' if alternate else "")
            + (
                '<w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>'
                '<w:family w:val="roman"/><w:pitch w:val="variable"/>'
                if latin
                else f'<w:panose1 w:val="{panose}"/><w:charset w:val="86"/>'
                f'<w:family w:val="{family}"/><w:pitch w:val="{pitch}"/>'
            )
            + "</w:font>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + "".join(entries)
        + "</w:fonts>"
    )
