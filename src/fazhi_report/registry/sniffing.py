"""Content tests: whether a document's first bytes look like a web page, or like binary data."""

from __future__ import annotations

import re

__all__ = ["looks_like_html"]

_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def looks_binary(data: bytes) -> bool:
    """Whether the first bytes hold a control character no text document starts with.

    Text with a byte-order mark (UTF-16 holds NUL bytes) is text.
    """
    if data.startswith(_TEXT_BOMS):
        return False
    return any(byte < 0x09 or 0x0E <= byte < 0x1B for byte in data[:8])


_UTF32_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"))
_UTF16_BOMS = ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_HTML_SPACE = b" \t\r\n\x0c"
_HTML_START = re.compile(rb"<(?:!doctype[ \t\r\n\x0c]+html|html)(?:[ \t\r\n\x0c>/]|$)", re.I)


def looks_like_html(data: bytes) -> bool:
    """Whether ``data`` is a web page: ``<!DOCTYPE html`` or ``<html`` (in any case) first.

    Before it may come a byte-order mark (a UTF-16 or UTF-32 page is read in its encoding),
    white space, comments (``<!-- saved from url=… -->``) and an XML declaration, as browsers
    allow. A fragment (``<p>…``) or Markdown holding some HTML is not a page: it stays text.
    """
    for bom, codec in (*_UTF32_BOMS, *_UTF16_BOMS):
        if data.startswith(bom):
            # the markup in ASCII-compatible bytes; what cannot be decoded is no markup
            data = data[len(bom) :].decode(codec, "replace").encode("utf-8", "replace")
            break
    else:
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
    # GB18030 and UTF-8 never use the bytes of "<!->? " inside a character: scan the bytes
    at = 0
    while True:
        while at < len(data) and data[at] in _HTML_SPACE:
            at += 1
        if data.startswith(b"<!--", at):
            end = data.find(b"-->", at + 4)
        elif data.startswith(b"<?", at):
            end = data.find(b"?>", at + 2)
        else:
            break
        if end < 0:
            return False
        at = end + (3 if data[at + 1] == ord("!") else 2)
    return _HTML_START.match(data, at) is not None
