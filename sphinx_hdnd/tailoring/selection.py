"""Building a briefing: the office's choices, the talking points within the budget, the
area's petitions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TypeVar

from ..model.area_links import effective_areas
from ..model.dataset import Dataset
from ..model.follow_up import follow_up, latest_petitions
from ..model.placeholders import Placeholder, split_text
from ..model.records import (
    ChoiceAction,
    Indicator,
    NarrativeItem,
    Petition,
    Resolution,
)
from .areas import area_scope
from .briefing import Briefing, Point
from .budget import DEFAULT_BUDGET, Budget
from .local import is_stale, local_indicators
from .questions import likely_questions
from .relevance import ZERO, Ranked, Relevance, rank, relevance
from .subjects import Subjects, cited_codes, same_text

T = TypeVar("T")

#: the placeholder forms that print a row's own figure (its value), not its plan or growth
FIGURE_FORMS = frozenset({"value", "sentence"})
#: a province-wide resolution is named for an audience that weighs its main topic this much
RESOLUTION_WEIGHT = Decimal("0.9")

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


def build_briefing(ds: Dataset, area_code: str, audience_code: str,
                   budget: Budget = DEFAULT_BUDGET) -> Briefing:
    """The briefing of one area and audience, made once per dataset: the page and its
    downloads (made before the page is read) show the same one."""
    made: dict[tuple[str, str, Budget], Briefing] = ds.derived("briefings", dict)
    key = (area_code, audience_code, budget)
    if key not in made:
        made[key] = _make_briefing(ds, area_code, audience_code, budget)
    return made[key]


def _make_briefing(ds: Dataset, area_code: str, audience_code: str, budget: Budget) -> Briefing:
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
    tasks = keep(ds.narrative.task_items())
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
    # a figure of the area said in a point is not printed again as a table row: not when
    # a point's text gives it (Nậm Pồ's "01 hộ (07 người)" in the list of areas with free
    # migration, beside the province's total), nor when the point is the figure itself
    # and the row has nothing to add (no province figure, hence no share and no rank)
    in_text = {p.code for point in b.points if isinstance(point.record, NarrativeItem)
               for p in split_text(point.record.text)
               if isinstance(p, Placeholder) and p.form in FIGURE_FORMS}
    b.indicators = [li for li in b.indicators if li.indicator.code not in in_text and (
        id(li.indicator) not in in_points or li.province is not None)]

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
    tasks = {id(t) for t in ds.narrative.task_items()}
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

