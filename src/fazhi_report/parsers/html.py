"""The HTML reader: a report as a web page publishes it, found and turned into logical lines.

Government sites publish reports as whole pages: navigation, scripts, share buttons and
footers around the text, often declared GBK in ``<meta>``, often from a TRS or 集约化平台 CMS
with the text in a ``TRS_Editor``, ``zoom`` or ``article`` block, paragraphs indented with
``&nbsp;``, lines broken with ``<br>``, and everything inside nested layout tables. The page is
parsed with lxml's HTML parser (libxml2's, as ``lxml.html`` uses it: never patterns over
markup) with libxml2's limits for documents of unknown origin lifted (``huge_tree``: elements
nested deeper than 256, texts and comments over 10 MB), so that nothing is cut short; a page
past the parser's own limits (nesting 2,048 deep in libxml2 2.14) is refused with a
`fazhi_report.errors.DecodeError`, never read in part. Then:

1. **Encoding.** The bytes of a page are decoded as a browser decodes them
   (`fazhi_report.decoding.decode_page`): as a byte-order mark or the ``<meta charset>`` (or
   ``http-equiv`` Content-Type) declares (GBK and GB2312 are read as their superset
   GB18030), a stray byte or a control character read as U+FFFD with a
   `fazhi_report.errors.FazhiReportWarning` naming its line; UTF-8 bytes are UTF-8 whatever
   the page declares. A page that declares nothing, or whose bytes mostly contradict its
   declaration, is decoded by `fazhi_report.decoding.decode`, as strictly as a text file.
2. **What is not text** goes: ``script``, ``style``, ``nav``, forms' controls, ``iframe``,
   ``svg``…, comments, and elements hidden with ``display:none``.
3. **The content block.** Our own pages (``<article class="fazhi-report">``, as the HTML
   renderer writes them) are read whole. Otherwise the block a CMS names (a class or id such
   as ``TRS_Editor``, ``zoom``, ``article``, ``content``; the innermost that holds nearly all
   the text of the largest), else the block whose paragraphs hold the most Chinese text; that
   block also wins over a named one holding less than half as much (a name is a hint).
4. **Lines.** Each block element (``p``, ``div``, headings, list items, table cells…) starts a
   line and each ``<br>`` breaks one; a break in the HTML source inside a paragraph is
   nothing between Chinese characters and a space between Latin ones, as browsers show it;
   ``&nbsp;`` and full-width spaces at a line's start are its indent. A data table (two rows
   or more of two cells or more, each short, no table inside; our own ``fazhi-table`` always)
   is a `fazhi_report.model.Table`; a layout table is read cell by cell as blocks.
5. **Around the block.** Lines before the content block that read as a report title, or as page
   metadata (发布日期, 来源, 索引号, 发文机关…), are kept ahead of the content, where the
   builder finds the title and fills `fazhi_report.model.PageInfo`, after what the page
   declares in ``<meta>`` (``PubDate``, ``ContentSource``: `META_FIELDS`). The ``ArticleTitle``
   a CMS declares in ``<meta>``, else the part of the page ``<title>`` that reads as a report
   title (without the site name), is a title candidate when nothing else reads as one.
   Everything after the block (footers, link lists) is left out.

The lines go to the one structure builder with a paragraph hint per block; our own pages also
give the title and heading levels, and the organ, year and roles the renderer wrote in
``data-`` attributes replace what the builder derives.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any

from fazhi_report import _cues
from fazhi_report.decoding import decode_page
from fazhi_report.errors import DecodeError, EmptyInputError
from fazhi_report.model import Report, SectionRole
from fazhi_report.numbering import match_marker
from fazhi_report.parsers.builder import build_report
from fazhi_report.parsers.forms import is_title_like
from fazhi_report.parsers.lines import SPACE, Line

__all__ = [
    "CONTENT_NAMES",
    "META_FIELDS",
    "block_lines",
    "find_content",
    "html_lines",
    "parse_html",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Elements that start and end a line of text.
_BLOCKS = _words(
    "address article aside blockquote body center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li "
    "main menu ol p pre section summary table tbody td tfoot th thead tr ul caption"
)
# Elements whose content is never report text.
_DROP = _words(
    "script style noscript template iframe frame frameset object embed applet svg math "
    "canvas nav select option optgroup button input textarea map audio video source "
    "track head title meta link base"
)
# Class and id names CMS templates give the block holding an article's text (lower case).
CONTENT_NAMES = _words(
    "trs_editor trs_ueditor trs_paper_default zoom fontzoom article article-content "
    "article_content articlecontent article-body article_body content contents con "
    "con_content detail details detail-content main-content maincontent main_content "
    "news_content newscontent pages_content page-content text txt wzy zw zwnr "
    "xxgk_content view view-content info_content infocontent bt_content"
)
# Elements read as inline text: none of the above, no <br>, no <table> (lxml's names are str)
_INLINE = _words(
    "a abbr b bdi bdo big cite code del dfn em font i ins kbd mark q s samp small span "
    "strike strong sub sup time tt u var"
)
_OWN = "fazhi-report"
_OWN_TABLE = "fazhi-table"
# A break in the HTML source: a run of HTML whitespace holding a line break.
_SOURCE_BREAK = re.compile(r"[ \t\f]*[\r\n][ \t\r\n\f]*")
_BREAK_START = frozenset(" \t\f\r\n")
_HTML_SPACE = " \t\f\r\n"
_EDGE_BREAK_START = re.compile(r"^[ \t\f]*[\r\n][ \t\r\n\f]*")
_EDGE_BREAK_END = re.compile(r"[ \t\f]*[\r\n][ \t\r\n\f]*$")
_TITLE_PARTS = re.compile(r"\s*(?:_|\||｜|--|——|－|—| - )\s*")
_DATA_CELL_MAX = 200  # characters: a cell holding more is running text, not data


def _cjk(text: str) -> int:
    """About how many Chinese characters (and full-width marks) ``text`` holds: those take
    three bytes in UTF-8, so counting bytes measures them in C, with no pattern."""
    return (len(text.encode("utf-8", "surrogatepass")) - len(text)) >> 1


def _classes(element: Any) -> set[str]:
    names = set((element.get("class") or "").lower().split())
    ident = (element.get("id") or "").lower().strip()
    if ident:
        names.add(ident)
    return names


def _hidden(element: Any) -> bool:
    if not element.attrib:  # most elements: no attribute at all
        return False
    style = element.get("style")
    if style and "display:none" in style.replace(" ", "").lower():
        return True
    return element.get("hidden") is not None


def _text(element: Any) -> str:
    """All the text inside ``element`` (comments were removed when parsing)."""
    return "".join(element.itertext())


def _tag(element: Any) -> str:
    """An element's name ("" for what is no element); the HTML parser gives names in lower case."""
    tag = element.tag
    return tag if isinstance(tag, str) else ""


