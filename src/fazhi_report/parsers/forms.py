"""Rules for the form of a line's text, shared by every pass of the structure builder.

The passes (`fazhi_report.parsers.classify`, `~.frame`, `~.tree`, `~.points`) ask the same
questions of a line: does it end a sentence, could it be a title, an organ, a footer link? The
answers depend on the text's form (length, punctuation, word cues), never on where it stands, so
they live here once.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from fazhi_report import _cues
from fazhi_report.numbering import match_marker

__all__ = [
    "CLOSERS",
    "HEADING_STOPS",
    "JOIN_MIN",
    "OPENERS",
    "POINT_BOUNDARY",
    "POINT_STOPS",
    "TERMINAL",
    "StopFinder",
    "find_heading_stop",
    "find_point_stop",
    "has_link_punct",
    "has_sentence_punct",
    "is_footer_line",
    "is_organ_line",
    "is_title_like",
    "leaves_open",
]

# A line ending in one of these ends its sentence; a long line ending otherwise was broken
# mid-sentence (hard-wrapped text, PDF copies) and continues on the next line.
TERMINAL = frozenset("。！？；：!?;:…”’」』）)》】.．")
JOIN_MIN = 25
"""Lines at least this long that end mid-sentence continue on the next line."""
# Characters after which 一是/二是… starts a point (a sentence or clause boundary).
POINT_BOUNDARY = frozenset("。；;：:！？!?，,.． \u3000\t\xa0")
# Stops that end a point's title, and a run-in heading.
POINT_STOPS = frozenset("。，,；;：:！？!?")
HEADING_STOPS = frozenset("。：:")
OPENERS = frozenset("“‘《（(「『〔【[")
CLOSERS = frozenset("”’》）)」』〕】]")
# Sentence punctuation: a line with any of it is prose, not a title, a link or a signature line.
_SENTENCE_PUNCT = frozenset("。，,；;！？!?")
_LINK_PUNCT = _SENTENCE_PUNCT | frozenset("：:、")


def _char_class(chars: frozenset[str]) -> str:
    return "[" + re.escape("".join(sorted(chars))) + "]"


def _char_test(chars: frozenset[str]) -> Callable[[str], bool]:
    search = re.compile(_char_class(chars)).search
    return lambda text: search(text) is not None


# "any(c in set for c in text)" in one C call
has_sentence_punct = _char_test(_SENTENCE_PUNCT)
"""Whether a text holds sentence punctuation (。，；！？ in either width)."""
has_link_punct = _char_test(_LINK_PUNCT)
"""Whether a text holds sentence punctuation, a colon or an enumeration comma."""


class StopFinder:
    """Finds the first stop outside quotes and brackets.

    The first stop anywhere counts when a quote is never closed. Three compiled searches serve
    one set of stops: a stop with no quote opened before it (the common case, one C call); any
    stop; every stop, quote and bracket.

    Args:
        stops: the characters that end the title or heading.
    """

    def __init__(self, stops: frozenset[str]) -> None:
        self.stops = stops
        self.any = re.compile(_char_class(stops))
        self.plain = re.compile("[^" + _char_class(stops | OPENERS)[1:] + "*" + _char_class(stops))
        self.scan = re.compile(_char_class(stops | OPENERS | CLOSERS))

    def find(self, text: str, start: int = 0) -> int:
        """The index of the first stop in ``text[start:]`` outside brackets, or -1."""
        plain = self.plain.match(text, start)
        if plain is not None:
            return plain.end() - 1
        first = self.any.search(text, start)
        if first is None:
            return -1
        depth = 0
        stops = self.stops
        m = self.scan.search(text, start)
        while m is not None:
            c = m.group()
            if c in stops and depth == 0:
                return m.start()
            if c in OPENERS:
                depth += 1
            elif c in CLOSERS and depth:
                depth -= 1
            m = self.scan.search(text, m.end())
        # a quote or bracket left open: the first stop counts after all
        return first.start() if depth else -1


_BRACKETS = re.compile(_char_class(OPENERS | CLOSERS))


def leaves_open(text: str) -> bool:
    """Whether ``text`` opens a quote or bracket it does not close (as `StopFinder` counts)."""
    depth = 0
    for m in _BRACKETS.finditer(text):
        if m.group() in OPENERS:
            depth += 1
        elif depth:
            depth -= 1
    return depth > 0


find_point_stop = StopFinder(POINT_STOPS).find
"""The stop after a point's title (see `StopFinder.find`)."""
_find_stop = StopFinder(HEADING_STOPS).find
# "一、加强组织领导 今年以来，我镇…。": a heading set off from its text by a space (text taken
# from a PDF). The part before the space is heading-like (short, no punctuation); what follows
# it is prose, with a full stop.
_SPACED_HEADING = re.compile(r"[\u4e00-\u9fff“”《》—·]{2,30}(?=[ \t\u3000\xa0]+[\u4e00-\u9fff“《])")


