"""The DOCX reader: round trips, the features of real Word and WPS files, hostile files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import assume, given

import fazhi_report as fr
from fazhi_report import _ooxml
from fazhi_report.cli import main

from .conftest import CORPUS, EXAMPLES, needs_corpus
from .strategies import reports

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def make_docx(body: str, *, styles: str = "", numbering: str = "") -> bytes:
    """A minimal Word package around ``body`` (the children of ``w:body``)."""
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:{{}} xmlns:w="{W}">'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(
            "word/document.xml", head.format("document") + f"<w:body>{body}</w:body></w:document>"
        )
        if styles:
            package.writestr("word/styles.xml", head.format("styles") + styles + "</w:styles>")
        if numbering:
            package.writestr(
                "word/numbering.xml", head.format("numbering") + numbering + "</w:numbering>"
            )
    return buffer.getvalue()


def p(text: str, style: str = "", extra: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr>' if style or extra else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def style(style_id: str, name: str, extra: str = "") -> str:
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f"<w:pPr>{extra}</w:pPr></w:style>"
    )


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("name", ["sample_report.txt", "web_page.txt"])
def test_examples_come_back_from_word(name: str) -> None:
    report = fr.load(EXAMPLES / name)
    data = fr.render(report, "docx")
    assert fr.parse(data, format="docx") == report
    assert fr.parse(data) == report  # told apart by its magic bytes


@needs_corpus
def test_corpus_reports_come_back_from_word() -> None:
    for path in sorted((CORPUS / "seeds").glob("*.txt")):
        report = fr.load(path)
        assert fr.parse(fr.render(report, "docx")) == report, path.name


@given(reports())
def test_generated_reports_come_back_from_word(report: fr.Report) -> None:
    # a Word file without text is refused as empty, as empty bytes are (tested below)
    assume(fr.render(report, "text", style="official").strip())
    assert fr.parse(fr.render(report, "docx"), format="docx") == report


def test_load_and_save_and_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "报告.docx"
    assert main(["convert", str(EXAMPLES / "sample_report.txt"), str(target)]) == 0
    assert fr.load(target) == fr.load(EXAMPLES / "sample_report.txt")
    capsys.readouterr()
    assert main(["inspect", str(target)]) == 0
    assert "title: 青禾县公安局2025年法治政府建设情况报告" in capsys.readouterr().out


# ----------------------------------------------------------------- features of real files

NUMBERING = (
    '<w:abstractNum w:abstractNumId="7">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
    '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>'
    "</w:abstractNum>"
    '<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>'
    '<w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="•"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="4"><w:abstractNumId w:val="8"/></w:num>'
)  # fmt: skip


def numbered(text: str, level: int, num: int = 3) -> str:
    return p(text, extra=f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>')


def test_markers_drawn_by_word_numbering_are_read_as_typed() -> None:
    body = (
        p("示例区司法局2025年法治政府建设情况报告", "Title")
        + p("2025年，我局依法履职。现将有关情况报告如下：")
        + numbered("主要举措和成效", 0)
        + numbered("健全制度", 1)
        + p("修订制度六项。")
        + numbered("规范执法", 1)
        + numbered("细化流程", 2)
        + numbered("明确时限", 3)
        + numbered("第二个细项", 3)
        + numbered("存在的不足", 0)  # level 0 goes on: 二、, and level 1 starts again
        + numbered("能力不足", 1)
        + numbered("这是一个项目符号", 0, num=4)
    )
    report = fr.parse(make_docx(body, numbering=NUMBERING))
    outline = [(s.level, s.number, s.heading) for s in report.walk()]
    assert outline == [
        (1, 1, "主要举措和成效"),
        (2, 1, "健全制度"),
        (2, 2, "规范执法"),
        (3, 1, "细化流程"),
        (4, 1, "明确时限"),
        (4, 2, "第二个细项"),
        (1, 2, "存在的不足"),
        (2, 1, "能力不足"),
    ]
    assert report.sections[1].subsections[0].body[0].text == "这是一个项目符号"
    assert report.title == "示例区司法局2025年法治政府建设情况报告"
    # the text of the file shows the markers Word draws, so it reads back to the same outline
    text = fr.render(report, "text")
    assert "一、主要举措和成效\n" in text and "（二）规范执法\n" in text
    assert fr.parse(text) == report


def test_style_names_not_ids_give_the_hints() -> None:
    # WPS and Chinese Word write localised ids; the names stay Word's own, or Chinese ones
    styles = (
        style("a3", "Title")
        + style("1", "heading 1")
        + style("2", "标题 2")
        + style("7", "My Outline", '<w:outlineLvl w:val="0"/>')
    )
    body = (
        p("示例县公安局", "a3")
        + p("2025年法治政府建设情况报告", "a3")
        + p("主要举措和成效", "1")  # no typed marker: the style makes it a heading
        + p("强化组织领导", "2")
        + p("全年开展培训12次。")
        + p("存在的不足", "7")
        + p("执法能力有待提高。")
    )
    report = fr.parse(make_docx(body, styles=styles))
    assert report.title == "示例县公安局2025年法治政府建设情况报告"
    assert [(s.level, s.heading) for s in report.walk()] == [
        (1, "主要举措和成效"),
        (2, "强化组织领导"),
        (1, "存在的不足"),
    ]
    assert report.sections[1].role is fr.SectionRole.SHORTCOMINGS


def test_text_in_controls_links_fields_tags_boxes_and_insertions_is_kept() -> None:
    run = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'.format
    paragraph = (
        "<w:p>"
        + run("一、")
        + f"<w:sdt><w:sdtContent>{run('主要')}</w:sdtContent></w:sdt>"
        + f'<w:hyperlink r:id="x" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">{run("举措")}</w:hyperlink>'
        + f'<w:smartTag w:uri="u" w:element="e">{run("和")}</w:smartTag>'
        + f'<w:ins w:id="1" w:author="a">{run("成效")}</w:ins>'
        + '<w:del w:id="2" w:author="a"><w:r><w:delText>删掉的字</w:delText></w:r></w:del>'
        + "</w:p>"
    )
    field = (
        "<w:p>"
        + run("全年办理案件")
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + "<w:r><w:instrText> = 40 + 2 </w:instrText></w:r>"
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("42")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + f'<w:fldSimple w:instr=" PAGE ">{run("件")}</w:fldSimple>'
        + "。"[:0]
        + run("。")
        + "<w:r><w:pict><w:txbxContent>"
        + p("文本框里的一句话。")
        + "</w:txbxContent></w:pict></w:r>"
        + "</w:p>"
    )
    block_control = f"<w:sdt><w:sdtContent>{p('二、存在的不足')}</w:sdtContent></w:sdt>"
    report = fr.parse(make_docx(paragraph + field + block_control + p("能力不足。")))
    assert [s.heading for s in report.sections] == ["主要举措和成效", "存在的不足"]
    body = [para.text for para in report.sections[0].body]
    assert body == ["全年办理案件42件。", "文本框里的一句话。"]
    assert "删掉的字" not in fr.render(report, "text")


def test_tables_become_table_blocks_and_empty_paragraphs_are_layout() -> None:
    cell = "<w:tc>{}</w:tc>".format
    table = (
        "<w:tbl>"
        + "<w:tr>" + cell(p("指标")) + cell(p("2025年")) + "</w:tr>"
        + "<w:tr>" + cell(p("办理案件")) + cell(p("42件")) + "</w:tr>"
        + "</w:tbl>"
    )  # fmt: skip
    body = p("一、主要举措和成效") + "<w:p/>" + table + "<w:p/><w:p/>" + p("二、存在的不足")
    report = fr.parse(make_docx(body))
    assert report.sections[0].body == [fr.Table([["指标", "2025年"], ["办理案件", "42件"]])]
    assert len(report.sections) == 2
    # the table goes on to every format: text writes its rows as tab-separated lines
    official = fr.render(report, "text", style="official")
    assert "指标\t2025年\n办理案件\t42件\n" in official
    assert fr.parse(official) == report
    assert fr.parse(fr.render(report, "docx"), format="docx") == report
    assert fr.from_json(fr.to_json(report)) == report


def test_a_table_of_one_cell_frames_paragraphs() -> None:
    # a single cell around the text is a frame (a letterhead box), not data
    frame = "<w:tbl><w:tr><w:tc>{}</w:tc></w:tr></w:tbl>".format(
        p("一、主要举措和成效") + p("全年办理案件42件。")
    )
    report = fr.parse(make_docx(frame + p("二、存在的不足")))
    assert [s.heading for s in report.sections] == ["主要举措和成效", "存在的不足"]
    assert report.sections[0].body == [fr.Paragraph("全年办理案件42件。")]
    assert report.tables == []


def test_empty_cells_and_ragged_rows_are_kept() -> None:
    cell = "<w:tc>{}</w:tc>".format
    table = (
        "<w:tbl>"
        + "<w:tr>" + cell(p("甲")) + cell("<w:p/>") + cell(p("丙")) + "</w:tr>"
        + "<w:tr>" + cell(p("丁")) + cell(p("戊")) + "</w:tr>"
        + "</w:tbl>"
    )  # fmt: skip
    report = fr.parse(make_docx(p("一、主要举措和成效") + table))
    assert report.tables == [fr.Table([["甲", "", "丙"], ["丁", "戊"]])]
    # plain text cannot carry this shape as a table: validate says so, rendering still works
    assert [p.code for p in fr.validate(report)] == ["table_in_text"]
    again = fr.parse(fr.render(report, "docx"), format="docx")
    assert again == report


def test_soft_breaks_end_lines_as_line_ends_do_in_text() -> None:
    body = "<w:p><w:r><w:t>一、主要举措</w:t><w:br/><w:t>和成效</w:t></w:r></w:p>" + p("正文。")
    report = fr.parse(make_docx(body))
    # a soft break is a line end: the lines read as the same lines of text do
    assert report == fr.parse("一、主要举措\n和成效\n正文。\n")
    assert fr.render(report, "text") == "一、主要举措\n和成效\n正文。\n"


# ------------------------------------------------------------------------ hostile files


def test_not_a_word_file(tmp_path: Path) -> None:
    with pytest.raises(fr.DecodeError, match="not a Word file"):
        fr.parse(b"PK\x03\x04 but not really a zip", format="docx")
    no_document = io.BytesIO()
    with zipfile.ZipFile(no_document, "w") as package:
        package.writestr("hello.txt", "hi")
    with pytest.raises(fr.DecodeError, match=r"no word/document\.xml"):
        fr.parse(no_document.getvalue())
    legacy = tmp_path / "old.doc.docx"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with pytest.raises(fr.DecodeError, match=r"legacy Word \.doc") as caught:
        fr.load(legacy)
    assert str(legacy) in str(caught.value) and "libreoffice" in str(caught.value)
    with pytest.raises(fr.UnknownFormatError, match="binary"):
        fr.parse("一、标题", format="docx")


def test_zip_bombs_are_refused_before_unpacking(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_ooxml, "MAX_UNPACKED", 1000)
    data = make_docx(p("x" * 2000))
    with pytest.raises(fr.DecodeError, match="unpacks to"):
        fr.parse(data)
    monkeypatch.setattr(_ooxml, "MAX_UNPACKED", 10**9)
    monkeypatch.setattr(_ooxml, "MAX_PARTS", 1)
    with pytest.raises(fr.DecodeError, match="parts"):
        fr.parse(data)


def test_doctype_and_entities_are_refused_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("机密", "utf-8")
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
        f'<w:document xmlns:w="{W}"><w:body>{p("&x;")}</w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/document.xml", xml)
    with pytest.raises(fr.DecodeError, match="DOCTYPE"):
        fr.parse(buffer.getvalue())


def test_malformed_xml_names_the_part_and_line() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/document.xml", f'<w:document xmlns:w="{W}">\n<w:body><w:p>')
    with pytest.raises(fr.DecodeError, match=r"document\.xml is not well-formed") as caught:
        fr.parse(buffer.getvalue(), source="x.docx")
    assert caught.value.source == "x.docx" and caught.value.line == 2


def test_a_document_without_text_is_empty() -> None:
    with pytest.raises(fr.EmptyInputError):
        fr.parse(make_docx("<w:p/><w:p/>"))