def _join_source_breaks(text: str) -> str:
    """Breaks in the HTML source inside a paragraph, as a browser shows them."""
    if "\n" not in text and "\r" not in text:
        return text

    def one(m: re.Match[str]) -> str:
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if before.isascii() and after.isascii() and before.strip() and after.strip():
            return " "
        return ""

    return _SOURCE_BREAK.sub(one, text)


def _split(text: str) -> tuple[str, str, str]:
    stripped = text.strip(SPACE)
    if not stripped:
        return text, "", ""
    start = text.index(stripped[0])
    return text[:start], stripped, text[start + len(stripped) :]


def _rows(table: Any) -> list[Any]:
    """The rows of a table (in thead, tbody, tfoot or directly), not those of tables inside."""
    rows = []
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            rows.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            rows.extend(row for row in child if _tag(row) == "tr")
    return rows


def _data_table(table: Any) -> bool:
    """A table of data (rows of short cells) rather than one laying out the page.

    Our own tables (``class="fazhi-table"``) always are.
    """
    if _OWN_TABLE in (table.get("class") or "").split():
        return True
    if table.find(".//table") is not None:
        return False
    rows = _rows(table)
    if len(rows) < 2 or max(len(row.findall("td")) + len(row.findall("th")) for row in rows) < 2:
        return False
    for row in rows:
        for cell in row:
            if _tag(cell) in ("td", "th") and len(_text(cell).strip()) > _DATA_CELL_MAX:
                return False
    return True


