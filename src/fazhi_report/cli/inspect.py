"""``fazhi-report inspect``: the outline of one report, written by the ``outline`` format
(`fazhi_report.renderers.outline`)."""

from __future__ import annotations

import sys
from typing import Any

import click

from fazhi_report.api import render
from fazhi_report.cli.base import EXIT_OK, command
from fazhi_report.cli.io import read_report
from fazhi_report.cli.options import from_option, read_options

__all__ = ["inspect"]


@command(
    "inspect",
    describe="""Read INPUT ('-' for standard input) and print an outline of the report:
title, organ, year, addressee, web-page metadata, the number of preamble paragraphs, then
every section with its marker and heading, [run-in] for run-in headings, its role (measures,
responsibility, shortcomings, causes, plans, other) when it has one and the number of its body
paragraphs, followed by the titles of its 一是/二是 points; last the number of closing
paragraphs and the signature (organ, ISO date). The same text as 'convert INPUT - --to
outline'.""",
    epilog="""Example:
  fazhi-report inspect report.txt

Output (shortened):
  title: 青山县应急管理局2025年法治政府建设情况报告
  organ: 青山县应急管理局
  year: 2025
  preamble: 1 paragraph
  sections:
    一、2025年推进法治政府建设的主要举措和成效 [measures] (0 paragraphs)
      （一）健全工作机制，夯实法治基础 [run-in] (1 paragraph)
        一是 加强组织领导
  closing: 0 paragraphs
  signature: 青山县应急管理局, 2026-01-15""",
)
@click.argument("source", metavar="INPUT")
@from_option
@read_options
def inspect(
    source: str,
    from_format: str | None,
    templates: str | None,
    sandboxed: bool,
    quiet: bool,
    verbose: bool,
) -> int:
    """Run ``fazhi-report inspect``."""
    read: dict[str, Any] = {"templates": templates, "sandboxed": sandboxed}
    report = read_report(source, from_format, read)
    text = render(report, "outline")
    if isinstance(text, bytes):  # only if a plugin replaced the format with a binary one
        text = text.decode("utf-8", "replace")
    sys.stdout.write(text)
    sys.stdout.flush()
    return EXIT_OK
