"""Does parsing stay linear up to 10 MB, with and without line breaks? One run, ratios only.

Two documents are grown from the same texts (the real reports in ``../shared/corpus/seeds``
when that folder exists, else ``examples/*.txt``): the texts repeated until the size is
reached, (a) as written, one report after another, and (b) with every line break removed, as
pages copied from a PDF or scraped without their tags arrive. Each is parsed at 1 MB and at
10 MB (characters, not bytes), each size in a fresh child process, which reports its parse
time and its peak resident memory.

Printed: time per MB at each size and the ratio 10 MB / 1 MB (about 1 means linear; the
target is at most 1.25), and the peak memory of each child. Run from the repository root:
``python bench/scale.py`` (about a minute). Not part of the test suite.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
SIZES = (1_000_000, 10_000_000)
TARGET_LINEAR = 1.25

_CHILD = r"""
import gc, json, resource, sys, time
from pathlib import Path
import fazhi_report as fr
folder, size, glued = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "1"
texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
pieces, total = [], 0
while total < size:
    for text in texts:
        pieces.append(text)
        total += len(text) + 1
doc = "\n".join(pieces)[:size]
if glued:
    doc = doc.replace("\r", "").replace("\n", "")
gc.collect()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
report = fr.parse(doc)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_kb": peak, "before_kb": before,
                  "chars": len(doc), "sections": len(report.walk())}))
"""


def measure(folder: Path, size: int, glued: bool) -> dict[str, float]:
    """Parse one grown document in a child process; its time and memory."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(folder), str(size), "1" if glued else "0"],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(out.stdout)
    return result


def main() -> None:
    folder = SEEDS if SEEDS.is_dir() else REPO / "examples"
    print(f"texts from {folder}")
    for glued in (False, True):
        label = "no line breaks" if glued else "as written"
        rates = []
        for size in SIZES:
            r = measure(folder, size, glued)
            rate = r["seconds"] / (r["chars"] / 1_000_000)
            rates.append(rate)
            print(
                f"  {label:15} {r['chars'] / 1e6:5.1f} MB  parse {r['seconds']:7.2f} s  "
                f"{rate * 1000:7.1f} ms/MB  peak memory {r['peak_kb'] / 1024:7.0f} MB "
                f"({(r['peak_kb'] - r['before_kb']) / 1024:.0f} MB for parsing)  "
                f"{r['sections']:.0f} sections"
            )
        ratio = rates[-1] / rates[0]
        verdict = "ok" if ratio <= TARGET_LINEAR else "NOT LINEAR"
        print(f"  {label:15} time per MB, 10 MB / 1 MB = {ratio:.2f} [{verdict}]")


if __name__ == "__main__":
    main()
