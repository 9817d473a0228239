"""`fazhi-report convert` writes the official style with GB/T 15834 punctuation (#20)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import fazhi_report as fr
from fazhi_report.cli import cli

SOURCE = (
    "青禾县公安局2025年法治政府建设情况报告\n"
    "2025年,我局坚持依法行政,现将有关情况报告如下:\n"
    "一、主要举措和成效\n"
    "全年办理案件1,200件,每天9:30开庭(试行)。\n"
)


def _convert(tmp_path: Path, name: str, *extra: str) -> Path:
    source = tmp_path / "report.txt"
    source.write_text(SOURCE, encoding="utf-8")
    target = tmp_path / name
    result = CliRunner().invoke(cli, ["convert", str(source), str(target), *extra])
    assert result.exit_code == 0, result.output
    return target


def _punctuation_findings(path: Path) -> list[str]:
    return [f.code for f in fr.check(fr.load(path)) if f.code == "FZ301"]


@pytest.mark.parametrize("name", ["out.docx", "out.md", "out.html"])
def test_what_convert_writes_in_the_official_style_has_no_half_width_marks(
    tmp_path: Path, name: str
) -> None:
    target = _convert(tmp_path, name)
    assert _punctuation_findings(target) == []
    report = fr.load(target)
    assert report.preamble[0].text == "2025年，我局坚持依法行政，现将有关情况报告如下："
    # numbers and times are not punctuation
    assert report.sections[0].body[0].text == "全年办理案件1,200件，每天9:30开庭（试行）。"


def test_source_keeps_the_marks_as_read(tmp_path: Path) -> None:
    target = _convert(tmp_path, "out.docx", "--punctuation", "source")
    assert _punctuation_findings(target) != []


def test_the_lossless_style_is_never_rewritten(tmp_path: Path) -> None:
    target = _convert(tmp_path, "out.txt")
    assert target.read_text(encoding="utf-8") == SOURCE


def test_a_folder_converted_to_word_has_no_half_width_marks(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(SOURCE, encoding="utf-8")
    out = tmp_path / "word"
    args = ["convert", str(folder), "--out-dir", str(out), "--to", "docx", "-q"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert [_punctuation_findings(out / n) for n in ("a.docx", "b.docx")] == [[], []]
