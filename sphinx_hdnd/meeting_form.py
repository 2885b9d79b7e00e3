"""The Excel form a clerk takes to one meeting with voters, pre-filled from the data.

Two sheets to fill, in the style of the data workbook (a note on every header
cell, drop-down lists from the project's own data): the meeting's facts for the
minutes, and one row per opinion or petition voters raise. ``hdnd
import-meetings`` (to come) reads the same columns back: they are the record
:class:`VoterSaying`, so the form and its reader cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from openpyxl.utils import get_column_letter

from .model.dataset import Dataset
from .model.fields import Codes, RequiredText, Text, col
from .model.records import AnswerLevel, PetitionKind, Record
from .scaffold.workbook import LISTS_SHEET, column_note
from .schema import FieldSpec, fields_of

FACTS_SHEET = "cuoc-tiep-xuc"
SAYINGS_SHEET = "y-kien-kien-nghi"
#: rows the drop-down lists cover on the sayings sheet
FORM_ROWS = 200


class VoterSaying(Record):
    """One opinion or petition raised at the meeting, as the clerk writes it down."""

    text: RequiredText = col("Ý kiến, kiến nghị của cử tri (ghi như cử tri nói, gọn)",
                             "Đề nghị sửa chữa đường vào bản Nậm Vì")
    voter: Text = col("Cử tri phát biểu (họ tên, thôn, bản), nếu cử tri đồng ý ghi", "",
                      default="")
    topics: Codes = col("Lĩnh vực", "giao-thong", default_factory=list)
    kind: PetitionKind = col("kien-nghi (cần trả lời) hoặc y-kien", "kien-nghi",
                             default=PetitionKind.REQUEST)
    level: AnswerLevel | None = col(
        "Cấp có thẩm quyền trả lời: trung-uong, tinh, huyen, xa", "tinh", default=None)
    committee: Text = col("Ban của HĐND tỉnh theo dõi", "Ban Kinh tế - Ngân sách", default="")
    answered_at_meeting: Text = col("Nội dung đại biểu, lãnh đạo địa phương đã giải trình "
                                    "tại buổi tiếp xúc (nếu có)", "", default="")
    note: Text = col("Ghi chú", "", default="")


@dataclass(frozen=True)
class FormHeader:
    """What the form says of its meeting, pre-filled."""

    session: str  # "Kỳ họp thứ Mười lăm, HĐND tỉnh khóa XV"
    session_code: str
    area: str
    area_code: str
    audience: str
    audience_code: str
    date: dt.date
    time: str
    place: str
    delegates: str


def header_for(ds: Dataset, area: str, audience: str | None, date: dt.date, place: str = "",
               time: str = "", delegates: str = "") -> FormHeader:
    s, prov = ds.session, ds.province
    session = (f"Kỳ họp thứ {s.ordinal}" + (f", {prov.council_short} khóa {prov.term.code}"
                                             if prov else "")) if s else ""
    a = ds.areas[area]
    aud = ds.audiences.get(audience or "")
    return FormHeader(session, s.code if s else "", a.full_name, area,
                      aud.name if aud else "Cử tri trên địa bàn", audience or "", date, time,
                      place, delegates)


FACT_ROWS: tuple[tuple[str, str], ...] = (
    ("Kỳ họp", "session"), ("Mã kỳ họp", "session_code"), ("Địa bàn", "area"),
    ("Mã địa bàn", "area_code"), ("Đối tượng cử tri", "audience"),
    ("Mã đối tượng", "audience_code"), ("Ngày tiếp xúc", "date"), ("Giờ", "time"),
    ("Địa điểm", "place"), ("Đại biểu dự", "delegates"),
)
#: the minutes' own facts, filled at the meeting
MINUTES_ROWS = ("Số cử tri dự", "Người chủ trì", "Đại diện Ủy ban MTTQ Việt Nam",
                "Thư ký ghi biên bản", "Thời gian kết thúc")


def _lists(ds: Dataset) -> dict[str, list[str]]:
    committees = sorted({p.committee for p in ds.petitions if p.committee}
                        | {r.committee for r in ds.resolutions if r.committee})
    return {"topics": list(ds.topics), "kind": [k.value for k in PetitionKind],
            "level": [lv.value for lv in AnswerLevel], "committee": committees}


def write_form(ds: Dataset, header: FormHeader, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    head_font = Font(bold=True, color="FFFFFF")
    head_fill = PatternFill("solid", fgColor="1F4E79")
    book = Workbook()
    facts = book.active
    facts.title = FACTS_SHEET
    facts["A1"] = "PHIẾU GHI Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI"
    facts["A1"].font = Font(bold=True, size=14)
    facts["A2"] = ("Các ô nền xanh đã điền sẵn từ dữ liệu: không sửa. Điền các ô còn trống "
                   f"sau buổi tiếp xúc; ghi ý kiến, kiến nghị ở trang tính {SAYINGS_SHEET}.")
    row = 4
    for label, attr in FACT_ROWS:
        value = getattr(header, attr)
        facts.cell(row=row, column=1, value=label).font = Font(bold=True)
        cell = facts.cell(row=row, column=2, value=value)
        if isinstance(value, dt.date):
            cell.number_format = "DD/MM/YYYY"
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        row += 1
    row += 1
    facts.cell(row=row, column=1, value="Biên bản cuộc tiếp xúc").font = Font(bold=True)
    row += 1
    for label in MINUTES_ROWS:
        facts.cell(row=row, column=1, value=label).font = Font(bold=True)
        row += 1
    facts.column_dimensions["A"].width = 34
    facts.column_dimensions["B"].width = 70

    lists = _lists(ds)
    lists_ws = book.create_sheet(LISTS_SHEET)
    ranges: dict[str, str] = {}
    for c, (name, values) in enumerate(lists.items(), start=1):
        lists_ws.cell(row=1, column=c, value=name).font = Font(bold=True)
        for r, v in enumerate(values, start=2):
            lists_ws.cell(row=r, column=c, value=v)
        col_letter = get_column_letter(c)
        ranges[name] = f"'{LISTS_SHEET}'!${col_letter}$2:${col_letter}${max(2, len(values) + 1)}"

    sayings = book.create_sheet(SAYINGS_SHEET, 1)
    fields: list[FieldSpec] = fields_of(VoterSaying)
    for c, f in enumerate(fields, start=1):
        cell = sayings.cell(row=1, column=c, value=f.name)
        cell.font = head_font
        cell.fill = head_fill
        cell.alignment = Alignment(vertical="top")
        note = Comment(column_note(f), "sphinx-hdnd")
        note.width, note.height = 360, 200
        cell.comment = note
        sayings.column_dimensions[get_column_letter(c)].width = 60 if f.name == "text" else 22
        source = {"topics": "topics", "kind": "kind", "level": "level",
                  "committee": "committee"}.get(f.name)
        if source and lists[source]:
            dv = DataValidation(type="list", formula1=ranges[source], allow_blank=True)
            dv.showDropDown = False  # (sic) False shows the in-cell arrow
            # several topics "a; b" are accepted after a question; the others must match
            dv.errorStyle = "warning" if f.name == "topics" else "stop"
            dv.error = "Chọn một giá trị trong danh sách thả xuống."
            dv.add(f"{get_column_letter(c)}2:{get_column_letter(c)}{FORM_ROWS + 1}")
            sayings.add_data_validation(dv)
    sayings.freeze_panes = "A2"
    path.parent.mkdir(parents=True, exist_ok=True)
    book.properties.creator = "sphinx-hdnd"
    book.save(path)


def form_name(header: FormHeader) -> str:
    who = f"-{header.audience_code}" if header.audience_code else ""
    return f"tiep-xuc-{header.area_code}{who}-{header.date:%Y%m%d}.xlsx"
