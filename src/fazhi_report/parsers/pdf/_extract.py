"""The text layer of a PDF, page by page: glyphs with positions and fonts, rules and images.

pdfminer.six interprets each page's content streams; a device of our own keeps, for each
glyph, only what the layout pass needs (`Glyph`), and the straight rules and images of the
page (`Page`), never pdfminer's layout objects. Every input is bounded before and while it is
read (see the limits in `fazhi_report.parsers.pdf`): the file's size, the page count, what any
stream unpacks to and what all of them do, the content interpreted (forms drawn many times
count each time), the glyphs, and how deep forms and objects nest. Whatever pdfminer raises
on a damaged file becomes a `fazhi_report.errors.DecodeError` naming the file.
"""

from __future__ import annotations

import contextlib
import contextvars
import io
import logging
import unicodedata
import zlib
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from pdfminer import lzw as _lzw
from pdfminer import pdftypes as _pdftypes
from pdfminer.converter import PDFLayoutAnalyzer
from pdfminer.layout import LTComponent, LTContainer, LTCurve, LTImage, LTPage
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFGraphicState, PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psexceptions import PSException

from fazhi_report.errors import DecodeError

__all__ = ["Glyph", "Limits", "Page", "Rule", "read_pages"]

# pdfminer logs every oddity of a damaged file at WARNING: what matters reaches the caller as
# an error of ours, so its chatter stays out of the caller's logs
logging.getLogger("pdfminer").setLevel(logging.ERROR)


class Limits(NamedTuple):
    """The bounds a PDF is read within (the values are in `fazhi_report.parsers.pdf`)."""

    file_bytes: int
    pages: int
    stream_bytes: int
    unpacked_bytes: int
    content_bytes: int
    glyphs: int
    depth: int


class Glyph(NamedTuple):
    """One drawn character: its text, left and right edges, baseline, size, font and colour.

    ``red`` marks a fill colour a letterhead or a seal is printed in.
    """

    text: str
    x0: float
    x1: float
    y: float
    size: float
    font: str
    red: bool


class Rule(NamedTuple):
    """A straight horizontal or vertical stroke or thin filled rectangle (table ruling, a
    letterhead's line): its box, and whether it is red."""

    x0: float
    y0: float
    x1: float
    y1: float
    red: bool


class Page(NamedTuple):
    """What one page draws: upright glyphs in drawing order, rules, image boxes, its size.

    ``turned`` counts the glyphs drawn rotated or sideways (a seal's ring of text, a stamp),
    which are not read.
    """

    glyphs: list[Glyph]
    rules: list[Rule]
    images: list[tuple[float, float, float, float]]
    width: float
    height: float
    turned: int


class _Refused(Exception):
    """A bound was passed: carries the message of the `DecodeError` raised for it."""


# -- bounded decompression ------------------------------------------------------------------
# pdfminer unpacks Flate and LZW streams whole, with no bound: a few kilobytes of zeros unpack
# to gigabytes. Its module-level zlib and lzwdecode are replaced once by bounded ones that
# apply our limits while a PDF is read here, and behave as before for any other caller.


class _Budget:
    __slots__ = ("content", "glyphs", "limits", "unpacked")

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.unpacked = 0
        self.content = 0
        self.glyphs = 0

    def unpack(self, size: int) -> None:
        self.unpacked += size
        if self.unpacked > self.limits.unpacked_bytes:
            raise _Refused(
                f"its streams unpack to more than {self.limits.unpacked_bytes >> 20} MiB "
                "(a compression bomb?)"
            )


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar(
    "fazhi_report_pdf_budget", default=None
)


def _bounded_inflate(data: bytes) -> bytes:
    budget = _BUDGET.get()
    if budget is None:
        return zlib.decompress(data)
    limit = budget.limits.stream_bytes
    d = zlib.decompressobj()
    try:
        out = d.decompress(data, limit + 1)
    except zlib.error as exc:
        # pdfminer would read what comes before the damage: a shorter text, said nowhere
        raise _Refused(f"a compressed stream is damaged ({exc})") from None
    if len(out) > limit:
        raise _Refused(f"a stream unpacks to more than {limit >> 20} MiB (a compression bomb?)")
    if not d.eof:
        raise _Refused("a compressed stream is cut short")
    budget.unpack(len(out))
    return out


