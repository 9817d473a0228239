"""The frame's head: the lead, the title, the header and the addressee (see
`fazhi_report.parsers.frame`).

Real pages put the title anywhere among chrome and metadata: it is found among the first lines
that are not clutter, as the lines that read as a report's title (or as the title a reader
hints), and what follows it up to the body is the header (metadata, a repeated title).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from fazhi_report import _cues
from fazhi_report.numbering import parse_date
from fazhi_report.parsers.classify import (
    BLANK,
    CLUTTER,
    HEAD,
    TEXT,
    Classified,
    joined,
    match_marker,
)
from fazhi_report.parsers.forms import (
    JOIN_MIN,
    TERMINAL,
    has_link_punct,
    has_sentence_punct,
    is_organ_line,
    is_title_like,
)
from fazhi_report.parsers.lines import SPACE
from fazhi_report.parsers.organ import organ_name

__all__ = ["TitleFrame", "find_addressee", "find_header", "find_title"]

# "天津市公安局 2024年…报告": the spaces of a title set on one line are not part of it
_TITLE_SPACE = re.compile(
    r"(?<=[\u4e00-\u9fff0-9０-９])[ \t\u3000\xa0]+(?=[\u4e00-\u9fff0-9０-９])"
)
_SKIP = (BLANK, CLUTTER)


# Frames are NamedTuples: immutable, and built in one C call (a frozen attrs class sets each
# field through object.__setattr__).


class TitleFrame(NamedTuple):
    """Where the title stands.

    Attributes:
        start: the first title line.
        end: one past the last title line.
        title: the title joined into one line.
    """

    start: int
    end: int
    title: str


def find_title(c: Classified, start: int, end: int) -> tuple[int, TitleFrame | None]:
    """The end of the lead and the title after it, if any."""
    kinds = c.kinds
    i = start
    while i < end and kinds[i] in _SKIP:
        i += 1
    hinted = _hinted_title(c, i, end)
    if hinted is not None:
        return hinted.start, hinted
    field = None  # a 标题：… field among the page's metadata, in case no title line follows
    for k in range(start, i):
        if kinds[k] == CLUTTER and (field := _title_field(c.lines[k].text, k)) is not None:
            break
    if field is None and c.title_value is not None and c.title_value[0] < i:
        at, value = c.title_value
        field = TitleFrame(at, at + 1, _clean_title(value))
    if i >= end or kinds[i] != TEXT:
        return (i, None) if field is None else (field.start, field)
    text = c.lines[i].text
    like = is_title_like(text)  # asked once: both rules below need it
    found = _found_title(c, i, end, field, like)
    if found is not None:
        c.to_clutter(i, found.start)  # what stands above the title is page chrome
        return found.start, found
    # a first line broken mid-sentence is read with its continuation: the official form
    # writes the title, or the first paragraph, on one line
    last = i
    if like:
        return i, TitleFrame(i, i + 1, _clean_title(text))
    after_letter = _after_cover_letter(c, i, end)
    if after_letter is not None:
        c.to_clutter(i, after_letter.start)  # the cover letter is not the report
        return after_letter.start, after_letter
    if len(text) >= JOIN_MIN and text[-1] not in TERMINAL:
        text, last = joined(c, i, end)
        if is_title_like(text):
            return i, TitleFrame(i, last + 1, _clean_title(text))
    # the organ on one line, the rest of the title on the next (blank lines and page clutter
    # between, which the official form drops); spaces inside the organ line do not count
    j = last + 1
    while j < end and kinds[j] in _SKIP:
        j += 1
    if (
        j < end
        and kinds[j] == TEXT
        and len(text) <= 30
        and not has_link_punct(text)
        and (is_organ_line(_TITLE_SPACE.sub("", text)) or text.endswith("关于"))
    ):
        rest, rest_last = joined(c, j, end)
        if is_title_like(rest):
            return i, TitleFrame(i, rest_last + 1, _clean_title(text + rest))
    if _plain_title(c, i, last, end):
        return i, TitleFrame(i, last + 1, _clean_title(text))
    return i, None


# How far down a page the title is looked for, and the longest line of chrome read past on the
# way (menus, banners, a page title): a line of prose, or a heading, ends the search.
_SEARCH_LINES = 40
_CHROME_MAX = 40


def _found_title(
    c: Classified, i: int, end: int, field: TitleFrame | None = None, like: bool | None = None
) -> TitleFrame | None:
    """A title found below page chrome, when the first line with text is not where it starts.

    The title is the first line worded as a report title (with one or two organ lines above
    it), read past page chrome: short lines without sentence punctuation. Where a page title
    is followed by a differing formal one (关于…的报告, or an organ line over it), the formal
    one wins; between the two only clutter and organ lines are read past. Without a title line,
    the value of a 标题：… metadata field (``field``, or one met on the way) is the title.
    ``like`` says whether line ``i`` reads as a title, when the caller has asked already.
    ``None`` when the title starts at line ``i`` after all (the plain rules decide there) or no
    title is found before prose or a heading.
    """
    lines, kinds = c.lines, c.kinds
    first: tuple[int, int, str, bool] | None = None
    j = i
    limit = min(end, i + _SEARCH_LINES)
    head = lines[i].text
    if like is None:
        like = is_title_like(head)
    if like:
        # the common case, a title on the first line: prose (or a heading) after it and its
        # repeats settles it at once
        if "关于" in _cues.fold(head):
            return None
        first = (i, i + 1, head, False)
        j = i + 1
        while j < limit and (kinds[j] in _SKIP or lines[j].text == head):
            j += 1
        if j >= limit or kinds[j] != TEXT or has_sentence_punct(lines[j].text):
            return None
    while j < limit:
        kind = kinds[j]
        if kind in _SKIP:
            if kind == CLUTTER and field is None:
                field = _title_field(lines[j].text, j)
            j += 1
            continue
        if kind != TEXT:
            break
        text = lines[j].text
        if len(text) > 80 or has_sentence_punct(text):
            break  # prose: the title, if any, stands above
        if like if j == i else is_title_like(text):
            start = _organ_lines_above(c, i, j)
            above = [lines[m].text for m in range(start, j) if kinds[m] == TEXT]
            # two organ lines are two issuers: a space keeps them apart in the title
            joint = len(above) == 2 and not above[0].endswith("关于")
            joined_text = (" ".join(above) if joint else "".join(above)) + text
            formal = start < j or "关于" in _cues.fold(joined_text)
            if first is None:
                first = (start, j + 1, joined_text, joint)
                if formal:
                    break
            elif formal and joined_text != first[2]:
                first = (start, j + 1, joined_text, joint)
                break
        elif len(text) > _CHROME_MAX or (
            # after a page title, only organ lines may stand before a formal title
            first is not None and not is_organ_line(_TITLE_SPACE.sub("", text))
        ):
            break
        j += 1
    if first is None:
        return field
    # a title from the first line is left to the plain rules, unless two issuers head it
    if first[0] == i and not first[3]:
        return None
    return TitleFrame(first[0], first[1], _clean_title(first[2]))


def _after_cover_letter(c: Classified, i: int, end: int) -> TitleFrame | None:
    """The title after a cover letter (a letter to the superior body, signed and dated, that
    sends the report), when the document opens with one; else ``None``.

    The letter's signature is an organ line and then a date line; the report's title is the
    first line after it worded as one.
    """
    lines, kinds = c.lines, c.kinds
    signed = False
    organ_above = False
    for j in range(i, min(end, i + _SEARCH_LINES)):
        kind = kinds[j]
        if kind in _SKIP:
            continue
        if kind != TEXT:
            return None  # a heading first: no cover letter
        text = lines[j].text
        if signed and is_title_like(text):
            return TitleFrame(j, j + 1, _clean_title(text))
        if organ_above and len(text) <= 20 and parse_date(text) is not None:
            signed = True
        organ_above = is_organ_line(_TITLE_SPACE.sub("", text))
    return None


def _title_field(text: str, j: int) -> TitleFrame | None:
    """The title a 标题：… metadata line at line ``j`` gives, if its value reads as one."""
    folded = _cues.fold(text)
    m = _cues.TITLE_FIELD.match(folded)
    if m is None:
        return None
    value = (text if len(folded) == len(text) else folded)[m.end() :].strip(SPACE)
    value = _clean_title(value)
    if not value or not is_title_like(value):
        return None
    return TitleFrame(j, j + 1, value)


def _organ_lines_above(c: Classified, i: int, j: int) -> int:
    """Where the title at line ``j`` starts: up to two organ lines (or 关于) above it."""
    lines, kinds = c.lines, c.kinds
    start = j
    k = j - 1
    for _ in range(2):
        while k >= i and kinds[k] in _SKIP:
            k -= 1
        if k < i or kinds[k] != TEXT:
            break
        text = lines[k].text
        if has_link_punct(text) or not (
            is_organ_line(_TITLE_SPACE.sub("", text)) or text.endswith("关于")
        ):
            break
        start = k
        k -= 1
    return start


def _title_space(title: str, m: re.Match[str]) -> str:
    """A space in a title goes, unless it keeps two issuers apart ("某县县委 某县人民政府关于")."""
    left = _TITLE_SPACE.split(title[: m.start()])[-1]
    if not is_organ_line(left):
        return ""
    rest = _cues.fold(title[m.end() :])
    cut = _cues.ORGAN_BEFORE.search(rest)
    year = _cues.TITLE_YEAR.search(rest)
    end = min(x.start() for x in (cut, year) if x is not None) if (cut or year) else 0
    right = _TITLE_SPACE.split(rest[:end])[0]
    return m.group() if right and is_organ_line(right) else ""


def _clean_title(title: str) -> str:
    """The title without the spaces between its words, unless that changes what it looks like.

    "天津市公安局 2024年…报告": spaces in a title set on one line are not part of it. But a
    title that would then read as a link or a date ("www.导 府" → "www.导府") keeps them, so
    that the official form, which writes the title as it is, reads back the same.
    """
    tag = _cues.TITLE_TAG.match(title)
    if tag is not None and tag.end() < len(title):
        title = title[tag.end() :]  # a template site's 【工作总结】 is not part of the title
    cleaned = _TITLE_SPACE.sub(lambda m: _title_space(title, m), title)
    if cleaned == title:
        return title
    if (
        _cues.PAGE_CLUTTER.search(_cues.fold(cleaned)) is not None
        or parse_date(cleaned) is not None
        or match_marker(cleaned) is not None
    ):
        return title
    return cleaned


def _hinted_title(c: Classified, start: int, end: int) -> TitleFrame | None:
    """The lines a reader marked as the title, before the first heading.

    Consecutive marked lines (blank lines between) make one title; text before them is lead.
    """
    if not c.hinted:
        return None
    lines, kinds = c.lines, c.kinds
    i = start
    while i < end and kinds[i] != HEAD and not lines[i].is_title:
        i += 1
    if i >= end or kinds[i] == HEAD:
        return None
    parts = [lines[i].text]
    last = i
    j = i + 1
    while j < end:
        if kinds[j] == BLANK:
            j += 1
            continue
        if not lines[j].is_title:
            break
        parts.append(lines[j].text)
        last = j
        j += 1
    c.to_clutter(start, i)  # what precedes a marked title is page chrome
    return TitleFrame(i, last + 1, _clean_title("".join(parts)))


def _plain_title(c: Classified, i: int, last: int, end: int) -> bool:
    """A short first paragraph without sentence punctuation, followed by more text, is a title.

    The paragraph is lines ``i`` to ``last``; what follows must be a heading or prose: sentence
    punctuation, or a paragraph too long for a footer line (paragraphs measured joined, as the
    official form writes them), never just lines the footer may take (links, notes, signature).
    """
    lines, kinds = c.lines, c.kinds
    text = lines[i].text if last == i else joined(c, i, end)[0]
    if len(text) > 40 or has_link_punct(text) or parse_date(text) is not None:
        return False
    for j in range(last + 1, end):
        kind = kinds[j]
        if kind == HEAD:
            return True
        if kind == TEXT:
            line = lines[j].text
            if has_sentence_punct(line) or len(line) > 30:
                return True
            if len(line) >= JOIN_MIN and len(joined(c, j, end)[0]) > 30:
                return True
    return False


def find_header(c: Classified, title: TitleFrame, end: int) -> int:
    """The end of the header: clutter, blank lines and the title repeated after the title."""
    lines, kinds = c.lines, c.kinds
    # a web page repeats its title above the text; only a title in title words is taken to be
    # repeated (a short plain first line may well recur as content)
    if is_title_like(title.title):
        parts = {title.title, lines[title.start].text, lines[title.end - 1].text}
    else:
        parts = set()
    j = title.end
    while j < end and (kinds[j] in _SKIP or lines[j].text in parts):
        if kinds[j] == TEXT:
            kinds[j] = CLUTTER
        j += 1
    return j


def find_addressee(c: Classified, start: int, end: int) -> tuple[int, str] | None:
    """An addressee line (主送机关) such as "市委、市政府：" after blank lines, if any."""
    lines, kinds = c.lines, c.kinds
    j = start
    while j < end and kinds[j] == BLANK:
        j += 1
    if j >= end or kinds[j] != TEXT:
        return None
    text = lines[j].text
    if (
        text[-1] in "：:"
        # shorter than a line that continues on the next (see tree), so that a paragraph
        # joined from broken lines is never taken for an addressee
        and 3 <= len(text) < JOIN_MIN
        and (not has_sentence_punct(text) or _organs_listed(text[:-1]))
        and "如下" not in text
    ):
        return j, text[:-1]
    return None


_LIST_SEPARATOR = re.compile(r"[，,、]")


def _organs_listed(text: str) -> bool:
    """Whether ``text`` lists organs between commas ("中共某县委员会，某县人民政府")."""
    parts = _LIST_SEPARATOR.split(text)
    return len(parts) > 1 and all(organ_name(p) is not None for p in parts)
