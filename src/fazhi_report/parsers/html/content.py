"""Finding the block of a page that holds the report's text (see `fazhi_report.parsers.html`,
step 3)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fazhi_report.parsers.html._markup import BLOCKS, DROP, OWN, cjk, tag_of, text_of, words

__all__ = ["CONTENT_NAMES", "find_content"]

# Class and id names CMS templates give the block holding an article's text (lower case).
CONTENT_NAMES = words(
    "trs_editor trs_ueditor trs_paper_default zoom fontzoom article article-content "
    "article_content articlecontent article-body article_body content contents con "
    "con_content detail details detail-content main-content maincontent main_content "
    "news_content newscontent pages_content page-content text txt wzy zw zwnr "
    "xxgk_content view view-content info_content infocontent bt_content"
)


def _classes(element: Any) -> set[str]:
    names = set((element.get("class") or "").lower().split())
    ident = (element.get("id") or "").lower().strip()
    if ident:
        names.add(ident)
    return names


def _text_blocks(root: Any) -> Iterator[tuple[Any, int]]:
    """Each element holding text of its own (directly or in inline children), with its length."""
    for element in root.iter():
        tag = tag_of(element)
        if not tag or tag in DROP:
            continue
        own = cjk(element.text or "")
        for child in element:
            if tag_of(child) not in BLOCKS:
                own += cjk(child.tail or "")
                if tag_of(child) not in DROP and len(child) == 0:
                    own += cjk(child.text or "")
        if own:
            yield element, own


def _densest(root: Any) -> Any | None:
    """The block whose paragraphs hold the most Chinese text (half of it counts for the block
    above, so that a page's paragraphs pull their common parent up), if any holds some."""
    scores: dict[Any, float] = {}
    for element, size in _text_blocks(root):
        holder = element if tag_of(element) != "p" else element.getparent()
        if holder is None:
            continue
        scores[holder] = scores.get(holder, 0) + size
        parent = holder.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + size / 2
    return max(scores, key=lambda e: scores[e]) if scores else None


def find_content(root: Any) -> Any:
    """The element holding a page's report text (see the module's description)."""
    own = [e for e in root.iter("article") if OWN in (e.get("class") or "").split()]
    if own:
        return own[0]
    # dict keys: each element once, in document order
    found = dict.fromkeys(e for e in root.iterfind(".//*[@class]") if _classes(e) & CONTENT_NAMES)
    found.update(
        dict.fromkeys(e for e in root.iterfind(".//*[@id]") if _classes(e) & CONTENT_NAMES)
    )
    found.update(dict.fromkeys(root.iter("article")))
    named = list(found)
    sizes = {e: cjk(text_of(e)) for e in named}
    largest = max(sizes.values(), default=0)
    body = root.find("body")
    if largest >= 50:
        # the innermost named block that holds nearly all the text of the largest one
        best = max(sizes, key=lambda e: sizes[e])
        best_count = len(list(best.iter()))  # counted once, not again for each candidate
        for element in named:
            if sizes[element] >= 0.8 * largest:
                count = len(list(element.iter()))
                if count < best_count:
                    best, best_count = element, count
        # a name is only a hint: a block elsewhere holding far more text is the report
        if body is None or 2 * sizes[best] >= cjk(text_of(body)):
            return best  # the named block holds half the page's text or more
        densest = _densest(root)
        if (
            densest is None
            or densest is best
            or best in set(densest.iterancestors())
            or cjk(text_of(densest)) <= 2 * sizes[best]
        ):
            return best
        return densest
    densest = _densest(root)
    if densest is None:
        return body if body is not None else root
    return densest
