"""Every script in examples/ runs, starts with a comment saying what it shows, and does it."""

from __future__ import annotations

import csv
import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

import fazhi_report as fr
from fazhi_report import registry

from .conftest import EXAMPLES

SCRIPTS = sorted(EXAMPLES.glob("*.py"))
SRC = Path(fr.__file__).resolve().parents[1]


def _run(script: str, *args: str, cwd: Path) -> str:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        cwd=cwd,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return done.stdout.decode("utf-8")


def test_the_examples_are_these() -> None:
    names = {p.name for p in SCRIPTS}
    assert {
        "build_report.py",
        "fix_heading.py",
        "batch_rows.py",
        "batch_check.py",
        "custom_exporter.py",
        "custom_reader.py",
    } <= names


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_every_example_says_what_it_shows_and_runs(script: Path, tmp_path: Path) -> None:
    first = script.read_text("utf-8").splitlines()[0]
    assert first.startswith("# Shows: ")
    _run(script.name, cwd=tmp_path)  # with its default arguments, in an empty folder


def test_build_report(tmp_path: Path) -> None:
    target = tmp_path / "built.docx"
    out = _run("build_report.py", str(target), cwd=tmp_path)
    assert "['measures', 'shortcomings', 'plans']" in out
    back = fr.load(target)
    assert back.organ == "青禾县市场监督管理局" and back.year == 2025
    assert [s.role.value for s in back.sections if s.role] == ["measures", "shortcomings", "plans"]
    assert back.sections[0].subsections[0].points[1].title == "落实审核制度"
    assert back.signature is not None and back.signature.date is not None


def test_fix_heading_changes_one_line(tmp_path: Path) -> None:
    target = tmp_path / "fixed.txt"
    out = _run("fix_heading.py", str(target), cwd=tmp_path)
    source = (EXAMPLES / "web_page.txt").read_bytes()
    fixed = target.read_bytes()
    assert fixed.count(b"\r\n") == source.count(b"\r\n")  # line ends kept
    changed = [
        (a, b) for a, b in zip(source.split(b"\r\n"), fixed.split(b"\r\n"), strict=True) if a != b
    ]
    assert len(changed) == 1
    before, after = (line.decode("utf-8") for line in changed[0])
    assert after == before.replace("协调,压实", "协调，压实", 1)
    assert "协调，压实" in out
    assert fr.load(target).sections[0].subsections[0].heading == "加强统筹协调，压实法治建设责任"


def test_batch_rows(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for name in ("sample_report.txt", "web_page.txt"):
        (folder / name).write_bytes((EXAMPLES / name).read_bytes())
    (folder / "sub" / "empty.txt").write_bytes(b"")
    target = tmp_path / "rows.csv"
    out = _run("batch_rows.py", str(folder), str(target), cwd=tmp_path)
    assert f"wrote {target}: 3 reports" in out
    with open(target, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    # sorted by path: in/sample_report.txt, in/sub/empty.txt, in/web_page.txt
    assert [Path(r["file"]).name for r in rows] == [
        "sample_report.txt",
        "empty.txt",
        "web_page.txt",
    ]
    assert rows[0]["organ"] == "青禾县公安局" and rows[0]["missing"] == ""
    assert rows[1]["error"].startswith("EmptyInputError")
    assert rows[2]["missing"] == "responsibility"


def test_batch_check(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("sample_report.txt", "web_page.txt"):
        (folder / name).write_bytes((EXAMPLES / name).read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    target = tmp_path / "findings.csv"
    out = _run("batch_check.py", str(folder), str(target), cwd=tmp_path)
    assert "empty.txt: not read" in out
    with open(target, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    expected = [
        (name, f.code)
        for name in ("sample_report.txt", "web_page.txt")
        for f in fr.check(fr.load(folder / name))
    ]
    assert [(Path(r["file"]).name, r["code"]) for r in rows] == expected
    assert f"wrote {target}: {len(expected)} findings in 2 reports" in out


def test_custom_reader(tmp_path: Path) -> None:
    out = _run("custom_reader.py", cwd=tmp_path)
    assert out.splitlines()[0] == "第一部分　主要举措和成效"  # no house style: the marker stays
    assert "1 1 主要举措和成效 SectionRole.MEASURES" in out
    # the example's module, in this process: its row reads files and text like any format's
    module = runpy.run_path(str(EXAMPLES / "custom_reader.py"))
    try:
        house = EXAMPLES / "house_style"
        report = fr.parse(module["DOCUMENT"], "tagged", templates=house)
        assert [(s.level, s.number, s.heading) for s in report.walk()] == [
            (1, 1, "主要举措和成效"),
            (2, 1, "健全制度"),
            (1, 2, "存在的不足和原因"),
            (1, 3, "2026年工作安排"),
        ]
        assert [s.role.value for s in report.sections if s.role] == [
            "measures",
            "shortcomings",
            "plans",
        ]
        assert report.title == "青禾县司法局2025年法治政府建设情况报告"
        assert (report.organ, report.year) == ("青禾县司法局", 2025)
        points = report.sections[0].subsections[0].points
        assert [p.title for p in points] == ["完善规则", "规范程序"]
        assert report.signature is not None and report.signature.date is not None
        # the same builder as every format: its house text reads back to the same report
        text = fr.render(report, "text", style="official", templates=house)
        assert fr.parse(text, templates=house) == report
        path = tmp_path / "report.tagged"
        path.write_text(module["DOCUMENT"], "gb18030")
        loaded = fr.load(path, templates=house)
        assert loaded == report and loaded.layout is not None
        assert loaded.layout.encoding == "gb18030"
        with pytest.raises(fr.DecodeError, match="untagged"):
            fr.parse("X: 什么\n", "tagged")
    finally:
        registry._FORMATS.pop("tagged")
        registry._READERS.pop("tagged", None)
