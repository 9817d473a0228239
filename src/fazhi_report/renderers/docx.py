"""The DOCX renderer: a Word file in the GB/T 9704-2012 layout (党政机关公文格式).

By default the file is built from a slim package of our own: A4; margins 37 mm top, 35 mm
bottom, 28 mm left, 26 mm right (a 156 × 225 mm text block); 22 lines a page and 28
characters a line at 3号, through Word's document grid and an exact line spacing of 28.95 pt
(LibreOffice needs the latter); the title in 2号 方正小标宋简体, centred, broken into lines of
sensible length; the body in 3号 仿宋_GB2312 with a two-character first-line indent; level-1
headings in 黑体, level-2 in 楷体_GB2312, levels 3–4 in 仿宋_GB2312, all 3号; a run-in heading
keeps its heading font for the heading sentence and the body font for the rest; page numbers
"— N —" in 4号 宋体, odd pages right and even pages left, one character in from the edge; the
signature in the unstamped layout (organ 右空二字, the date on the next line, its first
character two characters right of the organ's), or the stamped one (date 右空四字, organ
centred over it).

Every Chinese font is set through ``w:eastAsia`` on the styles and on each run, digits and Latin
letters in Times New Roman through ``w:ascii``/``w:hAnsi``, and no theme font is left to
override them. Paragraph styles carry Word's names (``Title``, ``heading 1``–``heading 4`` with
outline levels, ``Body Text``, ``Signature``), so the navigation pane shows the outline and a
user can restyle the whole document in Word. The paragraph text comes from the shared inline
macros of ``official/inline.j2``.

Options:

- ``fonts``: a mapping from a role (``title``, ``body``, ``heading1`` … ``heading4``,
  ``page_number``, ``latin``) to the font to use instead (see `DEFAULT_FONTS`).
- ``signature_layout``: ``"unstamped"`` (default) or ``"stamped"``.
- ``reference_docx``: a path to (or the bytes of) a .docx whose page setup, styles, headers and
  footers (a red letterhead, say) the report's content is poured into, as pandoc's
  ``--reference-doc``; styles the reference lacks are added.
- ``templates``, ``sandboxed``: as for the official text style (the inline macros can be
  overridden).
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar
from xml.sax.saxutils import escape

from fazhi_report._ooxml import W, open_package, parse_xml, read_part, rewrite_package
from fazhi_report._surrogates import check_output
from fazhi_report._surrogates import find as find_surrogate
from fazhi_report.errors import DataError, DecodeError, FileError, OptionError
from fazhi_report.model import Block, Paragraph, Report, Section, Signature, Table
from fazhi_report.numbering import format_date
from fazhi_report.registry import Renderer
from fazhi_report.renderers.templating import environment, inline_macros
from fazhi_report.validation import ensure_valid

__all__ = ["DEFAULT_FONTS", "DocxRenderer", "title_lines"]

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

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# Twentieths of a point (twips) and half-points, the units WordprocessingML counts in.
_BODY_SIZE = 32  # 3号, 16 pt, in half-points
_TITLE_SIZE = 44  # 2号, 22 pt
_PAGE_NUMBER_SIZE = 28  # 4号, 14 pt
_CHAR = 320  # one 3号 character, in twips
_TYPE_AREA_WIDTH = 8844  # 156 mm, the width of the type area (版心)
_LINE = 579  # 28.95 pt: 225 mm over 22 lines
_TITLE_LINE_CHARS = 20  # a 2号 title line holds about 20 characters in 156 mm
# 28 characters in 156 mm is 15.79 pt a character: 16 pt characters condensed by 0.2 pt, in
# twentieths of a point (w:spacing on a run)
_CONDENSE = -4

# Characters XML 1.0 cannot hold. (Lone surrogates, which no encoding can, are looked for in
# the whole body at once: `_surrogates.check_output` names the node.)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_STYLE_NAMES = {
    "title": "Title",
    "heading1": "heading 1",
    "heading2": "heading 2",
    "heading3": "heading 3",
    "heading4": "heading 4",
    "body": "Body Text",
    "signature": "Signature",
    "footer": "footer",
}
_STYLE_IDS = {
    "title": "Title",
    "heading1": "Heading1",
    "heading2": "Heading2",
    "heading3": "Heading3",
    "heading4": "Heading4",
    "body": "BodyText",
    "signature": "Signature",
    "footer": "Footer",
}


def _fonts_xml(east_asia: str, latin: str) -> str:
    return (
        f'<w:rFonts w:ascii="{escape(latin)}" w:hAnsi="{escape(latin)}" '
        f'w:eastAsia="{escape(east_asia)}" w:cs="{escape(latin)}"/>'
    )


def _run(text: str, east_asia: str, latin: str, size: int = _BODY_SIZE) -> str:
    """One run of text with its fonts; line breaks inside become ``w:br``."""
    pieces = text.split("\n")
    inner = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(piece)}</w:t>' for piece in pieces)
    return (
        f"<w:r><w:rPr>{_fonts_xml(east_asia, latin)}"
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>{inner}</w:r>'
    )


def _styles_xml(fonts: Mapping[str, str]) -> str:
    """The styles part of our own package: only the styles a report uses."""
    latin = fonts["latin"]

    def paragraph_style(
        role: str, font: str, ppr: str, size: int = _BODY_SIZE, extra: str = ""
    ) -> str:
        return (
            f'<w:style w:type="paragraph" w:styleId="{_STYLE_IDS[role]}">'
            f'<w:name w:val="{_STYLE_NAMES[role]}"/><w:basedOn w:val="Normal"/>'
            f'<w:next w:val="BodyText"/><w:qFormat/><w:pPr>{ppr}</w:pPr>'
            f"<w:rPr>{_fonts_xml(font, latin)}{extra}"
            f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>'
        )

    indent = f'<w:ind w:firstLineChars="200" w:firstLine="{2 * _CHAR}"/>'
    headings = "".join(
        paragraph_style(
            f"heading{level}",
            fonts[f"heading{level}"],
            f'<w:keepNext/>{indent}<w:outlineLvl w:val="{level - 1}"/>',
        )
        for level in range(1, 5)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:styles xmlns:w="{_W}">'
        f"<w:docDefaults><w:rPrDefault><w:rPr>{_fonts_xml(fonts['body'], latin)}"
        f'<w:spacing w:val="{_CONDENSE}"/><w:kern w:val="2"/>'
        f'<w:sz w:val="{_BODY_SIZE}"/><w:szCs w:val="{_BODY_SIZE}"/>'
        f'<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>'
        f'<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/>'
        f'<w:spacing w:before="0" w:after="0" w:line="{_LINE}" w:lineRule="exact"/>'
        f"</w:pPr></w:pPrDefault></w:docDefaults>"
        f'<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
        f'<w:name w:val="Normal"/><w:qFormat/></w:style>'
        + paragraph_style(
            "title",
            fonts["title"],
            f'<w:jc w:val="center"/><w:spacing w:line="{_LINE * 3 // 2}" w:lineRule="exact"/>',
            _TITLE_SIZE,
        )
        + headings
        + paragraph_style("body", fonts["body"], indent)
        + paragraph_style("signature", fonts["body"], '<w:jc w:val="right"/>')
        + f'<w:style w:type="paragraph" w:styleId="{_STYLE_IDS["footer"]}">'
        f'<w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr>'
        f'<w:spacing w:line="240" w:lineRule="auto"/></w:pPr>'
        f"<w:rPr>{_fonts_xml(fonts['page_number'], latin)}"
        f'<w:sz w:val="{_PAGE_NUMBER_SIZE}"/><w:szCs w:val="{_PAGE_NUMBER_SIZE}"/></w:rPr>'
        f"</w:style></w:styles>"
    )


def _footer_xml(fonts: Mapping[str, str], odd: bool) -> str:
    """A footer with the page number as "— N —", right on odd pages, left on even ones."""
    jc, side = ("right", "right") if odd else ("left", "left")
    font = _fonts_xml(fonts["page_number"], fonts["latin"])
    rpr = f'<w:rPr>{font}<w:sz w:val="{_PAGE_NUMBER_SIZE}"/></w:rPr>'

    def text(value: str) -> str:
        return f'<w:r>{rpr}<w:t xml:space="preserve">{value}</w:t></w:r>'

    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:ftr xmlns:w="{_W}" xmlns:r="{_R}"><w:p><w:pPr>'
        f'<w:pStyle w:val="{_STYLE_IDS["footer"]}"/><w:jc w:val="{jc}"/>'
        f'<w:ind w:{side}="{_PAGE_NUMBER_SIZE * 10}"/></w:pPr>'
        + text("— ")
        + f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
        + text("1")
        + f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
        + text(" —")
        + "</w:p></w:ftr>"
    )


def _mm(value: float) -> int:
    return round(value / 25.4 * 1440)


_SECTION_XML = (
    '<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/>'
    '<w:footerReference w:type="even" r:id="rIdFooterEven"/>'
    '<w:pgSz w:w="11906" w:h="16838"/>'
    f'<w:pgMar w:top="{_mm(37)}" w:right="{_mm(26)}" w:bottom="{_mm(35)}" w:left="{_mm(28)}" '
    f'w:header="{_mm(15)}" w:footer="{_mm(23)}" w:gutter="0"/>'
    # 22 lines of 28.95 pt. The 28 characters a line come from the runs' spacing (see
    # _CONDENSE), not from a character grid: LibreOffice misreads a negative w:charSpace and
    # sets about 19 characters a line.
    f'<w:docGrid w:type="lines" w:linePitch="{_LINE}"/>'
    "</w:sectPr>"
)

_OPENXML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_PARTS = {
    "/word/document.xml": _OPENXML + "document.main+xml",
    "/word/styles.xml": _OPENXML + "styles+xml",
    "/word/settings.xml": _OPENXML + "settings+xml",
    "/word/footer1.xml": _OPENXML + "footer+xml",
    "/word/footer2.xml": _OPENXML + "footer+xml",
    "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
}
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    + "".join(
        f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in _PARTS.items()
    )
    + "</Types>"
)

_CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_OFFICE_REL}/officeDocument" Target="word/document.xml"/>'
    f'<Relationship Id="rId2" Type="{_CORE_REL}" Target="docProps/core.xml"/>'
    "</Relationships>"
)

_DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rIdStyles" Type="{_OFFICE_REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rIdSettings" Type="{_OFFICE_REL}/settings" Target="settings.xml"/>'
    f'<Relationship Id="rIdFooterOdd" Type="{_OFFICE_REL}/footer" Target="footer1.xml"/>'
    f'<Relationship Id="rIdFooterEven" Type="{_OFFICE_REL}/footer" Target="footer2.xml"/>'
    "</Relationships>"
)

_SETTINGS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:settings xmlns:w="{_W}"><w:evenAndOddHeaders/>'
    '<w:defaultTabStop w:val="640"/><w:characterSpacingControl w:val="compressPunctuation"/>'
    "</w:settings>"
)


def _core_xml(report: Report) -> str:
    title = escape(_check_text(report.title or "", "title"))
    creator = escape(_check_text(report.organ or "", "organ"))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        "<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator>"
        "<dc:language>zh-CN</dc:language></cp:coreProperties>"
    )


def title_lines(title: str, width: int = _TITLE_LINE_CHARS) -> list[str]:
    """A title broken into lines of at most about ``width`` characters, at sensible places.

    Widths count digits and Latin letters as half a character. A title that fits stays one
    line. A longer one breaks before its year (``某某县公安局`` /
    ``2025年法治政府建设情况报告``) or before ``关于``, where both sides fit, else into lines of
    even length (GB/T 9704 asks for lines that keep words whole and look balanced).
    """
    if _width(title) <= width:
        return [title]
    for cut in _cuts(title):
        if 0 < cut < len(title) and _width(title[:cut]) <= width >= _width(title[cut:]):
            return [title[:cut], title[cut:]]
    count = -(-len(title) // width)
    size = -(-len(title) // count)
    return [title[i : i + size] for i in range(0, len(title), size)]


def _cuts(title: str) -> Iterable[int]:
    year = re.search("[12][0-9]{3}年", title)
    if year is not None:
        yield year.start()
    about = title.find("关于")
    if about > 0:
        yield about


def _check_text(text: str, where: str) -> str:
    bad = _NOT_XML.search(text)
    if bad is not None:
        raise DataError(
            f"{where} holds the control character U+{ord(bad.group()):04X}, which a Word file "
            "cannot hold",
            expected="text without control characters",
        )
    return text


_SPILL_PIECES = 2048  # pieces of body XML gathered before they are written on


class _Writer:
    """Builds the body XML of one report."""

    def __init__(
        self,
        macros: Any,
        fonts: Mapping[str, str],
        style_ids: Mapping[str, str],
        signature_layout: str,
    ) -> None:
        self.macros = macros
        self.fonts = fonts
        self.ids = style_ids
        self.signature_layout = signature_layout
        self.out: list[str] = []
        # where finished XML goes when the body is written as it is made (see `_package`)
        self.flush: Callable[[str], object] | None = None

    def _spill(self) -> None:
        # a report of a million headings makes a million paragraphs of XML: hand them on
        # in batches rather than keep them all
        if self.flush is not None and len(self.out) >= _SPILL_PIECES:
            self.flush("".join(self.out))
            self.out.clear()

    def paragraph(self, role: str, runs: str, ppr: str = "") -> None:
        self.out.append(
            f'<w:p><w:pPr><w:pStyle w:val="{self.ids[role]}"/>{ppr}</w:pPr>{runs}</w:p>'
        )

    def text(self, text: str, role: str, where: str) -> str:
        font = self.fonts[role]
        size = _TITLE_SIZE if role == "title" else _BODY_SIZE
        return _run(_check_text(text, where), font, self.fonts["latin"], size)

    def body_paragraph(self, paragraph: Paragraph, where: str) -> None:
        text = str(self.macros.paragraph_text(paragraph))
        self.paragraph("body", self.text(text, "body", where))

    def block(self, block: Block, where: str) -> None:
        if isinstance(block, Table):
            self.table(block, where)
        else:
            self.body_paragraph(block, where)

    def table(self, table: Table, where: str) -> None:
        """A table across the type area, single borders, its cells in the body font."""
        columns = max(table.columns, 1)
        width = _TYPE_AREA_WIDTH // columns
        border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        borders = "".join(
            border.format(side) for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        grid = f'<w:gridCol w:w="{width}"/>' * columns
        out = self.out
        out.append(
            f'<w:tbl><w:tblPr><w:tblW w:w="{width * columns}" w:type="dxa"/>'
            f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>"
        )
        cell_ppr = '<w:ind w:firstLine="0" w:firstLineChars="0"/>'
        for r, row in enumerate(table.rows):
            short = columns - len(row)
            # a short row stays short (its missing cells are grid, not empty cells)
            out.append(
                f'<w:tr><w:trPr><w:gridAfter w:val="{short}"/></w:trPr>' if short else "<w:tr>"
            )
            for k, text in enumerate(row):
                runs = self.text(text, "body", f"{where}.rows[{r}][{k}]") if text else ""
                out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>')
                self.paragraph("body", runs, cell_ppr)
                out.append("</w:tc>")
            out.append("</w:tr>")
        # an empty paragraph after it, as Word itself keeps: two tables in a row would join
        out.append("</w:tbl><w:p/>")

    def section(self, section: Section, where: str) -> None:
        role = f"heading{section.level}"
        body = section.body
        ppr = ""
        first = body[0] if body else None
        if section.run_in and isinstance(first, Paragraph):
            head = str(self.macros.run_in_head(section))
            rest = str(self.macros.paragraph_text(first))
            runs = self.text(head, role, where) + self.text(rest, "body", where)
            body = body[1:]
            ppr = '<w:keepNext w:val="0"/>'  # a run-in heading is a paragraph of text too
        else:
            runs = self.text(str(self.macros.heading(section)), role, where)
        self.paragraph(role, runs, ppr)
        for i, block in enumerate(body):
            self.block(block, f"{where}.body[{i}]")
            self._spill()
        self._spill()
        for i, sub in enumerate(section.subsections):
            self.section(sub, f"{where}.subsections[{i}]")

    def signature(self, signature: Signature) -> None:
        organ = _check_text(signature.organ or "", "the signature's organ")
        date = format_date(signature.date) if signature.date is not None else ""
        self.out.append("<w:p/>")  # 正文下空一行
        organ_width, date_width = _width(organ), _width(date)
        if self.signature_layout == "stamped":
            date_right = 4.0
            organ_right = max(date_right + (date_width - organ_width) / 2, 0.0)
        else:
            # the date's first character two characters right of the organ's first one
            organ_right = 2.0
            date_right = organ_right + organ_width - 2 - date_width
            if date_right < 2:
                date_right = 2.0
                organ_right = date_right + date_width + 2 - organ_width
        for text, right, keep in ((organ, organ_right, bool(date)), (date, date_right, False)):
            if text:
                # the organ stays on the page of its date
                ppr = ("<w:keepNext/>" if keep else "") + (
                    f'<w:ind w:right="{round(right * _CHAR)}" w:firstLine="0"/>'
                )
                self.paragraph("signature", self.text(text, "body", "the signature"), ppr)

    def report(self, report: Report) -> str:
        if report.title:
            lines = title_lines(_check_text(report.title, "the title"))
            self.paragraph("title", self.text("\n".join(lines), "title", "the title"))
            self.out.append("<w:p/>")
        if report.addressee:
            ppr = '<w:ind w:firstLine="0" w:firstLineChars="0"/>'
            self.paragraph("body", self.text(report.addressee + "：", "body", "addressee"), ppr)
        for i, block in enumerate(report.preamble):
            self.block(block, f"preamble[{i}]")
            self._spill()
        for i, section in enumerate(report.sections):
            self.section(section, f"sections[{i}]")
        for i, block in enumerate(report.closing):
            self.block(block, f"closing[{i}]")
            self._spill()
        if report.signature is not None and (report.signature.organ or report.signature.date):
            self.signature(report.signature)
        body = "".join(self.out)
        self.out.clear()
        if self.flush is not None:
            self.flush(body)
            return ""
        return body


def _width(text: str) -> float:
    """How many 3号 characters wide ``text`` is: digits and Latin letters count half."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


