"""An item's relevance for (area, audience): local or province-wide, the audience's weight,
explainable; ranking by it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

from ..model.dataset import Dataset
from ..model.records import (
    Audience,
)
from .areas import is_broad

T = TypeVar("T")

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Relevance:
    """Why an item is on the page: shown to the office staff, never printed."""

    weight: Decimal  # the audience's highest weight over the item's topics
    local: bool
    topics: tuple[tuple[str, Decimal], ...]  # every topic of the item with its weight
    areas: tuple[str, ...]  # the item's areas inside the meeting's scope
    broad: bool = False  # it names most areas: province-wide, not local
    priority: int | None = None  # position in the audience's ``first`` list
    pinned: bool = False  # the office chose it (editorial)
    stale: bool = False  # a figure of an earlier period than the session's
    note: str = ""  # the office's reason for a pin

    def sort_key(self) -> tuple[int, int, int, Decimal]:
        return (0 if self.pinned else 1, 0 if self.local else 1,
                self.priority if self.priority is not None else 10**6, -self.weight)

    @property
    def main_weight(self) -> Decimal:
        """The weight of the item's first topic: a point must be about what the audience
        weighs, not merely mention it."""
        return self.topics[0][1] if self.topics else ZERO


@dataclass(frozen=True, slots=True)
class Ranked(Generic[T]):
    item: T
    relevance: Relevance
    index: int  # order in the data, the tie-break


def relevance(topics: Iterable[str], areas: Iterable[str], scope: set[str],
              audience: Audience, ds: Dataset | None = None, cites: Iterable[str] = ()
              ) -> Relevance:
    listed = list(dict.fromkeys(topics))
    weighted = tuple((t, audience.weight(t)) for t in listed)
    weight = max((w for _t, w in weighted), default=ZERO)
    all_areas = list(dict.fromkeys(areas))
    local_areas = tuple(a for a in all_areas if a in scope)
    broad = bool(ds is not None and local_areas and is_broad(ds, all_areas))
    wanted = {code: i for i, code in enumerate(audience.first)}
    hits = [wanted[c] for c in (*listed, *cites) if c in wanted]
    return Relevance(weight, bool(local_areas) and not broad, weighted, local_areas, broad,
                     min(hits) if hits else None)


def rank(items: Sequence[T], topics: Callable[[T], Iterable[str]],
         areas: Callable[[T], Iterable[str]], scope: set[str], audience: Audience,
         ds: Dataset | None = None, cites: Callable[[T], Iterable[str]] = lambda _i: ()
         ) -> list[Ranked[T]]:
    ranked = [Ranked(item, relevance(topics(item), areas(item), scope, audience, ds, cites(item)),
                     i) for i, item in enumerate(items)]
    ranked.sort(key=lambda r: (*r.relevance.sort_key(), r.index))
    return ranked

