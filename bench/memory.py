"""Peak memory of ``fazhi_report.parse`` on large degenerate inputs, one process per case.

Cases (each about 10 MB of UTF-8): blank lines only; one-line headings only ("一、标题"
repeated, numbered 1..99 over and over); the shortest headings ("1.a", four bytes a line);
prose with no line break at all; and a real-report concatenation. For each, a fresh Python
process builds the text, then measures with `tracemalloc` the peak of memory allocated while
parsing (the text itself excluded; the report kept). Run by hand (it takes a minute or two)::

    python bench/memory.py            # 10 MB per case
    python bench/memory.py 1          # 1 MB per case

Target: under 500 MB of parse peak for a 10 MB input. ``tracemalloc`` counts Python's own
allocations and slows the parse several times; the seconds printed are not a speed figure.
"""

from __future__ import annotations

import subprocess
import sys

_CHILD = r"""
import gc, sys, time, tracemalloc
size = int(float(sys.argv[2]) * 1_000_000)
case = sys.argv[1]
import fazhi_report as fr
from fazhi_report.numbering import int_to_chinese
if case == "blank":
    text = "\n" * size
elif case == "headings":
    unit = "".join(f"{int_to_chinese(n)}、标题\n" for n in range(1, 100))
    text = (unit * (size // len(unit.encode()) + 1))
elif case == "short":
    text = "1.a\n" * (size // 4 + 1)
elif case == "no-break":
    unit = "坚持依法行政，推进法治政府建设。"
    text = unit * (size // len(unit.encode()) + 1)
else:
    import pathlib
    parts = [p.read_text() for p in sorted(pathlib.Path(sys.argv[3]).glob("*.txt"))]
    joined = "\n".join(parts)
    text = joined * (size // len(joined.encode()) + 1)
encoded = text.encode()
text = encoded[:size].decode("utf-8", "ignore")
del encoded
lines = text.count("\n") + 1
fr.parse("一、热身\n")  # imports and caches, outside the measure
gc.collect()
t0 = time.perf_counter()
tracemalloc.start()
report = fr.parse(text)
_, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
seconds = time.perf_counter() - t0
print(f"{case:10} {len(text.encode()) / 1e6:5.1f} MB {lines:>10,} lines  parse peak "
      f"{peak / 1e6:7.1f} MB  ({peak / lines:7.1f} B/line)  {seconds:6.2f} s (traced)")
"""


def main() -> None:
    """Run every case in its own process and print one line each."""
    size = sys.argv[1] if len(sys.argv) > 1 else "10"
    seeds = "../shared/corpus/seeds"
    for case in ("blank", "headings", "short", "no-break", "reports"):
        subprocess.run([sys.executable, "-c", _CHILD, case, size, seeds], check=False)


if __name__ == "__main__":
    main()
