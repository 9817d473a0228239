"""fazhi_report.batch: finding report files, parse_many over a process pool, atomic writes."""

from __future__ import annotations

import gc
import itertools
import os
import pickle
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fazhi_report as fr
from fazhi_report.batch import (
    ConvertTask,
    InputFile,
    ParseFailure,
    convert_one,
    find_reports,
    map_ordered,
    parse_many,
    write_atomically,
)

from .conftest import EXAMPLES, write_report_folder
from .strategies import reports

SAMPLE = (EXAMPLES / "sample_report.txt").read_bytes()
WEB = (EXAMPLES / "web_page.txt").read_bytes()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of reports: two at the top, one a level down, and things to pass over."""
    root = write_report_folder(tmp_path / "reports")
    (root / ".hidden").mkdir()
    (root / "notes.md5").write_bytes(b"not a report")
    (root / ".hidden" / "d.txt").write_bytes(SAMPLE)
    (root / ".e.txt").write_bytes(SAMPLE)
    return root


def _names(found: list[InputFile]) -> list[str]:
    return [f.relative.as_posix() for f in found]


# ------------------------------------------------------------------------- find_reports


def test_a_folder_is_searched_recursively(folder: Path) -> None:
    found = find_reports([folder])
    assert _names(found) == ["a.txt", "b.txt", "county/c.txt"]
    assert all(f.path == folder / f.relative for f in found)


def test_a_glob_is_relative_to_its_fixed_part(folder: Path) -> None:
    found = find_reports([f"{folder}/**/*.txt"])
    assert _names(found) == ["a.txt", "b.txt", "county/c.txt"]
    assert _names(find_reports([f"{folder}/county/*.txt"])) == ["c.txt"]
    assert _names(find_reports([f"{folder}/*/c.txt"])) == ["county/c.txt"]


def test_a_file_named_outright_is_taken_and_duplicates_dropped(folder: Path) -> None:
    found = find_reports([folder / "county" / "c.txt", folder, folder / "notes.md5"])
    # c.txt once (first as a file), notes.md5 because it was named, even with no format
    assert _names(found) == ["c.txt", "a.txt", "b.txt", "notes.md5"]


def test_excluded_folders_are_passed_over(folder: Path) -> None:
    assert _names(find_reports([folder], exclude=[folder / "county"])) == ["a.txt", "b.txt"]


@pytest.mark.parametrize("name", ["missing.txt", "nothing/*.txt"])
def test_what_names_nothing_is_an_error(tmp_path: Path, name: str) -> None:
    with pytest.raises(fr.FileError, match="no "):
        find_reports([str(tmp_path / name)])


# --------------------------------------------------------------------------- parse_many


@pytest.mark.parametrize("jobs", [1, 2])
def test_parse_many_yields_in_order_with_failures(folder: Path, jobs: int) -> None:
    broken = folder / "broken.json"
    broken.write_text('{"title": ', encoding="utf-8")
    paths = [folder / "a.txt", broken, folder / "missing.txt", folder / "b.txt"]
    results = list(parse_many(paths, jobs=jobs, chunksize=1))
    assert results[0] == fr.load(paths[0])
    assert results[3] == fr.load(paths[3])
    assert isinstance(results[1], ParseFailure) and results[1].error == "DataError"
    assert results[1].path == str(broken)
    assert isinstance(results[2], ParseFailure) and results[2].error == "FileError"
    assert "missing.txt" in results[2].message


def test_results_and_failures_pickle(folder: Path) -> None:
    results = list(parse_many([folder / "a.txt", folder / "none.txt"], jobs=1))
    assert pickle.loads(pickle.dumps(results)) == results


def _title(report: fr.Report) -> str | None:
    return report.title


def _explode(report: fr.Report) -> None:
    raise RuntimeError(f"cannot use {report.organ}")


def test_apply_runs_in_the_worker(folder: Path) -> None:
    paths = [folder / "a.txt", folder / "none.txt", folder / "b.txt"]
    titles = list(parse_many(paths, jobs=2, apply=_title))
    assert titles[0] == fr.load(paths[0]).title
    assert isinstance(titles[1], ParseFailure)
    assert titles[2] == fr.load(paths[2]).title
    exploded = list(parse_many(paths[:1], jobs=1, apply=_explode))
    assert exploded == [ParseFailure(str(paths[0]), "RuntimeError", "cannot use 青禾县公安局")]


def _double(items: list[int]) -> list[int]:
    return [2 * item for item in items]


@pytest.mark.parametrize("jobs", [1, 2])
def test_map_ordered_streams(jobs: int) -> None:
    pulled = 0

    def endless() -> Iterator[int]:
        nonlocal pulled
        for n in itertools.count():
            pulled += 1
            yield n

    results = map_ordered(_double, endless(), jobs=jobs, chunksize=3)
    assert list(itertools.islice(results, 10)) == [2 * n for n in range(10)]
    # The pool reads ahead a bounded number of chunks, never the whole input.
    assert pulled <= 10 + jobs * 4 * 3 + 3
    results.close()  # type: ignore[attr-defined]


def _where(items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each item's number and the process that ran it; a worker is slow, the parent is not."""
    if items and os.getpid() != items[0][0]:
        time.sleep(0.2)  # so that the parent is sure to find the next result not ready
    return [(os.getpid(), number) for _, number in items]


