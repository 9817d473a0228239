"""What the structure builder reads out of texts written the many ways reports are written."""

from __future__ import annotations

import datetime as dt

import pytest

import fazhi_report as fr
from fazhi_report import SectionRole


def headings(report: fr.Report) -> list[tuple[int, int, str, bool]]:
    return [(s.level, s.number, s.heading, s.run_in) for s in report.walk()]


def test_two_line_title_with_blank_line_between() -> None:
    report = fr.parse("青山县交通运输局\n\n2024年法治政府建设情况报告\n\n2024年，我局依法行政。\n")
    assert report.title == "青山县交通运输局2024年法治政府建设情况报告"
    assert (report.organ, report.year) == ("青山县交通运输局", 2024)
    assert [p.text for p in report.preamble] == ["2024年，我局依法行政。"]


@pytest.mark.parametrize(
    ("title", "organ", "year"),
    [
        ("石桥区民政局关于2023年度法治政府建设工作情况的报告", "石桥区民政局", 2023),
        ("关于2025年法治政府建设情况的报告", None, 2025),
        ("南湖镇人民政府二〇二四年法治政府建设年度报告", "南湖镇人民政府", 2024),
        ("市公安局 2022年法治政府建设工作总结", "市公安局", 2022),
    ],
)
def test_organ_and_year_from_the_title(title: str, organ: str | None, year: int) -> None:
    report = fr.parse(title + "\n一、主要举措和成效\n正文。\n")
    assert report.title == title.replace(" ", "")
    assert (report.organ, report.year) == (organ, year)


def test_no_title_organ_from_signature_and_year_from_preamble() -> None:
    text = (
        "2025年，我局认真落实各项部署。\n一、主要举措和成效\n正文。\n河西县林业局\n2026年2月3日\n"
    )
    report = fr.parse(text)
    assert report.title is None
    assert (report.organ, report.year) == ("河西县林业局", 2025)
    assert report.signature == fr.Signature("河西县林业局", dt.date(2026, 2, 3))


def test_no_title_no_preamble_year_from_signature_date() -> None:
    report = fr.parse("一、主要举措和成效\n正文。\n二〇二六年三月一日\n")
    assert report.signature == fr.Signature(None, dt.date(2026, 3, 1))
    assert report.year == 2025


@pytest.mark.parametrize(
    "date_line", ["2026年1月28日", "2026-01-28", "二〇二六年一月二十八日", "2026 年 1 月 28 日"]
)
def test_signature_date_forms(date_line: str) -> None:
    report = fr.parse(f"一、情况\n正文。\n泾川县公安局\n{date_line}\n扫一扫在手机上查看当前页面\n")
    assert report.signature == fr.Signature("泾川县公安局", dt.date(2026, 1, 28))
    assert report.sections[0].body[-1].text == "正文。"


def test_signature_on_one_line() -> None:
    report = fr.parse("一、情况\n正文。\n泾川县公安局　2026年1月28日\n")
    assert report.signature == fr.Signature("泾川县公安局", dt.date(2026, 1, 28))


def test_web_clutter_is_layout_and_page_metadata() -> None:
    text = (
        "北塘区公安分局2023年法治政府建设情况报告\n"
        "发布日期: 2024-03-05 14:09 \xa0\xa0 来源: 区公安分局\n"
        "字号:\n"
        "  • 扫一扫在手机打开当前页\n\n"
        "    北塘区公安分局2023年法治政府建设情况报告\n\n"
        "    2023年以来，我局依法履职。\n\n"
        "    一、重点工作和成效\n\n"
        "    (一)强化学习,提升能力。一是抓好培训。二是抓好考核。\n\n"
        "    全国各省市政府网站\n"
        "    北塘区政府网站\n"
        "    重点链接\n"
    )
    report = fr.parse(text)
    assert report.title == "北塘区公安分局2023年法治政府建设情况报告"
    assert report.page.published == dt.datetime(2024, 3, 5, 14, 9)
    assert report.page.source == "区公安分局"
    assert [p.text for p in report.preamble] == ["2023年以来，我局依法履职。"]
    assert headings(report) == [(1, 1, "重点工作和成效", False), (2, 1, "强化学习,提升能力", True)]
    assert report.signature is None and report.closing == []
    assert [pt.title for pt in report.points] == ["抓好培训", "抓好考核"]
    # clutter takes no part in equality
    assert report == fr.parse(fr.render(report, "text", style="official"))


