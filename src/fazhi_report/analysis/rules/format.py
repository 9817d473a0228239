"""The rules on format (FZ3xx): punctuation, quotes, empty sections, headings, page clutter."""

from __future__ import annotations

import re
from collections import Counter

from fazhi_report import _cues
from fazhi_report.analysis.records import Location, section_label
from fazhi_report.analysis.rules.registry import WARNING, Context, rule
from fazhi_report.model import Paragraph

_CJK = "\u3400-\u9fff"
_HALF_MARKS = "[,;:!?()]"
# the mark first (the engine skips to it), then a Chinese character after or before it
_HALF_PUNCT = re.compile(rf"{_HALF_MARKS}(?:(?=[{_CJK}])|(?<=[{_CJK}].))")
_QUOTE_STYLES = {"curly": "“”", "straight": '"', "corner": "「」"}
_QUOTE_NAMES = {"curly": "“”", "straight": '""', "corner": "「」"}
# `_HALF_PUNCT` for one mark at a time: a pattern led by a literal lets the engine skip to
# the mark at memory speed, where the set of all seven marks is a test of every character.
_HALF_PUNCT_BY_MARK = {
    mark: re.compile(re.escape(mark) + _HALF_PUNCT.pattern[len(_HALF_MARKS) :])
    for mark in ",;:!?()"
}


def _half_width_marks(text: str) -> tuple[int, Counter[str]] | None:
    """Where the first `_HALF_PUNCT` match of ``text`` is and how many of each mark match
    (counted in the order the marks first match, as ``Counter(findall)`` counts), or
    ``None`` for none."""
    firsts = []
    for mark, pattern in _HALF_PUNCT_BY_MARK.items():
        if mark not in text:
            continue
        first = pattern.search(text)
        if first is not None:
            at = first.start()
            firsts.append((at, mark, len(pattern.findall(text, at))))
    if not firsts:
        return None
    firsts.sort()
    return firsts[0][0], Counter({mark: count for _, mark, count in firsts})


@rule(
    "FZ301",
    "half-width-punctuation",
    group="format",
    severity=WARNING,
    summary="中文文本中使用半角标点",
    summary_en="half-width punctuation in Chinese text",
)
def half_width_punctuation(context: Context) -> None:
    """Half-width marks beside Chinese characters, counted, shown where first."""
    joined = context.joined
    # most reports have none of the marks: a literal look for each is cheaper than one
    # character-set scan
    half_found = _half_width_marks(joined.text)
    if half_found is not None:
        first_at, half = half_found
        shown = " ".join(f"“{c}”{n}处" for c, n in half.most_common())
        shown_en = ", ".join(f"{c!r} ×{n}" for c, n in half.most_common())
        context.add(
            f"中文文本中有半角标点：{shown}（首见于此）",
            f"half-width punctuation in Chinese text: {shown_en} (first here)",
            joined.field_at(first_at)[0].location,
        )


@rule(
    "FZ302",
    "mixed-quotes",
    group="format",
    severity=WARNING,
    summary="引号样式混用",
    summary_en="quote styles mixed",
)
def mixed_quotes(context: Context) -> None:
    """More than one quote style in the report."""
    joined = context.joined
    text = joined.text
    firsts = {}
    for style, marks in _QUOTE_STYLES.items():
        found = [i for i in (text.find(c) for c in marks) if i >= 0]
        if found:
            firsts[style] = min(found)
    if len(firsts) > 1:
        styles = sorted(firsts, key=firsts.__getitem__)
        context.add(
            "引号样式混用：" + "、".join(_QUOTE_NAMES[s] for s in styles),
            "quote styles mixed: " + ", ".join(_QUOTE_NAMES[s] for s in styles),
            joined.field_at(firsts[styles[-1]])[0].location,
        )


@rule(
    "FZ303",
    "empty-section",
    group="format",
    severity=WARNING,
    summary="标题下没有内容",
    summary_en="a section with nothing under its heading",
)
def empty_section(context: Context) -> None:
    """A section with no text, points, tables or subsections."""
    for path, section, outer in context.sections:
        if (
            not section.run_in
            and not section.subsections
            and not any(
                not isinstance(b, Paragraph) or b.points or b.text.strip() for b in section.body
            )
        ):
            label = outer + section_label(section)
            layout = section.layout
            context.add(
                f"标题{label}“{section.heading}”下没有内容",
                f"nothing under the heading {label} {section.heading!r}",
                Location(path, label, layout.line if layout is not None else None),
            )


@rule(
    "FZ304",
    "heading-full-stop",
    group="format",
    severity=WARNING,
    summary="单独成行的标题以句号结尾",
    summary_en="a heading on a line of its own ends with 。",
)
def heading_full_stop(context: Context) -> None:
    """A heading on a line of its own that ends with 。."""
    for path, section, outer in context.sections:
        layout = section.layout
        stop = layout.stop if layout is not None else ""
        if not section.run_in and (stop == "。" or section.heading.endswith("。")):
            label = outer + section_label(section)
            context.add(
                f"单独成行的标题{label}“{section.heading}”以“。”结尾",
                f"the heading {label} {section.heading!r} stands on its own line but ends with 。",
                Location(path, label, layout.line if layout is not None else None),
            )


# Clutter glued into a paragraph: a page field (来源：, 发布时间：…) at the string's start or
# after a stop or spaces, or a button or footer word anywhere, found with the parser's own
# vocabulary (`_cues.clutter_starts`) and checked, piece by piece, with its own test
# (`_cues.is_page_clutter`).
_PIECE_ENDS = "。！？!?；;"
_CLUTTER_MAX = 40
_CONTENT_KINDS = frozenset({"paragraph", "point_text"})


def _piece(text: str, begin: int, finish: int, at: int) -> str:
    """The piece of ``text[begin:finish]`` around ``at``: from the stop or space before it to
    the next stop."""
    left = begin
    for c in (*_PIECE_ENDS, " ", "\u3000", "\t", "\xa0"):
        left = max(left, text.rfind(c, begin, at + 1) + 1)
    right = finish
    for c in _PIECE_ENDS:
        found = text.find(c, at, right)
        if found >= 0:
            right = found
    return text[left:right].strip()


@rule(
    "FZ305",
    "stray-clutter",
    group="format",
    severity=WARNING,
    summary="正文中残留网页杂项",
    summary_en="web-page clutter left inside the content",
)
def stray_clutter(context: Context) -> None:
    """A page field, button, footer or watermark glued into a paragraph."""
    joined = context.joined
    text = joined.text
    hits: list[tuple[int, str]] = []
    candidates = _cues.clutter_starts(text)
    for at in candidates:
        field, begin = joined.field_at(at)
        if field.kind not in _CONTENT_KINDS:
            continue
        piece = _piece(text, begin, begin + len(field.text), at)
        if len(piece) <= _CLUTTER_MAX and _cues.is_page_clutter(_cues.fold(piece)):
            hits.append((at, piece))
    for start, end in _cues.find_watermarks(text):
        hits.append((start, text[start:end].strip()))
    reported: set[int] = set()
    for at, clutter in sorted(hits):
        field, _ = joined.field_at(at)
        if field.kind not in _CONTENT_KINDS or id(field) in reported:
            continue
        reported.add(id(field))
        context.add(
            f"正文中残留网页杂项：“{clutter}”",
            f"web-page clutter inside the content: {clutter!r}",
            field.location,
        )
