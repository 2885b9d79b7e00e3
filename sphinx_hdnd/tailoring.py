"""Tailoring: what a briefing for one area and one audience contains, and in what order.

Pure and deterministic, no Sphinx. The rule, which each page states:

* an item is **local** when one of its areas is the meeting's area, an area
  inside it, the area it belongs to, or an old area it replaced (so data
  organised by districts still reaches the communes that succeeded them);
* its **weight** is the audience's highest weight over the item's topics;
* items are ordered local first, then by weight, then by their order in the
  data (a stable tie-break, so two builds give the same page);
* "Điểm cần nói" takes the first 3-5 items all of whose topics the audience
  weighs above zero, so a topic it does not weigh never reaches the top;
* province-wide items under :data:`COLLAPSE_BELOW` are shortened, never dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Generic, TypeVar

from .model.area_links import effective_areas
from .model.loader import Dataset
from .model.measures import measure_index
from .model.placeholders import Placeholder, split_text
from .model.records import (
    Area,
    Audience,
    Indicator,
    NarrativeItem,
    Petition,
    Resolution,
)

T = TypeVar("T")

ZERO = Decimal(0)
COLLAPSE_BELOW = Decimal("0.5")
MAX_POINTS = 5
MIN_POINTS = 3


# ------------------------------------------------------------------ areas


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


# ------------------------------------------------------------------ relevance


@dataclass(frozen=True, slots=True)
class Relevance:
    weight: Decimal  # the audience's highest weight over the item's topics
    local: bool
    topics: tuple[tuple[str, Decimal], ...]  # every topic of the item with its weight
    areas: tuple[str, ...]  # the item's areas that made it local

    def sort_key(self) -> tuple[int, Decimal]:
        return (0 if self.local else 1, -self.weight)


@dataclass(frozen=True, slots=True)
class Ranked(Generic[T]):
    item: T
    relevance: Relevance
    index: int  # order in the data, the tie-break

    @property
    def collapsed(self) -> bool:
        return not self.relevance.local and self.relevance.weight < COLLAPSE_BELOW


def relevance(topics: Iterable[str], areas: Iterable[str], scope: set[str],
              audience: Audience) -> Relevance:
    weighted = tuple(sorted(((t, audience.weight(t)) for t in dict.fromkeys(topics)),
                            key=lambda tw: (-tw[1], tw[0])))
    weight = weighted[0][1] if weighted else ZERO
    local_areas = tuple(a for a in dict.fromkeys(areas) if a in scope)
    return Relevance(weight, bool(local_areas), weighted, local_areas)


def rank(items: Sequence[T], topics: Callable[[T], Iterable[str]],
         areas: Callable[[T], Iterable[str]], scope: set[str], audience: Audience
         ) -> list[Ranked[T]]:
    ranked = [Ranked(item, relevance(topics(item), areas(item), scope, audience), i)
              for i, item in enumerate(items)]
    ranked.sort(key=lambda r: (*r.relevance.sort_key(), r.index))
    return ranked


# ------------------------------------------------------------------ local indicators


@dataclass(frozen=True, slots=True)
class LocalIndicator:
    indicator: Indicator
    province: Indicator | None  # the province-wide figure of the same name and period
    rank: int | None  # among the areas that report it (1 = best)
    of: int


def local_indicators(ds: Dataset, area: str) -> list[LocalIndicator]:
    """The area's own figures, and those of the areas inside it (an electoral unit
    shows its communes'), each with the province figure and its rank among peers."""
    out = []
    index = measure_index(ds)
    codes = [area, *sorted(descendants(ds, area))]
    for ind in (i for code in codes for i in index.by_area.get(code, [])):
        m = index.of(ind)
        out.append(LocalIndicator(ind, m.province, m.rank(ind), len(m.peers)))
    return out


# ------------------------------------------------------------------ the briefing


@dataclass(frozen=True, slots=True)
class Point:
    """One talking point: a narrative item, an indicator or a resolution."""

    kind: str  # "item", "indicator", "resolution"
    record: NarrativeItem | Indicator | Resolution
    relevance: Relevance


@dataclass(frozen=True, slots=True)
class Question:
    """A question voters may ask, with the facts to answer it."""

    kind: str  # "petition", "shortcoming", "local"
    subject: NarrativeItem | Petition
    answers: tuple[NarrativeItem, ...] = ()


@dataclass
class Briefing:
    area: Area
    audience: Audience
    scope: set[str]
    points: list[Point] = field(default_factory=list)
    indicators: list[LocalIndicator] = field(default_factory=list)
    local_items: list[Ranked[NarrativeItem]] = field(default_factory=list)
    highlights: list[Ranked[NarrativeItem]] = field(default_factory=list)
    shortcomings: list[Ranked[NarrativeItem]] = field(default_factory=list)
    tasks: list[Ranked[NarrativeItem]] = field(default_factory=list)
    resolutions: list[Ranked[Resolution]] = field(default_factory=list)
    petitions: list[Petition] = field(default_factory=list)
    open_earlier: list[Petition] = field(default_factory=list)
    province_petitions: list[Petition] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)


