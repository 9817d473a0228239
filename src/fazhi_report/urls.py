"""Reading and writing report files named by fsspec URLs (``s3://…``, ``memory://…``,
``zip://…::file.zip``), through the optional extra ``fazhi-report[fsspec]``.

A name is a URL when it starts with a protocol (``scheme://``) or chains one (``…::…``); every
other name is a local path and never touches fsspec. Reading keeps the promises local files
keep: a file is read whole or refused (a read shorter than the size the store reports is a
`FileError`), and what was read goes to the same readers and their limits.

Writing (`write_url`) goes through ``fsspec.open(url, "wb")``. Object stores (S3, GCS, Azure)
create an object only when the upload completes, so a reader never sees half a file; a local
``file://`` URL, ``memory://`` and SFTP-like stores write in place, so an interrupted run can
leave a partial file there (the CLI's local output, by contrast, is written to a temporary
file and renamed).
"""

from __future__ import annotations

import errno
import os
import re
from typing import Any, Literal

from fazhi_report.errors import FileError, MissingExtraError

__all__ = [
    "canonical_url",
    "expand_url",
    "file_link",
    "is_glob",
    "is_url",
    "join_url",
    "read_url",
    "split_layers",
    "url_kind",
    "write_url",
]

_PROTOCOL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]+://")
_GLOB_CHARS = frozenset("*?[")
_WEB = frozenset({"http", "https"})
EXTRA = 'pip install "fazhi-report[fsspec]"'


def is_url(name: str) -> bool:
    """Whether ``name`` is an fsspec URL rather than a local path (``C:\\x`` is a path)."""
    return bool(_PROTOCOL.match(name)) or ("::" in name and "://" in name)


def _fsspec(url: str) -> Any:
    try:
        import fsspec
    except ImportError:
        raise MissingExtraError(
            "reading and writing URLs needs fsspec, which is not installed",
            source=url,
            expected=f"a local path, or the extra: {EXTRA}",
        ) from None
    return fsspec


def split_layers(url: str) -> tuple[str, str]:
    """``url``'s leading links that name no place (``simplecache::``, ``blockcache::``:
    fsspec's caching layers, ``""`` when there are none), and the rest, which starts with the
    link that names the file or folder."""
    prefix = ""
    while "::" in url and "://" not in url.partition("::")[0]:
        head, sep, url = url.partition("::")
        prefix += head + sep
    return prefix, url


def file_link(url: str) -> str:
    """The link of ``url`` that names the file, whose suffix is the file's:
    ``zip://a.docx`` of ``zip://a.docx::s3://bucket/r.zip``, ``s3://bucket/a.docx`` of
    ``simplecache::s3://bucket/a.docx``."""
    return split_layers(url)[1].partition("::")[0]


def _file_error(url: str, exc: BaseException) -> FileError:
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    if isinstance(exc, FileNotFoundError) and not exc.strerror:
        # fsspec's message is the bare path: say it as for a local file
        reason = os.strerror(errno.ENOENT)
    return FileError(f"cannot read the file: {reason}", source=url)


def read_url(url: str) -> bytes:
    """The whole content of the file at ``url``.

    Raises:
        MissingExtraError: fsspec is not installed.
        FileError: the file cannot be read, is a folder, or was read shorter than its size.
    """
    fsspec = _fsspec(url)
    try:
        with fsspec.open(url, "rb") as file:
            data: bytes = file.read()
            size = getattr(file, "size", None)
    except Exception as exc:  # a backend's own errors too (zipfile.BadZipFile, …)
        raise _file_error(url, exc) from None
    if isinstance(size, int) and len(data) != size:
        raise FileError(
            f"read {len(data):,} of the {size:,} bytes the store reports: refused rather "
            "than read a shorter document",
            source=url,
        )
    return data


def write_url(url: str, data: bytes) -> None:
    """Write ``data`` to the file at ``url`` (atomic where the store is: see the module).

    Raises:
        MissingExtraError: fsspec is not installed.
        FileError: the store refuses the write.
    """
    fsspec = _fsspec(url)
    try:
        with fsspec.open(url, "wb", auto_mkdir=True) as file:
            file.write(data)
    except Exception as exc:  # a backend's own errors too
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise FileError(f"cannot write the file: {reason}", source=url) from None


