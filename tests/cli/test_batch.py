"""The batch side of ``fazhi-report``: several inputs, folders, globs, --out-dir, --force,
--jobs, progress, the summary line, exit codes, Ctrl-C, and ``fazhi-report summary``."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fazhi_report as fr
from fazhi_report.cli import main
from fazhi_report.rows import REPORT_KEYS

from ..conftest import EXAMPLES, write_report_folder
from .interrupt import interrupted_convert

SAMPLE = (EXAMPLES / "sample_report.txt").read_bytes()
WEB = (EXAMPLES / "web_page.txt").read_bytes()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """reports/a.txt, reports/b.txt, reports/county/c.txt."""
    return write_report_folder(tmp_path / "reports")


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def _json_of(path: Path) -> str:
    return fr.render(fr.load(path), "json")


# ------------------------------------------------------------------------ several inputs


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_folder_to_an_output_tree(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    out = tmp_path / "out"
    args = ["convert", str(folder), "--out-dir", str(out), "--to", "json", "--jobs", jobs]
    assert main(args) == 0
    assert _files(out) == ["a.json", "b.json", "county/c.json"]
    for name in ("a", "b", "county/c"):
        assert (out / f"{name}.json").read_text("utf-8") == _json_of(folder / f"{name}.txt")
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    # Not a terminal: one plain line per input, then the summary.
    assert lines[:3] == [
        f"done {folder / 'a.txt'} -> {out / 'a.json'}",
        f"done {folder / 'b.txt'} -> {out / 'b.json'}",
        f"done {folder / 'county' / 'c.txt'} -> {out / 'county' / 'c.json'}",
    ]
    assert lines[3].startswith("converted 3 reports: 3 done, 0 failed, 0 skipped in ")


def test_globs_and_docx(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "word"
    assert main(["convert", f"{folder}/**/*.txt", "--out-dir", str(out), "--to", "docx", "-q"]) == 0
    assert _files(out) == ["a.docx", "b.docx", "county/c.docx"]
    back = fr.load(out / "county" / "c.docx")
    assert back.organ == "石门县公安局"
    assert (out / "a.docx").read_bytes()[:4] == b"PK\x03\x04"


def test_outputs_beside_the_inputs(folder: Path) -> None:
    inputs = [str(folder / "a.txt"), str(folder / "b.txt"), str(folder / "county" / "c.txt")]
    assert main(["convert", *inputs, "--to", "json", "-q"]) == 0
    assert _files(folder) == ["a.json", "a.txt", "b.json", "b.txt", "county/c.json", "county/c.txt"]


def test_two_file_names_are_input_and_output(folder: Path, tmp_path: Path) -> None:
    # The one-report form INPUT OUTPUT wins over "two inputs": --out-dir says the other.
    out = tmp_path / "a.json"
    assert main(["convert", str(folder / "a.txt"), str(out)]) == 0
    assert out.read_text("utf-8") == _json_of(folder / "a.txt")
    two = [str(folder / "a.txt"), str(folder / "b.txt")]
    assert main(["convert", *two, "--out-dir", str(tmp_path / "o"), "--to", "json", "-q"]) == 0
    assert _files(tmp_path / "o") == ["a.json", "b.json"]


def test_an_out_dir_inside_the_input_is_not_read_again(folder: Path) -> None:
    out = folder / "converted"
    assert main(["convert", str(folder), "--out-dir", str(out), "--to", "text", "-q"]) == 0
    assert main(["convert", str(folder), "--out-dir", str(out), "--to", "text", "-q"]) == 0
    assert _files(out) == ["a.txt", "b.txt", "county/c.txt"]
    assert (out / "b.txt").read_bytes() == WEB  # lossless text


def test_existing_outputs_are_skipped_unless_forced(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    (out / "county").mkdir(parents=True)
    (out / "county" / "c.json").write_text("mine", encoding="utf-8")
    assert main(["convert", str(folder), "--out-dir", str(out), "--to", "json"]) == 0
    err = capsys.readouterr().err
    assert f"skipped {folder / 'county' / 'c.txt'}: the output exists (--force" in err
    assert "2 done, 0 failed, 1 skipped" in err
    assert (out / "county" / "c.json").read_text("utf-8") == "mine"
    assert main(["convert", str(folder), "--out-dir", str(out), "--to", "json", "--force"]) == 0
    assert "3 done, 0 failed, 0 skipped" in capsys.readouterr().err
    assert (out / "county" / "c.json").read_text("utf-8") == _json_of(folder / "county" / "c.txt")


def test_an_input_is_never_overwritten(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {p: p.read_bytes() for p in folder.rglob("*.txt")}
    assert main(["convert", str(folder), "--to", "text", "--force"]) == 1
    err = capsys.readouterr().err
    assert err.count("is an input; not overwritten") == 3
    assert "0 done, 3 failed" in err
    assert {p: p.read_bytes() for p in folder.rglob("*.txt")} == before


def test_two_inputs_with_one_output(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "a.json").write_text(_json_of(folder / "a.txt"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["convert", str(folder), "--out-dir", str(out), "--to", "docx"]) == 1
    err = capsys.readouterr().err
    assert f"its output {out / 'a.docx'} is also the output of {folder / 'a.json'}" in err
    assert "3 done, 1 failed" in err


def test_a_bad_file_is_reported_and_the_run_goes_on(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "county" / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    out = tmp_path / "out"
    assert main(["convert", str(folder), "--out-dir", str(out), "--to", "json", "-j", "2"]) == 1
    err = capsys.readouterr().err
    failures = [line for line in err.splitlines() if line.startswith("fazhi-report: failed: ")]
    assert len(failures) == 2
    assert any("empty.txt" in line and "empty" in line for line in failures)
    assert any("binary.txt" in line and "binary" in line for line in failures)
    assert "3 done, 2 failed, 0 skipped" in err
    assert _files(out) == ["a.json", "b.json", "county/c.json"]


def test_quiet_and_verbose(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["convert", str(folder), "--out-dir", str(tmp_path / "q"), "--to", "json", "-q"]) == 0
    )
    assert capsys.readouterr() == ("", "")
    assert (
        main(["convert", str(folder), "--out-dir", str(tmp_path / "v"), "--to", "json", "-v"]) == 0
    )
    err = capsys.readouterr().err.splitlines()
    assert all(line.endswith(" ms)") for line in err[:3])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--out-dir", "out"], "--to FORMAT"),
        (["-", "--to", "json"], "'-' (standard input)"),
        (["-o", "x.json"], "-o OUTPUT takes one input"),
    ],
)
def test_batch_usage_errors(
    folder: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", str(folder), *args]) == 2
    assert message in capsys.readouterr().err


def test_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(WEB)))
    assert main(["convert", "-", "-", "--to", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["organ"] == "澜川市青石区司法局"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SAMPLE)))
    assert main(["inspect", "-"]) == 0
    assert "organ: 青禾县公安局" in capsys.readouterr().out


def test_one_existing_output_is_skipped(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = folder / "a.json"
    out.write_text("mine", encoding="utf-8")
    assert main(["convert", str(folder / "a.txt"), str(out)]) == 0
    assert "exists (--force overwrites it)" in capsys.readouterr().err
    assert out.read_text("utf-8") == "mine"
    assert main(["convert", str(folder / "a.txt"), "-o", str(out), "--force"]) == 0
    assert out.read_text("utf-8") == _json_of(folder / "a.txt")
    assert main(["convert", str(folder / "a.txt"), str(folder / "a.txt"), "--force"]) == 1
    assert "never overwritten" in capsys.readouterr().err


# ------------------------------------------------------------- terminals and interrupts


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "fazhi_report.cli", *args]


def _env() -> dict[str, str]:
    src = str(Path(fr.__file__).resolve().parents[1])
    return {**os.environ, "PYTHONPATH": src, "COLUMNS": "100"}


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_terminal_gets_a_progress_bar(folder: Path, tmp_path: Path) -> None:
    import pty

    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            _cli("convert", str(folder), "--out-dir", str(tmp_path / "o"), "--to", "json"),
            stderr=follower,
            stdout=subprocess.PIPE,
            env=_env(),
            timeout=120,
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the terminal has no writer left
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert done.returncode == 0
    assert "━" in shown  # the bar
    assert "3/3" in shown  # reports done of all
    assert "done " not in shown  # no per-file lines on a terminal unless --verbose
    assert "converted 3 reports: 3 done" in shown


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_leaves_no_half_written_file(tmp_path: Path) -> None:
    status, _, rest, out = interrupted_convert(tmp_path, SAMPLE)
    assert status == 130
    assert b"fazhi-report: interrupted" in rest
    assert b"Traceback" not in rest
    written = sorted(out.iterdir())
    assert 0 < len(written) < 400  # it stopped part-way
    assert all(p.suffix == ".docx" for p in written)  # no temporary fragment left behind
    for path in written:
        assert fr.load(path).organ == "青禾县公安局"  # every file written is whole


# ------------------------------------------------------------------------------- summary


def test_summary_csv(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "empty.txt").write_bytes(b"")
    assert main(["summary", str(folder), "-q"]) == 1  # a file failed; its row says why
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(rows[0]) == list(REPORT_KEYS)
    by_file = {Path(row["file"]).name: row for row in rows}
    assert set(by_file) == {"a.txt", "b.txt", "c.txt", "empty.txt"}
    assert by_file["c.txt"]["organ"] == "石门县公安局"
    assert by_file["a.txt"]["missing"] == "" and by_file["b.txt"]["missing"] == "responsibility"
    assert by_file["empty.txt"]["error"].startswith("EmptyInputError: ")
    assert by_file["empty.txt"]["organ"] == ""


def test_summary_json_and_file(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "rows.json"
    assert main(["summary", str(folder), "--format", "json", "-o", str(out), "-j", "2", "-q"]) == 0
    rows = json.loads(out.read_text("utf-8"))
    paths = sorted(folder.rglob("*.txt"))
    expected = fr.to_rows(zip(paths, (fr.load(p) for p in paths), strict=True), level="reports")
    assert sorted(rows, key=lambda r: r["file"]) == expected
    table = tmp_path / "rows.csv"
    assert main(["summary", str(folder), "-o", str(table), "-q"]) == 0
    assert table.read_bytes().startswith(b"\xef\xbb\xbffile,error,")  # Excel/WPS read UTF-8


def test_summary_html(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", str(folder), "--format", "html", "-q"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page
    # Every report has 主要举措和成效; one of the three lacks the first-responsible part.
    assert "主要举措和成效（必备）" in page and "3 / 3" in page
    assert "第一责任人职责（必备）" in page and "2 / 3" in page
    assert "width:66.7%" in page
    assert page.count("<tr>") == 4  # the header and three reports


def test_a_summary_takes_time_to_print(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    started = time.perf_counter()
    assert main(["summary", str(folder)]) == 0
    err = capsys.readouterr().err
    assert err.splitlines()[-1].startswith("read 3 reports: 3 done, 0 failed, 0 skipped in ")
    seconds = float(err.rsplit(" in ", 1)[1].split(" s")[0])
    assert 0 <= seconds <= time.perf_counter() - started + 0.1


def test_a_wrong_style_fails_once_before_any_work(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    args = ["convert", str(folder), "--out-dir", str(out), "--to", "text", "--style", "semantic"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'semantic'" in err  # one error line, not one per file
    assert not out.exists()


_NAMES = st.text(alphabet="abc青禾县_-1", min_size=1, max_size=6)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(_NAMES, min_size=1, max_size=3), min_size=1, max_size=6))
def test_the_output_tree_mirrors_the_input_tree(
    tmp_path_factory: pytest.TempPathFactory, trees: list[list[str]]
) -> None:
    root = tmp_path_factory.mktemp("tree")
    source, out = root / "in", root / "out"
    wanted = set()
    for parts in trees:
        relative = Path(*parts[:-1], parts[-1] + ".txt")
        path = source / relative
        if any(p.exists() and p.is_file() for p in path.parents) or path.is_dir():
            continue  # a name already used for a file cannot also be a folder
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(SAMPLE)
        wanted.add(relative.with_suffix(".json").as_posix())
    assert (
        main(["convert", str(source), "--out-dir", str(out), "--to", "json", "-q", "-j", "1"]) == 0
    )
    assert set(_files(out)) == wanted
