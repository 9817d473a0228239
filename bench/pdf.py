"""Benchmark the PDF reader against pdfminer's own ``extract_text``, per report, in one run.

What is measured, per PDF (the committed fixtures in ``tests/fixtures/pdf/*.pdf``, and, when
LibreOffice and ``../shared/corpus`` are there, the Word files of the seed reports exported
to PDF once at the start):

* ``read``: ``fr.parse(data, format="pdf")``: the text layer, the rebuilt lines and the whole
  report;
* ``floor``: ``pdfminer.high_level.extract_text`` of the same bytes: pdfminer's plain text with
  its default layout analysis, the floor for a pure-Python text layer.

Each figure is the median of several repeats (``time.perf_counter``, ``gc`` off, the two
timed in turn). Ratios compare medians from this one run; target: read ≤ 1.5× the floor.
Memory: the peak traced by ``tracemalloc`` while reading each file once, per page.

Run from the repository root: ``python bench/pdf.py`` (needs the pdf extra). It is not part
of the test suite.
"""

from __future__ import annotations

import gc
import io
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from pdfminer.high_level import extract_text
from pdfminer.pdfpage import PDFPage

import fazhi_report as fr

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
FIXTURES = REPO / "tests" / "fixtures" / "pdf"
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
REPEATS = 5
TARGET = 1.5


def _median(run: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEATS):
        gc.disable()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
        gc.enable()
    return statistics.median(times)


def _documents() -> list[tuple[str, bytes]]:
    found = [(p.name, p.read_bytes()) for p in sorted(FIXTURES.glob("*.pdf"))]
    from tests.pdf_office import docx_to_pdf, soffice

    if soffice() is not None and SEEDS.is_dir():
        for path in sorted(SEEDS.glob("*.txt")):
            data = docx_to_pdf(fr.render(fr.load(path), "docx"))
            found.append((path.name[:12] + ".pdf", data))
    return found


def main() -> None:
    """Print one line per PDF and the overall ratio."""
    rows = []
    print(f"{'file':18} {'pages':>5} {'read ms':>8} {'floor ms':>8} {'ratio':>6} {'KiB/page':>8}")
    for name, data in _documents():
        pages = sum(1 for _ in PDFPage.get_pages(io.BytesIO(data)))
        ours = _median(lambda d=data: fr.parse(d, format="pdf"))  # type: ignore[misc]
        floor = _median(lambda d=data: extract_text(io.BytesIO(d)))  # type: ignore[misc]
        tracemalloc.start()
        fr.parse(data, format="pdf")
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        rows.append((ours, floor))
        print(
            f"{name:18} {pages:5d} {ours * 1000:8.1f} {floor * 1000:8.1f} "
            f"{ours / floor:6.2f} {peak / 1024 / pages:8.0f}"
        )
    total = sum(r[0] for r in rows) / sum(r[1] for r in rows)
    verdict = "meets" if total <= TARGET else "misses"
    print(f"all: read / floor = {total:.2f} ({verdict} the target of {TARGET}x)")


if __name__ == "__main__":
    main()
