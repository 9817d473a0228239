"""Batch parsing at scale: reports per second with 1 and 2 worker processes, and peak memory
as the corpus grows from 1,000 to 10,000 reports.

The corpus is synthetic, made from the project's own sample reports (``examples/*.txt``) with
variations: the organ's place name, the year, a level-1 section dropped now and then, points
dropped, half-width brackets, CRLF line ends, GB18030 bytes. It is written once to a
temporary folder (or ``--corpus DIR``), then every measurement runs in a fresh Python process,
so that each one's peak memory is its own::

    python bench/batch.py                 # 10,000 reports, jobs 1 and 2
    python bench/batch.py --count 2000    # a quicker run

Measured, each with ``fr.parse_many(paths, jobs=J)``:

- ``rows``: each worker parses and makes the report's row (``apply=report_row``), as
  ``fazhi-report summary`` does; only the small row travels back to the parent.
- ``reports``: the whole ``Report`` travels back (pickled), for comparison: a report costs
  about as much to pickle and unpickle as to parse, so this mode scales less.

- ``ceiling``: the same pool running pure arithmetic of about the same cost per item (no
  files, nothing to pickle): the speed-up the machine allows at that moment. On a machine
  other work is using, the ``rows`` speed-up is read against it.

- ``pickle``: in this process, over the first reports of the corpus: the pickled size of a
  ``Report`` against its UTF-8 source, and pickling plus unpickling one against parsing it, for
  the library's encoding (`fazhi_report.model.wire`), for attrs' default pickle, and for the
  other design the issue named (send the lossless text, parse it again on arrival).
  Targets: size <= 1.0x the source, time <= 0.3x a parse (``python bench/batch.py --pickle``).

Targets: speed-up (jobs 2 / jobs 1, ``rows``) of at least 1.8 on 2 free cores; peak memory
(the parent's, and the largest worker's) at 10,000 reports within 10 % of that at 1,000.
Times depend on the machine and its load; read the ratios, which compare runs made one after
another on the same machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

PLACES = [
    "青禾县", "石门县", "云岭县", "白沙县", "清河区", "东湖区", "南山县", "北川县",
    "柳溪县", "松原区", "桃源县", "金水区", "平湖县", "龙泉县", "凤鸣县", "安平县",
]  # fmt: skip
KINDS = ["公安局", "司法局", "应急管理局", "市场监督管理局", "自然资源局", "人民政府"]
_LEVEL1 = re.compile(r"^[一二三四五六七八九十]+、", re.MULTILINE)


def _variant(text: str, rng: random.Random, index: int) -> tuple[str, str]:
    """One report made from ``text``: returns (text, encoding)."""
    place = rng.choice(PLACES)
    kind = rng.choice(KINDS)
    out = re.sub(r"(青禾县|澜川市青石区)(公安局|司法局)", place + kind, text)
    year = 2019 + index % 7
    out = out.replace("2025年", f"{year}年").replace("2024年", f"{year}年")
    lines = out.split("\n")
    if rng.random() < 0.3:  # drop one level-1 section (a missing part)
        starts = [i for i, line in enumerate(lines) if _LEVEL1.match(line.lstrip())]
        if len(starts) > 1:
            k = rng.randrange(len(starts))
            end = starts[k + 1] if k + 1 < len(starts) else len(lines) - 3
            del lines[starts[k] : max(starts[k] + 1, end)]
    if rng.random() < 0.3:  # a shorter report: drop the 三是/四是 points of each paragraph
        lines = [re.sub(r"三是[^。]*。.*$", "", line) for line in lines]
    out = "\n".join(lines)
    if rng.random() < 0.3:
        out = out.replace("（", "(").replace("）", ")")
    if rng.random() < 0.2:
        out = out.replace("\r\n", "\n").replace("\n", "\r\n")
    encoding = "gb18030" if rng.random() < 0.2 else "utf-8"
    return out, encoding


def corpus_paths(folder: Path, count: int) -> Iterator[Path]:
    """The paths of the first ``count`` reports of the corpus, made one at a time."""
    for index in range(count):
        yield folder / f"{index // 100:03}" / f"{index:05}.txt"


def make_corpus(folder: Path, count: int, seed: int = 11) -> list[Path]:
    """Write ``count`` report files below ``folder`` (100 to a subfolder); their paths."""
    seeds = [p.read_bytes().decode("utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    rng = random.Random(seed)
    paths = []
    for index, path in enumerate(corpus_paths(folder, count)):
        paths.append(path)
        if path.exists():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        text, encoding = _variant(seeds[index % len(seeds)], rng, index)
        path.write_bytes(text.encode(encoding))
    return paths


def _burn(items: list[int]) -> list[int]:
    """About half a millisecond of arithmetic per item: the ceiling's work."""
    return [sum(i * i for i in range(12_000)) + item for item in items]


