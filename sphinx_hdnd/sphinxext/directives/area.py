"""``hdnd-area``: one area's overview: its figures, local items, petitions and briefings."""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives

from ...model.dataset import Dataset
from ...phrasing.figures import period_name, ranking_text
from ...tailoring import area_scope, audiences_for, local_codes, local_indicators
from ..membership import membership_nodes
from ..pages import area_docname, briefing_docname
from ..parts.chart import area_chart_nodes
from ..parts.local import local_indicator_table
from ..parts.petitions import petition_nodes
from ..render import Cites, cited_paragraph, doc_link, figure_node, item_paragraph, section, text
from ..state import build_state
from .base import HdndDirective


class AreaDirective(HdndDirective):
    """Option ``:area:`` (code, required)."""

    # no "resolutions": the area page shows none, so editing them must not re-read it
    uses = ("areas", "audiences", "indicators", "rankings", "narrative", "petitions")
    option_spec = {"area": directives.unchanged_required}

    def render(self, ds: Dataset) -> list[nodes.Node]:
        code = self.options.get("area")
        if code not in ds.areas:
            self.warn(f"tùy chọn :area: “{code}” không phải mã địa bàn đã khai báo", "reference")
            return []
        area = ds.areas[code]
        doc = self.state.document
        title = area.display_name[:1].upper() + area.display_name[1:]
        page = section(doc, title, f"hdnd-area-{code}", ["hdnd-area"])
        # the unit's communes, the commune's unit, the former areas before and after
        page.extend(membership_nodes(ds, code, lambda c, label: doc_link(area_docname(c),
                                                                        label)))
        page += nodes.paragraph("", "Chọn đối tượng cử tri của cuộc tiếp xúc:",
                                classes=["hdnd-meta"])
        grid = nodes.container(classes=["hdnd-audience-links"])
        for aud in audiences_for(ds, code, build_state(self.env).config.exclude_audiences):
            card = nodes.container(classes=["hdnd-link-card"])
            card += nodes.paragraph("", "", doc_link(briefing_docname(code, aud.code), aud.name))
            if aud.description:
                card += nodes.paragraph("", aud.description, classes=["hdnd-meta"])
            grid += card
        page += grid
        indicators = local_indicators(ds, code)
        if indicators:
            sub = section(doc, "Chỉ tiêu của địa bàn", f"hdnd-area-{code}-chi-tieu")
            sub += local_indicator_table(ds, indicators, area)
            # the area against the others and the province, where several areas report
            sub.extend(area_chart_nodes(self.env, ds, code))
            page += sub
        scope = area_scope(ds, code)
        # ranks of this place, of the places inside it and of the former areas it replaced
        rankings = [rk for rk in ds.rankings.values()
                    if rk.area is not None and rk.area in local_codes(ds, code)]
        if rankings:
            sub = section(doc, "Xếp hạng", f"hdnd-area-{code}-xep-hang")
            rows = []
            for rk in rankings:
                cites = Cites()
                sentence = figure_node(ds, ranking_text(rk, ds), rk, cites)
                rows.append(nodes.list_item("", cited_paragraph(
                    ds, [text(f"{rk.subject} ({period_name(rk.period)}): "), sentence], cites)))
            sub += nodes.bullet_list("", *rows, bullet="-", classes=["hdnd-area-rankings"])
            page += sub
        from ...model.area_links import effective_areas

        links = effective_areas(ds)
        items = [i for i in ds.narrative.all_items()
                 if scope & set(links.get(id(i), i.areas))]
        if items:
            sub = section(doc, "Nội dung liên quan đến địa bàn", f"hdnd-area-{code}-noi-dung")
            sub += nodes.bullet_list("", *(nodes.list_item("", item_paragraph(ds, i, i.text))
                                           for i in items), bullet="-")
            page += sub
        petitions = [p for p in ds.petitions if p.area in scope]
        sub = section(doc, "Kiến nghị của cử tri", f"hdnd-area-{code}-kien-nghi")
        if petitions:
            sub.extend(petition_nodes(ds, p, show_area=False) for p in petitions)
        else:
            sub += nodes.paragraph("", "Chưa có kiến nghị.", classes=["hdnd-empty"])
        page += sub
        return [page]
