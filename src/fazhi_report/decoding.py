"""Turning the bytes of a file into text: the encodings reports are published in, and nothing else.

Reports reach users as UTF-8 (with or without a byte-order mark), as UTF-16 or UTF-32 with a
byte-order mark (Word's "Unicode text"; written back in the same byte order), as GB18030/GBK
(older Windows tools) and, for traditional characters, as Big5 (told from GB18030 by the
characters it gives). Anything else is refused with a `fazhi_report.errors.DecodeError` rather
than decoded into mojibake, and so are a few bytes too short to tell.

Bytes are held to a stricter standard than a ``str``: a C0 control character (other than tab,
line and page breaks) in decoded bytes is taken as a sign of binary data and refused, while
``parse(str)`` keeps every character, losslessly, since a ``str`` is text already.
"""

from __future__ import annotations

import codecs
import re

from fazhi_report.errors import DecodeError, EmptyInputError, EncodeError

__all__ = ["decode", "encode"]

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
