"""The positional makers (`fazhi_report._positional`) against the classes they make.

A maker takes every field by position, so a field added, removed or reordered under it
would silently put values in the wrong slots: these tests fail first.
"""

from __future__ import annotations

from typing import Any

import attrs

import fazhi_report as fr
import fazhi_report.parsers.builder
import fazhi_report.parsers.classify
import fazhi_report.parsers.facts
import fazhi_report.parsers.tree
from fazhi_report._positional import MAKERS

from .conftest import EXAMPLES


def test_every_maker_matches_its_class_fields_now() -> None:
    assert MAKERS, "the parser makes its makers on import"
    for maker in MAKERS:
        now = tuple(a.name for a in attrs.fields(maker.cls))
        assert maker.fields == now, f"{maker.cls.__name__}: made for {maker.fields}, now {now}"


def _instances(value: Any, found: dict[type, list[Any]]) -> None:
    if attrs.has(type(value)):
        found.setdefault(type(value), []).append(value)
        for field in attrs.fields(type(value)):
            _instances(getattr(value, field.name), found)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _instances(item, found)


def test_a_maker_builds_what_the_constructor_builds() -> None:
    found: dict[type, list[Any]] = {}
    _instances(fr.load(EXAMPLES / "sample_report.txt"), found)
    checked = set()
    for maker in MAKERS:
        for value in found.get(maker.cls, [])[:50]:
            fields = attrs.fields(maker.cls)
            made = maker.make(*(getattr(value, f.name) for f in fields))
            built = maker.cls(**{f.alias: getattr(value, f.name) for f in fields if f.init})
            assert made == built == value
            checked.add(maker.cls.__name__)
    assert {"Report", "Section", "Paragraph", "Point"} <= checked, checked
