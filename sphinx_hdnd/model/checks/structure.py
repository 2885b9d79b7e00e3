"""The province, the session, the areas and the audiences, each consistent in itself."""

from __future__ import annotations

from decimal import Decimal

from ..applicability import applies, known_attributes
from ..dataset import Dataset
from ..numbers import NumberStyle
from .known import known


def check_province(ds: Dataset) -> None:
    prov = ds.province
    if prov is None:
        return
    allowed = ", ".join(NumberStyle)
    for key, value in prov.unlisted.items():
        ds.problems.report("HD114", prov.origin.with_column(key), "number-style",
                           value=value, allowed=allowed)


def check_predecessors(ds: Dataset) -> None:
    """An old province's code names it alone: not an area, not the province, not twice."""
    prov = ds.province
    if prov is None:
        return
    seen = {prov.code}
    for old in prov.predecessors:
        if old.code in seen or old.code in ds.areas:
            ds.problems.report("HD138", old.origin.with_column("code"), code=old.code)
        seen.add(old.code)


def check_session(ds: Dataset) -> None:
    s = ds.session
    if s is None:
        return
    log = ds.problems
    if s.start_date and s.end_date and s.end_date < s.start_date:
        log.report("HD146", s.origin.with_column("end_date"), "session",
                   end=s.end_date, start=s.start_date)
    if s.start_date and s.period_year is not None:
        # a session reports on its own year (mid-year session) or the year
        # just ended (a session early in the next year), never on the future
        if s.start_date.year not in (s.period_year, s.period_year + 1):
            log.report("HD144", s.origin.with_column("start_date"), "period", date=s.start_date,
                       period=s.period, year=s.period_year, next_year=s.period_year + 1)
    term = ds.province.term if ds.province else None
    if term and s.start_date and term.start_year and term.end_year and not (
        term.start_year <= s.start_date.year <= term.end_year
    ):
        log.report("HD144", s.origin.with_column("start_date"), "term", date=s.start_date,
                   term=term.code, start_year=term.start_year, end_year=term.end_year)
    att = s.attendance
    if att.present is not None and att.total is not None and att.present > att.total:
        log.report("HD145", att.origin.with_column("present"), present=att.present, total=att.total)
    q = s.questioning
    if q and q.delegates and q.delegate_count is not None and q.delegate_count != len(q.delegates):
        log.report("HD147", q.origin.with_column("delegate_count"), count=q.delegate_count,
                   listed=len(q.delegates))


def check_areas(ds: Dataset) -> None:
    areas = known(ds, "areas", ds.areas)
    for area in ds.areas.values():
        if area.parent is not None:
            if area.parent == area.code or area.parent not in areas:
                ds.problems.report("HD137", area.origin.with_column("parent"), "missing",
                                   parent=area.parent)
        for succ in area.successors:
            if succ not in areas:
                ds.problems.report("HD131", area.origin.with_column("successors"), "successor",
                                   area=succ)
    # cycles through parents
    for area in ds.areas.values():
        seen = {area.code}
        cur = area.parent
        while cur is not None and cur in ds.areas:
            if cur in seen:
                ds.problems.report("HD137", area.origin.with_column("parent"), "cycle", through=cur)
                break
            seen.add(cur)
            cur = ds.areas[cur].parent


def check_audiences(ds: Dataset) -> None:
    topics = known(ds, "topics", ds.topics)
    firsts = topics | known(ds, "indicators", ds.indicators)
    places = known_attributes(ds) | known(ds, "areas", ds.areas)
    current = [a for a in ds.areas if ds.areas[a].valid_to is None]
    for aud in ds.audiences.values():
        for code in aud.first:
            if code not in firsts:
                ds.problems.report("HD162", aud.origin.with_column("first"), code=code)
        unknown = [c for c in aud.applies_to if c not in places]
        for code in unknown:
            ds.problems.report("HD160", aud.origin.with_column("applies_to"), code=code)
        if (aud.applies_to and not unknown and "areas" not in ds.failed and current
                and not any(applies(ds, a, aud) for a in current)):
            ds.problems.report("HD161", aud.origin.with_column("applies_to"), audience=aud.name,
                               attributes=", ".join(aud.applies_to))
        for topic, weight in aud.weights.items():
            where = aud.origin.with_column(f"weights.{topic}")
            if topic not in topics:
                ds.problems.report("HD133", where, "weights", topic=topic)
            if weight is None:
                ds.problems.report("HD149", where, "blank")
            elif not (Decimal(0) <= weight <= Decimal(1)):
                ds.problems.report("HD149", where, weight=weight)
