"""Safe access to Word packages (zip files of XML parts), for the DOCX reader and renderer.

A .docx from outside is untrusted: it may not be a zip, may lack its document part, may be a
zip bomb, or may carry XML with a DOCTYPE or external entities. Everything here refuses those
with a `fazhi_report.errors.DecodeError` naming the file, before parsing, and parses XML with
entities and network access off. lxml (which python-docx brings) is imported on first use.
"""

from __future__ import annotations

import io
import threading
import zipfile
from collections.abc import Callable, Mapping
from typing import Any

from fazhi_report.errors import DecodeError

__all__ = [
    "MAX_PARTS",
    "MAX_UNPACKED",
    "W",
    "open_package",
    "parse_xml",
    "read_part",
    "rewrite_package",
]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
"""The WordprocessingML namespace."""

MAX_UNPACKED = 256 * 1024 * 1024
"""The most bytes a package may unpack to (a report's package is a few hundred kB)."""

MAX_PARTS = 10_000
"""The most parts a package may hold."""

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def open_package(data: bytes, source: str) -> zipfile.ZipFile:
    """The zip file of a Word package, checked for what it must and must not be.

    Raises:
        DecodeError: a legacy .doc or an encrypted file (both OLE containers), not a zip, no
            ``word/document.xml``, or more parts or unpacked bytes than the limits allow.
    """
    if data.startswith(_OLE):
        raise DecodeError(
            "this is an OLE file: a legacy Word .doc, or a password-protected .docx",
            source=source,
            expected="a .docx; convert a .doc first (libreoffice --headless --convert-to docx)"
            " and remove any password",
        )
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        infos = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise DecodeError(f"not a Word file: {exc}", source=source, expected="a .docx") from None
    if len(infos) > MAX_PARTS:
        raise DecodeError(
            f"the package holds {len(infos):,} parts", source=source, expected="a .docx"
        )
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNPACKED:
        raise DecodeError(
            f"the package unpacks to {unpacked:,} bytes, over the limit of {MAX_UNPACKED:,}",
            source=source,
            expected="a .docx of a report",
        )
    if "word/document.xml" not in package.namelist():
        raise DecodeError(
            "the zip file has no word/document.xml", source=source, expected="a .docx"
        )
    return package


def read_part(package: zipfile.ZipFile, name: str, source: str) -> bytes:
    """The bytes of one part, read within the size the package declared for it."""
    try:
        info = package.getinfo(name)
        with package.open(info) as part:
            data = part.read(info.file_size + 1)
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:
        raise DecodeError(f"cannot read the part {name}: {exc}", source=source) from None
    if len(data) > info.file_size:
        raise DecodeError(f"the part {name} is larger than it says", source=source)
    return data


_PARSERS = threading.local()


def _parser() -> Any:
    # made once a thread (an lxml parser is not shared between threads): making one costs
    # as much as parsing a small part
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        from lxml import etree

        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        )
        _PARSERS.parser = parser
    return parser


def parse_xml(data: bytes, source: str, part: str) -> Any:
    """The root element of an XML part; a DOCTYPE (and so any entity) is refused.

    Raises:
        DecodeError: malformed XML, or XML that declares a DOCTYPE.
    """
    from lxml import etree

    parser = _parser()
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise DecodeError(
            f"the part {part} is not well-formed XML: {exc}", source=source, line=exc.lineno
        ) from None
    if root.getroottree().docinfo.doctype:
        raise DecodeError(
            f"the part {part} declares a DOCTYPE, which a Word file never needs",
            source=source,
            expected="XML without DOCTYPE or entities",
        )
    return root


def rewrite_package(
    package: zipfile.ZipFile, replace: Mapping[str, bytes], add: Callable[[zipfile.ZipFile], None]
) -> bytes:
    """A copy of ``package`` with some parts replaced and others added by ``add``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in package.infolist():
            if info.filename in replace:
                out.writestr(info.filename, replace[info.filename])
            else:
                out.writestr(info, package.read(info))
        add(out)
    return buffer.getvalue()
