"""Ctrl-C in the middle of a run of ``fazhi-report convert``, for the tests that look at what
it leaves behind and what it says."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import fazhi_report as fr


def interrupted_convert(tmp_path: Path, sample: bytes) -> tuple[int, bytes, bytes, Path]:
    """Convert 400 copies of ``sample`` to Word with two jobs, and press Ctrl-C once the first
    is done: the exit status, the first file's "done" line, what standard error said after
    it, and the output folder."""
    source = tmp_path / "many"
    source.mkdir()
    for index in range(400):
        (source / f"{index:03}.txt").write_bytes(sample)
    out = tmp_path / "out"
    src = str(Path(fr.__file__).resolve().parents[1])
    command = [sys.executable, "-m", "fazhi_report.cli", "convert", str(source)]
    process = subprocess.Popen(
        [*command, "--out-dir", str(out), "--to", "docx", "--jobs", "2"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": src, "COLUMNS": "100"},
        # a shell that starts the tests in the background ignores Ctrl-C, and a child
        # inherits that: the command must see Ctrl-C as a terminal sends it
        preexec_fn=_default_sigint,
    )
    assert process.stderr is not None
    first = process.stderr.readline()  # the first file done: the run is under way
    while first.startswith(b"fazhi-report: note:"):  # a note before the work (missing fonts)
        first = process.stderr.readline()
    assert first.startswith(b"done ")
    process.send_signal(signal.SIGINT)
    rest = process.stderr.read()
    return process.wait(timeout=120), first, rest, out


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
