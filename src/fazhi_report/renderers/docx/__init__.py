"""The DOCX renderer: a Word file in the GB/T 9704-2012 layout (党政机关公文格式).

By default the file is built from a slim package of our own: A4; margins 37 mm top, 35 mm
bottom, 28 mm left, 26 mm right (a 156 × 225 mm text block); 22 lines a page at an exact line
spacing of 28.95 pt with a line grid of the same pitch, and 28 characters a line at 3号 (each
character condensed by 0.25 pt); the title in 2号 方正小标宋简体, centred, broken into lines of
sensible length; the body in 3号 仿宋_GB2312 with a two-character first-line indent; level-1
headings in 黑体, level-2 in 楷体_GB2312, levels 3–4 in 仿宋_GB2312, all 3号; a run-in heading
keeps its heading font for the heading sentence and the body font for the rest; page numbers
"— N —" in 4号 宋体, odd pages right and even pages left, one character in from the edge; the
signature per 7.3.5 (see `fazhi_report.renderers.docx.signature`).

Every Chinese font is set through ``w:eastAsia`` on the styles and on each run, digits and Latin
letters in Times New Roman through ``w:ascii``/``w:hAnsi``, quotes and dashes in Chinese text
through ``w:hint="eastAsia"``, and no theme font is left to override them; the font table
names an alternate for each face (`fazhi_report.renderers.docx.fonts`). Paragraph styles carry
Word's names (``Title``, ``heading 1``–``heading 4`` with outline levels, ``Body Text``,
``Signature``), so the navigation pane shows the outline and a user can restyle the whole
document in Word. The paragraph text comes from the shared inline macros of
``official/inline.j2``.

The package: `geometry` (the page as data), `fonts`, `options`, `styles`, `body` (the
paragraphs and tables), `signature`, `package` (our own parts) and `letterhead` (a reference
document).

Options:

- ``fonts``: ``"official"`` (the GB/T 9704 faces, `DEFAULT_FONTS`), ``"open"`` (faces a Linux
  distribution ships, `OPEN_FONTS`), or a mapping from a role (``title``, ``body``,
  ``heading1`` … ``heading4``, ``page_number``, ``latin``) to the font to use instead.
- ``signature_layout``: ``"unstamped"`` (default) or ``"stamped"``.
- ``reference_docx``: a path to (or the bytes of) a .docx, a bureau's letterhead, whose
  headers, first-page content and own styles are kept while the report's styles, page setup
  and page numbers win (see `fazhi_report.renderers.docx.letterhead`).
- ``templates``, ``sandboxed``: as for the official text style (the inline macros can be
  overridden).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import ClassVar

from fazhi_report._ooxml import open_package
from fazhi_report._surrogates import check_output
from fazhi_report.errors import FileError
from fazhi_report.model import Report
from fazhi_report.registry import Renderer
from fazhi_report.renderers.docx.body import BodyWriter, title_lines
from fazhi_report.renderers.docx.fonts import DEFAULT_FONTS, OPEN_FONTS
from fazhi_report.renderers.docx.installed import FontCheck, check_fonts, missing_fonts
from fazhi_report.renderers.docx.letterhead import pour_into, read_styles, style_ids
from fazhi_report.renderers.docx.options import SignatureLayoutName, check_layout, resolve_fonts
from fazhi_report.renderers.docx.package import package
from fazhi_report.renderers.docx.styles import STYLE_IDS
from fazhi_report.renderers.templating import environment, inline_macros

__all__ = [
    "DEFAULT_FONTS",
    "OPEN_FONTS",
    "DocxRenderer",
    "FontCheck",
    "SignatureLayoutName",
    "check_fonts",
    "missing_fonts",
    "title_lines",
]


class DocxRenderer(Renderer):
    """A Word file in the GB/T 9704 layout (see the module's description for the options)."""

    styles: ClassVar[tuple[str, ...]] = ("official",)
    binary: ClassVar[bool] = True

    def reads_back(self, report: Report, style: str) -> bool:
        """Always: the official form must read back."""
        return True

    def render(
        self,
        report: Report,
        *,
        style: str,
        fonts: Mapping[str, str] | str | None = None,
        signature_layout: SignatureLayoutName = "unstamped",
        reference_docx: str | os.PathLike[str] | bytes | None = None,
        templates: str | os.PathLike[str] | None = None,
        sandboxed: bool = False,
    ) -> bytes:
        """The report as the bytes of a .docx file.

        Raises:
            DataError: text a Word file cannot hold (a control character, a lone
                surrogate); the message names the node. That the report reads back in the
                official form `fazhi_report.render` checks first (`reads_back`).
            OptionError: an unknown font set, font role or signature layout, or a font name
                a Word file cannot hold.
            DecodeError: ``reference_docx`` is no Word file, or a part of it is damaged.
        """
        chosen = resolve_fonts(fonts)
        check_layout(signature_layout)
        macros = inline_macros(environment(templates, sandboxed=sandboxed))
        if reference_docx is None:
            return package(report, BodyWriter(macros, chosen, STYLE_IDS, signature_layout), chosen)
        reference = open_package(_read_reference(reference_docx), "<reference_docx>")
        theirs = read_styles(reference)
        ids = style_ids(theirs)
        body = BodyWriter(macros, chosen, ids, signature_layout).report(report)
        check_output(body, report, "docx")  # a reference's own properties are kept
        return pour_into(reference, body, ids, theirs, chosen)


def _read_reference(reference: str | os.PathLike[str] | bytes) -> bytes:
    if isinstance(reference, bytes):
        return reference
    try:
        with open(reference, "rb") as file:
            return file.read()
    except OSError as exc:
        raise FileError(
            f"cannot read the reference document: {exc.strerror or exc}",
            source=os.fspath(reference),
        ) from None
