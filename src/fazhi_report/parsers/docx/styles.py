"""What ``word/styles.xml`` tells the Word reader: titles, heading levels, numbering, borders."""

from __future__ import annotations

import re
from typing import Any, TypeVar

from fazhi_report.parsers.docx.names import child, to_int, w

__all__ = ["Styles", "draws_borders"]

_TITLE_NAMES = frozenset({"title", "标题"})
_HEADING = re.compile(r"(?:heading|标题)\s*([1-4])$")
_VAL = w("val")
_PPR, _OUTLINE, _NUMPR = w("pPr"), w("outlineLvl"), w("numPr")
_STYLE, _TYPE, _ID, _BASED, _NAME = w("style"), w("type"), w("styleId"), w("basedOn"), w("name")
_NO_LINE = frozenset({"none", "nil"})
_V = TypeVar("_V")


def draws_borders(borders: Any) -> bool | None:
    """Whether a ``w:tblBorders`` or ``w:tcBorders`` element draws a line (``None``: absent)."""
    if borders is None:
        return None
    return any(
        isinstance(edge.tag, str) and edge.get(_VAL, "none") not in _NO_LINE for edge in borders
    )


def _numpr(element: Any) -> tuple[str | None, int | None] | None:
    """The ``w:numId`` and ``w:ilvl`` of a ``w:numPr`` (each ``None`` when absent)."""
    if element is None:
        return None
    num_id = child(element, w("numId"))
    ilvl = child(element, w("ilvl"))
    return (
        num_id.get(_VAL, "") if num_id is not None else None,
        to_int(ilvl.get(_VAL), 0) if ilvl is not None else None,
    )


class Styles:
    """Styles by id: the hints their names give, their numbering, and tables' borders.

    Attributes:
        title: ids of paragraph styles named ``Title`` or ``标题``.
        level: heading level (1–4) by paragraph style id, from the name (``heading 2``,
            ``标题 2``) or the outline level.
        numbering: ``(numId, ilvl)`` by paragraph style id (``ilvl`` ``None``: the list's
            level linked to the style, else 0).
        numbering_styles: the ``numId`` each numbering style names (for ``w:numStyleLink``).
        borders: by table style id, whether the style draws borders.
        default_table: the id of the default table style, or ``""``.
    """

    def __init__(self, root: Any) -> None:
        self.title: set[str] = set()
        self.level: dict[str, int] = {}
        self.numbering: dict[str, tuple[str, int | None]] = {}
        self.numbering_styles: dict[str, str] = {}
        self.borders: dict[str, bool] = {}
        self.default_table = ""
        if root is None:
            return
        based: dict[str, str] = {}
        for style in root.iterchildren(_STYLE):
            kind = style.get(_TYPE)
            style_id = style.get(_ID, "")
            parent = child(style, _BASED)
            if parent is not None:
                based[style_id] = parent.get(_VAL, "")
            if kind == "table":
                self._table(style, style_id)
                continue
            ppr = child(style, _PPR)
            num = _numpr(child(ppr, _NUMPR) if ppr is not None else None)
            if kind == "numbering":
                if num is not None and num[0]:
                    self.numbering_styles[style_id] = num[0]
                continue
            if kind != "paragraph":
                continue
            name_el = child(style, _NAME)
            name = (name_el.get(_VAL, "") if name_el is not None else "").strip().lower()
            if name in _TITLE_NAMES:
                self.title.add(style_id)
            heading = _HEADING.match(name)
            # one child lookup at a time: a path ("w:pPr/w:outlineLvl") goes through lxml's
            # slow ElementPath, which cost more than the rest of the style
            outline = child(ppr, _OUTLINE) if ppr is not None else None
            if heading is not None:
                self.level[style_id] = int(heading.group(1))
            elif outline is not None and to_int(outline.get(_VAL), 9) < 4:
                self.level[style_id] = to_int(outline.get(_VAL), 9) + 1
            if num is not None and num[0] is not None:
                self.numbering[style_id] = (num[0], num[1])
        # a style based on another inherits its level, numbering and borders
        _inherit(based, self.level)
        _inherit(based, self.numbering)
        _inherit(based, self.borders)

    def _table(self, style: Any, style_id: str) -> None:
        if style.get(w("default")) in ("1", "true", "on"):
            self.default_table = style_id
        tblpr = child(style, w("tblPr"))
        drawn = draws_borders(child(tblpr, w("tblBorders")) if tblpr is not None else None)
        if drawn is not None:
            self.borders[style_id] = drawn


def _inherit(based: dict[str, str], table: dict[str, _V]) -> None:
    """Give each style without an entry in ``table`` the entry of its nearest ancestor."""
    for style_id, parent in based.items():
        seen = {style_id}
        up = parent
        while style_id not in table and up not in table and up in based and up not in seen:
            seen.add(up)
            up = based[up]
        if style_id not in table and up in table:
            table[style_id] = table[up]
