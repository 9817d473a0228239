"""Which faces of a font set this machine has, and what stands in for each (`check_fonts`).

Told through fontconfig (``fc-list``, ``fc-match``), which Linux and most Unix machines have;
where it is missing, whether a face is installed is ``None``: not known, never guessed.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from collections.abc import Mapping

import attrs

from fazhi_report.renderers.docx.fonts import ALTERNATES
from fazhi_report.renderers.docx.options import resolve_fonts

__all__ = ["FontCheck", "check_fonts", "missing_fonts"]


@attrs.frozen
class FontCheck:
    """Whether this machine has the face of one role, and what stands in for it.

    Attributes:
        role: the role (``"body"``, ``"heading1"``…).
        face: the face the role is set in.
        installed: whether this machine has it; ``None`` where that cannot be told (no
            fontconfig, as on Windows and macOS without it).
        fallback: the face this machine sets instead (fontconfig's match), ``None`` when the
            face is installed or when that cannot be told.
    """

    role: str
    face: str
    installed: bool | None
    fallback: str | None


@functools.lru_cache(maxsize=1)
def _installed_families() -> frozenset[str] | None:
    # fontconfig lists every family under all its names ("Noto Serif CJK SC,Noto Serif CJK
    # SC Black"): each name counts
    listed = _fontconfig("fc-list", "--format", "%{family}\n")
    if listed is None:
        return None
    return frozenset(name.strip() for line in listed.splitlines() for name in line.split(","))


@functools.lru_cache(maxsize=64)
def _fallback(face: str) -> str | None:
    matched = _fontconfig("fc-match", "--format", "%{family}", f"{face}:lang=zh-cn")
    if matched is None:
        return None
    return matched.split(",")[0].strip() or None


def _fontconfig(*command: str) -> str | None:
    """What a fontconfig tool prints, or ``None`` when it is not installed or fails."""
    if shutil.which(command[0]) is None:
        return None
    try:
        return subprocess.run(
            list(command), capture_output=True, text=True, check=True, timeout=30
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None


def check_fonts(fonts: Mapping[str, str] | str | None = None) -> list[FontCheck]:
    """Which faces of a font set this machine has, role by role, and what each falls back to.

    Args:
        fonts: ``None`` or ``"official"`` for the GB/T 9704 faces (`DEFAULT_FONTS`),
            ``"open"`` for `OPEN_FONTS`, or a mapping of roles to faces over the defaults (as
            the DOCX renderer's ``fonts=`` takes).

    A face counts as installed when fontconfig lists a family of that name; without
    fontconfig `FontCheck.installed` is ``None``. An alternate (仿宋 for 仿宋_GB2312) is not
    the face: it is what a reader's Word would substitute, shown as the fallback.
    """
    chosen = resolve_fonts(fonts)
    families = _installed_families()
    found = []
    for role, face in chosen.items():
        installed = None if families is None else face in families
        fallback = None
        if installed is False:
            alternate = ALTERNATES.get(face)
            while alternate is not None and alternate not in families:  # type: ignore[operator]
                alternate = ALTERNATES.get(alternate)
            fallback = alternate or _fallback(face)
        found.append(FontCheck(role, face, installed, fallback))
    return found


def missing_fonts(fonts: Mapping[str, str] | str | None = None) -> str | None:
    """A one-line warning naming the Chinese faces of a font set this machine lacks (and what
    stands in for each), or ``None`` when it has them all or cannot tell.

    For a program that writes Word files to say once, before the first: the file is right
    where the faces are installed, but what this machine shows, or turns into PDF, sets others.
    """
    missing = [c for c in check_fonts(fonts) if c.installed is False and c.role != "latin"]
    if not missing:
        return None
    faces = {c.face: c.fallback for c in missing}  # one face may serve several roles
    shown = ", ".join(f"{face} (→ {alt})" if alt else face for face, alt in faces.items())
    return (
        f"this machine lacks {shown}: the Word file is right where they are installed, but "
        "here (and in a PDF made here) others stand in; see `fazhi-report fonts`, or "
        "fonts='open' for faces your distribution ships"
    )
