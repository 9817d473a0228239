"""Mutated input files for the readers: DOCX, HTML and Markdown made from reports, then damaged.

Shared by the property tests (``tests/test_fuzz_inputs.py``, a few thousand inputs) and the
long run (``bench/fuzz_inputs.py``, a million). Every mutation takes a `random.Random`, so the
same code runs under hypothesis (``st.randoms()``, which shrinks) and under a plain seeded
generator.

Seeds are the library's own output for real reports (``../shared/corpus``, when it is beside
the checkout) and for our examples, plus our hand-made web pages (``tests/fixtures/web``) and
a Word file made by python-docx (its own styles, numbering and parts), so the mutations start
from the files the readers meet. What is done to them:

- bytes: a flipped byte, a truncation, a span deleted, duplicated or moved, tokens of the
  format inserted (markup, entities, charsets, byte-order marks, markers of a report);
- tags: a ``<`` or ``>`` dropped, a tag renamed, a closing tag dropped, an opening one
  repeated, deep nesting;
- Word packages: a part's XML damaged as above and the package zipped again, a part's
  compressed bytes or the zip headers damaged (sizes, methods, names), a part removed,
  renamed, repeated or replaced by junk.
"""

from __future__ import annotations

import functools
import io
import random
import re
import struct
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import fazhi_report as fr
from fazhi_report.parsers import docx as docx_reader

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
FORMATS = ("docx", "html", "markdown")

_COMMON = (
    b"\x00", b"\xff", b"\xfe", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\r", b"\n", b"\r\n",
    b"\t", "\u3000".encode(), "\ufeff".encode(), "\u2028".encode(), "\ufffd".encode(),
    b"\xe4\xb8", b"\xed\xa0\x80", "一、".encode(), "（一）".encode(), b"1.",
    "一是".encode(), "。".encode(), "2026年1月28日".encode(), "法治政府建设情况报告".encode(),
)  # fmt: skip
_MARKUP = (
    b"<", b">", b"</", b"/>", b"&", b"&amp;", b"&#0;", b"&#xD800;", b"&#x110000;", b"&#65;",
    b"&nbsp;", b"&bogus;", b"<!--", b"-->", b"<![CDATA[", b"]]>", b"<?xml version='1.0'?>",
    b'<?xml version="1.0" encoding="gbk"?>', b'<?xml version="1.0" encoding="utf-16"?>',
    b'<?xml version="1.0" encoding="nonesuch"?>', b"<!DOCTYPE x>",
    b'<!DOCTYPE x [<!ENTITY e "ee">]>', b"&e;", b'"', b"'", b"=",
)  # fmt: skip
_HTML = (
    b"<p>", b"</p>", b"<div>", b"</div>", b"<br>", b"<br/>", b"<table>", b"<tr>", b"<td>",
    b"</td>", b"<h1>", b"<h2>", b"</h2>", b"<script>", b"</script>", b"<style>", b"<font>",
    b"<span>", b"<li>", b"<ul>", b"<pre>", b"<title>", b"</title>", b"<body>", b"</html>",
    b'<meta charset="gbk">', b'<meta charset="utf-16">', b'<meta charset="nonesuch">',
    b'<meta http-equiv="Content-Type" content="text/html; charset=big5">', b"<template>",
    b"<svg>", b"<math>", b"<noscript>", b"<textarea>", b"<iframe>", b"<frameset>",
    b'<a href="javascript:x">', b"<img src=x>", b"<p class=", b"<div id='content'>",
)  # fmt: skip
_MARKDOWN = (
    b"# ", b"## ", b"### ", b"#### ", b"####### ", b"1. ", b"- ", b"* ", b"> ", b"```", b"~~~",
    b"    ", b"---\n", b"***", b"|", b"| --- |", b"[x](", b"](y)", b"![i](j)", b"<http://a>",
    b"\\", b"`", b"**", b"__", b"<br>", b"<div>", b"[^1]", b"[a]: b", b"\n\n", b"=\n", b"-\n",
    b"<!--", b"-->", b"&#0;", b"&#xD800;", b"&", b"<", b"title: x\n", b"+++",
)  # fmt: skip
_DOCX = (
    b"<w:p>", b"</w:p>", b"<w:p/>", b"<w:r>", b"</w:r>", b"<w:t>", b"</w:t>", b"<w:tbl>",
    b"</w:tbl>", b"<w:tr>", b"<w:tc>", b"<w:br/>", b"<w:tab/>", b"<w:sdt>", b"<w:sdtContent>",
    b"<w:ins>", b"<w:del>", b"<w:txbxContent>", b'<w:pStyle w:val="Title"/>',
    b'<w:numPr><w:ilvl w:val="9"/><w:numId w:val="1"/></w:numPr>', b'<w:outlineLvl w:val="-1"/>',
    b'<w:outlineLvl w:val="x"/>', b'w:val="99999999999999999999"', b'w:val=""', b"<x:y>",
    b'xmlns:w="urn:other"', b"<w:body>", b"</w:body>", b"<w:lvl>", b'<w:numFmt w:val="bullet"/>',
    b'<w:lvlText w:val="%1%2%3%9"/>', b'<w:start w:val="-5"/>', b'<w:basedOn w:val="a"/>',
)  # fmt: skip
TOKENS: dict[str, tuple[bytes, ...]] = {
    "docx": _COMMON + _MARKUP + _DOCX,
    "html": _COMMON + _MARKUP + _HTML,
    "markdown": _COMMON + _MARKDOWN + _HTML[:12],
}
_TAG = re.compile(rb"<[^<>]{0,80}>")