class _Lines:
    """Lines gathered from a walk over block elements."""

    def __init__(self, own: bool) -> None:
        self.own = own  # our own markup: headings give hints
        self.lines: list[Line] = []
        self.pieces: list[str] = []
        self.number = 0
        self.soft = False  # the next line follows a <br> in the same block
        self.title = False
        self.level: int | None = None

    def text(self, text: str | None, number: int) -> None:
        if text:
            if not self.pieces:
                self.number = number
            # a source break at an element's edge parts inline elements (<span>来源：…</span>
            # then <span>发布时间：…</span>): a space, as a browser shows it
            if text[0] in _BREAK_START:
                if not text.strip(_HTML_SPACE):
                    # whitespace alone (between blocks, most often): what the two patterns
                    # below make of it, without them
                    text = " " if "\n" in text or "\r" in text else text
                else:
                    text = _EDGE_BREAK_START.sub(" ", text, 1)
            if text[-1] in _BREAK_START:
                text = _EDGE_BREAK_END.sub(" ", text, 1)
            self.pieces.append(text)

    def flush(self, *, soft_next: bool = False) -> None:
        pieces = self.pieces
        if not pieces or (len(pieces) == 1 and pieces[0] == " "):
            # most calls: a block opens or closes right after another, perhaps with the source
            # break between them (one space): no line, as below
            pieces.clear()
            if not soft_next:
                self.soft = False
            return
        text = _join_source_breaks(pieces[0] if len(pieces) == 1 else "".join(pieces))
        pieces.clear()
        indent, body, end = _split(text)
        if body:
            level = self.level
            if level is not None and match_marker(body) is not None:
                level = None  # a typed marker says its level
            self.lines.append(
                Line(
                    indent,
                    body,
                    end + "\n",
                    self.number,
                    self.title,
                    level=level,
                    new_paragraph=None if self.soft else True,
                )
            )
            self.soft = soft_next
        elif not soft_next:
            self.soft = False

    def walk(self, root: Any) -> None:
        """Read ``root``, what it holds and its tail, in document order.

        A loop over the open elements, not a call per level: a page may nest elements as deep
        as its parser reads them (2,048 levels), far past Python's recursion limit.
        """
        # the element whose children are being read (whether it is a block, its line, the
        # children left), and those around it; the outermost, None, has no children
        parent: Any = None
        parent_block, parent_number = False, 0
        children: Iterator[Any] = iter(())
        stack: list[tuple[Any, bool, int, Iterator[Any]]] = []
        element: Any = root
        while True:
            # open `element`: what comes before its children
            tag = element.tag
            if type(tag) is not str:  # `_tag`, inline: this runs once per element of the block
                tag = ""
            number = element.sourceline or 0
            if tag == "br":
                count = len(self.lines)
                self.flush(soft_next=True)
                if len(self.lines) == count and self.lines and self.lines[-1].text:
                    # a <br> ending an empty line (<br><br>) is a blank line: it parts
                    # paragraphs and tables as in plain text
                    self.lines.append(Line("", "", "\n", number))
                if element.tail:
                    self.text(element.tail, number)
            elif tag in _DROP or not tag or _hidden(element):
                if element.tail:
                    self.text(element.tail, number)  # the tail is the parent's text
            else:
                block = tag in _BLOCKS
                if block:
                    self.flush()
                    self.soft = False
                    if self.own and tag in ("h1", "h2", "h3", "h4", "h5"):
                        self.title = tag == "h1"
                        self.level = None if tag == "h1" else int(tag[1]) - 1
                if tag == "table" and _data_table(element):
                    self.table(element)
                    self._close(element, block, number)
                else:
                    if element.text:
                        self.text(element.text, number)
                    stack.append((parent, parent_block, parent_number, children))
                    parent, parent_block, parent_number = element, block, number
                    children = iter(element)
            # the next element to open: the next child of the innermost open element, closing
            # those that have none left
            while True:
                for element in children:
                    if len(element) == 0 and element.tag in _INLINE and not _hidden(element):
                        # a leaf inline element (a span, a strong): what opening and closing
                        # it would do, without a round of the loop for each
                        line = element.sourceline or 0
                        if element.text:
                            self.text(element.text, line)
                        if element.tail:
                            self.text(element.tail, line)
                        continue
                    break
                else:
                    if parent is None:
                        return
                    # close `parent`: `_close`, inline, as this runs once per element
                    if parent_block:
                        self.flush()
                        self.soft = False
                        self.title, self.level = False, None
                    if parent.tail:
                        self.text(parent.tail, parent_number)
                    parent, parent_block, parent_number, children = stack.pop()
                    continue
                break

    def _close(self, element: Any, block: bool, number: int) -> None:
        """What comes after an element's children: the end of its line, if a block, and its tail."""
        if block:
            self.flush()
            self.soft = False
            self.title, self.level = False, None
        if element.tail:
            self.text(element.tail, number)

    def table(self, table: Any) -> None:
        """A data table: one line a row, with its cells (a blank line keeps the next apart).

        Our own tables keep each cell's text as it is; a page's cells have their runs of
        spaces and line breaks made one space, as a browser shows them.
        """
        exact = _OWN_TABLE in (table.get("class") or "").split()
        for row in _rows(table):
            cells = []
            for cell in row:
                if _tag(cell) in ("td", "th"):
                    text = _text(cell)
                    cells.append(text if exact else " ".join(_join_source_breaks(text).split()))
            number = row.sourceline or 0
            self.lines.append(Line("", "\t".join(cells), "\n", number, cells=tuple(cells)))
        self.lines.append(Line("", "", "\n", table.sourceline or 0))
        self.soft = False


