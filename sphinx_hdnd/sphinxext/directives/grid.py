"""``hdnd-grid``: the landing grid: pick an area, then an audience."""

from __future__ import annotations

from docutils import nodes

from ...model.loader import Dataset
from ...tailoring import audiences_for
from ..render import text
from .base import HdndDirective
from .briefing import area_docname, briefing_docname, doc_link


def _area_order(area):  # type: ignore[no-untyped-def]
    return (area.order if area.order is not None else 10**6, area.code)


def meeting_areas(ds: Dataset, include: list[str], exclude: list[str]) -> list:
    """Areas that get briefings: current ones (no end date), as configured."""
    areas = [a for a in ds.areas.values() if a.valid_to is None]
    if include:
        areas = [a for a in areas if a.code in include]
    areas = [a for a in areas if a.code not in exclude]
    return sorted(areas, key=_area_order)


class GridDirective(HdndDirective):
    """Cards (sphinx-design classes) for every area, each listing its audiences."""

    uses = ("areas", "audiences")

    def render(self, ds: Dataset) -> list[nodes.Node]:
        cfg = self.config
        grid = nodes.container(classes=["sd-container-fluid", "sd-sphinx-override", "sd-mb-4",
                                        "hdnd-grid"])
        row = nodes.container(classes=["sd-row", "sd-row-cols-1", "sd-row-cols-sm-2",
                                       "sd-row-cols-lg-3", "sd-g-3"])
        grid += row
        for area in meeting_areas(ds, cfg.hdnd_areas, cfg.hdnd_exclude_areas):
            col = nodes.container(classes=["sd-col", "sd-d-flex-row"])
            card = nodes.container(classes=["sd-card", "sd-sphinx-override", "sd-w-100",
                                            "sd-shadow-sm", "hdnd-area-card"])
            body = nodes.container(classes=["sd-card-body"])
            title = nodes.paragraph(classes=["sd-card-title", "sd-font-weight-bold"])
            title += doc_link(area_docname(area.code),
                              area.full_name[:1].upper() + area.full_name[1:])
            body += title
            lst = nodes.bullet_list(bullet="-", classes=["hdnd-audience-list"])
            for aud in audiences_for(ds, area.code, cfg.hdnd_exclude_audiences):
                lst += nodes.list_item("", nodes.paragraph(
                    "", "", doc_link(briefing_docname(area.code, aud.code), aud.name)))
            body += lst
            card += body
            col += card
            row += col
        if not row.children:
            return [nodes.paragraph("", "", text("Chưa có địa bàn nào để lập đề cương."))]
        return [grid]
