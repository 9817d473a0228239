"""A report poured into a reference document: a bureau's letterhead, its layout kept.

What the letterhead brings stays: its headers (a red rule, the 发文机关标志 in a header), the
content of its first page (a 版头 typed into the body), its pictures and its own styles for
that content. What makes the report's page wins: the report's paragraph styles replace the
reference's styles of the same names (``Title``, ``heading 1``, ``Body Text``… which every
template Word, python-docx or LibreOffice makes defines, in blue and bold), or are added;
the page size, margins and line grid are the report's; the page-number footers are the
report's (on the first page too when the letterhead gives it a header of its own); and the
settings the layout needs (odd and even footers, uncompressed punctuation, Word's current
mode) are set.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from typing import Any

from fazhi_report._ooxml import parse_xml, read_part, rewrite_package
from fazhi_report.errors import DecodeError
from fazhi_report.renderers.docx.fonts import font_table_xml
from fazhi_report.renderers.docx.geometry import section_xml
from fazhi_report.renderers.docx.package import COMPAT, OPENXML, REL, R, footer_xml
from fazhi_report.renderers.docx.styles import STYLE_IDS, STYLE_NAMES, W, style_xml

__all__ = ["pour_into", "read_styles", "style_ids"]

_SOURCE = "<reference_docx>"
_W = f"{{{W}}}"
_THEMES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
_FOOTERS = {"odd": "word/fzfooter1.xml", "even": "word/fzfooter2.xml"}

# The order CT_Settings gives its children (those a reference may hold around ours).
_SETTINGS_ORDER = [
    "writeProtection",
    "view",
    "zoom",
    "removePersonalInformation",
    "removeDateAndTime",
    "doNotDisplayPageBoundaries",
    "displayBackgroundShape",
    "printPostScriptOverText",
    "printFractionalCharacterWidth",
    "printFormsData",
    "embedTrueTypeFonts",
    "embedSystemFonts",
    "saveSubsetFonts",
    "saveFormsData",
    "mirrorMargins",
    "alignBordersAndEdges",
    "bordersDoNotSurroundHeader",
    "bordersDoNotSurroundFooter",
    "gutterAtTop",
    "hideSpellingErrors",
    "hideGrammaticalErrors",
    "activeWritingStyle",
    "proofState",
    "formsDesign",
    "attachedTemplate",
    "linkStyles",
    "stylePaneFormatFilter",
    "stylePaneSortMethod",
    "documentType",
    "mailMerge",
    "revisionView",
    "trackRevisions",
    "doNotTrackMoves",
    "doNotTrackFormatting",
    "documentProtection",
    "autoFormatOverride",
    "styleLockTheme",
    "styleLockQFSet",
    "defaultTabStop",
    "autoHyphenation",
    "consecutiveHyphenLimit",
    "hyphenationZone",
    "doNotHyphenateCaps",
    "showEnvelope",
    "summaryLength",
    "clickAndTypeStyle",
    "defaultTableStyle",
    "evenAndOddHeaders",
    "bookFoldRevPrinting",
    "bookFoldPrinting",
    "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing",
    "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery",
    "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin",
    "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin",
    "doNotShadeFormData",
    "noPunctuationKerning",
    "characterSpacingControl",
    "printTwoOnOne",
    "strictFirstAndLastChars",
    "noLineBreaksAfter",
    "noLineBreaksBefore",
    "savePreviewPicture",
    "doNotValidateAgainstSchema",
    "saveInvalidXml",
    "ignoreMixedContent",
    "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml",
    "saveXmlDataOnly",
    "useXSLTWhenSaving",
    "saveThroughXslt",
    "showXMLTags",
    "alwaysMergeEmptyNamespace",
    "updateFields",
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
]
# The order CT_SectPr gives its children; ours replace pgSz, pgMar and docGrid.
_SECTION_ORDER = [
    "headerReference",
    "footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
]


def _local(element: Any) -> str:
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _xml(text: str) -> Any:
    from lxml import etree

    return etree.fromstring(text.encode("utf-8"))


def _insert_in_order(parent: Any, child: Any, order: list[str]) -> None:
    """Put ``child`` where the schema's order of ``parent``'s children wants it."""
    rank = order.index(_local(child))
    for i, sibling in enumerate(parent):
        name = _local(sibling)
        if name in order and order.index(name) > rank:
            parent.insert(i, child)
            return
    parent.append(child)


def read_styles(package: zipfile.ZipFile) -> Any:
    """The reference's styles part, parsed (refused when it has none)."""
    if "word/styles.xml" not in package.namelist():
        raise DecodeError(
            "the reference document has no styles part", source=_SOURCE, expected="a .docx"
        )
    return parse_xml(read_part(package, "word/styles.xml", _SOURCE), _SOURCE, "word/styles.xml")


