"""Pass 1 of the structure builder: one kind and at most one marker per line.

The result is a set of per-line arrays (`Classified`) that the later passes read: the frame
rules, the tree builder. Reader hints are folded in here, so that the later passes see a
heading-level hint or a drawn list number the same way as a marker typed in the text.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import re
from collections.abc import Sequence

from fazhi_report import _cues
from fazhi_report.layout import positional_maker
from fazhi_report.model import PageInfo
from fazhi_report.numbering import POINT_MARKER_RE, Marker, match_marker, parse_date
from fazhi_report.parsers.forms import JOIN_MIN, TERMINAL, has_sentence_punct, is_title_like
from fazhi_report.parsers.lines import SPACE, Line

_make_page = positional_maker(PageInfo)  # valid by construction: no model checks

__all__ = [
    "BLANK",
    "CLUTTER",
    "HEAD",
    "TEXT",
    "Classified",
    "classify",
    "continues",
    "drawn_marker",
    "joined",
    "match_marker",
]

BLANK = 0
"""A line with no text (only spaces and a line end, or a run of such lines)."""
TEXT = 1
"""A line of text: prose, a title, a signature line… the frame decides."""
HEAD = 2
"""A line that starts with a heading marker (typed, drawn by a list, or given by a hint)."""
CLUTTER = 3
"""A line a web page prints around a report (发布日期, 扫一扫…): layout, never content."""
ROW = 4
"""A row of a table: a reader's table row, or one of two or more consecutive plain lines of
tab-separated cells with the same number of cells."""


class Classified:
    """The lines of one document and the per-line arrays every later pass reads.

    Attributes:
        lines: the logical lines, as the reader gave them.
        kinds: one of `BLANK`, `TEXT`, `HEAD`, `CLUTTER`, `ROW` per line (the frame pass may turn
            `TEXT` lines it finds around the report into `CLUTTER`).
        markers: the heading marker of each `HEAD` line, ``None`` for the others. A marker
            drawn by the reader (not in the text) has ``raw == ""``; a heading-level hint
            without any marker has ``number == 0`` (the tree numbers it).
        published: the publication date or time a web page printed, if any.
        source: the publishing office a web page named (来源), if any.
        issuer: the issuing organ a disclosure catalogue named (发文机关), if any.
        number: the document number a page or document header gave (文号), if any.
        issued: the date of issue a disclosure catalogue gave (发文日期), if any.
        hinted: whether any line carries reader hints (plain text never does).
        title_value: the line and value of a title key (标题, 名称) whose value stands on the
            line after the key, if any.
        point_form: a house style's point marker, when the reader gives one (group 1 its
            numeral); ``None`` for 一是/二是….
    """

    __slots__ = (
        "hinted",
        "issued",
        "issuer",
        "kinds",
        "lines",
        "markers",
        "number",
        "pending",
        "point_form",
        "published",
        "source",
        "title_value",
    )

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = lines
        self.kinds = bytearray(len(lines))
        self.markers: list[Marker | None] = [None] * len(lines)
        self.published: _dt.date | None = None
        self.source: str | None = None
        self.issuer: str | None = None
        self.number: str | None = None
        self.issued: _dt.date | None = None
        # a metadata key whose value stands on the next line ("发文机关：" then "某县公安局")
        self.pending: str | None = None
        self.hinted = False
        self.point_form: re.Pattern[str] | None = None
        # the value of a title key printed on the line after it: (line, title)
        self.title_value: tuple[int, str] | None = None

    def raw(self, start: int, end: int) -> str:
        """The lines[start:end] exactly as written."""
        if end - start <= 1:  # most ranges (lead, header, before) are empty or one line
            return self.lines[start].raw if end > start else ""
        lines = self.lines
        return "".join([lines[j].raw for j in range(start, end)])

    def to_clutter(self, start: int, end: int) -> None:
        """Turn the `TEXT` lines in lines[start:end] into `CLUTTER`."""
        kinds = self.kinds
        for j in range(start, end):
            if kinds[j] == TEXT:
                kinds[j] = CLUTTER

    def page(self) -> PageInfo:
        """The web-page metadata found among the lines."""
        return _make_page(self.published, self.source, self.issuer, self.number, self.issued)


def continues(c: Classified, i: int, end: int, first_indent: int) -> bool:
    """Whether the paragraph at line ``i`` goes on at line ``i + 1`` (before ``end``).

    A reader's paragraph hint settles it. Otherwise a line broken mid-sentence (long, and not
    ending a sentence) continues on the next text line, unless that line is indented as much as
    the paragraph's first line (``first_indent`` characters) or opens with a point (一是…).
    Every pass that asks "is this one paragraph?" asks here, so they all agree.
    """
    if i + 1 >= end or c.kinds[i + 1] != TEXT:
        return False
    nxt = c.lines[i + 1]
    hints = nxt.hints
    if hints is not None and hints.new_paragraph is not None:
        return not hints.new_paragraph
    text = c.lines[i].text
    if len(text) < JOIN_MIN or text[-1] in TERMINAL:
        return False
    if nxt.indent and len(nxt.indent) >= first_indent:
        return False
    return POINT_MARKER_RE.match(nxt.text) is None


def joined(c: Classified, i: int, end: int) -> tuple[str, int]:
    """The text of the paragraph that starts at line ``i``, and its last line."""
    first_indent = len(c.lines[i].indent)
    parts = [c.lines[i].text]
    while continues(c, i, end, first_indent):
        i += 1
        parts.append(c.lines[i].text)
    return "".join(parts), i


# The characters a heading marker can start with (a superset is safe: match_marker decides).
_MARKER_FIRST = frozenset("一二三四五六七八九十（(0123456789０１２３４５６７８９")


def drawn_marker(line: Line) -> str:
    """The marker a list draws before ``line`` (Word's numbering), when the whole of it, and
    only it, reads as a heading marker before the text; else ``""``."""
    drawn = (line.list_marker or "").strip(SPACE)
    if not drawn:
        return ""
    found = match_marker(drawn + line.text)
    return drawn if found is not None and len(found.raw) == len(drawn) else ""


def _hinted_marker(line: Line) -> Marker | None:
    """The marker of a line, reading the reader's hints as if they were typed."""
    text = line.text
    hints = line.hints
    if hints is None:
        return match_marker(text)
    if hints.is_title:
        return None  # the title hint wins: a title is never a heading
    if hints.marker is not None:
        return hints.marker  # read by the reader in its own form (a house style's markers)
    marker: Marker | None = None
    drawn = drawn_marker(line)
    found = match_marker(drawn + text) if drawn else None
    if found is not None:
        marker = Marker(found.level, found.number, "")
    if marker is None:
        marker = match_marker(text)
    level = hints.level
    if level is not None and 1 <= level <= 4:
        # the format's level wins over the marker's; the number is kept if there is one
        if marker is None:
            marker = Marker(level, 0, "")
        else:
            marker = Marker(level, marker.number, marker.raw)
    return marker


def classify(lines: Sequence[Line]) -> Classified:
    """Give every line its kind and marker, and read page metadata from clutter lines.

    Args:
        lines: the logical lines of the document, from a reader.
    """
    c = Classified(lines)
    kinds = c.kinds
    markers = c.markers
    clutter = _cues.is_page_clutter
    traditional = _cues.TRADITIONAL_HINT.search
    fold = _cues.fold
    tabbed: list[int] = []
    for k, line in enumerate(lines):
        text = line.text
        hints = line.hints
        if hints is not None and hints.cells is not None:
            c.hinted = True
            kinds[k] = ROW  # a reader's table row, even one of empty cells
            continue
        if not text:
            if hints is None:
                continue  # BLANK is 0, what the array holds already
            marker = None
        elif hints is not None:
            c.hinted = True
            marker = _hinted_marker(line)
        elif text[0] in _MARKER_FIRST:
            marker = match_marker(text)
        else:
            marker = None  # most lines: no call at all
        if c.pending is not None and text:
            # the value of a metadata key printed alone on the line above
            key, c.pending = c.pending, None
            if marker is None and _pending_value(c, k, key, text):
                kinds[k] = CLUTTER
                continue
        if marker is not None:
            if (
                len(text) <= 4
                and hints is None
                and marker.level == 3
                and text == marker.raw
                and _page_number(lines, kinds, k)
            ):
                kinds[k] = CLUTTER  # "1、" alone mid-sentence: a page number, not a heading
                continue
            kinds[k] = HEAD
            markers[k] = marker
        elif not text:
            pass
        elif len(text) <= 80 and (
            clutter(folded := text if traditional(text) is None else fold(text))
        ):
            kinds[k] = CLUTTER
            _page_fields(c, text, folded)
        else:
            kinds[k] = TEXT
            if "\t" in text:
                tabbed.append(k)
    if tabbed:
        _tab_tables(c, tabbed)
    return c


def _page_number(lines: Sequence[Line], kinds: bytearray, k: int) -> bool:
    """Whether the bare "1、" on line ``k`` is a document-sharing site's page number.

    A file converted page by page starts each page with "1、", "2、"… on a line of its own,
    where a sentence is cut in half: after a text line that does not end a sentence, a bare
    number counts pages, not sections.
    """
    j = k - 1
    while j >= 0 and kinds[j] == BLANK and not lines[j].text:
        j -= 1
    return j >= 0 and kinds[j] == TEXT and lines[j].text[-1] not in TERMINAL


def _pending_value(c: Classified, k: int, key: str, text: str) -> bool:
    """Read line ``k`` as the value of ``key``, printed alone on the line above; ``False`` when
    the line is not such a value.

    A scrambled catalogue may print the next key after the value ("某县教育局 发文日期：…"):
    the value stops there and the keys after it are read as fields of their own. A title
    key's value is the title only when it reads as one (`is_title_like`).
    """
    if has_sentence_punct(text):
        return False
    folded = text if _cues.TRADITIONAL_HINT.search(text) is None else _cues.fold(text)
    nxt = _cues.METADATA_FIELD.search(folded)
    if nxt is None and text[-1] in "：:":
        return False  # a value never ends with a colon: an addressee ("市委、市政府："), a key
    stop = len(text) if nxt is None else nxt.start()
    value = text[:stop].strip(SPACE + "-|｜")
    if key in _cues.TITLE_KEYS:
        if nxt is None and len(text) > 80:
            return False
        if not value or not is_title_like(value):
            return False
        c.title_value = (k, value)
    elif len(value) > 40 or is_title_like(value):
        return False  # a report's title is never another key's value
    elif value:
        _page_value(c, key, value)
    if nxt is not None:
        _page_fields(c, text[stop:], folded[stop:])
    return True


def _tab_tables(c: Classified, tabbed: list[int]) -> None:
    """Turn runs of two or more adjacent text lines with the same tab-separated cells into rows.

    A lone line with a tab is prose with a stray tab; a grid of them is what a table becomes in
    plain text (and what the official text renderer writes for one).
    """
    kinds, lines = c.kinds, c.lines
    run: list[int] = []
    width = 0
    for k in [*tabbed, -2]:
        count = lines[k].text.count("\t") if k >= 0 else -1
        if run and k == run[-1] + 1 and count == width:
            run.append(k)
            continue
        if len(run) >= 2:
            for j in run:
                kinds[j] = ROW
        run, width = [k], count


def _page_fields(c: Classified, text: str, folded: str) -> None:
    m = _cues.PUBLISHED.search(folded)
    if m is not None and c.published is None:
        y, mo, d, hh, mm, ss = m.groups()
        try:
            if hh is not None:
                c.published = _dt.datetime(int(y), int(mo), int(d), int(hh), int(mm), int(ss or 0))
            else:
                c.published = _dt.date(int(y), int(mo), int(d))
        except ValueError:
            pass  # an impossible date on a web page is clutter all the same
    m = _cues.SOURCE.search(folded)
    if m is not None and c.source is None:
        c.source = m.group(1)
    # values are cut from the text as written when folding kept every position
    same = len(folded) == len(text)
    keys = list(_cues.METADATA_FIELD.finditer(folded))
    for n, key in enumerate(keys):
        stop = keys[n + 1].start() if n + 1 < len(keys) else len(folded)
        value = (text if same else folded)[key.end() : stop].strip(SPACE)
        name = _SPACES.sub("", key.group(1))
        if value:
            _page_value(c, name, value)
        elif n + 1 == len(keys):
            c.pending = name
    if c.number is None:
        d = _cues.DOC_NUMBER.match(folded)
        if d is not None:
            c.number = (text if same else folded)[: d.end()]


_SPACES = re.compile(r"\s+")
_FIELD_END = re.compile(r"[ \t\u3000\xa0]{2,}")


def _page_value(c: Classified, key: str, value: str) -> None:
    """Keep the value of one disclosure-metadata key (the first one of each kind wins)."""
    value = _FIELD_END.split(value, 1)[0]  # other fields may follow after a wide gap
    if key in _cues.ISSUER_KEYS and c.issuer is None:
        c.issuer = value
    elif key in _cues.NUMBER_KEYS and c.number is None:
        c.number = value
    elif key in _cues.ISSUED_KEYS and c.issued is None:
        found = parse_date(value)
        if found is not None:
            c.issued = found[0]
        else:
            m = _ISO_DATE.match(value)
            if m is not None:
                # an impossible date is metadata all the same
                with contextlib.suppress(ValueError):
                    c.issued = _dt.date(int(m[1]), int(m[2]), int(m[3]))


_ISO_DATE = re.compile(r"([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})")
