"""What the HTML reader knows of elements: which start a line, which hold no text, which are
inline, which are our own; and the small tests on elements its modules share."""

from __future__ import annotations

import re
from typing import Any

__all__ = [
    "BLOCKS",
    "DROP",
    "HIDING_CLASSES",
    "INLINE",
    "OWN",
    "OWN_TABLE",
    "cjk",
    "hidden",
    "hiding_classes",
    "hiding_style",
    "is_own",
    "tag_of",
    "text_of",
    "words",
]


def words(text: str) -> frozenset[str]:
    """The words of ``text``, parted by spaces."""
    return frozenset(text.split())


# Elements that start and end a line of text.
BLOCKS = words(
    "address article aside blockquote body center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li "
    "main menu ol p pre section summary table tbody td tfoot th thead tr ul caption"
)
# Elements whose content is never report text.
DROP = words(
    "script style noscript template iframe frame frameset object embed applet svg math "
    "canvas nav select option optgroup button input textarea map audio video source "
    "track head title meta link base"
)
# Elements read as inline text: none of the above, no <br>, no <table> (lxml's names are str)
INLINE = words(
    "a abbr b bdi bdo big cite code del dfn em font i ins kbd mark q s samp small span "
    "strike strong sub sup time tt u var"
)
OWN = "fazhi-report"
OWN_TABLE = "fazhi-table"


def cjk(text: str) -> int:
    """About how many Chinese characters (and full-width marks) ``text`` holds: those take
    three bytes in UTF-8, so counting bytes measures them in C, with no pattern."""
    return (len(text.encode("utf-8", "surrogatepass")) - len(text)) >> 1


# Class names pages give what they hide (Bootstrap's among them); a page's own style sheet
# adds those it hides (`hiding_classes`).
HIDING_CLASSES = words("hidden hide d-none invisible")
_ZERO_SIZE = re.compile(r"font-size:0(?:\.0*)?(?:px|pt|em|rem|%)?(?:!|;|$)")


def hiding_style(style: str) -> bool:
    """Whether CSS declarations hide what they style: ``display:none``, ``visibility:hidden``,
    a font size of zero (how template sites splice invisible watermarks into text)."""
    compact = style.replace(" ", "").lower()
    return (
        "display:none" in compact
        or "visibility:hidden" in compact
        or ("font-size:0" in compact and _ZERO_SIZE.search(compact) is not None)
    )


def hidden(element: Any, classes: frozenset[str] = frozenset()) -> bool:
    """Whether ``element`` is hidden: by its ``hidden`` attribute, its ``style`` (see
    `hiding_style`), or a class among ``classes``."""
    if not element.attrib:  # most elements: no attribute at all
        return False
    style = element.get("style")
    if style and hiding_style(style):
        return True
    if element.get("hidden") is not None:
        return True
    if classes:
        names = element.get("class")
        return bool(names) and not classes.isdisjoint(names.split())
    return False


_CLASS_SELECTOR = re.compile(r"\s*[A-Za-z0-9]*\.([A-Za-z_][\w-]*)\s*")


def hiding_classes(root: Any) -> frozenset[str]:
    """`HIDING_CLASSES` and the classes a page's ``<style>`` sheets hide (rules such as
    ``.x1 { display: none }`` or ``span.x1 { font-size: 0 }``, outside any ``@media``)."""
    found = set(HIDING_CLASSES)
    for style in root.iter("style"):
        css = style.text or ""
        if "none" not in css and "hidden" not in css and "font-size" not in css:
            continue  # most sheets: nothing hidden, no scan
        css = _CSS_COMMENT.sub("", css)
        depth, start = 0, 0
        selector = ""
        for brace in _BRACE(css):  # braces only: a rule costs two steps
            at = brace.start()
            if brace.group() == "{":
                if depth == 0:
                    selector = css[start:at]
                depth += 1
            else:
                if depth == 1 and "@" not in selector and hiding_style(css[start:at]):
                    for one in selector.split(","):
                        m = _CLASS_SELECTOR.fullmatch(one)
                        if m is not None:
                            found.add(m.group(1))
                depth = max(depth - 1, 0)
            start = at + 1
    return frozenset(found)


_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_BRACE = re.compile(r"[{}]").finditer


def text_of(element: Any) -> str:
    """All the text inside ``element`` (comments were removed when parsing)."""
    return "".join(element.itertext())


def tag_of(element: Any) -> str:
    """An element's name ("" for what is no element); the HTML parser gives names in lower case."""
    tag = element.tag
    return tag if isinstance(tag, str) else ""


def is_own(element: Any) -> bool:
    """Whether ``element`` is the ``<article class="fazhi-report">`` our renderer writes."""
    return tag_of(element) == "article" and OWN in (element.get("class") or "").split()