def _item_topics(item: NarrativeItem) -> list[str]:
    return list(item.topics)


def build_briefing(ds: Dataset, area_code: str, audience_code: str) -> Briefing:
    area, audience = ds.areas[area_code], ds.audiences[audience_code]
    scope = area_scope(ds, area_code)
    links = effective_areas(ds)

    def areas_of(rec: NarrativeItem | Resolution) -> list[str]:
        return links.get(id(rec), list(rec.areas))

    b = Briefing(area, audience, scope)
    n = ds.narrative
    task_items = [i for g in n.tasks for i in g.items]
    b.highlights = rank(n.highlights, _item_topics, areas_of, scope, audience)
    b.shortcomings = rank(n.shortcomings, _item_topics, areas_of, scope, audience)
    b.tasks = rank(task_items, _item_topics, areas_of, scope, audience)
    b.local_items = [r for r in rank([*n.local_items, *n.highlights, *n.shortcomings,
                                      *task_items], _item_topics, areas_of, scope, audience)
                     if r.relevance.local]
    b.resolutions = rank(sorted(ds.resolutions, key=lambda r: r.number or 0),
                         lambda r: r.topics, areas_of, scope, audience)
    b.indicators = local_indicators(ds, area_code)
    b.points = talking_points(ds, b)

    here = [p for p in ds.petitions if p.area in scope]
    # petitions of this audience first, then the others of the area; data order within
    here.sort(key=lambda p: (0 if p.audience == audience_code else 1))
    current = ds.session.code if ds.session else None
    b.petitions = [p for p in here if p.received_session == current or not p.is_open]
    b.open_earlier = [p for p in here if p.is_open and p.received_session != current]
    b.province_petitions = [p for p in ds.petitions if p.area is None]
    b.questions = likely_questions(b)
    return b


def talking_points(ds: Dataset, b: Briefing) -> list[Point]:
    candidates: list[tuple[tuple[int, Decimal], int, Point]] = []
    seen: set[int] = set()
    order = 0
    for ranked in b.local_items:
        seen.add(id(ranked.item))
        candidates.append((ranked.relevance.sort_key(), order,
                           Point("item", ranked.item, ranked.relevance)))
        order += 1
    for li in b.indicators:
        rel = relevance([li.indicator.topic], [li.indicator.area or ""], b.scope, b.audience)
        candidates.append((rel.sort_key(), order, Point("indicator", li.indicator, rel)))
        order += 1
    for ranked in [*b.highlights, *b.shortcomings]:
        if id(ranked.item) not in seen:
            candidates.append((ranked.relevance.sort_key(), order,
                               Point("item", ranked.item, ranked.relevance)))
            order += 1
    for ranked_res in b.resolutions:
        if ranked_res.relevance.local:
            candidates.append((ranked_res.relevance.sort_key(), order,
                               Point("resolution", ranked_res.item, ranked_res.relevance)))
            order += 1
    candidates.sort(key=lambda c: (*c[0], c[1]))
    points: list[Point] = []
    cited: set[str] = set()
    for _key, _position, point in candidates:
        if len(points) == MAX_POINTS or point.relevance.weight <= ZERO:
            continue
        if any(w <= ZERO for _t, w in point.relevance.topics):
            continue  # the audience gives one of its topics no weight: not a headline for them
        rec = point.record
        if isinstance(rec, Indicator) and rec.code in cited:
            continue  # already told by an item that cites it
        if isinstance(rec, NarrativeItem):
            cited.update(rec.cites)
            cited.update(p.code for p in split_text(rec.text) if isinstance(p, Placeholder))
        points.append(point)
    return points


def likely_questions(b: Briefing, limit: int = 6) -> list[Question]:
    out: list[Question] = []
    for pet in [*b.open_earlier, *(p for p in b.petitions if p.is_open)]:
        out.append(Question("petition", pet))
    tasks_by_topic = b.tasks
    for ranked in b.shortcomings:
        if ranked.relevance.weight <= ZERO:
            continue
        topics = set(ranked.item.topics)
        answers = tuple(t.item for t in tasks_by_topic if topics & set(t.item.topics))[:2]
        out.append(Question("shortcoming", ranked.item, answers))
    for ranked in b.local_items:
        if ranked.relevance.weight > ZERO and ranked.item not in [q.subject for q in out]:
            out.append(Question("local", ranked.item))
    return out[:limit]