def test_run_in_and_standalone_headings_at_four_levels() -> None:
    text = (
        "一、主要举措和成效\n"
        "（一）完善制度。修订规则三项。\n"
        "1.规范审核\n"
        "（1）专人审核。每案必审。\n"
        "2、公开结果。按时公开。\n"
        "(二)加强监督\n"
    )
    assert headings(fr.parse(text)) == [
        (1, 1, "主要举措和成效", False),
        (2, 1, "完善制度", True),
        (3, 1, "规范审核", False),
        (4, 1, "专人审核", True),
        (3, 2, "公开结果", True),
        (2, 2, "加强监督", False),
    ]


def test_parentheses_and_enumerations_that_are_not_headings() -> None:
    text = (
        "一、主要举措和成效\n"
        "召开党委（扩大）会议，研究部署工作。\n"
        "（扩大）会议之后，各单位分头落实。\n"
        "三、四月份以来，开展专项整治。\n"
        "1.5万人次参加培训。\n"
    )
    report = fr.parse(text)
    assert headings(report) == [(1, 1, "主要举措和成效", False)]
    assert len(report.sections[0].body) == 4


def test_points_inline_and_one_per_paragraph_with_numbering_going_on() -> None:
    text = (
        "一、存在的不足\n"
        "主要表现在：一是学习不够深入。部分人员认识不足。二是制度执行不严。\n"
        "三是保障不够有力。经费有限。\n"
        "统一是前提，唯一是关键。\n"
    )
    section = fr.parse(text).sections[0]
    assert [(p.number, p.title, p.text) for p in section.points] == [
        (1, "学习不够深入", "部分人员认识不足。"),
        (2, "制度执行不严", ""),
        (3, "保障不够有力", "经费有限。"),
    ]
    assert section.body[0].text == "主要表现在："
    assert section.body[2].points == []


def test_point_title_stops_at_first_comma_outside_quotes() -> None:
    section = fr.parse("一、情况\n一是落实“放管服，优化”改革，成效明显。\n").sections[0]
    assert section.points[0].title == "落实“放管服，优化”改革"
    assert section.points[0].text == "成效明显。"


def test_section_numbering_that_runs_on_across_sections() -> None:
    text = "一、成效\n（一）甲。正文。\n（二）乙。正文。\n二、问题和不足\n（三）丙。正文。\n"
    report = fr.parse(text)
    assert [s.number for s in report.sections[1].subsections] == [3]


def test_closing_paragraph_after_last_section() -> None:
    text = (
        "一、下一步工作计划\n"
        "（一）加强学习。一是组织培训。\n"
        "新的一年，我局将继续努力，推动工作再上新台阶。\n"
        "河口县司法局\n2026年1月8日\n"
    )
    report = fr.parse(text)
    assert [p.text for p in report.closing] == ["新的一年，我局将继续努力，推动工作再上新台阶。"]
    assert report.sections[0].subsections[0].body[-1].points


def test_roles_from_the_many_wordings() -> None:
    text = (
        "桥东区司法局2024年法治政府建设情况报告\n"
        "一、2024年推进法治政府建设的主要举措和成效\n正文。\n"
        "二、党政主要负责人履行推进法治建设第一责任人职责情况\n正文。\n"
        "三、存在的主要问题及原因\n"
        "（一）存在的主要问题\n正文。\n"
        "（二）原因分析\n正文。\n"
        "四、2025年重点工作\n正文。\n"
        "五、其他需要报告的事项\n正文。\n"
    )
    report = fr.parse(text)
    assert [s.role for s in report.sections] == [
        SectionRole.MEASURES,
        SectionRole.RESPONSIBILITY,
        SectionRole.SHORTCOMINGS,
        SectionRole.PLANS,
        SectionRole.OTHER,
    ]
    assert [s.role for s in report.sections[2].subsections] == [
        SectionRole.SHORTCOMINGS,
        SectionRole.CAUSES,
    ]


