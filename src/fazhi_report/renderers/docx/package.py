"""Our own slim Word package: the parts, their relationships, settings and page-number footers."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from xml.sax.saxutils import escape

from fazhi_report._surrogates import check_output
from fazhi_report.model import Report
from fazhi_report.renderers.docx.body import BodyWriter
from fazhi_report.renderers.docx.fonts import font_table_xml, fonts_xml
from fazhi_report.renderers.docx.geometry import PAGE_NUMBER_SIZE, section_xml
from fazhi_report.renderers.docx.options import check_text
from fazhi_report.renderers.docx.styles import STYLE_IDS, W, styles_xml

__all__ = [
    "COMPAT",
    "FOOTER_REFERENCES",
    "OPENXML",
    "REL",
    "R",
    "footer_xml",
    "package",
    "part_info",
]

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
"""The relationships namespace of the body (``r:id``)."""

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
"""The prefix of every relationship type of a Word document."""

_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
OPENXML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
"""The prefix of the content types of WordprocessingML parts."""

COMPAT = (
    '<w:compat><w:compatSetting w:name="compatibilityMode" '
    'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
)
"""Word's current mode (2013 and later): without it Word opens the file in 兼容模式."""

FOOTER_REFERENCES = (
    '<w:footerReference w:type="default" r:id="rIdFooterOdd"/>'
    '<w:footerReference w:type="even" r:id="rIdFooterEven"/>'
)
"""The two page-number footers, odd pages (default) and even pages."""

_PARTS = {
    "/word/document.xml": OPENXML + "document.main+xml",
    "/word/styles.xml": OPENXML + "styles+xml",
    "/word/settings.xml": OPENXML + "settings+xml",
    "/word/fontTable.xml": OPENXML + "fontTable+xml",
    "/word/footer1.xml": OPENXML + "footer+xml",
    "/word/footer2.xml": OPENXML + "footer+xml",
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
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
    f'<Relationship Id="rId2" Type="{_CORE_REL}" Target="docProps/core.xml"/>'
    "</Relationships>"
)

_DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rIdStyles" Type="{REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rIdSettings" Type="{REL}/settings" Target="settings.xml"/>'
    f'<Relationship Id="rIdFontTable" Type="{REL}/fontTable" Target="fontTable.xml"/>'
    f'<Relationship Id="rIdFooterOdd" Type="{REL}/footer" Target="footer1.xml"/>'
    f'<Relationship Id="rIdFooterEven" Type="{REL}/footer" Target="footer2.xml"/>'
    "</Relationships>"
)

_SETTINGS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:settings xmlns:w="{W}"><w:evenAndOddHeaders/>'
    # every character a full grid cell: punctuation is not squeezed, so each line holds 28
    '<w:defaultTabStop w:val="640"/><w:characterSpacingControl w:val="doNotCompress"/>'
    f"{COMPAT}</w:settings>"
)


def footer_xml(fonts: Mapping[str, str], odd: bool, style_id: str = STYLE_IDS["footer"]) -> str:
    """A footer with the page number as "— N —", right on odd pages, left on even ones.

    Digits and dashes alike are set in the page-number face (宋体), as GB/T 9704 7.5 says.
    """
    side = "right" if odd else "left"
    face = fonts["page_number"]
    rpr = f'<w:rPr>{fonts_xml(face, face)}<w:sz w:val="{PAGE_NUMBER_SIZE}"/></w:rPr>'

    def text(value: str) -> str:
        return f'<w:r>{rpr}<w:t xml:space="preserve">{value}</w:t></w:r>'

    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:ftr xmlns:w="{W}" xmlns:r="{R}"><w:p><w:pPr>'
        f'<w:pStyle w:val="{style_id}"/>'
        f'<w:ind w:{side}="{PAGE_NUMBER_SIZE * 10}"/><w:jc w:val="{side}"/></w:pPr>'
        + text("— ")
        + f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
        + text("1")
        + f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
        + text(" —")
        + "</w:p></w:ftr>"
    )


def _core_xml(report: Report) -> str:
    title = escape(check_text(report.title or "", "title"))
    creator = escape(check_text(report.organ or "", "organ"))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        "<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator>"
        "<dc:language>zh-CN</dc:language></cp:coreProperties>"
    )


def part_info(name: str) -> zipfile.ZipInfo:
    """The zip entry of a part, with a fixed time stamp: the same report gives the same bytes."""
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16  # as writestr gives a part named by a str
    return info


def package(report: Report, writer: BodyWriter, fonts: Mapping[str, str]) -> bytes:
    """The bytes of our own package holding ``report``, its body written as it is made."""
    core = _core_xml(report)  # the title and organ go into the file's properties
    check_output(core, report, "docx")

    def flush(text: str) -> None:
        check_output(text, report, "docx")  # names the node that holds a lone surrogate
        part.write(text.encode("utf-8"))

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr(part_info("[Content_Types].xml"), _CONTENT_TYPES)
        out.writestr(part_info("_rels/.rels"), _PACKAGE_RELS)
        out.writestr(part_info("docProps/core.xml"), core)
        # the body goes into the part as it is made: the XML of a long report is never one
        # string, nor one string of bytes
        with out.open(part_info("word/document.xml"), "w") as part:
            part.write(
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>'.encode()
            )
            writer.flush = flush
            writer.report(report)
            part.write(f"{section_xml(FOOTER_REFERENCES)}</w:body></w:document>".encode())
        out.writestr(part_info("word/_rels/document.xml.rels"), _DOCUMENT_RELS)
        out.writestr(part_info("word/styles.xml"), styles_xml(fonts))
        out.writestr(part_info("word/settings.xml"), _SETTINGS)
        out.writestr(part_info("word/fontTable.xml"), font_table_xml(fonts))
        out.writestr(part_info("word/footer1.xml"), footer_xml(fonts, odd=True))
        out.writestr(part_info("word/footer2.xml"), footer_xml(fonts, odd=False))
    return buffer.getvalue()
