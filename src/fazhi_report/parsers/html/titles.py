"""The title a page states outside its text, and the title hint the reader gives the builder
(see `fazhi_report.parsers.html`, step 5).

A page states its title up to four times: in an ``<h1>``, in JSON-LD (``headline``, ``name``),
in ``<meta>`` (``og:title``, a CMS's ``ArticleTitle``) and in ``<title>``, the last most often
with the site's name (``标题_某某县人民政府网``, ``标题 - 某某网``, ``某某网-标题``). Each candidate
must pass the title grammar (`fazhi_report.parsers.forms.is_title_like`); the most specific
one (an organ and a year beat a year alone, which beats a generic ``法治政府建设年度报告``)
is compared with the title the builder finds in the page's text, and given as a title hint
only where the text's title is less specific or missing: the text's own title, when at least
as specific, is left to the builder.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from fazhi_report import _cues
from fazhi_report.numbering import match_marker
from fazhi_report.parsers.classify import BLANK, TEXT, classify
from fazhi_report.parsers.forms import JOIN_MIN, has_sentence_punct, is_title_like
from fazhi_report.parsers.html._markup import hidden, text_of
from fazhi_report.parsers.lines import Line
from fazhi_report.parsers.organ import title_organ
from fazhi_report.parsers.title import find_title

__all__ = ["Candidate", "page_titles", "place_title", "site_title_parts", "specificity"]

# How a page title joins the report's title and the site's name: "_", bars, dashes, " - ",
# a hyphen between characters ("某某网-标题"), never one inside a year range ("2021-2025年").
_TITLE_PARTS = re.compile(
    r"\s*(?:_|\||｜|--|——|－|—| - |(?<=[\u4e00-\u9fff])-|-(?=[\u4e00-\u9fff]))\s*"
)
# The lines the builder's title rules read at the top of a page: twice their search window,
# and, after the first heading or line of prose, what its rules look at past it.
_TOP = 80
_AFTER = 4
_MARKER_FIRST = frozenset("一二三四五六七八九十（(0123456789０１２３４５６７８９")
# JSON-LD keys that hold an article's title, and how deep its objects are read.
_LD_KEYS = ("headline", "name")
_LD_DEPTH = 8


class Candidate(NamedTuple):
    """A title a page states outside its text.

    Attributes:
        title: the title, cleaned (spaces made one, a category tag cut off).
        number: the source line it stands on.
        shown: the text as the page shows it in its body (an ``<h1>``), or ``""``.
    """

    title: str
    number: int
    shown: str


def specificity(title: str) -> int:
    """How specific a title is: 1 for an organ it names, 1 for the one year it reports on."""
    folded = _cues.fold(title)
    year = _cues.TITLE_YEAR.search(folded) is not None and not _cues.YEAR_RANGE.search(folded)
    return int(year) + int(title_organ(title) is not None)


def _clean(text: str) -> str:
    """A candidate with its spaces made one and a template site's category tag cut off."""
    text = " ".join(text.split())
    tag = _cues.TITLE_TAG.match(text)
    return text[tag.end() :] if tag is not None and tag.end() < len(text) else text


def site_title_parts(title: str) -> list[str]:
    """The parts of a page's ``<title>`` that read as a report title (the site's name goes)."""
    parts = _TITLE_PARTS.split(" ".join(title.split()))
    return [part for p in parts if is_title_like(part := _clean(p))]


def _json_ld_titles(root: Any) -> Iterator[tuple[str, int]]:
    """The ``headline`` and ``name`` strings of a page's JSON-LD objects, with their lines."""
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):  # not JSON, or nested past Python's stack
            continue
        # a walk with a bounded stack: objects nested deeper than an article's are not read
        stack: list[tuple[Any, int]] = [(data, 0)]
        while stack:
            value, depth = stack.pop()
            if depth > _LD_DEPTH:
                continue
            if isinstance(value, list):
                stack.extend((item, depth + 1) for item in reversed(value))
            elif isinstance(value, dict):
                for key in _LD_KEYS:
                    text = value.get(key)
                    if isinstance(text, str):
                        yield text, script.sourceline or 0
                stack.extend(
                    (item, depth + 1)
                    for key, item in value.items()
                    if key not in _LD_KEYS and isinstance(item, (dict, list))
                )


def _visible(element: Any) -> bool:
    return not hidden(element) and not any(hidden(a) for a in element.iterancestors())


