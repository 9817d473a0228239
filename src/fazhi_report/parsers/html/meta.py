"""What stands around a page's content block: the title and page metadata before it, what the
page declares in ``<meta>`` and ``<title>``, and the facts our own pages declare (see
`fazhi_report.parsers.html`, step 5)."""

from __future__ import annotations

from typing import Any

from fazhi_report import _cues
from fazhi_report.model import SectionRole
from fazhi_report.parsers.contract import DeclaredFacts
from fazhi_report.parsers.forms import is_title_like
from fazhi_report.parsers.html._markup import BLOCKS, tag_of
from fazhi_report.parsers.html.titles import place_title
from fazhi_report.parsers.html.walk import LineWalk
from fazhi_report.parsers.lines import Line

__all__ = ["META_FIELDS", "around", "own_facts"]


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
        key = cell.translate(_KEY_SPACES)
        if key in _KEYS:
            out.append(cell + "：")
        elif key[:-1] in _KEYS and key[-1:] in (":", "："):
            out.append(cell)  # the key with its colon: the value follows it
        else:
            out.append(cell + "  ")
    return "".join(out).rstrip()


# <meta name=…> fields CMS pages (TRS, 集约化平台) declare, and the page field each gives
META_FIELDS = {"pubdate": "发布日期", "contentsource": "来源"}
"""The ``<meta name>`` values read as page metadata (lower case), and the field each gives."""


def _metas(root: Any) -> dict[str, tuple[str, int]]:
    """The ``<meta name content>`` (or ``property``, as ``og:title``) pairs of a page, names in
    lower case, with their lines."""
    found: dict[str, tuple[str, int]] = {}
    for meta in root.iter("meta"):
        name, content = meta.get("name") or meta.get("property"), meta.get("content")
        if name and content and content.strip():
            found.setdefault(
                name.strip().lower(), (" ".join(content.split()), meta.sourceline or 0)
            )
    return found


def around(
    root: Any, content: Any, lines: list[Line], classes: frozenset[str] = frozenset()
) -> tuple[list[Line], list[Line]]:
    """What a page declares, and its lines with the title and metadata shown before ``content``.

    ``lines`` are those of the content block. The first list holds the lines of what the page
    declares in ``<meta>`` (`META_FIELDS`); the second, the lines before the content block that
    read as a title or page metadata (chrome and menu entries go), then ``lines`` (a
    disclosure table heading them read as metadata lines). The title the page states outside
    its text (``<h1>``, JSON-LD, ``og:title``, ``ArticleTitle``, ``<title>``) is given as a title
    hint where it is more specific than the text's (`titles.place_title`). ``classes`` are
    the class names that hide an element on the page.
    """
    # lines before the content block: a title and page metadata stay, chrome goes
    # (a disclosure table's rows are metadata lines here, not a table of the report)
    kept = []
    for line, like in _lines_before(root, content, classes):
        if line.cells is not None:
            line = Line("", _fields(line.cells), line.end, line.number)
            like = False  # fields, not a title
        if like or _metadata_line(line.text):
            kept.append(line)
    metas = _metas(root)
    # what the page declares in <meta> comes first: what the page shows fills what it lacks
    declared = [
        Line("", f"{field}：{metas[name][0]}", "\n", metas[name][1], new_paragraph=True)
        for name, field in META_FIELDS.items()
        if name in metas
    ]
    shown = kept + _disclosure_head(lines)
    place_title(root, metas, declared, shown)
    return declared, shown


# Headings that hold a link to their own page: a title, not a menu entry.
_HEADINGS = frozenset(("h1", "h2"))
# What stands before a menu entry's link on its line: bullets and spaces.
_BULLETS = " \t\u3000\xa0•●▪◆■◇·-"


def _menu_links(root: Any, titles: set[str]) -> set[Any]:
    """A page's links to other pages whose text is one of ``titles`` (lines that read as a
    report title): entries of a menu or of a list of related pages, never the page's own
    title. A heading's link (``<h1><a href=…>``) is not a menu entry."""
    links = set()
    for title in titles:
        # found by libxml2, not by a look at every link of the page in Python
        for link in root.xpath("//a[@href][normalize-space(.) = $t]", t=title):
            href = link.get("href").strip()
            if not href or href.startswith("#"):
                continue
            if not any(tag_of(a) in _HEADINGS for a in link.iterancestors()):
                links.add(link)
    return links


def _key_lines(lines: list[Line]) -> list[Line]:
    """Lines with a metadata key alone (``<dt>名称</dt><dd>…</dd>``) joined with the value on
    the next line as ``key：value``, as a disclosure catalogue's field is read."""
    out: list[Line] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        if (
            k + 1 < len(lines)
            and lines[k + 1].text
            and _is_key(line.text)
            and not _is_key(lines[k + 1].text)
        ):
            value = lines[k + 1]
            out.append(Line("", f"{line.text.rstrip(':：')}：{value.text}", value.end, line.number))
            k += 2
            continue
        out.append(line)
        k += 1
    return out


def _disclosure_head(lines: list[Line]) -> list[Line]:
    """``lines`` with a disclosure table that heads them (before any text) read as metadata
    lines: a row of key cells and value cells (``名称`` | ``…报告``) gives fields, never a
    table of the report, and never a title with its label."""
    k = 0
    while k < len(lines) and not lines[k].text and lines[k].cells is None:
        k += 1
    end = k
    while end < len(lines) and lines[end].cells is not None:
        end += 1
    if end == k:
        return lines
    keys = [cell for line in lines[k:end] for cell in line.cells or () if _is_key(cell)]
    if len(keys) < 2:
        return lines  # a data table of the report: at most one cell reads as a key
    fields = [Line("", _fields(line.cells or ()), line.end, line.number) for line in lines[k:end]]
    return [*lines[:k], *fields, *lines[end:]]


def _is_key(cell: str) -> bool:
    return cell.translate(_KEY_SPACES).rstrip(":：") in _KEYS


def _lines_before(root: Any, content: Any, classes: frozenset[str]) -> list[tuple[Line, bool]]:
    """The lines of the page that come before ``content`` in document order (hidden elements
    and menu entries left out, keys alone joined with their values), each with whether it
    reads as a title."""
    body = root.find("body")
    if body is None or body is content:
        return []
    lines = _key_lines(_walk_before(body, content, LineWalk(False, classes)))
    likes = [is_title_like(line.text) for line in lines]
    if any(likes):
        # a line reads as a title: read again without the menus' links that read as one
        # (most pages pay for no look at their links, and few for a second reading)
        titles = {
            line.text.lstrip(_BULLETS) for line, like in zip(lines, likes, strict=True) if like
        }
        menu = _menu_links(root, titles)
        if menu:
            lines = _key_lines(_walk_before(body, content, LineWalk(False, classes, menu)))
            likes = [is_title_like(line.text) for line in lines]
    return list(zip(lines, likes, strict=True))


def _walk_before(body: Any, content: Any, reader: LineWalk) -> list[Line]:
    """The lines ``reader`` reads from ``body`` up to ``content``."""
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
