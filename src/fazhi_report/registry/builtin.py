"""The library's own formats: one `Format` row each.

A new built-in format is one reader (or parser) module, one renderer module, and one row here.
The targets are ``"module:attr"`` strings, imported the first time a format is used, so this
table costs no import of any reader or renderer.
"""

from __future__ import annotations

from fazhi_report.registry.records import Format
from fazhi_report.registry.sniffing import looks_like_html
from fazhi_report.registry.table import register_format

__all__: list[str] = []

register_format(
    Format(
        "text",
        suffixes=(".txt", ".text"),
        reader="fazhi_report.parsers.text:read_text",
        renderer="fazhi_report.renderers.text:TextRenderer",
        styles=("lossless", "official"),
        description="plain text (UTF-8, UTF-16 or GB18030), lossless or in the official form",
    )
)
register_format(
    Format(
        "docx",
        suffixes=(".docx",),
        reader="fazhi_report.parsers.docx:read_docx",
        renderer="fazhi_report.renderers.docx:DocxRenderer",
        binary=True,
        magic=b"PK\x03\x04",
        styles=("official",),
        description="Word files: read with Word's styles and numbering, written in GB/T 9704",
    )
)
register_format(
    Format(
        "json",
        suffixes=(".json",),
        parser="fazhi_report.convert:from_json",
        renderer="fazhi_report.renderers.json:JsonRenderer",
        styles=("semantic", "lossless"),
        description="the model as JSON (see fazhi_report.convert)",
    )
)
register_format(
    Format(
        "markdown",
        suffixes=(".md", ".markdown"),
        reader="fazhi_report.parsers.markdown:read_markdown",
        renderer="fazhi_report.renderers.markdown:MarkdownRenderer",
        styles=("official",),
        description="Markdown (CommonMark): headings as #, run-in headings in bold",
    )
)
register_format(
    Format(
        "html",
        suffixes=(".html", ".htm"),
        reader="fazhi_report.parsers.html:read_html",
        renderer="fazhi_report.renderers.html:HtmlRenderer",
        styles=("official",),
        description="web pages: read from government sites' pages, written in the official look",
        sniff=looks_like_html,
    )
)
register_format(
    Format(
        "pdf",
        suffixes=(".pdf",),
        reader="fazhi_report.parsers.pdf:read_pdf",
        binary=True,
        magic=b"%PDF-",
        description="PDF files' text layer, rebuilt into paragraphs (read only; the pdf extra)",
    )
)
register_format(
    Format(
        "outline",
        renderer="fazhi_report.renderers.outline:OutlineRenderer",
        styles=("default",),
        description="a report's outline, as 'fazhi-report inspect' prints it (written only)",
    )
)
