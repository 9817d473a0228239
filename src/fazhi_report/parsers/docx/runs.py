"""The text of a Word paragraph as Word shows it, cut into lines at its soft line breaks.

What a paragraph shows: the text of its runs (``w:t``, tabs) in order, through hyperlinks,
smart tags, custom XML, content controls (``w:sdt``; not a control still showing its
placeholder prompt), fields (their result, not their instructions) and tracked changes as
accepted (insertions ``w:ins`` and moves' destinations ``w:moveTo`` in; deletions ``w:del`` and
moves' sources ``w:moveFrom`` out). Hidden runs (``w:vanish``) are not shown. Of an
``mc:AlternateContent`` only the first ``mc:Choice`` is read (its ``mc:Fallback`` repeats it for
older readers). Text boxes (``w:txbxContent``) are set aside, to be read as paragraphs of their
own after this one.

A soft line break (``w:br`` of no type or ``textWrapping``, Shift+Enter; ``w:cr``) ends a line;
a page or column break does not (Chinese text runs on across it without a space).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fazhi_report.parsers.docx.names import MC, child, w

__all__ = ["BREAK", "paragraph_lines", "placeholder"]

BREAK = "\n"
"""What a soft line break becomes in the text: a line end, as in plain text."""

_T, _TAB, _BR, _CR, _TXBX = w("t"), w("tab"), w("br"), w("cr"), w("txbxContent")
_R, _RPR, _SDT, _SDTPR, _SDTCONTENT = w("r"), w("rPr"), w("sdt"), w("sdtPr"), w("sdtContent")
_ALTERNATE, _CHOICE, _FALLBACK = f"{{{MC}}}AlternateContent", f"{{{MC}}}Choice", f"{{{MC}}}Fallback"
# never shown: deleted text and moves' sources, field instructions, properties
_SKIP = frozenset(
    w(n) for n in ("del", "delText", "instrText", "pPr", "moveFrom", "fldData", "sdtEndPr")
)
# a paragraph holding none of these is read by a flat walk over its text elements
_RARE = (_TXBX, _ALTERNATE, w("del"), w("moveFrom"), w("vanish"), w("showingPlcHdr"))
_HIDDEN = frozenset({w("vanish"), w("specVanish")})
_BREAK_TYPES = frozenset({None, "textWrapping"})


def paragraph_lines(paragraph: Any, boxes: list[Any]) -> list[str]:
    """The lines of text a paragraph shows (one unless it has soft breaks).

    Text boxes met on the way are appended to ``boxes``.
    """
    pieces: list[str] = []
    rare = False
    for element in paragraph.iter(_T, _TAB, _BR, _CR, *_RARE):
        tag = element.tag
        if tag == _T:
            pieces.append(element.text or "")
        elif tag == _TAB:
            pieces.append("\t")
        elif tag in (_BR, _CR):
            if tag == _CR or element.get(w("type")) in _BREAK_TYPES:
                pieces.append(BREAK)
        else:
            rare = True
            break
    if rare:
        # rare: tracked deletions, hidden runs, alternate content or text boxes, which the
        # flat walk above cannot tell apart from text
        pieces = list(_walk(paragraph, boxes))
    return "".join(pieces).split(BREAK)


def _walk(element: Any, boxes: list[Any]) -> Iterator[str]:
    """The text of ``element``'s content, the slow way (see the module's description)."""
    for node in element:
        tag = node.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _T:
            yield node.text or ""
        elif tag == _TAB:
            yield "\t"
        elif tag in (_BR, _CR):
            if tag == _CR or node.get(w("type")) in _BREAK_TYPES:
                yield BREAK
        elif tag == _TXBX:
            boxes.append(node)
        elif tag == _R:
            rpr = child(node, _RPR)
            if rpr is None or not any(p.tag in _HIDDEN and _on(p) for p in rpr):
                yield from _walk(node, boxes)
        elif tag == _SDT:
            if not placeholder(node):
                content = child(node, _SDTCONTENT)
                if content is not None:
                    yield from _walk(content, boxes)
        elif tag == _ALTERNATE:
            branch = child(node, _CHOICE)
            if branch is None:
                branch = child(node, _FALLBACK)
            if branch is not None:
                yield from _walk(branch, boxes)
        elif tag != _RPR and tag != _SDTPR:
            yield from _walk(node, boxes)


def _on(toggle: Any) -> bool:
    """Whether a toggle property (``<w:vanish/>``, ``w:val="0"`` turns it off) is on."""
    return toggle.get(w("val"), "true") not in ("0", "false", "off")


def placeholder(sdt: Any) -> bool:
    """Whether a content control shows its placeholder prompt, not content."""
    props = child(sdt, _SDTPR)
    return props is not None and any(
        p.tag == w("showingPlcHdr") and _on(p) for p in props.iterchildren()
    )
