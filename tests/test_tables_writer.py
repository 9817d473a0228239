"""The one table writer (fazhi_report.tables): CSV, JSON and HTML pages from rows."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

import fazhi_report as fr
from fazhi_report.rows import REPORT_KEYS, report_row, rows_to_csv, rows_to_html
from fazhi_report.tables import TABLE_FORMATS, Column, TableWriter, flatten, shown, write_table

TEMPLATES = Path(fr.__file__).parent / "templates" / "table"

# Text that is markup in some language a table passes through, CJK, and the lone surrogates
# a file name holds for bytes that are not UTF-8 (os.fsdecode).
PIECES = (
    "<", ">", "&", '"', "'", "<script>alert(1)</script>", "<b>", "</td>", "</table>",
    "<!--", "-->", "&amp;", "&#60;", "{{", "}}", "{%", "%}", "javascript:", ",", ";",
    "\n", " ", "法治", "报告", "a", "1", "\udcff", "\udc80",
)  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=5).map("".join)
values = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**6), texts)
KEYS = ("file", "organ", "note", "n")
rows_strategy = st.lists(st.fixed_dictionaries({k: values for k in KEYS}), max_size=4)


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


# ------------------------------------------------------------------------------------ CSV


def test_csv_lines_end_in_crlf_as_rfc_4180_says() -> None:
    text = write_table([{"a": 1, "b": "x"}, {"a": 2, "b": "y,z"}], "csv")
    assert text == 'a,b\r\n1,x\r\n2,"y,z"\r\n'


def test_csv_flattens_nested_values_into_dotted_columns() -> None:
    rows = [{"file": "a.txt", "location": {"line": 3, "path": None}, "lines": [1, 2]}]
    assert flatten(rows[0]) == {
        "file": "a.txt",
        "location.line": 3,
        "location.path": None,
        "lines": "1; 2",
    }
    assert write_table(rows, "csv") == "file,location.line,location.path,lines\r\na.txt,3,,1; 2\r\n"
    # the columns asked for, in their order, even for no rows
    assert write_table([], "csv", columns=["file", "location.line"]) == "file,location.line\r\n"


@given(rows_strategy)
def test_csv_and_json_give_every_value_back(rows: list[dict[str, Any]]) -> None:
    text_rows = [{k: v for k, v in row.items() if isinstance(v, str)} for row in rows]
    back = _csv_rows(write_table(text_rows, "csv", columns=KEYS))
    assert [{k: row.get(k, "") for k in KEYS} for row in text_rows] == [
        {k: row[k] for k in KEYS} for row in back
    ]
    assert json.loads(write_table(rows, "json")) == rows


# ----------------------------------------------------------------------------------- JSON


def test_json_keeps_nested_values_and_chinese() -> None:
    rows = [{"file": "甲.txt", "location": {"line": 3}}]
    text = write_table(rows, "json")
    assert "甲.txt" in text and json.loads(text) == rows


def test_an_unknown_format_is_an_option_error() -> None:
    assert TABLE_FORMATS == ("csv", "json", "html")
    with pytest.raises(fr.OptionError, match="'xlsx'"):
        write_table([], "xlsx")


# ----------------------------------------------------------------------------------- HTML

_PAGE_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "p", "table", "thead",
              "tbody", "tr", "th", "td"}  # fmt: skip


def _cell_text(value: object) -> str:
    if isinstance(value, bool):
        return "✓" if value else "✗"
    return shown(value)


@given(rows_strategy, texts)
def test_a_page_writes_every_value_as_text(rows: list[dict[str, Any]], title: str) -> None:
    columns = [Column("file"), Column("organ", "机关<i>"), Column("note", kind="mark"), "n"]
    page = write_table(rows, "html", columns=columns, title=title, context={"summary": title})
    document = lxml.html.document_fromstring(page)
    assert {el.tag for el in document.iter()} <= _PAGE_TAGS  # no element, comment or script
    assert document.findtext(".//title") in (shown(title), None)  # lxml: None for ""
    assert [th.text_content() for th in document.iter("th")] == ["file", "机关<i>", "note", "n"]
    body = document.xpath("//tbody/tr")
    assert len(body) == len(rows)
    for tr, row in zip(body, rows, strict=True):
        cells = [td.text_content() for td in tr]
        marks = "" if row["note"] is None else _cell_text(bool(row["note"]))
        assert cells == [shown(row["file"]), shown(row["organ"]), marks, shown(row["n"])]


def test_a_page_is_utf_8_even_for_file_names_that_were_not() -> None:
    page = write_table([{"file": "报告\udcff.txt"}], "html")
    assert "报告\\xff.txt" in page
    page.encode("utf-8")  # no lone surrogate left


def test_the_table_templates_mark_nothing_safe() -> None:
    # every value reaches the page through autoescaping: no |safe, no Markup, no autoescape off
    for template in TEMPLATES.glob("*.j2"):
        source = template.read_text("utf-8")
        assert template.name.endswith(".html.j2")
        for forbidden in ("|safe", "| safe", "Markup", "autoescape"):
            assert forbidden not in source, (template.name, forbidden)


def test_a_users_folder_overrides_a_table_template(tmp_path: Path) -> None:
    (tmp_path / "table").mkdir()
    (tmp_path / "table" / "page.html.j2").write_text(
        "{% for row in rows %}<li>{{ row.file }}</li>{% endfor %}", "utf-8"
    )
    rows = [{"file": "<a.txt>"}]
    assert write_table(rows, "html", templates=tmp_path) == "<li>&lt;a.txt&gt;</li>"
    assert write_table(rows, "html", templates=tmp_path, sandboxed=True) == "<li>&lt;a.txt&gt;</li>"
    # the summary page extends the table page: the override reaches it too
    assert "<li>" in rows_to_html(rows, templates=tmp_path)


def test_a_sandboxed_page_refuses_what_the_sandbox_forbids(tmp_path: Path) -> None:
    (tmp_path / "table").mkdir()
    (tmp_path / "table" / "page.html.j2").write_text("{{ rows.append(1) }}", "utf-8")
    with pytest.raises(fr.TemplateError):
        write_table([{"file": "a"}], "html", templates=tmp_path, sandboxed=True)


# --------------------------------------------------------------------------- the summary


def test_the_summary_page_is_the_summary_template(tmp_path: Path) -> None:
    report = fr.parse("某县司法局2024年法治政府建设情况报告\n\n一、主要举措和成效\n正文。\n")
    rows = [report_row(report, file="a.txt"), report_row(fr.ParseFailure("b.txt", "E", "<x>"))]
    page = rows_to_html(rows)
    assert page.count('<tr class="error">') == 1 and "&lt;x&gt;" in page
    assert "主要举措和成效（必备）" in page and "1 / 1" in page
    (tmp_path / "table").mkdir()
    (tmp_path / "table" / "summary.html.j2").write_text(
        "{{ title }}|{% for bar in bars %}{{ bar.count }}{% endfor %}", "utf-8"
    )
    assert rows_to_html(rows, templates=tmp_path) == "法治政府建设情况报告 汇总|100000"
    assert _csv_rows(rows_to_csv(rows))[0].keys() == set(REPORT_KEYS)


# ------------------------------------------------------------------ row by row (TableWriter)

nested_rows = st.lists(
    st.fixed_dictionaries(
        {"file": texts, "location": st.fixed_dictionaries({"line": values, "path": texts})}
    ),
    max_size=4,
)


@given(st.one_of(rows_strategy, nested_rows), texts)
def test_a_table_written_row_by_row_is_the_table_written_at_once(
    rows: list[dict[str, Any]], title: str
) -> None:
    for format in TABLE_FORMATS:
        columns = list(flatten(rows[0])) if rows else ["file"]
        pieces: list[str] = []
        writer = TableWriter(format, pieces.append, columns=columns, title=title)
        for row in rows:
            writer.add(row)
        writer.close()
        assert "".join(pieces) == write_table(rows, format, columns=columns, title=title)


def test_a_table_written_row_by_row_writes_csv_and_json_as_rows_come() -> None:
    for format in ("csv", "json"):
        pieces: list[str] = []
        writer = TableWriter(format, pieces.append, columns=["file"])
        writer.add({"file": "a.txt"})
        assert "a.txt" in "".join(pieces)


def test_a_table_written_row_by_row_refuses_an_unknown_format() -> None:
    with pytest.raises(fr.OptionError):
        TableWriter("xml", print, columns=["file"])
