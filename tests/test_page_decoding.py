"""Web pages are decoded as browsers decode them; text files keep the strict rule.

A page that names its encoding (``<meta charset>``, ``http-equiv`` Content-Type, or a
byte-order mark) and holds a stray byte or a control character is read with U+FFFD in that
place and one `fr.FazhiReportWarning` naming the line. A text file with the same byte is
refused, as is a page that names no encoding.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import fazhi_report as fr
from fazhi_report.cli import main
from fazhi_report.decoding import PAGE_CONTROLS, decode_page

# Invented paragraphs; the page puts each on a line of its own, from line 5.
PARAGRAPHS = [
    "2025年，我局坚持依法行政，推进法治政府建设取得新进展。",
    "全年开展执法培训12期，培训执法人员600人次。",
    "修订执法检查、案件审理等制度6项，执法流程更加清晰。",
]
FIRST_LINE = 5
DECLARATIONS = {
    "meta": '<meta charset="{}">',
    "http-equiv": '<meta http-equiv="Content-Type" content="text/html; charset={}">',
}


def _page(paragraphs: list[str], charset: str, how: str = "meta") -> str:
    declaration = DECLARATIONS[how].format(charset) if how in DECLARATIONS else ""
    body = "\n".join(f"<p>{text}</p>" for text in paragraphs)
    return (
        f"<html><head>{declaration}<title>x</title></head>\n<body>\n"
        f"<div class='article'>\n<p>一、主要举措和成效</p>\n{body}\n</div></body></html>"
    )


def _with(page: str, encoding: str, where: str, stray: bytes) -> bytes:
    """The page's bytes with ``stray`` just before the first ``where``."""
    before, after = page.split(where, 1)
    return before.encode(encoding) + stray + (where + after).encode(encoding)


