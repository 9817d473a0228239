"""The DOCX renderer: GB/T 9704 layout, fonts on every run, footers, signature, reference docs."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

import fazhi_report as fr
from fazhi_report.renderers.docx import DEFAULT_FONTS, title_lines

from .conftest import EXAMPLES

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(name: str) -> str:
    return f"{{{W}}}{name}"


@pytest.fixture(scope="module")
def sample() -> fr.Report:
    return fr.load(EXAMPLES / "sample_report.txt")


def parts(data: bytes) -> dict[str, etree._Element]:
    package = zipfile.ZipFile(io.BytesIO(data))
    return {
        name: etree.fromstring(package.read(name))
        for name in package.namelist()
        if name.endswith(".xml") or name.endswith(".rels")
    }


def style_fonts(styles: etree._Element) -> dict[str, tuple[str, str]]:
    """Each paragraph style's name → (eastAsia font, ascii font)."""
    found = {}
    for style in styles.iterfind("w:style", NS):
        name = style.find("w:name", NS).get(q("val"))
        fonts = style.find("w:rPr/w:rFonts", NS)
        if fonts is not None:
            found[name] = (fonts.get(q("eastAsia")), fonts.get(q("ascii")))
    return found


def test_render_returns_a_word_file_python_docx_opens(sample: fr.Report) -> None:
    data = fr.render(sample, "docx")
    assert isinstance(data, bytes) and data.startswith(b"PK\x03\x04")
    document = docx.Document(io.BytesIO(data))
    names = [p.style.name for p in document.paragraphs if p.text]
    assert names[0] == "Title"
    assert {"Heading 1", "Heading 2", "Body Text", "Signature"} <= set(names)
    texts = [p.text for p in document.paragraphs]
    assert "一、2025年推进法治政府建设的主要举措和成效" in texts
    assert texts[-1] == "2026年1月20日"


def test_every_run_with_chinese_text_has_its_role_font(sample: fr.Report) -> None:
    document = parts(fr.render(sample, "docx"))["word/document.xml"]
    styles = {
        "Title": "title",
        "Heading1": "heading1",
        "Heading2": "heading2",
        "Heading3": "heading3",
        "BodyText": "body",
        "Signature": "body",
    }
    seen = set()
    for paragraph in document.iterfind(".//w:p", NS):
        style = paragraph.find("w:pPr/w:pStyle", NS)
        for i, run in enumerate(paragraph.iterfind("w:r", NS)):
            text = "".join(run.itertext())
            fonts = run.find("w:rPr/w:rFonts", NS)
            assert fonts is not None, text
            assert fonts.get(q("ascii")) == fonts.get(q("hAnsi")) == "Times New Roman"
            role = styles[style.get(q("val"))]
            if role.startswith("heading") and i > 0:
                role = "body"  # the text after a run-in heading sentence
            assert fonts.get(q("eastAsia")) == DEFAULT_FONTS[role], text
            seen.add(role)
    assert {"title", "heading1", "heading2", "body"} <= seen


def test_styles_set_fonts_outline_levels_and_no_theme_fonts(sample: fr.Report) -> None:
    package = parts(fr.render(sample, "docx"))
    styles = package["word/styles.xml"]
    fonts = style_fonts(styles)
    assert fonts["Title"] == ("方正小标宋简体", "Times New Roman")
    assert fonts["heading 1"][0] == "黑体"
    assert fonts["heading 2"][0] == "楷体_GB2312"
    assert fonts["heading 3"][0] == fonts["heading 4"][0] == "仿宋_GB2312"
    assert fonts["Body Text"][0] == "仿宋_GB2312"
    levels = {
        s.find("w:name", NS).get(q("val")): s.find("w:pPr/w:outlineLvl", NS).get(q("val"))
        for s in styles.iterfind("w:style", NS)
        if s.find("w:pPr/w:outlineLvl", NS) is not None
    }
    assert levels == {"heading 1": "0", "heading 2": "1", "heading 3": "2", "heading 4": "3"}
    everything = b"".join(etree.tostring(root) for root in package.values())
    assert b"Theme" not in everything  # no asciiTheme/eastAsiaTheme to override the fonts
    sizes = {
        s.find("w:name", NS).get(q("val")): s.find("w:rPr/w:sz", NS).get(q("val"))
        for s in styles.iterfind("w:style", NS)
        if s.find("w:rPr/w:sz", NS) is not None
    }
    assert sizes["Title"] == "44" and sizes["Body Text"] == sizes["heading 1"] == "32"


