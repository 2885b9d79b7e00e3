"""``hdnd-briefing``: the đề cương cut for one area and one audience.

What a delegate takes into one meeting, in two or three printed pages:
"Điểm cần nói"; the area's own figures beside the province's; what happened to
what voters here asked; the questions likely to come, with the answer that fits;
the session in brief with the resolutions that touch this place or audience.
Everything else is a link to the province đề cương. Why an item was chosen is
shown only to the office staff (hidden by default, never printed).
"""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes
from docutils.parsers.rst import directives

from ...model.dataset import Dataset
from ...model.follow_up import as_of, follow_up
from ...model.meetings import meetings_of
from ...model.records import Indicator, NarrativeItem, Resolution
from ...phrasing.briefing import (
    answer_text,
    indicator_point,
    is_province_target,
    local_question,
    province_petitions_lead,
    short_tag,
    shortcoming_question,
    targets_point,
    task_answer,
    upper_first,
    when_and_where,
    why_text,
)
from ...phrasing.sentences import join_names
from ...tailoring import (
    Briefing,
    Point,
    Relevance,
    audiences_for,
    build_briefing,
)
from ..generate import write_briefing_downloads
from ..membership import membership_nodes
from ..pages import area_docname, briefing_docname
from ..parts.local import local_indicator_table, local_rank
from ..parts.petitions import petition_nodes
from ..parts.session import session_nodes
from ..render import (
    ILLUSTRATIVE_LABEL,
    Cites,
    badge,
    cited_paragraph,
    doc_link,
    download_links,
    figure_node,
    item_paragraph,
    section,
    text,
)
from ..state import build_state
from .base import HdndDirective

#: the class of what only the office staff see: hidden by default, never printed
STAFF = "hdnd-staff"


def staff_note(ds: Dataset, rel: Relevance) -> nodes.container:
    """Why an item is there, for the office staff who check the briefing."""
    box = nodes.container(classes=[STAFF])
    box += nodes.paragraph("", why_text(ds, rel.topics, rel.areas, broad=rel.broad,
                                        priority=rel.priority, pinned=rel.pinned,
                                        note=rel.note, stale=rel.stale),
                           classes=["hdnd-why"])
    return box


def tag(ds: Dataset, rel: Relevance) -> nodes.inline:
    return badge(short_tag(ds, rel.topics, rel.local, rel.pinned),
                 "hdnd-tag-chosen" if rel.pinned else "hdnd-tag")


def _spoken_together(points: list[Point]) -> list[list[Point]]:
    """The points in order, targets of the province's plan for the same period next to
    each other joined into one ("Năm 2024, tỉnh phấn đấu … và …")."""
    groups: list[list[Point]] = []
    for point in points:
        rec = point.record
        last = groups[-1][-1].record if groups else None
        if (isinstance(rec, Indicator) and is_province_target(rec)
                and isinstance(last, Indicator) and is_province_target(last)
                and last.period == rec.period):
            groups[-1].append(point)
        else:
            groups.append([point])
    return groups


