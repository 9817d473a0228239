"""Every 《…》 title a report cites, classified by its ending and counted.

The kind of a cited document is read from the form of its title, never from a list of names:

1. a title ending like a working document (方案, 要点, 清单, 通知, 意见, 计划, 公告, 规划,
   指引, 汇编, 规范, 措施, 报告…) is a **local document**;
2. a rule (条例, 规定, 办法, 细则, 规则, 准则) whose title starts with a place or a year
   (``某市公安局…工作规则``, ``2024年…办法``) is a **local document** too;
3. a rule naming the Party (中国共产党, 中共, 党内, 党委, 党组, 党政) is a **party rule**;
4. a title ending with 法 (not 办法/方法/做法) or 法典 is a **law**;
5. any other rule is a **regulation**;
6. everything else (books, newspapers, handbooks: ``《某某学习纲要》``, ``《某某报》``) is
   **other**.

A trailing ``（试行）``/``(暂行)`` is ignored when reading the ending. A rule named only by the
wording of one famous title (``《政法工作条例》`` is a party rule) is not guessed: it is a
regulation by its form.
"""

from __future__ import annotations

import enum
import re
from typing import Any, cast

import attrs

from fazhi_report.analysis.records import Location, iter_texts
from fazhi_report.convert import register_plain_hook, unstructure
from fazhi_report.model import Report

__all__ = ["Reference", "ReferenceKind", "classify_title", "find_references"]


class ReferenceKind(str, enum.Enum):
    """What kind of document a cited title names."""

    LAW = "law"
    """A law (…法, …法典)."""
    REGULATION = "regulation"
    """A regulation or rule (…条例, …规定, …办法, …细则, …规则)."""
    PARTY_RULE = "party_rule"
    """A rule of the Party (中国共产党…条例, 党政…规定)."""
    LOCAL_DOCUMENT = "local_document"
    """A working document of an organ (…方案, …要点, …清单, …通知, a local …办法)."""
    OTHER = "other"
    """Anything else: books, handbooks, newspapers."""


_TITLE = re.compile(r"《([^《》\n]{1,80})》")
_TRIAL = re.compile(r"[（(](?:试行|暂行|修订|修正|草案|征求意见稿)[）)]$")
_LOCAL_ENDINGS = (
    "方案", "要点", "清单", "通知", "意见", "计划", "公告", "规划", "指引", "汇编", "规范",
    "措施", "报告", "通报", "决定", "批复", "函", "纪要", "目录", "标准", "指南",
)  # fmt: skip
_RULE_ENDINGS = ("条例", "规定", "办法", "细则", "规则", "准则")
_PARTY = re.compile(r"中国共产党|中共|党内|党委|党组|党政|党员|纪律处分")
_LOCAL_START = re.compile(
    r"^(?:(?:19|20)[0-9]{2}|[\u4e00-\u9fff*＊]{0,10}?(?:省|自治区|市|县|区|州|盟|旗)"
    r"(?!场|民|区域)|[\u4e00-\u9fff*＊]{1,12}?(?:局|厅|委员会|政府))"
)
_NOT_LAW = ("办法", "方法", "做法", "说法", "想法", "看法", "司法", "执法", "普法", "立法", "守法")


def classify_title(title: str) -> ReferenceKind:
    """The kind of document a title (without its 《》) names, by its form.

    Examples:
        >>> classify_title("中华人民共和国行政处罚法").value
        'law'
        >>> classify_title("某市公安局法律顾问工作规则").value
        'local_document'
        >>> classify_title("2024年普法工作要点").value
        'local_document'
    """
    name = _TRIAL.sub("", title.strip())
    if name.endswith(_LOCAL_ENDINGS):
        return ReferenceKind.LOCAL_DOCUMENT
    if name.endswith(_RULE_ENDINGS):
        if _LOCAL_START.search(name) and not name.startswith(("中华人民共和国", "中国共产党")):
            return ReferenceKind.LOCAL_DOCUMENT
        if _PARTY.search(name):
            return ReferenceKind.PARTY_RULE
        return ReferenceKind.REGULATION
    if name.endswith("法典") or (name.endswith("法") and not name.endswith(_NOT_LAW)):
        return ReferenceKind.LAW
    return ReferenceKind.OTHER


@attrs.frozen
class Reference:
    """A title the report cites, with every place it is cited.

    Attributes:
        title: the title without its 《》, as first written.
        kind: what kind of document it is (`classify_title`).
        count: how many times it is cited.
        locations: where each citation is, in document order.
    """

    title: str
    kind: ReferenceKind
    count: int
    locations: tuple[Location, ...]

    def to_dict(self) -> dict[str, Any]:
        """The reference as plain JSON data (`fazhi_report.convert.unstructure`)."""
        return cast("dict[str, Any]", unstructure(self))

    def __str__(self) -> str:
        where = self.locations[0] if self.locations else Location()
        times = f" ×{self.count}" if self.count > 1 else ""
        return f"《{self.title}》 {self.kind.value}{times} (first at {where})"


def _reference_plain(reference: Reference) -> dict[str, Any]:
    # ``lines`` lists each citation's source line, before the locations themselves
    return {
        "title": reference.title,
        "kind": reference.kind.value,
        "count": reference.count,
        "lines": [loc.line for loc in reference.locations],
        "locations": unstructure(reference.locations),
    }


register_plain_hook(Reference, _reference_plain)


def find_references(report: Report) -> list[Reference]:
    """Every 《…》 title the report cites, once each in order of first citation, counted."""
    places: dict[str, list[Location]] = {}
    for field in iter_texts(report):
        if "《" not in field.text:
            continue
        for m in _TITLE.finditer(field.text):
            title = m.group(1).strip()
            if title:
                places.setdefault(title, []).append(field.location)
    return [
        Reference(title, classify_title(title), len(locs), tuple(locs))
        for title, locs in places.items()
    ]
