"""Parsing memory stays small per line: bounds in bytes per line on inputs of about 1 MB.

Figures for 10 MB inputs come from ``bench/memory.py``; these checks are fast and only catch a
per-line record growing back (a run of blank lines must not cost one object per line).
"""

from __future__ import annotations

import gc
import json
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import fazhi_report as fr
from fazhi_report.analysis.check import (
    _BY_CODE,
    _PASSES,
    RULES,
    Finding,
    check_into,
    count_findings,
)
from fazhi_report.cli import main
from fazhi_report.convert import to_dict, to_json

from .strategies import report_like_text, reports


def _peak(make: Callable[[], object]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        kept = make()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del kept
    return peak


def test_blank_lines_cost_almost_nothing_each() -> None:
    text = "\n" * 300_000
    fr.parse("热身\n")
    peak = _peak(lambda: fr.parse(text))
    assert peak / 300_000 < 40  # one list slot per line while splitting; was ~150 B


def test_text_without_line_breaks_is_not_copied_over_and_over() -> None:
    text = "坚持依法行政，推进法治政府建设。" * 20_000
    fr.parse("热身\n")
    peak = _peak(lambda: fr.parse(text))
    assert peak < 4 * len(text.encode("utf-8"))


def test_headings_stay_within_a_few_hundred_bytes_each() -> None:
    text = "1.a\n" * 20_000
    fr.parse("热身\n")
    peak = _peak(lambda: fr.parse(text))
    # the report itself holds a Section, its two lists and a layout record per heading
    assert peak / 20_000 < 700


# -- every command, through the command line ------------------------------------------------
#
# A text of short numbered lines ("1.a", four bytes each) is a report of as many sections, each
# of which gets findings (no such part, numbering, empty) and a JSON object, a paragraph of XML,
# an HTML element. The command may hold the report and what it writes, not many times that:
# before the analyses and writers wrote as they went, ``check`` took about 7 kB per line,
# ``summary`` 2.5 kB, ``convert`` to JSON 2.2 kB and to DOCX 3 kB (18 GB for ``check`` of 10 MB).

_LINES = 10_000
# the report itself (a Section, its two lists and its layout record, about 380 bytes a line)
# is in every figure; the bound leaves room for what the command writes, kept or streamed
_PER_LINE = {
    "check": 1_000,
    "summary": 1_000,
    "figures": 1_000,
    "references": 1_000,
    "inspect": 1_000,
    "text": 1_000,
    "json": 1_000,
    "docx": 1_200,
    "official": 1_200,
    "markdown": 1_200,
    "html": 2_400,  # Jinja keeps every piece of a macro's output until the macro returns
}


def _command(name: str, source: Path, out: Path) -> list[str]:
    if name in ("check", "summary", "figures", "references"):
        return [name, str(source), "-o", str(out / f"{name}.out"), "-j", "1", "-q"]
    if name == "inspect":
        return ["inspect", str(source), "-q"]
    suffix = {"text": "txt", "official": "txt", "json": "json", "docx": "docx"}.get(name, name)
    style = ["--style", "official"] if name == "official" else []
    suffix = {"markdown": "md"}.get(name, suffix)
    return ["convert", str(source), str(out / f"{name}.{suffix}"), *style, "--force", "-q"]


@pytest.mark.parametrize("name", sorted(_PER_LINE))
def test_every_command_holds_memory_in_proportion_to_the_report(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    small = tmp_path / "small.txt"
    small.write_text("一、热身\n1.a\n", encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text("1.a\n" * _LINES, encoding="utf-8")
    main(_command(name, small, tmp_path))  # imports, templates and caches, outside the measure
    peak = _peak(lambda: main(_command(name, big, tmp_path)))
    capsys.readouterr()
    assert peak / _LINES < _PER_LINE[name], f"{name}: {peak / _LINES:.0f} bytes a line"


# -- the findings, written as found ---------------------------------------------------------


@given(reports(), st.sets(st.sampled_from([r.code for r in RULES])))
def test_check_into_hands_on_the_findings_of_check_in_its_order(
    report: fr.Report, codes: set[str]
) -> None:
    for rules in (None, sorted(codes)):
        found: list[Finding] = []
        check_into(report, found.append, rules=rules)
        assert found == fr.check(report, rules=rules)
        assert count_findings(report, rules=rules) == len(found)


@pytest.mark.parametrize(
    "text", ["1.a\n1.a\n3.b\n（一）c。\n", "一、甲\n1.乙\n(1)丙\n一是丁。三是戊。\n"]
)
def test_check_into_on_parsed_text(text: str) -> None:
    report = fr.parse(text)
    found: list[Finding] = []
    check_into(report, found.append)
    assert found == fr.check(report)
    assert len(found) > 3


def test_every_rule_is_in_one_pass_of_its_group() -> None:
    passes = [code for group in _PASSES.values() for together in group for code in together]
    assert sorted(passes) == sorted(r.code for r in RULES)
    for group, together in _PASSES.items():
        assert all(_BY_CODE[code].group == group for codes in together for code in codes)


# -- JSON written node by node ----------------------------------------------------------------


@given(reports(), st.sampled_from([0, 2, 4]))
def test_to_json_writes_what_json_dumps_writes(report: fr.Report, indent: int) -> None:
    for layout in (False, True):
        expected = json.dumps(to_dict(report, layout=layout), ensure_ascii=False, indent=indent)
        assert to_json(report, layout=layout, indent=indent) == expected + "\n"


@given(report_like_text)
def test_to_json_of_parsed_text_writes_what_json_dumps_writes(text: str) -> None:
    report = fr.parse(text)
    for layout in (False, True):
        expected = json.dumps(to_dict(report, layout=layout), ensure_ascii=False, indent=2)
        assert to_json(report, layout=layout) == expected + "\n"
