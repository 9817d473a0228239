"""The Jinja2 environment the template renderers share.

Templates ship in the package (``fazhi_report/templates/<format>/``). A user's template folder
comes first in the search path, so a user overrides one file at a time. Templates from places the
user does not trust run in Jinja's sandbox.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from typing import Any

import jinja2
import jinja2.sandbox

from fazhi_report.errors import TemplateError

__all__ = ["environment", "render_template"]


def environment(
    template_dir: str | os.PathLike[str] | None = None,
    *,
    sandboxed: bool = False,
    autoescape: bool = False,
) -> jinja2.Environment:
    """A Jinja2 environment for the shipped templates, with ``template_dir`` searched first.

    Args:
        template_dir: a folder whose files override the shipped ones of the same relative path
            (e.g. ``text/official.j2``).
        sandboxed: run templates in `jinja2.sandbox.SandboxedEnvironment`; use it for
            templates from places you do not control.
        autoescape: escape HTML in values (the HTML renderer turns it on).
    """
    folder = None if template_dir is None else os.path.abspath(os.fspath(template_dir))
    return _build(folder, sandboxed, autoescape)


@functools.lru_cache(maxsize=32)
def _build(folder: str | None, sandboxed: bool, autoescape: bool) -> jinja2.Environment:
    # One environment per folder and mode: Jinja caches compiled templates in it, and checks a
    # template file's modification time before using its cached form.
    loaders: list[jinja2.BaseLoader] = []
    if folder is not None:
        loaders.append(jinja2.FileSystemLoader(folder))
    loaders.append(jinja2.PackageLoader("fazhi_report", "templates"))
    cls = jinja2.sandbox.SandboxedEnvironment if sandboxed else jinja2.Environment
    return cls(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=autoescape,
        auto_reload=True,
    )


def render_template(
    env: jinja2.Environment,
    name: str,
    context: Mapping[str, Any],
    helpers: Mapping[str, Any] | None = None,
) -> str:
    """Render template ``name`` with ``context``; any template failure is a TemplateError."""
    try:
        template = env.get_template(name)
        return template.render({**(helpers or {}), **context})
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
    except jinja2.TemplateError as exc:
        # undefined names, sandbox violations and the like, raised while rendering
        raise TemplateError(f"template failed: {exc}", source=name) from None
