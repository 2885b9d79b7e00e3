"""From records to the phrases a delegate reads: one figure in one form.

Pure and deterministic: the Sphinx layer asks ``figure(ds, code, form)`` and
gets text plus where it came from, so it can link the figure to its source.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..model import compute
from ..model.dataset import Dataset
from ..model.places import place_name, predecessor
from ..model.records import BudgetLine, Indicator, Ranking, Sourced
from .numbers import format_money, format_value
from .sentences import (
    achieved_phrase,
    change_points_phrase,
    gap_points_phrase,
    growth_phrase,
    lower_first,
    plan_phrase,
    rank_change_phrase,
    rank_phrase,
    ratio_phrase,
)

TWO_PLACES = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class Figure:
    text: str
    record: Sourced  # where the figure comes from (source, section, illustrative)


def shown(d: compute.Derived) -> Decimal:
    """Stated figures keep their precision; computed ones show two decimals."""
    return d.value if d.stated else d.value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def value_text(ind: Indicator) -> str:
    """The figure with the document's qualifier: "hơn 171 tỷ đồng", "8,75%"."""
    if ind.value is None:
        return ""
    value = format_value(ind.value, ind.unit)
    return f"{ind.value_qualifier} {value}" if ind.value_qualifier else value


def plan_text(ind: Indicator) -> str:
    """The target with its qualifier: "trên 94%", "10,5%"; "" without a plan."""
    if ind.plan is None:
        return ""
    value = format_value(ind.plan, ind.unit)
    return f"{ind.plan_qualifier} {value}" if ind.plan_qualifier else value


def plan_pct_text(ind: Indicator) -> str:
    pct = compute.plan_pct(ind)
    if pct is None:
        return ""
    # "vượt 12,5% kế hoạch" when above plan, as the documents write it
    return plan_phrase(shown(pct), ind.plan_name, style="vuot")


def gap_text(ind: Indicator) -> str:
    if compute.gap_points(ind) is None:
        return ""
    assert ind.value is not None and ind.plan is not None
    return gap_points_phrase(ind.value, ind.plan, ind.plan_name)


def growth_text(ind: Indicator) -> str:
    g = compute.growth(ind)
    return "" if g is None else growth_phrase(shown(g), ind.previous_label)


def ratio_text(ind: Indicator) -> str:
    r = compute.ratio(ind)
    return "" if r is None else ratio_phrase(shown(r), ind.previous_label)


def change_text(ind: Indicator) -> str:
    """A rate against its previous period: 'giảm 4,00 điểm % so với năm 2023'."""
    d = compute.change_points(ind)
    return "" if d is None else change_points_phrase(shown(d), ind.previous_label)


def versus_previous_text(ind: Indicator) -> str:
    """How the figure compares with the previous period, as the documents put it: in
    points for a rate, as a stated ratio ('gấp 2,18 lần'), else as growth."""
    if ind.is_rate:
        return change_text(ind)
    return ratio_text(ind) if ind.ratio is not None else growth_text(ind)


def indicator_sentence(ind: Indicator) -> str:
    """'ước đạt 8,75%, thấp hơn kịch bản 1,39 điểm %' and the like."""
    parts = []
    if ind.value is not None:
        if ind.higher_is_better or ind.plan is not None:
            parts.append(achieved_phrase(ind.value, ind.unit, ind.estimate, ind.value_qualifier))
        else:
            # "đạt" praises; a count of bad events is simply stated
            parts.append(("ước " if ind.estimate else "") + value_text(ind))
    if ind.is_rate:
        parts.append(gap_text(ind))
    else:
        parts.append(plan_pct_text(ind))
    parts.append(versus_previous_text(ind))
    return ", ".join(p for p in parts if p)


def period_name(period: str) -> str:
    """"2024" -> "năm 2024"; "năm 2024", "6 tháng đầu năm 2024" as they are."""
    return f"năm {period}" if period.strip().isdigit() else lower_first(period)


