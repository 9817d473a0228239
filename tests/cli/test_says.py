"""The command line says what it did: standard input read as what it is, no silent no-op,
compare warns of mismatched reports, and after Ctrl-C the summary counts what was written."""

from __future__ import annotations

import html
import io
import json
import os
import re
import sys
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import fazhi_report as fr
from fazhi_report.cli import main
from fazhi_report.registry import format_for_data

from ..conftest import EXAMPLES
from ..strategies import report_like_text
from .interrupt import interrupted_convert

WEB = Path(__file__).parent.parent / "fixtures" / "web"
PAGES = sorted(WEB.glob("*.html"))
SAMPLE = (EXAMPLES / "sample_report.txt").read_bytes()


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


# ------------------------------------------------------------- standard input is sniffed


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_a_web_page_on_standard_input_is_read_as_html(
    page: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = page.read_bytes()
    expected = fr.parse(data, "html")
    assert expected.title is not None and expected.sections  # the page holds a report
    _stdin(monkeypatch, data)
    assert main(["convert", "-", "-", "--to", "json"]) == 0
    assert fr.from_json(capsys.readouterr().out) == expected
    _stdin(monkeypatch, data)
    assert main(["inspect", "-"]) == 0
    assert f"title: {expected.title}\n" in capsys.readouterr().out


def test_fr_parse_of_bytes_and_standard_input_agree(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = PAGES[0].read_bytes()
    assert fr.parse(data) == fr.parse(data, "html")
    _stdin(monkeypatch, SAMPLE)  # text stays text
    assert main(["convert", "-", "-", "--to", "json"]) == 0
    assert fr.from_json(capsys.readouterr().out) == fr.parse(SAMPLE)


_SPACE = st.text(" \t\r\n", max_size=3)
_COMMENT = st.sampled_from(
    ["<!-- saved from url=(0014)about:internet -->", "<!---->", "<!-- 注释 -- x -->"]
)
_PRELUDE = st.lists(
    st.one_of(_SPACE, _COMMENT, st.just('<?xml version="1.0" encoding="utf-8"?>')), max_size=4
).map("".join)
_START = st.sampled_from(
    [
        "<!DOCTYPE html>",
        "<!doctype html>",
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "x.dtd">',
        "<html>",
        '<HTML lang="zh-CN">',
    ]
)


@given(
    _PRELUDE,
    _START,
    st.lists(report_like_text, min_size=1, max_size=6),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]),
    report_like_text,
)
@example("", "<!DOCTYPE html>", ["某局2024年法治政府建设情况报告", "一、情况"], "utf-8", "")
@example("", "<html>", ["一、情况"], "utf-8", "# 报告\n\n<b>一、情况</b>\n")
@example("", "<html>", ["一、情况"], "utf-8", "<p>一、情况</p>")
@example("", "<html>", ["一、情况"], "utf-8", "<!-- 注释 -->\n一、情况\n")
@example("", "<html>", ["一、情况"], "utf-8", "<htmlish>")
@example("", "<html>", ["一、情况"], "utf-8", "一、情况\n<html>\n")
def test_a_page_is_told_from_its_bytes_and_text_is_not(
    prelude: str, start: str, lines: list[str], encoding: str, text: str
) -> None:
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    page = f'{prelude}{start}<head><meta charset="{encoding}"></head><body>{body}</body></html>'
    try:
        data = page.encode(encoding)
    except UnicodeEncodeError:
        data = page.encode("utf-8", "surrogatepass")  # a surrogate hypothesis drew
    assert format_for_data(data) == "html"
    # a page starts with <!DOCTYPE html or <html; text, fragments and Markdown do not
    assert format_for_data(text.encode("utf-8", "surrogatepass")) is None


# ------------------------------------------------------- convert never does nothing silently


def test_a_file_named_outright_is_converted_into_its_own_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_bytes(SAMPLE)
    monkeypatch.chdir(tmp_path)
    assert main(["convert", "a.txt", "--out-dir", ".", "--to", "json"]) == 0
    assert fr.from_json((tmp_path / "a.json").read_bytes()) == fr.parse(SAMPLE)
    assert "done a.txt -> a.json" in capsys.readouterr().err
    # the output would be the input itself: a failure that says so, never a silent 0
    (tmp_path / "b.json").write_text(fr.to_json(fr.parse(SAMPLE)), encoding="utf-8")
    assert main(["convert", "b.json", "--out-dir", ".", "--to", "json"]) == 1
    assert "is an input; not overwritten" in capsys.readouterr().err


