"""The session: attendance, the Front's activity, debate, questioning, past sessions."""

from __future__ import annotations

from typing import ClassVar

from ..fields import Code, Date, Flag, Int, Num, RequiredText, Text, Texts, col
from .base import Record, Sourced


class Attendance(Record):
    present: Int = col("Số đại biểu có mặt", "45")
    total: Int = col("Tổng số đại biểu", "50")


class FrontActivity(Sourced):
    meetings: Int = col("Số cuộc tiếp xúc cử tri", "400", default=None)
    attendees: Int = col("Số lượt người tham dự", "31860", default=None)
    opinions: Int = col("Số lượt ý kiến, kiến nghị", "1490", default=None)
    summary: Text = col("Tóm tắt hoạt động; số cuộc tiếp xúc, số lượt người dự, số ý kiến "
                        "(ba cột trên) được in thành câu riêng sau đoạn này, không cần nhắc "
                        "lại", "", default="")


class Debate(Sourced):
    speakers: Int = col("Số đại biểu phát biểu tại phiên thảo luận", "8", default=None)
    broadcast: Flag = col("Phát thanh, truyền hình trực tiếp", "x", default=False)
    topics: Texts = col("Nội dung thảo luận chính", "", default_factory=list)


class Questioning(Sourced):
    broadcast: Flag = col("Phát thanh, truyền hình trực tiếp", "x", default=False)
    delegates: Texts = col("Đại biểu chất vấn", "Giàng Thị Hoa", default_factory=list)
    delegate_count: Int = col("Số đại biểu chất vấn", "5", default=None)
    issue_count: Int = col("Số vấn đề chất vấn", "7", default=None)
    answered_directly: Texts = col("Người trả lời trực tiếp", "", default_factory=list)
    answered_in_writing: Texts = col("Người trả lời bằng văn bản", "", default_factory=list)
    atmosphere: Text = col("Nhận xét chung", "", default="")


class PastSession(Record):
    code: Code = col("Mã kỳ họp", "k13")
    number: Int = col("Số thứ tự kỳ họp", "13")
    ordinal: RequiredText = col("Tên thứ tự bằng chữ", "Mười ba")
    council: Text = col("Cơ quan, khi khác HĐND này (kỳ họp của tỉnh cũ trước hợp nhất)",
                        "HĐND tỉnh Hà Lam", default="")
    term: Text = col("Khóa HĐND, khi khác khóa này (số La Mã)", "XVI", default="")
    note: Text = col("Ghi chú in kèm tên kỳ họp", "trước hợp nhất", default="")

    @property
    def name(self) -> str:
        """'kỳ họp thứ Hai mươi, HĐND tỉnh Hà Lam khóa XVI (trước hợp nhất)'."""
        out = f"kỳ họp thứ {self.ordinal}"
        if self.council:
            out += f", {self.council}"
        if self.term:
            out += f" khóa {self.term}"
        if self.note:
            out += f" ({self.note})"
        return out


class Session(Sourced):
    table: ClassVar[str] = "session"
    code: Code = col("Mã kỳ họp", "k15")
    number: Int = col("Số thứ tự kỳ họp", "15")
    ordinal: RequiredText = col("Tên thứ tự bằng chữ (như trong văn bản)", "Mười lăm")
    start_date: Date = col("Ngày khai mạc", "10/07/2024")
    end_date: Date = col("Ngày bế mạc", "11/07/2024")
    end_part: Text = col("Buổi bế mạc, nếu kỳ họp kết thúc trong buổi (sáng, chiều)", "sáng",
                         default="")
    date_note: Text = col(
        "Ghi chú khi ngày họp được sửa so với văn bản (in trên trang để người đọc đối chiếu)",
        "Đề cương ghi năm 2023; năm đúng là 2024.", default="")
    duration_days: Num = col("Thời gian họp (ngày)", "1,5", default=None)
    period: RequiredText = col("Kỳ số liệu được báo cáo", "6 tháng đầu năm 2024")
    period_year: Int = col("Năm của kỳ số liệu", "2024")
    next_period: Text = col("Kỳ nhiệm vụ tiếp theo", "6 tháng cuối năm 2024", default="")
    attendance: Attendance
    guests: Texts = col("Khách mời dự kỳ họp", "", default_factory=list)
    speeches: Texts = col("Phát biểu quan trọng tại kỳ họp", "", default_factory=list)
    outcome: Text = col("Nhận xét chung về kỳ họp", "", default="")
    front: FrontActivity | None = None
    debate: Debate | None = None
    questioning: Questioning | None = None
    oversight: Texts = col("Nội dung giám sát, xem xét báo cáo tại kỳ họp", "",
                           default_factory=list)
    past_sessions: list[PastSession] = col("Các kỳ họp trước được nhắc tới", "",
                                           default_factory=list)
    petitions_as_of: Date = col(
        "Ngày tính tình trạng giải quyết kiến nghị (quá hạn, số ngày); để trống: ngày khai mạc",
        "01/07/2024", default=None)

    @property
    def name(self) -> str:
        return f"kỳ họp thứ {self.ordinal}"
