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

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import attrs

from fazhi_report.analysis.records import Location, TextField, iter_texts
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
_FIGURE = re.compile(
    r"(?P<pre>超过|不足|不到|约|近|逾|超)?"
    r"(?:(?P<ar>[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)|(?P<cn>[" + _CN_DIGITS + r"]+))"
    r"(?P<mult>" + _MULT_ALT + r")?"
    r"(?P<post>余|多)?"
    r"(?P<unit>" + _UNIT_ALT + r")"
    r"(?P<after>以上|以下|左右)?"
)
# Full-width digits, point and percent sign read as ASCII (one character each: offsets hold).
_NORMALISE = str.maketrans("０１２３４５６７８９．％，", "0123456789.%，")
# A figure cannot follow these (B1, 4.0, 14:09, x/y, 1-2) nor be followed by a Latin letter.
_GLUED_BEFORE = frozenset("0123456789.:/-_+×*ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_QUOTED = re.compile(r"“[^“”]{0,60}”|「[^「」]{0,60}」|\"[^\"]{0,60}\"|‘[^‘’]{0,60}’")
_CHANGE = re.compile(
    r"(?P<basis>同比|环比|较上年|比上年|较去年|比去年|较上一年|与上年相比|较上年同期|比上年同期"
    r"|较(?:19|20)[0-9]{2}年|比(?:19|20)[0-9]{2}年)?[，,]?(?:分别)?"
    r"(?P<dir>上升|增长|增加|提高|提升|上涨|下降|减少|降低|下滑|回落)了?(?:达到|达|为)?$"
)
_UP = frozenset({"上升", "增长", "增加", "提高", "提升", "上涨"})
_CLAUSE_BREAKS = frozenset('。，,；;：:！？!?、（）()“”"')
_SENTENCE_END = re.compile(r"[。！？；;!?]")
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
        """The change as plain JSON data."""
        return {"direction": self.direction, "basis": self.basis, "text": self.text}


@attrs.frozen
class Figure:
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
        """The figure as plain JSON data; numbers as strings, to keep every digit."""
        return {
            "value": str(self.value),
            "unit": self.unit,
            "number": str(self.number),
            "multiplier": self.multiplier,
            "qualifier": self.qualifier,
            "change": self.change.to_dict() if self.change is not None else None,
            "text": self.text,
            "context": self.context,
            "sentence": self.sentence,
            "location": self.location.to_dict(),
            "start": self.start,
            "end": self.end,
        }

    def __str__(self) -> str:
        qualifier = f" ({self.qualifier})" if self.qualifier else ""
        change = f" [{self.change.text}]" if self.change else ""
        return f"{self.location}: {self.value} {self.unit}{qualifier}{change}  {self.text}"


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    if "“" not in text and "「" not in text and '"' not in text and "‘" not in text:
        return []
    return [m.span() for m in _QUOTED.finditer(text)]


def _in_spans(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def _has_count_cue(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start]
    return any(before.endswith(cue) for cue in COUNT_CUES)


def _context(text: str, start: int) -> str:
    begin = start
    while begin > 0 and start - begin < _CONTEXT_MAX and text[begin - 1] not in _CLAUSE_BREAKS:
        begin -= 1
    return text[begin:start].strip()


def _sentence(text: str, start: int, end: int) -> str:
    begin = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        begin = m.end()
    after = _SENTENCE_END.search(text, end)
    stop = after.end() if after is not None else len(text)
    return text[begin:stop].strip()


def _value(number: Decimal, multiplier: int) -> Decimal:
    if multiplier == 1:
        return number
    value = number * multiplier
    # 1.1万 is 11000, not 11000.0: a multiplied count is written without a fraction
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def figures_in(text: str, location: Location | None = None) -> Iterator[Figure]:
    """The figures of one string, in order (see the module docs for what counts).

    Args:
        text: a sentence, a paragraph's text, a point's title or text.
        location: where the string is, given to each figure.
    """
    if not any("0" <= c <= "9" or c in _CN_DIGITS or "０" <= c <= "９" for c in text):
        return
    if location is None:
        location = Location()
    norm = text.translate(_NORMALISE)
    quoted = _quoted_spans(norm)
    position = 0
    while True:
        m = _FIGURE.search(norm, position)
        if m is None:
            return
        position = m.end()
        figure = _figure(norm, text, m, quoted, location)
        if figure is None:
            # retry just after the number's first character: "2024年12个" holds 12个
            position = m.start("ar" if m.group("ar") else "cn") + 1
            continue
        yield figure


def _figure(
    norm: str, text: str, m: re.Match[str], quoted: list[tuple[int, int]], location: Location
) -> Figure | None:
    arabic, chinese = m.group("ar"), m.group("cn")
    num_start = m.start("ar") if arabic else m.start("cn")
    before = norm[num_start - 1] if num_start > 0 else ""
    unit = m.group("unit")
    qualifier = m.group("pre") or m.group("post") or m.group("after")
    counted = _has_count_cue(norm, m.start())
    if before in _ORDINAL_BEFORE or norm[max(0, num_start - 2) : num_start] in _RANK_BEFORE:
        return None
    if arabic:
        if before in _GLUED_BEFORE:
            return None
        end = m.end()
        if end < len(norm) and (norm[end].isascii() and norm[end].isalnum()):
            return None
        if "," in arabic and not re.fullmatch(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?", arabic):
            return None
        number = Decimal(arabic.replace(",", ""))
        if unit in _TIME_UNITS and not (counted or m.group("post") or m.group("pre")):
            return None  # 2024年, 365天: a date or a name unless something counts it
    else:
        if not (counted or m.group("post")):
            return None  # 三级, 一窗: a name
        digits = chinese
        if before and before in _CN_DIGITS:
            return None
        try:
            number = Decimal(
                chinese_to_int(digits.replace("两", "二") if len(digits) > 1 else digits)
            )
        except ValueError:
            return None
    if _in_spans(quoted, num_start, m.end()):
        return None
    if unit == "%" and m.group("mult"):
        return None
    multiplier = MULTIPLIERS[m.group("mult")] if m.group("mult") else 1
    start, end = m.start(), m.end()
    change = None
    window = norm[max(0, start - _CHANGE_REACH) : start]
    found = _CHANGE.search(window)
    if found is not None:
        start -= len(window) - found.start()
        words = found.group()
        direction = "up" if found.group("dir") in _UP else "down"
        change = Change(direction, found.group("basis"), words)
    return Figure(
        value=_value(number, multiplier),
        unit=unit,
        number=number,
        multiplier=multiplier,
        qualifier=qualifier,
        change=change,
        text=text[start:end],
        context=_context(norm, start),
        sentence=_sentence(text, start, end),
        location=location,
        start=start,
        end=end,
    )


def _field_figures(field: TextField) -> Iterator[Figure]:
    return figures_in(field.text, field.location)


def find_figures(report: Report) -> list[Figure]:
    """Every figure a report states, in document order (`Report.figures` calls this).

    The title, headings, preamble, section bodies (paragraph text, point titles and texts)
    and closing are read; tables and page metadata are not.
    """
    found: list[Figure] = []
    for field in iter_texts(report):
        if field.kind == "title":
            continue  # a title states a year, never a quantity
        found.extend(_field_figures(field))
    return found
