"""Planning a conversion run: which inputs to convert, and each one's output path.

Pure decisions over names, before any report is read: the inputs a folder or glob finds under
the output folder are passed over (earlier outputs), and an output that is an input, or is
also another input's output, is refused. Local paths and fsspec URLs (`fazhi_report.urls`)
are compared as one kind of name: a local path as the ``file://`` URL of its real path, a URL
as fsspec spells it (``memory://a`` is ``memory:///a``), so ``/tmp/a.txt`` and
``file:///tmp/a.txt`` are one file.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from fazhi_report import urls
from fazhi_report.batch import ConvertTask, InputFile
from fazhi_report.cli.io import STDIO

__all__ = ["names_one_file", "outside", "plan", "same_file_key", "with_paths"]


def names_one_file(name: str) -> bool:
    """Whether ``name`` is standard input or a single file (not a folder, not a glob).

    A URL is asked of its store (a folder there is not one file).
    """
    if name == STDIO:
        return True
    if urls.is_glob(name):
        return False
    return urls.url_kind(name) != "folder" if urls.is_url(name) else not Path(name).is_dir()


def same_file_key(name: Path | str) -> str:
    """The name by which two spellings of one file compare equal (see the module); for a
    URL, fsspec must be installed."""
    if isinstance(name, str) and urls.is_url(name):
        key = urls.canonical_url(name)
        if not key.startswith("file://") or "::" in key:
            return key
        name = Path(key.removeprefix("file://"))
    return "file://" + Path(name).resolve().as_posix()


def _is_below(key: str, folder: str) -> bool:
    return key.startswith(folder.rstrip("/") + "/")


def outside(
    found: list[InputFile], inputs: Sequence[str], root: Path | str | None
) -> tuple[list[InputFile], list[str]]:
    """The inputs to convert, and those a folder or glob found under the output folder.

    Files under ``--out-dir`` found by searching a folder or a glob are earlier outputs, not
    inputs (an output folder inside the input folder): they are passed over, and said to be.
    A file named outright is always converted: its output never overwrites it (see `plan`).
    ``root`` is a local folder or a folder URL.
    """
    if root is None:
        return found, []
    top = same_file_key(root)
    named = {
        same_file_key(name)
        for name in inputs
        if (urls.is_url(name) and not urls.is_glob(name)) or Path(name).is_file()
    }
    kept: list[InputFile] = []
    passed_over: list[str] = []
    for item in found:
        key = same_file_key(item.path)
        if _is_below(key, top) and key not in named:
            passed_over.append(os.fspath(item.path))
        else:
            kept.append(item)
    return kept, passed_over


def _target(item: InputFile, root: Path | str | None, suffix: str) -> Path | str:
    """The output of ``item``: below ``root`` as it lies below its folder, else beside it."""
    if isinstance(root, str):
        return urls.join_url(
            root, PurePosixPath(item.relative.as_posix()).with_suffix(suffix).as_posix()
        )
    if root is not None:
        return root / item.relative.with_suffix(suffix)
    if isinstance(item.path, Path):
        return item.path.with_suffix(suffix)
    layers, place = urls.split_layers(item.path)
    head, sep, chain = place.partition("::")
    folder, slash, name = head.rpartition("/")  # a URL is no path: keep its "//" as they are
    return f"{layers}{folder}{slash}{PurePosixPath(name).with_suffix(suffix)}{sep}{chain}"


def plan(
    found: list[InputFile], root: Path | str | None, suffix: str
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Each input's output (a local path or a URL); inputs refused (their output is an
    input, is taken, or lies inside an archive)."""
    inputs = {same_file_key(f.path) for f in found}
    taken: dict[str, str] = {}
    tasks: list[tuple[str, str]] = []
    refused: list[tuple[str, str]] = []
    for item in found:
        source = os.fspath(item.path)
        target = os.fspath(_target(item, root, suffix))
        key = same_file_key(target)
        if root is None and "::" in target:
            refused.append(
                (source, f"{source}: its output would go inside an archive; give --out-dir")
            )
        elif key in inputs:
            refused.append((source, f"{source}: its output {target} is an input; not overwritten"))
        elif key in taken:
            refused.append(
                (source, f"{source}: its output {target} is also the output of {taken[key]}")
            )
        else:
            taken[key] = source
            tasks.append((source, target))
    return tasks, refused


def with_paths(template: ConvertTask, source: str, target: str) -> ConvertTask:
    """``template`` (the run's options) for one input and its output."""
    return ConvertTask(
        source,
        target,
        template.from_format,
        template.to_format,
        template.style,
        template.encoding,
        template.options,
        template.force,
        template.read,
    )
