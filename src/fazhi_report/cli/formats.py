"""``fazhi-report formats``: the formats the library reads and writes.

It reads the format table only (`fazhi_report.registry.formats`): the styles come from each
record, so listing imports no reader and no renderer.
"""

from __future__ import annotations

import sys

from fazhi_report import registry
from fazhi_report.cli.base import EXIT_OK, command

__all__ = ["formats"]


@command(
    "formats",
    describe="""List every format the library reads or writes, plugins included: its name,
the file suffixes that name it, whether it can be read (r) and written (w), whether it is
binary, its styles (the default first) and what it is.""",
    epilog="Example:\n  fazhi-report formats",
)
def formats(quiet: bool, verbose: bool) -> int:
    """Run ``fazhi-report formats``: one line a format."""
    rows = [
        (
            f.name,
            " ".join(f.suffixes) or "-",
            ("r" if f.can_read else "-") + ("w" if f.can_write else "-"),
            "binary" if f.binary else "text",
            ",".join(f.styles) or "-",
            f.description,
        )
        for f in registry.formats()
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:5], widths, strict=True)]
        sys.stdout.write("  ".join([*cells, row[5]]).rstrip() + "\n")
    sys.stdout.flush()
    return EXIT_OK
