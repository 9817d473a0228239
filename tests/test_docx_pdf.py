"""The Word files measured as printed: LibreOffice turns them into PDF, poppler measures.

Real reports (../shared/corpus seeds and full cases) and the examples are rendered to Word in
the default (unstamped) and the stamped signature layout, and poured into two letterheads
(one made with python-docx's default template, one made by LibreOffice); LibreOffice converts
each to PDF and every page is measured against GB/T 9704-2012: 22 lines on every full page,
28 characters on full body lines and 26 on indented first lines, the signature of 7.3.5 within
1 mm, page numbers under the type area on the outer side, in the page-number face.

The official faces are not installed on a Linux machine: LibreOffice sets others (fontconfig's
choice). Character counts do not depend on it, since every Chinese face advances one em a
character; the faces are checked where it matters (the page numbers) with a face that is
installed. Skipped, saying why, without LibreOffice and poppler.
"""

from __future__ import annotations

import itertools
import math
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import parse_xml
from docx.shared import Pt, RGBColor

import fazhi_report as fr
from fazhi_report.numbering import format_date

from .conftest import CORPUS, EXAMPLES
from .pdf_layout import Line, Run, pdf_lines, pdf_runs, to_pdf
from .pdf_office import office_convert

pytestmark = [
    pytest.mark.skipif(
        shutil.which("soffice") is None,
        reason="LibreOffice (soffice) is not installed: .ci/run installs libreoffice-writer",
    ),
    pytest.mark.skipif(
        shutil.which("pdftotext") is None or shutil.which("pdftohtml") is None,
        reason="poppler-utils (pdftotext, pdftohtml) is not installed: .ci/run installs it",
    ),
    pytest.mark.filterwarnings("ignore::UserWarning"),
]

PT_PER_MM = 72 / 25.4
LEFT = 28 * PT_PER_MM  # the type area's left edge, in points
RIGHT = 595.276 - 26 * PT_PER_MM  # its right edge
TOP = 37 * PT_PER_MM  # its top
BOTTOM = 841.89 - 35 * PT_PER_MM  # its bottom
PITCH = 15.75  # a condensed 3号 character
MM = PT_PER_MM
VARIANTS = ("unstamped", "stamped", "python-docx letterhead", "LibreOffice letterhead")
_CLOSING = "，。、；：！？”’）》」』"  # marks that may hang past the right edge
_OPENING = "“‘（《「『"  # marks that may not end a line


def _reports() -> dict[str, Path]:
    found = {p.stem: p for p in sorted(EXAMPLES.glob("*.txt"))}
    for folder in (CORPUS / "seeds", CORPUS / "full" / "cases"):
        found.update({f"{folder.name}/{p.stem}": p for p in sorted(folder.glob("*.txt"))})
    return found


def _python_docx_letterhead(path: Path) -> None:
    document = docx.Document()  # python-docx's default template: blue Title, bold headings
    header = document.sections[0].header.paragraphs[0]
    header.text = "青禾县人民政府办公室"
    letterhead = document.add_paragraph()
    run = letterhead.add_run("青禾县公安局文件")
    run.font.size = Pt(36)
    run.font.color.rgb = RGBColor(0xFF, 0, 0)
    letterhead.alignment = 1
    # the red rule under the 版头, as a paragraph border
    letterhead._p.get_or_add_pPr().append(
        parse_xml(
            '<w:pBdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:bottom w:val="single" w:sz="18" w:space="4" w:color="FF0000"/></w:pBdr>'
        )
    )
    document.save(path)


def _libreoffice_letterhead(folder: Path, profile: Path) -> Path:
    page = folder / "lo_letterhead.html"
    page.write_text(
        '<html><head><meta charset="utf-8"><title>版头</title></head><body>'
        '<h1 style="color:#ff0000;text-align:center">青禾县司法局文件</h1>'
        "<p>青禾司发〔2026〕1号</p></body></html>",
        "utf-8",
    )
    office_convert([page], "docx:MS Word 2007 XML", folder, profile)
    return folder / "lo_letterhead.docx"


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Any]:
    """(report, variant) → (report, PDF pages, PDF runs)."""
    folder = tmp_path_factory.mktemp("docx_pdf")
    profile = folder / "profile"
    pydocx = folder / "pydocx_letterhead.docx"
    _python_docx_letterhead(pydocx)
    lo = _libreoffice_letterhead(folder, profile)
    options: dict[str, dict[str, Any]] = {
        "unstamped": {},
        "stamped": {"signature_layout": "stamped"},
        "python-docx letterhead": {"reference_docx": pydocx},
        "LibreOffice letterhead": {"reference_docx": lo},
    }
    docs, names = [], {}
    for i, (name, path) in enumerate(_reports().items()):
        report = fr.load(path)
        for k, variant in enumerate(VARIANTS):
            target = folder / f"r{i}_{k}.docx"
            target.write_bytes(fr.render(report, "docx", **options[variant]))
            docs.append(target)
            names[(name, variant)] = (report, target.with_suffix(".pdf"))
    to_pdf(docs, folder, profile)
    return {key: (report, pdf_lines(pdf), pdf_runs(pdf)) for key, (report, pdf) in names.items()}


