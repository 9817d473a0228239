"""Word files within limits, or refused: size limits, damaged parts, the streamed body.

Peak memory is measured in ``bench/docx_memory.py``; here, that every limit is enforced with a
`fazhi_report.DecodeError` naming the file and the part, and that reading the body as a
stream reads what reading it whole did.
"""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import fazhi_report as fr
from fazhi_report import _ooxml
from fazhi_report.parsers import docx as docx_reader

from .test_docx_read import W, make_docx, p

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sample_report.txt"


@pytest.fixture(params=[False, True], ids=["whole", "stream"])
def streamed(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Read the Word body whole (as up to 1 MiB), or as a stream (as above): both must hold."""
    if request.param:
        monkeypatch.setattr(docx_reader, "_STREAM_ABOVE", -1)
    return bool(request.param)


def rendered() -> bytes:
    """A real package: the sample report as the library writes it (deflated parts)."""
    return fr.render(fr.load(SAMPLE), "docx")


def damage(data: bytes, name: str, at: int, patch: bytes) -> bytes:
    """``data`` with the compressed bytes of entry ``name`` overwritten at offset ``at``."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        info = package.getinfo(name)
    out = bytearray(data)
    name_len, extra_len = struct.unpack(
        "<HH", out[info.header_offset + 26 : info.header_offset + 30]
    )
    start = info.header_offset + 30 + name_len + extra_len + at
    out[start : start + len(patch)] = patch
    return bytes(out)


def central_entry(data: bytes, name: str) -> int:
    """The offset of entry ``name`` in the zip file's central directory."""
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        length = struct.unpack("<H", data[at + 28 : at + 30])[0]
        if data[at + 46 : at + 46 + length] == name.encode():
            return at
        at = data.find(b"PK\x01\x02", at + 4)
    raise AssertionError(name)


def set_method(data: bytes, name: str, method: int) -> bytes:
    """``data`` with entry ``name`` claiming compression ``method`` (local and central)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        info = package.getinfo(name)
    out = bytearray(data)
    out[info.header_offset + 8 : info.header_offset + 10] = struct.pack("<H", method)
    central = central_entry(data, name)
    out[central + 10 : central + 12] = struct.pack("<H", method)
    return bytes(out)


# ------------------------------------------------------------------------- damaged parts


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml"])
def test_a_corrupt_compressed_part_is_a_decode_error(part: str, streamed: bool) -> None:
    # 0xFF starts a deflate block of the reserved type: zlib.error before this was caught
    data = damage(rendered(), part, 0, b"\xff\xff\xff\xff")
    with pytest.raises(fr.DecodeError, match=f"cannot read the part {part}") as caught:
        fr.parse(data, source="bad.docx")
    assert caught.value.source == "bad.docx"


def test_a_corrupt_part_late_in_the_stream_is_a_decode_error(streamed: bool) -> None:
    data = rendered()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        size = package.getinfo("word/document.xml").compress_size
    broken = damage(data, "word/document.xml", size // 2, b"\xff" * 16)
    with pytest.raises(fr.DecodeError, match=r"word/document\.xml") as caught:
        fr.parse(broken, source="late.docx")
    assert caught.value.source == "late.docx"


@pytest.mark.parametrize("method", [99, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_a_part_in_a_compression_it_is_not_in_is_a_decode_error(
    method: int, streamed: bool
) -> None:
    data = set_method(rendered(), "word/document.xml", method)
    with pytest.raises(fr.DecodeError, match=r"cannot read the part word/document\.xml"):
        fr.parse(data, source="odd.docx")


def test_a_central_directory_pointing_before_the_file_is_a_decode_error(streamed: bool) -> None:
    # the end record puts the directory 1 MB further on than it is: every part's offset
    # comes out negative (ValueError: negative seek value, before this was caught)
    data = bytearray(rendered())
    end = data.rfind(b"PK\x05\x06")
    (offset,) = struct.unpack("<I", data[end + 16 : end + 20])
    data[end + 16 : end + 20] = struct.pack("<I", offset + 1_000_000)
    with pytest.raises(fr.DecodeError, match="cannot read the part") as caught:
        fr.parse(bytes(data), source="shifted.docx")
    assert caught.value.source == "shifted.docx"


def test_a_part_that_needs_a_newer_zip_is_a_decode_error() -> None:
    # "version needed to extract" 25.5: zipfile raised NotImplementedError while opening
    data = bytearray(rendered())
    central = central_entry(bytes(data), "word/styles.xml")
    data[central + 6 : central + 8] = struct.pack("<H", 255)
    with pytest.raises(fr.DecodeError, match=r"not a Word file: zip file version 25\.5"):
        fr.parse(bytes(data), source="new.docx")


def test_a_corrupt_reference_document_is_a_decode_error(tmp_path: Path) -> None:
    reference = damage(rendered(), "word/footer1.xml", 0, b"\xff\xff")
    report = fr.load(SAMPLE)
    with pytest.raises(fr.DecodeError, match=r"footer1\.xml") as caught:
        fr.render(report, "docx", reference_docx=reference)
    assert caught.value.source == "<reference_docx>"


def test_cli_says_which_file_is_damaged(tmp_path: Path) -> None:
    from fazhi_report.cli import main

    bad = tmp_path / "bad.docx"
    bad.write_bytes(damage(rendered(), "word/document.xml", 0, b"\xff\xff"))
    assert main(["convert", str(bad), str(tmp_path / "out.json")]) == 1
    assert not (tmp_path / "out.json").exists()


# --------------------------------------------------------------------------------- limits


def huge_document(megabytes: int) -> bytes:
    """A small file whose document.xml unpacks to ``megabytes`` MB (as issue 16's 586 kB)."""
    buffer = io.BytesIO()
    unit = "<w:p><w:r><w:t>一、举措</w:t></w:r></w:p>".encode()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package,
        package.open("word/document.xml", "w", force_zip64=True) as part,
    ):
        part.write(f'<w:document xmlns:w="{W}"><w:body>'.encode())
        chunk = unit * (1_000_000 // len(unit))
        for _ in range(megabytes):
            part.write(chunk)
        part.write(b"</w:body></w:document>")
    return buffer.getvalue()


def test_a_document_part_over_the_limit_is_refused_before_it_is_unpacked() -> None:
    data = huge_document(30)
    assert len(data) < 200_000  # a small file: the size is what it unpacks to
    with pytest.raises(
        fr.DecodeError,
        match=r"word/document\.xml unpacks to 29,\d{3},\d{3} bytes, over the limit of 16,777,216",
    ):
        fr.parse(data, source="big.docx")


def test_the_limits_are_the_documented_numbers() -> None:
    assert _ooxml.MAX_XML_PART == 16 * 1024 * 1024
    assert docx_reader.MAX_PARAGRAPHS == 200_000
    assert _ooxml.MAX_UNPACKED == 256 * 1024 * 1024 and _ooxml.MAX_PARTS == 10_000


def test_every_xml_part_read_is_limited(monkeypatch: pytest.MonkeyPatch) -> None:
    styles = '<w:style w:type="paragraph" w:styleId="T"><w:name w:val="Title"/></w:style>' * 20
    data = make_docx(p("一、标题"), styles=styles)
    monkeypatch.setattr(_ooxml, "MAX_XML_PART", 1000)
    with pytest.raises(fr.DecodeError, match=r"word/styles\.xml unpacks to .* limit of 1,000"):
        fr.parse(data)


def test_a_part_larger_than_it_says_is_refused_while_streaming(streamed: bool) -> None:
    data = bytearray(make_docx(p("一、标题") * 50))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as package:
        info = package.getinfo("word/document.xml")
    # the entry is stored: say it is 100 bytes, in the local header and the central directory
    data[info.header_offset + 22 : info.header_offset + 26] = struct.pack("<I", 100)
    central = central_entry(bytes(data), "word/document.xml")
    data[central + 24 : central + 28] = struct.pack("<I", 100)
    with pytest.raises(fr.DecodeError, match=r"larger than it says|cannot read the part"):
        fr.parse(bytes(data))


def test_too_many_paragraphs_are_refused(monkeypatch: pytest.MonkeyPatch, streamed: bool) -> None:
    monkeypatch.setattr(docx_reader, "MAX_PARAGRAPHS", 5)
    assert fr.parse(make_docx(p("一、标题") + p("正文。") * 4)).sections
    rows = "<w:tbl>" + "<w:tr><w:tc>{0}</w:tc><w:tc>{0}</w:tc></w:tr>".format(p("x")) * 5
    broken = "<w:p><w:r>" + "<w:t>正文。</w:t><w:br/>" * 5 + "</w:r></w:p>"
    for body in (
        p("一、标题") + p("正文。") * 5,
        p("一、标题") + rows + "</w:tbl>",
        p("一、标题") + broken,  # each line after a soft break counts
    ):
        with pytest.raises(fr.DecodeError, match="more than 5 paragraphs") as caught:
            fr.parse(make_docx(body), source="long.docx")
        assert caught.value.source == "long.docx"


# ------------------------------------------------------------------- the streamed body


def whole_tree_lines(data: bytes) -> list[tuple[Any, ...]]:
    """The lines the reader makes from the body parsed whole (as before streaming)."""
    package = _ooxml.open_package(data, "<t>")
    root = _ooxml.parse_xml(_ooxml.read_part(package, "word/document.xml", "<t>"), "<t>", "d")
    reader = docx_reader._Reader(docx_reader._Styles(None), docx_reader._Numbering(None), "<t>")
    body = docx_reader._child(root, f"{{{W}}}body")
    reader.block(body)
    return [_line(line) for line in reader.lines]


def streamed_lines(data: bytes) -> list[tuple[Any, ...]]:
    package = _ooxml.open_package(data, "<t>")
    reader = docx_reader._Reader(docx_reader._Styles(None), docx_reader._Numbering(None), "<t>")
    assert docx_reader._read_body(package, reader, "<t>")
    return [_line(line) for line in reader.lines]


def _line(line: Any) -> tuple[Any, ...]:
    return (line.indent, line.text, line.end, line.number, line.level, line.cells)


_texts = st.sampled_from(["一、总体情况", "（一）加强领导", "正文。", "一是落实。二是推进。", ""])


@st.composite
def blocks(draw: st.DrawFn, depth: int = 0) -> str:
    """A block of a body: a paragraph, a table, or blocks inside what the reader looks into
    (content controls, insertions) or does not (an element of its own)."""
    kinds = ["p", "p", "broken", "table", "frame", "layout"]
    kinds += ["sdt", "prompt", "ins", "move", "other", "box"] if depth < 2 else []
    kind = draw(st.sampled_from(kinds))
    if kind == "p":
        return p(draw(_texts))
    if kind == "broken":  # soft line breaks: one paragraph, several lines
        pieces = draw(st.lists(_texts, min_size=2, max_size=4))
        return "<w:p><w:r>" + "<w:br/>".join(f"<w:t>{t}</w:t>" for t in pieces) + "</w:r></w:p>"
    if kind == "layout":  # a table without lines placing a signature
        return (
            '<w:tbl><w:tblPr><w:tblBorders><w:top w:val="nil"/></w:tblBorders></w:tblPr>'
            f"<w:tr><w:tc><w:p/></w:tc><w:tc>{p(draw(_texts))}</w:tc></w:tr></w:tbl>"
        )
    if kind == "table":
        cell = f"<w:tc>{p(draw(_texts))}</w:tc>"
        return "<w:tbl>" + f"<w:tr>{cell}{cell}</w:tr>" * draw(st.integers(1, 3)) + "</w:tbl>"
    if kind == "frame":
        return f"<w:tbl><w:tr><w:tc>{p(draw(_texts))}{p(draw(_texts))}</w:tc></w:tr></w:tbl>"
    if kind == "box":
        inner = p(draw(_texts))
        return (
            f"<w:p><w:r><w:t>{draw(_texts)}</w:t></w:r><w:r><w:pict><w:txbxContent>{inner}"
            "</w:txbxContent></w:pict></w:r></w:p>"
        )
    inner = "".join(draw(st.lists(blocks(depth + 1), min_size=0, max_size=3)))
    if kind == "sdt":
        return f"<w:sdt><w:sdtPr/><w:sdtContent>{inner}</w:sdtContent></w:sdt>"
    if kind == "prompt":  # a content control showing its placeholder: not read
        return f"<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>"
    if kind == "ins":
        return f"<w:ins>{inner}</w:ins>"
    if kind == "move":
        return f"<w:moveTo>{inner}</w:moveTo>"
    return f"<w:bookmarkStart/><w:other>{inner}</w:other><w:bookmarkEnd/>"


@given(st.lists(blocks(), min_size=1, max_size=8))
def test_the_streamed_body_reads_as_the_whole_tree_did(body: list[str]) -> None:
    data = make_docx("".join(body) + "<w:sectPr/>")
    assert streamed_lines(data) == whole_tree_lines(data)


def test_a_doctype_is_refused_and_malformed_xml_names_its_line(streamed: bool) -> None:
    xml = f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "y">]><w:document xmlns:w="{W}">'
    for text, match in [
        (xml + f"<w:body>{p('&x;')}</w:body></w:document>", "DOCTYPE"),
        (f'<w:document xmlns:w="{W}">\n<w:body>\n{p("一、甲")}<w:p>', "not well-formed"),
    ]:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as package:
            package.writestr("word/document.xml", text)
        with pytest.raises(fr.DecodeError, match=match) as caught:
            fr.parse(buffer.getvalue(), source="x.docx")
        assert caught.value.source == "x.docx"
        assert match == "DOCTYPE" or caught.value.line == 3


def test_only_the_first_body_is_read(streamed: bool) -> None:
    xml = (
        f'<w:document xmlns:w="{W}"><w:body>{p("一、甲")}</w:body>'
        f"<w:body>{p('二、乙')}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/document.xml", xml)
    assert [s.heading for s in fr.parse(buffer.getvalue()).sections] == ["甲"]


def test_the_same_report_gives_the_same_bytes_whenever_it_is_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import time

    report = fr.load(SAMPLE)
    first = fr.render(report, "docx")
    later = time.time() + 3 * 3600
    monkeypatch.setattr(time, "time", lambda: later)
    assert fr.render(report, "docx") == first
