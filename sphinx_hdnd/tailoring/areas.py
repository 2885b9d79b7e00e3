"""Areas for tailoring: an area's scope (inside, above, replaced), its siblings, what is
province-wide; the audiences of an area."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..model.applicability import applies
from ..model.dataset import Dataset
from ..model.records import Area, Audience

#: an item naming this share of the areas of one level (and at least BROAD_MIN) is province-wide
BROAD_SHARE = 0.5
BROAD_MIN = 3


def descendants(ds: Dataset, code: str) -> set[str]:
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
    out: list[str] = []
    cur = ds.areas[code].parent if code in ds.areas else None
    while cur is not None and cur in ds.areas and cur not in out:
        out.append(cur)
        cur = ds.areas[cur].parent
    return out


def area_scope(ds: Dataset, code: str) -> set[str]:
    """The area codes whose items count as local to ``code``."""
    own = {code} | descendants(ds, code)
    scope = own | set(ancestors(ds, code))
    # old areas that were replaced by this area (or by areas inside it)
    for a in ds.areas.values():
        if own & set(a.successors):
            scope.add(a.code)
    return scope


def siblings(ds: Dataset, area: Area) -> list[Area]:
    """The areas of the same level: same parent, and all current or all former."""
    former = area.valid_to is not None
    return [a for a in ds.areas.values()
            if a.parent == area.parent and (a.valid_to is not None) == former]


def is_broad(ds: Dataset, areas: Iterable[str]) -> bool:
    """Whether a list of areas names most of one level (a province-wide enumeration)."""
    named = [ds.areas[a] for a in dict.fromkeys(areas) if a in ds.areas]
    groups = Counter((a.parent, a.valid_to is not None) for a in named)
    for a in named:
        n = groups[(a.parent, a.valid_to is not None)]
        if n >= BROAD_MIN and n >= BROAD_SHARE * len(siblings(ds, a)):
            return True
    return False


def audiences_for(ds: Dataset, area: str, exclude: Iterable[str] = ()) -> list[Audience]:
    """The audiences that have a briefing in ``area``, in display order."""
    skip = set(exclude)
    return [a for a in sorted(ds.audiences.values(), key=audience_order)
            if a.code not in skip and applies(ds, area, a)]


def audience_order(aud: Audience) -> tuple[int, str]:
    return (aud.order if aud.order is not None else 10**6, aud.code)

