"""Problems listed among a report's shortcomings, and those listed again the next year."""

from __future__ import annotations

import re
from collections.abc import Iterator

from fazhi_report.analysis.compare.results import PROBLEM_MATCH, RecurringProblem, similarity
from fazhi_report.analysis.parts import PartPlace, find_parts
from fazhi_report.analysis.records import Location, section_label
from fazhi_report.model import Paragraph, Point, Report, Section, SectionRole
from fazhi_report.model.traversal import SectionAt, field, walk_blocks, walk_points, walk_section

__all__ = ["problems_of", "recurring"]


_SENTENCE = re.compile(r"[^。！？；;!?]+[。！？；;!?]?")


def _is_causes(at: SectionAt) -> bool:
    # a prune: a causes subsection lists why, not what
    return at.section.role == SectionRole.CAUSES or "原因" in at.section.heading


def _lists_problems(section: Section) -> bool:
    return bool(section.subsections) or any(
        isinstance(b, Paragraph) and b.points for b in section.body
    )


def _section_problems(section: Section, path: str, outer: str) -> Iterator[tuple[str, Location]]:
    """The points of ``section`` and its subsections (causes left out), and the heading of
    each subsection that lists no problem of its own below it, in document order."""
    labels: dict[int, str] = {}  # a section's markers with its ancestors', by id
    for at in walk_section(section, path, prune=_is_causes):
        parent = at.parent
        label = (labels[id(parent)] if parent is not None else outer) + section_label(at.section)
        labels[id(at.section)] = label
        if parent is not None and not _lists_problems(at.section):
            line = at.section.layout.line if at.section.layout is not None else None
            yield at.section.heading, Location(at.path, label, line)
            continue
        for block in walk_blocks(at.section.body, field(at.path, "body"), points=False):
            if isinstance(block.node, Paragraph):
                yield from _paragraph_problems(block.node, block.path, label)


def _paragraph_problems(
    paragraph: Paragraph, path: str, section: str
) -> Iterator[tuple[str, Location]]:
    line = paragraph.layout.line if paragraph.layout is not None else None
    for at in walk_points(paragraph, path):
        point = at.node
        assert isinstance(point, Point)
        point_line = point.layout.line if point.layout is not None else line
        yield point.title, Location(at.path, section, point_line)


def problems_of(report: Report) -> list[tuple[str, Location]]:
    """The problems a report lists among its shortcomings, with where each is.

    A problem is a point (``一是执法能力有待提升``) or a subsection heading of the
    shortcomings part (its causes subsections left out); a shortcomings part written as a
    paragraph without points gives its sentences that name a problem.
    """
    parts = find_parts(report)
    place: PartPlace | None = parts.get(SectionRole.SHORTCOMINGS)
    if place is None:
        return []
    if place.section is not None:
        label = place.location.section
        outer = label[: len(label) - len(section_label(place.section))]
        found = list(_section_problems(place.section, place.location.path, outer))
        if found:
            return found
        paragraphs = [b for b in place.section.body if isinstance(b, Paragraph)]
        texts = [p.text for p in paragraphs]
    elif place.paragraph is not None:
        found = list(
            _paragraph_problems(place.paragraph, place.location.path, place.location.section)
        )
        if found:
            return found
        texts = [place.paragraph.text]
    else:  # pragma: no cover - a place is a section or a paragraph
        return []
    sentences = []
    for text in texts:
        for m in _SENTENCE.finditer(text):
            sentence = m.group().strip()
            if re.search(
                r"不足|有待|仍需|不够|不强|不高|不到位|薄弱|欠缺|短板|问题|差距", sentence
            ):
                sentences.append((sentence, place.location))
    return sentences


def recurring(a: Report, b: Report) -> list[RecurringProblem]:
    before, after = problems_of(a), problems_of(b)
    pairs = []
    for text_b, where_b in after:
        best: tuple[float, str, Location] | None = None
        for text_a, where_a in before:
            score = similarity(text_a, text_b)
            if score >= PROBLEM_MATCH and (best is None or score > best[0]):
                best = (score, text_a, where_a)
        if best is not None:
            pairs.append(RecurringProblem(best[1], text_b, best[0], best[2], where_b))
    return pairs
