"""The real reports in ../shared/corpus: what a correct parse holds, per expected.jsonl.

These run where ../shared sits beside the checkout (CI has it); elsewhere they skip.
"""

from __future__ import annotations

from typing import Any

import pytest

import fazhi_report as fr

from .conftest import CORPUS, corpus_cases, needs_corpus

CASES = corpus_cases()
pytestmark = needs_corpus


def _load(case: dict[str, Any]) -> tuple[str, fr.Report]:
    text = (CORPUS / case["file"]).read_bytes().decode("utf-8")
    return text, fr.parse(text)


@pytest.fixture(params=CASES or [None], ids=[c["id"] for c in CASES] or ["none"])
def case(request: pytest.FixtureRequest) -> dict[str, Any]:
    if request.param is None:
        pytest.skip("no corpus cases")
    return dict(request.param)


def test_fields(case: dict[str, Any]) -> None:
    _, report = _load(case)
    assert report.title in [case["title"], *(case.get("title_alt") or [])]
    assert report.organ in [*case["organ"], *(case.get("organ_alt") or [])]
    assert report.year == case["year"]
    expected = case["signature"]
    if expected is None:
        assert report.signature is None
    else:
        assert report.signature is not None
        assert report.signature.organ == expected["organ"]
        assert report.signature.date is not None
        assert report.signature.date.isoformat() == expected["date"]
    roles = {str(s.number): s.role.value if s.role else None for s in report.sections}
    assert roles == case["roles"]


def test_headings(case: dict[str, Any]) -> None:
    _, report = _load(case)
    got = [(s.level, s.number, s.heading, s.run_in) for s in report.walk()]
    want = [(h["level"], h["number"], h["text"], h["run_in"]) for h in case["headings"]]
    assert got == want


def test_points(case: dict[str, Any]) -> None:
    _, report = _load(case)
    assert len(report.points) == case["items"]


def test_closing(case: dict[str, Any]) -> None:
    _, report = _load(case)
    if case["closing_starts"] is None:
        assert report.closing == []
    else:
        assert report.closing[0].text.startswith(case["closing_starts"])


def test_page_metadata(case: dict[str, Any]) -> None:
    _, report = _load(case)
    if "published" in case:
        assert report.page.published is not None
        assert report.page.published.isoformat().startswith(case["published"])
        assert report.page.source == case["source"]


def test_round_trips(case: dict[str, Any]) -> None:
    text, report = _load(case)
    assert fr.render(report, "text") == text
    assert fr.parse(fr.render(report, "text", style="official")) == report
    assert fr.from_dict(fr.to_dict(report)) == report
    assert fr.render(fr.from_json(fr.to_json(report, layout=True)), "text") == text


def test_official_drops_the_clutter(case: dict[str, Any]) -> None:
    _, report = _load(case)
    official = fr.render(report, "text", style="official")
    for clutter in ("扫一扫", "发布日期", "字号", "重点链接"):
        assert clutter not in official
    body_lines = official.splitlines()[2 if report.title else 0 :]
    assert all(line.startswith("\u3000\u3000") or not line for line in body_lines[:-2])
