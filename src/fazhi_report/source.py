"""Turning the bytes of a file into text: the encodings reports are published in, and nothing else.

Reports reach users as UTF-8 (with or without a byte-order mark), as UTF-16 with a byte-order mark
(Word's "Unicode text") and as GB18030/GBK (older Windows tools). Anything else is refused with a
`fazhi_report.errors.DecodeError` rather than decoded into mojibake.
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
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes, source: str = "<bytes>") -> tuple[str, str]:
    """Decode the bytes of a report; return the text and the name of the encoding used.

    Args:
        data: the raw bytes.
        source: a name for the bytes (usually the file name), used in error messages.

    Raises:
        EmptyInputError: the bytes are empty or only whitespace.
        DecodeError: the bytes are not text in any encoding reports are published in.
    """
    if not data.strip():
        raise EmptyInputError("the input is empty", source=source, expected="the text of a report")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"starts with a {encoding.upper()} byte-order mark but is not valid "
                    f"{encoding.upper()} (byte {exc.start})",
                    source=source,
                    line=_line_of(data, exc.start),
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
            return _checked(data.decode("gb18030"), source), "gb18030"
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
            line=text.count("\n", 0, bad.start()) + 1,
            expected=_EXPECTED,
        )
    return text


def encode(text: str, encoding: str, target: str = "<output>") -> bytes:
    """Encode ``text`` for writing, or raise an EncodeError naming the character and line.

    Args:
        text: the text to write.
        encoding: a Python codec name, e.g. ``"utf-8"`` or ``"gb18030"``.
        target: a name for where the bytes go, used in error messages.

    Raises:
        EncodeError: no such encoding, or a character it cannot write.
    """
    try:
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