def style_ids(theirs: Any) -> dict[str, str]:
    """The style id each role takes in a reference's styles: the id of its same-named
    paragraph style (Word and WPS localise ids, never names), else ours, made unique."""
    by_name: dict[str, str] = {}
    taken: set[str] = set()
    for style in theirs.iter(_W + "style"):
        style_id = style.get(_W + "styleId") or ""
        taken.add(style_id)
        name = style.find(_W + "name")
        if style.get(_W + "type") == "paragraph" and name is not None:
            by_name.setdefault((name.get(_W + "val") or "").lower(), style_id)
    ids = {}
    for role, name in STYLE_NAMES.items():
        found = by_name.get(name.lower())
        if found is None:
            found = STYLE_IDS[role]
            while found in taken:
                found = "Fz" + found
            taken.add(found)
        ids[role] = found
    return ids


def _merge_styles(theirs: Any, ids: Mapping[str, str], fonts: Mapping[str, str]) -> bytes:
    from lxml import etree

    for role in STYLE_NAMES:
        ours = _xml(
            f'<w:styles xmlns:w="{W}">{style_xml(role, fonts, ids[role], ids["body"])}</w:styles>'
        )[0]
        old = next(
            (s for s in theirs.iter(_W + "style") if s.get(_W + "styleId") == ids[role]), None
        )
        if old is not None:
            old.getparent().replace(old, ours)
        else:
            theirs.append(ours)
    # a theme font in the defaults would win over the fonts our styles name
    for fonts_element in theirs.iterfind(f"{_W}docDefaults//{_W}rFonts"):
        for theme in _THEMES:
            fonts_element.attrib.pop(_W + theme, None)
    return bytes(etree.tostring(theirs, xml_declaration=True, encoding="UTF-8", standalone=True))


def _section(setup: Any | None, rel_ids: Mapping[str, str]) -> Any:
    """The letterhead's section setup with the report's page, grid and footers."""
    references = (
        f'<w:footerReference w:type="default" r:id="{rel_ids["odd"]}"/>'
        f'<w:footerReference w:type="even" r:id="{rel_ids["even"]}"/>'
    )
    ours = _xml(f'<w:body xmlns:w="{W}" xmlns:r="{R}">{section_xml(references)}</w:body>')[0]
    if setup is None:
        return ours
    kept = [c for c in setup if _local(c) not in ("footerReference", "pgSz", "pgMar", "docGrid")]
    headers = {c.get(_W + "type") or "default": c for c in kept if _local(c) == "headerReference"}
    if "default" in headers and "even" not in headers:
        # even pages have headers of their own once odd and even footers differ
        even = _xml(
            f'<w:headerReference xmlns:w="{W}" xmlns:r="{R}" w:type="even" '
            f'r:id="{headers["default"].get(f"{{{R}}}id")}"/>'
        )
        kept.insert(kept.index(headers["default"]) + 1, even)
    if any(_local(c) == "titlePg" for c in kept):
        # a first page of its own would otherwise have no page number
        first = _xml(
            f'<w:footerReference xmlns:w="{W}" xmlns:r="{R}" w:type="first" '
            f'r:id="{rel_ids["odd"]}"/>'
        )
        ours.insert(2, first)
    for child in kept:
        _insert_in_order(ours, child, _SECTION_ORDER)
    for name, value in setup.attrib.items():
        ours.set(name, value)
    return ours


def _is_blank(element: Any) -> bool:
    return (
        _local(element) == "p"
        and not "".join(element.itertext()).strip()
        and not any(
            _local(e) in ("drawing", "pict", "object", "sectPr", "pBdr") for e in element.iter()
        )
    )


def _document(package: zipfile.ZipFile, body: str, rel_ids: Mapping[str, str]) -> bytes:
    from lxml import etree

    root = parse_xml(read_part(package, "word/document.xml", _SOURCE), _SOURCE, "document.xml")
    container = root.find(_W + "body")
    if container is None:
        raise DecodeError("the reference document has no body", source=_SOURCE)
    setup = container[-1] if len(container) and _local(container[-1]) == "sectPr" else None
    if setup is not None:
        container.remove(setup)
    # the letterhead's own content stays; the empty paragraphs it ends with go
    while len(container) and _is_blank(container[-1]):
        container.remove(container[-1])
    for child in _xml(f'<w:body xmlns:w="{W}" xmlns:r="{R}">{body}</w:body>'):
        container.append(child)
    container.append(_section(setup, rel_ids))
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _settings(package: zipfile.ZipFile) -> bytes:
    from lxml import etree

    name = "word/settings.xml"
    if name in package.namelist():
        settings = parse_xml(read_part(package, name, _SOURCE), _SOURCE, name)
    else:
        settings = _xml(f'<w:settings xmlns:w="{W}"/>')
    for wanted in ("evenAndOddHeaders", "characterSpacingControl", "compat"):
        for old in settings.findall(_W + wanted):
            if wanted != "compat":
                settings.remove(old)
    if settings.find(_W + "evenAndOddHeaders") is None:
        _insert_in_order(settings, _xml(f'<w:evenAndOddHeaders xmlns:w="{W}"/>'), _SETTINGS_ORDER)
    spacing = _xml(f'<w:characterSpacingControl xmlns:w="{W}" w:val="doNotCompress"/>')
    _insert_in_order(settings, spacing, _SETTINGS_ORDER)
    compat = settings.find(_W + "compat")
    ours = _xml(COMPAT.replace("<w:compat>", f'<w:compat xmlns:w="{W}">'))
    if compat is None:
        _insert_in_order(settings, ours, _SETTINGS_ORDER)
    else:
        for setting in compat.findall(_W + "compatSetting"):
            if setting.get(_W + "name") == "compatibilityMode":
                compat.remove(setting)
        compat.append(ours[0])
    return bytes(etree.tostring(settings, xml_declaration=True, encoding="UTF-8", standalone=True))


