"""Reports pickle compactly (`fazhi_report.model.wire`) and come back equal, layout included."""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import fazhi_report as fr
from fazhi_report.model import wire
from fazhi_report.renderers.lossless import render_lossless

from .conftest import CORPUS, EXAMPLES, needs_corpus
from .strategies import reports


def _whole(value: Any) -> Any:
    """Every field of every node and layout record, with the types of the nodes."""
    if attrs.has(type(value)):
        return (type(value).__name__, {f.name: _whole(getattr(value, f.name))
                                       for f in attrs.fields(type(value))})  # fmt: skip
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [_whole(item) for item in value])
    return (type(value).__name__, value)


def _round_trip(report: fr.Report) -> fr.Report:
    back = pickle.loads(pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == report
    assert _whole(back) == _whole(report)  # layout and page included, types too
    return back


def test_the_encoding_was_written_for_the_fields_the_classes_have() -> None:
    for cls, fields in wire.FIELDS.items():
        now = tuple(a.name for a in attrs.fields(cls))
        assert fields == now, f"{cls.__name__}: encoded as {fields}, now {now}"


@pytest.mark.parametrize("name", ["sample_report.txt", "web_page.txt"])
def test_an_example_comes_back_whole_and_smaller_than_its_text(name: str) -> None:
    source = (EXAMPLES / name).read_bytes()
    report = fr.load(EXAMPLES / name)
    back = _round_trip(report)
    assert render_lossless(back) == render_lossless(report) == source.decode("utf-8")
    # the default attrs pickle was about twice the text; the encoding sends each text once
    assert len(pickle.dumps(report)) < 1.3 * len(source)
    assert len(pickle.dumps(report)) < 0.7 * len(pickle.dumps(attrs.asdict(report)))


CORPUS_FILES = sorted(CORPUS.rglob("*.txt")) if CORPUS.is_dir() else []


@needs_corpus
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda path: path.name[:12])
def test_every_corpus_report_comes_back_whole(path: Path) -> None:
    report = fr.load(path)
    back = _round_trip(report)
    assert render_lossless(back) == render_lossless(report)


@given(reports())
def test_reports_built_in_code_come_back_whole(report: fr.Report) -> None:
    _round_trip(report)


def _read_back(report: fr.Report) -> fr.Report:
    text = fr.render(report, "text")
    assume(text.strip())  # an empty report writes no text to read
    return fr.parse(text)


@given(reports())
def test_reports_read_back_from_their_text_come_back_whole(report: fr.Report) -> None:
    _round_trip(_read_back(report))


@given(reports(), st.text(min_size=1, max_size=8), st.integers(1, 30))
def test_edited_reports_come_back_whole(report: fr.Report, text: str, number: int) -> None:
    parsed = _read_back(report)
    for paragraph in parsed.paragraphs:  # content no longer what the layout was read from
        paragraph.text += text
        for point in paragraph.points:
            point.number = number
    for table in parsed.tables:
        table.rows = [[cell + text for cell in row] for row in table.rows]
    if parsed.signature is not None:
        parsed.signature.organ = "改过的机关"
        parsed.signature.date = dt.date(2030, 1, 2)
    parsed.title = None if parsed.title is None else parsed.title + text
    parsed.addressee = "另一机关"
    back = _round_trip(parsed)
    assert render_lossless(back) == render_lossless(parsed)


def test_page_facts_and_habits_travel() -> None:
    report = fr.load(EXAMPLES / "web_page.txt")
    report.page = fr.PageInfo(published=dt.datetime(2025, 3, 1, 9, 30), source="青禾县司法局")
    back = _round_trip(report)
    assert type(back.page.published) is dt.datetime


def test_sections_and_blocks_pickle_on_their_own() -> None:
    report = fr.load(EXAMPLES / "sample_report.txt")
    for node in [*report.walk(), *report.blocks]:
        back = pickle.loads(pickle.dumps(node))
        assert _whole(back) == _whole(node)


def test_a_node_holding_a_stranger_pickles_the_default_way() -> None:
    report = fr.load(EXAMPLES / "sample_report.txt")
    report.sections[0].body.append("not a block")  # type: ignore[arg-type]  # unchecked in place
    back = pickle.loads(pickle.dumps(report))
    assert _whole(back) == _whole(report)


def test_deepcopy_goes_the_same_way() -> None:
    report = fr.load(EXAMPLES / "sample_report.txt")
    copied = copy.deepcopy(report)
    assert _whole(copied) == _whole(report)
    copied.sections[0].heading = "别的"
    assert report.sections[0].heading != "别的"


class _Marked(str):
    """A str of another type: the encoding sends exact strs only."""


def test_a_layout_piece_of_another_type_pickles_the_default_way() -> None:
    report = fr.load(EXAMPLES / "sample_report.txt")
    paragraph = next(p for p in report.paragraphs if p.points and p.layout is not None)
    assert paragraph.layout is not None and paragraph.points[0].layout is not None
    paragraph.layout = attrs.evolve(paragraph.layout, indent=_Marked("\u3000\u3000"))
    point = paragraph.points[0]
    assert point.layout is not None
    point.layout = attrs.evolve(point.layout, marker=_Marked(point.layout.marker))
    back = _round_trip(report)
    assert render_lossless(back) == render_lossless(report)


def test_a_joined_piece_of_another_type_pickles_the_default_way() -> None:
    # pieces sent in the joined text (a paragraph's content, the report's lead) as well
    report = fr.load(EXAMPLES / "sample_report.txt")
    paragraph = next(p for p in report.paragraphs if p.layout is not None)
    assert paragraph.layout is not None and report.layout is not None
    paragraph.layout = attrs.evolve(paragraph.layout, content=_Marked(paragraph.layout.content))
    back = _round_trip(report)
    assert render_lossless(back) == render_lossless(report)
    report.layout = attrs.evolve(report.layout, lead=None)  # type: ignore[arg-type]  # unchecked
    assert _whole(pickle.loads(pickle.dumps(report))) == _whole(report)  # pickles, never fails
