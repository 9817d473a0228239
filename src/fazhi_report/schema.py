"""A JSON Schema (draft 2020-12) of the plain data `fazhi_report.to_dict` writes.

The schema is made from the model itself (its attrs classes, their type hints and docstrings),
so it follows every change to the model; it carries the version of the data form
(``DATA_VERSION``) in its ``$id`` and fixes the ``"version"`` key to it. Other languages can
validate and generate types from it:

```python
import fazhi_report as fr
schema = fr.json_schema()                  # content only, as to_dict(report) writes it
schema = fr.json_schema(layout=True)       # with layout records, as to_dict(report, layout=True)
```

It says what `fazhi_report.from_dict` accepts, too: objects have no other keys, lists are
arrays, a section's level is 1 to 4, numbers start at 1, a year has at most four digits, roles
are their string values, dates are ISO strings (``PageInfo.published`` may carry a time of day).
Only fields without a default are required, as `fazhi_report.from_dict` reads them, and a
table's ``rows`` (the key that tells a table from a paragraph).
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
import types
import typing
from typing import Any, Union

import attrs

from fazhi_report.convert.converter import DATA_VERSION, LAYOUT_BOUNDS
from fazhi_report.model import MAX_YEAR, PageInfo, Report, Section, SectionRole

__all__ = ["SCHEMA_DIALECT", "json_schema", "schema_id", "schema_text"]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of `json_schema`."""

_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_MOMENT = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?)?$"
# Bounds the model's own field checks enforce (see fazhi_report.model).
_MODEL_BOUNDS: dict[tuple[str, str], dict[str, int]] = {
    ("Section", "level"): {"minimum": 1, "maximum": 4},
    ("Section", "number"): {"minimum": 1},
    ("Point", "number"): {"minimum": 1},
    ("Report", "year"): {"minimum": 0, "maximum": MAX_YEAR},
}
_MOMENT_FIELDS = {("PageInfo", "published"), ("PageInfo", "issued")}
# Fields with a default that from_dict still needs: a block with "rows" is a table, without
# one a paragraph (see fazhi_report.convert).
_TELLING = {("Table", "rows")}


def schema_id(*, layout: bool = False) -> str:
    """The ``$id`` of the schema of data form `DATA_VERSION` (with or without layout)."""
    kind = "report-with-layout" if layout else "report"
    return f"urn:fazhi-report:schema:{kind}:v{DATA_VERSION}"


def _attribute_docs(cls: type) -> dict[str, str]:
    """The descriptions of a class's fields, from the ``Attributes:`` part of its docstring."""
    docs: dict[str, str] = {}
    lines = (cls.__doc__ or "").splitlines()
    inside = False
    current = None
    for line in lines:
        stripped = line.strip()
        if stripped == "Attributes:":
            inside = True
            continue
        if not inside:
            continue
        if not stripped:
            current = None
            continue
        indent = len(line) - len(line.lstrip())
        name, colon, text = stripped.partition(":")
        if colon and name.isidentifier() and indent <= 8:
            current = name
            docs[name] = text.strip()
        elif current is not None:
            docs[current] += " " + stripped
    return {
        name: " ".join(text.replace("``", "").replace("`", "").split())
        for name, text in docs.items()
    }


def _is_optional(kind: Any) -> tuple[bool, list[Any]]:
    origin = typing.get_origin(kind)
    if origin is Union or origin is types.UnionType:
        args = list(typing.get_args(kind))
        none = type(None) in args
        return none, [a for a in args if a is not type(None)]
    return False, [kind]


