"""Tailoring: what a briefing for one area and one audience contains, and in what order.

Pure and deterministic, no Sphinx. The rules, which the page shows the office
staff (never the voters):

* an item is **local** when one of its areas is the meeting's area, an area
  inside it, the area it belongs to, or an old area it replaced (so data
  organised by districts still reaches the communes that succeeded them); an
  item that names most of the areas of one level (half or more, and at least
  three) is **province-wide**: the area's own figure from it is what goes local;
* its **weight** is the audience's highest weight over the item's topics, and
  the audience may name what it wants first (``first``: topics or indicators);
* "Điểm cần nói" takes the office's pinned items, then local points, then
  province-wide points the audience wants first or weighs most, within the
  budget; never two points on the same subject (the same indicator, the same
  named project or place, or near-identical text), never a topic the audience
  gives no weight as a point's main topic; figures of the session's own period
  come before older ones;
* a likely question is answered by a task of the same subject, and an answer
  serves one question; without one the page says the delegate takes note;
* nothing appears twice in one briefing; everything else is in the province
  đề cương, linked.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from decimal import Decimal
from functools import cache
from itertools import pairwise
from typing import Generic, TypeVar

from .model.applicability import applies
from .model.area_links import effective_areas
from .model.dataset import Dataset
from .model.follow_up import follow_up, latest_petitions
from .model.measures import measure_index
from .model.placeholders import Placeholder, split_text
from .model.places import former_areas
from .model.records import (
    Area,
    Audience,
    ChoiceAction,
    Indicator,
    NarrativeItem,
    Petition,
    Resolution,
)

T = TypeVar("T")

ZERO = Decimal(0)
#: an item naming this share of the areas of one level (and at least BROAD_MIN) is province-wide
BROAD_SHARE = 0.5
BROAD_MIN = 3
#: no rank is given among fewer areas than this
RANK_MIN_PEERS = 3
#: two texts sharing this share of their word pairs say the same thing
SAME_TEXT = 0.5
#: how much of its subject words a task must share with a question to answer it
ANSWER_FIT = 0.12
#: a local project's question needs the same project in the answer, and words to match
LOCAL_ANSWER_FIT = 0.4
SAME_SUBJECT_TEXT = 0.2
#: a shortcoming becomes a question for an audience that weighs its main topic this much
QUESTION_WEIGHT = Decimal("0.5")
#: a province-wide resolution is named for an audience that weighs its main topic this much
RESOLUTION_WEIGHT = Decimal("0.9")


@dataclass(frozen=True)
class Budget:
    """How much one briefing holds (``hdnd_briefing_budget`` in ``conf.py``)."""

    points: int = 6  #: talking points ("Điểm cần nói"), 5-7 fit two or three pages
    local_more: int = 2  #: further local items printed in full; the rest listed by title
    petitions: int = 5  #: the area's petitions with their answers and follow-up
    questions: int = 4  #: likely questions with their answers
    resolutions: int = 5  #: resolutions named under the session's results

    @classmethod
    def from_config(cls, value: Mapping[str, object] | None) -> Budget:
        """A budget from configuration; unknown keys or values below 1 raise ValueError."""
        if not value:
            return cls()
        names = {f.name for f in fields(cls)}
        unknown = sorted(set(value) - names)
        if unknown:
            raise ValueError(f"khóa không hợp lệ: {', '.join(unknown)}; cho phép: "
                             f"{', '.join(sorted(names))}")
        out = {}
        for key, raw in value.items():
            if not isinstance(raw, int) or isinstance(raw, bool) or raw < 1:
                raise ValueError(f"“{key}” phải là số nguyên dương (nhận “{raw}”)")
            out[key] = raw
        return cls(**out)  # type: ignore[arg-type]


DEFAULT_BUDGET = Budget()


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


# ------------------------------------------------------------------ relevance


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


# ------------------------------------------------------------------ subjects


WORD = re.compile(r"\w+")


def cited_codes(item: NarrativeItem) -> list[str]:
    return list(dict.fromkeys([*item.cites, *(p.code for p in split_text(item.text)
                                              if isinstance(p, Placeholder))]))


def plain_words(value: str) -> list[str]:
    """The words of a text without its placeholders, lower-cased."""
    pieces = [p for p in split_text(value) if not isinstance(p, Placeholder)]
    return [w.casefold() for w in WORD.findall(" ".join(pieces))]


def _names(value: str) -> list[str]:
    """Runs of two or more capitalised words: "A Pa Chải", "Long Phú", "Nậm Pô"."""
    pieces = " ".join(p for p in split_text(value) if not isinstance(p, Placeholder))
    out, run = [], []
    for word in re.findall(r"[\w]+|[^\w\s]", pieces):
        if word[:1].isupper() and word[:1].isalpha():
            run.append(word)
            continue
        if len(run) >= 2:
            out.append(" ".join(run))
        run = []
    if len(run) >= 2:
        out.append(" ".join(run))
    return out


@dataclass
class Subjects:
    """What each item is about, for telling two items on the same subject apart."""

    ds: Dataset
    #: proper names used by few items: a project or place, not the province's name
    rare: set[str] = field(default_factory=set)
    #: indicators cited together by one item: one subject
    family: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, ds: Dataset) -> Subjects:
        cached = ds.__dict__.get("_hdnd_subjects")
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        items = ds.narrative.all_items()
        common = {n.casefold() for a in ds.areas.values() for n in (a.name, *a.aliases)}
        if ds.province:
            common.add(ds.province.name.casefold())
        counts: Counter[str] = Counter()
        for item in items:
            counts.update({n.casefold() for n in _names(f"{item.title}. {item.text}")})
        limit = max(3, len(items) // 12)
        rare = {n for n, c in counts.items()
                if c <= limit and n not in common and not any(n in x or x in n for x in common)}
        family: dict[str, set[str]] = {}
        for item in items:
            codes = set(cited_codes(item))
            for code in codes:
                family.setdefault(code, set()).update(codes)
        out = cls(ds, rare, family)
        ds.__dict__["_hdnd_subjects"] = out
        return out

    def of_item(self, item: NarrativeItem) -> frozenset[str]:
        keys = {f"item:{item.code}"} | {f"ind:{c}" for c in cited_codes(item)}
        keys |= {f"name:{n.casefold()}" for n in _names(f"{item.title}. {item.text}")
                 if n.casefold() in self.rare}
        return frozenset(keys)

    def of_text(self, value: str) -> frozenset[str]:
        """The rare names in a free text (a petition's words)."""
        return frozenset(f"name:{n.casefold()}" for n in _names(value)
                         if n.casefold() in self.rare)

    def of_indicator(self, ind: Indicator) -> frozenset[str]:
        return frozenset({f"ind:{ind.code}"} | {f"ind:{c}" for c in self.family.get(ind.code, ())})

    def of_resolution(self, res: Resolution) -> frozenset[str]:
        return frozenset({f"res:{res.code}"} | {f"name:{n.casefold()}" for n in _names(res.title)
                                                if n.casefold() in self.rare})


def pairs(words: Sequence[str]) -> set[tuple[str, str]]:
    return set(pairwise(words))


def same_text(a: str, b: str) -> bool:
    """Near-identical texts: most of their word pairs are shared."""
    pa, pb = pairs(plain_words(a)), pairs(plain_words(b))
    if not pa or not pb:
        return False
    return len(pa & pb) / min(len(pa), len(pb)) >= SAME_TEXT


# ------------------------------------------------------------------ local indicators


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
        ranked = len(values) >= RANK_MIN_PEERS and value is not None
        out.append(LocalIndicator(
            ind, m.province, m.rank(ind) if ranked else None, len(values), level,
            values.count(value) if ranked and value is not None else 1,
            ranked and value == max(values), ranked and value == min(values)))
    return out


def years(period: str) -> list[int]:
    return [int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", period)]


def is_stale(ds: Dataset, period: str) -> bool:
    """A figure of a year before the session's own period."""
    found = years(period)
    year = ds.session.period_year if ds.session else None
    return bool(found and year is not None and max(found) < year)


# ------------------------------------------------------------------ the briefing


@dataclass(frozen=True, slots=True)
class Point:
    """One talking point: a narrative item, an indicator or a resolution."""

    kind: str  # "item", "indicator", "resolution"
    record: NarrativeItem | Indicator | Resolution
    relevance: Relevance
    subjects: frozenset[str] = frozenset()
    text: str = ""  # for comparing texts


@dataclass(frozen=True, slots=True)
class Question:
    """A question voters may ask, with the task that answers it (or none)."""

    kind: str  # "shortcoming", "local"
    subject: NarrativeItem
    answer: NarrativeItem | None
    relevance: Relevance

    @property
    def answers(self) -> tuple[NarrativeItem, ...]:
        return (self.answer,) if self.answer is not None else ()


@dataclass
class Briefing:
    area: Area
    audience: Audience
    scope: set[str]
    budget: Budget = DEFAULT_BUDGET
    points: list[Point] = field(default_factory=list)
    indicators: list[LocalIndicator] = field(default_factory=list)
    #: further local items printed in full, then those only named (by title)
    local_items: list[Ranked[NarrativeItem]] = field(default_factory=list)
    local_titles: list[Ranked[NarrativeItem]] = field(default_factory=list)
    resolutions: list[Ranked[Resolution]] = field(default_factory=list)
    resolutions_total: int = 0
    petitions: list[Petition] = field(default_factory=list)  # within budget, in order
    petitions_total: int = 0
    open_earlier: list[Petition] = field(default_factory=list)  # of ``petitions``
    province_petitions: list[Petition] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    dropped: set[str] = field(default_factory=set)

    def printed_items(self) -> list[NarrativeItem]:
        """Every narrative item whose text the briefing prints."""
        out = [p.record for p in self.points if isinstance(p.record, NarrativeItem)]
        out += [r.item for r in self.local_items]
        out += [q.answer for q in self.questions if q.answer is not None]
        return out


def _choices(ds: Dataset, area: str, audience: str) -> tuple[dict[str, str], set[str]]:
    """Pinned item codes (with the office's note) and dropped codes for one pair."""
    pinned: dict[str, str] = {}
    dropped: set[str] = set()
    for choice in ds.choices:
        if choice.applies(area, audience):
            if choice.action is ChoiceAction.DROP:
                dropped.add(choice.item)
            else:
                pinned.setdefault(choice.item, choice.note)
    return {c: n for c, n in pinned.items() if c not in dropped}, dropped


def _task_items(ds: Dataset) -> list[NarrativeItem]:
    return [i for g in ds.narrative.tasks for i in g.items]


def build_briefing(ds: Dataset, area_code: str, audience_code: str,
                   budget: Budget = DEFAULT_BUDGET) -> Briefing:
    area, audience = ds.areas[area_code], ds.audiences[audience_code]
    scope = area_scope(ds, area_code)
    links = effective_areas(ds)
    pinned, dropped = _choices(ds, area_code, audience_code)

    def areas_of(rec: NarrativeItem | Resolution) -> list[str]:
        return links.get(id(rec), list(rec.areas))

    def keep(items: Iterable[T]) -> list[T]:
        return [i for i in items if getattr(i, "code", None) not in dropped]

    b = Briefing(area, audience, scope, budget, dropped=dropped)
    n = ds.narrative
    tasks = keep(_task_items(ds))
    narrative = keep([*n.local_items, *n.highlights, *n.shortcomings, *tasks])
    ranked_items = rank(narrative, lambda i: i.topics, areas_of, scope, audience, ds, cited_codes)
    ranked_items = [_with_choice(r, pinned) for r in ranked_items]
    # the area's figures that this audience weighs (or asks for first, or the office chose)
    b.indicators = [li for li in local_indicators(ds, area_code)
                    if li.indicator.code not in dropped and (
                        li.indicator.code in pinned or li.indicator.code in audience.first
                        or li.indicator.topic in audience.first
                        or audience.weight(li.indicator.topic) > ZERO)]
    resolutions = rank(keep(sorted(ds.resolutions, key=lambda r: r.number or 0)),
                       lambda r: r.topics, areas_of, scope, audience, ds)
    resolutions = [_with_choice(r, pinned) for r in resolutions]

    b.points = talking_points(ds, b, ranked_items, resolutions, pinned)
    in_points = {id(p.record) for p in b.points}
    point_texts = [p.text for p in b.points]

    # the rest of what is about this place, not said twice
    subjects = Subjects.of(ds)
    said = set().union(*(p.subjects for p in b.points)) if b.points else set()
    tasks_ids = {id(t) for t in tasks}
    local_rest = [r for r in ranked_items if r.relevance.local and id(r.item) not in in_points
                  and r.relevance.weight > ZERO and id(r.item) not in tasks_ids
                  and not (subjects.of_item(r.item) & said)
                  and not any(same_text(r.item.text, t) for t in point_texts)]
    b.local_items = local_rest[:budget.local_more]
    b.local_titles = local_rest[budget.local_more:]

    petitions_here(ds, b, pinned, dropped)
    b.questions = likely_questions(ds, b, ranked_items, tasks)

    shown_res = {id(p.record) for p in b.points}
    touching = [r for r in resolutions if id(r.item) not in shown_res and (
        r.relevance.local or r.relevance.pinned or r.relevance.priority is not None
        or r.relevance.main_weight >= RESOLUTION_WEIGHT)]
    b.resolutions = touching[:budget.resolutions]
    b.resolutions_total = len(ds.resolutions)
    return b


def _with_choice(r: Ranked[T], pinned: Mapping[str, str]) -> Ranked[T]:
    code = getattr(r.item, "code", None)
    if code is None or code not in pinned:
        return r
    rel = r.relevance
    return Ranked(r.item, Relevance(rel.weight, rel.local, rel.topics, rel.areas, rel.broad,
                                    rel.priority, True, rel.stale, pinned[code]), r.index)


def petitions_here(ds: Dataset, b: Briefing, pinned: Mapping[str, str], dropped: set[str]
                   ) -> None:
    """The area's petitions: pinned, then earlier sessions' open ones, then this session's,
    then those answered; this audience's first within each group."""
    current = ds.session.code if ds.session else None
    # a petition voters raised again is one item, its latest, carrying its history
    here = [p for p in latest_petitions(ds, ds.petitions)
            if p.area in b.scope and p.code not in dropped]

    def group(p: Petition) -> int:
        if p.code in pinned:
            return 0
        if p.is_open and p.received_session != current:
            return 1
        return 2 if p.is_open else 3

    def waited(p: Petition) -> int:  # overdue and long-open first: the voters' grievance
        fu = follow_up(ds, p)
        return -(fu.days_late or 0) if fu.overdue else -(fu.days_open or 0) if p.is_open else 0

    here.sort(key=lambda p: (group(p), 0 if p.audience == b.audience.code else 1, waited(p)))
    b.petitions_total = len(here)
    b.petitions = here[:b.budget.petitions]
    b.open_earlier = [p for p in b.petitions if group(p) == 1]
    b.province_petitions = [p for p in latest_petitions(ds, ds.petitions)
                            if p.area is None and p.code not in dropped]


def _key(rel: Relevance, index: int, kind: int = 0, waits: bool = False) -> tuple[object, ...]:
    """Pinned first, then local, then current figures before older ones, then what the
    audience wants first, then by weight; narrative before figures; data order."""
    return (0 if rel.pinned else 1, 0 if rel.local else 1, 1 if waits else 0,
            rel.priority if rel.priority is not None else 10**6, -rel.weight, kind, index)


def talking_points(ds: Dataset, b: Briefing, items: list[Ranked[NarrativeItem]],
                   resolutions: list[Ranked[Resolution]], pinned: Mapping[str, str]
                   ) -> list[Point]:
    subjects = Subjects.of(ds)
    candidates: list[tuple[tuple[object, ...], Point]] = []
    tasks = {id(t) for t in _task_items(ds)}
    highlights = {id(h) for h in ds.narrative.highlights}
    for r in items:
        rel = r.relevance
        # province-wide, only the session's results make points: shortcomings become
        # questions and tasks their answers; about this place, any item does
        if not (rel.local or rel.pinned or id(r.item) in highlights):
            continue
        kind = 1 if id(r.item) in tasks else 0
        candidates.append((_key(rel, r.index, kind),
                           Point("item", r.item, rel, subjects.of_item(r.item), r.item.text)))
    has_current = any(not is_stale(ds, li.indicator.period) for li in b.indicators) or any(
        p.relevance.local for _k, p in candidates)
    local_codes = {li.indicator.code for li in b.indicators}
    for n, li in enumerate(b.indicators):
        ind = li.indicator
        rel = _indicator_relevance(ds, b, ind, pinned, local=True)
        candidates.append((_key(rel, n, 2, rel.stale and has_current),
                           Point("indicator", ind, rel, subjects.of_indicator(ind))))
    wanted = [c for c in (*b.audience.first, *pinned) if c in ds.indicators]
    for n, code in enumerate(dict.fromkeys(c for c in wanted if c not in local_codes)):
        ind = ds.indicators[code]
        rel = _indicator_relevance(ds, b, ind, pinned, local=False)
        candidates.append((_key(rel, n, 2), Point("indicator", ind, rel,
                                                  subjects.of_indicator(ind))))
    for res in resolutions:
        if res.relevance.local or res.relevance.pinned:
            candidates.append((_key(res.relevance, res.index, 3),
                               Point("resolution", res.item, res.relevance,
                                     subjects.of_resolution(res.item), res.item.title)))
    candidates.sort(key=lambda c: c[0])
    ordered = [p for _k, p in candidates if _speaks_to(p.relevance)]
    ordered = _current_over_stale(ordered)
    # keep room for what the audience wants from the province, so that each audience's
    # points differ even where the place has many local items
    province = sum(1 for p in ordered if not p.relevance.local and not p.relevance.pinned)
    local_cap = b.budget.points - min(2, province)
    points: list[Point] = []
    deferred: list[Point] = []
    for point in ordered:
        if len(points) == b.budget.points:
            break
        if _repeats(point, points):
            continue
        rel = point.relevance
        if rel.local and not rel.pinned and sum(
                p.relevance.local and not p.relevance.pinned for p in points) >= local_cap:
            deferred.append(point)
            continue
        points.append(point)
    for point in deferred:  # the province had too little to fill its room
        if len(points) == b.budget.points:
            break
        if not _repeats(point, points):
            points.append(point)
    position = {id(p): i for i, p in enumerate(ordered)}
    points.sort(key=lambda p: position[id(p)])
    return points


def _current_over_stale(ordered: list[Point]) -> list[Point]:
    """An older figure gives way to a point of the session's own period on the same
    subject (the 2023 outbreaks of a district, when the session reports none in 2024);
    the older figure stays in the table of local figures."""
    current = [p for p in ordered if not p.relevance.stale]
    return [p for p in ordered if not (
        p.kind == "indicator" and p.relevance.stale and not p.relevance.pinned
        and any(p.subjects & q.subjects for q in current))]


def _speaks_to(rel: Relevance) -> bool:
    """A point the audience weighs by its main topic (or one the office chose)."""
    return rel.pinned or (rel.weight > ZERO and rel.main_weight > ZERO)


def _repeats(point: Point, points: Sequence[Point]) -> bool:
    """Same subject (indicator, named project or place) or near-identical text."""
    if any(point.subjects & p.subjects for p in points):
        return True
    return bool(point.text) and any(p.text and same_text(point.text, p.text) for p in points)


def _indicator_relevance(ds: Dataset, b: Briefing, ind: Indicator, pinned: Mapping[str, str],
                         local: bool) -> Relevance:
    rel = relevance([ind.topic], [ind.area or ""] if local else [], b.scope, b.audience, ds,
                    [ind.code])
    return Relevance(rel.weight, rel.local, rel.topics, rel.areas, False, rel.priority,
                     ind.code in pinned, is_stale(ds, ind.period), pinned.get(ind.code, ""))


# ------------------------------------------------------------------ questions


@cache
def _idf_table(words_per_item: tuple[frozenset[str], ...]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for words in words_per_item:
        df.update(words)
    total = len(words_per_item) or 1
    return {w: math.log(1 + total / c) for w, c in df.items()}


def _pair_words(item: NarrativeItem) -> frozenset[str]:
    words = plain_words(f"{item.title}. {item.text}")
    return frozenset(" ".join(p) for p in pairs(words))


def answer_fit(ds: Dataset, question: NarrativeItem, answer: NarrativeItem,
               scope: set[str]) -> float:
    """How well a task answers a question: 0 when it is about another thing.

    They must share a topic, and an answer about other places does not answer a
    question about this one. Then: the share of the question's word pairs (weighted
    by rarity) that the answer uses; half as much again for the answer's title found
    in the question's; and, only where the texts already agree, a bonus for the same
    named project or cited figure (two items naming A Pa Chải may still be about a
    flagpole and a border gate)."""
    if not set(question.topics) & set(answer.topics):
        return 0.0
    links = effective_areas(ds)
    q_areas = set(links.get(id(question), question.areas)) & scope
    a_areas = set(links.get(id(answer), answer.areas))
    if q_areas and a_areas and not (a_areas & scope):
        return 0.0
    idf = _idf_table(tuple(_pair_words(i) for i in ds.narrative.all_items()))
    qw, aw = _pair_words(question), _pair_words(answer)
    if not qw:
        return 0.0
    score = sum(idf.get(w, 1.0) for w in qw & aw) / sum(idf.get(w, 1.0) for w in qw)
    q_title, a_title = pairs(plain_words(question.title)), pairs(plain_words(answer.title))
    if a_title:
        score += 0.5 * len(q_title & a_title) / len(a_title)
    subjects = Subjects.of(ds)
    shared = (subjects.of_item(question) & subjects.of_item(answer)) - {f"item:{question.code}"}
    if shared and score >= SAME_SUBJECT_TEXT:
        score += 0.5
    return score


def likely_questions(ds: Dataset, b: Briefing, items: list[Ranked[NarrativeItem]],
                     tasks: list[NarrativeItem]) -> list[Question]:
    """Shortcomings the audience cares about, and this place's projects, each with the
    one task that answers it; a task answers one question at most."""
    printed = {id(p.record) for p in b.points} | {id(r.item) for r in b.local_items}
    shortcomings = {id(s) for s in ds.narrative.shortcomings}
    task_ids = {id(t) for t in tasks}
    asked: list[tuple[str, Ranked[NarrativeItem]]] = []
    for r in items:
        rel = r.relevance
        if rel.weight <= ZERO or rel.main_weight <= ZERO:
            continue
        if id(r.item) in shortcomings:
            if rel.pinned or rel.priority is not None or rel.main_weight >= QUESTION_WEIGHT:
                asked.append(("shortcoming", r))
        elif rel.local and id(r.item) in printed and id(r.item) not in task_ids:
            asked.append(("local", r))
    # this place's projects first, then the shortcomings the audience weighs most
    asked.sort(key=lambda kr: (0 if kr[0] == "local" else 1, *kr[1].relevance.sort_key(),
                               kr[1].index))
    used: set[int] = set(printed)
    subjects = Subjects.of(ds)
    # a project the voters' own petition is about: its answer on the page is the news
    petitioned = set().union(*(subjects.of_text(p.text) for p in b.petitions))
    point_subjects = [(id(p.record), p.subjects) for p in b.points]
    out: list[Question] = []
    for kind, r in asked:
        if len(out) == b.budget.questions:
            break
        # an answer that also tells of the other points only says them again
        said_elsewhere = set().union(*(s for i, s in point_subjects if i != id(r.item)))
        best, best_fit = None, LOCAL_ANSWER_FIT if kind == "local" else ANSWER_FIT
        for task in tasks:
            if id(task) in used:
                continue
            if subjects.of_item(task) & said_elsewhere:
                continue
            fit = answer_fit(ds, r.item, task, b.scope)
            if fit > best_fit:
                best, best_fit = task, fit
        if kind == "local" and (best is None or subjects.of_item(r.item) & petitioned):
            continue  # no news to give, or the petition's answer gives it
        if best is None and any(q.answer is None for q in out):
            continue  # one "the delegate takes note" is enough for a page
        if best is not None:
            used.add(id(best))
        out.append(Question(kind, r.item, best, r.relevance))
    return out