def test_files_a_search_finds_under_the_output_folder_are_said_to_be_passed_over(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = tmp_path / "reports"
    (reports / "out").mkdir(parents=True)
    (reports / "a.txt").write_bytes(SAMPLE)
    (reports / "out" / "old.txt").write_bytes(SAMPLE)  # an earlier run's output
    out = reports / "out"
    assert main(["convert", str(reports), "--out-dir", str(out), "--to", "json"]) == 0
    err = capsys.readouterr().err
    assert f"skipped {out / 'old.txt'}: it is under the output folder {out}" in err
    assert "converted 2 reports: 1 done, 0 failed, 1 skipped" in err
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "old.txt"]
    # a glob that finds only earlier outputs says so too
    assert main(["convert", f"{out}/*.txt", "--out-dir", str(out), "--to", "json"]) == 0
    assert f"skipped {out / 'old.txt'}: it is under the output folder" in capsys.readouterr().err


# ------------------------------------------------------------------- compare warns


def _report(organ: str, year: int) -> str:
    return (
        f"{organ}{year}年法治政府建设情况报告\n"
        "一、主要举措和成效\n全年开展执法培训10场次。\n"
        "二、存在的不足\n一是执法能力有待提升。\n"
        f"{organ}\n{year + 1}年1月20日\n"
    )


@pytest.mark.parametrize(
    ("before", "after", "codes"),
    [
        (("澜川市司法局", 2023), ("澜川市司法局", 2024), []),
        (("澜川市司法局", 2023), ("东陵县公安局", 2024), ["different-organs"]),
        (("澜川市司法局", 2024), ("澜川市司法局", 2023), ["years-backwards"]),
        (("澜川市司法局", 2025), ("东陵县公安局", 2024), ["different-organs", "years-backwards"]),
    ],
)
def test_compare_warns_of_mismatched_reports(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    before: tuple[str, int],
    after: tuple[str, int],
    codes: list[str],
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(_report(*before), encoding="utf-8")
    b.write_text(_report(*after), encoding="utf-8")
    comparison = fr.compare(fr.load(a), fr.load(b))
    assert [w.code for w in comparison.warnings] == codes
    assert main(["compare", str(a), str(b)]) == 0  # the status is unchanged
    captured = capsys.readouterr()
    warned = [line for line in captured.err.splitlines() if "warning:" in line]
    assert len(warned) == len(codes)
    if "different-organs" in codes:
        assert before[0] in captured.err and after[0] in captured.err
    if "years-backwards" in codes:
        assert f"covers {before[1]}" in captured.err
    assert main(["compare", str(a), str(b), "--strict"]) == (1 if codes else 0)
    capsys.readouterr()
    assert main(["compare", str(a), str(b), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [w["code"] for w in data["warnings"]] == codes


def test_a_joint_report_and_an_issuers_own_are_one_organ() -> None:
    joint = fr.Report(organ="中共澜川市委 澜川市人民政府", year=2023)
    own = fr.Report(organ="澜川市人民政府", year=2024)
    assert len(joint.organs) == 2
    assert fr.compare(joint, own).warnings == ()
    assert fr.compare(fr.Report(), own).warnings == ()  # nothing said of what is not stated


# --------------------------------------------------------- Ctrl-C: done counts the files


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "fazhi_report.cli", *args]


def _env() -> dict[str, str]:
    src = str(Path(fr.__file__).resolve().parents[1])
    return {**os.environ, "PYTHONPATH": src, "COLUMNS": "100"}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_after_ctrl_c_the_summary_counts_the_files_written(tmp_path: Path) -> None:
    status, first, rest, out = interrupted_convert(tmp_path, SAMPLE)
    rest = rest.decode("utf-8")
    assert status == 130
    assert "fazhi-report: interrupted" in rest
    summary = re.search(r"converted (\d+) reports?: (\d+) done, (\d+) failed", rest)
    assert summary is not None, rest
    written = sorted(out.iterdir())
    assert all(p.suffix == ".docx" for p in written)  # no temporary fragment left behind
    assert 0 < len(written) < 400  # it stopped part-way
    assert int(summary.group(2)) == len(written)
    # one "done" line per file written, the first one included
    done_lines = [first.decode("utf-8"), *rest.splitlines()]
    assert sum(line.startswith("done ") for line in done_lines) == len(written)


def _write_marker(paths: list[str]) -> list[str]:
    for path in paths:
        Path(path).write_text("x", encoding="utf-8")
    return paths


@given(st.integers(min_value=1, max_value=30), st.sampled_from([1, 2]))
def test_map_ordered_yields_every_finished_result_after_stop(after: int, jobs: int) -> None:
    import tempfile

    from fazhi_report.batch import map_ordered

    with tempfile.TemporaryDirectory() as folder:
        names = [os.path.join(folder, f"{i:03}") for i in range(60)]
        seen: list[str] = []
        for name in map_ordered(
            _write_marker, names, jobs=jobs, chunksize=1, stop=lambda: len(seen) >= after
        ):
            seen.append(name)
        written = sorted(os.listdir(folder))
        assert len(seen) >= after
        assert [os.path.basename(name) for name in seen] == written  # in order, none lost
