"""Reports on a Dask cluster: a bag of parsed reports, or a data frame of rows with a declared
schema (the extra ``pip install "fazhi-report[dask]"``).

```python
from dask.distributed import Client
from fazhi_report.dask import read_reports, read_rows

client = Client("tcp://scheduler:8786")            # or a LocalCluster, Kubernetes, Coiled...
frame = read_rows("s3://bucket/2025/**/*.docx", level="sections")
frame.to_parquet("s3://bucket/tables/sections/")   # each worker writes its own partitions
bag = read_reports(["reports/", "more/*.txt"])      # Report | ParseFailure, one per file
```

Only the file names go into the task graph: each worker reads its own files (a local path
must be readable at the same place on every worker; a URL through fsspec from the store), and
parses them with `fazhi_report.batch.parse_one`, so a file that cannot be read is a
`ParseFailure` (a bag) or a row holding its error (a frame), never a failed task.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, cast

import attrs

from fazhi_report.api import check, figures
from fazhi_report.batch import ParseFailure, find_reports, parse_one
from fazhi_report.errors import MissingExtraError
from fazhi_report.model import Report
from fazhi_report.rows import REPORT_KEYS, report_row, to_rows
from fazhi_report.tables import FIGURE_COLUMNS, FINDING_COLUMNS, flatten

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas as pd

__all__ = [
    "DEFAULT_PARTITION_SIZE",
    "LEVELS",
    "Level",
    "partition_rows",
    "read_reports",
    "read_rows",
    "row_meta",
    "urlpaths",
]

Level: TypeAlias = Literal["reports", "sections", "points", "findings", "figures"]
"""What one row of `read_rows` is: a report, a section, a point, a finding or a figure."""

LEVELS: tuple[str, ...] = ("reports", "sections", "points", "findings", "figures")
"""The levels `read_rows` takes."""

DEFAULT_PARTITION_SIZE = 200
"""Files per partition: enough that Dask's per-task cost (a millisecond or so) is small next
to parsing them (a report takes one to a few milliseconds), few enough to spread the work."""

_EXTRA = 'pip install "fazhi-report[dask]"'

# The dtype of each kind of value: nullable, so a failure row (all values None but the file
# and its error) has the same dtypes as a report's rows.
_STR, _INT, _BOOL = "string", "Int64", "boolean"

_ERROR_KEYS: tuple[tuple[str, str], ...] = (("file", _STR), ("error", _STR))

# the counts and positions among the findings' and figures' columns; the rest are text
_COUNTS = frozenset(("location.line", "start", "end", "multiplier"))


def _typed(columns: Iterable[str]) -> tuple[tuple[str, str], ...]:
    return tuple((name, _INT if name in _COUNTS else _STR) for name in columns)


_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "reports": tuple(
        (key, _STR if key in ("file", "error", "title", "organ", "signed", "missing") else _INT)
        if not key.startswith("has_")
        else (key, _BOOL)
        for key in REPORT_KEYS
    ),
    "sections": (
        *_ERROR_KEYS,
        *(("path", _STR), ("depth", _INT), ("level", _INT), ("number", _INT)),
        *(("role", _STR), ("heading", _STR), ("text", _STR)),
        *(("paragraphs", _INT), ("points", _INT), ("subsections", _INT)),
    ),
    "points": (
        *_ERROR_KEYS,
        *(("path", _STR), ("section", _STR), ("level", _INT), ("role", _STR)),
        *(("paragraph", _INT), ("point", _INT), ("number", _INT)),
        *(("title", _STR), ("text", _STR)),
    ),
    # the columns of `fazhi-report check --format csv` (a finding's flattened to_dict())
    "findings": (*_ERROR_KEYS, *_typed(FINDING_COLUMNS)),
    # the columns of `fazhi-report figures --format csv`; decimals stay exact, as text
    "figures": (*_ERROR_KEYS, *_typed(FIGURE_COLUMNS)),
}


def _need(module: str) -> Any:
    """The module ``module`` of the dask extra, or a `MissingExtraError` naming the extra."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(
            f"fazhi_report.dask needs {module.split('.')[0]}: {_EXTRA}"
        ) from exc


def _check_level(level: str) -> None:
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}; got {level!r}")


def urlpaths(
    urlpath_or_paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
) -> list[str]:
    """The files a path, URL, folder or glob (or a list of them) names, in order.

    Found as the command line finds them (`fazhi_report.batch.find_reports`, URLs included):
    folders searched recursively for readable suffixes, hidden files and a folder's README or
    LICENSE passed over, a file named twice listed once; nothing is read.

    Raises:
        FileError: a name that names no file (a glob matching nothing).
        MissingExtraError: a URL without fsspec installed.
    """
    if isinstance(urlpath_or_paths, (str, os.PathLike)):
        urlpath_or_paths = [urlpath_or_paths]
    return [os.fspath(found.path) for found in find_reports(urlpath_or_paths)]


