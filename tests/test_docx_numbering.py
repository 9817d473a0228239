"""Word's list numbering, counted as Word counts it: formats, templates and restarts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fazhi_report._ooxml import parse_xml
from fazhi_report.parsers.docx.numbering import Level, Numbering, draw

from .wordfiles import NAMESPACES, num


def numbering(xml: str) -> Numbering:
    root = parse_xml(f"<w:numbering {NAMESPACES}>{xml}</w:numbering>".encode(), "<t>", "n")
    return Numbering(root)


def levels(*specs: tuple[str, str, str]) -> str:
    return "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{extra}'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text, extra) in enumerate(specs)
    )


def test_formats_write_counts_as_word_draws_them() -> None:
    cases = {
        "chineseCounting": ["一", "二", "十", "十一", "二十"],
        "chineseCountingThousand": ["一", "二", "十", "十一", "二十"],
        "ideographTraditional": ["甲", "乙", "癸", "甲", "癸"],
        "chineseLegalSimplified": ["壹", "贰", "拾", "拾壹", "贰拾"],
        "decimalEnclosedCircle": ["①", "②", "⑩", "⑪", "⑳"],
        "decimalFullWidth": ["１", "２", "１０", "１１", "２０"],
        "upperRoman": ["I", "II", "X", "XI", "XX"],
        "lowerLetter": ["a", "b", "j", "k", "t"],
        "someFormatWordLacks": ["1", "2", "10", "11", "20"],
    }
    for fmt, expected in cases.items():
        level = {0: Level(fmt, "%1")}
        drawn = [draw(level, {0: n}, 0) for n in (1, 2, 10, 11, 20)]
        assert drawn == expected, fmt


def test_templates_legal_numbering_bullets_and_none() -> None:
    two = {0: Level("chineseCounting", "%1、"), 1: Level("chineseCounting", "%1.%2", legal=True)}
    assert draw(two, {0: 2, 1: 3}, 1) == "2.三"  # isLgl: the levels above in digits
    assert draw({0: Level("bullet", "•")}, {0: 1}, 0) is None
    assert draw({0: Level("none", "")}, {0: 1}, 0) is None
    assert draw({0: Level("chineseCounting", "（%1）")}, {}, 0) == "（一）"  # its start


def test_an_instance_restarts_only_where_it_overrides() -> None:
    lists = numbering(
        '<w:abstractNum w:abstractNumId="1">'
        + levels(("chineseCounting", "（%1）", ""))
        + "</w:abstractNum>"
        + num(1, 1)
        + num(2, 1, l0=1)
        + num(3, 1, l0=5)
    )
    drawn = [lists.marker(n, 0) for n in ("1", "1", "2", "2", "1", "3", "2")]
    # 2 restarts at 一 on its first paragraph, 1 then continues the shared count, 3 starts at 五
    assert drawn == ["（一）", "（二）", "（一）", "（二）", "（三）", "（五）", "（六）"]
    assert lists.marker("9", 0) is None and lists.marker("1", 4) is None


_SEQUENCES = st.lists(st.integers(0, 2), min_size=1, max_size=40)


@given(_SEQUENCES, st.sampled_from([None, 0, 1, 2]))
def test_counts_follow_the_restart_rule(ilvls: list[int], restart: int | None) -> None:
    """Level 2's count is the number of its paragraphs since the last one of a level that
    restarts it (by default any level above; lvlRestart 1: level 1 only (ilvl 0); 0: never)."""
    extra = "" if restart is None else f'<w:lvlRestart w:val="{restart}"/>'
    lists = numbering(
        '<w:abstractNum w:abstractNumId="1">'
        + levels(("decimal", "%1", ""), ("decimal", "%2", ""), ("decimal", "%3", extra))
        + "</w:abstractNum>"
        + num(1, 1)
    )
    resets_at = {None: 2, 0: 0, 1: 1, 2: 2}[restart]  # level 2 restarts when ilvl < this
    expected = {0: 0, 1: 0, 2: 0}
    for ilvl in ilvls:
        expected[ilvl] += 1
        for deeper in range(ilvl + 1, 3):
            if deeper == 2 and not ilvl < resets_at:
                continue
            expected[deeper] = 0
        assert lists.marker("1", ilvl) == str(expected[ilvl])