def _declared_charset(data: bytes) -> str | None:
    """The charset a page declares in ``<meta>``, read with lxml from its first bytes."""
    import lxml.etree

    # HTML asks for the declaration in the first 1024 bytes; pages put scripts first, so look
    # a little further. Markup is ASCII: latin-1 keeps it byte for byte.
    head = data[:4096].decode("latin-1")
    try:
        root = lxml.etree.fromstring(head, lxml.etree.HTMLParser())
    except Exception:  # no markup lxml can read: no declaration
        return None
    if root is None:
        return None
    for meta in root.iter("meta"):
        charset = meta.get("charset")
        if charset:
            return str(charset).strip().lower()
        if (meta.get("http-equiv") or "").lower() == "content-type":
            for part in (meta.get("content") or "").split(";"):
                key, _, value = part.partition("=")
                if key.strip().lower() == "charset" and value.strip():
                    return value.strip().strip("\"'").lower()
    return None


def _decode_page(data: bytes, source: str) -> tuple[str, str]:
    """The text of a page's bytes and the encoding read, as `decode_page` tells them."""
    return decode_page(data, source, lambda: _declared_charset(data))


def _html_parser() -> Any:
    """lxml's HTML parser as this reader uses it.

    ``huge_tree`` lifts the limits libxml2 sets for documents of unknown origin, which it
    meets by stopping early and keeping what it read: elements nested 256 deep, a text,
    comment or attribute of 10,000,000 bytes. Its own limits stay (elements nested 2,048
    deep in libxml2 2.14; texts of 1,000,000,000 bytes): `_read_whole` refuses a page
    that meets one. The tree's size follows the page's, as without the option.
    """
    import lxml.etree

    # the plain etree elements, not lxml.html's classes, as this reader needs none of their
    # methods
    return lxml.etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
    )


def _read_whole(parser: Any, source: str, first_line: int = 1, what: str = "the page") -> None:
    """Refuse a page the parser did not read to its end.

    libxml2 reads past every error in HTML (a tag left open, a stray ``</p>``) except a fatal
    one, after which it stops and gives what it read so far: that would be a report cut short
    without a word. ``first_line`` is the line of the markup's first line in the source.
    """
    fatal = parser.error_log.filter_from_fatals()
    if not fatal:
        return
    entry = fatal[0]
    said = " ".join(str(entry.message).split()).split(", use XML_PARSE_HUGE")[0]
    limit = re.search(r"\d[\d,]*", said) if "depth" in said.lower() else None
    if limit is not None:
        why = f"its elements are nested more than {limit.group()} deep, past what libxml2 reads"
        expected = f"elements nested at most {limit.group()} deep"
    else:
        why = f"libxml2 stopped reading it ({said})"
        expected = "HTML that libxml2 reads to its end"
    raise DecodeError(
        f"{what} cannot be read whole: {why}",
        source=source,
        line=first_line + max(entry.line, 1) - 1,
        expected=expected,
    )


