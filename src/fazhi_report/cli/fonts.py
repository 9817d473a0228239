"""``fazhi-report fonts``: which faces of the Word file's font set this machine has
(`fazhi_report.check_fonts`)."""

from __future__ import annotations

import sys
import unicodedata

import click

from fazhi_report.api import check_fonts
from fazhi_report.cli.base import EXIT_FAILED, EXIT_OK, command

__all__ = ["fonts"]


def _pad(text: str, width: int) -> str:
    # a Chinese character takes two columns of a terminal
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(width - shown, 0)


@command(
    "fonts",
    describe="""List the faces a Word file is set in, role by role (title, body, heading1-4,
page_number, latin): whether this machine has each (yes, no, or ? where fontconfig cannot
tell) and, for a missing one, what stands in for it here. --set open lists the faces of
fonts="open", which Linux distributions ship. Exits 1 when a face is missing.""",
    epilog="""Example:
  fazhi-report fonts
  fazhi-report fonts --set open

Output (a Linux machine without the official faces, shortened):
  title        方正小标宋简体   no   → Noto Sans CJK SC
  body         仿宋_GB2312      no   → Noto Sans CJK SC
  latin        Times New Roman  no   → Liberation Serif""",
)
@click.option(
    "--set",
    "font_set",
    type=click.Choice(["official", "open"]),
    default="official",
    show_default=True,
    help="The font set to check.",
)
def fonts(font_set: str, quiet: bool, verbose: bool) -> int:
    """Run ``fazhi-report fonts``: one line a role."""
    found = check_fonts(font_set)
    width = max(len(_pad(c.face, 0)) + sum(ord(ch) > 0x2E80 for ch in c.face) for c in found)
    missing = False
    for c in found:
        state = "?" if c.installed is None else "yes" if c.installed else "no"
        missing = missing or c.installed is False
        if quiet and c.installed is not False:
            continue
        fallback = f"→ {c.fallback}" if c.fallback else ""
        line = f"{c.role:<12} {_pad(c.face, width)}  {state:<3}  {fallback}"
        sys.stdout.write(line.rstrip() + "\n")
    sys.stdout.flush()
    return EXIT_FAILED if missing else EXIT_OK
