"""The forms web pages take around a report's title and text: where the title is stated
(``<h1>``, JSON-LD, ``og:title``, ``<title>`` with the site's name), disclosure tables, menus and
breadcrumbs, watermarks spliced into paragraphs. Every page is invented; each test checks the
title, organ, year and headings exactly."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

import fazhi_report as fr
from fazhi_report.parsers.forms import is_title_like
from fazhi_report.parsers.html._markup import hiding_style
from fazhi_report.parsers.html.titles import site_title_parts, specificity

TITLE = "青禾县司法局2023年法治政府建设情况报告"
BODY = (
    "<p>2023年，青禾县司法局坚持依法行政，扎实推进法治政府建设。现将有关情况报告如下：</p>"
    "<p>一、主要举措和成效</p><p>全年审核规范性文件12件，办理行政复议案件8件。</p>"
    "<p>二、存在的不足</p><p>执法人员专业化水平有待提高。</p>"
    "<p>三、2024年工作计划</p><p>继续推进严格规范公正文明执法。</p>"
    "<p>青禾县司法局</p><p>2024年1月15日</p>"
)
HEADINGS = ["主要举措和成效", "存在的不足", "2024年工作计划"]


def page(head: str = "", before: str = "", body: str = BODY, title: str = "青禾县人民政府") -> str:
    """A county site's page: ``head`` in <head>, ``before`` above the text block."""
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
        "<body><div class='header'>青禾县人民政府</div>"
        f"{before}<div class='TRS_Editor'>{body}</div>"
        "<div class='footer'>版权所有：青禾县人民政府</div></body></html>"
    )


def read(html: str) -> fr.Report:
    """The page's report, which reads back the same from its text and its JSON."""
    report = fr.parse(html, format="html")
    assert fr.parse(fr.render(report, "text")) == report  # lossless
    assert fr.parse(fr.render(report, "json"), format="json") == report
    official = fr.parse(fr.render(report, "text", style="official"))
    assert (official.title, official.year, list(official.walk())) == (
        report.title,
        report.year,
        list(report.walk()),
    )
    return report


def facts(report: fr.Report) -> tuple[str | None, str | None, int | None, list[str]]:
    return report.title, report.organ, report.year, [s.heading for s in report.walk()]


EXPECTED = (TITLE, "青禾县司法局", 2023, HEADINGS)

# -- the title grammar ------------------------------------------------------------------------


def test_the_title_grammar_refuses_what_a_title_never_holds() -> None:
    assert is_title_like(TITLE)
    assert is_title_like("2021-2025年法治政府建设情况报告")  # a range is no separator
    assert is_title_like("**县司法局2023年法治政府建设情况报告")  # a redacted name
    for text in (
        "• 四、年度法治政府建设情况报告",  # a menu's bullet
        "四、年度法治政府建设情况报告",  # a heading marker
        "（二）法治政府建设情况报告",
        f"名称：{TITLE}",  # metadata labels
        f"标 题：{TITLE}",
        f"文件名称 {TITLE}",
        f"{TITLE}_青禾县人民政府网",  # a page title with the site's name
        f"{TITLE} | 青禾县人民政府",
        f"青禾县人民政府网-{TITLE}",
        f"首页 > 政务公开 > {TITLE}",  # breadcrumbs
        f"当前位置：{TITLE}",
        "青禾县发布2023年法治政府建设情况报告",  # news headlines
        "青禾县召开2023年度法治政府建设工作总结",
    ):
        assert not is_title_like(text), text


def test_specificity_counts_the_organ_and_the_year() -> None:
    assert specificity("法治政府建设年度报告") == 0
    assert specificity("2023年法治政府建设年度报告") == 1
    assert specificity(TITLE) == 2
    assert specificity("2021—2025年法治政府建设情况报告") == 0  # a review of several years


# -- where the title is stated ---------------------------------------------------------------

NO_TITLE_BODY = BODY  # the text block holds no title line


def test_the_page_title_without_the_site_name_in_every_form() -> None:
    for shown in (
        f"{TITLE}_青禾县人民政府网",
        f"{TITLE} - 青禾县人民政府网",
        f"青禾县人民政府网-{TITLE}",
        f"{TITLE}|青禾县人民政府",
        f"{TITLE}_工作报告_青禾县人民政府门户网站",
    ):
        assert facts(read(page(title=shown))) == EXPECTED, shown


def test_a_generic_h1_loses_to_a_specific_og_title() -> None:
    html = page(
        head=f'<meta property="og:title" content="{TITLE}">',
        before="<h1>法治政府建设年度报告</h1><div>发布日期：2024-01-20</div>",
        title="法治政府建设年度报告_青禾县人民政府网",
    )
    report = read(html)
    assert facts(report) == EXPECTED
    assert report.page.published == dt.date(2024, 1, 20)
    assert report.preamble[0].text.startswith("2023年，青禾县司法局")