def _is_page_number(line: Line) -> bool:
    return line.top > BOTTOM and line.text.replace(" ", "").strip("—").isdigit()


def _body(page: list[Line]) -> list[Line]:
    """The lines of the type area (no header, no footer)."""
    return [line for line in page if TOP - 2 <= line.top < BOTTOM]


def _is_number_run(run: Run) -> bool:
    return re.fullmatch(r"—\s*[0-9]+\s*—", run.text.strip()) is not None


def _wide(text: str) -> bool:
    return all(ord(ch) >= 0x2E80 or ch in "“”‘’" for ch in text)


def test_the_corpus_is_measured_when_it_is_there(printed: dict[Any, Any]) -> None:
    reports = {name for name, _ in printed}
    assert {"sample_report", "web_page"} <= reports
    if (CORPUS / "seeds").is_dir():
        assert any(name.startswith("seeds/") for name in reports)


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_full_page_holds_22_lines(printed: dict[Any, Any], variant: str) -> None:
    measured = 0
    for (name, kind), (_, pages, _) in printed.items():
        if kind != variant:
            continue
        # the first page holds the title (and a letterhead), the last ends where the text ends
        for number, page in enumerate(pages[1:-1], 2):
            tops = sorted({round(line.top, 0) for line in _body(page)})
            following = _body(pages[number])[0].text if number < len(pages) else ""
            # a heading kept with its text may leave the last line of a page empty
            wanted = {22, 21} if following[:1] in "一二三四五六七八九十（" else {22}
            assert len(tops) in wanted, (name, number, len(tops))
            pitch = [b - a for a, b in itertools.pairwise(tops)]
            assert all(abs(p - 28.95) <= 1.0 for p in pitch), (name, number, pitch)
            measured += 1
    assert measured >= 10


@pytest.mark.parametrize("variant", VARIANTS)
def test_full_lines_hold_28_characters_and_first_lines_26(
    printed: dict[Any, Any], variant: str
) -> None:
    full = first = exact = 0
    for (name, kind), (_, pages, _) in printed.items():
        if kind != variant:
            continue
        for number, page in enumerate(pages, 1):
            body = _body(page)
            for line, after in zip(body, [*body[1:], None], strict=True):
                text = line.text
                if not _wide(text) or line.right < RIGHT - 2:
                    continue  # digits or Latin letters, or a line that ends its paragraph
                inside = text[:-1] if line.right > RIGHT + 2 and text[-1] in _CLOSING else text
                # line-breaking rules may leave the last cells empty: what begins the next
                # line (digits and Latin letters with the space before them, a closing mark
                # with the character before it, an opening mark) may not be split
                least = _unbreakable(after.text if after is not None else "")
                ruled = least > 0
                if abs(line.left - LEFT) <= 1.5:
                    assert 28 - least <= len(inside) <= 28, (name, number, text)
                    full += 1
                    exact += not ruled
                elif abs(line.left - (LEFT + 32)) <= 1.5:
                    assert 26 - least <= len(inside) <= 26, (name, number, text)
                    first += 1
    assert full >= 100 and first >= 10, (full, first)
    assert exact >= full * 0.8, (exact, full)  # most lines are bound by nothing but width


def _unbreakable(text: str) -> int:
    """How many cells the unbreakable start of a line needs (0: it starts with a character
    that may end or start a line freely)."""
    cells, i = 0.0, 0
    if len(text) > 1 and text[1] in _CLOSING:
        cells, i = 1.0, 1  # a character kept with the mark after it
    while i < len(text) and (text[i].isascii() or text[i] in _CLOSING + _OPENING):
        cells += 0.5 if text[i].isascii() else 1.0
        i += 1
    return math.ceil(cells) + 1 if cells else 0