def _font_table(package: zipfile.ZipFile, fonts: Mapping[str, str]) -> bytes | None:
    """The reference's font table with our faces added, or ``None`` when it has none."""
    from lxml import etree

    name = "word/fontTable.xml"
    if name not in package.namelist():
        return None
    table = parse_xml(read_part(package, name, _SOURCE), _SOURCE, name)
    have = {f.get(_W + "name") for f in table.iter(_W + "font")}
    for font in _xml(font_table_xml(fonts)):
        if font.get(_W + "name") not in have:
            table.append(font)
    return bytes(etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True))


def _relationships(
    package: zipfile.ZipFile, add_fonts: bool, add_settings: bool
) -> tuple[bytes, dict[str, str]]:
    from lxml import etree

    name = "word/_rels/document.xml.rels"
    if name in package.namelist():
        rels = parse_xml(read_part(package, name, _SOURCE), _SOURCE, name)
    else:
        rels = _xml(
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'
        )
    namespace = rels.tag.rpartition("}")[0] + "}"
    taken = {r.get("Id") for r in rels}
    ids = {}
    wanted = [(kind, "footer", path.rpartition("/")[2]) for kind, path in _FOOTERS.items()]
    if add_fonts:
        wanted.append(("fonts", "fontTable", "fontTable.xml"))
    if add_settings:
        wanted.append(("settings", "settings", "settings.xml"))
    for kind, rel_type, target in wanted:
        rel_id = "rIdFz" + kind.capitalize()
        while rel_id in taken:
            rel_id += "x"
        taken.add(rel_id)
        ids[kind] = rel_id
        element = etree.SubElement(rels, namespace + "Relationship")
        element.set("Id", rel_id)
        element.set("Type", f"{REL}/{rel_type}")
        element.set("Target", target)
    return bytes(etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)), ids


def _content_types(package: zipfile.ZipFile, add_fonts: bool, add_settings: bool) -> bytes:
    from lxml import etree

    name = "[Content_Types].xml"
    types = parse_xml(read_part(package, name, _SOURCE), _SOURCE, name)
    namespace = types.tag.rpartition("}")[0] + "}"
    parts = [(path, "footer+xml") for path in _FOOTERS.values()]
    if add_fonts:
        parts.append(("word/fontTable.xml", "fontTable+xml"))
    if add_settings:
        parts.append(("word/settings.xml", "settings+xml"))
    for path, kind in parts:
        element = etree.SubElement(types, namespace + "Override")
        element.set("PartName", "/" + path)
        element.set("ContentType", OPENXML + kind)
    return bytes(etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True))


def pour_into(
    package: zipfile.ZipFile,
    body: str,
    ids: Mapping[str, str],
    theirs: Any,
    fonts: Mapping[str, str],
) -> bytes:
    """The reference package holding the report's ``body`` after its own content."""
    table = _font_table(package, fonts)
    add_fonts = table is None
    add_settings = "word/settings.xml" not in package.namelist()
    rels, rel_ids = _relationships(package, add_fonts, add_settings)
    replace = {
        "word/document.xml": _document(package, body, rel_ids),
        "word/styles.xml": _merge_styles(theirs, ids, fonts),
        "word/settings.xml": _settings(package),
        "word/_rels/document.xml.rels": rels,
        "[Content_Types].xml": _content_types(package, add_fonts, add_settings),
    }
    if table is not None:
        replace["word/fontTable.xml"] = table
    added = {
        path: footer_xml(fonts, odd=kind == "odd", style_id=ids["footer"]).encode("utf-8")
        for kind, path in _FOOTERS.items()
    }
    if add_fonts:
        added["word/fontTable.xml"] = font_table_xml(fonts).encode("utf-8")
    if add_settings:
        added["word/settings.xml"] = replace.pop("word/settings.xml")

    def add(out: zipfile.ZipFile) -> None:
        for path, data in added.items():
            out.writestr(path, data)

    return rewrite_package(package, replace, add, _SOURCE)