def test_a_specific_h1_wins_over_a_generic_page_title() -> None:
    html = page(before=f"<h1>{TITLE}</h1>", title="法治政府建设年度报告_青禾县人民政府网")
    assert facts(read(html)) == EXPECTED


def test_json_ld_headline() -> None:
    ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebSite", "name": "青禾县人民政府网"},'
        f'{{"@type": "NewsArticle", "headline": "{TITLE}",'
        '"publisher": {"@type": "Organization", "name": "青禾县人民政府"}}]}</script>'
        '<script type="application/ld+json">{not json</script>'
    )
    assert facts(read(page(head=ld, title="工作报告_青禾县人民政府网"))) == EXPECTED


def test_json_ld_nested_past_any_depth_is_read_without_error() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    ld = f'<script type="application/ld+json">{deep}</script>'
    assert facts(read(page(head=ld, title=f"{TITLE}_青禾县人民政府网"))) == EXPECTED


def test_a_category_tag_is_not_part_of_the_title() -> None:
    html = page(before=f"<h1>【工作总结】{TITLE}</h1>", title=f"【工作总结】{TITLE}_某某范文网")
    assert facts(read(html)) == EXPECTED


def test_a_news_headline_is_not_the_title() -> None:
    html = page(
        before="<h1>青禾县司法局发布2023年法治政府建设情况报告</h1>",
        body=f"<p>{TITLE}</p>{BODY}",
        title="青禾县司法局发布2023年法治政府建设情况报告_青禾县人民政府网",
    )
    assert facts(read(html)) == EXPECTED


# -- menus and breadcrumbs -------------------------------------------------------------------

MENU = (
    "<div class='side'><ul>"
    "<li>• <a href='/a/1.html'>一、组织机构</a></li>"
    "<li>• <a href='/a/4.html'>四、年度法治政府建设情况报告</a></li>"
    "<li><a href='/a/9.html'>青禾县司法局2022年法治政府建设情况报告</a></li>"
    "</ul></div>"
    "<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; <a href='/gk/'>政务公开</a> &gt; "
    "青禾县司法局2023年法治政府建设情况报告</div>"
)


def test_menu_entries_and_breadcrumbs_never_give_the_title() -> None:
    report = read(page(before=MENU))
    # the text names no title, nor does the page: none, never a menu entry
    assert report.title is None
    assert report.organ == "青禾县司法局"  # from the preamble, never from the menu
    assert report.year == 2023
    assert [s.heading for s in report.walk()] == HEADINGS


def test_the_page_title_wins_over_menus() -> None:
    report = read(page(before=MENU, title=f"{TITLE}_青禾县人民政府网"))
    assert facts(report) == EXPECTED


# -- disclosure tables -----------------------------------------------------------------------


def test_a_disclosure_table_gives_values_not_labelled_titles() -> None:
    table = (
        "<table class='xxgk'><tr><th>索 引 号</th><td>QH-2024-0012</td>"
        "<th>发布机构</th><td>青禾县司法局</td></tr>"
        f"<tr><th>名 称</th><td colspan='3'>{TITLE}</td></tr>"
        "<tr><th>成文日期</th><td>2024-01-15</td><th>文号</th><td>青司〔2024〕2号</td></tr>"
        "</table>"
    )
    body = BODY.replace("青禾县司法局坚持", "我局坚持").replace("<p>青禾县司法局</p>", "")
    report = read(page(before=table, body=body))
    assert facts(report) == EXPECTED
    assert report.page.issuer == "青禾县司法局"
    assert report.page.number == "青司〔2024〕2号"
    assert report.page.issued == dt.date(2024, 1, 15)
    assert not report.tables


def test_a_disclosure_table_heading_the_text_block() -> None:
    table = (
        "<table><tr><td>标题：</td><td>" + TITLE + "</td></tr>"
        "<tr><td>发文机关：</td><td>青禾县司法局</td></tr></table>"
    )
    body = BODY.replace("青禾县司法局坚持", "我局坚持").replace("<p>青禾县司法局</p>", "")
    report = read(page(body=table + body))
    assert facts(report) == EXPECTED
    assert report.page.issuer == "青禾县司法局"
    assert not report.tables


def test_the_issuer_names_the_organ_the_text_does_not() -> None:
    table = (
        "<table><tr><th>发布机构</th><td>青禾县司法局</td><th>发布日期</th><td>2024-01-16</td></tr>"
        "<tr><th>标题</th><td colspan='3'>2023年法治政府建设情况报告</td></tr></table>"
    )
    body = BODY.replace("青禾县司法局坚持", "我局坚持").replace("<p>青禾县司法局</p>", "")
    report = read(page(before=table, body=body))
    assert facts(report) == ("2023年法治政府建设情况报告", "青禾县司法局", 2023, HEADINGS)
    # a publishing verb glued to the issuer is no part of the organ's name
    glued = table.replace("<td>青禾县司法局</td>", "<td>青禾县司法局发布</td>")
    assert read(page(before=glued, body=body)).organ == "青禾县司法局"