def child(folder: Path, count: int, jobs: int, mode: str) -> None:
    """Measure one run in this (fresh) process and print it as JSON."""
    import fazhi_report as fr
    from fazhi_report.batch import map_ordered
    from fazhi_report.rows import report_row

    # The paths come from a generator: a list of 10,000 paths would itself grow with the
    # corpus, and what is measured is parse_many's own memory.
    paths = corpus_paths(folder, count)
    fr.load(folder / "000" / "00000.txt")  # imports and caches, outside the measure
    apply = report_row if mode == "rows" else None
    failed = sections = 0
    before = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = before.ru_utime + before.ru_stime
    started = time.perf_counter()
    if mode == "ceiling":
        results: Iterable[object] = map_ordered(_burn, range(count), jobs=jobs, chunksize=16)
    else:
        results = fr.parse_many(paths, jobs=jobs, apply=apply)
    for result in results:
        if isinstance(result, int):
            continue
        if isinstance(result, fr.ParseFailure):
            failed += 1
        elif isinstance(result, dict):
            sections += int(result["sections"])  # type: ignore[call-overload]
        else:
            sections += len(result.sections)
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    own, workers = usage.ru_maxrss, children.ru_maxrss
    cpu = usage.ru_utime + usage.ru_stime + children.ru_utime + children.ru_stime - cpu_before
    print(
        json.dumps(
            {
                "count": count,
                "jobs": jobs,
                "mode": mode,
                "seconds": seconds,
                "cpu": cpu,
                "failed": failed,
                "sections": sections,
                "parent_kb": own,
                "worker_kb": workers,
            }
        )
    )


def _best(work: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def measure_pickles(folder: Path, count: int) -> None:
    """Print the size and time ratios of the three ways to pickle a report (see the text)."""
    import io
    import pickle

    import fazhi_report as fr
    from fazhi_report.renderers.lossless import render_lossless

    datas = [path.read_bytes() for path in corpus_paths(folder, count)]
    reports = [fr.parse(data) for data in datas]
    source = sum(len(render_lossless(report).encode("utf-8")) for report in reports)
    parse = _best(lambda: [fr.parse(data) for data in datas])

    def default(report: fr.Report) -> bytes:  # attrs' own pickle, the library's before
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, pickle.DEFAULT_PROTOCOL)
        pickler.dispatch_table = {}  # not copyreg's table, where the encoding is registered
        pickler.dump(report)
        return buffer.getvalue()

    def as_text(report: fr.Report) -> bytes:  # design (a): the text and the reader's facts
        layout = report.layout
        facts = (render_lossless(report), None if layout is None else layout.encoding, report.page)
        return pickle.dumps(facts)

    def from_text(blob: bytes) -> fr.Report:
        text, _, page = pickle.loads(blob)
        report = fr.parse(text)
        report.page = page
        return report

    print(f"pickling {count:,} reports ({source / 1e6:.2f} MB of UTF-8 text); parse {parse:.3f} s")
    for name, dump, load in (
        ("encoding", pickle.dumps, pickle.loads),
        ("attrs default", default, pickle.loads),
        ("text, re-parsed", as_text, from_text),
    ):
        blobs = [dump(report) for report in reports]
        dumps = _best(lambda dump=dump: [dump(report) for report in reports])
        loads = _best(lambda blobs=blobs, load=load: [load(blob) for blob in blobs])
        size = sum(map(len, blobs)) / source
        print(f"  {name:16} size {size:.2f}x the source (target <= 1.0), pickle+unpickle "
              f"{(dumps + loads) / parse:.2f}x a parse (target <= 0.3): pickle "
              f"{dumps / parse:.2f}x, unpickle {loads / parse:.2f}x")  # fmt: skip
    same = sum(from_text(as_text(report)) == report for report in reports)
    print(f"  text, re-parsed: {same} of {count} reports come back equal (content only)")
    floor, objects = _construction_floor(reports)
    print(f"  floor: making the {objects:.0f} nodes and layout records of a report from ready "
          f"values costs {floor / parse:.2f}x a parse; any pickle that gives back the objects "
          "pays it on loading")  # fmt: skip