class _Zlib:
    """zlib as pdfminer's stream module sees it: `decompress` bounded, the rest as is."""

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)

    decompress = staticmethod(_bounded_inflate)


_plain_lzwdecode = _lzw.lzwdecode


def _bounded_lzwdecode(data: bytes) -> bytes:
    budget = _BUDGET.get()
    if budget is None:
        return _plain_lzwdecode(data)
    limit = budget.limits.stream_bytes
    pieces, size = [], 0
    for piece in _lzw.LZWDecoder(io.BytesIO(data)).run():
        size += len(piece)
        if size > limit:
            raise _Refused(f"a stream unpacks to more than {limit >> 20} MiB (an LZW bomb?)")
        pieces.append(piece)
    budget.unpack(size)
    return b"".join(pieces)


_pdftypes.zlib = _Zlib()  # type: ignore[attr-defined,assignment]
_pdftypes.lzwdecode = _bounded_lzwdecode  # type: ignore[attr-defined]


# -- the device and interpreter ------------------------------------------------------------


def _is_red(color: object) -> bool:
    """Whether a fill or stroke colour is the red of a letterhead or a seal."""
    if isinstance(color, (list, tuple)):
        values = [v for v in color if isinstance(v, (int, float))]
        if len(values) == 3:
            r, g, b = values
            return r > 0.6 and g < 0.35 and b < 0.35
        if len(values) == 4:  # CMYK
            c, m, y, k = values
            return c < 0.3 and m > 0.6 and y > 0.5 and k < 0.3
    return False


# the forms a PDF writer maps CJK characters to instead of the ideographs a reader types
# (Kangxi radicals, compatibility ideographs): folded to the ideograph the text means
_FOLD_FROM = frozenset(range(0x2F00, 0x2FE0)) | frozenset(range(0xF900, 0xFB00))


def _fold(text: str) -> str:
    if len(text) == 1 and ord(text) in _FOLD_FROM:
        return unicodedata.normalize("NFKC", text)
    return text


class _Device(PDFLayoutAnalyzer):
    """Collects glyphs as plain tuples (no layout objects), rules and images via pdfminer."""

    def __init__(self, rsrcmgr: PDFResourceManager, budget: _Budget) -> None:
        super().__init__(rsrcmgr, laparams=None)
        self.budget = budget
        self.glyphs: list[Glyph] = []
        self.turned = 0
        self.unmapped = 0
        self.layout: LTPage | None = None

    def render_char(
        self,
        matrix: tuple[float, float, float, float, float, float],
        font: PDFFont,
        fontsize: float,
        scaling: float,
        rise: float,
        cid: int,
        ncs: Any,
        graphicstate: PDFGraphicState,
    ) -> float:
        budget = self.budget
        budget.glyphs += 1
        if budget.glyphs > budget.limits.glyphs:
            raise _Refused(f"it draws more than {budget.limits.glyphs:,} characters")
        adv = font.char_width(cid) * fontsize * scaling
        a, b, c, d, e, f = matrix
        if font.is_vertical() or abs(b) > 1e-3 or abs(c) > 1e-3 or a <= 0 or d <= 0:
            self.turned += 1
            return adv
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            self.unmapped += 1
            text = "\ufffd"
        if text.isspace() or not text:
            return adv  # spacing is read from the positions, as a reader sees it
        x0 = e
        self.glyphs.append(
            Glyph(
                _fold(text),
                x0,
                x0 + a * adv,
                f + d * rise,
                d * fontsize,
                font.fontname if isinstance(font.fontname, str) else str(font.fontname),
                _is_red(graphicstate.ncolor),
            )
        )
        return adv

    def receive_layout(self, ltpage: LTPage) -> None:
        self.layout = ltpage


class _Interpreter(PDFPageInterpreter):
    """pdfminer's interpreter, counting the content it runs and how deep forms nest."""

    depth = 0

    def render_contents(
        self,
        resources: dict[object, object],
        streams: Sequence[object],
        ctm: tuple[float, float, float, float, float, float] = (1, 0, 0, 1, 0, 0),
    ) -> None:
        device = self.device
        assert isinstance(device, _Device)
        budget = device.budget
        if self.depth > budget.limits.depth:
            raise _Refused(f"its forms nest more than {budget.limits.depth} deep")
        for stream in streams:
            found = stream_value(stream)
            if isinstance(found, PDFStream):
                budget.content += len(found.get_data())
        if budget.content > budget.limits.content_bytes:
            raise _Refused(
                f"it draws more than {budget.limits.content_bytes >> 20} MiB of page content"
            )
        super().render_contents(resources, streams, ctm)

    def subinterp(self) -> PDFPageInterpreter:
        found = super().subinterp()
        assert isinstance(found, _Interpreter)
        found.depth = self.depth + 1
        return found


