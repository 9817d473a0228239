"""Facts by grammar, precision first (#18): a fact is right or ``None``.

Every example is invented; each names a form real pages take (docs/pages.md lists them).
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

import fazhi_report as fr
from fazhi_report.parsers.organ import organ_name, preamble_organ, title_organ

# -- the organ grammar ----------------------------------------------------------------------


def test_a_name_is_a_place_and_a_kind_of_body() -> None:
    assert organ_name("青禾县公安局") == "青禾县公安局"
    assert organ_name("中共青禾县委 青禾县人民政府") == "中共青禾县委 青禾县人民政府"
    assert organ_name("某部发布") == "某部"  # a verb glued on
    assert organ_name("某街道办事处2024") == "某街道办事处"  # a year glued on
    assert organ_name("青禾县教育局 发文日期：2025-02-25") == "青禾县教育局"  # a label after it


def test_a_phrase_or_a_label_is_no_name() -> None:
    assert organ_name("确保全区政治安全和社会大局") is None
    assert organ_name("名称：青禾区") is None
    assert organ_name("2023年区") is None
    assert organ_name("局") is None
    assert organ_name("青禾区") is None  # a place alone, where no text makes it the body


def test_names_that_begin_like_a_self_reference_are_names() -> None:
    for name in ("本溪市公安局", "全椒县人民政府", "贵州省教育厅", "全州县司法局"):
        assert organ_name(name) == name
        assert preamble_organ(f"2024年，{name}坚持依法行政。") == name
    assert organ_name("我局") is None
    assert organ_name("本县", place_alone=True) is None


def test_a_place_names_the_body_only_where_the_text_makes_it_so() -> None:
    assert organ_name("青禾区", place_alone=True) == "青禾区"
    assert organ_name("*区", place_alone=True) is None  # redacted: names no place
    assert organ_name("全区", place_alone=True) is None


def test_the_title_names_the_organ_before_or_after_its_year() -> None:
    assert title_organ("青禾县司法局关于2024年度法治政府建设情况的报告") == "青禾县司法局"
    assert title_organ("2024年青禾区法治政府建设情况报告") == "青禾区"
    assert title_organ("2023年区五年法治政府建设工作情况报告") is None
    assert title_organ("法治政府建设年度报告") is None


def test_the_preamble_names_the_organ_by_its_subject() -> None:
    assert preamble_organ("2024年，青禾公安分局在区委领导下，坚持依法行政。") == "青禾公安分局"
    assert preamble_organ("2022年，某某管理部坚持依法行政。") == "某某管理部"  # a central body
    assert preamble_organ("2019年，在市委领导下，青禾县全面贯彻…。") == "青禾县"
    assert preamble_organ("现将青禾镇2024年法治建设工作情况报告如下：") == "青禾镇"
    assert preamble_organ("2024年，我局坚持依法行政，确保全区社会大局持续稳定。") is None
    assert (
        preamble_organ("2024年，教育局坚持依法行政。") is None
    )  # no place: how a bureau says 我局
    assert preamble_organ("2022年，應(yīng)急管理部堅持依法行政。") == "應急管理部"


_NAME_CHARS = re.compile(r"[\u4e00-\u9fff*＊·、 ]+")


@given(st.text(alphabet="青禾县区市局部委员会办公室2024年：: ,，发布名称的全我", max_size=24))
def test_a_stated_name_holds_only_the_characters_of_a_name(candidate: str) -> None:
    name = organ_name(candidate, place_alone=True)
    if name is not None:
        assert _NAME_CHARS.fullmatch(name)
        assert re.match(r"(?:我|全|本)(?:县|区|市|局)", name) is None  # 我局, 全区: no name
        assert name in candidate  # cut from the candidate, never made up


# -- the forms of real text -----------------------------------------------------------------


def _parse(text: str) -> fr.Report:
    report = fr.parse(text)
    assert fr.render(report, "text") == text  # every form keeps the lossless round trip
    assert fr.parse(fr.render(report, "text", style="official")) == report
    return report


def _headings(report: fr.Report) -> list[tuple[int, str, bool]]:
    return [(s.level, s.heading, s.run_in) for s in report.walk()]


def test_a_heading_set_off_by_a_space_runs_in() -> None:
    report = _parse(
        "青禾县司法局2025年法治政府建设情况报告\n"
        "2025年，青禾县司法局坚持依法行政，现将有关情况报告如下：\n"
        "一、加强组织领导 今年以来，我局把法治政府建设摆在突出位置。\n"
        "二、存在的不足 执法队伍力量仍显薄弱。\n"
    )
    assert _headings(report) == [(1, "加强组织领导", True), (1, "存在的不足", True)]
    assert report.sections[0].body[0].text == "今年以来，我局把法治政府建设摆在突出位置。"


def test_a_heading_with_a_space_inside_stays_whole() -> None:
    report = _parse("一、加强组织领导 提升法治能力\n推进依法行政。\n")
    assert _headings(report) == [(1, "加强组织领导 提升法治能力", False)]


_GLUED = (
    "青禾县应急管理局 2024 年度法治政府建设情况报告2024 年，青禾县应急管理局坚持以法治思维"
    "统筹安全与发展，全面推进依法行政，各项工作取得新成效，为全县经济社会发展提供了坚实的"
    "法治保障，群众的法治获得感不断增强，行政执法的规范化水平持续提升，依法决策机制日益健全。"
    "一、以思想引领为先导，凝聚法治共识（一）强化理论武装，筑牢法治根基。全年开展专题学习"
    " 12 次。（二）加强统筹谋划，压实法治责任。制定年度工作要点。"
)


def test_a_text_without_line_breaks_is_cut_at_its_title_and_markers() -> None:
    report = _parse(_GLUED)
    assert report.title == "青禾县应急管理局2024年度法治政府建设情况报告"
    assert (report.organ, report.year) == ("青禾县应急管理局", 2024)
    assert [(s.level, s.heading) for s in report.walk()] == [
        (1, "以思想引领为先导，凝聚法治共识"),
        (2, "强化理论武装，筑牢法治根基"),
        (2, "加强统筹谋划，压实法治责任"),
    ]


def test_a_leading_watermark_is_not_the_title() -> None:
    report = _parse("某某文库—资料每日更新www.example.com" + _GLUED)
    assert report.title == "青禾县应急管理局2024年度法治政府建设情况报告"
    assert report.organ == "青禾县应急管理局"


def test_a_site_name_without_its_address_is_a_watermark_once_learnt() -> None:
    report = _parse(
        "2024年，我局坚持依法行政。\n"
        "某某文库 www.example.com\n"
        "一、主要举措和成效 某某文库 www.example.com\n"
        "（一）加强组织领导 某某文库,办公好帮手\n"
        "推进执法规范化。\n"
    )
    assert _headings(report) == [(1, "主要举措和成效", False), (2, "加强组织领导", False)]


def test_a_menu_item_and_a_tag_are_not_the_title() -> None:
    report = _parse(
        "• 四、年度法治政府建设情况报告\n"
        "【工作总结】青禾县水利局2024年法治政府建设情况报告\n"
        "2024年，青禾县水利局坚持依法行政。\n"
        "一、主要举措\n推进执法规范化。\n"
    )
    assert report.title == "青禾县水利局2024年法治政府建设情况报告"
    assert (report.organ, report.year) == ("青禾县水利局", 2024)


def test_a_title_given_as_a_catalogue_value_loses_its_labels() -> None:
    report = _parse(
        "- 索 引 号：000-2025-00001 分 类：\n"
        "发文机关：\n"
        "青禾县教育局 发文日期：2025-02-25 - 名称：\n"
        "中共青禾县教育局党组2024年度法治政府建设年度报告 - 文号：\n"
        "2024年，青禾县教育局坚持依法行政。\n"
        "一、主要举措\n推进执法规范化。\n"
    )
    assert report.title == "中共青禾县教育局党组2024年度法治政府建设年度报告"
    assert report.organ == "中共青禾县教育局党组"
    assert report.page.issuer == "青禾县教育局"


def test_a_placeholder_year_is_no_year() -> None:
    report = _parse(
        "青禾县20xx年法治政府建设情况报告\n20xx年，我县坚持依法行政。\n一、主要举措\n推进。\n"
    )
    assert report.year is None


def test_a_five_year_review_has_no_year() -> None:
    report = _parse("2023年区五年法治政府建设工作情况报告\n五年来，*区严格落实各项要求。\n")
    assert (report.organ, report.year) == (None, None)


def test_the_signature_is_the_reports_not_its_cover_letters() -> None:
    report = _parse(
        "青禾市人民政府：\n"
        "现将《青禾县2024年法治政府建设情况报告》随文报送，请审阅。\n"
        "青禾县人民政府办公室\n2025年1月3日\n"
        "青禾县2024年法治政府建设情况报告\n"
        "2024年，青禾县坚持依法行政。\n"
        "一、主要举措\n推进执法规范化。\n"
        "青禾县人民政府\n2025年1月10日\n"
    )
    assert report.title == "青禾县2024年法治政府建设情况报告"
    assert report.addressee is None
    assert report.signature is not None
    assert (report.signature.organ, report.signature.date.isoformat()) == (
        "青禾县人民政府",
        "2025-01-10",
    )


def test_site_notes_and_page_numbers_are_not_report_text() -> None:
    report = _parse(
        "2024年，青禾县交通运输局坚持依法行政，全面推进\n"
        "1、\n"
        "法治政府建设。\n"
        "（开头部分已省略300字）\n"
        "一、主要举措\n推进执法规范化。\n"
        "仅展示500字,全文共1800字\n"
    )
    assert _headings(report) == [(1, "主要举措", False)]
    texts = [p.text for p in report.preamble] + [b.text for b in report.sections[0].body]
    assert not any("省略" in t or "展示" in t or t == "1、" for t in texts)


def test_padded_markers_and_part_names_glued_to_their_text() -> None:
    report = _parse(
        "青禾县应急管理局2024年法治政府建设情况报告2024 年，青禾县应急管理局坚持以法治思维"
        "统筹安全与发展，全面推进依法行政，各项工作取得新成效，为全县经济社会发展提供了坚实的"
        "法治保障，群众的法治获得感不断增强，行政执法的规范化水平持续提升。一、主要做法"
        "（ 一 ）加强领导。一是健全制度；二是压实责任。（ 二 ）规范执法。全年办理案件 15 件。"
        "二、存在的问题执法力量不足，队伍结构需要优化。三、下一步工作计划继续深化改革。"
    )
    assert [(s.level, s.number, s.heading) for s in report.walk()] == [
        (1, 1, "主要做法"),
        (2, 1, "加强领导"),
        (2, 2, "规范执法"),
        (1, 2, "存在的问题"),
        (1, 3, "下一步工作计划"),
    ]
    assert len(report.points) == 2