def _construction_floor(reports: list[Any]) -> tuple[float, float]:
    """The time to build every node and layout record of ``reports`` with the positional
    makers from values already at hand (what unpickling cannot avoid), and the records per
    report."""
    import attrs

    from fazhi_report._positional import positional_maker

    makers: dict[type, Callable[..., object]] = {}
    calls: list[tuple[Callable[..., object], tuple[object, ...]]] = []

    def plan(value: object) -> None:
        kind = type(value)
        if attrs.has(kind):
            values = tuple(getattr(value, f.name) for f in attrs.fields(kind))
            for item in values:
                plan(item)
            if kind not in makers:
                makers[kind] = positional_maker(kind)
            calls.append((makers[kind], values))
        elif isinstance(value, (list, tuple)):
            for item in value:
                plan(item)

    for report in reports:
        plan(report)

    def build() -> None:
        for make, values in calls:
            make(*values)

    return _best(build), len(calls) / len(reports)


def _run(folder: Path, count: int, jobs: int, mode: str) -> dict[str, float]:
    args = [sys.executable, __file__, "--child", str(folder), str(count), str(jobs), mode]
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main() -> None:
    """Build the corpus, run every measurement in its own process, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="reports in the corpus")
    parser.add_argument("--small", type=int, default=1_000, help="the smaller corpus size")
    parser.add_argument("--corpus", type=Path, help="folder to keep the corpus in")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (best kept)")
    parser.add_argument("--pickle", action="store_true", help="measure pickling only")
    parser.add_argument(
        "--modes", default="ceiling,rows,reports", help="modes to run, comma-separated"
    )
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        folder, count, jobs, mode = args.child
        child(Path(folder), int(count), int(jobs), mode)
        return
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.corpus or Path(temporary)
        started = time.perf_counter()
        paths = make_corpus(folder, args.count)
        size = sum(p.stat().st_size for p in paths)
        print(
            f"python {sys.version.split()[0]}, {os.cpu_count()} cores, corpus of {len(paths):,} "
            f"reports ({size / 1e6:.1f} MB) made in {time.perf_counter() - started:.1f} s"
        )
        measure_pickles(folder, min(args.count, args.small, 500))
        if args.pickle:
            return
        print(f"{'mode':8} {'reports':>8} {'jobs':>4} {'seconds':>8} {'reports/s':>10} "
              f"{'parent MB':>10} {'worker MB':>10} {'failed':>6}")  # fmt: skip
        modes = tuple(args.modes.split(","))
        if "ceiling" not in modes:
            parser.error("--modes must include ceiling: every speed-up is read against it")
        results: dict[tuple[str, int, int], dict[str, float]] = {}
        ratios: dict[tuple[str, int], list[float]] = {}
        cpus: dict[tuple[str, int, int], list[dict[str, float]]] = {}
        for count in (args.small, args.count):
            runs: dict[tuple[str, int], list[dict[str, float]]] = {}
            # Each repeat runs every mode with jobs 1 then jobs 2, back to back: a speed-up is
            # the ratio of two neighbouring runs, and the ceiling is measured beside the rest,
            # so that load from other work on the machine touches them alike.
            for _ in range(args.repeat):
                for mode in modes:
                    pair = [_run(folder, count, jobs, mode) for jobs in (1, 2)]
                    for jobs, run in zip((1, 2), pair, strict=True):
                        runs.setdefault((mode, jobs), []).append(run)
                        cpus.setdefault((mode, count, jobs), []).append(run)
                    ratios.setdefault((mode, count), []).append(
                        pair[0]["seconds"] / pair[1]["seconds"]
                    )
            for mode in modes:
                for jobs in (1, 2):
                    best = dict(min(runs[mode, jobs], key=lambda r: r["seconds"]))
                    best["parent_kb"] = max(r["parent_kb"] for r in runs[mode, jobs])
                    best["worker_kb"] = max(r["worker_kb"] for r in runs[mode, jobs])
                    results[mode, count, jobs] = best
                    print(
                        f"{mode:8} {count:>8,} {jobs:>4} {best['seconds']:>8.2f} "
                        f"{count / best['seconds']:>10.0f} {best['parent_kb'] / 1024:>10.1f} "
                        f"{best['worker_kb'] / 1024 if jobs > 1 else 0:>10.1f} "
                        f"{best['failed']:>6.0f}"
                    )
        print()
        big = args.count
        for mode in modes:
            each = ", ".join(f"{r:.2f}" for r in ratios[mode, big])
            print(f"speed-up per repeat, {mode}, at {big:,}: {each}")
        ceiling = statistics.median(ratios["ceiling", big])
        print(f"speed-up, ceiling (the machine, now), median: {ceiling:.2f}x")
        # CPU seconds (parent and workers) do not depend on how busy the machine is: their
        # ratio is what working in a pool costs on top of the work itself, and 2 divided by it
        # is the speed-up two free cores would give.
        for mode in modes:
            cost = statistics.median(
                two["cpu"] / one["cpu"]
                for one, two in zip(cpus[mode, big, 1], cpus[mode, big, 2], strict=True)
            )
            print(f"CPU time, {mode}, jobs 2 / jobs 1 at {big:,}, median: {cost:.2f} "
                  f"(speed-up on two free cores: {2 / cost:.2f}x)")  # fmt: skip
        for mode, note in (("rows", "target >= 1.8"), ("reports", "target >= 1.6")):
            if mode not in modes:
                continue
            speedup = statistics.median(ratios[mode, big])
            share = statistics.median(
                r / c for r, c in zip(ratios[mode, big], ratios["ceiling", big], strict=True)
            )
            verdict = "ok" if speedup >= (1.8 if mode == "rows" else 1.6) else "MISSED"
            print(f"speed-up, {mode}, jobs 2 / jobs 1 at {big:,}, median: {speedup:.2f}x "
                  f"({note}) {verdict}; {share:.0%} of the ceiling")  # fmt: skip
        for mode in [m for m in ("rows", "reports") if m in modes]:
            for jobs in (1, 2):
                small, large = results[mode, args.small, jobs], results[mode, args.count, jobs]
                for key, name in (("parent_kb", "parent"), ("worker_kb", "worker")):
                    if key == "worker_kb" and jobs == 1:
                        continue
                    growth = large[key] / small[key] - 1
                    verdict = "ok" if abs(growth) <= 0.10 else "MISSED"
                    print(
                        f"peak memory, {mode}, jobs {jobs}, {name}: {small[key] / 1024:.1f} MB "
                        f"at {args.small:,} -> {large[key] / 1024:.1f} MB at {args.count:,} "
                        f"({growth:+.1%}, target within 10 %) {verdict}"
                    )


if __name__ == "__main__":
    main()
