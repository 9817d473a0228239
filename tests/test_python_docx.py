"""python-docx interop: fr.to_document gives a python-docx Document, fr.parse and fr.load read
one."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

import fazhi_report as fr

from .conftest import EXAMPLES


def test_round_trip_through_python_docx() -> None:
    report = fr.load(EXAMPLES / "sample_report.txt")
    document = fr.to_document(report)
    assert isinstance(document, docx.document.Document)
    back = fr.parse(document)
    assert back == fr.parse(fr.render(report, "docx"))


def test_a_header_added_with_python_docx_still_reads() -> None:
    report = fr.load(EXAMPLES / "sample_report.txt")
    document = fr.to_document(report)
    document.sections[0].header.paragraphs[0].text = "内部资料"
    buffer = io.BytesIO()
    document.save(buffer)
    expected = fr.parse(fr.render(report, "docx"))
    assert fr.parse(buffer.getvalue()) == expected
    assert fr.parse(document) == expected


def test_parse_takes_a_document_without_format() -> None:
    document = docx.Document()
    document.add_paragraph("某县2024年法治政府建设情况报告")
    document.add_paragraph("一、主要举措和成效")
    document.add_paragraph("全年查处案件821起。")
    report = fr.parse(document)
    assert report.title == "某县2024年法治政府建设情况报告"
    assert [s.heading for s in report.sections] == ["主要举措和成效"]


def test_load_takes_a_document_as_parse_does() -> None:
    document = docx.Document()
    document.add_paragraph("青禾县2024年法治政府建设情况报告")
    document.add_paragraph("一、主要举措和成效")
    document.add_paragraph("全年办理复议案件12件。")
    report = fr.load(document)
    assert report == fr.parse(document)
    assert [s.heading for s in report.sections] == ["主要举措和成效"]
    with pytest.raises(fr.UnknownFormatError):
        fr.load(document, "no-such-format")


def test_a_letterhead_document_round_trips_through_python_docx(tmp_path: Path) -> None:
    report = fr.load(EXAMPLES / "sample_report.txt")
    letterhead = docx.Document()  # python-docx's own template: its Title is blue
    letterhead.sections[0].header.paragraphs[0].text = "青禾县人民政府办公室"
    path = tmp_path / "letterhead.docx"
    letterhead.save(path)
    document = fr.to_document(report, reference_docx=path, signature_layout="stamped")
    assert document.sections[0].header.paragraphs[0].text == "青禾县人民政府办公室"
    assert len(document.sections[0].footer.paragraphs) == 1  # the page numbers
    title = next(p for p in document.paragraphs if p.text == report.title)
    assert title.style.font.color.rgb is None or str(title.style.font.color.rgb) == "000000"
    document.add_paragraph("附件：执法案件统计表")  # a caller adds to it, then saves
    buffer = io.BytesIO()
    document.save(buffer)
    again = fr.parse(buffer.getvalue())
    assert again.sections == report.sections
    assert again.title == report.title
    assert fr.parse(document) == again
