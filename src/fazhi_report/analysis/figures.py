"""Every quantity a report states, as typed values: ``刑事拘留821人``, ``1.1万起``, ``99.44%``.

A figure is a number followed by a unit (人, 起, 次, 件, 家, 个, 项, %, 万元, …), with what
surrounds it read as well:

- a **multiplier** (万, 亿, 千, 百万, 千万) is applied: ``1.1万起`` is 11000 起;
- a **qualifier** is kept as written: before the number 约/近/超过/逾/不足/不到, after it
  余/多 (``4300余人``), after the unit 以上/以下/左右;
- a **change** is kept when the number is one: ``同比下降8.9%`` is a fall of 8.9 % on the same
  period of last year; ``较上年增长12%`` a rise on last year;
- percentages keep their precision (``99.44%`` is ``Decimal("99.44")``).

What is **not** a figure (see docs/figures.md): dates and years (``2024年``, ``11月8日``,
``3至11月``), a number inside quotation marks (a name: ``“十项行动”``, ``“12.4”宪法宣传日``),
an ordinal (``第3``), a number glued to Latin letters or other digits (``B1``, ``4.0版``,
``14:09``), and a number without a unit (``830平台``). Chinese numerals are counts only after
a word that counts (连续, 累计, 共, 先后, 为期, 历时…) or with 余/多 (``连续十二年`` is 12 年,
``十余次`` is 10 次); elsewhere they are names (``三级审核``, ``一窗通办``, ``五个亲自``).
"""

from __future__ import annotations

import bisect
import operator
import re
import sys
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

import attrs

from fazhi_report.analysis.records import JoinedText, Location, char_positions
from fazhi_report.convert import unstructure
from fazhi_report.layout import positional_maker
from fazhi_report.model import Report
from fazhi_report.numbering import chinese_to_int

__all__ = ["COUNT_CUES", "MULTIPLIERS", "UNITS", "Change", "Figure", "find_figures"]

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


def _normalise(text: str) -> str:
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
_CONTEXT_MAX = 20
_CHANGE_REACH = 16
# After these a number is a rank, not a count: 第3, 被评为5类, 排名2.
_ORDINAL_BEFORE = frozenset("第")
_RANK_BEFORE = ("评为", "列为", "定为", "排名", "名列", "排第")


@attrs.frozen
class Change:
    """The comparison a figure states: ``同比下降8.9%``, ``较上年增长12%``.

    Attributes:
        direction: ``"up"`` (上升, 增长, 增加, 提高…) or ``"down"`` (下降, 减少, 降低…).
        basis: what it is compared with, as written (``"同比"``, ``"较上年"``), or ``None``.
        text: the words as written, e.g. ``"同比下降"``.
    """

    direction: str
    basis: str | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        """The change as plain JSON data (`fazhi_report.convert.unstructure`)."""
        return cast("dict[str, Any]", unstructure(self))


class _Pending:
    """The slot a `Figure` keeps what its lazily made fields are made from, until they are."""

    __slots__ = ("_pending",)


