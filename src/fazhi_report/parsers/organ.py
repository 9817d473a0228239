"""The grammar of an organ's name: a candidate is stated only when it reads as one.

An organ name is a place (省, 市, 县, 区, 镇, 街道…; several, or none for a central body) and a
kind of body from a closed vocabulary (人民政府, 公安局, 委员会, 办事处, 党组…), with nothing
else: no digits, no labels, no punctuation, no verb glued on. A place alone is a name too where
the text makes the place itself the reporting body (a district's or a town's own report:
"2024年，某镇坚持…"). Joint organs ("中共某县委 某县人民政府") pass part by part.

`organ_name` cleans a candidate (a verb or a year glued on, a label after it) and returns the
name, or ``None``; the callers in `fazhi_report.parsers.facts` take candidates from the title,
the signature, page metadata and the first sentence of the preamble, in that order.
"""

from __future__ import annotations

import re

from fazhi_report import _cues

__all__ = ["organ_name", "preamble_organ", "title_organ", "without_pinyin"]

# The kinds of body an organ name ends with. Longer endings first is not needed: a name is
# checked with endswith, which any of them satisfies.
ORGAN_KINDS = (*_cues.ORGAN_ENDINGS, "党组", "党委", "总支部委员会", "支部委员会", "办事处")
# What a place ends with; a place alone may be the reporting body.
_PLACE_END = re.compile(
    r"(?:省|自治区|特别行政区|市|州|地区|盟|县|区|旗|镇|乡|街道|社区|村|新区|开发区)$"
)
_SELF = (
    r"(?:我|本|该|全|各|其|此)(?:省|市|县|区|旗|镇|乡|街道|局|分局|厅|委|办|部|单位|部门|机关|中心"
    r"|院|所|队|处|系统)"
)
# Where a name may not begin: a self-reference or a whole-area word (我局, 本县, 全区, 各镇) —
# the same characters begin real names (本溪市, 全椒县, 贵州省), so the kind after them decides.
_NOT_A_NAME = re.compile(r"^(?:" + _SELF + r"|新的|今年|去年|下一步)")
# Words that only prose holds: a candidate with one is a phrase, not a name.
_PROSE = re.compile(
    r"的|确保|坚持|贯彻|落实|以来|情况|报告|关于|通知|印发|发布|公布|工作要点|大局|全[省市县区镇乡]"
)
# A glued tail that is not part of the name: a verb of publishing, a year or date, a label.
_TAIL = re.compile(
    r"(?:发布|印发|公布|制发|编制|报送|[:：].*|[ \t\u3000\xa0]+\S*[:：].*|[0-9０-９].*)$"
)
_NAME_CHARS = re.compile(r"[\u4e00-\u9fff*＊·]+")
_SPACES = re.compile(r"[ \t\u3000\xa0、]+")
# "應(yīng)急": a mirror site's pinyin after a character, never part of a name
_PINYIN = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüń]{1,8}[)）]")
_MAX_PART = 30


def without_pinyin(text: str) -> str:
    """``text`` without the bracketed pinyin a mirror site puts after characters."""
    return _PINYIN.sub("", text) if "(" in text or "（" in text else text


def organ_name(candidate: str, *, place_alone: bool = False, named: bool = False) -> str | None:
    """The organ name ``candidate`` holds, or ``None`` when it does not read as one.

    A verb, a year or a label glued after the name is cut off ("某部发布" → "某部",
    "某街道2024" → "某街道"); what is left must be characters of a name only, ending with a
    kind of body (or, with ``place_alone``, with a place), and hold no word of prose.

    Args:
        candidate: the text to read, as written.
        place_alone: whether a place without a kind of body names the body here (the subject
            of a report's first sentence, the organ before or after a title's year).
        named: whether the name must say whose body it is: a named place ("青禾县教育局",
            "龙华公安分局") or a central body's kind (…部, …总局) — what a self-reference in
            prose needs, where "市局" or "教育局" alone is how a bureau speaks of itself.
    """
    text = without_pinyin(candidate).strip(" \t\u3000\xa0-—|｜·•")
    text = _TAIL.sub("", text).strip(" \t\u3000\xa0")
    if not text or len(text) > 2 * _MAX_PART:
        return None
    parts = _SPACES.split(text)
    if len(parts) > 1:
        # a joint name keeps its parts apart; each must be an organ of its own
        if len(parts) > 3 or any(_part(p, place_alone=False) is None for p in parts):
            return None
        return text
    found = _part(text, place_alone=place_alone)
    if found is not None and named and not _says_whose(_cues.fold(found)):
        return None
    return found