def page_titles(root: Any, metas: dict[str, tuple[str, int]]) -> list[Candidate]:
    """The titles a page states that pass the title grammar, in the order of trust.

    ``<h1>`` first (shown on the page), then JSON-LD, ``og:title`` and ``ArticleTitle``, then
    the parts of ``<title>`` without the site's name. ``metas`` are the page's ``<meta>``
    ``name``/``property`` values (lower case), with their lines.
    """
    found: list[Candidate] = []
    for h1 in root.iter("h1"):
        shown = " ".join(text_of(h1).split())
        if shown and _visible(h1) and is_title_like(title := _clean(shown)):
            found.append(Candidate(title, h1.sourceline or 0, shown))
    for text, number in _json_ld_titles(root):
        if is_title_like(title := _clean(text)):
            found.append(Candidate(title, number, ""))
    for name in ("og:title", "articletitle"):
        declared = metas.get(name)
        if declared is not None and is_title_like(title := _clean(declared[0])):
            found.append(Candidate(title, declared[1], ""))
    element = root.find(".//title")
    if element is not None:
        parts = site_title_parts(text_of(element))
        # the longest part first: "标题_栏目_网站" keeps the title, not a column's name
        parts.sort(key=len, reverse=True)
        found.extend(Candidate(part, element.sourceline or 0, "") for part in parts)
    return found


def _best(candidates: Sequence[Candidate]) -> Candidate | None:
    """The most specific candidate; among equals, the first (the most trusted)."""
    best: Candidate | None = None
    score = -1
    seen: set[str] = set()
    for candidate in candidates:
        if candidate.title in seen:
            continue  # the same title stated again: no more specific
        seen.add(candidate.title)
        s = specificity(candidate.title)
        if s > score:
            best, score = candidate, s
            if s == 2:
                break  # none is more specific
    return best


def _hint(line: Line) -> Line:
    """``line`` with the title hint (its other hints kept)."""
    hints = line.hints
    return Line(
        line.indent,
        line.text,
        line.end,
        line.number,
        True,
        level=None,
        list_marker=hints.list_marker if hints is not None else None,
        new_paragraph=True,
    )


def place_title(
    root: Any, metas: dict[str, tuple[str, int]], declared: list[Line], shown: list[Line]
) -> None:
    """Give the builder the most specific title the page states as a title hint, where it
    helps.

    ``root`` is the page and ``metas`` its ``<meta>`` values (see `page_titles`). The
    builder's title rules are run on the page's top lines (``declared`` then ``shown``) as the
    builder runs them. When they find a title at least as specific as the best candidate,
    nothing changes. Otherwise the candidate is the title: the lines of the less specific
    title the text shows, if any, go (page chrome, as what stands around the text block), and
    the line showing the candidate below them is marked as the title, or a line holding it
    takes their place (first of all, when the text shows no title). The title then reads back
    the same from the report's text. Both lists are changed in place.
    """
    top = _top([*declared, *shown])
    first = next((line.text for line in top if is_title_like(line.text)), None)
    if first is not None and specificity(first) == 2:
        return  # the text's first title names the organ and the year: none is more specific
    best = _best(page_titles(root, metas))
    if best is None:
        return
    if first is not None and first in (best.title, best.shown):
        return  # the text's first title line states it: the builder's rules find it there
    c = classify(top)
    _, frame = find_title(c, 0, len(top))
    if frame is not None and specificity(frame.title) >= specificity(best.title):
        return
    start, end = (0, 0) if frame is None else (frame.start, frame.end)
    for k in range(end, len(top)):
        line = top[k]
        if line.text and line.text in (best.shown, best.title) and c.kinds[k] != BLANK:
            _replace(declared, shown, k, _hint(line))
            break
    else:
        k = -1
    # the text's own title lines go (a 标题：… field stays, with the fields beside it)
    for at in reversed(range(start, end)):
        if c.kinds[at] == TEXT:
            _replace(declared, shown, at, None)
    if k < 0:
        line = Line("", best.title, "\n", best.number, True, new_paragraph=True)
        if frame is None or start < len(declared):
            declared.insert(start, line)
        else:
            shown.insert(start - len(declared), line)


def _top(lines: list[Line]) -> list[Line]:
    """The lines the builder's title rules read: up to the first heading or line of prose
    (where the title search ends) and the few after it that decide a title standing alone."""
    for k, line in enumerate(lines[:_TOP]):
        text = line.text
        if text and (
            (len(text) > JOIN_MIN and has_sentence_punct(text))
            or (text[0] in _MARKER_FIRST and match_marker(text) is not None)
        ):
            return lines[: k + _AFTER]
    return lines[:_TOP]


def _replace(declared: list[Line], shown: list[Line], at: int, line: Line | None) -> None:
    """Line ``at`` of ``declared`` then ``shown`` replaced by ``line``, or removed (``None``)."""
    where, k = (declared, at) if at < len(declared) else (shown, at - len(declared))
    if line is None:
        del where[k]
    else:
        where[k] = line
