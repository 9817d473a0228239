"""A comparison written as a readable text report or as JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from fazhi_report.errors import OptionError

if TYPE_CHECKING:
    from fazhi_report.analysis.compare.results import Comparison

__all__ = ["format_comparison"]


_STATUS = {"kept": "保留", "renamed": "改名", "added": "新增", "removed": "删去"}


def _year(year: int | None) -> str:
    return f"{year}年" if year is not None else "年度不详"


def format_comparison(comparison: Comparison, output_format: str = "text") -> str:
    """Write a comparison as a readable text report (Chinese, with English labels) or JSON.

    Raises:
        OptionError: an output format other than ``"text"`` or ``"json"``.
    """
    if output_format == "json":
        return json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if output_format != "text":
        raise OptionError(f"unknown output format {output_format!r}", expected="text or json")
    c = comparison
    lines = [
        f"对比 / comparison: {c.before_title or '（无标题）'}（{_year(c.before_year)}）"
        f" → {c.after_title or '（无标题）'}（{_year(c.after_year)}）",
        *(f"注意 / warning: {w.message}" for w in c.warnings),
        "",
        "一、结构变化 / sections",
    ]
    for s in c.sections:
        indent = "  " * s.level
        role = f" [{s.role.value}]" if s.role is not None else ""
        if s.status == "kept":
            text = f"{s.after}"
        elif s.status == "renamed":
            text = f"{s.before} → {s.after}（相似度 {s.similarity:.2f}）"
        else:
            text = f"{s.before or s.after}"
        lines.append(f"{indent}{_STATUS[s.status]} / {s.status}{role}: {text}")
    changed = [f for f in c.figures if f.changed]
    lines += ["", f"二、数据变化 / figures changed ({len(changed)} of {len(c.figures)} matched)"]
    for f in changed:
        sign = "+" if f.difference > 0 else ""
        lines.append(
            f"  {f.key.split('|')[0]}: {f.before.value} → {f.after.value} {f.after.unit}"
            f"（{sign}{f.difference}）"
        )
    if not changed:
        lines.append("  （无 / none）")
    lines += ["", f"三、问题是否整改 / problems listed again ({len(c.recurring_problems)})"]
    for p in c.recurring_problems:
        lines.append(f"  去年 / before: {p.before}")
        lines.append(f"  今年 / after:  {p.after}（相似度 {p.similarity:.2f}）")
    if not c.recurring_problems:
        lines.append("  （无 / none）")
    return "\n".join(lines) + "\n"