def _read(data: bytes) -> tuple[fr.Report, list[fr.FazhiReportWarning]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = fr.parse(data, format="html", source="page.html")
    found = [w.message for w in caught if isinstance(w.message, fr.FazhiReportWarning)]
    assert len(found) == len(caught)
    return report, found


@pytest.mark.parametrize("encoding", ["gbk", "utf-8"])
@pytest.mark.parametrize("how", ["meta", "http-equiv"])
def test_a_stray_byte_in_a_declared_page_is_read_as_fffd_with_a_warning(
    encoding: str, how: str
) -> None:
    data = _with(_page(PARAGRAPHS, encoding, how), encoding, "培训执法人员", b"\xff")
    report, said = _read(data)
    texts = [p.text for p in report.paragraphs]
    assert texts[1] == "全年开展执法培训12期，\ufffd培训执法人员600人次。"
    assert texts[0] == PARAGRAPHS[0] and texts[2] == PARAGRAPHS[2]
    assert len(said) == 1
    warning = said[0]
    assert warning.source == "page.html" and warning.line == FIRST_LINE + 1
    name = "GB18030" if encoding == "gbk" else "UTF-8"
    assert str(warning).startswith(f"page.html:{FIRST_LINE + 1}: 1 byte sequence not valid {name}")


@pytest.mark.parametrize(("encoding", "line"), [("gbk", 1), ("utf-8", 3)])
def test_a_text_file_with_the_same_byte_is_refused_as_before(encoding: str, line: int) -> None:
    text = "青山县2025年法治政府建设情况报告\n" + "\n".join(PARAGRAPHS) + "\n"
    before, after = text.split("培训执法人员", 1)
    data = before.encode(encoding) + b"\xff" + ("培训执法人员" + after).encode(encoding)
    with pytest.raises(fr.DecodeError, match="is neither UTF-8") as raised:
        fr.parse(data, source="report.txt")
    assert raised.value.line == line  # the first byte that is not UTF-8
    # a page that names no encoding is held to the same rule: the byte may be another encoding's
    page = _with(_page(PARAGRAPHS, encoding, how="none"), encoding, "培训执法人员", b"\xff")
    with pytest.raises(fr.DecodeError, match="is neither UTF-8"):
        fr.parse(page, format="html")


@pytest.mark.parametrize("control", ["\x00", "\x01", "\x0b", "\x1b", "\x7f", "\x85"])
def test_a_control_character_in_a_declared_page_is_read_as_fffd(control: str) -> None:
    data = _with(_page(PARAGRAPHS, "utf-8"), "utf-8", "培训执法人员", control.encode("utf-8"))
    report, said = _read(data)
    assert report.paragraphs[1].text == "全年开展执法培训12期，\ufffd培训执法人员600人次。"
    assert len(said) == 1 and said[0].line == FIRST_LINE + 1
    assert "1 control character read as U+FFFD" in str(said[0])
    # the report holds no control character: it goes to JSON and to Word and back
    assert fr.from_json(fr.to_json(report)) == report
    assert fr.parse(fr.render(report, "docx"), format="docx") == report


def test_a_byte_order_mark_names_the_encoding() -> None:
    page = _page(PARAGRAPHS, "utf-8", how="none")
    data = b"\xef\xbb\xbf" + _with(page, "utf-8", "培训执法人员", b"\xff")
    report, said = _read(data)
    assert report.paragraphs[1].text == "全年开展执法培训12期，\ufffd培训执法人员600人次。"
    assert len(said) == 1 and said[0].line == FIRST_LINE + 1
    assert report.layout is not None and report.layout.encoding == "utf-8-sig"


def test_many_places_are_one_warning_naming_the_first_lines() -> None:
    page = _page(PARAGRAPHS * 4, "gbk")
    data = page.encode("gbk").replace("执法".encode("gbk"), b"\xff" + "执法".encode("gbk"))
    report, said = _read(data)
    assert sum(p.text.count("\ufffd") for p in report.paragraphs) == 16
    assert len(said) == 1 and said[0].line == FIRST_LINE + 1
    assert "16 byte sequences not valid GB18030" in str(said[0])
    assert "(lines 6, 7, 9, 10, 12 and 3 more)" in str(said[0])


def test_a_page_declared_utf8_in_gbk_is_still_read_as_gbk() -> None:
    # a declaration the bytes mostly contradict is not believed, as before
    report, said = _read(_page(PARAGRAPHS, "utf-8").encode("gbk"))
    assert [p.text for p in report.paragraphs] == PARAGRAPHS and said == []
    assert report.layout is not None and report.layout.encoding == "gb18030"


def test_decode_page_reads_the_declaration_only_when_it_needs_it() -> None:
    def declared() -> str:
        raise AssertionError("asked")

    assert decode_page("法治".encode(), "x", declared) == ("法治", "utf-8")
    with pytest.warns(fr.FazhiReportWarning):
        assert decode_page("法\x01治".encode(), "x", lambda: "UTF-8")[0] == "法\ufffd治"


# Characters of the paragraphs below: GB2312 Chinese, none that starts a heading or a point.
_CHINESE = "法治政府建设推进依法行政执法规范监督成效明显提高完善制度落实责任"


@given(
    st.lists(st.text(_CHINESE, min_size=6, max_size=30), min_size=1, max_size=4, unique=True),
    st.sampled_from(["utf-8", "gbk"]),
    st.sampled_from(["meta", "http-equiv"]),
    st.data(),
)
def test_one_stray_byte_or_control_anywhere_in_a_declared_page(
    texts: list[str], encoding: str, how: str, data: st.DataObject
) -> None:
    texts = [f"全年{text}。" for text in texts]
    index = data.draw(st.integers(0, len(texts) - 1))
    at = data.draw(st.integers(0, len(texts[index])))
    stray = data.draw(st.sampled_from(["\udcff", *PAGE_CONTROLS]))  # "\udcff": the byte FF
    # GBK has no C1 control: GB18030 (which the page is read as) has
    stray_bytes = stray.encode("gb18030" if encoding == "gbk" else "utf-8", "surrogateescape")
    page = _page(texts, encoding, how)
    start = page.index(f"<p>{texts[index]}</p>") + 3 + at
    raw = page[:start].encode(encoding) + stray_bytes + page[start:].encode(encoding)
    report, said = _read(raw)
    expected = list(texts)
    expected[index] = texts[index][:at] + "\ufffd" + texts[index][at:]
    assert [p.text for p in report.paragraphs] == expected
    assert len(said) == 1 and said[0].line == FIRST_LINE + index


def test_the_command_line_prints_the_warning_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(_with(_page(PARAGRAPHS, "gbk"), "gbk", "培训执法人员", b"\xff"))
    assert main(["convert", str(path), "-", "--to", "json"]) == 0
    out, err = capsys.readouterr()
    assert "全年开展执法培训12期，\ufffd培训执法人员600人次。" in out
    assert err == (
        f"fazhi-report: warning: {path}:{FIRST_LINE + 1}: 1 byte sequence not valid GB18030 "
        f"read as U+FFFD, as a browser shows them (line {FIRST_LINE + 1})\n"
    )
