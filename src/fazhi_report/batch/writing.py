"""Atomic writes: a file is either absent, its old self or complete."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from fazhi_report.errors import FileError

__all__ = ["write_atomically", "writing_atomically"]


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that the file is either absent, its old self or complete.

    The bytes go to a hidden temporary file beside ``path``, which is then renamed over it;
    an interruption at any point (Ctrl-C, a full disk) leaves no half-written ``path`` and
    removes the temporary file.

    Raises:
        FileError: the file cannot be written.
    """
    try:
        with writing_atomically(path) as stream:
            stream.write(data)
    except FileError:
        raise
    except OSError as exc:  # writing the bytes (a full disk)
        raise _cannot_write(exc, path) from None


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
            raise _cannot_write(exc, path) from None
        with stream:
            yield stream
        try:
            os.replace(temporary, target)
        except OSError as exc:
            raise _cannot_write(exc, path) from None
    finally:
        # after the rename there is nothing left to remove; before it, remove the fragment
        if temporary.exists():
            temporary.unlink()


def _cannot_write(exc: OSError, path: str | os.PathLike[str]) -> FileError:
    return FileError(f"cannot write the file: {exc.strerror or exc}", source=os.fspath(path))
