"""The DOCX renderer's options, checked: fonts (a preset or a mapping) and the signature layout."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal, get_args

from fazhi_report._surrogates import find as find_surrogate
from fazhi_report.errors import DataError, OptionError
from fazhi_report.renderers.docx.fonts import DEFAULT_FONTS, PRESETS

__all__ = ["SignatureLayoutName", "check_layout", "check_text", "resolve_fonts"]

SignatureLayoutName = Literal["unstamped", "stamped"]
"""The ``signature_layout`` option: the organ and date lines without or with room for a seal."""

# Characters XML 1.0 cannot hold. (Lone surrogates, which no encoding can, are looked for in
# the whole body at once: `_surrogates.check_output` names the node.)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def check_text(text: str, where: str) -> str:
    """``text``, refused when it holds a control character a Word file cannot hold."""
    bad = _NOT_XML.search(text)
    if bad is not None:
        raise DataError(
            f"{where} holds the control character U+{ord(bad.group()):04X}, which a Word file "
            "cannot hold",
            expected="text without control characters",
        )
    return text


def resolve_fonts(fonts: Mapping[str, str] | str | None) -> dict[str, str]:
    """The face of every role: a preset's (``"official"``, ``"open"``), or the defaults with
    the given roles replaced.

    Raises:
        OptionError: no such preset or role, or a name a Word file cannot hold.
    """
    if isinstance(fonts, str):
        if fonts not in PRESETS:
            raise OptionError(
                f"fonts= names no font set {fonts!r}",
                expected="a mapping of roles to fonts, or one of " + ", ".join(PRESETS),
            )
        return dict(PRESETS[fonts])
    chosen = dict(DEFAULT_FONTS)
    if fonts:
        unknown = sorted(set(fonts) - set(DEFAULT_FONTS))
        if unknown:
            raise OptionError(
                f"fonts= names no role {', '.join(map(repr, unknown))}",
                expected="roles among " + ", ".join(DEFAULT_FONTS),
            )
        chosen.update(fonts)
    for role, font in chosen.items():
        if not isinstance(font, str) or _NOT_XML.search(font) or find_surrogate(font) >= 0:
            raise OptionError(
                f"fonts= gives the role {role!r} no font name a Word file can hold: {font!r}",
                expected="a font name (text without control characters)",
            )
    return chosen


def check_layout(layout: str) -> None:
    """Refuse a signature layout that is neither ``"unstamped"`` nor ``"stamped"``."""
    if layout not in get_args(SignatureLayoutName):  # callers may pass any str
        raise OptionError(f"no signature layout {layout!r}", expected="'unstamped' or 'stamped'")