class DocxRenderer(Renderer):
    """A Word file in the GB/T 9704 layout (see the module's description for the options)."""

    styles: ClassVar[tuple[str, ...]] = ("official",)
    binary: ClassVar[bool] = True

    def render(
        self,
        report: Report,
        *,
        style: str,
        fonts: Mapping[str, str] | None = None,
        signature_layout: str = "unstamped",
        reference_docx: str | os.PathLike[str] | bytes | None = None,
        templates: str | os.PathLike[str] | None = None,
        sandboxed: bool = False,
    ) -> bytes:
        """The report as the bytes of a .docx file.

        Raises:
            DataError: the report holds what the official form cannot carry (see
                `fazhi_report.validation.validate`), or text a Word file cannot hold (a
                control character, a lone surrogate); the message names the node.
            OptionError: an unknown font role or signature layout, or a font name a Word file
                cannot hold.
            DecodeError: ``reference_docx`` is no Word file, or a part of it is damaged.
        """
        ensure_valid(report)
        chosen = dict(DEFAULT_FONTS)
        if fonts:
            unknown = sorted(set(fonts) - set(DEFAULT_FONTS))
            if unknown:
                raise OptionError(
                    f"fonts= names no role {', '.join(map(repr, unknown))}",
                    expected="roles among " + ", ".join(DEFAULT_FONTS),
                )
            chosen.update(fonts)
        for role, font in chosen.items():
            if not isinstance(font, str) or _NOT_XML.search(font) or find_surrogate(font) >= 0:
                raise OptionError(
                    f"fonts= gives the role {role!r} no font name a Word file can hold: {font!r}",
                    expected="a font name (text without control characters)",
                )
        if signature_layout not in ("unstamped", "stamped"):
            raise OptionError(
                f"no signature layout {signature_layout!r}", expected="'unstamped' or 'stamped'"
            )
        macros = inline_macros(environment(templates, sandboxed=sandboxed))
        if reference_docx is None:
            writer = _Writer(macros, chosen, _STYLE_IDS, signature_layout)
            return _package(report, writer, chosen)
        package = open_package(_read_reference(reference_docx), "<reference_docx>")
        ids, styles = _merge_styles(package, _styles_xml(chosen))
        body = _Writer(macros, chosen, ids, signature_layout).report(report)
        check_output(body, report, "docx")  # a reference's own properties are kept
        return _pour_into(package, body, styles)


