"""Finding figures in text: the units, multipliers and counting words, the patterns, and the
scan that tells a figure from a date, a name, an ordinal or a code."""

from __future__ import annotations

import bisect
import operator
import re
import sys
from collections.abc import Callable, Iterator

from fazhi_report.analysis.figures.figure import Change, Direction, Figure
from fazhi_report.analysis.figures.lazy import SharedText, lazy_maker
from fazhi_report.analysis.records import Location, char_positions
from fazhi_report.layout import positional_maker
from fazhi_report.numbering import chinese_to_int

__all__ = ["COUNT_CUES", "MULTIPLIERS", "UNITS"]

UNITS: tuple[str, ...] = (
    # money and measures before the counts they start with (万元 before 万, 人次 before 人)
    "亿元", "万元", "千元", "元", "个百分点", "百分点", "%",
    "平方公里", "平方米", "公里", "千米", "米", "公顷", "亩", "吨", "千克", "公斤", "克",
    "人次", "件次", "场次", "批次", "轮次", "户次", "车次", "架次", "个工作日", "个月",
    "人", "名", "起", "次", "件", "家", "份", "期", "场", "条", "个", "项", "部", "篇", "批",
    "处", "台", "辆", "把", "枚", "支", "套", "户", "所", "类", "轮", "宗", "笔", "张", "本",
    "册", "块", "座", "间", "节", "课时", "学时", "小时", "分钟", "天", "周", "年",
)  # fmt: skip
"""The units a figure may have, longest first where one starts another."""

MULTIPLIERS: dict[str, int] = {"千万": 10**7, "百万": 10**6, "亿": 10**8, "万": 10**4, "千": 10**3}
"""Multipliers written between a number and its unit, and their values."""

COUNT_CUES = ("连续", "累计", "共计", "总计", "合计", "共", "先后", "为期", "历时")
"""Words after which a Chinese numeral is a count (``连续十二年``), not a name (``三级``)."""

# Units that name a span of time: after a bare Arabic number they are dates or ages
# ("2024年"), so they need a count cue or a qualifier as Chinese numerals do.
_TIME_UNITS = frozenset({"年", "天", "周"})

_PREFIX_QUALIFIERS = ("超过", "不足", "不到", "约", "近", "逾", "超")
_SUFFIX_QUALIFIERS = ("以上", "以下", "左右")
_AFTER_NUMBER_QUALIFIERS = ("余", "多")

