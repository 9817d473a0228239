"""Safe access to Word packages (zip files of XML parts), for the DOCX reader and renderer.

A .docx from outside is untrusted: it may not be a zip, may lack its document part, may be a
zip bomb, may hold a part whose compressed data is corrupt, or may carry XML with a DOCTYPE or
external entities. Everything here refuses those with a `fazhi_report.errors.DecodeError`
naming the file (and the part), and parses XML with entities and network access off. lxml
(which python-docx brings) is imported on first use.

Memory is bounded by the limits below, checked on the sizes the package declares before
anything is unpacked, and again while unpacking (a part that unpacks to more than it declared
is refused). The document body is read as a stream (`iterparse_part`), so its tree is freed
paragraph by paragraph; a part read whole (`parse_xml`) costs up to about 31 times its size
(lxml keeps an element of four bytes, ``<x/>``, in 122 bytes).
"""

from __future__ import annotations

import io
import threading
import zipfile
import zlib
from collections.abc import Callable, Collection, Iterator, Mapping
from typing import Any

from fazhi_report.errors import DecodeError

__all__ = [
    "MAX_PARTS",
    "MAX_UNPACKED",
    "MAX_XML_PART",
    "W",
    "iterparse_part",
    "open_package",
    "parse_xml",
    "read_part",
    "rewrite_package",
]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
"""The WordprocessingML namespace."""

MAX_UNPACKED = 256 * 1024 * 1024
"""The most bytes a package may unpack to, all parts together (a report's package is a few
hundred kB; pictures, which are never unpacked, count too)."""

MAX_PARTS = 10_000
"""The most parts a package may hold."""

MAX_XML_PART = 16 * 1024 * 1024
"""The most bytes one XML part the library reads (``word/document.xml``, ``styles.xml``,
``numbering.xml``, a reference document's parts) may unpack to: 16 MiB.

Set from what the reader can hold. A report's ``document.xml`` is 0.05–3 MB, so the limit
leaves room for a document five times the longest. At the limit, converting to JSON takes
about 1 GB at worst (16 MiB of one-line points, ``一是推进。``, are 800,000 points; see
``bench/docx_memory.py``); the densest XML (elements of four bytes, ``<x/>``, 122 bytes each in
lxml) makes a tree of at most about 500 MB."""

try:  # a Python built without lzma cannot open such zip entries at all (NotImplementedError)
    from lzma import LZMAError as _LZMAError
except ImportError:  # pragma: no cover - depends on the build

    class _LZMAError(Exception):  # type: ignore[no-redef]
        pass


# What reading a damaged zip entry raises: a bad header or CRC (BadZipFile), a corrupt deflate
# stream (zlib.error), bzip2 (OSError) or lzma (LZMAError) data, a truncated stream
# (EOFError), an encrypted entry (RuntimeError), a compression method zipfile lacks
# (NotImplementedError), an entry overlapping another (ValueError in newer Pythons).
_ZIP_ERRORS = (
    KeyError,
    ValueError,
    zipfile.BadZipFile,
    OSError,
    EOFError,
    RuntimeError,
    NotImplementedError,
    zlib.error,
    _LZMAError,
)

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
    except _ZIP_ERRORS as exc:
        # NotImplementedError: a part that needs a newer zip than zipfile reads (version > 6.3)
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


def _info(package: zipfile.ZipFile, name: str, source: str) -> zipfile.ZipInfo:
    """The entry of an XML part, refused before unpacking when it declares too many bytes."""
    try:
        info = package.getinfo(name)
    except KeyError:
        raise DecodeError(f"the package has no part {name}", source=source) from None
    if info.file_size > MAX_XML_PART:
        raise DecodeError(
            f"the part {name} unpacks to {info.file_size:,} bytes, over the limit of "
            f"{MAX_XML_PART:,} for one XML part",
            source=source,
            expected="a .docx of a report",
        )
    return info


def read_part(package: zipfile.ZipFile, name: str, source: str) -> bytes:
    """The bytes of one part, read within the size the package declared for it.

    Raises:
        DecodeError: no such part, a part over `MAX_XML_PART`, one that unpacks to more than
            it declared, or one whose compressed data is damaged.
    """
    info = _info(package, name, source)
    try:
        with package.open(info) as part:
            data = part.read(info.file_size + 1)
    except _ZIP_ERRORS as exc:
        raise DecodeError(f"cannot read the part {name}: {exc}", source=source) from None
    if len(data) > info.file_size:
        raise DecodeError(f"the part {name} is larger than it says", source=source)
    return data


