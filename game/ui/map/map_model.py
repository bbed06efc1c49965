"""The county map's layout: rows by kind, a tidy tree, and far-away subtrees folded away.

Pure Python over the seat view's public `Directory` (no Qt), so that a province of 40,000
units lays out only the few hundred nodes near the player: every unit the player does not look
into is a single node, and its folded children one summary node below it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.workshop.directory import Directory

KIND_ORDER = ("province", "city", "county", "bureau", "township", "subdistrict", "village")
ROW_ORDER = ("province", "bureau@province", "city", "bureau@city", "county", "bureau@county",
             "township", "village")
#: Below this many units everything is unfolded.
SMALL = 400


@dataclass(frozen=True)
class Summary:
    """A folded subtree: the unit whose children it stands for, and how many of each kind."""

    parent: str
    counts: tuple[tuple[str, int], ...]


@dataclass
class Placement:
    """Where everything goes, in slot units (x) and row numbers (y)."""

    units: dict[str, tuple[float, int]] = field(default_factory=dict)
    summaries: dict[str, tuple[float, int]] = field(default_factory=dict)
    rows: int = 0
    width: float = 0.0


class MapLayout:
    """Which units the map shows, and where.

    Args:
        directory: the seat view's directory (its units' `parent` make the tree).
        focus: the player's unit: its ancestors are unfolded, far subtrees folded.
        small: hierarchies up to this size are shown whole.
    """

    def __init__(self, directory: Directory, focus: str, small: int = SMALL) -> None:
        self.directory = directory
        self.focus = focus
        self._kind = {u.id: u.kind for u in directory.units}
        self._parent = {u.id: u.parent for u in directory.units}
        self.children: dict[str, list[str]] = {u.id: [] for u in directory.units}
        self.roots: list[str] = []
        for unit in directory.units:
            (self.children[unit.parent] if unit.parent is not None else self.roots).append(unit.id)
        self._counts: dict[str, dict[str, int]] = {}
        self._count_all()
        if len(directory.units) <= small:
            self.expanded = {u for u, kids in self.children.items() if kids}
        else:
            self.expanded = set(self.path_to_top(focus))

    # ----- the tree -----------------------------------------------------------------------

    def kind(self, unit: str) -> str:
        """The unit's kind (province, city, county, bureau, township, subdistrict, village)."""
        return self._kind[unit]

    def parent(self, unit: str) -> str | None:
        """The unit's organisational parent (None at the top)."""
        return self._parent[unit]

    def path_to_top(self, unit: str) -> list[str]:
        """The unit and its organisational ancestors, bottom first."""
        path = [unit]
        while (parent := self._parent[path[-1]]) is not None:
            path.append(parent)
        return path

    # ----- folding ------------------------------------------------------------------------

    def _count_all(self) -> None:
        order: list[str] = []
        stack = list(self.roots)
        while stack:
            unit = stack.pop()
            order.append(unit)
            stack.extend(self.children[unit])
        for unit in reversed(order):
            counts: dict[str, int] = {}
            for child in self.children[unit]:
                kind = self.kind(child)
                counts[kind] = counts.get(kind, 0) + 1
                for k, n in self._counts[child].items():
                    counts[k] = counts.get(k, 0) + n
            self._counts[unit] = counts

    def summary(self, unit: str) -> Summary:
        """What lies folded under a unit, by kind in map order."""
        counts = self._counts[unit]
        return Summary(unit, tuple((k, counts[k]) for k in KIND_ORDER if counts.get(k)))

    def folded(self, unit: str) -> bool:
        """Whether the unit has children that are not shown."""
        return bool(self.children[unit]) and unit not in self.expanded

    def toggle(self, unit: str) -> bool:
        """Fold or unfold a unit's children; returns whether it is now unfolded."""
        if not self.children[unit]:
            return False
        if unit in self.expanded:
            self.expanded.discard(unit)
            return False
        self.expanded.add(unit)
        return True

    def visible(self) -> list[str]:
        """The units shown, parents before children."""
        shown: list[str] = []
        stack = list(reversed(self.roots))
        while stack:
            unit = stack.pop()
            shown.append(unit)
            if unit in self.expanded:
                stack.extend(reversed(self.children[unit]))
        return shown

    def anchor(self, unit: str) -> tuple[str, bool]:
        """The shown node standing for `unit`: itself (True) or the folded ancestor (False)."""
        path = self.path_to_top(unit)
        for above in reversed(path[1:]):
            if above not in self.expanded:
                return above, False
        return unit, True

    # ----- placing ------------------------------------------------------------------------

    def row_key(self, unit: str) -> str:
        """The map row a unit sits on: its kind, bureaus by the government they belong to."""
        kind = self.kind(unit)
        if kind == "subdistrict":
            return "township"
        if kind == "bureau":
            parent = self.parent(unit)
            return f"bureau@{self.kind(parent) if parent else 'county'}"
        return kind

    def place(self) -> Placement:
        """Positions of the shown units and of the summaries of folded ones."""
        shown = self.visible()
        keys = {u: self.row_key(u) for u in shown}
        used = {keys[u] for u in shown} | {self._summary_row(u) for u in shown if self.folded(u)}
        rows = [r for r in ROW_ORDER if r in used]
        placement = Placement(rows=len(rows))
        widths: dict[str, float] = {}
        for unit in reversed(shown):
            widths[unit] = self._width(unit, widths)
        left = 0.0
        for root in self.roots:
            self._place(root, left, widths, rows, placement)
            left += widths[root]
        placement.width = left
        return placement

    def _summary_row(self, unit: str) -> str:
        bureaus, line = self._split(unit)
        return self.row_key(line[0] if line else bureaus[0])

    def _split(self, unit: str) -> tuple[list[str], list[str]]:
        kids = self.children[unit]
        bureaus = [c for c in kids if self.kind(c) == "bureau"]
        return bureaus, [c for c in kids if self.kind(c) != "bureau"]

    def _width(self, unit: str, widths: dict[str, float]) -> float:
        if unit not in self.expanded or not self.children[unit]:
            return 1.0
        bureaus, line = self._split(unit)
        spread = len(bureaus) + (len(bureaus) % 2)
        return max(1.0, sum(widths[c] for c in line), float(spread))

    def _place(self, unit: str, left: float, widths: dict[str, float], rows: list[str],
               placement: Placement) -> None:
        width = widths[unit]
        centre = left + width / 2
        placement.units[unit] = (centre, rows.index(self.row_key(unit)))
        if self.folded(unit):
            placement.summaries[unit] = (centre, rows.index(self._summary_row(unit)))
            return
        if unit not in self.expanded:
            return
        bureaus, line = self._split(unit)
        # Bureaus sit half a slot off the centre, clear of the trunk to the townships below.
        for offset, bureau in zip(_offsets(len(bureaus)), bureaus, strict=True):
            placement.units[bureau] = (centre + offset, rows.index(self.row_key(bureau)))
        cursor = left + (width - sum(widths[c] for c in line)) / 2
        for child in line:
            self._place(child, cursor, widths, rows, placement)
            cursor += widths[child]


def _offsets(count: int) -> list[float]:
    """Half-slot offsets around a centre, never the centre itself: -0.5, +0.5, -1.5, ..."""
    half = [0.5 + i for i in range((count + 1) // 2)]
    ordered = sorted([-h for h in half] + half)
    if count % 2:
        ordered.remove(half[-1])
    return ordered
