"""The one walk: every node once, in document order, with a path that leads back to it."""

from __future__ import annotations

import re

from hypothesis import given

import fazhi_report as fr
from fazhi_report.traversal import walk, walk_sections

from .conftest import ROOT
from .strategies import reports

_STEP = re.compile(r"\.?([a-z]+)\[([0-9]+)\]")


def _follow(report: fr.Report, path: str) -> object:
    node: object = report
    for name, index in _STEP.findall(path):
        node = getattr(node, name)[int(index)]
    assert "".join(f".{n}[{i}]" for n, i in _STEP.findall(path)).lstrip(".") == path
    return node


@given(reports())
def test_every_path_leads_to_its_node(report: fr.Report) -> None:
    for at in walk(report):
        assert _follow(report, at.path) is at.node
    for at in walk_sections(report):
        assert _follow(report, at.path) is at.section
        assert [id(s) for s in at.section.subsections] == [
            id(s.section) for s in walk_sections(report) if s.parent is at.section
        ]


def test_the_walk_is_in_document_order() -> None:
    report = fr.load(ROOT / "examples" / "sample_report.txt")
    paths = [at.path for at in walk(report)]
    assert paths[0].startswith(("preamble", "sections[0]"))
    assert "sections[0].subsections[0].body[0].points[2]" in paths
    assert len(paths) == len(set(paths))
    # a section, then its body, then its subsections; a paragraph, then its points
    at = paths.index("sections[0].subsections[0]")
    assert paths[at + 1 : at + 3] == [
        "sections[0].subsections[0].body[0]",
        "sections[0].subsections[0].body[0].points[0]",
    ]
    assert paths.index("sections[0]") < at < paths.index("sections[1]")
