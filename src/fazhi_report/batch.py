"""Many reports at once: find them in folders and globs, parse them over a process pool, and
convert them with atomic writes.

```python
import fazhi_report as fr

paths = fr.batch.find_reports(["reports/"])            # every readable file, recursively
for path, result in zip(paths, fr.parse_many(paths, jobs=4)):
    if isinstance(result, fr.ParseFailure):
        print(result)                                   # "a.txt: DecodeError: ..."
    else:
        print(result.organ, result.year)
```

Parsing is pure work on one file at a time, so it spreads over processes. `parse_many` keeps
only a bounded number of files in flight and yields in input order, so memory stays flat
however many paths it is given; every result (a `Report` or a `ParseFailure`) pickles, so
the same `parse_one` runs in any distributed engine's map step (see the docs page "Batch
and scale").
"""

from __future__ import annotations

import concurrent.futures as futures
import contextlib
import glob
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TypeVar, overload

import attrs

from fazhi_report import registry
from fazhi_report.api import load, output_encoding, render
from fazhi_report.decoding import encode
from fazhi_report.errors import FazhiReportError, FileError, UnknownFormatError
from fazhi_report.model import Report

__all__ = [
    "ConvertOutcome",
    "ConvertTask",
    "InputFile",
    "ParseFailure",
    "convert_many",
    "convert_one",
    "default_jobs",
    "find_reports",
    "map_ordered",
    "parse_many",
    "parse_one",
    "render_bytes",
    "suffix_for",
    "write_atomically",
    "writing_atomically",
]

_T = TypeVar("_T")
_R = TypeVar("_R")

# Chunks in flight per worker: enough to keep every worker busy while the parent consumes
# results in order, few enough that memory does not grow with the number of inputs.
_AHEAD_PER_JOB = 4
_GLOB_CHARS = frozenset("*?[")


