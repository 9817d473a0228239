"""Parsing many files: `parse_one` never raises for a bad file, `parse_many` runs it over
the process pool, and `ParseFailure` stands in for a report that could not be read."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar, overload

import attrs

from fazhi_report.api import load
from fazhi_report.batch.pool import map_ordered
from fazhi_report.errors import FazhiReportError
from fazhi_report.model import Report

__all__ = ["ParseFailure", "parse_many", "parse_one"]

_R = TypeVar("_R")


@attrs.frozen
class ParseFailure:
    """An input that could not be parsed: the value `parse_many` yields in place of a report.

    It is plain data (it pickles and compares by value), so failures travel back from worker
    processes and distributed engines as easily as reports.

    Attributes:
        path: the input, as it was given.
        error: the class name of the error, e.g. ``"DecodeError"``.
        message: the error's one-line message (it names the file and, where known, the line).
    """

    path: str
    error: str
    message: str

    @classmethod
    def from_exception(cls, path: str | os.PathLike[str], exc: BaseException) -> ParseFailure:
        """The failure for ``exc`` raised while reading ``path``."""
        return cls(os.fspath(path), type(exc).__name__, str(exc) or type(exc).__name__)

    def __str__(self) -> str:
        return f"{self.error}: {self.message}"


def parse_one(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    templates: str | os.PathLike[str] | None = None,
    sandboxed: bool = False,
) -> Report | ParseFailure:
    """Read one report file; a bad file gives a `ParseFailure` instead of raising.

    This is the function a distributed engine maps over paths: it needs nothing but the path,
    and what it returns pickles.

    Args:
        path: the file.
        format: its format; by default from its suffix or magic bytes, as `fazhi_report.load`.
        templates: the template folder the file was written with, as for `fazhi_report.load`.
        sandboxed: whether to run that folder in the sandbox, as for `fazhi_report.load`.
    """
    try:
        return load(path, format, templates=templates, sandboxed=sandboxed)
    except (FazhiReportError, OSError) as exc:
        return ParseFailure.from_exception(path, exc)
    except Exception as exc:  # a parser bug must not stop a run of ten thousand files
        return ParseFailure.from_exception(path, exc)


@overload
def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    format: str | None = None,
    chunksize: int = 16,
    apply: None = None,
    templates: str | os.PathLike[str] | None = None,
    sandboxed: bool = False,
) -> Iterator[Report | ParseFailure]: ...
@overload
def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    format: str | None = None,
    chunksize: int = 16,
    apply: Callable[[Report], _R],
    templates: str | os.PathLike[str] | None = None,
    sandboxed: bool = False,
) -> Iterator[_R | ParseFailure]: ...
def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    format: str | None = None,
    chunksize: int = 16,
    apply: Callable[[Report], Any] | None = None,
    templates: str | os.PathLike[str] | None = None,
    sandboxed: bool = False,
) -> Iterator[Any]:
    """Parse many report files over a process pool, yielding one result per path, in order.

    Each result is the `Report`, or a `ParseFailure` saying why that file could not be read:
    one bad file never stops the run. Results stream: only a few chunks of files are in
    flight at a time, so memory stays flat however many paths there are, and ``paths`` may
    itself be a generator.

    Args:
        paths: the files (see `find_reports` to expand folders and globs).
        jobs: processes that parse, this one included: ``jobs - 1`` workers start, and
            this process parses files too whenever the next result is not ready (so its
            time is not spent waiting, nor its reports pickled); ``None`` for the number of
            cores, ``1`` to parse in this process only. With ``sandboxed=True`` this
            process parses nothing and ``jobs`` workers start.
        format: the format of every file; by default each file's suffix or magic bytes.
        chunksize: files sent to a worker at a time.
        apply: a picklable function (defined at module level, not a lambda) run on each
            report in the worker, whose result is yielded instead of the report, e.g.
            `fazhi_report.rows.report_row`; its results must pickle (a worker sends them
            back). Sending back a row rather than the whole
            report is what lets a pool scale: a report costs about as much to pickle as to
            parse. An exception it raises becomes that input's `ParseFailure`.
        templates: the template folder the files were written with, as for
            `fazhi_report.load` (each worker compiles it once).
        sandboxed: run ``templates`` in the bounded sandbox, for a folder you did not write;
            a folder the sandbox refuses makes each input a `ParseFailure` (``TemplateError``).

    >>> list(parse_many(["no-such-file.txt"], jobs=1))[0].error
    'FileError'
    """
    names = (os.fspath(path) for path in paths)
    folder = None if templates is None else os.fspath(templates)
    work = _ParseChunk(format, apply, folder, sandboxed)
    # The sandbox forks a child per file; forking while the pool's threads run can hang, so a
    # sandboxed run leaves all the parsing to the workers.
    return map_ordered(work, names, jobs=jobs, chunksize=chunksize, share=not sandboxed)


@attrs.frozen
class _ParseChunk:
    """The work on one chunk of paths, with its options bound; picklable, unlike a closure."""

    format: str | None
    apply: Callable[[Report], Any] | None
    templates: str | None = None
    sandboxed: bool = False

    def __call__(self, paths: list[str]) -> list[Any]:
        results: list[Any] = []
        for path in paths:
            result = parse_one(
                path, self.format, templates=self.templates, sandboxed=self.sandboxed
            )
            if self.apply is not None and not isinstance(result, ParseFailure):
                try:
                    result = self.apply(result)
                except Exception as exc:
                    result = ParseFailure.from_exception(path, exc)
            results.append(result)
        return results
