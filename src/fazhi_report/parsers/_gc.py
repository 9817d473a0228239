"""A speed device, and nothing else: the garbage collector paused while a long report is built,
or while reports a worker sent are unpickled (`fazhi_report.batch.pool`).

Building a report makes one object per node and per layout record, and none of them hold a
reference cycle: plain reference counting frees them all. Python's cyclic collector does not
know that, and each collection of the young objects walks every container still alive, so
building a 10 MB document made it walk the nodes made so far again and again: half as long
again per MB as for a 1 MB document. Above `PAUSE_LINES` lines the collector is paused for
the build, and resumed after, also on error. Below it, a pause would save nothing measurable.

Nothing the builder returns depends on this module: removing it changes only how fast a
very long document is read (see ``bench/parse.py``).
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TypeVar

__all__ = ["PAUSE_LINES", "paused", "paused_for"]

_T = TypeVar("_T")

PAUSE_LINES = 20_000
"""Above this many lines the cyclic garbage collector is paused while the report is built."""


def paused_for(lines: int, build: Callable[[], _T]) -> _T:
    """``build()``, with the cyclic collector paused if ``lines`` is over `PAUSE_LINES`.

    The collector is left as it was found: a caller that disabled it keeps it disabled.
    """
    return build() if lines <= PAUSE_LINES else paused(build)


def paused(build: Callable[[], _T]) -> _T:
    """``build()``, with the cyclic collector paused: for making many nodes that hold no
    reference cycle (a report, or a chunk of reports unpickled), where each collection of
    the young objects would walk every node still alive again.

    The collector is left as it was found: a caller that disabled it keeps it disabled.
    """
    if not gc.isenabled():
        return build()
    gc.disable()
    try:
        return build()
    finally:
        gc.enable()
