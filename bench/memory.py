"""Peak memory (RSS) of the real ``fazhi-report`` CLI on large degenerate inputs.

Every case is a file written once under a temporary folder; every command then runs on it as a
fresh ``fazhi-report`` process (``python -m fazhi_report``), and the peak resident set of that
process (``ru_maxrss`` from ``os.wait4``, its own and its children's) is printed against the
target line. The commands:

    convert to text (lossless), text (official), json, markdown, html, docx;
    check, summary, inspect, figures, references.

The text cases (about ``MB`` megabytes of UTF-8 each, 10 by default):

    blank       blank lines only ("\\n" repeated)
    headings    one-line headings 一、举措 … 九十九、举措, repeated
    short       the shortest numbered lines, "1.a", four bytes a line
    no-break    prose with no line break at all
    paragraph   one paragraph of 1 MB (whatever MB says) with points, figures and citations
    reports     the seed reports (../shared/corpus/seeds) concatenated, when present

and one DOCX case, ``docx-large-part`` (see `make_docx_large_part`): a small .docx whose
``word/document.xml`` is large; its target line is 1 GB. Every child runs under an address-space
limit (``--limit``, 6 GB by default), so a case that would blow up stops with a MemoryError
(shown as "over") instead of taking the machine down. Run by hand; start small::

    python bench/memory.py --mb 1                   # every case, every command, 1 MB
    python bench/memory.py                          # 10 MB: the figures the targets name
    python bench/memory.py --cases short --commands check,summary --mb 0.1
    python bench/memory.py --traced --mb 1          # tracemalloc peak of fr.parse alone

Targets: every command under 500 MB peak RSS for every 10 MB text case; the DOCX case under 1 GB.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable

HERE = pathlib.Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "shared" / "corpus" / "seeds"  # beside the repository

TEXT_TARGET_MB = 500
DOCX_TARGET_MB = 1000

# name -> the CLI arguments after the program, with {src} and {out} to fill in.
COMMANDS: dict[str, list[str]] = {
    "text": ["convert", "{src}", "{out}.txt", "--force"],
    "official": ["convert", "{src}", "{out}.txt", "--style", "official", "--force"],
    "json": ["convert", "{src}", "{out}.json", "--force"],
    "markdown": ["convert", "{src}", "{out}.md", "--force"],
    "html": ["convert", "{src}", "{out}.html", "--force"],
    "docx": ["convert", "{src}", "{out}.docx", "--force"],
    "check": ["check", "{src}", "-o", "{out}.check", "-j", "1"],
    "summary": ["summary", "{src}", "-o", "{out}.csv", "-j", "1"],
    "inspect": ["inspect", "{src}"],
    "figures": ["figures", "{src}", "-o", "{out}.figures", "-j", "1"],
    "references": ["references", "{src}", "-o", "{out}.refs", "-j", "1"],
}


def _cut(text: str, size: int) -> str:
    """``text`` cut to at most ``size`` UTF-8 bytes, on a character boundary."""
    return text.encode()[:size].decode("utf-8", "ignore")


def _repeat(unit: str, size: int) -> str:
    return _cut(unit * (size // len(unit.encode()) + 1), size)


def make_blank(size: int) -> str:
    """Blank lines only."""
    return "\n" * size


def make_headings(size: int) -> str:
    """One-line level-1 headings 一、举措 … 九十九、举措, over and over."""
    from fazhi_report.numbering import int_to_chinese

    return _repeat("".join(f"{int_to_chinese(n)}、举措\n" for n in range(1, 100)), size)


def make_short(size: int) -> str:
    """The shortest numbered lines: ``1.a``, four bytes a line."""
    return _repeat("1.a\n", size)


def make_short_at_limit(size: int) -> str:
    """The most ``1.a`` lines a text may hold (`MAX_LINES`): the most nodes any input makes."""
    from fazhi_report.parsers.lines import MAX_LINES

    return "1.a\n" * MAX_LINES


def make_headings_at_limit(size: int) -> str:
    """The most one-line headings a text may hold (`MAX_LINES`)."""
    from fazhi_report.parsers.lines import MAX_LINES

    unit = make_headings(2_000).splitlines(keepends=True)[:99]
    return "".join((unit * (MAX_LINES // 99 + 1))[:MAX_LINES])


def make_no_break(size: int) -> str:
    """Plain prose with no line break at all."""
    return _repeat("坚持依法行政，推进法治政府建设。", size)


def make_paragraph(size: int) -> str:
    """One paragraph (one line) of ``size`` bytes, dense with what the analyses look for.

    Point markers, figures with units and changes, citations and dates, so that ``figures``,
    ``references`` and ``check`` find something in every sentence.
    """
    unit = (
        "一是完善制度，制定《某某条例》等12件，同比增长15.5%。"
        "二是加强执法，办理案件3000余件，较上年下降2个百分点。"
        "三是2024年3月1日起施行《某某办法》，培训1.2万人次。"
    )
    return "一、主要举措\n" + _repeat(unit, size)


def make_reports(size: int, seeds: pathlib.Path = SEEDS) -> str:
    """The seed reports joined, repeated up to ``size`` bytes (empty if absent)."""
    parts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    return _repeat("\n".join(parts), size) if parts else ""


def make_docx_large_part(size: int) -> bytes:
    """A small .docx whose ``word/document.xml`` holds ``size`` bytes of paragraphs, deflated.

    The case the DOCX reader's limits are about (issue 16, item 4): the file is a few hundred
    KB, its body part some hundreds of MB once inflated. ``size`` here is the part's size.
    """
    import io

    head = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body>"
    )
    tail = "</w:body></w:document>"
    para = "<w:p><w:r><w:t>坚持依法行政，推进法治政府建设。</w:t></w:r></w:p>"
    count = max(1, (size - len(head) - len(tail)) // len(para.encode()))
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", rels)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(head.encode())
            chunk = (para * 10_000).encode()
            written = 0
            while written + 10_000 <= count:
                part.write(chunk)
                written += 10_000
            part.write((para * (count - written)).encode())
            part.write(tail.encode())
    return buffer.getvalue()


# name -> (maker, file suffix, target MB, size in MB regardless of --mb or None)
CASES: dict[str, tuple[Callable[[int], str | bytes], str, int, float | None]] = {
    "blank": (make_blank, ".txt", TEXT_TARGET_MB, None),
    "headings": (make_headings, ".txt", TEXT_TARGET_MB, None),
    "short": (make_short, ".txt", TEXT_TARGET_MB, None),
    "short-at-limit": (make_short_at_limit, ".txt", TEXT_TARGET_MB, None),
    "headings-at-limit": (make_headings_at_limit, ".txt", TEXT_TARGET_MB, None),
    "no-break": (make_no_break, ".txt", TEXT_TARGET_MB, None),
    "paragraph": (make_paragraph, ".txt", TEXT_TARGET_MB, 1.0),
    "reports": (make_reports, ".txt", TEXT_TARGET_MB, None),
    "docx-large-part": (make_docx_large_part, ".docx", DOCX_TARGET_MB, 200.0),
}


def _limit(limit_bytes: int) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))

    return apply


def run_cli(args: list[str], limit_bytes: int, timeout: float) -> tuple[float, float, str]:
    """Run ``fazhi-report ARGS`` in a fresh process: (peak RSS in MB, seconds, what went wrong).

    The exit status is not the verdict: ``check`` exits 1 when it finds errors and an empty
    input is refused with 1; what matters here is whether the process ran out of memory
    ("over") or of time ("timeout"); otherwise the third value is "".
    """
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            [sys.executable, "-m", "fazhi_report", *args],
            stdout=subprocess.DEVNULL,
            stderr=errors,
            preexec_fn=_limit(limit_bytes),
        )
        timed_out = False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if not timed_out and time.perf_counter() - start > timeout:
                process.kill()
                timed_out = True
            time.sleep(0.05)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        errors.seek(0)
        said = errors.read()
    if timed_out:
        return usage.ru_maxrss / 1024, seconds, "timeout"  # the peak until it was stopped
    if process.returncode < 0 or b"MemoryError" in said or b"Cannot allocate memory" in said:
        return usage.ru_maxrss / 1024, seconds, "over"
    return usage.ru_maxrss / 1024, seconds, ""


_TRACED = r"""
import gc, sys, time, tracemalloc
import fazhi_report as fr
text = open(sys.argv[1], encoding="utf-8").read()
fr.parse("一、热身\n")
gc.collect()
tracemalloc.start()
t0 = time.perf_counter()
report = fr.parse(text)
_, peak = tracemalloc.get_traced_memory()
print(f"{peak / 1e6:.1f} {time.perf_counter() - t0:.2f}")
"""


def main() -> None:
    """Write every case once, run every command on it, print one row per case."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="size of the text cases")
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated case names")
    parser.add_argument("--commands", default=",".join(COMMANDS), help="comma-separated commands")
    parser.add_argument("--limit", type=float, default=6.0, help="address-space limit, GB")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per command")
    parser.add_argument("--seeds", type=pathlib.Path, default=SEEDS, help="the seed reports")
    parser.add_argument(
        "--traced", action="store_true", help="tracemalloc peak of fr.parse instead of the CLI"
    )
    options = parser.parse_args()
    cases = [c for c in options.cases.split(",") if c]
    commands = [c for c in options.commands.split(",") if c]
    limit = int(options.limit * 1e9)
    with tempfile.TemporaryDirectory(prefix="fazhi-memory-") as folder:
        if options.traced:
            commands = ["parse (traced)"]
        print(f"{'case':16} {'MB':>6}  " + "  ".join(f"{c:>14}" for c in commands))
        for case in cases:
            maker, suffix, target, fixed = CASES[case]
            size = int((fixed if fixed is not None else options.mb) * 1_000_000)
            if case == "paragraph":
                size = min(size, int(options.mb * 1_000_000))
            data = make_reports(size, options.seeds) if case == "reports" else maker(size)
            if not data:
                print(f"{case:16} skipped (no input)")
                continue
            src = pathlib.Path(folder, case + suffix)
            if isinstance(data, bytes):
                src.write_bytes(data)
            else:
                src.write_text(data, encoding="utf-8", newline="")
            cells = []
            for command in commands:
                if options.traced:
                    if suffix != ".txt":
                        cells.append(f"{'-':>14}")
                        continue
                    done = subprocess.run(
                        [sys.executable, "-c", _TRACED, str(src)],
                        capture_output=True,
                        text=True,
                        preexec_fn=_limit(limit),
                        check=False,
                    )
                    cells.append(f"{done.stdout.split(' ')[0] or 'over':>14}")
                    continue
                out = str(pathlib.Path(folder, f"{case}-{command}"))
                args = [a.format(src=src, out=out) for a in COMMANDS[command]]
                peak, seconds, wrong = run_cli(args, limit, options.timeout)
                mark = "*" if peak > target else " "
                if wrong == "timeout":  # the peak so far: at least that much
                    shown = f">{peak:6.0f}{mark}"
                else:
                    shown = f"{peak:7.0f}{mark}" if not wrong else f"{wrong:>8}"
                cells.append(f"{shown} {seconds:5.1f}s")
            print(f"{case:16} {src.stat().st_size / 1e6:6.1f}  " + "  ".join(cells), flush=True)
        if not options.traced:
            print(
                f"peak RSS in MB and seconds per command; * above the target "
                f"({TEXT_TARGET_MB} MB for text, {DOCX_TARGET_MB} MB for the DOCX case)"
            )


if __name__ == "__main__":
    main()
