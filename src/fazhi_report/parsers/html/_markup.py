"""What the HTML reader knows of elements: which start a line, which hold no text, which are
inline, which are our own; and the small tests on elements its modules share."""

from __future__ import annotations

from typing import Any

__all__ = [
    "BLOCKS",
    "DROP",
    "INLINE",
    "OWN",
    "OWN_TABLE",
    "cjk",
    "hidden",
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


def hidden(element: Any) -> bool:
    if not element.attrib:  # most elements: no attribute at all
        return False
    style = element.get("style")
    if style and "display:none" in style.replace(" ", "").lower():
        return True
    return element.get("hidden") is not None


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
