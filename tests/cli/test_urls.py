"""The commands on fsspec URLs (`fazhi_report.urls`): ``memory://``, ``file://`` and ``zip://``
inputs and outputs, mixed with local names; no network.

The commands run in this process (`fazhi_report.cli.main`), so ``memory://`` (one process's
store) is used with ``--jobs 1``; runs over two worker processes use ``file://`` URLs.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import zipfile
from pathlib import Path

import pytest

from fazhi_report.cli import main

from ..conftest import write_report_folder

fsspec = pytest.importorskip("fsspec", reason="the fsspec extra is not installed")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """reports/a.txt, reports/b.txt, reports/county/c.txt, and a README that is no report."""
    root = write_report_folder(tmp_path / "reports")
    (root / "README.md").write_text("# 青禾县的报告\n", encoding="utf-8")
    return root


@pytest.fixture
def store(folder: Path) -> object:
    """The same files in ``memory://r``, with a hidden folder and a README to pass over."""
    memory = fsspec.filesystem("memory")
    for path in folder.rglob("*"):
        if path.is_file():
            memory.pipe(f"/r/{path.relative_to(folder).as_posix()}", path.read_bytes())
    memory.pipe("/r/.cache/old.txt", (folder / "a.txt").read_bytes())
    yield memory
    for root in ("/r", "/s", "/out"):
        if memory.exists(root):
            memory.rm(root, recursive=True)


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _local_rows(folder: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, str]]:
    assert main(["summary", str(folder), "--jobs", "1", "-q"]) == 0
    rows = _rows(capsys.readouterr().out)
    for row in rows:
        row["file"] = Path(row["file"]).relative_to(folder).as_posix()
    return rows


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _memory_tree(memory: object, root: str) -> dict[str, bytes]:
    found = memory.find(root)  # type: ignore[attr-defined]
    return {f[len(root) + 1 :]: memory.cat_file(f) for f in found}  # type: ignore[attr-defined]


# ------------------------------------------------------------------------------- inputs


