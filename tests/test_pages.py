"""Reports as real pages publish them: chrome, metadata and a formal header before the title.

Every fixture is our own invented text. Each stands for a shape (a banner with the day, a bar
of links, a breadcrumb, disclosure metadata…), written in simplified and traditional characters
and in half- and full-width punctuation; every one must also render back byte for byte and
survive the official form.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fazhi_report as fr
from tests.strategies import chrome_lines, reports

BODY = (
    "2023年，我局坚持依法行政，现将有关情况报告如下：\n"
    "一、主要举措和成效\n"
    "推进执法规范化。\n"
    "二、存在的不足\n"
    "培训不够。\n"
    "青禾县公安局\n"
    "2024年1月20日\n"
)
TITLE = "青禾县公安局2023年法治政府建设情况报告"


def _read(text: str) -> fr.Report:
    """Parse ``text`` and check both round trips."""
    report = fr.parse(text)
    assert fr.render(report, "text") == text
    assert fr.parse(fr.render(report, "text", style="official")) == report
    return report


CHROME = {
    "banner-with-day": "某某区人民政府 2021年5月6日星期四\n",
    "banner-today": "今天是：2022年3月1日 星期二 农历正月廿九\n",
    "bar": "无障碍 | 简体 | 繁体\n",
    "bar-full-width": "登录｜注册\n",
    "menu": "首页 政务公开 政府信息公开 法治政府建设\n",
    "menu-digit-glued": "首页1 政务公开 互动交流\n",
    "site-twice": "青禾资讯网 青禾资讯网\n",
    "breadcrumb": "首页 > 政务公开 > 工作报告\n",
    "breadcrumb-full-width": "首页＞政务公开＞工作报告\n",
    "breadcrumb-position": "您所在的位置：政务公开 > 工作报告\n",
    "breadcrumb-guillemets": "当前位置：首页 » 资讯 »\n",
    "template-editor": "下面是小编为大家整理的法治政府建设情况报告，供大家参考。\n",
    "template-upload": "时间：2024-02-01 公文范文 来源：网友投稿\n",
    "metadata-index": "索引号：11A00-2024-0001\n",
    "metadata-spaced": "索 引 号 : 11A00-2024-0001\n",
    "metadata-bullet": "• 文号：青公〔2024〕3号\n",
    "metadata-dash": "- 分 类: 综合政务\n",
    "metadata-next-line": "主题分类：\n综合政务\n",
    "metadata-many-keys": "发文机关：青禾县公安局   发文日期：2024-01-20\n",
    "traditional-banner": "今天是：2022年3月1日 星期二 農曆正月廿九\n",
    "traditional-menu": "首頁 政務公開 政府信息公開 法治政府建設\n",
    "traditional-breadcrumb": "您所在的位置：政務公開 > 工作報告\n",
    "traditional-metadata": "發文機關：青禾縣公安局\n",
}


@pytest.mark.parametrize("chrome", CHROME.values(), ids=CHROME.keys())
def test_chrome_before_the_title_is_never_title_organ_or_year(chrome: str) -> None:
    text = chrome + chrome + TITLE + "\n" + BODY
    report = _read(text)
    assert report.title == TITLE
    assert report.organ == "青禾县公安局"
    assert report.year == 2023
    assert report.preamble[0].text.startswith("2023年")
    assert [s.heading for s in report.sections] == ["主要举措和成效", "存在的不足"]
    # the chrome stays in the layout
    assert report.layout is not None and report.layout.lead == chrome + chrome


def test_a_whole_page_of_chrome_and_metadata() -> None:
    text = (
        "某某区人民政府 2021年5月6日星期四\n"
        "无障碍 | 简体 | 繁体\n"
        "首页 政务公开 政府信息公开 法治政府建设\n"
        "您所在的位置：首页 > 政务公开 > 工作报告\n"
        "索 引 号：11A-2024-001\n"
        "发文机关：青禾县公安局   文号：青公〔2024〕3号\n"
        "发文日期：2024-01-20\n"
        "\n"
        f"{TITLE}\n"
        "发布时间：2024-01-21 09:00\n"
        f"{TITLE}\n" + BODY
    )
    report = _read(text)
    assert (report.title, report.organ, report.year) == (TITLE, "青禾县公安局", 2023)
    page = report.page
    assert page.issuer == "青禾县公安局"
    assert page.number == "青公〔2024〕3号"
    assert page.issued == dt.date(2024, 1, 20)
    assert page.published == dt.datetime(2024, 1, 21, 9, 0)


def test_metadata_value_on_the_next_line_and_full_width_colons() -> None:
    text = "发布机构：\n澜川市司法局\n成文日期：2024年2月3日\n" + TITLE + "\n" + BODY
    report = _read(text)
    assert report.page.issuer == "澜川市司法局"
    assert report.page.issued == dt.date(2024, 2, 3)
    assert report.title == TITLE


def test_the_date_a_document_was_written_is_not_its_publication() -> None:
    text = "成文日期：2024年1月18日\n发布日期：2024年1月22日\n" + TITLE + "\n" + BODY
    page = _read(text).page
    assert (page.issued, page.published) == (dt.date(2024, 1, 18), dt.date(2024, 1, 22))


def test_a_page_title_then_the_formal_header() -> None:
    text = (
        "青禾县公安局2023年法治政府建设工作报告\n"
        "首页 > 政务公开\n"
        "青禾县公安局\n"
        "关于2023年法治政府建设工作情况的报告\n"
        "青公〔2024〕12号   签发人：某某\n" + BODY
    )
    report = _read(text)
    assert report.title == "青禾县公安局关于2023年法治政府建设工作情况的报告"
    assert report.organ == "青禾县公安局"
    assert report.year == 2023
    assert report.page.number == "青公〔2024〕12号"


def test_a_template_tag_glued_before_the_title_is_not_part_of_it() -> None:
    text = "下面是小编为大家整理的范文，供大家参考。\n【工作总结】" + TITLE + "\n" + BODY
    report = _read(text)
    assert report.title == TITLE
    assert report.organ == "青禾县公安局"


def test_traditional_page() -> None:
    text = (
        "首頁 > 政務公開 > 工作報告\n"
        "發文機關：青禾縣公安局\n"
        "青禾縣公安局2023年法治政府建設情況報告\n"
        "2023年，我局堅持依法行政，現將有關情況報告如下：\n"
        "一、主要舉措和成效\n"
        "推進執法規範化。\n"
    )
    report = _read(text)
    assert report.title == "青禾縣公安局2023年法治政府建設情況報告"
    assert report.organ == "青禾縣公安局"
    assert report.year == 2023
    assert report.page.issuer == "青禾縣公安局"


def test_a_repeated_title_keeps_one_title_and_the_rest_as_header() -> None:
    text = "首页 > 工作报告\n" + TITLE + "\n" + TITLE + "\n" + BODY
    report = _read(text)
    assert report.title == TITLE
    assert report.layout is not None and report.layout.header == TITLE + "\n"


def test_page_dates_never_become_the_year() -> None:
    text = "今天是：2022年3月1日 星期二\n发布日期：2022-03-01\n" + BODY.replace("2023年，", "")
    report = _read(text)
    # no title and no year in the preamble: the signature's date says 2023 was reported on
    assert report.year == 2023


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(reports(), st.lists(chrome_lines, min_size=1, max_size=8), st.sampled_from(("\n", "\r\n")))
def test_generated_reports_survive_generated_chrome(
    report: fr.Report, chrome: list[str], end: str
) -> None:
    official = fr.render(report, "text", style="official")
    text = end.join(chrome) + end + official
    parsed = _read(text)
    assert (parsed.title, parsed.organ, parsed.year) == (report.title, report.organ, report.year)
    assert parsed == report


# -- organ and year ---------------------------------------------------------------------------

UNTITLED = "一、主要举措和成效\n推进执法规范化。\n"


@pytest.mark.parametrize(
    "opening",
    [
        "2023年，我局坚持依法行政。\n",
        "2023年，我分局坚持依法行政。\n",
        "2023年，市局坚持依法行政。\n",
        "2023年，本单位坚持依法行政。\n",
        "2023年，教育局坚持依法行政。\n",
        "2023年，我局堅持依法行政。\n",
        "2023年,我局坚持依法行政.\n",
    ],
)
def test_a_self_reference_without_a_place_names_no_organ(opening: str) -> None:
    report = _read(opening + UNTITLED)
    assert report.organ is None
    assert report.year == 2023


@pytest.mark.parametrize(
    ("opening", "organ"),
    [
        ("2023年，青禾县教育局坚持依法行政。\n", "青禾县教育局"),
        ("2023年，我局在青禾县委领导下工作，青禾县教育局坚持依法行政。\n", "青禾县教育局"),
        ("2023年，澜川市司法局認真履行職責。\n", "澜川市司法局"),
    ],
)
def test_a_place_qualified_self_reference_names_the_organ(opening: str, organ: str) -> None:
    report = _read(opening + UNTITLED)
    assert report.organ == organ


@pytest.mark.parametrize(
    "title",
    [
        "青禾县公安局2021—2025年法治政府建设情况报告",
        "青禾县公安局2021-2025年法治政府建设工作总结",
        "青禾县公安局2021至2025年法治政府建设情况报告",
        "青禾縣公安局五年來法治政府建設情況報告",
    ],
)
def test_a_review_of_several_years_has_no_single_year(title: str) -> None:
    text = title + "\n2023年，我局坚持依法行政。\n" + UNTITLED + "青禾县公安局\n2026年1月20日\n"
    report = _read(text)
    assert report.year is None
    assert report.organ is not None and report.organ.startswith("青禾")


def test_the_year_comes_from_the_preamble_not_from_page_dates() -> None:
    text = (
        "今天是：2025年3月1日 星期六\n"
        "发布日期：2025-03-01\n"
        "文号：青公〔2025〕7号\n"
        "2023年，我局坚持依法行政。\n" + UNTITLED
    )
    report = _read(text)
    assert report.year == 2023
    assert report.organ is None
    assert report.page.number == "青公〔2025〕7号"


def test_inspect_says_why_the_organ_is_missing() -> None:
    from fazhi_report.cli import outline

    lines = outline(fr.parse("2023年，我局坚持依法行政。\n" + UNTITLED))
    assert "organ: (none: the text names no organ)" in lines
    assert "year: 2023" in lines


def test_the_docs_example_prints_what_the_page_says() -> None:
    import contextlib
    import io
    import re
    from pathlib import Path

    page = (Path(__file__).parent.parent / "docs" / "pages.md").read_text("utf-8")
    code, shown = re.findall(r"```(?:python|text)\n(.*?)```", page, re.S)[:2]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {})  # our own docs page
    assert out.getvalue() == shown


# -- watermarks -------------------------------------------------------------------------------

WATERMARKED = {
    "after-a-heading": (
        "一、主要举措和成效 青禾文库 www.qinghe-wk.com\n推进执法规范化。\n",
        "主要举措和成效",
        "推进执法规范化。",
    ),
    "line-of-its-own": (
        "一、主要举措和成效\n青禾文库 www.qinghe-wk.com\n推进执法规范化。\n",
        "主要举措和成效",
        "推进执法规范化。",
    ),
    "paragraph-end": (
        "一、主要举措和成效\n推进执法规范化。青禾文库 http://www.qinghe-wk.com/doc/1.html\n",
        "主要举措和成效",
        "推进执法规范化。",
    ),
    "paragraph-end-glued": (
        "一、主要举措和成效\n推进执法规范化。范文之家www.fanwen.cn\n",
        "主要举措和成效",
        "推进执法规范化。",
    ),
    "full-width-space": (
        "一、主要举措和成效\u3000青禾文庫\u3000www.qinghe-wk.com\n推進執法規範化。\n",
        "主要举措和成效",
        "推進執法規範化。",
    ),
    "half-width": (
        "(一)加强执法监督 青禾文库 www.qinghe-wk.com\n推进执法规范化.\n",
        "加强执法监督",
        "推进执法规范化.",
    ),
}


@pytest.mark.parametrize(("text", "heading", "body"), WATERMARKED.values(), ids=WATERMARKED.keys())
def test_a_watermark_is_never_content(text: str, heading: str, body: str) -> None:
    report = _read(TITLE + "\n" + text)
    section = report.sections[0]
    assert section.heading == heading
    assert [p.text for p in section.body] == [body]


def test_a_web_address_without_a_site_name_stays_content() -> None:
    text = TITLE + "\n一、主要举措和成效\n政务公开网址 见www.qinghe.gov.cn\n"
    report = _read(text)
    assert "www.qinghe.gov.cn" in report.sections[0].body[0].text


INSIDE = {
    "set-off-by-spaces": (
        "推进依法行政 青禾文库 www.qinghe-wk.com 工作。\n",
        "推进依法行政工作。",
    ),
    "glued-into-a-word": ("推进依法某某文库www.example.com行政。\n", "推进依法行政。"),
    "after-a-stop": (
        "推进执法规范化。范文之家www.fanwen.cn强化监督。\n",
        "推进执法规范化。强化监督。",
    ),
    "full-width-spaces": (
        "推進依法行政\u3000青禾文庫\u3000www.qinghe-wk.com\u3000工作。\n",
        "推進依法行政工作。",
    ),
    "across-broken-lines": (
        "推进依法行政，强化执法监督，持续提升执法规范化水平，某某文库www.example.com切实\n"
        "维护群众合法权益。\n",
        "推进依法行政，强化执法监督，持续提升执法规范化水平，切实维护群众合法权益。",
    ),
}


@pytest.mark.parametrize(("body", "whole"), INSIDE.values(), ids=INSIDE.keys())
def test_a_watermark_inside_a_sentence_leaves_it_whole(body: str, whole: str) -> None:
    text = TITLE + "\n一、主要举措和成效\n" + body
    report = _read(text)
    assert [p.text for p in report.sections[0].body] == [whole]


def test_points_read_through_a_watermark_and_edits_keep_it() -> None:
    text = (
        TITLE + "\n一、主要举措和成效\n一是规范执法。二是加强青禾文库www.qinghe-wk.com培训工作。\n"
    )
    report = _read(text)
    points = report.sections[0].body[0].points
    assert [p.title for p in points] == ["规范执法", "加强培训工作"]
    report.sections[0].heading = "重点工作和成效"
    assert fr.render(report, "text") == text.replace("主要举措和成效", "重点工作和成效")


# -- lost line breaks -------------------------------------------------------------------------

RUN_ON = (
    "青禾县公安局2024年法治政府建设情况报告2024年，我局坚持依法行政，现将有关情况报告如下："
    "一、主要举措和成效（一）加强组织领导。一是健全机制。二是压实责任。（二）规范执法行为。"
    "推进执法公开，全面落实执法公示制度、执法全过程记录制度和重大执法决定法制审核制度，"
    "执法质量稳步提升。二、存在的不足虽然今年取得了一定成效，但执法队伍专业化水平还需提高。"
    "三、下一步工作计划（一）深化改革。持续推进执法规范化建设。特此报告。青禾县公安局2025年1月20日"
)


@pytest.mark.parametrize(
    "text",
    [
        RUN_ON,
        RUN_ON + "\n",
        RUN_ON.replace("，", ",").replace("：", ":").replace("（", "(").replace("）", ")"),
        fr.render(fr.parse(RUN_ON), "text", style="official").replace("\n", ""),
    ],
    ids=["full-width", "line-end", "half-width", "official-joined"],
)
def test_a_report_that_lost_its_line_breaks(text: str) -> None:
    report = _read(text)
    assert report.title == "青禾县公安局2024年法治政府建设情况报告"
    assert (report.organ, report.year) == ("青禾县公安局", 2024)
    assert report.preamble[0].text.startswith("2024年")
    headings = [s.heading for s in report.sections]
    assert headings == ["主要举措和成效", "存在的不足", "下一步工作计划"]
    first = report.sections[0]
    assert not first.run_in
    assert [s.heading for s in first.subsections] == ["加强组织领导", "规范执法行为"]
    assert report.sections[1].body[0].text.startswith("虽然今年")
    assert report.signature is not None
    assert report.signature.organ == "青禾县公安局"
    assert report.signature.date == dt.date(2025, 1, 20)


def test_a_traditional_report_that_lost_its_line_breaks() -> None:
    simplified = fr.parse(RUN_ON)
    trad = RUN_ON.replace("报告", "報告").replace("执法", "執法").replace("建设", "建設")
    report = _read(trad)
    assert report.title == "青禾县公安局2024年法治政府建設情況報告".replace("情況", "情况")
    assert [s.heading for s in report.sections] == [s.heading for s in simplified.sections]


# -- joint reports ----------------------------------------------------------------------------

JOINT_BODY = (
    "2023年，全县坚持依法行政，现将有关情况报告如下：\n一、主要举措和成效\n推进执法规范化。\n"
)


@pytest.mark.parametrize(
    ("head", "title", "organs"),
    [
        (
            "中共青禾县委  青禾县人民政府关于2023年法治政府建设情况的报告\n",
            "中共青禾县委  青禾县人民政府关于2023年法治政府建设情况的报告",
            ("中共青禾县委", "青禾县人民政府"),
        ),
        (
            "首页 > 政务公开\n中共青禾县委\n青禾县人民政府\n关于2023年法治政府建设情况的报告\n",
            "中共青禾县委 青禾县人民政府关于2023年法治政府建设情况的报告",
            ("中共青禾县委", "青禾县人民政府"),
        ),
        (
            "中共青禾縣委\u3000青禾縣人民政府關於2023年法治政府建設情況的報告\n",
            "中共青禾縣委\u3000青禾縣人民政府關於2023年法治政府建設情況的報告",
            ("中共青禾縣委", "青禾縣人民政府"),
        ),
        (
            "澜川市司法局、澜川市公安局2023年法治政府建设情况报告\n",
            "澜川市司法局、澜川市公安局2023年法治政府建设情况报告",
            ("澜川市司法局", "澜川市公安局"),
        ),
    ],
)
def test_a_joint_report_keeps_its_issuers_apart(
    head: str, title: str, organs: tuple[str, ...]
) -> None:
    report = _read(head + JOINT_BODY)
    assert report.title == title
    assert report.organs == organs
    assert report.year == 2023


def test_a_single_organ_title_loses_its_spaces_and_has_one_organ() -> None:
    report = _read("天津市公安局 2024年法治政府建设情况报告\n" + JOINT_BODY)
    assert report.title == "天津市公安局2024年法治政府建设情况报告"
    assert report.organs == ("天津市公安局",)
    assert fr.Report().organs == ()


@pytest.mark.parametrize(
    "signed",
    [
        "中共青禾县委\n青禾县人民政府\n2024年1月20日\n",
        "中共青禾县委  青禾县人民政府\n2024年1月20日\n",
        "中共青禾县委 青禾县人民政府  2024年1月20日\n",
        "中共青禾縣委\r\n青禾縣人民政府\r\n2024年1月20日\r\n",
        "中共青禾县委\u3000青禾县人民政府\n二〇二四年一月二十日\n",
    ],
)
def test_a_joint_signature_is_read_whole(signed: str) -> None:
    report = _read("一、主要举措和成效\n推进执法规范化。\n" + signed)
    assert report.signature is not None
    assert report.signature.date == dt.date(2024, 1, 20)
    assert len(report.organs) == 2
    assert report.organs[1].endswith("人民政府")
    assert [p.text for p in report.sections[0].body] == ["推进执法规范化。"]


@pytest.mark.parametrize(
    "field",
    [
        "标题：青禾县公安局2023年法治政府建设情况报告\n",
        "• 标 题: 青禾县公安局2023年法治政府建设情况报告\n",
        "標題：青禾縣公安局2023年法治政府建設情況報告\n",
        "标题：\n青禾县公安局2023年法治政府建设情况报告\n",
    ],
)
def test_a_title_field_gives_the_title_when_no_title_line_follows(field: str) -> None:
    text = "索引号：11A-2024-001\n" + field + "发布日期：2024-01-02\n" + BODY
    report = _read(text)
    assert report.title is not None and report.title.startswith("青禾")
    assert report.year == 2023
    assert report.preamble[0].text.startswith("2023年")


def test_a_title_line_wins_over_the_title_field() -> None:
    text = "标题：青禾县公安局法治工作报告\n" + TITLE + "\n" + BODY
    report = _read(text)
    assert report.title == TITLE


@given(
    st.text(max_size=30)
    | st.sampled_from([line for v in CHROME.values() for line in v.split("\n")])
)
def test_the_fast_clutter_test_agrees_with_the_one_pattern(line: str) -> None:
    from fazhi_report import _cues

    assert _cues.is_page_clutter(line) == (_cues.PAGE_CLUTTER.search(line) is not None)


UNSIGNED = BODY.replace("青禾县公安局\n2024年1月20日\n", "")


@pytest.mark.parametrize(
    ("metadata", "organ"),
    [
        ("发文机关：澜川市司法局\n", "澜川市司法局"),
        ("• 发 文 机 关：澜川市司法局\n", "澜川市司法局"),
        ("发布机构：\n澜川市司法局\n", "澜川市司法局"),
        ("發文機關：澜川市司法局\n", "澜川市司法局"),
        # no place in it: not an organ, as with 我局
        ("发文机关：本局\n", None),
    ],
)
def test_the_disclosure_catalogues_issuer_names_the_organ_the_title_does_not(
    metadata: str, organ: str | None
) -> None:
    text = metadata + "2023年法治政府建设情况报告\n" + UNSIGNED
    report = fr.parse(text)
    assert fr.render(report, "text") == text
    assert report.title == "2023年法治政府建设情况报告"
    assert report.organ == organ
    assert report.year == 2023
    # The official form drops page metadata, and with it the organ only the page named: the
    # one documented difference of its round trip.
    again = fr.parse(fr.render(report, "text", style="official"))
    assert again.organ is None
    again.organ = report.organ
    assert again == report


def test_the_title_and_the_signature_name_the_organ_before_the_issuer() -> None:
    text = "发文机关：澜川市人民政府\n" + TITLE + "\n" + BODY
    assert _read(text).organ == "青禾县公安局"
    signed = "发文机关：澜川市人民政府\n2023年法治政府建设情况报告\n" + BODY
    assert _read(signed).organ == "青禾县公安局"
