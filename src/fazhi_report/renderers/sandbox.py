"""The bounded immutable sandbox templates from untrusted places run in: what a template may build
and call, and which files it may reach."""

from __future__ import annotations

import os
import re
import types
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import jinja2
import jinja2.sandbox

from fazhi_report.errors import TemplateError
from fazhi_report.renderers.autoescape import EscapeFollowsParent

__all__ = ["SANDBOX_MAX_POWER_BITS", "SANDBOX_MAX_SIZE"]

SANDBOX_MAX_SIZE = 10_000_000
"""The most characters (or items) a sandboxed template may build in one value or output."""

SANDBOX_MAX_POWER_BITS = 4096
"""The most bits the result of ``**`` may have in a sandboxed template."""

# Model methods a template may call: they read and never change the report.
_READ_ONLY_METHODS = frozenset({"walk"})
# str methods and filters that pad a string to a width the template chooses
_PADDING = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})
# the widths and precisions of a %-format: "%9999999s"
_PERCENT_WIDTH = re.compile(r"%[-#0 +]*(\d+|\*)?(?:\.(\d+|\*))?")


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


class LimitedSandbox(EscapeFollowsParent, jinja2.sandbox.ImmutableSandboxedEnvironment):
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


def bounded_filter(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    """A sandbox's version of a padding or formatting filter, refusing oversized results."""

    def bounded(value: Any, *args: Any, **kwargs: Any) -> Any:
        if name == "format":
            _check_format(value, args)
        else:
            _check_width(args[0] if args else kwargs.get("width", 0))
        return original(value, *args, **kwargs)

    return bounded


class ConfinedLoader(jinja2.FileSystemLoader):
    """A folder loader that refuses files whose real path lies outside the folder (symlinks)."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        source, filename, uptodate = super().get_source(environment, template)
        root = os.path.realpath(self.searchpath[0])
        if os.path.commonpath([root, os.path.realpath(filename)]) != root:
            raise jinja2.TemplateNotFound(template, f"{template} leads outside {root}")
        return source, filename, uptodate


def bounded_output(template: jinja2.Template, context: Mapping[str, Any]) -> str:
    """Render ``template``, stopping once the output passes the sandbox's size limit."""
    pieces: list[str] = []
    size = 0
    for piece in template.generate(context):
        size += len(piece)
        if size > SANDBOX_MAX_SIZE:
            raise _too_big(size)
        pieces.append(piece)
    return "".join(pieces)
