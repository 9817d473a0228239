# Shows: building a 法治政府建设情况报告 in code (sections, 一是/二是 points, a signature) and
# saving it as a Word file in the GB/T 9704 layout. Run: python examples/build_report.py [OUT.docx]
"""Build a report from structured notes and save it as DOCX; the organ and figures are made up."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import fazhi_report as fr

ORGAN = "青禾县市场监督管理局"

report = fr.Report(
    title=f"{ORGAN}2025年法治政府建设情况报告",
    organ=ORGAN,
    year=2025,
    preamble=[
        fr.Paragraph(
            f"2025年，{ORGAN}坚持依法行政，规范市场监管执法，法治政府建设取得新成效。"
            "现将有关情况报告如下："
        )
    ],
    sections=[
        fr.Section(
            1,
            1,
            "2025年推进法治政府建设的主要举措和成效",
            subsections=[
                fr.Section(
                    2,
                    1,
                    "健全制度机制",
                    run_in=True,
                    body=[
                        fr.Paragraph(
                            "",
                            [
                                fr.Point(1, "完善执法制度", "修订行政处罚裁量基准5项。"),
                                fr.Point(2, "落实审核制度", "重大执法决定法制审核率100%。"),
                            ],
                        )
                    ],
                )
            ],
        ),
        fr.Section(
            1,
            2,
            "存在的不足",
            body=[fr.Paragraph("基层执法人员专业能力有待提升。")],
        ),
        fr.Section(
            1,
            3,
            "2026年工作安排",
            body=[fr.Paragraph("", [fr.Point(1, "深化执法规范化建设", "开展案卷评查。")])],
        ),
    ],
    signature=fr.Signature(ORGAN, dt.date(2026, 1, 18)),
)
fr.infer_roles(report)  # measures, shortcomings, plans: from the headings, as a parse would

if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("built_report.docx")
    fr.save(report, target)
    print([s.role.value for s in report.sections if s.role])
    print(f"wrote {target}")
