"""Benchmark rendering (text, Markdown, HTML) and reading (Markdown, HTML) against baselines.

What is measured, in one run, per report of the corpus (the real reports in
``../shared/corpus/seeds/*.txt`` when that folder exists, and ``examples/*.txt``):

* **render**: ``fr.render(report, "text", style="official")``, ``fr.render(report, "markdown")``
  and ``fr.render(report, "html")``, each against the baseline of a bare Jinja loop over the
  same paragraphs: one compiled template ``{% for line in lines %}{{ line }}\\n{% endfor %}``
  rendering the lines of the report's official text (computed once, outside the timing).
  Target: each within 2× of the baseline.
* **Markdown reading**: ``fr.parse(md, format="markdown")`` against markdown-it-py's own
  tokenising of the same input (``MarkdownIt("commonmark").enable("table").parse(md)``, what
  the reader starts with). Target: within 2×.
* **HTML reading**: ``fr.parse(page, format="html")`` against ``lxml.html`` parsing the same
  page (``document_fromstring``), for our own pages and for the CMS-like fixture pages of
  ``tests/fixtures/web``. Target: within 3×. For scale, the same reports parsed from their
  plain text (``fr.parse(text)``: the structure builder every reader hands its lines to) are
  timed against the same baseline.

Every figure is the median of several repeats (``time.perf_counter``), each repeat looping over
the corpus until it lasts at least 0.1 s; the operations compared are timed round-robin, with
the garbage collector collected before and disabled during each repeat, after one untimed
warm-up call. Ratios compare medians taken in the same run; absolute times depend on the
machine.

What bounds the figures (measured on the corpus): the bare loop takes about 8 µs a report.
Rendering first runs `fazhi_report.validation.ensure_valid` (about 40 µs: every section,
paragraph and point is looked at, 5× the loop on its own), then the templates call an inline
macro per heading, paragraph and point (about 250 µs). Writing the shipped templates' output
in Python instead was tried (7–12× the loop) and left out: the templates would no longer be
the one definition of each form that a user's folder overrides file by file. HTML reading
includes the structure builder every reader shares, itself about 2.5× an lxml parse.

Run from the repository root: ``python bench/render.py`` (needs markdown-it-py and lxml, both
dependencies of the library). It takes well under a minute and is not part of the test suite.
"""

from __future__ import annotations

import gc
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import jinja2
import lxml.html
from markdown_it import MarkdownIt

import fazhi_report as fr

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
EXAMPLES = REPO / "examples"
PAGES = REPO / "tests" / "fixtures" / "web"

REPEATS = 7
MIN_BATCH_SECONDS = 0.1
TARGET_RENDER = 2.0
TARGET_MARKDOWN = 2.0
TARGET_HTML = 3.0


def _timed(operations: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Median seconds per call of each operation, timed round-robin."""
    loops = {}
    for name, op in operations.items():
        op()  # warm-up: lazy imports, template compilation
        start = time.perf_counter()
        op()
        once = max(time.perf_counter() - start, 1e-6)
        loops[name] = max(1, int(MIN_BATCH_SECONDS / once))
    samples: dict[str, list[float]] = {name: [] for name in operations}
    for _ in range(REPEATS):
        for name, op in operations.items():
            gc.collect()
            gc.disable()
            try:
                start = time.perf_counter()
                for _ in range(loops[name]):
                    op()
                samples[name].append((time.perf_counter() - start) / loops[name])
            finally:
                gc.enable()
    return {name: statistics.median(values) for name, values in samples.items()}


def _each(func: Callable[[object], object], items: Sequence[object]) -> Callable[[], None]:
    def run() -> None:
        for item in items:
            func(item)

    return run


def _verdict(ratio: float, target: float) -> str:
    return "ok" if ratio <= target else "OVER TARGET"


def main() -> int:
    paths = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not paths:
        print(f"note: {SEEDS} not found; the real reports are skipped")
    paths += sorted(EXAMPLES.glob("*.txt"))
    reports = [fr.load(p) for p in paths]
    n = len(reports)
    print(f"Python {platform.python_version()} on {platform.platform()}")
    print(f"corpus: {n} reports ({', '.join(p.name for p in paths)})\n")

    lines = [fr.render(r, "text", style="official").splitlines() for r in reports]
    loop = jinja2.Environment(autoescape=False).from_string(
        "{% for line in lines %}{{ line }}\n{% endfor %}"
    )
    times = _timed(
        {
            "jinja loop": _each(lambda ls: loop.render(lines=ls), lines),
            "text": _each(lambda r: fr.render(r, "text", style="official"), reports),
            "markdown": _each(lambda r: fr.render(r, "markdown"), reports),
            "html": _each(lambda r: fr.render(r, "html"), reports),
        }
    )
    base = times["jinja loop"]
    print("render, per report (target: within 2x of a bare Jinja loop over the same lines)")
    for name, value in times.items():
        ratio = value / base
        mark = "" if name == "jinja loop" else f"  {ratio:5.2f}x  {_verdict(ratio, TARGET_RENDER)}"
        print(f"  {name:<12} {value / n * 1e3:8.3f} ms{mark}")

    markdowns = [fr.render(r, "markdown") for r in reports]
    tokenizer = MarkdownIt("commonmark").enable("table")
    times = _timed(
        {
            "markdown-it": _each(tokenizer.parse, markdowns),
            "fr.parse": _each(lambda m: fr.parse(m, format="markdown"), markdowns),
        }
    )
    ratio = times["fr.parse"] / times["markdown-it"]
    print("\nMarkdown reading, per report (target: within 2x of markdown-it-py tokenising)")
    print(f"  {'markdown-it':<12} {times['markdown-it'] / n * 1e3:8.3f} ms")
    print(
        f"  {'fr.parse':<12} {times['fr.parse'] / n * 1e3:8.3f} ms  {ratio:5.2f}x  "
        f"{_verdict(ratio, TARGET_MARKDOWN)}"
    )

    groups = {
        "our pages": [fr.render(r, "html").encode("utf-8") for r in reports],
        "CMS pages": [p.read_bytes() for p in sorted(PAGES.glob("*.html"))],
    }
    # the structure builder's share: the same reports parsed from their plain text
    texts = {
        label: [fr.render(fr.parse(p, format="html"), "text") for p in pages]
        for label, pages in groups.items()
    }
    print("\nHTML reading, per page (target: within 3x of lxml.html parsing the same page)")
    for label, pages in groups.items():
        times = _timed(
            {
                "lxml.html": _each(lxml.html.document_fromstring, pages),
                "fr.parse": _each(lambda p: fr.parse(p, format="html"), pages),
                "text parse": _each(fr.parse, texts[label]),
            }
        )
        ratio = times["fr.parse"] / times["lxml.html"]
        count = len(pages)
        print(f"  {label} ({count}, {sum(map(len, pages)) // count // 1000} kB each on average)")
        print(f"    {'lxml.html':<10} {times['lxml.html'] / count * 1e3:8.3f} ms")
        print(
            f"    {'fr.parse':<10} {times['fr.parse'] / count * 1e3:8.3f} ms  {ratio:5.2f}x  "
            f"{_verdict(ratio, TARGET_HTML)}"
        )
        share = times["text parse"] / times["lxml.html"]
        print(
            f"    {'builder':<10} {times['text parse'] / count * 1e3:8.3f} ms  {share:5.2f}x  "
            "(the same reports parsed from their text: the part every reader shares)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
