"""The one walk: every node once, in document order, with a path that leads back to it."""

from __future__ import annotations

import re

from hypothesis import given

import fazhi_report as fr
from fazhi_report.analysis.records import JoinedText, text_fields
from fazhi_report.traversal import SectionAt, walk, walk_section, walk_sections

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


def _under(path: str, top: str) -> bool:
    return path == top or path.startswith(top + ".")


@given(reports())
def test_a_walk_below_one_section_is_that_part_of_the_whole_walk(report: fr.Report) -> None:
    whole = list(walk_sections(report))
    for top in whole:
        below = [(at.path, at.section) for at in walk_section(top.section, top.path)]
        assert below == [(at.path, at.section) for at in whole if _under(at.path, top.path)]
        shallow = [at.path for at in walk_section(top.section, top.path, depth=1)]
        assert shallow == [top.path] + [
            at.path for at in whole if at.parent is top.section and _under(at.path, top.path)
        ]


@given(reports())
def test_a_pruned_walk_skips_the_section_and_all_below_it(report: fr.Report) -> None:
    def odd(at: SectionAt) -> bool:
        return at.section.number % 2 == 1

    whole = list(walk_sections(report))
    cut = [at.path for at in whole if odd(at)]
    kept = [at.path for at in whole if not any(_under(at.path, c) for c in cut)]
    assert [at.path for at in walk_sections(report, prune=odd)] == kept
    assert [at.path for at in walk_sections(report, depth=1)] == [
        at.path for at in whole if at.depth == 1
    ]
    for at in walk_sections(report, prune=odd):  # paths and indexes stay the whole tree's
        assert _follow(report, at.path) is at.section


_FIELD = re.compile(r"^(.*?)\.?(heading|text|title|rows\[[0-9]+\]\[[0-9]+\])$")


@given(reports())
def test_every_string_s_path_is_a_walked_node_and_a_field(report: fr.Report) -> None:
    # the one spelling: what a finding or a figure names is a path the walk gives, plus a field
    nodes = {at.path: at.node for at in walk(report)}
    for found in text_fields(report):
        if found.path == "title":
            assert found.text == report.title
            continue
        match = _FIELD.match(found.path)
        assert match is not None, found.path
        node = nodes[match.group(1)]
        name = match.group(2)
        if name.startswith("rows"):
            row, column = map(int, re.findall(r"[0-9]+", name))
            assert found.text == node.rows[row][column]  # type: ignore[union-attr]
        else:
            assert found.text == getattr(node, name)
    joined = JoinedText(report, kinds=frozenset({"heading", "point_title", "cell"}))
    assert joined.fields == [
        f for f in text_fields(report) if f.kind in {"heading", "point_title", "cell"}
    ]
