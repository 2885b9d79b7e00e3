"""``hdnd-meetings``: the schedule of meetings with voters, each linked to its briefing."""

from __future__ import annotations

from docutils import nodes

from ...model.dataset import Dataset
from ...model.meetings import this_sessions
from ...phrasing.sentences import join_names
from ..pages import area_docname, briefing_docname
from ..render import ILLUSTRATIVE_LABEL, badge, doc_link, table, text
from ..stack import STACK
from .base import HdndDirective, code_list


class MeetingsDirective(HdndDirective):
    """Options: ``:area:`` (codes) to list only those areas' meetings."""

    uses = ("meetings", "areas", "audiences", "session")
    option_spec = {"area": code_list}

    def render(self, ds: Dataset) -> list[nodes.Node]:
        areas = self.known("area", self.options.get("area", []), ds.areas, "địa bàn")
        chosen = [m for m in this_sessions(ds) if not areas or m.area in areas]
        if not chosen:
            return [nodes.paragraph("", "Chưa có lịch tiếp xúc cử tri.", classes=["hdnd-empty"])]
        rows = []
        for m in chosen:
            area = ds.areas.get(m.area)
            aud = ds.audiences.get(m.audience or "")
            page = nodes.paragraph()
            # the briefing this meeting is for (or the area's overview for every voter)
            target = (briefing_docname(m.area, aud.code) if aud is not None
                      else area_docname(m.area))
            page += doc_link(target, "Đề cương")
            who = join_names(m.delegates) or m.delegation
            place: str | nodes.Node = m.place
            if m.illustrative:  # an invented date and place is never read as the real one
                place = nodes.inline("", "", text(m.place + " "),
                                     badge(ILLUSTRATIVE_LABEL, "hdnd-illustrative-badge"))
            rows.append([f"{m.date:%d/%m/%Y}" + (f", {m.time}" if m.time else ""), place,
                         area.full_name if area else m.area,
                         aud.name if aud is not None else "Cử tri trên địa bàn", who or "—", page])
        return [table(["Thời gian", "Địa điểm", "Địa bàn", "Đối tượng", "Đại biểu dự",
                       "Đề cương"], rows, [14, 24, 16, 18, 20, 8], ["hdnd-meetings", STACK]),
                nodes.paragraph("", f"{len(chosen):02d} cuộc tiếp xúc cử tri.",
                                classes=["hdnd-meta"])]
