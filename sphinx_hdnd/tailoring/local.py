"""The area's own indicators (with its rank among its peers) and stale periods."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..model.dataset import Dataset
from ..model.measures import measure_index
from ..model.places import former_areas
from ..model.records import (
    Indicator,
)
from .areas import descendants, siblings

#: no rank is given among fewer areas than this
RANK_MIN_PEERS = 3


@dataclass(frozen=True, slots=True)
class LocalIndicator:
    indicator: Indicator
    province: Indicator | None  # the province-wide figure of the same name and period
    rank: int | None  # among the areas that report it (1 = best); None below RANK_MIN_PEERS
    of: int  # areas with data
    level: int = 0  # areas of that level, with or without data
    tied: int = 1  # areas sharing this value (itself included)
    highest: bool = False  # the largest value among the areas with data
    lowest: bool = False


def local_codes(ds: Dataset, area: str) -> list[str]:
    """The places whose figures are the area's own: itself, the areas inside it, then the
    former areas that these replaced."""
    codes = [area, *sorted(descendants(ds, area))]
    codes += [old.code for code in list(codes) for old in former_areas(ds, code)]
    return list(dict.fromkeys(codes))


def local_indicators(ds: Dataset, area: str) -> list[LocalIndicator]:
    """The area's own figures, those of the areas inside it (an electoral unit shows its
    communes'), then those of the former areas they replaced (an old district's figures
    reach its communes), each with the province figure and its rank among its peers."""
    out = []
    index = measure_index(ds)
    codes = local_codes(ds, area)
    for ind in (i for code in codes for i in index.by_area.get(code, [])):
        m = index.of(ind)
        values = [p.value for p in m.peers if p.value is not None]
        own = ds.areas.get(ind.area or "")
        level = len(siblings(ds, own)) if own else len(values)
        value = ind.value
        if _rest_are_none(ind, m.province, values, level):
            values = [*values, *[Decimal(0)] * (level - len(values))]
        ranked = len(values) >= RANK_MIN_PEERS and value is not None
        out.append(LocalIndicator(
            ind, m.province, _rank(value, values, ind.higher_is_better) if ranked else None,
            len(values), level, values.count(value) if ranked and value is not None else 1,
            ranked and value == max(values), ranked and value == min(values)))
    return out


def _rest_are_none(ind: Indicator, province: Indicator | None, values: list[Decimal],
                   level: int) -> bool:
    """Whether the areas without a row have none of a counted thing: the rows add up to
    the province's count (06 outbreaks in 2023, all in the five districts listed), so the
    other districts had 0, and a place among all of them can be said."""
    return (level > len(values) and not ind.is_rate and province is not None
            and province.value is not None and province.value > 0
            and all(v == v.to_integral_value() and v >= 0 for v in values)
            and sum(values) == province.value)


def _rank(value: Decimal | None, values: list[Decimal], higher_is_better: bool) -> int | None:
    """Competition rank among ``values`` (ties share a place; 1 = best)."""
    if value is None:
        return None
    better = sum(1 for v in values if (v > value if higher_is_better else v < value))
    return better + 1


def years(period: str) -> list[int]:
    return [int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", period)]


def is_stale(ds: Dataset, period: str) -> bool:
    """A figure of a year before the session's own period."""
    found = years(period)
    year = ds.session.period_year if ds.session else None
    return bool(found and year is not None and max(found) < year)

