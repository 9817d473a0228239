"""fazhi_report: 法治政府建设情况报告 as typed objects, parsed losslessly and rendered officially.

```python
import fazhi_report as fr
report = fr.load("report.txt")
report.sections[0].role            # SectionRole.MEASURES
fr.render(report, "text")          # the source, byte for byte
fr.render(report, "text", style="official")
```
"""

from __future__ import annotations

import importlib as _importlib
from typing import TYPE_CHECKING, Any

from fazhi_report._version import VERSION as __version__
from fazhi_report.api import (
    check,
    check_fonts,
    compare,
    figures,
    formats,
    load,
    parse,
    references,
    render,
    save,
    to_document,
)
from fazhi_report.convert import from_dict, from_json, to_dict, to_json
from fazhi_report.errors import FazhiReportError
from fazhi_report.model import (
    PageInfo,
    Paragraph,
    Point,
    Report,
    Section,
    SectionRole,
    Signature,
    Table,
)
from fazhi_report.registry import Format, Renderer, register_format
from fazhi_report.schema import json_schema

if TYPE_CHECKING:  # the lazy names below, for type checkers and editors
    from fazhi_report import batch as batch
    from fazhi_report.batch import ParseFailure as ParseFailure
    from fazhi_report.batch import parse_many as parse_many
    from fazhi_report.convert import (
        configure_converter as configure_converter,
    )
    from fazhi_report.convert import (
        make_converter as make_converter,
    )
    from fazhi_report.draft import new_report as new_report
    from fazhi_report.edit import (
        detach as detach,
    )
    from fazhi_report.edit import (
        infer_roles as infer_roles,
    )
    from fazhi_report.edit import (
        strip_layout as strip_layout,
    )
    from fazhi_report.errors import (
        DataError as DataError,
    )
    from fazhi_report.errors import (
        DecodeError as DecodeError,
    )
    from fazhi_report.errors import (
        EmptyInputError as EmptyInputError,
    )
    from fazhi_report.errors import (
        EncodeError as EncodeError,
    )
    from fazhi_report.errors import (
        FazhiReportWarning as FazhiReportWarning,
    )
    from fazhi_report.errors import (
        FileError as FileError,
    )
    from fazhi_report.errors import (
        OptionError as OptionError,
    )
    from fazhi_report.errors import (
        PluginError as PluginError,
    )
    from fazhi_report.errors import (
        TemplateError as TemplateError,
    )
    from fazhi_report.errors import (
        UnknownFormatError as UnknownFormatError,
    )
    from fazhi_report.errors import (
        UnknownStyleError as UnknownStyleError,
    )
    from fazhi_report.model import Block as Block
    from fazhi_report.model import FieldError as FieldError
    from fazhi_report.registry import FormatInfo as FormatInfo
    from fazhi_report.rows import to_rows as to_rows
    from fazhi_report.validation import (
        Problem as Problem,
    )
    from fazhi_report.validation import (
        ensure_valid as ensure_valid,
    )
    from fazhi_report.validation import (
        validate as validate,
    )


# Names importable from the top level but loaded on first use, so that `import fazhi_report`
# loads no parser, builder, renderer or analysis: name -> the module that defines it.
_LAZY: dict[str, str] = {
    "parse_many": "fazhi_report.batch",
    "ParseFailure": "fazhi_report.batch",
    "to_rows": "fazhi_report.rows",
    "validate": "fazhi_report.validation",
    "ensure_valid": "fazhi_report.validation",
    "Problem": "fazhi_report.validation",
    "new_report": "fazhi_report.draft",
    "detach": "fazhi_report.edit",
    "infer_roles": "fazhi_report.edit",
    "strip_layout": "fazhi_report.edit",
    "configure_converter": "fazhi_report.convert",
    "make_converter": "fazhi_report.convert",
    "FormatInfo": "fazhi_report.registry",
    "Block": "fazhi_report.model",
    "FieldError": "fazhi_report.model",
    **{
        name: "fazhi_report.errors"
        for name in (
            "DataError",
            "DecodeError",
            "EmptyInputError",
            "EncodeError",
            "FazhiReportWarning",
            "FileError",
            "OptionError",
            "PluginError",
            "TemplateError",
            "UnknownFormatError",
            "UnknownStyleError",
        )
    },
}
_LAZY_MODULES = frozenset({"batch", "edit", "rows", "validation", "roundtrip"})


def __getattr__(name: str) -> Any:
    """Load a name kept out of `import fazhi_report` on first use (PEP 562)."""
    if name in _LAZY:
        value = getattr(_importlib.import_module(_LAZY[name]), name)
    elif name in _LAZY_MODULES:
        value = _importlib.import_module(f"fazhi_report.{name}")
    else:
        raise AttributeError(f"module 'fazhi_report' has no attribute {name!r}")
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    """The module's names, the lazy ones included."""
    return sorted({*globals(), *_LAZY, *_LAZY_MODULES})


__all__ = [
    "FazhiReportError",
    "Format",
    "PageInfo",
    "Paragraph",
    "Point",
    "Renderer",
    "Report",
    "Section",
    "SectionRole",
    "Signature",
    "Table",
    "__version__",
    "check",
    "check_fonts",
    "compare",
    "ensure_valid",
    "figures",
    "formats",
    "from_dict",
    "from_json",
    "json_schema",
    "load",
    "new_report",
    "parse",
    "parse_many",
    "references",
    "register_format",
    "render",
    "save",
    "to_dict",
    "to_document",
    "to_json",
    "to_rows",
    "validate",
]
