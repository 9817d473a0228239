"""Word cues the parser recognises: title and organ words, page clutter, closing openers.

Cues are written in simplified characters. Text in traditional characters is folded to simplified
(with OpenCC) before it is matched, but only when it holds a traditional form of a character some
cue uses, so the common all-simplified text pays one regex search and nothing more.
"""

from __future__ import annotations

import functools
import re
from typing import Any

# The endings of a report title (…情况报告, …工作总结, …年度报告).
TITLE_END = re.compile(r"(?:报告|总结|情况|年报|报告书|工作要点)[)）]?$")
TITLE_WORD = re.compile(r"法治|依法行政|法制")
# Organ names end with the kind of body: 公安局, 人民政府, 委员会, 司法所…
ORGAN_ENDINGS = (
    "局", "委员会", "政府", "厅", "委", "办公室", "办", "院", "中心", "所", "队", "署", "处", "室",
    "监狱", "管委会", "部", "站", "馆",
)  # fmt: skip
ORGAN_SUFFIX = "(?:" + "|".join(ORGAN_ENDINGS) + ")"
ORGAN_CHARS = re.compile(r"[\u4e00-\u9fff*＊·（）()]{3,30}")
# "部门网站" ends like an organ but is a link on a web page
WEB_WORD = re.compile(r"网站|网页|链接|导航|首页|页面|专栏|平台")
TITLE_YEAR = re.compile(r"([0-9０-９]{4}|[〇零一二三四五六七八九]{4})\s*年")
ORGAN_BEFORE = re.compile(r"关于|法治政府|依法行政|法治建设")
YEAR_IN_TEXT = re.compile(r"((?:19|20)[0-9]{2})\s*年")

# No \d anywhere: it matches every Unicode digit (٢٠٢٤, 𝟐𝟎𝟐𝟒), and int() then fails on
# some of them; the classes say which digits are meant.

# Lines a web page prints around a report: metadata fields, share and print buttons, footers.
# Plain tuples: extend them and `CLUTTER` and `clutter_starts` follow.
PAGE_FIELD_KEYS = (
    "发布日期", "发布时间", "发稿时间", "更新时间", "来源", "信息来源", "文章来源", "稿件来源",
    "作者", "撰稿", "字号", "字体", "浏览次数", "浏览量", "点击数", "点击量", "点击率", "阅读次数",
    "阅读量", "访问次数", "责任编辑", "编辑", "审核", "校对", "索引号", "发文机关", "发布机构",
    "成文日期", "主题分类", "主题词", "分享到", "当前位置", "您当前的位置", "您现在的位置",
    "您所在的位置",
)  # fmt: skip
"""Keys of the fields a page prints (``来源：某局``), each as a line's first word."""
# Each word with a character of it that report prose seldom uses: `clutter_starts` searches
# for that one character, which runs at memory speed where a word search does not.
PAGE_WORDS = (
    ("扫一扫", "扫"), ("打印本页", "页"), ("关闭窗口", "闭"), ("【打印】", "【"),
    ("【关闭】", "【"), ("返回顶部", "返"), ("上一篇", "篇"), ("下一篇", "篇"), ("网站地图", "图"),
    ("版权所有", "版"), ("主办单位", "位"), ("承办单位", "承"), ("ICP备", "P"),
    ("网站标识码", "码"), ("公网安备", "备"), ("技术支持", "技"),
)  # fmt: skip
"""Button and footer words a page prints anywhere on a line, with the character to look for."""
CLUTTER = re.compile(
    r"^(?:"
    + "|".join(PAGE_FIELD_KEYS)
    + r")\s*[:：]|"
    + "|".join(re.escape(word) for word, _ in PAGE_WORDS if word != "技术支持")
    + r"|技术支持[:：]"
    r"|^(?:https?://|www\.)\S*$|^(?:打印|关闭|收藏|分享|纠错|返回)$|^首页\s*[>＞»›/]"
    r"|^(?:【[^】]{1,8}】\s*)+$|^[\[【]?\s*大\s*中\s*小\s*[\]】]?$"
)
PUBLISHED = re.compile(
    r"(?:发布日期|发布时间|发稿时间)\s*[:：]\s*([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*"
    r"([0-9]{1,2})日?(?:\s*([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?)?"
)
SOURCE = re.compile(r"(?:信息来源|文章来源|稿件来源|来源)\s*[:：]\s*([^\s:：]+)")

