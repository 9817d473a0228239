"""Formats from other packages: `Format` records named by entry points, read on demand.

A plugin's record is read only when its name is asked for, when a suffix or magic bytes match
no format already known, or when all formats are listed. One that fails to load is a
`PluginError` naming it, raised again each time it is asked for, and never stops other formats
from working.
"""

from __future__ import annotations

import warnings
from importlib.metadata import EntryPoint, entry_points

import attrs

from fazhi_report.errors import PluginError
from fazhi_report.registry import table
from fazhi_report.registry.records import Format

__all__ = ["ENTRY_POINT_GROUP", "PluginWarning"]

ENTRY_POINT_GROUP = "fazhi_report.formats"
"""The entry-point group other packages declare their `Format` records in."""


class PluginWarning(UserWarning):
    """A plugin format that could not be loaded while listing all formats."""


_PLUGINS: dict[str, EntryPoint] | None = None


def declared() -> dict[str, EntryPoint]:
    """The plugin formats declared by installed packages, by name (not loaded)."""
    global _PLUGINS
    if _PLUGINS is None:
        _PLUGINS = {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}
    return _PLUGINS


def _where(ep: EntryPoint) -> str:
    dist = getattr(ep, "dist", None)
    package = f" of the package {dist.name!r}" if dist is not None else ""
    return f"the plugin format {ep.name!r} ({ep.value}{package})"


def load(name: str) -> Format | None:
    """Read the record of plugin ``name`` into the table; ``None`` when no plugin has it."""
    if name in table.BROKEN:
        raise table.BROKEN[name]
    ep = declared().get(name)
    if ep is None:
        return None
    try:
        fmt = ep.load()
    except Exception as exc:
        error = PluginError(
            f"{_where(ep)} cannot be loaded: {type(exc).__name__}: {exc}",
            expected="an importable module:attr naming a fazhi_report.Format",
        )
        table.BROKEN[name] = error
        raise error from None
    if not isinstance(fmt, Format):
        error = PluginError(
            f"{_where(ep)} names a {type(fmt).__name__}, not a Format",
            expected="a fazhi_report.Format record",
        )
        table.BROKEN[name] = error
        raise error
    if fmt.name != name:
        fmt = attrs.evolve(fmt, name=name)  # the entry point's name is the one users type
    table.FORMATS[name] = fmt
    table.FROM_PLUGINS.add(name)
    return fmt


def load_all() -> None:
    """Read every plugin record not read yet; a broken one is warned about and skipped."""
    for name in declared():
        if name not in table.FORMATS:
            try:
                load(name)
            except PluginError as exc:
                warnings.warn(str(exc), PluginWarning, stacklevel=3)


def reset() -> None:
    """Forget what was read of installed plugins (after installing one at run time)."""
    global _PLUGINS
    _PLUGINS = None
    table.BROKEN.clear()
    for name in table.FROM_PLUGINS:
        del table.FORMATS[name]
        table.forget(name)
    table.FROM_PLUGINS.clear()
