"""Topics and the audiences of voters, with their weights over topics."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from ..fields import Code, Codes, Int, Num, RequiredText, Text, Texts, col
from .base import Record


class Topic(Record):
    table: ClassVar[str] = "topics"
    code: Code = col("Mã lĩnh vực", "nong-nghiep")
    name: RequiredText = col("Tên lĩnh vực", "Nông, lâm nghiệp")
    keywords: Texts = col("Từ khóa nhận biết lĩnh vực", "lúa; rừng", default_factory=list)


class Audience(Record):
    table: ClassVar[str] = "audiences"
    code: Code = col("Mã đối tượng cử tri", "dan-toc-thieu-so")
    name: RequiredText = col("Tên đối tượng cử tri", "Cử tri vùng đồng bào dân tộc thiểu số")
    description: Text = col("Mô tả ngắn", "", default="")
    weights: dict[str, Num] = col(
        "Trọng số quan tâm theo lĩnh vực, từ 0 đến 1", "{giam-ngheo: 1, nong-nghiep: 0.8}",
        default_factory=dict,
    )
    order: Int = col("Thứ tự hiển thị", "1", default=None)
    applies_to: Codes = col(
        "Chỉ lập đề cương tại địa bàn có một trong các đặc điểm (cột attributes của "
        "areas.csv) hoặc mã địa bàn này; để trống: mọi địa bàn", "[bien-gioi]",
        default_factory=list)
    first: Codes = col(
        "Nội dung đối tượng muốn nghe trước: mã lĩnh vực hoặc mã chỉ tiêu, theo thứ tự ưu tiên",
        "[viec_lam_moi_kh_2024, giao-duc]", default_factory=list)

    def weight(self, topic: str) -> Decimal:
        return self.weights.get(topic) or Decimal(0)
