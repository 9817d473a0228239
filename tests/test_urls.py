"""Reports read from fsspec URLs (`fazhi_report.urls`): ``memory://`` and ``file://``, no network."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import fazhi_report as fr
from fazhi_report import urls
from fazhi_report.errors import FileError, MissingExtraError

from .conftest import EXAMPLES

SAMPLE = (EXAMPLES / "sample_report.txt").read_bytes()


def test_what_is_a_url() -> None:
    assert urls.is_url("s3://bucket/a.docx")
    assert urls.is_url("zip://a.txt::file:///tmp/x.zip")
    assert urls.is_url("memory://a.txt")
    assert not urls.is_url("reports/a.txt")
    assert not urls.is_url("C:\\reports\\a.txt")
    assert not urls.is_url("a::b.txt")  # a local name that happens to hold "::"


def test_what_is_a_pattern() -> None:
    assert urls.is_glob("s3://bucket/2025/**/*.docx")
    assert urls.is_glob("memory://r/report-?.txt")
    assert urls.is_glob("zip://*.txt::file:///tmp/x.zip")
    assert not urls.is_glob("zip://a.txt::s3://bucket/*.zip")  # only the first link is searched
    assert not urls.is_glob("s3://bucket/reports/")
    # a web address names one file: its ? starts a query, its * is a character
    assert not urls.is_glob("https://example.org/files/report.docx?id=3")
    assert not urls.is_glob("HTTP://example.org/report*.txt")
    # a local name is a pattern by its characters alone
    assert urls.is_glob("reports/**/*.docx")
    assert not urls.is_glob("reports/a.txt")


def test_without_the_extra_a_url_is_refused_naming_it_and_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "fsspec", None)  # as if not installed
    with pytest.raises(MissingExtraError) as caught:
        fr.load("memory://reports/a.txt")
    assert "memory://reports/a.txt" in str(caught.value)
    assert "fazhi-report[fsspec]" in str(caught.value)
    assert isinstance(caught.value, fr.FazhiReportError)


fsspec = pytest.importorskip("fsspec", reason="the fsspec extra is not installed")


@pytest.fixture
def store() -> object:
    memory = fsspec.filesystem("memory")
    memory.pipe("/青禾/a.txt", SAMPLE)
    memory.pipe("/青禾/sub/b.txt", SAMPLE.replace("青禾县".encode(), "石门县".encode()))
    memory.pipe("/青禾/broken.txt", b"")
    yield memory
    memory.rm("/青禾", recursive=True)


def test_load_reads_memory_and_file_urls_as_the_local_file(store: object, tmp_path: Path) -> None:
    local = fr.load(EXAMPLES / "sample_report.txt")
    assert fr.load("memory://青禾/a.txt") == local
    (tmp_path / "a.txt").write_bytes(SAMPLE)
    assert fr.load(f"file://{tmp_path}/a.txt") == local


def test_a_missing_url_is_a_file_error_naming_it(store: object) -> None:
    with pytest.raises(FileError, match=r"memory://青禾/none\.txt"):
        fr.load("memory://青禾/none.txt")
    with pytest.raises(FileError, match=r"nosuchprotocol://x\.txt"):
        fr.load("nosuchprotocol://x.txt")


def test_a_short_read_is_refused(store: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from fsspec.implementations.memory import MemoryFile

    real = MemoryFile.read
    monkeypatch.setattr(MemoryFile, "read", lambda self, *a: real(self, *a)[:100])
    with pytest.raises(FileError, match="refused rather than read a shorter document"):
        fr.load("memory://青禾/a.txt")


def test_parse_many_reads_urls_in_its_workers(store: object) -> None:
    names = ["memory://青禾/a.txt", "memory://青禾/sub/b.txt", "memory://青禾/broken.txt"]
    results = list(fr.parse_many(names, jobs=1))
    assert [type(r).__name__ for r in results] == ["Report", "Report", "ParseFailure"]
    assert results[1].organ == "石门县公安局"
    assert results[2].path == "memory://青禾/broken.txt"


def test_a_folder_or_glob_url_expands_like_a_local_one(store: object) -> None:
    found = urls.expand_url("memory://青禾/**/*.txt")
    assert [relative for _, relative in found] == ["a.txt", "broken.txt", "sub/b.txt"]
    assert fr.load(found[2][0]).organ == "石门县公安局"
    assert [r for _, r in urls.expand_url("memory://青禾")] == ["a.txt", "broken.txt", "sub/b.txt"]
    with pytest.raises(FileError):
        urls.expand_url("memory://青禾/*.docx")


def test_write_url_then_read_it_back(store: object) -> None:
    urls.write_url("memory://out/deep/a.txt", SAMPLE)
    assert urls.read_url("memory://out/deep/a.txt") == SAMPLE


def test_find_reports_searches_urls_as_it_searches_local_folders(
    store: object, tmp_path: Path
) -> None:
    store.pipe("/青禾/README.md", b"# notes")  # type: ignore[attr-defined]
    store.pipe("/青禾/.hidden/c.txt", SAMPLE)  # type: ignore[attr-defined]
    store.pipe("/青禾/data.bin", b"\x00")  # type: ignore[attr-defined]
    found = fr.batch.find_reports(["memory://青禾"])
    assert [(f.path, f.relative.as_posix()) for f in found] == [
        ("memory:///青禾/a.txt", "a.txt"),
        ("memory:///青禾/broken.txt", "broken.txt"),
        ("memory:///青禾/sub/b.txt", "sub/b.txt"),
    ]
    # a file named outright is taken whatever its suffix, as given; found twice, listed once
    named = fr.batch.find_reports(["memory://青禾/data.bin", "memory:///青禾/data.bin"])
    assert [(f.path, f.relative) for f in named] == [("memory://青禾/data.bin", Path("data.bin"))]
    globbed = fr.batch.find_reports(["memory://青禾/*/*.txt"], exclude=["memory://青禾/.hidden"])
    assert [(f.path, f.relative.as_posix()) for f in globbed] == [
        ("memory:///青禾/sub/b.txt", "sub/b.txt")
    ]
    assert fr.batch.find_reports(["memory://青禾"], exclude=["memory://青禾/sub/"])[-1].path == (
        "memory:///青禾/broken.txt"
    )
    # local names are still found as Paths, and a file:// URL of one is the same file
    (tmp_path / "a.txt").write_bytes(SAMPLE)
    mixed = fr.batch.find_reports([tmp_path / "a.txt", f"file://{tmp_path}", "memory://青禾/a.txt"])
    assert [f.path for f in mixed] == [tmp_path / "a.txt", "memory://青禾/a.txt"]
    assert isinstance(mixed[0].path, Path)
    with pytest.raises(FileError, match=r"memory://青禾/none: no such file or folder"):
        fr.batch.find_reports(["memory://青禾/none"])
    with pytest.raises(FileError, match="no report file matches this pattern"):
        fr.batch.find_reports(["memory://青禾/*.md"])


def test_a_name_holding_a_glob_character_is_itself(store: object) -> None:
    store.pipe("/草稿/[初稿].txt", SAMPLE)  # type: ignore[attr-defined]
    found = fr.batch.find_reports(["memory://草稿/[初稿].txt"])
    assert [f.relative.as_posix() for f in found] == ["[初稿].txt"]
    assert [r for _, r in urls.expand_url("memory://草稿/[初稿].txt")] == ["[初稿].txt"]


def test_a_file_url_excludes_a_local_folder(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "a.txt").write_bytes(SAMPLE)
    (tmp_path / "out" / "b.txt").write_bytes(SAMPLE)
    found = fr.batch.find_reports([tmp_path], exclude=[f"file://{tmp_path}/out"])
    assert [f.relative.as_posix() for f in found] == ["a.txt"]


def test_a_caching_layer_before_the_store_is_kept_on_every_file(store: object) -> None:
    found = urls.expand_url("simplecache::memory://青禾/a*.txt")
    assert found == [("simplecache::memory:///青禾/a.txt", "a.txt")]
    assert urls.is_glob("simplecache::memory://青禾/*.txt")
    whole = urls.expand_url("simplecache::memory://青禾")
    assert [relative for _, relative in whole] == [
        relative for _, relative in urls.expand_url("memory://青禾")
    ]
    assert all(url.startswith("simplecache::memory:///青禾/") for url, _ in whole)
    assert (
        urls.join_url("simplecache::memory://out/", "a.json") == "simplecache::memory://out/a.json"
    )
    assert fr.load(whole[0][0]) == fr.load("memory://青禾/a.txt")