_UNIT_ALT = "|".join(re.escape(u) for u in UNITS)
# 万元, 亿元, 千克, 千米, 千元 are units of their own: 3万元 is 3 万元, not 30000 元
_MULT_ALT = "千万(?!元)|百万(?!元)|亿(?!元)|万(?!元)|千(?!元|米|克)"
_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_TAIL = (
    r"(?P<mult>" + _MULT_ALT + r")?(?P<post>余|多)?"
    r"(?P<unit>" + _UNIT_ALT + r")(?![A-Za-z])(?P<after>以上|以下|左右)?"
)
# Three patterns, each starting with what it must start with, so the regex engine skips ahead
# on its own: an Arabic number (its neighbours are checked after: B1, 4.0, 14:09 are no
# figures); a Chinese numeral after a counting word (连续十二年); a Chinese numeral before
# 余/多 (十余次), tried only where a 余 or 多 follows a numeral.
_UNIT_FIRST = "".join(sorted({u[0] for u in UNITS} | set("千百亿万余多")))
# a look at the next character first: most numbers (years, codes) are followed by no unit.
# `_ARABIC` and `_CN_COUNTED` say what `_FIRST_PASS` finds, which runs them as one scan.
_ARABIC = re.compile(
    r"(?P<ar>[0-9][0-9]*(?:,[0-9]{3})*(?:\.[0-9]+)?)(?=[" + re.escape(_UNIT_FIRST) + "])" + _TAIL
)
_CN_COUNTED = re.compile(r"(?:" + "|".join(COUNT_CUES) + r")(?P<cn>[" + _CN_DIGITS + r"]+)" + _TAIL)
# `_ARABIC` and `_CN_COUNTED` in one pass, opening with one character class (a digit or a
# counting word's first character) so the engine skips ahead in C: each scan of the text
# tests every character against a set, so one scan costs half of two. Neither kind of match
# can hold the start of the other, so the pass finds exactly what the two find apart. The
# first digit is the class's: an Arabic number runs from the match's start to the end of
# ``ar``.
_CUE_RESTS = "|".join(f"(?<={cue[0]}){cue[1:]}" for cue in COUNT_CUES)  # 共计 before 共
_FIRST_PASS = re.compile(
    r"[0-9" + "".join(dict.fromkeys(cue[0] for cue in COUNT_CUES)) + r"]"
    r"(?:(?<=[0-9])(?P<ar>[0-9]*(?:,[0-9]{3})*(?:\.[0-9]+)?)(?=[" + re.escape(_UNIT_FIRST) + "])"
    r"|(?:" + _CUE_RESTS + r")(?P<cn>[" + _CN_DIGITS + r"]+))" + _TAIL
)
_CN_ROUGH = re.compile(r"(?P<cn>[" + _CN_DIGITS + r"]+)(?=(?:" + _MULT_ALT + r")?[余多])" + _TAIL)
_GLUED_BEFORE = frozenset("0123456789.:/-_+×*ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ROUGH_CHARS = frozenset(_CN_DIGITS + "万亿")
_COUNT_CUE_END = re.compile("(?:" + "|".join(COUNT_CUES) + ")$")
_PREFIX = re.compile(r"(?:超过|不足|不到|约|近|逾|超)$")
_PREFIX_LAST = frozenset("过足到约近逾超")


_FIRST = operator.itemgetter(0)


def _matches(norm: str) -> list[tuple[int, re.Match[str]]]:
    """Candidate figures of ``norm``: (where the number starts, the match), in order."""
    found: list[tuple[int, re.Match[str]]] = []
    counted: dict[int, re.Match[str]] = {}
    for first in _FIRST_PASS.finditer(norm):
        if first.start("ar") >= 0:
            found.append((first.start(), first))
        else:
            counted[first.start("cn")] = first
    for at in char_positions(norm, "余多"):
        if at == 0 or norm[at - 1] not in _ROUGH_CHARS:
            continue
        start = at
        while start > 0 and norm[start - 1] in _ROUGH_CHARS:
            start -= 1
        if start in counted:
            continue
        m = _CN_ROUGH.match(norm, start)
        if m is not None:
            counted[start] = m
    if counted:
        found.extend(counted.items())
        found.sort(key=_FIRST)
    return found


# Full-width digits, point and percent sign read as ASCII (one character each: offsets hold).
_FULL_WIDTH = "０１２３４５６７８９．％"
_HALF_WIDTH = "0123456789.%"


def normalise(text: str) -> str:
    """``text`` with full-width digits, point and percent sign as ASCII (offsets unchanged).

    ``str.replace`` per character present: ``str.translate`` is slow on non-ASCII text.
    """
    # one literal look per character: far cheaper than one character-set scan
    for wide, narrow in zip(_FULL_WIDTH, _HALF_WIDTH, strict=True):
        if wide in text:
            text = text.replace(wide, narrow)
    return text


_QUOTE_STYLES = (r"“[^“”]{0,60}”", r"「[^「」]{0,60}」", r"\"[^\"]{0,60}\"", r"‘[^‘’]{0,60}’")
_QUOTED = re.compile("|".join(_QUOTE_STYLES))
_QUOTE_OPENINGS = tuple(
    (opening, re.compile(style)) for opening, style in zip('“「"‘', _QUOTE_STYLES, strict=True)
)
_CHANGE = re.compile(
    r"(?P<basis>同比|环比|较上年|比上年|较去年|比去年|较上一年|与上年相比|较上年同期|比上年同期"
    r"|较(?:19|20)[0-9]{2}年|比(?:19|20)[0-9]{2}年)?[，,]?(?:分别)?"
    r"(?P<dir>上升|增长|增加|提高|提升|上涨|下降|减少|降低|下滑|回落)了?(?:达到|达|为)?$"
)
_CHANGE_LAST = frozenset("升长加高涨降少低滑落了达到为")
_UP = frozenset({"上升", "增长", "增加", "提高", "提升", "上涨"})
_CHANGE_REACH = 16
# After these a number is a rank, not a count: 第3, 被评为5类, 排名2.
_ORDINAL_BEFORE = frozenset("第")
_RANK_BEFORE = ("评为", "列为", "定为", "排名", "名列", "排第")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    present = [pattern for opening, pattern in _QUOTE_OPENINGS if opening in text]
    if not present:
        return []
    # a text with one style of quotes only (the usual case): that style's pattern opens with
    # a literal the engine skips to at memory speed; the alternation of all four scans
    # every character against a set
    pattern = present[0] if len(present) == 1 else _QUOTED
    return [m.span() for m in pattern.finditer(text)]


def _in_spans(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    # the spans are sorted and apart: only the last one starting at or before ``start`` counts
    index = bisect.bisect_right(spans, (start, _LAST)) - 1
    return index >= 0 and spans[index][0] <= start and end <= spans[index][1]


_LAST = sys.maxsize


def _has_count_cue(text: str, begin: int, start: int) -> bool:
    return _COUNT_CUE_END.search(text, max(begin, start - 2), start) is not None


_make_figure = lazy_maker(Figure)
_make_location = positional_maker(Location)


def scan(
    norm: str,
    text: str,
    where: Callable[[int], tuple[Location, int, int]],
) -> Iterator[Figure]:
    """The figures of ``text`` (``norm`` is it with ASCII digits); ``where(offset)`` gives the
    location of the string an offset falls in, with that string's start and end.

    Only what decides whether a candidate is a figure is worked out here; the number's
    `Decimal`, the context and the sentence are made when first read
    (`fazhi_report.analysis.figures.lazy`).
    """
    quoted: list[tuple[int, int]] | None = None
    shared = SharedText(text, norm)
    # the string the last candidate stood in: the next one is most often in it too
    location, begin, field_end = Location(), 0, -1
    for num_start, m in _matches(norm):
        arabic = (
            norm[num_start : m.end("ar")] if m.re is _FIRST_PASS and m.start("ar") >= 0 else None
        )
        start, end = num_start, m.end()
        before2 = norm[start - 2 : start] if start >= 2 else norm[:start]
        last = before2[-1:]
        if arabic and (last in _GLUED_BEFORE or (last == "," and before2[:1].isdigit())):
            continue  # inside a code, a version, a time or a number: B1, 4.0, 14:09, 1,23
        if last == "第" or before2 in _RANK_BEFORE:
            continue  # an ordinal or a rank: 第3次, 评为5类
        unit, mult, post = m.group("unit", "mult", "post")
        if mult and unit == "%":
            continue
        if not begin <= start < field_end:
            location, begin, field_end = where(start)
        pre = _PREFIX.search(norm, max(begin, start - 2), start) if last in _PREFIX_LAST else None
        if pre is not None:
            start = pre.start()
        digits: str | int
        if arabic:
            if "," in arabic:
                if not _THOUSANDS(arabic):
                    continue
                arabic = arabic.replace(",", "")
            if (
                unit in _TIME_UNITS
                and pre is None
                and not post
                and not _has_count_cue(norm, begin, start)
            ):
                continue  # 2024年, 365天: a date or a name unless something counts it
            digits = arabic
        else:
            written = m.group("cn")
            if len(written) > 1:
                written = written.replace("两", "二")
            try:
                digits = chinese_to_int(written)
            except ValueError:
                continue
        if quoted is None:
            quoted = _quoted_spans(norm)
        if quoted and _in_spans(quoted, num_start, end):
            continue
        qualifier = pre.group() if pre is not None else post or m.group("after")
        change = None
        # a change word ends just before the figure: look for one only then
        found = (
            _CHANGE.search(norm, max(begin, start - _CHANGE_REACH), start)
            if start > begin and norm[start - 1] in _CHANGE_LAST
            else None
        )
        if found is not None:
            start = found.start()
            direction: Direction = "up" if found.group("dir") in _UP else "down"
            change = Change(direction, found.group("basis"), found.group())
        multiplier = MULTIPLIERS[mult] if mult else 1
        yield _make_figure(
            unit,
            multiplier,
            qualifier,
            change,
            text[start:end],
            location,
            start - begin,
            end - begin,
            (shared, digits, multiplier, start, end, begin),
        )


_THOUSANDS = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?").fullmatch
