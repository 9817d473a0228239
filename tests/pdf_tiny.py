"""Tiny PDFs written by hand, byte by byte: the geometry, fonts and hostile structures we choose.

Text is drawn in a Type0 font with Identity-H encoding whose code for a character is its
Unicode code point and whose ToUnicode map is the identity, so any CJK text can be written
with no font file; the font's name is ours to choose (``SimHei``, ``FangSong_GB2312``), as a
Word export names them. Every glyph is 1 em wide.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

__all__ = ["A4", "Text", "pdf", "rule", "text"]

A4 = (595.0, 842.0)

_TO_UNICODE = (
    b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
    b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    b"/CMapName /Identity-UCS def /CMapType 2 def\n"
    b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
    b"1 beginbfrange <0000> <FFFF> <0000> endbfrange\n"
    b"endcmap CMapName currentdict /CMap defineresource pop end end\n"
)


class Text:
    """A string drawn at (x, y) (the baseline), in a font of ``size`` points."""

    def __init__(self, x: float, y: float, s: str, size: float, font: str, red: bool) -> None:
        self.x, self.y, self.s, self.size, self.font, self.red = x, y, s, size, font, red


def text(x: float, y: float, s: str, size: float = 16, font: str = "FangSong", red: bool = False):
    """A string to draw; each character one em wide."""
    return Text(x, y, s, size, font, red)


def rule(x0: float, y0: float, x1: float, y1: float, red: bool = False) -> bytes:
    """A stroked straight line from (x0, y0) to (x1, y1)."""
    color = b"1 0 0 RG " if red else b"0 0 0 RG "
    return color + f"1 w {x0} {y0} m {x1} {y1} l S\n".encode()


def _content(items: Sequence[Text | bytes], fonts: dict[str, int]) -> bytes:
    out = []
    for item in items:
        if isinstance(item, bytes):
            out.append(item)
            continue
        name = fonts.setdefault(item.font, len(fonts))
        color = b"1 0 0 rg" if item.red else b"0 0 0 rg"
        hexed = item.s.encode("utf-16-be").hex().encode()
        out.append(
            color
            + f" BT /F{name} {item.size} Tf {item.x} {item.y} Td <".encode()
            + hexed
            + b"> Tj ET\n"
        )
    return b"".join(out)


def _font(name: str, to_unicode: int) -> bytes:
    return (
        f"<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H "
        f"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} "
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        f"/DW 1000 /FontDescriptor << /Type /FontDescriptor /FontName /{name} /Flags 4 "
        "/FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 "
        f"/CapHeight 700 /StemV 80 >> >>] /ToUnicode {to_unicode} 0 R >>"
    ).encode()


def objects_to_pdf(objects: list[bytes], root: int = 1, trailer: bytes = b"") -> bytes:
    """A PDF of the numbered objects (1, 2, …) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R ".encode()
        + trailer
        + f">>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def stream(data: bytes, compress: bool = True, extra: bytes = b"") -> bytes:
    """A stream object's body (Flate-compressed unless told otherwise)."""
    if compress:
        data = zlib.compress(data)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def pdf(pages: Sequence[Sequence[Text | bytes]], size: tuple[float, float] = A4) -> bytes:
    """A PDF of pages, each a list of `text` items and `rule` drawings."""
    fonts: dict[str, int] = {}
    contents = [_content(items, fonts) for items in pages]
    # objects: 1 catalog, 2 pages, 3 ToUnicode, 4.. fonts, then page and content pairs
    first_font = 4
    first_page = first_font + len(fonts)
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", stream(_TO_UNICODE)]
    font_refs = " ".join(f"/F{n} {first_font + n} 0 R" for n in fonts.values())
    for name in fonts:
        objects.append(_font(name, 3))
    kids = []
    for n, content in enumerate(contents):
        page_obj = first_page + 2 * n
        kids.append(f"{page_obj} 0 R")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {size[0]} {size[1]}] "
            f"/Resources << /Font << {font_refs} >> >> /Contents {page_obj + 1} 0 R >>".encode()
        )
        objects.append(stream(content))
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    return objects_to_pdf(objects)
