"""House hints: the forms of a house style, as plain data the structure builder reads.

A user who renders with a template folder of their own writes headings ``第一部分　…`` or
``【一】…``; `fazhi_report.house` compiles such a folder into a `HouseHints` record (how each
heading level and the point marker are written, the paragraph indent), and the builder reads
any reader's lines with it: a line that opens with a house marker gets the marker as a hint
(`fazhi_report.parsers.lines.Hints.marker`), and a house point marker replaces ``一是`` in the
point pass. The record is data: nothing here runs a template or knows where the forms came from.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

import attrs

from fazhi_report.numbering import Marker, chinese_to_int, int_to_chinese, match_marker
from fazhi_report.parsers.lines import Hints, Line

__all__ = ["NUMERALS", "HouseHints", "MarkerForm", "Numeral"]

_FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def _full_width(number: int) -> str:
    return str(number).translate(_FULL_DIGITS)


class Numeral(NamedTuple):
    """One way a house marker writes its number (1 to 99).

    Attributes:
        name: ``"chinese"``, ``"arabic"`` or ``"full-width"``.
        write: the number written this way.
        pattern: a regular expression matching the numbers 1 to 99 written this way.
    """

    name: str
    write: Callable[[int], str]
    pattern: str


NUMERALS = (
    Numeral(
        "chinese",
        int_to_chinese,
        "十[一二三四五六七八九]?|[一二三四五六七八九](?:十[一二三四五六七八九]?)?",
    ),
    Numeral("arabic", str, "[1-9][0-9]?"),
    Numeral("full-width", _full_width, "[１-９][０-９]?"),
)
"""The ways a heading or point number can be written, as `fazhi_report.numbering` reads them."""
_NUMERAL_BY_NAME = {numeral.name: numeral for numeral in NUMERALS}


class MarkerForm(NamedTuple):
    """How a house style writes the marker of one heading level, or of a point.

    Attributes:
        level: the heading level, 1 to 4; 0 for the point marker.
        before: the words or brackets before the number (``"第"``, ``"【"``).
        numeral: how the number is written: ``"chinese"``, ``"arabic"`` or ``"full-width"``.
        after: the words or brackets after the number (``"部分"``, ``"】"``, ``"是"``), without
            the spaces between a heading marker and its heading.
        gap: the spaces the style writes between the marker and the heading (``"　"``).
    """

    level: int
    before: str
    numeral: str
    after: str
    gap: str

    def write(self, number: int) -> str:
        """The marker of heading ``number`` in this form, without the spaces after it."""
        return self.before + _NUMERAL_BY_NAME[self.numeral].write(number) + self.after

    def pattern(self) -> str:
        """A regular expression matching the marker at the start of a line (group 1: numeral).

        A marker written with nothing after its number but its gap needs the gap: ``第三``
        followed by a space is a heading, ``第三方评估`` is not, and neither is a table row
        ``3<tab>…`` (a tab is no space the style writes).
        """
        numeral = _NUMERAL_BY_NAME[self.numeral].pattern
        space = f"(?={re.escape(self.gap[:1])})" if not self.after and self.gap else ""
        return f"{re.escape(self.before)}({numeral}){re.escape(self.after)}{space}"

    def is_official(self) -> bool:
        """Whether this is the official form of its level (``一、``, ``（一）``, ``1.``,
        ``（1）``, the point's ``一是``), which the builder reads without a hint."""
        return (self.level, self.before, self.numeral, self.after) in _OFFICIAL


_OFFICIAL = {
    (0, "", "chinese", "是"),
    (1, "", "chinese", "、"),
    (2, "（", "chinese", "）"),
    (3, "", "arabic", "."),
    (4, "（", "arabic", "）"),
}
OFFICIAL_POINT = MarkerForm(0, "", "chinese", "是", "")


def _forms(forms: Iterable[MarkerForm]) -> tuple[MarkerForm, ...]:
    return tuple(forms)


def _alternation(forms: tuple[MarkerForm, ...]) -> re.Pattern[str] | None:
    # one alternation, one match() a line; the group index gives the form
    own = [f for f in forms if not f.is_official()]
    return re.compile("|".join(f"(?:{f.pattern()})" for f in own)) if own else None


@attrs.frozen(repr=False)
class HouseHints:
    """The forms of one house style: what the builder needs to read text written in it.

    Made by `fazhi_report.house.house_style` from a template folder (or in code), handed to
    `fazhi_report.parsers.read` (``hints=``) with any reader's lines.

    Attributes:
        forms: the heading form of each level, 1 to 4 (official ones included).
        indent: the indent the style writes before a paragraph; with none, nothing tells
            where a paragraph starts, so every line with text starts one.
        point: the point marker's form (``一是`` in the official form).
        folder: the template folder the forms were compiled from, if any (for messages).
        sandboxed: whether that folder's templates were compiled in the sandbox.
    """

    forms: tuple[MarkerForm, ...] = attrs.field(converter=_forms)
    indent: str = "　　"
    point: MarkerForm = OFFICIAL_POINT
    folder: str | None = None
    sandboxed: bool = False
    _levels: tuple[int, ...] = attrs.field(init=False, eq=False)
    _match: re.Pattern[str] | None = attrs.field(init=False, eq=False)
    _point: re.Pattern[str] | None = attrs.field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        # derived once: the builder asks them of every line
        own = tuple(f.level for f in self.forms if not f.is_official())
        object.__setattr__(self, "_levels", own)
        object.__setattr__(self, "_match", _alternation(self.forms))
        point = None if self.point.is_official() else re.compile(self.point.pattern())
        object.__setattr__(self, "_point", point)

    @property
    def point_form(self) -> re.Pattern[str] | None:
        """The point marker the builder's point pass reads (group 1 its numeral); ``None``
        for the official ``一是``."""
        return self._point

    def marker(self, text: str) -> Marker | None:
        """The house marker at the start of ``text`` (a line without its indent), if any."""
        if self._match is None:
            return None
        m = self._match.match(text)
        if m is None:
            return None
        index = m.lastindex
        assert index is not None  # each alternative has exactly one group
        return Marker(self._levels[index - 1], chinese_to_int(m.group(index)), m.group())

    def read(self, text: str) -> Marker | None:
        """The marker the builder reads at the start of ``text``: the house one, else official."""
        found = self.marker(text)
        return found if found is not None else match_marker(text)

    def mark(self, lines: Sequence[Line]) -> None:
        """Give lines the hints the builder needs to read the house form.

        A line that opens with a house marker gets it as `Hints.marker`; other hints a reader
        gave are kept. With no paragraph indent, every other line with text starts a paragraph.
        """
        match = self._match.match if self._match is not None else None
        each = None if self.indent else Hints(new_paragraph=True)
        for line in lines:
            text = line.text
            if not text:
                continue
            m = match(text) if match is not None else None
            if m is None:
                if each is not None and line.hints is None:
                    line.hints = each  # shared: the builder never changes hints
                continue
            index = m.lastindex
            assert index is not None
            found = Marker(self._levels[index - 1], chinese_to_int(m.group(index)), m.group())
            h = line.hints
            # a new record: a reader may share one Hints between lines
            line.hints = (
                Hints(marker=found)
                if h is None
                else Hints(h.is_title, h.level, h.list_marker, h.new_paragraph, h.cells, found)
            )

    def __repr__(self) -> str:
        mode = ", sandboxed=True" if self.sandboxed else ""
        return f"HouseHints({self.folder!r}{mode})"