def test_topical_headings_count_as_measures_until_another_part_begins() -> None:
    text = "一、加强组织领导，压实责任\n正文。\n二、聚焦改革创新\n正文。\n三、下一步打算\n正文。\n"
    assert [s.role for s in fr.parse(text).sections] == [
        SectionRole.MEASURES,
        SectionRole.MEASURES,
        SectionRole.PLANS,
    ]


def test_traditional_characters() -> None:
    text = (
        "龍泉縣公安局2024年法治政府建設情況報告\n"
        "一、主要舉措和成效\n（一）強化學習。一是組織培訓。\n"
        "二、存在的問題和不足\n正文。\n"
        "三、下一步工作計劃\n正文。\n"
    )
    report = fr.parse(text)
    assert report.title == "龍泉縣公安局2024年法治政府建設情況報告"
    assert (report.organ, report.year) == ("龍泉縣公安局", 2024)
    assert [s.role for s in report.sections] == [
        SectionRole.MEASURES,
        SectionRole.SHORTCOMINGS,
        SectionRole.PLANS,
    ]


def test_addressee_line() -> None:
    report = fr.parse("关于2024年法治政府建设情况的报告\n\n县委、县政府：\n现报告如下：\n")
    assert report.addressee == "县委、县政府"
    assert [p.text for p in report.preamble] == ["现报告如下："]


def test_watermark_and_print_buttons_in_the_middle_are_not_content() -> None:
    text = "一、情况\n正文一。\n【打印本页】【关闭窗口】\n正文二。\n"
    report = fr.parse(text)
    assert [p.text for p in report.sections[0].body] == ["正文一。", "正文二。"]
    assert fr.render(report, "text") == text


def test_paragraph_broken_mid_sentence_is_one_paragraph() -> None:
    text = (
        "    一、主要举措和成效\n"
        "    全年组织执法人员参加各类业务培训和法律知识考试共计二十余\n"
        "场次，参训人员覆盖全部一线执法岗位。\n"
        "    第二段落。\n"
    )
    report = fr.parse(text)
    assert [p.text for p in report.sections[0].body] == [
        "全年组织执法人员参加各类业务培训和法律知识考试共计二十余场次，参训人员覆盖全部一线执法岗位。",
        "第二段落。",
    ]
    assert fr.render(report, "text") == text


def test_text_with_no_line_breaks_at_all() -> None:
    text = (
        "白沙县司法局2024年法治政府建设情况报告 2024年，我局全面推进依法行政，"
        "现将有关情况报告如下： 一、主要举措和成效 （一）健全制度。修订完善各项制度十二项，"
        "规范权力运行。一是完善规则。二是细化流程。 （二）强化监督。开展案卷评查两次，"
        "整改问题三十个。 二、存在的不足 一是学习不够深入。二是培训不够系统。 "
        "三、下一步工作计划 继续加强法治建设，提升依法行政水平。 白沙县司法局 2025年1月20日"
    )
    report = fr.parse(text)
    assert fr.render(report, "text") == text
    assert report.title == "白沙县司法局2024年法治政府建设情况报告"
    assert headings(report) == [
        (1, 1, "主要举措和成效", False),
        (2, 1, "健全制度", True),
        (2, 2, "强化监督", True),
        (1, 2, "存在的不足", False),
        (1, 3, "下一步工作计划", False),
    ]
    assert len(report.points) == 4
    assert report.signature == fr.Signature("白沙县司法局", dt.date(2025, 1, 20))


def test_equality_ignores_layout() -> None:
    compact = "一、主要举措和成效\n（一）完善制度。修订规则。\n"
    spaced = "\n    一、 主要举措和成效  \r\n\r\n    (一)完善制度。修订规则。\r\n\r\n"
    assert fr.parse(compact) == fr.parse(spaced)
    assert fr.parse(compact) != fr.parse(compact.replace("修订", "废止"))


