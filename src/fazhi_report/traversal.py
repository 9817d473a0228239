"""The one walk over a report, under the name it had: `fazhi_report.model.traversal` is where
it lives.

Kept so ``from fazhi_report.traversal import walk, walk_sections`` works as it did.
"""

from __future__ import annotations

from fazhi_report.model.traversal import (
    Node,
    NodeAt,
    Prune,
    SectionAt,
    field,
    item,
    walk,
    walk_blocks,
    walk_points,
    walk_section,
    walk_sections,
)

__all__ = [
    "Node",
    "NodeAt",
    "Prune",
    "SectionAt",
    "field",
    "item",
    "walk",
    "walk_blocks",
    "walk_points",
    "walk_section",
    "walk_sections",
]