# ----------------------------------------------------------------------------- the seeds


def _texts(corpus: bool) -> list[str]:
    """The report texts seeds are made from: ours, and the real ones when they are here."""
    paths = sorted((ROOT / "examples").glob("*.txt"))
    if corpus and CORPUS.is_dir():
        paths += sorted(CORPUS.glob("*/*.txt"))
    texts = []
    for path in paths:
        texts.append(fr.render(fr.load(path), "text", style="lossless"))
    return texts


def _python_docx(text: str) -> bytes:
    """A Word file made by python-docx: Word's own styles, numbering, theme and parts."""
    import docx

    document = docx.Document()
    for line in text.splitlines():
        if line.startswith(("一、", "二、", "三、", "四、")):
            document.add_paragraph(line[2:], style="List Number")
        elif line.startswith("（"):
            document.add_heading(line, level=2)
        elif line.strip():
            document.add_paragraph(line)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "指标"
    table.cell(1, 1).text = "12件"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# Markdown as people write it, not as the library does: every construct the reader meets.
_HANDWRITTEN_MARKDOWN = """\
青禾县司法局
============

2025年法治政府建设情况报告
--------------------------

> 县政府：现将有关情况报告如下：

## 一、主要举措和成效

### （一）加强组织领导

一是**健全**制度。二是落实*责任*，见[通知](http://example.cn/a "通知")。

1. 完善规章
   - 清理文件 12 件
   - 备案审查
2. 推进执法

| 指标 | 数量 |
| ---- | ---: |
| 复议 | 3 件 |

```text
一、这是代码，不是标题
```

<div align="right">青禾县司法局</div>

    缩进的代码块

## 二、存在的不足

***

三、下一步工作安排<br>
新的一年，继续努力。[^1]

[^1]: 脚注。

青禾县司法局
2026年1月28日
"""


@functools.cache
def seeds(fmt: str, corpus: bool = True) -> tuple[bytes, ...]:
    """The unmutated files of one format (``corpus=False``: ours alone, without the corpus)."""
    out: list[bytes] = []
    for text in _texts(corpus):
        try:
            report = fr.parse(text)
            if fmt == "docx":
                out.append(fr.render(report, "docx"))
            elif fmt == "html":
                out.append(fr.render(report, "html").encode("utf-8"))
            else:
                out.append(fr.render(report, "markdown").encode("utf-8"))
        except fr.FazhiReportError:
            continue  # a text whose official form does not hold (validate refuses it)
    if fmt == "docx":
        out.append(_python_docx((ROOT / "examples" / "sample_report.txt").read_text("utf-8")))
    if fmt == "html":
        out += [path.read_bytes() for path in sorted((ROOT / "tests/fixtures/web").glob("*"))]
    if fmt == "markdown":
        out.append(_HANDWRITTEN_MARKDOWN.encode("utf-8"))
    return tuple(out)


def corpus_present() -> bool:
    """Whether the real reports are beside this checkout."""
    return CORPUS.is_dir() and any(CORPUS.glob("*/*.txt"))


# ------------------------------------------------------------------------- byte mutations


def _span(rng: random.Random, data: bytes) -> tuple[int, int]:
    start = rng.randrange(len(data) + 1)
    return start, min(len(data), start + rng.choice((1, 2, 4, 16, 64, 512)))


