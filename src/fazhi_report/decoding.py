"""Turning the bytes of a file into text: the encodings reports are published in, and nothing else.

Reports reach users as UTF-8 (with or without a byte-order mark), as UTF-16 or UTF-32 with a
byte-order mark (Word's "Unicode text"; written back in the same byte order), as GB18030/GBK
(older Windows tools) and, for traditional characters, as Big5 (told from GB18030 by the
characters it gives). Anything else is refused with a `fazhi_report.errors.DecodeError` rather
than decoded into mojibake, and so are a few bytes too short to tell.

Bytes are held to a stricter standard than a ``str``: a C0 control character (other than tab,
line and page breaks) in decoded bytes is taken as a sign of binary data and refused, while
``parse(str)`` keeps every character, losslessly, since a ``str`` is text already.

Web pages are decoded as browsers decode them (`decode_page`): a page that names its encoding
(a byte-order mark, or a ``<meta>`` declaration) and holds a stray byte that encoding has no
character for, or a control character, is read with U+FFFD in that place and a
`fazhi_report.errors.FazhiReportWarning` naming the lines, rather than refused. A page that
names no encoding is held to the strict rule of text files, since a stray byte cannot be told
from bytes of another encoding there.
"""

from __future__ import annotations

import codecs
import re
import warnings
from collections.abc import Callable

from fazhi_report.errors import DecodeError, EmptyInputError, EncodeError, FazhiReportWarning

__all__ = ["PAGE_CONTROLS", "decode", "decode_page", "encode"]

_EXPECTED = "text in UTF-8, UTF-16 with a byte-order mark, or GB18030/GBK"
# C0 controls other than tab, line feed, vertical tab, form feed and carriage return never occur in
# a report; bytes that decode to them are binary data that happened to be valid in some encoding.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Each byte-order mark, the codec name `decode` returns for it, and the codec that reads what
# follows the mark. Python's "utf-16" and "utf-32" codecs write the mark in the machine's own
# byte order, so a big-endian file would come back little-endian; the "-sig" names below keep
# the order the file had (`encode` writes the mark back), as "utf-8-sig" does for UTF-8.
# UTF-32-LE's mark starts with UTF-16-LE's: it must be tried first.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le-sig", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be-sig", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le-sig", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be-sig", "utf-16-be"),
)
_SIG_CODECS = {name: (bom, base) for bom, name, base in _BOMS if name != "utf-8-sig"}


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _line_of(data: bytes, offset: int, encoding: str = "utf-8") -> int:
    """The 1-based line of byte ``offset``, counting line breaks in the decoded text before it."""
    before = data[:offset].decode(encoding, errors="replace")
    return len(_LINE_BREAK.findall(before)) + 1


_CJK = re.compile("[\u4e00-\u9fff]+")


def _misread(text: str) -> bool:
    """Whether GB18030 text is mostly characters outside GB2312, as misread bytes are."""
    cjk = "".join(_CJK.findall(text))
    if len(cjk) < 10:
        return False
    common = len(cjk.encode("gb2312", errors="ignore")) // 2
    return common < 0.7 * len(cjk)


def _seldom_used(text: str) -> str:
    """For text with fewer than 10 Chinese characters: the characters outside GB2312 (the
    common simplified characters and punctuation), which short text in GB18030 rarely has."""
    if len("".join(_CJK.findall(text))) >= 10:
        return ""  # long enough for `_misread` to judge
    rare = [c for c in text if ord(c) > 0x7F and not c.encode("gb2312", errors="ignore")]
    return "".join(dict.fromkeys(rare))[:10]


