"""The text of a Word paragraph as Word shows it, cut into lines at its soft line breaks.

What a paragraph shows: the text of its runs (``w:t``, tabs) in order, through hyperlinks,
smart tags, custom XML, content controls (``w:sdt``; not a control still showing its
placeholder prompt), fields (their result, not their instructions) and tracked changes as
accepted (insertions ``w:ins`` and moves' destinations ``w:moveTo`` in; deletions ``w:del`` and
moves' sources ``w:moveFrom`` out). Of an
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
_RPR, _SDT, _SDTPR, _SDTCONTENT = w("rPr"), w("sdt"), w("sdtPr"), w("sdtContent")
_ALTERNATE, _CHOICE, _FALLBACK = f"{{{MC}}}AlternateContent", f"{{{MC}}}Choice", f"{{{MC}}}Fallback"
# never shown: deleted text and moves' sources, field instructions, properties
_SKIP = frozenset(
    w(n) for n in ("del", "delText", "instrText", "pPr", "moveFrom", "fldData", "sdtEndPr")
)
# a paragraph whose runs sit in none of these is read by a flat walk over its text elements
# (deleted text is w:delText, which that walk does not take)
_RARE = frozenset({_ALTERNATE, w("moveFrom"), _SDT, w("del"), _FALLBACK, _CHOICE})
_BREAK_TYPES = frozenset({None, "textWrapping"})
_TYPE = w("type")


def paragraph_lines(paragraph: Any, boxes: list[Any]) -> list[str]:
    """The lines of text a paragraph shows (one unless it has soft breaks).

    Text boxes met on the way are appended to ``boxes``.
    """
    pieces: list[str] = []
    broken = False
    known = paragraph  # the last element holding a run found to hold nothing rare
    for element in paragraph.iter(_T, _TAB, _BR, _CR, _TXBX):
        tag = element.tag
        # a run is nearly always a child of the paragraph (or of a hyperlink): only a run
        # elsewhere has its ancestors looked at, which costs less than asking lxml for more tags
        run = element.getparent()
        holder = run.getparent() if run is not None else None
        if tag == _TXBX or (holder is not known and _rare(holder, paragraph)):
            text = "".join(_walk(paragraph, boxes))
            return text.split(BREAK) if BREAK in text else [text]
        known = holder
        if tag == _T:
            pieces.append(element.text or "")
        elif tag == _TAB:
            pieces.append("\t")
        elif tag == _CR or element.get(_TYPE) in _BREAK_TYPES:
            pieces.append(BREAK)
            broken = True
    text = "".join(pieces)
    return text.split(BREAK) if broken else [text]


def _rare(element: Any, paragraph: Any) -> bool:
    """Whether ``element`` or an ancestor below ``paragraph`` is one the flat walk cannot read
    (moves, content controls, alternate content), or the element is outside a run."""
    while element is not None and element is not paragraph:
        if element.tag in _RARE:
            return True
        element = element.getparent()
    return element is None


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
            if tag == _CR or node.get(_TYPE) in _BREAK_TYPES:
                yield BREAK
        elif tag == _TXBX:
            boxes.append(node)
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
