"""Decoding bytes: byte order kept on save, and no guessing from a few bytes."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import fazhi_report as fr
from fazhi_report.decoding import decode, encode

SAMPLE = "东坡区税务局2024年法治政府建设情况报告\r\n一、主要举措和成效\r\n（一）完善制度。一是修订规则。\r\n"
MARKED = [
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le-sig"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be-sig"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le-sig"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
]


@pytest.mark.parametrize(("bom", "codec", "name"), MARKED, ids=[m[2] for m in MARKED])
def test_a_marked_file_is_saved_in_its_own_byte_order(
    bom: bytes, codec: str, name: str, tmp_path: Path
) -> None:
    data = bom + SAMPLE.encode(codec)
    assert decode(data) == (SAMPLE, name)
    source = tmp_path / "in.txt"
    source.write_bytes(data)
    report = fr.load(source)
    assert report == fr.parse(SAMPLE)
    out = tmp_path / "out.txt"
    fr.save(report, out)
    assert out.read_bytes() == data


def test_sig_names_are_read_in_any_spelling() -> None:
    assert encode("报告", "UTF_16_BE_SIG") == codecs.BOM_UTF16_BE + "报告".encode("utf-16-be")
    assert encode("报告", "utf-16-be") == "报告".encode("utf-16-be")  # no mark unless asked


@given(st.text(min_size=1).filter(lambda t: t.strip() and t[0] != "\ufeff"))
def test_marked_encodings_round_trip(text: str) -> None:
    text = "".join(c for c in text if not 0xD800 <= ord(c) <= 0xDFFF)
    if not text.strip() or any(
        (ord(c) < 32 and c not in "\t\n\v\f\r") or c == "\x7f" for c in text
    ):
        return
    for bom, codec, name in MARKED:
        data = bom + text.encode(codec)
        assert decode(data) == (text, name)
        assert encode(text, name) == data


@pytest.mark.parametrize(
    "data",
    [
        b"na\xefve",  # Latin-1 "naïve": valid GB18030, as a character no one writes
        b"\x81\x30\x81\x30",  # a GB18030 four-byte code for U+0080, a C1 control
        "Grüße".encode("cp1252"),
        # (Cyrillic in cp1251 is beyond this: its bytes pair into common characters, 橡桠弪)
    ],
    ids=["latin-1", "gb18030 control", "cp1252"],
)
def test_a_few_bytes_are_not_passed_off_as_gb18030(data: bytes) -> None:
    with pytest.raises(fr.DecodeError, match=r"encoding cannot be told|neither UTF-8"):
        decode(data)


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("你好".encode("gb18030"), "你好"),
        ("报告：\u3000完毕".encode("gbk"), "报告：\u3000完毕"),
        ("hello\u3000".encode("gb18030"), "hello\u3000"),
    ],
)
def test_short_chinese_text_in_gb18030_is_still_read(data: bytes, text: str) -> None:
    assert decode(data) == (text, "gb18030")


def test_long_gb18030_text_may_hold_rare_characters() -> None:
    text = "堃" + SAMPLE  # a rare character in a name does not make the text foreign
    assert decode(text.encode("gb18030")) == (text, "gb18030")


def test_control_characters_str_and_bytes_differ_on_purpose() -> None:
    # a str is text already: every character is kept, losslessly
    text = "一、情况\n正文\x01。\n"
    assert fr.render(fr.parse(text), "text") == text
    # bytes must show they are text: a C0 control says binary data
    with pytest.raises(fr.DecodeError, match="control character U\\+0001"):
        fr.parse(text.encode("utf-8"))
