"""fazhi_report.dask: bags and frames of reports, on the synchronous scheduler and on a
LocalCluster of two worker processes (the ``cluster`` mark: deselect with ``-m 'not cluster'``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask", reason="the dask extra is not installed")
pytest.importorskip("distributed", reason="the dask extra (distributed) is not installed")
pytest.importorskip("pandas", reason="the dask extra (pandas) is not installed")

import fazhi_report as fr
from fazhi_report.dask import LEVELS, read_reports, read_rows, row_meta, urlpaths
from fazhi_report.errors import MissingExtraError
from fazhi_report.tables import flatten

from .conftest import write_report_folder


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three of our example reports and one file that is not what its suffix says."""
    root = write_report_folder(tmp_path_factory.mktemp("reports") / "set")
    (root / "broken.docx").write_bytes(b"this is no zip archive")
    return root


def _files(folder: Path) -> list[str]:
    return urlpaths(folder)


def _expected(files: list[str], level: str) -> list[dict[str, Any]]:
    """The rows of ``level`` made in this process, one report at a time, as fr.to_rows does."""
    results = list(fr.parse_many(files, jobs=1))
    if level == "reports":
        return fr.to_rows(zip(files, results, strict=True), level="reports")
    rows: list[dict[str, Any]] = []
    for file, result in zip(files, results, strict=True):
        if isinstance(result, fr.ParseFailure):
            rows.append({"file": file, "error": str(result)})
            continue
        if level in ("sections", "points"):
            found = fr.to_rows(result, level)  # type: ignore[call-overload]
        else:
            records = fr.check(result) if level == "findings" else fr.figures(result)
            found = [flatten(r.to_dict()) for r in records]
        rows.extend({"file": file, "error": None, **row} for row in found)
    columns = list(row_meta(level).columns)  # type: ignore[arg-type]
    return [{c: row.get(c) for c in columns} for row in rows]


def _records(frame: Any) -> list[dict[str, Any]]:
    """A pandas frame as plain dicts, missing values as None."""
    plain = frame.astype(object).where(frame.notna(), None)
    return [dict(row) for row in plain.to_dict("records")]


# ---------------------------------------------------------------- synchronous scheduler


@pytest.mark.parametrize("level", LEVELS)
def test_rows_on_the_synchronous_scheduler_equal_rows_made_in_one_process(
    folder: Path, level: str
) -> None:
    files = _files(folder)
    frame = read_rows(folder, level, partition_size=2).compute(scheduler="sync")  # type: ignore[arg-type]
    assert _records(frame) == _expected(files, level)
    assert frame.dtypes.to_dict() == row_meta(level).dtypes.to_dict()  # type: ignore[arg-type]


def test_the_schema_is_declared_not_computed(tmp_path: Path) -> None:
    # a file that would fail to parse is only a name until compute(): building reads nothing
    (tmp_path / "a.txt").write_bytes(
        (Path(fr.__file__).parents[2] / "examples" / "sample_report.txt").read_bytes()
    )
    frame = read_rows(tmp_path, "sections")
    (tmp_path / "a.txt").write_bytes(b"\xff\xfe\xfd not a report")
    assert list(frame.columns) == list(row_meta("sections").columns)
    assert frame.dtypes.to_dict() == row_meta("sections").dtypes.to_dict()


def test_a_broken_file_is_a_failure_row_not_a_failed_job(folder: Path) -> None:
    frame = read_rows(folder, "reports").compute(scheduler="sync")
    broken = frame[frame["file"].str.endswith("broken.docx")]
    assert len(broken) == 1
    assert broken["error"].iloc[0].startswith(("DecodeError", "ParseError", "FileError"))
    assert broken["title"].isna().all()
    good = frame[~frame["file"].str.endswith("broken.docx")]
    assert good["error"].isna().all() and len(good) == 3
    # at a finer level the broken file still has its one row, holding the error
    points = read_rows(folder, "points").compute(scheduler="sync")
    failed = points[points["error"].notna()]
    assert list(failed["file"]) == [str(folder / "broken.docx")]


def test_reports_bag_on_the_synchronous_scheduler(folder: Path) -> None:
    files = _files(folder)
    assert read_reports(folder, partition_size=3).compute(scheduler="sync") == list(
        fr.parse_many(files, jobs=1)
    )


def test_urls_are_read_through_fsspec() -> None:
    fsspec = pytest.importorskip("fsspec", reason="the fsspec extra is not installed")
    sample = (Path(fr.__file__).parents[2] / "examples" / "sample_report.txt").read_bytes()
    fs = fsspec.filesystem("memory")
    fs.pipe("/h21dask/a.txt", sample)
    fs.pipe("/h21dask/sub/b.txt", sample.replace("青禾县".encode(), "石门县".encode()))
    fs.pipe("/h21dask/README.md", b"# what this folder holds")  # passed over, as by the CLI
    fs.pipe("/h21dask/.draft/c.txt", sample)  # hidden: passed over
    try:
        # the memory store lives in this process, so the synchronous scheduler reads it
        frame = read_rows("memory://h21dask/", "reports").compute(scheduler="sync")
        assert [f.split("h21dask/")[1] for f in frame["file"]] == ["a.txt", "sub/b.txt"]
        assert all(f.startswith("memory://") for f in frame["file"])
        assert list(frame["organ"]) == ["青禾县公安局", "石门县公安局"]
    finally:
        fs.rm("/h21dask", recursive=True)


def test_an_unknown_level_is_refused(folder: Path) -> None:
    with pytest.raises(ValueError, match="level"):
        read_rows(folder, "paragraphs")  # type: ignore[arg-type]


def test_without_the_extra_the_error_names_it(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(MissingExtraError, match=r'pip install "fazhi-report\[dask\]"'):
        read_reports(folder)


# ---------------------------------------------------------------- a cluster of two processes


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            processes=True, n_workers=2, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.mark.cluster
def test_reports_bag_on_a_cluster_equals_parse_many(folder: Path, client: Any) -> None:
    files = _files(folder)
    bag = read_reports(folder, partition_size=2)
    assert client.compute(bag).result() == list(fr.parse_many(files, jobs=1))


@pytest.mark.cluster
@pytest.mark.parametrize("level", LEVELS)
def test_rows_on_a_cluster_equal_rows_made_in_one_process(
    folder: Path, client: Any, level: str
) -> None:
    files = _files(folder)
    frame = client.compute(read_rows(folder, level, partition_size=2)).result()  # type: ignore[arg-type]
    assert _records(frame) == _expected(files, level)
    assert frame.dtypes.to_dict() == row_meta(level).dtypes.to_dict()  # type: ignore[arg-type]
    if level == "reports":
        assert frame["error"].notna().sum() == 1
    # both workers took part: the partitions were spread, not run in the client
    assert len(client.scheduler_info()["workers"]) == 2
