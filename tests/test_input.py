"""Input safety: bytes in every encoding reports come in, and clear errors for everything else."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given

import fazhi_report as fr

from .strategies import report_like_text

SAMPLE = (
    "东坡区税务局2024年法治政府建设情况报告\n一、主要举措和成效\n（一）完善制度。一是修订规则。\n"
)


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        SAMPLE.encode("utf-16"),  # with a byte-order mark, as Word writes "Unicode text"
        SAMPLE.encode("gb18030"),
        SAMPLE.encode("gbk"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "gb18030", "gbk"],
)
def test_every_encoding_gives_the_same_report(data: bytes) -> None:
    report = fr.parse(data)
    assert report == fr.parse(SAMPLE)
    assert report.title == "东坡区税务局2024年法治政府建设情况报告"
    assert fr.render(report, "text") == SAMPLE


@given(report_like_text)
def test_utf8_bytes_and_text_parse_alike(text: str) -> None:
    text = text.lstrip("\ufeff")
    data = text.encode("utf-8", "surrogatepass")
    if not data.strip() or any(ord(c) < 32 and c not in "\t\n\v\f\r" for c in text):
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return
    assert fr.parse(data) == fr.parse(text)


def test_load_remembers_the_encoding_for_save(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_bytes(SAMPLE.encode("gb18030"))
    report = fr.load(source)
    out = tmp_path / "copy.txt"
    fr.save(report, out)
    assert out.read_bytes() == source.read_bytes()


def test_load_accepts_str_and_path(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text(SAMPLE, "utf-8")
    assert fr.load(str(source)) == fr.load(source) == fr.parse(source)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\r\n ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL"),
        (b"abc\x80\xff\x80def", "neither UTF-8"),
        (b"abc\x01\x02def", "control character"),
    ],
    ids=["empty", "blank", "png", "invalid", "controls"],
)
def test_bytes_that_are_not_a_report_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(fr.FazhiReportError, match=message) as caught:
        fr.parse(data, source="upload.txt")
    assert caught.value.source == "upload.txt"
    assert "upload.txt" in str(caught.value)


def test_decode_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("第一行\n第二行\n".encode() + b"\xff\xfe\xfa\xfb\n")
    with pytest.raises(fr.DecodeError) as caught:
        fr.load(path)
    assert caught.value.line == 3
    assert str(path) in str(caught.value)
    assert "expected" in str(caught.value)


def test_missing_file_is_a_read_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(fr.FileError) as caught:
        fr.load(missing)
    assert str(missing) in str(caught.value)
    assert isinstance(caught.value, OSError)


def test_folder_is_a_read_error(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(fr.FileError):
        fr.load(folder)


def test_unknown_suffix_and_format(tmp_path: Path) -> None:
    with pytest.raises(fr.UnknownFormatError, match=r"\.odt"):
        fr.load(tmp_path / "report.odt")
    with pytest.raises(
        fr.UnknownFormatError, match="one of: docx, html, json, markdown, outline, pdf, text"
    ):
        fr.parse("text", format="odt")
    with pytest.raises(fr.UnknownFormatError):
        fr.render(fr.Report(), "odt")
    with pytest.raises(fr.UnknownFormatError, match="read but not written"):
        fr.render(fr.Report(), "pdf")


def test_errors_are_one_family() -> None:
    for name in fr.errors.__all__:
        kind = fr.FazhiReportWarning if name.endswith("Warning") else fr.FazhiReportError
        assert issubclass(getattr(fr.errors, name), kind)


def test_big5_is_read_as_big5_not_as_gb18030_mojibake() -> None:
    text = "天津市公安局2024年法治政府建設情況報告\n一、主要舉措和成效\n（一）完善制度。一是修訂規則。\n"
    report = fr.parse(text.encode("big5"))
    assert report.layout is not None and report.layout.encoding == "big5"
    assert report == fr.parse(text)


def test_bytes_like_input() -> None:
    assert (
        fr.parse(bytearray(SAMPLE.encode()))
        == fr.parse(memoryview(SAMPLE.encode()))
        == fr.parse(SAMPLE)
    )


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (codecs.BOM_UTF8 + b"abc\ndef\n\xff", 3),
        ("第一行\r第二行\r".encode() + b"\x01", 3),
        (codecs.BOM_UTF16_LE + "上上\n".encode("utf-16-le") + b"\x00\xd8\x00\x00", 2),
    ],
    ids=["utf-8 bom", "cr line ends", "utf-16"],
)
def test_decode_errors_name_the_right_line(data: bytes, line: int) -> None:
    with pytest.raises(fr.DecodeError) as caught:
        fr.parse(data)
    assert caught.value.line == line
