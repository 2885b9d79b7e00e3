"""References between records: every code cited is declared (areas, topics, sources…)."""

from __future__ import annotations

from collections.abc import Iterable

from ..dataset import Dataset
from ..origin import Origin
from ..records import Sourced
from .known import known


def _check_choices(ds: Dataset, areas: set[str], audiences: set[str]) -> None:
    """The office's pins and drops (editorial.csv) name things that exist, once."""
    items = {i.code for i in ds.narrative.all_items()} | known(ds, "indicators", ds.indicators)
    items |= {r.code for r in ds.resolutions} | {p.code for p in ds.petitions}
    for table in ("narrative", "resolutions", "petitions"):
        items |= known(ds, table, ())
    seen: dict[tuple[str, str | None, str | None], str] = {}
    for choice in ds.choices:
        if choice.item not in items:
            ds.problems.report("HD163", choice.origin.with_column("item"), item=choice.item)
        if choice.area is not None and choice.area not in areas:
            ds.problems.report("HD131", choice.origin.with_column("area"), area=choice.area)
        if choice.audience is not None and choice.audience not in audiences:
            ds.problems.report("HD132", choice.origin.with_column("audience"),
                               audience=choice.audience)
        key = (choice.item, choice.area, choice.audience)
        if seen.get(key, choice.action) != choice.action:
            ds.problems.report("HD164", choice.origin.with_column("action"), item=choice.item)
        seen.setdefault(key, choice.action)


def _sourced_records(ds: Dataset) -> Iterable[Sourced]:
    yield from ds.indicators.values()
    yield from ds.rankings.values()
    yield from ds.budget
    yield from ds.narrative.all_items()
    yield from ds.narrative.tasks
    yield from ds.resolutions
    yield from ds.petitions
    if ds.session is not None:
        yield ds.session
        for part in (ds.session.front, ds.session.debate, ds.session.questioning):
            if part is not None:
                yield part


_SOURCE_COLUMNS = (("source", "source_section"), ("also_source", "also_source_section"))


def _cited(rec: Sourced) -> tuple[tuple[str | None, str], tuple[str | None, str]]:
    return (rec.source, rec.source_section), (rec.also_source, rec.also_source_section)


def check_references(ds: Dataset) -> None:
    log = ds.problems
    areas = known(ds, "areas", ds.areas)
    audiences = known(ds, "audiences", ds.audiences)
    topics = known(ds, "topics", ds.topics)
    sources = known(ds, "sources", ds.sources)
    indicators = known(ds, "indicators", ds.indicators)
    citable = indicators | known(ds, "rankings", ds.rankings)
    sessions: set[str] = set()
    if ds.session is not None:
        sessions = {ds.session.code, *(p.code for p in ds.session.past_sessions)}

    def topic(rec_origin: Origin, codes: Iterable[str], column: str) -> None:
        for code in codes:
            if code not in topics:
                log.report("HD133", rec_origin.with_column(column), topic=code)

    def area(rec_origin: Origin, codes: Iterable[str | None], column: str) -> None:
        for code in codes:
            if code is not None and code not in areas:
                log.report("HD131", rec_origin.with_column(column), area=code)

    figures: list[Sourced] = [*ds.indicators.values(), *ds.rankings.values(), *ds.budget]
    for rec in figures:
        if rec.source is None:
            log.report("HD153", rec.origin.with_column("source"), code=rec.code)  # type: ignore[attr-defined]
    for rec in _sourced_records(ds):
        for (code_column, section_column), (code, section) in zip(
                _SOURCE_COLUMNS, _cited(rec), strict=True):
            if code is None:
                continue
            if code not in sources:
                log.report("HD134", rec.origin.with_column(code_column), source=code)
            elif (not section and not rec.illustrative and code in ds.sources
                  and not ds.sources[code].illustrative):
                # a real document cited with no section: a reader cannot check it
                log.report("HD157", rec.origin.with_column(section_column), source=code)
        if rec.also_source is not None and rec.source is None:
            log.report("HD134", rec.origin.with_column("also_source"), "no-main")
    # a figure may be an old province's (province.yaml: predecessors)
    figure_areas = areas | {p.code for p in ds.province.predecessors} if ds.province else areas
    for ind in ds.indicators.values():  # the most numerous rows: test before calling
        if ind.topic not in topics:
            topic(ind.origin, [ind.topic], "topic")
        if ind.area is not None and ind.area not in figure_areas:
            area(ind.origin, [ind.area], "area")
    for rk in ds.rankings.values():
        topic(rk.origin, [rk.topic], "topic")
        if rk.area is not None and rk.area not in figure_areas:
            area(rk.origin, [rk.area], "area")
        for code in rk.compare_with:
            if code not in ds.rankings and code not in ds.broken_codes.get("rankings", set()):
                log.report("HD135", rk.origin.with_column("compare_with"), "compare-with", code=code)
        if rk.indicator is not None and rk.indicator not in indicators:
            log.report("HD135", rk.origin.with_column("indicator"), "indicator", code=rk.indicator)
    for item in ds.narrative.all_items():
        topic(item.origin, item.topics, "topics")
        area(item.origin, item.areas, "areas")
        for code in item.cites:
            if code not in citable:
                log.report("HD135", item.origin.with_column("cites"), "cites", code=code)
    for res in ds.resolutions:
        topic(res.origin, res.topics, "topics")
        area(res.origin, res.areas, "areas")
    for a in ds.areas.values():
        if a.attributes_source is not None and a.attributes_source not in sources:
            log.report("HD134", a.origin.with_column("attributes_source"),
                       source=a.attributes_source)
    _check_choices(ds, areas, audiences)
    for pet in ds.petitions:
        topic(pet.origin, pet.topics, "topics")
        area(pet.origin, [pet.area], "area")
        if pet.audience is not None and pet.audience not in audiences:
            log.report("HD132", pet.origin.with_column("audience"), audience=pet.audience)
        session_refs: tuple[tuple[str, str | None], ...] = (
            ("received_session", pet.received_session), ("answered_session", pet.answered_session))
        for column, session_code in session_refs:
            if session_code is not None and sessions and session_code not in sessions:
                log.report("HD136", pet.origin.with_column(column), session=session_code)