# Where a name names its place: some characters of a name, then the kind of place.
_NAMED_PLACE = re.compile(
    # the name holds no 委 or 府: "市委市政府" is two bodies of a place, not a place's name
    r"^(?:中共)?(?!" + _SELF + r")(?:(?![委府])[\u4e00-\u9fff*＊·]){1,12}?"
    r"(?:省|市|县|区|州|盟|旗|镇|乡|街道)"
)
# The kinds of a central body, which names no place ("某某部", "某某总局").
_CENTRAL_KINDS = ("部", "总局", "署")
# Government departments: what is left of a name without one of these and its kind is the
# place ("龙华公安分局": 龙华). A plain tuple: extend it and the pattern follows.
DEPARTMENTS = (
    "公安", "教育", "司法", "财政", "民政", "应急管理", "市场监督管理", "市场监管",
    "人力资源和社会保障", "人社", "自然资源", "自然资源和规划", "生态环境", "住房和城乡建设",
    "住建", "交通运输", "交通", "水利", "水务", "农业农村", "商务", "文化和旅游", "文旅",
    "卫生健康", "卫健", "退役军人事务", "审计", "税务", "统计", "医疗保障", "医保", "林业",
    "城市管理", "城管", "发展和改革", "发改", "科学技术", "科技", "工业和信息化", "工信",
    "体育", "信访", "档案", "国有资产监督管理", "国资", "粮食和物资储备", "气象", "消防救援",
)  # fmt: skip
_DEPARTMENT_THEN_KIND = re.compile(
    "(?:(?:" + "|".join(sorted(DEPARTMENTS, key=len, reverse=True)) + ")(?:分局|局|委员会|委|厅|办)"
    "|人民政府|政府)$"
)
_PLACE_KINDS = frozenset(
    ("省", "市", "县", "区", "州", "盟", "旗", "镇", "乡", "自治区", "自治州", "自治县")
)


def _says_whose(folded: str) -> bool:
    """Whether a name says whose body it is: a named place, a central kind, a place's name."""
    if _NAMED_PLACE.match(folded) is not None:
        return True
    if folded.endswith(_CENTRAL_KINDS):
        return True
    m = _DEPARTMENT_THEN_KIND.search(folded)
    rest = folded[: m.start()] if m is not None else ""
    if rest in _PLACE_KINDS:
        return True  # "市公安局", "县人民政府": the body of the place the report is about
    return len(rest) >= 2 and _NOT_A_NAME.match(rest) is None


def _part(text: str, *, place_alone: bool) -> str | None:
    if len(text) < 2 or len(text) > _MAX_PART or _NAME_CHARS.fullmatch(text) is None:
        return None
    folded = _cues.fold(text)
    if _NOT_A_NAME.match(folded) or _PROSE.search(folded) or _cues.WEB_WORD.search(folded):
        return None
    if folded.strip("*＊") in ORGAN_KINDS:
        return None  # a kind of body alone ("局", "人民政府") names no one
    if folded.endswith(ORGAN_KINDS):
        return text
    if place_alone and _PLACE_END.search(folded) and len(folded) <= 12:
        # a place needs a name of its own: "*区" (redacted) or "区" alone names no place
        return text if _PLACE_END.sub("", folded).strip("*＊") else None
    return None


# -- candidates -----------------------------------------------------------------------------

