"""The README's Python example says what the library does: keep it true."""

from __future__ import annotations

import difflib

import fazhi_report as fr

from .conftest import EXAMPLES


def test_readme_example() -> None:
    report = fr.load(EXAMPLES / "sample_report.txt")
    assert (report.title, report.organ, report.year) == (
        "青禾县公安局2025年法治政府建设情况报告",
        "青禾县公安局",
        2025,
    )
    assert [s.role.value for s in report.sections if s.role] == [
        "measures",
        "responsibility",
        "shortcomings",
        "plans",
    ]
    assert report.sections[0].subsections[0].points[0].title == "健全工作机制"
    before = fr.render(report, "text")
    report.sections[0].subsections[0].heading = "新的标题"
    after = fr.render(report, "text")
    changed = [
        line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"
    ]
    assert len(changed) == 2 and "新的标题" in changed[1]
    assert fr.from_json(fr.to_json(report)) == report