# How a closing paragraph (结束语) opens. Strong openers close a report wherever they stand;
# weak ones also open the lead paragraph of a plans section, so they close it only after some
# other text of the last section.
CLOSING = re.compile(
    r"(?:特此报告|新的一年|新一年|新的征程|新征程|新时代新征程|展望|总之|总的来看|站在新的?起点"
    r"|(?:19|20)[0-9]{2}年(?:以来)?[，,]经过)"
)
CLOSING_WEAK = re.compile(
    r"(?:今后|未来|下一步[，,]?(?:我局|我们|本局|全局|我委|我办|我厅|我市|我县|我区)"
    r"|(?:19|20)[0-9]{2}年[，,](?:我局将|我们将|本局将))"
)

# Joint reports name two issuers or more: "中共某县县委  某县人民政府", "某市司法局、某市公安局".
_ORGAN_SEPARATOR = re.compile(
    r"[ \t\u3000\xa0、，,]+|(?<=[局委府厅院办室所队处心部站])(?:和|与|及)"
)


def split_organs(organ: str) -> tuple[str, ...]:
    """The issuers an organ name holds: each part of a joint name, or the name alone.

    A name is split only when every part ends as an organ name does (局, 委员会, 政府…).
    """
    parts = [p for p in _ORGAN_SEPARATOR.split(organ) if p]
    if len(parts) > 1 and all(fold(p).endswith(ORGAN_ENDINGS) for p in parts):
        return tuple(parts)
    return (organ,)


# -- page chrome and disclosure metadata -------------------------------------------------
# What real web pages print around a report, before its title or after it. Each vocabulary is a
# plain tuple: extend it and the patterns below follow. None of these lines is ever a title,
# an organ or a year (see docs/pages.md).

# Keys of a disclosure catalogue (政府信息公开目录) as ``key：value``; in any spacing ("索 引 号"),
# after a bullet ("• 文号"), several on one line, or with the value on the next line.
METADATA_KEYS = (
    "索引号", "文号", "发文字号", "发文机关", "发布机构", "发文单位", "发文日期", "成文日期",
    "发布日期", "主题分类", "体裁分类", "组配分类", "服务对象", "关键词", "主题词", "分类",
    "标题", "名称", "文件名称", "有效性", "生效日期", "公开方式", "公开范围", "公开时限",
)  # fmt: skip
ISSUER_KEYS = ("发文机关", "发布机构", "发文单位")
NUMBER_KEYS = ("文号", "发文字号")
ISSUED_KEYS = ("发文日期", "成文日期")
TITLE_KEYS = ("标题", "名称", "文件名称")
# Words of a site's menu or tool bar ("首页 政务公开 …", "无障碍 | 简体 | 繁体").
MENU_WORDS = (
    "首页", "政务公开", "信息公开", "政府信息公开", "新闻", "要闻", "通知公告", "政策", "解读",
    "互动", "办事", "服务", "概况", "专题", "登录", "注册", "简体", "繁体", "无障碍", "长者",
    "English", "搜索", "资讯", "工作动态",
)  # fmt: skip
# Lines of document-template sites (范文网): the editor's note, the upload line.
TEMPLATE_WORDS = (
    "小编", "供大家参考", "仅供参考", "网友投稿", "公文范文", "范文网", "欢迎阅读", "下载本文",
)  # fmt: skip


def _spaced(word: str) -> str:
    # "索 引 号": a key printed with spaces between its characters
    return r"\s*".join(re.escape(ch) for ch in word)


