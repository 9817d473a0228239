"""Benchmark ``fazhi_report.parse`` against two reference points, in one run.

What is measured
----------------
For each corpus the script times three operations over the same texts:

* ``parse``: ``fazhi_report.parse(text)`` for every text of the corpus;
* ``regex``: the baseline, one pass of a single compiled regular expression
  (the level-1 / level-2 heading markers) over every line of every text, i.e.
  ``for line in text.splitlines(): rx.match(line)``;
* ``markdown-it``: ``MarkdownIt("commonmark").parse(md)`` on the same content
  written as Markdown (title as ``#``, ``一、`` headings as ``##``, ``（一）``
  headings as ``###``, every other non-empty line as its own paragraph). The
  Markdown is produced once, outside the timed region.

Each figure is the median of several repeats timed with ``time.perf_counter``.
Small corpora are looped inside a repeat so that one repeat lasts long enough to
time reliably, and the operations being compared are timed round-robin.
``gc.collect()`` runs before each repeat and the garbage collector is disabled
while it runs. Each operation is called once untimed first (warm-up, lazy
imports). Ratios compare medians taken in this one run, so they are comparable;
absolute times depend on the machine.

Corpora
-------
(a) the real reports in ``../shared/corpus/seeds/*.txt`` next to the repository
    (skipped with a note if that folder does not exist);
(b) the project's example reports, ``examples/*.txt``;
(c) one ~1 MB document: the available texts repeated, joined with ``"\\n"``,
    until it holds 1,000,000 characters, parsed as ONE document;
(d) linearity: the same concatenation at ~250 kB, ~500 kB and ~1 MB; the time
    per MB at each size and the ratio largest/smallest (about 1 means linear);
(e) the house-style reader: every text of (a) and (b), parsed and rendered in the
    official style twice, once with the shipped templates and once with the house
    style of ``examples/house_style/`` (rendered outside the timed region). It
    times ``fazhi_report.parse(house, templates=...)`` (the reader compiled once
    and cached, as in use) against the default reader on the official texts,
    ``fazhi_report.parse(official)``: the same reports, so the ratio is the cost of
    reading the house form.

"MB" and "kB" count characters (10**6 and 10**3), not UTF-8 bytes.

How to run
----------
From the repository root, with the ``bench`` extra installed
(``pip install -e ".[bench]"``)::

    python bench/parse.py

It takes well under a minute. It is not part of the test suite.
"""

from __future__ import annotations

import gc
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import fazhi_report as fr

try:
    from markdown_it import MarkdownIt
except ImportError:  # pragma: no cover - depends on the environment
    sys.exit('markdown-it-py is missing; install the bench extra: pip install -e ".[bench]"')

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
EXAMPLES = REPO / "examples"

BIG_SIZE = 1_000_000
LINEARITY_SIZES = (250_000, 500_000, 1_000_000)

REPEATS_SMALL = 9  # repeats for the per-report corpora
REPEATS_BIG = 9  # repeats for the ~1 MB documents
MIN_BATCH_SECONDS = 0.1  # loop small corpora until one repeat lasts at least this long

TARGET_REGEX = 20.0  # parse must be within 20x of the regex pass
TARGET_MARKDOWN = 1.0  # parse must be faster than markdown-it-py
TARGET_LINEAR = 1.25  # time per MB at 1 MB over time per MB at 250 kB
TARGET_HOUSE = 1.5  # house-style reader over the default reader, on the same reports

HOUSE = EXAMPLES / "house_style"

BASELINE_RX = re.compile(r"^\s*(?:([一二三四五六七八九十]+)、|[（(]([一二三四五六七八九十]+)[）)])")
MD_H2 = re.compile(r"^[一二三四五六七八九十]+、")
MD_H3 = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")

MARKDOWN = MarkdownIt("commonmark")


# --------------------------------------------------------------------------- inputs


def read_texts(folder: Path) -> list[tuple[str, str]]:
    """``(name, text)`` for each ``*.txt`` in ``folder``: UTF-8, line ends kept."""
    return [(p.name, p.read_bytes().decode("utf-8")) for p in sorted(folder.glob("*.txt"))]


def to_markdown(text: str) -> str:
    """Write a plain-text report as Markdown (deterministic, line by line).

    The first non-empty line becomes ``# title``; lines starting with ``一、`` etc.
    become ``##``; lines starting with ``（一）``/``(一)`` become ``###``; every other
    non-empty line becomes its own paragraph. Lines are stripped first, so indented
    web text does not turn into Markdown code blocks.
    """
    blocks: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if not blocks:
            blocks.append(f"# {line}")
        elif MD_H2.match(line):
            blocks.append(f"## {line}")
        elif MD_H3.match(line):
            blocks.append(f"### {line}")
        else:
            blocks.append(line)
    return "\n\n".join(blocks) + "\n"


