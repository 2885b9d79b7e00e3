"""``hdnd-resolutions``: the resolutions passed, filtered by topic, area or committee."""

from __future__ import annotations

from docutils import nodes

from ...model.dataset import Dataset
from ..parts.resolutions import filter_resolutions, resolutions_list
from .base import HdndDirective, code_list


class ResolutionsDirective(HdndDirective):
    """Options: ``:topic:``, ``:area:``, ``:committee:`` (repeatable values, comma separated)."""

    uses = ("resolutions",)
    option_spec = {
        "topic": code_list,
        "area": code_list,
        "committee": lambda a: [c.strip() for c in (a or "").split(",") if c.strip()],
    }

    def render(self, ds: Dataset) -> list[nodes.Node]:
        topics = self.known("topic", self.options.get("topic", []), ds.topics, "lĩnh vực")
        areas = self.known("area", self.options.get("area", []), ds.areas, "địa bàn")
        committees = self.known("committee", self.options.get("committee", []),
                                {r.committee for r in ds.resolutions if r.committee}, "ban")
        items = filter_resolutions(ds, topics, areas, committees)
        if not items:
            return [nodes.paragraph("", "Không có nghị quyết phù hợp với điều kiện lọc.",
                                    classes=["hdnd-empty"])]
        return [resolutions_list(ds, items, with_details=True)]