_KEYS_ALT = "|".join(_spaced(k) for k in sorted(METADATA_KEYS, key=len, reverse=True))
METADATA = re.compile(
    r"^(?:(?:[•·\-*●▪◆■]\s*)?(?:"
    + _KEYS_ALT
    + r")"
    # a bulleted field of a key not listed ("- 备注/文号：", "• 公文生成日期："): a key word ends it
    + r"|[•·\-*●▪◆■]\s*[^:：。，,；;\s]{0,8}"
    + r"(?:文号|日期|时间|机构|机关|索引号|分类|名称|来源|单位))\s*[:：]"
)
"""A disclosure-metadata line: an optional bullet, a key, a colon."""
TITLE_FIELD = re.compile(
    r"^(?:[•·\-*●▪◆■]\s*)?(?:" + "|".join(_spaced(k) for k in TITLE_KEYS) + r")\s*[:：]\s*"
)
"""A disclosure catalogue's title field (``标题：…``): its value is a title candidate."""
METADATA_FIELD = re.compile(r"(" + _KEYS_ALT + r")\s*[:：]\s*")
"""Every ``key：`` on a metadata line (several keys may share one line)."""
_MENU_ALT = "|".join(re.escape(w) for w in MENU_WORDS)
# Shapes a whole line has, matched at its start (one anchored match, not a search).
_CHROME_LINE = (
    # a bar of short items between bars: "无障碍 | 简体 | 繁体", "登录 | 注册"
    r"[^|｜。，,；;]{1,14}(?:\s*[|｜]\s*[^|｜。，,；;]{1,14})+$"
    # a breadcrumb: "首页 > 政务公开 > …", "当前位置：首页 » 资讯 »"
    r"|[^。，,；;！？>＞»›]{0,40}\s[>＞»›](?=\s*[\u4e00-\u9fff]|\s*$)"
    r"|[^。，,；;！？\s>＞»›]{1,12}[>＞»›](?=\s*[\u4e00-\u9fff]|\s*$)"
    # a document number and signer: "某公〔2023〕12号   签发人：某某"
    r"|\S{0,14}[〔\[［(（]\s*(?:19|20)[0-9]{2}\s*[〕\]］)）]\s*[0-9]{1,5}\s*号(?:\s|$)"
)
# Words anywhere in a line: a banner with the day ("某某区人民政府 2021年5月6日星期四",
# "… 农历正月廿九"), a breadcrumb's "位置：", a signer, a template site's notes. Plain words,
# no date pattern: a search tries every alternative at every position.
_CHROME_WORDS = (
    r"已省略[0-9０-９]+字|仅展示[0-9０-９]+字|今天是|农历|星期[一二三四五六日天]|礼拜[一二三四五六日天]|日\s*周[一二三四五六日天]|签发人\s*[:：]|位置\s*[:：]|"
    + "|".join(re.escape(w) for w in TEMPLATE_WORDS)
)
# a menu: words between spaces, one of them a menu word, a digit glued on at most
_MENU_SHAPE = (
    r"(?:[\u4e00-\u9fffA-Za-z]{2,10}[0-9]{0,2}[ \t\u3000\xa0]+){2,}"
    r"[\u4e00-\u9fffA-Za-z]{2,10}[0-9]{0,2}$"
)
# a site name printed twice: "某某资讯网 某某资讯网"
_TWICE = r"(?P<twice>\S{2,20})[ \t\u3000\xa0]+(?P=twice)$"
MENU_SHAPE = re.compile(_MENU_SHAPE + "|" + _TWICE)
MENU_WORD = re.compile(_MENU_ALT)
CHROME_LINE = re.compile(_CHROME_LINE)
CHROME_WORDS = re.compile(_CHROME_WORDS)
CHROME = re.compile(
    "^(?:"
    + _CHROME_LINE
    + "|(?=.*(?:"
    + _MENU_ALT
    + "))"
    + _MENU_SHAPE
    + "|"
    + _TWICE
    + ")|"
    + _CHROME_WORDS
)
"""Page chrome: banners, bars, menus, breadcrumbs, document numbers, template-site lines."""
DOC_NUMBER = re.compile(r"\S{0,14}[〔\[［]\s*(?:19|20)[0-9]{2}\s*[〕\]］]\s*[0-9]{1,5}\s*号")
TITLE_TAG = re.compile(r"^【[^】]{1,10}】\s*")
"""A template site's tag glued before the title (【工作总结】): not part of the title."""
# A news headline's verbs ("某县召开…会议", "某局发布…报告"): a report's title never has one.
HEADLINE_VERBS = ("召开", "举行", "举办", "发布", "印发", "公布", "出席")
# A five-year (or any multi-year) review names no single year.
YEAR_RANGE = re.compile(
    r"(?:19|20)[0-9]{2}\s*年?\s*[—–\-~～至到]+\s*(?:19|20)?[0-9]{2}\s*年|五年|十四五|十三五"
)
# The place words the organ grammar reads (`fazhi_report.parsers.organ`): among the cues so that
# text with their traditional forms (縣, 區, 鎮) is folded before it is matched.
ORGAN_PLACE = re.compile(r"省|市|县|区|州|盟|旗|镇|乡|街道|自治|国家|中央|中共")

