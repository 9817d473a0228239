"""The signature block of GB/T 9704-2012, 7.3.5: where the organ and the date go.

Unstamped (7.3.5.2, the default): one line below the text, the organ 右空二字; the date on the
next line, its first character two characters right of the organ's first character; a date
longer than that allows stands 右空二字 and pushes the organ left instead. Stamped (7.3.5.1):
the date 右空四字, the organ centred over the date, three lines left free above the organ
for the seal (a 42 mm seal pressing down on organ and date spans about four lines).

What can be placed by an edge is: the organ by its right end, the unstamped date by its first
character (a left indent), the stamped date by its right end. Only what is centred, or pushed
by a long date, depends on how wide a text prints: a 3号 Chinese character advances 15.75 pt
(16 pt condensed, see `geometry.CONDENSE`), a digit or Latin letter of Times New Roman half an
em less the same condensing, and where Chinese meets digits or Latin letters both Word and
LibreOffice put a little space (LibreOffice 7.4 about 3.45 pt at 3号, measured from its PDF).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from fazhi_report.model import Signature
from fazhi_report.numbering import format_date
from fazhi_report.renderers.docx.geometry import CONDENSE, PITCH, TYPE_AREA_WIDTH
from fazhi_report.renderers.docx.options import SignatureLayoutName, check_text

__all__ = ["SEAL_LINES", "printed_width", "signature_paragraphs"]

SEAL_LINES = 3
"""Blank lines between the text and the organ of a stamped signature (room for the seal)."""

_HALF = 160 + CONDENSE  # a digit or Latin letter at 3号, in twips
_SCRIPT_SPACE = 69  # the space where Chinese meets digits or Latin letters, in twips


def _wide(ch: str) -> bool:
    return ord(ch) >= 0x2E80


def printed_width(text: str) -> int:
    """How wide ``text`` prints at 3号, in twips."""
    changes = sum(1 for a, b in pairwise(text) if _wide(a) != _wide(b))
    return sum(PITCH if _wide(ch) else _HALF for ch in text) + changes * _SCRIPT_SPACE


def _ind(left: int = 0, right: int = 0) -> str:
    return f'<w:ind w:left="{left}" w:right="{right}" w:firstLine="0" w:firstLineChars="0"/>'


def signature_paragraphs(
    signature: Signature, layout: SignatureLayoutName
) -> Iterator[tuple[str | None, str]]:
    """The paragraphs of the block: ``(None, "")`` for a blank line, else ``(text, pPr)``."""
    organ = check_text(signature.organ or "", "the signature's organ")
    date = format_date(signature.date) if signature.date is not None else ""
    for _ in range(SEAL_LINES if layout == "stamped" else 1):  # 正文下空一行
        yield None, ""
    organ_width, date_width = printed_width(organ), printed_width(date)
    left = '<w:jc w:val="left"/>'
    if layout == "stamped":
        organ_ppr = _ind(right=max(4 * PITCH + (date_width - organ_width) // 2, 0))
        date_ppr = _ind(right=4 * PITCH)
    elif not organ or date_width <= organ_width - 2 * PITCH:
        organ_ppr = _ind(right=2 * PITCH)
        date_ppr = _ind(left=max(TYPE_AREA_WIDTH - organ_width, 0)) + left
    else:  # the date would pass the organ's end: the date 右空二字, the organ two before it
        organ_ppr = _ind(left=max(TYPE_AREA_WIDTH - 4 * PITCH - date_width, 0)) + left
        date_ppr = _ind(right=2 * PITCH)
    if organ:
        # the organ stays on the page of its date
        yield organ, ("<w:keepNext/>" if date else "") + organ_ppr
    if date:
        yield date, date_ppr
