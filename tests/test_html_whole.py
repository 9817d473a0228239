"""Web pages are read whole or refused: deep nesting and huge comments cut nothing short.

lxml's HTML parser (libxml2) stops at its limits for documents of unknown origin (elements
nested 256 deep, a text or comment of 10,000,000 bytes) and keeps what it read so far; the
reader lifts those limits, refuses a page past the parser's own, and walks the tree without
a Python call per level.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import fazhi_report as fr
from fazhi_report.cli import main

# Paragraphs the builder reads as body text, each different (invented text), long enough for
# the block holding one to be the page's content block however it nests
TEXTS = [
    f"依法行政工作稳步推进，全年办结行政复议和行政诉讼事项{i}件，执法规范化水平持续提升，"
    "群众满意度明显提高。"
    for i in range(1, 401)
]
# Well past libxml2's limit for documents of unknown origin (and Python's recursion limit),
# below the limit it keeps with huge_tree (2,048 levels in libxml2 2.12 to 2.14).
DEEP = 1500


def _texts(report: fr.Report) -> list[str]:
    return [p.text for p in report.paragraphs]


def test_400_lines_each_opening_a_font_are_read_whole() -> None:
    page = (
        "<html><body><div class='content'>\n"
        + "\n".join(f"<font>{text}<br>" for text in TEXTS)
        + "\n</div></body></html>"
    )
    assert _texts(fr.parse(page, format="html")) == TEXTS
    assert _texts(fr.parse(page.encode("gbk"), format="html")) == TEXTS


def test_a_20_mb_comment_before_the_report_is_passed_over() -> None:
    body = "<p>一、主要举措和成效</p>" + "".join(f"<p>{text}</p>" for text in TEXTS[:3])
    plain = f"<html><body><div class='content'>{body}</div></body></html>"
    page = plain.replace("<body>", "<body><!--" + "x" * 20_000_000 + "-->")
    report = fr.parse(page, format="html")
    assert report == fr.parse(plain, format="html")
    assert _texts(report) == TEXTS[:3] and len(report.sections) == 1


def test_a_page_nested_past_python_recursion_limit_is_read_whole() -> None:
    assert sys.getrecursionlimit() < DEEP
    for tag in ("div", "span", "font", "blockquote"):
        page = (
            f"<html><body><div class='content'>{f'<{tag}>' * DEEP}<p>{TEXTS[0]}</p>"
            f"<p>{TEXTS[1]}</p>{f'</{tag}>' * DEEP}<p>{TEXTS[2]}</p></div></body></html>"
        )
        assert _texts(fr.parse(page, format="html")) == TEXTS[:3], tag


def test_a_page_nested_10000_deep_is_refused_never_cut() -> None:
    page = (
        "<html><body><div class='content'>\n<p>" + TEXTS[0] + "</p>\n" + "<div>" * 10_000
        + "<p>" + TEXTS[1] + "</p>" + "</div>" * 10_000 + "\n<p>" + TEXTS[2] + "</p></div></body></html>"
    )  # fmt: skip
    try:
        report = fr.parse(page, format="html")
    except fr.DecodeError as exc:
        assert "cannot be read whole" in str(exc) and "nested more than" in str(exc)
        assert exc.line == 3 and exc.source == "<string>"
    else:  # a libxml2 without a depth limit reads it whole
        assert _texts(report) == TEXTS[:3]


def test_a_markdown_html_block_nested_deeper_than_the_parser_reads_is_refused() -> None:
    deep = "<div>" * 10_000 + TEXTS[1] + "</div>" * 10_000
    text = f"一、主要举措和成效\n\n{TEXTS[0]}\n\n{deep}\n\n{TEXTS[2]}\n"
    try:
        report = fr.parse(text, format="markdown", source="notes.md")
    except fr.DecodeError as exc:
        assert "cannot be read whole" in str(exc)
        assert exc.source == "notes.md" and exc.line == 5
    else:
        assert _texts(report) == TEXTS[:3]
    shallow = text.replace(deep, "<div>" * DEEP + TEXTS[1] + "</div>" * DEEP)
    assert _texts(fr.parse(shallow, format="markdown")) == TEXTS[:3]


def test_the_command_line_refuses_a_page_too_deep_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "deep.html"
    path.write_text(f"<p>{TEXTS[0]}</p>" + "<div>" * 10_000 + TEXTS[1], "utf-8")
    status = main(["convert", str(path), "-", "--to", "text"])
    out, err = capsys.readouterr()
    if status == 0:  # a libxml2 without a depth limit reads it whole
        assert TEXTS[0] in out and TEXTS[1] in out
        return
    assert status == 1 and err.count("\n") == 1
    assert err.startswith(f"fazhi-report: error: {path}:1: the page cannot be read whole")


INLINE = ("font", "span", "b", "i", "strong", "em", "u", "small")
BLOCK = ("div", "section", "blockquote", "center")


@st.composite
def nested_pages(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A page of paragraphs, each inside a run of elements (inline or block kinds, closed
    or left open, the open ones nesting what follows), with comments of varying size."""
    count = draw(st.integers(1, 6))
    texts = TEXTS[:count]
    parts = ["<html><body><div class='content'>\n"]
    for text in texts:
        size = draw(st.one_of(st.none(), st.integers(0, 2000), st.just(10_000_001)))
        if size is not None:
            parts.append("<!--" + "x" * size + "-->")
        kinds = draw(st.lists(st.sampled_from(INLINE + BLOCK), min_size=1, max_size=3))
        depth = draw(st.integers(0, 320))  # 6 left open stay under the parser's 2,048
        opened = [kinds[i % len(kinds)] for i in range(depth)]
        closed = draw(st.booleans())
        parts.append("".join(f"<{tag}>" for tag in opened))
        form = draw(st.sampled_from(("<p>{}</p>", "<p>{}<br>", "{}<br>", "<div>{}</div>")))
        parts.append(form.format(text))
        if closed:
            parts.append("".join(f"</{tag}>" for tag in reversed(opened)))
        parts.append("\n")
    parts.append("</div></body></html>")
    return "".join(parts), texts


@given(nested_pages())
def test_every_paragraph_written_in_a_nested_page_is_read(case: tuple[str, list[str]]) -> None:
    page, texts = case
    assert _texts(fr.parse(page, format="html")) == texts