def _read_reference(reference: str | os.PathLike[str] | bytes) -> bytes:
    if isinstance(reference, bytes):
        return reference
    try:
        with open(reference, "rb") as file:
            return file.read()
    except OSError as exc:
        raise FileError(
            f"cannot read the reference document: {exc.strerror or exc}",
            source=os.fspath(reference),
        ) from None


def _part(name: str) -> zipfile.ZipInfo:
    # a fixed time stamp: the same report gives the same bytes, whenever it is written
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16  # as writestr gives a part named by a str
    return info


def _package(report: Report, writer: _Writer, fonts: Mapping[str, str]) -> bytes:
    core = _core_xml(report)  # the title and organ go into the file's properties
    check_output(core, report, "docx")

    def flush(text: str) -> None:
        check_output(text, report, "docx")  # names the node that holds a lone surrogate
        part.write(text.encode("utf-8"))

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(_part("[Content_Types].xml"), _CONTENT_TYPES)
        package.writestr(_part("_rels/.rels"), _PACKAGE_RELS)
        package.writestr(_part("docProps/core.xml"), core)
        # the body goes into the part as it is made: the XML of a long report is never one
        # string, nor one string of bytes
        with package.open(_part("word/document.xml"), "w") as part:
            part.write(
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{_W}" xmlns:r="{_R}"><w:body>'.encode()
            )
            writer.flush = flush
            writer.report(report)
            part.write(f"{_SECTION_XML}</w:body></w:document>".encode())
        package.writestr(_part("word/_rels/document.xml.rels"), _DOCUMENT_RELS)
        package.writestr(_part("word/styles.xml"), _styles_xml(fonts))
        package.writestr(_part("word/settings.xml"), _SETTINGS)
        package.writestr(_part("word/footer1.xml"), _footer_xml(fonts, odd=True))
        package.writestr(_part("word/footer2.xml"), _footer_xml(fonts, odd=False))
    return buffer.getvalue()