# -- watermarks ------------------------------------------------------------------------------
# Document-template sites splice their name and address into the text ("某某文库
# www.example.com"). A site name with a web address is clutter wherever it stands: on a line of
# its own, after a heading, at a paragraph's end, or between words set off by spaces.
WEB_ADDRESS = (
    r"(?:https?://)?(?:www\.|m\.|wap\.)?[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*"
    r"\.(?:com|cn|net|org|cc|top|vip|info|wang|xyz)(?:/[A-Za-z0-9_./?=&%#-]*)?"
)
SITE_NAME = r"[\u4e00-\u9fff]{2,12}"
_H = r"[ \t\u3000\xa0]"
WATERMARK_LINE = re.compile(SITE_NAME + _H + "*" + WEB_ADDRESS + "$")
"""A watermark on a line of its own."""
WATERMARK_TAIL = re.compile(
    r"(?:(?<=[。，,；;！？!?”）)])|" + _H + "+)" + SITE_NAME + _H + "*" + WEB_ADDRESS + _H + "*$"
)
"""A watermark at the end of a line, after a stop or set off by spaces."""
# Site words a watermark glued into a sentence ends its name with ("某某文库www.example.com"):
# the name is then read as the two characters before the word.
SITE_WORDS = ("文库", "范文网", "范文", "文档网", "文秘网", "资料网", "学习网", "之家", "网")
WATERMARK_INSIDE = re.compile(
    _H
    + r"*(?:(?<=[ \t\u3000\xa0。，,；;！？!?”])"
    + SITE_NAME
    + _H
    + r"+(?="
    + WEB_ADDRESS
    + r")|[\u4e00-\u9fff]{2}(?:"
    + "|".join(SITE_WORDS)
    + "))"
    + _H
    + "*"
    + WEB_ADDRESS
    + _H
    + "*"
)
"""A watermark inside a paragraph: a name after a space or a stop and before a space, or a
name glued into the sentence that ends with a site word (two characters before it)."""
_ADDRESS_FIND = re.compile(WEB_ADDRESS).finditer
# every web address has a top-level domain after a dot: a literal-led search, far cheaper than
# the address pattern, rules out almost every paragraph
_TLD = re.compile(r"\.(?:com|cn|net|org|cc|top|vip|info|wang|xyz)(?![A-Za-z])").search
_INSIDE_SEARCH = WATERMARK_INSIDE.search
# how far before its web address a watermark may start (spaces, a name, spaces)
_NAME_REACH = 32