def test_summary_of_a_memory_folder_is_the_local_folders(
    folder: Path, store: object, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = _local_rows(folder, capsys)
    assert main(["summary", "memory://r", "--format", "csv", "--jobs", "1", "-q"]) == 0
    rows = _rows(capsys.readouterr().out)
    # the README and the hidden folder are passed over, as in a local folder
    assert [row["file"] for row in rows] == [
        "memory:///r/a.txt",
        "memory:///r/b.txt",
        "memory:///r/county/c.txt",
    ]
    for row in rows:
        row["file"] = row["file"].removeprefix("memory:///r/")
    assert rows == expected


def test_summary_over_file_urls_in_two_worker_processes(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = _local_rows(folder, capsys)
    assert main(["summary", f"file://{folder}/", "--format", "csv", "--jobs", "2", "-q"]) == 0
    rows = _rows(capsys.readouterr().out)
    for row in rows:
        row["file"] = row["file"].removeprefix(f"file://{folder}/")
    assert rows == expected


def test_globs_over_memory_and_local_names_mixed(
    folder: Path, store: object, capsys: pytest.CaptureFixture[str]
) -> None:
    local = str(folder / "a.txt")
    assert main(["summary", local, "memory://r/**/*.txt", "--format", "json", "-q"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [row["file"] for row in rows] == [
        local,
        "memory:///r/a.txt",
        "memory:///r/b.txt",
        "memory:///r/county/c.txt",
    ]
    assert rows[0] | {"file": ""} == rows[1] | {"file": ""}  # one report, two places
    assert rows[3]["organ"] == "石门县公安局"
    # a local file and its file:// URL are one file, found once
    assert main(["summary", local, f"file://{folder}/", "--format", "json", "-q"]) == 0
    assert [row["file"] for row in json.loads(capsys.readouterr().out)] == [
        local,
        f"file://{folder}/b.txt",
        f"file://{folder}/county/c.txt",
    ]
    assert main(["summary", "memory://r/*.txt", "--format", "json", "-q"]) == 0
    names = [row["file"] for row in json.loads(capsys.readouterr().out)]
    assert names == ["memory:///r/a.txt", "memory:///r/b.txt"]


def test_check_figures_and_inspect_on_urls(
    folder: Path, store: object, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(folder), "--format", "csv", "--jobs", "1"]) == 1
    local = _rows(capsys.readouterr().out)
    assert main(["check", "memory://r", "--format", "csv", "--jobs", "1"]) == 1
    remote = _rows(capsys.readouterr().out)
    assert [r["file"].removeprefix("memory:///r/") for r in remote] == [
        Path(r["file"]).relative_to(folder).as_posix() for r in local
    ]
    assert [r | {"file": ""} for r in remote] == [r | {"file": ""} for r in local]
    for command in (["figures", "--format", "json"], ["references", "--format", "json"]):
        assert main([*command, str(folder / "a.txt")]) == 0
        expected = json.loads(capsys.readouterr().out)
        assert main([*command, "memory://r/a.txt"]) == 0
        found = json.loads(capsys.readouterr().out)
        assert found and {row.pop("file") for row in found} == {"memory://r/a.txt"}
        assert {row.pop("file") for row in expected} == {str(folder / "a.txt")}
        assert found == expected
    assert main(["inspect", str(folder / "county" / "c.txt")]) == 0
    expected = capsys.readouterr().out
    assert main(["inspect", "memory://r/county/c.txt"]) == 0
    assert capsys.readouterr().out == expected


def test_a_zip_archive_through_a_chained_url(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "reports.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for name in ("a.txt", "b.txt", "county/c.txt", "README.md"):
            zipped.write(folder / name, name)
    assert main(["summary", f"zip://*.txt::{archive}", "--format", "json", "-q"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [row["file"] for row in rows] == [f"zip://a.txt::{archive}", f"zip://b.txt::{archive}"]
    out = tmp_path / "out"
    args = ["convert", f"zip://county::{archive}", "--out-dir", str(out), "--to", "json", "-q"]
    assert main(args) == 0
    assert main(["convert", str(folder / "county"), "--out-dir", str(tmp_path / "local"),
                 "--to", "json", "-q"]) == 0  # fmt: skip
    assert _tree(out) == _tree(tmp_path / "local") and list(_tree(out)) == ["c.json"]


def test_a_broken_archive_is_a_file_error_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "reports.zip"
    broken.write_bytes(b"not a zip archive")
    for args in (["summary", f"zip://*.txt::{broken}"], ["inspect", f"zip://a.txt::{broken}"]):
        assert main(args) == 1
        err = capsys.readouterr().err
        assert "Traceback" not in err
        assert "zip://" in err and "cannot read the file" in err


def test_a_url_naming_nothing_is_a_file_error_naming_it(
    folder: Path, store: object, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in ("summary", "check", "figures", "inspect"):
        assert main([command, str(folder / "none.txt")]) == 1
        local = capsys.readouterr().err
        assert main([command, "memory://r/none.txt"]) == 1
        err = capsys.readouterr().err
        assert err == local.replace(str(folder / "none.txt"), "memory://r/none.txt")
        assert err.startswith("fazhi-report: error: memory://r/none.txt: ")
        assert len(err.splitlines()) == 1
    assert main(["convert", "memory://r/none.txt", str(folder / "none.json")]) == 1
    assert capsys.readouterr().err.startswith("fazhi-report: error: memory://r/none.txt: ")
    assert not (folder / "none.json").exists()
    assert main(["summary", "memory://r/*.docx"]) == 1
    assert "memory://r/*.docx: no report file matches this pattern" in capsys.readouterr().err


def test_without_fsspec_a_url_is_a_clean_error_naming_it_and_the_extra(
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setitem(sys.modules, "fsspec", None)  # as if not installed
    missing_local = main(["summary", str(folder / "none.txt")])
    capsys.readouterr()
    runs = [
        (["summary", "s3://bucket/reports/", "--format", "csv"], "s3://bucket/reports/"),
        (["check", str(folder), "memory://r/a.txt"], "memory://r/a.txt"),
        (["inspect", "memory://r/a.txt"], "memory://r/a.txt"),
        (["convert", "memory://r/a.txt", str(tmp_path / "a.json")], "memory://r/a.txt"),
        (["convert", str(folder), "--out-dir", "memory://out", "--to", "json"], "memory://out"),
    ]
    for args, url in runs:
        assert main(args) == missing_local == 1
        err = capsys.readouterr().err
        assert err.startswith(f"fazhi-report: error: {url}: ")
        assert 'pip install "fazhi-report[fsspec]"' in err
        assert "Traceback" not in err and len(err.splitlines()) == 1
    assert not (tmp_path / "a.json").exists()


# ------------------------------------------------------------------------------ outputs


def _local_convert(folder: Path, out: Path, to: str) -> dict[str, bytes]:
    assert main(["convert", str(folder), "--out-dir", str(out), "--to", to, "-q"]) == 0
    return _tree(out)


@pytest.mark.parametrize("to", ["json", "docx"])
def test_convert_from_memory_to_a_local_folder_is_byte_for_byte_the_local_convert(
    folder: Path, store: object, tmp_path: Path, to: str
) -> None:
    expected = _local_convert(folder, tmp_path / "local", to)
    out = tmp_path / "out"
    args = ["convert", "memory://r", "--out-dir", str(out), "--to", to, "--jobs", "1", "-q"]
    assert main(args) == 0
    assert _tree(out) == expected
    assert sorted(expected) == [f"a.{to}", f"b.{to}", f"county/c.{to}"]


def test_convert_to_a_memory_out_dir(
    folder: Path, store: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = _local_convert(folder, tmp_path / "local", "json")
    args = ["convert", str(folder), "--out-dir", "memory://out", "--to", "json", "--jobs", "1"]
    assert main(args) == 0
    assert _memory_tree(store, "/out") == expected
    assert f"done {folder / 'a.txt'} -> memory://out/a.json" in capsys.readouterr().err
    # an existing output is skipped unless --force, as a local one is
    store.pipe("/out/a.json", b"older")  # type: ignore[attr-defined]
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "skipped" in err and "the output exists (--force overwrites it)" in err
    assert store.cat_file("/out/a.json") == b"older"  # type: ignore[attr-defined]
    assert main([*args, "--force", "-q"]) == 0
    assert _memory_tree(store, "/out") == expected
    # one input to one output URL
    assert main(["convert", str(folder / "a.txt"), "memory://out/one.json"]) == 0
    assert store.cat_file("/out/one.json") == expected["a.json"]  # type: ignore[attr-defined]


def test_convert_file_urls_to_a_file_url_out_dir_over_two_workers(
    folder: Path, tmp_path: Path
) -> None:
    expected = _local_convert(folder, tmp_path / "local", "docx")
    out = tmp_path / "out"
    args = ["convert", f"file://{folder}", "--out-dir", f"file://{out}", "--to", "docx"]
    assert main([*args, "--jobs", "2", "-q"]) == 0
    assert _tree(out) == expected


def test_outputs_are_planned_across_local_names_and_urls(
    folder: Path, store: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # two inputs, one output: the second is refused, as for local files
    store.pipe("/s/a.txt", (folder / "b.txt").read_bytes())  # type: ignore[attr-defined]
    args = ["convert", "memory://r/a.txt", "memory://s/a.txt", "--out-dir", "memory://out"]
    assert main([*args, "--to", "json", "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert "memory://s/a.txt: its output memory://out/a.json is also the output of" in err
    assert store.exists("/out/a.json") and not store.exists("/s/a.json")  # type: ignore[attr-defined]
    # an output folder inside the input folder: its files are earlier outputs, passed over
    args = ["convert", "memory://r", "--out-dir", "memory://r/json", "--to", "json", "-j", "1"]
    assert main(args) == 0
    capsys.readouterr()
    assert main([*args, "--force"]) == 0
    err = capsys.readouterr().err
    assert "skipped memory:///r/json/a.json: it is under the output folder memory://r/json" in err
    # a local name and a file:// URL of one file are one file
    target = folder / "a.json"
    target.write_bytes(b"{}")
    assert main(["convert", f"file://{target}", str(target), "--force"]) == 1
    assert "the output is the input, which is never overwritten" in capsys.readouterr().err
    # outputs beside URL inputs
    assert main(["convert", "memory://r/**/*.txt", "--to", "json", "-j", "1", "-q"]) == 0
    assert main(["convert", str(folder / "county" / "c.txt"), str(tmp_path / "c.json")]) == 0
    expected = (tmp_path / "c.json").read_bytes()
    assert store.cat_file("/r/county/c.json") == expected  # type: ignore[attr-defined]


def test_a_chained_out_dir_is_a_usage_error(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["convert", str(folder), "--out-dir", f"zip://::{tmp_path}/out.zip", "--to", "json"]
    assert main(args) == 2
    assert "a chained URL (an archive) is not written to" in capsys.readouterr().err
    assert not (tmp_path / "out.zip").exists()
    assert main(["convert", str(folder / "a.txt"), f"zip://a.json::{tmp_path}/out.zip"]) == 1
    assert "a chained URL (an archive) is not written to" in capsys.readouterr().err
    assert not (tmp_path / "out.zip").exists()


def test_memory_urls_are_read_and_written_in_this_process(
    folder: Path, store: object, tmp_path: Path
) -> None:
    # a worker process has its own memory:// store: asked for two, the run keeps to this one
    expected = _local_convert(folder, tmp_path / "local", "json")
    args = ["convert", "memory://r", "--out-dir", "memory://out", "--to", "json", "--jobs", "2"]
    assert main([*args, "-q"]) == 0
    assert _memory_tree(store, "/out") == expected


def test_a_result_written_to_a_url(
    folder: Path, store: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in (["summary"], ["check", "--format", "csv"]):
        local = tmp_path / "local.csv"
        status = main([*command, str(folder), "-o", str(local), "-q", "-j", "1"])
        assert (
            main([*command, str(folder), "-o", "memory://out/rows.csv", "-q", "-j", "1"]) == status
        )
        assert store.cat_file("/out/rows.csv") == local.read_bytes()  # type: ignore[attr-defined]
        assert local.read_bytes().startswith(b"\xef\xbb\xbffile,")
    assert main(["schema", "-o", f"file://{tmp_path}/deep/schema.json"]) == 0
    assert main(["schema"]) == 0
    assert (tmp_path / "deep" / "schema.json").read_text("utf-8") == capsys.readouterr().out


def test_a_memory_store_anywhere_in_a_chain_keeps_the_run_in_this_process() -> None:
    from fazhi_report.cli.inputs import jobs_for

    assert jobs_for(4, 10, ["zip://a.txt::memory://r.zip"]) == 1
    assert jobs_for(4, 10, ["zip://a.txt::file:///srv/r.zip"]) == 4
