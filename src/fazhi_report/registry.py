"""Registries of parsers and renderers, keyed by format name.

The library registers its own formats; other packages add theirs through the entry-point groups
``fazhi_report.parsers`` and ``fazhi_report.renderers`` (each entry point names a callable of the
signature below), or at run time with `register_parser` / `register_renderer`.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from importlib.metadata import entry_points
from typing import Protocol

from fazhi_report.errors import UnknownFormatError
from fazhi_report.model import Report

__all__ = [
    "Parser",
    "Renderer",
    "format_for_path",
    "get_parser",
    "get_renderer",
    "parser_formats",
    "register_parser",
    "register_renderer",
    "register_suffix",
    "renderer_formats",
]


class Parser(Protocol):
    """A parser: the text (or bytes, for binary formats) of a document to a report."""

    def __call__(self, data: str | bytes, *, source: str) -> Report: ...


class Renderer(Protocol):
    """A renderer: a report to the text (or bytes, for binary formats) of a document.

    ``style`` is ``None`` for the format's default style; ``templates`` is a folder of user
    templates searched before the shipped ones; ``sandboxed`` runs templates in Jinja's sandbox.
    A renderer without templates ignores the last two.
    """

    def __call__(
        self,
        report: Report,
        *,
        style: str | None,
        templates: str | os.PathLike[str] | None,
        sandboxed: bool,
    ) -> str | bytes: ...


_SUFFIXES = {".txt": "text", ".text": "text", ".json": "json"}
_PARSERS: dict[str, Parser] = {}
_RENDERERS: dict[str, Renderer] = {}


def register_parser(name: str, parser: Parser) -> None:
    """Register ``parser`` for format ``name``, replacing any parser of that name."""
    _PARSERS[name] = parser


def register_renderer(name: str, renderer: Renderer) -> None:
    """Register ``renderer`` for format ``name``, replacing any renderer of that name."""
    _RENDERERS[name] = renderer


@functools.cache
def _load_entry_points() -> None:
    for group, table in (
        ("fazhi_report.parsers", _PARSERS),
        ("fazhi_report.renderers", _RENDERERS),
    ):
        for ep in entry_points(group=group):
            if ep.name not in table:
                table[ep.name] = ep.load()


def _lookup(table: Mapping[str, object], name: str, kind: str) -> None:
    if name not in table:
        _load_entry_points()
    if name not in table:
        known = ", ".join(sorted(table)) or "none"
        raise UnknownFormatError(f"no {kind} for format {name!r}", expected=f"one of: {known}")


def get_parser(name: str) -> Parser:
    """The parser registered for format ``name``.

    Raises:
        UnknownFormatError: no parser has that name.
    """
    _lookup(_PARSERS, name, "parser")
    return _PARSERS[name]


def get_renderer(name: str) -> Renderer:
    """The renderer registered for format ``name``.

    Raises:
        UnknownFormatError: no renderer has that name.
    """
    _lookup(_RENDERERS, name, "renderer")
    return _RENDERERS[name]


def register_suffix(suffix: str, name: str) -> None:
    """Make files ending in ``suffix`` (e.g. ``".xlsx"``) default to format ``name``."""
    _SUFFIXES[suffix.lower()] = name


def format_for_path(path: str | os.PathLike[str]) -> str:
    """The format a file's suffix names.

    Raises:
        UnknownFormatError: the suffix names no known format.
    """
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    if suffix not in _SUFFIXES:
        known = ", ".join(sorted(_SUFFIXES))
        raise UnknownFormatError(
            f"cannot tell the format from the suffix {suffix or '(none)'!r}",
            source=os.fspath(path),
            expected=f"a file ending in one of {known}, or an explicit format",
        )
    return _SUFFIXES[suffix]


def parser_formats() -> list[str]:
    """The names of all formats that can be parsed."""
    _load_entry_points()
    return sorted(_PARSERS)


def renderer_formats() -> list[str]:
    """The names of all formats that can be rendered."""
    _load_entry_points()
    return sorted(_RENDERERS)
