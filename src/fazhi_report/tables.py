"""Rows as a table: CSV, JSON or an HTML page, the one writer of every command that writes rows.

A row is a mapping of column names to plain values (``str``, ``int``, ``float``, ``bool``,
``None``, or nested mappings and lists, as ``to_dict()`` forms are). ``fazhi-report summary``,
``check``, ``figures`` and ``references`` write their tables here, and so does
`fazhi_report.rows.rows_to_csv` and its siblings:

```python
from fazhi_report.tables import write_table

rows = [{"file": "a.txt", "location": {"line": 3}, "code": "FZ301"}]
write_table(rows, "csv")   # 'file,location.line,code\\r\\na.txt,3,FZ301\\r\\n'
write_table(rows, "json")  # a JSON array, indented, Chinese unescaped
write_table(rows, "html")  # a page holding the table (templates/table/page.html.j2)
```

`TableWriter` writes the same text row by row, for a command whose rows are too many to
hold (``fazhi-report check`` of a report with millions of findings).

- **CSV** follows RFC 4180 as Python's csv module writes it by default: every line ends with
  CRLF, a field holding a comma, quote or line break is quoted. Nested mappings become dotted
  columns (``location.line``); lists are joined with ``"; "``; ``None`` is an empty field.
- **JSON** is an array of the rows as they are (nested values kept), indented by two.
- **HTML** is a page rendered from a template of the shared environment
  (`fazhi_report.renderers.templating.environment`): ``table/page.html.j2`` by default, or the
  page a caller names (``table/summary.html.j2`` for ``fazhi-report summary``). The templates
  end in ``.html.j2``, so every value is autoescaped: a file name, title or error reaches the
  page as text, never as markup. A user's template folder (``templates=``) overrides them one
  file at a time, as for the other formats, and ``sandboxed=True`` runs it in the sandbox.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal, NamedTuple, TypeAlias

from fazhi_report.errors import OptionError

FINDING_COLUMNS = (
    "code", "name", "severity", "location.line", "location.section", "location.path",
    "message", "message_en",
)  # fmt: skip
"""The columns of a finding's row (``check --format csv`` after ``file``; `fazhi_report.dask`)."""
FIGURE_COLUMNS = (
    "value", "unit", "qualifier", "change.direction", "change.basis", "text", "context",
    "location.line", "location.section", "location.path", "start", "end", "number",
    "multiplier", "sentence",
)  # fmt: skip
"""The columns of a figure's row (``figures --format csv`` after ``file``; `fazhi_report.dask`)."""

__all__ = [
    "TABLE_FORMATS",
    "Column",
    "TableFormat",
    "TableWriter",
    "flatten",
    "shown",
    "write_table",
]

TableFormat: TypeAlias = Literal["csv", "json", "html"]
"""The forms a table is written in."""

TABLE_FORMATS: tuple[TableFormat, ...] = ("csv", "json", "html")
"""The forms `write_table` writes, in the order the commands offer them."""

PAGE_TEMPLATE = "table/page.html.j2"
"""The template of an HTML table page; others extend it (``table/summary.html.j2``)."""


class Column(NamedTuple):
    """One column of an HTML table.

    Attributes:
        key: the row's key (a dotted name for a nested value: ``location.line``).
        label: the column's heading; the key when empty.
        kind: how a cell is shown: ``"text"``, ``"number"`` (aligned right) or ``"mark"``
            (a ``bool`` shown as ✓ or ✗, nothing for ``None``).
    """

    key: str
    label: str = ""
    kind: Literal["text", "number", "mark"] = "text"


def flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """A nested mapping as one level with dotted keys (``{"location": {"line": 3}}`` gives
    ``{"location.line": 3}``); lists and tuples are joined with ``"; "``, a mapping among
    them written as JSON."""
    flat: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten(value, f"{name}."))
        elif isinstance(value, (list, tuple)):
            flat[name] = "; ".join(
                json.dumps(v, ensure_ascii=False) if isinstance(v, Mapping) else str(v)
                for v in value
            )
        else:
            flat[name] = value
    return flat


