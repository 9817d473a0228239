# Shows: checking a folder of reports. Every report below a folder is parsed and checked over a
# process pool (fr.parse_many with apply=fr.check: only the findings travel back), and every
# finding goes to one CSV, a row each. Run: python examples/batch_check.py [FOLDER] [OUT.csv]
"""Check a folder of reports against the parts the law requires; one CSV row per finding."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import fazhi_report as fr
from fazhi_report.cli.results import format_findings

HERE = Path(__file__).parent

if __name__ == "__main__":  # the guard matters: worker processes import this file
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("findings.csv")
    paths = [f.path for f in fr.batch.find_reports([folder])]
    checked = []
    for path, result in zip(paths, fr.parse_many(paths, jobs=2, apply=fr.check), strict=True):
        if isinstance(result, fr.ParseFailure):
            print(f"{path}: not read: {result.message}")
            continue
        checked.append((str(path), result))
        errors = [f.code for f in result if f.severity.value == "error"]
        print(path, "errors:", ", ".join(errors) if errors else "none")
    table, status = format_findings(checked, "csv")
    target.write_text(table, encoding="utf-8-sig", newline="")  # BOM: Excel, WPS read Chinese
    counts = Counter(code for _, findings in checked for code in (f.code for f in findings))
    print(f"wrote {target}: {sum(counts.values())} findings in {len(checked)} reports")
    print("most common:", ", ".join(f"{code} ×{n}" for code, n in counts.most_common(3)))
