"""Values each field accepts but the world does not: a negative count, a rank past the
number ranked, an area that succeeds itself, a validity that ends before it starts,
a link that a page will not make. Run by :func:`.checks.check_dataset`."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any, get_args

from pydantic import BaseModel

from . import fields as F
from .dataset import Dataset
from .records import Record

#: whole-number fields that may be below zero (a rank that fell, a display order), and
#: the rank, which has its own check
SIGNED_INTS = {"change", "order", "rank"}
#: the schemes a page makes a link of; any other address is shown as text
LINK_SCHEMES = ("https://", "http://")


def check_sanity(ds: Dataset) -> None:
    _check_counts(ds)
    _check_ratios(ds)
    _check_ranks(ds)
    _check_succession(ds)
    _check_validity(ds)
    _check_links(ds)


def _records(ds: Dataset) -> Iterator[Record]:
    tops: list[Record | None] = [ds.province, ds.session, *ds.areas.values(),
                                 *ds.audiences.values(), *ds.sources.values(),
                                 *ds.indicators.values(), *ds.rankings.values(), *ds.budget,
                                 *ds.resolutions, *ds.petitions, *ds.petition_history,
                                 *ds.meetings]
    for rec in tops:
        if rec is not None:
            yield from _nested(rec)


def _nested(model: BaseModel) -> Iterator[Record]:
    if isinstance(model, Record):
        yield model
    for name in _model_fields(type(model)):
        value = getattr(model, name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, BaseModel):
                yield from _nested(item)


@cache
def _model_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields whose declared type holds records (a province's term, a meeting's
    delegates): a table of 100,000 rows has none, and is not walked field by field."""
    return tuple(n for n, info in model.model_fields.items() if _holds_model(info.annotation))


def _holds_model(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_model(arg) for arg in get_args(annotation))


@cache
def _int_fields(model: type[BaseModel]) -> tuple[str, ...]:
    return tuple(n for n, info in model.model_fields.items()
                 if F.converter(info) is F._to_int and n not in SIGNED_INTS)


def _check_counts(ds: Dataset) -> None:
    """Counts, years and numbers are never below zero."""
    for rec in _records(ds):
        for name in _int_fields(type(rec)):
            value = getattr(rec, name)
            if value is not None and value < 0:
                ds.problems.report("HD192", rec.origin.with_column(name), "count", column=name,
                                   value=value)


def _check_ratios(ds: Dataset) -> None:
    for ind in ds.indicators.values():
        if ind.ratio is not None and ind.ratio < 0:
            ds.problems.report("HD192", ind.origin.with_column("ratio"), "ratio", value=ind.ratio)


def _check_ranks(ds: Dataset) -> None:
    """A rank that cannot be said is reported and left out, as a row that fails to read:
    no page phrases "xếp thứ 0" or "thứ 64/63"."""
    for code, rk in list(ds.rankings.items()):
        if rk.rank is None:
            continue
        if rk.rank < 1:
            case = "below-one"
        elif rk.total is not None and rk.rank > rk.total:
            case = "above-total"
        else:
            continue
        ds.problems.report("HD193", rk.origin.with_column("rank"), case, rank=rk.rank,
                           total=rk.total if case == "above-total" else None)
        del ds.rankings[code]
        ds.broken_codes.setdefault("rankings", set()).add(code)


def _check_succession(ds: Dataset) -> None:
    """An area is replaced by others, never by itself, never in a circle."""
    for area in ds.areas.values():
        if area.code in area.successors:
            ds.problems.report("HD191", area.origin.with_column("successors"), "itself",
                               area=area.code)
            continue
        seen: set[str] = set()
        todo = [(s, [area.code, s]) for s in area.successors]
        while todo:
            code, path = todo.pop()
            if code == area.code:
                ds.problems.report("HD191", area.origin.with_column("successors"), "cycle",
                                   path=" → ".join(path))
                break
            nxt = ds.areas.get(code)
            if nxt is not None and code not in seen:
                seen.add(code)
                todo.extend((s, [*path, s]) for s in nxt.successors)


def _check_validity(ds: Dataset) -> None:
    for area in ds.areas.values():
        if area.valid_from and area.valid_to and area.valid_to < area.valid_from:
            ds.problems.report("HD146", area.origin.with_column("valid_to"), "area",
                               end=area.valid_to, start=area.valid_from)


def _check_links(ds: Dataset) -> None:
    for src in ds.sources.values():
        url = src.url.strip()
        if url and not url.lower().startswith(LINK_SCHEMES):
            scheme = url.split(":", 1)[0] + ":" if ":" in url else "không có giao thức"
            ds.problems.report("HD195", src.origin.with_column("url"), url=url[:80], scheme=scheme)
