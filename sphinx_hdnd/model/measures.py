"""Measures: the same figure (name, period, unit) reported by several areas.

A dataset never changes once loaded, so the index is built once per dataset
and kept on it (``Dataset.measure_index``): a page's charts and local figures
are then dictionary lookups instead of scans of every indicator of the
province, which matters when a province has hundreds of communes and every
commune has pages.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from .records import Indicator

if TYPE_CHECKING:  # the dataset keeps the index this module builds
    from .dataset import Dataset

MeasureKey = tuple[str, str, str]


def measure_key(ind: Indicator) -> MeasureKey:
    return (ind.name, ind.period, ind.unit)


def same_measure(a: Indicator, b: Indicator) -> bool:
    return measure_key(a) == measure_key(b)


@dataclass
class Measure:
    """One measure: the first province-wide figure, and every area figure with a value,
    in data order."""

    province: Indicator | None = None
    peers: list[Indicator] = field(default_factory=list)
    #: position of the first peer in the data (measures are listed in that order)
    first: int = -1
    _sorted: list[Decimal] | None = None

    @property
    def areas(self) -> set[str]:
        return {p.area for p in self.peers if p.area is not None}

    def rank(self, ind: Indicator) -> int | None:
        """Competition rank of ``ind`` among the peers (ties share a place: 1, 1, 3;
        1 = best by ``higher_is_better``); None when it has no value or no peer to beat."""
        if ind.value is None or len(self.peers) < 2:
            return None
        if self._sorted is None:
            self._sorted = sorted(p.value for p in self.peers if p.value is not None)
        values = self._sorted
        better = (len(values) - bisect_right(values, ind.value) if ind.higher_is_better
                  else bisect_left(values, ind.value))
        return better + 1


@dataclass
class MeasureIndex:
    by_key: dict[MeasureKey, Measure]
    #: area code -> its indicators with a value, in data order
    by_area: dict[str, list[Indicator]]

    def of(self, ind: Indicator) -> Measure:
        return self.by_key[measure_key(ind)]


def build_measure_index(ds: Dataset) -> MeasureIndex:
    """The measures of ``ds``, by (name, period, unit) and by area."""
    by_key: dict[MeasureKey, Measure] = {}
    by_area: dict[str, list[Indicator]] = {}
    # an old province's figure is neither the province's nor one area's among others
    old_provinces = {p.code for p in ds.province.predecessors} if ds.province else set()
    for n, ind in enumerate(ds.indicators.values()):
        m = by_key.setdefault(measure_key(ind), Measure())
        if ind.area is None:
            if m.province is None:
                m.province = ind
        elif ind.value is not None and ind.area not in old_provinces:
            if not m.peers:
                m.first = n
            m.peers.append(ind)
            by_area.setdefault(ind.area, []).append(ind)
    return MeasureIndex(by_key, by_area)


def measure_index(ds: Dataset) -> MeasureIndex:
    """The measures of ``ds`` (built on first use, then kept on the dataset)."""
    return ds.measure_index


def shared_measures(ds: Dataset, area: str | None = None) -> list[Indicator]:
    """One indicator per measure that two or more areas report (with a value), in data
    order; with ``area``, only the measures that area reports (its own record)."""
    index = measure_index(ds)
    out = []
    for m in sorted(index.by_key.values(), key=lambda m: m.first):
        if not m.peers or len(m.areas) < 2:
            continue
        if area is None:
            out.append(m.peers[0])
        else:
            own = next((p for p in m.peers if p.area == area), None)
            if own is not None:
                out.append(own)
    return out
