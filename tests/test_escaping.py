"""Every string of the model reaches HTML and Markdown as text, never as markup.

Reports are read from scraped pages, so their text is whatever a page held: a heading such as
``一、<script>alert(1)</script>举措`` must come out of every renderer as those characters. The
properties here take consistent reports (`tests.strategies.reports`), put markup-heavy strings
into every text the model holds, and check what a browser or a Markdown reader would see: the
same elements and attributes as for the plain report, and the model's text in each of them.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import fazhi_report as fr
from fazhi_report._cues import fold, is_page_clutter
from fazhi_report.cli import main
from fazhi_report.renderers import html as fr_html
from fazhi_report.renderers.templating import environment, inline_macros
from fazhi_report.validation import ALLOWED

from .strategies import WORDS, reports

# Markup of every language a report's text passes through: HTML (tags, entities, comments,
# CDATA, the end tags of raw-text elements), Jinja (expressions, statements), URLs a link could
# run, and Markdown. No piece starts or ends with a space: Markdown trims a line's edges.
MARKUP = (
    "<",
    ">",
    "&",
    '"',
    "'",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<b>",
    "</p>",
    "</section>",
    "<!--",
    "-->",
    "<![CDATA[x]]>",
    "]]>",
    "</textarea>",
    "</title>",
    "</style>",
    "&amp;",
    "&lt;",
    "&#60;",
    "&#x3C;",
    "{{",
    "}}",
    "{{x}}",
    "{{ report.title }}",
    "{%",
    "%}",
    "{% if true %}",
    "{#",
    "#}",
    "javascript:",
    "[x](javascript:alert(1))",
    "<javascript:alert(1)>",
    "*",
    "_",
    "`",
    "\\",
    "#",
    "|",
    "~",
    "!",
)
# A heading ends at its first colon, a point's title at its first stop: their pieces hold none.
HEADING_PIECES = tuple(piece for piece in MARKUP if not set(piece) & set("。：:"))
TITLE_PIECES = tuple(piece for piece in MARKUP if not set(piece) & set("。，,；;：:！？!?"))


def _hostile(pieces: tuple[str, ...]) -> st.SearchStrategy[str]:
    """Markup pieces mixed with CJK words, at least one piece of markup."""
    part = st.one_of(st.sampled_from(pieces), st.sampled_from(pieces), st.sampled_from(WORDS))
    return st.tuples(st.sampled_from(pieces), st.lists(part, max_size=4)).map(
        lambda t: t[0] + "".join(t[1])
    )


# An addressee (主送机关) is read as one only when short (under 25 characters with its colon)
# and without sentence punctuation.
ADDRESSEE_PIECES = tuple(
    piece for piece in HEADING_PIECES if len(piece) <= 8 and not set(piece) & set("，,；;！？!?")
)
addressee_markup = st.lists(st.sampled_from(ADDRESSEE_PIECES), min_size=1, max_size=2).map("".join)
text_markup = _hostile(MARKUP)
heading_markup = _hostile(HEADING_PIECES)
title_markup = _hostile(TITLE_PIECES)


@st.composite
def hostile_reports(draw: st.DrawFn, signature_markup: bool = True) -> tuple[fr.Report, fr.Report]:
    """A consistent report, and a copy with markup added to every string the model holds.

    With ``signature_markup=False`` the signing organ stays as it is: a name holding markup is
    no organ's name, so no reader takes it for the signature.
    """
    plain = draw(reports(deepest=2))  # levels 3 and 4 go through the same template lines
    report = _copy(plain)
    if report.title is not None:
        # inside the title: the organ, the markup, the year and 法治政府建设情况报告
        organ = report.organ or ""
        report.title = organ + draw(heading_markup) + report.title[len(organ) :]
    if report.organ is not None:
        report.organ += draw(text_markup)
    if report.addressee is not None:
        report.addressee += draw(addressee_markup)
    for section in report.walk():
        section.heading += draw(heading_markup)
    for paragraph in report.paragraphs:
        # before the last character: the stop or colon a point's marker needs before it stays
        paragraph.text = _inside(paragraph.text, draw(text_markup))
        for point in paragraph.points:
            point.title += draw(title_markup)
            point.text = _inside(point.text, draw(text_markup))
    for table in report.tables:
        for row in table.rows:
            for k in range(len(row)):
                row[k] += draw(text_markup)
        if draw(st.booleans()):
            table.rows[-1].pop()  # rows of different widths: Markdown writes an HTML table
    if signature_markup and report.signature is not None and report.signature.organ is not None:
        report.signature.organ += draw(heading_markup)
    # page metadata: the plain report's in plain words, so that a renderer writing it would
    # write the same elements for both
    plain.page = fr.PageInfo(source="区公安局", issuer="区公安局", number="某公〔2024〕3号")
    report.page = fr.PageInfo(
        source=draw(text_markup), issuer=draw(text_markup), number=draw(text_markup)
    )
    # what would not read back as written (a bracket left open before a point's stop…) is
    # refused by every renderer: not what this test is about
    assume(all(p.code in ALLOWED for p in fr.validate(report)))
    _trim_plain_tables(plain, report)
    return plain, report


def _inside(text: str, markup: str) -> str:
    """``markup`` put before the last character of ``text`` (nothing into an empty text)."""
    return text[:-1] + markup + text[-1:] if text else text


def _copy(report: fr.Report) -> fr.Report:
    return fr.from_dict(fr.to_dict(report))


def _trim_plain_tables(plain: fr.Report, report: fr.Report) -> None:
    """Give the plain report's tables the same shape as the marked-up report's."""
    for mine, theirs in zip(plain.tables, report.tables, strict=True):
        mine.rows[-1] = mine.rows[-1][: len(theirs.rows[-1])]


# ------------------------------------------------------------------------------ HTML

_MACROS = inline_macros(environment())  # the official form's text, unescaped: the oracle


def _heading(section: fr.Section) -> str:
    return str(_MACROS.heading(section))


def _run_in(section: fr.Section) -> bool:
    return section.run_in and bool(section.body) and isinstance(section.body[0], fr.Paragraph)


def _skeleton(root: Any) -> list[tuple[object, ...]]:
    """Every element, comment and processing instruction, with its attributes, in order.

    The organ's ``data-`` attribute holds model text: only its presence counts here.
    """
    return [
        (
            el.tag,
            tuple(sorted((k, None if k == "data-organ" else v) for k, v in el.attrib.items())),
        )
        for el in root.iter()
    ]


def _article(page: str) -> Any:
    document = lxml.html.document_fromstring(page)
    (article,) = document.xpath("//article")
    return document, article


def _paragraph_texts(report: fr.Report) -> list[str]:
    """The official text of each paragraph in document order, a run-in heading's with it."""
    found: list[str] = []

    def body(blocks: list[fr.Block], section: fr.Section | None) -> None:
        for k, block in enumerate(blocks):
            if isinstance(block, fr.Paragraph):
                if k == 0 and section is not None and _run_in(section):
                    found.append(str(_MACROS.section_lead(section)))
                else:
                    found.append(str(_MACROS.paragraph_text(block)))

    body(report.preamble, None)
    for section in report.walk():
        body(section.body, section)
    body(report.closing, None)
    return found


