"""The process pool: chunks of work mapped over worker processes, results in input order,
with a bounded number of chunks in flight."""

from __future__ import annotations

import concurrent.futures as futures
import os
import pickle
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, TypeVar

import attrs

__all__ = ["default_jobs", "map_ordered"]

_T = TypeVar("_T")
_R = TypeVar("_R")

# Chunks in flight per worker: enough to keep every worker busy while the parent consumes
# results in order, few enough that memory does not grow with the number of inputs.
_AHEAD_PER_JOB = 4


def default_jobs() -> int:
    """The default number of worker processes: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _ignore_interrupt() -> None:
    """Worker initializer: Ctrl-C goes to the parent, which lets running chunks finish."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@attrs.frozen
class _Packed(Generic[_T, _R]):
    """``function`` whose results travel as one pickled bytes object, unpickled by the
    consumer (`_unpacked`) rather than by the pool's result thread, which would otherwise hold
    the interpreter lock against this process's own work."""

    function: Callable[[list[_T]], list[_R]]

    def __call__(self, items: list[_T]) -> bytes:
        return pickle.dumps(self.function(items), pickle.HIGHEST_PROTOCOL)


def _unpacked(data: bytes) -> list[Any]:
    # here, not at the top: `fazhi-report --help` imports the pool and no reader
    from fazhi_report.parsers._gc import paused

    result: list[Any] = paused(lambda: pickle.loads(data))
    return result


def _chunks(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    chunk: list[_T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def map_ordered(
    function: Callable[[list[_T]], list[_R]],
    items: Iterable[_T],
    *,
    jobs: int | None = None,
    chunksize: int = 4,
    stop: Callable[[], bool] | None = None,
    share: bool = False,
) -> Iterator[_R]:
    """``function`` applied to chunks of ``items`` in a process pool, results in input order.

    At most ``jobs * 4`` chunks are in flight at once, so a long (or endless) iterable of items
    is consumed as results are taken, and memory does not grow with its length. With
    ``jobs=1`` everything runs in this process, with no pool. Closing the iterator early (or
    Ctrl-C) cancels the chunks not yet started and waits for the workers' running ones,
    which are never cut off halfway; their results are dropped. (A chunk this process runs
    itself, with ``jobs=1`` or ``share``, is interrupted by Ctrl-C as any code is.)

    To stop early *and* learn every result of the work done, pass ``stop``: once it returns
    true (it is asked between results), no chunk is started, the running ones finish, and the
    results of every chunk that finished are still yielded, in order, before the iterator
    ends. A caller that writes files in ``function`` counts exactly the files written.

    With ``share=True`` this process is one of the ``jobs``: ``jobs - 1`` workers start, and
    whenever the next result in order is not ready this process runs the next chunk not yet
    sent itself (its results wait their turn) rather than wait idle. A result made here is
    never pickled, so work whose results are large (whole reports) gains most; ``function``
    must then be safe to run in this process too.

    Args:
        function: a picklable function from a list of items to a list of results, one each.
        items: the inputs (picklable).
        jobs: processes working: workers, plus this one when ``share``; ``None`` for
            `default_jobs`.
        chunksize: items sent to a worker at a time.
        stop: asked between results: true to stop after the chunks under way.
        share: whether this process runs chunks too while it waits (see above).
    """
    if jobs is None:
        jobs = default_jobs()
    if jobs < 1 or chunksize < 1:
        raise ValueError(f"jobs and chunksize must be at least 1, got {jobs} and {chunksize}")

    def stopping() -> bool:
        return stop is not None and stop()

    if jobs == 1:
        for chunk in _chunks(items, chunksize):
            if stopping():
                return
            yield from function(chunk)
        return
    workers = jobs - 1 if share else jobs  # sharing, this process is one of the jobs
    pool = futures.ProcessPoolExecutor(max_workers=workers, initializer=_ignore_interrupt)
    ahead = workers * _AHEAD_PER_JOB
    # (result, whether a worker makes it), in input order: at most `ahead` chunks with the
    # workers, and no more than twice that held in all, so memory stays flat if they stall
    pending: deque[tuple[futures.Future[Any], bool]] = deque()
    remote_function: Callable[[list[_T]], Any] = _Packed(function) if share else function
    sent = 0  # chunks with the workers, not yet yielded
    chunks = _chunks(items, chunksize)
    more = True  # chunks may remain to be started

    def next_chunk() -> list[_T] | None:
        """The next chunk to start; None at the end of the items, or once asked to stop."""
        nonlocal more
        if more and not stopping():
            for chunk in chunks:
                return chunk
        more = False
        return None

    try:
        while True:
            while sent < ahead and len(pending) < 2 * ahead and (work := next_chunk()):
                pending.append((pool.submit(remote_function, work), True))
                sent += 1
            # Run a chunk here rather than wait for the next result.
            if share and more and not pending[0][0].done() and len(pending) < 2 * ahead:
                if work := next_chunk():
                    here: futures.Future[list[_R]] = futures.Future()
                    try:
                        here.set_result(function(work))
                    except Exception as exc:  # raised in its turn, as a worker's would be
                        here.set_exception(exc)
                    pending.append((here, False))
                continue
            if not pending:
                break
            if stopping():
                # chunks not started are dropped; those under way finish and are yielded
                more = False
                pool.shutdown(wait=True, cancel_futures=True)
                pending = deque(item for item in pending if not item[0].cancelled())
                stop = None
                continue
            future, remote = pending.popleft()
            sent -= remote
            yield from _unpacked(future.result()) if share and remote else future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
