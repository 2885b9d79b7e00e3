"""``hdnd-indicators``: indicators as a table or as cards, with a good/bad cue."""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives

from ...model.dataset import Dataset
from ..parts.indicators import PROVINCE, filter_indicators, indicator_card, indicator_table
from .base import HdndDirective, code_list


class IndicatorsDirective(HdndDirective):
    """Options: ``:topic:``, ``:area:`` (codes or ``toan-tinh``), ``:codes:``, ``:key:``,
    ``:period:``, ``:layout: table|cards``."""

    uses = ("indicators", "areas")
    option_spec = {
        "topic": code_list,
        "area": code_list,
        "codes": code_list,
        "key": directives.flag,
        "exclude-key": directives.flag,
        "period": directives.unchanged,
        "layout": directives.unchanged,
    }

    def render(self, ds: Dataset) -> list[nodes.Node]:
        topics = self.known("topic", self.options.get("topic", []), ds.topics, "lĩnh vực")
        areas = self.known("area", self.options.get("area", []), [*ds.areas, PROVINCE],
                           "địa bàn")
        codes = self.known("codes", self.options.get("codes", []), ds.indicators, "chỉ tiêu")
        layout = self.choice("layout", ["table", "cards"], "table")
        items = filter_indicators(ds, topics, areas, codes, "key" in self.options,
                                  self.options.get("period"), "exclude-key" in self.options)
        if not items:
            return [nodes.paragraph("", "Không có chỉ tiêu phù hợp với điều kiện lọc.",
                                    classes=["hdnd-empty"])]
        if layout == "cards":
            grid = nodes.container(classes=["hdnd-cards"])
            grid.extend(indicator_card(ds, i) for i in items)
            return [grid]
        return [indicator_table(ds, items)]