class BriefingBuilder:
    def __init__(self, ds: Dataset, document: nodes.document, b: Briefing, srcdir: str = "",
                 docname: str = "") -> None:
        self.ds, self.document, self.b = ds, document, b
        self.srcdir, self.docname = srcdir, docname
        self.prefix = f"hdnd-{b.area.code}-{b.audience.code}"

    def sec(self, title: str, ident: str, classes: Sequence[str] = ()) -> nodes.section:
        return section(self.document, title, f"{self.prefix}-{ident}", classes)

    # -- header and navigation

    def header(self) -> list[nodes.Node]:
        ds, b = self.ds, self.b
        s, prov = ds.session, ds.province
        meta = nodes.paragraph(classes=["hdnd-meta"])
        parts = ["Đề cương tiếp xúc cử tri"]
        if s is not None:
            parts.append(f"sau {s.name}" + (f", {prov.council_short} khóa {prov.term.code}"
                                            if prov else ""))
        meta += text(" ".join(parts) + f". Địa bàn: {b.area.full_name}. "
                     f"Đối tượng: {b.audience.name}.")
        out: list[nodes.Node] = [meta]
        # where this place stands (its unit, its communes, the former district): a delegate
        # of a new electoral unit is asked "which of our old villages is this?"
        out.extend(membership_nodes(ds, b.area.code, None, ("hdnd-meta", "hdnd-membership")))
        # the meeting this booklet is for: its date and place head the printed page
        for m in meetings_of(ds, b.area.code, b.audience.code):
            who = join_names(m.delegates) or m.delegation
            line = nodes.paragraph(
                "", f"Cuộc tiếp xúc: {when_and_where(m)}." + (f" Đại biểu dự: {who}." if who
                                                              else ""),
                classes=["hdnd-meta", "hdnd-meeting"])
            if m.illustrative:  # an invented date and place is never read as the real one
                line += text(" ")
                line += badge(ILLUSTRATIVE_LABEL, "hdnd-illustrative-badge")
            out.append(line)
        return [*out, self.navigation()]

    def navigation(self) -> nodes.Node:
        ds, b = self.ds, self.b
        box = nodes.container(classes=["hdnd-nav"])
        others = [a for a in audiences_for(ds, b.area.code) if a.code != b.audience.code]
        if others:
            para = nodes.paragraph(classes=["hdnd-nav-audiences"])
            para += text("Đối tượng khác tại địa bàn: ")
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
        """Links to the figures as CSV and XLSX, written beside the generated page."""
        if not write_briefing_downloads(self.ds, self.b, self.srcdir):
            return []
        base = briefing_docname(self.b.area.code, self.b.audience.code)
        return [download_links("Tải số liệu của đề cương: ", base, (".csv", ".xlsx"),
                               self.docname)]

    # -- 1. points to make

    def points(self) -> nodes.section | None:
        if not self.b.points:
            return None
        sec = self.sec("Điểm cần nói", "diem-can-noi", ["hdnd-points"])
        lst = nodes.enumerated_list(enumtype="arabic", suffix=".")
        # a task of the plan is said as what the province will do, the period said once
        tasks = {id(t) for t in self.ds.narrative.task_items()}
        said_tasks = 0
        for group in _spoken_together(self.b.points):
            rec = group[0].record
            if len(group) > 1:
                para = self.targets_paragraph(group)
            elif id(rec) in tasks and isinstance(rec, NarrativeItem):
                para = item_paragraph(self.ds, rec, task_answer(rec.text, self.ds.session,
                                                                said_tasks))
                said_tasks += 1
            else:
                para = self.point_paragraph(group[0])
            for point in group:
                para += text(" ")
                para += tag(self.ds, point.relevance)
            lst += nodes.list_item("", para, *(staff_note(self.ds, p.relevance) for p in group))
        sec += lst
        return sec

    def targets_paragraph(self, group: list[Point]) -> nodes.paragraph:
        """Several targets of the province's plan for one period, as one sentence."""
        inds = [p.record for p in group if isinstance(p.record, Indicator)]
        cites = Cites()
        body: list[nodes.Node] = []
        for n, piece in enumerate(targets_point(inds)):
            if n % 2:  # the words between the figures
                body.append(text(piece))
            else:
                node = figure_node(self.ds, piece, inds[n // 2], cites)
                node["classes"].append("hdnd-figure-sentence")
                body.append(node)
        return cited_paragraph(self.ds, body, cites)

    def point_paragraph(self, point: Point) -> nodes.paragraph:
        ds, rec = self.ds, point.record
        if isinstance(rec, Indicator):
            cites = Cites()
            li = next((x for x in self.b.indicators if x.indicator is rec), None)
            area = ds.areas.get(rec.area or "")
            sentence = indicator_point(rec, area, li.province if li else None,
                                       local_rank(li, ds) if li else "")
            node = figure_node(ds, sentence, rec, cites)
            # a whole sentence is the link to its source: read aloud as text, not all in bold
            node["classes"].append("hdnd-figure-sentence")
            return cited_paragraph(ds, [node], cites)
        if isinstance(rec, Resolution):
            cites = Cites()
            cites.add(rec)
            return cited_paragraph(ds, [text(f"Kỳ họp đã thông qua {rec.title}"
                                             + (f" (số {rec.official_number})"
                                                if rec.official_number else "") + ".")], cites)
        assert isinstance(rec, NarrativeItem)
        return item_paragraph(ds, rec, rec.text)

    # -- 2. local facts

    def local(self) -> nodes.section | None:
        ds, b = self.ds, self.b
        body: list[nodes.Node] = []
        if b.indicators:
            body.append(local_indicator_table(ds, b.indicators, b.area))
        if b.local_items:
            lst = nodes.bullet_list(bullet="-")
            for r in b.local_items:
                para = item_paragraph(ds, r.item, r.item.text)
                lst += nodes.list_item("", para, staff_note(ds, r.relevance))
            body.append(lst)
        if b.local_titles:
            para = nodes.paragraph(classes=["hdnd-more"])
            para += text("Nội dung khác tại địa bàn: "
                         + "; ".join(r.item.title or r.item.code for r in b.local_titles)
                         + " (xem ")
            para += doc_link(area_docname(b.area.code), f"trang tổng quan {b.area.full_name}")
            para += text(").")
            body.append(para)
        if not body:
            return None
        sec = self.sec(f"Tình hình tại {b.area.full_name}", "dia-ban")
        sec.extend(body)
        return sec

    # -- 3. petitions of the area

    def petitions(self) -> nodes.section:
        ds, b = self.ds, self.b
        sec = self.sec("Kết quả giải quyết kiến nghị của cử tri", "kien-nghi")
        day = as_of(ds)
        if day is not None and any(follow_up(ds, p).deadline for p in b.petitions):
            # "quá hạn 4 ngày" holds on one day: say which, the meeting may be a week later
            sec += nodes.paragraph("", f"Tình trạng tính đến ngày {day:%d/%m/%Y}.",
                                   classes=["hdnd-meta", "hdnd-as-of"])
        if b.petitions:
            sec.extend(petition_nodes(ds, p, show_area=False, compact=True)
                       for p in b.petitions)
        else:
            sec += nodes.paragraph("", "Chưa có kiến nghị của cử tri tại địa bàn.",
                                   classes=["hdnd-empty"])
        more = b.petitions_total - len(b.petitions)
        para = nodes.paragraph(classes=["hdnd-more"])
        if more > 0:
            para += text(f"Còn {more} kiến nghị khác của địa bàn: xem ")
            para += doc_link(area_docname(b.area.code), f"trang tổng quan {b.area.full_name}")
            para += text(". ")
        if b.province_petitions:
            para += text(f"{province_petitions_lead(b.province_petitions)}: xem mục III của ")
            para += doc_link("index", "đề cương chung toàn tỉnh")
            para += text(".")
        if para.children:
            sec += para
        return sec

    # -- 4. likely questions

    def questions(self) -> nodes.section | None:
        ds, b = self.ds, self.b
        if not b.questions:
            return None
        sec = self.sec("Cử tri có thể hỏi", "cu-tri-co-the-hoi", ["hdnd-questions"])
        lst = nodes.enumerated_list(enumtype="arabic", suffix=".")
        for nth, q in enumerate(b.questions):
            item = nodes.list_item()
            subject = q.subject
            question = (local_question(subject.title, b.area) if q.kind == "local"
                        else shortcoming_question(subject.title, ds.session, q.concern))
            item += nodes.paragraph("", "", nodes.strong("", question))
            said = answer_text(q.answer_clauses) if q.answer_clauses else q.answer.text
            item += item_paragraph(ds, q.answer, task_answer(said, ds.session, nth),
                                   prefix="Trả lời: ")
            item += staff_note(ds, q.relevance)
            lst += item
        sec += lst
        return sec

    # -- 5. the session in brief

    def session(self) -> nodes.section:
        ds, b = self.ds, self.b
        name = ds.session.name if ds.session else "kỳ họp"
        sec = self.sec(f"Kết quả {name}", "ket-qua")
        sec.extend(session_nodes(ds, brief=True))
        if b.resolutions_total:
            intro = nodes.paragraph()
            if b.resolutions:
                intro += text(f"Kỳ họp đã thông qua {b.resolutions_total:02d} nghị quyết; "
                              "những nghị quyết liên quan đến địa bàn và đối tượng cử tri:")
            else:
                intro += text(f"Kỳ họp đã thông qua {b.resolutions_total:02d} nghị quyết.")
            sec += intro
            if b.resolutions:
                lst = nodes.bullet_list(bullet="-")
                for r in b.resolutions:
                    cites = Cites()
                    cites.add(r.item)
                    body = [text(r.item.title + (f" (số {r.item.official_number})"
                                                 if r.item.official_number else "") + ".")]
                    lst += nodes.list_item("", cited_paragraph(ds, body, cites),
                                           staff_note(ds, r.relevance))
                sec += lst
        para = nodes.paragraph(classes=["hdnd-more"])
        para += text("Kết quả nổi bật, hạn chế, nhiệm vụ, ngân sách, các nghị quyết khác, thảo "
                     "luận và chất vấn: xem ")
        para += doc_link("index", "đề cương chung toàn tỉnh")
        para += text(".")
        sec += para
        return sec

    def build(self) -> nodes.section:
        b = self.b
        page = self.sec(f"{upper_first(b.area.full_name)} - {b.audience.name}", "trang",
                        ["hdnd-briefing"])
        page.extend(self.header())
        for part in (self.points(), self.local(), self.petitions(), self.questions(),
                     self.session()):
            if part is not None:
                page += part
        return page


def drop_staff_notes(app: object, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: the office's notes are an HTML control (hidden until asked
    for); every other builder (text, LaTeX, EPUB, Word) leaves them out."""
    if getattr(getattr(app, "builder", None), "format", "html") == "html":
        return
    for node in list(doctree.findall(nodes.container)):
        if STAFF in node["classes"]:
            node.parent.remove(node)


class BriefingDirective(HdndDirective):
    """Options ``:area:`` and ``:audience:`` (codes), both required."""

    uses = ("session", "areas", "audiences", "indicators", "rankings", "narrative",
            "resolutions", "petitions", "topics", "editorial", "meetings")
    option_spec = {"area": directives.unchanged_required,
                   "audience": directives.unchanged_required}

    def render(self, ds: Dataset) -> list[nodes.Node]:
        area, audience = self.options.get("area"), self.options.get("audience")
        if area not in ds.areas or audience not in ds.audiences:
            self.warn(f"cần :area: và :audience: là mã đã khai báo (nhận “{area}”, “{audience}”)",
                      "reference")
            return []
        b = build_briefing(ds, area, audience, build_state(self.env).config.budget)
        return [BriefingBuilder(ds, self.state.document, b, str(self.env.srcdir),
                                self.env.docname).build()]
