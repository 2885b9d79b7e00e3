"""``hdnd-follow-up``: the standing committee's follow-up of voters' petitions.

Per agency and per council committee: received, answered on time, answered
late, overdue, open for two sessions or more; every count links to the
petitions behind it. Then the open petitions, the longest waiting first, with
their history; a chart; the table as CSV and XLSX. As of the session's date.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives

from ... import charts
from ...model.dataset import Dataset
from ...model.follow_up import BUCKETS, FollowUp, as_of, buckets, follow_up, latest_petitions
from ...model.records import PetitionKind, PetitionStatus
from ...phrasing.follow_up import timing_label
from ..pages import GENERATED_DIR
from ..parts.chart import chart_nodes
from ..parts.petitions import petition_nodes
from ..render import Cites, cited_paragraph, download_links, section, table, text
from ..stack import STACK
from .base import HdndDirective

#: the downloads the page generator writes (``generate.petition_downloads``)
DOWNLOAD_BASE = f"{GENERATED_DIR}/theo-doi-kien-nghi"
BUCKET_TITLES = {
    "received": "Tiếp nhận", "on_time": "Trả lời đúng hạn", "late": "Trả lời quá hạn",
    "overdue": "Quá hạn, chưa trả lời",
    "long_open": "Chưa giải quyết dứt điểm qua 02 kỳ họp trở lên",
}
GROUPINGS = {"agency": "cơ quan giải quyết", "committee": "Ban của HĐND tỉnh theo dõi"}
LEVEL_NAMES = {"trung-uong": "cấp trung ương", "tinh": "cấp tỉnh", "huyen": "cấp huyện",
               "xa": "cấp xã", "tat-ca": "mọi cấp"}
NO_AGENCY = "Chưa ghi cơ quan"
NO_COMMITTEE = "Chưa ghi Ban theo dõi"


def requests(ds: Dataset) -> list[FollowUp]:
    """Each petition that needs an answer once (a repeat carries its earlier ones); not
    those whose document states no outcome: counting them open would claim one."""
    return [follow_up(ds, p) for p in latest_petitions(ds, ds.petitions)
            if p.kind is PetitionKind.REQUEST and p.status is not PetitionStatus.UNSTATED]


def group_of(fu: FollowUp, by: str) -> str:
    pet = fu.petition
    if by == "agency":
        return pet.agency or pet.responder or NO_AGENCY
    return pet.committee or NO_COMMITTEE


def grouped(items: list[FollowUp], by: str) -> dict[str, list[FollowUp]]:
    out: dict[str, list[FollowUp]] = defaultdict(list)
    for fu in items:
        out[group_of(fu, by)].append(fu)
    return dict(sorted(out.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def anchor(by: str, group: str, bucket: str) -> str:
    return nodes.make_id(f"theo-doi-{by}-{group}-{bucket}")


def longest_waiting(items: list[FollowUp]) -> list[FollowUp]:
    """Not settled, by how long voters have waited since they first raised it."""
    open_ = [fu for fu in items if not fu.answered]
    return sorted(open_, key=lambda fu: (-(fu.days_open or 0), -(fu.sessions_open or 0),
                                         not fu.overdue, fu.petition.code))


class FollowUpDirective(HdndDirective):
    """Options: ``:by:`` ``agency``, ``committee`` or ``all`` (default);
    ``:open-limit:`` how many open petitions to list in full (default 10)."""

    uses = ("petitions", "petition_history", "province", "session", "areas", "audiences")
    option_spec = {"by": directives.unchanged, "open-limit": directives.nonnegative_int}

    def render(self, ds: Dataset) -> list[nodes.Node]:
        by = self.choice("by", ["agency", "committee", "all"], "all")
        items = requests(ds)
        if not items:
            return [nodes.paragraph("", "Chưa có kiến nghị của cử tri để theo dõi.",
                                    classes=["hdnd-empty"])]
        out: list[nodes.Node] = [self.summary(ds, items)]
        out.extend(self.downloads())
        out.extend(self.chart(ds, items))
        groupings = list(GROUPINGS) if by == "all" else [by]
        for key in groupings:
            out.append(self.counts_table(items, key))
        out.append(self.columns_note())
        out.append(self.open_list(ds, items))
        for key in groupings:
            out.append(self.lists(ds, items, key))
        return out

    def summary(self, ds: Dataset, items: list[FollowUp]) -> nodes.paragraph:
        day = as_of(ds)
        counts = {b: sum(b in buckets(fu) for fu in items) for b in BUCKETS}
        replied = sum(fu.replied for fu in items)
        settled = sum(fu.answered for fu in items)
        undated = sum(fu.replied and fu.replied_on is None for fu in items)
        opinions = sum(p.kind is PetitionKind.OPINION for p in ds.petitions)
        when = f"Tính đến ngày {day:%d/%m/%Y}" if day else "Hiện nay"
        waiting = len(items) - replied
        # a part that counts none is left out: "00 quá hạn" reads as a typing slip
        how = [f"{n:02d} {what}" for n, what in ((counts["on_time"], "đúng hạn"),
                                                  (counts["late"], "quá hạn"),
                                                  (undated, "chưa ghi ngày trả lời")) if n]
        overdue, long_open = counts["overdue"], counts["long_open"]
        if replied:
            said = (f"Cơ quan có thẩm quyền đã trả lời {replied:02d} kiến nghị"
                    + (f" ({', '.join(how)})" if how else "")
                    + (f", trong đó {settled:02d} kiến nghị đã giải quyết xong" if settled else ""))
            if waiting:
                said += (f"; {waiting:02d} kiến nghị chưa được trả lời, "
                         + (f"trong đó {overdue:02d} kiến nghị đã quá hạn." if overdue
                            else "chưa có kiến nghị nào quá hạn."))
            else:
                said += "; không còn kiến nghị nào chưa được trả lời."
        else:
            said = "Chưa có kiến nghị nào được trả lời" + (
                f"; {overdue:02d} kiến nghị đã quá hạn." if overdue else ", chưa kiến nghị nào quá hạn.")
        body = (f"{when}, có {len(items):02d} kiến nghị của cử tri cần trả lời. {said} "
                + (f"{long_open:02d} kiến nghị chưa giải quyết dứt điểm qua 02 kỳ họp trở lên."
                   if long_open else
                   "Không có kiến nghị nào chưa giải quyết dứt điểm qua 02 kỳ họp trở lên."))
        if opinions:
            body += (f" Ngoài ra có {opinions:02d} ý kiến của cử tri đã được tổng hợp, chuyển "
                     "cơ quan có thẩm quyền (không tính hạn trả lời).")
        unstated = sum(p.status is PetitionStatus.UNSTATED for p in ds.petitions)
        if unstated:
            body += (f" {unstated:02d} kiến nghị mà văn bản chưa nêu kết quả trả lời không tính "
                     "vào các số trên.")
        no_deadline = sum(fu.deadline is None for fu in items)
        if no_deadline:
            body += (f" {no_deadline:02d} kiến nghị chưa có hạn trả lời (chưa ghi ngày chuyển) "
                     "nên chưa xét đúng hạn, quá hạn.")
        rules = ds.province.petition_deadline_days if ds.province is not None else {}
        if rules:
            said = ", ".join(f"{LEVEL_NAMES.get(k, k)} {v} ngày" for k, v in rules.items())
            body += (f" Hạn trả lời tính từ ngày chuyển kiến nghị, theo quy định của tỉnh "
                     f"ghi trong dữ liệu: {said}.")
        return nodes.paragraph("", body, classes=["hdnd-follow-up-summary"])

    def downloads(self) -> list[nodes.Node]:
        if not (Path(self.env.srcdir) / f"{DOWNLOAD_BASE}.csv").is_file():
            return []
        return [download_links("Tải bảng theo dõi: ", DOWNLOAD_BASE, (".csv", ".xlsx"),
                               self.env.docname)]

    def chart(self, ds: Dataset, items: list[FollowUp]) -> list[nodes.Node]:
        per_agency = [(name, sum(not fu.answered for fu in group), sum(fu.overdue for fu in group))
                      for name, group in grouped(items, "agency").items()]
        drawn = charts.follow_up_chart(per_agency, "Kiến nghị chưa giải quyết xong theo cơ quan")
        return chart_nodes(self.env, ds, drawn) if drawn else []

    def counts_table(self, items: list[FollowUp], by: str) -> nodes.table:
        rows = []
        for name, group in grouped(items, by).items():
            row: list[str | nodes.Node] = [name]
            for bucket in BUCKETS:
                n = sum(bucket in buckets(fu) for fu in group)
                if n:
                    cell = nodes.paragraph()
                    cell += nodes.reference("", f"{n:02d}", internal=True,
                                            refid=anchor(by, name, bucket))
                    row.append(cell)
                else:
                    row.append("—")
            rows.append(row)
        totals = [sum(bucket in buckets(fu) for fu in items) for bucket in BUCKETS]
        rows.append(["Tổng cộng", *(f"{n:02d}" if n else "—" for n in totals)])
        head = [GROUPINGS[by][:1].upper() + GROUPINGS[by][1:],
                *(BUCKET_TITLES[b] for b in BUCKETS)]
        # on a phone each row is a card: "Tiếp nhận: 03", "Quá hạn, chưa trả lời: 01" …
        return table(head, rows, [30, 12, 14, 14, 15, 15], ["hdnd-follow-up-table", STACK])

    def columns_note(self) -> nodes.paragraph:
        return nodes.paragraph(
            "", "Các cột không cộng lại thành số tiếp nhận: một kiến nghị có thể vừa quá "
            "hạn vừa chưa giải quyết dứt điểm qua 02 kỳ họp; kiến nghị còn trong hạn, chưa "
            "có hạn hoặc đã trả lời mà chưa ghi ngày không thuộc cột đúng hạn, quá hạn.",
            classes=["hdnd-meta"])

    def open_list(self, ds: Dataset, items: list[FollowUp]) -> nodes.section:
        limit = self.options.get("open-limit", 10)
        waiting = longest_waiting(items)
        sec = section(self.state.document, "Kiến nghị chưa giải quyết dứt điểm, xếp theo thời "
                      "gian chờ (lâu nhất lên trước)", "theo-doi-chua-xong")
        if not waiting:
            sec += nodes.paragraph("", "Mọi kiến nghị đã được trả lời.", classes=["hdnd-empty"])
        sec.extend(petition_nodes(ds, fu.petition) for fu in waiting[:limit])
        if len(waiting) > limit:
            sec += nodes.paragraph("", f"Còn {len(waiting) - limit:02d} kiến nghị chưa giải "
                                   "quyết dứt điểm: xem danh sách theo cơ quan dưới đây.",
                                   classes=["hdnd-more"])
        return sec

    def lists(self, ds: Dataset, items: list[FollowUp], by: str) -> nodes.section:
        """One short list per count of the table, under the anchor the count links to."""
        sec = section(self.state.document, f"Danh sách theo {GROUPINGS[by]}",
                      f"theo-doi-danh-sach-{by}")
        for name, group in grouped(items, by).items():
            for bucket in BUCKETS:
                chosen = [fu for fu in group if bucket in buckets(fu)]
                if not chosen:
                    continue
                title = f"{name}: {BUCKET_TITLES[bucket].lower()} ({len(chosen):02d})"
                box = nodes.container(ids=[anchor(by, name, bucket)],
                                      classes=["hdnd-follow-up-list"])
                box += nodes.rubric(title, title)
                lst = nodes.bullet_list()
                for fu in chosen:
                    lst += nodes.list_item("", self.short_line(ds, fu))
                box += lst
                sec += box
        return sec

    def short_line(self, ds: Dataset, fu: FollowUp) -> nodes.paragraph:
        pet = fu.petition
        cites = Cites()
        cites.add(pet)
        area = ds.areas.get(pet.area or "")
        where = area.display_name if area else "Toàn tỉnh"
        label = timing_label(fu)
        body: list[nodes.Node] = [nodes.strong("", f"{where}: "), text(pet.text)]
        if label:
            body.append(text(f" ({label.lower()})"))
        return cited_paragraph(ds, body, cites)
