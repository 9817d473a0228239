"""Pass 2 of the structure builder: the frame, decided before any node is built.

The frame cuts the lines into consecutive ranges: lead (clutter before the title), title, header
(metadata and a repeated title), addressee, body, signature (with what stands before it) and
trailing (footer clutter and links). Real pages put the title anywhere among chrome and
metadata, so the frame is found, never assumed.

Every rule takes the same inputs, the per-line arrays of `Classified` and a range of lines
``[start, end)``; reader hints are part of those arrays (`Line.hints`), so a title hint is one
more input to the same title rule.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import NamedTuple

from fazhi_report import _cues
from fazhi_report.numbering import DATE_SEARCH_RE, POINT_MARKER_RE, parse_date
from fazhi_report.parsers.classify import (
    BLANK,
    CLUTTER,
    HEAD,
    TEXT,
    Classified,
    continues,
    joined,
    match_marker,
)
from fazhi_report.parsers.forms import (
    JOIN_MIN,
    TERMINAL,
    has_link_punct,
    has_sentence_punct,
    is_footer_line,
    is_organ_line,
    is_title_like,
)
from fazhi_report.parsers.lines import SPACE
from fazhi_report.parsers.tree import heading_runs_on

__all__ = ["Frame", "SignatureFrame", "TitleFrame", "find_frame"]

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


class SignatureFrame(NamedTuple):
    """Where the signature stands and what it says.

    Attributes:
        start: the first signature line.
        end: one past the last signature line.
        organ: the signing organ, if named.
        date: the date, if given.
        date_style: how the date was written (see `fazhi_report.layout.SignatureLayout`).
        date_text: the date exactly as written.
    """

    start: int
    end: int
    organ: str | None
    date: _dt.date | None
    date_style: str = "arabic"
    date_text: str = ""


class Frame(NamedTuple):
    """The ranges of a document's lines, in order, each ending where the next starts.

    Attributes:
        lead_end: lines ``[0, lead_end)`` are the lead (clutter and blank lines).
        title: the title, starting at ``lead_end``, if there is one.
        header_end: lines from the title's end to here are the header.
        addressee: the addressee line, if there is one, and its text without the colon.
        body_start: the first line of the body (blank lines before the addressee included in
            the addressee's range).
        body_end: one past the body's last line with text; what follows up to the signature
            stands before the signature, or is trailing text when there is no signature.
        signature: the signature, if there is one.
        trailing_start: the first trailing line (the signature's end, else ``body_end``).
    """

    lead_end: int
    title: TitleFrame | None
    header_end: int
    addressee: tuple[int, str] | None
    body_start: int
    body_end: int
    signature: SignatureFrame | None
    trailing_start: int


def find_frame(c: Classified) -> Frame:
    """Decide the frame of a classified document.

    May turn `TEXT` lines of the header and the footer into `CLUTTER` (a repeated title, a
    list of links), so that the tree pass never sees them.
    """
    n = len(c.lines)
    lead_end, title = _title(c, 0, n)
    header_end = lead_end
    if title is not None:
        header_end = _header(c, title, n)
    addressee = _addressee(c, header_end, n)
    body_start = header_end if addressee is None else addressee[0] + 1
    footer_start, signature = _footer(c, body_start, n)
    footer_start = max(footer_start, body_start)
    kinds = c.kinds
    body_end = footer_start
    while body_end > body_start and kinds[body_end - 1] in _SKIP:
        body_end -= 1
    trailing_start = signature.end if signature is not None else body_end
    return Frame(
        lead_end, title, header_end, addressee, body_start, body_end, signature, trailing_start
    )


# -- header ---------------------------------------------------------------------------------


def _title(c: Classified, start: int, end: int) -> tuple[int, TitleFrame | None]:
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


def _header(c: Classified, title: TitleFrame, end: int) -> int:
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


def _addressee(c: Classified, start: int, end: int) -> tuple[int, str] | None:
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
        and not has_sentence_punct(text)
        and "如下" not in text
    ):
        return j, text[:-1]
    return None


# -- footer ---------------------------------------------------------------------------------


def _footer(c: Classified, start: int, n: int) -> tuple[int, SignatureFrame | None]:
    """Where the body ends, and the signature: found from the bottom up."""
    lines, kinds = c.lines, c.kinds
    end = n
    while end > start and kinds[end - 1] in _SKIP:
        end -= 1
    # The signature may be followed by a few footer lines: a note such as "（此件公开发布）",
    # an attachment line, a list of links. Look for it above up to four of them.
    k = end
    for _ in range(5):
        sig = _signature(c, start, k)
        if sig is not None:
            c.to_clutter(sig.end, end)
            return sig.start, sig
        if k <= start or kinds[k - 1] != TEXT or not is_footer_line(lines[k - 1].text):
            break
        k -= 1
        while k > start and kinds[k - 1] in _SKIP:
            k -= 1
    # A footer list of links: two or more short lines without punctuation after the last
    # paragraph (one such line may be the report's own last words, "特此报告").
    k = end
    while k > start and (
        kinds[k - 1] in _SKIP
        or (
            kinds[k - 1] == TEXT
            and len(lines[k - 1].text) <= 20
            and not has_link_punct(lines[k - 1].text)
            and POINT_MARKER_RE.match(lines[k - 1].text) is None
            and not is_organ_line(lines[k - 1].text)
        )
    ):
        k -= 1
    if sum(1 for j in range(k, end) if kinds[j] == TEXT) >= 2:
        c.to_clutter(k, end)
        end = k
    # an organ line alone signs a report that gives no date
    # (not when it is the last line of a sentence broken over lines)
    if (
        end > start
        and kinds[end - 1] == TEXT
        and is_organ_line(lines[end - 1].text)
        and not _continued(c, start, end - 1)
    ):
        return end - 1, SignatureFrame(end - 1, end, lines[end - 1].text, None)
    return end, None


def _continued(c: Classified, start: int, k: int) -> bool:
    """Whether line ``k`` continues the paragraph above it, as the tree pass will read it.

    The paragraphs are followed from the first line of the run of text lines above ``k``
    (a heading line opens one too), each with its own first-line indent.
    """
    kinds = c.kinds
    f = k - 1
    if f < start or kinds[f] not in (TEXT, HEAD):
        return False
    while f > start and kinds[f] == TEXT and kinds[f - 1] in (TEXT, HEAD):
        f -= 1
    n = len(c.lines)
    if kinds[f] == HEAD and not heading_runs_on(c, f, n):
        f += 1  # a heading standing alone ends its line; the paragraphs start below it
        if f == k:
            return False
    first_indent = len(c.lines[f].indent)
    for m in range(f, k):
        if continues(c, m, n, first_indent):
            if m + 1 == k:
                return True
        else:
            first_indent = len(c.lines[m + 1].indent)
    return False


def _signs(text: str) -> bool:
    """An organ line, or two organ names or more on one line set apart by spaces (joint)."""
    if is_organ_line(text):
        return True
    parts = text.split()
    return len(parts) > 1 and len(text) <= 60 and all(is_organ_line(p) for p in parts)


def _signature(c: Classified, start: int, end: int) -> SignatureFrame | None:
    """A signature ending at line ``end - 1``: a date, with an organ above or before it."""
    lines, kinds = c.lines, c.kinds
    if end <= start or kinds[end - 1] != TEXT:
        return None
    last = lines[end - 1].text
    date_text = last.strip("（）()")
    found = parse_date(date_text)
    organ: str | None = None
    sig_start = end - 1
    if found is None:
        # organ and date on one line: "泾源县公安局  2026年1月28日"
        m = DATE_SEARCH_RE.search(last)
        if m is None or m.end() != len(last) or not last[m.start() - 1].isspace():
            return None
        date_text = m.group()
        found = parse_date(date_text)
        head = last[: m.start()].strip(SPACE)
        if found is None or not _signs(head):
            return None
        organ = head
    else:
        # the organ above the date, blank lines and page clutter between (which the
        # official form drops, so it must not part them here either)
        j = end - 2
        while j >= start and kinds[j] in _SKIP:
            j -= 1
        if j >= start and kinds[j] == TEXT and _signs(lines[j].text):
            organ = lines[j].text
            sig_start = j
            # a joint report is signed by two organs, one line each
            k = j - 1
            while k >= start and kinds[k] in _SKIP:
                k -= 1
            if (
                k >= start
                and kinds[k] == TEXT
                and is_organ_line(lines[k].text)
                and is_organ_line(organ)
                and not _continued(c, start, k)
            ):
                organ = lines[k].text + " " + organ
                sig_start = k
    date, style = found
    return SignatureFrame(sig_start, end, organ, date, style, date_text)