def _parse_tree(text: str, source: str, raw: bytes | None = None) -> Any:
    """The page's tree; ``raw``, when given, is ``text`` in UTF-8 (the bytes it was read from)."""
    import lxml.etree

    # bytes, not str: lxml refuses a str that carries an XML encoding declaration (XHTML)
    parser = _html_parser()
    try:
        if raw is None:
            raw = text.encode("utf-8", "surrogatepass")
        root = lxml.etree.fromstring(raw, parser)
    except (ValueError, lxml.etree.LxmlError) as exc:
        raise DecodeError(f"the page cannot be read as HTML: {exc}", source=source) from None
    _read_whole(parser, source)
    if root is None:
        raise EmptyInputError("the page holds no HTML to read", source=source)
    return root


def _text_blocks(root: Any) -> Iterator[tuple[Any, int]]:
    """Each element holding text of its own (directly or in inline children), with its length."""
    for element in root.iter():
        tag = _tag(element)
        if not tag or tag in _DROP:
            continue
        own = _cjk(element.text or "")
        for child in element:
            if _tag(child) not in _BLOCKS:
                own += _cjk(child.tail or "")
                if _tag(child) not in _DROP and len(child) == 0:
                    own += _cjk(child.text or "")
        if own:
            yield element, own


def _densest(root: Any) -> Any | None:
    """The block whose paragraphs hold the most Chinese text (half of it counts for the block
    above, so that a page's paragraphs pull their common parent up), if any holds some."""
    scores: dict[Any, float] = {}
    for element, size in _text_blocks(root):
        holder = element if _tag(element) != "p" else element.getparent()
        if holder is None:
            continue
        scores[holder] = scores.get(holder, 0) + size
        parent = holder.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + size / 2
    return max(scores, key=lambda e: scores[e]) if scores else None


def find_content(root: Any) -> Any:
    """The element holding a page's report text (see the module's description)."""
    own = [e for e in root.iter("article") if _OWN in (e.get("class") or "").split()]
    if own:
        return own[0]
    # dict keys: each element once, in document order
    found = dict.fromkeys(e for e in root.iterfind(".//*[@class]") if _classes(e) & CONTENT_NAMES)
    found.update(
        dict.fromkeys(e for e in root.iterfind(".//*[@id]") if _classes(e) & CONTENT_NAMES)
    )
    found.update(dict.fromkeys(root.iter("article")))
    named = list(found)
    sizes = {e: _cjk(_text(e)) for e in named}
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
        if body is None or 2 * sizes[best] >= _cjk(_text(body)):
            return best  # the named block holds half the page's text or more
        densest = _densest(root)
        if (
            densest is None
            or densest is best
            or best in set(densest.iterancestors())
            or _cjk(_text(densest)) <= 2 * sizes[best]
        ):
            return best
        return densest
    densest = _densest(root)
    if densest is None:
        return body if body is not None else root
    return densest


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
    parts = _TITLE_PARTS.split(" ".join(_text(title).split()))
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


def html_lines(root: Any) -> tuple[list[Line], Any]:
    """The logical lines of a parsed page (see the module's description), and its content block."""
    content = find_content(root)
    own = _tag(content) == "article" and _OWN in (content.get("class") or "").split()
    reader = _Lines(own)
    reader.walk(content)
    lines = reader.lines
    if own:
        return lines, content
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
    head = declared + kept + lines
    if not any(is_title_like(line.text) for line in head[: len(declared) + len(kept) + 10]):
        title = _page_title(root, metas)
        if title is not None:
            head.insert(0, Line("", title[0], "\n", title[1], new_paragraph=True))
    return head, content


