"""The installed version of the package, read once for every module that names it."""

from __future__ import annotations

from importlib import metadata

__all__ = ["VERSION"]

try:
    VERSION: str = metadata.version("fazhi-report")
    """The version the installed distribution declares, or ``"0+unknown"``."""
except metadata.PackageNotFoundError:  # run from a source tree that was never installed
    VERSION = "0+unknown"
