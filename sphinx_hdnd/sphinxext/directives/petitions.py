"""``hdnd-petitions``: voters' petitions with their responses and status."""

from __future__ import annotations

from docutils import nodes

from ...model.dataset import Dataset
from ...model.records import PetitionStatus
from ..parts.petitions import filter_petitions, petition_nodes
from .base import HdndDirective, code_list


class PetitionsDirective(HdndDirective):
    """Options: ``:area:`` (codes, or ``toan-tinh`` for province-wide), ``:status:``,
    ``:committee:``, ``:audience:``, ``:topic:``."""

    uses = ("petitions", "petition_history", "areas", "audiences", "province", "session")
    option_spec = {
        "area": code_list,
        "status": code_list,
        "committee": lambda a: [c.strip() for c in (a or "").split(",") if c.strip()],
        "audience": code_list,
        "topic": code_list,
    }

    def render(self, ds: Dataset) -> list[nodes.Node]:
        areas = self.known("area", self.options.get("area", []), [*ds.areas, "toan-tinh"],
                           "địa bàn")
        statuses = self.known("status", self.options.get("status", []),
                              [s.value for s in PetitionStatus], "tình trạng")
        committees = self.known("committee", self.options.get("committee", []),
                                {p.committee for p in ds.petitions if p.committee}, "ban")
        audiences = self.known("audience", self.options.get("audience", []), ds.audiences,
                               "đối tượng cử tri")
        topics = self.known("topic", self.options.get("topic", []), ds.topics, "lĩnh vực")
        items = filter_petitions(ds, areas, statuses, committees, audiences, topics)
        if not items:
            return [nodes.paragraph("", "Không có kiến nghị phù hợp với điều kiện lọc.",
                                    classes=["hdnd-empty"])]
        return [petition_nodes(ds, p) for p in items]
