"""The analyses never fail on whatever a parse gives, odd digits and fragments included."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import fazhi_report as fr
from fazhi_report.analysis import Finding
from fazhi_report.cli.results import format_findings, format_references

from .strategies import FRAGMENTS
from .test_parse_never_fails import digit_heavy_text

_UNITS_AND_WORDS = (
    "人",
    "起",
    "万",
    "余",
    "%",
    "％",
    "同比下降",
    "连续",
    "十二",
    "《",
    "》",
    "“",
    "”",
)
_text = st.one_of(
    digit_heavy_text,
    st.lists(
        st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(_UNITS_AND_WORDS)), max_size=40
    ).map("".join),
)


@given(_text)
def test_check_figures_references_never_fail(text: str) -> None:
    report = fr.parse(text)
    findings = fr.check(report)
    assert all(isinstance(f, Finding) for f in findings)
    for figure in fr.figures(report):
        assert figure.text and figure.end > figure.start
    format_references([("<text>", fr.references(report))], "csv")
    format_findings([("<text>", findings)], "json")


@given(_text, _text)
def test_compare_never_fails(a: str, b: str) -> None:
    comparison = fr.compare(fr.parse(a), fr.parse(b))
    assert str(comparison)
