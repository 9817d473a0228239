"""What stands around a page's content block: the title and page metadata before it, what the
page declares in ``<meta>`` and ``<title>``, and the facts our own pages declare (see
`fazhi_report.parsers.html`, step 5)."""

from __future__ import annotations

import re
from typing import Any

from fazhi_report import _cues
from fazhi_report.model import SectionRole
from fazhi_report.parsers.contract import DeclaredFacts
from fazhi_report.parsers.forms import is_title_like
from fazhi_report.parsers.html._markup import BLOCKS, tag_of, text_of
from fazhi_report.parsers.html.walk import LineWalk
from fazhi_report.parsers.lines import Line

__all__ = ["META_FIELDS", "around", "own_facts"]

_TITLE_PARTS = re.compile(r"\s*(?:_|\||｜|--|——|－|—| - )\s*")


def _metadata_line(text: str) -> bool:
    folded = _cues.fold(text)
    return len(text) <= 200 and (
        _cues.PUBLISHED.search(folded) is not None
        or _cues.SOURCE.search(folded) is not None
        or _cues.METADATA_FIELD.search(folded) is not None
    )


_KEYS = frozenset(_cues.METADATA_KEYS)
_KEY_SPACES = str.maketrans("", "", " \t\u3000\xa0")


def _fields(cells: tuple[str, ...]) -> str:
    """A disclosure table's row as ``key：value`` fields (``索引号：…  主题分类：…``).

    Such tables often put each key in a cell of its own without a colon (``<th>标 题</th>``):
    a colon is added after a cell that is a metadata key, and fields are parted by two spaces,
    as the builder reads metadata lines.
    """
    out = []
    for cell in cells:
        if cell.translate(_KEY_SPACES) in _KEYS:
            out.append(cell + "：")
        else:
            out.append(cell + "  ")
    return "".join(out).rstrip()


def _page_title(root: Any, metas: dict[str, tuple[str, int]]) -> tuple[str, int] | None:
    """The page's title as a report title, and its line: the ``ArticleTitle`` a CMS declares in
    ``<meta>``, else the part of ``<title>`` that reads as a report title (no site name)."""
    declared = metas.get("articletitle")
    if declared is not None and is_title_like(declared[0]):
        return declared
    title = root.find(".//title")
    if title is None:
        return None
    parts = _TITLE_PARTS.split(" ".join(text_of(title).split()))
    found = [part for part in parts if is_title_like(part)]
    return (max(found, key=len), title.sourceline or 0) if found else None


# <meta name=…> fields CMS pages (TRS, 集约化平台) declare, and the page field each gives
META_FIELDS = {"pubdate": "发布日期", "contentsource": "来源"}
"""The ``<meta name>`` values read as page metadata (lower case), and the field each gives."""


def _metas(root: Any) -> dict[str, tuple[str, int]]:
    """The ``<meta name content>`` pairs of a page (names in lower case), with their lines."""
    found: dict[str, tuple[str, int]] = {}
    for meta in root.iter("meta"):
        name, content = meta.get("name"), meta.get("content")
        if name and content and content.strip():
            found.setdefault(
                name.strip().lower(), (" ".join(content.split()), meta.sourceline or 0)
            )
    return found


def around(root: Any, content: Any, lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """What a page declares, and its lines with the title and metadata shown before ``content``.

    ``lines`` are those of the content block. The first list holds the lines of what the page
    declares in ``<meta>`` (`META_FIELDS`), after the title its ``<title>`` or ``ArticleTitle``
    gives when no line near the top reads as a title; the second, the lines before the
    content block that read as a title or page metadata (chrome goes), then ``lines``.
    """
    # lines before the content block: a title and page metadata stay, chrome goes
    # (a disclosure table's rows are metadata lines here, not a table of the report)
    kept = []
    for line in _lines_before(root, content):
        if line.cells is not None:
            line = Line("", _fields(line.cells), line.end, line.number)
        if is_title_like(line.text) or _metadata_line(line.text):
            kept.append(line)
    metas = _metas(root)
    # what the page declares in <meta> comes first: what the page shows fills what it lacks
    declared = [
        Line("", f"{field}：{metas[name][0]}", "\n", metas[name][1], new_paragraph=True)
        for name, field in META_FIELDS.items()
        if name in metas
    ]
    shown = kept + lines
    if not any(
        is_title_like(line.text) for line in (declared + shown)[: len(declared) + len(kept) + 10]
    ):
        title = _page_title(root, metas)
        if title is not None:
            declared.insert(0, Line("", title[0], "\n", title[1], new_paragraph=True))
    return declared, shown


def _lines_before(root: Any, content: Any) -> list[Line]:
    """The lines of the page that come before ``content`` in document order."""
    body = root.find("body")
    if body is None or body is content:
        return []
    reader = LineWalk(False)
    ancestors = set(content.iterancestors())
    # down the content block's ancestors, reading what comes before each (a loop, not a call
    # per level, for pages nested deeper than Python's recursion limit)
    element = body
    while element is not None:
        if tag_of(element) in BLOCKS:
            reader.flush()
        reader.text(element.text, element.sourceline or 0)
        inner = None
        for child in element:
            if child is content:
                break
            if child in ancestors:
                inner = child  # the content block is inside: nothing after it is read
                break
            reader.walk(child)
        element = inner
    reader.flush()
    return reader.lines


def own_facts(article: Any) -> DeclaredFacts:
    """The organ, year and roles our own page wrote in ``data-`` attributes.

    Each ``<section>`` gives the role of one section, depth first, as the renderer writes
    them; an unknown or missing ``data-role`` is none.
    """
    organ = article.get("data-organ")
    year = article.get("data-year")
    known = {role.value: role for role in SectionRole}
    roles = []
    for element in article.iter("section"):
        role = element.get("data-role")
        roles.append(known.get(role) if role else None)
    return DeclaredFacts(
        organ=organ or None,
        year=int(year) if year is not None and year.isdecimal() and len(year) <= 4 else None,
        roles=tuple(roles),
        roles_of="walk",
    )
