"""How long the command line takes to start: ``--version``, ``--help`` and ``formats``.

Each command runs ``--runs`` times as a whole process (what a user waits for), in turn with
every other program given, so that a busy machine slows them alike; the median and the
fastest run are printed, with the number of fazhi_report modules and of all modules the
process imported (from ``python -X importtime``).

    python bench/cli_start.py                               # this environment's fazhi-report
    python bench/cli_start.py --against /path/to/old/fazhi-report --runs 30

A program is a console script (``.../bin/fazhi-report``); its own interpreter is the one on
its ``#!`` line, so an older install in another virtual environment compares directly.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

COMMANDS = (["--version"], ["--help"], ["formats"])


def _interpreter(script: str) -> list[str]:
    """The command that runs ``script`` with ``-X importtime`` available: its ``#!`` Python."""
    first = Path(script).read_bytes().split(b"\n", 1)[0]
    if first.startswith(b"#!"):
        return [first[2:].decode().strip(), script]
    return [sys.executable, script]


def _wall(argv: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def _imports(argv: list[str]) -> tuple[int, int]:
    """(fazhi_report modules, all modules) a run imports, from ``-X importtime``."""
    python, *rest = argv
    done = subprocess.run(
        [python, "-X", "importtime", *rest],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    names = [
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.decode().splitlines()
        if line.startswith("import time:") and "|" in line and "imported package" not in line
    ]
    names = [name for name in names if name != "imported package"]
    return sum(n.lstrip().startswith("fazhi_report") for n in names), len(names)


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--program", default=shutil.which("fazhi-report") or "fazhi-report")
    parser.add_argument("--against", action="append", default=[], help="another fazhi-report")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    programs = [args.program, *args.against]
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, {args.runs} runs each")
    print(
        f"{'program':<48} {'command':<10} {'median ms':>9} {'min ms':>7} {'fr mods':>7} {'mods':>5}"
    )
    for command in COMMANDS:
        times: dict[str, list[float]] = {p: [] for p in programs}
        for _ in range(args.runs):
            for program in programs:  # in turn: a busy machine slows every program alike
                times[program].append(_wall([*_interpreter(program), *command]))
        for program in programs:
            ours, total = _imports([*_interpreter(program), *command])
            median = statistics.median(times[program]) * 1000
            fastest = min(times[program]) * 1000
            print(
                f"{program[-48:]:<48} {' '.join(command):<10} {median:9.0f} {fastest:7.0f} "
                f"{ours:7d} {total:5d}"
            )


if __name__ == "__main__":
    main()
