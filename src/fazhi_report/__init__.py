"""fazhi_report: 法治政府建设情况报告 as typed objects, parsed losslessly and rendered officially.

```python
import fazhi_report as fr
report = fr.load("report.txt")
report.sections[0].role            # SectionRole.MEASURES
fr.render(report, "text")          # the source, byte for byte
fr.render(report, "text", style="official")
```
"""

from fazhi_report.api import formats, load, parse, render, save
from fazhi_report.convert import from_dict, from_json, make_converter, to_dict, to_json
from fazhi_report.errors import (
    DataError,
    DecodeError,
    EmptyInputError,
    EncodeError,
    FazhiReportError,
    FileError,
    OptionError,
    PluginError,
    TemplateError,
    UnknownFormatError,
    UnknownStyleError,
)
from fazhi_report.model import (
    PageInfo,
    Paragraph,
    Point,
    Report,
    Section,
    SectionRole,
    Signature,
)
from fazhi_report.registry import Format, FormatInfo, Renderer, register_format

__version__ = "0.1.0"

__all__ = [
    "DataError",
    "DecodeError",
    "EmptyInputError",
    "EncodeError",
    "FazhiReportError",
    "FileError",
    "Format",
    "FormatInfo",
    "OptionError",
    "PageInfo",
    "Paragraph",
    "PluginError",
    "Point",
    "Renderer",
    "Report",
    "Section",
    "SectionRole",
    "Signature",
    "TemplateError",
    "UnknownFormatError",
    "UnknownStyleError",
    "__version__",
    "formats",
    "from_dict",
    "from_json",
    "load",
    "make_converter",
    "parse",
    "register_format",
    "render",
    "save",
    "to_dict",
    "to_json",
]
