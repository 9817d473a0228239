"""Benchmark the DOCX renderer and reader against plain python-docx, per report, in one run.

What is measured, per report (the real reports in ``../shared/corpus/seeds/*.txt`` when that
folder exists, and the examples in ``examples/*.txt``):

* ``render``: ``fr.render(report, "docx")`` (bytes of a complete file);
* ``plain render``: the baseline: the same paragraphs, styled the same way, built plainly with
  python-docx: ``Document()``, ``add_paragraph(text, style=name)`` per paragraph, ``save`` to
  memory;
* ``read``: ``fr.parse(data, format="docx")`` of the rendered file (a whole report);
* ``plain read``: the baseline: ``Document(BytesIO(data))`` and every paragraph's text and
  style name.

Each figure is the median of several repeats (``time.perf_counter``, ``gc`` off, the two
operations compared timed in turn). Ratios compare medians from this one run. Targets:
render ≤ 0.5× plain python-docx, read ≤ 0.3×.

Run from the repository root: ``python bench/word.py``. It is not part of the test suite.
"""

from __future__ import annotations

import gc
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import docx

import fazhi_report as fr

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
EXAMPLES = REPO / "examples"
REPEATS = 7
TARGET_RENDER = 0.5
TARGET_READ = 0.3

_STYLE = {0: "Title", 1: "Heading 1", 2: "Heading 2", 3: "Heading 3", 4: "Heading 4"}


def paragraphs(report: fr.Report) -> list[tuple[str, str]]:
    """(text, style name) of every paragraph the renderer writes, for the plain baseline."""
    out = [(report.title or "", _STYLE[0])]
    out += [(p.text, "Body Text") for p in report.preamble]

    def walk(section: fr.Section) -> None:
        out.append((section.heading, _STYLE[section.level]))
        out.extend((p.text, "Body Text") for p in section.body)
        for sub in section.subsections:
            walk(sub)

    for section in report.sections:
        walk(section)
    out += [(p.text, "Body Text") for p in report.closing]
    return out


def plain_render(items: list[tuple[str, str]]) -> bytes:
    document = docx.Document()
    for text, style in items:
        document.add_paragraph(text, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def plain_read(data: bytes) -> list[tuple[str, str]]:
    document = docx.Document(io.BytesIO(data))
    return [(p.text, p.style.name if p.style is not None else "") for p in document.paragraphs]


def median_pair(first: Callable[[], object], second: Callable[[], object]) -> tuple[float, float]:
    """Median seconds of ``first`` and ``second``, timed in turn."""
    first()
    second()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(REPEATS):
        for func, found in ((first, times[0]), (second, times[1])):
            gc.collect()
            gc.disable()
            start = time.perf_counter()
            func()
            found.append(time.perf_counter() - start)
            gc.enable()
    return statistics.median(times[0]), statistics.median(times[1])


def main() -> None:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not files:
        print(f"note: {SEEDS} not found; the examples only", file=sys.stderr)
    files += sorted(EXAMPLES.glob("*.txt"))
    version = getattr(docx, "__version__", "?")
    print(f"python {sys.version.split()[0]}, python-docx {version}")
    print(f"{'report':<28} {'paras':>5} {'render ms':>9} {'plain':>7} {'ratio':>6}   "
          f"{'read ms':>8} {'plain':>7} {'ratio':>6}")  # fmt: skip
    render_ratios, read_ratios = [], []
    for path in files:
        report = fr.load(path)
        items = paragraphs(report)
        data = fr.render(report, "docx")
        ours, plain = median_pair(
            lambda r=report: fr.render(r, "docx"), lambda i=items: plain_render(i)
        )
        read, plain_in = median_pair(
            lambda d=data: fr.parse(d, format="docx"), lambda d=data: plain_read(d)
        )
        render_ratios.append(ours / plain)
        read_ratios.append(read / plain_in)
        print(
            f"{path.stem[:28]:<28} {len(items):>5} {ours * 1e3:>9.2f} {plain * 1e3:>7.2f} "
            f"{ours / plain:>6.2f}   {read * 1e3:>8.2f} {plain_in * 1e3:>7.2f} "
            f"{read / plain_in:>6.2f}"
        )
    render_ratio = statistics.median(render_ratios)
    read_ratio = statistics.median(read_ratios)
    print(
        f"median: render {render_ratio:.2f}x plain python-docx (target <= {TARGET_RENDER}), "
        f"read {read_ratio:.2f}x (target <= {TARGET_READ})"
    )


if __name__ == "__main__":
    main()
