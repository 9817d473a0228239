"""The arguments and options several commands share, as decorators.

Format names, suffixes and styles in the choices and the help come from the format table
(`fazhi_report.registry`), plugins included, when they are first needed: declaring an
option reads nothing, so importing a command costs no format.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from fazhi_report import registry
from fazhi_report.batch import default_jobs

__all__ = [
    "Encoding",
    "FormatChoice",
    "format_table",
    "from_option",
    "inputs_argument",
    "jobs_option",
    "output_format_option",
    "output_option",
    "read_options",
    "read_templates_option",
    "sandboxed_option",
]

_F = TypeVar("_F", bound=Callable[..., Any])


def format_table() -> list[registry.FormatInfo]:
    """Every format (`fazhi_report.registry.formats`), a broken plugin left out silently."""
    with warnings.catch_warnings():
        # a broken plugin is reported when it is asked for, not on every command's help
        warnings.simplefilter("ignore", registry.PluginWarning)
        return registry.formats()


class FormatChoice(click.Choice):  # type: ignore[type-arg]  # generic from click 8.2 on
    """A choice among the format table's names (or styles), read when it is first needed.

    ``kind`` is ``"read"`` (formats with a parser), ``"write"`` (with a renderer) or
    ``"style"`` (every writable format's styles). Reading the table lazily keeps plugins
    registered after import in the choices, and keeps importing a command cheap.
    """

    name = "format"

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.case_sensitive = True

    @property
    def choices(self) -> tuple[str, ...]:  # type: ignore[override]
        """The names allowed, from the format table."""
        table = format_table()
        if self.kind == "read":
            return tuple(f.name for f in table if f.can_read)
        if self.kind == "write":
            return tuple(f.name for f in table if f.can_write)
        return tuple(dict.fromkeys(style for f in table for style in f.styles))


class Encoding(click.ParamType):  # type: ignore[type-arg]  # generic from click 8.5 on
    """A text encoding Python knows, else a usage error (exit status 2)."""

    name = "encoding"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        """The encoding's name as given, once Python knows it as a text encoding."""
        try:
            # "".encode also refuses codecs that are not text encodings (rot13, base64, ...).
            "".encode(value)
        except LookupError:
            self.fail(f"unknown text encoding {value!r}", param, ctx)
        return str(value)


def inputs_argument(function: _F) -> _F:
    """The ``INPUTS...`` argument: report files, folders (searched recursively) and globs."""
    return click.argument("inputs", metavar="INPUTS...", nargs=-1, required=True)(function)


def from_option(function: _F) -> _F:
    """The ``--from FORMAT`` option: the format of every input (default: from each suffix)."""
    return click.option(
        "--from",
        "from_format",
        type=FormatChoice("read"),
        metavar="FORMAT",
        help="The format of the inputs, one of the readable formats (see 'fazhi-report "
        "formats'); default: from each file's suffix, else its first bytes.",
    )(function)


def read_templates_option(flag: str = "--templates", name: str = "templates") -> Callable[[_F], _F]:
    """The option naming the template folder the inputs were written with (a house style)."""
    return click.option(
        flag,
        name,
        metavar="DIR",
        help="The template folder the inputs were written with (a house style, see "
        "docs/house-style.md), so that its headings and points read back. Its templates run "
        "as code: add --sandboxed for a folder you did not write.",
    )


def sandboxed_option(function: _F) -> _F:
    """The ``--sandboxed`` flag: every template the command runs runs in the sandbox."""
    return click.option(
        "--sandboxed",
        is_flag=True,
        help="Run every template folder the command uses in the bounded sandbox, for a folder "
        "you did not write: a template that reaches for Python internals or runs over the "
        "sandbox's limits fails with an error instead of running.",
    )(function)


def read_options(function: _F) -> _F:
    """``--templates DIR`` and ``--sandboxed``: every command that reads reports takes them."""
    return read_templates_option()(sandboxed_option(function))


def jobs_option(function: _F) -> _F:
    """The ``-j/--jobs N`` option: the processes that work on several inputs."""
    return click.option(
        "-j",
        "--jobs",
        type=click.IntRange(min=1),
        default=None,
        metavar="N",
        help=f"Processes for several inputs; 1 works in this process only "
        f"(default: the number of cores, {default_jobs()} here).",
    )(function)


def output_option(function: _F) -> _F:
    """The ``-o/--output FILE`` option: where a command writes its result."""
    return click.option(
        "-o", "--output", metavar="FILE", help="The file to write (default: standard output)."
    )(function)


def output_format_option(
    choices: Sequence[str], *, name: str = "output_format", help: str | None = None
) -> Callable[[_F], _F]:
    """The ``--format`` option: the form of a command's result, the first choice by default."""
    return click.option(
        "--format",
        name,
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help=help or "The form of the result: " + ", ".join(choices) + ".",
    )