# A file name whose bytes are not UTF-8 holds them as lone surrogates (PEP 383, os.fsdecode).
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape_surrogate(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def shown(value: object) -> str:
    """A cell's text: ``""`` for ``None``, else ``str(value)`` with any byte that was not
    UTF-8 in a file name (a lone surrogate) written as ``\\xff``, so the page can be encoded."""
    if value is None:
        return ""
    return _SURROGATE.sub(_escape_surrogate, str(value))


def _columns(flat: Sequence[Mapping[str, Any]], columns: Sequence[str] | None) -> list[str]:
    """The columns given, else every key in the order the rows first hold it."""
    if columns:
        return list(columns)
    names: dict[str, None] = {}
    for row in flat:
        names.update(dict.fromkeys(row))
    return list(names)


def _csv(rows: Sequence[Mapping[str, Any]], columns: Sequence[str] | None) -> str:
    flat = [flatten(row) for row in rows]
    out = io.StringIO()
    # the csv module's default dialect: RFC 4180, each line ending in CRLF
    writer = csv.DictWriter(out, fieldnames=_columns(flat, columns), extrasaction="ignore")
    writer.writeheader()
    for row in flat:
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return out.getvalue()


def _json(rows: Sequence[Mapping[str, Any]]) -> str:
    return json.dumps([dict(row) for row in rows], ensure_ascii=False, indent=2) + "\n"


def _texts(value: Any) -> Any:
    """``value`` with every string in it (in mappings and lists too) as `shown`."""
    if isinstance(value, str):
        return shown(value)
    if isinstance(value, Mapping):
        return {key: _texts(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_texts(item) for item in value]
    return value


def _text_values(row: Mapping[str, Any]) -> dict[str, Any]:
    """A flat row for a page: strings as `shown`; numbers, booleans and ``None`` kept, so
    the template can mark a ``bool`` and leave ``None`` empty."""
    return {
        key: shown(value) if isinstance(value, str) else value
        for key, value in flatten(row).items()
    }


def _html(
    rows: Sequence[Mapping[str, Any]],
    *,
    columns: Sequence[str | Column] | None,
    title: str,
    template: str,
    context: Mapping[str, Any],
    templates: str | os.PathLike[str] | None,
    sandboxed: bool,
) -> str:
    # the Jinja environment is loaded only when a page is written
    from fazhi_report.renderers.templating import environment, render_template

    flat = [_text_values(row) for row in rows]
    chosen = [c if isinstance(c, Column) else Column(c) for c in columns or _columns(flat, None)]
    page = {
        **_texts(context),
        "title": shown(title),
        "columns": [c._replace(label=shown(c.label or c.key)) for c in chosen],
        "rows": flat,
    }
    return render_template(environment(templates, sandboxed=sandboxed), template, page)


def write_table(
    rows: Iterable[Mapping[str, Any]],
    format: str,
    *,
    columns: Sequence[str | Column] | None = None,
    title: str = "",
    template: str = PAGE_TEMPLATE,
    context: Mapping[str, Any] | None = None,
    templates: str | os.PathLike[str] | None = None,
    sandboxed: bool = False,
) -> str:
    """Write ``rows`` as a CSV table, a JSON array or an HTML page.

    Args:
        rows: the rows, each a mapping (nested mappings become dotted columns in CSV and HTML).
        format: ``"csv"``, ``"json"`` or ``"html"`` (`TABLE_FORMATS`).
        columns: the columns, in order (dotted names; `Column` records for a page); by
            default every key the rows hold, in the order first met. JSON writes the rows
            whole and takes none.
        title: the page's title (HTML).
        template: the page's template (HTML), one of the shared environment's.
        context: more values the page's template reads (HTML); every string among them is
            written as text, like the rows' values.
        templates: a folder of templates overriding the shipped ones file by file (HTML).
        sandboxed: render the page in the bounded sandbox (for a folder you did not write).

    Returns:
        The text of the table; CSV lines end with CRLF (RFC 4180).

    Raises:
        OptionError: an unknown format.
        TemplateError: the page's template is missing or failed.
    """
    table = list(rows)
    if format == "csv":
        names = [c.key if isinstance(c, Column) else c for c in columns or ()]
        return _csv(table, names or None)
    if format == "json":
        return _json(table)
    if format == "html":
        return _html(
            table,
            columns=columns,
            title=title,
            template=template,
            context=context or {},
            templates=templates,
            sandboxed=sandboxed,
        )
    raise _unknown(format)


def _unknown(format: str) -> OptionError:
    return OptionError(
        f"unknown table format {format!r}", expected=" or ".join(repr(f) for f in TABLE_FORMATS)
    )


class TableWriter:
    """Write rows one at a time, giving the text `write_table` gives for all of them.

    CSV and JSON go to ``write`` piece by piece as rows are added (`add`), so a long table
    never stands in memory as one string; an HTML page is one template, rendered from every
    row at `close` (its rows are kept until then, as flat text). Call `close` once at the
    end: it writes the JSON array's bracket or the page. The arguments after ``write`` are
    `write_table`'s.

    Raises:
        OptionError: an unknown format.
    """

    def __init__(
        self,
        format: str,
        write: Callable[[str], object],
        *,
        columns: Sequence[str | Column] | None = None,
        title: str = "",
        template: str = PAGE_TEMPLATE,
        context: Mapping[str, Any] | None = None,
        templates: str | os.PathLike[str] | None = None,
        sandboxed: bool = False,
    ) -> None:
        if format not in TABLE_FORMATS:
            raise _unknown(format)
        self._format = format
        self._write = write
        self._count = 0
        self._kept: list[Mapping[str, Any]] = []
        # the page is rendered at `close`, from the rows kept and these
        self._page = functools.partial(
            _html,
            columns=columns,
            title=title,
            template=template,
            context=context or {},
            templates=templates,
            sandboxed=sandboxed,
        )
        self._buffer = io.StringIO()
        self._csv: csv.DictWriter[str] | None = None
        if format == "csv":
            names = [c.key if isinstance(c, Column) else c for c in columns or ()]
            if not names:
                raise OptionError("a CSV table written row by row needs its columns")
            # the csv module's default dialect, as `write_table`: RFC 4180, CRLF
            self._csv = csv.DictWriter(self._buffer, fieldnames=names, extrasaction="ignore")
            self._csv.writeheader()
            self._flush()

    def _flush(self) -> None:
        self._write(self._buffer.getvalue())
        self._buffer.seek(0)
        self._buffer.truncate()

    def add(self, row: Mapping[str, Any]) -> None:
        """Write one row (HTML: keep it for the page)."""
        self._count += 1
        if self._csv is not None:
            flat = flatten(row)
            self._csv.writerow({key: "" if value is None else value for key, value in flat.items()})
            self._flush()
        elif self._format == "json":
            item = json.dumps(dict(row), ensure_ascii=False, indent=2).replace("\n", "\n  ")
            # a JSON string holds no raw line break: every one is the indentation's
            self._write(("[\n  " if self._count == 1 else ",\n  ") + item)
        else:
            self._kept.append(_text_values(row))

    def close(self) -> None:
        """End the table: the JSON array's bracket, or the whole HTML page."""
        if self._format == "json":
            self._write("[]\n" if not self._count else "\n]\n")
        elif self._format == "html":
            self._write(self._page(self._kept))
            self._kept = []
