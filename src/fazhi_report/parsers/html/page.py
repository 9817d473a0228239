"""A web page's bytes to a tree: decoded as a browser decodes them, parsed by lxml whole or
refused (see `fazhi_report.parsers.html`)."""

from __future__ import annotations

import re
from typing import Any

from fazhi_report.decoding import decode_page
from fazhi_report.errors import DecodeError, EmptyInputError

__all__ = ["decode_html", "html_parser", "parse_tree", "read_whole"]


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


def decode_html(data: bytes, source: str) -> tuple[str, str]:
    """The text of a page's bytes and the encoding read, as `decode_page` tells them."""
    return decode_page(data, source, lambda: _declared_charset(data))


def html_parser() -> Any:
    """lxml's HTML parser as this reader uses it.

    ``huge_tree`` lifts the limits libxml2 sets for documents of unknown origin, which it
    meets by stopping early and keeping what it read: elements nested 256 deep, a text,
    comment or attribute of 10,000,000 bytes. Its own limits stay (elements nested 2,048
    deep in libxml2 2.14; texts of 1,000,000,000 bytes): `read_whole` refuses a page
    that meets one. The tree's size follows the page's, as without the option.
    """
    import lxml.etree

    # the plain etree elements, not lxml.html's classes, as this reader needs none of their
    # methods
    return lxml.etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
    )


def read_whole(parser: Any, source: str, first_line: int = 1, what: str = "the page") -> None:
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


def parse_tree(text: str, source: str, raw: bytes | None = None) -> Any:
    """The page's tree; ``raw``, when given, is ``text`` in UTF-8 (the bytes it was read from)."""
    import lxml.etree

    # bytes, not str: lxml refuses a str that carries an XML encoding declaration (XHTML)
    parser = html_parser()
    try:
        if raw is None:
            raw = text.encode("utf-8", "surrogatepass")
        root = lxml.etree.fromstring(raw, parser)
    except (ValueError, lxml.etree.LxmlError) as exc:
        raise DecodeError(f"the page cannot be read as HTML: {exc}", source=source) from None
    read_whole(parser, source)
    if root is None:
        raise EmptyInputError("the page holds no HTML to read", source=source)
    return root