@pytest.mark.parametrize("share", [False, True])
def test_the_parent_shares_the_work_only_when_asked(share: bool) -> None:
    parent = os.getpid()
    items = [(parent, n) for n in range(40)]
    results = list(map_ordered(_where, items, jobs=2, chunksize=1, share=share))
    assert [number for _, number in results] == list(range(40))  # in order, none lost
    ran_here = sum(pid == parent for pid, _ in results)
    if share:
        assert 0 < ran_here < 40  # the workers ran some too
    else:
        assert ran_here == 0


def test_a_shared_run_stops_with_every_finished_result() -> None:
    parent = os.getpid()
    items = [(parent, n) for n in range(60)]
    seen: list[int] = []
    results = map_ordered(
        _where, items, jobs=2, chunksize=1, share=True, stop=lambda: len(seen) >= 5
    )
    for _, number in results:
        seen.append(number)
    # stopped early, and what came back is the start of the input, in order, with no gap
    assert 5 <= len(seen) < 60
    assert seen == list(range(len(seen)))


def _collector_state() -> bool:
    return gc.isenabled()


class _Probe:
    """Unpickles as whether the cyclic collector ran at that moment."""

    def __reduce__(self) -> tuple[object, tuple[()]]:
        return _collector_state, ()


def test_a_workers_results_are_unpickled_with_the_collector_paused() -> None:
    from fazhi_report.batch import pool

    assert pool._unpacked(pickle.dumps([_Probe(), _Probe()])) == [False, False]
    assert gc.isenabled()  # and resumed after


def test_map_ordered_refuses_no_workers() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(map_ordered(_double, [1], jobs=0))


@settings(max_examples=10)
@given(st.lists(reports(deepest=2), min_size=1, max_size=6))
def test_parse_many_equals_parse(
    tmp_path_factory: pytest.TempPathFactory, batch: list[fr.Report]
) -> None:
    folder = tmp_path_factory.mktemp("many")
    paths = []
    for index, report in enumerate(batch):
        path = folder / f"{index}.txt"
        path.write_text(fr.render(report, "text", style="official"), encoding="utf-8")
        paths.append(path)
    results = list(parse_many(paths, jobs=2, chunksize=2))
    assert results == [_load(path) for path in paths]


def _load(path: Path) -> fr.Report | ParseFailure:
    try:
        return fr.load(path)
    except fr.FazhiReportError as exc:  # an empty report renders as an empty file
        return ParseFailure.from_exception(path, exc)


# ------------------------------------------------------------------------ atomic writes


def test_write_atomically_replaces_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_atomically(target, b"old")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_an_interrupted_write_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"before")

    def interrupted(source: object, destination: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, b"half of it")
    assert target.read_bytes() == b"before"  # the old file, whole
    assert os.listdir(tmp_path) == ["out.txt"]  # and no fragment beside it
    monkeypatch.undo()
    fresh = tmp_path / "fresh.txt"
    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(fresh, b"half")
    assert not fresh.exists()


def test_write_atomically_names_the_file_it_cannot_write(tmp_path: Path) -> None:
    with pytest.raises(fr.FileError, match="no-folder"):
        write_atomically(tmp_path / "no-folder" / "x.txt", b"")


# ---------------------------------------------------------------------------- convert_one


def test_convert_one_outcomes(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "a.json"
    task = ConvertTask(str(folder / "a.txt"), str(target), None, "json")
    done = convert_one(task)
    assert (done.status, done.reason) == ("done", "")
    assert fr.from_json(target.read_text("utf-8")) == fr.load(folder / "a.txt")
    assert convert_one(task).status == "skipped"
    forced = ConvertTask(task.source, task.target, None, "json", force=True)
    assert convert_one(forced).status == "done"
    bad = convert_one(
        ConvertTask(str(folder / "notes.md5"), str(tmp_path / "n.json"), None, "json")
    )
    assert bad.status == "failed" and "'.md5'" in bad.reason
    assert not (tmp_path / "n.json").exists()
    assert pickle.loads(pickle.dumps(bad)) == bad


def test_a_sandboxed_run_leaves_the_parsing_to_the_workers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the sandbox forks per file: this process, running the pool's threads, must not
    from fazhi_report.batch import parsing

    seen: list[bool] = []

    def recording(*args: object, share: bool = False, **kwargs: object) -> Iterator[object]:
        seen.append(share)
        return iter(())

    monkeypatch.setattr(parsing, "map_ordered", recording)
    list(parse_many(["a.txt"], jobs=2, templates="house", sandboxed=True))
    list(parse_many(["a.txt"], jobs=2))
    assert seen == [False, True]
