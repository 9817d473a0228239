"""`fr.new_report`: the skeleton of a year's report, its required parts in the official order."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fazhi_report as fr
from fazhi_report import DataError, SectionRole
from fazhi_report.draft import FIRST_YEAR, LAST_YEAR, PLACEHOLDER

# Invented places and the organs that sign reports: a place of one to three characters, its
# level, the organ's name. No 台: the parser takes a line holding 平台 for web-page chrome, so
# "平台县司法局" does not read back as a signature (new_report refuses it, tested below).
_PLACE_CHARS = "青禾澜川松原白石东陵南山北溪云安平清河长宁金沙柳江凤鸣"
places = st.text(alphabet=_PLACE_CHARS, min_size=1, max_size=3)
levels = st.sampled_from(("县", "市", "区", "旗"))
bodies = st.sampled_from(
    (
        "司法局",
        "公安局",
        "人民政府",
        "市场监督管理局",
        "应急管理局",
        "生态环境局",
        "自然资源局",
        "卫生健康委员会",
        "人民政府办公室",
        "交通运输局",
    )
)
organs = st.builds(lambda p, lv, b: p + lv + b, places, levels, bodies)
years = st.integers(FIRST_YEAR, LAST_YEAR)

REQUIRED = (
    SectionRole.MEASURES,
    SectionRole.SHORTCOMINGS,
    SectionRole.RESPONSIBILITY,
    SectionRole.PLANS,
    SectionRole.OTHER,
)


def _codes(report: fr.Report) -> set[str]:
    return {finding.code for finding in fr.check(report)}


def test_the_parts_the_regulation_requires_in_its_order_and_wording() -> None:
    report = fr.new_report("青禾县司法局", 2024)
    assert report.title == "青禾县司法局关于2024年度法治政府建设情况的报告"
    assert (report.organ, report.year) == ("青禾县司法局", 2024)
    assert [s.role for s in report.sections] == list(REQUIRED)
    assert [(s.level, s.number, s.run_in) for s in report.sections] == [
        (1, n, False) for n in range(1, 6)
    ]
    assert [s.heading for s in report.sections] == [
        "2024年度推进法治政府建设的主要举措和成效",
        "2024年度推进法治政府建设存在的不足和原因",
        "2024年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
        "2025年度推进法治政府建设的主要安排",
        "其他需要报告的情况",
    ]
    assert report.signature == fr.Signature("青禾县司法局", None)


def test_every_passage_to_fill_in_is_marked() -> None:
    report = fr.new_report("青禾县司法局", 2024)
    assert report.preamble[0].text.startswith(PLACEHOLDER)  # type: ignore[union-attr]
    assert report.preamble[0].text.endswith("现将有关情况报告如下：")  # type: ignore[union-attr]
    for section in report.sections:
        assert section.body[0].text.startswith(PLACEHOLDER)  # type: ignore[union-attr]
        assert section.body[0].text.endswith("】")  # type: ignore[union-attr]
    assert PLACEHOLDER in report.closing[0].text  # type: ignore[union-attr]
    assert report.closing[-1].text == "特此报告。"  # type: ignore[union-attr]
    text = fr.render(report, "text", style="official")
    assert isinstance(text, str)
    assert text.count(PLACEHOLDER) == 7  # preamble, five parts, closing


def test_check_finds_no_missing_part_and_only_the_missing_date() -> None:
    undated = fr.new_report("青禾县司法局", 2024)
    assert _codes(undated) == {"FZ401"}  # the reminder to date it, a warning
    dated = fr.new_report("青禾县司法局", 2024, date=dt.date(2025, 1, 20))
    assert dated.signature is not None and dated.signature.date == dt.date(2025, 1, 20)
    assert fr.check(dated) == []


@given(organs, years)
def test_check_finds_no_part_missing_for_any_organ_and_year(organ: str, year: int) -> None:
    codes = _codes(fr.new_report(organ, year))
    assert not {c for c in codes if c.startswith("FZ1")}, codes


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
@settings(max_examples=40)
@given(organ=organs, year=years)
def test_it_round_trips(fmt: str, organ: str, year: int) -> None:
    report = fr.new_report(organ, year)
    style = {"style": "official"} if fmt == "text" else {}
    back = fr.parse(fr.render(report, fmt, **style), format=fmt)
    assert back == report


@settings(max_examples=10)
@given(organ=organs, year=years, dated=st.booleans())
def test_it_round_trips_through_word(organ: str, year: int, dated: bool) -> None:
    date = dt.date(year + 1, 1, 15) if dated else None
    report = fr.new_report(organ, year, date=date)
    back = fr.parse(fr.render(report, "docx"), format="docx")
    assert back == report


def test_a_dated_joint_report_round_trips() -> None:
    report = fr.new_report("中共青禾县委 青禾县人民政府", 2024, date=dt.date(2025, 2, 1))
    assert fr.parse(fr.render(report, "text", style="official")) == report


@settings(max_examples=200)
@given(organ=st.text(min_size=1, max_size=12), year=years)
def test_any_organ_is_refused_or_reads_back(organ: str, year: int) -> None:
    """Never a draft whose signature or title would come back lost."""
    try:
        report = fr.new_report(organ, year)
    except DataError:
        return
    assert report.organ == organ.strip(" \t\u3000\xa0")
    assert fr.parse(fr.render(report, "text", style="official")) == report


@pytest.mark.parametrize(
    ("organ", "message"),
    [
        ("", "organ is empty"),
        ("　 ", "organ is empty"),
        ("青禾县\n司法局", "line break"),
        ("青禾县", "does not read back"),  # a place, not an organ
        ("ABC", "does not read back"),
        ("平台县司法局", "does not read back"),  # 平台 reads as web-page chrome
        ("中共青禾县委 青禾县人民政府", "does not read back"),  # two organs, no date
        (None, "must be a str"),
    ],
)
def test_a_bad_organ_is_refused(organ: object, message: str) -> None:
    with pytest.raises(DataError, match=message):
        fr.new_report(organ, 2024)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("year", "message"),
    [
        (FIRST_YEAR - 1, "out of range"),
        (LAST_YEAR + 1, "out of range"),
        (-5, "out of range"),
        ("2024", "must be an int"),
        (True, "must be an int"),
        (2024.0, "must be an int"),
    ],
)
def test_a_bad_year_is_refused(year: object, message: str) -> None:
    with pytest.raises(DataError, match=message) as caught:
        fr.new_report("青禾县司法局", year)  # type: ignore[arg-type]
    assert f"{FIRST_YEAR} to {LAST_YEAR}" in str(caught.value)


@pytest.mark.parametrize("date", ["2025-01-20", dt.datetime(2025, 1, 20, 9, 30)])
def test_a_date_that_is_not_a_date_is_refused(date: object) -> None:
    with pytest.raises(DataError, match=r"datetime\.date"):
        fr.new_report("青禾县司法局", 2024, date=date)  # type: ignore[arg-type]


def test_surrounding_spaces_are_dropped() -> None:
    assert fr.new_report("  青禾县司法局　", 2024) == fr.new_report("青禾县司法局", 2024)
