"""Finding report files among the inputs: files, folders (walked recursively) and globs, on
this machine or in an fsspec store (`fazhi_report.urls`)."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from fazhi_report import registry, urls
from fazhi_report.errors import FazhiReportError, FileError

__all__ = ["InputFile", "find_reports"]


@attrs.frozen
class InputFile:
    """A report file found among the inputs.

    Attributes:
        path: the file: a `Path` on this machine, or a `str` for an fsspec URL
            (``s3://bucket/a.docx``, ``zip://a.txt::reports.zip``; see `fazhi_report.urls`).
            ``os.fspath(path)`` is its name either way, and what `fazhi_report.load` reads.
        relative: its path below the folder or glob it was found in (just its name for a file
            given by name): the path its output takes below ``--out-dir``.
    """

    path: Path | str
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
        if urls.is_glob(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path()


def find_reports(
    inputs: Iterable[str | os.PathLike[str]], *, exclude: Iterable[str | os.PathLike[str]] = ()
) -> list[InputFile]:
    """The report files ``inputs`` name: files as given, folders searched recursively, globs
    (``*``, ``?``, ``[…]``, ``**`` for any depth) expanded.

    An fsspec URL (``s3://bucket/reports/``, ``memory://r/*.txt``, ``zip://*.txt::a.zip``)
    is searched in its store the same way (`fazhi_report.urls.expand_url`, the extra
    ``fazhi-report[fsspec]``), and its files are found as URLs (``path`` a `str`); every
    other name is a local path, found as a `Path`.

    In folders and globs only files whose suffix names a readable format are taken, hidden
    files and folders (a name starting with ``.``) and a folder's own documentation
    (``README``, ``CHANGELOG``, ``LICENSE``, ``CONTRIBUTING``, any suffix) are passed over,
    and the files come in sorted order; a file named outright is taken whatever its suffix.
    A file found twice is listed once.

    Args:
        inputs: file names, folder names, glob patterns and URLs.
        exclude: folders (local, or URLs) to pass over (an output folder inside an input
            folder).

    Raises:
        FileError: an input that names no file or folder, or a glob that matches nothing.
        MissingExtraError: a URL, without the extra ``fsspec`` installed.
    """
    skip: list[Path] = []  # local folders, a file:// URL's included
    skip_urls: list[str] = []
    for name in (os.fspath(item) for item in exclude):
        spelled = urls.canonical_url(name) if urls.is_url(name) else None
        if spelled is None or (spelled.startswith("file://") and "::" not in spelled):
            skip.append(Path(spelled.removeprefix("file://") if spelled else name).resolve())
        else:
            skip_urls.append(spelled + "/")
    found: list[InputFile] = []
    seen: set[Path | str] = set()

    def add(path: Path, relative: Path) -> None:
        key = path.resolve()
        if key not in seen and not any(key.is_relative_to(s) for s in skip):
            seen.add(key)
            found.append(InputFile(path, relative))

    def add_url(url: str, relative: Path) -> None:
        spelled = urls.canonical_url(url)
        key: Path | str = spelled
        passed = any(spelled.startswith(s) for s in skip_urls)
        if spelled.startswith("file://") and "::" not in spelled:  # a local file, named so
            local = Path(spelled.removeprefix("file://")).resolve()
            key, passed = local, passed or any(local.is_relative_to(s) for s in skip)
        if key not in seen and not passed:
            seen.add(key)
            found.append(InputFile(url, relative))

    for item in inputs:
        name = os.fspath(item)
        path = Path(name)
        if urls.is_url(name):
            for url, relative in _find_urls(name):
                add_url(url, relative)
        elif path.is_dir():
            for file in sorted(_walk(path)):
                add(file, file.relative_to(path))
        elif path.exists():
            add(path, Path(path.name))
        elif urls.is_glob(name):
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


def _find_urls(url: str) -> list[tuple[str, Path]]:
    """The files ``url`` names, filtered as a local folder or glob is, with their paths below it."""
    # a file or folder whose name holds a glob character is itself, as a local one is
    kind = urls.url_kind(url)
    if kind is None and not urls.is_glob(url):
        raise FileError("no such file or folder", source=url)
    if kind == "file":  # named outright: taken whatever its suffix, as given
        return [(url, Path(relative)) for _, relative in urls.expand_url(url)]
    files = [
        (found, Path(relative))
        for found, relative in urls.expand_url(url)
        if not any(part.startswith(".") for part in relative.split("/"))
        and _readable(Path(relative))
    ]
    if not files and kind is None:
        raise FileError("no report file matches this pattern", source=url)
    return files


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for file in files:
            path = Path(root, file)
            if not file.startswith(".") and _readable(path):
                yield path
