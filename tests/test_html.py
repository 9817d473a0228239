"""HTML both ways: our own pages read back the same, and government pages are found and read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

import fazhi_report as fr
from fazhi_report.renderers.html import official_css

from .conftest import CORPUS, EXAMPLES, corpus_cases, needs_corpus
from .strategies import reports

FIXTURES = Path(__file__).parent / "fixtures" / "web"


@given(reports(), st.booleans(), st.booleans())
def test_html_reads_back_the_same_report(report: fr.Report, fragment: bool, toc: bool) -> None:
    page = fr.render(report, "html", fragment=fragment, toc=toc)
    assert fr.parse(page, format="html") == report


@given(reports())
def test_html_bytes_read_back_the_same_report(report: fr.Report) -> None:
    page = fr.render(report, "html").encode("utf-8")
    assert fr.parse(page, format="html") == report


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_examples_round_trip(path: Path) -> None:
    report = fr.load(path)
    assert fr.parse(fr.render(report, "html", toc=True), format="html") == report


@needs_corpus
@pytest.mark.parametrize("case", corpus_cases(), ids=lambda c: c["id"])
def test_corpus_round_trip(case: dict[str, str]) -> None:
    report = fr.load(CORPUS / case["file"])
    assert fr.parse(fr.render(report, "html"), format="html") == report


def _sample() -> fr.Report:
    return fr.Report(
        title="青禾县公安局2025年法治政府建设情况报告",
        organ="青禾县公安局",
        year=2025,
        preamble=[fr.Paragraph("2025年，我局坚持依法行政。现将有关情况报告如下：")],
        sections=[
            fr.Section(
                1,
                1,
                "主要举措和成效",
                role=fr.SectionRole.MEASURES,
                subsections=[
                    fr.Section(
                        2,
                        1,
                        "加强组织领导",
                        run_in=True,
                        body=[
                            fr.Paragraph(
                                "",
                                [
                                    fr.Point(1, "健全机制", "成立领导小组。"),
                                    fr.Point(2, "压实责任", "签订责任书。"),
                                ],
                            )
                        ],
                    )
                ],
            )
        ],
        signature=fr.Signature("青禾县公安局", "2026-01-28"),
    )


def test_page_markup() -> None:
    page = fr.render(_sample(), "html", toc=True)
    root = lxml.html.document_fromstring(page.encode("utf-8"))
    assert root.get("lang") == "zh-CN"
    assert root.find(".//meta[@charset]").get("charset") == "utf-8"
    assert root.findtext(".//title") == "青禾县公安局2025年法治政府建设情况报告"
    style = root.findtext(".//style")
    assert '"仿宋_GB2312", "仿宋", FangSong, STFangsong, "Noto Serif CJK SC"' in style
    assert "@media print" in style and "size: A4" in style
    assert "margin: 37mm 26mm 35mm 28mm" in style
    article = root.find(".//article")
    assert article.get("class") == "fazhi-report"
    assert article.findtext("header/h1") == "青禾县公安局2025年法治政府建设情况报告"
    section = article.find("section")
    assert (section.get("id"), section.get("data-role")) == ("section-1", "measures")
    assert section.findtext("h2") == "一、主要举措和成效"
    sub = section.find("section")
    assert sub.get("id") == "section-1-1" and sub.get("data-role") is None
    lead = sub.find("p")
    assert lead.get("class") == "run-in" and lead.findtext("strong") == "（一）加强组织领导"
    points = lead.findall("span")
    assert [p.get("class") for p in points] == ["point", "point"]
    assert [p.text_content() for p in points] == [
        "一是健全机制。成立领导小组。",
        "二是压实责任。签订责任书。",
    ]
    footer = article.find("footer")
    assert footer.findtext("p[@class='organ']") == "青禾县公安局"
    assert footer.find(".//time").get("datetime") == "2026-01-28"
    assert footer.findtext(".//time") == "2026年1月28日"
    links = article.findall("nav[@class='toc']//a")
    assert [(a.get("href"), a.text) for a in links] == [
        ("#section-1", "一、主要举措和成效"),
        ("#section-1-1", "（一）加强组织领导"),
    ]
    ids = {e.get("id") for e in article.iter("section")}
    assert all(href[1:] in ids for href, _ in ((a.get("href"), 0) for a in links))


def test_fragment_is_the_article_alone() -> None:
    fragment = fr.render(_sample(), "html", fragment=True)
    assert fragment.startswith(
        '<article class="fazhi-report" data-organ="青禾县公安局" data-year="2025">'
    )
    assert fragment.rstrip().endswith("</article>")
    assert "<style>" not in fragment and "<nav" not in fragment


def test_official_css_is_the_embedded_stylesheet() -> None:
    assert official_css().strip() in fr.render(_sample(), "html")


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "{{ 7 * 7 }}", "a & b <b>c</b>"])
def test_text_is_escaped_and_reads_back(text: str) -> None:
    report = fr.Report(title=text + "报告", preamble=[fr.Paragraph(text + "。")])
    page = fr.render(report, "html")
    root = lxml.html.document_fromstring(page.encode("utf-8"))
    assert root.find(".//article//script") is None and root.find(".//article//b") is None
    assert "49" not in root.find(".//article").text_content()
    back = fr.parse(page, format="html")
    assert back.title == report.title and back.preamble == report.preamble


def test_own_page_gives_back_facts_the_builder_would_not_derive() -> None:
    report = _sample()
    report.sections[0].role = fr.SectionRole.OTHER
    report.organ = "青禾县人民政府公安局"
    back = fr.parse(fr.render(report, "html"), format="html")
    assert back == report


def _read(name: str) -> fr.Report:
    return fr.load(FIXTURES / name)


def _outline(report: fr.Report) -> list[tuple[int, int, str, bool]]:
    return [(s.level, s.number, s.heading, s.run_in) for s in report.walk()]


def test_trs_page_in_gbk_with_nested_layout_tables() -> None:
    data = (FIXTURES / "trs_gbk.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the fixture really is GBK
    report = _read("trs_gbk.html")
    assert report.layout is not None and report.layout.encoding == "gb18030"
    assert report.title == "白石区市场监督管理局2024年法治政府建设情况报告"
    assert (report.organ, report.year) == ("白石区市场监督管理局", 2024)
    assert report.page.published == dt.date(2025, 1, 26)
    assert report.page.source == "区市场监管局"
    # a source line break inside a paragraph is no space between Chinese characters
    assert report.preamble[0].text == (
        "2024年，区市场监督管理局在区委、区政府的领导下，坚持依法行政，扎实推进法治政府建设，"
        "各项工作取得新的进展。现将有关情况报告如下："
    )
    assert _outline(report) == [
        (1, 1, "主要举措和成效", False),
        (2, 1, "健全制度体系，夯实依法行政基础", True),
        (2, 2, "规范执法行为，提升执法质量", True),
        (1, 2, "存在的不足", False),
        (1, 3, "下一步工作计划", False),
        (2, 1, "加强执法培训", True),
        (2, 2, "推进智慧监管", True),
    ]
    assert [s.role for s in report.sections] == [
        fr.SectionRole.MEASURES,
        fr.SectionRole.SHORTCOMINGS,
        fr.SectionRole.PLANS,
    ]
    assert len(report.points) == 2
    assert report.closing[0].text.startswith("新的一年")
    assert report.signature == fr.Signature("澜川市白石区市场监督管理局", dt.date(2025, 1, 20))
    text = fr.render(report, "text", style="official")
    for chrome in ("脚本", "首页", "分享到", "打印本页", "备案号", "主办单位", "当前位置", "字号"):
        assert chrome not in text


def test_zoom_block_with_br_lines_and_a_disclosure_table() -> None:
    report = _read("zoom_br.html")
    assert report.title == "松原县司法局关于2023年度法治政府建设工作情况的报告"
    assert (report.organ, report.year) == ("松原县司法局", 2023)
    assert report.addressee == "县委、县政府"
    assert report.page.issuer == "松原县司法局"
    assert report.page.number == "松司〔2024〕3号"
    assert report.page.issued == dt.date(2024, 1, 18)
    assert _outline(report) == [
        (1, 1, "工作开展情况", False),
        (2, 1, "统筹推进依法治县", True),
        (2, 2, "提升公共法律服务", True),
        (1, 2, "存在的问题", False),
        (1, 3, "下一步工作打算", False),
    ]
    # a <br> in the middle of a sentence continues the paragraph
    first = report.sections[0].subsections[0].body[0]
    assert [p.text for p in first.points][-1] == "督促整改问题14个。"
    assert report.signature == fr.Signature("松原县司法局", dt.date(2024, 1, 18))
    official = fr.render(report, "text", style="official")
    for chrome in ("相关链接", "版权所有", "微博", "您所在的位置", "打印", "索引号"):
        assert chrome not in official


def test_html5_article_with_a_data_table() -> None:
    report = _read("article_blocks.html")
    assert report.title == "东陵县应急管理局2024年法治政府建设情况报告"
    assert report.page.published == dt.datetime(2025, 2, 10, 16, 5)
    assert report.page.source == "县应急管理局"
    assert _outline(report) == [
        (1, 1, "主要举措和成效", False),
        (2, 1, "完善安全生产执法体系", True),
        (2, 2, "推进执法规范化", True),
        (1, 2, "存在的不足和原因", False),
        (1, 3, "2025年工作安排", False),
    ]
    body = report.sections[0].subsections[0].body[0].text
    assert body == "制定年度执法计划，全年检查生产经营单位386家次，立案查处违法行为27起。"
    body = report.sections[0].subsections[1].body
    assert body[-1] == fr.Table(
        [["项目", "2023年", "2024年"], ["检查家次", "341", "386"], ["立案起数", "22", "27"]]
    )
    assert isinstance(body[-2], fr.Paragraph) and body[-2].text == "全年执法情况如下表："
    assert report.sections[1].body[0].text == (
        "执法人员专业知识结构不够合理，部分执法人员对新修订法规掌握不够。"
    )
    assert len(report.sections[2].points) == 3
    assert report.signature == fr.Signature("东陵县应急管理局", dt.date(2025, 1, 25))
    official = fr.render(report, "text", style="official")
    for chrome in ("无障碍", "登录", "政策解读", "分享到", "技术支持", "浏览次数"):
        assert chrome not in official


def test_text_in_a_layout_table_cell_without_a_named_block() -> None:
    report = _read("layout_tables.html")
    assert report.layout is not None and report.layout.encoding == "gb18030"
    assert report.title == "青石区人民政府2024年法治政府建设情况报告"
    assert (report.organ, report.year) == ("青石区人民政府", 2024)
    assert [s.heading for s in report.sections] == [
        "主要举措和成效",
        "存在的不足",
        "下一步工作安排",
    ]
    assert report.signature == fr.Signature("澜川市青石区人民政府", dt.date(2025, 3, 1))
    official = fr.render(report, "text", style="official")
    for chrome in ("网站首页", "便民服务", "版权所有", "点击数"):
        assert chrome not in official


def test_the_page_title_is_a_title_candidate() -> None:
    page = (
        "<html><head><title>白石镇人民政府2024年法治政府建设情况报告_白石镇人民政府网</title></head>"
        "<body><div class='menu'>首页 | 政务公开</div><div class='TRS_Editor'>"
        "<p>2024年，白石镇坚持依法行政，推进法治政府建设。现将有关情况报告如下：</p>"
        "<p>一、主要举措和成效</p><p>全年办理行政执法案件12件，均无行政复议和诉讼。</p>"
        "</div></body></html>"
    )
    report = fr.parse(page, format="html")
    assert report.title == "白石镇人民政府2024年法治政府建设情况报告"
    assert (report.organ, report.year) == ("白石镇人民政府", 2024)


def test_a_title_in_the_page_wins_over_the_page_title() -> None:
    page = (
        "<html><head><title>年度报告_某某网</title></head><body><h1>澜川市司法局2024年法治政府建设情况报告</h1>"
        "<div id='zoom'><p>2024年，我局坚持依法行政，推进法治政府建设，取得了明显成效。</p>"
        "<p>一、主要举措和成效</p><p>全年办理法律援助案件120件，开展普法活动30场次。</p></div></body></html>"
    )
    assert fr.parse(page, format="html").title == "澜川市司法局2024年法治政府建设情况报告"


def test_meta_charset_wins_over_detection() -> None:
    page = (
        '<html><head><meta charset="gbk"><title>x</title></head><body><div class="article">'
        "<p>青禾县公安局2024年法治政府建设情况报告</p><p>2024年，我局坚持依法行政。</p>"
        "<p>一、主要举措和成效</p><p>全年开展执法培训12期，培训民警600人次。</p></div></body></html>"
    )
    report = fr.parse(page.encode("gbk"), format="html")
    assert report.title == "青禾县公安局2024年法治政府建设情况报告"
    assert report.layout is not None and report.layout.encoding == "gb18030"


def test_a_wrong_declaration_falls_back_to_detection() -> None:
    page = '<meta charset="gbk"><p>青禾县公安局2024年法治政府建设情况报告</p><p>一、情况</p><p>正文内容。</p>'
    data = page.encode("utf-8")
    report = fr.parse(data, format="html")
    assert report.title == "青禾县公安局2024年法治政府建设情况报告"


def test_xhtml_with_an_xml_declaration() -> None:
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>'
        "<div class='content'><p>青禾县公安局2024年法治政府建设情况报告</p><p>2024年，我局坚持依法行政。</p></div>"
        "</body></html>"
    )
    assert fr.parse(page, format="html").title == "青禾县公安局2024年法治政府建设情况报告"


def test_empty_page_is_an_error() -> None:
    with pytest.raises(fr.EmptyInputError):
        fr.parse("   \n", format="html")
    with pytest.raises(fr.EmptyInputError):
        fr.parse(b"", format="html")


def test_html_suffix_and_save(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    fr.save(_sample(), path)
    assert path.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert fr.load(path) == _sample()


def test_scripts_styles_and_hidden_text_inside_the_content_block_are_not_text() -> None:
    page = (
        "<html><body><div class='TRS_Editor'>"
        "<p>青禾县公安局2024年法治政府建设情况报告</p>"
        "<script>document.write('脚本文字');</script><style>p{color:red}</style>"
        "<p>2024年，我局坚持依法行政<span style='display: none'>隐藏文字</span>，推进法治建设。</p>"
        "<!-- 注释文字 --><p>一、主要举措和成效</p><p>全年开展执法培训12期。</p>"
        "</div></body></html>"
    )
    report = fr.parse(page, format="html")
    assert report.preamble[0].text == "2024年，我局坚持依法行政，推进法治建设。"
    text = fr.render(report, "text")
    for hidden in ("脚本文字", "color", "隐藏文字", "注释文字"):
        assert hidden not in text


def test_a_page_that_is_not_text_is_a_decode_error() -> None:
    with pytest.raises(fr.DecodeError):
        fr.parse(b"\x00\x01\x02\x03binary\xff\xfe\x00", format="html")


def test_a_table_is_an_html_table() -> None:
    report = fr.Report(preamble=[fr.Table([["类别", "件数"], ["行政复议", "12"]])])
    root = lxml.html.fragment_fromstring(fr.render(report, "html", fragment=True))
    table = root.find("table")
    assert table.get("class") == "fazhi-table"
    assert [[td.text for td in tr] for tr in table.iter("tr")] == [
        ["类别", "件数"],
        ["行政复议", "12"],
    ]


def test_a_layout_table_is_not_a_table_and_a_single_column_is_text() -> None:
    page = (
        "<html><body><div class='TRS_Editor'><p>青禾县公安局2024年法治政府建设情况报告</p>"
        "<table><tr><td>2024年，我局坚持依法行政，推进法治公安建设，取得了明显成效。</td></tr>"
        "<tr><td>一、主要举措和成效</td></tr><tr><td>全年开展执法培训12期。</td></tr></table>"
        "</div></body></html>"
    )
    report = fr.parse(page, format="html")
    assert report.tables == []
    assert [s.heading for s in report.sections] == ["主要举措和成效"]


def test_a_named_block_with_little_text_loses_to_the_report() -> None:
    paragraphs = "".join(
        f"<p>（{n}）第{n}项工作。全年推进依法行政，开展执法检查，规范执法行为，提升执法质量。</p>"
        for n in "一二三四五"
    )
    page = (
        "<html><body><div class='content'>欢迎访问青禾县人民政府网站，这里发布政务信息和工作动态，"
        "提供办事指南、政策解读、互动交流、便民服务和通知公告等栏目。</div>"
        "<div class='main-box'><p>青禾县公安局2024年法治政府建设情况报告</p>"
        "<p>2024年，我局坚持依法行政，推进法治公安建设。现将有关情况报告如下：</p>"
        f"<p>一、主要举措和成效</p>{paragraphs}</div></body></html>"
    )
    report = fr.parse(page, format="html")
    assert report.title == "青禾县公安局2024年法治政府建设情况报告"
    assert len(report.sections[0].subsections) == 5


def test_templates_override_one_file_and_run_sandboxed(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "official.css").write_text(".fazhi-report { color: navy; }\n", "utf-8")
    page = fr.render(_sample(), "html", templates=tmp_path, sandboxed=True)
    assert ".fazhi-report { color: navy; }" in page and "FangSong" not in page
    assert fr.parse(page, format="html") == _sample()  # the other templates are the shipped ones
    assert fr.render(_sample(), "html", sandboxed=True) == fr.render(_sample(), "html")


def test_an_unknown_option_is_named() -> None:
    with pytest.raises(fr.OptionError, match="'colour'"):
        fr.render(_sample(), "html", colour="red")


def test_what_a_cms_declares_in_meta() -> None:
    page = (
        "<html><head><title>工作报告_某某网</title>"
        '<meta name="ArticleTitle" content="白石镇人民政府2024年法治政府建设情况报告">'
        '<meta name="PubDate" content="2025-02-03 09:15">'
        '<meta name="ContentSource" content="白石镇党政办"></head>'
        "<body><div class='TRS_Editor'><p>2024年，白石镇坚持依法行政，推进法治政府建设。</p>"
        "<p>一、主要举措和成效</p><p>全年办理行政执法案件12件，均无行政复议和诉讼。</p>"
        "</div></body></html>"
    )
    report = fr.parse(page, format="html")
    assert report.title == "白石镇人民政府2024年法治政府建设情况报告"
    assert report.page.published == dt.datetime(2025, 2, 3, 9, 15)
    assert report.page.source == "白石镇党政办"
    assert "发布日期" not in fr.render(report, "text", style="official")


def test_jiyue_platform_page_in_gbk() -> None:
    # 集约化平台 layout: metadata in <meta> and in a disclosure table of key cells without
    # colons, the title in an <h1> outside the text block, styled spans, a data table
    report = _read("jiyue_gbk.html")
    assert report.layout is not None and report.layout.encoding == "gb18030"
    assert report.title == "东陵县自然资源局2024年度法治政府建设情况报告"
    assert (report.organ, report.year) == ("东陵县自然资源局", 2024)
    assert report.page.published == dt.datetime(2025, 1, 27, 15, 20)
    assert report.page.source == "县自然资源局"
    assert report.page.issuer == "东陵县自然资源局"
    assert report.page.issued == dt.date(2025, 1, 24)
    assert [p.text for p in report.preamble if isinstance(p, fr.Paragraph)] == [
        "2024年，县自然资源局在县委、县政府的领导下，坚持依法行政，规范行使自然资源管理职权，"
        "法治政府建设各项任务有序推进。现将有关情况报告如下："
    ]
    assert _outline(report) == [
        (1, 1, "主要举措和成效", False),
        (2, 1, "规范重大行政决策", True),
        (2, 2, "强化执法监督", True),
        (1, 2, "存在的不足", False),
        (1, 3, "2025年工作计划", False),
    ]
    assert report.tables == [fr.Table([["类别", "件数"], ["立案查处", "31"], ["责令整改", "57"]])]
    assert len(report.points) == 5
    assert report.signature == fr.Signature("东陵县自然资源局", dt.date(2025, 1, 24))
    official = fr.render(report, "text", style="official")
    for chrome in (
        "无障碍",
        "搜索",
        "当前位置",
        "索引号",
        "字体",
        "分享到",
        "打印本页",
        "网站标识码",
    ):
        assert chrome not in official
