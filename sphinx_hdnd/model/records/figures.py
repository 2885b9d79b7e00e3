"""Figures: indicators, rankings and budget lines."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import ClassVar

from ..fields import Code, Codes, Flag, Int, MoneyStyleWord, Num, OptCode, RequiredText, Text, col
from ..numbers import MoneyStyle
from .base import Sourced, Styled

# ---------------------------------------------------------------- indicators



class Indicator(Sourced):
    table: ClassVar[str] = "indicators"
    code: Code = col("Mã chỉ tiêu, duy nhất", "grdp_6t")
    name: RequiredText = col("Tên chỉ tiêu", "Tốc độ tăng trưởng GRDP")
    topic: Code = col("Mã lĩnh vực", "kinh-te")
    unit: Text = col("Đơn vị tính: %, ‰, tỷ đồng, tấn, lượt người …", "%", default="")
    period: RequiredText = col("Kỳ số liệu", "6 tháng đầu năm 2024")
    area: OptCode = col("Mã địa bàn, hoặc mã tỉnh cũ (predecessors trong province.yaml) với "
                        "số liệu của tỉnh cũ; để trống nếu là số liệu toàn tỉnh", "",
                        default=None)
    value: Num = col("Giá trị thực hiện hoặc ước thực hiện", "8,75", default=None)
    value_qualifier: Text = col(
        "Từ văn bản ghi kèm số thực hiện: hơn, trên, khoảng, gần, dưới (để trống nếu không có)",
        "hơn", default="")
    estimate: Flag = col("x nếu là số ước thực hiện", "x", default=False)
    plan: Num = col("Kế hoạch, chỉ tiêu hoặc kịch bản", "10,14", default=None)
    plan_label: Text = col("Tên gọi của mức so sánh", "kịch bản", default="kế hoạch")
    previous: Num = col("Giá trị kỳ trước hoặc cùng kỳ", "", default=None)
    previous_label: Text = col("Tên gọi kỳ so sánh", "cùng kỳ", default="cùng kỳ")
    growth: Num = col("Tốc độ tăng so với kỳ trước (%), nếu văn bản ghi", "24,22", default=None)
    ratio: Num = col("Số lần so với kỳ trước, nếu văn bản ghi", "2,18", default=None)
    change_points: Num = col(
        "Chỉ tiêu tỷ lệ (%): tăng (+) hoặc giảm (-) so với kỳ trước, tính bằng điểm %, nếu "
        "văn bản ghi", "-3,92", default=None)
    plan_pct: Num = col("Tỷ lệ % so với kế hoạch, nếu văn bản ghi", "112,5", default=None)
    higher_is_better: Flag = col(
        "Để trống hoặc x: càng cao càng tốt; ghi “không” nếu càng thấp càng tốt "
        "(tỷ lệ hộ nghèo, số vụ ngộ độc…)", "không", default=True)
    share_group: OptCode = col("Nhóm cơ cấu: các tỷ trọng cùng nhóm cộng lại 100%", "",
                               default=None)
    key: Int = col("Số thứ tự trong các chỉ tiêu chủ yếu của kế hoạch năm", "1", default=None)
    note: Text = col("Ghi chú", "", default="")
    series: OptCode = col(
        "Mã dãy số liệu: các dòng cùng mã là một chỉ tiêu qua các kỳ, khi văn bản gọi tên khác "
        "nhau (để trống: cùng tên, cùng đơn vị, cùng địa bàn)", "tang_truong_grdp", default=None)

    @property
    def plan_name(self) -> str:
        """The plan's name without a qualifier kept in the label ("kế hoạch (trên)")."""
        return re.sub(r"\s*\([^()]*\)\s*$", "", self.plan_label) or self.plan_label

    @property
    def plan_qualifier(self) -> str:
        """"trên" in "kế hoạch (trên)": it belongs with the target ("trên 94%")."""
        found = re.search(r"\(([^()]+)\)\s*$", self.plan_label)
        return found.group(1).strip() if found else ""

    @property
    def series_key(self) -> tuple[str, str, str | None]:
        """What makes rows one measure over periods (a trend chart's line)."""
        return (self.series or self.name, self.unit, self.area)

    @property
    def is_rate(self) -> bool:
        """Rates are compared by difference in points, not by ratio."""
        return self.unit in {"%", "‰"}


class Ranking(Sourced):
    table: ClassVar[str] = "rankings"
    code: Code = col("Mã xếp hạng", "pci_2023")
    subject: RequiredText = col("Chỉ số được xếp hạng", "Chỉ số Năng lực cạnh tranh cấp tỉnh (PCI)")
    area: OptCode = col("Mã địa bàn hoặc tỉnh cũ (predecessors) được xếp hạng; để trống: "
                        "toàn tỉnh", "", default=None)
    indicator: OptCode = col("Mã chỉ tiêu liên quan (nếu có)", "grdp_6t", default=None)
    topic: Code = col("Mã lĩnh vực", "cai-cach-hanh-chinh")
    period: RequiredText = col("Kỳ xếp hạng", "2023")
    rank: Int = col("Thứ hạng", "31")
    total: Int = col("Tổng số đơn vị được xếp hạng", "63", default=None)
    scope: RequiredText = col("Phạm vi so sánh", "tỉnh, thành phố")
    change: Int = col("Số bậc tăng (+) hoặc giảm (-) so với kỳ trước", "31", default=None)
    change_reference: Text = col("Kỳ so sánh", "năm 2022", default="")
    compare_with: Codes = col(
        "Mã các xếp hạng kỳ trước in kèm để so sánh, cách nhau bởi ; (kể cả xếp hạng của các "
        "tỉnh cũ trước hợp nhất, khi số bậc không so được)", "pci_2024_tinh_cu_a; pci_2024_tinh_cu_b",
        default_factory=list)
    note: Text = col("Ghi chú", "", default="")


# ---------------------------------------------------------------- budget


class BudgetKind(StrEnum):
    REVENUE = "thu"
    SPENDING = "chi"


class BudgetLine(Sourced, Styled):
    table: ClassVar[str] = "budget"
    code: Code = col("Mã dòng ngân sách", "thu_nsnn_dia_ban")
    kind: BudgetKind = col("thu hoặc chi", "thu")
    name: RequiredText = col("Tên khoản", "Tổng thu ngân sách nhà nước trên địa bàn")
    period: RequiredText = col("Kỳ số liệu", "6 tháng đầu năm 2024")
    estimate: Num = col("Dự toán (tỷ đồng)", "1.924", default=None)
    estimate_label: Text = col("Tên gọi dự toán", "dự toán HĐND tỉnh giao",
                               default="dự toán HĐND tỉnh giao")
    estimate_period: Text = col(
        "Kỳ của dự toán, khi khác kỳ số liệu (số thực hiện 6 tháng, dự toán cả năm)", "Năm 2024",
        default="")
    actual: Num = col("Thực hiện (tỷ đồng)", "631,6", default=None)
    is_estimate: Flag = col("x nếu là số ước thực hiện", "", default=False)
    pct: Num = col("Tỷ lệ % so với dự toán, nếu văn bản ghi", "32,82", default=None)
    money_style: MoneyStyleWord = col("Cách ghi tiền: decimal (14.955,28 tỷ đồng) hoặc ty_trieu "
                                      "(631 tỷ 600 triệu đồng)", "ty_trieu",
                                      default=MoneyStyle.DECIMAL)
    order: Int = col("Thứ tự trình bày", "1", default=None)