def _assert_texts(report: fr.Report, document: Any, article: Any, page_title: str | None) -> None:
    """Each element the templates write holds exactly the model's text; ``page_title`` is the
    ``<title>`` expected (``None``: a fragment, which has none)."""
    sections = report.walk()
    texts = [h.text_content() for h in article.xpath(".//h2|.//h3|.//h4|.//h5")]
    assert texts == [_heading(s) for s in sections if not _run_in(s)]
    leads = article.xpath(".//p[@class='run-in']/strong")
    assert [strong.text_content() for strong in leads] == [
        _heading(s) for s in sections if _run_in(s)
    ]
    assert [strong.get("role") for strong in leads] == ["heading"] * len(leads)
    levels = [strong.get("aria-level") for strong in leads]
    assert levels == [str(s.level + 1) for s in sections if _run_in(s)]
    lasts = [k == len(p.points) - 1 for p in report.paragraphs for k in range(len(p.points))]
    points = [_MACROS.point(pt, last) for pt, last in zip(report.points, lasts, strict=True)]
    spans = article.xpath(".//span[@class='point']")
    assert [s.text_content() for s in spans] == [str(p) for p in points]
    assert [s.get("data-number") for s in spans] == [str(p.number) for p in report.points]
    paragraphs = article.xpath(".//p[not(@class) or @class='run-in']")
    assert [p.text_content() for p in paragraphs] == _paragraph_texts(report)
    cells = [td.text_content() for td in article.xpath(".//td")]
    assert cells == [cell for t in report.tables for row in t.rows for cell in row]
    title = article.xpath("./header/h1")
    assert [h.text_content() for h in title] == ([report.title] if report.title else [])
    addressee = article.xpath("./p[@class='addressee']")
    expected = [report.addressee + "："] if report.addressee else []
    assert [p.text_content() for p in addressee] == expected
    assert article.get("data-organ") == (report.organ or None)
    signature = report.signature
    organ = article.xpath("./footer/p[@class='organ']")
    assert [p.text_content() for p in organ] == (
        [signature.organ] if signature is not None and signature.organ else []
    )
    links = article.xpath("./nav//a")
    if links:
        assert [a.text_content() for a in links] == [_heading(s) for s in sections]
    if page_title is not None:
        assert document.findtext(".//title") == page_title
    untitled = document.xpath("//h1[@class='fazhi-report-untitled']")
    shipped_page = page_title is not None and page_title != (report.title or "")
    assert [h.text_content() for h in untitled] == ([page_title] if shipped_page else [])