def flip(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """One byte changed."""
    if not data:
        return b"\xff"
    at = rng.randrange(len(data))
    return data[:at] + bytes([data[at] ^ rng.randrange(1, 256)]) + data[at + 1 :]


def truncate(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """Cut at any point."""
    return data[: rng.randrange(len(data) + 1)]


def delete(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """A span removed."""
    start, end = _span(rng, data)
    return data[:start] + data[end:]


def duplicate(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """A span repeated in place (up to 300 times: deep nesting, long runs)."""
    start, end = _span(rng, data)
    times = rng.choice((2, 3, 10, 300))
    return data[:start] + data[start:end] * times + data[end:]


def move(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """A span copied to another place."""
    start, end = _span(rng, data)
    at = rng.randrange(len(data) + 1)
    return data[:at] + data[start:end] + data[at:]


def insert(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """A token of the format (or random bytes) put in anywhere."""
    at = rng.randrange(len(data) + 1)
    if rng.random() < 0.15:
        token = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8)))
    else:
        token = rng.choice(TOKENS[fmt])
    return data[:at] + token + data[at:]


def damage_tag(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """A tag damaged: its ``<`` or ``>`` dropped, renamed, dropped whole, or repeated."""
    tags = [m.span() for m in _TAG.finditer(data, rng.randrange(len(data) + 1))]
    if not tags:
        return insert(rng, data, fmt)
    start, end = tags[min(len(tags) - 1, rng.randrange(4))]
    tag = data[start:end]
    kind = rng.randrange(6)
    if kind == 0:
        new = tag[1:]
    elif kind == 1:
        new = tag[:-1]
    elif kind == 2:
        new = b""
    elif kind == 3:
        new = tag * rng.choice((2, 50, 300))
    elif kind == 4:
        new = (
            tag.replace(b"<", b"</", 1) if not tag.startswith(b"</") else tag.replace(b"/", b"", 1)
        )
    else:
        other = rng.choice([b"w:p", b"w:r", b"w:tbl", b"p", b"div", b"x", b"w:body", b"table"])
        new = re.sub(rb"^(</?)[\w:.-]+", lambda m: m.group(1) + other, tag, count=1)
    return data[:start] + new + data[end:]


BYTE_MUTATIONS: tuple[Callable[[random.Random, bytes, str], bytes], ...] = (
    flip, truncate, delete, duplicate, move, insert, insert, damage_tag, damage_tag,
)  # fmt: skip


def mutate_bytes(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """One to three byte or tag mutations; most often with the text's encoding kept valid.

    Bytes that are not text in any encoding are refused before any reader sees them (a
    `fazhi_report.DecodeError`), so most mutations repair the encoding afterwards: invalid
    sequences become U+FFFD, and the damage to the structure stays.
    """
    codec = _codec(data)
    for _ in range(rng.choice((1, 1, 2, 3))):
        data = rng.choice(BYTE_MUTATIONS)(rng, data, fmt)
    if codec is not None and rng.random() < 0.8:
        data = data.decode(codec, "replace").encode(codec)
    return data


def _codec(data: bytes) -> str | None:
    """The encoding ``data`` is text in (UTF-8 or GB18030), or ``None``."""
    for codec in ("utf-8", "gb18030"):
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        return codec
    return None


# ---------------------------------------------------------------------- package mutations


def _entries(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return [(info, package.read(info)) for info in package.infolist()]


def _zip(entries: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", method) as package:
        warnings.simplefilter("ignore")  # a repeated name is the point of some mutations
        for name, content in entries:
            package.writestr(name, content)
    return buffer.getvalue()


def _pick_part(rng: random.Random, names: list[str]) -> int:
    # the document part most of the time: it is what the reader reads most of
    if "word/document.xml" in names and rng.random() < 0.6:
        return names.index("word/document.xml")
    return rng.randrange(len(names))


def rezip_part(rng: random.Random, data: bytes) -> bytes:
    """One part's XML damaged as bytes, tags and tokens; the package zipped again."""
    entries = [(info.filename, content) for info, content in _entries(data)]
    k = _pick_part(rng, [name for name, _ in entries])
    name, content = entries[k]
    entries[k] = (name, mutate_bytes(rng, content, "docx"))
    return _zip(entries, rng.choice((zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED)))


def reshape_package(rng: random.Random, data: bytes) -> bytes:
    """A part removed, renamed, repeated, emptied or replaced by junk; or a part added."""
    entries = [(info.filename, content) for info, content in _entries(data)]
    k = _pick_part(rng, [name for name, _ in entries])
    name, content = entries[k]
    kind = rng.randrange(6)
    if kind == 0:
        del entries[k]
    elif kind == 1:
        entries[k] = (rng.choice(("word/Document.xml", "word\\document.xml", "x")), content)
    elif kind == 2:
        entries.append((name, mutate_bytes(rng, content, "docx")))  # a second part, same name
    elif kind == 3:
        entries[k] = (name, b"")
    elif kind == 4:
        entries[k] = (name, bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200))))
    else:
        entries.append(("word/numbering.xml", rng.choice(TOKENS["docx"]) * 3))
    return _zip(entries)


def damage_compressed(rng: random.Random, data: bytes) -> bytes:
    """Bytes inside one part's compressed data changed: the zip layer itself intact."""
    infos = [info for info, _ in _entries(data)]
    info = infos[_pick_part(rng, [i.filename for i in infos])]
    local = info.header_offset
    name_len, extra_len = struct.unpack("<HH", data[local + 26 : local + 30])
    start = local + 30 + name_len + extra_len
    if info.compress_size == 0:
        return flip(rng, data, "docx")
    out = bytearray(data)
    for _ in range(rng.choice((1, 1, 4))):
        at = start + rng.randrange(info.compress_size)
        out[at] = rng.choice((0xFF, 0x00, out[at] ^ rng.randrange(1, 256)))
    return bytes(out)


def damage_headers(rng: random.Random, data: bytes) -> bytes:
    """A field of a local header or of the central directory changed: sizes, method, names,
    offsets, flags (an encrypted part, a UTF-8 name)."""
    heads = [m.start() for m in re.finditer(rb"PK\x01\x02|PK\x03\x04|PK\x05\x06", data)]
    if not heads:
        return flip(rng, data, "docx")
    at = rng.choice(heads)
    kind = data[at + 2 : at + 4]
    # (offset, width) of the fields worth changing in each record
    fields = {
        b"\x03\x04": ((6, 2), (8, 2), (14, 4), (18, 4), (22, 4), (26, 2), (28, 2)),
        b"\x01\x02": ((8, 2), (10, 2), (16, 4), (20, 4), (24, 4), (28, 2), (30, 2), (42, 4)),
        b"\x05\x06": ((8, 2), (10, 2), (12, 4), (16, 4), (20, 2)),
    }[kind]
    offset, width = rng.choice(fields)
    value = rng.choice((0, 1, 8, 12, 14, 99, 0x800, 0xFFFF, 0xFFFFFFFF, rng.randrange(1 << 16)))
    # flags among them: 1 marks a part encrypted, 0x800 its name UTF-8
    packed = struct.pack("<I", value & 0xFFFFFFFF)[:width]
    out = bytearray(data)
    out[at + offset : at + offset + width] = packed
    return bytes(out)


PACKAGE_MUTATIONS: tuple[Callable[[random.Random, bytes], bytes], ...] = (
    rezip_part, rezip_part, rezip_part, reshape_package, damage_compressed, damage_headers,
)  # fmt: skip


def mutate(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """A mutated copy of ``data``, a file of format ``fmt``."""
    if fmt != "docx" or rng.random() < 0.15:
        return mutate_bytes(rng, data, fmt)
    try:
        return rng.choice(PACKAGE_MUTATIONS)(rng, data)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, KeyError, struct.error):
        # a seed the zip module cannot open any more (a mutation of a mutation): bytes then
        return mutate_bytes(rng, data, fmt)


def read(data: bytes, fmt: str, sniff: bool = False, stream: bool = False) -> fr.Report | None:
    """Read ``data`` as ``fmt`` (or as sniffed) and write the report out again.

    What must hold: a report, or a `fazhi_report.FazhiReportError`; anything else escapes.
    ``stream``: read a Word body as a stream whatever its size (a real one streams above
    1 MiB).
    """
    limit = docx_reader._STREAM_ABOVE
    docx_reader._STREAM_ABOVE = -1 if stream else limit
    try:
        report = fr.parse(data, None if sniff else fmt, source=f"mutated.{fmt}")
    except fr.FazhiReportError:
        return None
    finally:
        docx_reader._STREAM_ABOVE = limit
    # what a reader made, the lossless writers take whole: no error of any kind
    fr.render(report, "text")
    fr.to_json(report, layout=True)
    return report
