"""Pass 2 of the structure builder: the frame, decided before any node is built.

The frame cuts the lines into consecutive ranges: lead (clutter before the title), title, header
(metadata and a repeated title), addressee, body, signature (with what stands before it) and
trailing (footer clutter and links). Real pages put the title anywhere among chrome and
metadata, so the frame is found, never assumed.

Every rule takes the same inputs, the per-line arrays of `Classified` and a range of lines
``[start, end)``; reader hints are part of those arrays (`Line.hints`), so a title hint is one
more input to the same title rule. The head (lead, title, header, addressee) is found in
`fazhi_report.parsers.title`, the foot (signature, footer clutter) in
`fazhi_report.parsers.signature`, from the bottom up.
"""

from __future__ import annotations

from typing import NamedTuple

from fazhi_report.parsers.classify import BLANK, CLUTTER, Classified
from fazhi_report.parsers.signature import SignatureFrame, find_footer
from fazhi_report.parsers.title import TitleFrame, find_addressee, find_header, find_title

__all__ = ["Frame", "SignatureFrame", "TitleFrame", "find_frame"]

_SKIP = (BLANK, CLUTTER)


# Frames are NamedTuples: immutable, and built in one C call (a frozen attrs class sets each
# field through object.__setattr__).
class Frame(NamedTuple):
    """The ranges of a document's lines, in order, each ending where the next starts.

    Attributes:
        lead_end: lines ``[0, lead_end)`` are the lead (clutter and blank lines).
        title: the title, starting at ``lead_end``, if there is one.
        header_end: lines from the title's end to here are the header.
        addressee: the addressee line, if there is one, and its text without the colon.
        body_start: the first line of the body (blank lines before the addressee included in
            the addressee's range).
        body_end: one past the body's last line with text; what follows up to the signature
            stands before the signature, or is trailing text when there is no signature.
        signature: the signature, if there is one.
        trailing_start: the first trailing line (the signature's end, else ``body_end``).
    """

    lead_end: int
    title: TitleFrame | None
    header_end: int
    addressee: tuple[int, str] | None
    body_start: int
    body_end: int
    signature: SignatureFrame | None
    trailing_start: int


def find_frame(c: Classified) -> Frame:
    """Decide the frame of a classified document.

    May turn `TEXT` lines of the header and the footer into `CLUTTER` (a repeated title, a
    list of links), so that the tree pass never sees them.
    """
    n = len(c.lines)
    lead_end, title = find_title(c, 0, n)
    header_end = lead_end
    if title is not None:
        header_end = find_header(c, title, n)
    addressee = find_addressee(c, header_end, n)
    body_start = header_end if addressee is None else addressee[0] + 1
    footer_start, signature = find_footer(c, body_start, n)
    footer_start = max(footer_start, body_start)
    kinds = c.kinds
    body_end = footer_start
    while body_end > body_start and kinds[body_end - 1] in _SKIP:
        body_end -= 1
    trailing_start = signature.end if signature is not None else body_end
    return Frame(
        lead_end, title, header_end, addressee, body_start, body_end, signature, trailing_start
    )
