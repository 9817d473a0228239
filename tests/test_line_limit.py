"""A document of more lines with text than the library reads is refused, never read in part.

The limit (`fazhi_report.parsers.lines.MAX_LINES`) is what keeps every command's memory bounded
whatever the input: 10 MB of four-byte numbered lines would be 2.5 million sections.
"""

from __future__ import annotations

import pytest

import fazhi_report as fr
from fazhi_report.parsers import builder
from fazhi_report.parsers.lines import MAX_LINES


def test_a_text_past_the_limit_is_refused_at_the_line_past_it() -> None:
    text = "1.a\n" * (MAX_LINES + 1)
    with pytest.raises(fr.DecodeError, match="more than 200,000 lines") as caught:
        fr.parse(text, source="many.txt")
    assert caught.value.source == "many.txt"
    assert caught.value.line == MAX_LINES + 1


def test_blank_lines_do_not_count_and_the_limit_itself_reads() -> None:
    text = "\n\n".join(["1.a"] * MAX_LINES) + "\n"
    report = fr.parse(text)
    assert len(report.sections) == MAX_LINES
    assert fr.render(report, "text") == text


def test_every_reader_is_held_to_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(builder, "MAX_LINES", 10)
    markdown = "".join(f"## 第{n}段\n\n正文。\n\n" for n in range(1, 7))
    with pytest.raises(fr.DecodeError, match="lines with text"):
        fr.parse(markdown, "markdown", source="long.md")
    page = "<html><body>" + "<p>正文。</p>" * 11 + "</body></html>"
    with pytest.raises(fr.DecodeError, match="lines with text"):
        fr.parse(page.encode(), "html")
