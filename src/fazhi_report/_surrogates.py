"""Lone surrogates: code points a Python ``str`` can hold and no file can.

A ``str`` may hold a lone surrogate (U+D800 to U+DFFF, not one of a pair): ``"\\ud800"`` typed
in code, a JSON ``"\\ud800"`` escape, a file name decoded with ``errors="surrogateescape"``. It
is no character: no encoding writes it. The library's rule is that such code points never
pass its edges:

- a reader given a ``str`` that holds one raises `fazhi_report.errors.DecodeError` naming the
  source and the line (bytes never decode to one); `fazhi_report.from_dict` and ``from_json``
  raise `fazhi_report.errors.DataError` naming the path;
- a renderer given a report that holds one (built or edited in code) raises
  `fazhi_report.errors.DataError` naming the node, e.g. ``sections[0].body[1].text``, and
  `fazhi_report.save` names the file too.

The model itself holds any ``str``, as it holds control characters a Word file cannot: it is
checked where it is written, once for the whole text.
"""

from __future__ import annotations

from typing import Any

import attrs

from fazhi_report.errors import DataError, DecodeError

__all__ = ["check_input", "check_output", "find", "node_path"]

_WHAT = "a lone surrogate (U+{:04X}), which is no character: no file can hold it"
_EXPECTED = "text of Unicode characters"


def find(text: str) -> int:
    """The index of the first lone surrogate in ``text``, or -1.

    Encoding to UTF-16 fails at the first lone surrogate and is several times faster than a
    regular expression over the text (a pair of surrogates in a ``str`` is two lone ones:
    Python keeps a character above U+FFFF as one code point).
    """
    if text.isascii():  # O(1): CPython knows
        return -1
    try:
        text.encode("utf-16-le")
    except UnicodeEncodeError as exc:
        return exc.start
    return -1


def check_input(text: str, source: str) -> None:
    """Refuse a document's text that holds a lone surrogate.

    Raises:
        DecodeError: naming ``source``, the line and the code point.
    """
    at = find(text)
    if at >= 0:
        raise DecodeError(
            "the text holds " + _WHAT.format(ord(text[at])),
            source=source,
            line=text.count("\n", 0, at) + 1,
            expected=_EXPECTED,
        )


def check_output(text: str, report: Any, what: str) -> None:
    """Refuse to give out rendered ``text`` that holds a lone surrogate.

    Args:
        text: what a renderer wrote.
        report: the report it was written from: the error names the node that holds it.
        what: the format, for the message (``"docx"``).

    Raises:
        DataError: naming the node (its path, as `fazhi_report.validate` writes paths) or,
            when no node holds it (a template wrote it), the line of the output.
    """
    at = find(text)
    if at < 0:
        return
    code = ord(text[at])
    path = node_path(report)
    if path is not None:
        raise DataError(
            f"{path} holds " + _WHAT.format(code) + f"; the report cannot be written as {what}",
            expected=_EXPECTED,
        )
    raise DataError(
        f"the {what} output holds " + _WHAT.format(code) + " at line "
        f"{text.count(chr(10), 0, at) + 1}, from the templates (no node of the report holds it)",
        expected=_EXPECTED,
    )


def node_path(node: Any, path: str = "") -> str | None:
    """The path of the first string inside ``node`` that holds a lone surrogate, or ``None``.

    Content comes before layout (each node's ``layout`` is its last field), so the path names
    what a user wrote when it can: ``"sections[0].heading"``, ``"preamble[1].rows[0][2]"``,
    ``"sections[2].layout.marker"``.
    """
    if isinstance(node, str):
        return path if find(node) >= 0 else None
    if isinstance(node, (list, tuple)):
        for i, item in enumerate(node):
            found = node_path(item, f"{path}[{i}]")
            if found is not None:
                return found
        return None
    if isinstance(node, dict):
        for key, item in node.items():
            found = node_path(key, f"{path}[{key!r}]") or node_path(item, f"{path}[{key!r}]")
            if found is not None:
                return found
        return None
    if attrs.has(type(node)):
        for field in attrs.fields(type(node)):
            found = node_path(getattr(node, field.name), f"{path}.{field.name}".lstrip("."))
            if found is not None:
                return found
    return None