_YEAR = r"(?:[0-9０-９]{4}|[〇零一二三四五六七八九]{4})[ \t\u3000\xa0]*年(?:度)?"
# what comes between a title's year and its organ-free rest: "2020年某区法治政府…"
_AFTER_YEAR = re.compile(_YEAR + r"[ \t\u3000\xa0]*(.{2,30}?)(?=关于|法治|依法行政|法制)")


def title_organ(title: str) -> str | None:
    """The organ a report title names: before its year or 关于, or right after the year."""
    folded = _cues.fold(without_pinyin(title))
    source = without_pinyin(title)
    same = len(folded) == len(source)
    cut = len(folded)
    year = _cues.TITLE_YEAR.search(folded)
    several = _cues.YEAR_RANGE.search(folded)
    for m in (year, several, _cues.ORGAN_BEFORE.search(folded)):
        if m is not None:
            cut = min(cut, m.start())
    if cut > 0:
        before = (source if same else folded)[:cut]
        return organ_name(before, place_alone=True)
    if year is not None and several is None:
        m = _AFTER_YEAR.match(folded, year.start())
        if m is not None:
            return organ_name((source if same else folded)[m.start(1) : m.end(1)], place_alone=True)
    return None


# The first sentence's subject: after a year ("2022年，") and a setting ("在…领导下，"), a name
# and then a verb of its sentence.
_LEAD = re.compile(
    r"(?:" + _YEAR + r"(?:以来|来)?[，,、]?)?[ \t\u3000\xa0]*"
    r"(?:在[^。；;]{2,60}?(?:领导|指导|支持|关心|带领|部署)下[，,]?)?[ \t\u3000\xa0]*"
)
_SUBJECT = re.compile(
    r"([\u4e00-\u9fff*＊·]{2,30}?)(?=在|以|坚持|始终|认真|深入|全面|紧紧|牢牢|按照|围绕|严格|积极|"
    r"不断|持续|聚焦|立足|高度|切实|把|将|扎实|大力|着力|紧扣|全力|继续|进一步|主动|锚定|深化"
    # traditional forms: text without a cue character is not folded (see _cues.fold)
    r"|堅持|認真|緊緊|圍繞|嚴格|積極|不斷|持續|切實|將|紮實|著力|緊扣|繼續|進一步)"
)
_CLAUSE_END = re.compile(r"[，,；;]")
_CLAUSES = 4  # the subject stands early: a name deep in a sentence is no subject
# "现将某县2024年法治政府建设情况报告如下": the organ the report names as its writer
_NOW = re.compile(r"现将([\u4e00-\u9fff*＊·]{2,30}?)(?=" + _YEAR + r"|关于|法治|依法行政)")


def preamble_organ(paragraph: str) -> str | None:
    """The organ a preamble paragraph names as the reporting body, or ``None``.

    Read from the subject of its first sentence ("2022年，某部坚持…", "2019年，在…领导下，
    某县全面贯彻…") or from "现将某县…报告如下"; a self-reference (我局, 本县) or a
    whole-area word (全区) names no one.
    """
    text = _cues.fold(without_pinyin(paragraph))
    source = without_pinyin(paragraph)
    same = len(text) == len(source)
    lead = _LEAD.match(text)
    at = lead.end() if lead is not None else 0
    stop = text.find("。")
    stop = len(text) if stop < 0 else stop
    # the subject of the first sentence, or of one of its first clauses ("…，某县教育局坚持…")
    for _ in range(_CLAUSES):
        if at >= stop:
            break
        m = _SUBJECT.match(text, at)
        if m is not None:
            found = organ_name(
                (source if same else text)[m.start(1) : m.end(1)], place_alone=True, named=True
            )
            if found is not None:
                return found
        clause = _CLAUSE_END.search(text, at, stop)
        if clause is None:
            break
        at = clause.end()
    n = _NOW.search(text)
    if n is not None:
        return organ_name(
            (source if same else text)[n.start(1) : n.end(1)], place_alone=True, named=True
        )
    return None