def ranking_text(rk: Ranking, ds: Dataset | None = None) -> str:
    """'xếp thứ 22/34 tỉnh, thành phố', with the place when it is not the province
    ('tỉnh Hải Lam (cũ) xếp thứ 55/63 …', 'xã Khe Sim xếp thứ 03/45 xã'), and the ranks
    it is compared with: across a merger the places ranked differ, so each rank is said,
    never a number of steps gained."""
    text = rank_phrase(rk.rank or 0, rk.total, rk.scope)
    place = place_name(ds, rk.area) if ds is not None else None
    if place:
        text = f"{place} {text}"
    if rk.change is not None and rk.change_reference:
        text += ", " + rank_change_phrase(rk.change, rk.change_reference)
    earlier = [ds.rankings[c] for c in rk.compare_with if c in ds.rankings] if ds else []
    if earlier and ds is not None:
        merged = any(predecessor(ds, e.area) is not None for e in earlier)
        said = [f"{period_name(e.period)}, {place_name(ds, e.area) or 'tỉnh'} "
                f"{rank_phrase(e.rank or 0, e.total, e.scope)}" for e in earlier]
        text += f" ({'trước hợp nhất' if merged else 'so với'}: {'; '.join(said)})"
    return text


def money_text(line: BudgetLine, value: Decimal | None) -> str:
    if value is None:
        return ""
    style = line.money_style if line.money_style in {"decimal", "ty_trieu"} else "decimal"
    return format_money(value, "tỷ đồng", style)


def budget_sentence(line: BudgetLine) -> str:
    parts = []
    if line.actual is not None:
        verb = "ước thực hiện" if line.is_estimate else "thực hiện"
        parts.append(f"{verb} {money_text(line, line.actual)}")
    pct = compute.budget_pct(line)
    if pct is not None:
        parts.append(plan_phrase(shown(pct), estimate_name(line)))
    return ", ".join(parts)


def estimate_name(line: BudgetLine) -> str:
    """"dự toán HĐND tỉnh giao", with the estimate's own period when it differs from the
    figure's: six months' revenue measured against the year's estimate."""
    if not line.estimate_period:
        return line.estimate_label
    return f"{line.estimate_label} {lower_first(line.estimate_period)}"


_INDICATOR_FORMS = {
    "value": value_text,
    "sentence": indicator_sentence,
    "plan": lambda i: plan_text(i),
    "plan_pct": plan_pct_text,
    "gap": gap_text,
    "growth": growth_text,
    "ratio": ratio_text,
    "previous": lambda i: "" if i.previous is None else format_value(i.previous, i.unit),
    "change": change_text,
}


def figure(ds: Dataset, code: str, form: str = "value") -> Figure | None:
    """The text of one figure, or None if the code or form gives nothing."""
    if code in ds.indicators:
        ind = ds.indicators[code]
        make = _INDICATOR_FORMS.get(form)
        if make is None and form == "rank":
            ranks = [r for r in ds.rankings.values() if r.indicator == code]
            return Figure(ranking_text(ranks[0], ds), ranks[0]) if ranks else None
        text = make(ind) if make else ""
        return Figure(text, ind) if text else None
    if code in ds.rankings:
        rk = ds.rankings[code]
        return Figure(ranking_text(rk, ds), rk) if form in {"value", "sentence", "rank"} else None
    for line in ds.budget:
        if line.code == code:
            text = {"value": money_text(line, line.actual), "sentence": budget_sentence(line),
                    "plan": money_text(line, line.estimate)}.get(form, "")
            if form == "plan_pct":
                pct = compute.budget_pct(line)
                text = "" if pct is None else plan_phrase(shown(pct), estimate_name(line))
            return Figure(text, line) if text else None
    return None


@dataclass(frozen=True, slots=True)
class Assessment:
    good: bool
    label: str  # Vietnamese, readable without colour (greyscale print)


def assessment(ind: Indicator) -> Assessment | None:
    """Good or bad, from "higher is better": against the plan when there is one,
    else against the previous period."""
    better = ind.higher_is_better
    if ind.value is not None and ind.plan is not None:
        ok = ind.value >= ind.plan if better else ind.value <= ind.plan
        return Assessment(ok, "Đạt " + ind.plan_name if ok else "Chưa đạt " + ind.plan_name)
    pct = compute.plan_pct(ind)
    if pct is not None:
        ok = pct.value >= 100 if better else pct.value <= 100
        return Assessment(ok, "Đạt " + ind.plan_name if ok else "Chưa đạt " + ind.plan_name)
    points = compute.change_points(ind)  # a rate moves in points ("giảm 1,18 điểm %")
    change = compute.growth(ind) or compute.ratio(ind)
    if points is not None and points.value != 0:
        grew = points.value > 0
    elif change is not None:
        grew = change.value > (1 if change is compute.ratio(ind) else 0)
    else:
        return None
    ok = grew if better else not grew
    return Assessment(ok, "Tốt hơn kỳ trước" if ok else "Kém hơn kỳ trước")
