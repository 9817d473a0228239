"""Hypothesis strategies for reports built in code, and for text made of report fragments.

The report strategy builds *consistent* reports: the derived fields (organ, year, roles) hold
what the library derives from the content, texts are single lines without stray markers, a run-in
section has a body, closings open with a closing phrase. These are the reports a user can build
and expect to survive the official text (and later formats) unchanged.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from fazhi_report import (
    Block,
    Paragraph,
    Point,
    Report,
    Section,
    SectionRole,
    Signature,
    Table,
)
from fazhi_report._cues import fold
from fazhi_report.analysis.roles import infer_role, infer_subrole

# Words with no numerals, no organ endings, no title, cue or clutter words.
WORDS = (
    "法治",
    "建设",
    "执法",
    "监督",
    "规范",
    "制度",
    "队伍",
    "服务",
    "群众",
    "推进",
    "完善",
    "机制",
    "质量",
    "水平",
    "管理",
    "培训",
    "审查",
    "公开",
    "决策",
    "落实",
    "改革",
    "能力",
    "创新",
    "保障",
    "案件",
    "窗口",
    "调解",
    "宣传",
    "依法",
    "行政",
    "程序",
    "标准",
    "流程",
    "考核",
    "整改",
    "清单",
    "效能",
    "信息",
    "数据",
    "共享",
    "纠纷",
    "化解",
    "复议",
    "诉讼",
    "公正",
    "文明",
    "严格",
    "深化",
)
ORGANS = (
    "青禾县公安局",
    "澜川市司法局",
    "松原区市场监督管理局",
    "白石镇人民政府",
    "东陵县应急管理局",
)
HEADINGS = (
    "主要举措和成效",
    "重点工作和成效",
    "总体工作情况",
    "主要负责人履行推进法治建设第一责任人职责情况",
    "存在的不足和原因",
    "存在的主要问题",
    "下一步工作计划",
    "工作安排",
    "其他需要报告的事项",
)
SUB_HEADINGS = ("存在的不足", "原因分析", "主要问题")
TABLE_WORDS = (
    "行政复议", "行政诉讼", "行政处罚", "行政许可", "规范性文件", "合法性审查", "合计",
    "收案", "结案", "纠错", "应诉", "败诉", "同比", "类别", "件数", "占比",
)  # fmt: skip
CLOSING_OPENERS = ("新的一年，", "新征程上，", "总之，", "展望未来，")

phrase = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map("".join)
number = st.integers(1, 999).map(str)
clause = st.one_of(phrase, st.tuples(phrase, number, st.sampled_from("项次件名")).map("".join))
sentence = st.lists(clause, min_size=1, max_size=3).map(lambda cs: "，".join(cs) + "。")
sentences = st.lists(sentence, min_size=1, max_size=3).map("".join)
heading_text = st.lists(phrase, min_size=1, max_size=2).map("，".join)


@st.composite
def points(draw: st.DrawFn) -> list[Point]:
    count = draw(st.integers(1, 4))
    return [Point(1, draw(phrase), draw(st.one_of(st.just(""), sentences))) for _ in range(count)]


@st.composite
def paragraphs(draw: st.DrawFn) -> Paragraph:
    if draw(st.booleans()):
        return Paragraph(draw(sentences))
    lead = draw(st.one_of(st.just(""), sentences, phrase.map(lambda p: p + "：")))
    return Paragraph(lead, draw(points()))


@st.composite
def tables(draw: st.DrawFn) -> Table:
    """Tables of the shape every format carries: two rows or more, of two cells or more."""
    width = draw(st.integers(2, 4))
    # what tables in these reports hold: kinds of cases and counts (a row of menu words such
    # as 首页 or 服务 reads in plain text as a page's menu, and validate says so)
    cell = st.one_of(st.sampled_from(TABLE_WORDS), number, number.map(lambda n: n + "件"))
    # cells of a row differ: a row of one word twice reads in plain text as a menu (validate
    # says so), and Word, JSON and the text form must all carry these tables
    row = st.lists(cell, min_size=width, max_size=width, unique=True)
    rows = draw(st.lists(row, min_size=2, max_size=4))
    return Table(rows)


def bodies(max_size: int = 3) -> st.SearchStrategy[list[Block]]:
    block: st.SearchStrategy[Block] = st.one_of(paragraphs(), paragraphs(), paragraphs(), tables())
    return st.lists(block, max_size=max_size)


@st.composite
def sections(draw: st.DrawFn, level: int, count: int, deepest: int) -> list[Section]:
    found = []
    for n in range(1, count + 1):
        heading = draw(
            st.one_of(st.sampled_from(HEADINGS if level == 1 else SUB_HEADINGS), heading_text)
        )
        body = draw(bodies())
        run_in = bool(body) and isinstance(body[0], Paragraph) and draw(st.booleans())
        subs: list[Section] = []
        if level < deepest:
            subs = draw(sections(level + 1, draw(st.integers(0, 3)), deepest))
        found.append(Section(level, n, heading, run_in=run_in, body=body, subsections=subs))
    return found


@st.composite
def signatures(draw: st.DrawFn) -> Signature | None:
    if draw(st.booleans()):
        return None
    organ = draw(st.one_of(st.none(), st.sampled_from(ORGANS)))
    date = draw(st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31))))
    if organ is None and date is None:
        return None
    return Signature(organ, date)


def _renumber_points(report: Report, continuing: list[bool]) -> None:
    last = 0
    paragraphs = [p for p in report.paragraphs if p.points]
    for paragraph, goes_on in zip(paragraphs, continuing + [False] * len(paragraphs), strict=False):
        start = last if goes_on else 0
        for k, point in enumerate(paragraph.points, start=1):
            point.number = start + k
        last = paragraph.points[-1].number


def _derive(report: Report) -> None:
    """Fill organ, year and roles as the library derives them from the content."""
    measures_done = False
    for section in report.sections:
        section.role = infer_role(
            fold(section.heading), year=report.year, measures_done=measures_done
        )
        measures_done = measures_done or section.role is not SectionRole.MEASURES
        for sub in section.walk()[1:]:
            sub.role = None
        if section.role in (SectionRole.SHORTCOMINGS, SectionRole.CAUSES):
            for sub in section.subsections:
                sub.role = infer_subrole(fold(sub.heading))


@st.composite
def reports(draw: st.DrawFn, deepest: int = 3) -> Report:
    """Consistent reports, from empty ones to four levels of sections."""
    organ = draw(st.sampled_from(ORGANS))
    year = draw(st.integers(2000, 2099))
    titled = draw(st.booleans())
    report = Report(
        title=f"{organ}{year}年法治政府建设情况报告" if titled else None,
        addressee=draw(st.one_of(st.none(), st.sampled_from(("市委、市政府", "县人民政府")))),
        preamble=draw(bodies()),
        sections=draw(sections(1, draw(st.integers(0, 4)), deepest)),
        signature=draw(signatures()),
    )
    if report.sections and draw(st.booleans()):
        opener = draw(st.sampled_from(CLOSING_OPENERS))
        rest = draw(st.lists(sentences.map(Paragraph), max_size=2))
        report.closing = [Paragraph(opener + draw(sentences)), *rest]
    _renumber_points(report, draw(st.lists(st.booleans(), max_size=20)))
    if titled:
        report.organ, report.year = organ, year
    elif report.signature is not None:
        report.organ = report.signature.organ
        date = report.signature.date
        if date is not None:
            report.year = date.year - 1 if date.month <= 6 else date.year
    _derive(report)
    return report


# Pieces real texts are made of, to build strings that stress the lossless round trip.
FRAGMENTS = (
    "一、",
    "二、",
    "（一）",
    "(二)",
    "（三)",
    "1.",
    "2、",
    "3．",
    "（1）",
    "(2)",
    "十一、",
    "一是",
    "二是",
    "三是",
    "十二是",
    "统一是",
    "。",
    "，",
    ",",
    "：",
    ":",
    "；",
    "“",
    "”",
    "《",
    "》",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    " ",
    "    ",
    "\u3000\u3000",
    "\xa0",
    "\t",
    "\ufeff",
    "😀",
    "发布日期：2024-03-05 14:09",
    "来源：区公安局",
    "字号：",
    "扫一扫在手机打开当前页",
    "重点链接",
    "青禾县公安局",
    "2025年法治政府建设情况报告",
    "2026年1月28日",
    "二〇二六年一月二十八日",
    "2026-01-28",
    "市委、市政府：",
    "新的一年，",
    "现将有关情况报告如下：",
    "存在的不足和原因",
    "下一步工作计划",
    "主要举措和成效",
    "加强组织领导",
    "（扩大）",
    "報告",
    "問題",
)
report_like_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=60
).map("".join)


# Page chrome and disclosure metadata, as real pages print them above a report: each shape
# with generated words (see docs/pages.md for the shapes the parser knows).
_SITE = st.sampled_from(("青禾", "澜川", "松原", "白石", "東陵"))
_MENU = st.sampled_from(("政务公开", "信息公开", "通知公告", "互动交流", "政務公開", "资讯"))
_KEY = st.sampled_from(
    ("索引号", "索 引 号", "文号", "发文机关", "发布机构", "主题分类", "體裁分類")
)
_BULLET = st.sampled_from(("", "• ", "- ", "· "))
_COLON = st.sampled_from(("：", ":", " : "))
_SEP = st.sampled_from((" > ", "＞", " » ", " › "))
_GAP = st.sampled_from((" ", "\u3000", "  "))
_DAY = st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)).map(
    lambda d: f"{d.year}年{d.month}月{d.day}日"
)
chrome_lines = st.one_of(
    st.tuples(_SITE, _GAP, _DAY, st.sampled_from(("星期一", "星期四", " 周日"))).map(
        lambda t: f"{t[0]}区人民政府{t[1]}{t[2]}{t[3]}"
    ),
    _DAY.map(lambda d: f"今天是：{d} 星期二 农历正月廿九"),
    st.lists(
        st.sampled_from(("无障碍", "简体", "繁体", "登录", "注册")), min_size=2, max_size=4
    ).map(" | ".join),
    st.lists(_MENU, min_size=2, max_size=4).map(lambda ws: "首页 " + " ".join(ws)),
    _SITE.map(lambda s: f"{s}资讯网 {s}资讯网"),
    st.tuples(_SEP, st.lists(_MENU, min_size=1, max_size=3)).map(
        lambda t: "首页" + t[0] + t[0].join(t[1])
    ),
    st.tuples(
        _BULLET, _KEY, _COLON, st.sampled_from(("11A-2024-001", "综合政务", "某公〔2024〕3号"))
    ).map("".join),
    st.just("下面是小编为大家整理的工作总结，供大家参考。"),
    st.tuples(_SITE, _GAP).map(lambda t: f"{t[0]}文库{t[1]}www.example.com"),
)
