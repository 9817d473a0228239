"""Glyphs into rows (one printed line each), and ruled grids into table rows.

A row is the glyphs that share a baseline, left to right; its text joins CJK characters with
no space and puts one between Latin words, as a reader sees the gaps (a PDF holds positions,
rarely spaces, and Word puts a quarter-em between a digit and a CJK character). A ruled grid
(rules crossing at every cell) is read cell by cell into one row per grid row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from fazhi_report.parsers.pdf._extract import Glyph, Page, Rule

__all__ = ["Row", "page_rows"]

# what makes a font a heading's: 黑体, 楷体 and bold faces, as PDF writers name them
_HEADING_FONT_WORDS = ("hei", "黑", "kai", "楷", "bold", "black", "heavy", "xbs", "demi")


def heading_font(name: str) -> bool:
    """Whether a font's name says it is a heading face (黑体, 楷体, bold)."""
    folded = name.lower()
    return any(word in folded for word in _HEADING_FONT_WORDS)


def narrow(ch: str) -> bool:
    """Whether a character is Latin-like: one with a space between words."""
    return ch < "\u2000"


@attrs.define(eq=False, repr=False)
class Row:
    """One printed line: its text, box, size and the fonts at its two ends."""

    text: str
    x0: float
    x1: float
    y: float
    size: float
    page: int
    first_heading: bool = attrs.field(default=False, kw_only=True)
    last_heading: bool = attrs.field(default=False, kw_only=True)
    red: bool = attrs.field(default=False, kw_only=True)
    cells: tuple[str, ...] | None = attrs.field(default=None, kw_only=True)

    def __repr__(self) -> str:
        return f"Row(p{self.page} {self.x0:.0f}-{self.x1:.0f} y{self.y:.0f} {self.text!r})"


def join_glyphs(glyphs: Sequence[Glyph]) -> str:
    """The text of glyphs on one baseline, left to right, with spaces where a reader sees them."""
    out: list[str] = []
    prev: Glyph | None = None
    for g in glyphs:
        if prev is not None:
            gap = g.x0 - prev.x1
            em = max(prev.size, g.size, 1.0)
            # a typed space is a gap of a quarter em or more; between a Latin character and
            # a CJK one Word and LibreOffice add about a quarter em of their own
            mixed = narrow(prev.text[-1]) != narrow(g.text[0])
            if gap > (0.45 if mixed else 0.2) * em:
                out.append(" ")
        out.append(g.text)
        prev = g
    return "".join(out)


def _dedupe(glyphs: list[Glyph]) -> list[Glyph]:
    """Left to right, without the second copy a writer draws to fake bold (a small offset)."""
    glyphs.sort(key=lambda g: g.x0)
    kept: list[Glyph] = []
    for g in glyphs:
        if kept:
            last = kept[-1]
            if last.text == g.text and abs(g.x0 - last.x0) < 0.3 * max(g.size, 1.0):
                continue
        kept.append(g)
    return kept