def find_watermarks(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the watermarks inside ``text``, in order.

    Web addresses are found first (one cheap search); the watermark pattern then runs only
    just before each, so a long paragraph without one costs a single scan.
    """
    spans: list[tuple[int, int]] = []
    if _TLD(text) is None:
        return spans
    last = 0
    for address in _ADDRESS_FIND(text):
        a = address.start()
        if a < last:
            continue
        m = _INSIDE_SEARCH(text, max(last, a - _NAME_REACH))
        if m is not None and m.start() <= a < m.end():
            spans.append((m.start(), m.end()))
            last = m.end()
    return spans


def watermark_tail(text: str) -> int:
    """Where a watermark that ends ``text`` starts (after a stop or a space), or -1."""
    if _TLD(text) is None:
        return -1
    address = None
    for found in _ADDRESS_FIND(text):
        address = found
    if address is None or text[address.end() :].strip(" \t\u3000\xa0"):
        return -1
    m = WATERMARK_TAIL.search(text, max(0, address.start() - _NAME_REACH))
    return m.start() if m is not None else -1


PAGE_CLUTTER = re.compile(
    CLUTTER.pattern + "|" + CHROME.pattern + "|" + METADATA.pattern + "|^" + WATERMARK_LINE.pattern
)
"""Any line a web page prints around a report: fields, buttons, chrome, metadata."""
# the page fields and the chrome words in one search
_WORDS_SEARCH = re.compile(CLUTTER.pattern + "|" + _CHROME_WORDS).search
_CHROME_MATCH = CHROME_LINE.match
_METADATA_MATCH = METADATA.match
_MENU_MATCH = MENU_SHAPE.match
_SHAPE_MARK = re.compile(r"[ \t\u3000\xa0|｜>＞»›〔［\[(（.]").search
_MENU_SEARCH = MENU_WORD.search


def is_page_clutter(text: str) -> bool:
    """Whether a (folded) line is one a web page prints around a report (`PAGE_CLUTTER`).

    The same answer as ``PAGE_CLUTTER.search(text) is not None``, in a few cheap calls: the
    words are searched once, the whole-line shapes matched at the start only, and only when
    the line holds a mark such a shape needs (a space, a bar, a bracket, a dot).
    """
    if _WORDS_SEARCH(text) is not None or _METADATA_MATCH(text) is not None:
        return True
    if _SHAPE_MARK(text) is None:
        return False
    return (
        # bars, breadcrumbs and document numbers
        _CHROME_MATCH(text) is not None
        or ("." in text and WATERMARK_LINE.match(text) is not None)
        # menus: the shape first, it fails at the first punctuation of prose
        or (
            (m := _MENU_MATCH(text)) is not None
            and (m.group("twice") is not None or _MENU_SEARCH(text) is not None)
        )
    )


_FIELD_KEYS = frozenset(PAGE_FIELD_KEYS) | frozenset(METADATA_KEYS)
_FIELD_KEY_LENGTHS = sorted({len(k) for k in _FIELD_KEYS}, reverse=True)
_FIELD_START = frozenset("\n。！？!?；; \t\u3000\xa0")
_PAGE_WORD_OFFSETS = tuple((word, key, word.index(key)) for word, key in PAGE_WORDS)


def clutter_starts(text: str) -> list[int]:
    """Where a piece of page clutter may start inside ``text`` (several lines or paragraphs
    joined): a field key of `PAGE_FIELD_KEYS` or `METADATA_KEYS` before a colon, at the
    text's start or after a stop or a space, and every word of `PAGE_WORDS`.

    A candidate only, in no order: the piece around it is clutter when `is_page_clutter`
    says so. One literal search per colon and per word's rare character keeps it at memory
    speed on a long text.
    """
    starts = []
    for colon in ":：":
        end = text.find(colon)
        while end >= 0:
            stop = end
            while stop > 0 and text[stop - 1] in " \u3000":
                stop -= 1
            for length in _FIELD_KEY_LENGTHS:
                at = stop - length
                if (
                    at >= 0
                    and text[at:stop] in _FIELD_KEYS
                    and (at == 0 or text[at - 1] in _FIELD_START)
                ):
                    starts.append(at)
                    break
            end = text.find(colon, end + 1)
    for word, key, offset in _PAGE_WORD_OFFSETS:
        at = text.find(key)
        while at >= 0:
            if at >= offset and text.startswith(word, at - offset):
                starts.append(at - offset)
            at = text.find(key, at + 1)
    return starts


# The standard part names a level-1 heading uses, for text that lost its line breaks: in
# "二、存在的不足虽然今年…" the heading ends where the part name ends when no stop follows it.
PART_NAMES = (
    "主要举措和成效", "主要工作举措和成效", "重点工作和成效", "主要工作和成效", "工作举措和成效",
    "存在的不足和原因", "存在的问题和不足", "存在的不足", "存在的问题", "存在的主要问题",
    "主要负责人履行推进法治建设第一责任人职责情况",
    "党政主要负责人履行推进法治建设第一责任人职责情况",
    "下一步工作计划", "下一步工作安排", "下一步工作打算", "下一年度工作计划", "下一年度工作安排",
    "其他需要报告的事项", "其他事项",
)  # fmt: skip
PART_NAME = re.compile("|".join(sorted(PART_NAMES, key=len, reverse=True)))

# The parts of a report 《法治政府建设与责任落实督察工作规定》 asks for, as headings word them
# ("重点工作和成效", "存在的主要问题", "下一步工作计划"…); read in `fazhi_report.parsers.facts`.
ROLE_OTHER = re.compile(r"其他|其它")
ROLE_RESPONSIBILITY = re.compile(
    r"第一责任人|主要负责人|主要负责同志|党政主要负责|一把手|履职情况|述法"
)
ROLE_CAUSES_ONLY = re.compile(r"^(?:产生|存在)?(?:问题的|不足的)?(?:主要)?原因(?:分析)?$|^原因")
ROLE_SHORTCOMINGS = re.compile(
    r"不足|短板|差距|薄弱|(?:存在|主要|突出)的?(?:主要)?问题|问题(?:和|及|与|、)|^问题"
)
ROLE_PLANS = re.compile(
    r"下一步|下一年|下年度|明年|来年|今后|工作安排|工作计划|工作打算|工作思路|主要安排|安排部署"
    r"|工作设想|工作举措和打算|打算|计划"
)
ROLE_MEASURES = re.compile(
    r"举措|成效|成绩|做法|工作情况|主要工作|开展情况|进展|完成情况|落实情况|总体情况|取得|亮点"
    r"|上一?年度|回顾|措施"
)
# A heading naming a later year and one of these words is next year's plan.
ROLE_YEAR = re.compile(r"((?:19|20)[0-9]{2})\s*年")
ROLE_FORWARD = re.compile(r"重点|工作|措施|任务|要点|目标")
ROLE_PATTERNS = (
    ROLE_OTHER,
    ROLE_RESPONSIBILITY,
    ROLE_CAUSES_ONLY,
    ROLE_SHORTCOMINGS,
    ROLE_PLANS,
    ROLE_MEASURES,
    ROLE_FORWARD,
)

_CUE_PATTERNS = (
    TITLE_END,
    TITLE_WORD,
    re.compile(ORGAN_SUFFIX),
    WEB_WORD,
    ORGAN_BEFORE,
    CLUTTER,
    CLOSING,
    CLOSING_WEAK,
    METADATA,
    CHROME_LINE,
    CHROME_WORDS,
    TITLE_TAG,
    PART_NAME,
    YEAR_RANGE,
    ORGAN_PLACE,
)


@functools.cache
def _t2s() -> Any:
    import opencc  # imported on first traditional text: most texts never need it

    return opencc.OpenCC("t2s")


def cue_characters() -> str:
    """Every simplified character some cue uses (roles included), sorted."""
    sources = [p.pattern for p in (*_CUE_PATTERNS, *ROLE_PATTERNS)]
    return "".join(sorted({c for src in sources for c in src if "\u4e00" <= c <= "\u9fff"}))


def traditional_variants(simplified: str) -> str:
    """The traditional forms (OpenCC s2t, s2tw, s2hk) of ``simplified`` that differ from it."""
    import opencc

    variants: set[str] = set()
    for config in ("s2t", "s2tw", "s2hk"):
        variants.update(opencc.OpenCC(config).convert(simplified))
    return "".join(sorted(variants - set(simplified)))


# traditional_variants(cue_characters()), stored so that parsing needs no OpenCC start-up;
# tests/test_cues.py checks it against OpenCC whenever the cues change.
TRADITIONAL_CUE_CHARACTERS = (
    "來們備僅劃務區參員問單國圍圖報實審將專對導廳後徵掃擊數於時書會構標機欄權歡歷況瀏獄現產當發監"
    "碼禮稱範籤糾組結經網編縣總績職臺與舉處號術覈覽計訪設詞識讀負責載輯辦農進過鄉錯鍵鎮鏈閉開間閱"
    "閲關隊頁頂項題類顧館體點黨"
)
TRADITIONAL_HINT = re.compile("[" + TRADITIONAL_CUE_CHARACTERS + "]")
"""Finds a traditional form of a cue character: text without one needs no folding."""
_TRADITIONAL_HINT = TRADITIONAL_HINT


def fold(text: str) -> str:
    """Return ``text`` in simplified characters if it holds traditional forms of cue characters."""
    if text.isascii() or _TRADITIONAL_HINT.search(text) is None:
        return text
    try:
        converted: str = _t2s().convert(text)
    except UnicodeError:  # lone surrogates: OpenCC takes UTF-8 only; match the text as it is
        return text
    return converted
