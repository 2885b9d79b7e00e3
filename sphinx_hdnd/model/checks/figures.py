"""Figures: stated figures agree with those computed, shares add up, texts cite what exists."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from ...phrasing.numbers import format_number
from .. import compute
from ..area_links import find_links
from ..dataset import Dataset
from ..numbers import MoneyStyle
from ..origin import Origin
from ..placeholders import FORMS, Placeholder, split_text
from ..records import VALUE_QUALIFIERS, Indicator, NarrativeItem
from .known import known

#: figures an indicator may state that can also be computed: (code, column, computation,
#: the figures it is computed from, named in the message)
_STATED_FIGURES = (
    ("HD141", "plan_pct", compute.computed_plan_pct, ("value", "plan")),
    ("HD142", "growth", compute.computed_growth, ("previous", "value")),
    ("HD148", "ratio", compute.computed_ratio, ("value", "previous")),
    ("HD155", "change_points", compute.computed_change_points, ("previous", "value")),
)


def _vn(value: Decimal | None, decimals: int | None = None) -> str:
    """A figure in a message as the office writes it: "55,1", "1.924" (never "55.1")."""
    if value is None:
        return "(trống)"
    return format_number(value, decimals)


def _stated_figures(ind: Indicator, column: str, computed: Decimal,
                    sources: tuple[str, ...]) -> dict[str, str]:
    """The figures a stated-figure message names, as the office writes them; a change in
    points carries its sign."""
    c = _vn(computed, 2)
    if column == "change_points" and computed >= 0:
        c = f"+{c}"
    return {"stated": _vn(getattr(ind, column)), "computed": c,
            **{name: _vn(getattr(ind, name)) for name in sources}}


def check_indicators(ds: Dataset) -> None:
    log = ds.problems
    for ind in ds.indicators.values():
        if ind.plan is not None and ind.plan <= 0 and not ind.is_rate:
            log.report("HD140", ind.origin.with_column("plan"), "plan", plan=ind.plan)
            continue
        # a rate compares in percentage points: a growth or ratio stated on one would be
        # printed as "tăng 0,7%", which says something else
        for column in ("growth", "ratio") if ind.is_rate else ():
            if getattr(ind, column) is not None:
                log.report("HD156", ind.origin.with_column(column), "rate", unit=ind.unit,
                           column=column)
        if ind.value_qualifier and ind.value_qualifier not in VALUE_QUALIFIERS:
            log.report("HD158", ind.origin.with_column("value_qualifier"),
                       value=ind.value_qualifier, allowed=", ".join(VALUE_QUALIFIERS))
        if not ind.is_rate and ind.change_points is not None:
            log.report("HD156", ind.origin.with_column("change_points"), "not-rate",
                       unit=ind.unit)
        # a figure the data states and that can be computed must agree with the computation
        # (computed, and the message written, only for a stated figure: most rows state none)
        for code, column, computation, sources in _STATED_FIGURES:
            stated = getattr(ind, column)
            if stated is None:
                continue
            computed = computation(ind)
            if computed is not None and not compute.agrees(stated, computed):
                log.report(code, ind.origin.with_column(column),
                           **_stated_figures(ind, column, computed, sources))


def check_shares(ds: Dataset) -> None:
    groups: dict[tuple[str, str, str | None], list] = defaultdict(list)
    for ind in ds.indicators.values():
        if ind.share_group is not None and ind.value is not None:
            groups[(ind.share_group, ind.period, ind.area)].append(ind)
    for (group, period, _area), members in groups.items():
        total = sum((m.value for m in members), Decimal(0))
        if abs(total - 100) > Decimal("0.1"):
            first = min(members, key=lambda m: (m.origin.row or 0))
            ds.problems.report("HD143", first.origin.with_column("share_group"), group=group,
                               period=period, total=_vn(total),
                               members=", ".join(m.code for m in members))


def check_budget(ds: Dataset) -> None:
    for line in ds.budget:
        if line.estimate is not None and line.estimate <= 0:
            ds.problems.report("HD140", line.origin.with_column("estimate"), "estimate",
                               estimate=line.estimate)
            continue
        if line.pct is not None:
            computed = compute.computed_budget_pct(line)
            if computed is not None and not compute.agrees(line.pct, computed):
                ds.problems.report("HD141", line.origin.with_column("pct"), "budget",
                                   stated=_vn(line.pct), actual=_vn(line.actual),
                                   estimate=_vn(line.estimate), computed=_vn(computed, 2))
        if "money_style" in line.unlisted:
            ds.problems.report("HD114", line.origin.with_column("money_style"), "money-style",
                               value=line.unlisted["money_style"], allowed=", ".join(MoneyStyle))


#: what each form needs in the indicators table, for the message
FORM_NEEDS = {
    "value": "cột value", "plan": "cột plan", "previous": "cột previous",
    "plan_pct": "value và plan, hoặc plan_pct", "gap": "chỉ tiêu tỷ lệ (%) có value và plan",
    "growth": "chỉ tiêu không phải tỷ lệ, có value và previous, hoặc cột growth",
    "ratio": "chỉ tiêu không phải tỷ lệ, có value và previous, hoặc cột ratio",
    "change": "chỉ tiêu tỷ lệ có value và previous, hoặc cột change_points",
    "sentence": "ít nhất cột value",
}


def _texts_with_figures(ds: Dataset) -> Iterable[tuple[Origin, str]]:
    """Every text the pages print with its ``{code}`` placeholders resolved: narrative
    items, tasks and local items, and the session's own sentences."""
    items: list[NarrativeItem] = ds.narrative.all_items()
    for item in items:
        yield item.origin.with_column("text"), item.text
    s = ds.session
    if s is None:
        return
    for n, speech in enumerate(s.speeches):
        yield s.origin.with_column(f"speeches.{n + 1}"), speech
    if s.outcome:
        yield s.origin.with_column("outcome"), s.outcome
    if s.front is not None and s.front.summary:
        yield s.front.origin.with_column("summary"), s.front.summary
    if s.questioning is not None and s.questioning.atmosphere:
        yield s.questioning.origin.with_column("atmosphere"), s.questioning.atmosphere


