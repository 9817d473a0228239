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
   ``svg``…, comments, and hidden elements (``display:none``, ``visibility:hidden``,
   ``font-size:0``, ``hidden``, a class that hides: `_markup.hiding_classes`). A visible
   watermark spliced in as an element of its own is set off by a space, for the builder's
   watermark pass to move into the layout.
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
   declares in ``<meta>`` (``PubDate``, ``ContentSource``: `META_FIELDS`); a disclosure table
   heading the block is read as metadata too. Menu entries (links to other pages that read
   as titles) are left out. The title the page states outside its text (``<h1>``, JSON-LD,
   ``og:title``, ``ArticleTitle``, ``<title>`` without the site name) is given as a title hint
   when it is more specific than the text's (`~fazhi_report.parsers.html.titles`).
   Everything after the block (footers, link lists) is left out.

The lines go to the one structure builder with a paragraph hint per block; our own pages also
give the title and heading levels, and declare the organ, year and roles the renderer wrote in
``data-`` attributes (`fazhi_report.parsers.contract.DeclaredFacts`), which win over what the
builder derives.

The package's modules do one step each: `~fazhi_report.parsers.html.page` (bytes to a tree),
`~fazhi_report.parsers.html.content` (the content block), `~fazhi_report.parsers.html.walk`
(blocks to lines), `~fazhi_report.parsers.html.meta` (what stands around the block),
`~fazhi_report.parsers.html.titles` (the title the page states).
"""

from __future__ import annotations

from typing import Any

from fazhi_report.errors import EmptyInputError
from fazhi_report.parsers.contract import ReaderOutput
from fazhi_report.parsers.html._markup import hiding_classes, is_own
from fazhi_report.parsers.html.content import CONTENT_NAMES, find_content
from fazhi_report.parsers.html.meta import META_FIELDS, around, own_facts
from fazhi_report.parsers.html.page import decode_html, parse_tree
from fazhi_report.parsers.html.walk import LineWalk, block_lines

__all__ = [
    "CONTENT_NAMES",
    "META_FIELDS",
    "block_lines",
    "find_content",
    "read_html",
    "read_tree",
]


def read_tree(root: Any, *, encoding: str | None = None) -> ReaderOutput:
    """The lines of a parsed page and what it declares (see the module's description).

    Args:
        root: the page's tree, as lxml's HTML parser gives it.
        encoding: the encoding the page's bytes were decoded from, if any.
    """
    content = find_content(root)
    own = is_own(content)
    # our own pages hide nothing; a page's style sheet may hide watermarks by class
    classes = frozenset() if own else hiding_classes(root)
    walk = LineWalk(own, classes)
    walk.walk(content)
    if own:
        return ReaderOutput(walk.lines, encoding=encoding, facts=own_facts(content))
    page, lines = around(root, content, walk.lines, classes)
    return ReaderOutput(lines, encoding=encoding, page=page)


def read_html(data: str | bytes, *, source: str = "<html>") -> ReaderOutput:
    """The lines of a report's HTML page (a government site's, or our own), and what it declares.

    Args:
        data: the page's text, or its bytes (encoding as declared in ``<meta>``, else detected).
        source: a name for the page, used in error messages.

    Raises:
        EmptyInputError: the page is empty.
        DecodeError: the bytes are not text, or not HTML lxml can read to its end (elements
            nested more than 2,048 deep, with libxml2 2.14).

    Warns:
        FazhiReportWarning: bytes in a declared encoding that hold stray bytes or control
            characters, read as U+FFFD (the warning names the lines).
    """
    encoding = None
    raw = None
    if isinstance(data, bytes):
        given = data
        data, encoding = decode_html(given, source)
        if encoding == "utf-8" and "\ufffd" not in data:
            # UTF-8 without a byte-order mark, nothing read as U+FFFD: the text's bytes, as given
            raw = given
    if not data.strip():
        raise EmptyInputError("the page is empty", source=source)
    return read_tree(parse_tree(data, source, raw), encoding=encoding)
