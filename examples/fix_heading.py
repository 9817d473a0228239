# Shows: lossless editing. Load a text report copied from a web page, fix one heading (a
# half-width comma), and write it back: every other byte (page clutter, CRLF line ends, the
# half-width brackets) stays as it was.
# Run: python examples/fix_heading.py [OUT.txt]
"""Correct the punctuation of one heading of examples/web_page.txt; print the lines changed."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import fazhi_report as fr

HERE = Path(__file__).parent

if __name__ == "__main__":
    source = HERE / "web_page.txt"
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("web_page_fixed.txt")
    report = fr.load(source)
    section = report.sections[0].subsections[0]
    section.heading = section.heading.replace(",", "，")  # 协调,压实 -> 协调，压实
    fr.save(report, target)  # text in the lossless style, in the encoding it was read in
    before = source.read_bytes().decode("utf-8").splitlines()
    after = target.read_bytes().decode("utf-8").splitlines()
    for line in difflib.unified_diff(before, after, lineterm="", n=0):
        print(line)
    print(f"wrote {target}")