def decode(data: bytes, source: str = "<bytes>") -> tuple[str, str]:
    """Decode the bytes of a report; return the text and the name of the encoding used.

    Args:
        data: the raw bytes.
        source: a name for the bytes (usually the file name), used in error messages.

    Returns:
        The text, and the name of a codec `encode` writes the same bytes back with: ``"utf-8"``,
        ``"utf-8-sig"`` (UTF-8 with a byte-order mark), ``"utf-16-le-sig"``,
        ``"utf-16-be-sig"``, ``"utf-32-le-sig"``, ``"utf-32-be-sig"`` (with the mark, in the
        file's byte order), ``"gb18030"`` or ``"big5"``. The byte-order mark is not part of
        the text.

    Raises:
        EmptyInputError: the bytes are empty or only whitespace.
        DecodeError: the bytes are not text in any encoding reports are published in, or
            are too short to tell which (a few bytes that are not UTF-8 and decode as
            GB18030 only into characters Chinese text seldom uses).
    """
    if not data.strip():
        raise EmptyInputError("the input is empty", source=source, expected="the text of a report")
    for bom, encoding, base in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(base)
            except UnicodeDecodeError as exc:
                offset = exc.start + len(bom)
                name = base.upper()
                raise DecodeError(
                    f"starts with a {name} byte-order mark but is not valid {name} (byte {offset})",
                    source=source,
                    line=_line_of(data, offset, base),
                    expected=_EXPECTED,
                ) from None
            if not text.strip():
                raise EmptyInputError(
                    "the input holds only a byte-order mark",
                    source=source,
                    expected="the text of a report",
                )
            return _checked(text, source), encoding
    nul = data.find(b"\x00")
    if nul >= 0:
        raise DecodeError(
            "contains NUL bytes, so it is binary data (or UTF-16 without a byte-order mark)",
            source=source,
            line=_line_of(data, nul),
            expected=_EXPECTED,
        )
    try:
        return _checked(data.decode("utf-8"), source), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
            if not _misread(text) and not _seldom_used(text):
                return _checked(text, source), "gb18030"
            if _misread(text):
                # Big5 (traditional characters, Taiwan and Hong Kong) also decodes as GB18030,
                # into rare characters; read it as Big5 when it is valid Big5
                try:
                    return _checked(data.decode("big5"), source), "big5"
                except UnicodeDecodeError:
                    raise DecodeError(
                        "decodes as GB18030 only into rare characters, so it is in some "
                        "other encoding",
                        source=source,
                        expected=_EXPECTED,
                    ) from None
            # Too little Chinese text to judge, and some of it outside the common set: these
            # are more likely bytes of another encoding that happen to be valid GB18030.
            raise DecodeError(
                "is not UTF-8, and as GB18030 gives characters Chinese text seldom uses "
                f"({_seldom_used(text)}), so its encoding cannot be told",
                source=source,
                expected=_EXPECTED,
            )
        except UnicodeDecodeError:
            raise DecodeError(
                f"is neither UTF-8 (invalid byte at offset {utf8_error.start}) nor GB18030",
                source=source,
                line=_line_of(data, utf8_error.start),
                expected=_EXPECTED,
            ) from None


def _checked(text: str, source: str) -> str:
    bad = _CONTROL.search(text)
    if bad is not None:
        raise DecodeError(
            f"contains the control character U+{ord(bad.group()):04X}, so it is not plain text",
            source=source,
            line=len(_LINE_BREAK.findall(text, 0, bad.start())) + 1,
            expected=_EXPECTED,
        )
    return text


# ------------------------------------------------------------------------------- web pages

PAGE_CONTROLS = "".join(map(chr, (*range(0x09), 0x0B, *range(0x0E, 0x20), *range(0x7F, 0xA0))))
"""The characters a web page's text is not taken to hold (`decode_page` reads each as U+FFFD):
the C0 controls other than HTML's whitespace (tab, line feed, form feed, carriage return),
DEL and the C1 controls. Browsers show none of them; a Word file cannot hold the C0 ones, and
``str.splitlines`` breaks lines at some (U+001C to U+001E, U+0085)."""

# A lone surrogate marks each invalid byte sequence while decoding: no codec gives one for bytes,
# so it cannot be confused with the page's own text (which may hold U+FFFD).
_BAD = "\udfff"
_ERRORS = "fazhi_report.page"
_UNICODE_CODECS = ("utf-8", "utf8", "utf-16", "utf-32")
_FIX = re.compile(f"[{_BAD}{re.escape(PAGE_CONTROLS)}]")
_NAMED_LINES = 5  # lines a warning names; it counts the rest


def _mark_invalid(exc: UnicodeError) -> tuple[str, int]:
    """Error handler: one marker for an invalid byte sequence, resuming where a browser would.

    Python's UTF decoders report the maximal invalid subpart, as the WHATWG Encoding Standard
    reads it. Its multi-byte CJK decoders may take the ASCII bytes after an invalid lead byte
    into the error (``81 30 78`` in GB18030); browsers give those back, so only the non-ASCII
    bytes from the lead on are skipped.
    """
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    end = exc.end
    if not exc.encoding.lower().replace("_", "-").startswith(_UNICODE_CODECS):
        end = exc.start + 1
        while end < exc.end and exc.object[end] >= 0x80:
            end += 1
    return _BAD, end


codecs.register_error(_ERRORS, _mark_invalid)


_GB = frozenset(("gbk", "gb2312", "gb_2312-80", "x-gbk", "gb18030", "cp936", "euc-cn"))


def _page_encoding(label: str | None) -> str | None:
    """The codec a page's declared charset names, as browsers map labels; None if unknown."""
    if not label:
        return None
    label = label.strip().lower()
    if label in _GB:
        return "gb18030"  # GBK and GB2312 are read as their superset, as browsers do
    if label.replace("_", "-").startswith(("utf-16", "utf-32", "unicode")):
        # a declaration read from ASCII bytes cannot be UTF-16: browsers take it as UTF-8
        return "utf-8"
    try:
        name = codecs.lookup(label).name
        b"".decode(label)  # "base64", "rot13"…: codecs, but not of text
    except LookupError:
        return None
    return "utf-8" if name == "utf-8" else label