class _Builder:
    def __init__(self, layout: bool) -> None:
        self.layout = layout
        self.defs: dict[str, dict[str, Any]] = {}

    def type_schema(self, kind: Any, owner: str, field: str) -> dict[str, Any]:
        nullable, kinds = _is_optional(kind)
        schemas = [self.one(k, owner, field) for k in kinds]
        if nullable:
            schemas.append({"type": "null"})
        return schemas[0] if len(schemas) == 1 else {"anyOf": schemas}

    def one(self, kind: Any, owner: str, field: str) -> dict[str, Any]:
        origin = typing.get_origin(kind)
        if kind is str:
            return {"type": "string"}
        if origin is typing.Literal:  # a closed set of strings: DateStyle
            return {"enum": list(typing.get_args(kind))}
        if kind is bool:
            return {"type": "boolean"}
        if kind is int:
            found: dict[str, Any] = {"type": "integer"}
            found.update(_MODEL_BOUNDS.get((owner, field), {}))
            for (cls, name), (low, high) in LAYOUT_BOUNDS.items():
                if cls.__name__ == owner and name == field:
                    found.update({"minimum": low, "maximum": high})
            return found
        if kind is _dt.date or kind is _dt.datetime:
            if (owner, field) in _MOMENT_FIELDS:
                return {"type": "string", "pattern": _MOMENT}
            return {"type": "string", "format": "date", "pattern": _DATE}
        if isinstance(kind, type) and issubclass(kind, SectionRole):
            return {"enum": [role.value for role in SectionRole]}
        if origin is list:
            (item,) = typing.get_args(kind)
            return {"type": "array", "items": self.type_schema(item, owner, field)}
        if origin is tuple:
            args = typing.get_args(kind)
            if len(args) == 2 and args[1] is Ellipsis:
                return {"type": "array", "items": self.type_schema(args[0], owner, field)}
            return {
                "type": "array",
                "prefixItems": [self.type_schema(a, owner, field) for a in args],
                "minItems": len(args),
                "maxItems": len(args),
            }
        if isinstance(kind, type) and attrs.has(kind):
            return {"$ref": f"#/$defs/{self.define(kind)}"}
        raise TypeError(f"no JSON Schema for the type {kind!r} of {owner}.{field}")

    def define(self, cls: type) -> str:
        name = cls.__name__
        if name in self.defs:
            return name
        self.defs[name] = {}  # placed first: a class may refer to itself (Section)
        hints = typing.get_type_hints(cls)
        docs = _attribute_docs(cls)
        properties: dict[str, Any] = {}
        required = []
        for attribute in attrs.fields(cls):
            if attribute.name == "layout" and not self.layout:
                continue  # to_dict leaves layout records out unless asked
            schema = self.type_schema(hints[attribute.name], name, attribute.name)
            if attribute.name in docs:
                schema = {"description": docs[attribute.name], **schema}
            properties[attribute.name] = schema
            if attribute.default is attrs.NOTHING or (name, attribute.name) in _TELLING:
                required.append(attribute.name)
        summary = (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else name
        definition: dict[str, Any] = {
            "type": "object",
            "description": summary,
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            definition["required"] = required
        self.defs[name] = definition
        return name


@functools.cache
def _schema_json(layout: bool) -> str:
    builder = _Builder(layout)
    builder.define(Report)
    builder.define(Section)  # listed even if Report reached it already: keeps $defs ordered
    builder.define(PageInfo)
    report = builder.defs.pop("Report")
    properties = {
        "version": {
            "description": "The version of the data form (fazhi_report.convert.DATA_VERSION).",
            "const": DATA_VERSION,
        },
        **report["properties"],
    }
    schema = {
        "$schema": SCHEMA_DIALECT,
        "$id": schema_id(layout=layout),
        "title": "fazhi_report Report" + (" with layout" if layout else ""),
        "description": (
            "A 法治政府建设情况报告 as fazhi_report.to_dict writes it"
            + (" with layout=True (source-layout records included)." if layout else ".")
        ),
        **{k: v for k, v in report.items() if k != "properties"},
        "properties": properties,
        "$defs": dict(sorted(builder.defs.items())),
    }
    return json.dumps(schema, ensure_ascii=False)


def json_schema(*, layout: bool = False) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `fazhi_report.to_dict`'s output.

    Args:
        layout: the schema of ``to_dict(report, layout=True)`` (layout records included);
            by default that of ``to_dict(report)``.

    Returns:
        A fresh dict each call (change it freely).

    Examples:
        >>> schema = json_schema()
        >>> schema["$schema"], schema["properties"]["version"]["const"]
        ('https://json-schema.org/draft/2020-12/schema', 1)
    """
    data: dict[str, Any] = json.loads(_schema_json(layout))
    return data


def schema_text(*, layout: bool = False, indent: int | None = 2) -> str:
    """`json_schema` as JSON text, for a ``schema`` command to print or write to a file."""
    return json.dumps(json_schema(layout=layout), ensure_ascii=False, indent=indent) + "\n"
