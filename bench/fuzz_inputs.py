"""Fuzz the readers with damaged DOCX, HTML and Markdown files, for as many inputs as asked.

The long mode of ``tests/test_fuzz_inputs.py``: the same seeds and mutations
(``tests/mutations.py``), drawn from a seeded `random.Random` in turn for each format, each
input read with `fazhi_report.parse` (as its format, or sniffed) and, when it reads, written
out again losslessly (text and JSON). What must hold: a report, or a
`fazhi_report.FazhiReportError`. Anything else is a failure: it is counted by its class (the
exception type and the library line it came from), and the first input of each class is saved
to ``--save`` so it can be replayed::

    python bench/fuzz_inputs.py 100000               # inputs in all; default 10000
    python bench/fuzz_inputs.py 1000000 --jobs 2 --seed 7 --minutes 25
    python bench/fuzz_inputs.py --replay /tmp/fuzz_inputs/docx-0001.bin

It prints the inputs tried per format, how many read and how many were refused, and every
failure class. ``--minutes`` stops early (the count reached is printed). Not part of the test
suite; every failure class found and fixed is a regression test in ``tests/``.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests import mutations  # noqa: E402

_BATCH = 500


def _failure_class(exc: BaseException) -> str:
    """The exception's type and the innermost frame of the library (or of its caller)."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "fazhi_report" in f.filename] or frames
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "?"
    return f"{type(exc).__name__} at {where}: {str(exc)[:80]}"


def _work(task: tuple[int, int, int]) -> tuple[Counter[str], dict[str, tuple[str, bytes]]]:
    """Run ``count`` inputs from seed ``seed`` starting at input ``start``."""
    seed, start, count = task
    counts: Counter[str] = Counter()
    failures: dict[str, tuple[str, bytes]] = {}
    for k in range(start, start + count):
        rng = random.Random(f"{seed}:{k}")
        fmt = mutations.FORMATS[k % len(mutations.FORMATS)]
        seeds = mutations.seeds(fmt)
        data = mutations.mutate(rng, rng.choice(seeds), fmt)
        sniff = rng.random() < 0.2
        stream = fmt == "docx" and rng.random() < 0.5  # the streamed Word body, half the time
        counts[f"{fmt} inputs"] += 1
        try:
            report = mutations.read(data, fmt, sniff=sniff, stream=stream)
        except Exception as exc:  # what the run looks for: any error not the library's
            kind = f"{fmt}: {_failure_class(exc)}"
            counts[kind] += 1
            failures.setdefault(kind, (f"{fmt} sniff={sniff} stream={stream}", data))
            continue
        counts[f"{fmt} read" if report is not None else f"{fmt} refused"] += 1
    return counts, failures


def _replay(path: Path) -> None:
    fmt = path.name.split("-")[0]
    data = path.read_bytes()
    for sniff in (False, True):
        for stream in (False, True):
            try:
                report = mutations.read(data, fmt, sniff=sniff, stream=stream)
                print(f"sniff={sniff} stream={stream}: {'read' if report else 'refused'}")
            except Exception:
                traceback.print_exc()


def main() -> None:
    """Parse the arguments, run the inputs in batches (in a pool with --jobs), report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", nargs="?", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--minutes", type=float, default=None)
    parser.add_argument("--save", type=Path, default=Path("/tmp/fuzz_inputs"))
    parser.add_argument("--replay", type=Path, default=None)
    parser.add_argument(
        "--corpus", type=Path, default=None, help="the real reports (default ../shared/corpus)"
    )
    args = parser.parse_args()
    if args.corpus is not None:
        mutations.CORPUS = args.corpus  # before the pool forks: the workers see it too
    if args.replay is not None:
        _replay(args.replay)
        return
    corpus = "with" if mutations.corpus_present() else "without"
    print(f"{args.count:,} inputs, seed {args.seed}, {args.jobs} job(s), {corpus} the corpus")
    for fmt in mutations.FORMATS:
        print(f"  {fmt}: {len(mutations.seeds(fmt))} seed files")
    tasks = [(args.seed, s, min(_BATCH, args.count - s)) for s in range(0, args.count, _BATCH)]
    totals: Counter[str] = Counter()
    saved: dict[str, tuple[str, bytes]] = {}
    start = time.perf_counter()
    deadline = start + args.minutes * 60 if args.minutes else None
    pool: Any = multiprocessing.Pool(args.jobs) if args.jobs > 1 else None
    results = pool.imap_unordered(_work, tasks) if pool else map(_work, tasks)
    done = 0
    try:
        for counts, failures in results:
            totals.update(counts)
            for kind, example in failures.items():
                saved.setdefault(kind, example)
            done += 1
            if done % 100 == 0:
                rate = sum(totals[f"{f} inputs"] for f in mutations.FORMATS)
                elapsed = time.perf_counter() - start
                print(
                    f"  {rate:,} inputs in {elapsed:,.0f} s ({rate / elapsed:,.0f}/s), "
                    f"{sum(v for k, v in totals.items() if ': ' in k)} failures",
                    flush=True,
                )
            if deadline is not None and time.perf_counter() > deadline:
                print("  time is up")
                break
    finally:
        if pool is not None:
            pool.terminate()
    elapsed = time.perf_counter() - start
    tried = sum(totals[f"{fmt} inputs"] for fmt in mutations.FORMATS)
    print(f"{tried:,} inputs in {elapsed:,.0f} s ({tried / max(elapsed, 1e-9):,.0f} a second)")
    for fmt in mutations.FORMATS:
        print(
            f"  {fmt}: {totals[f'{fmt} inputs']:,} inputs, {totals[f'{fmt} read']:,} read, "
            f"{totals[f'{fmt} refused']:,} refused with a FazhiReportError"
        )
    kinds = sorted((k for k in totals if ": " in k), key=lambda k: -totals[k])
    print(f"{sum(totals[k] for k in kinds):,} failures in {len(kinds)} classes")
    args.save.mkdir(parents=True, exist_ok=True)
    for n, kind in enumerate(kinds, 1):
        how, data = saved[kind]
        path = args.save / f"{kind.split(':')[0]}-{n:04d}.bin"
        path.write_bytes(data)
        print(f"  {totals[kind]:>7,}  {kind}  ({how}; {path})")


if __name__ == "__main__":
    main()
