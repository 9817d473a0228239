"""Finding report files among the inputs: files, folders (walked recursively) and globs."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from fazhi_report import registry
from fazhi_report.errors import FazhiReportError, FileError

__all__ = ["InputFile", "find_reports"]

_GLOB_CHARS = frozenset("*?[")


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
