"""The Excel workbook of a project: a guide sheet, one sheet per table (a note on every header
cell, a drop-down list on every code column, all from the record classes), a sheet of lists."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from ..model.loader import default_topics
from ..schema import KIND_HELP, TABLES, FieldSpec, Kind, fields_of

#: the sheet of drop-down lists in the workbook (not a table: the loader ignores it)
LISTS_SHEET = "danh-muc"
GUIDE_SHEET = "huong-dan"
#: rows of each sheet that carry the drop-down lists
VALIDATION_ROWS = 1000


def column_note(f: FieldSpec) -> str:
    """The note on a header cell: what the column holds, how to write it, an example."""
    lines = [f.description or f.name, ""]
    lines.append(("Bắt buộc" if f.required else "Không bắt buộc")
                 + (f" (để trống: {f.default})" if f.default else ""))
    lines.append(f"Kiểu: {f.type_label}: {KIND_HELP[f.kind]}")
    if f.choices:
        lines.append("Giá trị cho phép: " + ", ".join(f.choices))
    if f.example:
        lines.append(f"Ví dụ: {f.example}")
    return "\n".join(lines)


def _lists(topics: Iterable[str], audiences: Iterable[str],
           sessions: Iterable[str]) -> dict[str, list[str]]:
    return {
        "topics": list(topics),
        "audiences": list(audiences),
        "sessions": list(sessions),
        "flags": ["x", "không"],
    }


def _list_ranges(lists: dict[str, list[str]]) -> dict[str, str]:
    """List name -> the cell range a drop-down offers (a column of a sheet)."""
    out = {}
    for i, name in enumerate(lists, start=1):
        col = get_column_letter(i)
        out[name] = f"'{LISTS_SHEET}'!${col}$2:${col}${VALIDATION_ROWS}"
    for spec in TABLES:
        names = [f.name for f in fields_of(spec.record)]
        if "code" in names:
            col = get_column_letter(names.index("code") + 1)
            out[spec.name] = f"'{spec.name}'!${col}$2:${col}${VALIDATION_ROWS}"
    return out


def _validation(f: FieldSpec, ranges: dict[str, str]) -> Any | None:
    """The data validation of a column, or None when the column takes free values."""
    from openpyxl.worksheet.datavalidation import DataValidation

    multiple = f.kind in (Kind.CODES, Kind.TEXTS)
    if f.choices:
        formula = '"' + ",".join(f.choices) + '"'
    elif f.kind is Kind.FLAG:
        formula = ranges["flags"]
    elif f.refers_to and f.refers_to in ranges:
        formula = ranges[f.refers_to]
    else:
        return None
    dv = DataValidation(type="list", formula1=formula, allow_blank=True)
    dv.showDropDown = False  # (sic) False shows the in-cell arrow
    dv.showInputMessage = True
    dv.promptTitle = f.name[:32]
    dv.prompt = (f.description or f.name)[:250]
    dv.showErrorMessage = True
    if multiple or f.kind is Kind.FLAG:
        # several codes “a; b” or a word like “có”: accepted after a question
        dv.errorStyle = "warning"
        dv.errorTitle = "Kiểm tra giá trị"
        dv.error = ("Giá trị không có trong danh sách. Nhiều mã thì cách nhau bởi dấu ; "
                    "Chọn Yes để giữ nguyên.")[:250]
    else:
        dv.errorStyle = "stop"
        dv.errorTitle = "Giá trị không hợp lệ"
        dv.error = "Chọn một giá trị trong danh sách thả xuống."
    return dv


GUIDE_LINES = [
    "HƯỚNG DẪN NHẬP SỐ LIỆU (sphinx-hdnd)",
    "",
    "Mỗi trang tính là một bảng số liệu: areas (địa bàn), sources (nguồn), indicators "
    "(chỉ tiêu), rankings (xếp hạng), budget (ngân sách), resolutions (nghị quyết), "
    "petitions (kiến nghị).",
    "Dòng 1 là tên cột: không đổi tên, không xóa cột bắt buộc (tên cột nền đỏ). Di chuột vào "
    "ô tên cột để xem ghi chú (nội dung, kiểu dữ liệu, ví dụ). Các cột mã có danh sách thả xuống.",
    "",
    "Số liệu mẫu đều là MINH HỌA (cột illustrative = x, nguồn minh_hoa): xóa các dòng mẫu, "
    "nhập số liệu thật, khai báo văn bản nguồn thật trong trang sources.",
    "",
    "Bảng không dùng (ví dụ rankings): xóa cả trang tính. Trang tính chỉ có dòng tên cột bị "
    "báo lỗi HD103, trừ editorial, petition_history, meetings (được để trống đến khi dùng).",
    "Trang danh-muc chứa các danh sách thả xuống (lĩnh vực, đối tượng cử tri, kỳ họp): sau khi "
    "khai báo thêm đối tượng cử tri (audiences.yaml) hoặc kỳ họp (session.yaml), chạy lệnh  "
    "hdnd update-lists --write  để cập nhật trang này (không sửa trang tính số liệu nào).",
    "",
    "Sau khi nhập: chạy lệnh  hdnd validate  để kiểm tra (báo tệp, dòng, cột của "
    "từng lỗi), rồi  hdnd build  để xây dựng trang web và bản in.",
    "",
    "Nếu một bảng được lưu thành tệp riêng (ví dụ areas.csv hoặc areas.xlsx trong thư mục "
    "data), tệp riêng đó được dùng thay cho trang tính cùng tên trong tệp này.",
]


def write_workbook(path: Path, rows: dict[str, list[dict[str, Any]]] | None = None,
                   topics: Iterable[str] | None = None, audiences: Iterable[str] = (),
                   sessions: Iterable[str] = ()) -> None:
    """The Excel workbook: a guide sheet, one sheet per table, a sheet of lists.

    Every header cell has a note (description, type, allowed values, example)
    and every code column a drop-down list, all from the record classes.
    """
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill

    rows = rows or {}
    if topics is None:
        topics = list(default_topics())
    lists = _lists(topics, audiences, sessions)
    ranges = _list_ranges(lists)
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1F4E79")
    required_fill = PatternFill("solid", fgColor="9C2A00")

    book = Workbook()
    guide = book.active
    guide.title = GUIDE_SHEET
    for i, line in enumerate(GUIDE_LINES, start=1):
        guide.cell(row=i, column=1, value=line)
    guide["A1"].font = Font(bold=True, size=14)
    guide.column_dimensions["A"].width = 110

    for spec in TABLES:
        ws = book.create_sheet(spec.name)
        fields = fields_of(spec.record)
        for c, f in enumerate(fields, start=1):
            cell = ws.cell(row=1, column=c, value=f.name)
            cell.font = header_font
            cell.fill = required_fill if f.required else header_fill
            cell.alignment = Alignment(vertical="top")
            note = Comment(column_note(f), "sphinx-hdnd")
            note.width, note.height = 360, 200
            cell.comment = note
            width = max(len(f.name) + 4, 14 if f.kind in (Kind.CODE, Kind.NUMBER) else 22)
            ws.column_dimensions[get_column_letter(c)].width = min(width, 48)
            dv = _validation(f, ranges)
            if dv is not None:
                col = get_column_letter(c)
                dv.add(f"{col}2:{col}{VALIDATION_ROWS}")
                ws.add_data_validation(dv)
        for r, record in enumerate(rows.get(spec.name, []), start=2):
            unknown = set(record) - {f.name for f in fields}
            if unknown:  # a programming error in the sample
                raise KeyError(f"{spec.name}: {sorted(unknown)}")
            for c, f in enumerate(fields, start=1):
                if f.name in record:
                    cell = ws.cell(row=r, column=c, value=record[f.name])
                    if f.kind is Kind.DATE:
                        cell.number_format = "DD/MM/YYYY"
        ws.freeze_panes = "B2"

    lists_ws = book.create_sheet(LISTS_SHEET)
    for c, (name, values) in enumerate(lists.items(), start=1):
        head = lists_ws.cell(row=1, column=c, value=name)
        head.font = header_font
        head.fill = header_fill
        lists_ws.column_dimensions[get_column_letter(c)].width = 24
        for r, value in enumerate(values, start=2):
            lists_ws.cell(row=r, column=c, value=value)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)