def _as_browser(text: str, source: str, encoding: str) -> str:
    """``text`` with each marked invalid sequence and each of `PAGE_CONTROLS` read as U+FFFD,
    and one warning naming the lines, if there was any."""
    if _FIX.search(text) is None:
        return text
    invalid = controls = 0
    lines: list[int] = []
    line, last = 1, 0
    for found in _FIX.finditer(text):
        line += len(_LINE_BREAK.findall(text, last, found.start()))
        last = found.start()
        if found.group() == _BAD:
            invalid += 1
        else:
            controls += 1
        if not lines or lines[-1] != line:
            lines.append(line)
    what = []
    if invalid:
        what.append(f"{invalid:,} byte sequence{'s' if invalid > 1 else ''} not valid {encoding}")
    if controls:
        what.append(f"{controls:,} control character{'s' if controls > 1 else ''}")
    named = ", ".join(map(str, lines[:_NAMED_LINES]))
    if len(lines) > _NAMED_LINES:
        named += f" and {len(lines) - _NAMED_LINES:,} more"
    warnings.warn(
        FazhiReportWarning(
            f"{' and '.join(what)} read as U+FFFD, as a browser shows them "
            f"(line{'s' if len(lines) > 1 else ''} {named})",
            source=source,
            line=lines[0],
        ),
        stacklevel=3,
    )
    return _FIX.sub("\ufffd", text)


def _lenient(data: bytes, encoding: str) -> tuple[str, int]:
    """``data`` decoded with invalid sequences marked, and how many there were."""
    text = data.decode(encoding, _ERRORS)
    return text, text.count(_BAD)


def decode_page(
    data: bytes, source: str = "<bytes>", declared: Callable[[], str | None] = lambda: None
) -> tuple[str, str]:
    """Decode the bytes of a web page as a browser does; return the text and the encoding.

    The encoding is the one a byte-order mark names, else UTF-8 when the bytes are UTF-8
    (whatever the page declares, as `fazhi_report.parsers.html` has always read them), else
    the one the page declares (GBK and GB2312 are read as GB18030). In a page that names its
    encoding either way, each byte sequence that encoding has no character for and each of
    `PAGE_CONTROLS` is read as U+FFFD, with one `FazhiReportWarning` naming the lines.

    A declaration the bytes mostly contradict (more than half of the characters beyond ASCII
    would be U+FFFD) is not believed: the bytes are detected as `decode` detects them, and
    when that fails too, the one of the declared encoding, UTF-8 and GB18030 that reads the
    fewest invalid sequences is used. A page that declares nothing is decoded by `decode`,
    with its strict rule.

    Args:
        data: the page's bytes.
        source: a name for the page, used in errors and warnings.
        declared: gives the charset the page declares in ``<meta>`` (or None); called only
            when it is needed, as finding it parses the head of the page.

    Returns:
        The text, and the encoding's name (the names `decode` returns, or the declared one).

    Raises:
        EmptyInputError, DecodeError: as `decode`, for a page that names no encoding.
    """
    for bom, name, base in _BOMS:
        if data.startswith(bom):
            text, _ = _lenient(data[len(bom) :], base)
            return _as_browser(text, source, base.upper()), name
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _FIX.search(text) is None:
            return text, "utf-8"
        if _page_encoding(declared()) is None:
            return decode(data, source)  # no declaration: the strict rule of text files
        return _as_browser(text, source, "UTF-8"), "utf-8"
    encoding = _page_encoding(declared())
    if encoding is None:
        return decode(data, source)
    text, invalid = _lenient(data, encoding)
    if invalid and 2 * invalid > len(text) - len(text.encode("ascii", "ignore")):
        try:
            return decode(data, source)  # the declaration is wrong: the bytes tell
        except DecodeError:
            pass
        for other in ("utf-8", "gb18030"):
            if other != encoding:
                other_text, other_invalid = _lenient(data, other)
                if other_invalid < invalid:
                    text, invalid, encoding = other_text, other_invalid, other
    return _as_browser(text, source, encoding.upper()), encoding


def encode(text: str, encoding: str, target: str = "<output>") -> bytes:
    """Encode ``text`` for writing, or raise an EncodeError naming the character and line.

    Args:
        text: the text to write.
        encoding: a Python codec name, e.g. ``"utf-8"`` or ``"gb18030"``, or a name `decode`
            returns: ``"utf-16-be-sig"`` and the like write a byte-order mark in that byte
            order, then the text.
        target: a name for where the bytes go, used in error messages.

    Raises:
        EncodeError: no such encoding, or a character it cannot write.
    """
    try:
        sig = _SIG_CODECS.get(encoding.lower().replace("_", "-"))
        if sig is not None:
            bom, base = sig
            return bom + text.encode(base)
        return text.encode(encoding)
    except LookupError:
        raise EncodeError(f"no such encoding {encoding!r}", source=target) from None
    except UnicodeEncodeError as exc:
        bad = text[exc.start]
        raise EncodeError(
            f"{encoding!r} cannot write {bad!r} (U+{ord(bad):04X})",
            source=target,
            line=text.count("\n", 0, exc.start) + 1,
            expected="an encoding that holds every character, such as 'utf-8'",
        ) from None