class _Bounded(io.RawIOBase):
    """A part's unpacked bytes as a stream that refuses to give more than the part declared.

    lxml reads it in chunks, so the part is never whole in memory; errors of the zip layer
    come out as `DecodeError` (lxml passes on what ``read`` raises).
    """

    def __init__(self, package: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> None:
        super().__init__()
        self.info = info
        self.source = source
        self.left = info.file_size
        try:
            self.stream = package.open(info)
        except _ZIP_ERRORS as exc:
            raise DecodeError(
                f"cannot read the part {info.filename}: {exc}", source=source
            ) from None

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        want = 64 * 1024 if size is None or size < 0 else size
        try:
            data = self.stream.read(min(want, self.left + 1))
        except _ZIP_ERRORS as exc:
            raise DecodeError(
                f"cannot read the part {self.info.filename}: {exc}", source=self.source
            ) from None
        self.left -= len(data)
        if self.left < 0:
            raise DecodeError(
                f"the part {self.info.filename} is larger than it says", source=self.source
            )
        return data

    def close(self) -> None:
        self.stream.close()
        super().close()


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


def _syntax_error(exc: Any, source: str, part: str) -> DecodeError:
    return DecodeError(
        f"the part {part} is not well-formed XML: {exc}",
        source=source,
        line=getattr(exc, "lineno", None) or None,
    )


def _doctype_error(source: str, part: str) -> DecodeError:
    return DecodeError(
        f"the part {part} declares a DOCTYPE, which a Word file never needs",
        source=source,
        expected="XML without DOCTYPE or entities",
    )


def parse_xml(data: bytes, source: str, part: str) -> Any:
    """The root element of an XML part; a DOCTYPE (and so any entity) is refused.

    Raises:
        DecodeError: malformed XML, or XML that declares a DOCTYPE.
    """
    from lxml import etree

    parser = _parser()
    try:
        root = etree.fromstring(data, parser)
    except (etree.LxmlError, ValueError) as exc:
        # ValueError: lxml's own refusals (bytes that declare an encoding it cannot use)
        raise _syntax_error(exc, source, part) from None
    if root.getroottree().docinfo.doctype:
        raise _doctype_error(source, part)
    return root


def iterparse_part(
    package: zipfile.ZipFile, name: str, source: str, tags: Collection[str]
) -> Iterator[Any]:
    """The elements of an XML part with one of ``tags``, each as its end tag is read.

    The part is unpacked and parsed as a stream: the caller frees what it is done with (see
    lxml's ``iterparse``), so a long part costs the memory of one piece at a time. A DOCTYPE
    is refused before anything is yielded.

    Raises:
        DecodeError: no such part, a part over `MAX_XML_PART` or larger than it says,
            damaged compressed data, malformed XML, or XML that declares a DOCTYPE.
    """
    from lxml import etree

    stream = _Bounded(package, _info(package, name, source), source)
    events = etree.iterparse(
        stream,
        events=("end",),
        tag=tuple(tags),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    checked = False
    try:
        with stream:
            for _, element in events:
                if not checked:
                    # the prolog, DOCTYPE included, was read before the root's start tag
                    if element.getroottree().docinfo.doctype:
                        raise _doctype_error(source, name)
                    checked = True
                yield element
        root = events.root
        if not checked and root is not None and root.getroottree().docinfo.doctype:
            raise _doctype_error(source, name)
    except (etree.LxmlError, ValueError) as exc:
        raise _syntax_error(exc, source, name) from None


def rewrite_package(
    package: zipfile.ZipFile,
    replace: Mapping[str, bytes],
    add: Callable[[zipfile.ZipFile], None],
    source: str = "<docx>",
) -> bytes:
    """A copy of ``package`` with some parts replaced and others added by ``add``.

    Raises:
        DecodeError: a part that cannot be unpacked (damaged compressed data).
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in package.infolist():
            if info.filename in replace:
                out.writestr(info.filename, replace[info.filename])
                continue
            try:
                data = package.read(info)
            except _ZIP_ERRORS as exc:
                raise DecodeError(
                    f"cannot read the part {info.filename}: {exc}", source=source
                ) from None
            out.writestr(info, data)
        add(out)
    return buffer.getvalue()
