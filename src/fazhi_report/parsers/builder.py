"""The structure builder: logical lines in, a `fazhi_report.model.Report` out.

Every reader's lines come here (`read` runs a reader, then `build_report`, once), so one set
of rules decides what is a title, a heading, a point, a closing or a signature, whatever the
input format. Every character of the input ends up
either in a content field or in a layout record, which is what makes the text round trip lossless.

The work goes in passes, each in its own module:

1. `~fazhi_report.parsers.classify`: a kind and a marker for every line (reader hints
   included), page metadata from clutter lines;
2. `~fazhi_report.parsers.frame`: the frame (lead, title, header, addressee, body, signature,
   trailing) decided on the per-line arrays before any node is built;
3. `~fazhi_report.parsers.tree`: sections and paragraphs from the body's lines;
4. `~fazhi_report.parsers.points`: 一是/二是… points split out of each paragraph;
5. `~fazhi_report.parsers.facts`: closing, organ, year, roles and the document's habits;
   then the facts the document declares (`~fazhi_report.parsers.contract.DeclaredFacts`) win.

Layout records are frozen: each is made whole, here or in the tree pass, from the frame.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from fazhi_report.errors import PluginError
from fazhi_report.layout import (
    AddresseeLayout,
    ReportLayout,
    SignatureLayout,
    TitleLayout,
    positional_maker,
)
from fazhi_report.model import Report, Signature
from fazhi_report.parsers._gc import paused_for
from fazhi_report.parsers.classify import classify
from fazhi_report.parsers.contract import NO_FACTS, DeclaredFacts, LineReader, ReaderOutput
from fazhi_report.parsers.facts import (
    declare,
    find_closing,
    find_identity,
    give_roles,
    read_habits,
)
from fazhi_report.parsers.frame import find_frame
from fazhi_report.parsers.hints import HouseHints
from fazhi_report.parsers.lines import MAX_LINES, Line, too_many_lines
from fazhi_report.parsers.points import split_points
from fazhi_report.parsers.tree import build_tree
from fazhi_report.parsers.watermarks import watermarks_to_line_ends

# What the parser makes is valid by construction: no model checks (see positional_maker).
_make_report = positional_maker(Report)
_make_signature = positional_maker(Signature)

__all__ = ["build_report", "read", "split_points"]

# fields in attrs order: (before, indent, end, line, ...the record's own)
_title_layout = positional_maker(TitleLayout)
_addressee_layout = positional_maker(AddresseeLayout)
_signature_layout = positional_maker(SignatureLayout)
# (lead, title, header, addressee, trailing, habits, encoding)
_report_layout = positional_maker(ReportLayout)


def read(
    reader: LineReader,
    data: str | bytes,
    *,
    source: str,
    hints: HouseHints | None = None,
) -> Report:
    """Read a document with a reader, then build its report: the one path every reader takes.

    The reader decodes the data and turns it into lines and declared facts
    (`fazhi_report.parsers.contract.ReaderOutput`); the builder reads the page metadata the
    format declares ahead of the lines, with the house style's hints when given, and lets
    the declared facts win.

    Args:
        reader: the format's reader (see `fazhi_report.parsers.contract.LineReader`).
        data: the document's text or bytes, as the reader takes them.
        source: a name for the input in error messages.
        hints: the forms of a house style the document was written in
            (`fazhi_report.house.house_style` compiles them from a template folder).

    Raises:
        FazhiReportError: the reader's errors for input it cannot read.
        DecodeError: the document has more than `fazhi_report.parsers.lines.MAX_LINES` lines
            with text.
        PluginError: the reader returned something other than a `ReaderOutput` (a plugin's
            whole-report parser given as ``reader=``, say).
    """
    out = reader(data, source=source)
    if not isinstance(out, ReaderOutput):
        raise PluginError(
            f"the reader {getattr(reader, '__qualname__', reader)!r} returned a "
            f"{type(out).__name__}, not a ReaderOutput",
            source=source,
            expected="a ReaderOutput (lines and declared facts); a function that returns a "
            "Report is a parser=",
        )
    # each line with text a node at least: memory is bounded by the limit
    if len(out.lines) > MAX_LINES and sum(1 for line in out.lines if line.text) > MAX_LINES:
        raise too_many_lines(source, None)
    lines = [*out.page, *out.lines] if out.page else out.lines
    return build_report(lines, encoding=out.encoding, facts=out.facts, hints=hints)


def build_report(
    lines: Sequence[Line],
    *,
    encoding: str | None = None,
    facts: DeclaredFacts = NO_FACTS,
    hints: HouseHints | None = None,
) -> Report:
    """Build a report from logical lines. Never fails: any lines give some report.

    Args:
        lines: the logical lines of the document, from a reader.
        encoding: the encoding the reader decoded the source bytes from, if any; kept in the
            report's layout so that saving can write the same encoding back.
        facts: facts the document declares (organ, year, roles): they win over what the
            builder infers.
        hints: the forms of a house style: lines opening with a house marker get it as a hint,
            and the house point marker replaces 一是 (see `fazhi_report.parsers.hints`).
    """
    point_form = None
    if hints is not None:
        hints.mark(lines)
        point_form = hints.point_form
    # a long document is built with the garbage collector paused (a speed device: see _gc)
    return paused_for(len(lines), lambda: _build(lines, encoding, point_form, facts))


def _build(
    lines: Sequence[Line],
    encoding: str | None,
    point_form: re.Pattern[str] | None,
    facts: DeclaredFacts,
) -> Report:
    watermarks_to_line_ends(lines)
    c = classify(lines)
    c.point_form = point_form
    frame = find_frame(c)
    raw = c.raw
    report = _make_report(None, None, None, None, [], [], [], None, c.page(), None)

    title_layout = None
    if frame.title is not None:
        t = frame.title
        first, last = lines[t.start], lines[t.end - 1]
        report.title = t.title
        title_layout = _title_layout(
            "", first.indent, last.end, first.number, raw(t.start, t.end), t.title
        )
    addressee_layout = None
    if frame.addressee is not None:
        at, text = frame.addressee
        line = lines[at]
        report.addressee = text
        addressee_layout = _addressee_layout(
            raw(frame.header_end, at), line.indent, line.end, line.number, line.raw, text
        )

    tree = build_tree(c, frame.body_start, frame.body_end)
    report.preamble = tree.preamble
    report.sections = tree.sections

    sig = frame.signature
    if sig is not None:
        first, last = lines[sig.start], lines[sig.end - 1]
        # what the body leaves over (blank lines, clutter) stands before the signature
        report.signature = _make_signature(
            sig.organ,
            sig.date,
            _signature_layout(
                raw(frame.body_end, sig.start),
                first.indent,
                last.end,
                first.number,
                raw(sig.start, sig.end),
                sig.organ,
                sig.date,
                sig.date_style,
                sig.date_text,
            ),
        )

    find_closing(report)
    find_identity(report)
    give_roles(report)
    declare(report, facts)
    n = len(lines)
    header = raw(frame.title.end, frame.header_end) if frame.title is not None else ""
    report.layout = _report_layout(
        raw(0, frame.lead_end),
        title_layout,
        header,
        addressee_layout,
        raw(frame.trailing_start, n),
        read_habits(lines, tree),
        encoding,
    )
    return report
