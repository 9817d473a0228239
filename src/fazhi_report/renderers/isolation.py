"""A forked child process bounded in memory and time, where a sandboxed render runs."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from typing import Any

from fazhi_report.errors import TemplateError

__all__ = ["SANDBOX_MEMORY", "SANDBOX_SECONDS", "can_isolate", "run_isolated"]

SANDBOX_MEMORY = 512 * 1024 * 1024
"""The most memory (bytes) a sandboxed render may take beyond the caller's, where enforced."""

SANDBOX_SECONDS = 10
"""The most CPU (and twice that of wall-clock) seconds a sandboxed render may take."""


try:
    import resource

    _FORK = multiprocessing.get_context("fork")
    _CAN_ISOLATE = True
except (ImportError, ValueError):  # Windows: no fork, no resource limits
    _CAN_ISOLATE = False
# true in the child `run_isolated` forks: its limits already hold, so nothing forks again
_ISOLATED = False


def _address_space() -> int | None:
    """The virtual memory this process holds now, in bytes (Linux), else ``None``."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


def _isolated_child(
    conn: Any, function: Callable[..., Any], args: tuple[Any, ...], name: str
) -> None:
    """Run ``function`` in the forked child under resource limits and send back its result."""
    global _ISOLATED
    _ISOLATED = True  # a sandboxed render inside this child runs here, within these limits
    try:
        held = _address_space()
        if held is not None:
            limit = held + SANDBOX_MEMORY
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        resource.setrlimit(resource.RLIMIT_CPU, (SANDBOX_SECONDS, SANDBOX_SECONDS + 1))
        result: tuple[str, Any] = ("value", function(*args))
    except TemplateError as exc:
        result = ("error", (exc.message, exc.source, exc.line, exc.expected))
    except BaseException as exc:  # MemoryError outside template code, and the like
        result = ("error", (f"template failed: {type(exc).__name__}", name, None, None))
    try:
        conn.send(result)
    except BaseException:
        conn.send(
            ("error", ("template failed: its output could not be sent back", name, None, None))
        )
    conn.close()


def run_isolated(function: Callable[..., Any], args: tuple[Any, ...], *, source: str) -> Any:
    """``function(*args)`` in a forked child bounded as a sandboxed render is.

    The child may use at most `SANDBOX_MEMORY` bytes beyond what this process holds and
    `SANDBOX_SECONDS` seconds of CPU (twice that of wall-clock time); what ``function``
    returns must pickle. Where the system cannot fork (Windows), or when already inside such a
    child, ``function`` runs here. Sandboxed renders and the compiling of a house style for a
    sandboxed read (`fazhi_report.house`) run this way.

    Raises:
        TemplateError: ``function`` raised one, failed otherwise, or ran over a limit;
            ``source`` names the template (or folder) in the message when nothing better does.
    """
    if not _CAN_ISOLATE or _ISOLATED:
        return function(*args)
    receiver, sender = _FORK.Pipe(duplex=False)
    child = _FORK.Process(
        target=_isolated_child, args=(sender, function, args, source), daemon=True
    )
    child.start()
    sender.close()
    result: tuple[str, Any] = ("timeout", None)
    try:
        if receiver.poll(2 * SANDBOX_SECONDS):
            result = receiver.recv()
    except EOFError:
        result = ("died", None)
    finally:
        receiver.close()
        child.join(1)
        if child.is_alive():
            child.kill()
            child.join()
    kind, payload = result
    if kind == "value":
        return payload
    if kind == "error":
        message, where, line, expected = payload
        raise TemplateError(message, source=where, line=line, expected=expected)
    raise TemplateError(
        f"the sandboxed template was stopped: it ran over {SANDBOX_SECONDS} seconds or "
        f"{SANDBOX_MEMORY // (1024 * 1024)} MiB of memory",
        source=source,
        expected="a template that does less",
    )


def can_isolate() -> bool:
    """Whether `run_isolated` forks here: the system can, and this is not such a child already."""
    return _CAN_ISOLATE and not _ISOLATED
