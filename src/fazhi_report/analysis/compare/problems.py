"""Problems listed among a report's shortcomings, and those listed again the next year."""

from __future__ import annotations

import re
from collections.abc import Iterator

from fazhi_report.analysis.compare.results import PROBLEM_MATCH, RecurringProblem, similarity
from fazhi_report.analysis.parts import PartPlace, find_parts
from fazhi_report.analysis.records import Location, section_label
from fazhi_report.model import Paragraph, Report, Section, SectionRole

__all__ = ["problems_of", "recurring"]


_SENTENCE = re.compile(r"[^。！？；;!?]+[。！？；;!?]?")


def _section_problems(section: Section, path: str, outer: str) -> Iterator[tuple[str, Location]]:
    label = outer + section_label(section)
    subs = [
        s for s in section.subsections if s.role != SectionRole.CAUSES and "原因" not in s.heading
    ]
    for index, block in enumerate(section.body):
        if isinstance(block, Paragraph):
            yield from _paragraph_problems(block, f"{path}.body[{index}]", label)
    for index, sub in enumerate(subs):
        line = sub.layout.line if sub.layout is not None else None
        where = Location(f"{path}.subsections[{index}]", label + section_label(sub), line)
        if sub.subsections or any(isinstance(b, Paragraph) and b.points for b in sub.body):
            yield from _section_problems(sub, f"{path}.subsections[{index}]", label)
        else:
            yield sub.heading, where


def _paragraph_problems(
    paragraph: Paragraph, path: str, section: str
) -> Iterator[tuple[str, Location]]:
    line = paragraph.layout.line if paragraph.layout is not None else None
    if paragraph.points:
        for index, point in enumerate(paragraph.points):
            point_line = point.layout.line if point.layout is not None else line
            yield point.title, Location(f"{path}.points[{index}]", section, point_line)


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
