"""python-docx interop: fr.to_document gives a python-docx Document, fr.parse and fr.load read
one."""

from __future__ import annotations

import io

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