@attrs.frozen
class Figure(_Pending):
    """One quantity a report states.

    Attributes:
        value: the quantity with its multiplier applied (``1.1万起`` gives 11000); a
            percentage keeps the digits written (``Decimal("99.44")``).
        unit: the unit, e.g. ``"人"``, ``"起"``, ``"%"``, ``"万元"``, ``"个月"``.
        number: the number as written before the multiplier, as a decimal (``1.1``).
        multiplier: the multiplier applied (10000 for 万), 1 when none.
        qualifier: 余, 多, 约, 近, 超过, 以上, 以下… as written, or ``None`` for an exact figure.
        change: the comparison the figure is, if it is one (``同比下降8.9%``).
        text: the figure exactly as written, qualifiers and change words included.
        context: the words of its clause before it (``"刑事拘留"``), at most 20 characters.
        sentence: the sentence it stands in.
        location: the string it stands in; ``start``/``end`` index ``text`` in that string.
        start: where ``text`` starts in the string ``location.path`` names.
        end: where ``text`` ends in that string.

    A figure found in a report makes ``value``, ``number``, ``context`` and ``sentence`` on
    the first read of any of them (equality, ``repr``, `to_dict` and pickling read them as
    usual): a search that looks at units and places only does not pay for them.
    """

    value: Decimal
    unit: str
    number: Decimal
    multiplier: int
    qualifier: str | None
    change: Change | None
    text: str
    context: str
    sentence: str
    location: Location
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """The figure as plain JSON data (`fazhi_report.convert.unstructure`)."""
        return cast("dict[str, Any]", unstructure(self))

    def describe(self) -> str:
        """The figure without its location: ``"11000 起 [同比下降]  1.1万起"``."""
        qualifier = f" ({self.qualifier})" if self.qualifier else ""
        change = f" [{self.change.text}]" if self.change else ""
        return f"{self.value} {self.unit}{qualifier}{change}  {self.text}"

    def __str__(self) -> str:
        return f"{self.location}: {self.describe()}"

    if not TYPE_CHECKING:  # hidden from type checkers: a typo must stay an error there

        def __getattr__(self, name: str) -> Any:
            # ``value``, ``number``, ``context`` and ``sentence`` of a figure found in a
            # report are made on first read (Python calls this only for an unset slot)
            if name in _LAZY_FIELDS:
                try:
                    pending = object.__getattribute__(self, "_pending")
                except AttributeError:
                    pass
                else:
                    _resolve(self, pending)
                    return object.__getattribute__(self, name)
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")


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


# A clause ends at one of these; a sentence at one of those. Neither holds a character
# `_normalise` changes, so both stand at the same offsets in a text and its normalised form.
_CLAUSE_BREAK = re.compile('[。，,；;：:！？!?、（）()“”"\n]')
_SENTENCE_BREAK = re.compile("[。！？；;!?\n]")


class _Text:
    """The text a report's figures were found in, shared by them to make their lazy fields.

    The last break before an offset is found by searching the text reversed (made once, on
    the first figure read): one short search, not a scan of every stop of the report.
    """

    __slots__ = ("_reversed", "norm", "text")

    def __init__(self, text: str, norm: str) -> None:
        self.text = text
        self.norm = norm
        self._reversed: str | None = None

    def _last_break(self, pattern: re.Pattern[str], lowest: int, start: int) -> int:
        """One past the last match of ``pattern`` in ``norm[lowest:start]``, else ``lowest``."""
        backwards = self._reversed
        if backwards is None:
            backwards = self._reversed = self.norm[::-1]
        size = len(backwards)
        found = pattern.search(backwards, size - start, size - lowest)
        return size - found.start() if found is not None else lowest

    def context(self, begin: int, start: int) -> str:
        """The words of the clause before ``start``, not before ``begin`` (the string's
        start), at most `_CONTEXT_MAX` characters."""
        lowest = max(begin, start - _CONTEXT_MAX)
        if lowest >= start:
            return ""
        return self.norm[self._last_break(_CLAUSE_BREAK, lowest, start) : start].strip()

    def sentence(self, start: int, end: int) -> str:
        """The sentence holding ``text[start:end]``, its stop kept."""
        text = self.text
        left = self._last_break(_SENTENCE_BREAK, 0, start)
        found = _SENTENCE_BREAK.search(text, end)
        right = found.start() if found is not None else len(text)
        if right < len(text) and text[right] != "\n":
            right += 1  # the stop ends the sentence: keep it
        return text[left:right].strip()


def _value(number: Decimal, multiplier: int) -> Decimal:
    if multiplier == 1:
        return number
    value = number * multiplier
    # 1.1万 is 11000, not 11000.0: a multiplied count is written without a fraction
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


# What a figure's lazy fields are made from: the shared text, the number (its digits, or
# its value for a Chinese numeral), the multiplier, and where the figure and its string
# start in the joined text, and where the figure ends.
_PendingFields = tuple[_Text, str | int, int, int, int, int]
_LAZY_FIELDS = frozenset({"value", "number", "context", "sentence"})
_SET_VALUE = Figure.value.__set__  # type: ignore[attr-defined]
_SET_NUMBER = Figure.number.__set__  # type: ignore[attr-defined]
_SET_CONTEXT = Figure.context.__set__  # type: ignore[attr-defined]
_SET_SENTENCE = Figure.sentence.__set__  # type: ignore[attr-defined]
_DEL_PENDING = _Pending._pending.__delete__  # type: ignore[attr-defined]