@pytest.mark.parametrize(
    "after",
    ["\n（此件公开发布）\n", "相关链接\n县政府网站\n", "\n附件：1.统计表\n"],
    ids=["note", "links", "attachment"],
)
def test_signature_followed_by_footer_lines(after: str) -> None:
    text = "一、工作\n正文。\n\n青禾县公安局\n2026年1月28日\n" + after
    report = fr.parse(text)
    assert report.signature == fr.Signature("青禾县公安局", dt.date(2026, 1, 28))
    assert [p.text for p in report.sections[0].body] == ["正文。"]
    assert fr.render(report, "text") == text


def test_a_single_short_last_line_is_content_not_links() -> None:
    report = fr.parse("一、工作\n正文。\n特此报告\n")
    assert [p.text for p in report.sections[0].body] == ["正文。"]
    # content, not page links: the formal close (特此报告) is the closing
    assert [p.text for p in report.closing] == ["特此报告"]


def test_the_formal_close_alone_is_the_closing_and_reads_back() -> None:
    text = "一、主要举措和成效\n推进执法规范化。\n二、存在的不足\n培训不够。\n特此报告。\n澜川市司法局\n2025年1月20日\n"
    report = fr.parse(text)
    assert [p.text for p in report.closing] == ["特此报告。"]
    assert [p.text for p in report.sections[-1].body] == ["培训不够。"]
    assert fr.render(report, "text") == text
    assert fr.parse(fr.render(report, "text", style="official")) == report


def test_plans_lead_paragraph_is_not_a_closing() -> None:
    text = "一、主要工作\n正文。\n二、下一步工作安排\n下一步，我局将继续深化法治建设。\n"
    report = fr.parse(text)
    assert [p.text for p in report.sections[1].body] == ["下一步，我局将继续深化法治建设。"]
    assert report.closing == []


def test_closing_starts_at_its_first_opener() -> None:
    report = fr.parse("一、工作\n正文。\n新的一年，继续努力。\n今后，我局将再接再厉。\n")
    assert [p.text for p in report.closing] == ["新的一年，继续努力。", "今后，我局将再接再厉。"]


def test_traditional_page_clutter() -> None:
    text = (
        "青禾縣公安局2025年法治政府建設情況報告\n"
        "發佈日期：2026-01-30 10:00\n掃一掃在手機打開當前頁\n一、主要工作\n正文。\n"
    )
    report = fr.parse(text)
    assert report.page.published == dt.datetime(2026, 1, 30, 10, 0)
    assert report.preamble == []


def test_breadcrumb_is_not_the_title() -> None:
    report = fr.parse(
        "首页 > 政务公开 > 法治政府建设\n青禾县公安局2025年法治政府建设情况报告\n正文。\n"
    )
    assert report.title == "青禾县公安局2025年法治政府建设情况报告"


def test_we_are_no_organ() -> None:
    assert fr.parse("2025年，我局坚持依法行政。\n一、工作\n正文。\n").organ is None


def test_points_after_half_width_stops() -> None:
    points = fr.parse("一、工作\n一是加强学习,学习10次.二是强化培训。\n").points
    assert [p.title for p in points] == ["加强学习", "强化培训"]


def test_point_title_with_a_quote_left_open() -> None:
    point = fr.parse("一、工作\n一是开展“法治进万家活动。二是加强培训。\n").points[0]
    assert (point.title, point.text) == ("开展“法治进万家活动", "")


def test_spaces_before_a_heading_stop_are_not_heading() -> None:
    assert fr.parse("（一）加强组织领导 。\n正文。\n").sections[0].heading == "加强组织领导"


def test_lone_surrogate_next_to_traditional_text() -> None:
    # refused at the door, as every str holding a lone surrogate is (no file can hold one)
    text = "\ud800報告\n一、工作\n"
    with pytest.raises(fr.DecodeError, match=r"lone surrogate \(U\+D800\)") as caught:
        fr.parse(text)
    assert caught.value.line == 1