def concatenate(texts: Sequence[str], size: int) -> str:
    """Repeat ``texts``, joined with ``"\\n"``, cut to exactly ``size`` characters."""
    parts: list[str] = []
    total = 0
    while total < size:
        for text in texts:
            parts.append(text)
            total += len(text) + 1
            if total >= size:
                break
    return "\n".join(parts)[:size]


# --------------------------------------------------------------------------- timing


def run_parse(texts: Sequence[str]) -> None:
    for text in texts:
        fr.parse(text)


def run_regex(texts: Sequence[str]) -> None:
    rx = BASELINE_RX
    for text in texts:
        for line in text.splitlines():
            rx.match(line)


def run_markdown(docs: Sequence[str]) -> None:
    md = MARKDOWN
    for doc in docs:
        md.parse(doc)


def time_batch(func: Callable[[Sequence[str]], None], data: Sequence[str], number: int) -> float:
    """Seconds for ``number`` calls of ``func(data)``, with the collector off."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        for _ in range(number):
            func(data)
        return time.perf_counter() - start
    finally:
        gc.enable()


Case = tuple[Callable[[Sequence[str]], None], Sequence[str]]


def median_times(cases: Sequence[Case], repeats: int, *, loop: bool) -> list[float]:
    """Median seconds for one call of ``func(data)``, for each ``(func, data)`` case.

    The cases are timed round-robin (case 1, case 2, ..., then again) so that slow
    drift in the machine state affects all of them alike. With ``loop``, each
    repeat calls ``func`` as often as needed to last at least ``MIN_BATCH_SECONDS``
    (the count is fixed once per case, from an untimed warm-up call).
    """
    numbers: list[int] = []
    for func, data in cases:
        first = time_batch(func, data, 1)  # warm-up (lazy imports, caches) and calibration
        number = 1
        if loop and first > 0:
            number = max(1, int(MIN_BATCH_SECONDS / first) + 1)
        numbers.append(number)
    samples: list[list[float]] = [[] for _ in cases]
    for _ in range(repeats):
        for (func, data), number, out in zip(cases, numbers, samples, strict=True):
            out.append(time_batch(func, data, number) / number)
    return [statistics.median(out) for out in samples]


@dataclass
class Result:
    name: str
    parse: float  # seconds for the whole corpus, one pass
    regex: float
    markdown: float

    @property
    def vs_regex(self) -> float:
        return self.parse / self.regex

    @property
    def vs_markdown(self) -> float:
        return self.parse / self.markdown


def measure(name: str, texts: Sequence[str], repeats: int, *, loop: bool) -> Result:
    docs = [to_markdown(t) for t in texts]  # outside the timed region
    parse, regex, markdown = median_times(
        [(run_parse, texts), (run_regex, texts), (run_markdown, docs)], repeats, loop=loop
    )
    return Result(name=name, parse=parse, regex=regex, markdown=markdown)


def measure_house(texts: Sequence[str]) -> float:
    """Time the house-style reader against the default one on the same reports; the ratio."""
    reports = [fr.parse(t) for t in texts]
    official = [fr.render(r, "text", style="official") for r in reports]
    house = [fr.render(r, "text", style="official", templates=HOUSE) for r in reports]
    if [fr.parse(t, templates=HOUSE) for t in house] != reports:
        sys.exit("the house-style texts do not read back: nothing fair to time")

    def run_house(docs: Sequence[str]) -> None:
        for doc in docs:
            fr.parse(doc, templates=HOUSE)

    print(f"(e) house-style reader ({HOUSE.name}) - {describe(house)}")
    default, reader = median_times(
        [(run_parse, official), (run_house, house)], REPEATS_SMALL, loop=True
    )
    per = 1 / len(texts)
    print(f"  default reader, official text  {ms(default * per)} per report")
    print(f"  house reader, house text       {ms(reader * per)} per report")
    ratio = reader / default
    print(f"  house / default = {ratio:7.2f}x")
    return ratio


# --------------------------------------------------------------------------- output


def ms(seconds: float) -> str:
    return f"{seconds * 1000:9.3f} ms"


def describe(texts: Sequence[str]) -> str:
    chars = sum(len(t) for t in texts)
    lines = sum(len(t.splitlines()) for t in texts)
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    return f"{len(texts)} text(s), {chars:,} chars, {nbytes:,} UTF-8 bytes, {lines:,} lines"


def report(result: Result, count: int) -> None:
    per = 1 / count
    label = "per report" if count > 1 else "per document"
    print(f"  parse        {ms(result.parse * per)} {label}")
    print(f"  regex        {ms(result.regex * per)} {label}")
    print(f"  markdown-it  {ms(result.markdown * per)} {label}")
    print(f"  parse / regex       = {result.vs_regex:7.2f}x")
    print(f"  parse / markdown-it = {result.vs_markdown:7.2f}x")


def size_label(chars: int) -> str:
    return f"{chars / 1_000_000:g}MB" if chars >= 1_000_000 else f"{chars / 1000:g}kB"


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> None:
    print("fazhi_report parse benchmark")
    print(
        f"Python {platform.python_version()} ({platform.python_implementation()}) on "
        f"{platform.platform()}; fazhi_report {metadata.version('fazhi-report')}, "
        f"markdown-it-py {metadata.version('markdown-it-py')}"
    )
    repeats = (
        f"{REPEATS_SMALL} repeats"
        if REPEATS_SMALL == REPEATS_BIG
        else f"{REPEATS_SMALL} repeats (per report) / {REPEATS_BIG} repeats (~1 MB documents)"
    )
    print(f"median of {repeats}; time.perf_counter; gc disabled while timing")

    results: list[Result] = []
    available: list[str] = []

    print()
    if SEEDS.is_dir() and (seeds := read_texts(SEEDS)):
        texts = [t for _, t in seeds]
        available += texts
        print(f"(a) seeds: {SEEDS} - {describe(texts)}")
        result = measure("seeds", texts, REPEATS_SMALL, loop=True)
        report(result, len(texts))
        results.append(result)
    else:
        print(f"(a) seeds: {SEEDS} not found or empty - skipped")

    print()
    examples = read_texts(EXAMPLES)
    if examples:
        texts = [t for _, t in examples]
        available += texts
        names = ", ".join(n for n, _ in examples)
        print(f"(b) examples: {names} - {describe(texts)}")
        result = measure("examples", texts, REPEATS_SMALL, loop=True)
        report(result, len(texts))
        results.append(result)
    else:
        print(f"(b) examples: no *.txt in {EXAMPLES} - skipped")

    if not available:
        sys.exit("no input texts found; nothing to measure")

    print()
    big = concatenate(available, BIG_SIZE)
    print(f"(c) concatenation, parsed as one document - {describe([big])}")
    result = measure("1 MB concatenation", [big], REPEATS_BIG, loop=False)
    report(result, 1)
    results.append(result)

    print()
    print("(d) linearity: the same concatenation at several sizes (parse only)")
    docs = [concatenate(available, size) for size in LINEARITY_SIZES]
    timings = median_times([(run_parse, [doc]) for doc in docs], REPEATS_BIG, loop=False)
    per_mb: list[tuple[int, float]] = []
    for doc, seconds in zip(docs, timings, strict=True):
        rate = seconds * 1_000_000 / len(doc)
        per_mb.append((len(doc), rate))
        print(f"  {len(doc):>9,} chars  parse {ms(seconds)}  -> {ms(rate)} per MB")
    linearity = per_mb[-1][1] / per_mb[0][1]
    print(f"  time per MB, largest / smallest = {linearity:.2f}")

    print()
    house_ratio = measure_house(available)

    worst_regex = max(results, key=lambda r: r.vs_regex)
    worst_md = max(results, key=lambda r: r.vs_markdown)
    big_label, small_label = size_label(per_mb[-1][0]), size_label(per_mb[0][0])
    print()
    print("Summary (worst corpus for each ratio; one run, same machine state)")
    for r in results:
        print(
            f"  {r.name:<20} parse / regex = {r.vs_regex:6.2f}x   "
            f"parse / markdown-it = {r.vs_markdown:5.2f}x"
        )
    print(
        f"  parse / regex       = {worst_regex.vs_regex:6.2f}x (target < {TARGET_REGEX:g}x)  "
        f"{verdict(worst_regex.vs_regex < TARGET_REGEX)}  [{worst_regex.name}]"
    )
    print(
        f"  parse / markdown-it = {worst_md.vs_markdown:6.2f}x (target < {TARGET_MARKDOWN:g})    "
        f"{verdict(worst_md.vs_markdown < TARGET_MARKDOWN)}  [{worst_md.name}]"
    )
    print(
        f"  linearity (time per MB, {big_label} vs {small_label}) = {linearity:.2f} "
        f"(target ~1, < {TARGET_LINEAR:g})  {verdict(linearity < TARGET_LINEAR)}"
    )
    print(
        f"  house reader / default reader = {house_ratio:.2f}x (target < {TARGET_HOUSE:g}x)  "
        f"{verdict(house_ratio < TARGET_HOUSE)}"
    )


if __name__ == "__main__":
    main()
