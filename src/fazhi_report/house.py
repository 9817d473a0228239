"""House styles: a user's template folder compiled into the hints that read its output back.

A user who renders with a template folder of their own (a provincial office writing its parts
``第一部分　…`` and its subsections ``【一】…``) reads those files back with the same folder::

    fr.parse(text, templates="house_style/")

The templates are the grammar both ways. `house_style` compiles a folder into a
`fazhi_report.parsers.hints.HouseHints` record, once per folder (and again when a file in it
changes), by rendering probe nodes through the folder's inline macros (``official/inline.j2``):

- the ``heading`` macro, for a section of each level numbered 7 and 38 with a sentinel
  heading: what stands before the heading text is the level's marker; where the two numbers
  differ is its numeral (Chinese ``七``, Arabic ``7`` or full-width ``７``), the rest the words
  or brackets around it. Each form is checked on more numbers, and each level's probe must read
  back as that level and no other;
- the ``point`` macro, for points numbered 7 and 38, the same way: the official ``一是`` or a
  house marker (``其一是``, ``第1点，``), then the title, one stop the builder reads, the text;
- the ``run_in_head`` macro, whose stop must be one the builder reads (``。：:``);
- the whole ``text/official.j2`` on a probe report of every node kind, which must read back
  equal to itself; its paragraph lines give the indent.

What comes out is not a second parser but plain data: ``fr.parse`` hands it to
`fazhi_report.parsers.read` with any reader's lines, the house heading markers become line hints
(`fazhi_report.parsers.lines.Hints.marker`), a house point marker replaces ``一是`` in the
builder's point pass, and the one structure builder does the rest, so everything it knows
(the official markers, page clutter, signatures) still reads. Where a house marker and an
official one would read the same line differently, the house marker wins. A house style that
writes paragraphs with no indent gives no sign of where a paragraph starts, so its hints make
every line a paragraph of its own (the official form writes a paragraph a line).

A macro the reader cannot invert is refused with a `fazhi_report.errors.TemplateError`
naming the template file and macro, when the reader is built: one that drops the number,
mangles the heading text (truncates it, loops over its characters), writes two levels alike,
or writes markers, stops or indents the builder cannot read.

Compiling runs the folder's templates, which are code. ``sandboxed=True`` compiles them as a
sandboxed render runs them (`fazhi_report.renderers.templating`): in Jinja's bounded immutable
sandbox, and, where the system can fork, the whole compile in a child process bounded in
memory and time. A folder that reaches for what the sandbox forbids (Python internals,
``os``) is then a `TemplateError` naming its file, and nothing it asked for happens. Compiled
hints are cached per folder *and* mode: a folder compiled unsandboxed is never reused for a
sandboxed read, nor the other way round.

This module sits above both the parsers (whose builder reads the hints) and the renderers
(whose templates it runs); the parsers never import it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fazhi_report.errors import TemplateError
from fazhi_report.model import Paragraph, Point, Report, Section
from fazhi_report.parsers.builder import read
from fazhi_report.parsers.forms import HEADING_STOPS, POINT_STOPS
from fazhi_report.parsers.hints import NUMERALS, HouseHints, MarkerForm, Numeral
from fazhi_report.parsers.lines import SPACE
from fazhi_report.parsers.text import read_text
from fazhi_report.renderers.templating import (
    environment,
    inline_macros,
    run_isolated,
    template_folder,
    template_position,
)
from fazhi_report.renderers.text import render_official

__all__ = ["HouseHints", "MarkerForm", "house_style"]

# A heading text no macro has a reason to treat specially, and no numeral in it.
_PROBE_HEADING = "甲乙丙丁戊己庚辛"
_PROBE_NUMBERS = (7, 38)
# every numeral shape from 1 to 99: a digit, ten, teens, tens, tens and a digit
_CHECK_NUMBERS = (1, 2, 9, 10, 11, 19, 20, 21, 38, 99)


def house_style(templates: str | os.PathLike[str], *, sandboxed: bool = False) -> HouseHints:
    """The hints that read a template folder's output, compiled once and kept until the
    folder changes.

    A change is a file or folder in it added, removed or written (its modification time or
    size): checking takes one ``stat`` a file, not a new compile.

    Args:
        templates: the folder.
        sandboxed: compile the folder's templates in the bounded sandbox (see the module's
            description), for a folder you do not trust. Each mode has its own cached hints.

    Raises:
        TemplateError: the folder is missing, a template is malformed, fails, reaches for
            what the sandbox forbids or runs over its limits, or a macro writes what the
            reader cannot invert (see the module's description).
    """
    key = (os.path.abspath(os.fspath(templates)), bool(sandboxed))
    cached = _STYLES.get(key)
    if cached is not None:
        style, paths, stamp = cached
        if _stamp(paths) == stamp:
            return style
    folder = template_folder(templates)  # the errors for a missing folder or a file
    paths = (folder, *sorted(str(p) for p in Path(folder).rglob("*")))
    stamp = _stamp(paths)
    if sandboxed:
        # the whole compile (making the macros' module runs its top-level code too) in a
        # child bounded as a sandboxed render is; only plain data comes back
        style = run_isolated(_compile_sandboxed, (folder,), source=folder)
    else:
        style = _Compiler(folder).compile()
    if stamp is None:
        return style  # the folder changed while it was read: compile again next time
    if len(_STYLES) >= _CACHE_SIZE:
        del _STYLES[next(iter(_STYLES))]  # the oldest
    _STYLES[key] = (style, paths, stamp)
    return style


_CACHE_SIZE = 32
# (folder, sandboxed) -> (its hints, the folder and everything in it, their stamps when
# compiled)
_STYLES: dict[
    tuple[str, bool], tuple[HouseHints, tuple[str, ...], tuple[tuple[int, int], ...] | None]
] = {}


def _compile_sandboxed(folder: str) -> HouseHints:
    """A sandboxed compile: plain data, which pickles back from a child process."""
    return _Compiler(folder, sandboxed=True).compile()


def _stamp(paths: Sequence[str]) -> tuple[tuple[int, int], ...] | None:
    """The modification time and size of each path; ``None`` when one is gone."""
    try:
        return tuple((st.st_mtime_ns, st.st_size) for st in map(os.stat, paths))
    except OSError:
        return None


# A probe report in the official form, in our own words, with every node kind the templates
# write: a title, a preamble, four levels numbered 1 and 2, run-in and standalone headings,
# points, a closing and a signature. It is read with the default reader first, so that its
# derived facts (organ, year, roles) are what the builder derives.
_PROBE_REPORT = """某县司法局2025年法治政府建设情况报告

　　2025年，我局坚持依法行政，各项工作有序推进。现将有关情况报告如下：
　　一、主要举措和成效
　　（一）健全制度。一是完善规则，修订办法三项。二是规范程序。
　　1.加强审查
　　（1）严格备案。全年备案十件。
　　（2）公开清单
　　全面公开权责清单，接受社会监督。
　　2.培训队伍。开展培训六次。
　　（二）强化监督
　　一是开展执法检查。二是整改问题九个。
　　二、存在的不足和原因
　　基层力量仍然薄弱。
　　三、2026年工作安排
　　继续推进法治建设。
　　新的一年，我局将再接再厉。

某县司法局
2026年1月20日
"""
_PROBE_PARAGRAPH = "2025年，我局坚持依法行政"


class _Compiler:
    """Renders the probes through one folder's templates and compiles what comes out."""

    def __init__(self, folder: str, *, sandboxed: bool = False) -> None:
        self.folder = folder
        self.sandboxed = sandboxed
        self.env = environment(folder, sandboxed=sandboxed)
        self.macros = inline_macros(self.env)
        self.inline_file = self.env.get_template("official/inline.j2").filename or "inline.j2"

    def refuse(self, macro: str, why: str, expected: str) -> TemplateError:
        return TemplateError(
            f"the macro {macro!r} cannot be read back: {why}",
            source=self.inline_file,
            expected=expected,
        )

    def call(self, macro: str, *args: Any) -> str:
        """The text a macro of ``official/inline.j2`` gives for probe nodes."""
        found = getattr(self.macros, macro, None)
        if found is None or not callable(found):
            raise TemplateError(
                f"official/inline.j2 has no macro {macro!r}",
                source=self.inline_file,
                expected=f"the macro {macro!r}, as in the shipped official/inline.j2",
            )
        try:
            try:
                return str(found(*args))
            except Exception:
                self.env.handle_exception()  # raises it again, its traceback naming lines
        except TemplateError as exc:
            where, line = template_position(exc)
            raise TemplateError(
                exc.message,
                source=where or exc.source or self.inline_file,
                line=line,
                expected=exc.expected,
            ) from None
        except Exception as exc:
            # a sandbox violation (SecurityError), 1/0, an undefined name…
            where, line = template_position(exc)
            raise TemplateError(
                f"the macro {macro!r} failed on a probe node: {type(exc).__name__}: {exc}",
                source=where or self.inline_file,
                line=line,
            ) from None

    def compile(self) -> HouseHints:
        forms = [self.heading_form(level) for level in (1, 2, 3, 4)]
        style = HouseHints(forms, "", folder=self.folder, sandboxed=self.sandboxed)
        self.check_levels_apart(style)
        self.check_run_in()
        point = self.point_form(style)
        indent, text = self.probe_text()
        style = HouseHints(forms, indent, point, folder=self.folder, sandboxed=self.sandboxed)
        self.check_reads_back(style, text)
        return style

    def heading_line(self, level: int, number: int) -> str:
        return self.call("heading", Section(level, number, _PROBE_HEADING))

    def heading_form(self, level: int) -> MarkerForm:
        """The marker form of one level, from the heading macro's output on probe numbers."""
        what = f"level-{level} heading"
        prefixes = []
        for number in _PROBE_NUMBERS:
            out = self.heading_line(level, number)
            if out.count(_PROBE_HEADING) != 1:
                raise self.refuse(
                    "heading",
                    f"it mangles the heading text: a {what} {_PROBE_HEADING!r} is written {out!r}",
                    "the heading text written whole, once",
                )
            before, after = out.split(_PROBE_HEADING)
            if after.strip(SPACE):
                raise self.refuse(
                    "heading",
                    f"it writes {after!r} after the text of a {what}, which the reader cannot "
                    "tell from the heading",
                    "the marker before the heading and nothing after it",
                )
            prefixes.append(before.lstrip(SPACE))
        before, numeral, tail = self.numbered("heading", what, prefixes[0], prefixes[1])
        after = tail.rstrip(SPACE)
        form = MarkerForm(level, before, numeral.name, after, tail[len(after) :])
        for number in _CHECK_NUMBERS:
            got = self.heading_line(level, number)
            if got.lstrip(SPACE) != form.write(number) + tail[len(after) :] + _PROBE_HEADING:
                raise self.refuse(
                    "heading",
                    f"{what} {number} is written {got!r}, unlike "
                    f"{prefixes[0] + _PROBE_HEADING!r} for {_PROBE_NUMBERS[0]}",
                    "one marker form for every number of a level",
                )
        return form

    def numbered(self, macro: str, what: str, first: str, second: str) -> tuple[str, Numeral, str]:
        """The words before the number, the numeral, and what follows it, from two markers."""
        if first == second:
            raise self.refuse(
                macro,
                f"it drops the number: {what}s numbered {_PROBE_NUMBERS[0]} and "
                f"{_PROBE_NUMBERS[1]} are both written {first!r}",
                "a marker that carries the number",
            )
        a = 0
        while a < min(len(first), len(second)) and first[a] == second[a]:
            a += 1
        b = 0
        while b < min(len(first), len(second)) - a and first[-1 - b] == second[-1 - b]:
            b += 1
        numerals = (first[a : len(first) - b], second[a : len(second) - b])
        numeral = next(
            (n for n in NUMERALS if tuple(map(n.write, _PROBE_NUMBERS)) == numerals), None
        )
        if numeral is None:
            raise self.refuse(
                macro,
                f"it writes the numbers {_PROBE_NUMBERS[0]} and {_PROBE_NUMBERS[1]} of "
                f"{what}s as {numerals[0]!r} and {numerals[1]!r}",
                "Chinese (七), Arabic (7) or full-width (７) numerals",
            )
        tail = first[len(first) - b :]
        if not tail.rstrip(SPACE) and not (tail and macro == "heading"):
            # "其7" + "2026年…" reads as heading 72: nothing tells where the number ends
            raise self.refuse(
                macro,
                f"the number of a {what} runs into its text ({first!r} + text), so a text "
                "that starts with a number would read as part of it",
                "words, a bracket or a space after the number",
            )
        return first[:a], numeral, tail

    def check_levels_apart(self, style: HouseHints) -> None:
        """Each level's headings must read back as that level, with their numbers."""
        for level in (1, 2, 3, 4):
            for number in _CHECK_NUMBERS:
                line = self.heading_line(level, number).lstrip(SPACE)
                found = style.read(line)
                if found is None:
                    raise self.refuse(
                        "heading",
                        f"level-{level} heading {number} is written {line!r}, which reads as "
                        "no heading",
                        "a marker the reader can find again",
                    )
                if found.level != level or found.number != number:
                    raise self.refuse(
                        "heading",
                        f"level-{level} heading {number} is written {line!r}, which reads as "
                        f"level {found.level} number {found.number}: two levels are written "
                        "alike",
                        "a different marker for each level",
                    )

    def check_run_in(self) -> None:
        """A run-in heading must be its heading line and one stop the builder reads."""
        for level in (1, 2, 3, 4):
            section = Section(level, 7, _PROBE_HEADING, run_in=True, body=[Paragraph("甲。")])
            head = self.heading_line(level, 7)
            out = self.call("run_in_head", section)
            stop = out[len(head) :] if out.startswith(head) else None
            if stop is None or stop not in HEADING_STOPS:
                raise self.refuse(
                    "run_in_head",
                    f"a run-in level-{level} heading is written {out!r}: not the heading line "
                    "and one stop",
                    f"the heading line, then one of {''.join(sorted(HEADING_STOPS))}",
                )

    def point_form(self, style: HouseHints) -> MarkerForm:
        """The point marker's form, from the point macro's output on probe points."""
        title, text = _PROBE_HEADING, "丁戊己。"
        prefixes, stops = [], []
        for number in _PROBE_NUMBERS:
            out = self.call("point", Point(number, title, text), False)
            if out.count(title) != 1 or not out.endswith(text):
                raise self.refuse(
                    "point",
                    f"point {number} (title {title!r}, text {text!r}) is written {out!r}",
                    "the marker, the title, one stop, the text",
                )
            before, rest = out.split(title)
            prefixes.append(before)
            stops.append(rest[: len(rest) - len(text)])
        for stop in stops:
            if stop not in POINT_STOPS:
                raise self.refuse(
                    "point",
                    f"it writes {stop!r} between a point's title and its text",
                    f"one of {''.join(sorted(POINT_STOPS))}",
                )
        before, numeral, tail = self.numbered("point", "point", prefixes[0], prefixes[1])
        form = MarkerForm(0, before, numeral.name, tail, "")
        for number in _CHECK_NUMBERS:
            got = self.call("point", Point(number, title, text), False)
            if got != form.write(number) + title + stops[0] + text:
                raise self.refuse(
                    "point",
                    f"point {number} is written {got!r}, unlike {prefixes[0] + title!r} "
                    f"for {_PROBE_NUMBERS[0]}",
                    "one marker form for every point number",
                )
            opening = style.read(got)
            if opening is not None:
                raise self.refuse(
                    "point",
                    f"a paragraph that opens with point {number} ({got!r}) would read as a "
                    f"level-{opening.level} heading",
                    "point markers unlike every heading marker",
                )
        return form

    def probe_text(self) -> tuple[str, str]:
        """The probe report in the house form, and the indent it writes before a paragraph."""
        self.probe = read(read_text, _PROBE_REPORT, source="<probe report>")
        text = render_official(self.probe, templates=self.folder, sandboxed=self.sandboxed)
        for line in text.splitlines():
            at = line.find(_PROBE_PARAGRAPH)
            if at >= 0:
                indent = line[:at]
                if indent.strip(SPACE):
                    raise TemplateError(
                        f"the house form writes {indent!r} before a paragraph, which the reader "
                        "would take for part of its text",
                        source=self._file("text/macros.j2"),
                        expected="an indent of spaces (or none)",
                    )
                return indent, text
        raise TemplateError(
            "the house form of the probe report leaves out its first paragraph",
            source=self._file("text/official.j2"),
            expected="every paragraph written, with its text whole",
        )

    def _file(self, name: str) -> str:
        return self.env.get_template(name).filename or name

    def check_reads_back(self, style: HouseHints, text: str) -> None:
        """The probe report written in the house form must read back equal to itself."""
        back = read(read_text, text, source=self._file("text/official.j2"), hints=style)
        if back == self.probe:
            return
        what = _first_difference(self.probe, back)
        raise TemplateError(
            f"the house form of a probe report does not read back: {what}",
            source=self._file("text/official.j2"),
            expected="templates whose output the reader can read (see docs/house-style.md)",
        )


def _first_difference(want: Report, got: Report) -> str:
    """Which part of two reports differs first, in words."""
    if want.title != got.title:
        return f"the title reads {got.title!r}, not {want.title!r}"
    heads = [(s.level, s.number, s.heading, s.run_in) for s in want.walk()]
    got_heads = [(s.level, s.number, s.heading, s.run_in) for s in got.walk()]
    if heads != got_heads:
        for a, b in zip(heads, [*got_heads, None], strict=False):
            if a != b:
                return f"a heading reads {b!r} (level, number, text, run in), not {a!r}"
    for a_par, b_par in zip(want.paragraphs, [*got.paragraphs, None], strict=False):
        if a_par != b_par:
            return f"a paragraph reads {b_par!r}, not {a_par!r}"
    if want.signature != got.signature:
        return f"the signature reads {got.signature!r}, not {want.signature!r}"
    return f"the report reads {got!r}, not {want!r}"
