"""The inputs of a command that reads many reports: found, parsed over a pool, counted.

INPUTS are report files, folders (searched recursively) and globs, local or fsspec URLs
(`fazhi_report.batch.find_reports`); `each_report` parses them over worker processes, each
reading its files itself, and records each in a `fazhi_report.cli.progress.BatchProgress`;
`reading_reports` is the two in one, as the commands that read many reports use them.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import click

from fazhi_report.batch import InputFile, ParseFailure, default_jobs, find_reports, parse_many
from fazhi_report.cli.io import STDIO
from fazhi_report.cli.progress import BatchProgress
from fazhi_report.model import Report

__all__ = ["each_report", "find_inputs", "jobs_for", "reading_reports"]


def find_inputs(inputs: Sequence[str], exclude: Sequence[Path] = ()) -> list[InputFile]:
    """The report files ``inputs`` name; ``-`` among several is a usage error."""
    if STDIO in inputs:
        raise click.UsageError("'-' (standard input) holds one report: give it as the only input")
    return find_reports(inputs, exclude=exclude)


def jobs_for(jobs: int | None, count: int, names: Iterable[str] = ()) -> int:
    """The worker processes for ``count`` inputs: never more than inputs, so one input is
    parsed in this process; one when any of ``names`` (the files read or written) is in a
    ``memory://`` store, which lives in this process only (a worker would find nothing there,
    or write where no one reads)."""
    if any("memory://" in name for name in names):  # a link of a chain, too
        return 1
    return max(1, min(jobs or default_jobs(), count))


def each_report(
    inputs: Sequence[str],
    progress: BatchProgress,
    *,
    from_format: str | None = None,
    jobs: int | None = None,
    apply: Callable[[Report], Any] | None = None,
    templates: str | None = None,
    sandboxed: bool = False,
    apply_alone: bool = True,
    failures: bool = False,
) -> Iterator[tuple[InputFile, Any]]:
    """The reports ``inputs`` name, parsed over ``jobs`` processes, with progress.

    Yields ``(found, result)`` for each input that parsed, in input order: the `Report`, or
    ``apply(report)`` computed in the worker. Inputs that fail are recorded in ``progress``
    (reported with their reason) and not yielded; those yielded count as done. ``templates``
    and ``sandboxed`` are the reader's, as for `fazhi_report.load`. With
    ``apply_alone=False``, reports parsed in this process (one worker) are yielded as they
    are, for the caller to read as it writes (a worker's result must be whole to travel).
    With ``failures=True`` an input that fails is yielded too, its result a `ParseFailure`.
    """
    found = find_inputs(inputs)
    progress.start(len(found))
    workers = jobs_for(jobs, len(found), (os.fspath(f.path) for f in found))
    parsed = parse_many(
        (f.path for f in found),
        jobs=workers,
        format=from_format,
        apply=apply if apply_alone or workers > 1 else None,
        templates=templates,
        sandboxed=sandboxed,
    )
    for item, result in zip(found, parsed, strict=True):
        if isinstance(result, ParseFailure):
            progress.record(os.fspath(item.path), "failed", result.message)
            if failures:
                yield item, result
            continue
        yield item, result
        progress.record(os.fspath(item.path), "done")


@contextlib.contextmanager
def reading_reports(
    inputs: Sequence[str],
    *,
    quiet: bool,
    verbose: bool,
    verb: str = "read",
    from_format: str | None = None,
    jobs: int | None = None,
    templates: str | None = None,
    sandboxed: bool = False,
    apply: Callable[[Report], Any] | None = None,
    apply_alone: bool = True,
    failures: bool = False,
) -> Iterator[tuple[Iterator[tuple[InputFile, Any]], BatchProgress]]:
    """`each_report` under a `BatchProgress` that says ``verb``: ``with reading_reports(...)
    as (reports, progress)``, then ``progress.exit_status`` once the block is done.

    The other arguments are `each_report`'s; the progress line is shown as `BatchProgress`
    shows it (``quiet``, ``verbose``).
    """
    with BatchProgress(verb, quiet=quiet, verbose=verbose) as progress:
        yield (
            each_report(
                inputs,
                progress,
                from_format=from_format,
                jobs=jobs,
                apply=apply,
                templates=templates,
                sandboxed=sandboxed,
                apply_alone=apply_alone,
                failures=failures,
            ),
            progress,
        )
