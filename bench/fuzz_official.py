"""Fuzz the official round trip: ``parse(render(r, "text", style="official")) == r``.

Two kinds of input, drawn in turn for as long as asked:

* **fragments**: strings glued from pieces real texts are made of (markers, stops, line ends,
  page clutter, titles, dates) and short random text, like ``tests/strategies.py`` builds;
* **mutated reports**: the real reports in ``../shared/corpus/seeds`` with lines dropped,
  repeated, swapped or joined, line breaks removed or added, fragments inserted.

Every input that does not come back equal is shrunk (pieces, then lines, then characters
dropped while it still fails) and printed once per distinct shrunk form. Run by hand::

    python bench/fuzz_official.py 10        # minutes; default 1
    python bench/fuzz_official.py 1 --seed 7

It prints the inputs tried and the failures of each kind. Not part of the test suite; each
failure class found and fixed is a regression test in ``tests/test_fuzz_official.py``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import fazhi_report as fr

FRAGMENTS = (
    "一、", "二、", "三、", "（一）", "(二)", "（三)", "1.", "2、", "3．", "（1）", "(2)", "十一、",
    "一是", "二是", "三是", "十二是", "统一是", "。", "，", ",", "：", ":", "；", "“", "”", "《",
    "》", "（", "）", "\n", "\r\n", "\r", "\n\n", " ", "    ", "\u3000\u3000", "\xa0", "\t",
    "\ufeff", "😀", "发布日期：2024-03-05 14:09", "来源：区公安局", "字号：",
    "扫一扫在手机打开当前页", "重点链接", "青禾县公安局", "2025年法治政府建设情况报告",
    "2026年1月28日", "二〇二六年一月二十八日", "2026-01-28", "市委、市政府：", "新的一年，",
    "现将有关情况报告如下：", "存在的不足和原因", "下一步工作计划", "主要举措和成效",
    "加强组织领导", "（扩大）", "報告", "問題", "关于", "http://a.b/c", "www.x.cn",
    "法治政府建设", "工作总结", "人民政府", "的", "年", "日", "a", "1", "２０２４",
)  # fmt: skip
_ALPHABET = "一二三是、。，：（）()12年月日报告法治局 \n\u3000a.;"


def fragment_text(rng: random.Random) -> str:
    """A string of up to 60 pieces: fragments and short random text."""
    pieces = []
    for _ in range(rng.randint(0, 60)):
        if rng.random() < 0.8:
            pieces.append(rng.choice(FRAGMENTS))
        else:
            pieces.append("".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 4))))
    return "".join(pieces)


def mutated_report(rng: random.Random, seeds: list[str]) -> str:
    """A real report with a few random edits to its lines and line breaks."""
    lines = rng.choice(seeds).splitlines(keepends=True)
    for _ in range(rng.randint(1, 4)):
        if not lines:
            break
        k = rng.randrange(len(lines))
        op = rng.randrange(7)
        if op == 0:
            del lines[k]
        elif op == 1:
            lines.insert(k, lines[k])
        elif op == 2:
            j = rng.randrange(len(lines))
            lines[k], lines[j] = lines[j], lines[k]
        elif op == 3:
            lines[k] = lines[k].rstrip("\r\n")  # joined with the next line
        elif op == 4:
            text = lines[k]
            cut = rng.randrange(len(text) + 1)
            lines[k] = text[:cut] + "\n" + text[cut:]  # a stray break
        elif op == 5:
            lines.insert(k, rng.choice(FRAGMENTS) + rng.choice(("\n", "")))
        else:
            text = lines[k]
            cut = rng.randrange(len(text) + 1)
            lines[k] = text[:cut] + rng.choice(FRAGMENTS) + text[cut:]
    return "".join(lines)


def fails(text: str) -> bool:
    """Whether the official round trip of ``text`` loses or changes something."""
    report = fr.parse(text)
    return fr.parse(fr.render(report, "text", style="official")) != report


def shrink(text: str, test: Callable[[str], bool] = fails) -> str:
    """A smaller text that still fails: drop lines, then runs of characters, while it fails."""
    lines = text.splitlines(keepends=True)
    k = 0
    while k < len(lines):
        candidate = lines[:k] + lines[k + 1 :]
        if test("".join(candidate)):
            lines = candidate
        else:
            k += 1
    text = "".join(lines)
    size = max(len(text) // 2, 1)
    while size >= 1:
        k = 0
        while k < len(text):
            candidate = text[:k] + text[k + size :]
            if candidate != text and test(candidate):
                text = candidate
            else:
                k += size
        size //= 2
    return text


def main() -> None:
    """Fuzz for the given minutes and print a summary."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("minutes", nargs="?", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    seed_dir = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "seeds"
    seeds = [p.read_text(encoding="utf-8") for p in sorted(seed_dir.glob("*.txt"))]
    if not seeds:
        print("note: no seed reports next to the repository; fragments only", file=sys.stderr)
    tried = {"fragments": 0, "mutated": 0}
    failed = {"fragments": 0, "mutated": 0}
    errors = 0
    shrunk: dict[str, str] = {}
    deadline = time.monotonic() + args.minutes * 60
    while time.monotonic() < deadline:
        kind = "mutated" if seeds and tried["mutated"] * 20 < tried["fragments"] else "fragments"
        text = mutated_report(rng, seeds) if kind == "mutated" else fragment_text(rng)
        tried[kind] += 1
        try:
            bad = fails(text)
        except Exception as exc:  # a crash is a failure of its own kind
            errors += 1
            print(f"ERROR {type(exc).__name__}: {exc}: {text!r}")
            continue
        if bad:
            failed[kind] += 1
            small = shrink(text)
            if small not in shrunk:
                shrunk[small] = kind
                print(f"FAIL [{kind}] {small!r}", flush=True)
    for kind in tried:
        share = failed[kind] / tried[kind] * 100 if tried[kind] else 0.0
        print(f"{kind:10} tried {tried[kind]:>9,}  failed {failed[kind]:>6,} ({share:.4f} %)")
    print(f"errors {errors}, distinct shrunk failures {len(shrunk)}")


if __name__ == "__main__":
    main()
