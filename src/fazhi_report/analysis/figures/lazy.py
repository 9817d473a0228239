"""The speed-only device of figures: `Figure.value`, `number`, `context` and `sentence` made on
first read.

A search over a whole report makes thousands of candidate figures; most callers look at units
and places only. So a figure found in a report is made without those four fields: its
`LazyFields` slot keeps what they are made from (the text shared by the report's figures, the
digits, the multiplier and offsets), and the first read of any of them makes all four and lets
go of the text. Equality, ``repr``, ``to_dict`` and pickling read them as usual.

Everything that knows of this lives here: the field names (`LAZY_FIELDS`), the base class
whose ``__getattr__`` makes them, and the constructor that sets the other slots directly.
`tests/test_analysis_figures.py` fails if `Figure`'s fields change under it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

__all__ = ["LAZY_FIELDS", "LazyFields", "SharedText", "lazy_maker"]

LAZY_FIELDS = frozenset({"value", "number", "context", "sentence"})
"""The fields of a figure made on first read."""

EAGER_FIELDS = ("unit", "multiplier", "qualifier", "change", "text", "location", "start", "end")
"""The fields `lazy_maker`'s constructor sets, in its argument order."""

_CONTEXT_MAX = 20

_F = TypeVar("_F")


# A clause ends at one of these; a sentence at one of those. Neither holds a character
# `normalise` changes, so both stand at the same offsets in a text and its normalised form.
_CLAUSE_BREAK = re.compile('[。，,；;：:！？!?、（）()“”"\n]')
_SENTENCE_BREAK = re.compile("[。！？；;!?\n]")


class SharedText:
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


def figure_value(number: Decimal, multiplier: int) -> Decimal:
    if multiplier == 1:
        return number
    value = number * multiplier
    # 1.1万 is 11000, not 11000.0: a multiplied count is written without a fraction
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


# What a figure's lazy fields are made from: the shared text, the number (its digits, or
# its value for a Chinese numeral), the multiplier, and where the figure and its string
# start in the joined text, and where the figure ends.
PendingFields = tuple[SharedText, str | int, int, int, int, int]


class LazyFields:
    """The base of `fazhi_report.analysis.figures.Figure`: the slot a figure keeps what its
    lazily made fields are made from, until they are, and the hook that makes them."""

    __slots__ = ("_pending",)

    if not TYPE_CHECKING:  # hidden from type checkers: a typo must stay an error there

        def __getattr__(self, name: str) -> Any:
            # Python calls this only for an unset slot: a lazy field not made yet
            if name in LAZY_FIELDS:
                try:
                    pending = object.__getattribute__(self, "_pending")
                except AttributeError:
                    pass
                else:
                    _resolve(self, pending)
                    return object.__getattribute__(self, name)
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")


_DEL_PENDING = LazyFields._pending.__delete__  # type: ignore[attr-defined]


_SETTERS: dict[type, tuple[Callable[[Any, Any], None], ...]] = {}


def _setters(cls: type) -> tuple[Callable[[Any, Any], None], ...]:
    """The slot setters of the lazy fields of ``cls``: number, value, context, sentence."""
    found = _SETTERS.get(cls)
    if found is None:
        names = ("number", "value", "context", "sentence")
        found = _SETTERS[cls] = tuple(getattr(cls, name).__set__ for name in names)
    return found


def _resolve(figure: LazyFields, pending: PendingFields) -> None:
    """Make the lazy fields of ``figure`` (all four at once) and let go of the text."""
    set_number, set_value, set_context, set_sentence = _setters(type(figure))
    shared, digits, multiplier, start, end, begin = pending
    number = Decimal(digits)
    set_number(figure, number)
    set_value(figure, figure_value(number, multiplier))
    set_context(figure, shared.context(begin, start))
    set_sentence(figure, shared.sentence(start, end))
    _DEL_PENDING(figure)


def lazy_maker(cls: type[_F]) -> Callable[..., _F]:
    """A constructor of ``cls`` (a `LazyFields` subclass) whose lazy fields wait: it takes the
    `EAGER_FIELDS` by position, then the `PendingFields`, and sets the slots directly, as
    `fazhi_report.layout.positional_maker` does."""
    new = object.__new__
    s_unit, s_mult, s_qual, s_change, s_text, s_loc, set_start, set_end = (
        getattr(cls, name).__set__ for name in EAGER_FIELDS
    )
    set_pending = LazyFields._pending.__set__  # type: ignore[attr-defined]

    def make(
        unit: str,
        multiplier: int,
        qualifier: str | None,
        change: object,
        text: str,
        location: object,
        start: int,
        end: int,
        pending: PendingFields,
    ) -> _F:
        figure: _F = new(cls)
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