def _resolve(figure: Figure, pending: _PendingFields) -> None:
    """Make the lazy fields of ``figure`` (all four at once) and let go of the text."""
    shared, digits, multiplier, start, end, begin = pending
    number = Decimal(digits)
    _SET_NUMBER(figure, number)
    _SET_VALUE(figure, _value(number, multiplier))
    _SET_CONTEXT(figure, shared.context(begin, start))
    _SET_SENTENCE(figure, shared.sentence(start, end))
    _DEL_PENDING(figure)


def _make_lazy_maker() -> Callable[..., Figure]:
    """A constructor of figures whose lazy fields wait (see `Figure.__getattr__`): it sets
    the other slots directly, as `fazhi_report.layout.positional_maker` does."""
    new = object.__new__
    sets = [
        getattr(Figure, name).__set__
        for name in ("unit", "multiplier", "qualifier", "change", "text", "location")
    ]
    set_start, set_end = Figure.start.__set__, Figure.end.__set__  # type: ignore[attr-defined]
    set_pending = _Pending._pending.__set__  # type: ignore[attr-defined]
    s_unit, s_mult, s_qual, s_change, s_text, s_loc = sets

    def make(
        unit: str,
        multiplier: int,
        qualifier: str | None,
        change: Change | None,
        text: str,
        location: Location,
        start: int,
        end: int,
        pending: _PendingFields,
    ) -> Figure:
        figure: Figure = new(Figure)
        s_unit(figure, unit)
        s_mult(figure, multiplier)
        s_qual(figure, qualifier)
        s_change(figure, change)
        s_text(figure, text)
        s_loc(figure, location)
        set_start(figure, start)
        set_end(figure, end)
        set_pending(figure, pending)
        return figure

    return make


_make_figure = _make_lazy_maker()
_make_location = positional_maker(Location)


def _scan(
    norm: str,
    text: str,
    where: Callable[[int], tuple[Location, int, int]],
) -> Iterator[Figure]:
    """The figures of ``text`` (``norm`` is it with ASCII digits); ``where(offset)`` gives the
    location of the string an offset falls in, with that string's start and end.

    Only what decides whether a candidate is a figure is worked out here; the number's
    `Decimal`, the context and the sentence are made when first read (`_resolve`).
    """
    quoted: list[tuple[int, int]] | None = None
    shared = _Text(text, norm)
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
            direction = "up" if found.group("dir") in _UP else "down"
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


def figures_in(text: str, location: Location | None = None) -> Iterator[Figure]:
    """The figures of one string, in order (see the module docs for what counts).

    Args:
        text: a sentence, a paragraph's text, a point's title or text.
        location: where the string is, given to each figure.
    """
    place = (location or Location(), 0, len(text))
    norm = _normalise(text)
    return _scan(norm, text, lambda offset: place)


def find_figures(report: Report) -> list[Figure]:
    """Every figure a report states, in document order (`fazhi_report.figures` calls this).

    The headings, preamble, section bodies (paragraph text, point titles and texts, table
    cells) and closing are read; the title (it states a year, never a quantity) and page
    metadata are not. A table cell gives a figure when it states one with its unit
    (``12件``); a bare number (``12`` under a heading ``件数``) does not. All strings are
    searched in one pass over their joined text.
    """
    joined = JoinedText(report, kinds=_READ)
    text = joined.text
    norm = _normalise(text)
    field, starts = joined.field, joined.starts

    def where(offset: int) -> tuple[Location, int, int]:
        index = bisect.bisect_right(starts, offset) - 1
        made = field(index)
        begin = starts[index]
        location = _make_location(made.path, made.section, made.line)
        return location, begin, begin + len(made.text)

    return list(_scan(norm, text, where))


_READ = frozenset({"heading", "paragraph", "point_title", "point_text", "cell"})
