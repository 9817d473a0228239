"""Watermarks of document-template sites, moved out of the text into the layout.

A template site splices its name, a slogan and its web address into the text it serves
("…法治根基 某某文库 www.example.com"). A watermark with a web address is found by its address
(`fazhi_report._cues.watermark_tail`). The same site then writes its name without the address
too ("…法治思想 某某文库,办公好帮手"): the names learnt from the addressed watermarks of a
document, and a short tail after a space that ends several lines alike, are watermarks as well.
Nothing is dropped: a watermark moves into the line's ``end``, which the lossless text writes
back.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from fazhi_report import _cues
from fazhi_report.parsers.lines import Line

__all__ = ["watermarks_to_line_ends"]

_watermark_tail = _cues.watermark_tail
# a tail set off by a space: a name, then at most a short slogan without a full stop
_SPACED_TAIL = re.compile(
    r"[ \t\u3000\xa0]+([\u4e00-\u9fff]{2,12})([^。！？!?\s]{0,16})[ \t\u3000\xa0]*$"
)
_FIRST_RUN = re.compile(r"[\u4e00-\u9fff]{2,12}")
_SITE_WORD = re.compile("|".join(_cues.SITE_WORDS))
# a tail with a site word must recur this often to count as a watermark without an address
_RECURS = 2


def watermarks_to_line_ends(lines: Sequence[Line]) -> None:
    """Move the watermark that ends a line into the line's end (layout, never content).

    "二、加强执法监督 某某文库 www.example.com": the heading is "加强执法监督". A site name
    learnt from such a watermark also marks a tail without the address ("… 某某文库,办公好帮
    手"), and so does a tail with a site word (文库, 之家…) after a space that ends two lines.
    """
    names: set[str] = set()
    spaced: list[Line] = []
    for line in lines:
        text = line.text
        # one pass, plain substring tests: most lines have neither a dot nor a space
        if " " in text or "\u3000" in text or "\xa0" in text or "\t" in text:
            spaced.append(line)
        if "." not in text:  # every addressed watermark has a web address
            continue
        at = _watermark_tail(text)
        if at > 0:
            _learn(names, text[at:])
            line.text = text[:at]
            line.end = text[at:] + line.end
        elif _cues.WATERMARK_LINE.match(text) is not None:
            _learn(names, text)
    # a tail set off by a space: a learnt name, or a site word recurring
    tails: list[tuple[Line, re.Match[str]]] = []
    if not names:
        # without a learnt name only a tail with a site word counts: a literal search first
        spaced = [line for line in spaced if _SITE_WORD.search(line.text) is not None]
    for line in spaced:
        text = line.text
        m = _SPACED_TAIL.search(text)
        # a name printed twice ("某某网 某某网") is a banner, which the chrome rules read whole
        if m is not None and m.start() > 0 and text[: m.start()].strip() != m.group(0).strip():
            tails.append((line, m))
    if not tails:
        return
    seen = Counter(m.group(0).strip() for _, m in tails if _SITE_WORD.search(m.group(0)))
    for line, m in tails:
        if m.group(1) in names or seen.get(m.group(0).strip(), 0) >= _RECURS:
            text = line.text
            line.text = text[: m.start()]
            line.end = text[m.start() :] + line.end


def _learn(names: set[str], watermark: str) -> None:
    """Add the site name a watermark opens with (its first run of characters)."""
    m = _FIRST_RUN.search(watermark)
    if m is not None:
        names.add(m.group())
