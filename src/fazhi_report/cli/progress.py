"""What a command says while it works through many inputs, and how Ctrl-C stops it.

`BatchProgress` draws the progress bar on a terminal (rich, imported only then) or writes one
plain line per input elsewhere, and the summary line at the end; `StopOnInterrupt` lets the
files under way finish after a first Ctrl-C, so the summary counts every file written.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sys
import time
from types import TracebackType
from typing import Any, TextIO

from fazhi_report.cli.base import EXIT_FAILED, EXIT_OK, PROG

__all__ = ["BatchProgress", "StopOnInterrupt"]


class BatchProgress:
    """What a subcommand says about a run over many inputs, on standard error.

    On a terminal it shows a progress bar (rich) and prints failures above it; elsewhere
    (a pipe, a log file) it prints one plain line per input: ``done SRC -> DEST``,
    ``skipped SRC: reason``, ``failed: reason``. ``quiet`` keeps only the failures;
    ``verbose`` adds each file done (with its time) on a terminal too. On leaving the
    ``with`` block it prints the summary line (done, failed, skipped, time).

    Args:
        action: the verb of the summary line ("converted", "read").
        quiet: only failures.
        verbose: every file.
        stream: where to write (default: standard error, resolved when the run starts).
        terminal: whether to draw a bar; default: whether ``stream`` is a terminal.
    """

    def __init__(
        self,
        action: str,
        *,
        quiet: bool = False,
        verbose: bool = False,
        stream: TextIO | None = None,
        terminal: bool | None = None,
    ) -> None:
        self.action = action
        self.quiet = quiet
        self.verbose = verbose
        self.stream = stream
        self.terminal = terminal
        self.done = 0
        self.failed = 0
        self.skipped = 0
        self.total: int | None = None
        self._started = 0.0
        self._bar: Any = None
        self._task: Any = None

    @property
    def exit_status(self) -> int:
        """`EXIT_FAILED` when an input failed, else `EXIT_OK`."""
        return EXIT_FAILED if self.failed else EXIT_OK

    def __enter__(self) -> BatchProgress:
        if self.stream is None:
            self.stream = sys.stderr
        if self.terminal is None:
            self.terminal = self.stream.isatty()
        self._started = time.perf_counter()
        return self

    def start(self, total: int) -> None:
        """Say how many inputs there are; on a terminal the bar appears with the first result.

        The bar's refresh thread starts only then, after the worker processes have been
        forked for the first chunk: forking a process that runs threads is unsafe.
        """
        self.total = total

    def _draw(self) -> None:
        total = self.total or 0
        if self.terminal and not self.quiet and total > 1 and self._bar is None:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("reports"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(file=self.stream, highlight=False),
            )
            self._bar.start()
            self._task = self._bar.add_task(self.action, total=total)

    def _say(self, line: str) -> None:
        if self._bar is not None:
            self._bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            assert self.stream is not None
            self.stream.write(line + "\n")
            self.stream.flush()

    def record(self, source: str, status: str, reason: str = "", target: str = "") -> None:
        """Count one input: ``status`` is ``"done"``, ``"failed"`` or ``"skipped"``."""
        self._draw()
        if status == "done":
            self.done += 1
            if not self.quiet and (self.verbose or self._bar is None):
                self._say(f"done {source} -> {target}" if target else f"done {source}")
        elif status == "skipped":
            self.skipped += 1
            if not self.quiet:
                self._say(f"skipped {source}: {reason}")
        else:
            self.failed += 1
            self._say(f"{PROG}: failed: {reason}")
        if self._bar is not None:
            self._bar.advance(self._task)

    def summary(self) -> str:
        """The summary line: counts, time and rate."""
        seconds = time.perf_counter() - self._started
        count = self.done + self.failed + self.skipped
        rate = f", {count / seconds:.1f} reports/s" if seconds > 0 and count else ""
        return (
            f"{self.action} {count} report{'s' if count != 1 else ''}: {self.done} done, "
            f"{self.failed} failed, {self.skipped} skipped in {seconds:.1f} s{rate}"
        )

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
        if kind is not None and issubclass(kind, KeyboardInterrupt):
            self._say(self.summary())  # what was finished before; main says "interrupted"
        elif kind is None and not self.quiet and (self.total is None or self.total > 1):
            self._say(self.summary())


class StopOnInterrupt:
    """Ctrl-C during a conversion run: the first lets the files under way finish, the second
    stops at once.

    A KeyboardInterrupt raised between a file written and its outcome counted would leave
    the summary short of the files on disk; the first Ctrl-C therefore only sets a flag, which
    `convert_many` asks between outcomes. Outside the main thread (no signal handlers there)
    Ctrl-C interrupts at once, as everywhere else.
    """

    def __init__(self) -> None:
        self.requested = False
        self._previous: Any = None
        self._installed = False

    def asked(self) -> bool:
        """Whether Ctrl-C was pressed (the ``stop`` of `convert_many`)."""
        return self.requested

    def _handle(self, signum: int, frame: Any) -> None:
        self.requested = True
        signal.signal(signal.SIGINT, self._previous)  # a second Ctrl-C stops at once
        line = f"{PROG}: stopping after the files under way (Ctrl-C again stops now)\n"
        # os.write: a signal handler must not re-enter the stream being written; without a
        # file descriptor behind stderr the summary still says what was done
        with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
            os.write(sys.stderr.fileno(), line.encode())

    def __enter__(self) -> StopOnInterrupt:
        previous = signal.getsignal(signal.SIGINT)
        if previous is signal.SIG_IGN:
            return self  # Ctrl-C is ignored here (nohup, a background job): leave it so
        with contextlib.suppress(ValueError):  # not the main thread: no handler to set
            signal.signal(signal.SIGINT, self._handle)
            self._previous = signal.default_int_handler if previous is None else previous
            self._installed = True
        return self

    def __exit__(self, *exc: object) -> None:
        if self._installed:
            signal.signal(signal.SIGINT, self._previous)