def _signature_lines(report: fr.Report, pages: list[list[Line]]) -> tuple[Line, Line]:
    signature = report.signature
    assert signature is not None and signature.organ and signature.date
    last = _body(pages[-1])
    organ = next(line for line in last if line.text == signature.organ)
    date = next(line for line in last if line.text == format_date(signature.date))
    return organ, date


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_signature_stands_as_7_3_5_says(printed: dict[Any, Any], variant: str) -> None:
    seen = 0
    for (_, kind), (report, pages, _) in printed.items():
        signature = report.signature
        if kind != variant or signature is None or not (signature.organ and signature.date):
            continue
        organ, date = _signature_lines(report, pages)
        assert date.top - organ.top == pytest.approx(28.95, abs=1)
        if variant == "stamped":
            # the date 右空四字, the organ centred over it
            assert RIGHT - date.right == pytest.approx(4 * PITCH, abs=MM)
            centre = (organ.left + organ.right) / 2 - (date.left + date.right) / 2
            assert centre == pytest.approx(0, abs=MM)
            # three lines free for the seal
            text_above = [line for line in _body(pages[-1]) if line.top < organ.top]
            assert organ.top - text_above[-1].top == pytest.approx(4 * 28.95, abs=1)
        elif date.right - organ.right <= 0:
            # the organ 右空二字, the date's first character two right of the organ's
            assert RIGHT - organ.right == pytest.approx(2 * PITCH, abs=MM)
            assert date.left - organ.left == pytest.approx(2 * PITCH, abs=MM)
        else:
            # a date longer than that allows: the date 右空二字, the organ two before it
            assert RIGHT - date.right == pytest.approx(2 * PITCH, abs=MM)
            assert date.left - organ.left == pytest.approx(2 * PITCH, abs=MM)
        seen += 1
    assert seen >= 3


@pytest.mark.parametrize("variant", VARIANTS)
def test_page_numbers_sit_outside_under_the_type_area(
    printed: dict[Any, Any], variant: str
) -> None:
    for (name, kind), (_, pages, runs) in printed.items():
        if kind != variant:
            continue
        for number, page in enumerate(pages, 1):
            found = [line for line in page if _is_page_number(line)]
            assert len(found) == 1, (name, number, page[-2:])
            line = found[0]
            assert line.text.replace(" ", "") == f"—{number}—"
            # 一字线 about 7 mm under the type area; one 4号 character in from the edge
            assert 4 * MM <= line.top - BOTTOM <= 9 * MM, (name, number)
            if number % 2:
                assert RIGHT - line.right == pytest.approx(14, abs=MM)
            else:
                assert line.left - LEFT == pytest.approx(14, abs=MM)
        faces = {r.face for r in runs if _is_number_run(r)}
        assert faces and "LiberationSerif" not in faces, (name, faces)  # not Times New Roman


def test_page_numbers_are_set_in_the_page_number_face(tmp_path: Path) -> None:
    families = subprocess.run(
        ["fc-list", ":", "family"], capture_output=True, text=True, check=False
    ).stdout
    face = "Noto Serif CJK SC"
    if face not in families:
        pytest.skip(f"{face} (fonts-noto-cjk) is not installed")
    report = fr.load(EXAMPLES / "sample_report.txt")
    target = tmp_path / "faces.docx"
    target.write_bytes(fr.render(report, "docx", fonts={"page_number": face}))
    to_pdf([target], tmp_path, tmp_path / "profile")
    runs = pdf_runs(target.with_suffix(".pdf"))
    numbers = [r for r in runs if _is_number_run(r)]
    assert numbers and all("NotoSerifCJK" in r.face for r in numbers), numbers[:3]


@pytest.mark.parametrize("variant", VARIANTS[2:])
def test_a_letterhead_keeps_its_head_and_the_report_its_styles(
    printed: dict[Any, Any], variant: str
) -> None:
    head = "青禾县公安局文件" if variant.startswith("python") else "青禾县司法局文件"
    for (_name, kind), (report, pages, runs) in printed.items():
        if kind != variant:
            continue
        first = [line.text for line in pages[0]]
        if variant.startswith("python"):
            assert first[0] == "青禾县人民政府办公室"  # the header
        assert head in first  # the letterhead's first-page content
        if report.title:
            # the report's title style: 2号 (33 px), black; a template's Title is blue 28 pt
            title = [r for r in runs if r.page == 1 and r.text and r.text in report.title]
            big = [r for r in title if abs(r.size / 1.5 - 22) < 1]
            assert "".join(r.text for r in big).startswith(report.title[:4]), title[:3]
            assert all(r.color == "#000000" for r in big), big[:2]
