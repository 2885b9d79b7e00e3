"""Indicators as table rows and cards; which indicators a page shows."""

from __future__ import annotations

from docutils import nodes

from ...model.dataset import Dataset
from ...model.places import place_name
from ...model.records import Indicator
from ...phrasing.figures import (
    assessment,
    gap_text,
    plan_pct_text,
    plan_text,
    value_text,
    versus_previous_text,
)
from ..render import Cites, badge, cited_paragraph, figure_node, table, text
from ..stack import STACK

PROVINCE = "toan-tinh"


def filter_indicators(ds: Dataset, topics: list[str], areas: list[str], codes: list[str],
                      key_only: bool, period: str | None, exclude_key: bool = False
                      ) -> list[Indicator]:
    if codes:
        items = [ds.indicators[c] for c in codes if c in ds.indicators]
    else:
        items = list(ds.indicators.values())
    out = []
    for ind in items:
        if topics and ind.topic not in topics:
            continue
        if areas and (ind.area or PROVINCE) not in areas:
            continue
        if key_only and ind.key is None:
            continue
        if exclude_key and ind.key is not None:
            continue
        if period and ind.period != period:
            continue
        out.append(ind)
    if key_only and not codes:
        out.sort(key=lambda i: (i.key or 0, i.origin.row or 0))
    return out


def cue_node(ind: Indicator) -> nodes.Node:
    a = assessment(ind)
    if a is None:
        return text("—")
    return badge(("▲ " if a.good else "▼ ") + a.label, "hdnd-good" if a.good else "hdnd-bad")


def _figure_cell(ds: Dataset, ind: Indicator, value: str) -> nodes.Node:
    if not value:
        return nodes.paragraph("", "—")
    cites = Cites()
    return cited_paragraph(ds, [figure_node(ds, value, ind, cites)], cites)


def indicator_row(ds: Dataset, ind: Indicator) -> list[nodes.Node | str]:
    value = value_text(ind)
    if value and ind.estimate:
        value += " (ước)"
    versus_plan = gap_text(ind) if ind.is_rate else plan_pct_text(ind)
    versus_previous = versus_previous_text(ind)
    name = ind.name
    place = place_name(ds, ind.area)  # a former area or an old province says so: "(cũ)"
    # after a comma, not in brackets ("(tỉnh Hà Lam (cũ))" nests them); not when the
    # indicator's own name says it already ("Dân số huyện An Bình")
    if place is not None and place.casefold() not in name.casefold():
        name += f", {place}"
    return [
        name,
        ind.period,
        _figure_cell(ds, ind, value),
        _figure_cell(ds, ind, plan_text(ind)),  # the target is a figure too, with its source
        versus_plan or "—",
        versus_previous or "—",
        cue_node(ind),
    ]


def indicator_table(ds: Dataset, items: list[Indicator]) -> nodes.table:
    return table(
        ["Chỉ tiêu", "Kỳ", "Thực hiện", "Kế hoạch", "So với kế hoạch", "So với kỳ trước",
         "Đánh giá"],
        [indicator_row(ds, i) for i in items],
        [26, 12, 14, 11, 15, 14, 10],
        ["hdnd-indicators", STACK],  # one card per indicator on a phone
    )


def indicator_card(ds: Dataset, ind: Indicator) -> nodes.container:
    card = nodes.container(classes=["hdnd-card"])
    card += nodes.paragraph("", ind.name, classes=["hdnd-card-title"])
    details = [t for t in (gap_text(ind) if ind.is_rate else plan_pct_text(ind),
                           versus_previous_text(ind)) if t]
    # without a value, the headline is what the document says of it ("tăng gấp 2,26 lần …")
    value = value_text(ind) or (details.pop(-1) if details else "")
    cites = Cites()
    headline = [figure_node(ds, value, ind, cites)] if value else [text("—")]
    card += cited_paragraph(ds, headline, cites, ["hdnd-card-value"])
    meta = ind.period + (" · ước thực hiện" if ind.estimate else "")
    card += nodes.paragraph("", meta, classes=["hdnd-meta"])
    if details:
        card += nodes.paragraph("", "; ".join(details))
    card += nodes.paragraph("", "", cue_node(ind))
    return card