def row_meta(level: Level) -> pd.DataFrame:
    """The schema of `read_rows` at ``level``: an empty pandas frame with its columns and dtypes.

    The columns are ``file`` and ``error`` (``None`` unless the file could not be read), then
    the keys of `fazhi_report.rows.to_rows` at that level (``"reports"``: `REPORT_KEYS`,
    which start with ``file`` and ``error``), or for findings and figures the columns of
    ``fazhi-report check`` / ``figures`` in CSV. Texts are ``string``, counts and positions
    ``Int64``, the ``has_…`` marks ``boolean``: nullable, as a failure's row is empty.
    """
    _check_level(level)
    pandas = _need("pandas")
    frame = pandas.DataFrame(
        {name: pandas.Series([], dtype=dtype) for name, dtype in _COLUMNS[level]},
    )
    return cast("pd.DataFrame", frame)


def _rows(file: str, result: Report | ParseFailure, level: str) -> list[dict[str, object]]:
    if level == "reports":
        return [report_row(result, file=file)]
    if isinstance(result, ParseFailure):
        return [{"file": file, "error": str(result)}]
    if level in ("sections", "points"):
        found = to_rows(result, "sections" if level == "sections" else "points")
    else:
        records = check(result) if level == "findings" else figures(result)
        found = [flatten(record.to_dict()) for record in records]
    return [{"file": file, "error": None, **row} for row in found]


@attrs.frozen
class _Partition:
    """The work of one partition of `read_rows`: its files parsed into one pandas frame
    (a class, not a closure, so that it pickles to the workers)."""

    level: str
    format: str | None

    def __call__(self, files: list[str]) -> pd.DataFrame:
        return partition_rows(files, self.level, format=self.format)  # type: ignore[arg-type]


def partition_rows(
    files: Iterable[str], level: Level, *, format: str | None = None
) -> pd.DataFrame:
    """One partition of `read_rows`, computed here: ``files`` parsed and turned into rows of
    ``level``, as a pandas frame with the dtypes of `row_meta`.

    A file that cannot be read gives one row with its ``file`` and ``error`` (the other values
    missing); any error in making the rows of a report is that report's error row, too.
    """
    meta = row_meta(level)
    pandas = _need("pandas")
    rows: list[dict[str, object]] = []
    for file in files:
        result = parse_one(file, format)
        try:
            rows.extend(_rows(file, result, level))
        except Exception as exc:  # a bug in one report's rows must not fail the partition
            rows.extend(_rows(file, ParseFailure.from_exception(file, exc), level))
    frame = pandas.DataFrame.from_records(rows, columns=list(meta.columns))
    return cast("pd.DataFrame", frame.astype(meta.dtypes.to_dict()))


def read_reports(
    urlpath_or_paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    format: str | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
) -> dask.bag.Bag:
    """The reports that paths, folders, globs or URLs name, as a Dask bag of `Report` or
    `ParseFailure`, one per file in the order `urlpaths` gives.

    The bag holds the file names until it is computed; each worker then reads and parses its
    own files (`fazhi_report.batch.parse_one`). Reports are large to send back: map them to
    what you need (``bag.map(report_row)``) before ``compute()``, or use `read_rows`.

    Args:
        urlpath_or_paths: a name or a list of names, expanded by `urlpaths`.
        format: the format of every file; by default each file's suffix or magic bytes.
        partition_size: files per partition.

    Raises:
        MissingExtraError: dask is not installed.
        FileError: a name that names no file.
    """
    bag = _need("dask.bag")
    files = urlpaths(urlpath_or_paths)
    found = bag.from_sequence(files, partition_size=partition_size).map(parse_one, format)
    return cast("dask.bag.Bag", found)


def read_rows(
    urlpath_or_paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    level: Level = "reports",
    *,
    format: str | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
) -> dask.dataframe.DataFrame:
    """The reports that paths, folders, globs or URLs name, as a Dask data frame of rows.

    Each partition is ``partition_size`` files parsed on a worker into rows of ``level``
    (`partition_rows`), so only rows come back. The schema is declared (`row_meta`), so
    building the frame reads no file.

    Args:
        urlpath_or_paths: a name or a list of names, expanded by `urlpaths`.
        level: ``"reports"`` (one row per file), ``"sections"``, ``"points"``,
            ``"findings"`` (of every rule of `fazhi_report.check`) or ``"figures"``.
        format: the format of every file; by default each file's suffix or magic bytes.
        partition_size: files per partition.

    Raises:
        ValueError: an unknown level.
        MissingExtraError: dask (or pandas) is not installed.
        FileError: a name that names no file.
    """
    _check_level(level)
    dd = _need("dask.dataframe")
    files = urlpaths(urlpath_or_paths)
    chunks = [files[i : i + partition_size] for i in range(0, len(files), partition_size)]
    frame = dd.from_map(
        _Partition(level, format),
        chunks or [[]],
        meta=row_meta(level),
        label=f"fazhi-report-{level}",
        enforce_metadata=False,
    )
    return cast("dask.dataframe.DataFrame", frame)