def _expected_title(report: fr.Report, **options: Any) -> str | None:
    if options.get("fragment"):
        return None
    folder = options.get("templates")
    if folder is not None and (Path(folder) / "html" / "report.html.j2").is_file():
        return report.title or ""  # the user's page writes its own <title>
    return report.title or fr_html.page_title(report)


def _check_page(plain: fr.Report, report: fr.Report, **options: Any) -> Any:
    page = fr.render(report, "html", **options)
    document, article = _article(page)
    base_document, _ = _article(fr.render(plain, "html", **options))
    assert _skeleton(document) == _skeleton(base_document)  # the same elements, nothing more
    _assert_texts(report, document, article, _expected_title(report, **options))
    if options.get("toc"):
        assert len(article.xpath("./nav//a")) == len(report.walk())
    return document


# A user's folder overriding one file: its own copy of the shared inline macros (a file named
# .j2, so not escaping by its name), or its own page calling the shipped macros directly.
_INLINE = (Path(fr.__file__).parent / "templates" / "official" / "inline.j2").read_text("utf-8")
_PAGE = """\
{%- import "html/macros.html.j2" as m with context -%}
{%- import "official/inline.j2" as inline with context -%}
<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ report.title or "" }}</title></head>
<body><ul class="outline">
{%- for s in report.walk() %}<li>{{ inline.heading(s) }}</li>{% endfor -%}
{%- for p in report.paragraphs %}<li>{{ inline.paragraph_text(p) }}</li>{% endfor -%}
</ul>
{{ m.article(report, blocks, toc) }}</body></html>
"""
USER_FILES = {
    "inline": {"official/inline.j2": _INLINE + "{#- the user's own copy -#}\n"},
    "page": {"html/report.html.j2": _PAGE},
}


