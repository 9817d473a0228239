"""Word files to PDF with LibreOffice, as a bureau exports its report (for fixtures and tests)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

__all__ = ["NO_SOFFICE", "docx_to_pdf", "office_convert", "soffice"]

NO_SOFFICE = "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer"


def soffice() -> str | None:
    """The LibreOffice program, or ``None`` when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def office_convert(
    files: list[Path], to: str, out: Path, profile: Path, *, timeout: float = 300
) -> None:
    """Convert ``files`` with LibreOffice to the filter ``to`` (``"pdf"``, ``"docx:MS Word 2007
    XML"``) into ``out``, in one run, in the profile ``profile`` of our own (so that another
    LibreOffice running on the machine does not hold its lock).
    """
    program = soffice()
    if program is None:
        raise RuntimeError(NO_SOFFICE)
    subprocess.run(
        [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(out),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=timeout,
    )


def docx_to_pdf(data: bytes, name: str = "report") -> bytes:
    """The PDF LibreOffice exports from a Word file's bytes.

    Each call runs in a profile of its own, so that parallel runs (and other users of
    LibreOffice on the machine) never share one.
    """
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        source = folder / f"{name}.docx"
        source.write_bytes(data)
        office_convert([source], "pdf", folder, folder / "profile")
        return (folder / f"{name}.pdf").read_bytes()
