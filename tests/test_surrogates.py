"""Lone surrogates ("\\ud800": a str can hold one, no file can) never pass the library's edges.

The rule (see ``fazhi_report._surrogates``): a reader given a str holding one raises a
DecodeError naming the source and line; ``from_dict``/``from_json`` a DataError naming the
path; every renderer a DataError naming the node, and ``save`` the file too; the command line
says so in one line. The model itself holds any str.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import fazhi_report as fr
from fazhi_report.cli import main
from fazhi_report.validation import ALLOWED

from .strategies import reports

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sample_report.txt"

RENDERINGS = [
    ("text", "lossless"),
    ("text", "official"),
    ("json", "semantic"),
    ("json", "lossless"),
    ("markdown", "official"),
    ("html", "official"),
    ("docx", "official"),
]


def slots(node: Any, path: str = "") -> Iterator[tuple[str, Callable[[str], None], str]]:
    """Every string of a report's content: (its path, a setter, its value)."""
    for field in attrs.fields(type(node)):
        if field.name == "layout":
            continue
        value = getattr(node, field.name)
        where = f"{path}.{field.name}".lstrip(".")
        if isinstance(value, str) and not isinstance(value, enum.Enum):  # a role is a str too

            def put(new: str, node: Any = node, name: str = field.name) -> None:
                setattr(node, name, new)

            yield where, put, value
        elif attrs.has(type(value)):
            yield from slots(value, where)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if attrs.has(type(item)):
                    yield from slots(item, f"{where}[{i}]")
                elif isinstance(item, list):  # a table's row of cell texts
                    for k, cell in enumerate(item):

                        def put_cell(new: str, row: list[str] = item, k: int = k) -> None:
                            row[k] = new

                        yield f"{where}[{i}][{k}]", put_cell, cell


@st.composite
def reports_with_a_surrogate(draw: st.DrawFn) -> tuple[fr.Report, str]:
    """A report with one lone surrogate put into one of its strings; and that string's path."""
    report = draw(reports())
    # the organ is a fact derived from the text, which only JSON and Word's properties write
    found = [slot for slot in slots(report) if slot[0] != "organ"]
    assume(found)
    path, put, value = draw(st.sampled_from(found))
    at = draw(st.integers(0, len(value)))
    code = draw(st.sampled_from([0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xDCFF]))
    put(value[:at] + chr(code) + value[at:])
    # a code point between "十" and "二是" changes how the text reads back: another error
    assume(not [p for p in fr.validate(report) if p.code not in ALLOWED])
    return report, path


@given(reports_with_a_surrogate())
def test_every_renderer_names_the_node_holding_a_lone_surrogate(case: tuple[Any, str]) -> None:
    report, path = case
    for fmt, style in RENDERINGS:
        with pytest.raises(fr.DataError, match="lone surrogate") as caught:
            fr.render(report, fmt, style=style)
        assert f"{path} holds" in str(caught.value), (fmt, style)
    with pytest.raises(fr.DataError, match="lone surrogate"):
        fr.to_json(report)


def _with_surrogate() -> fr.Report:
    report = fr.load(SAMPLE)
    report.sections[1].body[0].text = "正文\ud800。"
    return report


@pytest.mark.parametrize("suffix", [".txt", ".json", ".md", ".html", ".docx"])
def test_save_names_the_file_and_writes_nothing(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"out{suffix}"
    with pytest.raises(fr.DataError, match=r"sections\[1\]\.body\[0\]\.text holds") as caught:
        fr.save(_with_surrogate(), target)
    assert caught.value.source == str(target)
    assert not target.exists()


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_reading_a_str_holding_a_lone_surrogate_names_the_line(fmt: str) -> None:
    text = "一、情况\n\n正文\udc80。\n"
    with pytest.raises(fr.DecodeError, match=r"lone surrogate \(U\+DC80\)") as caught:
        fr.parse(text, format=fmt, source="pasted")
    assert caught.value.source == "pasted" and caught.value.line == 3


def test_from_json_names_the_path_of_an_escaped_surrogate() -> None:
    data = {"title": "报告\ud800", "sections": [{"level": 1, "number": 1, "heading": "x\udfff"}]}
    text = json.dumps(data)  # "\\ud800" escapes: valid JSON, no character
    with pytest.raises(fr.DataError) as caught:
        fr.from_json(text, source="in.json")
    message = str(caught.value)
    assert "$.title" in message and "$.sections[0].heading" in message
    assert caught.value.source == "in.json"
    with pytest.raises(fr.DataError, match=r"\$\.title"):
        fr.from_dict(data)


def test_a_character_above_the_bmp_is_text_and_its_halves_are_not() -> None:
    # Python keeps 😀 as one code point; the two halves of its UTF-16 form are two lone ones
    report = fr.parse("一、情况😀\n正文。\n")
    assert fr.render(report, "text") == "一、情况😀\n正文。\n"
    assert fr.parse(fr.render(report, "docx")).sections[0].heading == "情况😀"
    with pytest.raises(fr.DecodeError, match="U\\+D83D"):
        fr.parse("一、情况\ud83d\ude00\n")


def test_a_font_name_holding_a_lone_surrogate_is_an_option_error() -> None:
    with pytest.raises(fr.OptionError, match="body"):
        fr.render(fr.load(SAMPLE), "docx", fonts={"body": "仿宋\ud800"})


def test_an_organ_with_a_control_character_is_refused_not_written_into_the_package() -> None:
    report = fr.load(SAMPLE)
    report.organ = "青禾县\x01公安局"
    with pytest.raises(fr.DataError, match="control character U\\+0001"):
        fr.render(report, "docx")


def test_the_cli_refuses_a_json_report_holding_a_surrogate_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.json"
    data = fr.to_dict(fr.load(SAMPLE))
    data["sections"][0]["heading"] += "\ud800"
    source.write_text(json.dumps(data), "ascii")
    for target in ("out.docx", "out.txt", "-"):
        out = target if target == "-" else str(tmp_path / target)
        assert main(["convert", str(source), out]) == 1
        err = capsys.readouterr().err
        assert "error:" in err and "$.sections[0].heading" in err and "Traceback" not in err


def _odd_name(folder: Path) -> Path:
    path = folder / "报告\udcff.txt"  # os.fsencode makes it b"...\xff.txt"
    try:
        path.write_bytes(SAMPLE.read_bytes())
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system takes no file name that is not UTF-8")
    return path


@pytest.mark.parametrize("command", ["summary", "check"])
def test_the_cli_lists_a_file_whose_name_is_not_utf8(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes], command: str
) -> None:
    _odd_name(tmp_path)
    assert main([command, str(tmp_path)]) == 0
    out = capfdbinary.readouterr().out
    assert "报告".encode() + b"\xff.txt" in out  # the name's own bytes, as ls prints them
