# Shows: writing a custom exporter. One Renderer class plus one Format row adds a "csv"
# format that fr.render, fr.save and the fazhi-report command all know.
"""A complete exporter in one module plus one row: a CSV of sections and points.

Run it from the repository root: ``python examples/custom_exporter.py``. It registers the
format ``csv`` at run time, then renders the bundled sample report with ``fr.render`` and
writes it with ``fr.save`` (the ``.csv`` suffix picks the format). A package would declare the
same ``Format`` record under the entry-point group ``fazhi_report.formats`` instead.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path
from typing import ClassVar

import fazhi_report as fr

HERE = Path(__file__).parent


class CsvRenderer(fr.Renderer):
    """One row a section or point: path, kind, number, heading or title, role."""

    styles: ClassVar[tuple[str, ...]] = ("rows",)

    def render(self, report: fr.Report, *, style: str, delimiter: str = ",") -> str:
        """The CSV text; ``delimiter`` is this renderer's own option."""
        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
        writer.writerow(["path", "kind", "number", "text", "role"])

        def walk(sections: list[fr.Section], path: str) -> None:
            for i, section in enumerate(sections, 1):
                here = f"{path}{i}"
                role = section.role.value if section.role else ""
                writer.writerow([here, "section", section.number, section.heading, role])
                for point in section.points:
                    writer.writerow(
                        [f"{here}/p{point.number}", "point", point.number, point.title, ""]
                    )
                walk(section.subsections, here + "/")

        walk(report.sections, "")
        return out.getvalue()


fr.register_format(fr.Format("csv", suffixes=(".csv",), renderer=CsvRenderer()))

if __name__ == "__main__":
    report = fr.load(HERE / "sample_report.txt")
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("sample_report.csv")
    fr.save(report, target)
    print(fr.render(report, "csv", delimiter="\t").splitlines()[1])
    print(f"wrote {target}")
