"""Converting many files: `ConvertTask` in, `ConvertOutcome` out, over the process pool."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

import attrs

from fazhi_report import registry, urls
from fazhi_report.api import load, output_encoding, render
from fazhi_report.batch.pool import map_ordered
from fazhi_report.batch.writing import write_atomically
from fazhi_report.decoding import encode
from fazhi_report.errors import FazhiReportError, FileError, UnknownFormatError
from fazhi_report.model import Report

__all__ = [
    "ConvertOutcome",
    "ConvertStatus",
    "ConvertTask",
    "convert_many",
    "convert_one",
    "render_bytes",
    "suffix_for",
]


ConvertStatus = Literal["done", "failed", "skipped"]
"""What became of one conversion (`ConvertOutcome.status`)."""


@attrs.frozen
class ConvertTask:
    """One conversion the ``convert`` command hands to a worker: all plain, picklable data.

    Attributes:
        source: the input file: a local path or an fsspec URL (`fazhi_report.urls`).
        target: the output file: a local path (written under a temporary name, then
            renamed) or an fsspec URL (written through fsspec: atomic where the store is).
        from_format: the input's format, ``None`` to tell it from the suffix or content.
        to_format: the output's format.
        style: the rendering style, ``None`` for the format's default.
        encoding: the encoding of a text output, ``None`` for the renderer's default.
        options: the renderer's own options (``templates``, ``sandboxed``).
        force: overwrite an existing ``target``.
        read: the reader's options (``templates``, ``sandboxed``), as for
            `fazhi_report.load`.
    """

    source: str
    target: str
    from_format: str | None
    to_format: str
    style: str | None = None
    encoding: str | None = None
    options: dict[str, Any] = attrs.field(factory=dict)
    force: bool = False
    read: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen
class ConvertOutcome:
    """What became of one `ConvertTask`.

    Attributes:
        source: the input file.
        target: the output file.
        status: ``"done"``, ``"failed"`` or ``"skipped"``.
        reason: why it failed or was skipped (empty when done).
        seconds: the time it took.
    """

    source: str
    target: str
    status: ConvertStatus
    reason: str = ""
    seconds: float = 0.0


def render_bytes(
    report: Report,
    to_format: str,
    *,
    style: str | None,
    encoding: str | None,
    options: dict[str, Any],
    target: str,
) -> bytes:
    """``report`` rendered in ``to_format`` as the bytes its file gets (text encoded)."""
    rendered = render(report, to_format, style=style, **options)
    if isinstance(rendered, str):
        return encode(rendered, encoding or output_encoding(report, to_format), target)
    return rendered


def convert_one(task: ConvertTask) -> ConvertOutcome:
    """Read, render and atomically write one report; never raises for a bad input.

    An existing output is skipped unless ``task.force``. An output URL is written through
    fsspec, atomically only where its store is (see `fazhi_report.urls`).
    """
    started = time.perf_counter()

    def outcome(status: ConvertStatus, reason: str = "") -> ConvertOutcome:
        return ConvertOutcome(
            task.source, task.target, status, reason, time.perf_counter() - started
        )

    url = urls.is_url(task.target)
    try:
        # a URL's store is asked once, before the input is read
        kind = urls.url_kind(task.target) if url else None
        if kind == "folder":
            raise FileError("the output is a folder", source=task.target)
        if not task.force and (kind is not None or (not url and os.path.lexists(task.target))):
            return outcome("skipped", "the output exists (--force overwrites it)")
        report = load(task.source, task.from_format, **task.read)
        data = render_bytes(
            report,
            task.to_format,
            style=task.style,
            encoding=task.encoding,
            options=task.options,
            target=task.target,
        )
        if url:
            urls.write_url(task.target, data)  # atomic where the store is (see urls)
        else:
            Path(task.target).parent.mkdir(parents=True, exist_ok=True)
            if Path(task.target).is_dir():
                raise FileError("the output is a folder", source=task.target)
            write_atomically(task.target, data)
    except FazhiReportError as exc:
        return outcome("failed", str(exc))
    except OSError as exc:
        return outcome("failed", f"{task.target}: {exc.strerror or exc}")
    except Exception as exc:  # a renderer bug must not stop the run; say what it was
        return outcome("failed", f"{task.source}: {type(exc).__name__}: {exc}")
    return outcome("done")


def _convert_chunk(tasks: list[ConvertTask]) -> list[ConvertOutcome]:
    return [convert_one(task) for task in tasks]


def convert_many(
    tasks: Iterable[ConvertTask],
    *,
    jobs: int | None = None,
    stop: Callable[[], bool] | None = None,
) -> Iterator[ConvertOutcome]:
    """`convert_one` over ``tasks`` in a process pool, outcomes in task order.

    ``stop`` is as for `map_ordered`: once true, the conversions under way finish and their
    outcomes are still yielded, so every file written has its outcome.
    """
    return map_ordered(_convert_chunk, tasks, jobs=jobs, chunksize=1, stop=stop)


def suffix_for(format_name: str) -> str:
    """The suffix a file of ``format_name`` is written with: the format's first.

    Raises:
        UnknownFormatError: no such format, or it has no suffix.
    """
    fmt = registry.get_format(format_name)
    if not fmt.suffixes:
        raise UnknownFormatError(
            f"the format {format_name!r} names no file suffix", expected="-o OUTPUT"
        )
    return fmt.suffixes[0]
