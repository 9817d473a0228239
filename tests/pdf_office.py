"""Word files to PDF with LibreOffice, as a bureau exports its report (for fixtures and tests)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

__all__ = ["NO_SOFFICE", "docx_to_pdf", "soffice"]

NO_SOFFICE = "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer"


def soffice() -> str | None:
    """The LibreOffice program, or ``None`` when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(data: bytes, name: str = "report") -> bytes:
    """The PDF LibreOffice exports from a Word file's bytes.

    Each call runs in a profile of its own, so that parallel runs (and other users of
    LibreOffice on the machine) never share one.
    """
    program = soffice()
    if program is None:
        raise RuntimeError(NO_SOFFICE)
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        source = folder / f"{name}.docx"
        source.write_bytes(data)
        subprocess.run(
            [
                program,
                f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        return (folder / f"{name}.pdf").read_bytes()
