"""Fonts that survive another machine: the font table, East Asian hints, Word's current mode,
the page-number face, the font check and its warning, the open font set."""

from __future__ import annotations

import io
import shutil
import zipfile

import pytest
from click.testing import CliRunner
from lxml import etree

import fazhi_report as fr
from fazhi_report.cli import cli
from fazhi_report.renderers import docx as docx_renderer
from fazhi_report.renderers.docx import installed
from fazhi_report.renderers.docx.fonts import OPEN_FONTS

from .conftest import EXAMPLES

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


def q(name: str) -> str:
    return f"{{{W}}}{name}"


def part(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


@pytest.fixture(scope="module")
def sample_docx() -> bytes:
    return fr.render(fr.load(EXAMPLES / "sample_report.txt"), "docx")


def test_the_font_table_names_alternates_and_kinds(sample_docx: bytes) -> None:
    table = part(sample_docx, "word/fontTable.xml")
    fonts = {f.get(q("name")): f for f in table.iterfind("w:font", NS)}

    def alternate(name: str) -> str:
        return fonts[name].find("w:altName", NS).get(q("val"))

    assert alternate("仿宋_GB2312") == "仿宋" and alternate("仿宋") == "FangSong"
    assert alternate("楷体_GB2312") == "楷体" and alternate("楷体") == "KaiTi"
    assert alternate("方正小标宋简体") == "华文中宋" and alternate("华文中宋") == "宋体"
    for name in ("仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体", "宋体"):
        assert fonts[name].find("w:charset", NS).get(q("val")) == "86"  # GB2312
    family = {name: f.find("w:family", NS).get(q("val")) for name, f in fonts.items()}
    # a sans face for 黑体 only: the others substitute serif faces of their kind
    assert family["黑体"] == "swiss"
    assert family["方正小标宋简体"] == family["宋体"] == "roman"
    assert family["仿宋_GB2312"] == family["楷体_GB2312"] == "modern"
    rels = part(sample_docx, "word/_rels/document.xml.rels")
    assert any(r.get("Target") == "fontTable.xml" for r in rels)


def test_quotes_in_chinese_text_are_marked_east_asian(sample_docx: bytes) -> None:
    document = part(sample_docx, "word/document.xml")
    quoted = plain = 0
    for run in document.iterfind(".//w:r", NS):
        text = "".join(t.text or "" for t in run.iterfind("w:t", NS))
        fonts = run.find("w:rPr/w:rFonts", NS)
        if fonts is None or not text:
            continue
        if "“" in text or "”" in text:
            assert fonts.get(q("hint")) == "eastAsia", text
            quoted += 1
        elif not any(c in text for c in "‘’…—–·"):
            assert fonts.get(q("hint")) is None
            plain += 1
    assert quoted and plain


def test_the_file_opens_in_words_current_mode(sample_docx: bytes) -> None:
    settings = part(sample_docx, "word/settings.xml")
    mode = settings.find("w:compat/w:compatSetting[@w:name='compatibilityMode']", NS)
    assert mode is not None and mode.get(q("val")) == "15"
    assert settings.find("w:characterSpacingControl", NS).get(q("val")) == "doNotCompress"


def test_page_number_digits_and_dashes_are_in_the_page_number_face(sample_docx: bytes) -> None:
    for name in ("word/footer1.xml", "word/footer2.xml"):
        for fonts in part(sample_docx, name).iterfind(".//w:rFonts", NS):
            assert {fonts.get(q(k)) for k in ("ascii", "hAnsi", "eastAsia")} == {"宋体"}


def test_open_fonts_are_a_set_of_distinct_kinds() -> None:
    data = fr.render(fr.Report(title="青禾县2025年法治政府建设情况报告"), "docx", fonts="open")
    styles = part(data, "word/styles.xml")
    faces = {
        s.find("w:name", NS).get(q("val")): s.find("w:rPr/w:rFonts", NS).get(q("eastAsia"))
        for s in styles.iterfind("w:style", NS)
        if s.find("w:rPr/w:rFonts", NS) is not None
    }
    assert faces["Title"] == OPEN_FONTS["title"]
    # title, body, 黑体 and 楷体 levels look different
    assert len({faces["Title"], faces["Body Text"], faces["heading 1"], faces["heading 2"]}) == 4
    with pytest.raises(fr.OptionError, match="'closed'"):
        fr.render(fr.Report(), "docx", fonts="closed")


def test_check_fonts_without_fontconfig_says_it_cannot_tell(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(installed.shutil, "which", lambda name: None)
    installed._installed_families.cache_clear()
    installed._fallback.cache_clear()
    try:
        found = fr.check_fonts()
    finally:
        installed._installed_families.cache_clear()
        installed._fallback.cache_clear()
    assert [c.role for c in found] == list(docx_renderer.DEFAULT_FONTS)
    assert all(c.installed is None and c.fallback is None for c in found)


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="fontconfig (fc-list) is missing")
def test_check_fonts_tells_installed_from_missing() -> None:
    families = installed._installed_families()
    assert families
    present = sorted(families)[0]
    found = {c.role: c for c in fr.check_fonts({"body": present, "title": "无此字体甲乙"})}
    assert found["body"].installed is True and found["body"].fallback is None
    assert found["title"].installed is False and found["title"].fallback


def test_the_fonts_command_lists_every_role() -> None:
    result = CliRunner().invoke(cli, ["fonts", "--set", "open"])
    assert result.exit_code in (0, 1), result.output
    lines = result.output.splitlines()
    assert [line.split()[0] for line in lines] == list(OPEN_FONTS)
    assert "AR PL UMing CN" in result.output


def test_a_missing_official_face_is_named_once_in_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        installed,
        "check_fonts",
        lambda fonts: [
            installed.FontCheck("body", "仿宋_GB2312", False, "Noto Serif CJK SC"),
            installed.FontCheck("heading3", "仿宋_GB2312", False, "Noto Serif CJK SC"),
            installed.FontCheck("latin", "Times New Roman", False, "Liberation Serif"),
            installed.FontCheck("heading1", "黑体", True, None),
        ],
    )
    message = installed.missing_fonts()
    assert message is not None and "\n" not in message
    assert message.count("仿宋_GB2312") == 1 and "Noto Serif CJK SC" in message
    assert "黑体" not in message and "Times" not in message and "fonts='open'" in message
    monkeypatch.setattr(
        installed, "check_fonts", lambda fonts: [installed.FontCheck("body", "仿宋", None, None)]
    )
    assert installed.missing_fonts() is None  # cannot tell: no warning
