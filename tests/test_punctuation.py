"""GB/T 15834 punctuation in the official form: the rule, and what the renderers write with it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import fazhi_report as fr
from fazhi_report.punctuation import CHINESE, official_punctuation

from .conftest import EXAMPLES

MARKS = ",;:()!?"
BESIDE_CHINESE = re.compile(
    f"[{re.escape(MARKS)}](?=[{CHINESE}])|(?<=[{CHINESE}])[{re.escape(MARKS)}]"
)

# the pieces Chinese text with stray half-width marks is made of
words = st.sampled_from(["加强", "学习", "法治", "政府", "建设", "（", "）", "“", "”", "。"])
latin = st.sampled_from(["Hello", "world", "APP", "Word", "12345", "2025"])
kept = st.sampled_from(["1,000", "9:30", "12:45:10", "http://www.qh.gov.cn/a,b?x=1", "`a,b`"])
marks = st.sampled_from([*MARKS, " "])
texts = st.lists(st.one_of(words, latin, kept, marks), max_size=30).map("".join)


def _masked(text: str) -> str:
    """``text`` with URLs and code (kept as they are) replaced by Latin letters."""
    return re.sub(r"http://[!-~]*|`[^`]*`", lambda m: "x" * len(m.group()), text)


@given(texts)
def test_no_half_width_mark_touches_chinese_text(text: str) -> None:
    turned = official_punctuation(text)
    assert len(turned) == len(text)
    # outside what is kept as it is (URLs, code), no half-width mark touches Chinese text
    bare = _masked(turned)
    for found in BESIDE_CHINESE.finditer(bare):
        raise AssertionError((text, turned, found.start()))


@given(st.lists(st.one_of(words, kept, latin), max_size=12))
def test_numbers_times_urls_latin_words_and_code_stay(pieces: list[str]) -> None:
    text = " ".join(pieces)  # spaces: nothing kept touches Chinese text
    for piece in pieces:
        if piece in ("1,000", "9:30", "12:45:10", "http://www.qh.gov.cn/a,b?x=1", "`a,b`"):
            assert piece in official_punctuation(text)
    assert official_punctuation("Hello, world! (Word)") == "Hello, world! (Word)"


def test_marks_beside_chinese_turn_and_pairs_turn_together() -> None:
    assert official_punctuation("加强学习,提高能力;落实责任:一是(试行)!") == (
        "加强学习，提高能力；落实责任：一是（试行）！"
    )
    assert official_punctuation("依据(GB/T 9704)执行") == "依据（GB/T 9704）执行"
    assert official_punctuation("(Word)文件") == "（Word）文件"
    assert official_punctuation("共1,000元,9:30开会") == "共1,000元，9:30开会"
    # a mark at the edge is judged by what it will stand beside
    assert official_punctuation(",abc", before="是") == "，abc"
    assert official_punctuation("abc,", after="二") == "abc，"


@given(texts, texts, texts)
def test_official_text_has_no_half_width_mark_beside_chinese(a: str, b: str, c: str) -> None:
    report = fr.Report(
        title="青禾县2025年法治政府建设情况报告",
        preamble=[fr.Paragraph(a)],
        sections=[fr.Section(1, 1, "主要举措" + b.replace("。", ""), body=[fr.Paragraph(c)])],
    )
    try:
        fr.ensure_valid(report)
    except fr.DataError:
        return  # text that would not read back is refused before any punctuation
    out = fr.render(report, "text", style="official", punctuation="standard")
    bare = _masked(out)
    assert BESIDE_CHINESE.search(bare) is None, out
    assert fr.render(report, "text") == fr.render(report, "text", style="lossless")


def test_check_finds_no_half_width_marks_in_what_was_written() -> None:
    text = (EXAMPLES / "sample_report.txt").read_text("utf-8")
    report = fr.parse(text.replace("，", ",").replace("：", ":").replace("；", ";"))
    assert any(f.code == "FZ301" for f in fr.check(report))
    for fmt in ("text", "docx", "markdown", "html"):
        written = fr.render(report, fmt, style="official", punctuation="standard")
        again = fr.parse(written, format=fmt)
        assert not [f for f in fr.check(again) if f.code == "FZ301"], fmt
    # the lossless style keeps the source as it is
    assert fr.render(report, "text") == text.replace("，", ",").replace("：", ":").replace(
        "；", ";"
    )


def test_punctuation_is_an_official_style_option() -> None:
    report = fr.parse("一、总体情况\n加强学习,提高能力。\n")
    with pytest.raises(fr.OptionError, match="punctuation"):
        fr.render(report, "text", style="lossless", punctuation="standard")
    with pytest.raises(fr.OptionError, match="punctuation"):
        fr.render(report, "text", style="official", punctuation="gb")
    assert "加强学习,提高" in fr.render(report, "text", style="official")