def check_narrative_text(ds: Dataset) -> None:
    citable = known(ds, "indicators", ds.indicators) | known(ds, "rankings", ds.rankings)
    _check_area_mentions(ds)
    for origin, value in _texts_with_figures(ds):
        before = ""
        for piece in split_text(value):
            if not isinstance(piece, Placeholder):
                before = piece
                continue
            tail = " " + " ".join(before.casefold().split()[-2:])
            said = next((q for q in VALUE_QUALIFIERS if tail.endswith(" " + q)), "")
            before = ""
            ind = ds.indicators.get(piece.code)
            # "hơn {x}" where x already prints "hơn 171 tỷ đồng" would read "hơn hơn"
            if (ind is not None and ind.value_qualifier and said
                    and piece.form in {"value", "sentence"}):
                ds.problems.report("HD159", origin, said=said, placeholder=piece.raw,
                                   code=piece.code, qualifier=ind.value_qualifier)
            if piece.code not in citable:
                ds.problems.report("HD150", origin, placeholder=piece.raw, code=piece.code)
            elif piece.form not in FORMS:
                ds.problems.report("HD151", origin, placeholder=piece.raw, form=piece.form,
                                   allowed=", ".join(FORMS))
            elif piece.code in ds.indicators and piece.form != "rank" and not (
                    compute.form_has_data(ds.indicators[piece.code], piece.form)):
                ind = ds.indicators[piece.code]
                have = [f for f in FORMS if f != "rank" and compute.form_has_data(ind, f)]
                ds.problems.report("HD154", origin, "" if have else "no-figures",
                                   placeholder=piece.raw, code=piece.code, form=piece.form,
                                   needs=FORM_NEEDS.get(piece.form, ""), usable=", ".join(have) or None)



def _check_area_mentions(ds: Dataset) -> None:
    """HD152: the text names an area that the item does not list (linked automatically)."""
    for links in find_links(ds).values():
        for link in links:
            column = "title" if link.origin.row is not None else "text"  # resolutions: a table
            ds.problems.report("HD152", link.origin.with_column(column), matched=link.matched,
                               area=link.area)
