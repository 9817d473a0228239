"""The Jinja2 environment every template renderer shares, and the limits of its sandbox.

Templates ship in the package (``fazhi_report/templates/<format>/``). A user's template folder
comes first in the search path, so a user overrides one file at a time. The official-form rules
of `fazhi_report.official` are registered once on each environment, as filters and globals:

| name | kind | gives |
|---|---|---|
| ``marker`` | filter and global | a section's official marker (``一、``, ``（一）``…) |
| ``heading_stop`` | filter and global | the stop after a run-in heading |
| ``point_marker`` | filter and global | a point's marker (``一是``…) |
| ``point_stop`` | global | the stop after a point's title: ``point_stop(point, last)`` |
| ``date`` | filter and global | a date as ``2026年1月28日`` |
| ``nl`` | global | a line break |
| ``table``, ``paragraph`` | tests | ``{% if block is table %}``: a body holds both |

The inline macros of ``official/inline.j2`` (a heading line, a paragraph's text, a point) are
shared by every format; each format's templates add the block layout (indents, line breaks,
elements) around them, and a renderer written in Python reaches the same macros through
`inline_macros`.

Autoescaping follows the template's name: templates ending in ``.html``, ``.htm`` or ``.xml``
(also before a ``.j2``) escape every value; text templates do not. A template imported,
included or extended by an escaping template escapes too, whatever its name: the shared
``official/inline.j2`` gives plain text to the text, Markdown and DOCX forms and escaped text
inside HTML, from the one file. (Jinja trusts what a macro returns when the template calling it
escapes, whatever the macro's own template did; without this rule the macros of a text template
would put the report's text into a page as markup.)

**The sandbox.** ``sandboxed=True`` runs templates in Jinja's immutable sandbox, for templates
from places you do not control: a template can read the report but cannot change it (no list or
dict methods that modify, no model methods but ``walk``), cannot reach Python internals, and
cannot include files that lie outside its folders (a symbolic link out of the folder is
refused). Where the system allows (POSIX), a sandboxed template also renders in a child process
that can use at most `SANDBOX_MEMORY` bytes of memory beyond what the caller's process holds
and `SANDBOX_SECONDS` seconds, so no template can exhaust the caller's memory or hang it, and
nothing a template keeps (a ``namespace`` in an imported template) outlives its render. Common
excesses are also refused early, with the template's line: a string or list built by
repetition, padding or ``%``-formatting, and the whole output, may hold at most
`SANDBOX_MAX_SIZE` characters or items; ``range`` gives at most 100,000 numbers (Jinja's own
bound); a power may have at most `SANDBOX_MAX_POWER_BITS` bits. Going past any bound is a
`fazhi_report.errors.TemplateError`.

This module is the face of three smaller ones: `fazhi_report.renderers.autoescape` (escaping
that follows the calling template), `fazhi_report.renderers.sandbox` (the bounded sandbox) and
`fazhi_report.renderers.isolation` (the bounded child process, `run_isolated`).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2
import jinja2.sandbox

from fazhi_report import official
from fazhi_report.errors import TemplateError
from fazhi_report.model import Paragraph, Table
from fazhi_report.numbering import format_date
from fazhi_report.renderers.autoescape import EscapeFollowsParent, Untagging, escapes
from fazhi_report.renderers.isolation import (
    SANDBOX_MEMORY,
    SANDBOX_SECONDS,
    can_isolate,
    run_isolated,
)
from fazhi_report.renderers.sandbox import (
    SANDBOX_MAX_POWER_BITS,
    SANDBOX_MAX_SIZE,
    ConfinedLoader,
    LimitedSandbox,
    bounded_filter,
    bounded_output,
)

__all__ = [
    "SANDBOX_MAX_POWER_BITS",
    "SANDBOX_MAX_SIZE",
    "SANDBOX_MEMORY",
    "SANDBOX_SECONDS",
    "environment",
    "inline_macros",
    "render_template",
    "run_isolated",
    "template_folder",
    "template_position",
]


def _helpers() -> tuple[dict[str, Callable[..., Any]], dict[str, Any]]:
    """The filters and globals every environment gets."""
    filters: dict[str, Callable[..., Any]] = {
        "marker": official.heading_marker,
        "heading_stop": official.heading_stop,
        "point_marker": official.point_marker,
        "date": format_date,
    }
    globals_: dict[str, Any] = {
        **filters,
        "point_stop": official.point_stop,
        "nl": "\n",
    }
    return filters, globals_


def _is_table(value: object) -> bool:
    return isinstance(value, Table)


def _is_paragraph(value: object) -> bool:
    return isinstance(value, Paragraph)


def _folder(templates: str | os.PathLike[str]) -> str:
    """The absolute path of a user's template folder, which must exist and be a folder."""
    name = os.fspath(templates)
    if not name:
        raise TemplateError("templates= is an empty path", expected="a folder")
    path = Path(name).absolute()
    if not path.exists():
        raise TemplateError(
            "the template folder does not exist", source=str(path), expected="a folder"
        )
    if not path.is_dir():
        raise TemplateError(
            "the templates= path is a file, not a folder", source=str(path), expected="a folder"
        )
    return str(path)


