"""Word's automatic numbering: the marker Word draws before each numbered paragraph.

``word/numbering.xml`` holds abstract lists (``w:abstractNum``: a format, a template and a
start value for each of up to nine levels) and instances of them (``w:num``), which paragraphs
name by ``w:numId``. Word counts the way ECMA-376 §17.9 and Microsoft's notes on it
([MS-OI29500] 2.1.282) describe:

- counters belong to the abstract list: every instance of it continues one count, so a list
  interrupted by other paragraphs, or taken up again through another instance, goes on;
- an instance with ``w:lvlOverride/w:startOverride`` restarts that level at the override's
  value the first time a paragraph of that instance reaches the level: this is how Word's
  "Restart at 一" makes （一）（二）… start again under each level-1 heading;
- using a level restarts the levels below it, unless such a level's ``w:lvlRestart`` says
  otherwise (``0``: never; ``n``: only when level *n* or one above it is used);
- ``w:numStyleLink`` makes an abstract list stand for the one a numbering style names;
- the template (``w:lvlText``, ``"（%2）"``) has ``%1``…``%9`` replaced by each level's count in
  that level's format (``w:numFmt``: ``chineseCounting`` 一二三, ``decimal`` 1 2 3,
  ``ideographTraditional`` 甲乙丙…); ``w:isLgl`` shows the levels above in digits.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from fazhi_report.numbering import int_to_chinese
from fazhi_report.parsers.docx.names import child, to_int, w

__all__ = ["FORMATS", "Level", "Numbering", "draw"]

_VAL = w("val")


def _chinese(number: int) -> str:
    return int_to_chinese(number) if 0 < number < 10000 else str(number)


_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
    (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
_FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
_IDEOGRAPH_DIGITS = str.maketrans("0123456789", "〇一二三四五六七八九")
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


def _roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out) or str(number)


def _letters(number: int) -> str:
    if number < 1:
        return str(number)
    return chr(ord("A") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def _cycle(symbols: str) -> Callable[[int], str]:
    return lambda n: symbols[(n - 1) % len(symbols)] if n > 0 else str(n)


def _enclosed(first: int, last: int) -> Callable[[int], str]:
    # ①…⑳ and their kin exist for 1 to 20 only; Word writes larger numbers as digits
    return lambda n: chr(first + n - 1) if 1 <= n <= last else str(n)


def _legal(number: int) -> str:
    """壹贰叁…: the financial numerals of ``chineseLegalSimplified``, for 1 to 99."""
    if not 0 < number < 100:
        return str(number)
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("拾" if tens == 1 else _LEGAL[tens] + "拾")
    return head + (_LEGAL[ones] if ones else "")


FORMATS: Mapping[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(_FULL_DIGITS),
    "decimalFullWidth2": lambda n: str(n).translate(_FULL_DIGITS),
    "decimalHalfWidth": str,
    "decimalEnclosedCircle": _enclosed(0x2460, 20),
    "decimalEnclosedCircleChinese": _enclosed(0x2460, 20),
    "decimalEnclosedParen": _enclosed(0x2474, 20),
    "decimalEnclosedFullstop": _enclosed(0x2488, 20),
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "japaneseCounting": _chinese,
    "taiwaneseCounting": _chinese,
    "taiwaneseCountingThousand": _chinese,
    "ideographDigital": lambda n: str(n).translate(_IDEOGRAPH_DIGITS),
    "taiwaneseDigital": lambda n: str(n).translate(_IDEOGRAPH_DIGITS),
    "chineseLegalSimplified": _legal,
    "ideographTraditional": _cycle(_STEMS),
    "ideographZodiac": _cycle(_BRANCHES),
    "upperLetter": _letters,
    "lowerLetter": lambda n: _letters(n).lower(),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
}
"""How each ``w:numFmt`` writes a count; a format not listed is written in digits, as Word
falls back to ``decimal``. ``none`` writes nothing and ``bullet`` is no number at all."""


@attrs.define(eq=False)
class Level:
    """One level of a list: its format, template, start value and restart rule.

    Attributes:
        fmt: the ``w:numFmt`` value (``"chineseCounting"``, ``"decimal"``, ``"bullet"``…).
        text: the ``w:lvlText`` template (``"（%2）"``).
        start: the ``w:start`` value.
        restart: the ``w:lvlRestart`` value, or ``None`` when absent.
        legal: ``w:isLgl``: the levels above are shown in digits.
        style: the paragraph style the level is linked to (``w:pStyle``), or ``""``.
    """

    fmt: str = "decimal"
    text: str = ""
    start: int = 1
    restart: int | None = None
    legal: bool = False
    style: str = ""

    @classmethod
    def read(cls, lvl: Any) -> Level:
        """The level a ``w:lvl`` element defines."""
        values: dict[str, str | None] = {}
        for part in lvl:
            tag = part.tag
            if isinstance(tag, str) and tag.startswith("{"):
                values[tag.rsplit("}", 1)[1]] = part.get(_VAL)
        restart = values.get("lvlRestart")
        return cls(
            values.get("numFmt") or "decimal",
            values.get("lvlText") or "",
            to_int(values.get("start"), 0 if values.get("numFmt") == "none" else 1),
            None if restart is None else to_int(restart, -1),
            "isLgl" in values and values["isLgl"] not in ("0", "false", "off"),
            values.get("pStyle") or "",
        )


def draw(levels: Mapping[int, Level], counts: Mapping[int, int], ilvl: int) -> str | None:
    """The marker level ``ilvl``'s template draws with these counts, or ``None`` for none.

    A level above ``ilvl`` that has no count yet shows its start value, as Word does.
    """
    level = levels.get(ilvl)
    if level is None or level.fmt == "bullet":
        return None
    text = level.text
    if "%" in text:
        for k in range(9):
            if f"%{k + 1}" not in text:
                continue
            above = levels.get(k)
            if above is None:
                shown = ""
            else:
                value = counts.get(k, above.start)
                fmt = "decimal" if level.legal and k < ilvl else above.fmt
                shown = "" if fmt == "none" else FORMATS.get(fmt, str)(value)
            text = text.replace(f"%{k + 1}", shown)
    return text or None


class _Instance:
    __slots__ = ("abstract", "levels", "starts")

    def __init__(self, abstract: str, starts: dict[int, int], levels: dict[int, Level]) -> None:
        self.abstract = abstract
        self.starts = starts  # w:startOverride per level
        self.levels = levels  # w:lvlOverride/w:lvl per level


class Numbering:
    """The numbering of one document, counted paragraph by paragraph as Word counts it.

    Args:
        root: the root of ``word/numbering.xml``, or ``None`` for a document without it.
        styles: the numbering styles of ``word/styles.xml`` (style id → the ``w:numId`` its
            ``w:numPr`` names), which ``w:numStyleLink`` refers to.
    """

    def __init__(self, root: Any, styles: Mapping[str, str] | None = None) -> None:
        self.abstract: dict[str, dict[int, Level]] = {}
        self.links: dict[str, str] = {}  # abstract id -> the numbering style it stands for
        self.nums: dict[str, _Instance] = {}
        self.styles = styles or {}
        self.counters: dict[str, dict[int, int]] = {}
        self.entered: set[tuple[str, int]] = set()
        if root is None:
            return
        for abstract in root.iterchildren(w("abstractNum")):
            key = abstract.get(w("abstractNumId"), "")
            self.abstract[key] = {
                to_int(lvl.get(w("ilvl")), 0): Level.read(lvl)
                for lvl in abstract.iterchildren(w("lvl"))
            }
            link = child(abstract, w("numStyleLink"))
            if link is not None:
                self.links[key] = link.get(_VAL, "")
        for num in root.iterchildren(w("num")):
            ref = child(num, w("abstractNumId"))
            starts: dict[int, int] = {}
            levels: dict[int, Level] = {}
            for override in num.iterchildren(w("lvlOverride")):
                ilvl = to_int(override.get(w("ilvl")), 0)
                start = child(override, w("startOverride"))
                if start is not None:
                    starts[ilvl] = to_int(start.get(_VAL), 1)
                lvl = child(override, w("lvl"))
                if lvl is not None:
                    levels[ilvl] = Level.read(lvl)
            self.nums[num.get(w("numId"), "")] = _Instance(
                ref.get(_VAL, "") if ref is not None else "", starts, levels
            )

    def _abstract_of(self, num_id: str) -> str | None:
        """The abstract list an instance counts in, through numbering-style links."""
        instance = self.nums.get(num_id)
        if instance is None:
            return None
        key = instance.abstract
        for _ in range(8):  # a link to a link… (a loop in a damaged file ends here)
            style = self.links.get(key)
            target = self.nums.get(self.styles.get(style, "")) if style else None
            if target is None or target.abstract == key:
                break
            key = target.abstract
        return key if key in self.abstract else None

    def level_of_style(self, num_id: str, style_id: str) -> int:
        """The level of list ``num_id`` linked to paragraph style ``style_id`` (0 if none)."""
        key = self._abstract_of(num_id)
        for ilvl, level in self.abstract.get(key or "", {}).items():
            if level.style == style_id:
                return ilvl
        return 0

    def marker(self, num_id: str, ilvl: int) -> str | None:
        """Count the next paragraph of list ``num_id`` at level ``ilvl``; the marker it draws.

        ``None`` for a paragraph that draws no number (no such list or level, a bullet, an
        empty template). Numbering id ``"0"`` means no numbering.
        """
        key = self._abstract_of(num_id)
        if key is None or not 0 <= ilvl < 9:
            return None
        instance = self.nums[num_id]
        levels = {**self.abstract[key], **instance.levels}
        level = levels.get(ilvl)
        if level is None:
            return None
        counts = self.counters.setdefault(key, {})
        if (num_id, ilvl) not in self.entered:
            self.entered.add((num_id, ilvl))
            if ilvl in instance.starts:
                counts.pop(ilvl, None)  # the instance restarts this level
        start = instance.starts.get(ilvl, level.start)
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else start
        for deeper in [k for k in counts if k > ilvl]:
            # Word: a level restarts when its restart level or any level above it is used;
            # lvlRestart is read from the abstract list (Word ignores it in an override)
            below = self.abstract[key].get(deeper)
            restart = below.restart if below is not None else None
            if restart is None or not 0 <= restart <= deeper:
                restart = deeper  # absent (or naming a level not above): any level above
            if restart != 0 and ilvl < restart:
                del counts[deeper]
        return draw(levels, counts, ilvl)
