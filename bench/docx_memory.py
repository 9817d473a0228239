"""Peak memory of the real CLI reading a Word file whose ``word/document.xml`` is huge.

A .docx is a zip file: a few hundred kB on disk can unpack to hundreds of megabytes of XML.
This builds such files with `zipfile` (a real package rendered by the library, its body
replaced) and runs ``fazhi-report convert big.docx out.json`` on each in a fresh process under
``ulimit -v 6000000`` (so a runaway case fails instead of taking the machine down), printing
the process's peak resident memory (``ru_maxrss``), its wall time, its exit status and the
first line of what it said on error. Cases (``document.xml`` of about ``MB`` megabytes each):

============  ===========================================================================
``report``    the body of a rendered report (headings, runs with fonts), repeated
``prose``     short plain paragraphs, ``<w:p><w:r><w:t>…</w:t></w:r></w:p>``
``headings``  one-line headings ``一、举措``, a paragraph each (a section per paragraph)
``empty``     empty paragraphs ``<w:p/>``, the most paragraphs per byte
``one-para``  one paragraph of many runs: a single line of text
``points``    paragraphs of 99 points each (``一是甲。二是乙。…九十九是乙。``): a node a point
``cells``     table rows of 200 short cells each
``dense``     one paragraph of empty runs ``<w:r/>``: the most elements per byte, the
              largest tree a part of this size can make (it is read whole: one paragraph)
============  ===========================================================================

Run by hand from the repository root (a few minutes)::

    python bench/docx_memory.py            # document.xml of 200 MB (the size issue 16 names)
    python bench/docx_memory.py 30 prose   # one case, 30 MB
    python bench/docx_memory.py --limit    # each case at the reader's own limits

Target (issue 16): a file whose parts are within the reader's limits needs at most ~1 GB
(`fazhi_report._ooxml.MAX_XML_PART`, `fazhi_report.parsers.docx.MAX_PARAGRAPHS`); a larger one
is refused with a `fazhi_report.DecodeError` that says which limit, quickly and cheaply.
``PYTHONPATH=/path/to/other/checkout/src python bench/docx_memory.py`` measures another
version of the library with the same files.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ULIMIT_KB = 6_000_000
TARGET_MB = 1000

CASES = ("report", "prose", "headings", "empty", "points", "cells", "one-para", "dense")
_ONE_PARAGRAPH = ("one-para", "dense")


def _template() -> tuple[bytes, str, str, str]:
    """A rendered sample report: its package, and its document.xml cut around the body."""
    import fazhi_report as fr

    report = fr.load(REPO / "examples" / "sample_report.txt")
    data = fr.render(report, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        document = package.read("word/document.xml").decode("utf-8")
    start = document.index("<w:body>") + len("<w:body>")
    end = document.index("<w:sectPr>")
    return data, document[:start], document[start:end], document[end:]


def _unit(case: str, body: str) -> str:
    if case == "report":
        return body
    if case == "prose":
        return "<w:p><w:r><w:t>坚持依法行政，推进法治政府建设。</w:t></w:r></w:p>"
    if case == "headings":
        return "<w:p><w:r><w:t>一、举措</w:t></w:r></w:p>"
    if case == "empty":
        return "<w:p/>"
    if case == "dense":
        return "<w:r/>"
    if case == "points":
        from fazhi_report.numbering import int_to_chinese

        text = "".join(f"{int_to_chinese(n)}是推进。" for n in range(1, 100))
        return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    if case == "cells":
        cell = "<w:tc><w:p><w:r><w:t>12件</w:t></w:r></w:p></w:tc>"
        return f"<w:tbl><w:tr>{cell * 200}</w:tr></w:tbl><w:p/>"
    return "<w:r><w:t>坚持依法行政，推进法治政府建设。</w:t></w:r>"


def build(case: str, megabytes: float, path: Path) -> tuple[int, int]:
    """Write the case's .docx to ``path``; its size on disk and its document.xml's size."""
    data, head, body, tail = _template()
    unit = _unit(case, body).encode("utf-8")
    count = max(int(megabytes * 1_000_000) // len(unit), 1)
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out,
    ):
        for info in source.infolist():
            if info.filename != "word/document.xml":
                out.writestr(info, source.read(info))
        size = 0
        with out.open("word/document.xml", "w", force_zip64=True) as part:
            opening = head.encode() + (b"<w:p>" if case in _ONE_PARAGRAPH else b"")
            part.write(opening)
            size += len(opening)
            chunk = unit * max(1, 1_000_000 // len(unit))
            per_chunk = len(chunk) // len(unit)
            left = count
            while left > 0:
                piece = chunk if left >= per_chunk else unit * left
                part.write(piece)
                size += len(piece)
                left -= per_chunk
            closing = (b"</w:p>" if case in _ONE_PARAGRAPH else b"") + tail.encode()
            part.write(closing)
            size += len(closing)
    return path.stat().st_size, size


def measure(docx: Path, out: Path) -> tuple[float, float, int, str]:
    """Run the CLI on ``docx``: peak RSS in MB, seconds, exit status, first line of stderr."""
    command = f"ulimit -v {ULIMIT_KB} && exec {shutil.which('fazhi-report')} convert --force"
    command += f" '{docx}' '{out}'"
    start = time.perf_counter()
    process = subprocess.Popen(
        ["bash", "-c", command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert process.stderr is not None
    err = process.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    said = next((line for line in reversed(err.splitlines()) if line.strip()), "")
    return usage.ru_maxrss / 1024, seconds, process.returncode, said[:110]


def main() -> None:
    """Build each case and measure it; print one line per case."""
    args = sys.argv[1:]
    at_limit = "--limit" in args
    args = [a for a in args if a != "--limit"]
    sizes = [a for a in args if a.replace(".", "", 1).isdigit()]
    megabytes = float(sizes[0]) if sizes else 200.0
    unknown = [a for a in args if a not in sizes and a not in CASES]
    if unknown:
        sys.exit(f"no case {unknown[0]!r}: the cases are {', '.join(CASES)}")
    cases = [a for a in args if a in CASES] or list(CASES)
    if shutil.which("fazhi-report") is None:
        sys.exit("fazhi-report is not on PATH: pip install -e . first")
    # the installed library, the one the CLI runs (PYTHONPATH=<other checkout>/src compares)
    from fazhi_report import _ooxml
    from fazhi_report.parsers import docx

    limit = getattr(_ooxml, "MAX_XML_PART", None)
    paragraphs = getattr(docx, "MAX_PARAGRAPHS", None)
    print(
        f"ulimit -v {ULIMIT_KB} kB; target {TARGET_MB} MB; reader limits: document part "
        f"{limit if limit is None else f'{limit:,} B'}, paragraphs "
        f"{paragraphs if paragraphs is None else f'{paragraphs:,}'}"
    )
    with tempfile.TemporaryDirectory(prefix="docx_memory_") as tmp:
        for case in cases:
            size = megabytes
            if at_limit and limit is not None:
                unit = len(_unit(case, _template()[2]).encode())
                size = limit / 1e6 * 0.999
                if paragraphs is not None and case in ("prose", "headings", "empty", "points"):
                    size = min(size, paragraphs * 0.999 * unit / 1e6)
            path = Path(tmp) / f"{case}.docx"
            on_disk, unpacked = build(case, size, path)
            rss, seconds, status, said = measure(path, Path(tmp) / "out.json")
            verdict = "ok" if rss <= TARGET_MB else "OVER"
            said = re.sub(r"^.*?/docx_memory_[^/]*/", "", said)
            print(
                f"{case:9} {on_disk / 1e3:9,.0f} kB on disk, document.xml {unpacked / 1e6:7.1f} MB:"
                f" peak {rss:7,.0f} MB {verdict:4} {seconds:6.1f} s exit {status}"
                + (f"  {said}" if status else ""),
                flush=True,
            )
            path.unlink()


if __name__ == "__main__":
    main()
