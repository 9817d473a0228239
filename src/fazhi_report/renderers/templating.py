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
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import re
import types
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs
import jinja2
import jinja2.sandbox

from fazhi_report import official
from fazhi_report.errors import TemplateError
from fazhi_report.model import Paragraph, Table
from fazhi_report.numbering import format_date

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

SANDBOX_MAX_SIZE = 10_000_000
"""The most characters (or items) a sandboxed template may build in one value or output."""

SANDBOX_MAX_POWER_BITS = 4096
"""The most bits the result of ``**`` may have in a sandboxed template."""

SANDBOX_MEMORY = 512 * 1024 * 1024
"""The most memory (bytes) a sandboxed render may take beyond the caller's, where enforced."""

SANDBOX_SECONDS = 10
"""The most CPU (and twice that of wall-clock) seconds a sandboxed render may take."""

# Model methods a template may call: they read and never change the report.
_READ_ONLY_METHODS = frozenset({"walk"})
# str methods and filters that pad a string to a width the template chooses
_PADDING = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})
# the widths and precisions of a %-format: "%9999999s"
_PERCENT_WIDTH = re.compile(r"%[-#0 +]*(\d+|\*)?(?:\.(\d+|\*))?")


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


# Autoescaping. Jinja chooses it per template (from the name) but marks a macro's result safe
# by the mode of the template that calls it, so a macro of a text template, called from HTML,
# would hand over its arguments unescaped as trusted markup. A template reached from an escaping
# one is therefore loaded under its name tagged with _ESCAPED: a second compiled copy, escaping.
_BY_NAME = jinja2.select_autoescape(
    enabled_extensions=("html", "htm", "xml", "html.j2", "htm.j2", "xml.j2"),
    default_for_string=False,
    default=False,
)
_ESCAPED = "\x00escaped"  # no file name holds a NUL, so no template is named so by a user


def _escapes(name: str | None) -> bool:
    """Whether the template of this (possibly tagged) name escapes every value it writes."""
    return name is not None and (name.endswith(_ESCAPED) or _BY_NAME(name))


class _EscapeFollowsParent(jinja2.Environment):
    """An environment in which a template imported, included or extended from an escaping
    template escapes too."""

    def join_path(self, template: str, parent: str) -> str:
        """The name to load ``template`` under when ``parent`` asks for it."""
        if _escapes(parent) and not _escapes(template):
            return template + _ESCAPED
        return template


class _Untagging(jinja2.BaseLoader):
    """A loader that reads a name tagged with `_ESCAPED` from the file of its plain name."""

    def __init__(self, inner: jinja2.BaseLoader) -> None:
        self.inner = inner

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        """The source of ``template``, without its tag."""
        if template.endswith(_ESCAPED):
            template = template[: -len(_ESCAPED)]
        return self.inner.get_source(environment, template)

    def list_templates(self) -> list[str]:
        """The templates of the wrapped loader."""
        return self.inner.list_templates()


def _is_table(value: object) -> bool:
    return isinstance(value, Table)


def _is_paragraph(value: object) -> bool:
    return isinstance(value, Paragraph)


def _too_big(size: int) -> TemplateError:
    return TemplateError(
        f"the template builds a value of {size:,} characters or items, over the sandbox's "
        f"limit of {SANDBOX_MAX_SIZE:,}",
        expected="a template that builds less",
    )


def _check_format(template: str, args: Any) -> None:
    """Refuse a %-format whose widths or precisions would build an oversized string."""
    if not isinstance(template, str):
        return
    for match in _PERCENT_WIDTH.finditer(template):
        for value in match.groups():
            if value and value != "*" and int(value) > SANDBOX_MAX_SIZE:
                raise _too_big(int(value))
        if "*" in match.group(0):
            values = args if isinstance(args, tuple) else (args,)
            for value in values:
                if isinstance(value, int) and abs(value) > SANDBOX_MAX_SIZE:
                    raise _too_big(abs(value))


