"""Generated reports published the way CMS pages publish them read back as the same report.

Each page wraps a report's official text in one of the common layouts (paragraphs in a
TRS_Editor/zoom/article block, lines broken with <br>, a cell of a layout table), indented with
&nbsp; or full-width spaces, its tables as data tables, among navigation, scripts,
breadcrumbs, metadata, share bars and footers, in UTF-8 or GBK.
"""

from __future__ import annotations

import html

import pytest
from hypothesis import given
from hypothesis import strategies as st

import fazhi_report as fr

from .strategies import report_like_text, reports

BOXES = (
    '<div class="zoom"><div class="TRS_Editor">{}</div></div>',
    '<div id="zoom" class="pages_content">{}</div>',
    '<article><div class="article-content">{}</div></article>',
    '<table width="980"><tr><td><table><tr><td>{}</td></tr></table></td></tr></table>',
)


@st.composite
def published(draw: st.DrawFn) -> tuple[fr.Report, bytes | str]:
    report = draw(reports())
    lines = fr.render(report, "text", style="official").splitlines()
    nbsp = draw(st.booleans())

    def line(text: str) -> str:
        text = html.escape(text)
        if nbsp and text.startswith("\u3000\u3000"):
            text = "&nbsp;" * 4 + text[2:]
        return text

    paragraphs = draw(st.booleans())
    parts: list[str] = []
    rows: list[str] = []
    for text in [*lines, ""]:
        if "\t" in text:  # a table's row in the official text: the page has a <table>
            cells = "".join(f"<td>{html.escape(cell)}</td>" for cell in text.split("\t"))
            rows.append(f"<tr>{cells}</tr>")
            continue
        if rows:
            parts.append(f"<table border='1'>{''.join(rows)}</table>")
            rows = []
        if paragraphs and text.strip():
            parts.append(f"<p>{line(text)}</p>")
        elif not paragraphs:
            parts.append(line(text) + "<br>")
    inner = "\n".join(parts)
    box = draw(st.sampled_from(BOXES))
    meta = draw(
        st.sampled_from(
            (
                "",
                '<div class="info">发布日期：2025-01-02&nbsp;&nbsp;来源：县政府办</div>',
                "<table><tr><td>索引号：</td><td>000-2025-01</td><td>主题分类：</td>"
                "<td>综合政务</td></tr></table>",
            )
        )
    )
    gbk = draw(st.booleans())
    page = (
        "<!DOCTYPE html><html><head>"
        f'<meta http-equiv="Content-Type" content="text/html; charset={"gbk" if gbk else "utf-8"}">'
        '<title>某某县人民政府</title><script>var tpl = "<p>不是正文</p>";</script>'
        "<style>p { margin: 0 }</style></head><body>"
        '<div class="nav"><a href="/">首页</a> | <a href="/gk">政务公开</a></div>'
        '<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 工作报告</div>'
        f"{meta}{box.format(inner)}"
        '<div class="share">分享到：<a>微信</a> <a>微博</a></div><div style="display:none">隐藏</div>'
        '<div class="footer">版权所有：某某县人民政府　备案号：0000</div>'
        "<script>track();</script></body></html>"
    )
    return report, page.encode("gbk") if gbk else page


@given(published())
def test_a_published_report_reads_back_the_same(case: tuple[fr.Report, bytes | str]) -> None:
    report, page = case
    assert fr.parse(page, format="html") == report


HTML_PIECES = st.sampled_from(
    ("<p>", "</p>", "<br>", "<div class='zoom'>", "</div>", "<table>", "<tr>", "<td>", "</td>",
     "</tr>", "</table>", "<script>", "</script>", "&nbsp;", "&amp;", "<h1>", "</h1>", "<!--",
     "-->", "<title>", "</title>", "<meta charset='gbk'>", "<span style='display:none'>", "\n")
)  # fmt: skip


@pytest.mark.filterwarnings("ignore::fazhi_report.FazhiReportWarning")  # control characters
@given(st.lists(st.one_of(HTML_PIECES, report_like_text), max_size=30).map("".join), st.booleans())
def test_any_page_parses_or_is_refused_and_its_report_reads_back(text: str, raw: bool) -> None:
    try:
        report = fr.parse(text.encode("utf-8", "surrogatepass") if raw else text, format="html")
    except (fr.EmptyInputError, fr.DecodeError):
        return  # an empty page, or bytes that are no text
    assert fr.parse(fr.render(report, "html"), format="html") == report
