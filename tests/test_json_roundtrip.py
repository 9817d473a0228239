"""What the library writes, it reads: every parsed report goes through JSON and back unchanged.

One rule for unusual characters: whatever a reader keeps as text (a U+FEFF inside a line, a
zero-width space, a line or paragraph separator, control characters, noncharacters) is text,
and `fr.from_dict` reads back every string the model holds. A lone surrogate is no character:
no reader lets one in (see tests/test_surrogates.py), so none reaches JSON from a parse.
"""

from __future__ import annotations

import html
import json
from typing import Any

import jsonschema
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import fazhi_report as fr
from fazhi_report.api import output_encoding
from fazhi_report.decoding import encode

from .strategies import FRAGMENTS

# Characters a guard might refuse: byte-order marks, format and zero-width characters, line
# and paragraph separators, C0/C1 controls, noncharacters, a lone surrogate.
ODD = (
    "\ufeff",
    "\ufffe",
    "\uffff",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200e",
    "\u2060",
    "\u2028",
    "\u2029",
    "\x00",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1d",
    "\x1e",
    "\x1f",
    "\x7f",
    "\x85",
    "\xad",
    "\ud800",
    "\udfff",
)
# any code point, surrogates included (hypothesis leaves them out of text() by default)
_ANY_CHAR = st.characters(codec=None, categories=None, exclude_categories=())
odd_text = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS),
        st.sampled_from(ODD),
        st.text(_ANY_CHAR, max_size=4),
    ),
    max_size=40,
).map("".join)

CONTENT = jsonschema.Draft202012Validator(fr.json_schema())
WITH_LAYOUT = jsonschema.Draft202012Validator(fr.json_schema(layout=True))


def _schema_errors(validator: jsonschema.Draft202012Validator, data: Any) -> list[str]:
    data = json.loads(json.dumps(data, ensure_ascii=False))  # tuples become arrays, as in JSON
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(data)]


def _assert_round_trips(report: fr.Report) -> None:
    for layout in (False, True):
        assert fr.from_json(fr.to_json(report, layout=layout)) == report
        data = fr.to_dict(report, layout=layout)
        assert fr.from_dict(data) == report
        assert _schema_errors(WITH_LAYOUT if layout else CONTENT, data) == []


@given(odd_text)
@example("a\ufeffb")
@example("一、情况\n正文\ufeff中间。\n")
@example("\ufeff某局2024年法治政府建设情况报告\ufeff\n一、情\ufeff况\n一是加\ufeff强。正\ufeff文\n")
@example("x\x00y\x0bz\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029\ufffe\u200b\n")
@example("一、情况\ud800\n")
def test_any_parsed_text_survives_json(text: str) -> None:
    if any("\ud800" <= c <= "\udfff" for c in text):
        with pytest.raises(fr.DecodeError, match="lone surrogate"):
            fr.parse(text)
        return
    report = fr.parse(text)
    _assert_round_trips(report)
    # with its layout the report still renders the source exactly
    again = fr.from_json(fr.to_json(report, layout=True))
    assert fr.render(again, "text") == text


@given(st.text(), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]))
@example("一、情\ufeff况\n正文。\n", "utf-8-sig")
@example("\ufeff\ufeff一、情况\n", "utf-8")
def test_parsed_bytes_survive_json_byte_for_byte(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return  # GB18030 writes every code point, but hypothesis may draw a surrogate
    try:
        report = fr.parse(data, "text")
    except fr.FazhiReportError:
        return  # bytes that are no text (NUL bytes, empty) are refused, not at issue here
    _assert_round_trips(report)
    again = fr.from_json(fr.to_json(report, layout=True).encode("utf-8"))
    rendered = fr.render(again, "text")
    assert encode(rendered, output_encoding(again, "text"), "<test>") == data


@given(odd_text)
@example("# 报告\n\n## 一、情\ufeff况\n\n正\ufeff文\u200b。\n")
def test_parsed_markdown_survives_json(text: str) -> None:
    try:
        report = fr.parse(text, "markdown")
    except fr.FazhiReportError:
        return  # a reader may refuse input (item of its own); what it accepts must round-trip
    _assert_round_trips(report)


@given(st.lists(odd_text, max_size=8))
@example(["一、情\ufeff况", "正\ufeff文。"])
def test_parsed_html_survives_json(lines: list[str]) -> None:
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    page = f"<!DOCTYPE html><html><body>{body}</body></html>"
    try:
        report = fr.parse(page, "html")
    except fr.FazhiReportError:
        return
    _assert_round_trips(report)


@pytest.mark.parametrize("char", ODD)
def test_a_report_built_in_code_with_any_character_survives_json(char: str) -> None:
    report = fr.Report(
        title=f"{char}某局2024年法治政府建设情况报告",
        sections=[fr.Section(1, 1, f"情{char}况", body=[fr.Paragraph(f"正文{char}")])],
        signature=fr.Signature(f"某局{char}"),
    )
    if "\ud800" <= char <= "\udfff":
        # no file can hold a lone surrogate: to_json names the node instead of writing it
        with pytest.raises(fr.DataError, match=r"title holds a lone surrogate"):
            fr.to_json(report)
        return
    _assert_round_trips(report)