def _walk(item: LTComponent, rules: list[Rule], images: list[Any]) -> None:
    if isinstance(item, LTCurve):  # LTLine and LTRect are curves
        x0, y0, x1, y1 = item.bbox
        thin = min(x1 - x0, y1 - y0) <= 3.0
        if thin and (item.stroke or item.fill) and len(item.pts) <= 5:
            red = _is_red(item.stroking_color if item.stroke else item.non_stroking_color)
            rules.append(Rule(x0, y0, x1, y1, red))
        elif len(item.pts) == 5 and item.stroke:
            # a stroked rectangle: its four sides are rules (a table's outer frame)
            for box in ((x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)):
                rules.append(Rule(*box, _is_red(item.stroking_color)))
    elif isinstance(item, LTImage):
        images.append(item.bbox)
    elif isinstance(item, LTContainer):
        for child in item:
            _walk(child, rules, images)


def _refusal(message: str, source: str) -> DecodeError:
    return DecodeError(message, source=source, expected="a PDF file with a text layer")


@contextlib.contextmanager
def _errors(source: str) -> Iterator[None]:
    """pdfminer's and Python's failures on a damaged or hostile file as our errors."""
    try:
        yield
    except _Refused as exc:
        raise _refusal(f"refused: {exc}", source) from None
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise DecodeError(
            f"the PDF is encrypted and needs a password ({exc})",
            source=source,
            expected="a PDF that opens without a password",
        ) from None
    except RecursionError:
        raise _refusal("refused: its objects nest too deep to read", source) from None
    except MemoryError:
        raise _refusal("refused: it needs more memory than is available", source) from None
    except (PSException, zlib.error, ValueError, TypeError, KeyError, AttributeError) as exc:
        # pdfminer raises plain Python errors as well as its own on damaged structures
        raise _refusal(
            f"the PDF is damaged or truncated and cannot be read whole "
            f"({type(exc).__name__}: {exc})",
            source,
        ) from None
    except (IndexError, AssertionError, NotImplementedError, OverflowError) as exc:
        raise _refusal(
            f"the PDF is damaged and cannot be read whole ({type(exc).__name__}: {exc})",
            source,
        ) from None


class Read(NamedTuple):
    """The pages of a document and how many of its glyphs had no Unicode mapping."""

    pages: list[Page]
    glyphs: int
    unmapped: int


def read_pages(data: bytes, source: str, limits: Limits) -> Read:
    """Every page's glyphs, rules and images, within ``limits``.

    Raises:
        DecodeError: the file is encrypted, damaged, truncated, or passes a limit.
    """
    if len(data) > limits.file_bytes:
        raise _refusal(
            f"refused: the file is larger than {limits.file_bytes >> 20} MiB "
            "(a report's PDF is a few MiB)",
            source,
        )
    budget = _Budget(limits)
    token = _BUDGET.set(budget)
    try:
        with _errors(source):
            document = PDFDocument(PDFParser(io.BytesIO(data)), password="")
            found = []
            for number, page in enumerate(PDFPage.create_pages(document), 1):
                if number > limits.pages:
                    raise _Refused(
                        f"it has more than {limits.pages:,} pages (a report has a few dozen)"
                    )
                found.append(page)
            rsrc = PDFResourceManager(caching=True)
            pages = []
            device = _Device(rsrc, budget)
            interpreter = _Interpreter(rsrc, device)
            unmapped = 0
            for page in found:
                device.glyphs, device.turned, device.layout = [], 0, None
                interpreter.process_page(page)
                rules: list[Rule] = []
                images: list[Any] = []
                if device.layout is not None:
                    _walk(device.layout, rules, images)
                x0, y0, x1, y1 = page.mediabox
                pages.append(Page(device.glyphs, rules, images, x1 - x0, y1 - y0, device.turned))
                unmapped = device.unmapped
            device.layout = None
    finally:
        _BUDGET.reset(token)
    return Read(pages, budget.glyphs, unmapped)