def _lines_before(root: Any, content: Any) -> list[Line]:
    """The lines of the page that come before ``content`` in document order."""
    body = root.find("body")
    if body is None or body is content:
        return []
    reader = _Lines(False)
    ancestors = set(content.iterancestors())
    # down the content block's ancestors, reading what comes before each (a loop, not a call
    # per level, for pages nested deeper than Python's recursion limit)
    element = body
    while element is not None:
        if _tag(element) in _BLOCKS:
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


def block_lines(markup: str, *, source: str = "<html>", first_line: int = 1) -> list[Line]:
    """The lines of a piece of HTML (a raw block inside Markdown), read as a page's blocks are.

    Line numbers count from 1 at the start of ``markup``. Markup lxml cannot read gives none.

    Args:
        markup: the HTML.
        source: the name of the document it is in, for errors.
        first_line: the line of the document ``markup`` starts on, for errors.

    Raises:
        DecodeError: the markup is nested deeper than the HTML parser reads (2,048 levels).
    """
    import lxml.etree

    parser = _html_parser()
    try:
        root = lxml.etree.fromstring(
            f"<div>{markup}</div>".encode("utf-8", "surrogatepass"), parser
        )
    except (ValueError, lxml.etree.LxmlError):
        return []
    _read_whole(parser, source, first_line, "the raw HTML block")
    if root is None:
        return []
    reader = _Lines(False)
    reader.walk(root)
    reader.flush()
    return reader.lines


def _apply_own_facts(report: Report, article: Any) -> None:
    """The organ, year and roles our own page wrote in ``data-`` attributes."""
    organ = article.get("data-organ")
    if organ:
        report.organ = organ
    year = article.get("data-year")
    if year is not None and year.isdigit() and len(year) <= 4:
        report.year = int(year)
    sections = [e for e in article.iter("section")]
    walked = report.walk()
    if len(sections) != len(walked):
        return
    known = {role.value: role for role in SectionRole}
    for element, section in zip(sections, walked, strict=True):
        role = element.get("data-role")
        section.role = known.get(role) if role else None


def parse_html(
    data: str | bytes,
    *,
    source: str = "<html>",
    templates: str | os.PathLike[str] | None = None,
    sandboxed: bool = False,
) -> Report:
    """Parse a report from an HTML page (a government site's, or our own).

    Args:
        data: the page's text, or its bytes (encoding as declared in ``<meta>``, else detected).
        source: a name for the page, used in error messages.
        templates: the template folder the document was rendered with: headings and points
            written with its house forms read back (see `fazhi_report.parsers.house`).
        sandboxed: compile ``templates`` in the bounded sandbox, for a folder you do not
            trust (see `fazhi_report.parsers.house`); without ``templates`` no template runs
            and it changes nothing.

    Raises:
        EmptyInputError: the page is empty.
        DecodeError: the bytes are not text, or not HTML lxml can read to its end (elements
            nested more than 2,048 deep, with libxml2 2.14).
        TemplateError: ``templates`` is no folder, its macros cannot be read back, or a
            template fails (sandboxed: breaks a rule or limit of the sandbox).

    Warns:
        FazhiReportWarning: bytes in a declared encoding that hold stray bytes or control
            characters, read as U+FFFD (the warning names the lines).
    """
    encoding = None
    raw = None
    if isinstance(data, bytes):
        given = data
        data, encoding = _decode_page(given, source)
        if encoding == "utf-8" and "\ufffd" not in data:
            # UTF-8 without a byte-order mark, nothing read as U+FFFD: the text's bytes, as given
            raw = given
    if not data.strip():
        raise EmptyInputError("the page is empty", source=source)
    root = _parse_tree(data, source, raw)
    lines, content = html_lines(root)
    if templates is None:
        report = build_report(lines, encoding=encoding)
    else:
        from fazhi_report.parsers.house import house_style

        report = house_style(templates, sandboxed=sandboxed).build(lines, encoding=encoding)
    if _tag(content) == "article" and _OWN in (content.get("class") or "").split():
        _apply_own_facts(report, content)
    return report