def _lines_of(glyphs: Iterable[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped by baseline, top to bottom (PDF y grows upwards)."""
    ordered = sorted(glyphs, key=lambda g: -g.y)
    groups: list[list[Glyph]] = []
    base = 0.0
    for g in ordered:
        if groups and base - g.y < 0.35 * max(g.size, groups[-1][0].size, 1.0):
            groups[-1].append(g)
        else:
            groups.append([g])
            base = g.y
    return [_dedupe(group) for group in groups]


def _row(glyphs: list[Glyph], page: int) -> Row:
    sizes = sorted(g.size for g in glyphs)
    return Row(
        join_glyphs(glyphs),
        glyphs[0].x0,
        max(g.x1 for g in glyphs),
        glyphs[0].y,
        sizes[len(sizes) // 2],
        page,
        first_heading=heading_font(glyphs[0].font),
        last_heading=heading_font(glyphs[-1].font),
        red=all(g.red for g in glyphs),
    )


# -- ruled tables ----------------------------------------------------------------------------

_TOL = 2.0  # points: how far apart two rules may be and still meet


def _positions(values: Iterable[float]) -> list[float]:
    """Distinct coordinates, those closer than the tolerance merged."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _TOL:
            out.append(v)
    return out


def _covers(spans: list[tuple[float, float]], lo: float, hi: float) -> bool:
    """Whether the union of ``spans`` covers ``lo``–``hi`` (within the tolerance)."""
    at = lo
    for a, b in sorted(spans):
        if a > at + _TOL:
            return False
        at = max(at, b)
    return at >= hi - _TOL


class Grid:
    """A ruled table: its column and row boundaries."""

    __slots__ = ("xs", "ys")

    def __init__(self, xs: list[float], ys: list[float]) -> None:
        self.xs = xs  # left to right
        self.ys = ys  # top to bottom (descending y)

    def holds(self, g: Glyph) -> bool:
        mid = (g.x0 + g.x1) / 2
        return self.xs[0] <= mid <= self.xs[-1] and self.ys[-1] <= g.y <= self.ys[0]

    def cell(self, g: Glyph) -> tuple[int, int]:
        mid = (g.x0 + g.x1) / 2
        col = sum(1 for x in self.xs[1:-1] if mid > x)
        row = sum(1 for y in self.ys[1:-1] if g.y < y)
        return row, col


def _grids(rules: list[Rule]) -> list[Grid]:
    """The regular ruled grids among a page's rules: every boundary crosses the whole table.

    A grid with merged cells, one row or one column (a box around text) is not read as a
    table: its text is read as lines.
    """
    hs = [r for r in rules if r.y1 - r.y0 <= 3.0 and r.x1 - r.x0 > 3.0]
    vs = [r for r in rules if r.x1 - r.x0 <= 3.0 and r.y1 - r.y0 > 3.0]
    if len(hs) < 2 or len(vs) < 2:
        return []
    # connected groups of rules that touch
    items = hs + vs
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs, len(hs)):
            if (
                v.x0 - _TOL <= h.x1
                and h.x0 - _TOL <= v.x1
                and v.y0 - _TOL <= h.y1
                and h.y0 - _TOL <= v.y1
            ):
                parent[find(i)] = find(j)
    groups: dict[int, list[Rule]] = {}
    for i, rule in enumerate(items):
        groups.setdefault(find(i), []).append(rule)
    found = []
    for group in groups.values():
        gh = [r for r in group if r.y1 - r.y0 <= 3.0 and r.x1 - r.x0 > 3.0]
        gv = [r for r in group if not (r.y1 - r.y0 <= 3.0 and r.x1 - r.x0 > 3.0)]
        xs = _positions((r.x0 + r.x1) / 2 for r in gv)
        ys = _positions((r.y0 + r.y1) / 2 for r in gh)[::-1]
        if len(xs) < 3 or len(ys) < 3:
            continue  # one column or one row: a frame, not a table
        left, right, top, bottom = xs[0], xs[-1], ys[0], ys[-1]
        regular = all(
            _covers([(r.y0, r.y1) for r in gv if abs((r.x0 + r.x1) / 2 - x) <= _TOL], bottom, top)
            for x in xs
        ) and all(
            _covers([(r.x0, r.x1) for r in gh if abs((r.y0 + r.y1) / 2 - y) <= _TOL], left, right)
            for y in ys
        )
        if regular:
            found.append(Grid(xs, ys))
    return found


def _table_rows(grid: Grid, glyphs: list[Glyph], page: int) -> list[Row]:
    cells: dict[tuple[int, int], list[Glyph]] = {}
    for g in glyphs:
        cells.setdefault(grid.cell(g), []).append(g)
    rows = []
    columns = len(grid.xs) - 1
    for r in range(len(grid.ys) - 1):
        texts = []
        for c in range(columns):
            inside = cells.get((r, c), [])
            texts.append("".join(_joined_lines(inside)))
        if not any(texts):
            continue
        top = grid.ys[r]
        size = max((g.size for c in range(columns) for g in cells.get((r, c), [])), default=0)
        rows.append(
            Row(
                "\t".join(texts),
                grid.xs[0],
                grid.xs[-1],
                top,
                size,
                page,
                cells=tuple(texts),
            )
        )
    return rows


def _joined_lines(glyphs: list[Glyph]) -> list[str]:
    """A cell's lines joined into one text (wrapped lines run on, as in a paragraph)."""
    out: list[str] = []
    for line in _lines_of(glyphs):
        text = join_glyphs(line)
        if out and narrow(out[-1][-1]) and narrow(text[0]):
            out.append(" ")
        out.append(text)
    return out


def page_rows(page: Page, number: int) -> list[Row]:
    """The rows of one page, top to bottom; a ruled grid's rows carry their cells.

    Red glyphs over an image (a seal stamped over the signature) are no text of the report.
    """
    glyphs = page.glyphs
    if page.images and any(g.red for g in glyphs):
        glyphs = [g for g in glyphs if not (g.red and _over_image(g, page.images))]
    grids = _grids(page.rules)
    rows: list[Row] = []
    if grids:
        inside: list[list[Glyph]] = [[] for _ in grids]
        rest = []
        for g in glyphs:
            for n, grid in enumerate(grids):
                if grid.holds(g):
                    inside[n].append(g)
                    break
            else:
                rest.append(g)
        glyphs = rest
        for grid, held in zip(grids, inside, strict=True):
            rows.extend(_table_rows(grid, held, number))
    rows.extend(_row(line, number) for line in _lines_of(glyphs))
    rows.sort(key=lambda r: -r.y)
    return rows


def _over_image(g: Glyph, images: list[tuple[float, float, float, float]]) -> bool:
    mid = (g.x0 + g.x1) / 2
    return any(x0 <= mid <= x1 and y0 <= g.y <= y1 for x0, y0, x1, y1 in images)
