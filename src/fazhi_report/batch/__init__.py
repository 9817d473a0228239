"""Many reports at once: find them in folders and globs, parse them over a process pool, and
convert them with atomic writes.

```python
import fazhi_report as fr

paths = fr.batch.find_reports(["reports/"])            # every readable file, recursively
for path, result in zip(paths, fr.parse_many(paths, jobs=4)):
    if isinstance(result, fr.ParseFailure):
        print(result)                                   # "a.txt: DecodeError: ..."
    else:
        print(result.organ, result.year)
```

Parsing is pure work on one file at a time, so it spreads over processes. `parse_many` keeps
only a bounded number of files in flight and yields in input order, so memory stays flat
however many paths it is given; every result (a `Report` or a `ParseFailure`) pickles, so
the same `parse_one` runs in any distributed engine's map step (see the docs page "Batch
and scale").
"""

from __future__ import annotations

from fazhi_report.batch.converting import (
    ConvertOutcome,
    ConvertStatus,
    ConvertTask,
    convert_many,
    convert_one,
    render_bytes,
    suffix_for,
)
from fazhi_report.batch.inputs import InputFile, find_reports
from fazhi_report.batch.parsing import ParseFailure, parse_many, parse_one
from fazhi_report.batch.pool import default_jobs, map_ordered
from fazhi_report.batch.writing import write_atomically, writing_atomically

__all__ = [
    "ConvertOutcome",
    "ConvertStatus",
    "ConvertTask",
    "InputFile",
    "ParseFailure",
    "convert_many",
    "convert_one",
    "default_jobs",
    "find_reports",
    "map_ordered",
    "parse_many",
    "parse_one",
    "render_bytes",
    "suffix_for",
    "write_atomically",
    "writing_atomically",
]