def test_a_definition_list_of_fields() -> None:
    fields = (
        f"<dl class='info'><dt>名称</dt><dd>{TITLE}</dd><dt>发布机构</dt><dd>青禾县司法局</dd></dl>"
    )
    report = read(page(before=fields))
    assert facts(report) == EXPECTED
    assert report.page.issuer == "青禾县司法局"


# -- watermarks --------------------------------------------------------------------------------

WATERMARKED = (
    f"<h1>{TITLE}</h1>"
    "<p>2023年，青禾县司法局坚持依法行政，<span style='display:none'>某某文库</span>扎实推进"
    "<span style='font-size: 0px'>某某文库</span>法治政府建设<span class='wm'>某某范文</span>。"
    "现将有关情况报告如下：</p>"
    "<p>一、主要举措和成效<span>某某文库 www.example.com</span></p>"
    "<p>全年审核规范性文件12件，<font style='visibility:hidden'>某某文库</font>办理行政复议案件8件"
    "<span class='hidden'>某某文库</span>。</p>"
    "<p>二、存在的不足<span hidden>某某文库</span></p>"
    "<p>执法人员专业化<span>某某文库 www.example.com</span>水平有待提高。</p>"
    "<p>三、2024年工作计划</p><p>继续推进严格规范公正文明执法。</p>"
    "<p>青禾县司法局</p><p>2024年1月15日</p>"
)


def test_watermarks_spliced_into_paragraphs_and_headings() -> None:
    report = read(
        page(
            head="<style>.wm { color: red } .x, span.wm {display : none}</style>", body=WATERMARKED
        )
    )
    assert facts(report) == EXPECTED
    text = fr.render(report, "text", style="official")
    assert "某某" not in text and "example" not in text
    assert report.preamble[0].text == (
        "2023年，青禾县司法局坚持依法行政，扎实推进法治政府建设。现将有关情况报告如下："
    )
    assert report.sections[1].body[0].text == "执法人员专业化水平有待提高。"


def test_what_hides_an_element() -> None:
    for style in (
        "display: none",
        "visibility:hidden",
        "font-size:0",
        "FONT-SIZE: 0px;color:red",
        "font-size:0pt!important",
        "font-size:0.0em",
    ):
        assert hiding_style(style), style
    for style in ("font-size:0.8em", "font-size:10px", "display:block", "color:#fff"):
        assert not hiding_style(style), style


def test_a_style_sheet_hides_only_outside_media_rules() -> None:
    body = BODY.replace("扎实推进", "扎实<span class='p'>推进</span>")
    report = read(page(head="<style>@media print { .p { display:none } }</style>", body=body))
    assert "扎实推进" in report.preamble[0].text


# -- properties --------------------------------------------------------------------------------

SITE_CHARS = st.sampled_from("青禾白石澜川东陵松原县市区人民政府门户网站信息公开")
SEPARATORS = st.sampled_from(("_", " - ", "-", "|", "｜", " | ", "——", "_"))


@given(
    st.text(SITE_CHARS, min_size=2, max_size=12),
    SEPARATORS,
    st.booleans(),
    st.sampled_from(("网", "网站", "门户网站", "人民政府", "")),
)
def test_any_site_name_is_cut_from_the_page_title(
    name: str, separator: str, first: bool, end: str
) -> None:
    site = name + end
    shown = f"{site}{separator}{TITLE}" if first else f"{TITLE}{separator}{site}"
    assert site_title_parts(shown) == [TITLE]
    assert facts(read(page(title=shown))) == EXPECTED


MENU_TEXTS = st.sampled_from(
    (
        TITLE,
        "青禾县司法局2022年法治政府建设情况报告",
        "四、年度法治政府建设情况报告",
        "法治政府建设年度报告",
        "青禾县公安局2023年法治政府建设工作总结",
    )
)


@given(
    st.lists(st.tuples(MENU_TEXTS, st.sampled_from(("", "• ", "· "))), min_size=1, max_size=6),
    st.sampled_from(("ul", "ol", "div")),
)
def test_no_menu_list_ever_gives_the_title(items: list[tuple[str, str]], tag: str) -> None:
    inner = "".join(
        f"<li>{bullet}<a href='/a/{n}.html'>{text}</a></li>"
        if tag != "div"
        else f"<div>{bullet}<a href='/a/{n}.html'>{text}</a></div>"
        for n, (text, bullet) in enumerate(items)
    )
    report = read(page(before=f"<{tag} class='menu'>{inner}</{tag}>"))
    assert report.title is None
    assert report.organ == "青禾县司法局"
    assert [s.heading for s in report.walk()] == HEADINGS
