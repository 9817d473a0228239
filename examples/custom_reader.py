# Shows: adding an input format. One reader function plus one Format row adds "tagged" text
# (lines tagged T:, H1: to H4:, P:, S:) that fr.parse and fr.load read, house styles included.
"""A complete reader in one module plus one row: the lines go through the one builder.

Run it from the repository root: ``python examples/custom_reader.py``. The reader only turns
the text into lines with hints (a title, a heading level, a paragraph start); the structure
builder finds numbers, points, roles, the organ, the year and the signature, as for every format.
"""

from __future__ import annotations

from pathlib import Path

import fazhi_report as fr
from fazhi_report.parsers import Hints, Line, ReaderOutput, as_text

# what each tag tells the builder (one Hints record may serve many lines)
HINTS = {"T": Hints(is_title=True), "P": Hints(new_paragraph=True), "S": None}
HINTS.update({f"H{level}": Hints(level=level) for level in (1, 2, 3, 4)})


def read_tagged(data: str | bytes, *, source: str) -> ReaderOutput:
    """One line a tagged line: its tag says what the format knows of it."""
    text, encoding = as_text(data, source)  # bytes decoded as the text reader decodes them
    lines = []
    for number, raw in enumerate(text.splitlines(), 1):
        tag, colon, body = raw.partition(":")
        if not raw.strip():
            continue
        if not colon or tag not in HINTS:
            raise fr.DecodeError("untagged line", source=source, line=number, expected="T: …")
        line = Line("", body.strip(), "\n", number)
        line.hints = HINTS[tag]
        lines.append(line)
    return ReaderOutput(lines, encoding=encoding)


fr.register_format(fr.Format("tagged", suffixes=(".tagged",), reader=read_tagged))

# Written with the house style of examples/house_style: 第一部分 for parts, 【一】 for subsections.
DOCUMENT = """T: 青禾县司法局2025年法治政府建设情况报告
P: 2025年，我局坚持依法行政，各项工作有序推进。现将有关情况报告如下：
H1: 第一部分　主要举措和成效
H2: 【一】健全制度
P: 一是完善规则，修订办法三项。二是规范程序，公开权责清单。
H1: 第二部分　存在的不足和原因
P: 基层法治力量仍然薄弱。
H1: 第三部分　2026年工作安排
P: 继续推进法治政府建设。
S: 青禾县司法局
S: 2026年1月20日
"""

if __name__ == "__main__":
    plain = fr.parse(DOCUMENT, "tagged")  # the levels come from the tags, the markers stay
    print(plain.sections[0].heading)
    house = fr.parse(DOCUMENT, "tagged", templates=Path(__file__).parent / "house_style")
    for section in house.walk():
        print(section.level, section.number, section.heading, section.role)
    print(house.organ, house.year, len(house.sections[0].subsections[0].points), "points")