def find_heading_stop(text: str, start: int = 0) -> int:
    """The stop after a run-in heading in ``text[start:]``, or -1 (see `StopFinder.find`).

    A space counts as the stop when the heading before it has no punctuation and a sentence
    follows it, ended by a full stop, before any stop of the heading's own.
    """
    at = _find_stop(text, start)
    m = _SPACED_HEADING.match(text, start)
    if m is not None and (at < 0 or m.end() < at):
        full_stop = text.find("。", m.end())
        if full_stop > 0 and (at < 0 or full_stop >= at):
            return m.end()
    return at


# What never stands in a report's title: a menu's bullet before it ("• 四、…报告"), a
# metadata label (标题：, 名称, 文件名称), a breadcrumb's arrows and a page title's separators
# (_, |, >, "某某网-…"), a breadcrumb's words, a news headline's verb. A 【工作总结】 tag
# before the title is cut off by the title rules, and "*" is a redacted name's.
_NOT_IN_TITLE = re.compile(
    r"^[•●▪◆■◇·\-]|^(?:标\s*题|名\s*称|文件名称)(?:\s|[:：])|[_|｜>＞»›]"
    r"|[\u4e00-\u9fff][-－][\u4e00-\u9fff]|网[-－]|位置\s*[:：]|当前位置"
    r"|" + "|".join(_cues.HEADLINE_VERBS)
)


def is_title_like(text: str) -> bool:
    """A line worded like a report title: short, no sentence punctuation, title words.

    The title grammar: a title word (法治, 依法行政, 法制) and a title's ending (报告, 总结,
    情况…), no sentence punctuation, and nothing a title never holds (`_NOT_IN_TITLE`): a
    menu's bullet or a heading marker before it, a metadata label, a breadcrumb's arrows, a
    page title's site name after a separator, a news headline's verb.
    """
    if len(text) > 80 or has_sentence_punct(text):
        return False
    folded = _cues.fold(text)
    return bool(
        _cues.TITLE_END.search(folded)
        and _cues.TITLE_WORD.search(folded)
        and _NOT_IN_TITLE.search(folded) is None
        and _cues.METADATA.match(folded) is None
        and (folded[0] not in _MARKER_FIRST or match_marker(folded) is None)
    )


# The characters a heading marker starts with: only such a title is asked for a marker.
_MARKER_FIRST = frozenset("一二三四五六七八九十（(0123456789０１２３４５６７８９")


def is_footer_line(text: str) -> bool:
    """A short line that may follow a signature: a note, an attachment, a link."""
    return len(text) <= 30 and not has_sentence_punct(text)


def is_organ_line(text: str) -> bool:
    """A line that names an organ alone, such as ``泾源县公安局``."""
    if len(text) > 30 or has_link_punct(text):
        return False
    folded = _cues.fold(text)
    # endswith first: one C call rules out almost every line that is no organ
    return (
        folded.endswith(_cues.ORGAN_ENDINGS)
        and _cues.ORGAN_CHARS.fullmatch(folded) is not None
        and not _cues.WEB_WORD.search(folded)
    )
