"""House styles: a reader derived from a user's own templates, so that their text reads back.

A user who renders with a template folder of their own (a provincial office writing its parts
``第一部分　…`` and its subsections ``【一】…``) reads those files back with the same folder::

    fr.parse(text, templates="house_style/")

The templates are the grammar both ways. The reader is compiled once per folder (and again
when a file in it changes) by rendering probe nodes through the folder's inline macros
(``official/inline.j2``):

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

What comes out is not a second parser: the house heading markers become line hints
(`fazhi_report.parsers.lines.Hints.marker`) on the lines of the plain-text reader (or of any
reader, through `HouseStyle.build`), a house point marker replaces ``一是`` in the builder's
point pass, and the one structure builder does the rest, so everything it knows (the official
markers, page clutter, signatures) still reads. Where a house marker and an official one would read
the same line differently, the house marker wins. A house style that writes paragraphs with
no indent gives no sign of where a paragraph starts, so its reader takes every line for a
paragraph of its own (the official form writes a paragraph a line).

A macro the reader cannot invert is refused with a `fazhi_report.errors.TemplateError`
naming the template file and macro, when the reader is built: one that drops the number,
mangles the heading text (truncates it, loops over its characters), writes two levels alike,
or writes markers, stops or indents the builder cannot read.

Compiling runs the folder's templates, which are code. ``sandboxed=True`` compiles them as a
sandboxed render runs them (`fazhi_report.renderers.templating`): in Jinja's bounded immutable
sandbox, and, where the system can fork, the whole compile in a child process bounded in
memory and time. A folder that reaches for what the sandbox forbids (Python internals,
``os``) is then a `TemplateError` naming its file, and nothing it asked for happens. Readers
are cached per folder *and* mode: a folder compiled unsandboxed is never reused for a
sandboxed read, nor the other way round.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from fazhi_report.decoding import decode
from fazhi_report.errors import TemplateError
from fazhi_report.model import Paragraph, Point, Report, Section
from fazhi_report.numbering import Marker, chinese_to_int, int_to_chinese, match_marker
from fazhi_report.parsers.builder import build_report
from fazhi_report.parsers.forms import HEADING_STOPS, POINT_STOPS
from fazhi_report.parsers.lines import SPACE, Hints, Line, split_run_on, split_text
from fazhi_report.renderers.templating import _template_position, run_isolated

__all__ = ["HouseStyle", "MarkerForm", "house_style"]

# A heading text no macro has a reason to treat specially, and no numeral in it.
_PROBE_HEADING = "甲乙丙丁戊己庚辛"
_PROBE_NUMBERS = (7, 38)
# every numeral shape from 1 to 99: a digit, ten, teens, tens, tens and a digit
_CHECK_NUMBERS = (1, 2, 9, 10, 11, 19, 20, 21, 38, 99)
_FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def _full_width(number: int) -> str:
    return str(number).translate(_FULL_DIGITS)


class _Numeral(NamedTuple):
    name: str
    write: Callable[[int], str]
    pattern: str


# The ways a heading number can be written (1 to 99), as `numbering` reads them.
_NUMERALS = (
    _Numeral(
        "chinese",
        int_to_chinese,
        "十[一二三四五六七八九]?|[一二三四五六七八九](?:十[一二三四五六七八九]?)?",
    ),
    _Numeral("arabic", str, "[1-9][0-9]?"),
    _Numeral("full-width", _full_width, "[１-９][０-９]?"),
)
_NUMERAL_BY_NAME = {numeral.name: numeral for numeral in _NUMERALS}


class MarkerForm(NamedTuple):
    """How a house style writes the marker of one heading level, or of a point.

    Attributes:
        level: the heading level, 1 to 4; 0 for the point marker.
        before: the words or brackets before the number (``"第"``, ``"【"``).
        numeral: how the number is written: ``"chinese"``, ``"arabic"`` or ``"full-width"``.
        after: the words or brackets after the number (``"部分"``, ``"】"``, ``"是"``), without
            the spaces between a heading marker and its heading.
        gap: the spaces the style writes between the marker and the heading (``"　"``).
    """

    level: int
    before: str
    numeral: str
    after: str
    gap: str

    def write(self, number: int) -> str:
        """The marker of heading ``number`` in this form, without the spaces after it."""
        return self.before + _NUMERAL_BY_NAME[self.numeral].write(number) + self.after

    def pattern(self) -> str:
        """A regular expression matching the marker at the start of a line (group 1: numeral).

        A marker written with nothing after its number but its gap needs the gap: ``第三``
        followed by a space is a heading, ``第三方评估`` is not, and neither is a table row
        ``3<tab>…`` (a tab is no space the style writes).
        """
        numeral = _NUMERAL_BY_NAME[self.numeral].pattern
        space = f"(?={re.escape(self.gap[:1])})" if not self.after and self.gap else ""
        return f"{re.escape(self.before)}({numeral}){re.escape(self.after)}{space}"


# The official forms: a house level written like this needs no pattern of its own.
_OFFICIAL_POINT = (0, "", "chinese", "是")
_OFFICIAL = {
    (1, "", "chinese", "、"),
    (2, "（", "chinese", "）"),
    (3, "", "arabic", "."),
    (4, "（", "arabic", "）"),
}


class HouseStyle:
    """The reader of one template folder: its heading forms and paragraph indent.

    Build it with `house_style` (cached per folder). ``parse`` reads text; ``build`` reads
    the lines of any reader (the Word reader calls it), giving them the house markers first.

    Attributes:
        folder: the template folder the style was compiled from.
        forms: the heading form of each level, 1 to 4 (official ones included).
        point: the point marker's form (``一是`` in the official form).
        indent: the indent the style writes before a paragraph.
        sandboxed: whether the folder's templates were compiled in the sandbox.
    """

    __slots__ = (
        "_levels",
        "_match",
        "_point_form",
        "folder",
        "forms",
        "indent",
        "point",
        "sandboxed",
    )

    def __init__(
        self,
        folder: str,
        forms: Sequence[MarkerForm],
        indent: str,
        point: MarkerForm | None = None,
        *,
        sandboxed: bool = False,
    ) -> None:
        self.folder = folder
        self.sandboxed = sandboxed
        self.forms = tuple(forms)
        self.indent = indent
        if point is None:
            point = MarkerForm(*_OFFICIAL_POINT, "")
        self.point = point
        official_point = (point.level, point.before, point.numeral, point.after) == _OFFICIAL_POINT
        self._point_form = None if official_point else re.compile(point.pattern())
        own = [f for f in self.forms if (f.level, f.before, f.numeral, f.after) not in _OFFICIAL]
        # one alternation, one match() a line; the group index gives the level
        self._levels = tuple(f.level for f in own)
        self._match = re.compile("|".join(f"(?:{f.pattern()})" for f in own)).match if own else None

    def marker(self, text: str) -> Marker | None:
        """The house marker at the start of ``text`` (a line without its indent), if any."""
        if self._match is None:
            return None
        m = self._match(text)
        if m is None:
            return None
        index = m.lastindex
        assert index is not None  # each alternative has exactly one group
        return Marker(self._levels[index - 1], chinese_to_int(m.group(index)), m.group())

    def read(self, text: str) -> Marker | None:
        """The marker the builder reads at the start of ``text``: the house one, else official."""
        found = self.marker(text)
        return found if found is not None else match_marker(text)

    def mark(self, lines: Sequence[Line]) -> None:
        """Give lines the hints the builder needs to read the house form.

        A line that opens with a house marker gets it as `Hints.marker`; other hints a reader
        gave are kept. With no paragraph indent, every other line with text starts a paragraph.
        """
        match = self._match
        each = None if self.indent else Hints(new_paragraph=True)
        for line in lines:
            text = line.text
            if not text:
                continue
            m = match(text) if match is not None else None
            if m is None:
                if each is not None and line.hints is None:
                    line.hints = each  # shared: the builder never changes hints
                continue
            index = m.lastindex
            assert index is not None
            found = Marker(self._levels[index - 1], chinese_to_int(m.group(index)), m.group())
            h = line.hints
            # a new record: a reader may share one Hints between lines
            line.hints = (
                Hints(marker=found)
                if h is None
                else Hints(h.is_title, h.level, h.list_marker, h.new_paragraph, h.cells, found)
            )

    def parse(self, data: str | bytes, *, source: str = "<string>") -> Report:
        """Parse text written in this house style (or in the official form).

        Raises:
            EmptyInputError, DecodeError: as for the plain-text reader, for bytes.
        """
        encoding = None
        if isinstance(data, bytes):
            data, encoding = decode(data, source)
        return self.build(split_run_on(split_text(data)), encoding=encoding)

    def build(self, lines: Sequence[Line], *, encoding: str | None = None) -> Report:
        """Build a report from any reader's lines: house markers marked, house points split."""
        self.mark(lines)
        return build_report(lines, encoding=encoding, point_form=self._point_form)

    def __repr__(self) -> str:
        mode = ", sandboxed=True" if self.sandboxed else ""
        return f"HouseStyle({self.folder!r}{mode})"


