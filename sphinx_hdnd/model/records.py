"""Typed records of a council's data. Pure Python: no Sphinx here.

Each record class is also the schema of its file: field descriptions and
examples are the data reference of the user guide, generated from here.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from enum import StrEnum
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

from .fields import (
    Code,
    Codes,
    Date,
    Flag,
    Int,
    Num,
    OptCode,
    RequiredDate,
    RequiredText,
    Text,
    Texts,
    col,
)
from .origin import Origin

NOWHERE = Origin("")


class Record(BaseModel):
    """Base of every record: frozen, strict about unknown fields, located."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    origin: SkipJsonSchema[Origin] = Field(default=NOWHERE, exclude=True)

    #: file stem (tables) or YAML key this record is read from, for the docs
    table: ClassVar[str] = ""


class Sourced(Record):
    """A record that cites a source and may be illustrative (not from a real document)."""

    source: OptCode = col("Mã nguồn trong sources.csv", "dc_k15", default=None)
    source_section: Text = col("Mục, trang của nguồn", "I.1.1 (1)", default="")
    illustrative: Flag = col(
        "Đánh dấu x nếu số liệu là minh họa, không lấy từ văn bản thật", "", default=False
    )
    # a record built from two documents cites both (the report and the đề cương)
    also_source: OptCode = col("Mã nguồn thứ hai, khi nội dung lấy từ hai văn bản", "bc_ubnd_2023",
                               default=None)
    also_source_section: Text = col("Mục, trang của nguồn thứ hai", "Phần thứ hai, II.9",
                                    default="")

    @property
    def citations(self) -> list[tuple[str, str]]:
        """(source code, section) of every document this record draws on, in order."""
        found = [(self.source, self.source_section), (self.also_source, self.also_source_section)]
        return [(code, section) for code, section in found if code is not None]


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


class Province(Record):
    table: ClassVar[str] = "province"
    code: Code = col("Mã tỉnh", "dien-bien")
    name: RequiredText = col("Tên tỉnh", "Điện Biên")
    council: RequiredText = col("Tên cơ quan", "Hội đồng nhân dân tỉnh Điện Biên")
    council_short: Text = col("Tên viết tắt", "HĐND tỉnh", default="HĐND tỉnh")
    standing_committee: Text = col("Cơ quan gửi đề cương", "Thường trực HĐND tỉnh",
                                   default="Thường trực HĐND tỉnh")
    term: Term
    number_style: Text = col("Kiểu ghi số mặc định: vi, plain hoặc auto", "auto", default="auto")
    number_styles: dict[str, str] = col(
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


# ---------------------------------------------------------------- topics and audiences


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


# ---------------------------------------------------------------- sources


class Source(Record):
    table: ClassVar[str] = "sources"
    code: Code = col("Mã nguồn", "dc_k15")
    title: RequiredText = col("Tên văn bản", "Đề cương báo cáo kết quả kỳ họp thứ Mười lăm")
    issuer: Text = col("Cơ quan ban hành", "Thường trực HĐND tỉnh", default="")
    number: Text = col("Số, ký hiệu", "", default="")
    date: Date = col("Ngày ban hành", "", default=None)
    url: Text = col("Địa chỉ trực tuyến (nếu có)", "", default="")
    illustrative: Flag = col("Nguồn minh họa (không phải văn bản thật)", "", default=False)


# ---------------------------------------------------------------- session


class Attendance(Record):
    present: Int = col("Số đại biểu có mặt", "45")
    total: Int = col("Tổng số đại biểu", "50")


class FrontActivity(Sourced):
    meetings: Int = col("Số cuộc tiếp xúc cử tri", "400", default=None)
    attendees: Int = col("Số lượt người tham dự", "31860", default=None)
    opinions: Int = col("Số lượt ý kiến, kiến nghị", "1490", default=None)
    summary: Text = col("Tóm tắt hoạt động", "", default="")


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


# ---------------------------------------------------------------- indicators


#: the words the documents put before a figure ("hơn 171 tỷ đồng", "khoảng 20.951 tỷ đồng")
VALUE_QUALIFIERS = ("hơn", "trên", "khoảng", "gần", "dưới", "chưa đến", "ít nhất")


class Indicator(Sourced):
    table: ClassVar[str] = "indicators"
    code: Code = col("Mã chỉ tiêu, duy nhất", "grdp_6t")
    name: RequiredText = col("Tên chỉ tiêu", "Tốc độ tăng trưởng GRDP")
    topic: Code = col("Mã lĩnh vực", "kinh-te")
    unit: Text = col("Đơn vị tính: %, ‰, tỷ đồng, tấn, lượt người …", "%", default="")
    period: RequiredText = col("Kỳ số liệu", "6 tháng đầu năm 2024")
    area: OptCode = col("Mã địa bàn; để trống nếu là số liệu toàn tỉnh", "", default=None)
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


class BudgetLine(Sourced):
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
    money_style: Text = col("Cách ghi tiền: decimal (14.955,28 tỷ đồng) hoặc ty_trieu "
                            "(631 tỷ 600 triệu đồng)", "ty_trieu", default="decimal")
    order: Int = col("Thứ tự trình bày", "1", default=None)


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


# ---------------------------------------------------------------- petitions


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


TABLE_RECORDS: dict[str, type[Sourced | Record]] = {
    cls.table: cls
    for cls in (Area, Source, Indicator, Ranking, BudgetLine, Resolution, Petition, Choice)
}

__all__ = [
    "NOWHERE", "PETITION_STATUS_LABELS", "TABLE_RECORDS", "Area", "Attendance", "Audience",
    "BudgetKind", "BudgetLine", "Choice", "ChoiceAction", "Debate", "FrontActivity", "Indicator", "LocalItem",
    "LocalItemKind", "Narrative", "NarrativeItem", "PastSession", "Petition", "PetitionStatus",
    "Predecessor", "Province", "Questioning", "Ranking", "Record", "Resolution", "Session",
    "Source", "Sourced", "TaskGroup", "Term", "Topic", "dt",
]
