"""Narrative items (highlights, shortcomings, tasks, local items) and resolutions."""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

from pydantic import Field

from ..fields import Code, Codes, Flag, Int, RequiredText, Text, col
from .base import Record, Sourced

# ---------------------------------------------------------------- narrative


class NarrativeItem(Sourced):
    code: Code = col("Mã mục", "kq_grdp")
    title: Text = col("Tiêu đề ngắn (dùng khi rút gọn)", "Tăng trưởng GRDP", default="")
    text: RequiredText = col("Nội dung; chèn số liệu bằng {mã_chỉ_tiêu} hoặc {mã:dạng}",
                             "Tăng trưởng GRDP {grdp_6t}.")
    topics: Codes = col("Mã lĩnh vực", "kinh-te", default_factory=list)
    areas: Codes = col("Mã địa bàn liên quan", "", default_factory=list)
    cites: Codes = col("Mã chỉ tiêu, xếp hạng được dẫn", "grdp_6t", default_factory=list)
    no_area_links: Flag = col("x để không tự gắn địa bàn theo tên nhắc trong văn bản", "",
                              default=False)


class TaskGroup(Sourced):
    code: Code = col("Mã nhóm nhiệm vụ", "nv_quy_hoach")
    number: RequiredText = col("Số mục như trong đề cương", "2.1")
    title: RequiredText = col("Tên nhóm nhiệm vụ", "Về công tác quy hoạch, kế hoạch")
    items: list[NarrativeItem] = Field(default_factory=list)


class LocalItemKind(StrEnum):
    PROJECT = "du-an"
    PROGRAMME = "chuong-trinh"
    BORDER_GATE = "cua-khau"
    HERITAGE = "di-tich"
    OTHER = "khac"


class LocalItem(NarrativeItem):
    kind: LocalItemKind = col("Loại: du-an, chuong-trinh, cua-khau, di-tich, khac", "du-an",
                              default=LocalItemKind.OTHER)


class Narrative(Record):
    table: ClassVar[str] = "narrative"
    highlights: list[NarrativeItem] = Field(default_factory=list)
    shortcomings: list[NarrativeItem] = Field(default_factory=list)
    tasks: list[TaskGroup] = Field(default_factory=list)
    local_items: list[LocalItem] = Field(default_factory=list)
    petition_summary: list[NarrativeItem] = Field(default_factory=list)

    def task_items(self) -> list[NarrativeItem]:
        """The plan's tasks, group after group."""
        return [item for group in self.tasks for item in group.items]

    def all_items(self) -> list[NarrativeItem]:
        items: list[NarrativeItem] = [*self.highlights, *self.shortcomings]
        for group in self.tasks:
            items.extend(group.items)
        items.extend(self.local_items)
        items.extend(self.petition_summary)
        return items


# ---------------------------------------------------------------- resolutions


class Resolution(Sourced):
    table: ClassVar[str] = "resolutions"
    number: Int = col("Số thứ tự trong kỳ họp", "1")
    code: Code = col("Mã nghị quyết", "nq01")
    title: RequiredText = col("Tên chính thức của nghị quyết", "Nghị quyết về …")
    official_number: Text = col("Số, ký hiệu (nếu có)", "", default="")
    topics: Codes = col("Mã lĩnh vực", "kinh-te", default_factory=list)
    areas: Codes = col("Mã địa bàn chịu tác động trực tiếp", "", default_factory=list)
    committee: Text = col("Ban HĐND thẩm tra", "Ban Kinh tế - Ngân sách", default="")
    summary: Text = col("Tóm tắt nội dung chính", "", default="")
