"""Benchmark the analyses (``fr.check`` and ``fr.figures``) against parsing, in one run.

What is measured
----------------
For each report the script times, on the same text in the same run:

* ``parse``: ``fazhi_report.parse(text)``, the baseline;
* ``check``: ``fazhi_report.check(report)`` (every rule) on the parsed report;
* ``figures``: ``fr.figures(report)`` on the parsed report;
* ``references``: ``fr.references(report)`` (printed for information, not part of the target);
* ``read``: ``fr.figures(report)`` and then every figure's fields read (a figure makes its
  value, number, context and sentence on first read): printed for information, with the
  ratio ``(check + read) / parse`` beside the target's, so the work the laziness puts off
  is in view too.

It prints, per report, each time in milliseconds and the ratio
``(check + figures) / parse``; then the same over the whole corpus. The target is a ratio of
at most 1: checking a report and reading its figures costs no more than parsing it.

Each figure is the median of several repeats timed with ``time.perf_counter``; each repeat
loops the operation until it lasts at least 0.05 s, the operations are timed round-robin,
and the garbage collector is off while a repeat runs. Absolute times depend on the machine;
the ratios compare numbers measured in the same run.

Corpora: the real reports in ``../shared/corpus/seeds/*.txt`` beside the repository (skipped
with a note when absent) and the project's ``examples/*.txt``.

How to run
----------
From the repository root::

    python bench/analysis.py

It takes well under a minute. It is not part of the test suite.
"""

from __future__ import annotations

import gc
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import fazhi_report as fr

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
EXAMPLES = REPO / "examples"

REPEATS = 7
MIN_BATCH_SECONDS = 0.05
TARGET = 1.0  # (check + figures) / parse


def read_texts() -> list[tuple[str, str]]:
    """``(name, text)`` of every report to time: the seeds (if present), then the examples."""
    found: list[tuple[str, str]] = []
    if SEEDS.is_dir():
        found += [(p.name, p.read_bytes().decode("utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    else:
        print(f"note: {SEEDS} not found, the real reports are skipped")
    found += [(p.name, p.read_bytes().decode("utf-8")) for p in sorted(EXAMPLES.glob("*.txt"))]
    return found


def read_all(report: fr.Report) -> list[object]:
    """``fr.figures(report)`` with every field of every figure read (the lazy ones made)."""
    return [(f.value, f.number, f.context, f.sentence) for f in fr.figures(report)]


def time_once(func: Callable[[], object], number: int) -> float:
    """Seconds per call over ``number`` calls of ``func``, with the collector off."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        for _ in range(number):
            func()
        return (time.perf_counter() - start) / number
    finally:
        gc.enable()


def medians(funcs: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Median seconds per call of each function, timed round-robin."""
    numbers = {}
    for name, func in funcs.items():
        first = time_once(func, 1)  # warm-up (lazy imports, caches) and calibration
        numbers[name] = max(1, int(MIN_BATCH_SECONDS / first) + 1) if first > 0 else 1
    samples: dict[str, list[float]] = {name: [] for name in funcs}
    for _ in range(REPEATS):
        for name, func in funcs.items():
            samples[name].append(time_once(func, numbers[name]))
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> int:
    """Time every report and print the table and the verdict; exit 1 if the target is missed."""
    print(f"fazhi_report {fr.__version__}, Python {sys.version.split()[0]}, {platform.platform()}")
    texts = read_texts()
    if not texts:
        print("no reports to time")
        return 1
    header = (
        f"{'report':<28} {'parse ms':>9} {'check ms':>9} {'figures ms':>10} "
        f"{'refs ms':>8} {'read ms':>8} {'(check+figures)/parse':>22} {'(check+read)/parse':>19}"
    )
    print(header)
    totals = dict.fromkeys(("parse", "check", "figures", "references", "read"), 0.0)
    worst = worst_read = 0.0
    for name, text in texts:
        report = fr.parse(text)
        times = medians(
            {
                "parse": lambda text=text: fr.parse(text),  # type: ignore[misc]
                "check": lambda report=report: fr.check(report),  # type: ignore[misc]
                "figures": lambda report=report: fr.figures(report),  # type: ignore[misc]
                "references": lambda report=report: fr.references(report),  # type: ignore[misc]
                "read": lambda report=report: read_all(report),  # type: ignore[misc]
            }
        )
        for key, value in times.items():
            totals[key] += value
        ratio = (times["check"] + times["figures"]) / times["parse"]
        read_ratio = (times["check"] + times["read"]) / times["parse"]
        worst = max(worst, ratio)
        worst_read = max(worst_read, read_ratio)
        print(
            f"{name[:28]:<28} {times['parse'] * 1e3:>9.3f} {times['check'] * 1e3:>9.3f} "
            f"{times['figures'] * 1e3:>10.3f} {times['references'] * 1e3:>8.3f} "
            f"{times['read'] * 1e3:>8.3f} {ratio:>22.2f} {read_ratio:>19.2f}"
        )
    overall = (totals["check"] + totals["figures"]) / totals["parse"]
    overall_read = (totals["check"] + totals["read"]) / totals["parse"]
    print(
        f"{'all reports':<28} {totals['parse'] * 1e3:>9.3f} {totals['check'] * 1e3:>9.3f} "
        f"{totals['figures'] * 1e3:>10.3f} {totals['references'] * 1e3:>8.3f} "
        f"{totals['read'] * 1e3:>8.3f} {overall:>22.2f} {overall_read:>19.2f}"
    )
    verdict = "ok" if worst <= TARGET else "MISSED"
    print(f"worst (check + figures) / parse: {worst:.2f}  (target <= {TARGET:.0f}): {verdict}")
    print(f"worst (check + read) / parse: {worst_read:.2f}  (for information)")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
