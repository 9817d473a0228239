"""Turning the bytes of a file into text: the encodings reports are published in, and nothing else.

Reports reach users as UTF-8 (with or without a byte-order mark), as UTF-16 with a byte-order mark
(Word's "Unicode text"), as GB18030/GBK (older Windows tools) and, for traditional characters, as
Big5 (told from GB18030 by the characters it gives). Anything else is refused with a
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
                # the -sig codec counts offsets after its byte-order mark
                offset = exc.start + (len(bom) if encoding == "utf-8-sig" else 0)
                name = "UTF-8" if encoding == "utf-8-sig" else encoding.upper()
                raise DecodeError(
                    f"starts with a {name} byte-order mark but is not valid {name} (byte {offset})",
                    source=source,
                    line=_line_of(data, offset, encoding),
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
            return _checked(text, source), "gb18030"
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