def test_page_setup_grid_and_line_spacing(sample: fr.Report) -> None:
    package = parts(fr.render(sample, "docx"))
    section = package["word/document.xml"].find(".//w:sectPr", NS)
    size = section.find("w:pgSz", NS)
    assert (size.get(q("w")), size.get(q("h"))) == ("11906", "16838")  # A4
    margins = section.find("w:pgMar", NS)
    mm = {
        side: round(int(margins.get(q(side))) / 1440 * 25.4)
        for side in ("top", "bottom", "left", "right")
    }
    assert mm == {"top": 37, "bottom": 35, "left": 28, "right": 26}
    grid = section.find("w:docGrid", NS)
    assert grid.get(q("linePitch")) == "579"
    defaults = package["word/styles.xml"].find("w:docDefaults", NS)
    spacing = defaults.find("w:pPrDefault/w:pPr/w:spacing", NS)
    assert (spacing.get(q("line")), spacing.get(q("lineRule"))) == ("579", "exact")
    # 28 characters of 16 pt in 156 mm: each condensed by 0.25 pt (tests/test_docx_pdf.py
    # measures the lines LibreOffice sets)
    assert defaults.find("w:rPrDefault/w:rPr/w:spacing", NS).get(q("val")) == "-5"


def test_footers_number_odd_pages_right_and_even_pages_left(sample: fr.Report) -> None:
    package = parts(fr.render(sample, "docx"))
    assert package["word/settings.xml"].find("w:evenAndOddHeaders", NS) is not None
    rels = {r.get("Id"): r.get("Target") for r in package["word/_rels/document.xml.rels"]}
    refs = {
        ref.get(q("type")): rels[
            ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        ]
        for ref in package["word/document.xml"].iterfind(".//w:footerReference", NS)
    }
    for kind, side in (("default", "right"), ("even", "left")):
        footer = package["word/" + refs[kind]]
        assert "".join(footer.itertext()).replace(" PAGE ", "N") == "— N1 —"
        assert footer.find(".//w:instrText", NS).text.strip() == "PAGE"
        assert footer.find(".//w:jc", NS).get(q("val")) == side
        assert footer.find(".//w:ind", NS).get(q(side)) == "280"  # one 4号 character in
        fonts = footer.find(".//w:rFonts", NS)
        assert fonts.get(q("eastAsia")) == "宋体"


def _signature_indents(data: bytes) -> list[tuple[str, int, int, str]]:
    """(text, left indent, right indent, alignment) of each signature line."""
    document = parts(data)["word/document.xml"]
    found = []
    for paragraph in document.iterfind(".//w:p", NS):
        style = paragraph.find("w:pPr/w:pStyle", NS)
        if style is not None and style.get(q("val")) == "Signature":
            ind = paragraph.find("w:pPr/w:ind", NS)
            jc = paragraph.find("w:pPr/w:jc", NS)
            found.append(
                (
                    "".join(paragraph.itertext()),
                    int(ind.get(q("left"))),
                    int(ind.get(q("right"))),
                    "right" if jc is None else jc.get(q("val")),
                )
            )
    return found


PITCH = 315  # a 3号 character condensed by 0.25 pt, in twips
TYPE_AREA = 8844


def test_signature_layouts() -> None:
    report = fr.Report(
        title="示例县司法局2025年法治政府建设情况报告",
        signature=fr.Signature("示例县人民政府办公室", dt.date(2026, 1, 8)),
    )
    # unstamped: organ 右空二字; the date starts two characters right of the organ's start
    organ, date = _signature_indents(fr.render(report, "docx"))
    assert (organ[0], date[0]) == ("示例县人民政府办公室", "2026年1月8日")
    assert organ[2:] == (2 * PITCH, "right")
    organ_start = TYPE_AREA - 2 * PITCH - 10 * PITCH
    assert date[1] - organ_start == 2 * PITCH and date[3] == "left"
    # stamped: date 右空四字, organ centred over it (PDF measures in tests/test_docx_pdf.py)
    organ, date = _signature_indents(fr.render(report, "docx", signature_layout="stamped"))
    assert date[2:] == (4 * PITCH, "right")
    assert organ[2] < date[2] + 2 * PITCH  # the ten characters reach past the short date


