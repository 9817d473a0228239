"""Planning a conversion run: which inputs to convert, and each one's output path.

Pure decisions over paths, before any report is read: the inputs a folder or glob finds under
the output folder are passed over (earlier outputs), and an output that is an input, or is
also another input's output, is refused.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from fazhi_report.batch import ConvertTask, InputFile
from fazhi_report.cli.io import STDIO

__all__ = ["names_one_file", "outside", "plan", "with_paths"]


def names_one_file(name: str) -> bool:
    """Whether ``name`` is standard input or a single file (not a folder, not a glob)."""
    return name == STDIO or (not Path(name).is_dir() and not (set("*?[") & set(name)))


def outside(
    found: list[InputFile], inputs: Sequence[str], root: Path | None
) -> tuple[list[InputFile], list[str]]:
    """The inputs to convert, and those a folder or glob found under the output folder.

    Files under ``--out-dir`` found by searching a folder or a glob are earlier outputs, not
    inputs (an output folder inside the input folder): they are passed over, and said to be.
    A file named outright is always converted: its output never overwrites it (see `plan`).
    """
    if root is None:
        return found, []
    top = root.resolve()
    named = {Path(name).resolve() for name in inputs if Path(name).is_file()}
    kept: list[InputFile] = []
    passed_over: list[str] = []
    for item in found:
        path = item.path.resolve()
        if path.is_relative_to(top) and path not in named:
            passed_over.append(os.fspath(item.path))
        else:
            kept.append(item)
    return kept, passed_over


def plan(
    found: list[InputFile], root: Path | None, suffix: str
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Each input's output path; inputs refused (their output is an input, or taken)."""
    inputs = {f.path.resolve() for f in found}
    taken: dict[Path, str] = {}
    tasks: list[tuple[str, str]] = []
    refused: list[tuple[str, str]] = []
    for item in found:
        source = os.fspath(item.path)
        if root is not None:
            target = root / item.relative.with_suffix(suffix)
        else:
            target = item.path.with_suffix(suffix)
        key = target.resolve()
        if key in inputs:
            refused.append((source, f"{source}: its output {target} is an input; not overwritten"))
        elif key in taken:
            refused.append(
                (source, f"{source}: its output {target} is also the output of {taken[key]}")
            )
        else:
            taken[key] = source
            tasks.append((source, os.fspath(target)))
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
