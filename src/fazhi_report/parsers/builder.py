"""The structure builder: logical lines in, a `fazhi_report.model.Report` out.

Every reader hands its lines here, so one set of rules decides what is a title, a heading, a
point, a closing or a signature, whatever the input format. Every character of the input ends up
either in a content field or in a layout record, which is what makes the text round trip lossless.

The work goes in four passes over the lines: the header (title, page clutter, addressee) from the
top, the footer (clutter, link lists, signature) from the bottom, the sections and paragraphs in
between, and last the derived facts (closing, roles, organ, year) read from the built tree.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from typing import TypeVar

from fazhi_report import _cues
from fazhi_report.analysis.roles import infer_role, infer_subrole
from fazhi_report.layout import (
    AddresseeLayout,
    ParagraphLayout,
    PointLayout,
    ReportLayout,
    SectionLayout,
    SignatureLayout,
    Style,
    TitleLayout,
)
from fazhi_report.model import (
    PageInfo,
    Paragraph,
    Point,
    Report,
    Section,
    SectionRole,
    Signature,
)
from fazhi_report.numbering import (
    DATE_SEARCH_RE,
    POINT_MARKER_RE,
    Marker,
    chinese_to_int,
    int_to_chinese,
    match_marker,
    parse_date,
)
from fazhi_report.parsers.lines import SPACE, Line

__all__ = ["build_report", "split_points"]

_T = TypeVar("_T")
_BLANK, _TEXT, _HEAD, _CLUTTER = 0, 1, 2, 3

# A line ending in one of these ends its sentence; a long line ending otherwise was broken
# mid-sentence (hard-wrapped text, PDF copies) and continues on the next line.
_TERMINAL = frozenset("。！？；：!?;:…”’」』）)》】.．")
_JOIN_MIN = 25
# Characters after which 一是/二是… starts a point (a sentence or clause boundary).
_POINT_BOUNDARY = frozenset("。；;：:！？!?，,.． \u3000\t\xa0")
# Stops that end a point's title, and a run-in heading.
_POINT_STOPS = frozenset("。，,；;：:！？!?")
_HEADING_STOPS = frozenset("。：:")
_OPENERS = frozenset("“‘《（(「『〔【[")
_CLOSERS = frozenset("”’》）)」』〕】]")
# Sentence punctuation: a line with any of it is prose, not a title, a link or a signature line.
_SENTENCE_PUNCT = frozenset("。，,；;！？!?")
_LINK_PUNCT = _SENTENCE_PUNCT | frozenset("：:、")


_TITLE_SPACE = re.compile(r"(?<=[\u4e00-\u9fff\d])[ \t\u3000\xa0]+(?=[\u4e00-\u9fff\d])")
_NUMERAL_CHARS = frozenset("一二三四五六七八九十")
_POINT_NUMBERS = {int_to_chinese(n): n for n in range(1, 100)}


def _char_class(chars: frozenset[str]) -> str:
    return "[" + re.escape("".join(sorted(chars))) + "]"


def _char_test(chars: frozenset[str]) -> Callable[[str], bool]:
    search = re.compile(_char_class(chars)).search
    return lambda text: search(text) is not None


# "any(c in set for c in text)" in one C call
_HAS_SENTENCE_PUNCT = _char_test(_SENTENCE_PUNCT)
_HAS_LINK_PUNCT = _char_test(_LINK_PUNCT)


class _StopFinder:
    """Finds the first stop outside quotes and brackets (the first stop anywhere when a quote
    is never closed), with compiled searches for one set of stops: a stop with no quote opened
    before it (the common case, one C call); any stop; every stop, quote and bracket."""

    def __init__(self, stops: frozenset[str]) -> None:
        self.stops = stops
        self.any = re.compile(_char_class(stops))
        self.plain = re.compile("[^" + _char_class(stops | _OPENERS)[1:] + "*" + _char_class(stops))
        self.scan = re.compile(_char_class(stops | _OPENERS | _CLOSERS))

    def find(self, text: str, start: int = 0) -> int:
        plain = self.plain.match(text, start)
        if plain is not None:
            return plain.end() - 1
        first = self.any.search(text, start)
        if first is None:
            return -1
        depth = 0
        stops = self.stops
        m = self.scan.search(text, start)
        while m is not None:
            c = m.group()
            if c in stops and depth == 0:
                return m.start()
            if c in _OPENERS:
                depth += 1
            elif c in _CLOSERS and depth:
                depth -= 1
            m = self.scan.search(text, m.end())
        # a quote or bracket left open: the first stop counts after all
        return first.start() if depth else -1


# the stop after a point's title, and after a run-in heading
_find_point_stop = _StopFinder(_POINT_STOPS).find
_find_heading_stop = _StopFinder(_HEADING_STOPS).find


def split_points(content: str, last: int) -> tuple[str, list[Point], int]:
    """Split a paragraph's text into its lead text and its 一是/二是… points.

    Args:
        content: the paragraph's whole text.
        last: the number of the last point before this paragraph in the same run of points
            (numbering continues across paragraphs), or 0.

    Returns:
        The lead text, the points, and the number of the last point afterwards.
    """
    starts: list[tuple[int, int, int]] = []
    # str.find is many times faster than a regex here: 是 is common, a numeral before it is not
    find = content.find
    at = find("是", 1)
    while at > 0:
        if content[at - 1] in _NUMERAL_CHARS:
            s = at - 1
            while s > 0 and at - s < 3 and content[s - 1] in _NUMERAL_CHARS:
                s -= 1
            number = _POINT_NUMBERS.get(content[s:at], 0)
            if (
                number
                and (number == last + 1 or number == 1)
                and (s == 0 or content[s - 1] in _POINT_BOUNDARY)
            ):
                starts.append((s, at + 1, number))
                last = number
        at = find("是", at + 1)
    if not starts:
        return content, [], last
    points: list[Point] = []
    for k, (s, body_start, number) in enumerate(starts):
        stop_end = starts[k + 1][0] if k + 1 < len(starts) else len(content)
        segment = content[body_start:stop_end]
        i = _find_point_stop(segment)
        if i < 0:
            title, stop, text = segment, "", ""
        else:
            title, stop, text = segment[:i], segment[i], segment[i + 1 :]
        points.append(Point(number, title, text, PointLayout(content[s:body_start], number, stop)))
    return content[: starts[0][0]], points, last


def _is_title_like(text: str) -> bool:
    if len(text) > 80 or _HAS_SENTENCE_PUNCT(text):
        return False
    folded = _cues.fold(text)
    return bool(_cues.TITLE_END.search(folded) and _cues.TITLE_WORD.search(folded))


def _is_footer_line(text: str) -> bool:
    """A short line that may follow a signature: a note, an attachment, a link."""
    return len(text) <= 30 and not _HAS_SENTENCE_PUNCT(text)


def _is_organ_line(text: str) -> bool:
    if len(text) > 30 or _HAS_LINK_PUNCT(text):
        return False
    folded = _cues.fold(text)
    # endswith first: one C call rules out almost every line that is no organ
    return (
        folded.endswith(_cues.ORGAN_ENDINGS)
        and _cues.ORGAN_CHARS.fullmatch(folded) is not None
        and not _cues.WEB_WORD.search(folded)
    )


class _Builder:
    """One build: the lines, their kinds, and the report under construction."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.kinds: list[int] = []
        self.markers: list[Marker | None] = []
        self.page = PageInfo()
        self.last_point = 0
        self.indents: list[str] = []
        self.gaps: list[int] = []
        self.half = 0
        self.full = 0
        self.level3: list[str] = []
        self.title_lines: set[str] = set()

    # -- classification ---------------------------------------------------------------------

    def classify(self) -> None:
        kinds = self.kinds
        markers = self.markers
        clutter = _cues.CLUTTER
        for line in self.lines:
            text = line.text
            marker = match_marker(text)  # rejects most lines by their first character
            if not text:
                kind = _BLANK
            elif marker is not None:
                kind = _HEAD
            elif len(text) <= 80 and clutter.search(folded := _cues.fold(text)) is not None:
                kind = _CLUTTER
                self._page_fields(folded)
            else:
                kind = _TEXT
            kinds.append(kind)
            markers.append(marker)

    def _page_fields(self, text: str) -> None:
        m = _cues.PUBLISHED.search(text)
        if m is not None and self.page.published is None:
            y, mo, d, hh, mm, ss = m.groups()
            try:
                if hh is not None:
                    self.page.published = _dt.datetime(
                        int(y), int(mo), int(d), int(hh), int(mm), int(ss or 0)
                    )
                else:
                    self.page.published = _dt.date(int(y), int(mo), int(d))
            except ValueError:
                pass  # an impossible date on a web page is clutter all the same
        m = _cues.SOURCE.search(text)
        if m is not None and self.page.source is None:
            self.page.source = m.group(1)

    # -- header -------------------------------------------------------------------------------

    def header(self, report: Report, layout: ReportLayout, end: int) -> int:
        """Read lead clutter, title, page metadata and addressee; return the first body line."""
        lines, kinds = self.lines, self.kinds
        i = 0
        while i < end and kinds[i] in (_BLANK, _CLUTTER):
            i += 1
        layout.lead = self._raw(0, i)
        title_end = self._title(report, layout, i, end)
        if title_end > i:
            i = title_end
            # a web page repeats its title above the text; only a title in title words is
            # taken to be repeated (a short plain first line may well recur as content)
            parts = self.title_lines if _is_title_like(report.title or "") else set()
            j = i
            while j < end and (kinds[j] in (_BLANK, _CLUTTER) or lines[j].text in parts):
                if kinds[j] == _TEXT:
                    kinds[j] = _CLUTTER
                j += 1
            layout.header = self._raw(i, j)
            i = j
        # an addressee line (主送机关) such as "市委、市政府："
        j = i
        while j < end and kinds[j] == _BLANK:
            j += 1
        if j < end and kinds[j] == _TEXT:
            text = lines[j].text
            if (
                text[-1] in "：:"
                # shorter than a line that continues on the next (see _paragraph), so that a
                # paragraph joined from broken lines is never taken for an addressee
                and 3 <= len(text) < _JOIN_MIN
                and not _HAS_SENTENCE_PUNCT(text)
                and "如下" not in text
            ):
                report.addressee = text[:-1]
                before = self._raw(i, j)
                layout.addressee = AddresseeLayout(before, lines[j].raw, report.addressee)
                i = j + 1
        return i

    def _title(self, report: Report, layout: ReportLayout, i: int, end: int) -> int:
        lines, kinds = self.lines, self.kinds
        if i >= end or kinds[i] != _TEXT:
            return i
        first = lines[i]
        text = first.text
        last = i
        if first.is_title or _is_title_like(text):
            title = text
        else:
            # the organ on one line, the rest of the title on the next (blank lines between)
            j = i + 1
            while j < end and kinds[j] == _BLANK:
                j += 1
            if (
                j < end
                and kinds[j] == _TEXT
                and len(text) <= 30
                and not _HAS_LINK_PUNCT(text)
                and (_is_organ_line(text) or text.endswith("关于"))
                and _is_title_like(lines[j].text)
            ):
                title = text + lines[j].text
                last = j
            elif self._plain_title(i, end):
                title = text
            else:
                return i
        # "天津市公安局 2024年…报告": the spaces of a title set on one line are not part of it
        title = _TITLE_SPACE.sub("", title)
        report.title = title
        self.title_lines = {title, text, lines[last].text}
        raw = self._raw(i, last + 1)
        layout.title = TitleLayout(raw, title, first.indent, lines[last].end)
        return last + 1

    def _plain_title(self, i: int, end: int) -> bool:
        """A short first line without sentence punctuation, followed by more text, is a title."""
        text = self.lines[i].text
        if len(text) > 40 or _HAS_LINK_PUNCT(text) or parse_date(text) is not None:
            return False
        # followed by a heading or prose (sentence punctuation, or too long for a footer line):
        # never just by lines the footer may take (links, notes, a signature)
        lines, kinds = self.lines, self.kinds
        return any(
            kinds[j] == _HEAD
            or (
                kinds[j] == _TEXT
                and (_HAS_SENTENCE_PUNCT(lines[j].text) or len(lines[j].text) > 30)
            )
            for j in range(i + 1, end)
        )

    # -- footer -------------------------------------------------------------------------------

    def footer(self, report: Report, layout: ReportLayout, start: int) -> int:
        """Read trailing clutter, link lists and the signature; return where the body ends."""
        lines, kinds = self.lines, self.kinds
        n = len(lines)
        end = n
        while end > start and kinds[end - 1] in (_BLANK, _CLUTTER):
            end -= 1
        # The signature may be followed by a few footer lines: a note such as "（此件公开发布）",
        # an attachment line, a list of links. Look for it above up to four of them.
        k = end
        for _ in range(5):
            sig = self._signature(report, start, k)
            if sig is not None:
                sig_start, sig_end = sig
                self._to_clutter(sig_end, end)
                layout.trailing = self._raw(sig_end, n)
                return sig_start
            if k <= start or kinds[k - 1] != _TEXT or not _is_footer_line(lines[k - 1].text):
                break
            k -= 1
            while k > start and kinds[k - 1] in (_BLANK, _CLUTTER):
                k -= 1
        # A footer list of links: two or more short lines without punctuation after the last
        # paragraph (one such line may be the report's own last words, "特此报告").
        k = end
        while k > start and (
            kinds[k - 1] in (_BLANK, _CLUTTER)
            or (
                kinds[k - 1] == _TEXT
                and len(lines[k - 1].text) <= 20
                and not _HAS_LINK_PUNCT(lines[k - 1].text)
                and POINT_MARKER_RE.match(lines[k - 1].text) is None
                and not _is_organ_line(lines[k - 1].text)
            )
        ):
            k -= 1
        if sum(1 for j in range(k, end) if kinds[j] == _TEXT) >= 2:
            self._to_clutter(k, end)
            end = k
        # an organ line alone signs a report that gives no date
        if end > start and kinds[end - 1] == _TEXT and _is_organ_line(lines[end - 1].text):
            prev = end - 2
            while prev >= start and kinds[prev] == _BLANK:
                prev -= 1
            # not when it could be the last line of a sentence broken over lines
            if prev < start or kinds[prev] != _TEXT or lines[prev].text[-1] in _TERMINAL:
                organ = lines[end - 1].text
                raw = lines[end - 1].raw
                signed = SignatureLayout("", raw, organ, None, lines[end - 1].indent)
                report.signature = Signature(organ, None, signed)
                layout.trailing = self._raw(end, n)
                return end - 1
        layout.trailing = self._raw(end, n)
        return end

    def _raw(self, start: int, end: int) -> str:
        """The lines[start:end] exactly as written."""
        return "".join(line.raw for line in self.lines[start:end])

    def _to_clutter(self, start: int, end: int) -> None:
        kinds = self.kinds
        for j in range(start, end):
            if kinds[j] == _TEXT:
                kinds[j] = _CLUTTER

    def _signature(self, report: Report, start: int, end: int) -> tuple[int, int] | None:
        lines, kinds = self.lines, self.kinds
        if end <= start or kinds[end - 1] != _TEXT:
            return None
        last = lines[end - 1]
        date_text = last.text.strip("（）()")
        found = parse_date(date_text)
        organ: str | None = None
        if found is None:
            # organ and date on one line: "泾源县公安局  2026年1月28日"
            m = DATE_SEARCH_RE.search(last.text)
            if m is None or m.end() != len(last.text) or not last.text[m.start() - 1].isspace():
                return None
            date_text = m.group()
            found = parse_date(date_text)
            head = last.text[: m.start()].strip(SPACE)
            if found is None or not _is_organ_line(head):
                return None
            organ = head
            sig_start = end - 1
        else:
            sig_start = end - 1
            j = end - 2
            while j >= start and kinds[j] == _BLANK:
                j -= 1
            if j >= start and kinds[j] == _TEXT and _is_organ_line(lines[j].text):
                organ = lines[j].text
                sig_start = j
        date, style = found
        raw = self._raw(sig_start, end)
        layout = SignatureLayout("", raw, organ, date, lines[sig_start].indent, style, date_text)
        report.signature = Signature(organ, date, layout)
        return sig_start, end

    # -- body ---------------------------------------------------------------------------------

    def body(self, report: Report, start: int, end: int) -> str:
        """Build sections and paragraphs from lines[start:end]; return the raw text left over."""
        lines, kinds, markers = self.lines, self.kinds, self.markers
        pending: list[str] = []
        stack: list[Section] = []
        target = report.preamble
        blank_run = 0
        first = True
        # collected in local lists, for the document's style
        gaps: list[int] = []
        indents: list[str] = []
        i = start
        while i < end:
            kind = kinds[i]
            line = lines[i]
            if kind in (_BLANK, _CLUTTER):
                pending.append(line.raw)
                if kind == _BLANK:
                    blank_run += 1
                i += 1
                continue
            if not first:
                gaps.append(blank_run)
            first = False
            blank_run = 0
            indents.append(line.indent)
            if pending:
                before = "".join(pending)
                pending.clear()
            else:
                before = ""
            if kind == _HEAD:
                marker = markers[i]
                assert marker is not None
                section, i = self._section(line, marker, before, i, end)
                while stack and stack[-1].level >= section.level:
                    stack.pop()
                (stack[-1].subsections if stack else report.sections).append(section)
                stack.append(section)
                target = section.body
            else:
                paragraph, i = self._paragraph(line.text, line.indent, before, False, i, end)
                target.append(paragraph)
        self.gaps = gaps
        self.indents = indents
        return "".join(pending)

    def _section(
        self, line: Line, marker: Marker, before: str, i: int, end: int
    ) -> tuple[Section, int]:
        text = line.text
        raw_marker = marker.raw
        rest = text[len(raw_marker) :]
        heading_text = rest.lstrip(SPACE)
        gap = rest[: len(rest) - len(heading_text)]
        if marker.level in (2, 4):
            if raw_marker[0] == "(":
                self.half += 1
            else:
                self.full += 1
        elif marker.level == 3:
            self.level3.append(raw_marker[-1])
        stop_at = _find_heading_stop(heading_text)
        layout = SectionLayout(before, line.indent, raw_marker, marker.level, marker.number, gap)
        section = Section(marker.level, marker.number, heading_text, layout=layout)
        if stop_at < 0:
            layout.end = line.end
            return section, i + 1
        tail = heading_text[stop_at + 1 :]
        heading = heading_text[:stop_at].rstrip(SPACE)
        section.heading = heading
        # spaces before the stop belong to the stop, not to the heading
        layout.stop = heading_text[len(heading) : stop_at + 1]
        body_text = tail.lstrip(SPACE)
        if not body_text:
            layout.stop += tail  # spaces after a standalone heading's stop stay with the stop
            layout.end = line.end
            return section, i + 1
        section.run_in = layout.run_in = True
        layout.end = ""
        paragraph, i = self._paragraph(
            body_text, tail[: len(tail) - len(body_text)], "", True, i, end
        )
        section.body.append(paragraph)
        return section, i

    def _paragraph(
        self, text: str, indent: str, before: str, inline: bool, i: int, end: int
    ) -> tuple[Paragraph, int]:
        lines, kinds = self.lines, self.kinds
        line = lines[i]
        parts = [text]
        size = len(text)
        breaks: list[tuple[int, str]] = []
        # Join the lines of a paragraph broken mid-sentence. A continuation line is indented
        # less than the paragraph's first line, or not at all when paragraphs are not indented.
        first_indent = len(line.indent)
        while (
            len(line.text) >= _JOIN_MIN
            and line.text[-1] not in _TERMINAL
            and i + 1 < end
            and kinds[i + 1] == _TEXT
        ):
            nxt = lines[i + 1]
            if nxt.indent and len(nxt.indent) >= first_indent:
                break
            if POINT_MARKER_RE.match(nxt.text) is not None:
                break
            breaks.append((size, line.end + nxt.indent))
            parts.append(nxt.text)
            size += len(nxt.text)
            line = nxt
            i += 1
        content = "".join(parts) if breaks else text
        lead, points, self.last_point = split_points(content, self.last_point)
        layout = ParagraphLayout(
            before, indent, line.end, inline, content, tuple(breaks) if breaks else ()
        )
        return Paragraph(lead, points, layout), i + 1

    # -- derived facts ------------------------------------------------------------------------

    def closing(self, report: Report) -> None:
        """Move trailing closing paragraphs (新的一年，…) of the last section to the closing."""
        if not report.sections:
            return
        leaf = report.sections[-1]
        while leaf.subsections:
            leaf = leaf.subsections[-1]
        body = leaf.body
        first = 1 if leaf.run_in else 0
        # the earliest opener in the run of point-free paragraphs that ends the body
        found = -1
        for k in range(len(body) - 1, first - 1, -1):
            if body[k].points:
                break
            text = _cues.fold(body[k].text)
            if _cues.CLOSING.match(text) or (k > first and _cues.CLOSING_WEAK.match(text)):
                found = k
        if found >= 0:
            report.closing = body[found:]
            del body[found:]

    def identity(self, report: Report) -> None:
        """Find the organ and year: from the title, else the signature, else the preamble."""
        title = report.title
        if title:
            folded = _cues.fold(title)
            # the organ is what comes before the year, 关于 or 法治政府…, if anything does
            m = _cues.TITLE_YEAR.search(folded)
            cut = -1
            if m is not None:
                report.year = chinese_to_int(m.group(1))
                cut = m.start()
            b = _cues.ORGAN_BEFORE.search(folded, 0, cut if cut >= 0 else len(folded))
            if b is not None:
                cut = b.start()
            organ = title[:cut].strip() if cut > 0 else ""
            if organ:
                report.organ = organ
        signature = report.signature
        if report.organ is None and signature is not None and signature.organ:
            report.organ = signature.organ
        if report.organ is None or report.year is None:
            for paragraph in report.preamble[:2]:
                text = _cues.fold(paragraph.text)
                if report.year is None:
                    y = _cues.YEAR_IN_TEXT.search(text)
                    if y is not None:
                        report.year = int(y.group(1))
                if report.organ is None:
                    o = _cues.ORGAN_IN_PREAMBLE.search(text)
                    if o is not None:
                        report.organ = paragraph.text[o.start(1) : o.end(1)]
        if report.year is None and signature is not None and signature.date is not None:
            # reports are signed early in the following year
            date = signature.date
            report.year = date.year - 1 if date.month <= 6 else date.year

    def roles(self, report: Report) -> None:
        """Give top-level sections their role, and 不足/原因 subsections theirs."""
        measures_done = False
        for section in report.sections:
            role = infer_role(
                _cues.fold(section.heading), year=report.year, measures_done=measures_done
            )
            section.role = role
            measures_done = measures_done or role is not SectionRole.MEASURES
            if role in (SectionRole.SHORTCOMINGS, SectionRole.CAUSES):
                for sub in section.subsections:
                    sub.role = infer_subrole(_cues.fold(sub.heading))

    def style(self) -> Style:
        """The document's habits, for nodes added in code."""
        style = Style()
        if self.indents:
            style.indent = _most_common(self.indents)
        # the first line that ends tells the line ending; no need to count them all
        for line in self.lines:
            if line.end[-1:] in ("\n", "\r"):
                style.line_end = _line_ending(line.end)
                break
        if self.gaps:
            style.blank_lines = min(_most_common(self.gaps), 2)
        style.half_width = self.half > self.full
        if self.level3:
            style.level3_separator = _most_common(self.level3)
        return style


def _most_common(values: list[_T]) -> _T:
    """The most frequent value, the first seen among equals.

    A document has few distinct values, so counting each in C beats building a Counter.
    """
    return max(dict.fromkeys(values), key=values.count)


def _line_ending(end: str) -> str:
    if end.endswith("\r\n"):
        return "\r\n"
    return end[-1] if end and end[-1] in "\r\n" else ""


def build_report(lines: list[Line]) -> Report:
    """Build a report from logical lines. Never fails: any lines give some report.

    Args:
        lines: the logical lines of the document, from a reader.
    """
    builder = _Builder(lines)
    builder.classify()
    report = Report()
    layout = ReportLayout()
    report.layout = layout
    n = len(lines)
    start = builder.header(report, layout, n)
    footer_start = max(builder.footer(report, layout, start), start)
    # what the body leaves over (blank lines, clutter) goes before the signature, else last
    leftover = builder.body(report, start, footer_start)
    signature = report.signature
    if signature is not None and signature.layout is not None:
        signature.layout.before = leftover
    else:
        layout.trailing = leftover + layout.trailing
    builder.closing(report)
    builder.identity(report)
    builder.roles(report)
    layout.style = builder.style()
    report.page = builder.page
    return report
