"""GB/T 15834 punctuation for the official form: half-width marks in Chinese text made full-width.

Chinese text is written with full-width marks (，；：（）！？). Reports typed on Western keyboards
or scraped from web pages often hold half-width ones beside Chinese characters (``加强学习,提高``),
which the check FZ301 reports. `official_punctuation` turns each half-width ``, ; : ( ) ! ?``
that touches Chinese text into its full-width form and leaves everything else alone: marks
between digits (``1,000``, ``9:30``) or Latin letters (``Hello, world!``), URLs and e-mail
addresses, and text between backquotes (marked as code). A pair of brackets turns as one: when
either bracket touches Chinese text, or the text between them holds any, both become full-width.
Each mark is replaced by one character, so lengths and positions stay as they were.

The rule knows nothing of the model: ``before`` and ``after`` give the characters the text will
stand between in the output (a marker ``一、`` before a heading, a stop after it), so that a
mark at the edge of a field is judged by what it will touch.
"""

from __future__ import annotations

import re

import attrs

from fazhi_report.model import Block, Paragraph, Point, Report, Section, Table

__all__ = ["CHINESE", "official_punctuation", "punctuated"]

CHINESE = "\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
"""Chinese text, as a regular-expression class body: ideographs, CJK punctuation (。、《》…)
and full-width forms (，；：（）…)."""

_FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}
_IS_CHINESE = re.compile(f"[{CHINESE}]")
_MARK = re.compile(r"[,;:()!?]")
# what is left alone: URLs and e-mail addresses (a trailing mark is not theirs), code
_KEEP = re.compile(
    r"(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)[!-~]*[A-Za-z0-9/_#=&%~-]"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"
    r"|`[^`\n]*`"
)


def _chinese(ch: str) -> bool:
    return bool(ch) and _IS_CHINESE.match(ch) is not None


def official_punctuation(text: str, before: str = "", after: str = "") -> str:
    """``text`` with its half-width ``, ; : ( ) ! ?`` beside Chinese text made full-width.

    Args:
        text: the text.
        before: the character the text follows in the output (``""``: a line's start).
        after: the character that follows the text in the output (``""``: a line's end).

    >>> official_punctuation("加强学习,提高能力(试行):1,000元, 9:30, see http://a.cn/x?y=1")
    '加强学习，提高能力（试行）：1,000元， 9:30, see http://a.cn/x?y=1'
    """
    if _MARK.search(text) is None:
        return text
    line = before[-1:] + text + after[:1]
    offset = len(before[-1:])
    kept = [False] * len(line)
    for found in _KEEP.finditer(line):
        kept[found.start() : found.end()] = [True] * (found.end() - found.start())
    chars = list(line)
    opened: list[int] = []
    pairs: dict[int, int] = {}
    for i, ch in enumerate(line):
        if kept[i]:
            continue
        if ch == "(":
            opened.append(i)
        elif ch == ")" and opened:
            pairs[opened.pop()] = i

    def touches(i: int) -> bool:
        # judged on what is already turned: "（试行）:" touches "）"
        return (i > 0 and _chinese(chars[i - 1])) or (i + 1 < len(line) and _chinese(chars[i + 1]))

    paired = set(pairs) | set(pairs.values())
    changed = True
    while changed:  # a run of marks ("!?中", "，()") turns from its Chinese side
        changed = False
        for start, end in pairs.items():
            if chars[start] == "(" and (
                touches(start) or touches(end) or _IS_CHINESE.search(line, start + 1, end)
            ):
                chars[start], chars[end] = "（", "）"
                changed = True
        for i, ch in enumerate(chars):
            if ch in _FULL and not kept[i] and i not in paired and touches(i):
                chars[i] = _FULL[ch]
                changed = True
    return "".join(chars[offset : offset + len(text)])


def _point(point: Point, after: str) -> Point:
    title = official_punctuation(point.title, "是", "。")
    text = official_punctuation(point.text, "。", after)
    if title == point.title and text == point.text:
        return point
    return attrs.evolve(point, title=title, text=text)


def _paragraph(paragraph: Paragraph, before: str = "") -> Paragraph:
    points = paragraph.points
    text = official_punctuation(paragraph.text, before, "一" if points else "")
    # each point's text runs into the next point's marker (一是, 二是…)
    new_points = [_point(p, "一" if i + 1 < len(points) else "") for i, p in enumerate(points)]
    if text == paragraph.text and all(a is b for a, b in zip(new_points, points, strict=True)):
        return paragraph
    return attrs.evolve(paragraph, text=text, points=new_points)


def _block(block: Block, before: str = "") -> Block:
    if isinstance(block, Table):
        rows = [[official_punctuation(cell) for cell in row] for row in block.rows]
        return block if rows == block.rows else attrs.evolve(block, rows=rows)
    return _paragraph(block, before)


def _section(section: Section) -> Section:
    # a heading follows its marker (一、 （一） （1）) and, run in, precedes its stop
    heading = official_punctuation(section.heading, "、", "。" if section.run_in else "")
    body = [
        _block(b, "。" if section.run_in and i == 0 else "") for i, b in enumerate(section.body)
    ]
    subsections = [_section(s) for s in section.subsections]
    return attrs.evolve(section, heading=heading, body=body, subsections=subsections)


def punctuated(report: Report) -> Report:
    """A copy of ``report`` whose text is punctuated as the official form writes it
    (`official_punctuation` on every heading, paragraph, point, cell, title, addressee and
    organ); nodes without a half-width mark are shared, not copied."""

    def text(value: str | None, after: str = "") -> str | None:
        return None if value is None else official_punctuation(value, "", after)

    signature = report.signature
    if signature is not None and signature.organ:
        signature = attrs.evolve(signature, organ=text(signature.organ))
    return attrs.evolve(
        report,
        title=text(report.title),
        organ=text(report.organ),
        addressee=text(report.addressee, "："),
        preamble=[_block(b) for b in report.preamble],
        sections=[_section(s) for s in report.sections],
        closing=[_block(b) for b in report.closing],
        signature=signature,
    )