def default_jobs() -> int:
    """The default number of worker processes: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# --------------------------------------------------------------------------- results


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


# ------------------------------------------------------------------------------ pool


def _ignore_interrupt() -> None:
    """Worker initializer: Ctrl-C goes to the parent, which lets running chunks finish."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


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
) -> Iterator[_R]:
    """``function`` applied to chunks of ``items`` in a process pool, results in input order.

    At most ``jobs * 4`` chunks are in flight at once, so a long (or endless) iterable of items
    is consumed as results are taken, and memory does not grow with its length. With
    ``jobs=1`` everything runs in this process, with no pool. Closing the iterator early (or
    Ctrl-C) cancels the chunks not yet started and waits for the running ones, which are
    never cut off halfway; their results are dropped.

    To stop early *and* learn every result of the work done, pass ``stop``: once it returns
    true (it is asked between results), no chunk is started, the running ones finish, and the
    results of every chunk that finished are still yielded, in order, before the iterator
    ends. A caller that writes files in ``function`` counts exactly the files written.

    Args:
        function: a picklable function from a list of items to a list of results, one each.
        items: the inputs (picklable).
        jobs: worker processes; ``None`` for `default_jobs`.
        chunksize: items sent to a worker at a time.
        stop: asked between results: true to stop after the chunks under way.
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
    pool = futures.ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupt)
    pending: deque[futures.Future[list[_R]]] = deque()
    try:
        chunks = _chunks(items, chunksize)
        for chunk in chunks:
            if stopping():
                break
            pending.append(pool.submit(function, chunk))
            if len(pending) >= jobs * _AHEAD_PER_JOB:
                yield from pending.popleft().result()
        while pending:
            if stopping():
                # chunks not started are dropped; those under way finish and are yielded
                pool.shutdown(wait=True, cancel_futures=True)
                pending = deque(future for future in pending if not future.cancelled())
                stop = None
                if not pending:
                    break
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


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
        jobs: worker processes; ``None`` for the number of cores, ``1`` to parse in this
            process.
        format: the format of every file; by default each file's suffix or magic bytes.
        chunksize: files sent to a worker at a time.
        apply: a picklable function (defined at module level, not a lambda) run on each
            report in the worker, whose result is yielded instead of the report, e.g.
            `fazhi_report.rows.report_row`. Sending back a row rather than the whole
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
    return map_ordered(work, names, jobs=jobs, chunksize=chunksize)


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


# ---------------------------------------------------------------------- finding inputs


@attrs.frozen
class InputFile:
    """A report file found among the inputs.

    Attributes:
        path: the file.
        relative: its path below the folder or glob it was found in (just its name for a file
            given by name): the path its output takes below ``--out-dir``.
    """

    path: Path
    relative: Path


# A folder's own documentation, found beside the reports: never a report when a folder is
# searched (named outright, it is read like any file).
_NOT_REPORTS = frozenset({"readme", "changelog", "changes", "license", "licence", "contributing"})


def _readable(path: Path) -> bool:
    if path.stem.lower() in _NOT_REPORTS:
        return False
    try:
        return registry.can_read(registry.format_for_path(path))
    except FazhiReportError:
        return False


def _glob_root(pattern: str) -> Path:
    """The folder above the first part of ``pattern`` that holds a glob character."""
    parts = Path(pattern).parts
    fixed = []
    for part in parts:
        if _GLOB_CHARS & set(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path()


def find_reports(
    inputs: Iterable[str | os.PathLike[str]], *, exclude: Iterable[Path] = ()
) -> list[InputFile]:
    """The report files ``inputs`` name: files as given, folders searched recursively, globs
    (``*``, ``?``, ``[…]``, ``**`` for any depth) expanded.

    In folders and globs only files whose suffix names a readable format are taken, hidden
    files and folders (a name starting with ``.``) and a folder's own documentation
    (``README``, ``CHANGELOG``, ``LICENSE``, ``CONTRIBUTING``, any suffix) are passed over,
    and the files come in sorted order; a file named outright is taken whatever its suffix.
    A file found twice is listed once.

    Args:
        inputs: file names, folder names and glob patterns.
        exclude: folders to pass over (an output folder inside an input folder).

    Raises:
        FileError: an input that names no file or folder, or a glob that matches nothing.
    """
    skip = [p.resolve() for p in exclude]
    found: list[InputFile] = []
    seen: set[Path] = set()

    def add(path: Path, relative: Path) -> None:
        key = path.resolve()
        if key not in seen and not any(key.is_relative_to(s) for s in skip):
            seen.add(key)
            found.append(InputFile(path, relative))

    for item in inputs:
        name = os.fspath(item)
        path = Path(name)
        if path.is_dir():
            for file in sorted(_walk(path)):
                add(file, file.relative_to(path))
        elif path.exists():
            add(path, Path(path.name))
        elif _GLOB_CHARS & set(name):
            root = _glob_root(name)
            matches = sorted(Path(m) for m in glob.glob(name, recursive=True))
            files = [m for m in matches if m.is_file() and _readable(m)]
            for folder in (m for m in matches if m.is_dir()):
                files.extend(sorted(_walk(folder)))
            if not files:
                raise FileError("no report file matches this pattern", source=name)
            for file in files:
                add(file, file.relative_to(root))
        else:
            raise FileError("no such file or folder", source=name)
    return found


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for file in files:
            path = Path(root, file)
            if not file.startswith(".") and _readable(path):
                yield path


# --------------------------------------------------------------------------- writing


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that the file is either absent, its old self or complete.

    The bytes go to a hidden temporary file beside ``path``, which is then renamed over it;
    an interruption at any point (Ctrl-C, a full disk) leaves no half-written ``path`` and
    removes the temporary file.

    Raises:
        FileError: the file cannot be written.
    """
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with open(temporary, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except OSError as exc:
        raise FileError(
            f"cannot write the file: {exc.strerror or exc}", source=os.fspath(path)
        ) from None
    finally:
        # After the rename there is nothing left to remove; before it, remove the fragment.
        if temporary.exists():
            temporary.unlink()


@contextlib.contextmanager
def writing_atomically(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """`write_atomically` for bytes written piece by piece: a binary stream to write to.

    The file at ``path`` appears (or is replaced) only when the block ends without an
    error; an error or an interruption inside it leaves ``path`` as it was and removes the
    temporary file.

    Raises:
        FileError: the file cannot be opened or renamed.
    """
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        try:
            stream = open(temporary, "wb")  # noqa: SIM115 - closed below, before the rename
        except OSError as exc:
            raise FileError(
                f"cannot write the file: {exc.strerror or exc}", source=os.fspath(path)
            ) from None
        with stream:
            yield stream
        try:
            os.replace(temporary, target)
        except OSError as exc:
            raise FileError(
                f"cannot write the file: {exc.strerror or exc}", source=os.fspath(path)
            ) from None
    finally:
        # after the rename there is nothing left to remove; before it, remove the fragment
        if temporary.exists():
            temporary.unlink()


# --------------------------------------------------------------------------- converting


@attrs.frozen
class ConvertTask:
    """One conversion the ``convert`` command hands to a worker: all plain, picklable data.

    Attributes:
        source: the input file.
        target: the output file.
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
    status: str
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

    An existing output is skipped unless ``task.force``.
    """
    started = time.perf_counter()

    def outcome(status: str, reason: str = "") -> ConvertOutcome:
        return ConvertOutcome(
            task.source, task.target, status, reason, time.perf_counter() - started
        )

    if not task.force and os.path.lexists(task.target):
        return outcome("skipped", "the output exists (--force overwrites it)")
    try:
        report = load(task.source, task.from_format, **task.read)
        data = render_bytes(
            report,
            task.to_format,
            style=task.style,
            encoding=task.encoding,
            options=task.options,
            target=task.target,
        )
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
