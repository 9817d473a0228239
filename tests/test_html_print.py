"""The HTML page in print and to a screen reader: headings, titles, the signature, page numbers.

Structure tests read the page with lxml. When Chromium and poppler's pdftotext are installed,
one test prints the sample to PDF headless and measures the page numbers and the signature
from the words' boxes (`pdftotext -bbox-layout`); elsewhere it skips saying what is missing.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import lxml.html
import pytest
from hypothesis import given

import fazhi_report as fr
from fazhi_report.renderers.html import official_css, page_title

from .conftest import EXAMPLES
from .strategies import reports

SAMPLE = EXAMPLES / "sample_report.txt"


def _headings(page: str) -> list[tuple[str, int, str]]:
    """Each <section>'s heading: (its id, its level, its text), in document order."""
    document = lxml.html.document_fromstring(page)
    found = []
    for section in document.xpath("//section"):
        heading = section.xpath("./h2|./h3|./h4|./h5|./p[@class='run-in']/strong[@role='heading']")
        assert len(heading) == 1, lxml.html.tostring(section)[:200]
        (element,) = heading
        if element.tag == "strong":
            level = int(element.get("aria-level"))
        else:
            assert element.get("role") is None
            level = int(element.tag[1])
        found.append((section.get("id"), level, element.text_content()))
    return found


def test_every_section_of_the_sample_has_a_heading_at_its_level() -> None:
    report = fr.load(SAMPLE)
    found = _headings(fr.render(report, "html"))
    assert len(found) == len(report.walk()) == 16
    assert sum(s.run_in for s in report.walk()) > 0  # run-in headings are among them
    for (_, level, text), section in zip(found, report.walk(), strict=True):
        assert level == section.level + 1
        assert text.endswith(section.heading)


@given(reports())
def test_every_section_has_a_heading_element(report: fr.Report) -> None:
    for fragment in (False, True):
        found = _headings(fr.render(report, "html", fragment=fragment))
        sections = report.walk()
        assert [level for _, level, _ in found] == [s.level + 1 for s in sections]
        for (_, _, text), section in zip(found, sections, strict=True):
            assert text.endswith(section.heading)


@pytest.mark.parametrize(
    ("organ", "year", "expected"),
    [
        ("青禾县司法局", 2025, "青禾县司法局2025年法治政府建设情况报告"),
        ("青禾县司法局", None, "青禾县司法局法治政府建设情况报告"),
        (None, 2025, "2025年法治政府建设情况报告"),
        (None, None, "法治政府建设情况报告"),
    ],
)
def test_a_report_without_a_title_gets_a_title_and_an_h1(
    organ: str | None, year: int | None, expected: str
) -> None:
    report = fr.parse("一、主要举措和成效\n全年办理案件12件。\n")
    report.title, report.organ, report.year = None, organ, year
    assert page_title(report) == expected
    page = fr.render(report, "html")
    document = lxml.html.document_fromstring(page)
    assert document.findtext(".//title") == expected
    (h1,) = document.xpath("//h1")
    assert (h1.text_content(), h1.get("class")) == (expected, "fazhi-report-untitled")
    assert not h1.xpath("ancestor::article")  # not the report's title: outside the article
    assert fr.parse(page, format="html") == report  # and reading the page back finds none
    fragment = fr.render(report, "html", fragment=True)
    assert "<h1" not in fragment  # a fragment's heading is its host page's


def test_a_titled_report_has_one_h1_its_title() -> None:
    report = fr.load(SAMPLE)
    document = lxml.html.document_fromstring(fr.render(report, "html"))
    assert [h.text_content() for h in document.xpath("//h1")] == [report.title]
    assert document.findtext(".//title") == report.title


def test_the_contents_fold_into_a_details_element() -> None:
    report = fr.load(SAMPLE)
    document = lxml.html.document_fromstring(fr.render(report, "html", toc=True))
    (details,) = document.xpath("//nav[@class='toc']/details")
    assert details.get("open") is None  # folded unless the screen is wide (the CSS)
    assert details.xpath("./summary")[0].text_content() == "目录"
    assert len(details.xpath(".//a")) == len(report.walk())


def _rules(css: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"/\*.*?\*/", "", css, flags=re.S))


