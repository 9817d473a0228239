"""A draft to start from: the skeleton of a year's report, its parts in the official order.

《法治政府建设与责任落实督察工作规定》 (art. 25) lists what a yearly report on building rule-of-law
government contains: the main measures and results of the year; its shortcomings and their
causes; how the principal leaders performed the duty of first responsible person for building
rule of law; the plan for the next year; other matters to report. `new_report` writes these
five as level-1 sections in that order and in the regulation's wording, with the year put in,
each carrying its `SectionRole`; a preamble ending "现将有关情况报告如下：", a closing
("新的一年，…" and "特此报告。") and the signature with the organ.

Every passage the writer fills in is a paragraph opening with `PLACEHOLDER` ("【请填写"), in
full-width square brackets that no report text uses for its own words, so that a search for
"【请填写" finds what is left to write. The signature's date is ``None`` unless given: the
library states no fact it does not know, and ``check`` of an undated draft says so once
(FZ401, a warning), which is the reminder to date it; no part is missing (FZ1xx).

The draft is checked to read back: rendered in the official text form and parsed again, it is
the same report. An organ the parser would not read back as the signer (a place name alone,
Latin letters, two organs on one undated line) is refused with a `DataError` rather than
written into a draft whose signature would come back lost.
"""

from __future__ import annotations

import datetime as _dt

from fazhi_report.errors import DataError
from fazhi_report.model import Paragraph, Report, Section, SectionRole, Signature

__all__ = ["FIRST_YEAR", "LAST_YEAR", "PART_HEADINGS", "PLACEHOLDER", "new_report"]

FIRST_YEAR = 1900
"""The earliest year a draft covers: the parser reads years written 19xx and 20xx."""

LAST_YEAR = 2098
"""The latest year a draft covers: its plan is for the next year, which must read as 20xx."""

PLACEHOLDER = "【请填写"
"""How every passage to fill in opens (full-width brackets, closed by "】")."""

PART_HEADINGS: tuple[tuple[SectionRole, str], ...] = (
    (SectionRole.MEASURES, "{year}年度推进法治政府建设的主要举措和成效"),
    (SectionRole.SHORTCOMINGS, "{year}年度推进法治政府建设存在的不足和原因"),
    (
        SectionRole.RESPONSIBILITY,
        "{year}年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
    ),
    (SectionRole.PLANS, "{next_year}年度推进法治政府建设的主要安排"),
    (SectionRole.OTHER, "其他需要报告的情况"),
)
"""The five parts the regulation lists, in its order and wording ("上一年度" and "下一年度"
become the years): role, heading template (``{year}``, ``{next_year}``)."""

_PART_PROMPTS: dict[SectionRole, str] = {
    SectionRole.MEASURES: "{year}年度推进法治政府建设采取的主要举措和取得的成效",
    SectionRole.SHORTCOMINGS: "{year}年度推进法治政府建设存在的不足，并分析其原因",
    SectionRole.RESPONSIBILITY: "党政主要负责人履行推进法治建设第一责任人职责、"
    "加强法治政府建设的情况",
    SectionRole.PLANS: "{next_year}年度推进法治政府建设的主要安排",
    SectionRole.OTHER: "其他需要报告的情况；没有的，可删去本部分",
}

_PREAMBLE = (
    "{placeholder}导语：概述{organ}{year}年度推进法治政府建设的总体情况。】现将有关情况报告如下："
)
_CLOSING = "新的一年，{placeholder}结束语：下一步的总体打算。】"
_SIGN_OFF = "特此报告。"


def _check_organ(organ: object) -> str:
    if not isinstance(organ, str):
        raise DataError(
            f"new_report: organ must be a str, got {type(organ).__name__}",
            expected="the name of the issuing organ, such as 青禾县司法局",
        )
    name = organ.strip(" \t\u3000\xa0")
    if not name:
        raise DataError(
            "new_report: organ is empty",
            expected="the name of the issuing organ, such as 青禾县司法局",
        )
    if any(ch in name for ch in "\r\n\v\f\x85\u2028\u2029"):
        raise DataError(
            f"new_report: organ {organ!r} holds a line break",
            expected="the organ's name on one line",
        )
    return name


def _check_year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int):
        raise DataError(
            f"new_report: year must be an int, got {type(year).__name__}",
            expected=f"a year from {FIRST_YEAR} to {LAST_YEAR}",
        )
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DataError(
            f"new_report: year {year} is out of range",
            expected=f"a year from {FIRST_YEAR} to {LAST_YEAR}",
        )
    return year


def _paragraph(template: str, **values: object) -> Paragraph:
    return Paragraph(text=template.format(placeholder=PLACEHOLDER, **values))


def _build(organ: str, year: int, date: _dt.date | None) -> Report:
    values = {"organ": organ, "year": year, "next_year": year + 1}
    sections = [
        Section(
            level=1,
            number=number,
            heading=heading.format(**values),
            role=role,
            body=[_paragraph("{placeholder}：" + _PART_PROMPTS[role] + "。】", **values)],
        )
        for number, (role, heading) in enumerate(PART_HEADINGS, start=1)
    ]
    return Report(
        title=f"{organ}关于{year}年度法治政府建设情况的报告",
        organ=organ,
        year=year,
        preamble=[_paragraph(_PREAMBLE, **values)],
        sections=sections,
        closing=[_paragraph(_CLOSING), Paragraph(text=_SIGN_OFF)],
        signature=Signature(organ=organ, date=date),
    )


def _ensure_reads_back(report: Report, organ: str) -> None:
    """Refuse a draft whose official text would not read back as itself (the organ, mostly)."""
    from fazhi_report.parsers.builder import read
    from fazhi_report.parsers.text import read_text
    from fazhi_report.renderers.text import render_official

    back = read(read_text, render_official(report), source="<draft>")
    if back != report:
        raise DataError(
            f"new_report: {organ!r} does not read back as the issuing organ of the report",
            expected="one organ's name ending as organs do (青禾县司法局, 青禾县人民政府), "
            "or date= for two organs on one line",
        )


def new_report(organ: str, year: int, *, date: _dt.date | None = None) -> Report:
    """The skeleton of ``organ``'s report on ``year``, its required parts to fill in.

    The title is ``<organ>关于<year>年度法治政府建设情况的报告``; the five level-1 sections are
    the parts 《法治政府建设与责任落实督察工作规定》 requires, in its order and wording
    (`PART_HEADINGS`), each with its role and one paragraph to fill in; then a preamble and a
    closing to fill in, "特此报告。" and the signature. Passages to fill in open with
    `PLACEHOLDER` ("【请填写"). `fazhi_report.check` of the draft finds no missing part; an
    undated draft gets FZ401 (no signature date) until it is dated.

    Args:
        organ: the issuing organ, as it signs (``"青禾县司法局"``); surrounding spaces are
            dropped.
        year: the year the report covers, from `FIRST_YEAR` to `LAST_YEAR`.
        date: the signature date, or ``None`` (the default) to leave it to the writer.

    Raises:
        DataError: an empty organ or one with a line break, a year that is not an int in range,
            a date that is not a `datetime.date`, or an organ the parser would not read back
            as the signer of the draft.
    """
    name = _check_organ(organ)
    checked_year = _check_year(year)
    if date is not None and (not isinstance(date, _dt.date) or isinstance(date, _dt.datetime)):
        raise DataError(
            f"new_report: date must be a datetime.date, got {type(date).__name__}",
            expected="a datetime.date, or None",
        )
    report = _build(name, checked_year, date)
    _ensure_reads_back(report, name)
    return report
