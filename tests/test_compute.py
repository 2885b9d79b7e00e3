"""The cross-check tolerance and the stated-or-computed rule of ``model.compute``."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from sphinx_hdnd.model import compute
from sphinx_hdnd.model.records import BudgetLine, Indicator


@pytest.mark.parametrize(("stated", "computed", "ok"), [
    # the đề cương's 32,82% from 631,6 / 1.924,6 tỷ (32,8172…): rounding, accepted
    ("32.82", D("631.6") / D("1924.6") * 100, True),
    # a slip of 0,08 point is more than 0,1 % of the figure: reported
    ("32.90", D("631.6") / D("1924.6") * 100, False),
    # half a unit of the last stated decimal: 8,8 for 8,75 is within, 8,9 is not
    ("8.8", D("8.75"), True),
    ("8.9", D("8.75"), False),
    # large figures: 0,1 % of the computed value
    ("1000", D("1000.9"), True),
    ("1000", D("1001.2"), False),
])
def test_agrees_tolerance(stated, computed, ok):
    assert compute.agrees(D(stated), computed) is ok


def _indicator(**cells: str) -> Indicator:
    base = {"code": "x", "name": "X", "topic": "kinh-te", "period": "2024", "unit": "tỷ đồng"}
    return Indicator.model_validate({**base, **cells}, context={"number_style": "plain"})


def test_stated_figure_is_shown_as_stated_computed_one_otherwise():
    stated = compute.plan_pct(_indicator(value="631.6", plan="1924.6", plan_pct="32.82"))
    assert stated == compute.Derived(D("32.82"), True)
    computed = compute.plan_pct(_indicator(value="631.6", plan="1924.6"))
    assert computed is not None and not computed.stated
    assert computed.value.quantize(D("0.0001")) == D("32.8172")


def test_rates_compare_by_points_not_ratio():
    rate = _indicator(unit="%", value="8.75", plan="10.14")
    assert compute.plan_pct(rate) is None
    assert compute.gap_points(rate) == D("-1.39")


def test_budget_pct_and_growth():
    line = BudgetLine.model_validate({"code": "t", "kind": "thu", "name": "Thu", "period": "6T",
                                      "actual": "7922", "estimate": "14192.18"},
                                     context={"number_style": "plain"})
    assert compute.budget_pct(line).value.quantize(D("0.01")) == D("55.82")
    grown = compute.growth(_indicator(value="15788.94", previous="12711.94"))
    assert grown is not None and grown.value.quantize(D("0.01")) == D("24.21")


def test_form_has_data_agrees_with_what_the_pages_print():
    """The check behind HD154 and the phrasing that prints a placeholder must agree for
    every indicator of the example and every form: no raw "{…}" can reach a page."""
    from sphinx_hdnd.model import load_dataset
    from sphinx_hdnd.model.placeholders import FORMS
    from sphinx_hdnd.phrasing.figures import figure

    ds = load_dataset(Path(__file__).parents[1] / "examples" / "dien-bien" / "data")
    checked = 0
    for code, ind in ds.indicators.items():
        for form in FORMS:
            if form == "rank":
                continue
            assert compute.form_has_data(ind, form) == (figure(ds, code, form) is not None), (
                code, form)
            checked += 1
    assert checked > 500
    rate = next(i for i in ds.indicators.values() if i.is_rate and i.value is not None)
    plan_only = next(i for i in ds.indicators.values() if i.value is None and i.plan)
    assert not compute.form_has_data(rate, "growth")
    assert not compute.form_has_data(plan_only, "value")
    assert compute.form_has_data(plan_only, "plan")
