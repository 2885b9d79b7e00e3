"""Areas for tailoring: an area's scope (inside, above, replaced), its siblings, what is
province-wide; the audiences of an area."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..model.applicability import applies
from ..model.dataset import Dataset
from ..model.places import ancestors, descendants
from ..model.records import Area, Audience

#: an item naming this share of the areas of one level (and at least BROAD_MIN) is province-wide
BROAD_SHARE = 0.5
BROAD_MIN = 3


def area_scope(ds: Dataset, code: str) -> set[str]:
    """The area codes whose items count as local to ``code``."""
    own = {code} | descendants(ds, code)
    scope = own | set(ancestors(ds, code))
    # old areas that were replaced by this area (or by areas inside it)
    for a in ds.areas.values():
        if own & set(a.successors):
            scope.add(a.code)
    return scope


def _depth_and_former(ds: Dataset, area: Area) -> tuple[int, bool]:
    return len(ancestors(ds, area.code)), area.valid_to is not None


def _tier(ds: Dataset, area: Area) -> tuple[int, bool]:
    """An area's level in the province: how deep it sits (a commune inside an electoral
    unit is one down) and whether it is a former area; worked out once per dataset."""
    tiers = ds.derived("area_tiers", lambda: {
        a.code: _depth_and_former(ds, a) for a in ds.areas.values()})
    known = tiers.get(area.code)  # (an area added after the first call is worked out)
    return known if known is not None else _depth_and_former(ds, area)


def siblings(ds: Dataset, area: Area) -> list[Area]:
    """The areas of the same level: as deep in the province, and all current or all
    former. The communes of every electoral unit are one level, not one per unit: a
    commune is ranked among all the communes."""
    tier = _tier(ds, area)
    return [a for a in ds.areas.values() if _tier(ds, a) == tier]


def is_broad(ds: Dataset, areas: Iterable[str]) -> bool:
    """Whether a list of areas names most of one level (a province-wide enumeration)."""
    named = [ds.areas[a] for a in dict.fromkeys(areas) if a in ds.areas]
    groups = Counter(_tier(ds, a) for a in named)
    for a in named:
        n = groups[_tier(ds, a)]
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

