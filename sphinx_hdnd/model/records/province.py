"""The province, its council term, the provinces it was made of, and its areas."""

from __future__ import annotations

from typing import ClassVar

from ..fields import (
    Code,
    Codes,
    Date,
    FileNumberStyle,
    Int,
    NumberStyleWord,
    OptCode,
    RequiredText,
    Text,
    Texts,
    col,
)
from ..numbers import NumberStyle
from .base import Record, Styled

# ---------------------------------------------------------------- province


class Term(Record):
    code: RequiredText = col("Khóa HĐND (số La Mã)", "XV")
    start_year: Int = col("Năm bắt đầu nhiệm kỳ", "2021", default=None)
    end_year: Int = col("Năm kết thúc nhiệm kỳ", "2026", default=None)


class Predecessor(Record):
    """A province merged into this one (the 2025 reform): its figures are shown as its own."""

    code: Code = col("Mã tỉnh cũ, dùng ở cột area của indicators, rankings", "tinh-ha-lam")
    name: RequiredText = col("Tên tỉnh cũ (không kèm cấp)", "Hà Lam")
    level: Text = col("Cấp: tỉnh hoặc thành phố", "tỉnh", default="tỉnh")
    valid_to: Date = col("Hết hiệu lực từ ngày (ngày hợp nhất)", "30/06/2025", default=None)
    national_units: Int = col("Số tỉnh, thành phố cả nước khi tỉnh cũ còn (để xếp hạng)", "63",
                              default=None)

    @property
    def full_name(self) -> str:
        return f"{self.level} {self.name}"

    @property
    def display_name(self) -> str:
        """'tỉnh Hà Lam (cũ)': a former province is always named as such."""
        return f"{self.full_name} (cũ)"


class Province(Styled):
    table: ClassVar[str] = "province"
    code: Code = col("Mã tỉnh", "dien-bien")
    name: RequiredText = col("Tên tỉnh", "Điện Biên")
    council: RequiredText = col("Tên cơ quan", "Hội đồng nhân dân tỉnh Điện Biên")
    council_short: Text = col("Tên viết tắt", "HĐND tỉnh", default="HĐND tỉnh")
    standing_committee: Text = col("Cơ quan gửi đề cương", "Thường trực HĐND tỉnh",
                                   default="Thường trực HĐND tỉnh")
    term: Term
    number_style: NumberStyleWord = col("Kiểu ghi số mặc định: vi, plain hoặc auto", "auto",
                                        default=NumberStyle.AUTO)
    number_styles: dict[str, FileNumberStyle] = col(
        "Kiểu ghi số riêng cho từng tệp", "{indicators.csv: vi}", default_factory=dict
    )
    area_level_label: Text = col("Tên gọi chung của địa bàn", "huyện, thị xã, thành phố",
                                 default="địa bàn")
    national_units: Int = col("Số tỉnh, thành phố cả nước dùng khi xếp hạng", "63", default=None)
    # the province's own rule (no rule is built in): days to answer after forwarding
    petition_deadline_days: dict[str, int] = col(
        "Số ngày phải trả lời kiến nghị kể từ ngày chuyển, theo cấp trả lời (trung-uong, tinh, "
        "huyen, xa) hoặc tat-ca cho mọi cấp", "{tinh: 30, xa: 15}", default_factory=dict)
    predecessors: list[Predecessor] = col(
        "Các tỉnh cũ hợp nhất thành tỉnh (sau sắp xếp năm 2025); để trống nếu không hợp nhất",
        "", default_factory=list)


# ---------------------------------------------------------------- areas


class Area(Record):
    table: ClassVar[str] = "areas"
    code: Code = col("Mã địa bàn", "muong-nhe")
    name: RequiredText = col("Tên địa bàn (không kèm cấp)", "Mường Nhé")
    level: RequiredText = col("Cấp: huyện, thị xã, thành phố, xã, phường, đơn vị bầu cử …", "huyện")
    parent: OptCode = col("Mã địa bàn cấp trên (để trống nếu trực thuộc tỉnh)", "", default=None)
    valid_from: Date = col("Có hiệu lực từ ngày", "", default=None)
    valid_to: Date = col("Hết hiệu lực từ ngày (sau sắp xếp đơn vị hành chính)", "30/06/2025",
                         default=None)
    successors: Codes = col("Mã các địa bàn mới thay thế, cách nhau bởi ;", "", default_factory=list)
    aliases: Texts = col("Các cách viết khác trong văn bản, cách nhau bởi ;", "Mường Nhé",
                         default_factory=list)
    order: Int = col("Thứ tự hiển thị", "1", default=None)
    attributes: Codes = col(
        "Đặc điểm của địa bàn, cách nhau bởi ; (bien-gioi, do-thi, nong-thon, "
        "dan-toc-thieu-so …): quyết định đối tượng cử tri nào có đề cương tại đây",
        "bien-gioi; nong-thon; dan-toc-thieu-so", default_factory=list)
    attributes_source: OptCode = col("Mã nguồn (sources.csv) căn cứ xác định đặc điểm", "dc_k15",
                                     default=None)
    attributes_section: Text = col("Mục, trang của nguồn căn cứ xác định đặc điểm", "",
                                   default="")
    seats: Int = col("Đơn vị bầu cử: số đại biểu HĐND tỉnh được bầu", "3", default=None)
    election_date: Date = col("Đơn vị bầu cử: ngày bầu cử", "15/03/2026", default=None)

    @property
    def full_name(self) -> str:
        """'huyện Mường Nhé', 'thành phố Điện Biên Phủ'."""
        return f"{self.level} {self.name}"

    @property
    def is_former(self) -> bool:
        """An area that no longer exists (it has an end of validity)."""
        return self.valid_to is not None

    @property
    def display_name(self) -> str:
        """The name pages print: 'huyện Lâm Viên (cũ)' for a former area."""
        return f"{self.full_name} (cũ)" if self.is_former else self.full_name