def join_url(folder: str, relative: str) -> str:
    """``relative`` (``/``-separated) below the folder URL ``folder``."""
    prefix, folder = split_layers(folder)
    head, sep, chain = folder.partition("::")
    return f"{prefix}{head.rstrip('/')}/{relative}{sep}{chain}"


def is_glob(name: str) -> bool:
    """Whether ``name`` (a URL or a local path) is a pattern (``*``, ``?``, ``[…]``) rather
    than the name of one file or folder.

    Only the first link of a chained URL that names a place is a pattern
    (``zip://*.txt::reports.zip``, ``simplecache::s3://bucket/*.docx``), and a web address
    (``http://``, ``https://``) never is: its ``?`` starts a query.
    """
    if not is_url(name):
        return bool(_GLOB_CHARS & set(name))
    scheme, _, path = split_layers(name)[1].partition("::")[0].partition("://")
    return scheme.lower() not in _WEB and bool(_GLOB_CHARS & set(path))


def canonical_url(url: str) -> str:
    """``url`` as fsspec spells it (``memory://a`` is ``memory:///a``; no trailing ``/``), so
    that two spellings of one file compare equal. Nothing is read, but an archive a chain
    names is opened (``zip://a.txt::s3://bucket/r.zip`` asks for ``r.zip``).

    Raises:
        MissingExtraError: fsspec is not installed.
        FileError: an unknown protocol, or a URL fsspec cannot take apart.
    """
    fsspec = _fsspec(url)
    prefix, place = split_layers(url)
    _, sep, chain = place.partition("::")
    try:
        fs, path = fsspec.core.url_to_fs(place)
    except Exception as exc:  # a backend's own errors too
        raise _file_error(url, exc) from None
    scheme, slashes, rest = fs.unstrip_protocol(path).partition("://")
    return f"{prefix}{scheme}{slashes}{rest.rstrip('/') or rest}{sep}{chain}"  # a root keeps /


def url_kind(url: str) -> Literal["file", "folder"] | None:
    """What ``url`` names in its store: ``"file"``, ``"folder"``, or ``None`` for nothing.

    Raises:
        MissingExtraError: fsspec is not installed.
        FileError: the store cannot be asked (an unknown protocol, no access).
    """
    fsspec = _fsspec(url)
    try:
        fs, path = fsspec.core.url_to_fs(url)
        if fs.isdir(path):
            return "folder"
        return "file" if fs.isfile(path) else None
    except Exception as exc:  # a backend's own errors too
        raise _file_error(url, exc) from None


def expand_url(url: str) -> list[tuple[str, str]]:
    """The files a URL names, as (URL, path relative to the folder or glob), sorted.

    A file is itself; a folder is searched recursively; a glob (``*``, ``?``, ``[…]``, ``**``)
    is expanded by the store, as a local glob is. Only the first link of a chained URL
    (``zip://*.txt::archive.zip``) is searched; caching layers before it
    (``simplecache::s3://…``) are kept on every file found.

    Raises:
        MissingExtraError: fsspec is not installed.
        FileError: the URL names nothing.
    """
    fsspec = _fsspec(url)
    prefix, place = split_layers(url)
    _, sep, chain = place.partition("::")
    try:
        fs, path = fsspec.core.url_to_fs(place)
        if fs.isdir(path):  # a name holding a glob character that exists is itself
            root, matches = path, fs.find(path)
        elif fs.isfile(path):
            root, matches = path.rpartition("/")[0], [path]
        elif is_glob(place):
            root = _fixed_part(path)
            matches = [m for m in fs.glob(path) if fs.isfile(m)]
            for folder in (m for m in fs.glob(path) if fs.isdir(m)):
                matches.extend(fs.find(folder))
        else:
            matches = None
    except Exception as exc:  # a backend's own errors too (zipfile.BadZipFile, …)
        raise _file_error(url, exc) from None
    if matches is None:
        raise FileError("no such file or folder", source=url)
    found = []
    for match in sorted(set(matches)):
        relative = match[len(root) :].lstrip("/") if match.startswith(root) else match
        found.append((prefix + fs.unstrip_protocol(match) + sep + chain, relative))
    if not found:
        raise FileError("no report file matches this pattern", source=url)
    return found


def _fixed_part(path: str) -> str:
    fixed = []
    for part in path.split("/"):
        if _GLOB_CHARS & set(part):
            break
        fixed.append(part)
    return "/".join(fixed)
