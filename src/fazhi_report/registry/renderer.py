"""What a renderer is: the `Renderer` base class every format's writer derives from."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from fazhi_report.errors import OptionError, UnknownStyleError

if TYPE_CHECKING:
    from fazhi_report.model import Report

__all__ = ["Renderer"]


@functools.cache
def _keyword_options(render: Callable[..., Any]) -> frozenset[str] | None:
    # read once a renderer class: inspecting a signature costs more than a short render
    params = inspect.signature(render).parameters.values()
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params):
        return None
    return frozenset(
        p.name for p in params if p.kind is inspect.Parameter.KEYWORD_ONLY and p.name != "style"
    )


class Renderer:
    """Base class of renderers: a report to the text (or bytes) of a document.

    A subclass sets `styles` (the first is the default) and `binary`, and implements
    `render`, declaring its own options as keyword-only parameters with defaults;
    ``fr.render(report, fmt, style=..., **options)`` checks the style and the option names
    before calling it, so a misspelt option is an `OptionError` naming the ones it has.
    """

    styles: ClassVar[tuple[str, ...]] = ("default",)
    """The styles this renderer writes; the first is the default."""
    binary: ClassVar[bool] = False
    """Whether `render` returns ``bytes`` (a binary format) rather than ``str``."""

    render: Callable[..., str | bytes]
    """``render(report, *, style, **options)``: the report in ``style`` (one of `styles`).

    A subclass defines it as a method whose keyword-only parameters after ``style`` are its
    options, with defaults; it returns ``bytes`` when `binary` is true, else ``str``.
    """

    def encoding(self, report: Report) -> str:
        """The encoding `fazhi_report.save` writes text output in by default (UTF-8)."""
        return "utf-8"

    def reads_back(self, report: Report, style: str) -> bool:
        """Whether ``render`` in ``style`` writes the official form, which must read back.

        When true, `fazhi_report.render` and `fazhi_report.save` refuse a report that would
        not (`fazhi_report.roundtrip.ensure_valid`) before calling ``render``; the renderer
        itself never imports the parser. ``False`` by default.
        """
        return False

    def options(self, style: str) -> frozenset[str] | None:
        """The option names ``render`` takes in ``style``; ``None`` when it takes any.

        By default the keyword-only parameters of `render` other than ``style``; a renderer
        whose styles take different options overrides this.
        """
        return _keyword_options(type(self).render)

    def check(self, style: str | None, options: Iterable[str], format_name: str) -> str:
        """The style to render in, after checking ``style`` and the option names.

        Raises:
            UnknownStyleError: ``style`` is not one of `styles`.
            OptionError: an option this renderer does not take in that style.
        """
        chosen = self.styles[0] if style is None else style
        if chosen not in self.styles:
            raise UnknownStyleError(
                f"the {format_name} renderer has no style {style!r}",
                expected="one of: " + ", ".join(self.styles),
            )
        allowed = self.options(chosen)
        if allowed is not None:
            unknown = sorted(set(options) - allowed)
            if unknown:
                takes = ", ".join(sorted(allowed)) or "none"
                raise OptionError(
                    f"the {chosen!r} style of the {format_name} renderer takes no option "
                    + ", ".join(repr(name) for name in unknown),
                    expected=f"its options: {takes}",
                )
        return chosen