def _merge_styles(package: zipfile.ZipFile, ours: str) -> tuple[dict[str, str], bytes]:
    """The style id of each role in a reference document, adding the styles it lacks.

    Styles are matched by name (``w:name``), as Word and WPS localise the ids.
    """
    from lxml import etree

    source = "<reference_docx>"
    if "word/styles.xml" not in package.namelist():
        raise DecodeError(
            "the reference document has no styles part", source=source, expected="a .docx"
        )
    theirs = parse_xml(read_part(package, "word/styles.xml", source), source, "word/styles.xml")
    w = f"{{{W}}}"
    by_name: dict[str, str] = {}
    taken: set[str] = set()
    for style in theirs.iter(w + "style"):
        style_id = style.get(w + "styleId") or ""
        taken.add(style_id)
        name = style.find(w + "name")
        if style.get(w + "type") == "paragraph" and name is not None:
            by_name.setdefault((name.get(w + "val") or "").lower(), style_id)
    mine = {
        style.get(w + "styleId"): style
        for style in etree.fromstring(ours.encode("utf-8")).iter(w + "style")
    }
    ids: dict[str, str] = {}
    for role, name in _STYLE_NAMES.items():
        if role == "footer":
            continue  # the reference keeps its own footers
        found = by_name.get(name.lower())
        if found is None:
            style = mine[_STYLE_IDS[role]]
            found = _STYLE_IDS[role]
            if found in taken:
                found = "Fz" + found
                style.set(w + "styleId", found)
            style.find(w + "basedOn").set(w + "val", by_name.get("normal", "Normal"))
            theirs.append(style)
            taken.add(found)
        ids[role] = found
    return ids, etree.tostring(theirs, xml_declaration=True, encoding="UTF-8", standalone=True)


def _pour_into(package: zipfile.ZipFile, body: str, styles: bytes) -> bytes:
    """The reference package with its body replaced by ``body`` (its section setup kept)."""
    from lxml import etree

    source = "<reference_docx>"
    root = parse_xml(read_part(package, "word/document.xml", source), source, "document.xml")
    w = f"{{{W}}}"
    container = root.find(w + "body")
    if container is None:
        raise DecodeError("the reference document has no body", source=source)
    setup = container[-1] if len(container) and container[-1].tag == w + "sectPr" else None
    for child in list(container):
        if child is not setup:
            container.remove(child)
    fragment = etree.fromstring(f'<w:body xmlns:w="{W}" xmlns:r="{_R}">{body}</w:body>')
    for i, child in enumerate(fragment):
        container.insert(i, child)
    document = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return rewrite_package(
        package,
        {"word/document.xml": document, "word/styles.xml": styles},
        lambda _: None,
        source,
    )
