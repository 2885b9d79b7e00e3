"""``hdnd-outline``: the whole đề cương, in the order of the documents.

Overview; I. socio-economic results (1.1 highlights, 1.2 shortcomings) and
tasks (2.1 …); II. budget; III. Fatherland Front and voters' petitions;
IV. resolutions; V. other content; the closing paragraph.
"""

from __future__ import annotations

from docutils import nodes

from ...model.dataset import Dataset
from ...model.records import NarrativeItem
from ...phrasing import format_count
from ..parts.budget import budget_lines, budget_paragraph
from ..parts.questions import debate_paragraph, oversight_paragraphs, questioning_paragraphs
from ..parts.resolutions import resolutions_list
from ..parts.session import session_nodes
from ..render import (
    Cites,
    cited_paragraph,
    enumerated,
    item_paragraph,
    narrative_nodes,
    section,
    text,
)
from .base import HdndDirective

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def items_list(ds: Dataset, items: list[NarrativeItem]) -> nodes.enumerated_list:
    return enumerated(item_paragraph(ds, item, item.text) for item in items)


class OutlineBuilder:
    """Builds the đề cương's sections; briefings reuse its parts."""

    def __init__(self, ds: Dataset, document: nodes.document, prefix: str = "hdnd") -> None:
        self.ds = ds
        self.document = document
        self.prefix = prefix

    def sec(self, title: str, ident: str) -> nodes.section:
        return section(self.document, title, f"{self.prefix}-{ident}")

    def period(self) -> tuple[str, str]:
        s = self.ds.session
        return (s.period, s.next_period or "") if s else ("", "")

    def part_socio_economic(self, number: str) -> nodes.section | None:
        ds, n = self.ds, self.ds.narrative
        if not (n.highlights or n.shortcomings or n.tasks):
            return None
        period, next_period = self.period()
        title = (f"{number}. Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội, bảo đảm "
                 f"quốc phòng - an ninh {period}")
        if n.tasks:
            title += f"; nhiệm vụ, giải pháp trọng tâm {next_period}".rstrip()
        part = self.sec(title, "phan-1")
        if n.highlights or n.shortcomings:
            review = self.sec(f"1. Đánh giá kết quả thực hiện {period}", "danh-gia")
            if n.highlights:
                sub = self.sec("1.1. Kết quả nổi bật", "ket-qua-noi-bat")
                sub += items_list(ds, n.highlights)
                review += sub
            if n.shortcomings:
                sub = self.sec("1.2. Tồn tại, hạn chế", "ton-tai-han-che")
                sub += items_list(ds, n.shortcomings)
                review += sub
            part += review
        if n.tasks:
            tasks = self.sec(f"2. Nhiệm vụ, giải pháp trọng tâm {next_period}".rstrip(),
                             "nhiem-vu")
            for group in n.tasks:
                sub = self.sec(f"{group.number}. {group.title}", f"nhiem-vu-{group.code}")
                for item in group.items:
                    sub += item_paragraph(ds, item, item.text)
                tasks += sub
            part += tasks
        return part

    def part_budget(self, number: str) -> nodes.section | None:
        lines = budget_lines(self.ds)
        if not lines:
            return None
        period, _ = self.period()
        part = self.sec(f"{number}. Tình hình thực hiện nhiệm vụ thu, chi ngân sách địa phương "
                        f"{period}", "ngan-sach")
        part += nodes.enumerated_list("", *(nodes.list_item("", budget_paragraph(self.ds, b))
                                            for b in lines), enumtype="arabic", suffix=".")
        return part

    def part_front(self, number: str) -> nodes.section | None:
        ds = self.ds
        front = ds.session.front if ds.session else None
        summary = ds.narrative.petition_summary
        if front is None and not summary:
            return None
        part = self.sec(f"{number}. Hoạt động của Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tham gia "
                        "xây dựng chính quyền và ý kiến, kiến nghị của cử tri", "mttq-kien-nghi")
        points: list[nodes.Node] = []
        if front is not None:
            cites = Cites()
            cites.add(front)
            body: list[nodes.Node] = []
            if front.summary:
                body.extend(narrative_nodes(ds, front.summary + " ", cites))
            counts = []
            if front.meetings is not None:
                counts.append(f"{format_count(front.meetings)} cuộc tiếp xúc cử tri")
            if front.attendees is not None:
                counts.append(f"{format_count(front.attendees)} lượt người tham dự")
            if front.opinions is not None:
                counts.append(f"{format_count(front.opinions)} lượt ý kiến, kiến nghị của cử tri")
            if counts:
                body.append(text("Mặt trận các cấp đã phối hợp tổ chức " + ", với ".join(counts[:2])
                                 + (", ghi nhận " + counts[2] if len(counts) > 2 else "") + "."))
            points.append(cited_paragraph(ds, body, cites))
        if summary:
            box = nodes.container(classes=["hdnd-petition-summary"])
            box += nodes.paragraph("", "Các ý kiến, kiến nghị cử tri quan tâm:")
            box += nodes.bullet_list("", *(nodes.list_item("", item_paragraph(ds, i, i.text))
                                           for i in summary), bullet="-")
            points.append(box)
        part += nodes.enumerated_list("", *(nodes.list_item("", p) for p in points),
                                      enumtype="arabic", suffix=".")
        return part

    def part_resolutions(self, number: str) -> nodes.section | None:
        ds = self.ds
        if not ds.resolutions:
            return None
        part = self.sec(f"{number}. Các nghị quyết đã thông qua", "nghi-quyet")
        name = ds.session.name if ds.session else "kỳ họp"
        council = ds.province.council_short if ds.province else "HĐND"
        part += nodes.paragraph("", f"Tại {name}, {council} đã thông qua "
                                f"{format_count(len(ds.resolutions), pad=True)} nghị quyết:")
        part += resolutions_list(ds, sorted(ds.resolutions, key=lambda r: r.number or 0))
        return part

    def part_other(self, number: str) -> nodes.section | None:
        ds = self.ds
        points: list[nodes.Node] = []
        debate = debate_paragraph(ds)
        if debate is not None:
            points.append(debate)
        points.extend(questioning_paragraphs(ds))
        points.extend(oversight_paragraphs(ds))
        if not points:
            return None
        part = self.sec(f"{number}. Các nội dung khác", "noi-dung-khac")
        part += nodes.enumerated_list("", *(nodes.list_item("", p) for p in points),
                                      enumtype="arabic", suffix=".")
        return part

    def closing(self) -> nodes.paragraph:
        ds = self.ds
        name = ds.session.name if ds.session else "kỳ họp"
        prov = ds.province
        council = f"{prov.council_short} khóa {prov.term.code}" if prov else "HĐND"
        sender = prov.standing_committee if prov else "Thường trực HĐND"
        return nodes.paragraph(
            "",
            f"Trên đây là những nội dung và kết quả chủ yếu của {name}, {council}. "
            f"{sender} đề nghị các vị đại biểu căn cứ địa bàn và đối tượng cử tri của từng "
            "cuộc tiếp xúc để lựa chọn vấn đề cần đi sâu, bổ sung thông tin, số liệu cho "
            "phù hợp.",
            classes=["hdnd-closing"],
        )

    def parts(self) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        builders = (self.part_socio_economic, self.part_budget, self.part_front,
                    self.part_resolutions, self.part_other)
        index = 0
        for build in builders:
            node = build(ROMAN[index])
            if node is not None:
                out.append(node)
                index += 1
        return out


class OutlineDirective(HdndDirective):
    """The province-wide đề cương of the session."""

    uses = ("session", "indicators", "rankings", "budget", "narrative", "resolutions")

    def render(self, ds: Dataset) -> list[nodes.Node]:
        builder = OutlineBuilder(ds, self.state.document)
        parts = builder.parts()
        if not parts:
            return [*session_nodes(ds), builder.closing()]
        # a paragraph may not follow a section at the same level: close inside the last part
        parts[-1].append(builder.closing())
        return [*session_nodes(ds), *parts]
