"""What every command is built from: exit statuses, the command class, the lazy group.

The program is a `LazyGroup`: a table names each command's module and object
(``"fazhi_report.cli.convert:command"``) with its one-line summary, and a command's module is
imported only when that command runs or shows its own help. The program's help lists the
names and summaries from the table, so ``fazhi-report --help`` imports no command module (the
shape of click's "lazily loading subcommands" example).
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple, TypeVar

import click

__all__ = [
    "CONTEXT",
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "PROG",
    "Command",
    "CommandEntry",
    "LazyGroup",
    "command",
]

PROG = "fazhi-report"
"""The program's name, as messages and usage lines give it."""
EXIT_OK = 0
"""Every input done (or skipped because its output existed)."""
EXIT_FAILED = 1
"""At least one input or output failed; each failure was reported with its reason."""
EXIT_USAGE = 2
"""A usage error: an unknown option, a missing argument, a value not among the choices."""
EXIT_INTERRUPTED = 130
"""Interrupted by Ctrl-C (128 + SIGINT, as shells report it)."""

CONTEXT: dict[str, Any] = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
"""The context settings of the program and of every command."""

_F = TypeVar("_F", bound=Callable[..., Any])


class Command(click.Command):
    """A command whose description may be computed when shown (from the format table)."""

    def __init__(self, *args: Any, describe: Callable[[], str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.describe = describe

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Compute the description, when it is computed, then write it as click does."""
        if self.describe is not None:
            self.help = self.describe()
        super().format_help_text(ctx, formatter)


def command(
    name: str,
    *,
    epilog: str,
    describe: Callable[[], str] | str | None = None,
    summary: str | None = None,
) -> Callable[[_F], Command]:
    """Make a function a ``fazhi-report`` command (not yet part of the program).

    The function gets every argument and option as a keyword (``quiet`` and ``verbose``
    included: every command has ``-q/--quiet`` and ``-v/--verbose``) and returns the exit
    status (`EXIT_OK`, `EXIT_FAILED`). A command module names its command in the program's
    table (`fazhi_report.cli.COMMANDS`), which holds its summary; `fazhi_report.cli.subcommand`
    adds one at run time instead.

    Args:
        name: the command's name.
        epilog: examples, shown verbatim after the options.
        describe: the full description, or a function computing it when the help is shown
            (to list formats from the table); the summary when ``None``.
        summary: one line for the program's list of commands; by default the table's.
    """

    def decorate(function: _F) -> Command:
        params: list[click.Parameter] = list(reversed(getattr(function, "__click_params__", [])))
        params += [
            click.Option(
                ["-q", "--quiet"],
                is_flag=True,
                help="Report only failures: no progress, no summary.",
            ),
            click.Option(
                ["-v", "--verbose"],
                is_flag=True,
                help="Also report each file done, with its time.",
            ),
        ]
        return Command(
            name,
            callback=function,
            params=params,
            help=describe if isinstance(describe, str) else summary,
            short_help=summary,
            epilog="\b\n" + epilog,
            context_settings=CONTEXT,
            describe=describe if callable(describe) else None,
        )

    return decorate


class CommandEntry(NamedTuple):
    """One row of the program's table of commands.

    Attributes:
        target: ``"module:attr"``, the command object, imported when the command is used.
        summary: the line the program's help shows for it, without importing it.
    """

    target: str
    summary: str


class LazyGroup(click.Group):
    """A group whose commands come from a table and are imported on first use.

    Commands added with ``add_command`` (at run time) come after the table's and take the
    place of a table row of the same name. Commands are listed in table order.
    """

    def __init__(self, *args: Any, table: Mapping[str, CommandEntry], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.table = table
        self._loaded: dict[str, click.Command] = {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        """The table's names, then those added at run time."""
        return [*self.table, *(name for name in self.commands if name not in self.table)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command called ``cmd_name``, importing its module the first time."""
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        if cmd_name not in self.table:
            return None
        if cmd_name not in self._loaded:
            self._loaded[cmd_name] = self._load(cmd_name)
        return self._loaded[cmd_name]

    def _load(self, name: str) -> click.Command:
        entry = self.table[name]
        module_name, _, attr = entry.target.partition(":")
        found: object = importlib.import_module(module_name)
        for piece in attr.split("."):
            found = getattr(found, piece)
        if not isinstance(found, click.Command):
            raise TypeError(f"{entry.target} is a {type(found).__name__}, not a click command")
        if found.short_help is None:
            found.short_help = entry.summary  # the summary is written once, in the table
        if found.help is None:
            found.help = entry.summary
        return found

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The list of commands, summaries from the table: no command module is imported."""
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            if name in self.table and name not in self.commands:
                # as click shows a command's short help: whole, however long
                rows.append((name, inspect.cleandoc(self.table[name].summary).strip()))
                continue
            found = self.get_command(ctx, name)
            if found is not None and not found.hidden:
                rows.append((name, found.get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)