def test_the_print_and_screen_rules_are_there() -> None:
    css = _rules(official_css())
    right = re.search(r"@page :right \{ @bottom-right \{([^}]*)\}", css)
    left = re.search(r"@page :left \{ @bottom-left \{([^}]*)\}", css)
    assert right and left
    for box, side in ((right, "right"), (left, "left")):
        assert 'content: "— " counter(page) " —"' in box.group(1)
        assert f"text-align: {side}" in box.group(1)
        assert "font-size: 14pt" in box.group(1)
    assert "@bottom-center" not in css
    assert re.search(r"\.fazhi-report h1 \{[^}]*text-wrap: balance", css)
    signature = re.search(r"\.fazhi-report footer\.signature \{([^}]*)\}", css)
    assert signature and "width: fit-content" in signature.group(1)
    assert "margin: var(--fr-line) 2em 0 auto" in signature.group(1)  # 右空二字
    assert re.search(r"footer\.signature \.date \{ padding-left: 2em; \}", css)
    assert "@supports selector(::details-content)" in css


# --------------------------------------------------------------------------- printed by Chromium

_BROWSERS = ("chromium", "chromium-browser", "google-chrome")
_MM = 25.4 / 72  # a PDF point in mm
_CHAR = 16 * _MM  # a 3号 character, the body's
_A4_HEIGHT = 297.0
_LEFT, _RIGHT, _BOTTOM = 28.0, 210.0 - 26.0, 297.0 - 35.0  # the type area's edges


def _browser() -> str | None:
    return next((found for b in _BROWSERS if (found := shutil.which(b))), None)


def _words(bbox: str) -> list[list[tuple[str, float, float, float]]]:
    """Each page's words as (text, xMin, xMax, the middle of its box's height) in mm (the box's
    height is the font's, far taller than the ink for a CJK font)."""
    pages = []
    for page in bbox.split("<page ")[1:]:
        pages.append(
            [
                (text, float(x0) * _MM, float(x1) * _MM, (float(y0) + float(y1)) / 2 * _MM)
                for x0, y0, x1, y1, text in re.findall(
                    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                    r"([^<]*)</word>",
                    page,
                )
            ]
        )
    return pages


@pytest.fixture(scope="module")
def printed(
    tmp_path_factory: pytest.TempPathFactory,
) -> list[list[tuple[str, float, float, float]]]:
    browser = _browser()
    if browser is None:
        pytest.skip("no Chromium (chromium, chromium-browser, google-chrome) to print with")
    if shutil.which("pdftotext") is None:
        pytest.skip("no pdftotext (poppler-utils) to measure the PDF with")
    folder = tmp_path_factory.mktemp("print")
    page, pdf = folder / "sample.html", folder / "sample.pdf"
    page.write_text(fr.render(fr.load(SAMPLE), "html", toc=True), "utf-8")
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        capture_output=True,
        check=False,
        timeout=300,
    )
    if not pdf.is_file():
        pytest.skip(f"{browser} did not print a PDF")
    bbox = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return _words(bbox)


def test_page_numbers_right_on_odd_and_left_on_even_pages(
    printed: list[list[tuple[str, float, float, float]]],
) -> None:
    assert len(printed) >= 3
    for number, words in enumerate(printed, start=1):
        below = [w for w in words if w[3] > _BOTTOM]
        assert [w[0] for w in below] == ["—", str(number), "—"], (number, below)
        start, end = below[0][1], below[-1][2]
        indent = 14 * _MM  # one 4号 character in from the type area's edge
        if number % 2:
            assert abs((_RIGHT - end) - indent) < 1.0, (number, end)
        else:
            assert abs((start - _LEFT) - indent) < 1.0, (number, start)


def test_the_signature_as_gbt_9704_7_3_5(
    printed: list[list[tuple[str, float, float, float]]],
) -> None:
    report = fr.load(SAMPLE)
    assert report.signature is not None and report.signature.date is not None
    last = printed[-1]
    (organ,) = [w for w in last if w[0] == report.signature.organ]
    (date,) = [w for w in last if w[0].startswith(str(report.signature.date.year) + "年")]
    # the date's first character two characters right of the organ's first character
    assert abs((date[1] - organ[1]) - 2 * _CHAR) < 1.0, (organ, date)
    # the wider of the two ends two characters from the right edge of the type area
    assert abs((_RIGHT - max(organ[2], date[2])) - 2 * _CHAR) < 1.0, (organ, date)
    assert date[3] > organ[3]  # on the next line
