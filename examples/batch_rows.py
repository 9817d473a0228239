# Shows: a folder of reports in one table. Every report file below a folder is parsed over a
# process pool (fr.parse_many), one row per report goes to a CSV that Excel, WPS or pandas
# opens as it is. Run: python examples/batch_rows.py [FOLDER] [OUT.csv]
"""Tabulate a folder of reports: file, organ, year, the parts each has, counts."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import fazhi_report as fr
from fazhi_report.rows import REPORT_KEYS, to_rows

HERE = Path(__file__).parent

if __name__ == "__main__":  # the guard matters: worker processes import this file
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("reports.csv")
    found = fr.batch.find_reports([folder])
    paths = [f.path for f in found]
    rows = to_rows(zip(paths, fr.parse_many(paths, jobs=2), strict=True), level="reports")
    with open(target, "w", encoding="utf-8-sig", newline="") as stream:  # BOM: Excel reads UTF-8
        writer = csv.DictWriter(stream, fieldnames=REPORT_KEYS)
        writer.writeheader()
        writer.writerows(rows)
    for row in rows:
        state = row["error"] or (f"missing {row['missing']}" if row["missing"] else "complete")
        print(row["file"], row["organ"], row["year"], state)
    print(f"wrote {target}: {len(rows)} reports")
