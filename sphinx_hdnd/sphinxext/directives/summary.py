"""``hdnd-petition-summary``: the office's summary of a round of meetings with voters.

"Báo cáo tổng hợp ý kiến, kiến nghị của cử tri": the opinions and petitions voters
raised for one session, grouped by the level that must answer, then by field, with
counts, each item with its area. The same rows as XLSX beside the pages.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives

from ...model.dataset import Dataset
from ...model.follow_up import round_of, summary_groups
from ...model.records import PetitionKind
from ...pdf import BOOKLET_KEY
from ...phrasing.follow_up import session_name
from ..pages import GENERATED_DIR
from ..render import Cites, cited_paragraph, download_links, section, table, text
from ..stack import STACK
from .base import HdndDirective

DOWNLOAD_BASE = f"{GENERATED_DIR}/tong-hop-kien-nghi"
class PetitionSummaryDirective(HdndDirective):
    """Option ``:session:``: the session code (default: this session)."""

    uses = ("petitions", "topics", "areas", "session")
    option_spec = {"session": directives.unchanged}

    def render(self, ds: Dataset) -> list[nodes.Node]:
        # the report is sent to the agencies: printed and written as Word like a booklet
        self.env.metadata[self.env.docname][BOOKLET_KEY] = "report"
        session = self.options.get("session")
        if session is not None:
            known = [ds.session.code, *(p.code for p in ds.session.past_sessions)] \
                if ds.session else []
            if session not in known:
                self.warn(f"tùy chọn :session: nhận “{session}”, cần một trong: "
                          + ", ".join(known))
                return []
        pets = round_of(ds, session)
        if not pets:
            return [nodes.paragraph("", "Chưa có ý kiến, kiến nghị của cử tri cho kỳ họp này.",
                                    classes=["hdnd-empty"])]
        groups = summary_groups(ds, pets)
        requests = sum(p.kind is PetitionKind.REQUEST for p in pets)
        name = session_name(ds, session or (ds.session.code if ds.session else None))
        opinions = len(pets) - requests
        # the split only when there are both: "(04 kiến nghị, 00 ý kiến)" says nothing
        split = f" ({requests:02d} kiến nghị, {opinions:02d} ý kiến)" if requests and opinions else ""
        lead = (f"Cử tri gửi tới {name} {len(pets):02d} ý kiến, kiến nghị{split}, trong đó: "
                + "; ".join(f"{lower(level)} {sum(map(len, fields.values())):02d}"
                            for level, fields in groups.items()) + ".")
        out: list[nodes.Node] = [nodes.paragraph("", lead, classes=["hdnd-summary-lead"])]
        out.extend(self.downloads())
        rows = [[level, field, f"{len(items):02d}"]
                for level, fields in groups.items() for field, items in fields.items()]
        rows.append(["Tổng cộng", "", f"{len(pets):02d}"])
        out.append(table(["Cấp trả lời", "Lĩnh vực", "Số ý kiến, kiến nghị"], rows,
                         [40, 40, 20], ["hdnd-summary-table", STACK]))
        for n, (level, fields) in enumerate(groups.items(), start=1):
            sec = section(self.state.document, f"{n}. {level}", f"tong-hop-{level}")
            for field, items in fields.items():
                sec += nodes.rubric(f"{field} ({len(items):02d})", f"{field} ({len(items):02d})")
                lst = nodes.bullet_list()
                for pet in items:
                    cites = Cites()
                    cites.add(pet)
                    area = ds.areas.get(pet.area or "")
                    where = area.display_name if area else "Toàn tỉnh"
                    kind = "Ý kiến" if pet.kind is PetitionKind.OPINION else "Kiến nghị"
                    lst += nodes.list_item("", cited_paragraph(
                        ds, [nodes.strong("", f"{where}: "), text(f"{pet.text} ({kind.lower()})")],
                        cites))
                sec += lst
            out.append(sec)
        return out

    def downloads(self) -> list[nodes.Node]:
        if not (Path(self.env.srcdir) / f"{DOWNLOAD_BASE}.xlsx").is_file():
            return []
        return [download_links("Tải bảng tổng hợp: ", DOWNLOAD_BASE, (".xlsx",),
                               self.env.docname)]


def lower(value: str) -> str:
    return value[:1].lower() + value[1:]
