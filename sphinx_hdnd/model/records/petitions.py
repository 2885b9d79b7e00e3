"""Voters' petitions, the answers to them, and their history across sessions."""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

from ..fields import Code, Codes, Date, OptCode, RequiredText, Text, col
from .base import Sourced


class PetitionStatus(StrEnum):
    ANSWERED = "da-tra-loi"
    IN_PROGRESS = "dang-giai-quyet"
    SCHEDULED = "co-lo-trinh"
    UNFUNDED = "chua-co-nguon"
    PENDING = "chua-tra-loi"
    #: the document gives the petition but says nothing of an answer: no status is claimed
    UNSTATED = "chua-ro"


PETITION_STATUS_LABELS: dict[PetitionStatus, str] = {
    PetitionStatus.ANSWERED: "Đã trả lời",
    PetitionStatus.IN_PROGRESS: "Đang giải quyết",
    PetitionStatus.SCHEDULED: "Đã có lộ trình",
    PetitionStatus.UNFUNDED: "Chưa bố trí được nguồn lực",
    PetitionStatus.PENDING: "Chưa trả lời",
    PetitionStatus.UNSTATED: "Văn bản chưa nêu kết quả trả lời",
}


class PetitionKind(StrEnum):
    REQUEST = "kien-nghi"  # needs an answer from the competent agency
    OPINION = "y-kien"  # an opinion: compiled and forwarded, no answer owed


class AnswerLevel(StrEnum):
    CENTRAL = "trung-uong"
    PROVINCE = "tinh"
    DISTRICT = "huyen"  # before the 2025 reform: huyện, thị xã, thành phố thuộc tỉnh
    COMMUNE = "xa"


ANSWER_LEVEL_LABELS: dict[AnswerLevel, str] = {
    AnswerLevel.CENTRAL: "Trung ương", AnswerLevel.PROVINCE: "Tỉnh",
    AnswerLevel.DISTRICT: "Huyện", AnswerLevel.COMMUNE: "Xã"}
#: the key of ``petition_deadline_days`` that applies to every level
EVERY_LEVEL = "tat-ca"


class Petition(Sourced):
    table: ClassVar[str] = "petitions"
    code: Code = col("Mã kiến nghị", "kn001")
    area: OptCode = col("Mã địa bàn; để trống nếu kiến nghị chung toàn tỉnh", "muong-nhe",
                        default=None)
    audience: OptCode = col("Mã đối tượng cử tri (nếu có)", "", default=None)
    topics: Codes = col("Mã lĩnh vực", "giao-thong")
    committee: Text = col("Ban HĐND theo dõi", "Ban Kinh tế - Ngân sách", default="")
    text: RequiredText = col("Nội dung kiến nghị", "Đề nghị …")
    response: Text = col("Nội dung trả lời của cơ quan có thẩm quyền", "", default="")
    responder: Text = col("Cơ quan trả lời", "UBND tỉnh", default="")
    status: PetitionStatus = col(
        "Tình trạng: da-tra-loi, dang-giai-quyet, co-lo-trinh, chua-co-nguon, chua-tra-loi; "
        "chua-ro khi văn bản không nêu kết quả trả lời (không in như một tình trạng)",
        "da-tra-loi",
    )
    received_session: Code = col("Mã kỳ họp tiếp nhận", "k15")
    answered_session: OptCode = col("Mã kỳ họp đã trả lời", "", default=None)
    kind: PetitionKind = col("kien-nghi (cần trả lời) hoặc y-kien", "kien-nghi",
                             default=PetitionKind.REQUEST)
    raised_date: Date = col("Ngày cuộc tiếp xúc cử tri nêu kiến nghị", "05/06/2024",
                            default=None)
    delegation: Text = col("Tổ đại biểu tiếp xúc cử tri (nếu biết)", "Tổ đại biểu số 3",
                           default="")
    level: AnswerLevel | None = col(
        "Cấp có thẩm quyền trả lời: trung-uong, tinh, huyen (trước sắp xếp năm 2025), xa", "tinh",
                                    default=None)
    agency: Text = col("Cơ quan chủ trì giải quyết", "Sở Xây dựng", default="")
    forwarded_date: Date = col("Ngày chuyển cơ quan có thẩm quyền", "20/06/2024", default=None)
    deadline: Date = col("Hạn trả lời; để trống: tính theo quy định của tỉnh (province.yaml)",
                         "", default=None)
    answered_date: Date = col("Ngày trả lời", "15/07/2024", default=None)
    repeats: OptCode = col("Mã kiến nghị trước mà cử tri tiếp tục kiến nghị", "kn_k13_05",
                           default=None)

    @property
    def is_open(self) -> bool:
        return self.status is not PetitionStatus.ANSWERED

    @property
    def uses_dates(self) -> bool:
        """The row is kept with the follow-up columns (older data has none of them)."""
        return any(d is not None for d in (self.raised_date, self.forwarded_date,
                                           self.answered_date, self.deadline))


class PetitionEvent(Sourced):
    """What happened to a petition by one session: its status then, and the answer."""

    table: ClassVar[str] = "petition_history"
    petition: Code = col("Mã kiến nghị", "kn_k13_05")
    session: Code = col("Mã kỳ họp", "k14")
    status: PetitionStatus = col("Tình trạng tại kỳ họp đó", "dang-giai-quyet")
    date: Date = col("Ngày của văn bản trả lời, báo cáo tiến độ", "02/12/2023", default=None)
    note: Text = col("Nội dung trả lời hoặc tiến độ tại kỳ họp đó", "", default="")
