"""The frame's foot: the signature (organ and date) and the footer clutter after the body,
found from the bottom up (see `fazhi_report.parsers.frame`)."""

from __future__ import annotations

import datetime as _dt
from typing import NamedTuple

from fazhi_report.numbering import DATE_SEARCH_RE, POINT_MARKER_RE, parse_date
from fazhi_report.parsers.classify import (
    BLANK,
    CLUTTER,
    HEAD,
    TEXT,
    Classified,
    continues,
)
from fazhi_report.parsers.forms import (
    has_link_punct,
    is_footer_line,
    is_organ_line,
)
from fazhi_report.parsers.lines import SPACE
from fazhi_report.parsers.tree import heading_runs_on

__all__ = ["SignatureFrame", "find_footer"]

_SKIP = (BLANK, CLUTTER)


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


def find_footer(c: Classified, start: int, n: int) -> tuple[int, SignatureFrame | None]:
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
