"""fazhi_report: 法治政府建设情况报告 as typed objects, parsed losslessly and rendered officially.

```python
import fazhi_report as fr
report = fr.load("report.txt")
report.sections[0].role            # SectionRole.MEASURES
fr.render(report, "text")          # the source, byte for byte
fr.render(report, "text", style="official")
```
"""

from importlib import metadata as _metadata

from fazhi_report import batch
from fazhi_report.api import check, compare, formats, load, parse, render, save
from fazhi_report.batch import ParseFailure, parse_many
from fazhi_report.convert import (
    configure_converter,
    from_dict,
    from_json,
    make_converter,
    to_dict,
    to_json,
)
from fazhi_report.edit import detach, infer_roles, strip_layout
from fazhi_report.errors import (
    DataError,
    DecodeError,
    EmptyInputError,
    EncodeError,
    FazhiReportError,
    FazhiReportWarning,
    FileError,
    OptionError,
    PluginError,
    TemplateError,
    UnknownFormatError,
    UnknownStyleError,
)
from fazhi_report.model import (
    Block,
    FieldError,
    PageInfo,
    Paragraph,
    Point,
    Report,
    Section,
    SectionRole,
    Signature,
    Table,
)
from fazhi_report.registry import Format, FormatInfo, Renderer, register_format
from fazhi_report.rows import to_rows
from fazhi_report.schema import json_schema
from fazhi_report.validation import Problem, ensure_valid, validate

try:
    __version__ = _metadata.version("fazhi-report")
except _metadata.PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "Block",
    "DataError",
    "DecodeError",
    "EmptyInputError",
    "EncodeError",
    "FazhiReportError",
    "FazhiReportWarning",
    "FieldError",
    "FileError",
    "Format",
    "FormatInfo",
    "OptionError",
    "PageInfo",
    "Paragraph",
    "ParseFailure",
    "PluginError",
    "Point",
    "Problem",
    "Renderer",
    "Report",
    "Section",
    "SectionRole",
    "Signature",
    "Table",
    "TemplateError",
    "UnknownFormatError",
    "UnknownStyleError",
    "__version__",
    "batch",
    "check",
    "compare",
    "configure_converter",
    "detach",
    "ensure_valid",
    "formats",
    "from_dict",
    "from_json",
    "infer_roles",
    "json_schema",
    "load",
    "make_converter",
    "parse",
    "parse_many",
    "register_format",
    "render",
    "save",
    "strip_layout",
    "to_dict",
    "to_json",
    "to_rows",
    "validate",
]