class _LimitedSandbox(_EscapeFollowsParent, jinja2.sandbox.ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with bounds on what a template may build and on model calls."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def call_binop(self, context: jinja2.runtime.Context, op: str, left: Any, right: Any) -> Any:
        if op == "**" and isinstance(left, int) and isinstance(right, int) and right > 0:
            bits = max(abs(left).bit_length() - 1, 1) * right if abs(left) > 1 else 1
            if bits > SANDBOX_MAX_POWER_BITS:
                raise TemplateError(
                    f"the template raises a number to a power of about {bits:,} bits, over the "
                    f"sandbox's limit of {SANDBOX_MAX_POWER_BITS:,}",
                    expected="smaller numbers",
                )
        elif op == "*":
            for seq, count in ((left, right), (right, left)):
                if (
                    isinstance(seq, (str, list, tuple))
                    and isinstance(count, int)
                    and len(seq) * count > SANDBOX_MAX_SIZE
                ):
                    raise _too_big(len(seq) * count)
        elif op == "%":
            _check_format(left, right)
        return super().call_binop(context, op, left, right)

    def is_safe_callable(self, obj: Any) -> bool:
        owner = getattr(obj, "__self__", None)
        if (
            isinstance(obj, types.MethodType)
            and attrs.has(type(owner))
            and obj.__name__ not in _READ_ONLY_METHODS
        ):
            return False  # a model method other than a read-only one could change the report
        return super().is_safe_callable(obj)

    def call(
        __self,
        __context: jinja2.runtime.Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        name = getattr(__obj, "__name__", "")
        if isinstance(getattr(__obj, "__self__", None), str) and name in _PADDING:
            _check_width(args[0] if args else kwargs.get("width", 0))
        return super().call(__context, __obj, *args, **kwargs)


def _check_width(width: Any) -> None:
    if isinstance(width, int) and width > SANDBOX_MAX_SIZE:
        raise _too_big(width)


def _bounded_filter(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    """A sandbox's version of a padding or formatting filter, refusing oversized results."""

    def bounded(value: Any, *args: Any, **kwargs: Any) -> Any:
        if name == "format":
            _check_format(value, args)
        else:
            _check_width(args[0] if args else kwargs.get("width", 0))
        return original(value, *args, **kwargs)

    return bounded


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


class _ConfinedLoader(jinja2.FileSystemLoader):
    """A folder loader that refuses files whose real path lies outside the folder (symlinks)."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        source, filename, uptodate = super().get_source(environment, template)
        root = os.path.realpath(self.searchpath[0])
        if os.path.commonpath([root, os.path.realpath(filename)]) != root:
            raise jinja2.TemplateNotFound(template, f"{template} leads outside {root}")
        return source, filename, uptodate


@functools.lru_cache(maxsize=32)
def _build(folder: str | None, files: tuple[str, ...], sandboxed: bool) -> jinja2.Environment:
    # One environment per folder, set of files and mode: Jinja caches compiled templates in it,
    # and checks a template file's modification time before using its cached form; a file
    # added to the folder (which would override a shipped one) makes a new environment.
    loaders: list[jinja2.BaseLoader] = []
    if folder is not None:
        loaders.append(_ConfinedLoader(folder) if sandboxed else jinja2.FileSystemLoader(folder))
    loaders.append(jinja2.PackageLoader("fazhi_report", "templates"))
    cls = _LimitedSandbox if sandboxed else _EscapeFollowsParent
    env = cls(
        loader=_Untagging(jinja2.ChoiceLoader(loaders)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=_escapes,
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
            env.filters[name] = _bounded_filter(name, env.filters[name])
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


def _bounded_output(template: jinja2.Template, context: Mapping[str, Any]) -> str:
    """Render ``template``, stopping once the output passes the sandbox's size limit."""
    pieces: list[str] = []
    size = 0
    for piece in template.generate(context):
        size += len(piece)
        if size > SANDBOX_MAX_SIZE:
            raise _too_big(size)
        pieces.append(piece)
    return "".join(pieces)


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
    if env.sandboxed and _CAN_ISOLATE and not _ISOLATED:
        return _render_isolated(env, name, context)
    return _render_here(env, name, context)


def _render_here(env: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
    try:
        template = env.get_template(name)
        if env.sandboxed:
            return _bounded_output(template, context)
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


try:
    import resource

    _FORK = multiprocessing.get_context("fork")
    _CAN_ISOLATE = True
except (ImportError, ValueError):  # Windows: no fork, no resource limits
    _CAN_ISOLATE = False
# true in the child `run_isolated` forks: its limits already hold, so nothing forks again
_ISOLATED = False


def _address_space() -> int | None:
    """The virtual memory this process holds now, in bytes (Linux), else ``None``."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


def _isolated_child(
    conn: Any, function: Callable[..., Any], args: tuple[Any, ...], name: str
) -> None:
    """Run ``function`` in the forked child under resource limits and send back its result."""
    global _ISOLATED
    _ISOLATED = True  # a sandboxed render inside this child runs here, within these limits
    try:
        held = _address_space()
        if held is not None:
            limit = held + SANDBOX_MEMORY
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        resource.setrlimit(resource.RLIMIT_CPU, (SANDBOX_SECONDS, SANDBOX_SECONDS + 1))
        result: tuple[str, Any] = ("value", function(*args))
    except TemplateError as exc:
        result = ("error", (exc.message, exc.source, exc.line, exc.expected))
    except BaseException as exc:  # MemoryError outside template code, and the like
        result = ("error", (f"template failed: {type(exc).__name__}", name, None, None))
    try:
        conn.send(result)
    except BaseException:
        conn.send(
            ("error", ("template failed: its output could not be sent back", name, None, None))
        )
    conn.close()


def _render_isolated(env: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
    """`_render_here` in a forked child process bounded in memory and time."""
    text: str = run_isolated(_render_here, (env, name, context), source=name)
    return text


def run_isolated(function: Callable[..., Any], args: tuple[Any, ...], *, source: str) -> Any:
    """``function(*args)`` in a forked child bounded as a sandboxed render is.

    The child may use at most `SANDBOX_MEMORY` bytes beyond what this process holds and
    `SANDBOX_SECONDS` seconds of CPU (twice that of wall-clock time); what ``function``
    returns must pickle. Where the system cannot fork (Windows), or when already inside such a
    child, ``function`` runs here. Sandboxed renders and the compiling of a house style for a
    sandboxed read (`fazhi_report.house`) run this way.

    Raises:
        TemplateError: ``function`` raised one, failed otherwise, or ran over a limit;
            ``source`` names the template (or folder) in the message when nothing better does.
    """
    if not _CAN_ISOLATE or _ISOLATED:
        return function(*args)
    receiver, sender = _FORK.Pipe(duplex=False)
    child = _FORK.Process(
        target=_isolated_child, args=(sender, function, args, source), daemon=True
    )
    child.start()
    sender.close()
    result: tuple[str, Any] = ("timeout", None)
    try:
        if receiver.poll(2 * SANDBOX_SECONDS):
            result = receiver.recv()
    except EOFError:
        result = ("died", None)
    finally:
        receiver.close()
        child.join(1)
        if child.is_alive():
            child.kill()
            child.join()
    kind, payload = result
    if kind == "value":
        return payload
    if kind == "error":
        message, where, line, expected = payload
        raise TemplateError(message, source=where, line=line, expected=expected)
    raise TemplateError(
        f"the sandboxed template was stopped: it ran over {SANDBOX_SECONDS} seconds or "
        f"{SANDBOX_MEMORY // (1024 * 1024)} MiB of memory",
        source=source,
        expected="a template that does less",
    )


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
