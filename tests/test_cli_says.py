"""The command line says what it did: standard input read as what it is, no silent no-op,
compare warns of mismatched reports, and after Ctrl-C the summary counts what was written."""

from __future__ import annotations

import html
import io
import sys
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import fazhi_report as fr
from fazhi_report.cli import main
from fazhi_report.registry import format_for_data

from .conftest import EXAMPLES
from .strategies import report_like_text

WEB = Path(__file__).parent / "fixtures" / "web"
PAGES = sorted(WEB.glob("*.html"))
SAMPLE = (EXAMPLES / "sample_report.txt").read_bytes()


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


# ------------------------------------------------------------- standard input is sniffed


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_a_web_page_on_standard_input_is_read_as_html(
    page: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = page.read_bytes()
    expected = fr.parse(data, "html")
    assert expected.title is not None and expected.sections  # the page holds a report
    _stdin(monkeypatch, data)
    assert main(["convert", "-", "-", "--to", "json"]) == 0
    assert fr.from_json(capsys.readouterr().out) == expected
    _stdin(monkeypatch, data)
    assert main(["inspect", "-"]) == 0
    assert f"title: {expected.title}\n" in capsys.readouterr().out


def test_fr_parse_of_bytes_and_standard_input_agree(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = PAGES[0].read_bytes()
    assert fr.parse(data) == fr.parse(data, "html")
    _stdin(monkeypatch, SAMPLE)  # text stays text
    assert main(["convert", "-", "-", "--to", "json"]) == 0
    assert fr.from_json(capsys.readouterr().out) == fr.parse(SAMPLE)


_SPACE = st.text(" \t\r\n", max_size=3)
_COMMENT = st.sampled_from(
    ["<!-- saved from url=(0014)about:internet -->", "<!---->", "<!-- 注释 -- x -->"]
)
_PRELUDE = st.lists(
    st.one_of(_SPACE, _COMMENT, st.just('<?xml version="1.0" encoding="utf-8"?>')), max_size=4
).map("".join)
_START = st.sampled_from(
    [
        "<!DOCTYPE html>",
        "<!doctype html>",
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "x.dtd">',
        "<html>",
        '<HTML lang="zh-CN">',
    ]
)


@given(
    _PRELUDE,
    _START,
    st.lists(report_like_text, min_size=1, max_size=6),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]),
    report_like_text,
)
@example("", "<!DOCTYPE html>", ["某局2024年法治政府建设情况报告", "一、情况"], "utf-8", "")
@example("", "<html>", ["一、情况"], "utf-8", "# 报告\n\n<b>一、情况</b>\n")
@example("", "<html>", ["一、情况"], "utf-8", "<p>一、情况</p>")
@example("", "<html>", ["一、情况"], "utf-8", "<!-- 注释 -->\n一、情况\n")
@example("", "<html>", ["一、情况"], "utf-8", "<htmlish>")
@example("", "<html>", ["一、情况"], "utf-8", "一、情况\n<html>\n")
def test_a_page_is_told_from_its_bytes_and_text_is_not(
    prelude: str, start: str, lines: list[str], encoding: str, text: str
) -> None:
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    page = f'{prelude}{start}<head><meta charset="{encoding}"></head><body>{body}</body></html>'
    try:
        data = page.encode(encoding)
    except UnicodeEncodeError:
        data = page.encode("utf-8", "surrogatepass")  # a surrogate hypothesis drew
    assert format_for_data(data) == "html"
    # a page starts with <!DOCTYPE html or <html; text, fragments and Markdown do not
    assert format_for_data(text.encode("utf-8", "surrogatepass")) is None