def template_folder(templates: str | os.PathLike[str]) -> str:
    """The absolute path of a user's template folder, checked as `environment` checks it.

    Raises:
        TemplateError: ``templates`` is empty, does not exist or is not a folder.
    """
    return _folder(templates)


def environment(
    templates: str | os.PathLike[str] | None = None, *, sandboxed: bool = False
) -> jinja2.Environment:
    """A Jinja2 environment for the shipped templates, with ``templates`` searched first.

    Args:
        templates: a folder whose files override the shipped ones of the same relative path
            (e.g. ``text/official.j2``).
        sandboxed: run templates in the bounded immutable sandbox described above.

    Raises:
        TemplateError: ``templates`` does not exist or is not a folder.
    """
    if templates is None:
        return _build(None, (), sandboxed)
    folder = _folder(templates)
    return _build(folder, _snapshot(folder), sandboxed)


def _snapshot(folder: str) -> tuple[str, ...]:
    """The template files in ``folder``, so that adding or removing one makes a new environment."""
    return tuple(sorted(str(p.relative_to(folder)) for p in Path(folder).rglob("*") if p.is_file()))


@functools.lru_cache(maxsize=32)
def _build(folder: str | None, files: tuple[str, ...], sandboxed: bool) -> jinja2.Environment:
    # One environment per folder, set of files and mode: Jinja caches compiled templates in it,
    # and checks a template file's modification time before using its cached form; a file
    # added to the folder (which would override a shipped one) makes a new environment.
    loaders: list[jinja2.BaseLoader] = []
    if folder is not None:
        loaders.append(ConfinedLoader(folder) if sandboxed else jinja2.FileSystemLoader(folder))
    loaders.append(jinja2.PackageLoader("fazhi_report", "templates"))
    cls = LimitedSandbox if sandboxed else EscapeFollowsParent
    env = cls(
        loader=Untagging(jinja2.ChoiceLoader(loaders)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=escapes,
        # the shipped templates never change under a running process: no file-time check
        # before each use; a user's folder is checked, so an edited template is read again
        auto_reload=folder is not None,
    )
    filters, globals_ = _helpers()
    env.filters.update(filters)
    env.globals.update(globals_)
    # `{% if block is table %}`: a body holds paragraphs and tables
    env.tests["table"] = _is_table
    env.tests["paragraph"] = _is_paragraph
    if sandboxed:
        for name in ("center", "format"):
            env.filters[name] = bounded_filter(name, env.filters[name])
    return env


def _template_position(exc: BaseException) -> tuple[str | None, int | None]:
    """The template file and line a failure happened at, from Jinja's rewritten traceback."""
    found: tuple[str | None, int | None] = (None, None)
    tb = exc.__traceback__
    while tb is not None:
        # Jinja rewrites the frames of template code to carry the template's file and line.
        if "__jinja_exception__" in tb.tb_frame.f_globals:
            found = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def template_position(exc: BaseException) -> tuple[str | None, int | None]:
    """The template file and line a failure raised while rendering happened at, if known."""
    return _template_position(exc)


_JOIN_EVERY = 4096  # pieces of output gathered before they are joined into one


def _joined_output(template: jinja2.Template, context: Mapping[str, Any]) -> str:
    """``template.render(context)``, its pieces joined as they come.

    ``render`` keeps every piece the template yields (a line per section of a template that
    loops over them) until the end: for a report of a million headings, a million small
    strings and their pointers, several times the text they make.
    """
    parts: list[str] = []
    pieces: list[str] = []
    for piece in template.generate(context):
        pieces.append(piece)
        if len(pieces) >= _JOIN_EVERY:
            parts.append("".join(pieces))
            pieces.clear()
    parts.append("".join(pieces))
    return "".join(parts)


def render_template(env: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
    """Render template ``name`` with ``context``; every failure is a `TemplateError`.

    The error names the template file and line where the template failed, when Jinja can tell.
    A sandboxed environment renders in a child process with bounded memory and time, where the
    system can fork.
    """
    if env.sandboxed and can_isolate():
        return _render_isolated(env, name, context)
    return _render_here(env, name, context)


def _render_here(env: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
    try:
        template = env.get_template(name)
        if env.sandboxed:
            return bounded_output(template, context)
        return _joined_output(template, context)
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(
            f"template {exc.name!r} not found", source=name, expected="a template file"
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"template syntax error: {exc.message}",
            source=exc.filename or exc.name or name,
            line=exc.lineno,
        ) from None
    except TemplateError as exc:
        where, line = _template_position(exc)
        raise TemplateError(
            exc.message, source=where or name, line=line, expected=exc.expected
        ) from None
    except jinja2.TemplateError as exc:
        # undefined names, sandbox violations and the like, raised while rendering
        where, line = _template_position(exc)
        raise TemplateError(f"template failed: {exc}", source=where or name, line=line) from None
    except RecursionError:
        raise TemplateError(
            "template failed: macros call each other without end",
            source=name,
            expected="macros whose recursion stops",
        ) from None
    except Exception as exc:
        # any other failure inside template code (1/0, range(10**9), a helper refusing a value)
        where, line = _template_position(exc)
        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        raise TemplateError(f"template failed: {detail}", source=where or name, line=line) from exc


def _render_isolated(env: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
    """`_render_here` in a forked child process bounded in memory and time."""
    text: str = run_isolated(_render_here, (env, name, context), source=name)
    return text


def inline_macros(env: jinja2.Environment) -> Any:
    """The inline macros of ``official/inline.j2`` as callables, for renderers written in Python.

    ``inline_macros(env).paragraph_text(paragraph)`` gives the same text the text template
    writes for that paragraph (without indent or line break). A user's ``official/inline.j2``
    in the environment's template folder replaces the shipped one.

    Raises:
        TemplateError: the macros file is missing or malformed, or its top-level code fails
            (in a sandboxed environment, reaching for what the sandbox forbids).
    """
    filename = "official/inline.j2"
    try:
        template = env.get_template(filename)
        filename = template.filename or filename
        try:
            return template.module
        except Exception:
            env.handle_exception()  # raises it again, its traceback naming template lines
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"template {exc.name!r} not found", source=str(exc.name)) from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"template syntax error: {exc.message}", source=exc.filename, line=exc.lineno
        ) from None
    except TemplateError as exc:
        where, line = _template_position(exc)
        raise TemplateError(
            exc.message, source=where or exc.source, line=line, expected=exc.expected
        ) from None
    except Exception as exc:
        # code outside the macros runs when the module is made: a sandbox violation, 1/0…
        where, line = _template_position(exc)
        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        raise TemplateError(
            f"template failed: {detail}", source=where or filename, line=line
        ) from None
