"""Computed values, by documented rules, computed here once.

* % of plan = value / plan x 100, for amounts; rates (unit % or ‰) are
  compared with their plan by the difference in points instead.
* growth = (value / previous - 1) x 100; ratio = value / previous.
* budget % of estimate = actual / estimate x 100.
* attendance % = present / total x 100.

A figure the data states is shown as stated (the document's own rounding);
the computed one only cross-checks it. Computed figures are exact Decimals;
rounding happens only when they are displayed (2 decimals).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .records import Attendance, BudgetLine, Indicator

HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Derived:
    value: Decimal
    stated: bool  # True when the data states it, False when computed here


def _div(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    if a is None or b is None or b == 0:
        return None
    return a / b


def computed_plan_pct(ind: Indicator) -> Decimal | None:
    if ind.is_rate or ind.plan is None or ind.plan <= 0:
        return None
    q = _div(ind.value, ind.plan)
    return None if q is None else q * HUNDRED


def _stated_or_computed(stated: Decimal | None, computed: Decimal | None) -> Derived | None:
    """The data's own figure when it states one (the document's rounding), else ours."""
    if stated is not None:
        return Derived(stated, True)
    return None if computed is None else Derived(computed, False)


def plan_pct(ind: Indicator) -> Derived | None:
    return _stated_or_computed(ind.plan_pct, computed_plan_pct(ind))


def gap_points(ind: Indicator) -> Decimal | None:
    """value - plan for rates, in points (negative: below plan)."""
    if not ind.is_rate or ind.value is None or ind.plan is None:
        return None
    return ind.value - ind.plan


def _comparable(ind: Indicator) -> bool:
    """A change in % (or a multiple) between two periods needs two amounts of the same
    sign: from -5 to 10 is no "tăng 300%", and a ratio of a loss to a gain is none."""
    return ind.value is not None and ind.previous is not None and ind.value >= 0 \
        and ind.previous > 0


def computed_growth(ind: Indicator) -> Decimal | None:
    if ind.is_rate or not _comparable(ind):
        return None
    q = _div(ind.value, ind.previous)
    return None if q is None else (q - 1) * HUNDRED


def growth(ind: Indicator) -> Derived | None:
    if ind.is_rate:
        return None  # a rate changes in points: change_points
    return _stated_or_computed(ind.growth, computed_growth(ind))


def computed_change_points(ind: Indicator) -> Decimal | None:
    """A rate against its previous period, in percentage points (value - previous)."""
    if not ind.is_rate or ind.value is None or ind.previous is None:
        return None
    return ind.value - ind.previous


def change_points(ind: Indicator) -> Derived | None:
    if not ind.is_rate:
        return None
    return _stated_or_computed(ind.change_points, computed_change_points(ind))


def computed_ratio(ind: Indicator) -> Decimal | None:
    if ind.is_rate or not _comparable(ind):
        return None
    return _div(ind.value, ind.previous)


def ratio(ind: Indicator) -> Derived | None:
    if ind.is_rate or (ind.ratio is not None and ind.ratio < 0):
        return None  # a negative multiple is reported (HD192) and never phrased
    return _stated_or_computed(ind.ratio, computed_ratio(ind))


def form_has_data(ind: Indicator, form: str) -> bool:
    """Whether the data holds what a placeholder form prints for this indicator
    (``{ho_ngheo_2025:growth}`` on a rate, ``{khach_kh_2026}`` with only a plan: no)."""
    if form == "value":
        return ind.value is not None
    if form == "plan":
        return ind.plan is not None
    if form == "previous":
        return ind.previous is not None
    if form == "plan_pct":
        return plan_pct(ind) is not None
    if form == "gap":
        return gap_points(ind) is not None
    if form == "growth":
        return growth(ind) is not None
    if form == "ratio":
        return ratio(ind) is not None
    if form == "change":
        return change_points(ind) is not None
    if form == "sentence":
        return ind.value is not None or any(f is not None for f in (
            gap_points(ind), plan_pct(ind), growth(ind), ratio(ind), change_points(ind)))
    return False


def computed_budget_pct(line: BudgetLine) -> Decimal | None:
    q = _div(line.actual, line.estimate)
    return None if q is None else q * HUNDRED


def budget_pct(line: BudgetLine) -> Derived | None:
    return _stated_or_computed(line.pct, computed_budget_pct(line))


def attendance_pct(att: Attendance) -> Decimal | None:
    q = _div(Decimal(att.present or 0), Decimal(att.total or 0))
    return None if q is None else q * HUNDRED


def agrees(stated: Decimal, computed: Decimal) -> bool:
    """The cross-check tolerance: half a unit of the stated figure's last
    decimal, or 0.1 % of the computed figure, whichever is larger (inputs in
    the documents are themselves rounded)."""
    exponent = stated.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    half_unit = Decimal(5) / (Decimal(10) ** (places + 1))
    tolerance = max(half_unit, abs(computed) / Decimal(1000))
    return abs(stated - computed) <= tolerance