def test_a_long_date_pushes_a_short_organ_left() -> None:
    report = fr.Report(signature=fr.Signature("某局", dt.date(2026, 11, 28)))
    organ, date = _signature_indents(fr.render(report, "docx"))
    assert date[2:] == (2 * PITCH, "right")  # the date never comes closer than two characters
    assert organ[3] == "left" and organ[1] < TYPE_AREA - 4 * PITCH - 7 * PITCH // 2


def test_fonts_option_replaces_roles_and_refuses_unknown_ones(sample: fr.Report) -> None:
    data = fr.render(sample, "docx", fonts={"body": "FangSong", "heading1": "SimHei"})
    fonts = style_fonts(parts(data)["word/styles.xml"])
    assert fonts["Body Text"][0] == "FangSong" and fonts["heading 1"][0] == "SimHei"
    assert fonts["heading 2"][0] == "楷体_GB2312"
    with pytest.raises(fr.OptionError, match="'bodyy'"):
        fr.render(sample, "docx", fonts={"bodyy": "x"})
    with pytest.raises(fr.OptionError, match="signature"):
        fr.render(sample, "docx", signature_layout="sideways")


def test_long_titles_break_at_sensible_places() -> None:
    assert title_lines("某某县公安局交通警察大队2025年法治政府建设情况报告") == [
        "某某县公安局交通警察大队",
        "2025年法治政府建设情况报告",
    ]
    assert title_lines("某县公安局2025年法治政府建设情况报告") == [
        "某县公安局2025年法治政府建设情况报告"  # digits are half as wide: it fits
    ]
    assert title_lines("短标题") == ["短标题"]
    long = "中共某某省某某市某某区委员会某某区人民政府关于二〇二五年度法治政府建设工作情况的报告"
    lines = title_lines(long)
    assert "".join(lines) == long and all(len(line) <= 22 for line in lines)


def test_text_a_word_file_cannot_hold_is_a_data_error() -> None:
    report = fr.Report(preamble=[fr.Paragraph("控制\x01字符")])
    with pytest.raises(fr.DataError, match="U\\+0001"):
        fr.render(report, "docx")


def test_reference_document_keeps_its_header_and_content(tmp_path: Path, sample: fr.Report) -> None:
    reference = docx.Document()
    section = reference.sections[0]
    section.header.paragraphs[0].text = "某某县人民政府办公室文件"
    section.left_margin = docx.shared.Mm(30)
    reference.add_paragraph("某某县人民政府办公室文件")  # the letterhead's first-page content
    # a localised style id, as WPS and Chinese Word write them
    styles = reference.styles.element
    heading = reference.styles["Heading 1"].element
    heading.set(q("styleId"), "1")
    path = tmp_path / "letterhead.docx"
    reference.save(path)

    data = fr.render(sample, "docx", reference_docx=path)
    out = docx.Document(io.BytesIO(data))
    assert out.sections[0].header.paragraphs[0].text == "某某县人民政府办公室文件"
    assert round(out.sections[0].left_margin.mm) == 28  # the report's page setup wins
    texts = [p.text for p in out.paragraphs]
    assert texts[0] == "某某县人民政府办公室文件" and texts[1] == sample.title
    first_heading = next(p for p in out.paragraphs if p.text.startswith("一、"))
    assert first_heading.style.name == "Heading 1"
    assert first_heading._p.pPr.pStyle.val == "1"  # found by name, not by id
    assert styles is not None
    assert fr.render(sample, "docx", reference_docx=path.read_bytes()) == data


def test_a_reference_that_is_not_a_word_file_is_refused(tmp_path: Path, sample: fr.Report) -> None:
    bad = tmp_path / "not.docx"
    bad.write_bytes(b"plain text")
    with pytest.raises(fr.DecodeError, match="not a Word file"):
        fr.render(sample, "docx", reference_docx=bad)
    with pytest.raises(fr.FileError, match="reference"):
        fr.render(sample, "docx", reference_docx=tmp_path / "missing.docx")


def test_save_picks_docx_from_the_suffix(tmp_path: Path, sample: fr.Report) -> None:
    target = tmp_path / "报告.docx"
    fr.save(sample, target)
    assert target.read_bytes() == fr.render(sample, "docx")