@pytest.fixture(scope="module")
def user_folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A folder for each of `USER_FILES`, made once (an environment is cached per folder)."""
    folders = {}
    for which, files in USER_FILES.items():
        folder = tmp_path_factory.mktemp(which)
        for relative, text in files.items():
            path = folder / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
        folders[which] = folder
    return folders


@given(pair=hostile_reports(), toc=st.booleans())
def test_html_writes_every_string_as_text(
    user_folders: dict[str, Path], pair: tuple[fr.Report, fr.Report], toc: bool
) -> None:
    plain, report = pair
    for fragment in (False, True):
        _check_page(plain, report, fragment=fragment, toc=toc)
        _check_page(plain, report, fragment=fragment, toc=toc, templates=user_folders["inline"])
    document = _check_page(plain, report, toc=toc, templates=user_folders["page"])
    items = [li.text_content() for li in document.xpath("//ul[@class='outline']/li")]
    paragraphs = [str(_MACROS.paragraph_text(p)) for p in report.paragraphs]
    assert items == [_heading(s) for s in report.walk()] + paragraphs


def test_the_issue_example_is_text() -> None:
    report = fr.parse("一、<script>alert(1)</script>举措\n正文。\n（一）<i>x</i>\n一是<u>x</u>。")
    for toc in (False, True):
        page = fr.render(report, "html", fragment=True, toc=toc)
        document = lxml.html.document_fromstring(page)
        assert not document.xpath("//script|//i|//u")
        assert document.xpath("//h2")[0].text_content() == "一、<script>alert(1)</script>举措"
        assert document.xpath("//h3")[0].text_content() == "（一）<i>x</i>"
        assert document.xpath("//span")[0].text_content() == "一是<u>x</u>。"


def test_sandboxed_html_writes_every_string_as_text(user_folders: dict[str, Path]) -> None:
    report = fr.parse("一、<script>alert(1)</script>举措\n正文。\n（一）<i>x</i>\n一是<u>x</u>。")
    for folder in user_folders.values():
        page = fr.render(report, "html", templates=folder, sandboxed=True)
        assert not lxml.html.document_fromstring(page).xpath("//script|//i|//u")


def test_escaping_follows_the_importing_template(tmp_path: Path) -> None:
    # A text template's macros give plain text to text templates and escaped text to HTML
    # ones, from the one file; the same macro called from both keeps each its own.
    from fazhi_report.renderers.templating import render_template

    (tmp_path / "macros.j2").write_text("{% macro say(x) %}[{{ x }}]{% endmacro %}", "utf-8")
    (tmp_path / "page.html.j2").write_text(
        '{% import "macros.j2" as m %}<p>{{ m.say(text) }}</p>{% include "part.j2" %}', "utf-8"
    )
    (tmp_path / "part.j2").write_text("<i>{{ text }}</i>", "utf-8")
    (tmp_path / "page.j2").write_text('{% import "macros.j2" as m %}{{ m.say(text) }}', "utf-8")
    hostile = {"text": "<b>&{{ x }}"}
    for sandboxed in (False, True):
        env = environment(tmp_path, sandboxed=sandboxed)
        assert render_template(env, "page.html.j2", hostile) == (
            "<p>[&lt;b&gt;&amp;{{ x }}]</p><i>&lt;b&gt;&amp;{{ x }}</i>"
        )
        assert render_template(env, "page.j2", hostile) == "[<b>&{{ x }}]"
        assert render_template(env, "part.j2", hostile) == "<i><b>&{{ x }}</i>"


# ---------------------------------------------------------------------------- Markdown

_MARKDOWN = MarkdownIt("commonmark").enable("table")  # html=True: raw HTML is recognised
# what the Markdown templates write inside a block: text, escapes, a run-in heading's bold
_INLINE_TOKENS = {"text", "text_special", "strong_open", "strong_close", "softbreak", "hardbreak"}


def _tokens(markdown: str) -> tuple[list[str], list[Any], list[str]]:
    """The block tokens' types, the HTML blocks, and the inline tokens' types."""
    blocks, html, inline = [], [], []
    for token in _MARKDOWN.parse(markdown):
        blocks.append(token.type)
        if token.type == "html_block":
            html.append(token.content)
        inline += [child.type for child in token.children or ()]
    return blocks, html, inline


def _strings(report: fr.Report, organ: bool) -> object:
    """Every string the model holds, in its structure (derived facts aside)."""
    data = fr.to_dict(report)
    for key in ("organ", "year", "page", "layout"):
        if key != "organ" or not organ:
            data.pop(key, None)
    return _drop_roles(data)


def _drop_roles(value: object) -> object:
    if isinstance(value, dict):
        return {k: _drop_roles(v) for k, v in value.items() if k != "role"}
    if isinstance(value, list):
        return [_drop_roles(v) for v in value]
    return value


@given(hostile_reports(signature_markup=False), st.booleans())
def test_markdown_writes_every_string_as_text(
    pair: tuple[fr.Report, fr.Report], front_matter: bool
) -> None:
    plain, report = pair
    # a line shaped like a breadcrumb ("法治>建设。") or a menu bar ("市委|：") is taken for
    # page chrome by every reader, the plain text's too: the parser's cues, not escaping
    # (a table's rows are no lines to Markdown)
    lines = [line for line in fr.render(report, "text", style="official").splitlines()]
    assume(
        not any(is_page_clutter(fold(line.strip("\u3000"))) for line in lines if "\t" not in line)
    )
    markdown = fr.render(report, "markdown", front_matter=front_matter)
    blocks, html, inline = _tokens(markdown)
    base_blocks, base_html, _ = _tokens(fr.render(plain, "markdown", front_matter=front_matter))
    assert blocks == base_blocks  # the same paragraphs, headings and tables
    assert set(inline) <= _INLINE_TOKENS  # no html_inline, link, image, code or emphasis
    # raw HTML only where the template writes a table a pipe table cannot carry, and then
    # only its table, rows and cells, holding the model's text
    assert len(html) == len(base_html)
    uneven = [t for t in report.tables if len({len(row) for row in t.rows}) > 1]
    assert len(html) == len(uneven)
    for content, table in zip(html, uneven, strict=True):
        element = lxml.html.fragment_fromstring(content)
        assert {el.tag for el in element.iter()} == {"table", "tr", "td"}
        assert [dict(el.attrib) for el in element.iter() if el.attrib] == [{"class": "fazhi-table"}]
        assert [[td.text_content() for td in tr] for tr in element] == table.rows
    back = fr.parse(markdown, format="markdown")
    assert _strings(back, front_matter) == _strings(report, front_matter)


# ------------------------------------------------------------------------ summary page

# File names: markup, CJK, and (where the system allows) bytes that are not UTF-8.
NAME_PIECES = (*(p for p in MARKUP if "/" not in p and "\\" not in p), "青禾", "报告")
names = st.lists(st.sampled_from(NAME_PIECES), min_size=1, max_size=4).map("".join)
_SUMMARY_TAGS = {
    "html", "head", "meta", "title", "style", "body", "h1", "p", "div", "span",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip


def _shown(name: str) -> str:
    """How the page shows a file name: bytes that are not UTF-8 as ``\\xff``."""
    return re.sub(r"[\udc80-\udcff]", lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", name)


def _can_hold_bytes(folder: Path) -> bool:
    try:
        (folder / os.fsdecode(b"\xff.probe")).write_bytes(b"")
    except (OSError, UnicodeError):
        return False
    (folder / os.fsdecode(b"\xff.probe")).unlink()
    return True


@given(
    st.lists(names, min_size=1, max_size=3, unique=True),
    st.lists(heading_markup, min_size=1, max_size=3),
    st.booleans(),
)
def test_summary_page_writes_every_value_as_text(
    files: list[str], titles: list[str], raw_bytes: bool
) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        expected = {}
        for k, base in enumerate(files):
            file_name = f"{base}{k}.txt"
            if raw_bytes and k == 0 and _can_hold_bytes(folder):
                file_name = os.fsdecode(b"\xfe\xff") + file_name
            path = folder / file_name
            if k == len(files) - 1 and k:
                path.write_bytes(b"")  # unreadable: a row with its error
            else:
                title = f"青禾县公安局{titles[k % len(titles)]}2025年法治政府建设情况报告"
                path.write_text(f"{title}\n\n一、主要举措和成效\n{title}。\n", "utf-8")
            expected[_shown(os.fspath(path))] = path
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["summary", name, "--format", "html", "-q"])
        assert status in (0, 1), err.getvalue()
        organs = {
            shown: fr.load(path).organ or ""
            for shown, path in expected.items()
            if path.stat().st_size
        }
    document = lxml.html.document_fromstring(out.getvalue())
    assert {el.tag for el in document.iter()} <= _SUMMARY_TAGS  # no comment either
    allowed_attributes = {"lang", "charset", "class", "role", "aria-label", "style"}
    assert {key for el in document.iter() for key in el.attrib} <= allowed_attributes
    rows = document.xpath("//tbody/tr")
    assert sorted(row[0].text_content() for row in rows) == sorted(expected)
    for row in rows:
        error = row[-1].text_content()
        assert (row.get("class") == "error") == bool(error)
        if not error:
            assert row[1].text_content() == organs[row[0].text_content()]
