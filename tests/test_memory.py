"""Parsing memory stays small per line: bounds in bytes per line on inputs of about 1 MB.

Figures for 10 MB inputs come from ``bench/memory.py``; these checks are fast and only catch a
per-line record growing back (a run of blank lines must not cost one object per line).
"""

from __future__ import annotations

import gc
import tracemalloc
from collections.abc import Callable

import fazhi_report as fr


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
