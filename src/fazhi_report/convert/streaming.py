"""JSON written node by node, for the indented form of `fazhi_report.convert.to_json`."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from typing import Any

import attrs
import cattrs
import cattrs.gen

from fazhi_report.convert.converter import DATA_VERSION
from fazhi_report.model import (
    Paragraph,
    Point,
    Report,
    Section,
    SectionRole,
    Table,
)

__all__: list[str] = []

_JOIN_EVERY = 4096  # pieces gathered before they are joined into one


class JsonWriter:
    """``json.dumps(to_dict(report), ensure_ascii=False, indent=indent)``, written node by node.

    The dict of a whole report and the pieces ``json.dumps`` makes of it with an indent (its
    C encoder takes no indent) cost twenty times the JSON text for a report of a million
    one-line headings. Here the report, its sections and paragraphs are written as their
    fields are reached, each other value through the same converter as `to_dict` and then
    ``json.dumps``, indented to its place; the pieces are joined as they come.
    """

    __slots__ = ("_keys", "_pads", "conv", "encoder", "indent", "layout", "parts", "pieces")

    def __init__(self, conv: cattrs.Converter, layout: bool, indent: int) -> None:
        self.conv = conv
        self.layout = layout
        self.indent = indent
        self.pieces: list[str] = []
        self.parts: list[str] = []
        self.encoder = json.JSONEncoder(ensure_ascii=False, indent=indent)
        self._pads = ["\n"]  # the line break and indent of each level
        self._keys: dict[tuple[type, int], list[tuple[str | None, str]]] = {}

    def write(self, piece: str) -> None:
        self.pieces.append(piece)

    def text(self) -> str:
        self.parts.append("".join(self.pieces))
        self.pieces.clear()
        return "".join(self.parts)

    def node(self, node: Any, level: int) -> None:
        keys = self._keys.get((type(node), level))
        if keys is None:
            keys = self._make_keys(type(node), level)
        pieces = self.pieces
        write, value = pieces.append, self.value
        for name, key in keys:
            write(key)
            if name is not None:
                value(getattr(node, name), level + 1)
        write(self._pads[level] + "}")
        if len(pieces) >= _JOIN_EVERY:
            self.parts.append("".join(pieces))
            pieces.clear()

    def _make_keys(self, cls: type, level: int) -> list[tuple[str | None, str]]:
        """What a node of ``cls`` at ``level`` writes before each field's value: the brace or
        comma, the line break and indent, the key (``None`` as the name: the version, whole)."""
        while len(self._pads) <= level + 1:
            self._pads.append("\n" + " " * (self.indent * len(self._pads)))
        pad = self._pads[level + 1]
        keys: list[tuple[str | None, str]] = []
        if cls is Report:
            keys.append((None, "{" + pad + f'"version": {DATA_VERSION}'))
        for attribute in attrs.fields(cls):
            name = attribute.name
            if name != "layout" or self.layout:
                keys.append((name, ("," if keys else "{") + pad + f'"{name}": '))
        self._keys[cls, level] = keys
        return keys

    def value(self, value: Any, level: int) -> None:
        kind = type(value)
        if kind is str:
            self.pieces.append(_encode_str(value))
        elif kind in _STREAMED:
            self.node(value, level)
        elif kind is list and not value:
            self.pieces.append("[]")
        elif kind is list and type(value[0]) in _ITEMS:
            while len(self._pads) <= level + 1:
                self._pads.append("\n" + " " * (self.indent * len(self._pads)))
            pad = self._pads[level + 1]
            write = self.pieces.append
            write("[" + pad)
            self.value(value[0], level + 1)
            for item in itertools.islice(value, 1, None):
                write("," + pad)
                self.value(item, level + 1)
            write(self._pads[level] + "]")
        else:
            if kind is int:
                self.write(int.__repr__(value))
            elif value is None or kind is bool:
                self.write(_CONSTANTS[value])
            elif kind is SectionRole:
                self.write(_encode_str(value.value))
            else:
                text = self.encoder.encode(self.conv.unstructure(value))
                # a JSON string holds no raw line break: each one is the indentation's
                self.write(text.replace("\n", self._pads[level]))


# ``json.dumps`` of the plain values, as its encoder writes them (non-ASCII kept)
_encode_str: Callable[[str], str] = json.encoder.encode_basestring
_CONSTANTS = {None: "null", True: "true", False: "false"}

# What `JsonWriter` writes field by field (the rest goes whole through the converter), and
# the items of the lists it writes item by item.
_STREAMED = frozenset({Report, Section, Paragraph})
_ITEMS = frozenset({Section, Paragraph, Table, Point})
