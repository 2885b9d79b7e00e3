"""``hdnd-briefing``: the đề cương cut for one area and one audience.

Order: "Điểm cần nói"; local facts; the session's results ranked for the
audience (less relevant parts collapsed, never dropped); petitions of the
area; "Cử tri có thể hỏi"; sources. Every item says why it is there.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes

from ...model.loader import Dataset
from ...model.records import Area, Audience, NarrativeItem, Resolution
from ...phrasing.briefing import (
    comparison_text,
    indicator_point,
    local_question,
    petition_answer,
    petition_question,
    rank_text,
    shortcoming_question,
    why_text,
)
from ...phrasing.figures import indicator_sentence
from ...tailoring import (
    COLLAPSE_BELOW,
    Briefing,
    LocalIndicator,
    Point,
    Ranked,
    Relevance,
    build_briefing,
)
from ..render import (
    Cites,
    cited_paragraph,
    figure_node,
    item_paragraph,
    section,
    table,
    text,
)
from .base import HdndDirective
from .budget import budget_lines, budget_paragraph
from .chart import area_chart_nodes
from .petitions import petition_nodes
from .questions import debate_paragraph, questioning_paragraphs
from .resolutions import resolution_paragraph
from .session import session_nodes

GENERATED = "tiep-xuc"


def doc_link(docname: str, label: str, classes: Sequence[str] = ()) -> addnodes.pending_xref:
    """A link to another page that every builder resolves (std:doc)."""
    ref = addnodes.pending_xref("", refdomain="std", reftype="doc", reftarget="/" + docname,
                                refexplicit=True, refwarn=True)
    ref += nodes.inline("", label, classes=list(classes))
    return ref


def briefing_docname(area: str, audience: str) -> str:
    return f"{GENERATED}/{area}/{audience}"


def area_docname(area: str) -> str:
    return f"{GENERATED}/{area}/index"


def local_indicator_table(ds: Dataset, indicators: list[LocalIndicator], area: Area
                          ) -> nodes.table:
    """An area's figures beside the province's, with the rank among the areas that report it."""
    level = ds.province.area_level_label if ds.province else "địa bàn"
    rows: list[list[nodes.Node | str]] = []
    for li in indicators:
        ind = li.indicator
        label = f"{ind.name} ({ind.period})"
        if ind.area != area.code and ind.area in ds.areas:  # a commune inside an electoral unit
            label += f", {ds.areas[ind.area].full_name}"
        cites = Cites()
        rows.append([label,
                     cited_paragraph(ds, [figure_node(ds, indicator_sentence(ind), ind, cites)],
                                     cites),
                     comparison_text(ind, li.province),
                     rank_text(li.rank, li.of, level)])
    return table(["Chỉ tiêu", area.full_name, "So với toàn tỉnh", "Xếp hạng"], rows,
                 [30, 30, 25, 15], ["hdnd-local-indicators"])


def why_line(ds: Dataset, rel: Relevance) -> nodes.paragraph:
    """The small line under an item that says why it is on this page."""
    return nodes.paragraph("", "", why(ds, rel), classes=["hdnd-why-line"])


def why(ds: Dataset, rel: Relevance) -> nodes.inline:
    return nodes.inline("", why_text(ds, rel.topics, rel.areas), classes=["hdnd-why"])


def collapsible(title: str, body: list[nodes.Node]) -> nodes.Node:
    """Collapsed in HTML (sphinx-design dropdown), fully printed elsewhere."""
    from sphinx_design.shared import create_component

    box = create_component(
        "dropdown", opened=False, type="dropdown", has_title=True, icon=None, chevron=None,
        container_classes=["sd-mb-3", "hdnd-collapsed"], title_classes=[], body_classes=[],
    )
    box += nodes.rubric(title, title)
    box.extend(body)
    return box


def ranked_items(ds: Dataset, ranked: list[Ranked[NarrativeItem]], label: str
                 ) -> list[nodes.Node]:
    """Relevant items in full; the others shortened under a collapsed heading."""
    shown = [r for r in ranked if not r.collapsed]
    folded = [r for r in ranked if r.collapsed]
    out: list[nodes.Node] = []
    if shown:
        out.append(nodes.bullet_list("", *(nodes.list_item("", *_item_with_why(ds, r))
                                           for r in shown), bullet="-"))
    if folded:
        out.append(collapsible(f"{label} ít liên quan hơn đến đối tượng này ({len(folded)})", [
            nodes.bullet_list("", *(nodes.list_item("", *_item_with_why(ds, r)) for r in folded),
                              bullet="-")]))
    return out


def _item_with_why(ds: Dataset, r: Ranked[NarrativeItem]) -> list[nodes.Node]:
    para = item_paragraph(ds, r.item, r.item.text)
    return [para, why_line(ds, r.relevance)]


class BriefingBuilder:
    def __init__(self, ds: Dataset, document: nodes.document, b: Briefing, srcdir: str = "",
                 docname: str = "") -> None:
        self.ds, self.document, self.b = ds, document, b
        self.srcdir, self.docname = srcdir, docname
        self.prefix = f"hdnd-{b.area.code}-{b.audience.code}"

    def sec(self, title: str, ident: str, classes: Sequence[str] = ()) -> nodes.section:
        return section(self.document, title, f"{self.prefix}-{ident}", classes)

    # -- navigation

    def navigation(self) -> nodes.Node:
        ds, b = self.ds, self.b
        box = nodes.container(classes=["hdnd-nav"])
        para = nodes.paragraph(classes=["hdnd-nav-audiences"])
        para += text("Đối tượng khác tại địa bàn: ")
        others = [a for a in sorted(ds.audiences.values(), key=audience_order)
                  if a.code != b.audience.code]
        for i, aud in enumerate(others):
            if i:
                para += text(" · ")
            para += doc_link(briefing_docname(b.area.code, aud.code), aud.name)
        box += para
        para = nodes.paragraph(classes=["hdnd-nav-up"])
        para += doc_link(area_docname(b.area.code), f"Tổng quan {b.area.full_name}")
        para += text(" · ")
        para += doc_link("index", "Đề cương chung toàn tỉnh")
        box += para
        box.extend(self.downloads())
        return box

    def downloads(self) -> list[nodes.Node]:
        """Links to the figures as CSV and XLSX, when the generator wrote them."""
        base = f"{GENERATED}/{self.b.area.code}/{self.b.audience.code}"
        if not (Path(self.srcdir) / f"{base}.csv").is_file():
            return []
        para = nodes.paragraph(classes=["hdnd-downloads"])
        para += text("Tải số liệu của đề cương: ")
        for i, (suffix, label) in enumerate(((".csv", "CSV"), (".xlsx", "Excel (XLSX)"))):
            if i:
                para += text(" · ")
            para += addnodes.download_reference(
                "", "", nodes.inline("", label), reftarget=f"/{base}{suffix}",
                refdoc=self.docname, refexplicit=True)
        return [para]

    # -- 1. points to make

    def points(self) -> nodes.section | None:
        if not self.b.points:
            return None
        sec = self.sec("Điểm cần nói", "diem-can-noi", ["hdnd-points"])
        lst = nodes.enumerated_list(enumtype="arabic", suffix=".")
        for point in self.b.points:
            lst += nodes.list_item("", self.point_paragraph(point),
                                   nodes.paragraph("", "", why(self.ds, point.relevance),
                                                   classes=["hdnd-why-line"]))
        sec += lst
        return sec

    def point_paragraph(self, point: Point) -> nodes.paragraph:
        ds, rec = self.ds, point.record
        if point.kind == "indicator":
            assert not isinstance(rec, NarrativeItem | Resolution)
            cites = Cites()
            return cited_paragraph(ds, [figure_node(ds, indicator_point(rec), rec, cites)], cites)
        if isinstance(rec, Resolution):
            para = resolution_paragraph(ds, rec)
            para.insert(0, text("Nghị quyết liên quan trực tiếp: "))
            return para
        assert isinstance(rec, NarrativeItem)
        return item_paragraph(ds, rec, rec.text)

    # -- 2. local facts

    def local(self) -> nodes.section | None:
        ds, b = self.ds, self.b
        body: list[nodes.Node] = []
        if b.indicators:
            body.append(local_indicator_table(ds, b.indicators, b.area))
            body.extend(area_chart_nodes(self.document.settings.env, ds, b.area.code))
        # what "Điểm cần nói" already said is not repeated
        in_points = {id(p.record) for p in b.points}
        rest = [r for r in b.local_items if id(r.item) not in in_points]
        if rest:
            sub = self.sec("Dự án, chương trình, nhiệm vụ khác trên địa bàn", "dia-ban-noi-dung")
            sub += nodes.bullet_list("", *(nodes.list_item("", *_item_with_why(ds, r))
                                           for r in rest), bullet="-")
            body.append(sub)
        local_res = [r for r in b.resolutions if r.relevance.local]
        if local_res:
            sub = self.sec("Nghị quyết tác động trực tiếp đến địa bàn", "dia-ban-nghi-quyet")
            sub += nodes.bullet_list("", *(nodes.list_item("", resolution_paragraph(ds, r.item),
                                                           why_line(ds, r.relevance))
                                           for r in local_res), bullet="-")
            body.append(sub)
        if not body:
            return None  # all of it was said in "Điểm cần nói": no heading over nothing
        sec = self.sec(f"Tình hình tại {b.area.full_name}", "dia-ban")
        sec.extend(body)
        return sec

    # -- 3. the session's results, ranked for this audience

    def session_results(self) -> nodes.section:
        ds, b = self.ds, self.b
        name = ds.session.name if ds.session else "kỳ họp"
        sec = self.sec(f"Kết quả {name}", "ket-qua")
        sec.extend(session_nodes(ds))
        if b.highlights:
            sub = self.sec("Kết quả nổi bật", "ket-qua-noi-bat")
            sub.extend(ranked_items(ds, b.highlights, "Các kết quả"))
            sec += sub
        if b.shortcomings:
            sub = self.sec("Tồn tại, hạn chế", "ton-tai")
            sub.extend(ranked_items(ds, b.shortcomings, "Các hạn chế"))
            sec += sub
        if b.tasks:
            sub = self.sec("Nhiệm vụ, giải pháp trọng tâm", "nhiem-vu")
            sub.extend(ranked_items(ds, b.tasks, "Các nhiệm vụ"))
            sec += sub
        lines = budget_lines(ds)
        if lines:
            sub = self.sec("Thu, chi ngân sách", "ngan-sach")
            paras: list[nodes.Node] = [budget_paragraph(ds, line) for line in lines]
            weight = b.audience.weight("ngan-sach")
            sub.extend(paras if weight >= COLLAPSE_BELOW else
                       [collapsible("Số liệu thu, chi ngân sách", paras)])
            sec += sub
        res = [r for r in b.resolutions if not r.relevance.local]
        if res:
            sub = self.sec("Các nghị quyết đã thông qua", "nghi-quyet")
            top = [r for r in res if not r.collapsed]
            rest = [r for r in res if r.collapsed]
            if top:
                sub += nodes.bullet_list("", *(nodes.list_item(
                    "", resolution_paragraph(ds, r.item),
                    why_line(ds, r.relevance))
                    for r in top), bullet="-")
            if rest:
                sub += collapsible(f"Các nghị quyết khác ({len(rest)})", [nodes.bullet_list(
                    "", *(nodes.list_item("", resolution_paragraph(ds, r.item)) for r in rest),
                    bullet="-")])
            sec += sub
        other: list[nodes.Node] = []
        debate = debate_paragraph(ds)
        if debate is not None:
            other.append(debate)
        other.extend(questioning_paragraphs(ds))
        if other:
            sub = self.sec("Thảo luận, chất vấn tại kỳ họp", "chat-van")
            sub += collapsible("Phiên thảo luận và chất vấn", other)
            sec += sub
        return sec

    # -- 4. petitions

    def petitions(self) -> nodes.section:
        ds, b = self.ds, self.b
        sec = self.sec("Kiến nghị của cử tri tại địa bàn", "kien-nghi")
        if b.petitions:
            sec.extend(petition_nodes(ds, p, show_area=False) for p in b.petitions)
        else:
            sec += nodes.paragraph("", "Chưa có kiến nghị của cử tri địa bàn tại kỳ họp này.",
                                   classes=["hdnd-empty"])
        if b.open_earlier:
            sub = self.sec("Kiến nghị từ các kỳ họp trước chưa giải quyết xong", "kien-nghi-cu")
            sub.extend(petition_nodes(ds, p, show_area=False) for p in b.open_earlier)
            sec += sub
        if b.province_petitions:
            sub = self.sec("Kiến nghị chung toàn tỉnh", "kien-nghi-chung")
            sub += collapsible(f"Kiến nghị chung ({len(b.province_petitions)})",
                               [petition_nodes(ds, p) for p in b.province_petitions])
            sec += sub
        return sec

    # -- 5. likely questions

    def questions(self) -> nodes.section | None:
        ds, b = self.ds, self.b
        if not b.questions:
            return None
        sec = self.sec("Cử tri có thể hỏi", "cu-tri-co-the-hoi", ["hdnd-questions"])
        lst = nodes.enumerated_list(enumtype="arabic", suffix=".")
        for q in b.questions:
            item = nodes.list_item()
            subject = q.subject
            if q.kind == "petition":
                assert not isinstance(subject, NarrativeItem)
                item += nodes.paragraph("", "", nodes.strong("", petition_question(subject)))
                cites = Cites()
                cites.add(subject)
                item += cited_paragraph(ds, [text(petition_answer(subject))], cites)
            else:
                assert isinstance(subject, NarrativeItem)
                question = (shortcoming_question(subject.title) if q.kind == "shortcoming"
                            else local_question(subject.title, b.area))
                item += nodes.paragraph("", "", nodes.strong("", question))
                item += item_paragraph(ds, subject, subject.text, prefix="Thông tin: ")
                for answer in q.answers:
                    item += item_paragraph(ds, answer, answer.text, prefix="Giải pháp: ")
            lst += item
        sec += lst
        return sec

    def build(self) -> nodes.section:
        b = self.b
        page = self.sec(f"{b.area.full_name[:1].upper()}{b.area.full_name[1:]} - {b.audience.name}",
                        "trang", ["hdnd-briefing"])
        intro = nodes.paragraph(classes=["hdnd-meta"])
        name = self.ds.session.name if self.ds.session else "kỳ họp"
        prov = self.ds.province
        council = f"{prov.council_short} khóa {prov.term.code}" if prov else ""
        intro += text(f"Đề cương tiếp xúc cử tri sau {name}, {council}: nội dung được chọn và "
                      f"sắp xếp cho cử tri {b.area.full_name}, đối tượng “{b.audience.name}”.")
        page += intro
        page += self.navigation()
        for part in (self.points(), self.local(), self.session_results(), self.petitions(),
                     self.questions()):
            if part is not None:
                page += part
        return page


def audience_order(aud: Audience) -> tuple[int, str]:
    return (aud.order if aud.order is not None else 10**6, aud.code)


class BriefingDirective(HdndDirective):
    """Options ``:area:`` and ``:audience:`` (codes), both required."""

    uses = ("session", "areas", "audiences", "indicators", "rankings", "budget", "narrative",
            "resolutions", "petitions", "topics")
    option_spec = {"area": directives.unchanged_required,
                   "audience": directives.unchanged_required}

    def render(self, ds: Dataset) -> list[nodes.Node]:
        area, audience = self.options.get("area"), self.options.get("audience")
        if area not in ds.areas or audience not in ds.audiences:
            self.warn(f"cần :area: và :audience: là mã đã khai báo (nhận “{area}”, “{audience}”)",
                      "reference")
            return []
        b = build_briefing(ds, area, audience)
        return [BriefingBuilder(ds, self.state.document, b, str(self.env.srcdir),
                                self.env.docname).build()]
