"""The rules on dates (FZ4xx): the signature date, the publication date, the title's year."""

from __future__ import annotations

import datetime as _dt

from fazhi_report import _cues
from fazhi_report.analysis.records import Location
from fazhi_report.analysis.rules.registry import ERROR, WARNING, Context, rule
from fazhi_report.model import Report

_PUBLICATION_DEADLINE = (4, 1)  # 1 April of the following year


def _signature_where(report: Report) -> Location:
    signature = report.signature
    return Location(
        "signature.date", "", signature.layout.line if signature and signature.layout else None
    )


@rule(
    "FZ401",
    "no-signature-date",
    group="dates",
    severity=WARNING,
    summary="缺少落款日期",
    summary_en="no signature date",
)
def no_signature_date(context: Context) -> None:
    """No signature, or one without a date."""
    signature = context.report.signature
    if signature is None or signature.date is None:
        context.add(
            "报告没有落款日期",
            "the report has no signature date",
            _signature_where(context.report),
        )


@rule(
    "FZ402",
    "early-signature",
    group="dates",
    severity=WARNING,
    summary="落款日期早于报告年度结束",
    summary_en="the signature date is before the end of the report year",
)
def early_signature(context: Context) -> None:
    """Signed before the report year ended (an error when before it even began)."""
    report = context.report
    year, signature = report.year, report.signature
    if signature is None or signature.date is None or year is None:
        return
    if signature.date.year <= year:
        before_start = signature.date.year < year
        context.add(
            f"落款日期{signature.date.isoformat()}早于{year}年度结束",
            f"signed on {signature.date.isoformat()}, before the year {year} ended",
            _signature_where(report),
            ERROR if before_start else None,
        )


@rule(
    "FZ403",
    "late-publication",
    group="dates",
    severity=WARNING,
    summary="公开日期晚于次年4月1日",
    summary_en="published after 1 April of the following year",
)
def late_publication(context: Context) -> None:
    """Published after 1 April of the following year."""
    report = context.report
    published, year = report.page.published, report.year
    if published is not None and year is not None:
        day = published.date() if isinstance(published, _dt.datetime) else published
        deadline = _dt.date(year + 1, *_PUBLICATION_DEADLINE)
        if day > deadline:
            context.add(
                f"公开日期{day.isoformat()}晚于{deadline.isoformat()}",
                f"published on {day.isoformat()}, after the deadline {deadline.isoformat()}",
                Location("page.published"),
            )


@rule(
    "FZ404",
    "title-without-year",
    group="dates",
    severity=WARNING,
    summary="标题中没有报告年度",
    summary_en="the title does not name the report year",
)
def title_without_year(context: Context) -> None:
    """No title, or a title that names no year."""
    report = context.report
    title = report.title
    if title is None:
        context.add("报告没有标题，也就没有报告年度", "the report has no title, so no year in it")
    elif _cues.TITLE_YEAR.search(title) is None:
        title_line = None
        if report.layout is not None and report.layout.title is not None:
            title_line = report.layout.title.line
        context.add(
            f"标题“{title}”中没有报告年度",
            f"the title {title!r} names no year",
            Location("title", "", title_line),
        )
