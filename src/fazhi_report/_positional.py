"""The one speed-only device of the model: constructors that take every field positionally.

A frozen attrs class sets each field through ``object.__setattr__``, and the model's nodes
check every field; a parser builds one record and one node per paragraph, heading and point,
all valid by construction, so it uses a maker from `positional_maker` instead. A maker takes
the fields in `attrs.fields` order, so it is only right while those fields stay as they were
when it was made: each maker records them (`PositionalMaker.fields`), every maker is listed
in `MAKERS`, and tests/test_positional.py fails when a class's fields no longer match.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

import attrs

__all__ = ["MAKERS", "PositionalMaker", "positional_maker"]

_R = TypeVar("_R")


@attrs.frozen
class PositionalMaker(Generic[_R]):
    """A maker for one class, with the field names (in order) it was generated for.

    Attributes:
        cls: the class it makes.
        fields: the names of ``cls``'s attrs fields, in the order the maker takes them.
        make: the generated function: ``make(*values)`` in `fields` order.
    """

    cls: type[_R]
    fields: tuple[str, ...]
    make: Callable[..., _R]


MAKERS: list[PositionalMaker[Any]] = []
"""Every maker made so far, for the test that checks them against the classes' fields."""


def positional_maker(cls: type[_R]) -> Callable[..., _R]:
    """A fast constructor for a slotted attrs class, taking every field positionally.

    The maker takes the fields in `attrs.fields` order (base fields first) and sets the slots
    directly, bypassing ``__init__``, validators and ``on_setattr`` hooks: only for values
    known to be valid.

    Args:
        cls: a slotted attrs class (a layout record, or a model node).
    """
    names = tuple(a.name for a in attrs.fields(cls))  # type: ignore[arg-type]
    scope: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    body = []
    for k, name in enumerate(names):
        scope[f"_set{k}"] = getattr(cls, name).__set__  # the slot's descriptor
        body.append(f"    _set{k}(o, {name})\n")
    # the helpers are bound as defaults: local names, not global look-ups, on every call
    bound = ", ".join(f"{key}={key}" for key in scope)
    source = (
        f"def make({', '.join(names)}, *, {bound}):\n    o = _new(_cls)\n{''.join(body)}"
        "    return o\n"
    )
    exec(source, scope)  # the source is built from attrs field names only
    maker: Callable[..., _R] = scope["make"]
    maker.__qualname__ = f"positional_maker({cls.__name__})"
    MAKERS.append(PositionalMaker(cls, names, maker))
    return maker
