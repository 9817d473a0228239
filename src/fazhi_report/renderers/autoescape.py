"""Autoescaping that follows the template: a template reached from an escaping one escapes too."""

from __future__ import annotations

from collections.abc import Callable

import jinja2
import jinja2.sandbox

__all__ = ["EscapeFollowsParent", "Untagging", "escapes"]

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


def escapes(name: str | None) -> bool:
    """Whether the template of this (possibly tagged) name escapes every value it writes."""
    return name is not None and (name.endswith(_ESCAPED) or _BY_NAME(name))


class EscapeFollowsParent(jinja2.Environment):
    """An environment in which a template imported, included or extended from an escaping
    template escapes too."""

    def join_path(self, template: str, parent: str) -> str:
        """The name to load ``template`` under when ``parent`` asks for it."""
        if escapes(parent) and not escapes(template):
            return template + _ESCAPED
        return template


class Untagging(jinja2.BaseLoader):
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
