"""Places over time: current areas, the former areas they replaced, old provinces.

After the 2025 reform a province may be two old provinces merged, its districts
abolished and its communes grouped into electoral units. This module answers,
from the data alone, what a page needs to say about a place: its name as the
page prints it ("huyện Lâm Viên (cũ)", "tỉnh Hà Lam (cũ)"), the areas it
contains, the area it belongs to, the former areas it replaced and those that
replaced it. No Sphinx here, and no province named.
"""

from __future__ import annotations

from dataclasses import dataclass

from .dataset import Dataset
from .records import Area, Predecessor


def predecessor(ds: Dataset, code: str | None) -> Predecessor | None:
    """The old province of that code (``province.yaml: predecessors``), if any."""
    if code is None or ds.province is None:
        return None
    return next((p for p in ds.province.predecessors if p.code == code), None)


def place_name(ds: Dataset, code: str | None) -> str | None:
    """What a page calls the place a figure is for: an area ("xã Khe Sim", "huyện Đá
    Mài (cũ)"), an old province ("tỉnh Hải Lam (cũ)"); None for the province itself."""
    if code is None:
        return None
    if code in ds.areas:
        return ds.areas[code].display_name
    old = predecessor(ds, code)
    return old.display_name if old is not None else code


def is_predecessor_figure(ds: Dataset, area: str | None) -> bool:
    return predecessor(ds, area) is not None


def descendants(ds: Dataset, code: str) -> set[str]:
    """Every area below ``code``: its children, their children …"""
    children: dict[str, list[str]] = {}
    for a in ds.areas.values():
        if a.parent:
            children.setdefault(a.parent, []).append(a.code)
    out: set[str] = set()
    stack = [code]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in out:
                out.add(child)
                stack.append(child)
    return out


def ancestors(ds: Dataset, code: str) -> list[str]:
    """The areas above ``code``, nearest first (a commune's electoral unit)."""
    out: list[str] = []
    cur = ds.areas[code].parent if code in ds.areas else None
    while cur is not None and cur in ds.areas and cur not in out:
        out.append(cur)
        cur = ds.areas[cur].parent
    return out


def former_areas(ds: Dataset, code: str) -> list[Area]:
    """The former areas that ``code`` replaced, directly or through another former area,
    in data order ("xã Khe Sim" replaced part of "huyện Đá Mài")."""
    found: list[str] = []
    wanted = {code}
    changed = True
    while changed:
        changed = False
        for a in ds.areas.values():
            if a.is_former and a.code not in found and wanted & set(a.successors):
                found.append(a.code)
                wanted.add(a.code)
                changed = True
    return [a for a in ds.areas.values() if a.code in found]


def successor_areas(ds: Dataset, code: str) -> list[Area]:
    """The areas that replaced a former area, in the order it lists them."""
    area = ds.areas.get(code)
    if area is None:
        return []
    return [ds.areas[s] for s in area.successors if s in ds.areas]


def members(ds: Dataset, code: str) -> list[Area]:
    """The areas directly inside ``code`` (the communes and wards of an electoral unit)."""
    inside = [a for a in ds.areas.values() if a.parent == code]
    return sorted(inside, key=lambda a: (a.order if a.order is not None else 10**6, a.code))


@dataclass(frozen=True)
class Membership:
    """Where an area stands among the others, both ways: what it belongs to and holds,
    what it replaced and what replaced it."""

    area: Area
    parent: Area | None
    members: list[Area]
    replaced: list[Area]  # former areas it took over (wholly or in part)
    replaced_by: list[Area]  # for a former area: the areas that took it over
    #: for an electoral unit: the former areas that its communes replaced
    members_replaced: list[Area]

    @property
    def empty(self) -> bool:
        return not (
            self.parent
            or self.members
            or self.replaced
            or self.replaced_by
            or self.area.seats
            or self.area.election_date
        )


def membership(ds: Dataset, code: str) -> Membership:
    area = ds.areas[code]
    parent = ds.areas.get(area.parent or "")
    inside = members(ds, code)
    seen: list[Area] = []
    for m in inside:
        for old in former_areas(ds, m.code):
            if old not in seen:
                seen.append(old)
    return Membership(area, parent, inside, former_areas(ds, code), successor_areas(ds, code), seen)


def names(areas: list[Area]) -> str:
    """ "xã Khe Sim, phường Bến Gỗ"."""
    return ", ".join(a.display_name for a in areas)


__all__ = [
    "Membership",
    "ancestors",
    "descendants",
    "former_areas",
    "is_predecessor_figure",
    "members",
    "membership",
    "names",
    "place_name",
    "predecessor",
    "successor_areas",
]
