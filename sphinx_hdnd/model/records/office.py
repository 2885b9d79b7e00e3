"""The office's own tables: meetings with voters and editorial choices."""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

from ..fields import Code, Flag, OptCode, RequiredDate, RequiredText, Text, Texts, col
from .base import Record

# ---------------------------------------------------------------- meetings with voters


class Meeting(Record):
    """One planned meeting of delegates with voters: it puts the date and place in the
    briefing's header and a line in the schedule."""

    table: ClassVar[str] = "meetings"
    code: Code = col("Mã cuộc tiếp xúc", "tx_muong_nhe_01")
    date: RequiredDate = col("Ngày tiếp xúc", "18/07/2024")
    time: Text = col("Giờ bắt đầu", "8 giờ 00", default="")
    place: RequiredText = col("Địa điểm", "Hội trường UBND xã Mường Nhé")
    area: Code = col("Mã địa bàn", "muong-nhe")
    audience: OptCode = col("Mã đối tượng cử tri; để trống: cử tri nói chung", "dan-toc-thieu-so",
                            default=None)
    delegates: Texts = col("Đại biểu dự, cách nhau bởi ;", "Đại biểu A; Đại biểu B",
                           default_factory=list)
    delegation: Text = col("Tổ đại biểu", "Tổ đại biểu số 3", default="")
    session: OptCode = col("Mã kỳ họp (để trống: kỳ họp này)", "k15", default=None)
    note: Text = col("Ghi chú", "", default="")
    illustrative: Flag = col("x nếu là lịch minh họa, không phải lịch thật", "",
                             default=False)


# ---------------------------------------------------------------- editorial choices


class ChoiceAction(StrEnum):
    PIN = "ghim"
    DROP = "bo"


class Choice(Record):
    """The office's own decision about one item of the briefings: pin it or drop it."""

    table: ClassVar[str] = "editorial"
    item: Code = col("Mã nội dung: mục tường thuật, chỉ tiêu, nghị quyết hoặc kiến nghị",
                     "li_cua_khau_a_pa_chai")
    action: ChoiceAction = col("ghim (luôn đưa vào Điểm cần nói) hoặc bo (không đưa vào đề cương)",
                               "ghim")
    area: OptCode = col("Mã địa bàn; để trống: mọi địa bàn", "muong-nhe", default=None)
    audience: OptCode = col("Mã đối tượng cử tri; để trống: mọi đối tượng", "", default=None)
    note: Text = col("Lý do (hiện cho cán bộ văn phòng)", "Thường trực HĐND đề nghị nói rõ",
                     default="")

    def applies(self, area: str, audience: str) -> bool:
        return self.area in (None, area) and self.audience in (None, audience)