def house_style(templates: str | os.PathLike[str], *, sandboxed: bool = False) -> HouseStyle:
    """The reader for a template folder, compiled once and kept until the folder changes.

    A change is a file or folder in it added, removed or written (its modification time or
    size): checking takes one ``stat`` a file, not a new compile.

    Args:
        templates: the folder.
        sandboxed: compile the folder's templates in the bounded sandbox (see the module's
            description), for a folder you do not trust. Each mode has its own cached reader.

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
    from fazhi_report.renderers.templating import _folder

    folder = _folder(templates)  # the errors for a missing folder or a file
    paths = (folder, *sorted(str(p) for p in Path(folder).rglob("*")))
    stamp = _stamp(paths)
    if sandboxed:
        # the whole compile (making the macros' module runs its top-level code too) in a
        # child bounded as a sandboxed render is; only plain data comes back
        forms, indent, point = run_isolated(_compile_forms, (folder,), source=folder)
        style = HouseStyle(folder, forms, indent, point, sandboxed=True)
    else:
        style = _Compiler(folder).compile()
    if stamp is None:
        return style  # the folder changed while it was read: compile again next time
    if len(_STYLES) >= _CACHE_SIZE:
        del _STYLES[next(iter(_STYLES))]  # the oldest
    _STYLES[key] = (style, paths, stamp)
    return style


_CACHE_SIZE = 32
# (folder, sandboxed) -> (its reader, the folder and everything in it, their stamps when
# compiled)
_STYLES: dict[
    tuple[str, bool], tuple[HouseStyle, tuple[str, ...], tuple[tuple[int, int], ...] | None]
] = {}


def _compile_forms(folder: str) -> tuple[tuple[MarkerForm, ...], str, MarkerForm]:
    """A sandboxed compile's result as plain data, which pickles back from a child process."""
    style = _Compiler(folder, sandboxed=True).compile()
    return style.forms, style.indent, style.point


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
        from fazhi_report.renderers.templating import environment, inline_macros

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
            where, line = _template_position(exc)
            raise TemplateError(
                exc.message,
                source=where or exc.source or self.inline_file,
                line=line,
                expected=exc.expected,
            ) from None
        except Exception as exc:
            # a sandbox violation (SecurityError), 1/0, an undefined name…
            where, line = _template_position(exc)
            raise TemplateError(
                f"the macro {macro!r} failed on a probe node: {type(exc).__name__}: {exc}",
                source=where or self.inline_file,
                line=line,
            ) from None

    def compile(self) -> HouseStyle:
        forms = [self.heading_form(level) for level in (1, 2, 3, 4)]
        style = HouseStyle(self.folder, forms, "", sandboxed=self.sandboxed)
        self.check_levels_apart(style)
        self.check_run_in()
        point = self.point_form(style)
        indent, text = self.probe_text()
        style = HouseStyle(self.folder, forms, indent, point, sandboxed=self.sandboxed)
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

    def numbered(self, macro: str, what: str, first: str, second: str) -> tuple[str, _Numeral, str]:
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
            (n for n in _NUMERALS if tuple(map(n.write, _PROBE_NUMBERS)) == numerals), None
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

    def check_levels_apart(self, style: HouseStyle) -> None:
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

    def point_form(self, style: HouseStyle) -> MarkerForm:
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
        from fazhi_report.parsers.text import parse_text
        from fazhi_report.renderers.text import render_official

        self.probe = parse_text(_PROBE_REPORT)
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

    def check_reads_back(self, style: HouseStyle, text: str) -> None:
        """The probe report written in the house form must read back equal to itself."""
        back = style.parse(text)
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
